/**
 * A Content-Disposition value with the file name twice: plain ASCII (quotes and backslashes
 * replaced) for old clients, UTF-8 (RFC 6266/5987) for the rest.
 */
export function contentDisposition(kind: 'inline' | 'attachment', fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

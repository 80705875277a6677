/** A multipart/form-data body as a browser sends it, for app.inject. */
export function multipart(parts: { name: string; fileName?: string; type?: string; content: Buffer | string }[]) {
  const boundary = `----agendum${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const disposition = `form-data; name="${part.name}"${part.fileName !== undefined ? `; filename="${part.fileName}"` : ''}`;
    const head = `--${boundary}\r\nContent-Disposition: ${disposition}\r\n${part.type ? `Content-Type: ${part.type}\r\n` : ''}\r\n`;
    chunks.push(
      Buffer.from(head),
      Buffer.isBuffer(part.content) ? part.content : Buffer.from(part.content),
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** One file part named "file". */
export const fileUpload = (fileName: string, content: Buffer | string, type = 'application/octet-stream') =>
  multipart([{ name: 'file', fileName, type, content }]);

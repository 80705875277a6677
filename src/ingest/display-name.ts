/** A client's file name, fit to show and to offer back on download (never used as a path). */
export function displayName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  // Control characters would break a log line and the page; quotes go too, as they always have.
  const clean = base
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f"]/g, '')
    // Bidirectional overrides would make `annex\u202efdp.exe` read as `annexexe.pdf`.
    .replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .trim()
    .slice(0, 200);
  return clean || 'upload';
}

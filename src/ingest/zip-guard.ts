import yauzl from 'yauzl';
import { Errors } from '../domain/errors.js';

export interface ZipLimits {
  /** Total bytes all entries may inflate to. */
  maxUnzippedBytes: number;
  maxEntries: number;
}

/** The parts of a Word file read beside mammoth: the text's XML, footnotes, comments, page headers. */
const KEPT_PART = /^word\/(document|footnotes|endnotes|comments|header\d*|footer\d*)\.xml$/;

/**
 * Inflates every entry of a .docx once, counting real bytes (declared sizes lie in a zip bomb),
 * and stops at the limit before mammoth ever unpacks it. Also checks that it is a Word document.
 * Returns the XML of the parts agendum reads itself (tracked changes, comments, objects), as text.
 */
export async function assertSafeDocx(bytes: Buffer, limits: ZipLimits): Promise<Map<string, string>> {
  const kept = new Map<string, Buffer[]>();
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.fromBuffer(bytes, { lazyEntries: true, validateEntrySizes: true }, (error, file) =>
      error ? reject(Errors.badUpload(`The Word file is damaged: ${error.message}.`)) : resolve(file),
    ),
  );
  const names = new Set<string>();
  let entries = 0;
  let total = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      const fail = (error: unknown) => reject(error);
      zip.on('error', (error: Error) => fail(Errors.badUpload(`The Word file is damaged: ${error.message}.`)));
      zip.on('end', () => resolve());
      zip.on('entry', (entry: yauzl.Entry) => {
        names.add(entry.fileName);
        // Counted, not the set's size: repeated names must not slip past the limit.
        entries += 1;
        if (entries > limits.maxEntries)
          return fail(Errors.badUpload(`The file holds more than ${limits.maxEntries} parts; it is not a cover note.`));
        if (entry.isEncrypted())
          return fail(Errors.badUpload('The Word file is password-protected; save it without a password.'));
        if (entry.fileName.endsWith('/')) return zip.readEntry();
        zip.openReadStream(entry, (error, stream) => {
          if (error) return fail(Errors.badUpload(`The Word file is damaged: ${error.message}.`));
          const chunks: Buffer[] | null = KEPT_PART.test(entry.fileName) ? [] : null;
          if (chunks) kept.set(entry.fileName, chunks);
          stream.on('data', (chunk: Buffer) => {
            chunks?.push(chunk);
            total += chunk.length;
            if (total > limits.maxUnzippedBytes) {
              stream.destroy();
              fail(
                Errors.badUpload(
                  `The Word file unpacks to more than ${Math.round(limits.maxUnzippedBytes / 1e6)} MB; it is refused as a possible zip bomb.`,
                ),
              );
            }
          });
          stream.on('error', (e: Error) => fail(Errors.badUpload(`The Word file is damaged: ${e.message}.`)));
          stream.on('end', () => zip.readEntry());
        });
      });
      zip.readEntry();
    });
  } finally {
    zip.close();
  }
  if (!names.has('[Content_Types].xml') || !names.has('word/document.xml')) {
    throw Errors.unsupportedUpload('This zip file is not a Word document (.docx).');
  }
  return new Map([...kept].map(([name, chunks]) => [name, Buffer.concat(chunks).toString('utf8')]));
}

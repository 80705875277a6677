import { PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { zipOf } from './zip.js';

/**
 * Files an attacker uploads: zip bombs, scripts inside PDFs, names that climb out of folders,
 * bytes that lie about their type. Built in memory, deterministic.
 */

/** The global a PDF's script would set if anything in this process ever ran it. */
export const SCRIPT_MARKER = '__agendumPdfScriptRan';

const CONTENT_TYPES =
  '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>';
const WORD_XML = (text: string) =>
  `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:body></w:document>`;

/** A one-page PDF made by pdf-lib: what a harmless annex looks like. */
export async function blankPdf(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.addPage([200, 200]);
  return Buffer.from(await doc.save());
}

/**
 * The same PDF with JavaScript everywhere a viewer runs it: the document's OpenAction, the
 * document-level JavaScript name tree, the page's open action and a link annotation covering
 * the page. The script sets SCRIPT_MARKER on the global object (and alerts in a PDF viewer).
 */
export async function withJavaScript(pdf: Uint8Array): Promise<Buffer> {
  const doc = await PDFDocument.load(pdf);
  const { context } = doc;
  const script = `globalThis.${SCRIPT_MARKER} = true; app.alert('agendum');`;
  const action = context.register(context.obj({ Type: 'Action', S: 'JavaScript', JS: PDFString.of(script) }));
  doc.catalog.set(PDFName.of('OpenAction'), action);
  doc.catalog.set(
    PDFName.of('Names'),
    context.obj({ JavaScript: context.obj({ Names: [PDFString.of('agendum'), action] }) }),
  );
  const page = doc.getPage(0);
  page.node.set(PDFName.of('AA'), context.obj({ O: action }));
  const link = context.register(
    context.obj({ Type: 'Annot', Subtype: 'Link', Rect: [0, 0, 100, 100], Border: [0, 0, 0], A: action }),
  );
  page.node.set(PDFName.of('Annots'), context.obj([link]));
  return Buffer.from(await doc.save());
}

/** Whether PDF bytes hold a JavaScript action anywhere (uncompressed objects, as pdf-lib and pdfkit write them). */
export const holdsJavaScript = (pdf: Buffer) => /\/S\s*\/JavaScript|\/JS\s*[(<]/.test(pdf.toString('latin1'));

/** Zip bombs against the .docx reader, for limits of 2 MB unpacked and 100 entries. */
export function zipBombs(): Record<string, Buffer> {
  const bulk = Buffer.alloc(8 * 1024 * 1024, 0x20);
  return {
    // 8 MB of spaces deflate to about 8 kB: four times the 2 MB the test allows a .docx to unpack to.
    'bomb.docx': zipOf([
      { name: '[Content_Types].xml', content: CONTENT_TYPES },
      { name: 'word/document.xml', content: bulk },
    ]),
    // The headers claim 1 kB: the reader must count real bytes, not declared ones.
    'lying-bomb.docx': zipOf([
      { name: '[Content_Types].xml', content: CONTENT_TYPES },
      { name: 'word/document.xml', content: bulk, declaredSize: 1024 },
    ]),
    'many-entries.docx': zipOf([
      { name: '[Content_Types].xml', content: CONTENT_TYPES },
      { name: 'word/document.xml', content: WORD_XML('x') },
      ...Array.from({ length: 150 }, (_, i) => ({ name: `word/media/${i}.xml`, content: 'x' })),
    ]),
    // Zip slip: an entry that would land outside any folder it were extracted to.
    'zip-slip.docx': zipOf([
      { name: '[Content_Types].xml', content: CONTENT_TYPES },
      { name: 'word/document.xml', content: WORD_XML('1. Issue at stake') },
      { name: '../../../../tmp/agendum-zip-slip.txt', content: 'escaped' },
    ]),
  };
}

/** Bytes whose type is not what their name says. */
export const WRONG_MAGIC: Record<string, Buffer> = {
  'image.pdf': Buffer.from(
    '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000a49444154789c63000100000500010d0a2db40000000049454e44ae426082',
    'hex',
  ),
  'setup.docx': Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00'), Buffer.alloc(300, 0)]),
  'program.txt': Buffer.concat([Buffer.from('\x7fELF\x02\x01\x01\x00'), Buffer.alloc(300, 0)]),
  'archive.docx': zipOf([{ name: 'readme.txt', content: 'not a Word document' }]),
  'page.pdf': Buffer.from('<!doctype html><html><body><script>alert(1)</script></body></html>'),
  'latin1.txt': Buffer.from('1. Issue at stake\n\xe9t\xe9 \xff\xfe\n', 'latin1'),
};

/** Client file names that try to climb out of the uploads folder, hide an extension or break a header. */
export const HOSTILE_FILE_NAMES = [
  '../../etc/passwd',
  '../../../../../../tmp/agendum-escape.pdf',
  '..\\..\\windows\\win.ini',
  '/etc/passwd',
  'C:\\Windows\\System32\\drivers\\etc\\hosts',
  '\\\\server\\share\\annex.pdf',
  'annex.pdf\u0000.exe',
  '\u0000',
  '..%2F..%2Fetc%2Fpasswd',
  '....//....//annex.pdf',
  'annex\u202efdp.exe',
  `${'a'.repeat(1000)}.pdf`,
  '.',
  '..',
  '',
  '"quoted".pdf',
  'semi;colon=1.pdf',
  'uploads/.tmp-00000000000000000000000000000000.pdf',
];

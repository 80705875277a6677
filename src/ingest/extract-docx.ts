import mammoth from 'mammoth';
import { Errors } from '../domain/errors.js';
import { takeDocxInventory } from './docx-inventory.js';
import { inventoryWarnings, mammothWarnings, TrackedChanges } from './docx-warnings.js';
import type { ExtractedLine, ExtractedText } from './extracted-text.js';
import { readMammothHtml } from './read-mammoth-html.js';

/**
 * A Word document's paragraphs, lists, tables and footnotes, through mammoth's HTML (which
 * keeps footnotes, unlike its raw text), and what mammoth does not tell, read from the XML parts
 * zip-guard.ts kept: pending tracked changes, comments, objects, the real header rows. The zip
 * was inflated under limits before. External files stay closed: a .docx may point at server paths.
 */
export async function extractDocx(
  bytes: Buffer,
  parts: Map<string, string> = new Map(),
  options: { trackedChanges?: TrackedChanges } = {},
): Promise<ExtractedText> {
  const inventory = takeDocxInventory(parts);
  if (options.trackedChanges === TrackedChanges.refuse && inventory.trackedChanges > 0) {
    const n = inventory.trackedChanges;
    throw Errors.badUpload(
      `The Word file has ${n} pending tracked ${n === 1 ? 'change' : 'changes'}. Accept or reject ${n === 1 ? 'it' : 'them'} in Word (Review, Accept or Reject), save the file and upload it again.`,
    );
  }
  let result: Awaited<ReturnType<typeof mammoth.convertToHtml>>;
  try {
    result = await mammoth.convertToHtml(
      { buffer: bytes },
      // Images are not part of a cover note's text (a warning names each): no base64 copy in the HTML.
      { externalFileAccess: false, convertImage: mammoth.images.imgElement(async () => ({ src: '' })) },
    );
  } catch (error) {
    throw Errors.badUpload(`The Word file cannot be read: ${(error as Error).message.split('\n')[0]}.`);
  }
  const read = readMammothHtml(result.value);
  const warnings = [...inventoryWarnings(inventory), ...mammothWarnings(result.messages), ...(read.warnings ?? [])];
  return {
    ...read,
    lines: withHeaderRows(read.lines, inventory.tableHeaders),
    ...(warnings.length > 0 && { warnings }),
    ...(parts.size > 0 && { sourceText: inventory.paragraphs }),
  };
}

/**
 * Mammoth takes any `<w:tblHeader>` for a header row, `w:val="off"` included (as the docx
 * package writes every other row): the XML's own flags win where the tables line up.
 */
function withHeaderRows(lines: ExtractedLine[], tableHeaders: boolean[][]): ExtractedLine[] {
  const seen = new Map<number, number>();
  const rowsOf = new Map<number, number>();
  for (const line of lines)
    if (typeof line !== 'string' && 'cells' in line) rowsOf.set(line.table, (rowsOf.get(line.table) ?? 0) + 1);
  return lines.map((line) => {
    if (typeof line === 'string' || !('cells' in line)) return line;
    const flags = tableHeaders[line.table - 1];
    const index = seen.get(line.table) ?? 0;
    seen.set(line.table, index + 1);
    if (!flags || flags.length !== rowsOf.get(line.table)) return line;
    return { ...line, header: flags[index]! };
  });
}

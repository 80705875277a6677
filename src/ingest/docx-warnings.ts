import type { DocxInventory, DocxObject } from './docx-inventory.js';
import { IngestWarningCode, quoteStart, type IngestWarning } from './ingest-warnings.js';
import { plural } from '../domain/plural.js';

export { TrackedChanges } from '../domain/tracked-changes.js';

const article = (kind: string) => (/^[aeiou]/.test(kind) ? `An ${kind}` : `A ${kind}`);

function place(object: DocxObject): string {
  if (object.paragraph === '') return 'at the start of the draft';
  return `${object.inParagraph ? 'in the paragraph' : 'after the paragraph'} ${quoteStart(object.paragraph)}`;
}

function objectWarning(object: DocxObject): IngestWarning {
  const own = object.text !== '' ? ` (${quoteStart(object.text)})` : '';
  const fate = object.read ? 'its text was read as a paragraph after that one' : 'it was left out';
  return {
    code: IngestWarningCode.embeddedObject,
    message: `${article(object.kind)}${own} ${place(object)}: ${fate}.`,
  };
}

/** Warnings for what a Word file holds besides text: each says what it was and what became of it. */
export function inventoryWarnings(inventory: DocxInventory): IngestWarning[] {
  const warnings: IngestWarning[] = [];
  const changes = inventory.trackedChanges;
  if (changes > 0)
    warnings.push({
      code: IngestWarningCode.trackedChanges,
      message: `The draft has ${plural(changes, 'pending tracked change', 'pending tracked changes')}; ${changes === 1 ? 'it was' : 'they were'} read as accepted (inserted text kept, deleted text left out).`,
    });
  const comments = inventory.comments;
  if (comments.length > 0)
    warnings.push({
      code: IngestWarningCode.comments,
      message: `The draft has ${plural(comments.length, 'comment', 'comments')}; comments are not part of the note and were left out: ${quoteStart(comments.join(' / '))}.`,
    });
  warnings.push(...inventory.objects.map(objectWarning));
  if (inventory.pageHeaderText !== '')
    warnings.push({
      code: IngestWarningCode.unreadContent,
      message: `The page header and footer of the Word file are not read into the note: ${quoteStart(inventory.pageHeaderText)}.`,
    });
  return warnings;
}

/** Equations are named by the inventory already; other elements mammoth skips are named here. */
const REPORTED = /oMath(Para)?$/;

/** Mammoth's own messages that mean content was skipped: each element kind once. */
export function mammothWarnings(messages: { type: string; message: string }[]): IngestWarning[] {
  const skipped = new Set<string>();
  for (const { message } of messages) {
    const element = /^An unrecognised element was ignored: (?:\{[^}]*\})?(\S+)/.exec(message)?.[1];
    if (element && !REPORTED.test(element)) skipped.add(element);
  }
  return [...skipped].map((element) => ({
    code: IngestWarningCode.unreadContent,
    message: `Word content of a kind agendum does not read (${element}) was left out.`,
  }));
}

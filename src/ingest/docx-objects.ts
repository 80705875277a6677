import { Parser } from 'htmlparser2';
import type { DocxObject, ObjectKind } from './docx-inventory.js';
import { foldSpaces } from '../domain/note-blocks.js';

/** Containers of an object: a DrawingML drawing, a VML picture, an OLE object. */
const CONTAINERS = new Set(['w:drawing', 'w:pict', 'w:object']);
/** Inner elements that say what an object is, strongest first. */
const KINDS: [string, ObjectKind][] = [
  ['c:chart', 'chart'],
  ['w:txbxContent', 'text box'],
  ['pic:pic', 'image'],
  ['v:imagedata', 'image'],
];
const isOff = (value: string | undefined) => value === 'off' || value === 'false' || value === '0';

interface Open {
  container: string;
  found: Set<ObjectKind>;
  text: string;
  read: boolean;
}

/**
 * Walks the body's XML once: each object (images, charts, text boxes, equations) with the text
 * of the paragraph it stood in, and the header-row flag of each row of each top-level table.
 * Word writes a drawing twice, as DrawingML and as a VML fallback: only the first is counted,
 * the fallback only says whether mammoth (which reads it) gets a text box's text.
 */
export function readBody(xml: string): { objects: DocxObject[]; tableHeaders: boolean[][] } {
  const objects: DocxObject[] = [];
  const tableHeaders: boolean[][] = [];
  let paragraphDepth = 0;
  let paragraphText = '';
  let lastText = '';
  let pending: Omit<DocxObject, 'paragraph' | 'inParagraph'>[] = [];
  let object: Open | null = null;
  let equation: { text: string } | null = null;
  let inText = 0;
  let fallback = 0;
  let fallbackReadsTextBox = false;
  let tables = 0;
  let inTextBox = 0;

  const finish = (kind: ObjectKind, text: string, read: boolean) => pending.push({ kind, text: text.trim(), read });
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (name === 'mc:Fallback') fallback += 1;
        if (name === 'w:txbxContent') inTextBox += 1;
        if (fallback > 0) {
          if (name === 'w:txbxContent') fallbackReadsTextBox = true;
          return;
        }
        if (name === 'mc:AlternateContent') fallbackReadsTextBox = false;
        if (name === 'w:p') paragraphDepth += 1;
        else if (name === 'w:t') inText += 1;
        else if (name === 'm:oMath' && !equation && !object) equation = { text: '' };
        else if (CONTAINERS.has(name) && !object) object = { container: name, found: new Set(), text: '', read: false };
        else if (name === 'w:tbl') tables += 1;
        else if (name === 'w:tr' && tables === 1 && inTextBox === 0) tableHeaders.at(-1)?.push(false);
        else if (name === 'w:tblHeader' && tables === 1 && inTextBox === 0) {
          const rows = tableHeaders.at(-1);
          if (rows && rows.length > 0) rows[rows.length - 1] = !isOff(attrs['w:val']);
        }
        if (name === 'w:tbl' && tables === 1 && inTextBox === 0) tableHeaders.push([]);
        const kind = KINDS.find(([element]) => element === name)?.[1];
        if (object && kind) {
          object.found.add(kind);
          if (kind === 'text box' && object.container === 'w:pict') object.read = true;
        }
      },
      ontext(text) {
        if (fallback > 0) return;
        if (equation && !object) equation.text += text;
        else if (object && inText > 0) object.text += text;
        else if (inText > 0 && paragraphDepth === 1) paragraphText += text;
      },
      onclosetag(name) {
        if (name === 'w:txbxContent') inTextBox -= 1;
        if (name === 'mc:Fallback') {
          fallback -= 1;
          return;
        }
        if (fallback > 0) return;
        if (name === 'w:t') inText -= 1;
        else if (name === 'w:tbl') tables -= 1;
        else if (name === 'm:oMath' && equation && !object) {
          finish('equation', equation.text, false);
          equation = null;
        } else if (object && name === object.container) {
          const kind =
            KINDS.find(([, k]) => object!.found.has(k))?.[1] ?? (name === 'w:object' ? 'embedded object' : 'drawing');
          finish(kind, object.text, object.read);
          object = null;
        } else if (name === 'mc:AlternateContent' && fallbackReadsTextBox) {
          const last = pending.at(-1);
          if (last?.kind === 'text box') last.read = true;
        } else if (name === 'w:p' && (paragraphDepth -= 1) === 0) {
          const text = foldSpaces(paragraphText);
          for (const found of pending)
            objects.push({ ...found, paragraph: text || lastText, inParagraph: text !== '' });
          pending = [];
          if (text !== '') lastText = text;
          paragraphText = '';
        }
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.end(xml);
  return { objects, tableHeaders };
}

import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFStream, PDFString, type PDFObject } from 'pdf-lib';
import { Errors } from '../domain/errors.js';
import { ALLOWED_URL_SCHEMES, isAllowedUrl, quoteUrl } from '../domain/link-url.js';
import { FilePurpose } from '../domain/file-purpose.js';

/** Action types that run code or reach outside the document. */
const ACTIVE_ACTIONS = new Set(['/JavaScript', '/Launch', '/ImportData', '/SubmitForm', '/RichMedia']);
/** Keys whose mere presence means code or automatic actions: scripts, JavaScript name trees, additional actions. */
const ACTIVE_KEYS = ['JS', 'JavaScript', 'AA'].map((key) => PDFName.of(key));
const S = PDFName.of('S');
const URI = PDFName.of('URI');
/** Deeper nesting of direct objects than any real PDF has: refused rather than walked. */
const MAX_DEPTH = 64;

export type ActiveContent = { kind: 'script' } | { kind: 'link'; url: string };

/**
 * The first script, launch action, automatic action or link of another scheme than http, https
 * and mailto found anywhere in the document, or null. Every object is looked at, and inside it
 * every direct dictionary and array: an `/OpenAction << /S /JavaScript >>` written inline in the
 * catalog is no indirect object of its own.
 */
export function findActiveContent(doc: PDFDocument): ActiveContent | null {
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    const found = inspect(object, 0);
    if (found) return found;
  }
  return null;
}

function inspect(object: PDFObject, depth: number): ActiveContent | null {
  if (depth > MAX_DEPTH) return { kind: 'script' };
  if (object instanceof PDFStream) return inspect(object.dict, depth + 1);
  if (object instanceof PDFArray) {
    for (const element of object.asArray()) {
      const found = inspect(element, depth + 1);
      if (found) return found;
    }
    return null;
  }
  if (!(object instanceof PDFDict)) return null;
  if (ACTIVE_KEYS.some((key) => object.has(key))) return { kind: 'script' };
  const action = object.get(S);
  if (action instanceof PDFName && ACTIVE_ACTIONS.has(action.asString())) return { kind: 'script' };
  const uri = object.get(URI);
  if (uri instanceof PDFString || uri instanceof PDFHexString) {
    const url = uri.decodeText();
    if (!isAllowedUrl(url)) return { kind: 'link', url };
  }
  for (const [, value] of object.entries()) {
    const found = inspect(value, depth + 1);
    if (found) return found;
  }
  return null;
}

/**
 * Refuses (422) a PDF that carries scripts, launch or automatic actions, or links of another
 * scheme: drafts and annexes alike go to many readers and must be plain documents.
 */
export function assertPlainPdf(doc: PDFDocument, what: FilePurpose): void {
  const found = findActiveContent(doc);
  if (!found) return;
  const readers = what === FilePurpose.draft ? 'drafts are kept and read by others' : 'annexes go to many readers';
  throw Errors.badUpload(
    found.kind === 'script'
      ? `The PDF carries JavaScript or launch actions; ${readers} and must be plain documents.`
      : `The PDF links to ${quoteUrl(found.url)}; only ${ALLOWED_URL_SCHEMES.join(', ').replace(/, (?=[^,]*$)/, ' and ')} links are allowed.`,
  );
}

/** A draft PDF, read by pdf-lib for the check above; one it cannot read at all is refused as damaged. */
export async function assertPlainDraftPdf(bytes: Uint8Array): Promise<void> {
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(bytes, { updateMetadata: false, ignoreEncryption: true });
  } catch {
    throw Errors.badUpload('The PDF is damaged and cannot be read.');
  }
  assertPlainPdf(doc, FilePurpose.draft);
}

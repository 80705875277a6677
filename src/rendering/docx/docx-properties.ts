import type { NoteView } from '../views/note-view.js';

const escapeXml = (text: string) =>
  text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);

/**
 * The document's properties (docProps/core.xml), written here rather than by the docx package,
 * which stamps them with the moment of packing: Word's "created" is the version's own time, so a
 * version always describes itself the same way. The description holds what the PDF prints on
 * every page: the distribution marking, and the draft label unless the version is released.
 */
export function coreProperties(view: NoteView): { path: string; data: string } {
  const when = new Date(view.createdAt).toISOString();
  const field = (name: string, value: string) => `<${name}>${escapeXml(value)}</${name}>`;
  const data =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"' +
    ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"' +
    ' xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    field('dc:title', view.documentTitle) +
    field('dc:subject', view.subject) +
    field('dc:description', [view.marking, view.draftLabel ?? 'Released'].join('. ')) +
    field('dc:creator', 'agendum') +
    field('dc:language', view.lang) +
    field('cp:lastModifiedBy', 'agendum') +
    field('cp:revision', String(view.versionNumber)) +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified>` +
    '</cp:coreProperties>';
  return { path: 'docProps/core.xml', data };
}

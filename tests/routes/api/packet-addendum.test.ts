import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import t from 'tap';
import { as, build } from '../../helper.js';
import { changeAfterPacket, meetingWithPacket } from '../../support/addendum-meeting.js';
import { pdfText } from '../../support/pdf-text.js';

/** Each bookmark's title and the 1-based page its destination opens. */
async function bookmarkPages(bytes: Uint8Array): Promise<[string, number][]> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, verbosity: 0 }).promise;
  try {
    const outline = (await pdf.getOutline()) ?? [];
    const pages: [string, number][] = [];
    for (const node of outline) {
      const dest = node.dest as [{ num: number; gen: number }, ...unknown[]];
      pages.push([node.title, (await pdf.getPageIndex(dest[0])) + 1]);
    }
    return pages;
  } finally {
    await pdf.destroy();
  }
}

const pageTexts = async (bytes: Uint8Array) =>
  (await pdfText(bytes)).map((page) => page.lines.join(' ').replace(/\s+/g, ' '));

t.test(
  'the addendum PDF: a cover of the four changes with reasons and pages, their documents, a bookmark each',
  async (t) => {
    const app = await build(t);
    const setup = await meetingWithPacket(app, 1);
    await changeAfterPacket(app, setup);
    const res = await as(app, setup.secretariat, {
      method: 'GET',
      url: `/api/v1/meetings/${setup.meeting.id}/packets/${setup.packetId}/changes.pdf`,
    });
    t.equal(res.statusCode, 200);
    t.equal(res.headers['content-type'], 'application/pdf');
    const bytes = res.rawPayload;
    const pages = await pageTexts(bytes);
    t.match(pages[0], 'What changed since packet 1 of');
    t.match(pages[0], '4 change(s), each with the page where its document starts');
    t.match(
      pages[0],
      '1. Item 1.1: annex "Work plan" replaced by a new file. Reason: Replaced the work plan with the signed copy. Page 2.',
    );
    t.match(
      pages[0],
      '2. Item 1.2: the note is revised (revision 2, was revision 1). Reason: Corrected the date in paragraph 3. Page 3.',
    );
    t.match(pages[0], '3. Item 2: the note is withdrawn. Page 1.');
    const marks = await bookmarkPages(bytes);
    t.same(
      marks.map(([title]) => title),
      [
        'Item 1.1: annex "Work plan" replaced by a new file.',
        'Item 1.2: the note is revised (revision 2, was revision 1).',
        'Item 2: the note is withdrawn.',
        'Item 3 "European Health Data Space" added, with its note.',
      ],
    );
    const [annex, redline, withdrawn, added] = marks.map(([, page]) => page);
    t.equal(annex, 2);
    t.equal(redline, 3);
    t.equal(withdrawn, 1);
    t.match(pages[annex! - 1], 'Work plan, signed', 'the replaced annex: the new file');
    t.match(pages[redline! - 1], 'Changes from revision 1', 'the redline of 9.2');
    t.match(pages[redline! - 1], 'Corrected the date in paragraph 3.');
    t.match(pages[0], `4. Item 3 "European Health Data Space" added, with its note. Page ${added}.`);
    t.match(pages[added! - 1], 'European Health Data Space', 'the new note');
    t.notMatch(pages[added! - 1], 'Changes from revision', 'the new note is not a redline');
  },
);

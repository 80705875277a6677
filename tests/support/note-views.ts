import { ITEM_9_1, ITEM_9_2 } from '../../src/demo/seed-notes.js';
import { EHEALTH_HEADER_LINES } from '../../src/services/demo-data.js';
import { normaliseNoteContent, type NoteContentInput } from '../../src/domain/note-content.js';
import { buildNoteView, type NoteView } from '../../src/rendering/views/note-view.js';

/** View models of the rendering tests, built from the two real seed notes and a few more. */

export const MEETING_18 = {
  ordinal: 18,
  networkName: 'eHealth Network',
  startDate: '2020-11-12',
  endDate: '2020-11-13',
  city: 'Brussels',
  country: 'Belgium',
};

export const CREATED_AT = '2020-11-01T09:00:00.000Z';

export function noteView(
  item: { number: string; title: string },
  content: NoteContentInput,
  options: { state?: string; versionNumber?: number; procedure?: string | null } = {},
): NoteView {
  return buildNoteView({
    meeting: MEETING_18,
    headerLines: EHEALTH_HEADER_LINES,
    item,
    note: {
      state: options.state ?? 'released',
      procedure: options.procedure ?? 'for-information',
      currentVersionId: 7,
    },
    version: {
      id: 7,
      number: options.versionNumber ?? 1,
      content: normaliseNoteContent(content),
      createdAt: CREATED_AT,
    },
  });
}

export const note91 = (state = 'released') =>
  noteView({ number: '9.1', title: ITEM_9_1.title }, ITEM_9_1.content, { state });
export const note92 = (state = 'released') =>
  noteView({ number: '9.2', title: ITEM_9_2.title }, ITEM_9_2.content, {
    state,
    procedure: 'For information and to receive Member States reflections on cybersecurity issues in the health sector.',
  });

export const GREEK = {
  title: 'Ενημέρωση για την κυβερνοασφάλεια στον τομέα της υγείας',
  content: {
    sections: {
      issueAtStake: ['Ενημέρωση του Δικτύου για τις δραστηριότητες της ομάδας εργασίας.'],
      summary: ['Η ομάδα εργασίας ανταλλάσσει βέλτιστες πρακτικές μεταξύ των κρατών μελών.'],
      procedure: ['For information.'],
    },
  } satisfies NoteContentInput,
};

export const BULGARIAN = {
  title: 'Киберсигурност в здравния сектор',
  content: {
    sections: {
      issueAtStake: ['Информация за дейностите на работната група по киберсигурност.'],
      summary: ['Работната група обменя най-добри практики между държавите членки.'],
      procedure: ['For information.'],
    },
  } satisfies NoteContentInput,
};

/** A note long enough to run over several pages, with footnotes on more than one page. */
export function longNote(paragraphs = 24): NoteContentInput {
  const sentence =
    'The Member States exchanged their experience of cross-border health data and of the security of hospitals. ';
  const summary = Array.from({ length: paragraphs }, (_, i) =>
    i % 8 === 3
      ? [{ text: `${sentence.repeat(2)}This is point ${i + 1}` }, { footnote: Math.floor(i / 8) + 1 }, { text: '.' }]
      : `${sentence.repeat(1 + (i % 4))}This is point ${i + 1}.`,
  );
  const footnotes = Array.from({ length: Math.ceil(paragraphs / 8) }, (_, i) => ({
    text: `Footnote ${i + 1} explains point ${i * 8 + 4}.`,
    sourceUrl: `https://example.org/points/${i * 8 + 4}`,
  }));
  return {
    sections: {
      issueAtStake: ['Why the long note matters.'],
      summary,
      procedure: ['For discussion.', ...summary.slice(0, 6)],
    },
    footnotes,
  };
}

/**
 * A note with every block: a paragraph, a bulleted list (its second item long enough to wrap),
 * a numbered list with a nested bulleted list, a 3×2 table of dates under a header row, and
 * footnote markers in a list item and in a cell. `rows` adds body rows of four lines each to the
 * table (a long table runs over pages).
 */
export function blocksNote(rows = 0): NoteContentInput {
  const extra = Array.from({ length: rows }, (_, i) => [
    `Row ${i + 4}`,
    `Point ${i + 4} begins here and runs on over four lines of its column, as the rapporteur had much to say ` +
      `about it, and the table must keep all of it together on one page before it ends at point ${i + 4}.`,
  ]);
  return {
    sections: {
      issueAtStake: ['The working group reports on its meetings of the year.'],
      summary: [
        'The group met three times.',
        {
          block: 'list',
          style: 'bullet',
          items: [
            'Exchange of good practices',
            'Common guidelines for the security of hospitals and of the networks that connect them to the national contact points, adopted in writing after the summer',
            [{ text: 'Report to the Network' }, { footnote: 1 }],
          ],
        },
        {
          block: 'list',
          style: 'number',
          items: [
            'Adopt the guidelines',
            { runs: 'Mandate the group', sublist: { style: 'bullet', items: ['for one year', 'with a report'] } },
          ],
        },
        {
          block: 'table',
          header: ['Date', 'Meeting'],
          rows: [
            ['29 January 2020', 'Kick-off'],
            ['3 June 2020', [{ text: 'Guidelines' }, { footnote: 2 }]],
            ['12 November 2020', 'Report'],
            ...extra,
          ],
        },
        'The Network is invited to take note of the report.',
      ],
      procedure: ['For information.'],
    },
    footnotes: [{ text: 'Annex 1 of the report.' }, { text: 'Adopted on 3 June 2020.' }],
  };
}

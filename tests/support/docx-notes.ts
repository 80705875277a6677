import type { NoteContentInput } from '../../src/domain/note-content.js';

/**
 * A note with every block a rapporteur writes in Word: a bulleted list with a link, a numbered
 * list with a nested item, and a 3×2 table with a header row and dates in its cells.
 */
export const LIST_TABLE_NOTE = {
  title: 'Timeline of the NIS Work Stream',
  content: {
    sections: {
      issueAtStake: ['Information on the Work Stream for the health sector.'],
      summary: [
        'The Work Stream met three times:',
        {
          block: 'list',
          style: 'bullet',
          items: [
            'in Brussels;',
            'online;',
            [{ text: 'at the ' }, { text: 'ENISA', href: 'https://www.enisa.europa.eu/' }, { text: ' in Athens.' }],
          ],
        },
        {
          block: 'list',
          style: 'number',
          items: [
            'Agree the mandate.',
            { runs: 'Collect practices:', sublist: { style: 'number', items: ['hospitals', 'insurers'] } },
            'Report to the Network.',
          ],
        },
        {
          block: 'table',
          header: ['Date', 'Step'],
          rows: [
            ['29 January 2020', 'Work Stream created'],
            ['12 November 2020', 'First update'],
          ],
        },
      ],
      procedure: ['For information.'],
    },
  } satisfies NoteContentInput,
};

/** Opens a zip's entry as text (a .docx is a zip of XML parts). */
export async function zipEntry(bytes: Buffer, name: string): Promise<string> {
  const { default: JSZip } = await import('jszip');
  const file = (await JSZip.loadAsync(bytes)).file(name);
  if (!file) throw new Error(`${name} is not in the file`);
  return file.async('string');
}

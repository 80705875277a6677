import t from 'tap';
import { renderAgendaPdf } from '../../../src/rendering/pdf/agenda-pdf.js';
import { buildAgendaView } from '../../../src/rendering/views/agenda-view.js';
import { EHEALTH_HEADER_LINES } from '../../../src/services/demo-data.js';
import { pdfLines } from '../../support/pdf-text.js';
import { MEETING_18 } from '../../support/note-views.js';

t.test('prints the agenda: numbers, titles, rapporteurs and the procedure of each item', async (t) => {
  const view = buildAgendaView({
    meeting: MEETING_18,
    headerLines: EHEALTH_HEADER_LINES,
    items: [
      {
        id: 1,
        number: '1',
        title: 'Opening of the meeting and adoption of the agenda',
        rapporteurs: [],
        procedure: null,
      },
      { id: 2, number: '9', title: 'Cybersecurity', rapporteurs: [], procedure: null },
      {
        id: 3,
        number: '9.1',
        title: 'Update from the Work Stream 12 of the NIS cooperation group',
        rapporteurs: [{ name: 'Rita Rapporteur' }],
        procedure: 'for-information',
      },
      {
        id: 4,
        number: '9.2',
        title: 'Reflections on Cybersecurity on the health sector',
        rapporteurs: [{ name: 'Rita Rapporteur' }, { name: 'Ana Silva' }],
        procedure: 'For information and to receive Member States reflections',
      },
    ],
  });
  const pdf = await renderAgendaPdf(view, { now: new Date('2020-11-01T09:00:00Z') });
  const lines = (await pdfLines(pdf)).map((l) => l.replace(/\s+/g, ' '));
  t.same(lines.slice(4, 6), ['18TH EHEALTH NETWORK 12-13 NOVEMBER 2020, BRUSSELS, BELGIUM', 'AGENDA']);
  t.same(lines.slice(6), [
    '1 Opening of the meeting and adoption of the agenda',
    '9 Cybersecurity',
    '9.1 Update from the Work Stream 12 of the NIS cooperation group',
    'Rapporteur: Rita Rapporteur',
    'For information.',
    '9.2 Reflections on Cybersecurity on the health sector',
    'Rapporteurs: Rita Rapporteur, Ana Silva',
    'For information and to receive Member States reflections',
  ]);
});

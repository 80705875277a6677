import t from 'tap';
import { createItem, meetingSetup } from '../../factories.js';
import { as, build, postVersion, problemOf, signedIn } from '../../helper.js';
import { webPerson, webSession } from '../../support/web-session.js';

const withBlocks = (cell: string, item: string) => ({
  sections: {
    issueAtStake: ['The timeline of the work stream.'],
    summary: [
      'The work stream met three times:',
      { block: 'list', style: 'bullet', items: ['Kick-off in Brussels', item, 'Closing call'] },
      {
        block: 'table',
        header: ['Date', 'Meeting'],
        rows: [
          ['29 January 2020', 'Kick-off'],
          [cell, [{ text: 'Second meeting' }, { footnote: 1 }]],
        ],
      },
    ],
    procedure: ['For information.'],
  },
  footnotes: [{ text: 'Held online.' }],
});

async function setup(t: Parameters<typeof build>[0]) {
  const app = await build(t);
  const secretariat = await signedIn(app, 'secretariat');
  const person = await webPerson(app, 'rapporteur');
  const rapporteur = await signedIn(app, 'rapporteur');
  const meeting = await meetingSetup(app, secretariat);
  const item = createItem(app, secretariat, meeting.id, { rapporteurIds: [rapporteur.id, person.id] });
  return { app, secretariat, rapporteur, person, item };
}

t.test('a version with a list and a table is stored and read back block for block', async (t) => {
  const { app, rapporteur, item } = await setup(t);
  const res = await postVersion(app, rapporteur, item.id, withBlocks('4 March 2020', 'Workshop in Rome'));
  t.equal(res.statusCode, 201, res.body);
  const read = await as(app, rapporteur, { method: 'GET', url: `/api/v1/items/${item.id}/note` });
  t.same(read.json().currentVersion.sections.summary, [
    [{ text: 'The work stream met three times:' }],
    {
      block: 'list',
      style: 'bullet',
      items: [
        { runs: [{ text: 'Kick-off in Brussels' }] },
        { runs: [{ text: 'Workshop in Rome' }] },
        { runs: [{ text: 'Closing call' }] },
      ],
    },
    {
      block: 'table',
      header: [[{ text: 'Date' }], [{ text: 'Meeting' }]],
      rows: [
        [[{ text: '29 January 2020' }], [{ text: 'Kick-off' }]],
        [[{ text: '4 March 2020' }], [{ text: 'Second meeting' }, { footnote: 1 }]],
      ],
    },
  ]);
});

t.test('a malformed block is a 400 naming the field, never stored', async (t) => {
  const { app, rapporteur, item } = await setup(t);
  const res = await postVersion(app, rapporteur, item.id, {
    sections: { summary: [{ block: 'list', style: 'roman', items: ['x'] }] },
  });
  t.equal(res.statusCode, 400);
  t.equal(problemOf(t, res).code, 'AGENDUM_VALIDATION');
  const wide = await postVersion(app, rapporteur, item.id, {
    sections: { summary: [{ block: 'table', rows: [['1', '2', '3', '4', '5', '6', '7', '8', '9']] }] },
  });
  t.equal(wide.statusCode, 400);
  const versions = await as(app, rapporteur, { method: 'GET', url: `/api/v1/items/${item.id}/note/versions` });
  t.same(versions.json(), []);
});

t.test('the diff of versions differing in one cell and one list item shows exactly those', async (t) => {
  const { app, rapporteur, item } = await setup(t);
  await postVersion(app, rapporteur, item.id, withBlocks('4 March 2020', 'Workshop in Rome'));
  await postVersion(app, rapporteur, item.id, withBlocks('5 March 2020', 'Workshop in Madrid'));
  const res = await as(app, rapporteur, { method: 'GET', url: `/api/v1/items/${item.id}/note/versions/1/diff/2` });
  t.equal(res.statusCode, 200);
  const diff = res.json();
  t.equal(diff.identical, false);
  const changed = diff.sections.summary.filter((p: { op: string }) => p.op !== 'equal');
  t.same(changed, [
    { op: 'delete', text: 'Rome' },
    { op: 'insert', text: 'Madrid' },
    { op: 'delete', text: '4' },
    { op: 'insert', text: '5' },
  ]);
  t.same(diff.sections.issueAtStake, [{ op: 'equal', text: 'The timeline of the work stream.' }]);
});

t.test('the item page shows the list as a list and the table as a table', async (t) => {
  const { app, rapporteur, person, item } = await setup(t);
  await postVersion(app, rapporteur, item.id, withBlocks('4 March 2020', 'Workshop in Rome'));
  const web = await webSession(app, person.email, `/items/${item.id}`);
  const page = await web.get(`/items/${item.id}`);
  t.equal(page.statusCode, 200);
  const html = page.body.replace(/\s+/g, ' ');
  t.match(
    html,
    '<ul class="body-list"> <li>Kick-off in Brussels</li> <li>Workshop in Rome</li> <li>Closing call</li> </ul>',
  );
  t.match(html, '<thead><tr><th scope="col">Date</th><th scope="col">Meeting</th></tr></thead>');
  t.match(
    html,
    '<tr><td>4 March 2020</td><td>Second meeting<sup><a href="#fn-1" id="fnref-1" aria-label="Footnote 1">1</a></sup></td></tr>',
  );
});

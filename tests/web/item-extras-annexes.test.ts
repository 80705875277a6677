import type { FastifyInstance } from 'fastify';
import t from 'tap';
import { PDFDocument } from 'pdf-lib';
import { build, testConfig } from '../helper.js';
import { multipart } from '../support/multipart.js';
import { webSecretariatWithMeeting, webSession } from '../support/web-session.js';

const onePagePdf = async () => {
  const pdf = await PDFDocument.create();
  pdf.addPage();
  return Buffer.from(await pdf.save());
};

/** An annex sent from the item page: the CSRF token first, then the file, as the upload form sends them. */
const sendAnnex = (
  app: FastifyInstance,
  itemId: number,
  web: { cookies: Record<string, string>; csrf: string },
  file: { name: string; content: Buffer | string },
  fields: [string, string][] = [],
) =>
  app.inject({
    method: 'POST',
    url: `/items/${itemId}/annexes`,
    cookies: web.cookies,
    ...multipart([
      { name: '_csrf', content: web.csrf },
      ...fields.map(([name, content]) => ({ name, content })),
      { name: 'file', fileName: file.name, type: 'application/pdf', content: file.content },
    ]),
  });

t.test('annexes are listed, added and removed on the item page while drafting', async (t) => {
  const app = await build(t);
  const { sam, staff, meeting } = await webSecretariatWithMeeting(app);
  const item = app.services.agenda.create(staff, meeting.id, { title: 'Cybersecurity' });
  const web = await webSession(app, sam.email, `/items/${item.id}`);
  const page = await web.get(`/items/${item.id}`);
  t.match(page.body, '<p>No annexes.</p>');
  t.match(page.body, '<div class="ecl-file-upload" data-ecl-file-upload-group data-ecl-auto-init="FileUpload">');

  const bytes = await onePagePdf();
  const added = await sendAnnex(app, item.id, web, { name: 'mandate.pdf', content: bytes });
  t.equal(added.statusCode, 303);
  t.equal(decodeURIComponent(added.headers.location as string), `/items/${item.id}?done=Annex "mandate" added.`);
  const [annex] = app.services.ingest.listAnnexes(staff, item.id);
  const listed = await web.get(`/items/${item.id}`);
  t.match(listed.body, `<a class="ecl-link" href="/api/v1/items/${item.id}/annexes/${annex!.id}" download>`);
  t.match(listed.body, `<td class="ecl-table__cell" data-label="Size">${bytes.length} bytes</td>`);
  t.match(listed.body, '<td class="ecl-table__cell" data-label="Type">PDF</td>');
  t.match(listed.body, '<td class="ecl-table__cell" data-label="Uploaded">2020-11-01 09:00</td>');

  const notPdf = await sendAnnex(app, item.id, web, { name: 'notes.pdf', content: 'Just some text' });
  t.equal(notPdf.statusCode, 422);
  t.match(notPdf.body, '<li><a class="ecl-link" href="#annex-file">Annex (PDF): An annex must be a PDF file.</a></li>');
  t.match(notPdf.body, 'aria-invalid="true" aria-describedby="h-annex-file e-file"');

  const noToken = await sendAnnex(app, item.id, { ...web, csrf: 'forged' }, { name: 'mandate.pdf', content: bytes });
  t.equal(noToken.statusCode, 403, 'a forged token is refused before the file is read');

  const removed = await web.post(`/items/${item.id}/annexes/${annex!.id}/delete`, {});
  t.equal(removed.statusCode, 303);
  t.same(app.services.ingest.listAnnexes(staff, item.id), []);
});

t.test('a file over the size limit comes back with the limit named', async (t) => {
  const app = await build(t, { config: testConfig(t, { AGENDUM_MAX_UPLOAD_MB: '1' }) });
  const { sam, staff, meeting } = await webSecretariatWithMeeting(app);
  const item = app.services.agenda.create(staff, meeting.id, { title: 'Cybersecurity' });
  const web = await webSession(app, sam.email, `/items/${item.id}`);
  const tooLarge = await sendAnnex(app, item.id, web, {
    name: 'big.pdf',
    content: Buffer.alloc(1024 * 1024 + 10, 0x20),
  });
  t.equal(tooLarge.statusCode, 422);
  t.match(
    tooLarge.body,
    '<li><a class="ecl-link" href="#annex-file">Annex (PDF): The file is larger than 1 MB.</a></li>',
  );
  t.same(app.services.ingest.listAnnexes(staff, item.id), [], 'nothing stored');
});

t.test('an annex gets its title and marking on the page, as the API takes them', async (t) => {
  const app = await build(t);
  const { sam, staff, meeting } = await webSecretariatWithMeeting(app);
  const item = app.services.agenda.create(staff, meeting.id, { title: 'Cybersecurity' });
  const web = await webSession(app, sam.email, `/items/${item.id}`);
  const form = await web.get(`/items/${item.id}`);
  t.match(form.body, '<label class="ecl-form-label" for="annex-title">Title of the annex</label>');
  t.match(
    form.body,
    '<input type="radio" class="ecl-radio__input" name="audience" id="annex-audience-network" value="network" checked>',
  );
  const bytes = await onePagePdf();

  const limitedToNobody = await sendAnnex(app, item.id, web, { name: 'timeline.pdf', content: bytes }, [
    ['title', 'Timeline of the work stream'],
    ['audience', 'limited'],
  ]);
  t.equal(limitedToNobody.statusCode, 422);
  t.match(
    limitedToNobody.body,
    '<li><a class="ecl-link" href="#annex-group-delegates">Limited to: A limited distribution names at least one recipient group.</a></li>',
  );
  t.match(
    limitedToNobody.body,
    'id="annex-title" name="title" type="text" value="Timeline of the work stream"',
    'the title typed is kept',
  );
  t.match(
    limitedToNobody.body,
    'id="item-title" name="title" type="text" value="Cybersecurity"',
    "the item's own title is untouched",
  );
  t.match(limitedToNobody.body, 'id="annex-audience-limited" value="limited" checked');
  t.same(app.services.ingest.listAnnexes(staff, item.id), [], 'nothing stored');

  const added = await sendAnnex(app, item.id, web, { name: 'timeline.pdf', content: bytes }, [
    ['title', 'Timeline of the work stream'],
    ['audience', 'limited'],
    ['audienceGroups', 'delegates'],
    ['audienceGroups', 'observers'],
  ]);
  t.equal(added.statusCode, 303);
  t.equal(
    decodeURIComponent(added.headers.location as string),
    `/items/${item.id}?done=Annex "Timeline of the work stream" added.`,
  );
  t.match(app.services.ingest.listAnnexes(staff, item.id), [
    { title: 'Timeline of the work stream', audience: 'limited', audienceGroups: ['delegates', 'observers'] },
  ]);
  const listed = await web.get(`/items/${item.id}`);
  t.match(
    listed.body,
    '<td class="ecl-table__cell" data-label="Distribution">Limited distribution: Member State delegates, observers only</td>',
  );
});

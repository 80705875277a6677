import t from 'tap';
import { contentDisposition } from '../../../src/routes/api/content-disposition.js';

t.test('a plain ASCII name is sent as it is, quoted when it holds spaces or separators', async (t) => {
  t.equal(
    contentDisposition('inline', '18th-ehealth-network-agenda.pdf'),
    'inline; filename=18th-ehealth-network-agenda.pdf',
  );
  t.equal(contentDisposition('attachment', 'Cover note 9.1.pdf'), 'attachment; filename="Cover note 9.1.pdf"');
  t.equal(contentDisposition('attachment', 'a;b=c (v2).pdf'), 'attachment; filename="a;b=c (v2).pdf"');
});

t.test('quotes inside the name are escaped in the quoted string', async (t) => {
  t.equal(contentDisposition('attachment', 'the "final" one.pdf'), 'attachment; filename="the \\"final\\" one.pdf"');
});

t.test('a Greek or Cyrillic name: an ASCII fallback, then the name in UTF-8', async (t) => {
  t.equal(
    contentDisposition('attachment', 'Ελληνικά.pdf'),
    'attachment; filename="????????.pdf"; filename*=UTF-8\'\'%CE%95%CE%BB%CE%BB%CE%B7%CE%BD%CE%B9%CE%BA%CE%AC.pdf',
  );
  t.equal(
    contentDisposition('inline', 'Кириллица "1".pdf'),
    'inline; filename="????????? \\"1\\".pdf"; filename*=UTF-8\'\'%D0%9A%D0%B8%D1%80%D0%B8%D0%BB%D0%BB%D0%B8%D1%86%D0%B0%20%221%22.pdf',
  );
  t.equal(
    contentDisposition('attachment', 'café.pdf'),
    'attachment; filename="caf?.pdf"; filename*=UTF-8\'\'caf%C3%A9.pdf',
  );
});

t.test('a path is cut to its last part, with either separator', async (t) => {
  t.equal(contentDisposition('attachment', '../../etc/passwd'), 'attachment; filename=passwd');
  t.equal(contentDisposition('attachment', 'C:\\Users\\anna\\note.docx'), 'attachment; filename=note.docx');
  t.equal(contentDisposition('attachment', 'folder/'), 'attachment; filename=download');
});

t.test('CR and LF cannot start a header of their own: control characters are dropped', async (t) => {
  t.equal(
    contentDisposition('attachment', 'note\r\nSet-Cookie: a=1.pdf'),
    'attachment; filename="noteSet-Cookie: a=1.pdf"',
  );
  t.equal(contentDisposition('attachment', '\r\n'), 'attachment; filename=download');
});

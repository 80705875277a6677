import t from 'tap';
import { displayName } from '../../src/ingest/display-name.js';

t.test('a client path is cut to its last part, with either separator', async (t) => {
  t.equal(displayName('C:\\Users\\anna\\Cover note 9.1.docx'), 'Cover note 9.1.docx');
  t.equal(displayName('../../etc/passwd'), 'passwd');
});

t.test('control characters and quotes are dropped, letters of any script kept', async (t) => {
  t.equal(displayName('note\r\nX-Injected: 1".pdf'), 'noteX-Injected: 1.pdf');
  t.equal(displayName('Ελληνικά και Кириллица.pdf'), 'Ελληνικά και Кириллица.pdf');
});

t.test('bidirectional overrides cannot disguise the extension', async (t) => {
  t.equal(displayName('annex\u202efdp.exe'), 'annexfdp.exe');
});

t.test('an empty or blank name becomes "upload"; a long one is cut at 200 characters', async (t) => {
  t.equal(displayName(''), 'upload');
  t.equal(displayName('dir/   '), 'upload');
  t.equal(displayName('a'.repeat(250)), 'a'.repeat(200));
});

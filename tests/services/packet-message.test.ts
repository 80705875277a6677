import t from 'tap';
import { plainTextToHtml } from '../../src/rendering/email/plain-text-html.js';
import { reposOf } from '../helper.js';
import { meetingWithDelegates, sendPacket, smtpApp } from '../support/mail-meeting.js';

import { waitFor } from '../support/wait.js';

const HOSTILE = [
  'Dear {{recipient.name}},',
  '<script>alert(1)</script>',
  '<img src=http://evil.example/pixel.png>',
  '[the agenda](javascript:alert(1)) or javascript:alert(2)',
  'Details: https://ec.europa.eu/health/ehealth?year=2020&lang=en. Questions: mailto:sante-ehealth@ec.europa.eu',
  'Tom & Jerry say "hi" & \'bye\'',
].join('\n');

t.test(
  'the message in HTML: escaped, line breaks kept, bare http/https/mailto addresses linked, nothing else',
  async (t) => {
    t.equal(
      plainTextToHtml(HOSTILE.replace('{{recipient.name}}', 'Ana <b>Silva</b>')),
      [
        'Dear Ana &lt;b&gt;Silva&lt;/b&gt;,',
        '&lt;script&gt;alert(1)&lt;/script&gt;',
        '&lt;img src=<a href="http://evil.example/pixel.png">http://evil.example/pixel.png</a>&gt;',
        '[the agenda](javascript:alert(1)) or javascript:alert(2)',
        'Details: <a href="https://ec.europa.eu/health/ehealth?year=2020&amp;lang=en">https://ec.europa.eu/health/ehealth?year=2020&amp;lang=en</a>. Questions: <a href="mailto:sante-ehealth@ec.europa.eu">mailto:sante-ehealth@ec.europa.eu</a>',
        'Tom &amp; Jerry say &quot;hi&quot; &amp; &#39;bye&#39;',
      ].join('<br>\n'),
    );
    t.equal(plainTextToHtml('a\r\nb\rc'), 'a<br>\nb<br>\nc', 'every kind of line break');
    t.equal(plainTextToHtml('see http:// and mailto: alone'), 'see http:// and mailto: alone', 'no address, no link');
  },
);

t.test('a packet mail: the message escaped in the HTML part and verbatim in the text part', async (t) => {
  const { app, smtp } = await smtpApp(t);
  const { secretariat, meeting, people } = await meetingWithDelegates(app, 1);
  reposOf(app).people.update(people[0]!.id, { name: 'Ana <b>Silva</b>' });
  const res = await sendPacket(app, secretariat, meeting.id, { message: HOSTILE, includeInvite: false });
  t.equal(res.statusCode, 202);
  await waitFor(() => smtp.received.length === 1, 'the message');
  const mail = smtp.received[0]!.parsed;

  const html = mail.html as string;
  t.notMatch(html, /<script/i, 'no script element');
  t.notMatch(html, /<img/i, 'no image element (no remote pixel)');
  t.notMatch(html, /href="javascript:/i, 'no javascript: link');
  t.match(html, '<div>Dear Ana &lt;b&gt;Silva&lt;/b&gt;,<br>\n&lt;script&gt;alert(1)&lt;/script&gt;<br>\n');
  t.match(html, '[the agenda](javascript:alert(1)) or javascript:alert(2)');
  t.match(
    html,
    '<a href="https://ec.europa.eu/health/ehealth?year=2020&amp;lang=en">https://ec.europa.eu/health/ehealth?year=2020&amp;lang=en</a>.',
  );
  t.match(html, '<a href="mailto:sante-ehealth@ec.europa.eu">mailto:sante-ehealth@ec.europa.eu</a>');

  t.equal(
    mail.text!.split('\n\n')[0],
    HOSTILE.replace('{{recipient.name}}', 'Ana <b>Silva</b>'),
    'the text part carries the message verbatim',
  );
  t.notMatch(mail.text!, /&lt;|&gt;|&amp;|&quot;|&#/, 'no HTML entities in plain text');
});

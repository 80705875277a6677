import { simpleParser } from 'mailparser';
import t from 'tap';
import { composeMessage, encodeSharedParts } from '../../src/mail/mime.js';

t.test('a personal part around shared, pre-encoded attachments parses as one ordinary message', async (t) => {
  const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(5000, 7)]);
  const shared = encodeSharedParts([
    { filename: 'Packet — 18th meeting.pdf', contentType: 'application/pdf', content: pdf },
    {
      filename: 'meeting.ics',
      contentType: 'text/calendar; charset=utf-8; method=REQUEST',
      content: Buffer.from('BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n'),
    },
  ]);
  const chunks = await composeMessage(
    {
      from: 'Secretariat <secretariat@example.org>',
      to: { name: 'Zoë Δελεγάτη', address: 'zoe@example.gr' },
      subject: 'Packet: 18th eHealth Network — Ελλάδα',
      messageId: '<packet-1-2-abc@agendum>',
      headers: { 'List-Id': 'eHealth Network <meetings.1.agendum>', 'Auto-Submitted': 'auto-generated' },
      text: 'Dear Zoë,\nthe packet.',
      html: '<p>Dear Zoë,<br>the packet.</p>',
    },
    shared,
  );
  const mail = await simpleParser(Buffer.concat(chunks));
  t.equal(mail.messageId, '<packet-1-2-abc@agendum>');
  t.equal(mail.subject, 'Packet: 18th eHealth Network — Ελλάδα');
  t.equal((mail.to as { value: { name: string }[] }).value[0]!.name, 'Zoë Δελεγάτη');
  t.ok(
    mail.headerLines.some((h) => h.key === 'list-id' && h.line.includes('meetings.1.agendum')),
    'List-Id header',
  );
  t.equal(mail.headers.get('auto-submitted'), 'auto-generated');
  t.match(mail.text, /Dear Zoë,\nthe packet\./);
  t.match(mail.html, /Dear Zoë/);
  t.equal(mail.attachments.length, 2);
  t.equal(mail.attachments[0]!.filename, 'Packet — 18th meeting.pdf');
  t.ok(mail.attachments[0]!.content.equals(pdf), 'the PDF arrives byte for byte');
  t.match(mail.attachments[1]!.contentType, /text\/calendar/);
});

t.test("an attachment's name with quotes, apostrophes, stars and Greek reaches the reader whole", async (t) => {
  const name = `Note "9.1" — l'état * Ελλάδα.pdf`;
  const shared = encodeSharedParts([{ filename: name, contentType: 'application/pdf', content: Buffer.from('%PDF') }]);
  const chunks = await composeMessage(
    {
      from: 'Secretariat <secretariat@example.org>',
      to: { name: 'Zoë', address: 'zoe@example.gr' },
      subject: 'Packet',
      messageId: '<packet-1-3-abc@agendum>',
      headers: {},
      text: 'The packet.',
      html: '<p>The packet.</p>',
    },
    shared,
  );
  const mail = await simpleParser(Buffer.concat(chunks));
  t.equal(mail.attachments[0]!.filename, `Note "9.1" — l'état * Ελλάδα.pdf`);
  t.match(shared[0]!.toString(), `filename*=UTF-8''Note%20%229.1%22%20%E2%80%94%20l%27%C3%A9tat%20%2A%20`);
});

import { randomBytes } from 'node:crypto';
import nodemailer from 'nodemailer';
import { PDFDocument } from 'pdf-lib';
import { SMTPServer } from 'smtp-server';
import { reposOf, startBenchApp } from './bench-app.js';
import { median, round, type Figure } from './figures.js';

const RECIPIENTS = 300;
const cpuSeconds = (usage: NodeJS.CpuUsage) => (usage.user + usage.system) / 1e6;
const POOL = 5;
const ROUNDS = Number(process.env.MAIL_ROUNDS ?? 3);

/** A local SMTP server that only counts (and keeps one message to replay for the floor). */
async function countingSmtp() {
  let count = 0;
  let firstAt = 0;
  let sample: Buffer | undefined;
  const waiters: (() => void)[] = [];
  let target = Infinity;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    size: 200 * 1024 * 1024,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => sample === undefined && chunks.push(c));
      stream.on('end', () => {
        sample ??= Buffer.concat(chunks);
        if (count === 0) firstAt = performance.now();
        count += 1;
        if (count >= target) waiters.splice(0).forEach((w) => w());
        callback();
      });
    },
  });
  server.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'ECONNRESET') throw error;
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as { port: number };
  return {
    port,
    sample: () => sample!,
    firstAt: () => firstAt,
    reset() {
      count = 0;
    },
    waitFor(n: number) {
      target = n;
      return count >= n ? Promise.resolve() : new Promise<void>((resolve) => waiters.push(resolve));
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A valid PDF of about `bytes` bytes: one blank page whose content stream is mostly comments. */
async function bulkyPdf(bytes: number): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const page = doc.addPage();
  const lines: string[] = [];
  for (let size = 0; size < bytes; size += 80) lines.push(`% ${randomBytes(57).toString('base64')}`);
  page.node.addContentStream(doc.context.register(doc.context.stream(lines.join('\n'))));
  return Buffer.from(await doc.save());
}

/**
 * A ~2 MB packet to 300 recipients through a local smtp-server, each with a personal message,
 * next to the floor: the same 300 sends of one pre-built raw message of the same size through
 * a plain nodemailer pool of the same size, in the same run.
 */
export async function mailBenchmark(): Promise<Figure[]> {
  const smtp = await countingSmtp();
  const bench = await startBenchApp({
    AGENDUM_SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
    AGENDUM_SMTP_POOL: String(POOL),
    AGENDUM_MAX_ATTACHMENTS_MB: '50',
  });
  try {
    const { app } = bench;
    const repos = reposOf(app);
    const who = repos.people.findByEmail('secretariat@example.org')!;
    const staff = { id: who.id, name: who.name, role: 'secretariat' as const };
    const meetingId = app.services.meetings.list()[0]!.id;
    const item = app.services.agenda.list(staff, meetingId).find((i) => i.number === '9.2')!;
    app.services.workflow.perform(staff, item.id, { event: 'return', comment: 'Annex to add' });
    await app.services.ingest.addAnnex(staff, item.id, {
      bytes: await bulkyPdf(2 * 1024 * 1024),
      fileName: 'bulky-annex.pdf',
    });
    app.services.workflow.perform(staff, item.id, { event: 'submit' });
    app.services.workflow.perform(staff, item.id, { event: 'release' });
    for (let i = repos.mail.activeDelegates().length; i < RECIPIENTS; i += 1) {
      await app.services.people.create('system', {
        name: `Delegate ${i}`,
        email: `delegate${i}@bench.example.eu`,
        role: 'delegate',
      });
    }

    const transporter = nodemailer.createTransport({
      pool: true,
      host: '127.0.0.1',
      port: smtp.port,
      secure: false,
      maxConnections: POOL,
      maxMessages: Infinity,
    });
    const sendPacket = async () => {
      smtp.reset();
      const start = performance.now();
      const cpuStart = process.cpuUsage();
      app.services.packets.create(staff, meetingId, {
        subject: 'Packet',
        message: 'Dear {{recipient.name}},\nthe documents of {{meeting.dates}}.',
        content: 'combined',
        includeInvite: true,
      });
      await smtp.waitFor(RECIPIENTS);
      return {
        seconds: (performance.now() - start) / 1000,
        first: (smtp.firstAt() - start) / 1000,
        cpu: cpuSeconds(process.cpuUsage(cpuStart)),
      };
    };
    // A first send, not counted, warms both paths up and gives the floor its message.
    await sendPacket();
    const raw = smtp.sample();
    const sendFloor = async () => {
      smtp.reset();
      const start = performance.now();
      const cpuStart = process.cpuUsage();
      await Promise.all(
        Array.from({ length: RECIPIENTS }, (_, i) =>
          transporter.sendMail({
            envelope: { from: 'secretariat@agendum.invalid', to: [`floor${i}@bench.example.eu`] },
            raw,
          }),
        ),
      );
      return { seconds: (performance.now() - start) / 1000, cpu: cpuSeconds(process.cpuUsage(cpuStart)) };
    };
    // The machine's speed drifts (a shared VM): the two are measured in rounds that alternate
    // which goes first, and compared by their medians, so a slow minute does not land on one
    // side only.
    const agendumRuns: Awaited<ReturnType<typeof sendPacket>>[] = [];
    const floorRuns: Awaited<ReturnType<typeof sendFloor>>[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      if (round % 2 === 0) {
        agendumRuns.push(await sendPacket());
        floorRuns.push(await sendFloor());
      } else {
        floorRuns.push(await sendFloor());
        agendumRuns.push(await sendPacket());
      }
    }
    transporter.close();
    const agendum = median(agendumRuns.map((r) => r.seconds));
    const floor = median(floorRuns.map((r) => r.seconds));
    const ratio = agendum / floor;
    const list = (values: number[]) => values.map((v) => v.toFixed(1)).join(' / ');
    return [
      {
        name: `mail: ${RECIPIENTS} personal packets`,
        value: round(agendum, 2),
        unit: 's',
        note:
          `${(raw.length / 1024 / 1024).toFixed(1)} MB each, pool ${POOL}; rounds ${list(agendumRuns.map((r) => r.seconds))} s; ` +
          `first message after ${median(agendumRuns.map((r) => r.first)).toFixed(2)} s; CPU ${median(agendumRuns.map((r) => r.cpu)).toFixed(1)} s`,
      },
      {
        name: `mail floor: ${RECIPIENTS} x one pre-built raw message`,
        value: round(floor, 2),
        unit: 's',
        note: `rounds ${list(floorRuns.map((r) => r.seconds))} s; CPU ${median(floorRuns.map((r) => r.cpu)).toFixed(1)} s`,
      },
      { name: 'mail / floor (medians)', value: round(ratio, 2), unit: 'x', target: '<= 1.2', met: ratio <= 1.2 },
    ];
  } finally {
    await bench.close();
    await smtp.close();
  }
}

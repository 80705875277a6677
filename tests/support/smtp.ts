import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface Received {
  to: string[];
  raw: Buffer;
  parsed: ParsedMail;
}

export interface TestSmtp {
  url: string;
  received: Received[];
  /** Answer the next `times` attempts for this address with a temporary 451. */
  deferRecipient(address: string, times: number): void;
  /** Always refuse this address with 550. */
  rejectRecipient(address: string): void;
  close(): Promise<void>;
}

/** A real SMTP server on 127.0.0.1 (smtp-server), keeping every message it accepted. */
export async function startTestSmtp(options: { parse?: boolean; delayMs?: number } = {}): Promise<TestSmtp> {
  const received: Received[] = [];
  const deferred = new Map<string, number>();
  const rejected = new Set<string>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    size: 200 * 1024 * 1024,
    onRcptTo(address, _session, callback) {
      const email = address.address.toLowerCase();
      if (rejected.has(email))
        return callback(Object.assign(new Error('5.1.1 No such user here'), { responseCode: 550 }));
      const left = deferred.get(email) ?? 0;
      if (left > 0) {
        deferred.set(email, left - 1);
        return callback(Object.assign(new Error('4.7.1 Greylisted, try again later'), { responseCode: 451 }));
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', async () => {
        const raw = Buffer.concat(chunks);
        const parsed = options.parse === false ? ({} as ParsedMail) : await simpleParser(raw);
        // A slower server (delayMs) keeps messages on the wire long enough for a test to cut in.
        if (options.delayMs) await new Promise((resolve) => setTimeout(resolve, options.delayMs));
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw, parsed });
        callback();
      });
    },
  });
  // A client killed mid-message (the crash tests) resets its connection: smtp-server reports
  // that as a server error, which is the client's fate, not the server's.
  server.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'ECONNRESET') throw error;
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as { port: number };
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    deferRecipient: (address, times) => deferred.set(address.toLowerCase(), times),
    rejectRecipient: (address) => rejected.add(address.toLowerCase()),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

import fc from 'fast-check';
import { HOSTILE_FILE_NAMES } from './hostile-files.js';
import { junkString } from './fuzz-arbitraries.js';
import { multipart } from './multipart.js';

/** Magic bytes of the types agendum reads, and of types it must refuse. */
const MAGICS = [
  '%PDF-1.7\n',
  '%PDF-',
  'PK\x03\x04',
  'PK\x05\x06',
  '\x89PNG\r\n\x1a\n',
  'MZ',
  '\x7fELF',
  '\xff\xd8\xff',
  '\xef\xbb\xbf',
  'GIF89a',
  '<?xml',
].map((m) => Buffer.from(m, 'latin1'));

/** Bytes of a would-be upload: random, behind a magic number, a real file damaged or cut, or text. */
export function fileBytes(samples: Buffer[]): fc.Arbitrary<Buffer> {
  const sample = fc.constantFrom(...samples);
  return fc.oneof(
    fc.uint8Array({ maxLength: 4_096 }).map((b) => Buffer.from(b)),
    fc
      .tuple(fc.constantFrom(...MAGICS), fc.uint8Array({ maxLength: 2_048 }))
      .map(([magic, rest]) => Buffer.concat([magic, rest])),
    fc
      .tuple(sample, fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 30 }))
      .map(([bytes, flips]) => {
        const damaged = Buffer.from(bytes);
        for (const [at, value] of flips) damaged[at % damaged.length] = value;
        return damaged;
      }),
    fc
      .tuple(sample, fc.double({ min: 0, max: 1, noNaN: true }))
      .map(([bytes, keep]) => bytes.subarray(0, Math.floor(bytes.length * keep))),
    fc
      .array(
        fc.oneof(
          junkString,
          fc.constantFrom('1. Issue at stake', '2. Summary', '3. Format of procedure in the meeting', '\n', '\r\n'),
        ),
        { maxLength: 20 },
      )
      .map((lines) => Buffer.from(lines.join('\n'))),
  );
}

export const fileName = fc.oneof(
  fc.constantFrom(...HOSTILE_FILE_NAMES, 'draft.docx', 'draft.pdf', 'draft.txt', 'annex.pdf'),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
);

const part = (samples: Buffer[]) =>
  fc.record({
    name: fc.oneof(
      fc.constantFrom('file', 'file', 'file', 'title', 'comment', '__proto__', 'constructor', ''),
      fc.string({ maxLength: 10 }),
    ),
    fileName: fc.option(fileName, { nil: undefined }),
    type: fc.option(
      fc.constantFrom('application/pdf', 'text/plain', 'application/octet-stream', 'image/png', '', 'x/y; a=b'),
      { nil: undefined },
    ),
    content: fc.oneof(fileBytes(samples), junkString),
  });

/** How the multipart envelope itself is broken, if at all. */
const SHAPES = [
  'ok',
  'ok',
  'ok',
  'truncated',
  'no-boundary-param',
  'other-boundary',
  'no-closing',
  'preamble',
  'lf-only',
] as const;

/** A multipart/form-data request: mostly one part named "file", sometimes several, sometimes a broken envelope. */
export function multipartRequest(samples: Buffer[]) {
  const one = fc.record({
    name: fc.constant('file'),
    fileName,
    type: fc.constant(undefined),
    content: fileBytes(samples),
  });
  return fc
    .record({
      parts: fc.oneof(
        { arbitrary: fc.tuple(one), weight: 4 },
        { arbitrary: fc.array(part(samples), { maxLength: 4 }), weight: 1 },
      ),
      shape: fc.constantFrom(...SHAPES),
      cut: fc.double({ min: 0, max: 1, noNaN: true }),
    })
    .map(({ parts, shape, cut }) => envelope(parts, shape, cut));
}

function envelope(
  parts: { name: string; fileName?: string; type?: string; content: Buffer | string }[],
  shape: (typeof SHAPES)[number],
  cut: number,
) {
  const body = multipart(parts);
  const boundary = /boundary=(.*)$/.exec(body.headers['content-type'])![1]!;
  let payload = body.payload;
  let type = body.headers['content-type'];
  if (shape === 'truncated') payload = payload.subarray(0, Math.floor(payload.length * cut));
  if (shape === 'no-boundary-param') type = 'multipart/form-data';
  if (shape === 'other-boundary') type = 'multipart/form-data; boundary=not-the-one';
  if (shape === 'no-closing') payload = payload.subarray(0, payload.length - boundary.length - 6);
  if (shape === 'preamble') payload = Buffer.concat([Buffer.from('junk before the first boundary\r\n'), payload]);
  if (shape === 'lf-only') payload = Buffer.from(payload.toString('latin1').replace(/\r\n/g, '\n'), 'latin1');
  return {
    payload,
    contentType: type,
    description: `${shape}: ${parts.map((p) => `${p.name}${p.fileName === undefined ? '' : `(${JSON.stringify(p.fileName).slice(0, 60)})`}`).join(', ')}`,
  };
}

import fc from 'fast-check';

/**
 * fast-check generators of malformed API input. Bodies are generated as JSON *text*, so that
 * they can hold what an object literal cannot: `__proto__` keys, duplicate keys, numbers beyond
 * double range, nesting thousands deep.
 */

/** Field names the API knows (some right, most in the wrong place), and prototype-pollution keys. */
const FIELD_KEYS = [
  'name',
  'headerLines',
  'title',
  'parentId',
  'position',
  'rapporteurIds',
  'items',
  'id',
  'children',
  'sections',
  'issueAtStake',
  'summary',
  'procedure',
  'footnotes',
  'text',
  'href',
  'footnote',
  'sourceUrl',
  'event',
  'comment',
  'outcome',
  'body',
  'version',
  'section',
  'paragraph',
  'meetingId',
  'ordinal',
  'startDate',
  'endDate',
  'city',
  'country',
  'status',
  'draftingDeadline',
  'networkId',
  'email',
  'role',
  'password',
  'organisation',
  'memberState',
  'isActive',
  'subject',
  'message',
  'lists',
  'content',
  'includeInvite',
  'personId',
  'personIds',
  'list',
];
export const PROTO_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  '__defineGetter__',
];

/** Text that has broken web applications before. */
export const HOSTILE_STRINGS = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "'; DROP TABLE people; --",
  '../../etc/passwd',
  '\u0000',
  'a\u0000b',
  '\u0007',
  '\u202egnp.exe',
  '\ud800',
  '\udfff\ud800',
  '\uFEFF',
  '😀',
  'e\u0301',
  '{{constructor.constructor "return process"}}',
  '{{#each meeting}}{{@key}}{{/each}}',
  '{{> partial}}',
  '{{lookup recipient "__proto__"}}',
  '${7*7}',
  '%s%s%n',
  '\r\nSet-Cookie: a=1',
  'javascript:alert(1)',
  'mailto:a@b',
  'http://[::1',
  'for-discussion',
  'For adoption: yes',
  '2020-02-30',
  '0000-00-00',
  '9999-12-31',
  'x@y',
  'a@b.c',
  'delegate',
  'admin',
  'null',
  'true',
  '-1',
  ' ',
  '\t\n',
  '',
];

/** Long strings: a short unit repeated, with a tail that may hold control characters. */
export const hugeString = fc
  .tuple(
    fc.constantFrom('a', 'a ', ' ', '<', 'é', '😀', '\u0000', 'x@y.', '1', '%', 'http://a/', '\\'),
    fc.integer({ min: 20_000, max: 150_000 }),
    fc.constantFrom('', '\u0001\u0001', '\u0000\u0000', '\u001f\u007f', ' ', '"', '\ud800'),
  )
  .map(([unit, length, tail]) => unit.repeat(Math.ceil(length / unit.length)) + tail);

export const junkString = fc.oneof(
  { arbitrary: fc.constantFrom(...HOSTILE_STRINGS), weight: 4 },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }), weight: 2 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 30 }), weight: 2 },
  { arbitrary: hugeString, weight: 1 },
);

const numberText = fc.oneof(
  fc.constantFrom(
    '0',
    '-0',
    '1',
    '-1',
    '1.5',
    '1e309',
    '-1e309',
    '9007199254740993',
    '1e-400',
    '123456789012345678901234567890',
    '2',
    '1000',
    '1001',
  ),
  fc.integer().map(String),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => JSON.stringify(n)),
);

const leafText = fc.oneof(
  { arbitrary: junkString.map((s) => JSON.stringify(s)), weight: 4 },
  { arbitrary: numberText, weight: 3 },
  { arbitrary: fc.constantFrom('true', 'false', 'null'), weight: 2 },
);

const keyText = fc.oneof(
  { arbitrary: fc.constantFrom(...FIELD_KEYS), weight: 4 },
  { arbitrary: fc.constantFrom(...PROTO_KEYS), weight: 2 },
  { arbitrary: junkString, weight: 1 },
);

/** Any JSON value, as text: objects may repeat keys and carry prototype keys. */
export const jsonText: fc.Arbitrary<string> = fc.letrec<{ value: string; array: string; object: string }>((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leafText, tie('array'), tie('object')),
  array: fc.array(tie('value'), { maxLength: 5 }).map((items) => `[${items.join(',')}]`),
  object: fc
    .array(fc.tuple(keyText, tie('value')), { maxLength: 6 })
    .map((pairs) => `{${pairs.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`),
})).value;

/** JSON nested thousands deep, and text that is not JSON at all. */
export const brokenJsonText = fc.oneof(
  fc.integer({ min: 100, max: 100_000 }).map((n) => '['.repeat(n) + ']'.repeat(n)),
  fc.integer({ min: 100, max: 50_000 }).map((n) => '{"a":'.repeat(n) + '1' + '}'.repeat(n)),
  fc.integer({ min: 10, max: 100_000 }).map((n) => '['.repeat(n)),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.constantFrom(
    '',
    ' ',
    '{',
    '}',
    '{"a":}',
    '{"a":1,}',
    "{'a':1}",
    'NaN',
    'undefined',
    '\u0000',
    '{"a":1}{"b":2}',
    '\uFEFF{}',
  ),
  jsonText.map((text) => text.slice(0, Math.max(0, text.length - 1))),
);

/** A valid body with one value replaced (deep or top level), one key added or one removed. */
export function mutatedBody(valid: unknown): fc.Arbitrary<string> {
  const paths = leafPaths(valid);
  return fc.oneof(
    fc.tuple(fc.constantFrom(...paths), jsonText).map(([path, raw]) => serialise(valid, { path, raw })),
    {
      arbitrary: fc
        .tuple(fc.constantFrom(...paths), hugeString)
        .map(([path, huge]) => serialise(valid, { path, raw: JSON.stringify(huge) })),
      weight: 2,
    },
    fc.tuple(keyText, jsonText).map(([key, raw]) => serialise(valid, { path: [key], raw, add: true })),
    fc.constantFrom(...paths).map((path) => serialise(valid, { path, remove: true })),
    fc.constantFrom(...PROTO_KEYS.slice(0, 2)).map((key) =>
      serialise(valid, {
        path: [key],
        raw: key === '__proto__' ? '{"agendumPolluted":true}' : '{"prototype":{"agendumPolluted":true}}',
        add: true,
      }),
    ),
  );
}

type Edit = { path: (string | number)[]; raw?: string; add?: boolean; remove?: boolean };

function leafPaths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (value !== null && typeof value === 'object') {
    const keys = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
    const inner = keys.flatMap((k) => leafPaths((value as Record<string, unknown>)[k], [...prefix, k]));
    return prefix.length > 0 ? [prefix, ...inner] : inner.length > 0 ? inner : [[]];
  }
  return [prefix];
}

function serialise(value: unknown, edit: Edit, at: (string | number)[] = []): string {
  const here = edit.path.length === at.length && edit.path.every((p, i) => p === at[i]);
  if (here && edit.raw !== undefined && !edit.add) return edit.raw;
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) {
    const items = value.map((v, i) => [i, v] as const).filter(([i]) => !(edit.remove && isPath(edit, [...at, i])));
    return `[${items.map(([i, v]) => serialise(v, edit, [...at, i])).join(',')}]`;
  }
  const pairs = Object.entries(value)
    .filter(([k]) => !(edit.remove && isPath(edit, [...at, k])))
    .map(([k, v]) => `${JSON.stringify(k)}:${serialise(v, edit, [...at, k])}`);
  if (edit.add && edit.path.length === at.length + 1 && at.every((p, i) => p === edit.path[i])) {
    pairs.push(`${JSON.stringify(edit.path.at(-1))}:${edit.raw}`);
  }
  return `{${pairs.join(',')}}`;
}

const isPath = (edit: Edit, at: (string | number)[]) =>
  edit.path.length === at.length && edit.path.every((p, i) => p === at[i]);

/** Percent-encodes every byte but the unreserved ones (lone surrogates become U+FFFD, as browsers send them). */
export const pct = (s: string) =>
  [...Buffer.from(s, 'utf8')]
    .map((b) =>
      /[A-Za-z0-9\-._~]/.test(String.fromCharCode(b))
        ? String.fromCharCode(b)
        : `%${b.toString(16).toUpperCase().padStart(2, '0')}`,
    )
    .join('');

/** A path segment that must not name any real row: negative, huge, fractional, not a number, climbing, badly encoded. */
export const junkSegment = fc
  .oneof(
    fc.integer({ min: -1_000_000_000, max: 0 }).map(String),
    fc.bigInt({ min: 2n ** 53n, max: 2n ** 90n }).map(String),
    fc.constantFrom(
      '1.5',
      '1e999',
      'NaN',
      'Infinity',
      '-Infinity',
      'null',
      'true',
      '0x',
      '1_000',
      '١',
      '𝟏',
      '%20',
      '%2B1',
      '%2d1',
    ),
    fc.constantFrom(
      '..',
      '..%2F..%2Fetc%2Fpasswd',
      '%2e%2e',
      '%2e%2e%2f',
      '%00',
      '%',
      '%E0%A4%A',
      '%ZZ',
      '%C0%AE%C0%AE',
      ';',
      '%3B',
      '*',
    ),
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }).map(pct),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 20 }).map(pct),
    hugeString.map((s) => pct(s.slice(0, 5_000))),
  )
  .filter((segment) => !coercesToId(segment));

/** Whether Ajv's type coercion would read the segment as an id that exists (" 1", "0x1", "1e0" ...). */
function coercesToId(segment: string): boolean {
  let decoded: string;
  try {
    decoded = decodeURIComponent(segment);
  } catch {
    return false;
  }
  const n = Number(decoded);
  return decoded.trim() !== '' && Number.isFinite(n) && n >= 1 && n <= 1e6;
}

const QUERY_KEYS = [
  'force',
  'dryRun',
  'version',
  'includeDrafts',
  'expires',
  'signature',
  '__proto__',
  'constructor',
  '__proto__[agendumPolluted]',
  'a[b][c]',
  '[]',
  '',
  '&',
  '=',
];
const QUERY_VALUES = [
  'true',
  'false',
  '1',
  '0',
  '-1',
  '',
  'null',
  'undefined',
  'NaN',
  '1e999',
  '9007199254740993',
  '%',
  '%E0%A4%A',
  '%00',
  '%2e%2e%2f',
  '[]',
  '{}',
];

/** A query string of known and unknown keys, repeated keys, raw and encoded garbage. */
export function queryString(options: { allowForce: boolean }) {
  const keys = QUERY_KEYS.filter((k) => options.allowForce || k !== 'force');
  const pair = fc.oneof(
    fc.tuple(fc.constantFrom(...keys), fc.constantFrom(...QUERY_VALUES)).map(([k, v]) => `${k}=${v}`),
    fc
      .tuple(fc.oneof(fc.constantFrom(...keys), junkString), junkString)
      .map(([k, v]) => `${pct(k)}=${pct(v.slice(0, 3_000))}`),
    fc.constantFrom('&&&', '=', '==', 'a', 'a=b=c', '?', '%26=%3D'),
  );
  return fc.array(pair, { maxLength: 6 }).map((pairs) => pairs.join('&'));
}

/** Printable ASCII and Latin-1: what a real HTTP parser lets through in a header value. */
export const headerText = (maxLength: number) =>
  fc.string({
    unit: fc
      .oneof(fc.integer({ min: 0x20, max: 0x7e }), fc.integer({ min: 0xa0, max: 0xff }))
      .map((c) => String.fromCharCode(c)),
    maxLength,
  });

export const CONTENT_TYPES = [
  'text/plain',
  'application/xml',
  'text/html',
  'application/json; charset=utf-16',
  'application/json; charset=latin1',
  'application/json;;',
  'application/json, text/html',
  'application/problem+json',
  'application/x-www-form-urlencoded',
  'multipart/form-data',
  'multipart/form-data; boundary=',
  'multipart/form-data; boundary=x',
  'multipart/mixed; boundary=x',
  'application/octet-stream',
  '*/*',
  ';',
  'json',
  'APPLICATION/JSON',
  'application/json; boundary=x',
];

export const IF_MATCH = [
  '*',
  '',
  '"',
  '""',
  'W/"note-1-1"',
  '"note-1-1"',
  '"note-1-999999999999999999999"',
  '"note-0-0", *',
  ',,,,',
  'null',
  `"${'9'.repeat(5000)}"`,
];

export const AUTHORIZATION = [
  'Bearer',
  'Bearer ',
  'Bearer  ',
  'bearer agd_x',
  'Basic YWRtaW46YWRtaW4=',
  'Digest x',
  `Bearer agd_${'A'.repeat(5000)}`,
  'Bearer agd_x agd_y',
  'Bearer \u00ff\u00fe',
  'Token abc',
  '',
  'null',
];

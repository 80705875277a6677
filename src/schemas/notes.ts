import { Type, type Static } from 'typebox';
import { bySection, Id } from './common.js';

const Text = Type.String({ minLength: 1, maxLength: 20000 });
const Url = Type.String({ format: 'uri', pattern: '^(https?|mailto):', maxLength: 2000 });

const TextRun = Type.Object({ text: Text, href: Type.Optional(Url) }, { additionalProperties: false });
const FootnoteMarker = Type.Object(
  { footnote: Type.Integer({ minimum: 1, maximum: 999 }) },
  { additionalProperties: false },
);
const Inline = Type.Union([TextRun, FootnoteMarker]);
// Answers describe a run as one object shape (text and href, or footnote): serialising an
// anyOf makes fast-json-stringify validate every run to pick a branch, a cost on every read.
const StoredInline = Type.Object({
  text: Type.Optional(Type.String()),
  href: Type.Optional(Type.String()),
  footnote: Type.Optional(Type.Integer({ description: 'A footnote marker: the number of the footnote' })),
});
const StoredParagraph = Type.Array(StoredInline);
const InputParagraph = Type.Union([Text, Type.Array(Inline, { minItems: 1, maxItems: 500 })], {
  description: 'Plain text, or runs of text, links and footnote markers',
});
const Footnote = Type.Object({ text: Text, sourceUrl: Type.Optional(Url) }, { additionalProperties: false });
// Answers describe what is stored, without the input rules: the rules are checked before the
// commit (schema and normalisation), and an answer that failed its schema after a commit would
// be a 500 for a version that exists.
const StoredFootnote = Type.Object({ text: Type.String(), sourceUrl: Type.Optional(Type.String()) });

const sectionsOf = <T extends typeof StoredParagraph | typeof InputParagraph>(p: T, optional: boolean) => {
  const list = Type.Array(p, { maxItems: 200 });
  const field = optional ? Type.Optional(list) : list;
  return bySection(field, { additionalProperties: false });
};

export const NewVersionBody = Type.Object(
  { sections: sectionsOf(InputParagraph, true), footnotes: Type.Optional(Type.Array(Footnote, { maxItems: 200 })) },
  { additionalProperties: false },
);

export const Version = Type.Object({
  id: Id,
  number: Type.Integer(),
  sections: sectionsOf(StoredParagraph, false),
  footnotes: Type.Array(StoredFootnote),
  contentHash: Type.String(),
  authorId: Id,
  createdAt: Type.String(),
});

export const Publication = Type.Object({
  number: Type.Integer({ description: 'Publication number: 1, then 2 for a corrected release, ...' }),
  version: Type.Integer({ description: 'The number of the version published' }),
  procedure: Type.Union([Type.String(), Type.Null()]),
  reason: Type.Union([Type.String(), Type.Null()]),
  releasedAt: Type.String(),
  underRevision: Type.Boolean({ description: 'The note was reopened after this publication' }),
});

export const Note = Type.Object({
  id: Id,
  itemId: Id,
  state: Type.String(),
  procedure: Type.Union([Type.String(), Type.Null()]),
  procedureKind: Type.Union([Type.String(), Type.Null()]),
  outcome: Type.Union([Type.String(), Type.Null()]),
  revision: Type.Integer(),
  versionCount: Type.Integer(),
  // `type: [object, null]` rather than anyOf: serialising an anyOf validates the whole version
  // on every read just to choose the branch.
  currentVersion: Type.Unsafe<Static<typeof Version> | null>({ ...Version, type: ['object', 'null'] }),
  updatedAt: Type.String(),
  publication: Type.Unsafe<Static<typeof Publication> | null>({ ...Publication, type: ['object', 'null'] }),
});

export const VersionParams = Type.Object({ itemId: Id, number: Type.Integer({ minimum: 1 }) });

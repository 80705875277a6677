import { Type, type Static } from 'typebox';
import { BlockKind, LIST_STYLES, MAX_TABLE_COLUMNS, type Block } from '../domain/note-blocks.js';
import { bySection, Id, literalUnion } from './common.js';

const Text = Type.String({ minLength: 1, maxLength: 20000 });
const Url = Type.String({ format: 'uri', pattern: '^(https?|mailto):', maxLength: 2000 });

const TextRun = Type.Object({ text: Text, href: Type.Optional(Url) }, { additionalProperties: false });
const FootnoteMarker = Type.Object(
  { footnote: Type.Integer({ minimum: 1, maximum: 999 }) },
  { additionalProperties: false },
);
const Inline = Type.Union([TextRun, FootnoteMarker]);
const Runs = Type.Array(Inline, { minItems: 1, maxItems: 500 });
const InputRuns = Type.Union([Runs, Text], { description: 'Plain text, or runs of text, links and footnote markers' });
const CellRuns = Type.Union([Type.Array(Inline, { maxItems: 500 }), Type.String({ maxLength: 20000 })], {
  description: 'A cell: plain text or runs; may be empty',
});
const ListBlockInput = Type.Object(
  {
    block: Type.Literal(BlockKind.list),
    style: literalUnion(LIST_STYLES),
    items: Type.Array(
      Type.Union([
        InputRuns,
        Type.Object(
          {
            runs: InputRuns,
            sublist: Type.Optional(
              Type.Object(
                {
                  style: literalUnion(LIST_STYLES),
                  items: Type.Array(
                    Type.Union([InputRuns, Type.Object({ runs: InputRuns }, { additionalProperties: false })]),
                    { minItems: 1, maxItems: 200 },
                  ),
                },
                { additionalProperties: false },
              ),
            ),
          },
          { additionalProperties: false, description: 'An item with a list nested under it (one level)' },
        ),
      ]),
      { minItems: 1, maxItems: 200 },
    ),
  },
  { additionalProperties: false, description: 'A bulleted or numbered list' },
);
const TableBlockInput = Type.Object(
  {
    block: Type.Literal(BlockKind.table),
    header: Type.Optional(Type.Array(CellRuns, { maxItems: MAX_TABLE_COLUMNS, description: 'The header row' })),
    rows: Type.Array(Type.Array(CellRuns, { minItems: 1, maxItems: MAX_TABLE_COLUMNS }), {
      minItems: 1,
      maxItems: 500,
    }),
  },
  { additionalProperties: false, description: 'A table: an optional header row and rows of cells' },
);
export const InputBlock = Type.Union([InputRuns, ListBlockInput, TableBlockInput], {
  description:
    'A paragraph (plain text or runs, as clients before lists and tables wrote it), or a list or a table object',
});
// A stored block is a paragraph (an array of runs) or an object naming its kind in `block`.
// Described, not typed for the serializer: a type list or anyOf makes fast-json-stringify check
// every block on every read to pick a branch; plain JSON serialisation of stored data is exact.
export const StoredBlock = Type.Unsafe<Block>({
  description:
    'A paragraph: an array of runs ({text, href?} or {footnote}); a list: {block, style, items: [{runs, sublist?}]}; a table: {block, header: [cell], rows: [[cell]]}, a cell being an array of runs',
});
export const Footnote = Type.Object({ text: Text, sourceUrl: Type.Optional(Url) }, { additionalProperties: false });
// Answers describe what is stored, without the input rules: the rules are checked before the
// commit (schema and normalisation), and an answer that failed its schema after a commit would
// be a 500 for a version that exists.
export const StoredFootnote = Type.Object({ text: Type.String(), sourceUrl: Type.Optional(Type.String()) });

const sectionsOf = <T extends typeof StoredBlock | typeof InputBlock>(p: T, optional: boolean) => {
  const list = Type.Array(p, { maxItems: 200 });
  const field = optional ? Type.Optional(list) : list;
  return bySection(field, { additionalProperties: false });
};

export const NewVersionBody = Type.Object(
  { sections: sectionsOf(InputBlock, true), footnotes: Type.Optional(Type.Array(Footnote, { maxItems: 200 })) },
  { additionalProperties: false },
);

export const Version = Type.Object({
  id: Id,
  number: Type.Integer(),
  sections: sectionsOf(StoredBlock, false),
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

export const PublicationParams = Type.Object({ itemId: Id, number: Type.Integer({ minimum: 1 }) });

/** One publication with the version it released. */
export const PublicationText = Type.Object({
  ...Publication.properties,
  text: Version,
});

import { Type, type Static } from 'typebox';
import { Audience as AudienceWord, AUDIENCE_GROUPS, normaliseMarking } from '../domain/audience.js';
import { bySection, Id, Line } from './common.js';
import { Audience } from './items.js';
import { Version } from './notes.js';

// One recipient group's name, as the pattern of a comma-separated list spells it.
const GROUP = AUDIENCE_GROUPS.join('|');

const Warning = Type.Object({ code: Type.String(), message: Type.String() });
const Blocks = Type.Array(Type.Unknown(), { description: 'Blocks, as in a version' });

export const IngestResult = Type.Object(
  {
    dryRun: Type.Boolean(),
    file: Type.Object({ name: Type.String(), kind: Type.String(), size: Type.Integer(), sha256: Type.String() }),
    recognised: Type.Object({
      headerLines: Type.Array(Type.String()),
      meetingLine: Type.Union([Type.String(), Type.Null()]),
      hasCoverNoteTitle: Type.Boolean(),
      item: Type.Union([Type.Object({ number: Type.String(), title: Type.String() }), Type.Null()]),
      sections: bySection(Blocks),
      footnotes: Type.Array(Type.Object({ text: Type.String(), sourceUrl: Type.Optional(Type.String()) })),
    }),
    warnings: Type.Array(Warning),
    version: Type.Union([Version, Type.Null()], { description: 'The stored version; null on a dry run' }),
  },
  { description: 'What was recognised in an uploaded draft' },
);

export const DryRunQuery = Type.Object({
  dryRun: Type.Boolean({ default: false, description: 'Parse and show the result without storing anything' }),
});

export const Annex = Type.Object({
  id: Id,
  title: Type.String(),
  fileName: Type.String(),
  size: Type.Integer(),
  sha256: Type.String(),
  audience: Type.String({ description: 'Distribution marking: public, network or limited' }),
  audienceGroups: Type.Array(Type.String()),
  createdAt: Type.String(),
});
export const AnnexParams = Type.Object({ itemId: Id, annexId: Id });

/** The marking an annex's fields name: network when none is named, groups listed with commas. */
export const annexMarking = (fields: Static<typeof AnnexFields>) =>
  normaliseMarking(
    fields.audience ?? AudienceWord.network,
    fields.audienceGroups?.split(',').map((g) => g.trim()),
  );

/** A file answer: the bytes as they were uploaded. */
export const FileBody = Type.String({ format: 'binary', description: 'The file' });

/** The text fields sent with an annex's file (multipart), read like any body. */
export const AnnexFields = Type.Object(
  {
    title: Type.Optional(Line(300, { description: 'Default: the file name without .pdf' })),
    audience: Type.Optional(Audience),
    audienceGroups: Type.Optional(
      Type.String({
        pattern: `^\\s*(${GROUP})(\\s*,\\s*(${GROUP}))*\\s*$`,
        maxLength: 100,
        description: 'With limited: the recipient groups, separated by commas',
      }),
    ),
  },
  { additionalProperties: false },
);

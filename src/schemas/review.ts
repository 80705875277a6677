import { Type } from 'typebox';
import { SECTION_KEYS } from '../domain/note-content.js';
import { DIFF_OPS } from '../domain/version-diff.js';
import { bySection, Id, literalUnion, TextBlock } from './common.js';

const Section = literalUnion(SECTION_KEYS);

export const Comment = Type.Object({
  id: Id,
  version: Type.Integer(),
  section: Type.Union([Section, Type.Null()]),
  paragraph: Type.Union([Type.Integer(), Type.Null()]),
  body: Type.String(),
  author: Type.Object({ id: Id, name: Type.String() }),
  createdAt: Type.String(),
  resolvedAt: Type.Union([Type.String(), Type.Null()]),
  resolvedById: Type.Union([Id, Type.Null()]),
});

export const NewCommentBody = Type.Object(
  {
    body: TextBlock(10000),
    version: Type.Optional(Type.Integer({ minimum: 1, description: 'Default: the current version' })),
    section: Type.Optional(Section),
    paragraph: Type.Optional(
      Type.Integer({ minimum: 1, description: 'The block (paragraph, list or table) within the section, 1-based' }),
    ),
  },
  { additionalProperties: false },
);

export const CommentParams = Type.Object({ itemId: Id, commentId: Id });
export const DiffParams = Type.Object({ itemId: Id, a: Type.Integer({ minimum: 1 }), b: Type.Integer({ minimum: 1 }) });

export const DiffPart = Type.Object({
  op: literalUnion(DIFF_OPS),
  text: Type.String(),
});
const Parts = Type.Array(DiffPart);
export const VersionDiff = Type.Object({
  from: Type.Integer(),
  to: Type.Integer(),
  identical: Type.Boolean(),
  sections: bySection(Parts),
  footnotes: Parts,
});

export const StatusRow = Type.Object({
  itemId: Id,
  number: Type.String(),
  title: Type.String(),
  state: Type.String(),
  procedure: Type.Union([Type.String(), Type.Null()]),
  outcome: Type.Union([Type.String(), Type.Null()]),
  rapporteurs: Type.Array(Type.Object({ id: Id, name: Type.String() })),
  deadline: Type.Union([Type.String(), Type.Null()]),
  isLate: Type.Boolean(),
});

export const CarryOverBody = Type.Object(
  { meetingId: Id, parentId: Type.Optional(Type.Union([Id, Type.Null()])) },
  { additionalProperties: false },
);

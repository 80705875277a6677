import { Type } from 'typebox';
import { NOTE_EVENTS, OUTCOMES } from '../domain/note-workflow.js';
import { Id, Line, LINE_CHARS_PATTERN, literalUnion, TEXT_CHARS_PATTERN } from './common.js';

export const TransitionBody = Type.Object(
  {
    event: literalUnion(NOTE_EVENTS),
    // Blank is left to the workflow, which says which events need a reason.
    comment: Type.Optional(Type.String({ maxLength: 5000, pattern: TEXT_CHARS_PATTERN })),
    procedure: Type.Optional(Line(1000)),
    // Blank is left to the workflow too: a first release needs no reason, a corrected one does.
    reason: Type.Optional(
      Type.String({
        maxLength: 300,
        pattern: LINE_CHARS_PATTERN,
        description: 'Why a released note is released again (one line): required from the second publication on',
      }),
    ),
  },
  { additionalProperties: false },
);

export const NoteChangesBody = Type.Object(
  {
    procedure: Type.Optional(
      Line(1000, {
        description: 'for-information, for-discussion, for-adoption, or a sentence starting with their label',
      }),
    ),
    outcome: Type.Optional(literalUnion(OUTCOMES)),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const HistoryEntry = Type.Object({
  id: Id,
  event: Type.String(),
  fromState: Type.String(),
  toState: Type.String(),
  actor: Type.Object({ id: Id, name: Type.String() }),
  at: Type.String(),
  comment: Type.Union([Type.String(), Type.Null()]),
  versionHash: Type.Union([Type.String(), Type.Null()]),
});

const ChainVerdict = Type.Object({
  ok: Type.Boolean(),
  checked: Type.Integer(),
  brokenAt: Type.Optional(Type.Integer({ description: 'id of the first audit event whose link fails' })),
  reason: Type.Optional(Type.String()),
});

/** The workflow chain's figures at the top (ok covers both chains), the people audit's under `people`. */
export const AuditVerdict = Type.Object({ ...ChainVerdict.properties, people: Type.Optional(ChainVerdict) });

export const Notification = Type.Object({
  id: Id,
  kind: Type.String(),
  itemId: Type.Union([Id, Type.Null()]),
  meetingId: Type.Union([Id, Type.Null()]),
  message: Type.String(),
  createdAt: Type.String(),
  readAt: Type.Union([Type.String(), Type.Null()]),
});

export const NotificationParams = Type.Object({ notificationId: Id });

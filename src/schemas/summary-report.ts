import { Type } from 'typebox';
import { AUDIENCE_GROUPS, AUDIENCES } from '../domain/audience.js';
import { REPORT_EVENTS } from '../domain/summary-report.js';
import { Id, Line, literalUnion, TextBlock } from './common.js';
import { DiffPart } from './review.js';
import { CoChairs, Conclusions, ConclusionsBody, recordedItemFields } from './records.js';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

const VersionNumber = Type.Integer({ minimum: 1, maximum: 100_000 });
const BaseVersion = Type.Optional(
  Type.Integer({
    minimum: 1,
    maximum: 100_000,
    description: 'The version the change was made on; refused (409) when the report has moved on since',
  }),
);

export const ReportVersionParams = Type.Object({ meetingId: Id, number: VersionNumber });
export const ReportDiffQuery = Type.Object({
  from: VersionNumber,
  to: VersionNumber,
});
export const ReportPdfQuery = Type.Object({
  version: Type.Optional(VersionNumber),
});

/** The text fields sent with an uploaded report file. */
export const ReportUploadFields = Type.Object({ baseVersion: BaseVersion }, { additionalProperties: false });

export const AssembleReportBody = Type.Object({ baseVersion: BaseVersion }, { additionalProperties: false });

export const ReportTextBody = Type.Object(
  {
    baseVersion: BaseVersion,
    opening: Type.Optional(ConclusionsBody),
    items: Type.Optional(
      Type.Array(Type.Object({ itemId: Id, conclusions: ConclusionsBody }, { additionalProperties: false }), {
        maxItems: 500,
      }),
    ),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const ReportTransitionBody = Type.Object(
  {
    event: literalUnion(REPORT_EVENTS),
    comment: Type.Optional(Nullable(TextBlock(4000))),
    adoptionItemId: Type.Optional(Nullable(Id)),
  },
  { additionalProperties: false },
);

export const ReportDetailsBody = Type.Object(
  {
    registryReference: Type.Optional(
      Nullable(Line(200, { description: 'As the registry gives it: `Ref. Ares(2021)6941533 - 11/11/2021`' })),
    ),
    audience: Type.Optional(literalUnion(AUDIENCES)),
    audienceGroups: Type.Optional(Type.Array(literalUnion(AUDIENCE_GROUPS), { maxItems: AUDIENCE_GROUPS.length })),
  },
  { additionalProperties: false, minProperties: 1 },
);

const ReportActionPoint = Type.Object({
  itemNumber: Type.String(),
  what: Type.String(),
  owner: Type.String(),
  dueDate: Nullable(Type.String()),
  state: Type.String(),
});

export const ReportText = Type.Object({
  format: Nullable(Type.String()),
  coChairs: CoChairs,
  opening: Conclusions,
  items: Type.Array(
    Type.Object({
      ...recordedItemFields,
      conclusions: Conclusions,
      actionPoints: Type.Array(ReportActionPoint),
    }),
  ),
  attendance: Type.Array(
    Type.Object({
      name: Type.String(),
      delegation: Nullable(Type.String()),
      state: Nullable(Type.String()),
      representedBy: Nullable(Type.Object({ name: Type.String(), delegation: Nullable(Type.String()) })),
    }),
  ),
});

export const SummaryReport = Type.Object({
  meetingId: Id,
  state: Type.String({ description: 'drafting, review, released (for comments), adopted' }),
  version: Type.Integer({
    description: 'The version shown: the current one for the secretariat, the released one for others',
  }),
  releasedVersion: Nullable(Type.Integer()),
  releasedAt: Nullable(Type.String()),
  adoption: Nullable(
    Type.Object({
      at: Type.String(),
      itemId: Nullable(Id),
      itemNumber: Nullable(Type.String()),
      itemTitle: Nullable(Type.String()),
      meetingId: Nullable(Id),
      meeting: Nullable(Type.String()),
    }),
  ),
  registryReference: Nullable(Type.String()),
  audience: Type.String(),
  audienceGroups: Type.Array(Type.String()),
  allowedEvents: Type.Array(Type.String()),
  isEditable: Type.Boolean(),
  versions: Type.Array(
    Type.Object({
      number: Type.Integer(),
      source: Type.String({ description: 'assembled, edited or uploaded' }),
      fileName: Nullable(Type.String()),
      authorName: Type.String(),
      createdAt: Type.String(),
    }),
  ),
  events: Type.Array(
    Type.Object({
      event: Type.String(),
      fromState: Type.String(),
      toState: Type.String(),
      version: Type.Integer(),
      comment: Nullable(Type.String()),
      actorName: Type.String(),
      at: Type.String(),
    }),
  ),
  text: ReportText,
  etag: Type.String(),
});

export const ReportUploaded = Type.Object({
  report: SummaryReport,
  warnings: Type.Array(Type.String(), { description: 'What of the file was not placed in the report' }),
});

export const ReportVersion = Type.Object({
  number: Type.Integer(),
  source: Type.String(),
  fileName: Nullable(Type.String()),
  createdAt: Type.String(),
  content: ReportText,
});

export const ReportDiff = Type.Object({
  meetingId: Id,
  from: Type.Integer(),
  to: Type.Integer(),
  opening: Type.Array(DiffPart),
  items: Type.Array(
    Type.Object({ itemId: Id, number: Type.String(), title: Type.String(), parts: Type.Array(DiffPart) }),
  ),
  actionPoints: Type.Array(DiffPart),
  attendance: Type.Array(DiffPart),
  identical: Type.Boolean(),
});

import { Type } from 'typebox';
import { Id } from './common.js';

/** Publishing a meeting asks nothing: the meeting is in the address, the folder in the configuration. */
export const PublishBody = Type.Object({}, { additionalProperties: false });

export const MeetingPublication = Type.Object({
  meetingId: Id,
  publishedAt: Type.String({ format: 'date-time', description: 'When the meeting was published (now)' }),
  meetings: Type.Integer({ minimum: 0, description: 'How many published meetings the folder holds' }),
  files: Type.Integer({ minimum: 0, description: 'How many files the folder holds' }),
});

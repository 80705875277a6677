import { AgendumError } from '../domain/errors.js';
import { meetingName } from '../domain/meeting-line.js';
import { isLaterMeeting } from '../domain/meeting-status.js';
import { diffReports } from '../domain/report-diff.js';
import { isStaff, type Actor } from '../domain/roles.js';
import type { ServiceContext } from './context.js';
import { meetingOrThrow } from './lookups.js';
import { assertStaff, type createReportReads } from './summary-report-reads.js';

/** What the API and pages ask of a summary report without changing it: the report, its versions, a diff, the adoption choices. */
export function createReportQueries(ctx: ServiceContext, reads: ReturnType<typeof createReportReads>) {
  const { repos } = ctx;
  const { reportOrThrow, currentOf, releasedFor, present, versionOrThrow } = reads;
  const queries = {
    /** The report as this reader may read it: staff its current version and history, others what was released. */
    get(actor: Actor, meetingId: number) {
      if (!isStaff(actor.role)) {
        const { report, version, text } = releasedFor(actor, meetingId);
        return present(report, version, text, false);
      }
      const report = reportOrThrow(meetingId);
      const current = currentOf(report);
      return present(report, current, current.content, true);
    },

    /** The report as `get` gives it, or null where `get` answers 404 (none yet, or none released to this reader). */
    find(actor: Actor, meetingId: number) {
      meetingOrThrow(ctx, meetingId);
      try {
        return queries.get(actor, meetingId);
      } catch (error) {
        if (error instanceof AgendumError && error.status === 404) return null;
        throw error;
      }
    },

    /**
     * The items a report may be adopted under, as `transition` checks them: those of the later
     * meetings of the same network, meeting by meeting, in agenda order.
     */
    adoptionItems(actor: Actor, meetingId: number) {
      assertStaff(actor);
      const { meeting } = meetingOrThrow(ctx, meetingId);
      return repos.meetings
        .list()
        .filter(({ meeting: m }) => isLaterMeeting(m, meeting))
        .sort((a, b) => a.meeting.startDate.localeCompare(b.meeting.startDate))
        .map(({ meeting: m, network }) => ({
          meetingId: m.id,
          meeting: meetingName(m.ordinal, network.name),
          items: repos.agenda
            .listItems(m.id)
            .sort((a, b) => a.number.localeCompare(b.number, 'en', { numeric: true }))
            .map((item) => ({ id: item.id, number: item.number, title: item.title })),
        }));
    },

    /** One version's words, for the secretariat. */
    version(actor: Actor, meetingId: number, number: number) {
      assertStaff(actor);
      return versionOrThrow(reportOrThrow(meetingId), number);
    },

    /** What changed from version `from` to version `to`, part by part. */
    diff(actor: Actor, meetingId: number, from: number, to: number) {
      assertStaff(actor);
      const report = reportOrThrow(meetingId);
      const before = versionOrThrow(report, from);
      const after = versionOrThrow(report, to);
      return { meetingId, from, to, ...diffReports(before.content, after.content) };
    },
  };
  return queries;
}

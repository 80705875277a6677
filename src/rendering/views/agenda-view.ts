import { formatMeetingLine, type MeetingLineInput } from '../../domain/meeting-line.js';
import { procedureLabel } from '../../domain/procedure.js';
import { meetingInWords } from './note-view.js';

/** A meeting's agenda as readers see it: items in agenda order with their numbers and details. */

export interface AgendaItemView {
  id: number;
  /** `9`, `9.1` */
  number: string;
  title: string;
  /** 1 for `9`, 2 for `9.1` */
  depth: number;
  rapporteurs: string[];
  /** `For information.`, or null when the reader may not see it or none is set yet. */
  procedure: string | null;
}

export interface AgendaView {
  documentTitle: string;
  subject: string;
  lang: string;
  headerLines: string[];
  meetingLine: string;
  heading: string;
  items: AgendaItemView[];
}

export interface AgendaViewInput {
  meeting: MeetingLineInput;
  headerLines: readonly string[];
  /** Items in agenda order; `procedure` as the reader may see it. */
  items: readonly {
    id: number;
    number: string;
    title: string;
    rapporteurs: readonly { name: string }[];
    procedure: string | null;
  }[];
}

export function buildAgendaView(input: AgendaViewInput): AgendaView {
  const subject = meetingInWords(input.meeting);
  return {
    documentTitle: `Agenda of the ${subject}`,
    subject,
    lang: 'en',
    headerLines: [...input.headerLines],
    meetingLine: formatMeetingLine(input.meeting),
    heading: 'AGENDA',
    items: input.items.map((item) => ({
      id: item.id,
      number: item.number,
      title: item.title,
      depth: item.number.split('.').length,
      rapporteurs: item.rapporteurs.map((r) => r.name),
      procedure: item.procedure ? procedureLabel(item.procedure) : null,
    })),
  };
}

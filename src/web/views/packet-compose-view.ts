import { AUDIENCE_GROUPS, AudienceGroup } from '../../domain/audience.js';
import { PACKET_CONTENTS, PacketContent } from '../../domain/packet-content.js';
import { termOf } from '../../rendering/html/glossary.js';
import type { PacketService } from '../../services/packet-service.js';
import type { MeetingView } from '../../services/presenters.js';
import { EMPTY_FORM, errorSummary, fieldViews, type FormFields, type FormState } from './form-view.js';
import { underMeetingHeader } from './page-headers.js';

/** The fields of the packet form, with the ids the error summary links to. */
export const PACKET_FORM: FormFields = {
  subject: { label: 'Subject', id: 'packet-subject' },
  message: { label: 'Message', id: 'packet-message' },
  lists: { label: 'Send to', id: 'packet-list-delegates' },
  content: { label: 'Documents as', id: 'packet-content-personal' },
  includeInvite: { label: 'Calendar invitation', id: 'packet-invite-yes' },
};

/** The placeholders a message may hold, and what each becomes (said under the field). */
export const MESSAGE_HINT =
  "{{recipient.name}} becomes each recipient's name, {{meeting.dates}} the meeting's dates, {{meeting.city}} its city, {{meeting.displayLine}} the meeting's full name.";

export const packetDefaults = (meeting: MeetingView) => ({
  subject: `Documents for the ${meeting.displayLine}`,
  message:
    'Dear {{recipient.name}},\n\nplease find the agenda and the released cover notes for the meeting of {{meeting.dates}} in {{meeting.city}}.',
  content: PacketContent.personal,
  includeInvite: 'true',
});

/** What the packet form holds: the fields as typed, and every list ticked (a form keeps only the first value). */
export interface PacketFormInput {
  form: FormState;
  lists: readonly string[];
}

/** The form's values as the preview page carries them on, in hidden fields, to the send. */
function carried(values: Record<string, string>, lists: readonly string[]) {
  return {
    subject: values.subject ?? '',
    message: values.message ?? '',
    content: values.content ?? PacketContent.personal,
    includeInvite: values.includeInvite ?? 'true',
    lists,
  };
}

/** The compose page: subject, message (its placeholders explained), lists, format, invitation. */
export function packetComposeView(meeting: MeetingView, input: PacketFormInput = { form: EMPTY_FORM, lists: [] }) {
  const { form } = input;
  const fields = fieldViews(form, PACKET_FORM, packetDefaults(meeting));
  const ticked = form === EMPTY_FORM && input.lists.length === 0 ? [AudienceGroup.delegates] : input.lists;
  return {
    header: underMeetingHeader(meeting, 'Send a packet'),
    meeting,
    form: fields,
    messageHint: MESSAGE_HINT,
    lists: AUDIENCE_GROUPS.map((list) => ({
      value: list,
      label: termOf('group', list).label,
      checked: ticked.includes(list),
    })),
    contents: PACKET_CONTENTS.map((content) => ({
      value: content,
      label: termOf('packetFormat', content).label,
      checked: fields.content!.value === content,
    })),
    invite: fields.includeInvite!.value !== 'false',
    errorSummary: errorSummary(form, PACKET_FORM),
  };
}

/** The preview page: recipients by list, what each receives, one recipient's mail, and the send button. */
export function packetPreviewView(
  meeting: MeetingView,
  preview: ReturnType<PacketService['preview']>,
  input: PacketFormInput,
) {
  return {
    header: underMeetingHeader(meeting, 'Check the packet before sending'),
    meeting,
    preview,
    byList: preview.lists.map((list) => ({
      label: termOf('group', list).label,
      people: preview.recipients.filter((r) => r.groups.includes(list)),
    })),
    recipients: preview.recipients.map((r) => ({
      ...r,
      listLabels: r.groups.map((g) => termOf('group', g).label).join(', '),
      formatLabel: termOf('packetFormat', r.format).label,
      documents: r.items.filter((i) => !i.withheld),
      withheld: r.items.filter((i) => i.withheld),
    })),
    carried: carried(input.form.values, input.lists),
  };
}

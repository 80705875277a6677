import type { MeetingLineInput } from '../../domain/meeting-line.js';
import { NoteState } from '../../domain/note-workflow.js';
import { buildNoteView } from '../../rendering/views/note-view.js';
import { noteEtag } from '../../services/note-access.js';
import type { Services } from '../../services/index.js';
import type { ItemView, NoteView } from '../../services/presenters.js';

type DryRun = Awaited<ReturnType<Services['ingest']['ingestDraft']>>;

/** What the preview of an upload is made of: the dry run, and the note it would become the next version of. */
export interface PreviewFacts {
  item: ItemView;
  meeting: Omit<MeetingLineInput, 'networkName'>;
  network: { name: string; headerLines: readonly string[] };
  note: NoteView;
  dryRun: DryRun;
  previewId: string;
  now: Date;
}

/** An uploaded draft as agendum recognised it, set as the cover note it would become, before it is saved. */
export function previewView(facts: PreviewFacts) {
  const { item, note, dryRun } = facts;
  return {
    item,
    fileName: dryRun.file.name,
    warnings: dryRun.warnings,
    note: buildNoteView({
      meeting: { ...facts.meeting, networkName: facts.network.name },
      headerLines: facts.network.headerLines,
      item,
      note: { state: NoteState.drafting, procedure: note.procedure, currentVersionId: 0 },
      version: {
        id: 0,
        number: note.versionCount + 1,
        content: { sections: dryRun.recognised.sections, footnotes: dryRun.recognised.footnotes },
        createdAt: facts.now.toISOString(),
      },
    }),
    previewId: facts.previewId,
    etag: noteEtag(note),
  };
}

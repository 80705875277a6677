import type { Attachment } from './mime.js';

/** The PDFs a packet carries, made by the PDF renderers (only released notes ever reach here). */
export interface PacketDocuments {
  /** One PDF: cover, contents, agenda, the notes and their annexes. */
  combined(meetingId: number): Promise<Attachment>;
  /** The agenda and one PDF per released note. */
  separate(meetingId: number): Promise<Attachment[]>;
}

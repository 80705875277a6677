import { Document, FootnoteReferenceRun, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { ITEM_9_2 } from '../src/demo/seed-notes.js';
import { demoItemId, reposOf, startBenchApp } from './bench-app.js';
import { round, type Figure } from './figures.js';

/** The 9.2 seed as a rapporteur's Word file, with its footnote as a real Word footnote. */
async function seedDocx(): Promise<Buffer> {
  const headings = ['1. Issue at stake', '2. Summary', '3. Format of procedure in the meeting'];
  const keys = ['issueAtStake', 'summary', 'procedure'] as const;
  const children = [new Paragraph({ children: [new TextRun({ text: `9.2  ${ITEM_9_2.title}`, bold: true })] })];
  keys.forEach((key, i) => {
    children.push(new Paragraph({ text: headings[i]!, heading: HeadingLevel.HEADING_2 }));
    for (const p of ITEM_9_2.content.sections[key]) {
      const runs = typeof p === 'string' ? [{ text: p }] : p;
      children.push(
        new Paragraph({
          children: runs.map((r) => ('footnote' in r ? new FootnoteReferenceRun(r.footnote!) : new TextRun(r.text!))),
        }),
      );
    }
  });
  const [note] = ITEM_9_2.content.footnotes;
  const footnotes = { 1: { children: [new Paragraph(`${note!.text} [source: ${note!.sourceUrl}].`)] } };
  return Packer.toBuffer(new Document({ footnotes, sections: [{ children }] }));
}

/** Time to ingest the 9.2 note as .docx: zip check, mammoth, parsing, checks (a dry run: no write). */
export async function ingestBenchmark(): Promise<Figure[]> {
  const bench = await startBenchApp();
  try {
    const itemId = demoItemId(bench.app, '9.2');
    const admin = reposOf(bench.app).people.findByEmail('secretariat@example.org')!;
    const actor = { id: admin.id, name: admin.name, role: 'secretariat' as const };
    const bytes = await seedDocx();
    const ingest = () =>
      bench.app.services.ingest.ingestDraft(actor, itemId, { bytes, fileName: '9.2.docx' }, { dryRun: true });
    for (let i = 0; i < 5; i += 1) await ingest();
    const times: number[] = [];
    for (let i = 0; i < 30; i += 1) {
      const start = performance.now();
      await ingest();
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)]!;
    return [
      {
        name: 'ingest 9.2 as .docx (median)',
        value: round(median, 1),
        unit: 'ms',
        target: '< 100 ms',
        met: median < 100,
        note: `p90 ${round(times[Math.floor(times.length * 0.9)]!, 1)} ms, ${bytes.length} bytes`,
      },
    ];
  } finally {
    await bench.close();
  }
}

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as fontkit from 'fontkit';
import { TrueTypeSource } from './truetype-subset.js';

/**
 * The typefaces of every PDF agendum prints: DejaVu Serif from the `dejavu-fonts-ttf` package
 * (never the system's fonts), which covers Latin, Greek and Cyrillic.
 *
 * Each file is read and parsed once per process. pdfkit is given the parsed fontkit font (it
 * accepts any object with `layout`) wrapped so that two more things survive between documents:
 * the shaping of each word (fontkit's layout is the costliest call per word) and the glyph bytes
 * of the subsets (see truetype-subset.ts). The wrapper is a prototype child of the fontkit font:
 * every other property pdfkit reads (metrics, tables, names) is the font's own.
 */

export type FaceName = 'regular' | 'bold' | 'italic';

const FILES: Record<FaceName, string> = {
  regular: 'DejaVuSerifCondensed.ttf',
  bold: 'DejaVuSerifCondensed-Bold.ttf',
  italic: 'DejaVuSerifCondensed-Italic.ttf',
};

/** Cached shaping results beyond this many words per face are dropped and rebuilt. */
const MAX_CACHED_RUNS = 50_000;

interface Position {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
}

/**
 * A glyph run as pdfkit expects it from `font.layout`. pdfkit scales the positions in place,
 * so each call gets fresh positions; `advanceWidth` is computed from them, as fontkit's is.
 */
class CopiedRun {
  constructor(
    readonly glyphs: fontkit.Glyph[],
    readonly positions: Position[],
  ) {}

  get advanceWidth(): number {
    let width = 0;
    for (const p of this.positions) width += p.xAdvance;
    return width;
  }
}

export class FontFace {
  readonly name: FaceName;
  /** What pdfkit is given as the font. */
  readonly pdfkitFont: fontkit.Font;
  readonly unitsPerEm: number;
  /** Ascent and descent (positive) as fractions of the font size. */
  readonly ascent: number;
  readonly descent: number;
  private readonly runs = new Map<string, fontkit.GlyphRun>();
  private readonly widths = new Map<string, number>();

  constructor(name: FaceName, file: Uint8Array) {
    this.name = name;
    const font = fontkit.create(file as Buffer) as fontkit.Font;
    // Our subsetter reads the file's bytes, never fontkit's glyph objects: fontkit's own subsetter
    // would ask for the parts of compound glyphs with no code points, and fontkit keeps a glyph
    // with the code points of its first request (foliojs/fontkit#154), so every later document
    // would lose letters such as Cyrillic к (Greek κ is drawn with it) from its text.
    const source = new TrueTypeSource(file);
    const runs = this.runs;
    const facade = Object.create(font) as fontkit.Font;
    Object.assign(facade, {
      layout(text: string, features?: unknown): unknown {
        if (features !== undefined) return font.layout(text, features as string[]);
        let run = runs.get(text);
        if (!run) {
          if (runs.size >= MAX_CACHED_RUNS) runs.clear();
          run = font.layout(text);
          runs.set(text, run);
        }
        return new CopiedRun(
          run.glyphs,
          run.positions.map((p) => ({
            xAdvance: p.xAdvance,
            yAdvance: p.yAdvance,
            xOffset: p.xOffset,
            yOffset: p.yOffset,
          })),
        );
      },
      createSubset: () => source.createSubset(),
    });
    this.pdfkitFont = facade;
    this.unitsPerEm = font.unitsPerEm;
    this.ascent = font.ascent / font.unitsPerEm;
    this.descent = -font.descent / font.unitsPerEm;
  }

  /**
   * Width of `text` at `size` points, measured exactly as pdfkit will set it: pdfkit shapes text
   * in chunks that end after each space, so kerning never crosses a space.
   */
  widthOf(text: string, size: number): number {
    let total = 0;
    let start = 0;
    for (let i = 0; i <= text.length; i++) {
      if (i < text.length && text[i] !== ' ') continue;
      const end = i < text.length ? i + 1 : i;
      if (end > start) total += this.chunkWidth(text.slice(start, end));
      start = end;
    }
    return (total * size) / 1000;
  }

  /** Width of a chunk in thousandths of an em. */
  private chunkWidth(chunk: string): number {
    let width = this.widths.get(chunk);
    if (width === undefined) {
      if (this.widths.size >= MAX_CACHED_RUNS) this.widths.clear();
      const run = (this.pdfkitFont.layout(chunk) as unknown as CopiedRun).advanceWidth;
      width = (run * 1000) / this.unitsPerEm;
      this.widths.set(chunk, width);
    }
    return width;
  }
}

export type FontSet = Record<FaceName, FontFace>;

let loaded: FontSet | undefined;

/** The bytes of a face's TrueType file, from the `dejavu-fonts-ttf` package. */
export function fontFile(name: FaceName): Uint8Array {
  const require = createRequire(import.meta.url);
  return new Uint8Array(readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${FILES[name]}`)));
}

/** The faces, loaded and parsed on first use and kept for the life of the process. */
export function fonts(): FontSet {
  if (!loaded) {
    const load = (name: FaceName) => new FontFace(name, fontFile(name));
    loaded = { regular: load('regular'), bold: load('bold'), italic: load('italic') };
  }
  return loaded;
}

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as fontkit from 'fontkit';
import { TrueTypeSource } from './truetype-subset.js';

/**
 * The typefaces of every PDF agendum prints: Tinos from `@expo-google-fonts/tinos` (never the
 * system's fonts), metric-compatible with Times New Roman, the face of the Commission's documents
 * (a note set in it breaks its lines where the Word original does), with Latin, Greek and
 * Cyrillic. A character Tinos lacks (✓, most symbols) is set in DejaVu Serif Condensed from
 * `dejavu-fonts-ttf`: each face measures and the writer draws such stretches in its fallback.
 *
 * Each file is read and parsed once per process. pdfkit is given the parsed fontkit font (it
 * accepts any object with `layout`) wrapped so that two more things survive between documents:
 * the shaping of each word (fontkit's layout is the costliest call per word) and the glyph bytes
 * of the subsets (see truetype-subset.ts). The wrapper is a prototype child of the fontkit font:
 * every other property pdfkit reads (metrics, tables, names) is the font's own.
 */

export type FaceName = 'regular' | 'bold' | 'italic';

/** Where each face and its fallback come from, as a module path. */
const FILES: Record<FaceName, { main: string; fallback: string }> = {
  regular: {
    main: '@expo-google-fonts/tinos/400Regular/Tinos_400Regular.ttf',
    fallback: 'dejavu-fonts-ttf/ttf/DejaVuSerifCondensed.ttf',
  },
  bold: {
    main: '@expo-google-fonts/tinos/700Bold/Tinos_700Bold.ttf',
    fallback: 'dejavu-fonts-ttf/ttf/DejaVuSerifCondensed-Bold.ttf',
  },
  italic: {
    main: '@expo-google-fonts/tinos/400Regular_Italic/Tinos_400Regular_Italic.ttf',
    fallback: 'dejavu-fonts-ttf/ttf/DejaVuSerifCondensed-Italic.ttf',
  },
};

/** A stretch of text set in one font: the face's own or its fallback. */
export interface Stretch {
  text: string;
  face: FontFace;
}

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
  /** The name pdfkit knows the font by (`regular`, `regular-fallback`...). */
  readonly name: string;
  /** What pdfkit is given as the font. */
  readonly pdfkitFont: fontkit.Font;
  readonly unitsPerEm: number;
  /** Ascent and descent (positive) as fractions of the font size. */
  readonly ascent: number;
  readonly descent: number;
  private readonly font: fontkit.Font;
  /** Whether the font has a glyph, by code point: asked once each (reading its whole cmap costs 30 ms). */
  private readonly coverage = new Map<number, boolean>();
  private loadFallback: (() => FontFace) | undefined;
  private fallbackFace: FontFace | undefined;
  private readonly runs = new Map<string, fontkit.GlyphRun>();
  private readonly widths = new Map<string, number>();

  constructor(name: string, file: Uint8Array, fallback?: () => FontFace) {
    this.name = name;
    this.loadFallback = fallback;
    const font = fontkit.create(file as Buffer) as fontkit.Font;
    this.font = font;
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
   * Sets what this face lacks; none for a fallback (its missing glyphs print as boxes). Loaded on
   * the first such character: most documents never need it.
   */
  get fallback(): FontFace | undefined {
    if (this.loadFallback) {
      this.fallbackFace = this.loadFallback();
      this.loadFallback = undefined;
    }
    return this.fallbackFace;
  }

  private has(char: string): boolean {
    const code = char.codePointAt(0)!;
    let has = this.coverage.get(code);
    if (has === undefined) {
      has = this.font.hasGlyphForCodePoint(code);
      this.coverage.set(code, has);
    }
    return has;
  }

  /** Whether this face has a glyph for every character of `text` (a fallback covers all it can). */
  covers(text: string): boolean {
    if (!this.loadFallback && !this.fallbackFace) return true;
    for (const char of text) if (!this.has(char)) return false;
    return true;
  }

  /** `text` cut into stretches set in this face and stretches set in its fallback. */
  stretches(text: string): Stretch[] {
    if (this.covers(text)) return [{ text, face: this }];
    const out: Stretch[] = [];
    for (const char of text) {
      // A space is always this face's: lines are filled with its width.
      const own = char === ' ' || this.has(char);
      const face = own || !this.fallback ? this : this.fallback;
      const last = out.at(-1);
      if (last?.face === face) last.text += char;
      else out.push({ text: char, face });
    }
    return out;
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
      width = 0;
      for (const stretch of this.stretches(chunk)) {
        const run = (stretch.face.pdfkitFont.layout(stretch.text) as unknown as CopiedRun).advanceWidth;
        width += (run * 1000) / stretch.face.unitsPerEm;
      }
      this.widths.set(chunk, width);
    }
    return width;
  }
}

export type FontSet = Record<FaceName, FontFace>;

let loaded: FontSet | undefined;

/** The bytes of a face's TrueType file (Tinos), or of its fallback (DejaVu Serif Condensed). */
export function fontFile(name: FaceName, which: 'main' | 'fallback' = 'main'): Uint8Array {
  const require = createRequire(import.meta.url);
  return new Uint8Array(readFileSync(require.resolve(FILES[name][which])));
}

/** The faces, loaded and parsed on first use and kept for the life of the process. */
export function fonts(): FontSet {
  if (!loaded) {
    const load = (name: FaceName) =>
      new FontFace(name, fontFile(name), () => new FontFace(`${name}-fallback`, fontFile(name, 'fallback')));
    loaded = { regular: load('regular'), bold: load('bold'), italic: load('italic') };
  }
  return loaded;
}

import type { ChangeMark } from '../views/note-view.js';
import type { FaceName } from './fonts.js';

/** Styled text, the input of typesetting: runs of text, each in one style. */

export type Rgb = readonly [number, number, number];

export interface TextStyle {
  face: FaceName;
  size: number;
  color?: Rgb;
  /** Baseline shift in points (superscript footnote markers). */
  rise?: number;
  /** A live link: drawn underlined in the link colour, with a link annotation. */
  href?: string;
  /** In a redline: inserted (underlined) or deleted (struck through), tagged as such for screen readers. */
  change?: ChangeMark;
}

export interface Run {
  text: string;
  style: TextStyle;
  /** Set on a footnote marker: the footnote's number. */
  footnote?: number;
}

/** Whether two styles draw alike (the same segment may hold both). */
export const sameStyle = (a: TextStyle, b: TextStyle) =>
  a.face === b.face &&
  a.size === b.size &&
  a.rise === b.rise &&
  a.href === b.href &&
  a.color === b.color &&
  a.change === b.change;

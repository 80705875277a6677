/** The length of the longest trimmed line (a loop: a spread of millions of lines overflows the stack). */
export function longestLine(lines: readonly string[]): number {
  let longest = 0;
  for (const line of lines) longest = Math.max(longest, line.trim().length);
  return longest;
}

const SENTENCE_END = /[.!?:]["'”’)\]]*$/;

/** Joins wrapped lines: a hyphen at a line end stays (compounds such as cross-border), without a space. */
export function joinLines(parts: string[]): string {
  return parts.reduce(
    (text, part) => (text === '' ? part : /\p{L}-$/u.test(text) ? text + part : `${text} ${part}`),
    '',
  );
}

/**
 * Splits hard-wrapped lines into paragraphs: a sentence end, or a line clearly shorter than the
 * measure (the longest line of the draft), ends one; so does a blank line where the extraction
 * says blank lines are real gaps.
 */
export function rejoinParagraphs(lines: string[], measure: number, blankLineEndsParagraph: boolean): string[] {
  const paragraphs: string[] = [];
  let current: string[] = [];
  for (const raw of lines) {
    const line = raw.trim();
    if (line === '') {
      if (blankLineEndsParagraph && current.length > 0) {
        paragraphs.push(joinLines(current));
        current = [];
      }
      continue;
    }
    current.push(line);
    if (SENTENCE_END.test(line) || line.length < measure * 0.75) {
      paragraphs.push(joinLines(current));
      current = [];
    }
  }
  if (current.length > 0) paragraphs.push(joinLines(current));
  return paragraphs;
}

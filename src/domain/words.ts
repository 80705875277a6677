/** `not-adopted` -> `notAdopted`: a word of a set as a property name. */
type PropertyName<W extends string> = W extends `${infer Head}-${infer Tail}`
  ? `${Head}${Capitalize<PropertyName<Tail>>}`
  : W;

/** The words of a set by name, each word its own value: `Outcome.notAdopted` is the word not-adopted. */
export type Named<W extends readonly string[]> = { readonly [K in W[number] as PropertyName<K>]: K };

/**
 * A set of words by name, so that code names one word (`NoteState.released`,
 * `Outcome.notAdopted`) without spelling it again: the `as const` list a set is made from stays
 * the only place its words are written (tests/domain/vocabulary.test.ts holds the tree to that).
 */
export function named<const W extends readonly string[]>(words: W): Named<W> {
  const entries = words.map((word) => [word.replace(/-(\w)/g, (_, letter: string) => letter.toUpperCase()), word]);
  return Object.freeze(Object.fromEntries(entries)) as Named<W>;
}

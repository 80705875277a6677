/** Finding people in the list: what a search matches and the order the list is in. */

/** Text folded for searching: case and accents set aside, so that "jose" finds "José" and "ΕΛΕΝΗ" finds "Ελένη". */
export function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('en');
}

/** Whether a person's name or email holds the searched text (folded); an empty search holds everybody. */
export function matchesSearch(person: { name: string; email: string }, q: string | undefined): boolean {
  if (!q || q.trim() === '') return true;
  const wanted = foldForSearch(q.trim());
  return foldForSearch(person.name).includes(wanted) || foldForSearch(person.email).includes(wanted);
}

/** Names in a stable order people expect: alphabetical, accents and case aside, then by id. */
const collator = new Intl.Collator('en', { sensitivity: 'base' });
export function byName<T extends { name: string; id: number }>(a: T, b: T): number {
  return collator.compare(a.name, b.name) || a.id - b.id;
}

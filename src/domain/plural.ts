/** `1 comment`, `3 comments`: a count with its noun, for the sentences people read. */
export const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

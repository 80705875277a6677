/** One measured figure of `npm run bench`, with the target it is held to. */
export interface Figure {
  name: string;
  value: number | null;
  unit: string;
  target?: string;
  met?: boolean;
  note?: string;
}

/** A benchmark module: runs, prints nothing, returns its figures. */
export type Benchmark = () => Promise<Figure[]>;

export const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

/** The middle value (the upper one of an even count). */
export const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

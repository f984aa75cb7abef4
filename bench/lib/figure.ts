/** One line of the benchmark table and of bench/results/latest.json. */
export interface Figure {
  name: string;
  /** Null when the figure could not be measured (the note says why). */
  value: number | null;
  unit: string;
  /** The physical limit measured (or computed) in the same run; null when there is none. */
  limit: number | null;
  /** value/limit or limit/value, whichever reads "how far from the limit"; null without a limit. */
  ratio: number | null;
  /** The target, as text, e.g. "p99 ≤ 10× limit". */
  goal: string;
  /** Whether the goal is met; null when the figure has no goal (reported plainly). */
  met: boolean | null;
  /** How the figure was measured, one line. */
  note?: string;
}

/** A benchmark module: produces one or more figures. */
export interface FigureModule {
  name: string;
  run(): Promise<Figure[]>;
}

export function ratioOf(value: number, limit: number): number {
  return Math.round((value / limit) * 100) / 100;
}

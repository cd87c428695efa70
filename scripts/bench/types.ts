/** What a bench section gets: parsed CLI options and a reporter for its results. */
export type BenchContext = {
  options: Map<string, string | true>;
  /** Records one measurement: printed as a JSON line on stdout and a readable line on stderr. */
  report: (section: string, metric: string, value: number, unit: string, extra?: Record<string, unknown>) => void;
  log: (line: string) => void;
};

/** One benchmark section (engine, database ingest, …); `scripts/bench/sections.ts` lists them. */
export type BenchSection = { name: string; description: string; run: (ctx: BenchContext) => Promise<void> };

import { engineSection } from './engine';
import type { BenchSection } from './types';

/** Every bench section, in run order. Add a section: write scripts/bench/<name>.ts and list it here. */
export const BENCH_SECTIONS: BenchSection[] = [engineSection];

import { engineSection } from './engine';
import { ingestSection } from './ingest';
import { messagesSection } from './messages';
import { sandboxSection } from './sandbox';
import { scoreProcessSection } from './score-process';
import type { BenchSection } from './types';

/** Every bench section, in run order. Add a section: write scripts/bench/<name>.ts and list it here. */
export const BENCH_SECTIONS: BenchSection[] = [engineSection, scoreProcessSection, ingestSection, messagesSection, sandboxSection];

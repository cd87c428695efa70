import type { Jsonified } from '@/lib/query/keys';
import type { CorrectionDetail } from '@/lib/server/corrections/get';

/** A correction as the page's client components hold it: JSON, dates as ISO strings. */
export type Detail = Jsonified<CorrectionDetail>;
export type DetailEvent = Detail['events'][number];
export type DetailRun = Detail['rescoreRuns'][number];

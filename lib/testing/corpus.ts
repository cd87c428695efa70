import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** The labelled development corpus: `../shared/corpus` beside the repository (CI lays it out so). */
export const corpusDir = path.resolve(fileURLToPath(new URL('../..', import.meta.url)), '../shared/corpus');
export const corpusMessagesDir = path.join(corpusDir, 'messages');

// Where the parser comes from. facts/index.ts registers itself when imported (tests, in-process
// use); the bundles require it lazily instead, as a bundle of its own (esbuild.mjs), so a run that
// parses nothing never loads TypeScript.
import type { ResolvedConfig } from '../config';
import type { FileFacts } from '../facts/types';

/**
 * Parses a file and extracts its facts (facts/index.ts `extractFacts`). `keepTree`: the file is
 * being edited; keep its tree and reparse it incrementally next time.
 */
export type Extractor = (file: string, text: string, config: ResolvedConfig, opts?: { keepTree?: boolean }) => FileFacts;

let registered: Extractor | undefined;

export function registerExtractor(e: Extractor): void {
  registered = e;
}

export function loadExtractor(): Extractor {
  if (!registered) {
    if (typeof require !== 'function') throw new Error('cachelint: facts/index was not loaded (import it before analysing)');
    // in the bundles this is `require('./facts.js')` (esbuild.mjs)
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    registered = (require('../facts/index') as typeof import('../facts/index')).extractFacts;
  }
  return registered;
}

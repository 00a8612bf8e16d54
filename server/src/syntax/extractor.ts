// Where the parser comes from. facts/index.ts registers itself when imported (tests, in-process
// use, the language server); the CLI requires it lazily instead, as a bundle of its own
// (dist/facts.js, see esbuild.mjs) loaded through V8's code cache (compile-cache.ts), so a run
// that parses nothing never loads TypeScript.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ResolvedConfig } from '../config';
import { requireCompiled } from './compile-cache';
import type { FileFacts } from '../facts/types';

/**
 * Parses a file and extracts its facts (facts/index.ts `extractFacts`). `keepTree`: the file is
 * being edited; keep its tree and reparse it incrementally next time.
 */
export type Extractor = (file: string, text: string, config: ResolvedConfig, opts?: { keepTree?: boolean }) => FileFacts;

/** Keeps a file's tree for incremental reparses (facts/index.ts `keepTree`). */
export type TreeKeeper = (file: string, text: string) => void;

let registered: Extractor | undefined;
let registeredKeeper: TreeKeeper | undefined;

export function registerExtractor(e: Extractor, keeper: TreeKeeper): void {
  registered = e;
  registeredKeeper = keeper;
}

export function loadExtractor(): Extractor {
  registered ??= loadParserModule().extractFacts;
  return registered;
}

export function loadTreeKeeper(): TreeKeeper {
  registeredKeeper ??= loadParserModule().keepTree;
  return registeredKeeper;
}

/** What dist/facts.js exports (syntax/parser-bundle.ts): the extractor and the compiler under it. */
export type ParserModule = typeof import('./parser-bundle');

let parserModule: ParserModule | undefined;

/**
 * The parser bundle, loaded once (the extractor and module resolution both take from it, so the
 * compiler inside is compiled once per process).
 */
export function loadParserModule(): ParserModule {
  if (!parserModule) {
    if (typeof require !== 'function') throw new Error('cachelint: facts/index was not loaded (import it before analysing)');
    // the CLI bundle: dist/facts.js next to it
    const bundle = join(__dirname, 'facts.js');
    if (existsSync(bundle)) parserModule = requireCompiled(bundle) as ParserModule;
    // from source; in a bundle whose facts.js is missing this fails as a broken install (run.ts)
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    else parserModule = require('./parser-bundle') as ParserModule;
  }
  return parserModule;
}

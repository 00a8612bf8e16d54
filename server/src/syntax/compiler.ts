// The TypeScript compiler for code outside the parser: module resolution (model/modules) asks it
// where an import leads. It is the parser's own copy, loaded on first use: the CLI takes it from
// the parser bundle (dist/facts.js), which a run that parses nothing never loads; the language
// server, which bundles the parser, hands its copy over with registerCompiler.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { ts as tsMorphTs } from 'ts-morph';
import { loadParserModule } from './extractor';

export type Compiler = typeof tsMorphTs;

let loaded: Compiler | undefined;

export function registerCompiler(ts: Compiler): void {
  loaded = ts;
}

export function loadCompiler(): Compiler {
  if (!loaded) {
    if (existsSync(join(__dirname, 'facts.js'))) loaded = loadParserModule().ts;
    // from source (tests): the compiler ts-morph carries, as the parser imports it; through
    // createRequire so that no bundle ever inlines a second copy of it
    else loaded = (createRequire(__filename)('ts-morph') as typeof import('ts-morph')).ts;
  }
  return loaded;
}

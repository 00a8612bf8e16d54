// The TypeScript compiler for code outside the parser: module resolution (model/modules) asks it
// where an import leads. It is the parser's own copy, loaded on first use: the CLI takes it from
// the parser bundle (dist/facts.js), which a run that parses nothing never loads; the language
// server, which bundles the parser, hands its copy over with registerCompiler.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { loadParserModule } from './extractor';
import type { resolverCompiler } from './resolver-compiler';

/** What module resolution asks of the compiler (syntax/resolver-compiler.ts). */
export type Compiler = typeof resolverCompiler;

let loaded: Compiler | undefined;

export function registerCompiler(ts: Compiler): void {
  loaded = ts;
}

export function loadCompiler(): Compiler {
  if (!loaded) {
    try {
      // the parser bundle next to this one (dist/facts.js), or the parser a bundle inlined
      loaded = loadParserModule().resolverCompiler;
    } catch (e) {
      // from source (tests), where parser-bundle.ts is no module Node can require: the compiler
      // ts-morph carries, as the parser imports it (through createRequire, so that no bundle ever
      // inlines a second copy); a broken install rethrows as it is
      if (existsSync(join(__dirname, 'facts.js'))) throw e;
      loaded = (createRequire(__filename)('ts-morph') as typeof import('ts-morph')).ts;
    }
  }
  return loaded;
}

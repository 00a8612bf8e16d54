#!/usr/bin/env node
// The parse-and-walk floor: what any analyser built on the TypeScript parser pays at least. A
// separate process loads TypeScript (the copy ts-morph bundles, the one cachelint uses), reads
// every source file the CLI would lint, parses it with parent pointers and visits every node once
// with ts.forEachChild. cachelint's own runs are reported as multiples of this process's wall time.
//
//   node bench/floor.mjs <dir>   → prints {"files":…,"bytes":…,"nodes":…,"ms":…} on stdout
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);

/** The same files `cachelint <dir>` lints (engine/files.ts): sources, no declarations, no build output. */
const EXTENSIONS = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/i;
const DECLARATION = /\.d\.(ts|mts|cts)$/i;
const SKIP_DIRS = new Set(['node_modules', '.git', 'dist', 'build', 'out', 'coverage', '.next', '.turbo']);

export function sourceFiles(dir) {
  const out = [];
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) {
        if (!SKIP_DIRS.has(e.name)) walk(p);
      } else if (e.isFile() && EXTENSIONS.test(e.name) && !DECLARATION.test(e.name)) out.push(p);
    }
  };
  walk(dir);
  return out.sort();
}

function scriptKind(ts, file) {
  if (/\.tsx$/i.test(file)) return ts.ScriptKind.TSX;
  if (/\.(jsx)$/i.test(file)) return ts.ScriptKind.JSX;
  if (/\.(js|mjs|cjs)$/i.test(file)) return ts.ScriptKind.JS;
  return ts.ScriptKind.TS;
}

export function floor(dir) {
  const t0 = performance.now();
  // the compiler ts-morph bundles, loaded alone (as cachelint's parser bundle does): not ts-morph's
  // project API, nor the lib .d.ts text @ts-morph/common carries, which no parser needs
  const ts = require('@ts-morph/common/dist/typescript.js');
  const files = sourceFiles(dir);
  let bytes = 0;
  let nodes = 0;
  // plain locals: the module's exports are getters, one call per access
  const { forEachChild, createSourceFile, ScriptTarget } = ts;
  const visit = (node) => {
    nodes++;
    forEachChild(node, visit);
  };
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    bytes += text.length;
    const sf = createSourceFile(file, text, ScriptTarget.Latest, true, scriptKind(ts, file));
    visit(sf);
  }
  return { files: files.length, bytes, nodes, ms: performance.now() - t0, typescript: ts.version };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  if (process.argv.length !== 3) {
    console.error('usage: node bench/floor.mjs <dir>');
    process.exit(2);
  }
  process.stdout.write(`${JSON.stringify(floor(process.argv[2]))}\n`);
}

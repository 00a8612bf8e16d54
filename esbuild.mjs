// Bundles the three entry points (VS Code client, language server, CLI) into dist/.
// Modelled on the VS Code esbuild sample: cjs for Node, `vscode` left external, a problem matcher for --watch.
import * as esbuild from 'esbuild';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('.', import.meta.url));
const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** Prints errors in the format of the `$esbuild-watch` problem matcher. */
const problemMatcher = {
  name: 'esbuild-problem-matcher',
  setup(build) {
    build.onStart(() => console.log('[watch] build started'));
    build.onEnd((result) => {
      for (const { text, location } of result.errors) {
        console.error(`✘ [ERROR] ${text}`);
        if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
      }
      console.log('[watch] build finished');
    });
  },
};

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  logLevel: 'warning',
  plugins: watch ? [problemMatcher] : [],
};

/**
 * The parser (TypeScript, ~9 MB) lives in its own bundle, dist/facts.js, required on first use:
 * a warm `--cache` run of the CLI then never even compiles the compiler. Its entry,
 * syntax/parser-bundle.ts, also hands that compiler to module resolution (syntax/compiler.ts).
 */
const lazyFacts = {
  name: 'lazy-facts',
  setup(build) {
    build.onResolve({ filter: /(facts\/index|parser-bundle)$/ }, (args) =>
      args.kind === 'require-call' ? { path: './facts.js', external: true } : undefined,
    );
  },
};

/**
 * Only the compiler out of ts-morph. The sources use the TypeScript that ts-morph bundles
 * (`import { ts } from 'ts-morph'`), never its project API; resolving that import to the compiler
 * file ts-morph ships leaves out ts-morph's wrappers and the 2.9 MB of lib .d.ts text that
 * @ts-morph/common carries: about 80 ms less to load on every CLI run that parses. The module's
 * exports are getters (one call per `ts.isIdentifier`, `ts.SyntaxKind`…); a plain copy of them
 * makes the fact collectors ~20% faster.
 */
const compilerOnly = {
  name: 'compiler-only',
  setup(build) {
    build.onResolve({ filter: /^ts-morph$/ }, () => ({ path: 'ts-morph', namespace: 'compiler-only' }));
    build.onLoad({ filter: /.*/, namespace: 'compiler-only' }, () => ({
      contents: "module.exports = { ts: { ...require('@ts-morph/common/dist/typescript.js') } };",
      resolveDir: ROOT,
      loader: 'js',
    }));
  },
};

/**
 * The YAML parser (for pnpm-workspace.yaml) in its own file, dist/yaml.js, required on first use:
 * most projects have no pnpm workspace, and every CLI run would otherwise load its 130 kB.
 */
const lazyYaml = {
  name: 'lazy-yaml',
  setup(build) {
    build.onResolve({ filter: /^yaml$/ }, (args) => (args.kind === 'require-call' ? { path: './yaml.js', external: true } : undefined));
  },
};

/**
 * Keeps a bundle ASCII. esbuild escapes non-ASCII text in strings and identifiers but keeps
 * comments as written, and one `→` in a comment makes Node decode the whole file into a two-byte
 * string: reading the 10 MB parser bundle then took ~140 ms instead of a few, and V8 parses twice
 * the bytes. What is left is escaped (\uXXXX is valid wherever it can remain: comments, strings,
 * regular expressions, identifiers).
 */
const asciiOnly = (outfile) => ({
  name: 'ascii-only',
  setup(build) {
    build.onEnd((result) => {
      if (result.errors.length > 0) return;
      const file = join(ROOT, outfile);
      const text = readFileSync(file, 'utf8');
      // eslint-disable-next-line no-control-regex
      const ascii = text.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
      if (ascii !== text) writeFileSync(file, ascii);
    });
  },
});

const entries = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] },
  { entryPoints: ['server/src/lsp.ts'], outfile: 'dist/server.js', banner: { js: '#!/usr/bin/env node' }, plugins: [lazyFacts, compilerOnly] },
  { entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' }, plugins: [lazyFacts, lazyYaml, compilerOnly] },
  { entryPoints: [createRequire(import.meta.url).resolve('yaml')], outfile: 'dist/yaml.js' },
  // not minified: V8 compiles the compiler's own layout lazily, and loads it ~25 ms faster than minified
  { entryPoints: ['server/src/syntax/parser-bundle.ts'], outfile: 'dist/facts.js', plugins: [compilerOnly], minify: false },
];

/**
 * The rule pages ship with the bundles (dist/docs/rules/*.md): "Show documentation" opens them
 * offline, in VS Code's Markdown preview or as a file in other editors (server/src/lsp/docs.ts).
 */
function copyRuleDocs() {
  const from = join(ROOT, 'docs', 'rules');
  const to = join(ROOT, 'dist', 'docs', 'rules');
  rmSync(to, { recursive: true, force: true });
  mkdirSync(to, { recursive: true });
  for (const f of readdirSync(from)) if (f.endsWith('.md')) cpSync(join(from, f), join(to, f));
}

copyRuleDocs();
const contexts = await Promise.all(
  entries.map((e) => esbuild.context({ ...common, ...e, plugins: [...common.plugins, ...(e.plugins ?? []), asciiOnly(e.outfile)] })),
);
if (watch) {
  await Promise.all(contexts.map((c) => c.watch()));
} else {
  await Promise.all(contexts.map((c) => c.rebuild()));
  await Promise.all(contexts.map((c) => c.dispose()));
}

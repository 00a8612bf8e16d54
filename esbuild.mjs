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
 * The parser (TypeScript's parser layer, ~1 MB) lives in its own bundle, dist/facts.js, required on first use:
 * a warm `--cache` run of the CLI then never even compiles the compiler. Its entry,
 * syntax/parser-bundle.ts, also hands the compiler's resolver to module resolution (syntax/compiler.ts).
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
 * Only the compiler layer out of ts-morph's TypeScript, and of that only what cachelint reaches.
 *
 * The sources use the TypeScript that ts-morph bundles (`import { ts } from 'ts-morph'`), never
 * its project API. That file (9 MB) is one CommonJS
 * module whose exports are getters over TypeScript's own esbuild output: every layer (compiler,
 * language service, tsserver), its sources marked by `// src/<path>.ts` lines. Here it becomes an
 * ES module of the `src/compiler/` sections and the service's node classes (`kept`; the layers
 * above the compiler are never referenced from below: TypeScript's own project references forbid
 * it, and checkLeftOut makes sure of it), each source's `ts` import becomes a
 * namespace import of that module, and esbuild keeps what `ts.X` reaches: the scanner, the parser,
 * the node utilities and module resolution, not the checker or the emitter. Loading the parser
 * bundle then costs a fraction of the whole compiler, and `ts.isIdentifier` is a direct call, not a
 * getter.
 */
const TYPESCRIPT_MODULE = 'cachelint:typescript';
/** A top-level declaration of TypeScript's bundle (its top-level names are unique: esbuild renamed them). */
const DECLARATION = /^(?:var|let|const|class|function\*?|async function) (\w+)/gm;
/** What a stub of a left-out declaration says (and throws), before its name: checkLeftOut looks for it. */
const LEFT_OUT = 'cachelint build: left out of the compiler: ';

/**
 * The sections kept: the compiler, and the language service's node classes (services.ts installs
 * them for every node the parser makes: `identifier.text`, `node.getStart()`, `node.getText()`
 * are theirs). Of services.ts only those classes are reached; the rest is dropped as unused.
 */
const kept = (section) => !section.startsWith('// src/') || section.startsWith('// src/compiler/') || section.startsWith('// src/services/services.ts\n');
let compilerModule;

function compilerAsModule() {
  if (compilerModule) return compilerModule;
  const file = createRequire(import.meta.url).resolve('@ts-morph/common/dist/typescript.js');
  const src = readFileSync(file, 'utf8');
  const at = (marker) => {
    const i = src.indexOf(marker);
    if (i < 0) throw new Error(`${file}: no ${JSON.stringify(marker.slice(0, 60))}: the compiler's layout changed, update compilerAsModule in esbuild.mjs`);
    return i;
  };
  const opening = 'var ts = {}; ((module) => {\n';
  const exportsEnd = 'module.exports = __toCommonJS(typescript_exports);\n';
  const open = at(opening) + opening.length;
  const exportsAt = at('// src/typescript/typescript.ts\nvar typescript_exports = {};\n__export(typescript_exports, {\n');
  const afterExports = at(exportsEnd) + exportsEnd.length;
  const annotations = at('// Annotate the CommonJS export names for ESM import in node:\n');
  const sections = src.slice(afterExports, annotations).split(/^(?=\/\/ src\/)/m);
  const leftOut = sections.filter((section) => !kept(section));
  // TypeScript's internal namespaces (`ts.moduleSpecifiers`…) are filled by a call, which esbuild
  // must keep; as a pure expression an unused one is dropped
  const body = (src.slice(open, exportsAt) + sections.filter(kept).join('')).replace(
    /^var (\w+) = \{\};\n__export\(\1, \{$/gm,
    'var $1 = /* @__PURE__ */ __exportObject({',
  );
  const declared = new Set([...body.matchAll(DECLARATION)].map((m) => m[1]));
  // the public name of each export, and the top-level binding it reads
  const names = [...src.slice(exportsAt, afterExports).matchAll(/^ {2}(\w+): \(\) => (\w+),?$/gm)]
    .filter(([, , local]) => declared.has(local))
    .map(([, name, local]) => (name === local ? name : `${local} as ${name}`));
  if (names.length < 1000) throw new Error(`${file}: only ${names.length} compiler exports found: update compilerAsModule in esbuild.mjs`);
  // each top-level name of a left-out section becomes a stub that throws when used, which esbuild
  // keeps only if kept code names it: the build then fails (checkLeftOut) unless the name is one
  // of UNREACHED, instead of a run failing with a ReferenceError
  const stubs = leftOut.flatMap((s) => [...s.matchAll(DECLARATION)].map((m) => `var ${m[1]} = /* @__PURE__ */ __leftOut(${JSON.stringify(LEFT_OUT + m[1])});\n`));
  compilerModule = [
    body,
    ...stubs,
    'function __exportObject(all) { const target = {}; __export(target, all); return target; }\n',
    'function __leftOut(message) { const fail = () => { throw new Error(message); }; return new Proxy(fail, { get: fail, apply: fail, construct: fail }); }\n',
    `export { ${names.join(', ')} };\n`,
  ].join('');
  return compilerModule;
}

/**
 * Left-out names that kept code names but cachelint never reaches: the language service's node
 * classes use them in methods no collector calls (`node.getChildren()`, a source file's
 * `getNamedDeclarations()`, JSDoc documentation of symbols). Their stubs throw if that changes.
 */
const UNREACHED = new Set(['scanner', 'getNameFromPropertyName', 'lineBreakPart', 'ts_JsDoc_exports']);

/** Fails the build if `outfile` names a declaration of a section compilerAsModule left out (UNREACHED aside). */
function checkLeftOut(outfile) {
  const text = readFileSync(join(ROOT, outfile), 'latin1');
  const named = new Set([...text.matchAll(new RegExp(`"${LEFT_OUT}(\\w+)"`, 'g'))].map((m) => m[1]));
  const reached = [...named].filter((n) => !UNREACHED.has(n));
  if (reached.length > 0) {
    console.error(`✘ [ERROR] ${outfile} reaches TypeScript code outside the kept sections (${reached.join(', ')}): keep their section in esbuild.mjs`);
    process.exitCode = 1;
  }
}

/**
 * Fails the build if the CLI bundle holds the compiler's parser. The CLI takes the compiler from
 * dist/facts.js when it parses; a module the CLI reaches that imports `ts` for one constant once put
 * a second copy (0.9 MB) into dist/cli.js, compiled on every run, warm ones included.
 */
function checkNoParser(outfile) {
  const text = readFileSync(join(ROOT, outfile), 'latin1');
  if (/\bparseSourceFile\b|\bcreateScanner\b/.test(text)) {
    console.error(`✘ [ERROR] ${outfile} holds the compiler's parser: a module it reaches imports \`ts\` from 'ts-morph'; move what it needs into a module that does not`);
    process.exitCode = 1;
  }
}

const TS_IMPORT = /^import \{ ts \} from 'ts-morph';$/m;

const compilerOnly = {
  name: 'compiler-only',
  setup(build) {
    build.onLoad({ filter: /[\\/]server[\\/]src[\\/].*\.ts$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      if (!TS_IMPORT.test(text)) return undefined;
      return { contents: text.replace(TS_IMPORT, `import * as ts from '${TYPESCRIPT_MODULE}';`), loader: 'ts' };
    });
    build.onResolve({ filter: new RegExp(`^${TYPESCRIPT_MODULE}$`) }, () => ({ path: TYPESCRIPT_MODULE, namespace: 'compiler-only' }));
    build.onResolve({ filter: /^ts-morph$/ }, (args) => ({
      errors: [{ text: `${args.importer}: import ts-morph's compiler as \`import { ts } from 'ts-morph';\` (esbuild.mjs compilerOnly)` }],
    }));
    build.onLoad({ filter: /.*/, namespace: 'compiler-only' }, () => ({ contents: compilerAsModule(), resolveDir: ROOT, loader: 'js' }));
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
 * string: reading the parser bundle (then 10 MB) took ~140 ms instead of a few, and V8 parses twice
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
  // minified since the compiler in it is its parser layer only: 1.1 MB instead of 2.1, ~10 ms less to
  // load (the whole compiler, 10 MB, loaded ~25 ms faster unminified)
  { entryPoints: ['server/src/syntax/parser-bundle.ts'], outfile: 'dist/facts.js', plugins: [compilerOnly] },
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
  for (const e of entries) if (e.plugins?.includes(compilerOnly)) checkLeftOut(e.outfile);
  checkNoParser('dist/cli.js');
}

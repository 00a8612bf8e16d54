// The `cachelint` command: a thin adapter over the engine, ESLint's conventions throughout (flags,
// formats, exit codes 0 clean / 1 problems / 2 usage, config or internal error).
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { version } from '../../package.json';
import { HELP, parseCliArgs, UsageError, type CliOptions } from './cli-args';
import { applyBaselines, BaselineError } from './cli-baseline';
import { ConfigError, createConfigLoader } from './config-load';
import { saveCompileCache } from './syntax/compile-cache';
import { cacheFile, FactsCache } from './engine/facts-cache';
import { contextFiles } from './engine/context';
import { listFiles } from './engine/files';
import { configIgnore, lintFiles } from './engine/lint-files';
import { cacheManagerMajor } from './engine/packages';
import { knowListing, layoutProblems } from './model/modules/disk';
import { moduleLayoutKey } from './model/modules/project-modules';
import { Analyzer } from './engine/run';
import { formatters, type ReportFile } from './report/index';
import { blindNotice, coverageLines } from './report/coverage';
import { runKeys } from './cli-keys';
import { RULE_IDS } from './rule';
import { rules as allRules } from './rules/index';

export interface CliIo {
  cwd: string;
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  isTTY: boolean;
  env: NodeJS.ProcessEnv;
}

/** Runs the command; returns the exit code. Never throws. */
export function runCli(argv: readonly string[], io: CliIo): number {
  try {
    return run(argv, io);
  } catch (e) {
    if (e instanceof UsageError || e instanceof ConfigError || e instanceof BaselineError) {
      io.stderr(`${e.message}\n`);
      return 2;
    }
    const err = e as Error;
    io.stderr(`\nOops! Something went wrong! :(\n\ncachelint: ${version}\n\n`);
    io.stderr(io.env.DEBUG?.split(',').includes('cachelint') ? `${err.stack ?? err}\n` : `${err.message ?? String(err)}\nSet DEBUG=cachelint for the stack trace.\n`);
    return 2;
  }
}

function run(argv: readonly string[], io: CliIo): number {
  if (argv[0] === 'keys') return runKeys(argv.slice(1), io);
  const opts = parseCliArgs(argv);
  if (opts.help) {
    io.stdout(HELP);
    return 0;
  }
  if (opts.version) {
    io.stdout(`v${version}\n`);
    return 0;
  }
  if (opts.config && !isFile(resolve(io.cwd, opts.config)))
    throw new UsageError(`Cannot read config file: ${resolve(io.cwd, opts.config)} (${isDir(resolve(io.cwd, opts.config)) ? 'it is a directory' : 'no such file'}).`);
  const outputFile = opts.outputFile ? resolve(io.cwd, opts.outputFile) : undefined;
  if (outputFile && isDir(outputFile)) throw new UsageError(`Cannot write to output file path, it is a directory: ${opts.outputFile}`);

  const loader = createConfigLoader({
    configFile: opts.config ? resolve(io.cwd, opts.config) : undefined,
    onlyRules: opts.rules,
    rulesOverride: opts.rulesOverride,
    strict: true,
  });

  // Each pattern must match something, as in ESLint ("No files matching the pattern …").
  const ignore = configIgnore(loader, io.cwd, opts.config !== undefined);
  const files = new Set<string>();
  const notices: string[] = [];
  for (const p of opts.paths) {
    const listed = listFiles([p], { cwd: io.cwd, ignore, onListing: knowListing });
    if (listed.files.length === 0)
      throw new UsageError(`No files matching the pattern "${p}" were found. Please check for typing mistakes in the pattern.`);
    listed.files.forEach((f) => files.add(f));
    notices.push(...listed.notices);
  }

  const cachePath = opts.cache ? cacheFile(opts.cacheLocation, io.cwd) : undefined;
  const store = cachePath ? new FactsCache(cachePath, toolKey(process.argv[1])) : undefined;
  const analyzer = new Analyzer({ configFor: (f) => loader.configFor(f), cacheManagerMajor, only: opts.rules, store });
  const sorted = [...files].sort();
  // named files (a pre-commit hook's list) are judged with the rest of their project as context
  const context = contextFiles(sorted, {
    cwd: io.cwd,
    loader,
    explicitConfig: opts.config !== undefined,
    namedDirs: opts.paths.map((p) => resolve(io.cwd, p)).filter(isDir),
    onListing: knowListing,
  });
  const lint = lintFiles(sorted, {
    analyzer,
    loader,
    fix: opts.fix ? 'write' : opts.fixDryRun ? 'dry-run' : undefined,
    errorsOnly: opts.quiet,
    parseAll: opts.parseAll,
    // stored results also depend on where imports lead: the tsconfigs and manifests resolution read
    runs: store ? { store, dependsOn: (f) => `${cacheManagerMajor(f) ?? ''}:${moduleLayoutKey(f)}`, strategy: opts.cacheStrategy } : undefined,
    context,
  });
  notices.push(...lint.notices);
  // never silently blind: a project using a cache library in which nothing was recognised says so
  const blind = lint.coverage && blindNotice(lint.coverage, io.cwd);
  if (blind) notices.push(blind);
  for (const p of layoutProblems()) notices.push(`Module resolution: ${p}`);
  // a rule judged a file when it ran there: baseline entries of other rules stay as recorded
  const ran = new Set<string>(analyzer.rulesRun());
  const judged = (file: string) => {
    const rules = loader.configFor(file).rules as Record<string, string>;
    return (id: string) => ran.has(id) && rules[id] !== 'off';
  };
  const baseline = applyBaselines(
    lint.results,
    { file: opts.baselineFile ? resolve(io.cwd, opts.baselineFile) : undefined, cwd: io.cwd, write: opts.writeBaseline, prune: opts.pruneBaseline },
    judged,
  );
  notices.push(...baseline.notices);
  saveCompileCache();
  if (store) {
    try {
      store.save();
    } catch (e) {
      notices.push(`Cannot write the cache ${cachePath}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
  }
  for (const n of notices) io.stderr(`cachelint: ${n}\n`);

  const results = opts.quiet ? baseline.results.map(errorsOnly) : baseline.results;
  let errors = 0;
  let warnings = 0;
  for (const r of results) {
    if (r.parseErrors && r.parseErrors.length > 0) errors++;
    for (const f of r.findings) {
      if (f.severity === 'error') errors++;
      else warnings++;
    }
  }

  const output = formatters[opts.format](results, {
    cwd: opts.format === 'github' ? annotationRoot(io) : io.cwd,
    color: useColor(opts, io, outputFile),
    rules: (opts.rules ?? RULE_IDS).map((id) => allRules[id].meta),
    version,
    baselines: baseline.used,
    coverage: lint.coverage,
  });
  if (outputFile) {
    mkdirSync(dirname(outputFile), { recursive: true });
    writeFileSync(outputFile, output);
  } else if (output) {
    io.stdout(`${output}\n`);
  }
  if (opts.stats) io.stderr(lint.coverage ? `${coverageLines(lint.coverage, io.cwd).join('\n')}\n` : 'cachelint: no statistics: nothing was analysed\n');
  if (opts.timing) io.stderr(timingTable({ '(read + facts)': lint.timing.facts, '(link)': lint.timing.link, ...analyzer.timing }));

  const tooManyWarnings = opts.maxWarnings >= 0 && warnings > opts.maxWarnings;
  if (tooManyWarnings && errors === 0) io.stderr(`cachelint found too many warnings (maximum: ${opts.maxWarnings}).\n`);
  // As ESLint with unused suppressions: a count left higher than what occurs would let as many new
  // findings in that file hide behind it, so the run fails until the baseline is pruned.
  if (baseline.unused.length > 0) {
    io.stderr(
      `cachelint: the baseline records findings that no longer occur (${baseline.unused.slice(0, 5).join('; ')}` +
        `${baseline.unused.length > 5 ? `; and ${baseline.unused.length - 5} more` : ''}). ` +
        'Run cachelint with --prune-baseline to drop them, so that new findings cannot hide in their place.\n',
    );
    return 2;
  }
  return errors > 0 || tooManyWarnings ? 1 : 0;
}

/** GitHub resolves annotation paths from the repository root, which need not be the cwd. */
function annotationRoot(io: CliIo): string {
  const ws = io.env.GITHUB_WORKSPACE;
  if (!ws) return io.cwd;
  const rel = relative(resolve(ws), io.cwd);
  return rel.startsWith('..') || isAbsolute(rel) ? io.cwd : resolve(ws);
}

/** Changes whenever the running build changes (version, bundle size and time), so a rebuilt
 * cachelint never reuses facts an older recogniser produced. */
function toolKey(script: string | undefined): string {
  try {
    if (script) {
      // the CLI and its parser bundle (dist/facts.js) together make the tool
      const parts = [script, resolve(dirname(script), 'facts.js')].map((f) => {
        const st = statSync(f, { throwIfNoEntry: false });
        return st ? `${st.size}:${Math.round(st.mtimeMs)}` : '-';
      });
      return `${version}:${parts.join(':')}`;
    }
  } catch {
    // not a file (in-process tests): the version alone
  }
  return version;
}

function errorsOnly(r: ReportFile): ReportFile {
  return { ...r, findings: r.findings.filter((f) => f.severity === 'error') };
}

function useColor(opts: CliOptions, io: CliIo, outputFile: string | undefined): boolean {
  if (opts.color !== undefined) return opts.color;
  if (io.env.FORCE_COLOR !== undefined) return io.env.FORCE_COLOR !== '0' && io.env.FORCE_COLOR !== 'false';
  if (io.env.NO_COLOR) return false;
  return io.isTTY && !outputFile;
}

/** ESLint's TIMING table: the ten slowest entries, time and share of the total. */
function timingTable(times: Record<string, number>): string {
  const rows = Object.entries(times)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 10);
  const total = rows.reduce((s, [, t]) => s + t, 0) || 1;
  const cells = rows.map(([name, t]) => [name, t.toFixed(3), `${((t * 100) / total).toFixed(1)}%`]);
  const head = ['Rule', 'Time (ms)', 'Relative'];
  const w = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c: string[]) => `${c[0].padEnd(w[0])} | ${c[1].padStart(w[1])} | ${c[2].padStart(w[2])}`;
  const sepLine = `:${'-'.repeat(w[0])}|${'-'.repeat(w[1] + 1)}:|${'-'.repeat(w[2] + 1)}:`;
  return `${[line(head), sepLine, ...cells.map(line)].join('\n')}\n`;
}

function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

function isDir(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/**
 * `cachelint | head` closes the pipe before the report is written: stop quietly with the exit code
 * already computed (as `git log | head` does) instead of dying on an unhandled EPIPE with a stack.
 * Any other failure to write the report is exit 2 with a one-line message.
 */
function guardStdio(): void {
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') {
      process.exitCode = 2;
      try {
        process.stderr.write(`cachelint: cannot write the report to stdout (${e.code ?? e.message})\n`);
      } catch {
        // stderr is gone too
      }
    }
    process.exit();
  });
  // nowhere left to report a failure to write a notice
  process.stderr.on('error', () => {});
}

// Run when executed (dist/cli.js), not when imported by a test.
if (typeof require !== 'undefined' && require.main === module) {
  guardStdio();
  process.exitCode = runCli(process.argv.slice(2), {
    cwd: process.cwd(),
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    isTTY: process.stdout.isTTY === true,
    env: process.env,
  });
}

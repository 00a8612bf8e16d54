#!/usr/bin/env node
// The benchmark: generates the synthetic workspace, then times side by side, as whole processes,
// (a) the parse-and-walk floor, (b) the CLI cold, (c) the CLI warm with --cache and (c′) warm after
// one file changed, and (d) the language server's editor latency. Medians of K runs after one
// warm-up, the four CLI-level runs interleaved so that load drift hits them alike. Every run's
// findings must be exactly the planted ones, or the run fails (exit 1): a benchmark that gets
// faster by finding less must not pass. Timing targets are printed, never enforced.
//
//   npm run bench                      (= npm run -s build && node bench/run.mjs)
//   node bench/run.mjs [--files 3000] [--runs 3] [--seed 1] [--edits 200] [--quick] [--no-lsp]
//                      [--profile default|cache-heavy]
//   node bench/run.mjs --scale 3000,10000,30000 [--profile …] [--runs 1]   (floor, cold, warm per size)
import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { privateBundles } from './bundles.mjs';
import { diffFindings, findingsOf } from './findings.mjs';
import { generate, PROFILES } from './generate.mjs';
import { firstDiagnosticBench, lspBench, SERVER_JS } from './lsp-edits.mjs';
import { measure } from './proc.mjs';
import { render } from './report.mjs';
import { renderScale, scaleRun } from './scale.mjs';

const USAGE = `usage: node bench/run.mjs [--files 3000] [--runs 3] [--seed 1] [--edits 200] [--quick] [--no-lsp] [--profile ${PROFILES.join('|')}] [--out results.json]
       node bench/run.mjs --scale 3000,10000,30000 [--profile …] [--runs 1] [--seed 1] [--out scale.json]`;
const BENCH = fileURLToPath(new URL('.', import.meta.url));
const ROOT = join(BENCH, '..');
const DIST_CLI = join(ROOT, 'dist', 'cli.js');

const { values: opts } = parseOptions({
  options: {
    help: { type: 'boolean', short: 'h', default: false },
    files: { type: 'string' },
    runs: { type: 'string' },
    seed: { type: 'string', default: '1' },
    edits: { type: 'string' },
    quick: { type: 'boolean', default: false },
    'no-lsp': { type: 'boolean', default: false },
    profile: { type: 'string', default: 'default' },
    scale: { type: 'string' },
    out: { type: 'string' },
  },
});
if (opts.help) {
  console.log(USAGE);
  process.exit(0);
}
const files = Number(opts.files ?? (opts.quick ? 600 : 3000));
const runs = Number(opts.runs ?? (opts.quick || opts.scale ? 1 : 3));
const profile = opts.profile;
if (!PROFILES.includes(profile)) usage(`--profile must be one of ${PROFILES.join(', ')}`);
const sizes = opts.scale ? opts.scale.split(',').map(Number) : [];
if (sizes.some((n) => !Number.isInteger(n) || n <= 0)) usage('--scale takes file counts separated by commas, e.g. 3000,10000,30000');
const warmup = 1;
const edits = Number(opts.edits ?? (opts.quick ? 50 : 200));
/** fresh servers for open → first diagnostic */
const firstSamples = opts.quick ? 3 : 10;
const seed = Number(opts.seed);
for (const [k, v] of Object.entries({ files, runs, edits, seed })) if (!Number.isInteger(v) || v < 0) usage(`--${k} must be a whole number`);
if (runs < 1) usage('--runs must be at least 1');

function usage(msg) {
  console.error(`${msg}\n${USAGE}`);
  process.exit(2);
}

/** parseArgs, with a wrong option answered by the usage instead of a stack trace. */
function parseOptions(config) {
  try {
    return parseArgs(config);
  } catch (e) {
    usage(e instanceof Error ? e.message : String(e));
  }
}

if (!existsSync(DIST_CLI)) {
  console.error(`${relative(process.cwd(), DIST_CLI)} is missing: run \`npm run bench\` (it builds first) or \`npm run build\`.`);
  process.exit(2);
}

const work = join(BENCH, '.work');
// the default profile keeps its old directory names
const tag = `${profile === 'default' ? '' : `${profile}-`}${files}-${seed}`;
const ws = join(work, `ws-${tag}`);
const cacheDir = join(work, `cache-${tag}`);
const load = () => loadavg().map((x) => x.toFixed(2)).join(' ');
const loadStart = load();

mkdirSync(work, { recursive: true });
const bundleNames = existsSync(SERVER_JS) ? ['cli.js', 'facts.js', 'yaml.js', 'server.js'] : ['cli.js', 'facts.js', 'yaml.js'];
const bundles = await privateBundles(ROOT, join(work, 'bin'), bundleNames);
const CLI_JS = bundles['cli.js'];

if (sizes.length > 0) {
  const r = await scaleRun({ sizes, seed, profile, runs, work, cliJs: CLI_JS, floorJs: join(BENCH, 'floor.mjs'), log: (m) => process.stderr.write(m) });
  const head = `cachelint scale run (${profile} profile, seed ${seed}): ${runs === 1 ? 'one run' : `median of ${runs} runs`} per size, no warm-up; ${cpus().length}× ${cpus()[0]?.model.trim() ?? '?'}, Node ${process.versions.node}; load average ${loadStart} at start, ${load()} at end`;
  const text = [head, '', renderScale(r), '', r.failures.length === 0 ? `findings: exactly the planted ones at every size (${r.sizes.map((s) => `${s.planted} at ${s.files}`).join(', ')})` : `findings: WRONG in ${r.failures.length} check(s); this run FAILS`, ...r.failures.slice(0, 20).map((f) => `  ${f}`)].join('\n');
  process.stdout.write(`\n${text}\n`);
  writeFileSync(opts.out ?? join(BENCH, 'results-scale.json'), `${JSON.stringify({ date: new Date().toISOString(), profile, seed, runs, loadStart, loadEnd: load(), ...r, table: text }, null, 2)}\n`);
  process.exit(r.failures.length > 0 ? 1 : 0);
}

process.stderr.write(`generating ${files} files (seed ${seed}, ${profile} profile) in ${relative(process.cwd(), ws)}…\n`);
const expected = generate(ws, { files, seed, profile });
const touchPath = join(ws, expected.touchFile);
const touchOriginal = readFileSync(touchPath, 'utf8');

const failures = [];
/** Checks one CLI run's output against the planted findings; returns the count it reported. */
function verify(label, r) {
  if (r.code !== 0 && r.code !== 1) {
    failures.push(`${label}: exit code ${r.code}: ${r.stderr.trim().split('\n').slice(-3).join(' | ')}`);
    return undefined;
  }
  let actual;
  try {
    actual = findingsOf(r.stdout, ws);
  } catch (e) {
    failures.push(`${label}: output is not ESLint JSON (${e.message})`);
    return undefined;
  }
  const d = diffFindings(expected.findings, actual);
  for (const m of d.missing) failures.push(`${label}: missed ${m}`);
  for (const x of d.extra) failures.push(`${label}: extra ${x}`);
  return actual.length;
}

const unsupported = (r) => r.code === 2 && /Invalid option|Unknown option|unknown flag/i.test(r.stderr);
const series = () => ({ walls: [], cpus: [], rss: [], findings: undefined });
const S = { floor: series(), cold: series(), coldNoCodeCache: series(), warm: series(), warmChanged: series() };
const na = {};
const record = (s, r, counted) => {
  if (!counted) return;
  s.walls.push(r.wallMs);
  if (r.cpuMs !== undefined) s.cpus.push(r.cpuMs);
  if (r.peakRssKB !== undefined) s.rss.push(r.peakRssKB);
};
let rssVia = '?';
let floorInfo = {};

const cliArgs = ['--format', 'json'];
const warmArgs = [...cliArgs, '--cache', '--cache-location', cacheDir];
const clearCaches = () => {
  rmSync(cacheDir, { recursive: true, force: true });
  rmSync(join(ws, 'node_modules', '.cache'), { recursive: true, force: true });
};

clearCaches();
// fill the cache once (checked like every other run)
{
  const r = await measure([CLI_JS, '.', ...warmArgs], { cwd: ws });
  if (unsupported(r)) na.warm = na.warmChanged = `--cache not supported: ${r.stderr.trim().split('\n')[0]}`;
  else verify('(c) filling the cache', r);
}

for (let i = 0; i < warmup + runs; i++) {
  const counted = i >= warmup;
  const tag = counted ? `run ${i - warmup + 1}` : 'warm-up';
  process.stderr.write(`${tag}: floor, cold, cold without code cache, warm, warm+1 change…\n`);

  const f = await measure([join(BENCH, 'floor.mjs'), ws]);
  rssVia = f.via;
  if (f.code !== 0) failures.push(`(a) floor ${tag}: exit ${f.code}: ${f.stderr.trim()}`);
  else floorInfo = JSON.parse(f.stdout);
  if (floorInfo.files !== expected.files) failures.push(`(a) floor ${tag}: parsed ${floorInfo.files} files, generated ${expected.files}`);
  record(S.floor, f, counted);

  // cold: no --cache, and no cache in the default location either (ours stays for the warm runs)
  rmSync(join(ws, 'node_modules', '.cache'), { recursive: true, force: true });
  const cold = await measure([CLI_JS, '.', ...cliArgs], { cwd: ws });
  S.cold.findings = verify(`(b) cold ${tag}`, cold);
  record(S.cold, cold, counted);
  // the same without V8's cache of cachelint's compiled code (a first run after installing)
  const first = await measure([CLI_JS, '.', ...cliArgs], { cwd: ws, env: { NODE_DISABLE_COMPILE_CACHE: '1' } });
  S.coldNoCodeCache.findings = verify(`(b′) cold, no code cache ${tag}`, first);
  record(S.coldNoCodeCache, first, counted);
  if (na.warm) continue;

  const warm = await measure([CLI_JS, '.', ...warmArgs], { cwd: ws });
  S.warm.findings = verify(`(c) warm ${tag}`, warm);
  record(S.warm, warm, counted);

  // one service file changes (a line appended), everything else as cached
  appendFileSync(touchPath, `export const BENCH_TOUCH_${i} = ${i};\n`);
  const changed = await measure([CLI_JS, '.', ...warmArgs], { cwd: ws });
  S.warmChanged.findings = verify(`(c′) warm + 1 change ${tag}`, changed);
  record(S.warmChanged, changed, counted);
}
writeFileSync(touchPath, touchOriginal);

function medianOf(xs) {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const sum = (s, reason) => {
  if (reason) return { na: reason };
  const sorted = [...s.walls].sort((a, b) => a - b);
  return {
    median: medianOf(s.walls),
    min: sorted[0],
    max: sorted[sorted.length - 1],
    walls: s.walls,
    cpuMedian: s.cpus.length ? medianOf(s.cpus) : undefined,
    cpus: s.cpus,
    peakRssKB: s.rss.length ? Math.max(...s.rss) : undefined,
    rssKB: s.rss,
    findings: s.findings,
  };
};

// ---- (d) the language server ----
let lsp;
if (opts['no-lsp']) lsp = { na: 'skipped (--no-lsp)' };
else if (!bundles['server.js']) lsp = { na: `${relative(ROOT, SERVER_JS)} is missing` };
else {
  process.stderr.write(`language server: ${edits} edits…\n`);
  try {
    lsp = await lspBench(ws, { edits, serverJs: bundles['server.js'] });
    lsp.serverDebounceMs = serverDebounceMs();
    process.stderr.write(`language server: open → first diagnostic, ${firstSamples} fresh servers…\n`);
    lsp.firstDiagnostic = await firstDiagnosticBench(ws, { serverJs: bundles['server.js'], samples: firstSamples });
    for (const m of [...lsp.mismatches, ...lsp.firstDiagnostic.mismatches])
      failures.push(`(d) ${m.what}: ${m.file}${m.version ? ` v${m.version}` : ''}: expected [${m.expected.join(', ')}], got [${m.got.join(', ')}]`);
  } catch (e) {
    lsp = { na: `error: ${e.message}` };
    failures.push(`(d) language server: ${e.message}`);
  }
}

/**
 * The server's debounce of cross-file re-checks, read from its source, so the table can show the
 * figure net of it. The server ignores the client's `debounceMs` request at the time of writing.
 */
function serverDebounceMs() {
  try {
    const m = /const DEBOUNCE_MS = (\d[\d_]*);/.exec(readFileSync(join(ROOT, 'server', 'src', 'lsp', 'server.ts'), 'utf8'));
    return m ? Number(m[1].replace(/_/g, '')) : undefined;
  } catch {
    return undefined;
  }
}

const results = {
  date: new Date().toISOString(),
  options: { files, runs, warmup, seed, edits, quick: opts.quick, profile },
  build: { bundlesBuiltAt: bundles.builtAt },
  machine: {
    cpus: cpus().length,
    cpu: cpus()[0]?.model.trim() ?? '?',
    memGiB: Math.round(totalmem() / 2 ** 30),
    node: process.versions.node,
    loadStart,
    loadEnd: load(),
    rssVia,
  },
  workspace: { dir: relative(ROOT, ws), files: expected.files, lines: expected.lines, bytes: floorInfo.bytes, nodes: floorInfo.nodes, cacheFiles: expected.cacheFiles, seed, touchFile: expected.touchFile },
  runs: {
    floor: { ...sum(S.floor), typescript: floorInfo.typescript },
    cold: sum(S.cold),
    coldNoCodeCache: sum(S.coldNoCodeCache),
    warm: sum(S.warm, na.warm),
    warmChanged: sum(S.warmChanged, na.warmChanged),
    lsp,
  },
  correctness: { ok: failures.length === 0, planted: expected.findings.length, counts: expected.counts, failures },
};
results.ratios = {
  coldOverFloor: results.runs.cold.median / results.runs.floor.median,
  warmOverFloor: results.runs.warm.median / results.runs.floor.median,
  warmChangedOverFloor: results.runs.warmChanged.median / results.runs.floor.median,
  coldRssOverFloorRss: results.runs.cold.peakRssKB / results.runs.floor.peakRssKB,
  coldCpuOverFloorCpu: results.runs.cold.cpuMedian / results.runs.floor.cpuMedian,
  warmCpuOverFloorCpu: results.runs.warm.cpuMedian / results.runs.floor.cpuMedian,
};

const text = render(results);
process.stdout.write(`\n${text}\n`);
writeFileSync(opts.out ?? join(BENCH, 'results.json'), `${JSON.stringify({ ...results, table: text }, null, 2)}\n`);
process.exitCode = failures.length > 0 ? 1 : 0;

#!/usr/bin/env node
// The real-code corpus: runs the built cachelint CLI, as a user would, over the backend folders of
// public repositories pinned in repos.json, and scores its findings against hand-made verdicts
// (labels.json: precision) and hand-found bugs (positives.json: recall). No repository code lives
// here: the snapshots come from $CACHELINT_CORPUS (see README.md). Plain Node, no dependencies.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '../..');
/** shown first and always, so a rule with no finding yet still has a row */
const KNOWN_RULES = [
  'set-after-commit',
  'missing-ttl',
  'key-drift',
  'negative-cache-on-create',
  'missing-invalidation',
  'invalidate-before-commit',
  'write-from-cache',
];
const SHOW = new Set(['unjudged', 'all', 'fp', 'tp', 'missed']);
const USAGE = `usage: node bench/corpus/run.mjs [options]

  --cli <path>        the CLI to measure (default: dist/cli.js of this repo)
  --repo <substr>     only repos whose id contains this (repeatable)
  --rule <id>         only this rule's findings, labels and positives (repeatable)
  --json <file>       write every result to this file
  --show <what>       print findings to judge: unjudged | all | fp | tp | missed
  --timeout <sec>     per-repo limit for the CLI (default 900)
  --compare <file>    a previous run's --json: print the findings and positives that changed

env: CACHELINT_CORPUS       folder of snapshots, <owner>+<name>/ (work tree) or <owner>+<name>/repo (git dir)
     CACHELINT_CORPUS_WORK  where git snapshots are extracted (default: <tmp>/cachelint-corpus)
`;

class UsageError extends Error {}

function parseArgs(argv) {
  const o = { cli: join(ROOT, 'dist/cli.js'), repos: [], rules: [], json: undefined, show: undefined, timeout: 900, compare: undefined };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const [flag, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = () => {
      if (inline !== undefined) return inline;
      if (i + 1 >= argv.length) throw new UsageError(`${flag} needs a value`);
      return argv[++i];
    };
    switch (flag) {
      case '--cli': o.cli = resolve(value()); break;
      case '--repo': o.repos.push(value()); break;
      case '--rule': o.rules.push(value()); break;
      case '--json': o.json = resolve(value()); break;
      case '--compare': o.compare = resolve(value()); if (!existsSync(o.compare)) throw new UsageError(`--compare: no file ${o.compare}`); break;
      case '--show': o.show = value(); if (!SHOW.has(o.show)) throw new UsageError(`--show takes ${[...SHOW].join(', ')}`); break;
      case '--timeout': o.timeout = Number(value()); if (!(o.timeout > 0)) throw new UsageError('--timeout takes seconds'); break;
      case '-h': case '--help': process.stdout.write(USAGE); process.exit(0); break;
      default: throw new UsageError(`unknown argument ${a}`);
    }
  }
  return o;
}

function readJson(file, fallback) {
  if (!existsSync(file)) return fallback;
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(`${relative(ROOT, file)}: ${e.message}`);
  }
}

const isDir = (p) => { try { return statSync(p).isDirectory(); } catch { return false; } };
const isGitDir = (p) => existsSync(join(p, 'HEAD')) && isDir(join(p, 'objects'));
const slug = (id) => id.replace('/', '+');
const posix = (p) => p.split(sep).join('/');

/**
 * Where the repo's tree is: a work tree as is, or the pinned commit of a git dir extracted once
 * (`git archive | tar -x`) into the work folder and reused. Returns { tree, how } or { absent }.
 */
function locate(repo, corpus, workRoot) {
  const base = join(corpus, slug(repo.id));
  if (!isDir(base)) return { absent: 'no snapshot' };
  const gitDir = [base, join(base, 'repo'), join(base, 'repo/.git')].find(isGitDir);
  if (!gitDir) {
    // a work tree: used as is; when it is a clone, say if it is not at the pinned commit
    const head = isDir(join(base, '.git')) ? git(['rev-parse', 'HEAD'], join(base, '.git')) : undefined;
    return { tree: base, how: 'work tree', warning: head && head.ok && head.out.trim() !== repo.commit ? `work tree is at ${head.out.trim().slice(0, 7)}, not the pinned ${repo.commit.slice(0, 7)}` : undefined };
  }
  const tree = join(workRoot, `${slug(repo.id)}@${repo.commit.slice(0, 7)}`);
  if (existsSync(join(tree, '.cachelint-corpus-complete'))) return { tree, how: 'extracted (reused)' };
  const has = git(['cat-file', '-e', `${repo.commit}^{commit}`], gitDir);
  if (!has.ok) return { absent: `commit ${repo.commit.slice(0, 7)} not in the snapshot` };
  const part = `${tree}.part-${process.pid}`;
  rmSync(part, { recursive: true, force: true });
  mkdirSync(part, { recursive: true });
  process.stderr.write(`corpus: extracting ${repo.id}@${repo.commit.slice(0, 7)} into ${tree}\n`);
  const r = spawnSync('bash', ['-o', 'pipefail', '-c', 'git --git-dir="$1" archive --format=tar "$2" | tar -x -C "$3"', 'x', gitDir, repo.commit, part], { encoding: 'utf8', maxBuffer: 64 << 20 });
  let note = '';
  if (r.status !== 0) {
    // Snapshots may lack their largest files (images, logs, generated data), which stops git
    // archive. Check the commit out through a private index without those blobs instead.
    rmSync(part, { recursive: true, force: true });
    mkdirSync(part, { recursive: true });
    const missing = missingBlobs(gitDir, repo.commit);
    const index = `${part}.index`;
    const env = { ...process.env, GIT_INDEX_FILE: index };
    const steps = [['read-tree', repo.commit], ...(missing.length ? [['update-index', '--force-remove', '-z', '--stdin']] : []), ['checkout-index', '-a', `--prefix=${part}/`]];
    for (const args of steps) {
      const s = spawnSync('git', [`--git-dir=${gitDir}`, ...args], { env, encoding: 'utf8', maxBuffer: 64 << 20, input: args[0] === 'update-index' ? missing.join('\0') + '\0' : undefined });
      if (s.status !== 0) {
        rmSync(part, { recursive: true, force: true });
        rmSync(index, { force: true });
        throw new Error(`extracting ${repo.id}: git ${args[0]}: ${s.stderr || s.error || r.stderr}`);
      }
    }
    rmSync(index, { force: true });
    note = `${missing.length} files absent from the snapshot (too large to store): ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ', …' : ''}\n`;
    process.stderr.write(`corpus:   ${note}`);
  }
  writeFileSync(join(part, '.cachelint-corpus-complete'), `${repo.id} ${repo.commit}\n${note}`);
  rmSync(tree, { recursive: true, force: true });
  renameSync(part, tree);
  return { tree, how: 'extracted' };
}

/** Paths of the commit whose blobs the snapshot does not hold. */
function missingBlobs(gitDir, commit) {
  const ls = spawnSync('git', [`--git-dir=${gitDir}`, 'ls-tree', '-r', '-z', commit], { encoding: 'utf8', maxBuffer: 512 << 20 });
  if (ls.status !== 0) throw new Error(`git ls-tree: ${ls.stderr}`);
  const blobs = [];
  for (const entry of ls.stdout.split('\0')) {
    const m = /^\d+ blob ([0-9a-f]+)\t(.*)$/s.exec(entry);
    if (m) blobs.push([m[1], m[2]]);
  }
  const check = spawnSync('git', [`--git-dir=${gitDir}`, 'cat-file', '--batch-check=%(objectname)'], { input: blobs.map(([oid]) => oid).join('\n') + '\n', encoding: 'utf8', maxBuffer: 512 << 20 });
  const gone = new Set(check.stdout.split('\n').filter((l) => l.endsWith(' missing')).map((l) => l.split(' ')[0]));
  return blobs.filter(([oid]) => gone.has(oid)).map(([, path]) => path);
}

function git(args, gitDir) {
  const r = spawnSync('git', [`--git-dir=${gitDir}`, ...args], { encoding: 'utf8', maxBuffer: 64 << 20 });
  return { ok: r.status === 0, out: r.stdout ?? '', err: r.stderr ?? '' };
}

/** Runs `node <cli> --format json <paths…>` in `cwd`: exit code, output, wall time, peak RSS. */
function runCli(cli, paths, cwd, timeoutSec) {
  return new Promise((done) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [cli, '--format', 'json', ...paths], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    const out = [];
    const err = [];
    let hwm = 0;
    let timedOut = false;
    const poll = setInterval(() => {
      try {
        const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (m) hwm = Math.max(hwm, Number(m[1]));
      } catch {
        // exited, or no /proc
      }
    }, 50);
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutSec * 1000);
    child.stdout.on('data', (d) => out.push(d));
    child.stderr.on('data', (d) => err.push(d));
    child.on('error', (e) => err.push(Buffer.from(String(e))));
    child.on('close', (code, signal) => {
      clearInterval(poll);
      clearTimeout(timer);
      done({ code, signal, timedOut, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), seconds: (performance.now() - t0) / 1000, peakRssMiB: hwm ? hwm / 1024 : undefined });
    });
  });
}

const INTERNAL = /Oops! Something went wrong|internal error|FATAL ERROR|JavaScript heap out of memory|^\s+at .+\(.+:\d+:\d+\)$/m;

/** One repo: locate, run, parse. */
async function measureRepo(repo, opts, corpus, workRoot) {
  const res = { id: repo.id, commit: repo.commit, kind: repo.kind, status: 'ok', files: 0, seconds: 0, crash: undefined, parseErrors: [], notices: [], findings: [], warnings: [] };
  let where;
  try {
    where = locate(repo, corpus, workRoot);
  } catch (e) {
    return { ...res, status: 'error', crash: `runner: ${e.message}` };
  }
  if (where.absent) return { ...res, status: 'absent', absent: where.absent };
  res.tree = where.tree;
  if (where.warning) res.warnings.push(where.warning);
  const paths = repo.paths.filter((p) => {
    if (existsSync(join(where.tree, p))) return true;
    res.warnings.push(`path ${p} does not exist in the tree`);
    return false;
  });
  if (paths.length === 0) return { ...res, status: 'error', crash: 'none of its paths exist' };
  const run = await runCli(opts.cli, paths, where.tree, opts.timeout);
  res.seconds = run.seconds;
  res.peakRssMiB = run.peakRssMiB;
  res.exitCode = run.code;
  res.notices = run.stderr.split('\n').filter((l) => l.startsWith('cachelint: '));
  let results;
  try {
    results = JSON.parse(run.stdout);
    if (!Array.isArray(results)) throw new Error('not an array');
  } catch (e) {
    results = undefined;
    res.crash = `stdout is not a JSON array (${e.message})`;
  }
  if (run.timedOut) res.crash = `timed out after ${opts.timeout} s`;
  else if (run.signal) res.crash = `killed by ${run.signal}`;
  else if (run.code === 2 || (run.code !== 0 && run.code !== 1)) res.crash = `exit code ${run.code}`;
  else if (INTERNAL.test(run.stderr)) res.crash = 'internal error on stderr';
  if (res.crash) {
    res.status = 'crash';
    res.stderrTail = run.stderr.split('\n').filter(Boolean).slice(-12).join('\n');
  }
  if (!results) return res;
  res.files = results.length;
  for (const file of results) {
    const path = posix(relative(where.tree, isAbsolute(file.filePath) ? file.filePath : resolve(where.tree, file.filePath)));
    for (const m of file.messages ?? []) {
      if (m.fatal || m.ruleId === null) res.parseErrors.push({ path, line: m.line, message: m.message });
      else res.findings.push({ rule: m.ruleId, path, line: m.line, column: m.column, endLine: m.endLine, message: m.message });
    }
  }
  res.findings.sort((a, b) => a.path.localeCompare(b.path) || a.line - b.line || a.rule.localeCompare(b.rule));
  return res;
}

const labelKey = (repo, rule, path, line) => `${repo} ${rule} ${path}:${line}`;

function parseLabelKey(key) {
  const m = /^(\S+) (\S+) (.+):(\d+)$/.exec(key);
  return m ? { repo: m[1], rule: m[2], path: m[3], line: Number(m[4]) } : undefined;
}

function positiveHit(p, f) {
  if (f.rule !== p.rule || f.path !== p.path) return false;
  if (f.line === p.line) return true;
  return Array.isArray(p.lines) && f.line >= p.lines[0] && f.line <= p.lines[1];
}

/** The source around a line of a tree, numbered, the line itself marked. */
function excerpt(tree, path, line, to = line) {
  let lines;
  try {
    lines = readFileSync(join(tree, path), 'utf8').split(/\r?\n/);
  } catch {
    return '      (source not readable)';
  }
  const out = [];
  for (let n = Math.max(1, line - 2); n <= Math.min(lines.length, to + 2); n++) {
    const text = lines[n - 1].length > 200 ? `${lines[n - 1].slice(0, 200)}…` : lines[n - 1];
    out.push(`  ${n >= line && n <= to ? '>' : ' '} ${String(n).padStart(5)} | ${text}`);
  }
  return out.join('\n');
}

function table(rows, header) {
  const all = [header, ...rows].map((r) => r.map((c) => (c === undefined || c === null ? '' : String(c))));
  const width = header.map((_, i) => Math.max(...all.map((r) => r[i].length)));
  const numeric = header.map((_, i) => rows.every((r) => r[i] === undefined || r[i] === '' || r[i] === '—' || /^[\d.,%s× –-]+$/.test(String(r[i]))));
  const fmt = (r) => r.map((c, i) => (numeric[i] && i > 0 ? c.padStart(width[i]) : c.padEnd(width[i]))).join('  ').trimEnd();
  return [fmt(all[0]), width.map((w) => '-'.repeat(w)).join('  '), ...all.slice(1).map(fmt)].join('\n');
}

const pct = (a, b) => (b > 0 ? `${((100 * a) / b).toFixed(0)}%` : '—');

async function main() {
  let opts;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`corpus: ${e.message}\n${USAGE}`);
    process.exit(2);
  }
  const corpus = process.env.CACHELINT_CORPUS;
  if (!corpus || !isDir(corpus)) {
    console.log(`corpus: CACHELINT_CORPUS is ${corpus ? `not a folder (${corpus})` : 'not set'}; skipping (CI does not fetch). See bench/corpus/README.md.`);
    return 0;
  }
  if (!existsSync(opts.cli)) throw new Error(`no CLI at ${opts.cli}: run npm run build first, or pass --cli`);
  const workRoot = resolve(process.env.CACHELINT_CORPUS_WORK || join(tmpdir(), 'cachelint-corpus'));
  mkdirSync(workRoot, { recursive: true });

  const repos = readJson(join(HERE, 'repos.json'), []);
  const labels = readJson(join(HERE, 'labels.json'), {});
  const positives = readJson(join(HERE, 'positives.json'), []);
  for (const key of Object.keys(labels)) if (!parseLabelKey(key)) throw new Error(`labels.json: malformed key "${key}"`);

  const wantRepo = (id) => opts.repos.length === 0 || opts.repos.some((s) => id.toLowerCase().includes(s.toLowerCase()));
  const wantRule = (rule) => opts.rules.length === 0 || opts.rules.includes(rule);
  const selected = repos.filter((r) => wantRepo(r.id));
  if (selected.length === 0) throw new Error(`no repo in repos.json matches ${opts.repos.join(', ')}`);

  console.log(`corpus: ${selected.length} repos from ${corpus}; CLI ${relative(process.cwd(), opts.cli) || opts.cli}`);
  const t0 = performance.now();
  const results = [];
  for (const repo of selected) {
    process.stderr.write(`corpus: ${repo.id} … `);
    const r = await measureRepo(repo, opts, corpus, workRoot);
    r.findings = r.findings.filter((f) => wantRule(f.rule));
    process.stderr.write(r.status === 'absent' ? `absent (${r.absent})\n` : `${r.files} files, ${r.findings.length} findings, ${r.seconds.toFixed(1)} s${r.crash ? `, ${r.status === 'crash' ? 'CRASH' : 'ERROR'}: ${r.crash}` : ''}\n`);
    for (const w of r.warnings) process.stderr.write(`corpus:   warning: ${w}\n`);
    results.push(r);
  }
  const totalSeconds = (performance.now() - t0) / 1000;
  const ran = new Map(results.filter((r) => r.status === 'ok' || (r.status === 'crash' && r.files > 0)).map((r) => [r.id, r]));

  // verdicts for this run's findings
  for (const r of results) {
    for (const f of r.findings) {
      const l = labels[labelKey(r.id, f.rule, f.path, f.line)];
      if (l) {
        f.verdict = l.verdict;
        f.why = l.why;
      }
    }
  }
  // labelled true findings of the repos and rules that ran, which this run no longer reports
  const present = new Set(results.flatMap((r) => r.findings.map((f) => labelKey(r.id, f.rule, f.path, f.line))));
  const lostTrue = Object.entries(labels)
    .filter(([k, l]) => l.verdict === 'tp' && !present.has(k))
    .map(([k, l]) => ({ key: k, ...parseLabelKey(k), why: l.why }))
    .filter((l) => ran.has(l.repo) && wantRule(l.rule));
  // positives: found when a finding of its rule in its file starts on its line or in its range
  const pos = positives.filter((p) => ran.has(p.repo) && wantRule(p.rule)).map((p) => ({ ...p, found: ran.get(p.repo).findings.some((f) => positiveHit(p, f)) }));

  const rules = [...new Set([...KNOWN_RULES, ...results.flatMap((r) => r.findings.map((f) => f.rule)), ...pos.map((p) => p.rule)])].filter(wantRule);
  const perRule = rules.map((rule) => {
    const fs = results.flatMap((r) => r.findings.filter((f) => f.rule === rule));
    const tp = fs.filter((f) => f.verdict === 'tp').length;
    const fp = fs.filter((f) => f.verdict === 'fp').length;
    const ps = pos.filter((p) => p.rule === rule);
    const found = ps.filter((p) => p.found).length;
    return { rule, findings: fs.length, judged: tp + fp, tp, fp, precision: tp + fp > 0 ? tp / (tp + fp) : null, unjudged: fs.length - tp - fp, positives: ps.length, found, recall: ps.length > 0 ? found / ps.length : null };
  });

  // --show
  if (opts.show && opts.show !== 'missed') {
    const pick = { all: () => true, unjudged: (f) => !f.verdict, fp: (f) => f.verdict === 'fp', tp: (f) => f.verdict === 'tp' }[opts.show];
    console.log(`\n== findings: ${opts.show}`);
    for (const r of results) {
      for (const f of r.findings.filter(pick)) {
        console.log(`\n${labelKey(r.id, f.rule, f.path, f.line)}${f.verdict ? `  [${f.verdict}] ${f.why}` : ''}\n    ${f.message}`);
        console.log(excerpt(r.tree, f.path, f.line, f.endLine && f.endLine - f.line < 4 ? f.endLine : f.line));
      }
    }
  }
  if (opts.show === 'missed' || opts.show === 'all') {
    console.log('\n== positives missed');
    for (const p of pos.filter((q) => !q.found)) {
      const near = ran.get(p.repo).findings.filter((f) => f.path === p.path).map((f) => `${f.rule}:${f.line}`);
      console.log(`\n${p.id}  ${p.repo} ${p.rule} ${p.path}:${p.line}${p.lines ? ` (${p.lines[0]}–${p.lines[1]})` : ''}\n    ${p.why}${near.length ? `\n    findings in this file: ${near.join(', ')}` : ''}`);
      console.log(excerpt(ran.get(p.repo).tree, p.path, p.lines ? p.lines[0] : p.line, p.lines ? Math.min(p.lines[1], p.lines[0] + 8) : p.line));
    }
  }

  // reports
  console.log('\n== per rule');
  console.log(table(perRule.map((x) => [x.rule, x.findings, x.judged, x.tp, x.fp, x.precision === null ? '—' : pct(x.tp, x.judged), x.unjudged, x.positives, x.found, x.recall === null ? '—' : pct(x.found, x.positives)]),
    ['rule', 'findings', 'judged', 'tp', 'fp', 'precision', 'unjudged', 'positives', 'found', 'recall']));
  const sum = (k) => perRule.reduce((a, x) => a + x[k], 0);
  console.log(`all rules: ${sum('findings')} findings, ${sum('judged')} judged, precision ${pct(sum('tp'), sum('judged'))}; ${sum('positives')} positives, recall ${pct(sum('found'), sum('positives'))}; ${sum('unjudged')} unjudged${sum('unjudged') ? ' (--show unjudged lists them)' : ''}`);

  console.log('\n== per repo');
  const short = { 'set-after-commit': 'sac', 'missing-ttl': 'ttl', 'key-drift': 'kd', 'negative-cache-on-create': 'neg' };
  console.log(table(results.map((r) => {
    const by = {};
    for (const f of r.findings) by[f.rule] = (by[f.rule] ?? 0) + 1;
    return [r.id, r.status === 'absent' ? '—' : r.files, r.status === 'absent' ? '—' : r.seconds.toFixed(1), r.peakRssMiB ? r.peakRssMiB.toFixed(0) : '—', r.crash ? 1 : 0, r.parseErrors.length, r.findings.length,
      Object.entries(by).map(([k, n]) => `${short[k] ?? k} ${n}`).join(', '), r.status === 'ok' ? '' : r.status === 'absent' ? `absent: ${r.absent}` : `${r.status}: ${r.crash}`];
  }), ['repo', 'files', 'seconds', 'MiB', 'crashes', 'parse errors', 'findings', 'by rule', 'status']));
  const okRuns = results.filter((r) => r.status !== 'absent');
  console.log(`${okRuns.length} run, ${results.length - okRuns.length} absent; ${okRuns.reduce((a, r) => a + r.files, 0)} files; CLI time ${okRuns.reduce((a, r) => a + r.seconds, 0).toFixed(1)} s, whole run ${totalSeconds.toFixed(1)} s`);

  for (const r of results.filter((x) => x.crash)) console.log(`\ncrash in ${r.id}: ${r.crash}\n${(r.stderrTail ?? '').replace(/^/gm, '    ')}`);
  for (const r of results.filter((x) => x.parseErrors.length > 0)) for (const p of r.parseErrors) console.log(`parse error: ${r.id} ${p.path}:${p.line} ${p.message}`);

  console.log(`\n== lost true findings: ${lostTrue.length}`);
  for (const l of lostTrue) console.log(`  ${l.key}  (${l.why})`);
  const missed = pos.filter((p) => !p.found);
  if (missed.length > 0 && opts.show !== 'missed') console.log(`\n${missed.length} positives missed (--show missed lists them)`);

  if (opts.compare) printComparison(readJson(opts.compare, {}), results, pos, perRule, ran);

  if (opts.json) {
    mkdirSync(dirname(opts.json), { recursive: true });
    writeFileSync(opts.json, `${JSON.stringify({ cli: opts.cli, date: new Date().toISOString(), node: process.version, seconds: totalSeconds, rules: perRule, repos: results.map(({ tree, ...r }) => r), lostTrue, positives: pos }, null, 2)}\n`);
    console.log(`\nwrote ${opts.json}`);
  }
  return 0;
}

/**
 * What changed since an earlier run (its --json): findings gone and new, each with its verdict,
 * positives newly found or lost, and each rule's precision and recall then and now. Only repos
 * and rules both runs cover are compared.
 */
function printComparison(before, results, pos, perRule, ran) {
  const key = (repo, f) => labelKey(repo, f.rule, f.path, f.line);
  const wasRun = new Set((before.repos ?? []).filter((r) => r.status !== 'absent').map((r) => r.id));
  const rules = new Set(perRule.map((x) => x.rule));
  // (two findings of one rule on one line share a key: the lists count each, the maps tell them apart)
  const oldList = (before.repos ?? []).filter((r) => ran.has(r.id)).flatMap((r) => r.findings.filter((f) => rules.has(f.rule)).map((f) => [key(r.id, f), f]));
  const nowList = results.filter((r) => wasRun.has(r.id)).flatMap((r) => r.findings.map((f) => [key(r.id, f), f]));
  const old = new Map(oldList);
  const now = new Map(nowList);
  const verdict = (f) => f.verdict ?? 'unjudged';
  console.log(`\n== compared with ${describeRun(before)}`);
  const gone = [...old].filter(([k]) => !now.has(k));
  const added = [...now].filter(([k]) => !old.has(k));
  for (const [k, f] of gone) console.log(`  - ${k}  [${verdict(f)}]`);
  for (const [k, f] of added) console.log(`  + ${k}  [${verdict(f)}]`);
  const wasFound = new Map((before.positives ?? []).map((p) => [p.id, p.found]));
  for (const p of pos) {
    if (!wasFound.has(p.id) || wasFound.get(p.id) === p.found) continue;
    console.log(`  ${p.found ? 'now found' : 'no longer found'}: ${p.id} ${p.repo} ${p.rule} ${p.path}:${p.line}`);
  }
  if (gone.length + added.length === 0) console.log('  no finding changed');
  // both sides over the repos both runs covered, each with the verdicts and positives of its day
  const count = (fs, rule) => {
    const mine = fs.filter((f) => f.rule === rule);
    return `${mine.filter((f) => f.verdict === 'tp').length}/${mine.filter((f) => f.verdict === 'tp' || f.verdict === 'fp').length}`;
  };
  const nowFindings = nowList.map(([, f]) => f);
  const thenPos = (before.positives ?? []).filter((p) => ran.has(p.repo) && wasRun.has(p.repo));
  const nowPos = pos.filter((p) => wasRun.has(p.repo));
  const recall = (ps, rule) => `${ps.filter((p) => p.rule === rule && p.found).length}/${ps.filter((p) => p.rule === rule).length}`;
  console.log(table(perRule.map((x) => [x.rule, count(oldList.map(([, f]) => f), x.rule), count(nowFindings, x.rule), recall(thenPos, x.rule), recall(nowPos, x.rule)]),
    ['rule', 'tp/judged then', 'now', 'found/positives then', 'now']));
}

function describeRun(before) {
  return `the run of ${before.date ?? 'an unknown date'} (${before.cli ?? 'unknown CLI'})`;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    process.stderr.write(`corpus: ${e.message}\n`);
    process.exit(1);
  },
);

// The scale run (`node bench/run.mjs --scale 3000,10000,30000 [--profile …]`): at each size, a
// fresh workspace, then the floor, the CLI cold and the CLI warm (cache filled by one run first),
// each as a whole process, once (or --runs times, median). Prints wall, CPU and peak RSS, and
// each per 1,000 files, so that linear growth reads as a constant column. Every CLI run must
// report exactly the planted findings, as in the main benchmark.
import { rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, relative } from 'node:path';
import { diffFindings, findingsOf } from './findings.mjs';
import { generate } from './generate.mjs';
import { measure } from './proc.mjs';
import { fmtMiB, fmtS } from './report.mjs';

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const load = () => loadavg().map((x) => x.toFixed(2)).join(' ');

/** Runs the scale series; returns { sizes: [...], failures, loads }. */
export async function scaleRun({ sizes, seed, profile, runs, work, cliJs, floorJs, log }) {
  const out = [];
  const failures = [];
  for (const files of sizes) {
    const ws = join(work, `ws-${profile === 'default' ? '' : `${profile}-`}${files}-${seed}`);
    const cacheDir = join(work, `cache-scale-${profile}-${files}-${seed}`);
    log(`scale ${files}: generating (${profile}, seed ${seed}) in ${relative(process.cwd(), ws)}…\n`);
    const expected = generate(ws, { files, seed, profile });
    const check = (label, r) => {
      if (r.code !== 0 && r.code !== 1) return failures.push(`${files} ${label}: exit code ${r.code}: ${r.stderr.trim().split('\n').slice(-2).join(' | ')}`);
      const d = diffFindings(expected.findings, findingsOf(r.stdout, ws));
      for (const m of d.missing) failures.push(`${files} ${label}: missed ${m}`);
      for (const x of d.extra) failures.push(`${files} ${label}: extra ${x}`);
    };
    const S = { floor: [], cold: [], warm: [] };
    const loadBefore = load();
    rmSync(cacheDir, { recursive: true, force: true });
    const warmArgs = [cliJs, '.', '--format', 'json', '--cache', '--cache-location', cacheDir];
    log(`scale ${files}: filling the cache…\n`);
    check('(c) filling the cache', await measure(warmArgs, { cwd: ws }));
    for (let i = 0; i < runs; i++) {
      log(`scale ${files}: run ${i + 1}: floor, cold, warm…\n`);
      const f = await measure([floorJs, ws]);
      if (f.code !== 0) failures.push(`${files} (a) floor: exit ${f.code}`);
      else if (JSON.parse(f.stdout).files !== files) failures.push(`${files} (a) floor parsed ${JSON.parse(f.stdout).files} files`);
      S.floor.push(f);
      rmSync(join(ws, 'node_modules', '.cache'), { recursive: true, force: true });
      const c = await measure([cliJs, '.', '--format', 'json'], { cwd: ws });
      check('(b) cold', c);
      S.cold.push(c);
      const w = await measure(warmArgs, { cwd: ws });
      check('(c) warm', w);
      S.warm.push(w);
    }
    const sum = (xs) => ({
      wallMs: median(xs.map((x) => x.wallMs)),
      cpuMs: xs.every((x) => x.cpuMs !== undefined) ? median(xs.map((x) => x.cpuMs)) : undefined,
      peakRssKB: Math.max(...xs.map((x) => x.peakRssKB ?? 0)) || undefined,
    });
    out.push({ files, lines: expected.lines, cacheFiles: expected.cacheFiles, planted: expected.findings.length, load: [loadBefore, load()], floor: sum(S.floor), cold: sum(S.cold), warm: sum(S.warm) });
  }
  return { sizes: out, failures };
}

/** The scale table: absolute figures, per 1,000 files, and cold/warm as multiples of the floor. */
export function renderScale(r) {
  const rows = [['files', 'run', 'wall', 'CPU', 'peak RSS', 'wall /1k files', 'CPU /1k files', 'RSS /1k files', 'Δ CPU /1k files', 'Δ RSS /1k files', 'wall × floor', 'CPU × floor', 'load before → after']];
  const x = (a, b) => (a === undefined || b === undefined ? 'n/a' : `${(a / b).toFixed(2)}×`);
  const per = (v, files, f) => (v === undefined ? 'n/a' : f((v * 1000) / files));
  // the marginal cost: from the previous size to this one, per 1,000 added files (start-up cancels)
  const delta = (prev, s, key, f) => (!prev || s[key] === undefined || prev[key] === undefined ? '—' : f(((s[key] - prev[key]) * 1000) / (s.files - prev.files)));
  let prevSize;
  for (const s of r.sizes) {
    for (const [label, m] of [['(a) floor', s.floor], ['(b) cold', s.cold], ['(c) warm', s.warm]]) {
      const prev = prevSize && { ...prevSize[label], files: prevSize.files };
      const cur = { ...m, files: s.files };
      rows.push([
        s.files.toLocaleString('en-US'),
        label,
        fmtS(m.wallMs),
        fmtS(m.cpuMs),
        fmtMiB(m.peakRssKB),
        per(m.wallMs, s.files, (v) => `${Math.round(v)} ms`),
        per(m.cpuMs, s.files, (v) => `${Math.round(v)} ms`),
        per(m.peakRssKB, s.files, (v) => `${(v / 1024).toFixed(1)} MiB`),
        delta(prev, cur, 'cpuMs', (v) => `${Math.round(v)} ms`),
        delta(prev, cur, 'peakRssKB', (v) => `${(v / 1024).toFixed(1)} MiB`),
        label === '(a) floor' ? '1.00×' : x(m.wallMs, s.floor.wallMs),
        label === '(a) floor' ? '1.00×' : x(m.cpuMs, s.floor.cpuMs),
        label === '(a) floor' ? `${s.load[0].split(' ')[0]} → ${s.load[1].split(' ')[0]}` : '',
      ]);
    }
    prevSize = { files: s.files, '(a) floor': s.floor, '(b) cold': s.cold, '(c) warm': s.warm };
  }
  const w = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
  const line = (row) => row.map((c, i) => (i < 2 ? c.padEnd(w[i]) : c.padStart(w[i]))).join('  ');
  return [line(rows[0]), w.map((n) => '-'.repeat(n)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

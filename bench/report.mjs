// The benchmark's printed table and its targets. Pure formatting over the results object that
// run.mjs also writes to bench/results.json.

const MiB = 1024;
export const fmtS = (ms) => (ms === undefined ? 'n/a' : `${(ms / 1000).toFixed(2)} s`);
export const fmtMs = (ms) => (ms === undefined ? 'n/a' : `${ms < 10 ? ms.toFixed(1) : Math.round(ms)} ms`);
export const fmtMiB = (kb) => (kb === undefined ? 'n/a' : `${Math.round(kb / MiB)} MiB`);
const fmtX = (x) => (x === undefined || !Number.isFinite(x) ? 'n/a' : `${x.toFixed(2)}×`);

/** PASS/FAIL lines: a missed timing target is printed, never an exit code. */
export function targets(r) {
  const t = [];
  const floor = r.runs.floor;
  const add = (name, value, shown, limit, ok) => t.push({ name, value, shown, limit, pass: value === undefined ? undefined : ok });
  const cold = r.runs.cold;
  const warm = r.runs.warm;
  const cpu = (x) => (x.cpuMedian === undefined ? '' : ` (CPU time: ${fmtX(x.cpuMedian / floor.cpuMedian)})`);
  add('cold ≤ 1.0× floor', cold.median / floor.median, `${fmtX(cold.median / floor.median)}${cpu(cold)}`, '1.00×', cold.median / floor.median <= 1.0);
  add('cold peak RSS ≤ 2× floor peak RSS', cold.peakRssKB / floor.peakRssKB, `${fmtMiB(cold.peakRssKB)} = ${fmtX(cold.peakRssKB / floor.peakRssKB)}`, '2.00×', cold.peakRssKB / floor.peakRssKB <= 2);
  const w = warm.na ? undefined : warm.median / floor.median;
  add('warm ≤ 0.25× floor', w, warm.na ? `n/a (${warm.na})` : `${fmtX(w)}${cpu(warm)}`, '0.25×', w <= 0.25);
  const l = r.runs.lsp;
  add('editor p95 < 20 ms', l.na ? undefined : l.editMs.p95, l.na ? `n/a (${l.na})` : fmtMs(l.editMs.p95), '20 ms', l.editMs?.p95 < 20);
  add('cross-file update < 200 ms', l.na ? undefined : l.crossFileMs.median, l.na ? `n/a (${l.na})` : fmtMs(l.crossFileMs.median), '200 ms', l.crossFileMs?.median < 200);
  add('server RSS < 600 MB', l.na ? undefined : l.rssAfterOpenKB, l.na ? `n/a (${l.na})` : fmtMiB(l.rssAfterOpenKB), '600 MB', l.rssAfterOpenKB * 1024 < 600e6);
  const first = l.firstDiagnostic;
  add('open → first diagnostic p95 < 1 s', first?.ms.p95, first ? fmtMs(first.ms.p95) : `n/a (${l.na ?? 'not measured'})`, '1 s', first?.ms.p95 < 1000);
  return t;
}

function table(rows) {
  const w = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  const line = (r) => r.map((c, i) => (i === 0 ? c.padEnd(w[i]) : c.padStart(w[i]))).join('  ');
  return [line(rows[0]), w.map((n) => '-'.repeat(n)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

export function render(r) {
  const ws = r.workspace;
  const out = [];
  out.push(
    `cachelint benchmark: ${ws.files.toLocaleString('en-US')} files, ${ws.lines.toLocaleString('en-US')} lines, ${(ws.bytes / 1e6).toFixed(1)} MB ` +
      `(${ws.cacheFiles} touch a cache; seed ${ws.seed}${r.options.profile && r.options.profile !== 'default' ? `; ${r.options.profile} profile` : ''}); median of ${r.options.runs} run${r.options.runs === 1 ? '' : 's'} after ${r.options.warmup} warm-up`,
  );
  out.push(`machine: ${r.machine.cpus}× ${r.machine.cpu}, ${r.machine.memGiB} GiB, Node ${r.machine.node}; load average ${r.machine.loadStart} at start, ${r.machine.loadEnd} at end; peak RSS via ${r.machine.rssVia}`);
  out.push('');
  const floor = r.runs.floor;
  const rows = [['run', 'wall (median)', 'min–max', '× floor', 'CPU (median)', '× floor', 'peak RSS', 'findings']];
  const cli = (label, x) =>
    x.na
      ? [label, `n/a (${x.na})`, '', '', '', '', '', '']
      : [
          label,
          fmtS(x.median),
          `${(x.min / 1000).toFixed(2)}–${(x.max / 1000).toFixed(2)} s`,
          fmtX(x.median / floor.median),
          fmtS(x.cpuMedian),
          fmtX(x.cpuMedian / floor.cpuMedian),
          fmtMiB(x.peakRssKB),
          x.findings === undefined ? '—' : String(x.findings),
        ];
  rows.push(cli(`(a) floor: parse + walk every file (TS ${floor.typescript ?? '?'})`, floor));
  rows.push(cli('(b) CLI cold', r.runs.cold));
  if (r.runs.coldNoCodeCache) rows.push(cli("(b′) CLI cold, no compiled-code cache", r.runs.coldNoCodeCache));
  rows.push(cli('(c) CLI warm (--cache, nothing changed)', r.runs.warm));
  rows.push(cli('(c′) CLI warm, one service file changed', r.runs.warmChanged));
  out.push(table(rows));
  out.push('');
  const l = r.runs.lsp;
  if (l.na) out.push(`(d) language server: n/a (${l.na})`);
  else {
    const deb = l.serverDebounceMs;
    const net = deb === undefined ? '' : ` (includes the server's ${deb} ms debounce; net ≈ ${fmtMs(Math.max(0, l.crossFileMs.median - deb))})`;
    const lrows = [
      [`edit → diagnostics (${l.bigFileLines}-line file, ${l.edits} edits), p50 / p95 / max`, `${fmtMs(l.editMs.p50)} / ${fmtMs(l.editMs.p95)} / ${fmtMs(l.editMs.max)}`],
      [`key builder edited → other open file's key-drift (${l.pull ? 'pull + refresh' : 'push'}), median of ${l.crossFileMs.samples.length}`, `${fmtMs(l.crossFileMs.median)}${net}`],
      ...(l.firstDiagnostic
        ? [[
            `open → first diagnostic (the long file, fresh server, index running), p50 / p95 of ${l.firstDiagnostic.samples}`,
            `${fmtMs(l.firstDiagnostic.ms.p50)} / ${fmtMs(l.firstDiagnostic.ms.p95)} (${l.firstDiagnostic.beforeIndex} of ${l.firstDiagnostic.samples} before the index was complete)`,
          ]]
        : []),
      ['start → workspace indexed and the long file diagnosed', fmtS(l.readyMs)],
      ['server RSS after opening the workspace / peak', `${fmtMiB(l.rssAfterOpenKB)} / ${fmtMiB(l.peakRssKB)}`],
    ];
    const w = Math.max(...lrows.map((r) => r[0].length));
    out.push('(d) language server');
    for (const [k, v] of lrows) out.push(`  ${k.padEnd(w)}  ${v}`);
  }
  out.push('');
  out.push('targets (printed, not enforced):');
  for (const t of targets(r)) out.push(`  ${t.pass === undefined ? 'n/a ' : t.pass ? 'PASS' : 'FAIL'}  ${t.name.padEnd(36)} ${t.shown}`);
  out.push('');
  const c = r.correctness;
  out.push(
    c.ok
      ? `findings: exactly the ${c.planted} planted ones (${Object.entries(c.counts).map(([k, v]) => `${v} ${k}`).join(', ')}) in every CLI run and every editor answer`
      : `findings: WRONG in ${c.failures.length} check(s); this run FAILS`,
  );
  for (const f of c.failures.slice(0, 20)) out.push(`  ${f}`);
  return out.join('\n');
}

// Process accounting for the benchmark: wall time, CPU time and peak RSS of a child process. Peak
// RSS and CPU come from GNU time (`/usr/bin/time -f '%M %U %S'`) when it is installed, else peak
// RSS from polling the child's /proc/<pid>/status (VmHWM, the kernel's own high-water mark) and
// no CPU time. CPU time (user + system) is what to compare on a loaded machine: wall time there
// measures the other processes too.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

const GNU_TIME = '/usr/bin/time';
const MARK = 'cachelint-bench-maxrss-kb:';
const FORMAT = `${MARK}%M %U %S`;

/** VmRSS, VmHWM… of a live process, in kB (empty when it is gone or /proc is missing). */
export function readProcStatus(pid) {
  const out = {};
  try {
    for (const line of readFileSync(`/proc/${pid}/status`, 'utf8').split('\n')) {
      const m = /^(Vm\w+):\s+(\d+) kB/.exec(line);
      if (m) out[m[1]] = Number(m[2]);
    }
  } catch {
    // the process has exited
  }
  return out;
}

let gnuTime;
function hasGnuTime() {
  if (gnuTime === undefined) {
    const r = existsSync(GNU_TIME) ? spawnSync(GNU_TIME, ['-f', FORMAT, 'true'], { encoding: 'utf8' }) : undefined;
    gnuTime = !!r && !r.error && (r.stderr ?? '').includes(MARK);
  }
  return gnuTime;
}

/**
 * Runs `node <args>` to completion. Resolves { code, stdout, stderr, wallMs, cpuMs, peakRssKB, via }
 * (cpuMs undefined without GNU time).
 * Wall time is measured around the whole process, start-up included.
 */
export function measure(args, { cwd, env } = {}) {
  const viaTime = hasGnuTime();
  const [cmd, argv] = viaTime ? [GNU_TIME, ['-f', FORMAT, process.execPath, ...args]] : [process.execPath, args];
  return new Promise((resolvePromise, reject) => {
    const t0 = performance.now();
    const child = spawn(cmd, argv, { cwd, env: env ? { ...process.env, ...env } : process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    const out = [];
    const err = [];
    let hwm = 0;
    let poll;
    if (!viaTime) {
      poll = setInterval(() => {
        hwm = Math.max(hwm, readProcStatus(child.pid).VmHWM ?? 0);
      }, 10);
    }
    child.stdout.on('data', (d) => out.push(d));
    child.stderr.on('data', (d) => err.push(d));
    child.on('error', reject);
    child.on('close', (code) => {
      const wallMs = performance.now() - t0;
      if (poll) clearInterval(poll);
      let stderr = Buffer.concat(err).toString();
      let peakRssKB = hwm || undefined;
      let cpuMs;
      if (viaTime) {
        const i = stderr.lastIndexOf(MARK);
        if (i >= 0) {
          const [rss, user, sys] = stderr.slice(i + MARK.length).trim().split(/\s+/).map(Number);
          peakRssKB = rss;
          cpuMs = (user + sys) * 1000;
          stderr = stderr.slice(0, i);
        }
        // GNU time reports a non-zero exit on its own line before the mark
        stderr = stderr.replace(/Command exited with non-zero status \d+\n?$/, '');
      }
      resolvePromise({ code, stdout: Buffer.concat(out).toString(), stderr, wallMs, cpuMs, peakRssKB, via: viaTime ? 'GNU time' : '/proc VmHWM polling' });
    });
  });
}

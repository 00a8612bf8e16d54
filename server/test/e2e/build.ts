// Builds the bundles once for all test files that need them (`npm run -s build`), and hands each a
// private copy of the server bundle. Test files run in parallel: without the lock two builds would
// write dist/ at once, and a server spawned from a half-written bundle fails at random.
import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const REPO = join(__dirname, '..', '..', '..');
const LOCK = join(REPO, '.cache', 'build.lock');
const INPUTS = ['server/src', 'client/src', 'esbuild.mjs', 'package.json', 'docs/rules'];
const OUTPUTS = ['dist/server.js', 'dist/client.js', 'dist/cli.js', 'dist/facts.js', 'dist/docs/rules'];

function newestMtime(p: string): number {
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let m = st.mtimeMs;
  for (const e of readdirSync(p)) m = Math.max(m, newestMtime(join(p, e)));
  return m;
}

function upToDate(): boolean {
  try {
    const built = Math.min(...OUTPUTS.map((o) => statSync(join(REPO, o)).mtimeMs));
    return INPUTS.every((i) => newestMtime(join(REPO, i)) <= built);
  } catch {
    return false;
  }
}

async function withLock<T>(fn: () => T): Promise<T> {
  mkdirSync(join(REPO, '.cache'), { recursive: true });
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      // a lock left by a killed run is older than any build takes
      try {
        if (Date.now() - statSync(LOCK).mtimeMs > 120_000) rmSync(LOCK, { recursive: true, force: true });
      } catch {
        // released meanwhile
      }
      if (Date.now() > deadline) throw new Error(`build lock ${LOCK} held for 3 minutes`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  try {
    return fn();
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

/** Runs `npm run -s build` unless dist/ is newer than every source; then `fn` under the same lock. */
export function ensureBuilt<T>(fn: () => T): Promise<T> {
  return withLock(() => {
    if (!upToDate()) execFileSync('npm', ['run', '-s', 'build'], { cwd: REPO, stdio: ['ignore', 'ignore', 'pipe'] });
    return fn();
  });
}

/**
 * A private copy of the freshly built dist/server.js (later rebuilds by other tests cannot touch
 * it), with the rule pages it ships beside it (docs/rules/*.md, opened by "Show documentation").
 */
export function bundledServer(): Promise<string> {
  return ensureBuilt(() => {
    const dir = mkdtempSync(join(tmpdir(), 'cachelint-server-'));
    const copy = join(dir, 'server.js');
    copyFileSync(join(REPO, 'dist', 'server.js'), copy);
    cpSync(join(REPO, 'dist', 'docs'), join(dir, 'docs'), { recursive: true });
    return copy;
  });
}

/**
 * A private copy of the freshly built CLI as it ships: dist/cli.js with the parser bundle
 * (dist/facts.js, the compiler's parser layer only: esbuild.mjs) and the YAML bundle beside it.
 */
export function bundledCli(): Promise<string> {
  return ensureBuilt(() => {
    const dir = mkdtempSync(join(tmpdir(), 'cachelint-cli-'));
    for (const f of ['cli.js', 'facts.js', 'yaml.js']) copyFileSync(join(REPO, 'dist', f), join(dir, f));
    return join(dir, 'cli.js');
  });
}

// Private copies of the built bundles for one benchmark run. The working tree is shared: a test
// run (server/test/e2e/build.ts) may rebuild dist/ in the middle of the benchmark, which would
// both mix two builds in one table and invalidate the CLI's --cache (its key includes the
// bundle's size and mtime). Copies are taken under the same lock those builds hold.
import { copyFileSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

const STALE_MS = 120_000;

async function withBuildLock(root, fn) {
  const lock = join(root, '.cache', 'build.lock');
  mkdirSync(join(root, '.cache'), { recursive: true });
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // a lock left by a killed run is older than any build takes
      try {
        if (Date.now() - statSync(lock).mtimeMs > STALE_MS) rmSync(lock, { recursive: true, force: true });
      } catch {
        // released meanwhile
      }
      if (Date.now() > deadline) throw new Error(`build lock ${lock} held for 3 minutes`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  try {
    return fn();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** Copies dist/<name> for each name into `dir`; returns { name: copyPath, builtAt: ISO mtime of cli.js }. */
export async function privateBundles(root, dir, names) {
  mkdirSync(dir, { recursive: true });
  return withBuildLock(root, () => {
    const out = {};
    for (const n of names) {
      copyFileSync(join(root, 'dist', n), join(dir, n));
      out[n] = join(dir, n);
    }
    out.builtAt = statSync(join(root, 'dist', names[0])).mtime.toISOString();
    return out;
  });
}

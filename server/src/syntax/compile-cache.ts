// Loads cachelint's own parser bundle (dist/facts.js, TypeScript inside) with V8's code cache, as
// Node's module.enableCompileCache() does (and tsc turns on): compiling and running the 2 MB bundle
// (the compiler's parser layer) costs ~110 ms on every CLI run that parses, from the cache ~70 ms.
// Node 20 has no compile cache, so this is the same thing by hand: vm.Script with cachedData, written back after a run
// that had none (by then it holds the parser functions that run compiled).
//
// Only our own bundle goes through here, never a file of the analysed workspace. The cache lives in
// a per-user folder of the temp dir (as Node's does) that must be ours and not writable by others;
// a cache V8 rejects (another Node, another bundle) is rebuilt. NODE_DISABLE_COMPILE_CACHE=1 turns
// it off, as it does for Node's own.
import { isAscii } from 'node:buffer';
import { createHash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { Script } from 'node:vm';

interface Pending {
  script: Script;
  cacheFile: string;
}

const pending: Pending[] = [];

/** The per-user cache folder, created private; undefined when it cannot be trusted or made. */
function cacheDir(): string | undefined {
  if (process.env.NODE_DISABLE_COMPILE_CACHE) return undefined;
  const uid = typeof process.getuid === 'function' ? process.getuid() : undefined;
  const dir = join(tmpdir(), `cachelint-compile-cache${uid === undefined ? '' : `-${uid}`}`);
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const st = statSync(dir);
    // someone else's folder, or one others may write to: do not load code caches from it
    if (!st.isDirectory() || (uid !== undefined && st.uid !== uid) || (st.mode & 0o022) !== 0) return undefined;
    return dir;
  } catch {
    return undefined;
  }
}

/** `require(file)` for a CommonJS bundle of ours, through V8's code cache when one can be kept. */
export function requireCompiled(file: string): unknown {
  const dir = cacheDir();
  if (!dir) return createRequire(file)(file);
  // the bundles are ASCII (esbuild.mjs): read as Latin-1 that is the same text, without the UTF-8
  // decoder's pass over 2 MB; anything else is decoded as UTF-8
  const bytes = readFileSync(file);
  const source = isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
  const st = statSync(file);
  // V8 checks a cache against the source's length only: the key must change with the file's
  // content (any write changes its ctime; a new build is a new inode or mtime), and with Node
  // `<bundle>-<version>.bin`: the bundle's path names its caches, so a new build's replaces the old
  const of = createHash('sha1').update(file).digest('hex').slice(0, 16);
  const id = createHash('sha1')
    .update(`${file}\0${st.size}\0${st.mtimeMs}\0${st.ctimeMs}\0${st.ino}\0${process.version}\0${process.arch}`)
    .digest('hex')
    .slice(0, 24);
  const cacheFile = join(dir, `${of}-${id}.bin`);
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const script = new Script(Module.wrap(source), { filename: file, cachedData });
  const mod = { exports: {} as unknown, filename: file, id: file, loaded: false };
  const wrapper = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: unknown, filename: string, dirname: string) => void;
  wrapper.call(mod.exports, mod.exports, createRequire(file), mod, file, dirname(file));
  mod.loaded = true;
  if (!cachedData || script.cachedDataRejected) pending.push({ script, cacheFile });
  return mod.exports;
}

/**
 * Writes the code caches of bundles loaded without one. Called once the run's work is done, so the
 * cache holds the functions compiled meanwhile. Best effort: a cache that cannot be written is skipped.
 */
export function saveCompileCache(): void {
  for (const { script, cacheFile } of pending.splice(0)) {
    try {
      const data = script.createCachedData();
      const tmp = `${cacheFile}.${process.pid}.tmp`;
      try {
        const fd = openSync(tmp, 'w', 0o600);
        try {
          writeSync(fd, data);
        } finally {
          closeSync(fd);
        }
        renameSync(tmp, cacheFile);
        dropOlder(cacheFile);
      } catch {
        rmSync(tmp, { force: true });
      }
    } catch {
      // the cache is only ever an optimisation
    }
  }
}

/**
 * Removes the caches of earlier builds of the same bundle (and those of the unprefixed names used
 * before 2026-12): each build is a new cache of some megabytes, and nothing else would ever delete
 * them. A cache another process still loads is safe: it was read whole before V8 used it.
 */
function dropOlder(cacheFile: string): void {
  const dir = dirname(cacheFile);
  const name = basename(cacheFile);
  const prefix = name.slice(0, name.indexOf('-') + 1);
  try {
    for (const f of readdirSync(dir))
      if (f !== name && f.endsWith('.bin') && (f.startsWith(prefix) || /^[0-9a-f]{40}\.bin$/.test(f))) rmSync(join(dir, f), { force: true });
  } catch {
    // best effort, as the cache itself
  }
}

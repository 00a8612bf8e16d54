// The files an open document's cache code refers to (its client, wrapper and key-builder modules,
// three levels deep, as the CLI's second tier follows them), found on disk before the background
// index has read them: the language server loads these first, so a file opened while a large
// workspace is still being indexed gets its per-file findings (a missing TTL on an imported
// client) at once instead of after the whole index.
import { statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { FileFacts } from '../facts/types';
import { isSourceFile } from './files';
import { referencedModules } from './project';

const EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];
const DEPTH = 3;
/** a bound on the disk reads one opened file can cause */
const LIMIT = 64;

export interface ClosureHost {
  factsOf(file: string): FileFacts | undefined;
  /** loads a file from disk into the analysis; false when it is left out (ignored, too big…) */
  load(file: string): boolean;
  /** the folder `@/x`, `~/x` and `src/x` aliases are tried against */
  root?: string;
}

/** Loads what `file` refers to; returns the files it loaded. */
export function loadImportClosure(file: string, host: ClosureHost): string[] {
  const seen = new Set([file]);
  const loaded: string[] = [];
  let frontier = [file];
  for (let depth = 0; depth < DEPTH && frontier.length > 0 && loaded.length < LIMIT; depth++) {
    const next: string[] = [];
    for (const from of frontier) {
      const facts = host.factsOf(from);
      if (!facts) continue;
      for (const spec of referencedModules(facts)) {
        const target = resolveOnDisk(from, spec, host.root);
        if (!target || seen.has(target)) continue;
        seen.add(target);
        if (!host.factsOf(target)) {
          if (loaded.length >= LIMIT || !host.load(target)) continue;
          loaded.push(target);
        }
        next.push(target);
      }
    }
    frontier = next;
  }
  return loaded;
}

/** The source file an import specifier names, looked up on disk (relative paths and the usual aliases). */
export function resolveOnDisk(from: string, spec: string, root?: string): string | undefined {
  let bases: string[];
  if (spec.startsWith('.') || spec.startsWith('/')) bases = [resolve(dirname(from), spec)];
  else if (root && /^(@\/|~\/|#|src\/)/.test(spec)) {
    const rest = spec.replace(/^(@\/|~\/|#)/, '');
    bases = [join(root, 'src', rest), join(root, rest)];
  } else return undefined;
  for (const base of bases) {
    // Pattern: import './keys.js' (ESM spelling of keys.ts)
    const stripped = base.replace(/\.(js|jsx|mjs|cjs)$/, '');
    for (const b of stripped === base ? [base] : [base, stripped]) {
      const candidates = [b, ...EXTENSIONS.map((e) => b + e), ...EXTENSIONS.map((e) => join(b, `index${e}`))];
      for (const c of candidates) if (isSourceFile(c) && isFile(c)) return c;
    }
  }
  return undefined;
}

function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

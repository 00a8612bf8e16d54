// The project root of a file: the folder its cross-file context and its baseline belong to. It is
// the nearest folder holding a `.cachelintrc.json` or a `package.json` (a package is what a run
// over `.` in it would analyse), else the repository root (a folder holding `.git`), else none.
import { dirname, join, relative, sep } from 'node:path';
import { fileKindOf, type FileKind } from '../model/file-kinds';
// the disk cache the config loader probes the same names through: each folder is stat'ed once
import { exists, isFile } from '../model/modules/disk';

const MARKERS = ['.cachelintrc.json', 'package.json'];

/** folder → its root (null: none), shared by every file of a run */
const byDir = new Map<string, string | null>();

export function projectRootOf(file: string): string | undefined {
  const seen: string[] = [];
  let found: string | null = null;
  for (let d = dirname(file); ; ) {
    const cached = byDir.get(d);
    if (cached !== undefined) {
      found = cached;
      break;
    }
    seen.push(d);
    if (MARKERS.some((m) => isFile(join(d, m))) || exists(join(d, '.git'))) {
      found = d;
      break;
    }
    const parent = dirname(d);
    if (parent === d) break;
    d = parent;
  }
  for (const d of seen) byDir.set(d, found);
  return found ?? undefined;
}

/** Forgets what was found (the language server calls this when a package.json or config appears or goes). */
export function clearRootCache(): void {
  byDir.clear();
}

/**
 * A test or a script (below the file's project root: model/file-kinds.ts), or undefined for
 * product code. A checkout under `/home/me/test/` is not all tests: folders count below the root.
 */
export function kindOfFile(file: string): FileKind | undefined {
  const root = projectRootOf(file);
  // path.relative normalises both paths first: a file below its root needs only the slice
  const rel = !root ? file.slice(file.lastIndexOf(sep) + 1) : file.startsWith(root + sep) ? file.slice(root.length + 1) : relative(root, file);
  return fileKindOf(rel);
}

// The folder a file's project starts at: the nearest folder above it holding a package.json or a
// .git. Test and script folders are recognised below it (model/file-kinds.ts), so a checkout that
// happens to live under `/home/me/test/` is not all tests. Read from the disk, cached per folder.
import { existsSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileKindOf, type FileKind } from '../model/file-kinds';

const rootByDir = new Map<string, string | null>();

export function projectRootOf(file: string): string | undefined {
  const start = dirname(file);
  const climbed: string[] = [];
  let found: string | null = null;
  for (let d = start; ; d = dirname(d)) {
    const hit = rootByDir.get(d);
    if (hit !== undefined) {
      found = hit;
      break;
    }
    climbed.push(d);
    if (existsSync(join(d, 'package.json')) || existsSync(join(d, '.git'))) {
      found = d;
      break;
    }
    if (dirname(d) === d) break;
  }
  for (const d of climbed) rootByDir.set(d, found);
  return found ?? undefined;
}

/** A test or a script (below the file's project root), or undefined for product code. */
export function kindOfFile(file: string): FileKind | undefined {
  const root = projectRootOf(file);
  const rel = root ? relative(root, file) : file.slice(file.lastIndexOf(sep) + 1);
  return fileKindOf(rel);
}

/** Forgets the folders seen (a package.json was added or removed). */
export function clearRoots(): void {
  rootByDir.clear();
}

// Workspace packages: which folder each package of a monorepo lives in, by name, so that
// `import { cache } from '@acme/cache'` reaches the project's own source without node_modules
// (CI checkouts analysed here rarely install). Read as data from the nearest folder upward that
// declares workspaces: package.json `workspaces` (an array, or `{ "packages": [...] }` as yarn
// writes it), pnpm-workspace.yaml `packages`, lerna.json `packages`. Nothing is ever run.
import { dirname, join } from 'node:path';
import { isFile, noteProblem, onClearLayout, readText } from './disk';
import { expandWorkspacePatterns } from './globs';

export interface Workspace {
  root: string;
  /** package name → its folder */
  packages: Map<string, string>;
  /** folder → package name */
  names: Map<string, string>;
  /** the manifests read: the root's and every package's (for the layout key) */
  read: string[];
}

const byDir = new Map<string, Workspace | null>();
const packageRoots = new Map<string, string | null>();
const manifests = new Map<string, Record<string, unknown> | null>();
onClearLayout(() => {
  byDir.clear();
  packageRoots.clear();
  manifests.clear();
});

/** The workspace a folder belongs to: the nearest folder at or above it that declares one. */
export function workspaceFor(dir: string): Workspace | undefined {
  const cached = byDir.get(dir);
  if (cached !== undefined) return cached ?? undefined;
  const parent = dirname(dir);
  const w = workspaceAt(dir) ?? (parent === dir ? undefined : workspaceFor(parent));
  byDir.set(dir, w ?? null);
  return w;
}

/** `@acme/db/redisClient` → `@acme/db`; `lodash/fp` → `lodash`. */
export function packageNameOf(spec: string): string {
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** The folder of the package a path is in: the nearest folder at or above it holding a package.json. */
export function packageRootOf(dir: string): string | undefined {
  const cached = packageRoots.get(dir);
  if (cached !== undefined) return cached ?? undefined;
  const parent = dirname(dir);
  const r = isFile(join(dir, 'package.json')) ? dir : parent === dir ? undefined : packageRootOf(parent);
  packageRoots.set(dir, r ?? null);
  return r;
}

/** A package.json as an object (cached); undefined when missing, and noted when malformed. */
export function manifest(file: string): Record<string, unknown> | undefined {
  let m = manifests.get(file);
  if (m === undefined) {
    m = null;
    const text = readText(file);
    if (text !== undefined) {
      try {
        const data: unknown = JSON.parse(text);
        if (data && typeof data === 'object' && !Array.isArray(data)) m = data as Record<string, unknown>;
        else noteProblem(file, 'is not a JSON object; its workspaces and name are not followed');
      } catch (e) {
        noteProblem(file, `malformed JSON (${(e as Error).message}); its workspaces and name are not followed`);
      }
    }
    manifests.set(file, m);
  }
  return m ?? undefined;
}

function workspaceAt(dir: string): Workspace | undefined {
  const read: string[] = [];
  const patterns: string[] = [];
  const pkgFile = join(dir, 'package.json');
  // a workspace root has a package.json (pnpm and lerna require one): one stat per folder, which
  // packageRootOf shares, instead of three
  if (!isFile(pkgFile)) return undefined;
  const pkg = manifest(pkgFile);
  if (pkg) {
    const w = pkg.workspaces;
    // Pattern: "workspaces": ["packages/*"]  |  "workspaces": { "packages": ["packages/*"], "nohoist": [...] }
    const list = Array.isArray(w) ? w : w && typeof w === 'object' ? (w as { packages?: unknown }).packages : undefined;
    if (Array.isArray(list)) patterns.push(...list.filter((p): p is string => typeof p === 'string'));
  }
  const pnpm = join(dir, 'pnpm-workspace.yaml');
  const pnpmText = readText(pnpm);
  if (pnpmText !== undefined) {
    read.push(pnpm);
    const data = parseYaml(pnpm, pnpmText);
    const list = data && typeof data === 'object' ? (data as { packages?: unknown }).packages : undefined;
    if (Array.isArray(list)) patterns.push(...list.filter((p): p is string => typeof p === 'string'));
  }
  const lerna = join(dir, 'lerna.json');
  const lernaText = readText(lerna);
  if (lernaText !== undefined) {
    read.push(lerna);
    let data: unknown;
    try {
      data = JSON.parse(lernaText);
    } catch (e) {
      noteProblem(lerna, `malformed JSON (${(e as Error).message}); its packages are not followed`);
    }
    const list = data && typeof data === 'object' ? (data as { packages?: unknown }).packages : undefined;
    if (Array.isArray(list)) patterns.push(...list.filter((p): p is string => typeof p === 'string'));
    // lerna's default when neither it nor package.json lists packages
    else if (patterns.length === 0) patterns.push('packages/*');
  }
  if (patterns.length === 0) return undefined;
  read.unshift(pkgFile);
  const packages = new Map<string, string>();
  const names = new Map<string, string>();
  for (const folder of expandWorkspacePatterns(dir, patterns)) {
    const file = join(folder, 'package.json');
    const m = folder === dir ? undefined : manifest(file);
    if (!m) continue;
    read.push(file);
    // the first folder of a name wins (sorted order), as a duplicate name is an error to every package manager
    if (typeof m.name === 'string' && m.name && !packages.has(m.name)) {
      packages.set(m.name, folder);
      names.set(folder, m.name);
    }
  }
  return { root: dir, packages, names, read };
}

function parseYaml(file: string, text: string): unknown {
  let yaml: typeof import('yaml');
  try {
    // required on first use (dist/yaml.js beside the CLI bundle): the CLI loads no YAML parser for
    // the many projects without pnpm
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    yaml = require('yaml') as typeof import('yaml');
  } catch (e) {
    noteProblem(file, `cannot be read, cachelint's YAML parser did not load (${(e as Error).message.split('\n')[0]}); its packages are not followed`);
    return undefined;
  }
  try {
    return yaml.parse(text);
  } catch (e) {
    noteProblem(file, `malformed YAML (${(e as Error).message.split('\n')[0]}); its packages are not followed`);
    return undefined;
  }
}

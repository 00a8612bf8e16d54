// File discovery (engine/files.ts) and the cache-manager version lookup (engine/packages.ts):
// the engine parts that read the disk.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync, type Dirent } from 'node:fs';
import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compileIgnore, globToRegExp, ignoredBy, listFiles } from '../src/engine/files';
import { cacheManagerMajor, majorOfRange } from '../src/engine/packages';
import { clearModuleLayout, isDir, isFile, knowListing } from '../src/model/modules/disk';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A temp tree from `{ 'a/b.ts': 'text' }`; returns its root. */
function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'cachelint-files-'));
  dirs.push(root);
  for (const [p, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, p)), { recursive: true });
    writeFileSync(join(root, p), text);
  }
  return root;
}

const rel = (root: string, files: string[]) => files.map((f) => f.slice(root.length + 1));

describe('globToRegExp', () => {
  it.each([
    ['*.ts', 'a.ts', true],
    ['*.ts', 'src/a.ts', false],
    ['src/**/*.ts', 'src/a.ts', true],
    ['src/**/*.ts', 'src/x/y/a.ts', true],
    ['**/gen/**', 'a/gen/b/c.ts', true],
    ['a?.ts', 'ab.ts', true],
    ['a?.ts', 'a/.ts', false],
    ['[!a]*.ts', 'b.ts', true],
    ['[!a]*.ts', 'a.ts', false],
    ['*.{ts,tsx}', 'a.tsx', true],
    ['*.{ts,tsx}', 'a.js', false],
    ['a.ts', 'aXts', false],
    // `**/` skips whole folders, never part of a name (as git: `node_modules` ignores no `xnode_modules`)
    ['**/node_modules', 'xnode_modules', false],
    ['**/gen/**', 'a/xgen/b.ts', false],
    ['src/**/gen', 'src/a/bgen', false],
  ])('%s matches %s: %s', (glob, path, expected) => {
    expect(globToRegExp(glob, { braces: true }).test(path)).toBe(expected);
  });
});

describe('glob shortcuts', () => {
  // the shapes tested with string operations must answer exactly as the automaton does
  const globs = ['**/node_modules', '**/*.log', '**/*.d.ts', 'coverage', 'a/b.ts', 'dist/**', '**/.env', '**/x*', 'src/**/*.ts', '**/a/b', 'dist/'];
  const paths = ['node_modules', 'a/node_modules', 'a/node_modules/b', 'xnode_modules', 'x.log', 'a/x.log', '.log', 'a/.log', 'a.log/b', 'x.d.ts', 'a/b/x.d.ts', 'coverage', 'a/coverage', 'a/b.ts', 'b/a/b.ts', 'dist/', 'dist/a', 'dist/a/b', 'dist', 'distx/a', '.env', 'a/.env', 'a/.envx', 'x', 'xy', 'a/xy', 'src/a.ts', 'a/b', 'c/a/b', 'a/bb', ''];
  it.each(globs)('%s', (glob) => {
    const fast = globToRegExp(glob);
    const exact = globToRegExp(glob, { automaton: true });
    for (const path of paths) expect([path, fast.test(path)]).toEqual([path, exact.test(path)]);
  });
});

describe('gitignore matching', () => {
  const m = compileIgnore(['# comment', '*.gen.ts', '/root-only.ts', 'build-out/', 'logs/**', '!keep.gen.ts', 'a/**/z.ts'], '/r');
  it.each([
    ['/r/x.gen.ts', false, true],
    ['/r/deep/x.gen.ts', false, true],
    ['/r/keep.gen.ts', false, false],
    ['/r/root-only.ts', false, true],
    ['/r/sub/root-only.ts', false, false],
    ['/r/sub/build-out', true, true],
    ['/r/sub/build-out', false, false],
    ['/r/logs/x.ts', false, true],
    ['/r/a/z.ts', false, true],
    ['/r/a/b/c/z.ts', false, true],
    ['/other/x.gen.ts', false, false],
  ])('%s (dir: %s) ignored: %s', (path, isDir, expected) => {
    expect(ignoredBy([m], path, isDir)).toBe(expected);
  });

  it('lets a deeper file re-include what an outer one ignored', () => {
    const outer = compileIgnore(['*.gen.ts'], '/r');
    const inner = compileIgnore(['!*.gen.ts'], '/r/sub');
    expect(ignoredBy([outer, inner], '/r/sub/a.gen.ts', false)).toBe(false);
    expect(ignoredBy([outer, inner], '/r/a.gen.ts', false)).toBe(true);
  });
});

describe('listFiles', () => {
  it('expands folders to sorted source files, skipping .d.ts, other extensions and build folders', () => {
    const root = tree({
      'src/b.ts': '',
      'src/a.tsx': '',
      'src/c.mjs': '',
      'src/types.d.ts': '',
      'src/readme.md': '',
      'node_modules/x/index.js': '',
      'dist/out.js': '',
      'coverage/x.js': '',
      '.next/x.js': '',
      'lib/z.cts': '',
    });
    const { files, notices } = listFiles(['.'], { cwd: root });
    expect(rel(root, files)).toEqual(['lib/z.cts', 'src/a.tsx', 'src/b.ts', 'src/c.mjs']);
    expect(notices).toEqual([]);
  });

  it('honours nested .gitignore files with negation and folder-only patterns', () => {
    const root = tree({
      '.git/HEAD': '',
      '.gitignore': 'generated/\n*.gen.ts\n',
      'src/a.ts': '',
      'src/x.gen.ts': '',
      'src/generated/b.ts': '',
      'pkg/.gitignore': '!*.gen.ts\nlocal.ts\n',
      'pkg/y.gen.ts': '',
      'pkg/local.ts': '',
      'pkg/other.ts': '',
    });
    expect(rel(root, listFiles(['.'], { cwd: root }).files)).toEqual(['pkg/other.ts', 'pkg/y.gen.ts', 'src/a.ts']);
    // started below the repository root, the root's .gitignore still applies
    expect(rel(root, listFiles(['src'], { cwd: root }).files)).toEqual(['src/a.ts']);
  });

  it('always includes explicitly named files, even ignored ones', () => {
    const root = tree({ '.gitignore': '*.gen.ts\n', 'node_modules/m/x.ts': '', 'a.gen.ts': '' });
    const { files } = listFiles(['a.gen.ts', 'node_modules/m/x.ts'], { cwd: root });
    expect(rel(root, files)).toEqual(['a.gen.ts', 'node_modules/m/x.ts']);
  });

  it('applies the ignore predicate to files and to folders (with a trailing separator)', () => {
    const root = tree({ 'src/a.ts': '', 'src/skip/b.ts': '', 'src/c.ts': '' });
    const seen: string[] = [];
    const { files } = listFiles(['.'], {
      cwd: root,
      ignore: (p) => {
        seen.push(p);
        return p.endsWith('/skip/') || p.endsWith('c.ts');
      },
    });
    expect(rel(root, files)).toEqual(['src/a.ts']);
    expect(seen).not.toContain(join(root, 'src/skip/b.ts'));
  });

  it('expands a quoted glob', () => {
    const root = tree({ 'src/a.ts': '', 'src/x/b.ts': '', 'src/c.js': '', 'test/d.ts': '' });
    expect(rel(root, listFiles(['src/**/*.ts'], { cwd: root }).files)).toEqual(['src/a.ts', 'src/x/b.ts']);
  });

  it('survives a symlink loop and does not list a linked folder twice', () => {
    const root = tree({ 'src/a.ts': '' });
    symlinkSync(root, join(root, 'src', 'loop'));
    symlinkSync(join(root, 'src'), join(root, 'again'));
    symlinkSync(join(root, 'nowhere'), join(root, 'dangling.ts'));
    const { files } = listFiles(['.'], { cwd: root });
    expect(rel(root, files)).toEqual(['src/a.ts']);
  });

  it('reports an unreadable folder and goes on', () => {
    const root = tree({ 'ok/a.ts': '', 'locked/b.ts': '' });
    const readdir = (dir: string): Dirent[] => {
      if (dir.endsWith('locked')) throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
      return readdirSync(dir, { withFileTypes: true });
    };
    const { files, notices } = listFiles(['.'], { cwd: root, readdir });
    expect(rel(root, files)).toEqual(['ok/a.ts']);
    expect(notices).toEqual([`Cannot read directory ${join(root, 'locked')}: EACCES`]);
  });

  it('notes a path that does not exist', () => {
    const root = tree({ 'a.ts': '' });
    const { files, notices } = listFiles(['missing', 'a.ts'], { cwd: root });
    expect(rel(root, files)).toEqual(['a.ts']);
    expect(notices).toEqual(['No files matching the pattern "missing" were found.']);
  });
});

describe('cache-manager major version', () => {
  it.each([
    ['^5.2.0', 5],
    ['~4', 4],
    ['4.x', 4],
    ['=5.1.0', 5],
    ['v6.0.0', 6],
    ['5.0.0 - 5.4.0', 5],
    ['^5 || ~5.1', 5],
    ['npm:cache-manager@^5.7.0', 5],
    ['workspace:^7', 7],
    ['>=4', undefined],
    ['^4 || ^5', undefined],
    ['latest', undefined],
    ['*', undefined],
    ['github:foo/bar', undefined],
  ])('%s → %s', (range, major) => {
    expect(majorOfRange(range)).toBe(major);
  });

  it('reads the nearest package.json that lists cache-manager, preferring the installed version', () => {
    const root = tree({
      'package.json': JSON.stringify({ dependencies: { 'cache-manager': '^4.1.0' } }),
      'apps/api/package.json': JSON.stringify({ name: 'api', dependencies: { express: '^4' } }),
      'apps/api/src/a.ts': '',
      'apps/web/package.json': JSON.stringify({ devDependencies: { 'cache-manager': '^5.0.0' } }),
      'apps/web/node_modules/cache-manager/package.json': JSON.stringify({ version: '6.1.0' }),
      'apps/web/src/b.ts': '',
      'apps/peer/package.json': JSON.stringify({ peerDependencies: { 'cache-manager': 'latest' } }),
      'apps/peer/c.ts': '',
    });
    expect(cacheManagerMajor(join(root, 'apps/api/src/a.ts'))).toBe(4); // the root lists it
    expect(cacheManagerMajor(join(root, 'apps/web/src/b.ts'))).toBe(6); // installed wins over ^5
    expect(cacheManagerMajor(join(root, 'apps/peer/c.ts'))).toBeUndefined();
  });

  it('is undefined when no package.json lists it', () => {
    const root = tree({ 'package.json': '{"dependencies":{"ioredis":"^5"}}', 'a.ts': '' });
    expect(cacheManagerMajor(join(root, 'a.ts'))).toBeUndefined();
  });
});

describe('listings the disk cache takes (CLI)', () => {
  it("answers probes in a listed folder from its entries, each folder's before its ignore check", () => {
    const root = mkdtempSync(join(tmpdir(), 'cachelint-listing-'));
    try {
      mkdirSync(join(root, 'src/inner'), { recursive: true });
      writeFileSync(join(root, 'src/inner/a.ts'), 'export const a = 1;\n');
      writeFileSync(join(root, 'src/tsconfig.json'), '{}');
      symlinkSync(join(root, 'src/tsconfig.json'), join(root, 'src/linked.json'));
      const order: string[] = [];
      const listed = new Map<string, readonly Dirent[]>();
      const out = listFiles(['.'], {
        cwd: root,
        onListing: (dir, entries) => (order.push(`list ${dir}`), listed.set(dir, entries)),
        ignore: (p) => (p.endsWith('/') && order.push(`ignore ${p}`), false),
      });
      expect(out.files).toEqual([join(root, 'src/inner/a.ts')]);
      // a folder's entries are known before its config (looked for inside it) decides on it
      expect(order.indexOf(`list ${join(root, 'src/inner')}`)).toBeLessThan(order.indexOf(`ignore ${join(root, 'src/inner')}/`));
      clearModuleLayout();
      for (const [dir, entries] of listed) knowListing(dir, entries);
      // the disk is changed behind the listing's back: answers come from the listing
      writeFileSync(join(root, 'src/jsconfig.json'), '{}');
      rmSync(join(root, 'src/tsconfig.json'));
      expect(isFile(join(root, 'src/jsconfig.json'))).toBe(false);
      expect(isFile(join(root, 'src/tsconfig.json'))).toBe(true);
      expect(isDir(join(root, 'src/inner'))).toBe(true);
      // below a name the listing lacks: nothing, without a stat
      expect(isFile(join(root, 'src/node_modules/cache-manager/package.json'))).toBe(false);
      // a link is the disk's to answer (its target is gone now)
      expect(isFile(join(root, 'src/linked.json'))).toBe(false);
    } finally {
      clearModuleLayout();
      rmSync(root, { recursive: true, force: true });
    }
  });
});

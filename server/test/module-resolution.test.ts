// Module resolution as TypeScript does it (model/modules): tsconfig paths/baseUrl/rootDirs/
// references/extends, jsconfig, workspace packages (npm, yarn, pnpm, lerna) resolved to their
// source through exports/main/types, package.json imports, and the fallback guesses where no config
// governs. Every case is a small project written to a temporary folder; `files` is the analysed set.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isProjectModuleIn } from '../src/config';
import { createConfigLoader } from '../src/config-load';
import { clearModuleLayout, layoutProblems } from '../src/model/modules/disk';
import { moduleLayoutKey, projectModulesFor } from '../src/model/modules/project-modules';
import { ModuleResolver } from '../src/model/resolve';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const SOURCE = /\.(?:[mc]?[jt]s|[jt]sx)$/;

/** Writes a project; returns its root and a resolver over its source files (not .d.ts, not node_modules, not dist). */
function project(files: Record<string, string | object>, opts: { analysed?: (p: string) => boolean; extra?: string[] } = {}) {
  const root = mkdtempSync(join(tmpdir(), 'cachelint-modules-'));
  dirs.push(root);
  const analysed = new Set<string>();
  for (const [p, content] of Object.entries(files)) {
    const file = join(root, p);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
    const isSource = SOURCE.test(p) && !p.endsWith('.d.ts') && !p.split('/').includes('node_modules') && !p.split('/').includes('dist');
    if (opts.analysed ? opts.analysed(p) : isSource) analysed.add(file);
  }
  for (const p of opts.extra ?? []) analysed.add(join(root, p));
  const resolver = new ModuleResolver(analysed);
  const at = (p: string) => join(root, p);
  /** what `spec` resolves to from `from`, relative to the root */
  const res = (from: string, spec: string) => {
    const r = resolver.resolve(at(from), spec);
    return r === undefined ? undefined : r.slice(root.length + 1);
  };
  return { root, at, res, resolver };
}

const TS = 'export const x = 1;\n';

describe('workspace packages', () => {
  const pkg = (name: string, extra: object = {}) => ({ name, version: '1.0.0', ...extra });

  it('npm workspaces (array form): main/types in dist/ map back to src/, subpaths too', () => {
    const { res } = project({
      'package.json': { name: 'root', private: true, workspaces: ['packages/*'] },
      'packages/db/package.json': pkg('@acme/db', { main: 'dist/index.js', types: 'dist/index.d.ts' }),
      'packages/db/src/index.ts': TS,
      'packages/db/src/redisClient.ts': TS,
      'packages/api/package.json': pkg('@acme/api'),
      'packages/api/src/users.ts': TS,
    });
    expect(res('packages/api/src/users.ts', '@acme/db')).toBe('packages/db/src/index.ts');
    expect(res('packages/api/src/users.ts', '@acme/db/redisClient')).toBe('packages/db/src/redisClient.ts');
    expect(res('packages/api/src/users.ts', '@acme/db/nothing')).toBeUndefined();
    expect(res('packages/api/src/users.ts', '@acme/unknown')).toBeUndefined();
  });

  it('yarn workspaces (object form) with ** globs and negations', () => {
    const { res } = project({
      'package.json': { private: true, workspaces: { packages: ['apps/**', '!apps/legacy'], nohoist: ['**/x'] } },
      'apps/web/package.json': pkg('web'),
      'apps/web/src/page.ts': TS,
      'apps/services/cache/package.json': pkg('@acme/cache', { main: './lib/index.js' }),
      'apps/services/cache/src/index.ts': TS,
      'apps/legacy/package.json': pkg('@acme/legacy', { main: 'index.ts' }),
      'apps/legacy/index.ts': TS,
    });
    expect(res('apps/web/src/page.ts', '@acme/cache')).toBe('apps/services/cache/src/index.ts');
    expect(res('apps/web/src/page.ts', '@acme/legacy')).toBeUndefined();
  });

  it('pnpm-workspace.yaml', () => {
    const { res } = project({
      'package.json': { name: 'root', private: true },
      'pnpm-workspace.yaml': "packages:\n  - 'packages/*'\n  # tools are not packages\n  - '!packages/tools'\n",
      'packages/cache/package.json': pkg('@acme/cache', { types: './build/index.d.ts' }),
      'packages/cache/src/index.ts': TS,
      'packages/api/package.json': pkg('@acme/api', { dependencies: { '@acme/cache': 'workspace:*' } }),
      'packages/api/src/a.ts': TS,
    });
    expect(res('packages/api/src/a.ts', '@acme/cache')).toBe('packages/cache/src/index.ts');
  });

  it('lerna.json packages (and lerna’s default packages/* without a list)', () => {
    const listed = project({
      'package.json': { name: 'root', private: true },
      'lerna.json': { version: 'independent', packages: ['modules/*'] },
      'modules/keys/package.json': pkg('@acme/keys', { main: 'dist/index.js' }),
      'modules/keys/src/index.ts': TS,
      'modules/api/package.json': pkg('@acme/api'),
      'modules/api/index.ts': TS,
    });
    expect(listed.res('modules/api/index.ts', '@acme/keys')).toBe('modules/keys/src/index.ts');
    const byDefault = project({
      'package.json': { name: 'root', private: true },
      'lerna.json': { version: '1.0.0' },
      'packages/keys/package.json': pkg('@acme/keys'),
      'packages/keys/index.ts': TS,
      'packages/api/index.ts': TS,
    });
    expect(byDefault.res('packages/api/index.ts', '@acme/keys')).toBe('packages/keys/index.ts');
  });

  it('exports maps with conditions and subpaths point at build output; the source is found', () => {
    const { res } = project({
      'package.json': { private: true, workspaces: ['packages/*'] },
      'packages/db/package.json': pkg('@acme/db', {
        main: 'dist/index.js',
        types: 'dist/index.d.ts',
        exports: {
          '.': { types: './dist/index.d.ts', import: './dist/index.mjs', require: './dist/index.cjs' },
          './redisClient': { import: { types: './dist/esm/redis-client.d.mts', default: './dist/esm/redis-client.mjs' }, require: './dist/cjs/redis-client.cjs' },
          './keys/*': './dist/keys/*.js',
          './package.json': './package.json',
        },
      }),
      'packages/db/src/index.ts': TS,
      'packages/db/src/redis-client.mts': TS,
      'packages/db/src/keys/users.ts': TS,
      // not exported: the exports map hides it although the file exists
      'packages/db/src/internal.ts': TS,
      'packages/api/package.json': pkg('@acme/api'),
      'packages/api/src/a.ts': TS,
    });
    expect(res('packages/api/src/a.ts', '@acme/db')).toBe('packages/db/src/index.ts');
    expect(res('packages/api/src/a.ts', '@acme/db/redisClient')).toBe('packages/db/src/redis-client.mts');
    expect(res('packages/api/src/a.ts', '@acme/db/keys/users')).toBe('packages/db/src/keys/users.ts');
    expect(res('packages/api/src/a.ts', '@acme/db/internal')).toBeUndefined();
  });

  it('a package whose exports point straight at its TypeScript source', () => {
    const { res } = project({
      'package.json': { private: true, workspaces: ['libs/*'] },
      'libs/cache/package.json': pkg('@acme/cache', { exports: { '.': './src/index.ts', './ttl': './src/ttl.ts' } }),
      'libs/cache/src/index.ts': TS,
      'libs/cache/src/ttl.ts': TS,
      'app.ts': TS,
    });
    expect(res('app.ts', '@acme/cache')).toBe('libs/cache/src/index.ts');
    expect(res('app.ts', '@acme/cache/ttl')).toBe('libs/cache/src/ttl.ts');
  });

  it('the package’s own tsconfig outDir/rootDir maps the build back to the source', () => {
    const { res } = project({
      'package.json': { private: true, workspaces: ['packages/*'] },
      'packages/keys/package.json': pkg('@acme/keys', { main: 'out/main.js' }),
      'packages/keys/tsconfig.json': { compilerOptions: { outDir: 'out', rootDir: 'source' } },
      'packages/keys/source/main.ts': TS,
      'packages/api/a.ts': TS,
    });
    expect(res('packages/api/a.ts', '@acme/keys')).toBe('packages/keys/source/main.ts');
  });

  it('a workspace package linked in node_modules; an installed copy loses to the workspace map', () => {
    const { res } = project({
      'package.json': { private: true, workspaces: ['packages/*'] },
      'packages/cache/package.json': pkg('@acme/cache', { types: 'dist/index.d.ts' }),
      'packages/cache/src/index.ts': TS,
      'packages/api/package.json': pkg('api'),
      'packages/api/src/a.ts': TS,
      // a stale published copy under the consumer: not analysed, and not where the source is
      'packages/api/node_modules/@acme/cache/package.json': pkg('@acme/cache', { types: 'dist/index.d.ts' }),
      'packages/api/node_modules/@acme/cache/dist/index.d.ts': 'export declare const x: number;\n',
    });
    expect(res('packages/api/src/a.ts', '@acme/cache')).toBe('packages/cache/src/index.ts');
  });

  it('a specifier that resolves into node_modules is not an analysed file', () => {
    const { res, resolver, at } = project({
      'package.json': { name: 'app', dependencies: { ioredis: '^5' } },
      'tsconfig.json': { compilerOptions: { paths: { '*': ['./node_modules/*', './types/*'] } } },
      'node_modules/ioredis/package.json': { name: 'ioredis', main: 'built/index.js', types: 'built/index.d.ts' },
      'node_modules/ioredis/built/index.d.ts': 'export default class Redis {}\n',
      'node_modules/ioredis/built/index.js': 'module.exports = {};\n',
      'src/a.ts': TS,
    });
    expect(res('src/a.ts', 'ioredis')).toBeUndefined();
    expect(res('src/a.ts', '@nestjs/common')).toBeUndefined();
    // a dependency is not a project module, even where `*` paths send every name to the compiler
    expect(resolver.isProjectSpecifier(at('src/a.ts'), 'ioredis')).toBe(true);
    expect(projectModulesFor(at('src/a.ts'))).not.toContain('ioredis');
  });
});

describe('tsconfig', () => {
  it('paths from an extended base config in the repository root (relative to the base)', () => {
    const { res } = project({
      'tsconfig.base.json': { compilerOptions: { paths: { '@cache/*': ['./libs/cache/src/*'], '@keys': ['./libs/keys/index.ts'] } } },
      'apps/api/tsconfig.json': { extends: '../../tsconfig.base.json', compilerOptions: { strict: true } },
      'apps/api/src/users.ts': TS,
      'libs/cache/src/client.ts': TS,
      'libs/keys/index.ts': TS,
    });
    expect(res('apps/api/src/users.ts', '@cache/client')).toBe('libs/cache/src/client.ts');
    expect(res('apps/api/src/users.ts', '@keys')).toBe('libs/keys/index.ts');
    expect(res('apps/api/src/users.ts', '@cache/missing')).toBeUndefined();
  });

  it('extends a config in a node_modules package (and an array of bases)', () => {
    const { res, at } = project({
      'node_modules/@acme/tsconfig/package.json': { name: '@acme/tsconfig', version: '1.0.0' },
      'node_modules/@acme/tsconfig/base.json': { compilerOptions: { baseUrl: '../../..', paths: { '@infra/*': ['src/infrastructure/*'] } } },
      'node_modules/@tsconfig/node20/tsconfig.json': { compilerOptions: { module: 'node16', moduleResolution: 'node16', target: 'es2022' } },
      'tsconfig.json': { extends: ['@tsconfig/node20/tsconfig.json', '@acme/tsconfig/base.json'] },
      'src/infrastructure/redis.ts': TS,
      'src/users.ts': TS,
    });
    expect(res('src/users.ts', '@infra/redis')).toBe('src/infrastructure/redis.ts');
    expect(projectModulesFor(at('src/users.ts'))).toContain('@infra/*');
  });

  it('baseUrl: a bare path under it is a project module', () => {
    const { res, resolver, at } = project({
      'tsconfig.json': { compilerOptions: { baseUrl: '.' } },
      'src/cache/keys.ts': TS,
      'src/users/service.ts': TS,
    });
    expect(res('src/users/service.ts', 'src/cache/keys')).toBe('src/cache/keys.ts');
    expect(resolver.isProjectSpecifier(at('src/users/service.ts'), 'src/cache/keys')).toBe(true);
    expect(resolver.isProjectSpecifier(at('src/users/service.ts'), 'lodash')).toBe(false);
    expect(projectModulesFor(at('src/users/service.ts'))).toEqual(expect.arrayContaining(['src', 'src/*']));
  });

  it('a module named with a dot (`@util/constants.events`) beside `constants.ts` is that module', () => {
    const { res } = project({
      'tsconfig.json': { compilerOptions: { baseUrl: '.', module: 'commonjs', moduleResolution: 'node', paths: { '@util/*': ['./src/util/*'] } } },
      'src/util/constants.ts': TS,
      'src/util/constants.events.ts': TS,
      'src/repo/growth.ts': TS,
    });
    expect(res('src/repo/growth.ts', '@util/constants.events')).toBe('src/util/constants.events.ts');
    expect(res('src/repo/growth.ts', '@util/constants')).toBe('src/util/constants.ts');
    expect(res('src/repo/growth.ts', '../util/constants.events')).toBe('src/util/constants.events.ts');
  });

  it('rootDirs: a relative import across virtual roots', () => {
    const { res } = project({
      'tsconfig.json': { compilerOptions: { rootDirs: ['src', 'generated'] } },
      'src/users/service.ts': TS,
      'generated/users/keys.ts': TS,
    });
    expect(res('src/users/service.ts', './keys')).toBe('generated/users/keys.ts');
  });

  it('project references: the referenced project that includes the file governs it', () => {
    const { res, at } = project({
      'tsconfig.json': { files: [], references: [{ path: './tsconfig.app.json' }, { path: './tools' }] },
      'tsconfig.app.json': { compilerOptions: { paths: { '~cache/*': ['./src/cache/*'] } }, include: ['src'] },
      'tools/tsconfig.json': { compilerOptions: { paths: { '~cache/*': ['./fake/*'] } } },
      'tools/fake/keys.ts': TS,
      'tools/run.ts': TS,
      'src/cache/keys.ts': TS,
      'src/users.ts': TS,
    });
    expect(res('src/users.ts', '~cache/keys')).toBe('src/cache/keys.ts');
    expect(res('tools/run.ts', '~cache/keys')).toBe('tools/fake/keys.ts');
    expect(projectModulesFor(at('src/users.ts'))).toContain('~cache/*');
  });

  it('a config that does not include the file is passed over', () => {
    const { res } = project({
      'tsconfig.json': { compilerOptions: { paths: { '@/*': ['./nowhere/*'] } }, include: ['server'] },
      'scripts/seed.ts': TS,
      'scripts/cache/keys.ts': TS,
    });
    // no config governs scripts/: the fallback guess finds the one file ending in cache/keys
    expect(res('scripts/seed.ts', '@/cache/keys')).toBe('scripts/cache/keys.ts');
  });

  it('jsconfig.json in a JavaScript project', () => {
    const { res, at } = project({
      'jsconfig.json': { compilerOptions: { baseUrl: '.', paths: { '@lib/*': ['lib/*'] } } },
      'lib/redis.js': TS,
      'lib/keys/index.js': TS,
      'routes/users.js': TS,
    });
    expect(res('routes/users.js', '@lib/redis')).toBe('lib/redis.js');
    expect(res('routes/users.js', '@lib/keys')).toBe('lib/keys/index.js');
    expect(projectModulesFor(at('routes/users.js'))).toEqual(expect.arrayContaining(['@lib/*', 'lib', 'lib/*', 'routes']));
  });

  it('.js extensions of .ts files, index files, directory imports', () => {
    const { res } = project({
      'tsconfig.json': { compilerOptions: { module: 'commonjs' } },
      'src/cache/keys.ts': TS,
      'src/cache/index.ts': TS,
      'src/esm/keys.mts': TS,
      'src/users.ts': TS,
    });
    expect(res('src/users.ts', './cache/keys.js')).toBe('src/cache/keys.ts');
    expect(res('src/users.ts', './cache')).toBe('src/cache/index.ts');
    expect(res('src/users.ts', './cache/index.js')).toBe('src/cache/index.ts');
    expect(res('src/users.ts', './esm/keys.mjs')).toBe('src/esm/keys.mts');
    expect(res('src/users.ts', './nothing')).toBeUndefined();
  });

  it('Node16/NodeNext is kept: exports conditions follow the importing file’s format', () => {
    const { res } = project({
      'tsconfig.json': { compilerOptions: { module: 'nodenext' } },
      'package.json': { name: 'app', type: 'module', workspaces: ['packages/*'] },
      'packages/kv/package.json': { name: 'kv', exports: { '.': { import: './src/esm.ts', require: './src/cjs.ts' } } },
      'packages/kv/src/esm.ts': TS,
      'packages/kv/src/cjs.ts': TS,
      'src/a.ts': TS,
      'src/b.cts': TS,
      'src/keys.ts': TS,
    });
    expect(res('src/a.ts', 'kv')).toBe('packages/kv/src/esm.ts');
    expect(res('src/b.cts', 'kv')).toBe('packages/kv/src/cjs.ts');
    expect(res('src/a.ts', './keys.js')).toBe('src/keys.ts');
    // an error to tsc in an ESM file, still the file the author meant
    expect(res('src/a.ts', './keys')).toBe('src/keys.ts');
  });

  it('package.json imports (#cache)', () => {
    const { res, at } = project({
      'tsconfig.json': { compilerOptions: { module: 'preserve' } },
      'package.json': { name: 'app', imports: { '#cache': './src/infra/cache.ts', '#keys/*': { types: './dist/keys/*.d.ts', default: './dist/keys/*.js' } } },
      'src/infra/cache.ts': TS,
      'src/keys/users.ts': TS,
      'src/a.ts': TS,
    });
    expect(res('src/a.ts', '#cache')).toBe('src/infra/cache.ts');
    expect(res('src/a.ts', '#keys/users')).toBe('src/keys/users.ts');
    expect(res('src/a.ts', '#nothing')).toBeUndefined();
    expect(projectModulesFor(at('src/a.ts'))).toEqual(expect.arrayContaining(['#cache', '#keys/*']));
  });

  it('with a tsconfig, the old alias guesses are off; without one they stay', () => {
    const withConfig = project({ 'tsconfig.json': { compilerOptions: {} }, 'src/cache/keys.ts': TS, 'src/a.ts': TS });
    expect(withConfig.res('src/a.ts', '@/cache/keys')).toBeUndefined();
    expect(withConfig.resolver.isProjectSpecifier(withConfig.at('src/a.ts'), '@/cache/keys')).toBe(false);
    const without = project({ 'src/cache/keys.ts': TS, 'src/a.ts': TS });
    expect(without.res('src/a.ts', '@/cache/keys')).toBe('src/cache/keys.ts');
    expect(without.res('src/a.ts', '~/cache/keys')).toBe('src/cache/keys.ts');
    expect(without.resolver.isProjectSpecifier(without.at('src/a.ts'), '@/cache/keys')).toBe(true);
    expect(projectModulesFor(without.at('src/a.ts'))).toEqual(['#*', '@/*', 'src/*', '~/*']);
  });
});

describe("a framework's generated tsconfig, missing from the checkout", () => {
  it('SvelteKit: $lib and the string aliases of svelte.config.js', () => {
    const { res, at } = project({
      'tsconfig.json': { extends: './.svelte-kit/tsconfig.json' },
      'svelte.config.js': "export default { kit: { alias: { $components: 'src/components', '$db/*': 'src/server/db/*' } } };\n",
      'src/lib/server/cache.ts': TS,
      'src/components/Nav.ts': TS,
      'src/server/db/users.ts': TS,
      'src/routes/+page.server.ts': TS,
    });
    expect(res('src/routes/+page.server.ts', '$lib/server/cache')).toBe('src/lib/server/cache.ts');
    expect(res('src/routes/+page.server.ts', '$components/Nav')).toBe('src/components/Nav.ts');
    expect(res('src/routes/+page.server.ts', '$db/users')).toBe('src/server/db/users.ts');
    expect(isProjectModuleIn({ projectModules: projectModulesFor(at('src/routes/+page.server.ts')) }, '$lib/server/cache')).toBe(true);
    // the framework's own modules are no aliases of the project
    expect(res('src/routes/+page.server.ts', '$app/stores')).toBeUndefined();
  });

  it('Nuxt 4: ~ and @ are the app/ folder, ~~ and @@ the root (its server too)', () => {
    const { res } = project({
      'tsconfig.json': { extends: './.nuxt/tsconfig.json' },
      'server/tsconfig.json': { extends: '../.nuxt/tsconfig.server.json' },
      'app/app.vue': '<template><div /></template>\n',
      'app/composables/useCart.ts': TS,
      'server/utils/redis.ts': TS,
      'server/api/cart.get.ts': TS,
    });
    expect(res('app/composables/useCart.ts', '~/composables/useCart')).toBe('app/composables/useCart.ts');
    expect(res('server/api/cart.get.ts', '~~/server/utils/redis')).toBe('server/utils/redis.ts');
    expect(res('server/api/cart.get.ts', '@@/server/utils/redis')).toBe('server/utils/redis.ts');
  });

  it('a generated config that is there is read as it is, and any other missing base adds nothing', () => {
    const { res } = project({
      'tsconfig.json': { extends: './.svelte-kit/tsconfig.json' },
      '.svelte-kit/tsconfig.json': { compilerOptions: { paths: { $lib: ['../src/shared'], '$lib/*': ['../src/shared/*'] } } },
      'src/shared/cache.ts': TS,
      'src/routes/page.ts': TS,
      'other/tsconfig.json': { extends: './.generated/tsconfig.json' },
      'other/src/lib/cache.ts': TS,
      'other/src/a.ts': TS,
    });
    expect(res('src/routes/page.ts', '$lib/cache')).toBe('src/shared/cache.ts');
    expect(res('other/src/a.ts', '$lib/cache')).toBeUndefined();
  });
});

describe('robustness', () => {
  it('an unparseable tsconfig, package.json and pnpm-workspace.yaml: no throw, named, fallback used', () => {
    const { res, at } = project({
      'tsconfig.json': '{ "compilerOptions": { "paths": { "@x/*": ["src/*"] } ',
      'package.json': '{ "name": "root", "workspaces": [',
      'pnpm-workspace.yaml': 'packages:\n  - "packages/*\n  bad: [',
      'packages/a/package.json': '{"name": "@acme/a"}',
      'packages/a/index.ts': TS,
      'src/cache/keys.ts': TS,
      'src/b.ts': TS,
    });
    expect(() => res('src/b.ts', '@acme/a')).not.toThrow();
    expect(res('src/b.ts', '@/cache/keys')).toBe('src/cache/keys.ts');
    expect(res('src/b.ts', './cache/keys')).toBe('src/cache/keys.ts');
    const problems = layoutProblems().join('\n');
    expect(problems).toContain(at('tsconfig.json'));
    expect(problems).toContain(at('package.json'));
    expect(problems).toContain(at('pnpm-workspace.yaml'));
    expect(() => createConfigLoader({ strict: true }).configFor(at('src/b.ts'))).not.toThrow();
  });

  it('extends cycles, a missing base, a JS "config", odd workspace patterns', () => {
    const { res } = project({
      'tsconfig.json': { extends: ['./a.json', './missing.json', './evil.js'], compilerOptions: { paths: { '@app/*': ['./src/*'] } } },
      'a.json': { extends: './b.json' },
      'b.json': { extends: './a.json' },
      'evil.js': "require('child_process').execSync('touch /tmp/nope')",
      'package.json': { workspaces: ['../outside/*', '/abs/*', '', 42, 'pkgs/[a-z]*', '**'] },
      'src/keys.ts': TS,
      'src/a.ts': TS,
    });
    expect(res('src/a.ts', '@app/keys')).toBe('src/keys.ts');
  });

  it('the editor’s unsaved file: in the analysed set, not on disk', () => {
    const { res } = project(
      {
        'tsconfig.json': { compilerOptions: { paths: { '@cache/*': ['./src/infra/cache/*'] } } },
        'package.json': { private: true, workspaces: ['packages/*'] },
        'packages/db/package.json': { name: '@acme/db', main: 'dist/index.js' },
        'src/users.ts': TS,
      },
      { extra: ['src/infra/cache/keys.ts', 'src/new-folder/helper.ts', 'packages/db/src/index.ts'] },
    );
    expect(res('src/users.ts', '@cache/keys')).toBe('src/infra/cache/keys.ts');
    expect(res('src/users.ts', './new-folder/helper')).toBe('src/new-folder/helper.ts');
    expect(res('src/users.ts', '@acme/db')).toBe('packages/db/src/index.ts');
  });

  it('the layout key changes with a tsconfig; the config loader fills projectModules', () => {
    const { root, at } = project({
      'tsconfig.json': { compilerOptions: { paths: { '@app/*': ['./src/*'] } } },
      'package.json': { private: true, workspaces: ['packages/*'] },
      'packages/cache/package.json': { name: '@acme/cache' },
      'src/a.ts': TS,
    });
    const before = moduleLayoutKey(at('src/a.ts'));
    const config = createConfigLoader().configFor(at('src/a.ts'));
    expect(config.projectModules).toEqual(['@acme/cache', '@acme/cache/*', '@app/*']);
    expect(isProjectModuleIn(config, '@acme/cache/redis')).toBe(true);
    expect(isProjectModuleIn(config, '@app/keys')).toBe(true);
    expect(isProjectModuleIn(config, '@acme/other')).toBe(false);
    expect(isProjectModuleIn(config, './keys')).toBe(true);
    writeFileSync(join(root, 'tsconfig.json'), JSON.stringify({ compilerOptions: { paths: { '@lib/*': ['./src/*'] } } }));
    clearModuleLayout();
    expect(moduleLayoutKey(at('src/a.ts'))).not.toBe(before);
    expect(createConfigLoader().configFor(at('src/a.ts')).projectModules).toEqual(['@acme/cache', '@acme/cache/*', '@lib/*']);
  });
});

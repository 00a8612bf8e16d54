// The aliases of a tsconfig that a framework writes at build time and a checkout lacks: SvelteKit's
// `.svelte-kit/tsconfig.json` (`$lib`, and the `kit.alias` entries of svelte.config.js) and Nuxt's
// `.nuxt/tsconfig.json` (`~`, `@`, `~~`, `@@`). A project extending one imports through those
// aliases everywhere (`import { redis } from '$lib/server/cache'`); without them every such import
// would look like a package's. svelte.config.js is read as text for string literals only, never run.
import { basename, dirname, join, resolve } from 'node:path';
import { isDir, isFile, readText } from './disk';

/** The aliases the missing generated config `ext` (as an `extends` of a config in `dir` names it) gives, absolute. */
export function generatedPaths(ext: string, dir: string): Record<string, string[]> | undefined {
  const file = resolve(dir, ext.endsWith('.json') ? ext : `${ext}.json`);
  const folder = basename(dirname(file));
  // (`./.svelte-kit/tsconfig.json`, or `../.nuxt/tsconfig.server.json` from server/tsconfig.json)
  if (folder === '.svelte-kit' && /^tsconfig\.json$/.test(basename(file))) return svelteKitPaths(dirname(dirname(file)));
  if (folder === '.nuxt' && /^tsconfig(\.\w+)?\.json$/.test(basename(file))) return nuxtPaths(dirname(dirname(file)));
  return undefined;
}

function alias(out: Record<string, string[]>, name: string, target: string): void {
  out[name] = [target];
  out[`${name}/*`] = [`${target}/*`];
}

/** `$lib` → src/lib, and `kit.alias` entries written as string literals (`$components: 'src/components'`). */
function svelteKitPaths(root: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  alias(out, '$lib', join(root, 'src', 'lib'));
  const config = ['svelte.config.js', 'svelte.config.mjs', 'svelte.config.ts'].map((f) => join(root, f)).find(isFile);
  const text = config && readText(config);
  const block = text && /\balias\s*:\s*\{([^{}]*)\}/.exec(text);
  if (block) {
    for (const m of block[1].matchAll(/['"]?(\$?[\w$@~#/-]+?)(?:\/\*)?['"]?\s*:\s*['"]([^'"]+)['"]/g)) {
      const target = m[2].replace(/\/\*$/, '');
      if (!target.startsWith('/') && !/^[a-z]+:/.test(target)) alias(out, m[1], resolve(root, target));
    }
  }
  return out;
}

/**
 * `~`/`@` → the source folder (Nuxt 4's `app/`, else the root), `~~`/`@@` → the root; the server
 * folder stays at the root either way (`~~/server/utils/redis`).
 */
function nuxtPaths(root: string): Record<string, string[]> {
  const app = join(root, 'app');
  const src = isDir(app) && (isFile(join(app, 'app.vue')) || isDir(join(app, 'pages')) || isDir(join(app, 'components'))) ? app : root;
  const out: Record<string, string[]> = {};
  alias(out, '~', src);
  alias(out, '@', src);
  alias(out, '~~', root);
  alias(out, '@@', root);
  return out;
}

// A private copy of the freshly built bundles (dist/*.js: server, CLI and any lazily required
// chunk such as facts.js), made under e2e/build.ts's build lock: a rebuild by another test file
// cannot change them mid-run, and a test's `ps` check can look for its own copy's path.
import { copyFileSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBuilt, REPO } from '../e2e/build';

export interface Bundles {
  dir: string;
  server: string;
  cli: string;
}

export function privateBundles(): Promise<Bundles> {
  return ensureBuilt(() => {
    const dir = mkdtempSync(join(tmpdir(), 'cachelint-bundles-'));
    for (const f of readdirSync(join(REPO, 'dist'))) if (f.endsWith('.js')) copyFileSync(join(REPO, 'dist', f), join(dir, f));
    return { dir, server: join(dir, 'server.js'), cli: join(dir, 'cli.js') };
  });
}

// The e2e tools: installed by install.sh (idempotent), the extension and the driver packaged as
// .vsix files the way users get them (esbuild bundles + `vsce package`, offline).
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { ensureBuilt, REPO } from './build';

export interface Tools {
  home: string;
  node24: string;
  codeServer: string;
  codeServerVersion: string;
  chromium: string;
  nvim: string;
}

const E2E_DIR = join(REPO, 'server', 'test', 'e2e');

/** Runs install.sh (progress on stderr) and returns the tool paths it prints. */
export function installTools(): Tools {
  const out = execFileSync('bash', [join(E2E_DIR, 'install.sh')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], timeout: 900_000 });
  return JSON.parse(out.trim().split('\n').pop()!) as Tools;
}

function vsce(cwd: string, out: string, ...extra: string[]): void {
  execFileSync(join(REPO, 'node_modules', '.bin', 'vsce'), ['package', '--no-dependencies', '--skip-license', ...extra, '-o', out], {
    cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** `vsce package` of the repository (after the build), as `npm run package` does: the .vsix a user installs. */
export function packageExtension(outDir: string): Promise<string> {
  const out = join(outDir, 'cachelint.vsix');
  return ensureBuilt(() => {
    // the Marketplace README is the user's (client/README.md), not the repository's
    vsce(REPO, out, '--readme-path', 'client/README.md');
    return out;
  });
}

/** Bundles the driver extension and packages it. */
export async function packageDriver(outDir: string): Promise<string> {
  const stage = join(outDir, 'driver');
  mkdirSync(stage, { recursive: true });
  await esbuild.build({
    entryPoints: [join(E2E_DIR, 'driver', 'extension.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    outfile: join(stage, 'extension.js'),
    logLevel: 'warning',
  });
  copyFileSync(join(E2E_DIR, 'driver', 'package.json'), join(stage, 'package.json'));
  writeFileSync(join(stage, 'README.md'), '# cachelint e2e driver\n\nTest-only extension that drives cachelint in code-server.\n');
  const out = join(outDir, 'driver.vsix');
  vsce(stage, out);
  return out;
}

// The CLI as it ships (dist/cli.js and its parser bundle dist/facts.js) against the sources. The
// parser bundle holds only the compiler's parser layer and the language service's node classes
// (esbuild.mjs keeps what the sources reach of TypeScript); every other test runs the sources over
// the whole compiler. Every fixture file parsed by both must give the same report.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runCli } from '../src/cli';
// registers the fact extractor, as the bundle's lazy load does
import '../src/facts/index';
import { bundledCli, REPO } from './e2e/build';

let shipped: string;
beforeAll(async () => {
  shipped = await bundledCli();
});
afterAll(() => {
  if (shipped) rmSync(dirname(shipped), { recursive: true, force: true });
});

it('reports on every fixture (each file parsed) exactly what the sources report', () => {
  const cwd = join(REPO, 'test-fixtures');
  const args = ['.', '--parse-all', '-f', 'json'];
  let fromSources = '';
  runCli(args, { cwd, stdout: (s) => (fromSources += s), stderr: () => {}, isTTY: false, env: {} });
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_DISABLE_COMPILE_CACHE: '1' };
  delete env.DEBUG;
  const r = spawnSync(process.execPath, [shipped, ...args], { cwd, encoding: 'utf8', env, timeout: 120_000 });
  expect(r.stderr).not.toContain('Oops! Something went wrong');
  const results = JSON.parse(r.stdout) as { filePath: string; messages: { message: string }[] }[];
  expect(results.length).toBeGreaterThan(300);
  expect(results.flatMap((f) => f.messages.filter((m) => m.message.includes('could not analyse')).map((m) => `${f.filePath}: ${m.message}`))).toEqual([]);
  expect(results).toEqual(JSON.parse(fromSources));
}, 180_000);

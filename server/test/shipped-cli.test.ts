// The CLI as it ships (dist/cli.js and its parser bundle dist/facts.js) against the sources. The
// parser bundle holds only the compiler's parser layer and the language service's node classes
// (esbuild.mjs keeps what the sources reach of TypeScript); every other test runs the sources over
// the whole compiler. Every fixture file parsed by both must give the same report.
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runCli as runInProcess } from '../src/cli';
// registers the fact extractor, as the bundle's lazy load does
import '../src/facts/index';
import { bundledCli, REPO } from './e2e/build';
import { expectNoCrash, parseJson, runCli } from './reliability-fixtures/built-cli';

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
  runInProcess(args, { cwd, stdout: (s) => (fromSources += s), stderr: () => {}, isTTY: false, env: {} });
  // (no compile cache: each run's copy of the bundle would leave one behind in the temp dir)
  const r = runCli(shipped, cwd, args, { timeoutMs: 120_000, env: { NODE_DISABLE_COMPILE_CACHE: '1' } });
  expectNoCrash(r);
  const results = parseJson(r);
  expect(results.length).toBeGreaterThan(300);
  expect(results.flatMap((f) => f.messages.filter((m) => m.message.includes('could not analyse')).map((m) => `${f.filePath}: ${m.message}`))).toEqual([]);
  expect(results).toEqual(JSON.parse(fromSources));
}, 180_000);

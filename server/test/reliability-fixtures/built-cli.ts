// Shared by the reliability tests: the CLI bundled once per test file (the esbuild options of
// esbuild.mjs, into a private temp folder, as cli.test.ts does, so no two test files race over
// dist/), spawned as a real process, plus the checks every hostile run must pass.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { build } from 'esbuild';
import { expect } from 'vitest';
import type { LintResult } from '../../src/report/json';

export const REPO = join(__dirname, '..', '..', '..');

/**
 * The canonical finding source: a missing-ttl warning on line 3. Line 4 reads the key and fetches
 * the user on a miss, which is what makes `user:1` a cache (model/roles.ts).
 */
export const SNIPPET = [
  "import Redis from 'ioredis';",
  'const redis = new Redis();',
  "export async function f(v: string) { await redis.set('user:1', v); }",
  "export async function g() { const c = await redis.get('user:1'); return c ?? (await fetch('/users/1')).text(); }",
  '',
].join('\n');

export interface BuiltCli {
  /** the temp folder holding the bundle; projects are created inside it */
  work: string;
  cli: string;
  dispose(): void;
}

export async function buildCli(prefix: string): Promise<BuiltCli> {
  const work = mkdtempSync(join(tmpdir(), `cachelint-${prefix}-`));
  const cli = join(work, 'cli.js');
  await build({
    entryPoints: [join(REPO, 'server/src/cli.ts')],
    outfile: cli,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    logLevel: 'silent',
    banner: { js: '#!/usr/bin/env node' },
  });
  return { work, cli, dispose: () => rmSync(work, { recursive: true, force: true }) };
}

let n = 0;
/** A project folder under `parent` (with .git so config and .gitignore lookups stop there). */
export function project(parent: string, files: Record<string, string | Buffer>): string {
  const root = join(parent, `p${n++}`);
  mkdirSync(join(root, '.git'), { recursive: true });
  for (const [p, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, p)), { recursive: true });
    writeFileSync(join(root, p), content);
  }
  return root;
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  /** wall-clock milliseconds */
  ms: number;
  /** set when the process was killed (the timeout) */
  signal: NodeJS.Signals | null;
}

export interface RunOptions {
  timeoutMs?: number;
  /** a CommonJS file loaded before the CLI (`node --require`): the seam for mid-run disk events */
  preload?: string;
  env?: NodeJS.ProcessEnv;
}

export function runCli(cli: string, cwd: string, args: readonly string[], opts: RunOptions = {}): CliRun {
  const env = { ...process.env, ...opts.env };
  delete env.FORCE_COLOR;
  delete env.NO_COLOR;
  delete env.DEBUG;
  delete env.NODE_OPTIONS;
  const node = opts.preload ? ['--require', opts.preload, cli] : [cli];
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [...node, ...args], {
    cwd,
    encoding: 'utf8',
    env,
    timeout: opts.timeoutMs ?? 60_000,
    maxBuffer: 512 * 1024 * 1024,
  });
  return { code: r.status ?? -1, stdout: r.stdout ?? '', stderr: r.stderr ?? '', ms: performance.now() - t0, signal: r.signal };
}

/** The promise of every run: it ended by itself, with 0 or 1, and printed no crash report or stack. */
export function expectNoCrash(r: CliRun): void {
  expect(r.signal, `killed after ${Math.round(r.ms)} ms (hang?)\n${r.stderr}`).toBeNull();
  expect(r.stderr).not.toContain('Oops! Something went wrong');
  expect(r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);
  expect([0, 1], `exit ${r.code}\n${r.stderr}`).toContain(r.code);
}

export function parseJson(r: CliRun): LintResult[] {
  try {
    return JSON.parse(r.stdout) as LintResult[];
  } catch {
    throw new Error(`stdout is not JSON (exit ${r.code}):\n${r.stdout.slice(0, 2000)}\n--- stderr ---\n${r.stderr.slice(0, 2000)}`);
  }
}

/** `file → [line rule]` for compact assertions. */
export function messagesByFile(results: LintResult[], root: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const r of results) out[r.filePath.slice(root.length + 1)] = r.messages.map((m) => `${m.line} ${m.ruleId ?? (m.fatal ? 'fatal' : 'null')}`);
  return out;
}

// The CLI given some files only (lint-staged, pre-commit) judges them with the rest of their
// project as context, reporting on them alone; Flow files are skipped with a notice. The built CLI
// as a process.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli, expectNoCrash, messagesByFile, parseJson, project as projectIn, runCli, SNIPPET, type BuiltCli } from './reliability-fixtures/built-cli';

let built: BuiltCli;
beforeAll(async () => {
  built = await buildCli('cli-partial');
});
afterAll(() => built?.dispose());

const project = (files: Record<string, string>) => projectIn(built.work, files);
const run = (cwd: string, ...args: string[]) => runCli(built.cli, cwd, args);

const REDIS = "import Redis from 'ioredis';\nexport const redis = new Redis();\n";
const READER = "import { redis } from './redis';\nexport async function load(id: string) {\n  return redis.get(`user:v2:${id}`);\n}\n";
const WRITER = "import { redis } from './redis';\n\nexport async function drop(id: string) {\n  await redis.del(`user:v1:${id}`);\n}\n";

describe('named files are judged with their project as context', () => {
  const files = { 'package.json': '{"name":"app"}', 'src/redis.ts': REDIS, 'src/reader.ts': READER, 'src/writer.ts': WRITER, 'src/other.ts': SNIPPET.replaceAll('user:1', 'item:1') };

  it('reports the key-drift whose read lives in a file not given, and only on the files given', () => {
    const root = project(files);
    const r = run(root, '-f', 'json', 'src/writer.ts');
    expectNoCrash(r);
    expect(messagesByFile(parseJson(r), root)).toEqual({ 'src/writer.ts': ['4 key-drift'] });
    // from another folder of the project, with a relative path: the same
    const below = run(join(root, 'src'), '-f', 'json', 'writer.ts');
    expect(messagesByFile(parseJson(below), root)).toEqual({ 'src/writer.ts': ['4 key-drift'] });
    // a file of the context with findings of its own (other.ts) stays out of the report
    expect(run(root, 'src/writer.ts', 'src/reader.ts').stdout).not.toContain('other.ts');
  });

  it('lists the context as a full run would: the config’s ignore and .gitignore apply', () => {
    const extras: Record<string, string>[] = [{ '.cachelintrc.json': '{ "ignore": ["src/reader.ts"] }' }, { '.gitignore': 'src/reader.ts\n' }];
    for (const extra of extras) {
      const root = project({ ...files, ...extra });
      const partial = messagesByFile(parseJson(run(root, '-f', 'json', 'src/writer.ts')), root);
      const full = messagesByFile(parseJson(run(root, '-f', 'json')), root);
      expect(partial).toEqual({ 'src/writer.ts': [] });
      expect(full['src/writer.ts']).toEqual(partial['src/writer.ts']);
    }
  });

  it('leaves out of the context a folder whose broken config governs none of the files given', () => {
    const root = project({ ...files, 'legacy/.cachelintrc.json': '{ broken', 'legacy/job.ts': SNIPPET });
    const r = run(root, '-f', 'json', 'src/writer.ts');
    expectNoCrash(r);
    expect(messagesByFile(parseJson(r), root)).toEqual({ 'src/writer.ts': ['4 key-drift'] });
    // naming a file it governs is still a config error
    expect(run(root, 'legacy/job.ts').code).toBe(2);
  });

  it('fixes only the files given', () => {
    const root = project({ ...files, '.cachelintrc.json': '{ "defaultTtlSeconds": 60 }', 'src/a.ts': SNIPPET });
    const r = run(root, '--fix-dry-run', 'src/a.ts');
    const results = parseJson(r);
    expect(results.map((x) => x.filePath)).toEqual([join(root, 'src/a.ts')]);
    expect(results[0].output).toContain("'EX', 60");
  });
});

describe('Flow files', () => {
  const FLOW = "// @flow\nimport Redis from 'ioredis';\nconst redis = new Redis();\nexport async function f(v: ?string): Promise<void> { await redis.set('k', v); }\nexport type T = {| a: number |};\n";

  it('are skipped with a notice, never reported as syntax errors', () => {
    const root = project({
      'src/flow.js': FLOW,
      'src/header.js': `/**\n * Copyright Acme.\n * @flow strict\n */\n${FLOW.slice(9)}`,
      'src/plain.js': "import Redis from 'ioredis';\nconst redis = new Redis();\nexport async function f(v) { await redis.set('kk', v); }\nexport const readK = async () => (await redis.get('kk')) ?? (await fetch('/k')).text();\n",
    });
    for (const args of [[], ['--parse-all'], ['src/flow.js', 'src/plain.js']]) {
      const r = run(root, '-f', 'json', ...args);
      expectNoCrash(r);
      expect(r.code).toBe(0);
      const by = messagesByFile(parseJson(r), root);
      expect(Object.keys(by), args.join(' ')).not.toContain('src/flow.js');
      expect(by['src/plain.js']).toEqual(['3 missing-ttl']);
      expect(r.stderr).toContain(`cachelint: File ignored because it is a Flow file (@flow), which cachelint cannot parse: ${join(root, 'src/flow.js')}\n`);
    }
    expect(run(root).stderr).toContain(join(root, 'src/header.js'));
  });
});

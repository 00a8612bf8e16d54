// The loader leaves a module unparsed when a cache file reaches it only by calling one of its
// functions and it can do no I/O (engine/inert-modules.ts), and tests and scripts with cache words
// unparsed unless product code leads to them. What it still parses must not change a finding:
// gate.test.ts checks that on every fixture case; this file checks the decisions themselves.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../src/config';
import { isInertModule } from '../src/engine/inert-modules';
import { loadProject } from '../src/engine/project';
import { Analyzer } from '../src/engine/run';
import '../src/facts/index';

const DTO = `import { IsString } from 'class-validator';\nexport class Row { @IsString() id!: string }\nexport interface View { id: string }\n`;
const MAPPER = `import type { Row, View } from './dto';\nexport function toView(row: Row): View {\n  return { id: row.id };\n}\n`;

function inert(text: string, modules: Record<string, string> = { './dto': DTO }): boolean {
  return isInertModule(
    text,
    (spec) => (spec in modules ? spec : undefined),
    (file) => modules[file],
  );
}

describe('isInertModule', () => {
  it('a mapper importing only types from a DTO module is inert', () => {
    expect(inert(MAPPER)).toBe(true);
    expect(inert('export const pageSize = (n: number) => Math.min(100, Math.max(1, n));\n')).toBe(true);
  });

  it('a module that imports a value, requires or re-exports is not', () => {
    expect(inert(`import store from './store';\nexport const put = (k: string, v: string) => store.set(k, v);\n`)).toBe(false);
    expect(inert(`import { type Row } from './dto';\nexport const id = (r: Row) => r.id;\n`)).toBe(false);
    expect(inert(`const kv = require('./kv');\nexport const put = (k, v) => kv.set(k, v);\n`)).toBe(false);
    expect(inert(`export { remember } from './remember';\n`)).toBe(false);
    expect(inert(`export * from './remember';\n`)).toBe(false);
    expect(inert(`export const load = () => import('./remember');\n`)).toBe(false);
  });

  it('a module that awaits, chains a promise or reaches a global client is not', () => {
    expect(inert(`${MAPPER}export async function later(r: Row) { await Promise.resolve(); return r; }\n`)).toBe(false);
    expect(inert(`export const title = (id: string) => fetch('/t/' + id).then((r) => r.text());\n`)).toBe(false);
    expect(inert(`export const put = (k: string, v: string) => Bun.redis.set(k, v);\n`)).toBe(false);
    expect(inert(`export const put = (k: string) => globalThis.prisma.user.delete({ where: { id: k } });\n`)).toBe(false);
  });

  it('types from a package, or from a module naming anything but value-type packages, may be a client or an ORM', () => {
    expect(inert(`import type { Redis } from 'ioredis';\nexport const put = (r: Redis, k: string) => r.set(k, '1');\n`)).toBe(false);
    const viaTypes = `import type { Db } from './db';\nexport const drop = (db: Db, id: string) => db.user.delete({ where: { id } });\n`;
    expect(inert(viaTypes, { './db': `import type { PrismaClient } from '@prisma/client';\nexport type Db = PrismaClient;\n` })).toBe(false);
    expect(inert(viaTypes, { './db': `import { Entity } from 'typeorm';\n@Entity() export class Db {}\n` })).toBe(false);
    expect(inert(viaTypes, { './db': `import type { Row } from './row';\nexport type Db = Row;\n` })).toBe(false);
    expect(inert(viaTypes, {})).toBe(false);
  });
});

const CASE = path.resolve(__dirname, '../../test-fixtures/missing-ttl/helper-without-cache-words-behind-a-mapper');

function load(files: Record<string, string>, includeTestsAndScripts = false): string[] {
  const a = new Analyzer({ configFor: () => ({ ...defaultConfig(), includeTestsAndScripts }) });
  const { parsed } = loadProject(a, new Map(Object.entries(files)));
  return parsed.map((f) => path.basename(f)).sort();
}

describe('the loader', () => {
  const files = Object.fromEntries(fs.readdirSync(CASE).map((f) => [path.join(CASE, f), fs.readFileSync(path.join(CASE, f), 'utf8')]));

  it('follows a helper without cache words that calls the client, and leaves the mapper next to it unparsed', () => {
    const parsed = load(files);
    expect(parsed).toContain('remember.ts');
    expect(parsed).toContain('store.ts');
    expect(parsed).not.toContain('profile.mapper.ts');
    expect(parsed).not.toContain('profile.dto.ts');
  });

  it('follows the mapper once it can do I/O', () => {
    const mapper = path.join(CASE, 'profile.mapper.ts');
    const parsed = load({ ...files, [mapper]: `import { audit } from './audit';\n${files[mapper]}` });
    expect(parsed).toContain('profile.mapper.ts');
  });

  it('skips tests with cache words unless they hold a suppression comment', () => {
    const spec = path.join(CASE, 'profile.service.spec.ts');
    const suppressed = path.join(CASE, 'remember.spec.ts');
    const parsed = load(
      {
        ...files,
        [spec]: `import { redis } from './redis';\nit('reads', async () => { await redis.set('profile:1', '{}'); });\n`,
        [suppressed]: `// cachelint-disable-next-line missing-ttl\nawait redis.set('x', '1');\n`,
      });
    expect(parsed).not.toContain('profile.service.spec.ts');
    expect(parsed).toContain('remember.spec.ts');
    // with tests included, it is cache code like any other
    expect(load({ ...files, [spec]: `import { redis } from './redis';\nawait redis.set('profile:1', '{}');\n` }, true)).toContain('profile.service.spec.ts');
  });
});

// Unit tests for what the code uses of a value it read (facts/flow/read-uses.ts) and which columns
// an update sets (facts/db/written-fields.ts): the two sides missing-invalidation compares before
// it asks for an invalidation of a cached row (rules/read-fields.ts).
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../src/config';
import { extractFacts } from '../src/facts';

const PRELUDE = `import Redis from 'ioredis';\nimport { PrismaClient } from '@prisma/client';\nconst redis = new Redis();\nconst prisma = new PrismaClient();\n`;

function usesOf(body: string) {
  const facts = extractFacts('src/x.ts', `${PRELUDE}export async function f(id: string, other: (x: unknown) => void) {\n${body}\n}\n`, defaultConfig());
  const call = facts.calls.find((c) => c.method === 'get' || c.method === 'fetch');
  expect(call, 'the read is recorded').toBeDefined();
  return call!.uses;
}

describe('read uses', () => {
  const closed: [string, string, { fields: string[]; members?: string[]; returned?: true }][] = [
    ['a field of the awaited value', `const p = JSON.parse((await redis.get(id))!); if (!p) return; other(p.name);`, { fields: ['name'] }],
    ['optional chaining and element access', `const p = JSON.parse((await redis.get(id))!); other(p?.host); other(p['email']);`, { fields: ['email', 'host'] }],
    ['destructuring', `const { host, email: mail } = JSON.parse((await redis.get(id))!); other(host + mail);`, { fields: ['email', 'host'] }],
    ['Promise.all destructuring', `const [a, b] = await Promise.all([redis.get(id), prisma.user.findMany()]); other(a?.trim()); other(b);`, { fields: ['trim'] }],
    ['a .then callback', `other(await redis.get(id).then((p) => new Set(p?.split(','))));`, { fields: ['split'] }],
    ['kept in a member of this', `this.profile = await redis.get(id);`, { fields: [], members: ['profile'] }],
    ['returned after a test', `const hit = await redis.get(id); if (hit) return JSON.parse(hit); return null;`, { fields: [], returned: true }],
    ['tested in a logical and', `const hit = await redis.get(id); if (hit && JSON.parse(hit).status === 'ok') other(1);`, { fields: ['status'] }],
  ];
  for (const [name, body, expected] of closed) it(`sees every use: ${name}`, () => expect(usesOf(body)).toEqual(expected));

  const open: [string, string][] = [
    ['passed to a function', `const p = await redis.get(id); other(p);`],
    ['spread into another object', `const p = JSON.parse((await redis.get(id))!); other({ ...p });`],
    ['a computed field', `const p = JSON.parse((await redis.get(id))!); other(p[id]);`],
    ['assigned to another variable', `let q; const p = await redis.get(id); q = p; other(q);`],
    ['a rest element', `const { a, ...rest } = JSON.parse((await redis.get(id))!); other(rest);`],
    ['a .then callback returning its parameter', `other(await redis.get(id).then((p) => p));`],
    ['a list iterated', `const rows = JSON.parse((await redis.get(id))!); other(rows.map((r: { name: string }) => r.name));`],
    ['a list walked with for…of', `const rows = JSON.parse((await redis.get(id))!); for (const r of rows) other(r.name);`],
    ['a member of another object', `const o = { v: '' }; o.v = (await redis.get(id))!;`],
    ['passed on by `||`', `const hit = await redis.get(id); other(hit || 'none');`],
    ['reassigned by a logical assignment', `let p = await redis.get(id); p ??= 'x'; other(p);`],
  ];
  for (const [name, body] of open) it(`records nothing when the value is passed on: ${name}`, () => expect(usesOf(body)).toBeUndefined());
});

describe('guard reads (facts/flow/guard-reads.ts)', () => {
  function guardOf(body: string) {
    const facts = extractFacts('src/x.ts', `${PRELUDE}export async function f(id: string, other: (x: unknown) => void) {\n${body}\n}\n`, defaultConfig());
    return facts.calls.find((c) => c.method === 'get')?.guard;
  }
  const guards: [string, string][] = [
    ['a hit returns early', `const seen = await redis.get(id); if (seen) return;`],
    ['a status checked before the job', `const seen = await redis.get(id); if (seen) { const p = JSON.parse(seen); if (p.status === 'done' || p.status === 'failed') { console.log(\`skip \${p.status}\`); return; } await redis.del(id); }`],
    ['a repeat refused', `const seen = await redis.get(id); if (seen && JSON.parse(seen).status === 'success') throw new Error('duplicate');`],
    ['a 409 answer echoing what was stored', `const seen = await redis.get(id); if (seen) return { statusCode: 409, data: JSON.parse(seen) };`],
    ["sibling blocks' own names", `{ const seen = await redis.get(id); if (seen) { const p = JSON.parse(seen); if (p.status === 'done') return; } } { const p = await prisma.user.findMany(); other(p); }`],
  ];
  for (const [name, body] of guards) it(`marks a read only checked to turn work away: ${name}`, () => expect(guardOf(body)).toBe(true));
  const data: [string, string][] = [
    ['a hit served', `const hit = await redis.get(id); if (hit) return JSON.parse(hit);`],
    ['a hit answered, then a bare return', `const hit = await redis.get(id); if (hit) { other(hit); return; }`],
    ['a miss refused', `const hit = await redis.get(id); if (!hit) throw new Error('gone'); other(JSON.parse(hit).name);`],
    ['a field compared but never acted on', `const hit = await redis.get(id); if (hit && JSON.parse(hit).status === 'x') other(1);`],
    ['a 200 answer echoing it', `const hit = await redis.get(id); if (hit) return { statusCode: 200, data: JSON.parse(hit) };`],
  ];
  for (const [name, body] of data) it(`leaves a read whose value is data alone: ${name}`, () => expect(guardOf(body)).toBeUndefined());
});

describe('written fields', () => {
  function fieldsOf(write: string) {
    const facts = extractFacts('src/x.ts', `${PRELUDE}export async function f(id: string, dto: any) {\n${write}\n}\n`, defaultConfig());
    expect(facts.dbWrites.length, 'the write is recorded').toBe(1);
    return facts.dbWrites[0].fields;
  }
  it("reads Prisma's data", () => expect(fieldsOf(`await prisma.user.update({ where: { id }, data: { name: 'a', email } });`)).toEqual(['email', 'name']));
  it('reads the partial of a repository update', () => expect(fieldsOf(`await this.usersRepository.update({ id }, { password: 'x' });`)).toEqual(['password']));
  it("reads Mongo's operators", () => expect(fieldsOf(`await User.updateOne({ _id: id }, { $set: { name: 'a' }, $inc: { logins: 1 } });`)).toEqual(['logins', 'name']));
  it('knows nothing of a payload passed on', () => expect(fieldsOf(`await prisma.user.update({ where: { id }, data: dto });`)).toBeUndefined());
  it('knows nothing of a spread', () => expect(fieldsOf(`await prisma.user.update({ where: { id }, data: { ...dto, name: 'a' } });`)).toBeUndefined());
  it('records no columns for a delete', () => expect(fieldsOf(`await prisma.user.delete({ where: { id } });`)).toBeUndefined());
});

// Services that cache, in four stacks (ioredis + Prisma, Nest cache-manager + TypeORM, a JSON
// wrapper + knex, ioredis + knex), and the files around them that write the same entities:
// archive jobs (where key drift is planted) and provisioning handlers that create records and
// never mention a cache (where negative-cache-on-create is planted). Each planted finding is
// written with Source.plant, so its line is recorded where it is written.
import { Source } from './rng.mjs';
import { UP } from './plain.mjs';

const RULE = { sac: 'set-after-commit', ttl: 'missing-ttl', drift: 'key-drift', neg: 'negative-cache-on-create', wfc: 'write-from-cache', mi: 'missing-invalidation', ibc: 'invalidate-before-commit' };

/** Imports and constructor of a cached service or job, by stack. */
function clientParts(e) {
  switch (e.cache) {
    case 'redis-prisma':
      return {
        imports: [`import { redis } from '${UP}/infra/redis';`, `import { PrismaService } from '${UP}/infra/prisma.service';`],
        ctor: [`  constructor(private readonly prisma: PrismaService) {}`],
        c: 'redis',
      };
    case 'redis-knex':
      return { imports: [`import { redis } from '${UP}/infra/redis';`, `import { db } from '${UP}/infra/knex';`], ctor: [], c: 'redis' };
    case 'wrapper-knex':
      return {
        imports: [`import { JsonCache } from '${UP}/infra/json-cache';`, `import { db } from '${UP}/infra/knex';`],
        ctor: [`  constructor(private readonly cache: JsonCache) {}`],
        c: 'this.cache',
      };
    default:
      return {
        imports: [
          `import { CACHE_MANAGER } from '@nestjs/cache-manager';`,
          `import { InjectRepository } from '@nestjs/typeorm';`,
          `import type { Cache } from 'cache-manager';`,
          `import type { Repository } from 'typeorm';`,
          `import { ${e.Name} } from './${e.kebab}.entity';`,
        ],
        ctor: [`  constructor(`, `    @InjectRepository(${e.Name}) private readonly repo: Repository<${e.Name}>,`, `    @Inject(CACHE_MANAGER) private readonly cache: Cache,`, `  ) {}`],
        c: 'this.cache',
      };
  }
}

const isRedis = (e) => e.cache === 'redis-prisma' || e.cache === 'redis-knex';
const isKnex = (e) => e.cache === 'redis-knex' || e.cache === 'wrapper-knex';

/** Statements that read one row (`row` may be undefined/null afterwards). */
function readRow(e) {
  if (e.cache === 'redis-prisma') return `const row = await this.prisma.${e.name}.findUnique({ where: { id } });`;
  if (isKnex(e)) return `const row: ${e.Name}Row | undefined = await db('${e.table}').where({ id }).first();`;
  return `const row = await this.repo.findOneBy({ id });`;
}

/** The update itself: a single statement, or (`tx`) a transaction that also writes an audit row. */
function updateRow(e, tx) {
  if (e.cache === 'redis-prisma' && tx)
    return [
      `    const row = await this.prisma.$transaction(async (tx) => {`,
      `      const updated = await tx.${e.name}.update({ where: { id }, data: dto });`,
      `      await tx.auditEntry.create({ data: { entity: '${e.kebab}', entityId: id, action: 'update' } });`,
      `      return updated;`,
      `    });`,
    ];
  if (e.cache === 'redis-prisma') return [`    const row = await this.prisma.${e.name}.update({ where: { id }, data: dto });`];
  if (isKnex(e) && tx)
    return [
      `    await db.transaction(async (trx) => {`,
      `      await trx('${e.table}').where({ id }).update({ ...dto, updated_at: trx.fn.now() });`,
      `      await trx('audit_entries').insert({ entity: '${e.kebab}', entity_id: id, action: 'update' });`,
      `    });`,
    ];
  if (isKnex(e)) return [`    await db('${e.table}').where({ id }).update({ ...dto, updated_at: db.fn.now() });`];
  return [`    await this.repo.update({ id }, dto);`];
}

export function cachedServiceFile(e, rng) {
  const s = new Source(`${e.dir}/${e.kebab}.service.ts`);
  const p = clientParts(e);
  const K = e.keys.call;
  const TTL = `${e.CONST}_TTL_${e.cache === 'nest-typeorm' ? 'MS' : 'SECONDS'}`;
  const view = e.cache === 'nest-typeorm' ? e.Name : `${e.Name}View`;
  s.add(`import { ${e.cache === 'nest-typeorm' ? 'Inject, ' : ''}Injectable, NotFoundException } from '@nestjs/common';`, ...p.imports);
  s.add(`import { ${e.keys.importName} } from '${UP}/keys/${e.area}.keys';`);
  if (e.negative) s.add(`import { NOT_FOUND, ${e.cache === 'nest-typeorm' ? 'NOT_FOUND_TTL_MS' : 'NOT_FOUND_TTL_SECONDS'} } from '${UP}/keys/markers';`);
  s.add(`import type { Create${e.Name}Dto, Update${e.Name}Dto, ${e.Name}Row, ${e.Name}View } from './${e.kebab}.dto';`, `import { to${e.Name}View } from './${e.kebab}.mapper';`, ``);
  s.add(`const ${TTL} = ${e.cache === 'nest-typeorm' ? `${rng.pick([60, 120, 300, 600])}_000` : rng.pick([120, 300, 600, 900, 3600])};`, ``);
  s.add(`@Injectable()`, `export class ${e.Name}Service {`, ...p.ctor, ``);

  // ---- the read path ----
  s.add(`  async findOne(id: string): Promise<${view}${e.negative ? ' | null' : ''}> {`);
  if (e.cache === 'nest-typeorm') {
    s.add(`    const hit = await this.cache.get<${view}${e.negative ? ' | string' : ''}>(${K('id')});`);
    if (e.negative) s.add(`    if (hit === NOT_FOUND) return null;`, `    if (hit) return hit as ${view};`, `    ${readRow(e)}`);
    else s.add(`    if (hit) return hit;`, `    ${readRow(e)}`, `    if (!row) throw new NotFoundException(\`${e.Name} \${id} not found\`);`);
    if (e.negative) s.add(`    await this.cache.set(${K('id')}, row ?? NOT_FOUND, row ? ${TTL} : NOT_FOUND_TTL_MS);`);
    else s.add(`    await this.cache.set(${K('id')}, row, ${TTL});`);
    s.add(`    return row;`, `  }`, ``);
  } else {
    if (isRedis(e)) {
      s.add(`    const cached = await redis.get(${K('id')});`);
      if (e.negative) s.add(`    if (cached === NOT_FOUND) return null;`);
      s.add(`    if (cached !== null) return JSON.parse(cached) as ${view};`);
    } else s.add(`    const hit = await this.cache.get<${view}>(${K('id')});`, `    if (hit) return hit;`);
    s.add(`    ${readRow(e)}`);
    if (e.negative) s.add(`    if (!row) {`, `      await redis.set(${K('id')}, NOT_FOUND, 'EX', NOT_FOUND_TTL_SECONDS);`, `      return null;`, `    }`);
    else s.add(`    if (!row) throw new NotFoundException(\`${e.Name} \${id} not found\`);`);
    s.add(`    const view = to${e.Name}View(row);`);
    if (e.plants.ttl === 0) s.plant(RULE.ttl, `    await redis.set(${K('id')}, JSON.stringify(view));`);
    else if (!isRedis(e)) s.add(rng.chance(0.5) ? `    await this.cache.set(${K('id')}, view, ${TTL});` : `    await this.cache.set(${K('id')}, view);`);
    else s.add(rng.chance(0.7) ? `    await redis.set(${K('id')}, JSON.stringify(view), 'EX', ${TTL});` : `    await redis.setex(${K('id')}, ${TTL}, JSON.stringify(view));`);
    s.add(`    return view;`, `  }`, ``);
  }

  // ---- a cached listing (some services) ----
  if (e.list && e.cache !== 'nest-typeorm') {
    s.add(`  async list(page = 1): Promise<${view}[]> {`);
    if (isRedis(e)) s.add(`    const cached = await redis.get(${e.keys.list('page')});`, `    if (cached !== null) return JSON.parse(cached) as ${view}[];`);
    else s.add(`    const hit = await this.cache.get<${view}[]>(${e.keys.list('page')});`, `    if (hit) return hit;`);
    if (e.cache === 'redis-prisma') s.add(`    const rows = await this.prisma.${e.name}.findMany({ orderBy: { createdAt: 'desc' }, skip: (page - 1) * 20, take: 20 });`);
    else s.add(`    const rows: ${e.Name}Row[] = await db('${e.table}').orderBy('created_at', 'desc').offset((page - 1) * 20).limit(20);`);
    s.add(`    const views = rows.map(to${e.Name}View);`);
    s.add(isRedis(e) ? `    await redis.set(${e.keys.list('page')}, JSON.stringify(views), 'EX', 60);` : `    await this.cache.set(${e.keys.list('page')}, views, 60);`);
    s.add(`    return views;`, `  }`, ``);
  } else {
    s.add(`  async list(page = 1): Promise<${view}[]> {`);
    if (e.cache === 'redis-prisma') s.add(`    const rows = await this.prisma.${e.name}.findMany({ orderBy: { createdAt: 'desc' }, skip: (page - 1) * 20, take: 20 });`, `    return rows.map(to${e.Name}View);`);
    else if (isKnex(e)) s.add(`    const rows: ${e.Name}Row[] = await db('${e.table}').orderBy('created_at', 'desc').offset((page - 1) * 20).limit(20);`, `    return rows.map(to${e.Name}View);`);
    else s.add(`    return this.repo.find({ order: { createdAt: 'DESC' }, skip: (page - 1) * 20, take: 20 });`);
    s.add(`  }`, ``);
  }

  // ---- create: a planted negative-cache entity is created elsewhere (its provisioning handler) ----
  if (!e.plants.neg) {
    s.add(`  async create(dto: Create${e.Name}Dto): Promise<${view}> {`);
    if (e.cache === 'redis-prisma') s.add(`    const row = await this.prisma.${e.name}.create({ data: dto });`);
    else if (isKnex(e)) s.add(`    const [row] = await db('${e.table}').insert(dto).returning('*');`);
    else s.add(`    const row = await this.repo.save(this.repo.create(dto));`);
    // the create clears the cached not-found marker of its id (and the first page of the listing)
    if (e.negative) s.add(isRedis(e) || e.cache === 'redis-prisma' ? `    await redis.del(${K('row.id')});` : `    await this.cache.del(${K('row.id')});`);
    if (e.list && e.cache !== 'nest-typeorm') s.add(isRedis(e) ? `    await redis.del(${e.keys.list('1')});` : `    await this.cache.del(${e.keys.list('1')});`);
    // write-through on create: no reader can hold an older copy of a row that did not exist
    if (e.warmOnCreate && isRedis(e)) s.add(`    const view = to${e.Name}View(row);`, `    await redis.set(${K('row.id')}, JSON.stringify(view), 'EX', ${TTL});`, `    return view;`, `  }`, ``);
    else s.add(e.cache === 'nest-typeorm' ? `    return row;` : `    return to${e.Name}View(row);`, `  }`, ``);
  }

  // ---- update: delete after the write, or (planted) set the fresh value ----
  const sac = e.plants.sac;
  s.add(`  async update(id: string, dto: Update${e.Name}Dto): Promise<${view}> {`, ...updateRow(e, sac === undefined ? e.tx : sac === 1));
  if (sac !== undefined) {
    const set = sac === 2 && isRedis(e) ? `    await redis.setex(${K('id')}, ${TTL}, JSON.stringify(view));` : `    await redis.set(${K('id')}, JSON.stringify(view), 'EX', ${TTL});`;
    if (e.cache === 'redis-prisma') s.add(`    const view = to${e.Name}View(row);`).plant(RULE.sac, set);
    else if (e.cache === 'nest-typeorm') s.add(`    const fresh = await this.repo.findOneByOrFail({ id });`).plant(RULE.sac, `    await this.cache.set(${K('id')}, fresh, ${TTL});`);
    else {
      s.add(`    const row: ${e.Name}Row = await db('${e.table}').where({ id }).first();`, `    const view = to${e.Name}View(row);`);
      s.plant(RULE.sac, isRedis(e) ? set : `    await this.cache.set(${K('id')}, view, ${TTL});`);
    }
    s.add(e.cache === 'nest-typeorm' ? `    return fresh;` : `    return view;`);
  } else {
    s.add(isRedis(e) ? `    await redis.del(${K('id')});` : `    await this.cache.del(${K('id')});`);
    if (e.cache === 'redis-prisma') s.add(`    return to${e.Name}View(row);`);
    else s.add(e.negative ? `    return (await this.findOne(id))!;` : `    return this.findOne(id);`);
  }
  s.add(`  }`, ``);

  // ---- remove ----
  s.add(`  async remove(id: string): Promise<void> {`);
  if (e.cache === 'redis-prisma') s.add(`    await this.prisma.${e.name}.delete({ where: { id } });`);
  else if (isKnex(e)) s.add(`    await db('${e.table}').where({ id }).del();`);
  else s.add(`    await this.repo.delete({ id });`);
  if (isRedis(e) && e.list) s.add(`    await redis.del(${K('id')}, ${e.keys.list('1')});`);
  else s.add(isRedis(e) ? `    await redis.del(${K('id')});` : `    await this.cache.del(${K('id')});`);
  s.add(`  }`);

  // ---- (planted) a write built from the cached copy ----
  if (e.plants.wfc) {
    s.add(``, `  /** Stamps the record as reviewed, starting from what the cache holds. */`, `  async markReviewed(id: string): Promise<void> {`);
    if (isRedis(e)) s.add(`    const cached = await redis.get(${K('id')});`, `    if (cached === null) return;`, `    const current = JSON.parse(cached) as ${view};`);
    else s.add(`    const current = await this.cache.get<${view}>(${K('id')});`, `    if (!current) return;`);
    if (e.cache === 'redis-prisma') s.plant(RULE.wfc, `    await this.prisma.${e.name}.update({ where: { id }, data: { ...current, reviewedAt: new Date() } });`);
    else if (isKnex(e)) s.plant(RULE.wfc, `    await db('${e.table}').where({ id }).update({ ...current, reviewed_at: db.fn.now() });`);
    else s.plant(RULE.wfc, `    await this.repo.save({ ...current, reviewedAt: new Date() });`);
    s.add(isRedis(e) ? `    await redis.del(${K('id')});` : `    await this.cache.del(${K('id')});`, `  }`);
  }

  // ---- (planted) a write of the cached rows that never invalidates them ----
  if (e.plants.mi) {
    s.add(``, `  /** Archives the record (an admin action); the cached copy is forgotten. */`, `  async archive(id: string): Promise<void> {`);
    if (e.cache === 'redis-prisma') s.plant(RULE.mi, `    await this.prisma.${e.name}.update({ where: { id }, data: { archivedAt: new Date() } });`);
    else if (isKnex(e)) s.plant(RULE.mi, `    await db('${e.table}').where({ id }).update({ archived_at: db.fn.now() });`);
    else s.plant(RULE.mi, `    await this.repo.update({ id }, { archivedAt: new Date() });`);
    s.add(`  }`);
  }

  // ---- (planted) a delete inside the transaction that writes the cached row ----
  if (e.plants.ibc) {
    s.add(``, `  /** Deactivates the record; its cached copy is dropped inside the transaction. */`, `  async deactivate(id: string): Promise<void> {`);
    s.add(`    await this.prisma.$transaction(async (tx) => {`, `      await tx.${e.name}.update({ where: { id }, data: { active: false } });`);
    s.plant(RULE.ibc, `      await redis.del(${K('id')});`);
    s.add(`    });`, `  }`);
  }

  // ---- counters and import markers (Redis services) ----
  if (isRedis(e) && e.plants.ttl === 1) {
    // a read-through hash with no expiry (a stats hash written with a timestamp is state, not a cache)
    s.add(``, `  /** The record's card for the "trending" widget, read through the cache. */`, `  async card(id: string): Promise<Record<string, string>> {`);
    s.add(`    const hit = await redis.hgetall(\`${e.keyWord}:card:\${id}\`);`, `    if (Object.keys(hit).length > 0) return hit;`);
    s.add(`    const view = await this.findOne(id);`, `    const card = { id: String(view.id), loadedAt: new Date().toISOString() };`);
    s.plant(RULE.ttl, `    await redis.hset(\`${e.keyWord}:card:\${id}\`, card);`);
    s.add(`    return card;`, `  }`);
  } else if (isRedis(e) && e.counter) {
    s.add(``, `  /** Per-record view counters for the "trending" widget. */`, `  async recordView(id: string): Promise<void> {`);
    s.add(`    await redis.hincrby(\`${e.keyWord}:stats:\${id}\`, 'views', 1);`, `    await redis.expire(\`${e.keyWord}:stats:\${id}\`, 86_400);`);
    s.add(`  }`);
  }
  if (isRedis(e) && e.plants.ttl === 2) {
    s.add(``, `  /** The record's id for an external reference, read through the cache. */`, `  async idForRef(ref: string): Promise<string> {`);
    s.add(`    const hit = await redis.get(\`${e.keyWord}:ref:\${ref}\`);`, `    if (hit !== null) return hit;`, `    const view = await this.findOne(ref);`);
    s.plant(RULE.ttl, `    await redis.set(\`${e.keyWord}:ref:\${ref}\`, String(view.id));`);
    s.add(`    return String(view.id);`, `  }`);
  } else if (isRedis(e) && e.marker) {
    // an "already imported" marker: no cache, so no expiry is owed (missing-ttl must stay silent)
    s.add(``, `  /** True the first time a batch imports this record, so a replayed batch skips it. */`, `  async markImported(id: string, batchId: string): Promise<boolean> {`);
    s.add(`    const first = await redis.set(\`${e.keyWord}:import:\${id}\`, batchId, 'NX');`);
    s.add(`    return first === 'OK';`, `  }`);
  }
  s.add(`}`);
  return s;
}

/** The key an archive job deletes: the builder, the same key by hand, or (planted) a drifted one. */
function jobKey(e) {
  const ver = e.keyVersion ? `${e.keyVersion}:` : '';
  switch (e.job) {
    case 'builder':
      return e.keys.call('id');
    case 'literal':
      return `\`${e.keyWord}:${ver}\${id}\``;
    default: {
      const v = e.plants.drift;
      const plural = e.keyWord.replace(/[^aeiou]y$/, (m) => `${m[0]}ie`) + 's';
      if (v === 0 && e.keyVersion) return `\`${e.keyWord}:\${id}\``;
      if (v === 0 || v === 1) return `\`${plural}:${ver}\${id}\``;
      if (v === 2) return `\`${e.keyWord}/${e.keyVersion ? `${e.keyVersion}/` : ''}\${id}\``;
      return `\`cache:${e.keyWord}:${ver}\${id}\``;
    }
  }
}

export function archiveJobFile(e) {
  const s = new Source(`${e.dir}/${e.kebab}-archive.job.ts`);
  const p = clientParts(e);
  s.add(`import { ${e.cache === 'nest-typeorm' ? 'Inject, ' : ''}Injectable, Logger } from '@nestjs/common';`, ...p.imports);
  if (e.job === 'builder') s.add(`import { ${e.keys.importName} } from '${UP}/keys/${e.area}.keys';`);
  s.add(``, `/** Archives ${e.route} nobody touched for a year; the scheduler runs it nightly. */`, `@Injectable()`, `export class ${e.Name}ArchiveJob {`);
  s.add(`  private readonly logger = new Logger(${e.Name}ArchiveJob.name);`, ``, ...p.ctor, ...(p.ctor.length ? [``] : []));
  s.add(`  async archive(ids: readonly string[]): Promise<number> {`, `    let archived = 0;`, `    for (const id of ids) {`);
  if (e.cache === 'redis-prisma') s.add(`      await this.prisma.${e.name}.update({ where: { id }, data: { status: 'archived' } });`);
  else if (isKnex(e)) s.add(`      await db('${e.table}').where({ id }).update({ status: 'archived', updated_at: db.fn.now() });`);
  else s.add(`      await this.repo.update({ id }, { status: 'archived' });`);
  const del = `      await ${p.c}.del(${jobKey(e)});`;
  if (e.job === 'drift') s.plant(RULE.drift, del);
  else s.add(del);
  s.add(`      archived++;`, `    }`, `    this.logger.log(\`archived \${archived} ${e.route}\`);`, `    return archived;`, `  }`, `}`);
  return s;
}

/**
 * Where a record is first created when an upstream system provisions it (a webhook, a sign-up
 * hook). No cache word anywhere: the read path that caches "not found" lives in the service.
 */
export function provisioningFile(e) {
  const s = new Source(`${e.dir}/${e.kebab}-provisioning.handler.ts`);
  const typeorm = e.cache === 'nest-typeorm';
  s.add(`import { Injectable, Logger } from '@nestjs/common';`);
  if (typeorm) s.add(`import { InjectRepository } from '@nestjs/typeorm';`, `import type { Repository } from 'typeorm';`, `import { ${e.Name} } from './${e.kebab}.entity';`);
  else s.add(`import { PrismaService } from '${UP}/infra/prisma.service';`);
  s.add(`import type { Create${e.Name}Dto } from './${e.kebab}.dto';`, ``);
  s.add(`/** Called by the upstream webhook when a ${e.kebab} is first provisioned under its upstream id. */`, `@Injectable()`, `export class ${e.Name}ProvisioningHandler {`);
  s.add(`  private readonly logger = new Logger(${e.Name}ProvisioningHandler.name);`, ``);
  s.add(typeorm ? `  constructor(@InjectRepository(${e.Name}) private readonly repo: Repository<${e.Name}>) {}` : `  constructor(private readonly prisma: PrismaService) {}`, ``);
  s.add(`  async provision${e.Name}(upstreamId: string, dto: Create${e.Name}Dto): Promise<string> {`);
  s.add(`    const data = { ...dto, id: upstreamId, name: dto.name.trim() };`);
  s.plant(RULE.neg, typeorm ? `    const row = await this.repo.save(this.repo.create(data));` : `    const row = await this.prisma.${e.name}.create({ data });`);
  s.add(`    this.logger.log(\`provisioned ${e.kebab} \${row.id}\`);`, `    return row.id;`, `  }`, `}`);
  return s;
}

/**
 * A unit test of a Redis-backed service with the client mocked by a Map: `store.set('…')` with
 * literal keys after `update` calls, none of which touches a real cache.
 */
export function cachedSpecFile(e) {
  const s = new Source(`${e.dir}/${e.kebab}.service.spec.ts`);
  const key = `${e.keyWord}:${e.keyVersion ? `${e.keyVersion}:` : ''}42`;
  const db = e.cache === 'redis-prisma';
  s.add(`import { ${e.Name}Service } from './${e.kebab}.service';`, ``, `const store = new Map<string, string>();`, ``);
  s.add(`jest.mock('${'../../..'}/infra/redis', () => ({`, `  redis: {`, `    get: async (k: string) => store.get(k) ?? null,`);
  s.add(`    set: async (k: string, v: string) => {`, `      store.set(k, v);`, `      return 'OK';`, `    },`);
  s.add(`    setex: async (k: string, _ttl: number, v: string) => {`, `      store.set(k, v);`, `      return 'OK';`, `    },`);
  s.add(`    del: async (...ks: string[]) => ks.filter((k) => store.delete(k)).length,`, `  },`, `}));`, ``);
  if (!db) s.add(`jest.mock('${'../../..'}/infra/knex', () => ({ db: Object.assign(jest.fn(), { fn: { now: () => 'now()' } }) }));`, ``);
  s.add(`describe('${e.Name}Service', () => {`);
  if (db) {
    s.add(`  const prisma = { ${e.name}: { findUnique: jest.fn(), findMany: jest.fn(), create: jest.fn(), update: jest.fn(), delete: jest.fn() } };`);
    s.add(`  const service = new ${e.Name}Service(prisma as never);`, ``, `  beforeEach(() => {`, `    store.clear();`, `    jest.resetAllMocks();`, `  });`, ``);
    s.add(`  it('serves a second read from the store', async () => {`, `    store.set('${key}', JSON.stringify({ id: '42', name: 'cached' }));`);
    s.add(`    await expect(service.findOne('42')).resolves.toMatchObject({ name: 'cached' });`, `    expect(prisma.${e.name}.findUnique).not.toHaveBeenCalled();`, `  });`, ``);
    s.add(`  it('drops the stored copy after an update', async () => {`, `    store.set('${key}', '{}');`);
    s.add(`    prisma.${e.name}.update.mockResolvedValue({ id: '42', name: 'new', updatedAt: new Date(0) });`, `    await service.update('42', { name: 'new' } as never);`);
    s.add(`    store.set('unrelated', 'kept');`, `    expect(store.has('unrelated')).toBe(true);`, `  });`);
  } else {
    s.add(`  const service = new ${e.Name}Service();`, ``, `  beforeEach(() => store.clear());`, ``);
    s.add(`  it('serves a read from the store', async () => {`, `    store.set('${key}', JSON.stringify({ id: '42', name: 'cached' }));`);
    s.add(`    await expect(service.findOne('42')).resolves.toMatchObject({ name: 'cached' });`, `  });`);
  }
  s.add(`});`);
  return s;
}

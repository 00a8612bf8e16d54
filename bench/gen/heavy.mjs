// The cache-heavy profile (`--profile cache-heavy`): on top of the default workspace, entity
// modules that reach the cache the indirect ways real backends do, so that about a third of the
// files touch a cache. The cache lives in a workspace package (`packages/cache`, published as
// `@acme/cache` through the root package.json `workspaces`) holding the ioredis client, a Nest
// RedisService whose TTL is optional and a BaseCache class; project decorators (`@Cacheable`,
// `@CachePut`, `@CacheEvict`) sit in `src/common`; services import both and the key builders
// through tsconfig `paths` aliases (`@app/*`). Four ways in, one per entity:
//
//   di          Prisma service with RedisService injected by its constructor
//   base        TypeORM service with `<Entity>Cache extends BaseCache` injected; entity listeners
//               (`@AfterInsert`, `@AfterUpdate`) and an EntitySubscriber next to it
//   decorated   Prisma service whose reads and writes are cached by the project decorators
//   sequelize   Sequelize model with hooks (`afterDestroy`, `afterUpdate`) and a service over it
//
// Each planted finding is written with Source.plant, so its line is recorded where it is written.
import { packageJson, tsconfigJson } from './infra.mjs';
import { UP } from './plain.mjs';
import { Source } from './rng.mjs';

const RULE = { sac: 'set-after-commit', ttl: 'missing-ttl', drift: 'key-drift', neg: 'negative-cache-on-create', wfc: 'write-from-cache', mi: 'missing-invalidation', ibc: 'invalidate-before-commit' };

/** Planted findings per 3,000 files through the indirect shapes (at least one of each at any size). */
export const HEAVY_PER_3000 = { 'set-after-commit': 8, 'missing-ttl': 8, 'key-drift': 4, 'negative-cache-on-create': 3, 'write-from-cache': 3, 'missing-invalidation': 3, 'invalidate-before-commit': 3 };

/** Below this the plants' minimum of one per rule and way in leaves no room for the rest. */
export const HEAVY_MIN_FILES = 450;

/** Which way in hosts which plant (variants cycle through each list). */
const SAC_VIA = ['decorated', 'base-listener', 'di', 'base-subscriber', 'sequelize'];
const TTL_VIA = ['di', 'base', 'decorated'];
const DRIFT_VIA = ['di', 'decorated'];
const WFC_VIA = ['di', 'base'];
const MI_VIA = ['di', 'base'];

/** A file reaches the cache when it imports the package, the decorators or an entity cache. */
export const HEAVY_CACHE_IMPORT = /from '(ioredis|cache-manager|@nestjs\/cache-manager|@acme\/cache)'|\/infra\/(redis|redis\.service|json-cache)'|\/common\/cache\.decorators'|from '\.\/[\w-]+\.cache'/;

/** The heavy entities: plant hosts first, then ordinary ones, about 10% of the file count. */
export function planHeavy(files, rng, defaultCached) {
  const counts = {};
  for (const [rule, n] of Object.entries(HEAVY_PER_3000)) counts[rule] = Math.max(1, Math.round((files * n) / 3000));
  const list = [];
  const add = (via, extra = {}) => {
    const e = { via, hplants: {}, ...extra };
    list.push(e);
    return e;
  };
  const base = (v) => (v.startsWith('base') ? 'base' : v);
  for (let i = 0; i < counts['set-after-commit']; i++) add(base(SAC_VIA[i % SAC_VIA.length])).hplants.sac = SAC_VIA[i % SAC_VIA.length];
  for (let i = 0; i < counts['missing-ttl']; i++) add(TTL_VIA[i % TTL_VIA.length]).hplants.ttl = true;
  for (let i = 0; i < counts['key-drift']; i++) add(DRIFT_VIA[i % DRIFT_VIA.length], { job: 'drift' }).hplants.drift = i % 2;
  for (let i = 0; i < counts['negative-cache-on-create']; i++) add('di', { negative: true }).hplants.neg = true;
  for (let i = 0; i < counts['write-from-cache']; i++) add(WFC_VIA[i % WFC_VIA.length]).hplants.wfc = true;
  for (let i = 0; i < counts['missing-invalidation']; i++) add(MI_VIA[i % MI_VIA.length]).hplants.mi = true;
  for (let i = 0; i < counts['invalidate-before-commit']; i++) add('di').hplants.ibc = true;
  // small workspaces: what the default profile's cached modules (~8 files each) and the helper
  // modules leave, at ~5.5 files per heavy entity
  const room = Math.floor((files * 0.88 - defaultCached * 8) / 5.5);
  const target = Math.max(list.length, Math.min(room, Math.round(files * 0.1)));
  while (list.length < target) {
    const r = rng.next();
    const e = add(r < 0.35 ? 'di' : r < 0.65 ? 'base' : r < 0.85 ? 'decorated' : 'sequelize');
    if (e.via === 'di' && rng.chance(0.15)) e.negative = true;
    if ((e.via === 'di' || e.via === 'decorated') && rng.chance(0.3)) e.job = 'literal';
  }
  for (const e of list) {
    e.keyVersion = rng.pick(['v1', 'v2', 'v3', null]);
    e.ttl = rng.pick([120, 300, 600, 900, 3600]);
    e.listenerLookAlike = e.via === 'base' && rng.chance(0.5);
  }
  return { list, counts };
}

/** The ORM an entity of each way in is stored with. */
export const ormOf = (e) => (e.via === 'base' ? 'typeorm' : e.via === 'sequelize' ? 'sequelize' : 'prisma');

export function heavyPackageJson() {
  return packageJson({ workspaces: ['packages/*'], dependencies: { '@acme/cache': '*', sequelize: '^6.37.3' } });
}

export function heavyTsconfigJson() {
  return tsconfigJson({ compilerOptions: { baseUrl: '.', paths: { '@app/*': ['src/*'] } }, include: ['packages'] });
}

/** The manifest of the workspace package `@acme/cache` (packages/cache/package.json). */
export function cachePackageJson() {
  return `${JSON.stringify({ name: '@acme/cache', version: '1.0.0', main: 'src/index.ts', types: 'src/index.ts', dependencies: { ioredis: '^5.4.1' } }, null, 2)}\n`;
}

/** The sources of the workspace package `@acme/cache` and the project's cache decorators. */
export function heavyInfraFiles() {
  const files = [];
  files.push(
    new Source('packages/cache/src/client.ts').add(
      `// The shared Redis connection of every service in the monorepo.`,
      `import Redis from 'ioredis';`,
      ``,
      `export const REDIS_CLIENT = Symbol('REDIS_CLIENT');`,
      ``,
      `export const redis = new Redis(process.env.REDIS_URL!, { maxRetriesPerRequest: 2 });`,
    ),
  );
  files.push(
    new Source('packages/cache/src/redis.service.ts').add(
      `// The monorepo's Redis facade for Nest: JSON in and out; the TTL (seconds) is optional, and`,
      `// without it nothing expires.`,
      `import { Inject, Injectable } from '@nestjs/common';`,
      `import Redis from 'ioredis';`,
      `import { REDIS_CLIENT } from './client';`,
      ``,
      `@Injectable()`,
      `export class RedisService {`,
      `  constructor(@Inject(REDIS_CLIENT) private readonly client: Redis) {}`,
      ``,
      `  async get(key: string) {`,
      `    const data = await this.client.get(key);`,
      `    return data ? JSON.parse(data) : null;`,
      `  }`,
      ``,
      `  async set(key: string, val: unknown, ttl?: number) {`,
      `    const data = JSON.stringify(val);`,
      `    if (!ttl) return this.client.set(key, data);`,
      `    return this.client.set(key, data, 'EX', ttl);`,
      `  }`,
      ``,
      `  async del(key: string) {`,
      `    return this.client.del(key);`,
      `  }`,
      `}`,
    ),
  );
  files.push(
    new Source('packages/cache/src/base-cache.ts').add(
      `// Every entity cache extends this base, which holds the injected client.`,
      `import Redis from 'ioredis';`,
      ``,
      `export abstract class BaseCache {`,
      `  constructor(protected readonly client: Redis) {}`,
      ``,
      `  protected async readJson<T>(key: string): Promise<T | null> {`,
      `    const raw = await this.client.get(key);`,
      `    return raw ? (JSON.parse(raw) as T) : null;`,
      `  }`,
      `}`,
    ),
  );
  files.push(new Source('packages/cache/src/index.ts').add(`export * from './client';`, `export * from './redis.service';`, `export * from './base-cache';`));
  // the app's own handle on the package's service (the decorators import it from here: gen/heavy.mjs's
  // header says why)
  files.push(new Source('src/infra/redis.service.ts').add(`export { RedisService } from '@acme/cache';`));
  files.push(
    new Source('src/common/cache.decorators.ts').add(
      `// Home-made cache decorators over the monorepo's RedisService: a key template whose {0}, {1}… are`,
      `// the method's arguments, and an optional expiry in seconds passed on to RedisService.set.`,
      `import { Inject } from '@nestjs/common';`,
      `import { RedisService } from '../infra/redis.service';`,
      ``,
      `function render(template: string, args: unknown[]) {`,
      `  return template.replace(/\\{(\\d+)\\}/g, (_m, i: string) => String(args[Number(i)]));`,
      `}`,
      ``,
      `export function Cacheable(template: string, ttl?: number) {`,
      `  const injectRedis = Inject(RedisService);`,
      `  return function (target: any, _key: string, descriptor: PropertyDescriptor) {`,
      `    injectRedis(target, 'redis');`,
      `    const method = descriptor.value;`,
      `    descriptor.value = async function (...args: any[]) {`,
      `      const key = render(template, args);`,
      `      const hit = await this.redis.get(key);`,
      `      if (hit) return hit;`,
      `      const result = await method.apply(this, args);`,
      `      await this.redis.set(key, result, ttl);`,
      `      return result;`,
      `    };`,
      `  };`,
      `}`,
      ``,
      `export function CachePut(template: string, ttl = 600) {`,
      `  const injectRedis = Inject(RedisService);`,
      `  return function (target: any, _key: string, descriptor: PropertyDescriptor) {`,
      `    injectRedis(target, 'redis');`,
      `    const method = descriptor.value;`,
      `    descriptor.value = async function (...args: any[]) {`,
      `      const result = await method.apply(this, args);`,
      `      await this.redis.set(render(template, args), result, ttl);`,
      `      return result;`,
      `    };`,
      `  };`,
      `}`,
      ``,
      `export function CacheEvict(template: string) {`,
      `  const injectRedis = Inject(RedisService);`,
      `  return function (target: any, _key: string, descriptor: PropertyDescriptor) {`,
      `    injectRedis(target, 'redis');`,
      `    const method = descriptor.value;`,
      `    descriptor.value = async function (...args: any[]) {`,
      `      const result = await method.apply(this, args);`,
      `      await this.redis.del(render(template, args));`,
      `      return result;`,
      `    };`,
      `  };`,
      `}`,
    ),
  );
  return files;
}

const keyTemplate = (e) => `${e.keyWord}:${e.keyVersion ? `${e.keyVersion}:` : ''}{0}`;
const keysImport = (e) => `import { ${e.keys.importName} } from '@app/keys/${e.area}.keys';`;
const dtoImport = (e) => `import type { Create${e.Name}Dto, Update${e.Name}Dto, ${e.Name}Row, ${e.Name}View } from './${e.kebab}.dto';`;

/** The service of a heavy entity, by its way in. */
export function heavyServiceFile(e) {
  const s = new Source(`${e.dir}/${e.kebab}.service.ts`);
  const K = e.keys.call;
  const p = e.hplants;
  const TTL = `${e.CONST}_TTL_SECONDS`;
  if (e.via === 'di') {
    s.add(`import { Injectable, NotFoundException } from '@nestjs/common';`, `import { RedisService } from '@acme/cache';`, `import { PrismaService } from '@app/infra/prisma.service';`, keysImport(e));
    if (e.negative) s.add(`import { NOT_FOUND, NOT_FOUND_TTL_SECONDS } from '@app/keys/markers';`);
    s.add(dtoImport(e), `import { to${e.Name}View } from './${e.kebab}.mapper';`, ``, `const ${TTL} = ${e.ttl};`, ``);
    s.add(`@Injectable()`, `export class ${e.Name}Service {`, `  constructor(`, `    private readonly prisma: PrismaService,`, `    private readonly redisService: RedisService,`, `  ) {}`, ``);
    s.add(`  async findOne(id: string): Promise<${e.Name}View${e.negative ? ' | null' : ''}> {`, `    const hit = await this.redisService.get(${K('id')});`);
    if (e.negative) s.add(`    if (hit === NOT_FOUND) return null;`);
    s.add(`    if (hit) return hit as ${e.Name}View;`, `    const row = await this.prisma.${e.name}.findUnique({ where: { id } });`);
    if (e.negative) s.add(`    if (!row) {`, `      await this.redisService.set(${K('id')}, NOT_FOUND, NOT_FOUND_TTL_SECONDS);`, `      return null;`, `    }`);
    else s.add(`    if (!row) throw new NotFoundException(\`${e.Name} \${id} not found\`);`);
    s.add(`    const view = to${e.Name}View(row);`);
    if (p.ttl) s.plant(RULE.ttl, `    await this.redisService.set(${K('id')}, view);`);
    else s.add(`    await this.redisService.set(${K('id')}, view, ${TTL});`);
    s.add(`    return view;`, `  }`, ``);
    s.add(`  async list(page = 1, pageSize = 20): Promise<${e.Name}View[]> {`, `    const rows = await this.prisma.${e.name}.findMany({ orderBy: { createdAt: 'desc' }, skip: (page - 1) * pageSize, take: pageSize });`, `    return rows.map(to${e.Name}View);`, `  }`, ``);
    if (!p.neg) {
      s.add(`  async create(dto: Create${e.Name}Dto): Promise<${e.Name}View> {`, `    const row = await this.prisma.${e.name}.create({ data: dto });`);
      if (e.negative) s.add(`    await this.redisService.del(${K('row.id')});`);
      s.add(`    return to${e.Name}View(row);`, `  }`, ``);
    }
    s.add(`  async update(id: string, dto: Update${e.Name}Dto): Promise<${e.Name}View> {`, `    const row = await this.prisma.${e.name}.update({ where: { id }, data: dto });`, `    const view = to${e.Name}View(row);`);
    if (p.sac) s.plant(RULE.sac, `    await this.redisService.set(${K('id')}, view, ${TTL});`);
    else s.add(`    await this.redisService.del(${K('id')});`);
    s.add(`    return view;`, `  }`, ``);
    s.add(`  async remove(id: string): Promise<void> {`, `    await this.prisma.${e.name}.delete({ where: { id } });`, `    await this.redisService.del(${K('id')});`, `  }`);
    if (p.wfc) {
      s.add(``, `  /** Stamps the record as reviewed, starting from what the cache holds. */`, `  async markReviewed(id: string): Promise<void> {`);
      s.add(`    const current = (await this.redisService.get(${K('id')})) as ${e.Name}View | null;`, `    if (!current) return;`);
      s.plant(RULE.wfc, `    await this.prisma.${e.name}.update({ where: { id }, data: { ...current, reviewedAt: new Date() } });`);
      s.add(`    await this.redisService.del(${K('id')});`, `  }`);
    }
    if (p.mi) {
      s.add(``, `  /** Archives the record (an admin action); the cached copy is forgotten. */`, `  async archive(id: string): Promise<void> {`);
      s.plant(RULE.mi, `    await this.prisma.${e.name}.update({ where: { id }, data: { archivedAt: new Date() } });`);
      s.add(`  }`);
    }
    if (p.ibc) {
      s.add(``, `  /** Deactivates the record; its cached copy is dropped inside the transaction. */`, `  async deactivate(id: string): Promise<void> {`);
      s.add(`    await this.prisma.$transaction(async (tx) => {`, `      await tx.${e.name}.update({ where: { id }, data: { active: false } });`);
      s.plant(RULE.ibc, `      await this.redisService.del(${K('id')});`);
      s.add(`    });`, `  }`);
    } else {
      // look-alike: the same delete, after the transaction
      s.add(``, `  async deactivate(id: string): Promise<void> {`, `    await this.prisma.$transaction(async (tx) => {`, `      await tx.${e.name}.update({ where: { id }, data: { active: false } });`);
      s.add(`      await tx.auditEntry.create({ data: { entity: '${e.kebab}', entityId: id, action: 'deactivate' } });`, `    });`, `    await this.redisService.del(${K('id')});`, `  }`);
    }
    s.add(`}`);
    return s;
  }
  if (e.via === 'base') {
    s.add(`import { Injectable, NotFoundException } from '@nestjs/common';`, `import { InjectRepository } from '@nestjs/typeorm';`, `import type { Repository } from 'typeorm';`);
    s.add(`import type { Create${e.Name}Dto, Update${e.Name}Dto } from './${e.kebab}.dto';`, `import { ${e.Name} } from './${e.kebab}.entity';`, `import { ${e.Name}Cache } from './${e.kebab}.cache';`, ``);
    s.add(`@Injectable()`, `export class ${e.Name}Service {`, `  constructor(`, `    @InjectRepository(${e.Name}) private readonly repo: Repository<${e.Name}>,`, `    private readonly cache: ${e.Name}Cache,`, `  ) {}`, ``);
    s.add(`  async findOne(id: string): Promise<${e.Name}> {`, `    const row = await this.cache.find(id);`, `    if (!row) throw new NotFoundException(\`${e.Name} \${id} not found\`);`, `    return row;`, `  }`, ``);
    s.add(`  count(): Promise<number> {`, `    return this.cache.count();`, `  }`, ``);
    s.add(`  list(page = 1, pageSize = 20): Promise<${e.Name}[]> {`, `    return this.repo.find({ order: { createdAt: 'DESC' }, skip: (page - 1) * pageSize, take: pageSize });`, `  }`, ``);
    s.add(`  async create(dto: Create${e.Name}Dto): Promise<${e.Name}> {`, `    const row = await this.repo.save(this.repo.create(dto));`, `    await this.cache.evictCount();`, `    return row;`, `  }`, ``);
    s.add(`  async update(id: string, dto: Update${e.Name}Dto): Promise<${e.Name}> {`, `    await this.repo.update({ id }, dto);`, `    await this.cache.evict(id);`, `    return this.findOne(id);`, `  }`, ``);
    s.add(`  async remove(id: string): Promise<void> {`, `    await this.repo.delete({ id });`, `    await this.cache.evict(id);`, `  }`);
    if (p.wfc) s.add(``, `  markReviewed(id: string): Promise<void> {`, `    return this.cache.markReviewed(id);`, `  }`);
    if (p.mi) {
      s.add(``, `  /** Archives the record (an admin action); the cached copy is forgotten. */`, `  async archive(id: string): Promise<void> {`);
      s.plant(RULE.mi, `    await this.repo.update({ id }, { archivedAt: new Date() });`);
      s.add(`  }`);
    }
    s.add(`}`);
    return s;
  }
  if (e.via === 'decorated') {
    const tpl = keyTemplate(e);
    s.add(`import { Injectable, NotFoundException } from '@nestjs/common';`, `import { Cacheable, CacheEvict${p.sac ? ', CachePut' : ''} } from '${UP}/common/cache.decorators';`, `import { PrismaService } from '@app/infra/prisma.service';`);
    s.add(dtoImport(e), `import { to${e.Name}View } from './${e.kebab}.mapper';`, ``);
    s.add(`@Injectable()`, `export class ${e.Name}Service {`, `  constructor(private readonly prisma: PrismaService) {}`, ``);
    if (p.ttl) s.plant(RULE.ttl, `  @Cacheable('${tpl}')`);
    else s.add(`  @Cacheable('${tpl}', ${e.ttl})`);
    s.add(`  async findOne(id: string): Promise<${e.Name}View> {`, `    const row = await this.prisma.${e.name}.findUnique({ where: { id } });`, `    if (!row) throw new NotFoundException(\`${e.Name} \${id} not found\`);`, `    return to${e.Name}View(row);`, `  }`, ``);
    s.add(`  async list(page = 1, pageSize = 20): Promise<${e.Name}View[]> {`, `    const rows = await this.prisma.${e.name}.findMany({ orderBy: { createdAt: 'desc' }, skip: (page - 1) * pageSize, take: pageSize });`, `    return rows.map(to${e.Name}View);`, `  }`, ``);
    s.add(`  async create(dto: Create${e.Name}Dto): Promise<${e.Name}View> {`, `    return to${e.Name}View(await this.prisma.${e.name}.create({ data: dto }));`, `  }`, ``);
    if (p.sac) s.plant(RULE.sac, `  @CachePut('${tpl}', ${e.ttl})`);
    else s.add(`  @CacheEvict('${tpl}')`);
    s.add(`  async update(id: string, dto: Update${e.Name}Dto): Promise<${e.Name}View> {`, `    return to${e.Name}View(await this.prisma.${e.name}.update({ where: { id }, data: dto }));`, `  }`, ``);
    s.add(`  @CacheEvict('${tpl}')`, `  async remove(id: string): Promise<void> {`, `    await this.prisma.${e.name}.delete({ where: { id } });`, `  }`, `}`);
    return s;
  }
  // sequelize
  s.add(`import { Injectable, NotFoundException } from '@nestjs/common';`, `import { RedisService } from '@acme/cache';`, keysImport(e), `import type { Create${e.Name}Dto, Update${e.Name}Dto } from './${e.kebab}.dto';`, `import { ${e.Name}Model } from './${e.kebab}.model';`, ``);
  s.add(`@Injectable()`, `export class ${e.Name}Service {`, `  constructor(private readonly redisService: RedisService) {}`, ``);
  s.add(`  async findOne(id: string) {`, `    const hit = await this.redisService.get(${K('id')});`, `    if (hit) return hit;`, `    const row = await ${e.Name}Model.findByPk(id);`);
  s.add(`    if (!row) throw new NotFoundException(\`${e.Name} \${id} not found\`);`, `    await this.redisService.set(${K('id')}, row.toJSON(), ${e.ttl});`, `    return row.toJSON();`, `  }`, ``);
  s.add(`  async list(page = 1, pageSize = 20) {`, `    return ${e.Name}Model.findAll({ order: [['createdAt', 'DESC']], offset: (page - 1) * pageSize, limit: pageSize });`, `  }`, ``);
  s.add(`  create(dto: Create${e.Name}Dto) {`, `    return ${e.Name}Model.create({ ...dto });`, `  }`, ``);
  s.add(`  async update(id: string, dto: Update${e.Name}Dto) {`, `    await ${e.Name}Model.update({ ...dto }, { where: { id }, individualHooks: true });`, `    await this.redisService.del(${K('id')});`, `    return this.findOne(id);`, `  }`, ``);
  s.add(`  async remove(id: string): Promise<void> {`, `    await ${e.Name}Model.destroy({ where: { id }, individualHooks: true });`, `    await this.redisService.del(${K('id')});`, `  }`, `}`);
  return s;
}

/**
 * `<Entity>Cache extends BaseCache`: a cached repository, reading through the inherited client and
 * loading from the injected TypeORM repository on a miss.
 */
export function entityCacheFile(e) {
  const s = new Source(`${e.dir}/${e.kebab}.cache.ts`);
  const K = e.keys.call;
  s.add(`import { Inject, Injectable } from '@nestjs/common';`, `import { InjectRepository } from '@nestjs/typeorm';`, `import { BaseCache, REDIS_CLIENT } from '@acme/cache';`, `import Redis from 'ioredis';`, `import type { Repository } from 'typeorm';`);
  s.add(keysImport(e), `import { ${e.Name} } from './${e.kebab}.entity';`, ``);
  s.add(`@Injectable()`, `export class ${e.Name}Cache extends BaseCache {`, `  constructor(`, `    @Inject(REDIS_CLIENT) client: Redis,`, `    @InjectRepository(${e.Name}) private readonly repo: Repository<${e.Name}>,`, `  ) {`, `    super(client);`, `  }`, ``);
  s.add(`  async find(id: string): Promise<${e.Name} | null> {`, `    const hit = await this.readJson<${e.Name}>(${K('id')});`, `    if (hit) return hit;`, `    const row = await this.repo.findOneBy({ id });`);
  if (e.hplants.ttl) s.plant(RULE.ttl, `    if (row) await this.client.set(${K('id')}, JSON.stringify(row));`);
  else s.add(`    if (row) await this.client.set(${K('id')}, JSON.stringify(row), 'EX', ${e.ttl});`);
  s.add(`    return row;`, `  }`, ``);
  // read by the count below, dropped by the subscriber after each commit
  s.add(`  async count(): Promise<number> {`, `    const hit = await this.client.get('${e.keyWord}:count');`, `    if (hit !== null) return Number(hit);`, `    const n = await this.repo.count();`, `    await this.client.set('${e.keyWord}:count', String(n), 'EX', 60);`, `    return n;`, `  }`, ``);
  s.add(`  async evict(id: string): Promise<void> {`, `    await this.client.del(${K('id')});`, `  }`, ``);
  s.add(`  async evictCount(): Promise<void> {`, `    await this.client.del('${e.keyWord}:count');`, `  }`);
  if (e.hplants.wfc) {
    // planted here, not in the service: cachelint does not follow a value returned by a method of
    // an injected cache class (bench/README.md, "gaps")
    s.add(``, `  /** Stamps the record as reviewed, starting from what the cache holds. */`, `  async markReviewed(id: string): Promise<void> {`);
    s.add(`    const current = await this.readJson<${e.Name}>(${K('id')});`, `    if (!current) return;`);
    s.plant(RULE.wfc, `    await this.repo.save({ ...current, reviewedAt: new Date() });`);
    s.add(`    await this.client.del(${K('id')});`, `  }`);
  }
  s.add(`}`);
  return s;
}

/**
 * The TypeORM entity, with listeners: `@AfterUpdate` re-caching the row (planted), or look-alikes
 * that must stay silent (`@AfterInsert` caching a row nobody can hold an older copy of).
 */
export function heavyEntityFile(e) {
  const s = new Source(`${e.dir}/${e.kebab}.entity.ts`);
  const listener = e.hplants.sac === 'base-listener' ? 'AfterUpdate' : e.listenerLookAlike ? 'AfterInsert' : undefined;
  if (listener) s.add(`import { redis } from '@acme/cache';`);
  s.add(`import { ${listener ? `${listener}, ` : ''}Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';`, ``);
  s.add(`@Entity({ name: '${e.table}' })`, `export class ${e.Name} {`, `  @PrimaryGeneratedColumn('uuid')`, `  id!: string;`, ``);
  for (const f of e.fields) s.add(`  @Column()`, `  ${f.name}!: ${f.ts}${f.optional ? ' | null' : ''};`, ``);
  s.add(`  @CreateDateColumn({ name: 'created_at' })`, `  createdAt!: Date;`, ``, `  @UpdateDateColumn({ name: 'updated_at' })`, `  updatedAt!: Date;`);
  if (listener) {
    s.add(``, `  @${listener}()`, `  async remember(): Promise<void> {`);
    const set = `    await redis.set(\`${e.keyWord}:${e.keyVersion ? `${e.keyVersion}:` : ''}\${this.id}\`, JSON.stringify(this), 'EX', ${e.ttl});`;
    if (listener === 'AfterUpdate') s.plant(RULE.sac, set);
    else s.add(set);
    s.add(`  }`);
  }
  s.add(`}`);
  return s;
}

/** A TypeORM subscriber: drops the cached row after the commit, or (planted) re-caches in afterUpdate. */
export function subscriberFile(e) {
  const s = new Source(`${e.dir}/${e.kebab}.subscriber.ts`);
  const planted = e.hplants.sac === 'base-subscriber';
  s.add(`import { Inject } from '@nestjs/common';`, `import { REDIS_CLIENT } from '@acme/cache';`, `import Redis from 'ioredis';`);
  s.add(`import { DataSource, EntitySubscriberInterface, EventSubscriber, ${planted ? 'UpdateEvent' : 'TransactionCommitEvent'} } from 'typeorm';`, `import { ${e.Name} } from './${e.kebab}.entity';`, ``);
  s.add(`@EventSubscriber()`, `export class ${e.Name}Subscriber implements EntitySubscriberInterface<${e.Name}> {`, `  constructor(`, `    dataSource: DataSource,`, `    @Inject(REDIS_CLIENT) private readonly client: Redis,`, `  ) {`, `    dataSource.subscribers.push(this);`, `  }`, ``);
  s.add(`  listenTo() {`, `    return ${e.Name};`, `  }`, ``);
  if (planted) {
    s.add(`  async afterUpdate(event: UpdateEvent<${e.Name}>) {`, `    const row = event.entity as ${e.Name};`);
    s.plant(RULE.sac, `    await this.client.set(\`${e.keyWord}:${e.keyVersion ? `${e.keyVersion}:` : ''}\${row.id}\`, JSON.stringify(row), 'EX', ${e.ttl});`);
  } else {
    s.add(`  async afterTransactionCommit(event: TransactionCommitEvent) {`, `    await this.client.del('${e.keyWord}:count');`);
  }
  s.add(`  }`, `}`);
  return s;
}

/** A Sequelize model with hooks: afterDestroy drops the cached row; (planted) afterUpdate re-caches it. */
export function sequelizeModelFile(e) {
  const s = new Source(`${e.dir}/${e.kebab}.model.ts`);
  const key = (v) => `\`${e.keyWord}:${e.keyVersion ? `${e.keyVersion}:` : ''}\${${v}.id}\``;
  s.add(`import { redis } from '@acme/cache';`, `import { DataTypes, Model } from 'sequelize';`, `import { sequelize } from '@app/infra/sequelize';`, ``);
  s.add(`export class ${e.Name}Model extends Model {`, `  declare id: string;`);
  for (const f of e.fields) s.add(`  declare ${f.name}: ${f.ts}${f.optional ? ' | null' : ''};`);
  s.add(`}`, ``, `${e.Name}Model.init(`, `  {`, `    id: { type: DataTypes.UUID, defaultValue: DataTypes.UUIDV4, primaryKey: true },`);
  for (const f of e.fields) s.add(`    ${f.name}: DataTypes.${f.ts === 'number' ? 'INTEGER' : f.ts === 'boolean' ? 'BOOLEAN' : 'STRING'},`);
  s.add(`  },`, `  { sequelize, tableName: '${e.table}' },`, `);`, ``);
  s.add(`${e.Name}Model.afterDestroy(async (row: ${e.Name}Model) => {`, `  await redis.del(${key('row')});`, `});`);
  if (e.hplants.sac === 'sequelize') {
    s.add(``, `${e.Name}Model.addHook('afterUpdate', 'recache', async (row: ${e.Name}Model) => {`);
    s.plant(RULE.sac, `  await redis.set(${key('row')}, JSON.stringify(row.toJSON()), 'EX', ${e.ttl});`);
    s.add(`});`);
  }
  return s;
}

/** An archive job of a heavy entity: deletes its key through RedisService or the raw client. */
export function heavyJobFile(e) {
  const s = new Source(`${e.dir}/${e.kebab}-archive.job.ts`);
  const ver = e.keyVersion ? `${e.keyVersion}:` : '';
  const plural = e.keyWord.replace(/[^aeiou]y$/, (m) => `${m[0]}ie`) + 's';
  s.add(`import { Injectable, Logger } from '@nestjs/common';`, `import { RedisService } from '@acme/cache';`, `import { PrismaService } from '@app/infra/prisma.service';`, ``);
  s.add(`/** Archives ${e.route} nobody touched for a year; the scheduler runs it nightly. */`, `@Injectable()`, `export class ${e.Name}ArchiveJob {`, `  private readonly logger = new Logger(${e.Name}ArchiveJob.name);`, ``);
  s.add(`  constructor(`, `    private readonly prisma: PrismaService,`, `    private readonly redisService: RedisService,`, `  ) {}`, ``);
  s.add(`  async archive(ids: readonly string[]): Promise<number> {`, `    for (const id of ids) {`, `      await this.prisma.${e.name}.update({ where: { id }, data: { status: 'archived' } });`);
  if (e.job === 'drift') s.plant(RULE.drift, e.hplants.drift === 0 ? `      await this.redisService.del(\`${plural}:${ver}\${id}\`);` : `      await this.redisService.del(\`cache:${e.keyWord}:${ver}\${id}\`);`);
  else s.add(`      await this.redisService.del(\`${e.keyWord}:${ver}\${id}\`);`);
  s.add(`    }`, `    this.logger.log(\`archived \${ids.length} ${e.route}\`);`, `    return ids.length;`, `  }`, `}`);
  return s;
}

/** Where a record is first created when an upstream system provisions it: no cache word anywhere. */
export function heavyProvisioningFile(e) {
  const s = new Source(`${e.dir}/${e.kebab}-provisioning.handler.ts`);
  s.add(`import { Injectable } from '@nestjs/common';`, `import { PrismaService } from '@app/infra/prisma.service';`, `import type { Create${e.Name}Dto } from './${e.kebab}.dto';`, ``);
  s.add(`@Injectable()`, `export class ${e.Name}ProvisioningHandler {`, `  constructor(private readonly prisma: PrismaService) {}`, ``);
  s.add(`  async provision${e.Name}(upstreamId: string, dto: Create${e.Name}Dto): Promise<string> {`);
  s.plant(RULE.neg, `    const row = await this.prisma.${e.name}.create({ data: { ...dto, id: upstreamId } });`);
  s.add(`    return row.id;`, `  }`, `}`);
  return s;
}

/** The Sequelize connection (only the cache-heavy profile has Sequelize models). */
export function sequelizeInfraFile() {
  return new Source('src/infra/sequelize.ts').add(`import { Sequelize } from 'sequelize';`, ``, `export const sequelize = new Sequelize(process.env.DATABASE_URL!, { logging: false });`);
}

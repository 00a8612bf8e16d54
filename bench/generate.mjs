#!/usr/bin/env node
// Deterministic synthetic backend for the benchmark: N source files of NestJS-style code over
// Prisma, TypeORM and knex, of which roughly 5–10% touch a cache (ioredis, Nest cache-manager, a
// JSON wrapper), with a known number of planted findings per rule. Everything else is code that
// must not fire. Writes `expected.json` (per-rule counts and the file:line of every planted
// finding) next to `src/`, and returns the same object.
//
// `--profile cache-heavy` adds entity modules that reach the cache indirectly (a DI-injected
// RedisService, BaseCache subclasses, ORM hooks, project decorators, a workspace package and
// tsconfig `paths` aliases: gen/heavy.mjs) until about a third of the files touch a cache. The
// default profile's output is unchanged byte for byte.
//
//   node bench/generate.mjs <dir> [--files 3000] [--seed 1] [--profile default|cache-heavy]
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { archiveJobFile, cachedServiceFile, cachedSpecFile, provisioningFile } from './gen/cached.mjs';
import { cachePackageJson, entityCacheFile, HEAVY_CACHE_IMPORT, HEAVY_MIN_FILES, heavyEntityFile, heavyInfraFiles, heavyJobFile, heavyPackageJson, heavyProvisioningFile, heavyServiceFile, heavyTsconfigJson, ormOf, planHeavy, sequelizeInfraFile, sequelizeModelFile, subscriberFile } from './gen/heavy.mjs';
import { infraFiles, keysModule, packageJson, tsconfigJson } from './gen/infra.mjs';
import { AREAS, entityNames, spellings } from './gen/names.mjs';
import { controllerFile, dtoFile, entityFile, mapperFile, moduleFile, pickFields, plainServiceFile, repositoryFile, specFile, validatorFile } from './gen/plain.mjs';
import { createRng } from './gen/rng.mjs';
import { fillerLines, largeUtilFile, UTIL_KINDS, utilFile } from './gen/utils.mjs';

export const GENERATOR_VERSION = 5;

/** Planted findings per 3,000 files (at least one of each at any size). */
const PER_3000 = { 'set-after-commit': 12, 'missing-ttl': 15, 'key-drift': 8, 'negative-cache-on-create': 6, 'write-from-cache': 6, 'missing-invalidation': 6, 'invalidate-before-commit': 4 };
export const RULES = Object.keys(PER_3000);

export const MIN_FILES = 120;

export const PROFILES = ['default', 'cache-heavy'];

/** Which stacks host which plants (variants cycle through each list). */
const SAC_STACKS = ['redis-prisma', 'nest-typeorm', 'wrapper-knex', 'redis-knex'];
const TTL_STACKS = ['redis-prisma', 'redis-knex'];
const DRIFT_STACKS = ['redis-prisma', 'nest-typeorm', 'redis-knex', 'wrapper-knex'];
const NEG_STACKS = ['redis-prisma', 'nest-typeorm'];
const WFC_STACKS = ['redis-prisma', 'nest-typeorm', 'redis-knex'];
const MI_STACKS = ['redis-prisma', 'nest-typeorm', 'redis-knex'];

function plannedCounts(files) {
  const out = {};
  for (const [rule, n] of Object.entries(PER_3000)) out[rule] = Math.max(1, Math.round((files * n) / 3000));
  return out;
}

/** The cached entities: plant hosts first (stack fixed by the plant), then ordinary ones. */
function planCached(files, counts, rng) {
  const bigCount = Math.max(1, Math.round(files / 1500));
  const list = [];
  const add = (cache, extra = {}) => {
    const e = { cache, plants: {}, negative: false, job: undefined, ...extra };
    list.push(e);
    return e;
  };
  // the editor benchmark's file: a ~1,000-line Redis service holding the first missing-ttl plant
  const big = [];
  for (let i = 0; i < bigCount; i++) big.push(add('redis-prisma', { big: true }));
  for (let i = 0; i < counts['missing-ttl']; i++) {
    const host = i < big.length ? big[i] : add(TTL_STACKS[i % TTL_STACKS.length]);
    host.plants.ttl = i % 3;
  }
  for (let i = 0; i < counts['set-after-commit']; i++) add(SAC_STACKS[i % SAC_STACKS.length]).plants.sac = i % 3;
  for (let i = 0; i < counts['key-drift']; i++) {
    const e = add(DRIFT_STACKS[i % DRIFT_STACKS.length], { job: 'drift' });
    e.plants.drift = i % 4;
  }
  for (let i = 0; i < counts['negative-cache-on-create']; i++) add(NEG_STACKS[i % NEG_STACKS.length], { negative: true }).plants.neg = true;
  for (let i = 0; i < counts['write-from-cache']; i++) add(WFC_STACKS[i % WFC_STACKS.length]).plants.wfc = true;
  for (let i = 0; i < counts['missing-invalidation']; i++) add(MI_STACKS[i % MI_STACKS.length]).plants.mi = true;
  for (let i = 0; i < counts['invalidate-before-commit']; i++) add('redis-prisma').plants.ibc = true;
  // the editor benchmark's cross-file pair: an archive job deleting this key written by hand
  const lspDependent = add('redis-prisma', { job: 'literal', keyVersion: 'v1' });
  const target = Math.max(list.length + 3, Math.round(files * 0.045));
  while (list.length < target) {
    const r = rng.next();
    const cache = r < 0.45 ? 'redis-prisma' : r < 0.75 ? 'nest-typeorm' : r < 0.87 ? 'redis-knex' : 'wrapper-knex';
    const e = add(cache);
    if ((cache === 'redis-prisma' || cache === 'nest-typeorm') && rng.chance(0.15)) e.negative = true;
    if (rng.chance(0.3)) e.job = rng.chance(0.5) ? 'builder' : 'literal';
  }
  for (const e of list) {
    const redisy = e.cache === 'redis-prisma' || e.cache === 'redis-knex';
    e.list = e.cache !== 'nest-typeorm' && !e.big && rng.chance(0.4);
    e.counter = redisy && rng.chance(0.2);
    e.marker = redisy && rng.chance(0.15);
    e.tx = (e.cache === 'redis-prisma' || e.cache === 'redis-knex') && rng.chance(0.3);
    e.warmOnCreate = redisy && !e.negative && rng.chance(0.3);
    e.keyVersion ??= rng.pick(['v1', 'v1', 'v2', 'v2', 'v3', null]);
  }
  return { list, big, lspDependent };
}

/** Everything the workspace holds, as Sources, plus the LSP benchmark's anchors. */
function planWorkspace(files, rng, profile) {
  if (files < MIN_FILES) throw new Error(`--files must be at least ${MIN_FILES}`);
  if (profile === 'cache-heavy' && files < HEAVY_MIN_FILES) throw new Error(`--files must be at least ${HEAVY_MIN_FILES} with --profile cache-heavy`);
  const counts = plannedCounts(files);
  const { list: cached, big, lspDependent } = planCached(files, counts, rng);
  const heavy = profile === 'cache-heavy' ? planHeavy(files, rng, cached.length) : { list: [], counts: {} };
  for (const [rule, n] of Object.entries(heavy.counts)) counts[rule] += n;
  // the heavy entities take the room of plain ones (and the name pool runs out at 30,000 files otherwise)
  const names = entityNames(Math.ceil(files / (heavy.list.length > 0 ? 12 : 5)) + cached.length + heavy.list.length + 20, rng);
  const areas = AREAS.slice(0, Math.min(AREAS.length, Math.max(3, Math.round(files / 150))));
  let nameAt = 0;
  const nameEntity = (e, i) => {
    Object.assign(e, spellings(names[nameAt++]));
    e.area = areas[i % areas.length];
    e.dir = `src/modules/${e.area}/${e.kebab}`;
    e.keyWord = e.kebab;
    e.fields = pickFields(rng);
    e.orm = e.cache === 'nest-typeorm' ? 'typeorm' : e.cache === 'redis-prisma' ? 'prisma' : e.cache ? 'knex' : e.orm;
  };
  rng.shuffle(cached.map((_, i) => i)).forEach((idx, i) => nameEntity(cached[idx], i));
  if (heavy.list.length > 0) {
    rng.shuffle(heavy.list.map((_, i) => i)).forEach((idx, i) => nameEntity(heavy.list[idx], i));
    for (const e of heavy.list) e.orm = ormOf(e);
  }

  const out = [...infraFiles()];
  if (heavy.list.length > 0) out.push(...heavyInfraFiles(), sequelizeInfraFile());
  // key builders: one module per area that caches anything, in the area's own style
  for (const area of areas) {
    const inArea = [...cached, ...heavy.list].filter((e) => e.area === area);
    if (inArea.length === 0) continue;
    const { src, calls } = keysModule(area, inArea, rng.pick(['object', 'object', 'object', 'functions', 'class']));
    for (const e of inArea) {
      e.keys = calls.get(e.name);
      e.keysFile = src.path;
    }
    out.push(src);
  }

  for (const e of cached) {
    out.push(dtoFile(e), mapperFile(e, rng), validatorFile(e, rng));
    const svc = cachedServiceFile(e, rng);
    if (e.big) svc.add('', ...fillerLines(1000 - svc.lineCount - 1, rng));
    out.push(svc, controllerFile(e, rng, { create: !e.plants.neg }));
    const extra = [];
    if (e.orm === 'typeorm') out.push(entityFile(e));
    if (e.job) {
      out.push(archiveJobFile(e));
      extra.push({ name: `${e.Name}ArchiveJob`, file: `${e.kebab}-archive.job` });
    }
    if (e.plants.neg) {
      out.push(provisioningFile(e));
      extra.push({ name: `${e.Name}ProvisioningHandler`, file: `${e.kebab}-provisioning.handler` });
    }
    out.push(moduleFile(e, extra));
    if (rng.chance(0.5)) out.push(specFile(e, rng));
    if ((e.cache === 'redis-prisma' || e.cache === 'redis-knex') && rng.chance(0.5)) out.push(cachedSpecFile(e));
  }

  for (const e of heavy.list) {
    out.push(dtoFile(e), mapperFile(e, rng), heavyServiceFile(e), controllerFile(e, rng, { create: !e.hplants.neg }));
    const extra = [];
    if (e.via === 'base') {
      out.push(heavyEntityFile(e), entityCacheFile(e), subscriberFile(e));
      extra.push({ name: `${e.Name}Cache`, file: `${e.kebab}.cache` }, { name: `${e.Name}Subscriber`, file: `${e.kebab}.subscriber` });
    }
    if (e.via === 'sequelize') out.push(sequelizeModelFile(e));
    if (e.job) {
      out.push(heavyJobFile(e));
      extra.push({ name: `${e.Name}ArchiveJob`, file: `${e.kebab}-archive.job` });
    }
    if (e.hplants.neg) {
      out.push(heavyProvisioningFile(e));
      extra.push({ name: `${e.Name}ProvisioningHandler`, file: `${e.kebab}-provisioning.handler` });
    }
    out.push(moduleFile(e, extra));
  }

  // long plain files, then plain entity modules, then helper modules up to exactly `files`
  const bigUtils = Math.max(1, Math.round(files / 1000));
  for (let i = 0; i < bigUtils; i++) out.push(largeUtilFile(`src/common/shared-helpers-${i + 1}.ts`, 950 + rng.int(0, 120), rng));
  const reserve = Math.max(6, Math.round(files * 0.12));
  for (let i = 0; files - out.length > reserve + 9; i++) {
    const e = { cache: undefined, plants: {}, orm: rng.pick(['prisma', 'prisma', 'prisma', 'prisma', 'prisma', 'typeorm', 'typeorm', 'typeorm', 'knex', 'knex']) };
    nameEntity(e, i);
    out.push(dtoFile(e), mapperFile(e, rng), validatorFile(e, rng), repositoryFile(e), plainServiceFile(e, rng), controllerFile(e, rng), moduleFile(e));
    if (e.orm === 'typeorm') out.push(entityFile(e));
    if (rng.chance(0.7)) out.push(specFile(e, rng));
  }
  const taken = new Set(out.map((s) => s.path));
  for (let i = 0; out.length < files; i++) {
    const kind = UTIL_KINDS[i % UTIL_KINDS.length];
    const word = rng.pick([...areas, ...names.slice(0, 200)]);
    let path = `src/common/${kind}/${word}-${kind}.ts`;
    for (let k = 2; taken.has(path); k++) path = `src/common/${kind}/${word}-${kind}-${k}.ts`;
    taken.add(path);
    out.push(utilFile(path, kind, word, rng));
  }
  if (out.length !== files) throw new Error(`planned ${out.length} files for ${files}: raise --files`);

  const bigFile = out.find((s) => s.path === `${big[0].dir}/${big[0].kebab}.service.ts`);
  const job = out.find((s) => s.path === `${lspDependent.dir}/${lspDependent.kebab}-archive.job.ts`);
  const delLine = job.lines.findIndex((l) => l.includes('.del(')) + 1;
  const keysLineText = out.find((s) => s.path === lspDependent.keysFile).lines[lspDependent.keyLine - 1];
  const touch = cached.find((e) => !e.big && Object.keys(e.plants).length === 0 && e !== lspDependent) ?? cached[0];
  return {
    counts,
    sources: out,
    lsp: {
      bigFile: bigFile.path,
      bigFileLines: bigFile.lineCount,
      keysFile: lspDependent.keysFile,
      keysLine: lspDependent.keyLine,
      keysColumn: keysLineText.indexOf(`:${lspDependent.keyVersion}:`) + 1,
      keysFrom: lspDependent.keyVersion,
      keysTo: 'v9',
      dependentFile: job.path,
      dependentLine: delLine,
    },
    touchFile: `${touch.dir}/${touch.kebab}.service.ts`,
  };
}

const CACHE_IMPORT = /from '(ioredis|cache-manager|@nestjs\/cache-manager)'|\/infra\/(redis|json-cache)'/;

/**
 * Writes the workspace into `dir` (created; a previous generated workspace there is replaced)
 * and returns what `expected.json` holds.
 */
export function generate(dir, { files = 3000, seed = 1, profile = 'default' } = {}) {
  if (!PROFILES.includes(profile)) throw new Error(`unknown profile ${profile}: one of ${PROFILES.join(', ')}`);
  const heavy = profile === 'cache-heavy';
  const root = resolve(dir);
  if (existsSync(root) && readdirSync(root).length > 0) {
    if (!existsSync(join(root, 'expected.json'))) throw new Error(`${root} is not empty and holds no generated workspace; refusing to overwrite it`);
    for (const name of ['src', 'packages', 'expected.json', 'package.json', 'tsconfig.json']) rmSync(join(root, name), { recursive: true, force: true });
  }
  const rng = createRng(seed);
  const plan = planWorkspace(files, rng, profile);
  mkdirSync(root, { recursive: true });
  writeFileSync(join(root, 'package.json'), heavy ? heavyPackageJson() : packageJson());
  writeFileSync(join(root, 'tsconfig.json'), heavy ? heavyTsconfigJson() : tsconfigJson());
  const reachesCache = heavy ? HEAVY_CACHE_IMPORT : CACHE_IMPORT;
  if (heavy) {
    mkdirSync(join(root, 'packages', 'cache'), { recursive: true });
    writeFileSync(join(root, 'packages', 'cache', 'package.json'), cachePackageJson());
  }
  let lines = 0;
  let cacheFiles = 0;
  const findings = [];
  for (const s of plan.sources) {
    const text = s.text();
    mkdirSync(dirname(join(root, s.path)), { recursive: true });
    writeFileSync(join(root, s.path), text);
    lines += s.lineCount;
    if (reachesCache.test(text)) cacheFiles++;
    findings.push(...s.plants);
  }
  findings.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
  const counts = Object.fromEntries(RULES.map((r) => [r, findings.filter((f) => f.rule === r).length]));
  for (const r of RULES) if (counts[r] !== plan.counts[r]) throw new Error(`planned ${plan.counts[r]} ${r} findings, wrote ${counts[r]}`);
  const expected = {
    generator: GENERATOR_VERSION,
    // only a non-default profile is recorded, so the default expected.json stays as it was
    ...(heavy ? { profile } : {}),
    seed,
    files,
    lines,
    cacheFiles,
    counts,
    findings,
    lsp: plan.lsp,
    touchFile: plan.touchFile,
  };
  writeFileSync(join(root, 'expected.json'), `${JSON.stringify(expected, null, 2)}\n`);
  return expected;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values, positionals } = parseArgs({ options: { files: { type: 'string' }, seed: { type: 'string' }, profile: { type: 'string' } }, allowPositionals: true });
  if (positionals.length !== 1 || (values.profile !== undefined && !PROFILES.includes(values.profile))) {
    console.error(`usage: node bench/generate.mjs <dir> [--files 3000] [--seed 1] [--profile ${PROFILES.join('|')}]`);
    process.exit(2);
  }
  const e = generate(positionals[0], { files: Number(values.files ?? 3000), seed: Number(values.seed ?? 1), profile: values.profile ?? 'default' });
  console.log(`${e.files} files, ${e.lines} lines, ${e.cacheFiles} touch a cache; planted ${JSON.stringify(e.counts)}`);
}

// The shared plumbing of the synthetic backend: package manifest, the Redis connection, the Nest
// cache-manager setup, a JSON cache wrapper, the ORM clients (Prisma, TypeORM, knex) and the key
// builder modules. Only redis.ts, cache.module.ts and json-cache.ts mention a cache: the key
// builders live in `src/keys/*.keys.ts` and never say "cache", as in many real codebases.
import { Source } from './rng.mjs';

/** The workspace's package.json; `extra` adds npm workspaces and dependencies (the cache-heavy profile's). */
export function packageJson(extra = { workspaces: undefined, dependencies: {} }) {
  const dependencies = {
    '@nestjs/cache-manager': '^2.2.2',
    '@nestjs/common': '^10.4.4',
    '@nestjs/core': '^10.4.4',
    '@nestjs/typeorm': '^10.0.2',
    '@prisma/client': '^5.20.0',
    'cache-manager': '^5.7.6',
    'class-validator': '^0.14.1',
    ioredis: '^5.4.1',
    knex: '^3.1.0',
    typeorm: '^0.3.20',
    ...extra.dependencies,
  };
  return `${JSON.stringify(
    {
      name: 'synthetic-backend',
      version: '1.0.0',
      private: true,
      ...(extra.workspaces ? { workspaces: extra.workspaces } : {}),
      scripts: { build: 'nest build', start: 'node dist/main.js' },
      dependencies: Object.fromEntries(Object.entries(dependencies).sort(([a], [b]) => (a < b ? -1 : 1))),
    },
    null,
    2,
  )}\n`;
}

/** The workspace's tsconfig.json; `extra` adds compiler options (the cache-heavy profile's `paths`) and folders. */
export function tsconfigJson(extra = { compilerOptions: {}, include: [] }) {
  return `${JSON.stringify(
    {
      compilerOptions: {
        target: 'ES2022',
        module: 'commonjs',
        strict: true,
        experimentalDecorators: true,
        emitDecoratorMetadata: true,
        outDir: 'dist',
        skipLibCheck: true,
        ...extra.compilerOptions,
      },
      include: ['src', ...extra.include],
    },
    null,
    2,
  )}\n`;
}

export function infraFiles() {
  const files = [];
  files.push(
    new Source('src/infra/redis.ts').add(
      `// The one Redis connection of the process. A command gives up after two reconnect attempts`,
      `// instead of hanging a request.`,
      `import { Logger } from '@nestjs/common';`,
      `import Redis from 'ioredis';`,
      ``,
      `const logger = new Logger('Redis');`,
      ``,
      `export const redis = new Redis(process.env.REDIS_URL!, { maxRetriesPerRequest: 2 });`,
      ``,
      `redis.on('error', (err: Error) => logger.error(\`redis connection error: \${err.message}\`));`,
    ),
  );
  files.push(
    new Source('src/infra/cache.module.ts').add(
      `// In-process cache for the services that inject CACHE_MANAGER; cache-manager v5 counts in ms.`,
      `import { CacheModule } from '@nestjs/cache-manager';`,
      `import { Module } from '@nestjs/common';`,
      ``,
      `@Module({`,
      `  imports: [CacheModule.register({ isGlobal: true, ttl: 60_000, max: 10_000 })],`,
      `  exports: [CacheModule],`,
      `})`,
      `export class AppCacheModule {}`,
    ),
  );
  files.push(
    new Source('src/infra/json-cache.ts').add(
      `// JSON over Redis with a TTL on every write: services get this instead of the raw client so`,
      `// that nobody forgets the expiry or the serialisation format.`,
      `import { Injectable } from '@nestjs/common';`,
      `import Redis from 'ioredis';`,
      ``,
      `@Injectable()`,
      `export class JsonCache {`,
      `  constructor(private readonly client: Redis) {}`,
      ``,
      `  async get<T>(key: string): Promise<T | undefined> {`,
      `    const raw = await this.client.get(key);`,
      `    return raw === null ? undefined : (JSON.parse(raw) as T);`,
      `  }`,
      ``,
      `  async set(key: string, value: unknown, ttlSeconds = 3600): Promise<void> {`,
      `    await this.client.set(key, JSON.stringify(value), 'EX', ttlSeconds);`,
      `  }`,
      ``,
      `  async del(key: string): Promise<void> {`,
      `    await this.client.del(key);`,
      `  }`,
      `}`,
    ),
  );
  files.push(
    new Source('src/infra/prisma.service.ts').add(
      `import { Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';`,
      `import { PrismaClient } from '@prisma/client';`,
      ``,
      `@Injectable()`,
      `export class PrismaService extends PrismaClient implements OnModuleInit, OnModuleDestroy {`,
      `  async onModuleInit(): Promise<void> {`,
      `    await this.$connect();`,
      `  }`,
      ``,
      `  async onModuleDestroy(): Promise<void> {`,
      `    await this.$disconnect();`,
      `  }`,
      `}`,
    ),
  );
  files.push(
    new Source('src/infra/knex.ts').add(
      `// Reporting and back-office tables are queried with knex (no ORM mapping needed there).`,
      `import knex from 'knex';`,
      ``,
      `export const db = knex({`,
      `  client: 'pg',`,
      `  connection: process.env.WAREHOUSE_DATABASE_URL,`,
      `  pool: { min: 0, max: Number(process.env.WAREHOUSE_POOL_MAX ?? 10) },`,
      `});`,
    ),
  );
  files.push(
    new Source('src/infra/data-source.ts').add(
      `import { DataSource } from 'typeorm';`,
      ``,
      `export const dataSource = new DataSource({`,
      `  type: 'postgres',`,
      `  url: process.env.DATABASE_URL,`,
      `  entities: [__dirname + '/../modules/**/*.entity.{ts,js}'],`,
      `  synchronize: false,`,
      `  logging: process.env.TYPEORM_LOGGING === '1',`,
      `});`,
    ),
  );
  files.push(
    new Source('src/main.ts').add(
      `import 'reflect-metadata';`,
      `import { ValidationPipe } from '@nestjs/common';`,
      `import { NestFactory } from '@nestjs/core';`,
      `import { AppModule } from './app.module';`,
      ``,
      `async function bootstrap(): Promise<void> {`,
      `  const app = await NestFactory.create(AppModule);`,
      `  app.useGlobalPipes(new ValidationPipe({ whitelist: true, transform: true }));`,
      `  app.enableShutdownHooks();`,
      `  await app.listen(Number(process.env.PORT ?? 3000));`,
      `}`,
      ``,
      `void bootstrap();`,
    ),
  );
  files.push(
    new Source('src/app.module.ts').add(
      `import { Module } from '@nestjs/common';`,
      `import { TypeOrmModule } from '@nestjs/typeorm';`,
      `import { AppCacheModule } from './infra/cache.module';`,
      `import { PrismaService } from './infra/prisma.service';`,
      ``,
      `@Module({`,
      `  imports: [AppCacheModule, TypeOrmModule.forRoot({ type: 'postgres', url: process.env.DATABASE_URL, autoLoadEntities: true })],`,
      `  providers: [PrismaService],`,
      `  exports: [PrismaService],`,
      `})`,
      `export class AppModule {}`,
    ),
  );
  files.push(
    new Source('src/keys/markers.ts').add(
      `/** Stored in place of a record that does not exist (yet), so repeated lookups skip the database. */`,
      `export const NOT_FOUND = '__NOT_FOUND__';`,
      ``,
      `export const NOT_FOUND_TTL_SECONDS = 60;`,
      `export const NOT_FOUND_TTL_MS = 30_000;`,
    ),
  );
  return files;
}

/**
 * The key builder module of one area, in one of three styles real code uses: an object of arrow
 * functions, plain exported functions, or a class of static methods. Returns the file and, per
 * entity, how to call its builder.
 */
export function keysModule(area, entities, style) {
  const Area = area[0].toUpperCase() + area.slice(1);
  const path = `src/keys/${area}.keys.ts`;
  const src = new Source(path);
  const calls = new Map();
  const literal = (e) => `\`${e.keyWord}:${e.keyVersion ? `${e.keyVersion}:` : ''}\${id}\``;
  src.add(`// Keys of the ${area} area, built in one place so readers and writers agree on them.`);
  if (style === 'object') {
    src.add(`export const ${Area}Keys = {`);
    for (const e of entities) {
      e.keyLine = src.lineCount + 1;
      src.add(`  ${e.name}: (id: string) => ${literal(e)},`);
      src.add(`  ${e.name}List: (page: number) => \`${e.keyWord}:list:\${page}\`,`);
      calls.set(e.name, { importName: `${Area}Keys`, call: (arg) => `${Area}Keys.${e.name}(${arg})`, list: (arg) => `${Area}Keys.${e.name}List(${arg})` });
    }
    src.add(`} as const;`);
  } else if (style === 'class') {
    src.add(`export class ${Area}Keys {`);
    for (const e of entities) {
      src.add(`  static ${e.name}(id: string): string {`);
      e.keyLine = src.lineCount + 1;
      src.add(`    return ${literal(e)};`, `  }`, ``);
      src.add(`  static ${e.name}List(page: number): string {`, `    return \`${e.keyWord}:list:\${page}\`;`, `  }`, ``);
      calls.set(e.name, { importName: `${Area}Keys`, call: (arg) => `${Area}Keys.${e.name}(${arg})`, list: (arg) => `${Area}Keys.${e.name}List(${arg})` });
    }
    src.lines.pop();
    src.add(`}`);
  } else {
    for (const e of entities) {
      src.add(``, `export function ${e.name}Key(id: string): string {`);
      e.keyLine = src.lineCount + 1;
      src.add(`  return ${literal(e)};`, `}`);
      src.add(``, `export function ${e.name}ListKey(page: number): string {`, `  return \`${e.keyWord}:list:\${page}\`;`, `}`);
      calls.set(e.name, { importName: `${e.name}Key, ${e.name}ListKey`, call: (arg) => `${e.name}Key(${arg})`, list: (arg) => `${e.name}ListKey(${arg})` });
    }
  }
  return { src, calls, path };
}

// Plain backend code with no cache in it: DTOs, mappers, validators, TypeORM entities,
// repositories, services, controllers, Nest modules and test-like files. It writes to databases
// freely (creates, updates, deletes) and uses Maps, headers and search params with `set`, so a
// rule that fires on anything but a cache finds plenty to trip on here.
import { Source } from './rng.mjs';

const FIELD_POOL = [
  { name: 'code', ts: 'string', dec: ['@Matches(/^[A-Z0-9-]{3,24}$/)'], sample: "'CODE-001'" },
  { name: 'description', ts: 'string', optional: true, dec: ['@IsOptional()', '@IsString()', '@Length(0, 2000)'], sample: "'a description'" },
  { name: 'amountCents', ts: 'number', dec: ['@IsInt()', '@Min(0)'], sample: '1299' },
  { name: 'quantity', ts: 'number', dec: ['@IsInt()', '@Min(1)', '@Max(10_000)'], sample: '3' },
  { name: 'status', ts: 'string', dec: ["@IsIn(['draft', 'active', 'archived'])"], sample: "'active'" },
  { name: 'ownerId', ts: 'string', dec: ['@IsUUID()'], sample: "'2b1f0b3c-8d7e-4c57-9a55-0b6f2d1e9c11'" },
  { name: 'email', ts: 'string', dec: ['@IsEmail()'], sample: "'someone@example.com'" },
  { name: 'startsAt', ts: 'string', dec: ['@IsISO8601()'], sample: "'2024-05-01T10:00:00Z'" },
  { name: 'priority', ts: 'number', dec: ['@IsInt()', '@Min(0)', '@Max(9)'], sample: '2' },
  { name: 'tags', ts: 'string[]', dec: ['@IsArray()', '@IsString({ each: true })'], sample: "['a', 'b']" },
  { name: 'enabled', ts: 'boolean', dec: ['@IsBoolean()'], sample: 'true' },
  { name: 'currency', ts: 'string', dec: ['@Length(3, 3)'], sample: "'EUR'" },
  { name: 'externalRef', ts: 'string', optional: true, dec: ['@IsOptional()', '@IsString()'], sample: "'ext-42'" },
  { name: 'weightGrams', ts: 'number', dec: ['@IsInt()', '@Min(0)'], sample: '850' },
  { name: 'locale', ts: 'string', dec: ["@Matches(/^[a-z]{2}(-[A-Z]{2})?$/)"], sample: "'en-GB'" },
];

const NAME_FIELD = { name: 'name', ts: 'string', dec: ['@IsString()', '@Length(1, 120)'], sample: "'Example'" };

export function pickFields(rng) {
  return [NAME_FIELD, ...rng.shuffle(FIELD_POOL).slice(0, rng.int(3, 7))];
}

const DECORATORS = (fields) => [...new Set(fields.flatMap((f) => f.dec.map((d) => d.slice(1, d.indexOf('(')))))].sort();

/** Relative path from an entity folder to `src/`. */
export const UP = '../../..';

export function dtoFile(e) {
  const s = new Source(`${e.dir}/${e.kebab}.dto.ts`);
  s.add(`import { ${DECORATORS(e.fields).join(', ')} } from 'class-validator';`, ``);
  s.add(`export class Create${e.Name}Dto {`);
  for (const f of e.fields) s.add(...f.dec.map((d) => `  ${d}`), `  ${f.name}${f.optional ? '?' : '!'}: ${f.ts};`, ``);
  s.lines.pop();
  s.add(`}`, ``, `export class Update${e.Name}Dto {`);
  for (const f of e.fields.slice(0, 3)) s.add(`  @IsOptional()`, ...f.dec.filter((d) => d !== '@IsOptional()').map((d) => `  ${d}`), `  ${f.name}?: ${f.ts};`, ``);
  s.lines.pop();
  s.add(`}`, ``, `export class List${e.Name}Query {`, `  @IsOptional()`, `  @IsInt()`, `  @Min(1)`, `  page?: number;`, ``, `  @IsOptional()`, `  @IsInt()`, `  @Min(1)`, `  @Max(100)`, `  pageSize?: number;`, ``, `  @IsOptional()`, `  @IsString()`, `  @Length(1, 80)`, `  q?: string;`, `}`, ``, `/** A row as the database returns it. */`, `export interface ${e.Name}Row {`, `  id: string;`);
  for (const f of e.fields) s.add(`  ${f.name}: ${f.ts}${f.optional ? ' | null' : ''};`);
  s.add(`  createdAt: Date;`, `  updatedAt: Date;`, `}`, ``, `/** What the API returns (and what caches hold): plain JSON. */`, `export interface ${e.Name}View {`, `  id: string;`);
  for (const f of e.fields) s.add(`  ${f.name}: ${f.ts}${f.optional ? ' | null' : ''};`);
  s.add(`  updatedAt: string;`, `}`);
  const used = DECORATORS(e.fields);
  const missing = ['IsInt', 'IsOptional', 'IsString', 'Length', 'Max', 'Min'].filter((d) => !used.includes(d));
  s.lines[0] = `import { ${[...used, ...missing].sort().join(', ')} } from 'class-validator';`;
  return s;
}

export function mapperFile(e, rng) {
  const s = new Source(`${e.dir}/${e.kebab}.mapper.ts`);
  s.add(`import type { ${e.Name}Row, ${e.Name}View } from './${e.kebab}.dto';`, ``);
  s.add(`export function to${e.Name}View(row: ${e.Name}Row): ${e.Name}View {`, `  return {`, `    id: row.id,`);
  for (const f of e.fields) s.add(`    ${f.name}: row.${f.name},`);
  s.add(`    updatedAt: row.updatedAt.toISOString(),`, `  };`, `}`, ``);
  s.add(`export function to${e.Name}Views(rows: readonly ${e.Name}Row[]): ${e.Name}View[] {`, `  return rows.map(to${e.Name}View);`, `}`, ``);
  s.add(`/** CSV export for the back office: one line per row, fields in a stable order. */`);
  s.add(`export function to${e.Name}Csv(rows: readonly ${e.Name}Row[]): string {`);
  s.add(`  const header = ['id', ${e.fields.map((f) => `'${f.name}'`).join(', ')}];`);
  s.add(`  const lines = rows.map((r) => [r.id, ${e.fields.map((f) => `String(r.${f.name} ?? '')`).join(', ')}].map(csvCell).join(','));`);
  s.add(`  return [header.join(','), ...lines].join('\\n');`, `}`, ``);
  s.add(`function csvCell(value: string): string {`, `  return /[",\\n]/.test(value) ? \`"\${value.replace(/"/g, '""')}"\` : value;`, `}`, ``);
  s.add(`/** Reads back what to${e.Name}Csv wrote (no quoted commas: the back office never exports them). */`, `export function parse${e.Name}Csv(text: string): Record<string, string>[] {`);
  s.add(`  const [header, ...lines] = text.split(/\\r?\\n/).filter((l) => l.trim() !== '');`, `  if (!header) return [];`, `  const columns = header.split(',');`, `  return lines.map((line) => {`);
  s.add(`    const cells = line.split(',');`, `    const row: Record<string, string> = {};`, `    columns.forEach((c, i) => {`, `      row[c] = cells[i] ?? '';`, `    });`, `    return row;`, `  });`, `}`);
  if (rng.chance(0.5)) {
    s.add(``, `/** Index rows by id, keeping the most recently updated row when ids repeat. */`);
    s.add(`export function index${e.Name}Rows(rows: readonly ${e.Name}Row[]): Map<string, ${e.Name}Row> {`);
    s.add(`  const byId = new Map<string, ${e.Name}Row>();`, `  for (const row of rows) {`, `    const seen = byId.get(row.id);`);
    s.add(`    if (!seen || seen.updatedAt < row.updatedAt) byId.set(row.id, row);`, `  }`, `  return byId;`, `}`);
  }
  return s;
}

export function validatorFile(e, rng) {
  const s = new Source(`${e.dir}/${e.kebab}.validator.ts`);
  s.add(`import type { Create${e.Name}Dto } from './${e.kebab}.dto';`, ``, `export interface ValidationIssue {`, `  field: string;`, `  message: string;`, `}`, ``);
  s.add(`/** Business checks class-validator cannot express (cross-field rules). */`);
  s.add(`export function validate${e.Name}(dto: Create${e.Name}Dto): ValidationIssue[] {`, `  const issues: ValidationIssue[] = [];`);
  for (const f of e.fields) {
    if (f.ts === 'string' && !f.optional) s.add(`  if (dto.${f.name}.trim() !== dto.${f.name}) issues.push({ field: '${f.name}', message: 'must not start or end with spaces' });`);
    if (f.ts === 'number') s.add(`  if (!Number.isFinite(dto.${f.name})) issues.push({ field: '${f.name}', message: 'must be a finite number' });`);
    if (f.ts === 'string[]') s.add(`  if (new Set(dto.${f.name}).size !== dto.${f.name}.length) issues.push({ field: '${f.name}', message: 'must not repeat' });`);
  }
  s.add(`  return issues;`, `}`, ``);
  s.add(`/** Trims text fields the way the API stores them. */`, `export function normalize${e.Name}(dto: Create${e.Name}Dto): Create${e.Name}Dto {`, `  return {`, `    ...dto,`);
  for (const f of e.fields) if (f.ts === 'string') s.add(`    ${f.name}: dto.${f.name}${f.optional ? '?' : ''}.trim()${f.name === 'email' ? '.toLowerCase()' : ''},`);
  s.add(`  };`, `}`, ``, `/** The fields an update changes, for the audit log. */`, `export function changed${e.Name}Fields(before: Create${e.Name}Dto, after: Create${e.Name}Dto): string[] {`, `  const changed: string[] = [];`);
  for (const f of e.fields) s.add(f.ts.endsWith('[]') ? `  if (before.${f.name}.join('\\u0000') !== after.${f.name}.join('\\u0000')) changed.push('${f.name}');` : `  if (before.${f.name} !== after.${f.name}) changed.push('${f.name}');`);
  s.add(`  return changed;`, `}`);
  if (rng.chance(0.6)) {
    s.add(``, `export function assertValid${e.Name}(dto: Create${e.Name}Dto): void {`, `  const issues = validate${e.Name}(dto);`);
    s.add(`  if (issues.length > 0) {`, `    const detail = issues.map((i) => \`\${i.field}: \${i.message}\`).join('; ');`, `    throw new Error(\`invalid ${e.kebab}: \${detail}\`);`, `  }`, `}`);
  }
  return s;
}

export function entityFile(e) {
  const s = new Source(`${e.dir}/${e.kebab}.entity.ts`);
  s.add(`import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';`, ``);
  s.add(`@Entity({ name: '${e.table}' })`, `export class ${e.Name} {`, `  @PrimaryGeneratedColumn('uuid')`, `  id!: string;`, ``);
  for (const f of e.fields) {
    const col = f.ts === 'number' ? `'int', { name: '${snakeOf(f.name)}' }` : f.ts === 'string[]' ? `'text', { array: true }` : f.ts === 'boolean' ? `'boolean'` : `{ name: '${snakeOf(f.name)}'${f.optional ? ', nullable: true' : ''} }`;
    s.add(`  @Column(${col})`, `  ${f.name}!: ${f.ts}${f.optional ? ' | null' : ''};`, ``);
  }
  s.add(`  @CreateDateColumn({ name: 'created_at' })`, `  createdAt!: Date;`, ``, `  @UpdateDateColumn({ name: 'updated_at' })`, `  updatedAt!: Date;`, `}`);
  return s;
}

const snakeOf = (n) => n.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();

/** Data access of an entity nothing caches: create, read, update and delete freely. */
export function repositoryFile(e) {
  const s = new Source(`${e.dir}/${e.kebab}.repository.ts`);
  s.add(`import { Injectable } from '@nestjs/common';`);
  if (e.orm === 'prisma') {
    s.add(`import { PrismaService } from '${UP}/infra/prisma.service';`, `import type { Create${e.Name}Dto, ${e.Name}Row, Update${e.Name}Dto } from './${e.kebab}.dto';`, ``);
    s.add(`@Injectable()`, `export class ${e.Name}Repository {`, `  constructor(private readonly prisma: PrismaService) {}`, ``);
    s.add(`  findById(id: string): Promise<${e.Name}Row | null> {`, `    return this.prisma.${e.name}.findUnique({ where: { id } });`, `  }`, ``);
    s.add(`  list(page: number, pageSize: number): Promise<${e.Name}Row[]> {`, `    return this.prisma.${e.name}.findMany({ orderBy: { createdAt: 'desc' }, skip: (page - 1) * pageSize, take: pageSize });`, `  }`, ``);
    s.add(`  create(dto: Create${e.Name}Dto): Promise<${e.Name}Row> {`, `    return this.prisma.${e.name}.create({ data: dto });`, `  }`, ``);
    s.add(`  update(id: string, dto: Update${e.Name}Dto): Promise<${e.Name}Row> {`, `    return this.prisma.${e.name}.update({ where: { id }, data: dto });`, `  }`, ``);
    s.add(`  async remove(id: string): Promise<void> {`, `    await this.prisma.${e.name}.delete({ where: { id } });`, `  }`, ``);
    s.add(`  search(term: string, take = 20): Promise<${e.Name}Row[]> {`, `    return this.prisma.${e.name}.findMany({ where: { name: { contains: term, mode: 'insensitive' } }, take });`, `  }`, ``);
    s.add(`  count(): Promise<number> {`, `    return this.prisma.${e.name}.count();`, `  }`, ``);
    s.add(`  async insertMany(dtos: Create${e.Name}Dto[]): Promise<number> {`, `    const { count } = await this.prisma.${e.name}.createMany({ data: dtos, skipDuplicates: true });`, `    return count;`, `  }`, `}`);
  } else if (e.orm === 'typeorm') {
    s.add(`import { InjectRepository } from '@nestjs/typeorm';`, `import { ILike, type Repository } from 'typeorm';`, `import type { Create${e.Name}Dto, Update${e.Name}Dto } from './${e.kebab}.dto';`, `import { ${e.Name} } from './${e.kebab}.entity';`, ``);
    s.add(`@Injectable()`, `export class ${e.Name}Repository {`, `  constructor(@InjectRepository(${e.Name}) private readonly repo: Repository<${e.Name}>) {}`, ``);
    s.add(`  findById(id: string): Promise<${e.Name} | null> {`, `    return this.repo.findOneBy({ id });`, `  }`, ``);
    s.add(`  list(page: number, pageSize: number): Promise<${e.Name}[]> {`, `    return this.repo.find({ order: { createdAt: 'DESC' }, skip: (page - 1) * pageSize, take: pageSize });`, `  }`, ``);
    s.add(`  create(dto: Create${e.Name}Dto): Promise<${e.Name}> {`, `    return this.repo.save(this.repo.create(dto));`, `  }`, ``);
    s.add(`  async update(id: string, dto: Update${e.Name}Dto): Promise<void> {`, `    await this.repo.update({ id }, dto);`, `  }`, ``);
    s.add(`  async remove(id: string): Promise<void> {`, `    await this.repo.delete({ id });`, `  }`, ``);
    s.add(`  search(term: string, take = 20): Promise<${e.Name}[]> {`, `    return this.repo.find({ where: { name: ILike(\`%\${term}%\`) }, take });`, `  }`, ``);
    s.add(`  count(): Promise<number> {`, `    return this.repo.count();`, `  }`, ``);
    s.add(`  async insertMany(dtos: Create${e.Name}Dto[]): Promise<number> {`, `    const result = await this.repo.insert(dtos);`, `    return result.identifiers.length;`, `  }`, `}`);
  } else {
    s.add(`import { db } from '${UP}/infra/knex';`, `import type { Create${e.Name}Dto, ${e.Name}Row, Update${e.Name}Dto } from './${e.kebab}.dto';`, ``);
    s.add(`const TABLE = '${e.table}';`, ``, `@Injectable()`, `export class ${e.Name}Repository {`);
    s.add(`  async findById(id: string): Promise<${e.Name}Row | undefined> {`, `    return db(TABLE).where({ id }).first();`, `  }`, ``);
    s.add(`  list(page: number, pageSize: number): Promise<${e.Name}Row[]> {`, `    return db(TABLE).orderBy('created_at', 'desc').offset((page - 1) * pageSize).limit(pageSize);`, `  }`, ``);
    s.add(`  async create(dto: Create${e.Name}Dto): Promise<${e.Name}Row> {`, `    const [row] = await db(TABLE).insert(dto).returning('*');`, `    return row;`, `  }`, ``);
    s.add(`  async update(id: string, dto: Update${e.Name}Dto): Promise<void> {`, `    await db(TABLE).where({ id }).update({ ...dto, updated_at: db.fn.now() });`, `  }`, ``);
    s.add(`  async remove(id: string): Promise<void> {`, `    await db(TABLE).where({ id }).del();`, `  }`, ``);
    s.add(`  search(term: string, take = 20): Promise<${e.Name}Row[]> {`, `    return db(TABLE).whereILike('name', \`%\${term}%\`).limit(take);`, `  }`, ``);
    s.add(`  async count(): Promise<number> {`, `    const [{ n }] = await db(TABLE).count({ n: '*' });`, `    return Number(n);`, `  }`, ``);
    s.add(`  async insertMany(dtos: Create${e.Name}Dto[]): Promise<number> {`, `    const rows = await db(TABLE).insert(dtos).onConflict('id').ignore().returning('id');`, `    return rows.length;`, `  }`, `}`);
  }
  return s;
}

/**
 * The service of an entity nothing caches. Some keep a per-request memo in a Map and set it right
 * after an update, and some stamp headers: both are `set` after a write, and neither is a cache.
 */
export function plainServiceFile(e, rng) {
  const s = new Source(`${e.dir}/${e.kebab}.service.ts`);
  const memo = rng.chance(0.3);
  s.add(`import { Injectable, Logger, NotFoundException } from '@nestjs/common';`);
  s.add(`import type { Create${e.Name}Dto, Update${e.Name}Dto, ${e.Name}View } from './${e.kebab}.dto';`);
  s.add(`import { to${e.Name}View } from './${e.kebab}.mapper';`, `import { ${e.Name}Repository } from './${e.kebab}.repository';`, `import { assertValid${e.Name} } from './${e.kebab}.validator';`, ``);
  s.add(`@Injectable()`, `export class ${e.Name}Service {`, `  private readonly logger = new Logger(${e.Name}Service.name);`);
  if (memo) s.add(`  /** Views built during this process's current batch, so a bulk import maps each row once. */`, `  private readonly views = new Map<string, ${e.Name}View>();`);
  s.add(``, `  constructor(private readonly repo: ${e.Name}Repository) {}`, ``);
  s.add(`  async findOne(id: string): Promise<${e.Name}View> {`, `    const row = await this.repo.findById(id);`, `    if (!row) throw new NotFoundException(\`${e.Name} \${id} not found\`);`, `    return to${e.Name}View(row);`, `  }`, ``);
  s.add(`  async list(page = 1, pageSize = 20): Promise<${e.Name}View[]> {`, `    const rows = await this.repo.list(page, Math.min(pageSize, 100));`, `    return rows.map(to${e.Name}View);`, `  }`, ``);
  s.add(`  async create(dto: Create${e.Name}Dto): Promise<${e.Name}View> {`, `    assertValid${e.Name}(dto);`, `    const row = await this.repo.create(dto);`, `    this.logger.log(\`${e.kebab} \${row.id} created\`);`, `    return to${e.Name}View(row);`, `  }`, ``);
  s.add(`  async update(id: string, dto: Update${e.Name}Dto): Promise<${e.Name}View> {`, `    await this.repo.update(id, dto);`, `    const view = await this.findOne(id);`);
  if (memo) s.add(`    this.views.set(id, view);`);
  s.add(`    return view;`, `  }`, ``);
  s.add(`  async remove(id: string): Promise<void> {`, `    await this.repo.remove(id);`);
  if (memo) s.add(`    this.views.delete(id);`);
  s.add(`    this.logger.log(\`${e.kebab} \${id} removed\`);`, `  }`);
  s.add(``, `  async search(term: string): Promise<${e.Name}View[]> {`, `    const q = term.trim();`, `    if (q.length < 2) return [];`, `    const rows = await this.repo.search(q, 50);`, `    return rows.map(to${e.Name}View);`, `  }`);
  const extras = rng.shuffle([
    () => s.add(``, `  /** Imports a batch; rows whose id already exists are skipped, not updated. */`, `  async importBatch(dtos: Create${e.Name}Dto[]): Promise<{ imported: number; rejected: number }> {`, `    const valid = dtos.filter((d) => {`, `      try {`, `        assertValid${e.Name}(d);`, `        return true;`, `      } catch {`, `        return false;`, `      }`, `    });`, `    const imported = await this.repo.insertMany(valid);`, `    this.logger.log(\`imported \${imported} of \${dtos.length} ${e.route}\`);`, `    return { imported, rejected: dtos.length - valid.length };`, `  }`),
    () => s.add(``, `  async stats(): Promise<{ total: number; pages: number }> {`, `    const total = await this.repo.count();`, `    return { total, pages: Math.ceil(total / 20) };`, `  }`),
    () => s.add(``, `  async rename(id: string, name: string): Promise<${e.Name}View> {`, `    const trimmed = name.trim();`, `    if (trimmed.length === 0) throw new Error('name must not be empty');`, `    await this.repo.update(id, { name: trimmed } as Update${e.Name}Dto);`, `    return this.findOne(id);`, `  }`),
    () => s.add(``, `  async duplicate(id: string): Promise<${e.Name}View> {`, `    const source = await this.findOne(id);`, `    const { id: _id, updatedAt: _updatedAt, ...rest } = source;`, `    const copy = await this.repo.create({ ...rest, name: \`\${source.name} (copy)\` } as Create${e.Name}Dto);`, `    return to${e.Name}View(copy);`, `  }`),
  ]);
  for (const add of extras.slice(0, rng.int(1, extras.length))) add();
  s.add(`}`);
  return s;
}

export function controllerFile(e, rng, { create = true, search = !e.cache } = {}) {
  const s = new Source(`${e.dir}/${e.kebab}.controller.ts`);
  const svc = `${e.Name}Service`;
  s.add(`import { Body, Controller, Delete, Get, Header, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query, Res } from '@nestjs/common';`);
  s.add(`import type { Response } from 'express';`, `import { Create${e.Name}Dto, Update${e.Name}Dto, type ${e.Name}View } from './${e.kebab}.dto';`, `import { ${svc} } from './${e.kebab}.service';`, ``);
  s.add(`@Controller('${e.route}')`, `export class ${e.Name}Controller {`, `  constructor(private readonly service: ${svc}) {}`, ``);
  s.add(`  @Get()`, `  list(@Query('page') page = '1', @Query('pageSize') pageSize = '20'): Promise<${e.Name}View[]> {`, `    return this.service.list(Number(page), Number(pageSize));`, `  }`, ``);
  if (search) s.add(`  @Get('search')`, `  search(@Query('q') q = ''): Promise<${e.Name}View[]> {`, `    return this.service.search(q);`, `  }`, ``);
  s.add(`  @Get(':id')`, `  @Header('Cache-Control', 'private, max-age=0')`, `  findOne(@Param('id', ParseUUIDPipe) id: string): Promise<${e.Name}View> {`, `    return this.service.findOne(id);`, `  }`, ``);
  if (create) s.add(`  @Post()`, `  async create(@Body() dto: Create${e.Name}Dto, @Res({ passthrough: true }) res: Response): Promise<${e.Name}View> {`);
  if (create) s.add(`    const view = await this.service.create(dto);`, `    res.set('Location', \`/${e.route}/\${view.id}\`);`, `    return view;`, `  }`, ``);
  s.add(`  @Patch(':id')`, `  update(@Param('id', ParseUUIDPipe) id: string, @Body() dto: Update${e.Name}Dto): Promise<${e.Name}View> {`, `    return this.service.update(id, dto);`, `  }`, ``);
  s.add(`  @Delete(':id')`, `  @HttpCode(204)`, `  remove(@Param('id', ParseUUIDPipe) id: string): Promise<void> {`, `    return this.service.remove(id);`, `  }`);
  if (rng.chance(0.4)) {
    s.add(``, `  @Get('export/csv')`, `  async exportCsv(@Res() res: Response): Promise<void> {`, `    const rows = await this.service.list(1, 100);`);
    s.add(`    res.setHeader('Content-Type', 'text/csv');`, `    res.setHeader('Content-Disposition', 'attachment; filename="${e.route}.csv"');`, `    res.send(rows.map((r) => r.id).join('\\n'));`, `  }`);
  }
  s.add(`}`);
  return s;
}

export function moduleFile(e, extraProviders = []) {
  const s = new Source(`${e.dir}/${e.kebab}.module.ts`);
  s.add(`import { Module } from '@nestjs/common';`);
  if (e.orm === 'typeorm') s.add(`import { TypeOrmModule } from '@nestjs/typeorm';`, `import { ${e.Name} } from './${e.kebab}.entity';`);
  if (e.orm === 'prisma') s.add(`import { PrismaService } from '${UP}/infra/prisma.service';`);
  s.add(`import { ${e.Name}Controller } from './${e.kebab}.controller';`);
  if (!e.cache) s.add(`import { ${e.Name}Repository } from './${e.kebab}.repository';`);
  s.add(`import { ${e.Name}Service } from './${e.kebab}.service';`);
  for (const p of extraProviders) s.add(`import { ${p.name} } from './${p.file}';`);
  const providers = [`${e.Name}Service`, ...(e.cache ? [] : [`${e.Name}Repository`]), ...(e.orm === 'prisma' ? ['PrismaService'] : []), ...extraProviders.map((p) => p.name)];
  s.add(``, `@Module({`);
  if (e.orm === 'typeorm') s.add(`  imports: [TypeOrmModule.forFeature([${e.Name}])],`);
  s.add(`  controllers: [${e.Name}Controller],`, `  providers: [${providers.join(', ')}],`, `  exports: [${e.Name}Service],`, `})`, `export class ${e.Name}Module {}`);
  return s;
}

/** A test-like file: fakes and assertions, no framework imports beyond the runner's globals. */
export function specFile(e, rng) {
  const s = new Source(`${e.dir}/${e.kebab}.validator.spec.ts`);
  s.add(`import { validate${e.Name} } from './${e.kebab}.validator';`, `import type { Create${e.Name}Dto } from './${e.kebab}.dto';`, ``);
  s.add(`function valid(): Create${e.Name}Dto {`, `  return {`);
  for (const f of e.fields) s.add(`    ${f.name}: ${f.sample},`);
  s.add(`  };`, `}`, ``, `describe('validate${e.Name}', () => {`, `  it('accepts a valid ${e.kebab}', () => {`, `    expect(validate${e.Name}(valid())).toEqual([]);`, `  });`);
  for (const f of e.fields.filter((x) => x.ts === 'string' && !x.optional).slice(0, rng.int(1, 3)))
    s.add(``, `  it('rejects a padded ${f.name}', () => {`, `    const issues = validate${e.Name}({ ...valid(), ${f.name}: \` \${valid().${f.name}} \` });`, `    expect(issues.map((i) => i.field)).toContain('${f.name}');`, `  });`);
  s.add(`});`, ``, `describe('changed${e.Name}Fields', () => {`, `  it('reports nothing for an unchanged ${e.kebab}', () => {`, `    expect(changed${e.Name}Fields(valid(), valid())).toEqual([]);`, `  });`, ``);
  s.add(`  it('reports a renamed ${e.kebab}', () => {`, `    expect(changed${e.Name}Fields(valid(), { ...valid(), name: 'Renamed' })).toEqual(['name']);`, `  });`, `});`);
  s.lines[0] = `import { changed${e.Name}Fields, validate${e.Name} } from './${e.kebab}.validator';`;
  return s;
}

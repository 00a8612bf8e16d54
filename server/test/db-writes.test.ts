// Unit tests for the DB write/read recogniser (facts/db-writes.ts and the files it delegates to):
// each ORM's writes and reads, one fact per builder chain, and look-alikes that must stay silent.
import { ts } from 'ts-morph';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../src/config';
import { parse, walk } from '../src/syntax/walk';
import { createFileCtx } from '../src/facts/context';
import { classifySql } from '../src/facts/db/sql';
import { dbVisitors } from '../src/facts/db/db-calls';
import { collectImport, collectRequire } from '../src/syntax/scope';
import type { FileFacts } from '../src/facts/types';

function run(text: string, file = 'src/x.ts') {
  const facts: FileFacts = {
    file, imports: [], exports: {}, locals: {}, classes: [], calls: [], dbWrites: [], dbReads: [], fns: [], wrappers: [], suppressions: [], parseErrors: [],
  };
  const sf = parse(file, text);
  const ctx = createFileCtx(file, text, sf, defaultConfig(), facts);
  for (const s of sf.statements) {
    if (ts.isImportDeclaration(s)) collectImport(s, facts.imports);
    else if (ts.isVariableStatement(s)) for (const d of s.declarationList.declarations) collectRequire(d, facts.imports);
  }
  walk(sf, dbVisitors(ctx));
  return { facts, ctx, text };
}

type W = { kind: string; entity?: string; via: string; resultVar?: string };
type R = { entity?: string; via: string };

// [name, code, expected writes (in source order), expected reads]
const cases: [string, string, W[], R[]][] = [
  // ── Prisma ──
  ['prisma update by import binding', `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function f(id: string, data: any) { const p = await prisma.product.update({ where: { id }, data }); return p; }`,
    [{ kind: 'update', entity: 'product', via: 'prisma', resultVar: 'p' }], []],
  ['prisma create through an injected service, args variable', `class S { constructor(private prisma: PrismaService) {}
  async c(args: any) { return this.prisma.product.create(args); } }`, [{ kind: 'create', entity: 'product', via: 'prisma' }], []],
  ['prisma tx inside $transaction', `async function f(q: any) { await prisma.$transaction(async (tx) => { await tx.orderItem.deleteMany(q); }); }`,
    [{ kind: 'delete', entity: 'order_item', via: 'prisma' }], []],
  ['prisma shape on an unknown client (upsert counts as create)', `async function f(ctx: any, id: string, d: any) { await ctx.db.post.upsert({ where: { id }, create: d, update: d }); }`,
    [{ kind: 'create', entity: 'post', via: 'prisma' }], []],
  ['prisma reads', `async function f(id: string) { const a = await prisma.product.findUnique({ where: { id } }); const b = await this.prisma.category.findMany(); }`,
    [], [{ entity: 'product', via: 'prisma' }, { entity: 'category', via: 'prisma' }]],
  ['prisma .then is cut off the chain', `function f(id: string) { return prisma.user.delete({ where: { id } }).then(() => true); }`,
    [{ kind: 'delete', entity: 'user', via: 'prisma' }], []],
  ['prisma $executeRaw tagged', 'async function f(id: string) { await prisma.$executeRaw`UPDATE "Product" SET stock = stock - 1 WHERE id = ${id}`; }',
    [{ kind: 'update', entity: 'product', via: 'sql' }], []],
  ['prisma $executeRawUnsafe with unknown text', `async function f(stmt: string) { await prisma.$executeRawUnsafe(stmt); }`, [{ kind: 'update', via: 'sql' }], []],
  // ── TypeORM ──
  ['typeorm @InjectRepository save of a create DTO', `import { Repository } from 'typeorm';
class S { constructor(@InjectRepository(Product) private readonly repo: Repository<Product>) {}
  create(dto: CreateProductDto) { return this.repo.save(dto); }
  async rename(id: string, name: string) { const p = await this.repo.findOneBy({ id }); p.name = name; return this.repo.save(p); } }`,
    [{ kind: 'create', entity: 'product', via: 'typeorm' }, { kind: 'update', entity: 'product', via: 'typeorm' }], [{ entity: 'product', via: 'typeorm' }]],
  ['typeorm repository by name', `class S { async u(id: string, dto: any) { await this.productRepository.update(id, dto); await this.usersRepository.delete({ id }); } }`,
    [{ kind: 'update', entity: 'product', via: 'typeorm' }, { kind: 'delete', entity: 'user', via: 'typeorm' }], []],
  ['typeorm getRepository', `const repo = AppDataSource.getRepository(Product);
async function f(id: string) { await repo.delete({ id }); await AppDataSource.getRepository(User).softDelete(id); }`,
    [{ kind: 'delete', entity: 'product', via: 'typeorm' }, { kind: 'delete', entity: 'user', via: 'typeorm' }], []],
  ['typeorm manager in a transaction', `async function f(name: string) { await dataSource.transaction(async (manager) => { const o = await manager.save(Order, { name }); }); }`,
    [{ kind: 'create', entity: 'order', via: 'typeorm', resultVar: 'o' }], []],
  ['typeorm save of rows built by a map callback', `async function f(steps: { type: string; id: string }[]) { await manager.save(Step, steps.map((s) => ({ type: s.type }))); await manager.save(Step, steps.map((s) => ({ id: s.id, type: s.type }))); }`,
    [{ kind: 'create', entity: 'step', via: 'typeorm' }, { kind: 'update', entity: 'step', via: 'typeorm' }], []],
  ['typeorm query builder update, once per chain', `async function f(id: string, price: number) {
  await this.dataSource.createQueryBuilder().update(Product).set({ price }).where('id = :id', { id }).execute(); }`,
    [{ kind: 'update', entity: 'product', via: 'typeorm-qb' }], []],
  ['typeorm query builder insert and repo read', `class S { constructor(private readonly ordersRepository: Repository<Order>) {}
  async f(v: any) { await this.ordersRepository.createQueryBuilder().insert().into(Order).values(v).execute();
    return this.ordersRepository.createQueryBuilder('o').where('o.id = :id', { id: 1 }).getMany(); } }`,
    [{ kind: 'create', entity: 'order', via: 'typeorm-qb' }], [{ entity: 'order', via: 'typeorm-qb' }]],
  ['typeorm query builder on an entity from a models folder is not Drizzle', `import { Product } from '../models/product';
async function f(price: number) { await this.dataSource.createQueryBuilder().update(Product).set({ price }).where('id = 1').execute(); }`,
    [{ kind: 'update', entity: 'product', via: 'typeorm-qb' }], []],
  ['typeorm custom repository this.save', `class ProductRepository extends Repository<Product> { async add(p: Product) { return this.insert(p); } }`,
    [{ kind: 'create', entity: 'product', via: 'typeorm' }], []],
  // ── Sequelize ──
  ['sequelize static update with where', `import { Product } from '../models/product';
async function f(id: number, price: number) { await Product.update({ price }, { where: { id } }); }`,
    [{ kind: 'update', entity: 'product', via: 'sequelize' }], []],
  ['sequelize local model class', `import { Model } from 'sequelize';
class User extends Model {}
async function f(id: number) { await User.destroy({ where: { id } }); return User.findAll(); }`,
    [{ kind: 'delete', entity: 'user', via: 'sequelize' }], [{ entity: 'user', via: 'sequelize' }]],
  ['sequelize define + bulkCreate', `const Product = sequelize.define('product', {});
async function f(rows: any[]) { const created = await Product.bulkCreate(rows); }`,
    [{ kind: 'create', entity: 'product', via: 'sequelize', resultVar: 'created' }], []],
  ['sequelize findOrCreate is a create and a read', `import { User } from './models';
async function f(email: string) { const [user, created] = await User.findOrCreate({ where: { email } }); }`,
    [{ kind: 'create', entity: 'user', via: 'sequelize' }], [{ entity: 'user', via: 'sequelize' }]],
  ['sequelize instance update/destroy', `import { Product } from './models/product';
async function f(id: number, dto: any) { const p = await Product.findByPk(id); await p.update(dto); await p.destroy(); }`,
    [{ kind: 'update', entity: 'product', via: 'sequelize' }, { kind: 'delete', entity: 'product', via: 'sequelize' }], [{ entity: 'product', via: 'sequelize' }]],
  // ── Mongoose / MongoDB ──
  ['mongoose injected model, chain with exec', `import { Model } from 'mongoose';
class S { constructor(@InjectModel(Product.name) private productModel: Model<ProductDocument>) {}
  async u(id: string, dto: any) { return this.productModel.findByIdAndUpdate(id, dto, { new: true }).exec(); } }`,
    [{ kind: 'update', entity: 'product', via: 'mongoose' }], []],
  ['mongoose imported model create', `import { ProductModel } from './product.model';
async function f(data: any) { const doc = await ProductModel.create(data); }`,
    [{ kind: 'create', entity: 'product', via: 'mongoose', resultVar: 'doc' }], []],
  ['mongoose doc.save after a read', `class S { constructor(private productModel: Model<Product>) {}
  async f(id: string, n: string) { const doc = await this.productModel.findById(id); doc.name = n; await doc.save(); } }`,
    [{ kind: 'update', entity: 'product', via: 'mongoose' }], [{ entity: 'product', via: 'mongoose' }]],
  ['mongoose new model save', `import mongoose from 'mongoose';
import { Product } from './models/product';
class S { constructor(private productModel: Model<Product>) {}
  async a(dto: any) { await new this.productModel(dto).save(); const p = new Product(dto); await p.save(); } }`,
    [{ kind: 'create', entity: 'product', via: 'mongoose' }, { kind: 'create', entity: 'product', via: 'mongoose' }], []],
  ['mongoose model() declared locally', `import mongoose from 'mongoose';
const User = mongoose.model('User', userSchema);
async function f(org: string) { await User.deleteMany({ org }); return User.find({ org }); }`,
    [{ kind: 'delete', entity: 'user', via: 'mongoose' }], [{ entity: 'user', via: 'mongoose' }]],
  ['mongodb collection', `async function f(db: any, _id: any, price: number) { await db.collection('products').updateOne({ _id }, { $set: { price } }); }`,
    [{ kind: 'update', entity: 'product', via: 'mongodb' }], []],
  // ── Knex ──
  ['knex update chain, once', `import knex from 'knex';
const db = knex({ client: 'pg' });
async function f(id: number, price: number) { await db('products').where({ id }).update({ price }); }`,
    [{ kind: 'update', entity: 'product', via: 'knex' }], []],
  ['knex trx insert, del, insert-into, increment', `async function f(rows: any[], id: number, row: any) {
  await knex.transaction(async (trx) => { await trx('order_items').insert(rows); });
  await knex('products').where('id', id).del();
  await knex.insert(row).into('public.products');
  await this.knex('users').increment('visits', 1); }`,
    [{ kind: 'create', entity: 'order_item', via: 'knex' }, { kind: 'delete', entity: 'product', via: 'knex' }, { kind: 'create', entity: 'product', via: 'knex' }, { kind: 'update', entity: 'user', via: 'knex' }], []],
  ['knex read', `async function f(id: number) { const row = await knex('products').where({ id }).first(); }`, [], [{ entity: 'product', via: 'knex' }]],
  ['knex under the name database, the table after the verb', `import database from '../database';
async function f(logo: string) { await database.update({ value: logo }).from('settings').where({ key: 'logo' }); }`,
    [{ kind: 'update', entity: 'setting', via: 'knex' }], []],
  // ── Drizzle ──
  ['drizzle update/insert/delete', `import { eq, sql } from 'drizzle-orm';
import { products, orderItems } from './schema';
async function f(id: number, price: number, v: any) {
  await db.update(products).set({ price, stock: sql\`\${products.stock} - 1\` }).where(eq(products.id, id));
  const [row] = await db.insert(products).values(v).returning();
  const inserted = await db.insert(products).values(v).returning();
  await tx.delete(orderItems).where(eq(orderItems.id, id)); }`,
    [{ kind: 'update', entity: 'product', via: 'drizzle' }, { kind: 'create', entity: 'product', via: 'drizzle' }, { kind: 'create', entity: 'product', via: 'drizzle', resultVar: 'inserted' }, { kind: 'delete', entity: 'order_item', via: 'drizzle' }], []],
  ['drizzle local pgTable delete-all', `import { pgTable, text } from 'drizzle-orm/pg-core';
export const usersTable = pgTable('users', { id: text('id') });
async function f() { await database.delete(usersTable); }`, [{ kind: 'delete', entity: 'user', via: 'drizzle' }], []],
  ['drizzle reads', `import { products, users } from './db/schema';
async function f() { await db.select().from(products); await db.query.users.findFirst({}); }`, [], [{ entity: 'product', via: 'drizzle' }, { entity: 'user', via: 'drizzle' }]],
  // ── Kysely ──
  ['kysely writes and read', `async function f(id: number, price: number, p: any) {
  await db.updateTable('products').set({ price }).where('id', '=', id).execute();
  await db.insertInto('person').values(p).executeTakeFirstOrThrow();
  await trx.deleteFrom('pet as p').where('p.id', '=', id).execute();
  return db.selectFrom('products').selectAll().execute(); }`,
    [{ kind: 'update', entity: 'product', via: 'kysely' }, { kind: 'create', entity: 'person', via: 'kysely' }, { kind: 'delete', entity: 'pet', via: 'kysely' }], [{ entity: 'product', via: 'kysely' }]],
  // ── MikroORM ──
  ['mikro-orm persistAndFlush of em.create, flush, nativeDelete', `import { EntityManager } from '@mikro-orm/core';
class S { constructor(private readonly em: EntityManager) {}
  async c(dto: any) { const product = this.em.create(Product, dto); await this.em.persistAndFlush(product); }
  async u() { await this.em.flush(); }
  async d(id: string) { await this.em.nativeDelete(Product, { id }); } }`,
    [{ kind: 'create', entity: 'product', via: 'mikro-orm' }, { kind: 'update', via: 'mikro-orm' }, { kind: 'delete', entity: 'product', via: 'mikro-orm' }], []],
  ['mikro-orm remove after a read', `async function f(id: string) { const p = await orm.em.findOneOrFail(Product, id); await orm.em.removeAndFlush(p); await em.persist(p).flush(); }`,
    [{ kind: 'delete', entity: 'product', via: 'mikro-orm' }, { kind: 'update', entity: 'product', via: 'mikro-orm' }], [{ entity: 'product', via: 'mikro-orm' }]],
  // ── Raw SQL ──
  ['pg pool/client/conn', `async function f(n: string, values: any[], id: number) {
  const r = await pool.query('INSERT INTO products (name) VALUES ($1) RETURNING id', [n]);
  await client.query({ text: 'UPDATE public.products SET price = $1 WHERE id = $2', values });
  await conn.execute('DELETE FROM \`order_items\` WHERE id = ?', [id]);
  await pool.query('SELECT * FROM products WHERE id = $1', [id]); }`,
    [{ kind: 'create', entity: 'product', via: 'sql', resultVar: 'r' }, { kind: 'update', entity: 'product', via: 'sql' }, { kind: 'delete', entity: 'order_item', via: 'sql' }], [{ entity: 'product', via: 'sql' }]],
  ['postgres tagged template', 'import postgres from "postgres";\nconst sql = postgres();\nasync function f(p: number, id: number) { await sql`UPDATE products SET price = ${p} WHERE id = ${id}`; }',
    [{ kind: 'update', entity: 'product', via: 'sql' }], []],
  ['better-sqlite3 prepare/run and exec', `function f(email: string, id: string) {
  db.prepare('INSERT INTO users (email) VALUES (?)').run(email);
  const stmt = db.prepare('DELETE FROM sessions WHERE id = ?');
  stmt.run(id);
  db.exec("INSERT OR REPLACE INTO settings (k, v) VALUES ('a', 'b')"); }`,
    [{ kind: 'create', entity: 'user', via: 'sql' }, { kind: 'delete', entity: 'session', via: 'sql' }, { kind: 'create', entity: 'setting', via: 'sql' }], []],
  ['sql held in a const and through sequelize.query', `const Q = 'UPDATE carts SET total = 0 WHERE id = $1';
async function f(id: number) { await pool.query(Q, [id]); await sequelize.query('DELETE FROM users WHERE id = :id'); }`,
    [{ kind: 'update', entity: 'cart', via: 'sql' }, { kind: 'delete', entity: 'user', via: 'sql' }], []],
  ['drizzle execute(sql``) counts once', `import { sql } from 'drizzle-orm';
async function f(id: number) { await db.execute(sql\`DELETE FROM carts WHERE id = \${id}\` as any); }`,
    [{ kind: 'delete', entity: 'cart', via: 'sql' }], []],
  // ── more shapes ──
  ['prisma client named db, imported from the project, args variable', `import { db } from '~/server/db';
async function f(args: any) { await db.product.update(args); }`, [{ kind: 'update', entity: 'product', via: 'prisma' }], []],
  ['a file importing two ORMs: the verb and { where } pick Sequelize', `import { Model } from 'mongoose';
const { User, Order } = require('../models');
async function f(id: string) { await User.update({ name: 'x' }, { where: { id } }); await Order.destroy({ where: { userId: id } }); }`,
    [{ kind: 'update', entity: 'user', via: 'sequelize' }, { kind: 'delete', entity: 'order', via: 'sequelize' }], []],
  ['knex through a typed field, table() and a builder held in a variable', `import { Knex } from 'knex';
class R { constructor(private readonly conn: Knex) {}
  async f(id: number, patch: any) {
    await this.conn('orders').insert(patch).onConflict('id').merge();
    await this.conn.table('products').where({ id }).delete();
    const q = this.conn('carts').where({ id });
    await q.update(patch); } }`,
    [{ kind: 'create', entity: 'order', via: 'knex' }, { kind: 'delete', entity: 'product', via: 'knex' }, { kind: 'update', entity: 'cart', via: 'knex' }], [{ entity: 'cart', via: 'knex' }]],
  ['typeorm query builder held in a variable', `class S { constructor(private readonly productsRepo: Repository<Product>) {}
  async f(id: string) { const qb = this.productsRepo.createQueryBuilder('p'); await qb.update().set({ price: 1 }).where('p.id = :id', { id }).execute(); } }`,
    [{ kind: 'update', entity: 'product', via: 'typeorm-qb' }], []],
  // ── Supabase / Firestore / DynamoDB ──
  ['supabase', `async function f(id: number, price: number) { await supabase.from('products').update({ price }).eq('id', id); const { data } = await supabase.from('products').select('*'); }`,
    [{ kind: 'update', entity: 'product', via: 'supabase' }], [{ entity: 'product', via: 'supabase' }]],
  ['firestore', `import { setDoc, doc } from 'firebase/firestore';
async function f(id: string, data: any) { await db.collection('products').doc(id).update(data); await setDoc(doc(db, 'orders', id), data); }`,
    [{ kind: 'update', entity: 'product', via: 'firestore' }, { kind: 'create', entity: 'order', via: 'firestore' }], []],
  ['dynamodb', `async function f(Key: any) { await client.send(new UpdateCommand({ TableName: 'products', Key })); }`,
    [{ kind: 'update', entity: 'product', via: 'dynamodb' }], []],
  // ── Objection.js ──
  ['objection: a model class, a models registry, this.query() in a static method, an instance', `const { Model } = require('objection');
class Page extends Model {
  static async publish(id) { await this.query().patch({ isPublished: true }).where('id', id); }
}
async function f(id, tree, trx, user) {
  await User.query(trx).insert({ name: 'x' });
  await WIKI.models.navigation.query().patch({ config: tree }).where('key', 'site');
  await Tag.query().deleteById(id);
  await user.$query().patchAndFetch({ name: 'y' });
  const row = await WIKI.models.navigation.query().findOne('key', 'site');
}`,
    [
      { kind: 'update', entity: 'page', via: 'objection' },
      { kind: 'create', entity: 'user', via: 'objection' },
      { kind: 'update', entity: 'navigation', via: 'objection' },
      { kind: 'delete', entity: 'tag', via: 'objection' },
      { kind: 'update', entity: 'user', via: 'objection' },
    ],
    [{ entity: 'navigation', via: 'objection' }]],
];

describe('db writes and reads', () => {
  it.each(cases)('%s', (_name, code, writes, reads) => {
    const { facts, ctx } = run(code);
    expect(facts.dbWrites.map((w) => ({ kind: w.kind, entity: w.entity, via: w.via, resultVar: w.resultVar }))).toEqual(
      writes.map((w) => ({ kind: w.kind, entity: w.entity, via: w.via, resultVar: w.resultVar })),
    );
    expect(facts.dbReads.map((r) => ({ entity: r.entity, via: r.via }))).toEqual(reads.map((r) => ({ entity: r.entity, via: r.via })));
    // dbWriteNodes is index-aligned with dbWrites
    expect(ctx.dbWriteNodes.map((n) => [n.getStart(), n.end])).toEqual(facts.dbWrites.map((w) => [w.span.start, w.span.end]));
  });
});

// Look-alikes: none of these is a database write or read.
const silent: [string, string][] = [
  ['Map.set/delete', `const m = new Map(); m.set('a', 1); m.delete('a');`],
  // a receiver named `database` without a table link is no knex chain
  ['database.update without a table', `import database from '../database'; async function f(v: string) { await database.update({ value: v }); }`],
  ['res.set', `function h(res: any) { res.set('Cache-Control', 'no-store'); }`],
  ['headers.delete', `function h(req: any, headers: Headers) { req.headers.delete('x'); headers.delete('y'); }`],
  ['array push/splice/find', `const arr: number[] = []; arr.push(1); arr.splice(0, 1); arr.find((x) => x === 1);`],
  ['Object.create', `const o = Object.create(null); Promise.all([]); JSON.parse('1');`],
  ['element.remove()', `const el = document.querySelector('#x'); el.remove(); document.body.classList.remove('x');`],
  ['fs writes', `import fs from 'fs'; async function f() { await fs.promises.writeFile('a', 'b'); fs.writeFileSync('a', 'b'); await fs.promises.rm('a'); }`],
  ['cache clients', `async function f(k: string, v: string) { await cache.del(k); await redis.set(k, v, 'EX', 60); await this.cacheManager.del(k); await client.set(k, v); }`],
  ['emitter.emit', `emitter.emit('update', { id: 1 });`],
  ['plain update() call', `function update(x: number) { return x; } update(1);`],
  ['Set.delete', `const set = new Set<string>(); set.delete('x');`],
  ['formData / searchParams', `function f(formData: FormData, url: URL) { formData.delete('f'); url.searchParams.delete('q'); }`],
  ['string replace', `const s = 'abc'.replace('a', 'b');`],
  ['SQL text through a logger', `logger.info('UPDATE products SET price = 1'); console.log('DELETE FROM users');`],
  ['prose through an exec-named method', `db.run('Update your profile'); task.exec('Insert coin');`],
  ['services are not repositories', `class C { async f(id: string, dto: any) { await this.usersService.update(id, dto); await this.productsService.create(dto); await this.productsService.remove(id); } }`],
  ['third-party API clients', `async function f() { await stripe.customers.update('cus_1', { email: 'a' }); await stripe.customers.create({ email: 'a' }); await octokit.rest.issues.update({ owner: 'o', repo: 'r', issue_number: 1 }); }`],
  ['HTTP routes and clients', `app.delete('/products/:id', handler); router.put('/x', h); async function f(url: string) { await axios.delete(url); await this.http.delete(url).toPromise(); }`],
  ['job queues', `async function f(data: any) { await queue.add('job', data); }`],
  ['regex exec', `function f(s: string) { return /x/.exec(s); }`],
  ['save/update on values of unknown origin', `async function f(user: any, items: any[]) { await user.save(); await user.update({ name: 'x' }); const product = items.find((i) => i.id); await product.remove(); }`],
  ['typeorm repo.create and em.create build, not write', `class S { constructor(private repo: Repository<Product>, private em: EntityManager) {} f(dto: any) { const a = this.repo.create(dto); const b = this.em.create(Product, dto); } }`],
  ['static create on DTOs and value objects', `import { ProductDto } from './dto/product.dto'; import { Money } from './types/money'; import { Product } from './dto'; ProductDto.create({}); Money.create(1); Product.create({});`],
  ['i18n t() and non-knex calls', `t('products.title'); translate('users');`],
  ['Immutable-style update', `const list2 = list.update(0, (x: number) => x + 1); const m2 = map.update('a', (x: number) => x);`],
  ['non-SQL tagged templates', 'const a = html`<p>${x}</p>`; const b = gql`query { products { id } }`; const c = css`color: red`;'],
  ['drizzle sql fragment alone', `import { sql } from 'drizzle-orm'; const frag = sql\`UPDATE products SET x = 1\`;`],
  ['a Map named like a table', `import { KEY } from './keys'; cacheMap.delete(KEY);`],
  ['prepared statement never run', `const stmt = db.prepare('DELETE FROM sessions WHERE id = ?');`],
  ['kysely builder never executed', `const q = db.updateTable('products').set({ price: 1 });`],
  ['Prisma-like object without data/where', `async function f() { await api.products.create({ name: 'x' }); await sdk.users.update({ id: 1, name: 'y' }); }`],
  ['domain factories in a file without an ORM', `import { Order } from './domain/order'; import { UserEntity } from './user.entity'; import { Cart } from '../cart';
const o = Order.create({}); const u = UserEntity.create({ name: 'x' }); Cart.create(); const c = new Cart(); c.save();`],
  ['a typed custom repository is not a Mongo model', `class S { constructor(private readonly products: ProductsRepository) {} f(id: string) { return this.products.findById(id); } }`],
  ['AWS S3 commands and a client factory', `async function f() { await s3.send(new PutObjectCommand({ Bucket: 'b', Key: 'k' })); await s3.send(new DeleteObjectCommand({ Bucket: 'b', Key: 'k' })); }`],
  ['this.x.update() on the class itself', `class C { product: any; f() { this.product.update({ where: 1, data: 2 }); this.controls.update(); } }`],
  ['Reflect / Atomics / Date', `Reflect.deleteProperty(o, 'x'); new Date().toString(); Math.max(1, 2);`],
  ['a manager of something else, keyed by a built string', 'async function f(manager: any, key: string, price: string) { await manager.update(`${key}-update`, price); await manager.delete(\'sub-1\'); }'],
  ['query() that opens no model query', `async function f(sql, id) { await pool.query(sql, [id]); await api.posts.list.query(); await trpc.user.byId.query({ id }); await store.query().insert; }`],
];

describe('look-alikes are not DB facts', () => {
  it.each(silent)('%s', (_name, code) => {
    const { facts } = run(code);
    expect(facts.dbWrites.map((w) => w.label)).toEqual([]);
    expect(facts.dbReads.map((r) => r.via)).toEqual([]);
  });
});

describe('write details', () => {
  it('spans, labels, statement end, indent and function ids', () => {
    const code = `class S {
  async u(id: string) {
    const p = await this.prisma.product.update({ where: { id }, data: {} });
    return p;
  }
}
await knex('products').where({ id: 1 }).del();
`;
    const { facts, text } = run(code);
    expect(facts.dbWrites).toHaveLength(2);
    const [a, b] = facts.dbWrites;
    expect(text.slice(a.span.start, a.span.end)).toBe('this.prisma.product.update({ where: { id }, data: {} })');
    expect(a.label).toBe('this.prisma.product.update');
    expect(text.slice(0, a.stmtEnd).endsWith('data: {} });')).toBe(true);
    expect(a.indent).toBe('    ');
    expect(a.fn).toBeGreaterThan(0);
    expect(facts.fns.find((f) => f.id === a.fn)?.name).toBe('u');
    expect(text.slice(b.span.start, b.span.end)).toBe("knex('products').where({ id: 1 }).del()");
    expect(b.label).toBe("knex('products').del");
    expect(b.fn).toBe(0);
    expect(b.indent).toBe('');
  });

  it('an expression-bodied arrow anchors at the call itself', () => {
    const code = `const f = (tx: any, q: any) => tx.user.update({ where: q, data: {} });`;
    const { facts } = run(code);
    expect(facts.dbWrites).toHaveLength(1);
    expect(facts.dbWrites[0].stmtEnd).toBe(facts.dbWrites[0].span.end);
  });

  it('SQL labels name the statement and table', () => {
    const { facts } = run(`pool.query('INSERT INTO "public"."Order" (id) VALUES ($1)');`);
    expect(facts.dbWrites[0].label).toBe('INSERT INTO Order');
    expect(facts.dbWrites[0].entity).toBe('order');
  });
});

describe('classifySql', () => {
  const sql: [string, string | undefined, string | undefined][] = [
    ['INSERT INTO products (id) VALUES ($1) ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name', 'create', 'products'],
    ['  -- leading comment\n /* block */ DELETE FROM carts WHERE id = $1', 'delete', 'carts'],
    ['WITH x AS (SELECT id FROM a) UPDATE products SET price = 1 FROM x WHERE products.id = x.id', 'update', 'products'],
    ['WITH moved AS (DELETE FROM carts RETURNING *) SELECT * FROM moved', 'delete', 'carts'],
    ['update `shop`.`products` set price = 1', 'update', 'products'],
    ['REPLACE INTO settings (k, v) VALUES (?, ?)', 'create', 'settings'],
    ['MERGE INTO stock s USING incoming i ON s.id = i.id WHEN MATCHED THEN UPDATE SET qty = i.qty', 'create', 'stock'],
    ['TRUNCATE TABLE sessions', 'delete', 'sessions'],
    ['SELECT count(*) FROM (SELECT 1) x', 'read', undefined],
    ['SELECT p.* FROM products p JOIN c ON true', 'read', 'products'],
    ['INSERT INTO \u0001 VALUES (1)', 'create', undefined],
    ['Update your profile', undefined, undefined],
    ['Insert into the queue now', undefined, undefined],
    ['CREATE TABLE x (id int)', undefined, undefined],
  ];
  it.each(sql)('%s', (text, kind, table) => {
    const c = classifySql(text);
    expect(c?.kind).toBe(kind);
    expect(c?.table).toBe(table);
  });
});

describe('classifySql columns', () => {
  const cases: [string, string[] | undefined][] = [
    // what a SELECT list reads, its aliases left out: an alias of an expression reads the expression's columns
    [`SELECT c.id, c.name, (c.metadata ->> 'imageUrl')::TEXT AS "image" FROM collections c WHERE c.id = $1`, ['id', 'name', 'c', 'metadata', 'text', 'from', 'collections', 'where']],
    // the filter's columns count: a row filtered on a column changes when that column is written
    ['SELECT value FROM config WHERE key = $1 AND del_flag = 0', ['value', 'from', 'config', 'where', 'key', 'and', 'del_flag']],
    ['SELECT * FROM collections', undefined],
    ['SELECT c.* FROM collections c', undefined],
    ['SELECT \u0001 FROM collections', undefined],
    // what an UPDATE sets, up to its WHERE (or FROM)
    ['UPDATE collections SET community = $1, updated_at = now() WHERE id = $2', ['community', 'updated_at']],
    ['UPDATE collections SET floor_sell_id = x.id, "floor_sell_value" = x.v FROM (SELECT 1) x WHERE collections.id = x.id', ['floor_sell_id', 'floor_sell_value']],
    ['UPDATE t SET t.a = 1', ['a']],
    ['UPDATE collections SET \u0001 WHERE id = $1', undefined],
    ['UPDATE t SET (a, b) = (1, 2)', undefined],
  ];
  it.each(cases)('%s', (text, columns) => {
    const c = classifySql(text);
    expect(c?.columns ? [...c.columns].sort() : undefined).toEqual(columns ? [...columns].sort() : undefined);
  });
});

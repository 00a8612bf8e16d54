// Method-call ORMs: Prisma delegates, TypeORM repositories and managers, MikroORM's EntityManager,
// Sequelize and Mongoose models, MongoDB collections, and ORM instances (`doc.save()`). A receiver
// is classified from its import binding, declared type, decorator or initialiser first and from
// its name last; an unknown receiver is only accepted for verbs no other library uses.
import { ts } from 'ts-morph';
import {
  bare, calleeText, chainLinks, dict, entityFromName, entityOfExpr, fileImports, importedFrom, infoOf, isCapitalised,
  isProjectModule, lastName, stringArg, type DbEnv, type Hit, type Info, type Link,
} from './common';
import { declarationOf, enclosingClass, enclosingFunction, extendsClause, typeRefName, unwrap } from '../../syntax/scope';
import { forOfLoopOf, isLoadedRow } from './loaded-rows';
import { thisClass } from '../../syntax/local-values';
import type { DbWriteKind } from '../types';

type Recv =
  | { t: 'prisma' }
  /** `named`: known as a repository by its name alone (`dictDataRepo`), not by a TypeORM/MikroORM type */
  | { t: 'repo'; via: string; entity?: string; named?: boolean }
  | { t: 'manager'; via: string }
  /** a Mongoose/Sequelize/TypeORM-active-record model; `strongOnly`: accept only verbs no other API has */
  | { t: 'model'; via: string; entity?: string; strongOnly?: boolean }
  | { t: 'collection'; entity?: string };

type Verbs = Record<string, DbWriteKind | 'read'>;
const verbs = (w: Record<string, DbWriteKind>, reads: string): Verbs => {
  const out: Verbs = dict(w);
  for (const r of reads.split(' ')) out[r] = 'read';
  return out;
};

const PRISMA = verbs(
  { create: 'create', createMany: 'create', createManyAndReturn: 'create', upsert: 'create', update: 'update', updateMany: 'update', updateManyAndReturn: 'update', delete: 'delete', deleteMany: 'delete' },
  'findUnique findUniqueOrThrow findFirst findFirstOrThrow findMany count aggregate groupBy',
);
// `save` is decided per call (tableHit): a fresh object is a create, a loaded one an update
const TYPEORM = verbs(
  { save: 'update', insert: 'create', upsert: 'create', update: 'update', increment: 'update', decrement: 'update', restore: 'update', recover: 'update', delete: 'delete', softDelete: 'delete', remove: 'delete', softRemove: 'delete', clear: 'delete' },
  'find findOne findOneBy findBy findOneOrFail findOneByOrFail findAndCount findAndCountBy findByIds count countBy exist exists existsBy',
);
const MIKRO = verbs(
  { persistAndFlush: 'update', removeAndFlush: 'delete', flush: 'update', nativeInsert: 'create', nativeUpdate: 'update', nativeDelete: 'delete', insert: 'create', insertMany: 'create', upsert: 'create', upsertMany: 'create' },
  'findOne find findOneOrFail findAll count findAndCount findByCursor',
);
const MONGO_W = dict<DbWriteKind>({
  insertOne: 'create', insertMany: 'create', updateOne: 'update', updateMany: 'update', replaceOne: 'update', findOneAndUpdate: 'update', findByIdAndUpdate: 'update',
  findOneAndReplace: 'update', bulkWrite: 'update', deleteOne: 'delete', deleteMany: 'delete', findOneAndDelete: 'delete', findByIdAndDelete: 'delete', findOneAndRemove: 'delete', findByIdAndRemove: 'delete',
});
const MONGOOSE = verbs({ ...MONGO_W, create: 'create' }, 'findById findOne find exists countDocuments estimatedDocumentCount aggregate distinct');
const MONGODB = verbs(MONGO_W, 'find findOne countDocuments estimatedDocumentCount aggregate distinct');
const SEQUELIZE = verbs(
  { create: 'create', bulkCreate: 'create', upsert: 'create', findOrCreate: 'create', update: 'update', increment: 'update', decrement: 'update', restore: 'update', destroy: 'delete', truncate: 'delete' },
  'findByPk findOne findAll findAndCountAll count',
);
// AdonisJS Lucid's models: `Product.findOrFail(id)`, `Product.updateOrCreate(search, data)`; rows `product.merge(d).save()`
const LUCID = verbs(
  { create: 'create', createMany: 'create', updateOrCreate: 'create', updateOrCreateMany: 'create', firstOrCreate: 'create', fetchOrCreateMany: 'create', createQuietly: 'create' },
  'find findOrFail findBy findByOrFail findManyBy findMany first firstOrFail all',
);
/** Verbs only Lucid's models have: a model imported from the project's models folder is Lucid's when it calls one */
const LUCID_ONLY = new Set(['findOrFail', 'findBy', 'findByOrFail', 'findManyBy', 'firstOrFail', 'updateOrCreate', 'updateOrCreateMany', 'firstOrCreate', 'fetchOrCreateMany', 'createMany', 'createQuietly']);
const ACTIVE_RECORD = verbs({ save: 'update', insert: 'create', upsert: 'create', update: 'update', delete: 'delete', softDelete: 'delete', remove: 'delete' }, 'find findOne findOneBy findBy findOneOrFail count');
// Verbs that only ORM models have: enough on an imported name whose origin is a package we don't know
const STRONG = new Set([...Object.keys(MONGO_W), 'bulkCreate', 'destroy', 'findByPk', 'findAll', 'findAndCountAll', 'findOrCreate', 'findById', 'countDocuments']);
// Verbs whose receiver needs no classification at all: nothing but MongoDB/Mongoose uses these names
const DISTINCTIVE = verbs(MONGO_W, 'findById countDocuments estimatedDocumentCount');
const INSTANCE = dict<DbWriteKind>({ save: 'update', update: 'update', increment: 'update', decrement: 'update', destroy: 'delete', remove: 'delete', softRemove: 'delete', deleteOne: 'delete', delete: 'delete' });

/** Every method name some branch here accepts: a cheap gate before any lookup. */
export const ORM_VERBS = new Set([
  ...Object.keys(PRISMA), ...Object.keys(TYPEORM), ...Object.keys(MIKRO), ...Object.keys(MONGOOSE), ...Object.keys(SEQUELIZE), ...Object.keys(INSTANCE), ...Object.keys(LUCID),
]);

// Capitalised names that are never models, even when imported
const BUILTINS = new Set(
  'Object Array Promise Reflect JSON Math Date Buffer Map Set WeakMap WeakSet URL URLSearchParams Symbol Intl Number String Boolean BigInt Error RegExp Proxy Atomics Crypto crypto Response Request Headers FormData Blob File Event EventEmitter Stream Readable Writable'.split(' '),
);
const NOT_MODEL = /(Dto|Input|Error|Exception|Factory|Builder|Service|Controller|Utils?|Helpers?|Events?|Command|Query|Response|Request|Schema|Config|Module|Client|Cache|Store|Queue|Mapper|Validator)$/;

const NOT_MODEL_MODULE = /(^|[/.])(dtos?|types?|interfaces?|errors?|utils?|helpers?|constants?|enums?|schemas?|validators?|events?|contracts?)([/.]|$)/i;

/** A receiver named for a repository: `usersRepository`, `configRepo`, `repo`. */
const REPO_NAME = /(?:Repository|Repo)$|^repo(?:sitory)?$/;

// (`#models/product`: a Node subpath import, AdonisJS's way of naming its models folder)
const MODEL_PATH = /(^|[/.#])(models?|schemas?|entities|db)([/.]|$)/i;

function orm(module: string | undefined): string | undefined {
  if (!module) return undefined;
  if (/^(mongoose|@nestjs\/mongoose|@typegoose\/)/.test(module)) return 'mongoose';
  if (/^(sequelize|sequelize-typescript|@nestjs\/sequelize)$/.test(module)) return 'sequelize';
  if (/^(typeorm|@nestjs\/typeorm)$/.test(module)) return 'typeorm';
  if (/^@mikro-orm\//.test(module)) return 'mikro-orm';
  if (module === 'mongodb') return 'mongodb';
  if (/^@adonisjs\/lucid(\/|$)|^@ioc:Adonis\/Lucid\//.test(module)) return 'lucid';
  return undefined;
}

/** Which model ORM a file works with, from its imports (a model imported from elsewhere says nothing). */
function fileModelOrm(env: DbEnv): string {
  if (fileImports(env.ctx, /^(mongoose|@nestjs\/mongoose|@typegoose\/)/)) return 'mongoose';
  if (fileImports(env.ctx, /^(sequelize|sequelize-typescript|@nestjs\/sequelize)$/)) return 'sequelize';
  if (fileImports(env.ctx, /^(typeorm|@nestjs\/typeorm)$/)) return 'typeorm';
  if (fileImports(env.ctx, /^@adonisjs\/lucid(\/|$)|^@ioc:Adonis\/Lucid\//)) return 'lucid';
  return 'orm';
}

function fromType(info: Info, env: DbEnv): Recv | undefined {
  const tn = typeRefName(info.type);
  if (!tn) return undefined;
  const base = tn.name.split('.').pop() ?? '';
  const arg = typeRefName(tn.args[0])?.name;
  const from = orm(importedFrom(tn.name.split('.')[0], env.ctx));
  if (/prisma/i.test(tn.name) || base === 'TransactionClient') return { t: 'prisma' };
  if (base === 'Repository' || base === 'TreeRepository' || base === 'MongoRepository') return { t: 'repo', via: from === 'mikro-orm' ? from : 'typeorm', entity: arg };
  if (base === 'EntityRepository' || base === 'SqlEntityRepository') return { t: 'repo', via: 'mikro-orm', entity: arg };
  if (base === 'EntityManager' || base === 'SqlEntityManager' || base === 'MongoEntityManager')
    return { t: 'manager', via: from ?? (base !== 'EntityManager' || info.name === 'em' ? 'mikro-orm' : 'typeorm') };
  // a field typed `Model<X>` is Mongoose's idiom (Sequelize types model classes as ModelStatic/typeof X)
  if (base === 'Model' && (arg || from === 'mongoose'))
    return { t: 'model', via: from ?? (fileModelOrm(env) === 'sequelize' ? 'sequelize' : 'mongoose'), entity: arg ?? entityFromName(info.name) };
  if (base === 'ModelStatic' || base === 'ModelCtor') return { t: 'model', via: 'sequelize', entity: arg };
  if (base === 'Collection' && (from === 'mongodb' || arg)) return { t: 'collection', entity: arg ?? entityFromName(info.name) };
  return undefined;
}

function fromDecorators(info: Info, env: DbEnv): Recv | undefined {
  for (const d of info.decorators) {
    // Pattern: constructor(@InjectRepository(Product) private repo: Repository<Product>)
    if (d.name === 'InjectRepository') return { t: 'repo', via: 'typeorm', entity: entityOfExpr(d.args[0]) };
    // Pattern: @InjectModel(Product.name) private productModel: Model<ProductDocument>
    if (d.name === 'InjectModel') return { t: 'model', via: orm(importedFrom(d.name, env.ctx)) ?? 'mongoose', entity: entityOfExpr(d.args[0]) ?? entityFromName(info.name) };
    if (d.name === 'InjectEntityManager') return { t: 'manager', via: 'typeorm' };
  }
  return undefined;
}

/** A capitalised identifier used as a model: `Product.create(…)`. */
function fromModelName(info: Info, env: DbEnv): Recv | undefined {
  const name = info.name;
  // Pattern: import BlogRepo from './repository/BlogRepo' — a repository module of the project, not a model named BlogRepo
  if (!name || !isCapitalised(name) || BUILTINS.has(name) || NOT_MODEL.test(name) || (!info.cls && REPO_NAME.test(name))) return undefined;
  if (info.cls) {
    const via = activeRecordOrm(info.cls, env);
    return via ? { t: 'model', via, entity: name } : undefined;
  }
  // Pattern: import { Product } from './models/product' — but not from './dto' or './types'
  if (info.importModule !== undefined && !NOT_MODEL_MODULE.test(info.importModule)) {
    const fileOrm = fileModelOrm(env);
    // `export const ProductModel = model('Product', schema)` is the usual Mongoose naming
    const modelish = /.Model$/.test(name) || MODEL_PATH.test(info.importModule);
    const via = fileOrm === 'orm' && /.Model$/.test(name) ? 'mongoose' : fileOrm;
    // A file that imports no ORM and a name from no model folder: `Order.create(props)` may be a
    // domain factory, so only verbs no factory has (destroy, findByPk, updateOne…) count.
    const strongOnly = !modelish && (fileOrm === 'orm' || !isProjectModule(info.importModule, env.ctx.config));
    return { t: 'model', via, entity: name, strongOnly };
  }
  return undefined;
}

function fromInit(init: ts.Expression, env: DbEnv, depth: number): Recv | undefined {
  const e = unwrap(init);
  if (ts.isNewExpression(e)) return /Prisma/.test(e.expression.getText()) ? { t: 'prisma' } : undefined;
  if (!ts.isCallExpression(e)) return undefined;
  const ls = chainLinks(e);
  const root = ls[0];
  // Pattern: const prisma = new PrismaClient().$extends(…)
  if (root?.recv && ts.isNewExpression(bare(root.recv)) && /Prisma/.test(bare(root.recv).getText())) return { t: 'prisma' };
  const last = ls[ls.length - 1];
  // Pattern: const Product = sequelize.define('product', {…})
  if (last.name === 'define' && stringArg(last.args[0])) return { t: 'model', via: 'sequelize', entity: stringArg(last.args[0]) };
  // Pattern: const Product = mongoose.model('Product', schema) / model<IProduct>('Product', schema)
  if (last.name === 'model' && stringArg(last.args[0])) return { t: 'model', via: 'mongoose', entity: stringArg(last.args[0]) };
  if (last.name === 'getModelForClass') return { t: 'model', via: 'mongoose', entity: entityOfExpr(last.args[0]) };
  return depth < 3 ? classifyRecv(e, env, depth + 1) : undefined;
}

function fromName(info: Info, env: DbEnv): Recv | undefined {
  const n = info.name;
  if (!n) return undefined;
  if (/prisma/i.test(n)) return { t: 'prisma' };
  if (REPO_NAME.test(n)) return { t: 'repo', via: 'typeorm', entity: entityFromName(n), named: true };
  if (/.Model$/.test(n)) return { t: 'model', via: fileModelOrm(env) === 'sequelize' ? 'sequelize' : 'mongoose', entity: entityFromName(n) };
  if (/.Collection$/.test(n)) return { t: 'collection', entity: entityFromName(n) };
  if (n === 'em') return { t: 'manager', via: 'mikro-orm' };
  if (/^(manager|entityManager|transactionalEntityManager)$/.test(n)) return { t: 'manager', via: 'typeorm' };
  return undefined;
}

/** `models` imported from a module of the project, or `<x>.models` (`sequelize.models`, `db.models`). */
function modelRegistry(e: ts.Expression, env: DbEnv): boolean {
  if (ts.isPropertyAccessExpression(e)) return e.name.text === 'models' && ts.isIdentifier(bare(e.expression)) && /^(sequelize|db|orm)$/i.test((bare(e.expression) as ts.Identifier).text);
  return ts.isIdentifier(e) && e.text === 'models' && isProjectModule(importedFrom('models', env.ctx), env.ctx.config);
}

/** The one entity-like type argument of the class's base (`extends CrudService<TenantSetting>`). */
function inheritedEntity(e: ts.Node): string | undefined {
  const cls = enclosingClass(e);
  const args = extendsClause(cls)?.typeArguments;
  if (!args || args.length !== 1) return undefined;
  const name = typeRefName(args[0])?.name;
  // `extends CrudService<T>` in a generic class of its own names no entity
  return name && isCapitalised(name) && !cls?.typeParameters?.some((p) => p.name.text === name) ? name : undefined;
}

/** What a receiver expression is, as far as this file can tell. */
export function classifyRecv(e0: ts.Expression, env: DbEnv, depth = 0): Recv | undefined {
  const e = bare(e0);
  if (ts.isCallExpression(e)) {
    const ls = chainLinks(e);
    const l = ls[ls.length - 1];
    switch (l.name) {
      // Pattern: dataSource.getRepository(Product).save(p) / manager.getRepository(Product)
      case 'getRepository':
      case 'getTreeRepository':
      case 'getMongoRepository':
      case 'getCustomRepository': {
        const owner = l.recv && depth < 3 ? classifyRecv(l.recv, env, depth + 1) : undefined;
        return { t: 'repo', via: owner?.t === 'manager' ? owner.via : 'typeorm', entity: entityOfExpr(l.args[0]) };
      }
      // Pattern: this.em.fork().persistAndFlush(p) / em.persist(p).flush()
      case 'fork':
      case 'persist':
      case 'remove':
      case 'getEntityManager': {
        const owner = l.recv && depth < 3 ? classifyRecv(l.recv, env, depth + 1) : undefined;
        return owner?.t === 'manager' || owner?.t === 'repo' ? { t: 'manager', via: owner.via } : undefined;
      }
      // Pattern: db.collection('products').updateOne(…)
      case 'collection':
        return stringArg(l.args[0]) !== undefined ? { t: 'collection', entity: stringArg(l.args[0]) } : undefined;
    }
    return undefined;
  }
  if (ts.isPropertyAccessExpression(e) && isCapitalised(e.name.text)) {
    // Pattern: db.Product.create(…) / sequelize.models.Product.findAll()
    const owner = lastName(e.expression);
    if (owner === 'models' || owner === 'db') return { t: 'model', via: 'sequelize', entity: e.name.text };
  }
  // Pattern: import { models } from '@acme/database-model'; models.users.update(…) — the project's registry
  // of models (`models.users = sequelize.define('users', …)`), or the ORM's own `sequelize.models.users`
  if (ts.isPropertyAccessExpression(e) && /^[a-z][A-Za-z0-9]*$/.test(e.name.text) && modelRegistry(bare(e.expression), env))
    return { t: 'model', via: 'sequelize', entity: e.name.text };
  if (e.kind === ts.SyntaxKind.ThisKeyword) {
    // Pattern: class User extends Model { static async getUserById(id) { … this.findByPk(id) } } — in a
    // static method of a model class, `this` is the model
    const self = ownModel(e, env);
    if (self?.isStatic) return { t: 'model', via: self.via, entity: self.entity };
    // Pattern: class ProductRepository extends Repository<Product> { … this.save(p) }
    const ext = extendsClause(enclosingClass(e));
    if (ext && ts.isIdentifier(ext.expression) && ext.expression.text === 'Repository')
      return { t: 'repo', via: 'typeorm', entity: typeRefName(ext.typeArguments?.[0])?.name };
    return undefined;
  }
  if (!ts.isIdentifier(e) && !ts.isPropertyAccessExpression(e) && !ts.isElementAccessExpression(e)) return undefined;
  const info = infoOf(e, env.ctx);
  const cb = info.cbOf;
  if (cb?.name === '$transaction') return { t: 'prisma' };
  if (cb?.name === 'transactional') return { t: 'manager', via: 'mikro-orm' };
  // Pattern: dataSource.transaction(async (manager) => manager.save(…))
  if (cb?.name === 'transaction' && /dataSource|connection|manager/i.test(lastName(cb.recv) ?? '')) return { t: 'manager', via: 'typeorm' };
  // Pattern: class TenantSettingService extends TenantAwareCrudService<TenantSetting> { … this.typeOrmRepository.save(s) }
  // — a repository the base class holds for its type argument: that argument is the entity
  if (ts.isPropertyAccessExpression(e) && e.expression.kind === ts.SyntaxKind.ThisKeyword && REPO_NAME.test(e.name.text) && !info.type && !info.init && !info.decorators.length) {
    const entity = inheritedEntity(e);
    if (entity) return { t: 'repo', via: /mikro/i.test(e.name.text) ? 'mikro-orm' : 'typeorm', entity };
  }
  return (
    fromDecorators(info, env) ??
    fromType(info, env) ??
    fromModelName(info, env) ??
    (info.init ? fromInit(info.init, env, depth) : undefined) ??
    (info.cls ? undefined : fromName(info, env))
  );
}

/**
 * Pattern: const row = await repo.findOne({ where: { githubId } }); if (row == null) { await repo.save(item) }
 * — a save on the branch where a lookup of the database found no row inserts it (an upsert by hand).
 */
function savedOnMiss(call: ts.Node, env: DbEnv): boolean {
  let child: ts.Node = call;
  for (let p = call.parent; p && !ts.isFunctionLike(p) && !ts.isSourceFile(p); child = p, p = p.parent) {
    if (!ts.isIfStatement(p)) continue;
    const miss = missingRow(p.expression, env);
    if (miss !== undefined && (child === p.thenStatement) === miss && child !== p.expression) return true;
  }
  return false;
}

/** true when `cond` holds exactly when a row read from the database is missing (`!row`, `row == null`), false when it is there. */
function missingRow(cond: ts.Expression, env: DbEnv): boolean | undefined {
  const e = unwrap(cond);
  if (ts.isPrefixUnaryExpression(e) && e.operator === ts.SyntaxKind.ExclamationToken) {
    const m = missingRow(e.operand, env);
    return m === undefined ? undefined : !m;
  }
  if (ts.isIdentifier(e)) return readRow(e, env) ? false : undefined;
  if (!ts.isBinaryExpression(e)) return undefined;
  const op = e.operatorToken.kind;
  const eq = op === ts.SyntaxKind.EqualsEqualsToken || op === ts.SyntaxKind.EqualsEqualsEqualsToken;
  const ne = op === ts.SyntaxKind.ExclamationEqualsToken || op === ts.SyntaxKind.ExclamationEqualsEqualsToken;
  if (!eq && !ne) return undefined;
  const nothing = (x: ts.Expression) => { const u = unwrap(x); return u.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(u) && u.text === 'undefined'); };
  const subject = nothing(e.right) ? unwrap(e.left) : nothing(e.left) ? unwrap(e.right) : undefined;
  return subject && ts.isIdentifier(subject) && readRow(subject, env) ? eq : undefined;
}

/** `row` declared as `const row = await <a read the database recognises>` (findOne, findUnique…). */
function readRow(id: ts.Identifier, env: DbEnv): boolean {
  return isLoadedRow(id, env.ctx.facts.imports, env.recognise);
}

/**
 * Pattern: const invoice = await this.getInvoice(tenantId, id); … manager.save(invoice) — a row a
 * project loader named for it returns: the variable's name is the entity when the loader's name
 * says the same (`getInvoice`, `findInvoiceById`, `loadInvoice`).
 */
function loadedByNamedLoader(e0: ts.Expression | undefined, env: DbEnv): string | undefined {
  const e = e0 && unwrap(e0);
  if (!e || !ts.isIdentifier(e)) return undefined;
  const init = infoOf(e, env.ctx).init;
  const call = init && unwrap(init);
  if (!call || !ts.isCallExpression(call)) return undefined;
  const callee = unwrap(call.expression);
  const name = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : undefined;
  const m = name && /^(?:get|find|load|fetch)(?:One)?([A-Z][A-Za-z]*?)(?:By[A-Z]\w*|OrFail|OrThrow)?$/.exec(name);
  return m && m[1].toLowerCase() === e.text.toLowerCase() ? e.text : undefined;
}

/** Where a value came from: `new Product()`, `repo.create(dto)` (fresh) or a recognised read. */
function originOf(e0: ts.Expression | undefined, env: DbEnv, depth = 0): { entity?: string; via?: string; fresh: boolean } | undefined {
  if (!e0 || depth > 2) return undefined;
  const e = unwrap(e0);
  if (ts.isObjectLiteralExpression(e)) {
    // Pattern: save({ ...createUserDto, userType }) — a spread of a DTO a create path was handed is no loaded row
    const hasId = e.properties.some((p) => (ts.isSpreadAssignment(p) ? !originOf(p.expression, env, depth + 1)?.fresh : /^_?id$/.test(p.name?.getText() ?? '')));
    return { fresh: !hasId };
  }
  if (ts.isArrayLiteralExpression(e)) return originOf(e.elements[0], env, depth + 1);
  if (ts.isNewExpression(e)) {
    const r = classifyRecv(e.expression, env);
    if (r?.t === 'model' && !r.strongOnly) return { entity: r.entity, via: r.via, fresh: true };
    return ts.isIdentifier(e.expression) && isCapitalised(e.expression.text) ? { entity: e.expression.text, fresh: true } : undefined;
  }
  if (ts.isIdentifier(e)) {
    const info = infoOf(e, env.ctx);
    if (info.param) {
      // Pattern: create(dto: CreateProductDto) { return this.repo.save(dto) } — a DTO handed in by a create path
      const fn = enclosingFunction(e);
      const fnName = fn?.name && ts.isIdentifier(fn.name) ? fn.name.text : '';
      const fresh = /Create|^New/.test(typeRefName(info.type)?.name ?? '') || /^(create|new)/i.test(info.name ?? '') || /^(create|add|insert|register)/i.test(fnName);
      return { fresh };
    }
    if (info.init) return originOf(info.init, env, depth + 1);
    // Pattern: const rows = await Order.find(q); for (const order of rows) { …; await order.save() } — a loaded row
    const d = declarationOf(e, env.ctx.facts.imports);
    const loop = d?.t === 'var' ? forOfLoopOf(d.node) : undefined;
    if (!loop) return undefined;
    const o = originOf(loop.expression, env, depth + 1);
    return o && { ...o, fresh: false };
  }
  if (ts.isAwaitExpression(e)) return originOf(e.expression, env, depth);
  if (!ts.isCallExpression(e)) return undefined;
  // Pattern: repo.save(steps.map((s) => ({ type: s.type }))) — the rows the callback builds
  const cb = e.arguments[0] && unwrap(e.arguments[0]);
  if (ts.isPropertyAccessExpression(e.expression) && e.expression.name.text === 'map' && cb && ts.isArrowFunction(cb) && !ts.isBlock(cb.body))
    return originOf(cb.body, env, depth + 1);
  const ls = chainLinks(e);
  const l = ls[ls.length - 1];
  // Pattern: const p = repo.create(dto) / em.create(Product, data) / Product.build(data)
  if ((l.name === 'create' || l.name === 'build') && l.recv) {
    const r = classifyRecv(l.recv, env);
    if (r?.t === 'repo') return { entity: r.entity, via: r.via, fresh: true };
    if (r?.t === 'manager') return { entity: entityOfExpr(l.args[0]), via: r.via, fresh: true };
    if (r?.t === 'model' && l.name === 'build') return { entity: r.entity, via: r.via, fresh: true };
    // Pattern: const app = Application.create(dto) — an entity class's own create (TypeORM's
    // BaseEntity builds, Sequelize's and Mongoose's insert): a row that did not exist before
    const recv = bare(l.recv);
    if (l.name === 'create' && ts.isIdentifier(recv) && isCapitalised(recv.text)) return { entity: r?.t === 'model' ? r.entity : recv.text, via: r?.t === 'model' ? r.via : undefined, fresh: true };
  }
  const hit = env.recognise(e);
  return hit ? { entity: hit.entity, via: hit.via, fresh: false } : undefined;
}

function tableHit(table: Verbs, l: Link, via: string, entity: string | undefined, env: DbEnv, entityArg?: boolean): Hit | undefined {
  const name = l.name!;
  let kind = table[name];
  if (!kind) return undefined;
  let ent = entity;
  let subject = l.args[0];
  if (entityArg) {
    // Pattern: manager.save(Product, data) / em.nativeUpdate(Product, where, data) / em.findOne(Product, id)
    const a0 = l.args[0] && bare(l.args[0]);
    if (a0 && ((ts.isIdentifier(a0) && isCapitalised(a0.text)) || ts.isStringLiteralLike(a0))) {
      ent = entityOfExpr(a0);
      subject = l.args[1];
    }
  }
  if (name === 'save' || name === 'persistAndFlush' || name === 'removeAndFlush' || name === 'remove' || name === 'softRemove') {
    const o = originOf(subject, env);
    ent ??= o?.entity ?? (entityArg ? loadedByNamedLoader(subject, env) : undefined);
    if (name === 'save' || name === 'persistAndFlush') kind = o?.fresh || savedOnMiss(l.node, env) ? 'create' : 'update';
  }
  if (name === 'flush' && l.recv && ts.isCallExpression(bare(l.recv))) {
    // Pattern: em.persist(product).flush()
    const ls = chainLinks(bare(l.recv));
    const p = ls[ls.length - 1];
    const o = originOf(p.args[0], env);
    ent = o?.entity;
    kind = p.name === 'remove' ? 'delete' : o?.fresh ? 'create' : 'update';
  }
  return { kind, entity: ent, via, label: calleeText(l), alsoRead: name === 'findOrCreate' || undefined };
}

function prismaHit(l: Link, env: DbEnv): Hit | undefined {
  const kind = PRISMA[l.name!];
  if (!kind || !l.recv) return undefined;
  const recv = bare(l.recv);
  if (!ts.isPropertyAccessExpression(recv)) return undefined;
  const model = recv.name.text;
  if (model.startsWith('$') || isCapitalised(model)) return undefined;
  const client = bare(recv.expression);
  if (client.kind === ts.SyntaxKind.ThisKeyword) return undefined; // `this.product.update()`: the class's own member
  const r = classifyRecv(client, env);
  if (r && r.t !== 'prisma') return undefined;
  // Pattern: db.product.update(args) with `db` imported from the project (T3's `~/server/db`)
  // Pattern: prisma.client.website.findUnique(criteria) — a project object named for Prisma holding its client
  const named = /^(db|database)$/.test(lastName(client) ?? '') || /^(prisma|this\.prisma)\.(client|db)$/.test(client.getText());
  if (!r && !named) {
    // Pattern: ctx.api.product.update({ where: { id }, data }) — the argument shape is Prisma's own
    const a = l.args[0] && unwrap(l.args[0]);
    if (!a || !ts.isObjectLiteralExpression(a)) return undefined;
    const props = new Set(a.properties.map((p) => p.name?.getText()));
    const ok = kind === 'read' ? props.has('where') || props.has('select') || props.has('include') : props.has('data') || props.has('where');
    if (!ok) return undefined;
  }
  return { kind, entity: model, via: 'prisma', label: calleeText(l) };
}

/**
 * Mongoose or Sequelize for a model call. The file's imports give a default (`r.via`), but a verb
 * only one of them has, or Sequelize's `{ where }` option, decides: a file may import both.
 */
function modelTable(via: string, verb: string, whereOpt: boolean): [Verbs, string] {
  if (via === 'lucid' || (via === 'orm' && LUCID_ONLY.has(verb))) return [LUCID, 'lucid'];
  if (whereOpt && SEQUELIZE[verb]) return [SEQUELIZE, 'sequelize'];
  if (via === 'mongoose' && MONGOOSE[verb]) return [MONGOOSE, via];
  if (via === 'sequelize' && SEQUELIZE[verb]) return [SEQUELIZE, via];
  if (MONGOOSE[verb] && !SEQUELIZE[verb]) return [MONGOOSE, 'mongoose'];
  if (SEQUELIZE[verb] && !MONGOOSE[verb]) return [SEQUELIZE, 'sequelize'];
  return [MONGOOSE, via === 'mongoose' || via === 'sequelize' ? via : 'orm'];
}

/**
 * A repository's own query methods (`findByConfigKey`, `softDeleteBatch`, `updateStatus`): on a
 * receiver named for a repository, a method named for what it does to the rows.
 */
const REPO_METHOD: [RegExp, DbWriteKind | 'read'][] = [
  [/^(?:find|count|exists?|get|list)[A-Z]/, 'read'],
  [/^(?:update|restore)[A-Z]/, 'update'],
  [/^(?:delete|remove|softDelete|softRemove|destroy)[A-Z]/, 'delete'],
  [/^(?:create|insert)[A-Z]/, 'create'],
];
// what a repository hands out rather than runs: `createQueryBuilder()`, `getRepository()`, `getManager()`
const NOT_REPO_METHOD = /(?:Builder|Query|Cursor|Stream|Repository|Manager|Metadata|Connection|Runner|Transaction)$/;

/**
 * Pattern: await this.dictDataRepo.create({ … }) — the project's own repository (over Prisma, say)
 * inserting a row. TypeORM's `repo.create(dto)` only builds an entity, synchronously: an awaited
 * `create` on a repository known by its name alone is the project's insert.
 */
function awaitedCreate(l: Link, r: Extract<Recv, { t: 'repo' }>): Hit | undefined {
  if (!r.named || (l.name !== 'create' && l.name !== 'createMany')) return undefined;
  let p = l.node.parent;
  while (p && ts.isParenthesizedExpression(p)) p = p.parent;
  return p && ts.isAwaitExpression(p) ? { kind: 'create', entity: r.entity, via: r.via, label: calleeText(l) } : undefined;
}

function repoMethodHit(l: Link, env: DbEnv, recv?: Recv): Hit | undefined {
  const kind = REPO_METHOD.find(([re]) => re.test(l.name!))?.[1];
  if (!kind || NOT_REPO_METHOD.test(l.name!) || !REPO_NAME.test(lastName(l.recv!) ?? '')) return undefined;
  const r = recv ?? classifyRecv(l.recv!, env);
  if (r?.t !== 'repo') return undefined;
  return { kind, entity: r.entity, via: r.via, label: calleeText(l) };
}

/** A per-link ORM recogniser: the link is `recv.verb(args)`. */
export function ormHit(env: DbEnv, links: Link[], i: number): Hit | undefined {
  const l = links[i];
  if (!l.name || !l.recv || ts.isTaggedTemplateExpression(l.node)) return undefined;
  if (!ORM_VERBS.has(l.name)) return repoMethodHit(l, env);
  const r = classifyRecv(l.recv, env);
  switch (r?.t) {
    case 'repo':
      // `userRepo.findById(id)`, `configRepo.findMany(…)`: another ORM's verb on a repository of the project's own
      return tableHit(r.via === 'mikro-orm' ? MIKRO : TYPEORM, l, r.via, r.entity, env) ?? repoMethodHit(l, env, r) ?? awaitedCreate(l, r);
    case 'manager': {
      // an entity manager's first argument is an entity target or instance, never a built string
      // (`manager.update(\`${idempotencyKey}-update\`, price)` is a Stripe schedule's, not TypeORM's)
      const a0 = l.args[0] && unwrap(l.args[0]);
      if (a0 && (ts.isTemplateExpression(a0) || ts.isNoSubstitutionTemplateLiteral(a0) || ts.isNumericLiteral(a0) || (ts.isStringLiteral(a0) && !/^[A-Za-z_$][\w$]*$/.test(a0.text))))
        return undefined;
      return tableHit(r.via === 'mikro-orm' ? MIKRO : TYPEORM, l, r.via, undefined, env, true);
    }
    case 'collection':
      return tableHit(MONGODB, l, 'mongodb', r.entity, env);
    case 'model': {
      // Sequelize's `{ where }` option is evidence of its own: Product.update({ price }, { where: { id } })
      const whereOpt = l.args.some((a) => ts.isObjectLiteralExpression(unwrap(a)) && (unwrap(a) as ts.ObjectLiteralExpression).properties.some((p) => p.name?.getText() === 'where'));
      if (r.strongOnly && !STRONG.has(l.name) && !whereOpt) return undefined;
      if (r.via === 'typeorm') return tableHit(ACTIVE_RECORD, l, 'typeorm', r.entity, env);
      const [table, via] = modelTable(r.via, l.name, whereOpt);
      return tableHit(table, l, via, r.entity, env);
    }
    case 'prisma':
      return undefined; // `prisma.$connect()`: delegate calls have the model in between
  }
  return prismaHit(l, env) ?? distinctiveHit(l, env) ?? cursorHit(links, i, env) ?? instanceHit(l, env);
}

/**
 * Pattern: this.mongo.users().find({ tenantID, id: { $in: ids } }).toArray() — a `find` whose result is
 * drained with `toArray()` is a MongoDB cursor, whatever typed the collection (a context's accessor
 * method, another file's getter): a read of the collection it is named for.
 */
function cursorHit(links: readonly Link[], i: number, env: DbEnv): Hit | undefined {
  const l = links[i];
  if (l.name !== 'find' || links[i + 1]?.name !== 'toArray' || l.args.length === 0) return undefined;
  const recv = l.recv && bare(l.recv);
  if (!recv || recv.kind === ts.SyntaxKind.ThisKeyword) return undefined;
  const info = infoOf(recv, env.ctx);
  if (info.type || info.cls) return undefined;
  return { kind: 'read', entity: entityFromName(lastName(recv) ?? accessedCollection(recv)), via: 'mongodb', label: calleeText(l) };
}

// Pattern: this.users.updateOne({ _id }, { $set }) — only MongoDB/Mongoose name methods like this.
// A receiver with a declared type we don't know (`products: ProductsRepository`) is something else.
function distinctiveHit(l: Link, env: DbEnv): Hit | undefined {
  const kind = DISTINCTIVE[l.name!];
  const recv = l.recv && bare(l.recv);
  if (!kind || !recv || recv.kind === ts.SyntaxKind.ThisKeyword) return undefined;
  const info = infoOf(recv, env.ctx);
  if (info.type || info.cls) return undefined;
  const n = lastName(recv);
  return { kind, entity: entityFromName(n), via: /Model$/.test(n ?? '') || isCapitalised(n) ? 'mongoose' : 'mongodb', label: calleeText(l) };
}

/** The collection an accessor call names: `mongo.users()` → `users`, `db.collection('users')` → `users`. */
function accessedCollection(e: ts.Expression): string | undefined {
  if (!ts.isCallExpression(e) || !ts.isPropertyAccessExpression(e.expression)) return undefined;
  if (e.expression.name.text === 'collection') return stringArg(e.arguments[0]);
  return e.arguments.length === 0 ? e.expression.name.text : undefined;
}

// Pattern: const p = await Product.findByPk(id); await p.update(dto) / new Product(data).save()
function instanceHit(l: Link, env: DbEnv): Hit | undefined {
  const verb = INSTANCE[l.name!];
  const recv = l.recv && bare(l.recv);
  // Pattern: class User extends Model { async update(values, o) { …; return super.update(values, o) } } /
  // `await this.save()` in an instance method — the row of this model instance
  if (verb && recv && (recv.kind === ts.SyntaxKind.SuperKeyword || recv.kind === ts.SyntaxKind.ThisKeyword)) {
    const self = ownModel(recv, env);
    if (self && !self.isStatic) return { kind: verb, entity: self.entity, via: self.via, label: calleeText(l) };
    return undefined;
  }
  if (!verb || !recv || !(ts.isIdentifier(recv) || ts.isNewExpression(recv))) return undefined;
  const o = originOf(recv, env);
  if (!o || !o.via || !/^(mongoose|sequelize|typeorm|mikro-orm|lucid|orm)$/.test(o.via)) return undefined;
  const kind = l.name === 'save' ? (o.fresh ? 'create' : 'update') : verb;
  return { kind, entity: o.entity, via: o.via, label: calleeText(l) };
}

/** The ORM of an active-record model class: `class Product extends Model {}` (Sequelize), `extends BaseEntity` (TypeORM). */
function activeRecordOrm(cls: ts.ClassLikeDeclaration, env: DbEnv): string | undefined {
  const ext = extendsClause(cls)?.expression;
  const base = ext && ts.isIdentifier(ext) ? ext.text : undefined;
  if (base === 'BaseEntity') return 'typeorm';
  if (base === 'Model') return orm(importedFrom('Model', env.ctx)) ?? 'sequelize';
  // Pattern: export default class Product extends BaseModel {} (AdonisJS Lucid)
  if (base === 'BaseModel' && orm(importedFrom('BaseModel', env.ctx)) === 'lucid') return 'lucid';
  return undefined;
}

/**
 * The model class `this`/`super` belongs to: a class extending Sequelize's `Model` or TypeORM's
 * `BaseEntity` (active record), and whether the code is in a static member (`this` is the model) or
 * an instance member (`this` is one row).
 */
function ownModel(e: ts.Node, env: DbEnv): { entity: string; via: string; isStatic: boolean } | undefined {
  // the class member the code is in (an arrow inside a method keeps the method's `this`)
  const owner = thisClass(e);
  const name = owner?.cls.name?.text;
  const via = owner && name ? activeRecordOrm(owner.cls, env) : undefined;
  return owner && name && via ? { entity: name, via, isStatic: owner.isStatic } : undefined;
}

// Query builders, recognised on a whole chain (one fact per chain): Knex, Drizzle, Kysely, the
// TypeORM query builder, Supabase, Firestore and DynamoDB. A builder chain names its table in one
// link and its verb in another, so it cannot be recognised one link at a time.
import { ts } from 'ts-morph';
import {
  bare, calleeText, chainLinks, declOf, dict, entityOfExpr, fileImports, infoOf, isCapitalised, lastName, moduleOf, squash, stringArg,
  tableName, type DbEnv, type Hit, type Link,
} from './common';
import { classifyRecv } from './orm';
import { boundFields } from './filter-fields';
import { enclosingClass, memberName, typeRefName, unwrap } from '../../syntax/scope';
import type { DbWriteKind } from '../types';

const KNEX_W = dict<DbWriteKind>({ insert: 'create', upsert: 'create', update: 'update', increment: 'update', decrement: 'update', del: 'delete', delete: 'delete', truncate: 'delete' });
const KNEX_R = new Set('select first where whereIn andWhere whereNot whereNull pluck count orderBy limit offset join leftJoin innerJoin max min sum columns distinct groupBy'.split(' '));
const KNEX_NAMES = /^(knex|db|trx|tx|k|kx|database)$/;

function isKnexBinding(e: ts.Expression, env: DbEnv, strictName: boolean): boolean {
  const b = bare(e);
  // the name first: it needs no declaration lookup (infoOf names a receiver the same way)
  const name = ts.isIdentifier(b) ? b.text : memberName(b);
  if (name !== undefined && (strictName ? /^(knex|trx|db)$/ : KNEX_NAMES).test(name)) return true;
  if (ts.isIdentifier(b) && moduleOf(b, env.ctx) === 'knex') return true;
  const info = infoOf(b, env.ctx);
  const t = typeRefName(info.type)?.name;
  if (t === 'Knex' || t === 'Knex.Transaction' || info.decorators.some((d) => d.name === 'InjectKnex')) return true;
  const init = info.init && unwrap(info.init);
  // Pattern: const db = knex({ client: 'pg' }) / require('knex')(config)
  if (init && ts.isCallExpression(init) && /^(knex|Knex|require\('knex'\))$/.test(squash(init.expression.getText()))) return true;
  return (strictName ? /^(knex|trx|db)$/ : KNEX_NAMES).test(info.name ?? '');
}

/** The link of a knex chain that names its table: `.into('t')`, `.table('t')`, `.from('t')`. */
function tableLink(links: Link[]): Link | undefined {
  return links.find((l) => (l.name === 'into' || l.name === 'table' || l.name === 'from') && stringArg(l.args[0]) !== undefined);
}

function knexHit(env: DbEnv, links: Link[]): Hit | undefined {
  const root = links[0];
  let table: string | undefined;
  let from = 1;
  let rootName: string | undefined;
  const callee = ts.isCallExpression(root.node) ? root.node.expression : undefined;
  if (callee && stringArg(root.args[0]) !== undefined && (!root.recv || bare(root.recv).kind === ts.SyntaxKind.ThisKeyword) && isKnexBinding(callee, env, false)) {
    // Pattern: knex('products').where({ id }).update(data) / this.knex('products').insert(row) / trx('t').del()
    rootName = root.name;
    table = tableName(stringArg(root.args[0])!);
  } else if (root.recv && isKnexBinding(root.recv, env, !tableLink(links))) {
    // Pattern: knex.insert(row).into('products') / knex.table('products').update(v) / knex.from('t').select()
    // (a receiver named `database` too, once the chain names its table: database.update(v).from('settings'))
    const t = tableLink(links);
    if (!t) return undefined;
    table = tableName(stringArg(t.args[0])!);
    rootName = lastName(root.recv);
    from = 0;
  } else return undefined;
  const label = (v: string) => `${rootName ?? 'knex'}('${table ?? '…'}').${v}`;
  for (const l of links.slice(from)) {
    const kind = l.name ? KNEX_W[l.name] : undefined;
    if (kind) return { kind, entity: table, via: 'knex', label: label(l.name!) };
  }
  if (links.length === 1 || links.some((l) => l.name && KNEX_R.has(l.name))) return { kind: 'read', entity: table, via: 'knex', label: label('select') };
  return undefined;
}

const KYSELY = dict<DbWriteKind | 'read'>({ insertInto: 'create', replaceInto: 'create', mergeInto: 'create', updateTable: 'update', deleteFrom: 'delete', selectFrom: 'read' });

// Pattern: await db.updateTable('products').set({ price }).where('id', '=', id).execute()
function kyselyHit(links: Link[]): Hit | undefined {
  const i = links.findIndex((l) => l.name && KYSELY[l.name] && l.recv && stringArg(l.args[0]) !== undefined);
  if (i < 0 || !links.slice(i + 1).some((l) => /^(execute|stream)/.test(l.name ?? ''))) return undefined;
  const l = links[i];
  const table = tableName(stringArg(l.args[0])!);
  return { kind: KYSELY[l.name!], entity: table, via: 'kysely', label: `${calleeText(l)}('${table ?? '…'}')` };
}

/** A Drizzle table object: imported, or declared with `pgTable(…)`/`mysqlTable(…)`/`sqliteTable(…)`. */
function tableRef(e: ts.Expression | undefined, env: DbEnv): 'strong' | 'weak' | undefined {
  if (!e) return undefined;
  let b = bare(e);
  while (ts.isPropertyAccessExpression(b)) b = bare(b.expression);
  if (!ts.isIdentifier(b)) return undefined;
  const d = declOf(b, env.ctx);
  if (d?.t === 'import') return /schema|db|table|drizzle|model/i.test(d.imp.module) ? 'strong' : 'weak';
  if (d?.t === 'var' && d.node.initializer) {
    const init = unwrap(d.node.initializer);
    if (ts.isCallExpression(init) && /Table$/.test(lastName(init.expression) ?? '')) return 'strong';
  }
  return undefined;
}

const DRIZZLE_W = dict<[DbWriteKind, RegExp]>({ insert: ['create', /^(values|select)$/], update: ['update', /^set$/], delete: ['delete', /^(where|returning)$/] });

function drizzleHit(env: DbEnv, links: Link[]): Hit | undefined {
  const evidence = (ref: 'strong' | 'weak', l: Link) => ref === 'strong' || fileImports(env.ctx, /^drizzle-orm/) || /^(db|tx|trx|database)$/.test(lastName(l.recv) ?? '');
  for (let i = 0; i < links.length; i++) {
    const l = links[i];
    const w = l.name ? DRIZZLE_W[l.name] : undefined;
    if (w && l.recv && l.args.length === 1) {
      // Pattern: db.update(products).set({ price }).where(eq(products.id, id)) — a DB write, never a cache write
      const ref = tableRef(l.args[0], env);
      const shaped = links.slice(i + 1).some((x) => w[1].test(x.name ?? '')) || (l.name === 'delete' && fileImports(env.ctx, /^drizzle-orm/));
      if (ref && shaped && evidence(ref, l))
        return { kind: w[0], entity: entityOfExpr(l.args[0]), via: 'drizzle', label: `${calleeText(l)}(${squash(l.args[0].getText(), 40)})` };
    }
    // Pattern: db.select().from(products).where(…)
    const sel = links.slice(0, i).find((x) => /^select/.test(x.name ?? ''));
    if (l.name === 'from' && sel) {
      const ref = tableRef(l.args[0], env);
      if (ref && evidence(ref, sel)) return { kind: 'read', entity: entityOfExpr(l.args[0]), via: 'drizzle', label: `select().from(${squash(l.args[0].getText(), 40)})` };
    }
    // Pattern: db.query.products.findFirst({ where })
    const r = l.recv && bare(l.recv);
    if ((l.name === 'findFirst' || l.name === 'findMany') && r && ts.isPropertyAccessExpression(r) && lastName(r.expression) === 'query')
      return { kind: 'read', entity: r.name.text, via: 'drizzle', label: calleeText(l) };
  }
  return undefined;
}

const QB_READ = /^(getOne|getOneOrFail|getMany|getRawOne|getRawMany|getManyAndCount|getCount|getExists|getRawAndEntities|stream)$/;

// Pattern: await this.dataSource.createQueryBuilder().update(Product).set({ price }).where('id = :id', { id }).execute()
function typeormQbHit(env: DbEnv, links: Link[]): Hit | undefined {
  const q = links.findIndex((l) => l.name === 'createQueryBuilder');
  if (q < 0) return undefined;
  const qb = links[q];
  const a0 = qb.args[0] && bare(qb.args[0]);
  const owner = qb.recv ? classifyRecv(qb.recv, env) : undefined;
  const base = a0 && ts.isIdentifier(a0) && isCapitalised(a0.text) ? a0.text : owner?.t === 'repo' ? owner.entity : undefined;
  const after = links.slice(q + 1);
  const named = (n: string) => after.find((l) => l.name === n);
  const ent = (l: Link | undefined) => entityOfExpr(l?.args[0]) ?? base;
  const label = (v: string, l: Link | undefined) => `createQueryBuilder().${v}(${l?.args[0] ? squash(l.args[0].getText(), 40) : ''})`;
  if (after.some((l) => l.name === 'execute')) {
    const v = after.find((l) => /^(update|insert|delete|softDelete|restore)$/.test(l.name ?? ''));
    if (v?.name === 'update' || v?.name === 'restore') return { kind: 'update', entity: ent(v), via: 'typeorm-qb', label: label(v.name, v) };
    if (v?.name === 'insert') return { kind: 'create', entity: ent(named('into')), via: 'typeorm-qb', label: label('insert().into', named('into')) };
    if (v) return { kind: 'delete', entity: ent(named('from')) ?? ent(v), via: 'typeorm-qb', label: label(`${v.name}().from`, named('from')) };
  }
  if (after.some((l) => QB_READ.test(l.name ?? ''))) {
    // Pattern: .innerJoin('d.dictType', 't', 't.dictType = :dictType', { dictType }).getMany() — the rows of one dict type
    const by = [...new Set(after.filter((l) => QB_PARAMETERISED.test(l.name ?? '')).flatMap((l) => boundFields(l.args[l.args.length - 1], env.ctx) ?? []))];
    return { kind: 'read', entity: ent(named('from')), via: 'typeorm-qb', label: label('select', named('from')), ...(by.length > 0 ? { by } : {}) };
  }
  return undefined;
}

/** Query-builder steps whose last argument holds the values of their `:name` parameters. */
const QB_PARAMETERISED = /^(where|andWhere|orWhere|having|andHaving|innerJoin|leftJoin|innerJoinAndSelect|leftJoinAndSelect|setParameters)$/;

const SUPA = dict<DbWriteKind | 'read'>({ insert: 'create', upsert: 'create', update: 'update', delete: 'delete', select: 'read' });

// Pattern: await supabase.from('products').update({ price }).eq('id', id)
function supabaseHit(env: DbEnv, links: Link[]): Hit | undefined {
  const i = links.findIndex((l) => l.name === 'from' && l.recv && stringArg(l.args[0]) !== undefined);
  if (i < 0) return undefined;
  const recv = links[i].recv!;
  const info = infoOf(recv, env.ctx);
  const init = info.init && unwrap(info.init);
  const ok =
    /supabase/i.test(lastName(recv) ?? '') ||
    /^SupabaseClient$/.test(typeRefName(info.type)?.name ?? '') ||
    (!!init && ts.isCallExpression(init) && /^@supabase\//.test(moduleOf(init.expression, env.ctx) ?? ''));
  if (!ok) return undefined;
  const table = tableName(stringArg(links[i].args[0])!);
  const v = links.slice(i + 1).find((l) => l.name && SUPA[l.name] && l.name !== 'select') ?? links.slice(i + 1).find((l) => l.name === 'select');
  return v ? { kind: SUPA[v.name!], entity: table, via: 'supabase', label: `from('${table ?? '…'}').${v.name}` } : undefined;
}

const FIRE_DOC = dict<DbWriteKind | 'read'>({ set: 'create', create: 'create', update: 'update', delete: 'delete', get: 'read' });
const FIRE_FN = dict<DbWriteKind | 'read'>({ setDoc: 'create', addDoc: 'create', updateDoc: 'update', deleteDoc: 'delete', getDoc: 'read', getDocs: 'read' });

function firestoreHit(env: DbEnv, links: Link[]): Hit | undefined {
  let c = -1;
  links.forEach((l, i) => {
    if (l.name === 'collection' && l.recv && stringArg(l.args[0]) !== undefined) c = i;
  });
  if (c >= 0) {
    const entity = stringArg(links[c].args[0]);
    const next = links[c + 1];
    // Pattern: db.collection('products').add(data)
    if (next?.name === 'add') return { kind: 'create', entity, via: 'firestore', label: `collection('${entity}').add` };
    // Pattern: db.collection('products').doc(id).set(data) / .update(patch) / .delete()
    const verb = next?.name === 'doc' ? links[c + 2] : undefined;
    const kind = verb?.name ? FIRE_DOC[verb.name] : undefined;
    if (kind) return { kind, entity, via: 'firestore', label: `collection('${entity}').doc().${verb!.name}` };
    if (next?.name === 'get' || next?.name === 'where') return { kind: 'read', entity, via: 'firestore', label: `collection('${entity}').get` };
    return undefined;
  }
  // Pattern: await setDoc(doc(db, 'products', id), data) (firebase/firestore modular API)
  const root = links[0];
  const kind = !root.recv && root.name ? FIRE_FN[root.name] : undefined;
  if (!kind || !/firestore/.test(moduleOf((root.node as ts.CallExpression).expression, env.ctx) ?? '')) return undefined;
  const ref = root.args[0] && unwrap(root.args[0]);
  const entity = ref && ts.isCallExpression(ref) ? stringArg(ref.arguments[1]) : undefined;
  return { kind, entity, via: 'firestore', label: root.name! };
}

const DYNAMO = dict<DbWriteKind | 'read'>({
  put: 'create', putItem: 'create', update: 'update', updateItem: 'update', delete: 'delete', deleteItem: 'delete', batchWrite: 'update', batchWriteItem: 'update',
  transactWrite: 'update', transactWriteItems: 'update', get: 'read', getItem: 'read', query: 'read', scan: 'read',
});

const OBJECTION = dict<DbWriteKind | 'read'>({
  insert: 'create', insertAndFetch: 'create', insertGraph: 'create', insertGraphAndFetch: 'create',
  patch: 'update', patchAndFetch: 'update', patchAndFetchById: 'update', update: 'update', updateAndFetch: 'update', updateAndFetchById: 'update',
  upsertGraph: 'update', upsertGraphAndFetch: 'update', increment: 'update', decrement: 'update', relate: 'update', unrelate: 'update',
  delete: 'delete', deleteById: 'delete',
  findById: 'read', findByIds: 'read', findOne: 'read', first: 'read', select: 'read', where: 'read', withGraphFetched: 'read', withGraphJoined: 'read',
});

/**
 * Objection.js: `User.query().patch(v).where('id', id)`, `WIKI.models.pages.query().findById(id)`,
 * `this.query()` in a model's static method, `user.$query().patch(v)`, `user.$relatedQuery('pets')`.
 * The model names the entity; the chain's first Objection verb after `query()` says what it does.
 */
function objectionHit(links: Link[]): Hit | undefined {
  const i = links.findIndex((l) => (l.name === 'query' || l.name === '$query' || l.name === '$relatedQuery') && !!l.recv);
  if (i < 0) return undefined;
  const q = links[i];
  // `pool.query(sql)`, `api.users.list.query(input)`: only `query()` or `query(trx)` opens a model's query
  if (q.name === 'query' && (q.args.length > 1 || (q.args.length === 1 && !ts.isIdentifier(bare(q.args[0]))))) return undefined;
  const after = links.slice(i + 1);
  const verb = after.find((l) => l.name && OBJECTION[l.name] && OBJECTION[l.name] !== 'read') ?? after.find((l) => l.name && OBJECTION[l.name]);
  if (!verb) return undefined;
  const recv = bare(q.recv!);
  const model =
    q.name === '$relatedQuery'
      ? stringArg(q.args[0])
      : recv.kind === ts.SyntaxKind.ThisKeyword
        ? enclosingClass(q.node)?.name?.text
        : lastName(recv);
  // a model is a class (`User`) or a member of a models registry (`WIKI.models.pages`)
  if (!model || (q.name === 'query' && !isCapitalised(model) && !(ts.isPropertyAccessExpression(recv) && /models?$/i.test(lastName(recv.expression) ?? '')))) return undefined;
  return { kind: OBJECTION[verb.name!], entity: model, via: 'objection', label: `${model}.${q.name}().${verb.name}` };
}

function tableNameProp(e: ts.Expression | undefined): { table?: string } | undefined {
  const o = e && unwrap(e);
  if (!o || !ts.isObjectLiteralExpression(o)) return undefined;
  const p = o.properties.find((x) => x.name?.getText() === 'TableName');
  return p ? { table: p && ts.isPropertyAssignment(p) ? stringArg(p.initializer) : undefined } : undefined;
}

function dynamoHit(links: Link[]): Hit | undefined {
  for (const l of links) {
    // Pattern: await docClient.update({ TableName: 'products', Key, UpdateExpression }).promise()
    const direct = l.name && l.recv && DYNAMO[l.name] ? tableNameProp(l.args[0]) : undefined;
    if (direct) return { kind: DYNAMO[l.name!], entity: direct.table, via: 'dynamodb', label: `${l.name}(${direct.table ?? '…'})` };
    // Pattern: await client.send(new UpdateCommand({ TableName: 'products', … }))
    const cmd = l.name === 'send' && l.args[0] && unwrap(l.args[0]);
    if (cmd && ts.isNewExpression(cmd)) {
      const m = /^(Put|Update|Delete|Get|Query|Scan|BatchWrite|TransactWrite)(Item|Items)?Command$/.exec(lastName(cmd.expression) ?? '');
      const t = m ? tableNameProp(cmd.arguments?.[0]) : undefined;
      if (m && t) {
        const v = m[1].charAt(0).toLowerCase() + m[1].slice(1);
        return { kind: DYNAMO[v], entity: t.table, via: 'dynamodb', label: `${m[0]}(${t.table ?? '…'})` };
      }
    }
  }
  return undefined;
}

const GATE = /^(knex|db|trx|tx|k|kx|database|insert|update|delete|del|table|from|into|insertInto|replaceInto|mergeInto|updateTable|deleteFrom|selectFrom|createQueryBuilder|collection|send|put|putItem|updateItem|deleteItem|batchWrite|batchWriteItem|transactWrite|transactWriteItems|get|getItem|query|scan|findFirst|findMany|setDoc|addDoc|updateDoc|deleteDoc|getDoc|getDocs|execute|getOne|getMany|getRawOne|getRawMany|getManyAndCount|getCount|\$query|\$relatedQuery|patch|patchAndFetch|patchAndFetchById|updateAndFetchById|deleteById|findById|insertGraph|upsertGraph)$/;

/**
 * A chain continued from a builder held in a variable: `const q = knex('t').where(w); await q.del()`
 * or `const qb = repo.createQueryBuilder('p'); await qb.delete().execute()`. Not through `await`:
 * an awaited builder is its rows.
 */
function expand(env: DbEnv, links: Link[]): Link[] {
  const r = links[0].recv && bare(links[0].recv);
  if (!r || !ts.isIdentifier(r)) return links;
  const d = declOf(r, env.ctx);
  const init = d?.t === 'var' && d.node.initializer ? bare(d.node.initializer) : undefined;
  if (!init || !ts.isCallExpression(init)) return links;
  const pre = chainLinks(init);
  // a builder names its table (`knex('t')`, `selectFrom('t')`) or is a query builder; a client
  // factory (`drizzle(pool)`, `knex({ client })`) is not a chain to continue
  const builder = pre.some((l) => l.name === 'createQueryBuilder' || stringArg(l.args[0]) !== undefined);
  return builder ? [...pre, ...links] : links;
}

/** A builder chain's write or read, recorded once for the chain. */
export function builderHit(env: DbEnv, links0: Link[]): Hit | undefined {
  if (links0.length === 0 || !links0.some((l) => l.name && (GATE.test(l.name) || KNEX_R.has(l.name)))) return undefined;
  const links = expand(env, links0);
  // the TypeORM builder before Drizzle: `qb.update(Product).set(v)` has Drizzle's shape too
  return supabaseHit(env, links) ?? knexHit(env, links) ?? kyselyHit(links) ?? typeormQbHit(env, links) ?? drizzleHit(env, links) ?? firestoreHit(env, links) ?? objectionHit(links) ?? dynamoHit(links);
}

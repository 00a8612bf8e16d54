// ORM hooks: functions an ORM runs around a write of an entity. A cache set in an after-update hook
// is a set after a commit of that entity (set-after-commit); a delete there is an invalidation
// (roles, missing-invalidation). A hook is recognised by its decorator or interface imported from
// the ORM's module, or by the registering call on a model, schema or client the file shows to be
// one, never by a method name alone: `app.addHook('onRequest', …)` (Fastify) and a handler named
// `afterUpdate` are no hooks. The hooks found here are marked on their functions and on the calls
// they make in the post-walk pass (hook-calls.ts).
import { ts } from 'ts-morph';
import type { VisitorMap } from '../../syntax/walk';
import type { FileCtx } from '../context';
import { declarationOf, decoratorsOf, enclosingClass, extendsClause, isFunctionLike, memberName, propertyNameText, typeRefName, unwrap, type FunctionLike } from '../../syntax/scope';
import { normaliseEntity } from '../keys/entities';
import { comparedLiterals } from '../../syntax/compared-literals';
import { classifyRecv } from './orm';
import { entityOfExpr, fileImports, importedFrom, stringArg, type DbEnv } from './common';
import type { DbWriteKind, HookFact, HookTiming } from '../types';

type Orm = HookFact['orm'];
type Ev = [DbWriteKind[], HookTiming];

const C: DbWriteKind[] = ['create'];
const U: DbWriteKind[] = ['update'];
const D: DbWriteKind[] = ['delete'];
const CU: DbWriteKind[] = ['create', 'update'];
const ALL: DbWriteKind[] = ['create', 'update', 'delete'];

/** `After*` hooks run after the write, `Before*` before it. */
function both(table: Record<string, DbWriteKind[]>, prefix: [string, string]): Record<string, Ev> {
  const out: Record<string, Ev> = Object.create(null);
  for (const [k, v] of Object.entries(table)) {
    out[prefix[0] + k] = [v, 'after'];
    out[prefix[1] + k] = [v, 'before'];
  }
  return out;
}

// Pattern: @AfterUpdate() onUpdate() {…}  (decorators on entity methods, by module)
const DECORATORS: Record<Orm, Record<string, Ev>> = {
  typeorm: both({ Insert: C, Update: U, Remove: D, SoftRemove: D, Recover: U }, ['After', 'Before']),
  sequelize: both(
    { Create: C, Save: CU, Update: U, Destroy: D, Upsert: CU, Restore: U, BulkCreate: C, BulkUpdate: U, BulkDestroy: D, BulkRestore: U },
    ['After', 'Before'],
  ),
  'mikro-orm': both({ Create: C, Update: U, Delete: D, Upsert: CU }, ['After', 'Before']),
  mongoose: {},
  prisma: {},
  'cool-admin': {},
};

// Pattern: class UserSubscriber implements EntitySubscriberInterface<User> { afterUpdate(event) {…} }
const SUBSCRIBER_METHODS: Partial<Record<Orm, Record<string, Ev>>> = {
  typeorm: { ...both({ Insert: C, Update: U, Remove: D, SoftRemove: D, Recover: U }, ['after', 'before']), afterTransactionCommit: [ALL, 'afterCommit'] },
  'mikro-orm': {
    ...both({ Create: C, Update: U, Delete: D, Upsert: CU }, ['after', 'before']),
    afterFlush: [ALL, 'after'],
    onFlush: [ALL, 'before'],
    beforeFlush: [ALL, 'before'],
    afterTransactionCommit: [ALL, 'afterCommit'],
  },
  // Pattern: class ParamService extends BaseService { async modifyAfter() {…} }  (@cool-midway/core runs it after add/update/delete)
  'cool-admin': { modifyAfter: [ALL, 'after'], modifyBefore: [ALL, 'before'] },
};
/** Hooks that fire for every entity, whatever the subscriber listens to. */
const ANY_ENTITY = new Set(['afterTransactionCommit', 'afterFlush', 'onFlush', 'beforeFlush']);

// Pattern: User.addHook('afterSave', fn) / User.afterSave(fn) / define('user', attrs, { hooks: { afterUpdate } })
const SEQUELIZE_HOOKS: Record<string, Ev> = both(
  { Create: C, Save: CU, Update: U, Destroy: D, Upsert: CU, Restore: U, BulkCreate: C, BulkUpdate: U, BulkDestroy: D, BulkRestore: U },
  ['after', 'before'],
);

// Pattern: UserSchema.post('save', fn) / .pre(['updateOne', 'deleteOne'], fn)
const MONGOOSE_EVENTS: Record<string, DbWriteKind[]> = Object.assign(Object.create(null) as Record<string, DbWriteKind[]>, {
  save: CU, insertMany: C, updateOne: U, updateMany: U, findOneAndUpdate: U, findByIdAndUpdate: U, findOneAndReplace: U, replaceOne: U,
  deleteOne: D, deleteMany: D, findOneAndDelete: D, findOneAndRemove: D, findByIdAndDelete: D, remove: D,
});

// Pattern: prisma.$extends({ query: { user: { async update({ args, query }) {…} } } })
const PRISMA_OPERATIONS: Record<string, DbWriteKind[]> = Object.assign(Object.create(null) as Record<string, DbWriteKind[]>, {
  create: C, createMany: C, createManyAndReturn: C, update: U, updateMany: U, updateManyAndReturn: U, upsert: CU, delete: D, deleteMany: D, $allOperations: ALL,
});

function ormOfModule(m: string | undefined): Orm | undefined {
  if (!m) return undefined;
  if (m === 'typeorm') return 'typeorm';
  if (m === 'sequelize-typescript') return 'sequelize';
  if (/^@mikro-orm\//.test(m)) return 'mikro-orm';
  return undefined;
}

const SEQUELIZE_MODULE = /^(sequelize|sequelize-typescript|@nestjs\/sequelize)$/;

/** What the walk collected; hook-calls.ts relates it to the calls after the walk. */
export interface HookState {
  /** hook functions and their hooks */
  fns: Map<FunctionLike, HookFact>;
  /** `transaction.afterCommit(cb)`: the call and the callback (inline, or a local function it names) */
  afterCommits: { call: ts.CallExpression; arg: ts.Expression }[];
  /** middleware parameters that run the write (`query` of a Prisma query extension, `next` of `$use`) */
  runners: Map<ts.Node, FunctionLike>;
}

function span(n: ts.Node) {
  return { start: n.getStart(), end: n.end };
}

/** The function a hook registration passes: inline, or a function/const arrow of this file it names. */
function fnOf(e: ts.Expression | undefined, ctx: FileCtx): FunctionLike | undefined {
  if (!e) return undefined;
  const u = unwrap(e);
  if (ts.isArrowFunction(u) || ts.isFunctionExpression(u)) return u;
  if (!ts.isIdentifier(u)) return undefined;
  const d = declarationOf(u, ctx.facts.imports);
  if (d?.t === 'function' && d.node.body) return d.node;
  const init = d?.t === 'var' && d.node.initializer ? unwrap(d.node.initializer) : undefined;
  return init && (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) ? init : undefined;
}

function add(st: HookState, fn: FunctionLike | undefined, h: HookFact): void {
  if (!fn?.body) return;
  const prev = st.fns.get(fn);
  // two hook decorators on one method (`@AfterInsert() @AfterUpdate()`): one hook of both events
  if (prev && prev.timing === h.timing) prev.events = [...new Set([...prev.events, ...h.events])];
  else if (!prev || prev.timing === 'before') st.fns.set(fn, h);
}

function hook(orm: Orm, name: string, ev: Ev, entityName: string | undefined, at: ts.Node, subject?: string): HookFact {
  const h: HookFact = { orm, name, events: [...ev[0]], timing: ev[1], span: span(at) };
  const entity = normaliseEntity(entityName);
  if (entity) {
    h.entity = entity;
    h.entityName = entityName;
  }
  if (subject) h.subject = subject;
  return h;
}

function firstParamName(fn: ts.SignatureDeclaration): string | undefined {
  const p = fn.parameters[0];
  return p && ts.isIdentifier(p.name) ? p.name.text : undefined;
}

/** Pattern: @AfterUpdate() / @AfterSave static cache(model) — a hook decorator imported from the ORM. */
function onMethod(m: ts.MethodDeclaration, ctx: FileCtx, st: HookState): void {
  if (!ts.canHaveDecorators(m) || !ts.getDecorators(m)?.length) return;
  const cls = enclosingClass(m);
  const entityName = cls?.name?.text;
  for (const [i, d] of decoratorsOf(m).entries()) {
    const orm = ormOfModule(importedFrom(d.name, ctx));
    const ev = orm && DECORATORS[orm][d.name];
    if (!orm || !ev) continue;
    const isStatic = (ts.getModifiers(m) ?? []).some((k) => k.kind === ts.SyntaxKind.StaticKeyword);
    const subject = orm === 'sequelize' && isStatic ? firstParamName(m) : 'this';
    add(st, m, hook(orm, `@${d.name}`, ev, entityName, ts.getDecorators(m)![i], subject));
  }
}

/** The ORM a subscriber class belongs to and the entity it listens to, from its heritage and decorators. */
function subscriberOf(cls: ts.ClassDeclaration, ctx: FileCtx): { orm: Orm; entity?: string } | undefined {
  for (const h of cls.heritageClauses ?? []) {
    for (const t of h.types) {
      const base = ts.isIdentifier(t.expression) ? t.expression.text : undefined;
      if (!base) continue;
      const module = importedFrom(base, ctx);
      const arg = typeRefName(t.typeArguments?.[0])?.name;
      if (h.token === ts.SyntaxKind.ImplementsKeyword && base === 'EntitySubscriberInterface' && module === 'typeorm') return { orm: 'typeorm', entity: arg };
      if (h.token === ts.SyntaxKind.ImplementsKeyword && base === 'EventSubscriber' && module && /^@mikro-orm\//.test(module)) return { orm: 'mikro-orm', entity: arg };
      if (h.token === ts.SyntaxKind.ExtendsKeyword && base === 'BaseService' && module === '@cool-midway/core') return { orm: 'cool-admin' };
    }
  }
  // Pattern: @EventSubscriber() export class AuditSubscriber { … }  (TypeORM)
  if (decoratorsOf(cls).some((d) => d.name === 'EventSubscriber' && importedFrom(d.name, ctx) === 'typeorm')) return { orm: 'typeorm' };
  return undefined;
}

/** `listenTo() { return User }` (TypeORM), `getSubscribedEntities() { return [User] }` (MikroORM), `@InjectEntityModel(Param)` (cool-admin). */
function listenedEntity(cls: ts.ClassDeclaration, orm: Orm): string | undefined {
  for (const m of cls.members) {
    if (orm === 'cool-admin' && ts.isPropertyDeclaration(m)) {
      const inj = decoratorsOf(m).find((d) => d.name === 'InjectEntityModel');
      if (inj) return entityOfExpr(inj.args[0]);
    }
    if (!ts.isMethodDeclaration(m) || !m.body) continue;
    const name = propertyNameText(m.name);
    if (name !== 'listenTo' && name !== 'getSubscribedEntities') continue;
    const ret = m.body.statements.find(ts.isReturnStatement)?.expression;
    const e = ret && unwrap(ret);
    if (!e) return undefined;
    if (ts.isArrayLiteralExpression(e)) return e.elements.length === 1 ? entityOfExpr(e.elements[0]) : undefined;
    return entityOfExpr(e);
  }
  return undefined;
}

function onClass(cls: ts.ClassDeclaration, ctx: FileCtx, st: HookState): void {
  if (!cls.heritageClauses && !ts.getDecorators(cls)?.length) return;
  const sub = subscriberOf(cls, ctx);
  const table = sub && SUBSCRIBER_METHODS[sub.orm];
  if (!sub || !table) return;
  const entity = sub.entity ?? listenedEntity(cls, sub.orm);
  for (const m of cls.members) {
    if (!ts.isMethodDeclaration(m)) continue;
    const name = propertyNameText(m.name);
    const ev = name !== undefined ? table[name] : undefined;
    if (!name || !ev) continue;
    add(st, m, hook(sub.orm, name, ev, ANY_ENTITY.has(name) ? undefined : entity, m.name, firstParamName(m)));
  }
}

/** The hook functions of `{ hooks: { afterUpdate(u) {…}, afterDestroy: fn } }` (Sequelize define/init options). */
function optionHooks(opts: ts.Expression | undefined, entityName: string | undefined, ctx: FileCtx, st: HookState): void {
  const o = opts && unwrap(opts);
  if (!o || !ts.isObjectLiteralExpression(o)) return;
  const hooksProp = o.properties.find((p) => propertyNameText(p.name) === 'hooks');
  const hooks = hooksProp && ts.isPropertyAssignment(hooksProp) ? unwrap(hooksProp.initializer) : undefined;
  if (!hooks || !ts.isObjectLiteralExpression(hooks)) return;
  for (const p of hooks.properties) {
    const name = propertyNameText(p.name);
    const ev = name !== undefined ? SEQUELIZE_HOOKS[name] : undefined;
    if (!name || !ev) continue;
    const fn = ts.isMethodDeclaration(p) ? p : ts.isPropertyAssignment(p) ? fnOf(p.initializer, ctx) : undefined;
    if (fn) add(st, fn, hook('sequelize', name, ev, entityName, p.name ?? p, firstParamName(fn)));
  }
}

/** Is `recv` a Mongoose schema? `new Schema(…)`, `new mongoose.Schema(…)`, `SchemaFactory.createForClass(X)`, `: Schema`. */
function schemaEntity(recv: ts.Expression, ctx: FileCtx): { entity?: string } | undefined {
  const e = unwrap(recv);
  if (!ts.isIdentifier(e)) return undefined;
  const d = declarationOf(e, ctx.facts.imports);
  if (d?.t !== 'var') return undefined;
  const byName = e.text.replace(/Schema$/i, '') || undefined;
  const tn = typeRefName(d.node.type)?.name;
  if (tn && /(^|\.)Schema$/.test(tn) && importedFrom(tn.split('.')[0], ctx) === 'mongoose') return { entity: byName };
  const init = d.node.initializer && unwrap(d.node.initializer);
  if (!init) return undefined;
  if (ts.isNewExpression(init)) {
    const c = unwrap(init.expression);
    const root = ts.isPropertyAccessExpression(c) ? c.expression : c;
    const named = ts.isPropertyAccessExpression(c) ? c.name.text : ts.isIdentifier(c) ? c.text : '';
    if (named === 'Schema' && ts.isIdentifier(root) && importedFrom(root.text, ctx) === 'mongoose') return { entity: byName };
  }
  if (ts.isCallExpression(init) && memberName(unwrap(init.expression)) === 'createForClass') {
    const owner = unwrap((unwrap(init.expression) as ts.PropertyAccessExpression).expression);
    if (ts.isIdentifier(owner) && importedFrom(owner.text, ctx) === '@nestjs/mongoose') return { entity: entityOfExpr(init.arguments[0]) ?? byName };
  }
  return undefined;
}

/**
 * Pattern: $use(async (params, next) => { if (['create', 'update', 'delete'].includes(params.action)) … })
 * — the Prisma actions a middleware tests (`includes(action)`, `action === 'update'`), or undefined
 * when it tests none: its cache calls run for those actions only (`deleteMany` is none of them).
 */
function testedActions(fn: ts.FunctionLikeDeclaration): string[] | undefined {
  // Pattern: ['create', 'update'].includes(action) / action === 'update' / params.action == 'delete'
  const isAction = (e: ts.Expression) => {
    const u = unwrap(e);
    return (ts.isIdentifier(u) && u.text === 'action') || (ts.isPropertyAccessExpression(u) && u.name.text === 'action');
  };
  const found = fn.body ? comparedLiterals(fn.body, isAction) : [];
  return found.length > 0 ? found : undefined;
}

function onCall(call: ts.CallExpression, ctx: FileCtx, st: HookState): void {
  const callee = unwrap(call.expression);
  // Pattern: await query(args) / await next(params) inside a Prisma middleware: the write itself
  if (ts.isIdentifier(callee)) {
    if (st.runners.size === 0) return;
    const d = declarationOf(callee, ctx.facts.imports);
    const decl = d?.t === 'param' ? d.node : d?.t === 'binding' ? d.node : undefined;
    // a destructured `{ args, query }` parameter binds `query` in a binding element
    const owner = decl ? st.runners.get(decl) : runnerElement(callee, st);
    const h = owner && st.fns.get(owner);
    if (h && h.after === undefined) h.after = call.end;
    return;
  }
  const name = memberName(callee);
  if (!name || !ts.isPropertyAccessExpression(callee)) return;
  const recv = callee.expression;
  const env = ctx.db as DbEnv | undefined;
  switch (name) {
    case 'afterCommit': {
      // Pattern: transaction.afterCommit(() => redis.del(k))  (Sequelize)
      const typed = typeRefName(typeOfName(recv, ctx))?.name === 'Transaction';
      if (call.arguments[0] && (typed || fileImports(ctx, SEQUELIZE_MODULE))) st.afterCommits.push({ call, arg: call.arguments[0] });
      return;
    }
    case 'post':
    case 'pre': {
      const schema = schemaEntity(recv, ctx);
      if (!schema) return;
      const first = call.arguments[0] && unwrap(call.arguments[0]);
      const names = first && ts.isArrayLiteralExpression(first) ? first.elements.map((x) => stringArg(x)) : [stringArg(first)];
      const events = [...new Set(names.flatMap((n) => (n ? MONGOOSE_EVENTS[n] ?? [] : [])))];
      const fn = fnOf(call.arguments[call.arguments.length - 1], ctx);
      if (events.length === 0 || !fn) return;
      const label = `${name}(${names.map((n) => `'${n ?? '…'}'`).join(', ')})`;
      add(st, fn, hook('mongoose', label, [events, name === 'post' ? 'after' : 'before'], schema.entity, callee.name, firstParamName(fn) ?? 'this'));
      return;
    }
    case '$extends':
    case 'defineExtension':
      if (env && (name === 'defineExtension' ? isPrismaNamespace(recv, ctx) : isPrismaClient(recv, env))) prismaExtension(call, callee.name, st);
      return;
    case '$use': {
      const fn = fnOf(call.arguments[0], ctx);
      if (!env || !fn || !isPrismaClient(recv, env)) return;
      const h = hook('prisma', '$use middleware', [ALL, 'after'], undefined, callee.name);
      const actions = testedActions(fn);
      if (actions) h.actions = actions;
      add(st, fn, h);
      const next = fn.parameters[1];
      if (next) st.runners.set(next, fn);
      return;
    }
    case 'define':
    case 'init': {
      // Pattern: sequelize.define('user', attrs, { hooks }) / User.init(attrs, { sequelize, hooks })
      if (!fileImports(ctx, SEQUELIZE_MODULE)) return;
      const entityName = name === 'define' ? stringArg(call.arguments[0]) : env && modelOf(recv, env);
      if (entityName) optionHooks(call.arguments[name === 'define' ? 2 : 1], entityName, ctx, st);
      return;
    }
  }
  const ev = SEQUELIZE_HOOKS[name === 'addHook' || name === 'hook' ? stringArg(call.arguments[0]) ?? '' : name];
  if (!ev || !env) return;
  // Pattern: User.addHook('afterUpdate', 'name', fn) / User.afterDestroy(fn) — on a Sequelize model or instance
  const entityName = modelOf(recv, env);
  if (entityName === undefined && !isSequelizeInstance(recv, ctx)) return;
  const fn = fnOf(call.arguments[call.arguments.length - 1], ctx);
  const hookName = name === 'addHook' || name === 'hook' ? stringArg(call.arguments[0])! : name;
  if (fn) add(st, fn, hook('sequelize', hookName, ev, entityName || undefined, callee.name, firstParamName(fn)));
}

/** A Sequelize model's entity name ('' when the model is one but its name is unknown); undefined: no model. */
function modelOf(recv: ts.Expression, env: DbEnv): string | undefined {
  const r = classifyRecv(recv, env);
  if (r?.t !== 'model' || (r.via !== 'sequelize' && !fileImports(env.ctx, SEQUELIZE_MODULE))) return undefined;
  return r.entity ?? '';
}

/** `sequelize.addHook(…)` on `new Sequelize(…)`: a hook of every model. */
function isSequelizeInstance(recv: ts.Expression, ctx: FileCtx): boolean {
  const e = unwrap(recv);
  const d = ts.isIdentifier(e) ? declarationOf(e, ctx.facts.imports) : undefined;
  const init = d?.t === 'var' && d.node.initializer ? unwrap(d.node.initializer) : undefined;
  return !!init && ts.isNewExpression(init) && ts.isIdentifier(init.expression) && init.expression.text === 'Sequelize' && SEQUELIZE_MODULE.test(importedFrom('Sequelize', ctx) ?? '');
}

/** A Prisma client: as the database recogniser classifies receivers, or `new PrismaClient()` itself. */
function isPrismaClient(recv: ts.Expression, env: DbEnv): boolean {
  const e = unwrap(recv);
  if (ts.isNewExpression(e)) return ts.isIdentifier(e.expression) && e.expression.text === 'PrismaClient' && /^@prisma\/client/.test(importedFrom('PrismaClient', env.ctx) ?? '');
  // Pattern: class PrismaService extends PrismaClient { useMiddleware() { this.$use(…) } } (Nest)
  if (e.kind === ts.SyntaxKind.ThisKeyword) {
    const cls = enclosingClass(e);
    const base = extendsClause(cls)?.expression;
    return !!base && ts.isIdentifier(base) && base.text === 'PrismaClient' && /^@prisma\/client/.test(importedFrom('PrismaClient', env.ctx) ?? '');
  }
  return classifyRecv(recv, env)?.t === 'prisma';
}

function isPrismaNamespace(recv: ts.Expression, ctx: FileCtx): boolean {
  const e = unwrap(recv);
  return ts.isIdentifier(e) && e.text === 'Prisma' && /^@prisma\/client/.test(importedFrom('Prisma', ctx) ?? '');
}

function typeOfName(e: ts.Expression, ctx: FileCtx): ts.TypeNode | undefined {
  const u = unwrap(e);
  if (!ts.isIdentifier(u)) return undefined;
  const d = declarationOf(u, ctx.facts.imports);
  return d?.t === 'param' || d?.t === 'var' ? d.node.type : undefined;
}

/** The function whose destructured `{ query }` parameter binds `id`, if it is a Prisma operation hook. */
function runnerElement(id: ts.Identifier, st: HookState): FunctionLike | undefined {
  for (const [node, fn] of st.runners) if (ts.isBindingElement(node) && node.name.kind === ts.SyntaxKind.Identifier && (node.name as ts.Identifier).text === id.text && contains(fn, id)) return fn;
  return undefined;
}

function contains(outer: ts.Node, inner: ts.Node): boolean {
  return inner.pos >= outer.pos && inner.end <= outer.end;
}

/** Pattern: $extends({ query: { user: { async update({ args, query }) { const r = await query(args); … } } } }) */
function prismaExtension(call: ts.CallExpression, at: ts.Node, st: HookState): void {
  const arg = call.arguments[0] && unwrap(call.arguments[0]);
  if (!arg || !ts.isObjectLiteralExpression(arg)) return;
  const query = objectProp(arg, 'query');
  if (!query) return;
  for (const model of query.properties) {
    const modelName = propertyNameText(model.name);
    const ops = ts.isPropertyAssignment(model) ? unwrap(model.initializer) : undefined;
    if (!modelName || !ops || !ts.isObjectLiteralExpression(ops)) continue;
    for (const op of ops.properties) {
      const opName = propertyNameText(op.name);
      const events = opName !== undefined ? PRISMA_OPERATIONS[opName] : undefined;
      const fn = ts.isMethodDeclaration(op) ? op : ts.isPropertyAssignment(op) && isFunctionLike(unwrap(op.initializer)) ? (unwrap(op.initializer) as FunctionLike) : undefined;
      if (!events || !fn) continue;
      const entity = modelName.startsWith('$') ? undefined : modelName;
      add(st, fn, hook('prisma', `query.${modelName}.${opName}`, [events, 'after'], entity, op.name ?? at));
      const p = fn.parameters[0];
      if (p && ts.isObjectBindingPattern(p.name))
        for (const el of p.name.elements) if ((propertyNameText(el.propertyName) ?? propertyNameText(el.name)) === 'query') st.runners.set(el, fn);
    }
  }
}

function objectProp(o: ts.ObjectLiteralExpression, name: string): ts.ObjectLiteralExpression | undefined {
  const p = o.properties.find((x) => propertyNameText(x.name) === name);
  const v = p && ts.isPropertyAssignment(p) ? unwrap(p.initializer) : undefined;
  return v && ts.isObjectLiteralExpression(v) ? v : undefined;
}

export function hookVisitors(ctx: FileCtx, st: HookState): VisitorMap {
  return {
    [ts.SyntaxKind.MethodDeclaration]: [(n) => onMethod(n as ts.MethodDeclaration, ctx, st)],
    [ts.SyntaxKind.ClassDeclaration]: [(n) => onClass(n as ts.ClassDeclaration, ctx, st)],
    [ts.SyntaxKind.CallExpression]: [(n) => onCall(n as ts.CallExpression, ctx, st)],
  };
}

export function createHookState(): HookState {
  return { fns: new Map(), afterCommits: [], runners: new Map() };
}

// What a file imports and what its top-level bindings are, so other files can resolve what they
// import from it: clients, wrapper classes, key builders, key constants and sentinels. ES modules
// and CommonJS (`require`, `module.exports`) alike.
import { keyedStoreOf } from './cache/keyed-store';
import { ts } from 'ts-morph';
import type { VisitorMap } from '../syntax/walk';
import { keyMethodsOf, valueOfClass, valueOfExpression, valueOfFunction } from './keys/key-exprs';
import { classClients, clientOf, fromType, typeClients } from './cache/clients';
import { propertyValue, returnedClient } from './cache/client-sources';
import type { FileCtx } from './context';
import { collectImport, collectRequire, extendsClause, unwrap, boundMembers } from '../syntax/scope';
import { constNumber, isNullish, stripFreeze } from '../syntax/local-values';
import { objectOwnerName } from './cache/cache-calls';
import { madeValue } from './cache/made-instances';
import type { ClassFact, ClientRef, ExportValue, SymbolRef } from './types';
import { normaliseEntity } from './keys/entities';

export function collectTopLevelImports(ctx: FileCtx): void {
  for (const st of ctx.sf.statements) {
    if (ts.isImportDeclaration(st)) collectImport(st, ctx.facts.imports);
    else if (ts.isVariableStatement(st)) for (const d of st.declarationList.declarations) collectRequire(d, ctx.facts.imports);
    else if (ts.isImportEqualsDeclaration(st) && ts.isExternalModuleReference(st.moduleReference) && ts.isStringLiteral(st.moduleReference.expression))
      ctx.facts.imports.push({ local: st.name.text, module: st.moduleReference.expression.text, name: '*' });
  }
}

function isExported(n: ts.Node): boolean {
  return (ts.getCombinedModifierFlags(n as ts.Declaration) & ts.ModifierFlags.Export) !== 0;
}

function isDefault(n: ts.Node): boolean {
  return (ts.getCombinedModifierFlags(n as ts.Declaration) & ts.ModifierFlags.Default) !== 0;
}

/**
 * What an exported value can be known to be. The result of an imported function
 * (`createTRPCRouter(…)`) is not: whether it is a client only the linker can tell, and exporting it
 * as one would make every file naming it look like cache code.
 */
function knownClient(c: ClientRef | undefined): c is ClientRef {
  return !!c && c.t !== 'unknown' && c.t !== 'fn' && !(c.t === 'import' && c.called) && !(c.t === 'member' && !('local' in c.of));
}

/**
 * Pattern: const clients: RedisClients = make(); export const redis = clients.redis — a member of a
 * variable whose declared type is imported: the linker finds out whether that type holds a client.
 */
function declaredMember(c: ClientRef | undefined, e: ts.Expression): boolean {
  const u = unwrap(e);
  return c?.t === 'member' && !c.call && ts.isPropertyAccessExpression(u) && ts.isIdentifier(unwrap(u.expression));
}

function valueOf(e: ts.Expression, ctx: FileCtx): ExportValue | undefined {
  const c = clientOf(e, ctx);
  if (declaredMember(c, e) || knownClient(c)) return { t: 'client', client: c! };
  const u = unwrap(e);
  if (ts.isArrowFunction(u) || ts.isFunctionExpression(u)) return functionValue(u, ctx);
  let v = valueOfExpression(e, ctx);
  // Pattern: export const getTeam = cached('team', 600, loadTeam) — an instance of what `cached` makes
  if (ts.isCallExpression(u) && (!v || v.t === 'key')) {
    const m = madeValue(u, ctx);
    if (m) return v ? { ...v, made: { by: m.by, args: m.args, ...(m.loaders ? { loaders: m.loaders } : {}) } } : m;
  }
  const obj = stripFreeze(e);
  if (!ts.isObjectLiteralExpression(obj)) return v;
  // Pattern: export default { client, enabled }  /  export const clients = { redis: new Redis() }
  const clients = clientMembers(obj, ctx, 0);
  if (clients) v = { t: 'object', members: { ...(v?.t === 'object' ? v.members : {}), ...clients } };
  // Pattern: module.exports = { set: (k, v) => client.set(k, v) } — members that may be wrappers
  const nested = wrapperObjects(obj, 0);
  if (nested) v = withWrapperObjects(v?.t === 'object' ? v : { t: 'object', members: {} }, nested);
  if (hasFunctionMember(obj)) {
    const name = objectOwnerName(obj);
    if (name !== undefined) return { t: 'object', members: v?.t === 'object' ? v.members : {}, wrappers: name };
  }
  return v;
}

/** `v` with the nested wrapper objects' owner names added, keeping what its members already are (key builders). */
function withWrapperObjects(v: Extract<ExportValue, { t: 'object' }>, nested: Record<string, ExportValue>): ExportValue {
  const members = { ...v.members };
  for (const [name, n] of Object.entries(nested)) {
    const had = members[name];
    if (n.t !== 'object') continue;
    if (had && had.t !== 'object') continue;
    const inner = withWrapperObjects(had ?? { t: 'object', members: {} }, n.members);
    members[name] = n.wrappers !== undefined && inner.t === 'object' ? { ...inner, wrappers: n.wrappers } : inner;
  }
  return { ...v, members };
}

/**
 * Pattern: export const REDIS = { cache: { save: async (k, body) => client.set(k, …) } } — the nested
 * objects whose function members may be wrappers, under their path (objectOwnerName).
 */
function wrapperObjects(obj: ts.ObjectLiteralExpression, depth: number): Record<string, ExportValue> | undefined {
  if (depth > 2) return undefined;
  let out: Record<string, ExportValue> | undefined;
  for (const p of obj.properties) {
    if (!ts.isPropertyAssignment(p) || !(ts.isIdentifier(p.name) || ts.isStringLiteral(p.name))) continue;
    const inner = stripFreeze(p.initializer);
    if (!ts.isObjectLiteralExpression(inner)) continue;
    const deeper = wrapperObjects(inner, depth + 1);
    const name = hasFunctionMember(inner) ? objectOwnerName(inner) : undefined;
    if (name !== undefined || deeper) (out ??= {})[p.name.text] = { t: 'object', members: deeper ?? {}, ...(name !== undefined ? { wrappers: name } : {}) };
  }
  return out;
}

/**
 * A function that returns a client is a getter (`getRedis()`); any other may be a key builder.
 * Only a library client or one imported from elsewhere counts: a function returning any project
 * value (`createLogger(): Logger`) would make every file naming it look like cache code.
 */
function functionValue(fn: ts.FunctionLikeDeclaration, ctx: FileCtx): ExportValue | undefined {
  const c = returnedClient(fn, ctx, 0, clientOf, (t) => fromType(t, ctx));
  // Pattern: let redis; const getRedis = () => (redis ??= new RedisInstance('app')) — a lazily built
  // singleton of a project class (one that extends a client, or wraps one): the linker reads the class
  const lazy = c?.t === 'type' && !!c.ctorArgs;
  return knownClient(c) && (c.t === 'lib' || c.t === 'import' || lazy) ? { t: 'client', client: c, returned: true } : valueOfFunction(fn, ctx);
}

/** The members of an object literal that hold clients, nested objects included. */
function clientMembers(obj: ts.ObjectLiteralExpression, ctx: FileCtx, depth: number): Record<string, ExportValue> | undefined {
  if (depth > 4) return undefined;
  let out: Record<string, ExportValue> | undefined;
  for (const p of obj.properties) {
    const name = p.name && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) ? p.name.text : undefined;
    if (name === undefined) continue;
    const init = propertyValue(p);
    // Pattern: module.exports = { init() { return new NodeCache() } }  (a getter of a client)
    const u = init && unwrap(init);
    const fn = ts.isMethodDeclaration(p) ? p : u && (ts.isArrowFunction(u) || ts.isFunctionExpression(u)) ? u : undefined;
    if (fn) {
      const v = functionValue(fn, ctx);
      if (v?.t === 'client') (out ??= {})[name] = v;
      continue;
    }
    if (!init) continue;
    const c = clientOf(init, ctx);
    const inner = stripFreeze(init);
    const nested = !c && ts.isObjectLiteralExpression(inner) ? clientMembers(inner, ctx, depth + 1) : undefined;
    if (knownClient(c)) (out ??= {})[name] = { t: 'client', client: c };
    else if (nested) (out ??= {})[name] = { t: 'object', members: nested };
  }
  return out;
}

/**
 * An enum's members with a literal initializer, as an object of strings. Implicit (auto-numbered)
 * and computed members are left out: other files then see a hole, never a guessed literal.
 */
function enumValue(en: ts.EnumDeclaration, ctx: FileCtx): ExportValue | undefined {
  if (ts.getCombinedModifierFlags(en) & ts.ModifierFlags.Ambient) return undefined;
  const members: Record<string, ExportValue> = {};
  for (const m of en.members) {
    const name = ts.isIdentifier(m.name) || ts.isStringLiteral(m.name) ? m.name.text : undefined;
    const init = m.initializer && unwrap(m.initializer);
    if (name === undefined || !init) continue;
    // (the parser gives a number's text as JavaScript prints it: `0x10` is `16`)
    if (ts.isStringLiteralLike(init) || ts.isNumericLiteral(init)) members[name] = { t: 'string', value: init.text };
    // Pattern: enum CacheKeys { RSS = `${API_CACHE_PREFIX}rss` } — a member built from the file's constants
    else if (ts.isTemplateExpression(init) || ts.isBinaryExpression(init)) {
      const v = valueOfExpression(init, ctx);
      if (v?.t === 'string' || v?.t === 'key') members[name] = v;
    }
  }
  return Object.keys(members).length > 0 ? { t: 'object', members } : undefined;
}

function hasFunctionMember(obj: ts.ObjectLiteralExpression): boolean {
  return obj.properties.some(
    (p) =>
      ts.isMethodDeclaration(p) ||
      ts.isShorthandPropertyAssignment(p) ||
      (ts.isPropertyAssignment(p) && (ts.isArrowFunction(unwrap(p.initializer)) || ts.isFunctionExpression(unwrap(p.initializer)))),
  );
}

/** A class or interface named in a heritage clause: an import's ref, or a name of this file. */
function nameRef(id: ts.Identifier, ctx: FileCtx): SymbolRef | { local: string } {
  const imp = ctx.facts.imports.find((i) => i.local === id.text);
  return imp ? { module: imp.module, name: imp.name } : { local: id.text };
}

function classFact(cls: ts.ClassDeclaration, ctx: FileCtx): ClassFact {
  const name = cls.name?.text ?? 'default';
  const fact: ClassFact = { name, exported: isExported(cls), ...classClients(cls, ctx), methods: [] };
  for (const m of cls.members) if (ts.isMethodDeclaration(m) && m.name && ts.isIdentifier(m.name)) fact.methods.push(m.name.text);
  const ext = extendsClause(cls)?.expression;
  if (ext && ts.isIdentifier(ext)) fact.extendsRef = nameRef(ext, ctx);
  else if (ext && ts.isPropertyAccessExpression(ext) && ts.isIdentifier(ext.expression)) {
    const imp = ctx.facts.imports.find((i) => i.local === (ext.expression as ts.Identifier).text);
    if (imp) fact.extendsRef = { module: imp.module, name: imp.name, member: [ext.name.text] };
  }
  // Pattern: class RedisCacheService implements ICacheService — what a member typed by the interface holds
  const impls = cls.heritageClauses?.find((h) => h.token === ts.SyntaxKind.ImplementsKeyword)?.types ?? [];
  for (const t of impls) if (ts.isIdentifier(t.expression)) (fact.implementsRefs ??= []).push(nameRef(t.expression, ctx));
  const model = ext ? superModel(cls, name) : undefined;
  if (model) fact.model = model;
  const statics = valueOfClass(cls, ctx);
  if (statics) fact.statics = statics;
  const keyMethods = fact.exported ? keyMethodsOf(cls, ctx) : undefined;
  if (keyMethods) fact.keyMethods = keyMethods;
  return fact;
}


/**
 * Pattern: class UserRepository extends BaseRepository<SysUser> { constructor(prisma) { super(prisma, 'sysUser') } }
 * — a repository of the project naming its model in the base constructor call: one string literal
 * that reads as a name.
 */
function superModel(cls: ts.ClassDeclaration, name: string): string | undefined {
  if (!/(Repository|Repo)$/.test(name)) return undefined;
  const ctor = cls.members.find((m): m is ts.ConstructorDeclaration => ts.isConstructorDeclaration(m) && !!m.body);
  for (const st of ctor?.body?.statements ?? []) {
    const call = ts.isExpressionStatement(st) ? st.expression : undefined;
    if (!call || !ts.isCallExpression(call) || call.expression.kind !== ts.SyntaxKind.SuperKeyword) continue;
    const lits = call.arguments.filter(ts.isStringLiteralLike);
    return lits.length === 1 && /^[A-Za-z_][A-Za-z0-9_]*$/.test(lits[0].text) ? normaliseEntity(lits[0].text) : undefined;
  }
  return undefined;
}

/**
 * `CacheModule.register({ ttl })` anywhere: the Nest cache-manager default TTL. Options that are not
 * an inline object (`register(cacheConfig)`, `useClass`, `useExisting`, a factory returning
 * something built elsewhere, a spread) leave the default unknown (null).
 */
function nestCacheModule(call: ts.CallExpression, ctx: FileCtx): void {
  const callee = call.expression;
  if (!ts.isPropertyAccessExpression(callee) || !ts.isIdentifier(callee.expression) || callee.expression.text !== 'CacheModule') return;
  if (!/^register(Async)?$/.test(callee.name.text)) return;
  const text = call.arguments.map((a) => a.getText()).join(',');
  const m = /\bttl\s*:\s*([^,}\s]+)/.exec(text);
  let v: boolean | null;
  if (m) v = m[1] !== '0';
  else if (call.arguments.length === 0) v = false;
  else {
    const opts = unwrap(call.arguments[0]);
    const inline = ts.isObjectLiteralExpression(opts) && !/useClass|useExisting|\.\.\./.test(text);
    const factory = inline && opts.properties.find((p) => p.name && ts.isIdentifier(p.name) && p.name.text === 'useFactory');
    const factoryLiteral =
      !factory ||
      (ts.isPropertyAssignment(factory) && ts.isArrowFunction(factory.initializer) && ts.isObjectLiteralExpression(unwrap(factory.initializer.body as ts.Expression)));
    v = inline && factoryLiteral ? false : null;
  }
  const prev = ctx.facts.nestCacheDefaultTtl;
  ctx.facts.nestCacheDefaultTtl = prev === true || v === true ? true : prev === null || v === null ? null : false;
  // Pattern: registerAsync({ useFactory: async () => ({ ttl: 5000, store }) }) — the number, for rules that weigh how long
  const n = v === true ? ttlNumberIn(call, ctx) : undefined;
  const had = ctx.facts.nestCacheDefaultTtlValue;
  if (n !== undefined && (prev === undefined || had === n)) ctx.facts.nestCacheDefaultTtlValue = n;
  else delete ctx.facts.nestCacheDefaultTtlValue;
}

/** The literal number of a `ttl` property in a call's options (inline, or returned by an arrow factory). */
function ttlNumberIn(call: ts.CallExpression, ctx: FileCtx): number | undefined {
  let found: number | undefined;
  let seen = 0;
  const visit = (n: ts.Node, depth: number): void => {
    if (depth > 6) return;
    if (ts.isPropertyAssignment(n) && ts.isIdentifier(n.name) && n.name.text === 'ttl') {
      seen++;
      found = constNumber(unwrap(n.initializer), ctx.facts.imports);
      return;
    }
    ts.forEachChild(n, (c) => visit(c, depth + 1));
  };
  for (const a of call.arguments) visit(a, 0);
  return seen === 1 ? found : undefined;
}

export function bindingVisitors(ctx: FileCtx): VisitorMap {
  const { facts } = ctx;
  const pending: { exported: string; local: string }[] = [];
  const setLocal = (name: string, v: ExportValue | undefined, exported: boolean, asDefault = false) => {
    if (!v) return;
    facts.locals[name] = v;
    if (exported) facts.exports[asDefault ? 'default' : name] = v;
  };
  const top = (n: ts.Node) => n.parent && ts.isSourceFile(n.parent);
  const typeFact = (name: string, members: ts.NodeArray<ts.TypeElement>, n: ts.Node) => {
    if (facts.classes.some((c) => c.name === name)) return;
    const fields = typeClients(members, ctx);
    const store = keyedStoreOf(members);
    // Pattern: export interface ICacheService { hGet(…): …; hSet(…): … } — a service injected by this
    // type is the one project class implementing it (resolved by the linker)
    if (!fields && !store && !(isExported(n) && members.some(ts.isMethodSignature))) return;
    facts.classes.push({ name, exported: isExported(n), fields: fields ?? {}, methods: [], ...(store ? { keyedStore: store } : {}) });
    setLocal(name, { t: 'class', name }, isExported(n));
  };
  return {
    [ts.SyntaxKind.VariableStatement]: [
      (n) => {
        if (!top(n)) return;
        const st = n as ts.VariableStatement;
        for (const d of st.declarationList.declarations) {
          // Pattern: const { get: getTeam, del: clearTeam } = cached('team', loadTeam) — members of an instance
          if (ts.isObjectBindingPattern(d.name) && d.initializer) {
            const m = madeValue(d.initializer, ctx);
            if (m) for (const [local, member] of boundMembers(d.name)) setLocal(local, { ...m, member }, isExported(st));
            continue;
          }
          if (!ts.isIdentifier(d.name)) continue;
          if (d.initializer && !isNullish(d.initializer)) setLocal(d.name.text, valueOf(d.initializer, ctx), isExported(st));
          else {
            // Pattern: let redis: Redis; try { redis = new Redis(url) } catch {}; export { redis }
            const c = clientOf(d.name, ctx);
            if (knownClient(c)) setLocal(d.name.text, { t: 'client', client: c }, isExported(st));
          }
        }
      },
    ],
    [ts.SyntaxKind.FunctionDeclaration]: [
      (n) => {
        const fn = n as ts.FunctionDeclaration;
        if (!top(n) || !fn.name) return;
        setLocal(fn.name.text, functionValue(fn, ctx), isExported(fn), isDefault(fn));
      },
    ],
    [ts.SyntaxKind.ClassDeclaration]: [
      (n) => {
        const cls = n as ts.ClassDeclaration;
        if (!top(n)) return;
        const fact = classFact(cls, ctx);
        facts.classes.push(fact);
        setLocal(fact.name, { t: 'class', name: fact.name }, fact.exported, isDefault(cls));
      },
    ],
    // Pattern: export interface AppClients { redis: Redis } — `this.clients.redis` elsewhere (ClientRef member)
    [ts.SyntaxKind.InterfaceDeclaration]: [(n) => top(n) && typeFact((n as ts.InterfaceDeclaration).name.text, (n as ts.InterfaceDeclaration).members, n)],
    [ts.SyntaxKind.TypeAliasDeclaration]: [
      (n) => {
        const ta = n as ts.TypeAliasDeclaration;
        if (!top(n)) return;
        if (ts.isTypeLiteralNode(ta.type)) typeFact(ta.name.text, ta.type.members, n);
        // Pattern: export type RedisClient = RedisClientType<…> — `client: RedisClient` elsewhere is a node-redis client
        // Pattern: export type InMemoryProviderClient = Redis | Cluster | undefined — any member that is a client
        const members = ts.isUnionTypeNode(ta.type) ? ta.type.types : [ta.type];
        const c = members.map((t) => fromType(t, ctx)).find((x) => x?.t === 'lib');
        if (c) setLocal(ta.name.text, { t: 'client', client: c }, isExported(ta));
      },
    ],
    [ts.SyntaxKind.EnumDeclaration]: [
      // Pattern: export enum CacheEnum { SYS_DICT_KEY = 'sys_dict:' } — `${CacheEnum.SYS_DICT_KEY}${type}` elsewhere
      (n) => {
        const en = n as ts.EnumDeclaration;
        if (!top(n)) return;
        setLocal(en.name.text, enumValue(en, ctx), isExported(en));
      },
    ],
    [ts.SyntaxKind.ExportAssignment]: [
      // Pattern: export default new AppCache(redis)
      (n) => {
        const ea = n as ts.ExportAssignment;
        const v = ts.isIdentifier(ea.expression) ? undefined : valueOf(ea.expression, ctx);
        if (v) facts.exports.default = v;
        else if (ts.isIdentifier(ea.expression)) pending.push({ exported: 'default', local: ea.expression.text });
      },
    ],
    [ts.SyntaxKind.ExportDeclaration]: [
      (n) => {
        const ed = n as ts.ExportDeclaration;
        const from = ed.moduleSpecifier && ts.isStringLiteral(ed.moduleSpecifier) ? ed.moduleSpecifier.text : undefined;
        if (!ed.exportClause) {
          // Pattern: export * from './keys'
          if (from) facts.exports[`*:${from}`] = { t: 'reexport', ref: { module: from, name: '*' } };
          return;
        }
        if (!ts.isNamedExports(ed.exportClause)) {
          if (from) facts.exports[ed.exportClause.name.text] = { t: 'reexport', ref: { module: from, name: '*' } };
          return;
        }
        for (const el of ed.exportClause.elements) {
          const local = (el.propertyName ?? el.name).text;
          if (from) facts.exports[el.name.text] = { t: 'reexport', ref: { module: from, name: local } };
          else pending.push({ exported: el.name.text, local });
        }
      },
    ],
    [ts.SyntaxKind.ExpressionStatement]: [
      // Pattern: module.exports = redis  /  module.exports.keys = {...}  /  exports.redis = new Redis()
      (n) => {
        if (!top(n)) return;
        const outer = (n as ts.ExpressionStatement).expression;
        if (!ts.isBinaryExpression(outer) || outer.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return;
        // Pattern: exports = module.exports = client — the inner assignment is the export
        const inner = outer.right;
        const e = outer.left.getText() === 'exports' && ts.isBinaryExpression(inner) && inner.operatorToken.kind === ts.SyntaxKind.EqualsToken ? inner : outer;
        const target = e.left.getText();
        const m = /^(?:module\.)?exports(?:\.(\w+))?$/.exec(target);
        if (!m || (target === 'exports' && !m[1])) return;
        const name = m[1] ?? 'default';
        if (ts.isIdentifier(e.right)) pending.push({ exported: name, local: e.right.text });
        else {
          const v = valueOf(e.right, ctx);
          if (v) facts.exports[name] = v;
          if (!m[1] && ts.isObjectLiteralExpression(e.right))
            for (const p of e.right.properties)
              if (ts.isShorthandPropertyAssignment(p)) pending.push({ exported: p.name.text, local: p.name.text });
        }
      },
    ],
    [ts.SyntaxKind.CallExpression]: [(n) => nestCacheModule(n as ts.CallExpression, ctx)],
    [ts.SyntaxKind.EndOfFileToken]: [
      // after every top-level declaration has been seen: `export { a as b }` refers to locals
      () => {
        for (const p of pending) {
          const v = facts.locals[p.local];
          if (v) facts.exports[p.exported] = v;
          else {
            const imp = facts.imports.find((i) => i.local === p.local);
            if (imp) facts.exports[p.exported] = { t: 'reexport', ref: { module: imp.module, name: imp.name } };
          }
        }
      },
    ],
  };
}


// Where a database write's payload comes from: the recorded calls (cache reads, wrapper getters,
// project helpers) whose results end up in the data it writes. `const u = JSON.parse(await
// redis.get(k)); u.points += 1; await prisma.user.update({ where: { id }, data: u })` writes what
// `redis.get` returned; the linker decides whether that call reads a cache (write-from-cache).
//
// Only data counts, never the row the write targets or a condition: `where: { id: cached.id }`,
// `repo.update(cached.id, dto)` and `if (await cache.get(k)) await repo.update(id, dto)` write
// nothing read from the cache. An id read from a cached copy does not go stale (rows keep their ids).
import { ts } from 'ts-morph';
import { isAssignmentOperator } from '../../syntax/operators';
import type { FileCtx } from '../context';
import { chainLinks, type Link } from '../db/common';
import { assignedBeforeSave, writtenFields } from '../db/written-fields';
import { isDbRead, loadedFrom, type Recognise } from '../db/loaded-rows';
import { constDeclarationOf } from '../db/filter-fields';
import { createdValues } from '../db/created-values';
import { isIdName } from '../keys/entities';
import { declarationOf, enclosingFunction, isFunctionLike, memberName, propertyNameText, unwrap } from '../../syntax/scope';

/** Options of a write call that are no data: the row it targets, what it returns, how. */
const NOT_DATA = /^(where|filter|criteria|select|include|omit|returning|orderBy|transaction|conflictPaths|conflictFields|skipDuplicates|upsertType|lock|session|new|upsert|runValidators|fields|individualHooks|logging|validate|hooks)$/;
/** Links of a write chain that carry data. */
const DATA_LINKS =
  /^(set|values|update|updateMany|updateOne|upsert|create|createMany|createManyAndReturn|insert|insertMany|save|replaceOne|findOneAndUpdate|findByIdAndUpdate|findOneAndReplace|bulkCreate|merge|persist|persistAndFlush|nativeUpdate|nativeInsert|upsertMany|insertInto|updateTable|build|bulkWrite)$/;
/** Verbs whose data is the second argument after a filter or id (TypeORM, Mongoose, MikroORM). */
const FILTER_FIRST = /^(update|updateOne|updateMany|replaceOne|findOneAndUpdate|findByIdAndUpdate|findOneAndReplace|nativeUpdate)$/;
/** Calls whose result carries what they are given: parsing, cloning, copying, entity builders. */
const CARRIES = /^(parse|stringify|structuredClone|assign|fromEntries|entries|from|plainToInstance|plainToClass|instanceToPlain|classToPlain|deserialize|toObject|toJSON|clone|cloneDeep|merge|pick|omit|create|build|preload|hydrate|map|filter|slice|concat|trim|toLowerCase|toUpperCase|toString|lean|then|Number|String|Boolean|parseInt|parseFloat|BigInt)$/;

const MAX_DEPTH = 8;

/**
 * Post-walk: where values come from, in terms of the file's recorded calls:
 * - each database write: the calls its payload is built from, and the parameters of its function;
 * - each call made where no database write is: the earlier calls whose result it passes on changed
 *   (`const g = await this.get(id); await this.save({ ...g, ready: true })`: the application keeps
 *   that state in the cache, model/live-state.ts; a value passed on as it is, or a fill, changes
 *   nothing);
 * - each call of a project function made after a read-like call in its function: the earlier calls
 *   each of its first arguments is built from (`await this.save(k, { ...cfg, on })` after `const cfg
 *   = await this.fetch(k)`; the linker looks for the write `save` makes with that parameter).
 */
export function recordOrigins(ctx: FileCtx): void {
  recordPayloadOrigins(ctx);
  if (ctx.callNodes.length > 0) recordCallOrigins(ctx);
}

function recordPayloadOrigins(ctx: FileCtx): void {
  const { dbWrites } = ctx.facts;
  for (let j = 0; j < dbWrites.length; j++) {
    const w = dbWrites[j];
    if (w.kind === 'delete') continue;
    const node = ctx.dbWriteNodes[j];
    if (!ts.isCallExpression(node) && !ts.isTaggedTemplateExpression(node)) continue;
    const data = payloadOf(chainLinks(node), w.via);
    if (w.kind === 'update' && !w.restores) {
      const fields = /bulkWrite$/.test(w.label.replace(/\(.*$/s, '').trim()) ? bulkFields(data, ctx) : (writtenFields(data) ?? builtFields(data, ctx) ?? savedFields(data, node, ctx));
      if (fields) w.fields = fields;
      // Pattern: Reel.updateOne({ _id }, { $inc: { viewCount: 1 } }) — a counter bump
      if (data.length > 0 && data.every(onlyIncrements)) w.counter = true;
      // not a balance or a stock level: `balance: { decrement: amount }` is the value readers act on
      if (w.counter && fields?.some((f) => HOLDINGS.test(f))) delete w.counter;
    }
    // Pattern: repo.save(repo.create({ status: RoomStatus.Created })) — the constants a new row gets
    if (w.kind === 'create') {
      const sets = createdValues(data, ctx);
      if (sets) w.sets = sets;
    }
    const fn = enclosingFunction(node);
    // the parameters are traced in files without recorded calls too: `save(n) { return this.repo.save(n) }`
    // is what a caller's cached copy reaches (write-from-cache, writeThroughCall)
    if (ctx.callNodes.length === 0 && !fn) continue;
    const found = new Set<number>();
    const params = fn ? { fn, found: new Set<number>() } : undefined;
    const tracer = new Tracer(ctx, found, node.getStart(), params);
    for (const e of data) tracer.trace(e, 0);
    if (found.size > 0) w.fromCalls = sorted(found);
    if (params && params.found.size > 0) w.fromParams = sorted(params.found);
  }
}

/** `user.referralCode = code; await user.save()`: the fields assigned to a document loaded in the same function. */
/**
 * Pattern: const update: any = { 'paymentDetails.reconciled': true, $push: {…} }; if (x) update['paymentDetails.actualCollection'] = n;
 * Shipment.findByIdAndUpdate(id, update) — the data built in a local object: its literal's columns and
 * those assigned to it by name. Unknown when it is spread into, assigned whole, or given a computed name.
 */
function builtFields(data: readonly ts.Expression[], ctx: FileCtx): string[] | undefined {
  const v = data.length === 1 ? unwrap(data[0]) : undefined;
  if (!v || !ts.isIdentifier(v)) return undefined;
  const d = declarationOf(v, ctx.facts.imports);
  if (d?.t !== 'var' || !d.node.initializer || !ts.isObjectLiteralExpression(unwrap(d.node.initializer))) return undefined;
  const base: string[] | undefined = writtenFields([d.node.initializer]) ?? ((unwrap(d.node.initializer) as ts.ObjectLiteralExpression).properties.length === 0 ? [] : undefined);
  if (!base) return undefined;
  const out = new Set(base);
  const scope = enclosingFunction(d.node) ?? d.node.getSourceFile();
  let known = true;
  const visit = (n: ts.Node): void => {
    if (!known) return;
    if (ts.isIdentifier(n) && n.text === v.text && n !== d.node.name && n.parent) {
      const p = n.parent;
      // Pattern: update.status = s / update['paymentDetails.x'] = n
      const member = (ts.isPropertyAccessExpression(p) && p.expression === n) || (ts.isElementAccessExpression(p) && p.expression === n);
      const assigned = member && ts.isBinaryExpression(p.parent) && p.parent.left === p && p.parent.operatorToken.kind === ts.SyntaxKind.EqualsToken;
      if (assigned) {
        const name = ts.isPropertyAccessExpression(p) ? p.name.text : ts.isElementAccessExpression(p) && ts.isStringLiteralLike(p.argumentExpression) ? p.argumentExpression.text : undefined;
        // Pattern: update.$push = { 'paymentDetails.timeline': entry } — an operator's columns
        const rhs = unwrap(p.parent.right);
        const ops = name?.startsWith('$') && ts.isObjectLiteralExpression(rhs) ? writtenFields([rhs]) : undefined;
        if (name === undefined || (name.startsWith('$') && !ops)) known = false;
        else if (ops) ops.forEach((f) => out.add(f));
        else out.add(name);
      } else if (member) {
        // read of a member, or a nested operator grown in place: `update.$set.x = …`
        if (ts.isPropertyAccessExpression(p) && p.name.text.startsWith('$')) known = false;
      } else if ((ts.isBinaryExpression(p) && p.left === n) || ts.isSpreadAssignment(p) || (ts.isCallExpression(p) && p.expression.getText() === 'Object.assign' && p.arguments[0] === n)) known = false;
    }
    ts.forEachChild(n, visit);
  };
  visit(scope);
  return known && out.size > 0 ? [...out].sort() : undefined;
}

/** The operations of a MongoDB bulkWrite that update: their `update` holds the columns. */
const BULK_UPDATES = new Set(['updateOne', 'updateMany']);

/**
 * Pattern: Shipment.bulkWrite(expired.map((d) => ({ updateOne: { filter: { _id: d.id }, update: { $set: {…} } } })))
 * — the columns every operation's update sets, the operations written in place, mapped, or held
 * by a local const. Unknown when one of them replaces a whole document or cannot be read.
 */
function bulkFields(data: readonly ts.Expression[], ctx: FileCtx): string[] | undefined {
  if (data.length !== 1) return undefined;
  let e = unwrap(data[0]);
  if (ts.isIdentifier(e)) {
    const d = constDeclarationOf(e, ctx);
    if (!d) return undefined;
    e = unwrap(d.initializer!);
  }
  let ops: readonly ts.Expression[] | undefined;
  if (ts.isArrayLiteralExpression(e)) ops = e.elements;
  else if (ts.isCallExpression(e) && ts.isPropertyAccessExpression(e.expression) && e.expression.name.text === 'map' && e.arguments[0]) {
    const fn = unwrap(e.arguments[0]);
    const body = (ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) && fn.body ? (ts.isBlock(fn.body) ? undefined : fn.body) : undefined;
    ops = body ? [body] : undefined;
  }
  if (!ops || ops.length === 0) return undefined;
  const out = new Set<string>();
  for (const op0 of ops) {
    const op = unwrap(op0);
    if (!ts.isObjectLiteralExpression(op) || op.properties.length !== 1) return undefined;
    const p = op.properties[0];
    const kind = p.name && propertyNameText(p.name);
    if (!ts.isPropertyAssignment(p) || kind === undefined || !BULK_UPDATES.has(kind)) return undefined;
    const spec = unwrap(p.initializer);
    const update = ts.isObjectLiteralExpression(spec) ? spec.properties.find((x): x is ts.PropertyAssignment => ts.isPropertyAssignment(x) && propertyNameText(x.name) === 'update') : undefined;
    const fields = update && writtenFields([update.initializer]);
    if (!fields) return undefined;
    fields.forEach((f) => out.add(f));
  }
  return out.size > 0 ? [...out].sort() : undefined;
}

function savedFields(data: readonly ts.Expression[], node: ts.Node, ctx: FileCtx): string[] | undefined {
  const doc = data.length === 1 ? unwrap(data[0]) : undefined;
  if (!doc || !ts.isIdentifier(doc)) return undefined;
  const d = declarationOf(doc, ctx.facts.imports);
  if (d?.t !== 'var') return undefined;
  // loaded here: `const user = await User.findOne(q)`, or one row of rows loaded here:
  // `const sources = await Source.find(q); for (const source of sources) { source.lastScraped = now; await source.save() }`
  const loaded = loadedFrom(d.node, ctx.facts.imports);
  return loaded && ((!!ctx.db && isDbRead(loaded, ctx.db.recognise as Recognise)) || loadsRow(loaded)) ? assignedBeforeSave(doc, node, d.node) : undefined;
}

/**
 * A project method named for loading one row: `await this.findOneById(id)`, `await this.users.getById(id)`.
 * What it returns is an entity the ORM tracks, so saving it writes what was changed on it.
 */
function loadsRow(e0: ts.Expression): boolean {
  const init = unwrap(e0);
  const call = ts.isAwaitExpression(init) ? unwrap(init.expression) : init;
  if (!ts.isCallExpression(call) || !ts.isPropertyAccessExpression(call.expression)) return false;
  const recv = unwrap(call.expression.expression);
  const onThis = recv.kind === ts.SyntaxKind.ThisKeyword || (ts.isPropertyAccessExpression(recv) && recv.expression.kind === ts.SyntaxKind.ThisKeyword);
  const name = call.expression.name.text;
  // a copy from a cache is no tracked entity: saving it writes every field it has
  return onThis && /^(find|get|load|fetch)[A-Z]\w*$/.test(name) && !/s$|All|Many|List|[Cc]ache/.test(name);
}

/** Counted columns that are what the row is worth, not a tally of its use: money, stock, quotas. */
const HOLDINGS = /balance|stock|inventor|quantit|qty|credit|amount|remaining|available|quota|budget|allowance|seats/i;

/** MongoDB update data that only adds to numbers: `{ $inc: { likes: 1, views: 1 } }`. */
function onlyIncrements(e: ts.Expression): boolean {
  const o = unwrap(e);
  return ts.isObjectLiteralExpression(o) && o.properties.length > 0 && o.properties.every((p) => ts.isPropertyAssignment(p) && propertyNameText(p.name) === '$inc');
}

/** Receivers of project calls (services, helpers, repositories of the project), not clients. */
const PROJECT_RECEIVERS = new Set(['class', 'member', 'fn', 'import', 'type']);
/** A call whose result may be a cached copy: `this.fetch(k)`, `cache.get(k)`, `getConfig(id)`. */
const READ_NAMES = /get|fetch|read|load|find|wrap|remember|lookup/i;

function recordCallOrigins(ctx: FileCtx): void {
  const { calls } = ctx.facts;
  const writingFns = new Set(ctx.facts.dbWrites.map((w) => w.fn));
  // functions with an earlier recorded call, and with an earlier read-like one, as calls come in order
  const called = new Set<number>();
  const read = new Set<number>();
  for (let i = 0; i < calls.length; i++) {
    const c = calls[i];
    const node = ctx.callNodes[i];
    if (node && c.fn !== 0 && node.arguments.length > 0) {
      const trace = (e: ts.Expression): number[] => {
        const found = new Set<number>();
        new Tracer(ctx, found, node.getStart()).trace(e, 0);
        found.delete(i);
        return sorted(found);
      };
      if (called.has(c.fn) && !writingFns.has(c.fn)) {
        const from = node.arguments.flatMap((a) => changedCopyBases(a, ctx)).flatMap(trace);
        if (from.length > 0) c.valueFrom = [...new Set(from)].sort((x, y) => x - y);
      }
      if (read.has(c.fn) && PROJECT_RECEIVERS.has(c.receiver.t)) {
        const out: { arg: number; calls: number[] }[] = [];
        node.arguments.slice(0, 4).forEach((a, arg) => {
          if (ts.isArrowFunction(a) || ts.isFunctionExpression(a) || ts.isSpreadElement(a)) return;
          const from = trace(a);
          if (from.length > 0) out.push({ arg, calls: from });
        });
        if (out.length > 0) c.argFrom = out;
      }
    }
    called.add(c.fn);
    if (READ_NAMES.test(c.method)) read.add(c.fn);
  }
}

const sorted = (ids: ReadonlySet<number>): number[] => [...ids].sort((a, b) => a - b);

/** `{ ...g, ready: true }` (directly or through a const): the values it copies and changes. */
function changedCopyBases(arg: ts.Expression, ctx: FileCtx): ts.Expression[] {
  let e = unwrap(arg);
  if (ts.isIdentifier(e)) {
    const d = declarationOf(e, ctx.facts.imports);
    const init = d?.t === 'var' && d.node.initializer ? unwrap(d.node.initializer) : undefined;
    if (!init) return [];
    e = init;
  }
  if (!ts.isObjectLiteralExpression(e)) return [];
  const spreads = e.properties.filter(ts.isSpreadAssignment);
  return spreads.length > 0 && spreads.length < e.properties.length ? spreads.map((p) => p.expression) : [];
}

/** The expressions a write chain writes as data. */
function payloadOf(links: readonly Link[], via: string): ts.Expression[] {
  const out: ts.Expression[] = [];
  for (const l of links) {
    if (via === 'sql') {
      out.push(...sqlData(l));
      continue;
    }
    if (!l.name || !DATA_LINKS.test(l.name)) continue;
    // Pattern: createQueryBuilder().update(User).set({ firstName }) — the data is in set/values, update names the entity
    if (via === 'typeorm-qb' && l.name !== 'set' && l.name !== 'values' && l.args.length < 2) continue;
    // Pattern: manager.save(User, data) / em.nativeUpdate(User, where, data): the entity first
    let args = [...l.args];
    const a0 = args[0] && unwrap(args[0]);
    if (args.length > 1 && a0 && ((ts.isIdentifier(a0) && /^[A-Z]/.test(a0.text)) || ts.isStringLiteralLike(a0)) && via !== 'knex') args = args.slice(1);
    // Pattern: doc.save() / instance.save() — the instance is the data
    if (args.length === 0 && l.name === 'save' && l.recv) {
      const r = unwrap(l.recv);
      if (ts.isIdentifier(r)) out.push(r);
      continue;
    }
    // Pattern: Product.update({ price }, { where: { id } }) (Sequelize: data first, options second);
    // a model class of the project's own taking the id first: Collections.update(id, { community })
    if (via === 'sequelize') out.push(...(idThenData(args) ? args.slice(1, 2) : args.slice(0, 1)));
    // Pattern: repo.update(id, dto) / Model.updateOne({ _id }, { $set: data }) / knex(t).update('col', v)
    else if (FILTER_FIRST.test(l.name) && args.length >= 2 && via !== 'knex') out.push(args[1]);
    else if (args.length > 0) out.push(...(via === 'knex' ? args : args.slice(0, 1)));
  }
  return out;
}

/** `(id, { …data })`: a first argument that is no object, then an object literal that is no Sequelize options object. */
function idThenData(args: readonly ts.Expression[]): boolean {
  if (args.length !== 2) return false;
  const [a, b] = args.map(unwrap);
  return !ts.isObjectLiteralExpression(a) && ts.isObjectLiteralExpression(b) && !b.properties.some((p) => p.name && propertyNameText(p.name) === 'where');
}

/** Bind values of raw SQL that land in SET / VALUES rather than in WHERE. */
function sqlData(l: Link): ts.Expression[] {
  if (ts.isTaggedTemplateExpression(l.node)) {
    // Pattern: sql`UPDATE users SET points = ${u.points} WHERE id = ${id}`
    const t = l.node.template;
    if (!ts.isTemplateExpression(t)) return [];
    const out: ts.Expression[] = [];
    let text = t.head.text;
    for (const span of t.templateSpans) {
      if (!/\bwhere\b/i.test(text)) out.push(span.expression);
      text += '?' + span.literal.text;
    }
    return out;
  }
  const a0 = l.args[0] && unwrap(l.args[0]);
  if (!a0 || !ts.isStringLiteralLike(a0)) return [];
  const sql = a0.text;
  if (!/^\s*(update|insert|replace)\b/i.test(sql)) return [];
  const where = sql.search(/\bwhere\b/i);
  const head = where < 0 ? sql : sql.slice(0, where);
  // Pattern: pool.query('UPDATE users SET name = $1 WHERE id = $2', [u.name, id])
  const indexes = new Set<number>();
  let q = 0;
  for (const m of head.matchAll(/\$(\d+)|\?/g)) indexes.add(m[1] ? Number(m[1]) - 1 : q++);
  const params = l.args[1] && unwrap(l.args[1]);
  if (!params || !ts.isArrayLiteralExpression(params)) return [];
  return params.elements.filter((_e, i) => indexes.has(i));
}

/** Follows a value back to the recorded calls it is built from, in the function the write is in. */
class Tracer {
  private readonly seen = new Set<ts.Node>();

  constructor(
    private readonly ctx: FileCtx,
    private readonly found: Set<number>,
    /** the write's position: mutations after it do not reach it */
    private readonly before: number,
    /** where the parameters of `fn` the value is built from go (`set(k, value)` writing `value`) */
    private readonly params?: { fn: ts.Node; found: Set<number> },
  ) {}

  trace(expr: ts.Expression, depth: number): void {
    if (depth > MAX_DEPTH) return;
    const e = unwrap(expr);
    if (this.seen.has(e)) return;
    this.seen.add(e);
    if (ts.isCallExpression(e)) return this.call(e, depth);
    if (ts.isIdentifier(e)) return this.identifier(e, depth);
    if (ts.isPropertyAccessExpression(e) || ts.isElementAccessExpression(e)) {
      // Pattern: where: … id: cached.id — an id is the same in a stale copy
      const name = memberName(e);
      if (name && isIdName(name)) return;
      return this.trace(e.expression, depth + 1);
    }
    if (ts.isObjectLiteralExpression(e)) {
      for (const p of e.properties) {
        const name = propertyNameText(p.name);
        if (name && (NOT_DATA.test(name) || isIdName(name))) continue;
        if (ts.isPropertyAssignment(p)) this.trace(p.initializer, depth + 1);
        else if (ts.isShorthandPropertyAssignment(p)) this.trace(p.name, depth + 1);
        else if (ts.isSpreadAssignment(p)) this.trace(p.expression, depth + 1);
      }
      return;
    }
    if (ts.isArrayLiteralExpression(e)) {
      for (const x of e.elements) this.trace(ts.isSpreadElement(x) ? x.expression : x, depth + 1);
      return;
    }
    if (ts.isSpreadElement(e)) return this.trace(e.expression, depth + 1);
    if (ts.isConditionalExpression(e)) {
      this.trace(e.whenTrue, depth + 1);
      this.trace(e.whenFalse, depth + 1);
      return;
    }
    if (ts.isBinaryExpression(e)) {
      // `cached && cached.x`: the left side is a test; `cached ?? row`, `cached.points + 1`: values
      if (e.operatorToken.kind !== ts.SyntaxKind.AmpersandAmpersandToken) this.trace(e.left, depth + 1);
      this.trace(e.right, depth + 1);
      return;
    }
    if (ts.isTemplateExpression(e)) for (const s of e.templateSpans) this.trace(s.expression, depth + 1);
    else if (ts.isNewExpression(e)) for (const a of e.arguments ?? []) this.trace(a, depth + 1);
    else if (ts.isPrefixUnaryExpression(e) && e.operator !== ts.SyntaxKind.ExclamationToken) this.trace(e.operand, depth + 1);
  }

  private call(e: ts.CallExpression, depth: number): void {
    // Pattern: await redis.get(k) / await this.cacheService.get(k) / await this.getCachedUser(id)
    const id = this.ctx.callIds.get(e);
    if (id !== undefined) {
      this.found.add(id);
      return;
    }
    // a database read (or a write's returned row) is what the payload should come from
    if (this.ctx.db?.recognise(e)) return;
    const callee = unwrap(e.expression);
    const name = ts.isIdentifier(callee) ? callee.text : memberName(callee);
    // Pattern: Math.round(cached.price * 0.9) — arithmetic on what it is given
    const math = ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && callee.expression.text === 'Math';
    if (!name || (!CARRIES.test(name) && !math)) return;
    // Pattern: JSON.parse(raw) / Object.assign({}, cached, dto) / repo.create({ ...cached }) / cached.name.trim()
    for (const a of e.arguments) if (!ts.isArrowFunction(a) && !ts.isFunctionExpression(a)) this.trace(a, depth + 1);
    if (ts.isPropertyAccessExpression(callee) && !(ts.isIdentifier(callee.expression) && /^(JSON|Object|Array|Math|_|lodash|R)$/.test(callee.expression.text)) && !/^(create|build|preload|merge|hydrate)$/.test(name))
      this.trace(callee.expression, depth + 1);
  }

  private identifier(id: ts.Identifier, depth: number): void {
    const d = declarationOf(id, this.ctx.facts.imports);
    if (!d) return;
    if (d.t === 'param' && this.params && d.fn === this.params.fn) this.params.found.add(d.index);
    if (d.t === 'var' || d.t === 'binding') {
      const decl = d.node;
      if (d.t === 'binding' && !bindsData(decl.name, id.text)) return;
      if (decl.initializer) this.trace(decl.initializer, depth + 1);
      const scope = enclosingFunction(decl)?.body ?? decl.getSourceFile();
      this.mutations(scope, id.text, depth);
    }
  }

  /**
   * What the code puts into `name` before the write: `name = x`, `name.f = x`, `name.f += x`,
   * `Object.assign(name, x)`, `repo.merge(name, x)`, `doc.set(x)`.
   */
  private mutations(scope: ts.Node, name: string, depth: number): void {
    const isName = (n: ts.Expression) => ts.isIdentifier(unwrap(n)) && (unwrap(n) as ts.Identifier).text === name;
    const rootIsName = (n: ts.Expression): boolean => {
      let x = unwrap(n);
      while (ts.isPropertyAccessExpression(x) || ts.isElementAccessExpression(x)) x = unwrap(x.expression);
      return ts.isIdentifier(x) && x.text === name;
    };
    const visit = (n: ts.Node): void => {
      if (n.pos >= this.before) return;
      if (ts.isBinaryExpression(n) && isAssignmentOperator(n.operatorToken.kind)) {
        const target = unwrap(n.left);
        const field = ts.isPropertyAccessExpression(target) || ts.isElementAccessExpression(target) ? memberName(target) : undefined;
        // Pattern: u = cached / u.points = cached.points + 1 / u.name ??= cached.name
        if (rootIsName(target) && !(field && isIdName(field))) this.trace(n.right, depth + 1);
      } else if (ts.isCallExpression(n) && n.arguments.length >= 1) {
        const callee = unwrap(n.expression);
        const m = memberName(callee);
        // Pattern: Object.assign(user, cached) / this.repo.merge(user, cached) / _.merge(user, cached)
        if (m && /^(assign|merge|mergeWith|defaults)$/.test(m) && isName(n.arguments[0])) for (const a of n.arguments.slice(1)) this.trace(a, depth + 1);
        // Pattern: doc.set(cached) / doc.set('name', cached.name)
        else if (m === 'set' && ts.isPropertyAccessExpression(callee) && isName(callee.expression)) for (const a of n.arguments) this.trace(a, depth + 1);
      }
      if (!isFunctionLike(n) || n === scope) ts.forEachChild(n, visit);
    };
    visit(scope);
  }
}

/** Whether the name a destructuring binds is data rather than an id (`const { id } = cached` is not). */
function bindsData(pattern: ts.BindingName, name: string): boolean {
  if (ts.isIdentifier(pattern)) return pattern.text === name;
  for (const el of pattern.elements) {
    if (ts.isOmittedExpression(el)) continue;
    if (ts.isIdentifier(el.name)) {
      if (el.name.text !== name) continue;
      if (el.dotDotDotToken) return true;
      const prop = propertyNameText(el.propertyName) ?? el.name.text;
      return !isIdName(prop);
    }
    if (bindsData(el.name, name)) return true;
  }
  return false;
}

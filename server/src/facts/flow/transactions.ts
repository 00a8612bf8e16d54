// Database transactions of one file: the callbacks that run inside one (`prisma.$transaction(async
// (tx) => …)`) and the stretches of a function between an explicit start and its commit
// (`queryRunner.startTransaction()` … `commitTransaction()`, raw `BEGIN` … `COMMIT`). Recorded in the
// single walk; after it, each recorded call learns the transaction it runs in (CallFact.tx) and
// where its statement could move to run after the commit (CallFact.txExit). A cache delete there
// runs before the commit: a reader can load the old row in between and cache it again.
import { ts } from 'ts-morph';
import { isAssignmentOperator } from '../../syntax/operators';
import type { VisitorMap } from '../../syntax/walk';
import type { FileCtx } from '../context';
import { declarationOf, decoratorsOf, enclosingFunction, indentAt, isFunctionLike, memberName, unwrap, type FunctionLike } from '../../syntax/scope';
import { isCallbackArg } from './order';
import { moveTarget, recordAssignment, type MoveState } from './move-target';
import type { TxFact } from '../types';
import { treeMemo } from '../../syntax/tree-memo';

/** Hooks whose callback runs once the transaction committed: what runs there is after the commit. */
// Pattern: t.afterCommit(() => …) (Sequelize); runOnTransactionCommit(() => …) (typeorm-transactional)
const AFTER_COMMIT = /^(afterCommit|afterTransactionCommit|onCommit|afterCommitted|onCommitted|runOnTransactionCommit|runOnTransactionComplete)$/;

/**
 * ORM hooks that run after a write but before its transaction commits: sequelize-typescript's
 * `@AfterCreate` … (Sequelize runs them in the transaction the write was given), and TypeORM's
 * entity listeners (`save()`, `remove()` and `softRemove()` open a transaction and run them in it;
 * `update()` runs none). TypeORM subscribers (`afterUpdate(event)`) run there too: not yet here.
 */
const HOOK_DECORATORS: Record<string, { via: string; names: RegExp }> = {
  'sequelize-typescript': { via: 'sequelize', names: /^After(Create|Update|Destroy|Save|Upsert|BulkCreate|BulkUpdate|BulkDestroy|Restore)$/ },
  typeorm: { via: 'typeorm', names: /^After(Insert|Update|Remove|SoftRemove|Recover)$/ },
};

/** Modules whose default or named export is a database handle with a `.transaction(cb)` method. */
const TX_MODULES: Record<string, string> = {
  typeorm: 'typeorm', '@nestjs/typeorm': 'typeorm', sequelize: 'sequelize', 'sequelize-typescript': 'sequelize', '@nestjs/sequelize': 'sequelize',
  knex: 'knex', 'drizzle-orm': 'drizzle', mongoose: 'mongoose', '@nestjs/mongoose': 'mongoose', kysely: 'kysely', postgres: 'postgres',
};
const TX_TYPES = /^(DataSource|Connection|EntityManager|Sequelize|Knex|Kysely|Db|Database|PostgresJsDatabase|NodePgDatabase|MySql2Database|Sql)$/;

/** Methods that take a transaction's callback, and those that start, commit or roll one back. */
const TX_METHODS = new Set(['$transaction', 'withTransaction', 'transactional', 'execute', 'begin', 'transaction']);
const BOUNDARY_METHODS =
  /^(startTransaction|commitTransaction|rollbackTransaction|abortTransaction|transaction|commit|rollback|query|execute|exec|run|raw|unsafe|none|\$executeRaw|\$executeRawUnsafe|\$queryRaw|\$queryRawUnsafe)$/;

/** Statements that open or close an explicit transaction in raw SQL. */
const SQL_BEGIN = /^\s*(BEGIN|START\s+TRANSACTION)\b/i;
const SQL_COMMIT = /^\s*(COMMIT|END)\b/i;
const SQL_ROLLBACK = /^\s*ROLLBACK\b(?!\s+TO\b)/i;
const SQL_EXEC = /^(query|execute|exec|run|raw|unsafe|none|\$executeRaw|\$executeRawUnsafe|\$queryRaw|\$queryRawUnsafe)$/;

interface Boundary {
  /** the receiver's source text (`queryRunner`, `client`, `t`), which the commit must share */
  recv: string;
  node: ts.Node;
  fn: number;
  via: string;
  label: string;
}

interface TxState {
  /** callback transactions by their callback */
  callbacks: Map<ts.Node, number>;
  starts: Boundary[];
  commits: Boundary[];
  rollbacks: Boundary[];
  /** the transactions' nodes by index of facts.txs: the callback, or the start call */
  nodes: ts.Node[];
  /** the commit calls of boundary transactions, by index of facts.txs */
  ends: (ts.Node | undefined)[];
  move: MoveState;
}

const states = treeMemo<FileCtx, TxState>();

const txsOf = (ctx: FileCtx): TxFact[] => (ctx.facts.txs ??= []);

function stateOf(ctx: FileCtx): TxState {
  let s = states.get(ctx);
  if (!s) states.set(ctx, (s = { callbacks: new Map(), starts: [], commits: [], rollbacks: [], nodes: [], ends: [], move: { assigned: [] } }));
  return s;
}

const text = (n: ts.Node) => n.getText().replace(/\s+/g, '');

/** What library a receiver's binding, declared type, constructor or decorator says it is. */
function libraryOf(recv: ts.Expression, ctx: FileCtx): string | undefined {
  let e = unwrap(recv);
  // Pattern: this.dataSource.manager.transaction(…) / getManager().transaction(…)
  if (ts.isPropertyAccessExpression(e) && /^(manager|connection|sequelize|db)$/.test(e.name.text) && e.expression.kind !== ts.SyntaxKind.ThisKeyword) e = unwrap(e.expression);
  if (ts.isCallExpression(e) && ts.isIdentifier(e.expression)) {
    const d = declarationOf(e.expression, ctx.facts.imports);
    return d?.t === 'import' ? TX_MODULES[d.imp.module] : undefined;
  }
  let type: ts.TypeNode | undefined;
  let init: ts.Expression | undefined;
  let decorated: string | undefined;
  if (ts.isIdentifier(e)) {
    const d = declarationOf(e, ctx.facts.imports);
    if (d?.t === 'import') return TX_MODULES[d.imp.module];
    if (d?.t === 'var') ({ type, initializer: init } = d.node);
    if (d?.t === 'param') type = d.node.type;
  } else if (ts.isPropertyAccessExpression(e) && e.expression.kind === ts.SyntaxKind.ThisKeyword) {
    const cls = e.parent && findClass(e);
    const m = cls && memberOf(cls, e.name.text);
    if (m) ({ type, init, decorated } = m);
  }
  // Pattern: @InjectDataSource() / @InjectConnection() / @InjectEntityManager()
  if (decorated && /^Inject(DataSource|Connection|EntityManager|Knex|Model)$/.test(decorated)) return 'orm';
  const tn = type && ts.isTypeReferenceNode(type) ? type.typeName : undefined;
  const head = tn && (ts.isIdentifier(tn) ? tn.text : ts.isIdentifier(tn.left) ? tn.left.text : undefined);
  const last = tn && (ts.isIdentifier(tn) ? tn.text : tn.right.text);
  const imp = head ? ctx.facts.imports.find((i) => i.local === head) : undefined;
  if (imp && TX_MODULES[imp.module] && last && TX_TYPES.test(last)) return TX_MODULES[imp.module];
  const u = init && unwrap(init);
  // Pattern: const sequelize = new Sequelize(url) / const db = knex(config) / drizzle(pool)
  const callee = u && (ts.isNewExpression(u) || ts.isCallExpression(u)) ? unwrap(u.expression) : undefined;
  if (callee && ts.isIdentifier(callee)) {
    const d = declarationOf(callee, ctx.facts.imports);
    if (d?.t === 'import') return TX_MODULES[d.imp.module] ?? (/^drizzle-orm\//.test(d.imp.module) ? 'drizzle' : undefined);
  }
  return undefined;
}

function findClass(n: ts.Node): ts.ClassLikeDeclaration | undefined {
  for (let p = n.parent; p; p = p.parent) if (ts.isClassDeclaration(p) || ts.isClassExpression(p)) return p;
  return undefined;
}

function memberOf(cls: ts.ClassLikeDeclaration, name: string): { type?: ts.TypeNode; init?: ts.Expression; decorated?: string } | undefined {
  const deco = (n: ts.Node) => {
    const d = ts.canHaveDecorators(n) ? ts.getDecorators(n)?.[0]?.expression : undefined;
    return d && ts.isCallExpression(d) && ts.isIdentifier(d.expression) ? d.expression.text : undefined;
  };
  for (const m of cls.members) {
    if (ts.isPropertyDeclaration(m) && ts.isIdentifier(m.name) && m.name.text === name) return { type: m.type, init: m.initializer, decorated: deco(m) };
    if (ts.isConstructorDeclaration(m))
      for (const p of m.parameters) if (ts.isIdentifier(p.name) && p.name.text === name) return { type: p.type, decorated: deco(p) };
  }
  return undefined;
}

/** The function argument of a call (the transaction's body), if any. */
function callbackArg(call: ts.CallExpression): FunctionLike | undefined {
  for (const a of call.arguments) {
    const u = unwrap(a);
    if (ts.isArrowFunction(u) || ts.isFunctionExpression(u)) return u;
  }
  return undefined;
}

/** A call that runs its callback in a transaction: which library, and how to name it. */
function callbackTx(call: ts.CallExpression, ctx: FileCtx): { via: string; label: string; cb: FunctionLike } | undefined {
  const callee = unwrap(call.expression);
  if (!ts.isPropertyAccessExpression(callee)) return undefined;
  const m = callee.name.text;
  const cb = callbackArg(call);
  if (!cb) return undefined;
  if (!TX_METHODS.has(m)) return undefined;
  const recv = callee.expression;
  const label = `${text(recv).slice(0, 40)}.${m}`;
  switch (m) {
    // Pattern: await prisma.$transaction(async (tx) => { … })  (interactive transaction)
    case '$transaction':
      return { via: 'prisma', label, cb };
    // Pattern: await session.withTransaction(async () => { … })  (MongoDB driver, Mongoose sessions)
    case 'withTransaction':
      return { via: 'mongodb', label, cb };
    // Pattern: await em.transactional(async (em) => { … })  (MikroORM)
    case 'transactional':
      return { via: libraryOf(recv, ctx) ?? 'mikro-orm', label, cb };
    // Pattern: await db.transaction().execute(async (trx) => { … })  (Kysely)
    case 'execute': {
      const r = unwrap(recv);
      if (ts.isCallExpression(r) && memberName(unwrap(r.expression)) === 'transaction' && r.arguments.length === 0) return { via: 'kysely', label: `${text(r).slice(0, 40)}.execute`, cb };
      return undefined;
    }
    // Pattern: await sql.begin(async (sql) => { … })  (postgres.js)
    case 'begin':
      return libraryOf(recv, ctx) === 'postgres' ? { via: 'postgres', label, cb } : undefined;
    // Pattern: dataSource.transaction(async (manager) => …) / sequelize.transaction(async (t) => …) /
    // knex.transaction(async (trx) => …) / db.transaction(async (tx) => …) (Drizzle) / connection.transaction(…) (Mongoose)
    case 'transaction':
      // an unknown receiver counts too: the rule requires a database write inside (facts can't tell it here)
      return { via: libraryOf(recv, ctx) ?? 'orm', label, cb };
    default:
      return undefined;
  }
}

/**
 * Libraries whose transaction reaches the writes in its callback without being handed to them:
 * Sequelize's CLS namespace, MikroORM's forked context, a MongoDB session the writes name themselves.
 */
const PROPAGATES = new Set(['sequelize', 'mikro-orm', 'mongodb']);

/**
 * Pattern: await this.users.manager.transaction(async () => { await this.actors.deleteById(id) }) —
 * a callback that never uses the transaction it is handed: every write inside goes through the
 * injected repositories and commits as it runs, so nothing there waits for a commit.
 */
function bypassed(via: string, cb: FunctionLike, ctx: FileCtx): boolean {
  if (PROPAGATES.has(via) || (via === 'orm' && /['"]sequelize(?:-typescript)?['"]/.test(ctx.text))) return false;
  const p = cb.parameters[0];
  if (!p) return true;
  if (!ts.isIdentifier(p.name) || !cb.body) return false;
  const name = p.name.text;
  let used = false;
  const visit = (n: ts.Node): void => {
    if (used) return;
    if (ts.isIdentifier(n) && n.text === name && n !== p.name) used = true;
    else ts.forEachChild(n, visit);
  };
  visit(cb.body);
  return !used;
}

/** `queryRunner.startTransaction()`, `t = await sequelize.transaction()`, `client.query('BEGIN')`: a start, commit or rollback. */
function boundaryOf(node: ts.CallExpression | ts.TaggedTemplateExpression, ctx: FileCtx): { role: 'start' | 'commit' | 'rollback'; b: Boundary } | undefined {
  const fn = () => ctx.fnIdOf(node);
  if (ts.isTaggedTemplateExpression(node)) {
    // Pattern: await sql`BEGIN` … await sql`COMMIT`
    const t = ts.isNoSubstitutionTemplateLiteral(node.template) ? node.template.text : undefined;
    const role = t === undefined ? undefined : SQL_BEGIN.test(t) ? 'start' : SQL_COMMIT.test(t) ? 'commit' : SQL_ROLLBACK.test(t) ? 'rollback' : undefined;
    return role ? { role, b: { recv: text(node.tag), node, fn: fn(), via: 'sql', label: t!.trim().split(/\s+/)[0].toUpperCase() } } : undefined;
  }
  const callee = unwrap(node.expression);
  if (!ts.isPropertyAccessExpression(callee)) return undefined;
  const m = callee.name.text;
  // the receiver's text is only needed for the few methods that open or close a transaction
  if (!BOUNDARY_METHODS.test(m)) return undefined;
  const recv = text(callee.expression);
  // Pattern: await queryRunner.startTransaction() … commitTransaction()  (TypeORM; MongoDB sessions)
  // Pattern: const trx = await WalletAddress.startTransaction() … await trx.commit()  (Objection: the transaction is returned)
  if (m === 'startTransaction') {
    const v = assignedName(node);
    return { role: 'start', b: { recv: v ?? recv, node, fn: fn(), via: v ? (libraryOf(callee.expression, ctx) ?? 'objection') : 'typeorm', label: `${v ? `${v} = ` : ''}${recv}.startTransaction()` } };
  }
  if (m === 'commitTransaction') return { role: 'commit', b: { recv, node, fn: fn(), via: '', label: '' } };
  if (m === 'rollbackTransaction' || m === 'abortTransaction') return { role: 'rollback', b: { recv, node, fn: fn(), via: '', label: '' } };
  // Pattern: const t = await sequelize.transaction(); … await t.commit()  (Sequelize, Knex unmanaged)
  if (m === 'transaction' && !callbackArg(node)) {
    const v = assignedName(node);
    return v ? { role: 'start', b: { recv: v, node, fn: fn(), via: libraryOf(callee.expression, ctx) ?? 'orm', label: `${v} = ${recv}.transaction()` } } : undefined;
  }
  if ((m === 'commit' || m === 'rollback') && node.arguments.length === 0) return { role: m, b: { recv, node, fn: fn(), via: '', label: '' } };
  // Pattern: await client.query('BEGIN') … await client.query('COMMIT')
  if (SQL_EXEC.test(m)) {
    const a = node.arguments[0] && unwrap(node.arguments[0]);
    const t = a && ts.isStringLiteralLike(a) ? a.text : undefined;
    const role = t === undefined ? undefined : SQL_BEGIN.test(t) ? 'start' : SQL_COMMIT.test(t) ? 'commit' : SQL_ROLLBACK.test(t) ? 'rollback' : undefined;
    return role ? { role, b: { recv, node, fn: fn(), via: 'sql', label: t!.trim().split(/\s+/)[0].toUpperCase() } } : undefined;
  }
  return undefined;
}

/** `t` in `const t = await sequelize.transaction()` / `t = await …`. */
function assignedName(call: ts.Node): string | undefined {
  let c: ts.Node = call;
  while (c.parent && (ts.isAwaitExpression(c.parent) || ts.isParenthesizedExpression(c.parent) || ts.isAsExpression(c.parent))) c = c.parent;
  const p = c.parent;
  if (p && ts.isVariableDeclaration(p) && ts.isIdentifier(p.name)) return p.name.text;
  if (p && ts.isBinaryExpression(p) && p.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isIdentifier(p.left)) return p.left.text;
  return undefined;
}

/** The statement awaiting `call` on its own (`await x;`, `const r = await x;`): where code after it runs. */
function exitAfter(call: ts.Node, ctx: FileCtx): TxFact['exit'] {
  let c: ts.Node = call;
  while (c.parent && (ts.isAwaitExpression(c.parent) || ts.isParenthesizedExpression(c.parent) || ts.isAsExpression(c.parent) || ts.isNonNullExpression(c.parent))) c = c.parent;
  // a transaction that is not awaited may still be running after its statement
  if (c === call && call.parent && !ts.isAwaitExpression(call.parent)) return undefined;
  let st: ts.Node | undefined = c.parent;
  if (st && ts.isVariableDeclaration(st)) st = st.parent?.parent;
  if (!st || !(ts.isExpressionStatement(st) || ts.isVariableStatement(st)) || !st.parent || !(ts.isBlock(st.parent) || ts.isSourceFile(st.parent) || ts.isCaseClause(st.parent) || ts.isDefaultClause(st.parent))) return undefined;
  return { at: st.end, indent: indentAt(ctx.text, st.getStart(ctx.sf)) };
}

export function transactionVisitors(ctx: FileCtx): VisitorMap {
  const s = stateOf(ctx);
  const visit = (node: ts.Node) => {
    const call = node as ts.CallExpression | ts.TaggedTemplateExpression;
    if (ts.isCallExpression(call)) {
      const tx = callbackTx(call, ctx);
      if (tx && bypassed(tx.via, tx.cb, ctx)) return;
      if (tx) {
        s.callbacks.set(tx.cb, txsOf(ctx).length);
        s.nodes.push(tx.cb);
        s.ends.push(undefined);
        const exit = exitAfter(call, ctx);
        txsOf(ctx).push({ via: tx.via, label: tx.label, span: { start: tx.cb.getStart(ctx.sf), end: tx.cb.end }, fn: ctx.fnIdOf(tx.cb.body ?? tx.cb), outerFn: ctx.fnIdOf(call), ...(exit ? { exit } : {}) });
        return;
      }
      // Pattern: Object.assign(user, dto) changes what a key built from `user` says
      const callee = unwrap(call.expression);
      if (ts.isPropertyAccessExpression(callee) && callee.name.text === 'assign' && call.arguments[0]) recordAssignment(s.move, call.arguments[0], call.arguments[0].end);
    }
    const b = boundaryOf(call, ctx);
    if (b) (b.role === 'start' ? s.starts : b.role === 'commit' ? s.commits : s.rollbacks).push(b.b);
  };
  const assign = (node: ts.Node) => {
    const b = node as ts.BinaryExpression;
    const k = b.operatorToken.kind;
    // the end of the target stands for the assignment (getStart would skip trivia on every one)
    if (isAssignmentOperator(k)) recordAssignment(s.move, b.left, b.left.end);
  };
  const unary = (node: ts.Node) => {
    const u = node as ts.PrefixUnaryExpression | ts.PostfixUnaryExpression;
    if (u.operator === ts.SyntaxKind.PlusPlusToken || u.operator === ts.SyntaxKind.MinusMinusToken) recordAssignment(s.move, u.operand, u.end);
  };
  // Pattern: @AfterCreate static async evict(m: GroupUser) { … }
  const method = (node: ts.Node) => {
    const m = node as ts.MethodDeclaration;
    if (!m.body) return;
    let hook: { via: string; label: string } | undefined;
    for (const d of decoratorsOf(m)) {
      const imp = ctx.facts.imports.find((i) => i.local === d.name);
      const known = imp && HOOK_DECORATORS[imp.module];
      if (known && known.names.test(imp.name)) hook = { via: known.via, label: `@${d.name}` };
    }
    if (!hook) return;
    s.callbacks.set(m, txsOf(ctx).length);
    s.nodes.push(m);
    s.ends.push(undefined);
    txsOf(ctx).push({ via: hook.via, label: hook.label, span: { start: m.getStart(ctx.sf), end: m.end }, fn: ctx.fnIdOf(m.body), outerFn: ctx.fnIdOf(m.body), hook: hook.label });
  };
  return {
    [ts.SyntaxKind.MethodDeclaration]: [method],
    [ts.SyntaxKind.CallExpression]: [visit],
    [ts.SyntaxKind.TaggedTemplateExpression]: [visit],
    [ts.SyntaxKind.BinaryExpression]: [assign],
    [ts.SyntaxKind.PrefixUnaryExpression]: [unary],
    [ts.SyntaxKind.PostfixUnaryExpression]: [unary],
  };
}

/** Post-walk: pair explicit starts with their commits, then place each recorded call in its transaction. */
export function finishTransactions(ctx: FileCtx): void {
  const s = stateOf(ctx);
  const txs = txsOf(ctx);
  const { calls } = ctx.facts;
  for (const start of s.starts) {
    const pos = start.node.end;
    const commit = s.commits.find((c) => c.fn === start.fn && c.recv === start.recv && c.node.getStart(ctx.sf) >= pos);
    if (!commit) continue;
    s.nodes.push(start.node);
    s.ends.push(commit.node);
    const exit = exitAfter(commit.node, ctx);
    txs.push({ via: start.via, label: start.label, span: { start: start.node.getStart(ctx.sf), end: commit.node.getStart(ctx.sf) }, outerFn: start.fn, ...(exit ? { exit } : {}) });
  }
  if (txs.length === 0) return;
  for (let i = 0; i < calls.length; i++) {
    const node = ctx.callNodes[i];
    const t = txOf(node, s, ctx);
    if (t === undefined) continue;
    calls[i].tx = t;
    const exit = txs[t].exit;
    const to = exit && moveTarget(node, exit.at, s.move, ctx);
    if (to) calls[i].txExit = { at: to, indent: exit.indent };
  }
}

/**
 * The innermost transaction `node` runs in: up through the callbacks that run inline, to a
 * transaction's callback, or between a start and its commit in one of those functions. A callback
 * that runs after the commit (`t.afterCommit(() => …)`) or later (`setTimeout`) ends the climb.
 */
function txOf(node: ts.Node, s: TxState, ctx: FileCtx): number | undefined {
  const pos = node.getStart(ctx.sf);
  const chain: number[] = [ctx.fnIdOf(node)];
  let inCallback: number | undefined;
  for (let f: FunctionLike | undefined = enclosingFunction(node); f; f = enclosingFunction(f)) {
    const t = s.callbacks.get(f);
    if (t !== undefined) {
      inCallback = t;
      break;
    }
    if (runsAfterCommit(f) || !isCallbackArg(f)) break;
    chain.push(ctx.fnIdOf(f));
  }
  // an explicit transaction around the call, inside the same stretch of inline code, and innermost
  let best: number | undefined;
  for (let t = 0; t < txsOf(ctx).length; t++) {
    const tx = txsOf(ctx)[t];
    if (tx.fn !== undefined || !chain.includes(tx.outerFn) || pos < tx.span.start || pos >= tx.span.end) continue;
    if (rolledBackBefore(s, t, node, pos)) continue;
    if (best === undefined || tx.span.start > txsOf(ctx)[best].span.start) best = t;
  }
  if (best !== undefined && (inCallback === undefined || txsOf(ctx)[best].span.start > txsOf(ctx)[inCallback].span.start)) return best;
  return inCallback;
}

function runsAfterCommit(f: FunctionLike): boolean {
  const p = f.parent;
  if (!p || !ts.isCallExpression(p)) return false;
  const callee = unwrap(p.expression);
  const name = ts.isIdentifier(callee) ? callee.text : memberName(callee);
  return !!name && AFTER_COMMIT.test(name);
}

/** `if (bad) { await qr.rollbackTransaction(); await cache.del(k); return; }`: that delete runs after the rollback. */
function rolledBackBefore(s: TxState, t: number, node: ts.Node, pos: number): boolean {
  const start = s.nodes[t];
  for (const r of s.rollbacks) {
    const rp = r.node.getStart();
    if (rp >= pos || rp < start.end) continue;
    const recv = s.starts.find((b) => b.node === start)?.recv;
    if (r.recv !== recv) continue;
    // the rollback's block holds the call
    let block: ts.Node | undefined = r.node.parent;
    while (block && !ts.isBlock(block) && !isFunctionLike(block)) block = block.parent;
    if (block && ts.isBlock(block) && block.pos <= node.pos && node.end <= block.end) return true;
  }
  return false;
}

/** For facts/flow/later-writes.ts: the commit that ends the explicit transaction a node lies in, if any. */
export function commitAround(ctx: FileCtx, node: ts.Node): ts.Node | undefined {
  const s = states.get(ctx);
  if (!s) return undefined;
  const pos = node.getStart(ctx.sf);
  for (let t = 0; t < txsOf(ctx).length; t++) {
    const end = s.ends[t];
    const tx = txsOf(ctx)[t];
    if (end && pos >= tx.span.start && pos < tx.span.end) return end;
  }
  return undefined;
}

export function moveStateOf(ctx: FileCtx): MoveState {
  return stateOf(ctx).move;
}

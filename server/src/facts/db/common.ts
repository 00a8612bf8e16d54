// Shared pieces of the database recognisers (db-calls.ts and the files it delegates to): the
// call-chain model, what a recogniser returns, and the cheap syntactic lookups (imports,
// declarations, class members, names) every ORM branch decides with. No type checker.
import { ts } from 'ts-morph';
import type { FileCtx } from '../context';
import { isProjectModuleIn, type ResolvedConfig } from '../../config';
import { declarationOf, decoratorsOf, enclosingClass, isFunctionLike, memberName, propertyNameText, type Decl } from '../../syntax/scope';
import type { Aggregate, DbWriteKind } from '../types';
import { treeMemo } from '../../syntax/tree-memo';

/** What a recogniser found on a chain. `entity` is raw (`Product`, `order_items`); record() normalises. */
export interface Hit {
  kind: DbWriteKind | 'read';
  entity?: string;
  via: string;
  label: string;
  /** Sequelize `findOrCreate`: a write that is also a read */
  alsoRead?: boolean;
  /**
   * Raw SQL: the names a SELECT list reads (columns, and whatever else it names but aliases), or the
   * columns an UPDATE sets; absent when the statement reads `*` or builds the list at run time.
   */
  columns?: string[];
  /**
   * a read whose result is an aggregate of rows: `ranked`, a measure's first few (facts/db/ranked-reads.ts);
   * `count`, a number of rows (facts/db/counted-reads.ts)
   */
  aggregate?: Aggregate;
  /** the fields its filter pins to one literal (facts/db/filter-fields.ts pinnedFields) */
  pins?: Record<string, string>;
  /** the fields its filter compares with a run-time value (facts/db/filter-fields.ts boundFields) */
  by?: string[];
  /** the relations it includes, as written (facts/db/prisma-columns.ts prismaIncludes) */
  includes?: string[];
}

/** One call of a chain: `update` in `knex('t').where(q).update(v)`. */
export interface Link {
  node: ts.CallExpression | ts.TaggedTemplateExpression;
  /** the method name (`update`), or the callee identifier of a root call (`knex` in `knex('t')`) */
  name?: string;
  /** the receiver (`knex('t').where(q)`); undefined for a root call on a bare identifier */
  recv?: ts.Expression;
  args: readonly ts.Expression[];
}

export interface DbEnv {
  ctx: FileCtx;
  /** recognises the call chain `e` (memoised); used to trace where a value came from */
  recognise(e: ts.Expression): Hit | undefined;
}

const skipNN = (e: ts.Expression): ts.Expression => {
  while (ts.isNonNullExpression(e) || ts.isParenthesizedExpression(e)) e = e.expression;
  return e;
};

/** Strips `!` and parentheses (not `await`: an await ends a chain). */
export function bare(e: ts.Expression): ts.Expression {
  return skipNN(e);
}

/** The calls of the chain ending in `top`, root first. Property hops between calls are skipped. */
export function chainLinks(top: ts.Expression): Link[] {
  const links: Link[] = [];
  let e: ts.Expression = top;
  for (;;) {
    e = skipNN(e);
    if (ts.isPropertyAccessExpression(e) || ts.isElementAccessExpression(e)) e = e.expression;
    else if (ts.isCallExpression(e) || ts.isTaggedTemplateExpression(e)) {
      const callee = skipNN(ts.isCallExpression(e) ? e.expression : e.tag);
      const access = ts.isPropertyAccessExpression(callee) || ts.isElementAccessExpression(callee);
      links.push({
        node: e,
        name: access ? memberName(callee) : ts.isIdentifier(callee) ? callee.text : undefined,
        recv: access ? callee.expression : undefined,
        args: ts.isCallExpression(e) ? e.arguments : [],
      });
      if (!access) break;
      e = callee.expression;
    } else break;
  }
  return links.reverse();
}

/**
 * True when `node` is a link inside a longer chain (`knex('t')` in `knex('t').update(v)`): only
 * the outermost call of a chain is recognised, so a chain yields one fact, not one per link.
 */
export function isInnerLink(node: ts.Node): boolean {
  let c: ts.Node = node;
  let p = node.parent;
  let viaAccess = false;
  while (p) {
    if (ts.isNonNullExpression(p) || ts.isParenthesizedExpression(p)) c = p;
    else if ((ts.isPropertyAccessExpression(p) || ts.isElementAccessExpression(p)) && p.expression === c) {
      viaAccess = true;
      c = p;
    } else break;
    p = p.parent;
  }
  if (!viaAccess || !p) return false;
  return (ts.isCallExpression(p) && p.expression === c) || (ts.isTaggedTemplateExpression(p) && p.tag === c);
}

/** scope.ts `declarationOf` (each block's declarations are indexed once there). */
export function declOf(id: ts.Identifier, ctx: FileCtx): Decl | undefined {
  return declarationOf(id, ctx.facts.imports);
}

/** What the file can tell about a receiver expression without a type checker. */
export interface Info {
  /** the last name segment: `productRepository` in `this.productRepository` */
  name?: string;
  type?: ts.TypeNode;
  decorators: { name: string; args: readonly ts.Expression[] }[];
  init?: ts.Expression;
  importModule?: string;
  cls?: ts.ClassDeclaration;
  param?: boolean;
  /** the call this value is a callback parameter of: `$transaction` in `prisma.$transaction(async (tx) => …)` */
  cbOf?: { name?: string; recv?: ts.Expression };
}

/** Info of each identifier's declaration, for this extraction: the DB recognisers ask about the same receivers many times. */
const declInfo = treeMemo<FileCtx, Map<ts.Node, Info>>();

export function infoOf(e0: ts.Expression, ctx: FileCtx): Info {
  const e = skipNN(e0);
  if (ts.isIdentifier(e)) {
    const d = declOf(e, ctx);
    if (!d) return { name: e.text, decorators: [] };
    // keyed by the declaration where it names this identifier alone (a destructuring binds several)
    const node = d.t === 'var' || d.t === 'param' || d.t === 'class' ? d.node : e;
    let memo = declInfo.get(ctx);
    if (!memo) declInfo.set(ctx, (memo = new Map()));
    let info = memo.get(node);
    if (!info) memo.set(node, (info = declaredInfo(e.text, d)));
    return info;
  }
  const name = memberName(e);
  if (name !== undefined && (ts.isPropertyAccessExpression(e) || ts.isElementAccessExpression(e)) && e.expression.kind === ts.SyntaxKind.ThisKeyword) {
    const cls = enclosingClass(e);
    const m = cls && classMember(cls, name);
    if (m) return m;
  }
  return { name, decorators: [] };
}

function declaredInfo(name: string, d: Decl): Info {
  if (d.t === 'var') return { name, decorators: [], type: d.node.type, init: d.node.initializer };
  if (d.t === 'import') return { name, decorators: [], importModule: d.imp.module };
  if (d.t === 'class') return { name, decorators: [], cls: d.node };
  if (d.t === 'param') {
    const fn = d.fn;
    let cbOf: Info['cbOf'];
    if (isFunctionLike(fn) && fn.parent && ts.isCallExpression(fn.parent) && fn.parent.arguments.includes(fn as ts.Expression)) {
      const callee = skipNN(fn.parent.expression);
      cbOf = ts.isIdentifier(callee) ? { name: callee.text } : { name: memberName(callee), recv: ts.isPropertyAccessExpression(callee) ? callee.expression : undefined };
    }
    return { name, type: d.node.type, decorators: decoratorsOf(d.node), param: true, cbOf };
  }
  return { name, decorators: [] };
}

/** A property or constructor parameter property named `name`, with its type, decorators and initialiser. */
export function classMember(cls: ts.ClassLikeDeclaration, name: string): Info | undefined {
  let byName = memberInfo.get(cls);
  if (!byName) memberInfo.set(cls, (byName = new Map()));
  let info = byName.get(name);
  if (info === undefined) byName.set(name, (info = findMember(cls, name) ?? null));
  return info ?? undefined;
}

// every `this.repo.…` chain of a class asks about the same few members
const memberInfo = treeMemo<ts.ClassLikeDeclaration, Map<string, Info | null>>();

function findMember(cls: ts.ClassLikeDeclaration, name: string): Info | undefined {
  for (const m of cls.members) {
    if (ts.isPropertyDeclaration(m) && propertyNameText(m.name) === name) return { name, type: m.type, decorators: decoratorsOf(m), init: m.initializer };
    if (ts.isConstructorDeclaration(m))
      for (const p of m.parameters)
        if (ts.isIdentifier(p.name) && p.name.text === name && ts.getModifiers(p)?.length) return { name, type: p.type, decorators: decoratorsOf(p) };
  }
  return undefined;
}

/** The module an identifier is imported from, if it is an import binding. */
export function moduleOf(e: ts.Expression, ctx: FileCtx): string | undefined {
  const b = skipNN(e);
  if (!ts.isIdentifier(b)) return undefined;
  const d = declOf(b, ctx);
  return d?.t === 'import' ? d.imp.module : undefined;
}

/** The module a local name (a decorator, a type) is imported from, by the import table only. */
export function importedFrom(local: string, ctx: FileCtx): string | undefined {
  for (let i = ctx.facts.imports.length - 1; i >= 0; i--) if (ctx.facts.imports[i].local === local) return ctx.facts.imports[i].module;
  return undefined;
}

export function fileImports(ctx: FileCtx, re: RegExp): boolean {
  return ctx.facts.imports.some((i) => re.test(i.module));
}

/**
 * A module of this project rather than a package: relative paths and the usual path aliases, and
 * with `config` also what the project's tsconfig `paths` and workspace packages name (`@acme/cache`).
 */
export function isProjectModule(m: string | undefined, config?: Pick<ResolvedConfig, 'projectModules'>): boolean {
  if (m === undefined) return false;
  return /^(\.|\/|~|#|@\/|src\/|app\/|lib\/|server\/)/.test(m) || (!!config && isProjectModuleIn(config, m));
}

// Receiver names that say what a thing is, not which entity it holds.
const GENERIC = new Set(
  'db database client conn connection pool collection coll model models repo repository manager em entitymanager prisma knex tx trx sql store datasource orm qb doc docs document entity record row rows item items data result instance obj this'.split(' '),
);

/** An entity name from a receiver/variable name, unless the name is generic (`db`, `repo`…). */
export function entityFromName(name: string | undefined): string | undefined {
  if (!name) return undefined;
  const n = name.replace(/^[#_$]+/, '');
  return n && !GENERIC.has(n.toLowerCase()) ? n : undefined;
}

/** An entity named by an argument: `Product`, `Product.name`, `'products'`, `schema.products`. */
export function entityOfExpr(e: ts.Expression | undefined): string | undefined {
  if (!e) return undefined;
  const b = skipNN(e);
  if (ts.isIdentifier(b)) return b.text;
  if (ts.isStringLiteralLike(b)) return tableName(b.text);
  if (ts.isPropertyAccessExpression(b)) return b.name.text === 'name' ? entityOfExpr(b.expression) : b.name.text;
  return undefined;
}

/** `public.products as p` → `products`; `"Order"` → `Order`. */
export function tableName(s: string): string | undefined {
  const first = s.trim().split(/\s+/)[0] ?? '';
  const last = first.split('.').pop() ?? '';
  const t = last.replace(/^["`[]|["`\]]$/g, '');
  return /^[A-Za-z_][\w$-]*$/.test(t) ? t : undefined;
}

/** The last name of a receiver: `users` in `this.db.users`, `repo` in `repo`. */
export function lastName(e: ts.Expression | undefined): string | undefined {
  if (!e) return undefined;
  const b = skipNN(e);
  if (ts.isIdentifier(b)) return b.text;
  return memberName(b);
}

export function stringArg(e: ts.Expression | undefined): string | undefined {
  if (!e) return undefined;
  const b = skipNN(e);
  return ts.isStringLiteralLike(b) ? b.text : undefined;
}

/** Source text on one line, capped: labels go into messages. */
export function squash(s: string, max = 80): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

export function calleeText(l: Link): string {
  const n = l.node;
  return squash(ts.isCallExpression(n) ? n.expression.getText() : n.tag.getText()).replace(/\s*\.\s*/g, '.');
}

/** A lookup table without a prototype: `table['constructor']` must not find Object's. */
export function dict<T>(o: Record<string, T>): Record<string, T> {
  return Object.assign(Object.create(null) as Record<string, T>, o);
}

export function isCapitalised(s: string | undefined): boolean {
  return !!s && /^[A-Z]/.test(s);
}

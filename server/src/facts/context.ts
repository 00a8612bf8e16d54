// The state one file's walk shares between the fact collectors.
import { ts } from 'ts-morph';
import type { ResolvedConfig } from '../config';
import { isFunctionLike, type FunctionLike } from '../syntax/scope';
import type { ClientRef, FileFacts, FnFact, ImportFact } from './types';
import { constNumber } from '../syntax/local-values';
import type { DecoratorState } from './cache/decorators';

export interface FileCtx {
  file: string;
  text: string;
  sf: ts.SourceFile;
  config: ResolvedConfig;
  /** the facts being built; collectors push into its arrays */
  facts: FileFacts;
  /** the id of the function enclosing `node` (0: module top level); registers it on first use */
  fnIdOf(node: ts.Node): number;
  /** compiler nodes of facts.calls / facts.dbWrites by index, for post-walk passes (never stored) */
  callNodes: ts.CallExpression[];
  /** the id (index into callNodes and facts.calls) of each recorded call node */
  callIds: Map<ts.Node, number>;
  dbWriteNodes: ts.Node[];
  /** the calls recognised as database reads or writes (`this.users.update(…)`): no project function by that name */
  dbCallNodes: Set<ts.Node>;
  /**
   * What client each declaration (and each `this.member` per class) denotes, memoised for this
   * extraction only: an incrementally reparsed tree reuses unchanged nodes, whose answer may
   * still change with an edit elsewhere (an import line).
   */
  clientMemo: { decls: Map<ts.Node, ClientRef | null>; members: Map<ts.Node, Map<string, ClientRef | null>> };
  /** the database recogniser of this walk (facts/db/db-calls.ts), for value sources; memoised per chain */
  db?: { recognise(e: ts.Expression): unknown };
  /** the cache decorators this file defines, for the clients their wrappers use (facts/cache/decorators.ts) */
  decorators?: DecoratorState;
  /**
   * Methods that call a cache verb of the instance itself (`this.set(v)`): wrappers only if their
   * class keys its entries by its constructor (cache-calls.ts `finishCacheCalls` decides)
   */
  selfWrappers?: { className: string; method: string; callId: number }[];
  /** the file is a module of the cache, by its name or folder (cache-calls.ts), once asked */
  cacheModule?: boolean;
  /** the file's top-level classes and type aliases by name (built on first use: type lookups are per parameter) */
  topTypes(): Map<string, ts.ClassDeclaration | ts.TypeAliasDeclaration | ts.InterfaceDeclaration>;
}

export function createFileCtx(file: string, text: string, sf: ts.SourceFile, config: ResolvedConfig, facts: FileFacts): FileCtx {
  const ids = new Map<FunctionLike, number>();
  // a plain climb: a few parents to the nearest function, cheaper than remembering each node's answer
  const enclosing = (node: ts.Node): FunctionLike | undefined => {
    for (let p = node.parent; p; p = p.parent) if (isFunctionLike(p)) return p;
    return undefined;
  };
  let topTypes: Map<string, ts.ClassDeclaration | ts.TypeAliasDeclaration | ts.InterfaceDeclaration> | undefined;
  const ctx: FileCtx = {
    topTypes() {
      if (topTypes) return topTypes;
      topTypes = new Map();
      for (const s of sf.statements)
        if ((ts.isClassDeclaration(s) || ts.isTypeAliasDeclaration(s) || ts.isInterfaceDeclaration(s)) && s.name && !topTypes.has(s.name.text)) topTypes.set(s.name.text, s);
      return topTypes;
    },
    file,
    text,
    sf,
    config,
    facts,
    callNodes: [],
    callIds: new Map(),
    dbWriteNodes: [],
    dbCallNodes: new Set(),
    clientMemo: { decls: new Map(), members: new Map() },
    fnIdOf(node) {
      const fn = enclosing(node);
      if (!fn) return 0;
      let id = ids.get(fn);
      if (id === undefined) {
        id = ids.size + 1;
        ids.set(fn, id);
        facts.fns.push(fnFact(id, fn, facts.imports));
      }
      return id;
    },
  };
  return ctx;
}

/** The names `const { a, b } = param` binds at the top of a function's body. */
function bodyBindings(fn: FunctionLike, param: string): string[] | undefined {
  if (!fn.body || !ts.isBlock(fn.body)) return undefined;
  for (const st of fn.body.statements.slice(0, 4)) {
    if (!ts.isVariableStatement(st)) continue;
    for (const d of st.declarationList.declarations)
      if (ts.isObjectBindingPattern(d.name) && d.initializer && ts.isIdentifier(d.initializer) && d.initializer.text === param)
        return d.name.elements.flatMap((el) => (ts.isIdentifier(el.name) && !el.dotDotDotToken && !el.propertyName ? [el.name.text] : []));
  }
  return undefined;
}

/**
 * Code runs the function only by naming it: a top-level function or const, a CommonJS export, a
 * class method or field with no decorator. Not a callback, an object member or a decorated handler
 * (a framework calls those), nor a constructor or accessor.
 */
function reachedByName(fn: FunctionLike): boolean {
  const p = fn.parent;
  if (ts.isFunctionDeclaration(fn)) return ts.isSourceFile(p);
  if (ts.isMethodDeclaration(fn)) return ts.isClassLike(p) && !ts.getDecorators(fn)?.length;
  if (!ts.isArrowFunction(fn) && !ts.isFunctionExpression(fn)) return false;
  if (ts.isPropertyDeclaration(p)) return ts.isClassLike(p.parent) && !ts.getDecorators(p)?.length;
  if (ts.isVariableDeclaration(p)) return ts.isVariableDeclarationList(p.parent) && ts.isVariableStatement(p.parent.parent) && ts.isSourceFile(p.parent.parent.parent);
  return ts.isBinaryExpression(p) && ts.isExpressionStatement(p.parent) && ts.isSourceFile(p.parent.parent);
}

function fnFact(id: number, fn: FunctionLike, imports: readonly ImportFact[]): FnFact {
  let name: string | undefined;
  if (fn.name && (ts.isIdentifier(fn.name) || ts.isStringLiteral(fn.name) || ts.isPrivateIdentifier(fn.name))) name = fn.name.text;
  else if (ts.isConstructorDeclaration(fn)) name = 'constructor';
  else if (fn.parent && (ts.isVariableDeclaration(fn.parent) || ts.isPropertyAssignment(fn.parent) || ts.isPropertyDeclaration(fn.parent)) && ts.isIdentifier(fn.parent.name))
    name = fn.parent.name.text;
  // Pattern: exports.get = async function (key) { … } / module.exports.set = (k, v) => …
  else if (fn.parent && ts.isBinaryExpression(fn.parent) && fn.parent.right === fn && ts.isPropertyAccessExpression(fn.parent.left) && /^(module\.)?exports$/.test(fn.parent.left.expression.getText()))
    name = fn.parent.left.name.text;
  let className: string | undefined;
  const viaName = name !== undefined && reachedByName(fn);
  for (let p: ts.Node | undefined = fn.parent; p && !ts.isSourceFile(p); p = p.parent)
    if (ts.isClassDeclaration(p) || ts.isClassExpression(p)) {
      className = p.name?.text;
      break;
    }
  return {
    id,
    span: { start: fn.getStart(), end: fn.end },
    name,
    ...(viaName ? { byName: true as const } : {}),
    className,
    params: fn.parameters.map((p) => {
      const param: FnFact['params'][number] = {
        name: ts.isIdentifier(p.name) ? p.name.text : '',
        optional: !!p.questionToken || !!p.initializer || !!p.dotDotDotToken,
        hasDefault: !!p.initializer,
      };
      // Pattern: invalidate(slugs, domain = 'example.com') — a default that may end up in a key
      if (p.initializer && ts.isStringLiteralLike(p.initializer)) param.defaultLit = p.initializer.text;
      // Pattern: wrap(key, fn, seconds = REDIS_DEFAULT_EXPIRY) — the TTL a call leaving it out gets
      const num = p.initializer && !ts.isStringLiteralLike(p.initializer) ? constNumber(p.initializer, imports) : undefined;
      if (num !== undefined) param.defaultNum = num;
      // Pattern: put({ id, value }: Entry) — the names a destructured parameter binds
      if (ts.isObjectBindingPattern(p.name))
        param.bindings = p.name.elements.flatMap((el) => (ts.isIdentifier(el.name) ? [el.name.text] : []));
      // Pattern: wrapCache(options) { const { key, fn, ttl } = options; … } — destructured in the body
      else if (ts.isIdentifier(p.name)) {
        const bound = bodyBindings(fn, p.name.text);
        if (bound) param.bindings = bound;
      }
      return param;
    }),
    calls: [],
  };
}

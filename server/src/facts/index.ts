// Extracts one file's facts in a single walk: every collector registers the node kinds it wants,
// the walk dispatches, and post-walk passes relate what was collected (which DB writes precede
// which cache call). The result is plain data (facts/types.ts).
import { finishReturns, returnVisitors, type ReturnState } from './flow/return-holds';
import { ts } from 'ts-morph';
import type { ResolvedConfig } from '../config';
import { parse, parseDiagnostics, reparse, walk, type Visitor, type VisitorMap } from '../syntax/walk';
import { registerExtractor } from '../syntax/extractor';
import { forgetTrees } from '../syntax/tree-memo';
import { emptyFacts } from './empty';
import { bindingVisitors, collectTopLevelImports } from './bindings';
import { cacheCallVisitors, finishCacheCalls } from './cache/cache-calls';
import { globalClientVisitors } from './cache/global-clients';
import { createFileCtx, type FileCtx } from './context';
import { dbVisitors } from './db/db-calls';
import { eventVisitors } from './flow/events';
import { recordOrigins } from './flow/payload-origins';
import { recordReadUses } from './flow/read-uses';
import { recordGuardReads } from './flow/guard-reads';
import { recordCheckedReads } from './flow/checked-reads';
import { finishTransactions, transactionVisitors } from './flow/transactions';
import { isMidwayConfigFile, midwayCacheTtl } from './cache/midway-config';
import { createHookState, hookVisitors } from './db/hooks';
import { finishHooks } from './db/hook-calls';
import { createDecoratorState, decoratorVisitors, finishDecoratorDefs } from './cache/decorators';
import { createUseState, decoratorUseVisitors, finishDecoratorUses } from './cache/decorator-uses';
import { collectSuppressions } from './suppressions';
import type { FileFacts } from './types';

export { emptyFacts };

/** The node kinds each collector's visitor map holds, in order (the same for every file). */
let kindsOf: number[][] | undefined;

/**
 * The collectors' visitors by node kind, as one dense array indexed by kind: the walk looks a kind
 * up for every node, and an object keyed by a few scattered kinds is a dictionary to V8. Which
 * kinds each collector visits is read once, not enumerated again for every file.
 */
function merge(...maps: VisitorMap[]): VisitorMap {
  kindsOf ??= maps.map((m) => Object.keys(m).map(Number));
  const out: (Visitor[] | undefined)[] = new Array<Visitor[] | undefined>(ts.SyntaxKind.Count).fill(undefined);
  for (let i = 0; i < maps.length; i++) {
    const m = maps[i] as (Visitor[] | undefined)[];
    for (const kind of kindsOf[i]) {
      const vs = m[kind]!;
      const o = out[kind];
      if (o) for (const v of vs) o.push(v);
      else out[kind] = vs.slice();
    }
  }
  return out as VisitorMap;
}

registerExtractor(extractFacts, keepTree);

/** How many trees `keepTree` keeps: the documents being edited, not the workspace. */
const TREES_KEPT = 8;
/** The last tree of each file extracted with `keepTree`, most recently used last. */
const trees = new Map<string, ts.SourceFile>();

/**
 * The file's tree. With `keepTree` (the editor, re-extracting a file it has seen) the last tree of
 * the file is updated incrementally instead of parsing the whole text again, and kept for the next edit.
 */
function treeOf(file: string, text: string, keepTree: boolean): ts.SourceFile {
  if (!keepTree) return parse(file, text);
  const previous = trees.get(file);
  trees.delete(file);
  let sf: ts.SourceFile | undefined = previous?.text === text ? previous : undefined;
  if (previous && !sf) {
    try {
      sf = reparse(previous, text);
      // with syntax errors, the incremental parser may report fewer of them than a fresh parse
      // (it resumes from the old tree's state): which errors show must not depend on the edits
      // made before, so a broken text is parsed from scratch (a few milliseconds, while it is broken)
      if ((sf as unknown as { parseDiagnostics?: unknown[] }).parseDiagnostics?.length) sf = undefined;
    } catch {
      // the incremental parser asserts on trees it cannot update: parse from scratch
      sf = undefined;
    }
  }
  sf ??= parse(file, text);
  trees.set(file, sf);
  if (trees.size > TREES_KEPT) trees.delete(trees.keys().next().value!);
  return sf;
}

/**
 * Parses a file that was opened in the editor and keeps its tree, so that its first keystroke is
 * an incremental reparse too (its facts came from the workspace index, which keeps no trees).
 */
export function keepTree(file: string, text: string): void {
  if (trees.get(file)?.text !== text) treeOf(file, text, true);
}

/** Whether the tree of exactly this text of the file is kept (tests). */
export function hasKeptTree(file: string, text: string): boolean {
  return trees.get(file)?.text === text;
}

export function extractFacts(file: string, text: string, config: ResolvedConfig, opts: { keepTree?: boolean } = {}): FileFacts {
  forgetTrees();
  const facts = emptyFacts(file);
  const sf = treeOf(file, text, !!opts.keepTree);
  facts.parseErrors = parseDiagnostics(sf);
  facts.suppressions = collectSuppressions(text);
  if (facts.parseErrors.length > 0) return facts;
  const ctx: FileCtx = createFileCtx(file, text, sf, config, facts);
  collectTopLevelImports(ctx);
  const hooks = createHookState();
  const decorators = createDecoratorState();
  const uses = createUseState();
  const returns: ReturnState = new Map();
  walk(
    sf,
    merge(
      bindingVisitors(ctx),
      dbVisitors(ctx),
      cacheCallVisitors(ctx),
      eventVisitors(ctx),
      hookVisitors(ctx, hooks),
      decoratorVisitors(ctx, decorators),
      decoratorUseVisitors(ctx, uses),
      transactionVisitors(ctx),
      globalClientVisitors(ctx),
      returnVisitors(ctx, returns),
    ),
  );
  finishReturns(ctx, returns);
  finishTransactions(ctx);
  finishCacheCalls(ctx);
  finishHooks(ctx, hooks);
  finishDecoratorDefs(ctx, decorators);
  // last: these add call facts that have no call node of their own
  finishDecoratorUses(ctx, uses);
  if (isMidwayConfigFile(file)) {
    const ttl = midwayCacheTtl(sf);
    if (ttl) facts.midwayCacheTtl = ttl;
  }
  // after the decorator uses: their call facts have no call node, and no payload comes from them
  recordOrigins(ctx);
  recordReadUses(ctx);
  recordGuardReads(ctx);
  recordCheckedReads(ctx);
  return facts;
}

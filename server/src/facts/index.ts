// Extracts one file's facts in a single walk: every collector registers the node kinds it wants,
// the walk dispatches, and post-walk passes relate what was collected (which DB writes precede
// which cache call). The result is plain data (facts/types.ts).
// a local alias: every `ts.` access is then a plain variable, not the bundle's re-export getter
import { ts as tsMorphTs } from 'ts-morph';
import ts = tsMorphTs;
import type { ResolvedConfig } from '../config';
import { parse, parseDiagnostics, walk, type VisitorMap } from '../engine/walk';
import { hashText } from '../engine/hash';
import { registerExtractor } from '../engine/extractor';
import { emptyFacts } from './empty';
import { bindingVisitors, collectTopLevelImports } from './bindings';
import { cacheCallVisitors, finishCacheCalls } from './cache-clients';
import { createFileCtx, type FileCtx } from './context';
import { dbVisitors } from './db-writes';
import { collectSuppressions } from './suppressions';
import type { FileFacts } from './types';

export { emptyFacts };

function merge(...maps: VisitorMap[]): VisitorMap {
  const out: VisitorMap = {};
  for (const m of maps)
    for (const k of Object.keys(m) as unknown as ts.SyntaxKind[]) (out[k] ??= []).push(...m[k]!);
  return out;
}

registerExtractor((file, text, config) => extractFacts(file, text, config));

export function extractFacts(file: string, text: string, config: ResolvedConfig): FileFacts {
  const facts = emptyFacts(file, hashText(text));
  const sf = parse(file, text);
  facts.parseErrors = parseDiagnostics(sf);
  facts.suppressions = collectSuppressions(text);
  if (facts.parseErrors.length > 0) return facts;
  const ctx: FileCtx = createFileCtx(file, text, sf, config, facts);
  collectTopLevelImports(ctx);
  walk(sf, merge(bindingVisitors(ctx), dbVisitors(ctx), cacheCallVisitors(ctx)));
  finishCacheCalls(ctx);
  return facts;
}

// negative-cache-on-create: a read path caches "not found", and creating that entity never clears it.
// Docs: docs/rules/negative-cache-on-create.md
import { driftBetween, shapesMatch } from '../facts/key-shape';
import type { DbWrite } from '../facts/types';
import type { CacheOp, Fix, LinkedFile, ProjectIndex, Rule } from '../rule';
import { lineOf, shortPath } from './util';

/** Calls that plausibly clear cache entries (`invalidateUser`, `evict`, `cache.reset`, `bustProductCache`…). */
const CLEARING_CALL = /invalidat|evict|purge|bust|clear|flush|uncache|forget|refresh|reset|^del$|^delete$|^unlink$|remove.*cache|cache.*(del|remove)/i;

interface Sentinel {
  op: CacheOp;
  shape: string;
  entities: Set<string>;
}

function sentinelWrites(project: ProjectIndex): Sentinel[] {
  const out: Sentinel[] = [];
  for (const op of project.ops) {
    if (op.kind !== 'write' || !op.sentinel || !op.key?.shape) continue;
    // the entity the read path queried: DB reads in the same function
    const entities = new Set(
      project.dbReads.filter((r) => r.file === op.file && r.fn === op.call.fn && r.entity).map((r) => r.entity!),
    );
    if (entities.size > 0) out.push({ op, shape: op.key.shape, entities });
  }
  return out;
}

/** Does function `fn` of `file` clear the sentinel's key (or plausibly do so)? */
function clears(file: LinkedFile, fn: number, s: Sentinel): boolean {
  for (const op of file.ops) {
    if (op.call.fn !== fn || op === s.op) continue;
    if (op.kind !== 'delete' && !(op.kind === 'write' && !op.sentinel)) continue;
    const shape = op.key?.shape;
    // an unknown key may well be this one
    if (!shape || shapesMatch(shape, s.shape) || driftBetween(shape, s.shape)) return true;
  }
  const info = file.facts.fns[fn - 1];
  return !!info && info.calls.some((c) => CLEARING_CALL.test(c));
}

function clearedByCallers(project: ProjectIndex, fnName: string | undefined, s: Sentinel): boolean {
  if (!fnName) return false;
  for (const f of project.files.values())
    for (const info of f.facts.fns) if (info.calls.includes(fnName) && clears(f, info.id, s)) return true;
  return false;
}

/** `await redis.del(CacheKeys.user(created.id));` after the create's statement. */
function insertDelete(project: ProjectIndex, create: DbWrite & { file: string }, s: Sentinel): Fix | undefined {
  const key = s.op.call.key;
  const readFile = project.files.get(s.op.file)!;
  const createFile = project.files.get(create.file)!;
  if (!key || !s.op.deleteVia || !create.resultVar) return undefined;
  const recv = readFile.text.slice(s.op.call.receiverSpan.start, s.op.call.receiverSpan.end);
  const root = /^[\w$]+/.exec(recv)?.[0];
  const sameFile = s.op.file === create.file;
  if (!root || (!sameFile && root !== 'this' && !createFile.facts.imports.some((i) => i.local === root))) return undefined;
  // the read built its key from one value (the id); the create's result has it
  const holes = s.op.key!.parts.filter((p) => 'hole' in p);
  if (holes.length !== 1) return undefined;
  const idExpr = `${create.resultVar}.id`;
  let keyText: string | undefined;
  const b = key.builder;
  if (b && b.args.length === 1) {
    const callee = b.local ?? (b.ref ? createFile.facts.imports.find((i) => i.name === b.ref!.name)?.local : undefined);
    if (callee && (sameFile || b.ref)) keyText = `${callee}${b.ref?.member?.length ? '.' + b.ref.member.join('.') : ''}(${idExpr})`;
  }
  if (!keyText) keyText = '`' + s.shape.replace(/[`\\$]/g, (c) => '\\' + c).replace('{}', '${' + idExpr + '}') + '`';
  return {
    title: `Delete the cached not-found entry after the create (${s.op.deleteVia})`,
    kind: 'suggestion',
    edits: [{ start: create.stmtEnd, end: create.stmtEnd, text: `\n${create.indent}await ${recv}.${s.op.deleteVia}(${keyText});` }],
  };
}

export const negativeCacheOnCreate: Rule<'createKeepsNegative'> = {
  meta: {
    id: 'negative-cache-on-create',
    description: 'Require creates to clear a cached not-found entry for the same key.',
    severity: 'warning',
    fix: 'suggestion',
    requiresTypeInfo: false,
    crossFile: true,
    messages: {
      createKeepsNegative:
        'Creating {{entity}} does not clear the cached not-found entry {{key}} written at {{where}}: the new record stays invisible until that entry expires.',
    },
    help: 'Delete the key the read path uses right after the create (or overwrite it with the new record).',
  },
  checkProject(project, ctx) {
    const sentinels = sentinelWrites(project);
    if (sentinels.length === 0) return;
    for (const create of project.dbWrites) {
      if (create.kind !== 'create' || !create.entity) continue;
      const file = project.files.get(create.file);
      if (!file) continue;
      for (const s of sentinels) {
        if (!s.entities.has(create.entity)) continue;
        if (s.op.file === create.file && s.op.call.fn === create.fn) continue; // the read path itself
        const fnName = file.facts.fns[create.fn - 1]?.name;
        if (clears(file, create.fn, s) || clearedByCallers(project, fnName, s)) continue;
        const readFile = project.files.get(s.op.file)!;
        const fix = insertDelete(project, create, s);
        ctx.report({
          file: create.file,
          span: create.span,
          messageId: 'createKeepsNegative',
          data: { entity: create.entity, key: `'${s.shape}'`, where: `${shortPath(s.op.file)}:${lineOf(readFile.text, s.op.call.span.start)}` },
          related: [{ file: s.op.file, span: s.op.call.span, message: `The read path caches a not-found sentinel under '${s.shape}' here.` }],
          suggestions: fix ? [fix] : [],
        });
        break; // one finding per create
      }
    }
  },
};

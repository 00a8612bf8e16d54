// set-after-commit: a cache set of a fresh value right after a database write (write-through).
// Docs: docs/rules/set-after-commit.md
import { entityOfShape } from '../facts/key-shape';
import type { CacheOp, Fix, LinkedFile, Rule } from '../rule';
import { keyLabel, lineOf } from './util';

/** Verbs that store a value under a key (what a delete could replace). */
const VALUE_WRITES = new Set(['set', 'setex', 'psetex', 'getset', 'hset', 'hmset', 'mset']);

function swapForDelete(op: CacheOp): Fix | undefined {
  const { call } = op;
  const keyArg = call.args[0];
  if (!op.deleteVia || !keyArg || !call.key || op.verb === 'mset' || keyArg.spread) return undefined;
  return {
    title: `Delete the key instead (${op.deleteVia})`,
    kind: 'suggestion',
    edits: [
      { start: call.methodSpan.start, end: call.methodSpan.end, text: op.deleteVia },
      // drop everything after the key: the value, TTL and flags
      { start: keyArg.span.end, end: call.argsEnd, text: '' },
    ],
  };
}

export const setAfterCommit: Rule<'setAfterWrite'> = {
  meta: {
    id: 'set-after-commit',
    description: 'Prefer deleting a cache key after a database write over setting it.',
    severity: 'warning',
    fix: 'suggestion',
    requiresTypeInfo: false,
    crossFile: false,
    messages: {
      setAfterWrite:
        'Cache {{verb}} of {{key}} after the database write {{write}} (line {{line}}): a reader that loaded the old row before the write can put it back, and it stays until the TTL.',
    },
    help: 'Delete the key after the write and let the next read fill the cache.',
  },
  checkFile(file: LinkedFile, ctx) {
    const writes = file.facts.dbWrites;
    for (const op of file.ops) {
      if (op.kind !== 'write' || op.nx || op.sentinel || !VALUE_WRITES.has(op.verb)) continue;
      const before = op.call.afterWrites.map((i) => writes[i]);
      // a set after a create stores a key no reader can hold an older version of
      const candidates = before.filter((w) => w.kind !== 'create');
      if (candidates.length === 0) continue;
      const keyEntity = op.key?.shape ? entityOfShape(op.key.shape) : undefined;
      // the cached entity must be the one written, when both are visible (an audit insert then a session set is fine)
      const related = candidates.filter((w) => !keyEntity || !w.entity || w.entity === keyEntity);
      if (related.length === 0) continue;
      const w = related[related.length - 1];
      const fix = swapForDelete(op);
      ctx.report({
        file: file.file,
        span: op.call.span,
        messageId: 'setAfterWrite',
        data: { verb: op.wrapper ?? op.verb, key: keyLabel(op), write: w.label, line: lineOf(file.text, w.span.start) },
        related: [{ file: file.file, span: w.span, message: `The database write (${w.label}) this cache write follows.` }],
        suggestions: fix ? [fix] : [],
      });
    }
  },
};

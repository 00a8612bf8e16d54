// Small helpers the rules share: how a key and a source position are shown in messages.
import { positionAt } from '../text/lines';
import type { CacheOp, ProjectIndex, Related } from '../rule';

/** 1-based line of `offset` in `text`, counted as the reporters count lines. */
export function lineOf(text: string, offset: number): number {
  return positionAt(text, offset).line + 1;
}

/** How a message names an op's key: its shape when known (`product:v2:{}`), else its source text. */
export function keyLabel(op: CacheOp): string {
  if (op.key?.shape) return `'${op.key.shape}'`;
  const t = op.call.key?.text;
  return t ? (t.length > 40 ? t.slice(0, 37) + '…' : t) : 'the key';
}


/** `path/to/file.ts` relative to `from`'s folder when in the same tree, for messages. */
export function shortPath(file: string): string {
  const parts = file.split(/[\\/]/);
  return parts.slice(-2).join('/');
}

/** Related information pointing at the client call inside the wrapper an op goes through. */
export function viaRelated(project: ProjectIndex, op: CacheOp, message: string): Related[] {
  const via = op.via;
  const span = via && project.files.get(via.file)?.facts.calls[via.callId]?.span;
  return via && span ? [{ file: via.file, span, message }] : [];
}

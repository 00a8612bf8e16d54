// Applying fixes to text and to disk. Fix selection follows ESLint's SourceCodeFixer: fixes sorted
// by position, a fix whose range touches or overlaps an already chosen one is left for the next
// pass (the caller re-analyses and tries again), so no two fixes ever fight over the same text.
import { chmodSync, chownSync, closeSync, fsyncSync, openSync, realpathSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Edit, Fix } from '../rule';

/** Sorted copy; equal starts keep their given order (two insertions at one point stay in order). */
function sorted(edits: readonly Edit[]): Edit[] {
  return edits
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.start - b.e.start || a.e.end - b.e.end || a.i - b.i)
    .map((x) => x.e);
}

function overlaps(list: readonly Edit[]): boolean {
  for (let i = 1; i < list.length; i++) if (list[i].start < list[i - 1].end) return true;
  return false;
}

/** Applies non-overlapping edits (any order). Throws on overlap or an edit outside the text. */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  const list = sorted(edits);
  for (const e of list) {
    if (!(e.start >= 0 && e.end >= e.start && e.end <= text.length))
      throw new RangeError(`edit [${e.start}, ${e.end}) is outside the text (length ${text.length})`);
  }
  if (overlaps(list)) throw new RangeError('overlapping edits');
  let out = '';
  let pos = 0;
  for (const e of list) {
    out += text.slice(pos, e.start) + e.text;
    pos = e.end;
  }
  return out + text.slice(pos);
}

/** The range a fix touches, from its first edit's start to its last edit's end. */
export function fixRange(fix: Fix): [number, number] {
  let start = Infinity;
  let end = -Infinity;
  for (const e of fix.edits) {
    start = Math.min(start, e.start);
    end = Math.max(end, e.end);
  }
  return [start, end];
}

/**
 * Picks the fixes that can be applied together: in order of their ranges, each fix is taken
 * unless it starts at or before the end of the last one taken (ESLint's `lastPos >= start`).
 * Fixes without edits or with self-overlapping edits are skipped. Returns the chosen edits, sorted.
 */
export function pickNonOverlapping(fixes: readonly Fix[]): Edit[] {
  const candidates = fixes
    .filter((f) => f.edits.length > 0 && !overlaps(sorted(f.edits)))
    .map((f, i) => ({ f, range: fixRange(f), i }))
    .sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1] || a.i - b.i);
  const out: Edit[] = [];
  let lastPos = -Infinity;
  for (const c of candidates) {
    if (lastPos >= c.range[0]) continue;
    out.push(...c.f.edits);
    lastPos = c.range[1];
  }
  return sorted(out);
}

/** The file's line ending: the first one in it, `\n` when it has none. */
export function detectEol(text: string): '\r\n' | '\n' {
  const i = text.indexOf('\n');
  return i > 0 && text[i - 1] === '\r' ? '\r\n' : '\n';
}

/** Rewrites the line breaks a fix inserts to the file's own, so --fix never mixes endings. */
export function withEol(edits: readonly Edit[], eol: '\r\n' | '\n'): Edit[] {
  return edits.map((e) => (e.text.includes('\n') ? { ...e, text: e.text.replace(/\r?\n/g, eol) } : e));
}

/**
 * Writes `text` so that readers see either the old or the new content, never a half-written
 * file: a temporary file in the same folder, flushed, then renamed over the target. The mode and
 * owner of the existing file are kept, and a symlink stays a symlink (its target is replaced).
 */
export function writeFileAtomic(file: string, text: string | readonly (string | Buffer)[], opts: { durable?: boolean } = {}): void {
  let target = file;
  let mode: number | undefined;
  let owner: { uid: number; gid: number } | undefined;
  try {
    target = realpathSync(file);
    const st = statSync(target);
    mode = st.mode & 0o7777;
    owner = { uid: st.uid, gid: st.gid };
  } catch {
    // a new file: default mode
  }
  const tmp = join(dirname(target), `.${basename(target)}.${process.pid}.${Math.random().toString(36).slice(2, 10)}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(tmp, 'wx', mode ?? 0o666);
    for (const part of typeof text === 'string' ? [text] : text) {
      if (typeof part === 'string') writeSync(fd, part, null, 'utf8');
      else for (let at = 0; at < part.length; ) at += writeSync(fd, part, at, part.length - at);
    }
    // a cache need not survive a crash, only never be seen half written (the rename)
    if (opts.durable !== false) fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    // The temp file belongs to whoever runs cachelint (root in a container, say): give the file back
    // to its owner. Only possible with the right to chown; otherwise it stays ours, as with any editor.
    if (owner && (owner.uid !== process.getuid?.() || owner.gid !== process.getgid?.())) {
      try {
        chownSync(tmp, owner.uid, owner.gid);
      } catch {
        // EPERM: not ours to give away
      }
    }
    // openSync's mode is filtered by the umask; restore the original bits exactly (after
    // the chown, which clears set-id bits).
    if (mode !== undefined) chmodSync(tmp, mode);
    renameSync(tmp, target);
  } catch (e) {
    if (fd !== undefined) closeSync(fd);
    try {
      unlinkSync(tmp);
    } catch {
      // already gone
    }
    throw e;
  }
}

// The words the race explainers share (each rule's `timeline`, docs/rules/<id>.md "Why is this
// bad?"): a finding's real names in code spans where it has them, generic words where it does not.
import type { KeyModel } from '../model/cache-model';
import type { CacheOp, LinkedFile, ProjectIndex, RaceNames } from '../rule';

/** `` `getUser` `` when the name is known, else the generic words (`a reader`). */
export function named(name: string | undefined, generic: string): string {
  return name ? `\`${name}\`` : generic;
}

/** The key as a code span, or `the key`. */
export function keyWords(shape: string | undefined, generic = 'the key'): string {
  return named(shape, generic);
}

/** `30 s`, `10 min`, `1 h`, `2 days`: a TTL as a person says it. */
export function duration(seconds: number): string {
  if (seconds >= 86400 && seconds % 86400 === 0) return seconds === 86400 ? '1 day' : `${seconds / 86400} days`;
  if (seconds >= 3600 && seconds % 3600 === 0) return `${seconds / 3600} h`;
  if (seconds >= 60 && seconds % 60 === 0) return `${seconds / 60} min`;
  return `${seconds} s`;
}

/** How long the stale entry lasts: `until the TTL (10 min)`, `forever (no TTL)`, `until it expires`. */
export function untilExpiry(race: RaceNames): string {
  if (race.ttlSeconds !== undefined) return `until the TTL (${duration(race.ttlSeconds)})`;
  return race.noTtl ? 'forever (no TTL)' : 'until it expires';
}

/** The TTL of a key as its writers set it: the longest literal one, or certainly none. */
export function ttlOfKey(key: KeyModel | undefined): Pick<RaceNames, 'ttlSeconds' | 'noTtl'> {
  if (!key) return {};
  const secs = key.writers.map((w) => w.ttlSeconds).filter((n): n is number => n !== undefined);
  if (secs.length > 0) return { ttlSeconds: Math.max(...secs) };
  return key.writers.length > 0 && key.writers.every((w) => w.ttl === false) ? { noTtl: true } : {};
}

/** The TTL one cache write gives its key. */
export function ttlOfOp(op: CacheOp): Pick<RaceNames, 'ttlSeconds' | 'noTtl'> {
  if (op.ttlSeconds !== undefined) return { ttlSeconds: op.ttlSeconds };
  return op.ttl === false && !op.defaultTtl ? { noTtl: true } : {};
}

/** The name of the function with id `fn` in `file` (`getUser`), if it has one. */
export function fnName(file: LinkedFile | undefined, fn: number): string | undefined {
  return (fn > 0 && file?.facts.fns[fn - 1]?.name) || undefined;
}

/** The function an op sits in. */
export function fnOfOp(project: ProjectIndex, op: CacheOp): string | undefined {
  return fnName(project.files.get(op.file), op.call.fn);
}

/** The function of the first reader of a key that has a name (the read path a timeline follows). */
export function readerOf(project: ProjectIndex, key: KeyModel | undefined): string | undefined {
  for (const r of key?.readers ?? []) {
    const name = fnOfOp(project, r);
    if (name) return name;
  }
  return undefined;
}

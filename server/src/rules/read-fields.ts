// Which fields of a cached value the project's readers use. When every reader of a key is seen
// using named fields only (`profile.mutedInstances`, `const { host } = await cache.fetch(id)`),
// an update setting none of them leaves nothing stale that anyone reads: a reviewer would not ask
// for an invalidation there (missing-invalidation). One reader passing the whole value on (`return
// profile`, `render(profile)`) and nobody can say which fields matter: the answer is undefined.
import type { CacheOp, ProjectIndex } from '../rule';
import type { KeyModel } from '../model/cache-model';
import { scopeOf } from './clearing';

const memo = new WeakMap<object, Map<KeyModel, ReadonlySet<string> | undefined>>();

/** The fields the readers of `key` use, or undefined when some reader's use is not known. */
export function fieldsReadFrom(project: ProjectIndex, key: KeyModel): ReadonlySet<string> | undefined {
  let byKey = memo.get(project.model);
  if (!byKey) memo.set(project.model, (byKey = new Map()));
  if (byKey.has(key)) return byKey.get(key);
  const fields = computeFields(project, key);
  byKey.set(key, fields);
  return fields;
}

function computeFields(project: ProjectIndex, key: KeyModel): ReadonlySet<string> | undefined {
  // a reader calling a function in which another reader reads the key: that inner read is where
  // the value is used (`this.#createNotification(…)` whose body fetches the profile); the outer
  // call's result is whatever the function returns, so it counts only as the caller of an inner
  // read that returns the value
  const inners = new Map<CacheOp, CacheOp[]>();
  const outer = new Set<CacheOp>();
  for (const r of key.readers) {
    const inner = innerReads(project, r, key);
    for (const i of inner) inners.set(i, [...(inners.get(i) ?? []), r]);
    if (inner.length > 0) outer.add(r);
  }
  const fields = new Set<string>();
  const members = new Set<string>();
  const add = (r: CacheOp, callers: readonly CacheOp[] | undefined, depth: number): boolean => {
    const uses = r.call.uses;
    if (!uses) return false;
    for (const f of uses.fields) fields.add(f);
    for (const m of uses.members ?? []) members.add(m);
    if (!uses.returned) return true;
    // Pattern: async fetch(id) { const hit = await redis.get(k); if (hit) return JSON.parse(hit); … } —
    // what the callers do with the value; a value returned to nobody seen is passed on
    return depth < 2 && !!callers?.length && callers.every((c) => add(c, inners.get(c), depth + 1));
  };
  let any = false;
  for (const r of key.readers) {
    // an outer call (called itself or not: `createNotification` → `#createNotificationInternal` →
    // the read): judged only as the caller of the reads it reaches, when they return the value
    if (outer.has(r)) continue;
    if (!add(r, inners.get(r), 0)) return undefined;
    any = true;
  }
  if (!any) return undefined;
  for (const m of members) if (!addMemberUses(project, m, fields)) return undefined;
  return fields;
}

/** The other readers of the key inside the project function the reader `r` calls. */
function innerReads(project: ProjectIndex, r: CacheOp, key: KeyModel): CacheOp[] {
  if (!r.wrapper) return [];
  const t = project.callGraph.targetOf(r.file, r.call);
  const target = t && project.files.get(t.file);
  if (!t || !target) return [];
  const inner = scopeOf(target, t.fn.id);
  return key.readers.filter((o) => o !== r && o.file === t.file && inner.has(o.call.fn));
}

/**
 * The fields used of a member of `this` a reader keeps the whole value in (`this.userProfile =
 * profile`), searched as text over every product file: `this.userProfile?.mutedInstances`, `return
 * this.connection.userProfile` in a getter of the same name. Any other use of it through `this`
 * (passed on, spread, iterated) leaves the fields unknown. Uses through other receivers
 * (`user.userProfile`) are other objects' members of the same name.
 */
function addMemberUses(project: ProjectIndex, member: string, fields: Set<string>): boolean {
  if (!/^[A-Za-z_$][\w$]*$/.test(member)) return false;
  // kept across links: an edit searches again only the files whose text changed
  let perFile = project.memo.get(`read-fields:member:${member}`) as Map<string, MemberUses> | undefined;
  if (!perFile) project.memo.set(`read-fields:member:${member}`, (perFile = new Map()));
  const seen = new Set<string>();
  const visit = (file: string, text: string): boolean => {
    seen.add(file);
    let found = perFile!.get(file);
    if (found?.text !== text) perFile!.set(file, (found = { text, fields: memberUsesIn(text, member) }));
    if (!found.fields) return false;
    for (const f of found.fields) fields.add(f);
    return true;
  };
  for (const f of project.files.values()) if (!visit(f.file, f.text)) return false;
  for (const [file, text] of project.unparsed) if (!seen.has(file) && !visit(file, text)) return false;
  for (const file of perFile.keys()) if (!seen.has(file)) perFile.delete(file);
  return true;
}

interface MemberUses {
  text: string;
  /** the fields used; null when some use passes the value on */
  fields: readonly string[] | null;
}

/** The fields one text uses of `this.<member>` and `this.<x>.<member>`; null when a use passes it on. */
function memberUsesIn(text: string, member: string): readonly string[] | null {
  if (!text.includes(member)) return [];
  const name = member.replace(/\$/g, '\\$');
  const use = new RegExp(`\\bthis(?:\\s*\\.\\s*[A-Za-z_$][\\w$]*)?\\s*\\??\\.\\s*${name}\\b`, 'g');
  const after = /^\s*(?:(\?\.|!?\.)\s*([A-Za-z_$][\w$]*)|(=(?![=>]))|(;|\n|\}))/;
  const out: string[] = [];
  for (let m = use.exec(text); m; m = use.exec(text)) {
    const rest = after.exec(text.slice(m.index + m[0].length, m.index + m[0].length + 120));
    if (rest?.[2]) out.push(rest[2]);
    else if (rest?.[3]) continue;
    // Pattern: get userProfile() { return this.connection.userProfile; } — its uses are found as `this.userProfile`
    else if (rest?.[4] && /\breturn\s+$/.test(text.slice(Math.max(0, m.index - 20), m.index)) && new RegExp(`\\bget\\s+${name}\\s*\\(`).test(text)) continue;
    else return null;
  }
  return out;
}

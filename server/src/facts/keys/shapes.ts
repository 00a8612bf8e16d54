// Key shapes across files (phase 2, plain data only): expand references to other files' constants
// and builders, reduce a key to its shape (`product:v2:{}`), and compare shapes. driftBetween is
// what key-drift reports on, so it only answers for cosmetic variants of the same word sequence
// (version, plural, case, separator, a generic prefix); anything else is "different keys".
import { normaliseEntity, singular } from './entities';
import type { ExportValue, KeyPart, SymbolRef } from '../types';

/** A resolved value and the file it lives in (its own refs are relative to that file). */
export interface Resolved {
  file: string;
  value: ExportValue;
}

/**
 * Resolves a ref written in file `from` (undefined: the file the key was written in). Returning
 * `{ file, value }` lets refs nested in that value (a builder calling an imported builder) be
 * resolved from the right file; a bare value makes them resolve from the caller's `from`.
 */
export type Resolve = (ref: SymbolRef, from?: string) => ExportValue | Resolved | undefined;

const HOLE = '{}';
/** References nested deeper than this (or cyclic re-exports) stay holes. */
const MAX_DEPTH = 12;

/**
 * Replaces refs by what they resolve to: a string constant by its text, a builder call by the
 * builder's parts with its parameters substituted by the call's arguments. Unresolvable refs,
 * builders referenced without a call, sentinels and objects become holes.
 */
export function expandKey(parts: KeyPart[], resolve: Resolve): KeyPart[] {
  return expand(parts, resolve, undefined, 0);
}

function expand(parts: KeyPart[], resolve: Resolve, from: string | undefined, depth: number): KeyPart[] {
  const out: KeyPart[] = [];
  for (const p of parts) {
    if ('ref' in p) out.push(...expandRef(p.ref, constArgs(p, resolve, from, depth), resolve, from, depth, constProps(p, resolve, from, depth), listArgs(p, resolve, from, depth)));
    else out.push(p);
  }
  return mergeLits(out);
}

/** A builder call's arguments, those naming constants of the caller's file replaced by their literal text. */
function constArgs(p: Extract<KeyPart, { ref: SymbolRef }>, resolve: Resolve, from: string | undefined, depth: number): string[] | undefined {
  if (!p.args || !p.argRefs || depth > MAX_DEPTH) return p.args;
  return p.args.map((a, i) => {
    const parts = p.argRefs![i];
    if (!parts) return a;
    const x = expand(parts, resolve, from, depth + 1);
    return x.every((q) => 'lit' in q) ? JSON.stringify(x.map((q) => (q as { lit: string }).lit).join('')) : a;
  });
}

/** The same for an options object's properties (`{ type: CacheKeyType.ENTITY, id }`): constants by their literal text. */
function constProps(p: Extract<KeyPart, { ref: SymbolRef }>, resolve: Resolve, from: string | undefined, depth: number): Props | undefined {
  if (!p.props || !p.propRefs || depth > MAX_DEPTH) return p.props;
  return p.props.map((o, i) => {
    const refs = p.propRefs![i];
    if (!o || !refs) return o;
    const out: Record<string, string> = {};
    for (const [k, text] of Object.entries(o)) {
      const x = refs[k] && expand(refs[k], resolve, from, depth + 1);
      out[k] = x && x.every((q) => 'lit' in q) ? JSON.stringify(x.map((q) => (q as { lit: string }).lit).join('')) : text;
    }
    return out;
  });
}

/** A builder call's list arguments (`genKey([CKEY.USER, id])`), expanded where the caller's names resolve. */
function listArgs(p: Extract<KeyPart, { ref: SymbolRef }>, resolve: Resolve, from: string | undefined, depth: number): Lists | undefined {
  if (!p.items || depth > MAX_DEPTH) return undefined;
  return p.items.map((l) => l?.map((parts) => expand(parts, resolve, from, depth + 1)) ?? null);
}

/** Per argument of a builder call, an options object's properties as source text. */
type Props = (Record<string, string> | null)[];
/** Per argument of a builder call, a list's elements as key parts. */
type Lists = (KeyPart[][] | null)[];

function expandRef(ref: SymbolRef, args: string[] | undefined, resolve: Resolve, from: string | undefined, depth: number, props?: Props, lists?: Lists): KeyPart[] {
  const asHole: KeyPart[] = [{ hole: refLabel(ref, args) }];
  if (depth > MAX_DEPTH) return asHole;
  const r = lookup(ref, resolve, from);
  if (!r) return asHole;
  const v = r.value;
  if (v.t === 'string') return args ? asHole : [{ lit: v.value }];
  if (v.t !== 'key') return asHole;
  // Pattern: PRODUCT_PREFIX (a template constant) / productKey(p.id) (a builder call)
  if (!args) return v.params.length === 0 ? expand(v.parts, resolve, r.from, depth + 1) : asHole;
  return expand(substitute(v.parts, v.params, args, props, lists, v.rest), resolve, r.from, depth + 1);
}

/**
 * The value `ref` denotes. The resolver is asked for the whole ref (the project linker walks
 * members, class statics and re-exports itself); what it leaves undone is finished here.
 */
function lookup(ref: SymbolRef, resolve: Resolve, from: string | undefined): { value: ExportValue; from: string | undefined } | undefined {
  let cur = ref;
  let at = from;
  for (let hops = 0; hops < MAX_DEPTH; hops++) {
    const members = cur.member ?? [];
    let got = split(resolve(cur, at), at);
    // `* as keys` + `keys.user`: a resolver that knows no namespaces may know the named export
    if (!got && cur.name === '*' && members.length > 0)
      got = split(resolve({ module: cur.module, name: members[0], ...(members.length > 1 ? { member: members.slice(1) } : {}) }, at), at);
    if (!got) return undefined;
    let v: ExportValue | undefined = got.value;
    // a resolver that does not walk members hands back the object itself
    if (v.t === 'object' && members.length > 0) {
      let w: ExportValue | undefined = v;
      for (const m of members) w = w?.t === 'object' ? w.members[m] : undefined;
      if (w) v = w;
    }
    if (v.t !== 'reexport') return { value: v, from: got.from };
    cur = v.ref;
    at = got.from;
  }
  return undefined;
}

function split(r: ExportValue | Resolved | undefined, from: string | undefined): { value: ExportValue; from: string | undefined } | undefined {
  if (!r) return undefined;
  return 'value' in r && 'file' in r ? { value: r.value, from: r.file } : { value: r as ExportValue, from };
}

/**
 * Builder parameters (holes named after them, and ref args equal to them) → the call's args. A
 * destructured parameter (`({ type, id }) => …`, named '') takes the call's options object: a
 * hole named after one of its properties is that property's value.
 */
function substitute(parts: KeyPart[], params: string[], args: string[], props?: Props, lists?: Lists, rest?: true): KeyPart[] {
  const index = (name: string): number => {
    const i = params.indexOf(name);
    return i >= 0 && i < args.length && name !== '' ? i : -1;
  };
  const destructured = props ? params.flatMap((p, i) => (p === '' && props[i] ? [props[i]!] : [])) : [];
  const fromProps = (name: string): string | undefined => {
    for (const o of destructured) if (Object.prototype.hasOwnProperty.call(o, name)) return o[name];
    return undefined;
  };
  const valueOf = (text: string): string => (index(text) >= 0 ? args[index(text)] : (fromProps(text) ?? text));
  const joinedArgs = (sep: string, i: number): KeyPart[] | undefined => {
    if (i < 0) return undefined;
    const items: KeyPart[][] | undefined = rest && i === params.length - 1 ? args.slice(i).map(argParts) : (lists?.[i] ?? undefined);
    return items?.length ? joinedParts(items, sep) : undefined;
  };
  const out: KeyPart[] = [];
  for (const p of parts) {
    // Pattern: (...parts) => parts.join(':') called as buildKey('user', id); genKey(key) joining genKey(['user', id])
    const joined = 'hole' in p && p.join !== undefined ? joinedArgs(p.join, params.indexOf(p.hole)) : undefined;
    if (joined) {
      out.push(...joined);
      continue;
    }
    const given = 'hole' in p ? (index(p.hole) >= 0 ? args[index(p.hole)] : fromProps(p.hole)) : undefined;
    if (given !== undefined) out.push(...argParts(given));
    else if ('ref' in p && p.args) {
      const q: KeyPart = { ...p, args: p.args.map(valueOf) };
      // Pattern: buildParentKey({ type, parentId: environmentId }) inside buildEnvScopedKey({ type, environmentId })
      if (p.props) q.props = p.props.map((o) => o && Object.fromEntries(Object.entries(o).map(([k, t]) => [k, valueOf(t)])));
      out.push(q);
    } else out.push(p);
  }
  return out;
}

/**
 * An argument's source text as key parts: a plain string or number literal is literal text, a
 * template its literal text around holes (`team:${teamId}` → 'team:', teamId).
 */
function argParts(text: string): KeyPart[] {
  const t = text.trim();
  const q = /^(['"`])(.*)\1$/s.exec(t);
  if (q && !/[\\]/.test(q[2]) && !(q[1] === '`' && q[2].includes('${')) && !q[2].includes(q[1])) return [{ lit: q[2] }];
  if (q && q[1] === '`' && !/[\\`]/.test(q[2])) {
    const parts = templateParts(q[2]);
    // holes alone (`${PREFIX}`) stay the argument's own text: nothing literal to keep
    if (parts?.some((p) => 'lit' in p)) return parts;
  }
  if (/^-?\d+(\.\d+)?$/.test(t)) return [{ lit: t }];
  return [{ hole: t }];
}

/** The literal text and `${…}` holes of a template's body, or undefined when its braces do not balance. */
function templateParts(body: string): KeyPart[] | undefined {
  const out: KeyPart[] = [];
  let lit = '';
  for (let i = 0; i < body.length; i++) {
    if (body[i] !== '$' || body[i + 1] !== '{') {
      lit += body[i];
      continue;
    }
    let depth = 1;
    let j = i + 2;
    for (; j < body.length && depth > 0; j++) {
      if (body[j] === '{') depth++;
      else if (body[j] === '}') depth--;
    }
    if (depth !== 0) return undefined;
    if (lit) out.push({ lit });
    lit = '';
    out.push({ hole: body.slice(i + 2, j - 1).trim() });
    i = j - 1;
  }
  if (lit) out.push({ lit });
  return out;
}

function refLabel(ref: SymbolRef, args?: string[]): string {
  const path = [ref.name, ...(ref.member ?? [])].join('.');
  return args ? `${path}(${args.join(', ')})` : path;
}

/** The parts of each item of a list with `sep` between them: `[CKEY.USER, id].join('_')` → 'USER_', id. */
export function joinedParts(items: readonly KeyPart[][], sep: string): KeyPart[] {
  return mergeLits(items.flatMap((x, i) => (i > 0 ? [{ lit: sep }, ...x] : x)));
}

/** Joins adjacent literal pieces and drops empty ones (key parts, decorator key pieces). */
export function mergeLits<P extends object>(parts: readonly P[]): P[] {
  const out: P[] = [];
  for (const p of parts) {
    const last = out[out.length - 1];
    if ('lit' in p && p.lit === '') continue;
    if ('lit' in p && last && 'lit' in last) out[out.length - 1] = { lit: String(last.lit) + String(p.lit) } as P;
    else out.push(p);
  }
  return out;
}

/**
 * A shape naming something: some literal word besides holes and separators (`user:{}`, not
 * `{}:{}`), or a one-letter segment (`l:{}:{}`: short prefixes name their namespace too).
 */
export function namesWord(shape: string | undefined): shape is string {
  if (!shape) return false;
  const text = shape.replace(/\{\}/g, ' ');
  return /[A-Za-z]{2,}/.test(text) || /(?:^|[:._\-/|#])[A-Za-z](?=[:._\-/|#])/.test(text);
}

/**
 * `product:v2:{}`; undefined when the key has no literal text at all (its shape is unknown). A
 * hole is `{}`; a literal brace is doubled (`{{`, `}}`), as in format strings, so a Redis Cluster
 * hash tag stays text: `{${tenant}}:job` is `{{{}}}:job`, another key than `{}:job`.
 */
/** The key of a response cache keyed by the request's path (facts/keys/key-exprs.ts): one shape for every route. */
export const REQUEST_PATH_KEY = '‹request path›';

export function shapeOf(parts: KeyPart[]): string | undefined {
  let s = '';
  let lit = false;
  let lastHole = false;
  for (const p of parts) {
    if ('lit' in p) {
      s += p.lit.replace(/[{}]/g, '$&$&');
      if (p.lit !== '') {
        lit = true;
        lastHole = false;
      }
    } else if (!lastHole) {
      s += HOLE;
      lastHole = true;
    }
  }
  return lit ? s : undefined;
}

/** The literal text between a shape's holes (braces unescaped): `{{a}}:{}:b` → ['{a}:', ':b']. */
export function slotsOf(shape: string): string[] {
  const slots = [''];
  for (const t of lex(shape)) {
    if (t === HOLE) slots.push('');
    else slots[slots.length - 1] += t;
  }
  return slots;
}

/** A shape's tokens: each literal character (braces unescaped), or HOLE. */
function lex(shape: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < shape.length; i++) {
    const c = shape[i];
    if ((c === '{' || c === '}') && shape[i + 1] === c) {
      out.push(c);
      i++;
    } else if (c === '{' && shape[i + 1] === '}') {
      if (out[out.length - 1] !== HOLE) out.push(HOLE);
      i++;
    } else out.push(c);
  }
  return out;
}

// ---- comparing shapes ------------------------------------------------------------------------

/** A shape cut into segments (words and holes) with the separator runs around them. */
interface Cut {
  segs: string[];
  /** seps[i] precedes segs[i]; seps[segs.length] is the trailing run */
  seps: string[];
}

/** Shapes repeat across a project and across edits: cut each once (bounded, so memory stays flat). */
const cuts = new Map<string, Cut>();

function cut(shape: string): Cut {
  const hit = cuts.get(shape);
  if (hit) return hit;
  if (cuts.size > 50_000) cuts.clear();
  const c = cutUncached(shape);
  cuts.set(shape, c);
  return c;
}

function cutUncached(shape: string): Cut {
  const segs: string[] = [];
  const seps: string[] = [];
  let sep = '';
  let word = '';
  const endWord = () => {
    if (word === '') return;
    seps.push(sep);
    segs.push(word);
    sep = '';
    word = '';
  };
  for (const tok of lex(shape)) {
    if (tok === HOLE) {
      endWord();
      if (sep === '' && segs[segs.length - 1] === HOLE) continue; // `{}{}` is one hole
      seps.push(sep);
      segs.push(HOLE);
      sep = '';
    } else if (/[A-Za-z0-9]/.test(tok)) word += tok;
    else {
      endWord();
      sep += tok;
    }
  }
  endWord();
  seps.push(sep);
  return { segs, seps };
}

const VERSION = /^v\d+$/i;
const GENERIC = /^(cache|cached|app|api|prod|production|dev|development|test|testing|staging|stage|local|qa)$/i;

/** Removes segment `i` together with one adjacent separator run. */
function without(c: Cut, i: number): Cut {
  const segs = c.segs.filter((_, j) => j !== i);
  const seps = [...c.seps];
  // drop the run after the segment, or the one before it when it is the last segment
  seps.splice(i < c.segs.length - 1 ? i + 1 : i, 1);
  return { segs, seps };
}

/** Strips leading generic prefixes (`app:`, `cache:`), returning them. */
function stripPrefixes(c: Cut): { rest: Cut; prefix: string[] } {
  let rest = c;
  const prefix: string[] = [];
  while (rest.segs.length > 1 && GENERIC.test(rest.segs[0])) {
    prefix.push(rest.segs[0]);
    rest = without(rest, 0);
  }
  return { rest, prefix };
}

function stripVersions(c: Cut): { rest: Cut; versions: string[] } {
  let rest = c;
  const versions: string[] = [];
  for (let i = rest.segs.length - 1; i >= 0; i--)
    if (VERSION.test(rest.segs[i])) {
      versions.unshift(rest.segs[i]);
      rest = without(rest, i);
    }
  return { rest, versions };
}

const show = (xs: string[]): string => `'${xs.join(':')}'`;

/** `version segment 'v2' missing`, `… 'v1' where reads use 'v2'`, `extra … 'v3'`. */
function differs(what: string, written: string[], read: string[]): string {
  if (written.length === 0) return `${what} ${show(read)} missing`;
  if (read.length === 0) return `extra ${what} ${show(written)}`;
  return `${what} ${show(written)} where reads use ${show(read)}`;
}

/**
 * Why `written` and `read` are close variants of one key (a version segment, singular/plural,
 * case, separators, a generic prefix), or undefined when they are equal or different keys.
 */
export function driftBetween(written: string, read: string): string | undefined {
  if (written === read) return undefined;
  return pairMemo(drifts, written, read, driftUncached);
}

/**
 * Answers for pairs of shapes: the rules compare the same few hundred shapes again on every run
 * (an editor runs them per keystroke). Bounded, so memory stays flat.
 */
function pairMemo<T>(memo: Map<string, Map<string, T>>, a: string, b: string, f: (a: string, b: string) => T): T {
  let row = memo.get(a);
  if (!row) {
    if (memo.size > 20_000) memo.clear();
    memo.set(a, (row = new Map()));
  }
  if (row.has(b)) return row.get(b)!;
  const r = f(a, b);
  row.set(b, r);
  return r;
}

const drifts = new Map<string, Map<string, string | undefined>>();
const matches = new Map<string, Map<string, boolean>>();

function driftUncached(written: string, read: string): string | undefined {
  const a0 = cut(written);
  const b0 = cut(read);
  const pa = stripPrefixes(a0);
  const pb = stripPrefixes(b0);
  // `dev:` vs `prod:` are two namespaces on purpose; only a prefix on one side is drift
  if (pa.prefix.length > 0 && pb.prefix.length > 0 && pa.prefix.join(':').toLowerCase() !== pb.prefix.join(':').toLowerCase()) return undefined;
  const va = stripVersions(pa.rest);
  const vb = stripVersions(pb.rest);
  const a = va.rest;
  const b = vb.rest;
  if (a.segs.length !== b.segs.length || !a.segs.some((s) => s !== HOLE)) return undefined;
  const underscoreKeys = !/[:/]/.test(written) && !/[:/]/.test(read);
  const reasons: string[] = [];
  if (pa.prefix.join(':').toLowerCase() !== pb.prefix.join(':').toLowerCase())
    reasons.push(differs('prefix', pa.prefix, pb.prefix));
  if (va.versions.join(':').toLowerCase() !== vb.versions.join(':').toLowerCase())
    reasons.push(differs('version segment', va.versions, vb.versions));
  for (let i = 0; i < a.segs.length; i++) {
    const x = a.segs[i];
    const y = b.segs[i];
    if (x === y) continue;
    // in keys spelled with `_` alone, a number where the other has a hole is one value of it
    // (`feed_{}_page_1` of `feed_{}_page_{}`); `user:1` against `user:v2:{}` stays another key
    if (underscoreKeys && ((x === HOLE && /^\d+$/.test(y)) || (y === HOLE && /^\d+$/.test(x)))) continue;
    if (x === HOLE || y === HOLE) return undefined; // a value where the other has a word: another key
    if (x.toLowerCase() === y.toLowerCase()) reasons.push(`case '${x}' vs '${y}'`);
    else if (singular(x.toLowerCase()) === singular(y.toLowerCase())) reasons.push(`singular/plural '${x}' vs '${y}'`);
    else return undefined;
  }
  // Redis Cluster hash tags (`{tenant}:…`): braces on one side only put the key in another slot
  const untag = (x: string) => x.replace(/[{}]/g, '');
  const last = a.seps.length - 1;
  const tagged = (c: Cut) => c.seps.some((x) => /[{}]/.test(x));
  if (tagged(a) !== tagged(b) && a.seps.every((x, i) => untag(x) === untag(b.seps[i] ?? ''))) {
    reasons.push(`Redis Cluster hash tag braces on ${tagged(a) ? 'the written' : 'the read'} key only`);
    return reasons.join('; ');
  }
  // a leading or trailing run that differs (`user:{}:` is a scan prefix) is another key
  if (a.seps[0] !== b.seps[0] || a.seps[last] !== b.seps[last]) return undefined;
  const sepDiffs = new Set<string>();
  for (let i = 1; i < last; i++) if (a.seps[i] !== b.seps[i]) sepDiffs.add(`'${a.seps[i]}' vs '${b.seps[i]}'`);
  if (sepDiffs.size > 0) reasons.push(`separator ${[...sepDiffs].join(', ')}`);
  return reasons.length > 0 ? reasons.join('; ') : undefined;
}

/**
 * `linkcache`, `userCache`, `user_cache` → the entity word: the segment says it is a cache of it.
 * With `loose`, the key may also abbreviate the entity (ABBREVIATIONS). Only where the rule has
 * other evidence tying the key to the rows (a set after the row's write, a not-found marker after
 * its lookup): read as an entity link everywhere, it would tie every update of the entity to the
 * key, field-blind (missing-invalidation).
 */
function uncached(seg: string): string {
  const m = /^([A-Za-z][A-Za-z0-9]+?)[-_]?(?:cache|cached|Cache|Cached|CACHE)$/.exec(seg);
  return m && m[1].length >= 3 ? m[1] : seg;
}

/** Words keys use for a table's name: `repoLookup:{}` after a `repositories` lookup is about repositories. */
const ABBREVIATIONS: Record<string, string> = {
  repo: 'repository',
  repos: 'repository',
  org: 'organization',
  orgs: 'organization',
  msg: 'message',
  msgs: 'message',
  acct: 'account',
  cfg: 'config',
  perm: 'permission',
  perms: 'permission',
  pref: 'preference',
  prefs: 'preference',
  nav: 'navigation',
};

/** The entity a key is about: its first literal segment that is not a generic prefix. */
export function entityOfShape(shape: string, loose = false): string | undefined {
  for (const raw of shape.split(/[:/.|#]+/)) {
    // `product_{}` → `product`; `{}` alone and `user{}profile` keep only the text before the hole
    const seg = raw.split(HOLE)[0].replace(/[-_]+$/, '');
    if (!/^[A-Za-z][A-Za-z0-9_-]*$/.test(seg) || GENERIC.test(seg) || VERSION.test(seg)) continue;
    if (!loose) return normaliseEntity(seg);
    // Pattern: `nav:sidebar:{}` set after the `navigation` row's write (abbreviations, loose only)
    const word = uncached(seg);
    return normaliseEntity(ABBREVIATIONS[word.toLowerCase()] ?? word);
  }
  return undefined;
}

/**
 * Does a key shape name the entity: `shop:product:{}` → product, `apikey:{}` → api_key,
 * `addresses:{}` → address, `sys_config:{}` → config (a table prefix), `brand:logo:{}` → brand?
 */
export function shapeNamesEntity(shape: string, entity: string, loose = false): boolean {
  return nameMatch(shape, entity, loose) !== 'none';
}

/**
 * `sys_dict:{type}` holding `dict_data` rows: the key names the thing whose items the table holds
 * (not the items themselves), so its value is a list of them, and a new item belongs in it.
 */
export function shapeNamesOwnerOf(shape: string, entity: string): boolean {
  return nameMatch(shape, entity, false) === 'owner';
}

/** A literal word of the key is one of `fields`, a column (`dictType` in `sys:dictType:{}`; `dict_type` alike). */
export function shapeNamesColumn(shape: string, fields: readonly string[] | undefined): boolean {
  if (!fields?.length) return false;
  const norm = (w: string) => w.replace(/_/g, '').toLowerCase();
  const want = new Set(fields.map(norm));
  return shape.split(/[^A-Za-z0-9_]+/).some((w) => w.length > 2 && want.has(norm(w)));
}

/** Words a link table's second half takes: `user_role`, `sys_user_post`, `member_group`. */
const LINKED = /^(role|post|group|team|tag|permission|perm|menu|dept|department|org|organization|channel|category|label|project|workspace)$/;

/**
 * `sys_user:{}` holding `sys_user_with_role` (or `sys_user_role`) rows: the key names the first
 * side of a link table, so the links of that row are a list inside its cached value.
 */
export function shapeNamesLinkOwner(shape: string, entity: string): boolean {
  const want = entity.split('_').map(singular);
  if (want.length < 2) return false;
  for (const seg of shape.split(/[:/.|#{}\s]+/)) {
    const w = normaliseEntity(seg);
    if (!w) continue;
    const words = w.split('_').map(singular);
    // at the start, or behind one table prefix word (`sys_`, `t_`)
    for (let i = 0; i <= 1 && i + words.length < want.length; i++) {
      if (!words.every((x, j) => want[i + j] === x)) continue;
      const rest = want.slice(i + words.length);
      if (/^(with|to|and|has|rel|link|map|mapping)$/.test(rest[0]) ? rest.length >= 2 : rest.length === 1 && LINKED.test(rest[0])) return true;
    }
  }
  return false;
}

/** How a shape names an entity: a segment names its rows, or only the owner of the table's items. */
type NameMatch = 'row' | 'owner' | 'none';

function nameMatch(shape: string, entity: string, loose: boolean): NameMatch {
  // a pure question of two strings, asked again for every key and entity on every link (each keystroke)
  const id = `${loose ? 1 : 0}\0${shape}\0${entity}`;
  let answer = namesEntityMemo.get(id);
  if (answer === undefined) {
    if (namesEntityMemo.size >= 50_000) namesEntityMemo.clear();
    namesEntityMemo.set(id, (answer = namesEntity(shape, entity, loose)));
  }
  return answer;
}

const namesEntityMemo = new Map<string, NameMatch>();

/** What separates the words of a key shape that may name an entity (`user:{}`, `/user/{}`, `a.b|c#d`). */
const SEGMENT_SEPARATORS = /[:/.|#{}\s]+/;

function namesEntity(shape: string, entity: string, loose: boolean): NameMatch {
  const flat = entity.replace(/_/g, '');
  const want = entity.split('_').map(singular);
  // Pattern: sys_dict:{type} holding sys_dict_data rows — the table of a thing's items or details
  const core = want.length > 1 && ROW_SUFFIX.test(want[want.length - 1]) ? want.slice(0, -1) : undefined;
  let owner = false;
  let suffix = false;
  for (const seg of shape.split(SEGMENT_SEPARATORS)) {
    const w = normaliseEntity(loose ? uncached(seg) : seg);
    if (!w) continue;
    if (w === entity || w.replace(/_/g, '') === flat) return 'row';
    if (entity.endsWith(`_${w}`)) {
      // `order:items:{}` for order_item rows: the items word alone says less than the owner's
      if (!ROW_SUFFIX.test(w)) return 'row';
      suffix = true;
      continue;
    }
    const words = w.split('_').map((x) => (loose ? ABBREVIATIONS[x] ?? x : x)).map(singular);
    if (hasWords(words, want)) return 'row';
    // the thing itself, possibly behind a table prefix: `sys_dict` for `dict_data` rows, not `sys_dict_type`
    if (core && words.length >= core.length && hasWords(words.slice(-core.length), core)) owner = true;
  }
  return owner ? 'owner' : suffix ? 'row' : 'none';
}

/**
 * The shape names `entity` only as the last side of a link table whose other side is an entity of
 * the project too: `/user/{}` for `application_user` rows (with `application` rows written
 * elsewhere), where a table prefix (`sys_user`) or a longer model name (`function_worker`) is none.
 */
export function namesLinkSideOnly(shape: string, entity: string, isEntity: (name: string) => boolean): boolean {
  let side = false;
  for (const seg of shape.split(SEGMENT_SEPARATORS)) {
    const w = normaliseEntity(seg);
    if (!w) continue;
    if (entity.endsWith(`_${w}`)) {
      const rest = entity.slice(0, -w.length - 1);
      if (!isEntity(rest) && !isEntity(rest.slice(rest.lastIndexOf('_') + 1))) return false;
      side = true;
    } else if (nameMatch(seg, entity, false) !== 'none') return false; // another segment names the table itself
  }
  return side;
}

/** The last word of a table that holds the items or details of another (`sys_dict_data`, `order_item`). */
const ROW_SUFFIX = /^(data|datum|detail|info|item|entry|record|value|line)$/;

/** `model_match` holds `model`, `articles_page` holds `article`, `order_items_v2` holds `order_item`. */
function hasWords(words: string[], want: string[]): boolean {
  for (let i = 0; i + want.length <= words.length; i++) if (want.every((w, j) => words[i + j] === w)) return true;
  return false;
}

/**
 * Whether two shapes may denote the same runtime key: a hole matches any text without `:` or `/`
 * (an id, possibly empty), so `user:{}` matches `user:42` and `user:{}{}`, but not `user:{}:profile`
 * nor `product:v2:{}` vs `product:{}`.
 */
export function shapesMatch(a: string, b: string): boolean {
  if (a === b) return true;
  // the path of a request is any route's key: `/user/{}` is one of them
  if (a === REQUEST_PATH_KEY || b === REQUEST_PATH_KEY) return (a === REQUEST_PATH_KEY ? b : a).startsWith('/');
  return pairMemo(matches, a, b, matchUncached);
}

function matchUncached(a: string, b: string): boolean {
  const x = tokens(a);
  const y = tokens(b);
  // keys spelled with `_` alone (`feed_v2_{}_page_{}`): a value does not span a `_` either, so
  // `feed_{}_page_1` (one segment fewer) is another key, not a value `v2_…` (ids may hold `-`)
  const hard = /[:/]/.test(a) || /[:/]/.test(b) ? HARD_SEP : UNDERSCORE_KEYS_SEP;
  const memo = new Map<number, boolean>();
  const W = y.length + 1;
  const go = (i: number, j: number): boolean => {
    if (i === x.length && j === y.length) return true;
    const k = i * W + j;
    const hit = memo.get(k);
    if (hit !== undefined) return hit;
    memo.set(k, false);
    let r = false;
    const xi = x[i];
    const yj = y[j];
    if (xi === HOLE) r = go(i + 1, j) || (j < y.length && (yj === HOLE || !hard.has(yj)) && go(i, j + 1));
    else if (yj === HOLE) r = go(i, j + 1) || (i < x.length && !hard.has(xi) && go(i + 1, j));
    else r = i < x.length && j < y.length && xi === yj && go(i + 1, j + 1);
    memo.set(k, r);
    return r;
  };
  return go(0, 0);
}

// a value never spans a `:` or `/`, nor a hash tag's brace
const HARD_SEP = new Set([':', '/', '{', '}']);
const UNDERSCORE_KEYS_SEP = new Set([...HARD_SEP, '_']);

function tokens(shape: string): string[] {
  return lex(shape);
}

/**
 * The first word of a shape, its family (`user` of `user:settings:{}`), past the store's or the
 * app's own prefix (`cache:`, `cache_`); a snake_case name is one word (`user_wallets` of
 * `user_wallets:{}` is no family of `user:transactions:{}`). Undefined when the key starts with a hole.
 */
export function familyWord(shape: string): string | undefined {
  const tokens = shape.toLowerCase().split(/[^a-z0-9_]+/);
  let i = 0;
  for (;;) {
    const t = tokens[i];
    const generic = /^([a-z0-9]+)_/.exec(t);
    if (generic && GENERIC.test(generic[1])) tokens[i] = t.slice(generic[0].length);
    else if (GENERIC.test(t) && i + 1 < tokens.length) i++;
    else break;
  }
  return tokens[i].replace(/_+$/, '') || undefined;
}

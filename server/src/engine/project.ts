// Which files to parse. Parsing is the dominant cost, and most files of a backend cannot hold cache
// code, so files are taken in tiers (see docs/performance.md):
//   1. a text gate: files whose bytes mention a cache word;
//   2. the project files those import (key builders, wrappers, clients; the module of a called
//      function only when it can do I/O: engine/inert-modules.ts) and files naming the
//      clients/wrappers they export;
//   3. files that may write an entity whose rows are cached (missing-invalidation needs writes in
//      files that never mention a cache), or create one a read path caches as "not found"
//      (negative-cache-on-create).
// Tests and scripts enter only when product code leads to them (their keys count for nothing).
// Every other file is read (to hash and search it) but never parsed.
import type { ExportValue, FileFacts } from '../facts/types';
import { singular } from '../facts/keys/entities';
import { ModuleResolver } from '../model/resolve';
import type { Analyzer } from './run';
import { isInertModule } from './inert-modules';

/**
 * A file can hold a cache call the rules know only if a cache word is used as code: a member or
 * call (`this.cache.set(`, `redis.get(`), a type (`cache: Cache`, `Keyv<…>`), a module
 * (`from 'ioredis'`, `from '../infra/redis'`, `require('keyv')`). `Cache-Control` headers and
 * comments about caches do not count. Files reaching clients under other names come in tier 2.
 */
export const CACHE_GATE =
  /(?:cache|redis|keyv|lru|ttl|setex|upstash|memcache|valkey)\w*(?:\s*[.(:<]|['"]\s*[;)])|(?:from\s+|require\s*\(\s*)['"][^'"]*(?:cache|redis|keyv|lru|upstash|valkey|@vercel\/kv|unstorage)/i;

const CREATE_VERBS = 'create|createMany|insert|insertMany|insertInto|save|upsert|persist|persistAndFlush|bulkCreate|nativeInsert';
const WRITE_VERBS = `${CREATE_VERBS}|update|updateMany|updateOne|updateTable|delete|deleteMany|deleteOne|deleteFrom|destroy|remove|softDelete|softRemove|increment|decrement|replaceOne|findOneAndUpdate|findByIdAndUpdate|findOneAndDelete|findByIdAndDelete|nativeUpdate|nativeDelete|removeAndFlush|bulkWrite|restore|patch|patchAndFetch|patchAndFetchById|updateAndFetchById|deleteById|insertGraph|upsertGraph`;

/**
 * Whether a text may write one of `entities` with one of `verbs`: the entity (model, repository,
 * table) shortly before the verb (`prisma.user.create(`, `usersRepository.save(`,
 * `db('users').insert(`), SQL (`INSERT INTO users`, `UPDATE users`, `DELETE FROM users`), or a
 * repository/model injected for it (`Repository<User>`, `@InjectModel(User.name)`) in a file that
 * calls the verb at all.
 */
function writeOf(entities: string[], verbs: string, sql: string, chained = false): WriteTest | undefined {
  const words = new Set(entities.filter(Boolean).map((w) => w.toLowerCase()));
  if (!words.size) return undefined;
  // a repository's own methods are named for what they do: `configRepo.softDeleteBatch(`
  const anyCall = new RegExp(`\\.(?:${verbs})(?:[A-Z]\\w*)?\\s*\\(`);
  // each pattern is tried only where the text names a cached entity (sticky, at that offset, or on
  // the few characters before it): one alternation of every cached entity, tried at every offset
  // of every file, grew with the project twice over
  const after = chained
    ? new RegExp(`(?!\\w*(?:Service|Controller|Handler|Gateway|Resolver|Facade|Cache|Dto|View)\\b)\\w*(?:['"\`]\\s*\\))?(?:\\s*\\.\\s*\\w+(?:\\([^()]*\\))?){0,3}\\s*\\.\\s*(?:${verbs})(?:[A-Z]\\w*)?\\s*\\(`, 'iy')
    : new RegExp(`\\w*[^;]{0,80}?\\b(?:${verbs})\\b`, 'iy');
  const sqlBefore = new RegExp(`${sql}\\s+["'\`]?(?:\\w+\\.)?$`, 'i');
  const verbBefore = chained ? undefined : new RegExp(`\\b(?:${verbs})\\b[^;]{0,40}?$`, 'i');
  // `db.update(members)`, `db.deleteFrom('users')`: the entity handed to the verb (Drizzle, Kysely)
  const callBefore = chained ? new RegExp(`\\.\\s*(?:${verbs})\\s*\\(\\s*["'\`]?$`) : undefined;
  const injectedBefore = /(?:Repository|Model|getRepository|InjectRepository|InjectModel|EntityRepository)\s*[<(]\s*$/i;
  const test = (t: string, found: ReadonlyMap<string, number[]>) => {
    let injected = false;
    for (const entity of words) {
      for (const p of found.get(entity) ?? []) {
        const end = p + entity.length;
        const before = t.slice(Math.max(0, p - 120), p);
        const wordStart = p === 0 || !/\w/.test(t[p - 1]);
        // `prisma.user.update(` / `usersRepository.save(` (the entity's own chain), `INSERT INTO users`
        after.lastIndex = end;
        if (after.test(t) || (wordStart && sqlBefore.test(before))) return true;
        if (verbBefore && wordStart && verbBefore.test(before)) return true;
        if (callBefore && wordStart && callBefore.test(before)) return true;
        // `Repository<User>`, `@InjectModel(User.name)`: the file calls a write verb somewhere
        if (wordStart && !/\w/.test(t[end] ?? '') && injectedBefore.test(before)) injected = true;
      }
    }
    return injected && anyCall.test(t);
  };
  return { words, test };
}

/** A write pattern over a set of entities (writeOf), tried where a text names one (WordStarts.in). */
interface WriteTest {
  words: ReadonlySet<string>;
  test(text: string, found: ReadonlyMap<string, number[]>): boolean;
}

/**
 * Which of a set of lowercase words a text names where a word or a part of one starts (`users`,
 * `sysUserEntity` → `sys…`, `user…`; `user_with_post` → `user…`, `with…`, `post…`), in one pass
 * over the text whatever the number of words: words are bucketed by their first three letters.
 */
class WordStarts {
  /** words by their first three characters, as one number (prefixKey) */
  private readonly byPrefix = new Map<number, string[]>();
  private readonly short = new Set<string>();

  constructor(words: Iterable<string>) {
    for (const w of words) {
      if (w.length < 3) {
        this.short.add(w);
        continue;
      }
      const k = prefixKey(w.charCodeAt(0), w.charCodeAt(1), w.charCodeAt(2));
      const list = this.byPrefix.get(k);
      if (list) list.push(w);
      else this.byPrefix.set(k, [w]);
    }
  }

  /** The words the text names, each with the offsets where it starts (no lowercased copy of the text). */
  in(text: string): Map<string, number[]> {
    const found = new Map<string, number[]>();
    let prev = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      const upper = c >= 65 && c <= 90;
      const letter = upper || (c >= 97 && c <= 122);
      if (letter) {
        const prevLower = prev >= 97 && prev <= 122;
        const prevWord = prevLower || (prev >= 65 && prev <= 90) || (prev >= 48 && prev <= 57);
        if (!prevWord || (upper && prevLower)) this.at(text, i, found);
      }
      prev = c;
    }
    return found;
  }

  private at(text: string, i: number, found: Map<string, number[]>): void {
    if (i + 2 < text.length) {
      const list = this.byPrefix.get(prefixKey(lowerAt(text, i), lowerAt(text, i + 1), lowerAt(text, i + 2)));
      if (list) for (const w of list) if (namesAt(text, i, w)) addAt(found, w, i);
    }
    for (const w of this.short) if (namesAt(text, i, w)) addAt(found, w, i);
  }
}

/** Three character codes as one number (each below 2^16: exact in a double). */
function prefixKey(a: number, b: number, c: number): number {
  return a * 4294967296 + b * 65536 + c;
}

/** The lowercase of the character at `i` (as `toLowerCase`, for the characters that stay one). */
function lowerAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c >= 65 && c <= 90) return c + 32;
  if (c < 128) return c;
  const l = String.fromCharCode(c).toLowerCase();
  return l.length === 1 ? l.charCodeAt(0) : c;
}

/** Whether `text` holds the lowercase word `w` at `i`, ignoring case. */
function namesAt(text: string, i: number, w: string): boolean {
  if (i + w.length > text.length) return false;
  for (let k = 0; k < w.length; k++) if (lowerAt(text, i + k) !== w.charCodeAt(k)) return false;
  return true;
}

function addAt(found: Map<string, number[]>, w: string, i: number): void {
  const list = found.get(w);
  if (list) list.push(i);
  else found.set(w, [i]);
}

/**
 * Modules a file's cache code refers to: where its receivers, key parts and sentinels come from.
 * With `callees`, the modules named only as the module of a called function (`toView(row)`) go
 * there instead: the loader follows those only when they can do I/O (engine/inert-modules.ts).
 */
export function referencedModules(f: FileFacts, callees?: Set<string>): Set<string> {
  const out = new Set<string>();
  const fns = new Set<string>();
  for (const c of f.calls) {
    const r = c.receiver;
    if ((r.t === 'import' || r.t === 'type') && r.ref) out.add(r.ref.module);
    if (r.t === 'fn' && r.ref) fns.add(r.ref.module);
    if (r.t === 'decorator' && r.ref) out.add(r.ref.module);
    if (r.t === 'member' && 'module' in r.of) out.add(r.of.module);
    for (const k of [c.key, ...(c.moreKeys ?? [])]) {
      for (const p of k?.parts ?? []) if ('ref' in p) out.add(p.ref.module);
      if (k?.builder?.ref) out.add(k.builder.ref.module);
    }
    for (const a of c.args) {
      if (a.sentinelRef) out.add(a.sentinelRef.module);
      // Pattern: fetch(key, () => getWebsite(id)) — the loader's module holds the rows the cache keeps
      for (const s of a.srcCalls ?? []) {
        if ('ref' in s) out.add(s.ref.module);
        // Pattern: set(k, new AuthUser(user)) — the class's module says what the instance keeps
        else if ('new' in s && 'module' in s.new) out.add(s.new.module);
      }
    }
  }
  const visit = (v: ExportValue | undefined): void => {
    if (!v) return;
    if (v.t === 'reexport') out.add(v.ref.module);
    else if (v.t === 'key') {
      for (const p of v.parts) if ('ref' in p) out.add(p.ref.module);
    } else if (v.t === 'object') Object.values(v.members).forEach(visit);
    else if (v.t === 'client' && (v.client.t === 'import' || v.client.t === 'type')) out.add(v.client.ref.module);
  };
  [...Object.values(f.exports), ...Object.values(f.locals), ...f.classes.flatMap((c) => [c.statics, c.keyMethods])].forEach(visit);
  for (const cls of f.classes) if (cls.extendsRef && 'module' in cls.extendsRef) out.add(cls.extendsRef.module);
  // Pattern: getAuthUser(id) { …; return new AuthUser(user) } — what a cached result holds is the class's data
  for (const fn of f.fns) if (fn.returnsNew && 'module' in fn.returnsNew) out.add(fn.returnsNew.module);
  for (const m of fns) if (!out.has(m)) (callees ?? out).add(m);
  return out;
}

export interface LoadResult {
  /** files whose facts were extracted (parsed) */
  parsed: string[];
  /** files read but never parsed: nothing in them can matter to a rule */
  skipped: number;
  /** files parsed after each tier (for --timing and the benchmark) */
  tiers: number[];
}

/** Names another file would use to reach this file's clients or wrappers. */
function exportedCacheNames(f: FileFacts): string[] {
  const names = new Set<string>();
  for (const [name, v] of Object.entries(f.exports)) if (v.t === 'client' && name !== 'default') names.add(name);
  for (const w of f.wrappers) names.add(w.className || w.method);
  for (const d of f.decorators ?? []) names.add(d.name);
  return [...names].filter((n) => /^[A-Za-z_$][\w$]+$/.test(n));
}

/** Entities whose not-found sentinel a read path caches: their creates matter anywhere. */
function sentinelEntities(f: FileFacts): string[] {
  const fns = new Set(f.calls.filter((c) => c.args.some((a) => a.sentinel || a.sentinelRef)).map((c) => c.fn));
  return f.dbReads.filter((r) => r.entity && fns.has(r.fn)).map((r) => r.entity!);
}

/** Entities whose rows a cache write stores (`cache.set(k, row)` after `prisma.user.findUnique`): their writes matter anywhere. */
function cachedEntities(f: FileFacts): string[] {
  // Pattern: @CachedEntity({ builder }) getSubscriber(…) { return this.subscriberRepository.findOne(…) } — a decorated read-through
  return f.calls.flatMap((c) => [...c.args.flatMap((a) => a.srcEntities ?? []), ...(c.receiver.t === 'decorator' ? (c.readEntities ?? []) : [])]);
}

/**
 * Whether a text names one of `words` as a whole word. Each word of the text is looked up in a set:
 * an alternation of every exported client and wrapper name, tried at every offset of every file,
 * grew with the project twice over. (Names holding a `$` keep a regex of their own.)
 */
function wholeWords(words: Iterable<string>): ((text: string) => boolean) | undefined {
  const plain = new Set<string>();
  const other: string[] = [];
  for (const w of words) (/^\w+$/.test(w) ? plain.add(w) : other.push(w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  if (!plain.size && !other.length) return undefined;
  const rest = other.length ? new RegExp(`\\b(?:${[...new Set(other)].join('|')})\\b`) : undefined;
  // a word of the text is cut out only when its length and first character can be a name's
  const lengths = new Set([...plain].map((w) => w.length));
  const firsts = new Set([...plain].map((w) => w.charCodeAt(0)));
  return (text) => {
    if (plain.size)
      for (let i = 0; i < text.length; ) {
        if (!isWordChar(text.charCodeAt(i))) {
          i++;
          continue;
        }
        let end = i + 1;
        while (end < text.length && isWordChar(text.charCodeAt(end))) end++;
        if (lengths.has(end - i) && firsts.has(text.charCodeAt(i)) && plain.has(text.slice(i, end))) return true;
        i = end;
      }
    return !!rest?.test(text);
  };
}

/** A character of `\w`: an ASCII letter, digit or underscore. */
function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}

/**
 * Loads `texts` into the analyzer tier by tier. `all: true` parses every file (the language server's
 * open documents, or `--no-gate`).
 */
export function loadProject(
  analyzer: Analyzer,
  texts: ReadonlyMap<string, string>,
  opts: {
    all?: boolean;
    /** the config names cache code the text gate cannot know: a `cacheModules` module, a `wrappers` class */
    configured?: (file: string, text: string) => boolean;
  } = {},
): LoadResult {
  const modules = new ModuleResolver(new Set(texts.keys()));
  const parsed = new Set<string>();
  const take = (f: string) => {
    if (parsed.has(f)) return;
    parsed.add(f);
    analyzer.setFile(f, texts.get(f)!);
  };
  // tests and scripts are no report sites and their keys count for nothing (model/file-kinds.ts):
  // they are parsed only when product code leads to them, or to check a suppression comment
  // (asked of most files three or four times: once each)
  const kinds = new Map<string, boolean>();
  const product = (f: string) => {
    if (opts.all) return true;
    let p = kinds.get(f);
    if (p === undefined) kinds.set(f, (p = analyzer.kindOf(f) === undefined));
    return p;
  };
  // a suppression comment is checked (and reported when unused) wherever it is
  for (const [f, t] of texts)
    if (opts.all || t.includes('cachelint-disable') || ((CACHE_GATE.test(t) || opts.configured?.(f, t)) && product(f))) take(f);
  const tiers = [parsed.size];
  if (!opts.all) {
    // tier 2: the modules parsed files refer to from cache code (clients, wrappers, key builders,
    // key constants, sentinels; followed three levels), and files naming their exported clients/wrappers
    const follow = (from: string[], levels: number) => {
      let frontier = from;
      for (let depth = 0; depth < levels && frontier.length; depth++) {
        const next: string[] = [];
        for (const f of frontier) {
          const callees = new Set<string>();
          const specs = referencedModules(analyzer.factsOf(f)!, callees);
          for (const spec of callees) {
            const target = modules.resolve(f, spec);
            if (target && !parsed.has(target) && !isInertModule(texts.get(target)!, (s) => modules.resolve(target, s), (t) => texts.get(t))) specs.add(spec);
          }
          for (const spec of specs) {
            const target = modules.resolve(f, spec);
            if (target && !parsed.has(target)) {
              take(target);
              next.push(target);
            }
          }
        }
        frontier = next;
      }
    };
    follow([...parsed], 3);
    tiers.push(parsed.size);
    // identifiers, matched as whole words (a client exported as `kv` is named `kv`)
    const names = wholeWords([...parsed].flatMap((f) => exportedCacheNames(analyzer.factsOf(f)!)));
    const callers: string[] = [];
    if (names)
      for (const [f, t] of texts)
        if (!parsed.has(f) && product(f) && names(t)) {
          take(f);
          callers.push(f);
        }
    // a caller of a cache wrapper orders it after other calls (`await this.users.update(…);
    // await this.cache.refresh(…)`): the services it calls may write the database
    follow(callers, 2);
    tiers.push(parsed.size);
    // tier 3: writes of entities whose rows are cached, creates of entities cached as "not found"
    const forms = (entities: string[]) => entities.flatMap((e) => [e, e.replace(/_/g, ''), singular(e)]);
    const facts = [...parsed].map((f) => analyzer.factsOf(f)!);
    const writes = writeOf(forms(facts.flatMap(cachedEntities)), WRITE_VERBS, '(?:insert\\s+into|update|delete\\s+from)', true);
    const creates = writeOf(forms(facts.flatMap(sentinelEntities)), CREATE_VERBS, 'insert\\s+into');
    // one pass over each text finds the entities of both
    const starts = writes || creates ? new WordStarts(new Set([...(writes?.words ?? []), ...(creates?.words ?? [])])) : undefined;
    if (starts)
      for (const [f, t] of texts) {
        if (parsed.has(f) || !product(f)) continue;
        const found = starts.in(t);
        if (found.size > 0 && (writes?.test(t, found) || creates?.test(t, found))) take(f);
      }
  }
  // product files read but not parsed: searched as text by rules that must see every use of a name
  const unparsed = new Map<string, string>();
  for (const [f, t] of texts) if (!parsed.has(f) && product(f)) unparsed.set(f, t);
  analyzer.setUnparsed(unparsed);
  return { parsed: [...parsed], skipped: texts.size - parsed.size, tiers };
}

// Shared types for rules, findings and edits: what every rule, reporter and adapter agrees on.
import type { KeyUse } from './facts/cache/verbs';
import type { CacheModel } from './model/cache-model';
import type { CallGraph } from './model/call-graph';
import type { FileKind } from './model/file-kinds';
import type { Aggregate, CacheLib, CacheOpKind, CallFact, DbRead, DbWrite, FileFacts, KeyPart, SourceCall, Span, ValueSource } from './facts/types';

export type RuleId =
  | 'set-after-commit'
  | 'missing-ttl'
  | 'key-drift'
  | 'negative-cache-on-create'
  | 'missing-invalidation'
  | 'invalidate-before-commit'
  | 'write-from-cache';
export const RULE_IDS: readonly RuleId[] = [
  'set-after-commit',
  'missing-ttl',
  'key-drift',
  'negative-cache-on-create',
  'missing-invalidation',
  'invalidate-before-commit',
  'write-from-cache',
];

export type Severity = 'error' | 'warning';
export type SeveritySetting = 'off' | 'warn' | 'error';

/** A text replacement in one file, in UTF-16 offsets of the text the finding was computed on. */
export interface Edit {
  start: number;
  end: number;
  text: string;
}

/**
 * `safe` fixes preserve behaviour and run under `--fix` / `source.fixAll`; `suggestion`s change
 * behaviour (swap set for delete, pick a TTL) and are only ever applied by a person.
 */
export interface Fix {
  title: string;
  kind: 'safe' | 'suggestion';
  edits: Edit[];
}

export interface Related {
  file: string;
  span: Span;
  message: string;
}

export interface Finding {
  ruleId: RuleId | null;
  messageId: string;
  message: string;
  file: string;
  span: Span;
  severity: Severity;
  related: Related[];
  /** the safe fix, if any (applied by --fix) */
  fix?: Fix;
  /** behaviour-changing fixes, offered as suggestions/quick fixes */
  suggestions: Fix[];
  /**
   * The real names in this finding's race, for its timeline (report/explain.ts). Optional: a
   * finding without them (an old cache entry, a hand-made one) explains itself in generic words.
   */
  race?: RaceNames;
  /** the longer explanation behind the headline (the rule's `details` for this messageId) */
  detail?: string;
  /** how this finding goes stale, step by step (the rule's `timeline`), for the hover and markdown output */
  timeline?: Timeline;
  /** the key the finding is about: its shape, role and the evidence for the role (model/key-info.ts) */
  key?: KeyInfo;
}

export interface KeyInfo {
  shape: string;
  role: 'cache' | 'not-cache' | 'unknown';
  /** `cache: filled after a miss at users.service.ts:21` */
  evidence: string;
}

/**
 * The names a race explainer puts in its timeline. Every field may be missing (a reader the
 * analysis did not find): the timeline then says "a reader", "the database write", "the key".
 */
export interface RaceNames {
  /** the key's shape as the finding's call builds it (`user:v1:{}`) */
  key?: string;
  /** the shape the reads use, when it differs (key-drift) */
  readKey?: string;
  /** the function that reads the key and fills it on a miss (`getUser`) */
  reader?: string;
  /** the function that writes the database (`renameUser`) */
  writer?: string;
  /** the database write's callee (`prisma.user.update`) */
  dbWrite?: string;
  /** what the database write does */
  dbWriteKind?: 'create' | 'update' | 'delete';
  /** the cache call's verb as the code spells it (`set`, `AppCache.put`) */
  cacheVerb?: string;
  /** the cached entry's TTL in seconds, when it is a literal */
  ttlSeconds?: number;
  /** the cached entry has certainly no TTL */
  noTtl?: boolean;
  /** the entity the rows belong to (`user`) */
  entity?: string;
  /** the ORM hook the cache write runs in, and the write it runs after (`User update`) */
  hook?: { label: string; write: string };
}

/** One step of a race: who acts (`reader`, `writer A`) and what happens, with the real names. */
export interface TimelineStep {
  actor: string;
  text: string;
}

/** T0…Tn and what the cache serves after the last step (`stale until the TTL (10 min)`). */
export interface Timeline {
  steps: TimelineStep[];
  outcome: string;
}

export interface RuleMeta<M extends string> {
  id: RuleId;
  description: string;
  severity: Severity;
  fix: 'none' | 'suggestion' | 'safe' | 'safe-when-configured';
  requiresTypeInfo: boolean;
  /** the rule needs the whole project (its findings depend on other files) */
  crossFile: boolean;
  /** one clause of at most 100 characters, as ESLint writes them (messages.test.ts holds every rule to it) */
  messages: Record<M, string>;
  /** the why behind a headline, same `{{data}}` as the message: shown in the hover and markdown output */
  details?: Partial<Record<M, string>>;
  help: string;
}

/** A cache call after linking: the receiver is known to be a cache client (or a wrapper of one). */
export interface CacheOp {
  file: string;
  call: CallFact;
  lib: CacheLib;
  /** set when the call goes through a project wrapper (class name.method) */
  wrapper?: string;
  kind: CacheOpKind;
  /** the library verb the op maps to (`set`, `hset`, `del`…), lower case */
  verb: string;
  /** true: an expiry is set; false: certainly none; undefined: cannot tell (rules stay silent) */
  ttl?: boolean;
  /** SET … NX / setnx-style fill that never overwrites */
  nx: boolean;
  /** the written value is a not-found sentinel */
  sentinel: boolean;
  /**
   * the sentinel is written whether or not a lookup found anything (facts/flow/absent-path.ts):
   * a flag or a timer that happens to hold `''` or `null`, not a remembered miss
   */
  everyPath?: true;
  /** the key, resolved across files; `shape` is undefined when nothing literal is known */
  key?: {
    parts: KeyPart[];
    shape?: string;
    /**
     * Parameters of the wrapper the call left out, whose default literal went into the key
     * (`invalidate(slugs, domain = 'example.com')`), and the shape with those left open.
     */
    defaults?: { param: string; value: string }[];
    openShape?: string;
    /** a decorator's key when a scope is set (`tenantId ? … : …`): that key's shape and the scope's name */
    scoped?: { shape: string; by: string };
  };
  /** the client's default TTL is configured (cache-manager/keyv/lru-cache/node-cache) */
  defaultTtl?: boolean;
  /** the client's ioredis keyPrefix, already part of `key.shape` (a fix must not write it again) */
  keyPrefix?: string;
  /** the method that deletes a key on the same receiver (`del`, `delete`, a wrapper's `invalidate`) */
  deleteVia?: string;
  /** the argument of the call that decides the TTL (an EX value, a TTL parameter of a wrapper) */
  ttlFrom?: number;
  /** the TTL in seconds, when it is a literal number */
  ttlSeconds?: number;
  /** for a write whose value is the result of project functions (`() => getWebsite(id)`): those, for their rows */
  valueCalls?: SourceCall[];
  /** the file `valueCalls` are named in, when not the op's own (the loader an instance was made with elsewhere) */
  valueCallsFile?: string;
  /**
   * the value is what the instance's loader returns when the op runs (`cache.refresh(id)` re-reads
   * and sets), not a value the caller holds: after a create it holds the new row too
   */
  reloaded?: true;
  /** the argument of the call that is the written value */
  valueArg?: number;
  /** what the written value is loaded from (writes) */
  valueSrc?: ValueSource;
  /**
   * Through a wrapper, the value is the wrapper's own flag-like literal (`set(\`due:${id}\`, '1')`
   * inside `addToQueue(id)`): what the caller's op writes is a marker, not data (model/roles.ts)
   */
  flagValue?: true;
  /** the written value is an existence flag named for what it looks for (ArgFact.flagOf) */
  valueFlagOf?: string;
  /** the fields the written value holds, lower-cased, when known (ArgFact.holds) */
  valueHolds?: string[];
  /** the project function the value is the result of, as a whole (ArgFact.holdsOf) */
  valueHoldsOf?: SourceCall;
  /** the value aggregates rows: a leaderboard (`ranked`) or a tally (`count`) (ArgFact.aggregate) */
  valueAggregate?: Aggregate;
  /** the value holds rows whose filter pins these fields to literals (ArgFact.pins) */
  valuePins?: Record<string, string>;
  /** the value holds the rows of one value of these fields (ArgFact.by) */
  valueBy?: string[];
  /** the value also holds rows of these included relations' entities (ArgFact.includes) */
  valueIncludes?: string[];
  /** the value counts rows filtered by these fields ([]: by fields not known) (CallFact.returnsCountOf) */
  valueCountFilter?: string[];
  /** the entities of the database reads the written value is built from */
  valueEntities?: string[];
  /** what the code loads when this read misses (reads) */
  fallback?: ValueSource;
  /** what the verb says of the key's use when that is no cache (a queue pop, a counter, a lock…) */
  use?: KeyUse;
  /** the call goes through a project wrapper: its summary's owner and the op inside it */
  via?: WrapperVia;
  /**
   * The key is minted in the call itself or inside a wrapper it goes through, at any depth
   * (`saveState(id, s)` with `s.version ||= genVersionId()` inside): a key no reader had before.
   */
  minted?: true;
  /** a delete of the keys a pattern matches (a KEYS/SCAN whose finds are deleted), itself or inside the wrapper it calls */
  matching?: true;
  /** the read runs in a `catch` clause (its own call's, or the wrapper's inner call's): a fallback when the source failed */
  inCatch?: true;
  /** a read that runs while its function holds a lock it took (CallFact.locked), itself or inside the wrapper it calls */
  locked?: true;
  /**
   * Where the key and TTL are chosen, and so where findings about them belong: `forwarded` ops sit
   * inside a facade whose callers choose them; `echo` ops are calls of a helper that fixes them
   * inside (its own op carries those findings). Ordering findings (a set after a DB write) belong
   * wherever the order is visible, echoes included.
   */
  forwarded?: boolean;
  echo?: boolean;
  /** the wrapper's optional TTL parameter this call left out (missing-ttl's fix passes it) */
  ttlParam?: { index: number; name: string; /** the TTL is this member of an options object */ member?: string };
  /**
   * The op is one a method decorator makes around the method (model/decorated-ops.ts): its name,
   * and whether the decorator's call runs before or after the original method (a delete before it
   * runs ahead of the method's database writes).
   */
  decorated?: { name: string; original: 'before' | 'after' | 'unknown' };
}

/** The wrapper a call goes through: `RedisService.set`, and the client call inside it. */
export interface WrapperVia {
  /** `RedisService.set`, `cacheSet()` */
  label: string;
  file: string;
  /**
   * The inner call (a CallFact id of `file`). Its span is looked up when reported (rules/util.ts
   * `viaRelated`): an edit in the wrapper's file that moves it re-links that file only.
   */
  callId: number;
  /** the unit the wrapper's TTL parameter is in (how its inner call passes it) */
  ttlUnit?: 's' | 'ms';
  /** the caller's arguments from this index on are the client's own options (`set(k, v, ...args)`) */
  rest?: number;
}

/** One analysed file: its text, facts and the cache ops the linker resolved in it. */
export interface LinkedFile {
  file: string;
  text: string;
  facts: FileFacts;
  ops: CacheOp[];
  /** a test or a one-off script: no report site, and its keys count for nothing (model/file-kinds.ts) */
  kind?: FileKind;
}

/** The whole project as the cross-file rules see it. */
export interface ProjectIndex {
  files: ReadonlyMap<string, LinkedFile>;
  /** all cache ops of the project, in file order */
  ops: readonly CacheOp[];
  /** every key with its sites and role (built on first use, once per link) */
  readonly model: CacheModel;
  /** calls of project functions followed to the database writes they make (built on first use) */
  readonly callGraph: CallGraph;
  /** calls with a literal key that look like cache reads but whose receiver is unresolved */
  looseReads: readonly { file: string; call: CallFact; shape: string }[];
  dbWrites: readonly (DbWrite & { file: string })[];
  /** one file's entries of `dbWrites` (none for a file that is not linked) */
  dbWritesOf(file: string): readonly (DbWrite & { file: string })[];
  dbReads: readonly (DbRead & { file: string })[];
  /** the project's module resolver (import specifier → analysed file), built once per file set */
  modules: { resolve(from: string, spec: string): string | undefined };
  /**
   * Where project rules keep derived data between runs of one analyzer: indexes updated for the
   * files that changed instead of rebuilt (rules/file-index.ts). Never findings: those are recomputed.
   */
  memo: Map<string, unknown>;
  /**
   * The project's source files that were read but not parsed (the CLI parses only files that can
   * hold cache code), by path: what text searches over the whole project also look at
   * (rules/read-fields.ts). Empty where every file is parsed (the language server).
   */
  unparsed: ReadonlyMap<string, string>;
  /** which link of the analyzer this is (they count up) */
  generation: number;
  /** when this link was derived from the previous one: that link's generation and the files that may differ */
  changedSince?: { generation: number; files: readonly string[] };
}

export interface RuleSettings {
  /** the configured default TTL for this file (missing-ttl's fix becomes safe with it) */
  defaultTtlSeconds(file: string): number | undefined;
  /** whether missing-ttl judges keys of unknown role too (config `missingTtl`) */
  missingTtl(file: string): 'caches' | 'all-writes';
  /** major version of cache-manager installed, read from the nearest package.json */
  cacheManagerMajor(file: string): number | undefined;
}

export interface ReportDescriptor<M extends string> {
  file: string;
  span: Span;
  messageId: M;
  data?: Record<string, string | number>;
  related?: Related[];
  fix?: Fix;
  suggestions?: Fix[];
  /** names for the rule's `timeline` (what this finding's race looks like in this code) */
  race?: RaceNames;
  /** the key the finding is about, when it is not the cache op under the finding (found by the engine) */
  key?: KeyInfo;
}

export interface RuleContext<M extends string> {
  settings: RuleSettings;
  /** the linked project (the cache model's roles, other files' ops) */
  project: ProjectIndex;
  report(d: ReportDescriptor<M>): void;
  /**
   * Whether findings in `file` are wanted in this run. A project rule may skip what it would
   * report elsewhere (the editor asks for its open documents only); reporting anyway is harmless.
   */
  wants(file: string): boolean;
  /**
   * The files `wants` accepts, in project order, when that is not every file (the editor's open
   * documents): a rule judging each write or op of a wanted file starts from these instead of
   * scanning the whole project on every keystroke (rules/judged.ts).
   */
  judged?: readonly string[];
}

export interface Rule<M extends string = string> {
  meta: RuleMeta<M>;
  /** per-file check (rules whose findings depend only on this file's facts and the linked ops) */
  checkFile?(file: LinkedFile, ctx: RuleContext<M>): void;
  /** project-wide check (key-drift, negative-cache-on-create) */
  checkProject?(project: ProjectIndex, ctx: RuleContext<M>): void;
  /**
   * The race explainer: how a finding of this rule goes stale, T0…T3, the docs' timeline with the
   * finding's names filled in (helpers in rules/timeline.ts). Called once per finding by the engine.
   */
  timeline?(messageId: M, race: RaceNames): Timeline | undefined;
}

export function formatMessage(template: string, data: Record<string, string | number> = {}): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (m, k: string) => (k in data ? String(data[k]) : m));
}

export function docUrl(id: string): string {
  return `https://github.com/cachelint/cachelint/blob/main/docs/rules/${id}.md`;
}

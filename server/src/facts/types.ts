// The facts layer's data model. Everything here is plain JSON (offsets, strings, numbers), never a
// compiler node: per-file facts are cached on disk (`--cache`) and kept in the language server's
// project index between edits, so they must survive without the AST that produced them.

/** Half-open UTF-16 offsets into the file text, as TypeScript reports them. */
export interface Span {
  start: number;
  end: number;
}

/** Cache libraries whose semantics (verbs, TTL syntax and unit) the rules know. */
export type CacheLib =
  | 'ioredis'
  | 'node-redis'
  | 'upstash'
  | 'cache-manager'
  | 'keyv'
  | 'lru-cache'
  | 'node-cache'
  | 'bun-redis'
  | 'iovalkey'
  | 'valkey-glide'
  | 'vercel-kv'
  | 'unstorage'
  | 'cacheable'
  | 'mnemonist'
  | 'memory-cache'
  | 'keyed-store'
  | 'midway-cache-manager'
  | 'midway-cache'
  | 'bentocache';

/**
 * A reference to something that may live in another file, resolved by the project linker
 * (`model/link.ts`). `module` is the import specifier as written; `name` is the imported name
 * (`default`, `*` or a named export); `member` walks properties from there (`CacheKeys.product`).
 */
export interface SymbolRef {
  module: string;
  name: string;
  member?: string[];
}

/** A function of the project a value is the result of: declared in this file, or imported. */
/** A project function a value is the result of: local, imported, the caller's loader (`param`), or a recorded call (`this.perms.check(id)`). */
export type SourceCall = { local: string } | { ref: SymbolRef } | { param: number } | { call: number }
  /** the loader an instance was made with: argument `made` of its maker (syntax/made-closures.ts) */
  | { made: number }
  /**
   * the loader an instance of the class was constructed with: constructor argument `ctor`, or its
   * property `prop` (`this.fetcher(key)` with `this.fetcher = opts.fetcher`)
   */
  | { ctor: number; prop?: string }
  /** an instance of a class of the project built here (`new AuthUser(user)`): it holds the class's data */
  | { new: SymbolRef | { local: string } };

/**
 * What the function arguments an instance was made or constructed with load, by argument index, or
 * `<index>.<property>` for an options object (`{ fetcher: (k) => repo.find(…) }`).
 */
export type InstanceLoaders = Record<string, { entities?: string[]; calls?: SourceCall[]; /** the one column of the row it returns (`row?.settings ?? {}`) */ holds?: string[]; /** the columns the row is looked up by (`where('id', '=', id)`) */ by?: string[] }>;

/** What a receiver expression (`redis`, `this.cache`, `cacheManager`) is known to be. */
export type ClientRef =
  /** A cache client constructed or injected here: `new Redis()`, `@InjectRedis()`, `createCache({ ttl })`. */
  /**
   * `config`: the framework config entry whose options give the store's default TTL: a Midway
   * `cacheManager.clients` name (`@InjectClient(CachingFactory, 'default')`), or `@cache` for the
   * older @midwayjs/cache (facts/cache/midway-config.ts).
   */
  | { t: 'lib'; lib: CacheLib; defaultTtl?: boolean; defaultTtlValue?: number; nest?: boolean; pipeline?: number; keyPrefix?: string; config?: string; /** a keyed store's own delete method */ del?: string; /** a keyed store whose set takes milliseconds (`set(k, v, ttlMs?)`) */ ttlMs?: true; /** what the store's own loader loads (lru-cache's `fetchMethod`): its `fetch` reads through */ loader?: InstanceLoaders[string] }
  /**
   * A binding imported from another module (a client instance or a wrapper instance exported there);
   * `called`: the result of calling it (`getRedis()`, a getter exported there).
   */
  | { t: 'import'; ref: SymbolRef; pipeline?: number; called?: boolean }
  /**
   * An instance of a class declared in this file (possibly a wrapper). `ctorArgs`: the literal
   * arguments of the `new` that built it (null: not a literal), for `#ctor:<i>` key holes.
   */
  | { t: 'class'; name: string; pipeline?: number; ctorArgs?: (string | null)[]; ctorLoaders?: InstanceLoaders }
  /** A value of a type imported from a project module (`cache: AppCache` with AppCache imported, or `new AppCache(…)`). */
  | { t: 'type'; ref: SymbolRef; pipeline?: number; ctorArgs?: (string | null)[]; ctorLoaders?: InstanceLoaders }
  /**
   * A member of an instance of a project class or interface, found by the linker in that class's
   * facts (or its base's): `this.client` declared in a base class, `this.clients.redis` with
   * `clients: AppClients`, and with `call` a getter's result (`this.redisService.getRedis()`).
   * `of` names the class: declared in this file (`local`) or imported.
   */
  | { t: 'member'; of: { local: string } | SymbolRef; name: string; call?: boolean; pipeline?: number }
  /**
   * a call of a plain function (`cacheSet(k, v)`), local or imported: maybe a function wrapper; or
   * of a local instance a maker made (`getTeam(id)`, with `member` its member: `getTeam.clear(id)`)
   */
  | { t: 'fn'; local?: string; ref?: SymbolRef; pipeline?: number; member?: true }
  /**
   * not resolved: kept only so a read with a literal key counts as a use of that key. `global`: a
   * member of an undeclared global namespace (`WIKI.cache`), which the linker looks up among the
   * project's assignments to it (`FileFacts.globals`)
   */
  | { t: 'unknown'; pipeline?: number; global?: string }
  /**
   * A decoration of a method (`@Cacheable('user:{id}')`) with a project decorator factory, local or
   * imported (facts/cache/decorators.ts), or with Nest's `@CacheKey` under `CacheInterceptor`
   * (`nest`: the call's key is the `@CacheKey` argument, its second argument the `@CacheTTL` one):
   * the linker reads it as the cache calls the decorator wraps the method with.
   */
  | { t: 'decorator'; local?: string; ref?: SymbolRef; nest?: boolean; pipeline?: number };

/** A piece of a cache key: literal text, a hole (a runtime value), or a symbolic reference. */
export type KeyPart =
  | { lit: string }
  // the hole's source text, e.g. `id` or `user.id`; `local`: it names a variable declared inside the
  // function that shadows a parameter of the same name (`for (const id of ids)` in `f(id = '')`)
  // `join`: a parameter that may be given a list of parts, joined with this separator
  // (`genKey(key) { return Array.isArray(key) ? key.join('_') : key }`, `(...parts) => parts.join(':')`);
  // `cut`: text cut out of another string (`tokenKey.replace(TOKEN_KEY, '')`), which may begin or end
  // with a separator the shape around it seems to lack
  | { hole: string; local?: true; join?: string; cut?: true }
  // imported constant or key builder call, args as source text; `argRefs`: per argument, its parts
  // when they name constants of the caller's file (`getRedisKey(RedisKeyPrefix.USER_ROLE, id)`)
  // `props`: per argument, an options object's properties as source text (`buildKey({ type, id: user.id })`,
  // a builder destructuring its parameter); `propRefs`: those naming constants of the caller's file
  | {
      ref: SymbolRef;
      args?: string[];
      argRefs?: (KeyPart[] | null)[];
      props?: (Record<string, string> | null)[];
      propRefs?: (Record<string, KeyPart[]> | null)[];
      /** per argument, an array literal's elements as key parts (`genKey([CKEY.USER, id])`) */
      items?: (KeyPart[][] | null)[];
    };

/**
 * A key expression. `parts` is what the expression is made of, as far as this file can tell;
 * `builder` names the key builder it calls (local name or imported ref) so a fix can call it again.
 */
export interface KeyExpr {
  span: Span;
  text: string;
  parts: KeyPart[];
  builder?: { local?: string; ref?: SymbolRef; args: string[] };
  /** a template / `+` chain as written (holes keep their own source text), for fixes */
  written?: KeyPart[];
}

/** What a cache call does to the key it touches. */
export type CacheOpKind = 'read' | 'write' | 'delete' | 'expire' | 'other';

/**
 * Where a value comes from (facts/flow/value-sources.ts): a database row, an HTTP response, the
 * result of another call, a parameter of the enclosing function, or a literal.
 */
export type ValueSource = 'db' | 'http' | 'call' | 'param' | 'literal';

/**
 * What a read makes of its rows: the first few by a measure (`ranked`), the newest few (`latest`),
 * the one oldest row (`oldest`), or their number (`count`).
 */
export type Aggregate = 'ranked' | 'latest' | 'oldest' | 'count';

/** One argument of a call, summarised: enough for TTL/option checks and fixes. */
export interface ArgFact {
  span: Span;
  /** literal string value, upper-cased flags are compared case-insensitively by rules */
  str?: string;
  /** the value is a number moved by one (`String(views + 1)`): a counter's read-modify-write */
  bump?: true;
  /** the second argument's literal start when it is built (`track:` of `` `track:${id}` ``): a hash field family */
  head?: string;
  num?: number;
  /** object literal: its property names (lower-case comparisons are the rule's business) */
  props?: string[];
  /** an object literal property `ttl: 0` style numeric value, by property name */
  propNums?: Record<string, number>;
  /** an object literal's properties set to `true` (`{ bypassCache: true }`) */
  propTrue?: string[];
  spread?: boolean;
  /** a spread of the enclosing function's rest parameter at this index (`redis.set(k, v, ...args)`) */
  restParam?: number;
  /** the argument is an identifier naming a parameter of the enclosing function (for wrappers) */
  param?: number;
  /**
   * an options object one of whose numbers is a member of a parameter (`{ EX: opts.ex }` in
   * `setJSON(key, obj, opts)`): the option's name, the parameter and its member
   */
  propParam?: { prop: string; param: number; member: string };
  /** the argument names a parameter of the maker of the enclosing closure (syntax/made-closures.ts): the instance's argument */
  madeParam?: number;
  /** the value is a not-found sentinel (null, 'null', '', JSON.stringify(null), a constant holding one…) */
  sentinel?: boolean;
  /** the value is the key/identifier of a sentinel constant imported from elsewhere (linker decides) */
  sentinelRef?: SymbolRef;
  /**
   * the value is an existence flag named for what it looks for (`hasRestrictions` → `restrictions`):
   * its false says that thing is missing, not the key's entity (negative-cache-on-create)
   */
  flagOf?: string;
  /**
   * the value is a plain sentinel (`''`, `null`, a NOT_FOUND constant) written whether or not a
   * lookup found anything (facts/flow/absent-path.ts): a flag or a timer, not a remembered miss
   */
  unconditional?: true;
  /** an array literal's elements as key parts: a list of key parts a wrapper may join (`hset([CKEY.USER, id], row)`) */
  items?: KeyPart[][];
  /** where the value comes from (arguments after the first) */
  src?: ValueSource;
  /** the entities of the database reads (or returned rows) the value is built from */
  srcEntities?: string[];
  /**
   * the fields the value holds, lower-cased, when they are known: an object literal's properties,
   * the names a SQL SELECT it is built from reads (facts/cache/cache-calls.ts heldFields)
   */
  holds?: string[];
  /**
   * the project function the value is the result of, as a whole (`JSON.stringify(serializeCtx(ctx))`):
   * it holds what that function returns, whatever its arguments were built from
   */
  holdsOf?: SourceCall;
  /** the value is built from reads that all aggregate their rows so: ranked (a leaderboard) or counted (a tally) */
  aggregate?: Aggregate;
  /** the value is built from one read whose filter pins these fields to literals (`find({ status: 'Paid' })`) */
  pins?: Record<string, string>;
  /** the value is built from one read whose filter compares these fields with run-time values (`findMany({ where: { dictType } })`) */
  by?: string[];
  /** the entities of the relations its reads include (`include: { Room: { include: { RoomsUsers: true } } }`) */
  includes?: string[];
  /** project functions whose results the value is built from (`() => getWebsite(id)`): the linker reads their rows */
  srcCalls?: SourceCall[];
  /**
   * The argument as key parts, for calls that may go through a project wrapper (the wrapper builds
   * its key from its parameters): `put(id, v)` with `key(id)` inside. `props`: an object literal's
   * properties as key parts (`put({ id: u.id })` with a destructured `{ id }`).
   */
  parts?: KeyPart[];
  propParts?: Record<string, KeyPart[]>;
}

/**
 * A call `recv.method(args)` whose receiver may be a cache client. Phase 1 records it with a
 * symbolic receiver; the linker decides whether it is a cache call and of which library.
 */
/**
 * What the code does with a value it read: the fields it uses (`p.host`, `const { email } = p`) and
 * the members of `this` it keeps the whole value in (`this.profile = p`), whose own uses are the
 * project's, and whether its function returns it (rules/read-fields.ts). Recorded only when no
 * other use passes the value on.
 */
export interface ValueUses {
  fields: string[];
  members?: string[];
  /** the function returns the value as it is: its callers' uses count too */
  returned?: true;
}

export interface CallFact {
  id: number;
  span: Span;
  method: string;
  methodSpan: Span;
  /** span of the receiver expression (`this.redis`), to build fixes that reuse it */
  receiverSpan: Span;
  receiver: ClientRef;
  args: ArgFact[];
  /** end of the argument list (position just before `)`) to append arguments */
  argsEnd: number;
  key?: KeyExpr;
  /** the further keys of a multi-key delete: `del(a, b)`, `del([a, b])` */
  moreKeys?: KeyExpr[];
  fn: number;
  /** index of the DB writes (into FileFacts.dbWrites) that precede this call in the same flow */
  afterWrites: number[];
  /** a raw command naming its verb (`call('SET', k, v)`, `send('SETEX', [k, t, v])`): args are the command's */
  raw?: true;
  /**
   * the call's one argument is an options object (`cache.getOrSet({ key, factory, ttl })`, bentocache):
   * `args` are its `key`, its `value` or `factory`, and the object itself; this is the object's span
   */
  options?: Span;
  /** those of `afterWrites` that run concurrently with this call (`Promise.all([write, call])`) */
  alongside?: number[];
  /**
   * Ids of the recorded calls of project functions that precede this call in the same flow
   * (`await this.users.update(id, dto); await this.cache.set(…)`): the linker follows them into
   * the functions they call, for the database writes those make (model/call-graph.ts).
   */
  afterCalls?: number[];
  /** those of `afterCalls` that run concurrently with this call (`Promise.all([this.repo.update(…), cache.del(k)])`) */
  alongsideCalls?: number[];
  /** the call is inside a pipeline/multi chain; same id = same pipeline */
  pipeline?: number;
  /** when the call is a statement of its own (`await redis.hset(…);`): where a fix may add a line */
  stmt?: { start: number; end: number; indent: string };
  /** for a read: the source the code loads from when the read misses (facts/flow/miss-fallback.ts) */
  fallback?: ValueSource;
  /** for a read-like call: what its result is used for, when every use is seen (facts/flow/read-uses.ts) */
  uses?: ValueUses;
  /** for a read: its value is compared by a version stamp with the source's (facts/flow/checked-reads.ts) */
  checked?: true;
  /** for a read: its value is only checked, to turn away work already done (facts/flow/guard-reads.ts) */
  guard?: true;
  /** a KEYS/SCAN of a pattern whose finds the same function deletes: a delete of the pattern (facts/cache/cache-calls.ts) */
  matchDelete?: true;
  /**
   * a delete of a parameter the same function also runs KEYS/SCAN on (`delete(keyOrPattern, isPattern
   * = false)`): a pattern its callers hand it may be expanded, so it is no DEL of a literal `*`
   */
  expands?: true;
  /** the transaction (index into FileFacts.txs) the call runs inside, before its commit */
  tx?: number;
  /** where the call's own statement can move to run after that transaction's commit (its names are in scope there) */
  txExit?: { at: number; indent: string };
  /** the DB writes (into FileFacts.dbWrites) that follow this call in the same flow: it runs before them */
  beforeWrites?: Later[];
  /** the recorded calls of project functions (call ids) that follow this call in the same flow */
  beforeCalls?: Later[];
  /** for a cache decoration: the entities the decorated method reads, whose rows its result holds */
  readEntities?: string[];
  /** a decorated method: the fields its result holds when every return says (`return row.configValue`: configValue) */
  returnHolds?: string[];
  /**
   * a decorated method that returns a count of rows (`return this.repo.count({ orgId })`): the
   * fields its filter names (`orgId`), or [] when they cannot be told
   */
  returnsCountOf?: string[];
  /**
   * The call runs in an ORM hook (facts/db/hooks.ts): `fn` is the hook function (its FnFact has the
   * HookFact), `timing` when this call runs: a call in a `transaction.afterCommit(cb)` callback runs
   * after the commit, one before `await query(args)` in a Prisma query extension before the write.
   */
  hook?: { fn: number; timing: HookTiming };
  /** the earlier recorded calls (ids) its arguments are built from, in a function with no database write (facts/flow/payload-origins.ts) */
  valueFrom?: number[];
  /** for a call of a project function: the earlier recorded calls (ids) each argument is built from (facts/flow/payload-origins.ts) */
  argFrom?: { arg: number; calls: number[] }[];
  /** it runs while its function holds a lock it took earlier (facts/flow/held-lock.ts) */
  locked?: true;
  /** it runs in a `catch` clause of its function: when what the `try` did (a fetch, a query) failed */
  inCatch?: true;
  /** its key's id is generated in this function (facts/keys/minted.ts): the key is new */
  minted?: true;
  /**
   * it writes an empty value (`''`, `null`) under a key its function does not read: the project's way
   * of clearing the key (`clearOrgs = () => redis.set('orgs', '')`, readers taking '' for a miss)
   */
  emptying?: true;
  /** the call runs only when the enclosing function's caller asks for it (facts/flow/opt-in.ts) */
  optIn?: OptIn;
}

/** A parameter (`{ param: 1, prop: 'readFromCache' }`: a property of it) whose truthiness a call is guarded by. */
export interface OptIn {
  param: number;
  prop?: string;
  /** the call runs unless the flag is on (`if (!bypassCache) { … }`): an opt-out */
  optOut?: true;
}

/**
 * A write or call that follows a call in its flow (`i`: its index), and where the call's own
 * statement could move to run after it (`moveTo`: the offset of the end of the statement holding it).
 */
export interface Later {
  i: number;
  moveTo?: number;
}

/**
 * A database transaction: a callback the library runs inside one (`prisma.$transaction(async (tx) =>
 * …)`), or the stretch of a function between an explicit start and its commit
 * (`queryRunner.startTransaction()` … `commitTransaction()`, `BEGIN` … `COMMIT`). facts/flow/transactions.ts
 */
export interface TxFact {
  /** the library: prisma, typeorm, sequelize, knex, kysely, mikro-orm, mongodb, drizzle, postgres, sql; `orm` when unknown */
  via: string;
  /** `prisma.$transaction`, `queryRunner.startTransaction()`, `BEGIN` */
  label: string;
  /** where the transaction is open: the callback, or from the start call to the commit call */
  span: Span;
  /** the callback (a FnFact id), for the callback form */
  fn?: number;
  /** the function the transaction is started in (0: top level) */
  outerFn: number;
  /** where code runs once it committed: the end of the statement awaiting it, or of the commit statement */
  exit?: { at: number; indent: string };
  /**
   * an ORM hook that runs inside the transaction of the write it follows (`@AfterCreate`,
   * `@AfterInsert`, a subscriber's `afterUpdate`): the decorator or method name
   */
  hook?: string;
}

export type DbWriteKind = 'create' | 'update' | 'delete';

export interface DbWrite {
  span: Span;
  kind: DbWriteKind;
  /** normalised entity (`product`), if visible */
  entity?: string;
  /** the ORM or driver it was recognised as */
  via: string;
  /** short source text for messages, e.g. `prisma.product.update` */
  label: string;
  fn: number;
  /** an upsert / INSERT … ON CONFLICT: kind is 'create', but it may update an existing row */
  upsert?: boolean;
  /**
   * An update that brings soft-deleted rows back (`restore()`, `recover()`, `SET "deletedAt" = NULL`,
   * `data: { deletedAt: null }`): to readers that skip deleted rows, the row appears as if created.
   */
  restores?: boolean;
  /** the fields its filter pins to one constant (`deleteMany({ status: 'pending' })`): no other rows are written */
  pins?: Record<string, string>;
  /** a create's columns written as constants (`status: RoomStatus.Created`), facts/db/created-values.ts */
  sets?: Record<string, string>;
  /**
   * an update that only adds to tallies (`increment`, Prisma `{ views: { increment: 1 } }`, Mongo
   * `$inc`), or an upsert whose update does (a per-day usage row counted up); not to a balance, a
   * stock level or a quota, which readers act on
   */
  counter?: true;
  /**
   * the call hands on the enclosing function's own parameters as they are (`updateOne(query, body)
   * { return this.model.updateOne(query, body) }`): a facade over the model
   */
  passesParams?: true;
  /** local variable the write's result is assigned to (`const p = await prisma.product.create(...)`) */
  resultVar?: string;
  /** its function returns what the write returned (`return result` after `const result = await …`) */
  returned?: true;
  /**
   * The expression naming the row the write targets, as written (`id` in `where: { id }`,
   * `dto.id` in `repo.update(dto.id, …)`), and the field it is compared with: a fix that
   * invalidates the row's key builds it from this.
   */
  row?: { field?: string; text: string };
  /**
   * The recorded calls (CallFact ids) whose results the written data is built from: the whole
   * value, a spread, or fields of it, never the row it targets (facts/flow/payload-origins.ts).
   * The linker decides which of them read a cache (write-from-cache).
   */
  fromCalls?: number[];
  /**
   * The columns an update sets, when its data is spelled out (`update(id, { password })`, Prisma's
   * `data: { … }`, Mongo's `$set`); undefined when the data is a value passed on or spread.
   */
  fields?: string[];
  /** the parameters of the enclosing function the written data is built from (`set(k, value)` writing `value`) */
  fromParams?: number[];
  /** the end of the statement containing the write, where a fix may insert a line */
  stmtEnd: number;
  /** indentation of that statement */
  indent: string;
}

export interface DbRead {
  span: Span;
  entity?: string;
  via: string;
  /** the fields its filter pins to one constant (`{ status: RoomStatus.Live }`): only rows with those values are found */
  pins?: Record<string, string>;
  fn: number;
}

/** When a hook runs relative to the write it hangs on: before it, after it (inside its transaction), after the commit. */
export type HookTiming = 'before' | 'after' | 'afterCommit';

/**
 * A function the ORM runs around a write of an entity (facts/db/hooks.ts): TypeORM `@AfterUpdate`
 * methods and subscribers, sequelize-typescript `@AfterSave`, `Model.addHook('afterSave', fn)`,
 * Mongoose `schema.post('save', fn)`, Prisma `$extends({ query })` and `$use` middleware, MikroORM
 * subscribers, and Sequelize `transaction.afterCommit(fn)` callbacks.
 */
export interface HookFact {
  orm: 'typeorm' | 'sequelize' | 'mongoose' | 'prisma' | 'mikro-orm' | 'cool-admin';
  /** the hook as written: `@AfterUpdate`, `afterUpdate`, `post('save')`, `query.user.update`, `afterCommit` */
  name: string;
  /** the entity, normalised (`user`, `order_item`); undefined: every entity (a global subscriber, `$use` middleware) */
  entity?: string;
  /** the entity as written (`User`), for messages */
  entityName?: string;
  /** the writes it runs around */
  events: DbWriteKind[];
  timing: HookTiming;
  /** the declaration (the decorator, the method name, the registering call): where related information points */
  span: Span;
  /** what the body calls the written row: `this` (entity listeners), the instance parameter (`model`), `event` */
  subject?: string;
  /** middleware that runs the write itself (`await query(args)`, `await next(params)`): only calls after this offset follow it */
  after?: number;
  /** a Prisma `$use` middleware that tests the action (`['create', 'update'].includes(action)`): the actions it names */
  actions?: string[];
}

export interface FnFact {
  id: number;
  span: Span;
  name?: string;
  /** code runs it only by naming it: a top-level function or const, a class method with no decorator (facts/context.ts) */
  byName?: true;
  className?: string;
  /** `name` is '' for a destructured parameter, whose bound names are in `bindings` */
  params: { name: string; optional: boolean; hasDefault: boolean; bindings?: string[]; defaultLit?: string; defaultNum?: number }[];
  /** names of the calls made in the body (method or function names), for invalidation heuristics */
  calls: string[];
  /** those of `calls` in a block a `throw` ends: only what runs from the call (`from`) to the throw (`to`) follows them */
  callsBeforeThrow?: { name: string; from: number; to: number }[];
  /** event names this function emits (`this.events.emit('user.updated', …)`) */
  emits?: string[];
  /** event names this function handles (`@OnEvent('user.updated')`, `emitter.on('user.updated', fn)`) */
  handles?: string[];
  /** the function is an ORM hook (facts/db/hooks.ts) */
  hook?: HookFact;
  /** every return is an object literal of these properties, lower-cased (facts/flow/return-holds.ts) */
  returnHolds?: string[];
  /** every return is `new X(…)` of this class (its ClassFact.props are what the result holds) */
  returnsNew?: SymbolRef | { local: string };
}

export interface ImportFact {
  local: string;
  module: string;
  /** `default`, `*` or the exported name */
  name: string;
}

/** What a top-level or exported binding of this file is, for other files to resolve. */
/** An instance a project function made: its maker, literal arguments and what its function arguments load. */
export interface MadeValue {
  by: { local: string } | { ref: SymbolRef };
  args: (string | null)[];
  loaders?: InstanceLoaders;
  /** a binding of one member of the instance: `const { get: getTeam } = cached('team', load)` */
  member?: string;
}

export type ExportValue =
  /** `returned`: a function returning the client (`export function getRedis() { return redis }`) */
  | { t: 'client'; client: ClientRef; returned?: boolean }
  | { t: 'string'; value: string }
  /** `made`: the key is a project function's result, which may also be an instance of what it makes */
  | { t: 'key'; parts: KeyPart[]; params: string[]; made?: MadeValue; /** the last parameter is a rest parameter */ rest?: true }
  /** `wrappers`: the object's function members may be wrappers, recorded under this class name (WrapperMethod) */
  | { t: 'object'; members: Record<string, ExportValue>; wrappers?: string }
  | { t: 'class'; name: string }
  | { t: 'sentinel' }
  /** a cache decorator factory (FileFacts.decorators, by name) */
  | { t: 'decorator'; name: string }
  /**
   * The result of a project function, kept as an instance of what it makes (syntax/made-closures.ts):
   * `const getTeam = cached('team', 600, loadTeam)`. `args`: literal arguments (null: not a literal);
   * `loaders`: per argument index, what a function argument loads (its reads, or the calls it makes).
   */
  | ({ t: 'made' } & MadeValue)
  | { t: 'reexport'; ref: SymbolRef };

/**
 * A function or method that makes a cache call whose key (or value, or TTL) comes from its own
 * parameters: a project wrapper of a client (`RedisService.set(key, value, ttl?)`), a key-building
 * helper (`ProductCache.put(id, v)`) or a function wrapper (`cacheSet(k, v)`). The linker
 * summarises it (model/wrapper-summaries.ts) and turns its callers' calls into cache ops.
 */
export interface WrapperMethod {
  /** the class; an object literal's variable name, `<exports>` or `<default>`; '' for a plain function */
  className: string;
  method: string;
  /** the call (CallFact id) it makes */
  callId: number;
}

/**
 * A project decorator factory that wraps the decorated method with cache calls
 * (facts/cache/decorators.ts): `function Cacheable(name, key, ttl?) { return (target, k, descriptor)
 * => { const orig = descriptor.value; descriptor.value = async function (...args) { … } } }`.
 * Each decoration becomes the ops of these calls, with the decoration's key and TTL (model/decorated-ops.ts).
 */
export interface CacheDecoratorDef {
  /** the factory's name */
  name: string;
  /** the factory's parameters */
  params: FnFact['params'];
  /** the function that replaces the method (FnFact id) */
  fn: number;
  /** the cache calls it makes, in source order */
  calls: DecoratorCall[];
  /** the factory's declaration */
  span: Span;
}

export interface DecoratorCall {
  /** the CallFact id (in the decorator's file) */
  id: number;
  /** the key as pieces a decoration's arguments fill in; undefined when it is not built from them */
  key?: DecoratorKeyPiece[];
  /** the key when a scope is set (`tenantId ? \`${NAME}${tenantId}:${key}\` : \`${NAME}${key}\``): `key` is the other branch */
  scoped?: { key: DecoratorKeyPiece[]; by: string };
  /** per argument of the call: the factory parameter it passes on (`ttl`, `options.ttl`); `fallback`: `ttl ?? 3600` */
  argParams: ({ param: number; prop?: string; fallback?: boolean } | null)[];
  /** when the call runs relative to the original method: before it, after it, or not in one flow with it */
  original: 'before' | 'after' | 'unknown';
}

export type DecoratorKeyPiece =
  | { lit: string }
  /** a factory parameter (or a property of it) as the decoration gives it: `CACHE_NAME`, `options.prefix` */
  | { param: number; prop?: string }
  /** a key template over the decorated method's parameters, given as this factory parameter: 'user:{id}', '{0}', '#{type}', ':id' */
  | { template: number; prop?: string }
  | { hole: string };

/** A keyed store as its type declares it (facts/cache/keyed-store.ts): its delete method, and whether its set takes milliseconds. */
export interface KeyedStore {
  del: string;
  /** the TTL parameter of its set is named in milliseconds (`set(key, value, ttlMs?)`) */
  ttlMs?: true;
}

export interface ClassFact {
  name: string;
  exported: boolean;
  /**
   * Fields, constructor parameter properties and constructor-assigned members known to hold a
   * client or a project value (for subclasses and other files: ClientRef `member`). Interfaces and
   * object type aliases with such members are recorded as classes without methods.
   */
  fields: Record<string, ClientRef>;
  /**
   * an interface (or object type) of the project declaring a keyed store: `get(key)`, `set(key, value,
   * ttl?)`, `delete(key)` — an injected ICacheService whose implementation the call sites cannot see:
   * its delete method, and whether its set takes milliseconds
   */
  keyedStore?: KeyedStore;
  /** methods that return a client (`getRedis(): Redis`), for `svc.getRedis().set(…)` elsewhere */
  returns?: Record<string, ClientRef>;
  /** the constructor's literal parameter defaults (null: none, or not a literal), for `#ctor:<i>` key holes */
  ctorDefaults?: (string | null)[];
  /** the constructor's parameter types that name a class (`private readonly auth: AuthService`), for `this.auth.getUser()` results */
  ctorTypes?: (SymbolRef | { local: string } | null)[];
  extendsRef?: SymbolRef | { local: string };
  /** the interfaces the class says it implements (`implements ICacheService`) */
  implementsRefs?: (SymbolRef | { local: string })[];
  /**
   * The model a repository class of the project works on, named by its base constructor call
   * (`class UserRepository extends BaseRepository<SysUser> { constructor(p) { super(p, 'sysUser') } }`:
   * `sys_user`), normalised as entities are.
   */
  model?: string;
  methods: string[];
  /** static members usable as key builders/constants (`CacheKeys.product(id)`) */
  statics?: ExportValue;
  /** instance methods that build keys, for the classes it is injected into (`this.cacheConfig.getLessonKey(id)`) */
  keyMethods?: ExportValue;
  /**
   * the instance's own data, lower-cased: declared properties, constructor parameter properties and
   * `this.x =` in the constructor (what an instance cached from `return new AuthUser(…)` holds)
   */
  props?: string[];
}

export interface Suppression {
  kind: 'next-line' | 'line' | 'file';
  rules: string[];
  /** the comment's span (for unused-suppression reports) */
  span: Span;
  /** 0-based line the suppression applies to (next-line/line); -1 for file */
  line: number;
}

export interface FileFacts {
  file: string;
  imports: ImportFact[];
  exports: Record<string, ExportValue>;
  locals: Record<string, ExportValue>;
  classes: ClassFact[];
  calls: CallFact[];
  dbWrites: DbWrite[];
  dbReads: DbRead[];
  /** database transactions (facts/flow/transactions.ts); absent: none */
  txs?: TxFact[];
  fns: FnFact[];
  wrappers: WrapperMethod[];
  suppressions: Suppression[];
  /** cache decorator factories declared here (facts/cache/decorators.ts) */
  decorators?: CacheDecoratorDef[];
  /** CacheModule.register(…) here: with a TTL (true), without (false), options not visible (null) */
  nestCacheDefaultTtl?: boolean | null;
  /** that default TTL's number as written (`ttl: 5000`), when every register here gives the same literal */
  nestCacheDefaultTtlValue?: number;
  /**
   * A Midway config file's cache stores (facts/cache/midway-config.ts): per client name (`@cache`
   * for @midwayjs/cache, `*` for any), whether its store sets a default TTL (null: cannot tell)
   */
  midwayCacheTtl?: Record<string, boolean | null>;
  /**
   * Clients this file hangs on a global namespace object: `WIKI.cache = require('./cache').init()`
   * at start-up, read as `WIKI.cache.get(k)` anywhere (facts/cache/global-clients.ts)
   */
  globals?: Record<string, ClientRef>;
  parseErrors: { start: number; message: string }[];
}

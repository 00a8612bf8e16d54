// Database writes made inside called functions, followed across files: the controller orders two
// services (`await this.users.setRoles(id, r); await this.perms.refresh(id)`), a custom repository
// method wraps the ORM call (`repo.updateConfig(dto)` whose body calls `this.update(…)`). A call of
// a project function or method (`this.method()`, an injected service by its declared type, an
// imported function, a base-class method) is resolved to that function's facts, and what it writes
// (itself, in its callbacks, and in what it calls, three levels deep) counts where it is called.
import type { CacheOp, LinkedFile } from '../rule';
import type { CallFact, ClientRef, DbWrite, FileFacts, FnFact, SourceCall, Span, SymbolRef } from '../facts/types';
import { definingModule, type Resolved } from './resolve';

/** How deep calls are followed: controller → service → repository is plenty. */
const MAX_DEPTH = 3;
/** Writes kept per function: enough to name them, bounded for generated code. */
const MAX_WRITES = 8;

/** A database write somewhere below a call. */
export interface CalledWrite {
  write: DbWrite;
  /** the file the write is in */
  file: string;
}

/** A database write that precedes a cache call through a call in the cache call's own flow. */
export interface PriorWrite extends CalledWrite {
  /** the call in the cache op's file that leads to the write */
  callSpan: Span;
  /** `this.users.setRoles()` */
  callLabel: string;
  /** the id of that call (CallFact.id) */
  callId: number;
  /** the write is in the called function itself (or a callback in it), not further down */
  own?: true;
}

export interface CallGraphDeps {
  files: ReadonlyMap<string, LinkedFile>;
  resolve(from: string, ref: SymbolRef): Resolved | undefined;
  resolveModule(from: string, spec: string): string | undefined;
}

export class CallGraph {
  private readonly writesMemo = new Map<string, CalledWrite[]>();
  private readonly readsMemo = new Map<string, string[]>();
  private readonly active = new Set<string>();

  constructor(private readonly d: CallGraphDeps) {}

  /** The database writes that precede the op in its flow through calls of project functions. */
  priorWritesOf(op: CacheOp): PriorWrite[] {
    const before = op.call.afterCalls;
    const facts = this.d.files.get(op.file)?.facts;
    if (!before || !facts) return [];
    const out: PriorWrite[] = [];
    for (const j of before) {
      const call = facts.calls[j];
      const target = call && this.targetOf(op.file, call);
      if (!target) continue;
      const own = (w: CalledWrite) => w.file === target.file && target.fn.span.start <= w.write.span.start && w.write.span.end <= target.fn.span.end;
      for (const w of this.writesOf(target.file, target.fn, MAX_DEPTH))
        out.push({ ...w, callSpan: call.span, callLabel: `${call.method}()`, callId: j, ...(own(w) ? { own: true as const } : {}) });
    }
    return out;
  }

  /**
   * The database writes that follow the op in its flow through calls of project functions
   * (`await this.cache.evict(id); await this.users.update(id, dto)`), with the call's id.
   */
  laterWritesOf(op: CacheOp): PriorWrite[] {
    const after = op.call.beforeCalls;
    const facts = this.d.files.get(op.file)?.facts;
    if (!after || !facts) return [];
    const out: PriorWrite[] = [];
    for (const { i } of after) {
      const call = facts.calls[i];
      const target = call && this.targetOf(op.file, call);
      if (!target) continue;
      for (const w of this.writesOf(target.file, target.fn, MAX_DEPTH)) out.push({ ...w, callSpan: call.span, callLabel: `${call.method}()`, callId: i });
    }
    return out;
  }

  /** The function a recorded call runs, when it is a function or method of the project. */
  targetOf(file: string, call: CallFact): { file: string; fn: FnFact } | undefined {
    return this.methodOf(file, call.receiver, call.method);
  }

  /** The function `method` of what `r` holds runs, when it is a function or method of the project. */
  private methodOf(file: string, r: ClientRef, method: string): { file: string; fn: FnFact } | undefined {
    switch (r.t) {
      // Pattern: this.refresh(id) / new Local().refresh(id)
      case 'class':
        return this.method(file, r.name, method, 0);
      // Pattern: this.users.setRoles(id, r) with `users: UsersService` (imported) / an imported instance
      case 'type':
      case 'import': {
        const v = this.d.resolve(file, r.ref);
        if (!v) return undefined;
        if (v.value.t === 'class') return this.method(v.file, v.value.name, method, 0);
        if (v.value.t === 'client' && v.value.client.t === 'class') return this.method(v.file, v.value.client.name, method, 0);
        if (v.value.t === 'object') return this.topLevel(v.file, method);
        return undefined;
      }
      // Pattern: updateUser(id, dto) — a local or imported function
      case 'fn': {
        if (r.local) return this.topLevel(file, r.local);
        // through an index's `export *` (`import { mdTaskUpdate } from '@database'`)
        return r.ref ? this.imported(file, r.ref) : undefined;
      }
      default:
        return undefined;
    }
  }

  /**
   * The database writes of `method` of the project class a field of `className` holds
   * (`this.userRepository.delete(…)` with `userRepository: UserRepository` injected).
   */
  writesOfMember(file: string, className: string, field: string, method: string): CalledWrite[] {
    const ref = this.d.files.get(file)?.facts.classes.find((c) => c.name === className)?.fields[field];
    const t = ref && this.methodOf(file, ref, method);
    return t ? this.writesOf(t.file, t.fn, MAX_DEPTH) : [];
  }

  /** `className.method` in `file`, or in the class it extends (a base class, a custom repository's base). */
  private method(file: string, className: string, method: string, depth: number): { file: string; fn: FnFact } | undefined {
    const facts = this.d.files.get(file)?.facts;
    if (!facts || depth > MAX_DEPTH) return undefined;
    const fn = facts.fns.find((f) => f.className === className && f.name === method);
    if (fn) return { file, fn };
    const ext = facts.classes.find((c) => c.name === className)?.extendsRef;
    if (!ext) return undefined;
    if ('local' in ext) return this.method(file, ext.local, method, depth + 1);
    const v = this.d.resolve(file, ext);
    return v?.value.t === 'class' ? this.method(v.file, v.value.name, method, depth + 1) : undefined;
  }

  /** The function a bare call `name(…)` in `file` runs: one of its own top-level functions, or one it imports. */
  functionNamed(file: string, name: string): { file: string; fn: FnFact } | undefined {
    const own = this.topLevel(file, name);
    if (own) return own;
    const imp = this.d.files.get(file)?.facts.imports.find((i) => i.local === name);
    const target = imp && this.d.resolveModule(file, imp.module);
    return target ? this.topLevel(target, imp.name) : undefined;
  }

  private topLevel(file: string, name: string): { file: string; fn: FnFact } | undefined {
    const fn = this.d.files.get(file)?.facts.fns.find((f) => f.name === name && !f.className);
    return fn ? { file, fn } : undefined;
  }

  /**
   * The entities a project function reads (itself, its callbacks, and what it calls, up to three
   * levels): what a value that is its result holds (`fetch(key, () => getWebsite(id))`).
   */
  readEntitiesOf(file: string, calls: readonly SourceCall[]): string[] {
    const out = new Set<string>();
    for (const c of calls) {
      const recorded = 'call' in c ? this.d.files.get(file)?.facts.calls[c.call] : undefined;
      const target = 'local' in c ? this.topLevel(file, c.local) : 'ref' in c ? this.imported(file, c.ref) : recorded ? this.targetOf(file, recorded) : undefined;
      if (target) for (const e of this.readsOf(target.file, target.fn, MAX_DEPTH)) out.add(e);
    }
    return [...out];
  }

  /**
   * The fields the results of `calls` hold, when every one returns an object literal or an instance
   * of a project class (FnFact.returnHolds, returnsNew). `fnId`: the function making the calls, for
   * `this.auth.getAuthUser(…)` through a constructor parameter of its class.
   */
  returnHoldsOf(file: string, calls: readonly SourceCall[], fnId?: number): string[] | undefined {
    const out = new Set<string>();
    for (const c of calls) {
      if ('new' in c) {
        const props = this.classProps(file, c.new);
        if (!props) return undefined;
        for (const f of props) out.add(f);
        continue;
      }
      const recorded = 'call' in c ? this.d.files.get(file)?.facts.calls[c.call] : undefined;
      const target =
        'local' in c ? this.topLevel(file, c.local)
        : 'ref' in c ? this.imported(file, c.ref)
        : recorded ? this.targetOf(file, recorded)
        : 'ctor' in c && fnId !== undefined ? this.injectedMethod(file, fnId, c.ctor, c.prop)
        : undefined;
      const holds = target?.fn.returnHolds ?? (target?.fn.returnsNew ? this.classProps(target.file, target.fn.returnsNew) : undefined);
      if (!holds) return undefined;
      for (const f of holds) out.add(f);
    }
    return out.size > 0 ? [...out] : undefined;
  }

  /** `this.auth.getAuthUser` in a method of a class whose constructor takes `auth: AuthService`: that method. */
  private injectedMethod(file: string, fnId: number, ctor: number, prop: string | undefined): { file: string; fn: FnFact } | undefined {
    if (!prop || prop.includes('.')) return undefined;
    const facts = this.d.files.get(file)?.facts;
    const owner = facts?.fns[fnId - 1]?.className;
    const ref = owner ? facts?.classes.find((k) => k.name === owner)?.ctorTypes?.[ctor] : undefined;
    if (!ref) return undefined;
    const cls = 'local' in ref ? { file, name: ref.local } : definingModule((f) => this.d.files.get(f)?.facts.exports, this.d.resolveModule, file, ref, (f, name) => !!this.d.files.get(f)?.facts.classes.some((k) => k.name === name));
    const fn = cls && this.d.files.get(cls.file)?.facts.fns.find((f) => f.className === cls.name && f.name === prop);
    return fn && cls ? { file: cls.file, fn } : undefined;
  }

  /** The instance data of a class of the project (ClassFact.props), seen from `file`. */
  private classProps(file: string, ref: SymbolRef | { local: string }): string[] | undefined {
    if ('local' in ref) return this.d.files.get(file)?.facts.classes.find((c) => c.name === ref.local)?.props;
    const d = definingModule((f) => this.d.files.get(f)?.facts.exports, this.d.resolveModule, file, ref, (f, name) => !!this.d.files.get(f)?.facts.classes.some((c) => c.name === name));
    return d && this.d.files.get(d.file)?.facts.classes.find((c) => c.name === d.name)?.props;
  }

  /** The exported function `ref` names, through an index's `export *` and `export { f } from` (three levels). */
  private imported(file: string, ref: SymbolRef): { file: string; fn: FnFact } | undefined {
    const d = definingModule((f) => this.d.files.get(f)?.facts.exports, this.d.resolveModule, file, ref, (f, name) => !!this.topLevel(f, name));
    return d && this.topLevel(d.file, d.name);
  }

  /** The entities function `fnId` of `file` reads, itself and through what it calls (three levels). */
  readsOfFunction(file: string, fnId: number): string[] {
    const fn = this.d.files.get(file)?.facts.fns[fnId - 1];
    return fn ? this.collect(this.readsMemo, file, fn, MAX_DEPTH, ALL_READS) : [];
  }

  private readsOf(file: string, fn: FnFact, depth: number): string[] {
    return this.collect(this.readsMemo, file, fn, depth, READS);
  }

  /** What `fn` writes: its own writes and its callbacks', then those of the project functions it calls. */
  writesOf(file: string, fn: FnFact, depth: number): CalledWrite[] {
    return this.collect(this.writesMemo, file, fn, depth, WRITES);
  }

  /** What `fn` holds itself (with its callbacks), then what the project functions it calls hold, `depth` levels down. */
  private collect<T>(memo: Map<string, T[]>, file: string, fn: FnFact, depth: number, how: Collect<T>): T[] {
    const key = `${how.name}\0${file}\0${fn.id}\0${depth}`;
    const hit = memo.get(key);
    if (hit) return hit;
    if (this.active.has(key)) return [];
    this.active.add(key);
    const facts = this.d.files.get(file)!.facts;
    const inside = (id: number) => id === fn.id || (id > 0 && within(facts.fns[id - 1], fn));
    const out = how.own(facts, inside, file).slice(0, how.max);
    if (depth > 1 && !(how.onlyWhenNone && out.length > 0))
      for (const t of this.called(file, fn, facts, inside, how.byName)) {
        if (out.length >= how.max) break;
        if (t.file === file && t.fn.id === fn.id) continue;
        for (const x of this.collect(memo, t.file, t.fn, depth - 1, how)) if (out.length < how.max && !out.includes(x)) out.push(x);
      }
    this.active.delete(key);
    memo.set(key, out);
    return out;
  }

  /** The project functions `fn` calls: recorded calls, and (`byName`) top-level functions of its file it calls by name. */
  private called(file: string, fn: FnFact, facts: FileFacts, inside: (id: number) => boolean, byName: boolean): { file: string; fn: FnFact }[] {
    const out: { file: string; fn: FnFact }[] = [];
    for (const c of facts.calls) {
      if (!inside(c.fn) || c.receiver.t === 'lib' || c.receiver.t === 'unknown') continue;
      const t = this.targetOf(file, c);
      if (t) out.push(t);
    }
    // Pattern: getWebsite(id) { return findWebsite({ where: { id } }) } — a function of the same file, by name
    if (byName)
      for (const name of new Set(fn.calls)) {
        const t = this.topLevel(file, name);
        if (t) out.push(t);
      }
    return out;
  }
}

/** How `collect` gathers one kind of thing below a function. */
interface Collect<T> {
  name: string;
  own(facts: FileFacts, inside: (id: number) => boolean, file: string): T[];
  max: number;
  /** follow calls only when the function holds none itself (a loader's rows are the nearest ones) */
  onlyWhenNone: boolean;
  byName: boolean;
}

const READS: Collect<string> = {
  name: 'reads',
  own: (facts, inside) => [...new Set(facts.dbReads.flatMap((r) => (inside(r.fn) && r.entity ? [r.entity] : [])))],
  max: Infinity,
  onlyWhenNone: true,
  byName: true,
};

/** Every read below a function, its own and its callees' (what a method's whole result holds). */
const ALL_READS: Collect<string> = { ...READS, name: 'all-reads', onlyWhenNone: false };

const WRITES: Collect<CalledWrite> = {
  name: 'writes',
  own: (facts, inside, file) => facts.dbWrites.filter((w) => inside(w.fn)).map((write) => ({ write, file })),
  max: MAX_WRITES,
  onlyWhenNone: false,
  byName: false,
};

function within(inner: FnFact | undefined, outer: FnFact): boolean {
  return !!inner && inner.span.start >= outer.span.start && inner.span.end <= outer.span.end;
}


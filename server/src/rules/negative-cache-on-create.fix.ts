// The suggestion of negative-cache-on-create: delete the read path's key right after the create,
// written the way the read path writes it, with the new record's field in the hole. It is offered
// only when every piece is certain: the create returns the record, the client and the key builder
// are reachable from the create's file, and the key has exactly one hole.
import { normaliseEntity } from '../facts/keys/entities';
import { slotsOf } from '../facts/keys/shapes';
import type { DbWrite, FileFacts, KeyPart } from '../facts/types';
import type { CacheOp, Fix, LinkedFile, ProjectIndex } from '../rule';

/** Creates whose awaited result is the new record (not a count, an insert result or an array). */
const RETURNS_RECORD: Record<string, RegExp> = {
  prisma: /^(create|upsert)$/,
  typeorm: /^save$/,
  sequelize: /^create$/,
  mongoose: /^(create|save)$/,
};

// `$transaction(async (tx) => …` / `sequelize.transaction(async (t) => …` / `db.transaction().execute(async (trx) => …`:
// a delete inside the callback runs before the commit, so a reader can re-cache the miss in between
const TX_CALLBACK = /(transaction\w*\s*\([^()]*|transaction\(\)\s*\.execute\(\s*)$/i;

type Create = DbWrite & { file: string };

type ModuleResolver = ProjectIndex['modules'];

function resolverFor(project: ProjectIndex): ModuleResolver {
  return project.modules;
}

/** Binding name (import or top-level declaration) → what it denotes project-wide: `file#export`. */
function origin(modules: ModuleResolver, file: LinkedFile, local: string): string | undefined {
  const imp = file.facts.imports.find((i) => i.local === local);
  if (imp) {
    const target = modules.resolve(file.file, imp.module);
    return `${target ?? imp.module}#${imp.name}`;
  }
  if (!(local in file.facts.locals)) return undefined;
  const exported = Object.entries(file.facts.exports).find(([, v]) => v === file.facts.locals[local])?.[0];
  return exported ? `${file.file}#${exported}` : `${file.file}#local:${local}`;
}

/** The name `local` of `from` is known by in `to`, when `to` can reach the same binding. */
function nameIn(modules: ModuleResolver, from: LinkedFile, local: string, to: LinkedFile): string | undefined {
  if (from === to) return local in from.facts.locals || from.facts.imports.some((i) => i.local === local) ? local : undefined;
  const o = origin(modules, from, local);
  if (!o) return undefined;
  for (const i of to.facts.imports) if (origin(modules, to, i.local) === o) return i.local;
  const own = Object.keys(to.facts.locals).find((l) => origin(modules, to, l) === o);
  return own;
}

/** `user.id` for a key hole `id` / `userId` / `req.params.id`; `user.email` for `dto.email`. */
function fieldOf(hole: string, entity: string | undefined, record: string): string | undefined {
  const m = /^(?:[\w$]+\??\.)*([\w$]+)$/.exec(hole.trim());
  if (!m) return undefined;
  const name = m[1];
  if (/^_?id$/.test(name)) return `${record}.${name}`;
  if (/[a-z]Id$/.test(name) && normaliseEntity(name.slice(0, -2)) === entity) return `${record}.id`;
  return `${record}.${name}`;
}

/** The receiver text for the create's file: `this.redis` within a class that has it, or a reachable binding. */
function receiverIn(project: ProjectIndex, modules: ModuleResolver, s: CacheOp, create: Create): string | undefined {
  const readFile = project.files.get(s.file)!;
  const createFile = project.files.get(create.file)!;
  const recv = readFile.text.slice(s.call.receiverSpan.start, s.call.receiverSpan.end);
  // a queued pipeline command, or a function wrapper (`cacheSet(k, v)`) whose delete is another function
  if (s.call.pipeline !== undefined || s.call.receiver.t === 'fn') return undefined;
  const member = /^this\.(#?[\w$]+)$/.exec(recv);
  if (member) {
    const cls = createFile.facts.fns[create.fn - 1]?.className ?? enclosingClassName(createFile.facts, create);
    if (!cls) return undefined;
    const sameClass = s.file === create.file && readFile.facts.fns[s.call.fn - 1]?.className === cls;
    const used = createFile.ops.some((o) => createFile.text.slice(o.call.receiverSpan.start, o.call.receiverSpan.end) === recv && createFile.facts.fns[o.call.fn - 1]?.className === cls);
    return sameClass || used ? recv : undefined;
  }
  const m = /^([\w$]+)((?:\.[\w$]+)*)$/.exec(recv);
  if (!m) return undefined;
  const root = nameIn(modules, readFile, m[1], createFile);
  return root ? root + m[2] : undefined;
}

/** The class of the innermost named function around the create (a callback inside a method). */
function enclosingClassName(facts: FileFacts, create: Create): string | undefined {
  let best: { size: number; cls?: string } | undefined;
  for (const f of facts.fns)
    if (f.className && f.span.start <= create.span.start && f.span.end >= create.span.end && (!best || f.span.end - f.span.start < best.size))
      best = { size: f.span.end - f.span.start, cls: f.className };
  return best?.cls;
}

function keyTextIn(project: ProjectIndex, modules: ModuleResolver, s: CacheOp, shape: string, create: Create, entity: string): string | undefined {
  const readFile = project.files.get(s.file)!;
  const createFile = project.files.get(create.file)!;
  const holes = (s.key?.parts ?? []).filter((p): p is Extract<KeyPart, { hole: string }> => 'hole' in p);
  const b = s.call.key?.builder;
  // Pattern: CacheKeys.user(id) / userKey(id) / keys.user(id) — call the same builder again
  const head = /^([\w$]+)((?:\.[\w$]+)*)\s*\(/.exec(s.call.key?.text ?? '');
  if (b && b.args.length === 1 && head) {
    const arg = fieldOf(b.args[0], entity, create.resultVar!);
    const root = nameIn(modules, readFile, head[1], createFile);
    if (arg && root) return `${root}${head[2]}(${arg})`;
  }
  // Pattern: `user:${id}` — or a builder the create's file cannot reach: the key as it expands
  if (holes.length !== 1) return undefined;
  const field = fieldOf(holes[0].hole, entity, create.resultVar!);
  if (!field) return undefined;
  const slots = slotsOf(shape);
  if (slots.length !== 2) return undefined;
  const esc = (t: string) => t.replace(/[`\\]|\$\{/g, (c) => '\\' + c);
  return '`' + esc(slots[0]) + '${' + field + '}' + esc(slots[1]) + '`';
}

/** Where a new line goes: after the statement, and after a comment that ends its line. */
function insertionPoint(text: string, stmtEnd: number): number {
  const eol = text.indexOf('\n', stmtEnd);
  const rest = text.slice(stmtEnd, eol === -1 ? text.length : eol);
  if (/^\s*(\/\/.*|\/\*.*?\*\/\s*)?$/.test(rest)) return stmtEnd + rest.replace(/\r$/, '').length;
  return stmtEnd;
}

/** `await redis.del(CacheKeys.user(created.id));` on the line after the create's statement. */
export function insertDelete(project: ProjectIndex, create: Create, s: CacheOp, shape: string, entity: string): Fix | undefined {
  // the marker's key includes the client's keyPrefix, which a written key must not repeat
  if (s.keyPrefix && !s.call.key?.builder) return undefined;
  const createFile = project.files.get(create.file);
  if (!createFile || !create.resultVar || !s.deleteVia) return undefined;
  const verb = /([\w$]+)$/.exec(create.label)?.[1] ?? '';
  if (!RETURNS_RECORD[create.via]?.test(verb)) return undefined;
  // `const user = prisma.user.create(…)` holds a promise, not the record
  if (!/\bawait\s*\(?\s*$/.test(createFile.text.slice(Math.max(0, create.span.start - 40), create.span.start))) return undefined;
  // inside a transaction callback (at any depth), the delete would have to move after the commit
  const around = createFile.facts.fns.filter((f) => f.span.start <= create.span.start && f.span.end >= create.span.end);
  if (around.some((f) => TX_CALLBACK.test(createFile.text.slice(Math.max(0, f.span.start - 80), f.span.start)))) return undefined;
  const modules = resolverFor(project);
  const recv = receiverIn(project, modules, s, create);
  const key = recv && keyTextIn(project, modules, s, shape, create, entity);
  if (!recv || !key) return undefined;
  const at = insertionPoint(createFile.text, create.stmtEnd);
  return {
    title: `Delete the cached not-found entry after the create (${s.deleteVia})`,
    kind: 'suggestion',
    edits: [{ start: at, end: at, text: `\n${create.indent}await ${recv}.${s.deleteVia}(${key});` }],
  };
}

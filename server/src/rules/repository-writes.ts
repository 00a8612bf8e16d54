// Writes made through a project's own repository classes (missing-invalidation): which model a
// repository works on, and which writes inside a repository are its callers' to answer for.
import { normaliseEntity } from '../facts/keys/entities';
import { methodOfLabel } from '../facts/db/labels';
import type { DbWrite, FnFact } from '../facts/types';
import type { LinkedFile, ProjectIndex } from '../rule';
import { fileIndex, type FileIndex } from './file-index';

/**
 * The name a repository class of the project gives the model it works on (`UserRepository`:
 * `user`, over `super(prisma, 'sysUser')`): its reads are known by the receiver's name, a direct
 * write of the model (`prisma.sysUser.update`) by the model's. Unknown when two repositories disagree.
 */
export function repositoryName(project: ProjectIndex, model: string): string | undefined {
  const ix = fileIndex<string>(project, 'missing-invalidation:repository-models', 'facts', (file, add) => {
    for (const c of file.facts.classes) {
      const named = c.model && normaliseEntity(c.name);
      if (c.model && named && named !== c.model) add(c.model, named);
    }
  });
  const names = new Set(ix.get(model).map((e) => e.value));
  return names.size === 1 ? [...names][0] : undefined;
}

/**
 * The model a repository class of the project declares, by the name its writes are known under
 * (`menuRepo.update` of `class MenuRepository … super(prisma, 'sysMenu')`: `sys_menu`). Unknown
 * when two repositories of that name declare different models.
 */
export function repositoryModel(project: ProjectIndex, name: string): string | undefined {
  const ix = fileIndex<string>(project, 'missing-invalidation:repository-names', 'facts', (file, add) => {
    for (const c of file.facts.classes) {
      const named = c.model && normaliseEntity(c.name);
      if (c.model && named && named !== c.model) add(named, c.model);
    }
  });
  const models = new Set(ix.get(name).map((e) => e.value));
  return models.size === 1 ? [...models][0] : undefined;
}

/** A class named for what it keeps: `MemberRepository`, `UserRepo`, `OrderDao`. */
const REPOSITORY_CLASS = /(?:Repository|Repo|Dao|DAO)$/;
/** A method whose calls are writes by their name alone (db-calls.ts reads `repo.updateApiKey(…)` as one). */
const WRITE_METHOD = /^(?:create|insert|save|upsert|update|delete|remove|destroy|softDelete|softRemove|restore|patch|replace|bulk)(?:[A-Z]\w*)?$/;

/**
 * The write is in a method of a repository class over the written model (`super(prisma,
 * 'sysDictData')`), or in a write method of a repository class named for it (`MemberRepository.update`
 * over an injected Mongoose model): each call of that method is a write of its own, judged there.
 */
/** The entities product code writes through a method of each name (`this.teamRepository.update(…)`: `update` → team). */
function writeMethods(project: ProjectIndex): FileIndex<string> {
  return fileIndex<string>(project, 'missing-invalidation:write-methods', 'facts', (file, add) => {
    if (file.kind) return;
    for (const x of file.facts.dbWrites) {
      const m = methodOfLabel(x.label);
      if (m && x.entity) add(m, x.entity);
    }
  });
}

export function inOwnRepository(project: ProjectIndex, file: LinkedFile, w: DbWrite): boolean {
  const fn = w.fn > 0 ? file.facts.fns[w.fn - 1] : undefined;
  const cls = fn && ownerOf(file, fn);
  if (!cls) return false;
  if (file.facts.classes.some((c) => c.name === cls && !!c.model && c.model === w.entity)) return true;
  if (!REPOSITORY_CLASS.test(cls) || normaliseEntity(cls) !== w.entity || !fn.name || !WRITE_METHOD.test(fn.name)) return false;
  // only where some product code calls it so, as a write of that entity: else this is the one place it shows
  return writeMethods(project).get(fn.name).some((e) => e.value === w.entity && e.file !== file.file);
}

/**
 * Pattern: updateOne(query, body) { return this.model.updateOne(query, body) } — a repository's
 * method handing its own parameters to the write as they are: a facade over the model, not a write path.
 * Its callers choose the rows and the data; their writes are judged where they are.
 */
export function passesParamsThrough(file: LinkedFile, w: DbWrite): boolean {
  const fn = w.passesParams && w.fn > 0 ? file.facts.fns[w.fn - 1] : undefined;
  // a service's `remove(order) { return this.orderRepository.remove(order) }` is the write path itself
  const owner = fn && ownerOf(file, fn);
  return !!owner && REPOSITORY_CLASS.test(owner);
}

/**
 * The class a function is a method of, or for a function of a module named like a repository
 * (`database/repository/BlogRepo.ts` exporting `{ create, update }`), the module's name.
 */
function ownerOf(file: LinkedFile, fn: FnFact): string | undefined {
  if (fn.className) return fn.className;
  const base = /([^/\\]+?)\.[cm]?[jt]sx?$/.exec(file.file)?.[1];
  return base && REPOSITORY_CLASS.test(base) ? base : undefined;
}

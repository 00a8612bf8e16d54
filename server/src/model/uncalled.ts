// Functions of an application that no product code names: a repository helper only the tests call
// (`deleteFeature(criteria)`), a reset helper nothing calls (`clearProducts()`). Code runs such a
// function only by naming it (FnFact.byName), so a name that appears nowhere but at its declaration
// is on no request path: a write there changes nothing anyone reads. Only an application package
// is judged so: a library's exports are called by code outside the workspace.
import { dirname, join } from 'node:path';
import type { FnFact } from '../facts/types';
import type { LinkedFile, ProjectIndex } from '../rule';
import { onClearLayout, readText } from './modules/disk';
import { identifierCount } from '../syntax/identifier-text';

/** Names frameworks call by convention: route handlers, lifecycle hooks, migrations. */
export const CONVENTIONAL = /^(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|default|main|handler|handle|loader|action|middleware|getServerSideProps|getStaticProps|up|down|run|execute|perform|process|on[A-Z]\w*)$/;
/** Fields of a package.json that publish it for code outside the workspace. */
const LIBRARY_FIELDS = ['main', 'module', 'exports', 'types', 'typings'];

const appByDir = new Map<string, boolean>();
onClearLayout(() => appByDir.clear());
const memo = new WeakMap<ProjectIndex, Map<string, boolean>>();

/**
 * Whether the code at `fnId` of `file` runs in a function of an application that no product file
 * names: the innermost named function around it (a callback inside `clearProducts()` runs with it).
 */
export function isUncalled(project: ProjectIndex, file: LinkedFile, fnId: number): boolean {
  const own = file.facts.fns[fnId - 1];
  if (!own) return false;
  let fn: FnFact | undefined;
  for (const f of file.facts.fns)
    if (f.name !== undefined && f.span.start <= own.span.start && own.span.end <= f.span.end && (!fn || fn.span.start <= f.span.start)) fn = f;
  if (!fn?.byName || !fn.name || CONVENTIONAL.test(fn.name) || !inApplication(dirname(file.file))) return false;
  let names = memo.get(project);
  if (!names) memo.set(project, (names = new Map()));
  let unnamed = names.get(fn.name);
  if (unnamed === undefined) names.set(fn.name, (unnamed = !namedTwice(project, fn.name)));
  return unnamed;
}

/**
 * How often each asked name occurs in a text (0, 1 or 2 for "two or more"), kept per file's facts
 * and per set of unparsed texts: the editor links again on every keystroke, and only the edited
 * file's text is new, so every other file answers from here.
 */
const countsByFacts = new WeakMap<object, Map<string, number>>();

function occurrences(owner: object, text: string, name: string): number {
  let counts = countsByFacts.get(owner);
  if (!counts) countsByFacts.set(owner, (counts = new Map()));
  let n = counts.get(name);
  if (n === undefined) {
    n = identifierCount(text, name, 2);
    counts.set(name, n);
  }
  return n;
}

/** The name appears twice in the product's code (its declaration and a use), in any file. */
function namedTwice(project: ProjectIndex, name: string): boolean {
  let seen = 0;
  for (const f of project.files.values()) if (!f.kind && (seen += occurrences(f.facts, f.text, name)) >= 2) return true;
  for (const [file, text] of project.unparsed) if ((seen += occurrences(unparsedKey(project.unparsed, file), text, name)) >= 2) return true;
  return false;
}

/** A stable object per unparsed file of one set of unparsed texts (the set lives as long as the load). */
const unparsedKeys = new WeakMap<ReadonlyMap<string, string>, Map<string, object>>();
function unparsedKey(set: ReadonlyMap<string, string>, file: string): object {
  let keys = unparsedKeys.get(set);
  if (!keys) unparsedKeys.set(set, (keys = new Map()));
  let k = keys.get(file);
  if (!k) keys.set(file, (k = {}));
  return k;
}

/**
 * A workspace package whose entry points are its TypeScript sources (`"main": "src/index.ts"`):
 * only its siblings in the workspace, which build it from source, can call it.
 */
function sourceEntries(pkg: Record<string, unknown>): boolean {
  const entries: string[] = [];
  const collect = (v: unknown): void => {
    if (typeof v === 'string') entries.push(v);
    else if (v && typeof v === 'object') for (const x of Object.values(v)) collect(x);
  };
  for (const k of LIBRARY_FIELDS) collect(pkg[k]);
  return entries.length > 0 && entries.every((e) => /\.[cm]?tsx?$/.test(e) && !/\.d\.[cm]?ts$/.test(e));
}

/**
 * The nearest package.json above `dir` is an application's: private, publishing no entry point, or
 * publishing its sources to the workspace alone.
 * No package.json at all is no application (a folder of loose files, a library checked out alone).
 */
function inApplication(dir: string): boolean {
  let known = appByDir.get(dir);
  if (known !== undefined) return known;
  const text = readText(join(dir, 'package.json'));
  if (text !== undefined) {
    try {
      const pkg = JSON.parse(text) as Record<string, unknown>;
      known = pkg.private === true || !LIBRARY_FIELDS.some((k) => k in pkg) || sourceEntries(pkg);
    } catch {
      known = false;
    }
  } else known = dirname(dir) === dir ? false : inApplication(dirname(dir));
  appByDir.set(dir, known);
  return known;
}

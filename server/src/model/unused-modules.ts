// Modules of the product that only barrels re-export, under names no other product file imports: a
// cache layer written and exported from `lib/cache/index.ts` but never wired into a route or a
// service (`export { getInvoice, … } from './managers/invoice-cache'`, and no file importing
// `getInvoice` from there). Nothing reads such a cache, so no write can leave it stale.
//
// Judged on the import statements of every product file, parsed or not (the gate leaves most
// importers unparsed), each specifier resolved as the linker resolves it. A module nothing imports
// at all may be an entry point (a route, a worker, a script run by name), and a module exporting a
// route handler is one: neither is ever judged unused.
import type { ProjectIndex } from '../rule';
import { CONVENTIONAL } from './uncalled';
import { identifierCount } from '../syntax/identifier-text';

/** One import, require or re-export of a file: where its statement is, and what it takes. */
interface Ref {
  spec: string;
  /** the statement, from its keyword to the specifier's closing quote */
  start: number;
  end: number;
  /** `export { a, b as c } from` / `export * from`: the names it hands on ('*': all of them; `['*', ns]`: all, and `ns`) */
  reexport?: string[] | '*';
  /** `import { a, b as c } from`, `const { a } = require(…)`: the names it takes (undefined: the whole module) */
  takes?: string[];
  /** the whole module under a name (`import * as c`, `import c from`, `const c = require(…)`), or no name at all (`import './x'`, `import('./x')`) */
  whole?: 'named' | 'default' | 'unnamed';
}

const SPECIFIER = /\b(?:from|import|require)\s*\(?\s*(['"])([^'"\n]+)\1/g;

/** Names in braces: `a, b as c, type d` → the names as the module exports them, and as bound here. */
function braceNames(list: string): string[] {
  return list
    .replace(/\/\/[^\n]*|\/\*[\s\S]*?\*\//g, '')
    .split(',')
    .flatMap((x) => x.replace(/^\s*type\s+/, '').split(/\s+as\s+|:/).map((y) => y.trim()))
    .filter(Boolean);
}

function refsOf(text: string): Ref[] {
  const out: Ref[] = [];
  for (const m of text.matchAll(SPECIFIER)) {
    const end = m.index + m[0].length;
    const head = text.slice(Math.max(0, m.index - 4000), m.index);
    const headStart = m.index - head.length;
    const re = /export\s+(?:type\s+)?(\*(?:\s+as\s+[\w$]+)?|\{([^{}]*)\})\s*$/.exec(head);
    if (re && m[0].startsWith('from')) {
      out.push({ spec: m[2], start: headStart + re.index, end, reexport: re[1].startsWith('*') ? (/\bas\b/.test(re[1]) ? ['*', re[1].replace(/^\*\s+as\s+/, '')] : '*') : braceNames(re[2]) });
      continue;
    }
    const imp = /import\s+(?:type\s+)?(?:[\w$]+\s*,\s*)?\{([^{}]*)\}\s*$/.exec(head);
    const req = /\{([^{}]*)\}\s*=\s*(?:await\s+)?$/.exec(head);
    if (imp && m[0].startsWith('from')) out.push({ spec: m[2], start: headStart + imp.index, end, takes: braceNames(imp[1]) });
    else if (req && !m[0].startsWith('from')) out.push({ spec: m[2], start: headStart + req.index, end, takes: braceNames(req[1]) });
    else if (m[0].startsWith('from')) out.push({ spec: m[2], start: m.index, end, whole: /import\s+(?:type\s+)?[\w$]+\s*(?:,[^;]*)?$/.test(head) ? 'default' : 'named' });
    else out.push({ spec: m[2], start: m.index, end, whole: m[0].startsWith('require') && /=\s*(?:await\s+)?$/.test(head) ? 'named' : 'unnamed' });
  }
  return out;
}

/** The names a module exports, read from its text (`export function getInvoice`, `export { a as b }`). */
function exportedNames(text: string): string[] {
  const out: string[] = /\bexport\s+default\b/.test(text) ? ['default'] : [];
  for (const m of text.matchAll(/\bexport\s+(?:declare\s+)?(?:default\s+)?(?:async\s+)?(?:abstract\s+)?(?:function\s*\*?|class|const|let|var|enum|interface|type|namespace)\s+([A-Za-z_$][\w$]*)/g)) out.push(m[1]);
  for (const m of text.matchAll(/\bexport\s*\{([^{}]*)\}(?!\s*from)/g))
    for (const s of m[1].split(',')) {
      const n = s.trim().split(/\s+as\s+/).pop()?.trim();
      if (n) out.push(n);
    }
  return out;
}

/** The product texts of `changed` that still exist (a file gone, or now a test, is left out). */
function* changedTexts(project: ProjectIndex, changed: readonly string[]): Iterable<[string, string]> {
  for (const file of changed) {
    const f = project.files.get(file);
    const text = f ? (f.kind ? undefined : f.text) : project.unparsed.get(file);
    if (text !== undefined) yield [file, text];
  }
}

/** Every product file's text: parsed (not tests or scripts) and unparsed. */
function* productTexts(project: ProjectIndex): Iterable<[string, string]> {
  for (const f of project.files.values()) if (!f.kind) yield [f.file, f.text];
  yield* project.unparsed;
}

/** One reference to a file: the product file it stands in, that file's text, and the statement. */
type Importer = { file: string; text: string; ref: Ref };

interface Graph {
  /** file → the product files referring to it, with each reference */
  importers: Map<string, Importer[]>;
  verdicts: Map<string, boolean>;
}

const graphs = new WeakMap<ProjectIndex, Graph>();

/**
 * The reference graph as the last link left it, kept in the analyzer's memo: the editor links again
 * on every keystroke, and only the edited file's imports are read and resolved again (answers
 * depend on the set of files, so a new resolver starts over).
 */
interface KeptGraph {
  modules: ProjectIndex['modules'];
  /** the link it was last brought up to date with */
  generation: number;
  files: Map<string, { text: string; targets: string[] }>;
  importers: Map<string, Importer[]>;
}
const GRAPH_MEMO = 'unused-modules:graph';

function graphOf(project: ProjectIndex): Graph {
  let g = graphs.get(project);
  if (g) return g;
  let kept = project.memo.get(GRAPH_MEMO) as KeptGraph | undefined;
  if (!kept || kept.modules !== project.modules) project.memo.set(GRAPH_MEMO, (kept = { modules: project.modules, generation: -1, files: new Map(), importers: new Map() }));
  const { files, importers } = kept;
  // derived from the link the graph was kept for: only the files that may differ are read again
  const since = project.changedSince;
  const only = since && since.generation === kept.generation ? since.files : undefined;
  kept.generation = project.generation;
  const seen = new Set<string>();
  const drop = (file: string, targets: readonly string[]) => {
    for (const t of new Set(targets)) {
      const list = importers.get(t)?.filter((i) => i.file !== file);
      if (list?.length) importers.set(t, list);
      else importers.delete(t);
    }
  };
  const texts: Iterable<[string, string]> = only ? changedTexts(project, only) : productTexts(project);
  for (const [file, text] of texts) {
    seen.add(file);
    const had = files.get(file);
    if (had && had.text === text) continue;
    if (had) drop(file, had.targets);
    const refs = text.includes('from') || text.includes('require') || text.includes('import') ? refsOf(text) : [];
    const targets: string[] = [];
    for (const ref of refs) {
      const target = project.modules.resolve(file, ref.spec);
      if (!target || target === file) continue;
      targets.push(target);
      const list = importers.get(target);
      if (list) list.push({ file, text, ref });
      else importers.set(target, [{ file, text, ref }]);
    }
    files.set(file, { text, targets });
  }
  for (const file of only ?? [...files.keys()]) {
    const had = files.get(file);
    if (had && !seen.has(file)) {
      drop(file, had.targets);
      files.delete(file);
    }
  }
  graphs.set(project, (g = { importers, verdicts: new Map() }));
  return g;
}

/**
 * Whether `file` is referred to only by re-exports (`export { … } from './invoice-cache'`, through
 * barrels of barrels), and no product file imports any name it hands on from one of them.
 */
export function isUnusedModule(project: ProjectIndex, file: string): boolean {
  const g = graphOf(project);
  let v = g.verdicts.get(file);
  if (v === undefined) g.verdicts.set(file, (v = judge(project, g, file)));
  return v;
}

function judge(project: ProjectIndex, g: Graph, file: string): boolean {
  const own = project.files.get(file);
  // a CommonJS module's names are not read here: never judged
  if (!own || own.kind || /\bmodule\.exports\b|\bexports\.[\w$]+\s*=/.test(own.text)) return false;
  const direct = g.importers.get(file) ?? [];
  // nothing refers to it: it may be run by name
  if (direct.length === 0) return false;
  // the names each barrel hands on (barrels of barrels included, three levels)
  const handedOn = new Map<string, Set<string>>([[file, new Set(exportedNames(own.text))]]);
  // a route's handlers, a worker's entry: run by a framework or by name
  if ([...handedOn.get(file)!].some((n) => CONVENTIONAL.test(n))) return false;
  const uses: { file: string; text: string; ref: Ref; names: Set<string> }[] = [];
  let frontier = [file];
  for (let depth = 0; depth < 4 && frontier.length; depth++) {
    const next: string[] = [];
    for (const target of frontier) {
      const names = handedOn.get(target)!;
      for (const r of g.importers.get(target) ?? []) {
        if (!r.ref.reexport) {
          uses.push({ ...r, names });
          continue;
        }
        // `export * as ns from`: every name, and the namespace's own
        const passed =
          r.ref.reexport === '*' ? names : r.ref.reexport[0] === '*' ? new Set([...names, ...r.ref.reexport.slice(1)]) : new Set(r.ref.reexport.filter((n) => names.has(n) || names.has('default')));
        if (passed.size === 0) continue;
        const had = handedOn.get(r.file);
        if (had) for (const n of passed) had.add(n);
        else {
          handedOn.set(r.file, new Set(passed));
          next.push(r.file);
        }
      }
    }
    frontier = next;
  }
  // still re-exported further than we follow: in use, as far as we can tell
  if (frontier.some((f) => (g.importers.get(f)?.length ?? 0) > 0)) return false;
  for (const u of uses) {
    // import { getInvoice } from '@/lib/cache'
    if (u.ref.takes) {
      if (u.ref.takes.some((n) => u.names.has(n))) return false;
      continue;
    }
    // `import './side-effect'`, `import('./lazy')`, a bare require: what it does with it is not seen
    if (u.ref.whole === 'unnamed') return false;
    // a default import takes the default export under any name
    if (u.ref.whole === 'default' && u.names.has('default')) return false;
    // import * as cache from '@/lib/cache', `const cache = require(…)`: a use of any name it hands on
    const rest = u.text.slice(0, u.ref.start) + u.text.slice(u.ref.end);
    for (const n of u.names) if (n !== 'default' && identifierCount(rest, n, 1) > 0) return false;
  }
  return true;
}

// The coverage summary as people read it (CLI `--stats`, the server's output channel and status
// item), and the one notice that says a clean run saw nothing (engine/coverage.ts decides when).
import { relative } from 'node:path';
import { COVERAGE_HELP_URL, type Coverage } from '../engine/coverage';

const n = (x: number) => x.toLocaleString('en-US');
const plural = (x: number, one: string, many = `${one}s`) => `${n(x)} ${x === 1 ? one : many}`;

/** `37 cache calls: ioredis via RedisService (31), cache-manager (6)` */
export function callsLine(c: Coverage): string {
  const head = plural(c.calls.total, 'cache call');
  const groups = c.calls.groups.map((g) => `${g.lib === 'configured' ? 'wrappers' : g.lib}${g.via ? ` via ${g.via}` : ''} (${n(g.count)})`);
  const shown = groups.slice(0, 6).join(', ') + (groups.length > 6 ? `, ${groups.length - 6} more` : '');
  return `${head}${shown ? `: ${shown}` : ''}`;
}

/** `24 keys: 18 cache, 3 not a cache, 3 unknown` */
export function keysLine(c: Coverage): string {
  return `${plural(c.keys.total, 'key')}: ${n(c.keys.cache)} cache, ${n(c.keys.notCache)} not a cache, ${n(c.keys.unknown)} unknown`;
}

/** The summary, one fact a line. */
export function coverageLines(c: Coverage, cwd?: string): string[] {
  const lines = [`${plural(c.files, 'file')} analysed (${n(c.parsed)} parsed)`, callsLine(c)];
  if (c.calls.inTestsAndScripts > 0) lines[1] += `; ${n(c.calls.inTestsAndScripts)} more in tests and scripts`;
  lines.push(keysLine(c));
  if (c.libraries.length > 0) lines.push(`cache libraries in use: ${c.libraries.map((l) => l.name).join(', ')}`);
  if (c.unfollowed.count > 0) lines.push(`${unfollowedText(c, cwd)} (not followed)`);
  return lines;
}

function unfollowedText(c: Coverage, cwd?: string): string {
  const at = (f: string) => (cwd ? relative(cwd, f) || f : f);
  const ex = c.unfollowed.examples.slice(0, 3).map((e) => `${e.callee} at ${at(e.file)}:${e.line}`);
  return `${plural(c.unfollowed.count, 'call')} that look${c.unfollowed.count === 1 ? 's' : ''} like cache calls${ex.length ? ` (${ex.join(', ')}${c.unfollowed.count > ex.length ? ', …' : ''})` : ''}`;
}

/**
 * When the workspace uses a cache library but cachelint recognised no call, or calls it could not
 * follow: what that means and what to do. Undefined when there is nothing to say.
 */
export function blindNotice(c: Coverage, cwd?: string): string | undefined {
  if (c.libraries.length === 0) return undefined;
  const libs = c.libraries.map((l) => l.name).join(', ');
  const todo =
    'If your code reaches the cache through a module or class of its own, name it in .cachelintrc.json: ' +
    '"cacheModules" for a module exporting a client ({ "@acme/cache": "ioredis" }), "wrappers" for a class around one (["AppCache"]). ' +
    `See ${COVERAGE_HELP_URL}`;
  if (c.calls.total === 0)
    return `This workspace uses ${libs}, but cachelint recognised no cache call in it: a clean result means nothing here. ${todo}`;
  if (c.unfollowed.count > 0)
    return `Recognised ${plural(c.calls.total, 'cache call')} but could not follow ${unfollowedText(c, cwd)}: findings on them are missing. ${todo}`;
  return undefined;
}

import { chmodSync, lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { applyEdits, detectEol, fixRange, pickNonOverlapping, withEol, writeFileAtomic } from '../src/engine/edits';
import type { Fix } from '../src/rule';

const dirs: string[] = [];
function tmp(): string {
  const d = mkdtempSync(join(tmpdir(), 'cachelint-edits-'));
  dirs.push(d);
  return d;
}
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const fix = (...edits: [number, number, string][]): Fix => ({
  title: 't',
  kind: 'safe',
  edits: edits.map(([start, end, text]) => ({ start, end, text })),
});

describe('applyEdits', () => {
  it('applies edits given in any order', () => {
    expect(applyEdits('abcdef', [{ start: 4, end: 5, text: 'E' }, { start: 0, end: 1, text: 'A' }])).toBe('AbcdEf');
  });

  it('keeps two insertions at one point in the given order', () => {
    expect(applyEdits('ab', [{ start: 1, end: 1, text: 'x' }, { start: 1, end: 1, text: 'y' }])).toBe('axyb');
  });

  it('throws on overlapping edits and on edits outside the text', () => {
    expect(() => applyEdits('abcdef', [{ start: 0, end: 3, text: '' }, { start: 2, end: 4, text: '' }])).toThrow(/overlap/);
    expect(() => applyEdits('abc', [{ start: 2, end: 9, text: '' }])).toThrow(/outside/);
  });
});

describe('pickNonOverlapping', () => {
  it('takes fixes in position order and skips the ones that overlap or touch a taken one', () => {
    const a = fix([0, 3, 'A']);
    const b = fix([2, 5, 'B']); // overlaps a
    const c = fix([3, 4, 'C']); // touches a's end: ESLint leaves it for the next pass
    const d = fix([6, 7, 'D']);
    const edits = pickNonOverlapping([d, c, b, a]);
    expect(edits.map((e) => e.text)).toEqual(['A', 'D']);
    expect(applyEdits('0123456789', edits)).toBe('A345D789');
  });

  it('judges a multi-edit fix by the range covering all its edits', () => {
    const wide = fix([0, 1, 'x'], [8, 9, 'y']);
    expect(fixRange(wide)).toEqual([0, 9]);
    const inside = fix([4, 5, 'z']);
    expect(pickNonOverlapping([inside, wide]).map((e) => e.text)).toEqual(['x', 'y']);
  });

  it('skips fixes with no edits or whose own edits overlap', () => {
    expect(pickNonOverlapping([fix(), fix([0, 4, 'a'], [2, 3, 'b']), fix([5, 6, 'ok'])]).map((e) => e.text)).toEqual(['ok']);
  });

  it('a second pass picks up what the first left', () => {
    let text = 'aaaa';
    const fixes = [fix([0, 2, 'bb']), fix([1, 3, 'cc'])];
    text = applyEdits(text, pickNonOverlapping(fixes));
    expect(text).toBe('bbaa');
  });
});

describe('line endings', () => {
  it('detects CRLF and rewrites inserted line breaks to it', () => {
    expect(detectEol('a\r\nb\nc')).toBe('\r\n');
    expect(detectEol('a\nb\r\n')).toBe('\n');
    expect(detectEol('no break')).toBe('\n');
    const text = 'a;\r\nb;\r\n';
    const out = applyEdits(text, withEol([{ start: 4, end: 4, text: 'x;\n' }], detectEol(text)));
    expect(out).toBe('a;\r\nx;\r\nb;\r\n');
    expect(out.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });
});

describe('writeFileAtomic', () => {
  it('replaces the content, keeps the mode and leaves no temporary file', () => {
    const d = tmp();
    const f = join(d, 'a.ts');
    writeFileSync(f, 'old');
    chmodSync(f, 0o640);
    writeFileAtomic(f, 'new\r\n');
    expect(readFileSync(f, 'utf8')).toBe('new\r\n');
    expect(statSync(f).mode & 0o777).toBe(0o640);
    expect(readdirSync(d)).toEqual(['a.ts']);
  });

  it('replaces the inode (rename), so a reader holding the old file never sees a partial write', () => {
    const d = tmp();
    const f = join(d, 'a.ts');
    writeFileSync(f, 'old');
    const before = statSync(f).ino;
    writeFileAtomic(f, 'new');
    expect(statSync(f).ino).not.toBe(before);
  });

  it('writes through a symlink and keeps the link', () => {
    const d = tmp();
    const target = join(d, 'real.ts');
    const link = join(d, 'link.ts');
    writeFileSync(target, 'old');
    symlinkSync(target, link);
    writeFileAtomic(link, 'new');
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(target, 'utf8')).toBe('new');
  });

  it('keeps a BOM given in the text byte for byte', () => {
    const d = tmp();
    const f = join(d, 'bom.ts');
    writeFileAtomic(f, '\uFEFFconst a = 1;\n');
    expect([...readFileSync(f).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('cleans up and throws when the folder is gone', () => {
    const d = tmp();
    expect(() => writeFileAtomic(join(d, 'missing', 'a.ts'), 'x')).toThrow();
    expect(readdirSync(d)).toEqual([]);
  });
});

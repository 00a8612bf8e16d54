// Seeded randomness for the workspace generator: the same seed must give byte-identical files on
// every machine, so nothing here may call Math.random or depend on the clock.

/** mulberry32: tiny, fast and good enough to vary code shapes. */
export function createRng(seed) {
  let a = seed >>> 0 || 0x9e3779b9;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo, hi) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = (xs) => xs[Math.floor(next() * xs.length)];
  const chance = (p) => next() < p;
  const shuffle = (xs) => {
    const out = [...xs];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  };
  return { next, int, pick, chance, shuffle };
}

export const pascal = (camel) => camel[0].toUpperCase() + camel.slice(1);
export const kebab = (camel) => camel.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
export const snake = (camel) => camel.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();

/** English plural, matching what the analyser's singular() undoes. */
export function plural(word) {
  if (/[^aeiou]y$/.test(word)) return `${word.slice(0, -1)}ies`;
  if (/(s|x|z|ch|sh)$/.test(word)) return `${word}es`;
  return `${word}s`;
}

/**
 * Collects a file's lines and remembers where the planted findings are, so the expected
 * locations come from the same code that writes the text (no hand-kept line numbers).
 */
export class Source {
  constructor(path) {
    this.path = path;
    this.lines = [];
    this.plants = [];
  }

  /** Appends lines (a string may hold several). */
  add(...texts) {
    for (const t of texts) this.lines.push(...t.split('\n'));
    return this;
  }

  /** Appends one line on which the analyser must report `rule` (1-based line recorded). */
  plant(rule, text) {
    if (text.includes('\n')) throw new Error('a planted finding must sit on one line');
    this.lines.push(text);
    this.plants.push({ rule, file: this.path, line: this.lines.length });
    return this;
  }

  get lineCount() {
    return this.lines.length;
  }

  text() {
    return `${this.lines.join('\n')}\n`;
  }
}

// The editor's first keystrokes after a workspace loads took about twice as long as the later
// ones: the incremental reparse, the re-link of one file and the project rules' per-change
// paths run for the first time then, and the JIT compiles them on the user's time. Once the first
// index is read, the language server runs that path on a scratch copy of a few of the folder's
// files (a typed space, analysed, a few times), a step per event-loop turn, and throws it away.
// Nothing of the real analysis is touched: the copies live under paths no file has.
import type { ResolvedConfig } from '../config';
import { Analyzer } from './run';

/** Files copied: enough for the linker and the project rules to have something to relate. */
const SAMPLES = 16;
/** Keystrokes simulated on the largest copy. */
const KEYSTROKES = 12;

/** `a/b.service.ts` → `a/b.service.cachelint-warm-up.ts`: same folder (same config and imports), no real file. */
function scratchPath(file: string): string {
  const dot = file.lastIndexOf('.');
  return dot > file.lastIndexOf('/') && dot > file.lastIndexOf('\\') ? `${file.slice(0, dot)}.cachelint-warm-up${file.slice(dot)}` : `${file}.cachelint-warm-up`;
}

export class KeystrokeWarmUp {
  private readonly scratch: Analyzer;
  private readonly copies: { file: string; text: string }[];
  private loaded = 0;
  private typed = 0;
  private text = '';

  /** `files`: the folder's files with their texts; the ones of a few kilobytes, spread over the folder, are copied. */
  constructor(files: readonly { file: string; text: string }[], configFor: (file: string) => ResolvedConfig) {
    const sized = files.filter((f) => f.text.length >= 2_000 && f.text.length <= 200_000);
    const stride = Math.max(1, Math.floor(sized.length / SAMPLES));
    this.copies = [];
    for (let k = 0; k < sized.length && this.copies.length < SAMPLES; k += stride) this.copies.push({ file: scratchPath(sized[k].file), text: sized[k].text });
    this.copies.sort((a, b) => b.text.length - a.text.length);
    this.scratch = new Analyzer({ configFor, incremental: true });
  }

  get done(): boolean {
    return this.copies.length === 0 || this.typed >= KEYSTROKES;
  }

  /** One step: load a copy, or type a space into the largest one and analyse it as the editor does. */
  step(): void {
    if (this.done) return;
    try {
      if (this.loaded < this.copies.length) {
        const c = this.copies[this.loaded++];
        this.scratch.setFile(c.file, c.text);
        if (this.loaded === this.copies.length) {
          this.text = this.copies[0].text;
          this.scratch.run([this.copies[0].file]);
        }
        return;
      }
      // a space at the start of a line, further down each time
      const lines = this.text.split('\n');
      const at = 1 + Math.floor(((this.typed + 1) * (lines.length - 2)) / (KEYSTROKES + 1));
      lines[at] = ` ${lines[at]}`;
      this.text = lines.join('\n');
      this.scratch.setFile(this.copies[0].file, this.text);
      this.scratch.run([this.copies[0].file]);
      this.typed++;
    } catch {
      // a warm-up is never worth an error: stop it
      this.typed = KEYSTROKES;
    }
  }
}

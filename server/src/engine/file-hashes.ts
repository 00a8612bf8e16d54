// Which files a `--cache` run need not read. Each file's content hash is recorded in the cache with
// the stat taken just before it was read (size, times, inode), as git's index does; a later run
// whose stat of the file is the same takes the recorded hash instead of reading the file, unless
// the file had changed shortly before the record was taken (within the same clock tick it could
// change again and keep its times: facts-cache.ts RACY_MS). The run's key is built from these
// hashes, so a warm run with nothing changed reads only the files its report quotes.
import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import type { FileStat, RunStore } from './facts-cache';

export class FileHashes {
  /** before any stat: a file changed after this has a later ctime than recorded */
  private readonly since = Date.now();
  private readonly stats = new Map<string, FileStat>();
  private readonly hashes = new Map<string, string>();

  /** `trust: false` (`--cache-strategy content`): every file is read, its record still kept */
  constructor(
    private readonly store: RunStore,
    private readonly trust = true,
  ) {}

  /** The file's content hash without reading it, when the cache vouches for its stat. */
  known(file: string): string | undefined {
    let st;
    try {
      st = statSync(file, { throwIfNoEntry: false });
    } catch {
      st = undefined;
    }
    if (!st) return undefined;
    const stat = { size: st.size, mtimeMs: st.mtimeMs, ctimeMs: st.ctimeMs, ino: st.ino };
    this.stats.set(file, stat);
    if (!this.trust) return undefined;
    const hash = this.store.knownHash?.(file, stat);
    if (hash) this.hashes.set(file, hash);
    return hash;
  }

  /** The file was read: hashes its bytes and records them with the stat `known` took before. */
  read(file: string, raw: Buffer): void {
    const hash = createHash('sha1').update(raw).digest('hex');
    this.hashes.set(file, hash);
    const st = this.stats.get(file);
    if (st) this.store.rememberHash?.(file, st, hash, this.since);
  }

  hashOf(file: string): string | undefined {
    return this.hashes.get(file);
  }
}

// Waiting on events, never on sleeps: a condition re-checked every time the server sends something.
// Shared by the protocol-test client (e2e/lsp-client.ts) and the fuzz session (lsp-fuzz/session.ts).

interface Waiter {
  check: () => boolean;
  resolve: () => void;
}

export class Waiters {
  private waiters: Waiter[] = [];

  /** `context()` is appended to a timeout's message (the server's stderr and log, say). */
  constructor(private readonly context: () => string) {}

  /** Re-checks every pending condition; call it on each message from the server. */
  poke(): void {
    this.waiters = this.waiters.filter((w) => {
      if (!w.check()) return true;
      w.resolve();
      return false;
    });
  }

  /** Resolves when `check` holds. */
  until(check: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
    if (check()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}\n${this.context()}`)), timeoutMs);
      this.waiters.push({
        check,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      });
    });
  }
}

// A tiny Chrome DevTools Protocol client for the driver: code-server's extension host runs on
// Node 24, whose global WebSocket lets the driver look at the very page it is running behind
// (is the hover widget visible?) and take the screenshot, without Playwright.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

interface MinimalWebSocket {
  onopen: (() => void) | null;
  onerror: ((e: unknown) => void) | null;
  onmessage: ((e: { data: string }) => void) | null;
  send(data: string): void;
  close(): void;
}

export class Cdp {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();

  private constructor(private readonly ws: MinimalWebSocket) {
    ws.onmessage = (e) => {
      const msg = JSON.parse(e.data) as { id?: number; result?: unknown; error?: { message: string } };
      const p = msg.id === undefined ? undefined : this.pending.get(msg.id);
      if (!p) return;
      this.pending.delete(msg.id!);
      if (msg.error) p.reject(new Error(msg.error.message));
      else p.resolve(msg.result);
    };
  }

  /** Connects to the page whose URL contains `urlPart`, in the browser whose profile is `profileDir`. */
  static async connect(profileDir: string, urlPart: string): Promise<Cdp> {
    // chromium writes the port it picked for --remote-debugging-port=0 into its profile
    const port = readFileSync(join(profileDir, 'DevToolsActivePort'), 'utf8').split('\n')[0].trim();
    const targets = (await (await fetch(`http://127.0.0.1:${port}/json/list`)).json()) as { type: string; url: string; webSocketDebuggerUrl: string }[];
    const page = targets.find((t) => t.type === 'page' && t.url.includes(urlPart));
    if (!page) throw new Error(`no page with ${urlPart} among ${targets.map((t) => t.url).join(', ')}`);
    const WS = (globalThis as unknown as { WebSocket?: new (url: string) => MinimalWebSocket }).WebSocket;
    if (!WS) throw new Error('this Node has no global WebSocket (needs Node >= 22)');
    const ws = new WS(page.webSocketDebuggerUrl);
    await new Promise<void>((resolve, reject) => {
      ws.onopen = () => resolve();
      ws.onerror = (e) => reject(new Error(`CDP connection failed: ${String(e)}`));
    });
    return new Cdp(ws);
  }

  send<T>(method: string, params: Record<string, unknown> = {}): Promise<T> {
    const id = this.nextId++;
    this.ws.send(JSON.stringify({ id, method, params }));
    return new Promise<T>((resolve, reject) => this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject }));
  }

  /** Evaluates an expression in the page and returns its JSON value. */
  async evaluate<T>(expression: string): Promise<T> {
    const r = await this.send<{ result: { value: T } }>('Runtime.evaluate', { expression, returnByValue: true });
    return r.result.value;
  }

  async screenshot(): Promise<Buffer> {
    const r = await this.send<{ data: string }>('Page.captureScreenshot', { format: 'png' });
    return Buffer.from(r.data, 'base64');
  }

  close(): void {
    this.ws.close();
  }
}

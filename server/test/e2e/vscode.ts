// Runs VS Code for real: code-server (the VS Code workbench and Node extension host) with the
// packaged cachelint extension and the driver extension, opened by headless chromium so the
// workbench connects and the extension host starts. The driver does the checks and writes JSON.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync, watch } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { DriverResult, DriverSpec } from './driver/spec';
import type { Tools } from './tools';

export interface VsCodeRun {
  tools: Tools;
  extension: string;
  driver: string;
  workspace: string;
  /** scratch folder for profiles, logs and results */
  work: string;
  spec: Omit<DriverSpec, 'chromeProfile'>;
  timeoutMs: number;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

/** Stops a process and everything it started (it leads its own process group: `detached`). */
function stopGroup(p: ChildProcess | undefined): Promise<void> {
  if (!p || p.pid === undefined || p.exitCode !== null || p.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const done = setTimeout(() => {
      try {
        process.kill(-p.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
      resolve();
    }, 5000);
    p.once('exit', () => {
      clearTimeout(done);
      // children that outlive the leader (the extension host, our language server) go too
      try {
        process.kill(-p.pid!, 'SIGKILL');
      } catch {
        // none left
      }
      resolve();
    });
    try {
      process.kill(-p.pid!, 'SIGTERM');
    } catch {
      clearTimeout(done);
      resolve();
    }
  });
}

/** Resolves when `file` exists (fs.watch on its folder, no polling), rejects after `ms`. */
function whenFileExists(file: string, ms: number, failed: () => string | undefined): Promise<void> {
  const dir = join(file, '..');
  return new Promise((resolve, reject) => {
    const check = () => {
      if (existsSync(file)) {
        finish();
        resolve();
        return;
      }
      const why = failed();
      if (why) {
        finish();
        reject(new Error(why));
      }
    };
    const watcher = watch(dir, check);
    const timer = setTimeout(() => {
      finish();
      reject(new Error(`timed out after ${ms} ms waiting for ${file}`));
    }, ms);
    const finish = () => {
      clearTimeout(timer);
      watcher.close();
    };
    check();
  });
}

async function whenHealthy(url: string, ms: number, proc: ChildProcess): Promise<void> {
  const deadline = Date.now() + ms;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`code-server exited with ${proc.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`code-server not healthy after ${ms} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The last lines of the extension host log and of the cachelint output channel: what to read when it fails. */
export function collectLogs(work: string): string {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/remoteexthost\.log$|cachelint\.log$|exthost\.log$/.test(e.name))
        out.push(`--- ${p}\n${readFileSync(p, 'utf8').split('\n').slice(-40).join('\n')}`);
    }
  };
  const logs = join(work, 'data', 'logs');
  if (existsSync(logs)) walk(logs);
  for (const f of ['code-server.log', 'chromium.log'])
    if (existsSync(join(work, f))) out.push(`--- ${f}\n${readFileSync(join(work, f), 'utf8').split('\n').slice(-30).join('\n')}`);
  return out.join('\n');
}

export async function runVsCode(run: VsCodeRun): Promise<DriverResult> {
  const { tools, work } = run;
  const data = join(work, 'data');
  const profile = join(work, 'chromium-profile');
  mkdirSync(join(data, 'User'), { recursive: true });
  mkdirSync(profile, { recursive: true });
  const port = await freePort();
  writeFileSync(join(work, 'config.yaml'), `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  writeFileSync(
    join(data, 'User', 'settings.json'),
    JSON.stringify({
      'security.workspace.trust.enabled': false,
      'workbench.startupEditor': 'none',
      'telemetry.telemetryLevel': 'off',
      'update.mode': 'none',
      'extensions.autoUpdate': false,
      'chat.disableAIFeatures': true,
      'workbench.tips.enabled': false,
      // tsserver is not under test: its syntax-only mode skips loading the project (a core for seconds)
      'typescript.tsserver.useSyntaxServer': 'always',
    }),
  );
  const spec: DriverSpec = { ...run.spec, chromeProfile: profile };
  const specFile = join(work, 'spec.json');
  const resultFile = join(work, 'result.json');
  writeFileSync(specFile, JSON.stringify(spec));
  // code-server writes under ~ unless every folder is pointed elsewhere
  const env = {
    ...process.env,
    XDG_DATA_HOME: join(work, 'xdg-data'),
    XDG_CONFIG_HOME: join(work, 'xdg-config'),
    PATH: `${join(tools.node24, '..')}:${process.env.PATH}`,
    E2E_SPEC: specFile,
    E2E_RESULT: resultFile,
  };
  const base = ['--config', join(work, 'config.yaml'), '--user-data-dir', data, '--extensions-dir', join(work, 'extensions')];
  for (const vsix of [run.extension, run.driver])
    execFileSync(tools.codeServer, [...base, '--install-extension', vsix, '--force'], { env, stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000 });

  let cs: ChildProcess | undefined;
  let chromium: ChildProcess | undefined;
  try {
    const csLog = join(work, 'code-server.log');
    cs = spawn(
      tools.codeServer,
      [
        ...base,
        '--disable-telemetry',
        '--disable-update-check',
        '--disable-workspace-trust',
        run.workspace,
      ],
      { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let csOut = '';
    cs.stdout!.on('data', (d: Buffer) => (csOut += d.toString()));
    cs.stderr!.on('data', (d: Buffer) => (csOut += d.toString()));
    cs.on('exit', () => writeFileSync(csLog, csOut));
    await whenHealthy(`http://127.0.0.1:${port}/healthz`, 60_000, cs);
    chromium = spawn(
      tools.chromium,
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
        '--window-size=1366,900',
        `--user-data-dir=${profile}`,
        '--remote-debugging-port=0',
        `http://127.0.0.1:${port}/?folder=${encodeURIComponent(run.workspace)}`,
      ],
      { detached: true, stdio: ['ignore', 'ignore', 'ignore'] },
    );
    await whenFileExists(resultFile, run.timeoutMs, () =>
      cs!.exitCode !== null ? `code-server exited with ${cs!.exitCode}` : chromium!.exitCode !== null ? `chromium exited with ${chromium!.exitCode}` : undefined,
    );
    writeFileSync(csLog, csOut);
    return JSON.parse(readFileSync(resultFile, 'utf8')) as DriverResult;
  } finally {
    await stopGroup(chromium);
    await stopGroup(cs);
  }
}

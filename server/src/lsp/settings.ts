// Per-resource settings (`cachelint.*`, scope `resource`), read with `workspace/configuration`.
// One cached promise per URI, dropped on didChangeConfiguration and when the document closes, as
// vscode-eslint does: settings are never kept in server globals, because each folder of a
// multi-root workspace (and each file, through folder overrides) may have its own.
import { RULE_IDS, type RuleId, type SeveritySetting } from '../rule';

export type RunMode = 'onType' | 'onSave';
export type TraceLevel = 'off' | 'messages' | 'verbose';
/** how findings recorded in cachelint-baseline.json show: as Hint diagnostics, or not at all */
export type BaselineMode = 'hint' | 'hide';

export interface CachelintSettings {
  enable: boolean;
  run: RunMode;
  /** per-rule severity overrides, on top of `.cachelintrc.json` */
  rules: Partial<Record<RuleId, SeveritySetting>>;
  /** when set, overrides the config file's `defaultTtlSeconds` (missing-ttl's fix becomes safe) */
  defaultTtlSeconds: number | undefined;
  trace: { server: TraceLevel };
  baseline: BaselineMode;
}

export function defaultSettings(): CachelintSettings {
  return { enable: true, run: 'onType', rules: {}, defaultTtlSeconds: undefined, trace: { server: 'off' }, baseline: 'hint' };
}

const SEVERITIES = new Set<string>(['off', 'warn', 'error']);

/**
 * Validates what the client sent for the `cachelint` section. Anything malformed falls back to
 * the default for that key: a typo in settings.json must not stop the server.
 */
export function normalizeSettings(raw: unknown): CachelintSettings {
  const s = defaultSettings();
  if (!raw || typeof raw !== 'object') return s;
  const r = raw as Record<string, unknown>;
  if (typeof r.enable === 'boolean') s.enable = r.enable;
  if (r.run === 'onType' || r.run === 'onSave') s.run = r.run;
  if (r.rules && typeof r.rules === 'object' && !Array.isArray(r.rules)) {
    for (const [id, sev] of Object.entries(r.rules as Record<string, unknown>)) {
      if ((RULE_IDS as readonly string[]).includes(id) && typeof sev === 'string' && SEVERITIES.has(sev))
        s.rules[id as RuleId] = sev as SeveritySetting;
    }
  }
  if (typeof r.defaultTtlSeconds === 'number' && Number.isInteger(r.defaultTtlSeconds) && r.defaultTtlSeconds > 0)
    s.defaultTtlSeconds = r.defaultTtlSeconds;
  const trace = (r.trace as Record<string, unknown> | undefined)?.server;
  if (trace === 'off' || trace === 'messages' || trace === 'verbose') s.trace = { server: trace };
  if (r.baseline === 'hint' || r.baseline === 'hide') s.baseline = r.baseline;
  return s;
}

/** Fetches the raw `cachelint` section for a scope URI (undefined: the client has no configuration support). */
export type SettingsFetcher = (scopeUri: string) => Promise<unknown>;

export class SettingsStore {
  private readonly promises = new Map<string, Promise<CachelintSettings>>();
  /** the resolved value of each promise, for the engine's synchronous `configFor` */
  private readonly resolved = new Map<string, CachelintSettings>();
  /** bumped by clear(): a fetch that started before it must not store its stale result */
  private generation = 0;

  constructor(private readonly fetch: SettingsFetcher | undefined) {}

  get(uri: string): Promise<CachelintSettings> {
    let p = this.promises.get(uri);
    if (!p) {
      const gen = this.generation;
      const fetch = this.fetch;
      p = (fetch ? fetch(uri).then(normalizeSettings, () => defaultSettings()) : Promise.resolve(defaultSettings())).then(
        (s) => {
          if (gen === this.generation) this.resolved.set(uri, s);
          return s;
        },
      );
      this.promises.set(uri, p);
    }
    return p;
  }

  /** The last resolved settings of `uri`, if they were fetched and not cleared since. */
  peek(uri: string): CachelintSettings | undefined {
    return this.resolved.get(uri);
  }

  /** Forgets one URI (document closed) or all of them (configuration changed). */
  clear(uri?: string): void {
    if (uri === undefined) {
      this.generation++;
      this.promises.clear();
      this.resolved.clear();
    } else {
      this.promises.delete(uri);
      this.resolved.delete(uri);
    }
  }
}

// The "Cache Keys" view in the Explorer: the server's key map (`cachelint/keys`, the data of
// `cachelint keys`) as a tree: entity → key shape (role, TTLs, findings) → its findings and its
// readers, writers, deleters and expirers, each a link to the call. Loaded when the view is shown
// and again after each analysis the server reports (`cachelint/coverage`) while it is visible.
import {
  EventEmitter,
  MarkdownString,
  Range,
  ThemeColor,
  ThemeIcon,
  TreeItem,
  TreeItemCollapsibleState,
  Uri,
  type Event,
  type TreeDataProvider,
} from 'vscode';

/** server/src/lsp/keys.ts */
export const KEYS_REQUEST = 'cachelint/keys';

interface Site {
  uri: string;
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  verb?: string;
  via?: string;
  ttl?: number | 'none' | 'unknown';
  inTest?: boolean;
}

interface Key {
  id: string;
  label: string;
  entity: string;
  role: 'cache' | 'not-cache' | 'unknown';
  summary: string;
  evidence: { reason: string; site: Site }[];
  ttls: (number | 'none' | 'unknown')[];
  readers: Site[];
  writers: Site[];
  deleters: Site[];
  expirers: Site[];
  findings: { ruleId: string; message: string; severity: 'error' | 'warning'; site: Site }[];
  drift: string[];
}

export interface KeysResult {
  folders: { root: string; keys: Key[] }[];
}

type Node =
  | { t: 'folder'; root: string; keys: Key[] }
  | { t: 'entity'; name: string; keys: Key[]; all: Key[] }
  | { t: 'key'; key: Key; all: Key[] }
  | { t: 'group'; name: string; sites: Site[] }
  | { t: 'site'; site: Site; text: string; icon: string; color?: string; tooltip?: string; description?: string }
  | { t: 'note'; text: string };

function ttlText(t: number | 'none' | 'unknown'): string {
  if (t === 'none') return 'none';
  if (t === 'unknown') return 'not literal';
  if (t % 86400 === 0) return `${t / 86400} d`;
  if (t % 3600 === 0) return `${t / 3600} h`;
  if (t % 60 === 0) return `${t / 60} min`;
  return `${t} s`;
}

const ROLE = { cache: 'cache', 'not-cache': 'not a cache', unknown: 'role unknown' } as const;
const base = (file: string) => file.split(/[\\/]/).pop() ?? file;

export class KeysView implements TreeDataProvider<Node> {
  private readonly changed = new EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData: Event<Node | undefined> = this.changed.event;
  /** the last answer (kept for tests and for `getParent`-free rendering) */
  last: KeysResult | undefined;

  constructor(private readonly fetch: () => Promise<KeysResult | undefined>) {}

  refresh(): void {
    this.changed.fire(undefined);
  }

  async getChildren(node?: Node): Promise<Node[]> {
    if (!node) {
      let r: KeysResult | undefined;
      try {
        r = await this.fetch();
      } catch (e) {
        return [{ t: 'note', text: `cachelint: ${e instanceof Error ? e.message : String(e)}` }];
      }
      this.last = r;
      const folders = r?.folders ?? [];
      if (folders.every((f) => f.keys.length === 0)) return [];
      if (folders.length > 1) return folders.map((f) => ({ t: 'folder', root: f.root, keys: f.keys }));
      return entities(folders[0].keys);
    }
    switch (node.t) {
      case 'folder':
        return entities(node.keys);
      case 'entity':
        return node.keys.map((key) => ({ t: 'key', key, all: node.all }));
      case 'key':
        return keyChildren(node.key, node.all);
      case 'group':
        return node.sites.map((site) => ({ t: 'site', site, text: `${base(site.file)}:${site.line}`, icon: 'symbol-method', tooltip: site.file }));
      default:
        return [];
    }
  }

  getTreeItem(node: Node): TreeItem {
    switch (node.t) {
      case 'folder': {
        const item = new TreeItem(base(node.root), TreeItemCollapsibleState.Expanded);
        item.description = `${node.keys.length} keys`;
        item.iconPath = ThemeIcon.Folder;
        return item;
      }
      case 'entity': {
        const item = new TreeItem(node.name, TreeItemCollapsibleState.Expanded);
        item.description = `${node.keys.length} key${node.keys.length === 1 ? '' : 's'}`;
        item.iconPath = new ThemeIcon('symbol-class');
        return item;
      }
      case 'key': {
        const k = node.key;
        const item = new TreeItem(k.label, k.findings.length > 0 ? TreeItemCollapsibleState.Expanded : TreeItemCollapsibleState.Collapsed);
        const parts: string[] = [ROLE[k.role]];
        if (k.ttls.length) parts.push(`TTL ${k.ttls.map(ttlText).join(', ')}`);
        if (k.findings.length) parts.push(`${k.findings.length} finding${k.findings.length === 1 ? '' : 's'}`);
        item.description = parts.join(' · ');
        const err = k.findings.some((f) => f.severity === 'error');
        item.iconPath = k.findings.length
          ? new ThemeIcon(err ? 'error' : 'warning', new ThemeColor(err ? 'problemsErrorIcon.foreground' : 'problemsWarningIcon.foreground'))
          : new ThemeIcon('key');
        const md = new MarkdownString(`**\`${k.label}\`**: ${k.summary}\n\n`);
        for (const e of k.evidence.slice(0, 5)) md.appendMarkdown(`- ${e.reason} (${base(e.site.file)}:${e.site.line})\n`);
        item.tooltip = md;
        item.contextValue = 'cachelintKey';
        return item;
      }
      case 'group': {
        const item = new TreeItem(`${node.name} (${node.sites.length})`, TreeItemCollapsibleState.Expanded);
        return item;
      }
      case 'site': {
        const s = node.site;
        const item = new TreeItem(node.text, TreeItemCollapsibleState.None);
        item.description = node.description ?? siteDescription(s);
        item.tooltip = node.tooltip ?? s.file;
        item.iconPath = new ThemeIcon(node.icon, node.color ? new ThemeColor(node.color) : undefined);
        item.resourceUri = Uri.parse(s.uri);
        // each site is a link to its call
        item.command = {
          title: 'Open',
          command: 'vscode.open',
          arguments: [Uri.parse(s.uri), { selection: new Range(s.line - 1, s.column - 1, s.endLine - 1, s.endColumn - 1) }],
        };
        return item;
      }
      default:
        return new TreeItem(node.text, TreeItemCollapsibleState.None);
    }
  }
}

function siteDescription(s: Site): string {
  return [s.verb, s.via ? `via ${s.via}` : '', s.ttl !== undefined ? `TTL ${ttlText(s.ttl)}` : '', s.inTest ? 'test/script' : '']
    .filter(Boolean)
    .join(' · ');
}

function entities(keys: Key[]): Node[] {
  const names = [...new Set(keys.map((k) => k.entity))];
  return names.map((name) => ({ t: 'entity', name, keys: keys.filter((k) => k.entity === name), all: keys }));
}

function keyChildren(k: Key, all: Key[]): Node[] {
  const out: Node[] = k.findings.map((f) => ({
    t: 'site',
    site: { ...f.site },
    text: f.message,
    icon: f.severity === 'error' ? 'error' : 'warning',
    color: f.severity === 'error' ? 'problemsErrorIcon.foreground' : 'problemsWarningIcon.foreground',
    tooltip: `${f.message} (${f.ruleId})`,
    description: `${f.ruleId} · ${base(f.site.file)}:${f.site.line}`,
  }));
  for (const [name, sites] of [
    ['reads', k.readers],
    ['writes', k.writers],
    ['deletes', k.deleters],
    ['expires', k.expirers],
  ] as const)
    if (sites.length) out.push({ t: 'group', name, sites });
  for (const id of k.drift) {
    const other = all.find((x) => x.id === id);
    if (other) out.push({ t: 'note', text: `drifts from ${other.label}` });
  }
  return out;
}

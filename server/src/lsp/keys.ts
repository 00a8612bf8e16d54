// The `cachelint/keys` request: the key map of a workspace folder (engine/key-map.ts), the data of
// `cachelint keys --format json` and of VS Code's "Cache keys" view, for any LSP client (Neovim:
// `client.request('cachelint/keys', {})`). Answered once the folder's index is complete.
import { buildKeyMap, type KeyMap, type KeySite } from '../engine/key-map';
import type { Coverage } from '../engine/coverage';
import { fileUri } from './diagnostics';
import { folderCoverage } from './coverage';
import { pathOf } from './validator';
import type { FolderIndex, Workspace } from './workspace';

export const KEYS_REQUEST = 'cachelint/keys';

export interface KeysParams {
  /** a folder or file: the map of the workspace folder holding it; default every folder */
  uri?: string;
}

type WithUri<T> = T & { uri: string };
type Located = Omit<KeySite, 'verb' | 'via' | 'ttl'>;

export interface KeysResult {
  version: string;
  folders: { root: string; uri: string; keys: KeyMap['keys']; coverage?: Coverage }[];
}

/** Every site gets the `uri` an editor opens (lines and columns stay 1-based, as in the CLI's JSON). */
function withUris(map: KeyMap, uriOf: (file: string) => string): KeyMap {
  const u = <T extends Located>(s: T): WithUri<T> => ({ ...s, uri: uriOf(s.file) });
  return {
    keys: map.keys.map((k) => ({
      ...k,
      evidence: k.evidence.map((e) => ({ ...e, site: u(e.site) })),
      readers: k.readers.map(u),
      writers: k.writers.map(u),
      deleters: k.deleters.map(u),
      expirers: k.expirers.map(u),
      findings: k.findings.map((f) => ({ ...f, site: u(f.site) })),
    })),
  };
}

export async function keysFor(
  params: KeysParams | undefined,
  ctx: { workspace: Workspace; version: string; uriOf(file: string): string },
): Promise<KeysResult> {
  const path = params?.uri ? pathOf(params.uri) : undefined;
  const folders: FolderIndex[] = path
    ? [ctx.workspace.folderFor(path)]
    : ctx.workspace.all().filter((f) => f.root !== undefined);
  const out: KeysResult['folders'] = [];
  for (const folder of folders) {
    if (folder.root === undefined) continue;
    await folder.ready;
    const a = folder.analyzer;
    // every file's findings: the map shows them on their keys wherever they are
    const findings = [...a.run().values()].flatMap((r) => r.findings);
    const map = withUris(buildKeyMap(a.project(), findings), ctx.uriOf);
    out.push({ root: folder.root, uri: fileUri(folder.root), keys: map.keys, coverage: folderCoverage(folder)?.coverage });
  }
  return { version: ctx.version, folders: out };
}

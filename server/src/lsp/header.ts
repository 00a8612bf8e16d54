// What the output channel says first: which cachelint, on which Node, and for each workspace folder
// the config and baseline that govern it. The first thing to read when findings are not what one
// expects ("is my .cachelintrc.json even used?"), as vscode-eslint logs its library and Node.
export interface FolderInfo {
  root: string;
  config: string | undefined;
  baseline: string | undefined;
}

export function headerLines(version: string, node: string, folders: readonly FolderInfo[]): string[] {
  const lines = [`cachelint ${version} (language server) on Node ${node}`];
  if (folders.length === 0) lines.push('no workspace folder: open files are checked alone');
  for (const f of folders) lines.push(`workspace folder ${f.root}: config ${f.config ?? 'none (defaults)'}; baseline ${f.baseline ?? 'none'}`);
  return lines;
}

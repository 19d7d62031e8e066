#!/usr/bin/env bash
# Installs the pinned local tools (Azurite) into scripts/node_modules when missing or out of date;
# with --browser also Debian's Chromium for the browser tests.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
command -v node >/dev/null || { echo "Node.js is required (https://nodejs.org)." >&2; exit 1; }
command -v dotnet >/dev/null || { echo "The .NET 10 SDK is required (https://dot.net)." >&2; exit 1; }
stamp="$here/node_modules/.package-lock.json"
if [ ! -x "$here/node_modules/.bin/azurite-table" ] || [ "$here/package-lock.json" -nt "$stamp" ]; then
  echo "Installing Azurite (pinned in scripts/package-lock.json)..."
  npm ci --prefix "$here" --no-audit --no-fund --loglevel=error
fi
# Browser tests drive Debian's Chromium (never a browser Playwright downloads itself).
if [ "${1:-}" = "--browser" ] && [ ! -x /usr/lib/chromium/chromium ] && ! command -v chromium >/dev/null; then
  if command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
    echo "Installing Chromium for the browser tests (apt)..."
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    apt-get install -y -qq chromium >/dev/null
  else
    echo "Chromium is missing: install Debian's 'chromium' package (sudo apt-get install chromium) for the browser tests." >&2
  fi
fi

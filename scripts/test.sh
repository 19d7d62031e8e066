#!/usr/bin/env bash
# Runs the whole test suite. Tests start their own Azurite on free ports; nothing else is needed.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
"$root/scripts/install-tools.sh" --browser
cd "$root"
dotnet test Turnos.Functions.sln -c Release --nologo "$@"

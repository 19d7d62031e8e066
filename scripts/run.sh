#!/usr/bin/env bash
# Runs Turnos locally: Azurite with data kept in .azurite/, the demo business loaded, and the app at
# http://localhost:7071. Ctrl-C stops both.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
"$root/scripts/install-tools.sh"

port="${TURNOS_TABLE_PORT:-10002}"
if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
  echo "Port $port is already in use (another Azurite?). Stop it or set TURNOS_TABLE_PORT." >&2
  exit 1
fi
mkdir -p "$root/.azurite"
"$root/scripts/node_modules/.bin/azurite-table" --tableHost 127.0.0.1 --tablePort "$port" \
  --location "$root/.azurite" --disableTelemetry --skipApiVersionCheck --loose >"$root/.azurite/azurite.log" 2>&1 &
azurite=$!
trap 'kill "$azurite" 2>/dev/null || true; wait "$azurite" 2>/dev/null || true' EXIT
trap 'exit 130' INT TERM

for _ in $(seq 1 60); do
  (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
  kill -0 "$azurite" 2>/dev/null || { echo "Azurite did not start; see .azurite/azurite.log" >&2; exit 1; }
  sleep 0.5
done
echo "Azurite (tables) on 127.0.0.1:$port, data in .azurite/"

# Azurite's well-known development account; not a secret.
export Storage__ConnectionString="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;TableEndpoint=http://127.0.0.1:$port/devstoreaccount1;"
export Turnos__SeedFile="${Turnos__SeedFile:-$root/seed/demo.json}"
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
# The functions run in Turnos.LocalHost (Azure Functions Core Tools cannot be installed here; README: "Two hosts").
# Built together with the app (FunctionsProject), so the two share one version of each dependency.
echo "Starting Turnos at http://localhost:7071 (health: http://localhost:7071/api/health). Ctrl-C to stop."
dotnet run --project "$root/src/Turnos.LocalHost" --no-launch-profile \
  -p:FunctionsProject="$root/src/Turnos.Functions/Turnos.Functions.csproj" -- --LocalHost:FunctionsAssembly=Turnos.Functions

#!/bin/sh
# Packs Turnos for Azure Functions' "custom" runtime (Flex Consumption): a zip with host.json, one folder per
# function (Api/function.json, Sweeper/function.json, ...), seed/ and the self-contained linux-x64 Turnos.Functions
# executable side by side, ReadyToRun-compiled. The custom runtime's image has no .NET 10, so the runtime travels
# with the app.
#
# azd runs this as the service's prepackage hook (azure.yaml: language: custom, dist: bin/azd/turnos-functions.zip)
# and deploys the zip as it is. By hand:
#   ./scripts/package-functions.sh            # -> src/Turnos.Functions/bin/azd/turnos-functions.zip
#   ./scripts/package-functions.sh <folder>   # -> <folder>/turnos-functions.zip (and <folder>/publish/)
#
# POSIX sh on purpose (azd runs hooks with sh). Needs the .NET SDK, and python3 or zip.
set -eu

root=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
project="$root/src/Turnos.Functions"
executable=Turnos.Functions
out=${1:-"$project/bin/azd"}
mkdir -p "$out"
out=$(CDPATH= cd -- "$out" && pwd)
publish="$out/publish"
package="$out/turnos-functions.zip"

rm -rf "$publish" "$package"

dotnet publish "$project" -c Release -r linux-x64 --self-contained true -p:PublishReadyToRun=true -o "$publish"

fail() {
  echo "package-functions: $1" >&2
  exit 1
}

# The layout the Functions host expects (host.json's customHandler.description.defaultExecutablePath).
[ -f "$publish/host.json" ] || fail "host.json is missing from $publish"
[ -f "$publish/$executable" ] || fail "$executable (linux-x64 executable) is missing from $publish"
[ -f "$publish/$executable.dll" ] || fail "$executable.dll is missing from $publish"
[ -f "$publish/libcoreclr.so" ] || fail "the .NET runtime is missing from $publish (not self-contained?)"
for folder in "$project"/Functions/*/; do
  function_name=$(basename "$folder")
  [ -f "$publish/$function_name/function.json" ] || fail "$function_name/function.json is missing from $publish"
done
chmod 755 "$publish/$executable"

# The executable must keep its execute bit inside the zip (the host starts it directly). Python's zipfile records
# each file's mode; the executable's is set explicitly so a zip made on Windows still carries it.
zip_with_python() {
  "$1" - "$publish" "$package" "$executable" <<'PY'
import os, sys, zipfile

source, target, executable = sys.argv[1], sys.argv[2], sys.argv[3]
with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
    for folder, folders, files in os.walk(source):
        folders.sort()
        for name in sorted(files):
            path = os.path.join(folder, name)
            entry = zipfile.ZipInfo.from_file(path, os.path.relpath(path, source).replace(os.sep, "/"))
            entry.create_system = 3  # Unix, so external_attr holds the mode
            mode = 0o755 if entry.filename == executable else (os.stat(path).st_mode & 0o777) | 0o644
            entry.external_attr = (0o100000 | mode) << 16
            entry.compress_type = zipfile.ZIP_DEFLATED
            with open(path, "rb") as data:
                archive.writestr(entry, data.read())
PY
}

if command -v python3 >/dev/null 2>&1; then
  zip_with_python python3
elif command -v python >/dev/null 2>&1; then
  zip_with_python python
elif command -v zip >/dev/null 2>&1; then
  (cd "$publish" && zip -q -r -X "$package" .)
else
  fail "python3 or zip is needed to build $package"
fi

# azd resolves the service's dist path either from the service folder or from the folder azd runs in (the
# repository root); the default run leaves the package at both, so either reading finds it.
if [ $# -eq 0 ]; then
  mkdir -p "$root/bin/azd"
  ln -f "$package" "$root/bin/azd/turnos-functions.zip" 2>/dev/null || cp "$package" "$root/bin/azd/turnos-functions.zip"
fi

echo "package-functions: $package ($(du -k "$package" | cut -f1) KB)"

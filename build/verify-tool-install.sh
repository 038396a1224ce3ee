#!/usr/bin/env bash
# Proves the packed linktools .NET tool installs offline from out/tool and runs: installs it into a scratch
# tool path with every other package source cleared, then runs `linktools demo` (loopback only).
# Exit code 0 when the demo ran and reported its known broken links (linktools exit code 1), non-zero otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! ls out/tool/linktools.*.nupkg >/dev/null 2>&1; then
  echo "No package in out/tool: run ./build.ps1 -Task Package (or dotnet pack src/LinkTools.Cli -c Release -o out/tool) first." >&2
  exit 2
fi
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
printf '<?xml version="1.0" encoding="utf-8"?>\n<configuration><packageSources><clear /></packageSources></configuration>\n' > "$scratch/nuget.config"
(cd "$scratch" && dotnet tool install --tool-path "$scratch/tools" --add-source "$OLDPWD/out/tool" --configfile "$scratch/nuget.config" linktools)
set +e
timeout 120 "$scratch/tools/linktools" demo
status=$?
set -e
if [ "$status" -ne 1 ]; then
  echo "linktools demo exited with $status; expected 1 (the demo site has broken links)." >&2
  exit 1
fi
echo "linktools installed offline from out/tool and ran the demo (exit code 1: broken links found, as expected)."

#!/usr/bin/env bash
# Builds the `hutong` developer tool from this checkout and installs it as a .NET tool.
#   ./scripts/install-cli.sh                      # global: `hutong` on PATH (~/.dotnet/tools), also as `dotnet hutong`
#   ./scripts/install-cli.sh --tool-path DIR      # into DIR instead: DIR/hutong (and DIR/dotnet-hutong)
# Each build gets a version of its own (0.1.0-dev.<time>), because NuGet caches a package by id and version: a tool
# re-packed under the same version would keep running the old build.
set -euo pipefail
cd "$(dirname "$0")/.."

where=(--global)
dir="${DOTNET_CLI_HOME:-$HOME}/.dotnet/tools"
if [ "${1:-}" = "--tool-path" ]; then
  [ -n "${2:-}" ] || { echo "usage: $0 [--tool-path DIR]" >&2; exit 1; }
  where=(--tool-path "$2")
  dir="$2"
fi

version="0.1.0-dev.$(date -u +%Y%m%d%H%M%S)"
rm -rf artifacts/tools
dotnet pack src/Hutong.Cli -c Release -o artifacts/tools -p:Version="$version" -v q -nologo
dotnet tool uninstall "${where[@]}" Hutong.Cli >/dev/null 2>&1 || true
dotnet tool install "${where[@]}" --add-source artifacts/tools --version "$version" Hutong.Cli

# `dotnet hutong ...` as well: the dotnet command runs any `dotnet-<name>` it finds on PATH, next to `hutong` here.
ln -sf "$(cd "$dir" && pwd)/hutong" "$dir/dotnet-hutong"
echo "installed: hutong and dotnet hutong ($version) in $dir"

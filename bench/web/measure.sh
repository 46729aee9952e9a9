#!/usr/bin/env bash
# Measures the web client's first load: publishes Hutong.Server in Release (the published node serves the trimmed,
# compressed client from its wwwroot), starts it as a service manager would (`dotnet /path/Hutong.Server.dll` from
# another working directory, with its default settings) on a free loopback port with a fresh data folder, loads / in
# headless Chromium N times (bench/web/measure.mjs), and stops it with SIGTERM. It fails when the node logs SQL
# statements (its logs must be quiet by default) or does not exit within 15 s of the stop; it prints how long the
# start and the stop took. See bench/README.md.
#
#   bench/web/measure.sh [--runs N] [--published DIR] [--chromium PATH] [--scenario first-load|mini-program|game|story]
#
# --published DIR measures an existing `dotnet publish` output instead of publishing anew. --scenario mini-program
# measures opening a released mini-program and a setData of 1,000 rows instead (bench/web/mini-program.mjs), on a node
# whose operator is the bench's own account; --scenario game the tap game sample's frame times over 10 s of play
# (bench/web/game.mjs), on such a node; --scenario story a story game's cold open from its card in a chat
# (bench/web/story.mjs).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
runs=5
published=""
chromium=/usr/bin/chromium
scenario=first-load
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs=$2; shift 2 ;;
    --published) published=$(cd "$2" && pwd); shift 2 ;;
    --chromium) chromium=$2; shift 2 ;;
    --scenario) scenario=$2; shift 2 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done

[ -x "$chromium" ] || { echo "no Chromium at $chromium (Debian: apt-get install -y chromium)" >&2; exit 1; }
command -v node >/dev/null || { echo "node is required" >&2; exit 1; }

# playwright-core only drives the browser: it ships no browser of its own and downloads none.
if [ ! -d "$root/bench/web/node_modules/playwright-core" ]; then
  (cd "$root/bench/web" && npm ci --no-audit --no-fund)
fi

work=$(mktemp -d /tmp/hutong-web-first-load.XXXXXX)
pid=""
cleanup() {
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill "$pid"
    wait "$pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

if [ -z "$published" ]; then
  echo "publishing Hutong.Server (Release) to $work/publish ..."
  if ! dotnet publish "$root/src/Hutong.Server" -c Release -o "$work/publish" -nologo >"$work/publish.log" 2>&1; then
    tail -30 "$work/publish.log" >&2
    exit 1
  fi
  published=$work/publish
fi

# A free loopback port for HTTP; the node picks its own free Orleans ports.
http=$(node -e 'const s = require("net").createServer(); s.listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); });')

# A working directory that is not the publish folder: the node must find its settings and client by itself.
mkdir -p "$work/data" "$work/elsewhere"
started=$(date +%s.%N)
(cd "$work/elsewhere" && exec dotnet "$published/Hutong.Server.dll" --urls "http://127.0.0.1:$http" \
  --Hutong:DataDirectory="$work/data" --Hutong:Operators:0=benchops) >"$work/server.log" 2>&1 &
pid=$!

for _ in $(seq 1 240); do
  if curl -sf "http://127.0.0.1:$http/healthz" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$pid" 2>/dev/null; then echo "the node exited:" >&2; tail -30 "$work/server.log" >&2; exit 1; fi
  sleep 0.25
done
curl -sf "http://127.0.0.1:$http/healthz" >/dev/null || { echo "the node did not become healthy in 60 s" >&2; exit 1; }
echo "the node was healthy $(awk "BEGIN { printf \"%.1f\", $(date +%s.%N) - $started }") s after it was started"

commit=$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)
if [ -n "$(git -C "$root" status --porcelain -- src 2>/dev/null)" ]; then commit="$commit+changes"; fi
out="$root/bench/results/web-$scenario-$(date -u +%Y%m%d-%H%M%S).json"
case "$scenario" in
  first-load) node "$root/bench/web/measure.mjs" --url "http://127.0.0.1:$http/" --runs "$runs" --chromium "$chromium" \
    --commit "$commit" --out "$out" ;;
  mini-program) node "$root/bench/web/mini-program.mjs" --url "http://127.0.0.1:$http/" --operator benchops --runs "$runs" \
    --chromium "$chromium" --commit "$commit" --out "$out" ;;
  game) node "$root/bench/web/game.mjs" --url "http://127.0.0.1:$http/" --operator benchops --seconds 10 \
    --chromium "$chromium" --commit "$commit" --out "$out" ;;
  story) node "$root/bench/web/story.mjs" --url "http://127.0.0.1:$http/" --runs "$runs" --chromium "$chromium" \
    --commit "$commit" --out "$out" ;;
  *) echo "unknown scenario: $scenario" >&2; exit 2 ;;
esac

# A stop as a service manager does it: SIGTERM, then the node must be gone promptly.
stopping=$(date +%s.%N)
kill -TERM "$pid"
for _ in $(seq 1 150); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
if kill -0 "$pid" 2>/dev/null; then echo "the node was still running 15 s after SIGTERM" >&2; exit 1; fi
wait "$pid" 2>/dev/null || true
pid=""
echo "the node stopped $(awk "BEGIN { printf \"%.1f\", $(date +%s.%N) - $stopping }") s after SIGTERM"
if grep -q "Executed DbCommand" "$work/server.log"; then
  echo "the node logged SQL statements with its default settings:" >&2
  grep -m 5 -A 2 "Executed DbCommand" "$work/server.log" >&2
  exit 1
fi

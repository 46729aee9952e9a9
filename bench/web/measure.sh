#!/usr/bin/env bash
# Measures the web client's first load: publishes Hutong.Server in Release (the published node serves the trimmed,
# compressed client from its wwwroot), starts it on free loopback ports with a fresh data folder, loads / in headless
# Chromium N times (bench/web/measure.mjs) and stops the node. See bench/README.md.
#
#   bench/web/measure.sh [--runs N] [--published DIR] [--chromium PATH]
#
# --published DIR measures an existing `dotnet publish` output instead of publishing anew.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
runs=5
published=""
chromium=/usr/bin/chromium
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs=$2; shift 2 ;;
    --published) published=$(cd "$2" && pwd); shift 2 ;;
    --chromium) chromium=$2; shift 2 ;;
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

# Three free loopback ports: HTTP, Orleans silo, Orleans gateway (held open together so they differ).
read -r http silo gateway < <(node -e '
  const net = require("net");
  const servers = [0, 1, 2].map(() => net.createServer());
  Promise.all(servers.map(s => new Promise(r => s.listen(0, "127.0.0.1", () => r(s.address().port)))))
    .then(ports => { console.log(ports.join(" ")); servers.forEach(s => s.close()); });')

mkdir -p "$work/data"
# The node's content root is its publish folder (wwwroot is found there); exec keeps $! the node's own pid.
(cd "$published" && exec ./Hutong.Server --urls "http://127.0.0.1:$http" \
  --Hutong:DataDirectory="$work/data" --Hutong:Cluster:SiloPort="$silo" --Hutong:Cluster:GatewayPort="$gateway" \
  --Logging:LogLevel:Default=Warning) >"$work/server.log" 2>&1 &
pid=$!

for _ in $(seq 1 240); do
  if curl -sf "http://127.0.0.1:$http/healthz" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$pid" 2>/dev/null; then echo "the node exited:" >&2; tail -30 "$work/server.log" >&2; exit 1; fi
  sleep 0.5
done
curl -sf "http://127.0.0.1:$http/healthz" >/dev/null || { echo "the node did not become healthy in 120 s" >&2; exit 1; }

commit=$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)
if [ -n "$(git -C "$root" status --porcelain -- src 2>/dev/null)" ]; then commit="$commit+changes"; fi
out="$root/bench/results/web-first-load-$(date -u +%Y%m%d-%H%M%S).json"
node "$root/bench/web/measure.mjs" --url "http://127.0.0.1:$http/" --runs "$runs" --chromium "$chromium" \
  --commit "$commit" --out "$out"

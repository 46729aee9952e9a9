#!/usr/bin/env bash
# The test command: runs every test on SQLite and on PostgreSQL, on a fresh Debian machine that has only the .NET SDK.
# It installs what the tests need (PostgreSQL, ffmpeg, HAProxy, Chromium, a CJK font and Node via apt-get when missing, axe-core
# and s3rver via npm; the bench smoke run's bench/ejabberd/start.sh installs ejabberd the same way), starts a throwaway
# PostgreSQL cluster and a throwaway S3-compatible server on free loopback ports in temporary folders, removes them
# afterwards, and ends with one line:
#   tests: N passed, N failed, N skipped
# Arguments go to `dotnet test`, e.g. `--project tests/Hutong.Server.Tests` or `--filter-method '*Restart*'`.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

log() { printf '[test] %s\n' "$*" >&2; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    log "need root to run: $*"; return 1; fi
}

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

ensure_postgres() {
  local bin
  bin=$(pg_bin)
  if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
    log "installing PostgreSQL with apt-get"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    bin=$(pg_bin)
  fi
  [ -n "$bin" ] && [ -x "$bin/initdb" ] || { log "PostgreSQL is not installed and could not be installed"; return 1; }
  echo "$bin"
}

# Nodes read uploaded videos with Debian's ffmpeg (ffprobe for length and size, ffmpeg for a poster frame), and the
# media tests make their clips with it.
ensure_ffmpeg() {
  if ! command -v ffprobe >/dev/null || ! command -v ffmpeg >/dev/null; then
    log "installing ffmpeg with apt-get"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends ffmpeg >/dev/null
  fi
  command -v ffprobe >/dev/null && command -v ffmpeg >/dev/null || { log "ffmpeg is not installed and could not be installed"; return 1; }
}

free_port() {
  local port
  for _ in $(seq 1 200); do
    port=$(( (RANDOM % 20000) + 40000 ))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return 0; fi
  done
  return 1
}

pg_dir=""
pg_ctl_as=()
s3_dir=""
s3_pid=""
cleanup() {
  if [ -n "$pg_dir" ] && [ -d "$pg_dir" ]; then
    "${pg_ctl_as[@]}" "$PG_BIN/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$pg_dir"
  fi
  if [ -n "$s3_pid" ]; then
    kill "$s3_pid" 2>/dev/null || true
    wait "$s3_pid" 2>/dev/null || true
  fi
  if [ -n "$s3_dir" ] && [ -d "$s3_dir" ]; then
    rm -rf "$s3_dir"
  fi
}
trap cleanup EXIT

start_postgres() {
  PG_BIN=$(ensure_postgres) || return 1
  pg_dir=$(mktemp -d /tmp/hutong-pg.XXXXXX)
  # initdb refuses to run as root: the cluster belongs to the postgres user the package created.
  if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
    chown postgres "$pg_dir"
    pg_ctl_as=(runuser -u postgres --)
  fi
  local port started=""
  "${pg_ctl_as[@]}" "$PG_BIN/initdb" -D "$pg_dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 --no-sync >/dev/null || return 1
  # A port nothing answers on can still be one the kernel will not bind (a connection's own end): try a few.
  for _ in 1 2 3 4 5; do
    port=$(free_port) || return 1
    # A throwaway cluster: no fsync, and room for one pool per test server.
    if "${pg_ctl_as[@]}" "$PG_BIN/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/log" -w -t 60 start \
      -o "-p $port -k $pg_dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=400" >/dev/null; then
      started=1
      break
    fi
    log "PostgreSQL could not listen on 127.0.0.1:$port; trying another port"
  done
  [ -n "$started" ] || { log "PostgreSQL did not start:"; tail -n 5 "$pg_dir/log" >&2; return 1; }
  export HUTONG_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
  log "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$port"
}

# The browser tests drive Debian's Chromium (with a CJK font, so Chinese renders in screenshots) and load axe-core
# from npm into the pages they check.
ensure_browser() {
  local missing=()
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  # (Not grep -q: it stops reading early, fc-list dies of SIGPIPE, and pipefail then reads the font as missing.)
  fc-list 2>/dev/null | grep -i "wqy\|noto sans cjk" >/dev/null || missing+=(fonts-wqy-zenhei)
  command -v npm >/dev/null || missing+=(nodejs npm)
  if [ "${#missing[@]}" -gt 0 ]; then
    log "installing ${missing[*]} with apt-get"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
  if [ ! -f tests/Hutong.BrowserTests/node_modules/axe-core/axe.min.js ]; then
    log "installing axe-core with npm"
    npm ci --prefix tests/Hutong.BrowserTests --no-audit --no-fund --loglevel=error >/dev/null
  fi
}

# The cluster tests put Debian's HAProxy in front of their nodes, as scripts/cluster.sh does.
ensure_haproxy() {
  if ! command -v haproxy >/dev/null && [ ! -x /usr/sbin/haproxy ]; then
    log "installing HAProxy with apt-get"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends haproxy >/dev/null
  fi
  command -v haproxy >/dev/null || [ -x /usr/sbin/haproxy ] || { log "HAProxy is not installed and could not be installed"; return 1; }
}

# The S3 blob store's tests run against s3rver (tests/s3), an S3-compatible server in Node, with its data in a
# throwaway folder; each test makes a bucket of its own.
start_s3() {
  command -v node >/dev/null || { log "Node is not installed"; return 1; }
  if [ ! -x tests/s3/node_modules/.bin/s3rver ]; then
    log "installing s3rver with npm"
    npm ci --prefix tests/s3 --no-audit --no-fund --loglevel=error >/dev/null || return 1
  fi
  s3_dir=$(mktemp -d /tmp/hutong-s3.XXXXXX)
  local port
  for _ in 1 2 3 4 5; do
    port=$(free_port) || return 1
    tests/s3/node_modules/.bin/s3rver -d "$s3_dir/data" -a 127.0.0.1 -p "$port" --silent >"$s3_dir/log" 2>&1 &
    s3_pid=$!
    # Up to 10 s for it to listen; one that exits (the port was taken after all) gets another port.
    for _ in $(seq 1 100); do
      if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
        export HUTONG_TEST_S3="http://127.0.0.1:$port"
        log "s3rver $(node -p 'require("./tests/s3/node_modules/s3rver/package.json").version') on 127.0.0.1:$port"
        return 0
      fi
      kill -0 "$s3_pid" 2>/dev/null || break
      sleep 0.1
    done
    kill "$s3_pid" 2>/dev/null || true
    wait "$s3_pid" 2>/dev/null || true
    s3_pid=""
    log "s3rver could not listen on 127.0.0.1:$port; trying another port"
  done
  log "s3rver did not start:"; tail -n 5 "$s3_dir/log" >&2
  return 1
}

if ! ensure_ffmpeg; then
  log "ffmpeg could not be installed: the media tests will fail"
fi

if ! ensure_haproxy; then
  log "HAProxy could not be installed: the cluster tests will fail"
fi

if ! ensure_browser; then
  log "Chromium or axe-core could not be installed: the browser tests will fail"
fi

if ! start_postgres; then
  if [ -n "${CI:-}" ]; then
    log "PostgreSQL is required in CI"; echo "tests: 0 passed, 1 failed"; exit 1
  fi
  log "PostgreSQL unavailable: its tests will be reported as skipped"
fi

if ! start_s3; then
  if [ -n "${CI:-}" ]; then
    log "the S3-compatible server is required in CI"; echo "tests: 0 passed, 1 failed"; exit 1
  fi
  log "no S3-compatible server: the S3 blob store's tests will be reported as skipped"
fi

results="$root/artifacts/test-results"
rm -rf "$results"
mkdir -p "$results"

# The whole solution, unless the caller names a project.
target=(--solution Hutong.slnx)
for arg in "$@"; do [ "$arg" = "--project" ] && target=(); done

# At most three test modules at once: with all of them on two cores, the browser tests' web client was starved into
# timeouts (waits of 20 s) that a calmer machine never shows.
set +e
if [ "${#target[@]}" -gt 0 ]; then
  # The cluster tests (three node processes, 200 devices) run after the rest, alone: beside them, other modules' servers
  # could not start in time, and their own figures would be the machine's noise. (The rest's run finds no cluster test
  # in that module: exit code 8, zero tests, is expected there.)
  dotnet test "${target[@]}" --max-parallel-test-modules 3 --results-directory "$results" \
    --filter-not-namespace Hutong.Cluster.Tests --ignore-exit-code 8 "$@" 2>&1 | tee "$results/output.log"
  status=${PIPESTATUS[0]}
  dotnet test --project tests/Hutong.Cluster.Tests --results-directory "$results" "$@" 2>&1 | tee -a "$results/output.log"
  [ "${PIPESTATUS[0]}" -eq 0 ] || status=1
else
  dotnet test "${target[@]}" --max-parallel-test-modules 3 --results-directory "$results" "$@" 2>&1 | tee "$results/output.log"
  status=${PIPESTATUS[0]}
fi
set -e

# A full run also proves the benchmark still builds and delivers (a few seconds, no timing asserted).
if [ "${#target[@]}" -gt 0 ] && [ "$#" -eq 0 ]; then
  for scenario in direct group idle resume redpacket transfers moments broadcast payments; do
    log "bench smoke: $scenario"
    if ! dotnet run --project bench/Hutong.Bench -- "$scenario" --smoke --out "$results/bench"; then
      log "the bench smoke run of $scenario failed"
      status=1
    fi
  done
  if [ -n "${HUTONG_TEST_POSTGRES:-}" ]; then
    log "bench smoke: redpacket on PostgreSQL"
    if ! dotnet run --project bench/Hutong.Bench -- redpacket --smoke --postgres "$HUTONG_TEST_POSTGRES" --out "$results/bench"; then
      log "the bench smoke run of redpacket on PostgreSQL failed"
      status=1
    fi
  fi
  # A published node must boot its client too (a publish once shipped index.html unrewritten and rendered nothing).
  log "web first-load smoke: publish a node and render its sign-in screen"
  if ! bench/web/measure.sh --runs 1; then
    log "the published node's web client did not render"
    status=1
  fi
fi

# Count from the runner's closing summary, which adds up every test assembly.
# (Added up: a whole run has two summaries, the cluster tests' last.)
summary() { sed -n '/Test run summary/,$p' "$results/output.log" | grep -E "^[[:space:]]+$1:" | grep -oE '[0-9]+' | awk '{ n += $1 } END { print n + 0 }'; }
passed=$(summary succeeded); failed=$(summary failed); skipped=$(summary skipped)
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  # The run broke before a test could fail (a build error, a crashed host): that is a failure too.
  failed=1
fi
# CI shows only the end of a run: name each failed test there, with the start of its message.
if [ "$failed" -gt 0 ]; then
  log "failed tests (first lines of each, and what each wrote; the whole story is in $results/output.log):"
  # Each failure's first 12 lines, then up to 25 lines of its own output (a browser test's console, a node's log).
  awk '
    /^[[:space:]]*failed [^ ]/ { block = 1; shown = 0; wrote = -1 }
    block && /^[[:space:]]*Standard output$/ { wrote = 0; print; next }
    block && /^[[:space:]]*Error output$/ { block = 0 }
    block && /^[^[:space:]]/ && !/^[[:space:]]*failed / { block = 0 }
    block && wrote < 0 && shown < 12 { print; shown++ }
    block && wrote >= 0 && wrote < 25 { print; wrote++ }
  ' "$results/output.log" | head -n 300 || true
fi
echo "tests: $passed passed, $failed failed, $skipped skipped"
exit "$status"

#!/usr/bin/env bash
# A throwaway Hutong cluster on this machine, for a browser and the bench: a PostgreSQL cluster and an S3-compatible
# server (s3rver, from tests/s3) on free loopback ports in a temporary folder, N nodes of the server built once, all on
# that database and that bucket (so they form one Orleans cluster), and HAProxy in front of them. It waits until every
# node and the balancer are healthy, prints where everything is and how to kill, stop and start a node, and runs until
# Ctrl+C (or SIGTERM), which stops it all and removes the folder. docs/operations-cluster.md says more.
#
# Usage: scripts/cluster.sh [options] [-- node settings...]
#   --nodes N        how many nodes (default 3)
#   --port P         the balancer's port (default 8080; 0 for a free one); its stats page is on the next free port
#   --bind ADDR      the balancer's address (default 127.0.0.1; 0.0.0.0 lets other machines in)
#   --release        build and run the server in Release (the default); --debug in Debug
#   --server DLL     run this Hutong.Server.dll and build nothing
#   --durable        PostgreSQL syncs every commit (fsync on), as production does; by default it does not (a throwaway)
#   --dir DIR        keep everything in DIR, which is kept afterwards; a DIR from an earlier run starts on its data
#   --keep           keep the temporary folder afterwards (run again with --dir to carry on)
#   --state FILE     once ready, write key=value lines there (folder, balancer port, each node's name, port and pid)
#   --owner PID      stop everything once that process is gone, however it ended (the bench passes its own pid)
# Anything after -- goes to every node, e.g. -- --Hutong:RateLimits:SignUp:PermitLimit=1000
#
# Needs root or sudo only to install what is missing (PostgreSQL, HAProxy, Node) with apt-get; as root, PostgreSQL
# runs as the postgres user, as in scripts/test.sh, whose way of starting PostgreSQL and s3rver this follows.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

nodes=3
port=8080
bind=127.0.0.1
configuration=Release
server=""
durable=""
dir=""
keep=""
state=""
owner=""
node_args=()
while [ $# -gt 0 ]; do
  case $1 in
    --nodes) nodes=$2; shift 2 ;;
    --port) port=$2; shift 2 ;;
    --bind) bind=$2; shift 2 ;;
    --release) configuration=Release; shift ;;
    --debug) configuration=Debug; shift ;;
    --server) server=$(realpath "$2"); shift 2 ;;
    --durable) durable=1; shift ;;
    --dir) dir=$2; shift 2 ;;
    --keep) keep=1; shift ;;
    --state) state=$2; shift 2 ;;
    --owner) owner=$2; shift 2 ;;
    --) shift; node_args=("$@"); break ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown argument: $1 (--help lists them)" >&2; exit 2 ;;
  esac
done
case $nodes in ''|*[!0-9]*|0) echo "--nodes takes a number from 1" >&2; exit 2 ;; esac

log() { printf '[cluster] %s\n' "$*" >&2; }
fail() { log "$*"; exit 1; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    log "need root to run: $*"; return 1; fi
}

apt_install() {
  log "installing $* with apt-get"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

# Below the ephemeral range (32768 and up): a node started again while the bench holds thousands of client sockets
# must still find its port free.
free_port() {
  local candidate
  for _ in $(seq 1 200); do
    candidate=$(( (RANDOM % 10000) + 20000 ))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then echo "$candidate"; return 0; fi
  done
  return 1
}

listening() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }

# 200 from the URL within a second, or not.
healthy() { [ "$(curl -s -o /dev/null -m 1 -w '%{http_code}' "$1" 2>/dev/null || true)" = 200 ]; }

# --- What it needs --------------------------------------------------------------------------------------------------
PG_BIN=$(pg_bin)
[ -n "$PG_BIN" ] && [ -x "$PG_BIN/initdb" ] || { apt_install postgresql; PG_BIN=$(pg_bin); }
[ -n "$PG_BIN" ] && [ -x "$PG_BIN/initdb" ] || fail "PostgreSQL is not installed and could not be installed"
# Debian installs it in /usr/sbin, which a user's PATH may not name.
HAPROXY=$(command -v haproxy || echo /usr/sbin/haproxy)
[ -x "$HAPROXY" ] || { apt_install haproxy; HAPROXY=$(command -v haproxy || echo /usr/sbin/haproxy); }
[ -x "$HAPROXY" ] || fail "HAProxy is not installed and could not be installed"
command -v node >/dev/null && command -v npm >/dev/null || apt_install nodejs npm
command -v curl >/dev/null || apt_install curl
if [ ! -x tests/s3/node_modules/.bin/s3rver ]; then
  log "installing s3rver with npm"
  npm ci --prefix tests/s3 --no-audit --no-fund --loglevel=error >/dev/null || fail "s3rver could not be installed"
fi
if [ "$port" = 0 ]; then
  port=$(free_port) || fail "no free port for the balancer"
elif listening "$bind" "$port" || listening 127.0.0.1 "$port"; then
  fail "port $port is taken: choose another with --port"
fi

# --- The folder, and everything stopped when this script ends -------------------------------------------------------
if [ -n "$dir" ]; then
  mkdir -p "$dir"
  run=$(realpath "$dir")
  keep=1
else
  run=$(mktemp -d /tmp/hutong-cluster.XXXXXX)
fi

pg_ctl_as=()
pids=()
watchdog=""
cleaned=""
cleanup() {
  [ -z "$cleaned" ] || return 0
  cleaned=1
  # Whatever fails, the rest is still stopped; and if whoever read this script's output is gone, writing to it must
  # not end the script halfway (SIGPIPE).
  set +e
  trap '' INT TERM HUP PIPE
  log "stopping"
  # Nodes first, gracefully: each tells its devices to go elsewhere and leaves the cluster (a second or two).
  local pid node_pids=()
  for pidfile in "$run"/node*/pid; do
    [ -f "$pidfile" ] || continue
    pid=$(cat "$pidfile")
    if kill -0 "$pid" 2>/dev/null; then kill -TERM "$pid" 2>/dev/null || true; node_pids+=("$pid"); fi
    rm -f "$pidfile"
  done
  for _ in $(seq 1 300); do
    local alive=""
    for pid in "${node_pids[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
    [ -n "$alive" ] || break
    sleep 0.1
  done
  for pid in "${node_pids[@]}"; do kill -KILL "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  if [ -f "$run/postgres/data/postmaster.pid" ]; then
    "${pg_ctl_as[@]}" "$PG_BIN/pg_ctl" -D "$run/postgres/data" -m fast -w stop >/dev/null 2>&1 || true
  fi
  rm -f "$run/state"
  if [ -n "$keep" ]; then
    log "kept $run (scripts/cluster.sh --dir $run starts on it again)"
  else
    rm -rf "$run"
  fi
  [ -z "$watchdog" ] || kill "$watchdog" 2>/dev/null
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM HUP

# Once its owner is gone, the watchdog stops this script (which stops the rest); if the script is killed outright
# (SIGKILL), or dies while stopping, the watchdog stops what it started.
main=$$
(
  set +e
  trap '' INT PIPE
  while kill -0 "$main" 2>/dev/null && { [ -z "$owner" ] || kill -0 "$owner" 2>/dev/null; }; do sleep 1; done
  if kill -0 "$main" 2>/dev/null; then
    kill -TERM "$main"
    for _ in $(seq 1 600); do kill -0 "$main" 2>/dev/null || break; sleep 0.1; done
  fi
  for pidfile in "$run"/node*/pid; do [ -f "$pidfile" ] && kill -KILL "$(cat "$pidfile")" 2>/dev/null; done
  [ -f "$run/pids" ] && xargs -r kill -TERM < "$run/pids" 2>/dev/null
  "$PG_BIN/pg_ctl" -D "$run/postgres/data" -m immediate stop >/dev/null 2>&1 || runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$run/postgres/data" -m immediate stop >/dev/null 2>&1
  [ -n "$keep" ] || rm -rf "$run"
) >/dev/null 2>&1 &
watchdog=$!

: > "$run/pids"
started_at=$SECONDS
remember() { pids+=("$1"); echo "$1" >> "$run/pids"; }

# --- PostgreSQL -----------------------------------------------------------------------------------------------------
mkdir -p "$run/postgres"
if [ "$(id -u)" -eq 0 ]; then
  # initdb refuses to run as root: the cluster belongs to the postgres user the package created.
  id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
  chmod 711 "$run"
  chown postgres "$run/postgres"
  pg_ctl_as=(runuser -u postgres --)
fi
if [ ! -f "$run/postgres/data/PG_VERSION" ]; then
  "${pg_ctl_as[@]}" "$PG_BIN/initdb" -D "$run/postgres/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 --no-sync >/dev/null \
    || fail "initdb failed"
fi
# Each node's connection pool holds up to 100, and Orleans' membership its own few.
pg_settings="-c listen_addresses=127.0.0.1 -c max_connections=$(( 100 + 120 * nodes ))"
if [ -z "$durable" ]; then pg_settings="$pg_settings -c fsync=off -c synchronous_commit=off -c full_page_writes=off"; fi
pg_port=""
for _ in 1 2 3 4 5; do
  candidate=$(free_port) || fail "no free port for PostgreSQL"
  if "${pg_ctl_as[@]}" "$PG_BIN/pg_ctl" -D "$run/postgres/data" -l "$run/postgres/log" -w -t 60 start \
    -o "-p $candidate -k $run/postgres $pg_settings" >/dev/null; then
    pg_port=$candidate
    break
  fi
  log "PostgreSQL could not listen on 127.0.0.1:$candidate; trying another port"
done
[ -n "$pg_port" ] || { tail -n 5 "$run/postgres/log" >&2; fail "PostgreSQL did not start"; }
psql_cmd=(psql -h 127.0.0.1 -p "$pg_port" -U postgres)
if ! "$PG_BIN/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'hutong'" postgres | grep -q 1; then
  "$PG_BIN/createdb" -h 127.0.0.1 -p "$pg_port" -U postgres hutong
fi
connection="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=hutong"
log "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$pg_port$([ -n "$durable" ] && echo ", durable" || echo ", fsync off")"

# --- s3rver, with the bucket every node shares ----------------------------------------------------------------------
bucket=hutong-media
s3_port=""
mkdir -p "$run/s3"
for _ in 1 2 3 4 5; do
  candidate=$(free_port) || fail "no free port for s3rver"
  setsid tests/s3/node_modules/.bin/s3rver -d "$run/s3/data" -a 127.0.0.1 -p "$candidate" --silent \
    --configure-bucket "$bucket" >"$run/s3/log" 2>&1 < /dev/null &
  s3_pid=$!
  for _ in $(seq 1 100); do
    if listening 127.0.0.1 "$candidate"; then s3_port=$candidate; break; fi
    kill -0 "$s3_pid" 2>/dev/null || break
    sleep 0.1
  done
  if [ -n "$s3_port" ]; then remember "$s3_pid"; break; fi
  kill "$s3_pid" 2>/dev/null || true
  log "s3rver could not listen on 127.0.0.1:$candidate; trying another port"
done
[ -n "$s3_port" ] || { tail -n 5 "$run/s3/log" >&2; fail "s3rver did not start"; }
log "s3rver $(node -p 'require("./tests/s3/node_modules/s3rver/package.json").version') on 127.0.0.1:$s3_port, bucket $bucket"

# --- The server, built once -----------------------------------------------------------------------------------------
if [ -z "$server" ]; then
  log "building src/Hutong.Server ($configuration)"
  if ! dotnet build src/Hutong.Server -c "$configuration" -v q -nologo >"$run/build.log" 2>&1; then
    grep -E " error " "$run/build.log" | sort -u | head -n 20 >&2
    fail "the build failed (its output: $run/build.log)"
  fi
  server="$root/src/Hutong.Server/bin/$configuration/net10.0/Hutong.Server.dll"
fi
[ -f "$server" ] || fail "no server at $server"

# --- The nodes ------------------------------------------------------------------------------------------------------
# Each gets a start script of its own, so that a node killed or stopped by hand starts again with the same settings.
node_ports=()
for i in $(seq 1 "$nodes"); do
  name="node$i"
  folder="$run/$name"
  mkdir -p "$folder/data"
  node_port=$(free_port) || fail "no free port for $name"
  while printf '%s\n' "${node_ports[@]}" "$pg_port" "$s3_port" "$port" | grep -qx "$node_port"; do node_port=$(free_port); done
  node_ports+=("$node_port")
  args=(
    "$server" --urls "http://127.0.0.1:$node_port"
    "--Hutong:DataDirectory=$folder/data"
    --Hutong:Storage:Provider=Postgres "--ConnectionStrings:Hutong=$connection"
    # One machine: every node's silo on loopback, on free ports that the membership table tells the others.
    --Hutong:Cluster:AdvertisedAddress=127.0.0.1
    --Hutong:Media:Store:Provider=S3 "--Hutong:Media:Store:ServiceUrl=http://127.0.0.1:$s3_port"
    "--Hutong:Media:Store:Bucket=$bucket" --Hutong:Media:Store:ForcePathStyle=true
    # s3rver's one account.
    --Hutong:Media:Store:AccessKey=S3RVER --Hutong:Media:Store:SecretKey=S3RVER
    "${node_args[@]}"
  )
  {
    echo "#!/usr/bin/env bash"
    echo "# Starts $name of the cluster in $run again (after kill -9 or a stop), with the settings it first had."
    echo "cd $(printf '%q' "$folder/data") || exit 1"
    echo "if [ -f ../pid ] && kill -0 \"\$(cat ../pid)\" 2>/dev/null; then echo \"$name is running (pid \$(cat ../pid))\" >&2; exit 1; fi"
    echo "echo \"--- \$(date -Is) starting\" >> ../log"
    # Its own session: Ctrl+C in the cluster's terminal reaches the script, which stops the nodes in order.
    printf '( exec setsid dotnet'; printf ' %q' "${args[@]}"; printf ' >> ../log 2>&1 < /dev/null ) &\n'
    echo "echo \$! > ../pid"
    echo "echo \"$name: http://127.0.0.1:$node_port/ pid \$!\""
  } > "$folder/start"
  chmod +x "$folder/start"
  echo "$node_port" > "$folder/port"
  "$folder/start" >/dev/null
done
log "starting $nodes node(s) on ports $(printf '%s ' "${node_ports[@]}")"
# Every node healthy before the balancer starts, so that it does not begin by marking them all down.
deadline=$((SECONDS + 300))
for i in $(seq 1 "$nodes"); do
  node_port=${node_ports[$((i - 1))]}
  until healthy "http://127.0.0.1:$node_port/healthz"; do
    pid=$(cat "$run/node$i/pid")
    if ! kill -0 "$pid" 2>/dev/null; then
      tail -n 20 "$run/node$i/log" >&2
      fail "node$i exited before it was healthy (its log: $run/node$i/log)"
    fi
    [ "$SECONDS" -lt "$deadline" ] || fail "node$i was not healthy within 5 minutes (its log: $run/node$i/log)"
    sleep 0.25
  done
done

# --- HAProxy --------------------------------------------------------------------------------------------------------
stats_port=$((port + 1))
# In the ephemeral range a port nothing listens on may still be an outgoing connection's own end, which HAProxy cannot bind.
while [ "$stats_port" -ge 32768 ] || listening 127.0.0.1 "$stats_port" || printf '%s\n' "${node_ports[@]}" "$pg_port" "$s3_port" "$port" | grep -qx "$stats_port"; do
  stats_port=$(free_port)
done
# The same configuration as the test cluster's balancer (tests/Hutong.Testing/Cluster/Balancer.cs): keep the two in
# agreement. docs/operations-cluster.md has the production version (TLS, X-Forwarded-Proto, the nodes' addresses).
{
  cat <<EOF
global
    # Within the file limit a test process (or a default systemd unit) has: each connection takes two descriptors.
    maxconn 4000

defaults
    mode http
    timeout connect 2s
    # A busy node answers /healthz late, not never: it gets 2 s before a check fails (a refused connection fails at once).
    timeout check 2s
    timeout client 2m
    timeout server 2m
    # A WebSocket stays open as long as its device: the gateway's own pings keep it busy.
    timeout tunnel 1h
    # A node that refuses the connection (stopping, or killed) is skipped for another one.
    retries 3
    option redispatch 1

frontend hutong
    bind $bind:$port
    option forwardfor
    default_backend nodes

backend nodes
    balance leastconn
    option httpchk GET /healthz
    http-check expect status 200
    default-server check inter 500ms fall 2 rise 2 on-marked-down shutdown-sessions
EOF
  for i in $(seq 1 "$nodes"); do echo "    server node$i 127.0.0.1:${node_ports[$((i - 1))]}"; done
  cat <<EOF

# Only here, not in the tests: which node is up, and how many connections each holds.
listen stats
    bind 127.0.0.1:$stats_port
    stats enable
    stats uri /
    stats refresh 2s
EOF
} > "$run/haproxy.cfg"
"$HAPROXY" -c -q -f "$run/haproxy.cfg" || fail "HAProxy refused $run/haproxy.cfg"
setsid "$HAPROXY" -db -f "$run/haproxy.cfg" >"$run/haproxy.log" 2>&1 < /dev/null &
haproxy_pid=$!
remember "$haproxy_pid"

# --- Ready when the balancer answers /healthz and sees every node up ------------------------------------------------
kill -0 "$haproxy_pid" 2>/dev/null || { cat "$run/haproxy.log" >&2; fail "HAProxy exited"; }
up_count() { curl -s -m 1 "http://127.0.0.1:$stats_port/;csv" | awk -F, '$1 == "nodes" && $2 != "BACKEND" && $18 == "UP"' | wc -l; }
until healthy "http://127.0.0.1:$port/healthz" && [ "$(up_count)" -eq "$nodes" ]; do
  kill -0 "$haproxy_pid" 2>/dev/null || { cat "$run/haproxy.log" >&2; fail "HAProxy exited"; }
  [ "$SECONDS" -lt "$deadline" ] || fail "the balancer did not see every node up (see http://127.0.0.1:$stats_port/)"
  sleep 0.25
done

host=$([ "$bind" = 0.0.0.0 ] && hostname -I 2>/dev/null | awk '{print $1}' || echo "$bind")
{
  echo "folder=$run"
  echo "balancer=http://127.0.0.1:$port/"
  echo "stats=http://127.0.0.1:$stats_port/"
  echo "haproxy_pid=$haproxy_pid"
  echo "postgres=$connection"
  echo "s3=http://127.0.0.1:$s3_port/$bucket"
  for i in $(seq 1 "$nodes"); do echo "node$i=${node_ports[$((i - 1))]} $(cat "$run/node$i/pid")"; done
} > "$run/state"
[ -z "$state" ] || cp "$run/state" "$state"

members="SELECT silo_name, address || ':' || port AS silo, CASE status WHEN 3 THEN 'active' WHEN 6 THEN 'dead' WHEN 4 THEN 'shutting down' WHEN 5 THEN 'stopping' ELSE 'joining' END AS status, start_time FROM orleans_members ORDER BY start_time"
cat <<EOF

Hutong: $nodes node(s) behind HAProxy, ready in $((SECONDS - started_at)) s

  open         http://$host:$port/
  stats        http://127.0.0.1:$stats_port/   (HAProxy, pid $haproxy_pid)
EOF
for i in $(seq 1 "$nodes"); do
  printf '  node%-8s http://127.0.0.1:%s/   pid %s   log %s\n' "$i" "${node_ports[$((i - 1))]}" "$(cat "$run/node$i/pid")" "$run/node$i/log"
done
cat <<EOF
  PostgreSQL   $connection
  S3           http://127.0.0.1:$s3_port, bucket $bucket (s3rver)

  kill a node:        kill -9 PID    (the others keep serving; its devices reconnect through the balancer)
  stop a node:        kill PID       (SIGTERM: it sends its devices elsewhere, then leaves the cluster)
  start it again:     $run/nodeN/start
  the members:        ${psql_cmd[*]} hutong -c "$members"
  stop everything:    Ctrl+C ($([ -n "$keep" ] && echo keeps || echo removes) $run)

EOF

# --- Until Ctrl+C: say when a node goes or comes back ---------------------------------------------------------------
declare -A seen
while true; do
  for i in $(seq 1 "$nodes"); do
    pid=$(cat "$run/node$i/pid" 2>/dev/null || true)
    now=gone
    [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && now="running (pid $pid)"
    if [ "${seen[$i]:-running (pid $pid)}" != "$now" ]; then log "node$i: $now"; fi
    seen[$i]=$now
  done
  kill -0 "$haproxy_pid" 2>/dev/null || fail "HAProxy exited: $(tail -n 3 "$run/haproxy.log")"
  sleep 1
done

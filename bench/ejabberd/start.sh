#!/usr/bin/env bash
# Starts a throwaway ejabberd node for the bench: installs Debian's package when missing, writes ejabberd.yml (next
# to this script) into a fresh folder with its own spool and logs, starts the node as the ejabberd user on
# loopback, waits until it listens, and prints what a client needs as key=value lines:
#   dir=... c2s_port=... api_port=... pid=... host=... muc_host=...
# Usage: start.sh [--users N] [--owner PID]
#   --users N    size the caches and rooms for N users (default 1000)
#   --owner PID  stop the node once that process is gone, however it ended
# stop.sh DIR stops it and removes the folder; DIR/ctl runs ejabberdctl against it (e.g. `DIR/ctl registered_users localhost`).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)

users=1000
owner=""
while [ $# -gt 0 ]; do
  case $1 in
    --users) users=$2; shift 2 ;;
    --owner) owner=$2; shift 2 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done

log() { printf '[ejabberd] %s\n' "$*" >&2; }

install_ejabberd() {
  log "installing ejabberd with apt-get"
  # The package would start a system-wide node on the default ports: keep it from starting anything meanwhile.
  local guard="" status=0
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    guard=/usr/sbin/policy-rc.d
    printf '#!/bin/sh\nexit 101\n' > "$guard" && chmod +x "$guard"
  fi
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ejabberd >/dev/null || status=1
  if [ -n "$guard" ]; then rm -f "$guard"; fi
  return "$status"
}

# The node runs as the package's ejabberd user, in a folder owned by it: that takes root.
if [ "$(id -u)" -ne 0 ]; then
  log "start.sh must run as root (it installs ejabberd and starts the node as the ejabberd user)"
  exit 1
fi
if [ ! -x /usr/sbin/ejabberdctl ] || ! id ejabberd >/dev/null 2>&1; then
  install_ejabberd || { log "ejabberd is not installed and could not be installed"; exit 1; }
fi

free_port() {
  local port
  for _ in $(seq 1 200); do
    # Below the ephemeral range (32768 and up): the bench's own client sockets can hold any port in it, and
    # ejabberd's listeners cannot bind a port that a closing connection still holds.
    port=$(( (RANDOM % 10000) + 20000 ))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return 0; fi
  done
  return 1
}

c2s_port=$(free_port)
api_port=$c2s_port; while [ "$api_port" = "$c2s_port" ]; do api_port=$(free_port); done
dist_port=$c2s_port; while [ "$dist_port" = "$c2s_port" ] || [ "$dist_port" = "$api_port" ]; do dist_port=$(free_port); done
dir=$(mktemp -d /tmp/hutong-ejabberd.XXXXXX)
mkdir -p "$dir/spool" "$dir/log"

sed -e "s/@C2S_PORT@/$c2s_port/" -e "s/@API_PORT@/$api_port/" \
    -e "s/@CACHE_SIZE@/$(( users * 2 + 1000 ))/" -e "s/@MAX_USERS@/$(( users + 100 ))/" \
    "$here/ejabberd.yml" > "$dir/ejabberd.yml"

# A fixed distribution port on loopback: the node and ejabberdctl find each other without an epmd daemon.
cat > "$dir/ejabberdctl.cfg" <<CFG
ERLANG_NODE=bench$dist_port@localhost
INET_DIST_INTERFACE=127.0.0.1
ERL_DIST_PORT=$dist_port
ERL_MAX_PORTS=65536
EJABBERD_PID_PATH=$dir/ejabberd.pid
EJABBERD_BYPASS_WARNINGS=true
CFG

# ejabberdctl run as root switches user with su, which resets the open-file limit to 1024; start it as the ejabberd
# user directly instead, with the limit raised. HOME holds the node's Erlang cookie.
cat > "$dir/ctl" <<CTL
#!/usr/bin/env bash
ulimit -n 65536 2>/dev/null || ulimit -n "\$(ulimit -Hn)"
cd "$dir"
exec setpriv --reuid=ejabberd --regid=ejabberd --init-groups env HOME="$dir" \\
  /usr/sbin/ejabberdctl -c "$dir/ejabberdctl.cfg" -f "$dir/ejabberd.yml" -s "$dir/spool" -l "$dir/log" "\$@"
CTL
chmod +x "$dir/ctl"
chown -R ejabberd:ejabberd "$dir"

# The node detaches; its start-up output goes to the log folder so no pipe of ours stays open.
"$dir/ctl" start </dev/null >"$dir/log/start.out" 2>&1
if [ -n "$owner" ]; then
  # Leaves nothing behind when the bench is killed: stop once the owner is gone (or the folder, once stopped).
  setsid nohup bash -c 'while kill -0 "$1" 2>/dev/null && [ -d "$2" ]; do sleep 1; done; exec bash "$3" "$2"' \
    watchdog "$owner" "$dir" "$here/stop.sh" </dev/null >/dev/null 2>&1 &
fi

pid=""
for _ in $(seq 1 240); do
  if [ -z "$pid" ] && [ -s "$dir/ejabberd.pid" ]; then pid=$(cat "$dir/ejabberd.pid"); fi
  if [ -n "$pid" ] && ! kill -0 "$pid" 2>/dev/null; then break; fi
  # Listeners open once every module has started.
  if [ -n "$pid" ] && (exec 3<>"/dev/tcp/127.0.0.1/$c2s_port") 2>/dev/null && (exec 3<>"/dev/tcp/127.0.0.1/$api_port") 2>/dev/null; then
    printf 'dir=%s\nc2s_port=%s\napi_port=%s\npid=%s\nhost=localhost\nmuc_host=conference.localhost\n' \
      "$dir" "$c2s_port" "$api_port" "$pid"
    exit 0
  fi
  sleep 0.25
done

log "the node did not come up; its log:"
cat "$dir"/log/*.log >&2 2>/dev/null || true
"$here/stop.sh" "$dir"
exit 1

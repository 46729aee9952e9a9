#!/usr/bin/env bash
# Stops a node that start.sh started and removes its folder. Safe to run twice, or on a folder whose node is gone.
# Usage: stop.sh DIR
set -uo pipefail
dir=${1:?usage: stop.sh DIR}
[ -d "$dir" ] || exit 0

if [ -s "$dir/ejabberd.pid" ]; then
  pid=$(cat "$dir/ejabberd.pid")
  # Only a beam process that runs this folder's node: a stale pid file must not kill anything else.
  if grep -qF "$dir" "/proc/$pid/cmdline" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null
    # A new node may bind the same ports only once this one has gone.
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  fi
fi
rm -rf "$dir"

#!/usr/bin/env bash
# A local Redis Cluster of three masters (no replicas) on loopback, with infra/redis.conf's durability settings.
#
#   infra/redis-cluster.sh start DIR     start the masters, create the cluster, wait until every slot is served
#   infra/redis-cluster.sh stop DIR      stop them (the processes whose pids DIR holds)
#
# FIRST_PORT (7000): the masters listen on FIRST_PORT..FIRST_PORT+2 and on those plus 10000 (the cluster bus).
# Point Quiz at it with ConnectionStrings__Redis=127.0.0.1:7000,127.0.0.1:7001,127.0.0.1:7002.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
command="${1:-}"
dir="${2:-}"
if [ -z "$command" ] || [ -z "$dir" ]; then
  sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
fi
mkdir -p "$dir"
dir="$(cd "$dir" && pwd)"
first="${FIRST_PORT:-7000}"

case "$command" in
  start)
    command -v redis-server >/dev/null || { echo "redis-cluster: redis-server is missing (apt-get install redis-server)" >&2; exit 3; }
    nodes=()
    for port in "$first" $((first + 1)) $((first + 2)); do
      mkdir -p "$dir/$port"
      setsid redis-server "$repo/infra/redis.conf" --port "$port" --bind 127.0.0.1 --dir "$dir/$port" \
        --cluster-enabled yes --cluster-config-file "$dir/$port/nodes.conf" --cluster-node-timeout 5000 \
        --logfile "$dir/$port/redis.log" --daemonize no </dev/null >/dev/null 2>&1 &
      echo $! >"$dir/$port.pid"
      nodes+=("127.0.0.1:$port")
    done
    for port in "$first" $((first + 1)) $((first + 2)); do
      for _ in $(seq 100); do redis-cli -p "$port" ping >/dev/null 2>&1 && break; sleep 0.1; done
    done
    redis-cli --cluster create "${nodes[@]}" --cluster-replicas 0 --cluster-yes >"$dir/create.log" 2>&1 \
      || { cat "$dir/create.log" >&2; exit 1; }
    for _ in $(seq 100); do
      redis-cli -p "$first" cluster info 2>/dev/null | grep -q "cluster_state:ok" && break
      sleep 0.1
    done
    redis-cli -p "$first" cluster info | grep -q "cluster_state:ok" || { echo "redis-cluster: not ok" >&2; exit 1; }
    echo "Redis Cluster: ${nodes[*]}"
    ;;
  stop)
    for f in "$dir"/*.pid; do
      [ -f "$f" ] || continue
      pid="$(cat "$f")"
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      kill -9 "$pid" 2>/dev/null || true
      rm -f "$f"
    done
    ;;
  *) echo "redis-cluster: unknown command $command" >&2; exit 2 ;;
esac

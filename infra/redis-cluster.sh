#!/usr/bin/env bash
# A local Redis Cluster of three masters on loopback, optionally with a replica each, with infra/redis.conf's
# durability settings.
#
#   infra/redis-cluster.sh start DIR        start the masters (and replicas), create the cluster, wait until every slot
#                                           is served and every replica is in sync
#   infra/redis-cluster.sh node DIR PORT    start the process of PORT again (after it was killed): it rejoins from its
#                                           nodes.conf, a master that lost its slots meanwhile as a replica
#   infra/redis-cluster.sh stop DIR         stop them (the processes whose pids DIR holds)
#
# FIRST_PORT (7000): the masters listen on FIRST_PORT..FIRST_PORT+2; with REPLICAS=1 the replica of each master on
# that port +3 (FIRST_PORT+3..+5); every process also on its port plus 10000 (the cluster bus).
# NODE_TIMEOUT (5000 ms): cluster-node-timeout, how long a master may be unreachable before its replica takes over.
# Point Quiz at it with ConnectionStrings__Redis=127.0.0.1:7000,127.0.0.1:7001,127.0.0.1:7002 (the client finds the
# replicas by itself).
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
command="${1:-}"
dir="${2:-}"
if [ -z "$command" ] || [ -z "$dir" ]; then
  sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
fi
mkdir -p "$dir"
dir="$(cd "$dir" && pwd)"

# Settings are kept at start, so a later `node` starts a process exactly as before.
if [ "$command" = start ]; then
  printf 'FIRST_PORT=%s\nREPLICAS=%s\nNODE_TIMEOUT=%s\n' "${FIRST_PORT:-7000}" "${REPLICAS:-0}" "${NODE_TIMEOUT:-5000}" >"$dir/cluster.env"
fi
if [ -f "$dir/cluster.env" ]; then
  # shellcheck source=/dev/null
  . "$dir/cluster.env"
fi
first="${FIRST_PORT:-7000}"
replicas="${REPLICAS:-0}"
node_timeout="${NODE_TIMEOUT:-5000}"
case "$replicas" in 0 | 1) ;; *) echo "redis-cluster: REPLICAS is 0 or 1" >&2; exit 2 ;; esac
masters=("$first" $((first + 1)) $((first + 2)))
copies=()
if [ "$replicas" = 1 ]; then copies=($((first + 3)) $((first + 4)) $((first + 5))); fi

wait_until() { # what, tries of 0.1 s, test...
  local what="$1" tries="$2"; shift 2
  for _ in $(seq "$tries"); do "$@" >/dev/null 2>&1 && return 0; sleep 0.1; done
  echo "redis-cluster: $what; see $dir/*/redis.log" >&2
  return 1
}

start_process() {
  local port="$1"
  mkdir -p "$dir/$port"
  setsid redis-server "$repo/infra/redis.conf" --port "$port" --bind 127.0.0.1 --dir "$dir/$port" \
    --cluster-enabled yes --cluster-config-file "$dir/$port/nodes.conf" --cluster-node-timeout "$node_timeout" \
    --repl-diskless-sync-delay 0 --logfile "$dir/$port/redis.log" --daemonize no </dev/null >/dev/null 2>&1 &
  echo $! >"$dir/$port.pid"
  wait_until "$port did not answer" 100 redis-cli -p "$port" ping
}

node_id() { redis-cli -p "$1" cluster myid; }
knows() { redis-cli -p "$1" cluster nodes | grep -q "^$2 .* master "; }
cluster_ok() { redis-cli -p "$1" cluster info | grep -q "cluster_state:ok"; }
# A replica serves only once its first full sync has finished and its link to the master is up.
in_sync() {
  local info
  info="$(redis-cli -p "$1" info replication)"
  grep -q "master_link_status:up" <<<"$info" && grep -q "master_sync_in_progress:0" <<<"$info"
}
# Every master counts a replica of its own that is online.
master_has_replica() { redis-cli -p "$1" info replication | grep -q "^slave0:.*state=online"; }

case "$command" in
  start)
    command -v redis-server >/dev/null || { echo "redis-cluster: redis-server is missing (apt-get install redis-server)" >&2; exit 3; }
    for port in "${masters[@]}" "${copies[@]}"; do start_process "$port"; done
    nodes=()
    for port in "${masters[@]}"; do nodes+=("127.0.0.1:$port"); done
    redis-cli --cluster create "${nodes[@]}" --cluster-replicas 0 --cluster-yes >"$dir/create.log" 2>&1 \
      || { cat "$dir/create.log" >&2; exit 1; }
    wait_until "not ok" 100 cluster_ok "$first"
    # Each replica is attached to its own master by id, so the layout is fixed: master on P, its replica on P+3.
    for port in "${copies[@]}"; do redis-cli -p "$port" cluster meet 127.0.0.1 "$first" >/dev/null; done
    for i in "${!copies[@]}"; do
      id="$(node_id "${masters[$i]}")"
      wait_until "replica ${copies[$i]} did not meet ${masters[$i]}" 300 knows "${copies[$i]}" "$id"
      redis-cli -p "${copies[$i]}" cluster replicate "$id" >/dev/null
    done
    for i in "${!copies[@]}"; do
      wait_until "replica ${copies[$i]} not in sync with ${masters[$i]}" 300 in_sync "${copies[$i]}"
      wait_until "master ${masters[$i]} does not see its replica" 100 master_has_replica "${masters[$i]}"
    done
    for port in "${masters[@]}" "${copies[@]}"; do wait_until "not ok on $port" 100 cluster_ok "$port"; done
    echo "Redis Cluster: ${nodes[*]}${copies[*]:+ (replicas on ${copies[*]})}"
    ;;
  node)
    port="${3:-}"
    [ -n "$port" ] && [ -f "$dir/$port/nodes.conf" ] || { echo "redis-cluster: node DIR PORT, a port this cluster started" >&2; exit 2; }
    start_process "$port"
    wait_until "not ok on $port" 300 cluster_ok "$port"
    if redis-cli -p "$port" role | head -n 1 | grep -q slave; then wait_until "$port not in sync" 300 in_sync "$port"; fi
    ;;
  stop)
    for f in "$dir"/*.pid; do
      [ -f "$f" ] || continue
      pid="$(cat "$f")"
      kill -CONT "$pid" 2>/dev/null || true # a stopped process does not stop on SIGTERM
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      kill -9 "$pid" 2>/dev/null || true
      rm -f "$f"
    done
    ;;
  *) echo "redis-cluster: unknown command $command" >&2; exit 2 ;;
esac

#!/usr/bin/env bash
# One reproducible load run on this machine: a redis-server, NODES Quiz nodes (Release) on the Redis backplane,
# and the load tool against them. Everything stays on loopback and stops when the run ends.
#   NODES=2 loadtests/run-live.sh --participants 20000 --questions 3 --window 10 --baseline
#   SCENARIO=stage NODES=2 loadtests/run-live.sh --participants 1000 --questions 3 --window 8   (six teams buzz too)
#   SCENARIO=round NODES=2 loadtests/run-live.sh --participants 20000 --ramp 60   (online round start storm)
#   SCENARIO=hostile NODES=2 loadtests/run-live.sh --participants 10000 --questions 3 --attack-rate 1000   (issue 16's attacker beside a contest)
#   STORE=garnet loadtests/run-live.sh --participants 5000   (one node on its embedded Garnet, as a fresh machine runs it)
#   STORE=cluster NODES=2 loadtests/run-live.sh --participants 300 --shards 3   (a three-master Redis Cluster on
#     REDIS_PORT..REDIS_PORT+2, infra/redis-cluster.sh; --shards splits the contest over that many slots)
#   REPLICAS=1 STORE=cluster Quiz__Redis__AckAfterReplicas=1 loadtests/run-live.sh --participants 3000 --answer-dist instant
#     (a replica per master on REDIS_PORT+3..+5; the Quiz__* variables reach the nodes, here: acks wait for a replica)
# Extra arguments go to Quiz.LoadTests (see its usage). The report goes to loadtests/results/ unless --out is given.
set -euo pipefail
cd "$(dirname "$0")/.."
nodes="${NODES:-1}"
scenario="${SCENARIO:-live}"
store="${STORE:-redis}"
if [ "$store" = garnet ] && [ "$nodes" -ne 1 ]; then echo "STORE=garnet runs one node (the embedded store is that node's own)" >&2; exit 2; fi
if [ "${REPLICAS:-0}" != 0 ] && [ "$store" != cluster ]; then echo "REPLICAS=1 needs STORE=cluster" >&2; exit 2; fi
redis_port="${REDIS_PORT:-6390}"
first_port="${FIRST_PORT:-5081}"
work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  if [ "$store" = cluster ]; then FIRST_PORT="$redis_port" infra/redis-cluster.sh stop "$work/cluster" >/dev/null 2>&1 || true; fi
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

for project in src/Quiz.Server loadtests/Quiz.LoadTests; do dotnet build -c Release "$project" -v q -nologo | grep -E "error|Warn" || true; done
store_env=(ConnectionStrings__Redis="127.0.0.1:$redis_port")
redis_endpoints="127.0.0.1:$redis_port"
if [ "$store" = cluster ]; then
  FIRST_PORT="$redis_port" infra/redis-cluster.sh start "$work/cluster" >/dev/null
  redis_endpoints="127.0.0.1:$redis_port,127.0.0.1:$((redis_port + 1)),127.0.0.1:$((redis_port + 2))"
  store_env=(ConnectionStrings__Redis="$redis_endpoints")
elif [ "$store" = garnet ]; then
  # The node hosts Garnet in-process on the same port (AOF on, as the default does); the load tool reads it there.
  store_env=(Quiz__Redis__EmbeddedPort="$redis_port" Quiz__Redis__EmbeddedDataDir="$work/garnet")
else
  redis-server --port "$redis_port" --bind 127.0.0.1 --dir "$work" --appendonly yes --appendfsync everysec --save "" \
    --logfile "$work/redis.log" --daemonize no &
  pids+=($!)
  for _ in $(seq 50); do redis-cli -p "$redis_port" ping >/dev/null 2>&1 && break; sleep 0.1; done
fi

# Every run bootstraps its own admin with a fresh password; the load tool logs in with it to set up the contest.
export QUIZ_LOAD_PASSWORD="load-run-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"
urls=()
# NODE_ENV="DOTNET_GCgen0size=0x4000000" gives runtime settings to the nodes only, not to the load tool.
read -r -a node_env <<< "${NODE_ENV:-}"
for i in $(seq 0 $((nodes - 1))); do
  port=$((first_port + i))
  # The load tool is the nodes' "proxy": it tells them which venue (or attacker) address each phone is behind.
  env "${store_env[@]}" "${node_env[@]}" Quiz__SampleBank__Enabled=false Quiz__Security__KnownProxies__0=127.0.0.1 \
    Quiz__Auth__BootstrapAdmin=loadadmin Quiz__Auth__BootstrapPassword="$QUIZ_LOAD_PASSWORD" \
    Logging__LogLevel__Default=Warning ASPNETCORE_ENVIRONMENT=Production \
    dotnet src/Quiz.Server/bin/Release/net10.0/Quiz.Server.dll --urls "http://127.0.0.1:$port" --contentRoot "$PWD/src/Quiz.Server" >"$work/node$i.log" 2>&1 &
  pids+=($!)
  urls+=("http://127.0.0.1:$port")
done
# Wait for every node's /health/ready (plain bash, so no curl is needed).
ready() { { exec 3<>"/dev/tcp/127.0.0.1/$1" && printf 'GET /health/ready HTTP/1.0\r\n\r\n' >&3 && head -n 1 <&3 | grep -q " 200 "; } 2>/dev/null; }
for i in $(seq 0 $((nodes - 1))); do
  for _ in $(seq 150); do ready $((first_port + i)) && break; sleep 0.2; done
done

joined=$(IFS=,; echo "${urls[*]}")
set +e
dotnet loadtests/Quiz.LoadTests/bin/Release/net10.0/Quiz.LoadTests.dll "$scenario" --url "$joined" --user loadadmin --redis "$redis_endpoints" "$@"
status=$?
set -e
for i in $(seq 0 $((nodes - 1))); do
  if grep -qE "^(warn|fail|crit):" "$work/node$i.log"; then
    echo "node $i logged warnings or errors (first lines):" >&2
    grep -E -A2 "^(warn|fail|crit):" "$work/node$i.log" | head -n 12 >&2
  fi
done
if [ "$status" -ne 0 ]; then
  echo "load run failed ($status); last lines of the node logs:" >&2
  for i in $(seq 0 $((nodes - 1))); do tail -n 20 "$work/node$i.log" >&2; done
fi
exit "$status"

#!/usr/bin/env bash
# A local Quiz cluster without Docker: Debian's redis-server (with infra/redis.conf), NODES Quiz nodes (`dotnet`) on
# Redis and its backplane, and nginx (with infra/nginx/quiz.conf) in front, all on loopback. The fault tests use it.
#
#   infra/local-cluster.sh start DIR     start everything; state, logs and the Redis append-only file go to DIR
#   infra/local-cluster.sh stop DIR      stop everything started in DIR (the processes whose pids DIR holds)
#   infra/local-cluster.sh redis DIR     start Redis again on DIR's append-only file (after it was killed)
#   infra/local-cluster.sh node DIR N    start node N again (1-based)
#
# Settings (environment): NODES (3), REDIS_PORT (6379), FIRST_NODE_PORT (5081: node N listens on FIRST_NODE_PORT+N-1),
# NGINX_PORT (8080), SERVER_DLL (a built Quiz.Server.dll; default: build Release once), QUIZ_ADMIN and
# QUIZ_ADMIN_PASSWORD (the bootstrap admin; default: admin and a fresh random password, written to DIR/admin-password).
# Every other Quiz__* / ConnectionStrings__* variable reaches the nodes unchanged.
set -euo pipefail
export PATH="$PATH:/usr/sbin:/sbin" # nginx lives in /usr/sbin
repo="$(cd "$(dirname "$0")/.." && pwd)"
command="${1:-}"
dir="${2:-}"
if [ -z "$command" ] || [ -z "$dir" ]; then
  sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
fi
mkdir -p "$dir"
dir="$(cd "$dir" && pwd)"

# Settings are kept at start, so later commands (redis, node, stop) use the same ports.
if [ "$command" = start ]; then
  cat >"$dir/cluster.env" <<VARS
NODES=${NODES:-3}
REDIS_PORT=${REDIS_PORT:-6379}
FIRST_NODE_PORT=${FIRST_NODE_PORT:-5081}
NGINX_PORT=${NGINX_PORT:-8080}
SERVER_DLL=${SERVER_DLL:-$repo/src/Quiz.Server/bin/Release/net10.0/Quiz.Server.dll}
QUIZ_ADMIN=${QUIZ_ADMIN:-admin}
VARS
fi
# shellcheck source=/dev/null
. "$dir/cluster.env"

need() { command -v "$1" >/dev/null || { echo "local-cluster: $1 is missing (apt-get install $2)" >&2; exit 3; }; }
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
ready() { { exec 3<>"/dev/tcp/127.0.0.1/$1" && printf 'GET /health/ready HTTP/1.0\r\n\r\n' >&3 && head -n 1 <&3 | grep -q " 200 "; } 2>/dev/null; }
wait_for() { # what, tries of 0.1 s, test...
  local what="$1" tries="$2"; shift 2
  for _ in $(seq "$tries"); do "$@" && return 0; sleep 0.1; done
  echo "local-cluster: $what did not come up; see $dir/*.log" >&2
  return 1
}

start_redis() {
  need redis-server redis-server
  mkdir -p "$dir/redis"
  # The durability settings of infra/redis.conf (AOF, fsync every second); only the address and folder differ.
  setsid redis-server "$repo/infra/redis.conf" --port "$REDIS_PORT" --bind 127.0.0.1 --dir "$dir/redis" \
    --logfile "$dir/redis.log" --daemonize no </dev/null >/dev/null 2>&1 &
  echo $! >"$dir/redis.pid"
  wait_for "redis on $REDIS_PORT" 100 redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1
  # A restart on a big append-only file answers LOADING for a while; wait until it serves.
  wait_for "redis loading" 300 sh -c "redis-cli -p $REDIS_PORT ping 2>/dev/null | grep -q PONG"
}

start_node() {
  local n="$1" port=$((FIRST_NODE_PORT + $1 - 1))
  # Behind nginx: its X-Forwarded-For/-Proto are believed (from 127.0.0.1 only), and pages come from its origin.
  ConnectionStrings__Redis="${ConnectionStrings__Redis:-127.0.0.1:$REDIS_PORT}" \
    Quiz__Auth__BootstrapAdmin="$QUIZ_ADMIN" Quiz__Auth__BootstrapPassword="$(cat "$dir/admin-password")" \
    Quiz__Security__KnownProxies__0=127.0.0.1 \
    Quiz__Security__AllowedOrigins__0="http://127.0.0.1:$NGINX_PORT" Quiz__Security__AllowedOrigins__1="http://localhost:$NGINX_PORT" \
    ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Production}" \
    Logging__LogLevel__Default="${Logging__LogLevel__Default:-Warning}" \
    setsid dotnet "$SERVER_DLL" --urls "http://127.0.0.1:$port" --contentRoot "$repo/src/Quiz.Server" \
    </dev/null >>"$dir/node$n.log" 2>&1 &
  echo $! >"$dir/node$n.pid"
}

start_nginx() {
  need nginx nginx-light
  mkdir -p "$dir/nginx-temp"
  {
    echo "worker_processes 1;"
    echo "pid $dir/nginx.pid;"
    echo "error_log $dir/nginx.log warn;"
    echo "daemon off;"
    echo "events { worker_connections 8192; }"
    echo "http {"
    for t in client_body proxy fastcgi uwsgi scgi; do echo "  ${t}_temp_path $dir/nginx-temp/$t;"; done
    echo "  upstream quiz_nodes {"
    echo "    hash \$uid_got\$uid_set consistent;"
    for n in $(seq "$NODES"); do echo "    server 127.0.0.1:$((FIRST_NODE_PORT + n - 1)) max_fails=1 fail_timeout=5s;"; done
    echo "    keepalive 16;"
    echo "  }"
    sed "s/listen 8080;/listen 127.0.0.1:$NGINX_PORT;/" "$repo/infra/nginx/quiz.conf" | sed 's/^/  /'
    echo "}"
  } >"$dir/nginx.conf"
  nginx -t -q -c "$dir/nginx.conf" -p "$dir" 2>>"$dir/nginx.log"
  setsid nginx -c "$dir/nginx.conf" -p "$dir" </dev/null >>"$dir/nginx.log" 2>&1 &
  echo $! >"$dir/nginx.launcher.pid"
  wait_for "nginx on $NGINX_PORT" 100 port_open "$NGINX_PORT"
}

stop_pid_file() {
  local file="$1"
  [ -f "$file" ] || return 0
  local pid; pid="$(cat "$file")"
  if kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$file"
}

case "$command" in
  start)
    if [ ! -f "$SERVER_DLL" ]; then
      dotnet build -c Release "$repo/src/Quiz.Server" -v q -nologo >"$dir/build.log" 2>&1 || { tail -20 "$dir/build.log" >&2; exit 1; }
    fi
    if [ -n "${QUIZ_ADMIN_PASSWORD:-}" ]; then
      printf '%s' "$QUIZ_ADMIN_PASSWORD" >"$dir/admin-password"
    elif [ ! -f "$dir/admin-password" ]; then
      printf 'local-%s' "$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')" >"$dir/admin-password"
    fi
    chmod 600 "$dir/admin-password"
    start_redis
    for n in $(seq "$NODES"); do start_node "$n"; done
    for n in $(seq "$NODES"); do wait_for "node $n" 600 ready $((FIRST_NODE_PORT + n - 1)); done
    start_nginx
    echo "Quiz: http://127.0.0.1:$NGINX_PORT (nodes $FIRST_NODE_PORT..$((FIRST_NODE_PORT + NODES - 1)), redis $REDIS_PORT)"
    echo "admin: $QUIZ_ADMIN, password in $dir/admin-password; stop: $0 stop $dir"
    ;;
  redis) start_redis ;;
  node)
    start_node "${3:?node number}"
    wait_for "node $3" 600 ready $((FIRST_NODE_PORT + $3 - 1))
    ;;
  stop)
    stop_pid_file "$dir/nginx.pid"
    stop_pid_file "$dir/nginx.launcher.pid"
    for f in "$dir"/node*.pid; do stop_pid_file "$f"; done
    stop_pid_file "$dir/redis.pid"
    ;;
  *) echo "local-cluster: unknown command $command" >&2; exit 2 ;;
esac

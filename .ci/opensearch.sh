#!/usr/bin/env bash
# Start, stop or query a local OpenSearch cluster of 1 or 2 real nodes, run from the Maven Central
# artifacts by the launcher in engines/opensearch-node (built here on first use).
#
#   .ci/opensearch.sh start  DIR [NODES]   NODES = 1 or 2 (default 2); prints the URL of each node
#   .ci/opensearch.sh stop   DIR           TERM, then KILL after OPENSEARCH_STOP_TIMEOUT s (30)
#   .ci/opensearch.sh status DIR           exit 0 when every node of DIR runs and the cluster answers
#
# Everything lives under DIR: DIR/nodeN/{data,logs,config,tmp}, DIR/nodeN/pid, DIR/nodeN/stdout.log,
# DIR/cluster.conf (node count and ports, reused by a later start), DIR/urls (one URL a line).
# Nodes listen on 127.0.0.1 only. HTTP ports are OPENSEARCH_PORT, OPENSEARCH_PORT+1 (default 9200,
# 9201) and transport ports OPENSEARCH_TRANSPORT_PORT, +1 (default 9300, 9301); when the defaults are
# taken by something else, the next free pair is used (an explicitly given port that is taken is an
# error). Start and stop are idempotent: a running node is left running, a stopped one stays stopped.
#
# Environment: OPENSEARCH_PORT, OPENSEARCH_TRANSPORT_PORT, OPENSEARCH_CLUSTER (cluster name, default
# searchidx), OPENSEARCH_JAVA_OPTS (default "-Xms512m -Xmx1g"), OPENSEARCH_WAIT (seconds to wait for
# health, default 120), OPENSEARCH_STOP_TIMEOUT (default 30), OPENSEARCH_MODULES (modules besides
# netty4 and analysis-common: comma-separated among painless, reindex, mapper-extras, or "none";
# default all three), JAVA_HOME, MVN (default mvn).
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
PROJ="$ROOT/engines/opensearch-node"
MAIN_CLASS=org.searchidx.osnode.OpenSearchNode
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
MVN="${MVN:-mvn}"

say() { echo "opensearch: $*"; }
die() { echo "opensearch: $*" >&2; exit 1; }

usage() {
  echo "usage: $0 start DIR [NODES] | stop DIR | status DIR" >&2
  exit 64
}

# --- build ------------------------------------------------------------------------------------------

built() {
  # Built when the stamp is newer than the pom and every source file.
  local stamp="$PROJ/target/osnode.stamp"
  [ -f "$stamp" ] && [ -d "$PROJ/target/lib" ] || return 1
  [ -z "$(find "$PROJ/pom.xml" "$PROJ/src" -newer "$stamp" -print -quit)" ]
}

build() {
  built && return 0
  command -v "$MVN" >/dev/null || die "Maven ($MVN) is needed to build $PROJ"
  mkdir -p "$PROJ/target"
  (
    # Two starts at once must not build into the same target/ together.
    if command -v flock >/dev/null; then flock 9; fi
    built && exit 0
    local t0=$SECONDS log="$PROJ/target/build.log"
    say "building the launcher in $PROJ"
    # Offline first (fast, and enough once ~/.m2 has the artifacts), else online.
    if ! (cd "$PROJ" && "$MVN" -B -q -o package >"$log" 2>&1); then
      (cd "$PROJ" && "$MVN" -B -q package >"$log" 2>&1) || { tail -n 40 "$log" >&2; die "build failed"; }
    fi
    touch "$PROJ/target/osnode.stamp"
    say "built in $((SECONDS - t0)) s"
  ) 9>"$PROJ/target/.build.lock"
}

# --- processes --------------------------------------------------------------------------------------

# The pid in FILE if it is a live launcher of node home HOME (a reused pid is not ours).
live_pid() {
  local file=$1 home=$2 pid
  [ -f "$file" ] || return 1
  pid=$(cat "$file" 2>/dev/null) || return 1
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  running "$pid" || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$MAIN_CLASS --home $home " || return 1
  echo "$pid"
}

# PID exists and is not a zombie (a node started by this very script is its child until it exits).
running() {
  local state
  state=$(sed -n 's/^State:[[:space:]]*\([A-Z]\).*/\1/p' "/proc/$1/status" 2>/dev/null) || return 1
  [ -n "$state" ] && [ "$state" != Z ] && [ "$state" != X ]
}

port_taken() {
  # Something accepts connections on 127.0.0.1:PORT.
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# --- cluster.conf -----------------------------------------------------------------------------------

load_conf() {
  NODES_CONF="" HTTP_BASE="" TRANSPORT_BASE="" CLUSTER=""
  [ -f "$DIR/cluster.conf" ] || return 1
  # shellcheck disable=SC1091
  . "$DIR/cluster.conf"
  NODES_CONF=$nodes HTTP_BASE=$http_base TRANSPORT_BASE=$transport_base CLUSTER=$cluster
}

choose_ports() {
  local n=$1 tries=0 i free
  HTTP_BASE=${OPENSEARCH_PORT:-9200}
  TRANSPORT_BASE=${OPENSEARCH_TRANSPORT_PORT:-9300}
  while :; do
    free=1
    for ((i = 0; i < n; i++)); do
      if port_taken $((HTTP_BASE + i)) || port_taken $((TRANSPORT_BASE + i)); then free=0; fi
    done
    [ "$free" = 1 ] && return 0
    if [ -n "${OPENSEARCH_PORT:-}" ] || [ -n "${OPENSEARCH_TRANSPORT_PORT:-}" ]; then
      die "port $HTTP_BASE.. or $TRANSPORT_BASE.. is taken (OPENSEARCH_PORT / OPENSEARCH_TRANSPORT_PORT)"
    fi
    tries=$((tries + 1))
    [ "$tries" -lt 50 ] || die "no free ports found from 9200/9300 on"
    HTTP_BASE=$((HTTP_BASE + 10)) TRANSPORT_BASE=$((TRANSPORT_BASE + 10))
  done
}

url() { echo "http://127.0.0.1:$((HTTP_BASE + $1))"; }

# --- health -----------------------------------------------------------------------------------------

node_logs() {
  local i
  for ((i = 0; i < NODES_CONF; i++)); do
    echo "--- $DIR/node$i/logs/opensearch.log (tail)" >&2
    tail -n 30 "$DIR/node$i/logs/opensearch.log" >&2 2>/dev/null || echo "(no log)" >&2
    if [ -s "$DIR/node$i/stdout.log" ]; then
      echo "--- $DIR/node$i/stdout.log (tail)" >&2
      tail -n 30 "$DIR/node$i/stdout.log" >&2
    fi
  done
}

# One health answer from node I: prints the JSON; fails unless it is yellow/green with NODES nodes.
health_ok() {
  local i=$1 body
  body=$(curl -s --max-time 5 \
    "$(url "$i")/_cluster/health?wait_for_status=yellow&wait_for_nodes=$NODES_CONF&timeout=1s" 2>/dev/null) || return 1
  echo "$body"
  [[ "$body" == *'"timed_out":false'* ]] &&
    [[ "$body" =~ \"status\":\"(green|yellow)\" ]] &&
    [[ "$body" == *"\"number_of_nodes\":$NODES_CONF,"* ]]
}

wait_healthy() {
  local deadline=$((SECONDS + ${OPENSEARCH_WAIT:-120})) i ok
  while :; do
    ok=1
    for ((i = 0; i < NODES_CONF; i++)); do
      live_pid "$DIR/node$i/pid" "$DIR/node$i" >/dev/null || { echo "opensearch: node$i exited" >&2; return 1; }
      health_ok "$i" >/dev/null || ok=0
    done
    [ "$ok" = 1 ] && return 0
    [ "$SECONDS" -lt "$deadline" ] || { echo "opensearch: no healthy cluster after ${OPENSEARCH_WAIT:-120} s" >&2; return 1; }
    sleep 1
  done
}

# --- commands ---------------------------------------------------------------------------------------

start_node() {
  local i=$1 home="$DIR/node$i" seeds="" managers="" j
  mkdir -p "$home/tmp"
  if [ "$NODES_CONF" -gt 1 ]; then
    for ((j = 0; j < NODES_CONF; j++)); do
      seeds+="${seeds:+,}127.0.0.1:$((TRANSPORT_BASE + j))"
      managers+="${managers:+,}node-$j"
    done
  fi
  # shellcheck disable=SC2206
  local jvm=(${OPENSEARCH_JAVA_OPTS:--Xms512m -Xmx1g}
    -XX:+UseG1GC -XX:+ExitOnOutOfMemoryError -XX:-OmitStackTraceInFastThrow
    -Djava.io.tmpdir="$home/tmp" -Djava.awt.headless=true -Dfile.encoding=UTF-8 -Djna.nosys=true
    -Dio.netty.noUnsafe=true -Dio.netty.noKeySetOptimization=true
    -Dio.netty.recycler.maxCapacityPerThread=0
    -Dlog4j.shutdownHookEnabled=false -Dlog4j2.disable.jmx=true)
  local args=(--home "$home" --cluster-name "$CLUSTER" --node-name "node-$i"
    --http-port $((HTTP_BASE + i)) --transport-port $((TRANSPORT_BASE + i)))
  if [ -n "$seeds" ]; then
    args+=(--seed-hosts "$seeds" --initial-cluster-manager-nodes "$managers")
  fi
  if [ -n "${OPENSEARCH_MODULES:-}" ]; then
    args+=(--modules "$OPENSEARCH_MODULES")
  fi
  # setsid: the node outlives this script and is not hit by the caller's Ctrl-C. The subshell is
  # not a process group leader, so setsid execs java in place and $! is java's pid.
  (exec setsid "$JAVA" "${jvm[@]}" -cp "$PROJ/target/classes:$PROJ/target/lib/*" "$MAIN_CLASS" "${args[@]}" \
    </dev/null >"$home/stdout.log" 2>&1) &
  echo $! >"$home/pid"
}

cmd_start() {
  local want=${1:-2} i started=() t0=$SECONDS
  [[ "$want" =~ ^[12]$ ]] || die "NODES must be 1 or 2"
  mkdir -p "$DIR"
  DIR="$(cd "$DIR" && pwd)"
  if load_conf; then
    [ "$NODES_CONF" = "$want" ] ||
      die "$DIR holds a cluster of $NODES_CONF node(s), not $want: stop it and remove $DIR first"
  else
    NODES_CONF=$want CLUSTER=${OPENSEARCH_CLUSTER:-searchidx}
    choose_ports "$want"
    printf 'nodes=%s\nhttp_base=%s\ntransport_base=%s\ncluster=%q\n' \
      "$NODES_CONF" "$HTTP_BASE" "$TRANSPORT_BASE" "$CLUSTER" >"$DIR/cluster.conf"
  fi
  build
  for ((i = 0; i < NODES_CONF; i++)); do
    if live_pid "$DIR/node$i/pid" "$DIR/node$i" >/dev/null; then
      say "node$i already runs (pid $(cat "$DIR/node$i/pid"))"
      continue
    fi
    if port_taken $((HTTP_BASE + i)) || port_taken $((TRANSPORT_BASE + i)); then
      die "port $((HTTP_BASE + i)) or $((TRANSPORT_BASE + i)) of node$i is taken by another process"
    fi
    start_node "$i"
    started+=("$i")
  done
  if ! wait_healthy; then
    node_logs
    if [ "${#started[@]}" != 0 ]; then
      say "stopping the nodes started now"
      for i in "${started[@]}"; do stop_nodes "$DIR/node$i" >/dev/null; done
    fi
    exit 1
  fi
  [ "${#started[@]}" = 0 ] || say "cluster of $NODES_CONF node(s) healthy in $((SECONDS - t0)) s"
  : >"$DIR/urls"
  for ((i = 0; i < NODES_CONF; i++)); do url "$i" | tee -a "$DIR/urls"; done
}

cmd_stop() {
  stop_nodes "$DIR"/node*
  rm -f "$DIR/urls"
}

# Stops the launchers of the node homes given: TERM, then KILL after OPENSEARCH_STOP_TIMEOUT s.
stop_nodes() {
  local pids=() pid home deadline
  for home in "$@"; do
    [ -d "$home" ] || continue
    if pid=$(live_pid "$home/pid" "$home"); then
      kill -TERM "$pid" 2>/dev/null || true
      pids+=("$pid")
    fi
  done
  deadline=$((SECONDS + ${OPENSEARCH_STOP_TIMEOUT:-30}))
  for pid in "${pids[@]}"; do
    while running "$pid" && [ "$SECONDS" -lt "$deadline" ]; do sleep 0.2; done
    if running "$pid"; then
      say "pid $pid did not stop on TERM: KILL"
      kill -KILL "$pid" 2>/dev/null || true
      while running "$pid"; do sleep 0.1; done
    fi
  done
  for home in "$@"; do rm -f "$home/pid"; done
  say "stopped ${#pids[@]} node(s) of $DIR"
}

cmd_status() {
  local i pid rc=0 body
  load_conf || { say "no cluster in $DIR"; return 1; }
  for ((i = 0; i < NODES_CONF; i++)); do
    if pid=$(live_pid "$DIR/node$i/pid" "$DIR/node$i"); then
      say "node$i runs, pid $pid, $(url "$i")"
    else
      say "node$i is not running"
      rc=1
    fi
  done
  if [ "$rc" = 0 ]; then
    body=$(curl -s --max-time 5 "$(url 0)/_cluster/health") || { say "no answer from $(url 0)"; return 1; }
    echo "$body"
  fi
  return "$rc"
}

[ $# -ge 2 ] || usage
cmd=$1 DIR=$2
shift 2
case "$cmd" in
  start) [ $# -le 1 ] || usage; cmd_start "$@" ;;
  stop) [ $# = 0 ] || usage; [ -d "$DIR" ] || { say "nothing to stop in $DIR"; exit 0; }; DIR="$(cd "$DIR" && pwd)"; cmd_stop ;;
  status) [ $# = 0 ] || usage; [ -d "$DIR" ] || { say "no cluster in $DIR"; exit 1; }; DIR="$(cd "$DIR" && pwd)"; cmd_status ;;
  *) usage ;;
esac

#!/usr/bin/env bash
# Local Apache Kafka for the Grassroots stack, KRaft nodes (broker + controller in one JVM each), run from the
# Apache Kafka jars on Maven Central (fetched once with the Maven wrapper through deploy/local/kafka/pom.xml into
# .run/cache/kafka-<version>/libs).
#
# KAFKA_BROKERS=1 (default): one node, replication factor 1. KAFKA_BROKERS=3: three nodes, all three controller
# voters; node n is named kafka-n (node 1: kafka) and listens on KAFKA_PORT + 2(n-1) (its controller on
# KAFKA_CONTROLLER_PORT + 2(n-1)); topics get replication factor 3 and min.insync.replicas 2. The count is fixed
# when the storage is formatted (data/kafka.brokers); to change it, stop the stack and remove data/kafka*.
#
#   deploy/local/kafka.sh start|start-nowait|stop|status [N]   every node, or node N only
#   deploy/local/kafka.sh wait [SECONDS]
#   deploy/local/kafka.sh topics ARGS...   e.g. topics --list, topics --create --topic t1
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=env.sh
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

KAFKA_LIBS="$CACHE/kafka-$KAFKA_VERSION/libs"
KAFKA_HOME="$STATE/kafka"            # generated configuration
BROKERS_FILE="$DATA/kafka.brokers"   # the node count the storage was formatted for
KAFKA_HEAP_OPTS="${KAFKA_HEAP_OPTS:--Xmx384m -Xms128m}"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"

# node N: its process name, ports, data folder (log.dirs) and configuration
node_name() { if [[ "$1" == 1 ]]; then echo kafka; else echo "kafka-$1"; fi; }
node_port() { echo $((KAFKA_PORT + 2 * ($1 - 1))); }
node_controller_port() { echo $((KAFKA_CONTROLLER_PORT + 2 * ($1 - 1))); }
node_data() { echo "$DATA/$(node_name "$1")"; }
node_config() { echo "$KAFKA_HOME/server-$1.properties"; }
nodes() { seq 1 "$KAFKA_BROKERS"; }

# ---------------------------------------------------------------- jars
fetch_jars() {
  [[ -f "$KAFKA_LIBS/kafka_2.13-$KAFKA_VERSION.jar" ]] && return 0
  log "fetching Apache Kafka $KAFKA_VERSION from Maven Central (one time)"
  local tmp="$KAFKA_LIBS.tmp.$$"
  rm -rf "$tmp"
  if ! mvnw -f "$LOCAL_DIR/kafka/pom.xml" \
      org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy-dependencies \
      -Dkafka.version="$KAFKA_VERSION" -DincludeScope=runtime -DoutputDirectory="$tmp"; then
    rm -rf "$tmp"
    die "could not fetch the Kafka $KAFKA_VERSION jars with Maven"
  fi
  rm -rf "$KAFKA_LIBS"
  mv "$tmp" "$KAFKA_LIBS"
}

# ---------------------------------------------------------------- configuration
write_config() {
  local n="$1" voters="" i rf isr
  for i in $(nodes); do voters+="${voters:+,}$i@127.0.0.1:$(node_controller_port "$i")"; done
  # one node: replication factor 1; several: every partition on up to three, a write acknowledged by two
  rf=$((KAFKA_BROKERS < 3 ? KAFKA_BROKERS : 3))
  isr=$((rf > 1 ? 2 : 1))
  mkdir -p "$KAFKA_HOME" "$(node_data "$n")"
  cat >"$(node_config "$n")" <<EOF
# Written by deploy/local/kafka.sh at every start; edits are lost.
process.roles=broker,controller
node.id=$n
controller.quorum.voters=$voters
listeners=PLAINTEXT://127.0.0.1:$(node_port "$n"),CONTROLLER://127.0.0.1:$(node_controller_port "$n")
advertised.listeners=PLAINTEXT://localhost:$(node_port "$n")
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
inter.broker.listener.name=PLAINTEXT
controller.listener.names=CONTROLLER
log.dirs=$(node_data "$n")

num.partitions=3
default.replication.factor=$rf
min.insync.replicas=$isr
auto.create.topics.enable=true
delete.topic.enable=true
offsets.topic.replication.factor=$rf
offsets.topic.num.partitions=10
transaction.state.log.replication.factor=$rf
transaction.state.log.min.isr=$isr
transaction.state.log.num.partitions=5
share.coordinator.state.topic.replication.factor=$rf
share.coordinator.state.topic.min.isr=$isr
group.initial.rebalance.delay.ms=0

# small machine: few threads, small buffers
num.network.threads=2
num.io.threads=4
num.recovery.threads.per.data.dir=1
background.threads=4
log.cleaner.threads=1
# the default dedupe buffer (128 MB) does not fit in a small heap: the broker would die at start
log.cleaner.dedupe.buffer.size=8388608
log.cleaner.io.buffer.size=524288

log.retention.hours=168
log.segment.bytes=104857600
log.retention.check.interval.ms=300000
EOF

  cat >"$KAFKA_HOME/log4j2.xml" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<!-- Written by deploy/local/kafka.sh. The broker logs to stdout, which goes to logs/kafka.log. -->
<Configuration status="warn">
  <Appenders>
    <Console name="stdout" target="SYSTEM_OUT">
      <PatternLayout pattern="[%d] %p %m (%c)%n"/>
    </Console>
  </Appenders>
  <Loggers>
    <Root level="INFO"><AppenderRef ref="stdout"/></Root>
    <!-- the noisy ones -->
    <Logger name="kafka.request.logger" level="WARN"/>
    <Logger name="kafka.network.RequestChannel$" level="WARN"/>
    <Logger name="state.change.logger" level="WARN"/>
    <Logger name="kafka.log.LogCleaner" level="WARN"/>
    <Logger name="kafka.authorizer.logger" level="WARN"/>
    <Logger name="org.apache.kafka.storage.internals.log" level="WARN"/>
    <Logger name="kafka.log" level="WARN"/>
    <Logger name="org.apache.kafka.raft" level="WARN"/>
    <Logger name="org.apache.kafka.clients" level="WARN"/>
    <Logger name="org.apache.kafka.common.config.AbstractConfig" level="WARN"/>
    <Logger name="org.apache.kafka.common.utils.AppInfoParser" level="WARN"/>
    <Logger name="kafka.server.metadata" level="WARN"/>
    <Logger name="org.apache.kafka.image" level="WARN"/>
    <Logger name="org.apache.kafka.controller" level="WARN"/>
    <Logger name="org.apache.kafka.metadata" level="WARN"/>
    <Logger name="kafka.cluster.Partition" level="WARN"/>
    <Logger name="kafka.server.ReplicaFetcherManager" level="WARN"/>
    <Logger name="kafka.server.ReplicaAlterLogDirsManager" level="WARN"/>
  </Loggers>
</Configuration>
EOF

  cat >"$KAFKA_HOME/tools-log4j2.xml" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<Configuration status="warn">
  <Appenders>
    <Console name="stderr" target="SYSTEM_ERR"><PatternLayout pattern="[%d] %p %m (%c)%n"/></Console>
  </Appenders>
  <Loggers>
    <Root level="WARN"><AppenderRef ref="stderr"/></Root>
  </Loggers>
</Configuration>
EOF
}

# A Kafka cluster id: 16 random bytes, URL-safe base64 without padding (22 characters),
# not starting with '-' (like org.apache.kafka.common.Uuid.randomUuid()).
random_cluster_id() {
  local id
  while :; do
    id="$(head -c 16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')"
    [[ "$id" != -* ]] && { echo "$id"; return; }
  done
}

# The storage of every node is formatted once, with one cluster id and the node count of this stack.
format_storage() {
  local n="$1" id
  if [[ -f "$DATA/kafka.cluster-id" ]]; then id="$(cat "$DATA/kafka.cluster-id")"; else
    id="$(random_cluster_id)"
    echo "$id" >"$DATA/kafka.cluster-id"
  fi
  [[ -f "$(node_data "$n")/meta.properties" ]] && return 0
  log "formatting the storage of Kafka node $n in $(node_data "$n") (cluster id $id)"
  if ! "$JAVA" -Xmx256m -Dlog4j2.configurationFile="$KAFKA_HOME/tools-log4j2.xml" -cp "$KAFKA_LIBS/*" \
      kafka.tools.StorageTool format -t "$id" -c "$(node_config "$n")" --ignore-formatted \
      >>"$LOGS/$(node_name "$n").log" 2>&1; then
    log_tail "$(node_name "$n")" 20
    die "kafka storage format failed"
  fi
}

# The node count is the one the storage was formatted for.
check_brokers() {
  if [[ -f "$BROKERS_FILE" ]]; then
    [[ "$(cat "$BROKERS_FILE")" == "$KAFKA_BROKERS" ]] || die "this stack's Kafka was formatted for $(cat "$BROKERS_FILE") \
node(s), not KAFKA_BROKERS=$KAFKA_BROKERS: stop the stack and remove $DATA/kafka* to change it"
  elif compgen -G "$DATA/kafka*/meta.properties" >/dev/null; then
    echo 1 >"$BROKERS_FILE" # formatted before the count was kept: one node
    check_brokers
  else
    echo "$KAFKA_BROKERS" >"$BROKERS_FILE"
  fi
}

# Run a Kafka command line tool class against our broker.
kafka_tool() {
  local class="$1"
  shift
  "$JAVA" -Xmx256m -XX:TieredStopAtLevel=1 \
    -Dlog4j2.configurationFile="$KAFKA_HOME/tools-log4j2.xml" -cp "$KAFKA_LIBS/*" \
    "$class" "$@"
}

# Ready: every node listens and the cluster answers a topic listing.
cluster_ready() {
  local n
  for n in $(nodes); do port_open "$(node_port "$n")" || return 1; done
  timeout 60 "$JAVA" -Xmx128m -XX:TieredStopAtLevel=1 \
    -Dlog4j2.configurationFile="$KAFKA_HOME/tools-log4j2.xml" -cp "$KAFKA_LIBS/*" \
    org.apache.kafka.tools.TopicCommand --bootstrap-server "$KAFKA_BOOTSTRAP" --list >/dev/null 2>&1
}

# ---------------------------------------------------------------- commands
start_node() {
  local n="$1" name
  name="$(node_name "$n")"
  if pid_alive "$name"; then
    log "$name already running (pid $(pid_of "$name")) on localhost:$(node_port "$n")"
    return 0
  fi
  require_port_free "$name" "$(node_port "$n")" KAFKA_PORT
  require_port_free "$name controller" "$(node_controller_port "$n")" KAFKA_CONTROLLER_PORT
  write_config "$n"
  format_storage "$n"
  log "starting $name $KAFKA_VERSION (KRaft node $n of $KAFKA_BROKERS) on localhost:$(node_port "$n")"
  # shellcheck disable=SC2086
  start_bg "$name" "$LOGS/$name.log" "$JAVA" $KAFKA_HEAP_OPTS \
    -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:+ExitOnOutOfMemoryError \
    -Djava.awt.headless=true -Dfile.encoding=UTF-8 \
    -Dlog4j2.configurationFile="$KAFKA_HOME/log4j2.xml" \
    -Dkafka.logs.dir="$LOGS" \
    -cp "$KAFKA_LIBS/*" kafka.Kafka "$(node_config "$n")"
}

# start [N]: every node that is not running, or node N
cmd_start() {
  command -v "$JAVA" >/dev/null 2>&1 || die "java not found (JDK 17+ required)"
  with_lock "kafka-$KAFKA_VERSION" fetch_jars
  check_brokers
  write_config 1 # the tools read its log4j2 files
  local n
  for n in ${1:-$(nodes)}; do start_node "$n"; done
}

# wait [SECONDS]: until the cluster answers. Fails as soon as a started node has died, or on timeout, printing the
# end of every node's log (a node that cannot start shows only in its own log).
cmd_wait() {
  local seconds="${1:-120}" start=$SECONDS n name
  until cluster_ready; do
    for n in $(nodes); do
      name="$(node_name "$n")"
      if [[ -f "$PIDS/$name.pid" ]] && ! pid_alive "$name"; then
        log "$name exited during startup"
        log_tail "$name" 60
        return 1
      fi
    done
    if ((SECONDS - start >= seconds)); then
      log "kafka not ready after $seconds s"
      for n in $(nodes); do log_tail "$(node_name "$n")" 30; done
      return 1
    fi
    sleep 1
  done
  log "kafka ready: bootstrap servers $KAFKA_BOOTSTRAP"
}

stop_node() {
  local name
  name="$(node_name "$1")"
  if pid_alive "$name"; then stop_pid "$name"; else rm -f "$PIDS/$name.pid"; log "$name not running"; fi
}

# stop [N]: every node at once (the last one left alone would wait for a controller quorum), or node N
cmd_stop() {
  local n
  for n in ${1:-$(nodes)}; do stop_node "$n" & done
  wait
}

node_arg() {
  [[ -z "${1:-}" || "$1" =~ ^[1-9]$ && "$1" -le "$KAFKA_BROKERS" ]] || die "no Kafka node '$1' (KAFKA_BROKERS=$KAFKA_BROKERS)"
  echo "${1:-}"
}

case "${1:-}" in
  start)  cmd_start "$(node_arg "${2:-}")"; cmd_wait ;;
  start-nowait) cmd_start "$(node_arg "${2:-}")" ;;
  wait)   cmd_wait "${2:-120}" ;;
  stop)   cmd_stop "$(node_arg "${2:-}")" ;;
  status) for n in $(nodes); do status_line "$(node_name "$n")"; done ;;
  topics) shift; kafka_tool org.apache.kafka.tools.TopicCommand --bootstrap-server "$KAFKA_BOOTSTRAP" "$@" ;;
  *) echo "usage: $0 start|start-nowait|stop|status [N] | wait [SECONDS] | topics ARGS..." >&2; exit 2 ;;
esac

#!/usr/bin/env bash
# Local single-node Apache Kafka broker (KRaft: broker + controller in one JVM) for the
# Grassroots stack, run from the Apache Kafka jars on Maven Central (fetched once with the
# Maven wrapper through deploy/local/kafka/pom.xml into .run/cache/kafka-<version>/libs).
#
#   deploy/local/kafka.sh start|stop|status
#   deploy/local/kafka.sh topics ARGS...   e.g. topics --list, topics --create --topic t1
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=env.sh
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

KAFKA_LIBS="$CACHE/kafka-$KAFKA_VERSION/libs"
KAFKA_HOME="$STATE/kafka"            # generated configuration
KAFKA_LOG_DIR="$DATA/kafka"          # the broker's data (log.dirs)
KAFKA_LOG="$LOGS/kafka.log"
KAFKA_HEAP_OPTS="${KAFKA_HEAP_OPTS:--Xmx384m -Xms128m}"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"

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
  mkdir -p "$KAFKA_HOME" "$KAFKA_LOG_DIR"
  cat >"$KAFKA_HOME/server.properties" <<EOF
# Written by deploy/local/kafka.sh at every start; edits are lost.
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://localhost:$KAFKA_PORT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
inter.broker.listener.name=PLAINTEXT
controller.listener.names=CONTROLLER
log.dirs=$KAFKA_LOG_DIR

num.partitions=3
default.replication.factor=1
min.insync.replicas=1
auto.create.topics.enable=true
delete.topic.enable=true
offsets.topic.replication.factor=1
offsets.topic.num.partitions=10
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
transaction.state.log.num.partitions=5
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
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

format_storage() {
  [[ -f "$KAFKA_LOG_DIR/meta.properties" ]] && return 0
  local id
  id="$(random_cluster_id)"
  log "formatting Kafka storage in $KAFKA_LOG_DIR (cluster id $id)"
  if ! "$JAVA" -Xmx256m -Dlog4j2.configurationFile="$KAFKA_HOME/tools-log4j2.xml" -cp "$KAFKA_LIBS/*" \
      kafka.tools.StorageTool format -t "$id" -c "$KAFKA_HOME/server.properties" --ignore-formatted \
      >>"$KAFKA_LOG" 2>&1; then
    log_tail kafka 20
    die "kafka storage format failed"
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

broker_ready() {
  port_open "$KAFKA_PORT" || return 1
  timeout 60 "$JAVA" -Xmx128m -XX:TieredStopAtLevel=1 \
    -Dlog4j2.configurationFile="$KAFKA_HOME/tools-log4j2.xml" -cp "$KAFKA_LIBS/*" \
    org.apache.kafka.tools.TopicCommand --bootstrap-server "localhost:$KAFKA_PORT" --list >/dev/null 2>&1
}

# ---------------------------------------------------------------- commands
cmd_start() {
  if pid_alive kafka; then
    log "kafka already running (pid $(pid_of kafka)) on localhost:$KAFKA_PORT"
    return 0
  fi
  require_port_free kafka "$KAFKA_PORT" KAFKA_PORT
  require_port_free "kafka controller" "$KAFKA_CONTROLLER_PORT" KAFKA_CONTROLLER_PORT
  command -v "$JAVA" >/dev/null 2>&1 || die "java not found (JDK 17+ required)"

  with_lock "kafka-$KAFKA_VERSION" fetch_jars
  write_config
  format_storage

  log "starting kafka $KAFKA_VERSION (KRaft) on localhost:$KAFKA_PORT"
  # shellcheck disable=SC2086
  start_bg kafka "$KAFKA_LOG" "$JAVA" $KAFKA_HEAP_OPTS \
    -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:+ExitOnOutOfMemoryError \
    -Djava.awt.headless=true -Dfile.encoding=UTF-8 \
    -Dlog4j2.configurationFile="$KAFKA_HOME/log4j2.xml" \
    -Dkafka.logs.dir="$LOGS" \
    -cp "$KAFKA_LIBS/*" kafka.Kafka "$KAFKA_HOME/server.properties"
}

cmd_wait() {
  wait_for kafka "${1:-120}" broker_ready
  log "kafka ready: bootstrap servers localhost:$KAFKA_PORT"
}

case "${1:-}" in
  start)  cmd_start; cmd_wait ;;
  start-nowait) cmd_start ;;
  wait)   cmd_wait "${2:-120}" ;;
  stop)
    if pid_alive kafka; then stop_pid kafka; else rm -f "$PIDS/kafka.pid"; log "kafka not running"; fi ;;
  status) status_line kafka ;;
  topics) shift; kafka_tool org.apache.kafka.tools.TopicCommand --bootstrap-server "localhost:$KAFKA_PORT" "$@" ;;
  *) echo "usage: $0 start|stop|status|topics ARGS..." >&2; exit 2 ;;
esac

#!/usr/bin/env bash
# QoS 1 event publishing through a real Mosquitto on loopback: starts mosquitto on a free port and
# runs bench/Sensact.Benchmarks outbox-throughput (a whole agent in-process, its events handed to
# the publisher, a QoS 1 subscriber checking each arrives in order) once per configuration, then
# stops mosquitto (by its PID). Compare the lines of one run with each other.
# Usage: bench/outbox-throughput.sh [count] [rate]     (rate 0 = as fast as possible; needs mosquitto)
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:/usr/sbin"
count=${1:-200000}
rate=${2:-0}
work=$(mktemp -d)
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2> /dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT
. bench/free-port.sh

dotnet build bench/Sensact.Benchmarks -c Release -v quiet -nologo > /dev/null
port=$(free_port)
# A subscriber must not lose messages to mosquitto's per-client queue limit (1000 by default).
printf 'listener %s 127.0.0.1\nallow_anonymous true\npersistence false\nset_tcp_nodelay true\nmax_queued_messages 0\n' "$port" > "$work/mosquitto.conf"
mosquitto -c "$work/mosquitto.conf" > "$work/mosquitto.log" 2>&1 &
pids+=($!)
sleep 1
bench=bench/Sensact.Benchmarks/bin/Release/net10.0/Sensact.Benchmarks.dll
for settings in "" "--Mqtt:Outbox:Fsync=Never" "--Mqtt:Outbox:Fsync=Always" "--Mqtt:Outbox:Durable=false" "--Mqtt:Outbox:MaxInFlight=1"; do
  n=$count
  # One fsync an event or one event in flight: far slower, so fewer events.
  case "$settings" in *Always*|*MaxInFlight=1*) n=$((count / 10)) ;; esac
  # shellcheck disable=SC2086
  dotnet "$bench" outbox-throughput "$port" "$n" "$rate" $settings
done

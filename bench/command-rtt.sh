#!/usr/bin/env bash
# The status command's round trip through a real Mosquitto on loopback: starts mosquitto and the
# Release agent (console view off) on free ports, runs bench/Sensact.Benchmarks command-rtt against
# them, and stops both (by their PIDs).
# Usage: bench/command-rtt.sh [count] [concurrent]     (needs mosquitto: apt-get install mosquitto)
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:/usr/sbin"
count=${1:-1000}
concurrent=${2:-100}
work=$(mktemp -d)
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2> /dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT
. bench/free-port.sh

dotnet build src/Agent -c Release -v quiet -nologo > /dev/null
dotnet build bench/Sensact.Benchmarks -c Release -v quiet -nologo > /dev/null
port=$(free_port)
printf 'listener %s 127.0.0.1\nallow_anonymous true\npersistence false\nset_tcp_nodelay true\n' "$port" > "$work/mosquitto.conf"
mosquitto -c "$work/mosquitto.conf" > "$work/mosquitto.log" 2>&1 &
pids+=($!)
dotnet src/Agent/bin/Release/net10.0/sensact-agent.dll --Mqtt:Host=127.0.0.1 --Mqtt:Port="$port" \
  --Agent:Fleet=bench --Agent:Id=rtt --ConsoleView:Enabled=false > "$work/agent.log" 2>&1 &
pids+=($!)
sleep 8   # start-up and JIT warm-up
dotnet bench/Sensact.Benchmarks/bin/Release/net10.0/Sensact.Benchmarks.dll command-rtt "$port" sensact/v1/bench/rtt "$count" "$concurrent"

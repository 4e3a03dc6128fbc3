#!/usr/bin/env bash
# What one more application costs: the Release agent (embedded broker, console view off, replay at
# 1x) with the shipped configuration's one application, then with a second activity application on
# the same sensor added on the command line. The configurations alternate (A B A B ...) in one run,
# so that load from other work on the machine falls on both; CPU time and resident memory are read
# from /proc after 10 s of start-up and JIT warm-up.
# Usage: bench/app-footprint.sh [rounds] [seconds-to-measure]   (Linux: reads /proc)
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-2}
measure_s=${2:-25}
dotnet build src/Agent -c Release -v quiet -nologo > /dev/null
bin=src/Agent/bin/Release/net10.0
ticks_per_s=$(getconf CLK_TCK)

free_port() {
  local port
  while :; do
    port=$((21000 + RANDOM % 9000))
    if ! (exec 3<>/dev/tcp/127.0.0.1/$port) 2> /dev/null; then echo $port; return; fi
  done
}

run() { # label, extra args...
  local label=$1; shift
  # The agent as `dotnet run -c Release --project src/Agent -- ...` runs it, without the launcher process.
  dotnet "$bin/sensact-agent.dll" --duration $((measure_s + 15)) --Mqtt:Port="$(free_port)" \
    --ConsoleView:Enabled=false "$@" > /dev/null 2>&1 &
  local pid=$!
  sleep 10   # start-up and JIT warm-up are not measured
  local a b
  a=$(awk '{print $14 + $15}' /proc/$pid/stat)
  sleep "$measure_s"
  b=$(awk '{print $14 + $15}' /proc/$pid/stat)
  local rss hwm
  rss=$(awk '/VmRSS/ {print $2}' /proc/$pid/status)
  hwm=$(awk '/VmHWM/ {print $2}' /proc/$pid/status)
  wait $pid || true
  awk -v l="$label" -v t=$((b - a)) -v hz="$ticks_per_s" -v s="$measure_s" -v r="$rss" -v h="$hwm" \
    'BEGIN { printf "| %-28s | %8.1f | %6.1f %% | %7.1f | %7.1f |\n", l, t / hz / s * 1000, t / hz / s * 100, r / 1024, h / 1024 }'
}

echo "| configuration (1x, 26 frames/s) | CPU ms/s | of 1 core | RSS MiB | peak MiB |"
echo "| ---------------------------- | -------: | --------: | ------: | -------: |"
for ((i = 1; i <= rounds; i++)); do
  run "one app (activity)"
  run "two apps (activity + second)" --Apps:second:Kind=activity --Apps:second:Sensor=imu
done

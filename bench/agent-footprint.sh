#!/usr/bin/env bash
# Measures the whole agent's CPU time and resident memory on this machine, in one run, so the
# configurations can be compared as ratios: the agent idle (embedded broker and MQTT link only),
# then the activity pipeline replaying at 0.1x, 1x and 10x real time (2.6, 26 and 260 frames/s).
# Usage: bench/agent-footprint.sh [seconds-to-measure]   (Linux: reads /proc)
set -euo pipefail
cd "$(dirname "$0")/.."
measure_s=${1:-20}
dotnet build src/Agent -c Release -v quiet -nologo > /dev/null
bin=src/Agent/bin/Release/net10.0
ticks_per_s=$(getconf CLK_TCK)

run() { # label, extra args...
  local label=$1; shift
  local port=$((21000 + RANDOM % 9000))
  dotnet "$bin/sensact-agent.dll" --Mqtt:Port=$port --ConsoleView:Enabled=false \
    --duration $((measure_s + 15)) "$@" > /dev/null 2>&1 &
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
    'BEGIN { printf "| %-34s | %8.1f | %6.1f %% | %7.0f | %7.0f |\n", l, t / hz / s * 1000, t / hz / s * 100, r / 1024, h / 1024 }'
}

echo "| configuration                      | CPU ms/s | of 1 core | RSS MiB | peak MiB |"
echo "| ---------------------------------- | -------: | --------: | ------: | -------: |"
run "idle (broker + link, no pipeline)" --Apps:activity:Enabled=false
run "activity, replay 0.1x (2.6 frames/s)" --Sensors:imu:SpeedFactor=0.1
run "activity, replay 1x (26 frames/s)" --Sensors:imu:SpeedFactor=1
run "activity, replay 10x (260 frames/s)" --Sensors:imu:SpeedFactor=10

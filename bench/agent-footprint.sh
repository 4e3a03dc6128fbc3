#!/usr/bin/env bash
# Measures the whole agent's CPU time and resident memory on this machine, in one run, so the
# configurations can be compared as ratios. The Release agent runs with its embedded broker and the
# console view off; CPU time and resident memory are read from /proc after 10 s of start-up and JIT
# warm-up.
#   bench/agent-footprint.sh [seconds]           idle, then the activity application at 0.1x, 1x
#                                                and 10x real time (2.6, 26 and 260 frames/s)
#   bench/agent-footprint.sh --apps [rounds] [seconds]
#                                                what one more application costs: the shipped
#                                                configuration, then a second activity application
#                                                on the same sensor, alternating (A B A B ...) so
#                                                that load from other work falls on both
# (Linux: reads /proc)
set -euo pipefail
cd "$(dirname "$0")/.."
mode=rates
if [ "${1:-}" = "--apps" ]; then mode=apps; shift; rounds=${1:-2}; shift || true; fi
measure_s=${1:-20}
dotnet build src/Agent -c Release -v quiet -nologo > /dev/null
bin=src/Agent/bin/Release/net10.0
ticks_per_s=$(getconf CLK_TCK)

. bench/free-port.sh

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
    'BEGIN { printf "| %-36s | %8.1f | %6.1f %% | %7.1f | %7.1f |\n", l, t / hz / s * 1000, t / hz / s * 100, r / 1024, h / 1024 }'
}

echo "| configuration                        | CPU ms/s | of 1 core | RSS MiB | peak MiB |"
echo "| ------------------------------------ | -------: | --------: | ------: | -------: |"
if [ "$mode" = apps ]; then
  for ((i = 1; i <= rounds; i++)); do
    run "one app (activity), 1x"
    run "two apps (activity + second), 1x" --Apps:second:Kind=activity --Apps:second:Sensor=imu
  done
else
  run "idle (broker + link, no application)" --Apps:activity:Enabled=false
  run "activity, replay 0.1x (2.6 frames/s)" --Sensors:imu:SpeedFactor=0.1
  run "activity, replay 1x (26 frames/s)" --Sensors:imu:SpeedFactor=1
  run "activity, replay 10x (260 frames/s)" --Sensors:imu:SpeedFactor=10
fi

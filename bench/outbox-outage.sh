#!/usr/bin/env bash
# The durable outbox's loss test at full length: the broker killed for 60 s (by default), the agent
# producing 200 events/s (a replay 200 times real time), SIGKILLed half-way and started again, the
# broker back: every event of both runs must arrive, each run in order. It runs
# tests/Sensact.IntegrationTests' OutboxLossTests with a longer outage; the test starts mosquitto and
# the agents and stops them by their PIDs.
# Usage: bench/outbox-outage.sh [seconds] [speed factor]     (needs mosquitto)
# (Not SENSACT_*: the agents inherit the environment, and would take those for configuration keys.)
set -euo pipefail
cd "$(dirname "$0")/.."
export OUTBOX_TEST_OUTAGE_SECONDS=${1:-60}
export OUTBOX_TEST_SPEED_FACTOR=${2:-200}
dotnet test --project tests/Sensact.IntegrationTests -- --filter-class Sensact.IntegrationTests.Slice.OutboxLossTests --output detailed --show-live-output on

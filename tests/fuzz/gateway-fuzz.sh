#!/usr/bin/env bash
# Long hunts with the gateway fuzzer (cli's GatewayFuzzTest, issue 13).
#
#   tests/fuzz/gateway-fuzz.sh SEED COUNT [SECONDS]
#       runs GatewayFuzzTest against a real `luahost serve` with seeds SEED,
#       SEED+1, ... (COUNT cases each, default 2000, at most SECONDS seconds
#       each, default 600) until one fails or Ctrl-C; a failure names the
#       seed and the case (its request bytes). Run one seed again with
#       `tests/fuzz/gateway-fuzz.sh SEED COUNT SECONDS once`.
#
# Builds through the reactor (cli and what it needs) on the first round.
set -uo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)"
cd "$root" || exit 1
# shellcheck source=bin/find-jdk.sh
. bin/find-jdk.sh
luahost_find_jdk || { echo "gateway-fuzz.sh: needs a JDK 25" >&2; exit 1; }
export JAVA_HOME="$LUAHOST_JAVA_HOME"
seed="${1:?usage: gateway-fuzz.sh SEED COUNT [SECONDS] [once]}"
count="${2:-2000}"
seconds="${3:-600}"
once="${4:-}"
while :; do
  echo "gateway-fuzz: seed $seed, $count cases, at most $seconds s"
  # only the default surefire execution: the cli module's second one re-runs the differential corpus
  if ! ./mvnw -B -q -o -pl cli -am test-compile surefire:test@default-test -Dtest=GatewayFuzzTest -Dsurefire.failIfNoSpecifiedTests=false \
      -Dluahost.gatewayFuzzSeed="$seed" -Dluahost.gatewayFuzzCount="$count" -Dluahost.gatewayFuzzSeconds="$seconds"; then
    echo "gateway-fuzz: seed $seed FAILED (see cli/target/surefire-reports/org.luahost.cli.GatewayFuzzTest.txt)" >&2
    exit 1
  fi
  [ -n "$once" ] && exit 0
  seed=$((seed + 1))
done

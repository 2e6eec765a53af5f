#!/usr/bin/env bash
# Collector pauses under a real `luahost serve` (issue 13, session 14):
#   bench/serve-pauses.sh [ROUNDS] [ATTACK:N ...]      (default: 3 gsubs:1 logs:20 bigstrings:1)
# Starts ./luahost serve --no-data --session-rate 0 on bench/pauses/app.lua (the launcher's JVM
# options, plus LUAHOST_JAVA_OPTS: e.g. "-Xlog:gc:file=/tmp/gc.log" or another collector), then
# bench/pauses/ServePauses.java pings 100 sessions from 4 closed loops and prints, per round and
# attack, the pings' p50/p99/max over 2 s of quiet and over the attack (N sessions calling the
# attack's function at once). Also prints the serve start-up (launch to "serving") and the RSS.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$root/bin/find-jdk.sh"
luahost_find_jdk || { echo "needs a JDK 25" >&2; exit 1; }
rounds="${1:-3}"; shift || true
[ $# -eq 0 ] && set -- gsubs:1 logs:20 bigstrings:1
err="$(mktemp)"
"$root/luahost" lua -e 'return' || exit 1          # builds if needed, outside the timing
t0=$(date +%s%N)
"$root/luahost" serve --no-data --session-rate 0 --port 0 "$root/bench/pauses/app.lua" >/dev/null 2>"$err" &
pid=$!
port=""
for _ in $(seq 1 600); do
  port="$(sed -n 's/.*serving .* on http:\/\/127\.0\.0\.1:\([0-9]*\).*/\1/p' "$err" | head -n 1)"
  [ -n "$port" ] && break
  sleep 0.05
done
t1=$(date +%s%N)
[ -n "$port" ] || { echo "serve did not start:"; cat "$err"; kill "$pid"; exit 1; }
echo "serve started in $(( (t1 - t0) / 1000000 )) ms (port $port, pid $pid; JVM options +${LUAHOST_JAVA_OPTS:-})"
"$LUAHOST_JAVA_HOME/bin/java" "$root/bench/pauses/ServePauses.java" "$port" "$rounds" "$@"
echo "serve RSS: $(awk '/VmRSS/ {print $2, $3}' "/proc/$pid/status")"
kill "$pid"; wait "$pid"
grep -v -e "output dropped" -e serving -e "info: " "$err" | head -n 5
rm -f "$err"

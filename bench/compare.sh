#!/usr/bin/env bash
# Side-by-side benchmark: luahost vs lua5.4 (PUC-Rio C) vs LuaJ 3.0.1, the latter
# both as an interpreter (lua -n) and with its Lua-to-JVM-bytecode compiler (lua -n -b).
#
# Runs every program in bench/programs/*.lua (or the ones named on the command
# line) on each implementation, N runs each, interleaving the implementations
# within every round, timing the whole process (JVM start-up included) with
# bash's microsecond clock, and its CPU time (user+sys). Checks that all implementations printed the same
# output and prints a Markdown table of medians and ratios.
#
# See bench/README.md for details. Run `bench/compare.sh -h` for the options.
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$SCRIPT_DIR/.." && pwd)"
PROG_DIR="$SCRIPT_DIR/programs"

LUAJ_VERSION=3.0.1
LUAJ_DIR="$SCRIPT_DIR/target/luaj"
LUAJ_JAR="$LUAJ_DIR/luaj-jse-$LUAJ_VERSION.jar"
BCEL_VERSION=5.2          # LuaJ's -b (LuaJC) generates classes with Apache BCEL
BCEL_JAR="$LUAJ_DIR/bcel-$BCEL_VERSION.jar"
DEFAULT_JDK=/usr/lib/jvm/temurin-25-jdk-amd64

RUNS=5
TIMEOUT=60
IMPLS_ARG="luahost,lua5.4,luaj,luajc"
LUAJ_FLAGS=(-n)          # -n: do not load LuaJ's debug library (see README)
LUAJ_FLAGS_DESC="lua -n"   # luajc adds -b (compile each chunk to JVM bytecode)
STARTUP=1
OUT_FILE=""
declare -A IMPL_TIMEOUT=()

usage() {
  cat <<EOF
Usage: bench/compare.sh [options] [program ...]

Programs are names of files in bench/programs without .lua (default: all of them).

Options:
  -n RUNS          runs per implementation and program (default $RUNS, minimum 1)
  -t SECONDS       per-run timeout (default $TIMEOUT); a run that exceeds it is
                   killed and recorded as a timeout
  -T IMPL=SECONDS  per-implementation timeout override, repeatable
                   (e.g. -T luaj=20); IMPL is luahost, lua5.4, luaj or luajc
  -i LIST          comma-separated implementations to run
                   (default $IMPLS_ARG; luaj is LuaJ's interpreter, 'lua -n',
                   luajc its Lua-to-JVM-bytecode compiler, 'lua -n -b')
  --luaj-debug     run LuaJ exactly as 'java -cp luaj-jse.jar lua prog.lua' (and
                   'lua -b' for luajc), i.e. with its debug library loaded
                   (up to ~5x slower than with -n)
  --no-startup     skip the start-up row (-e "print(1)")
  -o FILE          also write the Markdown report to FILE
  -l               list the programs and exit
  -h, --help       show this help

Environment:
  JAVA_HOME        JDK used for LuaJ (default $DEFAULT_JDK if JAVA_HOME is unset)
  LUA54            lua5.4 command (default lua5.4)
  LUAHOST          luahost launcher (default <repo>/luahost); the timed runs get
                   LUAHOST_NO_BUILD=1 (the launcher may build during the smoke test)
  LUAHOST_JAVA_OPTS extra JVM options for luahost (read by the launcher)
  LUAJ_JAVA_OPTS   extra JVM options for LuaJ (default none)

Raw timings and outputs are kept in bench/target/compare/<timestamp>/.
EOF
}

die() { echo "compare.sh: error: $*" >&2; exit 2; }
note() { echo "compare.sh: $*" >&2; }

list_programs() {
  local f
  for f in "$PROG_DIR"/*.lua; do basename "$f" .lua; done
}

# ---------------------------------------------------------------- options
PROGRAMS=()
ORIG_ARGS=("$@")
while (($#)); do
  case "$1" in
    -n) [[ $# -ge 2 ]] || die "-n needs a value"; RUNS="$2"; shift 2 ;;
    -t) [[ $# -ge 2 ]] || die "-t needs a value"; TIMEOUT="$2"; shift 2 ;;
    -T) [[ $# -ge 2 && "$2" == *=* ]] || die "-T needs IMPL=SECONDS"
        IMPL_TIMEOUT["${2%%=*}"]="${2#*=}"; shift 2 ;;
    -i) [[ $# -ge 2 ]] || die "-i needs a value"; IMPLS_ARG="$2"; shift 2 ;;
    --luaj-debug) LUAJ_FLAGS=(); LUAJ_FLAGS_DESC="lua"; shift ;;
    --no-startup) STARTUP=0; shift ;;
    -o) [[ $# -ge 2 ]] || die "-o needs a file"; OUT_FILE="$2"; shift 2 ;;
    -l) list_programs; exit 0 ;;
    -h|--help) usage; exit 0 ;;
    --) shift; PROGRAMS+=("$@"); break ;;
    -*) usage >&2; die "unknown option: $1" ;;
    *) PROGRAMS+=("${1%.lua}"); shift ;;
  esac
done

[[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || die "-n must be a positive integer, got '$RUNS'"
is_seconds() { [[ "$1" =~ ^[0-9]+([.][0-9]+)?$ ]]; }
is_seconds "$TIMEOUT" || die "-t must be a number of seconds, got '$TIMEOUT'"
for k in "${!IMPL_TIMEOUT[@]}"; do
  case "$k" in luahost|lua5.4|luaj|luajc) ;; *) die "-T: unknown implementation '$k'" ;; esac
  is_seconds "${IMPL_TIMEOUT[$k]}" || die "-T $k: not a number of seconds: '${IMPL_TIMEOUT[$k]}'"
done
command -v python3 >/dev/null || die "python3 is required for the statistics"
command -v timeout >/dev/null || die "timeout (coreutils) is required"
[[ -n "${EPOCHREALTIME:-}" ]] || die "bash >= 5 is required (EPOCHREALTIME)"

if ((${#PROGRAMS[@]} == 0)); then
  mapfile -t PROGRAMS < <(list_programs)
  ((${#PROGRAMS[@]} > 0)) || die "no programs found in $PROG_DIR"
fi
for p in "${PROGRAMS[@]}"; do
  [[ -f "$PROG_DIR/$p.lua" ]] || die "no such program: $p (expected $PROG_DIR/$p.lua; try -l)"
done

IFS=',' read -r -a REQ_IMPLS <<<"$IMPLS_ARG"
for i in "${REQ_IMPLS[@]}"; do
  case "$i" in luahost|lua5.4|luaj|luajc) ;; *) die "-i: unknown implementation '$i' (luahost, lua5.4, luaj, luajc)" ;; esac
done

if [[ -z "${JAVA_HOME:-}" ]]; then
  [[ -x "$DEFAULT_JDK/bin/java" ]] && JAVA_HOME="$DEFAULT_JDK"
fi
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
LUA54="${LUA54:-lua5.4}"
LUAHOST="${LUAHOST:-$ROOT/luahost}"
read -r -a LUAJ_JAVA_OPTS_ARR <<<"${LUAJ_JAVA_OPTS:-}"

# ---------------------------------------------------------------- LuaJ jar
# fetch_jar GROUP ARTIFACT VERSION JAR: copies the jar from ~/.m2 or Maven Central once.
fetch_jar() {
  local group="$1" artifact="$2" version="$3" jar="$4"
  [[ -f "$jar" ]] && return 0
  note "fetching $group:$artifact:$version into ${jar#"$ROOT"/} ..."
  mkdir -p "$LUAJ_DIR"
  local m2="${HOME}/.m2/repository/${group//.//}/$artifact/$version/$artifact-$version.jar"
  if [[ -f "$m2" ]]; then
    cp "$m2" "$jar" && return 0
  fi
  if [[ -x "$ROOT/mvnw" ]] &&
     (cd "$ROOT" && JAVA_HOME="${JAVA_HOME:-}" ./mvnw -q -N dependency:copy \
        -Dartifact="$group:$artifact:$version" -DoutputDirectory="$LUAJ_DIR" \
        >"$LUAJ_DIR/fetch-$artifact.log" 2>&1) && [[ -f "$jar" ]]; then
    return 0
  fi
  note "could not fetch $artifact (see ${LUAJ_DIR#"$ROOT"/}/fetch-$artifact.log)"
  return 1
}
fetch_luaj() { fetch_jar org.luaj luaj-jse "$LUAJ_VERSION" "$LUAJ_JAR"; }
fetch_bcel() { fetch_jar org.apache.bcel bcel "$BCEL_VERSION" "$BCEL_JAR"; }

# ---------------------------------------------------------------- implementations
# impl_cmd IMPL: prints nothing, fills the array CMD with the command prefix.
impl_cmd() {
  case "$1" in
    luahost) CMD=("$LUAHOST" lua) ;;
    lua5.4)  CMD=("$LUA54") ;;
    luaj)    CMD=("$JAVA" "${LUAJ_JAVA_OPTS_ARR[@]}" -cp "$LUAJ_JAR" lua "${LUAJ_FLAGS[@]}") ;;
    luajc)   CMD=("$JAVA" "${LUAJ_JAVA_OPTS_ARR[@]}" -cp "$LUAJ_JAR:$BCEL_JAR" lua "${LUAJ_FLAGS[@]}" -b) ;;
  esac
}
impl_label() {
  case "$1" in
    luahost) echo "luahost" ;;
    lua5.4)  echo "lua5.4" ;;
    luaj)    echo "LuaJ $LUAJ_VERSION -n" ;;
    luajc)   echo "LuaJ $LUAJ_VERSION -b" ;;
  esac
}
impl_timeout() { echo "${IMPL_TIMEOUT[$1]:-$TIMEOUT}"; }

IMPLS=()
declare -A SKIPPED=()
for i in "${REQ_IMPLS[@]}"; do
  reason=""
  case "$i" in
    luahost) [[ -x "$LUAHOST" ]] || reason="launcher $LUAHOST not found or not executable" ;;
    lua5.4)  command -v "$LUA54" >/dev/null || reason="'$LUA54' not on PATH" ;;
    luaj)    if ! command -v "$JAVA" >/dev/null; then reason="java not found (set JAVA_HOME)"
             elif ! fetch_luaj; then reason="LuaJ jar unavailable"; fi ;;
    luajc)   if ! command -v "$JAVA" >/dev/null; then reason="java not found (set JAVA_HOME)"
             elif ! fetch_luaj; then reason="LuaJ jar unavailable"
             elif ! fetch_bcel; then reason="BCEL jar (needed by LuaJ -b) unavailable"; fi ;;
  esac
  if [[ -z "$reason" ]]; then
    # Smoke test: the implementation must print 1 for -e "print(1)".
    impl_cmd "$i"
    smoke_t="$(impl_timeout "$i")"
    # The luahost launcher (re)builds the CLI when sources are newer than its last
    # build: let that happen here, untimed, and keep it out of the timed runs below.
    if [[ "$i" == luahost ]]; then
      note "luahost: smoke test (builds the CLI first if its sources changed)..."
      smoke_t=900
    fi
    smoke_rc=0
    smoke="$(cd "$ROOT" && timeout -k 5 "$smoke_t" "${CMD[@]}" -e "print(1)" 2>&1)" || smoke_rc=$?
    if ((smoke_rc != 0)); then
      reason="smoke test '${CMD[*]} -e \"print(1)\"' failed with exit status $smoke_rc"
      [[ -n "$smoke" ]] && reason+=": $(printf '%s' "$smoke" | head -c 300)"
    elif [[ "$smoke" != "1" ]]; then
      reason="smoke test '-e \"print(1)\"' printed '$(printf '%s' "$smoke" | head -c 300)' instead of '1'"
    fi
  fi
  if [[ -n "$reason" ]]; then
    note "SKIPPING $(impl_label "$i"): $reason"
    SKIPPED[$i]="$reason"
  else
    IMPLS+=("$i")
  fi
done
((${#IMPLS[@]} > 0)) || die "no implementation is runnable"
export LUAHOST_NO_BUILD="${LUAHOST_NO_BUILD:-1}"   # timed luahost runs never rebuild

# ---------------------------------------------------------------- run
STAMP="$(date +%Y%m%d-%H%M%S)"
RESULTS_DIR="$SCRIPT_DIR/target/compare/$STAMP"
mkdir -p "$RESULTS_DIR/out"
TSV="$RESULTS_DIR/results.tsv"
printf 'program\timpl\trun\tseconds\tcpu_seconds\tstatus\tstdout\tstderr\n' >"$TSV"
TIMEFORMAT='%3U %3S'   # for the time keyword in run_one: user and sys seconds

# run_one NAME IMPL RUN ARGS... : one timed run, appends a row to the TSV.
run_one() {
  local name="$1" impl="$2" run="$3"; shift 3
  local out="$RESULTS_DIR/out/$name.$impl.$run.out" err="$RESULTS_DIR/out/$name.$impl.$run.err"
  local t rc=0 t0 t1 status secs
  t="$(impl_timeout "$impl")"
  impl_cmd "$impl"
  cd "$ROOT"
  local tf="$RESULTS_DIR/out/$name.$impl.$run.time" cpu
  t0=$EPOCHREALTIME
  # The time keyword adds the CPU time (user+sys, ms resolution) of the process tree;
  # the wall time comes from EPOCHREALTIME (microseconds).
  { time timeout -k 5 "$t" "${CMD[@]}" "$@" >"$out" 2>"$err" </dev/null; } 2>"$tf" || rc=$?
  t1=$EPOCHREALTIME
  # EPOCHREALTIME is seconds.microseconds; drop the separator to get integer microseconds.
  t0=${t0//[.,]/}; t1=${t1//[.,]/}
  secs="$(printf '%d.%06d' $(((t1 - t0) / 1000000)) $(((t1 - t0) % 1000000)))"
  local u=0.000 sy=0.000 ms
  read -r u sy < <(tail -n 1 "$tf") || true
  u=${u//[.,]/}; sy=${sy//[.,]/}
  ms=$((10#${u:-0} + 10#${sy:-0}))
  cpu="$(printf '%d.%03d' $((ms / 1000)) $((ms % 1000)))"
  case "$rc" in
    0) status=ok ;;
    124|137) status=timeout ;;
    *) status="error:$rc" ;;
  esac
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$impl" "$run" "$secs" "$cpu" "$status" "$out" "$err" >>"$TSV"
  printf '  %-22s %-8s run %d: %8.3f s wall %8.3f s cpu  %s\n' "$name" "$impl" "$run" "$secs" "$cpu" "$status" >&2
}

# Rotate the implementation order every round so that no implementation is
# always first/last after another one (spreads drift and machine noise).
bench() {
  local name="$1"; shift
  local r k n=${#IMPLS[@]}
  for ((r = 1; r <= RUNS; r++)); do
    for ((k = 0; k < n; k++)); do
      run_one "$name" "${IMPLS[$(((k + r - 1) % n))]}" "$r" "$@"
    done
  done
}

note "implementations: ${IMPLS[*]}; runs: $RUNS; timeout: ${TIMEOUT}s; results: ${RESULTS_DIR#"$ROOT"/}"
if ((STARTUP)); then
  note "start-up (-e \"print(1)\")"
  bench "startup" -e "print(1)"
fi
for p in "${PROGRAMS[@]}"; do
  note "$p"
  bench "$p" "bench/programs/$p.lua"
done

# ---------------------------------------------------------------- report
SKIP_TSV="$RESULTS_DIR/skipped.tsv"
: >"$SKIP_TSV"
for i in "${!SKIPPED[@]}"; do printf '%s\t%s\n' "$i" "${SKIPPED[$i]}" >>"$SKIP_TSV"; done

CMDLINE="bench/compare.sh"
for a in "${ORIG_ARGS[@]+"${ORIG_ARGS[@]}"}"; do
  if [[ "$a" =~ ^[A-Za-z0-9_.,=/:+-]+$ ]]; then CMDLINE+=" $a"; else CMDLINE+=" $(printf '%q' "$a")"; fi
done

REPORT="$RESULTS_DIR/report.md"
set +e
python3 "$SCRIPT_DIR/compare_report.py" \
  --tsv "$TSV" --skipped "$SKIP_TSV" --impls "${REQ_IMPLS[*]}" \
  --runs "$RUNS" --timeout "$TIMEOUT" --luaj-cmd "$LUAJ_FLAGS_DESC" \
  --cmdline "$CMDLINE" >"$REPORT"
rc=$?
set -e
cat "$REPORT"
[[ -n "$OUT_FILE" ]] && cp "$REPORT" "$OUT_FILE"
note "raw data: ${RESULTS_DIR#"$ROOT"/}/results.tsv"
# exit 0: all good; 1: some output mismatch / error / timeout (see table); 2: usage error
exit "$rc"

#!/bin/bash
# Runs each area probe on lua5.4 and on ./luahost lua in both tiers; prints time and a diff summary.
cd "$(dirname "$0")"
LH=../../../luahost
[ $# -eq 0 ] && set -- *.lua
for f in "$@"; do
  [ -f "$f" ] || continue
  b=${f%.lua}
  s=$(date +%s.%N); timeout 120 lua5.4 "$f" >/tmp/ar_$b.ref 2>&1; echo "exit $?" >>/tmp/ar_$b.ref; t0=$(echo "$(date +%s.%N)-$s"|bc)
  s=$(date +%s.%N); timeout 120 $LH lua "$f" >/tmp/ar_$b.jit 2>&1; echo "exit $?" >>/tmp/ar_$b.jit; t1=$(echo "$(date +%s.%N)-$s"|bc)
  s=$(date +%s.%N); LUAHOST_JAVA_OPTS=-Dluahost.jit=0 timeout 120 $LH lua "$f" >/tmp/ar_$b.int 2>&1; echo "exit $?" >>/tmp/ar_$b.int; t2=$(echo "$(date +%s.%N)-$s"|bc)
  r1=same; cmp -s /tmp/ar_$b.ref /tmp/ar_$b.jit || r1=DIFF
  r2=same; cmp -s /tmp/ar_$b.ref /tmp/ar_$b.int || r2=DIFF
  printf "%-20s lua %.2fs  jit %.2fs %s  int %.2fs %s\n" "$b" $t0 $t1 $r1 $t2 $r2
done

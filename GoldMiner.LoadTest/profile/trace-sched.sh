#!/bin/bash
# Records the scheduler for SECONDS: every sched_switch and sched_wakeup on the machine, each line
# with its process id, on the monotonic clock that the load tool's --dig-log uses. Needs root and
# tracefs. Start it while the tool is measuring; slowest-digs.py joins the two (docs/performance.md,
# "How to run it", round 9).
# usage: trace-sched.sh SECONDS OUT.txt
set -euo pipefail
seconds=$1
out=$2
T=/sys/kernel/tracing
[ -e "$T/trace" ] || mount -t tracefs nodev "$T"

events=(sched/sched_switch sched/sched_wakeup)
echo 0 > "$T/tracing_on"
echo > "$T/trace"
echo mono > "$T/trace_clock"
echo 1 > "$T/options/record-tgid"
echo 131072 > "$T/buffer_size_kb"   # per CPU; ~100,000 events a second under load
for e in "${events[@]}"; do echo 1 > "$T/events/$e/enable"; done

echo 1 > "$T/tracing_on"
sleep "$seconds"
echo 0 > "$T/tracing_on"

for e in "${events[@]}"; do echo 0 > "$T/events/$e/enable"; done
cp "$T/trace" "$out"
echo > "$T/trace"
echo 0 > "$T/options/record-tgid"
echo "$(grep -c sched_switch "$out") switches in $out"

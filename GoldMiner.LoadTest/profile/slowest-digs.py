#!/usr/bin/env python3
"""What the CPUs were doing while the slowest digs waited.

Joins the load tool's --dig-log (every dig's send time and round trip) with trace-sched.sh's
record of the scheduler, both on CLOCK_MONOTONIC, and prints the share of the two CPUs' time
that each kind of task had during the slowest digs (over the --quantile) against during the rest,
and how many 50 ms slices the slowest digs fell in (docs/performance.md, round 9).

usage: slowest-digs.py DIG_LOG.csv TRACE.txt [--quantile 0.99]
(the processes' ids come from the dig log's first line)
"""
import argparse
import collections
import csv
import re

LINE = re.compile(r"^\s*(?P<comm>.+?)-(?P<pid>\d+)\s+\(\s*(?P<tgid>[-\d]+)\)\s+\[(?P<cpu>\d+)\]\s+\S+\s+"
                  r"(?P<sec>\d+)\.(?P<usec>\d+): (?P<event>\w+): (?P<body>.*)$")
SLOT_NS = 1_000_000


def kind(pid, comm, tgid, server, tool):
    if pid == "0":
        return "idle"
    name = re.sub(r"[\s#]*\d+$", "", comm) or comm
    if tgid == server:
        return f"server: {name}"
    if tgid == tool:
        return "load tool"
    return f"other: {name}"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("dig_log")
    parser.add_argument("trace")
    parser.add_argument("--quantile", type=float, default=0.99)
    args = parser.parse_args()

    with open(args.dig_log) as f:
        lines = f.read().splitlines()
    ids = re.match(r"# tool pid (\d+); server pid (\w+)", lines[0])
    if not ids:
        raise SystemExit("the dig log's first line names the processes: was it written by --dig-log?")
    tool, server = ids[1], ids[2]
    lines = lines[1:]

    events = []
    tgids = {}
    for line in open(args.trace):
        m = LINE.match(line)
        if m:
            ns = int(m["sec"]) * 1_000_000_000 + int(m["usec"]) * 1000
            tgids[m["pid"]] = m["tgid"]
            events.append((ns, int(m["cpu"]), m["event"], m["body"]))
    if not events:
        raise SystemExit("no events: was the trace taken with trace-sched.sh?")

    # Each CPU's time from one switch to the next belongs to the task switched in. A task whose
    # own lines never appear (another pid namespace) is known by its name only.
    use = collections.defaultdict(collections.Counter)
    running = {}
    for ns, cpu, event, body in events:
        if event != "sched_switch":
            continue
        if cpu in running:
            since, who = running[cpu]
            t = since
            while t < ns:
                slot = t // SLOT_NS
                end = min(ns, (slot + 1) * SLOT_NS)
                use[slot][who] += end - t
                t = end
        pid = re.search(r"next_pid=(\d+)", body)[1]
        comm = re.search(r"next_comm=(.*) next_pid", body)[1]
        running[cpu] = (ns, kind(pid, comm, tgids.get(pid, "?"), server, tool))

    first, last = events[0][0], events[-1][0]
    digs = [(int(r["sent_ns"]), int(r["round_trip_us"]) * 1000) for r in csv.DictReader(lines)]
    digs = [(s, rt) for s, rt in digs if s >= first and s + rt <= last]
    if not digs:
        raise SystemExit("no dig of the log falls inside the trace")
    threshold = sorted(rt for _, rt in digs)[int(len(digs) * args.quantile)]
    slow = [d for d in digs if d[1] >= threshold]
    rest = [d for d in digs if d[1] < threshold]

    def shares(selection):
        total = collections.Counter()
        for sent, rt in selection:
            for slot in range(sent // SLOT_NS, (sent + rt) // SLOT_NS + 1):
                total.update(use[slot])
        whole = sum(total.values()) or 1
        return {k: v / whole for k, v in total.items()}

    print(f"{len(digs)} digs inside {(last - first) / 1e9:.1f} s of trace; p{args.quantile * 100:g} {threshold / 1e6:.2f} ms")
    slices = {sent // 50_000_000 for sent, _ in slow}
    print(f"the {len(slow)} slowest were sent in {len(slices)} of {(last - first) // 50_000_000 + 1} 50 ms slices")
    a, b = shares(slow), shares(rest)
    print(f"{'share of both CPUs':32} {'slowest':>8} {'rest':>8}")
    for k in sorted(set(a) | set(b), key=lambda k: -(a.get(k, 0) + b.get(k, 0)))[:15]:
        print(f"{k[:32]:32} {a.get(k, 0) * 100:7.1f}% {b.get(k, 0) * 100:7.1f}%")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""The journal's batches over a run, from the JOURNAL_STATS file of commit-delay.patch.

The patched server appends one line a second: the time (UTC), then running totals of batches
committed, records written, and the journal thread's own CPU (nanoseconds) in the store and in
releasing the batches (the broadcasts). This prints, between two of those lines, the batches a
second, the records in a batch, and the thread's CPU per batch and per record in each part
(docs/performance.md, round 18).

usage: journal-batches.py STATS --run RUN.json
       journal-batches.py STATS [--skip 12] [--drop 2]
  --run:  the load tool's --json of the same run: its measured window (the report is written as
          the window ends), from the first line inside it to the last
  --skip, --drop: without --run, lines left out at the start (set-up and warm-up) and at the end
"""
import argparse
import datetime
import json

parser = argparse.ArgumentParser()
parser.add_argument("stats")
parser.add_argument("--run")
parser.add_argument("--skip", type=int, default=12)
parser.add_argument("--drop", type=int, default=2)
args = parser.parse_args()

lines = [line.split() for line in open(args.stats) if line.strip()]
if args.run:
    report = json.load(open(args.run))
    end = datetime.datetime.fromisoformat(report["at"]).astimezone(datetime.timezone.utc)
    start = end - datetime.timedelta(seconds=report["result"]["windowSeconds"])

    def time_of(line):
        clock = datetime.datetime.strptime(line[0], "%H:%M:%S.%f").time()
        return datetime.datetime.combine(end.date(), clock, datetime.timezone.utc)

    window = [line for line in lines if start <= time_of(line) <= end]
else:
    window = lines[args.skip:len(lines) - args.drop]

if len(window) < 2:
    raise SystemExit(f"{args.stats}: {len(lines)} lines, fewer than two in the window")

first, last = window[0], window[-1]
batches, records, store, release = (int(last[i]) - int(first[i]) for i in range(1, 5))
seconds = len(window) - 1
print(f"{first[0]}-{last[0]}: {batches / seconds:.0f} batches a second, {records / batches:.1f} records a batch; "
      f"journal thread CPU in the store {store / 1e3 / batches:.0f} us a batch ({store / 1e3 / records:.2f} a record), "
      f"in the releases {release / 1e3 / batches:.0f} us a batch ({release / 1e3 / records:.2f} a record)")

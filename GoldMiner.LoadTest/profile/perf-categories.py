#!/usr/bin/env python3
"""Groups a flat `perf report --no-children --sort dso,sym -g none` listing of the server into
the cost categories docs/performance.md uses. Usage: perf-categories.py flat.txt"""
import re
import sys

RULES = [
    # "(^|_)sk_", not "sk_": finish_task_switch (a context switch) is no socket.
    ("kernel", r"tcp|ip_|sock|skb|net_|napi|inet|__dev|loopback|softirq|(^|_)sk_|__sys_send|__sys_recv", "kernel: TCP over loopback"),
    ("kernel", r"ext4|jbd|blk|bio|folio|write_begin|iowrite|virtio|fsync|filemap|generic_perform|vfs_write", "kernel: file writes, fsync"),
    ("kernel", r"sched|switch|futex|yield|epoll|wake|idle|hrtimer|poll", "kernel: scheduling, epoll, futex"),
    ("kernel", r".", "kernel: syscall entry and other"),
    ("sqlite", r".", "SQLite (native)"),
    ("jitcompiler", r".", "CLR JIT compiler (tiering up hot code)"),
    ("coreclr", r".", "CLR runtime: GC, casts, stubs"),
    ("libc", r".", "libc (memset, memcpy, sched_yield, locks)"),
    ("jit", r"Newtonsoft", "managed: Newtonsoft.Json"),
    ("jit", r"Sqlite|SQLitePCL", "managed: Microsoft.Data.Sqlite"),
    ("jit", r"WebSockets", "managed: WebSocket framing"),
    ("jit", r"GoldMiner", "managed: GoldMiner code"),
    ("jit", r"Kestrel|AspNetCore|Pipelines", "managed: Kestrel, pipes"),
    ("jit", r"Net\.Sockets", "managed: System.Net.Sockets"),
    ("jit", r"Threading|ThreadPool|Channels|Tasks", "managed: tasks, thread pool, channels"),
    ("jit", r".", "managed: other (BCL, stubs)"),
]


def kind(dso):
    if dso.startswith("[kernel"):
        return "kernel"
    if "sqlite" in dso:
        return "sqlite"
    if "coreclr" in dso:
        return "coreclr"
    # Before libc: libclrjit.so starts with "libc" too.
    if "clrjit" in dso:
        return "jitcompiler"
    if dso.startswith("libc"):
        return "libc"
    if dso.startswith("[JIT]") or dso.endswith(".dll"):
        return "jit"
    return "other"


totals = {}
for line in open(sys.argv[1]):
    m = re.match(r"\s*([\d.]+)%\s+(.*?)\s{2,}\[(.)\]\s+(.*)", line)
    if not m:
        continue
    pct, dso, sym = float(m.group(1)), m.group(2).strip(), m.group(4)
    k = kind(dso)
    name = "other: " + dso
    for rule_kind, pattern, label in RULES:
        if rule_kind == k and re.search(pattern, sym):
            name = label
            break
    totals[name] = totals.get(name, 0) + pct

for name, pct in sorted(totals.items(), key=lambda x: -x[1]):
    print(f"{pct:6.1f}%  {name}")

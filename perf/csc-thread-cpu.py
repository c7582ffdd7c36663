#!/usr/bin/env python3
"""CPU time of one compiler run, by thread kind (docs/performance.md, "Analyzers in the build").

Usage: python3 perf/csc-thread-cpu.py <project dir> <csc response file> [csc.dll]

Runs `dotnet exec csc.dll @<response file>` in the project directory and reads every thread's CPU time
(user + system) from /proc while it runs, then sums it by thread name: the .NET runtime names its threads
(".NET TP Worker" for the thread pool that compiles and runs analyzers, ".NET Tiered Com" for the
background JIT that recompiles hot methods, ".NET Server GC", ".NET BGC"; "dotnet" is the main thread).
A compiler callback timer cannot see the JIT and GC threads; this can. Linux only. Threads are read every
0.2 s, so a thread that ends loses at most its last 0.2 s.
"""
import collections
import os
import subprocess
import sys
import time

DEFAULT_CSC = "/usr/share/dotnet/sdk/10.0.401/Roslyn/bincore/csc.dll"
TICKS = os.sysconf("SC_CLK_TCK")


def read_threads(pid: int, threads: dict[str, tuple[str, float]]) -> None:
    """Records (name, CPU seconds so far) of every live thread of the process, by thread id.
    Also used by perf/paired-csc-threads.py."""
    try:
        tids = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return
    for tid in tids:
        try:
            with open(f"/proc/{pid}/task/{tid}/stat") as stat:
                text = stat.read()
        except OSError:
            continue
        fields = text[text.rindex(")") + 2:].split()
        threads[tid] = (text[text.index("(") + 1:text.rindex(")")], (int(fields[11]) + int(fields[12])) / TICKS)


def main() -> int:
    if len(sys.argv) < 3:
        print(__doc__)
        return 2
    project, rsp = sys.argv[1], os.path.abspath(sys.argv[2])
    csc = sys.argv[3] if len(sys.argv) > 3 else DEFAULT_CSC
    threads: dict[str, tuple[str, float]] = {}
    started = time.monotonic()
    process = subprocess.Popen(["dotnet", "exec", csc, "@" + rsp], cwd=project,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    while process.poll() is None:
        read_threads(process.pid, threads)
        time.sleep(0.2)
    elapsed = time.monotonic() - started
    by_name = collections.Counter()
    for name, cpu in threads.values():
        by_name[name] += cpu
    parts = ", ".join(f"{name}={cpu:.1f}" for name, cpu in by_name.most_common() if cpu >= 0.05)
    print(f"{os.path.basename(rsp)}: exit {process.returncode}, elapsed {elapsed:.1f} s, CPU {sum(by_name.values()):.1f} s: {parts}")
    return process.returncode


if __name__ == "__main__":
    sys.exit(main())

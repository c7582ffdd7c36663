#!/usr/bin/env python3
"""Compiler runs with and without the analyzers in pairs that share one CPU, with the CPU time of
each run split by thread kind (docs/performance.md, "Analyzers in the build").

Usage: python3 perf/paired-csc-threads.py <pairs per CPU> <with dir> <without dir>

Each directory is a copy of the generated project holding the compiler's response file for its
configuration: `csc-on.rsp` in the first, `csc-off.rsp` in the second (how to make them: the
"Analyzers in the build" section). For each CPU the script makes its own two copies
(`<dir>-cpu0`, `<dir>-cpu1`), then runs one pipeline of pairs per CPU: the two compilers start
together pinned to the same CPU, so the machine's drift touches both alike, and when one ends a
filler run of its configuration keeps the CPU shared until the other ends (killed, not counted).
Every 0.2 s it reads each thread's CPU time from /proc (as perf/csc-thread-cpu.py does) and sums it
by kind: "pool" (".NET TP Worker": compiling and the analyzers' callbacks), "jit" (".NET Tiered
Com", the background JIT that recompiles hot methods), "gc", "main" (the compiler's main thread,
which also takes part in the parallel compile). Prints each pair and the mean differences.
"""
import collections
import importlib.util
import os
import shutil
import subprocess
import sys
import threading
import time

# The /proc reader of perf/csc-thread-cpu.py (a hyphenated file name, so loaded by path).
_single = importlib.util.spec_from_file_location("csc_thread_cpu", os.path.join(os.path.dirname(os.path.abspath(__file__)), "csc-thread-cpu.py"))
csc_thread_cpu = importlib.util.module_from_spec(_single)
_single.loader.exec_module(csc_thread_cpu)
read_threads = csc_thread_cpu.read_threads
CSC = csc_thread_cpu.DEFAULT_CSC
KINDS = ["total", "pool", "jit", "gc", "main", "other"]


def kind(name: str) -> str:
    if name.startswith(".NET TP Worker"):
        return "pool"
    if name.startswith(".NET Tiered"):
        return "jit"
    if "GC" in name:
        return "gc"
    return "main" if name == "dotnet" else "other"


def start(directory: str, rsp: str, cpu: int) -> subprocess.Popen:
    return subprocess.Popen(["taskset", "-c", str(cpu), "dotnet", "exec", CSC, "@" + rsp], cwd=directory,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def run_pair(cpu: int, directories: dict, with_first: bool) -> dict:
    order = ["with", "without"] if with_first else ["without", "with"]
    processes = {name: start(directories[name], RSP[name], cpu) for name in order}
    threads = {name: {} for name in processes}
    ended, filler = set(), None
    while len(ended) < 2:
        for name, process in processes.items():
            if name in ended:
                continue
            read_threads(process.pid, threads[name])
            if process.poll() is not None:
                ended.add(name)
                if len(ended) == 1:
                    filler = start(directories[name], RSP[name], cpu)
        time.sleep(0.2)
    if filler is not None:
        filler.kill()
        filler.wait()
    result = {}
    for name, seen in threads.items():
        by_kind = collections.Counter()
        for thread_name, seconds in seen.values():
            by_kind[kind(thread_name)] += seconds
        by_kind["total"] = sum(by_kind.values())
        result[name] = by_kind
    return result


RSP = {"with": "csc-on.rsp", "without": "csc-off.rsp"}


def main() -> int:
    if len(sys.argv) < 4:
        print(__doc__)
        return 2
    pairs = int(sys.argv[1])
    sources = {"with": os.path.abspath(sys.argv[2]), "without": os.path.abspath(sys.argv[3])}
    copies = {}
    for cpu in (0, 1):
        copies[cpu] = {}
        for name, source in sources.items():
            target = f"{source}-cpu{cpu}"
            if os.path.exists(target):
                shutil.rmtree(target)
            shutil.copytree(source, target)
            copies[cpu][name] = target
    lock, rows = threading.Lock(), []

    def worker(cpu: int) -> None:
        for number in range(pairs):
            result = run_pair(cpu, copies[cpu], (number + cpu) % 2 == 0)
            with lock:
                rows.append(result)
                print(f"cpu{cpu} " + "  ".join(
                    f"{k}: {result['with'][k]:.1f}/{result['without'][k]:.1f} ({result['with'][k] - result['without'][k]:+.1f})"
                    for k in KINDS), flush=True)

    workers = [threading.Thread(target=worker, args=(cpu,)) for cpu in (0, 1)]
    for thread in workers:
        thread.start()
    for thread in workers:
        thread.join()
    print(f"{len(rows)} pairs; mean with - without, s of CPU: " + "  ".join(
        f"{k} {sum(r['with'][k] - r['without'][k] for r in rows) / len(rows):+.2f}" for k in KINDS))
    print("mean without, s of CPU: " + "  ".join(f"{k} {sum(r['without'][k] for r in rows) / len(rows):.1f}" for k in KINDS))
    return 0


if __name__ == "__main__":
    sys.exit(main())

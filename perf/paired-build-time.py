#!/usr/bin/env python3
"""Build time with and without the ServicePolicy analyzers, measured in simultaneous pairs
(docs/performance.md, "Analyzers in the build").

Usage: python3 perf/paired-build-time.py [--same-cpu] <generated project dir> <pairs> [work dir]
       python3 perf/paired-build-time.py --summarize <output of earlier runs>...

Why pairs: on a shared virtual machine the speed of the same build drifts by up to 40% from one
run to the next (other tenants, host frequency), more than the effect being measured. Two builds
that run at the same moment see the same drift. So each pair runs the two configurations side by
side, each pinned to its own CPU with `taskset`, and the pair's ratio cancels what the machine did
meanwhile. The configuration, the copy of the project and the CPU rotate through all four
combinations, so a faster CPU or a faster directory favours neither side.

`--same-cpu` (recommended): both builds of a pair share ONE CPU, time-sliced by the kernel, and a
second pair runs on the other CPU at the same time. On this machine the two virtual CPUs drift
apart by up to 45% (a fixed loop pinned to each at the same moment), so builds on different CPUs
do not see the same machine; two processes that share one CPU do (the same loop's ratio stayed
within 0.2%). When one build of a pair ends first, a filler build of its configuration takes its
place on the CPU until the other ends, so the longer build never runs alone on a quieter CPU; the
filler is killed and not counted. Each CPU runs its own sequence of pairs in its own two copies of
the project (the first pair of each is a warm-up); the copy and the order of starting alternate.

Each build is a full one: `dotnet build -c Release --no-incremental --no-restore -m:1
-nodeReuse:false -p:UseSharedCompilation=false -p:WithServicePolicy=true|false`, the same
command as the sequential figures, on one CPU each. The script copies the project (sources and
policy, not bin/obj) into two directories under the work dir (default /tmp/paired-build; four with
`--same-cpu`), restores each once and builds each once to warm the disk cache, then runs the pairs. It prints every pair,
then the ratios (with / without) of wall time and of CPU time (user + system of the whole process
tree): median, mean, and the mean's 95% interval (Student's t). `--summarize` reads the pair lines of
earlier runs' output and prints the same summary over all of them, so series can be pooled.
"""
import os
import shutil
import signal
import statistics
import subprocess
import sys
import threading
import time

# Student t quantiles (two-sided 95%) by degrees of freedom; beyond 30, 2.02 errs on the wide side up to 40.
T95 = {1: 12.71, 2: 4.30, 3: 3.18, 4: 2.78, 5: 2.57, 6: 2.45, 7: 2.36, 8: 2.31, 9: 2.26, 10: 2.23,
       11: 2.20, 12: 2.18, 13: 2.16, 14: 2.14, 15: 2.13, 16: 2.12, 17: 2.11, 18: 2.10, 19: 2.09, 20: 2.09,
       21: 2.08, 22: 2.07, 23: 2.07, 24: 2.06, 25: 2.06, 26: 2.06, 27: 2.05, 28: 2.05, 29: 2.05, 30: 2.04}


def build_command(with_analyzers: bool) -> list[str]:
    return ["dotnet", "build", "-c", "Release", "--no-incremental", "--no-restore", "-m:1",
            "-nodeReuse:false", "-p:UseSharedCompilation=false",
            f"-p:WithServicePolicy={'true' if with_analyzers else 'false'}"]


def start(directory: str, cpu: int, with_analyzers: bool) -> tuple[subprocess.Popen, float]:
    with open(os.path.join(directory, "build.log"), "w") as log:
        # The child keeps its own copy of the file descriptor; ours can close at once.
        process = subprocess.Popen(["taskset", "-c", str(cpu)] + build_command(with_analyzers),
                                   cwd=directory, stdout=log, stderr=subprocess.STDOUT)
    return process, time.monotonic()


def wait_all(running: dict[int, tuple[subprocess.Popen, float]]) -> dict[int, tuple[float, float]]:
    """Waits for every process; returns pid -> (wall seconds, CPU seconds of its whole tree)."""
    results = {}
    while len(results) < len(running):
        pid, status, usage = os.wait4(-1, 0)
        if pid not in running:
            continue
        if os.waitstatus_to_exitcode(status) != 0:
            raise SystemExit(f"a build failed (pid {pid}); see build.log in its directory")
        wall = time.monotonic() - running[pid][1]
        # wait4's usage covers the process and every descendant it waited for (MSBuild, csc).
        results[pid] = (wall, usage.ru_utime + usage.ru_stime)
    return results


def start_in_session(directory: str, cpu: int, with_analyzers: bool, log_name: str) -> subprocess.Popen:
    with open(os.path.join(directory, log_name), "w") as log:
        # Its own session, so that a filler can be killed with every process it started.
        return subprocess.Popen(["taskset", "-c", str(cpu)] + build_command(with_analyzers), cwd=directory,
                                stdout=log, stderr=subprocess.STDOUT, start_new_session=True)


def kill_tree(process: subprocess.Popen) -> None:
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


def run_pair_on_cpu(cpu: int, with_copy: str, without_copy: str, with_first: bool) -> tuple[float, float, float, float]:
    """Runs one pair sharing one CPU; returns (with wall, with CPU, without wall, without CPU)."""
    order = [(with_copy, True), (without_copy, False)]
    running = {}
    for directory, with_analyzers in (order if with_first else order[::-1]):
        process = start_in_session(directory, cpu, with_analyzers, "build.log")
        # Keep the Popen: one that is dropped while running is reaped by subprocess's own cleanup.
        running[process.pid] = (with_analyzers, directory, time.monotonic(), process)
    results: dict[bool, tuple[float, float]] = {}
    filler = None
    try:
        while len(results) < 2:
            time.sleep(0.2)
            for pid, (with_analyzers, directory, started, _) in running.items():
                if with_analyzers in results:
                    continue
                # wait4 on this pid only: the other CPU's worker reaps its own children.
                done, status, usage = os.wait4(pid, os.WNOHANG)
                if done == 0:
                    continue
                if os.waitstatus_to_exitcode(status) != 0:
                    raise SystemExit(f"a build failed (pid {pid}); see build.log in {directory}")
                # wait4's usage covers the process and every descendant it waited for (MSBuild, csc).
                results[with_analyzers] = (time.monotonic() - started, usage.ru_utime + usage.ru_stime)
                if len(results) == 1:
                    # Keep the CPU shared until the partner ends: the same configuration, in the same copy.
                    filler = start_in_session(directory, cpu, with_analyzers, "filler.log")
    finally:
        if filler is not None:
            kill_tree(filler)
            filler.wait()
    return results[True] + results[False]


def main_same_cpu(source: str, pairs: int, work: str) -> int:
    copies = [os.path.join(work, name) for name in ("a0", "a1", "b0", "b1")]
    subprocess.run(["dotnet", "build-server", "shutdown"], stdout=subprocess.DEVNULL, check=False)
    for copy in copies:
        copy_project(source, copy)
    print("pair\twith: copy cpu wall cpu-time\twithout: copy cpu wall cpu-time\twall ratio\tcpu ratio", flush=True)
    wall_ratios, cpu_ratios = [], []
    lock = threading.Lock()

    def worker(cpu: int) -> None:
        # Each CPU runs its own sequence of pairs, so neither waits for the other's slower pair.
        # Its first pair is a warm-up (disk cache, first JIT of MSBuild's tasks) and is not counted.
        for number in range(-1, pairs):
            with lock:
                if len(cpu_ratios) >= pairs:
                    return
            swap, with_first = number % 2, (number // 2) % 2 == cpu
            with_copy, without_copy = 2 * cpu + swap, 2 * cpu + 1 - swap
            with_wall, with_time, without_wall, without_time = run_pair_on_cpu(
                cpu, copies[with_copy], copies[without_copy], with_first)
            if number < 0:
                continue
            with lock:
                if len(cpu_ratios) >= pairs:
                    return
                wall_ratios.append(with_wall / without_wall)
                cpu_ratios.append(with_time / without_time)
                print(f"{len(cpu_ratios)}\t{with_copy} {cpu} {with_wall:.1f} {with_time:.1f}\t"
                      f"{without_copy} {cpu} {without_wall:.1f} {without_time:.1f}\t"
                      f"{wall_ratios[-1] - 1:+.1%}\t{cpu_ratios[-1] - 1:+.1%}", flush=True)

    workers = [threading.Thread(target=worker, args=(cpu,)) for cpu in (0, 1)]
    for thread in workers:
        thread.start()
    for thread in workers:
        thread.join()
    print(summarize("wall time with analyzers", wall_ratios))
    print(summarize("CPU time with analyzers", cpu_ratios))
    return 0


def copy_project(source: str, target: str) -> None:
    if os.path.exists(target):
        shutil.rmtree(target)
    shutil.copytree(source, target, ignore=shutil.ignore_patterns("bin", "obj", "*.log"))
    subprocess.run(["dotnet", "restore"], cwd=target, check=True, stdout=subprocess.DEVNULL)


def summarize(name: str, ratios: list[float]) -> str:
    mean = statistics.fmean(ratios)
    text = f"{name}: median {statistics.median(ratios) - 1:+.1%}, mean {mean - 1:+.1%}"
    if len(ratios) > 1:
        half = T95.get(len(ratios) - 1, 2.02) * statistics.stdev(ratios) / len(ratios) ** 0.5
        text += f" (95% interval {mean - half - 1:+.1%} to {mean + half - 1:+.1%})"
    text += f", pairs from {min(ratios) - 1:+.1%} to {max(ratios) - 1:+.1%}"
    return text


def summarize_logs(paths: list[str]) -> int:
    wall_ratios, cpu_ratios = [], []
    for path in paths:
        with open(path) as log:
            for line in log:
                columns = line.rstrip("\n").split("\t")
                if len(columns) == 5 and columns[0].isdigit():
                    with_wall, with_time = map(float, columns[1].split()[2:4])
                    without_wall, without_time = map(float, columns[2].split()[2:4])
                    wall_ratios.append(with_wall / without_wall)
                    cpu_ratios.append(with_time / without_time)
    print(f"{len(wall_ratios)} pairs from {len(paths)} run(s)")
    print(summarize("wall time with analyzers", wall_ratios))
    print(summarize("CPU time with analyzers", cpu_ratios))
    return 0


def main() -> int:
    if len(sys.argv) >= 3 and sys.argv[1] == "--summarize":
        return summarize_logs(sys.argv[2:])
    arguments = sys.argv[1:]
    same_cpu = "--same-cpu" in arguments
    arguments = [a for a in arguments if a != "--same-cpu"]
    if len(arguments) < 2:
        print(__doc__)
        return 2
    source, pairs = os.path.abspath(arguments[0]), int(arguments[1])
    work = arguments[2] if len(arguments) > 2 else "/tmp/paired-build"
    if same_cpu:
        return main_same_cpu(source, pairs, work)
    copies = [os.path.join(work, "left"), os.path.join(work, "right")]
    subprocess.run(["dotnet", "build-server", "shutdown"], stdout=subprocess.DEVNULL, check=False)
    for copy in copies:
        copy_project(source, copy)
    # Warm-up: one build of each configuration, side by side, not counted.
    wait_all({p.pid: (p, t) for p, t in (start(copies[0], 0, True), start(copies[1], 1, False))})

    wall_ratios, cpu_ratios = [], []
    print("pair\twith: copy cpu wall cpu-time\twithout: copy cpu wall cpu-time\twall ratio\tcpu ratio")
    for pair in range(pairs):
        with_copy, with_cpu = pair % 2, (pair // 2) % 2
        with_build = start(copies[with_copy], with_cpu, True)
        without_build = start(copies[1 - with_copy], 1 - with_cpu, False)
        results = wait_all({with_build[0].pid: with_build, without_build[0].pid: without_build})
        (with_wall, with_time), (without_wall, without_time) = results[with_build[0].pid], results[without_build[0].pid]
        wall_ratios.append(with_wall / without_wall)
        cpu_ratios.append(with_time / without_time)
        print(f"{pair + 1}\t{with_copy} {with_cpu} {with_wall:.1f} {with_time:.1f}\t"
              f"{1 - with_copy} {1 - with_cpu} {without_wall:.1f} {without_time:.1f}\t"
              f"{wall_ratios[-1] - 1:+.1%}\t{cpu_ratios[-1] - 1:+.1%}", flush=True)
    print(summarize("wall time with analyzers", wall_ratios))
    print(summarize("CPU time with analyzers", cpu_ratios))
    return 0


if __name__ == "__main__":
    sys.exit(main())

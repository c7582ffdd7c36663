#!/usr/bin/env python3
"""Share of a compiler run's CPU samples spent inside the ServicePolicy analyzers
(docs/performance.md, "Analyzers in the build").

Usage:
  cd /tmp/sp-large
  DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0 perf record -F 499 -e cpu-clock -g -o on.data -- \\
      dotnet exec /usr/share/dotnet/sdk/10.0.401/Roslyn/bincore/csc.dll @csc-on.rsp
  perf script -i on.data -F comm,tid,ip,sym,dso | python3 perf/perf-analyzer-share.py [top]

Why: runs of the same build differ by up to 40% on a shared virtual machine, so comparing a build
with the analyzers against one without cannot resolve a few percent. Within one run, the share of
samples whose call stack holds an analyzer frame does not depend on how fast the machine was.
It counts everything the analyzers' callbacks do, including the compiler APIs they call and the
JIT compiling their methods on first call. It does not see work done on other threads because of
them (the background JIT's later recompilation, garbage collection of what they allocated).

`DOTNET_PerfMapEnabled=1` makes the runtime write /tmp/perf-<pid>.map so perf can name JIT-compiled
methods; `DOTNET_EnableWriteXorExecute=0` keeps their code at addresses that map describes. The
map names each method's JIT tier too ([QuickJitted] is tier 0, [OptimizedTier1], [Optimized]).
Prints the share, then the analyzer methods that were innermost when sampled ("where the time is
spent") with the tier of their code.
"""
import collections
import re
import sys

# A JIT-compiled method is named in the perf map with its assembly in brackets; precompiled (ReadyToRun) code
# has no map entry, and perf names the image it lies in instead: "[unknown] (.../ServicePolicy.Core.dll)".
OURS = re.compile(r"\[(ServicePolicy\.Analyzers|ServicePolicy\.Core|YamlDotNet)\]"
                  r"|/(ServicePolicy\.Analyzers|ServicePolicy\.Core|ServicePolicy\.YamlDotNet|YamlDotNet)\.dll\)")
IMAGE = re.compile(r"/([\w.]+\.dll)\)")
METHOD = re.compile(r"\] ([\w.+`<>]+::[\w.<>`]+)")
TIER = re.compile(r"\[(QuickJitted|OptimizedTier1|OptimizedTier1OSR|Optimized|InstrumentedTier\w*)\]")


def samples(lines):
    stack = []
    for line in lines:
        if not line.strip():
            if stack:
                yield stack
            stack = []
        elif line[0] in " \t":
            stack.append(line.strip())
    if stack:
        yield stack


def main() -> int:
    top = int(sys.argv[1]) if len(sys.argv) > 1 else 15
    total = ours = 0
    innermost = collections.Counter()
    for stack in samples(sys.stdin):
        total += 1
        frames = [frame for frame in stack if OURS.search(frame)]
        if not frames:
            continue
        ours += 1
        method = METHOD.search(frames[0])
        tier = TIER.search(frames[0])
        image = IMAGE.search(frames[0])
        if method:
            innermost[(method.group(1), tier.group(1) if tier else "?")] += 1
        else:
            innermost[(f"(precompiled code of {image.group(1) if image else frames[0]})", "ReadyToRun")] += 1
    if total == 0:
        print("no samples read")
        return 1
    print(f"{total} samples, {ours} with an analyzer frame on the stack: {ours / total:.2%}")
    for (method, tier), count in innermost.most_common(top):
        print(f"{count:7d} {count / ours:6.1%}  {method} [{tier}]")
    return 0


if __name__ == "__main__":
    sys.exit(main())

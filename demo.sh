#!/usr/bin/env bash
# ServicePolicy in one command: the same YAML policy (policies/service-ethics.yaml) enforced
#   1. at build time: the analyzers scan samples/SupportDesk.Unsafe, a help desk written carelessly,
#      and report what breaks the policy, grouped by principle;
#   2. at run time: samples/SupportDesk, the same help desk written with the engine, answers a
#      scripted series of requests; every refusal comes with the policy's explanation.
# Exit code 0 when both halves showed what they should (the scan found violations, the app gave
# every expected answer); 1 otherwise; 2 when something could not be built.
set -uo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

configuration=Release
policy=policies/service-ethics.yaml

banner() { printf '\n%s\n%s\n' "$1" "$(printf '%*s' "${#1}" '' | tr ' ' '=')"; }
SECONDS=0

banner "Building the servicepolicy tool and the SupportDesk sample ($configuration)"
# Built once, then run from the build output. Building SupportDesk runs the analyzers on it: the safe
# sample must come out with no finding (warnings are errors in this repository).
# One build of both projects (samples/SupportDesk/demo.slnf) so that they share one restore and
# build in parallel. Each project is named as it is done; the full log is shown only on failure.
build_log="$(mktemp)"
trap 'rm -f "$build_log"' EXIT
echo "Restoring and compiling (the first run compiles six projects; later runs reuse them) ..."
dotnet build samples/SupportDesk/demo.slnf -c "$configuration" -nologo -v minimal -clp:NoSummary 2>&1 \
  | tee "$build_log" \
  | sed -un -e 's#^ *Restored .*/\([^/]*\)\.csproj.*#  restored \1#p' -e 's#^ *\([A-Za-z.]*\) -> .*#  compiled \1#p'
if [ "${PIPESTATUS[0]}" -ne 0 ]; then
  cat "$build_log" >&2
  echo "demo.sh: the build failed." >&2
  exit 2
fi
echo "Built in ${SECONDS}s. SupportDesk compiled with the ServicePolicy analyzers and no findings."
built_at=$SECONDS

# The built programs are started directly: `dotnet run` would evaluate each project again first.
servicepolicy=(dotnet "src/ServicePolicy.Cli/bin/$configuration/net10.0/ServicePolicy.Cli.dll")
supportdesk=(dotnet "samples/SupportDesk/bin/$configuration/net10.0/SupportDesk.dll")

banner "1/2 Build time: scanning samples/SupportDesk.Unsafe against $policy"
"${servicepolicy[@]}" scan samples/SupportDesk.Unsafe --no-build --policy "$policy" --fail-on warning
scan_status=$?
# servicepolicy exit codes: 0 clean, 1 findings at or above --fail-on, 2 bad usage or unreadable input.
# Here findings are the expected outcome: the unsafe sample breaks every rule on purpose.
case "$scan_status" in
  1) echo "As intended: the careless code breaks the policy, and the scan says where and why.";;
  0) echo "demo.sh: the scan found nothing in the unsafe sample; the analyzers are not working." >&2; exit 1;;
  *) echo "demo.sh: the scan failed (exit code $scan_status)." >&2; exit 2;;
esac

scanned_at=$SECONDS

banner "2/2 Run time: SupportDesk answers scripted requests with the engine"
"${supportdesk[@]}" --demo
demo_status=$?
if [ "$demo_status" -ne 0 ]; then
  echo "demo.sh: the SupportDesk demo got unexpected answers (exit code $demo_status)." >&2
  exit 1
fi

echo
echo "Done in ${SECONDS}s (build ${built_at}s, scan $((scanned_at - built_at))s, requests $((SECONDS - scanned_at))s):"
echo "the same policy refused the careless code at build time and the careless requests at run time."

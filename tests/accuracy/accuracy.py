#!/usr/bin/env python3
"""Recall and precision of `servicepolicy scan --no-build` on public applications.

For each application in tests/accuracy/apps.tsv: scans the checked-out repository with the
policy in tests/accuracy/<app>/servicepolicy.yaml, and compares the SP findings with the findings
labelled by hand in tests/accuracy/<app>/expected.tsv (written before any scan).

A finding is a true positive when its rule and file:line are one of a label's locations;
recall = labels found / labels, precision = findings that match a label / findings.

Usage:
  tests/accuracy/accuracy.py --apps /tmp/accuracy-apps [--clone] [--cli path/ServicePolicy.Cli.dll] [--verbose]

--apps holds one folder per application, named as in apps.tsv, checked out at the recorded
commit; --clone clones (and checks out) the missing ones with git.
"""
import argparse
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, "..", ".."))
RULES = {"SP1001", "SP1002", "SP2001", "SP3001"}


def read_apps():
    apps = []
    with open(os.path.join(HERE, "apps.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.strip() and not line.startswith("#"):
                name, repository, commit, folder = line.rstrip("\n").split("\t")
                apps.append({"name": name, "repository": repository, "commit": commit, "folder": folder})
    return apps


def read_labels(name):
    labels = []
    with open(os.path.join(HERE, name, "expected.tsv"), encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            if not line.strip() or line.startswith("#"):
                continue
            rule, locations, why = line.rstrip("\n").split("\t")
            places = set()
            for location in locations.split("|"):
                path, _, row = location.strip().rpartition(":")
                places.add((path, int(row)))
            labels.append({"rule": rule, "places": places, "why": why, "line": number})
    return labels


def clone(app, target):
    url = f"https://github.com/{app['repository']}.git"
    subprocess.run(["git", "clone", "--quiet", url, target], check=True)
    subprocess.run(["git", "-C", target, "checkout", "--quiet", app["commit"]], check=True)


def scan(cli, app_root, folder, policy):
    command = ["dotnet", cli, "scan", os.path.join(app_root, folder), "--no-build", "--policy", policy, "--format", "json"]
    result = subprocess.run(command, capture_output=True, text=True, cwd=app_root)
    if result.returncode not in (0, 1):
        sys.exit(f"scan failed with exit code {result.returncode}:\n{result.stderr}")
    return json.loads(result.stdout)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--apps", required=True, help="folder holding one checkout per application")
    parser.add_argument("--clone", action="store_true", help="clone missing applications with git")
    parser.add_argument("--cli", default=os.path.join(REPO, "src", "ServicePolicy.Cli", "bin", "Release", "net10.0", "ServicePolicy.Cli.dll"))
    parser.add_argument("--verbose", action="store_true", help="list every miss and false positive")
    args = parser.parse_args()
    if not os.path.exists(args.cli):
        sys.exit(f"{args.cli}: not built; run `dotnet build src/ServicePolicy.Cli -c Release` first")

    print(f"{'app':<12} {'labels':>6} {'found':>6} {'findings':>8} {'true':>5} {'recall':>7} {'precision':>9}  binding")
    for app in read_apps():
        root = os.path.join(os.path.abspath(args.apps), app["name"])
        if not os.path.isdir(root):
            if not args.clone:
                sys.exit(f"{root}: missing; check out {app['repository']} at {app['commit']} there, or pass --clone")
            clone(app, root)
        report = scan(args.cli, root, app["folder"], os.path.join(HERE, app["name"], "servicepolicy.yaml"))
        labels = read_labels(app["name"])
        findings = []
        for finding in report["findings"]:
            if finding["id"] in RULES:
                path = os.path.relpath(os.path.join(root, finding["file"]), root) if not os.path.isabs(finding["file"]) else os.path.relpath(finding["file"], root)
                findings.append((finding["id"], path.replace(os.sep, "/"), finding["line"], finding["message"]))
        found = [l for l in labels if any(f[0] == l["rule"] and (f[1], f[2]) in l["places"] for f in findings)]
        true = [f for f in findings if any(f[0] == l["rule"] and (f[1], f[2]) in l["places"] for l in labels)]
        recall = len(found) / len(labels) if labels else 1.0
        precision = len(true) / len(findings) if findings else float("nan")
        projects = report.get("projects", [])
        low = sum(1 for p in projects if not p["trusted"])
        names = sum(p["names"] for p in projects)
        unresolved = sum(p["unresolvedNames"] for p in projects)
        bound = 100.0 * (names - unresolved) / names if names else 100.0
        print(f"{app['name']:<12} {len(labels):>6} {len(found):>6} {len(findings):>8} {len(true):>5} {recall:>7.0%} {precision:>9.0%}  "
              f"{bound:.1f}% of names bound, {low} of {len(projects)} projects low, {report['linesScanned']:,} lines")
        if args.verbose:
            for label in labels:
                if label not in found:
                    print(f"  missed   {label['rule']} {' | '.join(f'{p}:{r}' for p, r in sorted(label['places']))}  ({label['why']})")
            for finding in findings:
                if finding not in true:
                    print(f"  false +  {finding[0]} {finding[1]}:{finding[2]}  {finding[3]}")
            for finding in report["findings"]:
                if finding["id"] not in RULES and not finding["id"].startswith("SP9"):
                    print(f"  scan     {finding['id']} {finding['file']}: {finding['message'][:200]}")


if __name__ == "__main__":
    main()

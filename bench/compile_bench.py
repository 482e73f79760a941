#!/usr/bin/env python3
"""Times javac over one code base in several configurations, alternating them round by round
in one session, and prints the medians and ratios as a Markdown table. Driven by
bench/compile-bench.sh, which fetches and builds everything this needs.

Each compile is a fresh `javac` process (as a build tool forks it); its wall time, CPU time
(user + system) and peak resident memory come from the kernel's accounting of that process
(os.wait4), so nothing else on the machine is counted.
"""

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import time

JAVAC_JVM_FLAGS = [
    "-J--add-exports=jdk.compiler/com.sun.tools.javac.%s=ALL-UNNAMED" % p
    for p in ("api", "file", "main", "model", "parser", "processing", "tree", "util")
] + ["-J--add-opens=jdk.compiler/com.sun.tools.javac.%s=ALL-UNNAMED" % p for p in ("code", "comp")]

EP_FLAGS = ["-XDcompilePolicy=simple", "--should-stop=ifError=FLOW"]


def configurations(ep_classpath, checker_jar, rules):
    """(name, baseline name, extra javac args). Mistakes in the generated code are findings of
    ERROR rules: -XepAllErrorsAsWarnings lets every configuration compile to class files."""
    with_goconc = ep_classpath + os.pathsep + checker_jar
    enable_goconc = " ".join("-Xep:%s:WARN" % r for r in rules)
    return [
        ("javac", None, []),
        ("EP defaults", "javac", EP_FLAGS + ["-processorpath", ep_classpath,
                                             "-Xplugin:ErrorProne -XepAllErrorsAsWarnings"]),
        ("EP defaults + goconc", "EP defaults", EP_FLAGS + ["-processorpath", with_goconc,
                                                            "-Xplugin:ErrorProne -XepAllErrorsAsWarnings"]),
        ("EP all disabled", "javac", EP_FLAGS + ["-processorpath", ep_classpath,
                                                 "-Xplugin:ErrorProne -XepDisableAllChecks"]),
        ("EP all disabled + goconc", "EP all disabled",
         EP_FLAGS + ["-processorpath", with_goconc,
                     "-Xplugin:ErrorProne -XepDisableAllChecks " + enable_goconc]),
    ]


def run_once(javac, args, out_dir, rules):
    shutil.rmtree(out_dir, ignore_errors=True)
    os.makedirs(out_dir)
    start = time.perf_counter()
    proc = subprocess.Popen([javac] + args + ["-d", out_dir], stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT)
    output = proc.stdout.read().decode("utf-8", "replace")
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        sys.stderr.write(output[-4000:])
        raise SystemExit("javac failed (exit %d) with %s" % (code, " ".join(args[-4:])))
    m = re.search(r"^(\d+) warnings?$", output, re.M)
    warnings = int(m.group(1)) if m else 0
    # javac prints at most 100 warnings: enough to see that the goconc rules ran.
    goconc = len(re.findall(r"\[(%s)\]" % "|".join(rules), output)) if rules else 0
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024.0, warnings, goconc


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--jdk", required=True)
    ap.add_argument("--name", required=True, help="the code base's name, for the table")
    ap.add_argument("--sources", required=True, help="a file listing the .java files")
    ap.add_argument("--classpath", default="")
    ap.add_argument("--ep-classpath", required=True)
    ap.add_argument("--checker-jar", required=True)
    ap.add_argument("--rules", required=True, help="the goconc rule names, comma-separated")
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--heap", default="3g", help="javac's -Xmx, the same for every run")
    ap.add_argument("--work", required=True)
    ap.add_argument("--only", default="",
                    help="comma-separated configuration names to run (default: all), e.g. "
                         "'EP defaults,EP defaults + goconc' for more rounds of one pair")
    args = ap.parse_args()

    rules = [r for r in args.rules.split(",") if r]
    javac = os.path.join(args.jdk, "bin", "javac")
    common = JAVAC_JVM_FLAGS + ["-J-Xmx" + args.heap, "--release", "21", "-proc:none",
                                "-encoding", "UTF-8"]
    if args.classpath:
        common += ["-cp", args.classpath]
    common.append("@" + os.path.abspath(args.sources))
    configs = configurations(args.ep_classpath, os.path.abspath(args.checker_jar), rules)
    if args.only:
        wanted = set(args.only.split(","))
        unknown = wanted - {name for name, _, _ in configs}
        if unknown:
            sys.exit("unknown configuration(s) for --only: %s" % ", ".join(sorted(unknown)))
        configs = [c for c in configs if c[0] in wanted]
    samples = {name: [] for name, _, _ in configs}
    for r in range(args.rounds):
        order = configs[r % len(configs):] + configs[:r % len(configs)]  # rotate: no fixed position
        for name, _, extra in order:
            s = run_once(javac, extra + common, os.path.join(args.work, "classes"), rules)
            samples[name].append(s)
            print("  round %d  %-26s wall %6.1f s  cpu %6.1f s  rss %6.0f MiB  warnings %d (goconc %d)"
                  % (r + 1, name, s[0], s[1], s[2], s[3], s[4]), flush=True)

    def med(name, i):
        return statistics.median(x[i] for x in samples[name])

    print()
    print("%s, %d rounds, medians:" % (args.name, args.rounds))
    print()
    print("| configuration | wall (s) | CPU (s) | peak RSS (MiB) | wall vs javac | wall vs baseline | "
          "CPU vs baseline | RSS vs baseline | median of the rounds' wall ratios | "
          "goconc findings printed |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for name, base, _ in configs:
        w, c, m = med(name, 0), med(name, 1), med(name, 2)
        vs_javac = "%.2f×" % (w / med("javac", 0)) if "javac" in samples else "—"
        if base in samples:
            rel = "%.3f× (%s)" % (w / med(base, 0), base)
            crel = "%.3f×" % (c / med(base, 1))
            mrel = "%+.1f%%" % (100.0 * (m / med(base, 2) - 1))
            # each round runs both, minutes apart at most: their ratio drifts less than the medians
            rounds = statistics.median(a[0] / b[0] for a, b in zip(samples[name], samples[base]))
            rrel = "%.3f×" % rounds
        else:
            rel = crel = mrel = rrel = "—"
        print("| %s | %.1f | %.1f | %.0f | %s | %s | %s | %s | %s | %d |"
              % (name, w, c, m, vs_javac, rel, crel, mrel, rrel, samples[name][0][4]))


if __name__ == "__main__":
    main()

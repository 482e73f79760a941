"""Summarises bench/runtime-ab.sh's rounds: one line per JMH row and side.

Usage: python3 bench/ab_summary.py DIR ROUNDS, where DIR holds a-<round>.csv and b-<round>.csv
(JMH's -rf csv output). Prints, per row (benchmark and parameters), each round's score for A
and for B, the mean of each side's rounds, and B's mean over A's. A row missing from a round
(its @Setup failed, say) is shown as '-' there and left out of the mean.
"""

import csv
import statistics
import sys
from pathlib import Path


def read_scores(path):
    """Maps each row of one JMH csv file to its score."""
    scores = {}
    if not path.exists():
        return scores
    with path.open(newline="") as f:
        for rec in csv.DictReader(f):
            params = ", ".join(
                f"{k[len('Param: '):]}={v}" for k, v in sorted(rec.items()) if k.startswith("Param: ") and v
            )
            name = rec["Benchmark"].rsplit(".", 2)[-2:]
            row = ".".join(name) + (f" [{params}]" if params else "")
            scores[row] = (float(rec["Score"]), rec["Unit"])
    return scores


def main(directory, rounds):
    out = Path(directory)
    sides = {
        side: [read_scores(out / f"{side}-{r}.csv") for r in range(1, rounds + 1)] for side in "ab"
    }
    rows = sorted({row for runs in sides.values() for scores in runs for row in scores})
    if not rows:
        sys.exit(f"no JMH results in {out}: see the .log files there")
    for row in rows:
        means = {}
        unit = ""
        print(row)
        for side, runs in sides.items():
            vals = [scores[row][0] if row in scores else None for scores in runs]
            unit = next((s[row][1] for s in runs if row in s), unit)
            present = [v for v in vals if v is not None]
            means[side] = statistics.mean(present) if present else None
            shown = " ".join("-" if v is None else f"{v:,.0f}" for v in vals)
            mean = "-" if means[side] is None else f"{means[side]:,.0f}"
            print(f"  {side.upper()}: {shown:<40} mean {mean} {unit}")
        if means["a"] and means["b"]:
            print(f"  B/A: {means['b'] / means['a']:.2f}")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: python3 bench/ab_summary.py DIR ROUNDS")
    main(sys.argv[1], int(sys.argv[2]))

#!/usr/bin/env python3
"""Rewrites the triaged list of real-code findings to hold exactly the findings seen.

Usage: record_findings.py LIST SEEN CORPORA
LIST is bench/real-code-findings.tsv: comment lines, then one finding per line,
"corpus<TAB>file:line<TAB>rule<TAB>verdict<TAB>reason". SEEN holds "corpus<TAB>file:line<TAB>rule"
lines, from a run over the corpora named in CORPORA (comma-separated). A finding already in LIST
keeps its verdict and reason; a new one is "untriaged"; one of those corpora no longer seen is
dropped (and printed); the findings of corpora that did not run are kept as they are.
"""
import sys

list_path, seen_path = sys.argv[1], sys.argv[2]
ran = set(sys.argv[3].split(","))
comments, triage = [], {}
with open(list_path) as f:
    for line in f:
        line = line.rstrip("\n")
        if line.startswith("#") or not line.strip():
            comments.append(line)
            continue
        fields = line.split("\t")
        triage[tuple(fields[:3])] = fields[3:] or ["untriaged", ""]
seen = []
with open(seen_path) as f:
    for line in f:
        if line.strip():
            seen.append(tuple(line.rstrip("\n").split("\t")[:3]))
kept = {key for key in triage if key[0] not in ran}
for gone in sorted(set(triage) - set(seen) - kept):
    print("no longer seen, dropped: " + "\t".join(gone))
with open(list_path, "w") as f:
    for line in comments:
        f.write(line + "\n")
    for key in sorted(set(seen) | kept):
        verdict = triage.get(key, ["untriaged", ""])
        f.write("\t".join(list(key) + verdict + [""] * (2 - len(verdict))) + "\n")

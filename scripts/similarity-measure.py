#!/usr/bin/env python3
"""Measures two ways of finding students' files that are unusually alike on
the fixture pairs of tests/fixtures/similarity, and prints the figures the
similarity report's choice rests on (classroom/similarity.hpp):

  sim_c++    Debian's similarity-tester: token runs of at least 24 tokens,
             identifiers and literals made equal; "a consists for x % of b".
  winnowing  k-gram fingerprints of the same normalised tokens, winnowed as
             MOSS and Dolos do (Schleimer et al. 2003): the share of a's
             fingerprints found in b.

Both see each file without the lines it shares with the exercise's stub.
For each method: the lowest score of a pair that must be found, the highest
of a pair that must not, and the margin between them (larger is better).

Usage: scripts/similarity-measure.py [FIXTURES] [STUBS]
       (default: tests/fixtures/similarity, exercises/01-linear-algebra)"""
import itertools
import os
import re
import subprocess
import sys
import tempfile
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "..", "tests", "fixtures", "similarity")
STUBS = sys.argv[2] if len(sys.argv) > 2 else os.path.join(HERE, "..", "exercises", "01-linear-algebra")
COPIES = {"original", "renamed", "reordered"}
K, WINDOW = 12, 8


def own_lines(text, stub):
    given = {" ".join(line.split()) for line in stub.splitlines() if len(" ".join(line.split())) >= 8}
    return "\n".join(line for line in text.splitlines() if " ".join(line.split()) not in given) + "\n"


TOKEN = re.compile(r'//[^\n]*|/\*.*?\*/|"(?:\\.|[^"\\])*"|\'(?:\\.|[^\'\\])*\'|#[^\n]*|[A-Za-z_]\w*|'
                   r'\d[\w.]*|::|->|\+\+|--|<<|>>|[<>=!]=|&&|\|\||\S', re.S)
KEYWORDS = set("""auto bool break case catch char class const constexpr continue default delete do double else enum
explicit for if inline int long namespace new noexcept operator private public return short signed sizeof static
struct switch template this throw try typedef typename unsigned using void while""".split())


def tokens(text):
    out = []
    for t in TOKEN.findall(text):
        if t.startswith(("//", "/*", "#")):
            continue
        if t[0] in "\"'":
            out.append("STR")
        elif t[0].isdigit():
            out.append("NUM")
        elif t[0].isalpha() or t[0] == "_":
            out.append(t if t in KEYWORDS else "ID")
        else:
            out.append(t)
    return out


def fingerprints(text):
    toks = tokens(text)
    hashes = [zlib.crc32(" ".join(toks[i:i + K]).encode()) for i in range(len(toks) - K + 1)]
    chosen = set()
    for i in range(max(len(hashes) - WINDOW + 1, 0)):
        window = hashes[i:i + WINDOW]
        chosen.add(min(window))  # the rightmost minimum, as the paper's robust winnowing, is close enough here
    return chosen


def winnowing(a, b):
    fa, fb = fingerprints(a), fingerprints(b)
    return round(100 * len(fa & fb) / len(fa)) if fa else 0


def sim_scores(texts):
    with tempfile.TemporaryDirectory() as work:
        names = sorted(texts)
        for k, name in enumerate(names):
            with open(os.path.join(work, f"{k}.cpp"), "w", encoding="utf-8") as f:
                f.write(texts[name])
        out = subprocess.run(["sim_c++", "-p", "-e", "-a", "-T", *[f"{k}.cpp" for k in range(len(names))]],
                             cwd=work, capture_output=True, text=True, check=True).stdout
    scores = {}
    for a, x, b in re.findall(r"(\d+)\.cpp consists for (\d+) % of (\d+)\.cpp material", out):
        scores[(names[int(a)], names[int(b)])] = int(x)
    return scores


def main():
    results = {"sim_c++": ([], []), "winnowing": ([], [])}
    print(f"{'exercise':<12} {'pair':<34} {'must':<6} {'sim_c++':>8} {'winnowing':>10}")
    for exercise in sorted(os.listdir(FIXTURES)):
        folder = os.path.join(FIXTURES, exercise)
        if not os.path.isdir(folder):
            continue
        with open(os.path.join(STUBS, exercise + ".cpp"), encoding="utf-8") as f:
            stub = f.read()
        texts = {}
        for name in sorted(os.listdir(folder)):
            with open(os.path.join(folder, name), encoding="utf-8") as f:
                texts[name[:-4]] = own_lines(f.read(), stub)
        sim = sim_scores(texts)
        for a, b in itertools.combinations(sorted(texts), 2):
            must = a in COPIES and b in COPIES
            s = max(sim.get((a, b), 0), sim.get((b, a), 0))
            w = max(winnowing(texts[a], texts[b]), winnowing(texts[b], texts[a]))
            results["sim_c++"][0 if must else 1].append(s)
            results["winnowing"][0 if must else 1].append(w)
            print(f"{exercise:<12} {a + ' ~ ' + b:<34} {'find' if must else 'not':<6} {s:>7}% {w:>9}%")
    print()
    for method, (found, not_found) in results.items():
        print(f"{method:<10} lowest must-find {min(found)}%, highest must-not {max(not_found)}%, "
              f"margin {min(found) - max(not_found)} points")


if __name__ == "__main__":
    main()

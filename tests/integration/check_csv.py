"""Reads CSV files the grader wrote with Python's own csv module, as a
spreadsheet would, and fails if any text cell could run as a formula.

Usage: check_csv.py FILE... [--student NAME]...
Each --student NAME must be a row's first cell (with the single quote that
neutralises it, if NAME starts like a formula)."""
import argparse
import csv
import re
import sys

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
NUMBER = re.compile(r"-?[0-9]+(\.[0-9]+)?")


def as_written(name):
    return "'" + name if name.startswith(FORMULA_STARTS) else name


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("files", nargs="+")
    parser.add_argument("--student", action="append", default=[])
    args = parser.parse_args()
    problems = []
    for path in args.files:
        with open(path, newline="", encoding="utf-8") as f:
            rows = list(csv.reader(f, strict=True))
        if not rows:
            problems.append(f"{path}: no rows")
            continue
        for number, row in enumerate(rows, 1):
            if len(row) != len(rows[0]):
                problems.append(f"{path}:{number}: {len(row)} cells, the header has {len(rows[0])}")
            for cell in row:
                if cell.startswith(FORMULA_STARTS) and not NUMBER.fullmatch(cell):
                    problems.append(f"{path}:{number}: a cell a spreadsheet would run: {cell!r}")
        first_cells = {row[0] for row in rows[1:]}
        for name in args.student:
            if as_written(name) not in first_cells:
                problems.append(f"{path}: no row for {name!r} (first cells: {sorted(first_cells)!r})")
    for p in problems:
        print(p, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Independent values for the results certified in specs/07-eigenvectors.

The covariance matrices in exact rational arithmetic (Python's fractions, on
the very doubles the specs give), and the eigenpairs with mpmath's symmetric
eigensolver (mpmath.eigsy, Jacobi rotations) at 40 significant digits: a code
independent of Eigen, which the references use. The references are checked
against LAPACK's dsyev on every fixed and generated case by the test
`certify.*` (tests/certify/). An author's tool, not part of the build or the
tests: `apt-get install python3-mpmath`, then run it and compare with the
specs' `certified:` values (printed to 16 significant digits, as there).
"""
from fractions import Fraction as F

import mpmath

mpmath.mp.dps = 40


def covariance(rows):
    rows = [[F(x) for x in row] for row in rows]
    n, d = len(rows), len(rows[0])
    means = [sum(row[j] for row in rows) / n for j in range(d)]
    return [[sum((row[j] - means[j]) * (row[k] - means[k]) for row in rows) / (n - 1) for k in range(d)]
            for j in range(d)], means


def mp(x):
    x = F(x)
    return mpmath.mpf(x.numerator) / x.denominator


def by_convention(v):
    """The entry of largest magnitude positive (the first such, on a tie)."""
    largest = max(range(len(v)), key=lambda i: (abs(v[i]), -i))
    return [-x for x in v] if v[largest] < 0 else list(v)


def eigenpairs(matrix):
    """Eigenvalues in decreasing order, each with its unit eigenvector by the convention."""
    a = mpmath.matrix([[mp(x) for x in row] for row in matrix])
    values, vectors = mpmath.eigsy(a)
    pairs = [(values[i], by_convention([vectors[r, i] for r in range(a.rows)])) for i in range(a.rows)]
    return sorted(pairs, key=lambda p: -p[0])


def show(x):
    return mpmath.nstr(x, 16, strip_zeros=True) if not isinstance(x, list) else "[" + ", ".join(map(show, x)) + "]"


def power_iteration(matrix):
    value, vector = max(eigenpairs(matrix), key=lambda p: abs(p[0]))
    print(f"power_iteration {matrix}: value {show(value)}, vector {show(vector)}")


def pca(rows, k):
    sigma, means = covariance(rows)
    pairs = eigenpairs(sigma)
    total = sum(p[0] for p in pairs)
    centred = [[mp(F(x) - m) for x, m in zip(row, means)] for row in rows]
    components = [p[1] for p in pairs[:k]]
    print(f"pca {rows}, k = {k}:")
    print(f"  mean {show([mp(m) for m in means])}")
    print(f"  components (columns) {show([[c[i] for c in components] for i in range(len(means))])}")
    print(f"  explained_variance {show([p[0] for p in pairs[:k]])}")
    print(f"  explained_variance_ratio {show([p[0] / total for p in pairs[:k]])}")
    print(f"  scores {show([[sum(x * c for x, c in zip(row, comp)) for comp in components] for row in centred])}")


if __name__ == "__main__":
    for rows in ([[2, 1], [4, 3], [6, 2], [8, 6]], [[100000000.5, 3], [100000001.5, 4.5], [100000002.5, 5]]):
        sigma, _ = covariance(rows)
        print(f"covariance {rows}: {[[str(x) for x in row] for row in sigma]}")
    power_iteration([[2, 1], [1, 2]])
    power_iteration([[2, 1], [1, -4]])
    pca([[2, 1], [4, 3], [6, 2], [8, 6]], 2)

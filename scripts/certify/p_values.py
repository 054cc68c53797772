#!/usr/bin/env python3
"""Independent values for the powers and adjusted p-values certified in specs/05-p-values.

Power, by the definitions R's power.t.test(type = "one.sample", strict =
TRUE) uses — for the t-test, P(T' > q) + P(T' < −q) with q the central t's
upper α/2 quantile and T' noncentral t with n − 1 degrees of freedom and
noncentrality δ√n/sd — computed with mpmath at 30 significant digits: the
noncentral t's distribution function by quadrature of its mixture form,
P(T' ≤ t) = ∫ Φ(t·√(x/ν) − δ) f_χ²(ν)(x) dx, independent of Boost (the
references' library). Adjusted p-values by R's p.adjust formulas in exact
rational arithmetic. An author's tool, not part of the build or the tests:
`apt-get install python3-mpmath`, then run it and compare with the specs'
`certified:` values.
"""
from fractions import Fraction as F

import mpmath

mpmath.mp.dps = 30


def phi(x):
    return mpmath.ncdf(x)


def t_quantile_upper(p, nu):
    """The t distribution's upper p quantile: P(T > q) = p."""
    upper = lambda q: mpmath.betainc(nu / 2, mpmath.mpf(1) / 2, 0, nu / (nu + q * q), regularized=True) / 2
    return mpmath.findroot(lambda q: upper(q) - p, mpmath.sqrt(2) * mpmath.erfinv(1 - 2 * p) + 0.5)


def noncentral_t_cdf(t, nu, delta):
    density = lambda x: x ** (nu / 2 - 1) * mpmath.exp(-x / 2) / (2 ** (nu / 2) * mpmath.gamma(nu / 2))
    return mpmath.quad(lambda x: phi(t * mpmath.sqrt(x / nu) - delta) * density(x), [0, nu, 4 * nu, mpmath.inf])


def z_power(effect, sigma, n, alpha, tail):
    shift = mpmath.mpf(effect) * mpmath.sqrt(n) / sigma
    if tail == "two_sided":
        c = mpmath.sqrt(2) * mpmath.erfinv(1 - mpmath.mpf(alpha))
        return (1 - phi(c - shift)) + phi(-c - shift)
    c = mpmath.sqrt(2) * mpmath.erfinv(1 - 2 * mpmath.mpf(alpha))
    return 1 - phi(c - shift) if tail == "greater" else phi(-c - shift)


def t_power(effect, sd, n, alpha, tail):
    nu, delta = mpmath.mpf(n - 1), mpmath.mpf(effect) * mpmath.sqrt(n) / sd
    if tail == "two_sided":
        q = t_quantile_upper(mpmath.mpf(alpha) / 2, nu)
        return (1 - noncentral_t_cdf(q, nu, delta)) + noncentral_t_cdf(-q, nu, delta)
    q = t_quantile_upper(mpmath.mpf(alpha), nu)
    return 1 - noncentral_t_cdf(q, nu, delta) if tail == "greater" else noncentral_t_cdf(-q, nu, delta)


def p_adjust(p, method):
    """R's p.adjust, in exact arithmetic on the decimals as written."""
    p = [F(x) for x in p]
    m = len(p)
    if method == "bonferroni":
        return [min(F(1), m * x) for x in p]
    order = sorted(range(m), key=lambda i: p[i])  # stable: ties keep their order
    out = [None] * m
    if method == "holm":
        running = F(0)
        for rank, i in enumerate(order, start=1):
            running = max(running, (m - rank + 1) * p[i])
            out[i] = min(F(1), running)
    else:
        running = F(1)
        for rank in range(m, 0, -1):
            i = order[rank - 1]
            running = min(running, F(m, rank) * p[i])
            out[i] = running
    return out


if __name__ == "__main__":
    for args in [(1, 1, 20, 0.05, "two_sided"), (0.5, 1, 30, 0.05, "two_sided"), (0.5, 2, 50, 0.01, "greater"),
                 (-0.3, 1, 40, 0.05, "less"), (0, 1, 10, 0.05, "two_sided")]:
        print("z_test_power", args, mpmath.nstr(z_power(*args), 16))
    for args in [(1, 1, 20, 0.05, "two_sided"), (0.5, 1, 30, 0.05, "two_sided"), (0.5, 2, 50, 0.01, "greater"),
                 (-0.3, 1, 40, 0.05, "less"), (0, 1, 10, 0.05, "two_sided"), (1, 1, 5, 0.05, "two_sided")]:
        print("t_test_power", args, mpmath.nstr(t_power(*args), 16))
    p = ["0.01", "0.04", "0.03", "0.005", "0.5", "0.02"]
    for method in ("bonferroni", "holm", "benjamini_hochberg"):
        print(method, p, [f"{float(x):.16g}" for x in p_adjust(p, method)])

#!/usr/bin/env python3
"""Independent values for the p-values certified in specs/04-statistics.

Recomputes, without Boost (the references' library), the statistics of R's
`sleep` and `cars` examples in exact rational arithmetic and their p-values
with mpmath's regularised incomplete beta function at 40 significant digits:
for Student's t with v degrees of freedom, P(|T| >= |t|) = I_x(v/2, 1/2) with
x = v / (v + t^2). An author's tool, not part of the build or the tests:
`apt-get install python3-mpmath`, then run it and compare with the specs'
`certified:` values.
"""
from fractions import Fraction as F

import mpmath

mpmath.mp.dps = 40

SLEEP_A = [F(s) for s in "0.7 -1.6 -0.2 -1.2 -0.1 3.4 3.7 0.8 0.0 2.0".split()]
SLEEP_B = [F(s) for s in "1.9 0.8 1.1 0.1 -0.1 4.4 5.5 1.6 4.6 3.4".split()]
CARS_SPEED = [4, 4, 7, 7, 8, 9, 10, 10, 10, 11, 11, 12, 12, 12, 12, 13, 13, 13, 13, 14, 14, 14, 14, 15, 15, 15,
              16, 16, 17, 17, 17, 18, 18, 18, 18, 19, 19, 19, 20, 20, 20, 20, 20, 22, 23, 24, 24, 24, 24, 25]
CARS_DIST = [2, 10, 4, 22, 16, 10, 18, 26, 34, 17, 28, 14, 20, 24, 28, 26, 34, 34, 46, 26, 36, 60, 80, 20, 26,
             54, 32, 40, 32, 40, 50, 42, 56, 76, 84, 36, 46, 68, 32, 48, 52, 56, 64, 66, 54, 70, 92, 93, 120, 85]


def mean(xs):
    return sum(xs, F(0)) / len(xs)


def sample_variance(xs):
    m = mean(xs)
    return sum(((x - m) ** 2 for x in xs), F(0)) / (len(xs) - 1)


def mp(q):
    return mpmath.mpf(q.numerator) / q.denominator


def welch():
    va, vb = sample_variance(SLEEP_A) / len(SLEEP_A), sample_variance(SLEEP_B) / len(SLEEP_B)
    t_squared = (mean(SLEEP_A) - mean(SLEEP_B)) ** 2 / (va + vb)
    df = (va + vb) ** 2 / (va ** 2 / (len(SLEEP_A) - 1) + vb ** 2 / (len(SLEEP_B) - 1))
    return t_squared, df


def paired():
    d = [a - b for a, b in zip(SLEEP_A, SLEEP_B)]
    return mean(d) ** 2 / (sample_variance(d) / len(d)), F(len(d) - 1)


def cars():
    """Simple regression dist ~ speed: t^2 of the intercept and the slope."""
    n = len(CARS_SPEED)
    xs, ys = [F(x) for x in CARS_SPEED], [F(y) for y in CARS_DIST]
    mx, my = mean(xs), mean(ys)
    sxx = sum(((x - mx) ** 2 for x in xs), F(0))
    slope = sum(((x - mx) * (y - my) for x, y in zip(xs, ys)), F(0)) / sxx
    intercept = my - slope * mx
    rss = sum(((y - intercept - slope * x) ** 2 for x, y in zip(xs, ys)), F(0))
    sigma2 = rss / (n - 2)
    var_slope = sigma2 / sxx
    var_intercept = sigma2 * (F(1, n) + mx * mx / sxx)
    return [intercept ** 2 / var_intercept, slope ** 2 / var_slope], F(n - 2)


def p_value(t_squared, df):
    x = mp(df) / (mp(df) + mp(t_squared))
    return mpmath.betainc(mp(df) / 2, mpmath.mpf(1) / 2, 0, x, regularized=True)


if __name__ == "__main__":
    for name, (t2, df) in [("welch_t_test(sleep)", welch()), ("paired_t_test(sleep)", paired())]:
        print(f"{name}: t^2 = {mpmath.nstr(mp(t2), 20)}, df = {mpmath.nstr(mp(df), 20)}, "
              f"p = {mpmath.nstr(p_value(t2, df), 16)}")
    t2s, df = cars()
    print("linear_regression(cars): p = [" + ", ".join(mpmath.nstr(p_value(t2, df), 16) for t2 in t2s) + "]")

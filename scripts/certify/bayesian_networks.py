#!/usr/bin/env python3
"""Exact values for the results certified in specs/06-bayesian-networks.

Every probability of the specs' networks is read as the exact decimal it is
written as (Python's fractions), and the joint probabilities and posteriors
are computed by enumeration in exact rational arithmetic: no rounding at all
until the final value is printed to 16 significant digits, as the specs'
`certified:` values are. The published values they reproduce: Russell and
Norvig, Artificial Intelligence: A Modern Approach (3rd ed.), §14.4.1,
P(Burglary | JohnCalls, MaryCalls) = <0.284, 0.716>; Murphy, A Brief
Introduction to Graphical Models and Bayesian Networks (1998),
P(Sprinkler | WetGrass) = 0.4298 and P(Rain | WetGrass) = 0.7079. An author's
tool, not part of the build or the tests: run it and compare.
"""
from fractions import Fraction as F
from itertools import product

# (name, parents, P(true | parents) indexed by the parents' bits, the first parent the most significant)
BURGLARY = [("Burglary", [], ["0.001"]), ("Earthquake", [], ["0.002"]),
            ("Alarm", [0, 1], ["0.001", "0.29", "0.94", "0.95"]),
            ("JohnCalls", [2], ["0.05", "0.9"]), ("MaryCalls", [2], ["0.01", "0.7"])]
SPRINKLER = [("Cloudy", [], ["0.5"]), ("Sprinkler", [0], ["0.5", "0.1"]), ("Rain", [0], ["0.2", "0.8"]),
             ("WetGrass", [1, 2], ["0", "0.9", "0.9", "0.99"])]
SPAM = [("Spam", [], ["0.3"]), ("Offer", [0], ["0.05", "0.6"]), ("Meeting", [0], ["0.4", "0.1"]),
        ("Link", [0], ["0.2", "0.7"])]


def joint(net, values):
    p = F(1)
    for i, (_, parents, cpt) in enumerate(net):
        row = 0
        for parent in parents:
            row = 2 * row + (1 if values[parent] else 0)
        p *= F(cpt[row]) if values[i] else 1 - F(cpt[row])
    return p


def query(net, q, evidence):
    hidden = [i for i in range(len(net)) if i != q and i not in evidence]
    total = {False: F(0), True: F(0)}
    for bits in product([False, True], repeat=len(hidden)):
        values = [False] * len(net)
        for index, value in evidence.items():
            values[index] = value
        for index, value in zip(hidden, bits):
            values[index] = value
        for value in (False, True):
            values[q] = value
            total[value] += joint(net, values)
    return total[True] / (total[True] + total[False])


def show(what, x):
    print(f"{what}: {x} = {float(x):.16g}")


if __name__ == "__main__":
    show("P(¬b, ¬e, a, j, m)", joint(BURGLARY, [False, False, True, True, True]))
    show("P(b | j, m)", query(BURGLARY, 0, {3: True, 4: True}))
    show("P(e | j, m)", query(BURGLARY, 1, {3: True, 4: True}))
    show("P(b | a)", query(BURGLARY, 0, {2: True}))
    show("P(b | a, e)", query(BURGLARY, 0, {2: True, 1: True}))
    show("P(sprinkler | wet)", query(SPRINKLER, 1, {3: True}))
    show("P(rain | wet)", query(SPRINKLER, 2, {3: True}))
    show("P(sprinkler | wet, rain)", query(SPRINKLER, 1, {3: True, 2: True}))
    show("P(spam | offer, ¬meeting, link)", query(SPAM, 0, {1: True, 2: False, 3: True}))

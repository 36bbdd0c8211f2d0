"""Interleaved timing: on a shared machine, contenders take turns so background load hits all alike.

Each contender is a list of steps (one model call or one request each). Step i of every contender
runs before step i+1 of any, in an order that rotates each round, with a short pause before each
step so the previous contender's OpenMP threads stop spinning (Intel OpenMP spins ~200 ms after a
parallel region) and do not steal the next one's cores.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from _bench_contenders import Timing

Step = Callable[[], int]  # runs one unit of work; returns the tokens the model decoded (0: unknown)
PAUSE_S = 0.25


def interleave(contenders: dict[str, list[Step]], pause_s: float = PAUSE_S) -> dict[str, Timing]:
    """Run the contenders' steps in rotating turns; wall seconds and decoded tokens of each."""
    seconds = dict.fromkeys(contenders, 0.0)
    decoded = dict.fromkeys(contenders, 0)
    names = list(contenders)
    rounds = max((len(steps) for steps in contenders.values()), default=0)
    for i in range(rounds):
        shift = i % len(names)
        for name in names[shift:] + names[:shift]:
            steps = contenders[name]
            if i >= len(steps):
                continue
            time.sleep(pause_s)
            started = time.perf_counter()
            decoded[name] += steps[i]()
            seconds[name] += time.perf_counter() - started
    return {name: Timing(seconds[name], decoded[name]) for name in names}

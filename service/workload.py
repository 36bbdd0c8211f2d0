"""Bounds on CPU-bound work: how many briefings run at once, and how much CPU one may take.

A briefing's analysis (detection, parsing, claims, summary) is pure CPU work on a worker thread.
Two guards keep a few heavy requests from starving the service:

- `Slots`: at most N briefings analyse at the same time (BRIEF_MAX_CONCURRENT_BRIEFS); one more
  is refused at once with `Busy` (503 + Retry-After from the measured duration of briefings),
  instead of queueing on the shared thread pool.
- `run_cpu`: language detection for the translation routes runs on a pool of one thread per
  core, not on the event loop and not on as many threads as there are requests: more threads
  than cores only make the event loop wait longer for the GIL.
- `Budget`: each analysis may spend at most S seconds of its thread's CPU time
  (BRIEF_BRIEF_CPU_BUDGET_S). The stages call `check()` between bounded units of work (a
  paragraph, a sentence), so an analysis past its budget stops within one unit and raises
  `OverBudget` (413: the text needs more work than this server spends on one request).
"""

from __future__ import annotations

import asyncio
import math
import os
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from typing import ParamSpec, TypeVar

_P = ParamSpec("_P")
_T = TypeVar("_T")


_CPU_POOL = ThreadPoolExecutor(max_workers=os.cpu_count() or 2, thread_name_prefix="cpu")


async def run_cpu(fn: Callable[_P, _T], *args: _P.args, **kwargs: _P.kwargs) -> _T:
    """`fn(*args, **kwargs)` on the CPU pool (one thread per core), awaited from the loop."""
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(_CPU_POOL, lambda: fn(*args, **kwargs))

# How fast the duration estimate follows new measurements.
_EMA = 0.3


class Busy(Exception):
    """Every briefing slot is taken; retry after `retry_after` seconds."""

    def __init__(self, retry_after: int, limit: int) -> None:
        super().__init__(f"{limit} briefings are running; retry after {retry_after} s")
        self.retry_after = retry_after
        self.limit = limit


class OverBudget(Exception):
    """An analysis used more CPU time than its budget allows."""

    def __init__(self, budget_s: float, stage: str) -> None:
        super().__init__(f"over the CPU budget of {budget_s:g} s during {stage}")
        self.budget_s = budget_s
        self.stage = stage


class Budget:
    """A CPU-time allowance for the calling thread; `None` seconds means unlimited."""

    def __init__(self, seconds: float | None) -> None:
        self.seconds = seconds
        self._start = time.thread_time()

    def restart(self) -> None:
        """Start counting now (call it on the thread that will do the work)."""
        self._start = time.thread_time()

    def used(self) -> float:
        return time.thread_time() - self._start

    def check(self, stage: str) -> None:
        """Raise OverBudget when this thread has used up its allowance."""
        if self.seconds is not None and self.used() > self.seconds:
            raise OverBudget(self.seconds, stage)


UNLIMITED = Budget(None)


class Slots:
    """At most `limit` holders at once; the event loop is the only caller, so no lock."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.in_use = 0
        self._seconds = 1.0  # moving average of a holder's wall time, for Retry-After

    @contextmanager
    def hold(self) -> Iterator[None]:
        """Take a slot for the duration of the block, or raise Busy."""
        if self.in_use >= self.limit:
            raise Busy(max(1, math.ceil(self._seconds)), self.limit)
        self.in_use += 1
        started = time.perf_counter()
        try:
            yield
        finally:
            self.in_use -= 1
            self._seconds = (1 - _EMA) * self._seconds + _EMA * (time.perf_counter() - started)

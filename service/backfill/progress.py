"""Where a back-fill is: one line on stderr every few seconds with the count done and the rate.

A plain line, not a bar: a cluster job's log (`ray job logs`) and a terminal read it the same way,
and an archive of unknown size has no total to fill a bar with.
"""

from __future__ import annotations

import sys
import time
from collections import deque
from dataclasses import dataclass, field
from typing import TextIO

# The recent rate is over this window: the overall rate hides a cluster that has just lost nodes.
WINDOW_S = 60.0


@dataclass
class Counts:
    """What a run did (printed as it goes and at the end)."""

    briefs: int = 0
    errors: int = 0
    duplicates: int = 0
    already_done: int = 0

    @property
    def done(self) -> int:
        return self.briefs + self.errors


@dataclass
class Progress:
    counts: Counts
    interval_s: float = 5.0
    stream: TextIO | None = None  # None: sys.stderr at the time of writing (pytest swaps it)
    enabled: bool = True
    started: float = field(default_factory=time.monotonic)
    _last: float = field(default=0.0, init=False)
    _recent: deque[tuple[float, int]] = field(default_factory=deque, init=False)

    def tick(self, force: bool = False) -> None:
        """Print a line when `interval_s` has passed since the last (or when forced)."""
        now = time.monotonic()
        self._recent.append((now, self.counts.done))
        while self._recent and now - self._recent[0][0] > WINDOW_S:
            self._recent.popleft()
        if self.enabled and (force or now - self._last >= self.interval_s):
            self._last = now
            print(self.line(now), file=self.stream or sys.stderr, flush=True)

    def rate(self, now: float | None = None) -> float:
        """Articles per second since the start."""
        elapsed = (time.monotonic() if now is None else now) - self.started
        return self.counts.done / elapsed if elapsed > 0 else 0.0

    def recent_rate(self) -> float:
        if len(self._recent) < 2:
            return 0.0
        (t0, n0), (t1, n1) = self._recent[0], self._recent[-1]
        return (n1 - n0) / (t1 - t0) if t1 > t0 else 0.0

    def line(self, now: float | None = None) -> str:
        now = time.monotonic() if now is None else now
        c = self.counts
        return (
            f"backfill: {c.done} done ({c.briefs} briefed, {c.errors} errors) in "
            f"{now - self.started:.0f} s, {self.rate(now):.2f} articles/s "
            f"(last {WINDOW_S:.0f} s: {self.recent_rate():.2f}/s)"
        )

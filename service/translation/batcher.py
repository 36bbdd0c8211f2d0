"""Cross-request micro-batching: concurrent submissions become one model call on a worker thread.

A translator that has been idle waits `window_s` for more requests before it starts, then takes
every waiting request (up to `max_items` sentences, never splitting a request) and runs them as
one batch on its own thread. While that batch runs, new requests queue up and go out together in
the next one, so under load the batches grow by themselves and the window costs nothing.

Admission is by work, not by a count of requests: each request weighs its items (source tokens),
the batcher times every call and fits its cost as a fixed part per call plus a part per unit of
work (`CostFit`), and a new request is refused with `QueueFull` only when the work already ahead
of it (queued, plus what is left of the running calls) would keep it waiting longer than
`max_wait_s`. The fixed part matters: on a CPU one decoding step reads all the model's weights
whatever the batch size, so one sentence alone costs nearly as much as several together, and an
estimate per unit alone, learnt from single sentences, would refuse a burst that the next batched
call serves in a few seconds. Sixteen clients sending one sentence each
are a few hundred tokens of work and are all served; a flood of whole articles is refused early,
with a Retry-After computed from the same estimate, instead of waiting without limit.
"""

from __future__ import annotations

import asyncio
import contextlib
import math
import time
from collections import deque
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Generic, TypeVar

I = TypeVar("I")  # noqa: E741 - item and result type variables
R = TypeVar("R")

# The cost fit weighs the last `_FIT_CALLS` calls, each older one by `_FIT_DECAY` less, so that it
# follows a change of load within a few calls.
_FIT_CALLS = 32
_FIT_DECAY = 0.8
# Calls whose work differs at least this much (largest / smallest) separate the fixed part of a
# call from the part per unit; with less spread, the last shape found is kept and only rescaled.
_FIT_SPREAD = 2.0


@dataclass(frozen=True)
class CallCost:
    """Seconds a model call takes: `per_call` + `per_unit` x units of work."""

    per_call: float
    per_unit: float

    def seconds(self, work: int, calls: int) -> float:
        """Estimated seconds for `work` units of work done in `calls` calls."""
        return calls * self.per_call + work * self.per_unit


class CostFit:
    """Weighted least squares of call seconds on call work, over the recent calls.

    The fixed part and the part per unit come from calls of different sizes. When the recent calls
    are all about the same size, the ratio between the two parts (the fixed part expressed in units
    of work) is kept from the last fit that could see it, and only the scale follows the new calls.
    With no such fit yet, or where a fit would give a negative part, all the cost is per unit: the
    cautious reading, as admission was before calls of different sizes had been seen.
    """

    def __init__(self) -> None:
        self._calls: deque[tuple[int, float]] = deque(maxlen=_FIT_CALLS)
        self._overhead_units: float | None = None  # per_call / per_unit of the last full fit

    def add(self, work: int, seconds: float) -> CallCost | None:
        """Record one timed call; the cost model fitted to the recent calls."""
        if work > 0 and seconds >= 0:
            self._calls.append((work, seconds))
        if not self._calls:
            return None
        weights = [_FIT_DECAY**age for age in range(len(self._calls) - 1, -1, -1)]
        works = [float(w) for w, _ in self._calls]
        times = [t for _, t in self._calls]
        if max(works) >= _FIT_SPREAD * min(works):
            total = sum(weights)
            mean_w = sum(k * w for k, w in zip(weights, works, strict=True)) / total
            mean_t = sum(k * t for k, t in zip(weights, times, strict=True)) / total
            var = sum(k * (w - mean_w) ** 2 for k, w in zip(weights, works, strict=True))
            cov = sum(k * (w - mean_w) * (t - mean_t)
                      for k, w, t in zip(weights, works, times, strict=True))
            per_unit = cov / var
            per_call = mean_t - per_unit * mean_w
            if per_unit > 0 and per_call >= 0:
                self._overhead_units = per_call / per_unit
                return CallCost(per_call, per_unit)
        # t = per_unit x (overhead + w), fitted for per_unit alone (overhead 0: through the origin)
        overhead = self._overhead_units or 0.0
        shifted = [overhead + w for w in works]
        num = sum(k * t * x for k, t, x in zip(weights, times, shifted, strict=True))
        den = sum(k * x * x for k, x in zip(weights, shifted, strict=True))
        per_unit = num / den
        return CallCost(overhead * per_unit, per_unit)


class QueueFull(Exception):
    """The translator has more work ahead than the configured wait; retry after `retry_after` s."""

    def __init__(self, retry_after: int) -> None:
        super().__init__(f"translator is saturated; retry after {retry_after} s")
        self.retry_after = retry_after


@dataclass
class _Request(Generic[I, R]):
    items: list[I]
    work: int
    future: asyncio.Future[list[R]]


@dataclass
class _Running:
    work: int
    started: float


class MicroBatcher(Generic[I, R]):
    """Runs `run(items) -> results` (same length, same order) for many concurrent callers."""

    def __init__(
        self,
        run: Callable[[list[I]], list[R]],
        *,
        weight: Callable[[I], int],
        window_s: float,
        max_wait_s: float,
        max_items: int,
        workers: int = 1,
    ) -> None:
        self._run = run
        self._weight = weight
        self.window_s = window_s
        self.max_wait_s = max_wait_s
        self.max_items = max_items
        self._workers = workers
        self._executor = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="translate")
        self._pending: deque[_Request[I, R]] = deque()
        self._queued_work = 0
        self._queued_items = 0
        self._running: list[_Running] = []
        self._wakeup: asyncio.Event | None = None
        self._tasks: list[asyncio.Task[None]] = []
        self._loop: asyncio.AbstractEventLoop | None = None
        # The cost of a call, fitted to the timed calls; None until the first one (until then
        # nothing is refused: there is no basis for an estimate).
        self._fit = CostFit()
        self.cost: CallCost | None = None
        self.calls = 0  # model calls made; tests and benchmarks read it

    def _start(self) -> asyncio.Event:
        loop = asyncio.get_running_loop()
        if self._loop is not loop or self._wakeup is None:
            # First use, or a new event loop (a CLI may call asyncio.run more than once); the old
            # loop may be closed already, and its leftovers with it.
            with contextlib.suppress(RuntimeError):
                self._stop_tasks()
            self._loop = loop
            self._wakeup = asyncio.Event()
            self._pending = deque()
            self._queued_work = 0
            self._queued_items = 0
            self._running = []
            self._tasks = [loop.create_task(self._worker()) for _ in range(self._workers)]
        return self._wakeup

    @property
    def waiting(self) -> int:
        """Requests waiting for the translator (not yet in a running batch)."""
        return len(self._pending)

    @property
    def queued_work(self) -> int:
        """Units of work (source tokens) waiting for the translator."""
        return self._queued_work

    def estimated_wait(self, now: float | None = None) -> float:
        """Seconds a request submitted now would wait before its call starts."""
        cost = self.cost
        if cost is None:
            return 0.0
        now = time.perf_counter() if now is None else now
        running = sum(max(0.0, cost.seconds(r.work, 1) - (now - r.started)) for r in self._running)
        # What is queued goes out in calls of up to max_items items (a request is never split,
        # so this is the least number of calls; the next request joins the last of them).
        calls = math.ceil(self._queued_items / self.max_items)
        return (running + cost.seconds(self._queued_work, calls)) / self._workers

    def calibrate(self, samples: list[list[I]]) -> None:
        """Run and time `samples` (calls of different sizes) before serving, so that admission
        knows the fixed part of a call from the start. The first sample only warms the model up."""
        for i, items in enumerate(samples):
            started = time.perf_counter()
            self._run(items)
            if i > 0:
                self.cost = self._fit.add(sum(self._weight(x) for x in items),
                                          time.perf_counter() - started)

    async def submit(self, items: list[I]) -> list[R]:
        """Results for `items`, computed together with whatever else is waiting.

        Raises QueueFull when the work ahead would keep this request waiting past `max_wait_s`.
        """
        if not items:
            return []
        wakeup = self._start()
        wait = self.estimated_wait()
        if wait > self.max_wait_s:
            raise QueueFull(max(1, math.ceil(wait - self.max_wait_s)))
        work = sum(self._weight(item) for item in items)
        future: asyncio.Future[list[R]] = asyncio.get_running_loop().create_future()
        self._pending.append(_Request(items, work, future))
        self._queued_work += work
        self._queued_items += len(items)
        wakeup.set()
        return await future

    def _take(self) -> list[_Request[I, R]]:
        batch: list[_Request[I, R]] = []
        size = 0
        while self._pending:
            request = self._pending[0]
            if request.future.done():  # caller went away while waiting
                self._dequeue()
                continue
            if batch and size + len(request.items) > self.max_items:
                break
            batch.append(self._dequeue())
            size += len(request.items)
        return batch

    async def _worker(self) -> None:
        assert self._wakeup is not None and self._loop is not None
        wakeup, loop = self._wakeup, self._loop
        while True:
            idle = False
            while not self._pending:
                idle = True
                wakeup.clear()
                await wakeup.wait()
            # Only an idle translator waits: requests that queued behind a running batch have
            # waited already, and a full batch gains nothing from waiting.
            if idle and self.window_s > 0 and self._queued_items < self.max_items:
                await asyncio.sleep(self.window_s)
            batch = self._take()
            if batch:
                await self._execute(loop, batch)

    def _dequeue(self) -> _Request[I, R]:
        request = self._pending.popleft()
        self._queued_work -= request.work
        self._queued_items -= len(request.items)
        return request

    async def _execute(self, loop: asyncio.AbstractEventLoop, batch: list[_Request[I, R]]) -> None:
        items = [item for request in batch for item in request.items]
        running = _Running(sum(r.work for r in batch), time.perf_counter())
        self._running.append(running)
        try:
            self.calls += 1
            results = await loop.run_in_executor(self._executor, self._run, items)
        except BaseException as exc:  # noqa: BLE001 - every waiting caller must hear about it
            error = exc if isinstance(exc, Exception) else RuntimeError("translator stopped")
            for request in batch:
                if not request.future.done():
                    request.future.set_exception(error)
            if not isinstance(exc, Exception):
                raise
            return
        finally:
            self._running.remove(running)
        self._measure(running.work, time.perf_counter() - running.started)
        start = 0
        for request in batch:
            end = start + len(request.items)
            if not request.future.done():
                request.future.set_result(results[start:end])
            start = end

    def _measure(self, work: int, seconds: float) -> None:
        self.cost = self._fit.add(work, seconds)

    def _stop_tasks(self) -> None:
        for task in self._tasks:
            task.cancel()
        for request in self._pending:
            if not request.future.done():
                request.future.set_exception(RuntimeError("translator stopped"))
        self._pending.clear()
        self._queued_work = 0
        self._queued_items = 0
        self._tasks = []

    def close(self) -> None:
        """Stop the workers, fail anything still waiting, and release the thread."""
        with contextlib.suppress(RuntimeError):  # the loop may already be closed
            self._stop_tasks()
        self._executor.shutdown(wait=False, cancel_futures=True)

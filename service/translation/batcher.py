"""Cross-request micro-batching: concurrent submissions become one model call on a worker thread.

A translator that has been idle waits `window_s` for more requests before it starts, then takes
every waiting request (up to `max_items` sentences, never splitting a request) and runs them as
one batch on its own thread. While that batch runs, new requests queue up and go out together in
the next one, so under load the batches grow by themselves and the window costs nothing.

Admission is by work, not by a count of requests: each request weighs its items (source tokens),
the batcher measures seconds per unit of work on every call, and a new request is refused with
`QueueFull` only when the work already ahead of it (queued, plus what is left of the running
calls) would keep it waiting longer than `max_wait_s`. Sixteen clients sending one sentence each
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

# How fast the seconds-per-unit estimate follows new measurements (exponential moving average).
_EMA = 0.3


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
        self._running: list[_Running] = []
        self._wakeup: asyncio.Event | None = None
        self._tasks: list[asyncio.Task[None]] = []
        self._loop: asyncio.AbstractEventLoop | None = None
        # Seconds per unit of work, measured; None until the first call has been timed (until
        # then nothing is refused: there is no basis for an estimate).
        self.seconds_per_unit: float | None = None
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
        if self.seconds_per_unit is None:
            return 0.0
        now = time.perf_counter() if now is None else now
        spu = self.seconds_per_unit
        running = sum(max(0.0, r.work * spu - (now - r.started)) for r in self._running)
        return (running + self._queued_work * spu) / self._workers

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
        wakeup.set()
        return await future

    def _take(self) -> list[_Request[I, R]]:
        batch: list[_Request[I, R]] = []
        size = 0
        while self._pending:
            request = self._pending[0]
            if request.future.done():  # caller went away while waiting
                self._queued_work -= self._pending.popleft().work
                continue
            if batch and size + len(request.items) > self.max_items:
                break
            batch.append(self._pending.popleft())
            self._queued_work -= request.work
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
            if idle and self.window_s > 0 and self._waiting_items() < self.max_items:
                await asyncio.sleep(self.window_s)
            batch = self._take()
            if batch:
                await self._execute(loop, batch)

    def _waiting_items(self) -> int:
        return sum(len(r.items) for r in self._pending)

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
        if work <= 0:
            return
        spu = seconds / work
        old = self.seconds_per_unit
        self.seconds_per_unit = spu if old is None else (1 - _EMA) * old + _EMA * spu

    def _stop_tasks(self) -> None:
        for task in self._tasks:
            task.cancel()
        for request in self._pending:
            if not request.future.done():
                request.future.set_exception(RuntimeError("translator stopped"))
        self._pending.clear()
        self._queued_work = 0
        self._tasks = []

    def close(self) -> None:
        """Stop the workers, fail anything still waiting, and release the thread."""
        with contextlib.suppress(RuntimeError):  # the loop may already be closed
            self._stop_tasks()
        self._executor.shutdown(wait=False, cancel_futures=True)

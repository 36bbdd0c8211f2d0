"""Cross-request micro-batching: concurrent submissions become one model call on a worker thread.

A translator that has been idle waits `window_s` for more requests before it starts, then takes
every waiting request (up to `max_items` sentences, never splitting a request) and runs them as
one batch on its own thread. While that batch runs, new requests queue up and go out together in
the next one, so under load the batches grow by themselves and the window costs nothing.

The queue of waiting requests is bounded; a request that finds it full gets `QueueFull` at once
(the API answers 503 with Retry-After) instead of waiting without limit or holding memory.
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


class QueueFull(Exception):
    """Too many requests are waiting for the translator; retry after `retry_after` seconds."""

    def __init__(self, retry_after: int) -> None:
        super().__init__(f"translation queue is full; retry after {retry_after} s")
        self.retry_after = retry_after


@dataclass
class _Request(Generic[I, R]):
    items: list[I]
    future: asyncio.Future[list[R]]


class MicroBatcher(Generic[I, R]):
    """Runs `run(items) -> results` (same length, same order) for many concurrent callers."""

    def __init__(
        self,
        run: Callable[[list[I]], list[R]],
        *,
        window_s: float,
        max_waiting: int,
        max_items: int,
        workers: int = 1,
    ) -> None:
        self._run = run
        self.window_s = window_s
        self.max_waiting = max_waiting
        self.max_items = max_items
        self._workers = workers
        self._executor = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="translate")
        self._pending: deque[_Request[I, R]] = deque()
        self._wakeup: asyncio.Event | None = None
        self._tasks: list[asyncio.Task[None]] = []
        self._loop: asyncio.AbstractEventLoop | None = None
        self._batch_seconds = 1.0  # moving average of one call, for Retry-After
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
            self._tasks = [loop.create_task(self._worker()) for _ in range(self._workers)]
        return self._wakeup

    @property
    def waiting(self) -> int:
        """Requests waiting for the translator (not yet in a running batch)."""
        return len(self._pending)

    def retry_after(self) -> int:
        """Seconds after which a refused request has a fair chance: about one batch's time."""
        return max(1, math.ceil(self._batch_seconds))

    async def submit(self, items: list[I]) -> list[R]:
        """Results for `items`, computed together with whatever else is waiting.

        Raises QueueFull when `max_waiting` requests are already waiting.
        """
        if not items:
            return []
        wakeup = self._start()
        if len(self._pending) >= self.max_waiting:
            raise QueueFull(self.retry_after())
        future: asyncio.Future[list[R]] = asyncio.get_running_loop().create_future()
        self._pending.append(_Request(items, future))
        wakeup.set()
        return await future

    def _take(self) -> list[_Request[I, R]]:
        batch: list[_Request[I, R]] = []
        size = 0
        while self._pending:
            request = self._pending[0]
            if request.future.done():  # caller went away while waiting
                self._pending.popleft()
                continue
            if batch and size + len(request.items) > self.max_items:
                break
            batch.append(self._pending.popleft())
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
        started = time.perf_counter()
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
        self._batch_seconds = 0.7 * self._batch_seconds + 0.3 * (time.perf_counter() - started)
        start = 0
        for request in batch:
            end = start + len(request.items)
            if not request.future.done():
                request.future.set_result(results[start:end])
            start = end

    def _stop_tasks(self) -> None:
        for task in self._tasks:
            task.cancel()
        for request in self._pending:
            if not request.future.done():
                request.future.set_exception(RuntimeError("translator stopped"))
        self._pending.clear()
        self._tasks = []

    def close(self) -> None:
        """Stop the workers, fail anything still waiting, and release the thread."""
        with contextlib.suppress(RuntimeError):  # the loop may already be closed
            self._stop_tasks()
        self._executor.shutdown(wait=False, cancel_futures=True)

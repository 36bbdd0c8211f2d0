"""Rate limits shared through Redis: a real redis-server, the Lua bucket, and two real service
processes that enforce one key's limit together (and, without Redis, each its own).

Skips where Debian's redis-server is not installed (`make test` installs it as root), except under
CI=true, where it fails.
"""

from __future__ import annotations

import logging
import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from service.access import Guard
from service.config import Settings
from service.redis_limits import RedisRateLimiter

ROOT = Path(__file__).resolve().parent.parent
NO_REDIS = "no redis-server: apt-get install -y redis-server (make test does, as root)"
KEY = "desk-a-key"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def redis_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A redis-server of its own on a free loopback port, no persistence, in a temp dir."""
    binary = shutil.which("redis-server")
    if binary is None:
        if os.environ.get("CI") == "true":
            pytest.fail(NO_REDIS)
        pytest.skip(NO_REDIS)
    import redis

    folder, port = tmp_path_factory.mktemp("redis"), _free_port()
    args = ["--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]
    with (folder / "redis.log").open("wb") as log:
        process = subprocess.Popen([binary, *args, "--dir", str(folder)], stdout=log, stderr=log)
    url = f"redis://127.0.0.1:{port}/0"
    client = redis.Redis.from_url(url)
    deadline = time.monotonic() + 20
    while True:
        try:
            if client.ping():
                break
        except redis.ConnectionError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                pytest.fail("redis-server did not start: " + (folder / "redis.log").read_text())
            time.sleep(0.05)
    try:
        yield url
    finally:
        client.close()
        process.terminate()
        process.wait(10)


def _limiter(url: str, per_minute: int, burst: int, prefix: str) -> RedisRateLimiter:
    settings = Settings(
        redis_url=url,  # type: ignore[arg-type]
        rate_limit_per_minute=per_minute,
        rate_limit_burst=burst,
        redis_prefix=prefix,
    )
    limiter = Guard.from_settings(settings).limiter  # what the app builds from BRIEF_REDIS_URL
    assert isinstance(limiter, RedisRateLimiter)
    return limiter


def test_two_limiters_draw_from_one_bucket_per_key(redis_url: str) -> None:
    a, b = (_limiter(redis_url, 60, 3, "t1:") for _ in range(2))  # two replicas
    assert [a.take("k"), b.take("k"), a.take("k")] == [0.0, 0.0, 0.0]  # the burst, together
    wait_a, wait_b = a.take("k"), b.take("k")
    assert 0.9 < wait_a <= 1.0 and 0.9 < wait_b <= 1.0  # one token a second: about 1 s away
    assert a.take("other") == 0.0  # another key has its own bucket


def test_the_bucket_refills_at_the_rate(redis_url: str) -> None:
    limiter = _limiter(redis_url, 1200, 1, "t2:")  # 20 tokens a second
    assert limiter.take("k") == 0.0
    wait = limiter.take("k")
    assert 0.0 < wait <= 0.05
    time.sleep(wait + 0.02)
    assert limiter.take("k") == 0.0


def test_without_redis_each_replica_keeps_limiting_on_its_own(
    caplog: pytest.LogCaptureFixture,
) -> None:
    url = f"redis://127.0.0.1:{_free_port()}/0"  # nothing listens there
    limiter = _limiter(url, 60, 2, "t3:")
    with caplog.at_level(logging.WARNING, logger="service.redis_limits"):
        waits = [limiter.take("k") for _ in range(3)]
    assert waits[:2] == [0.0, 0.0] and waits[2] > 0  # the in-process bucket, never no limit
    warned = [r.getMessage() for r in caplog.records]
    assert len(warned) == 1 and "rate limits are per replica" in warned[0]


def _start(redis: str | None, tmp_path: Path, name: str) -> tuple[subprocess.Popen[bytes], str]:
    port = _free_port()
    env = {
        **os.environ,
        "BRIEF_MODEL_DIR": str(tmp_path / "no-model"),
        "BRIEF_API_KEYS": KEY,
        "BRIEF_RATE_LIMIT_PER_MINUTE": "1",
        "BRIEF_RATE_LIMIT_BURST": "4",
        "BRIEF_REDIS_PREFIX": f"{name}:",
        "BRIEF_WARM_UP": "false",  # rate limits are tested here, not briefings
        "PYTHONPATH": str(ROOT),
    }
    env.pop("BRIEF_REDIS_URL", None)
    if redis is not None:
        env["BRIEF_REDIS_URL"] = redis
    with (tmp_path / f"{name}-{port}.log").open("wb") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "service", "serve", "--host", "127.0.0.1", "--port", str(port)],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    return process, f"http://127.0.0.1:{port}"


def _wait_healthy(process: subprocess.Popen[bytes], url: str) -> None:
    deadline = time.monotonic() + 60
    while True:
        try:
            if httpx.get(url + "/healthz", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            pytest.fail(f"the server at {url} did not start")
        time.sleep(0.1)


@pytest.fixture()
def replicas(redis_url: str, tmp_path: Path) -> Iterator[dict[str, list[str]]]:
    """Two service processes sharing Redis, and two more with no Redis (each its own limit)."""
    started = [
        _start(redis_url, tmp_path, "shared"),
        _start(redis_url, tmp_path, "shared"),
        _start(None, tmp_path, "alone"),
        _start(None, tmp_path, "alone"),
    ]
    try:
        with ThreadPoolExecutor(4) as pool:
            list(pool.map(lambda s: _wait_healthy(*s), started))
        urls = [url for _, url in started]
        yield {"shared": urls[:2], "alone": urls[2:]}
    finally:
        for process, _ in started:
            process.terminate()
        for process, _ in started:
            process.wait(30)


def _statuses(urls: list[str], count: int) -> list[int]:
    """Statuses of `count` requests with one key, alternating between the servers. A 429 says to
    retry in about a minute (one token a minute; a little has refilled since the burst)."""
    answers = []
    for i in range(count):
        r = httpx.post(
            urls[i % len(urls)] + "/v1/detect",
            json={"text": "Iran har levert droner til Russland."},
            headers={"X-API-Key": KEY},
            timeout=30,
        )
        answers.append(r.status_code)
        if r.status_code == 429:
            assert 50 <= int(r.headers["retry-after"]) <= 60, r.headers["retry-after"]
    return answers


def test_two_service_processes_sharing_redis_enforce_one_limit(
    replicas: dict[str, list[str]],
) -> None:
    # A burst of 4, then one request a minute: together the two replicas admit 4 of 8.
    assert _statuses(replicas["shared"], 8) == [200] * 4 + [429] * 4
    # Without Redis each process has its own bucket: 4 each, 8 in all, and only then 429.
    assert _statuses(replicas["alone"], 10) == [200] * 8 + [429] * 2

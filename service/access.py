"""Who may call the service: optional API keys and a per-key rate limit.

Off by default: with neither `BRIEF_API_KEYS` nor `BRIEF_API_KEYS_FILE` set every request is let
through (the default bind is 127.0.0.1). With keys configured, `Guard.admit` is the one check:
a known key within its token bucket is admitted, anything else raises `AccessDenied` saying why.
With `BRIEF_REDIS_URL` set the buckets live in Redis, shared by every replica
(`service.redis_limits`); otherwise in this process, as per-replica limits. Each HTTP surface
only finds the key where its clients put it and words the refusal in its own dialect
(problem+json for /v1 and the page, LibreTranslate's `{"error"}` for its routes); see
`service.api.deps`.
"""

from __future__ import annotations

import hashlib
import math
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, Protocol

from service.config import Settings

HEADER_NAME = "X-API-Key"
FIELD_NAME = "api_key"


def _digest(key: str) -> str:
    # Keys are compared by SHA-256 digest, so a lookup costs the same whatever the key's prefix,
    # and the digest prefix doubles as a loggable identity that does not reveal the key.
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def read_keys_file(path: Path) -> list[str]:
    """Keys from a file: one per line; blank lines and text after '#' are ignored."""
    keys = []
    for line in path.read_text(encoding="utf-8").splitlines():
        key = line.split("#", 1)[0].strip()
        if key:
            keys.append(key)
    return keys


@dataclass(frozen=True)
class ApiKeys:
    """The configured keys, held as digests. Empty means access control is off."""

    digests: frozenset[str]

    @classmethod
    def from_settings(cls, settings: Settings) -> ApiKeys:
        """Collect keys from `api_keys` (comma-separated) and `api_keys_file`."""
        keys: list[str] = []
        if settings.api_keys is not None:
            keys += [k.strip() for k in settings.api_keys.get_secret_value().split(",")]
        if settings.api_keys_file is not None:
            # A configured but missing file must stop start-up: silently running open would be
            # the worst possible reading of a typo.
            keys += read_keys_file(settings.api_keys_file)
        return cls(frozenset(_digest(k) for k in keys if k))

    @property
    def enabled(self) -> bool:
        return bool(self.digests)

    def identify(self, key: str) -> str | None:
        """The key's identity (digest) when it is known, else None."""
        digest = _digest(key)
        return digest if digest in self.digests else None


@dataclass
class TokenBucket:
    """`capacity` tokens, refilled at `rate` tokens per second; one request takes one token."""

    rate: float
    capacity: float
    tokens: float
    updated: float

    def take(self, now: float) -> float:
        """Take a token. Returns 0 when granted, else the seconds until one is available."""
        self.tokens = min(self.capacity, self.tokens + (now - self.updated) * self.rate)
        self.updated = now
        if self.tokens >= 1.0:
            self.tokens -= 1.0
            return 0.0
        return (1.0 - self.tokens) / self.rate


@dataclass
class RateLimiter:
    """One token bucket per key identity. Memory is bounded: only configured keys get buckets."""

    per_minute: int
    burst: int
    buckets: dict[str, TokenBucket] = field(default_factory=dict)

    def take(self, identity: str, now: float | None = None) -> float:
        """0 when the request may proceed, else seconds to wait. A rate of 0 means no limit."""
        if self.per_minute <= 0:
            return 0.0
        now = time.monotonic() if now is None else now
        bucket = self.buckets.get(identity)
        if bucket is None:
            bucket = TokenBucket(self.per_minute / 60.0, self.burst, self.burst, now)
            self.buckets[identity] = bucket
        # Runs on the event loop thread only (async dependency), so no lock is needed.
        return bucket.take(now)


class Limiter(Protocol):
    """What the guard needs of a rate limiter: in-process (`RateLimiter`) or in Redis."""

    per_minute: int

    def take(self, identity: str, now: float | None = None) -> float: ...


class AccessDenied(Exception):
    """Why a request is refused: no key, an unknown key, or a key past its rate limit."""

    def __init__(
        self, reason: Literal["missing", "unknown", "rate-limited"], retry_after: int = 0
    ) -> None:
        super().__init__(reason)
        self.reason = reason
        self.retry_after = retry_after


@dataclass(frozen=True)
class Guard:
    """Keys and limiter of one app instance."""

    keys: ApiKeys
    limiter: Limiter

    @classmethod
    def from_settings(cls, settings: Settings) -> Guard:
        per_minute, burst = settings.rate_limit_per_minute, settings.rate_limit_burst
        limiter: Limiter = RateLimiter(per_minute, burst)
        if settings.redis_url is not None:
            from service.redis_limits import RedisRateLimiter  # imports redis only when used

            url = settings.redis_url.get_secret_value()
            limiter = RedisRateLimiter(url, per_minute, burst, settings.redis_prefix)
        return cls(ApiKeys.from_settings(settings), limiter)

    def admit(self, key: str | None) -> str | None:
        """The key's identity (None when access control is off), or raise AccessDenied."""
        if not self.keys.enabled:
            return None
        if not key:
            raise AccessDenied("missing")
        identity = self.keys.identify(key)
        if identity is None:
            raise AccessDenied("unknown")
        wait = self.limiter.take(identity)
        if wait > 0:
            raise AccessDenied("rate-limited", max(1, math.ceil(wait)))
        return identity



"""Optional API keys and a per-key rate limit, as one FastAPI dependency every /v1 route reuses.

Off by default: with neither `BRIEF_API_KEYS` nor `BRIEF_API_KEYS_FILE` set the dependency lets
every request through (the default bind is 127.0.0.1). With keys configured, a request must carry
a known key in the `X-API-Key` header or the `api_key` query parameter; otherwise 401. Each key has
a token bucket: past it, 429 with Retry-After. Health, docs and schema routes never include the
dependency. The LibreTranslate-compatible routes use the same `Guard` (keys and buckets) through
`get_guard`, reading `api_key` from their JSON or form bodies and answering in LibreTranslate's
error dialect.
"""

from __future__ import annotations

import hashlib
import math
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, Request
from fastapi.security import APIKeyHeader, APIKeyQuery

from service.config import Settings
from service.errors import PROBLEM_MEDIA_TYPE, Problem, ProblemDetail

HEADER_NAME = "X-API-Key"
FIELD_NAME = "api_key"

# auto_error=False: the schemes document where a key goes (and give Swagger UI its Authorize
# button); whether one is required is decided at run time from the settings.
_header_scheme = APIKeyHeader(
    name=HEADER_NAME,
    auto_error=False,
    description="API key; required only when the server is configured with keys.",
)
_query_scheme = APIKeyQuery(
    name=FIELD_NAME,
    auto_error=False,
    description="API key as a query parameter (alternative to the header).",
)


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


@dataclass(frozen=True)
class Guard:
    """Keys and limiter of one app instance."""

    keys: ApiKeys
    limiter: RateLimiter

    @classmethod
    def from_settings(cls, settings: Settings) -> Guard:
        return cls(
            ApiKeys.from_settings(settings),
            RateLimiter(settings.rate_limit_per_minute, settings.rate_limit_burst),
        )


def get_guard(request: Request) -> Guard:
    """The app's Guard, built from its settings on first use and kept on app.state."""
    guard: Guard | None = getattr(request.app.state, "guard", None)
    if guard is None:
        guard = Guard.from_settings(request.app.state.settings)
        request.app.state.guard = guard
    return guard


async def require_api_key(
    request: Request,
    header_key: Annotated[str | None, Depends(_header_scheme)],
    query_key: Annotated[str | None, Depends(_query_scheme)],
) -> str | None:
    """Admit the request or raise a 401/429 Problem. Returns the key identity (None when off)."""
    guard = get_guard(request)
    if not guard.keys.enabled:
        return None
    key = header_key or query_key
    if not key:
        raise Problem(
            401,
            "api-key-missing",
            f"This server requires an API key: send it in the {HEADER_NAME} header "
            f"or as {FIELD_NAME}.",
            title="API key required",
        )
    identity = guard.keys.identify(key)
    if identity is None:
        raise Problem(401, "api-key-unknown", "The API key is not known.", title="Unknown API key")
    wait = guard.limiter.take(identity)
    if wait > 0:
        retry_after = max(1, math.ceil(wait))
        raise Problem(
            429,
            "rate-limited",
            f"Rate limit of {guard.limiter.per_minute} requests per minute for this key "
            f"exceeded; retry in {retry_after} s.",
            headers={"Retry-After": str(retry_after)},
        )
    return identity


ApiKeyDep = Annotated[str | None, Depends(require_api_key)]

# Documented on every route that takes the dependency.
SECURITY_RESPONSES: dict[int | str, dict[str, Any]] = {
    401: {
        "model": ProblemDetail,
        "content": {PROBLEM_MEDIA_TYPE: {}},
        "description": "Missing or unknown API key (only when the server has keys configured)",
    },
    429: {
        "model": ProblemDetail,
        "content": {PROBLEM_MEDIA_TYPE: {}},
        "description": "Per-key rate limit exceeded; see Retry-After",
        "headers": {
            "Retry-After": {"description": "Seconds to wait", "schema": {"type": "integer"}}
        },
    },
}

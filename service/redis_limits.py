"""Per-key rate limits shared by every replica: the access guard's token bucket, kept in Redis.

Used when BRIEF_REDIS_URL is set (service.access.Guard.from_settings). The bucket is the same as
`service.access.TokenBucket` - `burst` tokens, refilled at `per_minute / 60` per second, one per
request - computed by one Lua script, so read-refill-take-write is atomic across replicas, on the
Redis server's clock, so replicas whose clocks disagree still share one bucket. A bucket expires
once it would be full again, which is the same as no bucket: Redis holds only active keys.

The guard runs on the event loop and this is a blocking call: one round trip (~0.1 ms on
loopback, well under a millisecond inside a cluster), with short timeouts. While Redis cannot be
reached, each replica falls back to its own in-process bucket (limits per replica instead of
shared, never off) and tries Redis again every few seconds, logging the outage once.
"""

from __future__ import annotations

import logging
import time

import redis

from service.access import RateLimiter

log = logging.getLogger(__name__)

# KEYS[1] the bucket; ARGV[1] rate (tokens per second); ARGV[2] capacity (the burst).
# Returns the seconds to wait as text (a Lua number in a reply would be cut to an integer).
TOKEN_BUCKET = """
if redis.replicate_commands then redis.replicate_commands() end
local rate = tonumber(ARGV[1])
local capacity = tonumber(ARGV[2])
local t = redis.call('TIME')
local now = tonumber(t[1]) + tonumber(t[2]) / 1000000
local state = redis.call('HMGET', KEYS[1], 'tokens', 'updated')
local tokens, updated = tonumber(state[1]), tonumber(state[2])
if tokens == nil or updated == nil then
  tokens, updated = capacity, now
end
tokens = math.min(capacity, tokens + math.max(0, now - updated) * rate)
local wait = 0
if tokens >= 1 then
  tokens = tokens - 1
else
  wait = (1 - tokens) / rate
end
redis.call('HSET', KEYS[1], 'tokens', string.format('%.17g', tokens),
  'updated', string.format('%.17g', now))
redis.call('PEXPIRE', KEYS[1], math.ceil(capacity / rate * 1000) + 1000)
return string.format('%.17g', wait)
"""
TIMEOUT_S = 0.25
RETRY_S = 5.0  # while Redis is down, how often one request tries it again


class RedisRateLimiter:
    """One token bucket per key identity, in Redis; same interface as `RateLimiter`."""

    def __init__(self, url: str, per_minute: int, burst: int, prefix: str) -> None:
        self.per_minute = per_minute
        self.burst = burst
        self._prefix = f"{prefix}ratelimit:"
        self._client = redis.Redis.from_url(
            url, socket_timeout=TIMEOUT_S, socket_connect_timeout=TIMEOUT_S
        )
        kwargs = self._client.connection_pool.connection_kwargs
        # Where, for the logs; never the URL itself, which may carry a password.
        self.where = f"{kwargs.get('host', kwargs.get('path', '?'))}:{kwargs.get('port', '')}"
        self._script = self._client.register_script(TOKEN_BUCKET)
        self._fallback = RateLimiter(per_minute, burst)
        self._down_until = 0.0
        self._down = False

    def take(self, identity: str, now: float | None = None) -> float:
        """0 when the request may proceed, else seconds to wait. A rate of 0 means no limit.
        `now` only reaches the in-process fallback: Redis uses its own clock."""
        if self.per_minute <= 0:
            return 0.0
        clock = time.monotonic()
        if clock < self._down_until:
            return self._fallback.take(identity, now)
        try:
            reply = self._script(
                keys=[self._prefix + identity], args=[self.per_minute / 60.0, self.burst]
            )
        except redis.RedisError as exc:
            if not self._down:
                log.warning(
                    "Redis at %s unreachable (%s): rate limits are per replica until it is back",
                    self.where,
                    type(exc).__name__,
                )
            self._down, self._down_until = True, clock + RETRY_S
            return self._fallback.take(identity, now)
        if self._down:
            log.warning("Redis at %s is back: rate limits are shared again", self.where)
            self._down = False
        return float(reply)

    def close(self) -> None:
        self._client.close()

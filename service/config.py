"""One typed settings object, read from BRIEF_* environment variables (or a .env file)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

# Where `python -m models install` puts the default model; relative to the working directory so a
# container can mount a volume there.
DEFAULT_MODEL_DIR = Path("models/installed/opus-mt-tc-big-gmq-en")
# The embedded claim store: a SQLite file, so `make run` needs no database server.
DEFAULT_STORE_URL = "sqlite:///data/store.db"


class Settings(BaseSettings):
    """Every knob of the service. Each one is documented in the README's settings table."""

    model_config = SettingsConfigDict(env_prefix="BRIEF_", env_file=".env", extra="ignore")

    # --- translation model -------------------------------------------------------------------
    model_dir: Path = Field(
        DEFAULT_MODEL_DIR,
        description="CTranslate2 model directory (with source.spm/target.spm). Missing: "
        "the service starts without translation.",
    )
    device: Literal["cpu", "cuda", "auto"] = Field("cpu", description="CTranslate2 device.")
    compute_type: str = Field("int8", description="CTranslate2 compute type, e.g. int8, float32.")
    inter_threads: int = Field(
        1, ge=1, le=64, description="Batches translated in parallel (one worker thread each)."
    )
    intra_threads: int = Field(
        2, ge=0, le=64, description="CPU threads per batch; 0 lets CTranslate2 choose."
    )
    beam_size: int = Field(2, ge=1, le=8, description="Beam size; 1 is greedy (fastest).")
    max_sentence_tokens: int = Field(
        200,
        ge=16,
        le=1000,
        description="Longer sentences (SentencePiece tokens) are split at "
        "; : , or between words before translation; nothing is truncated.",
    )
    decoding_length_ratio: float = Field(
        2.0, ge=1.0, le=10.0, description="max_decoding_length = ratio x longest source + margin."
    )
    decoding_length_margin: int = Field(10, ge=0, le=1000, description="See decoding_length_ratio.")
    no_repeat_ngram_size: int = Field(
        6,
        ge=0,
        le=64,
        description="Forbid repeating an n-gram of this many tokens while "
        "decoding (stops repetition loops); 0 disables.",
    )
    repetition_penalty: float = Field(
        1.0, ge=1.0, le=5.0, description="CTranslate2 repetition penalty; 1.0 disables."
    )
    max_batch_tokens: int = Field(
        2048, ge=64, description="translate_batch max_batch_size with batch_type='tokens'."
    )
    batch_window_ms: float = Field(
        5.0,
        ge=0.0,
        le=1000.0,
        description="How long an idle translator waits to gather "
        "concurrent requests into one translate_batch call (cross-request micro-batching).",
    )
    batch_max_sentences: int = Field(
        256,
        ge=1,
        description="Stop adding further requests to a merged call past this many "
        "sentences (one request is never split across calls).",
    )
    translate_max_wait_s: float = Field(
        10.0,
        gt=0.0,
        le=600.0,
        description="Admission by work: a translation request is refused (503 with "
        "Retry-After) only when the estimated wait for it (the source tokens queued ahead of it "
        "at the measured cost of a model call: a fixed part per call plus seconds per token) "
        "exceeds this many seconds.",
    )
    translation_cache_size: int = Field(
        10_000, ge=0, description="LRU cache of translated sentences (model, sentence); 0 disables."
    )

    # --- request limits ----------------------------------------------------------------------
    max_body_bytes: int = Field(2_000_000, ge=1_024, description="Larger bodies get 413.")
    max_text_chars: int = Field(200_000, ge=100, description="Longer texts get 413.")
    max_batch_items: int = Field(64, ge=1, description="More texts in one request get 422.")
    max_concurrent_briefs: int = Field(
        2,
        ge=1,
        le=256,
        description="Briefings analysed at the same time (CPU-bound work: about one per core); "
        "one more is answered 503 with Retry-After.",
    )
    warm_up: bool = Field(
        True,
        description="Load the analysis pipelines, lexicons and gazetteer at start-up (about 10 s; "
        "the first briefing is then as fast as any). Off: each is loaded on first use.",
    )
    brief_cpu_budget_s: float | None = Field(
        60.0,
        gt=0,
        description="CPU seconds one briefing's analysis (detection, parsing, claims, summary) "
        "may use; past it the answer is 413 `over-budget`. Unset (null) for no limit.",
    )

    # --- access (optional; off unless keys are configured) -------------------------------------
    api_keys: SecretStr | None = Field(
        None,
        description="Comma-separated API keys. With this or api_keys_file set, every /v1 route "
        "needs a key (X-API-Key header or api_key); otherwise the service is open.",
    )
    api_keys_file: Path | None = Field(
        None, description="File with one API key per line ('#' starts a comment)."
    )
    rate_limit_per_minute: int = Field(
        120, ge=0, description="Requests per minute per API key (token bucket); 0 = no limit."
    )
    rate_limit_burst: int = Field(
        20,
        ge=1,
        description="Requests one key may send at once before the per-minute rate applies.",
    )

    # --- claim store (service.store) -----------------------------------------------------------
    store_url: SecretStr = Field(
        SecretStr(DEFAULT_STORE_URL),
        description="SQLAlchemy URL of the claim store: a SQLite file (the default, under data/) "
        "or postgresql+psycopg://user:password@host/db. Secret: it may carry a password.",
    )
    store_migrate: bool = Field(
        True,
        description="Upgrade the store's schema to this version at start-up (Alembic). Off: "
        "start only if the database is already at this version (`python -m service.store "
        "upgrade` does it).",
    )

    redis_url: SecretStr | None = Field(
        None,
        description="Redis for state shared by replicas (redis://[:password@]host:6379/0): the "
        "per-key rate limit buckets. Unset: each process keeps its own.",
    )
    redis_prefix: str = Field(
        "supplybrief:", description="Prefix of every Redis key this service writes."
    )

    # --- observability -----------------------------------------------------------------------
    log_format: Literal["json", "text"] = Field(
        "json", description="json: one JSON object per line (with request_id); text: plain lines."
    )
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = Field(
        "INFO", description="Minimum level logged (one access line per request at INFO)."
    )


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings, read once."""
    return Settings()

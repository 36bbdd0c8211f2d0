"""One typed settings object, read from BRIEF_* environment variables (or a .env file)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

# Where `python -m models install` puts the default model; relative to the working directory so a
# container can mount a volume there.
DEFAULT_MODEL_DIR = Path("models/installed/opus-mt-tc-big-gmq-en")


class Settings(BaseSettings):
    """Every knob of the service. Each one is documented in the README's settings table."""

    model_config = SettingsConfigDict(env_prefix="BRIEF_", env_file=".env", extra="ignore")

    # --- translation model -------------------------------------------------------------------
    model_dir: Path = Field(
        DEFAULT_MODEL_DIR,
        description="CTranslate2 model directory (with source.spm/target.spm). Missing: "
        "the service starts without translation.",
    )
    device: Literal["cpu", "cuda", "auto"] = "cpu"
    compute_type: str = Field("int8", description="CTranslate2 compute type, e.g. int8, float32.")
    inter_threads: int = Field(1, ge=1, le=64)
    intra_threads: int = Field(2, ge=0, le=64, description="0 lets CTranslate2 choose.")
    beam_size: int = Field(2, ge=1, le=8)

    # --- request limits ----------------------------------------------------------------------
    max_body_bytes: int = Field(2_000_000, ge=1_024, description="Larger bodies get 413.")
    max_text_chars: int = Field(200_000, ge=100, description="Longer texts get 413.")
    max_batch_items: int = Field(64, ge=1, description="More texts in one request get 422.")


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings, read once."""
    return Settings()

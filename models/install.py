"""Install a catalogue model: download the Hugging Face checkpoint, convert it to CTranslate2, and
put the SentencePiece files beside it, ready for `Settings.model_dir`.

Needs the optional `convert` extra (transformers, torch, huggingface_hub); the service itself never
imports any of them. The converted model is written to `<dest>.partial` and renamed into place
only once it loads, so an interrupted install never looks like an installed model.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

from models.catalogue import ModelEntry

CONVERT_EXTRA_HINT = (
    "model conversion needs the 'convert' extra: pip install -e '.[convert]' "
    "(for a CPU-only torch, first: pip install torch --index-url "
    "https://download.pytorch.org/whl/cpu)"
)
# Weights in one format are enough; safetensors is preferred (smaller, no pickle).
_METADATA_PATTERNS = ["*.json", "*.spm"]
_WEIGHT_FILES = ("model.safetensors", "pytorch_model.bin")

Converter = Callable[[Path, Path, ModelEntry], None]


class InstallError(Exception):
    """An install step failed; the message says what to do."""


def download(entry: ModelEntry, cache_dir: Path | None = None) -> Path:
    """Fetch the checkpoint at the catalogue's pinned revision; return its local directory."""
    try:
        from huggingface_hub import snapshot_download
    except ImportError as exc:
        raise InstallError(CONVERT_EXTRA_HINT) from exc
    for weights in _WEIGHT_FILES:
        try:
            local = Path(
                snapshot_download(
                    entry.repo,
                    revision=entry.revision,
                    allow_patterns=[*_METADATA_PATTERNS, weights],
                    cache_dir=cache_dir,
                )
            )
        except Exception as exc:  # noqa: BLE001 - network and hub errors come in many classes
            raise InstallError(
                f"could not download {entry.repo}@{entry.revision}: {exc}. This step needs "
                "internet access; elsewhere, copy the checkpoint over and use --from-dir."
            ) from exc
        if (local / weights).is_file():
            return local
    raise InstallError(f"{entry.repo}@{entry.revision} has none of {', '.join(_WEIGHT_FILES)}")


def convert_with_ctranslate2(source_dir: Path, out_dir: Path, entry: ModelEntry) -> None:
    """CTranslate2's Transformers converter, as `ct2-transformers-converter --quantization int8
    --copy_files source.spm target.spm` does it."""
    try:
        import torch  # noqa: F401 - the converter needs it; fail with the hint, not deep inside
        import transformers  # noqa: F401
        from ctranslate2.converters import TransformersConverter
    except ImportError as exc:
        raise InstallError(CONVERT_EXTRA_HINT) from exc
    converter = TransformersConverter(str(source_dir), copy_files=entry.copy_files)
    converter.convert(str(out_dir), quantization=entry.quantization, force=True)


def _check_loads(model_dir: Path) -> None:
    import ctranslate2
    import sentencepiece as spm

    for name in ("source.spm", "target.spm"):
        if not (model_dir / name).is_file():
            raise InstallError(f"conversion left no {name} in {model_dir}")
        spm.SentencePieceProcessor(model_file=str(model_dir / name))
    translator = ctranslate2.Translator(str(model_dir), device="cpu", compute_type="int8")
    translator.unload_model()


def disk_size_mb(path: Path) -> int:
    """Size of a directory's files in MB (rounded)."""
    return round(sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 1_000_000)


def _replace(dest: Path, partial: Path) -> None:
    """Move the converted model into place. An existing (empty or old) directory that cannot be
    removed, such as a root-owned mount point, is filled file by file instead."""
    try:
        shutil.rmtree(dest, ignore_errors=False) if dest.exists() else None
        partial.rename(dest)
    except OSError:
        dest.mkdir(parents=True, exist_ok=True)
        for item in partial.iterdir():
            target = dest / item.name
            if target.is_dir():
                shutil.rmtree(target)
            shutil.move(str(item), target)
        partial.rmdir()


def install(
    entry: ModelEntry,
    dest_root: Path,
    *,
    source_dir: Path | None = None,
    convert: Converter = convert_with_ctranslate2,
    force: bool = False,
) -> Path:
    """Install `entry` into `dest_root/<name>` and return that directory.

    `source_dir` is a local copy of the Hugging Face checkpoint (skips the download).
    """
    dest = dest_root / entry.name
    # A directory without model.bin is no install: `docker compose up` before an install leaves
    # an empty mount point there, often owned by root. Only a real model needs --force.
    if (dest / "model.bin").is_file() and not force:
        raise InstallError(f"{dest} already holds a model; pass --force to reinstall")
    checkpoint = source_dir if source_dir is not None else download(entry)
    partial = dest.with_name(dest.name + ".partial")
    shutil.rmtree(partial, ignore_errors=True)
    partial.parent.mkdir(parents=True, exist_ok=True)
    try:
        convert(checkpoint, partial, entry)
        _check_loads(partial)
        info = {**entry.info(), "size_on_disk_mb": disk_size_mb(partial)}
        if source_dir is not None:
            # Converted from a local copy: say which, not a Hub revision nobody checked.
            info["source"] = f"local directory {source_dir.resolve()}"
            info.pop("revision", None)
        (partial / "model_info.json").write_text(json.dumps(info, indent=2) + "\n", "utf-8")
        _replace(dest, partial)
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    return dest

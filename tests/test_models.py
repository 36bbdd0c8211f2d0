"""The model catalogue and `python -m models install`, offline."""

from __future__ import annotations

import asyncio
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from models.__main__ import main
from models.catalogue import ModelEntry, load_catalogue
from models.install import InstallError, install
from service.translation.guard import collapse_repeats
from tests.conftest import tiny_engine
from tests.tiny_model import (
    SOURCE_FILES,
    _flores_lines,
    _shared_vocabulary,
    build_tiny_model,
    train_spm,
)

ROOT = Path(__file__).resolve().parent.parent


def test_catalogue_default_is_the_pinned_opus_mt_model() -> None:
    catalogue = load_catalogue()
    entry = catalogue.get()
    assert entry.name == "opus-mt-tc-big-gmq-en"
    assert entry.repo == "Helsinki-NLP/opus-mt-tc-big-gmq-en"
    assert re.fullmatch(r"[0-9a-f]{40}", entry.revision)
    assert entry.licence == "CC-BY-4.0"
    assert entry.source_languages == ["nb", "nn", "sv", "da"] and entry.target_languages == ["en"]
    assert entry.quantization == "int8"
    assert {"source.spm", "target.spm"} <= set(entry.copy_files)
    assert entry.bleu["nob-eng"] == 44.2 and entry.bleu["nno-eng"] == 45.1
    assert entry.bleu["swe-eng"] == 49.8
    assert entry.size_on_disk_mb > 0
    with pytest.raises(KeyError, match="opus-mt-tc-big-gmq-en"):
        catalogue.get("no-such-model")


def test_service_default_model_dir_is_where_install_puts_the_default() -> None:
    from service.config import Settings

    assert (
        Settings.model_fields["model_dir"].default
        == Path("models/installed") / load_catalogue().default
    )


def test_cli_lists_models(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["list"]) == 0
    out = capsys.readouterr().out
    assert "opus-mt-tc-big-gmq-en (default)" in out and "CC-BY-4.0" in out
    # And as the README runs it, from the project root.
    run = subprocess.run(
        [sys.executable, "-m", "models", "list"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    assert "opus-mt-tc-big-gmq-en" in run.stdout


def _tiny_converter(_: Path, out_dir: Path, entry: ModelEntry) -> None:
    build_tiny_model(out_dir)


def test_install_writes_a_loadable_model_with_its_info(tmp_path: Path) -> None:
    entry = load_catalogue().get()
    dest = install(entry, tmp_path / "installed", source_dir=tmp_path, convert=_tiny_converter)
    assert dest == tmp_path / "installed" / entry.name
    assert {"model.bin", "source.spm", "target.spm", "model_info.json"} <= {
        p.name for p in dest.iterdir()
    }
    assert not dest.with_name(dest.name + ".partial").exists()
    info = json.loads((dest / "model_info.json").read_text())
    # Installed from a local copy: the info names that directory, not an unchecked Hub revision.
    assert info["licence"] == "CC-BY-4.0" and info["source"] == f"local directory {tmp_path}"
    engine = tiny_engine(dest)
    assert engine is not None
    try:
        assert (
            engine.model_info["name"] == entry.name and engine.model_info["licence"] == "CC-BY-4.0"
        )
    finally:
        engine.close()
    with pytest.raises(InstallError, match="--force"):
        install(entry, tmp_path / "installed", source_dir=tmp_path, convert=_tiny_converter)


def test_an_empty_directory_left_by_a_volume_mount_is_not_an_install(tmp_path: Path) -> None:
    entry = load_catalogue().get()
    (tmp_path / "installed" / entry.name).mkdir(parents=True)  # what `compose up` leaves
    dest = install(entry, tmp_path / "installed", source_dir=tmp_path, convert=_tiny_converter)
    assert (dest / "model.bin").is_file()


def test_install_from_a_local_directory_says_so(tmp_path: Path) -> None:
    checkpoint = tmp_path / "checkpoint"
    checkpoint.mkdir()
    run = subprocess.run(
        [sys.executable, "-m", "models", "install", "--dest", str(tmp_path / "out"),
         "--from-dir", str(checkpoint)],
        cwd=ROOT, capture_output=True, text=True,
    )
    # Conversion needs the convert extra or fails on an empty checkpoint; either way the
    # message names the local directory, never a Hub revision.
    assert f"from the local directory {checkpoint}" in run.stdout
    assert "@" not in run.stdout.split("\n")[0]


def test_failed_conversion_leaves_nothing_that_looks_installed(tmp_path: Path) -> None:
    def broken(_: Path, out_dir: Path, entry: ModelEntry) -> None:
        out_dir.mkdir(parents=True)
        (out_dir / "model.bin").write_bytes(b"half a model")
        raise RuntimeError("disk full")

    with pytest.raises(RuntimeError, match="disk full"):
        install(load_catalogue().get(), tmp_path, source_dir=tmp_path, convert=broken)
    assert list(tmp_path.iterdir()) == []


def _tiny_marian_checkpoint(out: Path) -> None:
    """A random Marian checkpoint in Hugging Face format, as Helsinki-NLP publishes them."""
    torch = pytest.importorskip("torch")
    transformers = pytest.importorskip("transformers")
    out.mkdir(parents=True)
    src = train_spm(
        [x for c in SOURCE_FILES for x in _flores_lines(c, 100)], 200, out / "source.spm"
    )
    tgt = train_spm(_flores_lines("eng", 100), 200, out / "target.spm")
    vocab = [*_shared_vocabulary(src, tgt), "<pad>"]
    (out / "vocab.json").write_text(json.dumps({p: i for i, p in enumerate(vocab)}), "utf-8")
    pad = len(vocab) - 1
    config = transformers.MarianConfig(
        vocab_size=len(vocab),
        decoder_vocab_size=len(vocab),
        d_model=32,
        encoder_layers=1,
        decoder_layers=1,
        encoder_attention_heads=2,
        decoder_attention_heads=2,
        encoder_ffn_dim=64,
        decoder_ffn_dim=64,
        max_position_embeddings=256,
        pad_token_id=pad,
        eos_token_id=0,
        decoder_start_token_id=pad,
        forced_eos_token_id=None,
    )
    torch.manual_seed(0)
    transformers.MarianMTModel(config).save_pretrained(out)
    transformers.MarianTokenizer(
        str(out / "source.spm"), str(out / "target.spm"), str(out / "vocab.json")
    ).save_pretrained(out)


@pytest.mark.filterwarnings("ignore:Recommended. pip install sacremoses")
def test_real_conversion_matches_transformers_generation(tmp_path: Path) -> None:
    """The install command's converter on a Marian checkpoint, and our OPUS-MT conventions
    (pieces + </s>, no target prefix, target.spm decoding) give what transformers generates."""
    checkpoint = tmp_path / "hf"
    _tiny_marian_checkpoint(checkpoint)
    transformers = pytest.importorskip("transformers")
    assert main(["install", "--dest", str(tmp_path / "inst"), "--from-dir", str(checkpoint)]) == 0
    dest = tmp_path / "inst" / "opus-mt-tc-big-gmq-en"
    sentence = "Norge har sendt droner til Ukraina."

    tokenizer = transformers.MarianTokenizer.from_pretrained(checkpoint)
    model = transformers.MarianMTModel.from_pretrained(checkpoint).eval()
    encoded = tokenizer([sentence], return_tensors="pt")
    n = int(encoded.input_ids.shape[1])
    generated = model.generate(**encoded, num_beams=1, do_sample=False, max_new_tokens=n)
    special = set(tokenizer.all_special_tokens)
    pieces = [t for t in tokenizer.convert_ids_to_tokens(generated[0]) if t not in special]
    # The engine cuts repetition loops (a random model is full of them): cut them here too.
    kept, _ = collapse_repeats(pieces)
    expected = tokenizer.convert_tokens_to_string(kept).strip()

    # float32 so that the comparison is exact; the install itself is int8 (checked to load).
    engine = tiny_engine(
        dest,
        compute_type="float32",
        beam_size=1,
        no_repeat_ngram_size=0,
        decoding_length_margin=0,
        translation_cache_size=0,
    )
    assert engine is not None
    try:
        [ours] = asyncio.run(engine.translate([sentence], "nb"))
    finally:
        engine.close()
    assert ours == expected

"""Build random-weight stand-ins of the default model for speed measurements (issue 5).

The default model, Helsinki-NLP/opus-mt-tc-big-gmq-en, cannot be downloaded here. A model with the
same architecture and random weights costs the same per token once decoding lengths are fixed, so
the benchmarks use it instead. This script writes, under ``bench/models/`` (gitignored):

* ``spm32k.model`` - a SentencePiece unigram model trained on the FLORES dev text, its vocabulary
  padded with never-matching user-defined pieces to exactly 32,000 entries (the data alone cannot
  support 32k real pieces);
* ``ct2-big-int8/`` - a CTranslate2 int8 transformer-big (6+6 layers, d_model 1024, 16 heads,
  FFN 4096, post-norm like Marian's transformer-big, shared source/target/output embeddings like
  OPUS-MT-tc-big), with ``source.spm``/``target.spm`` beside it so the service can load it;
* ``hf-marian-big/`` - the same architecture as a Hugging Face ``MarianMTModel`` (fp32, random
  init), the contender a user would otherwise run. Needs the ``bench`` extra (torch, transformers).

Everything is seeded, so two runs give the same files. Usage::

    python bench/build_big_model.py            # both models
    python bench/build_big_model.py --skip-hf  # CTranslate2 only (no torch needed)
"""

from __future__ import annotations

import argparse
import json
import math
import shutil
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

BENCH_DIR = Path(__file__).resolve().parent
FLORES_DIR = BENCH_DIR / "data" / "flores"
MODELS_DIR = BENCH_DIR / "models"
CT2_DIR = MODELS_DIR / "ct2-big-int8"
HF_DIR = MODELS_DIR / "hf-marian-big"
SPM_PATH = MODELS_DIR / "spm32k.model"

# transformer-big as used by OPUS-MT-tc-big.
VOCAB_SIZE = 32_000
D_MODEL = 1024
HEADS = 16
FFN = 4096
LAYERS = 6
SEED = 20240505
# Ids fixed so the CTranslate2 and Hugging Face models agree on every special token.
UNK_ID, BOS_ID, EOS_ID, PAD_ID = 0, 1, 2, 3


def train_spm(out_path: Path) -> list[str]:
    """Train the 32k SentencePiece model on FLORES text; return its pieces in id order."""
    import sentencepiece as spm

    text = MODELS_DIR / "_spm_train.txt"
    lines: list[str] = []
    for path in sorted(FLORES_DIR.glob("flores200-dev.*")):
        lines.extend(line.strip() for line in path.read_text(encoding="utf-8").splitlines())
    text.write_text("\n".join(x for x in lines if x) + "\n", encoding="utf-8")
    common: dict[str, Any] = dict(
        input=str(text), model_type="unigram", character_coverage=1.0, num_threads=1,
        unk_id=UNK_ID, bos_id=BOS_ID, eos_id=EOS_ID, pad_id=PAD_ID, minloglevel=2,
        input_sentence_size=0, shuffle_input_sentence=False,
    )
    # Pass 1: how many real pieces can ~5k sentences support? (hard limit off: it stops early.)
    probe = MODELS_DIR / "_spm_probe"
    spm.SentencePieceTrainer.train(
        model_prefix=str(probe), vocab_size=VOCAB_SIZE, hard_vocab_limit=False, **common
    )
    real = spm.SentencePieceProcessor(model_file=f"{probe}.model").get_piece_size()
    # Pass 2: same training plus padding pieces that never occur in text, to reach exactly 32k.
    pads = [f"<unused{i:05d}>" for i in range(VOCAB_SIZE - real)]
    prefix = out_path.with_suffix("")
    spm.SentencePieceTrainer.train(
        model_prefix=str(prefix), vocab_size=VOCAB_SIZE, user_defined_symbols=pads, **common
    )
    for leftover in (text, Path(f"{probe}.model"), Path(f"{probe}.vocab")):
        leftover.unlink(missing_ok=True)
    sp = spm.SentencePieceProcessor(model_file=str(out_path))
    size = sp.get_piece_size()
    if size != VOCAB_SIZE:
        raise SystemExit(f"SentencePiece vocabulary has {size} pieces, expected {VOCAB_SIZE}")
    print(f"spm: {real} pieces learnt from FLORES + {len(pads)} padding pieces = {size}")
    return [sp.id_to_piece(i) for i in range(size)]


def _linear(rng: np.random.Generator, out_dim: int, in_dim: int) -> dict[str, np.ndarray]:
    # Xavier-like scale keeps activations finite through 12 random layers.
    w = rng.standard_normal((out_dim, in_dim), dtype=np.float32) / np.float32(math.sqrt(in_dim))
    return {"weight": w, "bias": np.zeros(out_dim, dtype=np.float32)}


def _set(spec: object, values: dict[str, np.ndarray]) -> None:
    for name, value in values.items():
        setattr(spec, name, value)


def _norm(spec: object) -> None:
    _set(spec, {"gamma": np.ones(D_MODEL, np.float32), "beta": np.zeros(D_MODEL, np.float32)})


def build_ct2(tokens: list[str], out_dir: Path) -> None:
    """Write the int8 CTranslate2 transformer-big with random weights."""
    from ctranslate2.specs import common_spec, transformer_spec

    rng = np.random.default_rng(SEED)
    spec = transformer_spec.TransformerSpec.from_config(
        LAYERS, HEADS, pre_norm=False, activation=common_spec.Activation.RELU
    )
    # One embedding matrix for encoder, decoder and output projection (tied, as in tc-big);
    # ModelSpec.optimize() aliases the identical arrays so it is stored once.
    emb = rng.standard_normal((VOCAB_SIZE, D_MODEL), dtype=np.float32) / np.float32(32.0)
    spec.encoder.embeddings[0].weight = emb
    spec.decoder.embeddings.weight = emb
    _set(spec.decoder.projection, {"weight": emb, "bias": np.zeros(VOCAB_SIZE, np.float32)})
    for layer in spec.encoder.layer:
        _set(layer.self_attention.linear[0], _linear(rng, 3 * D_MODEL, D_MODEL))
        _set(layer.self_attention.linear[1], _linear(rng, D_MODEL, D_MODEL))
        _norm(layer.self_attention.layer_norm)
        _set(layer.ffn.linear_0, _linear(rng, FFN, D_MODEL))
        _set(layer.ffn.linear_1, _linear(rng, D_MODEL, FFN))
        _norm(layer.ffn.layer_norm)
    for layer in spec.decoder.layer:
        _set(layer.self_attention.linear[0], _linear(rng, 3 * D_MODEL, D_MODEL))
        _set(layer.self_attention.linear[1], _linear(rng, D_MODEL, D_MODEL))
        _norm(layer.self_attention.layer_norm)
        _set(layer.attention.linear[0], _linear(rng, D_MODEL, D_MODEL))
        _set(layer.attention.linear[1], _linear(rng, 2 * D_MODEL, D_MODEL))
        _set(layer.attention.linear[2], _linear(rng, D_MODEL, D_MODEL))
        _norm(layer.attention.layer_norm)
        _set(layer.ffn.linear_0, _linear(rng, FFN, D_MODEL))
        _set(layer.ffn.linear_1, _linear(rng, D_MODEL, FFN))
        _norm(layer.ffn.layer_norm)
    # Marian conventions, as CTranslate2's MarianMT converter writes them.
    spec.decoder.start_from_zero_embedding = True
    spec.config.decoder_start_token = "</s>"
    spec.register_source_vocabulary(tokens)
    spec.register_target_vocabulary(tokens)
    spec.validate()
    spec.optimize(quantization="int8")
    if out_dir.exists():
        shutil.rmtree(out_dir)
    out_dir.mkdir(parents=True)
    spec.save(str(out_dir))
    for name in ("source.spm", "target.spm"):
        shutil.copyfile(SPM_PATH, out_dir / name)
    (out_dir / "BENCH_MODEL.txt").write_text(
        "Random-weight transformer-big for speed benchmarks only; translations are noise.\n",
        encoding="utf-8",
    )


def build_hf(out_dir: Path) -> None:
    """Write the same architecture as a Hugging Face MarianMTModel (fp32, random init)."""
    try:
        import torch
        from transformers import MarianConfig, MarianMTModel
    except ImportError:
        raise SystemExit("torch/transformers missing: pip install -e '.[bench]'") from None

    torch.manual_seed(SEED)
    config = MarianConfig(
        vocab_size=VOCAB_SIZE, d_model=D_MODEL,
        encoder_layers=LAYERS, decoder_layers=LAYERS,
        encoder_attention_heads=HEADS, decoder_attention_heads=HEADS,
        encoder_ffn_dim=FFN, decoder_ffn_dim=FFN, activation_function="relu",
        max_position_embeddings=1024, scale_embedding=True,
        share_encoder_decoder_embeddings=True, tie_word_embeddings=True,
        pad_token_id=PAD_ID, eos_token_id=EOS_ID, decoder_start_token_id=PAD_ID,
        forced_eos_token_id=EOS_ID,
    )
    model = MarianMTModel(config).eval()  # type: ignore[no-untyped-call]
    if out_dir.exists():
        shutil.rmtree(out_dir)
    model.save_pretrained(str(out_dir))


def dir_mb(path: Path) -> float:
    """Size of all files under path, in MB (10^6 bytes)."""
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 1e6


def main(argv: list[str] | None = None) -> int:
    """Build the SentencePiece model and both random-weight models."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--skip-hf", action="store_true", help="do not build the transformers model")
    args = ap.parse_args(argv)
    MODELS_DIR.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    tokens = train_spm(SPM_PATH)
    build_ct2(tokens, CT2_DIR)
    print(f"ct2: {CT2_DIR.relative_to(BENCH_DIR.parent)}  {dir_mb(CT2_DIR):.0f} MB")
    if not args.skip_hf:
        build_hf(HF_DIR)
        print(f"hf:  {HF_DIR.relative_to(BENCH_DIR.parent)}  {dir_mb(HF_DIR):.0f} MB")
    info = {"vocab_size": VOCAB_SIZE, "d_model": D_MODEL, "heads": HEADS, "ffn": FFN,
            "layers": LAYERS, "seed": SEED, "eos_id": EOS_ID, "pad_id": PAD_ID}
    (MODELS_DIR / "architecture.json").write_text(json.dumps(info, indent=1), encoding="utf-8")
    print(f"built in {time.perf_counter() - t0:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())

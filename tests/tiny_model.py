"""Build a tiny, real, random-weight CTranslate2 model laid out like a converted OPUS-MT one.

The directory it writes has what `ct2-transformers-converter` writes for a Marian model plus the
SentencePiece files that the install command copies: `model.bin`, `config.json`,
`shared_vocabulary.json`, `source.spm`, `target.spm`. The weights are random, so translations are
gibberish, but every code path of the engine (tokenising, batching, decoding, detokenising) runs for
real, in milliseconds.

Also here: FLORES lines (`NB`, `SV`) and a `Spy` that watches the engine's translate_batch calls.
Usable as a script too: `python tests/tiny_model.py OUT_DIR`.
"""

from __future__ import annotations

import io
import itertools
import sys
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import ctranslate2
import numpy as np
import sentencepiece as spm
from ctranslate2.specs import common_spec, transformer_spec

FLORES = Path(__file__).resolve().parent.parent / "bench" / "data" / "flores"
SOURCE_FILES = ("nob", "nno", "swe", "dan")
# Marian's vocabulary starts with these two; `ct2-transformers-converter` keeps that order.
MARIAN_SPECIALS = ["</s>", "<unk>"]


@dataclass(frozen=True)
class TinyConfig:
    """Shape of the model. The defaults build in about a second; issue-5 style benchmarks can pass
    transformer-big dimensions instead."""

    encoder_layers: int = 2
    decoder_layers: int = 2
    d_model: int = 64
    heads: int = 4
    ffn: int = 128
    vocab_size: int = 400  # per SentencePiece model; the shared vocabulary is their union
    lines_per_language: int = 300
    quantization: str = "int8"
    weight_std: float = 0.5
    seed: int = 1234


def _flores_lines(code: str, limit: int) -> list[str]:
    path = FLORES / f"flores200-dev.{code}_Latn"
    with path.open(encoding="utf-8") as handle:
        return [line.strip() for line in itertools.islice(handle, limit) if line.strip()]


def train_spm(lines: list[str], vocab_size: int, out_file: Path) -> list[str]:
    """Train a unigram SentencePiece model on `lines`; write it and return its normal pieces."""
    buffer = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(lines),
        model_writer=buffer,
        vocab_size=vocab_size,
        model_type="unigram",
        character_coverage=1.0,
        num_threads=1,
        minloglevel=2,
    )
    out_file.write_bytes(buffer.getvalue())
    processor = spm.SentencePieceProcessor(model_proto=buffer.getvalue())
    return [
        processor.id_to_piece(i)
        for i in range(processor.get_piece_size())
        if not (processor.is_control(i) or processor.is_unknown(i))
    ]


def _shared_vocabulary(source_pieces: list[str], target_pieces: list[str]) -> list[str]:
    # OPUS-MT models share one vocabulary between two SentencePiece models.
    vocabulary = list(MARIAN_SPECIALS)
    seen = set(vocabulary)
    for piece in source_pieces + target_pieces:
        if piece not in seen:
            seen.add(piece)
            vocabulary.append(piece)
    return vocabulary


class _Filler:
    """Fills every weight of a Transformer spec with seeded random values of the right shape."""

    def __init__(self, config: TinyConfig, vocab: int) -> None:
        self.d = config.d_model
        self.ffn = config.ffn
        self.vocab = vocab
        self.std = config.weight_std
        self.rng = np.random.default_rng(config.seed)

    def _rand(self, *shape: int) -> np.ndarray:
        return self.rng.normal(0.0, self.std, size=shape).astype(np.float32)

    def linear(self, spec: common_spec.LinearSpec, out_dim: int, in_dim: int) -> None:
        spec.weight = self._rand(out_dim, in_dim) / np.sqrt(in_dim).astype(np.float32)
        spec.bias = self._rand(out_dim)

    def norm(self, spec: common_spec.LayerNormSpec) -> None:
        spec.gamma = np.ones(self.d, dtype=np.float32)
        spec.beta = self._rand(self.d)

    def attention(self, spec: transformer_spec.attention_spec.MultiHeadAttentionSpec) -> None:
        d = self.d
        self.norm(spec.layer_norm)
        if len(spec.linear) == 2:  # self-attention: fused QKV, output
            self.linear(spec.linear[0], 3 * d, d)
            self.linear(spec.linear[1], d, d)
        else:  # encoder-decoder attention: query, fused KV, output
            self.linear(spec.linear[0], d, d)
            self.linear(spec.linear[1], 2 * d, d)
            self.linear(spec.linear[2], d, d)

    def ffn_block(self, spec: transformer_spec.FeedForwardSpec) -> None:
        self.norm(spec.layer_norm)
        self.linear(spec.linear_0, self.ffn, self.d)
        self.linear(spec.linear_1, self.d, self.ffn)

    def model(self, spec: transformer_spec.TransformerSpec) -> None:
        spec.encoder.embeddings[0].weight = self._rand(self.vocab, self.d)
        for layer in spec.encoder.layer:
            self.attention(layer.self_attention)
            self.ffn_block(layer.ffn)
        spec.decoder.embeddings.weight = self._rand(self.vocab, self.d)
        for layer in spec.decoder.layer:
            self.attention(layer.self_attention)
            self.attention(layer.attention)
            self.ffn_block(layer.ffn)
        self.linear(spec.decoder.projection, self.vocab, self.d)
        # A plain random decoder ignores its input and emits the same loop for every sentence.
        # Weak self-attention and strong encoder attention make outputs differ per input, so
        # tests can tell translations apart (order, batching, caching).
        for layer in spec.decoder.layer:
            layer.self_attention.linear[1].weight *= 0.1
            layer.attention.linear[2].weight *= 3.0


def build_tiny_model(out_dir: Path, config: TinyConfig | None = None) -> Path:
    """Write a random-weight Marian-style CTranslate2 model and its SentencePiece files."""
    config = config or TinyConfig()
    out_dir.mkdir(parents=True, exist_ok=True)
    source_lines = [
        line for code in SOURCE_FILES for line in _flores_lines(code, config.lines_per_language)
    ]
    target_lines = _flores_lines("eng", config.lines_per_language)
    source_pieces = train_spm(source_lines, config.vocab_size, out_dir / "source.spm")
    target_pieces = train_spm(target_lines, config.vocab_size, out_dir / "target.spm")
    vocabulary = _shared_vocabulary(source_pieces, target_pieces)

    # Post-norm, sinusoidal positions, decoder started from a zero embedding: what the Marian
    # loader of ctranslate2.converters.transformers produces for OPUS-MT checkpoints.
    spec = transformer_spec.TransformerSpec.from_config(
        (config.encoder_layers, config.decoder_layers), config.heads, pre_norm=False
    )
    spec.decoder.start_from_zero_embedding = True
    spec.config.eos_token = "</s>"
    spec.config.unk_token = "<unk>"
    spec.config.decoder_start_token = "</s>"
    spec.config.layer_norm_epsilon = 1e-5
    _Filler(config, len(vocabulary)).model(spec)
    spec.register_source_vocabulary(vocabulary)
    spec.register_target_vocabulary(vocabulary)
    spec.validate()
    spec.optimize(quantization=config.quantization)
    spec.save(str(out_dir))
    return out_dir


# --- helpers for the translation tests -------------------------------------------------------

NB = _flores_lines("nob", 1000)
SV = _flores_lines("swe", 1000)


class Spy:
    """Wraps the real ctranslate2.Translator and records every translate_batch call."""

    def __init__(self, translator: Any, gate: threading.Event | None = None) -> None:
        self.translator = translator
        self.gate = gate
        self.calls: list[list[list[str]]] = []

    def translate_batch(self, source: list[list[str]], **kwargs: Any) -> Any:
        self.calls.append(source)
        if self.gate is not None:
            self.gate.wait(timeout=10)
        return self.translator.translate_batch(source, **kwargs)

    def unload_model(self) -> None:
        self.translator.unload_model()


def spy_on(engine: Any, gate: threading.Event | None = None) -> Spy:
    """Put a Spy between `engine` and its translator; with `gate`, calls wait until it is set."""
    spy = Spy(engine._translator, gate)  # noqa: SLF001 - the test watches the model boundary
    engine._translator = spy  # noqa: SLF001
    return spy


def main(argv: list[str]) -> None:
    if len(argv) != 1:
        raise SystemExit("usage: python tests/tiny_model.py OUT_DIR")
    out = build_tiny_model(Path(argv[0]))
    translator = ctranslate2.Translator(str(out), device="cpu", compute_type="int8")
    print(f"wrote {out} ({translator.model_is_loaded and 'loads'})")


if __name__ == "__main__":
    main(sys.argv[1:])

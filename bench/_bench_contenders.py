"""In-process contenders: (a) CTranslate2 translate_batch directly, (c) transformers MarianMT.

Both take the same `Chunk`s as the service gets requests, one model call per chunk, with the same
fixed decoding length per call, so every contender decodes the same number of tokens.
`call` runs one chunk and returns the tokens decoded; bench/_bench_interleave.py times it.
"""

from __future__ import annotations

import gc
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from _bench_data import Chunk


@dataclass(frozen=True)
class Timing:
    """Wall seconds for a workload and the target tokens the model actually decoded."""

    seconds: float
    decoded_tokens: int


class Floor:
    """(a) the floor: one ctranslate2.Translator, called on pre-tokenised input."""

    def __init__(self, model_dir: Path, inter: int, intra: int, decode: dict[str, Any]) -> None:
        import ctranslate2

        self._translator = ctranslate2.Translator(
            str(model_dir), device="cpu", compute_type="int8",
            inter_threads=inter, intra_threads=intra,
        )
        # The engine's own options (repetition guard, token-based batching), so the floor differs
        # from the service only by what the service adds around the call.
        self._decode = decode

    def call(self, chunk: Chunk, beam: int, ratio: float) -> int:
        """Translate one chunk in one translate_batch call; return the tokens decoded."""
        length = chunk.decoding_length(ratio)
        results = self._translator.translate_batch(
            chunk.sources, beam_size=beam, batch_type="tokens",
            min_decoding_length=length, max_decoding_length=length, **self._decode,
        )
        return sum(len(r.hypotheses[0]) for r in results)

    def close(self) -> None:
        """Free the model before the service is measured (2 cores, shared memory)."""
        self._translator.unload_model()
        del self._translator
        gc.collect()


class HuggingFace:
    """(c) transformers MarianMTModel, PyTorch fp32: what a user would otherwise run."""

    def __init__(self, model_dir: Path, spm_model: Path, threads: int, pad_id: int) -> None:
        import sentencepiece as spm
        import torch
        from transformers import MarianMTModel
        from transformers.utils import logging as hf_logging

        hf_logging.disable_progress_bar()  # type: ignore[no-untyped-call]  # clean table
        torch.set_num_threads(threads)
        self._torch = torch
        self._pad = pad_id
        self._sp = spm.SentencePieceProcessor(model_file=str(spm_model))
        self._model = MarianMTModel.from_pretrained(str(model_dir)).eval()  # type: ignore[no-untyped-call]

    def call(self, chunk: Chunk, beam: int, ratio: float) -> int:
        """generate() on one chunk with min_new_tokens = max_new_tokens; return tokens decoded."""
        torch = self._torch
        ids = [[self._sp.piece_to_id(p) for p in src] for src in chunk.sources]
        width = max(len(x) for x in ids)
        # Right padding with an attention mask, as the Marian tokenizer produces.
        input_ids = torch.full((len(ids), width), self._pad, dtype=torch.long)
        mask = torch.zeros((len(ids), width), dtype=torch.long)
        for row, seq in enumerate(ids):
            input_ids[row, : len(seq)] = torch.tensor(seq)
            mask[row, : len(seq)] = 1
        length = chunk.decoding_length(ratio)
        with torch.inference_mode():
            out = self._model.generate(
                input_ids=input_ids, attention_mask=mask, num_beams=beam, do_sample=False,
                min_new_tokens=length, max_new_tokens=length,
            )
        return int(out.shape[1] - 1) * len(ids)  # minus the decoder start token

    def close(self) -> None:
        """Free the model."""
        del self._model
        gc.collect()

"""Language analysis: tokens, lemmas, UD parts of speech and morphology, dependency trees and
entities, from small spaCy pipelines trained here on open treebanks (models/nlp/ trains them;
service/nlp/pipelines/ ships them, so the service starts offline and nothing is downloaded).

One pipeline per language, loaded once per process on first use (or by `warm_up`). Sentences come
from `service.segmentation` and are parsed one Doc each, one tree per Doc, so sentence boundaries
and offsets are the segmentation's, not the parser's. spaCy does not promise that one pipeline
may run in several threads at once, so each pipeline has a lock; the GIL would serialise most of
the work anyway.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

PIPELINES = Path(os.environ.get("BRIEF_NLP_DIR", Path(__file__).resolve().parent / "pipelines"))
# Which shipped pipeline reads which language (a language may share another's pipeline).
READS: dict[str, tuple[str, ...]] = {
    "nb": ("nb",),
    "nn": ("nn", "nb"),
    "sv": ("sv",),
    "da": ("da", "nb"),
}
_BATCH = 64


@dataclass
class _Loaded:
    nlp: Language
    lock: threading.Lock


_pipelines: dict[str, _Loaded] = {}
_loading = threading.Lock()


def pipeline_dir(language: str) -> Path:
    """The directory of the pipeline that reads `language`."""
    for name in READS.get(language, (language,)):
        path = PIPELINES / name
        if (path / "config.cfg").is_file():
            return path
    raise LookupError(f"no analysis pipeline for {language!r} in {PIPELINES}")


def _get(language: str) -> _Loaded:
    path = pipeline_dir(language)
    key = str(path)
    loaded = _pipelines.get(key)
    if loaded is None:
        with _loading:
            loaded = _pipelines.get(key)
            if loaded is None:
                loaded = _Loaded(spacy.load(path), threading.Lock())
                _pipelines[key] = loaded
    return loaded


def warm_up(languages: Sequence[str] = ("nb", "nn", "sv", "da")) -> None:
    """Load the pipelines now (at start-up) instead of on the first request."""
    for language in languages:
        _get(language)


def _one_sentence(nlp: Language, text: str) -> Doc:
    """A tokenised Doc marked as one sentence: the parser then builds one tree over it instead
    of splitting it where it guesses a boundary (which leaves verbs without their objects)."""
    doc = nlp.make_doc(text)
    for token in doc[1:]:
        token.is_sent_start = False
    return doc


def parse(texts: Sequence[str], language: str) -> list[Doc]:
    """One parsed Doc per text, in order (each text is one sentence of the segmentation)."""
    loaded = _get(language)
    with loaded.lock:
        docs = [_one_sentence(loaded.nlp, text) for text in texts]
        return list(loaded.nlp.pipe(docs, batch_size=_BATCH))

"""Language detection for articles and headlines: py3langid plus a Scandinavian refinement.

How a text is decided:

1. It is cut into paragraphs (lines); over-long ones into chunks of about `_MAX_UNIT_CHARS`.
2. Each unit gets py3langid's probabilities over its 140 languages (temperature-calibrated by
   length). When the Scandinavian group (nb, nn, da, sv) outweighs the best single other
   language, the split *inside* the group is redone: the group-internal log-probabilities plus
   function-word and ending votes from `languages.lexicon` (ikkje/ikke, frå/fra, -leg/-lig ...).
   That is what tells Bokmål from Nynorsk and Danish on short units (see bench/bench_detect.py).
3. The article's language is the majority by characters of the *reliable* units (enough
   letters, a clear winner). A unit keeps a language of its own only when it is confidently
   something else (an English quote in a Swedish article); hesitant units follow the article,
   so one ambiguous nb/nn paragraph does not flag a Bokmål article as mixed.

py3langid says `no` for Norwegian and has a separate `nn`; its `no` is mapped to `nb`, since
Nynorsk already has its own class and written Norwegian outside it is overwhelmingly Bokmål.
"""

from __future__ import annotations

import math
import threading
from dataclasses import dataclass, field

import numpy as np
from py3langid.langid import MODEL_FILE, LanguageIdentifier

from service import segmentation
from service.languages import is_source
from service.languages.lexicon import SCANDINAVIAN, votes

UNDETERMINED = "und"

# py3langid labels -> ISO 639-1 where one exists (others keep their ISO 639-3 code).
_CODE_MAP = {"no": "nb", "kik": "ki", "gug": "gn", "zxx": UNDETERMINED}
_SCANDINAVIAN_LABELS = {"no": "nb", "nn": "nn", "da": "da", "sv": "sv"}

# Weight of the lexicon votes against py3langid's calibrated log-probabilities. Votes are
# divided by sqrt(voting tokens) so that, like py3langid's temperature-scaled scores, their
# influence grows with sqrt(length): the balance does not drift between headlines and long
# paragraphs. Chosen on FLORES dev halves (even and odd lines agree; 1 to 4 are within 0.5 points).
_VOTE_WEIGHT = 2.0
_MAX_UNIT_CHARS = 1_500  # accuracy saturates long before; bounds per-unit cost
_MIN_RELIABLE_LETTERS = 20  # shorter lines (bylines, "Foto: NTB") do not vote on the article
_MIN_RELIABLE_PROB = 0.5
# A unit keeps its own language only if it is this sure of it and gives the article's language
# at most _FOREIGN_MAX_ARTICLE_PROB.
_FOREIGN_MIN_PROB = 0.9
_FOREIGN_MAX_ARTICLE_PROB = 0.05
_TOP_CANDIDATES = 5



@dataclass(frozen=True)
class Candidate:
    language: str
    confidence: float


@dataclass(frozen=True)
class Segment:
    """One run of paragraphs in one language, with character offsets into the detected text."""

    start: int
    end: int
    language: str
    confidence: float


@dataclass(frozen=True)
class Detection:
    language: str
    confidence: float
    supported: bool
    candidates: list[Candidate]
    segments: list[Segment] = field(default_factory=list)

    @property
    def mixed(self) -> bool:
        """True when parts of the text are confidently in different languages."""
        return len({s.language for s in self.segments}) > 1


@dataclass
class _Unit:
    start: int
    end: int
    letters: int
    probs: dict[str, float]  # best first (classify() returns it sorted)
    label: str = ""

    @property
    def top(self) -> tuple[str, float]:
        return next(iter(self.probs.items()))

    @property
    def reliable(self) -> bool:
        return self.letters >= _MIN_RELIABLE_LETTERS and self.top[1] >= _MIN_RELIABLE_PROB


_identifier: LanguageIdentifier | None = None
_identifier_lock = threading.Lock()


def _get_identifier() -> LanguageIdentifier:
    # Loading takes ~0.7 s and 30 MB, so it is done once, on first use (or by warm_up()).
    # Our own instance: py3langid's module-level one is shared global state.
    global _identifier
    if _identifier is None:
        with _identifier_lock:
            if _identifier is None:
                _identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    return _identifier


def warm_up() -> None:
    """Load the identifier now (e.g. at start-up) instead of on the first request."""
    _get_identifier()


def labels() -> list[str]:
    """Every language code detect() can answer (ISO 639-1 where one exists), without `und`."""
    codes = (_CODE_MAP.get(c, c) for c in _get_identifier().labels)
    return sorted({c for c in codes if c != UNDETERMINED})


@dataclass(frozen=True)
class _Columns:
    """Column indexes of py3langid's score vector, computed once per identifier."""

    codes: list[str]  # mapped code per column
    scandinavian: list[tuple[int, str]]


_columns: _Columns | None = None


def _get_columns() -> _Columns:
    global _columns
    if _columns is None:
        classes = list(_get_identifier().nb_classes)
        first = {c: i for i, c in reversed(list(enumerate(classes)))}
        _columns = _Columns(
            codes=[_CODE_MAP.get(c, c) for c in classes],
            scandinavian=[(first[c], ours) for c, ours in _SCANDINAVIAN_LABELS.items()],
        )
    return _columns


def _scores(text: str) -> np.ndarray:
    # py3langid's rank() is this vector turned into a sorted list of 140 tuples in Python;
    # reading the vector directly saves about a third of a short call. It is a private method,
    # hence the version pin in pyproject.toml; tests/test_detect.py pins the equivalence.
    scores: np.ndarray = _get_identifier()._decide(text)
    return scores


def classify(text: str) -> dict[str, float]:
    """Probabilities of the most likely languages of one short text (a line or a headline)."""
    scores = _scores(text)
    cols = _get_columns()
    k = _TOP_CANDIDATES + len(cols.scandinavian)
    top = np.argpartition(scores, -k)[-k:]
    top = top[np.argsort(-scores[top])]
    best = int(top[0])
    scand = {ours: float(scores[i]) for i, ours in cols.scandinavian}
    mass = sum(scand.values())
    probs: dict[str, float] = {}
    for i in top.tolist():
        code = cols.codes[i]
        if code not in scand:
            probs[code] = probs.get(code, 0.0) + float(scores[i])
    top_is_scandinavian = cols.codes[best] in scand
    if mass > 0 and (top_is_scandinavian or mass >= float(scores[best])):
        scand = _refine_scandinavian(text, scand, mass)
    probs.update(scand)
    return dict(sorted(probs.items(), key=lambda item: -item[1])[:_TOP_CANDIDATES])


def _refine_scandinavian(text: str, scand: dict[str, float], mass: float) -> dict[str, float]:
    """Redistribute the group's mass over nb/nn/da/sv using the lexicon votes."""
    counts, voters = votes(text, SCANDINAVIAN)
    if not voters:
        return scand
    scale = _VOTE_WEIGHT / math.sqrt(voters)
    logits = {
        lang: math.log(max(p / mass, 1e-9)) + scale * counts[lang] for lang, p in scand.items()
    }
    peak = max(logits.values())
    weights = {lang: math.exp(v - peak) for lang, v in logits.items()}
    total = sum(weights.values())
    return {lang: mass * w / total for lang, w in weights.items()}


def _units(text: str) -> list[tuple[int, int]]:
    """Lines as (start, end); a long line is cut into runs of whole sentences (the shared
    segmentation's) of at most about `_MAX_UNIT_CHARS`."""
    spans: list[tuple[int, int]] = []
    for line in segmentation.lines(text):
        if line.end - line.start <= _MAX_UNIT_CHARS:
            spans.append((line.start, line.end))
            continue
        start = end = line.start
        for sentence in segmentation.sentences(text, [line]):
            if sentence.end - start > _MAX_UNIT_CHARS and end > start:
                spans.append((start, end))
                start = sentence.start
            end = sentence.end
        spans.append((start, end))
    return [piece for span in spans for piece in _windows(text, *span)]


def _windows(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A unit longer than `_MAX_UNIT_CHARS` (a "sentence" without any full stop) cut at the last
    space before the limit, or at the limit where there is none: each classifier call stays
    short, so no single call holds the interpreter for long while requests wait."""
    out = []
    while end - start > _MAX_UNIT_CHARS:
        cut = text.rfind(" ", start + _MAX_UNIT_CHARS // 2, start + _MAX_UNIT_CHARS)
        cut = cut if cut > start else start + _MAX_UNIT_CHARS
        out.append((start, cut))
        start = cut
    out.append((start, end))
    return out


def _mixture(units: list[_Unit]) -> dict[str, float]:
    weight = sum(u.letters for u in units) or 1
    mix: dict[str, float] = {}
    for u in units:
        for lang, p in u.probs.items():
            mix[lang] = mix.get(lang, 0.0) + p * u.letters / weight
    return mix


def _segments(units: list[_Unit]) -> list[Segment]:
    segments: list[Segment] = []
    run: list[_Unit] = []
    for u in [*units, None]:
        if run and (u is None or u.label != run[0].label):
            label = run[0].label
            weight = sum(x.letters for x in run) or 1
            conf = sum(x.probs.get(label, 0.0) * x.letters for x in run) / weight
            segments.append(Segment(run[0].start, run[-1].end, label, conf))
            run = []
        if u is not None:
            run.append(u)
    return segments


def detect(text: str) -> Detection:
    """Detect the language of `text` (an article or a headline); see the module docstring.

    Text without letters gives language "und" with confidence 0 (callers reject blank input).
    """
    units: list[_Unit] = []
    for start, end in _units(text):
        chunk = text[start:end]
        letters = sum(map(str.isalpha, chunk))
        if letters:
            units.append(_Unit(start, end, letters, classify(chunk)))
    if not units:
        return Detection(UNDETERMINED, 0.0, False, [], [])
    if len(units) == 1:  # a headline or a sentence: the general path below gives the same
        only = units[0]
        candidates = [Candidate(lang, p) for lang, p in only.probs.items()]
        best = candidates[0]
        segment = Segment(only.start, only.end, best.language, best.confidence)
        return Detection(
            best.language, best.confidence, is_source(best.language), candidates, [segment]
        )

    voters = [u for u in units if u.reliable] or units
    article = max(_mixture(voters).items(), key=lambda item: item[1])[0]
    for u in units:
        own, prob = u.top
        foreign = (
            u.reliable
            and prob >= _FOREIGN_MIN_PROB
            and u.probs.get(article, 0.0) <= _FOREIGN_MAX_ARTICLE_PROB
        )
        u.label = own if foreign else article
    body = [u for u in units if u.label == article]
    ranked = sorted(_mixture(body).items(), key=lambda item: -item[1])[:_TOP_CANDIDATES]
    # The body's own mixture has the final say (it can differ from the vote by a few hundredths).
    language = ranked[0][0]
    for u in body:
        u.label = language
    candidates = [Candidate(lang, p) for lang, p in ranked]
    return Detection(
        language=language,
        confidence=candidates[0].confidence,
        supported=is_source(language),
        candidates=candidates,
        segments=_segments(units),
    )

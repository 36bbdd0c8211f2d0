"""Post-check on decoded tokens: cut the runaway repetition loops OPUS-MT models can fall into.

`no_repeat_ngram_size` already stops most loops while decoding; this catches the rest (and loops
of a model run with that option off). A loop is an n-gram repeated back to back `min_repeats`
times or more; it is cut to one copy. N-grams with a digit are left alone so that
"1,000,000,000" keeps its groups.
"""

from __future__ import annotations

MAX_NGRAM = 8
MIN_REPEATS = 4


def _run_length(tokens: list[str], start: int, n: int) -> int:
    """How many times tokens[start:start+n] repeats back to back from `start`."""
    gram = tokens[start : start + n]
    repeats = 1
    pos = start + n
    while tokens[pos : pos + n] == gram:
        repeats += 1
        pos += n
    return repeats


def _loop_at(tokens: list[str], start: int, max_ngram: int, min_repeats: int) -> tuple[int, int]:
    """(n, repeats) of the shortest loop starting at `start`, or (0, 0) when there is none."""
    for n in range(1, max_ngram + 1):
        if start + n * min_repeats > len(tokens):
            break
        if any(ch.isdigit() for tok in tokens[start : start + n] for ch in tok):
            continue
        repeats = _run_length(tokens, start, n)
        if repeats >= min_repeats:
            return n, repeats
    return 0, 0


def collapse_repeats(
    tokens: list[str], max_ngram: int = MAX_NGRAM, min_repeats: int = MIN_REPEATS
) -> tuple[list[str], int]:
    """Return `tokens` with every loop cut to one copy, and how many tokens were removed."""
    out: list[str] = []
    removed = 0
    i = 0
    while i < len(tokens):
        n, repeats = _loop_at(tokens, i, max_ngram, min_repeats)
        if n:
            out.extend(tokens[i : i + n])
            removed += n * (repeats - 1)
            i += n * repeats
        else:
            out.append(tokens[i])
            i += 1
    return out, removed

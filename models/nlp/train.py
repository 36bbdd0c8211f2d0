"""Train one spaCy pipeline from the DocBins made by prepare_data.py, single-threaded.

    python -m models.nlp.train --name nb --lang nb --train nb/train.spacy --dev nb/dev.spacy \
        [--train sv/train.spacy:4 ...] [--size base] [--max-steps 8000] [--use last|best]

--train may repeat; "path:K" puts K copies of that file in the training set (upsampling of the
small Swedish / Danish treebanks in the joint model). Paths are relative to --corpus.
After training, the chosen checkpoint gets the tokenizer rules of tokenizer_rules.py and is saved
without training artefacts to --out/<name>.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent


# Architecture sizes compared in README.md (tok2vec width / depth, hash-embedding rows,
# parser and NER hidden widths). "base" is spaCy's CPU "efficiency" preset.
@dataclass(frozen=True)
class Size:
    width: int
    depth: int
    rows: tuple[int, int, int, int]  # NORM, PREFIX, SUFFIX, SHAPE
    parser_hidden: int
    ner_hidden: int
    parser_maxout: int = 3
    ner_maxout: int = 2


SIZES: dict[str, Size] = {
    "small": Size(64, 4, (4000, 1000, 2000, 1000), 64, 48, 2),
    "fast": Size(96, 4, (5000, 1000, 2500, 2500), 64, 32, 2),
    "base": Size(96, 4, (5000, 1000, 2500, 2500), 128, 64),
    "wide": Size(128, 4, (10000, 2000, 4000, 2500), 128, 64),
}

SINGLE_THREAD = {"OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}


def size_overrides(size: str) -> list[str]:
    s = SIZES[size]
    rows = "[" + ",".join(str(r) for r in s.rows) + "]"
    return [
        "--components.tok2vec.model.encode.width",
        str(s.width),
        "--components.tok2vec.model.encode.depth",
        str(s.depth),
        "--components.tok2vec.model.embed.rows",
        rows,
        "--components.parser.model.hidden_width",
        str(s.parser_hidden),
        "--components.ner.model.hidden_width",
        str(s.ner_hidden),
        "--components.parser.model.maxout_pieces",
        str(s.parser_maxout),
        "--components.ner.model.maxout_pieces",
        str(s.ner_maxout),
    ]


def finetune_config(base: Path, init_from: Path, target: Path) -> Path:
    """A copy of `base` whose components are all sourced (weights included) from `init_from`:
    used to adapt the joint Scandinavian pipeline to one language by further training.
    Freeze the trainable_lemmatizer when doing so (--freeze): updating a sourced edit-tree
    lemmatizer collapsed it to copying the word form (seen with spaCy 3.8.18)."""
    from spacy.util import load_config

    cfg = load_config(base)
    pipeline = load_config(init_from / "config.cfg")["nlp"]["pipeline"]
    cfg["nlp"]["pipeline"] = pipeline
    cfg["components"] = {name: {"source": str(init_from.resolve())} for name in pipeline}
    cfg.to_disk(target)
    return target


def build_train_dir(corpus: Path, specs: list[str], target: Path) -> None:
    """Symlink the training DocBins (K times for upsampling) into one folder for spacy.Corpus."""
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    for n, spec in enumerate(specs):
        path, _, times = spec.partition(":")
        src = (corpus / path).resolve()
        for k in range(int(times or 1)):
            (target / f"{n:02d}_{k:02d}_{src.stem}.spacy").symlink_to(src)


def finalize(model_dir: Path, out_dir: Path, lang: str) -> None:
    """Attach the tokenizer rules and save only what spacy.load needs."""
    import spacy

    from models.nlp.tokenizer_rules import customize_tokenizer

    nlp = spacy.load(model_dir)
    customize_tokenizer(nlp, lang)
    if out_dir.exists():
        shutil.rmtree(out_dir)
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(out_dir)


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--name", required=True)
    ap.add_argument("--lang", required=True, help="variety for the tokenizer rules: nb, nn, sv, da")
    ap.add_argument("--spacy-lang", default=None, help="spaCy language class (default: nb for nn)")
    ap.add_argument("--train", action="append", required=True)
    ap.add_argument("--dev", required=True)
    ap.add_argument("--corpus", type=Path, default=Path("/tmp/nlp/corpus"))
    ap.add_argument("--runs", type=Path, default=Path("/tmp/nlp/runs"))
    ap.add_argument("--out", type=Path, default=Path("/tmp/nlp/pipelines"))
    ap.add_argument("--config", type=Path, default=HERE / "configs" / "base.cfg")
    ap.add_argument("--size", choices=sorted(SIZES), default="base")
    ap.add_argument("--max-steps", type=int, default=8000)
    ap.add_argument("--patience", type=int, default=3000)
    ap.add_argument("--eval-frequency", type=int, default=500)
    ap.add_argument("--max-minutes", type=float, default=28.0, help="wall-clock cap for one run")
    ap.add_argument(
        "--use",
        choices=["best", "last"],
        default="best",
        help="'last' when the dev part is also the evaluation part (sv, da)",
    )
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument(
        "--no-ner", action="store_true", help="no entity recogniser (no entity data, e.g. da)"
    )
    ap.add_argument(
        "--init-from",
        type=Path,
        help="start from this trained pipeline (all components) instead of from scratch",
    )
    ap.add_argument("--freeze", default="", help="comma-separated components not to update")
    ap.add_argument(
        "--ner-only",
        action="store_true",
        help="tok2vec + entity recogniser only (entity-only corpora such as swedish-ner-corpus: "
        "spaCy would learn empty trees and tags from their missing syntax)",
    )
    args = ap.parse_args()

    spacy_lang = args.spacy_lang or ("nb" if args.lang == "nn" else args.lang)
    run = args.runs / args.name
    run.mkdir(parents=True, exist_ok=True)
    build_train_dir(args.corpus, args.train, run / "train")
    config = args.config
    if args.init_from is not None:
        config = finetune_config(args.config, args.init_from, run / "finetune.cfg")
    cmd = [
        sys.executable,
        "-m",
        "spacy",
        "train",
        str(config),
        "--output",
        str(run / "output"),
        "--paths.train",
        str(run / "train"),
        "--paths.dev",
        str((args.corpus / args.dev).resolve()),
        "--nlp.lang",
        spacy_lang,
        "--system.seed",
        str(args.seed),
        "--training.max_steps",
        str(args.max_steps),
        "--training.patience",
        str(args.patience),
        "--training.eval_frequency",
        str(args.eval_frequency),
    ]
    if args.init_from is None:
        cmd += size_overrides(args.size)
    if args.freeze:
        names = ",".join(f'"{n}"' for n in args.freeze.split(","))
        cmd += ["--training.frozen_components", f"[{names}]"]
    if args.ner_only:
        cmd += ["--nlp.pipeline", '["tok2vec","ner"]']
        for score in ("pos_acc", "morph_acc", "lemma_acc", "dep_uas", "dep_las"):
            cmd += [f"--training.score_weights.{score}", "0"]
        cmd += ["--training.score_weights.ents_f", "1"]
    if args.no_ner:
        cmd += [
            "--nlp.pipeline",
            '["tok2vec","morphologizer","trainable_lemmatizer","parser"]',
            "--training.score_weights.ents_f",
            "0",
            "--training.score_weights.ents_p",
            "0",
            "--training.score_weights.ents_r",
            "0",
        ]
    env = dict(os.environ, **SINGLE_THREAD)
    start = time.time()
    use = args.use
    with open(run / "train.log", "w") as log:
        log.write(" ".join(cmd) + "\n")
        log.flush()
        proc = subprocess.Popen(cmd, env=env, stdout=log, stderr=subprocess.STDOUT)
        try:
            code = proc.wait(timeout=args.max_minutes * 60)
        except subprocess.TimeoutExpired:
            # Wall-clock cap (the machine is shared): stop and keep the best checkpoint so far,
            # which spaCy writes at every evaluation that improves the dev score.
            proc.terminate()
            proc.wait()
            code = 0
            use = "best"
            log.write(f"\nstopped after {args.max_minutes} minutes; using model-best\n")
        if code != 0:
            raise SystemExit(f"spacy train failed ({code}); see {run / 'train.log'}")
    minutes = (time.time() - start) / 60
    finalize(run / "output" / f"model-{use}", args.out / args.name, args.lang)
    print(f"{args.name}: trained in {minutes:.1f} min -> {args.out / args.name}")


if __name__ == "__main__":
    main()

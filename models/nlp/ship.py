"""Copy a trained pipeline into the service, for one variety, with that variety's tokenizer.

    python -m models.nlp.ship /tmp/nlp/pipelines/joint_base sv service/nlp/pipelines/sv

A joint (Scandinavian) pipeline is trained once under spaCy's "nb" class; for sv and da it is
re-created under the sv / da class with their tokenizer (exceptions, punctuation rules), the
trained components unchanged. The meta.json gets a name, version, the training sources and licences.
"""

from __future__ import annotations

import argparse
import re
import shutil
from pathlib import Path

import spacy
from spacy.util import registry

from models.nlp.tokenizer_rules import customize_tokenizer

SOURCES = {
    "ndt": {
        "name": "Norwegian Dependency Treebank (National Library of Norway), converted to UD by "
        "models/nlp/ndt2ud.py",
        "url": "https://www.nb.no/sprakbanken/show?serial=sbr-10",
        "license": "CC0 (annotations); texts used with the publishers' permission",
    },
    "norne": {
        "name": "NorNE named entities (Jørgensen et al., LREC 2020)",
        "url": "https://github.com/ltgoslo/norne",
        "license": "as NDT (CC0 annotations)",
    },
    "ud_no": {
        "name": "UD_Norwegian-Bokmaal / -Nynorsk in norne/ud (dev: checkpoint selection, features)",
        "url": "https://universaldependencies.org",
        "license": "CC BY-SA 4.0",
    },
    "talbanken": {
        "name": "UD_Swedish-Talbanken",
        "url": "https://github.com/UniversalDependencies/UD_Swedish-Talbanken",
        "license": "CC BY-SA 4.0",
    },
    "ddt": {
        "name": "UD_Danish-DDT",
        "url": "https://github.com/UniversalDependencies/UD_Danish-DDT",
        "license": "CC BY-SA 4.0",
    },
    "apertium": {
        "name": "Apertium swe-nor and dan-nor dictionaries (Debian apertium-swe-nor, "
        "apertium-dan-nor): the NDT Bokmål training part translated word by word by "
        "models/nlp/translate_treebank.py",
        "url": "https://apertium.org",
        "license": "GPL-3+ / GPL-2+ (the dictionaries, not shipped; this model is trained on "
        "their output)",
    },
    "sv_ner": {
        "name": "swedish-ner-corpus (Webbnyheter 2012, klintan)",
        "url": "https://github.com/klintan/swedish-ner-corpus",
        "license": "CC BY 4.0",
    },
}


def ship(
    src: Path,
    lang: str,
    dest: Path,
    sources: list[str],
    description: str,
    ner_from: Path | None = None,
    lemmatizer_from: Path | None = None,
) -> None:
    spacy_lang = "nb" if lang == "nn" else lang
    nlp = spacy.load(src, config={"nlp": {"lang": spacy_lang}})
    if ner_from is not None:
        # An entity recogniser trained on its own (entity-only corpus): give it a private copy
        # of its tok2vec, then add it after the syntax components.
        ner_nlp = spacy.load(ner_from, config={"nlp": {"lang": spacy_lang}})
        ner_nlp.replace_listeners("tok2vec", "ner", ["model.tok2vec"])
        if "ner" in nlp.pipe_names:
            nlp.remove_pipe("ner")
        nlp.add_pipe("ner", source=ner_nlp)
    if lemmatizer_from is not None:
        # The same for the lemmatizer: a fine-tuning run on data without this language's lemmas
        # must not take the lemmatizer of the model it started from along with its tok2vec.
        lem_nlp = spacy.load(lemmatizer_from, config={"nlp": {"lang": spacy_lang}})
        lem_nlp.replace_listeners("tok2vec", "trainable_lemmatizer", ["model.tok2vec"])
        after = nlp.pipe_names[nlp.pipe_names.index("trainable_lemmatizer") - 1]
        nlp.remove_pipe("trainable_lemmatizer")
        nlp.add_pipe("trainable_lemmatizer", source=lem_nlp, after=after)
    # A fresh tokenizer of the target language class (the one on disk may be another language's).
    nlp.tokenizer = registry.tokenizers.get("spacy.Tokenizer.v1")()(nlp)
    customize_tokenizer(nlp, lang)
    # Training-time dev scores would mislead (for sv/da the dev part is the evaluation part);
    # the held-out figures are in models/nlp/README.md.
    nlp.meta.pop("performance", None)
    nlp.meta.update(
        {
            "lang": spacy_lang,
            "name": f"supply_{lang}",
            "version": "0.1.0",
            "description": description,
            "author": "supplybrief",
            "license": "see models/nlp/README.md",
            "sources": [SOURCES[s] for s in sources],
        }
    )
    if dest.exists():
        shutil.rmtree(dest)
    dest.parent.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(dest)
    # The training run's corpus paths are of the machine that trained it: not shipped.
    config = dest / "config.cfg"
    config.write_text(re.sub(r"(?m)^(train|dev) = .*$", r"\1 = null", config.read_text("utf-8"),
                             count=2), "utf-8")


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("src", type=Path)
    ap.add_argument("lang", choices=["nb", "nn", "sv", "da"])
    ap.add_argument("dest", type=Path)
    ap.add_argument("--sources", default="ndt,norne,ud_no", help="comma-separated keys of SOURCES")
    ap.add_argument("--description", default="")
    ap.add_argument("--ner-from", type=Path, help="take the entity recogniser from this pipeline")
    ap.add_argument("--lemmatizer-from", type=Path, help="take the lemmatizer from this pipeline")
    args = ap.parse_args()
    ship(args.src, args.lang, args.dest, args.sources.split(","), args.description, args.ner_from,
         args.lemmatizer_from)
    print(f"shipped {args.src} as {args.lang} -> {args.dest}")


if __name__ == "__main__":
    main()

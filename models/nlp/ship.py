"""Copy a trained pipeline into the service, for one variety, with that variety's tokenizer.

    python -m models.nlp.ship /tmp/nlp/pipelines/joint_base sv service/nlp/pipelines/sv

A joint (Scandinavian) pipeline is trained once under spaCy's "nb" class; for sv and da it is
re-created under the sv / da class with their tokenizer (exceptions, punctuation rules), the
trained components unchanged. The meta.json gets a name, version, the training sources and licences.
"""

from __future__ import annotations

import argparse
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
    args = ap.parse_args()
    ship(args.src, args.lang, args.dest, args.sources.split(","), args.description, args.ner_from)
    print(f"shipped {args.src} as {args.lang} -> {args.dest}")


if __name__ == "__main__":
    main()

"""Print the analysis of a few news-like sentences (or your own) as a CoNLL-U-like table.

python -m models.nlp.show_parse service/nlp/pipelines/nb "Norge sender F-16-fly til Ukraina."
"""

from __future__ import annotations

import sys

import spacy

SAMPLES = {
    "nb": [
        "Norge har bestemt seg for å sende seks F-16-fly til Ukraina.",
        "Ukraina har fått stridsvogner fra Tyskland og Polen.",
        "Regjeringen vil gi Ukraina NASAMS-systemer, opplyser Forsvarsdepartementet.",
        "Iran har levert Shahed-136-droner til Russland, ifølge amerikanske kilder.",
    ],
    "nn": [
        "Noreg har bestemt seg for å sende seks F-16-fly til Ukraina.",
        "Ukraina har fått stridsvogner frå Tyskland og Polen.",
        "Nord-Korea har sendt artillerigranatar til Russland, seier sørkoreanske styresmakter.",
    ],
    "sv": [
        "Sverige skickar luftvärn till Ukraina, uppger regeringen.",
        "Ukraina har fått stridsvagnar från Tyskland och Polen.",
        "Regeringen har beslutat att skänka CV90-vagnar till Ukraina.",
    ],
    "da": [
        "Danmark vil tilby Moldova militær støtte.",
        "Danmark vil tilbyde Moldova militær støtte.",
        "Ukraine har fået kampvogne fra Tyskland og Polen.",
        "Danmark donerer F-16-fly til Ukraine, oplyser Forsvarsministeriet.",
    ],
}


def show(nlp: spacy.language.Language, text: str) -> None:
    doc = nlp(text)
    print(f"# {text}")
    for t in doc:
        head = 0 if t.head.i == t.i else t.head.i + 1
        ent = f"\t{t.ent_iob_}-{t.ent_type_}" if t.ent_type_ else ""
        print(f"{t.i + 1}\t{t.text}\t{t.lemma_}\t{t.pos_}\t{t.morph}\t{head}\t{t.dep_}{ent}")
    print()


def main() -> None:
    path = sys.argv[1]
    nlp = spacy.load(path)
    texts = sys.argv[2:]
    if not texts:
        lang = sys.argv[1].rstrip("/").split("/")[-1][:2]
        texts = SAMPLES.get(lang, SAMPLES["nb"])
    for text in texts:
        show(nlp, text)


if __name__ == "__main__":
    main()

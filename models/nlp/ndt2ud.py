"""Convert Norwegian Dependency Treebank (NDT) trees to Universal Dependencies v2.

Target: the UD scheme of the official Norwegian UD treebanks as distributed with NorNE
(norne/ud/{nob,nno}); measured agreement is in README.md (`evaluate_converter.py`).

NDT makes function words heads: the finite (auxiliary) verb heads the clause, a preposition heads
its complement (PUTFYLL), the infinitive marker heads its verb (INFV), the copula heads its
predicative (SPRED). UD wants content words as heads, so the conversion is, in order:

  1. infinitive marker  å -INFV-> verb          => verb takes å's place, å = mark
  2. auxiliary chains   har -INFV-> sendt        => main verb takes the chain's place; aux(:pass)
  3. prepositions       til -PUTFYLL-> Ukraina   => noun takes the place, preposition = case
                        (= mark when the complement is a clause, as in "for å sende")
  4. copula             er -SPRED-> syk          => predicate takes the place, være = cop
  5. relative "som"     becomes the pronoun it is in UD (nsubj / obj of the relative clause)

Promoting a word moves all other dependents of the demoted function word to it, which is what UD
wants for subjects, adverbials, punctuation and coordinated conjuncts alike. Afterwards every
remaining NDT function label is mapped to a UD relation from the categories of the dependent and
its new head (e.g. ADV on a nominal under a verb = obl, on a clause = advcl, else advmod).
UPOS and features are mapped by rules from the NDT tag and features, with a small table for the
closed classes (pronouns, determiners) learned from the official UD dev part when one is given.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from models.nlp.conllu_io import Sentence, Token

# Verbs that UD treats as auxiliaries when they govern another verb (bokmål and nynorsk lemmas).
AUX_LEMMAS = {
    "ha",
    "være",
    "vere",
    "bli",
    "verte",
    "kunne",
    "skulle",
    "ville",
    "vilje",
    "måtte",
    "burde",
    "tørre",
    "tore",
    "få",
}
PASSIVE_AUX = {"bli", "verte"}
COPULA = {"være", "vere"}
# NDT tags these place adverbs as prepositions; UD has them as ADV.
DEICTIC_ADVERBS = {"her", "der", "hit", "dit", "herfra", "derfra"}
NEGATION = {"ikke", "ikkje"}
NUMERAL_WORDS = {
    "null",
    "en",
    "ein",
    "ei",
    "én",
    "to",
    "tre",
    "fire",
    "fem",
    "seks",
    "sju",
    "syv",
    "åtte",
    "ni",
    "ti",
    "elleve",
    "tolv",
    "tretten",
    "fjorten",
    "femten",
    "seksten",
    "sytten",
    "atten",
    "nitten",
    "tjue",
    "tyve",
    "tretti",
    "tredve",
    "førti",
    "femti",
    "seksti",
    "sytti",
    "åtti",
    "nitti",
    "hundre",
    "tusen",
    "million",
    "milliard",
    "halvannen",
    "halvannan",
    "begge",
    "båe",
}
NUMBER_RE = re.compile(r"^[\d.,:/½-]*\d[\d.,:/½-]*$")
# Nynorsk NDT spells some features differently; normalise to the bokmål names used below.
# (Nynorsk "st-form" is not passive in the official data, so it is not mapped to "pass".)
NN_FEATS = {"eint": "ent", "bu": "be", "<ordenstal>": "<ordenstall>", "<ikkje-clb>": "<ikke-clb>"}
PUNCT_TAGS = {"clb", "<komma>", "<strek>", "<anf>", "<parentes-beg>", "<parentes-slutt>"}
# A preposition is "som" used as a predicative marker ("behandler dem som dyr") in these roles.
PRED_LABELS = {"SPRED", "OPRED", "FSPRED", "FOPRED"}
SUBJ_LABELS = {"SUBJ", "PSUBJ"}
NOMINAL = {"NOUN", "PROPN", "PRON", "NUM", "X", "SYM"}


@dataclass
class Node:
    """One word during conversion. `label` is NDT until `ud` is set."""

    form: str
    lemma: str
    pos: str
    feats: set[str]
    head: int
    label: str
    ud: str | None = None
    upos: str = ""
    rel_role: str | None = None  # relative 'som'


class ClosedClassTable:
    """(form, NDT tag, NDT feats, UPOS) -> UD feats, learned from official UD sentences."""

    def __init__(self) -> None:
        self.table: dict[tuple[str, str, str, str], str] = {}

    @classmethod
    def learn(cls, pairs: Iterable[tuple[Sentence, Sentence]]) -> ClosedClassTable:
        counts: dict[tuple[str, str, str, str], Counter[str]] = defaultdict(Counter)
        for ndt, ud in pairs:
            for a, b in zip(ndt.tokens, ud.tokens, strict=True):
                if b.upos in ("PRON", "DET", "NUM", "ADV", "PART", "ADJ"):
                    counts[(a.form.lower(), a.upos, a.feats, b.upos)][b.feats] += 1
        out = cls()
        for key, c in counts.items():
            out.table[key] = c.most_common(1)[0][0]
        return out

    def get(self, form: str, pos: str, feats: str, upos: str) -> str | None:
        return self.table.get((form.lower(), pos, feats, upos))


_TABLE: ClosedClassTable | None = None


def set_closed_class_table(table: ClosedClassTable | None) -> None:
    global _TABLE
    _TABLE = table


class Converter:
    def __init__(self, sent: Sentence) -> None:
        self.sent = sent
        self.n: list[Node] = [Node("<root>", "", "", set(), -1, "")]
        for t in sent.tokens:
            feats = (
                set() if t.feats in ("_", "") else {NN_FEATS.get(f, f) for f in t.feats.split("|")}
            )
            self.n.append(Node(t.form, t.lemma, t.upos, feats, t.head, t.deprel))

    # ----- tree helpers -------------------------------------------------------------------
    def kids(self, i: int) -> list[int]:
        return [k for k in range(1, len(self.n)) if self.n[k].head == i]

    def kids_with(self, i: int, labels: set[str]) -> list[int]:
        return [k for k in self.kids(i) if self.n[k].ud is None and self.n[k].label in labels]

    def promote(self, func: int, content: int, ud_label: str) -> None:
        """`content` takes `func`'s place; `func` and its other dependents move under it."""
        f, c = self.n[func], self.n[content]
        for k in self.kids(func):
            if k != content:
                self.n[k].head = content
        c.head, c.label = f.head, f.label
        f.head, f.ud = content, ud_label

    def is_verbal(self, i: int) -> bool:
        return self.n[i].pos == "verb"

    def is_clause(self, i: int) -> bool:
        """A predicate with clause structure: a verb, or a predicative that got a copula."""
        if self.n[i].pos == "verb" and self.n[i].ud is None:
            return True
        return any(self.n[k].ud in ("cop", "aux", "aux:pass") for k in self.kids(i)) or any(
            self.n[k].label in SUBJ_LABELS and self.n[k].ud is None for k in self.kids(i)
        )

    def is_finite(self, i: int) -> bool:
        if self.n[i].feats & {"pres", "pret", "imp"}:
            return True
        return any(
            self.n[k].ud in ("cop", "aux", "aux:pass") and self.n[k].feats & {"pres", "pret"}
            for k in self.kids(i)
        )

    def is_relative(self, i: int) -> bool:
        """Relative clause: has relative 'som', or is finite with no subordinator at all
        ('handlingene retten fant')."""
        kids = self.kids(i)
        if any(self.n[k].rel_role for k in kids):
            return True
        if any(self.n[k].ud == "mark" or self.n[k].label == "SBU" for k in kids):
            return False
        return self.is_finite(i)

    def is_passive(self, i: int) -> bool:
        return "pass" in self.n[i].feats or any(self.n[k].ud == "aux:pass" for k in self.kids(i))

    # ----- steps ----------------------------------------------------------------------------
    def infinitive_markers(self) -> None:
        for i in range(1, len(self.n)):
            node = self.n[i]
            if node.pos == "inf-merke" and node.ud is None:
                verbs = [k for k in self.kids(i) if self.n[k].label == "INFV"]
                if verbs:
                    self.promote(i, verbs[0], "mark")

    def auxiliaries(self) -> None:
        # Top-down along each chain (har -> blitt -> sendt): repeat until nothing changes.
        changed = True
        while changed:
            changed = False
            for i in range(1, len(self.n)):
                node = self.n[i]
                if node.ud is not None or node.pos != "verb" or node.lemma not in AUX_LEMMAS:
                    continue
                # Nynorsk NDT tags passive participles after "vert/vart" as adjectives.
                verbs = [
                    k
                    for k in self.kids(i)
                    if self.n[k].label == "INFV"
                    and self.n[k].ud is None
                    and (self.n[k].pos == "verb" or "<perf-part>" in self.n[k].feats)
                ]
                if not verbs:
                    continue
                main = verbs[0]
                passive = node.lemma in PASSIVE_AUX and bool(
                    {"perf-part", "<perf-part>"} & self.n[main].feats
                )
                self.promote(i, main, "aux:pass" if passive else "aux")
                changed = True

    def prepositions(self) -> None:
        for i in range(1, len(self.n)):
            node = self.n[i]
            if node.pos != "prep" or node.ud is not None:
                continue
            comps = [k for k in self.kids(i) if self.n[k].label == "PUTFYLL"]
            if not comps:
                continue
            comp = comps[0]
            clausal = self.n[comp].pos == "verb" or any(
                self.n[k].ud == "mark" or self.n[k].label == "SBU" for k in self.kids(comp)
            )
            # The official conversion makes the preposition a subordinator (mark) in front of a
            # clause and in object / "formal" predicatives ("med ett mål for øyet", "som dyr"),
            # but keeps case for coordinated and fragment PPs and for most subject predicatives.
            if clausal:
                as_mark = node.label not in ("KOORD", "KOORD-ELL", "FRAG")
            elif node.label in ("OPRED", "FOPRED", "FSPRED"):
                as_mark = True
            else:
                as_mark = node.label == "SPRED" and node.form.lower() == "som"
            self.promote(i, comp, "mark" if as_mark else "case")

    def copulas(self) -> None:
        for i in range(1, len(self.n)):
            node = self.n[i]
            if node.ud is not None or node.pos != "verb" or node.lemma not in COPULA:
                continue
            preds = [k for k in self.kids(i) if self.n[k].label == "SPRED" and self.n[k].ud is None]
            if not preds:
                continue
            # Also a finite clause ("problemet er at ...") becomes the head, as officially.
            self.promote(i, preds[0], "cop")

    def relative_som(self) -> None:
        for i in range(1, len(self.n)):
            node = self.n[i]
            if node.pos != "sbu" or node.form.lower() != "som" or node.label != "SBU":
                continue
            verb = node.head
            if verb <= 0 or self.n[verb].head <= 0:
                continue
            label = self.n[verb].label
            # "... kapitalen som eksisterte, men som aldri fanst ...": conjoined relative clause.
            if label == "KOORD":
                label = self.n[self.n[verb].head].label
            if label != "ATR":
                continue
            kids = self.kids(verb)
            has_subj = any(
                self.n[k].label in SUBJ_LABELS and self.n[k].ud is None for k in kids if k != i
            )
            has_obj = any(self.n[k].label == "DOBJ" and self.n[k].ud is None for k in kids)
            if not has_subj:
                node.rel_role = "nsubj:pass" if self.is_passive(verb) else "nsubj"
            elif not has_obj:
                node.rel_role = "obj"
            else:
                node.rel_role = "obl"

    # ----- labels ---------------------------------------------------------------------------
    def assign_upos(self) -> None:
        for i in range(1, len(self.n)):
            node = self.n[i]
            p, f, low = node.pos, node.feats, node.form.lower()
            if p == "subst":
                node.upos = "PROPN" if "prop" in f else "NOUN"
            elif p == "verb":
                node.upos = "AUX" if node.ud in ("aux", "aux:pass", "cop") else "VERB"
            elif p == "adj":
                node.upos = "ADJ"
            elif p == "pron":
                node.upos = "PRON"
            elif p == "det":
                if "poss" in f:
                    node.upos = "PRON"
                elif (
                    "kvant" in f
                    and (NUMBER_RE.match(low) or node.lemma.lower() in NUMERAL_WORDS)
                    and low not in ("en", "ein", "ei", "et", "eit", "ett")
                ):
                    node.upos = "NUM"
                else:
                    node.upos = "DET"
            elif p == "prep":
                if low in DEICTIC_ADVERBS:
                    node.upos = "ADV"
                elif node.ud == "mark":
                    node.upos = "SCONJ"
                elif node.ud == "case":
                    node.upos = "ADP"
                else:
                    node.upos = "ADP"  # particle / stranded preposition; refined in relations()
            elif p == "adv":
                node.upos = "PART" if low in NEGATION else "ADV"
            elif p == "konj":
                node.upos = "CCONJ"
            elif p == "sbu":
                node.upos = "PRON" if node.rel_role else "SCONJ"
            elif p == "inf-merke":
                node.upos = "PART"
            elif p == "interj":
                node.upos = "INTJ"
            elif p == "symb":
                node.upos = "SYM"
            elif p in PUNCT_TAGS:
                node.upos = "PUNCT"
            else:  # ukjent: mostly foreign words
                node.upos = "X"

    def head_upos(self, i: int) -> str:
        h = self.n[i].head
        return self.n[h].upos if h > 0 else "ROOT"

    def nominal(self, i: int) -> bool:
        node = self.n[i]
        if node.upos in NOMINAL:
            return True
        # A determiner standing for its noun ("de fleste", "alle") behaves as one; adjectives in
        # PPs ("med rette", "på det sterkeste") stay advmod in UD.
        return node.upos == "DET" and any(self.n[k].ud == "case" for k in self.kids(i))

    def relations(self) -> None:
        for i in range(1, len(self.n)):
            node = self.n[i]
            if node.ud is not None:
                continue
            if node.rel_role:
                node.ud = node.rel_role
                continue
            if node.head == 0:
                node.ud = "root"
                continue
            node.ud = self.map_label(i)

    def map_label(self, i: int) -> str:
        node = self.n[i]
        lab = node.label
        h = node.head
        hup = self.head_upos(i)
        clause = self.is_clause(i)
        if lab in SUBJ_LABELS:
            base = "csubj" if clause else "nsubj"
            return base + (":pass" if self.is_passive(h) else "")
        if lab in ("FSUBJ", "FOBJ"):
            return "expl"
        if lab in ("DOBJ", "POBJ"):
            if clause:
                return "ccomp" if self.is_finite(i) else "xcomp"
            return "obj"
        if lab == "IOBJ":
            return "iobj"
        if lab in ("IK", "IP"):
            return "punct"
        if lab == "KONJ":
            return "cc"
        if lab in ("KOORD", "KOORD-ELL"):
            return "conj"
        if lab == "SBU":
            return "mark"
        if lab == "PAR":
            return "parataxis"
        if lab == "INTERJ":
            return "discourse"
        if lab == "APP":
            # A title or description in front of a name ("direktør Tor Langbach") is nmod of the
            # name in UD; an apposition after its head (", Espen Thomassen ,") is appos.
            return "nmod" if i < h else "appos"
        if lab == "FLAT":
            if self.n[h].upos == "PROPN":
                return "flat:name"
            if node.upos == "X" or self.n[h].upos == "X":
                return "flat:foreign"
            return "compound"  # "Michael Kiwanuka-låt", "90 000", "pommes frites"
        if lab == "DET":
            if node.upos == "NUM":
                return "nummod"
            if node.upos in ("PRON", "NOUN", "PROPN"):
                return "nmod"  # possessives and genitives
            return "det"
        if lab in ("SPRED", "OPRED", "FSPRED", "FOPRED", "INFV"):
            if clause and self.is_finite(i):
                return "ccomp"
            return "xcomp"
        if lab in ("ADV", "ATR", "PUTFYLL", "FRAG", "UKJENT"):
            return self.modifier(i, hup, clause)
        return "dep"

    def modifier(self, i: int, hup: str, clause: bool) -> str:
        node = self.n[i]
        h = node.head
        # NDT's ATR is an attribute: adnominal even when the noun is a predicate with a copula.
        if node.label == "ATR":
            head_nominal = self.nominal(h)
        else:
            head_nominal = self.nominal(h) and not self.is_clause(h)
        if node.pos == "prep" and not any(self.n[k].ud == "case" for k in self.kids(i)):
            # A preposition left without complement: verb particle, or stranded preposition.
            if hup in ("VERB", "AUX") and node.label == "ADV":
                return "compound:prt"
            node.upos = "ADV"
            return "advmod"
        if clause:
            if head_nominal:
                return "acl:relcl" if self.is_relative(i) else "acl"
            return "advcl"
        if self.nominal(i):
            if node.label == "ATR" and self.nominal(h):
                return "nmod"
            return "nmod" if head_nominal else "obl"
        if node.upos == "ADJ":
            if head_nominal and node.label == "ATR":
                return "amod"
            return "advmod"
        if node.upos == "DET":
            return "det" if head_nominal else "advmod"
        if node.upos in ("ADV", "PART", "SCONJ", "CCONJ", "ADP"):
            return "advmod"
        if node.upos == "VERB":
            return "acl" if head_nominal else "advcl"
        return "dep"

    # ----- features -------------------------------------------------------------------------
    def features(self, i: int) -> str:
        node = self.n[i]
        f, u = node.feats, node.upos
        if _TABLE is not None and u in ("PRON", "DET", "NUM", "ADV", "PART", "ADJ"):
            # Keyed by the original NDT feature string, as learned.
            got = _TABLE.get(node.form, node.pos, self._orig_feats(i), u)
            if got is not None:
                return got
        out: dict[str, str] = {}
        if u in ("NOUN", "PROPN", "ADJ", "DET", "PRON", "NUM"):
            if "be" in f:
                out["Definite"] = "Def"
            elif "ub" in f:
                out["Definite"] = "Ind"
            if "mask" in f and "fem" in f:
                out["Gender"] = "Fem,Masc"
            elif "mask" in f:
                out["Gender"] = "Masc"
            elif "fem" in f:
                out["Gender"] = "Fem"
            elif "nøyt" in f:
                out["Gender"] = "Neut"
            if "ent" in f or "eint" in f:
                out["Number"] = "Sing"
            elif "fl" in f:
                out["Number"] = "Plur"
            if "gen" in f:
                out["Case"] = "Gen"
            if "fork" in f:
                out["Abbr"] = "Yes"
        if u == "ADJ":
            for ndt, ud in (("pos", "Pos"), ("komp", "Cmp"), ("sup", "Sup")):
                if ndt in f:
                    out["Degree"] = ud
            if "<perf-part>" in f or "<pres-part>" in f:
                out["VerbForm"] = "Part"
                out.pop("Degree", None)
            if "<ordenstall>" in f:
                out["NumType"] = "Ord"
        if u in ("VERB", "AUX"):
            if "pres" in f:
                out.update(Mood="Ind", Tense="Pres", VerbForm="Fin")
            elif "pret" in f:
                out.update(Mood="Ind", Tense="Past", VerbForm="Fin")
            elif "imp" in f:
                out.update(Mood="Imp", VerbForm="Fin")
            elif "inf" in f:
                out["VerbForm"] = "Inf"
            elif "perf-part" in f:
                out["VerbForm"] = "Part"
            if "pass" in f:
                out["Voice"] = "Pass"
        if u == "NUM":
            out["NumType"] = "Card"
            out.pop("Definite", None)
        if u == "PRON":
            if "poss" in f:
                out["Poss"] = "Yes"
                out["PronType"] = "Prs"
            elif node.rel_role:
                out = {"PronType": "Rel"}
            else:
                out["PronType"] = "Prs"
                for p in ("1", "2", "3"):
                    if p in f:
                        out["Person"] = p
                if "nom" in f:
                    out["Case"] = "Nom"
                elif "akk" in f:
                    out["Case"] = "Acc"
                if "refl" in f:
                    out["Reflex"] = "Yes"
                if "hum" in f:
                    out["Animacy"] = "Hum"
                out.pop("Definite", None)
        if u == "PART" and node.form.lower() in NEGATION:
            out = {"Polarity": "Neg"}
        if not out:
            return "_"
        return "|".join(f"{k}={v}" for k, v in sorted(out.items(), key=lambda kv: kv[0].lower()))

    def _orig_feats(self, i: int) -> str:
        return self.sent.tokens[i - 1].feats

    # ----- driver ---------------------------------------------------------------------------
    def run(self) -> Sentence:
        self.infinitive_markers()
        self.auxiliaries()
        self.prepositions()
        self.copulas()
        self.relative_som()
        self.assign_upos()
        self.relations()
        tokens: list[Token] = []
        for i in range(1, len(self.n)):
            node = self.n[i]
            orig = self.sent.tokens[i - 1]
            misc = orig.misc
            tokens.append(
                Token(
                    i,
                    node.form,
                    node.lemma,
                    node.upos,
                    node.pos,
                    self.features(i),
                    node.head,
                    node.ud or "dep",
                    "_",
                    misc,
                )
            )
        return Sentence(tokens, list(self.sent.comments), {}, self.sent.source)


def match_official(
    ndt: list[Sentence], official: list[Sentence]
) -> list[tuple[Sentence, Sentence]]:
    """(NDT sentence, official UD sentence) pairs with the same token sequence."""
    by_forms: dict[tuple[str, ...], Sentence] = {}
    for s in ndt:
        by_forms.setdefault(s.forms, s)
    return [(by_forms[o.forms], o) for o in official if o.forms in by_forms]


def convert_sentence(sent: Sentence) -> Sentence:
    return Converter(sent).run()

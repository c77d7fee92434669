"""Decide which sentences are check-worthy claims.

A sentence is worth checking when it asserts something another report can
confirm or refute: a count or amount, a date, or an event involving a named
actor. Opinion, speculation and questions are not claims: "Many analysts
believe..." cannot be supported or contradicted by a report. The rules are
deliberately transparent so a user can see why a sentence was (not) picked.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from vericlaim.claims.quantities import extract_quantities
from vericlaim.claims.segment import Sentence, split_sentences
from vericlaim.corpora.dateline import parse_dateline
from vericlaim.records import Claim, Document

_OPINION = re.compile(
    r"\b(?:i|we) (?:think|believe|feel)\b|\b(?:believe|believes|believed|hope|hopes|fear|fears|"
    r"suspect|suspects|speculate|wonder|arguably|perhaps|maybe|probably|likely|unlikely|"
    r"in my (?:view|opinion)|hard to imagine|it is (?:hard|difficult|easy) to|seems?|"
    r"might|could|would|should|must be|ought)\b",
    re.IGNORECASE,
)
_EVENT_VERBS = re.compile(
    r"\b(?:killed|kill|killing|wounded|injured|died|dead|attack(?:ed|s)?|struck|strike|fired|"
    r"launched|hit|bombed|shelled|seized|captured|arrested|detained|deployed|withdrew|"
    r"announced|said|says|told|stated|confirmed|denied|claimed|reported|signed|agreed|"
    r"met|visited|elected|won|lost|raided|evacuated|fled|displaced|destroyed|targeted|"
    r"accused|blamed|sanctioned|ordered|approved|rejected|imposed|occurred|took place|"
    r"exploded|crashed|shot|protested|marched|responded|retaliated|admitted)\b",
    re.IGNORECASE,
)
_ROLES = re.compile(
    r"\b(?:governor|president|prime minister|minister|ministry|spokesman|spokeswoman|spokesperson|"
    r"army|military|police|coalition|government|officials?|commanders?|militia|rebels|"
    r"militants|authorities|mayor|general|ambassador|embassy|court|parliament|group|operator|"
    r"company|firm|prosecutors?|police|authority|insurers?|agenc(?:y|ies)|union|builder|"
    r"investigators?|navy|air force|rescuers|doctors|hospital|council|party|rebels?)\b",
    re.IGNORECASE,
)
_FINITE_VERB = re.compile(
    r"\b(?:is|are|was|were|has|have|had|will|did|does)\b|\b[a-z]{3,}(?:ed|es)\b|"
    r"\b(?:built|made|won|lost|hit|held|led|paid|sent|met|left|took|gave|told|rose|fell|began|"
    r"ran|set|shot|cut|put|sold|bought|spent|brought|found|kept|struck|fled|flew|drove)\b",
    re.IGNORECASE,
)
_NAMED = re.compile(r"(?<!^)(?<![.!?]\s)\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*|\b[A-Z]{2,}\b")


def claim_types(text: str, quantities) -> tuple[str, ...]:
    """Labels for what kind of fact a sentence asserts ('' means not a claim)."""
    types = []
    counts = [q for q in quantities if q.unit != "date"]
    if any(q.event in ("killed", "wounded", "killed or wounded") for q in counts):
        types.append("casualties")
    if counts:
        types.append("quantity")
    if any(q.unit == "date" for q in quantities):
        types.append("date")
    has_actor = bool(_NAMED.search(text[1:]) or _ROLES.search(text))
    if _EVENT_VERBS.search(text) and (has_actor or counts):
        types.append("event")
    if re.search(r"\b(?:said|says|told|stated|according to|announced|claimed)\b", text, re.I) and has_actor:
        types.append("attribution")
    if not types and has_actor and _FINITE_VERB.search(text):
        types.append("fact")  # who did what, without a count: "The dam was owned by X"
    if types == ["date"] and has_actor and _FINITE_VERB.search(text):
        types.append("fact")
    return tuple(types)


def is_opinion(text: str) -> bool:
    """Speculation, opinion or question: not checkable against reports."""
    return text.rstrip().endswith("?") or bool(_OPINION.search(text))


def extract_claims(doc: Document) -> Iterator[Claim]:
    """Check-worthy claims of one article, with offsets into ``doc.text``."""
    number = 0
    dateline = parse_dateline(doc.text)
    skip = dateline.length if dateline else 0
    for sentence in split_sentences(doc.text):
        if sentence.start < skip:
            # the dateline says where and when, not what happened
            cut = skip - sentence.start
            if cut >= len(sentence.text):
                continue
            sentence = Sentence(sentence.text[cut:], skip, sentence.end)
        words = sentence.text.split()
        if len(words) < 4 or is_opinion(sentence.text):
            continue
        quantities = extract_quantities(sentence.text, doc.date)
        types = claim_types(sentence.text, quantities)
        if not types or types == ("date",):
            continue  # a bare date with no event is not a claim
        number += 1
        shifted = tuple(
            q.__class__(**{**q.__dict__, "start": q.start + sentence.start, "end": q.end + sentence.start})
            for q in quantities
        )
        yield Claim(doc.id, f"{doc.id}:{number}", sentence.text, sentence.start, sentence.end,
                    types, shifted, doc.date)

"""Decide which sentences are check-worthy claims.

Two layers. Transparent rules first: page furniture ("Read more: ...",
"Follow us on ...", bylines, photo credits, "Tags ..." glued onto a real
sentence) is cut away; questions, first-person opinion and belief frames
("Many analysts believe ...", "It is hard to imagine ...") and normative
"should" are dropped, because no report can support or contradict them. A
hedge word ("likely", "could") no longer drops a sentence: "One was killed
on Friday, according to the report, which could not be corroborated" is
still a report of a death.

Then the learned check-worthiness score (:mod:`vericlaim.claims.checkworthy`)
decides among the rest: a sentence is a claim when it scores at least
``min_checkworthiness``. That is what lets actor-less statements ("Polar
bear numbers are increasing."), headlines ("Government plans to close all
coal plants by 2030") and "Video shows ..." through, which the old
named-actor rule missed, while "The weather was nice." stays out. Every
claim carries its score, and the rules' labels (quantity, date, event...)
say what kind of fact it is.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from vericlaim.claims.boilerplate import claim_span
from vericlaim.claims.context import claim_context
from vericlaim.claims.parser import parse_many
from vericlaim.claims.quantities import extract_quantities, shift
from vericlaim.claims.segment import Sentence, split_sentences
from vericlaim.corpora.dateline import parse_dateline
from vericlaim.records import Claim, Document

# Opinion and speculation frames: the speaker's view, not a reportable fact. Hedges
# ("likely", "could", "may") are deliberately absent: they qualify reports, not replace them.
_OPINION = re.compile(
    r"\b(?:i|we)(?: do not| don't| really| still| strongly)? (?:think|believe|feel|hope|guess|suppose|"
    r"doubt|wish|want)\b|"
    r"\b(?:many|some|most|few|other) (?:\w+ ){0,2}(?:believe|think|fear|hope|suspect|wonder|feel|argue)\b|"
    r"\bin (?:my|our) (?:view|opinion)\b|\bhard to (?:imagine|say|believe|see)\b|"
    r"\bit is (?:hard|difficult|easy|impossible) to\b|"
    r"\b(?:arguably|perhaps|maybe|hopefully|frankly|personally)\b|"
    r"\b(?:should|ought to|we must|we need to|we have to|let us|let's)\b",
    re.IGNORECASE,
)
_EVENT_VERBS = re.compile(
    r"\b(?:killed|kill|kills|killing|wounded|injured|died|dead|attack(?:ed|s)?|struck|strike|fired|"
    r"launched|hit|bombed|shelled|seized|captured|arrested|detained|deployed|withdrew|"
    r"announced|said|says|told|stated|confirmed|denied|claimed|reported|signed|agreed|"
    r"met|visited|elected|won|lost|raided|evacuated|fled|displaced|destroyed|targeted|"
    r"accused|blamed|sanctioned|ordered|approved|rejected|imposed|occurred|took place|"
    r"exploded|crashed|shot|protested|marched|responded|retaliated|admitted|shows?|showed)\b",
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
MIN_WORDS = 3  # "Prices rose sharply." is a claim; "Updated 5pm." is not
# A document this short, in one paragraph, is one statement (a headline, a post, a quoted
# claim): checked whole, as written, like a line of a claim list.
MAX_STATEMENT_WORDS = 120
MAX_STATEMENT_SENTENCES = 4


def claim_types(text: str, quantities) -> tuple[str, ...]:
    """Labels for what kind of fact a sentence asserts (empty: a general statement)."""
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


# Quoted words are someone else's: "asks doctors 'How's it going?'" is not a question, and
# 'Says X said "I believe Y"' reports what X said, which is checkable.
_QUOTED = re.compile(r"\"[^\"]*\"|“[^”]*”|‘.*?’(?!\w)|(?<!\w)'.*?'(?!\w)")
_REPORTED = re.compile(
    r"\b(?:says|said|say|insisted|argued|claimed|claims|wrote|tweeted|told|stated|announced|"
    r"according to|thinks|believes|wants|suggested|warned)\b", re.IGNORECASE)


def is_opinion(text: str) -> bool:
    """The writer's speculation, opinion or question: not checkable against reports.

    An opinion frame after a reporting verb is the reported speaker's, and the report that
    they said it is a claim ("Says Ron Paul insisted FEMA should be shut down").
    """
    own = _QUOTED.sub(" ", text)
    if own.rstrip().rstrip("\"'”’ )").endswith("?"):
        return True
    reported = _REPORTED.search(own)
    return any(reported is None or match.start() < reported.start() for match in _OPINION.finditer(own))


_NUMBER = re.compile(r"\d|\b(?:percent|hundred|thousand|million|billion|trillion)\b", re.IGNORECASE)


def reports_number(text: str) -> bool:
    """A statement (not a question) that gives a number: "prosecutions are up by about 68
    percent -- I believe -- is the number" stays checkable whatever frame wraps it; the
    learned score still has to pass. Chosen on the held-out part of ClaimBuster train
    (detector F1 0.868 -> 0.883)."""
    own = _QUOTED.sub(" ", text)
    return bool(_NUMBER.search(own)) and not own.rstrip().rstrip("\"'”’ )").endswith("?")


def article_sentences(doc: Document) -> Iterator[tuple[Sentence, bool]]:
    """The article's own sentences (furniture cut away), each with whether the rules let it through.

    Sentences the rules drop (opinion, questions, fragments) are still yielded, as possible
    antecedents of a later claim's "it" or "the soldiers".
    """
    dateline = parse_dateline(doc.text)
    skip = dateline.length if dateline else 0
    for sentence in split_sentences(doc.text):
        if sentence.start < skip:
            # the dateline says where and when, not what happened
            cut = skip - sentence.start
            if cut >= len(sentence.text):
                continue
            sentence = Sentence(sentence.text[cut:], skip, sentence.end)
        span = claim_span(sentence.text)
        if span is None:
            continue
        if span != (0, len(sentence.text)):
            sentence = Sentence(sentence.text[span[0]:span[1]], sentence.start + span[0],
                                sentence.start + span[1])
        yield sentence, len(sentence.text.split()) >= MIN_WORDS and (
            not is_opinion(sentence.text) or reports_number(sentence.text))


def statement_span(doc: Document) -> tuple[int, int] | None:
    """Offsets of the body when the whole document is one short statement, else None.

    Someone who publishes or forwards a single short statement is asserting it: a headline,
    "Says Carol Burnett is dead.", a two-sentence quote. The debate-trained score undervalues
    headlines and general statements, so a statement is only dropped by the rules (question,
    opinion, furniture) or by an explicit ``min_checkworthiness``. A short paragraph of several
    sentences is one statement too, as fact-checkers quote it ("Meth production in MO has
    cratered. MO Hwy Patrol reported 1,326 meth lab seizures in 2006, only 50 in 2018."): its
    sentences support each other. News articles (datelines, several paragraphs) never qualify.
    """
    body = doc.text.strip()
    if (not body or len(body.split()) > MAX_STATEMENT_WORDS or re.search(r"\n\s*\n", body)
            or parse_dateline(body) is not None):
        return None
    if len(split_sentences(body)) > MAX_STATEMENT_SENTENCES:
        return None
    start = doc.text.index(body)
    return start, start + len(body)


Scorer = Callable[[list[str]], "list[float]"]


def default_scorer() -> Scorer:
    from vericlaim.claims.checkworthy import load_checkworthy

    return load_checkworthy().score


def default_min_checkworthiness() -> float:
    """The cut chosen on held-out data and stored with the model (see docs/BENCHMARKS.md)."""
    from vericlaim.claims.checkworthy import load_checkworthy

    return load_checkworthy().threshold


def _claim(doc: Document, number: int, sentence: Sentence, score: float, context: str,
           parsed=None) -> Claim:
    """``parsed`` is the sentence's spaCy Doc when the caller parsed many in one pass."""
    quantities = extract_quantities(sentence.text, doc.date, doc=parsed)
    shifted = tuple(shift(q, sentence.start) for q in quantities)
    return Claim(doc.id, f"{doc.id}:{number}", sentence.text, sentence.start, sentence.end,
                 claim_types(sentence.text, quantities), shifted, doc.date,
                 checkworthiness=round(float(score), 4), context=context)


def _statement_claim(doc: Document, span: tuple[int, int], min_checkworthiness: float | None,
                     scorer: Scorer | None) -> Iterator[Claim]:
    own = claim_span(doc.text[span[0]:span[1]])
    if own is None:
        return
    start, end = span[0] + own[0], span[0] + own[1]
    text = doc.text[start:end]
    if len(text.split()) < MIN_WORDS or is_opinion(text):
        return
    score = (scorer or default_scorer())([text])[0]
    if min_checkworthiness is not None and score < min_checkworthiness:
        return
    yield _claim(doc, 1, Sentence(text, start, end), score, claim_context(text, [], doc.title))


def extract_claims(
    doc: Document, min_checkworthiness: float | None = None, scorer: Scorer | None = None,
    statements: bool = True,
) -> Iterator[Claim]:
    """Check-worthy claims of one article, with offsets into ``doc.text`` and their scores.

    ``min_checkworthiness`` None uses the cut stored with the model. With ``statements``, a
    document that is one short statement is checked whole (:func:`statement_span`).
    """
    yield from extract_claims_many([doc], min_checkworthiness, scorer, statements)[0]


def extract_claims_many(
    docs: list[Document], min_checkworthiness: float | None = None, scorer: Scorer | None = None,
    statements: bool = True,
) -> list[list[Claim]]:
    """:func:`extract_claims` of each article, with one check-worthiness call for all of them.

    Scoring embeds every candidate sentence; one batch for many short articles costs much
    less than a small batch per article.
    """
    plans: list[tuple[Document, tuple[int, int] | None, list]] = []
    texts: list[str] = []
    for doc in docs:
        span = statement_span(doc) if statements else None
        sentences = [] if span is not None else list(article_sentences(doc))
        plans.append((doc, span, sentences))
        texts += [s.text for s, keep in sentences if keep]
    scores = iter((scorer or default_scorer())(texts) if texts else ())
    claims = []
    for doc, span, sentences in plans:
        if span is not None:
            claims.append(list(_statement_claim(doc, span, min_checkworthiness, scorer)))
        else:
            kept = [next(scores) for _, keep in sentences if keep]
            claims.append(_article_claims(doc, sentences, kept, min_checkworthiness))
    return claims


def _article_claims(doc: Document, sentences: list, scores: list[float],
                    min_checkworthiness: float | None) -> list[Claim]:
    """The claims among an article's scored candidate sentences (``scores`` in their order)."""
    if not scores:
        return []
    cut = default_min_checkworthiness() if min_checkworthiness is None else min_checkworthiness
    kept = iter(scores)
    chosen = []
    for position, (sentence, keep) in enumerate(sentences):
        if keep and (score := next(kept)) >= cut:
            chosen.append((sentence, score, position))
    # one spaCy pass over the article's claims: nlp.pipe is faster than a call per sentence
    parsed = parse_many([sentence.text for sentence, _, _ in chosen])
    return [_claim(doc, number, sentence, score,
                   claim_context(sentence.text, [s.text for s, _ in sentences[:position]], doc.title),
                   sentence_doc)
            for number, ((sentence, score, position), sentence_doc) in enumerate(zip(chosen, parsed, strict=True), 1)]

"""Sentence splitting and word overlap for building NLI pairs from news text.

Training data only needs rough sentences and a relevance score that is
cheap, deterministic and explainable, so both are plain rules: no model is
loaded to build the data.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable

_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]?\s+(?=[\"“'‘(]?[A-Z0-9])")
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
STOPWORDS = frozenset(
    "a an the and or but of to in on at by for with from as is are was were be been being it its this that "
    "these those he she they we you i his her their our your has have had do does did not no will would "
    "can could may might should than then there here who whom which what when where why how all any some "
    "more most other such into over after before about up down out off also just only very said says".split()
)


def clean(text: str) -> str:
    """One line, single spaces."""
    return re.sub(r"\s+", " ", text or "").strip()


def sentences(text: str) -> list[str]:
    """Split a paragraph-or-article string into sentences (line breaks always split)."""
    out = []
    for block in re.split(r"\n\s*", text or ""):
        out += [clean(s) for s in _SENTENCE_END.split(block) if clean(s)]
    return out


def content_words(text: str) -> list[str]:
    """Lower-cased words without stopwords: what relevance is scored on."""
    return [w for w in _WORD.findall(text.lower()) if w not in STOPWORDS]


class Idf:
    """Inverse document frequency over a set of texts, for weighting overlap."""

    def __init__(self, texts: Iterable[str]):
        counts: Counter[str] = Counter()
        n = 0
        for text in texts:
            counts.update(set(content_words(text)))
            n += 1
        self.n = max(1, n)
        self.counts = counts

    def __call__(self, word: str) -> float:
        return math.log((1 + self.n) / (1 + self.counts.get(word, 0))) + 1.0

    def overlap(self, query: str, passage: str) -> float:
        """Share of the query's idf weight that the passage covers (0..1)."""
        wanted = set(content_words(query))
        if not wanted:
            return 0.0
        have = set(content_words(passage))
        total = sum(self(w) for w in wanted)
        return sum(self(w) for w in wanted & have) / total


def best_window(query: str, sents: list[str], idf: Idf, width: int = 2) -> tuple[str, float]:
    """The ``width`` consecutive sentences that cover most of the query, and their score.

    FNC-1 bodies run to dozens of sentences; a cross-encoder reads ~128
    tokens, so the premise is the passage a retriever would hand it.
    """
    if not sents:
        return "", 0.0
    best, best_score = 0, -1.0
    for start in range(max(1, len(sents) - width + 1)):
        score = idf.overlap(query, " ".join(sents[start : start + width]))
        if score > best_score:
            best, best_score = start, score
    return " ".join(sents[best : best + width]), best_score

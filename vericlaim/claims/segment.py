"""Sentence segmentation with character offsets.

pysbd (a maintained rule-based segmenter) copes with abbreviations
("Dr.", "U.S."), decimals and quotations, which a split on '.' does not.
Offsets point into the original text so the report can cite exactly where
a claim sits in its article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

MAX_SENTENCE_CHARS = 2000  # longer "sentences" are cut into pieces


@dataclass(frozen=True)
class Sentence:
    text: str
    start: int
    end: int


@lru_cache(maxsize=1)
def _segmenter():
    import pysbd

    return pysbd.Segmenter(language="en", clean=False, char_span=True)


def _blocks(text: str):
    """Paragraphs (blank-line separated) with offsets: pysbd works per block."""
    for match in re.finditer(r"[^\n]+(?:\n(?!\s*\n)[^\n]*)*", text):
        if match.group().strip():
            yield match.start(), match.group()


def split_sentences(text: str) -> list[Sentence]:
    """Split text into sentences; offsets index into ``text``."""
    sentences = []
    for offset, block in _blocks(text):
        for span in _segmenter().segment(block):
            raw = span.sent
            lead = len(raw) - len(raw.lstrip())
            body = raw.strip()
            if not body:
                continue
            start = offset + span.start + lead
            for piece_start in range(0, len(body), MAX_SENTENCE_CHARS):
                piece = body[piece_start : piece_start + MAX_SENTENCE_CHARS]
                s = start + piece_start
                sentences.append(Sentence(piece, s, s + len(piece)))
    return sentences

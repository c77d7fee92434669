"""Split a report into overlapping sentence windows for retrieval.

A claim usually restates one or two sentences of a report, so passages are
short windows (default two sentences, stride one): small enough for the
NLI model to read in full, large enough to keep a count with its context.
"""

from __future__ import annotations

from vericlaim.claims.segment import split_sentences
from vericlaim.records import Document, Passage


def split_passages(doc: Document, sentences: int = 2, stride: int = 1) -> list[Passage]:
    spans = split_sentences(doc.text)
    if not spans:
        return []
    passages = []
    last_start = max(0, len(spans) - sentences)
    for number, first in enumerate(range(0, last_start + 1, max(1, stride))):
        window = spans[first : first + sentences]
        start, end = window[0].start, window[-1].end
        passages.append(Passage(doc.id, f"{doc.id}#{number}", doc.text[start:end], start, end))
    return passages

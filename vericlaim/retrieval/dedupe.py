"""Near-identical passages: the same wire copy carried by several outlets.

They are one piece of evidence, not several: retrieval fills its top-k with
distinct texts (five copies of one wire story would otherwise crowd out every
other report), NLI scores each text once, and the verdict counts the copies as
outlets of one source (``verify.sources``).
"""

from __future__ import annotations

import re
from functools import lru_cache

# Word-bigram Jaccard similarity at which two passages count as the same copy.
DUPLICATE_JACCARD = 0.8


@lru_cache(maxsize=65536)
def shingles(text: str) -> frozenset:
    """Word bigrams of a text (its words when it has one), case-folded."""
    words = re.findall(r"\w+", text.lower())
    return frozenset(zip(words, words[1:], strict=False)) if len(words) > 1 else frozenset(words)


def near_duplicates(a: frozenset, b: frozenset) -> bool:
    union = len(a | b)
    return bool(union) and len(a & b) / union >= DUPLICATE_JACCARD


def group_near_duplicates(texts: list[str]) -> list[int]:
    """Group number of each text: the index of the first earlier text it copies (itself if none)."""
    leads: list[tuple[int, frozenset]] = []
    groups = []
    for i, text in enumerate(texts):
        sh = shingles(text)
        lead = next((j for j, key in leads if near_duplicates(sh, key)), None)
        if lead is None:
            leads.append((i, sh))
            lead = i
        groups.append(lead)
    return groups

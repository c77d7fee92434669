"""Context for claims that lean on an earlier sentence.

"It said police found the launch site" and "The soldiers had been warned in
advance" cannot be retrieved or judged alone: who is "it", which soldiers?
A claim whose subject is a pronoun, or a definite description ("the
soldiers", "the attack") whose noun the article used before, gets as
context the article title and the antecedent sentence: the previous
sentence for a pronoun, the latest earlier sentence naming the noun for a
description. The report still shows the claim exactly as written; only the
retrieval query uses the context (``Config.context_query``).
"""

from __future__ import annotations

import re

_PRONOUN = re.compile(r"^(?:it|he|she|they|its|his|her|their|this|these|that|those|the latter|the former)\b",
                      re.IGNORECASE)
# "The soldiers", "The two soldiers", "These local traders": determiner + up to three lower-case words.
_DESCRIPTION = re.compile(r"^(?i:the|these|those|this|that)\s+((?:[a-z][\w'-]*\s+){0,2}[a-z][\w'-]*)")
_STOP = frozenset("a an and or of in on at to for by with from was were is are had has have been be "
                  "not no also then there which who that this".split())


def _stem(word: str) -> str:
    return word.lower()[:5]


_VERBISH = re.compile(r"^(?:is|are|was|were|had|has|have|will|would|could|can|may|might|did|does|said|"
                      r"says|told|\w+ed)$")


def _nouns(phrase: str) -> set[str]:
    """Content words of the noun phrase: up to its first verb ("the rockets were launched")."""
    words = []
    for word in re.findall(r"[A-Za-z][\w'-]*", phrase):
        if _VERBISH.match(word.lower()):
            break
        words.append(word)
    return {_stem(w) for w in words if w.lower() not in _STOP and len(w) > 2}


def antecedent(sentence: str, earlier: list[str]) -> str:
    """The earlier sentence ``sentence`` leans on ('' when it stands alone)."""
    if not earlier:
        return ""
    if _PRONOUN.match(sentence.lstrip("\"'“‘(")):
        return earlier[-1]
    match = _DESCRIPTION.match(sentence)
    if not match:
        return ""
    nouns = _nouns(match.group(1))
    for previous in reversed(earlier):
        if nouns & {_stem(w) for w in re.findall(r"[A-Za-z][\w'-]*", previous)}:
            return previous
    return ""


def claim_context(sentence: str, earlier: list[str], title: str) -> str:
    """Title + antecedent sentence for a claim that needs them, else ''."""
    title = title.strip()
    found = antecedent(sentence, earlier or ([title] if title else []))
    if not found:
        return ""
    if found == title:  # a statement on its own: its title is all the context there is
        return title
    if title and not title.endswith((".", "!", "?", ":")):
        title += "."
    return f"{title} {found}".strip()

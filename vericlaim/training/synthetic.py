"""Synthetic in-domain NLI pairs made from news sentences by known transformations.

Every transformation changes a real news sentence in a way whose NLI label is
known by construction:

- contradiction: a number or interval shifted, a place or actor swapped, a
  negation added or removed, an event verb swapped (killed <-> wounded), a day,
  month or year moved;
- neutral: the sentence wrapped in an attribution ("a local activist claimed
  that S" does not establish S), or a similar sentence about something else
  (nearest neighbour);
- entailment: a clause or time phrase dropped, the sentence read with the
  sentence after it, and an attributed sentence against an attributed,
  shortened copy (so "claimed" is not a bare cue for neutral).

Which reporting counts as attribution follows :mod:`vericlaim.attribution`:
hedged verbs (claimed, alleged...) always, neutral ones (said, wrote) only for
people and posts; an institution's "said" is a report's sourcing and is not
used here. Each pair is seeded and built from the text alone, so the same
sentences always give the same pairs.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from dataclasses import dataclass

from vericlaim.training.nli_data import NLIPair, shift_number_token
from vericlaim.training.text import Idf, content_words

SOURCE = "news_synthetic"

_NUMBER = re.compile(r"(?<![\w.,$])\d{1,3}(?:,\d{3})+(?![\w,])|(?<![\w.,$])\d+(?:\.\d+)?(?![\w.,])")
_REPORTING = re.compile(r"\b(said|says|told|claimed|claims|alleged|according to|reported|reportedly|stated|"
                        r"added|announced|insisted|denied|wrote|tweeted|quoted)\b", re.IGNORECASE)

# Same-kind names to swap; a swap only happens when the new name is nowhere in the premise.
ENTITY_GROUPS = (
    ("Aleppo", "Idlib", "Homs", "Hama", "Damascus", "Raqqa", "Daraa", "Latakia", "Palmyra", "Douma",
     "Hasakeh", "Deir ez-Zor", "Afrin", "Manbij", "Kobani", "Tartous", "Qamishli", "Quneitra"),
    ("Syria", "Iraq", "Turkey", "Russia", "Iran", "Israel", "Lebanon", "Jordan", "Egypt", "Saudi Arabia",
     "Qatar", "Yemen", "Libya", "Afghanistan", "Nigeria", "Ukraine", "France", "Britain", "Germany",
     "China", "Canada", "Australia", "Mexico", "India", "Pakistan"),
    ("Syrian", "Iraqi", "Turkish", "Russian", "Iranian", "Israeli", "Lebanese", "Jordanian", "Egyptian",
     "Saudi", "American", "British", "French", "German", "Chinese", "Kurdish"),
    ("Islamic State", "Hezbollah", "Hamas", "Taliban", "Boko Haram", "al-Qaeda", "al-Nusra Front",
     "Free Syrian Army", "YPG"),
    ("Obama", "Putin", "Assad", "Erdogan", "Netanyahu", "Rouhani", "Cameron", "Merkel", "Hollande",
     "Kerry", "Lavrov", "Baghdadi"),
)
VERB_SWAPS = (
    ("killed", "wounded"), ("killed", "injured"), ("fired", "intercepted"), ("captured", "lost"),
    ("arrested", "released"), ("increased", "decreased"), ("rose", "fell"), ("won", "lost"),
    ("approved", "rejected"), ("confirmed", "denied"), ("destroyed", "repaired"), ("opened", "closed"),
    ("launched", "cancelled"), ("accepted", "refused"), ("died", "survived"), ("entered", "left"),
    ("attacked", "defended"), ("dead", "injured"), ("deaths", "injuries"), ("started", "ended"),
)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")
INTERVAL_FLIPS = (("more than", "fewer than"), ("at least", "at most"), ("over", "under"),
                  ("above", "below"), ("up to", "more than"))
# People and posts: whatever they say or claim is attribution (vericlaim.attribution's rule).
SPEAKERS = ("a local activist", "an opposition spokesman", "a pro-government blogger", "a viral social media post",
            "a witness quoted by a rival outlet", "an unnamed source", "a video shared online",
            "a rebel commander", "a politician", "a resident", "one commentator", "Ahmed Hassan",
            "Maria Lopez", "a rumour circulating online", "a campaign ad")
HEDGED_VERBS = ("claimed", "alleged", "insisted", "suggested", "asserted", "tweeted")
PERSON_VERBS = ("said", "wrote", "told reporters", "posted")
WRAPS = ("{who} {verb} that {s}", "{S}, {who} {verb}.", "It is claimed that {s}", "{who} {verb} that {s}",
         "Reports that {s_bare} could not be confirmed.", "According to {who}, {s}")
_SUBORDINATORS = ("as ", "while ", "after ", "before ", "when ", "adding ", "saying ", "which ", "who ",
                  "although ", "though ", "including ", "where ", "despite ")


_CONNECTIVES = frozenset("however but and also meanwhile moreover furthermore still yet so then thus "
                         "therefore instead besides nevertheless".split())


@dataclass(frozen=True)
class NewsSentence:
    """A usable sentence, the document it came from and the sentence after it there."""

    text: str
    doc: str
    following: str = ""


def usable(sentence: str) -> bool:
    """Declarative news sentences of 8-45 words: no questions, quotes or fragments."""
    words = sentence.split()
    if words and words[0].lower().strip(",") in _CONNECTIVES:  # needs the sentence before it
        return False
    return (8 <= len(words) <= 45 and sentence[-1:] == "." and sentence[:1].isupper()
            and "?" not in sentence and '"' not in sentence and "“" not in sentence and "http" not in sentence)


def lowercase_words(items: list[NewsSentence]) -> frozenset[str]:
    """Words the corpus writes in lower case mid-sentence: a capital on them is only sentence case."""
    return frozenset(w for item in items for w in item.text.split()[1:] if w.isalpha() and w.islower())


def _lower_first(sentence: str, common: frozenset[str]) -> str:
    """'The army said...' -> 'the army said...' when put after 'that'; names keep their capital."""
    first = sentence.split(" ", 1)[0]
    if first.lower() in common or first.lower() in ("i", "a"):
        return sentence if first == "I" else sentence[0].lower() + sentence[1:]
    return sentence


def _replace_once(text: str, old: str, new: str) -> str | None:
    match = re.search(rf"\b{re.escape(old)}\b", text)
    if not match:
        return None
    return text[: match.start()] + new + text[match.end() :]


def shift_number(sentence: str, rng: random.Random) -> str | None:
    """One number changed by a clear amount (years by a few years)."""
    matches = list(_NUMBER.finditer(sentence))
    if not matches:
        return None
    match = rng.choice(matches)
    new = shift_number_token(match.group(), rng)
    if new == match.group() or re.search(rf"(?<![\w.,]){re.escape(new)}(?![\w])", sentence):
        return None
    return sentence[: match.start()] + new + sentence[match.end() :]


def flip_interval(sentence: str, rng: random.Random) -> str | None:
    """'more than 20' -> 'fewer than 20' and the like (only before a number)."""
    for old, new in rng.sample(INTERVAL_FLIPS, len(INTERVAL_FLIPS)):
        match = re.search(rf"\b{old} (?=\d)", sentence, re.IGNORECASE)
        if match:
            if match.group()[0].isupper():
                new = new[0].upper() + new[1:]
            return sentence[: match.start()] + new + " " + sentence[match.end() :]
    return None


def swap_entity(sentence: str, rng: random.Random) -> str | None:
    """A place, nationality, group or leader replaced by another of its kind."""
    for group in rng.sample(ENTITY_GROUPS, len(ENTITY_GROUPS)):
        present = [name for name in group if re.search(rf"\b{re.escape(name)}\b", sentence)]
        if present:
            old = rng.choice(present)
            choices = [n for n in group if n not in present and not re.search(rf"\b{re.escape(n)}\b", sentence)]
            if choices:
                return _replace_once(sentence, old, rng.choice(choices))
    return None


def negate(sentence: str, rng: random.Random) -> str | None:
    """Add 'not' after the first auxiliary, or take an existing 'not' away."""
    removed = re.sub(r"\b(was|were|is|are|has|have|had|will|would|could|can|did|does|do) not\b", r"\1",
                     sentence, count=1)
    if removed != sentence:
        return removed
    match = re.search(r"\b(was|were|is|are|has|have|had|will|would|could|can)\b(?! not)", sentence)
    if not match or _REPORTING.search(sentence[: match.start()]):
        return None  # negating inside "X said that ..." would change what X said, not the fact
    return sentence[: match.end()] + " not" + sentence[match.end() :]


def swap_verb(sentence: str, rng: random.Random) -> str | None:
    """killed <-> wounded, fired <-> intercepted, rose <-> fell..."""
    for a, b in rng.sample(VERB_SWAPS, len(VERB_SWAPS)):
        for old, new in ((a, b), (b, a)):
            if re.search(rf"\b{old}\b", sentence) and not re.search(rf"\b{new}\b", sentence):
                return _replace_once(sentence, old, new)
    return None


def shift_date(sentence: str, rng: random.Random) -> str | None:
    """Another weekday or month, or a year moved (dates in news are checkable facts)."""
    for names in rng.sample((WEEKDAYS, MONTHS), 2):
        present = [n for n in names if re.search(rf"\b{n}\b", sentence)]
        if present:
            old = present[0]
            return _replace_once(sentence, old, rng.choice([n for n in names if n != old]))
    match = re.search(r"\b(19[5-9]\d|20[0-2]\d)\b", sentence)
    if match:
        year = int(match.group()) + rng.choice([-3, -2, -1, 1, 2, 3])
        return sentence[: match.start()] + str(year) + sentence[match.end() :]
    return None


def compress(sentence: str, rng: random.Random) -> str | None:
    """Drop a trailing clause, an inserted clause or a time phrase; the rest stays true.

    Clauses that carry attribution are never dropped: 'S, the activist claimed'
    does not entail S, so shortening it to S would teach the opposite.
    """
    if _REPORTING.search(sentence):
        return None
    options = []
    parts = sentence[:-1].split(", ")
    if len(parts) >= 2 and len(parts[0].split()) >= 6:
        tail = ", ".join(parts[1:])
        if not tail.lower().startswith(("but ", "not ", "no ", "except", "unless", "without")):
            options.append(parts[0] + ".")
    inserted = re.sub(r", (?:who|which|where) [^,]+,", "", sentence, count=1)
    if inserted != sentence:
        options.append(inserted)
    timed = re.sub(r" (?:on|last|this|early on|late on) (?:" + "|".join(WEEKDAYS) + r")\b", "", sentence, count=1)
    if timed != sentence:
        options.append(timed)
    options = [o for o in options if len(o.split()) >= 5 and o != sentence]
    return rng.choice(options) if options else None


def attribute(sentence: str, rng: random.Random, common: frozenset[str] = frozenset()) -> str:
    """The sentence as someone else's claim: a premise that is neutral for the sentence."""
    who = rng.choice(SPEAKERS)
    verb = rng.choice(HEDGED_VERBS + PERSON_VERBS)
    body = sentence[:-1]
    template = rng.choice(WRAPS)
    text = template.format(who=who, verb=verb, s=_lower_first(sentence, common), S=body,
                           s_bare=_lower_first(body, common))
    return text[0].upper() + text[1:]


CONTRADICTIONS: dict[str, Callable[[str, random.Random], str | None]] = {
    "number_shift": shift_number,
    "interval_flip": flip_interval,
    "entity_swap": swap_entity,
    "negation": negate,
    "event_verb_swap": swap_verb,
    "date_shift": shift_date,
}


def _premise(item: NewsSentence, rng: random.Random) -> str:
    """The sentence alone or with the sentence after it, so premise length is no cue to the label."""
    if item.following and rng.random() < 0.4:
        return f"{item.text} {item.following}"
    return item.text


def nearest_neighbours(items: list[NewsSentence], idf: Idf, limit: int, rng: random.Random) -> list[NLIPair]:
    """Neutral pairs: a sentence against the most similar sentence of another document.

    Similar wording about a different event is the neutral case a retriever
    produces. Pairs that share every number or most content words are skipped:
    those may report the same fact.
    """
    index: dict[str, list[int]] = {}
    for i, item in enumerate(items):
        for word in set(content_words(item.text)):
            index.setdefault(word, []).append(i)
    order = list(range(len(items)))
    rng.shuffle(order)
    pairs: list[NLIPair] = []
    for i in order:
        if len(pairs) >= limit:
            break
        words = set(content_words(items[i].text))
        scores: dict[int, float] = {}
        for word in words:
            postings = index.get(word, [])
            if len(postings) > 300:  # a very common word says little about the topic
                continue
            for j in postings:
                if items[j].doc != items[i].doc:
                    scores[j] = scores.get(j, 0.0) + idf(word)
        if not scores:
            continue
        j = max(scores, key=scores.get)
        share = idf.overlap(items[i].text, items[j].text)
        numbers_i, numbers_j = set(_NUMBER.findall(items[i].text)), set(_NUMBER.findall(items[j].text))
        if not 0.2 <= share <= 0.6 or (numbers_i and numbers_i <= numbers_j):
            continue
        pairs.append(NLIPair(items[j].text, items[i].text, "neutral", f"{SOURCE}/nearest_neighbour",
                             group=items[i].doc))
    return pairs


def synthetic_pairs(items: list[NewsSentence], caps: dict[str, int], seed: int) -> list[NLIPair]:
    """All transformations over the sentences, each up to its cap in ``caps``."""
    rng = random.Random(seed)
    order = list(range(len(items)))
    made: dict[str, list[NLIPair]] = {k: [] for k in caps}

    def add(kind: str, premise: str, hypothesis: str, label: str, doc: str) -> None:
        if kind in made and len(made[kind]) < caps[kind] and premise != hypothesis:
            made[kind].append(NLIPair(premise, hypothesis, label, f"{SOURCE}/{kind}", group=doc))

    for kind, transform in CONTRADICTIONS.items():
        rng.shuffle(order)
        for i in order:
            if kind in made and len(made[kind]) >= caps[kind]:
                break
            item = items[i]
            changed = transform(item.text, rng)
            if changed:
                add(kind, _premise(item, rng), changed, "contradiction", item.doc)
    rng.shuffle(order)
    for i in order:
        item = items[i]
        short = compress(item.text, rng)
        if short:
            add("compression", _premise(item, rng), short, "entailment", item.doc)
    rng.shuffle(order)
    for i in order:
        item = items[i]
        if item.following:
            add("with_context", f"{item.text} {item.following}", item.text, "entailment", item.doc)
    rng.shuffle(order)
    common = lowercase_words(items)
    for i in order:
        item = items[i]
        if _REPORTING.search(item.text):
            continue
        wrapped = attribute(item.text, rng, common)
        add("attribution", wrapped, item.text, "neutral", item.doc)
        short = compress(item.text, rng)
        match = re.match(r"(.+? (?:" + "|".join(HEDGED_VERBS + PERSON_VERBS) + r") that )", wrapped)
        if short and match:  # the claim as the claim of the same speaker: entailed
            add("attribution_kept", wrapped, match.group(1) + _lower_first(short, common), "entailment",
                item.doc)
    if "nearest_neighbour" in caps:
        idf = Idf(item.text for item in items)
        made["nearest_neighbour"] = nearest_neighbours(items, idf, caps["nearest_neighbour"], rng)
    return [pair for kind in caps for pair in made[kind]]

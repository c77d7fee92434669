"""Find quantities and dates in a sentence and normalise them to intervals.

Numbers are where NLI models are weakest, so each quantity becomes an
explicit interval the verdict module can compare: "about 30 rockets" is
27..33 rockets, "more than 100 killed" is 100..inf killed, "dozens" is
24..99, "no one was killed" is 0 killed. Dates become ISO strings (relative
ones resolved against the document's own date when it has one, never the clock).

Values come from the regex grammar below; what a value counts, what happened
to it and when come from the dependency parse (``frames.py``) when a spaCy
pipeline is installed, else from word distance. Relative amounts ("twice as
many", "a third of them") are kept but marked, and never compared as counts.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import replace
from datetime import date

from vericlaim.claims.lexicon import (
    ABOUT_TOLERANCE,
    AGE_GROUP_WORDS,
    COUNTED,
    CURRENCY_SIGNS,
    EVENTS,
    FRACTIONS,
    MONTHS,
    NOT_COUNTED,
    NOUN_EVENTS,
    PERSON_EVENTS,
    PERSON_GROUPS,
    QUALIFIERS,
    SCALES,
    TENS_WORDS,
    UNITS,
    UNITS_WORDS,
    VAGUE,
    ZERO_WORDS,
)
from vericlaim.records import Quantity

INF = math.inf
# Bumped whenever extraction changes what a frame says. An index stores its passages' frames with
# the version that made them; one made by another version is re-parsed at check time, so a fix to
# the frames (a false accusation removed) reaches indexes built before it.
FRAMES_VERSION = 30
WORD_DISTANCE_EVENTS = {"killed", "wounded", "arrested", "displaced"}  # the fallback's verbs-before-noun
MUNITIONS = {"rockets", "drones", "airstrikes"}

_WORD_NUM = "|".join(sorted(list(UNITS_WORDS) + list(TENS_WORDS), key=len, reverse=True))
_SCALE = r"(?:hundred|thousand|million|billion|trillion|lakh|crore|bln|mln|bn|mn|m|k)\b"
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.\s\d+(?=\s*(?:million|billion|trillion|percent|%|per\scent))|\d{1,3}(?:\u00a0\d{3}|\s\d{3}(?=\s[a-z]))+|\d+(?:\.\d+)?"
_NUMBER = (
    rf"(?:(?P<cur>US\$|\$|€|£|₹|(?<![A-Za-z])Rs\.?(?=\s?\d))\s?)?"
    rf"(?P<num>(?:{_DIGITS})(?:[\s-]?{_SCALE}(?:\s{_SCALE})?)?"
    rf"|(?:(?:{_WORD_NUM})(?:[- ](?:{_WORD_NUM}))?)(?:\s(?:dozen|{_SCALE}))*)"
)
_VAGUE = "|".join(re.escape(v) for v in sorted(VAGUE, key=len, reverse=True))
_FRACTION = "|".join(re.escape(f) for f in sorted(FRACTIONS, key=len, reverse=True))
_QUANTITY = re.compile(
    rf"(?<![\w.,$:])(?<![A-Za-z]-)(?:(?P<vague>{_VAGUE})|(?P<frac>{_FRACTION})|{_NUMBER})(?![\w]|,\d|\.\d)",
    re.IGNORECASE,
)
_QUALIFIER = re.compile(
    r"(?:^|\W)(?P<q>" + "|".join(re.escape(q) for q in sorted(QUALIFIERS, key=len, reverse=True))
    + r")\s+(?:of\s+|a\s+)?$",  # "about a 7.5% rate", "close to a 95% drop"
    re.IGNORECASE,
)
_PHRASAL_UP_TO = re.compile(r"\b(?:add|adds|added|adding|end|ends|ended|sum|sums|summed)\s+up\s+to\s+$",
                            re.IGNORECASE)


_PART_OF = re.compile(r"\b(?:fifth|sixth|tenth|fraction|part|share|portion)s?\s+of\s+$", re.IGNORECASE)
_PERIOD_AFTER = re.compile(r"[\d.,]+[- ](?:day|week|month|year|hour|minute|decade)s?\b", re.IGNORECASE)


_ONE_OR_MORE = re.compile(r"\s+(?:or|to)\s+(?:two|three|four|2|3|4)\b", re.IGNORECASE)
_TALLY_AFTER = re.compile(r"\s+(?:votes?|vote\s+margin|decision|ruling|split)\b", re.IGNORECASE)
_PEOPLE_OVER = re.compile(rf"\b(?:{AGE_GROUP_WORDS})\s+(over|under|above|below|older\s+than|younger\s+than|aged)\s+$",
                          re.IGNORECASE)
_AGE_BOUND = re.compile(r"\b(over|above|under|below)\s+the\s+ages?\s+of\s+$", re.IGNORECASE)
# "millions of (taxpayer) dollars"; a verb of money straight before a bare "millions"
_MONEY_OF = re.compile(r"\s+of\s+(?:(?-i:[a-z-]+)\s+)?dollars\b", re.IGNORECASE)  # not "of Canadian dollars"
_MONEY_VERB_BEFORE = re.compile(
    r"\b(?:spend|spends|spent|spending|pay|pays|paid|paying|raise[ds]?|raising|donate[ds]?|donating|"
    r"contribut(?:e|es|ed|ing)|cost|costs|costing|owe[ds]?|owing|waste[ds]?|wasting|funnel(?:s|ed|ing)?|"
    r"earn(?:s|ed|ing)?|make|makes|made|making)\s+(?:(?:about|nearly|over|more\s+than|tens\s+of|"
    r"hundreds\s+of|the)\s+)?$", re.IGNORECASE)
# "shared more than 3,000 times", "voted to raise taxes 150 times": what the times count
_TIMES_VERBS = {"shared": "shares", "viewed": "views", "retweeted": "retweets", "liked": "likes",
                "voted": "votes", "visited": "visits", "downloaded": "downloads", "watched": "views"}


def _money_after(text: str, end: int) -> int:
    """Where "of (taxpayer) dollars" after the amount ends, or 0."""
    match = _MONEY_OF.match(text, end)
    return match.end() if match else 0


def _money_before(text: str, start: int) -> bool:
    """Is a bare "millions" the object of a verb of money?"""
    following = text[start:start + 40]
    following = re.sub(r"^(\w+)\s+more\b", r"\1", following)  # "millions more to elect her"
    noun_after = re.match(r"\w+(?:\s+of\s+millions)?\s+(?:of\s+)?(?!on\b|to\b|from\b|in\b|for\b|a\b|"
                          r"and\b|or\b|than\b|each\b|every\b|per\b|last\b|this\b|over\b)[a-z]{3,}",
                          following, re.IGNORECASE)
    if noun_after:
        return False  # "spent millions (of) hours", "make millions more uninsured": not money
    return _MONEY_VERB_BEFORE.search(text[max(0, start - 40):start]) is not None


def _counted_times(text: str, start: int, end: int) -> str:
    if not re.match(r"\s+times\b", text[end:], re.IGNORECASE):
        return ""
    before = re.findall(r"[a-z]+", text[max(0, start - 60):start].lower())[-8:]
    return next((_TIMES_VERBS[w] for w in reversed(before) if w in _TIMES_VERBS), "")


def _qualifier_before(text: str, start: int) -> str:
    """The canonical qualifier written just before ``start`` ("at least", "about"), or ''.

    "added up to $539 million" is an exact sum, not a ceiling: the phrasal verb owns its "up to".
    """
    before = text[max(0, start - 25):start]
    q = _QUALIFIER.search(before)
    if q is None:
        return ""
    qualifier = QUALIFIERS[q.group("q").lower()]
    if re.search(r"\sa\s+$", q.group()) and _PERIOD_AFTER.match(text, start):
        return ""  # "over a 20-day period" is a span of 20 days; "less than a 2% increase" is below 2%
    if qualifier == "up to" and _PHRASAL_UP_TO.search(text[max(0, start - 40):start]):
        return ""
    return qualifier


_RANGE_JOIN = re.compile(r"^\s*(?:and|to|-|–|—|or)\s*", re.IGNORECASE)
_CHANGE_BEFORE = re.compile(r"\b(?:from|by)\s+(?:about|around|some|nearly|almost|roughly|more than|over)?\s*\$?$",
                            re.IGNORECASE)
_POST_QUALIFIER = re.compile(r"^\s*(?:(?P<about>or\s+so\b)|or\s+(?:(?P<down>less|fewer|lower|under|below)|more|higher|above|over|"
                             r"greater)\b|\+|\s*plus\b)", re.IGNORECASE)
_RATIO = re.compile(r"(?<![\w.])(?P<a>\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:in|out\s+of)\s+"
                    r"(?:every\s+)?"
                    r"(?P<b>\d+|two|three|four|five|six|seven|eight|nine|ten|\d+)\b(?!\s*(?:percent|%))",
                    re.IGNORECASE)
_MONTH = "|".join(MONTHS)
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_TIME = re.compile(r"^\s*(?:a\.m\.|p\.m\.|am\b|pm\b|o'clock|GMT|UTC|local time|hrs\b)", re.IGNORECASE)
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*|%")
_SKIPPABLE = {
    "more", "additional", "other", "further", "new", "of", "the", "a", "an", "were", "was",
    "had", "have", "been", "are", "being", "reportedly", "allegedly", "syrian", "iraqi",
    "american", "us", "u.s.", "government", "rebel", "pro-government", "armed", "unarmed",
    "innocent", "foreign", "israeli", "palestinian", "turkish", "russian", "kurdish",
    "local", "police", "security", "military", "coalition", "and", "or", "who", "which", "in", "at",
    "people", "than", "their", "his", "her", "its", "those", "these", "they", "all",
}


def _word_number(text: str) -> float | None:
    total, current = 0.0, 0.0
    for token in re.split(r"[\s-]+", text.lower()):
        if token in UNITS_WORDS:
            current += UNITS_WORDS[token]
        elif token in TENS_WORDS:
            current += TENS_WORDS[token]
        elif token == "dozen":
            current = (current or 1) * 12
        elif token in SCALES:
            scale = SCALES[token]
            current = (current or 1) * scale
            if scale >= 1000:
                total, current = total + current, 0.0
        else:
            return None
    return total + current


def parse_number(text: str, next_word: str = "") -> float | None:
    """Value of a number expression: '5,200', '1.5 million', 'two dozen'."""
    text = re.sub(r"^(\d+)\.\s(\d+)", r"\1.\2", text.strip())  # "3. 5": a decimal split by a tokeniser
    if re.fullmatch(r"\d{1,3}(?:[\s\u00a0]\d{3})+", text):
        return float(re.sub(r"\D", "", text))  # "1 200": thousands separated by a space
    match = re.match(rf"^({_DIGITS})\s?(.*)$", text)
    if not match:
        return _word_number(text)
    digits, rest = match.groups()
    if re.fullmatch(r"\d{1,3}\.\d{3}", digits) and next_word.lower() in COUNTED:
        value = float(digits.replace(".", ""))  # "5.200 soldiers": European thousands
    else:
        value = float(re.sub(r"[,\s\u00a0]", "", digits))  # "3. 5" (split decimal) reads 3.5
    for token in rest.lower().replace("-", " ").split():
        if token not in SCALES:
            return None
        value *= SCALES[token]
    return value


def _interval(value: float, qualifier: str, count: bool = False) -> tuple[float, float]:
    """Interval a reader means; counts of things keep whole-number bounds ("about 12" = 11..13)."""
    if qualifier == "about":
        band = max(value * ABOUT_TOLERANCE, 1.0 if value >= 5 else 0.0)
        if count:
            band = max(round(band), 1.0 if value >= 5 else 0.0)
            return value - band, value + band
        return value - band, value + band
    if qualifier == "nearly" and count:
        return float(math.floor(value * (1 - ABOUT_TOLERANCE))), value
    if qualifier in ("more than", "at least"):
        return value, INF
    if qualifier == "nearly":
        return value * (1 - ABOUT_TOLERANCE), value
    if qualifier in ("up to", "less than"):
        return 0.0, value
    return value, value


def _following_words(text: str, pos: int, limit: int = 7) -> list[tuple[str, int, int]]:
    clause = re.split(r"[;:()\"]|,\s", text[pos:], maxsplit=1)[0]
    return [(m.group().lower(), pos + m.start(), pos + m.end())
            for m in _WORD.finditer(clause)][:limit]


# One compiled pattern: an alternative per unit phrase, longest first, each with its own
# group, so the first alternative that matches is the longest unit ('“400,000” barrels' too).
_UNIT_PHRASES = sorted(UNITS, key=len, reverse=True)
_UNIT_AFTER = re.compile("|".join(
    rf"[\"”’]?\s?(?:-\s?)?({re.escape(phrase)})(?![a-z])" for phrase in _UNIT_PHRASES))


def _unit_after(text: str, pos: int) -> tuple[str, float, int] | None:
    rest = text[pos:pos + 30].lower()
    match = _UNIT_AFTER.match(rest)
    if match is None:
        return None
    phrase = _UNIT_PHRASES[match.lastindex - 1]
    unit, factor = UNITS[phrase]
    return unit, factor, pos + match.start(match.lastindex) + len(phrase)


def _merge_compounds(words: list[str]) -> list[str]:
    """Join two-word nouns the lexicon spells with a hyphen ("service members")."""
    merged, i = [], 0
    while i < len(words):
        pair = f"{words[i]}-{words[i + 1]}" if i + 1 < len(words) else ""
        if pair in COUNTED:
            merged.append(pair)
            i += 2
        else:
            merged.append(words[i])
            i += 1
    return merged


def _counted_and_event(text: str, start: int, end: int) -> tuple[str, str]:
    counted = event = ""
    for word in _merge_compounds([w for w, _, _ in _following_words(text, end)]):
        if not counted and word in COUNTED:
            counted = COUNTED[word]
            event = event or NOUN_EVENTS.get(word, "")
            continue
        if counted and word in COUNTED:
            continue  # "civilian contractors": still the same noun phrase
        if word in EVENTS and not event:
            event = EVENTS[word]
            break
        if counted and word not in _SKIPPABLE:
            break
        if not counted and word not in _SKIPPABLE and word not in EVENTS:
            break
    if not event and (counted in PERSON_GROUPS or counted in MUNITIONS or not counted):
        # "killing 25 fighters", "killed at least 12", "fired 11 rockets": the verb comes first
        allowed = {"fired"} if counted in MUNITIONS else WORD_DISTANCE_EVENTS
        before = [w.lower() for w in _WORD.findall(text[max(0, start - 40):start])][-4:]
        for word in reversed(before):
            if EVENTS.get(word) in allowed:
                event = EVENTS[word]
                break
    if counted == "casualties" and not event:
        event = "killed or wounded"
    return counted, event


_NOISE = re.compile(
    r"https?://\S+|www\.\S+|\S+@\S+\.\w+"
    r"|\b(?:get\s+short\s+url|short\s+url|views?|print\s+tweet\s+views|tweets?|shares?|comments?|"
    r"likes?|photo\s+id)\s*:?\s*\d[\d,]*"
    r"|\b(?:resolutions?|article|chapter|flight|route|highway|no\.|section|paragraph|room|platform|"
    r"page|item|code|version|model|serial|case\s+no\.?|bill|hr|h\.r\.|s\.)\s*\d[\d/.-]*"
    r"|\b(?:won|lost|beat|beating|defeated|defeating|drew|draw|score[ds]?|victory|defeat|win|winning|edged|"
    r"edging|losing)\s+(?:\w+\s+){0,3}?\d{1,2}\s*[-–]\s*\d{1,2}\b"
    r"|\b\d{1,2}\s*[-–]\s*\d{1,2}(?:\s*\(\d+\))?(?:\s*,\s*\d{1,2}\s*[-–]\s*\d{1,2}(?:\s*\(\d+\))?)+\b"  # set scores
    r"|\b\d{1,3}\s*[-–]\s*\d{1,3}\s+(?:win|wins|victory|loss|defeat|lead|triumph|rout|drubbing|home\s+win|away\s+win)\b"
    r"|\b\d{1,2}:\d{2}\b"
    r"|(?<=\b[12]\d{3})[-–/]\d{2}\b(?![-–/.]\d)",  # the "-09" of a season or fiscal year "2008-09"
    re.IGNORECASE,
)
_RELATIVE_AMOUNT = re.compile(
    r"\b(?:(?P<mult>twice|thrice|double|triple)\s+(?:as\s+(?:many|much)|the)"
    r"|(?P<verb>doubled|tripled|quadrupled|halved|doubling|tripling|halving)"
    r"|(?P<n>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|two|three|four|five|six|seven|eight|nine|ten)\s+times\s+"
    r"(?:as\s+(?:many|much|high|large|likely)|more|higher|larger|greater|bigger|the|that|what|lower|less))\b",
    re.IGNORECASE,
)
_RELATIVE_VALUES = {"twice": 2, "double": 2, "doubled": 2, "doubling": 2, "thrice": 3, "triple": 3,
                    "tripled": 3, "tripling": 3, "quadrupled": 4, "halved": 0.5, "halving": 0.5}


def _mask(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with ``spans`` blanked out, offsets unchanged."""
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def _is_counted_year(doc, start: int, end: int) -> bool:
    """'nearly 2000 air raids': a year-like number that counts a noun."""
    from vericlaim.claims.frames import counted_noun, tokens_in

    tokens = tokens_in(doc, start, end)
    if not tokens:
        return False
    noun = counted_noun(tokens[-1])
    if noun is not None and noun.tag_ in ("NN", "NNP"):
        return False  # "AFP 2018 ... Service Member Dies": a year does not count one of something
    return noun is not None and noun.lower_ not in MONTHS and noun.lemma_.lower() not in (
        "election", "census", "budget", "season", "war", "law", "act", "report", "survey", "game",
        "olympics", "cup", "summer", "winter", "spring", "autumn", "fall", "campaign", "level", "levels",
        "record", "model", "edition", "protest", "revolution", "uprising", "crisis", "agreement", "deal")


def _dates(text: str, reference: str, doc=None) -> list[Quantity]:
    from vericlaim.claims.dates import find_dates

    found = [_date_quantity(m.iso, m.start, m.end, text, "relative" if m.relative else "")
             for m in find_dates(text, reference)]
    taken = [(q.start, q.end) for q in found]
    for match in _YEAR.finditer(text):
        if any(s <= match.start() < e for s, e in taken):
            continue
        if doc is not None and _is_counted_year(doc, match.start(), match.end()):
            continue
        before = text[max(0, match.start() - 12):match.start()].lower()
        if re.search(r"(?:about|nearly|almost|over|than|some|least|of)\s+$|[$€£₹]\s?$", before):
            continue  # "nearly 2000", "more than 1900": amounts, not years
        after = _following_words(text, match.end(), 1)
        if after and after[0][0] != "death" and (after[0][0] in COUNTED or after[0][0] in EVENTS):
            continue  # "2019 people": a count, not a year ("the 1816 death" is a year)
        found.append(_date_quantity(match.group(), match.start(), match.end(), text))
    return found


def _date_quantity(iso: str, start: int, end: int, text: str, qualifier: str = "") -> Quantity:
    ordinal = 0.0
    if len(iso) == 10 and not iso.startswith("--"):
        ordinal = float(date.fromisoformat(iso).toordinal())
    return Quantity(ordinal, ordinal, "date", "", qualifier, text[start:end], start, end, iso=iso)


def _zero_counts(text: str) -> list[Quantity]:
    found = []
    lower = text.lower()
    for phrase in ZERO_WORDS:
        for match in re.finditer(rf"\b{re.escape(phrase)}\b", lower):
            counted, event = _counted_and_event(lower, match.start(), match.end())
            if phrase in ("no casualties", "no deaths", "no injuries"):
                noun = phrase.split()[1]
                counted, event = COUNTED.get(noun, ""), NOUN_EVENTS.get(noun, event or "killed or wounded")
            if event or counted:
                found.append(Quantity(0, 0, "", counted or "people", "none", text[match.start():match.end()],
                                      match.start(), match.end(), event=event))
    return found


def _frame_parts(doc, text: str, start: int, end: int, unit: str) -> tuple[str, str, dict]:
    """counted, event and the other frame fields of one value, from the parse or word distance."""
    if doc is None:
        counted, event = ("", "") if unit and unit != "fraction" else _counted_and_event(text, start, end)
        return counted, event, {}
    from vericlaim.claims.frames import attach

    parts = attach(doc, start, end, unit)
    spans = parts.spans
    counted = parts.counted
    if unit == "fraction" and any(part == "entity" and start <= s < end for part, s, _ in spans):
        counted = ""  # "three-quarters did": the fraction's own word is not what it counts
        spans = tuple(span for span in spans if span[0] != "entity")
    extra = {"property": parts.property, "time": parts.time, "spans": spans, "places": parts.places}
    return counted, parts.event, extra


def _implicit(doc, text: str, taken: list[tuple[int, int]]) -> list[Quantity]:
    """'a civilian was injured' (1), 'none died' (0): counts with no numeral."""
    from vericlaim.claims.frames import implicit_counts

    found = []
    for value, start, end, parts in implicit_counts(doc):
        if any(s < end and start < e for s, e in taken):
            continue
        found.append(Quantity(float(value), float(value), "", parts.counted, "none" if value == 0 else "",
                              text[start:end], start, end, event=parts.event, spans=parts.spans))
    return found


def _unit_range(text: str, scan: str, unit_end: int, start: int, unit: str) -> float | None:
    """Upper end of 'between 82% and 95%', '20 km to 30 km' (the unit written twice)."""
    join = _RANGE_JOIN.match(text[unit_end:])
    if not join or join.group().strip().lower() == "or":
        return None
    if join.group().strip().lower() == "and" and "between" not in text[max(0, start - 10):start].lower():
        return None
    second = _QUANTITY.match(scan, unit_end + join.end())
    if not second or not second.group("num"):
        return None
    found = _unit_after(text, second.end())
    if not found or found[0] != unit:
        return None
    return parse_number(second.group("num"))


def _ratio_frame(doc, start: int, end: int) -> tuple[str, str]:
    """(counted noun, predicate) of a share: 'two out of three families had insurance' ->
    ('families', 'have insurance'). The predicate says what the share is a share of: "1 in 5
    Americans are obese" and "1 in 3 Americans have high blood pressure" never compare."""
    if doc is None:
        return "", ""
    from vericlaim.claims.frames import canonical_noun

    following = [t for t in doc if t.idx >= end][:3]
    noun = following[0] if following and following[0].pos_ in ("NOUN", "PROPN", "ADJ") else None
    while noun is not None and noun.dep_ in ("compound", "amod") and noun.head.i > noun.i \
            and noun.head.pos_ in ("NOUN", "PROPN"):
        noun = noun.head
    counted = canonical_noun(noun) if noun is not None and noun.pos_ in ("NOUN", "PROPN") \
        and noun.tag_ in ("NNS", "NNPS") else ""
    anchor = noun if noun is not None else next((t for t in doc if t.idx >= start), None)
    return counted, _share_predicate(anchor)


def _climb_to_verb(anchor):
    """Up to four steps up the parse from ``anchor``, stopping at the first verb (or the root)."""
    verb = anchor
    for _ in range(4):
        if verb is None or verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
            break
        verb = verb.head
    return verb


def _share_predicate(anchor) -> str:
    """What a share is a share of: the verb above ``anchor`` and its complement ('have insurance')."""
    verb = _climb_to_verb(anchor)
    if verb is None or verb.pos_ not in ("VERB", "AUX"):
        return ""
    complement = next((c.lemma_.lower() for c in verb.children if c.dep_ in ("dobj", "acomp", "attr", "prep", "oprd")), "")
    return f"{verb.lemma_.lower()} {complement}".strip()


def _negated_predicate(anchor) -> bool:
    """'did not release', 'has never once had a majority favor it': the share's verb, or the verb
    above it, is negated."""
    verb = _climb_to_verb(anchor)
    verbs = [verb] + ([verb.head] if verb.head.pos_ in ("VERB", "AUX") and verb.head.i != verb.i else [])
    return any(c.dep_ == "neg" or c.lower_ in ("never", "not", "n't") for v in verbs for c in v.children)


_MAJORITY = re.compile(r"\b(?:(?:vast|large|overwhelming|great|clear|solid|slim|narrow|small|bare|simple)\s+)?"
                       r"majority(?=\s+of\b)", re.IGNORECASE)


def _majorities(text: str, taken: list[tuple[int, int]], doc=None) -> list[Quantity]:
    """'the vast majority of Americans support ...', 'a majority of my contributions': more than half.

    Only "majority of" is a share ("the majority leader", "a majority-Alawite district" are not);
    the share is of the of-noun, with the predicate the verb above it gives.
    """
    if doc is None:
        return []
    from vericlaim.claims.frames import _of_object, canonical_noun, tokens_in

    found = []
    for match in _MAJORITY.finditer(text):
        if any(s < match.end() and match.start() < e for s, e in taken):
            continue
        head = next((t for t in tokens_in(doc, match.start(), match.end()) if t.lower_ == "majority"), None)
        whole = _of_object(head) if head is not None else None
        if whole is None:
            continue
        if _negated_predicate(head):
            continue  # "a majority of Americans never favoured it": no share of those who did
        predicate = _share_predicate(head)
        found.append(Quantity(0.5, INF, "fraction", canonical_noun(whole), "more than", match.group(),
                              match.start(), match.end(), relative=True,
                              property=f"share:{predicate}" if predicate else "share"))
    return found


def _ratios(text: str, taken: list[tuple[int, int]], doc=None) -> list[Quantity]:
    """'1 in 5 Americans', 'two out of three': a share, kept as a fraction."""
    found = []
    for match in _RATIO.finditer(text):
        if any(s < match.end() and match.start() < e for s, e in taken):
            continue
        a, b = parse_number(match.group("a")), parse_number(match.group("b"))
        if not a or not b or a >= b:
            continue
        value = a / b
        qualifier = _qualifier_before(text, match.start())
        low, high = _interval(value, qualifier)
        counted, predicate = _ratio_frame(doc, match.start(), match.end())
        found.append(Quantity(low, high, "fraction", counted, qualifier, match.group(), match.start(), match.end(),
                              property=f"share:{predicate}" if predicate else "share"))
    return found


_ARTICLE_DURATION = re.compile(
    r"(?P<before>\b(?:in|for|within|over|after|than|about|nearly|almost|under|past|spanning|lasting|roughly|"
    r"around|approximately|last|lasts|lasted)\s+)?"
    r"\b(?P<det>an?|one)\s+(?P<unit>year|month|week|day|hour|minute|decade)\b"
    r"(?P<after>\s+(?:ago|later|earlier|long|or\s+(?:more|longer|less)))?",
    re.IGNORECASE,
)
_DURATION_UNITS = {"year": ("years", 1.0), "month": ("months", 1.0), "week": ("weeks", 1.0),
                   "day": ("days", 1.0), "hour": ("hours", 1.0), "minute": ("minutes", 1.0),
                   "decade": ("years", 10.0)}


def _article_durations(text: str, taken: list[tuple[int, int]]) -> list[Quantity]:
    """'in one week', 'for a year', 'a year ago', 'a year or more': a period of one unit.

    Only with a preposition of duration before it or "ago"/"later" after it: "$5 a year" is a
    rate and "one day he left" an idiom, neither a period.
    """
    found = []
    for match in _ARTICLE_DURATION.finditer(text):
        if not (match.group("before") or match.group("after")):
            continue
        start, end = match.start("det"), match.end()
        if any(s < end and start < e for s, e in taken):
            continue
        unit, factor = _DURATION_UNITS[match.group("unit").lower()]
        after = (match.group("after") or "").lower()
        qualifier = _qualifier_before(text, start)
        low, high = _interval(1.0, qualifier) if qualifier else (1.0, 1.0)
        if "more" in after or "longer" in after:
            high, qualifier = INF, "at least"
        elif "less" in after:
            low, qualifier = 0.0, "up to"
        found.append(Quantity(low * factor, high * factor, unit, "", qualifier, text[start:end], start, end))
    return found


def _relative_amounts(text: str, taken: list[tuple[int, int]], doc=None) -> list[Quantity]:
    found = []
    for match in _RELATIVE_AMOUNT.finditer(text):
        if any(s < match.end() and match.start() < e for s, e in taken):
            continue
        word = (match.group("mult") or match.group("verb") or match.group("n")).lower()
        value = _RELATIVE_VALUES.get(word) or parse_number(word)
        if value is None:
            continue
        qualifier = _qualifier_before(text, match.start())
        low, high = _interval(value, qualifier) if qualifier else (value, value)
        counted, event = _relative_noun(doc, match.start(), match.end()) if doc is not None else ("", "")
        found.append(Quantity(low, high, "", counted, "relative", match.group(), match.start(), match.end(),
                              event=event, relative=True))
    return found


def _relative_noun(doc, start: int, end: int) -> tuple[str, str]:
    """What a relative amount is of: 'twice as many deaths', 'employees have more than doubled'."""
    from vericlaim.claims.frames import canonical_noun, tokens_in

    noun = None
    for token in tokens_in(doc, start, end):
        if token.lower_ in ("many", "much") and token.head.pos_ == "NOUN" and token.head.i > token.i:
            noun = token.head
        elif token.pos_ == "VERB" and token.lemma_.lower() in ("double", "triple", "quadruple", "halve"):
            noun = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ == "NOUN"), None)
        if noun is not None:
            break
    if noun is None:
        return "", ""
    counted = canonical_noun(noun)
    event = NOUN_EVENTS.get(noun.lower_, "")
    if event in PERSON_EVENTS and counted in _GENERIC_COUNTED:
        counted = "people"
    return counted, event


def _add_sentence_times(quantities: list[Quantity], doc, text: str = "") -> list[Quantity]:
    """A count without its own period takes the date its clause gives ("killed 5 on Friday").

    Only a date inside the number's own clause counts: a dateline or another clause's date
    says when something else happened.
    """
    dates = [q for q in quantities if q.unit == "date" and q.iso and not q.iso.startswith("--")]
    if not dates or doc is None:
        return quantities  # most passages: no dateline to parse
    from vericlaim.corpora.dateline import parse_dateline

    dateline = parse_dateline(text) if text else None
    opening = dateline.length if dateline else 0  # the dateline says when it was written
    dates = [q for q in dates if q.start >= opening]
    from vericlaim.claims.frames import clause_range

    out = []
    for q in quantities:
        if q.unit != "date" and not q.time:
            low, high = clause_range(doc, q.start, q.end)
            inside = [d for d in dates if low <= d.start and d.end <= high]
            if inside:
                nearest = min(inside, key=lambda d: abs(d.start - q.start))
                q = replace(q, time=nearest.iso)
        out.append(q)
    return out


def extract_quantities(text: str, reference_date: str = "", doc=None, parse: bool = True) -> list[Quantity]:
    """All quantities and dates in ``text``, in order of appearance.

    ``doc`` is a spaCy parse of ``text`` (made here when a pipeline is installed and
    ``parse`` is true); without one, numbers are attached by word distance.
    """
    if doc is None and parse:
        from vericlaim.claims.parser import parse

        doc = parse(text)
    noise = [(m.start(), m.end()) for m in _NOISE.finditer(text)]
    scan = _mask(text, noise)
    dates = _dates(scan, reference_date, doc)
    taken = [(q.start, q.end) for q in dates] + noise
    quantities = list(dates)
    durations = _article_durations(scan, taken)
    quantities += durations
    taken += [(q.start, q.end) for q in durations]
    relative = _relative_amounts(scan, taken, doc)
    relative += _ratios(scan, taken + [(q.start, q.end) for q in relative], doc)
    relative += _majorities(scan, taken + [(q.start, q.end) for q in relative], doc)
    quantities += relative
    taken += [(q.start, q.end) for q in relative]
    zero = [q for q in _zero_counts(scan) if doc is None or q.qualifier == "none" and " " in q.text
            and q.text.split()[0].lower() == "no" and q.text.lower() not in ("no one",)]
    quantities += zero
    taken += [(q.start, q.end) for q in zero]
    if doc is not None:
        implicit = _implicit(doc, text, taken)
        quantities += implicit
        taken += [(q.start, q.end) for q in implicit]
    scan = _mask(scan, taken)
    skip_until = -1
    numeric = []
    for match in _QUANTITY.finditer(scan):
        start, end = match.start(), match.end()
        if start < skip_until or any(s <= start < e for s, e in taken):
            continue
        if _TIME.match(text[end:]) or text[end:end + 1] == ":":
            continue  # clock times are not counts
        surface = match.group()
        count_like = True
        if match.group("vague"):
            if match.group("vague").lower().startswith("a ") and _PART_OF.search(text[max(0, start - 20):start]):
                continue  # "almost a fifth of a billion dollars" is not a billion
            low, high = VAGUE[match.group("vague").lower()]
            qualifier = "vague" if low != high else ""
            if low == high:  # "more than a quarter of a million"
                qualifier = _qualifier_before(text, start)
                low, high = _interval(low, qualifier, True)
            unit, value_scale = "", 1.0
        elif match.group("frac"):
            if match.group("frac").lower().startswith("a ") and _ordinal_before_noun(doc, text, end):
                continue  # "a third term", "a fifth time": an ordinal, not a share
            value = FRACTIONS[match.group("frac").lower()]
            qualifier, unit, value_scale = _qualifier_before(text, start), "fraction", 1.0
            low, high = _interval(value, qualifier)  # "more than two-thirds", "about half"
        else:
            next_words = _following_words(text, end, 1)
            value = parse_number(match.group("num"), next_words[0][0] if next_words else "")
            if value is None or match.group("num").lower() in ("m", "k"):
                continue
            if match.group("num").lower() == "one" and not _ONE_OR_MORE.match(text, end) \
                    and not _one_counts(doc, text, start, end):
                continue  # "one of the...", "one day": not a count ("one or two years" is)
            qualifier = _qualifier_before(text, start)
            unit = CURRENCY_SIGNS.get(match.group("cur") or "", "")
            count_like = not unit and _unit_after(text, end) is None
            low, high = _interval(value, qualifier, count_like)
            # ranges: "between 4,560 and 6,000", "20 to 30", "20-30"
            join = _RANGE_JOIN.match(text[end:])
            if join:
                second = _QUANTITY.match(scan, end + join.end())
                if second and second.group("num"):
                    other = parse_number(second.group("num"))
                    joiner = join.group().strip().lower()
                    is_range = "between" in text[max(0, start - 10):start].lower() or joiner in ("to", "-", "–", "—")
                    if joiner == "or":  # "five or six hours", "two or three"
                        is_range = other is not None and other - value <= max(1.0, value * 0.5)
                    if _CHANGE_BEFORE.search(text[max(0, start - 30):start]):
                        is_range = False  # "from 2,000 to a few hundred", "by 825,000 to 2.85 million"
                    if joiner != "to" and _TALLY_AFTER.match(text, second.end()):
                        is_range = False  # "a 43-55 vote": two counts of votes, not a range
                    scale = re.search(_SCALE, second.group("num"), re.IGNORECASE)
                    if is_range and other is not None and scale is not None and not re.search(
                            _SCALE, match.group("num"), re.IGNORECASE):
                        factor = parse_number("1 " + scale.group())
                        if factor and value * factor <= other:
                            value *= factor  # "12 to 13 million": the scale is both ends'
                    if other is not None and other > value and is_range:
                        low, high, qualifier = value, other, "range"
                        end = second.end()
                        skip_until = end
                        surface = text[start:end]
            value_scale = 1.0
        unit_found = _unit_after(text, end)
        if not unit_found and not unit and re.search(r"\b(?:aged?|ages?\s+(?:of|to|from))\s+(?:between\s+)?$",
                                                     text[max(0, start - 16):start], re.IGNORECASE):
            unit_found = ("years", 1.0, end)  # "aged 15", "the age of 15": an age in years
            bound = _AGE_BOUND.search(text[max(0, start - 24):start])
            if bound and not qualifier:  # "over the age of 65", "under the age of 18"
                qualifier = "more than" if bound.group(1).lower() in ("over", "above") else "less than"
                low, high = _interval(low, qualifier)
        over = _PEOPLE_OVER.search(text[max(0, start - 40):start]) \
            if count_like and not unit and low == int(low) and 0 < low < 100 else None
        if not unit_found and over and not re.match(r"\s+(?:percent|%|[a-z]+s)\b", text[end:], re.IGNORECASE):
            unit_found = ("years", 1.0, end)  # "eight vaccinated people over 65": an age
            word = over.group(1).lower()
            if word != "aged":
                qualifier = "more than" if word in ("over", "above") or word.startswith("older") else "less than"
                low, high = _interval(low, qualifier)
        if not unit_found and not unit and count_like and doc is not None and _age_apposition(doc, start, end, low):
            unit_found = ("years", 1.0, end)  # "Ma'Khia Bryant, 16, was shot": her age
        points = re.match(r"\s+(?:percentage\s+)?points?\b", text[end:], re.IGNORECASE)
        if not unit_found and not unit and points and re.search(r"%|\bper\s?cent|\bpercentage\b|\bpolls?\b",
                                                                text, re.IGNORECASE):
            unit_found = ("percentage points", 1.0, end + points.end())  # "85 percent, or nine points lower"
        if unit_found and not unit:
            unit, value_scale, unit_end = unit_found
            surface = text[start:unit_end]
            if qualifier == "more than" and unit in ("years", "months", "weeks", "days", "hours") and \
                    re.search(r"\bover\s+$", text[max(0, start - 6):start], re.IGNORECASE) and \
                    not re.match(r"\s+ago\b", text[unit_end:], re.IGNORECASE) and over is None:
                # "over 10 years" is a span of ten years, not more than ten ("over 40 years ago" is)
                low = high = low
                qualifier = ""
            second = _unit_range(text, scan, unit_end, start, unit)
            if second is not None and second > low:
                high, qualifier, skip_until = second, "range", unit_end + 40
        post = _POST_QUALIFIER.match(text[start + len(surface) if surface != match.group() else end:])
        if post and not qualifier:
            if post.group("about"):  # "14 percent or so"
                qualifier = "about"
                low, high = _interval(low, qualifier, count_like)
            elif post.group("down"):
                low, qualifier = 0.0, "up to"
            else:
                high, qualifier = INF, "at least"
        if not unit and match.group("vague") and match.group("vague").lower().endswith(("millions", "billions")):
            dollars_end = _money_after(text, end)
            if dollars_end or _money_before(text, start):  # "millions of dollars", "spending millions on"
                unit = "USD"
                if dollars_end:
                    surface = text[start:dollars_end]
        low, high = low * value_scale, high * value_scale
        counted, event, extra = _frame_parts(doc, text, start, end, unit)
        if low == high == 1 and not unit and (match.group("num") or match.group("vague") or "").lower() in (
                "one", "a single") and doc is not None:
            negated, owner = _negated_one(doc, start, end)
            if negated and owner is None:
                continue  # "America didn't lose a single life", "did not confirm a single death"
            if negated:
                low = high = 0.0  # "won without one negative TV spot", "forces did not lose a single life"
                qualifier, counted = "none", owner
        if not unit and not counted:
            counted = _counted_times(text, start, end) or counted
        relative_fraction = unit == "fraction" and re.match(r"\s+of\b", text[end:]) is not None
        # "2 million more Americans", "sent 450 more troops", "fired 11 more rockets": a
        # difference, never compared with a total ("killed 42 and dozens more wounded": after
        # "and", the others are a count of their own, unless a "than" follows)
        difference = not unit and _COMPARATIVE_AFTER.match(text, end) is not None and (
            not _AND_BEFORE.search(text[max(0, start - 12):start])
            or _THAN_AFTER.match(text, end) is not None)
        numeric.append(Quantity(low, high, unit, counted, qualifier, surface, start,
                                start + len(surface) if surface != match.group() else end,
                                event=event, relative=relative_fraction or difference, **extra))
    quantities += _lent_units(_vote_tallies(_listed_events(_elided_nouns(numeric, text), text, doc), text), text)
    quantities = [_people_by_event(q) for q in _add_sentence_times(quantities, doc, text)]
    return sorted(quantities, key=lambda q: q.start)


# "600 locations nationwide and 24 in Wisconsin", "119 disasters in the 2010s, up from 59",
# "150 million died from guns and another 120 million from COVID-19": the second number's noun
# (and, with no verb of its own, its event) is the first one's, left out.
_ELIDED_BEFORE = re.compile(r"(?:\b(?:and|or|but|up from|down from|compared with|compared to|versus|vs\.?)"
                            r"|[,;]\s*(?:while|whereas))\s+(?:(?:another|an additional|a further|only|just|"
                            + "|".join(re.escape(q) for q in sorted(QUALIFIERS, key=len, reverse=True))
                            + r")\s+)*$", re.IGNORECASE)


# "from 10,000 Syrian refugees ... to 65,000"; "among 62 people accused ..., 38 displayed": the
# second number counts the first one's noun
_WHOLE_BEFORE = re.compile(r"\b(?:from|among|of)\s+(?:the\s+|these\s+|those\s+)?(?:remaining\s+|other\s+)?$",
                           re.IGNORECASE)
_PART_AFTER_FROM = re.compile(r"\bto\s+$", re.IGNORECASE)
_PART_AFTER_WHOLE = re.compile(r",\s*$")
_SENTENCE_OPENING = re.compile(r"(?:^|[.!?]\s+)[\"“']?\s*$")


def _whole_then_part(previous: Quantity, q: Quantity, text: str) -> bool:
    opener = _WHOLE_BEFORE.search(text[max(0, previous.start - 24):previous.start])
    if opener is None:
        return False
    between = text[previous.end:q.start]
    if opener.group().lower().startswith("from"):
        return _PART_AFTER_FROM.search(between) is not None
    if _opens_with_whole(previous, text) and "," in between:
        return True  # "Of the 19 provisions Romney cites, we conclude 13 ...": the sentence's frame
    return _PART_AFTER_WHOLE.search(between) is not None and "," not in between.rstrip()[:-1]


def _opens_with_whole(p: Quantity, text: str) -> bool:
    """'Of the 19 provisions ...', 'Among 80 nurses ...' at the start of a sentence."""
    opener = _WHOLE_BEFORE.search(text[max(0, p.start - 24):p.start])
    return opener is not None and not opener.group().lower().startswith("from") and \
        _SENTENCE_OPENING.search(text[:p.start - len(opener.group())]) is not None


# "26 gallons, not 40", "235 days (not 692)", "3 percent rather than 10": the correction is in the
# unit of the figure it corrects. Only units with no conversion factor or scale are lent.
_CORRECTION_BEFORE = re.compile(r"(?:,|\(|;)\s*(?:and\s+)?(?:not|rather\s+than|instead\s+of)\s+$", re.IGNORECASE)
_LENDABLE_UNITS = {"percent", "percentage points", "days", "weeks", "months", "years", "hours", "minutes", "gallons"}


def _lent_units(numeric: list[Quantity], text: str) -> list[Quantity]:
    result = list(numeric)
    for i in range(1, len(result)):
        previous, q = result[i - 1], result[i]
        if q.unit or q.counted or q.relative or previous.unit not in _LENDABLE_UNITS:
            continue
        if q.start - previous.end <= 16 and _CORRECTION_BEFORE.search(text[previous.end:q.start]):
            result[i] = replace(q, unit=previous.unit)
    return result


_TALLY_BEFORE = re.compile(r"\b(?:voted|votes?|vote\s+of|passed|approved|failed|rejected|defeated)\s+$", re.IGNORECASE)


def _vote_tallies(numeric: list[Quantity], text: str) -> list[Quantity]:
    """'voted 232-196', 'the House votes 226-194 to ...': a tally after a verb of voting counts votes."""
    result = list(numeric)
    for i in range(len(result) - 1):
        first, second = result[i], result[i + 1]
        if first.unit or second.unit or first.counted or second.counted:
            continue
        if re.fullmatch(r"\s*[-–—]\s*|\s+to\s+", text[first.end:second.start]) and \
                _TALLY_BEFORE.search(text[max(0, first.start - 20):first.start]):
            result[i], result[i + 1] = replace(first, counted="votes"), replace(second, counted="votes")
    return result


_AND_BEFORE = re.compile(r"\band\s+(?:another\s+)?$", re.IGNORECASE)
_COMPARATIVES = r"(?:more|fewer|less|additional|extra)"
_THAN_AFTER = re.compile(rf"\s+{_COMPARATIVES}\s+[^.;]{{0,60}}?\bthan\b", re.IGNORECASE)
_COMPARATIVE_AFTER = re.compile(rf"\s+{_COMPARATIVES}\s+(?!than\b)[a-z]", re.IGNORECASE)
_OWN_PREDICATE = re.compile(r"\s+(?:were|was|are|is|have|has|had|remain(?:ed)?|[a-z]+ed)\b")


def _elided_nouns(numeric: list[Quantity], text: str) -> list[Quantity]:
    result: list[Quantity] = []
    for q in numeric:
        previous = next((p for p in reversed(result) if p.end <= q.start), None)
        source = _noun_source(result, previous, q, text)
        if source is not None:
            # "and another 30 sealed off in the tunnels": a participle of its own says what happened
            own_verb = bool(q.property) or bool(q.event) or _OWN_PREDICATE.match(text[q.end:]) is not None
            q = replace(q, counted=source.counted, event=q.event if own_verb else source.event)
        elif (previous is not None and q.unit == "fraction" and previous.unit == "fraction" and not q.counted
              and previous.counted and q.start - previous.end <= 120
              and not re.search(r"[.!?:]\s", text[previous.end:q.start])):
            q = replace(q, counted=previous.counted)  # "more than two-thirds of families ..., three-quarters did"
        result.append(q)
    return result


def _noun_source(earlier: list[Quantity], previous: Quantity | None, q: Quantity, text: str) -> Quantity | None:
    """The earlier count whose noun ``q`` leaves out: the one just before it ("600 locations and 24 in
    Wisconsin"), or the whole a sentence opens with ("Of the 19 provisions cited, 13 ... only four")."""
    def may_lend(p: Quantity, reach: int) -> bool:
        return (not q.counted and not q.unit and not q.relative and bool(p.counted) and not p.unit
                and not p.relative and q.start - p.end <= reach
                and not re.search(r"[.!?:]\s", text[p.end:q.start]) and (not q.event or q.event == p.event))

    if previous is not None and may_lend(previous, 120) and (
            _ELIDED_BEFORE.search(text[previous.end:q.start]) or _whole_then_part(previous, q, text)):
        return previous
    opening = next((p for p in earlier if _opens_with_whole(p, text)), None)
    if opening is not None and opening is not previous and may_lend(opening, 200) and "," in text[opening.end:q.start]:
        return opening
    return None


def _listed_events(numeric: list[Quantity], text: str, doc) -> list[Quantity]:
    """'the killing of 5812 civilians including 1733 children 969 women and 3110 men': items of one
    list of people share what happened to the first, however the parse of comma-less wire text
    hangs them. An item is in the list when only its predecessor's noun (and a comma or "and")
    stands between them, and it starts no clause of its own ("... and 30 people attended")."""
    if doc is None:
        return numeric
    from vericlaim.claims.frames import tokens_in

    result: list[Quantity] = []
    for q in numeric:
        previous = result[-1] if result else None
        if previous is not None and not q.event and not q.unit and not previous.unit and not q.relative \
                and previous.event in PERSON_EVENTS and q.counted in PERSON_GROUPS \
                and previous.counted in PERSON_GROUPS and 0 < q.start - previous.end <= 40:
            gap = tokens_in(doc, previous.end, q.start)
            nouns = [t for t in gap if t.pos_ in ("NOUN", "PROPN", "ADJ")]
            joins = [t for t in gap if t.lower_ in (",", "and")]
            entity_end = max([e for part, _, e in q.spans if part == "entity"] + [q.end])
            after = tokens_in(doc, entity_end, entity_end + 1) or tokens_in(doc, entity_end + 1, entity_end + 2)
            if 1 <= len(nouns) <= 2 and len(nouns) + len(joins) == len(gap) and len(joins) <= 2 \
                    and not (after and after[0].pos_ in ("VERB", "AUX")):
                q = replace(q, event=previous.event, property="")
        result.append(q)
    return result


_GENERIC_COUNTED = {"", "deaths", "injuries", "casualties", "victims", "others"}


def _age_apposition(doc, start: int, end: int, value: float) -> bool:
    """'Bryant, 16,': a whole number between commas after a name is the person's age."""
    from vericlaim.claims.frames import tokens_in

    tokens = tokens_in(doc, start, end)
    if len(tokens) != 1 or not 0 < value < 120 or value != int(value):
        return False
    num = tokens[0]
    return (num.dep_ in ("appos", "npadvmod") and num.head.pos_ == "PROPN" and num.head.i == num.i - 2
            and doc[num.i - 1].text == "," and num.i + 1 < len(doc) and doc[num.i + 1].text in (",", ")", ";"))


def _people_by_event(q: Quantity) -> Quantity:
    """'45 injured', '25 deaths', 'no casualties': people, with the event saying what happened."""
    if q.unit or q.relative or q.event not in PERSON_EVENTS or q.counted not in _GENERIC_COUNTED:
        return q
    return replace(q, counted="people")


def _ordinal_before_noun(doc, text: str, end: int) -> bool:
    """'a third term': the fraction's word is an ordinal when a noun or adjective follows it."""
    following = _following_words(text, end, 1)
    if not following or following[0][0] in ("of",):
        return False
    if doc is None:
        return following[0][0].isalpha()
    from vericlaim.claims.frames import tokens_in

    after = tokens_in(doc, following[0][1], following[0][2])
    return bool(after) and after[0].pos_ in ("NOUN", "ADJ", "PROPN", "NUM")


def _negated_one(doc, start: int, end: int) -> tuple[bool, str | None]:
    """Whether 'one' / 'a single' is negated to none, and what the none then counts."""
    from vericlaim.claims.frames import counted_noun, negated_single, tokens_in, unknown_single, zero_owner

    tokens = tokens_in(doc, start, end)
    noun = counted_noun(tokens[-1]) if tokens else None
    if noun is not None and unknown_single(noun):
        return True, None  # not known, so no count at all
    if noun is None or not negated_single(noun, tokens[-1]):
        return False, ""
    return True, zero_owner(noun)


def _one_counts(doc, text: str, start: int, end: int) -> bool:
    """'one soldier', 'one of the soldiers' count; 'one day', 'one of the reasons' do not."""
    if doc is None:
        return bool(_counted_and_event(text, start, end)[0])
    from vericlaim.claims.frames import counted_noun, tokens_in

    tokens = tokens_in(doc, start, end)
    if not tokens:
        return False
    noun = counted_noun(tokens[-1])
    if noun is None:
        # "One was killed", "killing one": a person count when it is what the event happened to
        from vericlaim.claims.frames import attach

        return bool(attach(doc, start, end).event)
    return noun.lower_ not in NOT_COUNTED


_FRAME_FIELDS = ("low", "high", "unit", "counted", "qualifier", "text", "start", "end", "iso", "event",
                 "property", "time", "relative", "spans", "places")


def frames_to_json(quantities: tuple[Quantity, ...]) -> str:
    """Quantity frames as JSON, for storing beside index passages (no pickle; inf as null)."""
    rows = []
    for q in quantities:
        row = {name: getattr(q, name) for name in _FRAME_FIELDS}
        row["high"] = None if math.isinf(q.high) else q.high
        row["spans"] = [list(span) for span in q.spans]
        row["places"] = list(q.places)
        rows.append(row)
    return json.dumps(rows, separators=(",", ":"))


def frames_from_json(text: str) -> tuple[Quantity, ...]:
    rows = json.loads(text)
    return tuple(Quantity(**{**row, "high": INF if row["high"] is None else row["high"],
                             "spans": tuple(tuple(span) for span in row.get("spans", ())),
                             "places": tuple(row.get("places", ()))}) for row in rows)


def extract_many(texts: list[str], dates: list[str]) -> list[tuple[Quantity, ...]]:
    """Frames of many texts, parsed in one spaCy pass (the index-time path)."""
    from vericlaim.claims.parser import parse_many

    docs = parse_many(texts)
    return [tuple(extract_quantities(text, date_, doc=doc, parse=False))
            for text, date_, doc in zip(texts, dates, docs, strict=True)]


def shift(q: Quantity, offset: int) -> Quantity:
    """``q`` with every character offset (value and frame parts) moved by ``offset``."""
    return replace(q, start=q.start + offset, end=q.end + offset,
                   spans=tuple((part, start + offset, end + offset) for part, start, end in q.spans))

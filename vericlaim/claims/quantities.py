"""Find quantities and dates in a sentence and normalise them to intervals.

Numbers are where NLI models are weakest, so each quantity becomes an
explicit interval the verdict module can compare: "about 30 rockets" is
27..33 rockets, "more than 100 killed" is 100..inf killed, "dozens" is
24..99, "no one was killed" is 0 killed. Dates become ISO strings (relative
ones resolved against the document's own date when it has one).
"""

from __future__ import annotations

import math
import re
from datetime import date, timedelta

from vericlaim.claims.lexicon import (
    ABOUT_TOLERANCE,
    COUNTED,
    CURRENCY_SIGNS,
    EVENTS,
    FRACTIONS,
    MONTHS,
    NOUN_EVENTS,
    QUALIFIERS,
    SCALES,
    TENS_WORDS,
    UNITS,
    UNITS_WORDS,
    VAGUE,
    WEEKDAYS,
    ZERO_WORDS,
)
from vericlaim.records import Quantity

INF = math.inf
PERSON_GROUPS = {"troops", "fighters", "civilians", "people", "children", "women", "prisoners",
                 "refugees", "bodies"}
PERSON_EVENTS = {"killed", "wounded", "arrested", "displaced"}
MUNITIONS = {"rockets", "drones", "airstrikes"}

_WORD_NUM = "|".join(sorted(list(UNITS_WORDS) + list(TENS_WORDS), key=len, reverse=True))
_SCALE = r"(?:hundred|thousand|million|billion|trillion|lakh|crore|bn|mn|m|k)\b"
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_NUMBER = (
    rf"(?:(?P<cur>US\$|\$|€|£)\s?)?"
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
    + r")\s+(?:of\s+)?$",
    re.IGNORECASE,
)
_RANGE_JOIN = re.compile(r"^\s*(?:and|to|-|–|or)\s*", re.IGNORECASE)
_MONTH = "|".join(MONTHS)
_DATE = re.compile(
    rf"\b(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{_MONTH})\.?(?:,?\s+\d{{4}})?"
    rf"|(?:{_MONTH})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?"
    rf"|(?:{_MONTH})\s+\d{{4}}"
    rf"|\d{{4}}-\d{{2}}-\d{{2}})\b",
    re.IGNORECASE,
)
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_RELATIVE = re.compile(
    rf"\b(?:(?:on|last|this|next)\s+(?:{'|'.join(WEEKDAYS)})|yesterday|today|"
    r"(?:two|three|four|five|\d+)\s+days\s+(?:later|ago|earlier))\b",
    re.IGNORECASE,
)
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
    text = text.strip()
    match = re.match(rf"^({_DIGITS})\s?(.*)$", text)
    if not match:
        return _word_number(text)
    digits, rest = match.groups()
    if re.fullmatch(r"\d{1,3}\.\d{3}", digits) and next_word.lower() in COUNTED:
        value = float(digits.replace(".", ""))  # "5.200 soldiers": European thousands
    else:
        value = float(digits.replace(",", ""))
    for token in rest.lower().replace("-", " ").split():
        if token not in SCALES:
            return None
        value *= SCALES[token]
    return value


def _interval(value: float, qualifier: str) -> tuple[float, float]:
    if qualifier == "about":
        band = max(value * ABOUT_TOLERANCE, 1.0 if value >= 5 else 0.0)
        return value - band, value + band
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


def _unit_after(text: str, pos: int) -> tuple[str, float, int] | None:
    rest = text[pos:pos + 30].lower()
    for phrase in sorted(UNITS, key=len, reverse=True):
        if re.match(rf"\s?(?:-\s?)?{re.escape(phrase)}(?![a-z])", rest):
            unit, factor = UNITS[phrase]
            return unit, factor, pos + rest.index(phrase) + len(phrase)
    return None


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
        allowed = {"fired"} if counted in MUNITIONS else PERSON_EVENTS
        before = [w.lower() for w in _WORD.findall(text[max(0, start - 40):start])][-4:]
        for word in reversed(before):
            if EVENTS.get(word) in allowed:
                event = EVENTS[word]
                break
    if counted == "casualties" and not event:
        event = "killed or wounded"
    return counted, event


def _dates(text: str, reference: str) -> list[Quantity]:
    import dateparser

    found = []
    base = date.fromisoformat(reference) if reference else None
    settings = {"PREFER_DAY_OF_MONTH": "first", "PREFER_DATES_FROM": "past"}
    if base:
        from datetime import datetime
        settings["RELATIVE_BASE"] = datetime(base.year, base.month, base.day)
    for match in _DATE.finditer(text):
        parsed = dateparser.parse(match.group(), languages=["en"], settings=settings)
        if parsed:
            has_day = bool(re.search(r"\d{1,2}(?!\d)", re.sub(r"\d{4}", "", match.group())))
            iso = parsed.date().isoformat() if has_day else parsed.strftime("%Y-%m")
            found.append(_date_quantity(iso, match))
    for match in _RELATIVE.finditer(text):
        iso = ""
        if base:
            iso = _resolve_relative(match.group().lower(), base)
        found.append(_date_quantity(iso, match, "relative"))
    taken = [(q.start, q.end) for q in found]
    for match in _YEAR.finditer(text):
        if any(s <= match.start() < e for s, e in taken):
            continue
        after = _following_words(text, match.end(), 1)
        if after and after[0][0] != "death" and (after[0][0] in COUNTED or after[0][0] in EVENTS):
            continue  # "2019 people": a count, not a year ("the 1816 death" is a year)
        found.append(_date_quantity(match.group(), match))
    return found


def _resolve_relative(phrase: str, base: date) -> str:
    for index, day in enumerate(WEEKDAYS):
        if day in phrase:
            back = (base.weekday() - index) % 7
            if phrase.startswith("next"):
                return (base + timedelta(days=(index - base.weekday()) % 7 or 7)).isoformat()
            return (base - timedelta(days=back)).isoformat()
    if phrase == "yesterday":
        return (base - timedelta(days=1)).isoformat()
    if phrase == "today":
        return base.isoformat()
    count = re.match(r"(\w+)", phrase).group(1)
    days = int(count) if count.isdigit() else UNITS_WORDS.get(count, 0)
    sign = 1 if "later" in phrase else -1
    return (base + timedelta(days=sign * days)).isoformat()


def _date_quantity(iso: str, match: re.Match, qualifier: str = "") -> Quantity:
    ordinal = 0.0
    if len(iso) == 10:
        ordinal = float(date.fromisoformat(iso).toordinal())
    return Quantity(ordinal, ordinal, "date", "", qualifier, match.group(), match.start(),
                    match.end(), iso=iso)


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


def extract_quantities(text: str, reference_date: str = "") -> list[Quantity]:
    """All quantities and dates in ``text``, in order of appearance."""
    dates = _dates(text, reference_date)
    taken = [(q.start, q.end) for q in dates]
    quantities = list(dates) + _zero_counts(text)
    taken += [(q.start, q.end) for q in quantities if q.unit != "date"]
    skip_until = -1
    for match in _QUANTITY.finditer(text):
        start, end = match.start(), match.end()
        if start < skip_until or any(s <= start < e for s, e in taken):
            continue
        if _TIME.match(text[end:]) or text[end:end + 1] == ":":
            continue  # clock times are not counts
        surface = match.group()
        if match.group("vague"):
            low, high = VAGUE[match.group("vague").lower()]
            qualifier = "vague" if low != high else ""
            unit, value_scale = "", 1.0
        elif match.group("frac"):
            value = FRACTIONS[match.group("frac").lower()]
            low = high = value
            qualifier, unit, value_scale = "", "fraction", 1.0
        else:
            next_words = _following_words(text, end, 1)
            value = parse_number(match.group("num"), next_words[0][0] if next_words else "")
            if value is None or match.group("num").lower() in ("m", "k"):
                continue
            if match.group("num").lower() == "one" and not _counted_and_event(text, start, end)[0]:
                continue  # "one of the...", "one day": not a count
            q = _QUALIFIER.search(text[max(0, start - 25):start])
            qualifier = QUALIFIERS[q.group("q").lower()] if q else ""
            low, high = _interval(value, qualifier)
            # ranges: "between 4,560 and 6,000", "20 to 30", "20-30"
            join = _RANGE_JOIN.match(text[end:])
            if join:
                second = _QUANTITY.match(text, end + join.end())
                if second and second.group("num"):
                    other = parse_number(second.group("num"))
                    is_range = "between" in text[max(0, start - 10):start].lower() or join.group().strip() in ("to", "-", "–")
                    if other is not None and other > value and is_range:
                        low, high, qualifier = value, other, "range"
                        end = second.end()
                        skip_until = end
                        surface = text[start:end]
            unit = CURRENCY_SIGNS.get(match.group("cur") or "", "")
            value_scale = 1.0
        unit_found = _unit_after(text, end)
        if unit_found and not unit:
            unit, value_scale, unit_end = unit_found
            surface = text[start:unit_end]
        low, high = low * value_scale, high * value_scale
        counted, event = ("", "") if unit else _counted_and_event(text, start, end)
        if unit == "fraction":
            counted, event = _counted_and_event(text, start, end)
        quantities.append(Quantity(low, high, unit, counted, qualifier, surface, start,
                                   start + len(surface) if surface != match.group() else end,
                                   event=event))
    return sorted(quantities, key=lambda q: q.start)

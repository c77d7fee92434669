"""Find dates in a sentence and resolve them against the article's own date, never the clock.

A date without a year ("3 March"), a bare weekday ("on Friday") or a month
("in February") means the latest such day before the article was written.
Without an article date the year stays open (``--03-03``, ``--02``), so the
answer never depends on the day the tool is run: no function here reads
the system clock.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from vericlaim.claims.lexicon import UNITS_WORDS, WEEKDAYS

MONTH_NUMBERS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}
_M = "|".join(sorted(MONTH_NUMBERS, key=len, reverse=True))
_DAY = r"(?P<d>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<y>1[89]\d\d|20\d\d)"
_PATTERNS = [
    ("iso", re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b")),
    ("numeric", re.compile(r"\b(?P<a>[0-3]?\d)[-./](?P<b>[01]?\d)[-./](?P<y>(?:1[89]|20)\d\d)\b")),
    ("dmy", re.compile(rf"\b{_DAY}\s+(?:of\s+)?(?P<m>{_M})\b(?:,?\s+{_YEAR}\b)?", re.I)),
    ("mdy", re.compile(rf"\b(?P<m>{_M})\.?\s+{_DAY}\b(?!\s*(?:%|percent|per cent))(?:,?\s+{_YEAR}\b)?", re.I)),
    ("my", re.compile(rf"\b(?P<m>{_M})\.?,?\s+{_YEAR}\b", re.I)),
    ("month", re.compile(r"\b(?:in|on|since|during|by|until|till|from|last|this|early|late|mid-?)\s+"
                         r"(?:early\s+|late\s+|mid-?)?(?P<m>january|february|march|april|june|july|"
                         r"august|september|october|november|december)\b(?!\s+\d)", re.I)),
]
_WEEKDAY = re.compile(rf"\b(?:(?P<w>on|last|this|next)\s+)?(?P<day>{'|'.join(WEEKDAYS)})\b", re.I)
_RELATIVE = re.compile(
    r"\b(?:yesterday|today|tomorrow|(?P<n>two|three|four|five|six|seven|\d+)\s+days\s+(?P<dir>later|ago|earlier)"
    r"|(?P<last>last|this|next)\s+(?P<unit>month|year))\b",
    re.I,
)


@dataclass(frozen=True)
class DateMention:
    iso: str  # YYYY-MM-DD, YYYY-MM, YYYY, --MM-DD or --MM; '' when unresolvable
    start: int
    end: int
    relative: bool = False


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _latest_not_after(month: int, day: int, base: date) -> date | None:
    for year in (base.year, base.year - 1):
        found = _safe_date(year, month, day)
        if found is not None and found <= base:
            return found
    return _safe_date(base.year - 1, month, day)


def _month_of(text: str) -> int:
    return MONTH_NUMBERS[text.lower().rstrip(".")]


def _absolute(kind: str, match: re.Match, base: date | None) -> str:
    groups = match.groupdict()
    if kind == "iso":
        found = _safe_date(int(groups["y"]), int(groups["m"]), int(groups["d"]))
        return found.isoformat() if found else ""
    if kind == "numeric":
        a, b, year = int(groups["a"]), int(groups["b"]), int(groups["y"])
        day, month = (a, b) if b <= 12 else (b, a)  # news outside the US writes day first
        found = _safe_date(year, month, day)
        return found.isoformat() if found else ""
    month = _month_of(groups["m"])
    if kind == "my":
        return f"{int(groups['y']):04d}-{month:02d}"
    if kind == "month":
        if base is None:
            return f"--{month:02d}"
        year = base.year if month <= base.month else base.year - 1
        return f"{year:04d}-{month:02d}"
    day = int(groups["d"])
    if not 1 <= day <= 31:
        return ""
    if groups.get("y"):
        found = _safe_date(int(groups["y"]), month, day)
        return found.isoformat() if found else ""
    if base is None:
        return f"--{month:02d}-{day:02d}"
    found = _latest_not_after(month, day, base)
    return found.isoformat() if found else ""


def _weekday(match: re.Match, base: date | None) -> str:
    if base is None:
        return ""
    index = WEEKDAYS.index(match.group("day").lower())
    if (match.group("w") or "").lower() == "next":
        return (base + timedelta(days=(index - base.weekday()) % 7 or 7)).isoformat()
    return (base - timedelta(days=(base.weekday() - index) % 7)).isoformat()


def _relative(match: re.Match, base: date | None) -> str:
    if base is None:
        return ""
    text = match.group().lower()
    if text == "yesterday":
        return (base - timedelta(days=1)).isoformat()
    if text == "today":
        return base.isoformat()
    if text == "tomorrow":
        return (base + timedelta(days=1)).isoformat()
    if match.group("unit"):
        step = {"last": -1, "this": 0, "next": 1}[match.group("last").lower()]
        if match.group("unit").lower() == "year":
            return f"{base.year + step:04d}"
        month_index = base.year * 12 + base.month - 1 + step
        return f"{month_index // 12:04d}-{month_index % 12 + 1:02d}"
    count = match.group("n").lower()
    days = int(count) if count.isdigit() else UNITS_WORDS.get(count, 0)
    sign = 1 if match.group("dir").lower() == "later" else -1
    return (base + timedelta(days=sign * days)).isoformat()


def find_dates(text: str, reference: str = "") -> list[DateMention]:
    """Every date expression in ``text``, resolved against ``reference`` (ISO) when given."""
    base = date.fromisoformat(reference) if reference and len(reference) == 10 else None
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []

    def free(start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in taken)

    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            start, end = match.start(), match.end()
            if kind == "month":
                start = match.start("m")
            if not free(start, end):
                continue
            if kind == "mdy" and match.group("m").lower() == "may" and not match.group("y"):
                continue  # "may 5 ..." is usually the verb
            if kind == "dmy" and match.group("m") == "may" and not match.group("y"):
                continue  # "13 may be defined as taxes": the verb, lower-cased (the month is "13 May")
            iso = _absolute(kind, match, base)
            if iso:
                found.append(DateMention(iso, start, end))
                taken.append((start, end))
    for match in _WEEKDAY.finditer(text):
        if free(match.start(), match.end()):
            found.append(DateMention(_weekday(match, base), match.start(), match.end(), True))
            taken.append((match.start(), match.end()))
    for match in _RELATIVE.finditer(text):
        if free(match.start(), match.end()):
            found.append(DateMention(_relative(match, base), match.start(), match.end(), True))
            taken.append((match.start(), match.end()))
    return sorted(found, key=lambda m: m.start)

"""Parse a news dateline: ``Kirkuk, 28 December 2019 (Wire desk) - ...``.

Reports carry their place, date and outlet in the first words of the body.
The date matters twice: it resolves relative dates in claims, and it lets
the verdict prefer the most recent report when counts change over time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date as _date

_MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December|"
    "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)
_DATE = (
    rf"(?:\d{{1,2}} (?:{_MONTHS})\.? \d{{4}}|(?:{_MONTHS})\.? \d{{1,2}},? \d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})"
)
_DATELINE = re.compile(
    rf"^\s*(?P<place>[A-Z][\w .'-]{{1,40}}?),\s*(?P<date>{_DATE})\s*"
    rf"(?:\((?P<source>[^)]{{1,60}})\))?\s*(?:[-\u2013\u2014:]+)\s*"
)


@dataclass(frozen=True)
class Dateline:
    place: str
    date: str  # ISO
    source: str
    length: int  # characters the dateline takes at the start of the body


def to_iso(text: str) -> str:
    """Parse one absolute date expression to YYYY-MM-DD, or '' if unparseable."""
    iso = re.fullmatch(r"\s*(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.+\-Z]*)?\s*", text)
    if iso:  # already ISO (every date vericlaim writes): no need for dateparser's ~4 ms
        try:
            return _date(int(iso[1]), int(iso[2]), int(iso[3])).isoformat()
        except ValueError:
            return ""
    import dateparser

    parsed = dateparser.parse(
        text, languages=["en"], settings={"PREFER_DAY_OF_MONTH": "first", "STRICT_PARSING": True}
    )
    return parsed.date().isoformat() if parsed else ""


_WEEKDAYS = (r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tue|Tues|Wed|Thu|Thur|Thurs|"
             r"Fri|Sat|Sun)")
_ANY_DATE = (
    rf"(?:\d{{1,2}}(?:st|nd|rd|th)? (?:{_MONTHS})\.?,? \d{{4}}|(?:{_MONTHS})\.? \d{{1,2}}(?:st|nd|rd|th)?,? ?\d{{4}}"
    rf"|\d{{1,2}}[-./]\d{{1,2}}[-./]\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})"
)
# Openings of scraped news pages: "Sun 01 Feb 2015 ...", "Published October 12 2016",
# "Date of publication 20 June 2016", "27-02-2016 Headline", "Posted on August 3 2016 by ...".
_OPENING = re.compile(
    rf"^\s*(?:(?:date of publication|published(?: on)?|posted(?: on)?|last updated(?: at)?|updated(?: on)?)"
    rf"\s*:?\s*)?(?:{_WEEKDAYS},?\s+)?(?P<date>{_ANY_DATE})\b",
    re.IGNORECASE,
)
# "... Monitor AFP Monday 22 Sep 2014 ...": a weekday-led date early in the opening.
_WEEKDAY_DATE = re.compile(rf"\b{_WEEKDAYS},?\s+(?P<date>{_ANY_DATE})\b")


def _opening_iso(text: str) -> str:
    from vericlaim.claims.dates import find_dates

    text = re.sub(rf"\b({_MONTHS})\.? (\d{{2}})(\d{{4}})\b", r"\1 \2 \3", text)  # "Jun 062016"
    full = [m.iso for m in find_dates(text) if len(m.iso) == 10 and not m.iso.startswith("--")]
    return full[0] if full else ""


def parse_opening_date(body: str) -> Dateline | None:
    """The publication date a page opens with, when there is no wire dateline."""
    head = body[:200]
    match = _OPENING.match(head)
    if match is None:
        match = _WEEKDAY_DATE.search(head[:160])
        if match is None:
            return None
        iso = _opening_iso(match.group("date"))
        # a date inside the opening is the article's date, but the text before it is its headline
        return Dateline("", iso, "", 0) if iso else None
    iso = _opening_iso(match.group("date"))
    return Dateline("", iso, "", match.end()) if iso else None


def parse_dateline(body: str) -> Dateline | None:
    """Dateline at the very start of ``body`` (or the date a scraped page opens with), or None."""
    match = _DATELINE.match(body[:200])
    if not match:
        return parse_opening_date(body)
    iso = to_iso(match.group("date"))
    if not iso:
        return parse_opening_date(body)
    return Dateline(match.group("place").strip(), iso, (match.group("source") or "").strip(), match.end())

"""Parse a news dateline: ``Kirkuk, 28 December 2019 (Wire desk) - ...``.

Reports carry their place, date and outlet in the first words of the body.
The date matters twice: it resolves relative dates in claims, and it lets
the verdict prefer the most recent report when counts change over time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

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
    import dateparser

    parsed = dateparser.parse(
        text, languages=["en"], settings={"PREFER_DAY_OF_MONTH": "first", "STRICT_PARSING": True}
    )
    return parsed.date().isoformat() if parsed else ""


def parse_dateline(body: str) -> Dateline | None:
    """Dateline at the very start of ``body``, or None."""
    match = _DATELINE.match(body[:200])
    if not match:
        return None
    iso = to_iso(match.group("date"))
    if not iso:
        return None
    return Dateline(match.group("place").strip(), iso, (match.group("source") or "").strip(), match.end())

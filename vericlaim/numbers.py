"""Compare the quantities of a claim with those of an evidence passage.

Two quantity frames are compared only when they are *aligned*: the same
event, a compatible counted entity, the same measured property and a
compatible time reference. A percentage, a duration or a year is never
compared by its unit alone ("N years ago" against another event's period,
a confidence percentage against a growth percentage). Relative amounts
("twice as many") are never compared as counts. Compared quantities are
intervals, so "about 30" matches 28 and "more than 100" matches 140, while
52 and 25 conflict.

A conflict needs the same counted entity ("40 people" against "12 civilians"
may be a part against the whole); agreement may also match a generic noun
with a specific one. What is not aligned is "unrelated", never a conflict.
Dates are not used to contradict: a report mentions many dates for many
events, and a wrong pairing would be a false accusation.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace

from vericlaim.claims.lexicon import PERSON_EVENTS
from vericlaim.records import Quantity

GENERIC_NOUNS = {"", "people", "casualties", "deaths", "injuries", "bodies"}
# Units that say too little about what is measured to be compared on their own.
NEVER_BY_UNIT = {"percent", "years", "months", "weeks", "days", "hours", "minutes", "seconds", "fraction"}
ROUND_FIGURE_TOLERANCE = 0.025
VAGUE_BELOW = 2.0  # "dozens" still agrees with 12, not with 5
# "dozens", "hundreds", "thousands", "millions": a floor, not a ceiling ("thousands were killed" is
# true of 120,000); "several", "a few", "a handful" keep their interval
_SCALE_WORDS = re.compile(r"\b(?:dozens|scores|tens|hundreds|thousands|millions|billions)\b", re.IGNORECASE)
PRONOUNS = {"", "it", "they", "he", "she", "we", "this", "that", "which", "who", "i", "you", "there"}


@dataclass(frozen=True)
class NumericCheck:
    """Outcome of comparing one claim with one passage."""

    status: str  # "consistent" | "conflict" | "unrelated"
    claim_quantity: Quantity | None = None
    evidence_quantity: Quantity | None = None

    def describe(self) -> str:
        if self.claim_quantity is None or self.evidence_quantity is None:
            return ""
        return (f"claim says {self.claim_quantity.describe()}; "
                f"evidence says {self.evidence_quantity.describe()}")


def is_count(q: Quantity) -> bool:
    return q.unit != "date"


def _times_compatible(a: Quantity, b: Quantity) -> bool:
    """Rates ('per year', 'since 2009') must match; stated dates must be the same day (±1) or year."""
    def period(q: Quantity) -> str:
        return q.time if q.time.startswith(("per ", "since ", "projected", "past ")) else ""
    if period(a) != period(b):
        return False
    da = a.time if a.time and not period(a) else ""
    db = b.time if b.time and not period(b) else ""
    if not da or not db:
        return True
    if da[:4] != db[:4] and da[:4].isdigit() and db[:4].isdigit():
        return False
    if len(da) == 10 and len(db) == 10:
        from datetime import date
        return abs(date.fromisoformat(da).toordinal() - date.fromisoformat(db).toordinal()) <= 1
    return True


def _places_compatible(a: Quantity, b: Quantity) -> bool:
    """Both name where ('in X', 'near Y') and neither place appears on the other side: different."""
    located_a = {p[1:] for p in a.places if p.startswith("@")}
    located_b = {p[1:] for p in b.places if p.startswith("@")}
    if not located_a or not located_b:
        return True
    named_a = {p.lstrip("@") for p in a.places}
    named_b = {p.lstrip("@") for p in b.places}
    return bool(located_a & named_b or located_b & named_a)


def _properties_match(a: Quantity, b: Quantity, strict: bool) -> bool:
    """'increase:unemployment' vs 'increase:it' match; 'share:...' vs 'increase:...' never."""
    if not a.property or not b.property:
        return False  # what a bare amount measures is unknown: never compared
    if {"time point", "group"} & {a.property, b.property}:
        return False
    kind_a, _, owner_a = a.property.partition(":")
    kind_b, _, owner_b = b.property.partition(":")
    if kind_a != kind_b:
        return False
    if not strict:
        return True  # money, lengths, barrels: the kind must match; who owns it is left to NLI
    if kind_a == "age" and not (owner_a and owner_b):
        return False  # "the 19-year-old" and "the 40-year-old" are two people until named
    if kind_a == "share" and a.unit == "fraction" and (owner_a != owner_b or not owner_a):
        return False  # shares with different or unknown predicates ("are obese", "have diabetes")
    owner_a, owner_b = owner_a.split(" ")[-1], owner_b.split(" ")[-1]  # "port worker" = "worker"
    if owner_a in PRONOUNS or owner_b in PRONOUNS:
        return kind_a not in ("level", "duration", "offset")
    return owner_a == owner_b


def _same_group(a: str, b: str, loose: bool) -> bool:
    if a == b:
        return True
    generic_a, generic_b = a in GENERIC_NOUNS, b in GENERIC_NOUNS
    return (generic_a and generic_b) or (loose and (generic_a or generic_b))


def comparable(a: Quantity, b: Quantity, loose: bool = False) -> bool:
    """True when ``a`` and ``b`` measure the same thing (aligned frames).

    ``loose`` lets a generic noun ("people") stand for a specific one
    ("civilians"): right for agreement, wrong for a conflict.
    """
    if a.unit == "date" or b.unit == "date" or a.relative or b.relative:
        return False
    if not _times_compatible(a, b):
        return False
    if not _places_compatible(a, b):
        return False  # "5 killed in Homs" and "80 killed in Idlib" count different attacks
    if a.unit or b.unit:
        if a.unit != b.unit:
            return False
        # a unit says what kind of number it is, not what it measures: "$200m recovered" and
        # "$32m paid" share a unit and nothing else
        return a.counted == b.counted and _properties_match(a, b, strict=a.unit in NEVER_BY_UNIT)
    if a.event and b.event:
        if a.event != b.event and "killed or wounded" not in (a.event, b.event):
            return False
        if a.event not in PERSON_EVENTS:
            return bool(a.counted) and a.counted == b.counted  # "rockets fired" needs rockets
        return _same_group(a.counted, b.counted, loose)
    if a.event or b.event:
        return False  # one counts a casualty, the other something unnamed
    # no event: the same noun with the same verb ("hosts 1,200 troops" / "hosts 1,150 soldiers")
    if not (a.counted and a.counted == b.counted and a.property and b.property):
        return False
    verb_a, _, subject_a = a.property.partition(":")
    verb_b, _, subject_b = b.property.partition(":")
    if verb_a != verb_b:
        return False
    return not (subject_a and subject_b) or subject_a.split(" ")[-1] == subject_b.split(" ")[-1]


# Verbs of a running total: "the youngest to accrue five nominations" and "... six nominations"
# are the same record at two moments, so without a shared date neither refutes the other.
# ("won 306 electoral votes" against "270" is a real conflict: only verbs of accumulating qualify)
CUMULATIVE_VERBS = frozenset({"accrue", "accumulate", "amass", "rack", "garner", "tally"})


def _running_totals(a: Quantity, b: Quantity) -> bool:
    """Both count a running total, and no shared date says they are counted at the same moment."""
    verbs = {q.property.partition(":")[0] for q in (a, b)}
    return bool(verbs & CUMULATIVE_VERBS) and not (a.time and a.time == b.time)


def _part_and_whole(a: Quantity, b: Quantity) -> bool:
    """One counts the killed (or the wounded), the other the killed or wounded together."""
    events = {a.event, b.event}
    return "killed or wounded" in events and len(events) == 2


def _exceeds_whole(a: Quantity, b: Quantity) -> bool:
    part, whole = (b, a) if a.event == "killed or wounded" else (a, b)
    slack = max(_rounding(part), _rounding(whole))
    return _reading(part)[0] - slack > _reading(whole)[1]


def _zero_whole(a: Quantity, b: Quantity) -> bool:
    return any(q.high == 0 and q.counted in GENERIC_NOUNS for q in (a, b))


def _rounding(q: Quantity) -> float:
    """How far a round figure may be from the exact one: '$200 million' for $203 million."""
    if q.qualifier or q.low != q.high or q.low < 100:
        return 0.0
    digits = f"{q.low:.0f}".rstrip("0")
    zeros = len(f"{q.low:.0f}") - len(digits)
    return q.low * ROUND_FIGURE_TOLERANCE if zeros >= 2 else 0.0


def _reading(q: Quantity) -> tuple[float, float]:
    """The interval a reader would not dispute: "thousands" of people is not refuted by 12,000,
    nor "dozens" by 110, so a vague amount of a scale reaches from half its low upwards."""
    if q.qualifier == "vague" and _SCALE_WORDS.search(q.text):
        return q.low / VAGUE_BELOW, math.inf
    return q.low, q.high


def overlaps(a: Quantity, b: Quantity) -> bool:
    """Intervals intersect (exact counts must be equal, round figures within 2.5%, vague
    amounts read generously)."""
    slack = max(_rounding(a), _rounding(b))
    (a_low, a_high), (b_low, b_high) = _reading(a), _reading(b)
    return a_low - slack <= b_high and b_low - slack <= a_high


def is_bare(q: Quantity) -> bool:
    """A number with nothing to say what it counts ("won 3-1")."""
    return not (q.unit or q.counted or q.event or q.relative)


def compare(claim_quantities: tuple[Quantity, ...], evidence_quantities: list[Quantity]) -> NumericCheck:
    """Consistent if every comparable claim quantity agrees; conflict if one disagrees.

    Bare numbers can never conflict (we do not know what they count), but
    when every bare number of the claim also appears in the passage, the
    passage does give the claim's numbers, which is enough to allow support.
    """
    first_match = None
    evidence_quantities = list(evidence_quantities) + coordinated_sums(evidence_quantities)
    for cq in claim_quantities:
        loose = [eq for eq in evidence_quantities if comparable(cq, eq, loose=True)]
        # the killed against all casualties: a part of a whole, which only the part exceeding
        # the whole refutes ("killed 200" against "casualties rose to 120"), and nothing confirms
        # ("120 killed" against "over 300 casualties" says neither)
        exceeding = [eq for eq in loose if _part_and_whole(cq, eq) and (comparable(cq, eq) or _zero_whole(cq, eq))
                     and _exceeds_whole(cq, eq)]
        loose = [eq for eq in loose if not _part_and_whole(cq, eq)]
        # a zero of the whole ("no casualties") does rule out any count of a part
        strict = [eq for eq in loose if (comparable(cq, eq) and not _running_totals(cq, eq))
                  or _zero_whole(cq, eq)] + exceeding
        agreeing = [eq for eq in loose if overlaps(cq, eq)]
        if strict and not agreeing:
            return NumericCheck("conflict", cq, strict[0])
        if agreeing:
            first_match = first_match or NumericCheck("consistent", cq, agreeing[0])
    if first_match is None:
        bare = [cq for cq in claim_quantities if is_bare(cq)]
        counts = [eq for eq in evidence_quantities if eq.unit != "date"]
        found = [next((eq for eq in counts if overlaps(cq, eq)), None) for cq in bare]
        if bare and all(found) and len(bare) == len(claim_quantities):
            return NumericCheck("consistent", bare[0], found[0])
    return first_match or NumericCheck("unrelated")


def coordinated_sums(quantities: list[Quantity]) -> list[Quantity]:
    """'beheaded two British and two American hostages': the parts' total, as one more amount.

    Exact counts of the same thing with the same event and time, at most 40 characters apart
    (frames carry no text between them, so the joining word is not checked), are read as parts
    of a whole: a claim of the whole ("killed 4 hostages") agrees with their sum, a claim of one
    part still agrees with that part, and the sum never makes a conflict the parts would not.
    """
    sums, run = [], []

    def close() -> None:
        if len(run) >= 2:
            first, last = run[0], run[-1]
            total = sum(q.low for q in run)
            sums.append(replace(first, low=total, high=total, text=" + ".join(q.text for q in run),
                                start=first.start, end=last.end, qualifier=""))

    for q in sorted((q for q in quantities if q.unit == "" and q.low == q.high and q.counted
                     and not q.relative and not q.qualifier), key=lambda q: q.start):
        if run and q.counted == run[-1].counted and q.event == run[-1].event and q.time == run[-1].time \
                and 0 <= q.start - run[-1].end <= 40:
            run.append(q)
            continue
        close()
        run = [q]
    close()
    return sums


def substitute(claim_text: str, claim_offset: int, claim_quantity: Quantity, evidence_quantity: Quantity) -> str:
    """The claim with the passage's number in place of its own.

    If the passage entails this sentence, the two differ only in the number,
    and a numeric conflict is real; if not, they differ in more (another
    event, period or place), and the numbers are not comparable.
    """
    start = claim_quantity.start - claim_offset
    end = claim_quantity.end - claim_offset
    if not 0 <= start < end <= len(claim_text):
        return claim_text
    return claim_text[:start] + evidence_quantity.text + claim_text[end:]

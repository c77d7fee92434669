"""Compare the quantities of a claim with those of an evidence passage.

Two quantities are compared only when they count the same thing: the same
unit, or the same event (killed, wounded...) of compatible nouns (troops =
soldiers; "people" is compatible with any group). Compared quantities are
intervals, so "about 30" matches 28 and "more than 100" matches 140, while
52 and 25 conflict. Dates are not used to contradict: a report mentions
many dates for many events, and a wrong pairing would be a false accusation.
"""

from __future__ import annotations

from dataclasses import dataclass

from vericlaim.records import Quantity

GENERIC_NOUNS = {"", "people", "casualties", "deaths", "injuries", "bodies"}
PERSON_EVENTS = {"killed", "wounded", "killed or wounded", "arrested", "displaced"}


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


def comparable(a: Quantity, b: Quantity) -> bool:
    """True when ``a`` and ``b`` measure the same thing."""
    if a.unit == "date" or b.unit == "date":
        return False
    if a.unit or b.unit:
        return a.unit == b.unit and a.counted == b.counted
    if a.event and b.event:
        if a.event != b.event and "killed or wounded" not in (a.event, b.event):
            return False
        if a.event not in PERSON_EVENTS:
            return bool(a.counted) and a.counted == b.counted  # "rockets fired" needs rockets
        return a.counted == b.counted or a.counted in GENERIC_NOUNS or b.counted in GENERIC_NOUNS
    if a.event or b.event:
        return False  # one counts a casualty, the other something unnamed
    return bool(a.counted) and a.counted == b.counted


def overlaps(a: Quantity, b: Quantity) -> bool:
    """Intervals intersect (exact counts must be equal)."""
    return a.low <= b.high and b.low <= a.high


def is_bare(q: Quantity) -> bool:
    """A number with nothing to say what it counts ("won 3-1")."""
    return not (q.unit or q.counted or q.event)


def compare(claim_quantities: tuple[Quantity, ...], evidence_quantities: list[Quantity]) -> NumericCheck:
    """Consistent if every comparable claim quantity agrees; conflict if one disagrees.

    Bare numbers can never conflict (we do not know what they count), but
    when every bare number of the claim also appears in the passage, the
    passage does give the claim's numbers, which is enough to allow support.
    """
    first_match = None
    for cq in claim_quantities:
        pairs = [eq for eq in evidence_quantities if comparable(cq, eq)]
        if not pairs:
            continue
        agreeing = [eq for eq in pairs if overlaps(cq, eq)]
        if not agreeing:
            return NumericCheck("conflict", cq, pairs[0])
        first_match = first_match or NumericCheck("consistent", cq, agreeing[0])
    if first_match is None:
        bare = [cq for cq in claim_quantities if is_bare(cq)]
        counts = [eq for eq in evidence_quantities if eq.unit != "date"]
        found = [next((eq for eq in counts if overlaps(cq, eq)), None) for cq in bare]
        if bare and all(found) and len(bare) == len(claim_quantities):
            return NumericCheck("consistent", bare[0], found[0])
    return first_match or NumericCheck("unrelated")

"""The typed records that cross stage boundaries.

Stages pass these frozen dataclasses and nothing else, so a reader can see
what each stage consumes and produces, and no stage can mutate another's
output behind its back.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Document:
    """One article or report, as read from disk."""

    id: str
    title: str
    text: str
    source: str = ""
    date: str = ""  # ISO 8601 (YYYY-MM-DD) when known
    url: str = ""
    path: str = ""  # file it came from, for error messages


@dataclass(frozen=True)
class Passage:
    """A retrievable unit of a report: a small window of sentences."""

    doc_id: str
    passage_id: str
    text: str
    start: int
    end: int
    # Quantity frames parsed once at index time (None: index built before frames were stored).
    quantities: tuple[Quantity, ...] | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Quantity:
    """A normalised number: an exact value has ``low == high``.

    ``counted`` is the thing counted (``killed``, ``rockets``...), ``unit`` a
    measurement unit (``km``, ``percent``, ``USD``) or ``date`` for dates,
    whose value is then the ISO date in ``iso``.
    """

    low: float
    high: float
    unit: str
    counted: str
    qualifier: str
    text: str
    start: int
    end: int
    iso: str = ""
    event: str = ""  # what happened to the counted things: killed, wounded...
    # The measured property for measurements ("share", "increase", "concentration"...):
    # two percentages are only comparable when they measure the same property.
    property: str = ""
    # The time the number refers to: an ISO date, or a period ("per year", "since 2019").
    time: str = ""
    # "twice as many", "doubled", "a third of them": never compared as an absolute count.
    relative: bool = False
    # Character spans of the parts: (part, start, end), part in {"entity", "event", "time"}.
    spans: tuple[tuple[str, int, int], ...] = ()
    # Places the number's clause names ("in Aleppo", "near Homs"), lower case: counts of
    # different places are different counts.
    places: tuple[str, ...] = ()

    def describe(self) -> str:
        """Short human form used in the report, e.g. ``about 30 rockets``."""
        if self.unit == "date":
            return self.iso or self.text
        if self.low == self.high:
            value = f"{self.low:g}"
        elif self.high == float("inf"):
            value = f">={self.low:g}"
        else:
            value = f"{self.low:g}-{self.high:g}"
        if self.unit and self.unit != "fraction" and self.counted:
            return f"{value} {self.unit} of {self.counted}"  # "25 percent of inmates"
        counted = _singular(self.counted) if value == "1" else self.counted
        thing = " ".join(t for t in (counted, self.event) if t) or self.unit
        return f"{value} {thing}".strip()


def _singular(noun: str) -> str:
    """The one-of form of a normalised plural head noun, so a reason reads "1 civilian killed"."""
    if noun == "people":
        return "person"
    if noun in ("series", "species", "news", "headquarters"):
        return noun
    if noun.endswith("men"):
        return noun[:-3] + "man"  # policemen, servicemen
    if noun.endswith("ies") and len(noun) > 4:
        return noun[:-3] + "y"
    if noun.endswith(("ches", "shes", "sses", "xes")):
        return noun[:-2]
    if noun.endswith("s") and not noun.endswith("ss"):
        return noun[:-1]
    return noun


@dataclass(frozen=True)
class Claim:
    """A check-worthy sentence of an article."""

    article_id: str
    claim_id: str
    text: str
    start: int
    end: int
    types: tuple[str, ...]
    quantities: tuple[Quantity, ...] = ()
    article_date: str = ""
    # Learned check-worthiness (0..1), None when the claim was given by the user as written.
    checkworthiness: float | None = None
    # Text that says who "it" / "the soldiers" are (title + antecedent sentence), for retrieval.
    context: str = ""


@dataclass(frozen=True)
class Evidence:
    """A retrieved passage with its retrieval score and NLI probabilities."""

    passage: Passage
    doc: Document
    score: float
    entailment: float = 0.0
    contradiction: float = 0.0
    neutral: float = 0.0
    # For a numeric conflict: entailment of the claim with the passage's number put in its
    # place. Low means the two differ in more than the number (not aligned). None: not checked.
    aligned_entailment: float | None = None
    # aligned_entailment >= the run's numeric_alignment_min (None: not checked).
    numbers_aligned: bool | None = None


@dataclass(frozen=True)
class Verdict:
    """One row of the report: the decision about one claim and why."""

    claim: Claim
    label: str  # supported | contradicted | unverified
    confidence: float
    evidence: Evidence | None
    counter_evidence: Evidence | None = None
    reason: str = ""
    considered: tuple[Evidence, ...] = field(default=(), compare=False)
    # A fixed vocabulary (see README, "Reason codes"), so users can filter by why.
    reason_code: str = ""


@dataclass(frozen=True)
class InputError:
    """A file or record that could not be used, and why."""

    path: str
    reason: str
    line: int | None = None

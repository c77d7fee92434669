"""Decide a verdict for one claim from all of its scored evidence.

This is the only place verdicts are made. Inputs: the claim, its evidence
(retrieval score + NLI probabilities per passage) and the config. Every verdict
carries a human-readable ``reason`` and a ``reason_code`` from REASON_CODES.

Before deciding, each passage is read for what it asserts **in its own voice**
(vericlaim.attribution): a passage that only reports that someone said the
claim is neither support nor refutation. Near-duplicate passages (the same wire
copy in several outlets) collapse into one source that remembers how many
outlets carried it. Then, in order of precedence:

1. Numbers. A relevant passage that counts the same thing with a disjoint
   number is a conflict; with an overlapping number, a match. A numeric conflict
   contradicts the claim even when NLI says entailment.
2. When sources disagree on a number, the most recent dated report wins, since
   tolls are revised; equally recent disagreeing sources leave the claim
   unverified, both cited.
3. NLI over all own-voice passages: support needs strong entailment clearly
   above contradiction (and a matching number when the claim has a count);
   refutation needs strong contradiction from a clearly relevant passage. When
   both occur without numbers, support wins only if it comes from more
   independent sources and the refutation is not very strong; otherwise the
   claim is unverified (a false accusation is the costliest error), and
   contradiction never wins such a tie.
4. Otherwise unverified, with why: only attributed restatements, a count no
   report gives, weakly related passages, or passages that neither confirm nor deny.

``confidence`` is P(verdict right), mapped from the raw strength by the
calibration fitted on the real dev splits (vericlaim.calibration).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache

from vericlaim.attribution import attribution, speaker
from vericlaim.calibration import calibrate
from vericlaim.claims.quantities import extract_quantities
from vericlaim.config import Config
from vericlaim.numbers import NumericCheck, compare, is_count
from vericlaim.records import Claim, Evidence, Quantity, Verdict
from vericlaim.retrieval.dedupe import near_duplicates, shingles

SUPPORTED, CONTRADICTED, UNVERIFIED = "supported", "contradicted", "unverified"

# The fixed vocabulary of the report's reason_code column (README, "Reason codes").
REASON_CODES = {
    "NUMBERS_AGREE": "supported: a report gives a matching number for the same thing",
    "ENTAILED": "supported: a report states the claim in its own voice (NLI entailment)",
    "NUMBERS_CONFLICT": "contradicted: a relevant report gives an incompatible number for the same thing",
    "CONTRADICTED": "contradicted: a clearly relevant report states the opposite (NLI contradiction)",
    "NEWER_REPORT_WINS": "supported or contradicted: reports disagree on a number; the most recent dated one decides",
    "SOURCES_DISAGREE": "unverified: reports support and contradict it and none is more recent or stronger",
    "ATTRIBUTED_ONLY": "unverified: reports only say that someone claimed it, not that it is true",
    "COUNT_NOT_REPORTED": "unverified: related reports agree in words but none gives this number",
    "NEITHER": "unverified: relevant reports neither confirm nor contradict it",
    "WEAK_EVIDENCE": "unverified: only weakly related passages were found",
    "NO_EVIDENCE": "unverified: no related passage in the corpus",
}
# Support outweighs a lone NLI refutation only with more independent sources and
# when the refutation is below this (a very confident refutation always ties).
OVERRIDING_CONTRADICTION = 0.97


@lru_cache(maxsize=65536)
def passage_quantities(text: str, date: str) -> tuple[Quantity, ...]:
    return tuple(extract_quantities(text, date))


def numeric_check(claim: Claim, evidence: Evidence) -> NumericCheck:
    """Numbers of the claim against the passage's; a conflict the NLI check did not align is unrelated."""
    counts = tuple(q for q in claim.quantities if is_count(q))
    if not counts:
        return NumericCheck("unrelated")
    found = evidence.passage.quantities
    if found is None:
        found = passage_quantities(evidence.passage.text, evidence.doc.date)
    check = compare(counts, list(found))
    if check.status == "conflict" and evidence.numbers_aligned is False:
        return NumericCheck("unrelated")
    return check


def _label(ev: Evidence) -> str:
    return f"{ev.doc.source or ev.doc.id}" + (f" ({ev.doc.date})" if ev.doc.date else "")


@dataclass(frozen=True)
class Source:
    """One independent source: a passage and the near-duplicates collapsed into it."""

    evidence: Evidence
    outlets: int  # distinct reports carrying (near) the same text
    attributed: bool
    check: NumericCheck
    negated: bool = False  # restates the claim with a negation the claim lacks: never support
    # attributed, but then confirmed in the report's own voice ("his figures are correct"): it may
    # support the claim; it never refutes it (its numbers are still the speaker's)
    confirmed: bool = False


def sources(claim: Claim, evidence: list[Evidence], attribution_aware: bool = True) -> list[Source]:
    """Collapse near-duplicate passages (same wire copy) into one source each, best first."""
    return list(_sources(claim, tuple(evidence), attribution_aware))


@lru_cache(maxsize=4096)
def _sources(claim: Claim, evidence: tuple[Evidence, ...], aware: bool) -> tuple[Source, ...]:
    groups: list[tuple[frozenset, list[Evidence]]] = []
    for ev in sorted(evidence, key=lambda e: e.score, reverse=True):
        sh = shingles(ev.passage.text)
        for key, members in groups:
            if near_duplicates(sh, key):
                members.append(ev)
                break
        else:
            groups.append((sh, [ev]))
    out = []
    for _, members in groups:
        # the group speaks with its most recent, then best-scored, member
        lead = max(members, key=lambda e: (e.doc.date, e.score))
        lead = lead if lead.score >= members[0].score - 0.05 else members[0]
        outlets = len({m.doc.source or m.doc.id for m in members})
        said = attribution(claim.text, lead.passage.text)
        out.append(Source(lead, outlets, aware and said.attributed, numeric_check(claim, lead),
                          aware and said.negated, aware and said.confirmed))
    return tuple(out)


def _carried(source: Source) -> str:
    return f" (carried by {source.outlets} outlets)" if source.outlets > 1 else ""


def _verdict(claim, label, code, raw, evidence, counter, reason, considered) -> tuple[Verdict, float]:
    return Verdict(claim, label, round(raw, 4), evidence, counter, reason, considered, code), raw


def decide_raw(claim: Claim, evidence: list[Evidence], config: Config) -> tuple[Verdict, float]:
    """The verdict with its raw strength as confidence (before calibration)."""
    considered = tuple(evidence)
    if not evidence:
        return _verdict(claim, UNVERIFIED, "NO_EVIDENCE", 0.9, None, None,
                        "no related passage in the corpus", considered)
    found = sources(claim, evidence, config.attribution_aware)
    own = [s for s in found if not s.attributed]
    relevant = [s for s in own if s.evidence.score >= config.contradict_min_relevance]
    backing = [s for s in found if not s.attributed or s.confirmed]  # what may support

    conflicts = [s for s in relevant if s.check.status == "conflict"]
    matches = [s for s in backing if s.check.status == "consistent" and not s.negated
               and s.evidence.entailment >= s.evidence.contradiction]
    if conflicts and matches:
        agree = max(matches, key=lambda s: (s.evidence.doc.date, s.evidence.entailment))
        disagree = max(conflicts, key=lambda s: (s.evidence.doc.date, s.evidence.score))
        a, d = agree.evidence, disagree.evidence
        what_a, what_d = agree.check.describe(), disagree.check.describe()
        if a.doc.date and d.doc.date and a.doc.date != d.doc.date:
            if a.doc.date > d.doc.date:
                return _verdict(claim, SUPPORTED, "NEWER_REPORT_WINS", max(a.entailment, 0.6), a, d,
                                f"most recent report {_label(a)}: {what_a}; "
                                f"it updates older report {_label(d)}: {what_d}", considered)
            return _verdict(claim, CONTRADICTED, "NEWER_REPORT_WINS", max(d.contradiction, 0.6), d, a,
                            f"most recent report {_label(d)}: {what_d}; "
                            f"it updates older report {_label(a)}: {what_a}", considered)
        return _verdict(claim, UNVERIFIED, "SOURCES_DISAGREE", 0.5, a, d,
                        f"sources disagree: {_label(a)} {what_a}; {_label(d)} {what_d}", considered)
    if conflicts:
        worst = max(conflicts, key=lambda s: (s.evidence.doc.date, s.evidence.score))
        ev = worst.evidence
        raw = max(0.75, ev.contradiction, min(0.95, ev.score + 0.2))
        return _verdict(claim, CONTRADICTED, "NUMBERS_CONFLICT", raw, ev, None,
                        worst.check.describe() + _carried(worst), considered)

    has_count = any(is_count(q) for q in claim.quantities)

    def entails(s: Source) -> bool:
        e = s.evidence
        return (e.entailment >= config.entail_threshold
                and e.entailment - e.contradiction >= config.entail_margin
                and (not has_count or s.check.status == "consistent"))

    supporting = [s for s in backing if entails(s) and not s.negated]
    contradicting = [s for s in relevant if s.evidence.contradiction >= config.contradict_threshold]
    support_outlets = sum(s.outlets for s in supporting)
    if supporting and contradicting:
        best = max(supporting, key=lambda s: s.evidence.entailment)
        worst = max(contradicting, key=lambda s: s.evidence.contradiction)
        if best.evidence.passage.passage_id != worst.evidence.passage.passage_id:
            c = worst.evidence.contradiction
            if len(supporting) > len(contradicting) and c < OVERRIDING_CONTRADICTION:
                return _verdict(claim, SUPPORTED, "ENTAILED", best.evidence.entailment * 0.9, best.evidence,
                                worst.evidence,
                                f"{len(supporting)} independent reports support it "
                                f"({support_outlets} outlets), e.g. {_label(best.evidence)}; "
                                f"outweighs a weaker contradiction by {_label(worst.evidence)} ({c:.2f})",
                                considered)
            # Without numbers there is no sign that one report revised the other,
            # so neither wins: a false accusation is the costliest error.
            return _verdict(claim, UNVERIFIED, "SOURCES_DISAGREE", 0.5, best.evidence, worst.evidence,
                            f"sources disagree: {_label(best.evidence)} supports the claim; "
                            f"{_label(worst.evidence)} contradicts it", considered)
    if supporting:
        best = max(supporting, key=lambda s: s.evidence.entailment)
        e = best.evidence
        more = (f"; {len(supporting)} independent reports agree ({support_outlets} outlets)"
                if len(supporting) > 1 else _carried(best))
        # independent agreeing reports count for more than one
        raw = 1 - (1 - e.entailment) / (1 + 0.5 * (len(supporting) - 1))
        if best.check.status == "consistent":
            return _verdict(claim, SUPPORTED, "NUMBERS_AGREE", max(raw, 0.9), e, None,
                            f"numbers agree: {best.check.describe()}" + more, considered)
        return _verdict(claim, SUPPORTED, "ENTAILED", raw, e, None, f"entailed by {_label(e)}" + more,
                        considered)
    if contradicting:
        worst = max(contradicting, key=lambda s: s.evidence.contradiction)
        return _verdict(claim, CONTRADICTED, "CONTRADICTED", worst.evidence.contradiction, worst.evidence, None,
                        f"contradicted by {_label(worst.evidence)}" + _carried(worst), considered)

    quoted = [s for s in found if s.attributed and (
        s.evidence.entailment >= config.entail_threshold or s.check.status in ("consistent", "conflict"))]
    if quoted:
        q = max(quoted, key=lambda s: s.evidence.entailment)
        said = speaker(attribution(claim.text, q.evidence.passage.text).sentence)
        return _verdict(claim, UNVERIFIED, "ATTRIBUTED_ONLY", 1 - q.evidence.entailment * 0.5, q.evidence, None,
                        f"only reported as someone's claim ({said!r} in {_label(q.evidence)}); "
                        "no report states it as fact", considered)
    denied = [s for s in own if s.negated and s.evidence.entailment >= config.entail_threshold]
    if denied:
        d = max(denied, key=lambda s: s.evidence.entailment).evidence
        return _verdict(claim, UNVERIFIED, "NEITHER", 1 - d.entailment * 0.5, d, None,
                        f"{_label(d)} restates it with a negation ({d.passage.text[:80]!r}...); "
                        "a denial is not support, and not a clear contradiction either", considered)
    best = (own or found)[0].evidence
    strongest = max(max(s.evidence.entailment, s.evidence.contradiction) for s in (own or found))
    if has_count and any(s.evidence.entailment >= config.entail_threshold for s in own):
        return _verdict(claim, UNVERIFIED, "COUNT_NOT_REPORTED", 1 - strongest, best, None,
                        "related reports do not give this number", considered)
    if best.score < config.contradict_min_relevance:
        return _verdict(claim, UNVERIFIED, "WEAK_EVIDENCE", 1 - strongest * 0.5, best, None,
                        "only weakly related passages found", considered)
    return _verdict(claim, UNVERIFIED, "NEITHER", 1 - strongest, best, None,
                    "related passages neither confirm nor contradict it", considered)


def decide(claim: Claim, evidence: list[Evidence], config: Config) -> Verdict:
    """The verdict for one claim (module docstring for the rules), confidence calibrated."""
    verdict, raw = decide_raw(claim, evidence, config)
    confidence = calibrate(verdict.label, verdict.reason_code, raw, config.calibration_file, config.nli_model)
    return replace(verdict, confidence=confidence)

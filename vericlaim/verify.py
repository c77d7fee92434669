"""Decide a verdict for one claim from its scored evidence.

This is the only place verdicts are made. Inputs: the claim, its evidence
(retrieval score + NLI probabilities per passage) and the config. Order of
precedence, each step explained in the row's ``reason``:

1. Numbers. A passage that counts the same thing with a disjoint number is
   a conflict; with an overlapping number, a match. A numeric conflict from
   a relevant passage contradicts the claim even when NLI says entailment.
2. When sources disagree on a number, the most recent dated report wins,
   since tolls are revised; equally recent disagreeing sources leave the
   claim unverified, both cited. NLI-only disagreement (one passage entails,
   another contradicts, no numbers involved) is always unverified.
3. Otherwise NLI: strong entailment clearly above contradiction supports;
   strong contradiction from a clearly relevant passage contradicts.
4. A claim with a count that no passage mentions is never supported on
   topical similarity alone, and a weakly related passage can only leave a
   claim unverified.
"""

from __future__ import annotations

from functools import lru_cache

from vericlaim.claims.quantities import extract_quantities
from vericlaim.config import Config
from vericlaim.numbers import NumericCheck, compare, is_count
from vericlaim.records import Claim, Evidence, Quantity, Verdict

SUPPORTED, CONTRADICTED, UNVERIFIED = "supported", "contradicted", "unverified"


@lru_cache(maxsize=65536)
def passage_quantities(text: str, date: str) -> tuple[Quantity, ...]:
    return tuple(extract_quantities(text, date))


def numeric_check(claim: Claim, evidence: Evidence) -> NumericCheck:
    counts = tuple(q for q in claim.quantities if is_count(q))
    if not counts:
        return NumericCheck("unrelated")
    return compare(counts, list(passage_quantities(evidence.passage.text, evidence.doc.date)))


def _label(ev: Evidence) -> str:
    return f"{ev.doc.source or ev.doc.id}" + (f" ({ev.doc.date})" if ev.doc.date else "")


def _resolve_disagreement(
    claim: Claim, agree: Evidence, disagree: Evidence, what_agrees: str, what_disagrees: str
) -> Verdict:
    """Sources disagree: the newer dated report wins; a tie is unverified."""
    a, d = agree.doc.date, disagree.doc.date
    if a and d and a != d:
        if a > d:
            return Verdict(claim, SUPPORTED, round(agree.entailment * 0.5 + 0.4, 4), agree, disagree,
                           f"most recent report {_label(agree)}: {what_agrees}; "
                           f"it updates older report {_label(disagree)}: {what_disagrees}")
        return Verdict(claim, CONTRADICTED, round(max(disagree.contradiction, 0.5) * 0.5 + 0.4, 4),
                       disagree, agree,
                       f"most recent report {_label(disagree)}: {what_disagrees}; "
                       f"it updates older report {_label(agree)}: {what_agrees}")
    return Verdict(claim, UNVERIFIED, 0.5, agree, disagree,
                   f"sources disagree: {_label(agree)} {what_agrees}; {_label(disagree)} {what_disagrees}")


def decide(claim: Claim, evidence: list[Evidence], config: Config) -> Verdict:
    """The verdict for one claim (see module docstring for the rules)."""
    if not evidence:
        return Verdict(claim, UNVERIFIED, 1.0, None, None, "no related passage in the corpus")
    evidence = sorted(evidence, key=lambda e: e.score, reverse=True)
    relevant = [e for e in evidence if e.score >= config.contradict_min_relevance]
    checks = {id(e): numeric_check(claim, e) for e in evidence}

    conflicts = [e for e in relevant if checks[id(e)].status == "conflict"]
    matches = [e for e in evidence if checks[id(e)].status == "consistent"
               and e.entailment >= e.contradiction]
    if conflicts and matches:
        best_match = max(matches, key=lambda e: (e.doc.date, e.entailment))
        worst = max(conflicts, key=lambda e: (e.doc.date, e.score))
        return _resolve_disagreement(claim, best_match, worst, checks[id(best_match)].describe(),
                                     checks[id(worst)].describe())
    if conflicts:
        worst = max(conflicts, key=lambda e: (e.doc.date, e.score))
        confidence = max(0.75, worst.contradiction, min(0.95, worst.score + 0.2))
        return Verdict(claim, CONTRADICTED, round(confidence, 4), worst, None,
                       checks[id(worst)].describe())

    has_count = any(is_count(q) for q in claim.quantities)
    supporting = [e for e in evidence
                  if e.entailment >= config.entail_threshold
                  and e.entailment - e.contradiction >= config.entail_margin
                  and (not has_count or checks[id(e)].status == "consistent")]
    contradicting = [e for e in relevant if e.contradiction >= config.contradict_threshold]
    if supporting and contradicting:
        best = max(supporting, key=lambda e: e.entailment)
        worst = max(contradicting, key=lambda e: e.contradiction)
        if best.passage.passage_id != worst.passage.passage_id:
            # Without numbers there is no sign that one report revised the other,
            # so neither wins: a false accusation is the costliest error.
            return Verdict(claim, UNVERIFIED, 0.5, best, worst,
                           f"sources disagree: {_label(best)} supports the claim; "
                           f"{_label(worst)} contradicts it")
    if supporting:
        best = max(supporting, key=lambda e: e.entailment)
        match = checks[id(best)]
        reason = (f"numbers agree: {match.describe()}" if match.status == "consistent"
                  else f"entailed by {_label(best)}")
        confidence = best.entailment if match.status != "consistent" else max(best.entailment, 0.9)
        return Verdict(claim, SUPPORTED, round(confidence, 4), best, None, reason)
    if contradicting:
        worst = max(contradicting, key=lambda e: e.contradiction)
        return Verdict(claim, CONTRADICTED, round(worst.contradiction, 4), worst, None,
                       f"contradicted by {_label(worst)}")
    best = evidence[0]
    if has_count and any(e.entailment >= config.entail_threshold for e in evidence):
        reason = "related reports do not give this number"
    elif best.score < config.contradict_min_relevance:
        reason = "only weakly related passages found"
    else:
        reason = "related passages neither confirm nor contradict it"
    confidence = 1.0 - max(best.entailment, best.contradiction)
    return Verdict(claim, UNVERIFIED, round(confidence, 4), best, None, reason)

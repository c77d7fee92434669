"""Score quantity frames and numeric comparisons against the hand-labelled gold set.

The gold set (``vericlaim/eval/data/quantity_gold``) was annotated by reading
real sentences (FA-KES articles, QuanTemp claims, LIAR-PLUS val2, PolitiHop
train), not the tool's output. Two files:

- ``quantities_*.jsonl``: one amount per line with its full frame (value
  interval, unit, counted entity, event, property, time, relative);
- ``pairs.jsonl``: a claim amount and a passage amount, labelled comparable
  (they measure the same thing) and conflict (comparable and incompatible).

A frame is right when value, unit, entity and event are all right. Conflict
precision is the share of the tool's numeric conflicts that are real: the
figure that says whether numbers ever accuse falsely.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path

from vericlaim.claims.lexicon import COUNTED, EXTRA_COUNTED
from vericlaim.claims.quantities import extract_quantities
from vericlaim.numbers import comparable, overlaps
from vericlaim.records import Quantity

GOLD_DIR = Path(__file__).parent / "data" / "quantity_gold"
CASUALTY_EVENTS = {"killed", "wounded"}
SPLITS = ("dev", "dev2", "dev3", "dev4", "dev5", "dev6", "test")  # test is held out: reported, never tuned on
_UNIT_ALIASES = {"dollars": "USD", "usd": "USD", "$": "USD", "euros": "EUR", "pounds": "GBP",
                 "%": "percent", "per cent": "percent", "percentage point": "percentage points", "kilometres": "km", "kilometers": "km",
                 "metres": "m", "meters": "m", "tonnes": "t", "tons": "t", "year": "years",
                 "month": "months", "week": "weeks", "day": "days", "hour": "hours", "minute": "minutes",
                 "ounces": "oz", "ounce": "oz", "gallon": "gallons", "square kilometres": "km2",
                 "hectares": "ha", "hectare": "ha", "rupees": "INR", "second": "seconds"}
_CONVERT = {"miles": ("km", 1.609344), "mile": ("km", 1.609344), "feet": ("m", 0.3048),
            "foot": ("m", 0.3048), "decades": ("years", 10.0), "sq miles": ("km2", 2.589988),
            "square miles": ("km2", 2.589988), "inches": ("m", 0.0254), "inch": ("m", 0.0254),
            "mm": ("m", 0.001), "cm": ("m", 0.01)}


@dataclass(frozen=True)
class FrameScore:
    """Per-field correctness of one gold quantity."""

    found: bool
    value: bool
    unit: bool
    entity: bool
    event: bool

    @property
    def frame(self) -> bool:
        return self.found and self.value and self.unit and self.entity and self.event


def canonical_entity(word: str) -> str:
    """One spelling per counted thing, for gold and tool alike ("soldier" = "troops")."""
    word = (word or "").strip().lower()
    if not word:
        return ""
    if " " in word and word.replace(" ", "-") in COUNTED:  # "service members" = troops
        return COUNTED[word.replace(" ", "-")]
    word = word.split()[-1]
    if word in ("death", "deaths", "fatality", "fatalities", "casualty", "casualties", "injury", "injuries",
                "victim", "victims", "other", "others", "dead", "slain", "wounded", "injured", "individual", "martyrs",
                "martyr", "lives",
                "individuals", "person", "persons"):
        return "people"
    for candidate in (word, word.rstrip("s"), word + "s"):
        if candidate in COUNTED:
            return COUNTED[candidate]
        if candidate in EXTRA_COUNTED:
            return EXTRA_COUNTED[candidate]
    if word.endswith("ies"):
        return word[:-3] + "y"
    return word[:-1] if word.endswith("s") else word


def canonical_unit(unit: str, low: float, high: float) -> tuple[str, float, float]:
    unit = (unit or "").strip()
    if unit.lower() in _CONVERT:
        name, factor = _CONVERT[unit.lower()]
        return name, low * factor, high * factor
    return _UNIT_ALIASES.get(unit.lower(), unit), low, high


def _close(a: float, b: float) -> bool:
    if math.isinf(a) or math.isinf(b):
        return a == b
    return abs(a - b) <= max(0.02 * abs(b), 0.51)


def _span(sentence: str, part: str) -> tuple[int, int] | None:
    """Where ``part`` stands as its own words ("1%" is not the end of "21%")."""
    import re

    match = re.search(rf"(?<![\w.]){re.escape(part)}(?![\w])", sentence) or re.search(re.escape(part), sentence)
    return None if match is None else (match.start(), match.end())


def match_quantity(found: list[Quantity], span: tuple[int, int] | None) -> Quantity | None:
    """The tool's amount whose text overlaps the gold amount's text (dates never match)."""
    if span is None:
        return None
    start, end = span
    candidates = [q for q in found if q.unit != "date" and q.start < end and start < q.end]
    return min(candidates, key=lambda q: abs(q.start - start)) if candidates else None


def _field_scores(gold: dict, low: float, high: float, unit: str, entity: str, event: str,
                  either_side_casualties: bool = False) -> FrameScore:
    """Field-by-field agreement of one frame (already in canonical units) with a gold row."""
    g_high = math.inf if gold.get("high") is None else float(gold["high"])
    g_unit, g_low, g_high = canonical_unit(gold.get("unit", ""), float(gold["low"]), g_high)
    value = _close(low, g_low) and _close(high, g_high)
    # The counted entity is scored for counts. For a measurement (percent, money, distance) what
    # "entity" holds differs between annotators ("14 percent of Americans": '' or 'americans'),
    # and what aligns measurements is the measured property, so an empty side is not an error.
    g_entity, p_entity = canonical_entity(gold.get("entity", "")), canonical_entity(entity)
    entity_right = g_entity == p_entity or (bool(g_unit or unit) and not (g_entity and p_entity))
    event_gold, event = gold.get("event", "") or "", event or ""
    casualty_kinds = ("", "killed", "wounded")
    event_right = event == event_gold or (event == "killed or wounded" and event_gold in casualty_kinds) or (
        either_side_casualties and event_gold == "killed or wounded" and event in casualty_kinds)
    return FrameScore(True, value, unit == g_unit, entity_right, event_right)


def score_quantity(gold: dict, found: list[Quantity]) -> FrameScore:
    predicted = match_quantity(found, _span(gold["sentence"], gold["number_text"]))
    if predicted is None:
        return FrameScore(False, False, False, False, False)
    unit = "" if predicted.unit == "fraction" else predicted.unit
    return _field_scores(gold, predicted.low, predicted.high, unit, predicted.counted, predicted.event)


def labels_agree(gold: dict, second: dict) -> FrameScore:
    """Whether a second annotator's frame of the same amount agrees with the gold, by the scorer's rules.

    This is the human ceiling the tool's frame accuracy should be read against: two careful
    readers of the same sentence do not agree on every entity ("forces" or "fighters").
    """
    high = math.inf if second.get("high") is None else float(second["high"])
    unit, low, high = canonical_unit(second.get("unit", ""), float(second["low"]), high)
    return _field_scores(gold, low, high, unit, second.get("entity", ""), second.get("event", ""),
                         either_side_casualties=True)


def score_agreement(rows: list[dict], second: dict[str, dict]) -> dict:
    """Agreement of the gold ``rows`` with a blind second annotation (by id), and the tool against both."""
    both = [row for row in rows if row["id"] in second]
    n = len(both) or 1
    agree = [labels_agree(row, second[row["id"]]) for row in both]
    parsed: dict[str, list[Quantity]] = {}
    tool_vs_second = 0
    for row in both:
        found = parsed.setdefault(row["sentence"], extract_quantities(row["sentence"]))
        relabelled = {**row, **{k: second[row["id"]].get(k) for k in ("low", "high", "unit", "entity", "event")}}
        tool_vs_second += score_quantity(relabelled, found).frame
    casualty = [a for row, a in zip(both, agree, strict=True) if row.get("event") in CASUALTY_EVENTS]
    return {
        "rows": len(both),
        **{name: sum(getattr(a, name) for a in agree) / n for name in ("value", "unit", "entity", "event", "frame")},
        "casualty_event": sum(a.event for a in casualty) / (len(casualty) or 1),
        "tool_frame_vs_second": tool_vs_second / n,
    }


def load_jsonl(path: Path) -> list[dict]:
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path}:{number}: not valid JSON ({exc})") from exc
    return rows


def score_frames(rows: list[dict]) -> dict:
    """Frame, field and casualty-event accuracy of ``rows`` (gold quantities)."""
    parsed: dict[str, list[Quantity]] = {}
    scores = []
    for row in rows:
        if row["sentence"] not in parsed:
            parsed[row["sentence"]] = extract_quantities(row["sentence"])
        scores.append((row, score_quantity(row, parsed[row["sentence"]])))
    n = len(scores) or 1
    casualty = [s for row, s in scores if row.get("event") in CASUALTY_EVENTS]
    return {
        "quantities": len(scores),
        "found": sum(s.found for _, s in scores) / n,
        "value": sum(s.value for _, s in scores) / n,
        "unit": sum(s.unit for _, s in scores) / n,
        "entity": sum(s.entity for _, s in scores) / n,
        "event": sum(s.event for _, s in scores) / n,
        "frame": sum(s.frame for _, s in scores) / n,
        "casualty_counts": len(casualty),
        "casualty_event": sum(s.event and s.found for s in casualty) / (len(casualty) or 1),
    }


def pair_outcome(pair: dict) -> tuple[str, Quantity | None, Quantity | None]:
    """'conflict', 'consistent' or 'not comparable', from the tool's frames alone."""
    claim_q = match_quantity(extract_quantities(pair["claim"]), _span(pair["claim"], pair["claim_number"]))
    passage_q = match_quantity(extract_quantities(pair["passage"]),
                               _span(pair["passage"], pair["passage_number"]))
    if claim_q is None or passage_q is None or not comparable(claim_q, passage_q):
        return "not comparable", claim_q, passage_q
    return ("consistent" if overlaps(claim_q, passage_q) else "conflict"), claim_q, passage_q


def aligned_outcomes(rows: list[dict], nli_model: str, threshold: float) -> list[tuple[str, float | None]]:
    """Outcomes after the NLI alignment check that ``check`` applies to every numeric conflict."""
    from vericlaim.models.loader import load_nli
    from vericlaim.numbers import substitute

    outcomes = [pair_outcome(row) for row in rows]
    jobs = [(i, row["passage"], substitute(row["claim"], 0, cq, pq))
            for i, (row, (out, cq, pq)) in enumerate(zip(rows, outcomes, strict=True)) if out == "conflict"]
    entailment: dict[int, float] = {}
    if jobs:
        scores = load_nli(nli_model).predict([(p, h) for _, p, h in jobs])
        entailment = {i: float(s.entailment) for (i, _, _), s in zip(jobs, scores, strict=True)}
    result = []
    for i, (out, _, _) in enumerate(outcomes):
        if out == "conflict" and entailment[i] < threshold:
            out = "not comparable"
        result.append((out, entailment.get(i)))
    return result


def score_pairs(rows: list[dict], nli_model: str | None = None, threshold: float = 0.5) -> dict:
    if nli_model:
        predicted = [out for out, _ in aligned_outcomes(rows, nli_model, threshold)]
    else:
        predicted = [pair_outcome(row)[0] for row in rows]
    said_conflict = [row for row, p in zip(rows, predicted, strict=True) if p == "conflict"]
    said_comparable = [row for row, p in zip(rows, predicted, strict=True) if p != "not comparable"]
    real_conflicts = [row for row in rows if row["conflict"]]
    return {
        "pairs": len(rows),
        "gold_comparable": sum(r["comparable"] for r in rows),
        "gold_conflicts": len(real_conflicts),
        "predicted_conflicts": len(said_conflict),
        "conflict_precision": (sum(r["conflict"] for r in said_conflict) / len(said_conflict)
                               if said_conflict else None),
        "conflict_recall": (sum(p == "conflict" for r, p in zip(rows, predicted, strict=True) if r["conflict"])
                            / (len(real_conflicts) or 1)),
        "comparable_precision": (sum(r["comparable"] for r in said_comparable) / len(said_comparable)
                                 if said_comparable else None),
        "comparable_recall": (sum(p != "not comparable" for r, p in zip(rows, predicted, strict=True)
                                  if r["comparable"]) / (sum(r["comparable"] for r in rows) or 1)),
    }


def run_gold(folder: Path, split: str | None = None, nli_model: str | None = None,
             threshold: float = 0.5) -> dict:
    """Scores of every quantities_*.jsonl and pairs.jsonl in ``folder``, per split."""
    quantities = [row for path in sorted(folder.glob("quantities*.jsonl")) for row in load_jsonl(path)]
    pairs_path = folder / "pairs.jsonl"
    pairs = load_jsonl(pairs_path) if pairs_path.is_file() else []
    if not quantities and not pairs:
        raise FileNotFoundError(f"{folder}: no quantities*.jsonl or pairs.jsonl")
    second = {row["id"]: row for path in sorted(folder.glob("second_annotation*.jsonl")) for row in load_jsonl(path)}
    present = {r.get("split") for r in quantities + pairs}
    result = {}
    # dev2 and dev3 are later development sets, each annotated from fresh documents after the
    # earlier ones had been tuned on (so each one, read before tuning, predicted test again)
    for name in ([split] if split else [s for s in SPLITS if s in present]):
        result[name] = {
            "frames": score_frames([r for r in quantities if r.get("split") == name]),
            "pairs": score_pairs([r for r in pairs if r.get("split") == name]),
            **({"pairs_aligned": score_pairs([r for r in pairs if r.get("split") == name], nli_model, threshold)}
               if nli_model else {}),
        }
        in_split = [r for r in quantities if r.get("split") == name and r["id"] in second]
        if in_split:
            result[name]["agreement"] = score_agreement(in_split, second)
    return result


def markdown(result: dict) -> str:
    lines = ["| split | quantities | found | value | unit | entity | event | **frame** | casualty event (n) |",
             "|---|---|---|---|---|---|---|---|---|"]
    for split, scores in result.items():
        f = scores["frames"]
        lines.append(f"| {split} | {f['quantities']} | {f['found']:.3f} | {f['value']:.3f} | {f['unit']:.3f} | "
                     f"{f['entity']:.3f} | {f['event']:.3f} | **{f['frame']:.3f}** | "
                     f"{f['casualty_event']:.3f} ({f['casualty_counts']}) |")
    lines += ["", "| split | pairs | gold comparable | gold conflicts | tool conflicts | **conflict precision** | "
              "conflict recall | comparable precision | comparable recall |", "|---|---|---|---|---|---|---|---|---|"]

    def fmt(x):
        return "n/a" if x is None else f"{x:.3f}"
    rows = [(split, "frames", scores["pairs"]) for split, scores in result.items()]
    rows += [(split, "frames + NLI", scores["pairs_aligned"]) for split, scores in result.items()
             if "pairs_aligned" in scores]
    lines[-2] = lines[-2].replace("| split |", "| split | check |")
    lines[-1] = "|---" + lines[-1]
    for split, check, p in rows:
        if not p["pairs"]:
            continue  # a split of quantities only (dev2, dev3)
        lines.append(f"| {split} | {check} | {p['pairs']} | {p['gold_comparable']} | {p['gold_conflicts']} | "
                     f"{p['predicted_conflicts']} | **{fmt(p['conflict_precision'])}** | {fmt(p['conflict_recall'])} | "
                     f"{fmt(p['comparable_precision'])} | {fmt(p['comparable_recall'])} |")
    agreeing = [(split, scores["agreement"]) for split, scores in result.items() if "agreement" in scores]
    if agreeing:
        lines += ["", "| split | amounts labelled twice | value | unit | entity | event | **frame agreement** | "
                  "casualty event | tool frame vs second annotator |", "|---|---|---|---|---|---|---|---|---|"]
        for split, a in agreeing:
            lines.append(f"| {split} | {a['rows']} | {a['value']:.3f} | {a['unit']:.3f} | {a['entity']:.3f} | "
                         f"{a['event']:.3f} | **{a['frame']:.3f}** | {a['casualty_event']:.3f} | "
                         f"{a['tool_frame_vs_second']:.3f} |")
    return "\n".join(lines)

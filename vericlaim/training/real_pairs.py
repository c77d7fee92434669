"""NLI pairs from the real fact-check sets in ``../shared/data``, dev/train splits only.

Each reader turns one set's dev or training split into premise/hypothesis
pairs; held-out splits (WiCE test, PolitiHop test, LIAR-PLUS test2) are never
read here, because they score vericlaim's verdicts (see
:mod:`vericlaim.eval.real_sets`). Source names say which set and split a pair
came from, so the model card can count and license them.
"""

from __future__ import annotations

import csv
import json
import random
from pathlib import Path

from vericlaim.training.nli_data import NLIDataError, NLIPair
from vericlaim.training.text import Idf, best_window, clean, sentences

FNC1_LABELS = {"agree": "entailment", "disagree": "contradiction", "discuss": "neutral", "unrelated": "neutral"}
LIAR_LABELS = {"true": "entailment", "mostly-true": "entailment", "false": "contradiction",
               "pants-fire": "contradiction"}
POLITIHOP_LABELS = {"true": "entailment", "false": "contradiction"}
# FNC-1 has 18k unrelated and 4.5k discuss pairs against 2.6k agree/disagree; keep the mix balanced.
FNC1_CAPS = {"discuss": 2000, "unrelated": 800}


def _require(path: Path) -> Path:
    if not path.is_file():
        raise NLIDataError(f"{path}: no such file (is ../shared/data beside the project?)")
    return path


def fnc1_bodies(shared: Path) -> dict[str, str]:
    """FNC-1 article bodies by Body ID."""
    with _require(shared / "fnc1" / "competition_test_bodies.csv").open(encoding="utf-8", newline="") as fh:
        return {row["Body ID"]: row["articleBody"] for row in csv.DictReader(fh)}


def fnc1_pairs(shared: Path, seed: int) -> list[NLIPair]:
    """Headline (hypothesis) against the body's most relevant two sentences (premise).

    FNC-1 has no held-out split in the suite (it is all calibration/dev), so all
    of it may be used; discuss and unrelated pairs are sampled down.
    """
    bodies = {k: sentences(v) for k, v in fnc1_bodies(shared).items()}
    idf = Idf(s for sents in bodies.values() for s in sents)
    with _require(shared / "fnc1" / "competition_test_stances.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    rng = random.Random(seed)
    by_stance: dict[str, list[dict]] = {}
    for row in rows:
        by_stance.setdefault(row["Stance"].strip().lower(), []).append(row)
    pairs = []
    for stance in sorted(by_stance):
        chosen = by_stance[stance]
        cap = FNC1_CAPS.get(stance)
        if cap and len(chosen) > cap:
            chosen = [chosen[i] for i in sorted(rng.sample(range(len(chosen)), cap))]
        for row in chosen:
            passage, _ = best_window(row["Headline"], bodies.get(row["Body ID"], []), idf)
            if passage and stance in FNC1_LABELS:
                pairs.append(NLIPair(passage, clean(row["Headline"]), FNC1_LABELS[stance], f"fnc1/{stance}",
                                     group=f"fnc1-body-{row['Body ID']}"))
    return pairs


def wice_dev_pairs(shared: Path) -> list[NLIPair]:
    """WiCE dev: supported claims against each cited sentence set (E, at most two sets a claim);
    partially supported claims against their partial support, and unsupported ones against the
    page's best-matching sentences (N: the page does not establish the whole claim)."""
    path = _require(shared / "wice" / "data" / "entailment_retrieval" / "claim" / "dev.jsonl")
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    idf = Idf(s for row in rows for s in row["evidence"])
    pairs = []
    for row in rows:
        evidence = [clean(s) for s in row["evidence"]]
        claim = clean(row["claim"])
        label = row["label"]
        sets = [sorted(set(s)) for s in row.get("supporting_sentences") or [] if s][:2]
        if label in ("supported", "partially_supported") and sets:
            for indices in sets if label == "supported" else sets[:1]:
                premise = " ".join(evidence[i] for i in indices if i < len(evidence))
                pairs.append(NLIPair(premise, claim, "entailment" if label == "supported" else "neutral",
                                     "wice/dev", group=f"wice-{row['meta']['id']}"))
        elif label == "not_supported":
            body = [s for s in evidence if not s.startswith("(meta data)")]
            premise, _ = best_window(claim, body, idf)
            if premise:
                pairs.append(NLIPair(premise, claim, "neutral", "wice/dev", group=f"wice-{row['meta']['id']}"))
    return pairs


def _unquote(text: str) -> str:
    """Undo the extra layer of CSV quoting that PolitiHop and LIAR-PLUS fields carry.

    Upstream writes a quoted statement as ``" Says ""x"" now"``.
    """
    text = (text or "").strip()
    if len(text) >= 2 and text.startswith('"') and text.endswith('"'):
        text = text[1:-1].replace('""', '"')
    return clean(text)


def _annotated_indices(raw: str) -> list[int]:
    try:
        chains = json.loads(raw or "{}")
    except json.JSONDecodeError:
        return []
    found = set()
    for members in chains.values():
        for member in members:
            found.update(int(p) for p in str(member).split(",") if p.strip().isdigit())
    return sorted(found)


def politihop_pairs(shared: Path) -> list[NLIPair]:
    """PolitiHop train+valid: claim against its annotated evidence sentences (true -> E, false -> C).

    Rows are grouped into claims by statement + ruling over all three splits and
    a claim found in test upstream is left out here, as the suite's converter does,
    so no held-out claim is trained on.
    """
    csv.field_size_limit(1 << 30)
    priority = {"test": 0, "valid": 1, "train": 2}
    groups: dict[tuple[str, str], list[dict]] = {}
    for split in priority:
        path = _require(shared / "politihop" / "data" / f"politihop_{split}.tsv")
        with path.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh, delimiter="\t"):
                row["split"] = split
                groups.setdefault((_unquote(row["statement"]), row["ruling"]), []).append(row)
    pairs = []
    for (statement, ruling), rows in groups.items():
        if min((r["split"] for r in rows), key=priority.get) == "test":
            continue
        labels = {r["annotated_label"].strip().lower() for r in rows}
        label = POLITIHOP_LABELS.get(labels.pop()) if len(labels) == 1 else None
        if label is None:
            continue
        ruling_sentences = [_unquote(s) for s in json.loads(ruling)]
        keep = sorted({i for r in rows for i in _annotated_indices(r["annotated_evidence"])})
        premise = " ".join(ruling_sentences[i] for i in keep if i < len(ruling_sentences))
        if premise and statement:
            group = min(rows, key=lambda r: int(r["article_id"]))["article_id"]
            pairs.append(NLIPair(premise, statement, label, "politihop/train+valid", group=f"politihop-{group}"))
    return pairs


def liar_plus_pairs(shared: Path) -> list[NLIPair]:
    """LIAR-PLUS val2: claim against the fact-checker's justification; only clear labels map."""
    path = _require(shared / "liar_plus" / "dataset" / "jsonl" / "val2.jsonl")
    pairs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        label = LIAR_LABELS.get(str(row.get("label", "")).strip().lower())
        premise, claim = _unquote(row.get("justification", "")), _unquote(row.get("claim", ""))
        if label and premise and claim:
            pairs.append(NLIPair(premise, claim, label, "liar_plus/val2", group=f"liar-{row['json_file_id']}"))
    return pairs

"""``vericlaim eval verify`` and ``vericlaim eval tune``: end-to-end claim verification.

Gold file: JSONL with ``article`` (document id), ``claim`` (sentence text) and
``label`` (supported / contradicted / unverified). The corpus is indexed, the
articles checked exactly as ``check`` does, and each gold claim is matched to
the extracted claim with the same text. A gold claim the extractor missed
counts as predicted "unverified" (the report would not mention it) and
lowers claim-detection recall, reported separately.

Tuning caches the evidence (retrieval + NLI, the slow part) once, then
re-decides every claim for each threshold setting: decide() is pure.
"""

from __future__ import annotations

import itertools
import json
import re
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

from vericlaim.config import TUNABLE, TUNED_FILE, Config
from vericlaim.eval.metrics import classification_report, markdown_table
from vericlaim.verify import CONTRADICTED, SUPPORTED, UNVERIFIED, decide

VERDICTS = (SUPPORTED, CONTRADICTED, UNVERIFIED)
DEV_DATA = Path(__file__).parent / "data"


def _norm(text: str) -> str:
    return re.sub(r"\W+", " ", text.lower()).strip()


def read_gold(path: str | Path) -> list[dict]:
    rows = []
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        row = json.loads(line)
        if row.get("label") not in VERDICTS or not row.get("claim") or not row.get("article"):
            raise ValueError(f"{path}:{number}: needs article, claim and label in {VERDICTS}")
        rows.append(row)
    return rows


def collect(articles, corpus, config: Config, index=None, progress: bool = False):
    """Claims of the articles with their scored evidence (computed once)."""
    import vericlaim
    from vericlaim.claims import extract_claims
    from vericlaim.corpora import read_documents
    from vericlaim.pipeline import gather_evidence
    from vericlaim.records import Document

    with tempfile.TemporaryDirectory() as tmp:
        if index is None:
            index = Path(tmp) / "idx"
            vericlaim.build_index(corpus, index, config, progress=progress)
        store = vericlaim.load_index(index, config)
        docs = [d for d in read_documents(articles) if isinstance(d, Document)]
        claims = [c for d in docs for c in extract_claims(d)]
        evidence = gather_evidence(claims, store, config)
    return claims, evidence


def score(gold: list[dict], claims, evidence, config: Config) -> dict:
    verdicts = {(c.article_id, _norm(c.text)): decide(c, ev, config) for c, ev in zip(claims, evidence, strict=False)}
    predicted, confidences, found = [], [], 0
    for row in gold:
        verdict = verdicts.get((row["article"], _norm(row["claim"])))
        if verdict is None:
            predicted.append(UNVERIFIED)
            confidences.append(None)
        else:
            found += 1
            predicted.append(verdict.label)
            confidences.append(verdict.confidence)
    labels = [row["label"] for row in gold]
    report = classification_report(labels, predicted, VERDICTS)
    report["claim_detection_recall"] = found / len(gold) if gold else 0.0
    report["calibration"] = calibration(labels, predicted, confidences)
    report["thresholds"] = {name: getattr(config, name) for name in TUNABLE}
    return report


def calibration(gold, predicted, confidences, edges=(0.0, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0001)) -> list[dict]:
    """Verdict confidence bins against the share of verdicts that were right."""
    table = []
    for low, high in zip(edges, edges[1:], strict=False):
        hits = [g == p for g, p, c in zip(gold, predicted, confidences, strict=False) if c is not None and low <= c < high]
        table.append({"bin": f"{low:.1f}-{min(high, 1.0):.1f}", "n": len(hits),
                      "accuracy": sum(hits) / len(hits) if hits else None})
    return table


def _print(report: dict, name: str) -> None:
    print(markdown_table(name, report, VERDICTS))
    print(f"claim-detection recall: {report['claim_detection_recall']:.4f}\n")
    print("| confidence | verdicts | accuracy |\n|---|---|---|")
    for row in report["calibration"]:
        accuracy = "" if row["accuracy"] is None else f"{row['accuracy']:.3f}"
        print(f"| {row['bin']} | {row['n']} | {accuracy} |")
    print("\nthresholds: " + ", ".join(f"{k}={v}" for k, v in report["thresholds"].items()))


def _paths(args):
    gold = args.claims or DEV_DATA / "gold.jsonl"
    articles = args.articles or DEV_DATA / "articles.jsonl"
    corpus = args.corpus or DEV_DATA / "corpus"
    return gold, articles, corpus


def run_verify(args, config: Config) -> int:
    gold_path, articles, corpus = _paths(args)
    gold = read_gold(gold_path)
    claims, evidence = collect(articles, corpus, config, args.index, progress=not args.quiet)
    report = score(gold, claims, evidence, config)
    report.update({"data": str(gold_path), "nli_model": config.nli_model})
    if args.json:
        print(json.dumps(report))
    else:
        _print(report, f"{gold_path} — {config.nli_model}")
    return 0


GRID = {
    "entail_threshold": (0.4, 0.5, 0.6, 0.7, 0.8),
    "entail_margin": (0.0, 0.1, 0.2, 0.3),
    "contradict_threshold": (0.5, 0.6, 0.7, 0.8, 0.9),
    "contradict_min_relevance": (0.45, 0.5, 0.55, 0.6, 0.65),
}
MIN_CONTRADICTED_PRECISION = 0.9


def tune(gold, claims, evidence, config: Config) -> tuple[Config, dict]:
    """Best macro-F1 with contradicted precision >= 0.9 (ties: the more cautious setting)."""
    best, best_key = None, None
    for values in itertools.product(*GRID.values()):
        candidate = replace(config, **dict(zip(GRID, values, strict=False)))
        report = score(gold, claims, evidence, candidate)
        if report["per_class"][CONTRADICTED]["precision"] < MIN_CONTRADICTED_PRECISION:
            continue
        key = (round(report["macro_f1"], 6), candidate.contradict_threshold, candidate.entail_threshold)
        if best_key is None or key > best_key:
            best, best_key = (candidate, report), key
    if best is None:
        raise RuntimeError(f"no threshold setting reaches contradicted precision {MIN_CONTRADICTED_PRECISION}")
    return best


def _display_path(path: Path) -> str:
    """Relative to the package when the shipped dev set was used, so the file is portable."""
    try:
        return str(Path(path).resolve().relative_to(DEV_DATA.parent.parent.parent))
    except ValueError:
        return str(path)


def run_tune(args, config: Config) -> int:
    from vericlaim.atomic import atomic_write_text

    gold_path, articles, corpus = _paths(args)
    gold = read_gold(gold_path)
    claims, evidence = collect(articles, corpus, config, args.index, progress=not args.quiet)
    before = score(gold, claims, evidence, config)
    try:
        tuned, report = tune(gold, claims, evidence, config)
    except RuntimeError as exc:
        print(f"vericlaim: error: {exc}", file=sys.stderr)
        return 1
    record = {
        "thresholds": {name: getattr(tuned, name) for name in TUNABLE},
        "tuned_on": _display_path(gold_path), "nli_model": config.nli_model,
        "macro_f1": report["macro_f1"], "macro_f1_before": before["macro_f1"],
        "contradicted_precision": report["per_class"][CONTRADICTED]["precision"],
    }
    target = Path(args.write) if args.write else TUNED_FILE
    atomic_write_text(target, json.dumps(record, indent=2) + "\n")
    print(f"macro-F1 {before['macro_f1']:.4f} -> {report['macro_f1']:.4f} "
          f"(contradicted precision {record['contradicted_precision']:.3f}); wrote {target}", file=sys.stderr)
    _print(report, f"{gold_path} — tuned")
    return 0

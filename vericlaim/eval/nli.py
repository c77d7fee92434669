"""``vericlaim eval nli``: score the configured NLI model on labelled pairs.

Two-way fact-verification sets (no NOT ENOUGH INFO) are scored as given:
a neutral prediction on them counts as wrong, which is the honest reading
for a verifier that must say supported or contradicted.
"""

from __future__ import annotations

import json
import random
import sys
import time
from pathlib import Path

from vericlaim.eval.metrics import classification_report, majority_baseline, markdown_table, summary_table
from vericlaim.training.nli_data import LABELS, NLIDataError, is_heldout_group, read_nli_file, sample_in_order


def contradiction_at_threshold(gold: list[str], probabilities: list[float], threshold: float) -> dict:
    """Precision of 'contradiction' counting only confident calls, as verdicts use them.

    A verdict says *contradicted* only when the probability reaches the
    config's ``contradict_threshold``, so that precision, and the share of
    true contradictions it still finds (coverage = recall at the threshold),
    is what a user of the report actually gets.
    """
    called = [g for g, p in zip(gold, probabilities, strict=True) if p >= threshold]
    right = sum(g == "contradiction" for g in called)
    support = sum(g == "contradiction" for g in gold)
    return {"threshold": threshold, "predicted": len(called),
            "precision": right / len(called) if called else 0.0,
            "coverage": right / support if support else 0.0}


def evaluate_pairs(scorer, pairs, batch_size: int = 64, progress: bool = False,
                   contradict_threshold: float = 0.7) -> dict:
    started = time.monotonic()
    scores = scorer.predict([(p.premise, p.hypothesis) for p in pairs], batch_size, progress)
    gold = [p.label for p in pairs]
    report = classification_report(gold, [s.label for s in scores], LABELS)
    report["pairs_per_second"] = len(pairs) / max(1e-9, time.monotonic() - started)
    report["contradiction_at_threshold"] = contradiction_at_threshold(
        gold, [s.contradiction for s in scores], contradict_threshold)
    report["baseline"] = majority_baseline(gold, LABELS)
    return report


def run(args, config) -> int:
    from vericlaim.models.loader import load_nli

    scorer = load_nli(config.nli_model, config.max_length, config.nli_backend)
    if args.card and not (Path(scorer.path) / "training.json").is_file():  # fail before minutes of scoring
        print(f"vericlaim: error: --card needs a model trained by train-nli; {scorer.path} "
              "has no training.json", file=sys.stderr)
        return 2
    rng = random.Random(13)
    reports = []
    for name in args.data:
        try:
            pairs = read_nli_file(name)
        except (NLIDataError, OSError) as exc:
            print(f"vericlaim: error: {exc}", file=sys.stderr)
            return 2
        # Only contrastive sets (VitaminC) have groups; the slice leaves other files whole.
        sliced = args.heldout_slice and any(p.group for p in pairs)
        if sliced:
            pairs = [p for p in pairs if is_heldout_group(p.group)]
        pairs = sample_in_order(pairs, args.limit, rng)
        if not pairs:
            print(f"vericlaim: error: {name}: no pairs to score", file=sys.stderr)
            return 2
        report = evaluate_pairs(scorer, pairs, progress=not args.quiet,
                                contradict_threshold=config.contradict_threshold)
        report.update({"data": str(name), "model": config.nli_model, "heldout": sliced})
        reports.append(report)
        if args.json:
            print(json.dumps(report))
        else:
            print(markdown_table(f"{name} — {config.nli_model}", report, LABELS))
            base = report["baseline"]
            at = report["contradiction_at_threshold"]
            print(f"majority-class baseline: accuracy {base['accuracy']:.4f}, "
                  f"macro-F1 {base['macro_f1']:.4f}; contradiction precision at "
                  f"p >= {at['threshold']}: {at['precision']:.4f} (coverage {at['coverage']:.4f})\n")
    if not args.json and len(reports) > 1:
        print(summary_table(reports))
    if args.card:
        from vericlaim.training.model_card import write_card

        print(f"model card written to {write_card(scorer.path, reports)}", file=sys.stderr)
    return 0

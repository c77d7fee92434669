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

from vericlaim.eval.metrics import classification_report, majority_baseline, markdown_table
from vericlaim.models.nli_data import LABELS, NLIDataError, is_heldout_group, read_nli_file


def evaluate_pairs(scorer, pairs, batch_size: int = 64, progress: bool = False) -> dict:
    started = time.monotonic()
    scores = scorer.predict([(p.premise, p.hypothesis) for p in pairs], batch_size, progress)
    gold = [p.label for p in pairs]
    report = classification_report(gold, [s.label for s in scores], LABELS)
    report["pairs_per_second"] = len(pairs) / max(1e-9, time.monotonic() - started)
    report["baseline"] = majority_baseline(gold, LABELS)
    return report


def run(args, config) -> int:
    from vericlaim.models.nli import load_nli

    scorer = load_nli(config.nli_model, config.max_length, config.nli_backend)
    rng = random.Random(13)
    for name in args.data:
        try:
            pairs = read_nli_file(name)
        except (NLIDataError, OSError) as exc:
            print(f"vericlaim: error: {exc}", file=sys.stderr)
            return 2
        if args.heldout_slice:
            pairs = [p for p in pairs if is_heldout_group(p.group)]
        if args.limit and len(pairs) > args.limit:
            keep = set(rng.sample(range(len(pairs)), args.limit))
            pairs = [p for i, p in enumerate(pairs) if i in keep]
        if not pairs:
            print(f"vericlaim: error: {name}: no pairs to score", file=sys.stderr)
            return 2
        report = evaluate_pairs(scorer, pairs, progress=not args.quiet)
        report.update({"data": str(name), "model": config.nli_model, "heldout": args.heldout_slice})
        if args.json:
            print(json.dumps(report))
        else:
            print(markdown_table(f"{name} — {config.nli_model}", report, LABELS))
            base = report["baseline"]
            print(f"majority-class baseline: accuracy {base['accuracy']:.4f}, "
                  f"macro-F1 {base['macro_f1']:.4f}\n")
    return 0

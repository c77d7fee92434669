"""``vericlaim eval quantities``: how often quantity extraction finds something.

QuanTemp's claims were chosen by fact-checkers *because* they are numerical,
so the share of claims where at least one quantity or date is found is a
recall estimate for the parser. ``--sample N`` prints N seeded claims with
what was extracted, for hand-checking correctness.
"""

from __future__ import annotations

import json
import random
import sys

import pandas as pd

from vericlaim.claims.quantities import extract_quantities


def run(args) -> int:
    if getattr(args, "gold", None) is not None:
        return run_gold_command(args)
    if not args.data:
        print("vericlaim: error: eval quantities needs --data CSV or --gold [DIR]", file=sys.stderr)
        return 2
    try:
        frame = pd.read_csv(args.data[0])
    except (OSError, ValueError) as exc:
        print(f"vericlaim: error: {args.data[0]}: {exc}", file=sys.stderr)
        return 2
    if "claim" not in frame.columns:
        print(f"vericlaim: error: {args.data[0]}: needs a 'claim' column", file=sys.stderr)
        return 2
    claims = frame["claim"].astype(str).str.strip('"').tolist()
    found = [extract_quantities(text) for text in claims]
    any_q = sum(bool(q) for q in found)
    counts = sum(any(x.unit != "date" for x in q) for q in found)
    dates = sum(any(x.unit == "date" for x in q) for q in found)
    result = {
        "claims": len(claims),
        "with_quantity_or_date": any_q,
        "share_with_quantity_or_date": any_q / len(claims),
        "share_with_count_or_amount": counts / len(claims),
        "share_with_date": dates / len(claims),
        "quantities_per_claim": sum(len(q) for q in found) / len(claims),
    }
    if args.json:
        print(json.dumps(result))
    else:
        print(f"| claims | with a quantity or date | with a count/amount | with a date | quantities per claim |\n"
              f"|---|---|---|---|---|\n"
              f"| {result['claims']} | {any_q} ({result['share_with_quantity_or_date']:.1%}) | "
              f"{counts} ({result['share_with_count_or_amount']:.1%}) | {dates} "
              f"({result['share_with_date']:.1%}) | {result['quantities_per_claim']:.2f} |")
    if args.sample:
        rng = random.Random(13)
        for index in sorted(rng.sample(range(len(claims)), args.sample)):
            described = "; ".join(f"{q.text!r}->{q.describe()}" for q in found[index]) or "(none)"
            print(f"{index}\t{claims[index]}\t{described}")
    return 0


def run_gold_command(args) -> int:
    """``eval quantities --gold``: frame accuracy and conflict precision, dev and test apart."""
    from pathlib import Path

    from vericlaim.config import Config
    from vericlaim.eval.quantity_gold import GOLD_DIR, markdown, run_gold

    folder = Path(args.gold) if args.gold else GOLD_DIR
    config = Config.from_env(nli_model=getattr(args, "nli_model", None))
    try:
        result = run_gold(folder, nli_model=config.nli_model, threshold=config.numeric_alignment_min)
    except (OSError, ValueError) as exc:
        print(f"vericlaim: error: {exc}", file=sys.stderr)
        return 2
    print(json.dumps(result) if args.json else markdown(result))
    return 0

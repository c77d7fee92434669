"""``vericlaim nli-data``: build the news NLI training file from ``../shared/data``, reproducibly.

Real pairs come from the dev/train splits of FNC-1, WiCE, PolitiHop and
LIAR-PLUS (:mod:`vericlaim.training.real_pairs`); synthetic pairs are made
from FA-KES articles and FNC-1 bodies (:mod:`vericlaim.training.synthetic`).
The output is JSON lines with ``premise, hypothesis, label, source``, which
``train-nli --data`` reads; the per-source counts go to stderr and to a
``.counts.json`` file beside it, and the model card reports them.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections import Counter
from pathlib import Path

from vericlaim.atomic import atomic_write_text
from vericlaim.training.nli_data import NLIDataError, NLIPair
from vericlaim.training.real_pairs import (
    fnc1_bodies,
    fnc1_pairs,
    liar_plus_pairs,
    politihop_pairs,
    wice_dev_pairs,
)
from vericlaim.training.synthetic import NewsSentence, synthetic_pairs, usable
from vericlaim.training.text import sentences

DATA_SEED = 13
# Per-transformation caps: about 19k synthetic pairs, balanced across the three labels.
SYNTHETIC_CAPS = {
    "number_shift": 1800, "interval_flip": 400, "entity_swap": 1200, "negation": 1000,
    "event_verb_swap": 1000, "date_shift": 800,
    "compression": 2600, "with_context": 1400, "attribution_kept": 900,
    "attribution": 2600, "nearest_neighbour": 1800,
}


def news_sentences(shared: Path) -> list[NewsSentence]:
    """Usable sentences of FA-KES articles and FNC-1 bodies, in file order."""
    path = shared / "fa_kes" / "FA-KES-Dataset.csv"
    if not path.is_file():
        raise NLIDataError(f"{path}: no such file")
    documents = []
    with path.open(encoding="latin-1", newline="") as fh:  # upstream is cp1252-ish bytes
        for row in csv.DictReader(fh):
            documents.append((f"fakes-{row['unit_id']}", row["article_content"]))
    documents += [(f"fnc1-body-{k}", v) for k, v in fnc1_bodies(shared).items()]
    items = []
    for doc, text in documents:
        sents = sentences(text)
        for i, sentence in enumerate(sents):
            if usable(sentence):
                following = sents[i + 1] if i + 1 < len(sents) and usable(sents[i + 1]) else ""
                items.append(NewsSentence(sentence, doc, following))
    return items


def build(shared: Path, seed: int = DATA_SEED) -> list[NLIPair]:
    """Every pair, real sets first, duplicates (same premise and hypothesis) removed."""
    pairs = fnc1_pairs(shared, seed) + wice_dev_pairs(shared) + politihop_pairs(shared) + liar_plus_pairs(shared)
    pairs += synthetic_pairs(news_sentences(shared), SYNTHETIC_CAPS, seed)
    seen, unique = set(), []
    for pair in pairs:
        key = (pair.premise, pair.hypothesis)
        if key not in seen:
            seen.add(key)
            unique.append(pair)
    return unique


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--shared", type=Path, default=Path("../shared/data"),
                        help="the shared data folder (default: ../shared/data)")
    parser.add_argument("--out", type=Path, required=True, help="output JSON lines file")
    parser.add_argument("--seed", type=int, default=DATA_SEED)


def run(args: argparse.Namespace) -> int:
    try:
        pairs = build(args.shared, args.seed)
    except (NLIDataError, OSError, KeyError, json.JSONDecodeError) as exc:
        print(f"vericlaim: error: {exc}", file=sys.stderr)
        return 2
    lines = [json.dumps({"premise": p.premise, "hypothesis": p.hypothesis, "label": p.label,
                         "source": p.source}, ensure_ascii=False) for p in pairs]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_text(args.out, "\n".join(lines) + "\n")
    counts = {source: dict(Counter(p.label for p in pairs if p.source == source))
              for source in sorted({p.source for p in pairs})}
    atomic_write_text(args.out.with_suffix(".counts.json"), json.dumps(counts, indent=1) + "\n")
    for source, by_label in counts.items():
        print(f"{source}: {sum(by_label.values())} {by_label}", file=sys.stderr)
    print(f"{len(pairs)} pairs written to {args.out}; labels {dict(Counter(p.label for p in pairs))}",
          file=sys.stderr)
    return 0

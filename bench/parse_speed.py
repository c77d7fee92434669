"""Index-time cost of quantity frames: passages parsed per second by `extract_many`.

Frames are parsed once when a passage is indexed (spaCy dependency parse plus the
regex value grammar), so this is the rate that matters for `vericlaim index`.
Passages are two-sentence windows of FA-KES articles, as the index makes them.

    python bench/parse_speed.py --articles 200 --repeats 3
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

import pandas as pd

from vericlaim.claims.parser import load_parser, parser_name
from vericlaim.claims.quantities import extract_many
from vericlaim.config import Config
from vericlaim.corpora import split_passages
from vericlaim.records import Document


def passages(path: Path, articles: int) -> list[str]:
    frame = pd.read_csv(path, encoding="latin-1").head(articles)
    config = Config()
    texts = []
    for row in frame.itertuples():
        doc = Document(str(row.unit_id), str(row.article_title), str(row.article_content))
        texts += [p.text for p in split_passages(doc, config.passage_sentences, config.passage_stride)]
    return texts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", default="../shared/data/fa_kes/FA-KES-Dataset.csv")
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--json", help="also write the result here")
    args = parser.parse_args()
    if load_parser() is None:
        print("no spaCy pipeline installed", file=sys.stderr)
        return 2
    texts = passages(Path(args.data), args.articles)
    rates = []
    for _ in range(args.repeats):
        start = time.perf_counter()
        extract_many(texts, [""] * len(texts))
        rates.append(len(texts) / (time.perf_counter() - start))
    result = {"parser": parser_name(), "passages": len(texts), "passages_per_s_median": statistics.median(rates),
              "runs": rates}
    print(f"{len(texts)} passages, {parser_name()}: median {result['passages_per_s_median']:.0f} passages/s "
          f"over {args.repeats} runs ({', '.join(f'{r:.0f}' for r in rates)})")
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Turn ``vericlaim eval nli --json`` lines into the Markdown table of docs/BENCHMARKS.md.

    vericlaim eval nli --json --data A B C > out/nli.jsonl
    python bench/nli_table.py out/nli.jsonl
"""

import json
import sys
from pathlib import Path


def main(path: str) -> int:
    print("| held-out set | n | accuracy | macro-F1 | P/R entail | P/R neutral | P/R contra | "
          "majority baseline acc / macro-F1 |")
    print("|---|---|---|---|---|---|---|---|")
    for line in Path(path).read_text().splitlines():
        r = json.loads(line)
        pc = r["per_class"]
        cells = [f"{pc[k]['precision']:.3f} / {pc[k]['recall']:.3f}" if pc[k]["support"] else "n/a"
                 for k in ("entailment", "neutral", "contradiction")]
        b = r["baseline"]
        name = r["data"].replace("../shared/data/", "") + (" (held-out slice)" if r.get("heldout") else "")
        print(f"| {name} | {r['n']} | **{r['accuracy']:.3f}** | {r['macro_f1']:.3f} | "
              + " | ".join(cells) + f" | {b['accuracy']:.3f} / {b['macro_f1']:.3f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))

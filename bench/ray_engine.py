"""The local engine against Ray Data with 1 and 2 workers, on the bench corpus of throughput.py.

Each run is a whole ``vericlaim.check`` as a user starts it: for Ray that includes starting a
local Ray instance and each worker loading the models and the index once, because that is what
a batch pays. The local engine runs warm (models loaded once before timing), which is what a
long-lived process pays. Reports medians of the repeats and checks that every engine gives the
same rows.

    python bench/ray_engine.py --reports 400 --articles 120 --repeats 3 [--json out/bench-ray.json]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from throughput import make_corpus  # noqa: E402  (the same seeded corpus as make bench)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reports", type=int, default=400)
    parser.add_argument("--articles", type=int, default=120)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()

    import vericlaim
    from vericlaim.models.embedder import load_embedder
    from vericlaim.models.loader import load_nli
    from vericlaim.ray_engine import RayOptions

    config = vericlaim.Config.from_env()
    engines = [("local", None)] + [(f"ray, {n} worker{'s' * (n > 1)}", RayOptions(workers=n)) for n in args.workers]
    timings: dict[str, list[float]] = {name: [] for name, _ in engines}
    rows: dict[str, list] = {}
    with tempfile.TemporaryDirectory() as tmp:
        reports, articles = make_corpus(Path(tmp), args.reports, args.articles, args.seed)
        index = Path(tmp) / "idx"
        vericlaim.build_index(reports, index, config)
        load_embedder(config.embedding_model)
        load_nli(config.nli_model, config.max_length, config.nli_backend)
        claims = 0
        for repeat in range(args.repeats):
            for name, ray in engines:
                started = time.perf_counter()
                result = vericlaim.check(articles, index, config=config, ray=ray, keep_verdicts=False)
                timings[name].append(time.perf_counter() - started)
                claims = len(result.rows)
                rows.setdefault(name, result.rows)
                print(f"repeat {repeat + 1} {name}: {timings[name][-1]:.1f} s for {claims} claims", file=sys.stderr)
    reference = rows["local"]
    summary = []
    for name, _ in engines:
        seconds = statistics.median(timings[name])
        summary.append({"engine": name, "claims": claims, "median_seconds": round(seconds, 1),
                        "claims_per_min": round(claims / seconds * 60, 1),
                        "vs_local": round(statistics.median(timings["local"]) / seconds, 2),
                        "rows_identical_to_local": rows[name] == reference})
    print("| engine | claims | median seconds | claims/min | vs local | rows identical |\n|---|---|---|---|---|---|")
    for s in summary:
        print(f"| {s['engine']} | {s['claims']} | {s['median_seconds']} | {s['claims_per_min']} | "
              f"{s['vs_local']}x | {s['rows_identical_to_local']} |")
    if args.json:
        args.json.write_text(json.dumps({"cpus": os.cpu_count(), "repeats": args.repeats, "engines": summary},
                                        indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())

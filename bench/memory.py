"""Peak memory of ``vericlaim check`` as the number of articles grows.

Articles stream through the pipeline, so peak RSS should stay flat whether
a batch holds 100 articles or 2,000. This builds one small index and N
seeded articles per size (short ones, so the larger run takes minutes, not
an hour), runs the real CLI in a subprocess for each size, and reads that child's
peak RSS from the kernel (``getrusage(RUSAGE_CHILDREN)`` in a fresh parent
per size, since the kernel reports the maximum over all finished children).

    python bench/memory.py --sizes 100 2000
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from throughput import _sentence, make_corpus  # noqa: E402  (same seeded generator)


def _run(*args: str) -> None:
    subprocess.run([sys.executable, "-m", "vericlaim", *args, "-q"], check=True)


def measure(size: int, index: Path, folder: Path, seed: int) -> dict:
    """One size in a fresh interpreter, so RUSAGE_CHILDREN holds only this run."""
    code = (
        "import resource, subprocess, sys, time; t = time.perf_counter(); "
        f"subprocess.run([sys.executable, '-m', 'vericlaim', 'check', {str(folder)!r}, '--index', "
        f"{str(index)!r}, '--out', {str(folder / 'report.csv')!r}, '--force', '-q'], check=True); "
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, time.perf_counter() - t)"
    )
    rng = random.Random(seed + size)
    folder.mkdir(parents=True)
    for i in range(size):
        (folder / f"a{i:05d}.txt").write_text(f"Article {i}\n{_sentence(rng)} {_sentence(rng)}\n")
    rss_kb, seconds = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True,
                                     text=True).stdout.split()
    return {"articles": size, "peak_rss_mb": round(int(rss_kb) / 1024, 1), "seconds": round(float(seconds), 1)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 2000])
    parser.add_argument("--reports", type=int, default=200)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args()
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    with tempfile.TemporaryDirectory() as tmp:
        reports, _ = make_corpus(Path(tmp) / "corpus", args.reports, 0, args.seed)
        index = Path(tmp) / "idx"
        _run("index", str(reports), "--index", str(index))
        results = [measure(size, index, Path(tmp) / f"articles-{size}", args.seed) for size in sorted(args.sizes)]
    print("| articles | peak RSS (MB) | seconds |\n|---|---|---|")
    for r in results:
        print(f"| {r['articles']} | {r['peak_rss_mb']} | {r['seconds']} |")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Index kinds at scale: build rate, recall@5 against flat, peak RSS and query latency.

    python bench/index_scale.py --sizes 100000 1000000 --json out/index-scale.json

Passages are real: the report corpora of ../shared/data (WiCE, FNC-1 bodies, PolitiHop,
LIAR-PLUS, FA-KES), converted by each set's own ``to_vericlaim.py``, cut into vericlaim's
passage windows, exact duplicates dropped, shuffled with a fixed seed, and embedded with the
bundled MiniLM embedder. The vectors are cached as ``.npy`` in ``--cache`` (no pickle), so
only the first run embeds (~10-20 min on 2 shared cores for 100k). Queries are real claims
(the sets' ``claims.jsonl``), embedded the same way.

Sizes above the number of real passages are a SYNTHETIC extension: the real vectors plus
small Gaussian noise, renormalised, one noisy variant per copy. They measure memory, build
rate and latency at that size; their recall says nothing about retrieval quality on a real
corpus of that size (the neighbours of a query are mostly noisy copies of one passage).

Every kind x size is built in one child process (build rate), then loaded and queried in a
fresh child (peak RSS from the kernel's VmHWM, the private part from RssAnon, median
latency of one query at a time), through vericlaim's own ``VectorIndex``: the FAISS part of
``IndexStore`` (passage texts and BM25 are not included in the memory figures).
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
SETS = {  # converter arguments: every split the shared copy holds
    "wice": ["--splits", "dev,test"],
    "fnc1": [],
    "politihop": ["--splits", "train,valid,test"],
    "liar_plus": ["--splits", "val2,test2"],
}
KINDS = ("flat", "ivf", "ivfpq", "flat:4")  # KIND[:SHARDS]
SEED = 13
NOISE = 0.01  # per-dimension sigma of the synthetic variants (cosine to the original about 0.98)


def log(*parts) -> None:
    print(*parts, file=sys.stderr, flush=True)


# ---------------------------------------------------------------- data: real passages and claims


def _documents(shared: Path, cache: Path):
    from vericlaim.corpora.readers import read_documents
    from vericlaim.records import Document

    for name, extra in SETS.items():
        out = cache / "sets" / name
        if not (out / "corpus.jsonl").is_file():
            subprocess.run([sys.executable, str(shared / name / "to_vericlaim.py"), str(out), *extra],
                           check=True, stdout=subprocess.DEVNULL)
        for doc in read_documents(out / "corpus.jsonl"):
            if isinstance(doc, Document):
                yield doc
    csv.field_size_limit(1 << 24)
    with open(shared / "fa_kes" / "FA-KES-Dataset.csv", encoding="utf-8", errors="replace", newline="") as f:
        for i, row in enumerate(csv.DictReader(f)):
            if (row.get("article_content") or "").strip():
                yield Document(f"fakes-{i}", row.get("article_title") or "", row["article_content"],
                               row.get("source") or "", row.get("date") or "", "")


def passages(shared: Path, cache: Path) -> list[str]:
    """Real passage texts, de-duplicated and shuffled with a fixed seed (cached as JSON lines)."""
    path = cache / "passages.jsonl"
    if path.is_file():
        return [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines()]
    from vericlaim.config import Config
    from vericlaim.corpora.passages import split_passages

    config, seen, texts = Config(), set(), []
    for doc in _documents(shared, cache):
        for p in split_passages(doc, config.passage_sentences, config.passage_stride):
            if p.text not in seen:
                seen.add(p.text)
                texts.append(p.text)
    random.Random(SEED).shuffle(texts)
    tmp = path.with_suffix(".tmp")
    tmp.write_text("".join(json.dumps({"text": t}) + "\n" for t in texts), encoding="utf-8")
    os.replace(tmp, path)
    log(f"{len(texts)} distinct real passages -> {path}")
    return texts


def claims(cache: Path, limit: int) -> list[str]:
    texts = []
    for name in SETS:
        for line in (cache / "sets" / name / "claims.jsonl").read_text(encoding="utf-8").splitlines():
            text = json.loads(line).get("text", "").strip()
            if text:
                texts.append(text)
    texts = sorted(set(texts))
    random.Random(SEED).shuffle(texts)
    return texts[:limit]


def embed_cached(texts: list[str], path: Path, chunk: int = 4096) -> np.ndarray:
    """Embed with the bundled embedder into ``path`` (.npy), resumable chunk by chunk."""
    if path.is_file():
        vectors = np.load(path, mmap_mode="r")
        if len(vectors) == len(texts):
            return vectors
    from vericlaim.config import Config
    from vericlaim.models.embedder import load_embedder

    embedder = load_embedder(Config().embedding_model)
    partial, done_file = path.with_suffix(".partial.npy"), path.with_suffix(".partial.json")
    done = json.loads(done_file.read_text())["done"] if done_file.is_file() and partial.is_file() else 0
    out = (np.lib.format.open_memmap(partial, mode="r+") if done else
           np.lib.format.open_memmap(partial, mode="w+", dtype=np.float32, shape=(len(texts), embedder.dimension)))
    start = time.perf_counter()
    for i in range(done, len(texts), chunk):
        out[i:i + chunk] = embedder.encode(texts[i:i + chunk])
        out.flush()
        done_file.write_text(json.dumps({"done": min(i + chunk, len(texts))}))
        rate = (min(i + chunk, len(texts)) - done) / (time.perf_counter() - start)
        log(f"  embedded {min(i + chunk, len(texts))}/{len(texts)} ({rate:.0f}/s)")
    del out
    os.replace(partial, path)
    done_file.unlink(missing_ok=True)
    return np.load(path, mmap_mode="r")


def vectors_of_size(real_path: Path, size: int, cache: Path) -> tuple[Path, bool]:
    """The .npy of ``size`` vectors and whether it is synthetic (noisy copies of the real ones)."""
    real = np.load(real_path, mmap_mode="r")
    if size == len(real):
        return real_path, False
    if size < len(real):
        path = cache / f"vectors-{size}.npy"
        if not path.is_file():
            np.save(path, np.ascontiguousarray(real[:size]))
        return path, False
    path = cache / f"vectors-{size}-synthetic.npy"
    if path.is_file() and len(np.load(path, mmap_mode="r")) == size:
        return path, True
    rng = np.random.default_rng(SEED)
    tmp = path.with_suffix(".tmp.npy")
    out = np.lib.format.open_memmap(tmp, mode="w+", dtype=np.float32, shape=(size, real.shape[1]))
    for start in range(0, size, len(real)):
        n = min(len(real), size - start)
        block = np.asarray(real[:n], dtype=np.float32)
        if start:  # copy 0 is the real vectors themselves
            block = block + rng.normal(0.0, NOISE, block.shape).astype(np.float32)
            block /= np.linalg.norm(block, axis=1, keepdims=True)
        out[start:start + n] = block
    out.flush()
    del out
    os.replace(tmp, path)
    return path, True


# ---------------------------------------------------------------- children: build, then load + query


def _status() -> dict:
    fields = {}
    for line in Path("/proc/self/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in ("VmHWM", "VmRSS", "RssAnon", "RssFile"):
            fields[key] = int(value.split()[0]) / 1024
    return fields


def child_build(vectors: str, folder: str, kind: str, shards: int) -> None:
    from vericlaim.retrieval.store import VectorIndex

    data = np.load(vectors, mmap_mode="r")
    index = VectorIndex(kind, data.shape[1], shards)
    start = time.perf_counter()
    for i in range(0, len(data), 2048):  # the chunk size `vericlaim index` adds with
        index.add(np.ascontiguousarray(data[i:i + 2048]))
    index.finish()
    seconds = time.perf_counter() - start
    Path(folder).mkdir(parents=True, exist_ok=True)
    files = index.save(Path(folder))
    size = sum((Path(folder) / f).stat().st_size for f in files)
    print(json.dumps({"build_s": seconds, "vectors_per_s": len(data) / seconds, "disk_mb": size / 2**20,
                      "build_peak_rss_mb": _status()["VmHWM"], "params": index.params}))


def child_query(folder: str, kind: str, shards: int, dimension: int, queries: str, found_path: str,
                nprobe: int, mmap: bool, limit: int) -> None:
    import faiss

    from vericlaim.retrieval.store import VectorIndex

    faiss.omp_set_num_threads(1)  # one query at a time: latency, not throughput
    base = _status()
    start = time.perf_counter()
    index = VectorIndex.load(Path(folder), kind, dimension, shards, mmap=mmap)
    load_s = time.perf_counter() - start
    index.nprobe = nprobe
    q = np.load(queries)[:limit]
    latencies, found = [], []
    for row in q:
        t = time.perf_counter()
        _, ids = index.search(row.reshape(1, -1), 5)
        latencies.append(time.perf_counter() - t)
        found.append(ids[0])
    after = _status()
    np.save(found_path, np.asarray(found))  # recall is scored by the parent, which has the vectors
    print(json.dumps({"load_s": load_s, "queries": len(q),
                      "median_ms": float(np.median(latencies) * 1000),
                      "p95_ms": float(np.percentile(latencies, 95) * 1000),
                      "peak_rss_mb": after["VmHWM"], "anon_mb": after["RssAnon"],
                      "start_rss_mb": base["VmRSS"]}))


def child_store_build(vectors: str, texts: str, folder: str, kind: str) -> None:
    """A whole vericlaim index (passages table, BM25, vectors) over the real passages."""
    from vericlaim.config import Config
    from vericlaim.records import Document, Passage
    from vericlaim.retrieval.store import IndexStore

    data = np.load(vectors, mmap_mode="r")
    lines = Path(texts).read_text(encoding="utf-8").splitlines()[:len(data)]
    store = IndexStore.empty(Config().embedding_model, data.shape[1], kind)
    start = time.perf_counter()
    for i in range(0, len(data), 2048):
        part = [Passage(f"d{j // 10}", f"d{j // 10}:{j % 10}", json.loads(lines[j])["text"], 0, 1)
                for j in range(i, min(i + 2048, len(data)))]
        docs = {p.doc_id: Document(p.doc_id, "", "") for p in part}
        store.add(docs, part, np.ascontiguousarray(data[i:i + 2048]))
    store.save(folder)
    size = sum(f.stat().st_size for f in Path(folder).iterdir())
    print(json.dumps({"build_s": time.perf_counter() - start, "disk_mb": size / 2**20}))


def child_store_query(folder: str, cache: str, queries: str, limit: int) -> None:
    import faiss

    from vericlaim.retrieval.search import rank_passages
    from vericlaim.retrieval.store import IndexStore

    faiss.omp_set_num_threads(1)
    start = time.perf_counter()
    store = IndexStore.load(folder)  # memory-mapped, as `check` loads it
    load_s = time.perf_counter() - start
    texts = claims(Path(cache), limit)
    vectors = np.load(queries)[:limit]
    latencies = []
    for text, vector in zip(texts, vectors, strict=True):
        t = time.perf_counter()
        rank_passages(store, vector.reshape(1, -1), [text], 28, "hybrid")  # fetch of top_k=5
        latencies.append(time.perf_counter() - t)
    after = _status()
    print(json.dumps({"load_s": load_s, "median_ms": float(np.median(latencies) * 1000),
                      "p95_ms": float(np.percentile(latencies, 95) * 1000), "queries": len(texts),
                      "peak_rss_mb": after["VmHWM"], "anon_mb": after["RssAnon"]}))


def _child(*args: str) -> dict:
    env = {**os.environ, "OMP_WAIT_POLICY": "PASSIVE"}
    proc = subprocess.run([sys.executable, __file__, *args], capture_output=True, text=True, env=env)
    if proc.returncode:
        raise RuntimeError(f"child {args[:2]} failed:\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def recall_at_5(found: np.ndarray, truth_scores: np.ndarray, vectors: Path, queries: np.ndarray) -> float:
    """Share of the true top 5 found, a tie counting as found: a hit scoring at least the 5th exact
    score is a true neighbour (distinct passages can share a vector, and then which of them flat
    lists first is arbitrary)."""
    data = np.load(vectors, mmap_mode="r")
    shares = []
    for q, ids in enumerate(found):
        ids = np.sort(ids[ids >= 0])
        scores = np.asarray(data[ids]) @ queries[q]
        shares.append(min(5, int((scores >= truth_scores[q, 4] - 1e-6).sum())) / 5)
    return float(np.mean(shares))


def exact_neighbours(vectors: Path, queries: np.ndarray, path: Path) -> Path:
    """The flat (exact) top-5 ids and scores of every query: the truth recall is measured against."""
    if path.is_file():
        return path
    import faiss

    data = np.load(vectors, mmap_mode="r")
    best_s = np.full((len(queries), 5), -np.inf, dtype=np.float32)
    best_i = np.full((len(queries), 5), -1, dtype=np.int64)
    for start in range(0, len(data), 200_000):
        block = np.ascontiguousarray(data[start:start + 200_000])
        scores, ids = faiss.knn(queries, block, 5, metric=faiss.METRIC_INNER_PRODUCT)
        s = np.concatenate([best_s, scores], axis=1)
        i = np.concatenate([best_i, ids + start], axis=1)
        order = np.argsort(-s, axis=1, kind="stable")[:, :5]
        best_s, best_i = np.take_along_axis(s, order, 1), np.take_along_axis(i, order, 1)
    np.savez(path, ids=best_i, scores=best_s)
    return path


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "--child-build":
        child_build(sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5]))
        return 0
    if len(sys.argv) > 1 and sys.argv[1] == "--child-query":
        child_query(sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5]), sys.argv[6], sys.argv[7],
                    int(sys.argv[8]), sys.argv[9] == "mmap", int(sys.argv[10]))
        return 0
    if len(sys.argv) > 1 and sys.argv[1] == "--child-store-build":
        child_store_build(*sys.argv[2:6])
        return 0
    if len(sys.argv) > 1 and sys.argv[1] == "--child-store-query":
        child_store_query(sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5]))
        return 0
    from vericlaim.config import Config

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--kinds", nargs="+", default=list(KINDS), help="KIND or KIND:SHARDS")
    parser.add_argument("--real", type=int, default=100_000,
                        help="real passages embedded; larger sizes are synthetic copies of them")
    parser.add_argument("--queries", type=int, default=1000, help="real claims used as queries")
    parser.add_argument("--nprobe", type=int, nargs="+", default=[Config().nprobe],
                        help="IVF lists probed per query (default: the config's)")
    parser.add_argument("--ram-kinds", nargs="*", default=["ivfpq"],
                        help="kinds also measured loaded into RAM (the rest: memory-mapped, the default)")
    parser.add_argument("--exhaustive-queries", type=int, default=200,
                        help="queries timed for flat kinds above 200k vectors (each reads every vector)")
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--cache", type=Path, default=ROOT / "out" / "index-scale")
    parser.add_argument("--store-kinds", nargs="*", default=["flat", "ivfpq"],
                        help="also measure whole indexes (passages, BM25, vectors; hybrid search) of the real "
                             "passages with these kinds")
    parser.add_argument("--prepare-only", action="store_true", help="only embed and cache the vectors")
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args()
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    args.cache.mkdir(parents=True, exist_ok=True)

    texts = passages(args.shared, args.cache)
    n_real = min(len(texts), args.real)
    log(f"embedding {n_real} real passages (cached in {args.cache})")
    real_path = args.cache / f"real-{n_real}.npy"
    real = embed_cached(texts[:n_real], real_path)
    query_path = args.cache / f"queries-{args.queries}.npy"
    queries = np.asarray(embed_cached(claims(args.cache, args.queries), query_path), dtype=np.float32)
    if args.prepare_only:
        return 0

    results = []
    for size in args.sizes:
        vectors, synthetic = vectors_of_size(real_path, size, args.cache)
        truth = np.load(exact_neighbours(vectors, queries, args.cache / f"truth-{size}-{args.queries}.npz"))
        for spec in args.kinds:
            kind, _, shards = spec.partition(":")
            shards = int(shards or 1)
            folder = args.cache / f"idx-{kind}-{shards}-{size}"
            log(f"{size} {'synthetic' if synthetic else 'real'} vectors, {kind} x {shards} shard(s): building")
            build = _child("--child-build", str(vectors), str(folder), kind, str(shards))
            limit = args.exhaustive_queries if kind == "flat" and size > 200_000 else len(queries)
            runs = [(n, "mmap") for n in (args.nprobe if kind != "flat" else args.nprobe[:1])]
            if kind in args.ram_kinds:
                runs.append((Config().nprobe, "ram"))
            for nprobe, load in runs:
                found = folder.with_name(folder.name + "-found.npy")
                query = _child("--child-query", str(folder), kind, str(shards), str(real.shape[1]),
                               str(query_path), str(found), str(nprobe), load, str(limit))
                query["recall_at_5"] = recall_at_5(np.load(found), truth["scores"], vectors, queries)
                row = {"size": size, "synthetic": synthetic, "kind": kind, "shards": shards,
                       "nprobe": nprobe if kind != "flat" else None, "mmap": load == "mmap",
                       **build, **query}
                results.append(row)
                log("  " + json.dumps(row))
    stores = []
    for kind in args.store_kinds:
        folder = args.cache / f"store-{kind}-{n_real}"
        log(f"whole index of {n_real} real passages, {kind}: building")
        build = _child("--child-store-build", str(real_path), str(args.cache / "passages.jsonl"), str(folder), kind)
        query = _child("--child-store-query", str(folder), str(args.cache), str(query_path), "200")
        stores.append({"size": n_real, "kind": kind, **build, **query})
        log("  " + json.dumps(stores[-1]))
    print(table(results, args.queries))
    if stores:
        print("\nWhole indexes as `check` loads them (passages table, BM25 and vectors, memory-mapped FAISS), "
              "hybrid retrieval of 28 passages per claim (top_k 5), one claim at a time:\n")
        print("| passages | kind | disk (MB) | peak RSS (MB) | private RSS (MB) | median latency (ms) | p95 (ms) |")
        print("|---|---|---|---|---|---|---|")
        for r in stores:
            print(f"| {r['size']:,} | {r['kind']} | {r['disk_mb']:,.0f} | {r['peak_rss_mb']:,.0f} | "
                  f"{r['anon_mb']:,.0f} | {r['median_ms']:.1f} | {r['p95_ms']:.1f} |")
    results += [{"whole_index": True, **r} for r in stores]
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


def table(rows: list[dict], queries: int) -> str:
    lines = [
        f"recall@5 against flat over {queries} real claims (ties with the 5th exact score count as found); "
        "latency = one query at a time, 1 FAISS thread per shard; "
        "RSS of a fresh process that loads the index and runs the queries (FAISS part only).",
        "Sizes marked * are SYNTHETIC: the real 100k vectors plus Gaussian noise, renormalised "
        "(memory, build rate and latency only; their recall is not a quality measure).",
        "",
        "| passages | kind | shards | nprobe | loaded | build (vectors/s) | disk (MB) | recall@5 | peak RSS (MB) "
        "| private RSS (MB) | median latency (ms) | p95 (ms) | queries |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        lines.append(
            f"| {r['size']:,}{'*' if r['synthetic'] else ''} | {r['kind']} | {r['shards']} | {r['nprobe'] or '-'} "
            f"| {'mmap' if r['mmap'] else 'RAM'} "
            f"| {r['vectors_per_s']:,.0f} | {r['disk_mb']:,.0f} | {r['recall_at_5']:.3f} | {r['peak_rss_mb']:,.0f} "
            f"| {r['anon_mb']:,.0f} | {r['median_ms']:.2f} | {r['p95_ms']:.2f} | {r['queries']} |")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())

"""Index kinds beyond the flat one: IVF-PQ, shards, memory-mapped loading (real passages, real embedder).

The corpus is 70 FA-KES news articles (about 1,100 passages): the first 64 are enough to
train IVF-PQ (1,000 passages at least), the other 6 are added later. They are embedded once,
by ``vericlaim.build_index`` of a 2-shard IVF-PQ index; the other kinds are built from the
exact vectors it keeps. Queries are titles of other FA-KES articles.
"""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import numpy as np
import pytest
from conftest import EXAMPLES

import vericlaim
from vericlaim.config import Config
from vericlaim.retrieval import IndexCorruptError, IndexStore
from vericlaim.retrieval.search import _row_records, rank_passages
from vericlaim.retrieval.store import IndexBuildError, VectorIndex

FA_KES = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "fa_kes" / "FA-KES-Dataset.csv"
pytestmark = pytest.mark.skipif(not FA_KES.is_file(), reason="needs ../shared/data/fa_kes")
FIRST, SECOND = 64, 6  # articles in the first build, and added later


def _articles() -> list[dict]:
    csv.field_size_limit(1 << 24)
    with open(FA_KES, encoding="utf-8", errors="replace", newline="") as f:
        rows, seen = [], set()
        for i, row in enumerate(csv.DictReader(f)):
            text = (row["article_content"] or "").strip()
            if text and text not in seen:  # FA-KES repeats a few articles word for word
                seen.add(text)
                rows.append({"id": f"fakes-{i}", "title": row["article_title"], "text": text,
                             "source": row["source"], "date": ""})
    return rows


def _write(rows: list[dict], path: Path) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def _embed(texts: list[str]) -> np.ndarray:
    from vericlaim.models.embedder import load_embedder

    return load_embedder(Config().embedding_model).encode(texts)


def _trained(folder: Path) -> tuple[IndexStore, np.ndarray, np.ndarray]:
    """An IVF-PQ index with its coarse centroids and PQ codebook (of shard 0)."""
    import faiss

    store = IndexStore.load(folder)
    ivf = faiss.extract_index_ivf(store.faiss_index.parts[0])
    return (store, ivf.quantizer.reconstruct_n(0, ivf.nlist),
            faiss.vector_to_array(faiss.downcast_index(ivf).pq.centroids))


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """An IVF-PQ index of 2 shards over the first articles, saved, then indexed again with all of them.

    The first build adds the embedded passages to the store directly (what ``vericlaim index``
    does, less parsing quantity frames, which these tests do not need); the second is the
    real ``vericlaim.build_index``, which must add only the new articles.
    """
    from vericlaim.corpora import read_documents
    from vericlaim.corpora.passages import split_passages

    folder = tmp_path_factory.mktemp("kinds")
    rows = _articles()
    first = _write(rows[:FIRST], folder / "first.jsonl")
    both = _write(rows[:FIRST + SECOND], folder / "both.jsonl")
    docs = {d.id: d for d in read_documents(first)}
    passages = [p for d in docs.values() for p in split_passages(d, Config.passage_sentences, Config.passage_stride)]
    vectors = _embed([p.text for p in passages])
    store = IndexStore.empty(Config.embedding_model, vectors.shape[1], "ivfpq", shards=2)
    for start in range(0, len(passages), 512):
        store.add(docs, passages[start:start + 512], vectors[start:start + 512])
    queries = [r["title"] for r in rows[300:360] if r["title"].strip()]
    query_vectors = _embed(queries)
    before = _top(store, query_vectors)  # searched in memory, before it is ever saved
    pq = folder / "pq"
    store.save(pq)
    shutil.copytree(pq, folder / "pq-first")
    trained = _trained(pq)
    summary = vericlaim.build_index(both, pq)  # the existing kind and shards are kept
    flat = _rebuild(IndexStore.load(pq), "flat")
    flat.save(folder / "flat")
    return {"pq": pq, "pq_first": folder / "pq-first", "flat": folder / "flat", "first_passages": len(passages),
            "summary": summary, "trained": trained, "before": before, "both": both,
            "queries": queries, "vectors": query_vectors}


def _rebuild(flat: IndexStore, kind: str, shards: int = 1) -> IndexStore:
    """The flat index's passages and exact vectors, added to a new store of another kind (no re-embedding)."""
    store = IndexStore.empty(flat.model, flat.dimension, kind, shards=shards)
    vectors = flat.faiss_index.reconstruct_batch(np.arange(len(flat)))
    for start in range(0, len(flat), 512):  # in chunks, as `vericlaim index` adds them
        rows = list(flat.passages.iloc[start:start + 512].itertuples())
        records = [_row_records(row) for row in rows]
        docs = {doc.id: doc for _, doc in records}
        store.add(docs, [p for p, _ in records], vectors[start:start + 512])
    return store


def _top(store: IndexStore, vectors: np.ndarray, k: int = 5) -> tuple[np.ndarray, np.ndarray]:
    return store.faiss_index.search(vectors, k)


def _recall(found: np.ndarray, truth: np.ndarray) -> float:
    return float(np.mean([len(set(f) & set(t)) / truth.shape[1] for f, t in zip(found, truth, strict=True)]))


def test_ivfpq_round_trip_and_recall_against_flat(corpus):
    folder = corpus["pq_first"]
    manifest = json.loads((folder / "manifest.json").read_text())
    assert manifest["index_kind"] == "ivfpq" and manifest["shards"] == 2
    assert manifest["index_params"]["pq_m"] == 48 and manifest["index_params"]["pq_bits"] == 8
    assert not any(p.suffix == ".pkl" for p in folder.iterdir())

    loaded = IndexStore.load(folder)
    assert loaded.kind == "ivfpq" and len(loaded) == corpus["first_passages"] >= 1000
    scores, ids = _top(loaded, corpus["vectors"])
    before_scores, before_ids = corpus["before"]
    assert np.array_equal(ids, before_ids) and np.allclose(scores, before_scores, atol=1e-6)

    flat = _rebuild(loaded, "flat")  # the same vectors, searched exactly
    truth_scores, truth = _top(flat, corpus["vectors"])
    assert _recall(ids, truth) >= 0.95
    # re-ranked with the exact vectors: a hit found carries its exact cosine, as with flat
    exact = {(q, i): s for q in range(len(truth)) for i, s in zip(truth[q], truth_scores[q], strict=True)}
    assert all(abs(exact[(q, i)] - s) < 1e-5 for q in range(len(ids))
               for i, s in zip(ids[q], scores[q], strict=True) if (q, i) in exact)
    loaded.faiss_index.nprobe = 2  # fewer lists probed: approximate, still finds most
    assert _recall(_top(loaded, corpus["vectors"])[1], truth) >= 0.5


def test_sharded_flat_equals_unsharded_and_every_shard_is_checksummed(corpus, tmp_path):
    flat = IndexStore.load(corpus["flat"])
    store = _rebuild(flat, "flat", shards=4)
    store.save(tmp_path / "sharded")
    loaded = IndexStore.load(tmp_path / "sharded")
    assert loaded.shards == 4 and len(loaded) == len(flat)
    scores, ids = _top(loaded, corpus["vectors"], 10)
    truth_scores, truth = _top(flat, corpus["vectors"], 10)
    assert np.array_equal(ids, truth) and np.allclose(scores, truth_scores, atol=1e-6)
    queries = corpus["queries"][:5]
    for mode in ("dense", "hybrid"):
        assert (rank_passages(loaded, corpus["vectors"][:5], queries, 20, mode)
                == rank_passages(flat, corpus["vectors"][:5], queries, 20, mode))

    manifest = json.loads((tmp_path / "sharded" / "manifest.json").read_text())
    shard_files = sorted(n for n in manifest["checksums"] if n.startswith("index.shard"))
    assert len(shard_files) == 4 and "index.faiss" not in manifest["checksums"]
    for name in (shard_files[2], "passages.parquet"):
        copy = tmp_path / f"tampered-{name}"
        shutil.copytree(tmp_path / "sharded", copy)
        data = bytearray((copy / name).read_bytes())
        data[len(data) // 2] ^= 0xFF
        (copy / name).write_bytes(bytes(data))
        with pytest.raises(IndexCorruptError, match="checksum mismatch"):
            IndexStore.load(copy)
    missing = tmp_path / "missing-shard"
    shutil.copytree(tmp_path / "sharded", missing)
    (missing / shard_files[0]).unlink()
    with pytest.raises(IndexCorruptError, match="missing"):
        IndexStore.load(missing)


@pytest.mark.parametrize("kind", ["flat", "ivf", "ivfpq"])
def test_mmap_load_gives_the_same_hits_and_can_still_be_extended(corpus, tmp_path, kind):
    flat = IndexStore.load(corpus["flat"], mmap=False)
    folder = corpus["pq"] if kind == "ivfpq" else tmp_path / kind
    if kind != "ivfpq":
        _rebuild(flat, kind).save(folder)
    in_ram = IndexStore.load(folder, mmap=False)
    mapped = IndexStore.load(folder)  # the default: memory-mapped
    assert mapped.faiss_index.mapped and not in_ram.faiss_index.mapped
    a, b = _top(mapped, corpus["vectors"]), _top(in_ram, corpus["vectors"])
    assert np.array_equal(a[1], b[1]) and np.allclose(a[0], b[0])
    ids = np.array([0, 1, len(flat) - 1])
    assert np.allclose(mapped.faiss_index.reconstruct_batch(ids), flat.faiss_index.reconstruct_batch(ids))
    # FAISS cannot add to a mapped index: the store copies it into RAM first, instead of crashing
    mapped.faiss_index.add(corpus["vectors"][:3])
    assert not mapped.faiss_index.mapped and mapped.faiss_index.ntotal == len(flat) + 3


def test_incremental_add_keeps_the_trained_codebook(corpus):
    idx, second = corpus["pq"], corpus["summary"]
    before, centroids, codebook = corpus["trained"]
    assert second.documents_added == SECOND and second.documents_skipped == FIRST
    after, centroids_after, codebook_after = _trained(idx)
    assert after.kind == "ivfpq" and after.shards == 2
    assert len(after) == corpus["first_passages"] + second.passages_added == second.total_passages
    assert np.array_equal(centroids, centroids_after) and np.array_equal(codebook, codebook_after)
    assert after.faiss_index.params == before.faiss_index.params
    # the new passages are found: each added article's first passage is its own best hit
    added = after.passages.index[after.passages["doc_id"].isin(set(after.passages["doc_id"])
                                                                - set(before.passages["doc_id"]))]
    probe = after.faiss_index.reconstruct_batch(added[:20].to_numpy())
    assert _recall(_top(after, probe, 1)[1], added[:20].to_numpy().reshape(-1, 1)) >= 0.95
    with pytest.raises(IndexBuildError, match="ivfpq index with 2 shard"):
        vericlaim.build_index(corpus["both"], idx, kind="flat")


def test_too_small_for_ivfpq_is_refused_clearly(tmp_path, capsys):
    from vericlaim.cli import main

    with pytest.raises(IndexBuildError, match=r"needs at least 1,000 passages.*use --kind flat"):
        vericlaim.build_index(EXAMPLES / "reports", tmp_path / "small", kind="ivfpq")
    assert not (tmp_path / "small").exists()
    assert main(["index", str(EXAMPLES / "reports"), "--index", str(tmp_path / "cli"), "--kind", "ivfpq",
                 "-q"]) == 2
    assert "needs at least 1,000 passages" in capsys.readouterr().err
    with pytest.raises(IndexBuildError, match="choose one of"):
        VectorIndex("hnsw", 384)

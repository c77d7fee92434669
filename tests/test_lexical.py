"""The BM25 half of the index: stored safely, checksummed, incremental, fused with dense search."""

import json
import shutil

import numpy as np
import pytest
from conftest import EXAMPLES

import vericlaim
from vericlaim.config import Config
from vericlaim.records import Claim
from vericlaim.retrieval import IndexCorruptError, IndexStore
from vericlaim.retrieval.lexical import FILES, LexicalIndex
from vericlaim.retrieval.search import rank_passages, rrf, search


def _embed(texts):
    from vericlaim.models.embedder import load_embedder

    return load_embedder(Config().embedding_model).encode(texts)


def test_lexical_files_are_written_and_checksummed(example_index):
    manifest = json.loads((example_index / "manifest.json").read_text())
    for name in FILES.values():
        assert name in manifest["checksums"], name
        assert (example_index / name).is_file()
    assert not any(p.suffix in {".pkl", ".pickle"} for p in example_index.iterdir())


def test_round_trip_gives_the_same_scores(example_index):
    store = IndexStore.load(example_index)
    assert store.lexical is not None and len(store.lexical) == len(store)
    rebuilt = LexicalIndex()
    rebuilt.add([f"{ti}\n{t}" for t, ti in zip(store.passages["text"], store.passages["title"], strict=True)])
    query = "rockets fired at the border town"
    assert np.allclose(store.lexical.scores(query), rebuilt.scores(query))
    assert store.lexical.scores(query).max() > 0


def test_tampered_lexical_file_is_refused(example_index, tmp_path):
    copy = tmp_path / "idx"
    shutil.copytree(example_index, copy)
    path = copy / FILES["tokens"]
    data = bytearray(path.read_bytes())
    data[-1] ^= 0xFF
    path.write_bytes(bytes(data))
    with pytest.raises(IndexCorruptError, match="checksum mismatch"):
        IndexStore.load(copy)


def test_incremental_add_equals_a_build_from_scratch(tmp_path):
    """Adding reports later re-weights BM25 (IDF changes) exactly as one build of all of them."""
    stepwise, whole = tmp_path / "stepwise", tmp_path / "whole"
    vericlaim.build_index(EXAMPLES / "reports" / "northern-wire-2019-12-28.txt", stepwise)
    vericlaim.build_index(EXAMPLES / "reports", stepwise)
    vericlaim.build_index(EXAMPLES / "reports", whole)
    a, b = IndexStore.load(stepwise), IndexStore.load(whole)
    order_a = {pid: i for i, pid in enumerate(a.passages["passage_id"])}
    order_b = [order_a[pid] for pid in b.passages["passage_id"]]
    for query in ("floods displaced residents", "ceasefire talks", "soldiers killed"):
        assert np.allclose(a.lexical.scores(query)[order_b], b.lexical.scores(query), atol=1e-5)


def test_index_without_lexical_files_still_loads_and_searches(example_index, tmp_path):
    """An index saved before BM25 existed gets its lexical part built from the stored texts."""
    old = tmp_path / "old"
    shutil.copytree(example_index, old)
    manifest = json.loads((old / "manifest.json").read_text())
    for name in list(manifest["checksums"]):
        if name.startswith("bm25."):
            (old / name).unlink()
            del manifest["checksums"][name]
    (old / "manifest.json").write_text(json.dumps(manifest))
    store = IndexStore.load(old)
    assert store.lexical is None
    claim = Claim("x", "x:1", "Floods displaced 800 residents in the Sorel valley.", 0, 10, ("quantity",))
    hits = search(store, [claim], _embed([claim.text]), 3, mode="hybrid")[0]
    assert hits and hits[0][0].doc_id == "river-news-2019-12-29"


def test_rrf_rewards_agreement():
    assert rrf([[1, 2, 3], [2, 9, 8]], [1.0, 1.0], 60)[0] == 2  # second twice beats first once
    assert rrf([[1, 2], [2, 1]], [1.0, 0.0], 60) == [1, 2]


def test_hybrid_hits_carry_dense_cosine_scores(example_index):
    """Ranking may come from BM25, but every score stays a dense cosine (the thresholds' scale)."""
    store = IndexStore.load(example_index)
    query = "Floods displaced 800 residents in the Sorel valley."
    vector = _embed([query])
    dense = dict(rank_passages(store, vector, [query], len(store), "dense")[0])
    for mode in ("bm25", "hybrid"):
        for idx, score in rank_passages(store, vector, [query], 10, mode)[0]:
            assert score == pytest.approx(dense[idx], abs=1e-5)


def test_bm25_finds_a_rare_name_the_claim_shares(example_index):
    """A name is what BM25 is for: the passages that name it rank first."""
    store = IndexStore.load(example_index)
    texts = store.passages["text"].tolist()
    name = "Sorel"
    query = f"What happened in {name}?"
    ranked = rank_passages(store, _embed([query]), [query], 3, "bm25")[0]
    assert ranked and all(name in texts[i] or name in store.passages["title"][i] for i, _ in ranked)

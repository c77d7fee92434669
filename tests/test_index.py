import json

import pytest
from conftest import EXAMPLES

import vericlaim
from vericlaim.config import Config
from vericlaim.retrieval import IndexCorruptError, IndexStore


def test_build_then_extend_skips_present_docs(tmp_path):
    idx = tmp_path / "idx"
    first = vericlaim.build_index(EXAMPLES / "reports" / "northern-wire-2019-12-28.txt", idx)
    assert first.documents_added == 1 and first.total_passages == first.passages_added > 0
    second = vericlaim.build_index(EXAMPLES / "reports", idx)
    assert second.documents_added == 7 and second.documents_skipped == 1
    assert second.total_passages == first.total_passages + second.passages_added
    manifest = json.loads((idx / "manifest.json").read_text())
    assert manifest["passages"] == second.total_passages and manifest["dimension"] == 384
    assert manifest["embedding_model"] == Config().embedding_model
    assert not any(p.suffix == ".pkl" for p in idx.iterdir())


def test_model_mismatch_is_refused(example_index):
    with pytest.raises(IndexCorruptError, match="built with embedding model"):
        IndexStore.load(example_index, expected_model="some/other-model")


def test_tampered_or_truncated_files_are_refused(example_index, tmp_path):
    import shutil

    for name in ("index.faiss", "passages.parquet"):
        copy = tmp_path / name
        shutil.copytree(example_index, copy)
        data = (copy / name).read_bytes()
        (copy / name).write_bytes(data[: len(data) // 2])
        with pytest.raises(IndexCorruptError, match="checksum mismatch"):
            IndexStore.load(copy)


def test_not_an_index(tmp_path):
    with pytest.raises(IndexCorruptError, match="not a vericlaim index"):
        IndexStore.load(tmp_path)


def test_search_finds_the_right_report_and_never_the_article_itself(example_index):
    from vericlaim.models.embedder import load_embedder
    from vericlaim.records import Claim
    from vericlaim.retrieval import search

    store = IndexStore.load(example_index)
    claim = Claim("northern-wire-2019-12-28", "x:1", "Floods displaced 800 residents in the Sorel valley.",
                  0, 10, ("quantity",))
    vectors = load_embedder(Config().embedding_model).encode([claim.text])
    hits = search(store, [claim], vectors, 3)[0]
    assert hits[0][0].doc_id in {"river-news-2019-12-29"}
    own = Claim("river-news-2019-12-29", "x:2", claim.text, 0, 10, ("quantity",))
    assert all(p.doc_id != "river-news-2019-12-29" for p, _, _ in search(store, [own], vectors, 5)[0])


def test_quantity_frames_are_parsed_at_index_time_and_stored(example_index):
    """`check` reads passage frames from the index instead of parsing every passage again."""
    store = IndexStore.load(example_index)
    stored = [f for f in store.passages["frames"] if isinstance(f, str)]
    assert len(stored) == len(store)
    from vericlaim.claims.quantities import frames_from_json
    assert any(q.event == "killed" for f in stored for q in frames_from_json(f))


def test_index_without_frames_still_loads(example_index, tmp_path):
    """An index built before frames were stored is parsed lazily, not refused."""
    import shutil

    import numpy as np

    from vericlaim.retrieval.search import search
    old = tmp_path / "old"
    shutil.copytree(example_index, old)
    store = IndexStore.load(old)
    store.passages = store.passages.drop(columns=["frames"])
    store.save(old)
    reloaded = IndexStore.load(old)
    vector = reloaded.faiss_index.reconstruct(0).reshape(1, -1).astype(np.float32)
    from vericlaim.records import Claim
    hits = search(reloaded, [Claim("x", "x:1", "t", 0, 1, ())], vector, 1)
    assert hits[0][0][0].quantities is None


def test_frames_of_another_parser_version_are_parsed_again(example_index, tmp_path, capsys):
    """A fix to the frames must reach an index built before it: stale stored frames are dropped."""
    import json
    import shutil

    from vericlaim.claims.quantities import FRAMES_VERSION

    old = tmp_path / "old"
    shutil.copytree(example_index, old)
    assert json.loads((old / "manifest.json").read_text())["frames_version"] == FRAMES_VERSION
    assert IndexStore.load(old).passages["frames"].notna().all()
    manifest = json.loads((old / "manifest.json").read_text())
    manifest["frames_version"] = FRAMES_VERSION - 1
    (old / "manifest.json").write_text(json.dumps(manifest))
    capsys.readouterr()
    stale = IndexStore.load(old)
    assert stale.passages["frames"].isna().all()
    assert "older parser" in capsys.readouterr().err
    stale.save(old)  # saved again, its frames are honest: none stored, all parsed as needed
    assert json.loads((old / "manifest.json").read_text())["frames_version"] == FRAMES_VERSION
    assert IndexStore.load(old).passages["frames"].isna().all()

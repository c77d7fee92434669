"""`check --engine ray` on a local Ray instance gives the local engine's rows, byte for byte.

One Ray instance serves the whole module (starting Ray costs tens of seconds on two
cores); the engine joins it instead of starting its own. Real models, real index.
"""

from __future__ import annotations

import json

import pytest
from conftest import EXAMPLES, bundled_model_or_skip

ray = pytest.importorskip("ray", reason="Ray is the optional extra vericlaim[ray] (make install adds it)")


@pytest.fixture(scope="module")
def local_ray():
    bundled_model_or_skip()
    ray.init(num_cpus=3, include_dashboard=False, log_to_driver=False, logging_level="ERROR")
    yield
    ray.shutdown()


@pytest.fixture(scope="module")
def local_report(example_index, tmp_path_factory):
    import vericlaim

    out = tmp_path_factory.mktemp("local") / "report.csv"
    vericlaim.check(EXAMPLES / "articles", example_index, out=out)
    return out


def test_plan_never_takes_every_cpu():
    from vericlaim.ray_engine import plan_pool

    for cpus, workers in [(3, None), (3, 1), (3, 2), (3, 5), (1, None), (64, None), (64, 10)]:
        plan = plan_pool(cpus, workers)
        assert plan.workers * plan.cpus_per_worker < cpus, (cpus, workers, plan)
        assert plan.threads >= 1
    assert plan_pool(3, None).workers == 1 and plan_pool(3, None).threads == 2  # 2 cores + the reserve


def test_workers_search_ivf_indexes_with_the_configured_nprobe(tmp_path):
    """A worker loads the index as the local engine does: Config.nprobe lists per query (no Ray needed)."""
    import faiss
    import numpy as np

    from vericlaim.api import load_index
    from vericlaim.config import Config
    from vericlaim.ray_engine import worker_store
    from vericlaim.records import Document, Passage
    from vericlaim.retrieval import IndexStore
    from vericlaim.retrieval.store import MIN_TRAIN

    n = MIN_TRAIN["ivf"]  # the fewest passages an IVF index trains on: 256 random unit vectors
    vectors = np.random.default_rng(0).standard_normal((n, 16)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    docs = {f"d{i}": Document(f"d{i}", f"title {i}", f"text {i}") for i in range(n)}
    passages = [Passage(f"d{i}", f"d{i}:0", f"text {i}", 0, 6) for i in range(n)]
    store = IndexStore.empty(Config().embedding_model, 16, "ivf", nlist=8)
    store.add(docs, passages, vectors)
    store.save(tmp_path / "ivf")

    config = Config(nprobe=3)
    assert config.nprobe != Config().nprobe and IndexStore.load(tmp_path / "ivf").faiss_index.nprobe != 3
    worker, local = worker_store(str(tmp_path / "ivf"), config), load_index(tmp_path / "ivf", config)
    assert worker.kind == "ivf" and worker.faiss_index.nprobe == local.faiss_index.nprobe == 3
    scores, ids = worker.faiss_index.search(vectors[:20], 5)
    assert faiss.extract_index_ivf(worker.faiss_index.parts[0]).nprobe == 3  # what FAISS searched with
    local_scores, local_ids = local.faiss_index.search(vectors[:20], 5)
    assert np.array_equal(ids, local_ids) and np.array_equal(scores, local_scores)


def test_ray_rows_equal_local_rows_with_progress_log_and_resume(local_ray, local_report, example_index,
                                                                  tmp_path, capsys):
    """Two workers, through the CLI; then a run resumed from a log the Ray engine left."""
    from vericlaim.cli import main
    from vericlaim.progress import progress_path

    out = tmp_path / "ray.csv"
    code = main(["check", str(EXAMPLES / "articles"), "--index", str(example_index), "--out", str(out),
                 "--engine", "ray", "--workers", "2"])
    assert code == 0
    assert out.read_bytes() == local_report.read_bytes()
    err = capsys.readouterr().err
    assert "checked 12 claims" in err and "WARNING" not in err and "Loading weights" not in err

    # an interrupted run: the log holds the first article only; --resume finishes the rest on Ray
    local_lines = [json.loads(line) for line in _log_of_local_run(example_index, tmp_path)]
    resumed = tmp_path / "resumed.csv"
    progress_path(resumed).write_text(json.dumps(local_lines[0]) + "\n")
    code = main(["check", str(EXAMPLES / "articles"), "--index", str(example_index), "--out", str(resumed),
                 "--engine", "ray", "--resume", "-q"])
    assert code == 0
    assert resumed.read_bytes() == local_report.read_bytes()
    assert not progress_path(resumed).exists()


def test_ray_claim_list_equals_local(local_ray, example_index, tmp_path):
    import vericlaim
    from vericlaim.ray_engine import RayOptions

    claims = tmp_path / "claims.csv"
    claims.write_text("id,claim\nc1,About 30 rockets hit Camp Alder near Marsel.\n"
                      "c2,The attack killed 40 civilian contractors at the base.\n"
                      "c3,\nc4,The Tessel dam collapsed.\n")
    local = vericlaim.check_claims(claims, example_index, out=tmp_path / "local.csv")
    on_ray = vericlaim.check_claims(claims, example_index, out=tmp_path / "ray.csv", ray=RayOptions(workers=1))
    assert (tmp_path / "ray.csv").read_bytes() == (tmp_path / "local.csv").read_bytes()
    assert on_ray.counts() == local.counts() and sum(local.counts().values()) == 3
    assert [e.line for e in on_ray.errors] == [e.line for e in local.errors] == [4]  # the empty claim


def test_without_ray_the_cli_says_what_to_install(example_index, tmp_path, monkeypatch, capsys):
    import sys

    from vericlaim.cli import main

    monkeypatch.setitem(sys.modules, "ray", None)
    code = main(["check", str(EXAMPLES / "articles"), "--index", str(example_index),
                 "--out", str(tmp_path / "r.csv"), "--engine", "ray", "-q"])
    assert code == 2
    assert "pip install 'vericlaim[ray]'" in capsys.readouterr().err


def _log_of_local_run(index, tmp_path) -> list[str]:
    """The progress-log lines an uninterrupted local run writes (read before they are removed)."""
    import vericlaim
    from vericlaim.report import verdict_row

    result = vericlaim.check(EXAMPLES / "articles", index)
    by_article: dict[str, list[dict]] = {}
    for verdict in result.verdicts:
        by_article.setdefault(verdict.claim.article_id, []).append(verdict_row(verdict))
    return [json.dumps({"article_id": key, "rows": rows}) for key, rows in by_article.items()]

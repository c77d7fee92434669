"""The ONNX backend: the default `auto` export agrees with torch, is cached, and falls back cleanly."""

import contextlib
import io
import json
import sys
from pathlib import Path

import pytest
from conftest import ROOT, bundled_model_or_skip

from vericlaim.models.nli import NLIScorer

SNLI_SAMPLE = ROOT.parent / "shared" / "data" / "snli_dev_sample.jsonl"


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    """An explicit export, made with stderr captured to show the tracer stays quiet."""
    bundled_model_or_skip()
    from vericlaim.models.onnx_backend import export_onnx

    captured = io.StringIO()
    with contextlib.redirect_stderr(captured):
        folder = export_onnx("vericlaim/nli-minilm-l6", tmp_path_factory.mktemp("onnx"))
    return folder, captured.getvalue()


@pytest.fixture(scope="module")
def default_export():
    """The cached export `check` uses by default (made on first use, e.g. by `make install`)."""
    from vericlaim.models.onnx_cache import ensure_export

    return ensure_export(str(bundled_model_or_skip()))


def test_the_default_backend_is_the_checked_onnx_export():
    from vericlaim.config import Config
    from vericlaim.models.loader import load_nli

    bundled_model_or_skip()
    assert Config().nli_backend == "auto"
    scorer = load_nli("vericlaim/nli-minilm-l6", 192, "auto")
    assert scorer.backend == "onnx"
    assert scorer.path == str(bundled_model_or_skip())  # the model card is still found beside the model


def test_the_recorded_check_covers_the_snli_sample(default_export):
    folder, check = default_export
    assert check.passed and check.agreement >= 0.999, check
    recorded = json.loads((folder / "check.json").read_text())
    assert recorded["agreeing"] == check.agreeing
    if SNLI_SAMPLE.is_file():
        # The cache is keyed by the model's content, so the export may have been checked from
        # another checkout of the repository: compare the data file, not its absolute path.
        assert Path(check.data).name == SNLI_SAMPLE.name and check.pairs >= 1000


def test_onnx_gives_torch_labels_on_snli_pairs(default_export):
    """Re-measured here (a slice, for time), not only read back from the record."""
    from vericlaim.models.onnx_backend import OnnxNLIScorer
    from vericlaim.models.onnx_cache import check_pairs

    pairs = check_pairs()[0][:240]
    torch_scores = NLIScorer("vericlaim/nli-minilm-l6").predict(pairs, 64)
    onnx_scores = OnnxNLIScorer(str(default_export[0])).predict(pairs, 64)
    assert [s.label for s in torch_scores] == [s.label for s in onnx_scores]
    assert max(abs(a.entailment - b.entailment) for a, b in zip(torch_scores, onnx_scores, strict=True)) < 1e-3


def test_a_recorded_check_is_not_run_again(default_export, monkeypatch):
    from vericlaim.models import onnx_backend
    from vericlaim.models.onnx_cache import ensure_export

    def no_export(*args, **kwargs):
        raise AssertionError("exported again although the cache holds a checked export")

    monkeypatch.setattr(onnx_backend, "export_onnx", no_export)
    assert ensure_export(str(bundled_model_or_skip())) == default_export


def test_without_onnxruntime_check_falls_back_to_torch_with_one_line(monkeypatch, capsys):
    from vericlaim.models.loader import _auto

    bundled_model_or_skip()
    monkeypatch.setitem(sys.modules, "onnxruntime", None)  # import fails as if not installed
    scorer = _auto("vericlaim/nli-minilm-l6", 192)
    assert scorer.backend == "torch"
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 1 and "pip install 'vericlaim[onnx]'" in lines[0]


def test_an_unwritable_cache_falls_back_to_torch(monkeypatch, capsys, tmp_path):
    from vericlaim.models.loader import _auto

    bundled_model_or_skip()
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    monkeypatch.setenv("VERICLAIM_CACHE", str(blocker))
    assert _auto("vericlaim/nli-minilm-l6", 192).backend == "torch"
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 1 and "NLI runs on torch" in lines[0]


def test_export_is_quiet_without_verbose(exported):
    _, stderr = exported
    assert "TracerWarning" not in stderr and "Loading weights" not in stderr, stderr


def test_an_export_keeps_the_tuned_thresholds_of_its_source(exported):
    from vericlaim.config import Config

    source = Config.from_env(nli_model="vericlaim/nli-minilm-l6")
    assert Config.from_env(nli_model=str(exported[0]), nli_backend="onnx").contradict_threshold == (
        source.contradict_threshold)

"""The ONNX backend must agree with torch on the SNLI sample (label agreement >= 98%)."""

from pathlib import Path

import pytest
from conftest import ROOT, bundled_model_or_skip

from vericlaim.models.nli import NLIScorer
from vericlaim.models.nli_data import read_nli_file

SNLI_SAMPLE = ROOT.parent / "shared" / "data" / "snli_dev_sample.jsonl"


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    bundled_model_or_skip()
    from vericlaim.models.onnx_backend import export_onnx

    return export_onnx("vericlaim/nli-minilm-l6", tmp_path_factory.mktemp("onnx"))


def test_onnx_agrees_with_torch_on_snli_sample(exported):
    from vericlaim.models.onnx_backend import OnnxNLIScorer

    if not Path(SNLI_SAMPLE).is_file():
        pytest.skip(f"{SNLI_SAMPLE} not found (../shared is beside the project in CI)")
    pairs = [(p.premise, p.hypothesis) for p in read_nli_file(SNLI_SAMPLE)]
    torch_labels = [s.label for s in NLIScorer("vericlaim/nli-minilm-l6").predict(pairs, 64)]
    onnx_labels = [s.label for s in OnnxNLIScorer(str(exported)).predict(pairs, 64)]
    agreement = sum(a == b for a, b in zip(torch_labels, onnx_labels, strict=False)) / len(pairs)
    assert agreement >= 0.98, agreement


def test_an_export_keeps_the_tuned_thresholds_of_its_source(exported):
    from vericlaim.config import Config

    source = Config.from_env(nli_model="vericlaim/nli-minilm-l6")
    assert Config.from_env(nli_model=str(exported), nli_backend="onnx").contradict_threshold == (
        source.contradict_threshold)

"""A missing optional piece gives one line saying what to install, not a stack trace."""

import sys

import pytest

from vericlaim.optional import MissingDependencyError, require


def test_missing_onnxruntime_says_what_to_install(monkeypatch):
    monkeypatch.setitem(sys.modules, "onnxruntime", None)  # import now raises ImportError
    with pytest.raises(MissingDependencyError, match=r"vericlaim\[onnx\]"):
        require("onnxruntime")


def test_missing_spacy_pipeline_falls_back_and_says_how_to_install(monkeypatch, capsys):
    from vericlaim.claims import parser

    parser.load_parser.cache_clear()
    monkeypatch.setattr(parser, "PIPELINES", ("no_such_pipeline_xx",))
    try:
        assert parser.load_parser() is None
        assert "spacy download en_core_web_sm" in capsys.readouterr().err
        from vericlaim.claims.quantities import extract_quantities
        found = extract_quantities("The raid killed 25 fighters.")  # word distance still works
        assert [(q.low, q.counted, q.event) for q in found] == [(25, "fighters", "killed")]
    finally:
        parser.load_parser.cache_clear()

import csv
import json

import pytest

from vericlaim.records import Claim, Document, Evidence, Passage, Verdict
from vericlaim.report import COLUMNS, FORMULA_PREFIXES, atomic_write, neutralise, write_report


def _verdict(text="=SUM(A1:A9) rockets"):
    claim = Claim("a", "a:1", text, 0, len(text), ("quantity",))
    passage = Passage("r", "r#0", "+cmd|' /C calc'!A0", 0, 10)
    ev = Evidence(passage, Document("r", "@title", "", "-source", "2019-12-28"), 0.8, 0.1, 0.7, 0.2)
    return Verdict(claim, "contradicted", 0.9, ev, None, "reason")


@pytest.mark.parametrize("prefix", FORMULA_PREFIXES)
def test_every_formula_prefix_is_neutralised(prefix):
    assert neutralise(prefix + "x") == "'" + prefix + "x"
    assert neutralise("safe " + prefix) == "safe " + prefix


def test_csv_has_all_columns_and_no_live_formulas(tmp_path):
    out = tmp_path / "report.csv"
    assert write_report([_verdict()], out) == 1
    rows = list(csv.DictReader(out.open()))
    assert list(rows[0]) == COLUMNS
    for column in ("claim", "evidence", "evidence_title", "evidence_source"):
        assert not rows[0][column].startswith(("=", "+", "-", "@"))
    assert rows[0]["verdict"] == "contradicted"


def test_jsonl_same_rows(tmp_path):
    out = tmp_path / "report.jsonl"
    write_report([_verdict("A plain claim about 5 rockets")], out, "jsonl")
    row = json.loads(out.read_text().splitlines()[0])
    assert set(row) == set(COLUMNS) and row["claim"] == "A plain claim about 5 rockets"


def test_atomic_write_keeps_old_file_on_failure(tmp_path):
    out = tmp_path / "report.csv"
    out.write_text("old")

    def broken(handle):
        handle.write("half")
        raise RuntimeError("disk on fire")

    with pytest.raises(RuntimeError):
        atomic_write(out, broken)
    assert out.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["report.csv"]

"""``check --claims``: claim lists in CSV, JSONL and TXT, checked exactly as written."""

from __future__ import annotations

import csv
import json

import pytest
from conftest import bundled_model_or_skip

from vericlaim.corpora.claim_lists import ClaimRow, read_claim_list
from vericlaim.corpora.readers import InputPathError
from vericlaim.records import InputError

CLAIMS = [
    ("c-1", "About 30 rockets hit Camp Alder on Friday.", "2019-12-28"),
    ("c-2", "Polar bear numbers are increasing.", ""),
    ("c-3", "The weather was nice.", ""),  # not check-worthy, but asked: still answered
]


def _write_csv(path, rows, header=("id", "claim", "date", "source", "context")):
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def _read(path):
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


# --- reading (no models) -------------------------------------------------------------------------

def test_csv_rows_keep_ids_text_and_optional_columns(tmp_path):
    path = _write_csv(tmp_path / "list.csv", [
        ("a1", "  Six soldiers were wounded.  ", "28 December 2019", "Wire", "Camp Alder attack"),
        ("a2", "Ten rockets were fired.", "", "", ""),
    ])
    rows = list(read_claim_list(path))
    assert rows[0] == ClaimRow("a1", "Six soldiers were wounded.", "2019-12-28", "Wire", "Camp Alder attack",
                               f"{path}:2")
    assert rows[1].id == "a2" and rows[1].date == "" and rows[1].context == ""


def test_bad_rows_are_errors_with_line_numbers_and_the_rest_is_read(tmp_path):
    path = _write_csv(tmp_path / "list.csv", [
        ("a1", "Ten rockets were fired.", "", "", ""),
        ("a2", "   ", "", "", ""),                    # empty claim
        ("a1", "Twelve rockets were fired.", "", "", ""),  # duplicate id
        ("a3", "Nine rockets were fired.", "", "", ""),
    ])
    records = list(read_claim_list(path))
    errors = [r for r in records if isinstance(r, InputError)]
    assert [r.id for r in records if isinstance(r, ClaimRow)] == ["a1", "a3"]
    assert [(e.line, e.reason.split(" ")[0]) for e in errors] == [(3, "empty"), (4, "duplicate")]
    assert "first at" in errors[1].reason and str(path) == errors[1].path


def test_csv_without_claim_column_is_one_error(tmp_path):
    path = _write_csv(tmp_path / "list.csv", [("a1", "x")], header=("id", "text"))
    (error,) = list(read_claim_list(path))
    assert isinstance(error, InputError) and "'claim'" in error.reason and error.line == 1


def test_jsonl_and_txt(tmp_path):
    jsonl = tmp_path / "list.jsonl"
    jsonl.write_text('{"id": "j1", "claim": "Ten rockets were fired."}\n'
                     'not json\n\n{"claim": ""}\n["a list"]\n{"Claim": "Upper-case column."}\n',
                     encoding="utf-8")
    records = list(read_claim_list(jsonl))
    assert [r.id for r in records if isinstance(r, ClaimRow)] == ["j1", "list:6"]
    assert [(e.line, e.reason) for e in records if isinstance(e, InputError)] == [
        (2, "malformed JSON: Expecting value"), (4, "empty claim"), (5, "JSON line is not an object")]
    txt = tmp_path / "claims.txt"
    txt.write_text("Ten rockets were fired.\n\nThe vaccine contains microchips.\n", encoding="utf-8")
    assert [(r.id, r.text) for r in read_claim_list(txt)] == [
        ("claims:1", "Ten rockets were fired."), ("claims:3", "The vaccine contains microchips.")]


def test_missing_file_is_a_usage_error(tmp_path):
    with pytest.raises(InputPathError):
        list(read_claim_list(tmp_path / "nope.csv"))


# --- checking (real models, the example index) ---------------------------------------------------

def test_check_claims_one_row_per_claim_ids_and_text_kept(tmp_path, example_index):
    bundled_model_or_skip()
    import vericlaim

    path = _write_csv(tmp_path / "list.csv", [(i, t, d, "", "") for i, t, d in CLAIMS]
                      + [("c-4", "", "", "", ""), ("c-1", "A duplicate.", "", "", "")])
    out = tmp_path / "report.csv"
    result = vericlaim.check_claims(path, example_index, out=out)
    rows = _read(out)
    assert [(r["claim_id"], r["article_id"], r["claim"]) for r in rows] == [(i, i, t) for i, t, _ in CLAIMS]
    assert all(0.0 <= float(r["checkworthiness"]) <= 1.0 for r in rows)
    assert rows[0]["verdict"] == "supported"  # the example reports count about 30 rockets
    errors = _read(tmp_path / "vericlaim-errors.csv")
    assert [(e["line"], e["reason"].split(" ")[0]) for e in errors] == [("5", "empty"), ("6", "duplicate")]
    assert len(result.failed) == 2


def test_check_claims_jsonl_txt_and_cli(tmp_path, example_index):
    bundled_model_or_skip()
    from vericlaim.cli import main

    jsonl = tmp_path / "list.jsonl"
    jsonl.write_text("".join(json.dumps({"id": i, "claim": t}) + "\n" for i, t, _ in CLAIMS), encoding="utf-8")
    txt = tmp_path / "list.txt"
    txt.write_text("\n".join(t for _, t, _ in CLAIMS) + "\n", encoding="utf-8")
    for source, ids in ((jsonl, [i for i, _, _ in CLAIMS]), (txt, ["list:1", "list:2", "list:3"])):
        out = tmp_path / f"{source.suffix[1:]}-report.jsonl"
        assert main(["check", "-q", "--claims", str(source), "--index", str(example_index),
                     "--out", str(out), "--format", "jsonl"]) == 0
        rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
        assert [r["claim_id"] for r in rows] == ids
        assert [r["claim"] for r in rows] == [t for _, t, _ in CLAIMS]
    assert main(["check", "--claims", str(txt), str(txt), "--index", str(example_index)]) == 2


def test_check_claims_resume_gives_the_uninterrupted_report(tmp_path, example_index, monkeypatch):
    bundled_model_or_skip()
    import vericlaim
    from vericlaim import pipeline
    from vericlaim.progress import progress_path

    path = _write_csv(tmp_path / "list.csv", [(i, t, d, "", "") for i, t, d in CLAIMS])
    expected = _read(vericlaim.check_claims(path, example_index, out=tmp_path / "full.csv").report_path)

    out = tmp_path / "report.csv"
    monkeypatch.setattr(pipeline, "CLAIMS_PER_BATCH", 1)
    real = pipeline._verify_batch
    calls = []

    def dies_on_third(claims, store, config):
        calls.append(1)
        if len(calls) == 3:
            raise KeyboardInterrupt
        return real(claims, store, config)

    monkeypatch.setattr(pipeline, "_verify_batch", dies_on_third)
    with pytest.raises(KeyboardInterrupt):
        vericlaim.check_claims(path, example_index, out=out)
    assert not out.exists() and len(progress_path(out).read_text().splitlines()) == 2
    monkeypatch.setattr(pipeline, "_verify_batch", real)
    vericlaim.check_claims(path, example_index, out=out, resume=True)
    assert _read(out) == expected

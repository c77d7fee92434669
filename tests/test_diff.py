"""`vericlaim diff`: claims whose verdict, evidence or confidence changed between two reports."""

import csv
import dataclasses
import io
import subprocess
import sys

from vericlaim.diff import DIFF_COLUMNS, diff_reports, to_csv, to_markdown
from vericlaim.report import write_rows
from vericlaim.report_read import ReportRow, read_report


def _rows():
    return [
        ReportRow("a", "a:1", "Nine rockets hit the base.", "supported", 0, 26, confidence=0.81,
                  evidence="Nine rockets struck the base.", evidence_doc_id="wire", reason="numbers agree"),
        ReportRow("a", "a:2", "Two soldiers were wounded.", "unverified", 27, 53, confidence=0.40,
                  reason_code="NO_EVIDENCE"),
        ReportRow("a", "a:3", "The base | hosts 1,200 troops.", "contradicted", 54, 84, confidence=0.70,
                  evidence="The base hosts 800 troops.", evidence_doc_id="gazette"),
        ReportRow("b", "b:1", "=1+1 drones were shot down.", "supported", 0, 27, confidence=0.66),
    ]


def test_each_kind_of_change_is_found_and_nothing_else():
    old = _rows()
    new = [
        dataclasses.replace(old[0], confidence=0.815),  # within the tolerance: no change
        dataclasses.replace(old[1], verdict="contradicted", reason="claim says 2; evidence says 5",
                            evidence="Five soldiers were wounded.", evidence_doc_id="wire", confidence=0.72),
        dataclasses.replace(old[2], claim_id="a:4", evidence_doc_id="monitor"),  # renumbered, other source
        ReportRow("b", "b:2", "A new claim.", "unverified"),
    ]
    changes = diff_reports(old, new)
    summary = [(c.change, c.what, c.row.claim_id) for c in changes]
    assert summary == [
        ("changed", ("verdict", "evidence", "confidence"), "a:2"),
        ("changed", ("evidence",), "a:4"),
        ("added", (), "b:2"),
        ("removed", (), "b:1"),
    ]
    assert diff_reports(old, old) == []
    assert [c.what for c in diff_reports(old, new, tolerance=0.001)][0] == ("confidence",)


def test_csv_is_spreadsheet_safe_and_markdown_escapes_cells():
    old = _rows()
    new = [dataclasses.replace(r, verdict="unverified") for r in old]
    changes = diff_reports(old, new)
    rows = list(csv.DictReader(io.StringIO(to_csv(changes))))
    assert list(rows[0]) == DIFF_COLUMNS and len(rows) == 3  # one row was unverified already
    assert rows[-1]["claim"] == "'=1+1 drones were shot down."
    assert rows[0]["old_verdict"] == "supported" and rows[0]["new_verdict"] == "unverified"
    markdown = to_markdown(changes, "old.csv", "new.csv", compared=4)
    assert "4 claims in both reports; 3 changed (3 verdict, 0 evidence, 0 confidence), 0 added, 0 removed." in markdown
    assert "| supported | unverified | 2 |" in markdown
    assert "The base \\| hosts 1,200 troops." in markdown


def test_cli_reads_written_reports(tmp_path):
    from vericlaim.report import COLUMNS

    def write(path, rows):
        write_rows([{c: getattr(r, c) for c in COLUMNS} for r in rows], path)

    old, new = tmp_path / "old.csv", tmp_path / "new.jsonl"
    write(old, _rows())
    changed = _rows()
    changed[0] = dataclasses.replace(changed[0], verdict="contradicted")
    write_rows([{c: getattr(r, c) for c in COLUMNS} for r in changed], new, "jsonl")
    assert read_report(new)[3].claim == "=1+1 drones were shot down."
    run = subprocess.run([sys.executable, "-m", "vericlaim", "diff", str(old), str(new), "--format", "md"],
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 1, run.stderr  # as diff(1): the reports differ
    assert "| supported | contradicted | 1 |" in run.stdout and "1 claims differ" in run.stderr
    run = subprocess.run([sys.executable, "-m", "vericlaim", "diff", str(old), str(tmp_path / "missing.csv")],
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 2 and "missing.csv" in run.stderr


def test_exit_status_follows_diff(tmp_path, capsys):
    """0 when no claim differs (confidence within the tolerance), 1 when some do, 2 on trouble."""
    from vericlaim.cli import main
    from vericlaim.report import COLUMNS

    def write(name, rows, fmt="csv"):
        path = tmp_path / name
        write_rows([{c: getattr(r, c) for c in COLUMNS} for r in rows], path, fmt)
        return str(path)

    old = write("old.csv", _rows())
    same = write("same.jsonl", [dataclasses.replace(r, confidence=r.confidence + 0.005) for r in _rows()], "jsonl")
    assert main(["diff", old, same]) == 0
    out, err = capsys.readouterr()
    assert out.strip() == ",".join(DIFF_COLUMNS) and "0 claims differ" in err
    assert main(["diff", old, same, "--tolerance", "0.001"]) == 1
    assert main(["diff", old, write("fewer.csv", _rows()[:3])]) == 1
    assert main(["diff", old, write("empty.csv", [])]) == 1  # a report of no claims: all removed
    capsys.readouterr()

    (tmp_path / "foreign.csv").write_text("id,title,text\n")  # an articles file, no rows
    (tmp_path / "blank.csv").write_text("")
    (tmp_path / "bad.jsonl").write_text('{"article_id": "a"\n')
    (tmp_path / "latin1.csv").write_bytes("article_id,claim_id,claim,verdict\na,a:1,caf\xe9,supported\n"
                                          .encode("latin-1"))
    for name, problem in [("missing.csv", "cannot read"), ("foreign.csv", "no column(s)"),
                          ("blank.csv", "empty file"), ("bad.jsonl", "bad.jsonl:1: malformed JSON"),
                          ("latin1.csv", "not UTF-8"), (".", "cannot read")]:
        path = str(tmp_path / name)
        assert main(["diff", old, path]) == 2, name
        assert main(["diff", path, old]) == 2, name
        out, err = capsys.readouterr()
        assert out == "", name
        lines = err.splitlines()
        assert len(lines) == 2 and all(line.startswith(f"vericlaim: error: {tmp_path / name}") for line in lines), err
        assert problem in lines[0], err

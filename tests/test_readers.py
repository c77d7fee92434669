import json
import re

import pytest

from vericlaim.corpora import InputPathError, read_documents
from vericlaim.records import Document, InputError


def _split(path):
    records = list(read_documents(path))
    return ([r for r in records if isinstance(r, Document)],
            [r for r in records if isinstance(r, InputError)])


def test_text_folder_title_body_dateline(tmp_path):
    (tmp_path / "a.txt").write_text(
        "Rockets hit base\nKirkuk, 28 December 2019 (Wire desk) - Ten rockets hit the base.\n")
    (tmp_path / "b.md").write_text("# Second\n\nBody text here.\n")
    docs, errors = _split(tmp_path)
    assert errors == []
    assert [d.id for d in docs] == ["a", "b"]
    assert docs[0].title == "Rockets hit base"
    assert docs[0].date == "2019-12-28" and docs[0].source == "Wire desk"
    assert docs[1].title == "Second" and docs[1].text == "Body text here."


def test_jsonl_with_optional_columns_and_bad_lines(tmp_path):
    path = tmp_path / "docs.jsonl"
    path.write_text("\n".join([
        json.dumps({"id": "1", "title": "T", "text": "Body one.", "source": "AP", "date": "Dec 28, 2019"}),
        "{not json",
        json.dumps({"id": "2", "title": "T2"}),
        json.dumps({"id": "3", "title": "T3", "text": "Body three.", "url": "http://x"}),
    ]) + "\n")
    docs, errors = _split(path)
    assert [d.id for d in docs] == ["1", "3"]
    assert docs[0].date == "2019-12-28" and docs[0].source == "AP"
    assert docs[1].url == "http://x"
    assert {(e.line, e.reason.split(":")[0]) for e in errors} == {
        (2, "malformed JSON"), (3, "missing column(s)")}


def test_csv_missing_column_is_one_error(tmp_path):
    path = tmp_path / "docs.csv"
    path.write_text("id,title\n1,T\n")
    docs, errors = _split(path)
    assert docs == [] and len(errors) == 1 and "missing column(s): text" in errors[0].reason


def test_csv_rows(tmp_path):
    path = tmp_path / "docs.csv"
    path.write_text('id,title,text,source\n1,T,"Body, with comma.",AP\n2,T2,Body two.,BBC,extra\n')
    docs, errors = _split(path)
    assert [d.text for d in docs] == ["Body, with comma."]
    assert errors[0].line == 3 and "more fields" in errors[0].reason


def test_bad_files_named_and_rest_kept(tmp_path):
    (tmp_path / "good.txt").write_text("Title\nA good body.\n")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02binary")
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "latin.txt").write_bytes("Title\nCaf\xe9 body.\n".encode("latin-1"))
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    docs, errors = _split(tmp_path)
    assert sorted(d.id for d in docs) == ["good", "latin"]
    reasons = {e.path.split("/")[-1]: e.reason for e in errors}
    assert "binary" in reasons["binary.txt"]
    assert reasons["empty.txt"] == "empty file"
    assert reasons["latin.txt"].startswith("warning: not UTF-8")
    assert "unsupported file type" in reasons["image.png"]
    assert next(d for d in docs if d.id == "latin").text == "Café body."


def test_duplicate_ids_reported(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "x.txt").write_text("T\nOne.\n")
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "x.txt").write_text("T\nTwo.\n")
    docs, errors = _split(tmp_path)
    assert [d.text for d in docs] == ["One."]
    assert "duplicate document id 'x'" in errors[0].reason


def test_single_text_file_and_missing_path(tmp_path):
    path = tmp_path / "one file.txt"
    path.write_text("Title\nBody.\n")
    docs, _ = _split(path)
    assert docs[0].id == "one file"
    with pytest.raises(InputPathError):
        list(read_documents(tmp_path / "nope"))


def test_one_json_lines_loop_and_each_reader_names_file_and_line(tmp_path):
    """Articles, reports and NLI data read JSON lines with ``json_lines``; each words its own errors."""
    from vericlaim.corpora.readers import BadJSONLine, json_lines
    from vericlaim.report_read import ReportReadError, read_report
    from vericlaim.training.nli_data import NLIDataError, read_nli_file

    items = list(json_lines(['{"a": 1}\n', "  \n", "{nope\n", "[1, 2]\n", '{"b": 2}']))
    assert items[0] == (1, {"a": 1}) and items[-1] == (5, {"b": 2})
    assert [(i.number, i.error is None) for i in items if isinstance(i, BadJSONLine)] == [(3, False), (4, True)]
    assert items[1].error.msg == "Expecting property name enclosed in double quotes"

    # a file is read line by line as it goes: a U+2028 inside a string is not a line break
    report = tmp_path / "report.jsonl"
    row = {"article_id": "a", "claim_id": "a:1", "claim": "Nine\u2028rockets.", "verdict": "supported"}
    report.write_text(json.dumps(row, ensure_ascii=False) + "\n\n", encoding="utf-8")
    assert [r.claim for r in read_report(report)] == ["Nine\u2028rockets."]
    pairs = tmp_path / "pairs.jsonl"
    pairs.write_text(json.dumps({"premise": "Nine\u2028rockets hit.", "hypothesis": "Rockets hit.",
                                 "label": "entailment"}, ensure_ascii=False) + "\n", encoding="utf-8")
    assert [p.label for p in read_nli_file(pairs)] == ["entailment"]

    for bad, report_error, nli_error, article_error in [
        ("{nope", "malformed JSON (Expecting", "not JSON (Expecting", "malformed JSON: Expecting"),
        ("[1, 2]", "not a JSON object", "not a JSON object", "JSON line is not an object"),
    ]:
        for path in (report, pairs):
            good = path.read_text(encoding="utf-8").split("\n")[0]  # not splitlines(): U+2028
            path.write_text(good + "\n\n" + bad + "\n", encoding="utf-8")
        with pytest.raises(ReportReadError, match=rf"^{re.escape(f'{report}:3: {report_error}')}"):
            read_report(report)
        with pytest.raises(NLIDataError, match=rf"^{re.escape(f'{pairs}:3: {nli_error}')}"):
            read_nli_file(pairs)
        articles = tmp_path / "articles.jsonl"
        articles.write_text(json.dumps({"id": "1", "title": "T", "text": "Body."}) + "\n\n" + bad + "\n")
        docs, errors = _split(articles)
        assert [d.id for d in docs] == ["1"]
        assert [(e.path, e.line) for e in errors] == [(str(articles), 3)] and errors[0].reason.startswith(article_error)


def test_line_separators_inside_a_text_field_are_text(tmp_path):
    """JSON and CSV allow U+2028/U+2029/U+0085 inside a string: they must not split a record."""
    body = "Nine rockets\u2028hit the base.\u0085 Two were\u2029intercepted."
    jsonl = tmp_path / "a.jsonl"
    jsonl.write_text(json.dumps({"id": "a1", "title": "T", "text": body}, ensure_ascii=False) + "\n",
                     encoding="utf-8")
    table = tmp_path / "b.csv"
    table.write_text(f'id,title,text\nb1,T,"{body}"\n', encoding="utf-8")
    for path in (jsonl, table):
        docs, errors = _split(path)
        assert errors == [] and [d.text for d in docs] == [body], path

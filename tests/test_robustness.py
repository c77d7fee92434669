"""Fault injection, crash/resume and property tests for large unattended batches."""

import csv
import json
import os
import signal
import subprocess
import sys
import time

import pytest
from conftest import bundled_model_or_skip
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vericlaim.claims import extract_claims
from vericlaim.corpora import read_documents
from vericlaim.records import Document

PLACES = ["Marsel", "Brenn", "Varsk", "Terin", "Qasra"]


def _article(i):
    return f"Article {i}\n{i % 40 + 2} soldiers were wounded in an attack near {PLACES[i % 5]}.\n"


def _poisoned_batch(folder):
    """950 good articles and 50 poisoned inputs of every kind; returns the poisoned names."""
    folder.mkdir()
    poisoned = set()
    good = 0
    for i in range(900):
        name = f"good {i:04d}.txt" if i % 3 else f"bon-été-{i:04d}.txt"  # spaces, non-ASCII
        (folder / name).write_text(_article(i))
        good += 1
    (folder / "long-sentence.txt").write_text("Long\n" + "The army sent troops " * 1250 + ".\n")
    good += 1
    for i in range(10):
        (folder / f"empty-{i}.txt").write_text("")
        poisoned.add(f"empty-{i}.txt")
        (folder / f"binary-{i}.txt").write_bytes(b"\x7fELF\x00\x00\x01" * 50)
        poisoned.add(f"binary-{i}.txt")
    for i in range(5):
        (folder / f"latin1-{i}.txt").write_bytes(f"Title\nCaf\xe9 owner said {i + 3} soldiers were wounded.\n"
                                                 .encode("latin-1"))
        poisoned.add(f"latin1-{i}.txt")
    (folder / "huge-no-newline.txt").write_text("x" * (10 * 1024 * 1024))
    poisoned.add("huge-no-newline.txt")
    lines = [json.dumps({"id": f"j{i}", "title": "T", "text": f"{i + 2} rockets hit the base."}) for i in range(25)]
    lines += ["{broken json"] * 8
    (folder / "batch.jsonl").write_text("\n".join(lines) + "\n")
    poisoned |= {f"batch.jsonl:{26 + k}" for k in range(8)}
    rows = ["id,title,text"] + [f"c{i},T,{i + 2} drones were shot down." for i in range(24)]
    rows += [f"cbad{i},T" for i in range(4)] + [f"cextra{i},T,text,extra" for i in range(4)]
    (folder / "batch.csv").write_text("\n".join(rows) + "\n")
    poisoned |= {f"batch.csv:{26 + k}" for k in range(8)}
    (folder / "dupes").mkdir()
    for i in (1, 2, 4, 5, 7):  # ids that exist at the top level ("good 0001" ...)
        (folder / "dupes" / f"good {i:04d}.txt").write_text(_article(i))
        poisoned.add(f"dupes/good {i:04d}.txt")
    for i in range(2):
        os.symlink(folder / f"missing-{i}.txt", folder / f"dangling-{i}.txt")
        poisoned.add(f"dangling-{i}.txt")
    os.symlink(folder, folder / "dupes" / "loop")
    poisoned.add("dupes/loop")
    good += 25 + 24
    return poisoned, good


def test_fault_injection_batch(example_index, tmp_path):
    bundled_model_or_skip()
    folder = tmp_path / "batch"
    poisoned, good = _poisoned_batch(folder)
    assert len(poisoned) == 50 and good == 950
    out = tmp_path / "out" / "report.csv"
    result = subprocess.run(
        [sys.executable, "-m", "vericlaim", "check", str(folder), "--index", str(example_index),
         "--out", str(out), "--top-k", "1", "-q"], capture_output=True, text=True, timeout=900)
    assert result.returncode == 1, result.stderr[-2000:]
    reported = {row["article_id"] for row in csv.DictReader(out.open(encoding="utf-8"))}
    expected_good = {p.stem for p in folder.glob("*.txt") if p.name.startswith(("good", "bon"))}
    expected_good |= {"long-sentence"} | {f"j{i}" for i in range(25)} | {f"c{i}" for i in range(24)}
    assert len(expected_good) == 950
    assert expected_good <= reported
    errors = list(csv.DictReader((out.parent / "vericlaim-errors.csv").open(encoding="utf-8")))
    named = set()
    for row in errors:
        relative = os.path.relpath(row["file"].split(":")[0], folder)
        named.add(f"{relative}:{row['line']}" if row["line"] else relative)
    assert poisoned <= named, poisoned - named


def _check_cmd(folder, index, out, *extra):
    return [sys.executable, "-m", "vericlaim", "check", str(folder), "--index", str(index),
            "--out", str(out), "--top-k", "2", "-q", *extra]


def _rows(path):
    return list(csv.DictReader(path.open(encoding="utf-8")))


def _same_rows(a, b):
    assert len(a) == len(b)
    for x, y in zip(a, b, strict=False):
        for key in x:
            if key in ("confidence", "entailment", "contradiction", "neutral", "evidence_score") and x[key]:
                assert float(x[key]) == pytest.approx(float(y[key]), abs=2e-3), key
            else:
                assert x[key] == y[key], key


def test_sigkill_then_resume_gives_the_uninterrupted_rows(example_index, tmp_path):
    bundled_model_or_skip()
    folder = tmp_path / "articles"
    folder.mkdir()
    for i in range(70):
        (folder / f"a{i:03d}.txt").write_text(_article(i))
    baseline = tmp_path / "baseline.csv"
    subprocess.run(_check_cmd(folder, example_index, baseline), check=True, timeout=600)
    expected = _rows(baseline)
    assert len(expected) == 70
    for kill_after_lines in (0, 16, 48):
        out = tmp_path / f"run{kill_after_lines}" / "report.csv"
        out.parent.mkdir()
        log = out.with_name(f".{out.name}.progress.jsonl")
        process = subprocess.Popen(_check_cmd(folder, example_index, out))
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline and process.poll() is None:
            if log.exists() and log.read_bytes().count(b"\n") >= kill_after_lines:
                break
            time.sleep(0.05)
        process.send_signal(signal.SIGKILL)
        process.wait()
        assert not out.exists(), "the report must only appear when the run is complete"
        subprocess.run(_check_cmd(folder, example_index, out, "--resume"), check=True, timeout=600)
        _same_rows(_rows(out), expected)
        assert not log.exists()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400))
def test_claim_extractor_never_raises(text):
    for claim in extract_claims(Document("x", "t", text, date="2019-12-28")):
        assert text[claim.start:claim.end] == claim.text


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=300), st.sampled_from(["a.txt", "a.jsonl", "a.csv", "a.md"]))
def test_readers_never_raise(tmp_path, data, name):
    path = tmp_path / name
    path.write_bytes(data)
    for record in read_documents(path):
        assert record is not None


def test_a_report_written_inside_the_articles_folder_is_not_read_back(example_index, tmp_path):
    """Report, manifest, progress log and errors file beside the articles are the run's own files."""
    import shutil

    from conftest import EXAMPLES

    import vericlaim

    articles = tmp_path / "articles"
    shutil.copytree(EXAMPLES / "articles", articles)
    elsewhere = vericlaim.check(articles, example_index, out=tmp_path / "report.csv")
    inside = articles / "report.csv"
    for _ in range(2):  # the second run finds the first run's report, manifest and log in the folder
        result = vericlaim.check(articles, example_index, out=inside)
        assert result.errors == []
        assert (tmp_path / "report.csv").read_bytes() == inside.read_bytes()
    assert len(elsewhere.verdicts) == len(result.verdicts) > 0
    # a file that only looks like a report is still the user's input, and still reported
    (articles / "notes.json").write_text("{}")
    assert [e.path for e in vericlaim.check(articles, example_index, out=inside).errors] == [
        str(articles / "notes.json")]

"""Run the real CLI on the bundled example with the real models."""

import csv
import subprocess
import sys

import pytest
from conftest import EXAMPLES, bundled_model_or_skip

from vericlaim.report import COLUMNS


def _cli(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "vericlaim", *map(str, args)], capture_output=True,
                          text=True, cwd=cwd, timeout=600)


def test_help_everywhere():
    for command in ([], ["index"], ["check"], ["claims"], ["train-nli"], ["eval"]):
        result = _cli(*command, "--help")
        assert result.returncode == 0 and "usage: vericlaim" in result.stdout


def test_bad_usage_exits_2(tmp_path):
    assert _cli("check").returncode == 2
    missing = _cli("check", tmp_path / "nope", "--index", tmp_path / "idx")
    assert missing.returncode == 2 and "error:" in missing.stderr


def test_claims_command_lists_claims_on_stdout():
    result = _cli("claims", EXAMPLES / "articles", "--format", "jsonl", "-q")
    assert result.returncode == 0
    lines = result.stdout.strip().splitlines()
    assert len(lines) >= 10 and all(line.startswith("{") for line in lines)
    assert "claims" in result.stderr


@pytest.fixture(scope="module")
def demo_report(example_index, tmp_path_factory):
    bundled_model_or_skip()
    out = tmp_path_factory.mktemp("report") / "report.csv"
    result = _cli("check", EXAMPLES / "articles", "--index", example_index, "--out", out, "-q")
    assert result.returncode == 0, result.stderr
    with out.open() as handle:
        rows = list(csv.DictReader(handle))
    return {row["claim"]: row for row in rows}, rows, out


def test_report_has_every_column(demo_report):
    _, rows, _ = demo_report
    assert list(rows[0]) == COLUMNS


def test_specific_verdicts(demo_report):
    by_claim, _, _ = demo_report
    expected = {
        "The attack killed 12 civilian contractors at the base.": "contradicted",
        "The rockets were launched from a truck parked 50 kilometres west of the base.": "contradicted",
        "Fewer than 10 rockets were fired at Camp Alder on Friday, a local official told the Evening Post.": "contradicted",
        "Four people were killed when a bridge collapsed in the floods.": "contradicted",
        "Six soldiers were wounded in the attack, a coalition spokesman said.": "supported",
        "Coalition aircraft later struck five Kestrel Brigade sites, killing 25 fighters.": "unverified",
        "The Kestrel Brigade receives money from a foreign mining company, local traders say.": "unverified",
    }
    for claim, verdict in expected.items():
        assert by_claim[claim]["verdict"] == verdict, (claim, by_claim[claim]["reason"])
    assert "Many analysts believe the region will never be calm again." not in by_claim
    wounded = by_claim["Six soldiers were wounded in the attack, a coalition spokesman said."]
    assert wounded["evidence_doc_id"] == "varan-gazette-2019-12-29"
    assert wounded["counter_evidence_doc_id"] == "northern-wire-2019-12-28"
    killed = by_claim["The attack killed 12 civilian contractors at the base."]
    assert killed["reason"] == "claim says 12 civilians killed; evidence says 1 civilian killed"


def test_existing_report_needs_force(demo_report, example_index):
    _, _, out = demo_report
    result = _cli("check", EXAMPLES / "articles", "--index", example_index, "--out", out, "-q")
    assert result.returncode == 2 and "--force" in result.stderr


def test_bad_inputs_are_listed_and_batch_goes_on(example_index, tmp_path):
    bundled_model_or_skip()
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "good.txt").write_text("Title\nSix soldiers were wounded in the attack on Camp Alder.\n")
    (articles / "bad.txt").write_bytes(b"\x00\x00binary")
    out = tmp_path / "out" / "report.csv"
    result = _cli("check", articles, "--index", example_index, "--out", out, "-q")
    assert result.returncode == 1
    rows = list(csv.DictReader(out.open()))
    assert [r["article_id"] for r in rows] == ["good"]
    errors = list(csv.DictReader((out.parent / "vericlaim-errors.csv").open()))
    assert errors[0]["file"].endswith("bad.txt") and "binary" in errors[0]["reason"]

"""`vericlaim eval suite`: the real sets' splits, the Check-COVID loader and the metrics."""

from pathlib import Path

import pytest

from vericlaim.eval.real_sets import SPLITS, convert_check_covid
from vericlaim.eval.suite import gold_claims, markdown, score_split
from vericlaim.records import Document, Evidence, Passage

SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "data"


def test_dev_and_heldout_follow_the_issue():
    table = {(s.set_name, s.split): s.upstream for s in SPLITS}
    assert table[("wice", "dev")] == "dev" and table[("wice", "heldout")] == "test"
    assert table[("politihop", "dev")] == "train+valid" and table[("politihop", "heldout")] == "test"
    assert table[("liar_plus", "dev")] == "val2" and table[("liar_plus", "heldout")] == "test2"
    assert table[("fnc1", "dev")] == "all" and ("fnc1", "heldout") not in table


@pytest.mark.skipif(not (SHARED / "check_covid").is_dir(), reason="needs ../shared/data")
def test_check_covid_loader_and_scoring(tmp_path):
    from vericlaim.config import Config
    from vericlaim.eval.real_sets import Split

    convert_check_covid(SHARED, tmp_path, "test")
    gold, claims = gold_claims(tmp_path)
    assert len(gold) == 229 and {g["label"] for g in gold} == {"supported", "contradicted", "unverified"}
    assert claims[0].text == gold[0]["claim"]  # checked as written
    text = "An unrelated sentence about the weather."
    ev = Evidence(Passage("d", "d#0", text, 0, len(text)), Document("d", "t", "", "S"), 0.4, 0.1, 0.1, 0.8)
    data = {"split": Split("check_covid", "heldout", "check_covid", ("test",), "test"), "gold": gold,
            "claims": claims, "evidence": [[ev] for _ in claims], "share_found": None, "seconds": 1.0}
    report = score_split(data, Config())
    assert report["per_class"]["unverified"]["recall"] == 1.0 and report["contradicted_precision"] is None
    assert 0.0 <= report["ece"] <= 1.0
    assert "| check_covid | test | 229 |" in markdown([report])

"""--evidence-until / --undated: nothing published after a claim decides it (issue 12)."""

from vericlaim.config import Config
from vericlaim.pipeline import date_filter
from vericlaim.records import Claim, Document


def _claim(date):
    return Claim("a", "a:1", "Six soldiers were wounded.", 0, 26, ("quantity",), (), date)


def _doc(date):
    return Document("r", "t", "", "S", date)


def test_off_by_default():
    assert date_filter(Config()) is None


def test_article_date_is_the_cut_off_and_undated_reports_follow_the_option():
    keep = date_filter(Config(evidence_until="article"))
    assert keep(_claim("2019-12-29"), _doc("2019-12-29"))
    assert keep(_claim("2019-12-29"), _doc("2019-12-28"))
    assert not keep(_claim("2019-12-29"), _doc("2019-12-30"))
    assert keep(_claim("2019-12-29"), _doc(""))
    assert keep(_claim(""), _doc("2030-01-01"))  # an undated article has no cut-off
    drop = date_filter(Config(evidence_until="article", undated="drop"))
    assert not drop(_claim("2019-12-29"), _doc(""))


def test_fixed_date_on_the_real_example(example_index):
    from conftest import EXAMPLES

    import vericlaim

    config = Config.from_env(evidence_until="2019-12-28")
    result = vericlaim.check(EXAMPLES / "articles", example_index, config=config)
    dates = {v.evidence.doc.date for v in result.verdicts if v.evidence}
    dates |= {e.doc.date for v in result.verdicts for e in v.considered}
    assert dates and max(dates) <= "2019-12-28"
    unfiltered = vericlaim.check(EXAMPLES / "articles", example_index)
    assert max(e.doc.date for v in unfiltered.verdicts for e in v.considered) > "2019-12-28"


def test_cli_rejects_a_bad_date():
    import pytest

    from vericlaim.cli import build_parser

    with pytest.raises(SystemExit):
        build_parser().parse_args(["check", "a", "--index", "i", "--evidence-until", "yesterday"])

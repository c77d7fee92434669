"""Dates resolve against the article's own date, never the machine clock."""

import pytest
from freezegun import freeze_time

from vericlaim.claims.dates import find_dates
from vericlaim.claims.quantities import extract_quantities
from vericlaim.corpora.dateline import parse_dateline

SENTENCES = [
    "The attack on 3 March killed four people.",
    "Rebels withdrew on Friday after talks in February.",
    "Last month the council met; yesterday it voted.",
    "Two days later the convoy left.",
]


def _dates(sentence: str, reference: str = "") -> list[str]:
    return [q.iso for q in extract_quantities(sentence, reference) if q.unit == "date"]


@pytest.mark.parametrize("sentence", SENTENCES)
def test_no_date_comes_from_the_clock(sentence):
    _dates(sentence)  # load the parser before the clock is faked (its imports subclass date)
    with freeze_time("2031-06-15"):
        first = (_dates(sentence), _dates(sentence, "2016-04-10"))
    with freeze_time("2044-01-02"):
        second = (_dates(sentence), _dates(sentence, "2016-04-10"))
    assert first == second


def test_day_and_month_take_the_year_of_the_article_date():
    assert _dates("The attack on 3 March killed four people.", "2016-04-10") == ["2016-03-03"]
    # the latest such day not after the article: December is last year's
    assert _dates("The attack on 27 December killed four people.", "2016-04-10") == ["2015-12-27"]


def test_without_an_article_date_the_year_stays_open():
    assert _dates("The attack on 27 December killed four people.") == ["--12-27"]
    assert _dates("Talks collapsed in February.") == ["--02"]


def test_weekdays_and_months_resolve_against_the_article_date():
    # 2016-04-10 is a Sunday
    assert _dates("Rebels withdrew on Friday.", "2016-04-10") == ["2016-04-08"]
    assert _dates("Rebels withdrew Friday.", "2016-04-10") == ["2016-04-08"]
    assert _dates("Talks collapsed in February.", "2016-04-10") == ["2016-02"]
    assert _dates("Talks collapsed in November.", "2016-04-10") == ["2015-11"]
    assert _dates("Last month the council met.", "2016-04-10") == ["2016-03"]


def test_numeric_dates_day_first():
    assert [m.iso for m in find_dates("on 27-02-2016 and 10.10.2017 and 03/04/2015")] == [
        "2016-02-27", "2017-10-10", "2015-04-03"]


@pytest.mark.parametrize("opening,iso", [
    ("Sun 01 Feb 2015 Regime jets struck the town.", "2015-02-01"),
    ("Published October 12 2016 Rebels shelled the district.", "2016-10-12"),
    ("Date of publication 20 June 2016 Air raids killed 30 people.", "2016-06-20"),
    ("27-02-2016 Army units advanced near the airport.", "2016-02-27"),
    ("10.10.2017(updated 1456 10.10.2017) Get short URL 9427 Ten civilians were killed.", "2017-10-10"),
    ("Posted on August 3 2016 by A. Writer Toxic gas was dropped.", "2016-08-03"),
    ("Last updated at Jun 062016 AMMAN Nearly 50 air strikes hit the city.", "2016-06-06"),
    ("Thu Dec 14 2017 US airstrikes kill 23 civilians.", "2017-12-14"),
    ("Strikes kill 42 Monitor AFP Monday 22 Sep 2014 Government air strikes hit the town.", "2014-09-22"),
    ("Kirkuk, 28 December 2019 (Wire desk) - Rockets hit the base.", "2019-12-28"),
])
def test_article_openings_give_the_article_date(opening, iso):
    dateline = parse_dateline(opening)
    assert dateline is not None and dateline.date == iso


def test_no_opening_date_in_plain_text():
    assert parse_dateline("Rebels shelled the district on Monday, the monitor said.") is None

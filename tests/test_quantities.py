"""Table of quantity phrases and the structured value each must become.

Each row: phrase, low, high, what (counted noun group or unit), event.
``None`` for ``high`` means unbounded above. The first non-date quantity
of the phrase is checked; rows with what="date" check the ISO date instead
(low holds the expected ISO string). Reference date for relative dates:
Saturday 2019-12-28.
"""

import math

import pytest

from vericlaim.claims.quantities import extract_quantities

INF = None
REF = "2019-12-28"

TABLE = [
    # plain counts with counted nouns and events
    ("52 fighters were killed", 52, 52, "fighters", "killed"),
    ("25 fighters were killed", 25, 25, "fighters", "killed"),
    ("The strike killed 25 fighters.", 25, 25, "fighters", "killed"),
    ("killing 12 civilians", 12, 12, "civilians", "killed"),
    ("12 people died", 12, 12, "people", "killed"),
    ("14 dead", 14, 14, "people", "killed"),
    ("7 soldiers were injured", 7, 7, "troops", "wounded"),
    ("7 soldiers were hurt", 7, 7, "troops", "wounded"),
    ("wounding 40 people", 40, 40, "people", "wounded"),
    ("3 service members were wounded", 3, 3, "troops", "wounded"),
    ("200 troops arrived", 200, 200, "troops", ""),
    ("1,200 coalition troops", 1200, 1200, "troops", ""),
    ("5,200 soldiers", 5200, 5200, "troops", ""),
    ("5.200 soldiers", 5200, 5200, "troops", ""),
    ("18 rockets", 18, 18, "rockets", ""),
    ("11 more rockets", 11, 11, "rockets", ""),
    ("Militants fired 11 more rockets at the base", 11, 11, "rockets", "fired"),
    ("9 missiles were launched", 9, 9, "rockets", "fired"),
    ("4 drones were shot down", 4, 4, "drones", "intercepted"),
    ("16 airstrikes", 16, 16, "airstrikes", ""),
    ("30 vehicles", 30, 30, "vehicles", ""),
    ("45 houses were destroyed", 45, 45, "houses", ""),
    ("8 children were killed", 8, 8, "children", "killed"),
    ("5 women were wounded", 5, 5, "women", "wounded"),
    ("60 prisoners were released", 60, 60, "prisoners", ""),
    ("1,500 refugees", 1500, 1500, "refugees", ""),
    ("300 militants", 300, 300, "fighters", ""),
    ("40 rebels were killed", 40, 40, "fighters", "killed"),
    ("22 insurgents", 22, 22, "fighters", ""),
    ("10 gunmen", 10, 10, "fighters", ""),
    ("17 bodies", 17, 17, "bodies", ""),
    ("35 casualties", 35, 35, "people", "killed or wounded"),
    ("25 deaths", 25, 25, "people", "killed"),
    ("13 fatalities", 13, 13, "people", "killed"),
    ("90 injuries", 90, 90, "people", "wounded"),
    ("120 detainees", 120, 120, "prisoners", ""),
    ("6 hostages", 6, 6, "prisoners", ""),
    ("2,019 people", 2019, 2019, "people", ""),
    # number words
    ("eleven soldiers", 11, 11, "troops", ""),
    ("Six soldiers were wounded", 6, 6, "troops", "wounded"),
    ("twenty-five fighters", 25, 25, "fighters", ""),
    ("forty two rockets", 42, 42, "rockets", ""),
    ("three hundred troops", 300, 300, "troops", ""),
    ("two thousand people", 2000, 2000, "people", ""),
    ("ninety-nine rockets", 99, 99, "rockets", ""),
    ("seventeen civilians", 17, 17, "civilians", ""),
    ("One civilian contractor was killed", 1, 1, "civilians", "killed"),
    ("Four people were killed", 4, 4, "people", "killed"),
    ("twelve rockets", 12, 12, "rockets", ""),
    ("fifteen missiles", 15, 15, "rockets", ""),
    ("a dozen rockets", 12, 12, "rockets", ""),
    ("two dozen soldiers", 24, 24, "troops", ""),
    ("Two dozen soldiers were injured", 24, 24, "troops", "wounded"),
    ("three dozen civilians", 36, 36, "civilians", ""),
    ("a single rocket", 1, 1, "rockets", ""),
    ("A single rocket hit the base", 1, 1, "rockets", "fired"),
    ("a couple of drones", 2, 2, "drones", ""),
    ("a hundred soldiers", 100, 100, "troops", ""),
    ("a thousand refugees", 1000, 1000, "refugees", ""),
    # scales
    ("1.5 million people", 1.5e6, 1.5e6, "people", ""),
    ("2 million refugees", 2e6, 2e6, "refugees", ""),
    ("3 billion dollars", 3e9, 3e9, "USD", ""),
    ("$1.5 million", 1.5e6, 1.5e6, "USD", ""),
    ("$200", 200, 200, "USD", ""),
    ("US$4 billion", 4e9, 4e9, "USD", ""),
    ("€30 million", 3e7, 3e7, "EUR", ""),
    ("£12 million", 1.2e7, 1.2e7, "GBP", ""),
    ("two million people", 2e6, 2e6, "people", ""),
    ("five thousand troops", 5000, 5000, "troops", ""),
    ("10,000 troops", 10000, 10000, "troops", ""),
    ("800,000 jobs", 800000, 800000, "jobs", ""),
    ("4 bn dollars", 4e9, 4e9, "USD", ""),
    # qualifiers -> intervals
    ("about 30 rockets", 27, 33, "rockets", ""),
    ("around 30 rockets", 27, 33, "rockets", ""),
    ("a volley of around 30 rockets", 27, 33, "rockets", ""),
    ("some 5,200 troops", 4680, 5720, "troops", ""),
    ("roughly 100 people", 90, 110, "people", ""),
    ("approximately 50 civilians", 45, 55, "civilians", ""),
    ("an estimated 2,000 people", 1800, 2200, "people", ""),
    ("more than 100 people were killed", 100, INF, "people", "killed"),
    ("More than 30 rockets struck the base", 30, INF, "rockets", "fired"),
    ("over 100 troops", 100, INF, "troops", ""),
    ("at least 12 people were killed", 12, INF, "people", "killed"),
    ("killed at least 12 people", 12, INF, "people", "killed"),
    ("no fewer than 20 rockets", 20, INF, "rockets", ""),
    ("upwards of 300 fighters", 300, INF, "fighters", ""),
    ("in excess of 40 missiles", 40, INF, "rockets", ""),
    ("nearly 20 rockets", 18, 20, "rockets", ""),
    ("almost 20 rockets", 18, 20, "rockets", ""),
    ("close to 200 troops", 180, 200, "troops", ""),
    ("up to 20 rockets", 0, 20, "rockets", ""),
    ("as many as 500 fighters", 0, 500, "fighters", ""),
    ("less than 10 rockets", 0, 10, "rockets", ""),
    ("fewer than 10 rockets", 0, 10, "rockets", ""),
    ("Fewer than 10 rockets were fired", 0, 10, "rockets", "fired"),
    ("under 50 people", 0, 50, "people", ""),
    ("no more than 5 soldiers", 0, 5, "troops", ""),
    ("at most 5 soldiers", 0, 5, "troops", ""),
    ("exactly 7 rockets", 7, 7, "rockets", ""),
    # ranges
    ("between 4,560 and 6,000 civilians", 4560, 6000, "civilians", ""),
    ("between 20 and 30 rockets", 20, 30, "rockets", ""),
    ("20 to 30 rockets", 20, 30, "rockets", ""),
    ("20-30 rockets", 20, 30, "rockets", ""),
    ("between 4,560 and 6,000 civilians died", 4560, 6000, "civilians", "killed"),
    # vague amounts
    ("dozens of rockets", 24, 99, "rockets", ""),
    ("Dozens of fighters were wounded", 24, 99, "fighters", "wounded"),
    ("hundreds of people", 200, 999, "people", ""),
    ("thousands of refugees", 2000, 9999, "refugees", ""),
    ("tens of thousands of people", 20000, 99999, "people", ""),
    ("hundreds of thousands of refugees", 200000, 999999, "refugees", ""),
    ("several rockets", 3, 9, "rockets", ""),
    ("a few soldiers", 2, 5, "troops", ""),
    ("a handful of fighters", 3, 6, "fighters", ""),
    ("scores of civilians", 40, 99, "civilians", ""),
    # zero
    ("No one was killed in the attack", 0, 0, "people", "killed"),
    ("nobody was injured", 0, 0, "people", "wounded"),
    ("There were no casualties", 0, 0, "people", "killed or wounded"),
    ("no deaths were reported", 0, 0, "people", "killed"),
    # units and conversions
    ("three miles", 4.828, 4.828, "km", ""),
    ("10 miles", 16.09, 16.09, "km", ""),
    ("5 kilometres", 5, 5, "km", ""),
    ("5 km", 5, 5, "km", ""),
    ("50 kilometers", 50, 50, "km", ""),
    ("500 metres", 500, 500, "m", ""),
    ("100 feet", 30.48, 30.48, "m", ""),
    ("4.5 percent", 4.5, 4.5, "percent", ""),
    ("4.5%", 4.5, 4.5, "percent", ""),
    ("12 per cent", 12, 12, "percent", ""),
    ("about 10 percent", 9, 11, "percent", ""),
    ("more than 50 percent", 50, INF, "percent", ""),
    ("410,000 barrels per day", 410000, 410000, "barrels/day", ""),
    ("about 410,000 barrels per day", 369000, 451000, "barrels/day", ""),
    ("2 million barrels a day", 2e6, 2e6, "barrels/day", ""),
    ("20 tonnes", 20, 20, "t", ""),
    ("9 days", 9, 9, "days", ""),
    ("six years", 6, 6, "years", ""),
    ("48 hours", 48, 48, "hours", ""),
    # fractions
    ("two-thirds of voters", 0.6667, 0.6667, "fraction", ""),
    ("half of the soldiers", 0.5, 0.5, "fraction", ""),
    ("three-quarters of the city", 0.75, 0.75, "fraction", ""),
    ("a third of the fighters", 0.3333, 0.3333, "fraction", ""),
    # dates, not counts
    ("in 2019", "2019", None, "date", ""),
    ("since 2011", "2011", None, "date", ""),
    ("on 28 December 2019", "2019-12-28", None, "date", ""),
    ("December 28, 2019", "2019-12-28", None, "date", ""),
    ("Dec. 29, 2019", "2019-12-29", None, "date", ""),
    ("2019-12-30", "2019-12-30", None, "date", ""),
    ("in March 2018", "2018-03", None, "date", ""),
    ("on Thursday", "2019-12-26", None, "date", ""),
    ("on Friday evening", "2019-12-27", None, "date", ""),
    ("yesterday", "2019-12-27", None, "date", ""),
    ("two days later", "2019-12-30", None, "date", ""),
    ("3 days ago", "2019-12-25", None, "date", ""),
]


def _first_count(quantities):
    return next((q for q in quantities if q.unit != "date"), None)


@pytest.mark.parametrize("phrase,low,high,what,event", TABLE, ids=[row[0] for row in TABLE])
def test_quantity_table(phrase, low, high, what, event):
    found = extract_quantities(phrase, REF)
    if what == "date":
        dates = [q for q in found if q.unit == "date"]
        assert dates, f"no date in {phrase!r}"
        assert dates[0].iso == low
        assert _first_count(found) is None, "a year is not a count"
        return
    q = _first_count(found)
    assert q is not None, f"no quantity in {phrase!r}"
    assert q.low == pytest.approx(low, rel=1e-3)
    if high is None:
        assert math.isinf(q.high)
    else:
        assert q.high == pytest.approx(high, rel=1e-3)
    assert (q.unit or q.counted) == what if q.unit else q.counted == what
    assert q.event == event


def test_table_is_large_enough():
    assert len(TABLE) >= 150


def test_clock_times_are_not_counts():
    assert _first_count(extract_quantities("The attack began at 5 p.m. and ended at 7:30.")) is None


def test_numbers_inside_words_are_ignored():
    assert extract_quantities("The F-16 and MiG29 were seen.") == [] or all(
        q.low != 16 for q in extract_quantities("The F-16 and MiG29 were seen."))

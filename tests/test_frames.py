"""Quantity frames from the dependency parse: every pattern of issue "Numbers that never accuse falsely".

The sentences are written for this project in the shapes that real FA-KES and
PolitiFact text takes; the real sentences themselves are in the gold set
(``vericlaim/eval/data/quantity_gold``), scored by ``vericlaim eval quantities --gold``.
These tests need spaCy's English pipeline, which ``make install`` installs.
"""

import math

import pytest

from vericlaim.claims.parser import load_parser
from vericlaim.claims.quantities import extract_quantities, frames_from_json, frames_to_json
from vericlaim.numbers import compare

pytestmark = pytest.mark.skipif(load_parser() is None, reason="spaCy English pipeline not installed")
INF = math.inf


def frame(sentence: str, surface: str, date: str = ""):
    """The quantity whose text starts with ``surface``."""
    found = [q for q in extract_quantities(sentence, date) if q.unit != "date"]
    matches = [q for q in found if q.text.lower().startswith(surface.lower())]
    assert matches, f"{surface!r} not found in {[q.text for q in found]}"
    return matches[0]


# sentence, number as written, low, high, counted, event
FRAMES = [
    # "killed X and injured Y": each number takes its own verb
    ("Shelling killed 14 people and injured 27 others in the market.", "14", 14, 14, "people", "killed"),
    ("Shelling killed 14 people and injured 27 others in the market.", "27", 27, 27, "people", "wounded"),
    # "X were killed and N others sustained injuries"
    ("Three soldiers were killed and 9 others sustained light injuries.", "Three", 3, 3, "troops", "killed"),
    ("Three soldiers were killed and 9 others sustained light injuries.", "9", 9, 9, "people", "wounded"),
    # "none died, but more than N were treated"
    ("Nobody died, but more than 40 were treated for smoke inhalation.", "40", 40, INF, "people", "wounded"),
    # the munitions are the agent, not the victims: "a barrage of about 12 shells killed a farmer"
    ("A barrage of about 12 shells killed a shepherd near the border.", "12", 11, 13, "rockets", ""),
    ("A barrage of about 12 shells killed a shepherd near the border.", "a shepherd", 1, 1, "shepherds", "killed"),
    # headline style: "Three killed including 2 women 29 injured"
    ("Five killed including 3 children 40 injured in Idlib blast", "Five", 5, 5, "people", "killed"),
    ("Five killed including 3 children 40 injured in Idlib blast", "3", 3, 3, "children", "killed"),
    ("Five killed including 3 children 40 injured in Idlib blast", "40", 40, 40, "people", "wounded"),
    # event with a long noun phrase
    ("At least 35 Free Army fighters were killed in the clashes.", "35", 35, INF, "fighters", "killed"),
    # "X of the group's fighters"
    ("The raid killed 18 of the militia's fighters.", "18", 18, 18, "fighters", "killed"),
    # compound nouns: the head counts
    ("Rebels launched nearly 30 mortar attacks on the town.", "30", 27, 30, "attacks", ""),
    ("Warplanes carried out nearly 1500 air raids in a month.", "1500", 1350, 1500, "airstrikes", ""),
    # vague amounts
    ("Militants fired several hundred rockets at the valley.", "several hundred", 300, 999, "rockets", "fired"),
    ("A quarter of a million people fled the province.", "A quarter of a million", 250000, 250000, "people",
     "displaced"),
    ("Tens of thousands of residents were displaced.", "Tens of thousands", 20000, 99999, "people", "displaced"),
    ("Scores of civilians were wounded in the shelling.", "Scores", 40, 99, "civilians", "wounded"),
    # ranges
    ("Between 12 and 20 villagers were killed.", "12 and 20", 12, 20, "people", "killed"),
    ("Officials said 15 to 25 houses were destroyed.", "15 to 25", 15, 25, "houses", ""),
    ("The blast killed 8–10 people.", "8–10", 8, 10, "people", "killed"),
    # implicit counts
    ("A civilian was wounded when a mortar hit his car.", "A civilian", 1, 1, "civilians", "wounded"),
    ("The sniper fire killed a policeman on Friday.", "a policeman", 1, 1, "policemen", "killed"),
    ("One soldier was killed in the ambush.", "One", 1, 1, "troops", "killed"),
    ("Gunmen stormed the post, killing a soldier.", "a soldier", 1, 1, "troops", "killed"),
    # "one" before a noun the lexicon does not know
    ("One paramedic was wounded by shrapnel.", "One", 1, 1, "paramedics", "wounded"),
    ("One was killed on Friday, according to the report, which could not be corroborated.", "One", 1, 1,
     "people", "killed"),
    # zero forms
    ("No one was hurt in the explosion.", "No one", 0, 0, "people", "wounded"),
    ("Neither sustained casualties in the exchange.", "Neither", 0, 0, "people", "killed or wounded"),
    ("None died in the fire.", "None", 0, 0, "people", "killed"),
    ("No civilians were hurt in the raid.", "No civilians", 0, 0, "civilians", "wounded"),
    # odd number formats
    ("The fund holds 1.2m dollars.", "1.2m", 1.2e6, 1.2e6, "", ""),
    ("Some 1 200 troops were deployed.", "1 200", 1080, 1320, "troops", "deployed"),
    ("The army sent 1,200 soldiers.", "1,200", 1200, 1200, "troops", "deployed"),
    # death tolls without a counted noun
    ("The death toll rose to 61 on Sunday.", "61", 61, 61, "people", "killed"),
    ("The monitor gave a death toll of 17 civilians.", "17", 17, 17, "civilians", "killed"),
    ("Nine children were among the dead.", "Nine", 9, 9, "children", "killed"),
]


@pytest.mark.parametrize("sentence,surface,low,high,counted,event", FRAMES,
                         ids=[f"{i}:{row[1]}" for i, row in enumerate(FRAMES)])
def test_frame(sentence, surface, low, high, counted, event):
    q = frame(sentence, surface)
    assert (q.low, q.high) == pytest.approx((low, high), rel=1e-6), q
    assert q.counted == counted, q
    assert q.event == event, q


def test_money_scales():
    assert frame("The plan costs $5bn.", "$5bn").low == 5e9
    assert frame("The plan costs $5Bln.", "$5Bln").low == 5e9
    assert frame("Exports fell by 3. 5 million tons.", "3. 5 million").low == 3.5e6


def test_duration_is_not_a_count():
    q = frame("The three-week siege ended in May.", "three-week")
    assert q.unit == "weeks" and q.property.startswith("duration")


def test_years_ago_is_a_point_in_time_never_compared():
    claim = tuple(q for q in extract_quantities("The dam was built 40 years ago.") if q.unit != "date")
    passage = extract_quantities("The bridge collapsed 12 years ago.")
    assert claim[0].property == "time point"
    assert compare(claim, passage).status == "unrelated"


@pytest.mark.parametrize("sentence,surface", [
    ("Arrivals doubled last year.", "doubled"),
    ("Twice as many people voted this time.", "Twice as many"),
    ("Prices are 3 times higher than in 2010.", "3 times higher"),
    ("A third of them were children.", "A third"),
])
def test_relative_amounts_are_marked(sentence, surface):
    assert frame(sentence, surface).relative


def test_relative_amounts_are_never_compared_as_counts():
    claim = tuple(q for q in extract_quantities("Twice as many soldiers were wounded.") if q.unit != "date")
    assert compare(claim, extract_quantities("Four soldiers were wounded.")).status == "unrelated"


@pytest.mark.parametrize("sentence", [
    "Get short URL 1721 The army said it had regained the hill.",
    "Print Tweet Views 1662 Rebels regained the hill.",
    "The council adopted resolution 2254 on Friday.",
    "The hosts won 3-1 at home.",
    "Talks resumed at 10:30 in Geneva.",
    "Read it at https://example.org/news/2016/5512 today.",
])
def test_noise_is_never_a_count(sentence):
    assert [q for q in extract_quantities(sentence) if q.unit != "date"] == []


def test_numeric_dates_are_dates():
    found = extract_quantities("Clashes on 27-02-2016 and 10.10.2017 killed 4 people.")
    assert [q.iso for q in found if q.unit == "date"] == ["2016-02-27", "2017-10-10"]
    assert [q.low for q in found if q.unit != "date"] == [4]


# alignment: comparable only when event, entity, property and time all match
ALIGNMENT = [
    # a confidence percentage against a growth percentage
    ("Scientists are 95 percent confident the warming is man-made.", "The economy grew 3 percent last year.", "unrelated"),
    # a sea-level change against a different sea-level change
    ("Sea levels rose 20 centimetres in the last century.", "Sea levels could rise 80 centimetres by 2100.", "unrelated"),
    # share of one group against share of another
    ("About 40 percent of voters back the plan.", "Some 60 percent of farmers oppose it.", "unrelated"),
    # the same property with incompatible values does conflict
    ("Unemployment rose 5 percent in the quarter.", "Unemployment rose 12 percent in the quarter.", "conflict"),
    # a rate against a total
    ("Floods kill 200 people each year.", "The floods killed 900 people.", "unrelated"),
    # different years of the same measure
    ("In 2010, 94 percent of races were won by the bigger spender.",
     "In 2006, 85 percent of races were won by the bigger spender.", "unrelated"),
    # a part against the whole: 12 civilians of 40 people is no conflict
    ("The bombing killed 40 people.", "The bombing killed 12 civilians.", "unrelated"),
    # but a zero of the whole rules out any part
    ("There were no casualties.", "Two soldiers were wounded.", "conflict"),
    # round figures: $200 million for $203 million agrees
    ("The office recovered $200 million in fraud.", "The office recovered $203 million in fraud.", "consistent"),
    # money of one thing against money of another
    ("The office recovered $200 million in fraud.", "One firm paid $32 million.", "unrelated"),
    # counts of different places are different counts
    ("A missile strike near Homs killed five people.", "An attack in Idlib killed 80 people.", "unrelated"),
    ("A missile strike near Homs killed five people.", "The strike near Homs killed 9 people.", "conflict"),
    # agreement may match a generic noun with a specific one
    ("The bombing killed 40 people.", "The bombing killed 40 civilians.", "consistent"),
]


@pytest.mark.parametrize("claim,passage,expected", ALIGNMENT, ids=[f"{i}:{r[2]}" for i, r in enumerate(ALIGNMENT)])
def test_alignment(claim, passage, expected):
    claim_q = tuple(q for q in extract_quantities(claim) if q.unit != "date")
    assert compare(claim_q, extract_quantities(passage)).status == expected


def test_frames_round_trip_through_json():
    found = tuple(extract_quantities("More than 100 people were killed on 3 March 2016, up 5 percent.", ""))
    assert frames_from_json(frames_to_json(found)) == found


def test_frame_spans_point_into_the_article_body():
    from vericlaim.claims import extract_claims
    from vericlaim.corpora.readers import document_from_text

    body = ("Kirkuk, 28 December 2019 (Wire desk) - The raid killed 25 fighters. "
            "Officials said 14 civilians were wounded on Friday.")
    doc = document_from_text("a", "Raid\n" + body)
    parts = {(part, doc.text[start:end]) for claim in extract_claims(doc, 0.0)
             for q in claim.quantities for part, start, end in q.spans}
    assert ("entity", "fighters") in parts and ("event", "killed") in parts
    assert ("entity", "civilians") in parts and ("event", "wounded") in parts


# Attachment shapes added for the gold set's dev errors (sentences written for this test).
FRAMES_MORE = [
    # "members" by what they are members of
    ("Four Jaish al-Fatah members also died in the clashes.", "Four", 4, 4, "fighters", "killed"),
    ("At least 12 members of the security forces were killed near the border.", "12", 12, INF, "troops",
     "killed"),
    ("The bombing killed 7 members of the militia on Sunday.", "7", 7, 7, "fighters", "killed"),
    ("Some 40 members of parliament signed the letter.", "40", 36, 44, "members", ""),
    # an event noun's of-phrase
    ("Monitors confirmed the death of three senior Nusra Front commanders.", "three", 3, 3, "commanders",
     "killed"),
    ("Police announced the arrest of 14 people after the riot.", "14", 14, 14, "people", "arrested"),
    # "killed X and N were wounded": the second number's own auxiliary and participle
    ("The ambush killed 9 soldiers and 21 were wounded.", "21", 21, 21, "people", "wounded"),
    ("The shelling killed 40 civilians and injured about 300 more.", "300", 270, 330, "people", "wounded"),
    ("Ten people died on Friday and scores of others injured when the roof fell.", "scores", 40, 99,
     "people", "wounded"),
    # fronted partitive and bracketed counts
    ("Of those 310 deaths, about 90 involved a firearm.", "90", 81, 99, "people", "killed"),
    ("There were more overdose deaths this year (2,140) than in the whole decade before.", "2,140", 2140,
     2140, "people", "killed"),
    # elided noun: the second number counts what the first one does
    ("The chain runs 450 stores nationwide and 30 in Ohio.", "30", 30, 30, "stores", ""),
    ("The ministry recorded 85 storms in 2019, up from 61 in 2018.", "61", 61, 61, "storms", ""),
    ("The airline employs 9,000 pilots and 1,200 will retire by 2030.", "1,200", 1200, 1200, "pilots", ""),
    # coordinated kinds of person are people; a singular modifier coordinated with the plural head
    ("The strike wounded dozens of soldiers and civilians.", "dozens", 24, 99, "people", "wounded"),
    ("Officials counted 212 flood and storm warnings last year.", "212", 212, 212, "warnings", ""),
    # a number hyphenated to a noun counts that noun
    ("The bill needs a 67-vote majority in the Senate.", "67", 67, 67, "votes", ""),
    # a level verb gives its subject's count; "a population of N" counts people
    ("The number of refugees reached 1.3 million in March.", "1.3 million", 1.3e6, 1.3e6, "refugees", ""),
    ("The village had a population of about 4000 before the war.", "4000", 3600, 4400, "people", ""),
    ("The town saw a 2,300 decline of residents on welfare.", "2,300", 2300, 2300, "people", ""),
    # idioms of killing and of evacuation
    ("At least 200 villagers fell victim to the nerve gas attack.", "200", 200, INF, "people", "killed"),
    ("Three suicide bombers blew themselves up at the checkpoint.", "Three", 3, 3, "fighters", "killed"),
    ("About 900 people were granted safe passage out of the besieged town.", "900", 810, 990, "people",
     "displaced"),
    # munitions dropped, raids in an existential
    ("Helicopters dropped 16 barrel bombs on the district.", "16", 16, 16, "rockets", "fired"),
    ("There were at least 45 raids on the city on Tuesday.", "45", 45, INF, "airstrikes", "fired"),
    ("Twin car bomb blasts shook the capital.", "Twin", 2, 2, "rockets", ""),
    # a headline run into the text
]


@pytest.mark.parametrize("sentence,surface,low,high,counted,event", FRAMES_MORE,
                         ids=[f"{i}:{row[1]}" for i, row in enumerate(FRAMES_MORE)])
def test_frame_more(sentence, surface, low, high, counted, event):
    test_frame(sentence, surface, low, high, counted, event)


def test_units_from_context():
    assert frame("Maria Lopez, 34, was arrested in May.", "34").unit == "years"
    assert frame("Maria Lopez, 34, was arrested in May.", "34").property == "age"
    assert frame("Turnout was 61 percent, or four points lower.", "four").unit == "percentage points"
    assert frame("The country pumped “2.1 million” barrels of oil a day.", "2.1 million").unit == "barrels/day"


def test_relative_amounts_keep_qualifier_and_noun():
    q = frame("There were nearly twice as many deaths on the roads this year.", "twice as many")
    assert q.relative and q.counted == "people" and q.event == "killed"
    assert (q.low, q.high) == pytest.approx((1.8, 2.0))
    q = frame("Agency nurses have more than doubled since 2010.", "doubled")
    assert q.relative and q.counted == "nurses" and q.high == INF


def test_headline_run_into_the_text_keeps_the_event():
    sentence = "Twelve Dead in Hama Shelling Twelve civilians were killed on Sunday in shelling on a village."
    second = [q for q in extract_quantities(sentence) if q.text == "Twelve"][-1]
    assert (second.counted, second.event) == ("civilians", "killed")


def test_second_count_with_its_own_event_is_not_the_first_ones():
    # "14 were wounded" after "killed 20 soldiers" is not 14 soldiers killed, nor surely soldiers
    claim = tuple(q for q in extract_quantities("Rebels killed 20 soldiers and 14 were wounded.")
                  if q.text == "14")
    assert claim[0].event == "wounded" and claim[0].counted == "people"


# Shapes found in the second development set (dev2), in sentences written for these tests.
FRAMES_DEV2 = [
    # wire text without commas: an active event verb straight before the amount owns it
    ("Air raids on a crowded market have killed at least 44 people mostly civilians a monitor said.", "44",
     44, INF, "people", "killed"),
    ("Militants shelled the district with 6 rocket shells killing 9 persons injuring more than 30 persons",
     "9", 9, 9, "people", "killed"),
    ("Militants shelled the district with 6 rocket shells killing 9 persons injuring more than 30 persons",
     "30", 30, INF, "people", "wounded"),
    # munitions an attack was made with, or by, were fired; "a shell" counts rockets
    ("Militants shelled the district with 6 rocket shells killing 9 persons injuring more than 30 persons",
     "6", 6, 6, "rockets", "fired"),
    ("Nine people were killed by dozens of shells that fell on the old city.", "dozens", 24, 99, "rockets",
     "fired"),
    ("Two men were hurt when gunmen fired a mortar shell at the checkpoint.", "a mortar shell", 1, 1,
     "rockets", "fired"),
    # headline counts
    ("3 persons killed 21 injured in rocket attack on Homs", "3", 3, 3, "people", "killed"),
    ("3 persons killed 21 injured in rocket attack on Homs", "21", 21, 21, "people", "wounded"),
    ("7 women among 15 dead in Hama market blast", "7", 7, 7, "women", "killed"),
    ("12 people mostly farmers killed in rocket attacks on Daraa", "12", 12, 12, "people", "killed"),
    # a toll brought to a number, and the part it includes
    ("Two more wounded men died, bringing the toll to 33 people including four children.", "33", 33, 33,
     "people", "killed"),
    ("Two more wounded men died, bringing the toll to 33 people including four children.", "four", 4, 4,
     "children", "killed"),
    # each noun with its own auxiliary keeps its own event
    ("On Monday 6 soldiers were killed including an officer and 14 others were injured near the dam.", "14",
     14, 14, "people", "wounded"),
    # an amount joined to the object of an event verb shares its event
    ("The shell hit a school killing two pupils and injuring a teacher and 11 others.", "11", 11, 11,
     "people", "wounded"),
    # displaced: a participle on the amount, or "forced ... to flee"
    ("The camp shelters tens of thousands of families displaced by the floods.", "tens of thousands",
     20000, 99999, "families", "displaced"),
    ("The fighting has forced millions to flee the region.", "millions", 2e6, 9.99e6, "people", "displaced"),
    # "a" in a conjunction of victims, "a slain" officer
    ("The strike killed 9 fighters and a boy on Tuesday.", "a boy", 1, 1, "boys", "killed"),
    ("A slain border guard left two daughters.", "A slain", 1, 1, "guards", "killed"),
    ("The raid killed five government forces.", "five", 5, 5, "troops", "killed"),
    # a share of the dead is a share of the killed
    ("Overdoses caused 12% of all deaths in the county.", "12%", 12, 12, "deaths", "killed"),
]


@pytest.mark.parametrize("sentence,surface,low,high,counted,event", FRAMES_DEV2,
                         ids=[f"dev2-{i}:{row[1]}" for i, row in enumerate(FRAMES_DEV2)])
def test_frame_dev2_shapes(sentence, surface, low, high, counted, event):
    test_frame(sentence, surface, low, high, counted, event)


@pytest.mark.parametrize("sentence,surface,low,high,unit,qualifier", [
    ("The suspects were caught in one week.", "one week", 1, 1, "weeks", ""),
    ("She was first elected a year ago.", "a year ago", 1, 1, "years", ""),
    ("Patients waited for a year or more.", "a year or more", 1, INF, "years", "at least"),
    ("The levy would push the rate to 9 percent or so.", "9 percent", 8, 10, "percent", "about"),
    ("Schools report about a 4.5% dropout rate.", "4.5%", 4.05, 4.95, "percent", "about"),
    ("Monthly exports added up to $410 million.", "$410 million", 4.1e8, 4.1e8, "USD", ""),
    ("Prices rose above 6% last spring.", "6%", 6, INF, "percent", "more than"),
    ("The repairs took three extra months.", "three extra months", 3, 3, "months", ""),
    ("A 12-ounce can holds about 40 mg of caffeine.", "12-ounce", 12, 12, "oz", ""),
    ("The state annexed 800 square kilometres of land.", "800 square kilometres", 800, 800, "km2", ""),
    ("More than a million visitors came.", "a million", 1e6, INF, "", "more than"),
])
def test_units_qualifiers_and_one_unit_periods(sentence, surface, low, high, unit, qualifier):
    q = frame(sentence, surface)
    assert (q.low, q.high) == pytest.approx((low, high), rel=1e-6), q
    assert (q.unit, q.qualifier) == (unit, qualifier), q


@pytest.mark.parametrize("sentence", [
    "He earns $5 a year.",           # a rate, not a period of one year
    "One day he simply left town.",  # an idiom
    "The fortune is almost a fifth of a billion dollars.",  # not a billion
])
def test_not_periods_or_scales(sentence):
    assert [q.text for q in extract_quantities(sentence) if q.unit in ("years", "days", "USD")
            and q.low in (1.0, 1e9)] == []


def test_season_years_are_not_ranges():
    found = {q.text: q for q in extract_quantities("Claims rose from 12 in 2010-11 to 390 in 2011-12.")
             if q.unit != "date"}
    assert set(found) == {"12", "390"}
    assert found["390"].low == found["390"].high == 390


def test_vague_amounts_are_read_generously_when_compared():
    claim = tuple(q for q in extract_quantities("Thousands of people fled the town.") if q.unit != "date")
    assert compare(claim, extract_quantities("12,000 people fled the town.")).status == "consistent"
    assert compare(claim, extract_quantities("Some 300 people fled the town.")).status == "conflict"


def test_relative_amount_with_thousands_separator():
    q = frame("The study would need 5,000 times as many patients.", "5,000 times")
    assert q.relative and q.low == 5000


def test_running_totals_at_unknown_moments_never_conflict():
    # a record counted at two moments ("at 31 ... five nominations", later six) is not a contradiction
    claim = tuple(q for q in extract_quantities("At 29 she became the youngest player to amass four titles.")
                  if q.counted == "titles")
    passage = extract_quantities("She is the youngest player to amass seven titles.")
    assert claim and compare(claim, passage).status != "conflict"


@pytest.mark.parametrize("claim,passage", [
    ("Five gunmen have killed 20 villagers.", "Police killed 2 gunmen."),  # active perfect: agents
    ("Soldiers killed 12 militants and 3 escaped.", "Soldiers killed 12 militants."),  # its own verb
    ("Millions of people have been displaced.", "110 million people have been displaced."),
    ("Tens of millions of Americans lack insurance.", "About 28 million Americans lack insurance."),
    ("Thousands of people were killed in the war.", "The war has killed 120,000 people."),  # a floor
])
def test_review_cases_never_conflict(claim, passage):
    found = tuple(q for q in extract_quantities(claim) if q.unit != "date")
    assert compare(found, extract_quantities(passage)).status != "conflict"


@pytest.mark.parametrize("claim,passage", [
    ("Biden won 306 electoral votes.", "Biden won 270 electoral votes."),  # not a running total
    ("Several people were killed in the strike.", "The strike killed 85 people."),  # small vague words stay tight
])
def test_review_cases_still_conflict(claim, passage):
    found = tuple(q for q in extract_quantities(claim) if q.unit != "date")
    assert compare(found, extract_quantities(passage)).status == "conflict"


def test_a_qualifier_before_a_keeps_its_meaning():
    q = frame("Wages grew by less than a 2% increase.", "2%")
    assert (q.low, q.high, q.qualifier) == (0.0, 2.0, "less than")


def test_a_few_is_not_one():
    q = frame("A few people were killed in the raid.", "A few")
    assert (q.low, q.high) == (2, 5) and q.event == "killed"
    claim = tuple(q for q in extract_quantities("A few people were killed in the raid.") if q.unit != "date")
    assert compare(claim, extract_quantities("Three people were killed in the raid.")).status != "conflict"


# Shapes found on the third development split (dev3), in sentences of our own.
FRAMES_DEV3 = [
    # Title Case headlines: the tagger finds no verb until the lexicon's words are lower-cased
    ("Fri 3 Mar 2017 Turkish Army Kills 14 Militants in Border Clash.", "14", 14, 14, "fighters", "killed"),
    ("Tue 9 May 2017 12 Iraqi Soldiers Dead in Mosul Ambush.", "12", 12, 12, "troops", "killed"),
    ("Car Bomb Claims 9 Martyrs 30 Injured in Homs.", "9", 9, 9, "people", "killed"),
    ("Gunmen Execute 40 Prisoners in Desert Camp.", "40", 40, 40, "prisoners", "killed"),
    # "along with", "among them": the part shares the event of what it goes with
    ("The mayor was killed along with three bodyguards in the blast.", "three", 3, 3, "bodyguards", "killed"),
    ("Air strikes killed at least 50 people among them 12 children near the market.", "12", 12, 12,
     "children", "killed"),
    # lives and martyrs are people
    ("The famine has claimed some 90000 lives since spring.", "90000", 81000, 99000, "people", "killed"),
    # a bare amount as the subject of what only people do
    ("Last spring 2 million voted by mail.", "2 million", 2e6, 2e6, "people", ""),
    ("Around 300 fell ill after the flood.", "300", 270, 330, "people", ""),
    # a change of employment counts jobs
    ("Employment fell in Iowa by 3,200 over the summer.", "3,200", 3200, 3200, "jobs", ""),
    # what "times" counts after sharing or voting
    ("The video has been shared more than 9,000 times.", "9,000", 9000, INF, "shares", ""),
    ("She voted to cut school funding 40 times.", "40", 40, 40, "votes", ""),
    # shares of a noun: "out of", fractions with a qualifier, a fraction's elided noun
    ("Three out of every five nurses reported burnout.", "Three out of every five", 0.6, 0.6, "nurses", ""),
    ("More than half of voters backed the levy.", "half", 0.5, INF, "voters", ""),
    ("Over two-thirds of farms use the water; three-quarters did in 2010.", "three-quarters", 0.75, 0.75,
     "farms", ""),
]


@pytest.mark.parametrize("sentence,surface,low,high,counted,event", FRAMES_DEV3,
                         ids=[f"dev3-{i}:{row[1]}" for i, row in enumerate(FRAMES_DEV3)])
def test_frame_dev3_shapes(sentence, surface, low, high, counted, event):
    test_frame(sentence, surface, low, high, counted, event)


@pytest.mark.parametrize("sentence,surface,low,high,unit,qualifier", [
    ("Donors gave 5 dollar bills.", "5 dollar", 5, 5, "USD", ""),
    ("The stamp was sold for ₹500 last year.", "₹500", 500, 500, "INR", ""),
    ("The agency spends millions of taxpayer dollars on printing.", "millions of taxpayer dollars", 2e6,
     9.99e6, "USD", "vague"),
    ("Lobbyists spent millions on the campaign.", "millions", 2e6, 9.99e6, "USD", "vague"),
    ("It takes one or two years to qualify.", "one or two years", 1, 2, "years", "range"),
    ("Benefits go to those over the age of 70.", "70", 70, INF, "years", "more than"),
    ("Crews logged 48,000 labor hours on the bridge.", "48,000 labor hours", 48000, 48000, "hours", ""),
])
def test_units_and_bounds_dev3(sentence, surface, low, high, unit, qualifier):
    test_units_qualifiers_and_one_unit_periods(sentence, surface, low, high, unit, qualifier)


# Shapes found on the fourth and fifth development splits (dev4, dev5), in sentences of our own.
FRAMES_DEV4 = [
    # wire text without commas: each item of a list is its own count, and shares the event
    ("Mortar fire kills 6 women 4 children in Deir Ezzor village.", "6", 6, 6, "women", "killed"),
    ("Mortar fire kills 6 women 4 children in Deir Ezzor village.", "4", 4, 4, "children", "killed"),
    ("Monitors recorded the killing of 900 civilians including 210 children 95 women and 400 men last year.",
     "95", 95, 95, "women", "killed"),
    ("Monitors recorded the killing of 900 civilians including 210 children 95 women and 400 men last year.",
     "400", 400, 400, "people", "killed"),
    # a name or a modifier between the number and the plural it counts
    ("Rebel shelling kills 4 Idlib schoolchildren state TV says.", "4", 4, 4, "children", "killed"),
    ("Witnesses said four regime airstrikes hit the market at dawn.", "four", 4, 4, "airstrikes", "fired"),
    # a headline's last word is not what the number counts
    ("Car bomb kills 12 Report At least 12 people died in the blast.", "12", 12, 12, "people", "killed"),
    # a headline's bare past tense with no object: what happened to them
    ("Two farmers killed due to landmine blast near Hama.", "Two", 2, 2, "farmers", "killed"),
    # a toll put at or brought to a number
    ("Medics put the death toll at 17 villagers on Sunday.", "17", 17, 17, "people", "killed"),
    ("The shelling brought to 63 the number killed in the district this week.", "63", 63, 63, "people",
     "killed"),
    # "half the population" counts people
    ("Nearly half the population have fled their homes.", "half", 0.45, 0.5, "people", "displaced"),
    # the second number of "from N X to M" and "among N X, M" counts X
    ("The state moved from 4,000 refugees last year to 9,500.", "9,500", 9500, 9500, "refugees", ""),
    ("Among 80 nurses surveyed, 52 reported burnout.", "52", 52, 52, "nurses", ""),
    # one thing negated is none
    ("She won the race without one television ad.", "one", 0, 0, "ads", ""),
]


# Shapes found on the fifth development split (dev5), in sentences of our own.
FRAMES_DEV5 = [
    # verbs of killing the lexicon lacked, and event nouns with an of-phrase
    ("Militants publicly crucified seven men in the square.", "seven", 7, 7, "people", "killed"),
    ("The clip showed the beheadings of at least 11 men.", "11", 11, INF, "people", "killed"),
    # of fighters, "destroyed" reports them killed; "lost" (one side's losses) does not
    ("Army units destroyed over 40 terrorists near the dam.", "40", 40, INF, "terrorists", "killed"),
    ("The rebel alliance lost nearly 90 fighters in the battle.", "90", 81, 90, "fighters", ""),
    # people taken hostage or held captive are captured (never compared with arrests)
    ("Gunmen took 35 villagers hostage on Monday.", "35", 35, 35, "people", "captured"),
    # "died" straight after the noun, whatever clause the parse hangs the noun on
    ("After the night of shelling nine people died and 20 were hurt.", "nine", 9, 9, "people", "killed"),
    # "are missing" after a bare number
    ("The flood killed 80 people and 300 are missing.", "300", 300, 300, "people", "missing"),
    # "those killed include" and "the dead included" lend their event to the parts
    ("Rescuers said those killed in the blasts include 6 children and 2 women.", "6", 6, 6, "children", "killed"),
    # a headline: a bare number with its own participle after it
    ("Five Farmers Killed 12 Injured in Shelling Near Hama.", "Five", 5, 5, "farmers", "killed"),
    # "two women and a child": each with its own count
    ("The raid killed nine people including three women and a boy.", "three", 3, 3, "women", "killed"),
    # the participle after an appositive ("some of them children")
    ("Twelve civilians some of them children killed in shelling on Douma.", "Twelve", 12, 12, "civilians",
     "killed"),
    # "another 30 sealed off": a participle of its own keeps the earlier event away
    ("Forty fighters were killed and another 25 trapped in the tunnels.", "25", 25, 25, "fighters", ""),
    # a singular reporting noun after a plural number is the source, not the counted thing
    ("Shelling on school kills 8 monitoring group says.", "8", 8, 8, "people", "killed"),
    ("Toll from market bombing at least 52 Observatory.", "52", 52, INF, "people", "killed"),
    # "a family of 12" is people; "3 million fewer Americans" counts Americans; "40 jobs bills" bills
    ("The man was beaten by a family of 9 in the street.", "9", 9, 9, "people", ""),
    ("Today 2 million fewer Texans have coverage.", "2 million", 2e6, 2e6, "texans", ""),
    ("The House passed 30 jobs bills last year.", "30", 30, 30, "bills", ""),
    ("Activists said that three IS fighters were killed near the border.", "three", 3, 3, "fighters",
     "killed"),
    # a tally after a verb of voting counts votes
    ("The Senate voted 51-49 to confirm her.", "51", 51, 51, "votes", ""),
    # dev6: "ambushed and killed"; "killed along with"; "eliminating scores of terrorists"; a number
    # hung on a name before it ("in Raqa two suicide bombers"); two subjects, one a misparse
    ("Six soldiers were ambushed and killed near the border on Friday.", "Six", 6, 6, "troops", "killed"),
    ("Police said 20 protesters were rounded up and arrested.", "20", 20, 20, "protesters", "arrested"),
    ("Eleven soldiers were killed along with four Nusra Front gunmen in the clashes.", "four", 4, 4,
     "fighters", "killed"),
    ("Troops advanced eliminating scores of terrorists near the town.", "scores", 40, 99, "terrorists", "killed"),
    ("In the province of Hama three suicide bombers struck a checkpoint.", "three", 3, 3, "fighters", ""),
    ("A photo showing a dog running past five old men sitting on a bench was taken in May.", "five", 5, 5,
     "people", ""),
]


@pytest.mark.parametrize("sentence,surface,low,high,counted,event", FRAMES_DEV4 + FRAMES_DEV5,
                         ids=[f"dev4-{i}:{row[1]}" for i, row in enumerate(FRAMES_DEV4)]
                         + [f"dev5-{i}:{row[1]}" for i, row in enumerate(FRAMES_DEV5)])
def test_frame_later_dev_shapes(sentence, surface, low, high, counted, event):
    test_frame(sentence, surface, low, high, counted, event)


@pytest.mark.parametrize("sentence,surface,low,high,unit,qualifier", [
    # dev5: a verb that passes the amount; a scale both ends of a range share; rupees; corrections
    ("Turnout topped 70 percent in 2018.", "70 percent", 70, INF, "percent", "more than"),
    ("The bill could exceed $2 trillion over a decade.", "$2 trillion", 2e12, INF, "USD", "more than"),
    ("Between 4 and 5 million people may lose cover.", "4 and 5 million", 4e6, 5e6, "", "range"),
    ("A litre of milk costs Rs 60 now.", "Rs 60", 60, 60, "INR", ""),
    ("It comes to 18 gallons, not 30.", "30", 30, 30, "gallons", ""),
    # dev6: seconds; an age after "people over" and "the age to"
    ("The scam empties your account in 20 seconds.", "20 seconds", 20, 20, "seconds", ""),
    ("The flu killed six vaccinated people over 70 in the county.", "70", 70, INF, "years", "more than"),
    ("The bill raises the pension age to 68.", "68", 68, 68, "years", ""),
    ("The rise could be as high as 300 percent.", "300 percent", 0, 300, "percent", "up to"),
    ("The last big spill happened over 40 years ago.", "40 years", 40, INF, "years", "more than"),
    ("He served over 10 years in the senate.", "10 years", 10, 10, "years", ""),
    ("About one-fourth of filers get the cut.", "one-fourth", 0.225, 0.275, "fraction", "about"),
    ("Exports fell by a fifth.", "a fifth", 0.2, 0.2, "fraction", ""),
    ("The hearing ended roughly an hour later.", "an hour", 0.9, 1.1, "hours", "about"),
    ("Such policies last a year.", "a year", 1, 1, "years", ""),
])
def test_units_and_bounds_dev4_and_dev5(sentence, surface, low, high, unit, qualifier):
    test_units_qualifiers_and_one_unit_periods(sentence, surface, low, high, unit, qualifier)


def test_an_ordinal_before_a_noun_is_no_fraction():
    assert not [q for q in extract_quantities("She won a third term and ran a fifth time.") if q.unit == "fraction"]


def test_lists_share_an_event_only_while_no_clause_starts():
    found = {q.text: q for q in extract_quantities("The strike killed 10 people and 30 people attended the funeral.")}
    assert found["10"].event == "killed" and found["30"].event == ""


def test_air_raids_with_no_verb_of_firing_are_compared_by_their_verb():
    """'reported 26 airstrikes' is not made 'fired': two raid counts of different air forces would
    then compare on the event alone ("the coalition conducted 16", "Russia carried out 182")."""
    q = frame("The coalition said it had conducted 16 airstrikes throughout Raqqa.", "16")
    assert q.event == "" and q.property.startswith("conduct")
    claim = tuple(extract_quantities("The US-led coalition conducted 16 airstrikes against Daesh on Sunday."))
    passage = extract_quantities("Russian aircraft carried out 182 airstrikes against Daesh positions on Sunday.")
    assert compare(claim, passage).status != "conflict"


def test_casualties_and_victims_are_not_the_killed():
    q = frame("Fighting brought the total number of militant casualties to over 300.", "300")
    assert q.event == "killed or wounded"
    claim = tuple(q for q in extract_quantities("The clashes killed 250 people.") if q.unit != "date")
    assert compare(claim, extract_quantities("The infighting brought the number of victims to 300.")).status \
        != "conflict"


def test_a_majority_of_a_group_is_more_than_half_of_it():
    q = frame("The vast majority of county voters backed the levy.", "vast majority")
    assert (q.low, q.high, q.unit, q.counted) == (0.5, INF, "fraction", "voters")
    assert q.property == "share:back levy"
    names = [q.text for q in extract_quantities("The majority leader toured a majority-Sunni district.")]
    assert not any("majority" in name for name in names)


def test_a_sentence_opening_with_a_whole_lends_its_noun_to_the_parts():
    found = {q.text: q for q in extract_quantities(
        "Of the 40 bills the council passed, auditors found that 12 were late and only three were funded.")}
    assert found["12"].counted == "bills" and found["three"].counted == "bills"


def test_a_lower_case_may_after_a_number_is_the_verb():
    found = extract_quantities("We conclude that 13 may be defined as taxes, not 13 May.")
    assert [q.unit for q in found] == ["", "date"]


def test_no_mass_noun_and_no_more_than_are_not_zero():
    assert not [q for q in extract_quantities("There was no evidence of fraud.") if q.low == 0]
    assert [(q.low, q.high) for q in extract_quantities("No more than 5 people came.")] == [(0, 5)]


def test_a_share_of_a_place_is_territory_of_that_place():
    q = frame("The army has retaken 55 percent of the country.", "55 percent")
    assert q.counted == "territory" and q.property == "share:countries"


@pytest.mark.parametrize("sentence,surface,event", [
    # one count under two event verbs is a count of both, never of the killed alone
    ("Dozens of villagers were killed and injured in the raid.", "Dozens", "killed or wounded"),
    ("The explosion killed or injured 40 workers.", "40", "killed or wounded"),
    ("Since 2019, 300 players have died or suffered heart attacks.", "300", ""),
    # verbs with their own subject or object are their own counts
    ("The bombing killed 12 people and wounded 30.", "12", "killed"),
    ("Ten soldiers were killed and 20 were wounded.", "20", "wounded"),
    # the passive after a noun's of-phrase is what happened to the noun
    ("Local media said four members of the village guard were killed overnight.", "four", "killed"),
])
def test_coordinated_event_verbs(sentence, surface, event):
    assert frame(sentence, surface).event == event


def test_negation_needs_the_count_itself():
    """No life lost is no count: as "no one killed" it would refute every death toll ("12
    civilians were killed"), and whose lives a group word cannot say."""
    assert not [q for q in extract_quantities("In Libya, America didn't lose a single life.") if q.counted]
    assert not [q for q in extract_quantities("The ministry did not confirm a single death.") if q.counted]
    assert not [q for q in extract_quantities("They fired not one rocket but a barrage.") if q.counted]
    claim = tuple(extract_quantities("Twelve civilians were killed in the assault."))
    passage = extract_quantities("Government forces did not lose a single life in the assault, the army said.")
    assert compare(claim, passage).status != "conflict"
    assert frame("You are one of the least, if not the least, wealthy members.", "one").low == 1
    assert not [q for q in extract_quantities("Virginia did not spend the one-time stimulus money.") if q.low == 0]


# A second review of this round's rules found these false accusations; each stays unrelated.
@pytest.mark.parametrize("claim,passage", [
    # the killed are a part of all casualties: a smaller part neither agrees nor conflicts
    ("The clashes in Eastern Ghouta killed 120 people.", "The clashes in Eastern Ghouta had brought the "
                                                         "total number of casualties to over 300."),
    ("IS land mines have killed five children in the town.", "Land mines planted by the group have killed and "
                                                             "wounded hundreds of civilians including dozens of children."),
    # the attackers' lives are not the victims'
    ("ISIS militants killed 20 fighters in the assault.", "The militants did not lose a single life in the assault."),
    # a count of its own after the second verb
    ("Some 300 civilians were injured in the chemical attack.", "Some 100 civilians were killed in the attack "
                                                               "and 500 more injured."),
    # zero forms that state a rule or the future, or have no subject
    ("Two people displayed firearms at the rally.", "Another provision says no one should display a firearm."),
    ("The stimulus created 3 million jobs.", "No new jobs were created in the coal industry."),
    # dev5 review (stop 25): verbs of killing only of their own object, and never "lost"
    ("Forty militants destroyed a checkpoint near the dam.", "Army units killed 95 militants near the dam."),
    ("About 3,000 troops lost their jobs under the budget cuts.", "The war in Afghanistan killed 2,300 troops."),
    ("The budget eliminated 40,000 troops from the Army.", "The Iraq war killed 4,400 troops."),
    ("Kurdish forces lost 500 fighters in the battle for Kobani.", "The battle for Kobani killed 1,600 fighters."),
    # hostages are no arrests, and holding is not taking
    ("Hamas still holds 100 hostages in Gaza.", "Hamas abducted 250 hostages during the October 7 attack."),
    ("Gunmen took 30 people hostage at the mall.", "Police arrested 5 people after the siege at the mall."),
    ("Israeli forces re-arrested 20 prisoners freed in the 2011 swap.", "Israel holds 5,000 Palestinian prisoners."),
    # "include" lends its event to its own object only
    ("Those killed include a father of five children.", "The strike killed two children."),
    ("Those killed included a commander of 300 fighters.", "The strike killed 20 fighters."),
    # a plural before another plural: never people, never a headline's source
    ("Airstrikes in northern and eastern Syria kill 20 civilians activists",
     "Government forces killed two activists in northern Syria."),
    ("Over 130 Civilians Children Killed in April 15 Terrorist Attack Near Aleppo",
     "The attack near Aleppo killed 68 children."),
    # points of an index, a score or a game are no percentage points
    ("The Dow posted a 500-point drop on Monday.", "The S&P 500 posted a 50-point drop on Monday."),
    # "N more X" is a difference, never a total
    ("2 million more Americans are out of work since Obama took office.", "12 million Americans are out of work."),
    ("There are 3 million fewer Americans without insurance.", "There are 30 million Americans without insurance."),
    ("The Pentagon deployed 500 more troops to Iraq.", "The Pentagon has deployed 3,500 troops to Iraq."),
    # dev6 review (stop 25): seconds compare only with the same measured thing; "N second-graders"
    ("The video shows a 10-second clip of the explosion.", "The full video of the explosion is 30 seconds long."),
    ("Video shows two second-graders fighting in a school cafeteria.", "The 45-second video shows a fight."),
    # another salvo, more arrests, or more than last year: a difference, never a total
    ("Hamas fired 11 more rockets at Israel on Tuesday.", "Hamas fired 200 rockets at Israel on Tuesday."),
    ("Police in Chicago arrested 2,000 more people this year than last year.",
     "Police in Chicago arrested 9,500 people this year."),
    # one way of dying is a part of all the killed
    ("Police killed 1,500 people in the U.S. last year.", "Nearly 1,000 people were shot and killed by police."),
    # suite check (FNC-1 dev, stop 25): hostages "held captive" are what they are, and the parts
    # of "two British and two American hostages" still sum to the whole
    ("The executioner who killed 4 hostages was wounded in an airstrike.",
     "The man who beheaded two British and two American hostages held captive by the group was hurt."),
    # accomplices "along with" an active killer; "a group of 12" is a part
    ("Five soldiers were killed in the massacre.", "The sergeant killed 16 villagers along with two other soldiers."),
    ("Syrian troops killed 30 terrorists near Minian.", "The army eliminated a group of 12 terrorists near Minian."),
    # "12 died" keeps the whole's noun
    ("Of the 150 passengers, 12 died.", "The crash killed 40 people."),
    # metaphor and intent
    ("Regulations have strangled 500 small businesses.", "The recession killed 2,000 small businesses."),
    ("Police foiled a plot for the assassination of 12 officials.", "Militants killed 3 officials in the capital."),
])
def test_second_review_cases_never_conflict_falsely(claim, passage):
    found = tuple(q for q in extract_quantities(claim) if q.unit != "date")
    status = compare(found, extract_quantities(passage)).status
    assert status != "conflict" and (status != "consistent" or "casualties" not in passage)


@pytest.mark.parametrize("claim,passage", [
    ("The bombing killed 200 people.", "The number of casualties of the bombing rose to 120."),
    ("Twenty people were wounded in the suicide attack on a wedding.", "At least 14 people were killed 25 were "
                                                                     "wounded in the suicide attack on a wedding."),
    ("Israel fired 30 rockets at the city.", "Israel did not fire a single rocket at the city."),
    # dev5 (stop 25): new frames that catch real conflicts
    ("Syrian troops destroyed over 60 terrorists near Palmyra.", "Syrian troops killed 25 terrorists near Palmyra."),
    ("Eight Civilians Killed 14 Injured in Terrorist Bombing in Damascus.",
     "The bombing in Damascus killed 3 civilians."),
    ("Those killed in the two attacks include 14 children.", "The two attacks killed 20 children."),
    ("As a result of the shelling six people died.", "The shelling killed 10 people."),
    ("The war has caused the death of 200000 people and at least 60000 are missing.",
     "The war has left 20,000 people missing."),
    ("The blast caused the death of one civilian and injury of 13 others.", "The blast injured 5 people."),
])
def test_second_review_real_conflicts_are_still_caught(claim, passage):
    found = tuple(q for q in extract_quantities(claim) if q.unit != "date")
    assert compare(found, extract_quantities(passage)).status == "conflict"


def test_a_single_thing_without_negation_is_one():
    assert frame("A single soldier was killed.", "A single").low == 1
    assert frame("It is a single rocket.", "a single").low == 1


def test_millions_of_people_is_not_money():
    q = frame("Millions of people spent the night outside.", "Millions")
    assert q.unit == "" and q.counted == "people"


def test_a_vote_tally_is_two_counts_not_a_range():
    found = [q for q in extract_quantities("The amendment failed on a 47-53 vote.") if q.unit != "date"]
    assert [(q.low, q.high) for q in found] == [(47, 47), (53, 53)]


def test_headline_case_keeps_names_and_offsets():
    from vericlaim.claims.parser import headline_case

    text = "Sat 2 Jun 2018 Syrian Democratic Forces Kill 20 Fighters Near Raqqa."
    normal = headline_case(text)
    assert len(normal) == len(text) and "Kill" not in normal and "kill 20 fighters" in normal
    assert "Syrian Democratic" in normal and "Raqqa" in normal
    sentence = "The Syrian Observatory for Human Rights said 20 people were killed."
    assert headline_case(sentence) == sentence  # ordinary prose is never touched


def test_the_groups_initials_are_read_as_a_name_and_offsets_hold():
    from vericlaim.claims.parser import parser_text

    text = "Activists said that three IS fighters were killed. THIS IS WAR."
    read = parser_text(text)
    assert len(read) == len(text) and "three IZ fighters" in read and "THIS IS WAR" in read


# A review of this round's rules found these new ways to accuse falsely; each stays unrelated.
@pytest.mark.parametrize("claim,passage", [
    # the part after "including" shares the nearest event verb, not the first amount's
    ("The airstrikes killed 3 children.", "The airstrikes killed 25 people and wounded dozens of others, "
                                          "including 7 children."),
    ("The raid killed 4 children.", "A boy was killed and five other civilians including two children "
                                    "(aged 6 and 9) were injured."),
    # an earlier "among ... countries" names what the bare amount counts
    ("More than 1,000 people signed the petition.", "Among OECD countries, 20 signed the treaty."),
    # a photo credit's year is not a count of the singular noun after it
    ("A US service member died of his wounds.", "AFP 2017 JOHN SMITH US Service Member Dies of Wounds in Iraq"),
    # what an army captures is not people
    ("Police arrested 2 people.", "Iraqi Army Captures Several Militant-Held Villages in Northern Nineveh"),
    # shares of one group with different predicates
    ("1 in 5 adults are obese.", "1 in 3 adults have high blood pressure."),
    ("Two out of three families had health insurance.", "One in four families filed for bankruptcy."),
    # money: "millions more" of a noun, dollars of another currency
    ("The plan costs $2 million.", "The plan would make millions more people uninsured."),
    ("He paid $500,000 for the house.", "He paid millions of Canadian dollars for the house."),
])
def test_dev3_review_cases_never_conflict(claim, passage):
    found = tuple(q for q in extract_quantities(claim) if q.unit != "date")
    assert compare(found, extract_quantities(passage)).status != "conflict"


def test_headline_present_tense_verbs_are_not_counted_nouns():
    found = {q.text: q for q in extract_quantities("Suicide Bomber Kills Four Injures Nine in Kirkuk")}
    assert (found["Four"].counted, found["Four"].event) == ("people", "killed")
    assert (found["Nine"].counted, found["Nine"].event) == ("people", "wounded")


def test_a_recent_window_only_compares_with_the_same_window():
    passage = "More than 300 people have been killed since January, including 20 in the past week."
    twenty = frame(passage, "20")
    assert (twenty.event, twenty.time) == ("killed", "past week")
    claim = tuple(q for q in extract_quantities("The shelling killed 50 people.") if q.unit != "date")
    assert compare(claim, extract_quantities(passage)).status != "conflict"
    same = tuple(q for q in extract_quantities("Raids killed 35 people in the past week.") if q.unit != "date")
    assert compare(same, extract_quantities("Air strikes killed 20 people in the past week.")).status == "conflict"


@pytest.mark.parametrize("sentence", [
    "Wolf won the title after defeating Torpegaard 6–7, 6–3, 6–4 in the final.",  # set scores, en-dashes
    "Watt recorded two sacks in a 34-17 win over the Titans.",                  # a game score
    "The team edged Leeds 3–2 on Saturday.",
])
def test_sports_scores_are_never_counts(sentence):
    assert [q.text for q in extract_quantities(sentence) if q.unit != "date" and q.low in (6, 7, 3, 4, 34, 17, 2)
            and q.counted not in ("sacks",)] == []


# False accusations the reviews found that predate stop 24 and are not fixed yet: kept visible.
@pytest.mark.xfail(strict=True, reason="known false conflicts, older than stop 24; see docs/BENCHMARKS.md")
@pytest.mark.parametrize("claim,passage", [
    ("Militants fired 30 rockets at the city.", "Not a single rocket hit the city."),  # fired is not hit
    ("Five members of the cell were killed in the raid.", "Only one of the 12 members of the cell was killed."),
])
def test_known_false_conflicts(claim, passage):
    found = tuple(q for q in extract_quantities(claim) if q.unit != "date")
    assert compare(found, extract_quantities(passage)).status != "conflict"

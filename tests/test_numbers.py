"""Claim/evidence pairs written for this project, with the expected numeric outcome.

consistent: the passage counts the same thing with an agreeing number;
conflict: same thing, incompatible number; unrelated: nothing comparable.
"""

import pytest

from vericlaim.claims.quantities import extract_quantities
from vericlaim.numbers import compare

C, X, U = "consistent", "conflict", "unrelated"

PAIRS = [
    # casualties
    ("52 fighters were killed in the raid.", "The raid killed 25 fighters.", X),
    ("25 fighters were killed in the raid.", "The raid killed 25 fighters.", C),
    ("The attack killed 12 civilian contractors.", "One civilian contractor was killed.", X),
    ("One contractor was killed.", "One civilian contractor was killed in the attack.", C),
    ("More than 100 people were killed.", "The death toll rose to 140.", C),
    ("More than 100 people were killed.", "The death toll rose to 40.", X),
    ("More than 100 people were killed.", "At least 140 people were killed.", C),
    ("More than 100 people were killed.", "Officials said 60 people were killed.", X),
    ("About 30 people died.", "32 people were killed in the blast.", C),
    ("About 30 people died.", "Fifty people were killed in the blast.", X),
    ("Nearly 20 soldiers were wounded.", "19 soldiers were wounded.", C),
    ("Nearly 20 soldiers were wounded.", "25 soldiers were wounded.", X),
    ("Dozens of fighters were killed.", "52 fighters were killed.", C),
    ("Dozens of fighters were killed.", "Five fighters were killed.", X),
    ("Six soldiers were wounded.", "Four soldiers were wounded.", X),
    ("Six soldiers were wounded.", "Six troops were injured.", C),
    ("Six soldiers were wounded.", "Six soldiers were killed.", U),
    ("Six soldiers were wounded.", "Six civilians were wounded.", U),
    ("Four people were killed when a bridge collapsed.", "No one was killed.", X),
    ("No one was killed in the attack.", "Nobody died in the attack.", C),
    ("No one was killed in the attack.", "Three people were killed in the attack.", X),
    ("The strike killed 8 children.", "Eight children died in the strike.", C),
    ("The strike killed 8 children.", "Fifteen children died in the strike.", X),
    ("Between 20 and 30 civilians were killed.", "25 civilians were killed.", C),
    ("Between 20 and 30 civilians were killed.", "40 civilians were killed.", X),
    ("Up to 20 people were hurt.", "15 people were injured.", C),
    ("Up to 20 people were hurt.", "35 people were injured.", X),
    ("At least 12 people were killed.", "12 people died.", C),
    ("At least 12 people were killed.", "Nine people died.", X),
    ("The bombing killed 40 people.", "The bombing killed 40 civilians.", C),
    ("The bombing killed 40 people.", "Forty people were wounded.", U),
    ("There were no casualties.", "Two soldiers were wounded.", X),
    ("25 deaths were recorded.", "25 people were killed.", C),
    # troops
    ("Camp Alder hosts about 1,200 coalition troops.", "Camp Alder hosts 1,150 soldiers.", C),
    ("Camp Alder hosts about 1,200 coalition troops.", "Camp Alder hosts 5,000 soldiers.", X),
    # who does it matters: "the plan creates" is not "the industry created"
    ("The plan creates 600,000 new jobs.", "The industry created about 500,000 new jobs.", U),
    ("Some 5,200 troops are deployed.", "5,200 soldiers are deployed.", C),
    ("Some 5,200 troops are deployed.", "2,500 soldiers are deployed.", X),
    ("3 service members were wounded.", "Three soldiers were wounded.", C),
    ("200 troops arrived.", "200 rockets were fired.", U),
    ("Two dozen soldiers were injured.", "24 soldiers were hurt.", C),
    ("Two dozen soldiers were injured.", "12 soldiers were hurt.", X),
    # rockets
    ("About 30 rockets hit the base.", "More than 30 rockets struck the base.", C),
    ("Fewer than 10 rockets were fired at the base.", "More than 30 rockets struck the base.", X),
    # "11 more rockets" is a difference (another salvo on top of a total), compared with nothing
    ("Militants fired 11 more rockets.", "Eleven rockets were fired.", "unrelated"),
    ("Militants fired 11 more rockets.", "Militants fired 4 rockets.", "unrelated"),
    ("Militants fired 20 rockets and 11 more shells.", "Militants fired 4 shells.", X),
    ("A single rocket hit the base.", "One rocket landed on the base.", C),
    ("A single rocket hit the base.", "Seven rockets landed on the base.", X),
    ("Fewer than 10 rockets were fired.", "Several rockets landed near the runway.", C),
    ("A volley of around 30 rockets hit.", "Dozens of rockets hit the camp.", C),
    ("18 missiles were launched.", "18 rockets were launched.", C),
    ("18 missiles were launched.", "Several drones were launched.", U),
    # distances, money, percentages, rates
    ("The truck was parked 50 kilometres west of the base.", "The truck was parked 5 kilometres west.", X),
    ("The truck was parked 5 kilometres away.", "It was parked 3 miles away.", X),
    ("The convoy drove three miles.", "The convoy travelled about 5 km.", C),
    ("The port workers got a 6 percent pay rise.", "Workers won a 6% raise.", C),
    ("The port workers got a 6 percent pay rise.", "Workers won a 10% raise.", X),
    ("Fields produced about 410,000 barrels per day.", "Fields produced 400,000 barrels per day.", C),
    ("Fields produced about 410,000 barrels per day.", "Fields produced 250,000 barrels per day.", X),
    ("The plan costs $1.5 million.", "The plan costs 1.5 million dollars.", C),
    ("The plan costs $1.5 million.", "The plan costs $15 million.", X),
    ("Unemployment fell to 4.5 percent.", "The minister spoke for 45 minutes.", U),
    # unrelated and dates
    ("In 2019 the war went on.", "In 2018 the war went on.", U),
    ("Floods displaced about 800 residents.", "Floods displaced 820 people.", C),
    ("Floods displaced about 800 residents.", "Floods displaced 3,000 people.", X),
    ("The strike hit five sites.", "The strike hit 12 sites.", X),  # same verb, same noun: aligned
    ("Marsel United won 3-1.", "22,000 fans watched the final.", U),
    ("Six soldiers were wounded.", "The governor condemned the attack.", U),
]


@pytest.mark.parametrize("claim,evidence,expected", PAIRS, ids=[f"{i}:{p[2]}" for i, p in enumerate(PAIRS)])
def test_numeric_comparison(claim, evidence, expected):
    claim_q = tuple(q for q in extract_quantities(claim) if q.unit != "date")
    outcome = compare(claim_q, extract_quantities(evidence))
    assert outcome.status == expected, outcome.describe()


def test_at_least_sixty_pairs_with_every_outcome():
    assert len(PAIRS) >= 60
    assert {p[2] for p in PAIRS} == {C, X, U}


def test_conflict_reason_names_both_numbers():
    claim_q = tuple(extract_quantities("52 fighters were killed."))
    outcome = compare(claim_q, extract_quantities("The raid killed 25 fighters."))
    assert outcome.describe() == "claim says 52 fighters killed; evidence says 25 fighters killed"


def test_scores_are_never_counts():
    claim_q = tuple(extract_quantities("Marsel United beat Linden Rovers 3-1."))
    assert claim_q == ()
    assert compare(claim_q, extract_quantities("United won 2-0 in front of 22,000 fans.")).status == U


def test_bare_numbers_allow_support_only_when_present():
    claim_q = tuple(extract_quantities("The vote was 52 against 48."))
    assert compare(claim_q, extract_quantities("It ended 52 against 48, the clerk said.")).status == C
    assert compare(claim_q, extract_quantities("It ended 51 against 49, the clerk said.")).status == U


def test_coordinated_parts_add_up_to_the_whole():
    from vericlaim.claims.quantities import extract_quantities

    passage = extract_quantities("The militant who beheaded two British and two American hostages was hurt.")
    def status(claim):
        return compare(tuple(q for q in extract_quantities(claim) if q.unit != "date"), passage).status
    assert status("The militant killed 4 hostages.") == "consistent"  # the parts' sum
    assert status("He killed 2 American hostages.") == "consistent"  # one part
    assert status("He killed 7 hostages.") == "conflict"


def test_ages_of_unnamed_people_never_conflict():
    from vericlaim.claims.quantities import extract_quantities

    claim = tuple(q for q in extract_quantities("A 19-year-old from Leeds died in the strike.") if q.unit != "date")
    assert compare(claim, extract_quantities("The 40-year-old was killed by the militants.")).status != "conflict"

"""Words the quantity parser knows: number words, qualifiers, counted nouns.

Counted nouns are grouped into synonym sets so that "troops" in a claim and
"soldiers" in a report count the same thing; events (killed, wounded) are
kept apart from the nouns so "52 fighters killed" and "52 fighters wounded"
never match.
"""

from __future__ import annotations

UNITS_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
TENS_WORDS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
SCALES = {
    "hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
    "m": 1e6, "mn": 1e6, "bn": 1e9, "k": 1e3, "lakh": 1e5, "crore": 1e7,
}
# Vague amounts as intervals: a reader of "dozens" expects 24..99.
VAGUE = {
    "dozens": (24, 99), "scores": (40, 99), "hundreds": (200, 999), "thousands": (2000, 9999),
    "tens of thousands": (20000, 99999), "hundreds of thousands": (200000, 999999),
    "millions": (2e6, 9.99e8), "several": (3, 9), "a few": (2, 5), "a handful": (3, 6),
    "a couple of": (2, 2), "a couple": (2, 2), "a dozen": (12, 12), "a single": (1, 1),
    "a hundred": (100, 100), "a thousand": (1000, 1000),
}
FRACTIONS = {
    "half": 0.5, "one-half": 0.5, "one-third": 1 / 3, "two-thirds": 2 / 3, "one-quarter": 0.25,
    "a quarter": 0.25, "three-quarters": 0.75, "a third": 1 / 3, "a half": 0.5,
}
# qualifier phrase -> canonical qualifier
QUALIFIERS = {
    "about": "about", "around": "about", "some": "about", "roughly": "about",
    "approximately": "about", "approx.": "about", "an estimated": "about", "estimated": "about",
    "nearly": "nearly", "almost": "nearly", "close to": "nearly", "just under": "nearly",
    "up to": "up to", "as many as": "up to",
    "more than": "more than", "over": "more than", "in excess of": "more than",
    "upwards of": "more than", "just over": "more than",
    "at least": "at least", "no fewer than": "at least", "no less than": "at least",
    "less than": "less than", "fewer than": "less than", "under": "less than",
    "below": "less than", "at most": "up to", "no more than": "up to",
    "exactly": "exactly", "only": "exactly", "just": "exactly",
}
ABOUT_TOLERANCE = 0.10  # "about 30" covers 27..33

# counted-noun synonym groups: surface word -> canonical group
COUNTED = {}
for group, words in {
    "troops": "troops soldiers soldier servicemen servicemembers personnel marines "
              "paratroopers service-members service-member",
    "fighters": "fighters fighter militants militant rebels rebel insurgents insurgent gunmen "
                "jihadists combatants",
    "civilians": "civilians civilian",
    "people": "people persons person individuals residents contractors contractor workers staff",
    "children": "children child kids minors",
    "women": "women woman",
    "rockets": "rockets rocket missiles missile projectiles projectile mortars mortar shells",
    "drones": "drones drone",
    "airstrikes": "airstrikes airstrike air-strikes strikes raids",
    "bodies": "bodies",
    "refugees": "refugees refugee migrants displaced",
    "vehicles": "vehicles vehicle trucks tanks",
    "houses": "houses homes buildings",
    "casualties": "casualties",
    "deaths": "deaths fatalities",
    "injuries": "injuries",
    "prisoners": "prisoners detainees hostages captives",
    "votes": "votes",
    "jobs": "jobs",
    "cases": "cases infections",
}.items():
    for word in words.split():
        COUNTED[word] = group

# events: a count of people can be of the killed or the wounded
EVENTS = {}
for group, words in {
    "killed": "killed kill kills dead died die dies deaths death fatalities lives slain "
              "massacred executed killing perished",
    "wounded": "wounded injured hurt injuries injuring wounding",
    "arrested": "arrested detained captured arresting detaining",
    "displaced": "displaced fled evacuated displacing evacuating",
    "fired": "fired launched struck hit landed",
}.items():
    for word in words.split():
        EVENTS[word] = group
# nouns that are themselves an event count ("25 deaths" = 25 killed)
NOUN_EVENTS = {"deaths": "killed", "fatalities": "killed", "injuries": "wounded"}

UNITS = {
    "percent": ("percent", 1.0), "per cent": ("percent", 1.0), "%": ("percent", 1.0),
    "percentage points": ("percent", 1.0),
    "km": ("km", 1.0), "kilometres": ("km", 1.0), "kilometers": ("km", 1.0),
    "kilometre": ("km", 1.0), "kilometer": ("km", 1.0),
    "miles": ("km", 1.609344), "mile": ("km", 1.609344),
    "metres": ("m", 1.0), "meters": ("m", 1.0), "metre": ("m", 1.0), "meter": ("m", 1.0),
    "feet": ("m", 0.3048), "foot": ("m", 0.3048),
    "dollars": ("USD", 1.0), "usd": ("USD", 1.0), "euros": ("EUR", 1.0), "pounds": ("GBP", 1.0),
    "tonnes": ("t", 1.0), "tons": ("t", 1.0), "kg": ("kg", 1.0), "kilograms": ("kg", 1.0),
    "barrels per day": ("barrels/day", 1.0), "barrels a day": ("barrels/day", 1.0),
    "bpd": ("barrels/day", 1.0), "barrels": ("barrels", 1.0),
    "years": ("years", 1.0), "months": ("months", 1.0), "days": ("days", 1.0),
    "hours": ("hours", 1.0), "minutes": ("minutes", 1.0), "weeks": ("weeks", 1.0),
}
CURRENCY_SIGNS = {"$": "USD", "US$": "USD", "€": "EUR", "£": "GBP"}
# words that mark "zero": "no one was killed", "no casualties"
ZERO_WORDS = ("no one", "nobody", "no casualties", "no deaths", "no injuries", "none")
MONTHS = (
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec"
).split()
WEEKDAYS = "monday tuesday wednesday thursday friday saturday sunday".split()

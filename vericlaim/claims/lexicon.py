"""Words the quantity parser knows: number words, qualifiers, counted nouns.

Counted nouns are grouped into synonym sets so that "troops" in a claim and
"soldiers" in a report count the same thing; events (killed, wounded) are
kept apart from the nouns so "52 fighters killed" and "52 fighters wounded"
never match.
"""

from __future__ import annotations


def _by_word(groups: dict[str, str]) -> dict[str, str]:
    """{group: "word word ..."} -> {word: group}: one synonym table per line of words."""
    return {word: group for group, words in groups.items() for word in words.split()}

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
    "m": 1e6, "mn": 1e6, "bn": 1e9, "k": 1e3, "lakh": 1e5, "crore": 1e7, "bln": 1e9, "mln": 1e6,
}
# Vague amounts as intervals: a reader of "dozens" expects 24..99.
VAGUE = {
    "dozens": (24, 99), "scores": (40, 99), "tens": (20, 99), "hundreds": (200, 999), "thousands": (2000, 9999),
    "tens of thousands": (20000, 99999), "hundreds of thousands": (200000, 999999),
    "millions": (2e6, 9.99e6), "tens of millions": (2e7, 9.99e7), "hundreds of millions": (2e8, 9.99e8),
    "billions": (2e9, 9.99e9), "tens of billions": (2e10, 9.99e10), "hundreds of billions": (2e11, 9.99e11), "several": (3, 9), "a few": (2, 5), "a handful": (3, 6),
    "a couple of": (2, 2), "a couple": (2, 2), "a dozen": (12, 12), "a single": (1, 1),
    "a hundred": (100, 100), "a thousand": (1000, 1000), "a million": (1e6, 1e6),
    "a billion": (1e9, 1e9), "a trillion": (1e12, 1e12),
    "several hundred": (300, 999), "a few hundred": (200, 500), "several thousand": (3000, 9999),
    "a few thousand": (2000, 5000), "several dozen": (36, 99), "a few dozen": (24, 60),
    "a quarter of a million": (250000, 250000), "a quarter million": (250000, 250000),
    "half a million": (500000, 500000), "a half million": (500000, 500000),
    "a third of a million": (333333, 333334), "three quarters of a million": (750000, 750000),
    "half a billion": (5e8, 5e8), "a quarter of a billion": (2.5e8, 2.5e8),
}
FRACTIONS = {
    "half": 0.5, "one-half": 0.5, "one-third": 1 / 3, "two-thirds": 2 / 3, "one-quarter": 0.25,
    "a quarter": 0.25, "three-quarters": 0.75, "a third": 1 / 3, "a half": 0.5,
    "one-fourth": 0.25, "three-fourths": 0.75, "a fourth": 0.25, "one-fifth": 0.2, "two-fifths": 0.4,
    "three-fifths": 0.6, "four-fifths": 0.8, "a fifth": 0.2, "one-tenth": 0.1, "a tenth": 0.1,
}
# qualifier phrase -> canonical qualifier
QUALIFIERS = {
    "about": "about", "around": "about", "some": "about", "roughly": "about",
    "approximately": "about", "approx.": "about", "an estimated": "about", "estimated": "about",
    "nearly": "nearly", "almost": "nearly", "close to": "nearly", "just under": "nearly",
    "closer to": "about", "very close to": "nearly",
    "up to": "up to", "as many as": "up to", "as high as": "up to", "as much as": "up to",
    "more than": "more than", "over": "more than", "in excess of": "more than",
    "upwards of": "more than", "just over": "more than",
    "at least": "at least", "no fewer than": "at least", "no less than": "at least",
    "less than": "less than", "fewer than": "less than", "under": "less than",
    "below": "less than", "at most": "up to", "no more than": "up to",
    "above": "more than", "within": "up to",
    # a verb that passes the amount: "topped 80 percent", "could exceed $7 trillion"
    "topped": "more than", "tops": "more than", "exceeded": "more than", "exceeds": "more than",
    "exceed": "more than", "surpassed": "more than", "surpasses": "more than",
    "exactly": "exactly", "only": "exactly", "just": "exactly",
}
ABOUT_TOLERANCE = 0.10  # "about 30" covers 27..33

# counted-noun synonym groups: surface word -> canonical group
COUNTED = _by_word({
    "troops": "troops soldiers soldier servicemen servicemembers personnel marines forces "
              "paratroopers service-members service-member",
    "fighters": "fighters fighter militants militant rebels rebel insurgents insurgent gunmen "
                "jihadists combatants attackers attacker assailants bombers",
    "civilians": "civilians civilian",
    "people": "people persons person individuals residents contractors contractor workers staff "
              "villagers inhabitants locals",
    "children": "children child kids minors schoolchildren",
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
    "jobs": "jobs job-openings",
    "medics": "medics medic medical-personnel medical-staff medical-workers",
    "cases": "cases infections",
})

# events: a count of people can be of the killed or the wounded
EVENTS = _by_word({
    "killed": "killed kill kills dead died die dies deaths death fatalities lives slain "
              "massacred executed killing perished",
    "wounded": "wounded injured hurt injuries injuring wounding",
    "arrested": "arrested detained captured arresting detaining",
    "displaced": "displaced fled evacuated displacing evacuating",
    "fired": "fired launched struck hit landed",
})
# counted-noun groups that are people (a casualty event can happen to them)
PERSON_GROUPS = frozenset({"troops", "fighters", "civilians", "people", "children", "women", "prisoners",
                           "refugees", "bodies", "medics"})
# events that happen to people (the rest, "fired", "intercepted", happen to munitions)
PERSON_EVENTS = frozenset({"killed", "wounded", "killed or wounded", "arrested", "displaced", "missing", "captured"})
# nouns that are themselves an event count ("25 deaths" = 25 killed)
NOUN_EVENTS = {"deaths": "killed", "fatalities": "killed", "injuries": "wounded", "death": "killed",
               "fatality": "killed", "injury": "wounded", "casualties": "killed or wounded",
               "victims": "killed", "martyrs": "killed", "martyr": "killed"}

UNITS = {
    "percent": ("percent", 1.0), "per cent": ("percent", 1.0), "%": ("percent", 1.0),
    # a change of a share, never comparable with the share itself
    "percentage points": ("percentage points", 1.0), "percentage point": ("percentage points", 1.0),
    "-year-old": ("years", 1.0), "-years-old": ("years", 1.0), "years old": ("years", 1.0),
    "km": ("km", 1.0), "kilometres": ("km", 1.0), "kilometers": ("km", 1.0),
    "kilometre": ("km", 1.0), "kilometer": ("km", 1.0),
    "miles": ("km", 1.609344), "mile": ("km", 1.609344),
    "metres": ("m", 1.0), "meters": ("m", 1.0), "metre": ("m", 1.0), "meter": ("m", 1.0),
    "feet": ("m", 0.3048), "foot": ("m", 0.3048), "centimetres": ("m", 0.01), "centimeters": ("m", 0.01),
    "cm": ("m", 0.01), "millimetres": ("m", 0.001), "millimeters": ("m", 0.001), "mm": ("m", 0.001),
    "inches": ("m", 0.0254),
    "dollars": ("USD", 1.0), "dollar": ("USD", 1.0), "usd": ("USD", 1.0),
    "rupees": ("INR", 1.0), "rupee": ("INR", 1.0),
    "labor hours": ("hours", 1.0), "labour hours": ("hours", 1.0), "man-hours": ("hours", 1.0), "euros": ("EUR", 1.0), "pounds": ("GBP", 1.0),
    "tonnes": ("t", 1.0), "tons": ("t", 1.0), "kg": ("kg", 1.0), "kilograms": ("kg", 1.0),
    "barrels per day": ("barrels/day", 1.0), "barrels a day": ("barrels/day", 1.0),
    "bpd": ("barrels/day", 1.0), "barrels": ("barrels", 1.0),
    "barrels of oil per day": ("barrels/day", 1.0), "barrels of oil a day": ("barrels/day", 1.0),
    "barrels of crude per day": ("barrels/day", 1.0), "barrels of crude a day": ("barrels/day", 1.0),
    "years": ("years", 1.0), "months": ("months", 1.0), "days": ("days", 1.0),
    "hours": ("hours", 1.0), "minutes": ("minutes", 1.0), "weeks": ("weeks", 1.0),
    "year": ("years", 1.0), "month": ("months", 1.0), "day": ("days", 1.0), "hour": ("hours", 1.0),
    "minute": ("minutes", 1.0), "week": ("weeks", 1.0), "decades": ("years", 10.0),
    # "30-second ad" (not "two second-graders", "three second-place finishes")
    "seconds": ("seconds", 1.0), "-second": ("seconds", 1.0),
    "square kilometres": ("km2", 1.0), "square kilometers": ("km2", 1.0), "sq km": ("km2", 1.0),
    "km2": ("km2", 1.0), "square miles": ("km2", 2.589988), "sq miles": ("km2", 2.589988),
    "ounces": ("oz", 1.0), "ounce": ("oz", 1.0), "oz": ("oz", 1.0), "gallons": ("gallons", 1.0),
    "gallon": ("gallons", 1.0), "litres": ("l", 1.0), "liters": ("l", 1.0), "mg": ("mg", 1.0),
    "milligrams": ("mg", 1.0), "grams": ("g", 1.0), "tb": ("TB", 1.0), "terabytes": ("TB", 1.0),
    "gb": ("GB", 1.0), "gigabytes": ("GB", 1.0), "acres": ("acres", 1.0), "hectares": ("ha", 1.0),
    # a word between the number and its time unit: "five extra months", "three more years"
    "extra months": ("months", 1.0), "extra years": ("years", 1.0), "extra days": ("days", 1.0),
    "more years": ("years", 1.0), "more months": ("months", 1.0), "more days": ("days", 1.0),
    "straight hours": ("hours", 1.0), "straight days": ("days", 1.0),
}
CURRENCY_SIGNS = {"$": "USD", "US$": "USD", "€": "EUR", "£": "GBP", "₹": "INR", "Rs": "INR", "Rs.": "INR"}
# words that mark "zero": "no one was killed", "no casualties"
ZERO_WORDS = ("no one", "nobody", "no casualties", "no deaths", "no injuries", "none")
MONTHS = (
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec"
).split()
WEEKDAYS = "monday tuesday wednesday thursday friday saturday sunday".split()

# --- Dependency-parse attachment (claims/frames.py) -------------------------------------------
# Verb and adjective lemmas -> the event they report. "fired" applies to munitions only, the
# others to people; frames.py checks that the counted noun plays the patient's role.
EVENT_LEMMAS = _by_word({
    "killed": "kill die slay massacre execute perish murder behead assassinate dead slaughter "
              "martyr crucify",
    "wounded": "wound injure hurt maim injured wounded",
    "fired": "fire launch lob hit strike land fall rain slam pound drop",
    "intercepted": "intercept",
    "deployed": "deploy dispatch station send",
    "displaced": "displace flee evacuate uproot",
    "arrested": "arrest detain capture kidnap abduct rearrest",
    "missing": "missing",
})
# Verbs whose grammatical subject is what the event happens to ("12 people died").
PATIENT_SUBJECT_LEMMAS = {"die", "perish", "flee", "dead", "missing", "injured", "wounded"}
# Munitions are the subject of these when they were fired ("30 rockets struck the base").
IMPACT_LEMMAS = {"hit", "strike", "land", "fall", "slam", "rain", "pound", "explode", "drop"}
# "sustained injuries", "suffered wounds", "lost their lives": the object names the event.
OBJECT_EVENTS = {"injury": "wounded", "wound": "wounded", "casualty": "killed or wounded",
                 "life": "killed", "death": "killed", "concussion": "wounded", "burn": "wounded",
                 "treatment": "wounded", "symptom": "wounded", "victim": "killed"}
# Nouns that are counted things in their own right, beyond the synonym groups of COUNTED.
EXTRA_COUNTED = {
    "attacks": "attacks", "attack": "attacks", "assaults": "attacks", "raid": "airstrikes",
    "others": "people", "families": "families", "family": "families", "men": "people",
    "man": "people", "bombs": "rockets", "bomb": "rockets", "grenades": "rockets",
    "barrel-bombs": "rockets", "jets": "aircraft", "planes": "aircraft", "aircraft": "aircraft",
    "helicopters": "aircraft", "villages": "villages", "towns": "towns", "homes": "houses",
    "population": "people", "populations": "people",
    # "claimed 400,000 lives", "six Lebanese martyrs": people (the event comes from the verb or noun)
    "lives": "people", "life": "people", "martyrs": "people", "martyr": "people",
}
# People nouns: "a farmer was killed" counts one person killed.
PERSON_NOUNS = set(
    "people person civilian civilians soldier soldiers troops fighter fighters militant militants "
    "rebel rebels child children woman women man men boy boys girl girls farmer farmers worker "
    "workers journalist journalists policeman policemen officer officers resident residents "
    "student students doctor doctors member members other others citizen citizens protester "
    "protesters demonstrator demonstrators passenger passengers employee employees insurgent "
    "insurgents gunman gunmen guard guards pilot pilots commander commanders leader leaders "
    "villager villagers refugee refugees teacher teachers nurse nurses volunteer volunteers "
    "infant infants baby babies contractor contractors servicemen personnel marine marines "
    "jihadist jihadists combatant combatants detainee detainees prisoner prisoners hostage hostages "
    "individual individuals victim victims".split()
)
# Nouns after "one"/"a" that are not counted things ("one day", "a year", "one of the...").
NOT_COUNTED = set(
    "day days week weeks month months year years time times hour hours minute minutes side hand "
    "way point part kind sort lot number total majority minority half third quarter decade decades".split()
)
# Words that name the property a percentage or amount measures.
PROPERTY_WORDS = _by_word({
    "increase": "increase rise raise growth hike gain jump surge climb grow",
    "decrease": "decrease fall drop decline cut reduction loss slump dip shrink",
    "probability": "chance probability likelihood odds risk",
    "rate": "rate",
    "share": "share proportion portion percentage majority",
    "approval": "approval rating",
    "turnout": "turnout",
    "tax": "tax taxes",
})
INCREASE_VERBS = {"rise", "increase", "grow", "climb", "jump", "soar", "surge", "double", "gain", "go up", "raise"}
DECREASE_VERBS = {"fall", "decrease", "drop", "decline", "shrink", "plunge", "slump", "cut", "reduce", "lower"}
DURATION_UNITS = {"years", "months", "weeks", "days", "hours", "minutes", "seconds"}
# Groups of people whose "over 65" / "under 30" is an age (a regex alternation, for
# quantities.py, which gives the unit, and frames.py, which gives the property)
AGE_GROUP_WORDS = ("people|adults|persons|men|women|seniors|americans|patients|individuals|those|anyone|everyone|"
                   "children|kids|residents|voters|workers")
# "per year", "a day", "annually": a rate over a period, never comparable with a total.
PERIOD_WORDS = {"annually": "per year", "yearly": "per year", "daily": "per day", "monthly": "per month",
                "weekly": "per week", "hourly": "per hour"}

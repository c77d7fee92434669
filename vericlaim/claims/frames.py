"""Attach a number to what it counts, what happened to it, and when: a quantity frame.

The regex grammar in ``quantities.py`` finds *values* ("about 12", "several
hundred", "$5bn"); this module reads the dependency parse to find the rest of
the frame, because word distance gets it wrong exactly where it matters:

- "killed 20 people and injured 30 others": 30 is the object of *injured*;
- "a salvo of about 12 shells killed a farmer": the shells are the *agent* of
  killed, so they were not killed; the farmer (one person) was;
- "killed 25 of the group's fighters": the noun hangs off "of".

An event applies to a counted noun only when the noun plays the patient's role
(object of an active verb, subject of a passive one, subject of "die"), so a
count is never reported as killed because it stands near "killed".
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from vericlaim.claims.lexicon import (
    AGE_GROUP_WORDS,
    COUNTED,
    DECREASE_VERBS,
    DURATION_UNITS,
    EVENT_LEMMAS,
    EXTRA_COUNTED,
    IMPACT_LEMMAS,
    INCREASE_VERBS,
    NOT_COUNTED,
    NOUN_EVENTS,
    OBJECT_EVENTS,
    PATIENT_SUBJECT_LEMMAS,
    PERIOD_WORDS,
    PERSON_EVENTS,
    PERSON_GROUPS,
    PERSON_NOUNS,
    PROPERTY_WORDS,
    UNITS_WORDS,
)

MUNITIONS = {"rockets", "drones", "airstrikes", "attacks"}
PRONOUNS = {"it", "they", "he", "she", "we", "this", "that", "which", "who", "i", "you", ""}
_SUBJECTS = {"nsubj", "nsubjpass"}
_UNIT_WORDS = {"percent", "%", "cent", "per"}
_ADJECTIVE_EVENTS = {"dead": "killed", "slain": "killed", "killed": "killed", "wounded": "wounded",
                     "injured": "wounded", "missing": "missing"}
_EVENT_ADJECTIVES = set(_ADJECTIVE_EVENTS)
_SCALE_NOUNS = {"dozen", "hundred", "thousand", "million", "billion"}
# Nouns naming an event, whose of-phrase is what it happened to ("the killing of 12 civilians").
_OF_EVENT_NOUNS = {"death": "killed", "killing": "killed", "murder": "killed", "massacre": "killed",
                   "execution": "killed", "slaughter": "killed", "beheading": "killed", "crucifixion": "killed", "injury": "wounded", "wounding": "wounded",
                   "arrest": "arrested", "detention": "arrested", "capture": "arrested", "abduction": "arrested",
                   "kidnapping": "arrested", "evacuation": "displaced", "displacement": "displaced",
                   "deployment": "deployed", "interception": "intercepted", "disappearance": "missing"}
_TOLL_WORDS = {"toll", "number", "count", "total", "tally", "figure"}
# Verbs that, of fighters, report them killed: "destroyed 60 terrorists", "eliminated 12 militants"
_PERSON_OBJECT_KILLING = {"destroy", "eliminate", "liquidate"}
_VAGUE_HEADS = {"scores", "dozens", "hundreds", "thousands", "tens"}  # ("a group of 12" is a part)


def _kills_combatants(verb, noun, counted: str) -> bool:
    """'Army units destroyed 60 terrorists': of armed men, these verbs report them killed. Not
    troops a budget eliminates. ("The rebels lost 90 fighters" is not taken: one side's losses,
    or men lost to desertion, are no count of all the killed a report would give.)"""
    return verb.lemma_.lower() in _PERSON_OBJECT_KILLING and counted in ("fighters", "terrorists") \
        and not any(c.dep_ in ("relcl", "acl") for c in noun.children)


@dataclass(frozen=True)
class Attachment:
    """The parts of a quantity frame that the parse gives."""

    counted: str = ""
    event: str = ""
    property: str = ""
    time: str = ""
    relative: bool = False
    spans: tuple[tuple[str, int, int], ...] = ()
    places: tuple[str, ...] = ()


_CALENDAR_WORDS = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
    "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
}
_PLACE_PREPOSITIONS = {"in", "near", "at", "outside", "around", "across", "into", "on", "inside", "from"}


def clause_range(doc, start: int, end: int) -> tuple[int, int]:
    """Character range of the clause that the number at ``[start, end)`` belongs to."""
    tokens = tokens_in(doc, start, end)
    if not tokens:
        return start, end
    verb = _clause_head(_number_token(tokens))
    right = verb.right_edge
    return verb.left_edge.idx, right.idx + len(right)


def clause_places(num) -> tuple[str, ...]:
    """Proper nouns of the clause of ``num``; those after a place preposition marked '@'.

    "killed 5 in Aleppo" gives ('@aleppo',); "struck Camp Alder near Marsel" gives
    ('@marsel', 'alder', 'camp'): a place named either way can match the other side's.
    """
    verb = _clause_head(num)
    places = set()
    for token in verb.subtree:
        if token.pos_ != "PROPN" or token.lower_ in _CALENDAR_WORDS or token.like_num or token.text == "IZ":
            continue
        located = token.dep_ == "pobj" and token.head.lower_ in _PLACE_PREPOSITIONS
        places.add(("@" if located else "") + token.lower_)
    return tuple(sorted(places))


def canonical_noun(token) -> str:
    """Synonym group of a counted noun ("soldiers" -> "troops"), else its plural lower form.

    A specific modifier wins over a generic head: "civilian contractors" are civilians,
    "service members" are troops.
    """
    for child in token.children:
        if child.dep_ in ("compound", "amod") and child.i < token.i:
            pair = f"{child.lower_}-{token.lower_}"
            if pair in COUNTED:
                return COUNTED[pair]
            group = COUNTED.get(child.lower_)
            if group and group != "people" and COUNTED.get(token.lower_, EXTRA_COUNTED.get(token.lower_)) == "people":
                return group
    word = token.lower_
    if word in COUNTED:
        return COUNTED[word]
    if word in EXTRA_COUNTED:
        return EXTRA_COUNTED[word]
    lemma = token.lemma_.lower()
    if lemma in COUNTED:
        return COUNTED[lemma]
    if lemma in EXTRA_COUNTED:
        return EXTRA_COUNTED[lemma]
    if word.endswith("s") or token.tag_ == "NNS":
        return word
    plural = _plural(lemma)
    return COUNTED.get(plural) or EXTRA_COUNTED.get(plural) or plural  # "a shell" counts rockets


_FORCE_WORDS = {"forces", "force", "army", "armies", "military", "troops", "navy", "regiment", "battalion",
                "guard", "artillery", "infantry"}
_ARMED_GROUP_WORDS = {"group", "groups", "militia", "militias", "faction", "factions", "organization",
                      "organisation", "movement", "brigade", "brigades", "cell", "cells", "front"}
_CIVIL_GROUP_WORDS = {"party", "parliament", "congress", "senate", "house", "family", "families", "board",
                      "council", "committee", "union", "club", "team", "staff", "church", "community", "crew"}


def member_group(noun, event: str) -> str:
    """'members of government forces' are troops; 'Ahrar al-Sham members' killed are fighters.

    "Members" says only that they belong to something: what that is (from the of-phrase or the
    modifiers) says whether they are soldiers or fighters. An armed group's members count as
    fighters only when something happened to them in the fighting (killed, wounded, arrested),
    so "50 members of the group voted" stays members.
    """
    if noun.lemma_.lower() != "member":
        return ""
    owners = []
    of_object = _of_object(noun)
    if of_object is not None:
        owners.append(of_object)
        owners += [c for c in of_object.children if c.dep_ in ("compound", "amod") and c.i < of_object.i]
    owners += [c for c in noun.children if c.dep_ in ("compound", "amod", "nmod", "poss") and c.i < noun.i]
    owners += [g for c in list(owners) for g in c.children if g.dep_ == "compound"]
    words = {t.lower_ for t in owners}
    if words & _CIVIL_GROUP_WORDS:
        return ""
    if words & _FORCE_WORDS or "service" in words:
        return "troops"
    if event in ("killed", "wounded", "killed or wounded", "arrested", "missing") and (
            words & _ARMED_GROUP_WORDS or any(t.pos_ == "PROPN" for t in owners)):
        return "fighters"
    return ""


def _plural(word: str) -> str:
    if word.endswith("man"):
        return word[:-3] + "men"
    if word in ("child", "person"):
        return {"child": "children", "person": "people"}[word]
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


def tokens_in(doc, start: int, end: int) -> list:
    """Tokens of ``doc`` that overlap characters [start, end).

    Found by bisection over the token offsets (cached on the Doc): frames ask this
    for every number, and walking the whole Doc each time was most of the index-time cost.
    """
    starts, ends = _token_offsets(doc)
    first = bisect.bisect_right(ends, start)
    stop = bisect.bisect_left(starts, end)
    return [doc[i] for i in range(first, stop)]


def _token_offsets(doc) -> tuple[list[int], list[int]]:
    cached = doc.user_data.get("vericlaim_token_offsets")
    if cached is None or len(cached[0]) != len(doc):
        starts = [t.idx for t in doc]
        cached = (starts, [t.idx + len(t) for t in doc])
        doc.user_data["vericlaim_token_offsets"] = cached
    return cached


def _number_token(tokens: list):
    """The token that carries the number's grammatical role (the last numeral of the span)."""
    nums = [t for t in tokens if t.pos_ == "NUM" or t.like_num]
    return (nums or tokens)[-1]


def _of_object(token):
    """'25 of the fighters', 'dozens of rockets', '35 of the slain': the noun after "of"."""
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for grandchild in child.children:
                if grandchild.dep_ == "pobj" and (grandchild.pos_ in ("NOUN", "PROPN")
                                                  or grandchild.lower_ in _EVENT_ADJECTIVES):
                    return grandchild
    return None


def counted_noun(num):
    """The noun the number counts, or None ("killed 25" has no noun)."""
    hyphenated = _hyphen_noun(num)
    if hyphenated is not None:
        return hyphenated  # "a 60-vote threshold" counts votes, "a 12-member panel" members
    noun = _counted_noun(num)
    # "70,237 drug overdose deaths", "two senior Islamic State group (IS) leaders": the parse may
    # hang the number off a modifier of the noun it counts
    # ("10 children 5 women", a list without commas, is two counts: the head has its own number)
    # ("3 Aleppo schoolchildren state media": a plural the lexicon counts is no modifier)
    while noun is not None and noun.dep_ in ("compound", "nmod") and noun.head.pos_ == "NOUN" \
            and noun.head.i > noun.i and not any(c.dep_ == "nummod" and c.i > noun.i for c in noun.head.children) \
            and not (noun.tag_ == "NNS" and (noun.lower_ in COUNTED or noun.lower_ in PERSON_NOUNS)
                     and not _modifies_plural_head(noun)):
        noun = noun.head  # ("40 jobs bills": a plural straight before its plural head modifies it)
    # "119 weather and climate disasters": a singular modifier coordinated with the plural head
    if noun is not None and noun.tag_ == "NN" and not any(c.dep_ == "det" for c in noun.children):
        plural = [c for c in noun.children if c.dep_ == "conj" and c.tag_ == "NNS"
                  and not any(g.dep_ == "nummod" for g in c.children)]
        if plural and num.lower_ not in ("one", "1"):
            noun = plural[0]
    return noun


_SOURCE_NOUNS = {"activists", "reports", "media", "sources", "monitors", "officials", "names", "witnesses", "medics"}


def _modifies_plural_head(token) -> bool:
    """'40 jobs bills': a plural thing straight before the plural it modifies counts that head.
    Never people ("13 people MSF said", "20 civilians activists", "Civilians Children Killed")
    nor a source run into a headline ("militants media reported")."""
    head = token.head
    return (head.i == token.i + 1 and head.tag_ == "NNS" and token.dep_ in ("compound", "nmod", "amod")
            and token.lower_ not in PERSON_NOUNS and canonical_noun(token) not in PERSON_GROUPS
            and head.lower_ not in PERSON_NOUNS and head.lower_ not in _SOURCE_NOUNS)


def _plural_after(num, noun):
    """The counted plural straight after the number when the parse put the number elsewhere.

    "including 1733 children 969 women" (wire text without commas) leaves "1733" a bare
    object, and "three regime airstrikes hit" counts the airstrikes, not the regime. Only a
    plural the lexicon knows as a counted thing, not itself modifying a noun after it, is taken.
    """
    doc = num.doc
    at = num.i + 1
    if noun is not None and noun.i > at and at < len(doc) and _lexicon_plural(doc[at]) and not (
            at + 1 < len(doc) and doc[at + 1].pos_ == "NOUN"):
        return doc[at]  # "kills 6 women 4 children", parsed as 6 children and 4 women
    if noun is not None and noun.i > at and not _lexicon_plural(noun):
        # "kills 3 Aleppo schoolchildren state media": names and adjectives stand before the
        # plural that is counted, whatever longer compound the parse hangs the number on
        for token in doc[at:noun.i]:
            if _lexicon_plural(token):
                # ("40 jobs bills": a plural straight before a plural head only modifies it)
                return noun if token.i + 1 == noun.i and _modifies_plural_head(token) else token
            if token.pos_ not in ("PROPN", "ADJ"):
                break
        return noun
    if noun is not None and noun.i == at and noun.tag_ == "NN" and num.lower_ not in ("one", "1", "a", "an"):
        at += 1  # "three regime airstrikes": a singular noun under a plural number is a modifier
    elif noun is not None:
        return noun
    if at >= len(doc):
        return noun
    word = doc[at]
    follows = doc[at + 1] if at + 1 < len(doc) else None
    if not _lexicon_plural(word) or (follows is not None and (follows.pos_ == "NOUN" or follows.text in ("'s", "’s"))):
        return noun
    return word


def _lexicon_plural(token) -> bool:
    """A plural the lexicon knows as a counted thing ('children', 'airstrikes', 'policemen')."""
    word = token.lower_
    return (word in COUNTED or word in EXTRA_COUNTED or word in PERSON_NOUNS) and word.endswith(
        ("s", "men", "children", "people", "police"))


def _hyphen_noun(num):
    """'60-vote threshold': the noun joined to the number by a hyphen, when it modifies another noun."""
    doc = num.doc
    if num.i + 2 >= len(doc) or doc[num.i + 1].text != "-":
        return None
    word = doc[num.i + 2]
    if word.pos_ != "NOUN" or word.dep_ not in ("compound", "amod", "nmod") or word.head.i <= word.i \
            or word.lower_ in _UNIT_WORDS or word.lower_ in NOT_COUNTED or word.lower_.rstrip("s") in NOT_COUNTED:
        return None
    return word


def _counted_noun(num):
    head = num.head
    # "several ... regions" (amod), "half the population" (predet)
    counting = ("nummod", "quantmod", "compound", "predet") + (("amod",) if num.pos_ == "ADJ" else ())
    if num.dep_ in counting and head.pos_ in ("NOUN", "PROPN") and head.i > num.i:
        if head.lower_ in _UNIT_WORDS:
            return None
        if head.lower_ in _SCALE_NOUNS and head.i != num.i:
            return counted_noun(head) or _of_object(head)  # "two dozen soldiers"
        # "a quarter of a million people": the number modifies a noun that the of-phrase counts
        return head
    if num.dep_ in ("nummod", "quantmod", "conj", "compound") and head.pos_ == "NUM" and head.i != num.i:
        return counted_noun(head)  # "between 20 and 30 civilians", "1 200 soldiers"
    if head.i == num.i + 1 and head.pos_ == "PROPN" and head.dep_ == "compound" and head.head.pos_ == "NOUN" \
            and head.head.i > head.i:
        return head.head  # "five IS militants", tagged as if the five were a subject of "IS"
    if num.dep_ == "npadvmod" and head.lower_ in ("more", "fewer", "less", "additional", "extra") \
            and head.dep_ == "amod" and head.head.pos_ in ("NOUN", "PROPN") and head.head.i == head.i + 1:
        return head.head  # "3 million fewer Americans", "500 more troops"
    return _of_object(num)


def _noun_after(doc, end: int):
    """The word straight after the number when the parse failed to attach it ('1.2m people')."""
    following = [t for t in doc if t.idx >= end]
    while following and following[0].lower_ in ("m", "bn", "k", "mn", "more", "other", "additional"):
        following = following[1:]
    before = doc.text[:end].split()
    number = before[-1] if before else ""  # the amount's last word
    if len(following) > 1 and following[0].lower_ == "of" and number.lower() in (
            "dozens", "scores", "hundreds", "thousands", "millions", "tens"):
        # "scores of others injured", where the parse hung "of others" elsewhere
        following = following[1:]
        for _ in range(4):  # "dozens of burned out vehicles"
            if following and following[0].dep_ in ("det", "poss", "amod", "prt", "advmod") \
                    and following[0].pos_ != "NOUN":
                following = following[1:]
    if following and (following[0].pos_ == "NOUN" or following[0].lower_ in COUNTED):
        word = following[0]
        if word.dep_ == "compound" and word.tag_ == "NN" and word.head.i == word.i + 1 and word.head.tag_ == "NNS" \
                and not (canonical_noun(word.head) == "people" and word.head.lower_ != "people"):
            # "two suicide bombers", the number hung on a name before it (not "5 rescue workers",
            # which as "people" would meet every other count of workers)
            return word.head
        return word
    # "29 Syria rebels dead": a place or people's name before the plural noun it qualifies
    for skip in (1, 2) if not re.fullmatch(r"(?:19|20)\d\d", number) else ():  # "AFP 2018 US Service ..."
        if len(following) > skip and all(t.pos_ == "PROPN" for t in following[:skip]) \
                and following[skip].tag_ == "NNS":
            return following[skip]
    return None


def _coordinated_people(noun, counted: str) -> str:
    """'dozens of civilians and combatants', 'retirees, the disabled and their families': people.

    A number before coordinated nouns of different kinds of person counts them all, so the
    count is of people; coordinated nouns with their own numbers are separate counts.
    """
    conjuncts, stack = [], [noun]
    while stack:
        for child in stack.pop().children:
            if child.dep_ == "conj" and child.pos_ in ("NOUN", "ADJ"):
                if any(g.dep_ == "nummod" or g.like_num or (g.dep_ == "det" and g.lower_ in ("a", "an", "another"))
                       for g in child.children):
                    return counted  # "two women and a child": each has its own count
                conjuncts.append(child)
                stack.append(child)
    if not conjuncts:
        return counted
    groups = {counted}
    for token in conjuncts:
        person = (token.lower_ in PERSON_NOUNS or token.lemma_.lower() in PERSON_NOUNS or _is_person(token)
                  or token.lemma_.lower() in ("family", "household") or (token.pos_ == "ADJ" and any(
                      c.dep_ == "det" for c in token.children)))
        if not person:
            return counted
        groups.add(canonical_noun(token) if token.pos_ == "NOUN" else token.lower_)
    person_head = noun.lower_ in PERSON_NOUNS or noun.lemma_.lower() in PERSON_NOUNS or _is_person(noun)
    return "people" if person_head and len(groups) > 1 else counted


_LEVEL_VERBS = {"be", "average", "total", "reach", "stand", "number", "rise", "fall", "climb", "drop", "grow",
                "increase", "decrease", "hit", "top", "exceed", "surpass", "remain"}


def _subject_noun(num):
    """'The number of refugees reached 5 million', 'the population averaged 259.1 million'.

    A bare number that a verb of level gives to its subject counts what the subject counts.
    """
    if num.dep_ == "pobj" and num.head.lower_ in ("to", "at", "of"):
        carrier = num.head
    elif num.dep_ in ("attr", "dobj", "npadvmod"):
        carrier = num
    else:
        return None
    verb = carrier.head
    if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() not in _LEVEL_VERBS:
        return None
    subject = next((c for c in verb.children if c.dep_ in _SUBJECTS), None)
    if subject is None or subject.pos_ != "NOUN":
        return None
    if subject.lemma_.lower() in _TOLL_WORDS and subject.lemma_.lower() != "toll":
        inner = _of_object(subject)
        return inner if inner is not None and inner.pos_ == "NOUN" else None
    word = subject.lower_
    return subject if word in COUNTED or word in EXTRA_COUNTED or subject.lemma_.lower() in EXTRA_COUNTED else None


def _partitive_noun(num):
    """'Of those 192 deaths, about 130 involved an opioid': a fronted of-phrase names the count."""
    if num.dep_ == "pobj" and num.head.lower_ == "of" and (
            num.head.i == 0 or num.head.doc[num.head.i - 1].is_punct):
        # "Of those deaths, 47,600 - or 67.8% - involved opioids": the parse makes both objects of "of"
        earlier = [c for c in num.head.children if c.dep_ == "pobj" and c.i < num.i and c.pos_ == "NOUN"
                   and c.tag_ == "NNS" and c.lower_ not in NOT_COUNTED]
        if earlier and any(t.text == "," for t in num.doc[earlier[-1].i:num.i]):
            return earlier[-1]
        return None
    if num.dep_ not in ("nsubj", "nsubjpass", "dobj"):
        return None
    for child in num.head.children:
        if child.dep_ == "prep" and child.lower_ == "of" and child.i < num.i:
            for obj in child.children:
                if obj.dep_ == "pobj" and obj.pos_ == "NOUN" and obj.tag_ == "NNS" and obj.lower_ not in NOT_COUNTED:
                    return obj
    return None


def _parenthetical_noun(num):
    """'vaccine deaths this past decade (994)': a number in brackets gives the count of the noun before."""
    doc = num.doc
    if num.i < 2 or num.i + 1 >= len(doc) or doc[num.i - 1].text != "(" or doc[num.i + 1].text != ")":
        return None
    for token in reversed(doc[max(0, num.i - 9):num.i - 1]):
        if token.is_punct and token.text not in ("-",):
            return None
        if token.pos_ == "NOUN" and (token.lower_ in NOT_COUNTED or token.lower_ in _CALENDAR_WORDS):
            continue  # "deaths this past decade (994)"
        if token.pos_ == "NOUN":
            return token if token.tag_ == "NNS" else None
        if token.pos_ not in ("NUM", "ADV", "ADP", "DET", "ADJ", "PRON") and not token.like_num:
            return None
    return None


def _event_of_verb(verb, counted: str) -> str:
    return _coordinated_event(verb, _verb_event(verb, counted))


def _coordinated_event(verb, event: str, has_subject: bool = False) -> str:
    """'were killed and injured' counts the killed or wounded; 'died or suffered cardiac arrest'
    counts no one event. A count shared by two verbs is only a count of what both say, so it is
    never compared as the killed alone (a verb with its own subject or object is its own count:
    "killed 5 and wounded 10")."""
    if event not in ("killed", "wounded"):
        return event
    head = verb.head
    if verb.dep_ == "conj" and not has_subject and head.pos_ in ("VERB", "ADJ") and _adjacent(head, verb) and not any(
            g.dep_ in _SUBJECTS for g in verb.children) and not any(g.dep_ == "dobj" for g in head.children):
        # "killed or injured 50 people": the object after the second verb is the first one's too
        first = _verb_event(head, "")
        if {event, first} == {"killed", "wounded"}:
            return "killed or wounded"
        if any(c.dep_ == "cc" and c.lower_ == "or" for c in head.children) and first != event:
            return ""
    either = any(c.dep_ == "cc" and c.lower_ == "or" for c in verb.children)
    if any(c.dep_ == "dobj" for c in verb.children):
        return event  # "killed 44 people on Monday and wounded more than 100": its own object
    for other in verb.children:
        if other.dep_ != "conj" or other.pos_ not in ("VERB", "ADJ") or any(
                g.dep_ in _SUBJECTS for g in other.children):
            continue
        if not either and any(g.dep_ in ("dobj", "attr") for g in other.children):
            continue
        if not _adjacent(verb, other):
            continue  # "were killed and many more injured": the second verb has a count of its own
        second = _verb_event(other, "")
        if {event, second} == {"killed", "wounded"}:
            return "killed or wounded"
        if either and second != event:
            return ""
    return event


def _second_verb_event(verb) -> str:
    """'were ambushed and killed', 'rounded up and arrested': a casualty verb straight after a
    verb with no event of its own, sharing its subject, says what happened."""
    # (not "shot and killed", "beaten and killed": a count of one way of dying is a part of all
    # the killed, which a toll of every death must not be refuted by)
    if verb.lemma_.lower() not in ("round", "ambush", "hunt", "capture", "seize", "grab", "stop", "attack"):
        return ""
    for other in verb.children:
        if other.dep_ == "conj" and other.pos_ == "VERB" and _adjacent(verb, other) and not any(
                g.dep_ in _SUBJECTS or g.dep_ == "dobj" for g in other.children):
            event = _verb_event(other, "")
            if event in ("killed", "wounded", "arrested"):
                return event
    return ""


def _adjacent(first, second) -> bool:
    """Only 'and', 'or', auxiliaries and adverbs between two verbs: 'killed and injured', 'were
    killed or were wounded' (not "killed and 500 more injured")."""
    between = first.doc[first.i + 1:second.i]
    return second.i > first.i and all(
        t.dep_ in ("cc", "aux", "auxpass", "neg", "punct", "prt") or (t.dep_ == "advmod" and t.lower_ not in ("more",))
        for t in between) and len(between) <= 3


def _verb_event(verb, counted: str) -> str:
    lemma = verb.lemma_.lower()
    if verb.lower_ in ("dead", "missing", "injured", "wounded"):
        lemma = verb.lower_
    event = EVENT_LEMMAS.get(lemma, "")
    if lemma in ("shoot",) and any(c.lower_ == "down" for c in verb.children):
        return "intercepted"
    if _fell_victim(verb) or _blew_up_themselves(verb):
        return "killed"  # "1500 people fell victim to the attack", "five attackers blew themselves up"
    if lemma == "gas" and not any(t.lower_ == "tear" for t in verb.doc[max(0, verb.i - 2):verb.i + 1]):
        return "killed"  # "gassed thousands of Kurds" (tear gas is not)
    if any(c.dep_ in ("dobj", "attr") and c.lemma_.lower() == "passage"
           and any(g.lower_ == "safe" for g in c.children) for c in verb.children):
        return "displaced"  # "were granted safe passage out of the town"
    if event:
        return event
    if lemma in ("take", "hold", "keep") and verb.dep_ not in ("acl", "relcl") and any(
            c.lemma_.lower() in ("hostage", "captive", "prisoner") and c.tag_ != "NNS" and (
                c.dep_ in ("oprd", "attr", "xcomp", "advmod", "npadvmod", "acomp", "ccomp", "advcl")
                or (c.dep_ == "dobj" and any(o.dep_ == "dobj" and o.i != c.i for o in verb.children)))
            for c in verb.children):
        # "took 900 civilians hostage", "were holding them captive": an event of its own, never
        # compared with arrests by police ("holds 100 hostages", the counted noun, is no event;
        # "beheaded two American hostages held captive" says what they are, not what happened)
        return "captured"
    if lemma in ("force", "drive", "compel") and any(
            c.dep_ == "xcomp" and c.lemma_.lower() in ("flee", "leave", "evacuate") for c in verb.children):
        return "displaced"  # "forced millions to flee their homes"
    for child in verb.children:
        # "sustained serious injuries", "lost their lives", "were treated for concussion"
        if child.dep_ in ("dobj", "attr") and child.lemma_.lower() in OBJECT_EVENTS:
            return OBJECT_EVENTS[child.lemma_.lower()]
        if child.dep_ == "prep" and child.lower_ == "among":
            # "76 children were among those killed", "three were among the dead"
            for obj in child.children:
                if obj.dep_ == "pobj":
                    if obj.lower_ in _EVENT_ADJECTIVES or obj.lemma_.lower() in ("victim", "casualty"):
                        return EVENT_LEMMAS.get(obj.lower_) or ("killed" if obj.lower_ != "casualties" else "")
                    inner = _modifier_event(obj)
                    if inner:
                        return inner
        if child.dep_ == "prep" and child.lower_ == "for" and lemma in ("treat", "hospitalize"):
            return "wounded"
        if child.dep_ in ("acomp", "xcomp", "oprd", "attr") and (
            child.lower_ in ("dead", "missing", "injured", "wounded")
            or EVENT_LEMMAS.get(child.lemma_.lower()) in ("killed", "wounded")
        ):
            return EVENT_LEMMAS.get(child.lower_) or EVENT_LEMMAS.get(child.lemma_.lower(), "")
    if lemma in ("treat", "hospitalize", "hospitalise"):
        return "wounded"
    return ""


def _headline_participle(verb) -> bool:
    """'2 persons killed 13 injured': a bare past participle with no auxiliary is a reduced
    passive (headline style), so its subject is what the event happened to."""
    if verb.lemma_.lower() not in ("kill", "injure", "wound", "hurt") or any(
            c.dep_ in ("aux", "auxpass") for c in verb.children):
        return False
    if verb.tag_ == "VBN":
        return True
    # "8 persons killed 58 others injured", tagged as if the persons did the killing: the
    # "object" carries its own casualty participle, so both are headline counts
    doc = verb.doc
    return any(c.dep_ == "dobj" and (
        any(g.dep_ == "acl" and g.lower_ in ("injured", "wounded", "hurt") for g in c.children)
        # "Eight Civilians Killed 14 Injured": a bare number with its own participle after it
        or (c.like_num and c.i + 1 < len(doc) and doc[c.i + 1].lower_ in ("injured", "wounded", "hurt")))
        for c in verb.children)


def _fell_victim(verb) -> bool:
    return verb.lemma_.lower() == "fall" and (verb.head.lemma_.lower() == "victim" or any(
        c.lemma_.lower() == "victim" and c.dep_ in ("dobj", "attr", "oprd", "npadvmod") for c in verb.children))


def _blew_up_themselves(verb) -> bool:
    return verb.lemma_.lower() == "blow" and any(c.dep_ == "prt" and c.lower_ == "up" for c in verb.children) \
        and any(c.dep_ == "dobj" and c.lower_ in ("themselves", "himself", "herself") for c in verb.children)


def _has_object(verb) -> bool:
    return any(c.dep_ in ("dobj", "attr") for c in verb.children)


def _role_event(anchor, counted: str, number_is_noun: bool) -> tuple[str, object]:
    """Event of the verb that governs ``anchor``, when ``anchor`` is what it happened to."""
    cur = anchor
    through_of = False
    for _ in range(6):
        head, dep = cur.head, cur.dep_
        if dep in ("conj", "appos") and head.pos_ in ("NOUN", "PROPN", "NUM", "PRON"):
            cur = head
            continue
        if dep == "pobj":
            prep = head
            if prep.lower_ in ("including", "among"):
                verb = prep.head
                if verb.pos_ in ("VERB", "AUX", "ADJ"):
                    return _event_of_verb(verb, counted), verb
                cur = verb
                continue
            before = prep.doc[prep.i - 1] if prep.i > 0 else prep
            if prep.lower_ == "of" and before.lemma_.lower() in _OF_EVENT_NOUNS and before.pos_ == "NOUN":
                # "the death of one civilian and injury of 13 others", whatever "of" hangs on
                return _OF_EVENT_NOUNS[before.lemma_.lower()], before
            if prep.lower_ == "of" and prep.head.lemma_.lower() in _OF_EVENT_NOUNS and prep.head.i < prep.i:
                # "the death of two leaders", "the arrest of 20 people": an event noun's of-phrase
                return _OF_EVENT_NOUNS[prep.head.lemma_.lower()], prep.head
            if prep.lower_ == "of" and prep.head.pos_ in ("NOUN", "NUM", "PRON"):
                cur = prep.head  # "a salvo of 12 shells": the salvo plays the role
                through_of = True
                continue
            verb = prep.head
            if prep.lower_ == "with" and verb.lower_ in ("along", "together") and verb.head.pos_ == "VERB" \
                    and any(c.dep_ == "auxpass" for c in verb.head.children):
                # "were killed along with six others", "along" a particle of the verb (passive only:
                # "the sergeant killed 16 villagers along with two soldiers" names his accomplices)
                verb = verb.head
            if prep.lower_ == "with" and prep.i > 0 and prep.doc[prep.i - 1].lower_ in ("along", "together") \
                    and verb.pos_ == "VERB" and any(c.dep_ in ("auxpass", "dobj") for c in verb.children):
                # "he was killed along with two other people": they share what happened to him
                return _event_of_verb(verb, counted), verb
            if prep.lower_ in ("between", "about", "around", "over", "some", "nearly") and verb.pos_ == "VERB" \
                    and prep.i < verb.i:
                # "Between 12 and 20 villagers were killed": a qualifier parsed as a preposition
                passive = any(c.dep_ == "auxpass" for c in verb.children)
                if passive or verb.lemma_.lower() in PATIENT_SUBJECT_LEMMAS:
                    return _event_of_verb(verb, counted), verb
            return "", None
        if dep == "prep" and cur.lower_ in ("including", "among"):
            return "", None
        if head.pos_ not in ("VERB", "AUX", "ADJ") or head.i == cur.i:
            return "", None
        verb = head
        if dep == "dobj" and verb.lemma_.lower() == "include" and not through_of:
            # "those killed in two attacks include 14 children", "the dead included three women"
            # (not "include a father of five children": only the object itself, or its list)
            return _event_of_included(verb), verb
        if dep == "dobj" and (cur.i == anchor.i or cur.lower_ in _VAGUE_HEADS) and _kills_combatants(verb, anchor, counted):
            return "killed", verb  # "destroyed over 60 terrorists", "eliminating scores of terrorists"
        event = _event_of_verb(verb, counted) or _second_verb_event(verb)
        if not event:
            return "", verb
        lemma = verb.lemma_.lower() if verb.lower_ not in ("dead", "missing") else verb.lower_
        if dep == "nsubjpass" and cur.tag_ == "NNS" and any(
                c.i < cur.i and c.dep_ in _SUBJECTS and c.tag_ == "NN" for c in verb.children) and any(
                c.dep_ in ("aux", "auxpass") and c.lower_ in ("was", "is", "has") for c in verb.children):
            # a singular subject before it and a singular auxiliary: the plural is a misparse
            # ("a picture showing ... four naked men ... was captured")
            return "", verb
        if dep in ("nsubjpass", "dobj", "attr", "oprd"):
            return event, verb
        if dep == "nsubj":
            if counted in MUNITIONS and lemma in IMPACT_LEMMAS:
                return "fired", verb
            if (lemma in PATIENT_SUBJECT_LEMMAS or event in ("missing",) or _fell_victim(verb)
                    or _headline_participle(verb)
                    or _blew_up_themselves(verb)
                    or not EVENT_LEMMAS.get(lemma)  # "sustained injuries", "were dead"
                    or (not _has_object(verb) and (number_is_noun or counted in ("people",))
                        and verb.tag_ in ("VBN", "VBD"))
                    # "One civilian killed due to rocket attack": a headline's bare past tense
                    # with no object, of people, tells what happened to them
                    or (not _has_object(verb) and verb.tag_ == "VBD"
                        and (counted in PERSON_GROUPS or anchor.lower_ in PERSON_NOUNS or _is_person(anchor))
                        and lemma in ("kill", "injure", "wound") and not any(
                            c.dep_ in ("aux", "auxpass", "ccomp", "xcomp")
                            or (c.dep_ == "conj" and c.pos_ == "VERB" and not EVENT_LEMMAS.get(c.lemma_.lower()))
                            for c in verb.children))):
                return event, verb
            return "", verb  # the agent: "shells killed a farmer"
        if dep in ("npadvmod", "advmod") and number_is_noun:
            return event, verb
        if dep == "conj" and cur.i > verb.i and any(c.dep_ == "dobj" and c.i < cur.i for c in verb.children):
            return event, verb  # "killed 17 militants and a child", the child parsed as a second verb
        return "", verb
    return "", None


_REPORTING_LEMMAS = {"say", "report", "tell", "claim", "confirm", "add", "state"}


def _reporting_singular(num, noun) -> bool:
    """A singular noun after a plural number that names who reports, not what is counted:
    headline tags run into the text ("kills 10 monitoring group says", "at least 126 Observatory")."""
    if noun.tag_ not in ("NN", "NNP") or noun.i <= num.i or num.lower_ in ("one", "1", "a", "an") \
            or noun.lower_ in _UNIT_WORDS or noun.lower_ in _SCALE_NOUNS or noun.lower_ in COUNTED \
            or noun.lower_ in PERSON_NOUNS or noun.lower_ in EXTRA_COUNTED:
        return False
    value = num.like_num and num.text.replace(",", "").isdigit() and int(num.text.replace(",", "")) > 1
    if not (value or 2 <= UNITS_WORDS.get(num.lower_, 0) <= 10):
        return False
    if noun.dep_ == "nsubj" and noun.head.lemma_.lower() in _REPORTING_LEMMAS:
        return True
    following = noun.doc[noun.i + 1] if noun.i + 1 < len(noun.doc) else None
    return noun.text[:1].isupper() and (following is None or following.is_punct) and noun.dep_ in ("appos", "compound", "ROOT")


def _appositive_participle(noun) -> str:
    """The event participle at the end of the noun's appositive ("ten civilians, some of them
    children, killed in an airstrike"), which the parse hangs on the appositive, not the noun."""
    chain = [c for c in noun.children if c.dep_ == "appos"]
    for _ in range(3):
        for token in chain:
            for child in token.children:
                if child.dep_ == "acl" and child.tag_ == "VBN" and not _has_object(child):
                    event = EVENT_LEMMAS.get(child.lemma_.lower(), "")
                    if event in PERSON_EVENTS:
                        return event
        chain = [c for token in chain for c in token.children if c.dep_ == "appos"]
    return ""


def _event_of_included(verb) -> str:
    """What happened to the whole that ``verb`` ("include") lists the parts of, from its subject."""
    for subject in (c for c in verb.children if c.dep_ in _SUBJECTS):
        word = subject.lower_
        if word in _ADJECTIVE_EVENTS:
            return _ADJECTIVE_EVENTS[word]  # "the dead include ..."
        if word in NOUN_EVENTS:
            return NOUN_EVENTS[word]  # "the victims include ...", "casualties included ..."
        for child in subject.children:
            if child.dep_ in ("acl", "relcl", "amod") and child.tag_ in ("VBN", "JJ"):
                event = EVENT_LEMMAS.get(child.lower_) or EVENT_LEMMAS.get(child.lemma_.lower(), "")
                if event in PERSON_EVENTS:
                    return event  # "those killed include ...", "people injured included ..."
    return ""


def _participle_after(doc, end: int):
    """'29 injured', '14 dead': an event word straight after the number."""
    for token in doc:
        if token.idx >= end:
            if token.lower_ in ("killed", "dead", "injured", "wounded", "hurt", "missing", "arrested",
                                "displaced", "detained"):
                return token
            return None
    return None


_PASSIVE = {"were", "was", "are", "is", "being"}  # a be-auxiliary straight after the noun: "37 others were injured"
_AUXILIARIES = {"were", "was", "are", "is", "have", "has", "had", "been", "being", "reportedly", "also",
                "later", "all", "subsequently", "seriously", "critically", "badly", "lightly"}


def _event_after_auxiliaries(doc, end: int) -> str:
    """'14 were wounded', '3 have reportedly died': the event word after auxiliaries only."""
    return _participle_after_auxiliaries(doc, end)[0]


def _participle_after_auxiliaries(doc, end: int) -> tuple[str, object]:
    """The event, and its word, of the first word after ``end`` that is not an auxiliary."""
    for token in doc:
        if token.idx < end:
            continue
        if token.lower_ in _AUXILIARIES:
            continue
        if token.tag_ in ("VBN", "VBD", "JJ") or token.lower_ == "missing":  # "60000 are missing" (VBG)
            lemma = token.lower_ if token.lower_ in ("dead", "missing", "injured", "wounded") else token.lemma_.lower()
            event = EVENT_LEMMAS.get(lemma, "")
            return (event, token) if event not in ("fired",) else ("", None)
        return "", None
    return "", None


def _compatible(event: str, counted: str) -> bool:
    if not event:
        return True
    if event == "fired":
        return counted in MUNITIONS and counted != "attacks"
    if event == "intercepted":
        return counted in MUNITIONS or counted in ("aircraft",)
    if event == "deployed":
        return counted not in MUNITIONS
    return counted not in MUNITIONS and counted not in _NOT_PATIENTS


# Things an army captures or a strike hits that no person event can happen to ("captured 3 regions")
_NOT_PATIENTS = frozenset({
    "aircraft", "vehicles", "houses", "villages", "towns", "cities", "regions", "areas", "positions",
    "territories", "hills", "checkpoints", "bases", "neighborhoods", "neighbourhoods", "districts",
    "provinces", "sites", "posts", "locations", "buildings", "farms", "fields", "roads", "bridges",
    "airports", "oilfields", "wells", "schools", "hospitals", "weapons", "rifles", "tons"})


def _modifier_event(noun, depth: int = 0) -> str:
    """'12 wounded soldiers', '40 people killed in the raid', 'people who were killed',
    '11 children among 18 dead', '10 people mostly schoolchildren killed'."""
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "among":
            for obj in child.children:
                if obj.dep_ == "pobj" and obj.lower_ in _EVENT_ADJECTIVES:
                    return _ADJECTIVE_EVENTS[obj.lower_]
        if child.dep_ == "appos" and depth == 0 and child.i > noun.i:
            event = _modifier_event(child, 1)  # the apposition's participle describes the noun too
            if event:
                return event
    for child in noun.children:
        if child.dep_ in ("amod", "acl", "relcl") and child.i != noun.i and not (
                child.i > 0 and noun.doc[child.i - 1].like_num and child.i - 1 != noun.i):
            # ("3 children 40 injured": "injured" belongs to the 40)
            event = _event_of_verb(child, "") if child.dep_ != "amod" else (
                _ADJECTIVE_EVENTS.get(child.lower_)  # "a slain officer"
                or EVENT_LEMMAS.get(child.lower_, EVENT_LEMMAS.get(child.lemma_.lower(), "")))
            if event and (child.dep_ != "relcl" or any(c.dep_ in ("nsubjpass",) or c.lower_ in ("who", "that")
                                                       for c in child.children)):
                return event
    return ""


def _period(doc, num, end: int) -> str:
    """A rate period straight after the quantity: 'per year', 'a day', 'each year', 'annually'."""
    following = [t for t in doc if t.idx >= end][:4]
    words = [t.lower_ for t in following]
    for i, word in enumerate(words):
        if word in PERIOD_WORDS:
            return PERIOD_WORDS[word]
        if word in ("per", "a", "an", "each", "every") and i + 1 < len(words):
            unit = words[i + 1].rstrip("s")
            if unit in ("year", "month", "week", "day", "hour", "decade"):
                return f"per {unit}"
        if word in (".", ",", ";", "and", "but"):
            break
    return ""


_RECENT_WINDOW = re.compile(
    r"\b(?:in|over|during|within|for)\s+the\s+(?:past|last|previous)\s+((?:\d+|[a-z]+)\s+)?"
    r"(hour|day|week|month|year|decade)s?\b", re.IGNORECASE)


def _recent_window(doc, num) -> str:
    """'including 20 in the past week', 'killed 12 over the last 24 hours': a window ending now.

    Kept as a period ("past week") so it only ever compares with the same window: 20 killed in
    the past week never refutes a toll of 50 for the whole attack."""
    low, high = clause_range(doc, num.idx, num.idx + len(num))
    # the number's own stretch of the clause: from it to the next comma or "and"
    stop = next((t.idx for t in doc[num.i + 1:] if t.idx < high and (t.text in (",", ";") or t.lower_ == "and")),
                high)
    match = _RECENT_WINDOW.search(doc.text[num.idx:stop])
    if match is None:
        return ""
    return " ".join(w for w in ("past", (match.group(1) or "").strip().lower(), match.group(2).lower()) if w)


def _since(num) -> str:
    verb = _clause_head(num)
    for token in verb.subtree:
        if token.lower_ == "since" and token.dep_ == "prep":
            words = [t for t in token.subtree if t.i != token.i]
            while words and words[-1].dep_ in ("cc", "punct"):
                words.pop()  # "since March 2011 and nearly half ...": the "and" joins clauses
            return "since " + " ".join(t.text for t in words)
    return ""


_COPULAS = {"be", "remain", "become", "stay"}
_GROUP_WORDS = {"top", "bottom", "richest", "poorest", "wealthiest", "highest-earning", "lowest-earning"}
_MODALS = {"could", "would", "may", "might", "will", "should", "'ll", "can"}
_PROJECTING = {"project", "forecast", "predict", "expect", "plan", "propose", "aim", "target"}


def _projection(num) -> str:
    """'could rise 80 cm by 2100', 'is expected to cost $5bn': a projection, never an observation."""
    verb = _clause_head(num)
    for _ in range(3):
        if any(c.dep_ == "aux" and c.lower_ in _MODALS for c in verb.children) or \
                verb.lemma_.lower() in _PROJECTING:
            return "projected"
        if verb.dep_ in ("xcomp", "ccomp") and verb.head.i != verb.i:
            verb = verb.head
            continue
        break
    return ""


def _restriction(noun) -> str:
    """What narrows a group down: '|country' for 'people in this country', '|remove' for 'people removed'."""
    for child in noun.children:
        if child.dep_ in ("acl", "relcl") and child.pos_ == "VERB":
            return f"|{child.lemma_.lower()}"
        if child.dep_ == "prep" and child.lower_ not in ("of",):
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return f"|{objects[0].lemma_.lower()}"
    return ""


def _clause_head(token):
    """The nearest verb above ``token``, or the root of its sentence when there is none."""
    while token.head.i != token.i and token.pos_ not in ("VERB", "AUX"):
        token = token.head
    return token


def _governing_verb_token(num):
    verb = _clause_head(num)
    return verb if verb.pos_ in ("VERB", "AUX") else None


def _subject(verb) -> str:
    for child in verb.children:
        if child.dep_ in _SUBJECTS:
            compound = [c.lemma_.lower() for c in child.children if c.dep_ == "compound"]
            return " ".join([*compound, child.lemma_.lower()])
    return ""


def _measurement_property(num, unit: str, end_token) -> tuple[str, str]:
    """(property, counted) of a measurement: 'share:immigrants', 'increase:unemployment'...

    Lengths are distances unless they change ("rose 20 cm"): "parked 50 km west" and "parked 5 km
    away" both measure how far.
    """
    prop, counted = _measurement_kind(num, unit, end_token)
    return prop, counted


def _measurement_kind(num, unit: str, end_token) -> tuple[str, str]:
    holder = end_token if end_token is not None else num
    if unit in DURATION_UNITS:
        before = num.doc[max(0, num.i - 3):num.i].text.lower()
        if holder.lower_ in ("old",) or "-old" in holder.doc[holder.i:holder.i + 4].text.lower() or \
                (num.dep_ in ("appos", "npadvmod") and num.head.pos_ == "PROPN" and num.head.i == num.i - 2) or \
                before.endswith(("age of", "aged", "ages of", "ages", "age to", "age from")) or \
                re.search(rf"\b(?:{AGE_GROUP_WORDS}) (?:over|under|above|below)$", before):
            return "age", ""
        after = holder.nbor(1) if holder.i + 1 < len(holder.doc) else None
        if after is not None and after.lower_ == "ago":
            return "time point", ""  # "40 years ago" says when, not how long
        target = holder.head if holder.dep_ in ("compound", "amod", "nummod", "npadvmod") else holder
        if target.pos_ == "NOUN" and target.lower_ not in DURATION_UNITS:
            return f"duration:{target.lemma_.lower()}", ""  # "a three-week siege"
        verb = _governing_verb_token(num)
        owner = verb.lemma_.lower() if verb is not None else ""
        subject = _subject(verb).split(" ")[-1] if verb is not None else ""
        if owner in _COPULAS:  # "is the lowest in 50 years": whose record, not which verb
            if subject in PRONOUNS:
                return "", ""
            owner = f"be_{subject}"
        elif subject not in PRONOUNS:
            owner = f"{owner}_{subject}"  # "the fire burned for 18 hours": this verb, of this subject
        if after is not None and (after.lower_ in ("later", "earlier") or
                                  (after.lower_ in ("after", "before") and after.dep_ == "prep")):
            return f"offset:{owner}", ""  # "resumed eight days after the attack"
        return f"duration:{owner}", ""  # "burned for 18 hours": how long, of this verb
    if unit in ("km", "m"):
        # a length is a distance or a level ("rose to 6 m"), a change only with "by" ("rose by 20 cm")
        verb = _governing_verb_token(num)
        subject = _subject(verb) if verb is not None else ""
        lemma = verb.lemma_.lower() if verb is not None else ""
        by = holder.dep_ == "pobj" and holder.head.lower_ == "by" or num.dep_ == "pobj" and num.head.lower_ == "by"
        if by and lemma in INCREASE_VERBS:
            return f"increase:{subject}", ""
        if by and lemma in DECREASE_VERBS:
            return f"decrease:{subject}", ""
        return f"distance:{subject}", ""
    if unit == "percent" and num.i > 0 and num.doc[num.i - 1].lower_ in _GROUP_WORDS:
        return "group", ""  # "the top 1 percent" names a group of people; it measures nothing
    of_object = _of_object(holder) or _of_object(num)
    if unit == "percent" and of_object is not None:
        # "40 percent of people in this country" is not "8 percent of the people removed"
        # ("55 percent of the country": a share of territory, but of that place, which stays in
        # the property)
        counted = "territory" if _is_place(of_object) else canonical_noun(of_object)
        return f"share:{canonical_noun(of_object)}{_restriction(of_object)}", counted
    if holder.dep_ in ("compound", "amod", "nummod", "npadvmod") and holder.head.pos_ == "NOUN":
        noun = holder.head
        kind = PROPERTY_WORDS.get(noun.lemma_.lower(), noun.lemma_.lower())
        verb = noun.head if noun.head.pos_ in ("VERB", "AUX") else None
        owner = _subject(verb) if verb is not None else ""
        return f"{kind}:{owner}" if owner else kind, ""
    verb = _clause_head(holder)
    if verb.pos_ in ("VERB", "AUX"):
        lemma = verb.lemma_.lower()
        preposition = holder.head.lower_ if holder.dep_ == "pobj" else ""
        subject = _subject(verb)
        if lemma in INCREASE_VERBS and preposition != "to":
            return f"increase:{subject}", ""
        if lemma in DECREASE_VERBS and preposition != "to":
            return f"decrease:{subject}", ""
        if unit in ("USD", "EUR", "GBP") and "average" in num.sent.text.lower():
            return f"average:{lemma}", ""  # "$125 on average" is not what any one donor gave
        if unit in ("USD", "EUR", "GBP"):
            if lemma in _COPULAS:  # "the debt is $13.8 trillion": what it is, is the subject
                return (f"amount:{subject}", "") if subject.split(" ")[-1] not in PRONOUNS else ("", "")
            return f"{lemma}:{subject}", ""  # money is what the verb does with it: "recovered", "paid"
        return f"level:{subject}" if subject else f"{unit}:{lemma}", ""
    return "", ""


def attach(doc, start: int, end: int, unit: str = "") -> Attachment:
    """The frame parts of the quantity whose value spans ``[start, end)`` of ``doc``'s text."""
    tokens = tokens_in(doc, start, end)
    if not tokens:
        return Attachment()
    num = _number_token(tokens)
    after = [t for t in doc if t.idx >= end]
    unit_token = after[0] if unit and after else None
    period = _period(doc, num, end)
    time = period or _since(num) or _projection(num) or _recent_window(doc, num)
    if unit and unit not in ("fraction",):
        prop, counted = _measurement_property(num, unit, unit_token)
        # "6% of all deaths": a share of the killed (the event is the noun's own)
        event = NOUN_EVENTS.get(counted, "") if unit in ("percent",) else ""
        return Attachment(counted=counted, event=event, property=prop, time=time)
    participle = _participle_after(doc, end)
    if participle is not None and participle.i == tokens[-1].i + 1:
        event = _event_of_verb(participle, "") or EVENT_LEMMAS.get(participle.lower_, "")
        noun = counted_noun(num)
        counted = canonical_noun(noun) if noun is not None and noun.i < participle.i else ""
        return Attachment(counted=counted, event=event, time=time,
                          spans=(("event", participle.idx, participle.idx + len(participle)),))
    parsed_noun = counted_noun(num)
    noun = _plural_after(num, parsed_noun)
    # a plural found by position that the parse made a mere modifier ("including 1733 children
    # 969 women"): the number, not the noun, holds the role
    listed = noun is not None and (parsed_noun is None or noun.i != parsed_noun.i) and num.head.i != noun.i \
        and noun.dep_ in ("nmod", "compound", "amod", "appos", "conj")
    if noun is None and num.dep_ not in ("pobj", "dobj", "nsubj", "nsubjpass"):
        noun = _noun_after(doc, end)
    if noun is None:
        noun = _partitive_noun(num) or _parenthetical_noun(num) or _subject_noun(num)
    if noun is not None and noun.i > num.i and _headline_verb(noun):
        noun = None  # "Kills Two Injures Three": the next verb, tagged as a plural noun, is not counted
    if noun is not None and noun.i == num.i + 1 and noun.tag_ in ("NN", "NNP") and noun.text[:1].isupper() \
            and num.lower_ not in ("one", "1", "a", "an") and not noun.lower_.endswith("s") \
            and noun.i + 1 < len(doc) and doc[noun.i + 1].text[:1].isupper():
        noun = None  # "kills 19 Monitor At least 19 ...": a headline's last word, not what 19 counts
    if noun is not None and _reporting_singular(num, noun):
        noun = None  # "kills 10 monitoring group says", "toll at least 126 Observatory": the source
    if noun is not None and noun.lower_ in NOT_COUNTED and _of_object(noun) is None:
        return Attachment(time=time)
    if noun is not None and _of_object(noun) is not None and noun.lower_ in (
            "number", "total", "group", "handful", "dozen", "dozens", "hundreds", "thousands", "quarter",
            "third", "half", "million", "millions", "thirds", "quarters", "fifths", "decline", "drop", "increase", "rise", "fall", "reduction",
            "jump", "loss", "gain", "surge"):
        noun = _of_object(noun)  # "an 11,742 decline of residents on food stamps" counts residents
    if noun is None and num.dep_ == "pobj" and num.head.lower_ == "of" and \
            num.head.head.lemma_.lower() in ("population", "crowd"):
        noun = num.head.head  # "a population of about 18000": people
    if noun is None and tokens[0].i >= 2 and doc[tokens[0].i - 1].lower_ == "of" and \
            doc[tokens[0].i - 2].lemma_.lower() in ("family", "household", "crowd", "delegation", "crew"):
        noun = doc[tokens[0].i - 2]  # "killed by a family of 12", "a family of six": people
    counted = canonical_noun(noun) if noun is not None else ""
    if noun is not None and noun.i < tokens[0].i and noun.lemma_.lower() in ("family", "household", "crew"):
        counted = "people"
    if noun is not None:
        counted = _coordinated_people(noun, counted)
    spans = []
    if noun is not None:
        spans.append(("entity", noun.idx, noun.idx + len(noun)))
    event, verb = "", None
    if noun is not None:
        event = (NOUN_EVENTS.get(noun.lower_, "") or _ADJECTIVE_EVENTS.get(noun.lower_, "")) or _modifier_event(noun)
        if noun.lower_ in _ADJECTIVE_EVENTS:
            counted = "people"  # "35 of the slain", "several of the wounded"
        if counted == "casualties":
            event = "killed or wounded"
    if not event:
        for token in tokens:  # "tens of thousands of people displaced by fighting": on the amount's head
            if token.i != (noun.i if noun is not None else -1):
                event = _modifier_event(token)
                if event:
                    break
    phrase_end = _of_phrase_end(noun) if noun is not None else None
    if noun is not None and noun.i > num.i and phrase_end.i + 1 < len(doc) and doc[phrase_end.i + 1].lower_ in _PASSIVE \
            and not (phrase_end.tag_ in ("NNS", "NNPS") and doc[phrase_end.i + 1].lower_ in ("was", "is")):
        # (a plural noun before "was" is not its subject: "beheaded two hostages was hurt")
        # "10 civilians were killed including a child and 37 others were injured", "two members of
        # the Defence Forces were killed": the noun's own passive says what happened to it,
        # whatever the parse hangs it on ("5 gunmen have killed 20 villagers" is active)
        passive_event, participle = _participle_after_auxiliaries(doc, phrase_end.idx + len(phrase_end))
        if participle is not None:
            # "were killed and injured" (the noun before it is this verb's own subject)
            passive_event = _coordinated_event(participle, passive_event, has_subject=True)
        if passive_event and passive_event != event and not any(c.dep_ == "dobj" for c in participle.children):
            event = passive_event
            spans = [span for span in spans if span[0] != "event"] + [
                ("event", participle.idx, participle.idx + len(participle))]
    if not event:
        event = _event_of_earlier_object(doc, num) or _event_of_group(doc, num)
    if not event and noun is None and num.i + 1 < len(doc) and doc[num.i + 1].lower_ in (
            "were", "was", "are", "is", "have", "had", "remain", "remained"):
        # "killed 20 soldiers and 14 were wounded": the parse makes 14 a conjunct of "soldiers",
        # but its own auxiliary and participle say what happened to it
        event = _event_after_auxiliaries(doc, end)
    if not event:
        anchor = num if noun is None or noun.i < num.i or listed else noun
        if noun is None and num.head.i == num.i + 1 and num.head.lower_ in ("more", "others", "other", "additional"):
            anchor = num.head  # "injured around 900 more": "more" plays the number's role
        event, verb = _role_event(anchor, counted, noun is None)
        if event and verb is not None:
            spans.append(("event", verb.idx, verb.idx + len(verb)))
    if not event and noun is None:
        event = _event_after_auxiliaries(doc, end)  # "and 14 were wounded", parsed as a conjunct
    if not event and noun is not None and noun.i > num.i and noun.i + 1 < len(doc) \
            and doc[noun.i + 1].lower_ in ("were", "was", "have", "had", "has") \
            and (verb is None or not any(c.dep_ in _SUBJECTS for c in doc[noun.i + 1].head.children)):
        # a headline run into the text hangs "Thirty civilians were killed" off the headline's
        # words; the noun, its auxiliaries and the participle still say what happened
        event = _event_after_auxiliaries(doc, noun.idx + len(noun))
    if not event and noun is not None and noun.i > num.i and noun.i + 1 < len(doc) and \
            doc[noun.i + 1].lower_ in ("killed", "dead", "died", "injured", "wounded", "hurt", "missing") and \
            doc[noun.i + 1].dep_ not in ("amod",) and (verb is None or verb.i != noun.i + 1):
        # "scores of others injured", "shelling six people died", where the parse hangs the
        # participle on another clause
        event = (EVENT_LEMMAS.get(doc[noun.i + 1].lower_) or _ADJECTIVE_EVENTS.get(doc[noun.i + 1].lower_, "")
                 or EVENT_LEMMAS.get(doc[noun.i + 1].lemma_.lower(), ""))
    if not event and noun is not None:
        event = _appositive_participle(noun)  # "Ten civilians some of them children killed in airstrike"
    if not event:
        event = _toll_event(num)
        if event and noun is None:
            counted = "people"
    if not event and counted == "airstrikes" and verb is not None and verb.lemma_.lower() == "be" and any(
            c.dep_ == "expl" for c in verb.children):
        event = "fired"  # "there were 29 raids on the town": raids that happened were fired
    # every event source is above; those below (munitions, the verb before) add only events that
    # fit the counted noun ("4 rocket shells killing 8 persons": the shells did the killing)
    if not _compatible(event, counted):
        event = ""
    if not event and counted in ("rockets", "drones") and _instrument(num if noun is None else noun):
        event = "fired"  # "targeted the town with 4 rocket shells", "killed by dozens of shells"
    direct = _event_verb_before(doc, tokens[0])
    last = noun if noun is not None and noun.i > num.i else tokens[-1]
    if last.i + 1 < len(doc) and doc[last.i + 1].lower_ in ("injured", "wounded", "killed", "dead", "hurt"):
        direct = ""  # "8 persons killed 58 others injured": the participle after it says what happened
    if direct and (noun is None or noun.i > num.i) and _compatible(direct, counted or "people"):
        # "have killed at least 61 people", "killing 8 persons injuring more than 55": an active
        # event verb straight before the amount makes it the verb's object, whatever the parse
        # of punctuation-less wire text says
        event = direct
        if not counted and direct in ("killed", "wounded", "displaced", "arrested", "missing"):
            counted = "people"  # "displaced millions"
    if noun is not None and member_group(noun, event):
        counted = member_group(noun, event)
    if not counted and noun is None:
        counted = _people_subject(num) or _jobs_change(num)
    prop = "" if event else _governing_verb(num if noun is None or noun.i < num.i else noun)
    return Attachment(counted=counted, event=event, property=prop, time=time, spans=tuple(spans),
                      places=clause_places(num))


def _present_tense_events(token) -> list[str]:
    """Events of a plural-noun tag that may be a headline's present tense ("Kills", "Injures")."""
    if token.tag_ != "NNS" or not token.lower_.endswith("s"):
        return []
    stem = token.lower_[:-1]
    return [event for event in (EVENT_LEMMAS.get(stem, ""), EVENT_LEMMAS.get(stem[:-1], "")) if event]


def _headline_verb(token) -> bool:
    """A headline's present-tense event verb that the tagger read as a plural noun ("Injures")."""
    word = token.lower_
    if word in COUNTED or word in EXTRA_COUNTED or word in NOUN_EVENTS or word in PERSON_NOUNS:
        return False  # "martyrs", "deaths", "strikes": counted nouns in their own right
    return any(event in ("killed", "wounded") for event in _present_tense_events(token))


def _event_of_earlier_object(doc, num) -> str:
    """'injuring a female teacher and 19 others': an amount joined by "and" to the object of an
    event verb shares its event, however the parse attaches it."""
    i = num.i - 1
    if i > 0 and doc[i].lower_ in ("another", "an", "additional"):
        i -= 1
    if i < 1 or doc[i].lower_ != "and":
        return ""
    for token in doc[num.i + 1:]:
        if token.is_punct or token.lower_ in ("and", "or", "but"):
            break
        if token.pos_ in ("VERB", "AUX"):
            return ""  # "killed 20 soldiers and 14 were wounded", "and 3 escaped": its own verb decides
    noun = doc[i - 1]
    while noun.dep_ in ("compound", "amod", "det", "nummod") and noun.head.i > noun.i:
        noun = noun.head
    if noun.dep_ != "dobj" or noun.i != i - 1:
        return ""
    event = EVENT_LEMMAS.get(noun.head.lemma_.lower(), "")
    return event if event in ("killed", "wounded", "arrested", "displaced") else ""


# Verbs only people do: a bare amount as their subject counts people ("10 million fell ill").
_PERSON_SUBJECT_VERBS = {"vote", "sign", "attend", "enroll", "register", "apply", "immigrate", "emigrate",
                         "marry", "say", "believe", "support", "oppose", "want", "agree", "disagree",
                         "work", "live", "protest", "march", "petition", "testify", "quit", "retire"}


def _people_subject(num) -> str:
    if num.dep_ != "nsubj" or num.head.pos_ not in ("VERB", "AUX"):
        return ""
    verb = num.head
    lemma = verb.lemma_.lower()
    if any(t.dep_ == "nummod" or (t.lower_ in ("among", "of", "out") and any(
            c.dep_ == "pobj" and c.tag_ in ("NNS", "NNPS") for c in t.children)) for t in num.sent if t.i < num.i):
        # "9,000 pilots and 1,200 will retire", "among OECD countries, 20 signed": the noun is earlier
        return ""
    if lemma in _PERSON_SUBJECT_VERBS or (lemma in ("fall", "become", "get") and any(
            c.lower_ in ("ill", "sick") for c in verb.children)):
        return "people"
    return ""


def _jobs_change(num) -> str:
    """'employment dropped in Ohio by 7,300': jobs, the amount of a change of employment."""
    if num.dep_ != "pobj" or num.head.lower_ != "by":
        return ""
    verb = num.head.head
    subject = next((c for c in verb.children if c.dep_ in _SUBJECTS), None) if verb.pos_ == "VERB" else None
    return "jobs" if subject is not None and subject.lemma_.lower() in ("employment", "payroll", "payrolls") else ""


_GROUP_OPENERS = (("among", "them"), ("among", "whom"), ("of", "whom"), ("of", "them"), ("including",))


def _event_of_group(doc, num) -> str:
    """'killed at least 82 people among them 18 children': people named after "among them",
    "of whom" or "including" share the event of the nearest event verb before it in the clause
    ("killed 25 and wounded dozens, including 7 children": the 7 were wounded). Things other
    than people ("seized weapons including 3 rifles") get nothing from it."""
    i = num.i - 1
    while i >= 0 and doc[i].lower_ in _QUALIFIER_WORDS and num.i - i <= 3:
        i -= 1
    words = tuple(t.lower_ for t in doc[max(0, i - 1):i + 1])
    if not any(words[-len(opener):] == opener for opener in _GROUP_OPENERS):
        return ""
    noun = counted_noun(num)
    if noun is not None and not (_is_person(noun) or canonical_noun(noun) in PERSON_GROUPS):
        return ""
    for token in doc[num.i + 1:num.i + 10]:  # "... including three children (aged 5-8) were injured"
        if token.text in (",", ";", ".") or token.lower_ in ("and", "but"):
            break
        if token.pos_ in ("VERB", "AUX") and token.lemma_.lower() not in ("be", "have"):
            return ""  # its own verb decides
    first = i - 1 if words[-1] != "including" else i
    for token in reversed(doc[max(0, first - 12):first]):
        if token.is_punct and token.text in ".;:":
            break
        event = EVENT_LEMMAS.get(token.lemma_.lower(), "") if token.pos_ in ("VERB", "ADJ", "AUX") else ""
        if event in ("killed", "wounded", "arrested", "displaced"):
            return event
    return ""


def _instrument(token) -> bool:
    """Munitions an attack was made with ("with 13 rocket shells", "by dozens of shells")."""
    cur = token
    for _ in range(3):
        if cur.dep_ == "pobj" and cur.head.lower_ in ("with", "by"):
            return cur.head.head.pos_ in ("VERB", "NOUN")
        if cur.head.i == cur.i or cur.dep_ not in ("pobj", "prep", "conj", "nummod", "compound"):
            return False
        cur = cur.head
    return False


_QUALIFIER_WORDS = {"at", "least", "more", "than", "nearly", "almost", "about", "around", "some", "over",
                    "up", "to", "roughly", "approximately", "another", "an", "a", "the", "estimated", "just",
                    "under", "fewer", "less", "close", "as", "many", "much", "only"}


def _event_verb_before(doc, first) -> str:
    """The event of an active verb whose object the amount starting at ``first`` is, read
    from the words alone: the verb stands straight before it, qualifiers aside."""
    i = first.i - 1
    while i >= 0 and doc[i].lower_ in _QUALIFIER_WORDS and first.i - i <= 4:
        i -= 1
    if i < 0:
        return ""
    verb = doc[i]
    active = verb.tag_ in ("VBD", "VBG", "VBZ", "VBP") or (
        verb.tag_ == "VBN" and i > 0 and doc[i - 1].lemma_.lower() == "have")
    if not active and verb.tag_ == "NNS" and i == first.i - 1 and first.like_num:
        # a headline's present tense read as a plural noun: "Kills 3 Wounds 20 Militants"
        event = (_present_tense_events(verb) or [""])[0]
        return event if event in ("killed", "wounded", "arrested") else ""
    if not active or (i > 0 and doc[i - 1].lower_ in ("were", "was", "been", "being", "be", "is", "are")):
        return ""
    event = EVENT_LEMMAS.get(verb.lemma_.lower(), "")
    return event if event in ("killed", "wounded", "fired", "intercepted", "displaced", "arrested") else ""


_PLACE_NOUNS = {"country", "province", "city", "territory", "area", "land", "region", "governorate", "district",
                "town", "countryside", "neighbourhood", "neighborhood", "state"}


def _is_place(noun) -> bool:
    """'the country', 'Aleppo city': a singular place noun (a share of it is territory). Names are
    not known as places: the parser runs without its entity recogniser, for speed."""
    return noun.tag_ == "NN" and noun.lemma_.lower() in _PLACE_NOUNS


def _of_phrase_end(noun):
    """The last word of 'members of Syria's National Defence Forces': the noun with its of-phrase."""
    of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" and c.i > noun.i), None)
    if of is None:
        return noun
    last = max(of.subtree, key=lambda t: t.i)
    return last if last.i - noun.i <= 8 else noun


def _toll_noun_event(noun) -> str:
    """'the death toll', 'the number killed', 'the number of dead': the event a toll word counts.

    'The number of casualties' counts the killed or wounded; 'the number of victims' may be
    either, so it is no toll."""
    if noun.lemma_.lower() == "toll":
        return "wounded" if any(t.lower_ in ("injury", "injuries", "wounded", "injured") for t in noun.subtree) \
            else "killed"
    if noun.lemma_.lower() not in _TOLL_WORDS:
        return ""
    for child in noun.children:
        word = child.lower_
        if child.dep_ in ("acl", "amod") and word in ("killed", "dead", "injured", "wounded"):
            return "killed" if word in ("killed", "dead") else "wounded"
        if child.dep_ == "prep" and word == "of":
            for g in child.children:
                if g.lower_ in ("dead", "deaths", "killed", "fatalities"):
                    return "killed"
                if g.lower_ in ("injured", "wounded", "injuries"):
                    return "wounded"
                if g.lower_ in ("casualties",):
                    return "killed or wounded"
    return ""


def _toll_event(num) -> str:
    """'The death toll rose to 140', 'a death toll of 34 civilians': a count of the killed."""
    cur = num
    for _ in range(7):
        if cur.lemma_.lower() in ("toll",):
            return "wounded" if any(t.lower_ in ("injury", "injuries", "wounded") for t in cur.children) else "killed"
        if cur.dep_ in ("pobj", "pcomp") and cur.head.lower_ in ("to", "at"):
            # "bringing the toll to 61 people (including five children)", "put the death toll at 5
            # civilians", "brought to 49 the number killed"
            toll = next((c for c in cur.head.head.children if c.dep_ in ("dobj", "nsubj", "nsubjpass")
                         and _toll_noun_event(c)), None)
            if toll is not None:
                return _toll_noun_event(toll)
        if cur.head.i == cur.i:
            break
        cur = cur.head
    verb = _clause_head(num)
    for child in verb.children:
        if child.dep_ in _SUBJECTS and child.lemma_.lower() in _TOLL_WORDS:
            words = [t.lower_ for t in child.subtree]
            for word in words:
                event = NOUN_EVENTS.get(word) or EVENT_LEMMAS.get(word)
                if word in ("death", "dead") or event == "killed":
                    return "killed"
                if event == "wounded" or word in ("injured", "wounded"):
                    return "wounded"
    return ""


def _governing_verb(anchor) -> str:
    """Lemma of the verb a count without an event hangs from ('hosts 1,200 troops' -> 'host')."""
    cur = anchor
    for _ in range(4):
        if cur.dep_ in ("nsubj", "nsubjpass", "dobj", "attr") and cur.head.pos_ in ("VERB", "AUX"):
            verb = cur.head
            # the verb and who does it: "Obama's plan creates 600,000 jobs" is not "the industry
            # created 500,000 jobs"
            subject = _subject(verb) if cur.dep_ not in ("nsubj", "nsubjpass") else ""
            return f"{verb.lemma_.lower()}:{subject}" if subject else verb.lemma_.lower()
        if cur.dep_ in ("conj", "appos", "pobj", "prep") and cur.head.i != cur.i:
            cur = cur.head
            continue
        return ""
    return ""


def _det_count(noun) -> int | None:
    """1 for 'a civilian' / 'one soldier', 0 for 'no civilians', None otherwise."""
    for child in noun.children:
        if child.dep_ == "det" and child.lower_ in ("a", "an"):
            # "a few people", "a dozen soldiers": "a" before a plural noun is no count of one
            return None if noun.tag_ in ("NNS", "NNPS") or any(
                c.lower_ in ("few", "couple", "handful", "dozen", "lot", "number") for c in noun.children) else 1
        if child.dep_ == "det" and child.lower_ == "no":
            return 0
    return None


def negated_single(noun, count) -> bool:
    """'did not lose a single life', 'without one negative ad', 'not one soldier': none at all.

    Only one thing counted once can be negated to zero this way ("didn't kill 5 people" says
    nothing of how many died): ``count`` ("a", "one", "single") must modify ``noun`` itself, and
    the negation is a "not" straight before the count ("not a single"), a "without" the noun
    hangs on, or a negated verb the noun is the object of. "One-time money" counts nothing, and
    "one of the least, if not the least, wealthy" negates no count.
    """
    doc = noun.doc
    if count.head.i != noun.i or count.i + 1 < len(doc) and doc[count.i + 1].text == "-":
        return False
    if noun.i + 1 < len(doc) and doc[noun.i + 1].lower_ == "but":
        return False  # "fired not one rocket but a barrage"
    first = count.i if count.lower_ != "single" or count.i == 0 or doc[count.i - 1].lower_ not in ("a", "an") \
        else count.i - 1
    if first > 0 and doc[first - 1].lower_ in ("not", "n't", "never"):
        return True
    if noun.dep_ == "pobj" and noun.head.lower_ == "without":
        return True
    # "did not confirm a single death" says what is known, not that no one died
    return noun.dep_ in ("dobj",) and noun.head.lemma_.lower() not in _KNOWING_VERBS and any(
        c.dep_ == "neg" for c in noun.head.children)


def unknown_single(noun) -> bool:
    """'did not confirm a single death', 'could not identify a single victim': no count at all
    (neither one death nor none: the text says only what is not known); nor in "fired not one
    rocket but a barrage", which says only that there were more."""
    doc = noun.doc
    if noun.i + 1 < len(doc) and doc[noun.i + 1].lower_ == "but" and any(
            t.lower_ in ("not", "n't") for t in doc[max(0, noun.i - 3):noun.i]):
        return True
    return noun.dep_ == "dobj" and noun.head.lemma_.lower() in _KNOWING_VERBS and any(
        c.dep_ == "neg" for c in noun.head.children)


_KNOWING_VERBS = frozenset({"confirm", "identify", "verify", "find", "see", "know", "say", "mention", "report",
                            "recall", "remember", "name", "document", "record", "count", "list", "cite"})


def zero_owner(noun) -> str | None:
    """What a negated single counts: the noun's own group, or nothing for a life.

    "Government forces did not lose a single life" is none of the forces killed, not no one at
    all (which would refute any death toll); and which forces lost none is more than a group
    word says ("the militants" who killed 20 fighters are fighters too), so a life lost is no
    count (None)."""
    return None if noun.lemma_.lower() == "life" else canonical_noun(noun)


def _is_person(token) -> bool:
    """A noun for a person ('shepherd', 'policeman', 'teacher'): the patient of killed/wounded."""
    lemma = token.lemma_.lower()
    if lemma.endswith("ee") and lemma not in _NOT_PERSON_EE:
        return True  # employee, retiree, detainee, refugee
    return lemma.endswith(("man", "woman", "er", "or", "ist", "ian", "ant", "ent", "herd", "child", "boy",
                           "girl", "wife", "son", "daughter")) and lemma not in ("order", "number", "border",
                                                                                  "water", "center", "centre")


_NOT_PERSON_EE = {"committee", "fee", "tree", "degree", "guarantee", "jubilee", "knee", "decree", "coffee",
                  "glee", "spree", "toffee", "marquee", "entree", "settee", "levee", "puree", "lee"}


_MULTIPLE_BLASTS = {"double": 2, "twin": 2, "triple": 3}
_BLAST_NOUNS = {"attack", "blast", "bombing", "explosion", "bomb", "suicide"}


def implicit_counts(doc) -> list[tuple[int, int, int, Attachment]]:
    """Counts the text gives without a numeral: (value, start, end, attachment).

    "a civilian was injured" = 1 wounded, "killing a soldier" = 1 killed,
    "none died" / "no one was killed" / "neither sustained casualties" = 0.
    Only people (and munitions) with an event count: "a spokesman said" is no count.
    """
    found = []
    for token in doc:
        low = token.lower_
        if low in _MULTIPLE_BLASTS and token.dep_ in ("amod", "compound", "nummod") and token.head.i > token.i \
                and token.head.lemma_.lower() in _BLAST_NOUNS:
            # "a double bomb attack", "twin suicide bombings": two bombs
            head = token.head
            bomb = next((t for t in (*head.children, head) if t.lemma_.lower() in ("bomb", "bombing", "car-bomb")
                         and t.i > token.i), None)
            counted = canonical_noun(bomb) if bomb is not None else canonical_noun(head)
            found.append((_MULTIPLE_BLASTS[low], token.idx, token.idx + len(token), Attachment(
                counted=counted, spans=(("entity", head.idx, head.idx + len(head)),))))
            continue
        if low in ("none", "neither", "nobody", "noone") or (low == "one" and token.i > 0
                                                              and doc[token.i - 1].lower_ == "no"):
            start = doc[token.i - 1].idx if low == "one" else token.idx
            if token.dep_ not in ("nsubj", "nsubjpass", "dobj"):
                continue
            if _of_object(token) is not None:
                counted = canonical_noun(_of_object(token))
            else:
                counted = "people"
            event, verb = _role_event(token, counted, True)
            if event and verb is not None:
                found.append((0, start, token.idx + len(token), Attachment(
                    counted=counted, event=event, spans=(("event", verb.idx, verb.idx + len(verb)),))))
            continue
        if token.pos_ != "NOUN" or token.lower_ in NOT_COUNTED:
            continue
        value = _det_count(token)
        if value is None:
            continue
        det = next(c for c in token.children if c.dep_ == "det")
        if value == 1 and unknown_single(token):
            continue
        if value == 1 and negated_single(token, det):
            value = 0  # "not a soldier was hurt", "without a shot fired"
            if zero_owner(token) is None:
                continue
        counted = canonical_noun(token) if value else zero_owner(token)
        event = _modifier_event(token)
        verb = None
        if not event:
            event, verb = _role_event(token, counted, False)
        if not event or not _compatible(event, counted):
            continue
        if event in ("fired", "intercepted") and counted not in MUNITIONS:
            continue
        if event not in ("fired", "intercepted") and low not in PERSON_NOUNS and not _is_person(token):
            continue
        det = next(c for c in token.children if c.dep_ == "det")
        spans = [("entity", token.idx, token.idx + len(token))]
        if verb is not None:
            spans.append(("event", verb.idx, verb.idx + len(verb)))
        found.append((value, det.idx, token.idx + len(token),
                      Attachment(counted=counted, event=event, spans=tuple(spans))))
    return found

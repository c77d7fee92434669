"""Does a passage assert the claim in its own voice, or only report that someone made it?

"Rubens said 18 people die each year" is evidence that Rubens made the claim, not
that it is true; fact-check articles restate the claim they check, so counting
the restatement as support calls false claims supported. This module decides,
with transparent rules, whether the part of a passage that carries the claim is
**attributed** (reported speech of a person, a post, an ad, a rumour) or the
report's own assertion.

News reports give their sources for facts ("the defence ministry said 9 soldiers
died"); a statement credited to an institution that reports facts (ministry,
police, army, agency, a study, the data...) is the report's sourcing, not a
quoted claim, so it stays own-voice. Hedged reporting ("claimed", "alleged",
"reportedly", "a viral post says") is attribution whoever the speaker is, and so
is a person's or a politician's statement ("Rubens said", "Gov. Walker said").
A claim that is itself about what someone said ("X said Y") is checked as
written: then a passage reporting that X said Y is what confirms it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

# Reporting verbs that carry a claim as someone's words.
_NEUTRAL = (r"said|says|say|saying|told|tells|stated|states|wrote|writes|added|explained|"
            r"noted|(?<!first )(?<!initially )(?<!previously )(?<!earlier )(?<!was )(?<!were )reported|"
            r"announced|confirmed|according to")
_HEDGED = (r"claimed(?! responsibility)|claims(?! responsibility)|claiming|claim(?= that)|alleged|alleges|allegedly|purportedly|reportedly|"
           r"asserted|asserts|insisted|insists|argued|argues|contended|contends|suggested|suggests|"
           r"tweeted|posted|repeated|boasted|touted|implied|implies|warned|charged|rumou?red|"
           r"falsely|wrongly|misleadingly|it is said|supposedly|warns|purports|purported|"
           r"attributed to|attributes|appears? to show|making it look|rated as false|rated it false|"
           r"(?:a|the|this|that) claim(?=\s(?:[\w.'’-]+\s){0,6}that\b)")
_REPORTING = re.compile(rf"\b(?:{_NEUTRAL}|{_HEDGED})\b", re.IGNORECASE)
_HEDGE = re.compile(rf"\b(?:{_HEDGED})\b", re.IGNORECASE)
# Vehicles of a claim under check: whatever they "say" is attribution.
_VEHICLE = re.compile(
    r"\b(?:posts?|tweets?|memes?|viral|image|video|chain e-?mail|e-?mail|blog|ad|ads|advert\w*|"
    r"campaign|speech|interview|op-ed|press release|mailer|flier|flyer|rumou?rs?|hoax|"
    r"candidate|senator|sen\.|rep\.|gov\.|congressman|congresswoman|governor|president|"
    r"lawmakers?|politician|pundit|host|he|she|they|i|we|you)\b",
    re.IGNORECASE,
)
# Sources whose statements news reports use as facts.
_INSTITUTION = re.compile(
    r"\b(?:ministry|ministries|department|police|army|military|navy|air force|officials?|authorit(?:y|ies)|"
    r"agency|agencies|spokes(?:man|woman|person)|commanders?|coalition|militia|group|front|brigade|forces|"
    r"office|service|statement|government|council|court|hospital|doctors|rescuers|witnesses|residents|"
    r"operator|company|firm|union|institute|bureau|administration|commission|survey|census|"
    r"study|studies|report|data|figures|statistics|records|researchers|scientists|analysis|cdc|fbi|"
    r"who|un|united nations|census bureau|organi[sz]ation|association|center|centre)\b",
    re.IGNORECASE,
)
_STOP = frozenset(
    "a an the and or of to in on at by for with from as is are was were be been being that this these "
    "those it its he she they them his her their we our you your i not no but if than then so such "
    "has have had do does did will would can could should may might must says said say about over "
    "into more most less many much very also just only there here what which who whom whose when "
    "where why how all any some each per".split())
_WORD = re.compile(r"[a-z0-9$%]+(?:[.,][0-9]+)*")
# A sentence ends at . ! ? (a closing quote may follow); not at ',"' inside a quotation.
_SENTENCE = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"”’]))\s+(?=[\"“A-Z0-9])")
# What a photo, post or clip "shows" or "reads" is the vehicle's content, not a fact: the vehicle
# is the verb's subject, at most two words before it ("the photo actually shows").
_VEHICLE_SHOWS = re.compile(
    r"\b(?:photos?|images?|pictures?|videos?|clips?|screenshots?|memes?|posts?|headlines?|stories|story|"
    r"graphics?|captions?|e-?mails?|messages?|snippets?|tweets?|ads?)\s+(?:[\w’'-]+\s+){0,2}?"
    r"(?:shows?|showed|showing|reads?|depicts?|features?|featuring|says?|said|claims?|"
    r"states?|warns?|purports?|suggests?)\b",
    re.IGNORECASE)
# Fact-checkers write "we"; a report's "I" outside a quotation is rare, so it is someone's speech
# ("I-95" and "I.R.S." are not "I").
_FIRST_PERSON = re.compile(r"^[\s\"“‘']*(?:I(?=\s)|I['’](?:m|ve|ll|d)\b|My\b)")
# A full stop after a title never ends a sentence ("Rep. Omar"); after a month only before a day
# ("the Dec. 8 post"); after a country only before a lower-case word or a title ("the U.S. Rep.",
# not "inflation hit 9 percent in the U.S. Analysts said ...").
_TITLES = frozenset("mr mrs ms dr st jr sr sen rep gov gen col lt sgt capt prof vs e.g i.e approx fig".split())
_MONTH_ABBREVIATIONS = frozenset("jan feb mar apr jun jul aug sep sept oct nov dec".split())
_PLACE_ABBREVIATIONS = frozenset("u.s u.k u.n d.c".split())
_TITLE_WORDS = frozenset(
    "rep sen gov president secretary attorney army navy air marine marines customs border supreme "
    "department house senate congress embassy ambassador military forces troops government".split())
_SAYS_PREFIX = re.compile(r"^\s*(?:says|said|say|quotes\s.{1,60}?\sas\s(?:saying|writing))\b[\s,:]*", re.I)
_QUOTED = re.compile(r"[\"“]([^\"“”]{12,})[\"”]")
MIN_COVERAGE = 0.5


def content_words(text: str) -> frozenset[str]:
    return frozenset(w for w in _WORD.findall(text.lower()) if w not in _STOP and (len(w) > 2 or w[0].isdigit()))


def _who(sentence: str, match: re.Match) -> str:
    """The words naming who said it: before the verb ("X said"), or after ("according to X", "said X")."""
    if match.group().lower() == "according to":
        return sentence[match.end():match.end() + 60]
    who = re.split(r"[,;:\"“”]", sentence[:match.start()])[-1][-60:]
    if not who.strip():  # "..., said the ministry" or a quotation closed just before
        who = sentence[match.end():match.end() + 40]
    return who


def _own_source(who: str, claimed_speaker: frozenset[str]) -> bool:
    """A source whose words count as the report's assertion for this claim."""
    if claimed_speaker and content_words(who) & claimed_speaker:
        return True  # the claim is that this speaker said it
    return not _VEHICLE.search(who) and bool(_INSTITUTION.search(who))


def is_attributed_sentence(sentence: str, claimed_speaker: frozenset[str] = frozenset()) -> bool:
    """The sentence carries its content as someone's words rather than as fact."""
    matches = list(_REPORTING.finditer(sentence))
    for match in matches:
        who = _who(sentence, match)
        if _HEDGE.search(match.group()) or _HEDGE.search(sentence):
            if not (claimed_speaker and content_words(who) & claimed_speaker):
                return True
        elif not _own_source(who, claimed_speaker):
            return True
    if not claimed_speaker and (_VEHICLE_SHOWS.search(sentence) or _FIRST_PERSON.match(sentence)):
        return True  # "the photo shows ...", "a post reads ...", "I have done that before"
    if not matches and not claimed_speaker:
        # a bare quotation, or a passage that starts or ends inside one, is someone's words
        if _QUOTED.search(sentence) or sentence.count('"') % 2 or ("”" in sentence) != ("“" in sentence):
            return True
    return False


def split_sentences(passage: str) -> list[str]:
    """The passage's sentences; a full stop after an abbreviation or an initial does not end one."""
    pieces = [piece for piece in _SENTENCE.split(passage) if piece.strip()]
    sentences: list[str] = []
    for piece in pieces:
        if sentences and _continues(sentences[-1], piece):
            sentences[-1] = f"{sentences[-1]} {piece}"
            continue
        sentences.append(piece)
    return sentences or [passage]


def _continues(before: str, piece: str) -> bool:
    """Whether the full stop that ends ``before`` is an abbreviation's, so ``piece`` goes on with it."""
    last = before.rstrip()
    if not last.endswith("."):
        return False
    word = last.rsplit(None, 1)[-1].rstrip(".").lower()
    following = piece.split(None, 1)[0].strip("\"“”‘’'(").rstrip(".,") if piece.split() else ""
    if word in _TITLES or (len(word) == 1 and word.isalpha() and word.upper() == last[-2]):
        return True  # "Rep. Omar", "J. K. Rowling"
    if word in _MONTH_ABBREVIATIONS:
        return following[:1].isdigit()
    if word in _PLACE_ABBREVIATIONS:
        return following[:1].islower() or following.lower() in _TITLE_WORDS
    return False


def _inside_quotation(sentences: list[str]) -> list[bool]:
    """Whether each sentence starts inside a quotation opened by an earlier one.

    A straight quote opens after a space (or at the start) and closes after a word or a stop;
    after a digit it is an inch mark. So a passage that starts inside a quotation ('economy," he
    said.') closes it rather than opening one.
    """
    inside, opened = [], False
    for sentence in sentences:
        inside.append(opened)
        for i, char in enumerate(sentence):
            before = sentence[i - 1] if i else " "
            if char == "“" or (char == '"' and (before.isspace() or before in "([{—–-")):
                opened = True
            elif char == "”" or (char == '"' and not before.isdigit()):
                opened = False
    return inside


def claim_frame(claim: str) -> tuple[str, frozenset[str]]:
    """The claim's content and, when it is about what someone said, that speaker's words.

    Fact-check datasets write "Says X" for "the speaker says X": the content is X.
    "Trump tweeted that X" is a claim about Trump's words: Trump is its speaker.
    """
    content = _SAYS_PREFIX.sub("", claim, count=1)
    match = _REPORTING.search(content)
    if not match:
        return content, frozenset()
    speaker_words = content_words(_who(content, match)) or frozenset({"__speaker__"})
    return content, speaker_words


@dataclass(frozen=True)
class Attribution:
    attributed: bool  # the claim's content is carried only by reported speech
    coverage: float  # share of the claim's content words in the best matching sentence
    sentence: str  # that sentence
    negated: bool = False  # the best own-voice restatement carries a negation the claim lacks
    confirmed: bool = False  # attributed, but the report then says in its own voice that it is right


# "EIA figures show he's correct", "His figures are correct": a fact-checker's own verdict
_RIGHT = r"(?:correct|accurate|right(?![\s-]*(?:next|behind|after|around|there|now|here|wing|away|back)\b))\b"
_CONFIRMATION = re.compile(
    r"\b(?:(?:he|she|they|his|her|their|the claim|the statement|the figures?|the numbers?|that|this)\b"
    r"[^.!?]{0,30}?(?:\b(?:is|are|was|were|be|seems?|appears?)\s+|['’]s\s+|['’]re\s+)"
    r"|(?:hes|shes|thats|theyre)\s+)(?:\w+\s+)?" + _RIGHT,  # LIAR-PLUS drops apostrophes ("hes")
    re.IGNORECASE)


# "not", "no", "never", "n't", ...: a restatement that adds one asserts the opposite, or less
_NEGATION = re.compile(r"\b(?:not|no|never|none|neither|nor|nothing|nobody)\b|n[’']t\b", re.IGNORECASE)
# negation words that deny nothing: "no more than an hour", "not including contractors"
_NOT_A_DENIAL = re.compile(r"\b(?:no|not)\s+(?:more|less|fewer|later|sooner|earlier|only|including|doubt|"
                           r"least|just)\b|\bnot\s+to\s+mention\b", re.IGNORECASE)


_CLAUSE = re.compile(r",?\s+(?:and|but|while|whereas|although|though)\s+|[;,]\s+|\s+[–—-]+\s+", re.IGNORECASE)


def negations(text: str) -> int:
    """How many words of ``text`` deny something ("not", "no", "never", "n't"; not "no more than")."""
    return len(_NEGATION.findall(_NOT_A_DENIAL.sub(" ", text)))


def _restating_clause(sentence: str, words: frozenset[str]) -> str:
    """The clause of ``sentence`` that carries most of the claim's words: "Three workers were
    injured and no one was killed" restates "three workers were injured" without a negation."""
    clauses = [c for c in _CLAUSE.split(sentence) if c.strip()] or [sentence]
    return max(clauses, key=lambda c: len(words & content_words(c)))


@lru_cache(maxsize=65536)
def attribution(claim: str, passage: str) -> Attribution:
    """Whether ``passage`` only reports that someone made ``claim`` (see module docstring)."""
    content, claimed_speaker = claim_frame(claim)
    words = content_words(content)
    sentences = split_sentences(passage)
    if not words:
        return Attribution(False, 0.0, sentences[0])
    quoted = _inside_quotation(sentences) if not claimed_speaker else [False] * len(sentences)
    # a sentence inside a quotation opened before it ("The email said, "... . All signs point to
    # ...") is the quotation's words, as is one that opens a quotation it does not close
    scored = [(len(words & content_words(s)) / len(words),
               inside or is_attributed_sentence(s, claimed_speaker), s)
              for s, inside in zip(sentences, quoted, strict=True)]
    own, own_sentence = max(((c, s) for c, attributed, s in scored if not attributed), default=(0.0, ""))
    best_attr = max(((c, s) for c, attributed, s in scored if attributed), default=(0.0, ""))
    best = max((c, s) for c, _, s in scored)
    attributed = best_attr[0] >= MIN_COVERAGE and own < best_attr[0]
    # "There is no evidence that drinking X cures Y", "Smith and his son were not killed": the
    # report restates the claim to deny it; lexical overlap makes a small NLI model read that
    # as entailment, so such a restatement is never support
    negated = (not attributed and own >= MIN_COVERAGE
               and negations(_restating_clause(own_sentence, words)) > negations(content))
    confirmed = attributed and any(
        not attributed_sentence and _CONFIRMATION.search(sentence) and not negations(sentence)
        for _, attributed_sentence, sentence in scored)
    return Attribution(attributed, best[0], best_attr[1] if attributed else best[1], negated, confirmed)


def speaker(sentence: str) -> str:
    """A short "who said it" for the reason, e.g. ``Rubens said``."""
    match = _REPORTING.search(sentence)
    if not match:
        return "someone said"
    before = re.split(r"[,;:\"“”]", sentence[:match.start()])[-1].strip()
    words = before.split()[-4:]
    return " ".join(words + [match.group()]).strip() or match.group()

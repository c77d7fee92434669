"""Page furniture: the text a web page wraps around the news, which is never a claim.

Scraped articles carry links ("Read more: Senate passes new budget"), calls
to action ("Follow us on Facebook", "Subscribe", "Click here"), credits
("Photo: Reuters", "By Jane Doe"), and widget text glued onto real
sentences without punctuation ("... a monitoring group said Tags Syria
Aleppo ...", "Print Tweet Views 1662 An Islamic State car bomb killed 20").
A "Read more:" line quotes another article's headline: checking it would
report a claim this article never makes.

:func:`claim_span` returns the part of a sentence that is the article's own
text, or None when the whole sentence is furniture.
"""

from __future__ import annotations

import re

# The whole sentence is furniture when it starts like this.
_LEADING = re.compile(
    r"^\W*(?:read (?:more|also|the full)\b|see also\b|related\b|more on this\b|tags?\s*:|"
    r"follow us\b|follow @|subscribe\b|sign up\b|click here\b|like us on\b|share (?:this|on)\b|"
    r"\(?(?:photo|picture|image)s? (?:by|courtesy|credit)\b|image copyright\b|copyright\b|©|"
    r"(?:additional )?(?:reporting|writing|editing|compiled|translated) by\b|"
    r"advertisement\b|all rights reserved\b|download (?:our|the) app\b|"
    r"(?:don'?t|do not) miss\b|newsletter\b|we won'?t spam\b)",
    re.IGNORECASE,
)
# A credit line: "Photo: Reuters", "Picture: AFP/Getty Images" (short: "PICTURES: Shocking
# pictures comparing school lunches go viral" is a headline, not a credit).
_CREDIT = re.compile(r"^\W*(?:photo|photograph|picture|image|video|file photo)s?\s*(?:credit)?\s*[:/|]"
                     r"\s*(?:\S+\s*){0,6}$", re.IGNORECASE)
# A byline: "By Jane Doe", "By Jane Doe and John Roe, Reuters".
_BYLINE = re.compile(r"^By(?:\s+(?:[A-Z][\w'.-]+|and|de|van|al-\w+)){1,6}\s*(?:[,|-]\s*[\w ]{0,30})?\W*$")
# Widget text glued into a sentence: everything from here on is furniture ...
_TRAILING = re.compile(
    r"\s(?:Tags\s+[A-Z]|Related\s+[A-Z]|Print\s+Tweet\b|Tweet\s+Views\b|Get short URL\b|"
    r"Read more\b|Follow us on\b|Subscribe to\b|Click here\b|Share this\b)"
)
# ... or up to here (a counter, then the real sentence goes on).
_COUNTER = re.compile(r"^(?:.*?\b(?:Print\s+)?Tweet\s+Views\s+\d+|.*?\bGet short URL(?:\s+\d+)?)\s+")
_CALL_TO_ACTION = re.compile(r"\b(?:follow us|subscribe to (?:our|the)|click here|sign up for)\b", re.I)


def claim_span(text: str) -> tuple[int, int] | None:
    """(start, end) of the article's own text within ``text``; None if it is all furniture."""
    start, end = 0, len(text)
    counter = _COUNTER.match(text)
    if counter:
        start = counter.end()
    trailing = _TRAILING.search(text, start)
    if trailing:
        end = trailing.start()
    piece = text[start:end]
    stripped = piece.strip()
    if not stripped or _LEADING.match(stripped) or _BYLINE.match(stripped) or _CREDIT.match(stripped):
        return None
    if _CALL_TO_ACTION.search(stripped) and len(stripped.split()) < 15:
        return None
    start += len(piece) - len(piece.lstrip())
    end = start + len(stripped)
    return start, end

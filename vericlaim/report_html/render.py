"""Render report rows (and the articles they came from) into one self-contained HTML page.

Everything the page needs is inline: CSS, a small plain script, and the claim details as a JSON
island that the script reads on demand, so a 10,000-claim page keeps one DOM node per claim and
not a hidden details box each. All text goes through Jinja2's autoescaping (and ``tojson`` for the
JSON island), and a Content-Security-Policy allows only the page's own script by its hash: an
article containing ``<script>`` or ``<img onerror=...>`` shows as text and runs nothing, and the
page asks the network for nothing.
"""

from __future__ import annotations

import base64
import bisect
import hashlib
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from vericlaim.atomic import atomic_write_text
from vericlaim.manifest import RunManifest
from vericlaim.records import Document
from vericlaim.report_read import ReportRow

# The verdict vocabulary and its colour-blind-safe palette (Okabe & Ito: blue / vermillion / grey),
# each also drawn with its own underline style and always labelled in words.
VERDICTS = ("supported", "contradicted", "unverified")
COLOURS = {"supported": "#0072B2", "contradicted": "#D55E00", "unverified": "#7A7A7A", "other": "#CC79A7"}
SYMBOLS = {"supported": "\u2713", "contradicted": "\u2717", "unverified": "?", "other": "\u2022"}
BAR_WIDTH = 180


@dataclass(frozen=True)
class Segment:
    """A run of article text; ``claim`` is the index of the claim it is, or None for plain text."""

    text: str
    claim: int | None = None


@dataclass(frozen=True)
class BarPart:
    verdict: str
    count: int
    x: float
    width: float


@dataclass(frozen=True)
class ArticleView:
    """One article block: its text with claims marked, claims that could not be placed, its bar."""

    number: int
    id: str
    title: str
    date: str
    source: str
    segments: tuple[Segment, ...]  # empty when the article text was not given
    unplaced: tuple[int, ...]  # claims shown as a list (no text, or not found in it)
    counts: dict[str, int]
    bar: tuple[BarPart, ...]

    @property
    def claims(self) -> int:
        return sum(self.counts.values())

    @property
    def verdicts(self) -> str:
        return " ".join(sorted(self.counts))

    @property
    def summary(self) -> str:
        return ", ".join(f"{n} {v}" for v, n in self.counts.items()) or "no claims"


def verdict_key(verdict: str) -> str:
    """CSS-safe class name of a verdict: one of VERDICTS, or ``other`` for anything unexpected."""
    return verdict if verdict in VERDICTS else "other"


def _bar(counts: dict[str, int], width: float = BAR_WIDTH) -> tuple[BarPart, ...]:
    total = sum(counts.values())
    parts, x = [], 0.0
    for verdict in (*VERDICTS, "other"):
        n = counts.get(verdict, 0)
        if n and total:
            w = width * n / total
            parts.append(BarPart(verdict, n, round(x, 2), round(w, 2)))
            x += w
    return tuple(parts)


def _counts(verdicts: Iterable[str]) -> dict[str, int]:
    found = Counter(verdict_key(v) for v in verdicts)
    return {v: found[v] for v in (*VERDICTS, "other") if found[v]}


def _free(spans: list[tuple[int, int, int]], start: int, end: int) -> bool:
    """True when [start, end) overlaps none of ``spans`` (sorted, non-overlapping)."""
    at = bisect.bisect_left(spans, (start, -1, -1))
    return (at == len(spans) or spans[at][0] >= end) and (at == 0 or spans[at - 1][1] <= start)


def place_claims(text: str, claims: Sequence[tuple[int, ReportRow]]) -> tuple[list[Segment], list[int]]:
    """Cut ``text`` into plain and claim segments; returns (segments, claims that could not be placed).

    Claims whose recorded offsets hold their text are placed there first; then each other claim
    (the article changed since the run) at the first occurrence of its text that overlaps no placed
    claim. Claims found nowhere, or only where another claim already is, are listed instead.
    """
    spans: list[tuple[int, int, int]] = []  # (start, end, claim index), sorted
    later: list[tuple[int, ReportRow]] = []
    for index, row in sorted(claims, key=lambda c: (c[1].start or 0, c[0])):
        start = row.start
        if (row.claim and start is not None and text[start:start + len(row.claim)] == row.claim
                and _free(spans, start, start + len(row.claim))):
            bisect.insort(spans, (start, start + len(row.claim), index))
        else:
            later.append((index, row))
    unplaced = []
    for index, row in sorted(later):
        found = text.find(row.claim) if row.claim else -1
        while found >= 0 and not _free(spans, found, found + len(row.claim)):
            found = text.find(row.claim, found + 1)
        if found < 0:
            unplaced.append(index)
        else:
            bisect.insort(spans, (found, found + len(row.claim), index))
    segments, position = [], 0
    for start, end, index in spans:
        if start > position:
            segments.append(Segment(text[position:start]))
        segments.append(Segment(text[start:end], index))
        position = end
    if position < len(text):
        segments.append(Segment(text[position:]))
    return segments, sorted(unplaced)


def article_views(rows: Sequence[ReportRow], documents: dict[str, Document] | None) -> list[ArticleView]:
    """Articles in report order (then documents without claims), each with its claims placed."""
    by_article: dict[str, list[tuple[int, ReportRow]]] = {}
    for index, row in enumerate(rows):
        by_article.setdefault(row.article_id, []).append((index, row))
    documents = documents or {}
    order = list(by_article) + [doc_id for doc_id in documents if doc_id not in by_article]
    views = []
    for number, article_id in enumerate(order):
        claims = by_article.get(article_id, [])
        doc = documents.get(article_id)
        if doc is not None:
            segments, unplaced = place_claims(doc.text, claims)
        else:
            segments, unplaced = [], [index for index, _ in claims]
        counts = _counts(row.verdict for _, row in claims)
        views.append(ArticleView(number, article_id, doc.title if doc else "", doc.date if doc else "",
                                 doc.source if doc else "", tuple(segments), tuple(unplaced), counts,
                                 _bar(counts)))
    return views


def claim_data(rows: Sequence[ReportRow], views: Sequence[ArticleView]) -> dict:
    """The JSON island: one compact record per claim; passages and documents stored once each.

    Evidence passages repeat across claims (one report backs many), so each distinct passage is
    stored once and claims refer to it by number; a document's title, source and date likewise,
    which also gives counter-evidence (the report has only its id) its title and date when the
    same document is cited elsewhere.
    """
    article_number = {view.id: view.number for view in views}
    docs: dict[str, list[str]] = {}
    passages: dict[tuple[str, str], int] = {}

    def passage(text: str, doc_id: str) -> int:
        if not text:
            return -1
        return passages.setdefault((doc_id, text), len(passages))

    claims = []
    for row in rows:
        if row.evidence_doc_id and (row.evidence_title or row.evidence_source or row.evidence_date):
            docs.setdefault(row.evidence_doc_id, [row.evidence_title, row.evidence_source, row.evidence_date])
        claims.append({
            "a": article_number[row.article_id], "id": row.claim_id, "v": row.verdict,
            "conf": row.confidence, "why": row.reason, "code": row.reason_code,
            "types": row.claim_types, "q": row.quantities, "cw": row.checkworthiness,
            "nli": [row.entailment, row.contradiction, row.neutral],
            "ev": passage(row.evidence, row.evidence_doc_id), "sim": row.evidence_score,
            "cev": passage(row.counter_evidence, row.counter_evidence_doc_id),
        })
    return {
        "claims": claims,
        "passages": [[doc_id, text] for doc_id, text in passages],
        "docs": docs,
    }


def _script_hash(script: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")


def _environment():
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.PackageLoader("vericlaim.report_html", "templates"),
        autoescape=True, undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True,
    )
    return env


def render_html(rows: Sequence[ReportRow], documents: dict[str, Document] | None = None,
                manifest: RunManifest | None = None, title: str = "vericlaim report") -> str:
    """The whole page as one string (see the module docstring for what it holds)."""
    from markupsafe import Markup

    env = _environment()
    views = article_views(rows, documents)
    script = env.loader.get_source(env, "report.js")[0]
    style = env.loader.get_source(env, "report.css")[0]
    counts = _counts(row.verdict for row in rows)
    return env.get_template("report.html.j2").render(
        title=title, rows=rows, views=views, manifest=manifest, data=claim_data(rows, views),
        counts=counts, total=len(rows), bar=_bar(counts, 400), verdicts=VERDICTS,
        summary=", ".join(f"{n} {v}" for v, n in counts.items()) or "no claims",
        colours=COLOURS, symbols=SYMBOLS, verdict_key=verdict_key, bar_width=BAR_WIDTH,
        script=Markup(script), style=Markup(style), script_hash=_script_hash(script),
    )


def write_html(path: str | Path, rows: Sequence[ReportRow], documents: dict[str, Document] | None = None,
               manifest: RunManifest | None = None) -> Path:
    """Render and write the page atomically; returns its path."""
    path = Path(path)
    atomic_write_text(path, render_html(rows, documents, manifest, title=f"vericlaim report: {path.stem}"))
    return path

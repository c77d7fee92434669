"""The HTML report: claims placed in their article, everything escaped, self-contained, packaged."""

import base64
import hashlib
import json
import re
from html.parser import HTMLParser
from importlib import resources

from vericlaim.records import Document
from vericlaim.report_html import render_html
from vericlaim.report_html.build import build_html_report, read_articles
from vericlaim.report_html.render import place_claims
from vericlaim.report_read import ReportRow, read_report

HOSTILE_BODY = ("Kirkuk, 28 December 2019 (Wire) - <script>window.pwned = 1</script> Nine rockets hit the base. "
                '<img src=x onerror="window.pwned = 2"> Two soldiers were wounded.')


class Tags(HTMLParser):
    """Every start tag with its attributes, and the text inside <script> elements."""

    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"
        if self._in_script:
            self.scripts.append("")

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts[-1] += data


def _row(article, claim, verdict="supported", start=None, **extra):
    body_start = start if start is not None else 0
    return ReportRow(article, f"{article}:{extra.pop('n', 1)}", claim, verdict, body_start,
                     body_start + len(claim), confidence=0.8, **extra)


def _hostile_page():
    doc = Document("evil<b>", "<script>alert('title')</script>", HOSTILE_BODY, source="<i>Wire</i>")
    claim = "Nine rockets hit the base."
    rows = [
        _row(doc.id, claim, start=HOSTILE_BODY.index(claim), evidence="<script>evidence()</script>",
             evidence_doc_id="r<1>", evidence_title='"><img src=x onerror=alert(3)>', reason="</script><b>x"),
        _row(doc.id, "<img src=x onerror=alert(4)> is not in the text", 'x" onmouseover="alert(5)', n=2),
    ]
    return render_html(rows, {doc.id: doc}), rows


def test_article_markup_is_text_and_nothing_can_run():
    page, _ = _hostile_page()
    tags = Tags()
    tags.feed(page)
    names = [tag for tag, _ in tags.tags]
    assert "img" not in names and "b" not in names and "i" not in names
    assert names.count("script") == 2  # the JSON island and the page's own script, nothing else
    assert not [(tag, name) for tag, attrs in tags.tags for name in attrs if name.startswith("on")]
    assert "&lt;script&gt;window.pwned = 1&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=&#34;window.pwned = 2&#34;&gt;" in page
    island = tags.scripts[0]
    assert "<" not in island and ">" not in island  # no way out of the JSON island
    assert json.loads(island)["passages"][0][1] == "<script>evidence()</script>"


def test_content_security_policy_allows_only_the_page_script_and_no_network():
    page, _ = _hostile_page()
    tags = Tags()
    tags.feed(page)
    policy = next(attrs["content"] for tag, attrs in tags.tags
                  if tag == "meta" and attrs.get("http-equiv") == "Content-Security-Policy")
    script = tags.scripts[1]
    digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in policy and "default-src 'none'" in policy
    assert not re.search(r"(src|href)=\"(https?:)?//", page)  # nothing fetched from anywhere


def test_claims_are_marked_in_their_article_with_a_text_label():
    page, rows = _hostile_page()
    placed = re.search(r'<mark class="claim v-supported" id="c-0" data-i="0" data-verdict="supported"[^>]*>'
                       r'<span class="ctext">Nine rockets hit the base.</span><span class="vlabel">([^<]*)</span>',
                       page)
    assert placed and "supported" in placed.group(1)
    # the claim that is not in the article text is listed, its odd verdict kept as text only
    assert re.search(r'<li class="claim claim-item v-other" id="c-1"[^>]*data-verdict="x&#34; '
                     r'onmouseover=&#34;alert\(5\)"', page)


def test_place_claims_uses_offsets_then_searches_then_lists():
    text = "Alpha one. Beta two. Gamma three."
    rows = [(0, _row("a", "Beta two.", start=11)),            # right offsets
            (1, _row("a", "Gamma three.", start=0, n=2)),     # stale offsets: found by search
            (2, _row("a", "Delta four.", start=5, n=3)),      # not in the text
            (3, _row("a", "Beta two.", start=11, n=4))]       # overlaps one already placed
    segments, unplaced = place_claims(text, rows)
    assert "".join(s.text for s in segments) == text
    assert [(s.text, s.claim) for s in segments if s.claim is not None] == [("Beta two.", 0), ("Gamma three.", 1)]
    assert unplaced == [2, 3]


def test_claims_without_articles_are_listed_and_every_row_is_in_the_page():
    rows = [_row(f"claims.csv:{i}", f"Claim number {i} about {i} rockets.", v, n=i)
            for i, v in enumerate(["supported", "contradicted", "unverified"] * 3)]
    page = render_html(rows)
    for i, row in enumerate(rows):
        assert f'id="c-{i}" data-i="{i}" data-verdict="{row.verdict}"' in page
        assert row.claim in page
    assert page.count('class="article"') == 9
    assert "3 supported, 3 contradicted, 3 unverified" in page


def test_templates_are_package_data():
    folder = resources.files("vericlaim.report_html") / "templates"
    assert {p.name for p in folder.iterdir()} >= {"report.html.j2", "report.css", "report.js"}


def test_report_command_renders_a_written_report(tmp_path):
    report = tmp_path / "report.csv"
    report.write_text("article_id,claim_id,claim,start,end,verdict,confidence,reason\n"
                      "a1,a1:1,'=2+3 rockets were fired.,0,22,contradicted,0.9,claim says 5\n", encoding="utf-8")
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "a1.txt").write_text("Title\n=2+3 rockets were fired. Then quiet.\n", encoding="utf-8")
    result = build_html_report(tmp_path / "page.html", report=report, articles=articles)
    page = result.path.read_text(encoding="utf-8")
    assert read_report(report)[0].claim == "=2+3 rockets were fired."  # the spreadsheet guard is undone
    assert '<span class="ctext">=2+3 rockets were fired.</span>' in page
    manifest = json.loads(result.manifest_path.read_text())
    assert result.manifest_path.name == "page.html.manifest.json"
    assert manifest["report_format"] == "html" and manifest["counts"] == {"contradicted": 1}
    assert [i["kind"] for i in manifest["inputs"]] == ["report", "articles"]


def test_check_html_reads_the_articles_once_and_renders_what_report_renders(example_index, tmp_path,
                                                                           monkeypatch, capsys):
    """`check --html` shows the articles check read; the page is the one `report` renders afterwards."""
    from conftest import EXAMPLES, bundled_model_or_skip

    import vericlaim
    import vericlaim.api
    import vericlaim.corpora
    from vericlaim.cli import main
    from vericlaim.progress import progress_path

    bundled_model_or_skip()
    reads = []
    real = vericlaim.corpora.read_documents

    def counted(path, **options):
        reads.append(str(path))
        return real(path, **options)

    monkeypatch.setattr(vericlaim.corpora, "read_documents", counted)  # the real reader, counted
    monkeypatch.setattr(vericlaim.api, "read_documents", counted)
    articles, out, html = EXAMPLES / "articles", tmp_path / "report.csv", tmp_path / "page.html"
    assert main(["check", str(articles), "--index", str(example_index), "--out", str(out),
                 "--html", str(html), "-q"]) == 0, capsys.readouterr().err
    assert reads == [str(articles)]
    page, page_manifest = html.read_bytes(), (tmp_path / "page.html.manifest.json").read_bytes()
    assert b'class="ctext"' in page  # claims marked in their article's text

    html.unlink()
    again = build_html_report(html, report=out, articles=articles)  # reads report, manifest, articles
    assert again.articles == 3 and len(reads) == 2
    assert html.read_bytes() == page and again.manifest_path.read_bytes() == page_manifest

    # a resumed run keeps the articles finished before it too (the page shows every article)
    ids = list(read_articles(articles)[0])
    assert len(ids) == 3
    for name, keep in [("resumed.csv", True), ("plain.csv", False)]:
        progress_path(tmp_path / name).write_text(
            "".join(json.dumps({"article_id": i, "rows": []}) + "\n" for i in ids))  # all finished
        result = vericlaim.check(articles, example_index, out=tmp_path / name, resume=True, keep_documents=keep)
        assert result.counts() == {} and list(result.documents) == (ids if keep else [])


def test_a_page_written_inside_the_articles_folder_is_not_read_back(example_index, tmp_path, capsys):
    """`check --html` inside the articles folder: the next run does not list the page as an input problem."""
    import shutil

    from conftest import EXAMPLES, bundled_model_or_skip

    from vericlaim.cli import main

    bundled_model_or_skip()
    articles = tmp_path / "articles"
    shutil.copytree(EXAMPLES / "articles", articles)
    out, html = articles / "report.csv", articles / "page.html"
    for _ in range(2):  # the second run finds the first run's page and its manifest in the folder
        assert main(["check", str(articles), "--index", str(example_index), "--out", str(out),
                     "--html", str(html), "--force", "-q"]) == 0, capsys.readouterr().err
        assert not (articles / "vericlaim-errors.csv").exists()
    assert (articles / "page.html.manifest.json").exists()

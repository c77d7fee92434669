"""One wire story carried by several outlets: retrieved once, scored once, cited as one source."""

from __future__ import annotations

import json

from conftest import bundled_model_or_skip

import vericlaim
from vericlaim.config import Config
from vericlaim.models import loader
from vericlaim.retrieval.dedupe import group_near_duplicates

WIRE = ("Three soldiers were wounded when a roadside bomb struck their army convoy near Tarsin on Tuesday "
        "morning.")


def test_copies_with_a_changed_word_group_with_their_lead():
    texts = [WIRE, WIRE.replace("Tuesday", "Tuesday evening"), "Rain closed the border crossing at Tarsin.", WIRE]
    assert group_near_duplicates(texts) == [0, 0, 2, 0]


def test_wire_copies_are_scored_once_and_counted_as_outlets(tmp_path, monkeypatch):
    bundled_model_or_skip()
    corpus = tmp_path / "reports.jsonl"
    rows = [{"id": f"{outlet}-1", "title": "Convoy hit near Tarsin", "text": WIRE, "source": outlet,
             "date": "2021-03-02"} for outlet in ("Northern Wire", "Valley Bulletin", "City Herald")]
    rows.append({"id": "weather-1", "title": "Weather", "text": "Heavy rain closed the mountain road to Tarsin "
                 "for most of the week, officials said.", "source": "Evening Post", "date": "2021-03-01"})
    corpus.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    index = tmp_path / "idx"
    vericlaim.build_index(corpus, index)

    scored: list[tuple[str, str]] = []
    real = loader.load_nli(Config().nli_model, Config().max_length, Config().nli_backend)
    original = type(real).predict

    def counting_predict(self, pairs, *args, **kwargs):
        scored.extend(pairs)
        return original(self, pairs, *args, **kwargs)

    monkeypatch.setattr(type(real), "predict", counting_predict)  # counts the calls, scores for real
    claims = tmp_path / "claims.jsonl"
    claims.write_text(json.dumps({"id": "c1", "claim": "Three soldiers were wounded by a roadside bomb near "
                                  "Tarsin on Tuesday."}) + "\n", encoding="utf-8")
    result = vericlaim.check_claims(claims, index)
    verdict = result.verdicts[0]
    wire_pairs = [p for p in scored if p[0] == WIRE]
    assert len(wire_pairs) == 1, "three copies of one text must cost one NLI pair"
    outlets = {e.doc.source for e in verdict.considered if e.passage.text == WIRE}
    assert outlets == {"Northern Wire", "Valley Bulletin", "City Herald"}
    assert verdict.label == "supported"
    assert "3 outlets" in verdict.reason

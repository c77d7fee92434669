from vericlaim.claims.segment import split_sentences


def test_abbreviations_and_decimals_do_not_split():
    text = "Dr. Smith said 3.5 million U.S. troops left. Then he went home."
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == [
        "Dr. Smith said 3.5 million U.S. troops left.", "Then he went home."]


def test_offsets_point_into_the_text():
    text = 'First line.\n\n"It is over," he said. About 30 rockets hit the base at 5 p.m. on Friday.'
    for s in split_sentences(text):
        assert text[s.start:s.end] == s.text
    assert len(split_sentences(text)) == 3


def test_quotes_survive():
    text = '"We will respond," the spokesman said. "Soon."'
    assert split_sentences(text)[0].text == '"We will respond," the spokesman said.'


def test_huge_sentence_is_cut_into_pieces():
    text = "word " * 5000
    sentences = split_sentences(text)
    assert len(sentences) > 1
    assert all(len(s.text) <= 2000 for s in sentences)


def test_empty_text():
    assert split_sentences("") == []
    assert split_sentences("   \n\n  ") == []

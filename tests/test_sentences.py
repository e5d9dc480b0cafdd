from pathlib import Path

from geo.sentences import split_sentences

SEED = Path(__file__).parents[1] / "seeds" / "fuzuli-2021-01-26.txt"


def texts(text):
    return [text[s.start : s.end] for s in split_sentences(text)]


def test_offsets_index_the_text_and_are_numbered():
    text = "  One here.  Two there!\n\nThree?  "
    sentences = split_sentences(text)
    assert [s.index for s in sentences] == [0, 1, 2]
    assert texts(text) == ["One here.", "Two there!", "Three?"]
    for s in sentences:
        assert text[s.start : s.end] == text[s.start : s.end].strip()


def test_news_abbreviations_do_not_end_a_sentence():
    text = ("Troops moved on Jan. 26 and again on Sept. 27 near the border. "
            "Col. Jeyhun Jafarov spoke. U.S. officials and Gov. Smith agreed. "
            "J. R. R. Tolkien wrote in Oxford.")
    assert texts(text) == [
        "Troops moved on Jan. 26 and again on Sept. 27 near the border.",
        "Col. Jeyhun Jafarov spoke.",
        "U.S. officials and Gov. Smith agreed.",
        "J. R. R. Tolkien wrote in Oxford.",
    ]


def test_dateline_and_heading_lines_are_their_own_sentences():
    text = "Fuzuli, Azerbaijan, Jan. 26\n\nTrend:\n\nThe bridge fell.\nIt was old."
    assert texts(text) == ["Fuzuli, Azerbaijan, Jan. 26", "Trend:", "The bridge fell.", "It was old."]


def test_a_line_break_inside_a_sentence_does_not_split_it():
    text = "The river flows through the\nvalley and on to the sea."
    assert texts(text) == ["The river flows through the\nvalley and on to the sea."]


def test_quotes_after_the_period_stay_with_the_sentence():
    text = '"We cleared it," he said. "Then we left." Then nothing.'
    assert texts(text) == ['"We cleared it," he said.', '"Then we left."', "Then nothing."]


def test_empty_and_blank_text():
    assert split_sentences("") == ()
    assert split_sentences(" \n\n \t") == ()


def test_seed_article_sentences_cover_every_word():
    seed_text = SEED.read_text(encoding="utf-8")
    sentences = split_sentences(seed_text)
    covered = set()
    for s in sentences:
        covered.update(range(s.start, s.end))
    assert all(i in covered for i, ch in enumerate(seed_text) if not ch.isspace())
    assert len(sentences) == 17

"""The text inside an HTML map: escaping, and the popups' HTML for a document's place or a corpus's.

All text from an article, the gazetteer or the caller goes through :func:`escape_html`,
which makes it inert in every context folium puts it: HTML, a JavaScript template
literal, and a Jinja template that folium renders a second time.

>>> from geo.records import Citation, CorpusPlace, Place, Quote
>>> baku = Place("587084", "Baku", "city", 40.4093, 49.8671, "AZ")
>>> quote = Quote(0, 13, "Rain in Baku.", ((8, 12),))
>>> box = corpus_popup_html(CorpusPlace(baku, (Citation("a", "Weather <1>", (quote,), 1),)))
>>> "Weather &lt;1&gt;" in box, "Rain in <mark>Baku</mark>." in box
(True, True)
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from typing import Any

from geo.records import CorpusPlace, Document, MappedPlace, Place, Quote

__all__ = ["escape_html", "document_popup_html", "corpus_popup_html", "place_line", "plural",
           "DOCUMENTS_PER_POPUP", "QUOTES_PER_DOCUMENT"]

#: A corpus popup lists this many documents, then says how many more name the place.
DOCUMENTS_PER_POPUP = 10
#: ... and this many sentences of each document, then how many more.
QUOTES_PER_DOCUMENT = 2

# After html.escape, these characters still mean something where folium puts the text:
# ` $ \ inside the JavaScript template literal around popups and tooltips, { } to Jinja
# (folium re-renders MacroElement output as a template), line breaks to folium (it turns
# "\n" into spaces). As numeric character references they are plain text to the HTML
# parser and nothing to JavaScript or Jinja.
_INERT = {ord(c): f"&#{ord(c)};" for c in "`$\\{}\n\r\u2028\u2029"}
_INERT[0] = "\ufffd"  # NUL is dropped or mangled by HTML parsers
_SURROGATE = re.compile("[\ud800-\udfff]")  # lone surrogates cannot be written as UTF-8


def escape_html(value: object) -> str:
    r"""Untrusted text as HTML text or an attribute value, inert inside folium's templates.

    >>> escape_html('<script>alert("x")</script>')
    '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;'
    >>> escape_html("${window.pwned=1} `a` \\u0041 {{ 7*7 }}")
    '&#36;&#123;window.pwned=1&#125; &#96;a&#96; &#92;u0041 &#123;&#123; 7*7 &#125;&#125;'
    >>> escape_html("it's\nfine")
    'it&#x27;s&#10;fine'
    """
    text = html.escape(str(value), quote=True).translate(_INERT)
    return _SURROGATE.sub("\ufffd", text)


def plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _marked(text: str, start: int, end: int, spans: Iterable[tuple[int, int]]) -> str:
    """``text[start:end]`` escaped, with the given spans (offsets in ``text``) wrapped in <mark>."""
    merged: list[list[int]] = []
    for a, b in sorted((max(a, start), min(b, end)) for a, b in spans):  # clamped to the sentence
        if a >= b:
            continue
        if merged and a <= merged[-1][1]:  # overlapping or touching mentions share one mark
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    out, pos = [], start
    for a, b in merged:
        out.append(escape_html(text[pos:a]))
        out.append("<mark>" + escape_html(text[a:b]) + "</mark>")
        pos = b
    out.append(escape_html(text[pos:end]))
    return "".join(out)


def _marked_sentence(document: Document, index: int, spans: list[tuple[int, int]]) -> str:
    """The sentence's text, escaped, with the given text spans wrapped in <mark>."""
    sentence = document.sentences[index]
    return _marked(document.text, sentence.start, sentence.end, spans)


def _marked_quote(quote: Quote) -> str:
    """A quoted sentence, escaped, its mentions wrapped in <mark> (the quote's offsets index its document)."""
    marks = [(a - quote.start, b - quote.start) for a, b in quote.marks]
    return _marked(quote.text, 0, len(quote.text), marks)


def place_line(name: str, kind: str, country: str, admin1: str = "") -> str:
    # The state or province tells namesakes apart ("Henry County (adm2, Georgia, US)").
    extra = ", ".join(escape_html(v) for v in (kind, admin1 if admin1 != name else "", country) if v)
    return f'<bdi class="geo-name">{escape_html(name)}</bdi>' + (f' <span class="geo-meta">({extra})</span>' if extra else "")


def _heading(place: Place, counts: list[tuple[str, int]]) -> list[str]:
    """The popup's start: the place's name and a table of its facts, then the given counts."""
    facts = [
        ("Kind", place.kind),
        ("Country", place.country_code),
        ("Admin1", place.admin1),
        ("Coordinates", f"{place.lat:.4f}, {place.lon:.4f}"),
        ("Gazetteer id", place.id),
        *((label, str(n)) for label, n in counts),
    ]
    rows = "".join(f"<tr><th>{k}</th><td dir=\"auto\">{escape_html(v)}</td></tr>" for k, v in facts if v)
    return [f'<div class="geo-popup"><h3 class="geo-popup-name" dir="auto">{escape_html(place.name)}</h3>',
            f'<table class="geo-facts">{rows}</table>']


def document_popup_html(document: Document, mp: MappedPlace) -> str:
    """A place of one document: its facts, every sentence naming it, the runner-ups and the reason."""
    place = mp.place
    parts = _heading(place, [("Mentions", mp.mention_count)])

    spans: dict[int, list[tuple[int, int]]] = {}
    for r in mp.resolutions:
        spans.setdefault(r.mention.sentence_index, []).append((r.mention.start, r.mention.end))
    sentences = []
    for index in sorted(spans):
        if 0 <= index < len(document.sentences):
            body = _marked_sentence(document, index, spans[index])
        else:  # a mention without a sentence: show what the text said
            body = "".join("<mark>" + escape_html(document.text[a:b]) + "</mark>" for a, b in spans[index])
        sentences.append(f'<li><div class="geo-sentence" dir="auto">{body}</div></li>')
    parts.append(f'<h4>{plural(len(sentences), "sentence")}</h4><ol class="geo-sentences">{"".join(sentences)}</ol>')

    best: dict[str, Any] = {}
    for r in mp.resolutions:
        for c in r.candidates:
            if c.place.id != place.id and (c.place.id not in best or c.score > best[c.place.id].score):
                best[c.place.id] = c
    others = sorted(best.values(), key=lambda c: -c.score)[:3]
    if others:
        items = "".join(
            f'<li>{place_line(c.place.name, c.place.kind, c.place.country_code, c.place.admin1)} '
            f'<span class="geo-score">{c.score:.2f}</span></li>'
            for c in others
        )
        parts.append(f'<h4>Other candidates</h4><ul class="geo-candidates">{items}</ul>')
    reasons = list(dict.fromkeys(r.reason for r in mp.resolutions if r.reason))
    if reasons:
        parts.append("".join(f'<p class="geo-reason" dir="auto">{escape_html(x)}</p>' for x in reasons))
    parts.append("</div>")
    return "".join(parts)




def _more(n: int, word: str) -> str:
    return f'<li class="geo-more">+{plural(n, "more " + word)}</li>'


def corpus_popup_html(cp: CorpusPlace) -> str:
    """A place of a corpus: its facts, then each document naming it (title or id) with its
    sentences, the mentions marked; capped, with a "+N more" line for the rest."""
    parts = _heading(cp.place, [("Documents", cp.document_count), ("Mentions", cp.mention_count)])
    documents = []
    for citation in cp.citations[:DOCUMENTS_PER_POPUP]:
        label = f'<bdi class="geo-doc-label">{escape_html(citation.label)}</bdi>'
        if citation.title:  # the id too, so the reader can find the document
            label += f' <span class="geo-meta geo-doc-id">({escape_html(citation.document_id)})</span>'
        quotes = [f'<li><div class="geo-sentence" dir="auto">{_marked_quote(q)}</div></li>'
                  for q in citation.quotes[:QUOTES_PER_DOCUMENT]]
        if len(citation.quotes) > QUOTES_PER_DOCUMENT:
            quotes.append(_more(len(citation.quotes) - QUOTES_PER_DOCUMENT, "sentence"))
        documents.append(f'<li class="geo-doc"><div class="geo-doc-head" dir="auto">{label}</div>'
                         f'<ol class="geo-sentences">{"".join(quotes)}</ol></li>')
    if cp.document_count > DOCUMENTS_PER_POPUP:
        documents.append(_more(cp.document_count - DOCUMENTS_PER_POPUP, "document"))
    heading = f"Named in {plural(cp.document_count, 'document')}"
    parts.append(f'<h4>{heading}</h4><ol class="geo-documents">{"".join(documents)}</ol></div>')
    return "".join(parts)

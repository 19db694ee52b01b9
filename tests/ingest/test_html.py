"""HTML extraction beyond trafilatura's precise pass: a body split into identical
containers is continued, and a precise pass that kept only a sliver is rechecked."""

from types import SimpleNamespace

import pytest

from newspipe.config import HtmlConfig
from newspipe.ingest import html as html_module
from newspipe.ingest.html import continued_paragraphs, extract_page

FIRST_CHUNK = [
    "The city council approved the new tram line on Tuesday after a debate that ran "
    "well past midnight and drew more than two hundred residents to the chamber.",
    "Construction is due to start next spring, with the first trams expected to carry "
    "passengers between the station and the hospital within three years.",
]
LATER_CHUNKS = [
    "Opponents said the route would cut through a park that families have used for "
    "generations, and they promised to take the decision to the regional court.",
    "The council's transport chair replied that the park would lose fewer than twenty "
    "trees and that a new green space would open beside the depot.",
]
NEXT_ARTICLE = (
    "Bakers across the region are warning that the price of flour has doubled since the "
    "summer harvest, and several small shops say they may close before Christmas."
)


def chunk(paragraphs: list[str]) -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return f'<div class="grid"><div class="article-body">{body}</div></div>'


def split_page(after_chunks: str = "", after_body: str = "") -> str:
    """A news page whose body is cut into three identical containers by an advert and an
    embed, as some content systems print it."""
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Council approves tram line</title></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Council approves tram line</h1><div class="chunks">
{chunk(FIRST_CHUNK)}
<div class="advert"><a href="https://ads.example">Holidays from 99 euros</a></div>
{chunk(LATER_CHUNKS[:1])}
<div class="embed"><iframe src="https://video.example/1"></iframe></div>
{chunk(LATER_CHUNKS[1:])}{after_chunks}
</div></article>{after_body}
<footer>All rights reserved</footer></body></html>"""


def test_a_body_split_into_identical_containers_is_read_to_its_end():
    page = split_page().encode()
    read_first_only = extract_page(page, None, HtmlConfig(continue_split_body=False))
    assert LATER_CHUNKS[0] not in read_first_only.text  # what trafilatura alone gives

    found = extract_page(page, None, HtmlConfig())
    lines = found.text.split("\n")
    assert [line for line in lines if line in FIRST_CHUNK + LATER_CHUNKS] == (
        FIRST_CHUNK + LATER_CHUNKS
    )
    assert "Holidays from 99 euros" not in found.text
    assert found.extraction == "trafilatura:continued"


def test_continuation_stops_at_the_next_article_and_skips_look_alikes_elsewhere():
    # the next story printed in the same stream, as endless-scroll pages do
    next_article = f"<h1>Flour prices double</h1>{chunk([NEXT_ARTICLE])}"
    teaser = f'<aside class="related"><ul><li>{chunk([NEXT_ARTICLE])}</li></ul></aside>'
    first_only = "\n".join(FIRST_CHUNK)
    assert continued_paragraphs(split_page(next_article), first_only, HtmlConfig()) == (
        LATER_CHUNKS
    )
    # The teaser's container has the body's tag and class but hangs from the page by
    # another path: it is not a continuation.
    teaser_page = (
        split_page(after_body=teaser)
        .replace(chunk(LATER_CHUNKS[:1]), "")
        .replace(chunk(LATER_CHUNKS[1:]), "")
    )
    assert continued_paragraphs(teaser_page, first_only, HtmlConfig()) == []


def passes(precise: str, default: str):
    """A stand-in for trafilatura: the precise pass finds `precise`, the others
    `default`."""

    def extract(html, url, config, *, precision, recall):
        return SimpleNamespace(
            text=precise if precision else default,
            url=None,
            title=None,
            author=None,
            date=None,
            sitename=None,
        )

    return extract


DEFAULT_TEXT = "\n".join(FIRST_CHUNK + LATER_CHUNKS)


@pytest.mark.parametrize(
    ("precise", "expected", "extraction"),
    [
        # a notice kept instead of the article: under a tenth of the default pass
        ("Subscribe to read.", DEFAULT_TEXT, "trafilatura:default"),
        # a precise text of a fair share of the default pass stands
        (FIRST_CHUNK[0], FIRST_CHUNK[0], "trafilatura"),
    ],
)
def test_a_short_precise_text_is_rechecked_with_the_default_pass(
    monkeypatch, precise, expected, extraction
):
    monkeypatch.setattr(html_module, "_extract", passes(precise, DEFAULT_TEXT))
    found = extract_page(b"<html></html>", None, HtmlConfig(continue_split_body=False))
    assert (found.text, found.extraction) == (expected, extraction)


def test_a_precise_text_above_the_recheck_length_is_not_rechecked(monkeypatch):
    monkeypatch.setattr(html_module, "_extract", passes("Subscribe to read.", DEFAULT_TEXT))
    config = HtmlConfig(recheck_below_chars=10, continue_split_body=False)
    assert extract_page(b"<html></html>", None, config).text == "Subscribe to read."

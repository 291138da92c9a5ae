"""A document-sharing site's preview pages are told from list items by the whole run."""

from gkparse.model import Segment
from gkparse.previews import page_numbers

# made-up text of the length of a page: the previews cut each page after 300 characters
PAGE = "推进政务公开工作，" * 30


def segments(*texts: str) -> list[Segment]:
    return [Segment(n, t, t) for n, t in enumerate(texts, start=1)]


def test_pages_cut_in_mid_sentence_are_pages():
    assert page_numbers(segments("标题", f"1、{PAGE}做", f"2、好{PAGE}", "3、完")) == {1, 2, 3}


def test_long_items_that_end_their_sentences_are_items():
    assert page_numbers(segments(f"1、{PAGE}。", f"2、{PAGE}。")) == set()


def test_one_long_line_is_no_run():
    assert page_numbers(segments(f"1、{PAGE}做", "正文")) == set()


def test_a_run_must_start_at_one_and_count_every_line():
    assert page_numbers(segments(f"2、{PAGE}做", f"3、{PAGE}做")) == set()
    assert page_numbers(segments(f"1、{PAGE}做", f"3、{PAGE}做")) == set()

"""The speed-ups that stand in for a slower, plainer computation give its answer exactly.

Each fast path here is checked against the computation it replaces, on texts chosen to reach the
cases it must fall back on (combining marks after a full-width form, controls, U+FFFD, spaces
of every kind) and on arbitrary text.
"""

from __future__ import annotations

import unicodedata

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from gkparse import printed
from gkparse.hanzi import simplify

# the reference: what printed.compared computed before its fast paths
UNSEEN = regex.compile(r"[\p{Z}\p{Cc}\p{Cf}\ufffd]+")


def slow_compared(text: str, fold: bool = True) -> str:
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text)
        text = simplify(text) if fold else text
    return UNSEEN.sub("", text)


HARD = [
    "（一）加强组织领导，落实责任：",
    "Ａ\u0300，(",  # a full-width letter composes with the mark after it
    "，\u0301（\u0308）",  # marks after the forms replaced first
    "e\u0301 \u3000x\u00a0y",
    "发展\u200b改革\u00ad委员会\ufffd",
    "線\tline\x85end\u2028",
    "ｶﾞ ｷﾞ ㈱ ① ㍻ ﬁ",
    "國務院辦公廳",
    "",
]


def test_compared_gives_the_plain_computation_on_hard_cases():
    for text in HARD:
        for fold in (True, False):
            assert printed.compared(text, fold) == slow_compared(text, fold), text


def test_nfkc_is_unicodedata_nfkc():
    for text in HARD:
        assert printed.nfkc(text) == unicodedata.normalize("NFKC", text)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=0xFFFF), max_size=40))
def test_compared_gives_the_plain_computation_on_any_text(text):
    assert printed.nfkc(text) == unicodedata.normalize("NFKC", text)
    assert printed.compared(text) == slow_compared(text)
    assert printed.compared(text, False) == slow_compared(text, False)


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.sampled_from([*"，（）：；？！\u3000\u00a0 \u0301\u0308\u200bＡa发發。"]), max_size=30
    )
)
def test_compared_on_full_width_forms_beside_marks(chars):
    text = "".join(chars)
    assert printed.compared(text) == slow_compared(text)

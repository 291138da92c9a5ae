"""hanzi.restore_map: its fast path (lines written as matched) gives what the loop gave."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from gkparse.hanzi import restore_map, simplified_forms, simplify


def reference(written: list[str], simple: list[str]) -> tuple[dict[int, str], list[str]]:
    """The loop over every character, as restore_map was written first."""
    forms = simplified_forms()
    sources: dict[str, set[str]] = {}
    for line_w, line_s in zip(written, simple):
        if line_w == line_s and not forms.intersection(line_s):
            continue
        for w, s in zip(line_w, line_s):
            if s in forms:
                sources.setdefault(s, set()).add(w)
    back = {ord(s): next(iter(w)) for s, w in sources.items() if len(w) == 1 and s not in w}
    return back, sorted(s for s, w in sources.items() if len(w) > 1)


LINES = st.lists(st.text(alphabet="发發髮后後台臺颱政务務公开開，。a1 ", max_size=12), max_size=8)


@settings(max_examples=300, deadline=None)
@given(LINES)
def test_same_as_the_loop(written: list[str]) -> None:
    simple = [simplify(line) for line in written]
    assert restore_map(written, simple) == reference(written, simple)

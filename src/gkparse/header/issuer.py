"""发文机关: the 发文机关标志 (`XX市人民政府办公室文件`), unit lines in the 版头, the signature,
or the units the title begins with (`中共XX省委 XX省人民政府关于…`), in that order of trust."""

from __future__ import annotations

from ..elements import is_unit, units_line
from ..normalize import strip_spaces
from .zone import HeaderState


def mark(s: HeaderState, i: int) -> int:
    m = s.rules.header["header_mark"].fullmatch(s.text(i))
    if not m or not is_unit(s.rules, strip_spaces(m["issuer"])):
        return 0
    s.front.mark = strip_spaces(m["issuer"])
    s.claim(s.tokens[i].seg, "header.issuer")
    return 1


def units(s: HeaderState, i: int) -> int:
    names = units_line(s.rules, s.text(i))
    if not names or _opens_title(s, i):
        return 0
    s.front.top_units.extend(names)
    s.claim(s.tokens[i].seg, "header.issuer")
    return 1


def _opens_title(s: HeaderState, i: int) -> bool:
    """Lines of unit names right above `关于…`, no title yet: the first lines of a broken
    title (`中共X委员会` / `X管理委员会` / `关于印发…的通知`)."""
    if s.header.title or s.front.title:
        return False
    k = i + 1
    while s.next_text(k - 1) is not None and units_line(s.rules, s.text(k)):
        k += 1
    nxt = s.next_text(k - 1)
    return bool(nxt and nxt.startswith("关于"))


def settle(s: HeaderState) -> None:
    f = s.front
    issuers = [u for line in f.signature for u in line.split()] or (
        [f.mark] if f.mark else f.top_units
    )
    if not issuers and f.title_text:
        m = s.rules.header["title_issuers"].match(f.title_text)
        if m and units_line(s.rules, m["issuers"]):
            issuers = m["issuers"].split()
    s.header.issuer = "、".join(n for name in issuers for n in glued_units(s, name)) or None


NAME_MIN = 5  # each of two names run together is this long: `XX市` + `财政局` are one name
PLACE_SOON = 6  # a second name says where it is within its first characters (岳阳市…, 中共…)


def glued_units(s: HeaderState, name: str) -> list[str]:
    """Joint issuers whose space the page lost (`中共X市委办公室X市人民政府办公室`), apart: cut where
    both sides are units' names, the first an organ (not a place), and the second begins a new
    one (中共, or a place)."""
    rules = s.rules
    for k in range(len(name) - NAME_MIN, NAME_MIN - 1, -1):  # the longest first name first
        head, rest = name[:k], name[k:]
        place = rest.startswith("中共") or any(
            ch in rules.division_names for ch in rest[:PLACE_SOON]
        )
        # (a place's name is no issuer: 上海市青浦区 + 练塘镇人民政府 is one name)
        organ = not any(head.endswith(d) for d in rules.division_names)
        organ = organ and not rest.startswith(rules.unit_suffixes)  # (中共X市委 + 办公室…)
        if place and organ and is_unit(rules, head) and is_unit(rules, rest):
            return [head, *glued_units(s, rest)]
    return [name]

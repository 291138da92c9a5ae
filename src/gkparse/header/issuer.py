"""发文机关: the 发文机关标志 (`XX市人民政府办公室文件`), unit lines in the 版头, the signature,
or the units the title begins with (`中共XX省委 XX省人民政府关于…`), in that order of trust."""

from __future__ import annotations

from ..elements import is_unit, line_names, units_line
from ..normalize import strip_spaces
from ..rules import Rules
from .zone import HeaderState

JOINT_PARTY = "中共"  # a party body's name begins so; its place follows


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
    """Lines of unit names right above `关于…` (or above more names run into it), no title
    yet: the first lines of a broken title (`中共X委员会` / `X管理委员会` / `关于印发…的通知`)."""
    if s.header.title or s.front.title:
        return False
    k = i + 1
    while s.next_text(k - 1) is not None and units_line(s.rules, s.text(k)):
        k += 1
    nxt = s.next_text(k - 1)
    if not nxt:
        return False
    if nxt.startswith("关于"):
        return True
    # (more names run into 关于: the title's other issuers; the names above repeated there are
    # a site's banner over a title that names its own issuers)
    named = s.rules.header["title_issuers"].match(nxt)
    above = [u for j in range(i, k) for u in units_line(s.rules, s.text(j)) or []]
    return bool(
        named
        and units_line(s.rules, named["issuers"])
        and not any(u in named["issuers"] for u in above)
    )


def _title_issuers(s: HeaderState) -> list[str]:
    m = s.rules.header["title_issuers"].match(s.front.title_text)
    return (m and units_line(s.rules, m["issuers"])) or []


def settle(s: HeaderState) -> None:
    f = s.front
    # (unit lines above a title that names its own issuers are the page's banner, the site's
    # owner: `禾丰县人民政府` over `禾丰县人民政府办公室关于…的通报`)
    issuers = (
        [u for line in f.signature for u in line_names(line)]
        or ([f.mark] if f.mark else [])
        or _title_issuers(s)
        or f.top_units
    )
    issuers = [name for u in issuers for name in joint(s.rules, u)]
    # a unit word alone (办公室) names no body: what named it was lost (a spam mirror's name)
    issuers = [u for u in issuers if u not in s.rules.unit_suffixes]
    s.header.issuer = "、".join(issuers) or None


def joint(rules: Rules, name: str) -> list[str]:
    """Joint issuers run together (中共某市委办公室某市人民政府办公室) apart. Joint bodies are of one
    place: the seam is where the first one's place begins again, both sides a unit and the
    first more than a place (某市某区人民政府 is one body)."""
    start = len(JOINT_PARTY) if name.startswith(JOINT_PARTY) else 0
    place = name[start : start + 2]
    at = name.find(place, start + len(place) + 1)
    while at > 0:
        left, right = name[:at], name[at:]
        if (
            is_unit(rules, left)
            and is_unit(rules, right)
            and not left.endswith(rules.place_suffixes)
            and right not in rules.unit_suffixes
        ):
            return [left, *joint(rules, right)]
        at = name.find(place, at + 1)
    return [name]

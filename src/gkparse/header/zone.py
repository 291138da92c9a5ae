"""The state of the header reader: the tokens before the body, where the reader stands, and
what each element module has found so far (before the fields are settled)."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..elements import SENTENCE_END
from ..model import Document, Header, Issue, Segment, Token
from ..rules import Rules

# the zones of the 版头 and 主体, in the order the reader passes them
TOP = "top"  # 版头: marks, title, 发文字号, 主送机关
COVER = "cover"  # the notice's own text, after its recipients
AFTER = "after"  # after 署名 and 成文日期: the plan's own title may follow
PREAMBLE = "preamble"  # the plan's opening text, up to its first numbered heading
ANY = frozenset({TOP, COVER, AFTER, PREAMBLE})
# a document's file as a page names it (`X方案.docx`): a shared page's title, an attachment
FILE_SUFFIX = r"\.(?:docx?|pdf|xlsx?|wps|ofd)"
TITLE_MAX = 60
TITLE_MIN = 5  # a notice's title names its issuer or subject and its kind: never one word


@dataclass
class Front:
    """What the 版头 and 主体 yielded, before the fields are settled."""

    title: list[Token] = field(default_factory=list)
    title_text: str = ""
    file_title: str | None = None
    """The document's file name on a document-sharing page (`X.docx`): a title of last resort."""
    """The title's lines joined, spaces kept, the page's clutter before it cut (title.settle)."""
    top_units: list[str] = field(default_factory=list)
    top_date: str | None = None
    mark: str | None = None
    signature: list[str] = field(default_factory=list)
    cover: list[Token] = field(default_factory=list)
    plan_title: list[Token] = field(default_factory=list)
    preamble: list[Token] = field(default_factory=list)


@dataclass
class HeaderState:
    rules: Rules
    doc: Document
    issues: list[Issue]
    tokens: list[Token]
    zone: str = TOP
    front: Front = field(default_factory=Front)

    @property
    def header(self) -> Header:
        return self.doc.header

    def text(self, i: int) -> str:
        return self.tokens[i].seg.text

    def next_text(self, i: int) -> str | None:
        """The text of the token after i when it is plain text."""
        if i + 1 < len(self.tokens) and self.tokens[i + 1].kind == "text":
            return self.tokens[i + 1].seg.text
        return None

    @staticmethod
    def claim(seg: Segment, owner: str) -> None:
        seg.owner = owner

    def title_so_far(self) -> str:
        return "".join(t.seg.text for t in self.front.title)


def plain_title(text: str) -> bool:
    """Short and without a sentence: a title's shape. A line that trails off (`…`, `...`) is a
    page's status or a cut listing: no notice ends its title so."""
    return (
        len(text) <= TITLE_MAX
        and not any(ch in text for ch in SENTENCE_END + "，,：:")
        and not text.rstrip().endswith(("…", "..."))
    )

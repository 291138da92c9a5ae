"""gkparse: Chinese government notices (通知) and the work plans they hand down, as structured data.

    >>> import gkparse
    >>> doc = gkparse.parse(open("notice.txt", encoding="utf-8").read())
    >>> doc.header.title, [t.id for t in doc.tasks]
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from .assemble import assemble
from .hanzi import restore_strings
from .keywords import keywords
from .taskfields import CLOSING_PARENS
from .model import Document, Issue
from .normalize import NotText, decode, split_lines
from .rules import RuleError, Rules, load_rules
from .tokenize import tokenize

__version__ = "0.1.0"
__all__ = ["Document", "NotText", "RuleError", "Rules", "load_rules", "parse", "parse_bytes", "parse_file", "__version__"]


def parse(text: str, *, rules: Rules | None = None, name: str | None = None, keywords: bool = True) -> Document:
    """Parse the text of one notice into a Document (`keywords=False` skips jieba)."""
    source = {"file": name, "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(), "encoding": None}
    return _parse(text, rules, source, [], keywords)


def parse_bytes(data: bytes, *, rules: Rules | None = None, name: str | None = None, keywords: bool = True) -> Document:
    """Decode the bytes of one notice file (UTF-8, GB18030, UTF-16, with or without BOM) and parse it.

    Raises NotText for an empty or binary file."""
    text, encoding, issues = decode(data)
    source = {"file": name, "sha256": hashlib.sha256(data).hexdigest(), "encoding": encoding}
    return _parse(text, rules, source, issues, keywords)


def parse_file(path: str | Path, *, rules: Rules | None = None, keywords: bool = True) -> Document:
    path = Path(path)
    return parse_bytes(path.read_bytes(), rules=rules, name=path.name, keywords=keywords)


def _parse(text: str, rules: Rules | None, source: dict, issues: list[Issue], with_keywords: bool) -> Document:
    rules = rules or load_rules()
    segments, repairs, restore = split_lines(text)
    issues.extend(repairs)
    doc = assemble(rules, tokenize(rules, segments), issues)
    if restore:  # a notice in traditional characters: give the fields back as it printed them
        for obj in (doc.header, doc.metadata, *doc.walk(), *(d for n in doc.walk() for d in n.deadlines)):
            restore_strings(obj, restore)
        doc.preamble = doc.preamble and doc.preamble.translate(restore)
        doc.closing = doc.closing and doc.closing.translate(restore)
        for entry in doc.metadata.dropped:  # pieces cut from a line were matched as simplified
            entry["text"] = entry["text"].translate(restore)
    if with_keywords:
        for task in doc.tasks:
            words = CLOSING_PARENS.sub("", "\n".join(filter(None, [task.title, task.text])))  # not the units
            task.keywords = keywords(words, rules.userdict.parent, rules.stopwords)
    for pattern in rules.patterns():
        if pattern.timeouts:
            doc.metadata.warnings.append(f"rule {pattern.where} timed out {pattern.timeouts} time(s) and was taken as no match")
            pattern.timeouts = 0
    source["lines"] = len(text.splitlines())
    doc.metadata.source = source
    return doc

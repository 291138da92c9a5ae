"""The diff report for a person: text for a terminal (coloured, wrapped to its width) and
Markdown for a page (tables for the inputs and the header, a list for each kind of change)."""

from __future__ import annotations

import sys
import unicodedata
from collections.abc import Iterator
from typing import Any

import regex

from .diffheader import LABELS

NONE = "∅"
SHORT = 40  # characters of a task's text that stand for a task without a title
MARKED = regex.compile(r"\[-(.*?)-\]|\{\+(.*?)\+\}", regex.DOTALL)  # word_diff's marks
Segment = tuple[str, str | None]  # a piece of a line and its colour
ROLES = ("lead", "responsible", "support")
# a change's units, as its lines say them (`units` is the responsible, lead included)
CHANGE_LABELS = {
    "responsible": "units",
    "lead": "lead",
    "support": "support",
    "section_units": "section units",
}


def counts(summary: dict[str, int]) -> str:
    return (
        f"{summary['header']} header changed, {summary['added']} added, "
        f"{summary['removed']} removed, {summary['reworded']} reworded, "
        f"{summary['moved']} moved, {summary['responsibility']} responsibility changed, "
        f"{summary['deadline']} deadline changed, {summary['unchanged']} unchanged"
    )


def name(task: dict[str, Any]) -> str:
    text = " ".join((task["text"] or "").split())
    return task["title"] or (text[:SHORT] + "…" if len(text) > SHORT else text)


def value(v: Any) -> str:
    if isinstance(v, list):
        return "；".join(v) or NONE
    return NONE if v is None or v == "" else str(v)


def who_and_when(task: dict[str, Any]) -> list[str]:
    """`lead: …`, `responsible: …`, `support: …`, `section units: …` (those the sections
    around it name), `deadlines: …`, those a task has."""
    parts = [f"{role}: {'；'.join(task[role])}" for role in ROLES if task[role]]
    if task.get("section_units"):
        parts.append(f"section units: {'；'.join(task['section_units'])}")
    if task["deadlines"]:
        dated = [
            f"{d['text']} ({d['date']})" if d["date"] else d["text"] for d in task["deadlines"]
        ]
        parts.append("deadlines: " + "；".join(dated))
    return parts


def split_marks(diff: str) -> Iterator[tuple[str, str]]:
    """A word diff as (kind, text): kind `=` kept, `-` deleted, `+` inserted."""
    at = 0
    for m in MARKED.finditer(diff):
        if m.start() > at:
            yield "=", diff[at : m.start()]
        yield ("-", m.group(1)) if m.group(1) is not None else ("+", m.group(2))
        at = m.end()
    if at < len(diff):
        yield "=", diff[at:]


# --- text ---


def width_of(char: str) -> int:
    if unicodedata.combining(char):
        return 0
    return 2 if unicodedata.east_asian_width(char) in "WF" else 1


ATOM = regex.compile(r"[!-~]+ ?|.", regex.DOTALL)  # a Latin word (with a space), or one char


def wrap(segments: list[Segment], width: int, indent: int) -> list[list[Segment]]:
    """Segments cut into lines of at most `width` columns (a Han character takes two), each
    line after the first indented, as is each paragraph of a text; a width of 0 cuts only at
    paragraphs. Chinese has no spaces: a line breaks after any Han character, but never inside
    a Latin word that fits on a line."""
    width = width if width > 0 else sys.maxsize
    indent = min(indent, width // 2)  # a narrow terminal still gets text on each line
    lines: list[list[Segment]] = [[]]
    used = 0
    for text, colour in segments:
        piece = ""

        def fits(size: int) -> bool:
            """Whether `size` more columns fit on the line; if not, the line is cut."""
            nonlocal piece, used
            if used + size <= width or used <= indent:
                return True
            lines[-1].append((piece, colour))
            lines.append([(" " * indent, None)])
            piece, used = "", indent
            return False

        for atom in ATOM.findall(text):
            size = sum(map(width_of, atom.rstrip(" ")))
            if atom == "\n":
                fits(sys.maxsize)  # a new paragraph: a new line
                continue
            if size <= width - indent:
                fits(size)  # a word that fits on a line is not cut
            for char in atom:
                if not fits(width_of(char)) and char == " ":
                    continue  # the space broken at
                piece += char
                used += width_of(char)
        lines[-1].append((piece, colour))
    return [_trimmed(line) for line in lines]


def _trimmed(line: list[Segment]) -> list[Segment]:
    """A line without the space it was broken at."""
    if line and line[-1][0].endswith(" "):
        line[-1] = (line[-1][0].rstrip(" "), line[-1][1])
    return line


def render_text(report: dict[str, Any], colour: bool, width: int = 0) -> str:
    import click

    def paint(line: list[Segment]) -> str:
        return "".join(
            click.style(t, **({"bold": True} if c == "bold" else {"fg": c}))
            if colour and c and t
            else t
            for t, c in line
        )

    out: list[str] = []
    for segments, indent in _text_lines(report):
        out.extend(paint(line) for line in wrap(segments, width, indent))
    return "\n".join(out) + "\n"


def _text_lines(report: dict[str, Any]) -> Iterator[tuple[list[Segment], int]]:
    """Each line of the text report as segments, with the indent of its continuation lines."""
    for mark, side in (("---", report["old"]), ("+++", report["new"])):
        title = f"  {side['title']}" if side["title"] else ""
        yield [(f"{mark} {side['path']}{title}  ({side['tasks']} tasks)", "bold")], 4
    yield [(counts(report["summary"]), None)], 2
    for note in report["notes"]:
        yield [(f"({note})", None)], 2
    for h in report["header"]:
        if "diff" in h:
            yield [(f"~ header   {h['field']}: ", "yellow"), *_text_diff(h["diff"])], 11
        else:
            line = f"~ header   {h['field']}: {value(h['old'])} -> {value(h['new'])}"
            yield [(line, "yellow")], 11
    for kind, sign, colour in (("added", "+", "green"), ("removed", "-", "red")):
        for task in report[kind]:
            yield [(f"{sign} {kind:<8} {task['id']} {name(task)}", colour)], 11
            for part in who_and_when(task):
                yield [(f"    {part}", None)], 6
    for c in report["changed"]:
        head = f"~ {','.join(c['kinds'])}  {c['old']} -> {c['new']} {c['title'] or ''}"
        yield [(head.rstrip(), "yellow")], 4
        yield from ((([(f"    {line}", None)]), 6) for line in _change_lines(c))
        if "diff" in c:
            yield [("    ", None), *_text_diff(c["diff"])], 4


def _text_diff(diff: str) -> list[Segment]:
    colours = {"=": None, "-": "red", "+": "green"}
    marks = {"=": ("", ""), "-": ("[-", "-]"), "+": ("{+", "+}")}
    return [(marks[k][0] + text + marks[k][1], colours[k]) for k, text in split_marks(diff)]


def _change_lines(c: dict[str, Any], arrow: str = "->") -> list[str]:
    lines = []
    if "section" in c:
        old, new = (value(c["section"][k]) for k in ("old", "new"))
        lines.append(f"section: {old} {arrow} {new}")
    for role, label in CHANGE_LABELS.items():
        if role in c:
            units = c[role]
            lines.append(f"{label}: +{value(units['added'])} -{value(units['removed'])}")
    if "deadlines" in c:
        old, new = (value(c["deadlines"][k]) for k in ("old", "new"))
        lines.append(f"deadlines: {old} {arrow} {new}")
    return lines


# --- Markdown ---

MD_SPECIAL = regex.compile(r"([\\`*_\[\]{}<>|#~!])")


def md(text: Any) -> str:
    """Text as Markdown shows it literally: its marks escaped, on one line."""
    if text is None or text == "" or text == []:
        return "—"
    if isinstance(text, list):
        text = "；".join(text)
    text = " ".join(str(text).split())
    return MD_SPECIAL.sub(r"\\\1", text.replace("&", "&amp;"))


def render_markdown(report: dict[str, Any]) -> str:
    old, new = report["old"], report["new"]
    out = [f"## {md(old['title'])} → {md(new['title'])}", ""]
    out += ["| | old | new |", "|---|---|---|"]
    out.append(f"| file | {md(old['path'])} | {md(new['path'])} |")
    out.append(f"| tasks | {old['tasks']} | {new['tasks']} |")
    out += ["", f"**{counts(report['summary'])}**"]
    for note in report["notes"]:
        out += ["", f"> {md(note)}"]
    if report["header"]:
        out += ["", "### Header", "", *_md_header(report["header"])]
    for kind in ("added", "removed"):
        if report[kind]:
            out += ["", f"### {kind.capitalize()} ({len(report[kind])})", ""]
        for task in report[kind]:
            units = "".join(f" · {md(part)}" for part in who_and_when(task))
            out.append(f"- **{md(task['id'])}** {md(name(task))}{units}")
    if report["changed"]:
        out += ["", f"### Changed ({len(report['changed'])})", ""]
    for c in report["changed"]:
        ids = md(c["old"]) if c["old"] == c["new"] else f"{md(c['old'])} → {md(c['new'])}"
        out.append(
            f"- **{ids}** {md(c['title'] or '')} ({', '.join(c['kinds'])})".replace("  ", " ")
        )
        out += [f"  - {md(line)}" for line in _change_lines(c, "→")]
        if "diff" in c:
            out.append(f"  - {_md_diff(c['diff'])}")
    return "\n".join(out).rstrip("\n") + "\n"


def _md_header(changes: list[dict[str, Any]]) -> list[str]:
    """A table of the fields' old and new values; a long field's word diff under it."""

    def label(h: dict[str, Any]) -> str:
        return md(f"{LABELS.get(h['field'], '')} {h['field']}".strip())

    rows = [f"| {label(h)} | {md(h['old'])} | {md(h['new'])} |" for h in changes if "diff" not in h]
    out = ["| field | old | new |", "|---|---|---|", *rows] if rows else []
    long = [f"- {label(h)}: {_md_diff(h['diff'])}" for h in changes if "diff" in h]
    return out + ([""] if out and long else []) + long


def _md_diff(diff: str) -> str:
    """A word diff with <del> and <ins>: they render where ~~ and ** beside Han text or
    punctuation would not (CommonMark's flanking rules)."""
    tags = {"=": ("", ""), "-": ("<del>", "</del>"), "+": ("<ins>", "</ins>")}
    return "".join(tags[k][0] + md(t) + tags[k][1] for k, t in split_marks(diff) if t.strip())

"""`gkparse tasks --ics`: the dated deadlines of the tasks as an iCalendar file (RFC 5545).

One all-day event a dated deadline: its summary the task's title (or the start of its text), its
description the units, the time limit as written, the task's text and the file it comes from.
Written by hand (RFC 5545 §3.1: CRLF lines folded at 75 octets; §3.3.11: `\\ ; ,` and newlines
escaped in text). Nothing depends on the time of the run: each event's UID and DTSTAMP are
derived from the document (its sha256, the task, the deadline; its date).
"""

from __future__ import annotations

import datetime
import hashlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import regex

from . import __version__
from .sectionunits import Units, inherited, of_task

SUMMARY_CHARS = 40  # of the text, for a task without a title
FOLD = 75  # octets a line holds (CRLF not counted)
# RFC 5545 §3.3.11: TEXT holds no control character but tab; a lone surrogate has no UTF-8
UNWRITABLE = regex.compile(r"[\x00-\x08\x0a-\x1f\x7f\ud800-\udfff]")
ROLES = (("lead", "牵头单位"), ("responsible", "责任单位"), ("support", "配合单位"))


@dataclass(frozen=True)
class Event:
    uid: str
    stamp: str  # DTSTAMP, UTC
    date: datetime.date
    summary: str
    description: str


def escape(text: str) -> str:
    """A TEXT value: backslash, semicolon, comma and newline escaped; controls removed."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    lines = [UNWRITABLE.sub("", line) for line in lines]
    escaped = (line.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,") for line in lines)
    return "\\n".join(escaped)


def fold(line: str) -> str:
    """A content line cut into lines of at most 75 octets, each continuation starting with a
    space, never inside a UTF-8 sequence; every line ends with CRLF."""
    out: list[str] = []
    current, size = "", 0
    for char in line:
        n = len(char.encode("utf-8"))
        if size + n > FOLD:
            out.append(current)
            current, size = " ", 1
        current += char
        size += n
    out.append(current)
    return "".join(part + "\r\n" for part in out)


def _date(value: Any) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


def _ymd(day: datetime.date) -> str:
    return f"{day.year:04d}{day.month:02d}{day.day:02d}"  # (strftime writes year 5 as `5`)


def _stamp(data: dict[str, Any], fallback: datetime.date) -> str:
    """The document's own date (成文日期, else its publication), else the deadline: a DTSTAMP
    the same on every run."""
    when = _date(data["header"].get("date")) or _date(data["metadata"].get("published"))
    return f"{_ymd(when or fallback)}T000000Z"


def events(
    docs: Iterable[tuple[str, dict[str, Any]]],
    wanted: Callable[[dict[str, Any], Units], bool] = lambda _task, _units: True,
) -> list[Event]:
    """The events of the dated deadlines of the tasks of (name, gkparse/1 mapping) pairs, by
    date; the same task of the same document given twice is one event."""
    seen: dict[str, Event] = {}
    order: list[tuple[datetime.date, int, str]] = []
    for name, data in docs:
        for event in _document_events(name, data, wanted):
            if event.uid not in seen:
                seen[event.uid] = event
                order.append((event.date, len(order), event.uid))
    return [seen[uid] for _, _, uid in sorted(order)]


def _document_events(
    name: str, data: dict[str, Any], wanted: Callable[[dict[str, Any], Units], bool]
) -> Iterator[Event]:
    source = (data["metadata"].get("source") or {}).get("sha256") or name
    above = inherited(data)
    for task in data["tasks"]:
        units = of_task(above, task)
        if not wanted(task, units):
            continue
        for n, deadline in enumerate(task["deadlines"]):
            date = _date(deadline["date"])
            if date is None:
                continue
            key = f"{source}\0{task['id']}\0{n}".encode("utf-8", "surrogatepass")
            yield Event(
                uid=hashlib.sha256(key).hexdigest()[:32] + "@gkparse",
                stamp=_stamp(data, date),
                date=date,
                summary=_summary(task),
                description=_description(name, data, task, units, deadline["text"]),
            )


def _summary(task: dict[str, Any]) -> str:
    if task["title"]:
        return task["title"]
    text = " ".join((task["text"] or "").split())
    return text if len(text) <= SUMMARY_CHARS else text[:SUMMARY_CHARS] + "…"


def _description(
    name: str, data: dict[str, Any], task: dict[str, Any], units: Units, limit: str
) -> str:
    header = data["header"]
    lines = [f"{label}：{'；'.join(task.get(role, []))}" for role, label in ROLES if task.get(role)]
    # the units the task's sections name, apart from its own (sectionunits.py)
    lines += [f"所在章节{label}：{'；'.join(units[role])}" for role, label in ROLES if units[role]]
    lines.append(f"完成时限：{limit}")
    plan = header.get("plan_title") or header.get("title") or ""
    number = f"（{header['doc_number']}）" if header.get("doc_number") else ""
    lines.append(f"任务 {task['id']}：{plan}{number}")
    lines.append(f"文件：{name}")
    if task["text"]:
        lines += ["", task["text"]]
    return "\n".join(lines)


def _end(day: datetime.date) -> list[str]:
    """DTEND the day after: an all-day event. (Without it, RFC 5545 §3.6.1 takes one day too:
    the only way for 9999-12-31.)"""
    if day == datetime.date.max:
        return []
    return [f"DTEND;VALUE=DATE:{_ymd(day + datetime.timedelta(days=1))}"]


def calendar(items: list[Event]) -> str:
    """The VCALENDAR of the events, as text with CRLF line ends."""
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:-//gkparse//gkparse {__version__}//ZH",
        "CALSCALE:GREGORIAN",
        "X-WR-CALNAME:" + escape("gkparse 任务时限"),
    ]
    for e in items:
        lines += [
            "BEGIN:VEVENT",
            f"UID:{e.uid}",
            f"DTSTAMP:{e.stamp}",
            f"DTSTART;VALUE=DATE:{_ymd(e.date)}",
            *_end(e.date),
            "SUMMARY:" + escape(e.summary),
            "DESCRIPTION:" + escape(e.description),
            "TRANSP:TRANSPARENT",  # a deadline does not make anyone busy
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "".join(fold(line) for line in lines)

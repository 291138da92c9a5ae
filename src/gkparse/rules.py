"""Rules: load the built-in rule files, layer user files over them, validate, compile.

The knowledge of the parser (numbering styles, header and metadata labels, junk lines,
responsibility labels) lives in YAML files, so that a user can teach gkparse a new family of
documents without touching code. A user file has the same sections as the built-in ones; a rule
with the id of a built-in rule overrides its keys, `disabled: true` removes it, a new id adds it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, ClassVar, NamedTuple

import regex
from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from . import precompiled
from .numerals import READERS

SPACES = regex.compile(r"\s+")  # (precompiled finds its file through this module)


class RuleError(Exception):
    """A rule file is unreadable or malformed; the message names the file, the rule and why."""


# sections that are a plain mapping or list, replaced or extended as a whole
PLAIN_SECTIONS = {
    "delimiters": dict,
    "unit_suffixes": list,
    "division_names": list,
    "bare_kinds": list,
    "heading_words": list,
    "unit_never": list,
    "place_suffixes": list,
    "page_columns": list,
    "page_containers": list,
    "stopwords": list,
    "unit_labels": list,
    "lead_labels": list,
    "support_labels": list,
    "unit_abbreviations": dict,
}
DEADLINE_KINDS = {"day", "month", "year_end", "half", "quarter", "relative"}
META_FIELDS = {
    "index_number",
    "disclosure",
    "publisher",
    "published",
    "date",
    "topic",
    "keywords",
    "doc_number",
    "title",
    "drop",
}
HEADER_IDS = {
    "doc_number",
    "header_mark",
    "recipients",
    "note",
    "note_under_date",
    "attachments",
    "cc",
    "printed",
    "signer",
    "cover_phrase",
    "cover_start",
    "title_end",
    "notice_title",
    "cut_title",
    "title_glued",
    "recipients_glued",
    "title_issuers",
    "hands_down",
    "handed_down",
    "copy_number",
    "secrecy",
    "urgency",
}
# every unit phrase units.py and taskfields.py ask for by id (a user who disabled one got an
# internal error on the first notice with a task)
UNIT_PHRASE_IDS = {
    "closing_parens",
    "labelled",
    "role",
    "leading_unit",
    "inline_label",
    "unit_split",
    "unit_trim",
    "covering",
}


RULE_TIMEOUT = (
    2.0  # seconds one match of one rule may take: a guard against patterns that backtrack forever
)
JUNK_MAX = 400  # junk lines are short; longer text is never matched against the junk rules


_TIMEOUTS: ContextVar[Counter[str] | None] = ContextVar("gkparse_timeouts", default=None)


@contextmanager
def counting_timeouts(counter: Counter[str]) -> Iterator[None]:
    """Count the rule timeouts of one parse in `counter` (the rules are shared and immutable)."""
    token = _TIMEOUTS.set(counter)
    try:
        yield
    finally:
        _TIMEOUTS.reset(token)


def _timed_out(where: str) -> None:
    counter = _TIMEOUTS.get()
    if counter is not None:
        counter[where] += 1


def _given_up(where: str | None = None) -> bool:
    """Whether a rule (None: any rule) already timed out in this parse. It is not asked again:
    a rule that backtracks on every line would otherwise cost RULE_TIMEOUT a line (50 s on 9 KB)."""
    counter = _TIMEOUTS.get()
    return bool(counter) and (where is None or counter[where] > 0)


class Guarded:
    """A compiled rule pattern whose matches give up after RULE_TIMEOUT (counted, not raised).

    A user's rule built to backtrack forever must not hang a batch: a match that times out
    counts as no match, and the document says which rule timed out.
    """

    __slots__ = ("pattern", "where")

    def __init__(self, pattern: regex.Pattern[str], where: str) -> None:
        self.pattern, self.where = pattern, where

    @property
    def groupindex(self) -> Any:
        return self.pattern.groupindex

    # each method calls the pattern itself: a generic getattr(...)(*args) cost a third of a
    # call, and rules are asked ~1,000 times a notice
    def match(self, text: str, pos: int = 0) -> Any:
        if _given_up(self.where):
            return None
        try:
            return self.pattern.match(text, pos, timeout=RULE_TIMEOUT)
        except TimeoutError:
            _timed_out(self.where)
            return None

    def fullmatch(self, text: str) -> Any:
        if _given_up(self.where):
            return None
        try:
            return self.pattern.fullmatch(text, timeout=RULE_TIMEOUT)
        except TimeoutError:
            _timed_out(self.where)
            return None

    def search(self, text: str) -> Any:
        if _given_up(self.where):
            return None
        try:
            return self.pattern.search(text, timeout=RULE_TIMEOUT)
        except TimeoutError:
            _timed_out(self.where)
            return None

    def sub(self, replacement: str, text: str) -> str:
        if _given_up(self.where):
            return text
        try:
            return self.pattern.sub(replacement, text, timeout=RULE_TIMEOUT)
        except TimeoutError:
            _timed_out(self.where)
            return text

    def finditer(self, text: str) -> list[Any]:
        if _given_up(self.where):
            return []
        try:
            return list(self.pattern.finditer(text, timeout=RULE_TIMEOUT))
        except TimeoutError:
            _timed_out(self.where)
            return []


class Shipped(Guarded):
    """A pattern that ships with gkparse, asked without a time limit: `regex` charges ~2 µs a
    call for one (~2 ms of a notice's ~1,000 asks, a fifth of its parse), and every shipped
    pattern is checked to be fast on long lines of its own characters
    (tests/test_hostile.py). A user's pattern is a Guarded: it may backtrack forever."""

    __slots__ = ()

    def match(self, text: str, pos: int = 0) -> Any:
        return self.pattern.match(text, pos)

    def fullmatch(self, text: str) -> Any:
        return self.pattern.fullmatch(text)

    def search(self, text: str) -> Any:
        return self.pattern.search(text)

    def sub(self, replacement: str, text: str) -> str:
        return self.pattern.sub(replacement, text)

    def finditer(self, text: str) -> list[Any]:
        return list(self.pattern.finditer(text))


WARM_UP = 1000  # quick tests asked before one combined pattern pays for its compiling (~15 ms)
_asked: Counter[str] = Counter()


class _OneByOne:
    """Stands for a combined pattern until it is worth compiling: tries the rules one by one."""

    def __init__(self, patterns: list[Guarded]) -> None:
        self.patterns = patterns

    def match(self, text: str, at: int) -> object | None:
        return next((m for p in self.patterns if (m := p.match(text, at))), None)

    def fullmatch(self, text: str) -> object | None:
        return next((m for p in self.patterns if (m := p.fullmatch(text))), None)


class _Limited:
    """A combined pattern of a user's rules: a match that takes too long raises TimeoutError
    (the caller then tries the rules one by one, each Guarded)."""

    def __init__(self, pattern: regex.Pattern[str]) -> None:
        self.pattern = pattern

    def match(self, text: str, at: int) -> object | None:
        return self.pattern.match(text, at, timeout=RULE_TIMEOUT)

    def fullmatch(self, text: str) -> object | None:
        return self.pattern.fullmatch(text, timeout=RULE_TIMEOUT)


def _combined(name: str, patterns: list[Guarded], kept: dict[str, Any]) -> Any:
    """One pattern matching where any of `patterns` does: at once when it was compiled at build
    time (the built-in rules: asked without a time limit, see Shipped; kept in `kept` under
    `name`, as finding it again cost ~3 µs, ~100 times a notice), else once a process has asked
    often enough for its compiling to pay (a single small notice never compiles it: a cold
    start stays short)."""
    if _given_up():  # a rule timed out in this parse: one by one, that rule skipped
        return _OneByOne(patterns)
    sources = tuple(p.pattern.pattern for p in patterns)
    ready = _prepared_any_of(sources)
    if ready is not None:
        kept[name] = ready
        return ready
    _asked[name] += 1
    if _asked[name] <= WARM_UP:
        return _OneByOne(patterns)
    return _Limited(_any_of(sources))


def _any_of_source(patterns: tuple[str, ...]) -> str:
    plain = [regex.sub(r"\(\?P<\w+>", "(?:", p) for p in patterns]
    return "|".join(f"(?:{p})" for p in plain) or "(?!)"


@lru_cache(maxsize=16)
def _prepared_any_of(patterns: tuple[str, ...]) -> regex.Pattern[str] | None:
    source = _any_of_source(patterns)
    return _any_of(patterns) if precompiled.holds(source, regex.V0) else None


@lru_cache(maxsize=16)
def _any_of(patterns: tuple[str, ...]) -> regex.Pattern[str]:
    """One pattern that matches where any of `patterns` does (their groups unnamed)."""
    return precompiled.compile(_any_of_source(patterns), regex.V0)


def builtin_dir() -> Path:
    """The built-in rules: inside the installed package, or at the top of a source checkout."""
    packaged = Path(__file__).with_name("rules")
    return packaged if packaged.is_dir() else Path(__file__).resolve().parents[2] / "rules"


@dataclass(frozen=True, slots=True)
class Schema:
    """What a rule of one section may say: its options with their types, and those it must say.

    Every rule also has an `id` and may say `disabled: true`. A rule file is checked against
    these before anything is compiled, so a typo is an error that names the file and the rule.
    """

    options: dict[str, type | tuple[type, ...]]
    required: frozenset[str]

    def check(self, rule: dict[str, Any], where: str) -> None:
        for key, value in rule.items():
            if key in ("id", "disabled"):
                continue
            if key not in self.options:
                raise RuleError(f"{where}: unknown key {key!r}")
            if (
                not isinstance(value, self.options[key])
                or isinstance(value, bool)
                and self.options[key] is int
            ):
                raise RuleError(f"{where}: {key} must be {_type_name(self.options[key])}")


def _type_name(kind: type | tuple[type, ...]) -> str:
    names = {str: "a string", int: "an integer", bool: "true or false", list: "a list"}
    kinds = kind if isinstance(kind, tuple) else (kind,)
    return " or ".join(names.get(k, k.__name__) for k in kinds)


LIST_TIER = (
    4  # the tier of the numbered lists (一、（一）1.（1）) below parts, chapters and articles
)


@dataclass(frozen=True, slots=True)
class OutlineRule:
    """outline: one way of printing a numbered heading."""

    SCHEMA: ClassVar[Schema] = Schema(
        {
            "pattern": str,
            "numeral": str,
            "kind": str,
            "tier": int,
            "marker": str,
            "uniform_delimiter": bool,
            "order": int,
        },
        frozenset({"pattern", "numeral", "kind", "marker"}),
    )
    id: str
    pattern: Guarded
    numeral: str
    kind: str
    tier: int
    marker: str
    uniform_delimiter: bool = False
    """One list prints one delimiter: a marker with another (`6.` among `1、`) is mended."""
    order: int = 0
    """Its place in GB/T 9704's sequence of levels: 一、 1, （一） 2, 1. 3, （1） 4 (0: none)."""


@dataclass(frozen=True, slots=True)
class MetaRule:
    """metadata: the labels of one page-metadata field."""

    SCHEMA: ClassVar[Schema] = Schema(
        {"field": str, "labels": list}, frozenset({"field", "labels"})
    )
    id: str
    field: str
    labels: tuple[str, ...]


TABLE_ROLES = {"number", "task", "text", "lead", "responsible", "deadline"}

# A rule that is a named pattern: junk, header (groups named), closing, responsibility (a line
# naming the units of the item above it), unit_phrases. The other sections' rules compile to
# plain (field or kind, pattern) pairs or label maps, so their schema stands here alone.
PATTERN = Schema({"pattern": str}, frozenset({"pattern"}))

SCHEMAS: dict[str, Schema] = {
    "outline": OutlineRule.SCHEMA,
    "metadata": MetaRule.SCHEMA,
    "junk": PATTERN,
    "header": PATTERN,
    "closing": PATTERN,
    "responsibility": PATTERN,
    "unit_phrases": PATTERN,
    # a page-metadata value printed without its label
    "values": Schema({"field": str, "pattern": str}, frozenset({"field", "pattern"})),
    # a form of time limit; `kind` says how its last day is found
    "deadlines": Schema({"kind": str, "pattern": str}, frozenset({"kind", "pattern"})),
    # the labels of a task table's column and where its cells go (`role`: TABLE_ROLES)
    "table_columns": Schema({"role": str, "labels": list}, frozenset({"role", "labels"})),
}


@dataclass(frozen=True, slots=True)
class Rules:
    outline: tuple[OutlineRule, ...]
    delimiters: dict[str, str]
    junk: tuple[tuple[str, Guarded], ...]
    header: dict[str, Guarded]
    unit_suffixes: tuple[str, ...]
    division_names: frozenset[str]
    """Kinds of administrative division (省, 自治区 …): listed before a shared name, no unit."""
    bare_kinds: frozenset[str]
    """Kinds of unit with no name (直属机构): after 、 they share the unit before's head."""
    heading_words: tuple[str, ...]
    """The names of a plan's standard parts (总体要求): a heading glued to its text is titled so."""
    unit_never: tuple[str, ...]
    """Words no unit's name holds (关于): a title broken over lines, not an issuer."""
    place_suffixes: tuple[str, ...]
    """Words that end a place's name (市, 区): a place alone is no issuer."""
    page_columns: tuple[str, ...]
    """A site's column labels (计划总结, 通知公告), longest first: glued before a title, clutter."""
    page_containers: tuple[tuple[str, str], ...]
    """Where site templates put an article's body, as (attribute, value): `#zoom` is
    ("id", "zoom"), `.TRS_Editor` ("class", "TRS_Editor"); most specific first (html.py)."""
    metadata: tuple[MetaRule, ...]
    meta_label: regex.Pattern[str]
    """Any metadata label followed by its colon: where a page-metadata line is cut."""
    meta_fields: dict[str, str]
    """A metadata label (spaces removed) -> the field it fills."""
    meta_label_spaced: regex.Pattern[str]
    """Any metadata label without a colon, between spaces (`文    号 X 分   类 Y`)."""
    values: tuple[tuple[str, Guarded], ...]
    closing: tuple[Guarded, ...]
    deadlines: tuple[tuple[str, Guarded], ...]
    """(kind, pattern) of each time-limit form."""
    stopwords: frozenset[str]
    userdict: Path
    responsibility: tuple[Guarded, ...]
    unit_phrases: dict[str, Guarded]
    """Phrases of a task's text naming its units: closing_parens, labelled, role, leading_unit."""
    lead_labels: frozenset[str]
    """Labels whose units lead the task (牵头单位)."""
    support_labels: frozenset[str]
    """Labels whose units help, not responsible (配合单位)."""
    unit_abbreviations: tuple[tuple[str, str], ...]
    """(full form, short form) of words in units' names, longest first (办公室 -> 办)."""
    table_columns: dict[str, str]
    """A task table's column label (spaces removed) -> its role (see rules/tables.yaml)."""
    sources: dict[str, str]
    """`section.id` -> the file that gave the rule its final form (for `gkparse rules`)."""
    combined: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)
    """The combined patterns of sections whose patterns all ship (see _combined), once found."""

    def any_marker(self, text: str, at: int) -> bool:
        """Whether some outline rule matches at `at` (a quick test, before the rules one by one)."""
        try:
            return self._outline().match(text, at) is not None
        except TimeoutError:  # a user's rule that backtracks forever: no marker here
            return False

    def no_marker(self, text: str) -> bool:
        """Whether surely no outline rule matches at the start of `text`: the combined pattern
        of the shipped rules says so in one match, where asking the rules one by one costs a
        dozen. False when a user's rule is among them (those are asked one by one, each
        within its time limit, as before)."""
        combined = self._outline()
        return isinstance(combined, regex.Pattern) and combined.match(text) is None

    def _outline(self) -> Any:
        """The outline rules as one pattern (see _combined). A kept combination is of shipped
        patterns, which never time out: it serves even after another rule timed out in this
        parse."""
        return self.combined.get("outline") or _combined(
            "outline", [r.pattern for r in self.outline], self.combined
        )

    @property
    def uniform_kinds(self) -> frozenset[str]:
        """Numbering kinds whose lists keep one delimiter (see OutlineRule.uniform_delimiter)."""
        return frozenset(r.kind for r in self.outline if r.uniform_delimiter)

    def junk_id(self, text: str) -> str | None:
        if len(text) > JUNK_MAX:
            return None
        try:  # all junk rules as one pattern first: most lines are no junk
            combined = self.combined.get("junk") or _combined(
                "junk", [p for _, p in self.junk], self.combined
            )
            if combined.fullmatch(text) is None:
                return None
        except TimeoutError:
            pass  # a rule that backtracks: each rule is tried, and its timeout reported
        for rule_id, pattern in self.junk:
            if pattern.fullmatch(text):
                return rule_id
        return None

    def patterns(self) -> list[Guarded]:
        """Every rule pattern, for the timeouts a document reports."""
        found = (
            [r.pattern for r in self.outline]
            + [p for _, p in self.junk]
            + list(self.header.values())
        )
        found += (
            [p for _, p in self.values]
            + list(self.responsibility)
            + list(self.unit_phrases.values())
            + list(self.closing)
            + [p for _, p in self.deadlines]
        )
        return found

    def field_of(self, label: str) -> str:
        return self.meta_fields[SPACES.sub("", label)]


class RuleText(NamedTuple):
    """A rule file already read, under the name its messages give: `--rules -` is read from
    standard input once, by the command line, and its text handed to every worker."""

    name: str
    text: str


def _read(source: Path | RuleText) -> dict[str, Any]:
    path = Path(source.name) if isinstance(source, RuleText) else source
    try:
        text = source.text if isinstance(source, RuleText) else path.read_text(encoding="utf-8")
        # a built-in file read at build time (precompiled.py) is not parsed again (~8 ms)
        data = precompiled.parsed(path.name, text)
        if data is None:
            data = YAML(typ="safe").load(text)
    except OSError as exc:
        raise RuleError(f"{path}: cannot read: {exc.strerror}") from None
    except (YAMLError, UnicodeDecodeError) as exc:
        raise RuleError(f"{path}: not valid YAML: {str(exc).splitlines()[0]}") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise RuleError(
            f"{path}: a rule file must be a mapping of sections, not {type(data).__name__}"
        )
    return data


def _merge(
    merged: dict[str, Any], sources: dict[str, str], data: dict[str, Any], path: Path
) -> None:
    for section, body in data.items():
        if section in PLAIN_SECTIONS:
            kind = PLAIN_SECTIONS[section]
            _check_plain(body, kind, f"{path}: {section}")
            merged[section] = (
                {**merged.get(section, {}), **body}
                if kind is dict
                else list(dict.fromkeys([*merged.get(section, []), *body]))
            )
            sources[section] = str(path)
            continue
        if section not in SCHEMAS:
            known = ", ".join(sorted([*SCHEMAS, *PLAIN_SECTIONS]))
            raise RuleError(f"{path}: unknown section {section!r} (known: {known})")
        if not isinstance(body, list):
            raise RuleError(f"{path}: {section}: must be a list of rules")
        rules = merged.setdefault(section, {})
        for index, rule in enumerate(body):
            if not isinstance(rule, dict) or not isinstance(rule.get("id"), str):
                raise RuleError(
                    f"{path}: {section}[{index}]: a rule must be a mapping with a string id"
                )
            SCHEMAS[section].check(rule, f"{path}: {section}.{rule['id']}")
            rules[rule["id"]] = {**rules.get(rule["id"], {}), **rule}
            sources[f"{section}.{rule['id']}"] = str(path)


def _check_plain(body: Any, kind: type, where: str) -> None:
    """A plain section holds strings: a list of them, or a mapping of them (delimiters)."""
    if not isinstance(body, kind):
        raise RuleError(f"{where}: must be a {kind.__name__}")
    if kind is list and not all(isinstance(x, str) and x for x in body):
        raise RuleError(f"{where}: must be a list of strings")
    if kind is dict and not all(isinstance(x, str) for x in [*body, *body.values()]):
        raise RuleError(f"{where}: must map strings to strings")


MARKER_FIELDS = {"num": "1", "n": 1, "cn": "一", "delim": "、"}


def _check_marker(marker: str, where: str) -> None:
    """A marker is formatted with num, n, cn and delim for every heading: a bad one failed every
    file, after `rules --check` had said ok."""
    try:
        marker.format(**MARKER_FIELDS)
    except (KeyError, IndexError, ValueError, AttributeError) as exc:
        fields = ", ".join("{" + k + "}" for k in MARKER_FIELDS)
        raise RuleError(f"{where}: marker {marker!r} is not a format of {fields}: {exc}") from None


def _compile(pattern: Any, where: str, labels: str | None = None) -> Any:
    """Compile a rule's pattern; `{labels}` in it stands for any of the unit_labels."""
    if not isinstance(pattern, str):
        raise RuleError(f"{where}: pattern must be a string")
    if labels is not None:
        pattern = pattern.replace("{labels}", labels)
    kind = Shipped if precompiled.holds(pattern, regex.V0) else Guarded
    try:
        return kind(precompiled.compile(pattern, regex.V0), where.split(": ", 1)[-1])
    except regex.error as exc:
        raise RuleError(f"{where}: bad regular expression: {exc}") from None


def _active(merged: dict[str, Any], section: str, sources: dict[str, str]) -> list[dict[str, Any]]:
    required = SCHEMAS[section].required
    out = []
    for rule_id, rule in merged.get(section, {}).items():
        if rule.get("disabled"):
            continue
        where = f"{sources[f'{section}.{rule_id}']}: {section}.{rule_id}"
        missing = required - set(rule)
        if missing:
            raise RuleError(f"{where}: missing key {sorted(missing)[0]!r}")
        rule["_where"] = where
        out.append(rule)
    return out


def _build(merged: dict[str, Any], sources: dict[str, str]) -> Rules:
    """The rules object from the merged rule files: each section checked and compiled by a
    function of its own."""
    metadata = _metadata(merged, sources)
    # longest first; then by label, so the pattern is the same in every process (a set's order
    # is not) and its prepared form is found (precompiled.py)
    labels = sorted({x for m in metadata for x in m.labels}, key=lambda x: (-len(x), x))
    label_alt = (
        "|".join(r"\s*".join(map(regex.escape, x.replace(" ", ""))) for x in labels) or "(?!)"
    )
    unit_labels = "|".join(map(regex.escape, merged.get("unit_labels", []))) or "(?!)"
    return Rules(
        outline=_outline(merged, sources),
        delimiters=dict(merged.get("delimiters", {})),
        junk=tuple(
            (r["id"], _compile(r["pattern"], r["_where"])) for r in _active(merged, "junk", sources)
        ),
        header=_required(merged, sources, "header", HEADER_IDS),
        unit_suffixes=tuple(sorted(merged.get("unit_suffixes", []), key=len, reverse=True)),
        division_names=frozenset(merged.get("division_names", [])),
        bare_kinds=frozenset(merged.get("bare_kinds", [])),
        heading_words=tuple(
            sorted(set(merged.get("heading_words", [])), key=lambda w: (-len(w), w))
        ),
        unit_never=tuple(merged.get("unit_never", [])),
        place_suffixes=tuple(merged.get("place_suffixes", [])),
        page_columns=tuple(sorted(merged.get("page_columns", []), key=len, reverse=True)),
        page_containers=_containers(merged.get("page_containers", []), sources),
        metadata=metadata,
        meta_fields={SPACES.sub("", x): m.field for m in reversed(metadata) for x in m.labels},
        meta_label_spaced=precompiled.compile(rf"(?<!\S)(?P<label>{label_alt})(?=\s)"),
        meta_label=precompiled.compile(rf"[【\[]?\s*(?P<label>{label_alt})\s*[:：]"),
        values=tuple(
            (r["field"], _compile(r["pattern"], r["_where"]))
            for r in _active(merged, "values", sources)
        ),
        closing=tuple(
            _compile(r["pattern"], r["_where"]) for r in _active(merged, "closing", sources)
        ),
        deadlines=tuple(
            (_kind(r), _compile(r["pattern"], r["_where"]))
            for r in _active(merged, "deadlines", sources)
        ),
        stopwords=frozenset(merged.get("stopwords", [])),
        userdict=builtin_dir() / "userdict.txt",
        responsibility=tuple(
            _compile(r["pattern"], r["_where"], unit_labels)
            for r in _active(merged, "responsibility", sources)
        ),
        unit_phrases=_required(merged, sources, "unit_phrases", UNIT_PHRASE_IDS, unit_labels),
        lead_labels=frozenset(merged.get("lead_labels", [])),
        support_labels=frozenset(merged.get("support_labels", [])),
        unit_abbreviations=tuple(
            sorted(merged.get("unit_abbreviations", {}).items(), key=lambda kv: -len(kv[0]))
        ),
        table_columns=_table_columns(merged, sources),
        sources=dict(sources),
    )


def _outline(merged: dict[str, Any], sources: dict[str, str]) -> tuple[OutlineRule, ...]:
    outline = []
    for r in _active(merged, "outline", sources):
        if r["numeral"] not in READERS:
            raise RuleError(
                f"{r['_where']}: numeral must be one of {sorted(READERS)}, not {r['numeral']!r}"
            )
        _check_marker(r["marker"], r["_where"])
        pattern = _compile(r["pattern"], r["_where"])
        if "num" not in pattern.groupindex:
            raise RuleError(f"{r['_where']}: pattern needs a group named num")
        outline.append(
            OutlineRule(
                r["id"],
                pattern,
                r["numeral"],
                r["kind"],
                r.get("tier", LIST_TIER),
                r["marker"],
                r.get("uniform_delimiter", False),
                r.get("order", 0),
            )
        )
    return tuple(outline)


def _metadata(merged: dict[str, Any], sources: dict[str, str]) -> tuple[MetaRule, ...]:
    metadata = []
    for r in _active(merged, "metadata", sources):
        if r["field"] not in META_FIELDS:
            raise RuleError(
                f"{r['_where']}: field must be one of {sorted(META_FIELDS)}, not {r['field']!r}"
            )
        if not isinstance(r["labels"], list) or not all(
            isinstance(x, str) and x for x in r["labels"]
        ):
            raise RuleError(f"{r['_where']}: labels must be a list of strings")
        metadata.append(MetaRule(r["id"], r["field"], tuple(r["labels"])))
    return tuple(metadata)


def _required(
    merged: dict[str, Any],
    sources: dict[str, str],
    section: str,
    needed: set[str],
    labels: str | None = None,
) -> dict[str, Any]:
    """The patterns of a section whose rules the code asks for by id: each must be there."""
    patterns = {
        r["id"]: _compile(r["pattern"], r["_where"], labels)
        for r in _active(merged, section, sources)
    }
    missing = needed - set(patterns)
    if missing:
        raise RuleError(
            f"{section} rule {sorted(missing)[0]!r} is missing or disabled; gkparse needs it"
        )
    return patterns


def _containers(selectors: list[str], sources: dict[str, str]) -> tuple[tuple[str, str], ...]:
    """`#id` and `.class` selectors as (attribute, value) pairs."""
    out = []
    for selector in selectors:
        attr = {"#": "id", ".": "class"}.get(selector[:1])
        if attr is None or len(selector) < 2:
            where = sources.get("page_containers", "page_containers")
            raise RuleError(
                f"{where}: page_containers: {selector!r} must be #id or .class (a page's element)"
            )
        out.append((attr, selector[1:]))
    return tuple(out)


def _table_columns(merged: dict[str, Any], sources: dict[str, str]) -> dict[str, str]:
    columns: dict[str, str] = {}
    for r in _active(merged, "table_columns", sources):
        if r["role"] not in TABLE_ROLES:
            raise RuleError(
                f"{r['_where']}: role must be one of {sorted(TABLE_ROLES)}, not {r['role']!r}"
            )
        for label in r["labels"]:
            if not isinstance(label, str) or not label.strip():
                raise RuleError(f"{r['_where']}: labels must be a list of strings")
            columns[regex.sub(r"\s+", "", label)] = r["role"]
    return columns


def _kind(rule: dict[str, Any]) -> str:
    if rule["kind"] not in DEADLINE_KINDS:
        raise RuleError(
            f"{rule['_where']}: kind must be one of {sorted(DEADLINE_KINDS)}, not {rule['kind']!r}"
        )
    return str(rule["kind"])


def _stopwords() -> list[str]:
    path = builtin_dir() / "stopwords.txt"
    return [
        w.strip()
        for w in path.read_text(encoding="utf-8").splitlines()
        if w.strip() and not w.startswith("#")
    ]


def load_rules(extra: tuple[str | Path | RuleText, ...] = ()) -> Rules:
    """The built-in rules with each file of `extra` layered over them, in order."""
    return _load(tuple(p if isinstance(p, RuleText) else str(p) for p in extra))


@lru_cache(maxsize=8)
def _load(extra: tuple[str | RuleText, ...]) -> Rules:
    merged: dict[str, Any] = {"stopwords": _stopwords()}
    sources: dict[str, str] = {"stopwords": "<builtin>/stopwords.txt"}
    for path in sorted(builtin_dir().glob("*.yaml")):
        _merge(merged, sources, _read(path), Path("<builtin>") / path.name)
    for name in extra:
        label = Path(name.name if isinstance(name, RuleText) else name)
        _merge(merged, sources, _read(name if isinstance(name, RuleText) else label), label)
    return _build(merged, sources)

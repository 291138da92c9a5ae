"""Rules: load the built-in rule files, layer user files over them, validate, compile.

The knowledge of the parser (numbering styles, header and metadata labels, junk lines,
responsibility labels) lives in YAML files, so that a user can teach gkparse a new family of
documents without touching code. A user file has the same sections as the built-in ones; a rule
with the id of a built-in rule overrides its keys, `disabled: true` removes it, a new id adds it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import regex
from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError


class RuleError(Exception):
    """A rule file is unreadable or malformed; the message names the file, the rule and why."""


# section -> (keys a rule may have, keys it must have); sections of rules carry an `id` each
RULE_KEYS: dict[str, tuple[set[str], set[str]]] = {
    "outline": ({"id", "pattern", "numeral", "kind", "tier", "marker", "disabled"}, {"pattern", "numeral", "kind", "marker"}),
    "junk": ({"id", "pattern", "disabled"}, {"pattern"}),
    "header": ({"id", "pattern", "disabled"}, {"pattern"}),
    "metadata": ({"id", "field", "labels", "disabled"}, {"field", "labels"}),
    "values": ({"id", "field", "pattern", "disabled"}, {"field", "pattern"}),
    "responsibility": ({"id", "pattern", "lead_labels", "disabled"}, {"pattern"}),
    "closing": ({"id", "pattern", "disabled"}, {"pattern"}),
    "deadlines": ({"id", "kind", "pattern", "disabled"}, {"kind", "pattern"}),
}
# sections that are a plain mapping or list, replaced or extended as a whole
PLAIN_SECTIONS = {"delimiters": dict, "unit_suffixes": list, "stopwords": list}
DEADLINE_KINDS = {"day", "month", "year_end", "half", "quarter", "relative"}
NUMERALS = {"chinese", "arabic", "circled", "enclosed"}
META_FIELDS = {"index_number", "disclosure", "publisher", "published", "date", "topic", "keywords", "doc_number", "title", "drop"}
HEADER_IDS = {"doc_number", "header_mark", "recipients", "note", "attachments", "cc", "printed", "signer", "cover_phrase", "cover_start", "title_end", "copy_number", "secrecy", "urgency"}


RULE_TIMEOUT = 2.0  # seconds one match of one rule may take: a guard against patterns that backtrack forever
JUNK_MAX = 400  # junk lines are short; longer text is never matched against the junk rules


class Guarded:
    """A compiled rule pattern whose matches give up after RULE_TIMEOUT (counted, not raised).

    A user's rule built to backtrack forever must not hang a batch: a match that times out
    counts as no match, and the document says which rule timed out.
    """

    __slots__ = ("pattern", "where", "timeouts")

    def __init__(self, pattern: regex.Pattern[str], where: str) -> None:
        self.pattern, self.where, self.timeouts = pattern, where, 0

    @property
    def groupindex(self) -> Any:
        return self.pattern.groupindex

    def _guard(self, method: str, *args: Any) -> Any:
        try:
            return getattr(self.pattern, method)(*args, timeout=RULE_TIMEOUT)
        except TimeoutError:
            self.timeouts += 1
            return None

    def match(self, text: str, pos: int = 0) -> Any:
        return self._guard("match", text, pos)

    def fullmatch(self, text: str) -> Any:
        return self._guard("fullmatch", text)

    def search(self, text: str) -> Any:
        return self._guard("search", text)

    def finditer(self, text: str) -> list[Any]:
        try:
            return list(self.pattern.finditer(text, timeout=RULE_TIMEOUT))
        except TimeoutError:
            self.timeouts += 1
            return []


def builtin_dir() -> Path:
    """The built-in rules: inside the installed package, or at the top of a source checkout."""
    packaged = Path(__file__).with_name("rules")
    return packaged if packaged.is_dir() else Path(__file__).resolve().parents[2] / "rules"


@dataclass(frozen=True, slots=True)
class OutlineRule:
    id: str
    pattern: Guarded
    numeral: str
    kind: str
    tier: int
    marker: str


@dataclass(frozen=True, slots=True)
class MetaRule:
    id: str
    field: str
    labels: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Rules:
    outline: tuple[OutlineRule, ...]
    delimiters: dict[str, str]
    junk: tuple[tuple[str, Guarded], ...]
    header: dict[str, Guarded]
    unit_suffixes: tuple[str, ...]
    metadata: tuple[MetaRule, ...]
    meta_label: regex.Pattern[str]
    """Any metadata label followed by its colon: where a page-metadata line is cut."""
    values: tuple[tuple[str, Guarded], ...]
    closing: tuple[Guarded, ...]
    deadlines: tuple[tuple[str, Guarded], ...]
    """(kind, pattern) of each time-limit form."""
    stopwords: frozenset[str]
    userdict: Path
    responsibility: tuple[tuple[Guarded, frozenset[str]], ...]
    sources: dict[str, str]
    """`section.id` -> the file that gave the rule its final form (for `gkparse rules`)."""

    def junk_id(self, text: str) -> str | None:
        if len(text) > JUNK_MAX:
            return None
        for rule_id, pattern in self.junk:
            if pattern.fullmatch(text):
                return rule_id
        return None

    def patterns(self) -> list[Guarded]:
        """Every rule pattern, for the timeouts a document reports."""
        found = [r.pattern for r in self.outline] + [p for _, p in self.junk] + list(self.header.values())
        found += [p for _, p in self.values] + [p for p, _ in self.responsibility] + list(self.closing) + [p for _, p in self.deadlines]
        return found

    def field_of(self, label: str) -> str:
        compact = regex.sub(r"\s+", "", label)
        for rule in self.metadata:
            if compact in (regex.sub(r"\s+", "", x) for x in rule.labels):
                return rule.field
        raise KeyError(label)


def _read(path: Path) -> dict[str, Any]:
    try:
        data = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise RuleError(f"{path}: cannot read: {exc.strerror}") from None
    except (YAMLError, UnicodeDecodeError) as exc:
        raise RuleError(f"{path}: not valid YAML: {str(exc).splitlines()[0]}") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise RuleError(f"{path}: a rule file must be a mapping of sections, not {type(data).__name__}")
    return data


def _merge(merged: dict[str, Any], sources: dict[str, str], data: dict[str, Any], path: Path) -> None:
    for section, body in data.items():
        if section in PLAIN_SECTIONS:
            kind = PLAIN_SECTIONS[section]
            if not isinstance(body, kind):
                raise RuleError(f"{path}: {section}: must be a {kind.__name__}")
            merged[section] = {**merged.get(section, {}), **body} if kind is dict else list(dict.fromkeys([*merged.get(section, []), *body]))
            sources[section] = str(path)
            continue
        if section not in RULE_KEYS:
            raise RuleError(f"{path}: unknown section {section!r} (known: {', '.join(sorted([*RULE_KEYS, *PLAIN_SECTIONS]))})")
        if not isinstance(body, list):
            raise RuleError(f"{path}: {section}: must be a list of rules")
        allowed, _ = RULE_KEYS[section]
        rules = merged.setdefault(section, {})
        for index, rule in enumerate(body):
            if not isinstance(rule, dict) or not isinstance(rule.get("id"), str):
                raise RuleError(f"{path}: {section}[{index}]: a rule must be a mapping with a string id")
            unknown = set(rule) - allowed
            if unknown:
                raise RuleError(f"{path}: {section}.{rule['id']}: unknown key {sorted(unknown)[0]!r}")
            rules[rule["id"]] = {**rules.get(rule["id"], {}), **rule}
            sources[f"{section}.{rule['id']}"] = str(path)


def _compile(pattern: Any, where: str) -> Any:
    if not isinstance(pattern, str):
        raise RuleError(f"{where}: pattern must be a string")
    try:
        return Guarded(regex.compile(pattern, regex.V0), where.split(": ", 1)[-1])
    except regex.error as exc:
        raise RuleError(f"{where}: bad regular expression: {exc}") from None


def _active(merged: dict[str, Any], section: str, sources: dict[str, str]) -> list[dict[str, Any]]:
    _, required = RULE_KEYS[section]
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
    outline = []
    for r in _active(merged, "outline", sources):
        if r["numeral"] not in NUMERALS:
            raise RuleError(f"{r['_where']}: numeral must be one of {sorted(NUMERALS)}, not {r['numeral']!r}")
        if not isinstance(r.get("tier", 4), int):
            raise RuleError(f"{r['_where']}: tier must be an integer")
        pattern = _compile(r["pattern"], r["_where"])
        if "num" not in pattern.groupindex:
            raise RuleError(f"{r['_where']}: pattern needs a group named num")
        outline.append(OutlineRule(r["id"], pattern, r["numeral"], str(r["kind"]), r.get("tier", 4), str(r["marker"])))
    metadata = []
    for r in _active(merged, "metadata", sources):
        if r["field"] not in META_FIELDS:
            raise RuleError(f"{r['_where']}: field must be one of {sorted(META_FIELDS)}, not {r['field']!r}")
        if not isinstance(r["labels"], list) or not all(isinstance(x, str) and x for x in r["labels"]):
            raise RuleError(f"{r['_where']}: labels must be a list of strings")
        metadata.append(MetaRule(r["id"], r["field"], tuple(r["labels"])))
    labels = sorted({x for m in metadata for x in m.labels}, key=len, reverse=True)
    label_alt = "|".join(r"\s*".join(map(regex.escape, x.replace(" ", ""))) for x in labels) or "(?!)"
    header = {r["id"]: _compile(r["pattern"], r["_where"]) for r in _active(merged, "header", sources)}
    missing = HEADER_IDS - set(header)
    if missing:
        raise RuleError(f"header rule {sorted(missing)[0]!r} is missing or disabled; gkparse needs it")
    return Rules(
        outline=tuple(outline),
        delimiters=dict(merged.get("delimiters", {})),
        junk=tuple((r["id"], _compile(r["pattern"], r["_where"])) for r in _active(merged, "junk", sources)),
        header=header,
        unit_suffixes=tuple(sorted(merged.get("unit_suffixes", []), key=len, reverse=True)),
        metadata=tuple(metadata),
        meta_label=regex.compile(rf"[【\[]?\s*(?P<label>{label_alt})\s*[:：]"),
        values=tuple((r["field"], _compile(r["pattern"], r["_where"])) for r in _active(merged, "values", sources)),
        closing=tuple(_compile(r["pattern"], r["_where"]) for r in _active(merged, "closing", sources)),
        deadlines=tuple((_kind(r), _compile(r["pattern"], r["_where"])) for r in _active(merged, "deadlines", sources)),
        stopwords=frozenset(merged.get("stopwords", [])),
        userdict=builtin_dir() / "userdict.txt",
        responsibility=tuple(
            (_compile(r["pattern"], r["_where"]), frozenset(r.get("lead_labels", []))) for r in _active(merged, "responsibility", sources)
        ),
        sources={k: v for k, v in sources.items()},
    )


def _kind(rule: dict[str, Any]) -> str:
    if rule["kind"] not in DEADLINE_KINDS:
        raise RuleError(f"{rule['_where']}: kind must be one of {sorted(DEADLINE_KINDS)}, not {rule['kind']!r}")
    return str(rule["kind"])


def _stopwords() -> list[str]:
    path = builtin_dir() / "stopwords.txt"
    return [w.strip() for w in path.read_text(encoding="utf-8").splitlines() if w.strip() and not w.startswith("#")]


def load_rules(extra: tuple[str | Path, ...] = ()) -> Rules:
    """The built-in rules with each file of `extra` layered over them, in order."""
    return _load(tuple(str(p) for p in extra))


@lru_cache(maxsize=8)
def _load(extra: tuple[str, ...]) -> Rules:
    merged: dict[str, Any] = {"stopwords": _stopwords()}
    sources: dict[str, str] = {"stopwords": "<builtin>/stopwords.txt"}
    for path in sorted(builtin_dir().glob("*.yaml")):
        _merge(merged, sources, _read(path), Path("<builtin>") / path.name)
    for name in extra:
        _merge(merged, sources, _read(Path(name)), Path(name))
    return _build(merged, sources)

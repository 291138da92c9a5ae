"""Build rules/compiled.marshal: what `regex` hands its C core for each built-in rule pattern
and each pattern a module compiles through precompiled.pattern, and the data of each built-in
rule file (with the SHA-256 of the text it was read from).

gkparse/precompiled.py gives those to the core directly, skipping `regex`'s parsing and
optimising in Python (~30 ms of every start). The file is for the installed `regex` version
only (another version compiles as always); rebuild it when a rule file or `regex` changes
(tests/test_precompiled.py checks that it is current). `regex` itself orders the characters of
a pattern's first-character set differently from process to process (the same matches in any
order): the file holds one of these equal compilations.

    python tools/build_compiled.py   # rewrites rules/compiled.marshal
"""

from __future__ import annotations

import hashlib
import marshal

import regex
from ruamel.yaml import YAML

from gkparse import precompiled, rules


def snapshot() -> dict[str, object]:
    """The built-in rules' patterns (the combined ones too) and their core arguments."""
    with precompiled.recording() as asked:
        loaded = rules._load(())
        rules._any_of(tuple(p.pattern.pattern for _, p in loaded.junk))
        rules._any_of(tuple(r.pattern.pattern.pattern for r in loaded.outline))
    keys = sorted(set(asked) | set(precompiled.module_patterns()))
    files = {}
    for path in sorted(rules.builtin_dir().glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        data = YAML(typ="safe").load(text)
        files[path.name] = (hashlib.sha256(text.encode("utf-8")).hexdigest(), marshal.dumps(data))
    return {
        "regex": regex.__version__,
        "patterns": [(key, precompiled.core_args(*key)) for key in keys],
        "files": files,
    }


def main() -> None:
    data = snapshot()
    precompiled.path().write_bytes(marshal.dumps(data))
    print(f"{len(data['patterns'])} patterns for regex {data['regex']}")


if __name__ == "__main__":
    main()

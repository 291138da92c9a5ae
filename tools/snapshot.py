"""Write the YAML and JSON of every known text to a folder, or compare with such a folder: the
check that a speed change alters no byte of output.

    python tools/snapshot.py write /tmp/before
    python tools/snapshot.py compare /tmp/before     # exit 1 and the names of what differs

The texts: the samples, tests/corpus, tests/dev/corpus, and ../shared/corpus (*.txt, pool/*.txt,
html/*.html) when it is there.
"""

from __future__ import annotations

import sys
from pathlib import Path

from gkparse import NotText, parse_file
from gkparse.emit import document_to_dict, to_json, to_yaml

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "corpus"
SOURCES = [
    (ROOT / "samples", "*.txt"),
    (ROOT / "tests" / "corpus", "*.txt"),
    (ROOT / "tests" / "dev" / "corpus", "*.txt"),
    (SHARED, "*.txt"),
    (SHARED / "pool", "*.txt"),
    (SHARED / "html", "*.html"),
]


def outputs() -> dict[str, str]:
    """Output name -> text, for every text of SOURCES, with and without keywords."""
    result: dict[str, str] = {}
    for folder, pattern in SOURCES:
        for path in sorted(folder.glob(pattern)):
            name = f"{folder.relative_to(ROOT.parent)}/{path.name}".replace("/", "__")
            try:
                data = document_to_dict(parse_file(path))
            except NotText as exc:
                result[name + ".err"] = f"{exc}\n"
                continue
            result[name + ".yaml"] = to_yaml(data)
            result[name + ".json"] = to_json(data)
            result[name + ".nokw.yaml"] = to_yaml(
                document_to_dict(parse_file(path, keywords=False))
            )
    return result


USAGE = "usage: snapshot.py write|compare FOLDER"


def main() -> None:
    wants_help = bool({"-h", "--help"} & set(sys.argv[1:]))
    if wants_help or len(sys.argv) != 3 or sys.argv[1] not in ("write", "compare"):
        print(USAGE, file=sys.stdout if wants_help else sys.stderr)
        sys.exit(0 if wants_help else 2)  # (any other word was taken for `compare`)
    action, folder = sys.argv[1], Path(sys.argv[2])
    if action == "compare" and not folder.is_dir():
        sys.exit(f"snapshot.py: {folder}: no such folder (write it first)")
    current = outputs()
    if action == "write":
        folder.mkdir(parents=True, exist_ok=True)
        for name, text in current.items():
            (folder / name).write_text(text, encoding="utf-8", errors="surrogateescape")
        print(f"{len(current)} outputs written to {folder}")
        return
    saved = {
        p.name: p.read_text(encoding="utf-8", errors="surrogateescape") for p in folder.iterdir()
    }
    differ = sorted(n for n in saved.keys() | current.keys() if saved.get(n) != current.get(n))
    for name in differ:
        print(f"differs: {name}")
    print(f"{len(current)} outputs compared, {len(differ)} differ")
    sys.exit(1 if differ else 0)


if __name__ == "__main__":
    main()

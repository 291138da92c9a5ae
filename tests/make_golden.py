"""Write tests/golden/NAME.yaml for the given notices. Read each one against its input, line by
line, before committing it: a golden file is a claim about the notice, not a snapshot.

Run it from the top of the repository with paths relative to it: the path is recorded as given
(`metadata.source.file: samples/000_925fe35bfe309422.txt`), and tests/test_golden.py names the
notices so.

    python tests/make_golden.py samples/000_925fe35bfe309422.txt tests/corpus/005.txt
"""

from __future__ import annotations

import sys
from pathlib import Path

from gkparse import parse_file
from gkparse.emit import document_to_dict, to_yaml

GOLDEN = Path(__file__).with_name("golden")

for name in sys.argv[1:]:
    path = Path(name)
    (GOLDEN / f"{path.stem}.yaml").write_text(to_yaml(document_to_dict(parse_file(path))), encoding="utf-8")
    print(GOLDEN / f"{path.stem}.yaml")

"""tools/flatten.py: the flattened copies of a labelled set that README's robustness figures use."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_each_mode_flattens_as_it_says(tmp_path):
    labels = tmp_path / "in"
    labels.mkdir()
    (labels / "001.txt").write_text(
        "首页\n关于印发某方案的通知\n各街道：\n\n现将方案印发。\n", encoding="utf-8"
    )
    (labels / "001.yaml").write_text("header:\n  title: 关于印发某方案的通知\n", encoding="utf-8")
    texts = {}
    for mode in ("whole", "spaced", "body"):
        out = tmp_path / mode
        subprocess.run(
            [
                sys.executable,
                str(ROOT / "tools" / "flatten.py"),
                str(labels),
                str(out),
                "--mode",
                mode,
            ],
            check=True,
            timeout=60,
        )
        assert (out / "001.yaml").read_bytes() == (labels / "001.yaml").read_bytes()
        texts[mode] = (out / "001.txt").read_text(encoding="utf-8")
    assert texts["whole"] == "首页关于印发某方案的通知各街道：现将方案印发。\n"
    assert texts["spaced"] == "首页 关于印发某方案的通知 各街道： 现将方案印发。\n"
    assert texts["body"] == "首页\n关于印发某方案的通知\n各街道：现将方案印发。\n"

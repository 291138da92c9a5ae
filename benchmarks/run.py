"""Benchmark gkparse: cold start, throughput, scaling, peak memory. Prints medians.

    python benchmarks/run.py [--runs 5] [--notices 1000]

Run it from the top of the repository with the environment gkparse is installed in. Machines
are shared and noisy: each figure is the median of several runs, and the cold start is given
as a ratio to a floor measured in the same run.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NOTICES = sorted((ROOT / "samples").glob("*.txt")) + sorted((ROOT / "tests" / "corpus").glob("*.txt"))
GKPARSE = [sys.executable, "-m", "gkparse"]


def wall(cmd: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def batch(folder: Path, out: Path, jobs: int, runs: int) -> tuple[float, int]:
    """Median seconds of one gkparse call over the folder, and the peak RSS (KB) of its processes."""
    times, peak = [], 0
    for _ in range(runs):
        shutil.rmtree(out, ignore_errors=True)
        start = time.perf_counter()
        proc = subprocess.Popen([*GKPARSE, "-q", "-o", str(out), "--jobs", str(jobs), str(folder)], stdout=subprocess.DEVNULL)
        _, status, usage = os.wait4(proc.pid, 0)
        times.append(time.perf_counter() - start)
        assert status == 0, f"gkparse failed on the batch (status {status})"
        peak = max(peak, usage.ru_maxrss)
    return statistics.median(times), peak


def big_notice(size: int) -> str:
    """A notice of about `size` bytes: sample 000's header and its sections repeated."""
    text = NOTICES[0].read_text(encoding="utf-8")
    head, body = text.split("一、", 1)
    body = "一、" + body + "\n"
    copies = max(1, (size - len(head.encode())) // len(body.encode()))
    return head + body * copies


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--notices", type=int, default=1000)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="gkparse-bench-"))
    try:
        sample = str(NOTICES[0])
        floor = wall([sys.executable, "-c", "import click, regex, ruamel.yaml"], args.runs)
        cold = wall([*GKPARSE, "-o", "-", sample], args.runs)
        cold_nokw = wall([*GKPARSE, "-o", "-", "--no-keywords", sample], args.runs)
        print(f"cold start   gkparse FILE {cold * 1000:7.0f} ms   floor (import click, regex, ruamel.yaml) {floor * 1000:5.0f} ms   ratio {cold / floor:4.1f}x")
        print(f"             --no-keywords {cold_nokw * 1000:6.0f} ms   ratio {cold_nokw / floor:4.1f}x")

        folder = work / "notices"
        folder.mkdir()
        for i in range(args.notices):
            src = NOTICES[i % len(NOTICES)]
            (folder / f"{i:05d}_{src.name}").write_bytes(src.read_bytes())
        size = sum(p.stat().st_size for p in folder.iterdir())
        peaks = []
        for jobs in (1, 2):
            seconds, peak = batch(folder, work / f"out{jobs}", jobs, max(1, args.runs // 2))
            peaks.append(peak)
            print(f"throughput   --jobs {jobs}: {args.notices / seconds:7.1f} notices/s   ({seconds:.2f} s for {args.notices} notices, {size / 1e6:.1f} MB)")
        print(f"peak memory  {max(peaks) / 1024:7.1f} MB max RSS of any process of the batch")

        for label, nbytes in (("100 KB", 100_000), ("1 MB", 1_000_000), ("10 MB", 10_000_000)):
            path = work / f"big_{nbytes}.txt"
            path.write_text(big_notice(nbytes), encoding="utf-8")
            seconds = wall([*GKPARSE, "-o", "-", "--no-keywords", str(path)], max(1, args.runs // 2)) - cold_nokw
            mb = path.stat().st_size / 1e6
            print(f"scaling      {label:>6}: {max(seconds, 0) / mb:6.2f} s/MB   (parse time beyond start-up, {mb:.2f} MB)")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()

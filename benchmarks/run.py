"""Benchmark gkparse on whole notices, as users convert them. Prints medians.

    python benchmarks/run.py [--runs 5] [--copies 60] [--pool DIR] [--scaling]

Run it from the top of the repository with the environment gkparse is installed in. The batch is
`--copies` copies of each whole sample (300 files by default; with `--pool DIR`, also the whole
documents of DIR, those of 5 KB or more). It prints:

- the cold start of `gkparse -q -o - SAMPLE` in CPU time (user + system, less noisy than wall time
  on a shared machine), as a ratio to the floor `python -c "import click, regex, ruamel.yaml"`;
- notices/s and MB/s with `--jobs 1` and `--jobs 2`, and `--jobs 2 --no-keywords`;
- the ratio to a trivial script that reads, decodes and writes a YAML of the lines of each file;
- each stage's share of the CPU time of a parse (in process, warm), and the peak memory.

Each figure is the median of `--runs` runs (a cold start's, of three times as many), the commands
of a figure taking turns; each batch writes into a new folder. `uptime`'s load is printed, as
figures on a loaded machine are not figures of a quiet one. gkparse's bytecode is compiled first
(as `pip install` does), so that a cold start is that of an installed gkparse.
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
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = sorted((ROOT / "samples").glob("*.txt"))
GKPARSE = [sys.executable, "-m", "gkparse"]
WHOLE = 5_000  # bytes: pool documents at least this long are whole notices, not cut pages

# the floor users compare with: read, decode (UTF-8), write one YAML list of the lines per file
TRIVIAL = r"""
import json, sys
from pathlib import Path
src, out = Path(sys.argv[1]), Path(sys.argv[2])
out.mkdir(exist_ok=True)
for path in sorted(src.iterdir()):
    lines = path.read_bytes().decode("utf-8", "replace").splitlines()
    text = "".join(f"- {json.dumps(line, ensure_ascii=False)}\n" for line in lines)
    (out / (path.stem + ".yaml")).write_text(text or "[]\n", encoding="utf-8")
"""


def compile_bytecode() -> None:
    """gkparse's modules compiled to bytecode first, as `pip install` compiles them: from an
    editable install with PYTHONDONTWRITEBYTECODE set, every start would compile its ~50 modules
    again (~40 ms), which no installed gkparse does."""
    import compileall

    import gkparse

    compileall.compile_dir(Path(gkparse.__file__).parent, quiet=1)
    print(f"bytecode     compiled for {Path(gkparse.__file__).parent} (as pip install does)")


def run(cmd: list[str]) -> tuple[float, float, int]:
    """(wall seconds, CPU seconds of the process and its children, peak RSS in KB) of one run."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    if status != 0:
        raise SystemExit(f"failed (status {status}): {' '.join(cmd)}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss


OUT = "{out}"  # stands in a command for a new, empty output folder of each run


def median_runs(
    cmds: list[list[str]], runs: int, work: Path | None = None
) -> list[tuple[float, float, int]]:
    """For each command: the medians of wall and CPU seconds over `runs` runs, and the largest
    peak RSS. The commands take turns, run after run, so that a change of the machine's load
    weighs on all of them alike. A command's OUT is a new folder under `work` each run, removed
    after it: refilling a folder just emptied made ext4 create each file ~10x slower (the
    removed files' inodes being freed), which measured the file system, not gkparse."""
    results: list[list[tuple[float, float, int]]] = [[] for _ in cmds]
    for _ in range(runs):
        for cmd, got in zip(cmds, results):
            fresh = Path(tempfile.mkdtemp(dir=work)) if work is not None else None
            got.append(run([str(fresh / "out") if a == OUT else a for a in cmd]))
            if fresh is not None:
                shutil.rmtree(fresh, ignore_errors=True)
    return [
        (
            statistics.median(r[0] for r in got),
            statistics.median(r[1] for r in got),
            max(r[2] for r in got),
        )
        for got in results
    ]


def stage_shares(paths: list[Path], rounds: int) -> tuple[Counter[str], float]:
    """CPU seconds of each stage (and of rendering) over `rounds` parses of `paths`, warm."""
    from gkparse import parse_bytes, pipeline
    from gkparse.emit import document_to_dict, to_yaml
    from gkparse.rules import load_rules

    spent: Counter[str] = Counter()

    def timed(name: str, stage: object) -> object:
        def run_stage(state: object) -> None:
            start = time.process_time()
            stage(state)  # type: ignore[operator]
            spent[name] += time.process_time() - start

        return run_stage

    rules = load_rules()
    data = [p.read_bytes() for p in paths]
    # warm: rules compiled (the combined patterns after 1,000 asks), the keywords' whole
    # dictionary built (after 60,000 characters): a batch's steady state
    for d in data * 30:
        to_yaml(document_to_dict(parse_bytes(d, rules=rules)))
    saved = pipeline.STAGES
    pipeline.STAGES = tuple(pipeline.Stage(s.name, timed(s.name, s.run)) for s in saved)
    try:
        total_start = time.process_time()
        for _ in range(rounds):
            for d in data:
                doc = parse_bytes(d, rules=rules)
                start = time.process_time()
                to_yaml(document_to_dict(doc))
                spent["yaml (emit)"] += time.process_time() - start
        total = time.process_time() - total_start
    finally:
        pipeline.STAGES = saved
    spent["other (decode, state)"] = total - sum(spent.values())
    return spent, total


def load() -> str:
    try:
        return "load average " + ", ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "load average unknown"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--copies", type=int, default=60, help="copies of each sample")
    parser.add_argument("--pool", type=Path, help="also the whole documents of this folder")
    parser.add_argument("--scaling", action="store_true", help="also notices of 100 KB to 10 MB")
    args = parser.parse_args()
    print(f"{load()} on {os.cpu_count()} CPUs (before)")
    compile_bytecode()
    work = Path(tempfile.mkdtemp(prefix="gkparse-bench-"))
    try:
        sample = str(SAMPLES[0])
        # a start is short: three times the runs, the floor measured between them
        (_, floor, _), (_, cold, _), (_, cold_nokw, _) = median_runs(
            [
                [sys.executable, "-c", "import click, regex, ruamel.yaml"],
                [*GKPARSE, "-q", "-o", "-", sample],
                [*GKPARSE, "-q", "-o", "-", "--no-keywords", sample],
            ],
            3 * args.runs,
        )
        print(
            f"cold start   gkparse -q -o - {SAMPLES[0].name}: {cold * 1000:5.0f} ms CPU, ratio "
            f"{cold / floor:4.2f}x the floor (import click, regex, ruamel.yaml: {floor * 1000:.0f} ms)"
        )
        print(
            f"             --no-keywords: {cold_nokw * 1000:5.0f} ms CPU, ratio {cold_nokw / floor:4.2f}x"
        )

        folder = work / "notices"
        folder.mkdir()
        sources = [p for p in SAMPLES for _ in range(args.copies)]
        if args.pool:
            sources += [p for p in sorted(args.pool.glob("*.txt")) if p.stat().st_size >= WHOLE]
        for i, src in enumerate(sources):
            (folder / f"{i:05d}_{src.name}").write_bytes(src.read_bytes())
        count, size = len(sources), sum(p.stat().st_size for p in folder.iterdir()) / 1e6
        print(
            f"batch        {count} whole notices, {size:.2f} MB ({size * 1e3 / count:.1f} KB each)"
        )
        runs = max(1, args.runs // 2 + 1)
        batches = (
            ("--jobs 1", 1, []),
            ("--jobs 2", 2, []),
            ("--jobs 2 --no-keywords", 2, ["--no-keywords"]),
        )
        (trivial, _, _), *measured = median_runs(
            [
                [sys.executable, "-c", TRIVIAL, str(folder), OUT],
                *(
                    [*GKPARSE, "-q", "-o", OUT, "-j", str(j), *extra, str(folder)]
                    for _, j, extra in batches
                ),
            ],
            runs,
            work,
        )
        print(
            f"trivial      read, decode, write a YAML of the lines: {count / trivial:7.0f} notices/s"
        )
        peak = 0
        for (label, jobs, _), (wall, cpu, rss) in zip(batches, measured):
            peak = max(peak, rss)
            # on a loaded machine the wall time says more of the load than of gkparse: the CPU
            # time gives the rate the same CPUs would reach free of other work
            print(
                f"throughput   {label:<23} {count / wall:6.1f} notices/s  {size / wall:5.2f} MB/s  "
                f"({trivial / wall:.3f} of the trivial script's rate; {cpu / count * 1000:.1f} ms "
                f"CPU a notice: {jobs * count / cpu:.0f} notices/s on {jobs} free CPUs)"
            )
        print(f"peak memory  {peak / 1024:6.1f} MB max RSS of a process of the batch")

        spent, total = stage_shares(SAMPLES, max(1, args.runs * 2))
        shares = "  ".join(f"{name} {100 * t / total:.0f}%" for name, t in spent.most_common())
        print(
            f"stages       {total * 1000 / (len(SAMPLES) * max(1, args.runs * 2)):.1f} ms CPU a whole "
            f"sample, warm: {shares}"
        )
        if args.scaling:
            scaling(work, cold_nokw, runs)
        print(f"{load()} (after)")
    finally:
        shutil.rmtree(work, ignore_errors=True)


def scaling(work: Path, start_up: float, runs: int) -> None:
    """CPU seconds per MB beyond start-up for one notice of 100 KB, 1 MB and 10 MB."""
    text = SAMPLES[0].read_text(encoding="utf-8")
    head, body = text.split("一、", 1)
    body = "一、" + body + "\n"
    for label, nbytes in (("100 KB", 100_000), ("1 MB", 1_000_000), ("10 MB", 10_000_000)):
        path = work / f"big_{nbytes}.txt"
        copies = max(1, (nbytes - len(head.encode())) // len(body.encode()))
        path.write_text(head + body * copies, encoding="utf-8")
        [(_, cpu, _)] = median_runs([[*GKPARSE, "-q", "-o", "-", "--no-keywords", str(path)]], runs)
        mb = path.stat().st_size / 1e6
        print(
            f"scaling      {label:>6}: {max(cpu - start_up, 0) / mb:6.2f} s/MB CPU beyond start-up"
        )


if __name__ == "__main__":
    main()

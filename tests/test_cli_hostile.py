"""The command line under attack: names, devices, signals, broken standard output, huge inputs.

Each test reproduces a failure an adversarial pass found (issue 15): the input overwritten, a
traceback, a batch that hangs or aborts, a message on two lines.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import SAMPLES
from ruamel.yaml import YAML

from gkparse import cli

SAMPLE = SAMPLES[0].read_bytes()
GKPARSE = [sys.executable, "-m", "gkparse"]


def run(*args: str, stdin: bytes | None = None, cwd: Path | None = None, **kw) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([*GKPARSE, *args], input=stdin, capture_output=True, cwd=cwd, timeout=120, **kw)


def one_line(proc: subprocess.CompletedProcess[bytes]) -> str:
    err = proc.stderr.decode()
    assert "Traceback" not in err
    assert len(err.splitlines()) == 1, err
    return err


def batch(tmp_path: Path, n: int) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(n):
        (folder / f"{i:04d}.txt").write_bytes(SAMPLE)
    return folder


# --- no input is ever written to ---


def test_an_input_is_never_the_output_of_another_input(tmp_path):
    (tmp_path / "a.txt").write_bytes(SAMPLE)
    kept = b"schema: gkparse/1\n# a file of the user's\n"
    (tmp_path / "a.yaml").write_bytes(kept)
    proc = run("a.txt", "a.yaml", "--no-keywords", cwd=tmp_path)
    assert proc.returncode == 1
    assert (tmp_path / "a.yaml").read_bytes() == kept
    assert "overwrite the input a.yaml" in proc.stderr.decode()


def test_an_input_in_the_output_dir_is_never_overwritten(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    kept = b"x: 1\n"
    (out / "a.yaml").write_bytes(kept)
    (tmp_path / "a.txt").write_bytes(SAMPLE)
    proc = run("-o", "out", "out/a.yaml", "a.txt", "--no-keywords", cwd=tmp_path)
    assert proc.returncode == 1
    assert (out / "a.yaml").read_bytes() == kept


def test_dev_stdin_is_read_as_standard_input(tmp_path):
    target = Path("/dev/stdin.yaml")
    try:
        proc = run("/dev/stdin", "--no-keywords", stdin=SAMPLE)
        assert proc.returncode == 0, proc.stderr
        assert proc.stdout.startswith(b"schema: gkparse/1\n")
        assert b"{file: /dev/stdin," in proc.stdout
        assert not target.exists()
        with SAMPLES[0].open("rb") as redirected:  # /dev/stdin is then the file itself
            proc = subprocess.run([*GKPARSE, "/dev/stdin", "--no-keywords"], stdin=redirected, capture_output=True, timeout=120)
        assert proc.returncode == 0 and proc.stdout.startswith(b"schema: gkparse/1\n")
        assert not target.exists()
    finally:
        target.unlink(missing_ok=True)


# --- names ---


def test_a_name_with_a_newline_gives_one_line(tmp_path):
    proc = run("a\nb.txt", cwd=tmp_path)
    assert proc.returncode == 1
    assert "a\\nb.txt" in one_line(proc)


def test_a_symlink_loop_is_named_as_such(tmp_path):
    (tmp_path / "loop.txt").symlink_to("loop.txt")
    proc = run("loop.txt", cwd=tmp_path)
    assert proc.returncode == 1
    assert "symbolic link" in one_line(proc)


def test_a_name_of_250_bytes_is_written(tmp_path):
    name = "政" * 80 + "x" * 6 + ".txt"  # 246 bytes; its output 247
    (tmp_path / name).write_bytes(SAMPLE)
    proc = run(name, "--no-keywords", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / name.replace(".txt", ".yaml")).exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


@pytest.mark.parametrize("fmt", ["json", "yaml"])
def test_a_file_name_that_is_not_utf8_does_not_abort_the_batch(tmp_path, fmt):
    bad = os.fsdecode(b"\xff\xfe.txt")
    (tmp_path / bad).write_bytes(SAMPLE)
    (tmp_path / "ok.txt").write_bytes(SAMPLE)
    proc = run("--format", fmt, "--no-keywords", "-o", "out", ".", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    outs = sorted(os.fsencode(p.name) for p in (tmp_path / "out").iterdir())
    assert outs == [b"ok." + fmt.encode(), b"\xff\xfe." + fmt.encode()]
    text = (tmp_path / "out" / os.fsdecode(b"\xff\xfe." + fmt.encode())).read_text(encoding="utf-8")
    assert YAML(typ="safe").load(text)["metadata"]["source"]["file"] == "\\xff\\xfe.txt"


def test_an_unreadable_subfolder_is_reported(tmp_path, monkeypatch):
    (tmp_path / "ok.txt").write_bytes(SAMPLE)
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "hidden.txt").write_bytes(SAMPLE)
    real = os.scandir

    def scandir(path="."):
        if Path(path) == locked:  # as for a folder without read permission (root reads all)
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    inputs = cli.expand((str(tmp_path),))
    errors = [(i.name, i.error) for i in inputs if i.error]
    assert errors == [(str(locked), "cannot read the folder: Permission denied")]
    assert [i.name for i in inputs if not i.error] == [str(tmp_path / "ok.txt")]


def test_a_deleted_working_directory_with_absolute_paths(tmp_path):
    (tmp_path / "a.txt").write_bytes(SAMPLE)
    gone = tmp_path / "gone"
    gone.mkdir()
    script = f"cd {gone} && rmdir {gone} && {sys.executable} -m gkparse {tmp_path / 'a.txt'} -o {tmp_path / 'out'}"
    proc = subprocess.run(["sh", "-c", script], capture_output=True, timeout=120)
    assert b"Traceback" not in proc.stderr
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "out" / "a.yaml").exists()


# --- sizes and workers ---


def test_an_input_over_max_size_is_refused(tmp_path):
    (tmp_path / "a.txt").write_bytes(SAMPLE)
    proc = run("--max-size", "1K", "a.txt", cwd=tmp_path)
    assert proc.returncode == 1
    assert "larger than --max-size 1K" in one_line(proc)
    assert not (tmp_path / "a.yaml").exists()


def test_dev_zero_is_refused_in_bounded_memory():
    start = time.monotonic()
    proc = run("--max-size", "10M", "/dev/zero", "-o", "-")
    assert proc.returncode == 1
    assert "larger than --max-size 10M" in one_line(proc)
    assert time.monotonic() - start < 30


def test_standard_input_over_max_size_is_refused():
    proc = run("--max-size", "1K", "-", stdin=SAMPLE)
    assert proc.returncode == 1 and "larger than --max-size 1K" in one_line(proc)


def test_a_bad_max_size_is_a_usage_error():
    proc = run("--max-size", "lots", "x.txt")
    assert proc.returncode == 2 and b"max-size" in proc.stderr


def test_workers_are_capped_by_the_inputs(monkeypatch):
    import multiprocessing.pool

    seen = []
    real = multiprocessing.pool.Pool

    class Spy(real):
        def __init__(self, processes=None, *args, **kw):
            seen.append(processes)
            super().__init__(processes, *args, **kw)

    monkeypatch.setattr(multiprocessing.pool, "Pool", Spy)
    settings = cli.Settings((), "yaml", False, cli.SizeType().convert("1M", None, None))
    job = cli.Job(str(SAMPLES[0]), None, settings, SAMPLES[0].name)
    results = list(cli.results([job, job], 200))
    assert seen == [2]
    assert results[0] == results[1] and results[0][0]


# --- CSV formula injection ---


def test_tasks_csv_cells_are_never_formulas(tmp_path):
    (tmp_path / "=1+1.txt").write_bytes(SAMPLE)
    proc = run("tasks", "=1+1.txt", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    rows = proc.stdout.decode("utf-8-sig").splitlines()[1:]
    assert rows and all(r.startswith("'=1+1.txt,") for r in rows)


@pytest.mark.parametrize("cell", ["=HYPERLINK(1)", "+1", "-2+3", "@SUM(A1)", "\tx", "\rx"])
def test_a_cell_that_a_spreadsheet_would_run_is_quoted(cell):
    assert cli.csv_cell(cell) == "'" + cell
    assert cli.csv_cell("政务" + cell) == "政务" + cell


# --- signals and standard output ---


def _start(tmp_path: Path, *args: str) -> subprocess.Popen[bytes]:
    folder = batch(tmp_path, 400)
    return subprocess.Popen([*GKPARSE, str(folder), "-o", str(tmp_path / "out"), "--no-keywords", *args], stderr=subprocess.PIPE, start_new_session=True)


def _wait_for_output(tmp_path: Path) -> None:
    for _ in range(600):
        if (tmp_path / "out").exists() and any((tmp_path / "out").iterdir()):
            return
        time.sleep(0.05)


def _left_over(tmp_path: Path) -> list[str]:
    found = []
    for proc in Path("/proc").iterdir():
        try:
            if str(tmp_path).encode() in (proc / "cmdline").read_bytes():
                found.append(proc.name)
        except OSError:
            continue
    return found


def test_sigterm_stops_a_parallel_batch_cleanly(tmp_path):
    proc = _start(tmp_path, "--jobs", "2")
    _wait_for_output(tmp_path)
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=20)
    assert proc.returncode == 143
    assert b"Traceback" not in err
    time.sleep(0.5)
    assert _left_over(tmp_path) == []
    assert [p.name for p in (tmp_path / "out").iterdir() if p.name.startswith(".")] == []


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_ctrl_c_exits_130_quietly(tmp_path, jobs):
    proc = _start(tmp_path, "--jobs", jobs)
    _wait_for_output(tmp_path)
    os.killpg(proc.pid, signal.SIGINT)  # as a terminal does: the whole process group
    _, err = proc.communicate(timeout=20)
    assert proc.returncode == 130
    assert b"Traceback" not in err and b"KeyboardInterrupt" not in err
    time.sleep(0.5)
    assert _left_over(tmp_path) == []


def test_a_closed_pipe_exits_141_quietly(tmp_path):
    folder = batch(tmp_path, 50)
    reader = subprocess.Popen(["head", "-c", "10"], stdin=subprocess.PIPE, stdout=subprocess.DEVNULL)
    proc = subprocess.run([*GKPARSE, str(folder), "-o", "-", "--no-keywords"], stdout=reader.stdin, stderr=subprocess.PIPE, timeout=120)
    reader.stdin.close()
    reader.wait()
    assert proc.returncode == 141
    assert proc.stderr == b""


def test_ascii_stdout_encoding_still_writes_utf8():
    env = {**os.environ, "PYTHONIOENCODING": "ascii"}
    proc = run(str(SAMPLES[0]), "-o", "-", "--no-keywords", env=env)
    assert proc.returncode == 0, proc.stderr
    assert "练府〔2023〕15号" in proc.stdout.decode("utf-8")


def test_a_full_stdout_is_one_line():
    with open("/dev/full", "wb") as full:
        proc = subprocess.run([*GKPARSE, str(SAMPLES[0]), "-o", "-", "--no-keywords"], stdout=full, stderr=subprocess.PIPE, timeout=120)
    assert proc.returncode == 1
    err = proc.stderr.decode()
    assert "Traceback" not in err and err.splitlines() == ["gkparse: standard output: No space left on device"]


def test_a_closed_stdout_is_one_line():
    script = f"{sys.executable} -m gkparse {SAMPLES[0]} -o - --no-keywords >&-"
    proc = subprocess.run(["sh", "-c", script], capture_output=True, timeout=120)
    assert proc.returncode == 1
    assert proc.stderr.decode().splitlines() == ["gkparse: standard output: closed"]

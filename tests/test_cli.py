"""The command line, through click's runner and through a real process."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner
from conftest import CORPUS, GOLDEN, ROOT, SAMPLES, given

from gkparse import cli, parse_file
from gkparse.cli import main
from gkparse.emit import document_to_dict
from gkparse.schema import schema

SAMPLE = SAMPLES[0]


def run(
    *args: str, stdin: bytes | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "gkparse", *args],
        input=stdin,
        capture_output=True,
        cwd=cwd,
        timeout=120,
    )


def on_terminal(args: list[str], cwd: Path) -> tuple[int, str]:
    """Run gkparse with its stderr on a terminal (stdout a pipe); the exit status and what the
    terminal showed."""
    import pty

    main_end, terminal = pty.openpty()
    command = [sys.executable, "-m", "gkparse", *args]
    proc = subprocess.run(command, cwd=cwd, stdout=subprocess.PIPE, stderr=terminal, timeout=120)
    os.close(terminal)
    screen = b""
    while True:
        try:
            chunk = os.read(main_end, 4096)
        except OSError:  # (the terminal closed: all was read)
            break
        if not chunk:
            break
        screen += chunk
    os.close(main_end)
    return proc.returncode, screen.decode("utf-8").replace("\r", "\n")


def copy_samples(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    for p in SAMPLES:
        (folder / p.name).write_bytes(p.read_bytes())
    return folder


@pytest.mark.parametrize("path", SAMPLES + CORPUS, ids=[p.stem for p in SAMPLES + CORPUS])
def test_output_validates_against_the_schema(path):
    jsonschema.validate(document_to_dict(parse_file(path, keywords=False)), schema())


def test_schema_command_prints_the_shipped_schema():
    result = CliRunner().invoke(main, ["schema"])
    assert result.exit_code == 0 and json.loads(result.output) == schema()


def test_output_dir_and_stdout(tmp_path):
    folder = copy_samples(tmp_path)
    result = CliRunner().invoke(main, [str(folder), "-o", str(tmp_path / "out"), "-q"])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(
        f"{p.stem}.yaml" for p in SAMPLES
    )
    proc = run("-o", "-", given(SAMPLE), given(SAMPLES[1]), cwd=ROOT)
    assert proc.returncode == 0
    expected = (
        (GOLDEN / f"{SAMPLE.stem}.yaml").read_text(encoding="utf-8")
        + "---\n"
        + (GOLDEN / f"{SAMPLES[1].stem}.yaml").read_text(encoding="utf-8")
    )
    assert proc.stdout.decode("utf-8") == expected


def test_stdin_to_stdout():
    proc = run("-", stdin=SAMPLE.read_bytes())
    assert proc.returncode == 0
    assert proc.stdout.decode("utf-8").replace("file: '-'", "file: x") == (
        GOLDEN / f"{SAMPLE.stem}.yaml"
    ).read_text(encoding="utf-8").replace(f"file: {given(SAMPLE)}", "file: x")


def test_exit_status_and_one_line_per_failure(tmp_path):
    folder = copy_samples(tmp_path)
    (tmp_path / "empty").mkdir()
    proc = run(
        str(folder / SAMPLE.name),
        str(tmp_path / "missing.txt"),
        str(tmp_path / "empty"),
        "-o",
        str(tmp_path / "out"),
    )
    assert proc.returncode == 1
    errors = proc.stderr.decode("utf-8").splitlines()
    assert errors == [
        f"gkparse: {tmp_path / 'missing.txt'}: no such file",
        f"gkparse: {tmp_path / 'empty'}: directory has no *.txt, *.md, *.html or *.docx files",
    ]
    assert (tmp_path / "out" / f"{SAMPLE.stem}.yaml").exists()  # the batch went on
    assert run("--no-such-option", str(SAMPLE)).returncode == 2


def test_unreadable_file():
    # /proc/self/mem exists but cannot be read from its start, whoever runs the tests (even root)
    proc = run("/proc/self/mem", "-o", "-")
    assert proc.returncode == 1
    assert proc.stderr.decode().splitlines() == [
        "gkparse: /proc/self/mem: cannot read: Input/output error"
    ]


def test_never_overwrites_the_input(tmp_path):
    path = tmp_path / "notice.yaml"
    path.write_bytes(SAMPLE.read_bytes())
    proc = run(str(path), "-o", str(tmp_path))
    assert proc.returncode == 1 and b"overwrite the input" in proc.stderr
    assert path.read_bytes() == SAMPLE.read_bytes()


def test_jobs_give_identical_output(tmp_path):
    folder = copy_samples(tmp_path)
    for n in ("1", "2"):
        assert (
            run(
                str(folder), "-o", str(tmp_path / f"out{n}"), "--jobs", n, "--no-keywords"
            ).returncode
            == 0
        )
    for p in SAMPLES:
        assert (tmp_path / "out1" / f"{p.stem}.yaml").read_bytes() == (
            tmp_path / "out2" / f"{p.stem}.yaml"
        ).read_bytes()


def test_interrupted_write_leaves_no_partial_file(tmp_path, monkeypatch):
    target = tmp_path / "notice.yaml"

    class Boom(Exception):
        pass

    real = os.replace

    def crash(src, dst):
        raise Boom

    monkeypatch.setattr(cli.os, "replace", crash)
    with pytest.raises(Boom):
        cli.write_atomic(target, "schema: gkparse/1\n")
    monkeypatch.setattr(cli.os, "replace", real)
    assert list(tmp_path.iterdir()) == []


def test_format_json(tmp_path):
    result = CliRunner().invoke(main, [str(SAMPLE), "--format", "json", "-o", "-"])
    assert result.exit_code == 0
    assert json.loads(result.output)["header"]["doc_number"] == "练府〔2023〕15号"


def test_tasks_table_csv_with_bom_and_tsv():
    result = CliRunner().invoke(main, ["tasks", str(SAMPLES[1]), "-j", "1"])
    assert result.exit_code == 0
    assert result.output.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(result.output[1:])))
    assert rows[0] == cli.TASK_COLUMNS
    row = dict(zip(rows[0], rows[1], strict=True))
    assert row["file"] == str(SAMPLES[1]) and row["doc_number"] == "邛府办函〔2023〕14号"
    assert (
        row["issuer"] == "邛崃市人民政府办公室"
        and row["plan_title"] == "邛崃市2023年政务公开工作要点"
    )
    assert (row["year"], row["task_id"]) == ("2023", "1.1")
    assert (row["section_title"], row["task_title"]) == ("推动政务公开转型升级", "深化主动公开")
    assert row["responsible"].startswith("市政府办；")  # lists joined by ；, never 、
    tsv = CliRunner().invoke(main, ["tasks", "--tsv", str(SAMPLES[1]), "-j", "1"]).output
    assert len(list(csv.reader(io.StringIO(tsv), delimiter="\t"))) == len(rows)


def test_tasks_of_one_unit_by_any_of_its_names():
    """--unit finds a unit's tasks whichever way a plan writes its name (units.key)."""
    rows = {}
    for name in ("市政府办", "市政府办公室", "市人民政府办公室"):
        out = CliRunner().invoke(main, ["tasks", "--unit", name, str(SAMPLES[1]), "-j", "1"]).output
        rows[name] = list(csv.reader(io.StringIO(out[1:])))[1:]
    assert rows["市政府办"] and rows["市政府办"] == rows["市政府办公室"] == rows["市人民政府办公室"]
    at = cli.TASK_COLUMNS.index("responsible")
    assert all("市政府办" in row[at].split("；") for row in rows["市政府办"])
    every = CliRunner().invoke(main, ["tasks", str(SAMPLES[1]), "-j", "1"]).output
    assert len(rows["市政府办"]) < len(list(csv.reader(io.StringIO(every[1:])))) - 1


def test_rules_list_and_check(tmp_path):
    listed = CliRunner().invoke(main, ["rules"]).output
    assert "outline.chinese_paren\t<builtin>/outline.yaml" in listed
    good = tmp_path / "good.yaml"
    good.write_text("junk:\n  - {id: my_banner, pattern: '欢迎访问.*'}\n", encoding="utf-8")
    assert CliRunner().invoke(main, ["rules", "--check", str(good)]).exit_code == 0
    assert (
        f"junk.my_banner\t{good}"
        in CliRunner().invoke(main, ["rules", "--rules", str(good)]).output
    )


@pytest.mark.parametrize(
    "body, reason",
    [
        ("junk:\n  - {id: bad, pattern: '(unclosed'}\n", "junk.bad: bad regular expression"),
        ("junk:\n  - {id: odd, pattern: 'x', colour: red}\n", "junk.odd: unknown key 'colour'"),
        (
            "outline:\n  - {id: roman, pattern: 'I', numeral: roman, kind: roman, marker: 'I'}\n",
            "outline.roman: numeral must be one of",
        ),
        ("nonsense: []\n", "unknown section 'nonsense'"),
        ("junk: {id: x}\n", "junk: must be a list of rules"),
        ("junk:\n  - {id: x, pattern: 3}\n", "junk.x: pattern must be a string"),
    ],
    ids=[
        "bad-regex",
        "unknown-key",
        "wrong-value",
        "unknown-section",
        "wrong-type",
        "pattern-type",
    ],
)
def test_malformed_rule_file_names_file_rule_and_reason(tmp_path, body, reason):
    path = tmp_path / "mine.yaml"
    path.write_text(body, encoding="utf-8")
    proc = run("rules", "--check", str(path))
    assert proc.returncode == 1
    message = proc.stderr.decode("utf-8")
    assert str(path) in message and reason in message, message
    assert run(str(SAMPLE), "--rules", str(path)).returncode == 2


def test_user_rule_changes_parsing(tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text("junk:\n  - {id: opening, pattern: '今年是.*'}\n", encoding="utf-8")
    result = CliRunner().invoke(
        main, [str(SAMPLE), "--rules", str(path), "-o", "-", "--no-keywords"]
    )
    assert "preamble: null" in result.output and "- {line: 8, text: '今年是贯彻" in result.output


def test_python_dash_m_and_version():
    proc = run("--version")
    assert proc.returncode == 0 and b"gkparse, version" in proc.stdout


def test_a_folder_is_mirrored_under_the_output_folder_and_names_never_collide(tmp_path):
    """Crawler folders a_notice/page.txt and b_notice/page.txt give two outputs, dup.txt and
    dup.md beside each other too; hidden folders (.venv, .git) are not walked, as fd and rg."""
    src = tmp_path / "in"
    for rel, sample in [
        ("a_notice/page.txt", SAMPLES[0]),
        ("b_notice/page.txt", SAMPLES[1]),
        ("c/dup.txt", SAMPLES[2]),
        ("c/dup.md", SAMPLES[2]),
        (".venv/LICENSE.txt", SAMPLES[3]),
        ("c/.hidden.txt", SAMPLES[3]),
    ]:
        (src / rel).parent.mkdir(parents=True, exist_ok=True)
        (src / rel).write_bytes(Path(sample).read_bytes())
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["-q", "-o", str(out), str(src)])
    assert result.exit_code == 0, result.output
    written = sorted(str(p.relative_to(out)) for p in out.rglob("*") if p.is_file())
    assert written == [
        "a_notice/page.yaml",
        "b_notice/page.yaml",
        "c/dup.md.yaml",
        "c/dup.txt.yaml",
    ]
    assert "邛崃" in (out / "b_notice/page.yaml").read_text(encoding="utf-8")


def test_two_files_whose_outputs_collide_are_errors_naming_both(tmp_path):
    """Two inputs given by name whose outputs would be one file: neither is written over the
    other; each is an error (exit 1) that names the output and the other input."""
    for rel, sample in [("a/page.txt", SAMPLES[0]), ("b/page.txt", SAMPLES[1])]:
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_bytes(Path(sample).read_bytes())
    proc = run("-q", "-o", "out", "a/page.txt", "b/page.txt", cwd=tmp_path)
    assert proc.returncode == 1 and not (tmp_path / "out").exists()
    assert proc.stderr.decode().splitlines() == [
        "gkparse: a/page.txt: out/page.yaml would also be the output of b/page.txt: skipped",
        "gkparse: b/page.txt: out/page.yaml would also be the output of a/page.txt: skipped",
    ]


def test_a_pipe_is_read_without_naming_it():
    text = Path(SAMPLES[0]).read_text(encoding="utf-8")
    result = CliRunner().invoke(main, [], input=text)
    assert result.exit_code == 0 and result.output.startswith("schema: gkparse/1")


def test_o_names_the_output_file_of_one_input(tmp_path):
    """`-o notice.yaml notice.txt` writes that file (pandoc's habit), readable as the umask
    says; with several inputs it is a usage error."""
    target = tmp_path / "notice.yaml"
    result = CliRunner().invoke(main, ["-q", "-o", str(target), str(SAMPLES[0])])
    assert result.exit_code == 0 and target.is_file()
    assert target.stat().st_mode & 0o777 == 0o666 & ~cli.UMASK
    two = CliRunner().invoke(main, ["-o", str(target), str(SAMPLES[0]), str(SAMPLES[1])])
    assert two.exit_code == 2 and "names one file" in two.output


def test_warnings_are_told_from_failures():
    """With -v each warning says so, so that counting `gkparse: PATH:` lines counts failures."""
    result = CliRunner().invoke(main, ["-v", "-o", "-", str(SAMPLES[0])])
    assert result.exit_code == 0
    lines = result.stderr.splitlines()
    assert lines and all(": warning: " in line for line in lines)


def test_tasks_to_a_file_without_keywords(tmp_path):
    target = tmp_path / "tasks.csv"
    args = ["tasks", "-o", str(target), "--no-keywords", str(SAMPLES[1]), "-j", "1"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0 and result.output == ""
    rows = list(csv.reader(io.StringIO(target.read_text(encoding="utf-8-sig"))))
    assert rows[0][-1] == "keywords" and len(rows) > 10
    assert all(row[-1] == "" for row in rows[1:])  # the keywords column left empty
    kept = Path(SAMPLES[1]).read_bytes()
    clash = CliRunner().invoke(main, ["tasks", "-o", str(SAMPLES[1]), str(SAMPLES[1]), "-j", "1"])
    assert clash.exit_code == 1 and Path(SAMPLES[1]).read_bytes() == kept


def test_json_on_standard_output_is_json_lines():
    result = CliRunner().invoke(
        main, ["-o", "-", "--format", "json", str(SAMPLES[0]), str(SAMPLES[1]), "-j", "1"]
    )
    lines = result.output.splitlines()
    assert result.exit_code == 0 and len(lines) == 2
    assert [json.loads(line)["schema"] for line in lines] == ["gkparse/1", "gkparse/1"]


def test_the_source_file_is_the_path_as_given(tmp_path):
    """metadata.source.file names the input as the user did: relative stays relative, a file
    found in a folder keeps the folder's path, standard input is `-`."""
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "page.txt").write_bytes(SAMPLE.read_bytes())
    (tmp_path / "one.txt").write_bytes(SAMPLE.read_bytes())
    args = ["-o", "-", "--format", "json", "--no-keywords", "-j", "1"]
    proc = run(*args, "one.txt", "a/", "-", cwd=tmp_path, stdin=SAMPLE.read_bytes())
    assert proc.returncode == 0, proc.stderr
    files = [json.loads(line)["metadata"]["source"]["file"] for line in proc.stdout.splitlines()]
    assert files == ["one.txt", "a/b/page.txt", "-"]
    absolute = run(*args, str(tmp_path / "one.txt"))
    assert json.loads(absolute.stdout)["metadata"]["source"]["file"] == str(tmp_path / "one.txt")


def test_a_word_document_is_read_and_a_pdf_is_refused_naming_pdftotext(tmp_path):
    """A .docx: its paragraphs in order and its task table as rows (python-docx); a PDF: one
    line that says how to convert it, exit 1, the batch going on."""
    import docx

    document = docx.Document()
    for text in [
        "关于印发《XX县2023年政务公开工作要点》的通知",
        "各乡镇人民政府，县直各部门：",
        "一、重点任务",
    ]:
        document.add_paragraph(text)
    table = document.add_table(rows=3, cols=4)
    for row, cells in zip(
        table.rows,
        [
            ["序号", "工作任务", "责任单位", "完成时限"],
            ["1", "加强政策解读。", "县政府办", "2023年6月底前"],
            ["2", "更新公开指南。", "县司法局", "2023年12月底前"],
        ],
    ):
        for cell, text in zip(row.cells, cells):
            cell.text = text
    document.add_paragraph("XX县人民政府办公室")
    document.save(tmp_path / "plan.docx")
    (tmp_path / "scan.pdf").write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")
    proc = run(
        "-o", "-", "--format", "json", "--no-keywords", "plan.docx", "scan.pdf", cwd=tmp_path
    )
    assert proc.returncode == 1
    assert proc.stderr.decode() == (
        "gkparse: scan.pdf: a PDF: convert it first with pdftotext -layout scan.pdf\n"
    )
    doc = json.loads(proc.stdout)
    assert doc["header"]["title"] == "关于印发《XX县2023年政务公开工作要点》的通知"
    assert doc["header"]["recipients"] == ["各乡镇人民政府", "县直各部门"]
    assert doc["metadata"]["source"] == {**doc["metadata"]["source"], "encoding": "docx"}
    assert doc["metadata"]["source"]["lines"] == 7  # 4 paragraphs, 3 rows: a row a line
    tasks = [t for t in doc["tasks"] if t["marker"] in ("1", "2")]
    assert [(t["marker"], t["title"], t["responsible"]) for t in tasks] == [
        ("1", "加强政策解读", ["县政府办"]),
        ("2", "更新公开指南", ["县司法局"]),
    ]


def test_jsonl_is_one_stream_and_hidden_folders_are_walked_when_asked(tmp_path):
    """--format jsonl: every document one line of one stream, on stdout or in -o FILE.jsonl;
    --hidden walks .folders too (fd's and rg's option)."""
    (tmp_path / "in" / ".archive").mkdir(parents=True)
    (tmp_path / "in" / "a.txt").write_bytes(SAMPLES[0].read_bytes())
    (tmp_path / "in" / ".archive" / "b.txt").write_bytes(SAMPLES[1].read_bytes())
    args = ["--format", "jsonl", "--no-keywords", "-j", "1"]
    shown = run(*args, "in", cwd=tmp_path)
    assert shown.returncode == 0 and not (tmp_path / "in" / "a.json").exists()
    assert [json.loads(x)["metadata"]["source"]["file"] for x in shown.stdout.splitlines()] == [
        "in/a.txt"
    ]
    assert run(*args, "--hidden", "-o", "all.jsonl", "in", cwd=tmp_path).returncode == 0
    lines = (tmp_path / "all.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(x)["metadata"]["source"]["file"] for x in lines] == [
        "in/.archive/b.txt",
        "in/a.txt",
    ]
    refused = run(*args, "-o", "out/", "in", cwd=tmp_path)
    assert refused.returncode == 2 and b"one stream" in refused.stderr


def test_a_batch_on_a_terminal_ends_with_one_summary_line(tmp_path):
    """On a terminal: `gkparse: N files, F failed, W warnings` once at the end; a script (stderr
    not a terminal) gets only the failures, one line each."""
    (tmp_path / "a.txt").write_bytes(SAMPLES[0].read_bytes())
    (tmp_path / "b.txt").write_bytes(SAMPLES[1].read_bytes())
    args = ["-o", "out", "--no-keywords", "a.txt", "b.txt", "gone.txt"]
    status, screen = on_terminal(args, tmp_path)
    assert status == 1
    warnings = sum(
        len(json.loads(x)["metadata"]["warnings"])
        for x in run(
            "--format", "jsonl", "--no-keywords", "a.txt", "b.txt", cwd=tmp_path
        ).stdout.splitlines()
    )
    last = screen.strip().splitlines()[-1]
    assert last == f"gkparse: 3 files, 1 failed, {warnings} warnings"
    assert warnings > 0
    script = run("-o", "out", "--no-keywords", "a.txt", "b.txt", "gone.txt", cwd=tmp_path)
    assert script.stderr.decode().splitlines() == ["gkparse: gone.txt: no such file"]

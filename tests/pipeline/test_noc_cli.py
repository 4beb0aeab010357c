"""`evidence noc …` through typer's CliRunner on the sub-app."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from typer.testing import CliRunner

from pipeline.cli import app as evidence
from pipeline.exit_codes import ExitCode
from pipeline.noc_data import OFFICIAL_FILES

SHARED = str((Path(__file__).parents[2] / ".." / "shared" / "data" / "noc2021").resolve())
runner = CliRunner()
app = evidence  # `evidence noc ...` through the boundary that maps errors to exit codes


def test_match_json_from_file(tmp_path: Path) -> None:
    duties = tmp_path / "duties.txt"
    duties.write_text(
        "• Drive tractor-trailers across Canada hauling dry freight\n"
        "- Inspect the truck before and after each trip\n"
        "\n"
        "3. Keep electronic logs of driving hours\n",
        encoding="utf-8",
    )
    args = ["noc", "match", "--title", "AZ Driver", "--duties", str(duties), "--json"]
    result = runner.invoke(app, [*args, "--claimed", "7511", "--noc-data", SHARED])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    match = payload["match"]
    assert match["candidates"][0]["code"] == "73300"
    assert match["duties"][0] == "Drive tractor-trailers across Canada hauling dry freight"
    assert len(match["duties"]) == 3
    assert match["claimed"]["version"] == "2016" and match["claimed"]["codes"] == ["73300"]
    assert payload["copying"]["copied"] == 0


def test_match_reads_stdin_and_prints_table() -> None:
    result = runner.invoke(app, ["noc", "match", "--title", "Cashier", "--noc-data", SHARED],
        input="Scan groceries and take cash and card payments\nCount the till at shift end\n",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "65100" in result.stdout and "Cashiers" in result.stdout


def test_match_without_input_is_bad_arguments() -> None:
    result = runner.invoke(app, ["noc", "match", "--noc-data", SHARED], input="")
    assert result.exit_code == ExitCode.BAD_INPUT


def test_show_unit_group_and_2016_code() -> None:
    result = runner.invoke(app, ["noc", "show", "64301", "--noc-data", SHARED], terminal_width=200)
    assert result.exit_code == 0, result.output
    assert "Bartenders" in result.stdout and "TEER 4" in result.stdout
    assert "perform some or all" not in result.stdout
    split = runner.invoke(app, ["noc", "show", "2174", "--noc-data", SHARED], terminal_width=200)
    assert split.exit_code == 0
    assert all(code in split.stdout for code in ("21230", "21232", "21234"))


def test_show_unknown_code() -> None:
    result = runner.invoke(app, ["noc", "show", "99999", "--noc-data", SHARED])
    assert result.exit_code == ExitCode.BAD_INPUT


def test_search_by_title_words() -> None:
    result = runner.invoke(app, ["noc", "search", "registered nurse", "--noc-data", SHARED],
                           terminal_width=200)  # fmt: skip
    assert result.exit_code == 0, result.output
    first_row = next(line for line in result.stdout.splitlines() if "3130" in line)
    assert "31301" in first_row


def test_missing_data_exit_code(tmp_path: Path) -> None:
    result = runner.invoke(app, ["noc", "show", "21232", "--noc-data", str(tmp_path)])
    assert result.exit_code == ExitCode.MISSING_DEPENDENCY
    assert "evidence noc install" in result.output


def test_install_refuses_modified_file(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    for spec in OFFICIAL_FILES:
        shutil.copyfile(Path(SHARED) / spec.name, src / spec.name)
    path = src / OFFICIAL_FILES[0].name
    data = bytearray(path.read_bytes())
    data[-2] ^= 0x20
    path.write_bytes(bytes(data))
    result = runner.invoke(
        app, ["noc", "install", str(src), "--quiet", "--target", str(tmp_path / "t")]
    )
    assert result.exit_code == ExitCode.BAD_INPUT
    assert "pinned SHA-256" in result.output


def test_install_quiet_twice(tmp_path: Path) -> None:
    args = ["noc", "install", SHARED, "--quiet", "--target", str(tmp_path / "t")]
    first = runner.invoke(app, args)
    second = runner.invoke(app, args)
    assert first.exit_code == 0 and second.exit_code == 0
    assert second.output == ""

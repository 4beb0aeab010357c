"""NOC data on disk: reading the files as published, pinned hashes, install, index cache."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest

from pipeline.noc_data import (
    ENV_VAR,
    FRENCH_FILE,
    OFFICIAL_FILES,
    NocDataError,
    NocSourceError,
    install,
    load_index,
    read_csv_rows,
    resolve_data_dir,
    status,
    verify_folder,
)

SHARED = (Path(__file__).parents[2] / ".." / "shared" / "data" / "noc2021").resolve()


def _copy_official(dest: Path) -> Path:
    dest.mkdir()
    for spec in OFFICIAL_FILES:
        shutil.copyfile(SHARED / spec.name, dest / spec.name)
    return dest


def test_bom_stripped_and_codes_kept_as_strings() -> None:
    structure = read_csv_rows(SHARED / OFFICIAL_FILES[0].name)
    assert next(iter(structure[0])) == "Level"  # not "\ufeffLevel"
    unit = next(r for r in structure if r["Level"] == "5")
    assert unit["Code - NOC 2021 V1.0"] == "00010"
    conc = read_csv_rows(SHARED / OFFICIAL_FILES[2].name)
    assert " GSIM Type of Change" in conc[0]  # the published header's leading space
    assert conc[0]["NOC 2016 V1.3 Code"] == "11"  # this copy lost its zeros; the index pads


def test_elements_trailing_space_and_crlf_as_published() -> None:
    rows = read_csv_rows(SHARED / OFFICIAL_FILES[1].name)
    assert len(rows) == 44037
    assert rows[0]["Element Description English"] == "cabinet minister "
    exclusion = next(r for r in rows if r["Element Type Label English"] == "Exclusion(s)")
    assert not exclusion["Element Description English"].endswith(" ")


def test_verify_accepts_the_shared_folder() -> None:
    found = verify_folder(SHARED)
    assert set(found) == {"structure", "elements", "concordance"}


def test_install_refuses_a_changed_byte(tmp_path: Path) -> None:
    source = _copy_official(tmp_path / "src")
    elements = source / OFFICIAL_FILES[1].name
    data = bytearray(elements.read_bytes())
    data[1000] ^= 0x01
    elements.write_bytes(bytes(data))
    with pytest.raises(NocSourceError, match=r"pinned SHA-256 of the official elements file"):
        install([source], target=tmp_path / "target", cache_dir=tmp_path / "cache")
    assert not (tmp_path / "target").exists()


def test_install_is_idempotent_and_fast_when_installed(tmp_path: Path) -> None:
    target = tmp_path / "noc2021"
    first = install([SHARED], target=target)  # default cache: shared with load_index
    assert not first.already_installed
    # The official files, and the optional French class titles found in the source's derived/.
    official = {s.name for s in OFFICIAL_FILES}
    assert {p.name for p in target.iterdir()} == official | {FRENCH_FILE.name}
    assert load_index(target).french is not None
    t0 = time.perf_counter()
    second = install([str(SHARED)], target=target)
    assert second.already_installed
    assert time.perf_counter() - t0 < 1.0
    assert len(load_index(target).groups) == 516


def test_renamed_download_is_recognised_by_hash(tmp_path: Path) -> None:
    source = _copy_official(tmp_path / "src")
    (source / OFFICIAL_FILES[2].name).rename(source / "download (3).csv")
    found = verify_folder(source)
    assert found["concordance"][0].name == "download (3).csv"


def test_missing_file_is_reported(tmp_path: Path) -> None:
    source = _copy_official(tmp_path / "src")
    (source / OFFICIAL_FILES[0].name).unlink()
    with pytest.raises(NocDataError, match="classification_structure"):
        verify_folder(source)


def test_resolution_order(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "from-env"))
    assert resolve_data_dir(None) == tmp_path / "from-env"
    assert resolve_data_dir(tmp_path / "flag") == tmp_path / "flag"
    monkeypatch.delenv(ENV_VAR)
    assert resolve_data_dir(None).parts[-2:] == ("evidence", "noc2021")


def test_status_for_doctor(tmp_path: Path) -> None:
    good = status(SHARED)
    assert good.ok and good.path == SHARED
    bad = status(tmp_path / "nowhere")
    assert not bad.ok and "evidence noc install" in bad.message


def test_index_cache_is_keyed_and_reused(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    load_index(SHARED, cache_dir=cache)
    files = list(cache.glob("index-*.pickle"))
    assert len(files) == 1
    t0 = time.perf_counter()
    again = load_index(SHARED, cache_dir=cache)
    assert time.perf_counter() - t0 < 0.5
    assert again.group("31301").title == "Registered nurses and registered psychiatric nurses"

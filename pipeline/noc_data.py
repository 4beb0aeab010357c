"""NOC 2021 data on disk: locate, verify (pinned SHA-256), install, and load the compiled index.

The official files are never part of the project. They live in a data directory chosen by
``--noc-data DIR``, else ``$EVIDENCE_NOC_DATA``, else the user data directory that
``evidence noc install SOURCE`` fills. The compiled index is pickled in the user cache directory,
keyed by the files' hashes and the index code version, so later starts skip CSV parsing.
"""

from __future__ import annotations

import contextlib
import csv
import hashlib
import os
import pickle
import tempfile
import urllib.parse
import urllib.request
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import platformdirs
from pydantic import BaseModel, ConfigDict

from pipeline.exit_codes import BadInput, MissingDependency

if TYPE_CHECKING:
    from nlp_models.noc.index import NocIndex

ENV_VAR = "EVIDENCE_NOC_DATA"
APP_NAME = "evidence"
INSTALL_SUBDIR = "noc2021"
MAX_DOWNLOAD_BYTES = 50_000_000


@dataclass(frozen=True, slots=True)
class OfficialFile:
    role: str
    name: str
    sha256: frozenset[str]  # every byte-exact published variant that is accepted


# Hashes from shared/data/noc2021/README.md. The elements file circulates with CRLF (as Statistics
# Canada distributes it) and with LF (a git-normalised copy); both are the same CSV content.
OFFICIAL_FILES: tuple[OfficialFile, ...] = (
    OfficialFile(
        "structure",
        "noc_2021_version_1.0_-_classification_structure.csv",
        frozenset({"186bf1dce249a6b8cd0d87f6f52bfe6c700d6577e08216f5b1f7d4242e051071"}),
    ),
    OfficialFile(
        "elements",
        "noc_2021_version_1.0_-_elements.csv",
        frozenset(
            {
                "50c3e31a90b0150cc5b8efd29ec020c2fd9ea5fc5b0a171ed65d3cd9a0abf32f",
                "d49094a513b93b30cb4f1cdec7499b6937cc729ee7f07245f0b40954c9048698",
            }
        ),
    ),
    OfficialFile(
        "concordance",
        "noc2016v1_3-noc2021v1_0-eng.csv",
        frozenset({"0a8375082e3a297910fbebadd4d44fd831300df3d5c04edec0b8a1d6b37172f1"}),
    ),
)


# French class titles and definitions (shared/data/noc2021/README.md §4, labelled derived: the
# official English and French structure files joined row by row). Optional: without it French
# letters are not matched.
FRENCH_FILE = OfficialFile(
    "french",
    "cannocdata_classes_en_fr.csv",
    frozenset({"941d01f84fa6b60b7c4f4b55bf8f3bd9a498f5a702fe8ec1f86691cb0c5996e7"}),
)


def find_french(folder: Path) -> tuple[Path, str] | None:
    """The bilingual class file beside the official files (or in ``derived/``), if verified."""
    for path in (folder / FRENCH_FILE.name, folder / "derived" / FRENCH_FILE.name):
        if path.is_file():
            digest = sha256_file(path)
            if digest in FRENCH_FILE.sha256:
                return path, digest
    return None


class NocDataError(MissingDependency):
    """The NOC data is missing, unverifiable or unreadable; the message says what to do."""


class NocSourceError(BadInput):
    """`evidence noc install` was given a source that is not the official files."""


class NocDataStatus(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    ok: bool
    path: Path | None
    message: str


class InstallResult(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    path: Path
    already_installed: bool
    files: tuple[str, ...]
    index_path: Path


def default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME)) / INSTALL_SUBDIR


def default_cache_dir() -> Path:
    return Path(platformdirs.user_cache_dir(APP_NAME)) / "noc"


def resolve_data_dir(noc_data: Path | None = None) -> Path:
    """``--noc-data``, else ``$EVIDENCE_NOC_DATA``, else the installed user data directory."""
    if noc_data is not None:
        return Path(noc_data).expanduser()
    env = os.environ.get(ENV_VAR, "").strip()
    if env:
        return Path(env).expanduser()
    return default_data_dir()


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _hash_mismatch(spec: OfficialFile, path: Path, got: str) -> NocDataError:
    return NocDataError(
        f"{path} does not match the pinned SHA-256 of the official {spec.role} file "
        f"(got {got}, expected {' or '.join(sorted(spec.sha256))}). The file was modified or is "
        "another version; download NOC 2021 V1.0 again from Statistics Canada."
    )


def verify_folder(folder: Path) -> dict[str, tuple[Path, str]]:
    """Find and verify the three official files in ``folder``: role -> (path, sha256).

    Files are looked up by their published names; a renamed download is recognised by its hash.
    """
    if not folder.is_dir():
        raise NocDataError(
            f"NOC data folder {folder} not found. Run `evidence noc install SOURCE`, "
            f"or pass --noc-data DIR, or set {ENV_VAR}."
        )
    found: dict[str, tuple[Path, str]] = {}
    missing: list[OfficialFile] = []
    for spec in OFFICIAL_FILES:
        path = folder / spec.name
        if path.is_file():
            got = sha256_file(path)
            if got not in spec.sha256:
                raise _hash_mismatch(spec, path, got)
            found[spec.role] = (path, got)
        else:
            missing.append(spec)
    if missing:
        by_hash = {h: s for s in missing for h in s.sha256}
        for path in sorted(folder.glob("*.csv")):
            got = sha256_file(path)
            if got in by_hash:
                found.setdefault(by_hash[got].role, (path, got))
    absent = [s.name for s in OFFICIAL_FILES if s.role not in found]
    if absent:
        raise NocDataError(
            f"{folder} lacks the official NOC file(s): {', '.join(absent)}. "
            "Run `evidence noc install SOURCE` (a folder with the official NOC 2021 V1.0 CSVs, "
            f"or their download URLs), or pass --noc-data DIR, or set {ENV_VAR}."
        )
    return found


def read_csv_rows(path: Path) -> list[dict[str, str]]:
    """Rows of an official CSV: UTF-8 with BOM, every value kept as a string (leading zeros)."""
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def _embedding_model() -> str:
    """Which embedding model the index carries vectors of ("lexical" when none is installed)."""
    from nlp_models.noc.embedding import MODEL, available

    return MODEL if available() else "lexical"


def _cache_key(hashes: Sequence[str]) -> str:
    from nlp_models.noc.index import INDEX_VERSION  # the index (numpy) loads only when used

    material = "|".join(
        [f"v{INDEX_VERSION}", f"p{pickle.HIGHEST_PROTOCOL}", _embedding_model(), *sorted(hashes)]
    )
    return hashlib.sha256(material.encode()).hexdigest()[:24]


def _index_path(cache_dir: Path, hashes: Sequence[str]) -> Path:
    return cache_dir / f"index-{_cache_key(hashes)}.pickle"


def _atomic_write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def build_from_folder(files: dict[str, tuple[Path, str]]) -> NocIndex:
    from nlp_models.noc.embedding import MODEL, load_embedder
    from nlp_models.noc.index import build_index

    french = files.get("french")
    return build_index(
        read_csv_rows(files["structure"][0]),
        read_csv_rows(files["elements"][0]),
        read_csv_rows(files["concordance"][0]),
        embed=load_embedder(),
        embed_model=MODEL,
        french_rows=read_csv_rows(french[0]) if french else None,
    )


def _load_cached(path: Path) -> NocIndex | None:
    from nlp_models.noc.index import INDEX_VERSION, NocIndex

    try:
        with path.open("rb") as fh:
            # Our own cache file, written by _compile below from verified official data.
            index = pickle.load(fh)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError):
        return None
    return index if isinstance(index, NocIndex) and index.version == INDEX_VERSION else None


def _compile(files: dict[str, tuple[Path, str]], cache_dir: Path) -> tuple[NocIndex, Path]:
    path = _index_path(cache_dir, [h for _, h in files.values()])
    cached = _load_cached(path) if path.is_file() else None
    if cached is not None:
        return cached, path
    index = build_from_folder(files)
    with contextlib.suppress(OSError):  # a read-only cache only costs speed
        _atomic_write(path, pickle.dumps(index, protocol=pickle.HIGHEST_PROTOCOL))
        for stale in cache_dir.glob("index-*.pickle"):  # older data or index versions
            if stale != path:
                stale.unlink(missing_ok=True)
    return index, path


# This process's index, keyed by where it was read from and the files' sizes and times: a batch
# worker (a Dask worker, a case forked from a warm fork server) loads it once, not once per case.
_loaded: dict[tuple, NocIndex] = {}


def load_index(noc_data: Path | None = None, *, cache_dir: Path | None = None) -> NocIndex:
    """The compiled NOC 2021 index (verified files; built once, then loaded from the cache)."""
    folder = resolve_data_dir(noc_data)
    cache = cache_dir or default_cache_dir()
    key = (folder, cache, _stat_signature(folder))
    if key not in _loaded:
        index = _compile(_with_french(folder, verify_folder(folder)), cache)[0]
        _loaded.clear()
        _loaded[key] = index
    return _loaded[key]


def _stat_signature(folder: Path) -> tuple:
    """Name, size and modification time of the data files: a changed file is verified again."""
    try:
        paths = [*folder.glob("*.csv"), *folder.glob("derived/*.csv")]
        return tuple(sorted((str(p), p.stat().st_size, p.stat().st_mtime_ns) for p in paths))
    except OSError:
        return ()


def _with_french(folder: Path, files: dict[str, tuple[Path, str]]) -> dict[str, tuple[Path, str]]:
    french = find_french(folder)
    return {**files, "french": french} if french is not None else files


def status(noc_data: Path | None = None) -> NocDataStatus:
    """Whether the NOC data is usable, for `evidence doctor`."""
    folder = resolve_data_dir(noc_data)
    try:
        files = _with_french(folder, verify_folder(folder))
    except NocDataError as exc:
        return NocDataStatus(ok=False, path=folder, message=str(exc))
    compiled = _index_path(default_cache_dir(), [h for _, h in files.values()]).is_file()
    note = "compiled index cached" if compiled else "index will be compiled on first use"
    return NocDataStatus(ok=True, path=folder, message=f"NOC 2021 V1.0 files verified; {note}")


def _download(urls: Sequence[str], dest: Path, progress: Callable[[str], None]) -> None:
    """Fetch each URL (a file, or a folder URL ending in "/" for the three published names)."""
    targets: list[str] = []
    for url in urls:
        if url.endswith("/"):
            targets.extend(urllib.parse.urljoin(url, spec.name) for spec in OFFICIAL_FILES)
        else:
            targets.append(url)
    for i, url in enumerate(targets):
        name = Path(urllib.parse.urlparse(url).path).name or f"download-{i}.csv"
        progress(f"downloading {url}")
        try:
            with urllib.request.urlopen(url, timeout=60) as resp:
                data = resp.read(MAX_DOWNLOAD_BYTES + 1)
        except OSError as exc:
            raise NocSourceError(f"could not download {url}: {exc}") from exc
        if len(data) > MAX_DOWNLOAD_BYTES:
            raise NocSourceError(f"{url} is larger than {MAX_DOWNLOAD_BYTES} bytes; not a NOC file")
        (dest / f"{i:02d}-{name}").write_bytes(data)


def install(
    sources: Sequence[str | Path],
    *,
    target: Path | None = None,
    cache_dir: Path | None = None,
    progress: Callable[[str], None] = lambda _msg: None,
) -> InstallResult:
    """Verify the official files from a folder or URLs, copy them into ``target`` and compile.

    Idempotent: when ``target`` already holds the verified files and the compiled index is
    cached, nothing is copied or rebuilt.
    """
    target = target or resolve_data_dir(None)
    cache_dir = cache_dir or default_cache_dir()
    if not sources:
        raise NocSourceError("give a folder with the official NOC files, or their download URLs")
    with tempfile.TemporaryDirectory(prefix="evidence-noc-") as tmp:
        texts = [str(s) for s in sources]
        if all(t.startswith(("http://", "https://")) for t in texts):
            _download(texts, Path(tmp), progress)
            source = Path(tmp)
        elif len(texts) == 1:
            source = Path(texts[0]).expanduser()
        else:
            raise NocSourceError("give one folder, or one or more http(s) URLs")
        try:
            files = verify_folder(source)
        except NocDataError as exc:  # here the files given are wrong, not a missing install
            raise NocSourceError(str(exc)) from exc
        progress(f"verified {len(files)} official files in {source}")
        french = find_french(source)
        already = _same_files(target, files) and (french is None or find_french(target) is not None)
        if not already:
            target.mkdir(parents=True, exist_ok=True)
            for spec in OFFICIAL_FILES:
                _atomic_write(target / spec.name, files[spec.role][0].read_bytes())
            if french is not None:  # optional: French titles and lead statements
                _atomic_write(target / FRENCH_FILE.name, french[0].read_bytes())
            progress(f"copied to {target}")
    installed = _with_french(target, verify_folder(target))
    index_path = _index_path(cache_dir, [h for _, h in installed.values()])
    if not (already and _load_cached(index_path) is not None):
        _, index_path = _compile(installed, cache_dir)
        progress(f"compiled index {index_path}")
    return InstallResult(
        path=target,
        already_installed=already and index_path.is_file(),
        files=tuple(spec.name for spec in OFFICIAL_FILES),
        index_path=index_path,
    )


def _same_files(target: Path, files: dict[str, tuple[Path, str]]) -> bool:
    for spec in OFFICIAL_FILES:
        path = target / spec.name
        if not path.is_file() or sha256_file(path) != files[spec.role][1]:
            return False
    return True

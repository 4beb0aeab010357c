"""Tesseract in this process (tesserocr, its C API), one engine per language set and thread.

The command line (pytesseract) starts a process and loads the language model for every call:
on a 300-dpi letter page 1.24 s against 0.70 s here, and a vertical page's orientation band
cost about 0.4 s of loading alone. The language data is the system's (`apt-get install
tesseract-ocr-eng tesseract-ocr-fra tesseract-ocr-osd`), found by `TESSDATA_PREFIX` or by asking
the `tesseract` command where its data lives.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import threading
from functools import cache
from pathlib import Path

from PIL import Image

from extractors.errors import OcrUnavailable

# (text, confidence, (left, top, width, height), (block, paragraph, line))
OcrWord = tuple[str, float, tuple[int, int, int, int], tuple[int, int, int]]

_LIST_DIR = re.compile(r'List of available languages in "([^"]+)"')
_local = threading.local()


class OcrTimeout(RuntimeError):
    pass


@cache
def tessdata_dir() -> Path | None:
    """The folder holding the `.traineddata` files: `TESSDATA_PREFIX`, else where the installed
    `tesseract` command keeps them; None when neither is there (Tesseract is not installed)."""
    candidates = [os.environ.get("TESSDATA_PREFIX", "")]
    if shutil.which("tesseract"):
        try:
            out = subprocess.run(
                ["tesseract", "--list-langs"], capture_output=True, text=True, timeout=30
            )
            found = _LIST_DIR.search(out.stdout + out.stderr)
            candidates.append(found.group(1) if found else "")
        except (OSError, subprocess.SubprocessError):
            pass
    for folder in candidates:
        if folder and (Path(folder) / "eng.traineddata").is_file():
            return Path(folder)
    return None


def languages() -> set[str]:
    folder = tessdata_dir()
    return {p.stem for p in folder.glob("*.traineddata")} if folder else set()


def available() -> bool:
    try:
        import tesserocr  # noqa: F401
    except ImportError:
        return False
    return tessdata_dir() is not None


def version() -> str:
    import tesserocr

    return tesserocr.tesseract_version().split()[1]


def _engine(lang: str):  # -> tesserocr.PyTessBaseAPI
    # A forked process keeps the engines of the thread that forked it: it has that thread alone
    # and its own copy of their memory, and one OpenMP thread (OMP_THREAD_LIMIT=1, set before
    # Tesseract loads) leaves no thread pool behind to break on fork.
    engines = getattr(_local, "engines", None)
    forked = getattr(_local, "pid", None) != os.getpid()
    if engines is None or (forked and os.environ.get("OMP_THREAD_LIMIT") != "1"):
        engines = _local.engines = {}
    _local.pid = os.getpid()
    if lang not in engines:
        import tesserocr

        folder = tessdata_dir()
        if folder is None:
            raise OcrUnavailable("no Tesseract language data (tessdata) found")
        missing = set(lang.split("+")) - languages()
        if missing:
            raise OcrUnavailable(f"Tesseract language data missing: {', '.join(sorted(missing))}")
        engines[lang] = tesserocr.PyTessBaseAPI(path=f"{folder}/", lang=lang)
    return engines[lang]


def warm(langs: tuple[str, ...]) -> None:
    """Build the engines for `langs` now and read one blank page with each, so that processes
    forked afterwards (a batch's cases) start with them loaded; silently nothing without
    Tesseract."""
    if not available() or os.environ.get("OMP_THREAD_LIMIT") != "1":
        return
    page = Image.new("L", (64, 64), 255)
    for lang in langs:
        if set(lang.split("+")) <= languages():
            _engine(lang) if lang == "osd" else read_words(page, lang, 6, 300, 30)


def read_words(image: Image.Image, lang: str, psm: int, dpi: float, timeout: float) -> list:
    """The words Tesseract reads on `image`, each with its confidence, box and line."""
    import tesserocr

    api = _engine(lang)
    # Tesseract adapts its classifier to the pages it has read: each page starts fresh, so a
    # page reads the same whatever this process read before (as with the command).
    api.ClearAdaptiveClassifier()
    api.SetPageSegMode(psm)
    api.SetImage(image)
    api.SetSourceResolution(round(dpi))  # without it small text is dropped as noise
    if not api.Recognize(timeout=round(timeout * 1000)):
        api.Clear()
        raise OcrTimeout(f"Tesseract stopped after {timeout:g} s")
    words: list[OcrWord] = []
    level = tesserocr.RIL.WORD
    block = par = line = 0
    iterator = api.GetIterator()
    if iterator is not None:
        for word in tesserocr.iterate_level(iterator, level):
            if word.IsAtBeginningOf(tesserocr.RIL.BLOCK):
                block, par, line = block + 1, 0, 0
            if word.IsAtBeginningOf(tesserocr.RIL.PARA):
                par, line = par + 1, 0
            if word.IsAtBeginningOf(tesserocr.RIL.TEXTLINE):
                line += 1
            try:
                text = (word.GetUTF8Text(level) or "").strip()
            except RuntimeError:  # an empty page's iterator has a word without text
                continue
            box = word.BoundingBox(level)
            if not text or box is None:
                continue
            x1, y1, x2, y2 = box
            words.append((text, float(word.Confidence(level)), (x1, y1, x2 - x1, y2 - y1),
                          (block, par, line)))  # fmt: skip
    api.Clear()
    return words


def osd_rotation(image: Image.Image) -> int | None:
    """Degrees clockwise the page must be turned to be upright (as `tesseract --psm 0` says
    "Rotate: N"), or None when it cannot tell."""
    import tesserocr

    if "osd" not in languages():
        return None
    api = _engine("osd")
    api.SetPageSegMode(tesserocr.PSM.OSD_ONLY)
    api.SetImage(image)
    try:
        found = api.DetectOrientationScript()
    except RuntimeError:
        found = None
    api.Clear()
    if not found:
        return None
    return (360 - int(found["orient_deg"])) % 360

"""Cheap page geometry from pixels: are text lines horizontal, and how skewed are they?

Text lines make the ink profile across them spiky; we rotate a small binarised copy through a few
angles and keep the angle (and axis) whose profile is spikiest. Costs ~50 ms a page, far less than
asking Tesseract, and tells a 90°-turned page from an upright one before any OCR is spent.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PIL import Image

_WORK_HEIGHT = 900  # pixels of the thumbnail the estimate runs on


@dataclass(frozen=True)
class Layout:
    vertical: bool  # text lines run top-to-bottom: the page is turned by 90° or 270°
    skew: float  # degrees to rotate counter-clockwise (PIL convention) to level the lines
    ruled: bool  # long straight rules (a table grid, underlines) are on the page


def _ink(gray: Image.Image) -> Image.Image:
    scale = _WORK_HEIGHT / max(gray.height, gray.width)
    small = gray.resize(
        (max(1, int(gray.width * scale)), max(1, int(gray.height * scale))), Image.BILINEAR
    )
    arr = np.asarray(small, dtype=np.uint8)
    threshold = min(int(arr.mean()) - 30, 160)
    return Image.fromarray(((arr < threshold) * 255).astype(np.uint8))


def _scores(ink: Image.Image, angle: float) -> tuple[float, float]:
    """Spikiness of the ink profile down the rows and across the columns, at `angle`."""
    rotated = np.asarray(ink.rotate(angle, resample=Image.NEAREST, fillcolor=0), np.float32)
    rows, cols = rotated.sum(axis=1), rotated.sum(axis=0)
    return float(np.square(np.diff(rows)).sum()), float(np.square(np.diff(cols)).sum())


def estimate_layout(gray: Image.Image, max_skew: float = 5.0) -> Layout:
    ink = _ink(gray)
    arr = np.asarray(ink) > 0
    if not arr.any():
        return Layout(vertical=False, skew=0.0, ruled=False)
    # A rule half an inch long, on the thumbnail (its resolution is ~_WORK_HEIGHT / 11 dpi).
    thumb_dpi = _WORK_HEIGHT / 11.0
    ruled = has_rules(arr, int(thumb_dpi / 2))
    coarse = np.arange(-max_skew, max_skew + 0.01, 1.0)
    scored = [(a, *_scores(ink, a)) for a in coarse]
    horizontal = max(s[1] for s in scored)
    vertical = max(s[2] for s in scored)
    is_vertical = vertical > horizontal * 1.3
    if is_vertical:
        ink = ink.rotate(90, expand=True)
        scored = [(a, *_scores(ink, a)) for a in coarse]
    best = max(scored, key=lambda s: s[1])[0]
    fine = np.arange(best - 0.75, best + 0.76, 0.25)
    skew = max(fine, key=lambda a: _scores(ink, a)[0])
    return Layout(vertical=is_vertical, skew=round(float(skew), 2), ruled=ruled)


_BLOCK = 4  # runs are searched on 4-pixel blocks: 16× less work, same rules found


def _block_runs(blocks: np.ndarray, n: int) -> np.ndarray:
    """Blocks (along the last axis) that lie on a run of at least `n` consecutive full blocks."""
    width = blocks.shape[-1]
    on = np.zeros(blocks.shape, dtype=bool)
    if width < n:
        return on
    zero = np.zeros((*blocks.shape[:-1], 1), np.int16)
    csum = np.concatenate([zero, np.cumsum(blocks, axis=-1, dtype=np.int16)], axis=-1)
    starts = np.zeros(blocks.shape, np.int16)
    starts[..., : width - n + 1] = (csum[..., n:] - csum[..., :-n]) == n
    # Block j is covered when some full window starts in [j - n + 1, j].
    marks = np.concatenate([zero, np.cumsum(starts, axis=-1, dtype=np.int16)], axis=-1)
    low = np.maximum(np.arange(width) - n + 1, 0)
    on = (marks[..., 1:] - marks[..., low]) > 0
    # Widen by one block each way: a rule's ends are rarely block-aligned.
    on[..., 1:] |= on[..., :-1].copy()
    on[..., :-1] |= on[..., 1:].copy()
    return on


def _horizontal(ink: np.ndarray, length: int) -> np.ndarray:
    """Per pixel row, per block of columns: on a horizontal run of `length` ink pixels."""
    full = ink.shape[1] // _BLOCK * _BLOCK
    # Strided ANDs: numpy's .all() over a 4-wide axis is several times slower.
    blocks = ink[:, 0:full:_BLOCK].copy()
    for k in range(1, _BLOCK):
        blocks &= ink[:, k:full:_BLOCK]
    return _block_runs(blocks, max(2, length // _BLOCK - 1))


def _vertical(ink: np.ndarray, length: int) -> np.ndarray:
    """Per block of rows, per pixel column: on a vertical run of `length` ink pixels."""
    full = ink.shape[0] // _BLOCK * _BLOCK
    blocks = ink[0:full:_BLOCK].copy()
    for k in range(1, _BLOCK):
        blocks &= ink[k:full:_BLOCK]
    return _block_runs(blocks.T, max(2, length // _BLOCK - 1)).T


def has_rules(ink: np.ndarray, length: int) -> bool:
    return bool(_horizontal(ink, length).any() or _vertical(ink, length).any())


def erase_rulings(gray: Image.Image, dpi: float) -> tuple[Image.Image, bool]:
    """Whiten table rules and underlines: Tesseract reads grid lines as `|`, `[` and worse,
    and drops whole rows beside them (measured on pay stubs: 0.35 → 0.998 character accuracy).
    Returns the cleaned image and whether any rule was found. Only the pixel rows and columns
    that carry a rule are touched, so a page costs ~30 ms, not a full-page mask pass."""
    arr = np.array(gray, dtype=np.uint8)  # a writable copy
    ink = arr < 128
    length = max(24, int(dpi * 0.5))  # half an inch: far longer than any stroke of a letter
    height, width = arr.shape
    found = False
    horizontal = _horizontal(ink, length)
    rows = np.flatnonzero(horizontal.any(axis=1))
    if rows.size:
        found = True
        for shift in (-2, -1, 0, 1, 2):  # scanned rules are blurred a pixel or two across
            target = np.clip(rows + shift, 0, height - 1)
            cols = np.repeat(horizontal[rows], _BLOCK, axis=1)
            band = arr[target, : cols.shape[1]]
            band[cols & (band < 200)] = 255
            arr[target, : cols.shape[1]] = band
    vertical = _vertical(ink, length)
    cols_hit = np.flatnonzero(vertical.any(axis=0))
    if cols_hit.size:
        found = True
        for shift in (-2, -1, 0, 1, 2):
            target = np.clip(cols_hit + shift, 0, width - 1)
            rows_mask = np.repeat(vertical[:, cols_hit], _BLOCK, axis=0)
            band = arr[: rows_mask.shape[0], target]
            band[rows_mask & (band < 200)] = 255
            arr[: rows_mask.shape[0], target] = band
    if not found:
        return gray, False
    return Image.fromarray(arr), True


def binarise(gray: Image.Image) -> Image.Image:
    """Otsu's threshold, as Tesseract would pick it; a 1-bit page OCRs ~14% faster (measured)."""
    arr = np.asarray(gray, dtype=np.uint8)
    hist = np.bincount(arr.ravel(), minlength=256).astype(np.float64)
    levels = np.arange(256, dtype=np.float64)
    weight = np.cumsum(hist)
    mass = np.cumsum(hist * levels)
    total, total_mass = weight[-1], mass[-1]
    background = total - weight
    with np.errstate(divide="ignore", invalid="ignore"):
        between = (total_mass * weight - mass * total) ** 2 / (weight * background)
    candidates = np.where(background > 0, between, np.nan)
    if np.isnan(candidates).all():  # one grey level (a blank page): nothing to separate
        return Image.fromarray(arr < 128).convert("1") if arr.size else gray.convert("1")
    threshold = int(np.nanargmax(candidates))
    return Image.fromarray(arr > threshold).convert("1")

"""Benchmarks (`make bench`). Importing the tool's I/O package first gives every bench the
process settings `evidence` runs with (pipeline/__init__.py)."""

import pipeline  # noqa: F401

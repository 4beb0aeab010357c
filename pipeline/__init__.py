"""The I/O layer: discovery, reading, caching, reports and the `evidence` command."""

import os

# One BLAS thread. The NOC matcher's products are small (1-8 rows of 64 against 28,000): a
# thread per core gains nothing on them and, with two audits or workers on two cores, the
# threads fight (a match took 29 ms instead of 16 ms). Set before numpy is first imported;
# a value the user exported wins.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

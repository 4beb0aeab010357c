"""`evidence batch CASES_DIR --out DIR`: audit every case folder, one process (or Dask task) per
case.

- One JSON report (and optionally HTML) per case in DIR, plus `summary.csv` and `summary.jsonl`.
- Resumable: a case whose files and settings are unchanged since its last finished run is skipped
  (its fingerprint is kept in `DIR/.batch/CASE.json`). Failed or timed-out cases are retried.
- One bad case never stops the batch: a crash, a bad `case.toml` or a timeout is that case's row.
- Where cases run: the local pool (`--jobs N`), a Dask LocalCluster (`--scheduler local:N`) or a
  running dask.distributed scheduler (`--scheduler tcp://host:8786`); the summaries are the same.
- Exit code: the worst over the cases (0 clean; 1 findings; 2 a case could not be read; 3 a
  missing dependency; 4 a case crashed or timed out).
"""

from pipeline.batch.command import batch_command
from pipeline.batch.models import BatchOptions, BatchResult, CaseResult
from pipeline.batch.run import run_batch
from pipeline.batch.state import find_cases

__all__ = ["BatchOptions", "BatchResult", "CaseResult", "batch_command", "find_cases", "run_batch"]

"""Shared hypothesis settings for the readers' fuzz tests (issue 12).

CI runs a bounded number of examples; ``NN_REVIEW_FUZZ_EXAMPLES=5000 bash scripts/test.sh -k fuzz``
runs more. No deadline: a slow example is not a failure here (speed lives in benchmarks/),
and the tests assert on exceptions, files and memory instead.
"""

from __future__ import annotations

import os
import resource
import tracemalloc
from contextlib import contextmanager
from pathlib import Path

from hypothesis import HealthCheck, settings

EXAMPLES = int(os.environ.get("NN_REVIEW_FUZZ_EXAMPLES", "60"))

FUZZ = settings(max_examples=EXAMPLES, deadline=None, derandomize=not os.environ.get("NN_REVIEW_FUZZ_RANDOM"),
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                       HealthCheck.function_scoped_fixture, HealthCheck.filter_too_much])


@contextmanager
def bounded_memory(limit_mb: int = 256):
    """Fails if Python allocations while the block runs peak above ``limit_mb`` MiB."""
    tracemalloc.start()
    try:
        yield
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < limit_mb * 1024 * 1024, f"peak Python memory {peak / 2**20:.0f} MiB > {limit_mb} MiB"


def files_under(root: Path) -> set[Path]:
    return {p for p in Path(root).rglob("*")}


def max_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

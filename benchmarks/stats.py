"""Small statistics helpers: percentiles by nearest rank, on nanosecond samples."""

from __future__ import annotations

import math
from collections.abc import Sequence


def percentile(sorted_samples: Sequence[float], q: float) -> float:
    """Nearest-rank percentile (0 < q <= 100) of already sorted samples."""
    if not sorted_samples:
        raise ValueError("no samples")
    rank = max(1, math.ceil(q / 100 * len(sorted_samples)))
    return float(sorted_samples[rank - 1])


def summary_us(samples_ns: Sequence[int]) -> tuple[float, float]:
    """(median, p99) in microseconds."""
    ordered = sorted(samples_ns)
    return percentile(ordered, 50) / 1000, percentile(ordered, 99) / 1000

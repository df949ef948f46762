"""BLAS on one thread while ranking: on two cores, a second BLAS thread competing with another
busy thread made dense linear algebra many times slower (benchmarks/speed.py measures it).

Imported with the engine, before anything of it loads numpy: BLAS libraries loaded from then on
start with one thread (they read these variables when they load), which spares start-up
threadpoolctl (0.1 G instructions); only a numpy loaded before the engine needs it, at the first
ranking.
"""

from __future__ import annotations

import os
import sys
from functools import cache

_THREADS = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")
for _name in _THREADS:
    os.environ.setdefault(_name, "1")
_LOADED_BEFORE = "numpy" in sys.modules


@cache
def one_thread() -> None:
    """Once per process: a BLAS loaded before the engine (numpy's, imported by the host program)
    is set to one thread now. Also loads numpy, outside the timed part of the first ranking
    (scipy.sparse comes with the methods that use it, so that lead costs no scipy)."""
    import numpy  # noqa: F401

    if _LOADED_BEFORE:
        from threadpoolctl import threadpool_limits

        wanted = os.environ["OPENBLAS_NUM_THREADS"]
        threadpool_limits(limits=int(wanted) if wanted.isdigit() else 1, user_api="blas")

"""`make bench`: the one-machine shared cache's write as its directory fills — Django's FileBasedCache against
config.filecache.FileCache, side by side on the same directories.

    python benchmarks/filecache_bench.py [--sizes 100,5000,20000] [--writes 200]

FileBasedCache lists its whole directory on every set() (to cull past MAX_ENTRIES); sessions, per-visitor
figures and verdict announcements are written there, so the directory grows with a site's visitors.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")

import django  # noqa: E402

django.setup()

from django.core.cache.backends.filebased import FileBasedCache  # noqa: E402

from config.filecache import FileCache  # noqa: E402

PAYLOAD = "x" * 300  # about a session's size


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else "")
    parser.add_argument("--sizes", default="100,5000,20000", help="files already in the directory")
    parser.add_argument("--writes", type=int, default=200, help="writes timed per size and backend")
    args = parser.parse_args()
    print(f"{'files':>7} {'FileBasedCache set p50 ms':>26} {'FileCache set p50 ms':>21}")
    for size in (int(size) for size in args.sizes.split(",")):
        directory = tempfile.mkdtemp(prefix="pyprep-filecache-bench-")
        try:
            options = {"OPTIONS": {"MAX_ENTRIES": size + 10 * args.writes}}  # never culled while timed
            django_cache, ours = FileBasedCache(directory, options), FileCache(directory, options)
            for n in range(size):
                ours.set(f"fill-{n}", PAYLOAD)
            medians = []
            for backend in (django_cache, ours):
                timings = []
                for n in range(args.writes):
                    started = time.perf_counter()
                    backend.set(f"timed-{n % 50}", PAYLOAD)
                    timings.append((time.perf_counter() - started) * 1000)
                medians.append(statistics.median(timings))
            print(f"{size:>7} {medians[0]:>26.2f} {medians[1]:>21.2f}")
        finally:
            shutil.rmtree(directory, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

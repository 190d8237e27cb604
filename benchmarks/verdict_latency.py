"""Submit -> verdict on the site as `make run` serves it (granian, the judge beside it), on a copy of var/.

    uv run python benchmarks/verdict_latency.py [--runs 15]

Starts the stack on loopback, runs benchmarks/challenge_latency.py against it (the page's own long-poll on
the verdict push) and stops everything it started.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.stack import ROOT, VENV_BIN, Stack, copy_sqlite_site, site_env  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--port", type=int, default=int(os.environ.get("PYPREP_BENCH_PORT", "8471")) + 3)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="pyprep-verdict-"))
    copy_sqlite_site(ROOT / "var", work / "var")
    env = site_env(work / "var")
    stack = Stack(port=args.port, env=env, judge=True, log_dir=work)
    try:
        stack.start()
        command = [str(VENV_BIN / "python"), "benchmarks/challenge_latency.py", "--url", stack.url]
        return subprocess.run([*command, "--runs", str(args.runs)], cwd=ROOT, env=env, check=False).returncode
    finally:
        stack.stop()


if __name__ == "__main__":
    raise SystemExit(main())

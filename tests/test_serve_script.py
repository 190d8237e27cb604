"""`make run` (scripts/serve) starts the web server and the judge together, and Ctrl+C stops both."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _group_members(pgid: int) -> list[int]:
    members = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[2]) == pgid and fields[0] != "Z":
                members.append(int(entry.name))
    return members


def test_ctrl_c_stops_the_web_server_and_the_judge(tmp_path: Path) -> None:
    env = {**os.environ, "PYPREP_VAR_DIR": str(tmp_path), "DJANGO_SETTINGS_MODULE": "config.settings.prod"}
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    env.pop("DATABASE_URL", None)
    env.pop("REDIS_URL", None)
    subprocess.run([sys.executable, "manage.py", "migrate", "-v0"], cwd=ROOT, env=env, check=True)
    port = _free_port()
    serve = subprocess.Popen(
        ["scripts/serve"],
        cwd=ROOT,
        env={**env, "PYPREP_ADDR": f"127.0.0.1:{port}", "WEB_WORKERS": "1"},
        start_new_session=True,  # its own process group, like a shell job in a terminal
        # A terminal's job gets Ctrl+C with the default disposition, whatever this test runner inherited.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=2) as response:
                    assert response.status == 200
                    break
            except OSError:
                assert serve.poll() is None, "scripts/serve exited before the site came up"
                assert time.monotonic() < deadline, "the site did not come up"
                time.sleep(0.5)
        assert len(_group_members(serve.pid)) >= 3  # the script, the judge, the web server (and its workers)

        os.killpg(serve.pid, signal.SIGINT)  # what Ctrl+C in the terminal sends
        serve.wait(timeout=60)
        deadline = time.monotonic() + 15
        while _group_members(serve.pid) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert _group_members(serve.pid) == []
    finally:
        if _group_members(serve.pid):
            os.killpg(serve.pid, signal.SIGKILL)

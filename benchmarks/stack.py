"""Start and stop the site as `make run` serves it (gunicorn or granian, the judge beside it) for benchmarks.

Loopback only. Everything started here is stopped by `Stack.stop()` (also on Ctrl+C through the caller's
try/finally); nothing is left running.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import sqlite3
import subprocess
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = ROOT / ".venv" / "bin"


def cpu_count() -> int:
    return len(os.sched_getaffinity(0))


def site_env(var_dir: Path | None = None, **extra: str) -> dict[str, str]:
    """The environment `make run` gives the site: production settings over plain HTTP on loopback."""
    env = dict(os.environ)
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "config.settings.prod",
            "PYPREP_HTTPS": "0",
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
            "PYTHONUNBUFFERED": "1",
        }
    )
    if var_dir is not None:
        env["PYPREP_VAR_DIR"] = str(var_dir)
    env.update(extra)
    return env


def copy_sqlite_site(source_var: Path, target_var: Path) -> None:
    """A private copy of the site's SQLite database (content loaded), so a benchmark writes nothing real."""
    target_var.mkdir(parents=True, exist_ok=True)
    src = sqlite3.connect(source_var / "pyprep.sqlite3")
    dst = sqlite3.connect(target_var / "pyprep.sqlite3")
    with dst:
        src.backup(dst)
    src.close()
    dst.close()
    secret = source_var / "secret_key"
    if secret.exists():
        shutil.copy(secret, target_var / "secret_key")


def django_on_site_copy(prefix: str) -> None:
    """Set Django up in this process on a private copy of var/ (production settings, static files collected)."""
    var = Path(tempfile.mkdtemp(prefix=prefix))
    copy_sqlite_site(ROOT / "var", var)
    os.environ.update(site_env(var, DJANGO_ALLOWED_HOSTS="testserver"))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("collectstatic", "--noinput", verbosity=0)


def revealed_practice_card(*, username: str) -> tuple[Any, str]:
    """A user with a 20-card practice session whose first card is revealed: (user, the card's path)."""
    from django.contrib.auth import get_user_model

    from pyprep.bank.models import Question
    from pyprep.practice import services
    from pyprep.practice.models import Scope
    from pyprep.practice.ownership import Owner

    user, _ = get_user_model().objects.get_or_create(username=username)
    ids = list(Question.objects.published().filter(kind="concept").values_list("pk", flat=True))
    session = services.session_start(
        owner=Owner(user_id=user.pk), scope=Scope.FILTER, candidate_ids=ids, title=username, length=20
    )
    item = session.items.order_by("position").first()
    assert item is not None, "no question: run `make content` first"
    services.session_item_reveal(item=item, answer="a generator yields values lazily")
    return user, session.get_absolute_url()


def server_command(
    server: str,
    port: int,
    workers: int,
    threads: int,
    backpressure: int | None = None,
    extra: tuple[str, ...] = (),
) -> list[str]:
    if server == "gunicorn":
        return [
            str(VENV_BIN / "gunicorn"),
            "config.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--worker-class",
            "gthread",
            "--threads",
            str(threads),
            "--graceful-timeout",
            "5",
            "--keep-alive",
            "5",
            "--backlog",
            "2048",
        ]
    if server == "granian":
        return [
            str(VENV_BIN / "granian"),
            "--interface",
            "wsgi",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--workers",
            str(workers),
            "--blocking-threads",
            str(threads),
            "--backlog",
            "2048",
            "--no-ws",
            *(["--backpressure", str(backpressure)] if backpressure else []),
            *extra,
            "config.wsgi:application",
        ]
    raise ValueError(f"unknown server {server!r}")


@dataclass
class Stack:
    port: int
    env: dict[str, str]
    server: str = "granian"
    workers: int = field(default_factory=lambda: cpu_count() + 1)
    threads: int = 4  # as scripts/serve
    backpressure: int | None = None  # granian: requests each worker takes on at once (default: unbounded)
    extra_args: tuple[str, ...] = ()  # more of the server's options (granian: --runtime-mode st, --http 1)
    judge: bool = True
    log_dir: Path = field(default_factory=lambda: Path(tempfile.gettempdir()))
    processes: list[subprocess.Popen[bytes]] = field(default_factory=list)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def _spawn(self, name: str, command: list[str]) -> None:
        log = open(self.log_dir / f"{name}.log", "ab")  # noqa: SIM115 - closed with the process
        self.processes.append(
            # A session of its own, so stop() can signal the whole group: granian stopped while its workers
            # are still starting leaves them running otherwise.
            subprocess.Popen(
                command, cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
            )
        )

    def manage(self, *args: str) -> None:
        subprocess.run([str(VENV_BIN / "python"), "manage.py", *args], cwd=ROOT, env=self.env, check=True)

    def start(self) -> Stack:
        self.manage("collectstatic", "--noinput", "-v0")
        if self.judge:
            self._spawn("judge", [str(VENV_BIN / "python"), "manage.py", "judge"])
        self.env = {**self.env, "WEB_THREADS": str(self.threads)}  # the site sizes its verdict waits by it
        self._spawn(
            "web",
            server_command(
                self.server, self.port, self.workers, self.threads, self.backpressure, self.extra_args
            ),
        )
        # The judge probes every sandbox tier before it reports alive: minutes on a busy 2-core machine.
        deadline = time.monotonic() + float(os.environ.get("PYPREP_BENCH_START_SECONDS", "240"))
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"{self.url}/health", timeout=2) as response:  # noqa: S310
                    if not self.judge or b'"alive": true' in response.read():
                        return self
            except OSError:
                pass
            time.sleep(0.3)
        self.stop()
        raise RuntimeError(f"the site did not come up on {self.url}; see {self.log_dir}/web.log")

    def stop(self) -> None:
        for process in self.processes:
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
        for process in self.processes:
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                _signal_group(process.pid, signal.SIGKILL)
                process.wait()
            # Whatever the leader left behind in its group (workers it had not finished starting).
            _signal_group(process.pid, signal.SIGKILL)
        self.processes.clear()


def _signal_group(pgid: int, sig: signal.Signals) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(pgid, sig)

"""`manage.py judge`: the judge process. Probes the tiers, starts one sandbox, consumes the job queue."""

from __future__ import annotations

import logging
import threading
from argparse import ArgumentParser
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import close_old_connections
from django.utils import timezone
from django.utils.module_loading import autodiscover_modules

from pyprep.judge import runtime, worker
from pyprep.judge.sandbox import Sandbox, probe_tiers

log = logging.getLogger("pyprep.judge")


class Command(BaseCommand):
    help = "Run the judge: probe the sandbox tiers, start the sandbox, and run queued judge jobs."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "--tier", default=getattr(settings, "JUDGE_TIER", "auto"), help="auto, forkserver, bwrap"
        )
        parser.add_argument(
            "--slots", type=int, default=0, help="Concurrent jobs (default: the queue's workers)."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        from huey.consumer_options import ConsumerConfig
        from huey.contrib.djhuey import HUEY

        if not log.hasHandlers():
            logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(levelname)s %(message)s")
        log.setLevel(logging.INFO)
        huey_settings: dict[str, Any] = settings.HUEY
        consumer_options: dict[str, Any] = dict(huey_settings.get("consumer", {}))
        slots = options["slots"] or int(consumer_options.get("workers", 2))
        consumer_options["workers"] = slots

        for tier, reason in probe_tiers().items():
            log.info("judge tier %-10s %s", tier, "available" if reason is None else f"unavailable: {reason}")
        sandbox = Sandbox.start(tier=options["tier"], slots=slots, allow_unsandboxed=settings.DEBUG)
        log.info("judge active tier: %s, %d slots", sandbox.tier, slots)
        runtime.sandbox_install(sandbox)
        started_at = timezone.now()
        worker.heartbeat_beat(tier=sandbox.tier, started_at=started_at)
        stop = threading.Event()
        beat = threading.Thread(
            target=_beat, args=(stop, sandbox.tier, started_at), name="judge-heartbeat", daemon=True
        )
        beat.start()

        autodiscover_modules("tasks")
        from pyprep.judge.tasks import judge_run

        listen = getattr(HUEY.storage, "listen", None)
        if listen is not None:
            listen()  # the wake-up socket, before the recovered jobs are queued
        pending = worker.judge_jobs_recover()
        for job_id in pending:
            judge_run(job_id)
        if pending:
            log.info("judge handed %d waiting job(s) to the queue", len(pending))

        config = ConsumerConfig(**consumer_options)
        config.validate()
        consumer = HUEY.create_consumer(**config.values)
        try:
            consumer.run()
        finally:
            stop.set()
            close_listener = getattr(HUEY.storage, "close_listener", None)
            if close_listener is not None:
                close_listener()
            runtime.sandbox_close()


def _beat(stop: threading.Event, tier: str, started_at: Any) -> None:
    while not stop.wait(worker.HEARTBEAT_SECONDS):
        try:
            worker.heartbeat_beat(tier=tier, started_at=started_at)
        except Exception:
            log.exception("judge heartbeat failed")
        finally:
            close_old_connections()

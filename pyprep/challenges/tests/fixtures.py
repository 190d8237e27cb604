"""Challenge fixtures shared by the app's tests and the browser tests: the real sandbox and a real challenge."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.conf import settings

from pyprep.bank.services import content_load
from pyprep.challenges.models import Challenge
from pyprep.judge.sandbox import Sandbox

CHALLENGES = Path(settings.CONTENT_DIR) / "challenges"


@pytest.fixture(scope="session")
def sandbox() -> Iterator[Sandbox]:
    box = Sandbox.start(slots=2)
    yield box
    box.close()


def make_content(root: Path, slugs: list[str]) -> Path:
    """A small content tree: the real topics and the named real challenges, nothing else."""
    content = root / "content"
    (content / "challenges").mkdir(parents=True)
    shutil.copy(Path(settings.CONTENT_DIR) / "topics.yaml", content / "topics.yaml")
    for slug in slugs:
        shutil.copytree(CHALLENGES / slug, content / "challenges" / slug)
    return content


@pytest.fixture
def challenge(tmp_path: Path, sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch, db: None) -> Challenge:
    """The real two-sum challenge, loaded through the bank's content_load with the session's sandbox."""
    monkeypatch.setattr("pyprep.judge.runtime._sandbox", sandbox)
    result = content_load(root=make_content(tmp_path, ["two-sum-indices"]))
    assert not result.errors, result.errors
    return Challenge.objects.select_related("question").get(question__slug="two-sum-indices")

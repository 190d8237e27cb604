"""The installed `pyprep` command, driven through a real pseudo-terminal on its own database."""

from __future__ import annotations

import os
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pexpect
import pytest
from django.conf import settings

import pyprep.bank

FIXTURE_CONTENT = Path(pyprep.bank.__file__).parent / "tests" / "fixtures" / "content"
PYPREP = Path(sys.executable).parent / "pyprep"  # the console script the project declares
ANSI = r"(?:\x1b\[[0-9;]*m)*"
VERDICT = r"(?:covered|missed|contradicted|can't tell)"


def shown(text: str) -> str:
    """A pattern for text as a terminal shows it: colour codes may sit between any two characters."""
    return ANSI.join(re.escape(char) if char != " " else r"\s+" for char in text)


@pytest.fixture(scope="module")
def local_db(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """A migrated SQLite database holding the fixture bank, as `make run` would leave it."""
    root = tmp_path_factory.mktemp("pyprep-cli")
    database = root / "pyprep.sqlite3"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.dev",
        "DATABASE_URL": f"sqlite:///{database}",
        "PYPREP_CONTENT_DIR": str(FIXTURE_CONTENT),
        "PYPREP_VAR_DIR": str(root),
        "COLUMNS": "100",
    }
    env.pop("REDIS_URL", None)
    manage = [sys.executable, str(Path(settings.BASE_DIR) / "manage.py")]
    subprocess.run([*manage, "migrate", "-v0"], env=env, check=True, cwd=settings.BASE_DIR)
    subprocess.run([*manage, "load_content"], env=env, check=True, cwd=settings.BASE_DIR, capture_output=True)
    return database, env


def test_a_session_in_a_pseudo_terminal_practises_three_cards(local_db: tuple[Path, dict[str, str]]) -> None:
    database, env = local_db
    child = pexpect.spawn(
        str(PYPREP),
        ["practice", "--topic", "core", "--length", "3"],
        env={**env, "TERM": "xterm-256color"},
        encoding="utf-8",
        timeout=60,
        dimensions=(40, 100),
    )
    try:
        for number in (1, 2, 3):
            child.expect(shown(f"Card {number} of 3"))
            child.expect(shown("Type your answer"))
            child.sendline("first point about it")
            child.sendline("")  # an empty line reveals
            child.expect(shown("key points."))
            child.expect(shown("Rate 1–4"))
            child.send("3")  # one key, no Enter
            child.expect(shown("Rated Good"))
        child.expect(shown("Session over"))
        child.expect(shown("Rated 3 cards: Good 3."))
        child.expect(pexpect.EOF)
    finally:
        child.close()
    assert child.exitstatus == 0
    with sqlite3.connect(database) as db:
        assert db.execute("SELECT count(*) FROM practice_review WHERE grade = 3").fetchone() == (3,)
        assert db.execute(
            "SELECT count(*) FROM practice_card WHERE session_key = 'pyprep-terminal'"
        ).fetchone() == (3,)


def test_feedback_gives_a_verdict_on_every_key_point(local_db: tuple[Path, dict[str, str]]) -> None:
    _database, env = local_db
    child = pexpect.spawn(
        str(PYPREP), ["practice", "--level", "expert", "--length", "1"], env=env, encoding="utf-8", timeout=60
    )
    try:
        child.expect(shown("When would you write a metaclass"))
        child.sendline("The first point about metaclass-basics")
        child.sendline("")
        # Each key point with the matcher's verdict on it (which verdict is the matcher's business).
        for point in ("First", "Second", "Third"):
            child.expect(VERDICT + r"\s*" + ANSI + r"\s*" + shown(f"{point} point about metaclass-basics."))
        child.expect(shown("Rate 1–4"))
        child.send("q")  # stop: the card stays unrated and unscheduled
        child.expect(shown("Rated 0 cards."))
        child.expect(pexpect.EOF)
    finally:
        child.close()


def test_piped_input_practises_too_with_typed_ratings(local_db: tuple[Path, dict[str, str]]) -> None:
    _database, env = local_db
    result = subprocess.run(
        [PYPREP, "practice", "--level", "senior", "--length", "1", "--user", ""],
        input="getattr runs only when normal lookup fails\n\n4\n",
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "Card 1 of 1" in result.stdout
    assert "Rated Easy" in result.stdout
    assert "\x1b[" not in result.stdout


@pytest.mark.parametrize(
    "command", [[], ["search"], ["show"], ["practice"], ["export"], ["export", "anki"]], ids=" ".join
)
def test_every_command_has_help(command: list[str]) -> None:
    result = subprocess.run([PYPREP, *command, "--help"], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert "Usage: pyprep" in result.stdout


def test_output_has_no_colour_codes_without_a_terminal(local_db: tuple[Path, dict[str, str]]) -> None:
    _database, env = local_db
    result = subprocess.run(
        [PYPREP, "show", "list-vs-tuple"], env=env, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert "What is the difference between a list and a tuple?" in result.stdout
    assert "\x1b[" not in result.stdout


def test_colours_appear_on_a_terminal(local_db: tuple[Path, dict[str, str]]) -> None:
    _database, env = local_db
    child = pexpect.spawn(
        str(PYPREP),
        ["search", "list tuple"],
        env={**env, "TERM": "xterm-256color"},
        encoding="utf-8",
        timeout=60,
    )
    child.expect(pexpect.EOF)
    assert "\x1b[" in (child.before or "")
    assert "list-vs-tuple" in (child.before or "")


def test_an_unknown_slug_is_an_error_that_suggests_search(local_db: tuple[Path, dict[str, str]]) -> None:
    _database, env = local_db
    result = subprocess.run([PYPREP, "show", "nope"], env=env, capture_output=True, text=True, check=False)
    assert result.returncode == 2
    assert "No published question with slug 'nope'. Try `pyprep search`." in result.stderr

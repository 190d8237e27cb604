"""A visitor's progress on challenges kept in their browser session: hints shown, solutions revealed, runs made.

Anonymous visitors have no account to write to, so this state lives in the Django session for everyone; the
views call these functions and never read or write the session's keys themselves.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.contrib.sessions.backends.base import SessionBase

from pyprep.challenges import selectors
from pyprep.challenges.models import Challenge, Submission

RUNS_KEY = "challenge_runs"
REVEALED_KEY = "challenge_revealed"
HINTS_KEY = "challenge_hints"
RUNS_KEPT = 50  # anonymous runs this browser may still open; older ones are forgotten


@dataclass(frozen=True)
class ChallengeProgress:
    hints_shown: int
    revealed: bool


def challenge_progress(
    *, session: SessionBase, user: AbstractBaseUser | AnonymousUser | None, challenge: Challenge
) -> ChallengeProgress:
    """How many hints this visitor has opened, and whether the solution shows (given up on, or solved)."""
    shown = int(session.get(HINTS_KEY, {}).get(str(challenge.pk), 0))
    revealed = challenge.pk in session.get(REVEALED_KEY, []) or selectors.has_solved(
        user=user, challenge=challenge
    )
    return ChallengeProgress(hints_shown=shown, revealed=revealed)


def hint_show_next(*, session: SessionBase, challenge: Challenge) -> int:
    """Open one more hint (never more than the challenge has); returns how many are shown now."""
    shown = session.get(HINTS_KEY, {})
    count = min(len(challenge.hints), int(shown.get(str(challenge.pk), 0)) + 1)
    shown[str(challenge.pk)] = count
    session[HINTS_KEY] = shown
    return count


def solution_reveal(*, session: SessionBase, challenge: Challenge) -> None:
    """The visitor gave up: show the reference solution from now on."""
    revealed = session.get(REVEALED_KEY, [])
    if challenge.pk not in revealed:
        session[REVEALED_KEY] = [*revealed, challenge.pk]


def run_remember(*, session: SessionBase, submission: Submission) -> None:
    """An anonymous run is readable only from the browser session that made it: remember it there."""
    if submission.user_id is None:
        runs = session.get(RUNS_KEY, [])[-RUNS_KEPT:]
        session[RUNS_KEY] = [*runs, submission.pk]


def runs_remembered(*, session: SessionBase) -> list[int]:
    return list(session.get(RUNS_KEY, []))

"""`pyprep practice`: a session in the terminal through practice's services, like the site's practice page."""

from __future__ import annotations

import sys
from collections.abc import Mapping
from typing import Any

import typer
from django.contrib.auth import get_user_model
from rich.console import Console
from rich.markdown import Markdown
from rich.panel import Panel
from rich.prompt import Prompt
from rich.text import Text

from pyprep.bank import selectors as bank_selectors
from pyprep.bank.filters import parse_filter
from pyprep.practice import selectors, services
from pyprep.practice.feedback import Feedback
from pyprep.practice.models import PracticeSession, Scope
from pyprep.practice.ownership import Owner
from pyprep.practice.scheduling import Grade

# Practice without an account belongs to this "anonymous session": one profile per local database.
TERMINAL_OWNER = "pyprep-terminal"
QUIT = "q"


class CannotStart(Exception):  # noqa: N818 - reads as the situation it reports
    """Nothing to practise, or an unknown account or set; the message says what to do instead."""


def owner_for(username: str | None) -> Owner:
    if not username:
        return Owner(session_key=TERMINAL_OWNER)
    user = get_user_model().objects.filter(username=username, is_active=True).first()
    if user is None:
        raise CannotStart(f"No active account named {username!r} in this database.")
    return Owner(user_id=user.pk)


def start(
    *, owner: Owner, params: Mapping[str, object], set_slug: str, due: bool, length: int
) -> PracticeSession:
    """Choose the candidates the way the practice page does and let session_start pick and order them."""
    if due:
        scope, ids, title, query = (
            Scope.DUE,
            selectors.due_question_ids(owner=owner),
            "Due for review",
            "scope=due",
        )
    elif set_slug:
        found = bank_selectors.set_detail(slug=set_slug)
        if found is None:
            raise CannotStart(f"No curated set with slug {set_slug!r}.")
        scope, title, query = Scope.SET, found[0].title, f"set={set_slug}"
        ids = bank_selectors.set_question_ids(slug=set_slug)
    else:
        qfilter = parse_filter(params, known_topics=bank_selectors.topic_slugs())
        scope, query = Scope.FILTER, qfilter.querystring()
        title = "All questions" if qfilter.is_empty else f"Practice: {query}"
        ids = bank_selectors.question_ids_filtered(qfilter=qfilter)
    try:
        return services.session_start(
            owner=owner, scope=scope, candidate_ids=ids, title=title, scope_query=query, length=length
        )
    except services.NothingToPractise as exc:
        raise CannotStart(str(exc)) from exc


def read_answer(console: Console) -> str:
    console.print(
        "Type your answer; an empty line reveals it (Enter right away to just reveal).", style="dim"
    )
    lines: list[str] = []
    while True:
        line = console.input("[bold cyan]> [/]" if console.is_terminal else "> ")
        if not line.strip():
            return "\n".join(lines)
        lines.append(line)


def read_rating(console: Console) -> str:
    """One key on a terminal (1–4, q); a typed line when input is piped."""
    keys = ["1", "2", "3", "4", QUIT]
    if not (console.is_terminal and sys.stdin.isatty()):
        return Prompt.ask("Rate 1–4, q to stop", choices=keys, console=console, show_choices=False)
    console.print("Rate 1–4, q to stop: ", end="", highlight=False)
    while True:
        key = typer.getchar().lower()
        if key in ("\x03", "\x04"):  # Ctrl-C, Ctrl-D
            raise KeyboardInterrupt
        if key in keys:
            console.print(key, highlight=False)
            return key


# How each verdict reads; a matcher that only knows covered and missed uses the first two.
VERDICTS = {
    "covered": ("✓ covered      ", "green"),
    "missed": ("✗ missed       ", "red"),
    "contradicted": ("! contradicted ", "bold red"),
    "unclear": ("? can't tell   ", "yellow"),
}


def show_feedback(console: Console, feedback: Feedback, *, stored: dict[str, Any]) -> None:
    """Each key point with the matcher's verdict, like the site's reveal panel."""
    if feedback.answered:
        console.print(
            f"You covered {feedback.covered_count} of {len(feedback.points)} key points.",
            style="bold",
            highlight=False,
        )
    for point in stored.get("points", []):
        status = str(point.get("status") or ("covered" if point.get("covered") else "missed"))
        label, style = VERDICTS.get(status, (f"{status} ", ""))
        console.print(Text.assemble((label, style), str(point.get("text", ""))))
        if point.get("correction"):
            console.print(Text.assemble(("    instead: ", "dim"), str(point["correction"])))
    if feedback.notice:
        console.print(feedback.notice, style="yellow", highlight=False)


def run(
    console: Console,
    *,
    params: Mapping[str, object],
    set_slug: str,
    due: bool,
    length: int,
    username: str | None,
) -> None:
    owner = owner_for(username)
    session = start(owner=owner, params=params, set_slug=set_slug, due=due, length=length)
    console.print(Panel(Text(session.title, style="bold"), title="pyprep practice", title_align="left"))
    try:
        while (view := selectors.session_view(session=session)).current is not None:
            card = view.current
            question = card.question
            topics = ", ".join(topic.name for topic in question.topics.all())
            console.rule(Text(f"Card {view.done + 1} of {view.total}"), align="left")
            console.print(
                Text.assemble(
                    (question.title, "bold"), "\n", (f"{question.get_level_display()} · {topics}", "dim")
                )
            )
            answer = read_answer(console)
            item = services.session_item_reveal(item=card.item, answer=answer)
            show_feedback(console, Feedback.from_dict(item.feedback or {}), stored=item.feedback or {})
            console.print(
                Panel(
                    Markdown(question.summary), title="Quick summary", title_align="left", border_style="blue"
                )
            )
            choices = "  ".join(f"{grade.value} {grade.label} ({when})" for grade, when in card.intervals)
            console.print(choices, highlight=False)
            choice = read_rating(console)
            if choice == QUIT:
                services.session_end(session=session)
                break
            review = services.review_record(item=item, grade=Grade(int(choice)))
            console.print(
                f"Rated {Grade(review.grade).label}: back on {review.due_after:%Y-%m-%d %H:%M} UTC.",
                style="dim",
                highlight=False,
            )
            session.refresh_from_db()
    except (EOFError, KeyboardInterrupt):
        services.session_end(session=session)
        console.print()
    summary = selectors.session_summary(session=session)
    grades = ", ".join(f"{label} {n}" for label, n in summary.grades if n)
    console.rule("Session over", align="left")
    console.print(
        f"Rated {summary.seen} card{'s' if summary.seen != 1 else ''}" + (f": {grades}." if grades else "."),
        highlight=False,
    )
    if summary.coverage_percent is not None:
        console.print(f"Key points covered in your answers: {summary.coverage_percent}%.", highlight=False)
    if summary.next_due:
        console.print(f"Next card due {summary.next_due:%Y-%m-%d %H:%M} UTC.", highlight=False)

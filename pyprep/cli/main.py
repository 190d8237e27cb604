"""Commands of the `pyprep` console script; each one calls the apps' selectors and services."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

app = typer.Typer(
    name="pyprep",
    help="Python interview questions in your terminal: search and read the bank, practise with spaced "
    "repetition, export Anki decks. Uses the same database as the site (make run).",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
    pretty_exceptions_show_locals=False,
)
export_app = typer.Typer(help="Export the bank to other tools.", no_args_is_help=True)
app.add_typer(export_app, name="export")

console = Console()
errors = Console(stderr=True)

LevelOption = Annotated[
    list[str] | None, typer.Option("--level", "-l", help="entry, junior, mid, senior or expert; repeatable.")
]
TopicOption = Annotated[list[str] | None, typer.Option("--topic", "-t", help="A topic slug; repeatable.")]
KindOption = Annotated[str | None, typer.Option("--kind", "-k", help="concept or challenge.")]


def _django() -> None:
    """Set Django up on first use, so --help stays instant."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    import django

    django.setup()


def _params(
    level: list[str] | None, topic: list[str] | None, kind: str | None, q: str = ""
) -> dict[str, str]:
    """Options as the query-string mapping the bank's filter parser reads."""
    return {"q": q, "level": ",".join(level or []), "topic": ",".join(topic or []), "kind": kind or ""}


def _fail(message: str) -> typer.Exit:
    errors.print(f"[bold red]Error:[/] {message}", highlight=False)
    return typer.Exit(code=2)


@app.command()
def search(
    query: Annotated[
        str, typer.Argument(help="Words to search for, e.g. 'difference between list and tuple'.")
    ],
    level: LevelOption = None,
    topic: TopicOption = None,
    kind: KindOption = None,
    limit: Annotated[int, typer.Option(min=1, max=100, help="How many results to show.")] = 10,
) -> None:
    """Search the bank, best match first (the site's ranking)."""
    _django()
    from pyprep.bank.filters import FilterError
    from pyprep.cli import screens

    try:
        screens.search(console, params=_params(level, topic, kind, query), limit=limit)
    except FilterError as exc:
        raise _fail(str(exc)) from exc


@app.command()
def show(slug: Annotated[str, typer.Argument(help="The question's slug, as `search` lists it.")]) -> None:
    """Read one question: summary, answer, key points, verified examples and follow-ups."""
    _django()
    from pyprep.cli import screens

    if not screens.show(console, slug=slug):
        raise _fail(f"No published question with slug {slug!r}. Try `pyprep search`.")


@app.command()
def practice(
    level: LevelOption = None,
    topic: TopicOption = None,
    kind: KindOption = None,
    set_slug: Annotated[str | None, typer.Option("--set", "-s", help="Practise a curated set.")] = None,
    due: Annotated[bool, typer.Option("--due", help="Only cards due for review.")] = False,
    length: Annotated[int, typer.Option("--length", "-n", min=1, max=50, help="Cards in the session.")] = 10,
    user: Annotated[
        str | None,
        typer.Option(
            help="Practise as this site account (its cards and schedule); default: a terminal-only profile."
        ),
    ] = None,
) -> None:
    """A practice session: type an answer, reveal it with feedback on the key points, rate 1–4."""
    _django()
    from pyprep.bank.filters import FilterError
    from pyprep.cli import session

    try:
        session.run(
            console,
            params=_params(level, topic, kind),
            set_slug=set_slug or "",
            due=due,
            length=length,
            username=user,
        )
    except (FilterError, session.CannotStart) as exc:
        raise _fail(str(exc)) from exc


@export_app.command("anki")
def export_anki(
    output: Annotated[Path, typer.Option("--output", "-o", help="The .apkg file to write.", dir_okay=False)],
    level: LevelOption = None,
    topic: TopicOption = None,
    kind: KindOption = None,
    set_slug: Annotated[str | None, typer.Option("--set", "-s", help="Export a curated set.")] = None,
    base_url: Annotated[
        str, typer.Option(help="The site the cards link back to.", envvar="PYPREP_BASE_URL")
    ] = "http://127.0.0.1:8000",
) -> None:
    """Write an Anki deck (.apkg): one note per question, sub-decks by level and topic, stable note ids."""
    _django()
    from pyprep.bank.filters import FilterError
    from pyprep.exports import anki, selectors

    try:
        selection = selectors.anki_selection(
            params=_params(level, topic, kind),
            set_slug=set_slug or "",
            url_for=lambda path: base_url.rstrip("/") + path,
        )
    except (FilterError, selectors.UnknownSet) as exc:
        raise _fail(str(exc)) from exc
    anki.write_package(output, selection.cards, root=selection.root, css=selection.css)
    count = len(selection.cards)
    console.print(f"Wrote {count} note{'s' if count != 1 else ''} to {output}", highlight=False)


def run() -> None:
    """Entry point of the console script."""
    from django.db import DatabaseError

    try:
        app()
    except DatabaseError as exc:
        errors.print(
            f"[bold red]Error:[/] the database is not ready ({exc}). Create and fill it with "
            "`make run`, or `uv run python manage.py migrate` then `uv run python manage.py load_content`.",
            highlight=False,
        )
        raise SystemExit(2) from exc

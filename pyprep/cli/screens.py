"""What `pyprep search` and `pyprep show` print: the bank's selectors rendered with Rich."""

from __future__ import annotations

import os
from collections.abc import Mapping

from rich.console import Console, Group
from rich.markdown import Markdown
from rich.panel import Panel
from rich.syntax import Syntax
from rich.table import Table
from rich.text import Text

from pyprep.bank import selectors
from pyprep.bank.filters import parse_filter
from pyprep.bank.models import Question

LEVEL_STYLE = {"entry": "green", "junior": "cyan", "mid": "blue", "senior": "magenta", "expert": "red"}


def site_url(path: str) -> str:
    return os.environ.get("PYPREP_BASE_URL", "http://127.0.0.1:8000").rstrip("/") + path


def level_text(question: Question) -> Text:
    return Text(
        f"{question.get_level_display()} · {question.level_band}", style=LEVEL_STYLE.get(question.level, "")
    )


def search(console: Console, *, params: Mapping[str, object], limit: int) -> None:
    """The best matches as a table; raises FilterError for an unknown level, topic or kind."""
    qfilter = parse_filter(params, known_topics=selectors.topic_slugs())
    questions = selectors.questions_for_list(qfilter=qfilter)
    found = list(questions[:limit])
    if not found:
        console.print(f"Nothing matches {qfilter.q!r}. Try fewer or different words.", highlight=False)
        return
    table = Table(title=f"Questions for “{qfilter.q}”", title_justify="left", expand=False)
    table.add_column("#", justify="right", style="dim")
    table.add_column("Slug", style="bold", no_wrap=True)
    table.add_column("Level", no_wrap=True)
    table.add_column("Question")
    for index, question in enumerate(found, start=1):
        table.add_row(
            str(index),
            question.slug,
            Text(question.get_level_display(), style=LEVEL_STYLE.get(question.level, "")),
            question.title,
        )
    console.print(table)
    console.print("Read one with: pyprep show SLUG", style="dim", highlight=False)


def show(console: Console, *, slug: str) -> bool:
    """The whole question, like its page; False when no published question has that slug."""
    question = selectors.question_detail(slug=slug)
    if question is None:
        return False
    topics = ", ".join(topic.name for topic in question.topics.all())
    header = Text.assemble(level_text(question), "  ", (topics, "dim"))
    if question.is_challenge:
        header.append("  code challenge", style="yellow")
    console.print(Panel(Group(Text(question.title, style="bold"), header), border_style="blue"))
    console.rule("Quick summary", align="left")
    console.print(Markdown(question.summary))
    console.rule("Answer", align="left")
    console.print(Markdown(question.answer))
    points = list(question.key_points.all())
    if points:
        console.rule("Key points an interviewer listens for", align="left")
        for point in points:
            console.print(Text.assemble(("• ", "cyan"), point.text))
    for example in question.examples.all():
        console.rule(example.title or "Example", align="left")
        console.print(Syntax(example.code, "python", theme="ansi_light", background_color="default"))
        console.print(
            Panel(Text(example.output), title="Output (verified)", title_align="left", border_style="green")
        )
    follow_ups = list(question.follow_ups.all())
    if follow_ups:
        console.rule("Follow-ups", align="left")
        for item in follow_ups:
            console.print(Text.assemble(("? ", "yellow"), item.text))
    console.print(
        Text(site_url(question.get_absolute_url()), style="link " + site_url(question.get_absolute_url()))
    )
    return True

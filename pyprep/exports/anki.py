"""Anki packages from plain card values: stable note GUIDs, decks by level and topic, inline-styled code."""

from __future__ import annotations

import hashlib
import html
import io
import itertools
import json
import os
import sqlite3
import tempfile
import time
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass

import genanki
from pygments import highlight
from pygments.formatters import HtmlFormatter
from pygments.lexers import PythonLexer, TextLexer

# Fixed ids: Anki recognises the note type across exports, so re-importing updates notes in place.
MODEL_ID = 1_607_392_319
MODEL_NAME = "pyprep question"
GUID_NAMESPACE = "pyprep"
ROOT_DECK = "pyprep"
# Anki has no stylesheet of ours: every colour in the examples is an inline style.
_FORMATTER = HtmlFormatter(noclasses=True, nowrap=True, style="default")
_PRE = 'style="background:#f6f8fa;color:#1f2328;padding:.6em .8em;border-radius:6px;overflow-x:auto;text-align:left;font-size:.85em;line-height:1.4"'
_OUTPUT_PRE = 'style="background:#eef6ee;color:#1f2328;padding:.6em .8em;border-radius:6px;overflow-x:auto;text-align:left;font-size:.85em;line-height:1.4;border-left:4px solid #2da44e"'


@dataclass(frozen=True)
class AnkiExample:
    title: str
    code: str
    output: str


@dataclass(frozen=True)
class AnkiCard:
    """What one note shows; HTML fields are already rendered and sanitized by the bank's Markdown renderer."""

    slug: str
    title: str
    level: str
    level_label: str
    topics: tuple[tuple[str, str], ...]  # (slug, name), the first one names the sub-deck
    summary_html: str
    key_points_html: tuple[str, ...]
    examples: tuple[AnkiExample, ...]
    url: str


def note_guid(slug: str) -> str:
    """The note's GUID: a function of the slug only, so the same question is the same note in every export."""
    return str(genanki.guid_for(GUID_NAMESPACE, slug))


def stable_id(name: str) -> int:
    """A deck id derived from its name (Anki ids are positive 63-bit integers)."""
    return int.from_bytes(hashlib.sha256(name.encode("utf-8")).digest()[:8], "big") >> 2


def deck_name(card: AnkiCard, *, root: str = ROOT_DECK) -> str:
    topic = card.topics[0][1] if card.topics else "General"
    # "::" separates sub-decks in Anki; inside one name it would invent a level of nesting.
    return "::".join([root, *(part.replace("::", ":") for part in (card.level_label, topic))])


def tags(card: AnkiCard) -> list[str]:
    """Level and topics as hierarchical tags (no spaces: Anki splits tags on them)."""
    return ["pyprep", f"level::{card.level}", *(f"topic::{slug}" for slug, _name in card.topics)]


def highlighted(code: str, *, output: bool = False) -> str:
    lexer = TextLexer() if output else PythonLexer()
    inner = highlight(code, lexer, _FORMATTER).rstrip("\n")
    return f"<pre {_OUTPUT_PRE if output else _PRE}><code>{inner}</code></pre>"


def back_html(card: AnkiCard) -> str:
    parts = [f'<div class="summary">{card.summary_html}</div>']
    if card.key_points_html:
        items = "".join(f"<li>{point}</li>" for point in card.key_points_html)
        parts.append(f'<h3>Key points</h3><ul class="key-points">{items}</ul>')
    for example in card.examples:
        caption = f"<h4>{html.escape(example.title)}</h4>" if example.title else "<h4>Example</h4>"
        parts.append(
            f'<div class="example">{caption}{highlighted(example.code)}'
            f'<div class="output-label">Output</div>{highlighted(example.output, output=True)}</div>'
        )
    parts.append(f'<p class="link"><a href="{html.escape(card.url)}">Read the full answer on pyprep</a></p>')
    return "".join(parts)


def model(*, css: str = "") -> genanki.Model:
    return genanki.Model(
        MODEL_ID,
        MODEL_NAME,
        fields=[
            {"name": "Slug"},
            {"name": "Question"},
            {"name": "Back"},
            {"name": "Level"},
            {"name": "Link"},
        ],
        templates=[
            {
                "name": "Recall",
                "qfmt": '<div class="question">{{Question}}</div><div class="level">{{Level}}</div>',
                "afmt": '{{FrontSide}}<hr id="answer">{{Back}}',
            }
        ],
        css=".card{font-family:system-ui,sans-serif;font-size:18px;text-align:left;line-height:1.45}"
        ".question{font-weight:600;font-size:1.15em}.level{color:#57606a;font-size:.8em;margin-top:.4em}"
        ".output-label{font-size:.75em;color:#57606a;margin:.3em 0 0}" + css,
        sort_field_index=1,
    )


def package(cards: Sequence[AnkiCard], *, root: str = ROOT_DECK, css: str = "") -> genanki.Package:
    """One note per question in a sub-deck per level and topic; notes keep their GUID across exports."""
    note_type = model(css=css)
    decks: dict[str, genanki.Deck] = {}
    for card in cards:
        name = deck_name(card, root=root)
        deck = decks.get(name)
        if deck is None:
            deck = decks[name] = genanki.Deck(stable_id(name), name)
        deck.add_note(
            genanki.Note(
                model=note_type,
                fields=[
                    card.slug,
                    html.escape(card.title),
                    back_html(card),
                    html.escape(card.level_label),
                    html.escape(card.url),
                ],
                tags=tags(card),
                guid=note_guid(card.slug),
            )
        )
    if not decks:
        decks[root] = genanki.Deck(stable_id(root), root)
    return genanki.Package(list(decks.values()))


def package_bytes(
    cards: Sequence[AnkiCard], *, root: str = ROOT_DECK, css: str = "", timestamp: float | None = None
) -> bytes:
    """The .apkg file's bytes: a zip holding Anki's collection database and an empty media list.

    Package.write_to_file does the same but leaves its temporary database behind; this removes it.
    """
    timestamp = time.time() if timestamp is None else timestamp
    with tempfile.TemporaryDirectory(prefix="pyprep-anki-") as workdir:
        database = os.path.join(workdir, "collection.anki2")
        connection = sqlite3.connect(database)
        try:
            package(cards, root=root, css=css).write_to_db(
                connection.cursor(), timestamp, itertools.count(int(timestamp * 1000))
            )
            connection.commit()
        finally:
            connection.close()
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            archive.write(database, "collection.anki2")
            archive.writestr("media", json.dumps({}))
    return buffer.getvalue()


def write_package(
    path: str | os.PathLike[str], cards: Sequence[AnkiCard], *, root: str = ROOT_DECK, css: str = ""
) -> None:
    data = package_bytes(cards, root=root, css=css)
    directory = os.path.dirname(os.path.abspath(path)) or "."
    # Write beside the target, then rename: a reader never sees half a package.
    with tempfile.NamedTemporaryFile(dir=directory, suffix=".apkg.part", delete=False) as handle:
        handle.write(data)
    os.replace(handle.name, path)

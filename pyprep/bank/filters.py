"""Parse and validate question filters from a query string; shared by pages, the API and practice."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from urllib.parse import urlencode

from pyprep.bank import registry
from pyprep.bank.levels import KINDS, LEVEL_VALUES


class FilterError(ValueError):
    """A filter value that names no level, topic or kind; the message says what is allowed."""


@dataclass(frozen=True)
class QuestionFilter:
    q: str = ""
    levels: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    kind: str = ""
    mine: str = ""

    @property
    def is_empty(self) -> bool:
        return not (self.q or self.levels or self.topics or self.kind or self.mine)

    def querystring(self, **changes: object) -> str:
        """The filter as a URL query string, for links that keep it (pagination, previous/next)."""
        pairs: list[tuple[str, str]] = []
        if self.q:
            pairs.append(("q", self.q))
        pairs += [("level", level) for level in self.levels]
        pairs += [("topic", topic) for topic in self.topics]
        if self.kind:
            pairs.append(("kind", self.kind))
        if self.mine:
            pairs.append(("mine", self.mine))
        pairs += [(key, str(value)) for key, value in changes.items() if value not in (None, "")]
        return urlencode(pairs)


def _values(params: Mapping[str, object], name: str) -> list[str]:
    getlist = getattr(params, "getlist", None)
    raw: Sequence[object] = getlist(name) if callable(getlist) else [params.get(name, "")]
    values: list[str] = []
    for item in raw:
        # "level=mid,senior" and "level=mid&level=senior" mean the same.
        values += [part.strip() for part in str(item or "").split(",") if part.strip()]
    return list(dict.fromkeys(values))


def parse_filter(params: Mapping[str, object], *, known_topics: Sequence[str]) -> QuestionFilter:
    """Build a filter from request parameters; raise FilterError naming the bad value and the allowed ones."""
    q = " ".join(str(params.get("q", "") or "").split())[:200]
    levels = _values(params, "level")
    bad = [level for level in levels if level not in LEVEL_VALUES]
    if bad:
        raise FilterError(f"Unknown level {bad[0]!r}. Use one of: {', '.join(LEVEL_VALUES)}.")
    topics = _values(params, "topic")
    bad = [topic for topic in topics if topic not in known_topics]
    if bad:
        raise FilterError(f"Unknown topic {bad[0]!r}. Use one of: {', '.join(known_topics)}.")
    kinds = _values(params, "kind")
    if params.get("challenges") in ("1", "on", "true"):
        kinds.append("challenge")
    kinds = list(dict.fromkeys(kinds))
    if len(kinds) > 1 or any(kind not in KINDS for kind in kinds):
        raise FilterError(f"Unknown kind {','.join(kinds)!r}. Use one of: {', '.join(KINDS)}.")
    mine = str(params.get("mine", "") or "").strip()
    # Personal filters ("starred", "unseen", ...) are the marks the apps above the bank registered.
    marks = registry.marks_filterable()
    if mine and mine not in marks:
        raise FilterError(f"Unknown mine {mine!r}. Use one of: {', '.join(marks)}.")
    return QuestionFilter(
        q=q, levels=tuple(levels), topics=tuple(topics), kind=kinds[0] if kinds else "", mine=mine
    )

"""Readable labels for a question's further-reading addresses (Python docs pages and PEPs); pure."""

from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit

_PEP_RE = re.compile(r"^/pep-0*(\d+)/?$")


def reference_label(url: str) -> str:
    """ "https://peps.python.org/pep-0701/" -> "PEP 701"; a docs.python.org page -> "Python docs: <page>"."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    if host == "peps.python.org":
        match = _PEP_RE.match(parts.path)
        if match:
            return f"PEP {match.group(1)}"
    if host == "docs.python.org":
        page = unquote(parts.fragment) or parts.path.rstrip("/").rsplit("/", 1)[-1].removesuffix(".html")
        return f"Python docs: {page or 'index'}"
    path = parts.path.rstrip("/")
    return f"{host}{path}" if path else host

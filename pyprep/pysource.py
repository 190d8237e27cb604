"""Parsing Python source into an AST safely from any thread of a web worker.

CPython 3.11 before 3.11.8 keeps the AST builder's recursion depth in interpreter-wide state, so two threads
parsing at once can fail with "SystemError: AST constructor recursion depth mismatch" (gh-106905). Every
`ast.parse` that can run in a request goes through `parse`, which holds one process-wide lock. Pure: no Django.
"""

import ast
import threading

_PARSE_LOCK = threading.Lock()


def parse(source: str) -> ast.Module:
    """`ast.parse(source)`, one thread at a time; raises SyntaxError or ValueError as `ast.parse` does."""
    with _PARSE_LOCK:
        return ast.parse(source)

"""Python source is parsed through one lock, so a threaded web worker on CPython 3.11.7 cannot hit gh-106905.

The race itself could not be made to happen on demand here, so this guards the route every parse takes.
"""

import pathlib

from pyprep import pysource

PACKAGE = pathlib.Path(pysource.__file__).parent


def test_no_module_of_the_site_calls_ast_parse_but_the_locked_parser() -> None:
    callers = [
        str(path.relative_to(PACKAGE))
        for path in PACKAGE.rglob("*.py")
        if "tests" not in path.parts and path.name != "pysource.py" and "ast.parse(" in path.read_text()
    ]
    assert callers == []

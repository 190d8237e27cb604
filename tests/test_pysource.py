"""Python source is parsed through one lock, so a threaded web worker on CPython 3.11.7 cannot hit gh-106905."""

import ast
import pathlib
import threading

from pyprep import pysource

PACKAGE = pathlib.Path(pysource.__file__).parent


def test_no_module_of_the_site_calls_ast_parse_but_the_locked_parser() -> None:
    callers = [
        str(path.relative_to(PACKAGE))
        for path in PACKAGE.rglob("*.py")
        if "tests" not in path.parts and path.name != "pysource.py" and "ast.parse(" in path.read_text()
    ]
    assert callers == []


def test_threads_parsing_at_once_each_get_their_own_tree() -> None:
    sources = [f"def f{i}(x):\n    return [x + {i} for _ in range(3)]\n" for i in range(8)]
    names: dict[int, list[str]] = {}

    def parse_many(index: int) -> None:
        trees = [pysource.parse(sources[index]) for _ in range(50)]
        names[index] = sorted(
            {node.name for tree in trees for node in tree.body if isinstance(node, ast.FunctionDef)}
        )

    threads = [threading.Thread(target=parse_many, args=(i,)) for i in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert names == {i: [f"f{i}"] for i in range(8)}

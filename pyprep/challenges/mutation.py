"""Mutants of a reference solution, made with `ast`. Pure: no Django, no sandbox.

mutmut and cosmic-ray mutate a package and run its own test suite; a challenge is one `solution.py` judged by
the sandbox against the reference's observations, so their project model does not fit. This module makes the
plausible bugs a candidate writes (flipped comparisons, off-by-one, a lock or `with` left out, a dropped
decorator, swapped branches, an early return, `while` written as `if`, `and`/`or` mixed up, a forgotten
statement) and `mutation_run` (validation) sends each one through the judge.

Each mutant has a stable id made of where it is (the enclosing function or class), what was changed and the
source text changed, so `equivalent_mutants.yaml` keeps matching while unrelated lines move.
"""

from __future__ import annotations

import ast
import copy
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from pyprep import pysource

_COMPARE_FLIPS: dict[type[ast.cmpop], type[ast.cmpop]] = {
    ast.Lt: ast.LtE,
    ast.LtE: ast.Lt,
    ast.Gt: ast.GtE,
    ast.GtE: ast.Gt,
    ast.Eq: ast.NotEq,
    ast.NotEq: ast.Eq,
    ast.Is: ast.IsNot,
    ast.IsNot: ast.Is,
    ast.In: ast.NotIn,
    ast.NotIn: ast.In,
}
_OP_TEXT = {
    ast.Lt: "<",
    ast.LtE: "<=",
    ast.Gt: ">",
    ast.GtE: ">=",
    ast.Eq: "==",
    ast.NotEq: "!=",
    ast.Is: "is",
    ast.IsNot: "is not",
    ast.In: "in",
    ast.NotIn: "not in",
}


_ORDERING = {ast.Lt, ast.LtE, ast.Gt, ast.GtE}
# calls that copy or convert: dropping one returns the caller's own object, unsorted or of the wrong type
_CONVERSIONS = {"list", "tuple", "dict", "set", "sorted", "frozenset"}


@dataclass(frozen=True)
class Mutant:
    """One changed copy of a solution. `id` is stable for the same source text in the same scope."""

    id: str
    kind: str
    line: int
    description: str
    source: str


# A mutation site: the node's position in a deterministic walk, and the edit to apply to that node in a copy.
_Edit = Callable[[ast.AST], bool]


@dataclass(frozen=True)
class _Site:
    index: int
    kind: str
    scope: str
    line: int
    description: str
    edit: _Edit


def _snippet(node: ast.AST, limit: int = 60) -> str:
    text = " ".join(ast.unparse(node).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _walk(tree: ast.AST) -> Iterator[tuple[ast.AST, str]]:
    """Every node with its enclosing scope's dotted name, in a fixed order; annotations are skipped."""

    def visit(node: ast.AST, scope: str) -> Iterator[tuple[ast.AST, str]]:
        yield node, scope
        inner = scope
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            inner = f"{scope}.{node.name}" if scope else node.name
        for name, value in ast.iter_fields(node):
            if name in {"annotation", "returns"}:
                continue
            children = value if isinstance(value, list) else [value]
            for child in children:
                if isinstance(child, ast.AST):
                    yield from visit(child, inner)

    yield from visit(tree, "")


def _is_docstring(stmt: ast.stmt) -> bool:
    return (
        isinstance(stmt, ast.Expr)
        and isinstance(stmt.value, ast.Constant)
        and isinstance(stmt.value.value, str)
    )


def _body_lists(node: ast.AST) -> Iterator[tuple[str, list[ast.stmt]]]:
    for name in ("body", "orelse", "finalbody"):
        value = getattr(node, name, None)
        if isinstance(value, list) and value and isinstance(value[0], ast.stmt):
            yield name, value


def _statement_sites(node: ast.AST, index: int, scope: str) -> Iterator[_Site]:
    """Edits of the statement lists a node owns: delete, unwrap `with`, `while`→`if`, swap branches, return."""
    for field, body in _body_lists(node):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and field == "body":
            at = 1 if _is_docstring(body[0]) else 0
            if at < len(body) and _snippet(body[at]) not in {"return", "return None"}:
                yield _Site(
                    index,
                    "early-return",
                    scope,
                    body[at].lineno,
                    f"return None at the start of {node.name}()",
                    _insert_return(field, at),
                )
        for position, stmt in enumerate(body):
            where = stmt.lineno
            if not (
                _is_docstring(stmt)
                or isinstance(
                    stmt,
                    (
                        ast.Pass,
                        ast.FunctionDef,
                        ast.AsyncFunctionDef,
                        ast.ClassDef,
                        ast.Import,
                        ast.ImportFrom,
                    ),
                )
            ):
                yield _Site(
                    index,
                    "delete",
                    scope,
                    where,
                    f"deleted `{_snippet(stmt)}`",
                    _replace(field, position, None),
                )
            if isinstance(stmt, (ast.With, ast.AsyncWith)):
                yield _Site(
                    index,
                    "unwrap-with",
                    scope,
                    where,
                    f"`{_snippet(stmt.items[0].context_expr)}` block removed, body kept",
                    _unwrap_with(field, position),
                )
            if isinstance(stmt, ast.While):
                yield _Site(
                    index,
                    "while-to-if",
                    scope,
                    where,
                    f"`while {_snippet(stmt.test)}` became `if`",
                    _while_to_if(field, position),
                )
            if isinstance(stmt, ast.If):
                label = "swapped if/else branches" if stmt.orelse else "negated condition"
                yield _Site(
                    index,
                    "swap-branches",
                    scope,
                    where,
                    f"{label} of `if {_snippet(stmt.test)}`",
                    _swap_if(field, position),
                )


def _replace(field: str, position: int, new: ast.stmt | None) -> _Edit:
    def edit(node: ast.AST) -> bool:
        body: list[ast.stmt] = getattr(node, field)
        replacement = new if new is not None else ast.Pass()
        body[position] = replacement
        return True

    return edit


def _insert_return(field: str, position: int) -> _Edit:
    def edit(node: ast.AST) -> bool:
        body: list[ast.stmt] = getattr(node, field)
        body.insert(position, ast.Return(value=ast.Constant(value=None)))
        return True

    return edit


def _unwrap_with(field: str, position: int) -> _Edit:
    def edit(node: ast.AST) -> bool:
        body: list[ast.stmt] = getattr(node, field)
        stmt = body[position]
        if not isinstance(stmt, (ast.With, ast.AsyncWith)):
            return False
        body[position : position + 1] = stmt.body
        return True

    return edit


def _while_to_if(field: str, position: int) -> _Edit:
    def edit(node: ast.AST) -> bool:
        body: list[ast.stmt] = getattr(node, field)
        stmt = body[position]
        if not isinstance(stmt, ast.While):
            return False
        body[position] = ast.If(test=stmt.test, body=stmt.body, orelse=stmt.orelse)
        return True

    return edit


def _swap_if(field: str, position: int) -> _Edit:
    def edit(node: ast.AST) -> bool:
        body: list[ast.stmt] = getattr(node, field)
        stmt = body[position]
        if not isinstance(stmt, ast.If):
            return False
        if stmt.orelse:
            stmt.body, stmt.orelse = stmt.orelse, stmt.body
        else:
            stmt.test = ast.UnaryOp(op=ast.Not(), operand=stmt.test)
        return True

    return edit


def _expression_sites(node: ast.AST, index: int, scope: str) -> Iterator[_Site]:
    line = getattr(node, "lineno", 0)
    if isinstance(node, ast.Compare):
        for k, op in enumerate(node.ops):
            flipped = _COMPARE_FLIPS.get(type(op))
            if flipped is not None:
                yield _Site(
                    index,
                    "compare",
                    scope,
                    line,
                    f"`{_OP_TEXT[type(op)]}` became `{_OP_TEXT[flipped]}` in `{_snippet(node)}`",
                    _flip_compare(k, flipped),
                )
    if (
        isinstance(node, ast.Compare)
        and len(node.ops) == 1
        and not isinstance(node.comparators[0], ast.Constant)
    ) and type(node.ops[0]) in _ORDERING:
        for delta in (1, -1):
            yield _Site(
                index,
                "boundary",
                scope,
                line,
                f"`{_snippet(node.comparators[0])}` {'+' if delta > 0 else '-'} 1 in `{_snippet(node)}`",
                _shift_comparator(delta),
            )
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
        if node.func.id in _CONVERSIONS and len(node.args) == 1 and not node.keywords:
            yield _Site(
                index, "dropped-copy", scope, line, f"`{_snippet(node)}` became its argument", _unwrap_call
            )
        if node.func.id in {"min", "max"}:
            other = "max" if node.func.id == "min" else "min"
            yield _Site(
                index, "min-max", scope, line, f"`{other}` instead of `{_snippet(node)}`", _swap_min_max
            )
    if isinstance(node, ast.BoolOp):
        other = "or" if isinstance(node.op, ast.And) else "and"
        yield _Site(
            index,
            "and-or",
            scope,
            line,
            f"`{other}` instead of `{'and' if other == 'or' else 'or'}` in `{_snippet(node)}`",
            _swap_boolop,
        )
    elif isinstance(node, ast.Constant) and type(node.value) is int:
        for delta in (1, -1):
            yield _Site(
                index,
                "off-by-one",
                scope,
                line,
                f"constant {node.value} became {node.value + delta}",
                _shift_constant(delta),
            )
    elif isinstance(node, ast.Slice):
        for bound in ("lower", "upper"):
            value = getattr(node, bound)
            if value is not None and not isinstance(value, ast.Constant):
                for delta in (1, -1):
                    yield _Site(
                        index,
                        "slice-bound",
                        scope,
                        line,
                        f"slice {bound} bound `{_snippet(value)}` {'+' if delta > 0 else '-'} 1",
                        _shift_slice(bound, delta),
                    )
    elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        for k, decorator in enumerate(node.decorator_list):
            yield _Site(
                index,
                "decorator",
                scope,
                node.lineno,
                f"dropped decorator `@{_snippet(decorator)}`",
                _drop_decorator(k),
            )


def _flip_compare(k: int, flipped: type[ast.cmpop]) -> _Edit:
    def edit(node: ast.AST) -> bool:
        if not isinstance(node, ast.Compare):
            return False
        node.ops[k] = flipped()
        return True

    return edit


def _shift_comparator(delta: int) -> _Edit:
    def edit(node: ast.AST) -> bool:
        if not isinstance(node, ast.Compare):
            return False
        op: ast.operator = ast.Add() if delta > 0 else ast.Sub()
        node.comparators[0] = ast.BinOp(left=node.comparators[0], op=op, right=ast.Constant(value=1))
        return True

    return edit


def _unwrap_call(node: ast.AST) -> bool:
    # the call node is replaced by its argument through its only field that can hold it: reuse the node
    if not isinstance(node, ast.Call):
        return False
    node.func = ast.Lambda(
        args=ast.arguments(
            posonlyargs=[], args=[ast.arg(arg="x")], kwonlyargs=[], kw_defaults=[], defaults=[]
        ),
        body=ast.Name(id="x", ctx=ast.Load()),
    )
    return True


def _swap_min_max(node: ast.AST) -> bool:
    if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Name):
        return False
    node.func = ast.Name(id="max" if node.func.id == "min" else "min", ctx=ast.Load())
    return True


def _swap_boolop(node: ast.AST) -> bool:
    if not isinstance(node, ast.BoolOp):
        return False
    node.op = ast.Or() if isinstance(node.op, ast.And) else ast.And()
    return True


def _shift_constant(delta: int) -> _Edit:
    def edit(node: ast.AST) -> bool:
        if not isinstance(node, ast.Constant) or type(node.value) is not int:
            return False
        node.value = node.value + delta
        return True

    return edit


def _shift_slice(bound: str, delta: int) -> _Edit:
    def edit(node: ast.AST) -> bool:
        value = getattr(node, bound)
        op: ast.operator = ast.Add() if delta > 0 else ast.Sub()
        setattr(node, bound, ast.BinOp(left=value, op=op, right=ast.Constant(value=1)))
        return True

    return edit


def _drop_decorator(k: int) -> _Edit:
    def edit(node: ast.AST) -> bool:
        if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            return False
        del node.decorator_list[k]
        return True

    return edit


def _sites(tree: ast.AST) -> list[_Site]:
    sites: list[_Site] = []
    for index, (node, scope) in enumerate(_walk(tree)):
        inner = scope
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            inner = f"{scope}.{node.name}" if scope else node.name
        sites.extend(_statement_sites(node, index, inner))
        sites.extend(_expression_sites(node, index, scope))
    return sites


def mutants(source: str) -> list[Mutant]:
    """Every mutant of `source` that compiles and differs from it, each source text once, in a fixed order."""
    tree = pysource.parse(source)
    original = ast.unparse(tree)
    seen_sources = {original}
    seen_ids: dict[str, int] = {}
    made: list[Mutant] = []
    for site in _sites(tree):
        copy_tree = copy.deepcopy(tree)
        target = next(node for index, (node, _) in enumerate(_walk(copy_tree)) if index == site.index)
        if not site.edit(target):
            continue
        try:
            text = ast.unparse(ast.fix_missing_locations(copy_tree))
            compile(text, "solution.py", "exec")
        except (SyntaxError, ValueError):
            continue
        if text in seen_sources:
            continue
        seen_sources.add(text)
        base = f"{site.scope or '<module>'}: {site.description}"
        seen_ids[base] = seen_ids.get(base, 0) + 1
        mutant_id = base if seen_ids[base] == 1 else f"{base} #{seen_ids[base]}"
        made.append(
            Mutant(id=mutant_id, kind=site.kind, line=site.line, description=site.description, source=text)
        )
    return made

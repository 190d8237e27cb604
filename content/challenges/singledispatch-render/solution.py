from collections.abc import Mapping, Set
from functools import singledispatch


@singledispatch
def render(value) -> str:
    raise TypeError(f"cannot render {type(value).__name__}")


@render.register(type(None))
def _render_none(value) -> str:
    return "null"


@render.register
def _render_bool(value: bool) -> str:
    return "true" if value else "false"


@render.register
def _render_int(value: int) -> str:
    # int.__repr__, not str(value): a subclass may override __str__ (IntEnum did until 3.11: "Level.HIGH")
    return int.__repr__(value)


@render.register
def _render_float(value: float) -> str:
    return float.__repr__(value)


@render.register
def _render_str(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


@render.register(list)
@render.register(tuple)
def _render_sequence(value) -> str:
    # recursive calls go through render(), so types registered later are rendered inside containers too
    return "[" + ", ".join(render(item) for item in value) + "]"


@render.register
def _render_set(value: Set) -> str:
    if not value:
        return "set()"
    return "{" + ", ".join(sorted(render(item) for item in value)) + "}"


@render.register
def _render_mapping(value: Mapping) -> str:
    return "{" + ", ".join(f"{render(key)}: {render(item)}" for key, item in value.items()) + "}"

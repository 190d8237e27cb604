from collections.abc import Mapping, Set
from functools import singledispatch


def render(value) -> str:
    raise NotImplementedError

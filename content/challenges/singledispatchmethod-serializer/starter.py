import dataclasses
import datetime
import enum
import math
from collections.abc import Mapping, Set
from decimal import Decimal
from functools import singledispatchmethod


class Serializer:
    def __init__(self, *, sort_keys: bool = False) -> None:
        self.sort_keys = sort_keys

    def dump(self, value):
        raise NotImplementedError

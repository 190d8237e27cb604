from __future__ import annotations

from decimal import Decimal, InvalidOperation
from functools import total_ordering


@total_ordering
class Money:
    __slots__ = ("_amount", "_currency")

    def __init__(self, amount: int | str | Decimal, currency: str) -> None:
        if type(amount) not in (int, str, Decimal):
            raise TypeError("amount must be an int, str or Decimal")
        try:
            value = Decimal(amount)
        except InvalidOperation:
            raise ValueError(f"not an amount: {amount!r}") from None
        if not value.is_finite():
            raise ValueError(f"not an amount: {amount!r}")
        if not (isinstance(currency, str) and len(currency) == 3 and currency.isascii() and currency.isalpha()):
            raise ValueError(f"not a currency code: {currency!r}")
        object.__setattr__(self, "_amount", value)
        object.__setattr__(self, "_currency", currency.upper())

    @property
    def amount(self) -> Decimal:
        return self._amount

    @property
    def currency(self) -> str:
        return self._currency

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError("Money is immutable")

    def __repr__(self) -> str:
        return f"Money({str(self._amount)!r}, {self._currency!r})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Money):
            return False  # the other operand never gets asked
        return self._currency == other._currency and self._amount == other._amount

    def __hash__(self) -> int:
        # Equal objects must hash equal: Decimal("1.5") and Decimal("1.50") already do.
        return hash((self._amount, self._currency))

    def _same_currency(self, other: Money, verb: str) -> None:
        if self._currency != other._currency:
            raise ValueError(f"cannot {verb} {self._currency} and {other._currency}")

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Money):
            return NotImplemented
        self._same_currency(other, "compare")
        return self._amount < other._amount

    def __add__(self, other: object) -> Money:
        if not isinstance(other, Money):
            return NotImplemented
        self._same_currency(other, "add")
        return Money(self._amount + other._amount, self._currency)

    def __radd__(self, other: object) -> Money:
        if type(other) is int and other == 0:  # the start value of sum()
            return self
        return NotImplemented

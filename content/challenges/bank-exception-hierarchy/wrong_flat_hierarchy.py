class AccountError(Exception):
    pass


class InsufficientFunds(Exception):
    def __init__(self, balance: int, requested: int) -> None:
        super().__init__(f"cannot withdraw {requested} with balance {balance}")
        self.balance = balance
        self.requested = requested


class AccountFrozen(AccountError):
    def __init__(self) -> None:
        super().__init__("account is frozen")


class InvalidAmount(AccountError):
    def __init__(self, amount: int) -> None:
        super().__init__(f"amount must be positive, got {amount}")


class Account:
    def __init__(self, balance: int = 0) -> None:
        self.balance = balance
        self.frozen = False

    def freeze(self) -> None:
        self.frozen = True

    def deposit(self, amount: int) -> int:
        if self.frozen:
            raise AccountFrozen()
        if amount <= 0:
            raise InvalidAmount(amount)
        self.balance += amount
        return self.balance

    def withdraw(self, amount: int) -> int:
        if self.frozen:
            raise AccountFrozen()
        if amount <= 0:
            raise InvalidAmount(amount)
        if amount > self.balance:
            raise InsufficientFunds(self.balance, amount)
        self.balance -= amount
        return self.balance

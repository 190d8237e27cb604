class AccountError(Exception):
    pass


class InsufficientFunds(AccountError):
    def __init__(self, balance, requested):
        self.balance = balance
        self.requested = requested
        super().__init__(f"cannot withdraw {requested} with balance {balance}")


class AccountFrozen(AccountError):
    def __init__(self):
        super().__init__("account is frozen")


class InvalidAmount(AccountError):
    def __init__(self, amount):
        self.amount = amount
        super().__init__(f"amount must be positive, got {amount}")


class Account:
    def __init__(self, balance: int = 0) -> None:
        self.balance = balance
        self.frozen = False

    def freeze(self):
        self.frozen = True

    def _check(self, amount):
        if self.frozen:
            raise AccountFrozen()
        if amount <= 0:
            raise InvalidAmount(amount)

    def deposit(self, amount):
        self._check(amount)
        self.balance += amount
        return self.balance

    def withdraw(self, amount):
        self._check(amount)
        if amount > self.balance:
            raise InsufficientFunds(self.balance, amount)
        self.balance -= amount
        return self.balance

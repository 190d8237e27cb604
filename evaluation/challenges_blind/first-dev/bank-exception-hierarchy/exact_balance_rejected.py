class AccountError(Exception):
    pass


class InsufficientFunds(AccountError):
    def __init__(self, balance, requested):
        super().__init__(f"cannot withdraw {requested} with balance {balance}")
        self.balance = balance
        self.requested = requested


class AccountFrozen(AccountError):
    def __init__(self):
        super().__init__("account is frozen")



class InvalidAmount(AccountError, ValueError):
    def __init__(self, amount):
        super().__init__(f"amount must be positive, got {amount}")
        self.amount = amount



class Account:
    def __init__(self, balance: int = 0) -> None:
        self.balance = balance
        self.frozen = False

    def _check_frozen(self):
        if self.frozen:
            raise AccountFrozen()

    def freeze(self):
        self.frozen = True

    def deposit(self, amount):
        self._check_frozen()
        if amount <= 0:
            raise InvalidAmount(amount)
        self.balance += amount
        return self.balance

    def withdraw(self, amount):
        self._check_frozen()
        if amount <= 0:
            raise InvalidAmount(amount)
        if amount >= self.balance:
            raise InsufficientFunds(self.balance, amount)
        self.balance -= amount
        return self.balance

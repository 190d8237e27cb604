class AccountError(Exception):
    pass


class Account:
    def __init__(self, balance: int = 0) -> None:
        self.balance = balance

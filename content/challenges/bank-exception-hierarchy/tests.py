from solution import Account, AccountError, AccountFrozen, InsufficientFunds, InvalidAmount


def _outcome(action):
    try:
        return ["ok", action()]
    except AccountError as exc:
        return [type(exc).__name__, str(exc)]
    except ValueError as exc:
        return ["ValueError only", str(exc)]
    except Exception as exc:
        return ["not an AccountError", type(exc).__name__]


def test_overdraw_is_insufficient_funds():
    account = Account(20)
    return _outcome(lambda: account.withdraw(30))


def test_caller_can_catch_the_base_class():
    return [issubclass(cls, AccountError) for cls in (InsufficientFunds, AccountFrozen, InvalidAmount)]


def test_details_are_attributes():
    account = Account(5)
    try:
        account.withdraw(8)
    except InsufficientFunds as exc:
        return [exc.balance, exc.requested]
    return None


def test_invalid_amount_is_also_a_value_error():
    account = Account()
    try:
        account.deposit(-5)
    except Exception as exc:
        return [type(exc).__name__, str(exc), isinstance(exc, ValueError), isinstance(exc, AccountError)]
    return None


def test_frozen_account_refuses_everything():
    account = Account(100)
    account.freeze()
    return [_outcome(lambda: account.deposit(1)), _outcome(lambda: account.withdraw(0)), account.balance]


def test_failures_leave_balance_unchanged():
    account = Account(10)
    results = [_outcome(lambda: account.withdraw(11)), _outcome(lambda: account.deposit(0))]
    return [results, account.balance]


def test_happy_path_returns_new_balance():
    account = Account()
    return [account.deposit(50), account.withdraw(20), account.withdraw(30), account.balance]


def test_the_smallest_amount_is_one():
    account = Account(0)
    return [_outcome(lambda: account.deposit(1)), _outcome(lambda: account.withdraw(1)), _outcome(lambda: account.deposit(0))]


def test_invalid_amount_keeps_the_amount():
    try:
        Account(5).deposit(-3)
    except Exception as exc:  # noqa: BLE001 - the type is part of the observation
        return [type(exc).__name__, getattr(exc, "amount", None), str(exc), isinstance(exc, ValueError)]
    return "nothing raised"


def generate(rng, n):
    """Fresh sequences of deposits and withdrawals (some invalid, some too large), sometimes frozen midway."""
    cases = []
    for _ in range(n):
        steps = []
        for _ in range(rng.randint(1, 12)):
            roll = rng.random()
            if roll < 0.08:
                steps.append(("freeze", 0))
            else:
                steps.append((rng.choice(["deposit", "withdraw"]), rng.randint(-5, 60)))
        cases.append((rng.randint(0, 50), steps))
    return cases


def check(case):
    balance, steps = case
    account = Account(balance)
    seen = []
    for action, amount in steps:
        if action == "freeze":
            account.freeze()
            seen.append("frozen")
        else:
            seen.append(_outcome(lambda action=action, amount=amount: getattr(account, action)(amount)))
    return [seen, account.balance]

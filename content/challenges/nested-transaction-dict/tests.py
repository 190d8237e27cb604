from solution import TransactionalDict


def state(d):
    return [sorted(d.items()), len(d), d.depth]


def test_rollback_undoes_changes_since_begin():
    d = TransactionalDict(a=1, b=2)
    d.begin()
    d["a"] = 10
    d["c"] = 3
    del d["b"]
    during = state(d)
    d.rollback()
    return [during, state(d)]


def test_commit_keeps_changes():
    d = TransactionalDict(a=1)
    d.begin()
    d["a"] = 2
    d["b"] = None
    d.commit()
    return [state(d), d["b"], "b" in d]


def test_inner_rollback_undoes_only_the_inner_transaction():
    d = TransactionalDict(x=0)
    d.begin()
    d["x"] = 1
    d.begin()
    d["x"] = 2
    d["y"] = "inner"
    d.rollback()
    inner_undone = state(d)
    d.rollback()
    return [inner_undone, state(d)]


def test_outer_rollback_undoes_a_committed_inner_transaction():
    d = TransactionalDict(x=0)
    d.begin()
    d.begin()
    d["x"] = 5
    d["new"] = 1
    d.commit()
    after_inner_commit = state(d)
    d.rollback()
    return [after_inner_commit, state(d)]


def test_a_commit_merges_into_the_transaction_just_outside_it():
    d = TransactionalDict(x=0)
    d.begin()
    d.begin()
    d.begin()
    d["x"] = 3
    d.commit()
    d.rollback()
    middle_undone = state(d)
    d.rollback()
    return [middle_undone, state(d)]


def test_a_key_changed_many_times_rolls_back_to_its_first_value():
    d = TransactionalDict(k="original")
    d.begin()
    for n in range(5):
        d["k"] = n
    del d["k"]
    d["k"] = "last"
    d.rollback()
    return state(d)


def test_a_key_changed_in_both_levels_returns_to_the_outer_start():
    d = TransactionalDict(k=0)
    d.begin()
    d["k"] = 1
    d.begin()
    d["k"] = 2
    d.commit()
    d.rollback()
    return state(d)


def test_none_is_a_value_not_an_absence():
    d = TransactionalDict(n=None)
    d.begin()
    d["n"] = 1
    d["m"] = None
    d.rollback()
    return [state(d), "n" in d, "m" in d]


def test_without_a_transaction_commit_and_rollback_are_errors():
    d = TransactionalDict()
    outcomes = []
    for action in (d.commit, d.rollback):
        try:
            action()
            outcomes.append("allowed")
        except RuntimeError as exc:
            outcomes.append(str(exc))
    return outcomes


def test_deleting_a_missing_key_raises_and_logs_nothing():
    d = TransactionalDict(a=1)
    d.begin()
    try:
        del d["zzz"]
        outcome = "deleted"
    except KeyError:
        outcome = "KeyError"
    d.rollback()
    return [outcome, state(d)]


def test_the_context_manager_commits_or_rolls_back_and_re_raises():
    d = TransactionalDict(a=1)
    with d.transaction() as same:
        d["a"] = 2
    committed = [state(d), same is d]
    try:
        with d.transaction():
            d["a"] = 3
            d["b"] = 4
            raise KeyError("abort")
    except KeyError:
        error = "KeyError"
    return [committed, error, state(d)]


def test_it_is_a_mutable_mapping():
    d = TransactionalDict({"a": 1}, b=2)
    d.update(c=3)
    popped = d.pop("a")
    d.setdefault("z", 26)
    return [popped, state(d), d.get("missing", "default"), dict(d) == {"b": 2, "c": 3, "z": 26}]


def test_rollback_costs_what_the_transaction_changed_not_the_size():
    d = TransactionalDict((n, n) for n in range(200_000))
    for n in range(20_000):
        d.begin()
        d[n] = -n
        d[f"extra{n}"] = n
        if n % 2:
            d.rollback()
        else:
            d.commit()
    return [len(d), d[1], d[2], d.depth]


def generate(rng, n):
    """Fresh sequences of writes, deletes, nested begins, commits and rollbacks."""
    actions = ["set", "set", "del", "begin", "begin", "commit", "rollback", "get"]
    return [[(rng.choice(actions), rng.choice("abc"), rng.choice([None, 0, 1, 2])) for _ in range(rng.randint(1, 25))] for _ in range(n)]


def check(case):
    d = TransactionalDict(a=0)
    seen = []
    for action, key, value in case:
        try:
            if action == "set":
                d[key] = value
            elif action == "del":
                del d[key]
            elif action == "begin":
                d.begin()
            elif action == "commit":
                d.commit()
            elif action == "rollback":
                d.rollback()
            else:
                seen.append(d.get(key, "missing"))
        except (KeyError, RuntimeError) as exc:
            seen.append(type(exc).__name__)
        seen.append(state(d))
    return seen

from solution import rollback


def test_changes_kept_on_success():
    settings = {"debug": False}
    with rollback(settings) as data:
        data["debug"] = True
        data["level"] = 3
    return settings


def test_changes_undone_on_error():
    settings = {"debug": False, "workers": 2}
    try:
        with rollback(settings) as data:
            data["debug"] = True
            del data["workers"]
            raise KeyError("workers")
    except KeyError as exc:
        return [repr(exc), settings]
    return "error was swallowed"


def test_keys_added_in_a_failed_block_are_removed():
    settings = {"debug": False}
    try:
        with rollback(settings) as data:
            data["level"] = 3
            data["extra"] = {"x": 1}
            raise RuntimeError("undo")
    except RuntimeError:
        pass
    return sorted(settings.items())


def test_as_binds_the_same_object():
    settings = {}
    with rollback(settings) as data:
        same = data is settings
    return same


def test_restores_in_place():
    settings = {"a": 1}
    alias = settings
    try:
        with rollback(settings) as data:
            data["a"] = 2
            raise ValueError("x")
    except ValueError:
        pass
    return [alias, alias is settings]


def test_counts_outcomes_over_several_blocks():
    settings = {"n": 0}
    guard = rollback(settings)
    for step in range(4):
        try:
            with guard as data:
                data["n"] += 1
                if step % 2:
                    raise RuntimeError("odd step")
        except RuntimeError:
            pass
    return [settings, guard.committed, guard.rolled_back]


def test_exception_type_is_unchanged():
    try:
        with rollback({}):
            raise LookupError("kept")
    except Exception as exc:
        return [type(exc).__name__, str(exc)]
    return None


def generate(rng, n):
    """Fresh dicts and blocks of changes (set, delete, clear) that succeed or fail, several per manager."""
    cases = []
    for _ in range(n):
        start = {key: rng.randint(0, 9) for key in rng.sample("abcde", rng.randint(0, 4))}
        blocks = [([(rng.choice(["set", "set", "del", "clear"]), rng.choice("abcdef"), rng.randint(10, 99)) for _ in range(rng.randint(1, 4))], rng.random() < 0.5) for _ in range(rng.randint(1, 4))]
        cases.append((start, blocks))
    return cases


def check(case):
    start, blocks = case
    target = dict(start)
    manager = rollback(target)
    seen = []
    for changes, fails in blocks:
        try:
            with manager as data:
                for action, key, value in changes:
                    if action == "set":
                        data[key] = value
                    elif action == "del":
                        data.pop(key, None)
                    else:
                        data.clear()
                if fails:
                    raise RuntimeError("undo")
        except RuntimeError:
            pass
        seen.append(dict(target))
    return [seen, manager.committed, manager.rolled_back, manager.target is target]

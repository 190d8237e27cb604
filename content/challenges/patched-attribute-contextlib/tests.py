from solution import patched


class Config:
    timeout = 30


def test_value_is_replaced_inside():
    config = Config()
    with patched(config, "timeout", 1) as bound:
        inside = [config.timeout, bound]
    return [inside, config.timeout]


def test_restored_after_error():
    config = Config()
    config.timeout = 45
    try:
        with patched(config, "timeout", 0):
            raise TimeoutError("slow")
    except TimeoutError as exc:
        return [str(exc), config.timeout]
    return "error was swallowed"


def test_missing_attribute_is_removed_again():
    config = Config()
    with patched(config, "retries", 5):
        inside = config.retries
    return [inside, hasattr(config, "retries")]


def test_nested_patches_unwind():
    config = Config()
    seen = []
    with patched(config, "timeout", 1):
        with patched(config, "timeout", 2):
            seen.append(config.timeout)
        seen.append(config.timeout)
    seen.append(config.timeout)
    return seen


def test_patching_a_module_level_object():
    import math

    with patched(math, "pi", 3):
        inside = math.pi
    return [inside, round(math.pi, 5)]


def test_class_attribute_restored_not_shadowed():
    with patched(Config, "timeout", 99):
        inside = Config.timeout
    return [inside, Config.timeout, "timeout" in vars(Config)]


def test_an_inherited_attribute_is_not_left_shadowed():
    class Base:
        retries = 3

    class Sub(Base):
        pass

    config = Config()
    with patched(config, "timeout", 5):
        inside = config.timeout
    with patched(Sub, "retries", 9):
        inside_sub = Sub.retries
    Config.timeout, Base.retries = 60, 4  # later changes to the class must still show through
    try:
        after = [config.timeout, "timeout" in vars(config), Sub.retries, "retries" in vars(Sub)]
    finally:
        Config.timeout = 30
    return [inside, inside_sub, after]


def test_a_slot_is_restored():
    class Point:
        __slots__ = ("x",)

        def __init__(self):
            self.x = 1

    point = Point()
    with patched(point, "x", 2):
        inside = point.x
    return [inside, point.x]


def generate(rng, n):
    """Fresh attribute names (existing on the class, on the instance, or missing), values and errors."""
    cases = []
    for _ in range(n):
        steps = [(rng.choice(["timeout", "retries", "name"]), rng.randint(-5, 99), rng.random() < 0.4) for _ in range(rng.randint(1, 5))]
        cases.append((rng.random() < 0.5, steps))
    return cases


def check(case):
    own_timeout, steps = case
    config = Config()
    if own_timeout:
        config.timeout = 45
    seen = []
    for name, value, fails in steps:
        try:
            with patched(config, name, value) as bound:
                inside = [getattr(config, name), bound]
                if fails:
                    raise LookupError(name)
        except LookupError:
            inside.append("raised")
        seen.append([inside, getattr(config, name, "absent"), name in vars(config)])
    return seen

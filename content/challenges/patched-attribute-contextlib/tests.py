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

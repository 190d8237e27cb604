import threading
import time

from solution import Singleton


def test_same_instance_every_time():
    class Config(metaclass=Singleton):
        def __init__(self, env="dev"):
            self.env = env

    first, second = Config("prod"), Config("test")
    return [first is second, second.env]


def test_each_class_has_its_own_instance():
    class Cache(metaclass=Singleton):
        pass

    class Registry(metaclass=Singleton):
        pass

    return [Cache() is Cache(), Cache() is Registry(), type(Registry()).__name__]


def test_subclass_gets_its_own_instance():
    class Base(metaclass=Singleton):
        pass

    class Child(Base):
        pass

    return [Child() is Base(), type(Child()).__name__, type(Base()).__name__, Child() is Child()]


def test_subclass_created_after_its_parent_gets_its_own_instance():
    class Base(metaclass=Singleton):
        def __init__(self, label):
            self.label = label

    class Child(Base):
        pass

    parent = Base("parent")
    child = Child("child")
    return [child is parent, type(child).__name__, getattr(child, "label", None), Base("again") is parent, Child("again") is child]


def test_init_runs_once():
    calls = []

    class Service(metaclass=Singleton):
        def __init__(self):
            calls.append(1)

    for _ in range(5):
        Service()
    return len(calls)


def test_concurrent_first_calls_create_one_instance():
    calls = []

    class Slow(metaclass=Singleton):
        def __init__(self):
            calls.append(1)
            time.sleep(0.02)

    barrier = threading.Barrier(8)
    seen = []

    def worker():
        barrier.wait()
        seen.append(id(Slow()))

    threads = [threading.Thread(target=worker) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return [len(calls), len(set(seen))]


def test_reset_creates_a_new_instance():
    class Pool(metaclass=Singleton):
        def __init__(self, size=1):
            self.size = size

    old = Pool(1)
    Singleton.reset(Pool)
    new = Pool(9)
    return [old is new, new.size]


def test_failed_init_is_retried():
    attempts = []

    class Flaky(metaclass=Singleton):
        def __init__(self):
            attempts.append(1)
            if len(attempts) == 1:
                raise RuntimeError("not yet")

    try:
        Flaky()
    except RuntimeError:
        pass
    return [Flaky() is Flaky(), len(attempts)]


def test_one_singleton_can_build_another_in_its_init():
    class Settings(metaclass=Singleton):
        def __init__(self):
            self.level = "INFO"

    class Logger(metaclass=Singleton):
        def __init__(self):
            self.settings = Settings()

    logger = Logger()
    return [getattr(logger, "settings", None) is Settings(), Logger() is logger, type(Settings()).__name__]


def test_reset_waits_for_a_creation_in_progress():
    inside = threading.Event()
    resume = threading.Event()

    class Pool(metaclass=Singleton):
        def __init__(self):
            inside.set()
            resume.wait(0.1)

    created = []
    thread = threading.Thread(target=lambda: created.append(Pool()))
    thread.start()
    inside.wait(1)
    Singleton.reset(Pool)  # with the lock, this waits until the instance is stored, then forgets it
    resume.set()
    thread.join()
    return Pool() is created[0]


def generate(rng, n):
    """Fresh sequences of calls on a base class and a subclass, with arguments and resets."""
    return [[(rng.choice(["Base", "Child", "Base", "reset Base", "reset Child"]), rng.randint(0, 9)) for _ in range(rng.randint(1, 12))] for _ in range(n)]


def check(case):
    class Base(metaclass=Singleton):
        def __init__(self, value=None):
            self.value = value

    class Child(Base):
        pass

    classes = {"Base": Base, "Child": Child}
    instances = []
    seen = []
    for action, value in case:
        if action.startswith("reset "):
            Singleton.reset(classes[action.split()[1]])
            seen.append(action)
            continue
        instance = classes[action](value)
        if not any(instance is known for known in instances):
            instances.append(instance)
        number = next(index for index, known in enumerate(instances) if known is instance)
        seen.append([action, number, getattr(instance, "value", None), type(instance).__name__])
    return seen

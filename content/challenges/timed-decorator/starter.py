import functools
import time


def timed(*, clock=time.perf_counter, report=None):
    raise NotImplementedError

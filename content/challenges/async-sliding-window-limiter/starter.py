import asyncio
import time
from collections import deque


class AsyncRateLimiter:
    def __init__(self, max_calls: int, period: float, *, clock=time.monotonic, sleep=asyncio.sleep) -> None:
        raise NotImplementedError

    def try_acquire(self) -> bool:
        raise NotImplementedError

    async def acquire(self) -> float:
        raise NotImplementedError

    async def __aenter__(self) -> "AsyncRateLimiter":
        raise NotImplementedError

    async def __aexit__(self, exc_type, exc, tb) -> None:
        raise NotImplementedError

"""Change events for the experiment's parts: a callback list, and batches of them.

An ``Event`` is a list of callbacks called with the event's arguments
(napari's ``EventEmitter``, reduced to what the parts need). Events made by
one ``Batcher`` are held while ``with batcher.batch():`` runs and fired once
each, with their latest arguments, when the outermost block ends (glue's
``delay_callback``): a burst of edits redraws once. Events made with
``batched=False`` always fire at once; the parts use them to keep each
other in step (a run added joins the race before anything is drawn).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

Callback = Callable[..., Any]


class Batcher:
    """Holds back the batched events fired inside ``batch()`` blocks."""

    def __init__(self) -> None:
        self._depth = 0
        self._pending: dict[Event, tuple] = {}

    @property
    def holding(self) -> bool:
        return self._depth > 0

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Fire every event held inside once, when the outermost block ends."""
        self._depth += 1
        try:
            yield
        finally:
            self._depth -= 1
            if self._depth == 0:
                self._release()

    def hold(self, event: Event, args: tuple) -> None:
        self._pending.pop(event, None)  # keep the latest arguments, fired last
        self._pending[event] = args

    def _release(self) -> None:
        while self._pending:  # a callback may fire (and hold) more events
            pending, self._pending = self._pending, {}
            for event, args in pending.items():
                event.fire(*args)


class Event:
    """``connect(callback)``; ``emit(*args)`` calls every callback in order."""

    def __init__(self, name: str, batcher: Batcher | None = None, batched: bool = True):
        self.name = name
        self._batcher = batcher if batched else None
        self._callbacks: list[Callback] = []

    def connect(self, callback: Callback) -> Callback:
        self._callbacks.append(callback)
        return callback

    def disconnect(self, callback: Callback) -> None:
        self._callbacks.remove(callback)

    def emit(self, *args: Any) -> None:
        if self._batcher is not None and self._batcher.holding:
            self._batcher.hold(self, args)
        else:
            self.fire(*args)

    def fire(self, *args: Any) -> None:
        """Call the callbacks now, batch or not."""
        for callback in list(self._callbacks):
            callback(*args)

    def __repr__(self) -> str:
        return f"Event({self.name!r}, {len(self._callbacks)} callbacks)"

"""The garbage-collector conventions of long-lived processes (``app.heap``): what ``settle`` sets and
``release`` undoes, and that the service and the benchmarks' floor take them from the one place."""

from __future__ import annotations

import gc
from typing import Any

import pytest
from fastapi.testclient import TestClient

from app import heap
from app.main import create_app
from app.settings import Settings
from benchmarks.floor_app import create_floor_app


class _Recorder:
    """``gc`` for ``app.heap``, recording what it is asked to do (nothing is collected or frozen)."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, tuple[Any, ...]]] = []
        self.thresholds = (700, 10, 10)

    def collect(self) -> int:
        self.calls.append(("collect", ()))
        return 0

    def freeze(self) -> None:
        self.calls.append(("freeze", ()))

    def unfreeze(self) -> None:
        self.calls.append(("unfreeze", ()))

    def get_threshold(self) -> tuple[int, int, int]:
        return self.thresholds

    def set_threshold(self, *thresholds: int) -> None:
        self.calls.append(("set_threshold", thresholds))
        self.thresholds = (thresholds[0], thresholds[1], thresholds[2])


def test_settle_freezes_and_raises_the_young_threshold_and_release_undoes_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("app.heap.gc", gc)  # the real one, once (tests stub it: see conftest)
    before, frozen = gc.get_threshold(), gc.get_freeze_count()
    try:
        previous = heap.settle()
        assert previous == before
        assert gc.get_threshold() == (heap.YOUNG_THRESHOLD, before[1], before[2])
        assert gc.get_freeze_count() > frozen
    finally:
        heap.release(before)
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() == 0


@pytest.mark.parametrize("which", ["service", "floor"])
def test_the_service_and_the_floor_settle_alike(
    which: str, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    recorder = _Recorder()
    monkeypatch.setattr("app.heap.gc", recorder)
    app = create_app(settings) if which == "service" else create_floor_app()
    with TestClient(app) as client:
        assert client.get("/healthz").status_code == 200
        assert recorder.calls == [
            ("collect", ()),
            ("freeze", ()),
            ("set_threshold", (heap.YOUNG_THRESHOLD, 10, 10)),
        ]
        assert recorder.thresholds[0] == heap.YOUNG_THRESHOLD
    if which == "service":  # the service undoes it at shutdown (several apps in one process)
        assert recorder.calls[-2:] == [("set_threshold", (700, 10, 10)), ("unfreeze", ())]

"""A build runs with the cyclic garbage collector paused, and turns it back on after."""

from __future__ import annotations

import gc

import pytest

from histkg.pipeline import collector_paused


def test_collector_paused_inside_and_back_after() -> None:
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
        assert gc.get_freeze_count() > 0  # what existed before is left out of collections
    assert gc.isenabled()
    assert gc.get_freeze_count() == 0


def test_collector_back_after_an_error() -> None:
    with pytest.raises(RuntimeError), collector_paused():
        raise RuntimeError("stop")
    assert gc.isenabled()
    assert gc.get_freeze_count() == 0


def test_collector_left_off_when_it_was_off() -> None:
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()

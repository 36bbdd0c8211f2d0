import ctypes.util

import pytest

from service.memory import limit_malloc_arenas


def test_operator_setting_wins(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MALLOC_ARENA_MAX", "4")
    assert limit_malloc_arenas() is False


def test_cap_applies_on_glibc(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("MALLOC_ARENA_MAX", raising=False)
    if ctypes.util.find_library("c") is None:
        pytest.skip("no C library found by ctypes")
    assert limit_malloc_arenas() is True

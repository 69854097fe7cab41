"""Helpers the engine's tests share."""

import numpy as np
import pytest


def central_differences(f, params: np.ndarray, eps: float = 1e-6) -> np.ndarray:
    """The gradient of ``f()`` with respect to ``params`` (changed in place, then restored),
    by central finite differences: (f(θ + ε) - f(θ - ε)) / 2ε, one parameter at a time."""
    grad = np.zeros_like(params)
    for i in range(params.size):
        old = params[i]
        params[i] = old + eps
        up = f()
        params[i] = old - eps
        down = f()
        params[i] = old
        grad[i] = (up - down) / (2 * eps)
    return grad


@pytest.fixture(scope="session")
def numeric_gradient():
    """``central_differences``, for tests that check an analytic gradient against it."""
    return central_differences

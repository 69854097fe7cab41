"""From a network's outputs to the class it predicts."""

from __future__ import annotations

import numpy as np


def predicted_classes(outputs: np.ndarray) -> np.ndarray:
    """The predicted class of each row of ``outputs`` (shape (..., k)), as int64.

    With one output node the network answers yes or no: class 1 when the output passes
    0.5 (a sigmoid's midpoint), else class 0. With several, the node with the largest output
    wins (argmax), as with softmax probabilities.
    """
    outputs = np.asarray(outputs)
    if outputs.shape[-1] == 1:
        return (outputs[..., 0] > 0.5).astype(np.int64)
    return outputs.argmax(axis=-1).astype(np.int64)

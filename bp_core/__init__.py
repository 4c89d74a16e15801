"""bp_core: backpropagation two ways, by hand and by PyTorch autograd, with every gradient checked.

Examples
--------
>>> import bp_core
>>> result = bp_core.train(bp_core.Line(), bp_core.seed_line(), method="manual", learning_rate=0.01, epochs=1000)
>>> result.history.columns.tolist()
['epoch', 'loss', 'w', 'b', 'grad_norm']
"""

from ._validate import MAX_EPOCHS, MAX_LEARNING_RATE
from .activations import ACTIVATIONS
from .data import Dataset, half_adder, make_dataset, seed_line
from .models import MLP, Line, flatten, scalar_names, unflatten
from .training import DIVERGENCE_FACTOR, TrainResult, train

__all__ = [
    "ACTIVATIONS", "DIVERGENCE_FACTOR", "MAX_EPOCHS", "MAX_LEARNING_RATE",
    "Dataset", "Line", "MLP", "TrainResult",
    "flatten", "half_adder", "make_dataset", "scalar_names", "seed_line", "train", "unflatten",
]

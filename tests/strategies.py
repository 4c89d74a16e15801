"""Hypothesis strategies shared by the property tests: small networks, their parameters and data, in float64."""

import torch
from hypothesis import strategies as st

import bp_core

finite = st.floats(min_value=-2.0, max_value=2.0, allow_nan=False, allow_infinity=False)


@st.composite
def networks(draw):
    n_hidden_layers = draw(st.integers(1, 2))
    sizes = tuple(draw(st.integers(1, 4)) for _ in range(n_hidden_layers + 2))
    activation = draw(st.sampled_from(["sigmoid", "tanh", "relu"]))
    output_activation = draw(st.sampled_from(["sigmoid", "tanh", "relu", "identity"]))
    return bp_core.MLP(sizes, activation, output_activation, seed=draw(st.integers(0, 1000)))


def tensor(draw, shape):
    values = draw(st.lists(finite, min_size=int(torch.Size(shape).numel()), max_size=int(torch.Size(shape).numel())))
    return torch.tensor(values, dtype=torch.float64).reshape(shape)


@st.composite
def problems(draw):
    """(model, params float64, Dataset float64) for a random network, random parameters and random data."""
    model = draw(networks())
    params = {name: tensor(draw, p.shape) for name, p in model.init_params().items()}
    n = draw(st.integers(1, 5))
    data = bp_core.make_dataset(tensor(draw, (n, model.in_features)), tensor(draw, (n, model.out_features)),
                                model.in_features, model.out_features, dtype=torch.float64)
    return model, params, data


@st.composite
def line_problems(draw):
    """(Line, params float64, Dataset float64) with random w, b and random points."""
    params = {"w": tensor(draw, (1, 1)), "b": tensor(draw, (1, 1))}
    n = draw(st.integers(1, 6))
    data = bp_core.make_dataset(tensor(draw, (n, 1)), tensor(draw, (n, 1)), 1, 1, dtype=torch.float64)
    return bp_core.Line(), params, data


def far_from_kinks(model, params, data, margin=1e-3) -> bool:
    """True unless a relu unit's d (what goes in) sits within ``margin`` of 0, where finite differences straddle the
    kink."""
    if not model.layered or "relu" not in (model.activation, model.output_activation):
        return True
    cache = model.forward_values(params, data.x)
    return all(bool((d.abs() > margin).all()) for _, d, _ in cache)

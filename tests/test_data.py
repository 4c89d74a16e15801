import torch

import bp_core


def test_seed_line_is_the_lectures_points_in_float32():
    data = bp_core.seed_line()
    assert data.x.dtype == torch.float32 and data.x.shape == (4, 1) and data.y.shape == (4, 1)
    assert data.x.reshape(-1).tolist() == [1, 2, 3, 4]
    assert data.y.reshape(-1).tolist() == [3, 5, 7, 9]


def test_half_adder_targets_are_xor_and_and():
    data = bp_core.half_adder()
    for (a, b), (s, c) in zip(data.x.tolist(), data.y.tolist()):
        assert s == float(int(a) ^ int(b)) and c == float(int(a) & int(b))
    assert data.x.shape == (4, 2) and data.y.shape == (4, 2)


def test_models_have_the_lectures_parameter_shapes():
    line = bp_core.Line().init_params()
    assert {k: tuple(v.shape) for k, v in line.items()} == {"w": (1, 1), "b": (1, 1)}
    assert line["w"].item() == 0 and line["b"].item() == 0
    mlp = bp_core.MLP().init_params()
    assert {k: tuple(v.shape) for k, v in mlp.items()} == {"W1": (3, 2), "b1": (3,), "W2": (2, 3), "b2": (2,)}
    assert sum(v.numel() for v in mlp.values()) == 17


def test_network_initialisation_is_seeded_and_within_the_linear_layer_bounds():
    first, again, other = bp_core.MLP(seed=3).init_params(), bp_core.MLP(seed=3).init_params(), bp_core.MLP(seed=4)
    assert all(torch.equal(first[k], again[k]) for k in first)
    assert not torch.equal(first["W1"], other.init_params()["W1"])
    assert first["W1"].abs().max() <= 2 ** -0.5 and first["W2"].abs().max() <= 3 ** -0.5


def test_manual_loss_is_torch_mse_over_all_entries():
    mlp = bp_core.MLP((2, 4, 2), "tanh", "identity", seed=1)
    params, data = mlp.init_params(torch.float64), bp_core.half_adder().to(torch.float64)
    theta = mlp.pack(params)
    loss, _ = mlp.manual_packed(theta, data.x, data.y)
    expected = torch.nn.MSELoss()(mlp.predict(params, data.x), data.y)
    assert torch.allclose(loss, expected, rtol=1e-15)

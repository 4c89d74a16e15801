import pytest
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


def test_make_dataset_refuses_an_integer_dtype_instead_of_truncating():
    with pytest.raises(TypeError, match="dtype must be torch.float32 or torch.float64"):
        bp_core.make_dataset([[1.5]], [[2.5]], dtype=torch.int64)


@pytest.mark.parametrize("x", [[[True], [False]], [["1.5"], ["2"]], [[1 + 1j], [2]], [[None], [1.0]]])
def test_make_dataset_takes_real_numbers_only(x):
    with pytest.raises(TypeError, match=r"^x must be a 2-D array of real numbers"):
        bp_core.make_dataset(x, [[1.0], [2.0]])


def test_a_wrong_width_names_the_shape_given_and_the_shape_needed():
    with pytest.raises(ValueError, match=r"x has shape \(4, 1\), but the model reads 2 column\(s\) \(in_features=2\): "
                                         r"x must have shape \(samples, 2\)"):
        bp_core.make_dataset(torch.zeros(4, 1), torch.zeros(4, 2), 2, 2)


def test_values_beyond_float32_are_named_and_kept_in_float64():
    with pytest.raises(ValueError, match=r"x holds values beyond the range of float32"):
        bp_core.make_dataset([[1e308]], [[1.0]])
    assert bp_core.make_dataset([[1e308]], [[1.0]], dtype=torch.float64).x.item() == 1e308


def test_data_that_require_grad_are_detached_and_integers_converted_exactly():
    x = torch.tensor([[1.0], [2.0]], requires_grad=True)
    data = bp_core.make_dataset(x, torch.tensor([[3], [5]]))
    assert not data.x.requires_grad and data.y.dtype == torch.float32 and data.y.tolist() == [[3.0], [5.0]]


def test_a_dataset_checks_its_tensors_and_casts_only_to_float_dtypes():
    with pytest.raises(TypeError, match=r"Dataset\.x must be a 2-D float32 or float64 tensor"):
        bp_core.Dataset([[1.0]], torch.zeros(1, 1))
    with pytest.raises(ValueError, match="same number of rows"):
        bp_core.Dataset(torch.zeros(2, 1), torch.zeros(3, 1))
    with pytest.raises(TypeError, match="dtype"):
        bp_core.seed_line().to(torch.int32)
    assert bp_core.seed_line().to(torch.float64).x.dtype == torch.float64

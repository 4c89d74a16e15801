import numpy as np
import pytest
import torch

import bp_core


def test_line_hessian_is_the_closed_form_and_the_bound_is_two_over_lambda_max():
    bound = bp_core.stability_bound(bp_core.Line(), None, bp_core.seed_line())
    assert bound.hessian.tolist() == [[15.0, 5.0], [5.0, 2.0]]  # (2/N) [[sum x^2, sum x], [sum x, N]]
    lambda_max = (17 + np.sqrt(13**2 + 4 * 25)) / 2  # largest root of l^2 - 17 l + 5
    assert bound.lambda_max == pytest.approx(lambda_max, rel=1e-12)
    assert bound.lambda_max == pytest.approx(16.70, abs=0.005)
    assert bound.learning_rate_bound == pytest.approx(2 / lambda_max, rel=1e-12)
    assert bound.learning_rate_bound == pytest.approx(0.1198, abs=5e-5)


def test_line_hessian_does_not_depend_on_the_parameters():
    params = {"w": torch.tensor([[3.0]]), "b": torch.tensor([[-2.0]])}
    bound = bp_core.stability_bound(bp_core.Line(), params, bp_core.seed_line())
    assert bound.hessian.tolist() == [[15.0, 5.0], [5.0, 2.0]]


@pytest.mark.parametrize("method", ["manual", "autograd"])
def test_training_just_below_the_bound_converges_and_just_above_diverges(method):
    bound = bp_core.stability_bound(bp_core.Line(), None, bp_core.seed_line()).learning_rate_bound
    below = bp_core.train(bp_core.Line(), bp_core.seed_line(), method, bound * 0.98, 5000)
    above = bp_core.train(bp_core.Line(), bp_core.seed_line(), method, bound * 1.02, 5000)
    assert below.diverged_at is None and below.final_loss < 1e-6
    assert above.diverged_at is not None


def test_network_hessian_is_symmetric_and_matches_finite_differences_of_the_gradient():
    mlp = bp_core.MLP()
    params = mlp.init_params(torch.float64)
    bound = bp_core.stability_bound(mlp, params, bp_core.half_adder())
    assert bound.hessian.shape == (17, 17)
    torch.testing.assert_close(bound.hessian, bound.hessian.T)
    theta = bp_core.models.flatten(params)
    eps = 1e-5
    for i in (0, 8, 16):
        step = torch.zeros_like(theta)
        step[i] = eps
        up = bp_core.gradients(mlp, bp_core.models.unflatten(theta + step, params), bp_core.half_adder(), "manual")
        down = bp_core.gradients(mlp, bp_core.models.unflatten(theta - step, params), bp_core.half_adder(), "manual")
        column = (bp_core.models.flatten(up) - bp_core.models.flatten(down)) / (2 * eps)
        torch.testing.assert_close(bound.hessian[:, i], column, rtol=1e-5, atol=1e-8)


@pytest.mark.parametrize(("sizes", "activation"), [((2, 3, 2), "sigmoid"), ((2, 8, 8, 2), "tanh"),
                                                   ((3, 10, 10, 2), "relu"), ((4, 12, 12, 3), "tanh")])
def test_lanczos_lambda_max_matches_eigvalsh_of_the_exact_hessian(sizes, activation):
    model = bp_core.MLP(sizes, activation, "identity", seed=1)
    generator = torch.Generator().manual_seed(1)
    data = (torch.randn(20, sizes[0], generator=generator), torch.randn(20, sizes[-1], generator=generator))
    params = {k: v * 3 for k, v in model.init_params().items()}  # away from the start: negative curvature too
    exact = bp_core.stability_bound(model, params, data, method="exact")
    iterative = bp_core.stability_bound(model, params, data, method="lanczos")
    assert exact.eigenvalues[0] < 0 < exact.lambda_max
    assert iterative.lambda_max == pytest.approx(exact.lambda_max, rel=1e-4)
    assert iterative.converged and iterative.hessian is None and iterative.eigenvalues.shape == (1,)
    assert iterative.learning_rate_bound == pytest.approx(exact.learning_rate_bound, rel=1e-4)


def test_lanczos_finds_the_largest_algebraic_eigenvalue_when_a_negative_one_is_larger_in_magnitude():
    from bp_core.teaching.stability import lanczos_lambda_max

    eigenvalues = torch.cat([torch.tensor([-50.0, 3.0]), torch.linspace(-2.0, 2.0, 98)]).double()
    basis, _ = torch.linalg.qr(torch.randn(100, 100, generator=torch.Generator().manual_seed(3), dtype=torch.float64))
    matrix = basis @ torch.diag(eigenvalues) @ basis.T
    estimate, products, converged = lanczos_lambda_max(lambda v: matrix @ v, 100)
    assert estimate == pytest.approx(3.0, rel=1e-8) and converged and products <= 100


def test_a_large_network_gets_lambda_max_without_forming_the_hessian():
    model = bp_core.MLP((64,) * 6)  # 20,800 parameters: the Hessian alone would take 3.5 GB
    generator = torch.Generator().manual_seed(0)
    data = (torch.rand(8, 64, generator=generator), torch.rand(8, 64, generator=generator))
    bound = bp_core.stability_bound(model, None, data)
    assert bound.method == "lanczos" and bound.hessian is None and bound.converged
    assert bound.lambda_max > 0 and bound.learning_rate_bound == pytest.approx(2 / bound.lambda_max)
    with pytest.raises(ValueError, match="method='exact' forms the whole 20800 x 20800 Hessian"):
        bp_core.stability_bound(model, None, data, method="exact")


def test_small_models_keep_the_exact_hessian():
    assert bp_core.stability_bound(bp_core.MLP(), None, bp_core.half_adder()).method == "exact"
    assert bp_core.stability_bound(bp_core.Line(), None, bp_core.seed_line()).iterations == 0

"""The largest stable learning rate: gradient descent on a quadratic diverges once lr > 2 / lambda_max(Hessian).

Small models (at most ``MAX_EXACT_PARAMETERS`` parameters) get the whole Hessian and every eigenvalue. Larger ones get
lambda_max alone, from Hessian-vector products and the Lanczos method: the Hessian (P x P: 3.5 GB for a 64-wide
network of 20,800 parameters) is never formed. Lanczos is written out here because neither of the well-kept versions
fits: ``scipy.sparse.linalg.eigsh`` would add SciPy to the deployment for one call, and ``torch.lobpcg`` needs the
matrix itself.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import torch

from ..budget import check_parameter_memory
from ..contract import Model, check_model, check_params
from ..cost import check_seconds, forward_seconds, parameter_count
from ..data import as_dataset
from ..grad_mode import grad_enabled
from ..limits import check_choice
from ..models import Params, flatten, predict, unflatten

__all__ = ["BOUND_METHODS", "HVP_PASSES", "LANCZOS_MAX_ITERATIONS", "LANCZOS_TOLERANCE", "MAX_EXACT_PARAMETERS",
           "MAX_EXACT_PARAMETERS_ASKED", "stability_bound", "StabilityBound"]

MAX_EXACT_PARAMETERS = 300
"""Largest model whose whole Hessian is formed by ``method="auto"`` (P Hessian-vector products and a P x P eigvalsh)."""

MAX_EXACT_PARAMETERS_ASKED = 2_000
"""Largest model whose whole Hessian ``method="exact"`` forms (32 MB in float64)."""

LANCZOS_MAX_ITERATIONS = 200
"""Most Lanczos steps (one Hessian-vector product each); far more than the extreme eigenvalue needs here."""

LANCZOS_TOLERANCE = 1e-10
"""Lanczos stops once the residual bound of its largest Ritz value is below this x the largest |Ritz value|."""

HVP_PASSES = 6
"""A Hessian-vector product costs about this many forward passes (measured: 5.5 on a 64-wide network)."""

BOUND_METHODS = ("auto", "exact", "lanczos")


@dataclass(frozen=True, eq=False)
class StabilityBound:
    """The loss Hessian's largest eigenvalue at some parameters (float64) and the learning-rate bound 2 / lambda_max."""

    hessian: torch.Tensor | None  # (P, P) for method "exact"; None for "lanczos" (never formed)
    eigenvalues: torch.Tensor  # (P,) ascending for "exact"; for "lanczos" the one estimate, (1,)
    lambda_max: float  # the largest (algebraic) eigenvalue
    learning_rate_bound: float  # 2 / lambda_max; inf when lambda_max <= 0 (no direction of positive curvature)
    method: str  # "exact": eigvalsh of the whole Hessian; "lanczos": Hessian-vector products, Lanczos
    iterations: int  # Hessian-vector products Lanczos used (0 for "exact")
    converged: bool  # Lanczos met LANCZOS_TOLERANCE within LANCZOS_MAX_ITERATIONS (always True for "exact")


@grad_enabled
def stability_bound(model: Model, params: Params | None, data: object, *, method: str = "auto") -> StabilityBound:
    """lambda_max of the MSE loss's Hessian at ``params`` (the model's start when None) and the bound 2 / lambda_max.

    For the line the loss is quadratic, so the bound is exact everywhere: above it every run diverges. For a network
    it holds near ``params`` only (the curvature changes as training moves).

    Parameters
    ----------
    method : {"auto", "exact", "lanczos"}
        ``exact``: ``torch.autograd.functional.hessian`` and ``eigvalsh`` (at most ``MAX_EXACT_PARAMETERS_ASKED``
        parameters). ``lanczos``: Hessian-vector products (double backward through one retained graph) and Lanczos
        with full reorthogonalisation; the largest algebraic eigenvalue, so a negative curvature of larger magnitude
        does not hide it. ``auto``: exact up to ``MAX_EXACT_PARAMETERS`` parameters, else Lanczos.

    Examples
    --------
    >>> import bp_core
    >>> bound = bp_core.stability_bound(bp_core.Line(), None, bp_core.seed_line())
    >>> bound.hessian.tolist(), round(bound.learning_rate_bound, 4), bound.method
    ([[15.0, 5.0], [5.0, 2.0]], 0.1198, 'exact')
    """
    model = check_model(model)
    method = check_choice("method", method, BOUND_METHODS)
    n_params = parameter_count(model)
    if method == "exact" and n_params > MAX_EXACT_PARAMETERS_ASKED:
        raise ValueError(f"method='exact' forms the whole {n_params} x {n_params} Hessian; at most "
                         f"{MAX_EXACT_PARAMETERS_ASKED} parameters: use method='lanczos' or 'auto'")
    # before anything is allocated: the parameters (a float64 copy and its gradient), and the Hessian (P x P, exact)
    # or Lanczos's vectors (one float64 vector per iteration)
    exact = method == "exact" or (method == "auto" and n_params <= MAX_EXACT_PARAMETERS)
    copies = 4 + (n_params if exact else min(n_params, LANCZOS_MAX_ITERATIONS))
    check_parameter_memory(model, copies, "the Hessian (or its Lanczos vectors)")
    params = check_params(model, model.init_params() if params is None else params)
    params64 = {k: v.double() for k, v in params.items()}
    data = as_dataset(data, model.in_features, model.out_features).to(torch.float64)
    if method == "auto":
        method = "exact" if n_params <= MAX_EXACT_PARAMETERS else "lanczos"
    steps = n_params if method == "exact" else min(n_params, LANCZOS_MAX_ITERATIONS)
    check_seconds("data", steps * HVP_PASSES * forward_seconds(model, data.n_samples),
               f"{steps} Hessian-vector products over {data.n_samples} samples and {n_params} parameters")

    def loss_of(theta: torch.Tensor) -> torch.Tensor:
        return torch.nn.functional.mse_loss(predict(model, unflatten(theta, params64), data.x), data.y)

    theta = flatten(params64)
    if method == "exact":
        hessian = torch.autograd.functional.hessian(loss_of, theta)  # (P, P)
        hessian = (hessian + hessian.T) / 2  # symmetric up to rounding; eigvalsh reads one triangle
        eigenvalues = torch.linalg.eigvalsh(hessian)
        return _bound(hessian, eigenvalues, "exact", 0, True)
    theta = theta.detach().requires_grad_(True)
    (gradient,) = torch.autograd.grad(loss_of(theta), theta, create_graph=True)  # (P,), a graph to differentiate

    def hvp(vector: torch.Tensor) -> torch.Tensor:  # H v = d(g . v)/dtheta, through the retained graph
        return torch.autograd.grad(gradient, theta, vector, retain_graph=True)[0].detach()

    estimate, iterations, converged = lanczos_lambda_max(hvp, n_params)
    return _bound(None, torch.tensor([estimate], dtype=torch.float64), "lanczos", iterations, converged)


def _bound(hessian: torch.Tensor | None, eigenvalues: torch.Tensor, method: str, iterations: int,
           converged: bool) -> StabilityBound:
    if not bool(torch.isfinite(eigenvalues).all()):
        raise ValueError("data: the loss's curvature is not finite for these values (they overflow the Hessian's "
                         "arithmetic); scale the data or the parameters down")
    lambda_max = float(eigenvalues[-1])
    bound = 2.0 / lambda_max if lambda_max > 0 else math.inf
    return StabilityBound(hessian, eigenvalues, lambda_max, bound, method, iterations, converged)


def lanczos_lambda_max(matvec: Callable[[torch.Tensor], torch.Tensor], size: int, *,
                       max_iterations: int = LANCZOS_MAX_ITERATIONS,
                       tolerance: float = LANCZOS_TOLERANCE) -> tuple[float, int, bool]:
    """The largest algebraic eigenvalue of the symmetric operator ``matvec`` on R^size (float64): (estimate,
    products used, converged).

    Lanczos with full reorthogonalisation from a fixed random start; the largest eigenvalue of the tridiagonal T
    (``eigvalsh``) is the estimate, and |beta_k s_k| (last component of its eigenvector times the next beta) bounds
    its distance to an eigenvalue of the operator.
    """
    steps = min(max_iterations, size)
    generator = torch.Generator().manual_seed(0)
    basis = torch.empty(steps, size, dtype=torch.float64)  # orthonormal Lanczos vectors, one per row
    q = torch.randn(size, generator=generator, dtype=torch.float64)
    basis[0] = q / torch.linalg.vector_norm(q)
    alphas: list[float] = []
    betas: list[float] = []
    estimate = math.nan
    for k in range(steps):
        w = matvec(basis[k])
        alphas.append(float(basis[k] @ w))
        for _ in range(2):  # full reorthogonalisation against every earlier vector, twice ("twice is enough")
            w = w - basis[:k + 1].T @ (basis[:k + 1] @ w)
        beta = float(torch.linalg.vector_norm(w))
        tridiagonal = torch.diag(torch.tensor(alphas, dtype=torch.float64))  # (k+1, k+1)
        if betas:
            off = torch.tensor(betas, dtype=torch.float64)
            tridiagonal += torch.diag(off, 1) + torch.diag(off, -1)
        values, vectors = torch.linalg.eigh(tridiagonal)
        estimate = float(values[-1])
        scale = max(float(values.abs().max()), 1e-300)
        residual = beta * abs(float(vectors[-1, -1]))  # bounds |estimate - an eigenvalue of the operator|
        if residual <= tolerance * scale or beta <= 1e-14 * scale or k + 1 == size:
            return estimate, k + 1, True  # the residual bound is met, or the Krylov space is invariant (or all R^P)
        if k + 1 < steps:
            betas.append(beta)
            basis[k + 1] = w / beta
    return estimate, steps, False

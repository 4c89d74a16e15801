"""Issue 31's reproducers (round 4): each gives a correct result or a named ValueError/TypeError within its bound,
refused before the work (or the allocation) it would do. No wall-clock limit here: a refusal is decided from the
arguments alone, so these calls return at once; the bounds themselves are measured in benchmarks/."""

import math
import resource

import pytest
import torch

import bp_core
from bp_core import measure, teaching
from bp_core.names import MAX_SCALAR_NAMES, scalar_names, scalar_position

LINE = bp_core.Line()
ADDER = bp_core.half_adder()


def _rows(n, columns=2):
    generator = torch.Generator().manual_seed(0)
    return torch.rand(n, columns, generator=generator), torch.rand(n, columns, generator=generator)


def _params(sizes, dtype=torch.float32):
    return bp_core.MLP(sizes).init_params(dtype)


def _huge_line(value=3e38, dtype=torch.float32):
    return {"w": torch.tensor([[value]], dtype=dtype), "b": torch.tensor([[0.0]], dtype=dtype)}


# finding 3: unbounded teaching and measuring functions; allocation RuntimeErrors instead of ValueErrors
UNBOUNDED = {
    "backward_walk 2-1500-1500-2": (lambda: teaching.backward_walk(bp_core.MLP((2, 1500, 1500, 2)),
                                                                   _params((2, 1500, 1500, 2)), ADDER), "model"),
    "manual_step 2-4096-4096-2, 20k rows": (lambda: teaching.manual_step(
        bp_core.MLP((2, 4096, 4096, 2)), _params((2, 4096, 4096, 2)), _rows(20_000), 0.1), "data"),
    "nudge 2-2048-2048-2, 20k rows": (lambda: teaching.nudge(
        bp_core.MLP((2, 2048, 2048, 2)), _params((2, 2048, 2048, 2)), _rows(20_000), "W1[0,0]", 1e-3), "data"),
    "gradients autograd 2-4096-4096-2, 30k rows": (lambda: bp_core.gradients(
        bp_core.MLP((2, 4096, 4096, 2)), _params((2, 4096, 4096, 2)), _rows(30_000), "autograd"), "data"),
    "chain_rule_paths 2-4096-2, 300k rows": (lambda: bp_core.chain_rule_paths(
        bp_core.MLP((2, 4096, 2)), _params((2, 4096, 2)), _rows(300_000), "W2[0,0]", 0), "data"),
    "network_values 2-4096-4096-2, 200k rows": (lambda: teaching.network_values(
        bp_core.MLP((2, 4096, 4096, 2)), _params((2, 4096, 4096, 2)), _rows(200_000)), "data"),
    "loss_surface 10M rows": (lambda: teaching.loss_surface(_rows(10_000_000, 1), (-1, 1), (-1, 1)), "data"),
    "count_tensor_bytes 2-4096-2, 500k rows": (lambda: measure.count_tensor_bytes(
        bp_core.MLP((2, 4096, 2)), _rows(500_000), "autograd"), "data"),
    "scalar_names 4096x4096": (lambda: scalar_names({"W": torch.empty(4096, 4096, device="meta")}), "params"),
    "measure_isolated_memory 50,000 epochs x 5": (lambda: measure.measure_isolated_memory(
        LINE, bp_core.seed_line(), 0.01, 50_000, repeats=5), "repeats"),
    "gradcheck_manual 2-200-2, 3000 rows": (lambda: teaching.gradcheck_manual(  # 2-100-2 here: 5.2 s, accepted
        bp_core.MLP((2, 200, 2)), _params((2, 200, 2), torch.float64), _rows(3000)), "params"),
    "scaling_study at the largest width": (lambda: measure.scaling_study("width", [4096], ["2-H-H-H-2"]), "sizes"),
}


@pytest.mark.parametrize("name", list(UNBOUNDED))
def test_an_unbounded_call_is_refused_from_its_arguments_naming_the_one_to_change(name):
    call, argument = UNBOUNDED[name]
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    with pytest.raises(ValueError, match=rf"^{argument}\b") as raised:
        call()
    assert not isinstance(raised.value, RuntimeError)
    grew_mib = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    assert grew_mib < 1500  # the inputs themselves (10M rows: 80 MB), never the refused work's GBs


# finding 4: silent nonsense
NONSENSE = {
    "gradient_check at w = 3e38": (lambda: bp_core.gradient_check(LINE, _huge_line(), bp_core.seed_line()),
                                   "params"),
    "gradients manual at w = 3e38": (lambda: bp_core.gradients(LINE, _huge_line(), bp_core.seed_line(), "manual"),
                                     "params"),
    "manual_step at w = 3e38": (lambda: teaching.manual_step(LINE, _huge_line(), bp_core.seed_line(), 0.01),
                                "params|learning_rate"),
    "network_values at 1e300": (lambda: teaching.network_values(
        bp_core.MLP((2, 2, 2)), {k: v.double() * 1e300 for k, v in _params((2, 2, 2)).items()},
        (ADDER.x.double() * 1e300, ADDER.y.double())), "params"),  # 1e300 x 1e300: inf, and inf - inf: NaN
    "zero_grad_comparison at 3e38": (lambda: teaching.zero_grad_comparison(
        LINE, (torch.tensor([[3e38], [1.0]]), torch.tensor([[1.0], [3e38]])), 0.01, 5), "params|data"),
    "nudge at w = 1e200 (float64)": (lambda: teaching.nudge(LINE, _huge_line(1e200, torch.float64),
                                                            (torch.tensor([[1e200]], dtype=torch.float64),
                                                             torch.tensor([[1.0]], dtype=torch.float64)),
                                                            "w", 1e-3), "params"),
}


@pytest.mark.parametrize("name", list(NONSENSE))
def test_a_non_finite_loss_gradient_or_parameter_is_refused_naming_the_argument(name):
    call, argument = NONSENSE[name]
    with pytest.raises(ValueError, match=rf"^({argument})\b"):
        call()


def test_least_squares_at_huge_x_is_exact():
    x = torch.tensor([[1e300], [2e300], [3e300]], dtype=torch.float64)
    y = torch.tensor([[1.0], [2.0], [3.0]], dtype=torch.float64)
    w, b = teaching.least_squares_line((x, y))
    assert w == pytest.approx(1e-300, rel=1e-12) and abs(b) < 1e-12
    assert teaching.least_squares_line(bp_core.seed_line()) == (2.0, 1.0)  # the note's line, exactly


def test_least_squares_refuses_data_whose_spread_overflows():
    x = torch.tensor([[-1.7e308], [1.7e308], [1.7e308]], dtype=torch.float64)  # x - mean(x) overflows
    with pytest.raises(ValueError, match="^data"):
        teaching.least_squares_line((x, torch.tensor([[1.0], [2.0], [2.0]], dtype=torch.float64)))


@pytest.mark.parametrize(("change", "predicted_gradient"), [(math.inf, 1.0), (1.0, math.inf), (math.nan, 1.0),
                                                             (1.0, 1e-320), (1e308, 1e-308)])
def test_agreeing_digits_is_a_digit_count_for_any_figures(change, predicted_gradient):
    nudged = teaching.Nudge("w", 1.0, 0.0, change, predicted_gradient)
    assert 0 <= nudged.agreeing_digits <= 16


# finding 9: smaller
def test_manual_step_takes_the_rates_train_takes():
    with pytest.raises(ValueError, match="^learning_rate"):
        teaching.manual_step(LINE, LINE.init_params(), bp_core.seed_line(), 5e-324)
    tiny = bp_core.limits.smallest_learning_rate()
    step = teaching.manual_step(LINE, LINE.init_params(), bp_core.seed_line(), tiny)
    assert step.new_params["w"].item() == pytest.approx(35 * tiny)  # w = 0 - tiny x (-35)


def test_a_nudge_on_a_wide_network_names_its_scalar_without_listing_every_name():
    model = bp_core.MLP((2, 2048, 2048, 2))  # 4.2 million parameters: listing their names took 35 s
    params = model.init_params(torch.float64)
    nudged = teaching.nudge(model, params, ADDER, "W2[5,7]", 1e-6)
    reference = bp_core.gradients(model, params, ADDER, "autograd")["W2"][5, 7].item()
    assert nudged.gradient == pytest.approx(reference, rel=1e-12, abs=1e-18)


def test_scalar_names_of_an_empty_tensor_is_no_name_and_a_name_is_found_without_listing():
    assert scalar_names({"W1": torch.zeros(0, 3), "b1": torch.zeros(2)}) == ["b1[0]", "b1[1]"]
    params = {"W1": torch.empty(5000, 5000, device="meta"), "b1": torch.empty(5000, device="meta")}
    assert 5000 * 5000 > MAX_SCALAR_NAMES
    assert scalar_position(params, "b1[4999]") == 5000 * 5000 + 4999
    assert scalar_position(params, "W1[5000,0]") is None and scalar_position(params, "W1[0]") is None
    small = bp_core.MLP().init_params()
    names = scalar_names(small)
    assert [scalar_position(small, name) for name in names] == list(range(len(names)))


@pytest.mark.parametrize(("call", "match"), [
    (lambda: bp_core.tuned.tuned_manual_loop(LINE, bp_core.data.as_dataset(bp_core.seed_line(), 1, 1),
                                             LINE.init_params(), 0.01, -5, True, None,
                                             bp_core.history.record_policy(LINE, "all", 5)), "epochs"),
    (lambda: bp_core.tuned.tuned_manual_loop(LINE, bp_core.data.as_dataset(bp_core.seed_line(), 1, 1),
                                             LINE.init_params(), 0.01, 10**9, True, None,
                                             bp_core.history.record_policy(LINE, "all", 5)), "epochs"),
    (lambda: bp_core.tuned.tuned_autograd_loop(None, bp_core.seed_line(), LINE.init_params(), 0.01, 5, True, None,
                                               bp_core.history.record_policy(LINE, "all", 5)), "model"),
    (lambda: bp_core.tuned.tuned_autograd_loop(LINE, bp_core.seed_line(), LINE.init_params(), 0.01, 5, True, None,
                                               None), "policy"),
    (lambda: bp_core.tuned.Recorder(None, 5, bp_core.history.record_policy(LINE, "all", 5), None, False), "start"),
    (lambda: measure.RSSSpread("manual", ()), "samples_mib"),
    (lambda: measure.RSSSpread("manual", (math.nan,)), "samples_mib"),
])
def test_the_public_tuned_internals_and_records_check_their_arguments(call, match):
    with pytest.raises((ValueError, TypeError), match=match):
        call()


def test_the_presets_cannot_be_changed_by_a_caller():
    with pytest.raises(TypeError):
        bp_core.PRESETS["line"] = bp_core.PRESETS["mlp"]  # type: ignore[index]
    assert set(bp_core.PRESETS) == {"line", "mlp", "xor"}

"""bp_core.teaching.derive: a learner's gradient formula evaluated safely and checked as cmp() does.

The references are independent of the evaluator: the lecture's own formulas run as plain torch, loss.backward(), the
MLP's hand-derived backward, and the note's printed figures."""

from __future__ import annotations

import ast
import re
import time

import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st

import bp_core
from bp_core.lecture import note
from bp_core.teaching.derive import (
    MAX_TEXT,
    FormulaError,
    compare_gradient,
    evaluate_formula,
    line_problem,
    line_with_formulas,
    network_problem,
    network_with_formulas,
    parse_formula,
    path_problem,
)

LINE = line_problem()
DW = "2 * x.t().mm(predictions - y) / x.size(0)"
DB = "2 * (predictions - y).sum() / x.size(0)"


def test_the_lectures_formulas_are_exact_and_the_usual_mistakes_are_named() -> None:
    assert LINE.check(DW, "dw").verdict == "exact"
    assert LINE.check(DB, "db").verdict == "exact"
    assert LINE.check("x.t().mm(predictions - y) / x.size(0)", "dw").mistake == "two"
    assert LINE.check("2 * x.t().mm(y - predictions) / x.size(0)", "dw").mistake == "sign"
    assert LINE.check("2 * x.t().mm(predictions - y)", "dw").mistake == "mean"
    assert LINE.check("(predictions - y).sum() / x.size(0)", "db").mistake == "two"
    forgot = LINE.check("2 * (predictions - y) / x.size(0)", "db")
    assert (forgot.verdict, forgot.cause, forgot.shape) == ("shape", "samples", (4, 1))
    assert LINE.check("2 * x.t().mm(predictions - y) / x.size(0) + 0.5", "dw").verdict == "wrong"


def test_the_answers_are_autograds_and_equal_the_hand_formulas_as_plain_torch() -> None:
    run = bp_core.train(bp_core.Line(), bp_core.seed_line(), "manual", 0.01, 7)
    problem = line_problem(bp_core.teaching.params_at(run, 7))
    names = problem.names
    x, y, w, b = names["x"], names["y"], names["w"], names["b"]
    assert w.item() != 0
    w_, b_ = w.clone().requires_grad_(True), b.clone().requires_grad_(True)
    torch.nn.MSELoss()(x.mm(w_) + b_, y).backward()
    predictions = x.mm(w) + b
    assert torch.equal(problem.answers["dw"], w_.grad)
    assert torch.allclose(2 * x.t().mm(predictions - y) / x.size(0), w_.grad)
    assert torch.equal(evaluate_formula(DW, names), 2 * x.t().mm(predictions - y) / x.size(0))


def test_approximate_is_told_apart_from_exact_with_the_largest_difference() -> None:
    check = LINE.check("2 / x.size(0) * x.t().mm(predictions - y) + 0.0001", "dw")  # float32: 35 + 1e-4
    assert check.verdict == "approximate" and 0 < check.largest < 2e-4
    assert compare_gradient(torch.tensor([[1.0, 2.0]]), torch.tensor([[1.0], [2.0]])).cause == "transpose"


def test_training_with_the_learners_formulas_prints_the_notes_figures() -> None:
    run = line_with_formulas(DW, DB)
    assert run.printed == note.LOSSES_EVERY_100
    assert (run.w, run.b) == (note.FINAL_W, note.FINAL_B)
    other = line_with_formulas("2 * (predictions - y).t().mm(x) / 4", "2 * (predictions - y).mean()")
    assert other.printed == note.LOSSES_EVERY_100 and abs(other.w - note.FINAL_W) < 1e-5


def test_a_wrong_formula_trains_to_other_numbers() -> None:
    run = line_with_formulas("x.t().mm(predictions - y) / x.size(0)", DB, epochs=200)
    assert run.printed[1] != note.LOSSES_EVERY_100[1]


@pytest.fixture(scope="module")
def network() -> tuple[bp_core.MLP, dict, bp_core.Dataset]:
    model, data = bp_core.MLP((2, 3, 2)), bp_core.half_adder()
    return model, model.init_params(), data


def test_the_network_problem_asks_every_layers_quantities_against_the_hand_backward(network) -> None:
    model, params, data = network
    problem = network_problem(model, params, data)
    _, hand = model.manual_loss_and_grads(params, data.x, data.y)
    for name in ("W1", "b1", "W2", "b2"):
        assert torch.allclose(problem.answers[f"dL_d{name}"], hand[name], atol=1e-7)
    lecture = {"dL_dn2": "2 * (n2 - y) / (N * K)", "dL_dd2": "dL_dn2 * n2 * (1 - n2)", "dL_dW2": "dL_dd2.t().mm(n1)",
               "dL_db2": "dL_dd2.sum(0)", "dL_dn1": "dL_dd2.mm(W2)", "dL_dd1": "dL_dn1 * n1 * (1 - n1)",
               "dL_dW1": "dL_dd1.t().mm(n0)", "dL_db1": "dL_dd1.sum(dim=0)"}
    assert set(lecture) == set(problem.answers)
    for target, text in lecture.items():
        assert problem.check(text, target).right, target
    assert problem.check("dL_dn2", "dL_dd2").mistake == "f_prime"
    assert problem.check("dL_dd2.t().mm(d1)", "dL_dW2").mistake == "d_for_n"
    assert problem.check("dL_dn1.t().mm(n0)", "dL_dW1").mistake == "f_prime"
    assert problem.check("-dL_dd2.sum(0)", "dL_db2").mistake == "sign"
    assert problem.check("(n2 - y) / (N * K)", "dL_dn2").mistake == "two"
    with pytest.raises(FormulaError, match="shapes"):
        problem.check("dL_dd2.mm(n1)", "dL_dW2")
    assert problem.check("n1.t().mm(dL_dd2)", "dL_dW2").cause == "transpose"
    with pytest.raises(ValueError, match="target"):
        problem.check("x", "dL_dW9")


HOSTILE = [
    # imports, dunders, attribute chains
    "__import__('os')", "().__class__", "x.__class__", "x.__dict__", "__builtins__", "x.__class__.__mro__",
    "torch.__version__", "y.__len__()", "__import__('subprocess').run('ls')", "x._base", "x.data", "x.grad",
    "x.numpy()", "x.tolist()", "x.storage()", "x.item()", "x.new_empty(10**9)", "x.resize_(10**6)", "x.zero_()",
    "x.add_(1)", "x.copy_(y)", "x.requires_grad_()", "x.backward()", "x.to('cuda')", "x.cuda()", "x.apply_(print)",
    "x.repeat(1000, 1000)", "x.expand(10**6, 1)", "x.shape", "x.shape[0]", "x.size()", "x.dtype", "x.device",
    "torch.load('f')", "torch.save(x, 'f')", "torch.ones(10**9)", "torch.zeros(9, 9)", "torch.randn(3)",
    "torch.nn.functional.relu(x)", "torch.tensor(1)", "torch.from_numpy(x)", "torch.compile(x)", "torch.ops.aten",
    "torch.cat([x, x])", "torch.empty(10**10)", "torch.arange(10**9)", "torch.linalg.inv(x)", "torch.manual_seed(0)",
    "torch.set_num_threads(1)", "torch.hub.load('a', 'b')", "torch.utils", "torch", "torch.sigmoid",
    # builtins and calls that are not allowed
    "open('/etc/passwd')", "eval('1')", "exec('1')", "compile('1', 'f', 'eval')", "getattr(x, 'grad')",
    "setattr(x, 'a', 1)", "globals()", "locals()", "vars()", "dir()", "print(x)", "input()", "breakpoint()",
    "help()", "exit()", "quit()", "float('nan')", "float('inf')", "int('9' * 5000)", "range(10**9)", "len(x)",
    "type(x)", "isinstance(x, int)", "super()", "object()", "memoryview(b'')", "bytearray(10**9)", "chr(0)",
    "max(x)", "sum(x, start=1)", "sorted(x)", "map(print, x)", "iter(x)", "next(x)", "id(x)", "hash(x)",
    "(lambda: 1)()", "x.sum(dim=x)", "x.sum(keepdim=1)", "x.mean(out=x)", "x.reshape(shape=(4,))", "sigmoid()",
    "x.mm()", "x.mm(2)", "x.mm(x, x)", "x.pow(x)", "x.pow(100)", "x.unsqueeze(9)", "x.unsqueeze()", "x.sum(0, 0)",
    # constructs
    "lambda: 1", "lambda x: x", "[i for i in range(10)]", "{i: i for i in x}", "(i for i in x)", "{i for i in x}",
    "[x, y]", "(x, y)", "{'a': x}", "{x}", "x if y else w", "x and y", "x or y", "not x", "~x", "x < y", "x == y",
    "x is y", "x in y", "x[9]", "x[0:2]", "x[..., 0]", "x[y]",
    "x[0, 0, 0]", "x[1.5]", "x[True]", "x[-5]", "*x", "(z := x)", "f'{x}'", "'text'", "b'bytes'", "None",
    "True", "False", "...", "x // y", "x % y", "x << 2", "x >> 2", "x & y", "x | y", "x ^ y", "await x",
    "x.mm(**{'a': 1})", "x.sum(*[0])", "x = 1", "import os", "del x", "x; y", "yield x", "1j", "3 + 4j",
    # sizes, numbers, exponents
    "10**10**10", "2 ** 1000", "9 ** 9 ** 9", "x ** 100", "x ** -50", "x ** y", "1e400", "1e13", "-1e400",
    "99999999999999999999", "10 ** 7 * 10 ** 7",
    "x.mm(y.t()).reshape(16, 1).mm(x.mm(y.t()).reshape(1, 16)).reshape(256, 1).mm("
    "x.mm(y.t()).reshape(16, 1).mm(x.mm(y.t()).reshape(1, 16)).reshape(1, 256))",
    "x.reshape(1000000)", "x.reshape(-1, -1)", "x.reshape(0, 4)", "x.reshape(3, -1)", "x.reshape(2.5, 2)",
    "x / 0", "1 / 0", "x.exp().exp().exp().exp().exp()", "(-8) ** 0.5", "0 ** -1",
    "x.t().t().t().t().reshape(1,1,1,4).t()",
    "(" * 300 + "x" + ")" * 300, "-" * 250 + "x", "x" + " + x" * 200, "x" * 10_000, "1" * (MAX_TEXT + 1),
    " " * 400, "", "   ", "x.unsqueeze(0).unsqueeze(0).unsqueeze(0).unsqueeze(0).unsqueeze(0)",
    # unicode, Korean, look-alikes, control characters
    "ｘ + 1", "х + 1", "x + y\u200b", "x\x00", "x\n+ y", "엑스 * 2", "2 * 가중치", "x − y", "x × y", "x ÷ y",
    "𝑥 + 1", "x ⁢ y", "ｗ", "\u202ex", "x\tz", "z", "xx", "predictions2", "dw", "w.grad",
    # unknown names and syntax
    "os", "sys.exit()", "np.ones(3)", "math.pi", "self", "cls", "print", "x +", "2 * (x", "x..t()", ")(",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_a_hostile_formula_is_refused_with_a_named_message_in_a_second(text: str) -> None:
    names = dict(LINE.names)
    before = {name: value.clone() for name, value in names.items()}
    started = time.thread_time()
    with pytest.raises(FormulaError) as refused:
        evaluate_formula(text, names)
    assert time.thread_time() - started < 1.0
    assert refused.value.reason in {"empty", "too_long", "not_ascii", "dunder", "syntax", "too_big", "not_allowed",
                                    "number", "unknown_name", "unknown_method", "argument", "exponent", "shape",
                                    "index", "size", "not_finite", "time"}
    assert str(refused.value)  # an English message naming what was refused
    assert all(torch.equal(names[name], value) for name, value in before.items())  # nothing changed


def test_the_hostile_set_is_large_and_the_process_is_unaffected() -> None:
    assert len(set(HOSTILE)) >= 150
    assert LINE.check(DW, "dw").verdict == "exact"  # the evaluator still works after all of them


def test_a_refusal_names_what_it_refused() -> None:
    for text, named in (("__import__('os')", "__import__"), ("x.repeat(2, 2)", "repeat"), ("open('f')", "open"),
                        ("ｘ + 1", "U+FF58"), ("10**10**10", "10"), ("lambda: 1", "lambda"), ("q * 2", "q")):
        with pytest.raises(FormulaError, match=re.escape(named)):
            evaluate_formula(text, LINE.names)


def test_wrong_argument_types_raise_naming_the_argument() -> None:
    with pytest.raises(TypeError, match="text"):
        parse_formula(3)
    with pytest.raises(TypeError, match="names"):
        evaluate_formula("x", [1, 2])
    with pytest.raises(TypeError, match="value"):
        compare_gradient([1.0], torch.zeros(1))
    with pytest.raises(ValueError, match="epochs"):
        line_with_formulas(DW, DB, epochs=0)
    with pytest.raises(ValueError, match="learning_rate"):
        line_with_formulas(DW, DB, learning_rate=float("nan"))
    with pytest.raises(ValueError, match="params"):
        line_problem({"w": torch.zeros(2, 2)})


def test_the_parsed_tree_holds_only_allowed_nodes() -> None:
    tree = parse_formula("2 * torch.sigmoid(x).T.mm(y).sum(dim=0, keepdim=True) ** 2 - -w", LINE.names).tree
    allowed = (ast.BinOp, ast.UnaryOp, ast.Constant, ast.Name, ast.Attribute, ast.Call, ast.keyword, ast.Load,
               ast.Add, ast.Sub, ast.Mult, ast.Div, ast.Pow, ast.MatMult, ast.USub, ast.UAdd)
    assert all(isinstance(node, allowed) for node in ast.walk(tree))


# ---- property: every accepted formula built from the whitelist is plain torch's value
UNARY = {"sigmoid": torch.sigmoid, "tanh": torch.tanh, "relu": torch.relu, "t": torch.t}
SQUARE = {"a": torch.tensor([[0.5, -1.0], [2.0, 0.25]]), "c": torch.tensor([[1.5, 0.0], [-0.5, 3.0]])}


def _expressions():
    leaves = st.sampled_from([("a", SQUARE["a"]), ("c", SQUARE["c"]), ("2", torch.tensor(2.0)),
                              ("0.5", torch.tensor(0.5))])

    def grow(children):
        binary = st.tuples(children, st.sampled_from(["+", "-", "*", "@"]), children).map(_combine)
        unary = st.tuples(st.sampled_from(sorted(UNARY)), children).map(
            lambda pair: (f"({pair[1][0]}).{pair[0]}()", UNARY[pair[0]](pair[1][1])) if pair[1][1].dim() == 2
            else pair[1])
        power = children.map(lambda item: (f"({item[0]}) ** 2", item[1] ** 2))
        return binary | unary | power | children.map(lambda item: (f"-({item[0]})", -item[1]))

    return st.recursive(leaves, grow, max_leaves=8)


def _combine(triple):
    (left, lv), op, (right, rv) = triple
    if op == "@" and not (lv.dim() == 2 and rv.dim() == 2):
        op = "*"
    value = {"+": lambda: lv + rv, "-": lambda: lv - rv, "*": lambda: lv * rv, "@": lambda: lv @ rv}[op]()
    return f"({left}) {op} ({right})", value


@settings(max_examples=150, deadline=None)
@given(_expressions())
def test_every_accepted_formula_equals_plain_torch(pair) -> None:
    text, expected = pair
    try:
        value = evaluate_formula(text, SQUARE)
    except FormulaError as refused:
        assert refused.reason in {"too_long", "too_big", "not_finite", "number"}
        return
    assert torch.allclose(value, expected, equal_nan=False, rtol=1e-6, atol=1e-6)


def test_a_path_sum_written_element_by_element_is_autograds_gradient_and_one_path_alone_is_named(network) -> None:
    model, params, data = network
    problem = path_problem(model, params, data, "W1[0,1]", 3)
    paths = bp_core.chain_rule_paths(model, params, data, "W1[0,1]", 3)
    assert torch.allclose(problem.answers["W1[0,1]"], torch.tensor(paths.autograd, dtype=torch.float64))
    one = [f"2 * (n2[3, {k}] - y[3, {k}]) / (N * K) * n2[3, {k}] * (1 - n2[3, {k}]) * W2[{k}, 0] * n1[3, 0] * "
           f"(1 - n1[3, 0]) * x[3, 1]" for k in (0, 1)]  # 출력 × 액 × 웨 × 액 × 앤, through each output
    assert problem.check(" + ".join(one), "W1[0,1]").right
    assert problem.check(one[0], "W1[0,1]").mistake.startswith("one_path")
    assert problem.check(f"-({one[0]} + {one[1]})", "W1[0,1]").mistake == "sign"
    assert "dL_dn2" not in problem.names  # the upstream gradients are what the learner builds
    with pytest.raises(FormulaError, match="outside"):
        problem.check("n2[4, 0]", "W1[0,1]")
    with pytest.raises(ValueError, match="parameter"):
        path_problem(model, params, data, "W9[0,0]", 3)


def test_a_network_trained_with_the_backwards_own_formulas_follows_train_manual(network) -> None:
    model, _, data = network
    formulas = {"dL_dn2": "2 * (n2 - y) / (N * K)", "dL_dd2": "dL_dn2 * n2 * (1 - n2)",
                "dL_dW2": "dL_dd2.t().mm(n1)", "dL_db2": "dL_dd2.sum(0)", "dL_dn1": "dL_dd2.mm(W2)",
                "dL_dd1": "dL_dn1 * n1 * (1 - n1)", "dL_dW1": "dL_dd1.t().mm(n0)", "dL_db1": "dL_dd1.sum(dim=0)"}
    mine = network_with_formulas(model, data, formulas, 1.0, 300)
    run = bp_core.train(model, data, "manual", 1.0, 300)
    by_hand = torch.tensor(run.history["loss"].to_numpy()[:300], dtype=torch.float64)
    assert torch.allclose(torch.tensor(mine.losses, dtype=torch.float64), by_hand, atol=1e-6)
    wrong = network_with_formulas(model, data, formulas | {"dL_dd2": "dL_dn2"}, 1.0, 300)  # f' left out
    assert abs(wrong.losses[-1] - mine.losses[-1]) > 1e-4
    with pytest.raises(ValueError, match="missing dL_db1"):
        network_with_formulas(model, data, {k: v for k, v in formulas.items() if k != "dL_db1"}, 1.0, 3)

import ast
from pathlib import Path

import pytest

import bp_core
from ui.texts import render, t
from ui.views import chain_view as view

MLP, DATA = bp_core.MLP(), bp_core.half_adder()
NAMES = bp_core.models.scalar_names(MLP.init_params())
ROLE_COLUMNS = [t(f"teach_role_{role}", "en") for role in view.ROLES]


def table_for(name, sample, params=None, lang="en"):
    paths = bp_core.chain_rule_paths(MLP, MLP.init_params() if params is None else params, DATA, name, sample)
    return paths, view.paths_table(paths, MLP, lang)


def test_the_acceptance_table_w1_0_1_sample_3_has_two_paths_summing_to_autograd():
    paths, table = table_for("W1[0,1]", 3)
    assert table["path"].tolist() == ["x2 → h1 → ŷ1 → L", "x2 → h1 → ŷ2 → L"]
    assert table["product"].tolist() == paths.paths["product"].tolist()
    assert abs(table["product"].sum() - paths.autograd) < 1e-6
    for (_, row), factors in zip(table.iterrows(), paths.paths["factors"]):
        assert row[ROLE_COLUMNS].tolist() == [f.value for f in factors]  # lecture order = bp_core's order
    assert table.columns.tolist() == ["sample", "path", "① output error", "② f2′(d)", "③ weight", "④ f1′(d)",
                                      "⑤ input n", "product"]


def test_a_second_layer_weight_has_no_hidden_factors_and_a_bias_has_input_one():
    _, table = table_for("W2[1,0]", 0)
    assert table["path"].tolist() == ["h1 → ŷ2 → L"]
    row = table.iloc[0]
    assert row[ROLE_COLUMNS[2]] is None and row[ROLE_COLUMNS[3]] is None
    _, table = table_for("b1[2]", None)
    assert len(table) == 8 and set(table["sample"]) == {0, 1, 2, 3}
    assert set(table[ROLE_COLUMNS[4]]) == {1.0} and table["path"].iloc[0] == "h3 → ŷ1 → L"


@pytest.mark.parametrize("name", NAMES)
def test_every_parameters_paths_sum_to_autograd_over_the_batch(name):
    params = bp_core.teaching.params_at(bp_core.train(MLP, DATA, "manual", 1.0, 50), 50)
    paths, table = table_for(name, None, params)
    auto = bp_core.models.flatten(bp_core.gradients(MLP, params, DATA, "autograd"))[NAMES.index(name)].item()
    assert table["product"].sum() == pytest.approx(auto, abs=1e-6)
    assert paths.total == pytest.approx(paths.autograd, abs=1e-8)


def test_factors_go_to_the_lecture_columns_and_paths_are_named_by_their_records_fields():
    Factor = bp_core.teaching.Factor
    factors = [Factor("output_error", 2, 1, 0.1), Factor("activation_derivative", 2, 1, 0.2),
               Factor("weight", 2, 1, 0.3, column=2), Factor("activation_derivative", 1, 2, 0.4),
               Factor("input", 0, 0, 0.5)]
    assert [view.factor_column(f, 2) for f in factors] == ["error", "f_out", "weight", "f_hidden", "input"]
    assert view.path_name(factors, MLP) == "x1 → h3 → ŷ2 → L"
    bias = [Factor("output_error", 2, 0, 0.1), Factor("activation_derivative", 2, 0, 0.2), Factor("input", 1, None, 1)]
    assert view.path_name(bias, MLP) == "ŷ1 → L"


def test_the_views_read_bp_cores_records_and_parse_no_label_with_regular_expressions():
    """Only the modules that read what a learner types (numbers, messages quoting it) may use ``re``; the chain view
    and the network graph read bp_core's typed records (Factor, ParameterRef)."""
    root = Path(__file__).resolve().parents[1]
    scanned, users = set(), set()
    for path in sorted((root / "ui").rglob("*.py")):
        name = path.relative_to(root).as_posix()
        scanned.add(name)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import) and any(alias.name == "re" for alias in node.names) or (
                    isinstance(node, ast.ImportFrom) and node.module == "re"):
                users.add(name)
    assert {"ui/views/chain_view.py", "ui/charts/network_graph.py"} <= scanned
    assert users <= {"ui/session/settings.py", "ui/session/numbers.py", "ui/texts/messages.py", "ui/session/points.py",
                     "ui/session/links.py"}
    assert "ui/views/chain_view.py" not in users and "ui/charts/network_graph.py" not in users


def test_the_table_speaks_korean():
    _, table = table_for("W1[0,1]", 3, lang="ko")
    assert {"샘플", "경로", "곱", "① 출력 오차", "③ 가중치"} <= set(table.columns)


def test_a_valid_request_passes_unchanged():
    request, messages = view.resolve_chain({"parameter": "W2[0,1]", "sample": view.BATCH, "epoch": 40}, NAMES, 4,
                                           5000, None)
    assert request == view.ChainRequest("W2[0,1]", None, 40) and messages == []


@pytest.mark.parametrize(("values", "key"), [
    ({"parameter": "W9[0,0]"}, "teach_bad_param"), ({"parameter": None}, "teach_bad_param"),
    ({"sample": 4}, "teach_bad_sample"), ({"sample": -1}, "teach_bad_sample"),
    ({"sample": True}, "teach_bad_sample"), ({"sample": "3"}, "teach_bad_sample"),
    ({"epoch": 5001}, "teach_bad_epoch"), ({"epoch": -1}, "teach_bad_epoch"),
    ({"epoch": 2.5}, "teach_bad_epoch"), ({"epoch": float("nan")}, "teach_bad_epoch"),
    ({"epoch": 10**30}, "teach_bad_epoch"),
])
def test_out_of_range_requests_are_named_and_the_last_valid_values_kept(values, key):
    last = view.ChainRequest("b2[0]", 1, 77)
    good = {"parameter": "W1[0,1]", "sample": 3, "epoch": 10}
    request, messages = view.resolve_chain(good | values, NAMES, 4, 5000, last)
    assert [m[0] for m in messages] == [key]
    kept = {"teach_bad_param": ("b2[0]", 3, 10), "teach_bad_sample": ("W1[0,1]", 1, 10),
            "teach_bad_epoch": ("W1[0,1]", 3, 77)}[key]
    assert (request.parameter, request.sample, request.epoch) == kept
    for lang in ("en", "ko"):
        assert render(messages[0], lang)


def test_sample_labels_show_the_inputs_and_targets():
    assert view.sample_label(3, DATA, "en") == "sample 3: x = (1, 1), y = (0, 1)"
    assert view.sample_label(view.BATCH, DATA, "ko") == t("teach_whole_batch", "ko", n=4) == "전체 배치 (샘플 4개 모두)"


def test_the_graph_and_paths_of_a_request_use_the_parameters_at_its_epoch():
    request = view.ChainRequest("W1[1,0]", 2, 3)
    run = bp_core.train(*view.RUN.build(), "manual", view.RUN.learning_rate, view.RUN.epochs)
    expected = bp_core.chain_rule_paths(MLP, bp_core.teaching.params_at(run, 3), DATA, "W1[1,0]", 2)
    assert view.chain_paths(request).paths["product"].tolist() == expected.paths["product"].tolist()
    dot, loss = view.graph(request)
    assert loss == run.history["loss"].iloc[3]
    assert f"L = {loss:.5f}" in dot

import re

import pytest

import bp_core
from ui.charts.network_graph import PARAMETER_COLOUR, PATH_COLOUR, network_dot, parameter_edge, path_edges, unit_name

MLP = bp_core.MLP()
PARAMS = MLP.init_params()
VALUES = bp_core.teaching.network_values(MLP, PARAMS, bp_core.half_adder())


def edges(dot: str) -> dict[tuple[str, str], str]:
    return {(a, b): style for a, b, style in re.findall(r"(\w+) -> (\w+) \[(.*)\];", dot)}


def test_units_are_named_as_in_the_lecture_and_parameters_by_their_edge():
    assert [unit_name(MLP, layer, i) for layer, i in ((0, 0), (0, 1), (1, 2), (2, 0))] == ["x1", "x2", "h3", "ŷ1"]
    assert parameter_edge(MLP, "W1[0,1]") == "x2 → h1"
    assert parameter_edge(MLP, "W2[1,2]") == "h3 → ŷ2"
    assert parameter_edge(MLP, "b1[2]") == "h3"


def test_every_edge_carries_its_weight_and_every_unit_its_d_and_n():
    dot = network_dot(MLP, PARAMS, VALUES.sample(3), "W1[0,1]")
    drawn = edges(dot)
    assert len(drawn) == 6 + 6 + 2
    for layer in (1, 2):
        for j, row in enumerate(PARAMS[f"W{layer}"].tolist()):
            for i, weight in enumerate(row):
                assert f'label="{weight:+.2f}"' in drawn[(f"n{layer - 1}_{i}", f"n{layer}_{j}")]
    one = VALUES.sample(3)
    for layer in (1, 2):
        for i in range(MLP.sizes[layer]):
            assert f"d = {one.d[layer - 1][0, i].item():.4f}" in dot and f"n = {one.n[layer][0, i].item():.4f}" in dot
    assert dot.count("{") == dot.count("}")


def test_the_paths_of_a_first_layer_weight_are_highlighted_and_nothing_else():
    drawn = edges(network_dot(MLP, PARAMS, VALUES.mean(), "W1[0,1]"))
    on_path = {("n1_0", "n2_0"), ("n1_0", "n2_1"), ("n2_0", "loss"), ("n2_1", "loss")}
    assert PARAMETER_COLOUR in drawn[("n0_1", "n1_0")] and "penwidth=4.5" in drawn[("n0_1", "n1_0")]
    for edge, style in drawn.items():
        if edge in on_path:
            assert PATH_COLOUR in style and "penwidth=3" in style
        elif edge != ("n0_1", "n1_0"):
            assert "penwidth=1" in style


def test_a_bias_marks_its_unit_and_the_paths_from_there():
    path, unit, weight = path_edges(MLP, "b2[1]")
    assert path == {("n2_1", "loss")} and unit == "n2_1" and weight is None
    dot = network_dot(MLP, PARAMS, VALUES.mean(), "b2[1]")
    assert re.search(rf'n2_1 \[label="[^"]*", fillcolor="[^"]*", color="{PATH_COLOUR}", penwidth=3\]', dot)


@pytest.mark.parametrize("name", bp_core.models.scalar_names(PARAMS))
def test_every_parameter_gives_one_path_per_output_it_can_reach(name):
    path, _, weight = path_edges(MLP, name)
    to_loss = sum(1 for _, b in path if b == "loss")
    assert to_loss == (2 if name.startswith(("W1", "b1")) else 1)
    assert (weight is not None) == name.startswith("W")


@pytest.mark.parametrize("name", bp_core.models.scalar_names(PARAMS))
def test_where_a_parameter_sits_is_read_from_bp_cores_typed_reference(name):
    ref = bp_core.teaching.parse_parameter(MLP, name)
    _, bias_unit, weight = path_edges(MLP, name)
    if ref.kind == "W":
        assert weight == (f"n{ref.layer - 1}_{ref.column}", f"n{ref.layer}_{ref.row}") and bias_unit is None
        below, unit = unit_name(MLP, ref.layer - 1, ref.column), unit_name(MLP, ref.layer, ref.row)
        assert parameter_edge(MLP, name) == f"{below} → {unit}"
    else:
        assert bias_unit == f"n{ref.layer}_{ref.row}" and weight is None
        assert parameter_edge(MLP, name) == unit_name(MLP, ref.layer, ref.row)


def test_a_name_that_is_no_parameter_is_refused_naming_it():
    with pytest.raises(ValueError, match=r"parameter 'W1\[3,0\]' does not exist"):
        parameter_edge(MLP, "W1[3,0]")

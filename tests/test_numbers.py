"""ui/session/numbers.py: one number grammar for cells and links; nothing float() would accept or round slips
through."""

import pytest

from ui.session.numbers import parse_real


@pytest.mark.parametrize(("text", "reason"), [
    ("", "reason_empty"), ("abc", "reason_not_a_number"), ("inf", "reason_not_finite"),
    ("-Infinity", "reason_not_finite"), ("NaN", "reason_not_finite"), ("1e400", "reason_not_finite"),
    ("1_000", "reason_not_a_number"),
    ("0x10", "reason_not_a_number"), ("١٢", "reason_not_a_number"), ("1,5", "reason_not_a_number"),
    ("1" * 41, "reason_too_long"), ("--1", "reason_not_a_number"), ("1e", "reason_not_a_number"),
])
def test_the_number_grammar_refuses_what_float_would_accept_or_round(text, reason):
    with pytest.raises(ValueError) as raised:
        parse_real(text)
    assert raised.value.reason[0] == reason

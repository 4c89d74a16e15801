"""ui/texts/messages.py: what a learner typed, quoted back safely."""

from ui.texts.messages import SHOWN_CHARS, shown


def test_values_quoted_in_messages_cannot_inject_markdown_and_are_cut_short():
    assert shown("[click](http://evil.example)") == r"\[click\]\(http://evil.example\)"
    assert shown("$x$ **b** <img> `c`") == r"\$x\$ \*\*b\*\* \<img\> \`c\`"
    assert len(shown("9" * 1000)) <= 31 and shown("9" * 1000).endswith("…")
    assert shown("a\x00b\nc") == "a�b�c"



def test_a_value_is_quoted_whole_up_to_the_limit_and_cut_with_an_ellipsis_beyond_it():
    assert shown("9" * SHOWN_CHARS) == "9" * SHOWN_CHARS
    assert shown("9" * (SHOWN_CHARS + 1)) == "9" * (SHOWN_CHARS - 1) + "…"

"""What the dashboard tells a learner about a value it cannot use, as data: a text key of ui/texts with its values
(``Message``), the exception that carries one (``Unusable``), and what the learner typed, quoted safely (``shown``).
No Streamlit here; the pages render messages with ``ui.texts.render`` in the learner's language.
"""

from __future__ import annotations

import re
from typing import Any

from bp_core.limits import clipped

SHOWN_CHARS = 31
"""What a message quotes of a value the learner typed, at most (characters, the closing "…" included)."""

Message = tuple[str, dict[str, Any]]
"""A text key of ui/texts and its values; a value that is itself a Message (or a list of them) is rendered first."""


class Unusable(ValueError):
    """A value that cannot be used, with the reason as a Message (rendered in the learner's language)."""

    def __init__(self, reason: Message):
        super().__init__(reason[0])
        self.reason = reason


def entered(value: Any) -> str | Message:
    """What a box held, for "you entered ...": an empty box (None: also where Streamlit put back a value it could not
    read, such as NaN from a modified client) says so in words; anything else is quoted with ``shown``."""
    return ("entered_nothing", {}) if value is None else shown(value)


def shown(text: Any) -> str:
    """What the learner typed, quoted safely for a Markdown message: cut to SHOWN_CHARS the way bp_core cuts what its
    own messages quote (``bp_core.limits.clipped``), unprintable characters replaced, and the characters that Markdown
    would read as markup escaped, so a crafted link cannot draw a link or an image.

    bp_core's ``shown`` describes a Python value to a programmer (its type and repr); this one quotes a learner's text
    back to the learner, so the two share only the cutting.
    """
    text = clipped(str(text), SHOWN_CHARS, "…")
    text = "".join(c if c.isprintable() else "�" for c in text)
    return re.sub(r"([\\`*_{}\[\]()<>#!|~$])", r"\\\1", text)

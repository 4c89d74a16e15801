"""The shareable link: every query parameter parsed the way the library will use it, and the link written for a run
with every float exact (its shortest round-trip repr), so a shared link reproduces the run bit for bit. No Streamlit
here; ui/session/shared.py reads the URL once per session.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import bp_core
from bp_core.activations import HIDDEN_ACTIVATIONS
from ui.session.numbers import MAX_TEXT, check_point_value, check_ui_learning_rate, parse_natural, parse_real
from ui.session.points import LECTURE_POINTS, MAX_POINTS, Points
from ui.session.presets import DEFAULT_MODEL
from ui.session.settings import EPOCHS_CAP, Settings
from ui.texts.messages import Message, Unusable, shown

OPTION_PARAMS = {"seed": "seed", "act": "activation"}
"""Link parameters that carry a model option (bp_core.presets.OPTIONS), by the option's name in Settings."""
POINTS_PARAM = "pts"
"""The link parameter that carries edited data points."""


def ignored(model: str) -> tuple[str, ...]:
    """The link parameters the preset ``model`` does not read (another preset's options or points): named as
    ignored, never an error."""
    preset = bp_core.PRESETS[model]
    unread = [name for name, option in OPTION_PARAMS.items() if option not in preset.options]
    return (*unread, *([] if preset.editable_points else [POINTS_PARAM]))


def _points(text: str) -> Points:
    if text == "":
        raise Unusable(("reason_empty", {}))
    if len(text) > MAX_POINTS * (2 * MAX_TEXT + 2):
        raise Unusable(("reason_too_many", {"cap": MAX_POINTS}))
    pairs = text.split(",")
    if len(pairs) > MAX_POINTS:
        raise Unusable(("reason_too_many", {"cap": MAX_POINTS}))
    points = []
    for pair in pairs:
        parts = pair.split(":")
        if len(parts) != 2:
            raise Unusable(("reason_pts_format", {}))
        points.append(tuple(check_point_value(parse_real(part)) for part in parts))
    return tuple((x, y) for x, y in points)


def _choice(allowed: tuple[str, ...]) -> Callable[[str], str]:
    def parse(value: str) -> str:
        if value not in allowed:
            raise Unusable(("reason_choice", {"allowed": ", ".join(allowed)}))
        return value

    return parse


PARSERS: dict[str, Callable[[str], Any]] = {
    "model": _choice(tuple(bp_core.PRESETS)),
    "lr": lambda v: check_ui_learning_rate(parse_real(v)),
    "epochs": lambda v: parse_natural(v, 1, EPOCHS_CAP),
    "seed": lambda v: parse_natural(v, 0, bp_core.limits.MAX_SEED),
    "act": _choice(HIDDEN_ACTIVATIONS),
    "pts": _points,
    "lang": _choice(("en", "ko")),
}


def _one_value(value: Any) -> str:
    """A parameter's text; a key repeated with different values cannot be trusted (Streamlit would keep the last)."""
    if isinstance(value, (list, tuple)):
        if len(set(map(str, value))) > 1:
            raise Unusable(("reason_repeated", {}))
        value = value[-1] if value else ""
    if not isinstance(value, str):
        raise Unusable(("reason_not_a_number", {}))
    return value


def read_query_params(params: Mapping[str, Any]) -> tuple[dict[str, Any], list[Message]]:
    """Parse the URL's settings: the valid ones, and one message per parameter that cannot be used (named, with what
    it held and why) or that the link's model does not use. A value may be a list: a key the link repeats."""
    valid: dict[str, Any] = {}
    problems: list[Message] = []
    for name, parse in PARSERS.items():
        if name not in params:
            continue
        model = valid.get("model", DEFAULT_MODEL)  # "model" is parsed first
        if name in ignored(model):
            problems.append(("link_param_ignored", {"name": name, "model": (f"model_{model}", {})}))
            continue
        raw = params[name]
        try:
            valid[name] = parse(_one_value(raw))
        except Unusable as bad:
            typed = shown(raw[-1] if isinstance(raw, (list, tuple)) and raw else raw)
            problems.append(("bad_link_param", {"name": name, "value": typed, "reason": bad.reason}))
    return valid, problems


def to_query_params(settings: Settings, lang: str) -> dict[str, str]:
    """The link for ``settings``: floats as their shortest round-trip repr, so the link reproduces the run exactly."""
    params = {"model": settings.model, "lr": repr(settings.learning_rate), "epochs": str(settings.epochs),
              "lang": lang}
    preset = bp_core.PRESETS[settings.model]
    params |= {name: str(getattr(settings, option)) for name, option in OPTION_PARAMS.items()
               if option in preset.options}
    if preset.editable_points and settings.points != LECTURE_POINTS:
        params[POINTS_PARAM] = ",".join(f"{x!r}:{y!r}" for x, y in settings.points)
    return params

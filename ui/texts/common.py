"""Texts several pages share: models, methods, chart labels, and why a setting, link or cell cannot be used."""

import bp_core

TEXTS: dict[str, dict[str, str]] = {
    "edits_dropped": {"en": "The table's last edits could not be applied and were dropped; it shows the last valid "
                            "data.",
                      "ko": "표의 마지막 편집을 적용할 수 없어 버렸습니다. 마지막으로 유효했던 데이터를 보여 줍니다."},
    "diverged_rule": {"en": "the loss is non-finite or above {factor} × max(the starting loss, 1)",
                      "ko": "손실이 유한하지 않거나 max(처음 손실, 1)의 {factor}배를 넘으"},
    # words several pages use: the models, the two methods, chart and table labels, the teaching pages' training
    "model": {"en": "Model", "ko": "모델"},
    # model_<key>: each preset's name for the model choice, as the presets table (bp_core/presets.py) gives it
    **{f"model_{key}": dict(preset.labels) for key, preset in bp_core.PRESETS.items()},
    "manual": {"en": "manual (chain rule)", "ko": "직접 미분 (연쇄 법칙)"},
    "autograd": {"en": "autograd (backward)", "ko": "자동 미분 (backward)"},
    "method": {"en": "method", "ko": "방법"},
    "epoch": {"en": "epoch", "ko": "에폭"},
    "loss": {"en": "loss", "ko": "손실"},
    "parameter": {"en": "parameter", "ko": "파라미터"},
    "value": {"en": "value", "ko": "값"},
    "bytes": {"en": "bytes", "ko": "바이트"},
    "check_computing": {"en": "Computing the gradients three ways, in float32 and float64 ...",
                        "ko": "그래디언트를 세 가지 방법으로 float32와 float64에서 계산하는 중 ..."},
    "bound_computing": {"en": "Computing the stability bound 2/λmax ...", "ko": "안정성 한계 2/λmax를 계산하는 중 ..."},
    "teach_training": {"en": "Training the model by hand ({epochs} epochs) ...",
                       "ko": "모델을 직접 미분으로 학습하는 중 ({epochs} 에폭) ..."},
    # the server's one queue (ui/queue_view.py), on every page that computes something heavy
    "queue_one": {"en": "Waiting: 1 run ahead of yours (this server computes {workers} at a time).",
                  "ko": "대기 중: 앞에 실행 1개가 있습니다 (이 서버는 한 번에 {workers}개씩 계산합니다)."},
    "queue_many": {"en": "Waiting: {ahead} runs ahead of yours (this server computes {workers} at a time).",
                   "ko": "대기 중: 앞에 실행 {ahead}개가 있습니다 (이 서버는 한 번에 {workers}개씩 계산합니다)."},
    # what ui/links.py and ui/points.py say about a link's setting or a table cell it cannot use, and why (reason_*)
    "bad_link_param": {"en": "The link's setting {name} = “{value}” cannot be used: {reason}. Its default is used.",
                       "ko": "링크의 설정 {name} = “{value}”은(는) 사용할 수 없습니다: {reason}. 기본값을 사용합니다."},
    "link_param_ignored": {"en": "The link's setting {name} does not apply to the {model}: it is ignored.",
                           "ko": "링크의 설정 {name}은(는) {model}에는 해당하지 않아 무시합니다."},
    "cell_problem": {"en": "row {row}, {column} “{typed}”: {reason}", "ko": "{row}행 {column} “{typed}”: {reason}"},
    "cells_more": {"en": "and {count} more cells", "ko": "그 밖에 {count}칸"},
    "reason_empty": {"en": "empty", "ko": "비어 있음"},
    "reason_too_long": {"en": "longer than {cap} characters", "ko": "{cap}자보다 김"},
    "reason_not_finite": {"en": "not a finite number", "ko": "유한한 수가 아님"},
    "reason_not_a_number": {"en": "not a number (write digits 0-9 with an optional sign, point and exponent, e.g. 2.5 "
                                  "or -1e-3)",
                            "ko": "수가 아님 (0-9 숫자와 선택적인 부호, 소수점, 지수로 쓰세요. 예: 2.5, -1e-3)"},
    "reason_not_whole": {"en": "not a whole number from {low} to {high} written with digits 0-9",
                         "ko": "0-9 숫자로 쓴 {low} ~ {high}의 정수가 아님"},
    "reason_int_range": {"en": "outside {low} to {high}", "ko": "{low} ~ {high} 범위 밖"},
    "reason_beyond_limit": {"en": "beyond ±{limit:g} (larger values overflow float32 training)",
                            "ko": "±{limit:g} 범위 밖 (더 큰 값은 float32 학습에서 넘침)"},
    "reason_lr_range": {"en": "outside [{low:.3g}, {high:g}] (training is float32: a smaller rate rounds to 0)",
                        "ko": "[{low:.3g}, {high:g}] 범위 밖 (학습은 float32: 더 작은 학습률은 0이 됨)"},
    "reason_choice": {"en": "not one of {allowed}", "ko": "{allowed} 중 하나가 아님"},
    "reason_repeated": {"en": "given more than once with different values", "ko": "서로 다른 값으로 여러 번 주어짐"},
    "reason_pts_format": {"en": "not x:y pairs separated by commas (e.g. 1:3,2:5)",
                          "ko": "쉼표로 구분한 x:y 쌍이 아님 (예: 1:3,2:5)"},
    "reason_no_rows": {"en": "at least one row is needed", "ko": "적어도 한 행이 필요합니다"},
    "reason_too_many": {"en": "at most {cap} rows are allowed", "ko": "최대 {cap}행까지 허용됩니다"},
}

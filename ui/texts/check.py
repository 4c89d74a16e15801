"""Texts of the Gradient check page (pages/gradient_check.py, ui/check_view.py)."""

TEXTS: dict[str, dict[str, str]] = {
    "check_title": {"en": "Gradient check", "ko": "기울기 검증"},
    "check_intro": {
        "en": "Three ways to the same gradient: derived by hand (manual), by autograd (`loss.backward()`), and by "
              "central finite differences (L(p + ε) − L(p − ε)) / 2ε, one parameter at a time. Choose the "
              "parameters: the start, the model's training run at some epoch, or your own numbers.",
        "ko": "같은 기울기를 세 가지 방법으로 구합니다: 손으로 유도한 식(수동), 자동 미분(`loss.backward()`), 그리고 "
              "파라미터를 하나씩 움직이는 중심 유한 차분 (L(p + ε) − L(p − ε)) / 2ε. 파라미터를 고르세요: "
              "시작값, 모델 학습의 특정 에폭, 또는 직접 입력한 값.",
    },
    "check_source": {"en": "Parameters", "ko": "파라미터"},
    "check_source_initial": {"en": "at the start", "ko": "시작값"},
    "check_source_trained": {"en": "from training, at an epoch", "ko": "학습 중 특정 에폭"},
    "check_source_typed": {"en": "typed in", "ko": "직접 입력"},
    "check_epoch": {"en": "Epoch of the model's training run (learning rate {lr:g})",
                    "ko": "모델 학습의 에폭 (학습률 {lr:g})"},
    "check_typed_help": {"en": "Type a number into any value cell (|value| ≤ {limit:g}).",
                         "ko": "값 칸에 수를 입력하세요 (|값| ≤ {limit:g})."},
    "check_bad_rows": {"en": "The table must keep one row per parameter.",
                       "ko": "표에는 파라미터마다 한 행이 있어야 합니다."},
    "check_bad_cell": {"en": "Cell {name}: “{value}” is not a number.",
                       "ko": "{name} 칸: “{value}”은(는) 수가 아닙니다."},
    "check_bad_range": {"en": "Cell {name}: {value} is not a finite number within ±{limit:g}.",
                        "ko": "{name} 칸: {value}은(는) ±{limit:g} 범위 안의 유한한 수가 아닙니다."},
    "check_last_valid": {"en": "The tables below still show the last valid parameters; your entries stay in the table "
                               "so you can fix them.",
                         "ko": "아래 표는 마지막으로 유효했던 파라미터의 결과입니다. 입력한 내용은 표에 남아 있으니 "
                               "고칠 수 있습니다."},
    "check_gradcheck": {"en": "torch.autograd.gradcheck (float64)", "ko": "torch.autograd.gradcheck (float64)"},
    "check_passed": {"en": "passed", "ko": "통과"},
    "check_failed": {"en": "failed", "ko": "실패"},
    "check_gradcheck_help": {"en": "gradcheck wraps the hand-derived backward as an autograd Function and compares it "
                                   "with its own finite differences in float64.",
                             "ko": "gradcheck는 손으로 유도한 역전파를 autograd Function으로 감싸 float64에서 자체 "
                                   "유한 차분과 비교합니다."},
    "check_summary": {"en": "Rows that pass, {dtype}", "ko": "통과한 행, {dtype}"},
    "check_table_caption": {
        "en": "{dtype}: parameters, data and all three gradients in {dtype}; finite-difference step ε = {eps:g}. "
              "Errors are measured against autograd. Pass: manual agrees with autograd within rounding, and the "
              "finite difference within 1e-6 relative.",
        "ko": "{dtype}: 파라미터, 데이터, 세 기울기 모두 {dtype}로 계산; 유한 차분 간격 ε = {eps:g}. 오차는 자동 "
              "미분 기준입니다. 통과: 수동이 반올림 오차 안에서 자동 미분과 같고, 유한 차분이 상대 오차 1e-6 안에서 "
              "같음.",
    },
    "check_float32_why": {
        "en": "Why float32 cannot pass a tight finite-difference check: float32 keeps about 7 significant digits. "
              "L(p + ε) and L(p − ε) agree in their first 3 to 4 digits, so their difference keeps only the last 3 "
              "to 4, and dividing by the small 2ε enlarges that rounding error: the result is good to about 1e-3, "
              "not 1e-6. float64 keeps about 16 digits, so the same check passes. Backpropagation has no such "
              "subtraction: manual and autograd agree in float32 too.",
        "ko": "float32가 엄격한 유한 차분 검사를 통과할 수 없는 이유: float32의 유효숫자는 약 7자리입니다. "
              "L(p + ε)와 L(p − ε)는 앞의 3–4자리가 같으므로 그 차이에는 3–4자리만 남고, 작은 2ε로 나누면 "
              "반올림 오차가 커집니다: 결과는 1e-6이 아니라 약 1e-3까지만 맞습니다. float64는 약 16자리를 유지하므로 "
              "같은 검사를 통과합니다. 역전파에는 이런 뺄셈이 없어서 float32에서도 수동과 자동 미분이 일치합니다.",
    },
    "check_col_parameter": {"en": "parameter", "ko": "파라미터"},
    "check_col_manual": {"en": "manual", "ko": "수동"},
    "check_col_autograd": {"en": "autograd", "ko": "자동 미분"},
    "check_col_numeric": {"en": "finite difference", "ko": "유한 차분"},
    "check_col_manual_abs_error": {"en": "|manual − auto|", "ko": "|수동 − 자동|"},
    "check_col_manual_rel_error": {"en": "rel. (manual)", "ko": "상대 (수동)"},
    "check_col_numeric_abs_error": {"en": "|fin. diff. − auto|", "ko": "|유한 차분 − 자동|"},
    "check_col_numeric_rel_error": {"en": "rel. (fin. diff.)", "ko": "상대 (유한 차분)"},
    "check_col_verdict": {"en": "verdict", "ko": "판정"},
    "check_verdict_pass": {"en": "✓ pass", "ko": "✓ 통과"},
    "check_verdict_finite_difference_off": {"en": "✗ finite difference off", "ko": "✗ 유한 차분 불일치"},
    "check_verdict_manual_mismatch": {"en": "✗ manual ≠ autograd", "ko": "✗ 수동 ≠ 자동 미분"},
    # forgotten optimizer.zero_grad()
    "zero_grad_title": {"en": "Forgot `optimizer.zero_grad()`", "ko": "`optimizer.zero_grad()`를 빠뜨리면"},
    "zero_grad_intro": {
        "en": "`loss.backward()` adds the new gradient to what `.grad` already holds. Without `optimizer.zero_grad()` "
              "each step follows the sum of every gradient so far. The same autograd training, {epochs} epochs at "
              "learning rate {lr:g}, with and without it:",
        "ko": "`loss.backward()`는 새 기울기를 `.grad`에 이미 있는 값에 더합니다. `optimizer.zero_grad()`가 없으면 "
              "매 단계가 지금까지의 모든 기울기의 합을 따라갑니다. 같은 자동 미분 학습({epochs} 에폭, 학습률 "
              "{lr:g})을 이것이 있을 때와 없을 때 비교합니다:",
    },
    "zero_grad_metric": {"en": "Epoch where the run without zero_grad() goes wrong",
                         "ko": "zero_grad()가 없는 학습이 잘못되는 에폭"},
    "zero_grad_metric_help": {"en": "The first epoch whose loss is more than 10% above the correct run's loss at the "
                                    "same epoch, or where the run diverged.",
                              "ko": "손실이 같은 에폭의 올바른 학습보다 10% 넘게 큰 첫 에폭, 또는 학습이 발산한 "
                                    "에폭."},
    "zero_grad_wrong": {"en": "At epoch {epoch} the loss without zero_grad() is {without:.4g}, against {with_:.4g} "
                              "with it. By the last epoch the gradient it steps with is {ratio:.1f}× the correct "
                              "gradient's norm: it keeps adding up.",
                        "ko": "에폭 {epoch}에서 zero_grad()가 없는 학습의 손실은 {without:.4g}, 있는 학습은 "
                              "{with_:.4g}입니다. 마지막 에폭에서 그 학습이 따르는 기울기의 크기는 올바른 기울기의 "
                              "{ratio:.1f}배입니다: 계속 쌓이기 때문입니다."},
    "zero_grad_diverged": {"en": "At epoch {epoch} the run without zero_grad() diverged (loss {without:.4g}, against "
                                 "{with_:.4g} with it); by then the gradient it stepped with was {ratio:.1f}× the "
                                 "correct gradient's norm.",
                           "ko": "에폭 {epoch}에서 zero_grad()가 없는 학습이 발산했습니다 (손실 {without:.4g}, "
                                 "있는 학습은 {with_:.4g}). 그때까지 따른 기울기의 크기는 올바른 기울기의 "
                                 "{ratio:.1f}배였습니다."},
    "zero_grad_never": {"en": "Within {epochs} epochs the loss without zero_grad() never rose more than 10% above the "
                              "correct run's. It is still wrong: each step follows the sum of all past gradients "
                              "({ratio:.1f}× the correct gradient's norm at the last epoch), so the weights keep "
                              "moving one way and the loss curve hides it.",
                        "ko": "{epochs} 에폭 동안 zero_grad()가 없는 학습의 손실은 올바른 학습보다 10% 넘게 커진 적이 "
                              "없습니다. 그래도 잘못된 학습입니다: 매 단계가 지금까지의 모든 기울기의 합을 따라가므로 "
                              "(마지막 에폭에서 올바른 기울기 크기의 {ratio:.1f}배) 가중치가 한 방향으로 계속 "
                              "움직이고, 손실 곡선만으로는 그것이 보이지 않습니다."},
    "zero_grad_with": {"en": "with zero_grad()", "ko": "zero_grad() 있음"},
    "zero_grad_without": {"en": "without zero_grad()", "ko": "zero_grad() 없음"},
    "zero_grad_loss": {"en": "loss (log)", "ko": "손실 (로그)"},
    "zero_grad_grad_norm": {"en": "‖.grad‖ (log)", "ko": "‖.grad‖ (로그)"},
    "zero_grad_chart_loss": {"en": "Loss per epoch", "ko": "에폭별 손실"},
    "zero_grad_chart_grad_norm": {"en": "Norm of the gradient each step follows",
                                  "ko": "매 단계가 따르는 기울기의 크기"},
    "zero_grad_fix": {"en": "**The fix is one line:** call `optimizer.zero_grad()` before `loss.backward()` in every "
                            "epoch.",
                      "ko": "**해결책은 한 줄:** 매 에폭 `loss.backward()` 전에 `optimizer.zero_grad()`를 "
                            "호출하세요."},
}

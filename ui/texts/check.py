"""Texts of the Gradient check page (pages/gradient_check.py, ui/views/check_view.py)."""

TEXTS: dict[str, dict[str, str]] = {
    "check_title": {"en": "Gradient check", "ko": "그래디언트 검증"},
    "check_intro": {
        "en": "Three ways to the same gradient: derived by hand (manual), by autograd (`loss.backward()`), and by "
              "central finite differences (L(p + ε) − L(p − ε)) / 2ε, one parameter at a time. Choose the "
              "parameters: the start, the model's training run at some epoch, or your own numbers.",
        "ko": "같은 그래디언트를 세 가지 방법으로 구합니다: 직접 미분한 식, 자동 미분(`loss.backward()`), 그리고 "
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
    "check_bad_cell": {"en": "Cell {name}: “{value}” is not a number ({reason}).",
                       "ko": "{name} 칸: “{value}”은(는) 수가 아닙니다 ({reason})."},
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
                             "ko": "gradcheck는 직접 미분한 역전파를 autograd Function으로 감싸 float64에서 자체 "
                                   "유한 차분과 비교합니다."},
    "check_table_alt": {"en": "The three gradients in {dtype}: {passed} of {total} parameters pass; the largest "
                              "|manual − autograd| is {manual:.1e}, the largest |finite difference − autograd| "
                              "{numeric:.1e}",
                        "ko": "{dtype}의 세 그래디언트: 파라미터 {total}개 중 {passed}개 통과, |직접 미분 − 자동 "
                              "미분|의 최댓값 {manual:.1e}, |유한 차분 − 자동 미분|의 최댓값 {numeric:.1e}"},
    "check_summary": {"en": "Rows that pass, {dtype}", "ko": "통과한 행, {dtype}"},
    "check_table_caption": {
        "en": "{dtype}: parameters, data and all three gradients in {dtype}; finite-difference step ε = {eps:g}. "
              "Errors are measured against autograd. A row passes when manual is within {mtol:.1e} × (|autograd| + "
              "the largest |autograd|) of autograd (rounding in {dtype}) and the finite difference within "
              "{ftol:.1e} × (1 + |autograd|) (what a central difference can reach in {dtype}: 10 × machine "
              "epsilon^(2/3)).",
        "ko": "{dtype}: 파라미터, 데이터, 세 그래디언트 모두 {dtype}로 계산; 유한 차분 간격 ε = {eps:g}. 오차는 자동 "
              "미분 기준입니다. 한 행은 직접 미분이 자동 미분과 {mtol:.1e} × (|자동 미분| + 가장 큰 |자동 미분|) "
              "안에서 같고({dtype}의 반올림 오차), 유한 차분이 {ftol:.1e} × (1 + |자동 미분|) 안에 있을 때 "
              "통과합니다({dtype}에서 중심 차분이 도달할 수 있는 정확도: 10 × 기계 엡실론^(2/3)).",
    },
    "check_float32_why": {
        "en": "Why a float32 finite difference is rough: float32 keeps about 7 significant digits. Here L(p + ε) and "
              "L(p − ε) share about their first {shared} digits, so their difference keeps only about {left}, and "
              "dividing it by the small 2ε = {two_eps:g} enlarges that rounding error: in this table the float32 "
              "finite differences miss autograd by up to {miss32:.1e} relative. float64 keeps about 16 digits; its "
              "finite differences miss by up to {miss64:.1e}. Backpropagation never divides a difference of two "
              "nearly equal numbers by a tiny step: it multiplies local derivatives, so manual and autograd agree in "
              "float32 too (largest relative gap here: {gap32:.1e}).",
        "ko": "float32 유한 차분이 거친 이유: float32의 유효숫자는 약 7자리입니다. 여기서 L(p + ε)와 L(p − ε)는 "
              "앞의 약 {shared}자리가 같으므로 그 차이에는 약 {left}자리만 남고, 이를 작은 2ε = {two_eps:g}로 나누면 "
              "반올림 오차가 커집니다: 이 표에서 float32 유한 차분은 자동 미분과 상대 오차로 최대 {miss32:.1e}만큼 "
              "다릅니다. float64는 약 16자리를 유지하며, 그 유한 차분의 차이는 최대 {miss64:.1e}입니다. 역전파는 "
              "거의 같은 두 수의 차이를 아주 작은 간격으로 나누는 일이 없고 국소 미분을 곱하기만 하므로, float32에서도 "
              "직접 미분과 자동 미분이 일치합니다(여기서 가장 큰 상대 차이: {gap32:.1e}).",
    },
    "check_col_parameter": {"en": "parameter", "ko": "파라미터"},
    "check_col_manual": {"en": "manual", "ko": "직접 미분"},
    "check_col_autograd": {"en": "autograd", "ko": "자동 미분"},
    "check_col_numeric": {"en": "finite difference", "ko": "유한 차분"},
    "check_col_manual_abs_error": {"en": "|manual − auto|", "ko": "|직접 미분 − 자동|"},
    "check_col_manual_rel_error": {"en": "rel. (manual)", "ko": "상대 (직접 미분)"},
    "check_col_numeric_abs_error": {"en": "|fin. diff. − auto|", "ko": "|유한 차분 − 자동|"},
    "check_col_numeric_rel_error": {"en": "rel. (fin. diff.)", "ko": "상대 (유한 차분)"},
    "check_col_verdict": {"en": "verdict", "ko": "판정"},
    "check_verdict_pass": {"en": "✓ pass", "ko": "✓ 통과"},
    "check_verdict_finite_difference_off": {"en": "✗ finite difference off", "ko": "✗ 유한 차분 불일치"},
    "check_verdict_manual_mismatch": {"en": "✗ manual ≠ autograd", "ko": "✗ 직접 미분 ≠ 자동 미분"},
    # forgotten optimizer.zero_grad()
    "zero_grad_title": {"en": "Forgot `optimizer.zero_grad()`", "ko": "`optimizer.zero_grad()`를 빠뜨리면"},
    "zero_grad_running": {"en": "Training {epochs} epochs with and without zero_grad() ...",
                          "ko": "학습 중: zero_grad() 있음과 없음, 각각 {epochs} 에폭 ..."},
    "zero_grad_intro": {
        "en": "`loss.backward()` adds the new gradient to what `.grad` already holds. Without `optimizer.zero_grad()` "
              "each step follows the sum of every gradient so far. The same autograd training, {epochs} epochs at "
              "learning rate {lr:g}, with and without it:",
        "ko": "`loss.backward()`는 새 그래디언트를 `.grad`에 이미 있는 값에 더합니다. `optimizer.zero_grad()`가 없으면 "
              "매 단계가 지금까지의 모든 그래디언트의 합을 따라갑니다. 같은 자동 미분 학습({epochs} 에폭, 학습률 "
              "{lr:g})을 이것이 있을 때와 없을 때 비교합니다:",
    },
    "zero_grad_metric": {"en": "Epoch where the run without zero_grad() goes wrong",
                         "ko": "zero_grad()가 없는 학습이 잘못되는 에폭"},
    "zero_grad_metric_help": {"en": "The first epoch whose loss is more than {margin:.0f}% above the correct run's "
                                    "loss at the same epoch, or where the run diverged.",
                              "ko": "손실이 같은 에폭의 올바른 학습보다 {margin:.0f}% 넘게 큰 첫 에폭, 또는 학습이 "
                                    "발산한 에폭."},
    "zero_grad_wrong": {"en": "At epoch {epoch} the loss without zero_grad() is {without:.4g}, against {with_:.4g} "
                              "with it (more than {margin:.0f}% above). At its last epoch, {last}, the gradient it "
                              "steps with has norm {accumulated:.4g}, while the true gradient at those same parameters "
                              "has norm {true:.4g}: .grad keeps adding up every past gradient.",
                        "ko": "에폭 {epoch}에서 zero_grad()가 없는 학습의 손실은 {without:.4g}, 있는 학습은 "
                              "{with_:.4g}입니다({margin:.0f}% 넘게 큼). 마지막 에폭 {last}에서 그 학습이 따르는 "
                              "그래디언트의 크기는 {accumulated:.4g}인데, 같은 파라미터에서의 실제 그래디언트 크기는 "
                              "{true:.4g}입니다: .grad에 지난 모든 그래디언트가 계속 더해지기 때문입니다."},
    "zero_grad_diverged": {"en": "At epoch {epoch} the run without zero_grad() diverged (loss {without:.4g}, against "
                                 "{with_:.4g} with it). At its last kept epoch, {last}, the gradient it stepped with "
                                 "had norm {accumulated:.4g}; the true gradient at those same parameters, {true:.4g}.",
                           "ko": "에폭 {epoch}에서 zero_grad()가 없는 학습이 발산했습니다(손실 {without:.4g}, 있는 "
                                 "학습은 {with_:.4g}). 마지막으로 남은 에폭 {last}에서 그 학습이 따른 그래디언트의 "
                                 "크기는 {accumulated:.4g}, 같은 파라미터에서의 실제 그래디언트 크기는 "
                                 "{true:.4g}입니다."},
    "zero_grad_never": {"en": "Within {epochs} epochs the loss without zero_grad() never rose more than {margin:.0f}% "
                              "above the correct run's. It is still wrong: at its last epoch, {last}, the gradient it "
                              "steps with has norm {accumulated:.4g}, while the true gradient at those same parameters "
                              "has norm {true:.4g}, so the weights keep moving one way and the loss curve hides it.",
                        "ko": "{epochs} 에폭 동안 zero_grad()가 없는 학습의 손실은 올바른 학습보다 {margin:.0f}% 넘게 "
                              "커진 적이 없습니다. 그래도 잘못된 학습입니다: 마지막 에폭 {last}에서 그 학습이 따르는 "
                              "그래디언트의 크기는 {accumulated:.4g}인데 같은 파라미터에서의 실제 그래디언트 크기는 "
                              "{true:.4g}이므로, 가중치가 한 방향으로 계속 움직이고 손실 곡선만으로는 그것이 보이지 "
                              "않습니다."},
    "zero_grad_with": {"en": "with zero_grad()", "ko": "zero_grad() 있음"},
    "zero_grad_without": {"en": "without zero_grad()", "ko": "zero_grad() 없음"},
    "zero_grad_loss": {"en": "loss (log)", "ko": "손실 (로그)"},
    "zero_grad_grad_norm": {"en": "‖.grad‖ (log)", "ko": "‖.grad‖ (로그)"},
    "zero_grad_chart_loss": {"en": "Loss per epoch", "ko": "에폭별 손실"},
    "zero_grad_chart_grad_norm": {"en": "Norm of the gradient each step follows",
                                  "ko": "매 단계가 따르는 그래디언트의 크기"},
    "zero_grad_fix": {"en": "**The fix is one line:** call `optimizer.zero_grad()` before `loss.backward()` in every "
                            "epoch.",
                      "ko": "**해결책은 한 줄:** 매 에폭 `loss.backward()` 전에 `optimizer.zero_grad()`를 "
                            "호출하세요."},
}

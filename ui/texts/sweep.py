"""Texts of the Learning rate page (pages/learning_rate.py, ui/views/sweep_view.py): the learning-rate sweep."""

TEXTS: dict[str, dict[str, str]] = {
    "sweep_title": {"en": "The learning rate and the stability bound", "ko": "학습률과 안정성 한계"},
    "sweep_intro": {
        "en": "The same training by hand at many learning rates, spaced evenly on a log scale. Small rates converge "
              "slowly, larger ones faster; above 1/λmax each step overshoots the minimum along the most curved "
              "direction (the loss still falls, zigzagging), and above 2/λmax the overshoot grows every step and "
              "the loss blows up. Set the range, "
              "the number of rates and the epochs, then press **Sweep**.",
        "ko": "같은 직접 미분 학습을 로그 눈금에서 고르게 나눈 여러 학습률로 실행합니다. 작은 학습률은 천천히, "
              "큰 학습률은 빨리 수렴합니다. 1/λmax를 넘으면 가장 많이 휜 방향에서 한 걸음이 최솟값을 지나치고 "
              "(손실은 지그재그로 여전히 줄어듦), 2/λmax를 넘으면 지나치는 폭이 매 단계 커져 손실이 폭발합니다. "
              "범위, 학습률 개수, 에폭 수를 정하고 **실행**을 누르세요.",
    },
    "sweep_table_alt": {"en": "{runs} learning rates from {low:g} to {high:g}, {diverging} of them diverge",
                        "ko": "{low:g}부터 {high:g}까지 학습률 {runs}개, 그중 {diverging}개 발산"},
    "sweep_low": {"en": "Smallest learning rate", "ko": "가장 작은 학습률"},
    "sweep_high": {"en": "Largest learning rate", "ko": "가장 큰 학습률"},
    "sweep_count": {"en": "Number of rates (2 to {cap})", "ko": "학습률 개수 (2 – {cap})"},
    "sweep_epochs": {"en": "Epochs per run (1 to {cap})", "ko": "학습당 에폭 수 (1 – {cap})"},
    "sweep_button": {"en": "Sweep", "ko": "실행"},
    "sweep_bad_rate": {"en": "{which} must be a number from {least:.3g} (the smallest normal float32 number) to "
                             "{cap:g}; you entered {value}.",
                       "ko": "{which}은(는) {least:.3g}(float32의 가장 작은 정규 수)부터 {cap:g}까지의 수여야 합니다. "
                             "입력값: {value}."},
    "sweep_bad_order": {"en": "The smallest learning rate ({low:g}) must be below the largest ({high:g}).",
                        "ko": "가장 작은 학습률({low:g})은 가장 큰 학습률({high:g})보다 작아야 합니다."},
    "sweep_bad_count": {"en": "The number of rates must be a whole number from 2 to {cap}; you entered {value}.",
                        "ko": "학습률 개수는 2 – {cap} 사이의 정수여야 합니다. 입력값: {value}."},
    "sweep_bad_epochs": {"en": "The epochs per run must be a whole number from 1 to {cap}; you entered {value}.",
                         "ko": "학습당 에폭 수는 1 – {cap} 사이의 정수여야 합니다. 입력값: {value}."},
    "sweep_too_long": {"en": "{count} rates × {epochs} epochs = {work} epochs of training would take too long here: "
                             "keep it at most {cap} (fewer rates or fewer epochs).",
                       "ko": "학습률 {count}개 × {epochs} 에폭 = 총 {work} 에폭은 여기서 너무 오래 걸립니다: {cap} "
                             "이하가 되도록 학습률 개수나 에폭 수를 줄이세요."},
    "sweep_last_valid": {"en": "Showing the last valid sweep: {count} rates from {low:g} to {high:g}, {epochs} epochs "
                               "each.",
                         "ko": "마지막으로 유효했던 학습률 비교 실험을 보여 줍니다: {low:g}부터 {high:g}까지 "
                               "학습률 {count}개, 각 {epochs} 에폭."},
    "sweep_running": {"en": "Training run {done} of {total} ...", "ko": "학습 {total}개 중 {done}번째 ..."},
    "sweep_hessian_sentence": {
        "en": "Why 2/λmax: where the loss is a quadratic bowl, its largest curvature is the largest eigenvalue λmax of "
              "its Hessian (the matrix of second derivatives). Along that direction each step multiplies the "
              "distance to the minimum by (1 − lr·λmax): above 1/λmax that factor is negative (the step overshoots), "
              "and its size stays below 1 only while lr < 2/λmax. Here λmax = {lam:.4g}, so the bound is "
              "2/λmax = {bound:.4g}.",
        "ko": "왜 2/λmax인가: 손실이 이차식 그릇 모양인 곳에서 가장 큰 곡률은 헤시안(2차 편미분 행렬)의 가장 큰 "
              "고윳값 λmax입니다. 그 방향으로는 매 단계 최솟값까지의 거리에 (1 − lr·λmax)가 곱해집니다. 1/λmax를 "
              "넘으면 이 값이 음수가 되어 한 걸음이 최솟값을 지나치고, 그 크기는 lr < 2/λmax일 때만 1보다 작습니다. "
              "여기서 λmax = {lam:.4g}이므로 한계는 2/λmax = {bound:.4g}입니다.",
    },
    "sweep_line_exact": {"en": "For the line the loss is exactly quadratic, so H is the same everywhere (it depends "
                               "on x only) and the bound is exact: every rate above it diverges.",
                         "ko": "직선 모델의 손실은 정확히 이차식이라 H가 어디서나 같고 (x에만 의존), 한계도 "
                               "정확합니다: 그보다 큰 학습률은 모두 발산합니다."},
    "sweep_network_local": {
        "en": "For the network, H is taken at the starting parameters, so the bound describes the first steps only: "
              "the curvature changes as training moves. The sigmoid outputs also keep the loss below 1, so a "
              "too-large rate stalls or swings instead of blowing up.",
        "ko": "신경망에서는 H를 시작 파라미터에서 구하므로 한계는 처음 몇 단계에만 해당합니다: 학습이 진행되면 곡률이 "
              "변합니다. 또 시그모이드 출력 때문에 손실이 1을 넘지 않아서, 너무 큰 학습률에서는 손실이 폭발하는 대신 "
              "제자리에 머물거나 크게 오르내립니다.",
    },
    "sweep_metric_lambda": {"en": "λmax (largest Hessian eigenvalue)", "ko": "λmax (헤시안의 최대 고윳값)"},
    "sweep_metric_bound": {"en": "Bound 2/λmax", "ko": "한계 2/λmax"},
    "sweep_metric_diverging": {"en": "Runs that did not converge", "ko": "수렴하지 않은 학습"},
    "sweep_chart_final": {"en": "Final loss against learning rate", "ko": "학습률에 따른 최종 손실"},
    "sweep_axis_lr": {"en": "learning rate (log)", "ko": "학습률 (로그)"},
    "sweep_axis_final": {"en": "loss after {epochs} epochs (log)", "ko": "{epochs} 에폭 후 손실 (로그)"},
    "sweep_converging": {"en": "converging", "ko": "수렴"},
    "sweep_diverging": {"en": "did not converge (drawn at the top)", "ko": "수렴하지 않음 (맨 위에 표시)"},
    "sweep_diverged_at": {"en": "diverged at epoch", "ko": "발산한 에폭"},
    "sweep_rule": {"en": "dashed: the bound 2/λmax = {bound:.4g}", "ko": "점선: 한계 2/λmax = {bound:.4g}"},
    "sweep_summary": {"en": "{runs} runs of {epochs} epochs; {diverging} did not converge: they diverged or ended "
                            "above their starting loss. They are drawn as triangles at the top of the axis. Hover a "
                            "point for its numbers.",
                      "ko": "{epochs} 에폭 학습 {runs}개 중 {diverging}개가 수렴하지 않았습니다: 발산했거나 처음 "
                            "손실보다 크게 끝났습니다. 이 학습은 축 맨 위에 삼각형으로 표시합니다. 점에 마우스를 "
                            "올리면 값이 보입니다."},
    "sweep_pick_curves": {"en": "Loss curves of these learning rates", "ko": "손실 곡선을 볼 학습률"},
    "sweep_chart_curves": {"en": "Loss per epoch at the chosen learning rates", "ko": "고른 학습률의 에폭별 손실"},
    "sweep_curves_caption": {"en": "Training stops once {rule}: a diverged run's curve ends there.",
                             "ko": "{rule}면 학습을 멈춥니다: 발산한 학습의 곡선은 그곳에서 끝납니다."},
    "sweep_table": {"en": "Every run as a table", "ko": "모든 학습을 표로"},
    "sweep_col_learning_rate": {"en": "learning rate", "ko": "학습률"},
    "sweep_col_final_loss": {"en": "final loss", "ko": "최종 손실"},
    "sweep_col_initial_loss": {"en": "initial loss", "ko": "처음 손실"},
    "sweep_col_epochs_run": {"en": "epochs run", "ko": "실행한 에폭"},
    "sweep_col_diverged_at": {"en": "diverged at epoch", "ko": "발산한 에폭"},
    "sweep_col_diverging": {"en": "did not converge", "ko": "수렴하지 않음"},
    "alt_sweep_final": {"en": "Final loss of {count} runs, learning rates {low:g} to {high:g}: {ok} converge and "
                              "{failed} do not; the bound 2/λmax is {bound:.4g}.",
                        "ko": "학습률 {low:g}–{high:g}의 학습 {count}개의 최종 손실: {ok}개는 수렴하고 {failed}개는 "
                              "수렴하지 않습니다. 한계 2/λmax는 {bound:.4g}입니다."},
    "alt_sweep_curves": {"en": "Loss per epoch of the runs at learning rates {rates}.",
                         "ko": "학습률 {rates}에서 학습한 손실의 에폭별 곡선."},
}

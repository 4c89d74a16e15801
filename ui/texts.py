"""Every string the dashboard shows, in English and Korean, in one place. ``t(key, lang, **values)`` fills them in."""

from __future__ import annotations

from typing import Any

LANGUAGES = {"en": "English", "ko": "한국어"}

TEXTS: dict[str, dict[str, str]] = {
    # shell
    "language": {"en": "Language / 언어", "ko": "언어 / Language"},
    "page_compare": {"en": "Compare: by hand vs autograd", "ko": "비교: 직접 미분 vs 자동 미분"},
    "page_glossary": {"en": "Glossary", "ko": "용어집"},
    # compare page
    "compare_title": {"en": "Backpropagation two ways", "ko": "역전파, 두 가지 방법"},
    "compare_intro": {
        "en": "The same model is trained twice on the same data from the same starting parameters: once with "
              "gradients derived by hand through the chain rule (**manual**), once with PyTorch's "
              "`loss.backward()` and `torch.optim.SGD` (**autograd**). Forward once to get the values, then backward "
              "to get the derivatives. Below: the loss, the parameters, how far the two methods drift apart, and "
              "what each costs in time and memory. Change the settings in the sidebar and press **Train**.",
        "ko": "같은 모델을 같은 데이터와 같은 초기 파라미터로 두 번 학습합니다. 한 번은 연쇄법칙으로 직접 유도한 "
              "기울기(**수동**)로, 한 번은 PyTorch의 `loss.backward()`와 `torch.optim.SGD`(**자동 미분**)로. "
              "순전파로 값을 구하고, 역전파로 미분을 구합니다. 아래에서 손실, 파라미터, 두 방법의 차이, "
              "그리고 각 방법의 시간과 메모리 비용을 볼 수 있습니다. 사이드바에서 설정을 바꾸고 **학습**을 누르세요.",
    },
    "model": {"en": "Model", "ko": "모델"},
    "model_line": {"en": "Line y = wx + b (lecture)", "ko": "직선 y = wx + b (강의)"},
    "model_mlp": {"en": "Network 2-3-2 (17 parameters, half adder)", "ko": "신경망 2-3-2 (파라미터 17개, 반가산기)"},
    "settings": {"en": "Training settings", "ko": "학습 설정"},
    "learning_rate": {"en": "Learning rate (log scale)", "ko": "학습률 (로그 눈금)"},
    "learning_rate_exact": {"en": "Exact learning rate (optional, overrides the slider)",
                            "ko": "정확한 학습률 (선택, 슬라이더보다 우선)"},
    "epochs": {"en": "Epochs (1 to {cap})", "ko": "에폭 수 (1 ~ {cap})"},
    "seed": {"en": "Initialisation seed", "ko": "초기화 시드"},
    "activation": {"en": "Hidden activation", "ko": "은닉층 활성화 함수"},
    "data": {"en": "Data points (edit, add or delete rows)", "ko": "데이터 점 (수정, 추가, 삭제 가능)"},
    "data_mlp": {"en": "Data: the half adder, inputs (a, b), targets [sum = a XOR b, carry = a AND b].",
                 "ko": "데이터: 반가산기, 입력 (a, b), 목표 [합 = a XOR b, 자리올림 = a AND b]."},
    "train": {"en": "Train", "ko": "학습"},
    "lr_used": {"en": "Learning rate used: {lr:g}", "ko": "사용한 학습률: {lr:g}"},
    "bad_lr": {"en": "The learning rate must be a number in (0, {cap:g}]. You entered {value}. The last valid "
                     "settings are still shown.",
               "ko": "학습률은 (0, {cap:g}] 범위의 수여야 합니다. 입력값: {value}. 마지막으로 유효했던 설정의 "
                     "결과를 보여 줍니다."},
    "bad_data": {"en": "These data points cannot be used: {reason}. The last valid points are used instead; your "
                       "edits stay in the table so you can fix them.",
                 "ko": "이 데이터 점은 사용할 수 없습니다: {reason}. 마지막으로 유효했던 데이터를 대신 사용합니다. "
                       "수정한 내용은 표에 남아 있으니 고칠 수 있습니다."},
    "bad_url": {"en": "The link held a setting that is out of range ({name}); its default is used.",
                "ko": "링크의 설정 값이 범위를 벗어났습니다 ({name}). 기본값을 사용합니다."},
    "reason_no_rows": {"en": "at least one row is needed", "ko": "적어도 한 행이 필요합니다"},
    "reason_too_many": {"en": "at most {cap} rows are allowed", "ko": "최대 {cap}행까지 허용됩니다"},
    "reason_not_numbers": {"en": "a cell is empty or not a finite number",
                           "ko": "비어 있거나 유한한 수가 아닌 칸이 있습니다"},
    "reason_too_large": {"en": "every x and y must lie within ±{limit:g}",
                         "ko": "모든 x와 y는 ±{limit:g} 범위 안에 있어야 합니다"},
    "training": {"en": "Training: {method} ...", "ko": "학습 중: {method} ..."},
    "manual": {"en": "manual (chain rule)", "ko": "수동 (연쇄법칙)"},
    "autograd": {"en": "autograd (backward)", "ko": "자동 미분 (backward)"},
    # headline
    "final_loss": {"en": "Final loss, {method}", "ko": "최종 손실, {method}"},
    "final_param": {"en": "Final {name} (manual)", "ko": "최종 {name} (수동)"},
    "final_param_help": {"en": "autograd: {autograd!r}", "ko": "자동 미분: {autograd!r}"},
    "parameter_count": {"en": "Parameters (weights and biases)", "ko": "파라미터 수 (가중치와 편향)"},
    "epochs_run": {"en": "Epochs run", "ko": "실행한 에폭"},
    "max_difference": {"en": "Max parameter difference", "ko": "최대 파라미터 차이"},
    "max_difference_help": {"en": "Largest |manual - autograd| over all parameters and epochs: float32 rounding.",
                            "ko": "모든 파라미터와 에폭에서 |수동 - 자동 미분|의 최댓값: float32 반올림 오차입니다."},
    "speed_ratio": {"en": "Speed ratio per epoch", "ko": "에폭당 속도 비"},
    "ratio_manual_faster": {"en": "manual {ratio:.1f}x faster", "ko": "수동이 {ratio:.1f}배 빠름"},
    "ratio_autograd_faster": {"en": "autograd {ratio:.1f}x faster", "ko": "자동 미분이 {ratio:.1f}배 빠름"},
    # divergence
    "bound_before": {"en": "This learning rate ({lr:g}) is above the stability bound 2/λmax = {bound:.4g} "
                           "(λmax = {lam:.4g}, the largest curvature of the loss at the start). Expect the loss to "
                           "blow up.",
                     "ko": "이 학습률({lr:g})은 안정성 한계 2/λmax = {bound:.4g}보다 큽니다 (λmax = {lam:.4g}, "
                           "시작점에서 손실의 최대 곡률). 손실이 발산할 것입니다."},
    "bound_info": {"en": "Stability bound for this model and data: learning rates below 2/λmax = {bound:.4g} "
                         "converge{exact}.",
                   "ko": "이 모델과 데이터의 안정성 한계: 학습률이 2/λmax = {bound:.4g}보다 작으면 "
                         "수렴합니다{exact}."},
    "bound_exact_line": {"en": " (exact for the line: its loss is quadratic)",
                         "ko": " (직선 모델에서는 정확함: 손실이 이차식)"},
    "bound_near_mlp": {"en": " near the starting point (the network's curvature changes as it trains)",
                       "ko": " (시작점 근처에서; 신경망의 곡률은 학습 중에 변함)"},
    "diverged": {"en": "Training diverged: with {method} the loss exploded at epoch {epoch} (non-finite, or more "
                       "than 10⁸ times its start). Training stopped there; the charts show the finite part. Lower the "
                       "learning rate below {bound:.4g}.",
                 "ko": "학습이 발산했습니다: {method}에서 에폭 {epoch}에 손실이 폭발했습니다 (유한하지 않거나 "
                       "처음의 10⁸배 초과). 학습은 거기서 멈췄고, 차트는 유한한 부분만 보여 줍니다. "
                       "학습률을 {bound:.4g}보다 낮추세요."},
    # charts
    "chart_loss": {"en": "Loss per epoch", "ko": "에폭별 손실"},
    "log_scale": {"en": "Log scale for the loss", "ko": "손실을 로그 눈금으로"},
    "chart_params": {"en": "Parameters per epoch", "ko": "에폭별 파라미터"},
    "choose_params": {"en": "Parameters to draw", "ko": "그릴 파라미터"},
    "chart_difference": {"en": "Max |manual − autograd| per epoch", "ko": "에폭별 최대 |수동 − 자동 미분|"},
    "difference_caption": {"en": "Both methods compute the same gradient; in float32 their rounding differs in the "
                                 "last bits, so the parameters drift apart by about 10⁻⁷ to 10⁻⁵, not more.",
                           "ko": "두 방법은 같은 기울기를 계산합니다. float32에서는 마지막 자리의 반올림이 달라 "
                                 "파라미터가 약 10⁻⁷~10⁻⁵ 정도 차이 나며, 그 이상은 아닙니다."},
    "chart_runtime": {"en": "Time per epoch (median; whiskers 25th-75th pct.)",
                      "ko": "에폭당 시간 (중앙값; 수염 25~75 백분위)"},
    "runtime_words": {"en": "Per epoch, the manual method took {manual:.1f} µs and autograd {autograd:.1f} µs "
                            "(median over {epochs} epochs): {ratio_words}.",
                      "ko": "에폭당 수동 방법은 {manual:.1f} µs, 자동 미분은 {autograd:.1f} µs 걸렸습니다 "
                            "({epochs} 에폭의 중앙값): {ratio_words}."},
    "runtime_note": {"en": "Times come from the very runs shown above, clocked epoch by epoch while memory_profiler "
                           "samples memory (under 1% extra here); other work on the machine adds noise, so read the "
                           "median and the spread, not one epoch.",
                     "ko": "시간은 위에 보인 바로 그 학습에서 에폭마다 잰 값이며, 그동안 memory_profiler가 메모리를 "
                           "측정합니다 (여기서 1% 미만 추가). 컴퓨터의 다른 작업도 잡음을 더하니 한 에폭이 아니라 "
                           "중앙값과 범위를 보세요."},
    "one_time": {"en": "One-time cost, not counted per epoch: the first `torch.optim.SGD` in this server process "
                       "took {seconds:.2f} s (it imports torch._dynamo). This run's set-up took {this:.4f} s.",
                 "ko": "에폭마다 세지 않는 1회성 비용: 이 서버 프로세스에서 처음 만든 `torch.optim.SGD`는 "
                       "{seconds:.2f}초 걸렸습니다 (torch._dynamo를 불러옴). 이번 실행의 준비 시간은 {this:.4f}초."},
    "chart_memory": {"en": "Tensor bytes per method", "ko": "방법별 텐서 바이트"},
    "parameter_bytes": {"en": "parameters", "ko": "파라미터"},
    "gradient_bytes": {"en": "gradients", "ko": "기울기"},
    "saved_for_backward_bytes": {"en": "saved for backward", "ko": "역전파용 저장"},
    "optimizer_state_bytes": {"en": "optimizer state", "ko": "옵티마이저 상태"},
    "rss_metric": {"en": "Peak RSS Δ, {method}", "ko": "최대 RSS 증가, {method}"},
    "manual_short": {"en": "manual", "ko": "수동"},
    "autograd_short": {"en": "autograd", "ko": "자동 미분"},
    "rss_help": {"en": "memory_profiler: peak resident memory of this server process during the run, minus just "
                       "before it (after a one-epoch warm-up).",
                 "ko": "memory_profiler: 학습 중 이 서버 프로세스의 최대 상주 메모리에서 학습 직전 값을 뺀 값 "
                       "(1 에폭 워밍업 후)."},
    "rss_below_resolution": {"en": "The two peak-RSS deltas differ by less than {res:g} MiB, which RSS cannot "
                                   "resolve here: treat them as equal. The exact tensor bytes (chart) show where the "
                                   "methods differ: autograd also keeps the tensors its graph saved for backward.",
                             "ko": "두 최대 RSS 증가량의 차이가 {res:g} MiB보다 작아 RSS로는 구별할 수 없습니다: "
                                   "같다고 보세요. 정확한 텐서 바이트(차트)가 차이를 보여 줍니다: 자동 미분은 "
                                   "그래프가 역전파용으로 저장한 텐서도 유지합니다."},
    "chart_surface": {"en": "Loss surface over (w, b) with both trajectories",
                      "ko": "(w, b)에 대한 손실 곡면과 두 학습 경로"},
    "surface_caption": {"en": "Colour: log10 of the loss. Lines: the path of (w, b) during training, from the start "
                              "(0, 0) to the end; the two methods overlap.",
                        "ko": "색: 손실의 log10. 선: 학습 중 (w, b)의 경로, 시작점 (0, 0)부터 끝까지. "
                              "두 방법의 경로는 겹칩니다."},
    "outputs_title": {"en": "What the network outputs after training", "ko": "학습 후 신경망의 출력"},
    "outputs_caption": {"en": "x[0], x[1]: the inputs a, b. y[0]: sum (XOR), y[1]: carry (AND). ŷ: each method's "
                              "output with its final parameters.",
                        "ko": "x[0], x[1]: 입력 a, b. y[0]: 합 (XOR), y[1]: 자리올림 (AND). ŷ: 각 방법의 최종 "
                              "파라미터로 계산한 출력."},
    "code_title": {"en": "The code that produced these numbers", "ko": "이 숫자를 만든 코드"},
    "downloads": {"en": "Export", "ko": "내보내기"},
    "download_csv": {"en": "History of both methods (CSV)", "ko": "두 방법의 기록 (CSV)"},
    "download_json": {"en": "Settings and results (JSON)", "ko": "설정과 결과 (JSON)"},
    "share": {"en": "The address bar now holds these settings: copy it to share this run.",
              "ko": "주소 표시줄에 이 설정이 담겨 있습니다. 복사해서 이 실행을 공유하세요."},
    "epoch": {"en": "epoch", "ko": "에폭"},
    "loss": {"en": "loss", "ko": "손실"},
    "method": {"en": "method", "ko": "방법"},
    "parameter": {"en": "parameter", "ko": "파라미터"},
    "value": {"en": "value", "ko": "값"},
    "difference": {"en": "max |difference|", "ko": "최대 |차이|"},
    "microseconds": {"en": "µs per epoch", "ko": "에폭당 µs"},
    "bytes": {"en": "bytes", "ko": "바이트"},
    "category": {"en": "what", "ko": "항목"},
    "log10_loss": {"en": "log10 loss", "ko": "log10 손실"},
    # glossary page
    "glossary_title": {"en": "Glossary", "ko": "용어집"},
    "glossary_intro": {"en": "The words this dashboard uses, in Korean and English, as the lecture uses them.",
                       "ko": "이 대시보드에서 쓰는 용어를 강의에서처럼 한국어와 영어로 정리했습니다."},
    # lecture memory profile (issue 10)
    "profile_title": {"en": "The lecture's memory profile (memory_profiler, line by line)",
                      "ko": "강의의 메모리 프로파일 (memory_profiler, 줄 단위)"},
    "profile_intro": {"en": "The lecture measures its two scripts with memory_profiler's `@profile`. Here the same two "
                            "loops run under the same line profiler, inside this server. Every line is traced, so it "
                            "takes a few seconds; a result is shared by everyone who asks for the same epochs.",
                      "ko": "강의에서는 두 스크립트를 memory_profiler의 `@profile`로 측정합니다. 여기서는 같은 두 "
                            "반복문을 같은 줄 단위 프로파일러로 이 서버 안에서 실행합니다. 모든 줄을 추적하므로 몇 초 "
                            "걸리며, 같은 에폭 수의 결과는 모든 사용자가 함께 씁니다."},
    "profile_epochs": {"en": "Epochs to profile ({low} to {high})", "ko": "프로파일할 에폭 수 ({low} ~ {high})"},
    "profile_run": {"en": "Profile", "ko": "프로파일 실행"},
    "profile_running": {"en": "Tracing every line: {method} ...", "ko": "모든 줄을 추적하는 중: {method} ..."},
    "profile_manual": {"en": "manual (chain rule)", "ko": "수동 (연쇄법칙)"},
    "profile_autograd": {"en": "autograd (backward)", "ko": "자동 미분 (backward)"},
    "profile_result_for": {"en": "Last profile: {epochs} epochs. Highlighted: lines whose Increment reads above "
                                 "0.0 MiB.",
                           "ko": "마지막 프로파일: {epochs} 에폭. 강조된 줄: Increment가 0.0 MiB보다 큰 줄."},
    "profile_times": {"en": "Run time: traced {traced:.3f} s, untraced {untraced:.3f} s (traced is {ratio:.0f}× "
                            "slower).",
                      "ko": "실행 시간: 추적하면 {traced:.3f}초, 추적 없이 {untraced:.3f}초 (추적하면 {ratio:.0f}배 "
                            "느림)."},
    "profile_bytes": {"en": "Exact tensor bytes one epoch keeps: {total} (parameters {parameters}, gradients "
                            "{gradients}, saved for backward {saved}, optimizer state {optimizer}).",
                      "ko": "한 에폭이 유지하는 정확한 텐서 바이트: {total} (파라미터 {parameters}, 기울기 "
                            "{gradients}, 역전파용 저장 {saved}, 옵티마이저 상태 {optimizer})."},
    "profile_warmup": {"en": "One untraced warm-up epoch ran first and took the one-time costs out of the table: "
                             "RSS +{mib:.1f} MiB then (the first `torch.optim.SGD` in a process imports torch._dynamo, "
                             "about 70 MiB; later ones take nothing).",
                       "ko": "추적 전에 추적 없이 1 에폭을 먼저 실행해 1회성 비용을 표에서 뺐습니다: 그때 RSS "
                             "+{mib:.1f} MiB (프로세스에서 처음 만드는 `torch.optim.SGD`는 torch._dynamo를 불러와 "
                             "약 70 MiB를 쓰고, 그 뒤로는 더 쓰지 않습니다)."},
    "profile_increment": {"en": "**Increment** is how much the resident memory (RSS) of this whole process grew "
                                "while that line ran, added up over all its runs, first-time allocations included. "
                                "On the `def` line memory_profiler counts from zero, so there it shows the whole "
                                "process's memory at the call.",
                          "ko": "**Increment**는 그 줄이 실행되는 동안 이 프로세스 전체의 상주 메모리(RSS)가 늘어난 "
                                "양을 모든 실행에 걸쳐 더한 값이며, 처음 한 번 하는 할당도 포함합니다. `def` 줄에서는 "
                                "memory_profiler가 0부터 세기 때문에 호출 시점의 프로세스 메모리 전체가 나옵니다."},
    "profile_zero": {"en": "Most lines read 0.0 MiB because memory is taken once and reused: each epoch's tensors "
                           "go back to the allocator and the next epoch gets the same memory. RSS also moves in "
                           "pages (4 KiB and up) while these tensors are a few bytes, so they never show; the exact "
                           "bytes are counted under each table.",
                     "ko": "대부분의 줄이 0.0 MiB인 이유는 메모리를 한 번 받아 재사용하기 때문입니다: 매 에폭의 "
                           "텐서는 할당자로 돌아가고 다음 에폭이 같은 메모리를 다시 씁니다. 또 RSS는 페이지 단위"
                           "(4 KiB 이상)로 움직이는데 이 텐서들은 몇 바이트뿐이라 드러나지 않습니다. 정확한 바이트 "
                           "수는 각 표 아래에 적었습니다."},
    "profile_slow": {"en": "The traced run takes many times the real one because every line is traced: "
                           "memory_profiler stops at each line of the loop and of every Python function it calls, "
                           "and reads the process's memory at each line of the loop. Read memory from the table, "
                           "and time from the untraced run.",
                     "ko": "추적한 실행이 실제보다 몇 배나 느린 이유는 모든 줄을 추적하기 때문입니다: "
                           "memory_profiler는 반복문과 그 안에서 부르는 모든 Python 함수의 줄마다 멈추고, 반복문의 "
                           "줄마다 프로세스 메모리를 읽습니다. 메모리는 표에서, 시간은 추적하지 않은 실행에서 "
                           "읽으세요."},
    "profile_occurrences": {"en": "**Occurrences** is how many times a line ran: 1 outside the loop, epochs + 1 for "
                                  "the `for` line (the last check ends the loop), epochs for the body, twice that "
                                  "for the `with` line (Python reports it again when the block exits), and "
                                  "epochs // 100 for the `print`.",
                            "ko": "**Occurrences**는 그 줄이 실행된 횟수입니다: 반복문 밖은 1, `for` 줄은 에폭 수 + 1 "
                                  "(마지막 검사에서 반복이 끝남), 반복문 본문은 에폭 수, `with` 줄은 그 두 배 (블록을 "
                                  "나갈 때 Python이 한 번 더 알림), `print` 줄은 에폭 수 // 100입니다."},
    "profile_shared": {"en": "RSS belongs to the whole server: while other learners train, their allocations can "
                             "land in these rows.",
                       "ko": "RSS는 서버 전체의 값입니다: 다른 학습자가 동시에 학습하면 그 할당이 이 표의 줄에 "
                             "섞일 수 있습니다."},
    "profile_error": {"en": "The profile could not be made ({error}). Try again, or with fewer epochs.",
                      "ko": "프로파일을 만들지 못했습니다 ({error}). 다시 시도하거나 에폭 수를 줄여 보세요."},
    # issue 9 (robust): figures that a run cannot give, and why
    "ratio_missing_none": {"en": "no speed ratio: {method} timed no epoch (the loss was not finite at the start)",
                           "ko": "속도 비 없음: {method}은(는) 시간을 잰 에폭이 없습니다 (처음부터 손실이 유한하지 "
                                 "않았습니다)"},
    "ratio_missing_few": {"en": "no speed ratio: {method} timed only {count} epoch(s); a ratio needs at least "
                                "{minimum} per method",
                          "ko": "속도 비 없음: {method}은(는) {count} 에폭만 시간을 쟀습니다. 비를 내려면 방법마다 "
                                "적어도 {minimum} 에폭이 필요합니다"},
    "final_loss_missing": {"en": "No finite loss: the loss was not finite at epoch 0, so no update ran.",
                           "ko": "유한한 손실이 없습니다: 0 에폭에서 손실이 유한하지 않아 한 번도 갱신하지 "
                                 "않았습니다."},
    "max_difference_missing": {"en": "No epoch that both methods reached with finite values: nothing to compare.",
                               "ko": "두 방법이 모두 유한한 값으로 도달한 에폭이 없어 비교할 것이 없습니다."},
    "runtime_missing": {"en": "No per-epoch times to compare: {reason}.",
                        "ko": "비교할 에폭당 시간이 없습니다: {reason}."},
}

GLOSSARY = [
    ("역전파", "backpropagation", "출력의 오차를 거꾸로 전달하며 각 파라미터의 기울기를 구하는 방법",
     "passing the output error backwards to get every parameter's gradient"),
    ("순전파", "forward pass", "입력에서 출력까지 값을 계산하는 과정", "computing the values from input to output"),
    ("연쇄법칙", "chain rule", "합성함수의 미분은 각 단계 미분의 곱", "the derivative of a composition is the product "
     "of the local derivatives"),
    ("경사하강법", "gradient descent", "기울기의 반대 방향으로 파라미터를 조금씩 이동",
     "moving the parameters a small step against the gradient"),
    ("학습률", "learning rate", "한 번에 이동하는 크기", "the size of each step"),
    ("손실", "loss", "예측과 정답의 차이를 하나의 수로 나타낸 것 (여기서는 평균제곱오차)",
     "one number for how far predictions are from targets (here mean squared error)"),
    ("기울기 (경사)", "gradient", "손실을 각 파라미터로 미분한 값", "the derivative of the loss by each parameter"),
    ("가중치 / 편향", "weight / bias", "w, W: 입력에 곱하는 값 / b: 더하는 값",
     "w, W: multiplies the input / b: is added"),
    ("활성화 함수", "activation function", "시그모이드, tanh, ReLU 등 비선형 함수",
     "a non-linear function such as sigmoid, tanh, ReLU"),
    ("에폭", "epoch", "데이터 전체를 한 번 사용해 파라미터를 한 번 갱신", "one pass over the data, one update"),
    ("발산", "divergence", "학습률이 너무 커서 손실이 커지며 폭발하는 현상",
     "the loss growing without bound because the step is too large"),
    ("자동 미분", "automatic differentiation (autograd)", "PyTorch가 계산 그래프로 기울기를 자동 계산",
     "PyTorch computing gradients from the recorded graph"),
    ("헤시안", "Hessian", "손실의 2차 미분 행렬; 최대 고윳값이 안정한 학습률의 한계를 정함",
     "the matrix of second derivatives; its largest eigenvalue bounds the stable learning rate"),
]


def t(key: str, lang: str = "en", **values: Any) -> str:
    """The text ``key`` in ``lang`` (falling back to English), with ``values`` filled in."""
    entry = TEXTS[key]
    text = entry.get(lang) or entry["en"]
    return text.format(**values) if values else text


def render(message: tuple[str, dict[str, Any]], lang: str) -> str:
    """A (key, values) message in ``lang``; a value that is itself such a pair is rendered first."""
    key, values = message
    return t(key, lang, **{name: render(v, lang) if isinstance(v, tuple) else v for name, v in values.items()})

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
    "lr_used": {"en": "Learning rate used: {lr}", "ko": "사용한 학습률: {lr}"},
    "bad_lr": {"en": "The exact learning rate {value} cannot be used: {reason}. The last valid settings are still "
                     "shown; the box keeps what you typed.",
               "ko": "정확한 학습률 {value}은(는) 사용할 수 없습니다: {reason}. 마지막으로 유효했던 설정의 결과를 "
                     "보여 주며, 입력한 값은 칸에 남아 있습니다."},
    "bad_data": {"en": "These data points cannot be used: {cells}. The last valid points are used instead; your "
                       "edits stay in the table so you can fix them.",
                 "ko": "이 데이터 점은 사용할 수 없습니다: {cells}. 마지막으로 유효했던 데이터를 대신 사용합니다. "
                       "수정한 내용은 표에 남아 있으니 고칠 수 있습니다."},
    "reason_no_rows": {"en": "at least one row is needed", "ko": "적어도 한 행이 필요합니다"},
    "reason_too_many": {"en": "at most {cap} rows are allowed", "ko": "최대 {cap}행까지 허용됩니다"},
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
    "speed_ratio": {"en": "Speed ratio per epoch", "ko": "에폭당 속도 비"},
    "ratio_manual_faster": {"en": "manual {ratio:.1f}x faster", "ko": "수동이 {ratio:.1f}배 빠름"},
    "ratio_autograd_faster": {"en": "autograd {ratio:.1f}x faster", "ko": "자동 미분이 {ratio:.1f}배 빠름"},
    # divergence
    "bound_info": {"en": "Stability bound for this model and data: 2/λmax = {bound:.4g}{exact}.",
                   "ko": "이 모델과 데이터의 안정성 한계: 2/λmax = {bound:.4g}{exact}."},
    "bound_exact_line": {"en": ". For the line it is exact: the loss is quadratic, so every learning rate below it "
                               "converges",
                         "ko": ". 직선 모델에서는 정확합니다: 손실이 이차식이므로 이보다 작은 학습률은 모두 "
                               "수렴합니다"},
    "bound_near_mlp": {"en": ". For the network it describes the start only: learning rates below it take stable "
                             "steps near the starting parameters, and the curvature changes as the network trains",
                       "ko": ". 신경망에서는 시작점에서만 맞습니다: 이보다 작은 학습률은 시작 파라미터 근처에서 "
                             "안정적으로 움직이며, 곡률은 학습 중에 변합니다"},
    # charts
    "chart_loss": {"en": "Loss per epoch", "ko": "에폭별 손실"},
    "log_scale": {"en": "Log scale for the loss", "ko": "손실을 로그 눈금으로"},
    "chart_params": {"en": "Parameters per epoch", "ko": "에폭별 파라미터"},
    "choose_params": {"en": "Parameters to draw", "ko": "그릴 파라미터"},
    "chart_difference": {"en": "Max |manual − autograd| per epoch", "ko": "에폭별 최대 |수동 − 자동 미분|"},
    "chart_runtime": {"en": "Time per epoch (median; whiskers 25th-75th pct.)",
                      "ko": "에폭당 시간 (중앙값; 수염 25~75 백분위)"},
    "runtime_note": {"en": "Times come from the very runs shown above, clocked epoch by epoch. Other work on the "
                           "server, such as other learners' runs, adds noise: read the median and the spread, not "
                           "one epoch.",
                     "ko": "시간은 위에 보인 바로 그 학습에서 에폭마다 잰 값입니다. 다른 학습자의 실행 같은 서버의 "
                           "다른 작업도 잡음을 더하니 한 에폭이 아니라 중앙값과 범위를 보세요."},
    "chart_memory": {"en": "Tensor bytes per method", "ko": "방법별 텐서 바이트"},
    "parameter_bytes": {"en": "parameters", "ko": "파라미터"},
    "gradient_bytes": {"en": "gradients", "ko": "기울기"},
    "saved_for_backward_bytes": {"en": "saved for backward", "ko": "역전파용 저장"},
    "optimizer_state_bytes": {"en": "optimizer state", "ko": "옵티마이저 상태"},
    "manual_short": {"en": "manual", "ko": "수동"},
    "autograd_short": {"en": "autograd", "ko": "자동 미분"},
    "chart_surface": {"en": "Loss surface over (w, b) with both trajectories",
                      "ko": "(w, b)에 대한 손실 곡면과 두 학습 경로"},
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
    "final_loss_missing": {"en": "No finite loss: the loss was not finite at epoch 0, so no update ran.",
                           "ko": "유한한 손실이 없습니다: 0 에폭에서 손실이 유한하지 않아 한 번도 갱신하지 "
                                 "않았습니다."},
    "max_difference_missing": {"en": "No epoch that both methods reached with finite values: nothing to compare.",
                               "ko": "두 방법이 모두 유한한 값으로 도달한 에폭이 없어 비교할 것이 없습니다."},
    # teaching pages: chain rule, one step by hand, gradient check, learning rate (issue 7)
    "page_chain_rule": {"en": "Chain rule, path by path", "ko": "연쇄법칙, 경로별로"},
    "page_step": {"en": "One step by hand", "ko": "손으로 계산하는 한 단계"},
    "page_check": {"en": "Gradient check", "ko": "기울기 검증"},
    "page_sweep": {"en": "Learning rate", "ko": "학습률"},
    "teach_training": {"en": "Training the lecture's run by hand ({epochs} epochs) ...",
                       "ko": "강의의 학습을 수동 방법으로 실행하는 중 ({epochs} 에폭) ..."},
    "teach_bad_param": {"en": "{value} is not one of the parameters; the last valid choice is shown.",
                        "ko": "{value}은(는) 파라미터가 아닙니다. 마지막으로 유효했던 선택을 보여 줍니다."},
    "teach_bad_sample": {"en": "Sample {value} does not exist: pick 0 to {high} or the whole batch. The last valid "
                               "choice is shown.",
                         "ko": "샘플 {value}은(는) 없습니다: 0 ~ {high} 또는 전체 배치를 고르세요. 마지막으로 "
                               "유효했던 선택을 보여 줍니다."},
    "teach_bad_epoch": {"en": "Epoch {value} is outside this run (0 to {high}); the last valid epoch is shown.",
                        "ko": "에폭 {value}은(는) 이 학습의 범위(0 ~ {high}) 밖입니다. 마지막으로 유효했던 에폭을 "
                              "보여 줍니다."},
    "teach_whole_batch": {"en": "whole batch (all 4 samples)", "ko": "전체 배치 (샘플 4개 모두)"},
    "teach_sample_label": {"en": "sample {number}: x = ({x}), y = ({y})", "ko": "샘플 {number}: x = ({x}), y = ({y})"},
    "teach_sample_short": {"en": "sample {number}", "ko": "샘플 {number}"},
    "teach_col_sample": {"en": "sample", "ko": "샘플"},
    "teach_col_path": {"en": "path", "ko": "경로"},
    "teach_col_product": {"en": "product", "ko": "곱"},
    "teach_role_error": {"en": "① output error", "ko": "① 출력 오차"},
    "teach_role_f_out": {"en": "② f2′(d)", "ko": "② f2′(d)"},
    "teach_role_weight": {"en": "③ weight", "ko": "③ 가중치"},
    "teach_role_f_hidden": {"en": "④ f1′(d)", "ko": "④ f1′(d)"},
    "teach_role_input": {"en": "⑤ input n", "ko": "⑤ 입력 n"},
    "teach_help_error": {"en": "∂L/∂ŷ = 2(ŷ − y)/(N·K) at the output the path ends in",
                         "ko": "경로가 끝나는 출력에서의 ∂L/∂ŷ = 2(ŷ − y)/(N·K)"},
    "teach_help_f_out": {"en": "the output unit's activation derivative f2′ at its d",
                         "ko": "출력 유닛의 d에서 구한 활성화 함수 미분 f2′"},
    "teach_help_weight": {"en": "the second-layer weight from the hidden unit to the output on the path",
                          "ko": "경로 위의 은닉 유닛에서 출력으로 가는 두 번째 층 가중치"},
    "teach_help_f_hidden": {"en": "the hidden unit's activation derivative f1′ at its d",
                            "ko": "은닉 유닛의 d에서 구한 활성화 함수 미분 f1′"},
    "teach_help_input": {"en": "what the parameter multiplies: the n of the unit below (x for the first layer), 1 "
                               "for a bias",
                         "ko": "파라미터가 곱해지는 값: 아래 유닛의 n (첫 번째 층은 x), 편향은 1"},
    "chain_title": {"en": "The chain rule, path by path", "ko": "연쇄법칙, 경로별로 보기"},
    "chain_intro": {
        "en": "Forward once to get the values, then backward to get the derivatives. A parameter's gradient is the "
              "product of the local derivatives along each path from the parameter to the loss, summed over the "
              "paths. Pick one of the 17 weights and biases of the 2-3-2 network (half adder, trained by hand at "
              "learning rate 1.0), a sample and an epoch: the graph shows every unit's values and highlights the "
              "paths, the table multiplies along each path.",
        "ko": "순전파로 값을 구하고, 역전파로 미분을 구합니다. 한 파라미터의 기울기는 그 파라미터에서 손실까지 가는 "
              "각 경로를 따라 국소 미분을 곱하고, 그 곱을 모든 경로에 대해 더한 것입니다. 2-3-2 신경망(반가산기, "
              "학습률 1.0으로 수동 학습)의 가중치와 편향 17개 중 하나와 샘플, 에폭을 고르세요. 그래프는 각 유닛의 "
              "값을 보여 주고 경로를 강조하며, 표는 경로마다 곱을 계산합니다.",
    },
    "chain_param": {"en": "Parameter (17 weights and biases)", "ko": "파라미터 (가중치와 편향 17개)"},
    "chain_sample": {"en": "Sample", "ko": "샘플"},
    "chain_epoch": {"en": "Epoch: the parameters after this many updates", "ko": "에폭: 이만큼 갱신한 뒤의 파라미터"},
    "chain_graph_caption": {
        "en": "Each box: **d** = what goes into the unit (the weighted sum, 들어가는 것), **n** = what comes out "
              "(after the activation f, 나가는 것), **b** = its bias; each edge: its weight. Values for {what} at "
              "epoch {epoch}; the loss of the whole batch L = {loss:.5f}. Red: every path from {param} ({where}) to "
              "the loss; dark red: the parameter itself.",
        "ko": "각 상자: **d** = 유닛으로 들어가는 것 (가중합), **n** = 유닛에서 나가는 것 (활성화 함수 f를 거친 값), "
              "**b** = 편향. 각 화살표: 가중치. {what}의 값, 에폭 {epoch}. 전체 배치의 손실 L = {loss:.5f}. "
              "빨간색: {param}({where})에서 손실까지의 모든 경로, 진한 빨간색: 그 파라미터 자체.",
    },
    "chain_batch_mean": {"en": "the mean over all {n} samples", "ko": "샘플 {n}개의 평균"},
    "chain_one_sample": {"en": "sample {number}", "ko": "샘플 {number}"},
    "chain_numbering": {"en": "Units are numbered from 1 as in the lecture (x1, h1, ŷ1); parameter names and samples "
                              "count from 0 as in bp_core and PyTorch: W1[0,1] is the weight on the edge x2 → h1.",
                        "ko": "유닛 번호는 강의처럼 1부터 셉니다 (x1, h1, ŷ1). 파라미터 이름과 샘플 번호는 bp_core와 "
                              "PyTorch처럼 0부터 셉니다: W1[0,1]은 x2 → h1 화살표의 가중치입니다."},
    "chain_table_title": {"en": "Every path from {param} to the loss", "ko": "{param}에서 손실까지의 모든 경로"},
    "chain_mnemonic": {
        "en": "Along each path, read from the loss back: **output error × activation′ × weight × activation′ × "
              "input**, the lecture's mnemonic **출력 × 액 × 웨 × 액 × 앤**. A second-layer weight has a shorter "
              "path (output error × f2′ × input); a bias has the input 1.",
        "ko": "각 경로를 손실에서 거꾸로 읽습니다: **출력 × 액 × 웨 × 액 × 앤** (출력 오차 × 활성화 함수 미분 × "
              "가중치 × 활성화 함수 미분 × 입력 n). 두 번째 층의 가중치는 경로가 더 짧고 (출력 오차 × f2′ × 입력), "
              "편향의 입력은 1입니다.",
    },
    "chain_sum": {"en": "Sum of the {count} paths", "ko": "경로 {count}개의 합"},
    "chain_autograd": {"en": "autograd's gradient", "ko": "자동 미분의 기울기"},
    "chain_difference": {"en": "difference (sum − autograd)", "ko": "차이 (합 − 자동 미분)"},
    "chain_difference_help": {"en": "The path products are multiplied in float64 from the float32 values of the "
                                    "forward pass; autograd works in float32. They agree to about 1e-9.",
                              "ko": "경로의 곱은 순전파의 float32 값을 float64로 곱한 것이고, 자동 미분은 float32로 "
                                    "계산합니다. 둘은 약 1e-9까지 일치합니다."},
    "chain_share_sample": {
        "en": "For one sample the paths give that sample's share of the batch gradient: the output error "
              "2(ŷ − y)/(N·K) carries the mean's 1/N, and autograd differentiates the same share (this sample's "
              "term of the loss). Summed over all {n} samples it is the full gradient.",
        "ko": "샘플 하나에 대해서 경로들은 배치 기울기 중 그 샘플의 몫을 줍니다: 출력 오차 2(ŷ − y)/(N·K)에 평균의 "
              "1/N이 들어 있고, 자동 미분도 같은 몫(손실 중 이 샘플의 항)을 미분합니다. 샘플 {n}개에 대해 모두 "
              "더하면 전체 기울기가 됩니다.",
    },
    "chain_share_batch": {"en": "Summed over every sample and path: the gradient ∂L/∂{param} that autograd computes "
                                "for the whole batch.",
                          "ko": "모든 샘플과 경로에 대해 더한 값: 자동 미분이 전체 배치에 대해 계산하는 기울기 "
                                "∂L/∂{param}입니다."},
    "step_title": {"en": "One step by hand", "ko": "손으로 계산하는 한 단계"},
    "step_intro": {
        "en": "One epoch of gradient descent with every number on screen: the forward pass gives the values, the "
              "loss compares them with the targets, the backward pass multiplies local derivatives into the "
              "gradient, and the update moves each parameter against it: w ← w − lr · g. The parameters come from "
              "the lecture's run (row e of its history); the step lands exactly on row e + 1.",
        "ko": "경사하강법 한 에폭의 모든 숫자를 보여 줍니다: 순전파로 값을 구하고, 손실로 목표값과 비교하고, "
              "역전파로 국소 미분을 곱해 기울기를 구한 뒤, 각 파라미터를 기울기의 반대 방향으로 옮깁니다: "
              "w ← w − lr · g. 파라미터는 강의 학습 기록의 e행에서 가져오며, 이 한 단계의 결과는 e + 1행과 정확히 "
              "같습니다.",
    },
    "step_previous": {"en": "◀ Previous", "ko": "◀ 이전"},
    "step_next": {"en": "Next ▶", "ko": "다음 ▶"},
    "step_reset": {"en": "Reset", "ko": "처음으로"},
    "step_jump": {"en": "Jump to epoch (0 to {high})", "ko": "에폭으로 이동 (0 ~ {high})"},
    "step_go": {"en": "Go", "ko": "이동"},
    "step_bad_jump": {"en": "Epoch {value} cannot be shown: type a whole number from 0 to {high}. The current epoch "
                            "stays.",
                      "ko": "에폭 {value}은(는) 보여 줄 수 없습니다: 0 ~ {high} 사이의 정수를 입력하세요. 현재 "
                            "에폭을 유지합니다."},
    "step_position": {"en": "Epoch {epoch} of {last}: parameters of history row {epoch} → one step at learning rate "
                            "{lr:g} → row {next}",
                      "ko": "에폭 {epoch} / {last}: 기록 {epoch}행의 파라미터 → 학습률 {lr:g}로 한 단계 → "
                            "{next}행"},
    "step_forward": {"en": "1. Forward: the values", "ko": "1. 순전파: 값 구하기"},
    "step_loss": {"en": "2. Loss", "ko": "2. 손실"},
    "step_local": {"en": "3. Local derivatives", "ko": "3. 국소 미분"},
    "step_gradient": {"en": "4. Gradient: the lecture's formulas with the numbers",
                      "ko": "4. 기울기: 강의의 공식에 숫자를 넣어서"},
    "step_update": {"en": "5. Update: w ← w − lr · g", "ko": "5. 갱신: w ← w − lr · g"},
    "step_gradient_and_update": {"en": "4–5. Gradient and update of every parameter",
                                 "ko": "4–5. 모든 파라미터의 기울기와 갱신"},
    "step_line_local": {
        "en": "Each point's error reaches the loss through ∂L/∂pred = 2(pred − y)/N (the table's last column). The "
              "prediction pred = w x + b depends on w through ∂pred/∂w = x and on b through ∂pred/∂b = 1. The "
              "chain rule multiplies them: dw = Σ x · ∂L/∂pred, db = Σ 1 · ∂L/∂pred.",
        "ko": "각 점의 오차는 ∂L/∂pred = 2(pred − y)/N (표의 마지막 열)을 통해 손실에 이어집니다. 예측 "
              "pred = w x + b는 w에 대해 ∂pred/∂w = x, b에 대해 ∂pred/∂b = 1입니다. 연쇄법칙으로 곱하면: "
              "dw = Σ x · ∂L/∂pred, db = Σ 1 · ∂L/∂pred.",
    },
    "step_col_pred": {"en": "pred = w x + b", "ko": "pred = w x + b"},
    "step_col_error": {"en": "pred − y", "ko": "pred − y"},
    "step_col_value": {"en": "quantity", "ko": "항목"},
    "step_network_forward": {"en": "d = what goes into a unit (n of the layer below × W + b), n = what comes out "
                                   "(n = f(d), the sigmoid). x are the inputs, y the targets; n(ŷ1), n(ŷ2) are the "
                                   "outputs.",
                             "ko": "d = 유닛으로 들어가는 것 (아래 층의 n × W + b), n = 유닛에서 나가는 것 (n = f(d), "
                                   "시그모이드). x는 입력, y는 목표값이며 n(ŷ1), n(ŷ2)가 출력입니다."},
    "step_network_local": {
        "en": "From the output down: ∂L/∂n(ŷ) = 2(ŷ − y)/(N·K) is the output error; times f′(d) it becomes ∂L/∂d; "
              "through the weights it reaches the hidden units' ∂L/∂n. A weight's gradient is ∂L/∂d of the unit it "
              "enters times the n it multiplies, summed over the samples.",
        "ko": "출력부터 아래로: ∂L/∂n(ŷ) = 2(ŷ − y)/(N·K)가 출력 오차이고, 여기에 f′(d)를 곱하면 ∂L/∂d가 됩니다. "
              "이것이 가중치를 거쳐 은닉 유닛의 ∂L/∂n이 됩니다. 가중치의 기울기는 그 가중치가 들어가는 유닛의 "
              "∂L/∂d에 그 가중치가 곱하는 n을 곱해 모든 샘플에 대해 더한 값입니다.",
    },
    "step_network_update": {"en": "17 weights and biases make a 17 × 1 gradient; each is multiplied by the learning "
                                  "rate {lr:g} and subtracted: new value = value − lr × gradient.",
                            "ko": "가중치와 편향 17개가 17 × 1 기울기를 이룹니다. 각각에 학습률 {lr:g}를 곱해서 "
                                  "뺍니다: 새 값 = 값 − lr × 기울기."},
    "step_metric_loss": {"en": "Loss at epoch {epoch}", "ko": "에폭 {epoch}의 손실"},
    "step_metric_norm": {"en": "Gradient norm ‖g‖", "ko": "기울기 크기 ‖g‖"},
    "step_metric_lr": {"en": "Learning rate lr", "ko": "학습률 lr"},
    "step_col_before": {"en": "value", "ko": "값"},
    "step_col_gradient": {"en": "gradient g", "ko": "기울기 g"},
    "step_col_lr_gradient": {"en": "lr × g (lr = {lr:g})", "ko": "lr × g (lr = {lr:g})"},
    "step_col_after": {"en": "new value", "ko": "새 값"},
    "step_matches": {"en": "✓ Same as `train()`: this loss is its history's loss one row above, and the new "
                           "parameters are its row {row}, bit for bit.",
                     "ko": "✓ `train()`과 같습니다: 이 손실은 학습 기록의 바로 윗행의 손실이고, 새 파라미터는 "
                           "{row}행과 비트 단위까지 같습니다."},
    "step_differs": {"en": "✗ This step differs from row {row} of train()'s history: please report it.",
                     "ko": "✗ 이 단계가 train() 기록의 {row}행과 다릅니다. 알려 주세요."},
    "check_title": {"en": "Gradient check", "ko": "기울기 검증"},
    "check_intro": {
        "en": "Three ways to the same gradient: derived by hand (manual), by autograd (`loss.backward()`), and by "
              "central finite differences (L(p + ε) − L(p − ε)) / 2ε, one parameter at a time. Choose the "
              "parameters: the start, the lecture's run at some epoch, or your own numbers.",
        "ko": "같은 기울기를 세 가지 방법으로 구합니다: 손으로 유도한 식(수동), 자동 미분(`loss.backward()`), 그리고 "
              "파라미터를 하나씩 움직이는 중심 유한 차분 (L(p + ε) − L(p − ε)) / 2ε. 파라미터를 고르세요: "
              "시작값, 강의 학습의 특정 에폭, 또는 직접 입력한 값.",
    },
    "check_source": {"en": "Parameters", "ko": "파라미터"},
    "check_source_initial": {"en": "at the start", "ko": "시작값"},
    "check_source_trained": {"en": "from training, at an epoch", "ko": "학습 중 특정 에폭"},
    "check_source_typed": {"en": "typed in", "ko": "직접 입력"},
    "check_epoch": {"en": "Epoch of the lecture's run (learning rate {lr:g})",
                    "ko": "강의 학습의 에폭 (학습률 {lr:g})"},
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
    "sweep_title": {"en": "The learning rate and the stability bound", "ko": "학습률과 안정성 한계"},
    "sweep_intro": {
        "en": "The same training by hand at many learning rates, spaced evenly on a log scale. Small rates converge "
              "slowly, larger ones faster, and past 2/λmax the steps overshoot and the loss blows up. Set the range, "
              "the number of rates and the epochs, then press **Sweep**.",
        "ko": "같은 수동 학습을 로그 눈금에서 고르게 나눈 여러 학습률로 실행합니다. 작은 학습률은 천천히, 큰 학습률은 "
              "빨리 수렴하지만, 2/λmax를 넘으면 한 걸음이 지나쳐서 손실이 폭발합니다. 범위, 학습률 개수, 에폭 수를 "
              "정하고 **스윕**을 누르세요.",
    },
    "sweep_low": {"en": "Smallest learning rate", "ko": "가장 작은 학습률"},
    "sweep_high": {"en": "Largest learning rate", "ko": "가장 큰 학습률"},
    "sweep_count": {"en": "Number of rates (2 to {cap})", "ko": "학습률 개수 (2 ~ {cap})"},
    "sweep_epochs": {"en": "Epochs per run (1 to {cap})", "ko": "학습당 에폭 수 (1 ~ {cap})"},
    "sweep_button": {"en": "Sweep", "ko": "스윕"},
    "sweep_bad_rate": {"en": "{which} must be a number in (0, {cap:g}]; you entered {value}.",
                       "ko": "{which}은(는) (0, {cap:g}] 범위의 수여야 합니다. 입력값: {value}."},
    "sweep_bad_order": {"en": "The smallest learning rate ({low:g}) must be below the largest ({high:g}).",
                        "ko": "가장 작은 학습률({low:g})은 가장 큰 학습률({high:g})보다 작아야 합니다."},
    "sweep_bad_count": {"en": "The number of rates must be a whole number from 2 to {cap}; you entered {value}.",
                        "ko": "학습률 개수는 2 ~ {cap} 사이의 정수여야 합니다. 입력값: {value}."},
    "sweep_bad_epochs": {"en": "The epochs per run must be a whole number from 1 to {cap}; you entered {value}.",
                         "ko": "학습당 에폭 수는 1 ~ {cap} 사이의 정수여야 합니다. 입력값: {value}."},
    "sweep_too_long": {"en": "{count} rates × {epochs} epochs = {work} epochs of training would take too long here: "
                             "keep it at most {cap} (fewer rates or fewer epochs).",
                       "ko": "학습률 {count}개 × {epochs} 에폭 = 총 {work} 에폭은 여기서 너무 오래 걸립니다: {cap} "
                             "이하가 되도록 학습률 개수나 에폭 수를 줄이세요."},
    "sweep_last_valid": {"en": "Showing the last valid sweep: {count} rates from {low:g} to {high:g}, {epochs} epochs "
                               "each.",
                         "ko": "마지막으로 유효했던 스윕을 보여 줍니다: {low:g}부터 {high:g}까지 학습률 {count}개, "
                               "각 {epochs} 에폭."},
    "sweep_running": {"en": "Training run {done} of {total} ...", "ko": "학습 {total}개 중 {done}번째 ..."},
    "sweep_hessian_sentence": {
        "en": "Why 2/λmax: near a minimum the loss is a bowl whose steepest curvature is the largest eigenvalue λmax "
              "of its Hessian (the matrix of second derivatives). Along that direction each step multiplies the "
              "distance to the minimum by (1 − lr·λmax), which shrinks only while lr < 2/λmax. Here "
              "λmax = {lam:.4g}, so the bound is 2/λmax = {bound:.4g}.",
        "ko": "왜 2/λmax인가: 최솟값 근처에서 손실은 그릇 모양이고, 가장 가파른 곡률은 헤시안(2차 미분 행렬)의 가장 "
              "큰 고윳값 λmax입니다. 그 방향으로는 매 단계 최솟값까지의 거리에 (1 − lr·λmax)가 곱해지며, 이 값의 "
              "크기는 lr < 2/λmax일 때만 1보다 작습니다. 여기서 λmax = {lam:.4g}이므로 한계는 "
              "2/λmax = {bound:.4g}입니다.",
    },
    "sweep_line_exact": {"en": "For the line the loss is exactly quadratic, so H is the same everywhere (it depends "
                               "on x only) and the bound is exact: every rate above it diverges.",
                         "ko": "직선 모델의 손실은 정확히 이차식이라 H가 어디서나 같고 (x에만 의존), 한계도 "
                               "정확합니다: 그보다 큰 학습률은 모두 발산합니다."},
    "sweep_network_local": {
        "en": "For the network, H is taken at the starting parameters, so the bound describes the first steps only: "
              "the curvature changes as training moves. The sigmoid outputs also keep the loss below 1, so a "
              "too-large rate stalls or jumps instead of blowing up.",
        "ko": "신경망에서는 H를 시작 파라미터에서 구하므로 한계는 처음 몇 단계에만 해당합니다: 학습이 진행되면 곡률이 "
              "변합니다. 또 시그모이드 출력 때문에 손실이 1을 넘지 않아서, 너무 큰 학습률은 폭발하는 대신 멈추거나 "
              "튑니다.",
    },
    "sweep_metric_lambda": {"en": "λmax (largest Hessian eigenvalue)", "ko": "λmax (헤시안의 최대 고윳값)"},
    "sweep_metric_bound": {"en": "Bound 2/λmax", "ko": "한계 2/λmax"},
    "sweep_metric_diverging": {"en": "Diverging runs", "ko": "발산한 학습"},
    "sweep_chart_final": {"en": "Final loss against learning rate", "ko": "학습률에 따른 최종 손실"},
    "sweep_axis_lr": {"en": "learning rate (log)", "ko": "학습률 (로그)"},
    "sweep_axis_final": {"en": "loss after {epochs} epochs (log)", "ko": "{epochs} 에폭 후 손실 (로그)"},
    "sweep_converging": {"en": "converging", "ko": "수렴"},
    "sweep_diverging": {"en": "diverging (drawn at the top)", "ko": "발산 (맨 위에 표시)"},
    "sweep_diverged_at": {"en": "diverged at epoch", "ko": "발산한 에폭"},
    "sweep_rule": {"en": "dashed: the bound 2/λmax = {bound:.4g}", "ko": "점선: 한계 2/λmax = {bound:.4g}"},
    "sweep_summary": {"en": "{runs} runs of {epochs} epochs; {diverging} diverging (the loss grew above its start or "
                            "exploded), drawn as triangles at the top of the axis. Hover a point for its numbers.",
                      "ko": "{epochs} 에폭 학습 {runs}개 중 {diverging}개가 발산했습니다 (손실이 처음보다 커지거나 "
                            "폭발함). 발산한 학습은 축 맨 위에 삼각형으로 표시합니다. 점에 마우스를 올리면 값이 "
                            "보입니다."},
    "sweep_pick_curves": {"en": "Loss curves of these learning rates", "ko": "손실 곡선을 볼 학습률"},
    "sweep_chart_curves": {"en": "Loss per epoch at the chosen learning rates", "ko": "고른 학습률의 에폭별 손실"},
    "sweep_curves_caption": {"en": "A diverging run's curve ends where training stopped (the loss non-finite or 10⁸ "
                                   "times its start).",
                             "ko": "발산한 학습의 곡선은 학습이 멈춘 곳(손실이 유한하지 않거나 처음의 10⁸배)에서 "
                                   "끝납니다."},
    "sweep_table": {"en": "Every run as a table", "ko": "모든 학습을 표로"},
    "sweep_col_learning_rate": {"en": "learning rate", "ko": "학습률"},
    "sweep_col_final_loss": {"en": "final loss", "ko": "최종 손실"},
    "sweep_col_initial_loss": {"en": "initial loss", "ko": "처음 손실"},
    "sweep_col_epochs_run": {"en": "epochs run", "ko": "실행한 에폭"},
    "sweep_col_diverged_at": {"en": "diverged at epoch", "ko": "발산한 에폭"},
    "sweep_col_diverging": {"en": "diverging", "ko": "발산"},
    # a class at once (issue 9): links, table cells, the shared worker, sentences computed from the run
    "bad_link_param": {"en": "The link's setting {name} = “{value}” cannot be used: {reason}. Its default is used.",
                       "ko": "링크의 설정 {name} = “{value}”은(는) 사용할 수 없습니다: {reason}. 기본값을 사용합니다."},
    "link_param_ignored": {"en": "The link's setting {name} does not apply to the {model}: it is ignored.",
                           "ko": "링크의 설정 {name}은(는) {model}에는 해당하지 않아 무시합니다."},
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
    "cell_problem": {"en": "row {row}, {column} “{typed}”: {reason}", "ko": "{row}행 {column} “{typed}”: {reason}"},
    "cells_more": {"en": "and {count} more cells", "ko": "그 밖에 {count}칸"},
    "queue_one": {"en": "Waiting: 1 run ahead of yours (this server trains {workers} at a time).",
                  "ko": "대기 중: 앞에 실행 1개가 있습니다 (이 서버는 한 번에 {workers}개씩 학습합니다)."},
    "queue_many": {"en": "Waiting: {ahead} runs ahead of yours (this server trains {workers} at a time).",
                   "ko": "대기 중: 앞에 실행 {ahead}개가 있습니다 (이 서버는 한 번에 {workers}개씩 학습합니다)."},
    "run_failed": {"en": "This run could not be computed ({error}). Your settings stay in the sidebar: change them "
                         "and press Train again.",
                   "ko": "이 실행을 계산하지 못했습니다 ({error}). 설정은 사이드바에 남아 있으니 바꾼 뒤 다시 "
                         "학습을 누르세요."},
    "ratio_missing": {"en": "no speed ratio: a median needs at least {least} timed epochs per method, and this run "
                            "timed {manual} (manual) and {autograd} (autograd)",
                      "ko": "속도 비 없음: 중앙값에는 방법마다 시간을 잰 에폭이 {least}개 이상 필요한데, 이번 실행은 "
                            "{manual}개(수동)와 {autograd}개(자동 미분)였습니다"},
    "runtime_words_counted": {"en": "Per epoch, the manual method took {manual:.1f} µs (median of {manual_epochs} "
                                    "epochs) and autograd {autograd:.1f} µs (median of {autograd_epochs}): "
                                    "{ratio_words}.",
                              "ko": "에폭당 수동 방법은 {manual:.1f} µs ({manual_epochs} 에폭의 중앙값), 자동 미분은 "
                                    "{autograd:.1f} µs ({autograd_epochs} 에폭의 중앙값) 걸렸습니다: {ratio_words}."},
    "difference_none": {"en": "No epoch after the start was run by both methods: there is no difference to show.",
                        "ko": "시작 이후 두 방법이 모두 실행한 에폭이 없어 보여 줄 차이가 없습니다."},
    "difference_identical": {"en": "In this run the two methods produced bit-identical parameters at every epoch "
                                   "(epochs compared: {epochs}).",
                             "ko": "이번 실행에서 두 방법은 모든 에폭에서 비트 단위까지 같은 파라미터를 냈습니다 "
                                   "(비교한 에폭: {epochs})."},
    "difference_rounding": {"en": "Both methods compute the same gradient; in float32 their rounding differs in the "
                                  "last bits. In this run the parameters differ by {low} to {high} over "
                                  "{epochs} epochs, at most {relative} of the parameters' size.",
                            "ko": "두 방법은 같은 기울기를 계산하지만 float32에서는 마지막 자리의 반올림이 다릅니다. "
                                  "이번 실행에서 파라미터 차이는 {epochs} 에폭 동안 {low} ~ {high}이며, "
                                  "파라미터 크기의 최대 {relative}배입니다."},
    "difference_diverged_close": {"en": "Up to the divergence at epoch {epoch} the parameters differ by {low} to "
                                        "{high}: float32 rounding in the last bits, which grows with the "
                                        "parameters as they blow up.",
                                  "ko": "에폭 {epoch}의 발산까지 파라미터 차이는 {low} ~ {high}입니다: "
                                        "float32 마지막 자리의 반올림 차이이며, 파라미터가 폭발하면서 함께 "
                                        "커집니다."},
    "difference_split": {"en": "From epoch {epoch} on, the two runs are apart by more than {tolerance:g} of the "
                               "parameters' size (largest difference {high:.3g}, at epoch {at}): {cause}.",
                         "ko": "에폭 {epoch}부터 두 실행은 파라미터 크기의 {tolerance:g}배보다 더 벌어집니다 "
                               "(최대 차이 {high:.3g}, 에폭 {at}): {cause}."},
    "split_cause_bound": {"en": "the learning rate {lr} is above the stability bound {bound:.4g}, so the steps "
                                "amplify the tiny float32 rounding differences between the methods instead of damping "
                                "them; while training is unstable they grow exponentially",
                          "ko": "학습률 {lr}이(가) 안정성 한계 {bound:.4g}보다 커서, 각 단계가 두 방법 사이의 작은 "
                                "float32 반올림 차이를 줄이지 않고 키웁니다. 학습이 불안정한 동안 이 차이는 "
                                "지수적으로 커집니다"},
    "split_cause_diverged": {"en": "training diverged at epoch {epoch}, and in a diverging run the tiny float32 "
                                   "rounding differences between the methods grow exponentially",
                             "ko": "학습이 에폭 {epoch}에서 발산했고, 발산하는 학습에서는 두 방법 사이의 작은 "
                                   "float32 반올림 차이가 지수적으로 커집니다"},
    "split_cause_dynamics": {"en": "training amplified the tiny float32 rounding differences between the methods "
                                   "(both compute the same gradient; only the last bits differ)",
                             "ko": "학습 과정이 두 방법 사이의 작은 float32 반올림 차이를 키웠습니다 (두 방법은 같은 "
                                   "기울기를 계산하며 마지막 자리만 다름)"},
    "max_difference_help_rounding": {"en": "Largest |manual − autograd| over all parameters and epochs: in this run "
                                           "only float32 rounding.",
                                     "ko": "모든 파라미터와 에폭에서 |수동 − 자동 미분|의 최댓값: 이번 실행에서는 "
                                           "float32 반올림 오차뿐입니다."},
    "max_difference_help_split": {"en": "Largest |manual − autograd| over all parameters and epochs: the runs split "
                                        "apart from epoch {epoch} (see the caption under the difference chart).",
                                  "ko": "모든 파라미터와 에폭에서 |수동 − 자동 미분|의 최댓값: 두 실행은 에폭 "
                                        "{epoch}부터 갈라집니다 (차이 차트 아래 설명 참고)."},
    "surface_words": {"en": "Colour: log10 of the loss. Lines: the path of (w, b) during training, from the start "
                            "({w:g}, {b:g}) {end}; {together}.",
                      "ko": "색: 손실의 log10. 선: 학습 중 (w, b)의 경로, 시작점 ({w:g}, {b:g})부터 {end}. "
                            "{together}."},
    "surface_end": {"en": "to epoch {epoch}", "ko": "에폭 {epoch}까지"},
    "surface_end_diverged": {"en": "to epoch {epoch}, the last finite one before the divergence",
                             "ko": "발산 전 마지막 유한한 에폭 {epoch}까지"},
    "surface_end_none": {"en": "(no epoch was finite, so there is no path to draw)",
                         "ko": "(유한한 에폭이 없어 그릴 경로가 없음)"},
    "surface_overlap": {"en": "the two methods' paths overlap", "ko": "두 방법의 경로는 겹칩니다"},
    "surface_apart": {"en": "the two paths separate from epoch {epoch}", "ko": "두 경로는 에폭 {epoch}부터 갈라집니다"},
    "one_time_first": {"en": "One-time costs, not counted per epoch: the first autograd set-up in this server process "
                             "took {seconds:.2f} s (the first `torch.optim.SGD` imports torch._dynamo). This run's "
                             "set-up took {this:.4f} s.",
                       "ko": "에폭마다 세지 않는 1회성 비용: 이 서버 프로세스의 첫 자동 미분 준비는 {seconds:.2f}초 "
                             "걸렸습니다 (처음 만드는 `torch.optim.SGD`가 torch._dynamo를 불러옴). 이번 실행의 "
                             "준비 시간은 {this:.4f}초."},
    "one_time_this": {"en": "One-time costs are not counted per epoch: this run's set-up took {this:.4f} s.",
                      "ko": "1회성 비용은 에폭마다 세지 않습니다: 이번 실행의 준비 시간은 {this:.4f}초."},
    "bound_above": {"en": "This learning rate ({lr}) is above the stability bound 2/λmax = {bound:.4g} (λmax = "
                          "{lam:.4g}, the largest curvature of the loss at the start). {expect}",
                    "ko": "이 학습률({lr})은 안정성 한계 2/λmax = {bound:.4g}보다 큽니다 (λmax = {lam:.4g}, "
                          "시작점에서 손실의 최대 곡률). {expect}"},
    "bound_expect_line": {"en": "The line's loss is quadratic: expect it to blow up.",
                          "ko": "직선의 손실은 이차식이므로 발산할 것입니다."},
    "bound_expect_mlp": {"en": "Expect the loss to oscillate or blow up. The bound describes the start only: the "
                               "network may also move to flatter ground and settle.",
                         "ko": "손실이 진동하거나 발산할 수 있습니다. 한계는 시작점에서만 맞으므로, 신경망이 더 "
                               "평평한 곳으로 옮겨 가 수렴할 수도 있습니다."},
    "diverged_at": {"en": "Training diverged: with {method} the loss exploded at epoch {epoch} (non-finite, or more "
                          "than {factor} times max(its start, 1)). Training stopped there; the charts show the finite "
                          "part. {advice}",
                    "ko": "학습이 발산했습니다: {method}에서 에폭 {epoch}에 손실이 폭발했습니다 (유한하지 않거나 "
                          "max(처음 값, 1)의 {factor}배 초과). 학습은 거기서 멈췄고, 차트는 유한한 부분만 보여 "
                          "줍니다. {advice}"},
    "advice_below_bound": {"en": "Lower the learning rate below {bound:.4g}.",
                           "ko": "학습률을 {bound:.4g}보다 낮추세요."},
    "advice_curvature_grew": {"en": "The learning rate was below the bound at the start ({bound:.4g}), but the "
                                    "curvature grew as the network trained: lower it further.",
                              "ko": "학습률은 시작점의 한계({bound:.4g})보다 작았지만 학습 중에 곡률이 커졌습니다: "
                                    "더 낮추세요."},
    "above_bound_finite": {"en": "Above the bound at the start, yet this run stayed finite: over {epochs} epochs the "
                                 "loss went from {start:.4g} to {final:.4g} and never passed {factor} times max(its "
                                 "start, 1).",
                           "ko": "시작점에서 한계보다 컸지만 이번 실행은 유한하게 남았습니다: {epochs} 에폭 동안 "
                                 "손실은 {start:.4g}에서 {final:.4g}이(가) 되었고 max(처음 값, 1)의 {factor}배를 넘지 "
                                 "않았습니다."},
    # issue 8: honest memory on the Compare page, and the Scaling page
    "mem8_tensor_line": {"en": "**{method}**: {counted:,} bytes of tensors, counted in this run (analytic count from "
                               "the shapes: {analytic:,}); {saved:,} of them kept for the backward pass.",
                         "ko": "**{method}**: 이번 실행에서 센 텐서 {counted:,} 바이트 (모양으로 계산한 값: "
                               "{analytic:,}); 그중 {saved:,} 바이트를 역전파를 위해 보관."},
    "mem8_tensor_source": {"en": "Tensor bytes: counted from the tensors themselves (parameters, gradients, what the "
                                 "backward pass reads, optimizer state) and computed from the shapes. Exact, and the "
                                 "same on every run, whoever else uses this server.",
                           "ko": "텐서 바이트: 텐서 자체에서 센 값 (파라미터, 기울기, 역전파가 읽는 텐서, 옵티마이저 "
                                 "상태)과 모양으로 계산한 값. 정확하며, 누가 이 서버를 함께 쓰든 매번 같습니다."},
    "mem8_no_rss": {"en": "Peak RSS per method is not shown here: measured inside this shared server it would also "
                          "hold other learners' work. Press the button to measure it in fresh processes, or open the "
                          "Scaling page, where the difference between the methods appears as data and model grow.",
                    "ko": "방법별 최대 RSS는 여기 보이지 않습니다: 여럿이 함께 쓰는 이 서버 안에서 재면 다른 학습자의 "
                          "작업까지 섞입니다. 버튼을 눌러 새 프로세스에서 재거나, 데이터와 모델이 커질 때 차이가 "
                          "드러나는 규모 확장 페이지를 보세요."},
    "mem8_rss_line": {"en": "Peak RSS Δ, {method}: {median:.2f} MiB (range {low:.2f} to {high:.2f})",
                      "ko": "최대 RSS 증가, {method}: {median:.2f} MiB (범위 {low:.2f} ~ {high:.2f})"},
    "mem8_from_table": {"en": "Source: the shipped scaling-study table ({machine}, {date}): a fresh Python process per "
                              "run, {repeats} runs per method, {epochs} epochs each, this model and data size.",
                        "ko": "출처: 함께 배포된 규모 확장 측정표 ({machine}, {date}): 실행마다 새 Python 프로세스, "
                              "방법마다 {repeats}회, 각 {epochs} 에폭, 같은 모델과 데이터 크기."},
    "mem8_from_button": {"en": "Source: measured just now on this server, a fresh Python process per run, {repeats} "
                               "runs per method, {epochs} epochs each.",
                         "ko": "출처: 방금 이 서버에서 측정, 실행마다 새 Python 프로세스, 방법마다 {repeats}회, "
                               "각 {epochs} 에폭."},
    "mem8_resolvable": {"en": "Resolvable: {larger} used {difference:.2f} MiB more than {smaller}, and the ranges of "
                              "the runs do not overlap.",
                        "ko": "구별 가능: {larger}이(가) {smaller}보다 {difference:.2f} MiB 더 썼고, 실행들의 범위가 "
                              "겹치지 않습니다."},
    "mem8_not_resolvable": {"en": "Not resolvable: the runs' ranges overlap or the medians differ by less than {res:g} "
                                  "MiB, so RSS cannot tell the two methods apart here. The tensor bytes above can.",
                            "ko": "구별 불가: 실행들의 범위가 겹치거나 중앙값 차이가 {res:g} MiB보다 작아, 여기서는 "
                                  "RSS로 두 방법을 구별할 수 없습니다. 위의 텐서 바이트는 구별합니다."},
    "mem8_measure": {"en": "Measure peak RSS in fresh processes", "ko": "새 프로세스에서 최대 RSS 측정"},
    "mem8_measure_help": {"en": "Starts a new Python process per run (about 300 MB each, two at a time), 3 runs per "
                                "method; takes 20 to 60 s.",
                          "ko": "실행마다 새 Python 프로세스를 띄웁니다 (각 약 300 MB, 동시에 둘), 방법마다 3회; "
                                "20~60초 걸립니다."},
    "mem8_refused": {"en": "Not measured: the server has {available:.0f} MiB free and the measurement needs about "
                           "{needed:.0f} MiB. The tensor bytes above are exact; the Scaling page shows RSS measured "
                           "in fresh processes elsewhere.",
                     "ko": "측정하지 않았습니다: 서버의 여유 메모리는 {available:.0f} MiB이고 측정에는 약 "
                           "{needed:.0f} MiB가 필요합니다. 위의 텐서 바이트는 정확하며, 규모 확장 페이지에서 다른 "
                           "곳에서 새 프로세스로 잰 RSS를 볼 수 있습니다."},
    "mem8_measuring": {"en": "Measuring in fresh processes…", "ko": "새 프로세스에서 측정 중…"},
    "page_scaling": {"en": "Scaling", "ko": "규모 확장"},
    "scaling_title": {"en": "Where the two methods really differ: as the work grows",
                      "ko": "두 방법이 실제로 달라지는 곳: 일이 커질 때"},
    "scaling_intro": {"en": "On the lecture's 4 points both methods cost mostly framework overhead and their memory "
                            "differs by bytes. Here the data (N rows) or the hidden layers (width H) grow, and time "
                            "per epoch and memory are measured for both methods. Both axes are logarithmic.",
                      "ko": "강의의 점 4개에서는 두 방법 모두 대부분 프레임워크 오버헤드에 시간을 쓰고 메모리 차이는 "
                            "몇 바이트뿐입니다. 여기서는 데이터(N행)나 은닉층(폭 H)을 키우며 두 방법의 에폭당 시간과 "
                            "메모리를 잽니다. 두 축 모두 로그 눈금입니다."},
    "scaling_axis": {"en": "What grows", "ko": "키우는 것"},
    "scaling_axis_n_samples": {"en": "data size N (line, 2-3-2)", "ko": "데이터 크기 N (직선, 2-3-2)"},
    "scaling_axis_width": {"en": "hidden width H (2-H-2, 2-H-H-H-2)", "ko": "은닉층 폭 H (2-H-2, 2-H-H-H-2)"},
    "scaling_range": {"en": "Range for a live run (capped for this server)",
                      "ko": "실시간 측정 범위 (이 서버에 맞춘 상한)"},
    "scaling_points": {"en": "Sizes in the range", "ko": "범위 안의 크기 수"},
    "scaling_run": {"en": "Measure here", "ko": "여기서 측정"},
    "scaling_shipped": {"en": "Measured with `make scaling` on {machine}, {date} ({threads} torch thread(s), device "
                              "{device}); peak RSS from {repeats} fresh processes per point and method.",
                        "ko": "`make scaling`으로 {machine}에서 {date}에 측정 (torch 스레드 {threads}개, 장치 "
                              "{device}); 최대 RSS는 점과 방법마다 새 프로세스 {repeats}개에서 측정."},
    "scaling_live": {"en": "Measured live on this server just now: time per epoch and tensor bytes. Peak RSS needs a "
                           "fresh process per run, so it comes from the shipped table only.",
                     "ko": "방금 이 서버에서 실시간 측정: 에폭당 시간과 텐서 바이트. 최대 RSS는 실행마다 새 "
                           "프로세스가 필요해 함께 배포된 측정표에서만 보여 줍니다."},
    "scaling_progress": {"en": "Measuring {label} ({done}/{total})", "ko": "측정 중: {label} ({done}/{total})"},
    "scaling_show_shipped": {"en": "Show the shipped table again", "ko": "배포된 측정표 다시 보기"},
    "scaling_no_table": {"en": "No shipped table yet: run `make scaling`, or measure here.",
                         "ko": "배포된 측정표가 아직 없습니다: `make scaling`을 실행하거나 여기서 측정하세요."},
    "scaling_chart_time": {"en": "Time per epoch (median; band 25th-75th pct.)",
                           "ko": "에폭당 시간 (중앙값; 띠는 25~75 백분위)"},
    "scaling_chart_memory": {"en": "Bytes kept for the backward pass", "ko": "역전파를 위해 보관한 바이트"},
    "scaling_chart_rss": {"en": "Peak RSS Δ, fresh process (median of the runs)",
                          "ko": "최대 RSS 증가, 새 프로세스 (실행들의 중앙값)"},
    "scaling_chart_ratio": {"en": "autograd / manual", "ko": "자동 미분 / 수동"},
    "scaling_quantity": {"en": "ratio of", "ko": "비율"},
    "scaling_ratio_time": {"en": "time per epoch", "ko": "에폭당 시간"},
    "scaling_ratio_saved": {"en": "bytes kept for backward", "ko": "역전파용 보관 바이트"},
    "scaling_size_n_samples": {"en": "N (rows)", "ko": "N (행)"},
    "scaling_size_width": {"en": "H (hidden width)", "ko": "H (은닉층 폭)"},
    "scaling_model": {"en": "model", "ko": "모델"},
    "scaling_seconds": {"en": "seconds per epoch", "ko": "에폭당 초"},
    "scaling_mib": {"en": "MiB", "ko": "MiB"},
    "scaling_reading": {"en": "{model} at {size}: autograd keeps {auto} for its backward pass (its graph saves the "
                              "input, every layer's output and the targets), the hand-derived backward keeps {manual} "
                              "(the cache its chain rule reads), {memory_ratio:.2f}× autograd's. Per epoch autograd "
                              "takes {auto_time} and the hand-derived version {manual_time} ({time_ratio:.2f}×).",
                        "ko": "{model}, {size}: 자동 미분은 역전파를 위해 {auto}를 보관하고 (그래프가 입력, 모든 층의 "
                              "출력, 정답을 저장), 손으로 유도한 역전파는 {manual}를 보관합니다 (연쇄 법칙이 읽는 "
                              "캐시), 자동 미분의 {memory_ratio:.2f}배. 에폭당 자동 미분은 {auto_time}, 손으로 유도한 "
                              "방법은 {manual_time} 걸립니다 ({time_ratio:.2f}배)."},
    "scaling_reading_rss": {"en": "Peak RSS Δ in a fresh process there: autograd {auto:.1f} MiB (range {auto_low:.1f} "
                                  "to {auto_high:.1f}), the hand-derived version {manual:.1f} MiB ({manual_low:.1f} "
                                  "to {manual_high:.1f}): {verdict}.",
                            "ko": "그때 새 프로세스의 최대 RSS 증가: 자동 미분 {auto:.1f} MiB (범위 {auto_low:.1f}~"
                                  "{auto_high:.1f}), 손으로 유도한 방법 {manual:.1f} MiB ({manual_low:.1f}~"
                                  "{manual_high:.1f}): {verdict}."},
    "scaling_resolvable": {"en": "a resolvable difference (the ranges do not overlap)",
                           "ko": "구별 가능한 차이 (범위가 겹치지 않음)"},
    "scaling_not_resolvable": {"en": "not resolvable (the ranges overlap or differ by less than {res:g} MiB)",
                               "ko": "구별 불가 (범위가 겹치거나 차이가 {res:g} MiB 미만)"},
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
    # teaching pages (issue 7)
    ("경로", "path", "파라미터에서 유닛들을 거쳐 손실까지 가는 길; 기울기는 모든 경로의 곱의 합",
     "a way from a parameter through the units to the loss; the gradient is the sum of the paths' products"),
    ("국소 미분", "local derivative", "한 단계의 출력을 그 단계의 입력으로 미분한 값 (예: f′(d), 가중치)",
     "the derivative of one step's output by its own input (e.g. f′(d), a weight)"),
    ("순전파 값 d, n", "forward values d, n", "d: 유닛으로 들어가는 것 (가중합), n: 나가는 것 (활성화 함수를 거친 값)",
     "d: what goes into a unit (the weighted sum); n: what comes out (after the activation)"),
    ("유한 차분", "finite difference", "파라미터를 ±ε만큼 움직인 손실의 차이로 미분을 근사: (L(p+ε) − L(p−ε)) / 2ε",
     "approximating a derivative by nudging a parameter by ±ε: (L(p+ε) − L(p−ε)) / 2ε"),
    ("기울기 검증", "gradient check", "손으로 구한 기울기를 자동 미분과 유한 차분으로 확인",
     "checking hand-derived gradients against autograd and finite differences"),
    ("단정밀도 / 배정밀도", "float32 / float64", "유효숫자가 약 7자리 / 약 16자리인 부동소수점",
     "floating point with about 7 / about 16 significant digits"),
    ("헤시안 고윳값", "Hessian eigenvalue",
     "한 방향의 손실 곡률; 가장 큰 값 λmax에 대해 학습률이 2/λmax보다 작아야 안정",
     "the loss's curvature along one direction; the learning rate must stay below 2/λmax for the largest one"),
    ("학습률 스윕", "learning-rate sweep", "같은 학습을 여러 학습률로 반복해 결과를 비교",
     "the same training repeated at many learning rates to compare the results"),
    ("기울기 누적", "gradient accumulation", "zero_grad() 없이 backward()를 반복하면 .grad에 기울기가 계속 더해짐",
     "without zero_grad(), every backward() adds to .grad"),
]


def t(key: str, lang: str = "en", **values: Any) -> str:
    """The text ``key`` in ``lang`` (falling back to English), with ``values`` filled in."""
    entry = TEXTS[key]
    text = entry.get(lang) or entry["en"]
    return text.format(**values) if values else text


def render(message: tuple[str, dict[str, Any]], lang: str) -> str:
    """A (key, values) message in ``lang``; a value that is itself such a pair is rendered first."""
    key, values = message
    return t(key, lang, **{name: _rendered(v, lang) for name, v in values.items()})


def _rendered(value: Any, lang: str) -> Any:
    """A message value: a (key, values) pair rendered, a list of such pairs rendered and joined with "; "."""
    if isinstance(value, tuple):
        return render(value, lang)
    if isinstance(value, list) and value and all(_is_message(v) for v in value):
        return "; ".join(render(v, lang) for v in value)
    return value


def _is_message(value: Any) -> bool:
    return isinstance(value, tuple) and len(value) == 2 and isinstance(value[0], str) and isinstance(value[1], dict)

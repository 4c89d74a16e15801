"""Texts of the Compare page (pages/compare.py, ui/views/compare_view.py, ui/charts/builders.py,
ui/texts/sentences.py)."""


TEXTS: dict[str, dict[str, str]] = {
    "compare_example_link": {"en": "The note's two programs, timed and memory-profiled here beside the note's figures",
                             "ko": "강의의 두 프로그램: 여기서 잰 시간과 메모리를 강의의 값 옆에"},
    # page, sidebar, progress
    "compare_title": {"en": "Backpropagation two ways", "ko": "역전파, 두 가지 방법"},
    "compare_intro": {
        "en": "The lecture's extra example, generalised: the same model is trained twice on the same data from the "
              "same starting parameters, and both runs take the same gradient-descent update, parameter ← parameter "
              "− learning rate × gradient. Only the gradient differs: once it is derived by hand through the chain "
              "rule (**manual**), once PyTorch's `loss.backward()` computes it and `torch.optim.SGD` applies the "
              "update (**autograd**). Forward once to get the values, then backward to get the derivatives. Below: "
              "the loss, the parameters, how far the two methods drift apart, and what each costs in time and "
              "memory.",
        "ko": "강의의 추가 예제를 넓힌 것입니다. 같은 모델을 같은 데이터와 같은 초기 파라미터로 두 번 학습하며, 두 "
              "학습 모두 같은 경사 하강법 업데이트(파라미터 ← 파라미터 − 학습률 × 그래디언트)를 따릅니다. 다른 것은 "
              "그래디언트뿐입니다: 한 번은 연쇄 법칙으로 직접 유도하고(**직접 미분**), 한 번은 PyTorch의 "
              "`loss.backward()`가 계산하고 `torch.optim.SGD`가 업데이트합니다(**자동 미분**). 순전파로 값을 구하고, "
              "역전파로 미분을 구합니다. 아래에서 손실, 파라미터, 두 방법의 차이, 그리고 각 방법의 시간과 메모리 "
              "비용을 볼 수 있습니다.",
    },
    # where the settings are: the sidebar on a wide screen, a box on the page itself on a phone
    "compare_change_sidebar": {"en": "Change the settings in the sidebar and press **Train**.",
                               "ko": "사이드바에서 설정을 바꾸고 **학습**을 누르세요."},
    "compare_change_on_page": {"en": "Change the settings under **Training settings** below and press **Train**.",
                               "ko": "아래 **학습 설정**에서 설정을 바꾸고 **학습**을 누르세요."},
    "settings": {"en": "Training settings", "ko": "학습 설정"},
    "learning_rate": {"en": "Learning rate (log scale)", "ko": "학습률 (로그 눈금)"},
    "learning_rate_exact": {"en": "Exact learning rate (optional, overrides the slider)",
                            "ko": "정확한 학습률 (선택, 슬라이더보다 우선)"},
    "epochs": {"en": "Epochs (1 to {cap})", "ko": "에폭 수 (1 – {cap})"},
    "seed": {"en": "Initialisation seed", "ko": "초기화 시드"},
    "activation": {"en": "Hidden activation", "ko": "은닉층 활성화 함수"},
    # a new tab's first view: the numbers first, then this until the rest comes (ui/views/screens/compare.py)
    "compare_rest_soon": {"en": "The charts, the code and the export buttons follow in a moment.",
                          "ko": "차트와 코드, 내보내기 버튼은 잠시 뒤에 나타납니다."},
    # ... and in a laptop's sidebar, where the settings form comes with them (a phone's are drawn at once)
    "compare_settings_soon": {"en": "The settings and **{train}** appear here in a moment.",
                              "ko": "설정과 **{train}** 버튼은 잠시 뒤 여기에 나타납니다."},
    # data_<key>: what each preset (bp_core.PRESETS) says under its data settings
    "data_points_open": {"en": "Data points ({n} in use): open to see and edit them",
                         "ko": "데이터 점 ({n}개 사용 중): 펼쳐서 보고 편집"},
    "data_line": {"en": "Edit, add or delete rows, then press **Train**. Edits not yet trained are dropped if this "
                        "table is folded first.",
                  "ko": "행을 수정, 추가, 삭제한 뒤 **학습**을 누르세요. 아직 학습하지 않은 편집은 표를 먼저 접으면 "
                        "사라집니다."},
    "data_mlp": {"en": "Data: the half adder, inputs (a, b), targets [sum = a XOR b, carry = a AND b].",
                 "ko": "데이터: 반가산기, 입력 (a, b), 참값 [합 = a XOR b, 자리올림 = a AND b]."},
    "data_xor": {"en": "Data: XOR, inputs (a, b), target a XOR b. No straight line separates the 1s from the 0s; the "
                       "tanh hidden units bend the boundary. From some seeds training stops in a local minimum.",
                 "ko": "데이터: XOR, 입력 (a, b), 참값 a XOR b. 1과 0을 가르는 직선은 없어서 tanh 은닉 유닛이 경계를 "
                       "구부립니다. 어떤 시드에서는 학습이 국소 최솟값에서 멈춥니다."},
    "train": {"en": "Train", "ko": "학습"},
    "lr_used": {"en": "Learning rate used: {lr}", "ko": "사용한 학습률: {lr}"},
    "bad_whole": {"en": "{which} must be a whole number from {low} to {high}; you entered {value}. The last valid "
                        "settings are still shown; the box keeps what you typed.",
                  "ko": "{which}은(는) {low} – {high}의 정수여야 합니다. 입력값: {value}. 마지막으로 유효했던 설정의 "
                        "결과를 보여 주며, 입력한 값은 칸에 남아 있습니다."},
    "epochs_name": {"en": "The number of epochs", "ko": "에폭 수"},
    "seed_name": {"en": "The initialisation seed", "ko": "초기화 시드"},
    "bad_lr": {"en": "The exact learning rate {value} cannot be used: {reason}. The last valid settings are still "
                     "shown; the box keeps what you typed.",
               "ko": "정확한 학습률 {value}은(는) 사용할 수 없습니다: {reason}. 마지막으로 유효했던 설정의 결과를 "
                     "보여 주며, 입력한 값은 칸에 남아 있습니다."},
    "bad_data": {"en": "These data points cannot be used: {cells}. The last valid points are used instead; your "
                       "edits stay in the table so you can fix them.",
                 "ko": "이 데이터 점은 사용할 수 없습니다: {cells}. 마지막으로 유효했던 데이터를 대신 사용합니다. "
                       "수정한 내용은 표에 남아 있으니 고칠 수 있습니다."},
    "training": {"en": "Training: {method} ...", "ko": "학습 중: {method} ..."},
    "run_failed": {"en": "This run could not be computed ({error}). Your settings stay in the sidebar: change them "
                         "and press Train again.",
                   "ko": "이 실행을 계산하지 못했습니다 ({error}). 설정은 사이드바에 남아 있으니 바꾼 뒤 다시 "
                         "학습을 누르세요."},
    "run_failed_on_page": {"en": "This run could not be computed ({error}). Your settings stay under Training "
                                 "settings above: change them and press Train again.",
                           "ko": "이 실행을 계산하지 못했습니다 ({error}). 설정은 위의 학습 설정에 남아 있으니 바꾼 뒤 "
                                 "다시 학습을 누르세요."},
    # headline metrics
    "final_loss": {"en": "Final loss, {method}", "ko": "최종 손실, {method}"},
    "final_loss_missing": {"en": "No finite loss: the loss was not finite at epoch 0, so no update ran.",
                           "ko": "유한한 손실이 없습니다: 0 에폭에서 손실이 유한하지 않아 한 번도 업데이트하지 "
                                 "않았습니다."},
    "final_param": {"en": "Final {name} (manual)", "ko": "최종 {name} (직접 미분)"},
    "final_param_help": {"en": "autograd: {autograd!r}", "ko": "자동 미분: {autograd!r}"},
    "parameter_count": {"en": "Parameters (weights and biases)", "ko": "파라미터 수 (가중치와 편향)"},
    "epochs_run": {"en": "Epochs run", "ko": "실행한 에폭"},
    "max_difference": {"en": "Max parameter difference", "ko": "최대 파라미터 차이"},
    "max_difference_missing": {"en": "No epoch that both methods reached with finite values: nothing to compare.",
                               "ko": "두 방법이 모두 유한한 값으로 도달한 에폭이 없어 비교할 것이 없습니다."},
    "speed_ratio": {"en": "Time per epoch, autograd / manual", "ko": "에폭당 시간, 자동 미분 / 직접 미분"},
    # charts and their labels, outputs, code, export
    "chart_loss": {"en": "Loss per epoch", "ko": "에폭별 손실"},
    "log_scale": {"en": "Log scale for the loss", "ko": "손실을 로그 눈금으로"},
    "chart_params": {"en": "Parameters per epoch", "ko": "에폭별 파라미터"},
    "choose_params": {"en": "Parameters to draw", "ko": "그릴 파라미터"},
    "chart_difference": {"en": "Max |manual − autograd| per epoch", "ko": "에폭별 최대 |직접 미분 − 자동 미분|"},
    "chart_runtime": {"en": "Time per epoch (median; whiskers 25th-75th pct.)",
                      "ko": "에폭당 시간 (중앙값; 수염 25–75 백분위)"},
    "runtime_note": {"en": "Times come from the very runs shown above, clocked epoch by epoch. Other work on the "
                           "server, such as other learners' runs, adds noise: read the median and the spread, not "
                           "one epoch.",
                     "ko": "시간은 위에 보인 바로 그 학습에서 에폭마다 잰 값입니다. 다른 학습자의 실행 같은 서버의 "
                           "다른 작업도 잡음을 더하니 한 에폭이 아니라 중앙값과 범위를 보세요."},
    "chart_memory": {"en": "Tensor bytes per method", "ko": "방법별 텐서 바이트"},
    "parameter_bytes": {"en": "parameters", "ko": "파라미터"},
    "gradient_bytes": {"en": "gradients", "ko": "그래디언트"},
    "saved_for_backward_bytes": {"en": "saved for backward", "ko": "역전파용 저장"},
    "optimizer_state_bytes": {"en": "optimizer state", "ko": "옵티마이저 상태"},
    "manual_short": {"en": "manual", "ko": "직접 미분"},
    "autograd_short": {"en": "autograd", "ko": "자동 미분"},
    "chart_surface": {"en": "Loss surface over (w, b) with both trajectories",
                      "ko": "(w, b)에 대한 손실 곡면과 두 학습 경로"},
    "difference": {"en": "max |difference|", "ko": "최대 |차이|"},
    "microseconds": {"en": "µs per epoch", "ko": "에폭당 µs"},
    "category": {"en": "what", "ko": "항목"},
    "log10_loss": {"en": "log10 loss", "ko": "log10 손실"},
    "outputs_title": {"en": "What the network outputs after training", "ko": "학습 후 신경망의 출력"},
    "outputs_caption": {"en": "x: the inputs, y: the targets, in the order the data under the settings names them. ŷ: "
                              "each method's output with its final parameters.",
                        "ko": "x: 입력, y: 참값 (설정 아래 데이터 설명의 순서대로). ŷ: 각 방법의 최종 파라미터로 "
                              "계산한 출력."},
    "code_title": {"en": "The code that produced these numbers", "ko": "이 숫자를 만든 코드"},
    "code_caption": {"en": "Each method's update as a learner reads it: forward, loss, the gradient (by hand, or "
                           "zero_grad and backward), the update. Training runs a tuned copy of this loop that does "
                           "the same arithmetic with less bookkeeping; a test holds the two to the same numbers, bit "
                           "for bit.",
                     "ko": "학습자가 읽는 형태의 각 방법의 업데이트입니다: 순전파, 손실, 그래디언트(직접 유도, 또는 "
                           "zero_grad와 backward), 업데이트. 학습은 같은 계산을 더 적은 부가 작업으로 하는 최적화한 "
                           "복사본으로 실행되며, 테스트가 두 코드의 숫자가 비트 단위까지 같음을 확인합니다."},
    "code_tuned": {"en": "The same arithmetic, tuned: show the loops that ran",
                   "ko": "같은 계산을 최적화한 버전: 실제로 실행된 반복문 보기"},
    "downloads": {"en": "Export", "ko": "내보내기"},
    "download_csv": {"en": "History of both methods (CSV)", "ko": "두 방법의 기록 (CSV)"},
    "download_json": {"en": "Settings and results (JSON)", "ko": "설정과 결과 (JSON)"},
    "share": {"en": "The address bar now holds these settings: copy it to share this run.",
              "ko": "주소 표시줄에 이 설정이 담겨 있습니다. 복사해서 이 실행을 공유하세요."},
    # sentences computed from the run (ui/texts/sentences.py)
    "ratio_manual_faster": {"en": "autograd / manual = {ratio}: the manual method is faster per epoch",
                            "ko": "자동 미분 / 직접 미분 = {ratio}: 에폭당 직접 미분이 더 빠름"},
    "ratio_autograd_faster": {"en": "autograd / manual = {ratio}: autograd is faster per epoch",
                              "ko": "자동 미분 / 직접 미분 = {ratio}: 에폭당 자동 미분이 더 빠름"},
    "ratio_same": {"en": "autograd / manual = {ratio}: the same median time per epoch",
                   "ko": "자동 미분 / 직접 미분 = {ratio}: 에폭당 중앙값 시간이 같음"},
    "ratio_missing": {"en": "no speed ratio: a median needs at least {least} timed epochs per method, and this run "
                            "timed {manual} (manual) and {autograd} (autograd)",
                      "ko": "속도 비 없음: 중앙값에는 방법마다 시간을 잰 에폭이 {least}개 이상 필요한데, 이번 실행은 "
                            "{manual}개(직접 미분)와 {autograd}개(자동 미분)였습니다"},
    "runtime_words_counted": {"en": "Per epoch, the manual method took {manual:.1f} µs (median of {manual_epochs} "
                                    "epochs) and autograd {autograd:.1f} µs (median of {autograd_epochs}): "
                                    "{ratio_words}.",
                              "ko": "에폭당 직접 미분은 {manual:.1f} µs ({manual_epochs} 에폭의 중앙값), 자동 미분은 "
                                    "{autograd:.1f} µs ({autograd_epochs} 에폭의 중앙값) 걸렸습니다: {ratio_words}."},
    "one_time_first": {"en": "One-time costs, not counted per epoch: the first autograd set-up in this server process "
                             "took {seconds:.2f} s (the first `torch.optim.SGD` imports torch._dynamo). This run's "
                             "set-up took {this:.4f} s.",
                       "ko": "에폭마다 세지 않는 1회성 비용: 이 서버 프로세스의 첫 자동 미분 준비는 {seconds:.2f}초 "
                             "걸렸습니다 (처음 만드는 `torch.optim.SGD`가 torch._dynamo를 불러옴). 이번 실행의 준비 "
                             "시간은 {this:.4f}초입니다."},
    "one_time_first_preloaded": {
        "en": "One-time costs, not counted per epoch: the first autograd set-up in this server process took "
              "{seconds:.2f} s (torch._dynamo, which the first `torch.optim.SGD` imports, had been imported before "
              "it, when the server started). This run's set-up took {this:.4f} s.",
        "ko": "에폭마다 세지 않는 1회성 비용: 이 서버 프로세스의 첫 자동 미분 준비는 {seconds:.2f}초 걸렸습니다 "
              "(처음 만드는 `torch.optim.SGD`가 불러오는 torch._dynamo는 그 전에, 서버가 시작할 때 이미 불러왔음). "
              "이번 실행의 준비 시간은 {this:.4f}초입니다."},
    "one_time_this": {"en": "One-time costs are not counted per epoch: this run's set-up took {this:.4f} s.",
                      "ko": "1회성 비용은 에폭마다 세지 않습니다: 이번 실행의 준비 시간은 {this:.4f}초입니다."},
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
    "above_bound_finite": {"en": "Above the bound at the start, yet this run stayed finite: over {epochs} epochs the "
                                 "loss went from {start:.4g} to {final:.4g} and never passed {factor} times max(its "
                                 "start, 1).",
                           "ko": "시작점에서 한계보다 컸지만 이번 실행은 유한하게 남았습니다: {epochs} 에폭 동안 "
                                 "손실은 {start:.4g}에서 {final:.4g}이(가) 되었고 max(처음 값, 1)의 {factor}배를 넘지 "
                                 "않았습니다."},
    "diverged_at": {"en": "Training diverged with {method} at epoch {epoch}: training stops once {rule}. The "
                          "charts show the finite part. {advice}",
                    "ko": "학습이 발산했습니다: {method}, 에폭 {epoch}. {rule}면 학습을 멈춥니다. 차트는 유한한 "
                          "부분만 보여 줍니다. {advice}"},
    "advice_below_bound": {"en": "Lower the learning rate below {bound:.4g}.",
                           "ko": "학습률을 {bound:.4g}보다 낮추세요."},
    "advice_curvature_grew": {"en": "The learning rate was below the bound at the start ({bound:.4g}), but the "
                                    "curvature grew as the network trained: lower it further.",
                              "ko": "학습률은 시작점의 한계({bound:.4g})보다 작았지만 학습 중에 곡률이 커졌습니다: "
                                    "더 낮추세요."},
    "difference_none": {"en": "No epoch after the start was run by both methods: there is no difference to show.",
                        "ko": "시작 이후 두 방법이 모두 실행한 에폭이 없어 보여 줄 차이가 없습니다."},
    "difference_identical": {"en": "In this run the two methods produced bit-identical parameters at every epoch "
                                   "(epochs compared: {epochs}).",
                             "ko": "이번 실행에서 두 방법은 모든 에폭에서 비트 단위까지 같은 파라미터를 냈습니다 "
                                   "(비교한 에폭: {epochs})."},
    "difference_rounding": {"en": "Both methods compute the same gradient; in float32 their rounding differs in the "
                                  "last bits. In this run the parameters differ by {low} to {high} over "
                                  "{epochs} epochs, at most {relative} of the parameters' size.",
                            "ko": "두 방법은 같은 그래디언트를 계산하지만 float32에서는 마지막 자리의 반올림이 "
                                  "다릅니다. "
                                  "이번 실행에서 파라미터 차이는 {epochs} 에폭 동안 {low} – {high}이며, "
                                  "파라미터 크기의 최대 {relative}배입니다."},
    "difference_diverged_close": {"en": "Up to the divergence at epoch {epoch} the parameters differ by {low} to "
                                        "{high}: float32 rounding in the last bits, which grows with the "
                                        "parameters as they blow up.",
                                  "ko": "에폭 {epoch}의 발산까지 파라미터 차이는 {low} – {high}입니다: "
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
                                   "그래디언트를 계산하며 마지막 자리만 다름)"},
    "max_difference_help_identical": {"en": "Largest |manual − autograd| over all parameters and epochs: 0. The two "
                                            "runs are bit for bit identical.",
                                      "ko": "모든 파라미터와 에폭에서 |직접 미분 − 자동 미분|의 최댓값: 0. 두 실행은 "
                                            "비트 단위까지 같습니다."},
    "max_difference_help_rounding": {"en": "Largest |manual − autograd| over all parameters and epochs: in this run "
                                           "only float32 rounding.",
                                     "ko": "모든 파라미터와 에폭에서 |직접 미분 − 자동 미분|의 최댓값: 이번 실행에서는 "
                                           "float32 반올림 오차뿐입니다."},
    "max_difference_help_split": {"en": "Largest |manual − autograd| over all parameters and epochs: the runs split "
                                        "apart from epoch {epoch} (see the caption under the difference chart).",
                                  "ko": "모든 파라미터와 에폭에서 |직접 미분 − 자동 미분|의 최댓값: 두 실행은 에폭 "
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
    # each chart's one-sentence description (its accessible name), built from the run's numbers
    "alt_loss": {"en": "Loss per epoch of both methods over {epochs} epochs: from {first:.4g} to {manual:.4g} by hand "
                       "and {autograd:.4g} with autograd.",
                 "ko": "두 방법의 에폭별 손실, {epochs} 에폭 동안: {first:.4g}에서 직접 미분 {manual:.4g}, 자동 미분 "
                       "{autograd:.4g}(으)로."},
    "alt_loss_missing": {"en": "Loss per epoch: a method recorded no epoch.",
                         "ko": "에폭별 손실: 에폭을 하나도 기록하지 못한 방법이 있습니다."},
    "alt_parameters": {"en": "The {count} parameters per epoch, both methods; final values by hand: {shown}.",
                       "ko": "파라미터 {count}개의 에폭별 값, 두 방법; 직접 미분의 최종값: {shown}."},
    "alt_parameters_more": {"en": "The {count} parameters per epoch, both methods; final values by hand: {shown} and "
                                  "{more} more.",
                            "ko": "파라미터 {count}개의 에폭별 값, 두 방법; 직접 미분의 최종값: {shown}, 그 밖에 "
                                  "{more}개."},
    "alt_memory": {"en": "Bytes of tensors each method keeps for one update: {manual} by hand, {autograd} with "
                         "autograd.",
                   "ko": "업데이트 한 번에 각 방법이 보관하는 텐서 바이트: 직접 미분 {manual}, 자동 미분 {autograd}."},
}

"""Texts of the backward-pass page (pages/backward.py, ui/views/backward_view.py): the walk, the nudge."""

TEXTS: dict[str, dict[str, str]] = {
    "backward_graph_alt": {"en": "The {sizes} network drawn for the backward walk at epoch {epoch}, step {done} of "
                                 "{total}; {what} = {loss:.6g}.",
                           "ko": "에폭 {epoch}에서 역전파를 따라가는 {sizes} 신경망 그림, {total}단계 중 {done}단계. "
                                 "{what} = {loss:.6g}."},
    "walk_table_alt": {"en": "{count} gradients from the walk beside autograd's; the largest difference is "
                             "{difference:.1e}",
                       "ko": "역전파로 구한 그래디언트 {count}개와 자동 미분의 값; 가장 큰 차이는 {difference:.1e}"},
    "backward_title": {"en": "The backward pass, step by step", "ko": "역전파, 한 단계씩"},
    "backward_intro": {
        "en": "Forward once to get the values, then backward to get the derivatives. The forward values are on the "
              "graph from the start; each step of the walk computes one unit's derivatives from what the step "
              "before produced, from the loss back to the inputs: the output error, f′(d), ∂L/∂d, then the "
              "gradients of the weights and the bias into that unit, and below it ∂L/∂n as the sum over the units it "
              "feeds (the note's paths meeting).",
        "ko": "순전파로 값을 구하고, 역전파로 미분을 구합니다. 순전파 값은 처음부터 그래프에 있고, 한 단계마다 바로 "
              "앞 단계가 만든 값으로 유닛 하나의 미분을 손실에서 입력 쪽으로 계산합니다: 출력 오차, f′(d), ∂L/∂d, "
              "그 유닛으로 들어오는 가중치와 편향의 그래디언트, 그리고 그 아래 층에서는 이어지는 유닛들에 대한 합으로 "
              "∂L/∂n을 구합니다 (강의의 경로들이 만나는 곳).",
    },
    "backward_sample": {"en": "Sample", "ko": "샘플"},
    "backward_epoch": {"en": "Epoch: the parameters after this many updates",
                       "ko": "에폭: 이만큼 업데이트한 뒤의 파라미터"},
    "backward_whole_batch": {"en": "whole batch (all {n} samples: sums)", "ko": "전체 배치 (샘플 {n}개의 합)"},
    "backward_sample_label": {"en": "sample {number}", "ko": "샘플 {number}"},
    "backward_layout": {"en": "Graph layout", "ko": "그래프 방향"},
    "backward_layout_LR": {"en": "left to right", "ko": "왼쪽에서 오른쪽"},
    "backward_layout_TB": {"en": "top to bottom (phones)", "ko": "위에서 아래 (휴대폰)"},
    "backward_previous": {"en": "◀ Previous", "ko": "◀ 이전"},
    "backward_next": {"en": "Next ▶", "ko": "다음 ▶"},
    "backward_reset": {"en": "Reset", "ko": "처음으로"},
    "backward_play": {"en": "Play", "ko": "자동 재생"},
    "backward_position": {"en": "Step {done} of {total}", "ko": "{total}단계 중 {done}단계"},
    "backward_sizes": {"en": "N = {n} samples and K = {k} output(s): the loss is the mean of N·K = {terms} squared "
                             "errors, so the output error is ∂L/∂n = 2(ŷ − y)/(N·K).",
                       "ko": "샘플 N = {n}개, 출력 K = {k}개: 손실은 제곱 오차 N·K = {terms}개의 평균이므로 출력 "
                             "오차는 ∂L/∂n = 2(ŷ − y)/(N·K)입니다."},
    "backward_restarted": {"en": "Another {what}: this walk starts again at the forward pass. Your place in the "
                                 "walk for {where}, epoch {epoch} (step {done}) is kept: choose them again to go back "
                                 "to it.",
                           "ko": "{what}이(가) 바뀌어 이 역전파는 순전파부터 다시 시작합니다. {where}, 에폭 {epoch}"
                                 "에서 진행한 자리({done}단계)는 남아 있으니, 다시 고르면 그 자리로 돌아갑니다."},
    "backward_what_sample": {"en": "sample", "ko": "샘플"},
    "backward_what_epoch": {"en": "epoch", "ko": "에폭"},
    "backward_what_both": {"en": "sample and epoch", "ko": "샘플과 에폭"},
    "backward_forward_only": {"en": "The forward pass is done: every unit shows its d and n, and {what} = {loss:.6g}. "
                                    "Press **Next** to start the backward pass at the loss.",
                              "ko": "순전파가 끝났습니다: 모든 유닛에 d와 n이 있고 {what} = {loss:.6g}입니다. "
                                    "**다음**을 누르면 손실에서 역전파를 시작합니다."},
    "walk_loss_sample": {"en": "L (sample {number}'s term)", "ko": "L (샘플 {number}의 항)"},
    "walk_loss_batch": {"en": "L (the batch)", "ko": "L (배치 전체)"},
    "backward_batch_note": {"en": "For the whole batch a unit's figures are sums over the {n} samples (its d and n "
                                  "are means), and f′(d) is one number per sample, so it is not shown on the unit.",
                            "ko": "전체 배치에서는 유닛의 값이 샘플 {n}개의 합이고 (d와 n은 평균), f′(d)는 샘플마다 "
                                  "다른 값이라 유닛에 표시하지 않습니다."},
    "walk_step_output": {"en": "**{unit}**, an output: its error reaches the loss directly.",
                         "ko": "**{unit}**, 출력: 오차가 손실에 바로 이어집니다."},
    "walk_step_hidden": {"en": "**{unit}**: its ∂L/∂n collects the {count} paths through the units it feeds.",
                         "ko": "**{unit}**: ∂L/∂n은 이 유닛의 출력이 들어가는 유닛 {count}개를 거치는 경로를 "
                               "더합니다."},
    "walk_step_parameters": {"en": "The weights and the bias into **{unit}**: each gradient is the unit's ∂L/∂d times "
                                   "what the weight multiplies.",
                             "ko": "**{unit}**(으)로 들어오는 가중치와 편향: 각 그래디언트는 그 유닛의 ∂L/∂d × "
                                   "가중치가 곱하는 값입니다."},
    "walk_step_input": {"en": "The input **{unit}**: nothing is updated here, but the derivative has reached the "
                              "inputs.",
                        "ko": "입력 **{unit}**: 여기서 업데이트할 것은 없지만, 미분이 입력까지 도달했습니다."},
    "walk_done": {"en": "The walk is complete: every parameter's gradient is on the graph. The largest difference "
                        "from autograd's (loss.backward(), float64) is {difference:.1e}.",
                  "ko": "역전파가 끝났습니다: 모든 파라미터의 그래디언트가 그래프에 있습니다. 자동 미분"
                        "(loss.backward(), float64)과의 가장 큰 차이는 {difference:.1e}입니다."},
    "walk_col_unit": {"en": "unit", "ko": "유닛"},
    "walk_col_parameter": {"en": "parameter", "ko": "파라미터"},
    "walk_col_walk": {"en": "the walk", "ko": "이 역전파"},
    "walk_col_autograd": {"en": "autograd", "ko": "자동 미분"},
    "walk_col_difference": {"en": "difference", "ko": "차이"},
    "nudge_title": {"en": "Nudge a parameter: what a derivative means", "ko": "파라미터 살짝 움직이기: 미분의 뜻"},
    "nudge_intro": {"en": "Move one parameter by ε and watch the batch loss: it moves by about ∂L/∂p × ε, and the "
                          "smaller ε, the more digits agree. The gradient check's finite differences do this twice "
                          "(+ε and −ε).",
                    "ko": "파라미터 하나를 ε만큼 움직이고 배치 손실을 보세요: 손실은 약 ∂L/∂p × ε만큼 움직이고, ε가 "
                          "작을수록 더 많은 자리가 일치합니다. 그래디언트 검증의 유한 차분은 이것을 두 번(+ε, "
                          "−ε) 합니다."},
    "nudge_param": {"en": "Parameter", "ko": "파라미터"},
    "nudge_epsilon": {"en": "ε", "ko": "ε"},
    "nudge_before": {"en": "loss before", "ko": "움직이기 전 손실"},
    "nudge_after": {"en": "loss after", "ko": "움직인 뒤 손실"},
    "nudge_change": {"en": "actual change", "ko": "실제 변화"},
    "nudge_predicted": {"en": "∂L/∂p × ε", "ko": "∂L/∂p × ε"},
    "nudge_digits": {"en": "With ε = {epsilon:g}, the actual change {change:.6g} and ∂L/∂{param} × ε = {gradient:.6g} "
                           "× {epsilon:g} = {predicted:.6g} agree to {digits} significant digit(s).",
                     "ko": "ε = {epsilon:g}일 때 실제 변화 {change:.6g}와(과) ∂L/∂{param} × ε = {gradient:.6g} × "
                           "{epsilon:g} = {predicted:.6g}는 유효숫자 {digits}자리까지 일치합니다."},
    "nudge_check_link": {"en": "The same idea, for every parameter at once: Gradient check",
                         "ko": "같은 생각을 모든 파라미터에 한 번에: 그래디언트 검증"},
}

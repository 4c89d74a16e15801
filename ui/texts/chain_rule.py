"""Texts of the Chain rule page (pages/chain_rule.py, ui/views/chain_view.py)."""

TEXTS: dict[str, dict[str, str]] = {
    "chain_line_neuron": {"en": "The note's line ŷ = w·x + b is a network of one unit: its input x, its weighted sum "
                                "d = w·x + b and its output n = f(d) with f the identity, so f′(d) = 1. Here "
                                "**W1[0,0] is w** and **b1[0] is b**. Each sample's error reaches w by one path, "
                                "error × f′ × x, so ∂L/∂w is the sum of {n} products, one per sample: the same dL/dw "
                                "the step page computes as dw = 2·xᵀ(ŷ − y)/N.",
                          "ko": "강의의 직선 ŷ = w·x + b는 유닛 하나짜리 신경망입니다: 입력 x, 가중합 d = w·x + b, "
                                "출력 n = f(d)이고 f는 항등 함수이므로 f′(d) = 1입니다. 여기서 **W1[0,0]이 w**, "
                                "**b1[0]이 b**입니다. 각 샘플의 오차는 오차 × f′ × x라는 경로 하나로 w에 닿으므로, "
                                "∂L/∂w는 샘플마다 하나씩 {n}개 곱의 합이며, '학습 한 단계, 직접 계산' 페이지가 dw = "
                                "2·xᵀ(ŷ − y)/N으로 계산하는 값과 같습니다."},
    "chain_title": {"en": "The chain rule, path by path", "ko": "연쇄 법칙, 경로별로 보기"},
    "chain_intro": {
        "en": "Forward once to get the values, then backward to get the derivatives. A parameter's gradient is the "
              "product of the local derivatives along each path from the parameter to the loss, summed over the "
              "paths. Pick a network, one of its weights and biases, a sample and an epoch: the graph shows every "
              "unit's values and highlights the paths, the table multiplies along each path.",
        "ko": "순전파로 값을 구하고, 역전파로 미분을 구합니다. 한 파라미터의 그래디언트는 그 파라미터에서 "
              "손실까지 가는 "
              "각 경로를 따라 국소 미분을 곱하고, 그 곱을 모든 경로에 대해 더한 것입니다. 신경망과 그 가중치와 편향 "
              "중 하나, 샘플, 에폭을 고르세요. 그래프는 각 유닛의 값을 보여 주고 경로를 강조하며, 표는 경로마다 곱을 "
              "계산합니다.",
    },
    "chain_run": {"en": "{count} weights and biases, trained by hand at learning rate {lr:g} for {epochs} epochs.",
                  "ko": "가중치와 편향 {count}개, 학습률 {lr:g}로 {epochs} 에폭 동안 직접 미분으로 학습."},
    "chain_param": {"en": "Parameter ({count} weights and biases)", "ko": "파라미터 (가중치와 편향 {count}개)"},
    "chain_sample": {"en": "Sample", "ko": "샘플"},
    "chain_epoch": {"en": "Epoch: the parameters after this many updates", "ko": "에폭: 이만큼 업데이트한 뒤의 "
                                                                                 "파라미터"},
    "chain_graph_caption": {
        "en": "Each box: **d** = what goes into the unit (the weighted sum plus the bias, 들어가는 것), **n** = what "
              "comes out "
              "(after the activation f, 나가는 것), **b** = its bias; each edge: its weight. Values for {what} at "
              "epoch {epoch}; the loss of the whole batch L = {loss:.5f}. Red: every path from {param} ({where}) to "
              "the loss; dark red: the parameter itself.",
        "ko": "각 상자: **d** = 유닛으로 들어가는 것 (가중합 + 편향), **n** = 유닛에서 나가는 것 (활성화 함수 f를 "
              "거친 값), "
              "**b** = 편향이고, 각 화살표의 숫자는 가중치입니다. 값은 에폭 {epoch}에서 {what}에 대한 것이며, 전체 "
              "배치의 손실은 L = {loss:.5f}입니다. 빨간색은 {param}({where})에서 손실까지 가는 모든 경로, 진한 "
              "빨간색은 그 파라미터 자체입니다.",
    },
    "chain_batch_mean": {"en": "the mean over all {n} samples (each box's d and n are separate means, so n is not "
                               "f(d) there)",
                         "ko": "샘플 {n}개의 평균 (상자의 d와 n을 따로 평균했으므로 여기서는 n이 f(d)가 아님)"},
    "chain_one_sample": {"en": "sample {number}", "ko": "샘플 {number}"},
    "chain_numbering": {"en": "Units are numbered from 1, as the note numbers its outputs ŷ₁, ŷ₂ (here x1, h1, ŷ1); "
                              "parameter names and samples count from 0 as in bp_core and PyTorch: W1[0,1] is the "
                              "weight on the edge x2 → h1.",
                        "ko": "유닛 번호는 강의가 출력을 ŷ₁, ŷ₂로 붙이듯 1부터 셉니다 (여기서는 x1, h1, ŷ1). 파라미터 "
                              "이름과 샘플 번호는 bp_core와 PyTorch처럼 0부터 셉니다: W1[0,1]은 x2 → h1 화살표의 "
                              "가중치입니다."},
    "chain_table_title": {"en": "Every path from {param} to the loss", "ko": "{param}에서 손실까지의 모든 경로"},
    "chain_mnemonic": {"en": "Along each path, read from the loss back: **output error × activation′ × weight × "
                             "activation′ × input**, the lecture's mnemonic **출력 × 액 × 웨 × 액 × 앤**. A "
                             "second-layer weight has a shorter path (output error × f2′ × input); a bias has the "
                             "input 1.",
                       "ko": "각 경로를 손실에서 거꾸로 읽습니다: 강의의 암기법 **출력 × 액 × 웨 × 액 × 앤** (출력 "
                             "오차 × 활성화 함수 미분 × 가중치 × 활성화 함수 미분 × 입력 n). 두 번째 층의 가중치는 "
                             "경로가 더 짧고 (출력 오차 × f2′ × 입력), 편향의 입력은 1입니다."},
    "chain_note_mapping": {
        "en": "**The note's two worked examples, in bp_core's names.** The note's d, n, b and f number the layers as "
              "bp_core does (the output layer's are d₂, n₂, b₂, f₂), but w₁ and w₂ are only the names of its two "
              "examples, not layer numbers. The note's **w₁**, a weight of the "
              "output layer, is **{w1}** here ({w1_edge}): one path to the loss. The note's **w₂**, a weight of the "
              "hidden layer, is **{w2}** here ({w2_edge}): one path through each of the {outputs} output(s). The "
              "note works the first path of w₂ and leaves the second blank; the table below fills in both.",
        "ko": "**강의의 두 예제를 bp_core의 이름으로.** 강의의 d, n, b, f는 bp_core와 같은 방식으로 층 번호를 "
              "붙이지만 (출력층은 d₂, n₂, b₂, f₂), w₁과 w₂는 두 예제의 이름일 뿐 층 번호가 아닙니다. 강의의 "
              "**w₁**(출력층의 가중치)은 여기서 **{w1}**({w1_edge})이며, 손실까지 경로가 하나입니다. 강의의 "
              "**w₂**(은닉층의 가중치)는 여기서 **{w2}**({w2_edge})이며, 출력 {outputs}개 각각을 거치는 경로가 "
              "하나씩 있습니다. 강의는 w₂의 첫 번째 경로만 계산하고 두 번째는 비워 두었는데, 아래 표는 둘 다 "
              "채웁니다.",
    },
    "chain_note_w1": {"en": "The note's w₁ = {param} (output layer, one path)",
                      "ko": "강의의 w₁ = {param} (출력층, 경로 하나)"},
    "chain_note_w2": {"en": "The note's w₂ = {param} (hidden layer, {outputs} path(s))",
                      "ko": "강의의 w₂ = {param} (은닉층, 경로 {outputs}개)"},
    "chain_note_name": {"en": "= the note's {name}", "ko": "= 강의의 {name}"},
    "chain_fprime_title": {"en": "The activation derivatives on these paths, worked out",
                           "ko": "이 경로 위의 활성화 함수 미분, 직접 계산"},
    "chain_fprime_batch": {"en": "Pick one sample to see each f′ worked out from that sample's d and n (for the whole "
                                 "batch the boxes show mean d and mean n, and f′ of a mean is not the mean of f′).",
                           "ko": "샘플 하나를 고르면 그 샘플의 d와 n으로 f′를 하나씩 계산해 보여 줍니다 "
                                 "(전체 배치에서는 상자가 d와 n의 평균을 보여 주는데, 평균의 f′는 f′의 평균과 "
                                 "다릅니다)."},
    "chain_fprime_unit": {"en": "f{layer}′(d) of {unit} ({activation}):",
                          "ko": "{unit}의 f{layer}′(d) ({activation}):"},
    "chain_sum": {"en": "Sum of the {count} rows ({paths} path(s) × {samples} sample(s))",
                  "ko": "행 {count}개의 합 (경로 {paths}개 × 샘플 {samples}개)"},
    "chain_autograd": {"en": "autograd's gradient", "ko": "자동 미분의 그래디언트"},
    "chain_difference": {"en": "difference (sum − autograd)", "ko": "차이 (합 − 자동 미분)"},
    "chain_difference_help": {"en": "The path products are multiplied in float64 from the float32 values of the "
                                    "forward pass; autograd works in float32. They agree to about 1e-9.",
                              "ko": "경로의 곱은 순전파의 float32 값을 float64로 곱한 것이고, 자동 미분은 float32로 "
                                    "계산합니다. 둘은 약 1e-9까지 일치합니다."},
    "chain_share_sample": {
        "en": "For one sample the paths give that sample's share of the batch gradient: the output error "
              "2(ŷ − y)/(N·K) carries the mean's 1/(N·K), and autograd differentiates the same share (this sample's "
              "term of the loss). Summed over all {n} samples it is the full gradient.",
        "ko": "샘플 하나만 고르면 경로의 곱은 배치 전체 그래디언트 가운데 그 샘플이 차지하는 몫입니다. 출력 오차 "
              "2(ŷ − y)/(N·K)에 평균을 내는 1/(N·K)이 이미 들어 있고, 자동 미분도 손실에서 이 샘플의 항만 "
              "미분합니다. 샘플 {n}개의 몫을 모두 더하면 전체 그래디언트가 됩니다.",
    },
    "chain_share_batch": {"en": "Summed over every sample and path: the gradient ∂L/∂{param} that autograd computes "
                                "for the whole batch.",
                          "ko": "모든 샘플과 경로에 대해 더한 값: 자동 미분이 전체 배치에 대해 계산하는 그래디언트 "
                                "∂L/∂{param}입니다."},
    # the choices of parameter, sample and epoch, and the path table (ui/views/chain_view.py)
    "teach_bad_param": {"en": "{value} is not one of the parameters; the last valid choice is shown.",
                        "ko": "{value}은(는) 파라미터가 아닙니다. 마지막으로 유효했던 선택을 보여 줍니다."},
    "teach_bad_sample": {"en": "Sample {value} does not exist: pick 0 to {high} or the whole batch. The last valid "
                               "choice is shown.",
                         "ko": "샘플 {value}은(는) 없습니다: 0 – {high} 또는 전체 배치를 고르세요. 마지막으로 "
                               "유효했던 선택을 보여 줍니다."},
    "teach_bad_epoch": {"en": "Epoch {value} is outside this run (0 to {high}); the last valid epoch is shown.",
                        "ko": "에폭 {value}은(는) 이 학습의 범위(0 – {high}) 밖입니다. 마지막으로 유효했던 에폭을 "
                              "보여 줍니다."},
    "teach_whole_batch": {"en": "whole batch (all {n} samples)", "ko": "전체 배치 (샘플 {n}개 모두)"},
    "teach_sample_label": {"en": "sample {number}: x = ({x}), y = ({y})", "ko": "샘플 {number}: x = ({x}), y = ({y})"},
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
}

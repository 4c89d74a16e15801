"""Texts of the derive box (ui/views/derive_view.py): a gradient written as PyTorch code, checked against autograd."""

TEXTS: dict[str, dict[str, str]] = {
    "derive_title": {"en": "Derive it yourself: write the gradient as code",
                     "ko": "직접 유도하기: 그래디언트를 코드로 쓰기"},
    "derive_intro_dw_db": {"en": "Write a gradient the way bp.py computes it, in PyTorch, over the names below (this "
                                 "step's numbers). Your formula is computed and compared with autograd's "
                                 "(`loss.backward()`): **exact** (every number equal), **approximately** (equal up to "
                                 "rounding; the largest difference is shown) or **wrong**. Once ∂L/∂w and ∂L/∂b are "
                                 "right you can train bp.py with them.",
                           "ko": "bp.py가 하듯이 그래디언트를 PyTorch 코드로, 아래의 이름(이 단계의 숫자)으로 써 "
                                 "보세요. 쓴 식을 계산해 자동 미분(`loss.backward()`)의 값과 비교합니다: **정확히 "
                                 "같음**(모든 숫자가 같음), **거의 같음**(반올림 차이뿐; 가장 큰 차이를 보여 줌), "
                                 "**틀림**. ∂L/∂w와 ∂L/∂b를 맞히면 그 식으로 bp.py를 학습시킬 수 있습니다."},
    "derive_intro_network": {"en": "Write one quantity of the backward pass in PyTorch, over the names below (this "
                                   "step's numbers). The true gradients above each layer (`dL_dn2`, `dL_dd2`, …) are "
                                   "given, so each formula is checked on its own against autograd (`retain_grad()` "
                                   "and `loss.backward()`): **exact**, **approximately** (the largest difference is "
                                   "shown) or **wrong**. d is what goes into a unit, n = f(d) what comes out.",
                             "ko": "역전파의 값 하나를 PyTorch 코드로, 아래의 이름(이 단계의 숫자)으로 써 보세요. 각 "
                                   "층 위쪽의 정확한 그래디언트(`dL_dn2`, `dL_dd2`, …)가 주어지므로 식마다 따로 자동 "
                                   "미분(`retain_grad()`와 `loss.backward()`)와 비교합니다: **정확히 같음**, **거의 "
                                   "같음**(가장 큰 차이를 보여 줌), **틀림**. d는 유닛에 들어가는 값, n = f(d)는 "
                                   "나오는 값입니다."},
    "derive_intro_path": {"en": "Write the chosen parameter's gradient as the sum of its paths' products, in PyTorch "
                                "over the values below, one element at a time: `n2[3, 0]` is unit 1 of the output for "
                                "sample 3 (rows are samples, columns units, counted from 0; d is what goes into a "
                                "unit, n = f(d) what comes out). Each path is 출력 × 액 × 웨 × 액 × 앤. It is "
                                "compared with autograd's gradient for this sample.",
                          "ko": "고른 파라미터의 그래디언트를 경로별 곱의 합으로, 아래 값들의 원소를 하나씩 골라 "
                                "PyTorch로 써 보세요. `n2[3, 0]`은 샘플 3의 출력 유닛 1입니다(행은 샘플, 열은 유닛, "
                                "0부터 셈; d는 유닛에 들어가는 값, n = f(d)는 나오는 값). 경로 하나는 출력 × 액 × 웨 "
                                "× 액 × 앤입니다. 이 샘플에 대한 자동 미분의 그래디언트와 비교합니다."},
    "exm_one_path": {"en": "that is one path's product: the gradient is the sum over every path from the weight to "
                           "the loss.",
                     "ko": "경로 하나의 곱입니다. 그래디언트는 가중치에서 손실까지 가는 모든 경로의 합입니다."},
    "derive_target": {"en": "Which gradient", "ko": "어느 그래디언트"},
    "derive_names": {"en": "Names you may use, with their numbers", "ko": "쓸 수 있는 이름과 그 숫자"},
    "derive_col_name": {"en": "name", "ko": "이름"},
    "derive_col_shape": {"en": "shape", "ko": "모양"},
    "derive_col_values": {"en": "numbers (row by row)", "ko": "숫자 (행 순서)"},
    "derive_number": {"en": "a number", "ko": "숫자"},
    "derive_allowed": {
        "en": "Allowed: numbers, the names above, + − * / ** @, parentheses, .T and the methods t() mm() matmul() "
              "sum() mean() size() sigmoid() tanh() relu() exp() pow() reshape() unsqueeze() (also as "
              "torch.sum(…) and so on), with dim= and keepdim=. At most {most} characters; plain ASCII only.",
        "ko": "쓸 수 있는 것: 숫자, 위의 이름, + − * / ** @, 괄호, .T, 그리고 메서드 t() mm() matmul() sum() mean() "
              "size() sigmoid() tanh() relu() exp() pow() reshape() unsqueeze() (torch.sum(…)처럼 써도 됨), dim=과 "
              "keepdim=. 최대 {most}자, 영문 자판의 문자만."},
    "derive_formula": {"en": "Your formula for {target} (PyTorch)", "ko": "{target}의 식 (PyTorch)"},
    "derive_placeholder": {"en": "PyTorch code over the names above", "ko": "위의 이름으로 쓴 PyTorch 코드"},
    "derive_check": {"en": "Check formula", "ko": "식 확인"},
    "derive_question": {"en": "write {target} as code", "ko": "{target}을(를) 코드로 쓰기"},
    "derive_score": {"en": "Formulas: {right} of {tried} right at the first check.",
                     "ko": "식: 확인한 {tried}개 중 {right}개를 첫 확인에 맞힘."},
    "derive_exact": {"en": "✓ Exact: every number equals autograd's {target}.",
                     "ko": "✓ 정확히 같음: 모든 숫자가 자동 미분의 {target}과(와) 같습니다."},
    "derive_approx": {"en": "✓ Approximately: equal to autograd's {target} up to rounding; the largest difference is "
                            "{largest}.",
                      "ko": "✓ 거의 같음: 반올림 차이만 빼면 자동 미분의 {target}과(와) 같습니다. 가장 큰 차이는 "
                            "{largest}입니다."},
    "derive_wrong": {"en": "✗ Wrong: the largest difference from autograd's {target} is {largest}. Hint: {hint}",
                     "ko": "✗ 틀림: 자동 미분의 {target}과(와) 가장 크게 {largest}만큼 다릅니다. 힌트: {hint}"},
    "derive_no_hint": {"en": "write the chain rule for {target} factor by factor and check each one's shape.",
                       "ko": "{target}의 연쇄 법칙을 인수 하나씩 쓰고 각 인수의 모양을 확인하세요."},
    "derive_shape": {"en": "✗ Your formula gives shape {got}; autograd's {target} has shape {want}. {cause}",
                     "ko": "✗ 쓴 식의 모양은 {got}인데 자동 미분의 {target}은(는) {want}입니다. {cause}"},
    "derive_cause_transpose": {"en": "Rows and columns are swapped: a transpose (.t()) is missing or one too many.",
                               "ko": "행과 열이 바뀌었습니다. 전치(.t())가 빠졌거나 하나 더 있습니다."},
    "derive_cause_samples": {"en": "It has one row per sample: the sum over the samples (.sum(0), or a product "
                                   "with a .t()) is missing.",
                             "ko": "샘플마다 한 행입니다. 샘플에 대한 합(.sum(0), 또는 .t()와의 곱)이 빠졌습니다."},
    "derive_cause_other": {"en": "Check the shape each factor brings: (a × b) mm (b × c) gives a × c.",
                           "ko": "각 인수의 모양을 확인하세요: (a × b) mm (b × c)는 a × c입니다."},
    "derive_refused": {"en": "“{typed}” is not computed: {why}", "ko": "“{typed}”은(는) 계산하지 않습니다: {why}"},
    "derive_why_empty": {"en": "the box is empty.", "ko": "칸이 비어 있습니다."},
    "derive_why_too_long": {"en": "it has {length} characters; at most {limit} are read.",
                            "ko": "{length}자입니다. 최대 {limit}자까지 읽습니다."},
    "derive_why_not_ascii": {"en": "“{char}” ({code}) is not a plain ASCII character (a Korean, full-width or "
                                   "look-alike letter, or an invisible one); type it on an English keyboard.",
                             "ko": "“{char}”({code})은(는) 영문 자판의 문자가 아닙니다(한글, 전각 문자, 비슷하게 "
                                   "생긴 문자나 보이지 않는 문자). 영문 자판으로 입력하세요."},
    "derive_why_dunder": {"en": "{name} is not allowed: no name with double underscores.",
                          "ko": "{name}은(는) 쓸 수 없습니다. 밑줄 두 개가 든 이름은 쓸 수 없습니다."},
    "derive_why_syntax": {"en": "it cannot be read as Python (near character {column}); check the brackets and "
                                "operators.",
                          "ko": "파이썬 식으로 읽을 수 없습니다({column}번째 문자 근처). 괄호와 연산자를 확인하세요."},
    "derive_why_too_big": {"en": "it is too long or nests too deeply ({parts} parts; at most {limit}).",
                           "ko": "식이 너무 길거나 너무 깊게 겹쳐 있습니다(부분 {parts}개, 최대 {limit}개)."},
    "derive_why_not_allowed": {"en": "{what} is not allowed in a formula.",
                               "ko": "식에는 {what}을(를) 쓸 수 없습니다."},
    "derive_why_number": {"en": "the number {value} is too large, or not a real number.",
                          "ko": "숫자 {value}이(가) 너무 크거나 실수가 아닙니다."},
    "derive_why_unknown_name": {"en": "{name} is not a name here; the names are {known}.",
                                "ko": "{name}은(는) 여기 없는 이름입니다. 이름은 {known}입니다."},
    "derive_why_unknown_method": {"en": "{name} is not allowed; allowed: {allowed}.",
                                  "ko": "{name}은(는) 쓸 수 없습니다. 쓸 수 있는 것: {allowed}."},
    "derive_why_argument": {"en": "{method} was given the wrong arguments: check that each is a tensor, that a dim "
                                  "is a whole number in range, and how many there are.",
                            "ko": "{method}에 맞지 않는 인수를 주었습니다. 텐서인지, 차원(dim)과 개수가 맞는지 "
                                  "확인하세요."},
    "derive_why_index": {"en": "[{index}] is outside a tensor of shape {shape} (rows are samples, columns units, "
                               "counted from 0).",
                         "ko": "[{index}]은(는) 모양 {shape}인 텐서 밖입니다(행은 샘플, 열은 유닛, 0부터 셈)."},
    "derive_why_exponent": {"en": "the exponent {value} is not allowed: a plain number from −{limit} to {limit}.",
                            "ko": "지수 {value}은(는) 쓸 수 없습니다. −{limit}부터 {limit}까지의 숫자만 됩니다."},
    "derive_why_shape": {"en": "the shapes {left} and {right} do not fit {op}.",
                         "ko": "모양 {left}와(과) {right}은(는) {op}에 맞지 않습니다."},
    "derive_why_size": {"en": "{what} would make {elements} numbers; at most {limit} here.",
                        "ko": "{what}은(는) 숫자 {elements}개를 만듭니다. 여기서는 최대 {limit}개입니다."},
    "derive_why_not_finite": {"en": "the value is not finite (a division by zero, or an overflow).",
                              "ko": "값이 유한하지 않습니다(0으로 나누기, 또는 넘침)."},
    "derive_why_time": {"en": "it took more than {limit} s to compute.", "ko": "계산에 {limit}초 넘게 걸렸습니다."},
    "derive_train": {"en": "Train {epochs} epochs with your formulas", "ko": "내 식으로 {epochs} 에폭 학습"},
    "derive_train_locked": {"en": "Get ∂L/∂w and ∂L/∂b right first (each exact or approximately); then train bp.py "
                                  "with them.",
                            "ko": "먼저 ∂L/∂w와 ∂L/∂b를 맞히세요(정확히 같음 또는 거의 같음). 그러면 그 식으로 "
                                  "bp.py를 학습시킬 수 있습니다."},
    "derive_training": {"en": "Training bp.py with your formulas for {epochs} epochs …",
                        "ko": "내 식으로 bp.py를 {epochs} 에폭 학습하는 중 …"},
    "derive_trained_same": {"en": "Your formulas printed the note's {total} losses (bp.py's) and its final w {w} and "
                                  "b {b}, every digit.",
                            "ko": "내 식이 강의(bp.py)의 손실 {total}개와 최종 w {w}, b {b}를 한 자리도 다르지 않게 "
                                  "출력했습니다."},
    "derive_trained_differs": {"en": "Your formulas printed {matches} of the note's {total} losses (bp.py's); final w "
                                     "{w} (note: {note_w}), b {b} (note: {note_b}). Equal formulas in another order "
                                     "round differently in float32.",
                               "ko": "내 식은 강의(bp.py)의 손실 {total}개 중 {matches}개를 똑같이 출력했습니다. 최종 "
                                     "w는 {w}(강의: {note_w}), b는 {b}(강의: {note_b})입니다. 같은 식도 계산 순서가 "
                                     "다르면 float32에서 다르게 반올림됩니다."},
    "derive_col_epoch": {"en": "epoch", "ko": "에폭"},
    "derive_col_loss": {"en": "loss", "ko": "손실"},
    "derive_col_yours": {"en": "your formulas print", "ko": "내 식의 출력"},
    "derive_col_note": {"en": "the note prints (bp.py)",
                        "ko": "강의의 출력 (bp.py)"},
    "derive_chart_title": {"en": "Loss per epoch: your formulas and autograd",
                           "ko": "에폭별 손실: 내 식과 자동 미분"},
    "derive_legend_yours": {"en": "your formulas", "ko": "내 식"},
    "derive_legend_autograd": {"en": "autograd (loss.backward())",
                               "ko": "자동 미분 (loss.backward())"},
    "alt_derive": {"en": "Loss per epoch over {epochs} epochs: from {first:.4g} to {yours:.4g} with your formulas and "
                         "{autograd:.4g} with autograd.",
                   "ko": "{epochs} 에폭 동안의 에폭별 손실: {first:.4g}에서 내 식으로 {yours:.4g}, 자동 미분으로 "
                         "{autograd:.4g}까지."},
    "derive_train_network": {"en": "Train {epochs} epochs with your backward pass",
                             "ko": "내 역전파로 {epochs} 에폭 학습"},
    "derive_train_locked_network": {"en": "Get every quantity of the backward pass right first ({left} of {total} to "
                                          "go); then train the network with them.",
                                    "ko": "먼저 역전파의 모든 값을 맞히세요(남은 것 {total}개 중 {left}개). 그러면 그 "
                                          "식으로 신경망을 학습시킬 수 있습니다."},
    "derive_training_network": {"en": "Training the network with your backward pass for {epochs} epochs …",
                                "ko": "내 역전파로 신경망을 {epochs} 에폭 학습하는 중 …"},
    "derive_network_trained": {"en": "Your backward pass trained the network for {epochs} epochs: final loss "
                                     "{yours:.6g}, autograd's {autograd:.6g}; the two curves differ by at most "
                                     "{largest:.2g}.",
                               "ko": "내 역전파로 신경망을 {epochs} 에폭 학습했습니다: 최종 손실 {yours:.6g}, 자동 "
                                     "미분은 {autograd:.6g}; 두 곡선의 차이는 최대 {largest:.2g}입니다."},
    "derive_network_stopped": {"en": "The loss stopped being finite at epoch {epoch}: training stopped there.",
                               "ko": "에폭 {epoch}에서 손실이 유한하지 않게 되어 학습을 멈췄습니다."},
}

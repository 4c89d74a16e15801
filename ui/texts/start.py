"""Texts of the start page (pages/start.py): the lecture's eight sections in its order, and the navigation's groups."""

TEXTS: dict[str, dict[str, str]] = {
    "page_start": {"en": "Start: the lecture, step by step", "ko": "시작: 강의를 순서대로"},
    "group_lecture": {"en": "The lecture", "ko": "강의"},
    "group_explore": {"en": "Explore", "ko": "탐구"},
    "group_measure": {"en": "Measure", "ko": "측정"},
    "group_reference": {"en": "Reference", "ko": "참고"},
    "start_title": {"en": "Backpropagation, from the lecture", "ko": "강의로 배우는 역전파"},
    "start_intro": {"en": "This app follows the lecture note *AI Deep Dive, ch. 4: Backpropagation*. Its idea in one "
                          "line: **run the network forward once to get every value, then backward to get every "
                          "derivative.** Below are the note's eight sections in its order; each has a short recap and "
                          "a link to the page where you can try it with real numbers. Unfamiliar words are in the "
                          "glossary.",
                    "ko": "이 앱은 강의 노트 *딥러닝, 그것이 알고싶다 02. Backpropagation 깊은 인공신경망의 학습*를 "
                          "따라갑니다. 한 줄로 요약하면: **신경망을 한 번 앞으로 계산해 모든 값을 얻고, 뒤로 계산해 "
                          "모든 미분을 얻는다.** 아래는 강의의 여덟 부분을 강의의 순서대로 정리한 것입니다. 각 부분에 "
                          "짧은 요약과, 실제 숫자로 직접 해 볼 수 있는 페이지 링크가 있습니다. 낯선 용어는 용어집에 "
                          "있습니다."},
    # the first screen: the note's line, nudged (what a derivative means), then the path that starts there
    "start_first_title": {"en": "First, what a derivative means", "ko": "먼저, 미분이 뜻하는 것"},
    "start_first_intro": {"en": "The note's four points and its line ŷ = w·x + b where training starts, w = b = 0: "
                                "the loss (MSE) is {before:g}. Move w by a small ε and compare how much the loss "
                                "really moves with what the derivative ∂L/∂w = {gradient:g} predicts, ∂L/∂w × ε.",
                          "ko": "강의의 네 점과 학습이 시작하는 곳(w = b = 0)의 직선 ŷ = w·x + b입니다. 손실(MSE)은 "
                                "{before:g}입니다. w를 작은 ε만큼 움직여, 손실이 실제로 움직인 양과 미분 ∂L/∂w = "
                                "{gradient:g}이(가) 예측하는 양 ∂L/∂w × ε를 비교해 보세요."},
    "start_first_epsilon": {"en": "Move w by ε =", "ko": "w를 움직일 양 ε ="},
    "start_first_result": {
        "en": "w: 0 → {epsilon:g}. The loss goes from {before:g} to {after:.8g}, a change of {change:.6g}; the "
              "derivative predicts {gradient:g} × {epsilon:g} = {predicted:.6g}. Significant digits that "
              "agree: {digits}.",
        "ko": "w: 0 → {epsilon:g}. 손실은 {before:g}에서 {after:.8g}(으)로, {change:.6g}만큼 변합니다. 미분의 예측은 "
              "{gradient:g} × {epsilon:g} = {predicted:.6g}입니다. 유효숫자 {digits}자리까지 일치합니다."},
    "start_first_trend": {
        "en": "Digits that agree at ε = {large:g}: {large_digits}; at ε = {small:g}: {small_digits}. The "
              "derivative is how fast the loss moves right here, so the smaller the nudge, the better it predicts.",
        "ko": "ε = {large:g}에서는 {large_digits}자리, ε = {small:g}에서는 {small_digits}자리까지 일치합니다. 미분은 "
              "바로 이 지점에서 손실이 움직이는 빠르기이므로, 작게 움직일수록 더 잘 예측합니다."},
    "start_first_chart": {"en": "The note's four points, the line at w = 0 and at w = {epsilon:g} (b = 0)",
                          "ko": "강의의 네 점과 w = 0, w = {epsilon:g}일 때의 직선 (b = 0)"},
    "start_first_described": {"en": "The points {points}; the line at w = 0 lies on the x axis; at w = {epsilon:g} it "
                                    "rises to {top:g} at x = {right:g}. Loss {before:g} before, {after:.8g} after.",
                              "ko": "점 {points}. w = 0의 직선은 x축 위에 있고, w = {epsilon:g}이면 x = {right:g}에서 "
                                    "{top:g}까지 올라갑니다. 손실은 움직이기 전 {before:g}, 움직인 뒤 "
                                    "{after:.8g}입니다."},
    "start_first_points": {"en": "the note's points",
                           "ko": "강의의 점"},
    "start_first_before": {"en": "line at w = 0", "ko": "w = 0의 직선"},
    "start_first_after": {"en": "line at w = ε", "ko": "w = ε의 직선"},
    "start_path_title": {"en": "Then, a path from one neuron to the whole walk",
                         "ko": "다음으로, 뉴런 하나에서 역전파 전체까지"},
    "start_path_line": {"en": "The note's line as one neuron: its backward walk finds ∂L/∂w = {gradient:g}",
                        "ko": "강의의 직선을 뉴런 하나로: 역전파를 따라가면 ∂L/∂w = {gradient:g}"},
    "start_path_network": {"en": "The network's w₁ and w₂, path by path (the chain rule)",
                           "ko": "신경망의 w₁과 w₂를 경로별로 (연쇄 법칙)"},
    "start_path_walk": {"en": "The whole backward walk of the {inputs}-{hidden}-{outputs} network",
                        "ko": "{inputs}-{hidden}-{outputs} 신경망의 역전파 전체"},
    "start_glossary_link": {"en": "Glossary: every term in Korean and English",
                            "ko": "용어집: 모든 용어를 한국어와 영어로"},
    "start_section": {"en": "{number}. {title}", "ko": "{number}. {title}"},
    "start_try": {"en": "Try it: {page}", "ko": "직접 해 보기: {page}"},
    "start_s1_title": {"en": "Why derivatives", "ko": "왜 미분이 필요한가"},
    "start_s1_recap": {"en": "Gradient descent changes every weight and bias in the direction that lowers the loss, "
                             "so it needs the partial derivative of the loss with respect to each of them. The note's "
                             "network has {inputs} inputs, {hidden} hidden units and {outputs} outputs: "
                             "{inputs}×{hidden} + {hidden} weights and biases into the hidden layer and "
                             "{hidden}×{outputs} + {outputs} into the output layer, {total} partial derivatives in "
                             "all.",
                       "ko": "경사 하강법은 손실이 줄어드는 방향으로 모든 가중치와 편향을 바꾸므로, 각각에 대한 "
                             "손실의 편미분이 필요합니다. 강의의 신경망은 입력 {inputs}개, 은닉 유닛 {hidden}개, 출력 "
                             "{outputs}개입니다. 은닉층으로 들어가는 가중치와 편향이 {inputs}×{hidden} + {hidden}개, "
                             "출력층으로 들어가는 것이 {hidden}×{outputs} + {outputs}개로, 편미분은 모두 "
                             "{total}개입니다."},
    "start_s2_title": {"en": "A {total}×1 gradient, one update", "ko": "{total}×1 그래디언트와 한 번의 업데이트"},
    "start_s2_recap": {
        "en": "Stack the {total} partial derivatives into one {total}×1 vector, the gradient. Multiply it by the "
              "learning rate and subtract it from the {total} parameters: that is one update, "
              "w ← w − learning rate × ∂L/∂w for every parameter at once.",
        "ko": "{total}개의 편미분을 {total}×1 벡터 하나로 모은 것이 그래디언트입니다. 여기에 학습률을 곱해 "
              "{total}개의 파라미터에서 빼면 한 번의 업데이트입니다: 모든 파라미터에 대해 한꺼번에 "
              "w ← w − 학습률 × ∂L/∂w.",
    },
    "start_s3_title": {"en": "Backpropagation is the chain rule, run from the back",
                       "ko": "역전파는 뒤에서부터 적용하는 연쇄 법칙"},
    "start_s3_recap": {
        "en": "The loss depends on a weight only through the units after it. The chain rule multiplies the local "
              "derivatives along the way; backpropagation computes them starting at the loss and moving towards the "
              "inputs, so each step reuses what the step after it already computed.",
        "ko": "손실은 가중치 뒤에 있는 유닛들을 거쳐서만 그 가중치에 의존합니다. 연쇄 법칙은 그 길을 따라 국소 "
              "미분들을 곱합니다. 역전파는 이 곱을 손실에서 시작해 입력 쪽으로 계산하므로, 각 단계는 바로 뒤 "
              "단계가 이미 계산한 값을 다시 씁니다.",
    },
    "start_s4_title": {"en": "The notation", "ko": "표기법"},
    "start_s4_recap": {"en": "The note names each unit's values, starting from the output layer: **d** is what goes "
                             "into a unit (the weighted sum plus the bias **b**), **n** is what comes out (n = f(d), "
                             "with **f** the activation function), **ŷ** the estimates the network outputs and **y** "
                             "the true values. The loss is the mean squared difference of y and ŷ (MSE).",
                       "ko": "강의는 출력층부터 각 유닛의 값에 이름을 붙입니다: **d**는 유닛으로 들어가는 것(가중합에 "
                             "편향 **b**를 더한 값), **n**은 나가는 것(n = f(d), **f**는 활성화 함수), **ŷ**는 "
                             "신경망이 내는 추정값, **y**는 참값입니다. 손실은 y와 ŷ의 차이를 제곱해 평균한 값(MSE, "
                             "평균제곱오차)입니다."},
    "start_s5_title": {"en": "∂L/∂w₁ for an output-layer weight: one path",
                       "ko": "출력층 가중치의 ∂L/∂w₁: 경로 하나"},
    "start_s5_recap": {"en": "The note's **w₁** is a weight of the output layer (in this app's code it is an entry of "
                             "**W2**). It reaches the loss along one path: output error × the output activation's "
                             "derivative × the n coming into that weight.",
                       "ko": "강의의 **w₁**은 출력층의 가중치입니다(이 앱의 코드에서는 **W2**의 한 원소). 이 가중치는 "
                             "경로 하나로 손실에 닿습니다: 출력 오차 × 출력층 활성화 함수의 미분 × 그 가중치로 "
                             "들어오는 n."},
    "start_s6_title": {"en": "∂L/∂w₂ for a hidden-layer weight: two paths",
                       "ko": "은닉층 가중치의 ∂L/∂w₂: 경로 두 개"},
    "start_s6_recap": {"en": "The note's **w₂** is a weight of the hidden layer (an entry of **W1** here). It reaches "
                             "the loss through both outputs, so there are two paths and their products add up. Each "
                             "path's factors follow the note's mnemonic 출력 × 액 × 웨 × 액 × 앤: output error × "
                             "activation′ × weight × activation′ × input n. The note works path 1 and leaves path 2 "
                             "blank; the chain-rule page shows both.",
                       "ko": "강의의 **w₂**는 은닉층의 가중치입니다(여기서는 **W1**의 한 원소). 두 출력을 모두 거쳐 "
                             "손실에 닿으므로 경로가 두 개이고, 두 경로의 곱을 더합니다. 각 경로의 인수는 강의의 "
                             "암기법 출력 × 액 × 웨 × 액 × 앤을 따릅니다: 출력 오차 × 활성화 함수의 미분 × 가중치 × "
                             "활성화 함수의 미분 × 입력 n. 강의는 경로 1만 풀고 경로 2는 비워 두었는데, 연쇄 법칙 "
                             "페이지는 둘 다 보여 줍니다."},
    "start_s7_title": {"en": "Forward first, then backward", "ko": "순전파 먼저, 그다음 역전파"},
    "start_s7_recap": {
        "en": "Every factor of a path needs a value: d and f′(d) exist only after the data has gone through the "
              "network. So the forward pass runs once and keeps every value, then the backward pass computes the "
              "derivatives from them.",
        "ko": "경로의 모든 인수에는 값이 필요합니다: d와 f′(d)는 데이터가 신경망을 한 번 지나간 뒤에야 있습니다. "
              "그래서 순전파를 한 번 실행해 모든 값을 저장하고, 그 값들로 역전파가 미분을 계산합니다.",
    },
    "start_s8_title": {"en": "The extra example: a line, two programs", "ko": "추가 예제: 직선, 두 개의 프로그램"},
    "start_s8_recap": {"en": "The note fits y = 2x + 1 on x = 1, 2, 3, 4 from w = b = 0, learning rate 0.01, 1000 "
                             "epochs: once with dw and db written by hand (bp.py), once with MSELoss, SGD and "
                             "loss.backward() (bp_pytorch.py). Both print the loss every 100 epochs, then w and b. "
                             "The note shows bp.py ending at w ≈ {w:.4f}, b ≈ {b:.4f}; for bp_pytorch.py it shows "
                             "only the run time and the memory table. It times and memory-profiles each program.",
                       "ko": "강의는 x = 1, 2, 3, 4에서 y = 2x + 1을 w = b = 0, 학습률 0.01, 1000 에폭으로 맞춥니다. "
                             "한 번은 dw와 db를 직접 써서(bp.py), 한 번은 MSELoss, SGD, "
                             "loss.backward()로(bp_pytorch.py). 두 프로그램 모두 100 에폭마다 손실을, 마지막에 w와 "
                             "b를 출력합니다. 강의에 실린 결과는 bp.py의 w ≈ {w:.4f}, b ≈ {b:.4f}이고, "
                             "bp_pytorch.py는 실행 시간과 메모리 표만 실려 있습니다. 강의는 각 프로그램의 실행 시간과 "
                             "메모리를 측정합니다."},
    "next_title": {"en": "Where next", "ko": "다음으로"},
}

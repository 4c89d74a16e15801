"""Texts of the Glossary page (pages/glossary.py) and its terms (GLOSSARY): the note's words first, then the few
this app adds, each marked by where it comes from."""


TEXTS: dict[str, dict[str, str]] = {
    "glossary_title": {"en": "Glossary", "ko": "용어집"},
    "glossary_intro": {"en": "The words of the lecture note, in Korean and English, then the few this dashboard adds "
                             "for its own pages.",
                       "ko": "강의 노트의 용어를 한국어와 영어로 정리하고, 이어서 이 앱이 자기 페이지를 위해 덧붙인 "
                             "몇 가지 용어를 정리했습니다."},
    "glossary_from_note": {"en": "The note's words", "ko": "강의 노트의 용어"},
    "glossary_from_app": {"en": "Words this app adds", "ko": "이 앱이 덧붙인 용어"},
}

NOTE, APP = "note", "app"


GLOSSARY: list[tuple[str, str, str, str, str]] = [
    # the note's own words (../shared/LECTURE.md, "Words the note uses"), in the order a learner meets them
    ("경사 하강법", "gradient descent", "그래디언트의 반대 방향으로 파라미터를 조금씩 이동 (강의 1절)",
     "moving the parameters a small step against the gradient (the note's section 1)", NOTE),
    ("편미분", "partial derivative", "여러 변수의 함수를 한 변수로만 미분한 값 (나머지는 고정)",
     "the derivative of a function of many variables with respect to one of them, the others held fixed", NOTE),
    ("손실 함수", "loss function", "추정값이 참값에서 얼마나 떨어져 있는지를 하나의 수로 나타내는 함수",
     "a function that says in one number how far the estimates are from the true values", NOTE),
    ("평균제곱오차 (MSE)", "mean squared error (MSE)", "참값과 추정값의 차이를 제곱해 평균한 값: (1/N) Σ (y − ŷ)²",
     "the mean of the squared differences of true values and estimates: (1/N) Σ (y − ŷ)²", NOTE),
    ("그래디언트", "gradient", "손실을 각 파라미터로 편미분한 값을 모은 벡터 (2-3-2 신경망에서는 17×1)",
     "the vector of the loss's partial derivatives by every parameter (17×1 for the 2-3-2 network)", NOTE),
    ("학습률", "learning rate", "그래디언트에 곱하는 계수: 한 번의 이동은 학습률 × 그래디언트",
     "the factor the gradient is multiplied by: one step is learning rate × gradient", NOTE),
    ("업데이트", "update", "파라미터 ← 파라미터 − 학습률 × 그래디언트, 한 번",
     "parameter ← parameter − learning rate × gradient, once", NOTE),
    ("순전파", "forward propagation", "입력에서 출력까지 값을 계산하는 과정 (각 유닛의 d와 n)",
     "computing the values from input to output (each unit's d and n)", NOTE),
    ("역전파", "backpropagation", "연쇄 법칙을 출력에서 입력 쪽으로 적용해 모든 파라미터의 편미분을 구하는 방법",
     "the chain rule applied from the output back to the input, to get every parameter's partial derivative", NOTE),
    ("연쇄 법칙", "chain rule", "합성함수의 미분은 각 단계 국소 미분의 곱", "the derivative of a composition is the "
     "product of the local derivatives", NOTE),
    ("활성화 함수", "activation function",
     "유닛으로 들어간 d를 n = f(d)로 바꾸는 비선형 함수 (시그모이드, tanh, ReLU 등)",
     "the non-linear function that turns what goes into a unit, d, into n = f(d) (sigmoid, tanh, ReLU, ...)", NOTE),
    ("출력층 / 은닉층", "output layer / hidden layer", "추정값을 내는 마지막 층 / 입력과 출력 사이의 층",
     "the last layer, which gives the estimates / a layer between the inputs and the outputs", NOTE),
    ("가중치 / 편향", "weight / bias", "w, W: 들어오는 n에 곱하는 값 / b: 더하는 값",
     "w, W: multiplies the incoming n / b: is added", NOTE),
    ("참값 / 추정값", "true value / estimate", "y: 맞혀야 할 값 / ŷ: 신경망이 낸 값",
     "y: the value to be reached / ŷ: the value the network gives", NOTE),
    ("옵티마이저", "optimizer", "그래디언트로 파라미터를 업데이트하는 객체 (예: torch.optim.SGD)",
     "the object that updates the parameters from their gradients (e.g. torch.optim.SGD)", NOTE),
    ("확률적 경사 하강법 (SGD)", "stochastic gradient descent (SGD)",
     "데이터의 일부로 구한 그래디언트로 업데이트하는 경사 하강법; 강의 예제는 매번 4개 점을 모두 쓰므로 전체 배치",
     "gradient descent on the gradient of a part of the data; the lecture's example uses all four points every "
     "step, so it is full-batch", NOTE),
    ("에폭", "epoch", "데이터 전체를 한 번 사용하는 것; 여기처럼 전체 배치면 에폭마다 업데이트 한 번",
     "one pass over all the data; with the full batch, as here, one update per epoch", NOTE),
    ("d / n (들어가는 것 / 나가는 것)", "d / n (what goes in / what comes out)",
     "d: 유닛으로 들어가는 것 (가중합 + 편향) / n: 유닛에서 나가는 것, n = f(d)",
     "d: what goes into a unit (the weighted sum plus the bias) / n: what comes out of it, n = f(d)", NOTE),
    # words this dashboard adds for its own pages
    ("출력 오차", "output error", "손실을 출력 ŷ로 미분한 값 ∂L/∂ŷ = 2(ŷ − y)/(N·K): 모든 경로의 첫 인수",
     "the loss's derivative by an output, ∂L/∂ŷ = 2(ŷ − y)/(N·K): the first factor of every path", APP),
    ("샘플 / 배치", "sample / batch", "데이터의 한 행 (x, y) / 한 번의 업데이트에 쓰는 샘플 전체 (여기서는 모두)",
     "one row (x, y) of the data / the samples one update uses (here all of them)", APP),
    ("자동 미분", "automatic differentiation (autograd)", "PyTorch가 기록한 계산 그래프로 그래디언트를 자동 계산",
     "PyTorch computing gradients from the graph it recorded", APP),
    ("경로", "path", "파라미터에서 유닛들을 거쳐 손실까지 가는 길; 그래디언트는 모든 경로의 곱의 합",
     "a way from a parameter through the units to the loss; the gradient is the sum of the paths' products", APP),
    ("국소 미분", "local derivative", "한 단계의 출력을 그 단계의 입력으로 미분한 값 (예: f′(d), 가중치)",
     "the derivative of one step's output by its own input (e.g. f′(d), a weight)", APP),
    ("발산", "divergence", "학습률이 너무 커서 손실이 커지며 폭발하는 현상; 이 앱은 {rule}면 학습을 멈춤",
     "the loss growing without bound because the step is too large; this app stops training once {rule}", APP),
    ("유한 차분", "finite difference", "파라미터를 ±ε만큼 움직인 손실의 차이로 미분을 근사: (L(p+ε) − L(p−ε)) / 2ε",
     "approximating a derivative by nudging a parameter by ±ε: (L(p+ε) − L(p−ε)) / 2ε", APP),
    ("그래디언트 검증", "gradient check", "직접 미분한 그래디언트를 자동 미분과 유한 차분으로 확인",
     "checking hand-derived gradients against autograd and finite differences", APP),
    ("단정밀도 / 배정밀도", "float32 / float64", "유효숫자가 약 7자리 / 약 16자리인 부동소수점",
     "floating point with about 7 / about 16 significant digits", APP),
    ("헤시안", "Hessian", "손실의 2차 편미분 행렬; 가장 큰 고윳값 λmax가 안정한 학습률의 한계 2/λmax를 정함",
     "the matrix of the loss's second partial derivatives; its largest eigenvalue λmax sets the stable learning "
     "rate's limit 2/λmax", APP),
    ("학습률 비교 실험", "learning-rate sweep", "같은 학습을 여러 학습률로 반복해 결과를 비교",
     "the same training repeated at many learning rates to compare the results", APP),
    ("zero_grad() 빠뜨림", "forgotten zero_grad()", "zero_grad() 없이 backward()를 반복하면 .grad에 이전 그래디언트가 "
     "계속 더해지는 버그", "the bug where, without zero_grad(), every backward() adds to the previous .grad", APP),
]

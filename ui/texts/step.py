"""Texts of the One step by hand page (pages/step_by_hand.py, ui/views/step_view.py)."""

TEXTS: dict[str, dict[str, str]] = {
    "step_title": {"en": "One step by hand", "ko": "학습 한 단계, 직접 계산"},
    "step_intro": {
        "en": "One epoch of gradient descent with every number on screen: the forward pass gives the values, the "
              "loss compares them with the targets, the backward pass multiplies local derivatives into the "
              "gradient, and the update moves each parameter against it: w ← w − lr · g. The parameters come from "
              "the model's training run (row e of its history); the step lands exactly on row e + 1.",
        "ko": "경사 하강법 한 에폭의 모든 숫자를 보여 줍니다. 순전파로 값을 구하고, 손실 함수로 추정값과 참값의 "
              "차이를 재고, 역전파로 국소 미분을 곱해 그래디언트를 구한 뒤, 각 파라미터를 그 반대 방향으로 옮깁니다: "
              "w ← w − lr · g. 파라미터는 모델 학습 기록의 e행에서 가져오며, 이 한 단계의 결과는 e + 1행과 정확히 "
              "같습니다.",
    },
    "step_previous": {"en": "◀ Previous", "ko": "◀ 이전"},
    "step_next": {"en": "Next ▶", "ko": "다음 ▶"},
    "step_reset": {"en": "Reset", "ko": "처음으로"},
    "step_jump": {"en": "Jump to epoch (0 to {high})", "ko": "에폭으로 이동 (0 – {high})"},
    "step_go": {"en": "Go", "ko": "이동"},
    "step_no_jump": {"en": "Type an epoch from 0 to {high} first, then press Go.",
                     "ko": "먼저 0 – {high} 사이의 에폭을 입력한 뒤 이동을 누르세요."},
    "step_bad_jump": {"en": "Epoch {value} cannot be shown: type a whole number from 0 to {high}. The current epoch "
                            "stays.",
                      "ko": "에폭 {value}은(는) 보여 줄 수 없습니다: 0 – {high} 사이의 정수를 입력하세요. 현재 "
                            "에폭을 유지합니다."},
    "step_position": {"en": "Epoch {epoch} of {last}: parameters of history row {epoch} → one step at learning rate "
                            "{lr:g} → row {next}",
                      "ko": "에폭 {epoch} / {last}: 기록 {epoch}행의 파라미터 → 학습률 {lr:g}로 한 단계 → "
                            "{next}행"},
    "step_forward": {"en": "1. Forward: the values", "ko": "1. 순전파: 값 구하기"},
    "step_loss": {"en": "2. Loss", "ko": "2. 손실"},
    "step_local": {"en": "3. Local derivatives", "ko": "3. 국소 미분"},
    "step_gradient": {"en": "4. Gradient: the lecture's formulas with the numbers",
                      "ko": "4. 그래디언트: 강의의 공식에 숫자를 넣어서"},
    "step_update": {"en": "5. Update: w ← w − lr · g", "ko": "5. 업데이트: w ← w − lr · g"},
    "step_gradient_and_update": {"en": "4–5. Gradient and update of every parameter",
                                 "ko": "4–5. 모든 파라미터의 그래디언트와 업데이트"},
    "step_line_local": {
        "en": "Each point's error reaches the loss through ∂L/∂pred = 2(pred − y)/N (the table's last column). The "
              "prediction pred = w x + b depends on w through ∂pred/∂w = x and on b through ∂pred/∂b = 1. The "
              "chain rule multiplies them: dw = Σ x · ∂L/∂pred, db = Σ 1 · ∂L/∂pred.",
        "ko": "각 점의 오차는 ∂L/∂pred = 2(pred − y)/N (표의 마지막 열)을 통해 손실에 이어집니다. 예측 "
              "pred = w x + b는 w에 대해 ∂pred/∂w = x, b에 대해 ∂pred/∂b = 1입니다. 연쇄 법칙으로 곱하면: "
              "dw = Σ x · ∂L/∂pred, db = Σ 1 · ∂L/∂pred.",
    },
    "step_col_pred": {"en": "pred = w x + b", "ko": "pred = w x + b"},
    "step_col_error": {"en": "pred − y", "ko": "pred − y"},
    "step_col_value": {"en": "quantity", "ko": "항목"},
    "step_network_forward": {"en": "d = what goes into a unit (n of the layer below × W + b), n = what comes out (n = "
                                   "f(d); {activations}). x are the inputs, y the targets; the outputs are {outputs}.",
                             "ko": "d = 유닛으로 들어가는 것 (아래 층의 n × W + b), n = 유닛에서 나가는 것 (n = f(d); "
                                   "{activations}). x는 입력, y는 참값이며 출력은 {outputs}입니다."},
    "step_network_local": {
        "en": "From the output down: ∂L/∂n(ŷ) = 2(ŷ − y)/(N·K) is the output error; times f′(d) it becomes ∂L/∂d; "
              "through the weights it reaches the hidden units' ∂L/∂n. A weight's gradient is ∂L/∂d of the unit it "
              "enters times the n it multiplies, summed over the samples.",
        "ko": "출력부터 아래로: ∂L/∂n(ŷ) = 2(ŷ − y)/(N·K)가 출력 오차이고, 여기에 f′(d)를 곱하면 ∂L/∂d가 됩니다. "
              "이것이 가중치를 거쳐 은닉 유닛의 ∂L/∂n이 됩니다. 가중치의 그래디언트는 그 가중치가 들어가는 유닛의 "
              "∂L/∂d에 그 가중치가 곱하는 n을 곱해 모든 샘플에 대해 더한 값입니다.",
    },
    "step_network_update": {"en": "{count} weights and biases make a {count} × 1 gradient; each is multiplied by the "
                                  "learning rate {lr:g} and subtracted: new value = value − lr × gradient.",
                            "ko": "가중치와 편향 {count}개가 {count} × 1 그래디언트를 이룹니다. 각각에 학습률 {lr:g}를 "
                                  "곱해서 뺍니다: 새 값 = 값 − lr × 그래디언트."},
    "step_metric_loss": {"en": "Loss at epoch {epoch}", "ko": "에폭 {epoch}의 손실"},
    "step_epoch_row": {"en": "Epochs here are history rows: row {epoch}'s loss {loss:.4f} is the loss of the forward "
                             "pass before the update that gives row {next}.",
                       "ko": "여기서 에폭은 학습 기록의 행입니다: {epoch}행의 손실({loss:.4f})은 {next}행을 만드는 "
                             "업데이트 전의 순전파 손실입니다."},
    "step_note_epoch_unprinted": {
        "en": "Epochs here are history rows: row {epoch}'s loss {loss:.4f} is the loss bp.py computes in its epoch "
              "{note_epoch}, before that epoch's update; the note prints the loss only every 100 epochs "
              "(`Epoch [100/{epochs}]`, …), not this one.",
        "ko": "여기서 에폭은 학습 기록의 행입니다: {epoch}행의 손실({loss:.4f})은 bp.py가 {note_epoch}번째 에폭에서 "
              "업데이트 전에 계산하는 손실입니다. 강의는 손실을 100 에폭마다(`Epoch [100/{epochs}]`, …)만 "
              "출력하므로 이 값은 출력하지 않습니다."},
    "step_note_epoch": {"en": "Epochs here are history rows: row {epoch}'s loss {loss:.4f} is the loss bp.py computes "
                              "in its epoch {note_epoch}, before that epoch's update, and the note prints it as "
                              "`Epoch [{note_epoch}/{epochs}]`.",
                        "ko": "여기서 에폭은 학습 기록의 행입니다: {epoch}행의 손실({loss:.4f})은 bp.py가 "
                              "{note_epoch}번째 에폭에서 업데이트 전에 계산하는 손실이며, 강의는 이 값을 `Epoch "
                              "[{note_epoch}/{epochs}]`로 출력합니다."},
    "step_fprime": {"en": "The activation derivatives in the table: {formulas}. For example, {unit} of sample 0:",
                    "ko": "표의 활성화 함수 미분: {formulas}. 예를 들어 샘플 0의 {unit}:"},
    "step_metric_norm": {"en": "Gradient norm ‖g‖", "ko": "그래디언트 크기 ‖g‖"},
    "step_metric_lr": {"en": "Learning rate lr", "ko": "학습률 lr"},
    "step_col_before": {"en": "value", "ko": "값"},
    "step_col_gradient": {"en": "gradient g", "ko": "그래디언트 g"},
    "step_col_lr_gradient": {"en": "lr × g (lr = {lr:g})", "ko": "lr × g (lr = {lr:g})"},
    "step_col_after": {"en": "new value", "ko": "새 값"},
    "step_matches": {"en": "✓ Same as `train()`: this loss is the loss in row {loss_row} of its history, and the new "
                           "parameters are its row {row}, bit for bit.",
                     "ko": "✓ `train()`과 같습니다: 이 손실은 학습 기록 {loss_row}행의 손실이고, 새 파라미터는 "
                           "{row}행과 비트 단위로 같습니다."},
    "step_differs": {"en": "✗ This step differs from row {row} of train()'s history: please report it.",
                     "ko": "✗ 이 단계가 train() 기록의 {row}행과 다릅니다. 알려 주세요."},
    "teach_sample_short": {"en": "sample {number}", "ko": "샘플 {number}"},
}

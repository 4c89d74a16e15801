"""Texts of the notebooks a page hands out (ui/export/notebook.py) and of their download buttons."""

TEXTS: dict[str, dict[str, str]] = {
    "nb_intro": {"en": "This notebook reproduces the page's run with bp_core, with the same settings. Run it top to "
                       "bottom: it prints the figures the page shows, to the same digits (the timings are measured "
                       "again, on your machine).",
                 "ko": "이 노트북은 같은 설정으로 bp_core를 불러 페이지의 실행을 그대로 재현합니다. 위에서부터 "
                       "차례로 실행하면 페이지에 보이는 숫자를 같은 자릿수로 출력합니다(시간은 내 컴퓨터에서 다시 "
                       "잽니다)."},
    "nb_learning_rate": {"en": "learning rate", "ko": "학습률"},
    "nb_epochs": {"en": "epochs", "ko": "에폭 수"},
    "nb_epoch": {"en": "the step from epoch", "ko": "보여 주는 단계의 에폭"},
    "nb_download_lecture": {"en": "Open the lecture as a notebook (.ipynb)", "ko": "강의를 노트북으로 열기 (.ipynb)"},
    "nb_lecture_help": {"en": "A Jupyter notebook of the note's eight sections in its order, Korean and English side "
                              "by side, that runs both programs as shown here and prints, beside their output, what "
                              "the note printed for bp.py (the note prints no losses, w or b for bp_pytorch.py).",
                        "ko": "강의의 여덟 부분을 순서대로 담은 Jupyter 노트북입니다. 한국어와 영어를 나란히 두고, "
                              "여기 보이는 두 프로그램을 실행해 그 출력 옆에 강의가 bp.py에 대해 출력한 값을 보여 "
                              "줍니다(bp_pytorch.py의 손실, w, b는 강의에 없습니다)."},
    "nb_rates": {"en": "number of learning rates",
                 "ko": "학습률 개수"},
    "nb_points": {"en": "points (x, y)", "ko": "점 (x, y)"},
    "nb_figures": {"en": "## The figures the page shows", "ko": "## 페이지에 보이는 숫자"},
    "nb_formulas": {"en": "## Your formulas, checked against autograd",
                    "ko": "## 내가 쓴 식, 자동 미분과 비교"},
    "nb_download": {"en": "Open as a notebook (.ipynb)", "ko": "노트북으로 열기 (.ipynb)"},
    "nb_download_help": {"en": "A Jupyter notebook that reproduces this run with bp_core: the same calls, the same "
                               "printed figures, the same charts.",
                         "ko": "이 실행을 bp_core로 재현하는 Jupyter 노트북: 같은 호출, 같은 숫자, 같은 차트."},
    "chain_sum_short": {"en": "Sum of the path products", "ko": "경로 곱의 합"},
    "nb_lecture_intro": {"en": "The note's eight sections in its order, each with its computation in bp_core. Run it "
                               "top to bottom in a kernel where `pip install .` put bp_core.",
                         "ko": "강의의 여덟 부분을 순서대로, 부분마다 bp_core로 계산합니다. `pip install .`로 "
                               "bp_core를 설치한 커널에서 위에서부터 차례로 실행하세요."},
}

"""Texts of the Scaling page (pages/scaling.py, ui/views/scaling_view.py, ui/charts/scaling.py)."""

TEXTS: dict[str, dict[str, str]] = {
    "scaling_title": {"en": "Where the two methods really differ: as the work grows",
                      "ko": "두 방법이 실제로 달라지는 곳: 데이터와 신경망이 커질 때"},
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
    "scaling_bad_points": {"en": "The number of sizes must be a whole number from 1 to {cap}; you entered {value}.",
                           "ko": "크기 수는 1 – {cap} 사이의 정수여야 합니다. 입력값: {value}."},
    "scaling_run": {"en": "Measure here", "ko": "여기서 측정"},
    "scaling_shipped": {"en": "Measured with `make scaling` on {machine}, {date} ({threads} torch thread(s), device "
                              "{device}); peak RSS from {repeats} new processes per point and method, each forked "
                              "from one warm process that had imported torch, so they start from the same state "
                              "and their figures agree closely.",
                        "ko": "`make scaling`으로 {machine}에서 {date}에 측정 (torch 스레드 {threads}개, 장치 "
                              "{device}); 최대 RSS는 점과 방법마다 새 프로세스 {repeats}개에서 측정 (torch를 "
                              "미리 불러온 프로세스 하나에서 갈라져 나와 같은 상태에서 시작하므로 값이 거의 "
                              "같음)."},
    "scaling_live": {"en": "Measured live on this server just now: time per epoch and tensor bytes. Peak RSS needs a "
                           "fresh process per run, so it comes from the shipped table only.",
                     "ko": "방금 이 서버에서 실시간 측정: 에폭당 시간과 텐서 바이트. 최대 RSS는 실행마다 새 "
                           "프로세스가 필요해 함께 배포된 측정표에서만 보여 줍니다."},
    "scaling_progress": {"en": "Measuring {label} ({done}/{total})", "ko": "측정 중: {label} ({done}/{total})"},
    "scaling_show_shipped": {"en": "Show the shipped table again", "ko": "배포된 측정표 다시 보기"},
    "scaling_no_table": {"en": "No shipped table yet: run `make scaling`, or measure here.",
                         "ko": "배포된 측정표가 아직 없습니다: `make scaling`을 실행하거나 여기서 측정하세요."},
    "scaling_chart_time": {"en": "Time per epoch (median; band 25th-75th pct.)",
                           "ko": "에폭당 시간 (중앙값; 띠는 25–75 백분위)"},
    "scaling_chart_memory": {"en": "Bytes kept for the backward pass", "ko": "역전파를 위해 보관한 바이트"},
    "scaling_chart_rss": {"en": "Peak RSS Δ, a new process per run (median of the runs)",
                          "ko": "최대 RSS 증가, 새 프로세스 (실행들의 중앙값)"},
    "scaling_chart_ratio": {"en": "autograd / manual", "ko": "자동 미분 / 직접 미분"},
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
                              "(only what its chain rule reads: the input and one value per unit and sample): manual "
                              "/ autograd = {memory_ratio:.2f}. Per epoch autograd takes {auto_time} and the "
                              "hand-derived version {manual_time}: autograd / manual = {time_ratio:.2f}.",
                        "ko": "{model}, {size}: 자동 미분은 역전파를 위해 {auto}를 보관하고 (그래프가 입력, 모든 층의 "
                              "출력, 참값을 저장), 직접 미분한 역전파는 {manual}를 보관합니다 (연쇄 법칙이 읽는 것만: "
                              "입력과, 샘플과 유닛마다 값 하나): 직접 미분 / 자동 미분 = {memory_ratio:.2f}. 에폭당 "
                              "자동 미분은 {auto_time}, 직접 미분은 {manual_time} 걸립니다: 자동 미분 / 직접 미분 = "
                              "{time_ratio:.2f}."},
    "scaling_reading_rss": {"en": "Peak RSS Δ in a new process there: autograd {auto:.1f} MiB (range {auto_low:.1f} "
                                  "to {auto_high:.1f}), the hand-derived version {manual:.1f} MiB ({manual_low:.1f} "
                                  "to {manual_high:.1f}): {verdict}.",
                            "ko": "그때 새 프로세스의 최대 RSS 증가: 자동 미분 {auto:.1f} MiB (범위 {auto_low:.1f}–"
                                  "{auto_high:.1f}), 직접 미분 {manual:.1f} MiB ({manual_low:.1f}–"
                                  "{manual_high:.1f}): {verdict}."},
    "scaling_resolvable": {"en": "a resolvable difference (the ranges do not overlap)",
                           "ko": "구별 가능한 차이 (범위가 겹치지 않음)"},
    "scaling_not_resolvable": {"en": "not resolvable (the ranges overlap or differ by less than {res:g} MiB)",
                               "ko": "구별 불가 (범위가 겹치거나 차이가 {res:g} MiB 미만)"},
    "scaling_family_line": {"en": "line", "ko": "직선"},
}

"""Texts of the Compare page's memory section (ui/views/memory_view.py): tensor bytes and peak RSS per method."""

TEXTS: dict[str, dict[str, str]] = {
    "memory_tensor_line": {"en": "**{method}**: {counted:,} bytes of tensors, counted in this run (analytic count from "
                                 "the shapes: {analytic:,}); {saved:,} of them kept for the backward pass.",
                           "ko": "**{method}**: 이번 실행에서 센 텐서 {counted:,} 바이트 (모양으로 계산한 값: "
                                 "{analytic:,}); 그중 {saved:,} 바이트를 역전파를 위해 보관."},
    "memory_tensor_source": {"en": "Tensor bytes: counted from the tensors themselves (parameters, gradients, what the "
                                   "backward pass reads, optimizer state) and computed from the shapes. Exact, and the "
                                   "same on every run, whoever else uses this server.",
                             "ko": "텐서 바이트: 텐서 자체에서 센 값 (파라미터, 그래디언트, 역전파가 읽는 텐서, "
                                   "옵티마이저 "
                                   "상태)과 모양으로 계산한 값. 정확하며, 누가 이 서버를 함께 쓰든 매번 같습니다."},
    "memory_rss_not_shown": {
        "en": "Peak RSS per method is not shown here: measured inside this shared server it would also "
              "hold other learners' work. Press the button to measure it in fresh processes, or open the "
              "Scaling page, where the difference between the methods appears as data and model grow.",
        "ko": "방법별 최대 RSS는 여기 보이지 않습니다: 여럿이 함께 쓰는 이 서버 안에서 재면 다른 학습자의 "
              "작업까지 섞입니다. 버튼을 눌러 새 프로세스에서 재거나, 데이터와 모델이 커질 때 차이가 "
              "드러나는 크기 늘리기 페이지를 보세요.",
    },
    "memory_rss_line": {"en": "Peak RSS Δ, {method}: {median:.2f} MiB (range {low:.2f} to {high:.2f})",
                        "ko": "최대 RSS 증가, {method}: {median:.2f} MiB (범위 {low:.2f} – {high:.2f})"},
    "memory_rss_source_table": {
        "en": "Source: the shipped scaling-study table ({machine}, {date}): a new process per run, forked "
              "from one that had imported torch, {repeats} runs per method, {epochs} epochs each, this model "
              "and data size.",
        "ko": "출처: 함께 배포된 크기 늘리기 측정표 ({machine}, {date}): 실행마다 torch를 미리 불러온 "
              "프로세스에서 갈라져 나온 새 프로세스, 방법마다 {repeats}회, 각 {epochs} 에폭, 같은 모델과 "
              "데이터 크기.",
    },
    "memory_rss_source_measured": {
        "en": "Source: measured just now on this server, a fresh Python process per run, {repeats} "
              "runs per method, {epochs} epochs each.",
        "ko": "출처: 방금 이 서버에서 측정, 실행마다 새 Python 프로세스, 방법마다 {repeats}회, "
              "각 {epochs} 에폭.",
    },
    "memory_rss_resolvable": {
        "en": "Resolvable: {larger} used {difference:.2f} MiB more than {smaller}, and the ranges of "
              "the runs do not overlap.",
        "ko": "구별 가능: {larger}이(가) {smaller}보다 {difference:.2f} MiB 더 썼고, 실행들의 범위가 "
              "겹치지 않습니다.",
    },
    "memory_rss_not_resolvable": {
        "en": "Not resolvable: the runs' ranges overlap or the medians differ by less than {res:g} "
              "MiB, so RSS cannot tell the two methods apart here. The tensor bytes above can.",
        "ko": "구별 불가: 실행들의 범위가 겹치거나 중앙값 차이가 {res:g} MiB보다 작아, 여기서는 "
              "RSS로 두 방법을 구별할 수 없습니다. 위의 텐서 바이트는 구별합니다.",
    },
    "memory_measure_button": {"en": "Measure peak RSS in fresh processes", "ko": "새 프로세스에서 최대 RSS 측정"},
    "memory_measure_help": {"en": "Starts a new Python process per run (about 300 MB each, two at a time), 3 runs per "
                                  "method; takes 20 to 60 s.",
                            "ko": "실행마다 새 Python 프로세스를 띄웁니다 (각 약 300 MB, 동시에 둘), 방법마다 3회; "
                                  "20–60초 걸립니다."},
    "memory_measure_refused": {
        "en": "Not measured: the server has {available:.0f} MiB free and the measurement needs about "
              "{needed:.0f} MiB. The tensor bytes above are exact; the Scaling page shows RSS measured "
              "in fresh processes elsewhere.",
        "ko": "측정하지 않았습니다: 서버의 여유 메모리는 {available:.0f} MiB이고 측정에는 약 "
              "{needed:.0f} MiB가 필요합니다. 위의 텐서 바이트는 정확하며, 크기 늘리기 페이지에서 다른 "
              "곳에서 새 프로세스로 잰 RSS를 볼 수 있습니다.",
    },
    "memory_measuring": {"en": "Measuring in fresh processes…", "ko": "새 프로세스에서 측정 중…"},
}

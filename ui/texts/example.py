"""Texts of the extra-example page (pages/lecture_example.py, ui/views/example_view.py): the note's two programs, what
the note printed, and the same programs run on this machine, reconciled figure by figure."""

TEXTS: dict[str, dict[str, str]] = {
    "example_title": {"en": "The extra example: the note's two programs, run here",
                      "ko": "추가 예제: 강의의 두 프로그램을 여기서 실행"},
    "example_intro": {"en": "The note ends by fitting y = 2x + 1 on x = 1, 2, 3, 4 twice, from w = b = 0 with "
                            "learning rate 0.01 for 1000 epochs: bp.py writes dw and db by hand, bp_pytorch.py lets "
                            "autograd find them (MSELoss, SGD, backward). Both programs' statements are below in the "
                            "note's order (without its comments, `@profile` and timer), then what the note printed "
                            "beside the same programs run on this machine.",
                      "ko": "강의는 마지막에 x = 1, 2, 3, 4 위에서 y = 2x + 1을 두 번 학습합니다. w = b = 0에서 "
                            "학습률 0.01로 1000 에폭: bp.py는 dw와 db를 직접 미분해 쓰고, bp_pytorch.py는 자동 미분에 "
                            "맡깁니다 (MSELoss, SGD, backward). 아래에 두 프로그램의 코드를 강의의 순서대로 (주석, "
                            "`@profile`, 시간 측정 없이) 싣고, 강의가 출력한 값과 같은 프로그램을 이 컴퓨터에서 "
                            "실행한 값을 나란히 놓습니다."},
    "example_epochs": {"en": "**How epochs are counted.** The note's `Epoch [k/1000], Loss: …` line shows the loss of "
                             "the k-th forward pass, computed before that epoch's update (the print itself comes "
                             "after the update), so that loss belongs to history row k − 1 here (row 0 is the start, "
                             "w = b = 0). The note's Epoch [100/1000] loss {note} is row 99, {row99:.6f}; row 100, "
                             "{row100:.6f}, is one update later. The step page counts rows the same way.",
                       "ko": "**에폭을 세는 법.** 강의의 `Epoch [k/1000], Loss: …` 줄의 손실은 k번째 순전파에서 그 "
                             "에폭의 업데이트 전에 계산한 값입니다(출력은 업데이트 뒤에 합니다). 그래서 그 손실은 "
                             "여기서 기록의 k − 1번째 행입니다 (0행이 출발점, w = b = 0). 강의의 Epoch [100/1000] "
                             "손실 {note}은(는) 99행 {row99:.6f}이고, 100행 {row100:.6f}은(는) 업데이트를 한 번 더 한 "
                             "뒤입니다. '학습 한 단계, 직접 계산' 페이지도 행을 같은 방식으로 셉니다."},
    "example_code_title": {"en": "The two programs, statement for statement",
                           "ko": "두 프로그램, 강의 코드의 각 줄 그대로 (주석 제외)"},
    "example_code_caption": {"en": "The note's statements in its order, from `bp_core.lecture` (bp.py and "
                                   "bp_pytorch.py), shown without comments: the note's own Korean comments are not "
                                   "reproduced here. The note decorates `main` with memory_profiler's `@profile` and "
                                   "starts its timer at module level; here both are applied from outside, so the "
                                   "statements of `main` are the note's.",
                             "ko": "강의 코드의 각 줄을 강의 순서대로 `bp_core.lecture`(bp.py, bp_pytorch.py)에서 "
                                   "가져와 주석 없이 보여 줍니다. 강의의 한국어 주석은 여기에 옮기지 않았습니다. "
                                   "강의는 `main`에 memory_profiler의 `@profile`을 붙이고 모듈 수준에서 시간을 재기 "
                                   "시작합니다. 여기서는 둘 다 바깥에서 적용하므로 `main`의 문장은 강의 그대로입니다."},
    "example_run": {"en": "Run both programs here", "ko": "두 프로그램을 여기서 실행"},
    "example_run_help": {"en": "Each program runs three times: once untraced to warm up, once under memory_profiler's "
                               "line tracer (as the note ran it), once untraced and timed. Then bp_core's two "
                               "trainers run the same 1000 epochs. A few seconds; one result is shared by everyone.",
                         "ko": "각 프로그램을 세 번 실행합니다: 준비로 추적 없이 한 번, 강의처럼 memory_profiler의 줄 "
                               "단위 추적으로 한 번, 추적 없이 시간을 재며 한 번. 그다음 bp_core의 두 학습기로 같은 "
                               "1000 에폭을 실행합니다. 몇 초 걸리며, 결과는 모든 사용자가 함께 씁니다."},
    "example_running": {"en": "Running the note's programs: {done} of {total} done ...",
                        "ko": "강의 프로그램 실행 중: {total}개 중 {done}개 끝남 ..."},
    "example_not_run": {"en": "Press **Run both programs here** to set this machine's figures beside the note's.",
                        "ko": "**두 프로그램을 여기서 실행**을 누르면 이 컴퓨터의 값이 강의의 값 옆에 놓입니다."},
    "example_error": {"en": "The programs could not be run ({error}). Try again.",
                      "ko": "프로그램을 실행하지 못했습니다 ({error}). 다시 시도해 보세요."},
    "example_printed_title": {"en": "What each program printed", "ko": "각 프로그램이 출력한 것"},
    "example_note": {"en": "The note", "ko": "강의"},
    "example_here": {"en": "This machine", "ko": "이 컴퓨터"},
    "example_here_time": {"en": "The last line here is `main()`'s time under the tracer, as the note's script "
                                "measures it.",
                          "ko": "여기의 마지막 줄은 추적기 아래에서 잰 `main()`의 시간으로, 강의의 스크립트가 재는 "
                                "방식과 같습니다."},
    "example_same_final": {"en": "{program}: {matches} of the note's 10 printed losses read the same here, digit for "
                                 "digit, and w and b are the note's exactly.",
                           "ko": "{program}: 강의가 출력한 손실 10개 중 {matches}개가 여기서도 자리마다 같고, w와 "
                                 "b는 강의 값과 정확히 같습니다."},
    "example_other_final": {"en": "{program}: {matches} of the note's 10 printed losses read the same here, digit for "
                                  "digit; here it ends {w_steps} float32 step(s) from the note's w and {b_steps} from "
                                  "its b.",
                            "ko": "{program}: 강의가 출력한 손실 10개 중 {matches}개가 여기서도 자리마다 같습니다. "
                                  "여기서는 강의의 w에서 float32 간격 {w_steps}칸, b에서 {b_steps}칸 떨어져 끝납니다."},
    "example_same_as_bp": {"en": "{program}: the note prints no losses, w or b for this program (only its run time "
                                 "and its memory table). Here it prints {matches} of bp.py's 10 losses from the note, "
                                 "digit for digit, and ends at bp.py's printed w and b exactly.",
                           "ko": "{program}: 강의는 이 프로그램의 손실, w, b를 출력하지 않았습니다 (실행 시간과 메모리 "
                                 "표만 있습니다). 여기서는 강의에 있는 bp.py의 손실 10개 중 {matches}개를 자리마다 "
                                 "같게 출력하고, bp.py가 출력한 w와 b에서 정확히 끝납니다."},
    "example_other_than_bp": {"en": "{program}: the note prints no losses, w or b for this program (only its run time "
                                    "and its memory table), so it is compared here with bp.py's printed values: "
                                    "{matches} of bp.py's 10 losses read the same, digit for digit, and this run ends "
                                    "{w_steps} float32 step(s) from bp.py's w and {b_steps} from its b. The gradient "
                                    "and the update are the same arithmetic in a different order of float32 operations "
                                    "(MSELoss and autograd's backward, SGD's step), so the last digits round "
                                    "differently.",
                              "ko": "{program}: 강의는 이 프로그램의 손실, w, b를 출력하지 않았습니다 (실행 시간과 "
                                    "메모리 표만 있습니다). 그래서 여기서는 bp.py가 출력한 값과 비교합니다: bp.py의 "
                                    "손실 10개 중 {matches}개가 자리마다 같고, 이 실행은 bp.py의 w에서 float32 간격 "
                                    "{w_steps}칸, b에서 {b_steps}칸 떨어져 끝납니다. 그래디언트와 업데이트는 같은 "
                                    "계산이지만 float32 연산의 순서가 달라서 (MSELoss와 자동 미분의 backward, SGD의 "
                                    "step) 마지막 자리의 반올림이 달라집니다."},
    "example_time_title": {"en": "Run time: the note's figure and three of this machine's",
                           "ko": "실행 시간: 강의의 값과 이 컴퓨터의 세 가지 값"},
    "example_col_program": {"en": "program", "ko": "프로그램"},
    "example_col_note": {"en": "the note: main() traced (s)", "ko": "강의: 추적한 main() (초)"},
    "example_col_traced": {"en": "here: main() traced (s)", "ko": "여기: 추적한 main() (초)"},
    "example_col_untraced": {"en": "here: main() untraced (s)", "ko": "여기: 추적 없는 main() (초)"},
    "example_col_per_epoch": {"en": "here: bp_core, one epoch, median (µs)",
                              "ko": "여기: bp_core 한 에폭 중앙값 (µs)"},
    "example_ratio_row": {"en": "autograd / by hand", "ko": "자동 미분 / 직접 미분"},
    "example_ratios": {"en": "autograd / by hand: the note {note:.2f}; here traced {traced:.2f}, untraced "
                             "{untraced:.2f}, and {per_epoch:.2f} for one epoch of bp_core's trainers (the Compare "
                             "page's figure). Above 1, the by-hand program is the faster.",
                       "ko": "자동 미분 / 직접 미분: 강의 {note:.2f}, 여기서는 추적 {traced:.2f}, 추적 없이 "
                             "{untraced:.2f}, bp_core 학습기의 한 에폭 {per_epoch:.2f} (비교 페이지의 값). 1보다 "
                             "크면 직접 미분 프로그램이 더 빠릅니다."},
    "example_why_tracer": {"en": "**The tracer.** memory_profiler stops at every line and reads the process's memory "
                                 "at each line of the loop. Here it added {manual_extra:.2f} s to bp.py and "
                                 "{autograd_extra:.2f} s to bp_pytorch.py. With that much added to both, "
                                 "{direction} ({traced:.2f} traced, {untraced:.2f} untraced). The note's 1.26 is "
                                 "a traced ratio.",
                           "ko": "**추적기.** memory_profiler는 줄마다 멈추고, 반복문의 줄마다 프로세스 메모리를 "
                                 "읽습니다. 여기서 그 비용은 bp.py에 {manual_extra:.2f}초, bp_pytorch.py에 "
                                 "{autograd_extra:.2f}초였습니다. 두 프로그램 모두에 그만큼 더해지면 {direction} "
                                 "(추적 {traced:.2f}, 추적 없이 {untraced:.2f}). 강의의 1.26은 추적한 비율입니다."},
    "example_toward_one": {"en": "the ratio moves toward 1", "ko": "비율이 1 쪽으로 다가갑니다"},
    "example_away_from_one": {"en": "the ratio still moves away from 1 here", "ko": "여기서는 비율이 오히려 1에서 "
                                                                                 "멀어집니다"},
    "example_why_graph": {"en": "**The graph bp.py records.** Its w and b require grad although it never calls "
                                "backward, so every forward pass still builds autograd's graph. bp_core's by-hand "
                                "trainer runs under `torch.no_grad()` with no graph, no printing and no tracer: per "
                                "epoch, autograd / by hand is {per_epoch:.2f} there, against {untraced:.2f} for the "
                                "note's two programs untraced.",
                          "ko": "**bp.py가 기록하는 그래프.** w와 b가 requires_grad이므로 backward를 부르지 않아도 "
                                "순전파마다 자동 미분의 그래프가 만들어집니다. bp_core의 직접 미분 학습기는 "
                                "`torch.no_grad()` 아래에서 그래프도, 출력도, 추적기도 없이 돕니다: 에폭당 자동 미분 / "
                                "직접 미분은 {per_epoch:.2f}이고, 강의의 두 프로그램을 추적 없이 돌리면 "
                                "{untraced:.2f}입니다."},
    "example_why_startup": {"en": "**Start-up.** With the torch used here, the first `torch.optim.SGD` in a process "
                                  "imports torch._dynamo. The note's programs are separate scripts, so if its torch "
                                  "did the same, bp_pytorch.py's 1.1261 s includes that import. Here a warm-up run "
                                  "paid it before the timed runs: the warm-up grew memory by {autograd_warmup:.1f} "
                                  "MiB for bp_pytorch.py against {manual_warmup:.1f} MiB for bp.py.",
                            "ko": "**시작 비용.** 여기서 쓰는 torch에서는 프로세스에서 처음 만드는 "
                                  "`torch.optim.SGD`가 torch._dynamo를 불러옵니다. 강의의 두 프로그램은 따로 실행하는 "
                                  "스크립트이므로, 강의의 torch도 그랬다면 bp_pytorch.py의 1.1261초에 이 비용이 들어 "
                                  "있습니다. 여기서는 준비 실행이 시간을 재기 전에 치렀고, 그때 메모리가 "
                                  "bp_pytorch.py는 {autograd_warmup:.1f} MiB, bp.py는 {manual_warmup:.1f} MiB "
                                  "늘었습니다."},
    "example_why_startup_preloaded": {
        "en": "**Start-up.** With the torch used here, the first `torch.optim.SGD` in a process imports torch._dynamo. "
              "The note's programs are separate scripts, so if its torch did the same, bp_pytorch.py's 1.1261 s "
              "includes that import. This server had imported it before these runs (when it started), so neither "
              "run here paid it: the warm-up grew memory by {autograd_warmup:.1f} MiB for bp_pytorch.py against "
              "{manual_warmup:.1f} MiB for bp.py.",
        "ko": "**시작 비용.** 여기서 쓰는 torch에서는 프로세스에서 처음 만드는 `torch.optim.SGD`가 torch._dynamo를 "
              "불러옵니다. 강의의 두 프로그램은 따로 실행하는 스크립트이므로, 강의의 torch도 그랬다면 "
              "bp_pytorch.py의 1.1261초에 이 비용이 들어 있습니다. 이 서버는 이번 실행 전에 (시작할 때) 이미 "
              "불러왔으므로 여기서는 어느 실행도 이 비용을 치르지 않았습니다: 준비 실행에서 메모리가 "
              "bp_pytorch.py는 {autograd_warmup:.1f} MiB, bp.py는 {manual_warmup:.1f} MiB 늘었습니다."},
    "example_why_timed": {"en": "**What is timed.** The note's figure and the traced and untraced columns are the "
                                "whole `main()`: 1000 epochs, the ten prints and the final lines. The last column "
                                "is one epoch of bp_core's trainers, the median of 1000, with nothing else.",
                          "ko": "**무엇을 재는가.** 강의의 값과 추적/추적 없음 열은 `main()` 전체입니다: 1000 에폭, "
                                "10번의 출력, 마지막 줄까지. 마지막 열은 bp_core 학습기의 한 에폭이며, 1000 에폭의 "
                                "중앙값이고 다른 것은 들어 있지 않습니다."},
    "example_memory_title": {"en": "Memory: the note's tables beside this machine's",
                             "ko": "메모리: 강의의 표와 이 컴퓨터의 표"},
    "example_memory_caption": {"en": "The rows of the note's memory_profiler tables that grow or repeat, each beside "
                                     "the same line here (MiB; Occurrences: times the line ran).",
                               "ko": "강의의 memory_profiler 표에서 늘어나거나 반복되는 줄을 여기의 같은 줄 옆에 "
                                     "놓았습니다 (MiB; Occurrences: 그 줄이 실행된 횟수)."},
    "example_whole_tables": {"en": "This machine's whole tables, line by line (highlighted: an Increment above "
                                   "0.0 MiB)",
                             "ko": "이 컴퓨터의 전체 표, 줄 단위 (강조: Increment가 0.0 MiB보다 큰 줄)"},
    "example_col_source_line": {"en": "line", "ko": "줄"},
    "example_col_note_mem": {"en": "note: Mem usage", "ko": "강의: Mem usage"},
    "example_col_note_increment": {"en": "note: Increment", "ko": "강의: Increment"},
    "example_col_note_occurrences": {"en": "note: Occurrences", "ko": "강의: Occurrences"},
    "example_col_here_mem": {"en": "here: Mem usage", "ko": "여기: Mem usage"},
    "example_col_here_increment": {"en": "here: Increment", "ko": "여기: Increment"},
    "example_col_here_occurrences": {"en": "here: Occurrences", "ko": "여기: Occurrences"},
    "example_why_baseline": {"en": "**The first row** is the whole process when `main()` starts: {note_base} MiB in "
                                   "the note (Python with torch loaded), {here_base} MiB here (this server's "
                                   "process, with Streamlit, pandas and Altair loaded beside torch).",
                             "ko": "**첫 줄**은 `main()`이 시작할 때 프로세스 전체의 메모리입니다: 강의는 "
                                   "{note_base} MiB (torch를 불러온 Python), 여기는 {here_base} MiB (torch와 함께 "
                                   "Streamlit, pandas, Altair를 불러온 이 서버의 프로세스)."},
    "example_why_increments": {"en": "**Increments.** The note's loop lines grew by {note_increments} MiB: first-time "
                                     "allocations in a fresh process (the allocator's first blocks, autograd's first "
                                     "graph, for bp_pytorch.py the first backward). Here the largest loop increment "
                                     "is {here_largest} MiB, because the untraced warm-up run took those one-time "
                                     "costs first; these tensors are a few bytes while memory moves in pages of 4 KiB "
                                     "and more.",
                               "ko": "**증가량(Increment).** 강의의 반복문 줄은 {note_increments} MiB 늘었습니다: 새 "
                                     "프로세스에서 처음 하는 할당입니다 (할당자의 첫 블록, 자동 미분의 첫 그래프, "
                                     "bp_pytorch.py는 첫 backward). 여기서 반복문 줄의 가장 큰 Increment는 "
                                     "{here_largest} MiB인데, 추적 없는 준비 실행이 그 1회성 비용을 먼저 치렀기 "
                                     "때문입니다. 이 텐서들은 몇 바이트인데 메모리는 4 KiB 이상의 페이지 단위로 "
                                     "움직입니다."},
    "example_why_freed": {"en": "**Negative increments.** memory_profiler's Increment adds up, each time a line runs, "
                                "the process's memory (RSS) read there minus the highest reading of the line traced "
                                "before it. {count} line(s) here read below zero, down to {smallest} MiB ({lines}): "
                                "the allocator had handed pages back to the system, so the process was smaller there "
                                "than at an earlier peak. It measures the whole process, not the line's own tensors.",
                          "ko": "**음수 증가량(Increment).** memory_profiler의 Increment는 한 줄이 실행될 때마다, 그 "
                                "줄에서 읽은 프로세스 메모리(RSS)에서 바로 앞에 추적한 줄의 가장 높은 값을 뺀 것을 "
                                "더합니다. 여기서 {count}개 줄이 0보다 작고 가장 작은 값은 {smallest} MiB입니다 "
                                "({lines}): 할당자가 페이지를 시스템에 돌려주어 프로세스가 앞선 최고점보다 "
                                "작아졌습니다. 이 값은 그 줄의 텐서가 아니라 프로세스 전체를 잽니다."},
    "example_why_with": {"en": "**Occurrences.** The note counts `with torch.no_grad():` {note_with} times; Python "
                               "3.11 here reports that line when the block is entered and again when it exits: "
                               "{here_with}.",
                         "ko": "**실행 횟수(Occurrences).** 강의는 `with torch.no_grad():`를 {note_with}번 셉니다. "
                               "여기의 Python 3.11은 블록에 들어갈 때와 나올 때 그 줄을 한 번씩 알리므로 "
                               "{here_with}번입니다."},
    "example_others_same": {"en": "Every other line in these tables runs as often as in the note.",
                            "ko": "이 표의 다른 줄은 모두 강의와 같은 횟수만큼 실행됩니다."},
    "example_other_lines_differ": {"en": "Lines whose count differs from the note's: {lines}.",
                                   "ko": "강의와 횟수가 다른 줄: {lines}."},
    "example_compare_link": {"en": "The same training in bp_core's trainers, with charts: Compare",
                             "ko": "같은 학습을 bp_core의 학습기로, 차트와 함께: 비교"},
}

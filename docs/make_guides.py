"""Write the user guides ``docs/guide.vi.md`` and ``docs/guide.en.md`` (and the README's example) with
real tool output.

    python docs/make_guides.py           # regenerate both guides
    python docs/make_guides.py --check   # exit 1 and name the stale guide when a committed one differs

Each chapter is a worked example on a bundled fixture: the prose is written here, the output under
each command is what ``isocheck`` prints now (run in-process from the repository root), so the guides
cannot go stale — ``tests/test_guides.py`` runs ``--check`` in CI.
"""

from __future__ import annotations

import argparse
import os
import shlex
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GUIDES = {"vi": ROOT / "docs" / "guide.vi.md", "en": ROOT / "docs" / "guide.en.md"}

# (kind, text) blocks: "md" is prose, "run" a command whose output is embedded, "show" a command shown
# without output (it writes the reader's own files). Commands run with the repository as cwd.
CHAPTERS: dict[str, list[tuple[str, str]]] = {
    "vi": [
        (
            "md",
            """# Hướng dẫn sử dụng isocheck

isocheck kiểm tra Hệ thống quản lý chất lượng (HTQLCL) theo TCVN ISO 9001 của cơ quan hành chính nhà nước
theo Quyết định 19/2014/QĐ-TTg và Thông tư 26/2014/TT-BKHCN. Hướng dẫn gồm bốn việc: kiểm tra trước khi
công bố, tự đánh giá hằng năm (có chấm điểm), tổng hợp cả tỉnh, và giải thích một điểm không phù hợp cho
chuyên gia đánh giá. Mọi kết quả dưới đây là đầu ra thật của công cụ trên các tệp mẫu trong `fixtures/`
(tệp này được tạo bằng `python docs/make_guides.py`; CI báo lỗi nếu đầu ra thay đổi mà hướng dẫn chưa cập nhật).

## 0. Bắt đầu: tạo tệp dữ liệu của cơ quan

Thư ký ISO tạo tệp mẫu có chú thích tiếng Việt cho từng trường, điền thông tin của cơ quan rồi kiểm tra.
Trường nào bỏ trống (xóa đi) nghĩa là *chưa biết* — quy tắc cần nó sẽ báo "không đánh giá được";
ghi `null` hoặc `[]` nghĩa là *không có*. Xem đầy đủ các trường trong [docs/facts.md](facts.md).""",
        ),
        ("show", "isocheck init --level commune --lang vi -o ubnd-xa-cua-toi.yaml"),
        ("show", "isocheck check ubnd-xa-cua-toi.yaml --lang vi"),
        (
            "md",
            """Mã thoát: `0` không có điểm không phù hợp từ mức `--fail-on` (mặc định: nhẹ) trở lên; `1` có điểm
không phù hợp, quy tắc bị lỗi, hoặc kết luận kiểm tra trước công bố là CHƯA ĐỦ ĐIỀU KIỆN (kể cả khi chỉ vì
thiếu thông tin); `2` dữ liệu vào sai (thông báo một dòng, nêu tệp, dòng, trường). Mặc định mọi lệnh nói
tiếng Việt; `ISOCHECK_LANG=en` hoặc tệp `isocheck.toml` trong thư mục làm việc (`lang`, `overlay`, `profile`)
đổi mặc định, `--lang` trên dòng lệnh luôn được ưu tiên.

Không quen viết YAML? `isocheck serve` mở một trang web trên chính máy của mình: biểu mẫu có đủ mọi
trường (ý nghĩa và ví dụ ngay bên cạnh), ngày nhập dạng dd/mm/yyyy, các danh sách (TTHC, văn bản, đánh giá
nội bộ, xem xét của lãnh đạo, công bố…) là các bảng thêm/xóa dòng được. Kết quả kiểm tra hiện ngay bên phải
khi gõ: kết luận, từng điểm không phù hợp với căn cứ pháp lý, giải thích và việc cần làm để đạt; lỗi nhập
hiện ngay dưới ô. Bấm **Lưu** để ghi tệp (chỉ khi không còn lỗi; **Lưu bản nháp** ghi cả khi còn lỗi); tệp
giữ nguyên chú thích và cách trình bày, mở rồi lưu mà không sửa thì tệp không đổi một byte. Các nút tải về
cho báo cáo HTML và biên bản kiểm tra (Word) theo thông tin đang nhập. Trang chỉ mở trên máy này
(127.0.0.1), chỉ đọc và ghi tệp `.yaml` trong thư mục được chỉ định; `--catalogue` nạp danh mục TTHC của
tỉnh (CSV/XLSX có cột mã, tên, lĩnh vực) để chọn TTHC theo mã hoặc tên.

![Biểu mẫu và kết quả kiểm tra](serve-form.png)

![Thêm TTHC từ danh mục: điểm không phù hợp mới bên phải, lỗi ngày ngay dưới ô](serve-result.png)""",
        ),
        ("show", "isocheck serve ho-so-iso --catalogue danh-muc-tthc.xlsx"),
        (
            "md",
            """## 1. Kiểm tra trước khi công bố

Xã Thạch Hạ (tệp mẫu) muốn công bố HTQLCL vào cuối năm 2021. Kiểm tra ngày 16/11/2021 với phạm vi
`pre-announcement`; với `--announce-on`, các điều kiện trước khi công bố được xét đến ngày dự kiến công bố
và báo cáo liệt kê thêm các nghĩa vụ đến hạn trước ngày đó. Kết luận nằm ngay đầu báo cáo; các điểm cản trở việc công bố xếp trước (điểm không phù hợp nặng, rồi nhẹ; TTHC
chưa có quy trình nội bộ được nhóm theo lĩnh vực).""",
        ),
        (
            "run",
            "isocheck check fixtures/xa-chua-san-sang-cong-bo.yaml --as-of 2021-11-16 --profile pre-announcement --announce-on 2021-12-31 --lang vi",
        ),
        (
            "md",
            """Với `--format json`, kết luận là trường `verdict` (`ready` | `not_ready`) ở cấp cao nhất, kèm `blocking`
(mã các điểm cản trở, dạng `<mã quy tắc>@<đối tượng>`). Khảo sát sự hài lòng dự kiến tháng 12 chỉ là
"chưa đến hạn", không cản trở công bố. `isocheck report … -o bao-cao.html` cho cùng kết quả dưới dạng
trang HTML để in.

## 2. Tự đánh giá hằng năm, có chấm điểm

Phường Đức Thuận tự đánh giá năm 2021 (phạm vi `annual`) và tự chấm điểm theo bộ tiêu chí ví dụ mô phỏng
tiêu chí 7.2 của Hà Tĩnh (`rubrics/ha-tinh-7.2.example.yaml` — tỉnh cần điều chỉnh theo quyết định của mình).
Nghĩa vụ chưa đến hạn hiện "chưa đến hạn" kèm ngày hết hạn; bảng điểm cho biết mỗi tiêu chí mất điểm vì
quy tắc nào.""",
        ),
        (
            "run",
            "isocheck check fixtures/phuong-duc-thuan-2021.yaml --as-of 2021-11-16 --profile annual --year 2021 --rubric rubrics/ha-tinh-7.2.example.yaml --lang vi",
        ),
        (
            "md",
            """Tệp của phường không ghi việc niêm yết, đăng cổng thông tin, thông báo Sở KH&CN… nên các quy tắc đó
"không đánh giá được" và bị trừ điểm theo bộ tiêu chí (không có bằng chứng thì chưa được tính điểm). Bổ
sung các trường đó vào tệp rồi chạy lại. Trong JSON, trường `score` có `total`, `max` và từng tiêu chí
(`id`, `points`, `max`, `lost_because`).

Miễn trừ: một tệp `--waivers` ghi quy tắc, cơ quan (hoặc `"*"`), lý do, người phê duyệt, số quyết định và
ngày hết hạn; điểm được miễn hiện là "Được miễn" kèm lý do; miễn trừ hết hạn thì không còn áp dụng và báo
cáo ghi rõ điều đó.

## 3. Tổng hợp cả tỉnh

Chi cục TĐC nhận bảng tổng hợp các đơn vị (mỗi dòng một cơ quan, đánh dấu có/không theo cột — xem
[docs/roster.md](roster.md)), chuyển thành tệp dữ liệu cho từng cơ quan:""",
        ),
        ("show", "isocheck import fixtures/province-ha-tinh-2021/roster.csv -o facts/"),
        (
            "md",
            """rồi kiểm tra tất cả cùng lúc (song song trên mọi lõi CPU; tệp hỏng được báo riêng cho cơ quan đó, các
cơ quan khác vẫn được kiểm tra):""",
        ),
        ("run", "isocheck batch fixtures/province-ha-tinh-2021/facts --as-of 2021-12-20 --year 2021 --lang vi"),
        (
            "md",
            """Bảng được trình bày như báo cáo của tỉnh: I. cấp tỉnh (sở, ban, ngành; chi cục và đơn vị trực thuộc ghi
ngay dưới sở chủ quản, đánh số 5.1, 5.2…; sở không có trong danh sách vẫn có một dòng nhóm mang tên sở),
II. cấp huyện (chỉ đến 30/06/2025), III. cấp xã; mỗi cấp có dòng "Cộng" với số "x/N" của từng cột (x cơ quan
đạt trên N cơ quan mà cột áp dụng), cuối cùng là bảng "Kết quả theo từng cột" cho từng cấp và tổng cộng.

Xuất bảng: `--format csv` (mở bằng Excel: phân cách bằng dấu ";", mã hóa UTF-8 có BOM; `--csv-delimiter ,`
nếu cần dấu phẩy; với `-o tong-hop.csv`, các điểm cần xử lý — mỗi cơ quan × mỗi kết quả không đạt, lỗi, không
đánh giá được, chưa đến hạn, được miễn: cơ quan, đơn vị chủ quản, cấp, quy tắc, kết quả, mức độ, căn cứ, nội
dung, bằng chứng, cách khắc phục — được ghi thêm vào `tong-hop.findings.csv` bên cạnh), `xlsx` (tệp Excel ba trang: tổng hợp, ma trận, các điểm cần xử lý; có lọc và cố định dòng
tiêu đề; cần `-o`), `docx` (báo cáo tổng hợp hằng năm theo khoản 1 Điều 38 TT 26/2014/TT-BKHCN; cần `-o`), `md`,
`html` (một trang in khổ A4 ngang: biểu đồ, bảng màu, và một mục cho mỗi cơ quan có việc cần xử lý — điểm
không phù hợp, hoặc thông tin còn thiếu gộp theo lĩnh vực — bấm tên cơ quan trong bảng để đến), `json` (có `agencies`, `summary.by_level` và `summary.by_rule`: số kết quả của từng quy tắc theo loại).
Lần sau, `--baseline lan-truoc.json` cho biết với mỗi cơ quan điểm nào mới phát sinh, điểm nào đã khắc
phục, điểm nào còn tồn tại.

## 4. Giải thích một điểm không phù hợp cho chuyên gia đánh giá

`isocheck explain` nêu căn cứ pháp lý (kèm trích dẫn), điều kiện của quy tắc với giá trị thực tế và cách tính
ngày, các dữ kiện đã dùng (vị trí trong tệp), và thay đổi nhỏ nhất để đạt:""",
        ),
        (
            "run",
            "isocheck explain fixtures/so-cap-nhat-van-ban-tre.yaml --as-of 2021-11-16 --rule maintenance.legal-changes-within-three-months --lang vi",
        ),
        ("md", """Danh mục tất cả quy tắc, căn cứ và trích dẫn: [docs/rules.md](rules.md)."""),
    ],
    "en": [
        (
            "md",
            """# isocheck user guide

isocheck checks a Vietnamese state agency's quality management system (QMS, TCVN ISO 9001) against
Decision 19/2014/QĐ-TTg and Circular 26/2014/TT-BKHCN. This guide covers four jobs: the pre-announcement
inspection, the yearly self-assessment (with scoring), the province batch, and explaining a finding to an
auditor. Every output below is the tool's real output on the bundled fixtures in `fixtures/` (this file
is generated by `python docs/make_guides.py`; CI fails when the output changes and the guide does not).""",
        ),
        (
            "md",
            """## 0. Getting started: your agency's fact file

An ISO secretary writes an annotated template, fills it in and checks it. A field left out means
*unknown* (rules that need it report "not evaluable"); `null` or `[]` means *none*. Every field is
described in [docs/facts.md](facts.md).""",
        ),
        ("show", "isocheck init --level commune --lang en -o my-commune.yaml"),
        ("show", "isocheck check my-commune.yaml --lang en"),
        (
            "md",
            """Exit codes: `0` no nonconformity at or above `--fail-on` (default: minor); `1` nonconformities found
, a rule ended in error, or the pre-announcement verdict is NOT READY (even when only for missing facts);
`2` bad input (one line naming file, line and field). Every command speaks Vietnamese unless told otherwise:
`ISOCHECK_LANG=en`, or an `isocheck.toml` in the working folder (`lang`, `overlay`, `profile`), changes the
default; `--lang` on the command line always wins.

Not at home in YAML? `isocheck serve` opens a web page on your own computer: a form with every field
(its meaning and an example beside it), dates typed dd/mm/yyyy, the lists (TTHC, legal documents, internal
audits, management reviews, announcements…) as tables with rows to add and remove. The check appears on the
right as you type: the verdict, each nonconformity with its legal basis, explanation and what would make it
pass; a typing mistake is shown under its input. **Save** writes the file (only when nothing is wrong;
**Save a draft** writes it anyway); the file keeps its comments and layout, and a file opened and saved
unchanged does not change by one byte. The download buttons give the HTML report and the Word inspection
minutes of the form as it stands. The page listens on this computer only (127.0.0.1) and reads and writes
only `.yaml` files inside the folder it is given; `--catalogue` loads the province's TTHC catalogue (CSV/XLSX
with code, name and field columns) so TTHC can be chosen by code or name.

![The form and the check](serve-form.png)

![A TTHC added from the catalogue: the new nonconformity on the right, a date mistake under its input](serve-result.png)""",
        ),
        ("show", "isocheck serve agency-files --catalogue tthc-catalogue.xlsx --lang en"),
        (
            "md",
            """## 1. Pre-announcement inspection

The commune of Thạch Hạ (a fixture) wants to announce its QMS at the end of 2021. Checked on 16/11/2021
with the `pre-announcement` profile; with `--announce-on` the preconditions are judged up to the planned date
and what falls due before it is listed too. The verdict comes first, then what blocks it (major, then minor nonconformities; procedures without an
internal procedure grouped by field).""",
        ),
        (
            "run",
            "isocheck check fixtures/xa-chua-san-sang-cong-bo.yaml --as-of 2021-11-16 --profile pre-announcement --announce-on 2021-12-31 --lang en",
        ),
        (
            "md",
            """With `--format json` the verdict is the top-level `verdict` (`ready` | `not_ready`) with `blocking`
(finding ids, `<rule id>@<subject>`). The customer survey planned for December is only pending; it does
not block. `isocheck report … -o report.html` gives the same as a printable HTML page.

## 2. Yearly self-assessment with a score

Phường Đức Thuận assesses its year 2021 (`annual` profile) and scores itself against the example rubric
modelled on Hà Tĩnh's criterion 7.2 (`rubrics/ha-tinh-7.2.example.yaml` — a province adapts it). Duties not
yet due show as pending with their due date; the score table says which rule cost which points.""",
        ),
        (
            "run",
            "isocheck check fixtures/phuong-duc-thuan-2021.yaml --as-of 2021-11-16 --profile annual --year 2021 --rubric rubrics/ha-tinh-7.2.example.yaml --lang en",
        ),
        (
            "md",
            """The ward's file does not record posting, website publication or the letter to the Department of
Science and Technology, so those rules are not evaluable and the rubric deducts for them (no evidence, no
points). Add those fields and run again. In JSON, `score` has `total`, `max` and per criterion `id`,
`points`, `max`, `lost_because`.

Waivers: a `--waivers` file names the rule, the agency (or `"*"`), the justification, who approved it,
the decision number and an expiry date; a waived finding shows as "Waived" with its justification, and an
expired waiver stops applying and the report says so.

## 3. Province batch

The provincial sub-department receives the province's spreadsheet of units (one row per agency with
yes/no marks per column — see [docs/roster.md](roster.md)) and turns it into one fact file per agency:""",
        ),
        ("show", "isocheck import fixtures/province-ha-tinh-2021/roster.csv -o facts/ --lang en"),
        (
            "md",
            """then checks them all at once (in parallel on every CPU; a broken file is reported against its agency
and the others are still checked):""",
        ),
        ("run", "isocheck batch fixtures/province-ha-tinh-2021/facts --as-of 2021-12-20 --year 2021 --lang en"),
        (
            "md",
            """The tables follow a provincial report: I. the provincial level (departments; their sub-departments and
units right under them, numbered 5.1, 5.2…; a department not in the batch still gets a group row with its
name), II. the district level (until 30/06/2025), III. the commune level; each level ends with a "Total" row
giving "x/N" per column (x agencies with "yes" of the N the column applies to), and a last table gives the
results by column for each level and the whole.

Exports: `--format csv` (opens in a spreadsheet: ";"-separated, UTF-8 with a BOM, as Excel under Vietnamese
settings expects; `--csv-delimiter ,` for commas; with `-o summary.csv` the findings — one row per agency and
result not passed: nonconformity, rule error, not evaluable, not yet due, waived; agency, parent, level, rule,
outcome, severity, citation, message, evidence, how to fix — also go to `summary.findings.csv` beside it), `xlsx` (an Excel workbook: summary, matrix and findings
sheets with filters and frozen headers; needs `-o`), `docx` (the yearly summary of TT26 Article 38(1); needs
`-o`), `md`, `html` (one page printing on A4 landscape: charts, colour-coded matrix, and a section for each
agency with something to act on — nonconformities, or the facts missing, folded by rule area — reached from
its name in the matrix), `json` (with `agencies`,
`summary.by_level` and `summary.by_rule`, each rule's findings by outcome). Next time, `--baseline previous.json` shows per agency which findings are new, which
were resolved and which remain.

## 4. Explaining a finding to an auditor

`isocheck explain` gives the legal basis with its quote, the rule's conditions with the actual values and
the date arithmetic, the facts consulted (with their place in the file), and the smallest change that
would make it pass:""",
        ),
        (
            "run",
            "isocheck explain fixtures/so-cap-nhat-van-ban-tre.yaml --as-of 2021-11-16 --rule maintenance.legal-changes-within-three-months --lang en",
        ),
        ("md", """Every rule with its basis and quote: [docs/rules.md](rules.md)."""),
    ],
}


def run(command: str) -> str:
    """The output of one ``isocheck …`` command, run in-process from the repository root."""
    from click.testing import CliRunner

    from isocheck.cli import cli

    argv = shlex.split(command)
    assert argv[0] == "isocheck", command
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        result = CliRunner().invoke(cli, argv[1:], catch_exceptions=False)
    finally:
        os.chdir(cwd)
    if result.exit_code not in (0, 1):
        raise SystemExit(f"guide command failed ({result.exit_code}): {command}\n{result.output}")
    return result.stdout


def render(lang: str) -> str:
    out = []
    for kind, text in CHAPTERS[lang]:
        if kind == "md":
            out.append(text.strip() + "\n")
        elif kind == "show":
            out.append(f"```sh\n{text}\n```\n")
        else:
            out.append(f"```sh\n{text}\n```\n```text\n{run(text).rstrip()}\n```\n")
    return "\n".join(out)


README = ROOT / "README.md"
README_EXAMPLE = (
    "isocheck check fixtures/xa-chua-san-sang-cong-bo.yaml --as-of 2021-11-16 --profile pre-announcement --lang vi"
)
_START, _END = "<!-- example: generated by python docs/make_guides.py -->", "<!-- /example -->"


def render_readme(current: str) -> str:
    """README.md with the example block between its markers replaced by the real output."""
    before, rest = current.split(_START, 1)
    _, after = rest.split(_END, 1)
    block = f"\n```sh\n{README_EXAMPLE}\n```\n```text\n{run(README_EXAMPLE).rstrip()}\n```\n"
    return before + _START + block + _END + after


def main() -> int:
    sys.path.insert(0, str(ROOT))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only compare with the committed guides")
    args = parser.parse_args()
    stale = []
    for lang, path in GUIDES.items():
        text = render(lang)
        if args.check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                stale.append(path)
        else:
            path.write_text(text, encoding="utf-8")
    readme = render_readme(README.read_text(encoding="utf-8"))
    if args.check:
        if README.read_text(encoding="utf-8") != readme:
            stale.append(README)
    else:
        README.write_text(readme, encoding="utf-8")
    for path in stale:
        print(f"{path.relative_to(ROOT)} is stale: run python docs/make_guides.py", file=sys.stderr)
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())

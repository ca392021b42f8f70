#!/usr/bin/env python3
"""Convert the Bộ Pháp điển copies of the legal texts into the files shipped in ``law/``.

    python3 scripts/import_law.py /path/to/domain/law      # writes law/<instrument>.md

The input is the crawled codification (one file per instrument, articles headed "Điều 19.8.QĐ.3.4. …"
with the original article in a source line). The output is one Markdown file per instrument, split
article by article under the ORIGINAL article numbers, with a stable anchor per article (``dieu-4``) and
the structure written as indentation, which :mod:`isocheck.law.texts` reads back:

- a clause ("1. …") starts at column 0; its paragraphs and points are indented by the width of "1. ";
- a point ("a) …") sits at its clause's indent; its paragraphs and dashes are indented 3 more;
- an unnumbered paragraph at column 0 belongs to the article itself.

What the conversion changes, and nothing else:
- the codification's cross-reference stubs "(Điều này có nội dung liên quan đến", which the crawl cut
  off, are removed (they are not legal text);
- attachment file names ("Mau 19_… .doc") and the codification's source line become "> " notes;
- leading spaces are dropped and paragraphs re-indented as above;
- an unnumbered paragraph is placed in the unit it follows: in a point or clause whose first line ends
  with ":", else in the clause (or the article, before the first clause). ``ARTICLE_LEVEL`` lists the
  paragraphs the layout places at the level of the article instead;
- an article the crawl cut short (ending in "theo quy định tại") gets a "> " note saying so.
Run it again after a new codification snapshot and review the diff.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

SOURCE_NOTE = (
    "Toàn văn lấy từ Bộ Pháp điển (bản pháp điển chính thức của Nhà nước), Đề mục 19.8 “Tiêu chuẩn và quy chuẩn "
    "kỹ thuật” (Đề mục “Công nghệ thông tin” đối với Thông tư 01/2018/TT-VPCP), qua bản sao Markdown do dự án "
    "diepxuan/diepxuan.github.io thu thập (tệp van-ban/khoa-hoc-cong-nghe/tieu-chuan-va-quy-chuan-ky-thuat.md). "
    "Mỗi điều ghi số điều gốc của văn bản; số pháp điển (ví dụ Điều 19.8.QĐ.3.4) chỉ ghi trong dòng nguồn. "
    "Bản sao này không có dấu sửa đổi, bổ sung nào đối với QĐ 19/2014, TT 26/2014 và TT 116/2015. "
    "Chưa đối chiếu với Công báo."
)

INSTRUMENTS = [
    {
        "source": "qd-19-2014-qd-ttg.md",
        "file": "qd-19-2014-qd-ttg.md",
        "instrument": "Quyết định 19/2014/QĐ-TTg",
        "short": "QĐ 19/2014/QĐ-TTg",
        "en": "Decision 19/2014/QĐ-TTg",
        "title": "Quyết định số 19/2014/QĐ-TTg ngày 05/03/2014 của Thủ tướng Chính phủ về việc áp dụng Hệ thống "
        "quản lý chất lượng theo Tiêu chuẩn quốc gia TCVN ISO 9001:2008 vào hoạt động của các cơ quan, tổ chức "
        "thuộc hệ thống hành chính nhà nước",
        "signed": "2014-03-05",
        "in_force": "2014-05-18",
        "scope": "Điều 1–17",
    },
    {
        "source": "tt-26-2014-tt-bkhcn.md",
        "file": "tt-26-2014-tt-bkhcn.md",
        "instrument": "Thông tư 26/2014/TT-BKHCN",
        "short": "TT 26/2014/TT-BKHCN",
        "en": "Circular 26/2014/TT-BKHCN",
        "title": "Thông tư số 26/2014/TT-BKHCN ngày 10/10/2014 của Bộ Khoa học và Công nghệ quy định chi tiết thi hành "
        "Quyết định số 19/2014/QĐ-TTg",
        "signed": "2014-10-10",
        "in_force": "2014-12-01",
        "scope": "Điều 1–46",
    },
    {
        "source": "tt-116-2015-tt-btc.md",
        "file": "tt-116-2015-tt-btc.md",
        "instrument": "Thông tư 116/2015/TT-BTC",
        "short": "TT 116/2015/TT-BTC",
        "en": "Circular 116/2015/TT-BTC",
        "title": "Thông tư số 116/2015/TT-BTC ngày 11/08/2015 của Bộ Tài chính quy định công tác quản lý tài chính đối "
        "với việc tư vấn, xây dựng, áp dụng, duy trì và cải tiến Hệ thống quản lý chất lượng theo Tiêu chuẩn quốc "
        "gia TCVN ISO 9001:2008 vào hoạt động của các cơ quan, tổ chức thuộc hệ thống hành chính nhà nước",
        "signed": "2015-08-11",
        "in_force": "2015-10-26",
        "scope": "Điều 1–6",
    },
    {
        "source": "tt-01-2018-tt-vpcp-dieu-8.md",
        "file": "tt-01-2018-tt-vpcp.md",
        "instrument": "Thông tư 01/2018/TT-VPCP",
        "short": "TT 01/2018/TT-VPCP",
        "en": "Circular 01/2018/TT-VPCP",
        "title": "Thông tư số 01/2018/TT-VPCP của Văn phòng Chính phủ hướng dẫn thi hành một số quy định của Nghị định "
        "số 61/2018/NĐ-CP về thực hiện cơ chế một cửa, một cửa liên thông trong giải quyết thủ tục hành chính",
        "signed": None,
        "in_force": "2019-01-06",
        "scope": "Điều 8 (chỉ điều này có trong bản sao)",
        "only_articles": [8],
    },
]

# (instrument file, article): paragraph texts (their first words) the layout places at article level
ARTICLE_LEVEL = {
    ("qd-19-2014-qd-ttg.md", 4): (
        "Trong quá trình xây dựng, áp dụng",
        "Trường hợp Tiêu chuẩn quốc gia TCVN ISO 9001:2008",
    ),
    ("tt-116-2015-tt-btc.md", 4): ("Mức chi quy định tại các khoản", "Các khoản chi có liên quan khác"),
}

_HEADING = re.compile(r"^Điều (\d+(?:\.[0-9A-ZĐ]+)+)\. (.+)$")
_SOURCE = re.compile(r"^\(Điều (\d+) (?:Quyết định|Thông tư) số ")
_STUB = re.compile(r"\(Điều này có nội dung liên quan đến.*$")
_CLAUSE = re.compile(r"^(\d+)\. ")
_POINT = re.compile(r"^([a-zđ])\) ")
_DASH = re.compile(r"^[-+] ")
_CUT = "theo quy định tại"


def _articles(text: str):
    """(codification number, title, source line, body lines) per article, in file order."""
    current = None
    for raw in text.splitlines():
        line = raw.strip()
        head = _HEADING.match(line)
        if head:
            if current:
                yield current
            current = [head.group(1), head.group(2).strip(), None, []]
            continue
        if current is None or not line:
            continue
        if current[2] is None and line.startswith("(Điều "):
            current[2] = line
            continue
        current[3].append(line)
    if current:
        yield current


def _convert_article(file: str, number: int, body: list[str]) -> tuple[list[str], list[str]]:
    """Markdown body lines and "> " notes of one article."""
    out: list[str] = []
    notes: list[str] = []
    clause_indent: int | None = None  # content indent of the open clause
    point_open = False
    absorb = None  # "clause" or "point" whose first line ends with ":"
    article_level = ARTICLE_LEVEL.get((file, number), ())
    for line in body:
        if line.endswith("_dinh kem theo.doc"):
            notes.append(f"Tệp đính kèm trong Bộ Pháp điển: {line}")
            continue
        line = _STUB.sub("", line).strip()
        if not line:
            continue
        clause = _CLAUSE.match(line)
        point = _POINT.match(line)
        if clause:
            clause_indent = len(clause.group(0))
            point_open = False
            absorb = "clause" if line.endswith(":") else None
            out += [line, ""]
        elif point:
            indent = clause_indent or 0
            point_open = True
            absorb = "point" if line.endswith(":") else ("clause" if absorb == "clause" else None)
            out += [" " * indent + line, ""]
        elif line.startswith(article_level) if article_level else False:
            clause_indent, point_open, absorb = None, False, None
            out += [line, ""]
        elif point_open and (_DASH.match(line) or absorb == "point"):
            out += [" " * ((clause_indent or 0) + 3) + line, ""]
        else:
            point_open = False if not _DASH.match(line) else point_open
            out += [" " * (clause_indent or 0) + line, ""]
    if body and out and out[-2].rstrip().endswith(_CUT):
        notes.append(
            f"Ghi chú: bản sao bị cắt sau “{_CUT}”; phần còn lại của điều này không có trong bản sao "
            "(the copy is cut short here; the rest of this article is missing from it)."
        )
    return out, notes


def convert(meta: dict, text: str) -> str:
    lines = [
        "---",
        f"instrument: {meta['instrument']}",
        f"short: {meta['short']}",
        f"en: {meta['en']}",
        f"title: {meta['title']}",
        f"signed: {meta['signed'] or 'null'}",
        f"in_force: {meta['in_force']}",
        f"articles: {meta['scope']}",
        "---",
        "",
        f"# {meta['instrument']}",
        "",
        f"{meta['title']}.",
        "",
        f"> Nguồn: {SOURCE_NOTE}",
        "",
        "<!-- Tạo bởi scripts/import_law.py từ bản sao Bộ Pháp điển; không sửa tay. -->",
        "",
    ]
    only = meta.get("only_articles")
    for code, title, source, body in _articles(text):
        match = _SOURCE.match(source or "")
        if not match:
            raise SystemExit(f"{meta['source']}: article {code} has no source line")
        number = int(match.group(1))
        if only and number not in only:
            continue
        body_lines, notes = _convert_article(meta["file"], number, body)
        lines += [f'<a id="dieu-{number}"></a>', "", f"## Điều {number}. {title}", ""]
        lines += [f"> Bộ Pháp điển, Điều {code}: {source}", ""]
        lines += body_lines
        for note in notes:
            lines += [f"> {note}", ""]
    return "\n".join(lines).rstrip() + "\n"


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__.splitlines()[2].strip(), file=sys.stderr)
        return 2
    source = Path(argv[1])
    target = ROOT / "law"
    target.mkdir(exist_ok=True)
    for meta in INSTRUMENTS:
        text = (source / meta["source"]).read_text(encoding="utf-8")
        (target / meta["file"]).write_text(convert(meta, text), encoding="utf-8")
        print(f"law/{meta['file']}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

"""``isocheck init``: an annotated fact-file template for one administrative level.

The template walks the fact model (:func:`isocheck.docs.fields.fact_fields`), so a new model field
shows up on its own: every field is written with a comment in Vietnamese or English saying what it
means, whether it is required and which rules read it (:func:`isocheck.docs.fields.rules_by_path`).
The values are the example agency of the level (:func:`isocheck.docs.example_agency.placeholders`).
Fields for TCVN ISO 9001:2008 only, ``records_since`` and an example item of a list written as ``[]``
are shown commented out.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from typing import Any

import yaml
from pydantic import BaseModel

from isocheck import __version__
from isocheck.docs.example_agency import Commented, NoneYet, placeholders
from isocheck.docs.fields import FactField, fact_field, rules_by_path, section_title
from isocheck.facts.model import Agency
from isocheck.law import levels
from isocheck.pack.rules import RulePack, load_pack
from isocheck.text.catalog import pairs
from isocheck.text.ui import format_value, pick

WIDTH = 100
_WORDS: dict[str, tuple[str, str]] = pairs("words:docs.")  # (vi, en) by key, from the gettext catalog


# -- YAML with comments --------------------------------------------------------------------------------


def render_template(
    level: str,
    lang: str = "en",
    name: str | None = None,
    province: str | None = None,
    year: int | None = None,
    pack: RulePack | None = None,
) -> str:
    """The annotated fact file for ``level`` (commune, district, department, sub_department)."""
    pack = pack or load_pack()
    year = year or dt.date.today().year
    ended = levels.level(level).last_day  # a level that no longer exists: its last full year
    if ended is not None and year >= ended.year:
        year = ended.year - 1
    data = placeholders(level, year, name, province)
    writer = _Writer(lang, rules_by_path(pack))
    writer.header(data["agency"]["name"], pack.version)
    if ended is not None:
        writer.lines[-1:-1] = [f"# {line}" for line in _ENDED[lang].format(day=format_value(ended, lang)).splitlines()]
    writer.mapping(Agency, data, "", 0)
    return "\n".join(writer.lines) + "\n"


def _dump(value: Any) -> str:
    """One value in YAML flow style, on one line."""
    text = yaml.safe_dump(value, allow_unicode=True, default_flow_style=True, sort_keys=False, width=10**6)
    return text.removesuffix("\n").removesuffix("\n...").strip()


class _Writer:
    def __init__(self, lang: str, by_path: dict[str, list[str]]):
        self.lang = lang
        self.by_path = by_path
        self.lines: list[str] = []

    def header(self, name: str, pack_version: str) -> None:
        text = _HEADER[self.lang].strip().format(name=name, version=__version__, pack=pack_version)
        self.lines += [f"# {line}".rstrip() for line in text.splitlines()] + [""]

    def comment(self, field: FactField, indent: str, first_prefix: str | None = None) -> list[str]:
        """The comment lines above ``field``: meaning, [required], rules reading it."""
        text = field.meaning(self.lang) or field.name
        if field.required:
            text += " [" + pick(_WORDS["required"], self.lang).replace(" ", "\0") + "]"  # \0: a space the wrap keeps
        rules = self.by_path.get(field.path, [])
        if rules:
            text += " " + pick(_WORDS["rules"], self.lang) + " " + ", ".join(rules) + "."
        lines = textwrap.wrap(text, WIDTH - len(indent) - 2, break_on_hyphens=False)
        return [f"{indent}# {line}".replace("\0", " ") for line in lines]

    def mapping(
        self, model: type[BaseModel], data: dict[str, Any], prefix: str, depth: int, item_start: bool = False
    ) -> None:
        """Write the fields of ``model`` (each with its comment) at ``depth``; the first after ``- `` if an item."""
        indent = "  " * depth
        for n, field_name in enumerate(model.model_fields):
            field = fact_field(f"{prefix}{field_name}")
            if field is None:
                raise KeyError(f"{prefix}{field_name} is not in the fact-file walk")
            if depth == 0:
                title = section_title(field.name, self.lang)
                self.lines += ["", f"# ── {title} " + "─" * max(3, WIDTH - 6 - len(title))]
            comment = self.comment(field, indent)
            if item_start and n == 0:  # "- # first comment line", the rest aligned under it
                comment[0] = indent[:-2] + "- " + comment[0].lstrip()
            self.lines += comment
            self.value(field, data.get(field_name, Commented(None)), indent, depth)

    def value(self, field: FactField, value: Any, indent: str, depth: int) -> None:
        """Write ``field: value`` (nested mappings and the first list item with their comments)."""
        if isinstance(value, Commented) or field.only_2008:
            inner = value.value if isinstance(value, Commented) else value
            self.lines.append(f"{indent}# {_COMMENTED_HINT[self.lang]['2008' if field.only_2008 else 'optional']}")
            if inner is None:
                self.lines.append(f"{indent}# {field.name}:")
            else:
                self._commented(lambda: self._plain(field, inner, indent, depth), indent)
        elif isinstance(value, NoneYet) and field.model is not None:
            model, example = field.model, value.example
            self.lines.append(f"{indent}{field.name}: []")
            self.lines.append(f"{indent}# {_COMMENTED_HINT[self.lang]['example']}")
            self._commented(
                lambda: self.mapping(model, example, f"{field.path}[].", depth + 2, item_start=True), indent
            )
        else:
            self._plain(field, value, indent, depth)

    def _plain(self, field: FactField, value: Any, indent: str, depth: int) -> None:
        if field.model is not None and field.is_list and value:
            self.lines.append(f"{indent}{field.name}:")
            first, *rest = value
            self.mapping(field.model, first, f"{field.path}[].", depth + 2, item_start=True)
            self.lines += [f"{indent}  - {_dump(item)}" for item in rest]
        elif field.model is not None and isinstance(value, dict):
            self.lines.append(f"{indent}{field.name}:")
            self.mapping(field.model, value, f"{field.path}.", depth + 1)
        else:
            self.lines.append(f"{indent}{field.name}: {_dump(value)}")

    def _commented(self, write, indent: str) -> None:
        """Run ``write`` and comment out the lines it wrote (keeping ``indent``)."""
        start = len(self.lines)
        write()
        self.lines[start:] = [f"{indent}# {line[len(indent) :]}" for line in self.lines[start:]]


_COMMENTED_HINT = {
    "vi": {
        "2008": "Bỏ dấu # nếu HTQLCL theo TCVN ISO 9001:2008:",
        "optional": "Không bắt buộc — bỏ dấu # nếu cần:",
        "example": "Khi có: xóa [] rồi thêm từng mục như ví dụ dưới đây (bỏ dấu # đầu dòng):",
    },
    "en": {
        "2008": "Remove the # on a TCVN ISO 9001:2008 system:",
        "optional": "Optional — remove the # if needed:",
        "example": "If there are any: delete [] and add one entry each, like this example (remove the leading #):",
    },
}

_ENDED = {  # a level that no longer exists (law/administration/levels.yaml): the template is for a past date
    "vi": "Cấp này kết thúc hoạt động ngày {day}: các giá trị mẫu thuộc năm trước đó; kiểm tra với\n"
    "--as-of chậm nhất là ngày {day} (sau ngày đó, tệp là lỗi đầu vào).",
    "en": "This level ended on {day}: the example values are of an earlier year; check with --as-of\n"
    "{day} at the latest (after that day the file is an input error).",
}

_HEADER = {
    "vi": """
Tệp thông tin HTQLCL của {name} — mẫu do `isocheck init` tạo (isocheck {version}, bộ quy tắc {pack}).
Thay các giá trị mẫu bằng thông tin thật của cơ quan, rồi kiểm tra:
    isocheck check TỆP-NÀY --lang vi

Quy ước:
  - Xóa một trường (bỏ trống) = CHƯA RÕ: quy tắc cần trường đó cho kết quả "không đánh giá được".
  - Ghi null hoặc [] = BIẾT LÀ KHÔNG CÓ (notified_dost_on: null = chưa thông báo Sở KH&CN).
  - Trường true/false: ghi true hoặc false; không rõ thì xóa trường.
  - Ngày viết YYYY-MM-DD (2021-11-16). Mã có dạng số đặt trong dấu nháy: code: '1.001193'.
  - Chú thích trên mỗi trường: ý nghĩa, [bắt buộc] nếu phải có, các quy tắc dùng trường đó.
Tài liệu: docs/facts.md (các trường), docs/rules.md (các quy tắc), hoặc `isocheck rules show <mã>`.
""",
    "en": """
QMS fact file of {name} — template written by `isocheck init` (isocheck {version}, rule pack {pack}).
Replace the example values with the agency's own, then check it:
    isocheck check THIS-FILE --lang en

Conventions:
  - Delete a field (leave it out) = UNKNOWN: rules that need it give "not evaluable".
  - Write null or [] = KNOWN TO BE NONE (notified_dost_on: null = the Department of Science and
    Technology was not notified).
  - true/false fields: write true or false; if you do not know, delete the field.
  - Dates are YYYY-MM-DD (2021-11-16). Codes that look like numbers go in quotes: code: '1.001193'.
  - The comment above each field: what it means, [required] if it must be there, the rules that read it.
Reference: docs/facts.md (fields), docs/rules.md (rules), or `isocheck rules show <id>`.
""",
}

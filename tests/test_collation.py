"""Agency names in Vietnamese alphabetical order (isocheck.text.collation), in the batch formats."""

from __future__ import annotations

from click.testing import CliRunner
from conftest import ROOT

from isocheck.cli import cli
from isocheck.text.collation import sort_key


def test_vietnamese_letters_and_tones_in_their_order():
    names = ["Thạch Trung", "Thạch Đài", "Cẩm Bình", "Can Lộc", "Ăn", "An Dũng", "Ân Phú", "Hương Khê", "Hưng Nguyên"]
    assert sorted(names, key=sort_key) == [
        "An Dũng",  # a < ă < â: the letters first, then what follows
        "Ăn",
        "Ân Phú",
        "Can Lộc",  # "Can" before "Cẩm": a before â (code-point and plain UCA order say otherwise)
        "Cẩm Bình",
        "Hưng Nguyên",
        "Hương Khê",
        "Thạch Đài",  # d < đ < … < t
        "Thạch Trung",
    ]
    tones = ["ma", "mà", "mả", "mã", "má", "mạ"]  # none, huyền, hỏi, ngã, sắc, nặng
    shuffled = ["mạ", "má", "ma", "mã", "mà", "mả"]
    assert sorted(shuffled, key=sort_key) == tones
    assert sorted(["Sở Y tế", "sở tư pháp", "Sở Tư pháp"], key=sort_key)[:2] == ["sở tư pháp", "Sở Tư pháp"]


def test_the_batch_table_lists_each_level_in_vietnamese_order():
    result = CliRunner().invoke(
        cli,
        ["batch", str(ROOT / "fixtures" / "province-ha-tinh-2021" / "facts"), "--as-of", "2021-12-20", "--no-cache"],
    )
    communes = [line.split("│")[2].strip() for line in result.output.splitlines() if "│ UBND xã " in line]
    assert communes == sorted(communes, key=sort_key) and communes != sorted(communes)
    assert communes.index("UBND xã Thạch Đài") < communes.index("UBND xã Thạch Trung")

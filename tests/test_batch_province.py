"""The provincial layout every matrix format shares (isocheck/report/batch/province.py): levels of government in
report order, units under their parent (or under a group row when the parent is not in the batch), Vietnamese order
inside a group, and the "x/N" totals per column; the roster fixture's totals are its README's numbers."""

from __future__ import annotations

from golden import GOLDEN

from isocheck.report.batch.province import Layout, Totals, section_heading


def _entry(name, level, parent=None, **more):
    entry = {"name": name, "level": level, "status": "checked", "verdict": "conforms", "standard": 2015}
    entry.update({"matrix": {}, "counts": None, "readiness": None, **more})
    if parent:
        entry["parent"] = parent
    return entry


def _lines(entries):
    layout = Layout()
    for entry in entries:
        layout.add(entry, entry["name"])
    return {s: [(line.number, line.ref or f"[{line.group}]") for line in layout.lines(s)] for s in layout.present()}


def test_units_sit_under_their_parent_and_levels_follow_the_report_order():
    entries = [
        _entry("UBND xã Thạch Trung", "commune"),
        _entry("Chi cục Thủy lợi", "sub_department", "Sở Nông nghiệp và Môi trường"),
        _entry("Sở Y tế", "department"),
        _entry("UBND xã Thạch Đài", "commune"),
        _entry("Văn phòng", "sub_department", "sở  y TẾ"),  # the parent as typed: case and spaces ignored
        _entry("Chi cục Dân số", "sub_department", "Sở Y tế"),
        _entry("Sở Công Thương", "department"),
        _entry("Cục Thuế", "ministry"),
        _entry("Văn phòng", "sub_department", "Sở Công Thương"),
    ]
    assert _lines(entries) == {
        "province": [
            ("1", "Sở Công Thương"),
            ("1.1", "Văn phòng"),
            ("2", "[Sở Nông nghiệp và Môi trường]"),  # not in the batch: a group row naming it
            ("2.1", "Chi cục Thủy lợi"),
            ("3", "Sở Y tế"),
            ("3.1", "Chi cục Dân số"),
            ("3.2", "Văn phòng"),
        ],
        "commune": [("1", "UBND xã Thạch Đài"), ("2", "UBND xã Thạch Trung")],  # Vietnamese order: Đ after D < T
        "ministry": [("1", "Cục Thuế")],
    }
    assert section_heading("commune", 2, "vi") == "II. CẤP XÃ"
    assert section_heading("province", 1, "en") == "I. PROVINCIAL LEVEL"


def test_a_department_is_not_put_under_the_provincial_committee():
    entries = [
        _entry("UBND tỉnh Hà Tĩnh", "provincial_committee"),
        _entry("Sở Y tế", "department", "UBND tỉnh Hà Tĩnh"),
    ]
    assert _lines(entries) == {"province": [("1", "Sở Y tế"), ("2", "UBND tỉnh Hà Tĩnh")]}


def test_totals_count_yes_of_the_agencies_a_column_applies_to():
    totals = Totals()
    totals.add(_entry("A", "commune", matrix={"report": "yes", "internal_audit": "no", "corrective_actions": "n/a"}))
    totals.add(_entry("B", "commune", matrix={"report": "unknown", "internal_audit": "yes"}, verdict="incomplete"))
    counts = {"nonconformities_by_severity": {"major": 1, "minor": 2, "observation": 0}}
    totals.add(_entry("C", "department", standard=2008, matrix={"report": "yes"}, counts=counts))
    totals.add({"name": None, "level": None, "status": "input_error", "verdict": "input_error"})
    commune = totals.row("commune", "vi")
    assert commune[:4] == ["", "Cộng cấp xã", "1/2", "–"]  # report: A of A, B; "announced" applies to none
    assert commune[6] == "1/2" and commune[7] == "–"  # internal audit; corrective actions n/a for A, absent for B
    assert commune[-2:] == ["Phù hợp 1/2", "0/0/0"]
    assert totals.row("province", "en")[1] == "Total, provincial level"
    assert totals.row("province", "en")[9] == "0/1"  # on TCVN ISO 9001:2015
    whole = totals.row(None, "vi")
    assert whole[1] == "Tổng cộng" and whole[2] == "2/3" and whole[-1] == "1/2/0"  # the bad file: not in any N
    # the files that could not be read have no marks to count: no totals row of their own (listed apart)
    assert totals.row("unknown", "vi") is None
    assert [r[1] for r in totals.rows("vi")] == ["Cộng cấp tỉnh", "Cộng cấp xã", "Tổng cộng"]


def test_the_roster_fixture_totals_are_its_readme_numbers():
    """README of fixtures/roster-ha-tinh-2025-marks: audits fail for 2 provincial units and 3 communes, 2 communes'
    audits are unknown; reviews fail for 1 and 3; 7 reports not received (2 provincial, 5 communes)."""
    page = (GOLDEN / "batch-roster-ha-tinh-2025.vi.md").read_text(encoding="utf-8")
    rows = {cells[0]: cells[1:] for line in page.splitlines() if line.startswith("| Cộng") or line.startswith("| Tổng")
            for cells in [[c.strip() for c in line.strip("|").split("|")]]}  # fmt: skip
    # report, announced, policy/objectives, plan, audit, corrective actions, review, standard, verdict, findings
    assert (
        rows["Cộng cấp tỉnh"][0] == "31/33"
        and rows["Cộng cấp tỉnh"][4] == "31/33"
        and rows["Cộng cấp tỉnh"][6] == "32/33"
    )
    assert rows["Cộng cấp xã"][0] == "63/68" and rows["Cộng cấp xã"][4] == "63/68" and rows["Cộng cấp xã"][6] == "65/68"
    assert rows["Tổng cộng"][-1] == "12/0/0" and rows["Tổng cộng"][3] == "101/101"
    assert "## I. CẤP TỈNH" in page and "## II. CẤP XÃ" in page and "CẤP HUYỆN" not in page  # no district after 2025
    assert page.count("↳ Văn phòng") == 10  # each Sở's office under its Sở, not ten bare "Văn phòng" rows

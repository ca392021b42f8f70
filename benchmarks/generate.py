"""Generates realistic synthetic agency fact files for benchmarks.

The level mix follows a province: about 60 % communes, 25 % district offices, 8 % sub-departments,
7 % provincial departments. Communes handle ~160 procedures (TTHC), district offices ~40,
sub-departments ~25, departments ~80. Each agency has a few legal documents, audits, reviews and
announcements; roughly one in five has something wrong (late legal update, uncovered TTHC, no review…).
Deterministic for a given seed.

    python benchmarks/generate.py FOLDER [--agencies 1000] [--seed 19]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
from pathlib import Path

import yaml

LEVELS = [("commune", 0.60, 160), ("district", 0.25, 40), ("sub_department", 0.08, 25), ("department", 0.07, 80)]
FIELDS = ["Hộ tịch", "Chứng thực", "Đất đai", "Tư pháp", "Lao động – Thương binh và Xã hội", "Văn hóa", "Nông nghiệp"]
AS_OF = dt.date(2021, 11, 16)


def _day(rng: random.Random, start: dt.date, end: dt.date) -> dt.date:
    return start + dt.timedelta(days=rng.randrange(max((end - start).days, 1)))


def agency(index: int, rng: random.Random) -> dict:
    level, procedures = _level(rng)
    broken = rng.random() < 0.2
    approved = _day(rng, dt.date(2019, 1, 1), dt.date(2020, 6, 1))
    audit_before = approved + dt.timedelta(days=rng.randrange(10, 60))
    announced = audit_before + dt.timedelta(days=rng.randrange(10, 40))
    doc = {
        "agency": {
            "name": f"Cơ quan thử nghiệm số {index}",
            "level": level,
            "province": "Tỉnh Mẫu",
            "standard": 2015,
            "has_website": rng.random() < 0.7,
        },
        "qms": {
            "quality_policy": {"number": f"{rng.randrange(1, 200)}/QĐ-UBND", "issued_on": dt.date(2021, 1, 8)},
            "quality_objectives": [
                {
                    "year": 2021,
                    "issued_on": dt.date(2021, 1, 8),
                    "measurable": True,
                    "has_plan": not (broken and rng.random() < 0.3),
                }
            ],
            "maintenance_plans": [{"year": 2021, "number": "15/KH-UBND", "issued_on": dt.date(2021, 2, 18)}],
            "steering_committee": {"number": "138/QĐ-UBND", "issued_on": dt.date(2020, 8, 5)},
            "iso_secretary": {"name": "Thư ký ISO"},
            "documents_approved": {"number": "37/QĐ-UBND", "issued_on": approved},
        },
        "procedures": [
            {
                "code": f"1.{index % 1000:03d}{n:03d}",
                "name": f"Thủ tục hành chính số {n}",
                "field": FIELDS[n % len(FIELDS)],
                "announced_by": "3396/QĐ-UBND",
                "internal_procedure": not (broken and n == 7),
                "matches_one_stop": True,
            }
            for n in range(procedures)
        ],
        "legal_documents": [
            {
                "number": f"{n}/2021/NĐ-CP",
                "effective_on": eff,
                "built_in_on": eff + dt.timedelta(days=rng.randrange(20, 140 if broken else 80)),
            }
            for n, eff in ((n, _day(rng, dt.date(2021, 1, 1), dt.date(2021, 7, 1))) for n in range(rng.randrange(0, 4)))
        ],
        "internal_audits": [
            {
                "date": audit_before,
                "findings": {"major": 0, "minor": 1, "observation": 2},
                "corrective_actions": [
                    {
                        "finding": "Hồ sơ thiếu phiếu kiểm soát",
                        "due_on": audit_before + dt.timedelta(days=20),
                        "closed_on": audit_before + dt.timedelta(days=10),
                    }
                ],
            },
            {
                "date": _day(rng, dt.date(2021, 3, 1), dt.date(2021, 10, 31)),
                "findings": {"major": 0, "minor": 0, "observation": 3},
                "corrective_actions": [],
            },
        ],
        "management_reviews": [{"date": audit_before + dt.timedelta(days=5), "minutes": "01/BB-XXLĐ"}]
        + ([] if broken and rng.random() < 0.4 else [{"date": dt.date(2021, 10, 30), "minutes": "02/BB-XXLĐ"}]),
        "announcements": [
            {
                "decision": f"{rng.randrange(1, 300)}/QĐ-UBND",
                "date": announced,
                "standard": 2015,
                "head_confirmed_on": announced,
                "notified_dost_on": announced + dt.timedelta(days=3),
                "posted_at_premises": True,
                "published_on_website": True,
            }
        ],
        "scope_changes": []
        if not broken or rng.random() < 0.5
        else [{"date": dt.date(2021, 5, 1), "kind": "extended"}],
        "consultants": [],
        "certification_bodies": [],
        "satisfaction_surveys": [{"year": 2021, "held_on": dt.date(2021, 8, 10)}],
    }
    return doc


def _level(rng: random.Random) -> tuple[str, int]:
    r = rng.random()
    for level, share, procedures in LEVELS:
        if r < share:
            return level, procedures + rng.randrange(-10, 10)
        r -= share
    return LEVELS[-1][0], LEVELS[-1][2]


class _NoAliasDumper(yaml.CSafeDumper):
    """Writes every value in full, as a person would (no ``&id001`` anchors for repeated dates)."""

    def ignore_aliases(self, data):
        return True


def write(directory: Path, count: int, seed: int = 19) -> list[Path]:
    """Write ``count`` agencies as YAML files into ``directory``; return their paths."""
    rng = random.Random(seed)
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(count):
        path = directory / f"agency-{index:05d}.yaml"
        text = yaml.dump(
            agency(index, rng),
            Dumper=_NoAliasDumper,
            allow_unicode=True,
            sort_keys=False,
            default_flow_style=None,
            width=200,
        )
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path, help="where to write agency-NNNNN.yaml (created if missing)")
    parser.add_argument("--agencies", type=int, default=1000, help="how many agencies (default 1000)")
    parser.add_argument("--seed", type=int, default=19, help="random seed (the same seed, the same files)")
    args = parser.parse_args()
    paths = write(args.folder, args.agencies, args.seed)
    print(f"{len(paths)} fact files written to {args.folder}")


if __name__ == "__main__":
    main()

"""Hypothesis strategies for whole agency fact documents (dicts), including unknown (omitted) fields.

Dates are drawn from 2014-2023 and as-of dates from 2019-2023, so that shifting by 28 years stays
inside the Gregorian cycle where weekdays and leap years repeat.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

DAY0 = dt.date(2014, 6, 1)
DAY1 = dt.date(2023, 12, 31)

dates = st.dates(min_value=DAY0, max_value=DAY1)
as_of_dates = st.dates(min_value=dt.date(2019, 1, 1), max_value=DAY1)
maybe_bool = st.one_of(st.none(), st.booleans())
OMIT = object()


def _optional(strategy, omit_weight: bool = True):
    """A value, an explicit null, or omitted (unknown)."""
    options = [strategy, st.none()]
    if omit_weight:
        options.append(st.just(OMIT))
    return st.one_of(*options)


def _clean(d: dict) -> dict:
    return {k: v for k, v in d.items() if v is not OMIT}


@st.composite
def decisions(draw):
    return _clean({"number": draw(st.sampled_from(["1/QĐ", "2/QĐ", "3/KH"])), "issued_on": draw(_optional(dates))})


@st.composite
def agencies(draw) -> dict:
    standard = draw(st.sampled_from([2008, 2015]))
    year = st.integers(2018, 2023)
    qms = _clean(
        {
            "quality_policy": draw(_optional(decisions())),
            "quality_objectives": draw(
                _optional(
                    st.lists(
                        st.builds(
                            lambda y, m, p: _clean({"year": y, "measurable": m, "has_plan": p}),
                            year,
                            st.one_of(st.booleans(), st.just(OMIT)),
                            st.one_of(st.booleans(), st.just(OMIT)),
                        ),
                        max_size=3,
                        unique_by=lambda o: o["year"],
                    )
                )
            ),
            "maintenance_plans": draw(_optional(st.lists(st.builds(lambda y: {"year": y}, year), max_size=2))),
            "steering_committee": draw(_optional(decisions())),
            "iso_secretary": draw(_optional(st.just({"name": "Thư ký"}))),
            "documents_approved": draw(_optional(decisions())),
            "quality_manual": draw(_optional(decisions())),
            "management_representative": draw(_optional(st.just({"name": "Đại diện"}))),
            "mandatory_procedures": draw(
                _optional(
                    st.lists(
                        st.builds(
                            lambda k, b, o: _clean({"kind": k, "built": b, "operated": o}),
                            st.sampled_from(
                                [
                                    "document_control",
                                    "record_control",
                                    "internal_audit",
                                    "nonconforming_output",
                                    "corrective_action",
                                    "preventive_action",
                                ]
                            ),
                            st.booleans(),
                            st.one_of(st.just(OMIT), st.sampled_from(["yes", "no", "not_triggered"])),
                        ),
                        max_size=6,
                        unique_by=lambda p: p["kind"],
                    )
                )
            ),
        }
    )
    procedures = st.lists(
        st.builds(
            lambda i, cov, match: _clean(
                {
                    "code": f"1.{i:06d}",
                    "name": f"Thủ tục {i}",
                    "field": "Hộ tịch",
                    "internal_procedure": cov,
                    "matches_one_stop": match,
                }
            ),
            st.integers(1, 999),
            st.one_of(st.booleans(), st.just(OMIT)),
            st.one_of(st.booleans(), st.just(OMIT)),
        ),
        max_size=6,
        unique_by=lambda p: p["code"],
    )
    legal = st.lists(
        st.builds(
            lambda i, eff, built: _clean({"number": f"VB-{i}", "effective_on": eff, "built_in_on": built}),
            st.integers(1, 99),
            dates,
            _optional(dates),
        ),
        max_size=4,
        unique_by=lambda d: d["number"],
    )
    actions = st.lists(
        st.builds(
            lambda f, due, closed: _clean({"finding": f, "due_on": due, "closed_on": closed}),
            st.sampled_from(["NC1", "NC2", "NC3"]),
            _optional(dates),
            _optional(dates),
        ),
        max_size=3,
    )
    audits = st.lists(
        st.builds(
            lambda d, findings, acts: _clean({"date": d, "findings": findings, "corrective_actions": acts}),
            dates,
            st.one_of(
                st.just(OMIT),
                st.builds(
                    lambda a, b, c: {"major": a, "minor": b, "observation": c},
                    st.integers(0, 2),
                    st.integers(0, 2),
                    st.integers(0, 3),
                ),
            ),
            st.one_of(st.just(OMIT), actions),
        ),
        max_size=3,
        unique_by=lambda a: a["date"],
    )
    reviews = st.lists(
        st.builds(lambda d, m: _clean({"date": d, "minutes": m}), dates, _optional(st.just("BB-1"))),
        max_size=3,
        unique_by=lambda r: r["date"],
    )
    announcements = st.lists(
        st.builds(
            lambda i, d, std, head, notified, posted, web: _clean(
                {
                    "decision": f"{i}/QĐ-CB",
                    "date": d,
                    "standard": std,
                    "head_confirmed_on": head,
                    "notified_dost_on": notified,
                    "posted_at_premises": posted,
                    "published_on_website": web,
                }
            ),
            st.integers(1, 99),
            dates,
            st.sampled_from([2008, 2015]),
            _optional(dates),
            _optional(dates),
            st.one_of(st.just(OMIT), st.booleans()),
            st.one_of(st.just(OMIT), st.booleans()),
        ),
        max_size=3,
        unique_by=lambda a: (a["decision"], a["date"]),
    )
    changes = st.lists(
        st.builds(lambda d, k: {"date": d, "kind": k}, dates, st.sampled_from(["adjusted", "extended", "narrowed"])),
        max_size=2,
        unique_by=lambda c: (c["date"], c["kind"]),
    )
    consultants = st.lists(
        st.builds(
            lambda i, d, cert, until, cards: _clean(
                {
                    "consultant": f"Tư vấn {i}",
                    "contract_date": d,
                    "certificate": cert,
                    "certificate_valid_until": until,
                    "experts_have_cards": cards,
                }
            ),
            st.integers(1, 9),
            dates,
            _optional(st.just("GXN-1")),
            st.one_of(st.just(OMIT), dates),
            st.one_of(st.just(OMIT), st.booleans()),
        ),
        max_size=2,
        unique_by=lambda c: (c["consultant"], c["contract_date"]),
    )
    bodies = st.lists(
        st.builds(
            lambda i, d: {"body": f"TCCN {i}", "contract_date": d},
            st.integers(1, 9),
            st.dates(min_value=dt.date(2012, 1, 1), max_value=DAY1),
        ),
        max_size=2,
        unique_by=lambda b: (b["body"], b["contract_date"]),
    )
    surveys = st.lists(
        st.builds(lambda y, held: _clean({"year": y, "held_on": held}), year, _optional(dates)), max_size=2
    )

    def maybe(strategy):
        return draw(st.one_of(strategy, st.just(OMIT)))

    doc = _clean(
        {
            "agency": _clean(
                {
                    "name": "Cơ quan thử",
                    "level": draw(st.sampled_from(["department", "sub_department", "district", "commune"])),
                    "province": "Hà Tĩnh",
                    "standard": standard,
                    "has_website": draw(st.one_of(st.just(OMIT), st.booleans())),
                }
            ),
            "records_since": maybe(dates),
            "qms": maybe(st.just(qms)),
            "procedures": maybe(procedures),
            "legal_documents": maybe(legal),
            "internal_audits": maybe(audits),
            "management_reviews": maybe(reviews),
            "announcements": maybe(announcements),
            "scope_changes": maybe(changes),
            "consultants": maybe(consultants),
            "certification_bodies": maybe(bodies),
            "satisfaction_surveys": maybe(surveys),
        }
    )
    return doc

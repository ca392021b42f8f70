"""``isocheck serve`` over HTTP (Starlette's test client): confinement to its folder, the CSRF token on every
POST, the response headers, problems placed next to their inputs in the chosen language, hostile text
escaped, downloads, the catalogue loader and the command line."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import os
import re
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from starlette.routing import Route
from starlette.testclient import TestClient

from isocheck.api import load_pack
from isocheck.base.errors import InputError
from isocheck.serve import Config, Folder, create_app, load_catalogue
from isocheck.serve.app import LANGS

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "fixtures/xa-chua-san-sang-cong-bo.yaml"
AS_OF = dt.date(2021, 11, 16)
HTMX_SHA256 = "d6fdc75f204e6bdefa99b69bf1e6d4ac69b8a364f77929f45c13476b4000f717"
COMMUNE = {
    "agency.name": "UBND xã Thạch Long",
    "agency.level": "commune",
    "agency.province": "Hà Tĩnh",
    "agency.qms_duty.basis": "voluntary",  # a commune says why it applies a QMS (QĐ19 Điều 2 khoản 2)
    "agency.standard": "2015",
}


@pytest.fixture(scope="module")
def pack():
    return load_pack()


@pytest.fixture()
def folder(tmp_path):
    (tmp_path / "xa.yaml").write_bytes(FIXTURE.read_bytes())
    return tmp_path


@pytest.fixture()
def client(folder, pack):
    app = create_app(Config(Folder(folder), pack, "vi", today=lambda: AS_OF))
    with TestClient(app, base_url="http://127.0.0.1:8765") as c:
        yield c


def token(client: TestClient, file: str = "xa.yaml") -> tuple[str, str]:
    page = client.get("/edit", params={"file": file})
    assert page.status_code == 200, page.text
    csrf = re.search(r'name="csrf" value="([0-9a-f]+)"', page.text).group(1)
    base = re.search(r'name="base" value="([0-9a-f]+)"', page.text).group(1)
    return csrf, base


# -- the folder ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "vi"),
    [
        ("/etc/passwd.yaml", "đường dẫn tuyệt đối"),
        ("../xa.yaml", "dẫn ra ngoài thư mục"),
        ("a/../../xa.yaml", "dẫn ra ngoài thư mục"),
        (".git/config.yaml", "tệp ẩn"),
        ("notes.txt", "phải kết thúc bằng .yaml"),
        ("xa.yaml.bak", "phải kết thúc bằng .yaml"),
        ("a\\b.yaml", "không phải là tên tệp"),
        ("", "không phải là tên tệp"),
        ("~/x.yaml", "đường dẫn tuyệt đối"),
    ],
)
def test_names_outside_the_folder_are_refused(folder, name, vi):
    with pytest.raises(InputError) as caught:
        Folder(folder).path(name)
    assert vi in caught.value.text("vi")
    assert caught.value.text("en") != caught.value.text("vi")


def test_a_symlink_leading_out_is_refused(folder, tmp_path_factory):
    outside = tmp_path_factory.mktemp("outside")
    (outside / "secret.yaml").write_text("agency: {}\n", encoding="utf-8")
    os.symlink(outside / "secret.yaml", folder / "link.yaml")
    os.symlink(outside, folder / "sub")
    for name in ("link.yaml", "sub/secret.yaml"):
        with pytest.raises(InputError, match="symbolic link"):
            Folder(folder).path(name)
    assert Folder(folder).files() == ["xa.yaml"]


def test_the_page_refuses_a_name_outside_the_folder(client):
    page = client.get("/edit", params={"file": "../../etc/passwd.yaml"})
    assert page.status_code == 400
    assert "dẫn ra ngoài thư mục" in page.text
    csrf, base = token(client)
    answer = client.post("/save", data={"csrf": csrf, "base": base, "file": "/tmp/x.yaml", **COMMUNE})
    assert "đường dẫn tuyệt đối" in answer.text
    assert not Path("/tmp/x.yaml").exists() or Path("/tmp/x.yaml").stat().st_mtime < time.time() - 60


# -- CSRF, origin, host, headers ----------------------------------------------------------------------


def test_every_post_route_refuses_a_missing_or_wrong_token(client, folder):
    before = (folder / "xa.yaml").read_bytes()
    csrf, base = token(client)
    posts = [
        r.path.replace("{kind:str}", "report")
        for r in client.app.routes
        if isinstance(r, Route) and "POST" in r.methods
    ]
    assert set(posts) >= {"/check", "/save", "/download/report"}
    for path in posts:
        for data in ({"file": "xa.yaml", "base": base}, {"file": "xa.yaml", "base": base, "csrf": "0" * 64}):
            answer = client.post(path, data=data)
            assert answer.status_code == 403, path
            assert "CSRF" in answer.text
    other = TestClient(client.app, base_url="http://127.0.0.1:8765")  # another browser: its own session
    other.get("/")
    assert other.post("/save", data={"file": "xa.yaml", "base": base, "csrf": csrf}).status_code == 403
    assert (folder / "xa.yaml").read_bytes() == before
    assert client.post("/check", data={"file": "xa.yaml", "csrf": csrf}).status_code == 200
    assert client.post("/check", data={"file": "xa.yaml"}, headers={"X-CSRF-Token": csrf}).status_code == 200


def test_a_post_from_another_site_is_refused(client):
    csrf, _ = token(client)
    answer = client.post("/check", data={"file": "xa.yaml", "csrf": csrf}, headers={"Origin": "http://evil.example"})
    assert answer.status_code == 403


def test_another_host_name_is_refused(client):
    assert client.get("/", headers={"Host": "evil.example:8765"}).status_code == 400


def test_responses_forbid_outside_scripts_and_framing(client):
    answer = client.get("/")
    csp = answer.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "default-src 'none'" in csp and "frame-ancestors 'none'" in csp
    assert answer.headers["x-frame-options"] == "DENY"
    assert "HttpOnly" in answer.headers["set-cookie"] and "SameSite=Strict" in answer.headers["set-cookie"]


def test_every_asset_is_local_and_htmx_is_the_vendored_release(client):
    page = client.get("/edit", params={"file": "xa.yaml"}).text
    assert not re.search(r"(src|href)=\"(https?:)?//", page)
    htmx = client.get("/static/htmx.min.js")
    assert htmx.status_code == 200
    assert hashlib.sha256(htmx.content).hexdigest() == HTMX_SHA256
    assert 'version:"2.0.11"' in htmx.text
    assert "Zero-Clause BSD" in client.get("/static/htmx.LICENSE").text
    for asset in ("serve.js", "serve.css"):
        assert client.get(f"/static/{asset}").status_code == 200


# -- the check, next to the fields ----------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_problems_are_the_command_line_messages_next_to_their_inputs(client, lang):
    csrf, _ = token(client, "moi.yaml")
    data = {
        **COMMUNE,
        "agency.name": "",
        "agency.standard": "2016",
        "records_since": "32/01/2021",
        "procedures.r1.code": "1.001193",
        "procedures.r1.field": "Hộ tịch",
        "internal_audits.r2.date": "01/06/2022",
        "file": "moi.yaml",
        "csrf": csrf,
        "_lang": lang,
        "_as_of": "16/11/2021",
    }
    answer = client.post("/check", data=data).text
    placed = dict(re.findall(r'hx-swap-oob="innerHTML:#err-([\w-]+)">([^<]*)<', answer))
    missing = {"vi": "thiếu trường bắt buộc", "en": "required field is missing"}[lang]
    assert placed["agency-name"] == missing
    assert placed["procedures-r1-name"] == missing
    assert {"vi": "phải là 2008 hoặc 2015", "en": "Input should be 2008 or 2015"}[lang] in placed["agency-standard"]
    assert {"vi": "không phải là ngày có thật", "en": "not a real date"}[lang] in placed["records_since"]
    # the same messages as the command line, with the file and field, above the result
    assert {
        "vi": "moi.yaml: agency.name: thiếu trường bắt buộc",
        "en": "moi.yaml: agency.name: required field is missing",
    }[lang] in answer


def test_an_event_after_the_as_of_date_is_placed_at_its_date(client):
    csrf, _ = token(client, "moi.yaml")
    data = {
        **COMMUNE,
        "internal_audits.r2.date": "01/06/2022",
        "file": "moi.yaml",
        "csrf": csrf,
        "_as_of": "16/11/2021",
    }
    placed = dict(re.findall(r'hx-swap-oob="innerHTML:#err-([\w-]+)">([^<]*)<', client.post("/check", data=data).text))
    assert "01/06/2022 muộn hơn ngày đánh giá 16/11/2021" in placed["internal_audits-r2-date"]


def test_hostile_text_is_escaped_everywhere(client, folder):
    hostile = "<script>alert(\"x\")</script> & 'quote'\nline"
    csrf, _ = token(client, "moi.yaml")
    data = {
        **COMMUNE,
        "agency.name": hostile,
        "procedures.r1.code": "<b>1</b>",
        "procedures.r1.name": hostile,
        "procedures.r1.field": "&amp;",
        "procedures.r1.internal_procedure": "false",
        "file": "moi.yaml",
        "csrf": csrf,
    }
    answer = client.post("/check", data=data).text
    assert "<script>" not in answer and "<b>" not in answer
    assert "&lt;b&gt;1&lt;/b&gt;" in answer and "&amp;amp;" in answer
    base = hashlib.sha256(b"").hexdigest()
    saved = client.post("/save", data={**data, "base": base})
    assert saved.status_code == 204
    page = client.get("/edit", params={"file": "moi.yaml"}).text
    assert "<script>alert" not in page and "&lt;script&gt;alert(&#34;x&#34;)" in page


def test_save_writes_nothing_while_the_form_is_invalid_unless_a_draft_is_asked_for(client, folder):
    csrf, base = token(client, "moi.yaml")
    data = {**COMMUNE, "records_since": "31/02/2021", "file": "moi.yaml", "csrf": csrf, "base": base}
    answer = client.post("/save", data=data)
    assert answer.status_code == 200 and "Chưa lưu" in answer.text
    assert not (folder / "moi.yaml").exists()
    draft = client.post("/save", data={**data, "draft": "1"})
    assert draft.status_code == 204 and draft.headers["HX-Redirect"].startswith("/edit?file=moi.yaml")
    assert "records_since: 31/02/2021" in (folder / "moi.yaml").read_text(encoding="utf-8")
    reopened = client.get("/edit", params={"file": "moi.yaml"}).text
    assert 'value="31/02/2021"' in reopened and "Tệp hiện có lỗi" in reopened


def test_save_refuses_a_file_changed_elsewhere_since_the_page_was_opened(client, folder):
    csrf, base = token(client)
    (folder / "xa.yaml").write_text(FIXTURE.read_text(encoding="utf-8") + "# edited elsewhere\n", encoding="utf-8")
    answer = client.post("/save", data={"file": "xa.yaml", "csrf": csrf, "base": base, **COMMUNE})
    assert "sửa ở nơi khác" in answer.text
    assert (folder / "xa.yaml").read_text(encoding="utf-8").endswith("# edited elsewhere\n")


def test_an_unknown_key_in_the_file_is_kept_and_named(client, folder):
    (folder / "typo.yaml").write_text(
        "agency: {name: X, level: commune, province: Y, standard: 2015}\nprocedurs: []\n", encoding="utf-8"
    )
    page = client.get("/edit", params={"file": "typo.yaml"}).text
    assert "procedurs" in page and "có phải là &#39;procedures&#39;?" in page
    csrf, base = token(client, "typo.yaml")
    answer = client.post(
        "/save",
        data={
            "file": "typo.yaml",
            "csrf": csrf,
            "base": base,
            "agency.name": "X",
            "agency.level": "commune",
            "agency.province": "Y",
            "agency.standard": "2015",
        },
    )
    assert "Chưa lưu" in answer.text and "procedurs" in answer.text
    assert "procedurs: []" in (folder / "typo.yaml").read_text(encoding="utf-8")


# -- downloads --------------------------------------------------------------------------------------------


def _form_of(client, file="xa.yaml"):
    """The posted form of the page as a browser sends it: every input and selected option."""
    import yaml
    from test_serve_yaml import posted

    from isocheck.serve.checking import FIELDS
    from isocheck.serve.view import nodes

    csrf, base = token(client, file)
    pairs = posted(nodes(FIELDS, yaml.safe_load(FIXTURE.read_text(encoding="utf-8")), "", "vi", {}))
    return [*pairs, ("csrf", csrf), ("base", base), ("file", file), ("_as_of", "16/11/2021")]


def _post(client, path: str, pairs: list[tuple[str, str]]):
    """A POST of repeated names in page order, as a browser sends a form."""
    from urllib.parse import urlencode

    headers = {"content-type": "application/x-www-form-urlencoded"}
    return client.post(path, content=urlencode(pairs).encode(), headers=headers)


def test_the_report_and_the_minutes_of_the_form_as_it_stands(client):
    form = _form_of(client)
    report = _post(client, "/download/report", form)
    assert report.status_code == 200
    assert report.headers["content-disposition"] == 'attachment; filename="xa-bao-cao.html"'
    assert "UBND xã Thạch Hạ" in report.text and "<!DOCTYPE html>" in report.text
    edited = [(k, "UBND xã Thạch Hạ mới" if k == "agency.name" else v) for k, v in form]
    minutes = _post(client, "/download/minutes", edited)
    assert minutes.headers["content-disposition"] == 'attachment; filename="xa-bien-ban.docx"'
    import docx

    text = "\n".join(p.text for p in docx.Document(io.BytesIO(minutes.content)).paragraphs)
    assert "UBND xã Thạch Hạ mới" in text and "BIÊN BẢN" in text.upper()


def test_no_download_of_an_invalid_form(client):
    csrf, _ = token(client, "moi.yaml")
    answer = client.post("/download/report", data={"file": "moi.yaml", "csrf": csrf, "agency.name": "X"})
    assert answer.status_code == 400 and "thiếu trường bắt buộc" in answer.text


# -- the catalogue and the command line -------------------------------------------------------------------


def test_the_catalogue_loader_reads_vietnamese_headers_and_refuses_numeric_codes(tmp_path):
    csv_file = tmp_path / "dm.csv"
    csv_file.write_text(
        "STT;Mã TTHC;Tên thủ tục;Lĩnh vực\n1;1.001193;Thủ tục đăng ký khai sinh;Hộ tịch\n", encoding="utf-8-sig"
    )
    [entry] = load_catalogue(csv_file)
    assert (entry.code, entry.name, entry.field) == ("1.001193", "Thủ tục đăng ký khai sinh", "Hộ tịch")
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["code", "name", "field"])
    book.active.append([1.00119, "Thủ tục", "Hộ tịch"])
    book.save(tmp_path / "dm.xlsx")
    with pytest.raises(InputError) as caught:
        load_catalogue(tmp_path / "dm.xlsx")
    assert "định dạng cột mã là văn bản" in caught.value.text("vi") and caught.value.line == 2
    (tmp_path / "bad.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(InputError, match="code, name and field"):
        load_catalogue(tmp_path / "bad.csv")


@pytest.mark.parametrize(
    ("name", "vi", "en"),
    [
        (
            "",
            "không phải là tên tệp (trống, có dấu \\ hoặc ký tự điều khiển)",
            "is not a file name (empty, a backslash or a control character)",
        ),
        (
            "/etc/passwd.yaml",
            "là đường dẫn tuyệt đối; hãy ghi tên tệp nằm trong thư mục đang mở",
            "is an absolute path; give a name inside the folder isocheck serve was started in",
        ),
        (
            "../xa.yaml",
            "dẫn ra ngoài thư mục hoặc tới tệp ẩn ('..' hoặc tên bắt đầu bằng '.')",
            "leads out of the folder or to a hidden file ('..' or a name starting with '.')",
        ),
        (
            "notes.txt",
            "không phải tệp thông tin YAML; tên tệp phải kết thúc bằng .yaml hoặc .yml",
            "is not a YAML fact file; the name must end in .yaml or .yml",
        ),
        (
            "out/x.yaml",
            "dẫn ra ngoài thư mục qua một liên kết tượng trưng (symlink)",
            "leads out of the folder through a symbolic link",
        ),
    ],
)
def test_the_folders_refusals_read_as_written_in_each_language(folder, tmp_path_factory, name, vi, en):
    os.symlink(tmp_path_factory.mktemp("outside"), folder / "out")
    with pytest.raises(InputError) as caught:
        Folder(folder).path(name)
    assert (caught.value.detail.text("vi"), caught.value.detail.text("en")) == (vi, en)
    with pytest.raises(InputError) as caught:
        Folder(folder).write("nope/x.yaml", "")
    assert (caught.value.detail.text("vi"), caught.value.detail.text("en")) == (
        "nằm trong thư mục không tồn tại",
        "is in a folder that does not exist",
    )


def _catalogue_files(tmp_path: Path) -> dict[str, Path]:
    from openpyxl import Workbook

    files = {
        "dm.txt": b"code,name,field\n",
        "bad.xlsx": b"not a workbook",
        "latin.csv": b"code,name,field\n1.001193,Khai sinh,H\xf4 t\xe9ch\n",
        "long.csv": b"code,name,field\n1.001193," + b"x" * 200_000 + b",a\n",
        "header.csv": "code,tên\n1.001193,Khai sinh\n".encode(),
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    book = Workbook()
    book.active.append(["code", "name", "field"])
    book.active.append([1.00119, "Thủ tục", "Hộ tịch"])
    book.save(tmp_path / "number.xlsx")
    return {name: tmp_path / name for name in (*files, "number.xlsx", "missing.csv")}


@pytest.mark.parametrize(
    ("name", "line", "vi", "en"),
    [
        ("dm.txt", None, "không phải danh mục dạng CSV hoặc XLSX", "is not a CSV or XLSX catalogue"),
        ("missing.csv", None, "không tìm thấy tệp", "file not found"),
        ("bad.xlsx", None, "không đọc được tệp Excel (.xlsx)", "is not a readable XLSX workbook"),
        (
            "latin.csv",
            None,
            "không phải văn bản UTF-8; hãy lưu dạng CSV UTF-8",
            "is not UTF-8 text; save it as CSV UTF-8",
        ),
        (
            "long.csv",
            None,
            "không đọc được tệp CSV (field larger than field limit (131072))",
            "is not a readable CSV file (field larger than field limit (131072))",
        ),
        (
            "header.csv",
            1,
            "dòng tiêu đề phải có các cột mã, tên và lĩnh vực (thiếu: field)",
            "the header row must name the columns code, name and field (missing: field)",
        ),
        (
            "number.xlsx",
            2,
            "mã TTHC đang lưu dạng số; hãy định dạng cột mã là văn bản (Text)",
            "the code is stored as a number; format the code column as text",
        ),
    ],
)
def test_the_catalogue_loaders_problems_read_as_written_in_each_language(tmp_path, name, line, vi, en):
    with pytest.raises(InputError) as caught:
        load_catalogue(_catalogue_files(tmp_path)[name])
    assert (caught.value.detail.text("vi"), caught.value.detail.text("en"), caught.value.line) == (vi, en, line)


def test_a_date_the_form_cannot_read_and_a_file_it_cannot_edit_say_so_in_each_language(folder, monkeypatch):
    from isocheck.serve import app
    from isocheck.serve.dates import parse_day

    problem = parse_day("16/11/21")
    assert (problem.text("vi"), problem.text("en")) == (
        "phải là ngày viết dạng dd/mm/yyyy (ví dụ 16/11/2021), nhưng ô ghi '16/11/21'",
        "Input should be a date written dd/mm/yyyy (e.g. 16/11/2021), found '16/11/21'",
    )

    def refuse(text: str) -> None:
        raise ValueError("not for the form")

    monkeypatch.setattr(app.yamldoc, "load", refuse)
    with pytest.raises(InputError) as caught:
        app.opened(Folder(folder), "xa.yaml", "vi")
    assert (caught.value.detail.text("vi"), caught.value.detail.text("en")) == (
        "không mở được trong biểu mẫu (ValueError)",
        "cannot be edited in the form (ValueError)",
    )


def test_the_page_offers_the_catalogue_escaped(folder, pack, tmp_path):
    (tmp_path / "dm.csv").write_text(
        'code,name,field\n1.001449,"Thủ tục </script><b>x</b>",Tôn giáo\n', encoding="utf-8"
    )
    config = Config(Folder(folder), pack, "vi", catalogue=load_catalogue(tmp_path / "dm.csv"), catalogue_name="dm.csv")
    with TestClient(create_app(config), base_url="http://127.0.0.1:8765") as c:
        page = c.get("/edit", params={"file": "xa.yaml"}).text
    assert '<datalist id="catalogue-code">' in page and "</script><b>" not in page
    assert "\\u003c/script\\u003e" in page  # inside the JSON for the script


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_the_command_binds_to_this_computer_and_warns_about_another_host(folder):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "isocheck", "serve", str(folder), "--port", str(port)],
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        import httpx

        for _ in range(200):
            try:
                answer = httpx.get(f"http://127.0.0.1:{port}/", timeout=2)
                break
            except httpx.TransportError:
                time.sleep(0.05)
        assert answer.status_code == 200 and "xa.yaml" in answer.text
    finally:
        proc.terminate()
        _, err = proc.communicate(timeout=30)
    assert f"http://127.0.0.1:{port}/" in err and "cảnh báo" not in err
    warned = subprocess.run(
        [sys.executable, "-m", "isocheck", "serve", str(folder), "--host", "0.0.0.0", "--port", "-1"],
        capture_output=True,
        text=True,
        env=env,
    )
    assert warned.returncode == 2  # the port is refused before anything listens
    from click.testing import CliRunner

    from isocheck.cli.serve import _warning

    text = _warning("0.0.0.0")
    assert "cảnh báo" in text and "warning" in text and "0.0.0.0" in text
    assert CliRunner().invoke(__import__("isocheck.cli", fromlist=["cli"]).cli, ["serve", "--help"]).exit_code == 0


# -- the form is the model -----------------------------------------------------------------------------


def test_every_field_of_the_model_has_its_input_and_dates_are_shown_day_first(client):
    from isocheck.serve.checking import FIELDS
    from isocheck.serve.schema import walk

    page = client.get("/edit", params={"file": "xa.yaml"}).text
    assert 'value="20/09/2021"' in page and "2021-09-20" not in page  # qms.quality_policy.issued_on
    for field in walk(FIELDS):
        if "[]" not in field.path and field.kind not in ("group", "list"):
            assert f'name="{field.path}"' in page, field.path
    assert page.count('<tr class="row"') >= 30  # every TTHC a row


def test_a_new_row_comes_from_the_model_with_a_fresh_token(client):
    first = client.get("/row", params={"list": "procedures", "name": "procedures", "lang": "vi"}).text
    second = client.get("/row", params={"list": "procedures", "name": "procedures"}).text
    token_of = re.compile(r'name="procedures\.(n[0-9a-f]+)\.code"')
    assert token_of.search(first).group(1) != token_of.search(second).group(1)
    nested = client.get(
        "/row", params={"list": "internal_audits[].corrective_actions", "name": "internal_audits.3.corrective_actions"}
    ).text
    assert re.search(r'name="internal_audits\.3\.corrective_actions\.n[0-9a-f]+\.finding"', nested)
    for params in (
        {"list": "agency", "name": "agency"},
        {"list": "procedures", "name": "x.y"},
        {"list": "internal_audits[].corrective_actions", "name": "internal_audits.<b>.corrective_actions"},
    ):
        assert client.get("/row", params=params).status_code == 404


def test_a_list_added_to_the_model_appears_in_the_form_on_its_own():
    from pydantic import Field

    from isocheck.facts.model import Agency, Strict
    from isocheck.serve.formdata import parse_form
    from isocheck.serve.schema import form_fields
    from isocheck.serve.view import nodes

    class Judgement(Strict):
        criterion: str = Field(min_length=1, description="The criterion judged, e.g. '7.2'.")
        met: bool | None = Field(None, description="The inspector finds it met.")
        judged_on: dt.date | None = Field(None, description="Date of the judgement; null = not judged yet.")

    class WithJudgements(Agency):
        judgements: list[Judgement] | None = Field(None, description="Inspector judgements; [] = none.")

    fields = form_fields(WithJudgements)
    [judgements] = [f for f in fields if f.name == "judgements"]
    assert judgements.kind == "list" and judgements.tabular
    assert [c.name for c in judgements.children] == ["criterion", "met", "judged_on"]
    assert judgements.children[0].label("en") == "The criterion judged"
    assert judgements.children[2].none_label("en") == "Not judged yet"
    assert judgements.none_label("en") == "None"
    data = {"judgements": [{"criterion": "7.2", "met": True, "judged_on": dt.date(2026, 11, 2)}]}
    [node] = [n for n in nodes(fields, data, "", "vi", {}) if n.name == "judgements"]
    assert [c.value for c in node.rows[0].cells] == ["7.2", "true", "02/11/2026"]
    pairs = [
        ("judgements.0._from", "0"),
        ("judgements.0.criterion", "7.2"),
        ("judgements.0.met", "true"),
        ("judgements.0.judged_on", "02/11/2026"),
    ]
    assert parse_form(pairs, fields).data == {"agency": {}, **data}  # the required group is always there

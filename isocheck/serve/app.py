"""The Starlette application of ``isocheck serve``: pages, live check, save and downloads.

Routes (every POST carries the CSRF token, :mod:`isocheck.serve.security`):

- ``GET /`` — the fact files of the folder, and a name for a new one;
- ``GET /edit?file=NAME`` — the form for that file (empty for a new file), with the check beside it;
- ``GET /row?list=PATH&name=NAME`` — a blank row for a list of the form (htmx adds it to the table);
- ``POST /check`` — the check of the form as it stands (htmx, as the user types): the result panel, and
  each problem placed next to its input (out-of-band swaps);
- ``POST /save`` — writes the file when the form is valid (or, asked for explicitly, as a draft);
- ``POST /download/report`` and ``POST /download/minutes`` — the HTML report and the Word minutes of the
  form as it stands, without saving it.

Saving, decided: **Save** writes the file only when the form is valid as the command line would read it
(model, dates, and once more the text about to be written, with whatever the form kept from the file
unseen); otherwise nothing is written and every problem is shown. **Save a draft** (after a confirmation)
writes what the form holds even with problems — a wrongly written date is kept as the text typed — so a
long form is never lost; ``isocheck check`` then names the problems, and the page shows them when the draft
is opened again. A file changed on disk since the page was opened is never overwritten.

Templates are Jinja2 with autoescape on and undefined names as errors; static files (htmx, the page's
script and stylesheet) are served from the package, so the page needs nothing from outside.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from starlette.applications import Starlette
from starlette.datastructures import FormData
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from isocheck.base.errors import InputError
from isocheck.facts.model import validate_agency
from isocheck.pack.rules import PROFILES, RulePack
from isocheck.serve import checking, yamldoc
from isocheck.serve.catalogue import Entry
from isocheck.serve.checking import FIELDS, Checked, Settings
from isocheck.serve.dates import parse_day, show_day
from isocheck.serve.files import Folder
from isocheck.serve.meanings import examples
from isocheck.serve.results import results
from isocheck.serve.schema import FormField, walk
from isocheck.serve.security import Guard, SessionHeaders, checked_form, session_of
from isocheck.serve.view import dom_id, new_row, nodes
from isocheck.serve.words import WORDS, word
from isocheck.text.problems import Problem
from isocheck.text.ui import ui

LANGS = ("vi", "en")


@dataclasses.dataclass
class Config:
    folder: Folder
    pack: RulePack
    lang: str = "vi"
    catalogue: list[Entry] = dataclasses.field(default_factory=list)
    catalogue_name: str = ""
    hosts: tuple[str, ...] = ("127.0.0.1", "localhost")
    today: Any = dt.date.today  # the default as-of day (a test fixes it)


def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("isocheck.serve", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(dom_id=dom_id, ui=ui)
    return env


class Pages:
    """The route handlers, sharing the configuration, the templates and the CSRF guard."""

    def __init__(self, config: Config):
        self.config = config
        self.env = _environment()
        self.guard = Guard()

    # -- helpers -----------------------------------------------------------------------------------

    def lang(self, request: Request, form: FormData | None = None) -> str:
        lang = (form.get("_lang") if form is not None else None) or request.query_params.get("lang")
        return lang if lang in LANGS else self.config.lang

    def render(self, name: str, request: Request, lang: str, status: int = 200, **context: Any) -> HTMLResponse:
        words = {key: word(key, lang) for key in WORDS}
        token = self.guard.token(session_of(request))
        html = self.env.get_template(name).render(w=words, lang=lang, csrf=token, **context)
        return HTMLResponse(html, status_code=status)

    def checked(self, form: FormData, lang: str) -> tuple[Checked, Settings, str]:
        file = str(form.get("file", ""))
        self.config.folder.path(file)  # a refused name is refused before anything else
        settings, as_of_problem = form_settings(form, lang, self.config.today())
        pairs = [(k, str(v)) for k, v in form.multi_items() if k not in ("csrf", "file", "base")]
        checked = checking.check_form(pairs, file, settings, self.config.pack)
        if as_of_problem:
            checked.errors["_as_of"] = as_of_problem
        return checked, settings, file

    def panel(self, request: Request, checked: Checked, lang: str, **extra: Any) -> HTMLResponse:
        view = results(checked.report, checked.parsed.names, lang) if checked.report is not None else None
        return self.render(
            "result.html.j2",
            request,
            lang,
            result=view,
            partial=checked.partial,
            errors=checked.errors,
            messages=checked.messages,
            **extra,
        )

    def refused(self, request: Request, error: InputError, lang: str, status: int = 400) -> HTMLResponse:
        """The refusal as a page, or (an htmx request) in the status line of the result panel."""
        if request.headers.get("hx-request"):
            empty = Checked(checking.parse_form([], FIELDS), {}, [], None)
            return self.panel(request, empty, lang, status_text=error.text(lang), status_cls="bad")
        return self.render("refused.html.j2", request, lang, status=status, message=error.text(lang))

    # -- pages -------------------------------------------------------------------------------------

    async def home(self, request: Request) -> Response:
        lang = self.lang(request)
        return self.render(
            "home.html.j2", request, lang, files=self.config.folder.files(), root=self.config.folder.root
        )

    async def edit(self, request: Request) -> Response:
        lang = self.lang(request)
        file = request.query_params.get("file", "")
        try:
            original, data, problem = opened(self.config.folder, file, lang)
        except InputError as refusal:
            return self.refused(request, refusal, lang)
        level = data.get("agency", {}).get("level") if isinstance(data.get("agency"), dict) else None
        today = self.config.today()
        form_nodes = nodes(FIELDS, data, "", lang, examples(level if level in _LEVELS else "commune", today.year))
        return self.render(
            "edit.html.j2",
            request,
            lang,
            file=file,
            exists=bool(original),
            base=_digest(original),
            nodes=form_nodes,
            as_of=show_day(today),
            profiles=["all", *PROFILES],
            catalogue=[dataclasses.asdict(e) for e in self.config.catalogue],
            catalogue_name=self.config.catalogue_name,
            saved=request.query_params.get("saved") == "1",
            file_problem=problem,
        )

    async def row(self, request: Request) -> Response:
        lang = self.lang(request)
        path, name = request.query_params.get("list", ""), request.query_params.get("name", "")
        field = _LISTS.get(path)
        if field is None or not _name_fits(name, path):
            raise HTTPException(404)
        today = self.config.today()
        level = request.query_params.get("level", "commune")
        row = new_row(field, name, lang, examples(level if level in _LEVELS else "commune", today.year))
        return self.render("row.html.j2", request, lang, field=field, row=row, list_name=name)

    async def check(self, request: Request) -> Response:
        form = await checked_form(request, self.guard)
        lang = self.lang(request, form)
        try:
            checked, _, _ = self.checked(form, lang)
        except InputError as error:
            return self.refused(request, error, lang)
        if form.get("_quiet") == "1" and checked.report is None:  # a new file nobody has typed in yet
            checked.errors, checked.messages = {}, []
            return self.panel(request, checked, lang, status_text=word("start_here", lang), status_cls="info")
        return self.panel(request, checked, lang)

    async def save(self, request: Request) -> Response:
        form = await checked_form(request, self.guard)
        lang = self.lang(request, form)
        draft = form.get("draft") == "1"
        try:
            checked, settings, file = self.checked(form, lang)
            original = self.config.folder.read(file) if self.config.folder.path(file).exists() else ""
            if _digest(original) != form.get("base"):
                return self.panel(request, checked, lang, status_text=word("changed_outside", lang), status_cls="bad")
            text = checking.saved_text(checked, original, file, settings, draft)
            if text is None:
                return self.panel(request, checked, lang, status_text=word("not_saved", lang), status_cls="bad")
            if text != original:
                self.config.folder.write(file, text)
        except InputError as error:
            return self.refused(request, error, lang)
        target = f"/edit?file={_quote(file)}&lang={lang}&saved=1"
        return Response(status_code=204, headers={"HX-Redirect": target})

    async def download(self, request: Request) -> Response:
        form = await checked_form(request, self.guard)
        lang = self.lang(request, form)
        kind = request.path_params["kind"]
        if kind not in ("report", "minutes"):
            raise HTTPException(404)
        try:
            checked, _, file = self.checked(form, lang)
        except InputError as error:
            return self.refused(request, error, lang)
        if checked.report is None or checked.errors:
            return self.render("refused.html.j2", request, lang, status=400, message="\n".join(checked.messages))
        return attachment(checked.report, kind, file, lang)


def opened(folder: Folder, file: str, lang: str) -> tuple[str, dict[str, Any], str | None]:
    """The text of ``file``, its document as the form edits it, and what is wrong with it as a fact file
    (None when nothing); :class:`InputError` when it cannot be opened in the form at all."""
    original = folder.read(file)
    try:
        data = _plain(yamldoc.load(original))
    except Exception as exc:  # ruamel.yaml refusing what isocheck's reader took: say so, open nothing
        raise InputError(
            file,
            Problem("serve.not_editable", error=type(exc).__name__),
        ) from None
    problem = None
    if original:
        try:
            validate_agency(data, file)
        except InputError as error:
            problem = error.text(lang)
    return original, data, problem


def form_settings(form: FormData, lang: str, today: dt.date) -> tuple[Settings, str | None]:
    """The as-of day (dd/mm/yyyy, today when blank), profile and language of a posted form, and the
    problem with the day as written, if any."""
    as_of_text = str(form.get("_as_of", "")).strip()
    day = parse_day(as_of_text) if as_of_text else today
    profile = str(form.get("_profile", "all"))
    problem = None if isinstance(day, dt.date) else day.text(lang)
    as_of = day if isinstance(day, dt.date) else today
    return Settings(as_of, profile if profile in (*PROFILES, "all") else "all", lang), problem


def attachment(report, kind: str, file: str, lang: str) -> Response:
    """The HTML report or the Word minutes of ``report`` as a download named after the fact file."""
    stem = file.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    if kind == "report":
        from isocheck.report.html import render

        body: bytes = render(report, lang).encode("utf-8")
        media, name = "text/html; charset=utf-8", f"{stem}-bao-cao.html"
    else:
        from isocheck.report.minutes import render_minutes

        body = render_minutes(report, None, lang)
        media = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        name = f"{stem}-bien-ban.docx"
    return Response(body, media_type=media, headers={"content-disposition": f'attachment; filename="{name}"'})


_LEVELS = ("department", "sub_department", "district", "commune")
_LISTS: dict[str, FormField] = {f.path: f for f in walk(FIELDS) if f.kind == "list"}


def _name_fits(name: str, path: str) -> bool:
    """``internal_audits.n1a2.corrective_actions`` is a form name of ``internal_audits[].corrective_actions``."""
    parts, keys = name.split("."), path.replace("[]", "").split(".")
    return len(parts) == 2 * len(keys) - 1 and parts[::2] == keys and all(p.isalnum() for p in parts[1::2])


def _plain(value: Any) -> Any:
    """A ruamel document as plain Python (mappings, lists, scalars)."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _quote(file: str) -> str:
    from urllib.parse import quote

    return quote(file, safe="/")


def create_app(config: Config) -> Starlette:
    """The web application for ``config``."""
    pages = Pages(config)
    routes = [
        Route("/", pages.home),
        Route("/edit", pages.edit),
        Route("/row", pages.row),
        Route("/check", pages.check, methods=["POST"]),
        Route("/save", pages.save, methods=["POST"]),
        Route("/download/{kind:str}", pages.download, methods=["POST"]),
        Mount("/static", StaticFiles(packages=[("isocheck.serve", "static")]), name="static"),
    ]
    middleware = [Middleware(TrustedHostMiddleware, allowed_hosts=list(config.hosts)), Middleware(SessionHeaders)]
    return Starlette(routes=routes, middleware=middleware)

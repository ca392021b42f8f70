"""The page's protections: a session cookie, a CSRF token on every POST, and strict response headers.

- Session: a random cookie (``HttpOnly``, ``SameSite=Strict``) set on the first visit.
- CSRF: the token is an HMAC of the session with a secret made when the server starts, so it is per
  session and never stored; every POST must carry it (form field ``csrf`` or header ``X-CSRF-Token``, which
  the page's htmx requests send) and :func:`checked_form` refuses a POST without the right one (403).
  A POST whose ``Origin`` is another site is refused too.
- Headers: a Content-Security-Policy that allows scripts, styles and requests to this server only (no
  inline script, no external URL), no framing, no referrer, no MIME sniffing.
Starlette's ``TrustedHostMiddleware`` (set up in :mod:`isocheck.serve.app`) refuses another ``Host``, so a
page elsewhere cannot reach the server by rebinding a name to 127.0.0.1.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

from starlette.datastructures import FormData
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

COOKIE = "isocheck_session"
HEADERS = {
    "content-security-policy": "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "no-referrer",
    "cache-control": "no-store",
}


class Guard:
    """The server's secret and the tokens derived from it."""

    def __init__(self) -> None:
        self._secret = secrets.token_bytes(32)

    def token(self, session: str) -> str:
        return hmac.new(self._secret, session.encode(), hashlib.sha256).hexdigest()

    def valid(self, session: str | None, token: str | None) -> bool:
        return bool(session and token) and hmac.compare_digest(self.token(session or ""), token or "")


def session_of(request: Request) -> str:
    """The request's session (made by :class:`SessionHeaders` when the browser had none)."""
    return request.scope.get("isocheck.session", "")


async def checked_form(request: Request, guard: Guard) -> FormData:
    """The posted form, after the CSRF token and the origin are checked (403 otherwise)."""
    origin = request.headers.get("origin")
    if origin is not None and origin != f"{request.url.scheme}://{request.headers.get('host', '')}":
        raise HTTPException(403, "cross-origin request refused · yêu cầu từ trang khác bị từ chối")
    form = await request.form(max_files=0, max_fields=20_000, max_part_size=1024 * 1024)
    token = request.headers.get("x-csrf-token") or str(form.get("csrf", ""))
    cookie = request.cookies.get(COOKIE)
    if cookie != session_of(request) or not guard.valid(cookie, token):
        raise HTTPException(
            403, "missing or wrong CSRF token: reload the page · thiếu hoặc sai mã bảo vệ CSRF: hãy tải lại trang"
        )
    return form


class SessionHeaders:
    """ASGI middleware: gives each browser a session cookie and adds :data:`HEADERS` to every response."""

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        cookie = Request(scope).cookies.get(COOKIE)
        fresh = not cookie or len(cookie) != 43 or not cookie.replace("-", "").replace("_", "").isalnum()
        session = secrets.token_urlsafe(32) if fresh else cookie
        scope["isocheck.session"] = session

        async def wrapped(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                headers += [(k.encode(), v.encode()) for k, v in HEADERS.items()]
                if fresh:
                    value = f"{COOKIE}={session}; Path=/; HttpOnly; SameSite=Strict"
                    headers.append((b"set-cookie", value.encode()))
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, wrapped)

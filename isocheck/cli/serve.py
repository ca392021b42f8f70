"""``isocheck serve``: the local web page where an ISO secretary fills in the facts and sees the check."""

from __future__ import annotations

import click

from isocheck.cli.language import Command
from isocheck.cli.options import LANG, RULES_DIR, input_errors

LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1")


def _warning(host: str) -> str:
    return (
        f"isocheck serve: cảnh báo: đang mở trên {host}, không chỉ máy này: máy khác trong mạng có thể đọc và "
        "sửa các tệp của thư mục. Chỉ dùng trong mạng tin cậy.\n"
        f"isocheck serve: warning: listening on {host}, not only on this computer: other machines on the network "
        "can read and change the folder's files. Use it on a trusted network only."
    )


@click.command("serve", cls=Command)
@click.argument("folder", type=click.Path(file_okay=False, exists=True), default=".")
@click.option(
    "--host", default="127.0.0.1", show_default=True, help="Address to listen on (this computer only by default)."
)
@click.option("--port", type=click.IntRange(1, 65535), default=8765, show_default=True, help="Port to listen on.")
@LANG
@click.option(
    "--catalogue",
    "catalogue_file",
    type=click.Path(dir_okay=False, exists=True),
    default=None,
    help="The province's TTHC catalogue (.csv or .xlsx with columns code, name, field): TTHC rows fill from it.",
)
@RULES_DIR
@input_errors
def serve_command(folder, host, port, lang, catalogue_file, rules_dir) -> None:
    """A local web page to create and edit the agency fact files of FOLDER (default: the current folder),
    with the check shown live as you type, saving, and the HTML report and Word minutes to download.

    \b
    It reads and writes only inside FOLDER and listens on 127.0.0.1 unless --host says otherwise:
      isocheck serve ho-so-iso --port 8765 --catalogue danh-muc-tthc.xlsx
    """
    import uvicorn

    from isocheck.api import load_pack
    from isocheck.serve import Config, Folder, create_app, load_catalogue

    config = Config(Folder(folder), load_pack(rules_dir), lang)
    if catalogue_file:
        config.catalogue, config.catalogue_name = load_catalogue(catalogue_file), click.format_filename(catalogue_file)
    if host not in LOCAL_HOSTS:
        click.echo(_warning(host), err=True)
        config.hosts = ("*",) if host in ("0.0.0.0", "::") else (host, *LOCAL_HOSTS)
    shown = f"[{host}]" if ":" in host else host
    click.echo(
        f"isocheck serve: mở http://{shown}:{port}/ trong trình duyệt · open http://{shown}:{port}/ in a browser "
        "(Ctrl+C: dừng · stop)",
        err=True,
    )
    uvicorn.run(create_app(config), host=host, port=port, log_level="warning")

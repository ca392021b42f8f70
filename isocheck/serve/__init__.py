"""``isocheck serve``: a local web page where an agency's ISO secretary fills in the fact file and sees the
check as they type.

The form is generated from the fact model (:mod:`.schema`, texts through :mod:`.meanings`), read back into
a fact document (:mod:`.formdata`), checked as the command line checks a file (:mod:`.checking`,
:mod:`.results`) and saved by editing the loaded YAML document so comments and layout stay
(:mod:`.yamldoc`). The application (:mod:`.app`) reads and writes only inside its folder (:mod:`.files`)
and guards every POST with a CSRF token (:mod:`.security`). Nothing but :mod:`isocheck.cli.serve` imports
this package.
"""

from __future__ import annotations

from isocheck.serve.app import Config, create_app
from isocheck.serve.catalogue import load_catalogue
from isocheck.serve.files import Folder

__all__ = ["Config", "Folder", "create_app", "load_catalogue"]

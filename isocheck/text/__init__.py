"""Interface texts in Vietnamese and English: the report's words (:mod:`~isocheck.text.ui`), the input-problem
catalogue (:mod:`~isocheck.text.problems`), the command line's help and click's words (:mod:`~isocheck.text.help_vi`,
:mod:`~isocheck.text.click_messages`). The texts themselves are the gettext catalog ``isocheck/locale/vi/LC_MESSAGES/
isocheck.po`` (English msgid, Vietnamese msgstr), compiled to ``isocheck.mo`` by ``scripts/catalogs`` and read once
by :mod:`~isocheck.text.catalog`; what is not prose (the collation of :mod:`~isocheck.text.collation`, the value
formats of :mod:`~isocheck.text.values`) stays in Python."""

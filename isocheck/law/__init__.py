"""The law as data: the legal texts shipped in ``law/`` (texts), citations of them and of TCVN ISO 9001 checked
against those texts (citations, standards), dated legal parameters (parameters) and province overlays (overlay)."""

"""isocheck: checks a Vietnamese state agency's QMS (TCVN ISO 9001) against QĐ19/2014 and TT26/2014.

The library entry points live in :mod:`isocheck.api`; the command line in :mod:`isocheck.cli`.
"""

__version__ = "0.1.0"

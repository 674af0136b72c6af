"""disclosure-lint: a compliance checker for 政府信息公开工作年度报告."""

__version__ = "0.1.0"
# the ``<meta name="generator">`` of the HTML report it writes (``check -f html``): a file so marked, found in a
# directory that is checked, is skipped as no report (report/candidate.py)
GENERATOR = "disclosure-lint"

"""The adversarial suite of issue 8: hostile inputs, each run through the real CLI under bounds.

* :mod:`.build`  — small helpers that write hostile inputs (reports, PDFs, Word files, FIFOs…);
* :mod:`.cases`  — the catalogue: one small function per case, building its input in a directory and
  saying what is expected (exit code, which good report must still be checked, what must appear);
* :mod:`.run`    — runs one case in a subprocess with a wall-clock timeout and an address-space limit
  and checks the issue's "Done when" on the result.

``tests/test_hostile.py`` runs every case (the small ones by default, the big ones under ``-m slow``);
``python -m tests.hostile [--all] [NAME…]`` prints the same results as a table (time, peak memory,
exit code, first traceback line) for the report the coordinator reads.
"""

"""Checks across the reports of one run: identity of a report's body (:mod:`.identity`), the compact facts each
file's result carries (:mod:`.facts`), the hook that compares them once every file was checked (:mod:`.hook`)
with the checks across years (:mod:`.cross_year`) and across bodies of one kind (:mod:`.peers`)."""

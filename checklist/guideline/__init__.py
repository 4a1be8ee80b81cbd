"""The publication checklist: the guideline as data, the record of answers, verification and reports."""

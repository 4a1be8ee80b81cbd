"""The template's lifecycle: bring generated repositories up to date, and see drift across many."""

"""``python -m checklist`` runs the ``lhm-oss`` command."""

from checklist.cli import main

raise SystemExit(main())

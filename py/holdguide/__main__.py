"""``python -m holdguide`` is the same as the ``holdguide`` command."""

from holdguide.cli import main

raise SystemExit(main())

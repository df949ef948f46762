from __future__ import annotations

from desktop.cli import main

raise SystemExit(main())

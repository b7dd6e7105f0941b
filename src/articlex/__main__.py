"""`python -m articlex`: the same as the `articlex` command."""

import sys

from articlex.cli import main

sys.exit(main())

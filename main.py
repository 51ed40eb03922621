"""LiftDesk (加梯工作台): with no command, the desktop app; with a command, the CLI."""

import sys

from liftdesk.cli.main import main

if __name__ == "__main__":
    sys.exit(main())

import sys

from vericlaim.cli import main

sys.exit(main())

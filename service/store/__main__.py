"""`python -m service.store upgrade|current|downgrade REV`: the store's schema by hand.

Uses BRIEF_STORE_URL like the service. The service upgrades at start-up by itself
(BRIEF_STORE_MIGRATE=true); this is for deployments that migrate as a separate step.
"""

from __future__ import annotations

import argparse
import sys

from service.config import get_settings
from service.store import migrate
from service.store.engine import connect


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m service.store")
    sub = parser.add_subparsers(dest="command", required=True)
    up = sub.add_parser("upgrade", help="migrate to a revision (default: head)")
    up.add_argument("revision", nargs="?", default="head")
    sub.add_parser("current", help="print the database's revision and this code's head")
    down = sub.add_parser("downgrade", help="migrate back to a revision")
    down.add_argument("revision")
    args = parser.parse_args(argv)

    store = connect(get_settings().store_url.get_secret_value())
    try:
        if args.command == "upgrade":
            migrate.upgrade(store, args.revision)
        elif args.command == "downgrade":
            migrate.downgrade(store, args.revision)
        print(f"{store.display_url}: at {migrate.current(store) or 'none'}, head {migrate.head()}")
    finally:
        store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""A till's copy worker as a process of its own, for the test that SIGKILLs it mid-copy:
python -m tests.shop.copy_forever LEDGER URL TILL_ID. Small batches, so a kill lands between them or inside one."""

from __future__ import annotations

import sys
from pathlib import Path

from kiosk.shop_ledger.address import ShopDatabase
from kiosk.shop_ledger.copier import ShopCopier
from tests.shop.pg_server import TILL_PASSWORD


def main() -> None:
    ledger, url, till_id = sys.argv[1:4]
    copier = ShopCopier(Path(ledger), ShopDatabase(url, till_id, "shop", TILL_PASSWORD), batch=7)
    print("started", flush=True)
    while True:
        copier.copy_round()


if __name__ == "__main__":
    main()

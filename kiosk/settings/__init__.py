"""The kiosk's settings: what they are, where their files are, and reading, checking and writing them.

- model.py: the typed settings (frozen dataclasses) and their constants; ConfigError
- paths.py: where the settings file, the data folder and the ledgers are
- loading.py: load_settings, the file at start with the secrets kept apart merged in
- reading.py: TOML -> Settings by one table of key -> kind of value, bounds and fix line; values.py the kinds;
  addresses.py the rule for web addresses (https, or plain http to this PC)
- file.py: writing the file for the settings screen; secrets.py: the keyring or the private file
- demo.py: the demo's Vipps settings (the simulator's demo sales unit); manager_pin.py: the manager's PIN

It may import kiosk.domain, kiosk.shop_ledger.address (the shop database's rules: no psycopg),
kiosk.simulator.demo (the demo sales unit: plain data), the standard library, platformdirs, tomli-w and keyring;
never Qt, kiosk.ui, kiosk.checkout or kiosk.vipps. The start-up path (model, paths, loading) imports neither the
TOML reader nor keyring: each waits behind one seam until a file, or a keyring, is there to read.
"""

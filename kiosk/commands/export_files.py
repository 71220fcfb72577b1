"""What both exports share: where the file goes, the line that says it is written, and the one-line failure that
leaves no file."""

from __future__ import annotations

from pathlib import Path

from kiosk.settings.paths import data_dir


class ExportFailed(Exception):
    """What went wrong, one line each; nothing was written."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


def export_target(output: str | None, default_name: str) -> Path:
    """Where an export goes (`--output`, else the data folder's exports/), its folder made ready."""
    target = Path(output) if output else data_dir() / "exports" / default_name
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ExportFailed(
            [f"cannot create the folder {target.parent} ({exc.strerror}); choose another --output"]
        ) from None
    return target


def written_line(target: Path, sales: int) -> str:
    """What a CSV export prints when done: the file and its sales, counted in English ("1 sale", "2 sales")."""
    return f"{target} ({sales} {'sale' if sales == 1 else 'sales'})"

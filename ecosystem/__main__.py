"""Command line: `python -m ecosystem validate|report|release [DATA_DIR]`, `python -m ecosystem suggestions …`."""

import argparse
import sys
from pathlib import Path

from .config import resolve_data_dir


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ecosystem", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    for name, help_text in (
        ("validate", "check the dataset against its descriptor and the custom rules"),
        ("report", "counts and completeness of the dataset, as Markdown"),
        ("release", "copy the data package and its zip to static/release/, served by the app"),
    ):
        command = commands.add_parser(name, help=help_text)
        command.add_argument("data_dir", nargs="?", help="data directory (default: $ECOSYSTEM_DATA_DIR or data/)")
        if name == "validate":
            command.add_argument(
                "--keep", action="store_true", help="also keep the outcome where the app reads it (.cache/validation/)"
            )
        if name == "release":
            command.add_argument(
                "--archive",
                action="store_true",
                help="also keep this version's zip in DATA_DIR/releases/ (once per version)",
            )
        if name == "report":
            command.add_argument(
                "--write-readme", action="store_true", help="also refresh the report block of DATA_DIR/README.md"
            )
            command.add_argument(
                "--stale", action="store_true", help="what to re-check next: oldest records, quiet actors, top sources"
            )
    inbox = commands.add_parser("suggestions", help="the correction inbox: export accepted suggestions, apply a patch")
    actions = inbox.add_subparsers(dest="action", required=True)
    export = actions.add_parser("export", help="accepted suggestions as a CSV patch (standard output or --out)")
    export.add_argument("--db", help="the inbox's database URL (default: $SUGGESTIONS_DB_URL or the local SQLite file)")
    export.add_argument("--out", help="write the patch to this file")
    apply = actions.add_parser("apply", help="apply a CSV patch to the data files, checked, all or nothing")
    apply.add_argument("patch", help="the patch file (from `suggestions export` or the review desk)")
    apply.add_argument("data_dir", nargs="?", help="data directory (default: $ECOSYSTEM_DATA_DIR or data/)")
    args = parser.parse_args(argv)
    if args.command == "suggestions":
        return run_suggestions(args)
    data_dir = resolve_data_dir(args.data_dir)
    if args.command == "validate":
        from .validate import validate

        if args.keep:
            from .datacache import validate_with_cache

            problems = validate_with_cache(data_dir)  # checks in full unless kept today for this data and code
        else:
            problems = validate(data_dir)
        for problem in problems:
            print(problem)
        if problems:
            print(f"{len(problems)} problem(s) in {data_dir}", file=sys.stderr)
            return 1
        print(f"{data_dir}: valid")
        return 0
    if args.command == "release":
        from .release import build_release

        built = build_release(data_dir)
        print(f"{built.folder}: {built.release.version}, {len(built.files)} files and {built.zip.path}")
        if args.archive:
            from .history import archive_release

            try:
                kept, written = archive_release(data_dir)
            except ValueError as error:
                print(error, file=sys.stderr)
                return 1
            print(f"{kept}: {'kept' if written else 'already kept'}")
        return 0
    from .report import build_readme_report, build_report, write_readme_report

    if args.stale:
        from datetime import date

        from .curation import build_curation_report
        from .load import load_dataset

        print(build_curation_report(load_dataset(data_dir), date.today()))
        return 0

    if args.write_readme:
        changed = write_readme_report(data_dir / "README.md", build_readme_report(data_dir))
        print(f"{data_dir / 'README.md'}: {'updated' if changed else 'already current'}")
        return 0
    print(build_report(data_dir))
    return 0


def run_suggestions(args) -> int:
    from .inbox import list_suggestions, open_inbox
    from .patch import apply_patch, build_patch_rows, write_patch

    if args.action == "export":
        patch = write_patch(build_patch_rows(list_suggestions(open_inbox(args.db), "accepted")))
        if args.out:
            Path(args.out).write_text(patch, encoding="utf-8")
            print(f"{args.out}: {patch.count(chr(10)) - 1} row(s)")
        else:
            sys.stdout.write(patch)
        return 0
    try:
        text = Path(args.patch).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        print(f"{args.patch}: cannot be read ({error})", file=sys.stderr)
        return 1
    result = apply_patch(text, resolve_data_dir(args.data_dir))
    for line in result.problems:
        print(line, file=sys.stderr)
    if not result.ok:
        print("nothing was written", file=sys.stderr)
        return 1
    for cell in result.changed:
        print(f"changed {cell}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

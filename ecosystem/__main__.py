"""Command line: `python -m ecosystem validate|report|release [DATA_DIR]`."""

import argparse
import sys

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
        if name == "report":
            command.add_argument(
                "--write-readme", action="store_true", help="also refresh the report block of DATA_DIR/README.md"
            )
    args = parser.parse_args(argv)
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
        return 0
    from .report import build_readme_report, build_report, write_readme_report

    if args.write_readme:
        changed = write_readme_report(data_dir / "README.md", build_readme_report(data_dir))
        print(f"{data_dir / 'README.md'}: {'updated' if changed else 'already current'}")
        return 0
    print(build_report(data_dir))
    return 0


if __name__ == "__main__":
    sys.exit(main())

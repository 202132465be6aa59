#!/usr/bin/env python3
"""Validates a JSON file against a JSON Schema (draft 2020-12) and prints every error.

usage: validate_json.py [--expect-invalid] SCHEMA FILE.json

Exit codes: 0 when the file is valid (with --expect-invalid: when it is invalid), 1 when not,
2 when the schema or the file cannot be read or parsed, 4 when the jsonschema module is not
installed (CTest reports 4 as skipped; on Debian: apt install python3-jsonschema).
Errors are printed one a line as "JSON path: message", sorted by path so that the output is
stable from run to run.
"""
import argparse
import json
import sys

try:
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import SchemaError
except ImportError as error:  # not installed, or too old to know draft 2020-12
    print(f"SKIPPED: python module jsonschema (>= 4) not importable ({error}); "
          f"{sys.executable} needs python3-jsonschema", file=sys.stderr)
    sys.exit(4)


def json_path(error):
    """$.sections[0].blocks[1].rows: the place of the error in the document."""
    path = "$"
    for part in error.absolute_path:
        path += f"[{part}]" if isinstance(part, int) else f".{part}"
    return path


def reject_constant(name):
    """NaN and Infinity are not JSON (RFC 8259), though Python's parser accepts them."""
    raise ValueError(f"{name} is not a JSON value")


def unique_keys(pairs):
    """A name given twice in one object is ambiguous JSON: readers keep different ones."""
    names = [name for name, _ in pairs]
    for name in names:
        if names.count(name) > 1:
            raise ValueError(f"duplicate name '{name}' in an object")
    return dict(pairs)


def load(path, what):
    try:
        with open(path, encoding="utf-8") as file:
            return json.load(file, parse_constant=reject_constant, object_pairs_hook=unique_keys)
    except (OSError, UnicodeDecodeError, ValueError) as error:
        print(f"cannot read {what} '{path}': {error}", file=sys.stderr)
        sys.exit(2)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--expect-invalid", action="store_true",
                        help="succeed only when the file does NOT match the schema")
    parser.add_argument("schema")
    parser.add_argument("file")
    args = parser.parse_args()

    schema = load(args.schema, "schema")
    try:
        Draft202012Validator.check_schema(schema)
    except SchemaError as error:
        print(f"the schema '{args.schema}' is not a valid draft 2020-12 schema: "
              f"{error.message}", file=sys.stderr)
        return 2
    document = load(args.file, "JSON file")
    validator = Draft202012Validator(schema)
    errors = sorted(validator.iter_errors(document),
                    key=lambda e: (json_path(e), list(e.absolute_schema_path).__repr__()))
    for error in errors:
        print(f"{json_path(error)}: {error.message}")
    if args.expect_invalid:
        if errors:
            print(f"{args.file}: invalid as expected ({len(errors)} error(s))")
            return 0
        print(f"{args.file}: matches {args.schema}, but it was expected not to")
        return 1
    if errors:
        print(f"{args.file}: {len(errors)} error(s) against {args.schema}")
        return 1
    print(f"{args.file}: matches {args.schema}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Validates JSON files against a JSON Schema (draft 2020-12).

    validate_json.py SCHEMA FILE...                   every FILE must be valid
    validate_json.py --expect-invalid SCHEMA FILE...  every FILE must be invalid

Exit status: 0 as expected, 1 not as expected, 2 the validation could not run
(python3-jsonschema missing, a file unreadable or not JSON, a broken schema).
--expect-invalid shows that the schema can fail: each file breaks it in one way.
"""

import json
import sys

try:
    import jsonschema
except ImportError:
    sys.stderr.write(
        "validate_json.py: Python's jsonschema module is missing: install the Debian package python3-jsonschema "
        "(setup.sh does)\n")
    sys.exit(2)


def load(path):
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except (OSError, ValueError) as e:
        sys.stderr.write(f"validate_json.py: {path}: not readable as JSON: {e}\n")
        sys.exit(2)


def where(error):
    return "/".join(str(part) for part in error.absolute_path) or "(the document)"


def main(argv):
    expect_invalid = bool(argv) and argv[0] == "--expect-invalid"
    if expect_invalid:
        argv = argv[1:]
    if len(argv) < 2:
        sys.stderr.write(__doc__)
        return 2
    schema = load(argv[0])
    try:
        jsonschema.Draft202012Validator.check_schema(schema)
    except jsonschema.exceptions.SchemaError as e:
        sys.stderr.write(f"validate_json.py: {argv[0]} is not a valid schema: {e.message}\n")
        return 2
    validator = jsonschema.Draft202012Validator(schema)
    unexpected = 0
    for path in argv[1:]:
        errors = sorted(validator.iter_errors(load(path)), key=lambda e: list(e.absolute_path))
        if expect_invalid and not errors:
            print(f"{path}: valid against {argv[0]}, but it was meant to break it")
            unexpected += 1
        elif expect_invalid:
            print(f"{path}: invalid, as meant: at {where(errors[0])}: {errors[0].message}")
        elif errors:
            print(f"{path}: not valid against {argv[0]}:")
            for error in errors:
                print(f"  at {where(error)}: {error.message}")
            unexpected += 1
        else:
            print(f"{path}: valid")
    return 1 if unexpected else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

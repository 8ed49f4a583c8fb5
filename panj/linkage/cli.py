"""`panj linkage ...`: encode and match people files without Panj's database.

panj linkage keygen --out KEY
panj linkage encode --secret-file KEY --in people.csv --out people.enc
panj linkage match A.enc B.enc --out matches.csv [--threshold T]
"""

from __future__ import annotations

import argparse
import csv
import os
import sys
import time
from pathlib import Path

from panj.linkage.engine import (
    DEFAULT_THRESHOLD,
    EncodedSet,
    EncodingError,
    KeyError_,
    RecordError,
    Secret,
    encode_people,
    link,
    read_people,
)


def _fail(message: str) -> int:
    print(f"panj linkage: error: {message}", file=sys.stderr)
    return 1


def cmd_keygen(args: argparse.Namespace) -> int:
    out = Path(args.out)
    if out.exists() and not args.force:
        return _fail(f"{out} exists; a secret is never overwritten (use --force to replace it)")
    fd = os.open(out, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(Secret.generate().dumps())
    print(
        f"wrote a new linkage secret to {out}; share it only with the organisations you link with"
    )
    return 0


def cmd_encode(args: argparse.Namespace) -> int:
    try:
        secret = Secret.read(args.secret_file)
        started = time.perf_counter()
        solar_hijri: list[int] = []
        people = read_people(args.input, solar_hijri)
        encoded = encode_people(people, secret)
        encoded.save(args.out)
    except KeyError_ as exc:
        return _fail(f"secret file: {exc}")
    except RecordError as exc:
        return _fail(f"{args.input}: {exc}")
    except OSError as exc:
        return _fail(f"cannot write {args.out}: {exc.strerror}")
    seconds = time.perf_counter() - started
    print(f"encoded {len(people)} people into {args.out} in {seconds:.1f} s")
    if solar_hijri:
        shown = ", ".join(map(str, solar_hijri[:10])) + (", …" if len(solar_hijri) > 10 else "")
        print(
            f"read the birth dates of {len(solar_hijri)} people as Solar Hijri and converted"
            f" them to the Gregorian calendar (lines {shown})"
        )
    return 0


def cmd_match(args: argparse.Namespace) -> int:
    threshold = args.threshold
    if not 0.0 < threshold <= 1.0:
        return _fail("--threshold must be between 0 and 1")
    try:
        a = EncodedSet.load(args.a)
        b = EncodedSet.load(args.b)
        matches = link(a, b, threshold)
    except EncodingError as exc:
        return _fail(str(exc))
    try:
        with open(args.out, "w", encoding="utf-8", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow(["a_id", "b_id", "score"])
            for m in matches:
                writer.writerow([m.a_id, m.b_id, f"{m.score:.4f}"])
    except OSError as exc:
        return _fail(f"cannot write {args.out}: {exc.strerror}")
    print(f"{len(matches)} probable shared people written to {args.out}")
    return 0


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    linkage = sub.add_parser("linkage", help="privacy-preserving record linkage")

    def usage(args: argparse.Namespace) -> int:
        linkage.print_help()
        return 2

    linkage.set_defaults(func=usage)
    cmds = linkage.add_subparsers(dest="linkage_command")

    keygen = cmds.add_parser("keygen", help="make a new shared linkage secret")
    keygen.add_argument("--out", required=True, metavar="KEY", help="file to write the secret to")
    keygen.add_argument("--force", action="store_true", help="replace an existing file")
    keygen.set_defaults(func=cmd_keygen)

    encode = cmds.add_parser(
        "encode", help="encode a people CSV file; only ids and encodings leave"
    )
    encode.add_argument("--secret-file", required=True, metavar="KEY")
    encode.add_argument("--in", dest="input", required=True, metavar="people.csv")
    encode.add_argument("--out", required=True, metavar="people.enc")
    encode.set_defaults(func=cmd_encode)

    match = cmds.add_parser("match", help="find probable shared people of two encoded files")
    match.add_argument("a", metavar="A.enc")
    match.add_argument("b", metavar="B.enc")
    match.add_argument("--out", required=True, metavar="matches.csv")
    match.add_argument(
        "--threshold",
        type=float,
        default=DEFAULT_THRESHOLD,
        help=f"score from which a pair is reported (default {DEFAULT_THRESHOLD}, calibrated)",
    )
    match.set_defaults(func=cmd_match)

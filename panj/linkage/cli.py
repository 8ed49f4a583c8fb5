"""`panj linkage ...`: encode and match people files without Panj's database."""

from __future__ import annotations

import argparse


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    linkage = sub.add_parser("linkage", help="privacy-preserving record linkage")
    linkage.set_defaults(func=lambda args: linkage.print_help() or 2)

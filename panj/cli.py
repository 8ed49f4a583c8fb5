"""The `panj` command line: demo, serve, and the tools of each app."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence


def _setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "panj.settings")
    import django

    django.setup()


def _manage(*argv: str) -> None:
    from django.core.management import call_command

    call_command(*argv)


def cmd_demo(args: argparse.Namespace) -> int:
    _setup_django()
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)
    call_command("load_demo")
    if args.no_serve:
        return 0
    return cmd_serve(args)


def cmd_serve(args: argparse.Namespace) -> int:
    _setup_django()
    from django.conf import settings
    from waitress import serve

    from panj.wsgi import application

    if not settings.PRODUCTION:
        from django.core.management import call_command

        call_command("collectstatic", interactive=False, verbosity=0)
    print(f"Panj is serving on http://{args.host}:{args.port}/  (Ctrl+C to stop)", flush=True)
    serve(application, host=args.host, port=args.port, threads=8, ident="panj")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="panj", description="Panj workspace commands.")
    sub = parser.add_subparsers(dest="command", required=True)

    demo = sub.add_parser("demo", help="migrate, load the demo network and serve it")
    demo.add_argument("--no-serve", action="store_true", help="load the demo without serving")
    demo.add_argument("--host", default="127.0.0.1")
    demo.add_argument("--port", type=int, default=8000)
    demo.set_defaults(func=cmd_demo)

    serve = sub.add_parser("serve", help="serve an existing database")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.set_defaults(func=cmd_serve)

    from panj.linkage import cli as linkage_cli

    linkage_cli.add_parser(sub)

    from panj.audit import cli as audit_cli

    audit_cli.add_parser(sub)

    from panj.cases import cli as cases_cli

    cases_cli.add_parser(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    result: int = args.func(args)
    return result


if __name__ == "__main__":
    sys.exit(main())

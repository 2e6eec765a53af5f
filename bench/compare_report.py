#!/usr/bin/env python3
"""Statistics and Markdown report for bench/compare.sh.

Reads the results.tsv written by compare.sh (one row per run), checks that every
implementation printed the same output as the reference implementation (lua5.4
if it ran, otherwise the first one that produced output), and prints a Markdown
report: medians per implementation (wall and CPU seconds), ratios of both,
geometric means, spread, problems.

Exit status: 0 if every run succeeded with matching output, 1 otherwise.
"""
import argparse
import csv
import math
import statistics
import sys
from collections import OrderedDict

LABELS = {"luahost": "luahost", "lua5.4": "lua5.4", "luaj": "LuaJ -n", "luajc": "LuaJ -b"}
ORDER = ["lua5.4", "luaj", "luajc", "luahost"]  # column order in the table
STARTUP = "startup"


def read_text(path):
    try:
        with open(path, "rb") as f:
            return f.read().decode("utf-8", "replace")
    except OSError:
        return ""


def fmt_secs(x):
    return f"{x:.3f}" if x < 10 else f"{x:.2f}"


def fmt_ratio(x):
    return f"{x:.2f}"


def first_diff(expected, got):
    e, g = expected.splitlines(), got.splitlines()
    for i in range(max(len(e), len(g))):
        a = e[i] if i < len(e) else "<missing>"
        b = g[i] if i < len(g) else "<missing>"
        if a != b:
            return i + 1, a, b
    return 0, "", ""


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--tsv", required=True)
    ap.add_argument("--skipped", required=True)
    ap.add_argument("--impls", required=True, help="space-separated requested implementations")
    ap.add_argument("--runs", required=True)
    ap.add_argument("--timeout", required=True)
    ap.add_argument("--luaj-cmd", default="lua -n")
    ap.add_argument("--cmdline", default="bench/compare.sh")
    a = ap.parse_args()

    requested = a.impls.split()
    impls = [i for i in ORDER if i in requested]

    skipped = {}
    with open(a.skipped, newline="") as f:
        for row in csv.reader(f, delimiter="\t"):
            if len(row) >= 2:
                skipped[row[0]] = row[1]

    # runs[program][impl] = list of dict(seconds, status, out, err)
    runs = OrderedDict()
    with open(a.tsv, newline="") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            runs.setdefault(row["program"], {}).setdefault(row["impl"], []).append({
                "seconds": float(row["seconds"]),
                "cpu": float(row["cpu_seconds"] or "nan"),
                "status": row["status"],
                "out": read_text(row["stdout"]),
                "err_path": row["stderr"],
            })

    problems = []            # lines for the "Problems" section
    cells = {}               # (program, impl) -> dict(text, median or None, bad)
    for prog, by_impl in runs.items():
        # Reference output: lua5.4 if it ran successfully, else the first implementation that did.
        ref_impl, ref_out = None, None
        for impl in ["lua5.4"] + [i for i in impls if i != "lua5.4"]:
            ok = [r for r in by_impl.get(impl, []) if r["status"] == "ok"]
            if ok:
                ref_impl, ref_out = impl, ok[0]["out"]
                break
        for impl in impls:
            rs = by_impl.get(impl)
            if rs is None:
                cells[(prog, impl)] = {"text": "not measured" if impl in skipped else "–",
                                       "median": None, "bad": False}
                continue
            statuses = [r["status"] for r in rs]
            secs = [r["seconds"] for r in rs]
            if any(s == "timeout" for s in statuses):
                n = statuses.count("timeout")
                text = f"timeout (>{max(secs):.0f} s, {n}/{len(rs)} runs"
                ok = [r["seconds"] for r in rs if r["status"] == "ok"]
                if ok:
                    text += f"; others: median {fmt_secs(statistics.median(ok))}"
                cells[(prog, impl)] = {"text": text + ")", "median": None, "bad": True}
                problems.append(f"- `{prog}` on {LABELS[impl]}: {n} of {len(rs)} runs timed out.")
                continue
            errs = [r for r in rs if r["status"] != "ok"]
            if errs:
                r = errs[0]
                tail = read_text(r["err_path"]).strip().splitlines()[-3:]
                cells[(prog, impl)] = {"text": f"error ({r['status'].split(':')[-1]})",
                                       "median": None, "bad": True}
                problems.append(f"- `{prog}` on {LABELS[impl]}: {len(errs)} of {len(rs)} runs failed "
                                f"(exit status {r['status'].split(':')[-1]}); stderr: "
                                + (" / ".join(f"`{t.strip()}`" for t in tail) or "(empty)"))
                continue
            med = statistics.median(secs)
            text = fmt_secs(med)
            bad = False
            outs = [r["out"] for r in rs]
            if len(set(outs)) > 1:
                bad = True
                text += " **UNSTABLE OUTPUT**"
                problems.append(f"- `{prog}` on {LABELS[impl]}: output differs between runs.")
            if ref_out is not None and impl != ref_impl and any(o != ref_out for o in outs):
                bad = True
                text += " **MISMATCH**"
                ln, exp, got = first_diff(ref_out, next(o for o in outs if o != ref_out))
                nbad = sum(1 for o in outs if o != ref_out)
                msg = (f"- `{prog}` on {LABELS[impl]}: OUTPUT MISMATCH vs {LABELS[ref_impl]} in {nbad} of "
                       f"{len(rs)} runs, first at line {ln}: expected `{exp[:120]}`, got `{got[:120]}`.")
                first_bad = next(r for r in rs if r["out"] != ref_out)
                errline = read_text(first_bad["err_path"]).strip().splitlines()[:1]
                if errline:
                    msg += f" stderr: `{errline[0].strip()[:200]}`"
                problems.append(msg)
            cells[(prog, impl)] = {"text": text, "median": med, "bad": bad, "min": min(secs),
                                   "max": max(secs),
                                   "cpu": statistics.median(r["cpu"] for r in rs)}

    def ratio(prog, num, den):
        """(wall ratio, CPU ratio) of two implementations' medians, or None."""
        c1, c2 = cells.get((prog, num)), cells.get((prog, den))
        if not c1 or not c2 or c1["median"] is None or c2["median"] is None or c1["bad"] or c2["bad"]:
            return None
        cpu = c1["cpu"] / c2["cpu"] if c2["cpu"] > 0 and not math.isnan(c1["cpu"]) else float("nan")
        return c1["median"] / c2["median"], cpu

    def fmt_pair(r):
        wall, cpu = r
        return fmt_ratio(wall) + (f" ({fmt_ratio(cpu)})" if not math.isnan(cpu) else "")

    def geomean(xs):
        xs = [x for x in xs if not math.isnan(x) and x > 0]
        return math.exp(sum(math.log(x) for x in xs) / len(xs)) if xs else float("nan")

    ratio_cols = [("luahost", "lua5.4"), ("luaj", "lua5.4"), ("luajc", "lua5.4"),
                  ("luahost", "luaj"), ("luahost", "luajc")]
    ratio_cols = [rc for rc in ratio_cols if rc[0] in impls and rc[1] in impls]

    out = []
    out.append(f"Command: `{a.cmdline}`  ")
    out.append(f"Median seconds of the whole process (start-up included) over {a.runs} "
               f"run(s) per implementation, implementations interleaved per round, as "
               f"**wall / CPU** (CPU: user+sys of the process tree, JIT and GC threads "
               f"included); per-run timeout {a.timeout} s.  ")
    out.append(f"LuaJ commands: `java -cp luaj-jse-3.0.1.jar {a.luaj_cmd} prog.lua` (LuaJ -n, "
               f"its interpreter) and `java -cp luaj-jse-3.0.1.jar:bcel-5.2.jar {a.luaj_cmd} -b "
               f"prog.lua` (LuaJ -b, its Lua-to-JVM-bytecode compiler); ratios are **wall (CPU)**, "
               f"> 1 means the first implementation is slower.")
    out.append("")
    head = ["Program"] + [f"{LABELS[i]} (s)" for i in impls] + \
           [f"{LABELS[n]} / {LABELS[d]}" for n, d in ratio_cols]
    out.append("| " + " | ".join(head) + " |")
    out.append("|" + "|".join([":---"] + ["---:"] * (len(head) - 1)) + "|")

    progs = list(runs.keys())
    ratios = {rc: [] for rc in ratio_cols}
    for prog in progs:
        name = 'start-up (`-e "print(1)"`)' if prog == STARTUP else prog
        row = [name]
        for i in impls:
            c = cells[(prog, i)]
            row.append(c["text"] + (f" / {fmt_secs(c['cpu'])}" if c.get("median") is not None
                                    and not math.isnan(c["cpu"]) else ""))
        for rc in ratio_cols:
            r = ratio(prog, *rc)
            row.append(fmt_pair(r) if r is not None else "n/a")
            if r is not None and prog != STARTUP:
                ratios[rc].append(r)
        out.append("| " + " | ".join(row) + " |")
    if ratio_cols:
        row = ["**geometric mean** (programs only)"] + [""] * len(impls)
        for rc in ratio_cols:
            rs = ratios[rc]
            if rs:
                g = (geomean([r[0] for r in rs]), geomean([r[1] for r in rs]))
                row.append(f"**{fmt_pair(g)}** [{len(rs)}]")
            else:
                row.append("n/a")
        out.append("| " + " | ".join(row) + " |")
    out.append("")
    if ratio_cols:
        out.append("The number in brackets after a geometric mean is how many programs it covers "
                   "(programs with a timeout, error or mismatch on either side are left out).")
        out.append("")

    # Spread of the wall times (min–max) and median CPU time (user+sys of the process tree;
    # for a JVM this includes JIT-compiler and GC threads, so it can exceed the wall time).
    out.append("<details><summary>Run-to-run spread (min – max wall seconds) and median CPU "
               "seconds (user+sys)</summary>")
    out.append("")
    out.append("| Program | " + " | ".join(f"{LABELS[i]} wall min – max" for i in impls) + " | "
               + " | ".join(f"{LABELS[i]} CPU" for i in impls) + " |")
    out.append("|:---|" + "|".join(["---:"] * (2 * len(impls))) + "|")
    for prog in progs:
        row = [prog]
        for i in impls:
            c = cells[(prog, i)]
            row.append(f"{fmt_secs(c['min'])} – {fmt_secs(c['max'])}" if c.get("median") is not None
                       else c["text"])
        for i in impls:
            c = cells[(prog, i)]
            row.append(fmt_secs(c["cpu"]) if c.get("median") is not None else "n/a")
        out.append("| " + " | ".join(row) + " |")
    out.append("")
    out.append("</details>")
    out.append("")

    for impl in impls:
        if impl in skipped:
            out.append(f"- {LABELS[impl]} was not measured: {skipped[impl]}")
    if problems:
        out.append("")
        out.append("**Problems:**")
        out.append("")
        out.extend(problems)
    print("\n".join(out))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

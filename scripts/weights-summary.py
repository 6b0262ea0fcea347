#!/usr/bin/env python3
"""Summarise the measured weights in runtime/src/weights/ for docs/performance.md.

Reads the files `scripts/benchmark.sh` writes (frame-benchmarking-cli's default template) and
prints, for the calls that matter to a voter, the ref time the runtime charges (the fitted base,
plus each component at the value given, plus the storage reads and writes at the measured
ParityDB weights) and the ratio to `balances.transfer_keep_alive` measured in the same run. With
`--doc FILE` it replaces the text between `<!-- weights:begin -->` and `<!-- weights:end -->` in
FILE instead of printing.

    python3 scripts/weights-summary.py [--doc docs/performance.md]
"""

import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
WEIGHTS = ROOT / "runtime" / "src" / "weights"

# (label, file, function, component values)
CALLS = [
    ("`balances.transfer_keep_alive` (reference)", "pallet_balances", "transfer_keep_alive", {}),
    ("token vote, first ballot on the poll in the block (`vote_new`, r = 0)", "pallet_voting", "vote_new", {"r": 0}),
    ("token vote, later ballot in the same block (`vote_same_block`, r = 0)", "pallet_voting", "vote_same_block", {"r": 0}),
    ("token vote, charged before dispatch (`vote_new`, r = MaxVotes − 1 = 63)", "pallet_voting", "vote_new", {"r": 63}),
    ("changed token vote (`vote_existing`, r = 1)", "pallet_voting", "vote_existing", {"r": 1}),
    ("remove a vote (`remove_vote`, r = 1)", "pallet_voting", "remove_vote", {"r": 1}),
    ("delegate (`delegate`, r = s = 0)", "pallet_voting", "delegate", {"r": 0, "s": 0}),
    ("unlock (`unlock`, r = 0)", "pallet_voting", "unlock", {"r": 0}),
    ("`system.remark` (empty)", "frame_system", "remark", {"b": 0}),
]


def const(path, name):
    text = path.read_text()
    m = re.search(r"WEIGHT_REF_TIME_PER_NANOS\.saturating_mul\(([\d_]+)\)", text)
    if not m:
        raise SystemExit(f"no weight in {path}")
    return int(m.group(1).replace("_", "")) * 1000  # picoseconds


def db_weights():
    path = WEIGHTS / "paritydb_weights.rs"
    if not path.exists():
        return 8_000_000, 50_000_000, "polkadot-sdk's `ParityDbWeight` (not measured)"
    text = path.read_text()
    read = re.search(r"read:\s*([\d_]+)\s*\*\s*constants::WEIGHT_REF_TIME_PER_NANOS", text)
    write = re.search(r"write:\s*([\d_]+)\s*\*\s*constants::WEIGHT_REF_TIME_PER_NANOS", text)
    if not (read and write):
        raise SystemExit(f"cannot read the database weights in {path}")
    return (int(read.group(1).replace("_", "")) * 1000, int(write.group(1).replace("_", "")) * 1000,
            "measured (`paritydb_weights.rs`)")


def function_weight(file, function, components, read_ps, write_ps):
    text = (WEIGHTS / f"{file}.rs").read_text()
    m = re.search(r"fn " + function + r"\(([^)]*)\)\s*->\s*Weight\s*\{(.*?)\n\t\}", text, re.S)
    if not m:
        raise SystemExit(f"no {function} in {file}.rs")
    body = m.group(2)
    base = re.search(r"Weight::from_parts\(([\d_]+),", body)
    total = int(base.group(1).replace("_", ""))
    for per, comp in re.findall(r"Weight::from_parts\(([\d_]+), 0\)\.saturating_mul\((\w+)\.into\(\)\)", body):
        total += int(per.replace("_", "")) * components.get(comp, 0)
    reads = writes = 0
    for n in re.findall(r"DbWeight::get\(\)\.reads\((\d+)", body):
        reads += int(n)
    for n, comp in re.findall(r"DbWeight::get\(\)\.reads\(\((\d+)_u64\)\.saturating_mul\((\w+)", body):
        reads += int(n) * components.get(comp, 0)
    for n in re.findall(r"DbWeight::get\(\)\.writes\((\d+)", body):
        writes += int(n)
    for n, comp in re.findall(r"DbWeight::get\(\)\.writes\(\((\d+)_u64\)\.saturating_mul\((\w+)", body):
        writes += int(n) * components.get(comp, 0)
    date = re.search(r"DATE: ([\d-]+)", text)
    return total, reads, writes, total + reads * read_ps + writes * write_ps, date.group(1) if date else "?"


def table():
    read_ps, write_ps, source = db_weights()
    block = const(WEIGHTS / "block_weights.rs", "BlockExecutionWeight")
    extrinsic = const(WEIGHTS / "extrinsic_weights.rs", "ExtrinsicBaseWeight")
    rows = []
    reference = None
    for label, file, function, comps in CALLS:
        compute, reads, writes, total, date = function_weight(file, function, comps, read_ps, write_ps)
        if reference is None:
            reference = total
        rows.append((label, compute, reads, writes, total, total / reference))
    us = lambda ps: f"{ps / 1e6:,.1f}"
    out = [
        f"Database weights: read {us(read_ps)} µs, write {us(write_ps)} µs ({source}). "
        f"Base weights: `ExtrinsicBaseWeight` {us(extrinsic)} µs, `BlockExecutionWeight` {us(block)} µs "
        "(measured with `benchmark overhead`).",
        "",
        "| call | compute (µs) | reads | writes | ref time charged (µs) | × transfer |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for label, compute, reads, writes, total, ratio in rows:
        out.append(f"| {label} | {us(compute)} | {reads} | {writes} | {us(total)} | {ratio:.2f} |")
    normal = 1_500_000_000_000  # 75 % of 2 s
    vote_same = next(r for r in rows if "vote_same_block" in r[0])[4]
    vote_first = next(r for r in rows if "first ballot" in r[0])[4]
    out += [
        "",
        "Ref time charged is what the runtime charges for the call itself; every extrinsic also pays "
        f"`ExtrinsicBaseWeight` ({us(extrinsic)} µs). With a normal-class budget of 1.5 s per block, "
        f"token votes on one poll fit about **{int((normal - vote_first) // (vote_same + extrinsic)) + 1:,}** "
        "per block by weight (one `vote_new`, the rest `vote_same_block`, each with the base weight).",
    ]
    return "\n".join(out)


def main():
    text = table()
    if len(sys.argv) == 3 and sys.argv[1] == "--doc":
        doc = pathlib.Path(sys.argv[2])
        begin, end = "<!-- weights:begin -->", "<!-- weights:end -->"
        body = doc.read_text()
        if begin not in body or end not in body:
            raise SystemExit(f"{doc} has no {begin} … {end} section")
        head, rest = body.split(begin, 1)
        _, tail = rest.split(end, 1)
        doc.write_text(f"{head}{begin}\n{text}\n{end}{tail}")
    else:
        print(text)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Run every shell command that README.md and docs/*.md show, against this build.

Each fenced code block of the docs is scanned for command lines (`ostrom-node …`, `ostrom-cli …`,
`curl …`, `sha256sum …`, `scripts/…`). Every such line is either run here, in a scratch directory
shared by the commands of one document (so `export-chain-spec > local.json` then
`--chain local.json` work as written), or listed in SKIPPED with the reason it cannot run on a
development machine. A command line that is neither fails the check, so the docs cannot show a
command nobody ran.

Rewrites, the only liberties taken with the commands as written:
- base paths (`/var/lib/ostrom…`, `/tmp/alice`, `/tmp/bob`) go into the scratch directory;
- secret-phrase placeholders (`"<… secret phrase>"`) become the development key `//Alice`;
- a `--bootnodes` address that is a documentation placeholder (`203.0.113.10`, `…`) is dropped;
- `FILE` is a scratch file.

A command that runs a node (no subcommand) is started in the background and passes once its
RPC answers `system_health` (and, for `--dev`, once it has produced a block); nodes started by
the same code block must also see each other as peers. Other commands must exit 0, except
`ostrom-cli artifact verify`, whose documented exit codes 0-3 are results (4 is an error).

Usage: python3 scripts/doc_commands.py [--node PATH] [--cli PATH]
"""

import argparse
import json
import os
import re
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DOCS = ["README.md"] + sorted(
    os.path.join("docs", f) for f in os.listdir(os.path.join(ROOT, "docs")) if f.endswith(".md")
)
COMMAND = re.compile(r"^(ostrom-node|ostrom-cli|curl|sha256sum|scripts/)")

# Command lines (prefix match) that cannot run here, and why.
SKIPPED = {
    "scripts/dev.sh": "builds and runs a development chain in the foreground (CI builds it already)",
    "scripts/test.sh": "is the test run this check belongs to",
    "scripts/fuzz.sh": "a release build and a million calls: run by hand (`cargo test -p ostrom-fuzz` covers it in CI)",
    "ostrom-cli artifact verify ostrom-7b.safetensors --url wss://rpc.example.org":
        "an example for a community's CI, against a public endpoint",
    "ostrom-cli report --url wss://rpc.example.org":
        "an example for a community's archive node; the same report runs above against a dev node",
    "ostrom-cli merit --url ws://127.0.0.1:9944 --at 1234 --verify":
        "needs the evidence of merit published at that block; e2e/tests/meritrank.test.js verifies published merit",
    "scripts/simulate.sh":
        "a seven-minute simulation whose output is docs/metrics.md; e2e/tests/metrics.test.js runs a small one",
}


def log(msg):
    print(msg, flush=True)


def commands_of(path):
    """The command lines of the fenced blocks of `path`: (block number, command)."""
    text = open(os.path.join(ROOT, path), encoding="utf-8").read()
    found = []
    for number, block in enumerate(re.findall(r"```[a-z]*\n(.*?)```", text, re.S)):
        lines, current = [], ""
        for raw in block.splitlines():
            line = raw.rstrip()
            if current:
                current += " " + line.strip()
            else:
                current = line
            if current.endswith("\\"):
                current = current[:-1].rstrip()
                continue
            lines.append(current)
            current = ""
        for line in lines:
            # Trailing comments (`   # …`); a `#` inside quotes is not one in these docs.
            command = re.split(r"\s{2,}#|\s#\s", line)[0].strip()
            if COMMAND.match(command):
                found.append((number, command))
    return found


class Runner:
    def __init__(self, node, cli, scratch):
        self.node, self.cli, self.scratch = node, cli, scratch
        self.nodes = []  # (process, rpc port) of the current block
        self.logs = []  # their log files
        self.helper = None  # a dev node for commands that need one

    # -- rewriting -------------------------------------------------------------------------
    def rewrite(self, command):
        command = re.sub(r"/var/lib/ostrom(-rpc)?", lambda m: os.path.join(self.scratch, "base" + (m.group(1) or "")), command)
        command = re.sub(r"/tmp/(alice|bob)", lambda m: os.path.join(self.scratch, m.group(1)), command)
        command = re.sub(r'"<[^">]*secret phrase>"', '"//Alice"', command)
        command = re.sub(r"--bootnodes /ip4/203\.0\.113\.10/\S+", "", command)
        command = re.sub(r"(?<=\s)FILE(?=\s|$)", os.path.join(self.scratch, "FILE"), command)
        return command

    def argv(self, command):
        parts = shlex.split(command)
        if parts[0] == "ostrom-node":
            parts[0] = self.node
        elif parts[0] == "ostrom-cli":
            parts[0] = self.cli
        return parts

    # -- nodes -----------------------------------------------------------------------------
    @staticmethod
    def rpc(port, method, params=None, timeout=2):
        body = json.dumps({"id": 1, "jsonrpc": "2.0", "method": method, "params": params or []})
        request = urllib.request.Request(
            f"http://127.0.0.1:{port}", body.encode(), {"content-type": "application/json"}
        )
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return json.loads(response.read())

    def wait(self, what, check, process, seconds=90):
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if process is not None and process.poll() is not None:
                raise RuntimeError(f"{what}: the node exited with {process.returncode}")
            try:
                if check():
                    return
            except Exception:
                pass
            time.sleep(1)
        raise RuntimeError(f"{what}: not within {seconds} s")

    def start_node(self, argv, label):
        port = 9944
        if "--rpc-port" in argv:
            port = int(argv[argv.index("--rpc-port") + 1])
        try:
            self.rpc(port, "system_health")
            raise RuntimeError(f"{label}: port {port} already answers before the node starts")
        except OSError:
            pass
        path = os.path.join(self.scratch, f"node-{len(self.nodes)}-{port}.log")
        process = subprocess.Popen(argv, cwd=self.scratch, stdout=open(path, "w"), stderr=subprocess.STDOUT,
                                   start_new_session=True)
        self.nodes.append((process, port))
        self.logs.append(path)
        self.wait(f"{label}: RPC on port {port}", lambda: "result" in self.rpc(port, "system_health"), process)
        if "--dev" in argv:
            self.wait(f"{label}: a block", lambda: int(self.rpc(port, "chain_getHeader")["result"]["number"], 16) >= 1, process)

    def stop_nodes(self):
        try:
            if len(self.nodes) > 1:
                for _, port in self.nodes:
                    self.wait(f"the block's nodes peer (port {port})",
                              lambda p=port: self.rpc(p, "system_health")["result"]["peers"] >= 1, None, 60)
        except Exception:
            for path in self.logs:
                log(f"        {os.path.basename(path)}: " + "".join(open(path).readlines()[-6:]))
            raise
        finally:
            self.kill_nodes()

    def kill_nodes(self):
        for process, _ in self.nodes:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
                try:
                    process.wait(20)
                except subprocess.TimeoutExpired:
                    os.killpg(process.pid, signal.SIGKILL)
        self.nodes = []
        self.logs = []

    def needs_node(self):
        """A development node on 9944 for commands that talk to one, if none is running."""
        try:
            if "result" in self.rpc(9944, "system_health"):
                return
        except Exception:
            pass
        process = subprocess.Popen([self.node, "--dev", "--tmp"], cwd=self.scratch, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL, start_new_session=True)
        self.helper = process
        self.wait("a development node for the command", lambda: "result" in self.rpc(9944, "system_health"), process)

    def stop_helper(self):
        if self.helper is not None and self.helper.poll() is None:
            os.killpg(self.helper.pid, signal.SIGTERM)
            self.helper.wait(20)
        self.helper = None

    # -- one command -----------------------------------------------------------------------
    def run(self, command):
        rewritten = self.rewrite(command)
        redirect = None
        if " > " in rewritten:
            rewritten, redirect = [part.strip() for part in rewritten.split(" > ", 1)]
        argv = self.argv(rewritten)
        is_node = argv[0] == self.node and (len(argv) == 1 or argv[1].startswith("-"))
        if is_node:
            # Nodes of one block are alternatives, unless a later one boots from an earlier one
            # on this machine: then they are a network and stay up until the block ends.
            if not re.search(r"--bootnodes /ip4/127\.0\.0\.1/", rewritten):
                self.stop_nodes()
            self.stop_helper()
            self.start_node(argv, command)
            return
        if argv[0] == "curl" or argv[:3] == [self.cli, "artifact", "verify"] or argv[:2] in ([self.cli, "report"], [self.cli, "merit"]):
            self.needs_node()
        if argv[:3] == [self.cli, "artifact", "verify"]:
            with open(os.path.join(self.scratch, "FILE"), "wb") as f:
                f.write(b"not a registered artifact\n")
        out = open(os.path.join(self.scratch, redirect), "w") if redirect else subprocess.PIPE
        result = subprocess.run(argv, cwd=self.scratch, stdout=out, stderr=subprocess.PIPE, timeout=300)
        allowed = {0, 1, 2, 3} if argv[:3] == [self.cli, "artifact", "verify"] else {0}
        if result.returncode not in allowed:
            raise RuntimeError(f"exit {result.returncode}: {result.stderr.decode(errors='replace')[-800:]}")
        if argv[0] == "curl" and "result" not in json.loads(result.stdout):
            raise RuntimeError(f"no result: {result.stdout[:300]!r}")
        if redirect and redirect.endswith(".json"):
            json.load(open(os.path.join(self.scratch, redirect)))


def main():
    parser = argparse.ArgumentParser()
    target = os.environ.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target"))
    parser.add_argument("--node", default=os.environ.get("OSTROM_NODE", os.path.join(target, "debug", "ostrom-node")))
    parser.add_argument("--cli", default=os.path.join(target, "debug", "ostrom-cli"))
    args = parser.parse_args()

    ran, skipped, failures = 0, 0, []
    for doc in DOCS:
        scratch = tempfile.mkdtemp(prefix="ostrom-docs-")
        if os.path.exists(os.path.join(ROOT, "docs", "community.example.json")):
            shutil.copy(os.path.join(ROOT, "docs", "community.example.json"), os.path.join(scratch, "community.json"))
        runner = Runner(args.node, args.cli, scratch)
        block = None
        try:
            for number, command in commands_of(doc):
                if number != block:
                    runner.stop_nodes()
                    block = number
                reason = next((why for prefix, why in SKIPPED.items() if command.startswith(prefix)), None)
                if reason:
                    log(f"  skip  {doc}: {command}\n        ({reason})")
                    skipped += 1
                    continue
                try:
                    runner.run(command)
                    log(f"  ok    {doc}: {command}")
                    ran += 1
                except Exception as error:  # noqa: BLE001 — report every failing command
                    log(f"  FAIL  {doc}: {command}\n        {error}")
                    failures.append((doc, command))
                    runner.stop_nodes()
            runner.stop_nodes()
        except Exception as error:  # noqa: BLE001
            log(f"  FAIL  {doc}: {error}")
            failures.append((doc, str(error)))
        finally:
            for process, _ in runner.nodes:
                if process.poll() is None:
                    os.killpg(process.pid, signal.SIGKILL)
            runner.stop_helper()
            shutil.rmtree(scratch, ignore_errors=True)
    log(f"documented commands: {ran} ran, {skipped} skipped (with reasons), {len(failures)} failed")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()

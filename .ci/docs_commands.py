#!/usr/bin/env python3
"""Runs every `bin/gan` command shown in a ```bash block of README.md and docs/*.md, in document
order, file by file, from the repository root; then checks that `git status` is clean.

A ```bash block is a promise that its `bin/gan` lines work on a fresh clone after the build
(```shell blocks are shown, not run). Long runs are shortened, as the docs allow: `train` gets at
most 300 iterations (and `--iterations 300` when it gives none), `evaluate`/`report` at most 2,000
samples, `generate` at most 256 images, `train-classifier` one epoch, `bench` and `memory` a
token size. Usage: python3 .ci/docs_commands.py [--list] [FILE.md ...]
"""
import os
import re
import shlex
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CAPS = {  # command -> {flag: cap}
    "train": {"--iterations": 300},
    "evaluate": {"--samples": 2000},
    "report": {"--samples": 2000},
    "generate": {"--count": 256},
    "train-classifier": {"--epochs": 1},
    "memory": {"--iterations": 300, "--warmup": 100, "--every": 100},
    "bench": {"--iterations": 20, "--warmup": 10, "--repeats": 1},
}
ADD = {"train": ["--iterations", "300"], "bench": ["--no-python"]}


def files(args):
    if args:
        return [Path(a) for a in args]
    docs = sorted(p for p in (ROOT / "docs").glob("*.md"))
    return [ROOT / "README.md"] + docs


def commands(path):
    """The bin/gan commands of a file's ```bash blocks, continuations joined, && split."""
    out, block, lines = [], None, path.read_text(encoding="utf-8").splitlines()
    joined = []
    for line in lines:
        fence = re.match(r"^\s*```(\S*)\s*$", line)
        if fence:
            block = None if block is not None else fence.group(1)
            continue
        if block != "bash":
            continue
        if joined and joined[-1].endswith("\\"):
            joined[-1] = joined[-1][:-1] + " " + line.strip()
        else:
            joined.append(line.strip())
    for line in joined:
        for segment in re.split(r"\s&&\s", line):
            segment = segment.strip()
            if segment.startswith("bin/gan "):
                out.append(segment)
    return out


def shortened(command):
    words = shlex.split(command, comments=True)
    sub = next((w for w in words[1:] if not w.startswith("-")), None)
    caps = CAPS.get(sub, {})
    result, i, seen = [], 0, set()
    while i < len(words):
        w = words[i]
        flag, _, inline = w.partition("=")
        if flag in caps:
            value = inline or (words[i + 1] if i + 1 < len(words) else "")
            seen.add(flag)
            result += [flag, str(min(int(value), caps[flag]))]
            i += 1 if inline else 2
            continue
        result.append(w)
        i += 1
    if sub in ADD and ADD[sub][0] not in seen and "--resume" not in words and "--help" not in words:
        result += ADD[sub]
    return result


def main(argv):
    listing = "--list" in argv
    argv = [a for a in argv if a != "--list"]
    env = dict(os.environ)
    total, failures = 0, []
    for path in files(argv):
        for command in commands(path):
            words = shortened(command)
            total += 1
            shown = " ".join(shlex.quote(w) for w in words)
            print(f"[{path.relative_to(ROOT)}] {shown}", flush=True)
            if listing:
                continue
            start = time.monotonic()
            done = subprocess.run(words, cwd=ROOT, env=env, capture_output=True, text=True)
            took = time.monotonic() - start
            if done.returncode != 0:
                failures.append(f"{path.relative_to(ROOT)}: `{command}` exited {done.returncode}")
                print(done.stdout[-2000:], done.stderr[-2000:], sep="\n", flush=True)
            else:
                print(f"    ok in {took:.1f} s", flush=True)
    if listing:
        return 0
    status = subprocess.run(
        ["git", "status", "--porcelain", "--untracked-files=all"],
        cwd=ROOT, capture_output=True, text=True, check=True).stdout
    if status.strip():
        failures.append("the commands changed the checkout (git status):\n" + status)
    print(f"docs commands: {total} run, {len(failures)} failed")
    for f in failures:
        print("FAILED: " + f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

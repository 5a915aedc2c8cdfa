"""A stand-in for attn-compile used by test_compile.py: same command line,
writes a package directory with a manifest naming one kernel per func.func.

Environment: FAKE_VERSION (the --version line), FAKE_LOG (append one line per
compile), FAKE_SLEEP (seconds to sleep before writing, to widen races).
Input containing "BAD" fails like a diagnostic; "NOMANIFEST" exits 0 without
writing a package.
"""

import json
import os
import re
import sys
import time


def main(argv):
    if argv == ["--version"]:
        print(os.environ.get("FAKE_VERSION", "fake-attn-compile 1.0 (MLIR 0)"))
        return 0
    if "-o" not in argv or not argv:
        sys.stderr.write("usage: attn-compile INPUT -o OUT [--target=T]\n")
        return 2
    src = argv[0]
    out = argv[argv.index("-o") + 1]
    target = "cpu"
    for a in argv:
        if a.startswith("--target="):
            target = a.split("=", 1)[1]
    text = open(src).read()
    log = os.environ.get("FAKE_LOG")
    if log:
        with open(log, "a") as f:
            f.write("%d %s\n" % (os.getpid(), target))
    if "BAD" in text:
        sys.stderr.write("%s:1:1: error: 'attn.bad' op is not known\n" % src)
        return 1
    time.sleep(float(os.environ.get("FAKE_SLEEP", "0")))
    if "NOMANIFEST" in text:
        return 0
    if os.path.exists(out):
        sys.stderr.write("error: %s exists\n" % out)
        return 1
    os.makedirs(out)
    names = re.findall(r"func\.func @(\w+)", text)
    manifest = {
        "format": "attn-kernel-package", "version": 1, "compiler": "fake", "target": target,
        "binary": "kernels.so",
        "kernels": [{"name": n, "symbol": n + "_attn_entry", "abi": "packed-memref",
                     "args": [], "grid": [1, 1, 1], "checks": []} for n in names],
    }
    # Written in pieces with a pause, so a reader of a half-written package
    # would notice (packages must only appear complete).
    with open(os.path.join(out, "kernels.so"), "w") as f:
        f.write("not a real shared object\n")
    time.sleep(float(os.environ.get("FAKE_SLEEP", "0")) / 2)
    with open(os.path.join(out, "manifest.json"), "w") as f:
        json.dump(manifest, f)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

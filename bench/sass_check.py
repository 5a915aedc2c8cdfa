"""SASS check of the prebuilt CUDA packages, run from the dist folder on a
machine with the CUDA toolkit's cuobjdump (the GPU machine):

    python3 dist/bench/sass_check.py [package ...]

Finds the cubins embedded in each package's kernels.so, disassembles them
with `cuobjdump -sass` and prints, per kernel function, the count of tensor
core instructions (HMMA, HGMMA), ldmatrix (LDSM), asynchronous copies
(LDGSTS) and local-memory accesses (LDL/STL). Kernels of the matrix path
(those with ldmatrix) must use the tensor cores and no local memory (no
spills): exits 1 otherwise. Kernels of the simple path (a work item per
thread, docs/design.md §8: its tiles are thread-local arrays) are marked
"simple path".
"""

import collections
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
DIST = os.path.dirname(HERE)


EM_CUDA, EM_AMDGPU = 190, 224


def embedded_elves(blob, machine):
    """The ELF images of `machine` inside `blob` after its own header (64-bit
    ELF: an image ends with the last of its section contents, section
    header table and program header table). Also used by the lit test of
    the hip target's code objects (test/Target/ROCDL/Inputs/hsaco-of.py)."""
    images = []
    at = blob.find(b"\x7fELF", 1)
    while at != -1:
        kind, = struct.unpack_from("<H", blob, at + 0x12)
        if kind != machine:
            at = blob.find(b"\x7fELF", at + 4)
            continue
        phoff, shoff = struct.unpack_from("<QQ", blob, at + 0x20)
        phentsize, phnum, shentsize, shnum = struct.unpack_from("<HHHH", blob, at + 0x36)
        size = max(shoff + shentsize * shnum, phoff + phentsize * phnum)
        for i in range(shnum):
            sh = at + shoff + i * shentsize
            sh_type, = struct.unpack_from("<I", blob, sh + 4)
            offset, length = struct.unpack_from("<QQ", blob, sh + 0x18)
            if sh_type != 8:  # SHT_NOBITS takes no room
                size = max(size, offset + length)
        if at + size > len(blob):
            break
        images.append(blob[at:at + size])
        at = blob.find(b"\x7fELF", at + size)
    return images


def sass_counts(cubin, cuobjdump):
    with tempfile.NamedTemporaryFile(suffix=".cubin") as f:
        f.write(cubin)
        f.flush()
        run = subprocess.run([cuobjdump, "-sass", f.name], capture_output=True,
                             text=True)
        if run.returncode != 0:
            raise RuntimeError("cuobjdump: " + run.stderr.strip())
        text = run.stdout
    counts = collections.OrderedDict()
    function = None
    for line in text.splitlines():
        m = re.match(r"\s*Function : (\S+)", line)
        if m:
            function = m.group(1)
            counts[function] = collections.Counter()
            continue
        if function is None:
            continue
        for op in ("HGMMA", "HMMA", "LDSM", "LDGSTS", "LDL", "STL"):
            if re.search(r"\b%s\b" % op, line):
                counts[function][op] += 1
    return counts


def main():
    cuobjdump = shutil.which("cuobjdump") or "/usr/local/cuda/bin/cuobjdump"
    if not os.path.exists(cuobjdump):
        print("cuobjdump not found: this check runs where the CUDA toolkit is")
        return 1
    names = sys.argv[1:] or sorted(os.listdir(os.path.join(DIST, "packages")))
    failed = False
    print("%-22s %-52s %6s %6s %6s %6s %4s" % ("package", "kernel", "HMMA", "HGMMA",
                                                "LDSM", "LDGSTS", "LDL/STL"))
    for name in names:
        name = name.replace(".attnpkg", "")
        path = os.path.join(DIST, "packages", name + ".attnpkg", "kernels.so")
        with open(path, "rb") as f:
            cubins = embedded_elves(f.read(), EM_CUDA)
        for cubin in cubins:
            for function, c in sass_counts(cubin, cuobjdump).items():
                local = c["LDL"] + c["STL"]
                # The matrix path's kernels are those that use ldmatrix.
                matrix = c["LDSM"] > 0
                bad = matrix and (local > 0 or c["HMMA"] + c["HGMMA"] == 0)
                failed = failed or bad
                note = "  FAIL" if bad else "  simple path" if local else ""
                print("%-22s %-52s %6d %6d %6d %6d %4d%s" % (
                    name, function[:52], c["HMMA"], c["HGMMA"], c["LDSM"], c["LDGSTS"],
                    local, note))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

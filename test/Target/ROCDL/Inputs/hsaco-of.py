"""Writes the AMDGPU code objects embedded in a hip package's kernels.so to
PREFIX.N.hsaco, N = 0, 1, ... in order, and prints their count.

    hsaco-of.py kernels.so PREFIX

The ELF scan is bench/sass_check.py's (which reads a cuda package's
cubins the same way).
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "..", "..", "..", "..", "bench"))
from sass_check import EM_AMDGPU, embedded_elves  # noqa: E402

with open(sys.argv[1], "rb") as f:
    images = embedded_elves(f.read(), EM_AMDGPU)
for n, image in enumerate(images):
    with open("%s.%d.hsaco" % (sys.argv[2], n), "wb") as f:
        f.write(image)
print(len(images))

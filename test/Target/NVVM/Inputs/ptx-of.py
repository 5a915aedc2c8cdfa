"""Prints the PTX modules embedded in attn-opt --attn-to-nvvm="format=isa"
output (gpu.binary ops whose assembly is an escaped MLIR string): all of
them, or only the one whose index is given as the second argument."""
import sys

text = open(sys.argv[1]).read()
modules = []
start = text.find(".version")
while start >= 0:
    end = text.index('"', start)
    ptx = text[start:end]
    for escape, char in (("\\0A", "\n"), ("\\09", "\t"), ("\\22", '"'), ("\\5C", "\\")):
        ptx = ptx.replace(escape, char)
    modules.append(ptx)
    start = text.find(".version", end)
if len(sys.argv) > 2:
    modules = [modules[int(sys.argv[2])]]
sys.stdout.write("\n".join(modules))

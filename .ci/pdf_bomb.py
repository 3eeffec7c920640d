#!/usr/bin/env python3
"""Writes a one-page PDF whose content stream inflates to 1 GB of zeros (about 1 MB on disk):
the hostile-file gate checks that reading it ends with a problem in bounded memory.

Usage: pdf_bomb.py OUT.pdf
"""
import sys
import zlib

packed = zlib.compressobj(9)
chunks = [packed.compress(bytes(1 << 20)) for _ in range(1024)]
stream = b"".join(chunks) + packed.flush()
objects = [
    b"<< /Type /Catalog /Pages 2 0 R >>",
    b"<< /Type /Pages /Kids [3 0 R] /Count 1 /MediaBox [0 0 595 842] >>",
    b"<< /Type /Page /Parent 2 0 R /Contents 4 0 R >>",
    b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
]
out = bytearray(b"%PDF-1.5\n")
offsets = []
for number, body in enumerate(objects, start=1):
    offsets.append(len(out))
    out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
xref = len(out)
out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
for offset in offsets:
    out += b"%010d 00000 n \n" % offset
out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
with open(sys.argv[1], "wb") as f:
    f.write(out)

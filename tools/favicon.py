#!/usr/bin/env python3
"""Writes src/Atlas.Web/wwwroot/favicon.ico from the shapes of assets/favicon.svg (a rounded square and three bars),
at 16, 32 and 48 pixels, each a PNG inside the ICO container. Standard library only; run it after changing the icon."""
import struct, zlib, pathlib

def colour(hexa):
    return tuple(int(hexa[i:i + 2], 16) for i in (1, 3, 5))

# the SVG's shapes, in its 32 x 32 view box: (x, y, width, height, corner radius, colour)
SHAPES = [(0, 0, 32, 32, 6, colour("#10263f")), (6, 8, 6, 16, 0, colour("#1b1f24")),
          (13, 8, 6, 16, 0, colour("#f2c500")), (20, 8, 6, 16, 0, colour("#d9262c"))]

def inside(px, py, x, y, w, h, r):
    if not (x <= px < x + w and y <= py < y + h):
        return False
    cx = min(max(px, x + r), x + w - r)
    cy = min(max(py, y + r), y + h - r)
    return (px - cx) ** 2 + (py - cy) ** 2 <= r * r

def render(size, samples=4):
    rows = []
    for j in range(size):
        row = bytearray([0])  # PNG filter: none
        for i in range(size):
            acc = [0, 0, 0, 0]
            for sj in range(samples):
                for si in range(samples):
                    px = (i + (si + 0.5) / samples) * 32 / size
                    py = (j + (sj + 0.5) / samples) * 32 / size
                    rgb = None
                    for x, y, w, h, r, c in SHAPES:
                        if inside(px, py, x, y, w, h, r):
                            rgb = c
                    if rgb:
                        acc[0] += rgb[0]; acc[1] += rgb[1]; acc[2] += rgb[2]; acc[3] += 1
            n = samples * samples
            row += bytes([acc[0] // max(acc[3], 1), acc[1] // max(acc[3], 1), acc[2] // max(acc[3], 1), 255 * acc[3] // n])
        rows.append(bytes(row))
    return b"".join(rows)

def png(size):
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(render(size), 9)) + chunk(b"IEND", b"")

sizes = [16, 32, 48]
images = [png(s) for s in sizes]
out = struct.pack("<HHH", 0, 1, len(images))
offset = 6 + 16 * len(images)
for s, img in zip(sizes, images):
    out += struct.pack("<BBBBHHII", s, s, 0, 0, 1, 32, len(img), offset)
    offset += len(img)
out += b"".join(images)
target = pathlib.Path(__file__).resolve().parent.parent / "src/Atlas.Web/wwwroot/favicon.ico"
target.write_bytes(out)
print(f"{target}: {len(out)} bytes")

# SPDX-License-Identifier: GPL-2.0
"""Host tests of tools/nvvgpu-vgpu-types: the layout, round trip, refusals."""

import importlib.machinery
import importlib.util
import os
import struct
import unittest
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
TOOL = os.path.join(HERE, "..", "nvvgpu-vgpu-types")
TABLE = os.path.join(HERE, "..", "l40s.table")
_loader = importlib.machinery.SourceFileLoader("gen", TOOL)
_spec = importlib.util.spec_from_loader("gen", _loader)
gen = importlib.util.module_from_spec(_spec)
_loader.exec_module(gen)


def table():
    with open(TABLE, encoding="utf-8") as f:
        return gen.parse_table(f.read())


class Layout(unittest.TestCase):
    def test_sizes_match_the_kernel_header(self):
        self.assertEqual(gen.HEADER.size, 64)
        self.assertEqual(gen.ENTRY.size, 256)

    def test_l40s_bytes(self):
        board, types = table()
        data = gen.build(board, types)
        self.assertEqual(len(data), 64 + 30 * 256)
        self.assertEqual(data[:8], b"NVVGPUTY")
        # version, header size, entry size, count, then the board's IDs
        self.assertEqual(struct.unpack_from("<8H", data, 8),
                         (1, 64, 256, 30, 0x10de, 0x26b9, 0x10de, 0x1851))
        self.assertEqual(struct.unpack_from("<I", data, 24)[0], 49152)
        zeroed = data[:28] + b"\0" * 4 + data[32:]
        self.assertEqual(struct.unpack_from("<I", data, 28)[0],
                         zlib.crc32(zeroed))
        # entry 0: NVIDIA L40S-1Q, type 1147, 32 instances, 1 GiB
        self.assertEqual(struct.unpack_from("<IIQ", data, 64),
                         (1147, 32, 1 << 30))
        self.assertEqual(data[64 + 56:64 + 56 + 15], b"NVIDIA L40S-1Q\0")


class RoundTrip(unittest.TestCase):
    def test_dump_reads_back_the_table(self):
        board, types = table()
        header, back = gen.parse_file(gen.build(board, types))
        self.assertEqual(header["device"], 0x26b9)
        self.assertEqual(len(back), len(types))
        for t, b in zip(types, back):
            for k in ("id", "name", "klass", "profile", "fb", "heap", "max",
                      "heads", "res_x", "res_y", "fps", "license"):
                self.assertEqual(t[k], b[k], k)

    def test_every_type_fits(self):
        board, types = table()
        seg = board["segment_mib"] * gen.MIB
        for t in types:
            slot = t["fb"] + gen.align_up(t["heap"], seg)
            self.assertLessEqual(t["max"] * slot, board["usable_mib"] * gen.MIB)
            self.assertEqual(t["fb"] % seg, 0)


class Refusals(unittest.TestCase):
    def test_corruptions_are_refused(self):
        data = bytearray(gen.build(*table()))
        bad = bytearray(data)
        bad[70] ^= 1
        for d in (bytes(bad), bytes(data[:1000]), b"X" + bytes(data[1:])):
            with self.assertRaises(gen.TableError):
                gen.parse_file(d)

    def test_bad_tables_are_refused(self):
        head = 'board "NVIDIA L40S" 10de:26b9 10de:1851 49152 48512 32\n'
        for line in (
                "type 1 4Q Quadro 2048 1 4 7680x4320 60 256 1900 L\n",
                "type 1 4Q Quadro 4096 40 4 7680x4320 60 256 1900 L\n",
                "type 1 4X Quadro 4096 1 4 7680x4320 60 256 1900 L\n",
                "type 1 4Q Quadro 4096 1 4 7680x4320 60 256 1900\n"):
            with self.assertRaises(gen.TableError):
                gen.parse_table(head + line)


if __name__ == "__main__":
    unittest.main()

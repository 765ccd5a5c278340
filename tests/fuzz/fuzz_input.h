/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Layout of a fuzz_statq input, shared by the fuzz target and the seed
 * generator.
 *
 * An input is a header followed by records. The header is the state the
 * host and the firmware share when the host looks at the status queue;
 * each record is one element the firmware put on the ring, starting at the
 * host's read pointer and following each other slot by slot, with wrap.
 * Records are published in batches: the first batch at once, each further
 * one when the host rings the doorbell after queueing a command (its last
 * element, for one split into continuation records). Records that do not
 * fit on the ring (at most 62 slots ahead of the host) wait until the host
 * has read everything published, and go on the ring from there.
 *
 * A record's bytes are the element from its first byte (element header,
 * RPC header, payload); the rest of its slots stay zero. Its flags ask the
 * harness to make parts of it consistent after the fuzzer mutated it
 * (length from the bytes given, slot count from the length, sequence
 * number, header constants, checksum last), so that mutations of a payload
 * still reach the decoders behind the checksum. Without flags the bytes go
 * to the ring as they are, and every check of the receive path is fair
 * game.
 *
 * Copyright (c) 2026 The nvvgpu developers
 */
#ifndef __NVFUZZ_INPUT_H__
#define __NVFUZZ_INPUT_H__

/* header.cfg */
#define NVFUZZ_CFG_FW_570		0x01	/* else 535.113.01 */
#define NVFUZZ_CFG_SCENARIO_SHIFT	1
#define NVFUZZ_CFG_SCENARIO_MASK	0x0e
#define NVFUZZ_CFG_WR_AUTO		0x10	/* write pointer after the last record */
#define NVFUZZ_CFG_RACE			0x20	/* firmware writes during a copy-out */
#define NVFUZZ_CFG_MAILBOX		0x40	/* header.mailbox in NV_PGSP_MAILBOX(0) */
#define NVFUZZ_CFG_CMDQ_STUCK		0x80	/* firmware consumes no commands */

/* what the host does with the queue (header.cfg bits 3:1) */
enum nvfuzz_scenario {
	NVFUZZ_SC_DRAIN,	/* the SWGEN0 work item: gsp_rpc_recv_work() */
	NVFUZZ_SC_WAIT_EVENT,	/* boot: gsp_rpc_wait_event(arg0) */
	NVFUZZ_SC_CALL,		/* gsp_rpc_call(function arg0, reply of arg1 bytes) */
	NVFUZZ_SC_LIFECYCLE,	/* attach, read_info, irq, vGPU ops, detach */
	NVFUZZ_SC_RM_CONTROL,	/* gsp_rm_control() */
	NVFUZZ_SC_RM_FREE,	/* gsp_rm_free(), then gsp_vgpu_shutdown() */
	NVFUZZ_SC_READ_INFO,	/* gsp_read_info(): static info, types, ... */
	NVFUZZ_SC_CLIENT,	/* gsp_rm_client_alloc(), bootload, client free */
	NVFUZZ_SC_NR,
};

/*
 * struct nvfuzz_hdr (little endian, 24 bytes):
 *   0 cfg        NVFUZZ_CFG_*
 *   1 host_rd    host's statq read pointer, mod 64 (63: out of range);
 *                0 for LIFECYCLE, which boots a fresh queue
 *   2 fw_wr      statq write pointer first published, raw (unless
 *                WR_AUTO: the end of the first batch)
 *   3 fw_cmdq_rd firmware's cmdq read pointer at the start, mod 64; the
 *                host's cmdq write pointer starts at 0
 *   4 seq        seqNum the host expects next (u32)
 *   8 arg0       scenario argument (u16). LIFECYCLE: 0x100 an unsupported
 *                release, 0x200 a firmware reset before detach, with
 *                0x400 vGPUs existing, 0x800 memory scrubbing never
 *                ending, 0x1000 the core busy; 0x2000 the board's fw_boot
 *                fails (at the reset with 0x200, else at attach), 0x4000
 *                the board reports no BAR1; bits 7:0 the vGPU type
 *                catalogue, as for READ_INFO. READ_INFO: bits 7:0 the
 *                board's vGPU type catalogue, 0 a valid one (the others
 *                in fz_vgpu_types()). RM_CONTROL: 0x8000 the echo
 *                (gsp_test_echo(), arg1 bytes, 0x100 inverted), else the
 *                control (fz_controls[], mod its size)
 *  10 arg1       scenario argument (u16)
 *  12 mailbox    NV_PGSP_MAILBOX(0) with CFG_MAILBOX (u32)
 *  16 race_at    with CFG_RACE: after this many copies out of the ring
 *                (memcpy() or nvgsp_copy_xor(): a message's headers, then
 *                each part of its payload) ...
 *  17 race_off   ... the firmware writes race_val into the range that copy
 *                read: bit 7 clear, at word race_off % 12 of the element
 *                and RPC headers (offset 32 on: what the host validates);
 *                bit 7 set, at 4 * (race_off & 0x7f)
 *  18 fail_alloc the fail_alloc-th kmalloc() of the host fails (0: none)
 *  20 race_val   (u32)
 */
#define NVFUZZ_HDR_SIZE		24

/* record: u8 flags, u16 n (little endian), n bytes of element */
#define NVFUZZ_REC_HDR_SIZE	3
#define NVFUZZ_REC_FIX_LEN	0x01	/* rpc.length = bytes given - 48 */
#define NVFUZZ_REC_FIX_COUNT	0x02	/* elem_count from rpc.length */
#define NVFUZZ_REC_FIX_SEQ	0x04	/* seq_num = the one the host expects */
#define NVFUZZ_REC_FIX_HDR	0x08	/* header_version and signature */
#define NVFUZZ_REC_FIX_CSUM	0x10	/* checksum under the release's rule */
#define NVFUZZ_REC_FIX_ALL	0x1f
/*
 * This record and the ones after it are published only at the host's next
 * doorbell (a reply comes after its request). Records before the first
 * such one are in the queue when the host starts.
 */
#define NVFUZZ_REC_NEXT		0x20
/*
 * rpc.sequence = the token (rpc.sequence) of the command the firmware took
 * last, stamped when the record is published (checksum again if FIX_CSUM):
 * a firmware that echoes tokens, as CPU-RM expects from 580.82 on.
 */
#define NVFUZZ_REC_FIX_TOKEN	0x40

/* the cookie of NVFUZZ_SC_RM_CONTROL's echo */
#define NVFUZZ_ECHO_COOKIE	0x6e76766770750001ULL

/* handles the scenarios use, so replies can echo them */
#define NVFUZZ_H_CLIENT		0xc1d00000
#define NVFUZZ_H_INTERNAL_CLIENT	0xc1e00000
#define NVFUZZ_H_INTERNAL_DEVICE	0xde1d0001
#define NVFUZZ_H_INTERNAL_SUBDEVICE	0x5d1d0001

#endif /* __NVFUZZ_INPUT_H__ */

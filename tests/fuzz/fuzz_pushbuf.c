// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer target: the simulated GPU's GPFIFO ring arithmetic, GPFIFO-entry
 * decoder and pushbuffer executor (sim/sim_pushbuf.c, unchanged) over a
 * 64 KiB function address space that the input fills. Input: byte 0 picks
 * the engine class (even: copy, odd: compute), byte 1 how often the engine
 * is asked to yield, byte 2 the ring's size (2^(1 + b % 13) entries), byte
 * 3 the number of entries to run; then the ring's offset, GP_GET and
 * GP_PUT (32 bits each, little endian, as a guest may write them); the rest
 * is the address space from 0, ring included. The engine's loop is
 * replayed: fetch the entry at GP_GET while GP_PUT is valid and ahead,
 * decode it, run it to its end, its error or 64 executor calls, advance
 * GP_GET. ASan and UBSan catch an access outside the space or undefined
 * behaviour; the harness aborts on an entry outside the ring, a GP_GET
 * that leaves it, or a bad GP_PUT that is not refused.
 *
 * Copyright (c) 2026 The nvvgpu developers
 */
#include <stdlib.h>
#include <string.h>

#include <nvvgpu/abi/nv_channel.h>

#include "sim_pushbuf.h"

#include "compat/libfuzzer.h"

#define SPACE	(64 * 1024)

struct fz {
	u8 mem[SPACE];
	unsigned int yield_every, asks;
};

static bool fz_contains(void *ctx, u64 addr, u64 len)
{
	return addr <= SPACE && len <= SPACE - addr;
}

static int fz_read(void *ctx, u64 addr, void *buf, size_t len)
{
	struct fz *f = ctx;

	if (!fz_contains(ctx, addr, len))
		abort();	/* the executor must check first */
	memcpy(buf, f->mem + addr, len);
	return 0;
}

static int fz_write(void *ctx, u64 addr, const void *buf, size_t len)
{
	struct fz *f = ctx;

	if (!fz_contains(ctx, addr, len))
		abort();
	memcpy(f->mem + addr, buf, len);
	return 0;
}

static int fz_copy(void *ctx, u64 dst, u64 src, u64 len)
{
	struct fz *f = ctx;

	if (!fz_contains(ctx, dst, len) || !fz_contains(ctx, src, len))
		abort();
	memcpy(f->mem + dst, f->mem + src, len);
	return 0;
}

static int fz_fill32(void *ctx, u64 dst, u32 val, u64 len)
{
	struct fz *f = ctx;
	u64 i;

	if (!fz_contains(ctx, dst, len))
		abort();
	for (i = 0; i + 4 <= len; i += 4)
		memcpy(f->mem + dst + i, &val, 4);
	return 0;
}

static const struct sim_pb_mem_ops fz_ops = {
	.contains = fz_contains,
	.read = fz_read,
	.write = fz_write,
	.copy = fz_copy,
	.fill32 = fz_fill32,
};

static bool fz_preempt(void *ctx)
{
	struct fz *f = ctx;

	return f->yield_every && ++f->asks % f->yield_every == 0;
}

static void fz_nonstall(void *ctx)
{
}

static u64 fz_now(void *ctx)
{
	return 1;
}

/* run one decoded entry as the engine does */
static void fz_run_entry(struct sim_pb_env *env, struct sim_pb_state *st,
			 u32 e0, u32 e1)
{
	struct sim_pb_result res;
	u32 dwords;
	u64 addr;
	int calls;

	if (sim_pb_decode_entry(e0, e1, &addr, &dwords))
		return;
	sim_pb_begin_segment(st, addr, dwords);
	for (calls = 0; calls < 64; calls++) {
		enum sim_pb_status s = sim_pb_run(st, env, &res);

		if (s == SIM_PB_DONE || s == SIM_PB_ERROR)
			break;
		if (s == SIM_PB_WAIT && res.wait_ns > NVVGPU_SIM_CTA_NS)
			abort();
	}
}

int nvfuzz_test_one_input(const u8 *data, size_t size)
{
	static struct fz f;
	struct sim_pb_env env = {
		.mem = &fz_ops, .ctx = &f, .preempt = fz_preempt,
		.nonstall = fz_nonstall, .now_ns = fz_now,
	};
	struct sim_pb_state st;
	u32 entries, ring, get, put, e[2], runs;
	u8 head[16] = {};
	u64 entry;
	int pending, left;

	/* a short input is padded with zeros, so every input runs */
	memcpy(head, data, size < sizeof(head) ? size : sizeof(head));
	memset(&f, 0, sizeof(f));
	memset(&st, 0, sizeof(st));
	env.engine_class = head[0] & 1 ? AMPERE_COMPUTE_A : AMPERE_DMA_COPY_A;
	f.yield_every = head[1] & 7;
	entries = 2U << (head[2] % 13);		/* 2..8192: fits the space */
	runs = head[3] % 16 + 1;
	memcpy(&ring, head + 4, 4);
	memcpy(&get, head + 8, 4);
	memcpy(&put, head + 12, 4);
	/* the channel code only makes rings inside the space: so does this */
	ring = (ring % (SPACE - entries * 8 + 1)) & ~7U;
	data += size < sizeof(head) ? size : sizeof(head);
	size -= size < sizeof(head) ? size : sizeof(head);
	memcpy(f.mem, data, size < SPACE ? size : SPACE);

	while (runs--) {
		pending = sim_pb_gpfifo_next(ring, entries, get, put, &entry);
		if (pending < 0) {
			/* refused: only for a GP_GET or GP_PUT beyond the ring */
			if (get < entries && put < entries)
				abort();
			return 0;
		}
		if (get >= entries || put >= entries ||
		    (u32)pending != ((put - get) & (entries - 1)))
			abort();
		if (!pending)
			return 0;
		if (entry < ring || entry + 8 > ring + (u64)entries * 8)
			abort();
		memcpy(e, f.mem + entry, sizeof(e));
		fz_run_entry(&env, &st, e[0], e[1]);
		left = pending;
		get = sim_pb_gpfifo_advance(entries, get);
		if (get >= entries ||
		    sim_pb_gpfifo_next(ring, entries, get, put, &entry) != left - 1)
			abort();
	}
	return 0;
}

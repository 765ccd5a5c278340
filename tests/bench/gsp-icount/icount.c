// SPDX-License-Identifier: GPL-2.0
/*
 * gsp-icount: the instructions the GSP transport spends on the host per
 * 64 KiB echo, counted by callgrind, beside the floor of one memcpy() and one
 * checksum pass over 64 KiB.
 *
 * The transport is the driver's own: every object gsp/Kbuild links into
 * nvvgpu_gsp.ko but the tracepoint definitions and gsp_main.c, compiled
 * unchanged against the fuzz target's compat headers (tests/fuzz/compat),
 * with gcc -O2 and the kernel's x86-64 code generation flags (no SIMD), and
 * the kernel's way of copying (kmem.c). The echo is what the live test
 * module's echo sends: gsp_rm_control() of NVVGPU_EMU_CTRL_CMD_ECHO with
 * 64 KiB of data, so a request and a reply of two elements each (65456 bytes
 * and a continuation record).
 *
 * In place of the firmware, a peer answers at the doorbell: it takes each
 * command through the firmware's receive checks (a copy out of the ring and
 * its checksum), turns it into its reply (rpc_result and RM status NV_OK,
 * the cookie inverted) and queues it back, sealed, on the status queue,
 * element by element. Then the host's SWGEN0 handler runs, as the interrupt
 * would, and the waiting RPC drains the status queue.
 *
 * Under callgrind (see run), with collection off at the start, the program
 * counts in phases and dumps each: the floor, N echoes whole (round trip),
 * and N echoes with collection off while the peer runs (host side), for
 * 535.113.01 and 570.144, whose checksums cover different bytes. Warm-up
 * echoes before, not counted, take the transport to its steady state (the
 * firmware seen echoing tokens). Every reply is checked byte by byte,
 * outside the counts.
 *
 * Copyright (c) 2026 The nvvgpu developers
 */
#include <stdio.h>
#include <stdlib.h>

#include <sanitizer/common_interface_defs.h>
#include <valgrind/callgrind.h>

#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>

#include <nvvgpu/abi/fwif.h>
#include <nvvgpu/abi/gsp_regs.h>
#include <nvvgpu/abi/gsp_rm.h>
#include <nvvgpu/abi/msgq.h>
#include <nvvgpu/core.h>

/* tests/fuzz/compat: the harness's side of the compat layer */
#include <nvfuzz_runtime.h>

#include "gsp.h"

#define ICOUNT_DATA		(64 * 1024)
#define ICOUNT_PARAMS		(sizeof(struct nvvgpu_emu_echo_params) + \
				 ICOUNT_DATA)
#define ICOUNT_ITERATIONS	50
#define ICOUNT_WARMUP		4
#define ICOUNT_H_CLIENT		0xc1d00001
#define ICOUNT_H_SUBDEVICE	0x5c000001
#define SLOTS			NVGSP_QUEUE_SLOTS

/* no function of ours may be inlined, cloned or folded: callgrind names them */
#define icount_noipa		__attribute__((__noipa__))

/* the firmware's side of the shared block */
struct icount_fw {
	struct nvvgpu_gsp *gsp;
	const struct nvgsp_fw_abi *abi;
	struct nvgsp_msgq_tx_header *cmdq_tx;	/* host writes */
	struct nvgsp_msgq_rx_header *cmdq_rx;	/* host's statq read pointer */
	void *cmdq_slots;
	struct nvgsp_msgq_tx_header *statq_tx;
	struct nvgsp_msgq_rx_header *statq_rx;	/* our cmdq read pointer */
	void *statq_slots;
	struct nvgsp_msg_element *elem;		/* the element in hand */
	u32 cmdq_pos;
	u32 cmdq_seq;
	u32 statq_seq;
	/* collection off while the peer runs: the host side alone */
	bool exclude;
};

static struct device icount_dev = { .init_name = "nvvgpu-icount" };
static struct nvvgpu_pgpu icount_pgpu;
static struct icount_fw icount_fw;

/*
 * nvfuzz_bug() (tests/fuzz/kernel_stubs.c) prints its stack through the
 * sanitizer runtime, which this build does without.
 */
void __sanitizer_print_stack_trace(void)
{
}

/* the core's side, as far as the transport reaches */
void nvvgpu_pgpu_set_lost(struct nvvgpu_pgpu *pgpu, const char *why)
{
	nvfuzz_bug("pgpu lost: %s", why);
}

int nvvgpu_pgpu_clear_lost(struct nvvgpu_pgpu *pgpu)
{
	return 0;
}

/* gsp_reset() is linked, never called: the echo does not reset */
int nvvgpu_pgpu_lock_sysfs(struct nvvgpu_pgpu *pgpu)
{
	return 0;
}

void nvvgpu_pgpu_unlock(struct nvvgpu_pgpu *pgpu)
{
}

/* a command turned into its reply, in place */
static void icount_fw_reply(struct nvgsp_msg_element *m)
{
	struct nvgsp_rpc_rm_control *rpc = (void *)(m + 1);
	struct nvvgpu_emu_echo_params *p = (void *)rpc->params;

	switch (m->rpc.function) {
	case NV_VGPU_MSG_FUNCTION_GSP_RM_CONTROL:
		if (rpc->cmd != NVVGPU_EMU_CTRL_CMD_ECHO)
			nvfuzz_bug("RM control %#x is not the echo", rpc->cmd);
		rpc->status = 0;
		p->cookie = ~p->cookie;
		break;
	case NV_VGPU_MSG_FUNCTION_CONTINUATION_RECORD:
		break;
	default:
		nvfuzz_bug("unexpected command %#x", m->rpc.function);
	}
	/* rpc.sequence stays: the token comes back */
	m->rpc.rpc_result = 0;
	m->rpc.rpc_result_private = 0;
}

/* the firmware: every command queued since the last doorbell, answered */
static icount_noipa void icount_fw_echo(struct icount_fw *fw)
{
	u32 wr = READ_ONCE(fw->cmdq_tx->write_ptr);
	enum nvgsp_csum_rule rule = fw->abi->csum_rule;
	const char *reason;
	u32 used, out;
	int n;

	while (fw->cmdq_pos != wr) {
		used = nvgsp_msgq_used_slots(fw->cmdq_pos, wr, SLOTS);
		nvgsp_ring_peek(fw->elem, fw->cmdq_slots, fw->cmdq_pos);
		n = nvgsp_msg_check_head(fw->elem, used, &reason);
		if (n < 0)
			nvfuzz_bug("bad command at slot %u: %s", fw->cmdq_pos,
				   reason);
		nvgsp_ring_read(fw->elem, fw->cmdq_slots, SLOTS, fw->cmdq_pos,
				n);
		if (nvgsp_msg_check_body(fw->elem, fw->cmdq_seq, rule, &reason))
			nvfuzz_bug("bad command at slot %u: %s", fw->cmdq_pos,
				   reason);
		fw->cmdq_seq++;
		fw->cmdq_pos = nvgsp_msgq_advance(fw->cmdq_pos, n, SLOTS);
		/* its slots are the host's again */
		WRITE_ONCE(fw->statq_rx->read_ptr, fw->cmdq_pos);

		icount_fw_reply(fw->elem);
		out = fw->statq_tx->write_ptr;
		if (nvgsp_msgq_free_slots(READ_ONCE(fw->cmdq_rx->read_ptr), out,
					  SLOTS) < n)
			nvfuzz_bug("status queue full");
		nvgsp_msg_seal(fw->elem, fw->statq_seq++, rule);
		nvgsp_ring_write(fw->statq_slots, SLOTS, out, fw->elem, n);
		/* the slots before the pointer that publishes them */
		wmb();
		WRITE_ONCE(fw->statq_tx->write_ptr,
			   nvgsp_msgq_advance(out, n, SLOTS));
	}
}

static u32 icount_rd32(struct nvvgpu_pgpu *pgpu, u32 addr)
{
	/* no fatal report, nothing pending but SWGEN0 */
	return 0;
}

/* the doorbell; then SWGEN0, whose handler is the host's */
static void icount_wr32(struct nvvgpu_pgpu *pgpu, u32 addr, u32 val)
{
	struct icount_fw *fw = &icount_fw;

	if (addr != NV_PGSP_QUEUE_HEAD(NV_PGSP_RPC_QUEUE_IDX))
		return;
	if (fw->exclude)
		CALLGRIND_TOGGLE_COLLECT;
	icount_fw_echo(fw);
	if (fw->exclude)
		CALLGRIND_TOGGLE_COLLECT;
	gsp_rpc_irq(fw->gsp, false);
}

static const struct nvvgpu_backend_ops icount_backend = {
	.version = NVVGPU_BACKEND_OPS_VERSION,
	.name = "icount",
	.rd32 = icount_rd32,
	.wr32 = icount_wr32,
};

/* the transport as the core leaves it after attach, on fresh queues */
static struct nvvgpu_gsp *icount_gsp_init(const char *release)
{
	struct icount_fw *fw = &icount_fw;
	struct nvvgpu_gsp *gsp;
	u8 *block;

	gsp = calloc(1, sizeof(*gsp));
	block = aligned_alloc(NVGSP_PAGE_SIZE, NVGSP_SHARED_SIZE);
	if (!gsp || !block)
		nvfuzz_bug("out of memory");
	memset(block, 0, NVGSP_SHARED_SIZE);
	gsp->pgpu = &icount_pgpu;
	gsp->dev = &icount_dev;
	gsp->abi = nvgsp_fw_abi_find(release);
	if (!gsp->abi)
		nvfuzz_bug("release %s missing from the version table", release);
	gsp->shared.vaddr = block;
	gsp->shared.size = NVGSP_SHARED_SIZE;
	gsp->booted = true;
	gsp_rpc_init(gsp);
	ida_init(&gsp->client_ida);
	ida_init(&gsp->handle_ida);
	if (gsp_event_init(gsp) || gsp_msgq_init(gsp))
		nvfuzz_bug("transport set-up failed");
	gsp_msgq_reset(gsp);

	memset(fw, 0, sizeof(*fw));
	fw->gsp = gsp;
	fw->abi = gsp->abi;
	fw->cmdq_tx = (void *)(block + NVGSP_CMDQ_OFFSET);
	fw->cmdq_rx = (void *)(block + NVGSP_CMDQ_OFFSET +
			       NVGSP_QUEUE_RX_HDR_OFF);
	fw->cmdq_slots = block + NVGSP_CMDQ_OFFSET + NVGSP_QUEUE_ENTRY_OFF;
	fw->statq_tx = (void *)(block + NVGSP_STATQ_OFFSET);
	fw->statq_rx = (void *)(block + NVGSP_STATQ_OFFSET +
				NVGSP_QUEUE_RX_HDR_OFF);
	fw->statq_slots = block + NVGSP_STATQ_OFFSET + NVGSP_QUEUE_ENTRY_OFF;
	fw->elem = aligned_alloc(NVGSP_PAGE_SIZE, NVGSP_MSG_MAX_SIZE);
	if (!fw->elem)
		nvfuzz_bug("out of memory");
	nvgsp_msgq_tx_init(fw->statq_tx);
	return gsp;
}

static void icount_gsp_fini(struct nvvgpu_gsp *gsp)
{
	gsp_rpc_fini(gsp);
	gsp_event_fini(gsp);
	gsp_msgq_fini(gsp);
	free(gsp->shared.vaddr);
	free(icount_fw.elem);
	free(gsp);
}

/* the host side of one echo: what the live test module's echo sends */
static icount_noipa int icount_echo(struct nvvgpu_gsp *gsp,
				    struct nvvgpu_emu_echo_params *p)
{
	return gsp_rm_control(gsp, ICOUNT_H_CLIENT, ICOUNT_H_SUBDEVICE,
			      NVVGPU_EMU_CTRL_CMD_ECHO, p, ICOUNT_PARAMS);
}

/* the floor: one copy of the bytes and one pass of the transport's checksum */
static icount_noipa u32 icount_floor(void *dst, const void *src, size_t len)
{
	memcpy(dst, src, len);
	return nvgsp_msg_checksum(dst, len);
}

static void icount_fill(struct nvvgpu_emu_echo_params *p, u64 cookie)
{
	u32 i;

	p->cookie = cookie;
	p->flags = 0;
	p->size = ICOUNT_DATA;
	for (i = 0; i < ICOUNT_DATA; i++)
		p->data[i] = (u8)(i * 131) ^ (u8)(cookie >> (8 * (i & 7)));
}

/* one echo, counted with collection on, its reply checked after */
static void icount_one(struct nvvgpu_gsp *gsp,
		       struct nvvgpu_emu_echo_params *p,
		       const struct nvvgpu_emu_echo_params *want, bool count)
{
	int ret;

	memcpy(p, want, ICOUNT_PARAMS);
	if (count)
		CALLGRIND_TOGGLE_COLLECT;
	ret = icount_echo(gsp, p);
	if (count)
		CALLGRIND_TOGGLE_COLLECT;
	if (ret)
		nvfuzz_bug("echo failed: %d", ret);
	if (p->cookie != ~want->cookie || p->size != want->size ||
	    p->flags != want->flags ||
	    memcmp(p->data, want->data, ICOUNT_DATA))
		nvfuzz_bug("echo reply differs from the request");
}

static void icount_release(const char *release, unsigned int n,
			   struct nvvgpu_emu_echo_params *p,
			   struct nvvgpu_emu_echo_params *want)
{
	struct nvvgpu_gsp *gsp = icount_gsp_init(release);
	char what[64];
	unsigned int i;

	for (i = 0; i < ICOUNT_WARMUP; i++) {
		icount_fill(want, 0x6e76766770750000ULL + i);
		icount_one(gsp, p, want, false);
	}

	for (i = 0; i < n; i++) {
		icount_fill(want, 0x6e76766770760000ULL + i);
		icount_one(gsp, p, want, true);
	}
	snprintf(what, sizeof(what), "round trip %s", release);
	CALLGRIND_DUMP_STATS_AT(what);

	icount_fw.exclude = true;
	for (i = 0; i < n; i++) {
		icount_fill(want, 0x6e76766770770000ULL + i);
		icount_one(gsp, p, want, true);
	}
	icount_fw.exclude = false;
	snprintf(what, sizeof(what), "host %s", release);
	CALLGRIND_DUMP_STATS_AT(what);

	if (gsp->stats.rpcs != ICOUNT_WARMUP + 2 * n || gsp->stats.dropped ||
	    gsp->stats.stale || gsp->stats.unsolicited || gsp->stats.failed)
		nvfuzz_bug("%s: %llu RPCs, %llu dropped, %llu stale, %llu unsolicited, %llu failed",
			   release, gsp->stats.rpcs, gsp->stats.dropped,
			   gsp->stats.stale, gsp->stats.unsolicited,
			   gsp->stats.failed);
	icount_gsp_fini(gsp);
}

int main(int argc, char **argv)
{
	static const char * const releases[] = { "535.113.01", "570.144" };
	struct nvvgpu_emu_echo_params *p, *want;
	unsigned int n = ICOUNT_ITERATIONS, i;
	u8 *src, *dst;
	u32 x = 0;

	if (argc == 2)
		n = strtoul(argv[1], NULL, 0);
	if (argc > 2 || !n) {
		fprintf(stderr, "usage: %s [ITERATIONS]\n", argv[0]);
		return 2;
	}
	nvfuzz_verbose = getenv("NVFUZZ_VERBOSE");
	icount_pgpu.dev = &icount_dev;
	icount_pgpu.backend = &icount_backend;
	p = malloc(ICOUNT_PARAMS);
	want = malloc(ICOUNT_PARAMS);
	src = malloc(ICOUNT_DATA);
	dst = malloc(ICOUNT_DATA);
	if (!p || !want || !src || !dst)
		nvfuzz_bug("out of memory");

	/* the floor, over the bytes an echo carries */
	icount_fill(want, 0);
	memcpy(src, want->data, ICOUNT_DATA);
	x ^= icount_floor(dst, src, ICOUNT_DATA);
	for (i = 0; i < n; i++) {
		src[i % ICOUNT_DATA] ^= 1;
		CALLGRIND_TOGGLE_COLLECT;
		x ^= icount_floor(dst, src, ICOUNT_DATA);
		CALLGRIND_TOGGLE_COLLECT;
		if (memcmp(dst, src, ICOUNT_DATA))
			nvfuzz_bug("floor copy differs");
	}
	CALLGRIND_DUMP_STATS_AT("floor");

	for (i = 0; i < ARRAY_SIZE(releases); i++)
		icount_release(releases[i], n, p, want);

	printf("gsp-icount: %u echoes of %u bytes per release checked, floor %#x%s\n",
	       2 * n, ICOUNT_DATA, x, RUNNING_ON_VALGRIND ? "" :
	       " (not under callgrind: nothing counted; see run)");
	free(p);
	free(want);
	free(src);
	free(dst);
	return 0;
}

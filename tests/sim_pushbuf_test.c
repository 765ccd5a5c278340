// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests of the simulated GPU's pushbuffer executor, over a fake
 * function address space.
 *
 * Copyright (c) 2026 The nvvgpu developers
 */
#include <kunit/test.h>
#include <linux/bitfield.h>
#include <linux/sizes.h>
#include <linux/slab.h>
#include <linux/string.h>

#include <nvvgpu/abi/nv_channel.h>

#include "../sim/sim_pushbuf.h"

#define PBT_SPACE	SZ_64K
#define PBT_PB		0x1000	/* the segment under test */
#define PBT_SEM		0x8000
#define PBT_SRC		0x9000
#define PBT_DST		0xa000

struct pbt {
	u8 *mem;
	unsigned int nonstall;
	unsigned int preempt_after;	/* preempt once this many asks came */
	unsigned int asks;
	struct sim_pb_state st;
	struct sim_pb_env env;
	u32 n;			/* dwords written at PBT_PB */
	bool ecc;		/* the 4 KiB at ecc_page have an ECC error */
	u64 ecc_page;
};

static bool pbt_contains(void *ctx, u64 addr, u64 len)
{
	return addr <= PBT_SPACE && len <= PBT_SPACE - addr;
}

/* what the engine's memory ops return for an uncorrectable ECC error */
static bool pbt_ecc_hit(struct pbt *t, u64 addr, u64 len)
{
	return t->ecc && addr < t->ecc_page + SZ_4K && t->ecc_page < addr + len;
}

static int pbt_read(void *ctx, u64 addr, void *buf, size_t len)
{
	struct pbt *t = ctx;

	if (!pbt_contains(ctx, addr, len))
		return -EFAULT;
	if (pbt_ecc_hit(t, addr, len))
		return -EIO;
	memcpy(buf, t->mem + addr, len);
	return 0;
}

static int pbt_write(void *ctx, u64 addr, const void *buf, size_t len)
{
	struct pbt *t = ctx;

	if (!pbt_contains(ctx, addr, len))
		return -EFAULT;
	if (pbt_ecc_hit(t, addr, len))
		return -EIO;
	memcpy(t->mem + addr, buf, len);
	return 0;
}

static int pbt_copy(void *ctx, u64 dst, u64 src, u64 len)
{
	struct pbt *t = ctx;

	if (pbt_ecc_hit(t, src, len) || pbt_ecc_hit(t, dst, len))
		return -EIO;
	memcpy(t->mem + dst, t->mem + src, len);
	return 0;
}

static int pbt_fill32(void *ctx, u64 dst, u32 val, u64 len)
{
	struct pbt *t = ctx;
	u64 i;

	if (pbt_ecc_hit(t, dst, len))
		return -EIO;
	for (i = 0; i + 4 <= len; i += 4)
		memcpy(t->mem + dst + i, &val, 4);
	return 0;
}

static const struct sim_pb_mem_ops pbt_mem_ops = {
	.contains = pbt_contains,
	.read = pbt_read,
	.write = pbt_write,
	.copy = pbt_copy,
	.fill32 = pbt_fill32,
};

static bool pbt_preempt(void *ctx)
{
	struct pbt *t = ctx;

	return t->preempt_after && ++t->asks >= t->preempt_after;
}

static void pbt_nonstall(void *ctx)
{
	struct pbt *t = ctx;

	t->nonstall++;
}

static u64 pbt_now(void *ctx)
{
	return 0x1122334455667788ULL;
}

static struct pbt *pbt_new(struct kunit *test, u32 class)
{
	struct pbt *t = kunit_kzalloc(test, sizeof(*t), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, t);
	t->mem = kunit_kzalloc(test, PBT_SPACE, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, t->mem);
	t->env.mem = &pbt_mem_ops;
	t->env.ctx = t;
	t->env.engine_class = class;
	t->env.preempt = pbt_preempt;
	t->env.nonstall = pbt_nonstall;
	t->env.now_ns = pbt_now;
	return t;
}

static void pbt_dw(struct pbt *t, u32 dw)
{
	memcpy(t->mem + PBT_PB + t->n * 4, &dw, 4);
	t->n++;
}

/* an INC_METHOD header and its data */
static void pbt_inc(struct pbt *t, u32 subch, u32 method, u32 count)
{
	pbt_dw(t, FIELD_PREP(NVC56F_DMA_SEC_OP, NVC56F_DMA_SEC_OP_INC_METHOD) |
		  FIELD_PREP(NVC56F_DMA_METHOD_COUNT, count) |
		  FIELD_PREP(NVC56F_DMA_METHOD_SUBCHANNEL, subch) |
		  FIELD_PREP(NVC56F_DMA_METHOD_ADDRESS, method >> 2));
}

static void pbt_mthd(struct pbt *t, u32 subch, u32 method, u32 data)
{
	pbt_inc(t, subch, method, 1);
	pbt_dw(t, data);
}

static enum sim_pb_status pbt_run(struct pbt *t, struct sim_pb_result *res)
{
	sim_pb_begin_segment(&t->st, PBT_PB, t->n);
	return sim_pb_run(&t->st, &t->env, res);
}

static u32 pbt_rd32(struct pbt *t, u64 addr)
{
	u32 v;

	memcpy(&v, t->mem + addr, 4);
	return v;
}

static void pbt_entry_decode(struct kunit *test)
{
	u32 e1 = FIELD_PREP(NVC56F_GP_ENTRY1_GET_HI, 0x9a) |
		 FIELD_PREP(NVC56F_GP_ENTRY1_LENGTH, 17);
	u64 addr;
	u32 len;

	KUNIT_EXPECT_EQ(test, sim_pb_decode_entry(0x12345678 & ~3U, e1, &addr, &len),
			0);
	KUNIT_EXPECT_EQ(test, addr, 0x9a12345678ULL);
	KUNIT_EXPECT_EQ(test, len, 17);
	KUNIT_EXPECT_EQ(test, sim_pb_decode_entry(0, NVC56F_GP_ENTRY1_LEVEL_SUBROUTINE,
						  &addr, &len), -EINVAL);
	KUNIT_EXPECT_EQ(test, sim_pb_decode_entry(0, NVC56F_GP_ENTRY1_SYNC_WAIT,
						  &addr, &len), -EINVAL);
}

/* GP_GET runs from 6 around the end of an 8-entry ring to GP_PUT 2 */
static void pbt_gpfifo_wrap(struct kunit *test)
{
	static const u32 order[] = { 6, 7, 0, 1 };
	u32 get = 6, k;
	u64 e = 0;

	for (k = 0; k < ARRAY_SIZE(order); k++) {
		KUNIT_EXPECT_EQ(test, get, order[k]);
		KUNIT_EXPECT_EQ(test, sim_pb_gpfifo_next(0x1000, 8, get, 2, &e),
				4 - k);
		KUNIT_EXPECT_EQ(test, e, 0x1000 + order[k] * 8);
		get = sim_pb_gpfifo_advance(8, get);
	}
	KUNIT_EXPECT_EQ(test, get, 2);
	KUNIT_EXPECT_EQ(test, sim_pb_gpfifo_next(0x1000, 8, get, 2, &e), 0);

	/* a full ring holds entries - 1: GP_PUT one behind GP_GET */
	KUNIT_EXPECT_EQ(test, sim_pb_gpfifo_next(0x1000, 8, 3, 2, &e), 7);
	KUNIT_EXPECT_EQ(test, e, 0x1000 + 3 * 8);
	KUNIT_EXPECT_EQ(test, sim_pb_gpfifo_next(0, 32768, 0, 32767, &e), 32767);
	KUNIT_EXPECT_EQ(test, sim_pb_gpfifo_next(0, 32768, 32767, 0, &e), 1);
	KUNIT_EXPECT_EQ(test, e, 32767ULL * 8);
	KUNIT_EXPECT_EQ(test, sim_pb_gpfifo_advance(32768, 32767), 0);
	KUNIT_EXPECT_EQ(test, sim_pb_gpfifo_advance(2, 0), 1);
	KUNIT_EXPECT_EQ(test, sim_pb_gpfifo_advance(2, 1), 0);
	/* the highest ring that still fits below 2^64 */
	KUNIT_EXPECT_EQ(test, sim_pb_gpfifo_next(U64_MAX - 127, 8, 7, 0, &e), 1);
	KUNIT_EXPECT_EQ(test, e, U64_MAX - 127 + 56);
}

/* a GP_PUT (or GP_GET) that is no index into the ring is refused, not wrapped */
static void pbt_gpfifo_put_beyond(struct kunit *test)
{
	u64 e = 0xdead;

	KUNIT_EXPECT_EQ(test, sim_pb_gpfifo_next(0x1000, 8, 0, 8, &e), -EINVAL);
	/* 8 * 32 + 7: modulo the ring it would be entry 7 */
	KUNIT_EXPECT_EQ(test, sim_pb_gpfifo_next(0x1000, 8, 0, 263, &e), -EINVAL);
	KUNIT_EXPECT_EQ(test, sim_pb_gpfifo_next(0x1000, 8, 0, U32_MAX, &e),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, sim_pb_gpfifo_next(0x1000, 8, 8, 0, &e), -EINVAL);
	KUNIT_EXPECT_EQ(test, sim_pb_gpfifo_next(0x1000, 32768, 0, 32768, &e),
			-EINVAL);
	/* rings the channel code never creates */
	KUNIT_EXPECT_EQ(test, sim_pb_gpfifo_next(0x1000, 0, 0, 0, &e), -EINVAL);
	KUNIT_EXPECT_EQ(test, sim_pb_gpfifo_next(0x1000, 1, 0, 0, &e), -EINVAL);
	KUNIT_EXPECT_EQ(test, sim_pb_gpfifo_next(0x1000, 12, 0, 1, &e), -EINVAL);
	KUNIT_EXPECT_EQ(test, sim_pb_gpfifo_next(U64_MAX - 63, 8, 0, 1, &e),
			-EINVAL);
	/* nothing was computed for any of them */
	KUNIT_EXPECT_EQ(test, e, 0xdead);
}

static void pbt_host_semaphores(struct kunit *test)
{
	struct pbt *t = pbt_new(test, AMPERE_DMA_COPY_A);
	struct sim_pb_result res;

	pbt_mthd(t, 0, NVC56F_NOP, 0);
	pbt_inc(t, 0, NVC56F_SEM_ADDR_LO, 5);
	pbt_dw(t, PBT_SEM);
	pbt_dw(t, 0);
	pbt_dw(t, 0xcafe);
	pbt_dw(t, 0xbeef);
	pbt_dw(t, NVC56F_SEM_EXECUTE_OPERATION_RELEASE);
	pbt_mthd(t, 0, NVC56F_NON_STALL_INTERRUPT, 0);
	/* 64-bit with timestamp, at PBT_SEM + 16 */
	pbt_mthd(t, 0, NVC56F_SEM_ADDR_LO, PBT_SEM + 16);
	pbt_mthd(t, 0, NVC56F_SEM_EXECUTE, NVC56F_SEM_EXECUTE_OPERATION_RELEASE |
		 NVC56F_SEM_EXECUTE_PAYLOAD_SIZE_64BIT |
		 NVC56F_SEM_EXECUTE_RELEASE_TIMESTAMP);
	KUNIT_ASSERT_EQ(test, pbt_run(t, &res), SIM_PB_DONE);
	KUNIT_EXPECT_EQ(test, pbt_rd32(t, PBT_SEM), 0xcafe);
	KUNIT_EXPECT_EQ(test, pbt_rd32(t, PBT_SEM + 4), 0);
	KUNIT_EXPECT_EQ(test, pbt_rd32(t, PBT_SEM + 16), 0xcafe);
	KUNIT_EXPECT_EQ(test, pbt_rd32(t, PBT_SEM + 20), 0xbeef);
	KUNIT_EXPECT_EQ(test, pbt_rd32(t, PBT_SEM + 24), 0x55667788);
	KUNIT_EXPECT_EQ(test, t->nonstall, 1);
}

static void pbt_sem_misaligned(struct kunit *test)
{
	struct pbt *t = pbt_new(test, AMPERE_DMA_COPY_A);
	struct sim_pb_result res;

	pbt_mthd(t, 0, NVC56F_SEM_ADDR_LO, PBT_SEM + 4);
	pbt_mthd(t, 0, NVC56F_SEM_EXECUTE, NVC56F_SEM_EXECUTE_OPERATION_RELEASE |
		 NVC56F_SEM_EXECUTE_PAYLOAD_SIZE_64BIT);
	KUNIT_EXPECT_EQ(test, pbt_run(t, &res), SIM_PB_ERROR);
	KUNIT_EXPECT_EQ(test, res.xid, ROBUST_CHANNEL_PBDMA_ERROR);
}

static void pbt_sem_outside(struct kunit *test)
{
	struct pbt *t = pbt_new(test, AMPERE_DMA_COPY_A);
	struct sim_pb_result res;

	pbt_mthd(t, 0, NVC56F_SEM_ADDR_HI, 1);
	pbt_mthd(t, 0, NVC56F_SEM_ADDR_LO, 0x40);
	pbt_mthd(t, 0, NVC56F_SEM_EXECUTE, NVC56F_SEM_EXECUTE_OPERATION_RELEASE);
	KUNIT_EXPECT_EQ(test, pbt_run(t, &res), SIM_PB_ERROR);
	KUNIT_EXPECT_EQ(test, res.xid, ROBUST_CHANNEL_FIFO_ERROR_MMU_ERR_FLT);
	KUNIT_EXPECT_EQ(test, res.addr, 0x100000040ULL);
}

static void pbt_ce_setup(struct pbt *t, u64 src, u64 dst, u32 len)
{
	pbt_mthd(t, 4, NVC56F_SET_OBJECT, AMPERE_DMA_COPY_A);
	pbt_inc(t, 4, NVC6B5_OFFSET_IN_UPPER, 4);
	pbt_dw(t, upper_32_bits(src));
	pbt_dw(t, lower_32_bits(src));
	pbt_dw(t, upper_32_bits(dst));
	pbt_dw(t, lower_32_bits(dst));
	pbt_mthd(t, 4, NVC6B5_LINE_LENGTH_IN, len);
	pbt_inc(t, 4, NVC6B5_SET_SEMAPHORE_A, 3);
	pbt_dw(t, 0);
	pbt_dw(t, PBT_SEM);
	pbt_dw(t, 0x77);
}

static void pbt_ce_copy(struct kunit *test)
{
	struct pbt *t = pbt_new(test, AMPERE_DMA_COPY_A);
	struct sim_pb_result res;
	int i;

	for (i = 0; i < 256; i++)
		t->mem[PBT_SRC + i] = i;
	pbt_ce_setup(t, PBT_SRC, PBT_DST, 256);
	pbt_mthd(t, 4, NVC6B5_LAUNCH_DMA,
		 FIELD_PREP(NVC6B5_LAUNCH_DMA_DATA_TRANSFER_TYPE, 2) |
		 NVC6B5_LAUNCH_DMA_SRC_MEMORY_LAYOUT_PITCH |
		 NVC6B5_LAUNCH_DMA_DST_MEMORY_LAYOUT_PITCH |
		 FIELD_PREP(NVC6B5_LAUNCH_DMA_SEMAPHORE_TYPE,
			    NVC6B5_LAUNCH_DMA_SEMAPHORE_TYPE_RELEASE_ONE_WORD_SEMAPHORE) |
		 FIELD_PREP(NVC6B5_LAUNCH_DMA_INTERRUPT_TYPE,
			    NVC6B5_LAUNCH_DMA_INTERRUPT_TYPE_NON_BLOCKING));
	KUNIT_ASSERT_EQ(test, pbt_run(t, &res), SIM_PB_DONE);
	KUNIT_EXPECT_EQ(test, memcmp(t->mem + PBT_SRC, t->mem + PBT_DST, 256), 0);
	KUNIT_EXPECT_EQ(test, t->mem[PBT_DST + 256], 0);
	KUNIT_EXPECT_EQ(test, pbt_rd32(t, PBT_SEM), 0x77);
	KUNIT_EXPECT_EQ(test, t->nonstall, 1);
}

static void pbt_ce_fill(struct kunit *test)
{
	struct pbt *t = pbt_new(test, AMPERE_DMA_COPY_A);
	struct sim_pb_result res;

	pbt_ce_setup(t, 0, PBT_DST, 16);
	pbt_mthd(t, 4, NVC6B5_SET_REMAP_CONST_A, 0xa5a5f00d);
	pbt_mthd(t, 4, NVC6B5_SET_REMAP_COMPONENTS,
		 FIELD_PREP(NVC6B5_SET_REMAP_COMPONENTS_DST_X,
			    NVC6B5_SET_REMAP_COMPONENTS_DST_X_CONST_A) |
		 FIELD_PREP(NVC6B5_SET_REMAP_COMPONENTS_COMPONENT_SIZE,
			    NVC6B5_SET_REMAP_COMPONENTS_COMPONENT_SIZE_FOUR));
	pbt_mthd(t, 4, NVC6B5_LAUNCH_DMA,
		 FIELD_PREP(NVC6B5_LAUNCH_DMA_DATA_TRANSFER_TYPE, 2) |
		 NVC6B5_LAUNCH_DMA_DST_MEMORY_LAYOUT_PITCH |
		 NVC6B5_LAUNCH_DMA_REMAP_ENABLE);
	KUNIT_ASSERT_EQ(test, pbt_run(t, &res), SIM_PB_DONE);
	KUNIT_EXPECT_EQ(test, pbt_rd32(t, PBT_DST), 0xa5a5f00d);
	KUNIT_EXPECT_EQ(test, pbt_rd32(t, PBT_DST + 60), 0xa5a5f00d);
	KUNIT_EXPECT_EQ(test, pbt_rd32(t, PBT_DST + 64), 0);
	KUNIT_EXPECT_EQ(test, t->nonstall, 0);
}

static void pbt_ce_outside(struct kunit *test)
{
	struct pbt *t = pbt_new(test, AMPERE_DMA_COPY_A);
	struct sim_pb_result res;

	pbt_ce_setup(t, PBT_SRC, PBT_SPACE - 128, 256);
	pbt_mthd(t, 4, NVC6B5_LAUNCH_DMA,
		 FIELD_PREP(NVC6B5_LAUNCH_DMA_DATA_TRANSFER_TYPE, 2) |
		 NVC6B5_LAUNCH_DMA_SRC_MEMORY_LAYOUT_PITCH |
		 NVC6B5_LAUNCH_DMA_DST_MEMORY_LAYOUT_PITCH);
	KUNIT_EXPECT_EQ(test, pbt_run(t, &res), SIM_PB_ERROR);
	KUNIT_EXPECT_EQ(test, res.xid, ROBUST_CHANNEL_FIFO_ERROR_MMU_ERR_FLT);
	KUNIT_EXPECT_EQ(test, res.addr, PBT_SPACE - 128);
}

static void pbt_ce_overlap(struct kunit *test)
{
	struct pbt *t = pbt_new(test, AMPERE_DMA_COPY_A);
	struct sim_pb_result res;

	pbt_ce_setup(t, PBT_SRC, PBT_SRC + 64, 256);
	pbt_mthd(t, 4, NVC6B5_LAUNCH_DMA,
		 FIELD_PREP(NVC6B5_LAUNCH_DMA_DATA_TRANSFER_TYPE, 2) |
		 NVC6B5_LAUNCH_DMA_SRC_MEMORY_LAYOUT_PITCH |
		 NVC6B5_LAUNCH_DMA_DST_MEMORY_LAYOUT_PITCH);
	KUNIT_EXPECT_EQ(test, pbt_run(t, &res), SIM_PB_ERROR);
	KUNIT_EXPECT_EQ(test, res.xid, ROBUST_CHANNEL_PBDMA_ERROR);
}

/* an uncorrectable ECC error (-EIO from the memory ops) is Xid 48 */
static void pbt_ecc(struct kunit *test)
{
	struct pbt *t = pbt_new(test, AMPERE_DMA_COPY_A);
	struct sim_pb_result res;

	t->ecc = true;
	t->ecc_page = PBT_SRC;
	pbt_ce_setup(t, PBT_SRC, PBT_DST, 256);
	pbt_mthd(t, 4, NVC6B5_LAUNCH_DMA,
		 FIELD_PREP(NVC6B5_LAUNCH_DMA_DATA_TRANSFER_TYPE, 2) |
		 NVC6B5_LAUNCH_DMA_SRC_MEMORY_LAYOUT_PITCH |
		 NVC6B5_LAUNCH_DMA_DST_MEMORY_LAYOUT_PITCH |
		 FIELD_PREP(NVC6B5_LAUNCH_DMA_SEMAPHORE_TYPE,
			    NVC6B5_LAUNCH_DMA_SEMAPHORE_TYPE_RELEASE_ONE_WORD_SEMAPHORE));
	KUNIT_EXPECT_EQ(test, pbt_run(t, &res), SIM_PB_ERROR);
	KUNIT_EXPECT_EQ(test, res.xid, ROBUST_CHANNEL_GPU_ECC_DBE);
	KUNIT_EXPECT_EQ(test, res.addr, PBT_DST);
	/* the copy's semaphore is not released */
	KUNIT_EXPECT_EQ(test, pbt_rd32(t, PBT_SEM), 0);

	/* a semaphore release onto the page, and the pushbuffer on it */
	t = pbt_new(test, AMPERE_DMA_COPY_A);
	t->ecc = true;
	t->ecc_page = PBT_SEM;
	pbt_mthd(t, 0, NVC56F_SEM_ADDR_LO, PBT_SEM + 0x10);
	pbt_mthd(t, 0, NVC56F_SEM_EXECUTE, NVC56F_SEM_EXECUTE_OPERATION_RELEASE);
	KUNIT_EXPECT_EQ(test, pbt_run(t, &res), SIM_PB_ERROR);
	KUNIT_EXPECT_EQ(test, res.xid, ROBUST_CHANNEL_GPU_ECC_DBE);
	KUNIT_EXPECT_EQ(test, res.addr, PBT_SEM + 0x10);

	t = pbt_new(test, AMPERE_DMA_COPY_A);
	t->ecc = true;
	t->ecc_page = PBT_PB;
	pbt_mthd(t, 0, NVC56F_NOP, 0);
	KUNIT_EXPECT_EQ(test, pbt_run(t, &res), SIM_PB_ERROR);
	KUNIT_EXPECT_EQ(test, res.xid, ROBUST_CHANNEL_GPU_ECC_DBE);
	KUNIT_EXPECT_EQ(test, res.addr, PBT_PB);
}

static void pbt_wrong_class(struct kunit *test)
{
	struct pbt *t = pbt_new(test, AMPERE_DMA_COPY_A);
	struct sim_pb_result res;

	pbt_mthd(t, 0, NVC56F_SET_OBJECT, AMPERE_COMPUTE_A);
	KUNIT_EXPECT_EQ(test, pbt_run(t, &res), SIM_PB_ERROR);
	KUNIT_EXPECT_EQ(test, res.xid, ROBUST_CHANNEL_GR_EXCEPTION);
}

static void pbt_unbound_subchannel(struct kunit *test)
{
	struct pbt *t = pbt_new(test, AMPERE_DMA_COPY_A);
	struct sim_pb_result res;

	pbt_mthd(t, 2, NVC6B5_LAUNCH_DMA, 0);
	KUNIT_EXPECT_EQ(test, pbt_run(t, &res), SIM_PB_ERROR);
	KUNIT_EXPECT_EQ(test, res.xid, ROBUST_CHANNEL_GR_EXCEPTION);
}

static void pbt_malformed(struct kunit *test)
{
	struct pbt *t = pbt_new(test, AMPERE_DMA_COPY_A);
	struct sim_pb_result res;
	u32 hdr;

	/* reserved SEC_OP 6 */
	pbt_dw(t, FIELD_PREP(NVC56F_DMA_SEC_OP, 6));
	KUNIT_EXPECT_EQ(test, pbt_run(t, &res), SIM_PB_ERROR);
	KUNIT_EXPECT_EQ(test, res.xid, ROBUST_CHANNEL_PBDMA_ERROR);

	/* a count that runs past the segment */
	t = pbt_new(test, AMPERE_DMA_COPY_A);
	pbt_inc(t, 0, NVC56F_NOP, 3);
	pbt_dw(t, 0);
	KUNIT_EXPECT_EQ(test, pbt_run(t, &res), SIM_PB_ERROR);
	KUNIT_EXPECT_EQ(test, res.xid, ROBUST_CHANNEL_PBDMA_ERROR);

	/* a segment that leaves the address space */
	t = pbt_new(test, AMPERE_DMA_COPY_A);
	hdr = FIELD_PREP(NVC56F_DMA_SEC_OP, NVC56F_DMA_SEC_OP_INC_METHOD);
	memcpy(t->mem + PBT_SPACE - 4, &hdr, 4);
	sim_pb_begin_segment(&t->st, PBT_SPACE - 4, 4);
	KUNIT_EXPECT_EQ(test, sim_pb_run(&t->st, &t->env, &res), SIM_PB_ERROR);
	KUNIT_EXPECT_EQ(test, res.xid, ROBUST_CHANNEL_FIFO_ERROR_MMU_ERR_FLT);
	KUNIT_EXPECT_EQ(test, res.addr, PBT_SPACE);
}

static void pbt_sec_ops(struct kunit *test)
{
	struct pbt *t = pbt_new(test, AMPERE_DMA_COPY_A);
	struct sim_pb_result res;

	/* IMMD sets SEM_ADDR_HI to 0; NON_INC feeds LO twice, ONE_INC LO, HI */
	pbt_dw(t, FIELD_PREP(NVC56F_DMA_SEC_OP, NVC56F_DMA_SEC_OP_IMMD_DATA_METHOD) |
		  FIELD_PREP(NVC56F_DMA_IMMD_DATA, 0) |
		  FIELD_PREP(NVC56F_DMA_METHOD_ADDRESS, NVC56F_SEM_ADDR_HI >> 2));
	pbt_dw(t, FIELD_PREP(NVC56F_DMA_SEC_OP, NVC56F_DMA_SEC_OP_NON_INC_METHOD) |
		  FIELD_PREP(NVC56F_DMA_METHOD_COUNT, 2) |
		  FIELD_PREP(NVC56F_DMA_METHOD_ADDRESS, NVC56F_SEM_PAYLOAD_LO >> 2));
	pbt_dw(t, 1);
	pbt_dw(t, 2);
	pbt_dw(t, FIELD_PREP(NVC56F_DMA_SEC_OP, NVC56F_DMA_SEC_OP_ONE_INC) |
		  FIELD_PREP(NVC56F_DMA_METHOD_COUNT, 3) |
		  FIELD_PREP(NVC56F_DMA_METHOD_ADDRESS, NVC56F_SEM_ADDR_LO >> 2));
	pbt_dw(t, PBT_SEM);
	pbt_dw(t, 0);
	pbt_dw(t, 0);
	pbt_mthd(t, 0, NVC56F_SEM_EXECUTE, NVC56F_SEM_EXECUTE_OPERATION_RELEASE);
	/* END_PB_SEGMENT: what follows is never executed */
	pbt_dw(t, FIELD_PREP(NVC56F_DMA_SEC_OP, NVC56F_DMA_SEC_OP_END_PB_SEGMENT));
	pbt_mthd(t, 0, NVC56F_NON_STALL_INTERRUPT, 0);
	KUNIT_ASSERT_EQ(test, pbt_run(t, &res), SIM_PB_DONE);
	KUNIT_EXPECT_EQ(test, pbt_rd32(t, PBT_SEM), 2);
	KUNIT_EXPECT_EQ(test, t->nonstall, 0);
}

static void pbt_compute_quanta(struct kunit *test)
{
	struct pbt *t = pbt_new(test, AMPERE_COMPUTE_A);
	struct sim_pb_result res;
	u64 total = 0;
	int waits = 0;

	pbt_mthd(t, 0, NVC56F_SET_OBJECT, AMPERE_COMPUTE_A);
	pbt_mthd(t, 0, NVVGPU_SIM_COMPUTE_LAUNCH_NS_LO, 250000);
	pbt_mthd(t, 0, NVVGPU_SIM_COMPUTE_LAUNCH, 0);
	pbt_mthd(t, 0, NVC56F_NON_STALL_INTERRUPT, 0);
	sim_pb_begin_segment(&t->st, PBT_PB, t->n);
	while (sim_pb_run(&t->st, &t->env, &res) == SIM_PB_WAIT) {
		KUNIT_EXPECT_LE(test, res.wait_ns, NVVGPU_SIM_CTA_NS);
		total += res.wait_ns;
		KUNIT_ASSERT_LT(test, ++waits, 10);
	}
	KUNIT_EXPECT_EQ(test, total, 250000);
	KUNIT_EXPECT_EQ(test, waits, 3);
	KUNIT_EXPECT_EQ(test, t->nonstall, 1);
}

/* preempted mid-launch, a CTA-mode channel keeps what is left of it */
static void pbt_compute_preempt(struct kunit *test)
{
	struct pbt *t = pbt_new(test, AMPERE_COMPUTE_A);
	struct sim_pb_result res;

	pbt_mthd(t, 0, NVC56F_SET_OBJECT, AMPERE_COMPUTE_A);
	pbt_mthd(t, 0, NVVGPU_SIM_COMPUTE_LAUNCH_NS_LO, 300000);
	pbt_mthd(t, 0, NVVGPU_SIM_COMPUTE_LAUNCH, 0);
	pbt_mthd(t, 0, NVC56F_NON_STALL_INTERRUPT, 0);
	sim_pb_begin_segment(&t->st, PBT_PB, t->n);
	KUNIT_ASSERT_EQ(test, sim_pb_run(&t->st, &t->env, &res), SIM_PB_WAIT);
	KUNIT_EXPECT_EQ(test, t->st.compute_left, 200000);
	t->preempt_after = 1;
	t->asks = 0;
	KUNIT_EXPECT_EQ(test, sim_pb_run(&t->st, &t->env, &res), SIM_PB_YIELD);
	KUNIT_EXPECT_EQ(test, t->st.compute_left, 200000);
	KUNIT_EXPECT_EQ(test, t->nonstall, 0);
	t->preempt_after = 0;
	while (sim_pb_run(&t->st, &t->env, &res) == SIM_PB_WAIT)
		;
	KUNIT_EXPECT_EQ(test, t->st.compute_left, 0);
	KUNIT_EXPECT_EQ(test, t->nonstall, 1);
}

/* a WFI-mode launch does not yield until it is done */
static void pbt_compute_wfi(struct kunit *test)
{
	struct pbt *t = pbt_new(test, AMPERE_COMPUTE_A);
	struct sim_pb_result res;

	pbt_mthd(t, 0, NVC56F_SET_OBJECT, AMPERE_COMPUTE_A);
	pbt_mthd(t, 0, NVVGPU_SIM_COMPUTE_PREEMPT_MODE, NVVGPU_SIM_COMPUTE_PREEMPT_WFI);
	pbt_mthd(t, 0, NVVGPU_SIM_COMPUTE_LAUNCH_NS_LO, 300000);
	pbt_mthd(t, 0, NVVGPU_SIM_COMPUTE_LAUNCH, 0);
	sim_pb_begin_segment(&t->st, PBT_PB, t->n);
	KUNIT_ASSERT_EQ(test, sim_pb_run(&t->st, &t->env, &res), SIM_PB_WAIT);
	t->preempt_after = 1;
	KUNIT_EXPECT_EQ(test, sim_pb_run(&t->st, &t->env, &res), SIM_PB_WAIT);
	KUNIT_EXPECT_EQ(test, sim_pb_run(&t->st, &t->env, &res), SIM_PB_WAIT);
	/* done, and the last method: the entry completes, nothing to yield */
	KUNIT_EXPECT_EQ(test, sim_pb_run(&t->st, &t->env, &res), SIM_PB_DONE);
	KUNIT_EXPECT_EQ(test, t->st.compute_left, 0);
}

/* a WFI-mode launch followed by a method yields before that method */
static void pbt_compute_wfi_more(struct kunit *test)
{
	struct pbt *t = pbt_new(test, AMPERE_COMPUTE_A);
	struct sim_pb_result res;

	pbt_mthd(t, 0, NVC56F_SET_OBJECT, AMPERE_COMPUTE_A);
	pbt_mthd(t, 0, NVVGPU_SIM_COMPUTE_PREEMPT_MODE, NVVGPU_SIM_COMPUTE_PREEMPT_WFI);
	pbt_mthd(t, 0, NVVGPU_SIM_COMPUTE_LAUNCH_NS_LO, 100000);
	pbt_mthd(t, 0, NVVGPU_SIM_COMPUTE_LAUNCH, 0);
	pbt_mthd(t, 0, NVC56F_NON_STALL_INTERRUPT, 0);
	sim_pb_begin_segment(&t->st, PBT_PB, t->n);
	KUNIT_ASSERT_EQ(test, sim_pb_run(&t->st, &t->env, &res), SIM_PB_WAIT);
	t->preempt_after = 1;
	KUNIT_EXPECT_EQ(test, sim_pb_run(&t->st, &t->env, &res), SIM_PB_YIELD);
	KUNIT_EXPECT_EQ(test, t->nonstall, 0);
	t->preempt_after = 0;
	KUNIT_EXPECT_EQ(test, sim_pb_run(&t->st, &t->env, &res), SIM_PB_DONE);
	KUNIT_EXPECT_EQ(test, t->nonstall, 1);
}

/* preemption at a method boundary resumes with the next method */
static void pbt_method_preempt(struct kunit *test)
{
	struct pbt *t = pbt_new(test, AMPERE_DMA_COPY_A);
	struct sim_pb_result res;

	pbt_mthd(t, 0, NVC56F_NON_STALL_INTERRUPT, 0);
	pbt_mthd(t, 0, NVC56F_NON_STALL_INTERRUPT, 0);
	/* asked before each header and each data dword: the 3rd ask yields */
	t->preempt_after = 3;
	KUNIT_EXPECT_EQ(test, pbt_run(t, &res), SIM_PB_YIELD);
	KUNIT_EXPECT_EQ(test, t->nonstall, 1);
	t->preempt_after = 0;
	KUNIT_EXPECT_EQ(test, sim_pb_run(&t->st, &t->env, &res), SIM_PB_DONE);
	KUNIT_EXPECT_EQ(test, t->nonstall, 2);
}

static struct kunit_case sim_pushbuf_test_cases[] = {
	KUNIT_CASE(pbt_entry_decode),
	KUNIT_CASE(pbt_gpfifo_wrap),
	KUNIT_CASE(pbt_gpfifo_put_beyond),
	KUNIT_CASE(pbt_host_semaphores),
	KUNIT_CASE(pbt_sem_misaligned),
	KUNIT_CASE(pbt_sem_outside),
	KUNIT_CASE(pbt_ce_copy),
	KUNIT_CASE(pbt_ce_fill),
	KUNIT_CASE(pbt_ce_outside),
	KUNIT_CASE(pbt_ce_overlap),
	KUNIT_CASE(pbt_ecc),
	KUNIT_CASE(pbt_wrong_class),
	KUNIT_CASE(pbt_unbound_subchannel),
	KUNIT_CASE(pbt_malformed),
	KUNIT_CASE(pbt_sec_ops),
	KUNIT_CASE(pbt_compute_quanta),
	KUNIT_CASE(pbt_compute_preempt),
	KUNIT_CASE(pbt_compute_wfi),
	KUNIT_CASE(pbt_compute_wfi_more),
	KUNIT_CASE(pbt_method_preempt),
	{}
};

static struct kunit_suite sim_pushbuf_test_suite = {
	.name = "nvvgpu_sim_pushbuf",
	.test_cases = sim_pushbuf_test_cases,
};

kunit_test_suite(sim_pushbuf_test_suite);

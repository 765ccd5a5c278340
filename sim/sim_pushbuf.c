// SPDX-License-Identifier: GPL-2.0
/*
 * nvvgpu_sim: the GPFIFO-entry and pushbuffer executor.
 *
 * Copyright (c) 2026 The nvvgpu developers
 */
#include <kunit/visibility.h>
#include <linux/bitfield.h>
#include <linux/errno.h>
#include <linux/log2.h>
#include <linux/minmax.h>
#include <linux/overflow.h>
#include <linux/string.h>

#include <nvvgpu/abi/nv_channel.h>
#include <nvvgpu/compat.h>

#include "sim_pushbuf.h"

/**
 * DOC: pushbuffer executor
 *
 * sim_pb_gpfifo_next() finds the GPFIFO entry to fetch from GP_GET and
 * GP_PUT, sim_pb_gpfifo_advance() moves GP_GET past it, around the end of
 * the ring; sim_pb_decode_entry() turns a GPFIFO entry into a segment address and
 * length; sim_pb_begin_segment() starts executing one; sim_pb_run() executes
 * methods until the segment ends, the engine is asked to switch away (it
 * returns at a method boundary, its state intact), a compute quantum must
 * pass, or the channel errs. Every address comes from the guest and is
 * checked against the function's address space before use; a pushbuffer
 * that does not decode, and every method that cannot be done, end in an Xid
 * rather than in a guess. Nothing here sleeps except through the memory ops.
 */

#define PB_OK		0

/**
 * sim_pb_gpfifo_next() - the GPFIFO entry an engine fetches next
 * @gpfifo: the ring's address in the function's space
 * @entries: its entries, a power of two (at least 2)
 * @gp_get: the engine's GP_GET: the index of the next entry to fetch
 * @gp_put: GP_PUT as the channel's USERD holds it: one past the last entry
 *	the user submitted, so the ring holds at most @entries - 1 entries
 * @entry: set to the address of entry @gp_get
 *
 * GP_PUT comes from the user as is. One that is not an index into the
 * ring is refused, never taken modulo the ring size nor used to read past
 * its end: the caller puts the channel in error (PBDMA error, Xid 32).
 *
 * Return: the entries pending, from @gp_get up to @gp_put around the end
 * of the ring (0: the ring is idle); -EINVAL for @gp_put or @gp_get beyond
 * the ring, or a ring that is not a power of two or wraps the address
 * space.
 */
int sim_pb_gpfifo_next(u64 gpfifo, u32 entries, u32 gp_get, u32 gp_put,
		       u64 *entry)
{
	u64 end;

	if (entries < 2 || !is_power_of_2(entries) ||
	    check_add_overflow(gpfifo, (u64)entries * NVC56F_GP_ENTRY__SIZE, &end))
		return -EINVAL;
	if (gp_get >= entries || gp_put >= entries)
		return -EINVAL;
	*entry = gpfifo + (u64)gp_get * NVC56F_GP_ENTRY__SIZE;
	return (gp_put - gp_get) & (entries - 1);
}
EXPORT_SYMBOL_IF_KUNIT(sim_pb_gpfifo_next);

/**
 * sim_pb_gpfifo_advance() - GP_GET once the entry at @gp_get is done
 * @entries: the ring's entries, a power of two
 * @gp_get: the entry done, an index into the ring
 *
 * Return: the next index, 0 after the last entry of the ring.
 */
u32 sim_pb_gpfifo_advance(u32 entries, u32 gp_get)
{
	return (gp_get + 1) & (entries - 1);
}
EXPORT_SYMBOL_IF_KUNIT(sim_pb_gpfifo_advance);

/**
 * sim_pb_decode_entry() - decode one GPFIFO entry
 * @entry0: NVC56F_GP_ENTRY0
 * @entry1: NVC56F_GP_ENTRY1
 * @addr: the segment's address
 * @dwords: its length; 0 for an entry that does nothing
 *
 * Return: 0, or -EINVAL for what the sim does not support (subroutines,
 * sync waits): a PBDMA error.
 */
int sim_pb_decode_entry(u32 entry0, u32 entry1, u64 *addr, u32 *dwords)
{
	if (entry1 & (NVC56F_GP_ENTRY1_LEVEL_SUBROUTINE |
		      NVC56F_GP_ENTRY1_SYNC_WAIT))
		return -EINVAL;
	*addr = (u64)(entry0 & NVC56F_GP_ENTRY0_GET) |
		(u64)FIELD_GET(NVC56F_GP_ENTRY1_GET_HI, entry1) << 32;
	*dwords = FIELD_GET(NVC56F_GP_ENTRY1_LENGTH, entry1);
	if (*dwords > SIM_PB_MAX_SEGMENT_DWORDS)
		return -EINVAL;
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(sim_pb_decode_entry);

/**
 * sim_pb_begin_segment() - start executing a pushbuffer segment
 * @st: the channel's state
 * @addr: from sim_pb_decode_entry()
 * @dwords: from sim_pb_decode_entry()
 */
void sim_pb_begin_segment(struct sim_pb_state *st, u64 addr, u32 dwords)
{
	st->seg_addr = addr;
	st->seg_left = dwords;
	st->count = 0;
}
EXPORT_SYMBOL_IF_KUNIT(sim_pb_begin_segment);

static enum sim_pb_status sim_pb_error(struct sim_pb_result *res, u32 xid,
				       u64 addr)
{
	res->xid = xid;
	res->addr = addr;
	return SIM_PB_ERROR;
}

/*
 * an access that failed: outside the space is an MMU fault, an
 * uncorrectable ECC error on a page an ECC DBE
 */
static enum sim_pb_status sim_pb_mem_error(struct sim_pb_result *res, int err,
					   u64 addr)
{
	if (err == -EFAULT)
		return sim_pb_error(res, ROBUST_CHANNEL_FIFO_ERROR_MMU_ERR_FLT,
				    addr);
	if (err == -EIO)
		return sim_pb_error(res, ROBUST_CHANNEL_GPU_ECC_DBE, addr);
	return sim_pb_error(res, ROBUST_CHANNEL_PBDMA_ERROR, 0);
}

static enum sim_pb_status sim_pb_check(const struct sim_pb_env *env,
				       struct sim_pb_result *res, u64 addr,
				       u64 len)
{
	if (!env->mem->contains(env->ctx, addr, len))
		return sim_pb_error(res, ROBUST_CHANNEL_FIFO_ERROR_MMU_ERR_FLT,
				    addr);
	return PB_OK;
}

static enum sim_pb_status sim_pb_sem_execute(struct sim_pb_state *st,
					     const struct sim_pb_env *env,
					     u32 data, struct sim_pb_result *res)
{
	bool wide = data & NVC56F_SEM_EXECUTE_PAYLOAD_SIZE_64BIT;
	bool stamp = data & NVC56F_SEM_EXECUTE_RELEASE_TIMESTAMP;
	u64 len = wide ? 8 : 4, ts;
	u32 lo = lower_32_bits(st->sem_payload);
	int err;

	if (FIELD_GET(NVC56F_SEM_EXECUTE_OPERATION, data) !=
	    NVC56F_SEM_EXECUTE_OPERATION_RELEASE)
		return sim_pb_error(res, ROBUST_CHANNEL_PBDMA_ERROR, 0);
	if (st->sem_addr & (len - 1))
		return sim_pb_error(res, ROBUST_CHANNEL_PBDMA_ERROR, 0);
	if (sim_pb_check(env, res, st->sem_addr, stamp ? 16 : len))
		return SIM_PB_ERROR;
	err = wide ? env->mem->write(env->ctx, st->sem_addr, &st->sem_payload, 8) :
		     env->mem->write(env->ctx, st->sem_addr, &lo, 4);
	if (!err && stamp) {
		ts = env->now_ns(env->ctx);
		err = env->mem->write(env->ctx, st->sem_addr + 8, &ts, 8);
	}
	return err ? sim_pb_mem_error(res, err, st->sem_addr) : PB_OK;
}

static enum sim_pb_status sim_pb_host_method(struct sim_pb_state *st,
					     const struct sim_pb_env *env,
					     u32 method, u32 data,
					     struct sim_pb_result *res)
{
	switch (method) {
	case NVC56F_SET_OBJECT:
		if (FIELD_GET(NVC56F_SET_OBJECT_NVCLASS, data) != env->engine_class)
			return sim_pb_error(res, ROBUST_CHANNEL_GR_EXCEPTION, 0);
		st->subch_class[st->subch] = env->engine_class;
		return PB_OK;
	case NVC56F_NON_STALL_INTERRUPT:
		env->nonstall(env->ctx);
		return PB_OK;
	case NVC56F_SEM_ADDR_LO:
		st->sem_addr = (st->sem_addr & ~0xffffffffULL) | (data & ~3U);
		return PB_OK;
	case NVC56F_SEM_ADDR_HI:
		st->sem_addr = lower_32_bits(st->sem_addr) |
			       (u64)(data & 0xff) << 32;
		return PB_OK;
	case NVC56F_SEM_PAYLOAD_LO:
		st->sem_payload = (st->sem_payload & ~0xffffffffULL) | data;
		return PB_OK;
	case NVC56F_SEM_PAYLOAD_HI:
		st->sem_payload = lower_32_bits(st->sem_payload) | (u64)data << 32;
		return PB_OK;
	case NVC56F_SEM_EXECUTE:
		return sim_pb_sem_execute(st, env, data, res);
	case NVC56F_NOP:
	case NVC56F_WFI:
		return PB_OK;
	}
	st->ignored++;
	return PB_OK;
}

static bool sim_pb_overlap(u64 a, u64 alen, u64 b, u64 blen)
{
	return a < b + blen && b < a + alen;
}

static enum sim_pb_status sim_pb_launch_dma(struct sim_pb_state *st,
					    const struct sim_pb_env *env,
					    u32 data, struct sim_pb_result *res)
{
	bool remap = data & NVC6B5_LAUNCH_DMA_REMAP_ENABLE;
	bool multi = data & NVC6B5_LAUNCH_DMA_MULTI_LINE_ENABLE;
	u32 lines = multi ? st->ce_line_count : 1, i;
	u64 bytes, sem;
	u32 sem_type;
	int err;

	if (FIELD_GET(NVC6B5_LAUNCH_DMA_DATA_TRANSFER_TYPE, data) !=
	    NVC6B5_LAUNCH_DMA_DATA_TRANSFER_TYPE_NONE) {
		if (!(data & NVC6B5_LAUNCH_DMA_DST_MEMORY_LAYOUT_PITCH) ||
		    (!remap && !(data & NVC6B5_LAUNCH_DMA_SRC_MEMORY_LAYOUT_PITCH)))
			return sim_pb_error(res, ROBUST_CHANNEL_PBDMA_ERROR, 0);
		if (remap &&
		    (FIELD_GET(NVC6B5_SET_REMAP_COMPONENTS_DST_X, st->ce_remap) !=
		     NVC6B5_SET_REMAP_COMPONENTS_DST_X_CONST_A ||
		     FIELD_GET(NVC6B5_SET_REMAP_COMPONENTS_COMPONENT_SIZE, st->ce_remap) !=
		     NVC6B5_SET_REMAP_COMPONENTS_COMPONENT_SIZE_FOUR ||
		     FIELD_GET(NVC6B5_SET_REMAP_COMPONENTS_NUM_DST_COMPONENTS, st->ce_remap)))
			return sim_pb_error(res, ROBUST_CHANNEL_PBDMA_ERROR, 0);
		bytes = remap ? (u64)st->ce_line_len * 4 : st->ce_line_len;
		if (!lines || bytes * lines > SIM_PB_MAX_COPY)
			return sim_pb_error(res, ROBUST_CHANNEL_PBDMA_ERROR, 0);
		for (i = 0; i < lines && bytes; i++) {
			u64 src = st->ce_in + (u64)i * st->ce_pitch_in;
			u64 dst = st->ce_out + (u64)i * st->ce_pitch_out;

			if (sim_pb_check(env, res, dst, bytes))
				return SIM_PB_ERROR;
			if (remap) {
				err = env->mem->fill32(env->ctx, dst,
						       st->ce_remap_const, bytes);
			} else {
				if (sim_pb_check(env, res, src, bytes))
					return SIM_PB_ERROR;
				if (sim_pb_overlap(src, bytes, dst, bytes))
					return sim_pb_error(res, ROBUST_CHANNEL_PBDMA_ERROR, 0);
				err = env->mem->copy(env->ctx, dst, src, bytes);
			}
			if (err)
				return sim_pb_mem_error(res, err, dst);
		}
	}

	sem_type = FIELD_GET(NVC6B5_LAUNCH_DMA_SEMAPHORE_TYPE, data);
	if (sem_type == NVC6B5_LAUNCH_DMA_SEMAPHORE_TYPE_RELEASE_ONE_WORD_SEMAPHORE) {
		sem = (u64)(st->ce_sem_hi & 0xff) << 32 | st->ce_sem_lo;
		if (sem & 3)
			return sim_pb_error(res, ROBUST_CHANNEL_PBDMA_ERROR, 0);
		if (sim_pb_check(env, res, sem, 4))
			return SIM_PB_ERROR;
		err = env->mem->write(env->ctx, sem, &st->ce_sem_payload, 4);
		if (err)
			return sim_pb_mem_error(res, err, sem);
	} else if (sem_type != NVC6B5_LAUNCH_DMA_SEMAPHORE_TYPE_NONE) {
		return sim_pb_error(res, ROBUST_CHANNEL_PBDMA_ERROR, 0);
	}
	if (FIELD_GET(NVC6B5_LAUNCH_DMA_INTERRUPT_TYPE, data) !=
	    NVC6B5_LAUNCH_DMA_INTERRUPT_TYPE_NONE)
		env->nonstall(env->ctx);
	return PB_OK;
}

static enum sim_pb_status sim_pb_copy_method(struct sim_pb_state *st,
					     const struct sim_pb_env *env,
					     u32 method, u32 data,
					     struct sim_pb_result *res)
{
	switch (method) {
	case NVC6B5_OFFSET_IN_UPPER:
		st->ce_in = lower_32_bits(st->ce_in) | (u64)(data & 0x1ffff) << 32;
		break;
	case NVC6B5_OFFSET_IN_LOWER:
		st->ce_in = (st->ce_in & ~0xffffffffULL) | data;
		break;
	case NVC6B5_OFFSET_OUT_UPPER:
		st->ce_out = lower_32_bits(st->ce_out) | (u64)(data & 0x1ffff) << 32;
		break;
	case NVC6B5_OFFSET_OUT_LOWER:
		st->ce_out = (st->ce_out & ~0xffffffffULL) | data;
		break;
	case NVC6B5_PITCH_IN:
		st->ce_pitch_in = data;
		break;
	case NVC6B5_PITCH_OUT:
		st->ce_pitch_out = data;
		break;
	case NVC6B5_LINE_LENGTH_IN:
		st->ce_line_len = data;
		break;
	case NVC6B5_LINE_COUNT:
		st->ce_line_count = data;
		break;
	case NVC6B5_SET_REMAP_CONST_A:
		st->ce_remap_const = data;
		break;
	case NVC6B5_SET_REMAP_COMPONENTS:
		st->ce_remap = data;
		break;
	case NVC6B5_SET_SEMAPHORE_A:
		st->ce_sem_hi = data;
		break;
	case NVC6B5_SET_SEMAPHORE_B:
		st->ce_sem_lo = data;
		break;
	case NVC6B5_SET_SEMAPHORE_PAYLOAD:
		st->ce_sem_payload = data;
		break;
	case NVC6B5_LAUNCH_DMA:
		return sim_pb_launch_dma(st, env, data, res);
	case NVC6B5_NOP:
		break;
	default:
		st->ignored++;
		break;
	}
	return PB_OK;
}

static enum sim_pb_status sim_pb_compute_method(struct sim_pb_state *st,
						u32 method, u32 data,
						struct sim_pb_result *res)
{
	switch (method) {
	case NVVGPU_SIM_COMPUTE_LAUNCH_NS_LO:
		st->compute_ns = (st->compute_ns & ~0xffffffffULL) | data;
		break;
	case NVVGPU_SIM_COMPUTE_LAUNCH_NS_HI:
		st->compute_ns = lower_32_bits(st->compute_ns) | (u64)data << 32;
		break;
	case NVVGPU_SIM_COMPUTE_LAUNCH:
		st->compute_left = st->compute_ns;
		break;
	case NVVGPU_SIM_COMPUTE_PREEMPT_MODE:
		if (data > NVVGPU_SIM_COMPUTE_PREEMPT_WFI)
			return sim_pb_error(res, ROBUST_CHANNEL_GR_EXCEPTION, 0);
		st->preempt_mode = data;
		break;
	default:
		st->ignored++;
		break;
	}
	return PB_OK;
}

static enum sim_pb_status sim_pb_method(struct sim_pb_state *st,
					const struct sim_pb_env *env,
					u32 method, u32 data,
					struct sim_pb_result *res)
{
	st->methods++;
	if (method < NVC56F_HOST_METHOD_LIMIT)
		return sim_pb_host_method(st, env, method, data, res);
	if (!st->subch_class[st->subch])
		return sim_pb_error(res, ROBUST_CHANNEL_GR_EXCEPTION, 0);
	if (env->engine_class == AMPERE_DMA_COPY_A)
		return sim_pb_copy_method(st, env, method, data, res);
	return sim_pb_compute_method(st, method, data, res);
}

/* the next method of the current header, after one data dword went out */
static void sim_pb_advance(struct sim_pb_state *st)
{
	switch (st->sec_op) {
	case NVC56F_DMA_SEC_OP_INC_METHOD:
		st->method += 4;
		break;
	case NVC56F_DMA_SEC_OP_ONE_INC:
		st->sec_op = NVC56F_DMA_SEC_OP_NON_INC_METHOD;
		st->method += 4;
		break;
	}
}

static enum sim_pb_status sim_pb_fetch(struct sim_pb_state *st,
				       const struct sim_pb_env *env, u32 *dw,
				       struct sim_pb_result *res)
{
	int err;

	if (sim_pb_check(env, res, st->seg_addr, 4))
		return SIM_PB_ERROR;
	err = env->mem->read(env->ctx, st->seg_addr, dw, 4);
	if (err)
		return sim_pb_mem_error(res, err, st->seg_addr);
	st->seg_addr += 4;
	st->seg_left--;
	return PB_OK;
}

/**
 * sim_pb_run() - execute a segment until it ends, yields, waits or errs
 * @st: the channel's state, with a segment begun
 * @env: the engine
 * @res: details of the outcome
 *
 * Return: see &enum sim_pb_status.
 */
enum sim_pb_status sim_pb_run(struct sim_pb_state *st,
			      const struct sim_pb_env *env,
			      struct sim_pb_result *res)
{
	enum sim_pb_status ret;
	u32 dw;

	memset(res, 0, sizeof(*res));
	if (st->seg_addr & 3)
		return sim_pb_error(res, ROBUST_CHANNEL_PBDMA_ERROR, 0);

	for (;;) {
		if (st->compute_left) {
			if (st->preempt_mode == NVVGPU_SIM_COMPUTE_PREEMPT_CTA &&
			    env->preempt(env->ctx))
				return SIM_PB_YIELD;
			res->wait_ns = min_t(u64, st->compute_left,
					     NVVGPU_SIM_CTA_NS);
			st->compute_left -= res->wait_ns;
			return SIM_PB_WAIT;
		}
		/* every method ran: nothing is left to preempt */
		if (!st->count && !st->seg_left)
			return SIM_PB_DONE;
		if (env->preempt(env->ctx))
			return SIM_PB_YIELD;

		if (st->count) {
			ret = sim_pb_fetch(st, env, &dw, res);
			if (ret)
				return ret;
			st->count--;
			ret = sim_pb_method(st, env, st->method, dw, res);
			if (ret)
				return ret;
			sim_pb_advance(st);
			continue;
		}
		if (!st->seg_left)
			return SIM_PB_DONE;

		ret = sim_pb_fetch(st, env, &dw, res);
		if (ret)
			return ret;
		st->sec_op = FIELD_GET(NVC56F_DMA_SEC_OP, dw);
		st->method = FIELD_GET(NVC56F_DMA_METHOD_ADDRESS, dw) << 2;
		st->subch = FIELD_GET(NVC56F_DMA_METHOD_SUBCHANNEL, dw);
		switch (st->sec_op) {
		case NVC56F_DMA_SEC_OP_INC_METHOD:
		case NVC56F_DMA_SEC_OP_NON_INC_METHOD:
		case NVC56F_DMA_SEC_OP_ONE_INC:
			st->count = FIELD_GET(NVC56F_DMA_METHOD_COUNT, dw);
			if (st->count > st->seg_left)
				return sim_pb_error(res, ROBUST_CHANNEL_PBDMA_ERROR, 0);
			break;
		case NVC56F_DMA_SEC_OP_IMMD_DATA_METHOD:
			ret = sim_pb_method(st, env, st->method,
					    FIELD_GET(NVC56F_DMA_IMMD_DATA, dw), res);
			if (ret)
				return ret;
			break;
		case NVC56F_DMA_SEC_OP_END_PB_SEGMENT:
			st->seg_left = 0;
			return SIM_PB_DONE;
		default:
			return sim_pb_error(res, ROBUST_CHANNEL_PBDMA_ERROR, 0);
		}
	}
}
EXPORT_SYMBOL_IF_KUNIT(sim_pb_run);

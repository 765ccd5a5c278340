/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nvvgpu_sim: the GPFIFO-entry and pushbuffer executor. Pure logic over a
 * memory interface, so that KUnit and the userspace fuzzer drive the same
 * code the engines run.
 *
 * Copyright (c) 2026 The nvvgpu developers
 */
#ifndef __NVVGPU_SIM_PUSHBUF_H__
#define __NVVGPU_SIM_PUSHBUF_H__

#include <linux/bits.h>
#include <linux/types.h>

/* largest GPFIFO segment, in dwords (ENTRY1.LENGTH is 21 bits) */
#define SIM_PB_MAX_SEGMENT_DWORDS	BIT(20)
/* most bytes one LAUNCH_DMA may move */
#define SIM_PB_MAX_COPY			(16ULL << 20)
#define SIM_PB_SUBCHANNELS		8

/**
 * struct sim_pb_mem_ops - how the executor reaches its function's memory
 * @contains: is [@addr, @addr + @len) inside the address space?
 * @read: read @len bytes at @addr
 * @write: write @len bytes at @addr
 * @copy: copy @len bytes from @src to @dst (not overlapping)
 * @fill32: store @val at every 4-byte word of [@dst, @dst + @len)
 *
 * Addresses are the function's own; every op may sleep. The accessors
 * return 0; -EFAULT for an address outside the space (an MMU fault, Xid
 * 31); -EIO for an uncorrectable ECC error on a page touched (Xid 48);
 * any other errno (-ENOMEM) is a PBDMA error (Xid 32).
 */
struct sim_pb_mem_ops {
	bool (*contains)(void *ctx, u64 addr, u64 len);
	int (*read)(void *ctx, u64 addr, void *buf, size_t len);
	int (*write)(void *ctx, u64 addr, const void *buf, size_t len);
	int (*copy)(void *ctx, u64 dst, u64 src, u64 len);
	int (*fill32)(void *ctx, u64 dst, u32 val, u64 len);
};

/**
 * struct sim_pb_env - what the executor needs from the engine running it
 * @mem: memory access
 * @ctx: passed to every callback
 * @engine_class: the class the channel's engine executes (AMPERE_*)
 * @preempt: has the engine been asked to switch away? Checked at every
 *	method boundary and between compute quanta (CTA mode)
 * @nonstall: raise the channel's non-stall interrupt
 * @now_ns: the engine's timestamp, for semaphore releases with timestamp
 */
struct sim_pb_env {
	const struct sim_pb_mem_ops *mem;
	void *ctx;
	u32 engine_class;
	bool (*preempt)(void *ctx);
	void (*nonstall)(void *ctx);
	u64 (*now_ns)(void *ctx);
};

/**
 * struct sim_pb_state - a channel's executor state, saved across switches
 * @subch_class: class bound to each subchannel by SET_OBJECT, 0 if none
 * @sem_addr: host semaphore address (SEM_ADDR_LO/HI)
 * @sem_payload: host semaphore payload (SEM_PAYLOAD_LO/HI)
 * @ce_in: copy source
 * @ce_out: copy destination
 * @ce_pitch_in: source line pitch
 * @ce_pitch_out: destination line pitch
 * @ce_line_len: LINE_LENGTH_IN
 * @ce_line_count: LINE_COUNT
 * @ce_remap_const: SET_REMAP_CONST_A
 * @ce_remap: SET_REMAP_COMPONENTS
 * @ce_sem_hi: SET_SEMAPHORE_A
 * @ce_sem_lo: SET_SEMAPHORE_B
 * @ce_sem_payload: SET_SEMAPHORE_PAYLOAD
 * @compute_ns: duration of the next compute launch
 * @preempt_mode: NVVGPU_SIM_COMPUTE_PREEMPT_CTA or _WFI
 * @compute_left: ns of the launch in progress still to run
 * @seg_addr: address of the next dword of the segment
 * @seg_left: dwords of the segment not yet read
 * @method: method the next data dword goes to
 * @subch: its subchannel
 * @count: data dwords the current header still has
 * @sec_op: the current header's NVC56F_DMA_SEC_OP
 * @methods: methods executed
 * @ignored: methods of a bound class that the sim does not implement
 */
struct sim_pb_state {
	u32 subch_class[SIM_PB_SUBCHANNELS];
	u64 sem_addr;
	u64 sem_payload;
	u64 ce_in;
	u64 ce_out;
	u32 ce_pitch_in;
	u32 ce_pitch_out;
	u32 ce_line_len;
	u32 ce_line_count;
	u32 ce_remap_const;
	u32 ce_remap;
	u32 ce_sem_hi;
	u32 ce_sem_lo;
	u32 ce_sem_payload;
	u64 compute_ns;
	u32 preempt_mode;
	u64 compute_left;
	u64 seg_addr;
	u32 seg_left;
	u32 method;
	u32 subch;
	u32 count;
	u32 sec_op;
	u64 methods;
	u64 ignored;
};

/**
 * enum sim_pb_status - why sim_pb_run() returned
 * @SIM_PB_DONE: the segment is done
 * @SIM_PB_YIELD: preempted at a method boundary; call again later
 * @SIM_PB_WAIT: a compute quantum of @sim_pb_result.wait_ns runs now: the
 *	caller lets that much time pass on the engine, then calls again
 * @SIM_PB_ERROR: the channel is in error: @sim_pb_result.xid, .addr
 */
enum sim_pb_status {
	SIM_PB_DONE,
	SIM_PB_YIELD,
	SIM_PB_WAIT,
	SIM_PB_ERROR,
};

/**
 * struct sim_pb_result - details of sim_pb_run()'s return
 * @wait_ns: for %SIM_PB_WAIT
 * @xid: ROBUST_CHANNEL_* for %SIM_PB_ERROR
 * @addr: faulting address for an MMU fault, else 0
 */
struct sim_pb_result {
	u64 wait_ns;
	u32 xid;
	u64 addr;
};

int sim_pb_gpfifo_next(u64 gpfifo, u32 entries, u32 gp_get, u32 gp_put,
		       u64 *entry);
u32 sim_pb_gpfifo_advance(u32 entries, u32 gp_get);
int sim_pb_decode_entry(u32 entry0, u32 entry1, u64 *addr, u32 *dwords);
void sim_pb_begin_segment(struct sim_pb_state *st, u64 addr, u32 dwords);
enum sim_pb_status sim_pb_run(struct sim_pb_state *st,
			      const struct sim_pb_env *env,
			      struct sim_pb_result *res);

#endif /* __NVVGPU_SIM_PUSHBUF_H__ */

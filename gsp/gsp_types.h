/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nvvgpu_gsp: data types of the GSP-RM transport.
 *
 * Copyright (c) 2026 The nvvgpu developers
 */
#ifndef __NVVGPU_GSP_TYPES_H__
#define __NVVGPU_GSP_TYPES_H__

#include <linux/completion.h>
#include <linux/idr.h>
#include <linux/mutex.h>
#include <linux/types.h>
#include <linux/workqueue.h>

#include <nvvgpu/abi/fwif.h>
#include <nvvgpu/abi/gsp_static_info.h>

struct device;
struct nvvgpu_pgpu;

/**
 * struct gsp_mem - a buffer from the backend's dma_alloc
 * @vaddr: kernel address, NULL when not allocated
 * @addr: bus address given to the firmware
 * @size: bytes
 */
struct gsp_mem {
	void *vaddr;
	dma_addr_t addr;
	size_t size;
};

#define GSP_LOG_REGIONS		3

/**
 * struct gsp_rpc_wait - the one synchronous RPC waiting for its reply
 * @function: rpc.function (or event number) that completes it
 * @buf: where the reply payload is copied
 * @buf_len: room in @buf
 * @reply_len: payload bytes the reply carried
 * @result: rpc.rpc_result of the reply
 * @done: the reply arrived (&nvvgpu_gsp.msgq_lock)
 * @completion: signalled with @done
 */
struct gsp_rpc_wait {
	u32 function;
	void *buf;
	u32 buf_len;
	u32 reply_len;
	u32 result;
	bool done;
	struct completion completion;
};

/**
 * struct nvvgpu_gsp - the transport's state for one pgpu
 * @pgpu: the physical GPU
 * @dev: its device, for logs
 * @abi: the firmware release's ABI
 * @shared: queue block (PTE page, cmdq, statq)
 * @rmargs: GSP_ARGUMENTS_CACHED page
 * @libos: LibOS region array page
 * @logs: LibOS log buffers
 * @cmdq_tx: our cmdq producer header
 * @cmdq_rx: our statq read pointer (cmdq header page, swap-rx)
 * @cmdq_slots: cmdq slot 0
 * @statq_tx: the firmware's statq producer header
 * @statq_rx: the firmware's cmdq read pointer
 * @statq_slots: statq slot 0
 * @cmdq_lock: serialises senders; protects @cmdq_seq and @cmdq_buf
 * @cmdq_seq: seqNum of our next command
 * @cmdq_buf: staging for the element being sent (64 KiB)
 * @msgq_lock: serialises receivers; protects @msgq_seq, @msgq_buf,
 *	@msgq_broken and @wait
 * @msgq_seq: seqNum the next status message must carry
 * @msgq_buf: private copy of the message being handled (64 KiB)
 * @msgq_broken: the status queue can no longer be parsed
 * @wait: the synchronous RPC in flight, if any
 * @rpc_lock: one synchronous RPC at a time (replies match by function)
 * @recv_work: drains the status queue after SWGEN0
 * @fatal_work: reports a firmware halt
 * @dead: the firmware halted or the queue broke; RPCs fail with -ENODEV
 * @booted: GSP_INIT_DONE arrived
 * @internal: GSP-RM's internal client/device/subdevice handles
 * @client_ida: allocator of our RM client handles
 * @h_client: our RM client, 0 when not allocated
 * @has_device: our device object exists
 * @has_subdevice: our subdevice object exists
 */
struct nvvgpu_gsp {
	struct nvvgpu_pgpu *pgpu;
	struct device *dev;
	const struct nvgsp_fw_abi *abi;

	struct gsp_mem shared;
	struct gsp_mem rmargs;
	struct gsp_mem libos;
	struct gsp_mem logs[GSP_LOG_REGIONS];

	struct nvgsp_msgq_tx_header *cmdq_tx;
	struct nvgsp_msgq_rx_header *cmdq_rx;
	void *cmdq_slots;
	struct nvgsp_msgq_tx_header *statq_tx;
	struct nvgsp_msgq_rx_header *statq_rx;
	void *statq_slots;

	struct mutex cmdq_lock; /* see @cmdq_lock above */
	u32 cmdq_seq;
	void *cmdq_buf;

	struct mutex msgq_lock; /* see @msgq_lock above */
	u32 msgq_seq;
	void *msgq_buf;
	bool msgq_broken;
	struct gsp_rpc_wait *wait;

	struct mutex rpc_lock; /* see @rpc_lock above */
	struct work_struct recv_work;
	struct work_struct fatal_work;
	bool dead;
	bool booted;

	struct nvgsp_internal_handles internal;
	struct ida client_ida;
	u32 h_client;
	bool has_device;
	bool has_subdevice;
};

#endif /* __NVVGPU_GSP_TYPES_H__ */

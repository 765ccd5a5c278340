// SPDX-License-Identifier: GPL-2.0
/*
 * nvvgpu_gsp: the message queues.
 *
 * Sending builds each element in a staging buffer (zeroed slack, so its
 * checksum holds under either coverage rule), waits for ring space, copies
 * the slots in with wrap, publishes the write pointer and rings the
 * doorbell. Payloads beyond one element go out as the original function
 * followed by CONTINUATION_RECORD elements, back to back under the lock.
 *
 * Receiving copies a message out of the ring before validating it, so the
 * firmware cannot change it between check and use.
 *
 * Copyright (c) 2026 The nvvgpu developers
 */
#include <linux/delay.h>
#include <linux/ktime.h>
#include <linux/lockdep.h>
#include <linux/minmax.h>
#include <linux/slab.h>

#include <nvvgpu/abi/gsp_regs.h>
#include <nvvgpu/abi/msgq.h>
#include <nvvgpu/core.h>

#include "gsp.h"
#include "gsp_trace.h"

int gsp_msgq_init(struct nvvgpu_gsp *gsp)
{
	void *block = gsp->shared.vaddr;

	gsp->cmdq_buf = kvzalloc(NVGSP_MSG_MAX_SIZE, GFP_KERNEL);
	gsp->msgq_buf = kvzalloc(NVGSP_MSG_MAX_SIZE, GFP_KERNEL);
	if (!gsp->cmdq_buf || !gsp->msgq_buf) {
		gsp_msgq_fini(gsp);
		return -ENOMEM;
	}

	gsp->cmdq_tx = block + NVGSP_CMDQ_OFFSET;
	gsp->cmdq_rx = block + NVGSP_CMDQ_OFFSET + NVGSP_QUEUE_RX_HDR_OFF;
	gsp->cmdq_slots = block + NVGSP_CMDQ_OFFSET + NVGSP_QUEUE_ENTRY_OFF;
	gsp->statq_tx = block + NVGSP_STATQ_OFFSET;
	gsp->statq_rx = block + NVGSP_STATQ_OFFSET + NVGSP_QUEUE_RX_HDR_OFF;
	gsp->statq_slots = block + NVGSP_STATQ_OFFSET + NVGSP_QUEUE_ENTRY_OFF;

	nvgsp_msgq_tx_init(gsp->cmdq_tx);
	gsp->cmdq_rx->read_ptr = 0;
	gsp->cmdq_seq = 0;
	gsp->msgq_seq = 0;
	gsp->msgq_broken = false;
	return 0;
}

void gsp_msgq_fini(struct nvvgpu_gsp *gsp)
{
	kvfree(gsp->cmdq_buf);
	kvfree(gsp->msgq_buf);
	gsp->cmdq_buf = NULL;
	gsp->msgq_buf = NULL;
}

/* wait for @n free cmdq slots; the firmware frees them as it consumes */
static int gsp_msgq_wait_space(struct nvvgpu_gsp *gsp, u32 n, u32 *wr)
{
	ktime_t deadline = ktime_add_ms(ktime_get(), gsp_rpc_timeout_ms);
	u32 rd;

	for (;;) {
		rd = READ_ONCE(gsp->statq_rx->read_ptr);
		*wr = gsp->cmdq_tx->write_ptr;
		if (nvgsp_msgq_free_slots(rd, *wr, NVGSP_QUEUE_SLOTS) >= n)
			return 0;
		if (READ_ONCE(gsp->dead))
			return -ENODEV;
		if (ktime_after(ktime_get(), deadline)) {
			dev_err(gsp->dev,
				"command queue full for %u ms (read %u, write %u, need %u slots)\n",
				gsp_rpc_timeout_ms, rd, *wr, n);
			return -ETIMEDOUT;
		}
		usleep_range(20, 100);
	}
}

/* send one element of at most NVGSP_RPC_MAX_PAYLOAD bytes */
static int gsp_msgq_push_one(struct nvvgpu_gsp *gsp, u32 function,
			     const void *payload, u32 len)
{
	struct nvgsp_msg_element *elem = gsp->cmdq_buf;
	u32 n, wr;
	int ret;

	lockdep_assert_held(&gsp->cmdq_lock);

	n = nvgsp_msg_elem_count(NVGSP_RPC_HDR_SIZE + len);
	memset(elem, 0, (size_t)n * NVGSP_QUEUE_SLOT_SIZE);
	nvgsp_rpc_header_init(&elem->rpc, function, len,
			      NVGSP_RPC_RESULT_PENDING);
	if (len)
		memcpy(elem + 1, payload, len);
	nvgsp_msg_seal(elem, gsp->cmdq_seq, gsp->abi->csum_rule);

	ret = gsp_msgq_wait_space(gsp, n, &wr);
	if (ret)
		return ret;

	nvgsp_ring_write(gsp->cmdq_slots, NVGSP_QUEUE_SLOTS, wr, elem, n);
	/* the slots before the pointer that publishes them */
	wmb();
	WRITE_ONCE(gsp->cmdq_tx->write_ptr,
		   nvgsp_msgq_advance(wr, n, NVGSP_QUEUE_SLOTS));
	/* the pointer before the doorbell that announces it */
	mb();
	trace_gsp_msg_send(gsp->pgpu->id, function, gsp->cmdq_seq,
			   elem->rpc.length, NVGSP_RPC_RESULT_PENDING);
	gsp->cmdq_seq++;
	nvvgpu_pgpu_wr32(gsp->pgpu, NV_PGSP_QUEUE_HEAD(NV_PGSP_RPC_QUEUE_IDX), 0);
	return 0;
}

/**
 * gsp_msgq_push() - send an RPC, split into continuation records if large
 * @gsp: the transport
 * @function: NV_VGPU_MSG_FUNCTION_*
 * @payload: payload after the RPC header
 * @len: payload bytes
 *
 * Return: 0, -ETIMEDOUT if the firmware stopped consuming, -ENODEV if it
 * is dead.
 */
int gsp_msgq_push(struct nvvgpu_gsp *gsp, u32 function, const void *payload,
		  u32 len)
{
	u32 chunk, off = 0;
	int ret;

	mutex_lock(&gsp->cmdq_lock);
	do {
		chunk = min_t(u32, len - off, NVGSP_RPC_MAX_PAYLOAD);
		ret = gsp_msgq_push_one(gsp, off ? NV_VGPU_MSG_FUNCTION_CONTINUATION_RECORD :
					function, payload + off, chunk);
		off += chunk;
	} while (!ret && off < len);
	mutex_unlock(&gsp->cmdq_lock);
	return ret;
}

/**
 * gsp_msgq_recv() - take the next message off the status queue
 * @gsp: the transport
 * @msg: set to the message, valid until the next call
 *
 * A message with a bad checksum is dropped; a gap in the sequence numbers
 * (lost messages) is logged and resynchronised; a replayed (older)
 * sequence number is dropped. A message whose framing is wrong leaves the
 * queue unparseable: the queue is marked broken.
 *
 * Return: 0, -ENODATA when empty, -EAGAIN when a message was dropped
 * (call again), -EPROTO when the queue broke.
 */
int gsp_msgq_recv(struct nvvgpu_gsp *gsp, const struct nvgsp_msg_element **msg)
{
	struct nvgsp_msg_element *m = gsp->msgq_buf;
	const char *reason;
	u32 rd, wr, used;
	int n, ret;

	lockdep_assert_held(&gsp->msgq_lock);

	if (gsp->msgq_broken)
		return -EPROTO;

	rd = gsp->cmdq_rx->read_ptr;
	wr = READ_ONCE(gsp->statq_tx->write_ptr);
	if (wr >= NVGSP_QUEUE_SLOTS) {
		dev_err(gsp->dev, "status queue write pointer %u out of range\n",
			wr);
		goto broken;
	}
	used = nvgsp_msgq_used_slots(rd, wr, NVGSP_QUEUE_SLOTS);
	if (!used)
		return -ENODATA;
	/* the pointer before the slots it publishes */
	rmb();

	nvgsp_ring_read(m, gsp->statq_slots, NVGSP_QUEUE_SLOTS, rd, 1);
	n = nvgsp_msg_check_head(m, used, &reason);
	if (n < 0) {
		dev_err(gsp->dev, "status queue slot %u: %s (elemCount %u, length %u)\n",
			rd, reason, m->elem_count, m->rpc.length);
		goto broken;
	}
	nvgsp_ring_read(m, gsp->statq_slots, NVGSP_QUEUE_SLOTS, rd, n);
	ret = nvgsp_msg_check_body(m, gsp->msgq_seq, gsp->abi->csum_rule,
				   &reason);

	/* consumed whatever the verdict: the framing was sound */
	mb();
	WRITE_ONCE(gsp->cmdq_rx->read_ptr,
		   nvgsp_msgq_advance(rd, n, NVGSP_QUEUE_SLOTS));

	if (ret == -EBADMSG) {
		dev_err(gsp->dev, "status message seq %u (%s): %s, dropped\n",
			m->seq_num,
			gsp_fwif_function_name(gsp->abi, m->rpc.function),
			reason);
		gsp->msgq_seq++;
		return -EAGAIN;
	}
	if (ret && m->seq_num != gsp->msgq_seq) {
		if (m->seq_num < gsp->msgq_seq) {
			dev_err(gsp->dev,
				"status message seq %u replays an older one (expected %u), dropped\n",
				m->seq_num, gsp->msgq_seq);
			return -EAGAIN;
		}
		dev_err(gsp->dev,
			"status messages %u..%u lost, resynchronising\n",
			gsp->msgq_seq, m->seq_num - 1);
		gsp->msgq_seq = m->seq_num;
		ret = nvgsp_msg_check_body(m, gsp->msgq_seq,
					   gsp->abi->csum_rule, &reason);
	}
	if (ret) {
		dev_err(gsp->dev, "status message seq %u: %s, dropped\n",
			m->seq_num, reason);
		gsp->msgq_seq++;
		return -EAGAIN;
	}

	gsp->msgq_seq++;
	trace_gsp_msg_recv(gsp->pgpu->id, m->rpc.function, m->seq_num,
			   m->rpc.length, m->rpc.rpc_result);
	*msg = m;
	return 0;

broken:
	gsp->msgq_broken = true;
	return -EPROTO;
}

// SPDX-License-Identifier: GPL-2.0
/*
 * nvvgpu_gsp: the message queues.
 *
 * Sending waits for ring space, writes each element straight into the
 * free slots with wrap (the payload, gathered from the caller's buffers
 * and XORed as it is copied; zeroed slack, so that its checksum holds
 * under either coverage rule; then the sealed headers), publishes the
 * write pointer and rings the doorbell. Payloads beyond one element go out
 * as the original function followed by CONTINUATION_RECORD elements, back
 * to back under the lock.
 *
 * Receiving is the same pass the other way: the headers are copied out of
 * the ring and checked first, then, once the caller has said where the
 * payload goes, it is copied once, straight from the ring to there, XORed
 * as it is copied, and the checksum is judged on what was copied. Every
 * byte of the ring is read once, so the firmware cannot change a message
 * between check and use. The checks themselves are the pure helpers of
 * <nvvgpu/abi/msgq.h>; this file adds the ring pointers, the locking and
 * the logs.
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

/**
 * gsp_msgq_init() - set the queues up in the shared block
 * @gsp: the transport, with @gsp->shared allocated
 *
 * Return: 0 or -ENOMEM.
 */
int gsp_msgq_init(struct nvvgpu_gsp *gsp)
{
	void *block = gsp->shared.vaddr;

	gsp->msgq_buf = kvzalloc(NVGSP_RPC_MAX_PAYLOAD, GFP_KERNEL);
	if (!gsp->msgq_buf)
		return -ENOMEM;

	gsp->cmdq_tx = block + NVGSP_CMDQ_OFFSET;
	gsp->cmdq_rx = block + NVGSP_CMDQ_OFFSET + NVGSP_QUEUE_RX_HDR_OFF;
	gsp->cmdq_slots = block + NVGSP_CMDQ_OFFSET + NVGSP_QUEUE_ENTRY_OFF;
	gsp->statq_tx = block + NVGSP_STATQ_OFFSET;
	gsp->statq_rx = block + NVGSP_STATQ_OFFSET + NVGSP_QUEUE_RX_HDR_OFF;
	gsp->statq_slots = block + NVGSP_STATQ_OFFSET + NVGSP_QUEUE_ENTRY_OFF;
	return 0;
}

void gsp_msgq_fini(struct nvvgpu_gsp *gsp)
{
	kvfree(gsp->msgq_buf);
	gsp->msgq_buf = NULL;
}

/**
 * gsp_msgq_reset() - empty the command queue and restart the sequences
 * @gsp: the transport
 *
 * For a (re)boot, with the GSP core not running: our queue's header page
 * and slots are cleared and its header written anew. The status queue is
 * the firmware's to write: zero from the allocation at first boot, cleared
 * by gsp_msgq_clear_statq() after a reset.
 */
void gsp_msgq_reset(struct nvvgpu_gsp *gsp)
{
	mutex_lock(&gsp->cmdq_lock);
	mutex_lock(&gsp->msgq_lock);
	memset(gsp->shared.vaddr + NVGSP_CMDQ_OFFSET, 0, NVGSP_QUEUE_SIZE);
	nvgsp_msgq_tx_init(gsp->cmdq_tx);
	gsp->cmdq_rx->read_ptr = 0;
	gsp->cmdq_seq = 0;
	gsp->msgq_seq = 0;
	gsp->msgq_broken = false;
	gsp->orphan_cont = false;
	WRITE_ONCE(gsp->echo, GSP_ECHO_UNKNOWN);
	/* the queue before the firmware is started on it */
	wmb();
	mutex_unlock(&gsp->msgq_lock);
	mutex_unlock(&gsp->cmdq_lock);
}

/**
 * gsp_msgq_clear_statq() - forget the status queue of a firmware in reset
 * @gsp: the transport
 *
 * Only while the GSP core is held in reset, when nothing else writes the
 * block: the messages and pointers of the previous firmware must not be
 * read as the new one's before it has linked its queue again.
 */
void gsp_msgq_clear_statq(struct nvvgpu_gsp *gsp)
{
	mutex_lock(&gsp->msgq_lock);
	memset(gsp->shared.vaddr + NVGSP_STATQ_OFFSET, 0, NVGSP_QUEUE_SIZE);
	mutex_unlock(&gsp->msgq_lock);
}

/**
 * gsp_msgq_pending() - has the firmware published a status message?
 * @gsp: the transport
 *
 * Lockless, for wait conditions; the receiver checks again under its lock.
 *
 * Return: true if the status queue is not empty.
 */
bool gsp_msgq_pending(struct nvvgpu_gsp *gsp)
{
	return READ_ONCE(gsp->statq_tx->write_ptr) !=
	       READ_ONCE(gsp->cmdq_rx->read_ptr);
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
				"command queue full for %u ms (read %u, write %u, need %u slots): firmware not consuming\n",
				gsp_rpc_timeout_ms, rd, *wr, n);
			return -ETIMEDOUT;
		}
		usleep_range(20, 100);
	}
}

/*
 * @len bytes of @vec from byte @skip on, into the payload of the element at
 * cmdq slot @wr; returns their XOR
 */
static u64 gsp_msgq_put_vec(struct nvvgpu_gsp *gsp, u32 wr,
			    const struct kvec *vec, unsigned int nr,
			    size_t skip, size_t len)
{
	size_t off = sizeof(struct nvgsp_msg_element), n;
	u64 x = 0;

	for (; nr && len; vec++, nr--) {
		if (skip >= vec->iov_len) {
			skip -= vec->iov_len;
			continue;
		}
		n = min(vec->iov_len - skip, len);
		x ^= nvgsp_ring_copy_in(gsp->cmdq_slots, NVGSP_QUEUE_SLOTS, wr,
					off, vec->iov_base + skip, n);
		off += n;
		len -= n;
		skip = 0;
	}
	return x;
}

/*
 * send one element: @len bytes, at most NVGSP_RPC_MAX_PAYLOAD, of @vec from
 * byte @skip on
 */
static int gsp_msgq_push_one(struct nvvgpu_gsp *gsp, u32 function, u32 token,
			     const struct kvec *vec, unsigned int nr,
			     size_t skip, u32 len)
{
	size_t end = sizeof(struct nvgsp_msg_element) + len;
	struct nvgsp_msg_element hdr;
	u32 n, wr;
	u64 x;
	int ret;

	lockdep_assert_held(&gsp->cmdq_lock);

	n = nvgsp_msg_elem_count(NVGSP_RPC_HDR_SIZE + len);
	ret = gsp_msgq_wait_space(gsp, n, &wr);
	if (ret)
		return ret;

	/* straight into the free slots, which are ours until published */
	x = gsp_msgq_put_vec(gsp, wr, vec, nr, skip, len);
	nvgsp_ring_clear(gsp->cmdq_slots, NVGSP_QUEUE_SLOTS, wr, end,
			 (size_t)n * NVGSP_QUEUE_SLOT_SIZE - end);
	nvgsp_rpc_header_init(&hdr.rpc, function, len,
			      NVGSP_RPC_RESULT_PENDING);
	hdr.rpc.sequence = token;
	nvgsp_msg_seal_hdr(&hdr, gsp->cmdq_seq, x);
	nvgsp_ring_put_header(gsp->cmdq_slots, wr, &hdr);
	/* the slots before the pointer that publishes them */
	wmb();
	WRITE_ONCE(gsp->cmdq_tx->write_ptr,
		   nvgsp_msgq_advance(wr, n, NVGSP_QUEUE_SLOTS));
	/* the pointer before the doorbell that announces it */
	mb();
	trace_gsp_msg_send(gsp->pgpu->id, function, gsp->cmdq_seq, token,
			   hdr.rpc.length, NVGSP_RPC_RESULT_PENDING);
	gsp->cmdq_seq++;
	nvvgpu_pgpu_wr32(gsp->pgpu, NV_PGSP_QUEUE_HEAD(NV_PGSP_RPC_QUEUE_IDX), 0);
	return 0;
}

/**
 * gsp_msgq_push_locked() - send an RPC, split into continuation records if
 *	large, with the command queue held
 * @gsp: the transport, &nvvgpu_gsp.cmdq_lock held
 * @function: NV_VGPU_MSG_FUNCTION_*
 * @token: rpc.sequence of every element: the RPC's token, 0 if asynchronous
 * @vec: the payload after the RPC header, in parts (the RPC's own fields,
 *	the caller's parameters), gathered straight into the ring
 * @nr: entries of @vec
 * @len: payload bytes, what @vec holds
 *
 * For a caller that must do something in the same order as the sending
 * (register the RPC's waiter); others call gsp_msgq_push(). @vec is read
 * until the last element is published.
 *
 * Return: 0, -ETIMEDOUT if the firmware stopped consuming, -ENODEV if it
 * is dead.
 */
int gsp_msgq_push_locked(struct nvvgpu_gsp *gsp, u32 function, u32 token,
			 const struct kvec *vec, unsigned int nr, u32 len)
{
	u32 chunk, off = 0;
	int ret;

	lockdep_assert_held(&gsp->cmdq_lock);

	do {
		chunk = nvgsp_split_chunk(len, off);
		ret = gsp_msgq_push_one(gsp, nvgsp_split_function(function, off),
					token, vec, nr, off, chunk);
		off += chunk;
	} while (!ret && off < len);
	return ret;
}

/**
 * gsp_msgq_push() - send an RPC, split into continuation records if large
 * @gsp: the transport
 * @function: NV_VGPU_MSG_FUNCTION_*
 * @token: rpc.sequence of every element: the RPC's token, 0 if asynchronous
 * @vec: the payload after the RPC header, in parts
 * @nr: entries of @vec
 * @len: payload bytes, what @vec holds
 *
 * Return: as gsp_msgq_push_locked().
 */
int gsp_msgq_push(struct nvvgpu_gsp *gsp, u32 function, u32 token,
		  const struct kvec *vec, unsigned int nr, u32 len)
{
	int ret;

	mutex_lock(&gsp->cmdq_lock);
	ret = gsp_msgq_push_locked(gsp, function, token, vec, nr, len);
	mutex_unlock(&gsp->cmdq_lock);
	return ret;
}

/* log and describe a message that is framed but unusable */
static void gsp_msgq_drop(struct nvvgpu_gsp *gsp,
			  const struct nvgsp_msg_element *m, int err,
			  const char *reason, struct gsp_msg_drop *drop)
{
	dev_err(gsp->dev,
		"status message seq %u (%s %#x, rpc.sequence %u, length %u): %s, dropped\n",
		m->seq_num, gsp_fwif_function_name(gsp->abi, m->rpc.function),
		m->rpc.function, m->rpc.sequence, m->rpc.length, reason);
	trace_gsp_msg_drop(gsp->pgpu->id, m->rpc.function, m->seq_num,
			   m->rpc.sequence, err, reason);
	gsp->stats.dropped++;
	drop->err = err;
	drop->reason = reason;
	drop->function = m->rpc.function;
	drop->token = m->rpc.sequence;
	drop->full = m->elem_count == NVGSP_MSG_MAX_SLOTS;
}

/* the message at @slot of @n slots is consumed */
static void gsp_msgq_consume(struct nvvgpu_gsp *gsp, u32 slot, u32 n)
{
	/* done reading its slots before handing them back */
	mb();
	WRITE_ONCE(gsp->cmdq_rx->read_ptr,
		   nvgsp_msgq_advance(slot, n, NVGSP_QUEUE_SLOTS));
}

/**
 * gsp_msgq_recv_head() - frame the next message of the status queue
 * @gsp: the transport, &nvvgpu_gsp.msgq_lock held
 * @rx: set to the message's headers and place
 * @drop: filled when a message was dropped
 *
 * The first two checks of DOC: validating a received message, on a copy
 * of the element and RPC headers taken out of the ring: the frame, then
 * the length. A message whose frame is wrong leaves the queue unparseable:
 * the queue is marked broken. A message with a bad length is dropped and
 * the queue stays usable. Otherwise the message stays in the ring for
 * gsp_msgq_recv_payload(), which the caller must call next, without
 * dropping the lock, once it knows where the payload goes.
 *
 * Return: 0; -ENODATA when empty; -EAGAIN when a message was dropped
 * (@drop says which; call again); -EPROTO when the queue is broken.
 */
int gsp_msgq_recv_head(struct nvvgpu_gsp *gsp, struct gsp_msg_rx *rx,
		       struct gsp_msg_drop *drop)
{
	struct nvgsp_msg_element *m = &rx->hdr;
	const char *reason;
	u32 rd, wr, used;
	int n, ret;

	lockdep_assert_held(&gsp->msgq_lock);

	if (gsp->msgq_broken)
		return -EPROTO;

	rd = gsp->cmdq_rx->read_ptr;
	wr = READ_ONCE(gsp->statq_tx->write_ptr);
	if (wr >= NVGSP_QUEUE_SLOTS) {
		dev_err(gsp->dev, "status queue write pointer %u out of range: queue broken\n",
			wr);
		goto broken;
	}
	used = nvgsp_msgq_used_slots(rd, wr, NVGSP_QUEUE_SLOTS);
	if (!used)
		return -ENODATA;
	/* the pointer before the slots it publishes */
	rmb();

	/* the headers are read once: every check and use is on this copy */
	nvgsp_ring_peek(m, gsp->statq_slots, rd);
	n = nvgsp_msg_check_frame(m, used, &reason);
	if (n < 0) {
		dev_err(gsp->dev,
			"status queue slot %u: %s (elemCount %u, %u slots published): framing lost, queue broken\n",
			rd, reason, m->elem_count, used);
		goto broken;
	}
	rx->slot = rd;

	ret = nvgsp_msg_check_length(m, &reason);
	if (ret) {
		/* consumed whatever the verdict: the frame is sound */
		gsp_msgq_consume(gsp, rd, n);
		/* it took a sequence number */
		gsp->msgq_seq++;
		gsp_msgq_drop(gsp, m, ret, reason, drop);
		return -EAGAIN;
	}
	return 0;

broken:
	gsp->msgq_broken = true;
	return -EPROTO;
}

/*
 * The payload of the message at statq slot @slot, @len bytes, into @dst,
 * then on to byte @end of the element what the checksum covers; returns
 * their XOR
 */
static u64 gsp_msgq_get_vec(struct nvvgpu_gsp *gsp, u32 slot,
			    const struct gsp_msg_dst *dst, size_t len,
			    size_t end)
{
	const struct kvec *vec = dst->vec;
	size_t off = sizeof(struct nvgsp_msg_element), skip = dst->skip, n;
	unsigned int nr = dst->nr;
	u64 x = 0;

	for (; nr && len; vec++, nr--) {
		if (skip >= vec->iov_len) {
			skip -= vec->iov_len;
			continue;
		}
		n = min(vec->iov_len - skip, len);
		x ^= nvgsp_ring_copy_out(vec->iov_base + skip, gsp->statq_slots,
					 NVGSP_QUEUE_SLOTS, slot, off, n);
		off += n;
		len -= n;
		skip = 0;
	}
	/* what has no room, and the slack: checksummed only */
	return x ^ nvgsp_ring_copy_out(NULL, gsp->statq_slots,
				       NVGSP_QUEUE_SLOTS, slot, off, end - off);
}

/**
 * gsp_msgq_recv_payload() - take the message framed by gsp_msgq_recv_head()
 * @gsp: the transport, &nvvgpu_gsp.msgq_lock held since
 *	gsp_msgq_recv_head()
 * @rx: the message
 * @dst: where its payload goes
 * @drop: filled when the message is dropped
 *
 * Copies the payload out of the ring once, straight into @dst, XORing each
 * word as it is copied, reads the rest of what the checksum covers, and
 * consumes the message. Then come the last checks of DOC: validating a
 * received message, on what was copied: the checksum, the sequence number
 * (a gap, lost messages, is logged and resynchronised) and the RPC
 * header's constant fields.
 *
 * @dst receives the payload before the verdict: when the message is
 * dropped, it holds whatever the payload was, as far as it has room.
 *
 * Return: 0, or -EAGAIN when the message was dropped (@drop says why).
 */
int gsp_msgq_recv_payload(struct nvvgpu_gsp *gsp, const struct gsp_msg_rx *rx,
			  const struct gsp_msg_dst *dst,
			  struct gsp_msg_drop *drop)
{
	const struct nvgsp_msg_element *m = &rx->hdr;
	u32 len = m->rpc.length - NVGSP_RPC_HDR_SIZE;
	const char *reason;
	s32 delta = 0;
	int ret;
	u64 x;

	lockdep_assert_held(&gsp->msgq_lock);

	x = gsp_msgq_get_vec(gsp, rx->slot, dst, len,
			     nvgsp_msg_csum_len(gsp->abi->csum_rule, m));
	/* consumed whatever the verdict: the frame is sound */
	gsp_msgq_consume(gsp, rx->slot, m->elem_count);

	ret = nvgsp_msg_check_csum_xor(m, x, &reason);
	if (!ret) {
		delta = nvgsp_seq_delta(m->seq_num, gsp->msgq_seq);
		if (delta < 0) {
			reason = "sequence number replayed";
			ret = -EPROTO;
		}
	}
	if (!ret)
		ret = nvgsp_msg_check_rpc(m, &reason);
	if (ret) {
		/* a replay took no number; anything else took one */
		if (delta >= 0)
			gsp->msgq_seq++;
		gsp_msgq_drop(gsp, m, ret, reason, drop);
		return -EAGAIN;
	}
	if (delta > 0) {
		dev_warn(gsp->dev,
			 "status messages seq %u..%u lost (next is %u): resynchronising\n",
			 gsp->msgq_seq, m->seq_num - 1, m->seq_num);
		gsp->stats.resyncs++;
		gsp->msgq_seq = m->seq_num;
	}

	gsp->msgq_seq++;
	trace_gsp_msg_recv(gsp->pgpu->id, m->rpc.function, m->seq_num,
			   m->rpc.sequence, m->rpc.length, m->rpc.rpc_result);
	return 0;
}

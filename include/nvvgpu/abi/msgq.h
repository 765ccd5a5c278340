/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nvvgpu: message-queue protocol helpers shared by the host transport and
 * the firmware emulator. Header-only on purpose: no nvvgpu module calls
 * another module's symbols, and both ends of the queue must agree on every
 * rule here.
 *
 * Copyright (c) 2026 The nvvgpu developers
 */
#ifndef __NVVGPU_ABI_MSGQ_H__
#define __NVVGPU_ABI_MSGQ_H__

#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/math.h>
#include <linux/minmax.h>
#include <linux/string.h>
#include <linux/types.h>
#include <linux/wordpart.h>

#include "fwif.h"
#include "gsp_queue.h"

/**
 * nvgsp_msgq_free_slots() - slots a producer may fill
 * @rd: the consumer's read pointer
 * @wr: the producer's write pointer
 * @count: slots in the queue
 *
 * One slot always stays empty so that full and empty differ. A pointer out
 * of range reads as "full", as the msgq library does.
 *
 * Return: free slots, 0..@count - 1.
 */
static inline u32 nvgsp_msgq_free_slots(u32 rd, u32 wr, u32 count)
{
	if (!count || rd >= count || wr >= count)
		return 0;
	return (rd + count - wr - 1) % count;
}

/**
 * nvgsp_msgq_used_slots() - slots a consumer may read
 * @rd: the consumer's read pointer
 * @wr: the producer's write pointer
 * @count: slots in the queue
 *
 * A pointer out of range reads as "nothing available".
 *
 * Return: used slots, 0..@count - 1.
 */
static inline u32 nvgsp_msgq_used_slots(u32 rd, u32 wr, u32 count)
{
	if (!count || rd >= count || wr >= count)
		return 0;
	return (wr + count - rd) % count;
}

/**
 * nvgsp_msgq_advance() - move a queue pointer on
 * @ptr: current pointer
 * @n: slots
 * @count: slots in the queue
 *
 * Return: (@ptr + @n) mod @count.
 */
static inline u32 nvgsp_msgq_advance(u32 ptr, u32 n, u32 count)
{
	return (ptr + n) % count;
}

/**
 * nvgsp_msg_elem_count() - slots a message with a given RPC length needs
 * @rpc_length: rpc.length (RPC header plus payload)
 *
 * Return: ceil((48 + @rpc_length) / 4096).
 */
static inline u32 nvgsp_msg_elem_count(u32 rpc_length)
{
	return DIV_ROUND_UP(NVGSP_MSG_HDR_SIZE + rpc_length,
			    NVGSP_QUEUE_SLOT_SIZE);
}

/**
 * nvgsp_msg_checksum() - the XOR checksum of a byte range
 * @buf: 8-byte aligned start of the element
 * @len: bytes covered, a multiple of 8
 *
 * XOR of all little-endian 64-bit words, folded to 32 bits. Over a sealed
 * element (checksum field in place) the result is 0.
 *
 * Return: the folded checksum.
 */
static inline u32 nvgsp_msg_checksum(const void *buf, size_t len)
{
	const u64 *p = buf;
	u64 sum = 0;
	size_t i;

	for (i = 0; i < len / sizeof(u64); i++)
		sum ^= p[i];
	return upper_32_bits(sum) ^ lower_32_bits(sum);
}

/**
 * nvgsp_msg_csum_len() - bytes the checksum covers under a release's rule
 * @rule: the release's rule
 * @msg: the element (its elem_count and rpc.length must be valid)
 *
 * Return: the covered length in bytes.
 */
static inline size_t nvgsp_msg_csum_len(enum nvgsp_csum_rule rule,
					const struct nvgsp_msg_element *msg)
{
	if (rule == NVGSP_CSUM_WHOLE_SLOTS)
		return (size_t)msg->elem_count * NVGSP_QUEUE_SLOT_SIZE;
	return ALIGN(NVGSP_MSG_HDR_SIZE + msg->rpc.length, 8);
}

/**
 * nvgsp_rpc_header_init() - fill an RPC header for sending
 * @rpc: the header
 * @function: NV_VGPU_MSG_FUNCTION_* or event number
 * @payload_len: bytes of payload after the header
 * @result: %NVGSP_RPC_RESULT_PENDING for requests, the status for replies
 */
static inline void nvgsp_rpc_header_init(struct nvgsp_rpc_header *rpc,
					 u32 function, u32 payload_len,
					 u32 result)
{
	rpc->header_version = NVGSP_RPC_HEADER_VERSION;
	rpc->signature = NVGSP_RPC_SIGNATURE;
	rpc->length = NVGSP_RPC_HDR_SIZE + payload_len;
	rpc->function = function;
	rpc->rpc_result = result;
	rpc->rpc_result_private = result;
	rpc->sequence = 0;
	rpc->cpu_rm_gfid = 0;
}

/**
 * nvgsp_msg_seal() - finish an element for the ring
 * @msg: element in a buffer of whole slots, zero after the payload
 * @seq: transport sequence number
 * @rule: checksum rule of the release
 *
 * Sets elem_count from rpc.length, then the checksum. Zero slack makes the
 * checksum valid under either rule.
 */
static inline void nvgsp_msg_seal(struct nvgsp_msg_element *msg, u32 seq,
				  enum nvgsp_csum_rule rule)
{
	memset(msg->auth_tag, 0, sizeof(msg->auth_tag));
	memset(msg->aad, 0, sizeof(msg->aad));
	msg->seq_num = seq;
	msg->elem_count = nvgsp_msg_elem_count(msg->rpc.length);
	msg->pad = 0;
	msg->checksum = 0;
	msg->checksum = nvgsp_msg_checksum(msg, nvgsp_msg_csum_len(rule, msg));
}

/**
 * nvgsp_msg_check_head() - validate the first slot of a received message
 * @msg: private copy of the first slot
 * @used_slots: slots the producer has published
 * @reason: set to a description of the first problem found
 *
 * Checks what is needed before the rest of the message can be copied:
 * element count and RPC length bounds and their agreement.
 *
 * Return: the element count, or -EPROTO.
 */
static inline int nvgsp_msg_check_head(const struct nvgsp_msg_element *msg,
				       u32 used_slots, const char **reason)
{
	u32 len = msg->rpc.length;

	if (!msg->elem_count || msg->elem_count > NVGSP_MSG_MAX_SLOTS) {
		*reason = "element count out of range";
		return -EPROTO;
	}
	if (msg->elem_count > used_slots) {
		*reason = "element count exceeds the published slots";
		return -EPROTO;
	}
	if (len < NVGSP_RPC_HDR_SIZE || len > NVGSP_RPC_MAX_SIZE) {
		*reason = "rpc length out of range";
		return -EPROTO;
	}
	if (msg->elem_count != nvgsp_msg_elem_count(len)) {
		*reason = "element count does not match rpc length";
		return -EPROTO;
	}
	return msg->elem_count;
}

/**
 * nvgsp_msg_check_body() - validate a whole received message
 * @msg: private copy of all elem_count slots, already through
 *	nvgsp_msg_check_head()
 * @expected_seq: the sequence number the next message must carry
 * @rule: checksum rule of the release
 * @reason: set to a description of the first problem found
 *
 * Return: 0, -EBADMSG for a checksum mismatch, or -EPROTO.
 */
static inline int nvgsp_msg_check_body(const struct nvgsp_msg_element *msg,
				       u32 expected_seq,
				       enum nvgsp_csum_rule rule,
				       const char **reason)
{
	if (nvgsp_msg_checksum(msg, nvgsp_msg_csum_len(rule, msg))) {
		*reason = "bad checksum";
		return -EBADMSG;
	}
	if (msg->seq_num != expected_seq) {
		*reason = "sequence number out of order";
		return -EPROTO;
	}
	if (msg->rpc.header_version != NVGSP_RPC_HEADER_VERSION) {
		*reason = "unknown rpc header version";
		return -EPROTO;
	}
	if (msg->rpc.signature != NVGSP_RPC_SIGNATURE) {
		*reason = "bad rpc signature";
		return -EPROTO;
	}
	return 0;
}

/**
 * nvgsp_msgq_tx_init() - write the producer header of a fresh queue
 * @tx: the header, at the start of the queue's header page
 */
static inline void nvgsp_msgq_tx_init(struct nvgsp_msgq_tx_header *tx)
{
	tx->version = NVGSP_MSGQ_VERSION;
	tx->size = NVGSP_QUEUE_SIZE;
	tx->msg_size = NVGSP_QUEUE_SLOT_SIZE;
	tx->msg_count = NVGSP_QUEUE_SLOTS;
	tx->write_ptr = 0;
	tx->flags = NVGSP_MSGQ_FLAGS_SWAP_RX;
	tx->rx_hdr_off = NVGSP_QUEUE_RX_HDR_OFF;
	tx->entry_off = NVGSP_QUEUE_ENTRY_OFF;
}

/**
 * nvgsp_msgq_check_tx() - validate the peer's producer header (msgqRxLink)
 * @tx: private copy of the header
 * @size: queue size the consumer was told
 * @reason: set to a description of the first problem found
 *
 * Beyond msgqRxLink's rules, nvvgpu requires the slot geometry both of its
 * ends use (rx header and entries where §1.3 puts them), since neither
 * end supports another.
 *
 * Return: 0 or -EPROTO.
 */
static inline int nvgsp_msgq_check_tx(const struct nvgsp_msgq_tx_header *tx,
				      u32 size, const char **reason)
{
	if (tx->version != NVGSP_MSGQ_VERSION) {
		*reason = "unknown queue version";
		return -EPROTO;
	}
	if (tx->size != size) {
		*reason = "queue size mismatch";
		return -EPROTO;
	}
	if (tx->msg_size != NVGSP_QUEUE_SLOT_SIZE) {
		*reason = "slot size is not 4096";
		return -EPROTO;
	}
	if (tx->rx_hdr_off != NVGSP_QUEUE_RX_HDR_OFF) {
		*reason = "rx header offset";
		return -EPROTO;
	}
	if (tx->entry_off != NVGSP_QUEUE_ENTRY_OFF) {
		*reason = "entry offset";
		return -EPROTO;
	}
	if (tx->msg_count != (tx->size - tx->entry_off) / tx->msg_size) {
		*reason = "slot count does not match queue size";
		return -EPROTO;
	}
	if (tx->write_ptr >= tx->msg_count) {
		*reason = "write pointer out of range";
		return -EPROTO;
	}
	if (!(tx->flags & NVGSP_MSGQ_FLAGS_SWAP_RX)) {
		*reason = "swap-rx flag missing";
		return -EPROTO;
	}
	return 0;
}

/**
 * nvgsp_ring_write() - copy whole slots into a ring, wrapping at the end
 * @slots: slot 0 of the ring
 * @count: slots in the ring
 * @slot: first slot to write, < @count
 * @src: @n slots of data
 * @n: slots to copy, <= @count
 */
static inline void nvgsp_ring_write(void *slots, u32 count, u32 slot,
				    const void *src, u32 n)
{
	u32 first = min(n, count - slot);

	memcpy(slots + (size_t)slot * NVGSP_QUEUE_SLOT_SIZE, src,
	       (size_t)first * NVGSP_QUEUE_SLOT_SIZE);
	if (n > first)
		memcpy(slots, src + (size_t)first * NVGSP_QUEUE_SLOT_SIZE,
		       (size_t)(n - first) * NVGSP_QUEUE_SLOT_SIZE);
}

/**
 * nvgsp_ring_read() - copy whole slots out of a ring, wrapping at the end
 * @dst: room for @n slots
 * @slots: slot 0 of the ring
 * @count: slots in the ring
 * @slot: first slot to read, < @count
 * @n: slots to copy, <= @count
 */
static inline void nvgsp_ring_read(void *dst, const void *slots, u32 count,
				   u32 slot, u32 n)
{
	u32 first = min(n, count - slot);

	memcpy(dst, slots + (size_t)slot * NVGSP_QUEUE_SLOT_SIZE,
	       (size_t)first * NVGSP_QUEUE_SLOT_SIZE);
	if (n > first)
		memcpy(dst + (size_t)first * NVGSP_QUEUE_SLOT_SIZE, slots,
		       (size_t)(n - first) * NVGSP_QUEUE_SLOT_SIZE);
}

#endif /* __NVVGPU_ABI_MSGQ_H__ */

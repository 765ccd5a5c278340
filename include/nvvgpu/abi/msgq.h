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
#include <linux/instrumented.h>
#include <linux/kernel.h>
#include <linux/math.h>
#include <linux/minmax.h>
#include <linux/string.h>
#include <linux/types.h>

#include <nvvgpu/compat.h>

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

/*
 * The XOR over a whole element is, with the copies, all the per-byte work
 * of the transport. Like memcpy(), it is checked by KASAN once for its
 * range (nvgsp_xor64()) rather than load by load: under the debug kernel
 * that halves its cost. Eight chains keep the loop short.
 */
static __no_sanitize_or_inline u64 __nvgsp_xor64(const u64 *p, size_t n)
{
	u64 a = 0, b = 0, c = 0, d = 0, e = 0, f = 0, g = 0, h = 0;
	size_t i, n8 = n & ~(size_t)7;

	/* independent chains: XOR is associative and commutative */
	for (i = 0; i < n8; i += 8) {
		a ^= p[i];
		b ^= p[i + 1];
		c ^= p[i + 2];
		d ^= p[i + 3];
		e ^= p[i + 4];
		f ^= p[i + 5];
		g ^= p[i + 6];
		h ^= p[i + 7];
	}
	for (i = n8; i < n; i++)
		a ^= p[i];
	return a ^ b ^ c ^ d ^ e ^ f ^ g ^ h;
}

/**
 * nvgsp_xor64() - XOR of the 64-bit words of a range
 * @buf: 8-byte aligned start
 * @len: bytes, a multiple of 8
 *
 * Return: the XOR, not folded.
 */
static inline u64 nvgsp_xor64(const void *buf, size_t len)
{
	instrument_read(buf, len);
	return __nvgsp_xor64(buf, len / sizeof(u64));
}

/* where byte @lane of a 64-bit word in memory lies in the loaded word */
static inline unsigned int nvgsp_lane_shift(unsigned int lane)
{
	lane &= 7;
	return 8 * (IS_ENABLED(CONFIG_CPU_BIG_ENDIAN) ? 7 - lane : lane);
}

/* @len bytes at lane @lane of their words on, copied if @d, XORed */
static __no_sanitize_or_inline u64 __nvgsp_copy_xor_bytes(u8 *d, const u8 *s,
							  size_t len,
							  unsigned int lane)
{
	u64 x = 0;
	size_t i;
	u8 v;

	for (i = 0; i < len; i++) {
		v = s[i];
		if (d)
			d[i] = v;
		x ^= (u64)v << nvgsp_lane_shift(lane + i);
	}
	return x;
}

/*
 * @n words from @s to @d, both of any alignment, XORed as they are copied:
 * each word is loaded once, and the value stored is the value XORed.
 */
static __no_sanitize_or_inline u64 __nvgsp_copy_xor64(void *d, const void *s,
						      size_t n)
{
	u64 a = 0, b = 0, c = 0, e = 0, w0, w1, w2, w3;
	u64 *dw = d;
	const u64 *sw = s;
	size_t i, n8 = n & ~(size_t)7;

	for (i = 0; i < n8; i += 8) {
		w0 = get_unaligned(sw + i);
		w1 = get_unaligned(sw + i + 1);
		w2 = get_unaligned(sw + i + 2);
		w3 = get_unaligned(sw + i + 3);
		put_unaligned(w0, dw + i);
		put_unaligned(w1, dw + i + 1);
		put_unaligned(w2, dw + i + 2);
		put_unaligned(w3, dw + i + 3);
		a ^= w0;
		b ^= w1;
		c ^= w2;
		e ^= w3;
		w0 = get_unaligned(sw + i + 4);
		w1 = get_unaligned(sw + i + 5);
		w2 = get_unaligned(sw + i + 6);
		w3 = get_unaligned(sw + i + 7);
		put_unaligned(w0, dw + i + 4);
		put_unaligned(w1, dw + i + 5);
		put_unaligned(w2, dw + i + 6);
		put_unaligned(w3, dw + i + 7);
		a ^= w0;
		b ^= w1;
		c ^= w2;
		e ^= w3;
	}
	for (i = n8; i < n; i++) {
		w0 = get_unaligned(sw + i);
		put_unaligned(w0, dw + i);
		a ^= w0;
	}
	return a ^ b ^ c ^ e;
}

/**
 * nvgsp_copy_xor() - copy bytes of an element and XOR them, in one pass
 * @dst: where they go, any alignment; NULL to XOR them only
 * @src: the bytes; any alignment when copying, else aligned as their
 *	element (@src - @off 8-byte aligned)
 * @len: how many
 * @off: offset of the bytes in their element; only @off mod 8, the lane
 *	of the first byte in its 64-bit word, matters
 *
 * The one pass a payload needs on its way into or out of a ring: every
 * byte is read once, and what is XORed is what is stored, so a checksum
 * verdict over bytes copied out of a ring the producer rewrites meanwhile
 * is a verdict on the copy. Checked by KASAN once for its range, as
 * memcpy() is (nvgsp_xor64()).
 *
 * Return: the bytes' share of the element's unfolded XOR: nvgsp_xor64() of
 * the element with every other byte zero.
 */
static inline u64 nvgsp_copy_xor(void *dst, const void *src, size_t len,
				 size_t off)
{
	size_t head = min_t(size_t, len, -off & 7);
	size_t words = (len - head) / sizeof(u64);
	size_t body = head + words * sizeof(u64);
	u64 x;

	if (!len)
		return 0;
	if (dst)
		instrument_memcpy_before(dst, src, len);
	else
		instrument_read(src, len);
	x = __nvgsp_copy_xor_bytes(dst, src, head, off & 7);
	if (dst)
		x ^= __nvgsp_copy_xor64(dst + head, src + head, words);
	else
		x ^= __nvgsp_xor64(src + head, words);
	x ^= __nvgsp_copy_xor_bytes(dst ? dst + body : NULL, src + body,
				    len - body, 0);
	if (dst)
		instrument_memcpy_after(dst, src, len, 0);
	return x;
}

/**
 * nvgsp_xor_fold() - fold a 64-bit XOR into the element's checksum
 * @x: XOR of all words covered
 *
 * Return: upper and lower halves XORed.
 */
static inline u32 nvgsp_xor_fold(u64 x)
{
	return upper_32_bits(x) ^ lower_32_bits(x);
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
	return nvgsp_xor_fold(nvgsp_xor64(buf, len));
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

/* everything of the element header but the checksum, which reads 0 */
static inline void nvgsp_msg_seal_fields(struct nvgsp_msg_element *hdr,
					 u32 seq)
{
	memset(hdr->auth_tag, 0, sizeof(hdr->auth_tag));
	memset(hdr->aad, 0, sizeof(hdr->aad));
	hdr->seq_num = seq;
	hdr->elem_count = nvgsp_msg_elem_count(hdr->rpc.length);
	hdr->pad = 0;
	hdr->checksum = 0;
}

/**
 * nvgsp_msg_seal_hdr() - finish an element's headers given its payload's XOR
 * @hdr: the element and RPC headers, rpc.length set
 * @seq: transport sequence number
 * @payload_xor: nvgsp_xor64() of the payload as placed in the element,
 *	zero-padded to a multiple of 8 bytes
 *
 * Sets elem_count from rpc.length, then the checksum over the headers and
 * the payload. With the slack after the payload zero, the checksum holds
 * under either rule: XOR with zeroes changes nothing.
 */
static inline void nvgsp_msg_seal_hdr(struct nvgsp_msg_element *hdr, u32 seq,
				      u64 payload_xor)
{
	nvgsp_msg_seal_fields(hdr, seq);
	hdr->checksum = nvgsp_xor_fold(nvgsp_xor64(hdr, sizeof(*hdr)) ^
				       payload_xor);
}

/**
 * nvgsp_msg_seal() - finish an element for the ring
 * @msg: element in a buffer of whole slots, zero after the payload
 * @seq: transport sequence number
 * @rule: checksum rule of the release
 *
 * As nvgsp_msg_seal_hdr(), for an element built in one buffer: the
 * checksum is computed over the written bytes only, whatever @rule says.
 */
static inline void nvgsp_msg_seal(struct nvgsp_msg_element *msg, u32 seq,
				  enum nvgsp_csum_rule rule)
{
	nvgsp_msg_seal_fields(msg, seq);
	msg->checksum = nvgsp_msg_checksum(msg, nvgsp_msg_csum_len(NVGSP_CSUM_MSG_LEN,
								   msg));
}

/**
 * nvgsp_msg_clear_slack() - zero what follows the payload in its last slot
 * @msg: element in a buffer of @n whole slots, rpc.length set
 * @n: slots of the element
 *
 * What nvgsp_msg_seal() needs, without clearing the payload's bytes first.
 */
static inline void nvgsp_msg_clear_slack(struct nvgsp_msg_element *msg, u32 n)
{
	size_t end = NVGSP_MSG_HDR_SIZE + msg->rpc.length;

	memset((u8 *)msg + end, 0, (size_t)n * NVGSP_QUEUE_SLOT_SIZE - end);
}

/**
 * nvgsp_ring_peek() - copy the element header at a slot out of a ring
 * @dst: room for a struct nvgsp_msg_element
 * @slots: slot 0 of the ring
 * @slot: the slot, < slots in the ring
 *
 * Enough to frame the message (nvgsp_msg_check_frame()) before copying
 * its slots.
 */
static inline void nvgsp_ring_peek(struct nvgsp_msg_element *dst,
				   const void *slots, u32 slot)
{
	memcpy(dst, slots + (size_t)slot * NVGSP_QUEUE_SLOT_SIZE, sizeof(*dst));
}

/**
 * DOC: validating a received message
 *
 * A consumer reads each byte of the message out of the ring once, so the
 * producer cannot change it between check and use: the headers into a
 * private copy, which every check and use reads, and the payload either
 * behind them in the same buffer or, once the headers have passed steps 1
 * and 2, straight to where it goes (nvgsp_ring_copy_out()), with the
 * checksum computed over what was copied (nvgsp_msg_check_csum_xor()).
 * The checks, in this order:
 *
 * 1. the frame (nvgsp_msg_check_frame()): elemCount in 1..16 and published.
 *    The element count is the only framing the ring has; when it is wrong
 *    the consumer no longer knows where the next message starts, and the
 *    queue cannot be parsed any further.
 * 2. the length (nvgsp_msg_check_length()): 32 <= rpc.length <= 65488 and
 *    agreeing with elemCount. It must hold before the checksum, whose
 *    coverage (from 555 on) depends on it.
 * 3. the checksum, then the transport sequence number, then the RPC
 *    header's constant fields (nvgsp_msg_check_body()).
 *
 * A message failing 2 or 3 is still framed: the consumer drops it, steps
 * over its slots, and the queue stays usable.
 */

/**
 * nvgsp_msg_check_frame() - find where the message at the head ends
 * @msg: private copy of the first slot
 * @used_slots: slots the producer has published
 * @reason: set to a description of the problem
 *
 * Return: the element count, or -EPROTO when the framing is lost.
 */
static inline int nvgsp_msg_check_frame(const struct nvgsp_msg_element *msg,
					u32 used_slots, const char **reason)
{
	if (!msg->elem_count || msg->elem_count > NVGSP_MSG_MAX_SLOTS) {
		*reason = "element count out of range";
		return -EPROTO;
	}
	if (msg->elem_count > used_slots) {
		*reason = "element count exceeds the published slots";
		return -EPROTO;
	}
	return msg->elem_count;
}

/**
 * nvgsp_msg_check_length() - check rpc.length against the frame
 * @msg: private copy of the message, framed by nvgsp_msg_check_frame()
 * @reason: set to a description of the problem
 *
 * Return: 0 or -EPROTO.
 */
static inline int nvgsp_msg_check_length(const struct nvgsp_msg_element *msg,
					 const char **reason)
{
	u32 len = msg->rpc.length;

	if (len < NVGSP_RPC_HDR_SIZE || len > NVGSP_RPC_MAX_SIZE) {
		*reason = "rpc length out of range";
		return -EPROTO;
	}
	if (msg->elem_count != nvgsp_msg_elem_count(len)) {
		*reason = "element count does not match rpc length";
		return -EPROTO;
	}
	return 0;
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
	int n = nvgsp_msg_check_frame(msg, used_slots, reason);

	if (n < 0)
		return n;
	return nvgsp_msg_check_length(msg, reason) ?: n;
}

/**
 * nvgsp_msg_check_rpc() - check the constant fields of the RPC header
 * @msg: private copy of the message
 * @reason: set to a description of the problem
 *
 * Return: 0 or -EPROTO.
 */
static inline int nvgsp_msg_check_rpc(const struct nvgsp_msg_element *msg,
				      const char **reason)
{
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
 * nvgsp_msg_check_csum() - check the checksum under a release's rule
 * @msg: private copy of all elem_count slots, length already checked
 * @rule: checksum rule of the release
 * @reason: set to a description of the problem
 *
 * Return: 0 or -EBADMSG.
 */
static inline int nvgsp_msg_check_csum(const struct nvgsp_msg_element *msg,
				       enum nvgsp_csum_rule rule,
				       const char **reason)
{
	if (nvgsp_msg_checksum(msg, nvgsp_msg_csum_len(rule, msg))) {
		*reason = "bad checksum";
		return -EBADMSG;
	}
	return 0;
}

/**
 * nvgsp_msg_check_csum_xor() - check the checksum of a message read in parts
 * @hdr: private copy of the element and RPC headers, length already checked
 * @rest_xor: the unfolded XOR of every byte the checksum covers after the
 *	headers (nvgsp_msg_csum_len()), as they were read (nvgsp_copy_xor())
 * @reason: set to a description of the problem
 *
 * For a receiver that copies the payload out of the ring straight to where
 * it goes rather than into one buffer with the headers.
 *
 * Return: 0 or -EBADMSG.
 */
static inline int nvgsp_msg_check_csum_xor(const struct nvgsp_msg_element *hdr,
					   u64 rest_xor, const char **reason)
{
	if (nvgsp_xor_fold(nvgsp_xor64(hdr, sizeof(*hdr)) ^ rest_xor)) {
		*reason = "bad checksum";
		return -EBADMSG;
	}
	return 0;
}

/**
 * nvgsp_seq_delta() - how far a sequence number is from the expected one
 * @seq: seqNum of a received message
 * @expected: the number the consumer expects next
 *
 * Safe across the wrap of the 32-bit counter.
 *
 * Return: 0 in order, > 0 when messages were lost in between, < 0 for a
 * replay of an older message.
 */
static inline s32 nvgsp_seq_delta(u32 seq, u32 expected)
{
	return (s32)(seq - expected);
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
	int ret = nvgsp_msg_check_csum(msg, rule, reason);

	if (ret)
		return ret;
	if (msg->seq_num != expected_seq) {
		*reason = "sequence number out of order";
		return -EPROTO;
	}
	return nvgsp_msg_check_rpc(msg, reason);
}

/**
 * DOC: continuation records
 *
 * A payload longer than %NVGSP_RPC_MAX_PAYLOAD goes out as one element with
 * the RPC's own function carrying the first 65456 bytes, followed back to
 * back by %NV_VGPU_MSG_FUNCTION_CONTINUATION_RECORD elements carrying the
 * rest, each with its own element and RPC header, sequence number and
 * checksum (gsp-protocol.md §2.4). Both directions use it. A message says
 * nothing about its total size: the receiver knows it (the emulator from
 * the control's params_size, the host from the size of the request whose
 * reply it waits for).
 *
 * The sender loops with nvgsp_split_chunk() and nvgsp_split_function(); the
 * receiver follows with nvgsp_reasm_start() and nvgsp_reasm_add().
 */

/**
 * nvgsp_split_chunk() - payload bytes of the element starting at @off
 * @len: payload bytes of the whole RPC
 * @off: offset of the element's chunk, < @len (or 0 for an empty payload)
 *
 * Return: the chunk length.
 */
static inline u32 nvgsp_split_chunk(u32 len, u32 off)
{
	return min_t(u32, len - off, NVGSP_RPC_MAX_PAYLOAD);
}

/**
 * nvgsp_split_function() - rpc.function of the element starting at @off
 * @function: the RPC's function
 * @off: offset of the element's chunk in the payload
 *
 * Return: @function for the first element, CONTINUATION_RECORD after.
 */
static inline u32 nvgsp_split_function(u32 function, u32 off)
{
	return off ? NV_VGPU_MSG_FUNCTION_CONTINUATION_RECORD : function;
}

/**
 * nvgsp_split_elements() - elements an RPC's payload is sent in
 * @len: payload bytes
 *
 * Return: 1 for a payload that fits one element, else 1 + the number of
 * continuation records.
 */
static inline u32 nvgsp_split_elements(u32 len)
{
	return len ? DIV_ROUND_UP(len, NVGSP_RPC_MAX_PAYLOAD) : 1;
}

/**
 * struct nvgsp_reasm - a message being put back together
 * @len: payload bytes received so far
 * @total: payload bytes the receiver expects in all
 *
 * Only the accounting: the receiver places each element's payload itself,
 * at @len from the start, as far as it has room (the host copies it
 * straight from the ring, gsp_msgq_recv_payload()), then has it counted.
 */
struct nvgsp_reasm {
	u32 len;
	u32 total;
};

/**
 * nvgsp_reasm_start() - count the first element of a message
 * @r: the reassembly state
 * @total: payload bytes the receiver expects
 * @len: the element's payload bytes
 *
 * Only a full element (%NVGSP_RPC_MAX_PAYLOAD bytes) of a message expected
 * to be longer announces continuation records; any other element is the
 * whole message, whatever its length (the caller judges a short one).
 *
 * Return: 1 when the message is complete, 0 when continuation records
 * must follow.
 */
static inline int nvgsp_reasm_start(struct nvgsp_reasm *r, u32 total, u32 len)
{
	r->len = len;
	r->total = total;
	return len != NVGSP_RPC_MAX_PAYLOAD || r->len >= total;
}

/**
 * nvgsp_reasm_add() - count a continuation record
 * @r: the reassembly state, started and not complete
 * @len: the record's payload bytes
 * @reason: set to a description of the problem
 *
 * Every record but the last is full; the last ends exactly at @r->total.
 *
 * Return: 1 when the message is complete, 0 when more must follow,
 * -EPROTO for a record that is empty, runs past the end, or is short
 * before it.
 */
static inline int nvgsp_reasm_add(struct nvgsp_reasm *r, u32 len,
				  const char **reason)
{
	if (!len || len > r->total - r->len) {
		*reason = "continuation record runs past the message";
		return -EPROTO;
	}
	if (len != NVGSP_RPC_MAX_PAYLOAD && r->len + len != r->total) {
		*reason = "short continuation record before the end";
		return -EPROTO;
	}
	r->len += len;
	return r->len == r->total;
}

/**
 * DOC: reply matching
 *
 * GSP-RM answers commands in order, but a reply carries no request id in
 * 535/570: CPU-RM and nouveau match it by function, so a late reply to an
 * RPC that timed out is taken as the reply to the next RPC of that
 * function. nvvgpu therefore does what CPU-RM does from 580.82 on: every
 * synchronous RPC carries a fresh non-zero token in rpc.sequence (0 for
 * asynchronous ones), which the firmware echoes in the reply header. The
 * rule, in nvgsp_reply_classify():
 *
 * - the waiting RPC's token and function: its reply;
 * - the waiting RPC's token with another function: a protocol error the
 *   waiter fails with;
 * - another non-zero token: a stale reply to an RPC that gave up waiting
 *   (timeout, dropped or corrupted reply); dropped;
 * - token 0: an unsolicited reply (asynchronous RPC, or a reply to no
 *   request); dropped. Only while the firmware has not been seen echoing
 *   tokens (a release that keeps rpc.sequence 0), a token-0 reply with the
 *   waiting function is taken as its reply: the 535 rule, with its blind
 *   spot for late replies.
 */

/**
 * enum nvgsp_reply_kind - what a received reply is to the waiting RPC
 * @NVGSP_REPLY_MINE: the waiting RPC's reply
 * @NVGSP_REPLY_FOREIGN: the waiting RPC's token with another function
 * @NVGSP_REPLY_STALE: another RPC's token: a late reply
 * @NVGSP_REPLY_UNSOLICITED: no token and not for the waiting RPC
 */
enum nvgsp_reply_kind {
	NVGSP_REPLY_MINE,
	NVGSP_REPLY_FOREIGN,
	NVGSP_REPLY_STALE,
	NVGSP_REPLY_UNSOLICITED,
};

/**
 * nvgsp_reply_classify() - apply the reply matching rule
 * @fn: rpc.function of the reply
 * @token: rpc.sequence of the reply
 * @want_fn: function of the waiting RPC
 * @want_token: token of the waiting RPC, 0 if none is waiting
 * @echo: the firmware is known to echo tokens
 *
 * Return: the kind of reply.
 */
static inline enum nvgsp_reply_kind
nvgsp_reply_classify(u32 fn, u32 token, u32 want_fn, u32 want_token, bool echo)
{
	if (want_token && token == want_token)
		return fn == want_fn ? NVGSP_REPLY_MINE : NVGSP_REPLY_FOREIGN;
	if (token)
		return NVGSP_REPLY_STALE;
	if (want_token && fn == want_fn && !echo)
		return NVGSP_REPLY_MINE;
	return NVGSP_REPLY_UNSOLICITED;
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

/* where byte @off of the element at @slot lies in a ring of @ring bytes */
static inline size_t nvgsp_ring_pos(size_t ring, u32 slot, size_t off)
{
	size_t pos = (size_t)slot * NVGSP_QUEUE_SLOT_SIZE + off;

	return pos >= ring ? pos - ring : pos;
}

/**
 * nvgsp_ring_copy_in() - write bytes into an element in a ring, XORing them
 * @slots: slot 0 of the ring
 * @count: slots in the ring
 * @slot: the element's first slot, < @count
 * @off: offset of the bytes in the element
 * @src: the bytes, any alignment
 * @len: how many; @off + @len at most the ring's size
 *
 * Wraps at the end of the ring, which falls on a slot boundary. The
 * producer owns the slots until it publishes them.
 *
 * Return: the bytes' share of the element's XOR (nvgsp_copy_xor()).
 */
static inline u64 nvgsp_ring_copy_in(void *slots, u32 count, u32 slot,
				     size_t off, const void *src, size_t len)
{
	size_t ring = (size_t)count * NVGSP_QUEUE_SLOT_SIZE;
	size_t pos = nvgsp_ring_pos(ring, slot, off);
	size_t first = min(len, ring - pos);
	u64 x;

	x = nvgsp_copy_xor(slots + pos, src, first, off);
	if (len > first)
		x ^= nvgsp_copy_xor(slots, src + first, len - first,
				    off + first);
	return x;
}

/**
 * nvgsp_ring_copy_out() - read bytes of an element out of a ring, XORing
 *	them
 * @dst: where they go, any alignment; NULL to XOR them only
 * @slots: slot 0 of the ring
 * @count: slots in the ring
 * @slot: the element's first slot, < @count
 * @off: offset of the bytes in the element
 * @len: how many; @off + @len at most the ring's size
 *
 * Each byte of the ring is read once (nvgsp_copy_xor()), wrapping at the
 * end of the ring.
 *
 * Return: the bytes' share of the element's XOR, for
 * nvgsp_msg_check_csum_xor().
 */
static inline u64 nvgsp_ring_copy_out(void *dst, const void *slots, u32 count,
				      u32 slot, size_t off, size_t len)
{
	size_t ring = (size_t)count * NVGSP_QUEUE_SLOT_SIZE;
	size_t pos = nvgsp_ring_pos(ring, slot, off);
	size_t first = min(len, ring - pos);
	u64 x;

	x = nvgsp_copy_xor(dst, slots + pos, first, off);
	if (len > first)
		x ^= nvgsp_copy_xor(dst ? dst + first : NULL, slots,
				    len - first, off + first);
	return x;
}

/**
 * nvgsp_ring_clear() - zero bytes of an element in a ring
 * @slots: slot 0 of the ring
 * @count: slots in the ring
 * @slot: the element's first slot, < @count
 * @off: offset of the bytes in the element
 * @len: how many; @off + @len at most the ring's size
 */
static inline void nvgsp_ring_clear(void *slots, u32 count, u32 slot,
				    size_t off, size_t len)
{
	size_t ring = (size_t)count * NVGSP_QUEUE_SLOT_SIZE;
	size_t pos = nvgsp_ring_pos(ring, slot, off);
	size_t first = min(len, ring - pos);

	memset(slots + pos, 0, first);
	if (len > first)
		memset(slots, 0, len - first);
}

/**
 * nvgsp_ring_put_payload() - write an element's payload straight into a ring
 * @slots: slot 0 of the ring
 * @count: slots in the ring
 * @slot: first slot of the element, < @count
 * @payload: the payload
 * @len: its bytes, at most %NVGSP_RPC_MAX_PAYLOAD
 *
 * Copies the payload behind the element's headers, wrapping at the end of
 * the ring, and zeroes the rest of the element's last slot, so that the
 * element needs no staging copy: the producer owns these slots until it
 * publishes them. The headers follow with nvgsp_msg_seal_hdr() and
 * nvgsp_ring_put_header(). A payload in several parts is written with
 * nvgsp_ring_copy_in() part by part, then nvgsp_ring_clear().
 *
 * Return: nvgsp_xor64() of the payload as placed, for nvgsp_msg_seal_hdr().
 */
static inline u64 nvgsp_ring_put_payload(void *slots, u32 count, u32 slot,
					 const void *payload, u32 len)
{
	size_t off = sizeof(struct nvgsp_msg_element);
	size_t end = (size_t)nvgsp_msg_elem_count(NVGSP_RPC_HDR_SIZE + len) *
		     NVGSP_QUEUE_SLOT_SIZE;
	u64 x;

	x = nvgsp_ring_copy_in(slots, count, slot, off, payload, len);
	/* the zero padding and the slot's slack */
	nvgsp_ring_clear(slots, count, slot, off + len, end - off - len);
	return x;
}

/**
 * nvgsp_ring_put_header() - write a sealed element's headers into a ring
 * @slots: slot 0 of the ring
 * @slot: the element's first slot
 * @hdr: headers sealed by nvgsp_msg_seal_hdr()
 */
static inline void nvgsp_ring_put_header(void *slots, u32 slot,
					 const struct nvgsp_msg_element *hdr)
{
	memcpy(slots + (size_t)slot * NVGSP_QUEUE_SLOT_SIZE, hdr, sizeof(*hdr));
}

#endif /* __NVVGPU_ABI_MSGQ_H__ */

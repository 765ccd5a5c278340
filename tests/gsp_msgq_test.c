// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: the GSP message-queue protocol helpers shared by the host
 * transport and the firmware emulator (<nvvgpu/abi/msgq.h>, fwif.h).
 *
 * Copyright (c) 2026 The nvvgpu developers
 */
#include <kunit/test.h>
#include <linux/moduleparam.h>
#include <linux/prandom.h>
#include <linux/random.h>
#include <linux/vmalloc.h>

#include <nvvgpu/abi/fwif.h>
#include <nvvgpu/abi/msgq.h>

static unsigned int gsp_msgq_seed;
module_param(gsp_msgq_seed, uint, 0400);
MODULE_PARM_DESC(gsp_msgq_seed, "Seed of the random msgq test (0: random)");

#define SLOTS	NVGSP_QUEUE_SLOTS
#define SLOT	NVGSP_QUEUE_SLOT_SIZE
/* the largest payload the tests stream: the emulator's echo limit */
#define NVVGPU_TEST_ECHO_MAX	(256 * 1024)

static const enum nvgsp_csum_rule rules[] = {
	NVGSP_CSUM_WHOLE_SLOTS, NVGSP_CSUM_MSG_LEN,
};

static void vfree_action(void *p)
{
	vfree(p);
}

static void *test_vzalloc(struct kunit *test, size_t size)
{
	void *p = vzalloc(size);

	KUNIT_ASSERT_NOT_NULL(test, p);
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test, vfree_action, p), 0);
	return p;
}

/* a sealed message with @payload_len bytes of pattern in a whole-slot buffer */
static struct nvgsp_msg_element *test_msg(struct kunit *test, u32 fn,
					  u32 payload_len, u32 seq,
					  enum nvgsp_csum_rule rule)
{
	u32 n = nvgsp_msg_elem_count(NVGSP_RPC_HDR_SIZE + payload_len);
	struct nvgsp_msg_element *m = test_vzalloc(test, (size_t)n * SLOT);
	u8 *p = (u8 *)(m + 1);
	u32 i;

	nvgsp_rpc_header_init(&m->rpc, fn, payload_len,
			      NVGSP_RPC_RESULT_PENDING);
	for (i = 0; i < payload_len; i++)
		p[i] = i * 7 + 3;
	nvgsp_msg_seal(m, seq, rule);
	return m;
}

static void gsp_msgq_test_empty_full(struct kunit *test)
{
	u32 i;

	for (i = 0; i < SLOTS; i++) {
		/* empty: read == write */
		KUNIT_EXPECT_EQ(test, nvgsp_msgq_used_slots(i, i, SLOTS), 0);
		KUNIT_EXPECT_EQ(test, nvgsp_msgq_free_slots(i, i, SLOTS), SLOTS - 1);
		/* full: write one behind read */
		KUNIT_EXPECT_EQ(test,
				nvgsp_msgq_free_slots(i, (i + SLOTS - 1) % SLOTS, SLOTS),
				0);
		KUNIT_EXPECT_EQ(test,
				nvgsp_msgq_used_slots(i, (i + SLOTS - 1) % SLOTS, SLOTS),
				SLOTS - 1);
	}
}

static void gsp_msgq_test_every_slot_count(struct kunit *test)
{
	u32 rd, wr;

	for (rd = 0; rd < SLOTS; rd++) {
		for (wr = 0; wr < SLOTS; wr++) {
			u32 used = nvgsp_msgq_used_slots(rd, wr, SLOTS);
			u32 free = nvgsp_msgq_free_slots(rd, wr, SLOTS);

			KUNIT_ASSERT_EQ(test, used + free, SLOTS - 1);
			KUNIT_ASSERT_EQ(test, nvgsp_msgq_advance(rd, used, SLOTS),
					wr);
		}
	}
}

static void gsp_msgq_test_wrap_and_range(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, nvgsp_msgq_used_slots(60, 2, SLOTS), 5);
	KUNIT_EXPECT_EQ(test, nvgsp_msgq_free_slots(2, 60, SLOTS), 4);
	KUNIT_EXPECT_EQ(test, nvgsp_msgq_advance(60, 5, SLOTS), 2);
	/* a pointer out of range reads as full / empty */
	KUNIT_EXPECT_EQ(test, nvgsp_msgq_free_slots(SLOTS, 0, SLOTS), 0);
	KUNIT_EXPECT_EQ(test, nvgsp_msgq_free_slots(0, SLOTS, SLOTS), 0);
	KUNIT_EXPECT_EQ(test, nvgsp_msgq_used_slots(~0u, 0, SLOTS), 0);
	KUNIT_EXPECT_EQ(test, nvgsp_msgq_used_slots(0, 0, 0), 0);
}

static void gsp_msgq_test_elem_count(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, nvgsp_msgq_advance(0, 0, SLOTS), 0);
	KUNIT_EXPECT_EQ(test, nvgsp_msg_elem_count(NVGSP_RPC_HDR_SIZE), 1);
	KUNIT_EXPECT_EQ(test, nvgsp_msg_elem_count(SLOT - NVGSP_MSG_HDR_SIZE), 1);
	KUNIT_EXPECT_EQ(test, nvgsp_msg_elem_count(SLOT - NVGSP_MSG_HDR_SIZE + 1),
			2);
	KUNIT_EXPECT_EQ(test, nvgsp_msg_elem_count(NVGSP_RPC_MAX_SIZE),
			NVGSP_MSG_MAX_SLOTS);
	KUNIT_EXPECT_EQ(test, nvgsp_msg_elem_count(NVGSP_RPC_MAX_SIZE + 1),
			NVGSP_MSG_MAX_SLOTS + 1);
}

static void gsp_msgq_test_checksum(struct kunit *test)
{
	u64 words[2] = { 0x1122334455667788ULL, 0 };
	struct nvgsp_msg_element *m;
	unsigned int r;

	KUNIT_EXPECT_EQ(test, nvgsp_msg_checksum(words, sizeof(words)),
			0x11223344 ^ 0x55667788);
	words[1] = words[0];
	KUNIT_EXPECT_EQ(test, nvgsp_msg_checksum(words, sizeof(words)), 0);

	for (r = 0; r < ARRAY_SIZE(rules); r++) {
		size_t slots, exact;

		m = test_msg(test, NV_VGPU_MSG_FUNCTION_NOP, 100, 5, rules[r]);
		slots = nvgsp_msg_csum_len(NVGSP_CSUM_WHOLE_SLOTS, m);
		exact = nvgsp_msg_csum_len(NVGSP_CSUM_MSG_LEN, m);
		/* zero slack: a sealed message checks under both rules */
		KUNIT_EXPECT_EQ(test, nvgsp_msg_checksum(m, slots), 0);
		KUNIT_EXPECT_EQ(test, nvgsp_msg_checksum(m, exact), 0);
		((u8 *)(m + 1))[50] ^= 0x10;
		KUNIT_EXPECT_NE(test, nvgsp_msg_checksum(m, slots), 0);
		KUNIT_EXPECT_NE(test, nvgsp_msg_checksum(m, exact), 0);
	}
}

static void gsp_msgq_test_csum_rules_differ(struct kunit *test)
{
	struct nvgsp_msg_element *m;
	const char *reason;

	m = test_msg(test, NV_VGPU_MSG_FUNCTION_NOP, 16, 0, NVGSP_CSUM_MSG_LEN);
	KUNIT_EXPECT_EQ(test, nvgsp_msg_csum_len(NVGSP_CSUM_WHOLE_SLOTS, m),
			SLOT);
	KUNIT_EXPECT_EQ(test, nvgsp_msg_csum_len(NVGSP_CSUM_MSG_LEN, m),
			ALIGN(NVGSP_MSG_HDR_SIZE + NVGSP_RPC_HDR_SIZE + 16, 8));
	/* garbage in the slack: only the 570 rule still accepts it */
	((u8 *)m)[SLOT - 1] = 0xa5;
	KUNIT_EXPECT_EQ(test, nvgsp_msg_check_body(m, 0, NVGSP_CSUM_MSG_LEN,
						   &reason), 0);
	KUNIT_EXPECT_EQ(test, nvgsp_msg_check_body(m, 0, NVGSP_CSUM_WHOLE_SLOTS,
						   &reason), -EBADMSG);
}

static void gsp_msgq_test_check_head(struct kunit *test)
{
	struct nvgsp_msg_element *m;
	const char *reason = NULL;

	m = test_msg(test, NV_VGPU_MSG_FUNCTION_NOP, 5000, 0,
		     NVGSP_CSUM_WHOLE_SLOTS);
	KUNIT_EXPECT_EQ(test, nvgsp_msg_check_head(m, SLOTS - 1, &reason), 2);

	m->elem_count = 0;
	KUNIT_EXPECT_EQ(test, nvgsp_msg_check_head(m, SLOTS - 1, &reason),
			-EPROTO);
	KUNIT_EXPECT_STREQ(test, reason, "element count out of range");
	m->elem_count = NVGSP_MSG_MAX_SLOTS + 1;
	KUNIT_EXPECT_EQ(test, nvgsp_msg_check_head(m, SLOTS - 1, &reason),
			-EPROTO);
	m->elem_count = 2;
	KUNIT_EXPECT_EQ(test, nvgsp_msg_check_head(m, 1, &reason), -EPROTO);
	KUNIT_EXPECT_STREQ(test, reason,
			   "element count exceeds the published slots");
	m->elem_count = 3;
	KUNIT_EXPECT_EQ(test, nvgsp_msg_check_head(m, SLOTS - 1, &reason),
			-EPROTO);
	KUNIT_EXPECT_STREQ(test, reason,
			   "element count does not match rpc length");
	m->elem_count = 2;
	m->rpc.length = NVGSP_RPC_HDR_SIZE - 1;
	KUNIT_EXPECT_EQ(test, nvgsp_msg_check_head(m, SLOTS - 1, &reason),
			-EPROTO);
	KUNIT_EXPECT_STREQ(test, reason, "rpc length out of range");
	m->rpc.length = NVGSP_RPC_MAX_SIZE + 1;
	KUNIT_EXPECT_EQ(test, nvgsp_msg_check_head(m, SLOTS - 1, &reason),
			-EPROTO);
}

static void gsp_msgq_test_check_body(struct kunit *test)
{
	struct nvgsp_msg_element *m;
	const char *reason = NULL;
	unsigned int r;

	for (r = 0; r < ARRAY_SIZE(rules); r++) {
		m = test_msg(test, NV_VGPU_MSG_FUNCTION_GSP_RM_CONTROL, 24, 7,
			     rules[r]);
		KUNIT_EXPECT_EQ(test, nvgsp_msg_check_body(m, 7, rules[r],
							   &reason), 0);
		KUNIT_EXPECT_EQ(test, nvgsp_msg_check_body(m, 8, rules[r],
							   &reason), -EPROTO);
		KUNIT_EXPECT_STREQ(test, reason, "sequence number out of order");

		m->rpc.header_version = 0x02000000;
		nvgsp_msg_seal(m, 7, rules[r]);
		KUNIT_EXPECT_EQ(test, nvgsp_msg_check_body(m, 7, rules[r],
							   &reason), -EPROTO);
		KUNIT_EXPECT_STREQ(test, reason, "unknown rpc header version");

		m->rpc.header_version = NVGSP_RPC_HEADER_VERSION;
		m->rpc.signature = 0x12345678;
		nvgsp_msg_seal(m, 7, rules[r]);
		KUNIT_EXPECT_EQ(test, nvgsp_msg_check_body(m, 7, rules[r],
							   &reason), -EPROTO);
		KUNIT_EXPECT_STREQ(test, reason, "bad rpc signature");

		m->rpc.signature = NVGSP_RPC_SIGNATURE;
		nvgsp_msg_seal(m, 7, rules[r]);
		m->checksum++;
		KUNIT_EXPECT_EQ(test, nvgsp_msg_check_body(m, 7, rules[r],
							   &reason), -EBADMSG);
		KUNIT_EXPECT_STREQ(test, reason, "bad checksum");
	}
}

static void gsp_msgq_test_check_tx(struct kunit *test)
{
	struct nvgsp_msgq_tx_header good, tx;
	const char *reason = NULL;

	nvgsp_msgq_tx_init(&good);
	KUNIT_EXPECT_EQ(test, nvgsp_msgq_check_tx(&good, NVGSP_QUEUE_SIZE,
						  &reason), 0);
	KUNIT_EXPECT_EQ(test, good.msg_count, SLOTS);

#define EXPECT_TX_BAD(field, value, why) do {				\
	tx = good;							\
	tx.field = (value);						\
	KUNIT_EXPECT_EQ(test, nvgsp_msgq_check_tx(&tx, NVGSP_QUEUE_SIZE, \
						  &reason), -EPROTO);	\
	KUNIT_EXPECT_STREQ(test, reason, why);				\
} while (0)

	EXPECT_TX_BAD(version, 1, "unknown queue version");
	EXPECT_TX_BAD(size, NVGSP_QUEUE_SIZE * 2, "queue size mismatch");
	EXPECT_TX_BAD(msg_size, 2048, "slot size is not 4096");
	EXPECT_TX_BAD(rx_hdr_off, 0x10, "rx header offset");
	EXPECT_TX_BAD(entry_off, 0x2000, "entry offset");
	EXPECT_TX_BAD(msg_count, SLOTS + 1,
		      "slot count does not match queue size");
	EXPECT_TX_BAD(write_ptr, SLOTS, "write pointer out of range");
	EXPECT_TX_BAD(flags, 0, "swap-rx flag missing");
#undef EXPECT_TX_BAD
}

static void gsp_msgq_test_versions(struct kunit *test)
{
	const struct nvgsp_fw_abi *r535 = nvgsp_fw_abi_find("535.113.01");
	const struct nvgsp_fw_abi *r570 = nvgsp_fw_abi_find("570.144");
	const struct nvgsp_fw_abi *abis[2];
	unsigned int v, ev;

	KUNIT_ASSERT_NOT_NULL(test, r535);
	KUNIT_ASSERT_NOT_NULL(test, r570);
	KUNIT_EXPECT_NULL(test, nvgsp_fw_abi_find("999.1"));
	KUNIT_EXPECT_NULL(test, nvgsp_fw_abi_find("535.113"));
	KUNIT_EXPECT_NULL(test, nvgsp_fw_abi_find(NULL));

	KUNIT_EXPECT_EQ(test, r535->csum_rule, NVGSP_CSUM_WHOLE_SLOTS);
	KUNIT_EXPECT_EQ(test, r570->csum_rule, NVGSP_CSUM_MSG_LEN);
	KUNIT_EXPECT_EQ(test, r535->args_cached_size, 80);
	KUNIT_EXPECT_EQ(test, r570->args_cached_size, 72);
	KUNIT_EXPECT_EQ(test, nvgsp_fw_abi_event(r535, NVGSP_EVENT_GSP_INIT_DONE),
			0x1001);
	KUNIT_EXPECT_EQ(test, nvgsp_fw_abi_event(r570, NVGSP_EVENT_GSP_INIT_DONE),
			0x1001);
	KUNIT_EXPECT_EQ(test, nvgsp_fw_abi_event(r535, NVGSP_EVENT_GSP_LOCKDOWN_NOTICE),
			0x101d);
	KUNIT_EXPECT_EQ(test, nvgsp_fw_abi_event(r570, NVGSP_EVENT_GSP_LOCKDOWN_NOTICE),
			0x101c);
	KUNIT_EXPECT_EQ(test, nvgsp_fw_abi_event(r570,
						 NVGSP_EVENT_GSP_SEND_USER_SHARED_DATA),
			0);
	KUNIT_EXPECT_EQ(test, nvgsp_fw_abi_event(r535, NVGSP_EVENT_NR), 0);
	/* 0x101b means different things */
	KUNIT_EXPECT_EQ(test, nvgsp_fw_abi_event_lookup(r535, 0x101b),
			NVGSP_EVENT_GSP_SEND_USER_SHARED_DATA);
	KUNIT_EXPECT_EQ(test, nvgsp_fw_abi_event_lookup(r570, 0x101b),
			NVGSP_EVENT_NVLINK_FAULT_UP);
	KUNIT_EXPECT_EQ(test, nvgsp_fw_abi_event_lookup(r535,
							NV_VGPU_MSG_FUNCTION_FREE),
			NVGSP_EVENT_NR);

	abis[0] = r535;
	abis[1] = r570;
	for (v = 0; v < ARRAY_SIZE(abis); v++) {
		for (ev = 0; ev < NVGSP_EVENT_NR; ev++) {
			u32 fn = nvgsp_fw_abi_event(abis[v], ev);

			if (fn)
				KUNIT_EXPECT_EQ(test,
						nvgsp_fw_abi_event_lookup(abis[v], fn),
						ev);
		}
	}
}

static void gsp_msgq_test_args_cached(struct kunit *test)
{
	static const char * const versions[] = { "535.113.01", "570.144" };
	struct nvgsp_mq_location in = {
		.shared_mem_pa = 0x123456789000ULL,
		.pte_count = NVGSP_SHARED_PTES,
		.cmdq_offset = NVGSP_CMDQ_OFFSET,
		.statq_offset = NVGSP_STATQ_OFFSET,
	}, out;
	u8 *buf = kunit_kzalloc(test, NVGSP_PAGE_SIZE, GFP_KERNEL);
	unsigned int v;

	KUNIT_ASSERT_NOT_NULL(test, buf);
	for (v = 0; v < ARRAY_SIZE(versions); v++) {
		const struct nvgsp_fw_abi *abi = nvgsp_fw_abi_find(versions[v]);

		memset(buf, 0, NVGSP_PAGE_SIZE);
		nvgsp_args_cached_write(abi, buf, &in);
		nvgsp_args_cached_read(abi, buf, &out);
		KUNIT_EXPECT_EQ(test, out.shared_mem_pa, in.shared_mem_pa);
		KUNIT_EXPECT_EQ(test, out.pte_count, in.pte_count);
		KUNIT_EXPECT_EQ(test, out.cmdq_offset, in.cmdq_offset);
		KUNIT_EXPECT_EQ(test, out.statq_offset, in.statq_offset);
		/* the rest of the layout (srInit, gpuInstance, ...) stays zero */
		KUNIT_EXPECT_PTR_EQ(test, memchr_inv(buf + abi->mq_init_args_size, 0,
						     NVGSP_PAGE_SIZE - abi->mq_init_args_size),
				    NULL);
	}
	KUNIT_EXPECT_EQ(test, nvgsp_libos_id8("RMARGS"), 0x0000524d41524753ULL);
	KUNIT_EXPECT_EQ(test, nvgsp_libos_id8("LOGINIT"), 0x004c4f47494e4954ULL);
}

/*
 * Random messages written at random ring positions (so many wrap), read
 * back and checked; then one random byte of the covered range flipped,
 * which every check must catch.
 */
static void gsp_msgq_test_random(struct kunit *test)
{
	u8 *ring = test_vzalloc(test, (size_t)SLOTS * SLOT);
	u8 *back = test_vzalloc(test, NVGSP_MSG_MAX_SIZE);
	u8 *src = test_vzalloc(test, NVGSP_MSG_MAX_SIZE);
	u32 seed = gsp_msgq_seed ?: get_random_u32();
	struct nvgsp_msg_element *m = (void *)src;
	struct rnd_state rnd;
	const char *reason;
	unsigned int i;

	kunit_info(test, "seed %u (reproduce with nvvgpu_test.gsp_msgq_seed=%u)\n",
		   seed, seed);
	prandom_seed_state(&rnd, seed);

	for (i = 0; i < 500; i++) {
		u32 len = prandom_u32_state(&rnd) % (NVGSP_RPC_MAX_PAYLOAD + 1);
		u32 slot = prandom_u32_state(&rnd) % SLOTS;
		u32 seq = prandom_u32_state(&rnd);
		enum nvgsp_csum_rule rule = rules[prandom_u32_state(&rnd) & 1];
		u32 n = nvgsp_msg_elem_count(NVGSP_RPC_HDR_SIZE + len);
		size_t covered, pos;
		int ret;

		memset(src, 0, (size_t)n * SLOT);
		nvgsp_rpc_header_init(&m->rpc, prandom_u32_state(&rnd) % 203,
				      len, NVGSP_RPC_RESULT_PENDING);
		prandom_bytes_state(&rnd, m + 1, len);
		nvgsp_msg_seal(m, seq, rule);

		nvgsp_ring_write(ring, SLOTS, slot, src, n);
		nvgsp_ring_read(back, ring, SLOTS, slot, n);
		KUNIT_ASSERT_EQ(test, memcmp(back, src, (size_t)n * SLOT), 0);
		KUNIT_ASSERT_EQ(test, nvgsp_msg_check_head((void *)back, n,
							   &reason), (int)n);
		KUNIT_ASSERT_EQ(test, nvgsp_msg_check_body((void *)back, seq,
							   rule, &reason), 0);

		covered = nvgsp_msg_csum_len(rule, (void *)back);
		pos = prandom_u32_state(&rnd) % covered;
		back[pos] ^= 1 << (prandom_u32_state(&rnd) % 8);
		ret = nvgsp_msg_check_head((void *)back, n, &reason);
		if (ret > 0)
			ret = nvgsp_msg_check_body((void *)back, seq, rule,
						   &reason);
		KUNIT_ASSERT_LT_MSG(test, ret, 0,
				    "flip at byte %zu of %u-byte message undetected",
				    pos, len);
	}
}

/*
 * A ring with a producer and a consumer, as the two ends of one queue see
 * it: the producer seals elements into the slots, the consumer runs the
 * checks of DOC: validating a received message in their order.
 */
struct test_ring {
	u8 *slots;
	u8 *stage;
	u8 *back;
	u32 rd;
	u32 wr;
	u32 tx_seq;
	u32 rx_seq;
	enum nvgsp_csum_rule rule;
};

static struct test_ring *test_ring_new(struct kunit *test,
				       enum nvgsp_csum_rule rule, u32 start)
{
	struct test_ring *r = kunit_kzalloc(test, sizeof(*r), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, r);
	r->slots = test_vzalloc(test, (size_t)SLOTS * SLOT);
	r->stage = test_vzalloc(test, NVGSP_MSG_MAX_SIZE);
	r->back = test_vzalloc(test, NVGSP_MSG_MAX_SIZE);
	r->rd = start;
	r->wr = start;
	r->rule = rule;
	return r;
}

/* producer: one element; -ENOSPC when the consumer has not freed room */
static int test_ring_put(struct test_ring *r, u32 fn, u32 token,
			 const void *payload, u32 len)
{
	struct nvgsp_msg_element *m = (void *)r->stage;
	u32 n = nvgsp_msg_elem_count(NVGSP_RPC_HDR_SIZE + len);

	if (nvgsp_msgq_free_slots(r->rd, r->wr, SLOTS) < n)
		return -ENOSPC;
	memset(m, 0, (size_t)n * SLOT);
	nvgsp_rpc_header_init(&m->rpc, fn, len, NV_OK);
	m->rpc.sequence = token;
	memcpy(m + 1, payload, len);
	nvgsp_msg_seal(m, r->tx_seq++, r->rule);
	nvgsp_ring_write(r->slots, SLOTS, r->wr, m, n);
	r->wr = nvgsp_msgq_advance(r->wr, n, SLOTS);
	return 0;
}

/* consumer: the next element into r->back, checked; -ENODATA when empty */
static int test_ring_get(struct test_ring *r, const char **reason)
{
	struct nvgsp_msg_element *m = (void *)r->back;
	u32 used = nvgsp_msgq_used_slots(r->rd, r->wr, SLOTS);
	s32 delta;
	int n, ret;

	if (!used)
		return -ENODATA;
	nvgsp_ring_read(m, r->slots, SLOTS, r->rd, 1);
	n = nvgsp_msg_check_frame(m, used, reason);
	if (n < 0)
		return n;
	nvgsp_ring_read(m, r->slots, SLOTS, r->rd, n);
	r->rd = nvgsp_msgq_advance(r->rd, n, SLOTS);
	ret = nvgsp_msg_check_length(m, reason) ?:
	      nvgsp_msg_check_csum(m, r->rule, reason);
	if (ret)
		return ret;
	delta = nvgsp_seq_delta(m->seq_num, r->rx_seq);
	if (delta < 0) {
		*reason = "replay";
		return -EPROTO;
	}
	r->rx_seq = m->seq_num + 1;
	return nvgsp_msg_check_rpc(m, reason);
}

/* a multi-slot message written at the last slot wraps to slot 0 */
static void gsp_msgq_test_multislot_wrap(struct kunit *test)
{
	static const u32 sizes[] = { 0, 1, SLOT - NVGSP_MSG_HDR_SIZE - NVGSP_RPC_HDR_SIZE,
				     SLOT, 3 * SLOT + 5, NVGSP_RPC_MAX_PAYLOAD };
	u8 *payload = test_vzalloc(test, NVGSP_RPC_MAX_PAYLOAD);
	const struct nvgsp_msg_element *m;
	struct test_ring *r;
	const char *reason;
	unsigned int i, k, start;

	for (i = 0; i < NVGSP_RPC_MAX_PAYLOAD; i++)
		payload[i] = i ^ (i >> 8);
	for (k = 0; k < ARRAY_SIZE(rules); k++) {
		for (i = 0; i < ARRAY_SIZE(sizes); i++) {
			u32 n = nvgsp_msg_elem_count(NVGSP_RPC_HDR_SIZE + sizes[i]);

			/* start so the message ends exactly at, and runs past, the end */
			for (start = SLOTS - n; start <= SLOTS - 1; start++) {
				r = test_ring_new(test, rules[k], start);
				m = (void *)r->back;
				KUNIT_ASSERT_EQ(test, test_ring_put(r, 76, 5, payload,
								    sizes[i]), 0);
				KUNIT_EXPECT_EQ(test, r->wr, (start + n) % SLOTS);
				KUNIT_ASSERT_EQ_MSG(test, test_ring_get(r, &reason), 0,
						    "%u bytes at slot %u: %s", sizes[i],
						    start, reason);
				KUNIT_EXPECT_EQ(test, m->elem_count, n);
				KUNIT_EXPECT_EQ(test, m->rpc.length,
						NVGSP_RPC_HDR_SIZE + sizes[i]);
				KUNIT_EXPECT_EQ(test, memcmp(m + 1, payload, sizes[i]), 0);
				KUNIT_EXPECT_EQ(test, test_ring_get(r, &reason), -ENODATA);
				if (start == SLOTS - 1)
					break;
			}
		}
	}
}

/* a full ring refuses the next element; draining one message frees it */
/*
 * An element written straight into the ring (nvgsp_ring_put_payload() and
 * nvgsp_ring_put_header()) is byte for byte the element built in a buffer
 * and sealed by nvgsp_msg_seal(), for payload lengths around every word
 * and slot boundary, at every slot of the ring, over dirty slots.
 */
static void gsp_msgq_test_ring_put_direct(struct kunit *test)
{
	static const u32 lens[] = {
		0, 1, 7, 8, 9, SLOT - 80, SLOT - 79, SLOT, 3 * SLOT + 5,
		NVGSP_RPC_MAX_PAYLOAD - 1, NVGSP_RPC_MAX_PAYLOAD,
	};
	u8 *ring = test_vzalloc(test, (size_t)SLOTS * SLOT);
	struct nvgsp_msg_element *back = test_vzalloc(test, NVGSP_MSG_MAX_SIZE);
	struct nvgsp_msg_element hdr, *m;
	u32 i, slot, n, seq = 11;
	const char *reason;
	u64 x;

	for (i = 0; i < ARRAY_SIZE(lens); i++) {
		m = test_msg(test, 0x1234, lens[i], 0, NVGSP_CSUM_MSG_LEN);
		m->rpc.sequence = 77;
		n = m->elem_count;
		for (slot = 0; slot < SLOTS; slot++, seq++) {
			memset(ring, 0xa5, (size_t)SLOTS * SLOT);
			x = nvgsp_ring_put_payload(ring, SLOTS, slot, m + 1,
						   lens[i]);
			hdr = *m;
			nvgsp_msg_seal_hdr(&hdr, seq, x);
			nvgsp_ring_put_header(ring, slot, &hdr);

			nvgsp_msg_seal(m, seq, NVGSP_CSUM_MSG_LEN);
			nvgsp_ring_read(back, ring, SLOTS, slot, n);
			KUNIT_ASSERT_EQ_MSG(test, memcmp(back, m, (size_t)n * SLOT), 0,
					    "payload %u at slot %u", lens[i], slot);
			KUNIT_EXPECT_EQ(test, nvgsp_msg_check_frame(back, n, &reason), (int)n);
			KUNIT_EXPECT_EQ(test, nvgsp_msg_check_body(back, seq,
								   NVGSP_CSUM_WHOLE_SLOTS,
								   &reason), 0);
			/* the slot after the element is not touched */
			if (n < SLOTS)
				KUNIT_EXPECT_EQ(test,
						ring[(size_t)((slot + n) % SLOTS) * SLOT],
						0xa5);
		}
	}
}

/*
 * nvgsp_copy_xor() over any split of an element's bytes into pieces, at
 * any lane, copying to any alignment or XORing only: the pieces' XORs add
 * up to nvgsp_xor64() of the element, and the copies are the bytes.
 */
static void gsp_msgq_test_copy_xor(struct kunit *test)
{
	u64 *elem = kunit_kzalloc(test, 256, GFP_KERNEL);
	u8 *dst = kunit_kzalloc(test, 256 + 8, GFP_KERNEL);
	u8 *src = (u8 *)elem;
	u32 off, len, cut, shift;
	u64 only[32], want, x;

	KUNIT_ASSERT_NOT_NULL(test, elem);
	KUNIT_ASSERT_NOT_NULL(test, dst);
	for (off = 0; off < 256; off++)
		src[off] = off * 37 + 11;

	for (off = 0; off < 24; off++) {
		for (len = 0; off + len <= 160; len += len < 24 ? 1 : 13) {
			/* the element with only [off, off + len) kept */
			memset(only, 0, sizeof(only));
			memcpy((u8 *)only + off, src + off, len);
			want = nvgsp_xor64(only, sizeof(only));

			for (cut = 0; cut <= len; cut += len < 16 ? 1 : 7) {
				shift = (off + cut) % 8;
				memset(dst, 0, 256 + 8);
				/* to a misaligned destination, in two pieces */
				x = nvgsp_copy_xor(dst + 1, src + off, cut, off);
				x ^= nvgsp_copy_xor(dst + 1 + cut, src + off + cut,
						    len - cut, off + cut);
				KUNIT_ASSERT_EQ_MSG(test, x, want,
						    "copy of %u at %u cut at %u",
						    len, off, cut);
				KUNIT_ASSERT_EQ(test, memcmp(dst + 1, src + off, len),
						0);
				KUNIT_ASSERT_EQ(test, dst[0], 0);
				KUNIT_ASSERT_EQ(test, dst[1 + len], 0);
				/* XOR only, the source aligned as its element */
				x = nvgsp_copy_xor(NULL, src + off, cut, off) ^
				    nvgsp_copy_xor(NULL, src + off + cut,
						   len - cut, off + cut);
				KUNIT_ASSERT_EQ_MSG(test, x, want,
						    "XOR of %u at %u cut at %u (lane %u)",
						    len, off, cut, shift);
			}
		}
	}
}

/*
 * A message read out of the ring as the host reads it (its headers, its
 * payload in parts straight to where they go, the rest of what the
 * checksum covers XORed only) checks exactly when the message copied
 * whole does, at every slot of the ring, under both rules; and one bit
 * flipped anywhere in the covered bytes fails it.
 */
static void gsp_msgq_test_ring_copy_out(struct kunit *test)
{
	static const u32 lens[] = {
		0, 1, 7, 24, 25, SLOT - 80, SLOT - 79, 3 * SLOT + 5,
		NVGSP_RPC_MAX_PAYLOAD,
	};
	u8 *ring = test_vzalloc(test, (size_t)SLOTS * SLOT);
	u8 *dst = test_vzalloc(test, NVGSP_RPC_MAX_PAYLOAD + 16);
	u32 i, k, slot, cut, n, len, flip;
	struct nvgsp_msg_element hdr, *m;
	const char *reason;
	size_t end, off;
	u64 x;

	for (k = 0; k < ARRAY_SIZE(rules); k++) {
		for (i = 0; i < ARRAY_SIZE(lens); i++) {
			len = lens[i];
			m = test_msg(test, 0x1234, len, 9, rules[k]);
			n = m->elem_count;
			end = nvgsp_msg_csum_len(rules[k], m);
			cut = min_t(u32, len, 24);
			/* every slot where an element can wrap, some others */
			for (slot = 0; slot < SLOTS;
			     slot += slot < 4 || slot > SLOTS - 18 ? 1 : 7) {
				nvgsp_ring_write(ring, SLOTS, slot, m, n);
				nvgsp_ring_peek(&hdr, ring, slot);
				memset(dst, 0xa5, len + 16);
				off = sizeof(hdr);
				/* an RM control's fields, then its parameters */
				x = nvgsp_ring_copy_out(dst + 8, ring, SLOTS, slot,
							off, cut);
				x ^= nvgsp_ring_copy_out(dst + 8 + cut, ring, SLOTS,
							 slot, off + cut, len - cut);
				x ^= nvgsp_ring_copy_out(NULL, ring, SLOTS, slot,
							 off + len, end - off - len);
				KUNIT_ASSERT_EQ_MSG(test,
						    nvgsp_msg_check_csum_xor(&hdr, x, &reason),
						    0, "%u bytes at slot %u, rule %u",
						    len, slot, k);
				KUNIT_ASSERT_EQ(test, memcmp(dst + 8, m + 1, len), 0);
				KUNIT_ASSERT_EQ(test, dst[7], 0xa5);
				KUNIT_ASSERT_EQ(test, dst[8 + len], 0xa5);
			}

			/* any covered bit flipped in the ring fails the check */
			slot = SLOTS - 1;
			for (flip = 0; flip < end; flip += flip < 128 ? 1 : 509) {
				size_t at = ((size_t)slot * SLOT + flip) %
					    ((size_t)SLOTS * SLOT);

				nvgsp_ring_write(ring, SLOTS, slot, m, n);
				ring[at] ^= 1 << (flip % 8);
				nvgsp_ring_peek(&hdr, ring, slot);
				x = nvgsp_ring_copy_out(dst, ring, SLOTS, slot,
							sizeof(hdr), len);
				x ^= nvgsp_ring_copy_out(NULL, ring, SLOTS, slot,
							 sizeof(hdr) + len,
							 end - sizeof(hdr) - len);
				KUNIT_ASSERT_EQ_MSG(test,
						    nvgsp_msg_check_csum_xor(&hdr, x, &reason),
						    -EBADMSG, "flip at byte %u of %u, rule %u",
						    flip, len, k);
			}
		}
	}
}

static void gsp_msgq_test_ring_full(struct kunit *test)
{
	struct test_ring *r = test_ring_new(test, NVGSP_CSUM_WHOLE_SLOTS, 40);
	u8 data[8] = {};
	const char *reason;
	u32 i;

	for (i = 0; i < SLOTS - 1; i++)
		KUNIT_ASSERT_EQ(test, test_ring_put(r, 0, 0, data, sizeof(data)), 0);
	KUNIT_EXPECT_EQ(test, test_ring_put(r, 0, 0, data, sizeof(data)), -ENOSPC);
	KUNIT_EXPECT_EQ(test, test_ring_get(r, &reason), 0);
	KUNIT_EXPECT_EQ(test, test_ring_put(r, 0, 0, data, sizeof(data)), 0);
	for (i = 0; i < SLOTS - 1; i++)
		KUNIT_ASSERT_EQ(test, test_ring_get(r, &reason), 0);
	KUNIT_EXPECT_EQ(test, test_ring_get(r, &reason), -ENODATA);
}

/* every header field wrong in turn, under both rules, with its verdict */
static void gsp_msgq_test_malformed_fields(struct kunit *test)
{
	static const struct {
		const char *what;
		size_t off;
		u32 value;
		bool reseal;
		int err;
		const char *reason;
	} cases[] = {
#define F(field) offsetof(struct nvgsp_msg_element, field)
		{ "elemCount 0", F(elem_count), 0, false, -EPROTO,
		  "element count out of range" },
		{ "elemCount 17", F(elem_count), 17, false, -EPROTO,
		  "element count out of range" },
		{ "elemCount past the published slots", F(elem_count), 3, false,
		  -EPROTO, "element count exceeds the published slots" },
		{ "elemCount against length", F(elem_count), 2, false, -EPROTO,
		  "element count does not match rpc length" },
		{ "length 0", F(rpc.length), 0, false, -EPROTO,
		  "rpc length out of range" },
		{ "length 16", F(rpc.length), 16, false, -EPROTO,
		  "rpc length out of range" },
		{ "length 31", F(rpc.length), 31, false, -EPROTO,
		  "rpc length out of range" },
		{ "length 65489", F(rpc.length), NVGSP_RPC_MAX_SIZE + 1, false,
		  -EPROTO, "rpc length out of range" },
		{ "length -32", F(rpc.length), (u32)-32, false, -EPROTO,
		  "rpc length out of range" },
		{ "checksum", F(checksum), 0x12345678, false, -EBADMSG,
		  "bad checksum" },
		{ "payload bit", NVGSP_MSG_HDR_SIZE + NVGSP_RPC_HDR_SIZE + 3, 0x1,
		  false, -EBADMSG, "bad checksum" },
		{ "function bit", F(rpc.function), 76 ^ 0x100, false, -EBADMSG,
		  "bad checksum" },
		{ "sequence replayed", F(seq_num), 4, true, -EPROTO, "replay" },
		{ "header version", F(rpc.header_version), 0x02000000, true,
		  -EPROTO, "unknown rpc header version" },
		{ "signature", F(rpc.signature), 0x43505257, true, -EPROTO,
		  "bad rpc signature" },
#undef F
	};
	u8 payload[100];
	const char *reason;
	unsigned int c, k;

	memset(payload, 0x5a, sizeof(payload));
	for (k = 0; k < ARRAY_SIZE(rules); k++) {
		for (c = 0; c < ARRAY_SIZE(cases); c++) {
			struct test_ring *r = test_ring_new(test, rules[k], 61);
			struct nvgsp_msg_element *m;
			u32 seq;

			r->tx_seq = 5;
			r->rx_seq = 5;
			KUNIT_ASSERT_EQ(test, test_ring_put(r, 76, 9, payload,
							    sizeof(payload)), 0);
			/* a 2-slot ring window so that elemCount 2 is published */
			KUNIT_ASSERT_EQ(test, test_ring_put(r, 76, 9, payload,
							    sizeof(payload)), 0);
			m = (void *)(r->slots + (size_t)61 * SLOT);
			seq = m->seq_num;
			*(u32 *)((u8 *)m + cases[c].off) = cases[c].value;
			if (cases[c].off == offsetof(struct nvgsp_msg_element,
						     seq_num))
				seq = cases[c].value;
			if (cases[c].reseal)
				nvgsp_msg_seal(m, seq, rules[k]);
			KUNIT_EXPECT_EQ_MSG(test, test_ring_get(r, &reason),
					    cases[c].err, "%s, rule %u",
					    cases[c].what, k);
			KUNIT_EXPECT_STREQ_MSG(test, reason, cases[c].reason,
					       "%s, rule %u", cases[c].what, k);
		}
	}
}

static void gsp_msgq_test_seq_delta(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, nvgsp_seq_delta(5, 5), 0);
	KUNIT_EXPECT_EQ(test, nvgsp_seq_delta(7, 5), 2);
	KUNIT_EXPECT_EQ(test, nvgsp_seq_delta(4, 5), -1);
	/* across the wrap of the counter */
	KUNIT_EXPECT_EQ(test, nvgsp_seq_delta(1, 0xffffffff), 2);
	KUNIT_EXPECT_EQ(test, nvgsp_seq_delta(0xfffffffe, 0), -2);
}

static void gsp_msgq_test_reply_classify(struct kunit *test)
{
	static const struct {
		u32 fn, token, want_fn, want_token;
		bool echo;
		enum nvgsp_reply_kind kind;
	} cases[] = {
		{ 76, 7, 76, 7, true, NVGSP_REPLY_MINE },
		{ 76, 7, 76, 7, false, NVGSP_REPLY_MINE },
		{ 10, 7, 76, 7, true, NVGSP_REPLY_FOREIGN },
		/* a late reply of the same function: never taken */
		{ 76, 6, 76, 7, true, NVGSP_REPLY_STALE },
		{ 76, 6, 76, 7, false, NVGSP_REPLY_STALE },
		{ 76, 6, 0, 0, true, NVGSP_REPLY_STALE },
		/* token 0: unsolicited, unless the firmware never echoes */
		{ 76, 0, 76, 7, true, NVGSP_REPLY_UNSOLICITED },
		{ 76, 0, 76, 7, false, NVGSP_REPLY_MINE },
		{ 10, 0, 76, 7, false, NVGSP_REPLY_UNSOLICITED },
		{ 72, 0, 0, 0, false, NVGSP_REPLY_UNSOLICITED },
	};
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(cases); i++)
		KUNIT_EXPECT_EQ_MSG(test,
				    nvgsp_reply_classify(cases[i].fn, cases[i].token,
							 cases[i].want_fn,
							 cases[i].want_token,
							 cases[i].echo),
				    cases[i].kind, "case %u", i);
}

/*
 * Stream @total bytes of payload as an RPC with continuation records
 * through a ring starting at @start, the consumer reassembling as the
 * producer fills; returns the reassembled copy.
 */
static u8 *test_stream(struct kunit *test, const u8 *src, u32 total,
		       u32 start, enum nvgsp_csum_rule rule, u32 *elements)
{
	struct test_ring *r = test_ring_new(test, rule, start);
	const struct nvgsp_msg_element *m = (void *)r->back;
	u8 *dst = test_vzalloc(test, total + 1);
	struct nvgsp_reasm ra = {};
	bool started = false;
	u32 off = 0, chunk, len, at;
	const char *reason;
	int ret, done = 0;

	*elements = 0;
	while (!done) {
		if (off < total || (!total && !*elements)) {
			chunk = nvgsp_split_chunk(total, off);
			ret = test_ring_put(r, nvgsp_split_function(76, off), 9,
					    src + off, chunk);
			if (!ret) {
				off += chunk;
				++*elements;
			}
		}
		ret = test_ring_get(r, &reason);
		if (ret == -ENODATA)
			continue;
		KUNIT_ASSERT_EQ_MSG(test, ret, 0, "%s", reason);
		len = m->rpc.length - NVGSP_RPC_HDR_SIZE;
		/* placed at what was counted so far, as far as there is room */
		at = started ? ra.len : 0;
		if (at < total)
			memcpy(dst + at, m + 1, min(len, total - at));
		if (!started) {
			KUNIT_ASSERT_EQ(test, m->rpc.function, 76);
			done = nvgsp_reasm_start(&ra, total, len);
			started = true;
		} else {
			KUNIT_ASSERT_EQ(test, m->rpc.function,
					NV_VGPU_MSG_FUNCTION_CONTINUATION_RECORD);
			done = nvgsp_reasm_add(&ra, len, &reason);
			KUNIT_ASSERT_GE_MSG(test, done, 0, "%s", reason);
		}
	}
	KUNIT_EXPECT_EQ(test, ra.len, total);
	KUNIT_EXPECT_EQ(test, test_ring_get(r, &reason), -ENODATA);
	KUNIT_EXPECT_EQ(test, *elements, nvgsp_split_elements(total));
	return dst;
}

/*
 * Continuation records, host to GSP (the emulator knows the total from
 * params_size) and GSP to host (the host from the size of its request):
 * the same split and reassembly, at the boundaries of the element size.
 */
static void gsp_msgq_test_continuation(struct kunit *test)
{
	static const u32 totals[] = {
		0, 1, NVGSP_RPC_MAX_PAYLOAD - 1, NVGSP_RPC_MAX_PAYLOAD,
		NVGSP_RPC_MAX_PAYLOAD + 1, 65536 + 16, 2 * NVGSP_RPC_MAX_PAYLOAD,
		2 * NVGSP_RPC_MAX_PAYLOAD + 7, NVVGPU_TEST_ECHO_MAX,
	};
	u8 *src = test_vzalloc(test, NVVGPU_TEST_ECHO_MAX);
	u32 i, k, elements;
	u8 *dst;

	for (i = 0; i < NVVGPU_TEST_ECHO_MAX; i++)
		src[i] = i * 7 + (i >> 16);
	for (k = 0; k < ARRAY_SIZE(rules); k++) {
		for (i = 0; i < ARRAY_SIZE(totals); i++) {
			dst = test_stream(test, src, totals[i], (i * 13) % SLOTS,
					  rules[k], &elements);
			KUNIT_EXPECT_EQ_MSG(test, memcmp(dst, src, totals[i]), 0,
					    "%u bytes in %u elements", totals[i],
					    elements);
		}
	}
	KUNIT_EXPECT_EQ(test, nvgsp_split_elements(0), 1);
	KUNIT_EXPECT_EQ(test, nvgsp_split_elements(NVGSP_RPC_MAX_PAYLOAD), 1);
	KUNIT_EXPECT_EQ(test, nvgsp_split_elements(NVGSP_RPC_MAX_PAYLOAD + 1), 2);
	KUNIT_EXPECT_EQ(test, nvgsp_split_function(76, 0), 76);
	KUNIT_EXPECT_EQ(test, nvgsp_split_function(76, 1),
			NV_VGPU_MSG_FUNCTION_CONTINUATION_RECORD);
}

/* records that do not add up to the message are refused */
static void gsp_msgq_test_reasm_errors(struct kunit *test)
{
	u32 full = NVGSP_RPC_MAX_PAYLOAD, total = 2 * full + 10;
	struct nvgsp_reasm ra;
	const char *reason;

	/* a short first element is the whole message, whatever was expected */
	KUNIT_EXPECT_EQ(test, nvgsp_reasm_start(&ra, total, 10), 1);
	KUNIT_EXPECT_EQ(test, ra.len, 10);
	/* a full one of an expected-longer message wants records */
	KUNIT_EXPECT_EQ(test, nvgsp_reasm_start(&ra, total, full), 0);
	KUNIT_EXPECT_EQ(test, nvgsp_reasm_add(&ra, 0, &reason), -EPROTO);
	KUNIT_EXPECT_STREQ(test, reason, "continuation record runs past the message");
	KUNIT_EXPECT_EQ(test, nvgsp_reasm_add(&ra, 5, &reason), -EPROTO);
	KUNIT_EXPECT_STREQ(test, reason, "short continuation record before the end");
	KUNIT_EXPECT_EQ(test, nvgsp_reasm_add(&ra, full, &reason), 0);
	KUNIT_EXPECT_EQ(test, nvgsp_reasm_add(&ra, 11, &reason), -EPROTO);
	KUNIT_EXPECT_STREQ(test, reason, "continuation record runs past the message");
	KUNIT_EXPECT_EQ(test, nvgsp_reasm_add(&ra, 10, &reason), 1);
	KUNIT_EXPECT_EQ(test, ra.len, total);
	/* a full first element of a message expected to fit is complete */
	KUNIT_EXPECT_EQ(test, nvgsp_reasm_start(&ra, 100, full), 1);
	KUNIT_EXPECT_EQ(test, ra.len, full);
}

/*
 * Property: any payload split into records, streamed through a ring that
 * starts anywhere and is drained at random moments, under either rule,
 * comes back whole; and a bit flipped in any covered byte of any element
 * is caught by the checks or the reassembly.
 */
static void gsp_msgq_test_random_stream(struct kunit *test)
{
	u8 *src = test_vzalloc(test, NVVGPU_TEST_ECHO_MAX);
	u32 seed = gsp_msgq_seed ?: get_random_u32();
	struct rnd_state rnd;
	u32 i, elements;
	u8 *dst;

	kunit_info(test, "seed %u (reproduce with nvvgpu_test.gsp_msgq_seed=%u)\n",
		   seed, seed);
	prandom_seed_state(&rnd, seed);
	for (i = 0; i < 40; i++) {
		u32 total = prandom_u32_state(&rnd) % (NVVGPU_TEST_ECHO_MAX + 1);
		u32 start = prandom_u32_state(&rnd) % SLOTS;
		enum nvgsp_csum_rule rule = rules[prandom_u32_state(&rnd) & 1];

		prandom_bytes_state(&rnd, src, total);
		dst = test_stream(test, src, total, start, rule, &elements);
		KUNIT_ASSERT_EQ_MSG(test, memcmp(dst, src, total), 0,
				    "%u bytes from slot %u", total, start);
	}
}

static struct kunit_case gsp_msgq_test_cases[] = {
	KUNIT_CASE(gsp_msgq_test_empty_full),
	KUNIT_CASE(gsp_msgq_test_every_slot_count),
	KUNIT_CASE(gsp_msgq_test_wrap_and_range),
	KUNIT_CASE(gsp_msgq_test_elem_count),
	KUNIT_CASE(gsp_msgq_test_checksum),
	KUNIT_CASE(gsp_msgq_test_csum_rules_differ),
	KUNIT_CASE(gsp_msgq_test_check_head),
	KUNIT_CASE(gsp_msgq_test_check_body),
	KUNIT_CASE(gsp_msgq_test_check_tx),
	KUNIT_CASE(gsp_msgq_test_versions),
	KUNIT_CASE(gsp_msgq_test_args_cached),
	KUNIT_CASE(gsp_msgq_test_random),
	KUNIT_CASE(gsp_msgq_test_multislot_wrap),
	KUNIT_CASE(gsp_msgq_test_ring_put_direct),
	KUNIT_CASE(gsp_msgq_test_copy_xor),
	KUNIT_CASE(gsp_msgq_test_ring_copy_out),
	KUNIT_CASE(gsp_msgq_test_ring_full),
	KUNIT_CASE(gsp_msgq_test_malformed_fields),
	KUNIT_CASE(gsp_msgq_test_seq_delta),
	KUNIT_CASE(gsp_msgq_test_reply_classify),
	KUNIT_CASE(gsp_msgq_test_continuation),
	KUNIT_CASE(gsp_msgq_test_reasm_errors),
	KUNIT_CASE(gsp_msgq_test_random_stream),
	{}
};

static struct kunit_suite gsp_msgq_test_suite = {
	.name = "nvvgpu_gsp_msgq",
	.test_cases = gsp_msgq_test_cases,
};

kunit_test_suite(gsp_msgq_test_suite);

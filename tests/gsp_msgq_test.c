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
	{}
};

static struct kunit_suite gsp_msgq_test_suite = {
	.name = "nvvgpu_gsp_msgq",
	.test_cases = gsp_msgq_test_cases,
};

kunit_test_suite(gsp_msgq_test_suite);

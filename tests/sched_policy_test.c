// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests of the nvvgpu scheduling decision.
 *
 * Copyright (c) 2026 The nvvgpu developers
 */

#include <kunit/test.h>

#include <nvvgpu/core_types.h>

#include "../sched/sched_policy.h"

struct sched_test_ctx {
	struct nvvgpu_sched_rq rq;
	struct nvvgpu_vgpu vgpu[4];
	struct nvvgpu_sched_entity se[4];
};

static int sched_test_init(struct kunit *test)
{
	struct sched_test_ctx *ctx;
	int i;

	ctx = kunit_kzalloc(test, sizeof(*ctx), GFP_KERNEL);
	if (!ctx)
		return -ENOMEM;
	spin_lock_init(&ctx->rq.lock);
	INIT_LIST_HEAD(&ctx->rq.entities);
	ctx->rq.timeslice_us = 2000;
	for (i = 0; i < 4; i++) {
		ctx->vgpu[i].id = i;
		ctx->vgpu[i].weight = i + 1;
		ctx->se[i].vgpu = &ctx->vgpu[i];
		list_add_tail(&ctx->se[i].link, &ctx->rq.entities);
	}
	test->priv = ctx;
	return 0;
}

static struct nvvgpu_sched_entity *pick(struct sched_test_ctx *ctx)
{
	struct nvvgpu_sched_entity *se;

	spin_lock(&ctx->rq.lock);
	se = nvvgpu_sched_pick_next(&ctx->rq);
	ctx->rq.curr = se;
	spin_unlock(&ctx->rq.lock);
	return se;
}

static void sched_test_idle(struct kunit *test)
{
	struct sched_test_ctx *ctx = test->priv;

	KUNIT_EXPECT_NULL(test, pick(ctx));
	INIT_LIST_HEAD(&ctx->rq.entities);
	KUNIT_EXPECT_NULL(test, pick(ctx));
}

static void sched_test_round_robin(struct kunit *test)
{
	struct sched_test_ctx *ctx = test->priv;
	int i;

	ctx->se[0].runnable = true;
	ctx->se[2].runnable = true;
	ctx->se[3].runnable = true;
	for (i = 0; i < 3; i++) {
		KUNIT_EXPECT_PTR_EQ(test, pick(ctx), &ctx->se[0]);
		KUNIT_EXPECT_PTR_EQ(test, pick(ctx), &ctx->se[2]);
		KUNIT_EXPECT_PTR_EQ(test, pick(ctx), &ctx->se[3]);
	}
	/* the holder blocks: the next runnable gets it */
	ctx->se[0].runnable = false;
	KUNIT_EXPECT_PTR_EQ(test, pick(ctx), &ctx->se[2]);
	KUNIT_EXPECT_PTR_EQ(test, pick(ctx), &ctx->se[3]);
	KUNIT_EXPECT_PTR_EQ(test, pick(ctx), &ctx->se[2]);
}

static void sched_test_only_one(struct kunit *test)
{
	struct sched_test_ctx *ctx = test->priv;

	ctx->se[1].runnable = true;
	KUNIT_EXPECT_PTR_EQ(test, pick(ctx), &ctx->se[1]);
	/* alone, it keeps the GPU */
	KUNIT_EXPECT_PTR_EQ(test, pick(ctx), &ctx->se[1]);
	ctx->se[1].runnable = false;
	KUNIT_EXPECT_NULL(test, pick(ctx));
}

static void sched_test_slices(struct kunit *test)
{
	struct sched_test_ctx *ctx = test->priv;

	ctx->rq.policy = NVVGPU_SCHED_BEST_EFFORT;
	KUNIT_EXPECT_EQ(test, nvvgpu_sched_slice_ns(&ctx->rq, &ctx->se[3]),
			2000ULL * NSEC_PER_USEC);
	ctx->rq.policy = NVVGPU_SCHED_WEIGHTED;
	KUNIT_EXPECT_EQ(test, nvvgpu_sched_slice_ns(&ctx->rq, &ctx->se[0]),
			2000ULL * NSEC_PER_USEC);
	KUNIT_EXPECT_EQ(test, nvvgpu_sched_slice_ns(&ctx->rq, &ctx->se[3]),
			4 * 2000ULL * NSEC_PER_USEC);
	ctx->vgpu[3].weight = 0;
	KUNIT_EXPECT_EQ(test, nvvgpu_sched_slice_ns(&ctx->rq, &ctx->se[3]),
			2000ULL * NSEC_PER_USEC);
	ctx->vgpu[3].weight = 1000;
	KUNIT_EXPECT_EQ(test, nvvgpu_sched_slice_ns(&ctx->rq, &ctx->se[3]),
			100 * 2000ULL * NSEC_PER_USEC);
	KUNIT_EXPECT_STREQ(test, nvvgpu_sched_policy_name(NVVGPU_SCHED_WEIGHTED),
			   "weighted");
	KUNIT_EXPECT_STREQ(test, nvvgpu_sched_policy_name(NVVGPU_SCHED_POLICY_NR), "?");
}

/* the owner of each slot of a fixed-share round, -1 for an idle slot */
static int pick_fixed(struct sched_test_ctx *ctx, bool *idle)
{
	struct nvvgpu_sched_entity *se;

	spin_lock(&ctx->rq.lock);
	se = nvvgpu_sched_pick_fixed(&ctx->rq, idle);
	spin_unlock(&ctx->rq.lock);
	return se ? (int)se->vgpu->id : -1;
}

/*
 * Fixed share: one slot per vGPU the type allows, in index order; a slot
 * whose vGPU is absent or idle idles the GPU; nothing, not even idle
 * slots, while no vGPU is runnable.
 */
static void sched_test_fixed_share(struct kunit *test)
{
	struct sched_test_ctx *ctx = test->priv;
	struct nvvgpu_vgpu_type type = { .max_instances = 6 };
	static const int want4[] = { -1, 1, -1, 3, -1, 1, -1, 3 };
	static const int want6[] = { -1, 1, -1, 3, -1, -1, -1, 1 };
	bool idle;
	int i;

	KUNIT_EXPECT_EQ(test, pick_fixed(ctx, &idle), -1);
	KUNIT_EXPECT_FALSE(test, idle);

	/* without a type, the slots are the indexes present: 0..3 */
	ctx->se[1].runnable = true;
	ctx->se[3].runnable = true;
	for (i = 0; i < ARRAY_SIZE(want4); i++) {
		KUNIT_EXPECT_EQ_MSG(test, pick_fixed(ctx, &idle), want4[i],
				    "slot %d of 4", i);
		KUNIT_EXPECT_EQ(test, idle, want4[i] < 0);
	}

	/* a type allowing 6: slots 4 and 5 idle too, vGPU 1 gets 1/6 */
	for (i = 0; i < 4; i++)
		ctx->vgpu[i].type = &type;
	ctx->rq.slot = 0;
	for (i = 0; i < ARRAY_SIZE(want6); i++) {
		KUNIT_EXPECT_EQ_MSG(test, pick_fixed(ctx, &idle), want6[i],
				    "slot %d of 6", i);
		KUNIT_EXPECT_EQ(test, idle, want6[i] < 0);
	}

	ctx->rq.policy = NVVGPU_SCHED_FIXED_SHARE;
	KUNIT_EXPECT_EQ(test, nvvgpu_sched_slice_ns(&ctx->rq, &ctx->se[3]),
			2000ULL * NSEC_PER_USEC);
}

/* names round-trip; anything else, NULL included, is no policy */
static void sched_test_policy_lookup(struct kunit *test)
{
	enum nvvgpu_sched_policy p;

	for (p = 0; p < NVVGPU_SCHED_POLICY_NR; p++)
		KUNIT_EXPECT_EQ(test,
				nvvgpu_sched_policy_lookup(nvvgpu_sched_policy_name(p)),
				p);
	KUNIT_EXPECT_EQ(test, nvvgpu_sched_policy_lookup("fair"),
			NVVGPU_SCHED_POLICY_NR);
	KUNIT_EXPECT_EQ(test, nvvgpu_sched_policy_lookup("weighted "),
			NVVGPU_SCHED_POLICY_NR);
	KUNIT_EXPECT_EQ(test, nvvgpu_sched_policy_lookup(""),
			NVVGPU_SCHED_POLICY_NR);
	KUNIT_EXPECT_EQ(test, nvvgpu_sched_policy_lookup(NULL),
			NVVGPU_SCHED_POLICY_NR);
}

static struct kunit_case sched_test_cases[] = {
	KUNIT_CASE(sched_test_idle),
	KUNIT_CASE(sched_test_round_robin),
	KUNIT_CASE(sched_test_only_one),
	KUNIT_CASE(sched_test_slices),
	KUNIT_CASE(sched_test_fixed_share),
	KUNIT_CASE(sched_test_policy_lookup),
	{}
};

static struct kunit_suite sched_test_suite = {
	.name = "nvvgpu_sched_policy",
	.init = sched_test_init,
	.test_cases = sched_test_cases,
};

kunit_test_suite(sched_test_suite);

// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests of the nvvgpu scheduling decision, on a virtual clock with a
 * fake engine: each entity has a workload (always busy, idle, or a job of
 * job_ns every period_ns), the engine runs the holder's work whenever it
 * has some, and reports work arriving and running out as a backend would.
 *
 * Copyright (c) 2026 The nvvgpu developers
 */

#include <kunit/test.h>
#include <linux/math64.h>
#include <linux/prandom.h>

#include <nvvgpu/compat.h>
#include <nvvgpu/core_types.h>

#include "../sched/sched_policy.h"

#define MS	NSEC_PER_MSEC
#define SEC	NSEC_PER_SEC
#define MAX_N	64

struct fake_load {
	u64 period_ns;		/* 0: always busy (if job_ns) */
	u64 job_ns;		/* 0: idle */
	u64 next_arrival;
	u64 demand;		/* work queued, ns; U64_MAX: endless */
};

struct fake_gpu {
	struct kunit *test;
	struct nvvgpu_sched_rq rq;
	struct nvvgpu_sched_entity se[MAX_N];
	struct fake_load load[MAX_N];
	u64 busy[MAX_N];	/* engine time each got */
	u64 host_busy;
	u64 idle;		/* GPU time nobody's work ran */
	u64 latency_max[MAX_N];	/* longest a job waited to start */
	u64 arrived_at[MAX_N];
	u32 n;
	u64 now;
	u64 slice_end;
};

static const struct nvvgpu_sched_params fake_params = {
	.policy = NVVGPU_SCHED_BEST_EFFORT,
	.timeslice_us = 1000,
	.arr_avg_factor = NVVGPU_SCHED_ARR_AVG_DEFAULT,
	.arr_frequency = NVVGPU_SCHED_ARR_FREQ_DEFAULT,
	.arr_min_us = 1000,
	.arr_max_us = 10000,
	.host_weight = 1,
};

static struct fake_gpu *fake_new(struct kunit *test, u32 n,
				 enum nvvgpu_sched_policy policy)
{
	struct fake_gpu *g = kunit_kzalloc(test, sizeof(*g), GFP_KERNEL);
	struct nvvgpu_sched_params p = fake_params;
	u32 i;

	KUNIT_ASSERT_NOT_NULL(test, g);
	KUNIT_ASSERT_LE(test, n, MAX_N);
	g->test = test;
	g->n = n;
	g->now = 1;
	p.policy = policy;
	p.fixed_slots = n;
	spin_lock_init(&g->rq.lock);
	nvvgpu_sched_rq_init(&g->rq, &p);
	spin_lock(&g->rq.lock);
	for (i = 0; i < n; i++) {
		/* no work until fake_load() gives it some */
		g->load[i].next_arrival = U64_MAX;
		nvvgpu_sched_entity_init(&g->se[i], i, i + 1, 1);
		nvvgpu_sched_add(&g->rq, &g->se[i]);
	}
	spin_unlock(&g->rq.lock);
	return g;
}

/* entity @i's workload from now on; @open: a VMM has it open */
static void fake_load(struct fake_gpu *g, u32 i, bool open, u64 period_ns,
		      u64 job_ns)
{
	struct fake_load *l = &g->load[i];

	l->period_ns = period_ns;
	l->job_ns = job_ns;
	l->demand = job_ns && !period_ns ? U64_MAX : 0;
	l->next_arrival = period_ns ? g->now : U64_MAX;
	spin_lock(&g->rq.lock);
	nvvgpu_sched_set_open(&g->rq, &g->se[i], open, g->now);
	nvvgpu_sched_set_work(&g->rq, &g->se[i], l->demand > 0, g->now);
	spin_unlock(&g->rq.lock);
	g->slice_end = g->now;	/* decide again */
}

static void fake_decide(struct fake_gpu *g)
{
	u32 i, ready = 0;

	/* the count the decision relies on instead of a walk */
	for (i = 0; i < g->n; i++)
		ready += g->se[i].open && g->se[i].has_work;
	KUNIT_EXPECT_EQ(g->test, g->rq.n_ready, ready);
	nvvgpu_sched_decide(&g->rq, g->now);
	g->slice_end = g->rq.curr ? g->now + g->rq.slice_ns : U64_MAX;
}

static int fake_index(struct fake_gpu *g, struct nvvgpu_sched_entity *se)
{
	return se && se >= g->se && se < g->se + g->n ? se - g->se : -1;
}

/* run the fake GPU until @until */
static void fake_run(struct fake_gpu *g, u64 until)
{
	struct nvvgpu_sched_rq *rq = &g->rq;
	bool kick;
	u64 t;
	u32 i;
	int c;

	spin_lock(&rq->lock);
	while (g->now < until) {
		if (g->now >= g->slice_end)
			fake_decide(g);
		c = fake_index(g, rq->curr);
		t = min(g->slice_end, until);
		for (i = 0; i < g->n; i++)
			t = min(t, g->load[i].next_arrival);
		if (c >= 0 && g->load[c].demand && g->load[c].demand != U64_MAX)
			t = min(t, g->now + g->load[c].demand);
		t = max(t, g->now + 1);

		/* the engine runs the holder's work, if it has any */
		if (c >= 0 && g->load[c].demand) {
			if (g->arrived_at[c]) {
				g->latency_max[c] = max(g->latency_max[c],
							g->now - g->arrived_at[c]);
				g->arrived_at[c] = 0;
			}
			g->busy[c] += t - g->now;
			if (g->load[c].demand != U64_MAX)
				g->load[c].demand -= t - g->now;
		} else if (rq->curr == &rq->host && rq->host.has_work) {
			g->host_busy += t - g->now;
		} else {
			g->idle += t - g->now;
		}
		g->now = t;

		kick = false;
		if (c >= 0 && !g->load[c].demand)
			kick |= nvvgpu_sched_set_work(rq, &g->se[c], false,
						      g->now);
		for (i = 0; i < g->n; i++) {
			struct fake_load *l = &g->load[i];

			if (l->next_arrival > g->now)
				continue;
			if (!l->demand)
				g->arrived_at[i] = g->now;
			l->demand += l->job_ns;
			l->next_arrival += l->period_ns;
			kick |= nvvgpu_sched_set_work(rq, &g->se[i], true,
						      g->now);
		}
		if (kick)
			g->slice_end = g->now;
	}
	spin_unlock(&rq->lock);
}

static void fake_reset_counts(struct fake_gpu *g)
{
	memset(g->busy, 0, sizeof(g->busy));
	memset(g->latency_max, 0, sizeof(g->latency_max));
	g->host_busy = 0;
	g->idle = 0;
}

/* |got - want| within @pct percent of want */
static void expect_share(struct kunit *test, u64 got, u64 want, u32 pct)
{
	KUNIT_EXPECT_LE_MSG(test, abs_diff(got, want) * 100, want * pct,
			    "got %llu ns, want %llu ns", got, want);
}

static const u32 sched_test_sizes[] = { 2, 8, 32 };

static void sched_test_size_desc(const u32 *n, char *desc)
{
	snprintf(desc, KUNIT_PARAM_DESC_SIZE, "%u vGPUs", *n);
}

KUNIT_ARRAY_PARAM(sched_test_size, sched_test_sizes, sched_test_size_desc);

static void sched_test_equal_share(struct kunit *test)
{
	u32 n = *(const u32 *)test->param_value, i;
	struct fake_gpu *g = fake_new(test, n, NVVGPU_SCHED_EQUAL_SHARE);

	for (i = 0; i < n; i++)
		fake_load(g, i, true, 0, 1);
	fake_run(g, 10 * SEC);
	for (i = 0; i < n; i++)
		expect_share(test, g->busy[i], div_u64(10 * SEC, n), 1);
	KUNIT_EXPECT_LT(test, g->idle, 2 * MS);
}

static void sched_test_weighted(struct kunit *test)
{
	u32 n = *(const u32 *)test->param_value, i, sum = 0;
	struct fake_gpu *g = fake_new(test, n, NVVGPU_SCHED_WEIGHTED);
	struct rnd_state rnd;

	prandom_seed_state(&rnd, 42 + n);
	for (i = 0; i < n; i++) {
		g->se[i].weight = 1 + prandom_u32_state(&rnd) % 4;
		sum += g->se[i].weight;
		fake_load(g, i, true, 0, 1);
	}
	fake_run(g, 10 * SEC);
	for (i = 0; i < n; i++)
		expect_share(test, g->busy[i],
			     div_u64(10 * SEC * g->se[i].weight, sum), 1);
}

static void sched_test_best_effort_skips_idle(struct kunit *test)
{
	u32 n = *(const u32 *)test->param_value, i;
	struct fake_gpu *g = fake_new(test, n, NVVGPU_SCHED_BEST_EFFORT);

	/* entity 0 is open but has no work */
	fake_load(g, 0, true, 0, 0);
	for (i = 1; i < n; i++)
		fake_load(g, i, true, 0, 1);
	fake_run(g, 10 * SEC);
	KUNIT_EXPECT_EQ(test, g->busy[0], 0);
	KUNIT_EXPECT_EQ(test, g->se[0].st.slices, 0);
	for (i = 1; i < n; i++)
		expect_share(test, g->busy[i], div_u64(10 * SEC, n - 1), 1);
	KUNIT_EXPECT_LT(test, g->idle, 2 * MS);
}

static void sched_test_fixed_share_reserves(struct kunit *test)
{
	u32 n = *(const u32 *)test->param_value, i;
	struct fake_gpu *g = fake_new(test, n, NVVGPU_SCHED_FIXED_SHARE);
	struct nvvgpu_sched_params p = g->rq.p;

	/* a round of 2n slots: n vGPUs of a type that allows 2n */
	p.fixed_slots = 2 * n;
	spin_lock(&g->rq.lock);
	nvvgpu_sched_set_params(&g->rq, &p, g->now);
	spin_unlock(&g->rq.lock);
	fake_load(g, 0, true, 0, 1);
	for (i = 1; i < n; i++)
		fake_load(g, i, true, 0, i % 2);
	/* 10 s: with 64 slots of 1 ms, one slice more is 0.64 % */
	fake_run(g, 10 * SEC);
	expect_share(test, g->busy[0], div_u64(10 * SEC, 2 * n), 1);
	/* the others go idle: vGPU 0 keeps its share, no more */
	fake_reset_counts(g);
	for (i = 1; i < n; i++)
		fake_load(g, i, true, 0, 0);
	fake_run(g, 20 * SEC);
	expect_share(test, g->busy[0], div_u64(10 * SEC, 2 * n), 1);
	expect_share(test, g->idle, 10 * SEC - div_u64(10 * SEC, 2 * n), 1);
}

static void sched_test_equal_share_follows_opens(struct kunit *test)
{
	u32 n = *(const u32 *)test->param_value, i;
	struct fake_gpu *g = fake_new(test, n, NVVGPU_SCHED_EQUAL_SHARE);

	/* half of them run, then the rest start */
	for (i = 0; i < n / 2; i++)
		fake_load(g, i, true, 0, 1);
	fake_run(g, 5 * SEC);
	for (i = 0; i < n / 2; i++)
		expect_share(test, g->busy[i], div_u64(5 * SEC, n / 2), 1);
	fake_reset_counts(g);
	for (i = n / 2; i < n; i++)
		fake_load(g, i, true, 0, 1);
	fake_run(g, 10 * SEC);
	for (i = 0; i < n; i++)
		expect_share(test, g->busy[i], div_u64(5 * SEC, n), 1);
	/* one stops: the others share its time, it gets none */
	fake_reset_counts(g);
	fake_load(g, 0, false, 0, 1);
	fake_run(g, 15 * SEC);
	KUNIT_EXPECT_EQ(test, g->busy[0], 0);
	for (i = 1; i < n; i++)
		expect_share(test, g->busy[i], div_u64(5 * SEC, n - 1), 1);
}

static void sched_test_equal_share_reserves_idle(struct kunit *test)
{
	struct fake_gpu *g = fake_new(test, 4, NVVGPU_SCHED_EQUAL_SHARE);
	u32 i;

	fake_load(g, 0, true, 0, 0);
	for (i = 1; i < 4; i++)
		fake_load(g, i, true, 0, 1);
	fake_run(g, 10 * SEC);
	/* the idle vGPU's quarter is kept for it, idle */
	for (i = 1; i < 4; i++)
		expect_share(test, g->busy[i], 10 * SEC / 4, 1);
	expect_share(test, g->idle, 10 * SEC / 4, 1);
	expect_share(test, g->se[0].st.idle_ns, 10 * SEC / 4, 1);
}

static void sched_test_policy_change(struct kunit *test)
{
	u32 n = *(const u32 *)test->param_value, i, sum = 0;
	struct fake_gpu *g = fake_new(test, n, NVVGPU_SCHED_BEST_EFFORT);
	struct nvvgpu_sched_params p = g->rq.p;

	for (i = 0; i < n; i++) {
		g->se[i].weight = 1 + i % 3;
		sum += g->se[i].weight;
		fake_load(g, i, true, 0, 1);
	}
	fake_run(g, 3 * SEC);
	for (i = 0; i < n; i++)
		expect_share(test, g->busy[i], div_u64(3 * SEC, n), 1);
	fake_reset_counts(g);
	p.policy = NVVGPU_SCHED_WEIGHTED;
	spin_lock(&g->rq.lock);
	KUNIT_EXPECT_TRUE(test, nvvgpu_sched_set_params(&g->rq, &p, g->now));
	spin_unlock(&g->rq.lock);
	fake_run(g, 13 * SEC);
	for (i = 0; i < n; i++)
		expect_share(test, g->busy[i],
			     div_u64(10 * SEC * g->se[i].weight, sum), 1);
}

static void sched_test_remove_holder(struct kunit *test)
{
	struct fake_gpu *g = fake_new(test, 3, NVVGPU_SCHED_BEST_EFFORT);
	u32 i;

	for (i = 0; i < 3; i++)
		fake_load(g, i, true, 0, 1);
	fake_run(g, SEC);
	spin_lock(&g->rq.lock);
	/* whoever holds the GPU goes: the caller must decide again */
	i = fake_index(g, g->rq.curr);
	KUNIT_ASSERT_GE(test, (int)i, 0);
	KUNIT_EXPECT_TRUE(test, nvvgpu_sched_remove(&g->rq, &g->se[i], g->now));
	KUNIT_EXPECT_NULL(test, g->rq.curr);
	spin_unlock(&g->rq.lock);
	g->load[i] = (struct fake_load){ .next_arrival = U64_MAX };
	fake_reset_counts(g);
	g->slice_end = g->now;
	fake_run(g, 3 * SEC);
	KUNIT_EXPECT_EQ(test, g->busy[i], 0);
	expect_share(test, g->busy[(i + 1) % 3] + g->busy[(i + 2) % 3],
		     2 * SEC, 1);
}

static void sched_test_host_share(struct kunit *test)
{
	struct fake_gpu *g = fake_new(test, 3, NVVGPU_SCHED_WEIGHTED);
	struct nvvgpu_sched_params p = g->rq.p;
	u32 i;

	p.host_weight = 3;
	spin_lock(&g->rq.lock);
	nvvgpu_sched_set_params(&g->rq, &p, g->now);
	/* the host always has work here */
	nvvgpu_sched_set_work(&g->rq, &g->rq.host, true, g->now);
	spin_unlock(&g->rq.lock);
	for (i = 0; i < 3; i++)
		fake_load(g, i, true, 0, 1);
	fake_run(g, 6 * SEC);
	/* weights 1, 1, 1 and the host's 3 */
	expect_share(test, g->host_busy, 3 * SEC, 1);
	for (i = 0; i < 3; i++)
		expect_share(test, g->busy[i], SEC, 1);
}

static void sched_test_arr_converges(struct kunit *test)
{
	struct fake_gpu *g = fake_new(test, 4, NVVGPU_SCHED_ARR);
	u64 min = g->rq.p.arr_min_us * NSEC_PER_USEC;
	u64 max = g->rq.p.arr_max_us * NSEC_PER_USEC;
	u32 i;

	/* vGPU 0 runs 300 us jobs every 20 ms; the others are always busy */
	fake_load(g, 0, true, 20 * MS, 300 * NSEC_PER_USEC);
	for (i = 1; i < 4; i++)
		fake_load(g, i, true, 0, 1);
	fake_run(g, 10 * SEC);
	for (i = 1; i < 4; i++)
		expect_share(test, nvvgpu_sched_slice_ns(&g->rq, &g->se[i]),
			     max, 1);
	KUNIT_EXPECT_EQ(test, nvvgpu_sched_slice_ns(&g->rq, &g->se[0]), min);
	/* the light vGPU gets all it asks: 300 us per 20 ms */
	expect_share(test, g->busy[0], 10 * SEC / 20 * 3 / 10, 2);
	for (i = 2; i < 4; i++)
		expect_share(test, g->busy[i], g->busy[1], 1);
}

static void sched_test_latency_bound(struct kunit *test)
{
	struct fake_gpu *g = fake_new(test, 4, NVVGPU_SCHED_BEST_EFFORT);
	u64 slice = g->rq.p.timeslice_us * NSEC_PER_USEC;
	u32 i;

	/* a short job every 7 ms beside three busy vGPUs */
	fake_load(g, 0, true, 7 * MS, 100 * NSEC_PER_USEC);
	for (i = 1; i < 4; i++)
		fake_load(g, i, true, 0, 1);
	fake_run(g, 10 * SEC);
	/* it waits at most for the other three's slices */
	KUNIT_EXPECT_LE(test, g->latency_max[0], 3 * slice);
	KUNIT_EXPECT_GT(test, g->latency_max[0], 0);
	expect_share(test, g->busy[0], 10 * SEC / 70, 2);
}

static void sched_test_quantum(struct kunit *test)
{
	struct fake_gpu *g = fake_new(test, 2, NVVGPU_SCHED_BEST_EFFORT);

	spin_lock(&g->rq.lock);
	nvvgpu_sched_set_entity(&g->rq, &g->se[0], 1, 5 * MS);
	spin_unlock(&g->rq.lock);
	fake_load(g, 0, true, 0, 1);
	fake_load(g, 1, true, 0, 1);
	fake_run(g, 2 * SEC);
	KUNIT_EXPECT_EQ(test, nvvgpu_sched_slice_ns(&g->rq, &g->se[0]), 5 * MS);
	/* a longer quantum is fewer, longer slices, the same share */
	expect_share(test, g->busy[0], g->busy[1], 1);
	KUNIT_EXPECT_LT(test, g->se[0].st.slices * 3, g->se[1].st.slices);
}

static void sched_test_nothing_to_do(struct kunit *test)
{
	struct fake_gpu *g = fake_new(test, 2, NVVGPU_SCHED_FIXED_SHARE);

	/* open without work, even reserving: no decision, the timer stops */
	fake_load(g, 0, true, 0, 0);
	fake_load(g, 1, true, 0, 0);
	spin_lock(&g->rq.lock);
	KUNIT_EXPECT_NULL(test, nvvgpu_sched_decide(&g->rq, g->now));
	KUNIT_EXPECT_EQ(test, g->rq.slice_ns, 0);
	spin_unlock(&g->rq.lock);
}

static void sched_test_params(struct kunit *test)
{
	struct nvvgpu_sched_params p = fake_params;
	const char *why = NULL;

	KUNIT_EXPECT_EQ(test, nvvgpu_sched_check_params(&p, &why), 0);
	p.timeslice_us = 99;
	KUNIT_EXPECT_EQ(test, nvvgpu_sched_check_params(&p, &why), -EINVAL);
	KUNIT_EXPECT_NOT_NULL(test, why);
	p = fake_params;
	p.arr_min_us = 20000;
	KUNIT_EXPECT_EQ(test, nvvgpu_sched_check_params(&p, &why), -EINVAL);
	p = fake_params;
	p.arr_avg_factor = 0;
	KUNIT_EXPECT_EQ(test, nvvgpu_sched_check_params(&p, &why), -EINVAL);
	p = fake_params;
	p.host_weight = 101;
	KUNIT_EXPECT_EQ(test, nvvgpu_sched_check_params(&p, &why), -EINVAL);
	p = fake_params;
	p.policy = NVVGPU_SCHED_POLICY_NR;
	KUNIT_EXPECT_EQ(test, nvvgpu_sched_check_params(&p, &why), -EINVAL);
}

static void sched_test_policy_names(struct kunit *test)
{
	enum nvvgpu_sched_policy p;

	for (p = 0; p < NVVGPU_SCHED_POLICY_NR; p++)
		KUNIT_EXPECT_EQ(test,
				nvvgpu_sched_policy_lookup(nvvgpu_sched_policy_name(p)),
				p);
	KUNIT_EXPECT_EQ(test, nvvgpu_sched_policy_lookup("round_robin"),
			NVVGPU_SCHED_POLICY_NR);
	KUNIT_EXPECT_EQ(test, nvvgpu_sched_policy_lookup(NULL),
			NVVGPU_SCHED_POLICY_NR);
}

static struct kunit_case sched_test_cases[] = {
	KUNIT_CASE_PARAM(sched_test_equal_share, sched_test_size_gen_params),
	KUNIT_CASE_PARAM(sched_test_weighted, sched_test_size_gen_params),
	KUNIT_CASE_PARAM(sched_test_best_effort_skips_idle,
			 sched_test_size_gen_params),
	KUNIT_CASE_PARAM(sched_test_fixed_share_reserves,
			 sched_test_size_gen_params),
	KUNIT_CASE_PARAM(sched_test_equal_share_follows_opens,
			 sched_test_size_gen_params),
	KUNIT_CASE_PARAM(sched_test_policy_change, sched_test_size_gen_params),
	KUNIT_CASE(sched_test_equal_share_reserves_idle),
	KUNIT_CASE(sched_test_remove_holder),
	KUNIT_CASE(sched_test_host_share),
	KUNIT_CASE(sched_test_arr_converges),
	KUNIT_CASE(sched_test_latency_bound),
	KUNIT_CASE(sched_test_quantum),
	KUNIT_CASE(sched_test_nothing_to_do),
	KUNIT_CASE(sched_test_params),
	KUNIT_CASE(sched_test_policy_names),
	{}
};

static struct kunit_suite sched_test_suite = {
	.name = "nvvgpu_sched_policy",
	.test_cases = sched_test_cases,
};

kunit_test_suite(sched_test_suite);

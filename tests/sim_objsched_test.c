// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: the firmware emulator's vGPU scheduler (sim/sim_objsched.c) and
 * its NV2080_CTRL_CMD_FIFO_OBJSCHED_* controls, per release: 535.113.01
 * has none of them, 570.144 checks every size and value against its
 * capabilities; the log in NVIDIA's layout, kept and not consumed; the
 * policies' rounds; the host's set_owner ignored while the firmware is in
 * charge, and NVVGPU_OWNER_ALL taking the engines back. The scheduler runs
 * on its own timer with engine threads that have no channels; work is
 * what the engines' work bits say.
 *
 * Copyright (c) 2026 The nvvgpu developers
 */
#include <kunit/test.h>
#include <linux/delay.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

#include <nvvgpu/abi/gsp_rm.h>
#include <nvvgpu/abi/gsp_rpc.h>
#include <nvvgpu/abi/nv_channel.h>
#include <nvvgpu/core.h>

#include "../sim/sim.h"

#define SOT_GR0		NV2080_ENGINE_TYPE_GR0
#define SOT_CE0		NV2080_ENGINE_TYPE_COPY0
#define SOT_LOG		NV2080_CTRL_FIFO_OBJSCHED_SW_GET_LOG_ENTRIES

#define SOT_CAPS	NV2080_CTRL_CMD_FIFO_OBJSCHED_GET_CAPS
#define SOT_GET		NV2080_CTRL_CMD_FIFO_OBJSCHED_GET_STATE
#define SOT_SET		NV2080_CTRL_CMD_FIFO_OBJSCHED_SET_STATE
#define SOT_GET_LOG	NV2080_CTRL_CMD_FIFO_OBJSCHED_SW_GET_LOG

#define SOT_BE		NV2080_CTRL_CMD_VGPU_SCHEDULER_POLICY_BEST_EFFORT
#define SOT_ES		NV2080_CTRL_CMD_VGPU_SCHEDULER_POLICY_EQUAL_SHARE
#define SOT_FS		NV2080_CTRL_CMD_VGPU_SCHEDULER_POLICY_FIXED_SHARE

static void sot_pdev_put(void *pdev)
{
	platform_device_unregister(pdev);
}

static void sot_teardown(void *data)
{
	struct sim_gpu *sim = data;

	sim_objsched_fini(sim);
	sim_engines_fini(sim);
	sim_vf_fini(sim);
	xa_destroy(&sim->fb_pages);
	mutex_destroy(&sim->gsp.lock);
}

/* a GPU of release @version whose engines and firmware scheduler run */
static struct sim_gpu *sot_gpu(struct kunit *test, const char *version)
{
	struct sim_gpu *sim = kunit_kzalloc(test, sizeof(*sim), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, sim);
	sim->pdev = platform_device_register_simple("nvvgpu_sim_objsched_kunit",
						    PLATFORM_DEVID_AUTO, NULL, 0);
	KUNIT_ASSERT_FALSE(test, IS_ERR(sim->pdev));
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test, sot_pdev_put,
							sim->pdev), 0);
	sim->dev = &sim->pdev->dev;
	strscpy(sim->fw_version, version, sizeof(sim->fw_version));
	sim->abi = nvgsp_fw_abi_find(version);
	KUNIT_ASSERT_NOT_NULL(test, sim->abi);
	sim->engine_mask = BIT_ULL(NV2080_ENGINE_TYPE_GR0) |
			   BIT_ULL(NV2080_ENGINE_TYPE_COPY0) |
			   BIT_ULL(NV2080_ENGINE_TYPE_COPY1);
	xa_init(&sim->fb_pages);
	mutex_init(&sim->gsp.lock);
	sim->gsp.state = SIM_GSP_RUNNING;
	sim_vf_init(sim);
	KUNIT_ASSERT_EQ(test, sim_objsched_init(sim), 0);
	KUNIT_ASSERT_EQ(test, sim_engines_init(sim), 0);
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test, sot_teardown,
							sim), 0);
	return sim;
}

/* a control as the emulator's RM server hands it on, under its lock */
static u32 sot_control(struct sim_gpu *sim, u32 cmd, void *params, u32 size)
{
	u32 status;

	mutex_lock(&sim->gsp.lock);
	status = sim_objsched_control(sim, cmd, params, size);
	mutex_unlock(&sim->gsp.lock);
	return status;
}

static u32 sot_set(struct sim_gpu *sim, u32 policy, u32 arr, u32 slice_ns)
{
	struct nv2080_ctrl_fifo_objsched_set_state_params p = {
		.engine_id = SOT_GR0,
		.sched_policy = policy,
		.enable_arr = arr,
		.timeslice_target_ns = slice_ns,
	};

	return sot_control(sim, SOT_SET, &p, sizeof(p));
}

static struct nv2080_ctrl_fifo_objsched_sw_get_log_params *
sot_log(struct kunit *test, struct sim_gpu *sim, u32 engine)
{
	struct nv2080_ctrl_fifo_objsched_sw_get_log_params *p;

	p = kunit_kzalloc(test, sizeof(*p), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, p);
	p->engine_id = engine;
	KUNIT_ASSERT_EQ(test, sot_control(sim, SOT_GET_LOG, p, sizeof(*p)),
			NV_OK);
	KUNIT_ASSERT_LE(test, p->count, SOT_LOG);
	return p;
}

/* entries of @p newer than @after */
static u32 sot_newer(const struct nv2080_ctrl_fifo_objsched_sw_get_log_params *p,
		     u64 after)
{
	u32 i, n = 0;

	for (i = 0; i < p->count; i++)
		n += p->entry[i].timestamp_ns > after;
	return n;
}

/*
 * GR0's log once it has @n entries newer than @after. Timers may be as
 * coarse as a jiffy (UML), so wait for decisions, not for time.
 */
static struct nv2080_ctrl_fifo_objsched_sw_get_log_params *
sot_wait(struct kunit *test, struct sim_gpu *sim, u64 after, u32 n)
{
	struct nv2080_ctrl_fifo_objsched_sw_get_log_params *p;
	int i;

	for (i = 0; i < 1500; i++) {
		p = sot_log(test, sim, SOT_GR0);
		if (sot_newer(p, after) >= n)
			return p;
		kunit_kfree(test, p);
		msleep(20);
	}
	KUNIT_FAIL_AND_ABORT(test, "no %u decisions after %llu ns in 30 s", n,
			     after);
	return NULL;
}

/* the newest timestamp of GR0's log, 0 if empty */
static u64 sot_last(struct kunit *test, struct sim_gpu *sim)
{
	struct nv2080_ctrl_fifo_objsched_sw_get_log_params *p;
	u64 ts;

	p = sot_log(test, sim, SOT_GR0);
	ts = p->count ? p->entry[p->count - 1].timestamp_ns : 0;
	kunit_kfree(test, p);
	return ts;
}

/* vGPU @gfid's plugin task runs, of a type allowing @max instances */
static void sot_boot(struct sim_gpu *sim, u32 gfid, u32 max, bool work)
{
	mutex_lock(&sim->gsp.lock);
	sim_objsched_vgpu_start(sim, gfid, max);
	mutex_unlock(&sim->gsp.lock);
	if (work)
		set_bit(gfid, sim->engines.work_mask);
}

/* what each release answers to each control, by size */
struct sot_size_case {
	const char *version;
	u32 cmd;
	u32 size;
	u32 status;
	const char *what;
};

static const struct sot_size_case sot_size_cases[] = {
	{ "535.113.01", SOT_CAPS, 44, NV_ERR_NOT_SUPPORTED, "535 GET_CAPS" },
	{ "535.113.01", SOT_GET, 20, NV_ERR_NOT_SUPPORTED, "535 GET_STATE" },
	{ "535.113.01", SOT_SET, 24, NV_ERR_NOT_SUPPORTED, "535 SET_STATE" },
	{ "535.113.01", SOT_GET_LOG, 20824, NV_ERR_NOT_SUPPORTED, "535 SW_GET_LOG" },
	{ "570.144", SOT_CAPS, 44, NV_OK, "570 GET_CAPS" },
	{ "570.144", SOT_CAPS, 40, NV_ERR_INVALID_PARAM_STRUCT, "570 GET_CAPS short" },
	{ "570.144", SOT_CAPS, 48, NV_ERR_INVALID_PARAM_STRUCT, "570 GET_CAPS long" },
	{ "570.144", SOT_GET, 20, NV_OK, "570 GET_STATE" },
	{ "570.144", SOT_GET, 16, NV_ERR_INVALID_PARAM_STRUCT, "570 GET_STATE short" },
	{ "570.144", SOT_GET, 24, NV_ERR_INVALID_PARAM_STRUCT, "570 GET_STATE as SET_STATE's" },
	{ "570.144", SOT_SET, 20, NV_ERR_INVALID_PARAM_STRUCT, "570 SET_STATE as GET_STATE's" },
	{ "570.144", SOT_SET, 28, NV_ERR_INVALID_PARAM_STRUCT, "570 SET_STATE long" },
	{ "570.144", SOT_GET_LOG, 20824, NV_OK, "570 SW_GET_LOG" },
	{ "570.144", SOT_GET_LOG, 20816, NV_ERR_INVALID_PARAM_STRUCT, "570 SW_GET_LOG short" },
	{ "570.144", SOT_GET_LOG, 20840, NV_ERR_INVALID_PARAM_STRUCT, "570 SW_GET_LOG, 595's" },
	{ "570.144", SOT_GET_LOG, 4, NV_ERR_INVALID_PARAM_STRUCT, "570 SW_GET_LOG engineId only" },
};

static void sot_size_desc(const struct sot_size_case *c, char *desc)
{
	snprintf(desc, KUNIT_PARAM_DESC_SIZE, "%s, %u bytes", c->what, c->size);
}

KUNIT_ARRAY_PARAM(sot_size, sot_size_cases, sot_size_desc);

/* sizes are the release's; 535 has no OBJSCHED control at all */
static void sot_sizes(struct kunit *test)
{
	const struct sot_size_case *c = test->param_value;
	struct sim_gpu *sim = sot_gpu(test, c->version);
	u32 *params = kunit_kzalloc(test, 32768, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, params);
	params[0] = SOT_GR0;
	params[1] = SOT_BE;	/* SET_STATE's schedPolicy */
	KUNIT_EXPECT_EQ(test, sot_control(sim, c->cmd, params, c->size),
			c->status);
	/* nothing a refused control asked for took effect */
	KUNIT_EXPECT_EQ(test, sim->objsched.active,
			c->cmd == SOT_SET && c->status == NV_OK);
}

/* the capabilities, and the state before and after SET_STATE */
static void sot_caps_state(struct kunit *test)
{
	struct sim_gpu *sim = sot_gpu(test, "570.144");
	struct nv2080_ctrl_fifo_objsched_get_caps_params caps = {
		.engine_id = SOT_CE0,
	};
	struct nv2080_ctrl_fifo_objsched_get_state_params st = {
		.engine_id = SOT_GR0,
	};
	struct nv2080_ctrl_fifo_objsched_set_state_params set = {
		.engine_id = SOT_CE0,
		.sched_policy = SOT_FS,
		.enable_arr = NV2080_CTRL_CMD_VGPU_SCHEDULER_ARR_ENABLE,
		.timeslice_target_ns = 3000000,
		.frequency_for_arr = 200,
		.avg_factor_for_arr = 7,
	};

	KUNIT_ASSERT_EQ(test, sot_control(sim, SOT_CAPS, &caps, sizeof(caps)),
			NV_OK);
	KUNIT_EXPECT_EQ(test, caps.engine_id, SOT_CE0);
	KUNIT_EXPECT_EQ(test, caps.supported_schedulers[0], SOT_BE);
	KUNIT_EXPECT_EQ(test, caps.supported_schedulers[1], SOT_ES);
	KUNIT_EXPECT_EQ(test, caps.supported_schedulers[2], SOT_FS);
	KUNIT_EXPECT_EQ(test, caps.is_arr_mode_supported, 1);
	KUNIT_EXPECT_EQ(test, caps.min_timeslice_ns, SIM_OBJSCHED_SLICE_MIN_NS);
	KUNIT_EXPECT_EQ(test, caps.max_timeslice_ns, SIM_OBJSCHED_SLICE_MAX_NS);
	KUNIT_EXPECT_LT(test, caps.min_frequency_for_arr,
			caps.max_frequency_for_arr);
	KUNIT_EXPECT_LT(test, caps.min_avg_factor_for_arr,
			caps.max_avg_factor_for_arr);

	/* before any SET_STATE the engines follow the host: OTHER */
	KUNIT_ASSERT_EQ(test, sot_control(sim, SOT_GET, &st, sizeof(st)), NV_OK);
	KUNIT_EXPECT_EQ(test, st.sched_policy,
			NV2080_CTRL_CMD_VGPU_SCHEDULER_POLICY_OTHER);

	KUNIT_ASSERT_EQ(test, sot_control(sim, SOT_SET, &set, sizeof(set)),
			NV_OK);
	KUNIT_ASSERT_EQ(test, sot_control(sim, SOT_GET, &st, sizeof(st)), NV_OK);
	KUNIT_EXPECT_EQ(test, st.sched_policy, SOT_FS);
	KUNIT_EXPECT_EQ(test, st.arr_enabled,
			NV2080_CTRL_CMD_VGPU_SCHEDULER_ARR_ENABLE);
	KUNIT_EXPECT_EQ(test, st.target_timeslice_ns, 3000000);
	KUNIT_EXPECT_EQ(test, st.arr_avg_factor, 7);

	/* zeros select the firmware's defaults */
	KUNIT_ASSERT_EQ(test, sot_set(sim, SOT_ES, 0, 0), NV_OK);
	KUNIT_ASSERT_EQ(test, sot_control(sim, SOT_GET, &st, sizeof(st)), NV_OK);
	KUNIT_EXPECT_EQ(test, st.sched_policy, SOT_ES);
	KUNIT_EXPECT_EQ(test, st.arr_enabled,
			NV2080_CTRL_CMD_VGPU_SCHEDULER_ARR_DISABLE);
	KUNIT_EXPECT_EQ(test, st.target_timeslice_ns,
			SIM_OBJSCHED_SLICE_DEFAULT_NS);
	KUNIT_EXPECT_EQ(test, st.arr_avg_factor, SIM_OBJSCHED_AVG_DEFAULT);
}

/* SET_STATE values the capabilities do not allow */
struct sot_value_case {
	struct nv2080_ctrl_fifo_objsched_set_state_params p;
	const char *what;
};

static const struct sot_value_case sot_value_cases[] = {
	{ { SOT_GR0, NV2080_CTRL_CMD_VGPU_SCHEDULER_POLICY_UNKNOWN }, "policy UNKNOWN" },
	{ { SOT_GR0, NV2080_CTRL_CMD_VGPU_SCHEDULER_POLICY_OTHER }, "policy OTHER" },
	{ { SOT_GR0, 5 }, "policy 5" },
	{ { SOT_GR0, SOT_BE, 3 }, "enableArr 3" },
	{ { SOT_GR0, SOT_BE, 0, 99999 }, "slice below the min" },
	{ { SOT_GR0, SOT_BE, 0, 100000001 }, "slice above the max" },
	{ { SOT_GR0, SOT_BE, 0, 0, 9 }, "ARR frequency below the min" },
	{ { SOT_GR0, SOT_BE, 0, 0, 10001 }, "ARR frequency above the max" },
	{ { SOT_GR0, SOT_BE, 0, 0, 0, 61 }, "ARR average factor above the max" },
	{ { 0x0f, SOT_BE }, "engineId 0xf: no such engine" },
	{ { NV2080_ENGINE_TYPE_COPY1 + 1, SOT_BE }, "engineId COPY2: no such engine" },
};

static void sot_value_desc(const struct sot_value_case *c, char *desc)
{
	strscpy(desc, c->what, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(sot_value, sot_value_cases, sot_value_desc);

/* every out-of-range value is refused, and the state stays */
static void sot_values(struct kunit *test)
{
	const struct sot_value_case *c = test->param_value;
	struct sim_gpu *sim = sot_gpu(test, "570.144");
	struct nv2080_ctrl_fifo_objsched_set_state_params p = c->p;
	struct nv2080_ctrl_fifo_objsched_get_state_params st = {
		.engine_id = SOT_GR0,
	};

	KUNIT_EXPECT_EQ(test, sot_control(sim, SOT_SET, &p, sizeof(p)),
			NV_ERR_INVALID_ARGUMENT);
	KUNIT_EXPECT_FALSE(test, sim->objsched.active);
	KUNIT_ASSERT_EQ(test, sot_set(sim, SOT_ES, 0, 1000000), NV_OK);
	p = c->p;
	KUNIT_EXPECT_EQ(test, sot_control(sim, SOT_SET, &p, sizeof(p)),
			NV_ERR_INVALID_ARGUMENT);
	KUNIT_ASSERT_EQ(test, sot_control(sim, SOT_GET, &st, sizeof(st)), NV_OK);
	KUNIT_EXPECT_EQ(test, st.sched_policy, SOT_ES);
	KUNIT_EXPECT_EQ(test, st.target_timeslice_ns, 1000000);
}

/*
 * Best effort over two busy vGPUs with 1 ms slices: the log has NVIDIA's
 * layout, every engine one entry per slice with the same timestamps, in
 * increasing order, alternating between the two; it keeps 200 and reading
 * does not consume them.
 */
static void sot_log_format(struct kunit *test)
{
	struct sim_gpu *sim = sot_gpu(test, "570.144");
	struct nv2080_ctrl_fifo_objsched_sw_get_log_params *gr, *ce, *again;
	u32 i;

	sot_boot(sim, 1, 8, true);
	sot_boot(sim, 2, 8, true);
	KUNIT_ASSERT_EQ(test, sot_set(sim, SOT_BE, 0, 1000000), NV_OK);
	gr = sot_wait(test, sim, 0, 4);
	ce = sot_log(test, sim, SOT_CE0);
	KUNIT_EXPECT_EQ(test, gr->engine_id, SOT_GR0);
	KUNIT_EXPECT_EQ(test, gr->sched_policy, SOT_BE);
	KUNIT_EXPECT_EQ(test, gr->arr_enabled,
			NV2080_CTRL_CMD_VGPU_SCHEDULER_ARR_DISABLE);
	KUNIT_EXPECT_EQ(test, gr->target_timeslice_ns, 1000000);
	KUNIT_EXPECT_EQ(test, gr->arr_avg_factor, SIM_OBJSCHED_AVG_DEFAULT);
	for (i = 0; i < gr->count; i++) {
		const struct nv2080_ctrl_fifo_objsched_sw_log_entry *e =
			&gr->entry[i];

		KUNIT_EXPECT_TRUE(test, e->swrl_id == 1 || e->swrl_id == 2);
		KUNIT_EXPECT_EQ(test, e->target_time_slice, 1000000);
		/* the timer ends each slice: it had work, it is a preemption */
		KUNIT_EXPECT_GE(test, e->counters[NVVGPU_OBJSCHED_CTR_HELD_NS],
				1000000);
		KUNIT_EXPECT_EQ(test, e->counters[NVVGPU_OBJSCHED_CTR_IDLE_NS], 0);
		KUNIT_EXPECT_GE(test, e->counters[NVVGPU_OBJSCHED_CTR_SLICES], 1);
		KUNIT_EXPECT_EQ(test, e->counters[NVVGPU_OBJSCHED_CTR_PREEMPTIONS],
				e->counters[NVVGPU_OBJSCHED_CTR_SLICES]);
		/* no channel ran: the engines were never busy */
		KUNIT_EXPECT_EQ(test, e->time_run_ns, 0);
		KUNIT_EXPECT_EQ(test, e->time_run_total_ns, 0);
		if (i) {
			KUNIT_EXPECT_GT(test, e->timestamp_ns,
					gr->entry[i - 1].timestamp_ns);
			KUNIT_EXPECT_NE(test, e->swrl_id,
					gr->entry[i - 1].swrl_id);
		}
	}
	/* one decision, one entry per engine, read in between */
	for (i = 0; i < min(gr->count, ce->count); i++)
		if (ce->entry[0].timestamp_ns == gr->entry[i].timestamp_ns)
			break;
	KUNIT_EXPECT_LT(test, i, min(gr->count, ce->count));

	/* reading consumed nothing: the entries are still there */
	again = sot_log(test, sim, SOT_GR0);
	KUNIT_EXPECT_GE(test, again->count, gr->count);
	KUNIT_EXPECT_LE(test, again->entry[0].timestamp_ns,
			gr->entry[gr->count - 1].timestamp_ns);

	/* 200 kept, the newest */
	again = sot_wait(test, sim, gr->entry[gr->count - 1].timestamp_ns,
			 SOT_LOG);
	KUNIT_EXPECT_EQ(test, again->count, SOT_LOG);
	KUNIT_EXPECT_GT(test, again->entry[0].timestamp_ns,
			gr->entry[gr->count - 1].timestamp_ns);
	for (i = 1; i < again->count; i++)
		KUNIT_EXPECT_GT(test, again->entry[i].timestamp_ns,
				again->entry[i - 1].timestamp_ns);
}

/*
 * Equal share keeps an idle vGPU's turn, idle; best effort skips it;
 * fixed share's round has the type's M slots, the vacant ones idle.
 */
static void sot_rounds(struct kunit *test)
{
	struct sim_gpu *sim = sot_gpu(test, "570.144");
	struct nv2080_ctrl_fifo_objsched_sw_get_log_params *p;
	u32 i, n[3];
	u64 last;

	sot_boot(sim, 1, 4, true);
	sot_boot(sim, 2, 4, false);
	KUNIT_ASSERT_EQ(test, sot_set(sim, SOT_ES, 0, 1000000), NV_OK);
	p = sot_wait(test, sim, 0, 6);
	for (i = 0; i < p->count; i++) {
		const u64 *c = p->entry[i].counters;

		u32 id = p->entry[i].swrl_id;

		KUNIT_EXPECT_TRUE(test, id == 1 || id == 2);
		if (id == 2) {
			KUNIT_EXPECT_EQ(test, c[NVVGPU_OBJSCHED_CTR_IDLE_NS],
					c[NVVGPU_OBJSCHED_CTR_HELD_NS]);
			KUNIT_EXPECT_EQ(test, c[NVVGPU_OBJSCHED_CTR_PREEMPTIONS], 0);
		}
		if (i)
			KUNIT_EXPECT_NE(test, p->entry[i].swrl_id,
					p->entry[i - 1].swrl_id);
	}

	/* the slice that SET_STATE cuts short is equal share's */
	last = sot_last(test, sim);
	KUNIT_ASSERT_EQ(test, sot_set(sim, SOT_BE, 0, 1000000), NV_OK);
	p = sot_wait(test, sim, last, 6);
	/* the last five are best effort's: vGPU 1 alone */
	for (i = p->count - 5; i < p->count; i++)
		KUNIT_EXPECT_EQ(test, p->entry[i].swrl_id, 1);

	set_bit(2, sim->engines.work_mask);
	last = sot_last(test, sim);
	KUNIT_ASSERT_EQ(test, sot_set(sim, SOT_FS, 0, 1000000), NV_OK);
	p = sot_wait(test, sim, last, 26);
	/* the last 24 slices: 6 rounds of 1, 2 and two vacant slots */
	memset(n, 0, sizeof(n));
	for (i = p->count - 24; i < p->count; i++) {
		u32 id = p->entry[i].swrl_id;

		n[id == SIM_OBJSCHED_SWRL_VACANT ? 0 : id]++;
		if (id == SIM_OBJSCHED_SWRL_VACANT)
			KUNIT_EXPECT_EQ(test, p->entry[i].time_run_total_ns, 0);
	}
	KUNIT_EXPECT_EQ(test, n[1], 6);
	KUNIT_EXPECT_EQ(test, n[2], 6);
	KUNIT_EXPECT_EQ(test, n[0], 12);
}

/* the host's set_owner waits while the firmware schedules; ALL ends that */
static void sot_host_owner(struct kunit *test)
{
	struct sim_gpu *sim = sot_gpu(test, "570.144");
	struct nv2080_ctrl_fifo_objsched_get_state_params st = {
		.engine_id = SOT_GR0,
	};
	u32 owner;
	int i;

	sim_objsched_host_owner(sim, 1);
	KUNIT_EXPECT_EQ(test, READ_ONCE(sim->engines.owner), 1);
	sot_boot(sim, 1, 8, true);
	sot_boot(sim, 2, 8, true);
	KUNIT_ASSERT_EQ(test, sot_set(sim, SOT_BE, 0, 100000000), NV_OK);
	/* the first decision is the timer's, in softirq */
	for (i = 0; i < 1000 && !READ_ONCE(sim->objsched.decisions); i++)
		msleep(20);
	owner = READ_ONCE(sim->engines.owner);
	KUNIT_EXPECT_TRUE(test, owner == 1 || owner == 2);
	sim_objsched_host_owner(sim, NVVGPU_OWNER_NONE);
	sim_objsched_host_owner(sim, 0);
	KUNIT_EXPECT_EQ(test, READ_ONCE(sim->engines.owner), owner);
	KUNIT_EXPECT_TRUE(test, sim->objsched.active);

	sim_objsched_host_owner(sim, NVVGPU_OWNER_ALL);
	KUNIT_EXPECT_EQ(test, READ_ONCE(sim->engines.owner), NVVGPU_OWNER_ALL);
	KUNIT_EXPECT_FALSE(test, sim->objsched.active);
	KUNIT_ASSERT_EQ(test, sot_control(sim, SOT_GET, &st, sizeof(st)), NV_OK);
	KUNIT_EXPECT_EQ(test, st.sched_policy,
			NV2080_CTRL_CMD_VGPU_SCHEDULER_POLICY_OTHER);
	/* from now on the host's wishes apply at once */
	sim_objsched_host_owner(sim, 2);
	KUNIT_EXPECT_EQ(test, READ_ONCE(sim->engines.owner), 2);
}

static struct kunit_case sim_objsched_test_cases[] = {
	KUNIT_CASE_PARAM(sot_sizes, sot_size_gen_params),
	KUNIT_CASE(sot_caps_state),
	KUNIT_CASE_PARAM(sot_values, sot_value_gen_params),
	KUNIT_CASE_SLOW(sot_log_format),
	KUNIT_CASE_SLOW(sot_rounds),
	KUNIT_CASE(sot_host_owner),
	{}
};

static struct kunit_suite sim_objsched_test_suite = {
	.name = "nvvgpu_sim_objsched",
	.test_cases = sim_objsched_test_cases,
};

kunit_test_suite(sim_objsched_test_suite);

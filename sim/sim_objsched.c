// SPDX-License-Identifier: GPL-2.0
/*
 * nvvgpu_sim: the firmware's own vGPU scheduler (GSP-RM's OBJSCHED) and
 * the four controls through which the host hands it the policy and reads
 * its log.
 *
 * Copyright (c) 2026 The nvvgpu developers
 */
#include <kunit/visibility.h>
#include <linux/hrtimer.h>
#include <linux/ktime.h>
#include <linux/math64.h>
#include <linux/minmax.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/string.h>

#include <nvvgpu/abi/gsp_rm.h>
#include <nvvgpu/abi/gsp_rpc.h>
#include <nvvgpu/core.h>

#include "sim.h"

/**
 * DOC: firmware scheduling
 *
 * GSP-RM can schedule the vGPUs itself: one software runlist (SWRL) per
 * VM, chosen by a policy the host sets with
 * NV2080_CTRL_CMD_FIFO_OBJSCHED_SET_STATE. The emulated firmware does so
 * from the first SET_STATE it accepts. Until then, and again after a GSP
 * reset, the engines follow the host: the backend's set_owner op, which a
 * host scheduler drives. While the firmware is in charge it ignores the
 * host's set_owner calls and only records the last one, with one
 * exception: set_owner(%NVVGPU_OWNER_ALL), what a scheduler provider does
 * when it detaches (nvvgpu_pgpu_run_all()), gives the engines back to the
 * host, so that a host scheduler can take over. GET_STATE and SW_GET_LOG
 * then report schedPolicy OTHER: the engines run by a policy other than
 * the firmware's.
 *
 * The runlists are the PF's own channels (swrlId 0), each vGPU whose
 * plugin task runs (swrlId its GFID, from bootload to shutdown) and, under
 * fixed share, the vacant slots (swrlId 0xffffffff). A slice timer goes
 * round them in that order, one slice each:
 *
 * - BEST_EFFORT: only runlists with work take their turn, and one that
 *   runs out of work yields at once;
 * - EQUAL_SHARE: every running vGPU takes its turn, work or not, so each
 *   is reserved 1/N; its slice idles the GPU when it has no work;
 * - FIXED_SHARE: a round has M slots, M the most instances the type of
 *   any running vGPU allows on the GPU; each vGPU is reserved 1/M and the
 *   M - N vacant slots idle the GPU.
 *
 * The PF's runlist takes its turn only while it has work, under every
 * policy. With no work anywhere nothing runs and the timer stops. A slice
 * is timesliceTargetNs long; with adaptive round robin (enableArr) a
 * vGPU's slice is instead the running average, over avgFactorForARR
 * slices, of the time it used in its slices (a slice it did not finish
 * counts as maxTimesliceNs), starting at 1 s / frequencyForARR, within
 * [minTimesliceNs, maxTimesliceNs]. NVIDIA does not publish its formulas;
 * these have the parameters and aims the controls describe.
 *
 * The state is the GPU's: the sim's engines share one owner, so a
 * SET_STATE naming any of its engines sets it for all, and GET_STATE
 * answers the same for each. Zero in timesliceTargetNs, frequencyForARR
 * or avgFactorForARR, and ARR_DEFAULT, select the firmware's defaults
 * (2 ms, 500 Hz, 33, ARR off).
 *
 * When a slice ends, every engine's log gets an entry in NVIDIA's layout:
 * timestampNs when it ended (CLOCK_MONOTONIC, strictly increasing per
 * engine), the engine's busy time for the runlist in the slice (timeRunNs)
 * and since its plugin task was bootloaded (timeRunTotalNs; the PF's since
 * the GSP booted), swrlId, the slice it was given (targetTimeSlice, ns) and
 * the engine's cumulative preemption time for it. NVIDIA does not say what
 * counters[] hold; the emulated firmware puts there what the host needs to
 * account slices without a clock of its own (enum nvvgpu_objsched_counter):
 * the slice's length and idle part, then, cumulative since bootload, the
 * slices, time held, time held without work, slices that ended with work
 * left, and time spent waiting with work while another held the GPU. Each
 * engine keeps the last %NV2080_CTRL_FIFO_OBJSCHED_SW_GET_LOG_ENTRIES.
 * SW_GET_LOG returns them oldest first and leaves them in place: the
 * header describes count as "the count of log entries fetched" and says
 * nothing of consuming them, so a reader tells new entries by their
 * timestamps.
 *
 * Every control's size is checked against the release's (sim_fwif.c:
 * 535.113.01 has none of the four, and refuses them with
 * NV_ERR_NOT_SUPPORTED) and every value against GET_CAPS; a refusal
 * returns NV_ERR_INVALID_PARAM_STRUCT or NV_ERR_INVALID_ARGUMENT and logs
 * why.
 */

#define sim_objsched_refuse(sim, status, fmt, ...) ({			\
	dev_warn_ratelimited(sim_dev(sim), "FIFO_OBJSCHED: " fmt "\n",	\
			     ##__VA_ARGS__);				\
	status;								\
})

static const char *sim_objsched_cmd_name(u32 cmd)
{
	switch (cmd) {
	case NV2080_CTRL_CMD_FIFO_OBJSCHED_GET_CAPS:
		return "GET_CAPS";
	case NV2080_CTRL_CMD_FIFO_OBJSCHED_GET_STATE:
		return "GET_STATE";
	case NV2080_CTRL_CMD_FIFO_OBJSCHED_SET_STATE:
		return "SET_STATE";
	case NV2080_CTRL_CMD_FIFO_OBJSCHED_SW_GET_LOG:
		return "SW_GET_LOG";
	default:
		return "?";
	}
}

static const char *sim_objsched_policy_name(u32 policy)
{
	switch (policy) {
	case NV2080_CTRL_CMD_VGPU_SCHEDULER_POLICY_BEST_EFFORT:
		return "best effort";
	case NV2080_CTRL_CMD_VGPU_SCHEDULER_POLICY_EQUAL_SHARE:
		return "equal share";
	case NV2080_CTRL_CMD_VGPU_SCHEDULER_POLICY_FIXED_SHARE:
		return "fixed share";
	default:
		return "?";
	}
}

static bool sim_objsched_has_work(struct sim_gpu *sim, u32 gfid)
{
	return test_bit(gfid, sim->engines.work_mask);
}

static bool sim_objsched_vacant(u32 pos)
{
	return pos >= SIM_NUM_FUNCTIONS;
}

static struct sim_objsched_swrl *sim_objsched_swrl(struct sim_objsched *os,
						   u32 pos)
{
	return sim_objsched_vacant(pos) ? &os->vacant : &os->swrl[pos];
}

/* fixed share's slots that no running vGPU holds */
static u32 sim_objsched_vacant_slots(const struct sim_objsched *os)
{
	if (os->policy != NV2080_CTRL_CMD_VGPU_SCHEDULER_POLICY_FIXED_SHARE ||
	    os->slots <= os->num_booted)
		return 0;
	return os->slots - os->num_booted;
}

/* a holder without work yields at once: the PF always, vGPUs under BE */
static bool sim_objsched_conserving(const struct sim_objsched *os, u32 pos)
{
	return !pos ||
	       os->policy == NV2080_CTRL_CMD_VGPU_SCHEDULER_POLICY_BEST_EFFORT;
}

static bool sim_objsched_eligible(struct sim_gpu *sim, u32 pos)
{
	struct sim_objsched *os = &sim->objsched;

	if (sim_objsched_vacant(pos))
		return true;
	if (!os->swrl[pos].booted)
		return false;
	if (sim_objsched_conserving(os, pos))
		return sim_objsched_has_work(sim, pos);
	return true;
}

static bool sim_objsched_any_work(struct sim_gpu *sim)
{
	u32 g;

	for (g = 0; g < SIM_NUM_FUNCTIONS; g++)
		if (sim->objsched.swrl[g].booted && sim_objsched_has_work(sim, g))
			return true;
	return false;
}

/* ARR's slice for a runlist without history */
static u64 sim_objsched_arr_start_ns(const struct sim_objsched *os)
{
	return clamp_t(u64, NSEC_PER_SEC / os->arr_frequency,
		       SIM_OBJSCHED_SLICE_MIN_NS, SIM_OBJSCHED_SLICE_MAX_NS);
}

static u64 sim_objsched_slice_ns(const struct sim_objsched *os, u32 pos)
{
	if (os->arr && pos && !sim_objsched_vacant(pos))
		return clamp_t(u64, os->swrl[pos].arr_avg_ns,
			       SIM_OBJSCHED_SLICE_MIN_NS,
			       SIM_OBJSCHED_SLICE_MAX_NS);
	return os->timeslice_ns;
}

/* the slice of @pos that ended at @now, in every engine's log */
static void sim_objsched_log_add(struct sim_gpu *sim, u32 pos, u64 now,
				 u64 held, u64 idle)
{
	struct sim_objsched *os = &sim->objsched;
	struct sim_objsched_swrl *rl = sim_objsched_swrl(os, pos);
	u64 busy = 0, preempt = 0;
	u32 e;

	lockdep_assert_held(&os->lock);

	for (e = 0; e < SIM_NUM_ENGINES; e++) {
		struct sim_objsched_log *log = &os->log[e];
		struct nv2080_ctrl_fifo_objsched_sw_log_entry *en =
			&log->e[log->head];

		if (!sim_objsched_vacant(pos))
			sim_engine_counters(sim, e, pos, &busy, &preempt);
		log->last_ns = max(now, log->last_ns + 1);
		*en = (struct nv2080_ctrl_fifo_objsched_sw_log_entry){
			.timestamp_ns = log->last_ns,
			.swrl_id = sim_objsched_vacant(pos) ?
				   SIM_OBJSCHED_SWRL_VACANT : pos,
			.target_time_slice = os->slice_ns,
		};
		if (!sim_objsched_vacant(pos)) {
			en->time_run_total_ns = busy - rl->origin_busy[e];
			en->time_run_ns = min_t(u64, busy - rl->at_in[e],
						U32_MAX);
			en->cumulative_preemption_time =
				preempt - rl->origin_preempt[e];
		}
		en->counters[NVVGPU_OBJSCHED_CTR_HELD_NS] = held;
		en->counters[NVVGPU_OBJSCHED_CTR_IDLE_NS] = idle;
		en->counters[NVVGPU_OBJSCHED_CTR_SLICES] = rl->slices;
		en->counters[NVVGPU_OBJSCHED_CTR_TOTAL_HELD_NS] = rl->held_ns;
		en->counters[NVVGPU_OBJSCHED_CTR_TOTAL_IDLE_NS] = rl->idle_ns;
		en->counters[NVVGPU_OBJSCHED_CTR_PREEMPTIONS] = rl->preemptions;
		en->counters[NVVGPU_OBJSCHED_CTR_WAIT_NS] = rl->wait_ns;
		log->head = (log->head + 1) % ARRAY_SIZE(log->e);
		if (log->count < ARRAY_SIZE(log->e))
			log->count++;
	}
}

/* end the slice in progress at @now: account and log it */
static void sim_objsched_put_prev(struct sim_gpu *sim, u64 now)
{
	struct sim_objsched *os = &sim->objsched;
	u32 pos = os->curr;
	struct sim_objsched_swrl *rl;
	bool work, vacant;
	u64 held, idle;

	lockdep_assert_held(&os->lock);

	if (pos == SIM_OBJSCHED_NOBODY)
		return;
	rl = sim_objsched_swrl(os, pos);
	vacant = sim_objsched_vacant(pos);
	work = !vacant && sim_objsched_has_work(sim, pos);
	held = now - os->slice_start;
	idle = vacant ? held : os->slice_idle_ns +
			       (os->idle_since ? now - os->idle_since : 0);
	idle = min(idle, held);
	rl->slices++;
	rl->held_ns += held;
	rl->idle_ns += idle;
	if (work)
		rl->preemptions++;
	if (os->arr && pos && !vacant) {
		/* a slice cut short by the timer asks for the longest */
		u64 used = work ? SIM_OBJSCHED_SLICE_MAX_NS : held - idle;
		s64 d = (s64)used - (s64)rl->arr_avg_ns;

		rl->arr_avg_ns += div_s64(d, os->arr_avg_factor);
	}
	sim_objsched_log_add(sim, pos, now, held, idle);
	if (work)
		rl->wait_since = now;
	os->curr = SIM_OBJSCHED_NOBODY;
	os->slice_ns = 0;
}

/* end the slice in progress and give the GPU to the next runlist */
static void sim_objsched_decide(struct sim_gpu *sim, u64 now)
{
	struct sim_objsched *os = &sim->objsched;
	struct sim_objsched_swrl *rl;
	u32 total, i, next = SIM_OBJSCHED_NOBODY;
	u64 busy, preempt;
	u32 e;

	lockdep_assert_held(&os->lock);

	sim_objsched_put_prev(sim, now);
	os->decisions++;
	if (!sim_objsched_any_work(sim))
		return;
	total = SIM_NUM_FUNCTIONS + sim_objsched_vacant_slots(os);
	for (i = 1; i <= total; i++) {
		u32 pos = (os->pos + i) % total;

		if (sim_objsched_eligible(sim, pos)) {
			next = pos;
			break;
		}
	}
	if (next == SIM_OBJSCHED_NOBODY)
		return;
	os->curr = next;
	os->pos = next;
	os->slice_start = now;
	os->slice_ns = sim_objsched_slice_ns(os, next);
	os->slice_idle_ns = 0;
	os->idle_since = sim_objsched_vacant(next) ||
			 !sim_objsched_has_work(sim, next) ? now : 0;
	rl = sim_objsched_swrl(os, next);
	if (rl->wait_since) {
		rl->wait_ns += now - rl->wait_since;
		rl->wait_since = 0;
	}
	for (e = 0; e < SIM_NUM_ENGINES && !sim_objsched_vacant(next); e++) {
		sim_engine_counters(sim, e, next, &busy, &preempt);
		rl->at_in[e] = busy;
	}
}

/* decide, hand the engines over and time the slice */
static void sim_objsched_run(struct sim_gpu *sim)
{
	struct sim_objsched *os = &sim->objsched;
	u32 owner;

	lockdep_assert_held(&os->lock);

	sim_objsched_decide(sim, ktime_get_ns());
	owner = os->curr == SIM_OBJSCHED_NOBODY || sim_objsched_vacant(os->curr) ?
		NVVGPU_OWNER_NONE : os->curr;
	if (READ_ONCE(sim->engines.owner) != owner)
		sim_engines_set_owner(sim, owner);
	if (os->slice_ns)
		hrtimer_start(&os->timer, ns_to_ktime(os->slice_ns),
			      HRTIMER_MODE_REL_SOFT);
}

static enum hrtimer_restart sim_objsched_tick(struct hrtimer *timer)
{
	struct sim_gpu *sim = container_of(timer, struct sim_gpu,
					   objsched.timer);
	struct sim_objsched *os = &sim->objsched;

	spin_lock(&os->lock);
	/* a halted GSP decides nothing: the engines keep their owner */
	if (os->active && READ_ONCE(sim->gsp.state) == SIM_GSP_RUNNING)
		sim_objsched_run(sim);
	spin_unlock(&os->lock);
	return HRTIMER_NORESTART;
}

/* end the slice in progress now; the timer decides, in softirq */
static void sim_objsched_kick(struct sim_objsched *os)
{
	lockdep_assert_held(&os->lock);
	hrtimer_start(&os->timer, 0, HRTIMER_MODE_REL_SOFT);
}

/* the firmware gives the engines back to the host; caller holds the lock */
static void sim_objsched_release(struct sim_gpu *sim)
{
	struct sim_objsched *os = &sim->objsched;
	u32 g;

	lockdep_assert_held(&os->lock);

	sim_objsched_put_prev(sim, ktime_get_ns());
	os->active = false;
	for (g = 0; g < SIM_NUM_FUNCTIONS; g++)
		os->swrl[g].wait_since = 0;
	/* a running callback finds the firmware no longer in charge */
	hrtimer_try_to_cancel(&os->timer);
	sim_engines_set_owner(sim, os->host_owner);
}

/**
 * sim_objsched_host_owner() - the host asks the engines to run a function
 * @sim: the GPU
 * @gfid: a GFID, 0 for the PF, %NVVGPU_OWNER_NONE or %NVVGPU_OWNER_ALL
 *
 * The backend's set_owner op. Applied at once unless the firmware's
 * scheduler is in charge; then only recorded, but %NVVGPU_OWNER_ALL takes
 * the engines back from the firmware. Any context but hardirq; the host
 * scheduler calls it with its run-queue lock held.
 */
void sim_objsched_host_owner(struct sim_gpu *sim, u32 gfid)
{
	struct sim_objsched *os = &sim->objsched;

	if (!os->log) {
		sim_engines_set_owner(sim, gfid);
		return;
	}
	spin_lock_bh(&os->lock);
	os->host_owner = gfid;
	if (os->active) {
		if (gfid != NVVGPU_OWNER_ALL)
			goto out;
		sim_objsched_release(sim);
		dev_info(sim_dev(sim), "OBJSCHED: the host took the engines back from the firmware's scheduler\n");
		goto out;
	}
	sim_engines_set_owner(sim, gfid);
out:
	spin_unlock_bh(&os->lock);
}
EXPORT_SYMBOL_IF_KUNIT(sim_objsched_host_owner);

/**
 * sim_objsched_work() - a function's work came or went
 * @sim: the GPU
 * @gfid: the function
 * @work: it has work queued now
 *
 * Called by sim_engine_work_update() on each change, in process context
 * with the engines' work lock held.
 */
void sim_objsched_work(struct sim_gpu *sim, u32 gfid, bool work)
{
	struct sim_objsched *os = &sim->objsched;
	struct sim_objsched_swrl *rl;
	u64 now;

	if (!os->log || gfid >= SIM_NUM_FUNCTIONS)
		return;
	spin_lock_bh(&os->lock);
	rl = &os->swrl[gfid];
	if (!os->active || !rl->booted)
		goto out;
	now = ktime_get_ns();
	if (work) {
		if (os->curr == gfid && os->idle_since) {
			os->slice_idle_ns += now - os->idle_since;
			os->idle_since = 0;
		} else if (os->curr != gfid && !rl->wait_since) {
			rl->wait_since = now;
		}
		if (os->curr == SIM_OBJSCHED_NOBODY)
			sim_objsched_kick(os);
	} else {
		if (rl->wait_since) {
			rl->wait_ns += now - rl->wait_since;
			rl->wait_since = 0;
		}
		if (os->curr == gfid) {
			os->idle_since = now;
			if (sim_objsched_conserving(os, gfid))
				sim_objsched_kick(os);
		}
	}
out:
	spin_unlock_bh(&os->lock);
}

/* the engines' counters for @gfid now are where its totals start */
static void sim_objsched_origin(struct sim_gpu *sim, u32 gfid)
{
	struct sim_objsched_swrl *rl = &sim->objsched.swrl[gfid];
	u32 e;

	for (e = 0; e < SIM_NUM_ENGINES; e++)
		sim_engine_counters(sim, e, gfid, &rl->origin_busy[e],
				    &rl->origin_preempt[e]);
}

static void sim_objsched_update_slots(struct sim_objsched *os)
{
	u32 g;

	os->slots = 0;
	for (g = 1; g < SIM_NUM_FUNCTIONS; g++)
		if (os->swrl[g].booted)
			os->slots = max(os->slots, os->swrl[g].max_instances);
}

/**
 * sim_objsched_vgpu_start() - a vGPU's plugin task runs: its runlist
 *	joins the rounds
 * @sim: the GPU
 * @gfid: its GFID
 * @max_instances: the instances its type allows on the GPU
 *
 * Called at bootload, under the emulator's lock.
 */
void sim_objsched_vgpu_start(struct sim_gpu *sim, u32 gfid, u32 max_instances)
{
	struct sim_objsched *os = &sim->objsched;
	struct sim_objsched_swrl *rl;

	if (!os->log || !gfid || gfid >= SIM_NUM_FUNCTIONS)
		return;
	spin_lock_bh(&os->lock);
	rl = &os->swrl[gfid];
	if (!rl->booted) {
		memset(rl, 0, sizeof(*rl));
		rl->booted = true;
		rl->max_instances = max_instances;
		rl->arr_avg_ns = sim_objsched_arr_start_ns(os);
		sim_objsched_origin(sim, gfid);
		os->num_booted++;
		sim_objsched_update_slots(os);
	}
	spin_unlock_bh(&os->lock);
}
EXPORT_SYMBOL_IF_KUNIT(sim_objsched_vgpu_start);

/**
 * sim_objsched_vgpu_stop() - a vGPU's plugin task stopped: its runlist
 *	leaves the rounds, its slice in progress ends
 * @sim: the GPU
 * @gfid: its GFID
 *
 * Called at shutdown, under the emulator's lock.
 */
void sim_objsched_vgpu_stop(struct sim_gpu *sim, u32 gfid)
{
	struct sim_objsched *os = &sim->objsched;
	struct sim_objsched_swrl *rl;

	if (!os->log || !gfid || gfid >= SIM_NUM_FUNCTIONS)
		return;
	spin_lock_bh(&os->lock);
	rl = &os->swrl[gfid];
	if (rl->booted) {
		rl->booted = false;
		rl->wait_since = 0;
		os->num_booted--;
		sim_objsched_update_slots(os);
		if (os->active && os->curr == gfid)
			sim_objsched_kick(os);
	}
	spin_unlock_bh(&os->lock);
}

static void sim_objsched_defaults(struct sim_objsched *os)
{
	os->policy = NV2080_CTRL_CMD_VGPU_SCHEDULER_POLICY_BEST_EFFORT;
	os->arr = false;
	os->timeslice_ns = SIM_OBJSCHED_SLICE_DEFAULT_NS;
	os->arr_frequency = SIM_OBJSCHED_FREQ_DEFAULT;
	os->arr_avg_factor = SIM_OBJSCHED_AVG_DEFAULT;
}

/**
 * sim_objsched_reset() - the GSP reset: the firmware's scheduler forgets
 *	its state and log, and the engines follow the host again
 * @sim: the GPU
 *
 * Process context, under the emulator's lock.
 */
void sim_objsched_reset(struct sim_gpu *sim)
{
	struct sim_objsched *os = &sim->objsched;
	u32 e;

	if (!os->log)
		return;
	spin_lock_bh(&os->lock);
	if (os->active) {
		sim_objsched_release(sim);
		dev_info(sim_dev(sim), "OBJSCHED: GSP reset; the engines follow the host again\n");
	}
	memset(os->swrl, 0, sizeof(os->swrl));
	memset(&os->vacant, 0, sizeof(os->vacant));
	os->swrl[0].booted = true;
	sim_objsched_origin(sim, 0);
	os->num_booted = 0;
	os->slots = 0;
	os->pos = 0;
	sim_objsched_defaults(os);
	/* the timestamps keep increasing across the reset */
	for (e = 0; e < SIM_NUM_ENGINES; e++) {
		os->log[e].head = 0;
		os->log[e].count = 0;
	}
	spin_unlock_bh(&os->lock);
	hrtimer_cancel(&os->timer);
}

/**
 * sim_objsched_init() - set up the firmware's scheduler, not in charge
 * @sim: the GPU
 *
 * Return: 0 or -ENOMEM.
 */
int sim_objsched_init(struct sim_gpu *sim)
{
	struct sim_objsched *os = &sim->objsched;

	spin_lock_init(&os->lock);
	hrtimer_init(&os->timer, CLOCK_MONOTONIC, HRTIMER_MODE_REL_SOFT);
	os->timer.function = sim_objsched_tick;
	os->host_owner = NVVGPU_OWNER_ALL;
	os->curr = SIM_OBJSCHED_NOBODY;
	os->swrl[0].booted = true;
	sim_objsched_defaults(os);
	os->log = kvcalloc(SIM_NUM_ENGINES, sizeof(*os->log), GFP_KERNEL);
	return os->log ? 0 : -ENOMEM;
}
EXPORT_SYMBOL_IF_KUNIT(sim_objsched_init);

/**
 * sim_objsched_fini() - stop the timer and free the logs
 * @sim: the GPU
 */
void sim_objsched_fini(struct sim_gpu *sim)
{
	struct sim_objsched *os = &sim->objsched;

	if (!os->log)
		return;
	spin_lock_bh(&os->lock);
	os->active = false;
	spin_unlock_bh(&os->lock);
	hrtimer_cancel(&os->timer);
	kvfree(os->log);
	os->log = NULL;
}
EXPORT_SYMBOL_IF_KUNIT(sim_objsched_fini);

/* the index of the engine of NV2080 type @type, or -1 */
static int sim_objsched_engine(struct sim_gpu *sim, u32 type)
{
	int i;

	for (i = 0; i < SIM_NUM_ENGINES; i++)
		if (sim->engines.eng[i].type == type &&
		    sim->engine_mask & BIT_ULL(type))
			return i;
	return -1;
}

static void sim_objsched_get_caps(struct nv2080_ctrl_fifo_objsched_get_caps_params *p)
{
	u32 engine = p->engine_id;

	*p = (struct nv2080_ctrl_fifo_objsched_get_caps_params){
		.engine_id = engine,
		.supported_schedulers = {
			NV2080_CTRL_CMD_VGPU_SCHEDULER_POLICY_BEST_EFFORT,
			NV2080_CTRL_CMD_VGPU_SCHEDULER_POLICY_EQUAL_SHARE,
			NV2080_CTRL_CMD_VGPU_SCHEDULER_POLICY_FIXED_SHARE,
		},
		.is_arr_mode_supported = 1,
		.max_timeslice_ns = SIM_OBJSCHED_SLICE_MAX_NS,
		.min_timeslice_ns = SIM_OBJSCHED_SLICE_MIN_NS,
		.max_frequency_for_arr = SIM_OBJSCHED_FREQ_MAX,
		.min_frequency_for_arr = SIM_OBJSCHED_FREQ_MIN,
		.max_avg_factor_for_arr = SIM_OBJSCHED_AVG_MAX,
		.min_avg_factor_for_arr = SIM_OBJSCHED_AVG_MIN,
	};
}

/* schedPolicy as GET_STATE and SW_GET_LOG report it */
static u32 sim_objsched_policy(const struct sim_objsched *os)
{
	return os->active ? os->policy :
	       NV2080_CTRL_CMD_VGPU_SCHEDULER_POLICY_OTHER;
}

static u32 sim_objsched_arr_state(const struct sim_objsched *os)
{
	return os->arr ? NV2080_CTRL_CMD_VGPU_SCHEDULER_ARR_ENABLE :
			 NV2080_CTRL_CMD_VGPU_SCHEDULER_ARR_DISABLE;
}

static void sim_objsched_get_state(struct sim_gpu *sim,
				   struct nv2080_ctrl_fifo_objsched_get_state_params *p)
{
	struct sim_objsched *os = &sim->objsched;

	spin_lock_bh(&os->lock);
	p->sched_policy = sim_objsched_policy(os);
	p->arr_enabled = sim_objsched_arr_state(os);
	p->target_timeslice_ns = os->timeslice_ns;
	p->arr_avg_factor = os->arr_avg_factor;
	spin_unlock_bh(&os->lock);
}

/* a parameter of SET_STATE: 0 for the default, else within the caps */
static bool sim_objsched_in_caps(u32 val, u32 min, u32 max)
{
	return !val || (val >= min && val <= max);
}

static u32 sim_objsched_set_state(struct sim_gpu *sim,
				  const struct nv2080_ctrl_fifo_objsched_set_state_params *p)
{
	struct sim_objsched *os = &sim->objsched;
	bool arr, kick;
	u32 g;

	switch (p->sched_policy) {
	case NV2080_CTRL_CMD_VGPU_SCHEDULER_POLICY_BEST_EFFORT:
	case NV2080_CTRL_CMD_VGPU_SCHEDULER_POLICY_EQUAL_SHARE:
	case NV2080_CTRL_CMD_VGPU_SCHEDULER_POLICY_FIXED_SHARE:
		break;
	default:
		return sim_objsched_refuse(sim, NV_ERR_INVALID_ARGUMENT,
					   "SET_STATE: schedPolicy %u is none of BEST_EFFORT (2), EQUAL_SHARE (3), FIXED_SHARE (4)",
					   p->sched_policy);
	}
	if (p->enable_arr > NV2080_CTRL_CMD_VGPU_SCHEDULER_ARR_ENABLE)
		return sim_objsched_refuse(sim, NV_ERR_INVALID_ARGUMENT,
					   "SET_STATE: enableArr %u is none of DEFAULT (0), DISABLE (1), ENABLE (2)",
					   p->enable_arr);
	if (!sim_objsched_in_caps(p->timeslice_target_ns,
				  SIM_OBJSCHED_SLICE_MIN_NS,
				  SIM_OBJSCHED_SLICE_MAX_NS))
		return sim_objsched_refuse(sim, NV_ERR_INVALID_ARGUMENT,
					   "SET_STATE: timesliceTargetNs %u out of range 0 or %u..%u",
					   p->timeslice_target_ns,
					   SIM_OBJSCHED_SLICE_MIN_NS,
					   SIM_OBJSCHED_SLICE_MAX_NS);
	if (!sim_objsched_in_caps(p->frequency_for_arr, SIM_OBJSCHED_FREQ_MIN,
				  SIM_OBJSCHED_FREQ_MAX))
		return sim_objsched_refuse(sim, NV_ERR_INVALID_ARGUMENT,
					   "SET_STATE: frequencyForARR %u out of range 0 or %u..%u",
					   p->frequency_for_arr,
					   SIM_OBJSCHED_FREQ_MIN,
					   SIM_OBJSCHED_FREQ_MAX);
	if (!sim_objsched_in_caps(p->avg_factor_for_arr, SIM_OBJSCHED_AVG_MIN,
				  SIM_OBJSCHED_AVG_MAX))
		return sim_objsched_refuse(sim, NV_ERR_INVALID_ARGUMENT,
					   "SET_STATE: avgFactorForARR %u out of range 0 or %u..%u",
					   p->avg_factor_for_arr,
					   SIM_OBJSCHED_AVG_MIN,
					   SIM_OBJSCHED_AVG_MAX);
	arr = p->enable_arr == NV2080_CTRL_CMD_VGPU_SCHEDULER_ARR_ENABLE;

	spin_lock_bh(&os->lock);
	kick = !os->active || os->policy != p->sched_policy || os->arr != arr;
	os->policy = p->sched_policy;
	os->arr = arr;
	os->timeslice_ns = p->timeslice_target_ns ?:
			   SIM_OBJSCHED_SLICE_DEFAULT_NS;
	os->arr_frequency = p->frequency_for_arr ?: SIM_OBJSCHED_FREQ_DEFAULT;
	os->arr_avg_factor = p->avg_factor_for_arr ?: SIM_OBJSCHED_AVG_DEFAULT;
	if (kick) {
		/* a new policy: every runlist's ARR history starts again */
		for (g = 0; g < SIM_NUM_FUNCTIONS; g++)
			os->swrl[g].arr_avg_ns = sim_objsched_arr_start_ns(os);
	}
	if (!os->active) {
		u64 now = ktime_get_ns();

		os->active = true;
		os->curr = SIM_OBJSCHED_NOBODY;
		for (g = 0; g < SIM_NUM_FUNCTIONS; g++)
			if (os->swrl[g].booted && sim_objsched_has_work(sim, g))
				os->swrl[g].wait_since = now;
		dev_info(sim_dev(sim), "OBJSCHED: the firmware schedules the engines: %s, ARR %s, slice %u us\n",
			 sim_objsched_policy_name(os->policy),
			 os->arr ? "on" : "off", os->timeslice_ns / 1000);
	}
	if (kick)
		sim_objsched_kick(os);
	spin_unlock_bh(&os->lock);
	return NV_OK;
}

static void sim_objsched_get_log(struct sim_gpu *sim, int engine,
				 struct nv2080_ctrl_fifo_objsched_sw_get_log_params *p)
{
	struct sim_objsched *os = &sim->objsched;
	const struct sim_objsched_log *log = &os->log[engine];
	u32 engine_id = p->engine_id, first, i, n;

	memset(p, 0, sizeof(*p));
	p->engine_id = engine_id;
	spin_lock_bh(&os->lock);
	n = log->count;
	first = (log->head + ARRAY_SIZE(log->e) - n) % ARRAY_SIZE(log->e);
	for (i = 0; i < n; i++)
		p->entry[i] = log->e[(first + i) % ARRAY_SIZE(log->e)];
	p->count = n;
	p->sched_policy = sim_objsched_policy(os);
	p->arr_enabled = sim_objsched_arr_state(os);
	p->arr_avg_factor = os->arr_avg_factor;
	p->target_timeslice_ns = os->timeslice_ns;
	spin_unlock_bh(&os->lock);
}

/**
 * sim_objsched_control() - serve an NV2080_CTRL_CMD_FIFO_OBJSCHED_* control
 * @sim: the GPU
 * @cmd: the control
 * @params: its parameters, updated in place
 * @size: their size
 *
 * On any client's subdevice, under the emulator's lock.
 *
 * Return: the RM status: NV_OK; NV_ERR_NOT_SUPPORTED when the release has
 * no such control; NV_ERR_INVALID_PARAM_STRUCT for a size not the
 * release's; NV_ERR_INVALID_ARGUMENT for an engine the GPU lacks or a
 * value beyond GET_CAPS. Each refusal is logged.
 */
u32 sim_objsched_control(struct sim_gpu *sim, u32 cmd, void *params, u32 size)
{
	u32 want = sim_fwif_objsched_size(sim, cmd);
	const char *name = sim_objsched_cmd_name(cmd);
	int engine;

	if (!want)
		return sim_objsched_refuse(sim, NV_ERR_NOT_SUPPORTED,
					   "%s: firmware %s has no OBJSCHED controls",
					   name, sim->fw_version);
	if (size != want)
		return sim_objsched_refuse(sim, NV_ERR_INVALID_PARAM_STRUCT,
					   "%s: %u bytes of parameters, %s expects %u",
					   name, size, sim->fw_version, want);
	if (!sim->objsched.log)
		return NV_ERR_NOT_READY;
	/* every one of them starts with engineId */
	engine = sim_objsched_engine(sim, *(const u32 *)params);
	if (engine < 0)
		return sim_objsched_refuse(sim, NV_ERR_INVALID_ARGUMENT,
					   "%s: engineId %#x is no engine of this GPU",
					   name, *(const u32 *)params);

	switch (cmd) {
	case NV2080_CTRL_CMD_FIFO_OBJSCHED_GET_CAPS:
		sim_objsched_get_caps(params);
		return NV_OK;
	case NV2080_CTRL_CMD_FIFO_OBJSCHED_GET_STATE:
		sim_objsched_get_state(sim, params);
		return NV_OK;
	case NV2080_CTRL_CMD_FIFO_OBJSCHED_SET_STATE:
		return sim_objsched_set_state(sim, params);
	case NV2080_CTRL_CMD_FIFO_OBJSCHED_SW_GET_LOG:
		sim_objsched_get_log(sim, engine, params);
		return NV_OK;
	default:
		return NV_ERR_NOT_SUPPORTED;
	}
}
EXPORT_SYMBOL_IF_KUNIT(sim_objsched_control);

/**
 * sim_objsched_show() - debugfs "objsched": the firmware scheduler's state
 * @m: the seq file
 * @sim: the GPU
 */
void sim_objsched_show(struct seq_file *m, struct sim_gpu *sim)
{
	struct sim_objsched *os = &sim->objsched;
	u32 g;

	if (!os->log)
		return;
	spin_lock_bh(&os->lock);
	seq_printf(m, "in charge: %s\npolicy: %s\narr: %s\ntimeslice_ns: %u\narr_frequency: %u\narr_avg_factor: %u\nslots: %u\ndecisions: %llu\n",
		   os->active ? "firmware" : "host",
		   sim_objsched_policy_name(os->policy), os->arr ? "on" : "off",
		   os->timeslice_ns, os->arr_frequency, os->arr_avg_factor,
		   os->slots, os->decisions);
	if (os->curr == SIM_OBJSCHED_NOBODY)
		seq_puts(m, "current: none\n");
	else if (sim_objsched_vacant(os->curr))
		seq_puts(m, "current: vacant\n");
	else
		seq_printf(m, "current: %u\n", os->curr);
	for (g = 0; g < SIM_NUM_FUNCTIONS; g++) {
		const struct sim_objsched_swrl *rl = &os->swrl[g];

		if (!rl->booted)
			continue;
		seq_printf(m, "swrl %u slices=%llu held_ns=%llu idle_ns=%llu preemptions=%llu wait_ns=%llu\n",
			   g, rl->slices, rl->held_ns, rl->idle_ns,
			   rl->preemptions, rl->wait_ns);
	}
	if (os->vacant.slices)
		seq_printf(m, "vacant slices=%llu held_ns=%llu\n",
			   os->vacant.slices, os->vacant.held_ns);
	spin_unlock_bh(&os->lock);
}

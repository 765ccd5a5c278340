// SPDX-License-Identifier: GPL-2.0
/*
 * nvvgpu_sched_fw: the firmware's scheduler log, polled and turned into
 * the host scheduler's tracepoints, accounting and log.
 *
 * Copyright (c) 2026 The nvvgpu developers
 */
#include <linux/jiffies.h>
#include <linux/ktime.h>
#include <linux/lockdep.h>
#include <linux/minmax.h>
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/workqueue.h>

#include <nvvgpu/abi/fwif.h>
#include <nvvgpu/core.h>
#include <nvvgpu/sched_trace.h>

#include "sched_fw.h"

/**
 * DOC: the firmware's log
 *
 * SW_GET_LOG returns, for one engine, the firmware's last 200 decisions
 * and leaves them in place; the poller reads every engine's log each
 * poll_ms and takes the entries newer than the newest it has, so each
 * decision is seen once. Reading at least five times a second, as NVML
 * advises, keeps up with 200 decisions per read down to 1 ms slices; when
 * a read finds the oldest entry already newer than the last one taken,
 * entries were dropped unseen, which debugfs counts ("lost"). The
 * accounting does not suffer: it comes from the entries' cumulative
 * counters (&enum nvvgpu_objsched_counter) and the engines' own counters.
 *
 * The first engine's log is the GPU's decision log: each of its entries
 * ends one slice of one runlist (swrlId: a GFID, 0 the PF, beyond the GFIDs
 * an idle slot). From it come, as the host scheduler emits them,
 * nvvgpu_sched_switch (from the previous entry's runlist to this one's, or
 * through nobody when the GPU idled in between), switch_in, idle (when
 * the slice had idle time), one switch_out per engine (with that engine's
 * entry of the same timestamp: its busy time in the slice), and
 * slice_expired (when the slice ended by its timer with work left); and
 * the vGPU's slices, granted, idle, wait time and preemptions. Entries of
 * a GFID older than its vGPU belong to an earlier vGPU and are not
 * accounted. Busy time, jobs and preemption time come from the engines,
 * as for the host scheduler.
 *
 * The events are emitted when the poller reads them, up to poll_ms after
 * the decision: their trace timestamps are the poll's; their fields (the
 * slice, the time run) are the decision's. Every engine's entries also go
 * to the module's own copy of the logs, which sysfs nvvgpu_sched/log
 * shows in the host scheduler's format.
 */

static unsigned int poll_ms = 100;
module_param(poll_ms, uint, 0444);
MODULE_PARM_DESC(poll_ms, "How often the firmware's scheduler log is read, in milliseconds (10..200, default 100: NVML advises at least five reads a second)");

#define NVVGPU_SCHED_FW_POLL_MIN_MS	10
#define NVVGPU_SCHED_FW_POLL_MAX_MS	200
/* a slice that starts this much after the previous ended: the GPU idled */
#define NVVGPU_SCHED_FW_GAP_NS		1000

/* the entity of a runlist, NULL for a vGPU unknown or younger than @ts */
static struct nvvgpu_sched_fw_entity *
nvvgpu_sched_fw_entity(struct nvvgpu_sched_fw *fw, u32 swrl, u64 ts)
{
	struct nvvgpu_sched_fw_entity *se;

	if (!swrl)
		return &fw->host;
	if (swrl >= ARRAY_SIZE(fw->by_gfid))
		return &fw->vacant;
	se = fw->by_gfid[swrl];
	return se && ts > se->since ? se : NULL;
}

/* the entity id a runlist shows as: a vGPU's id is its GFID - 1 */
static u32 nvvgpu_sched_fw_id(struct nvvgpu_sched_fw *fw, u32 swrl)
{
	if (!swrl)
		return NVVGPU_SCHED_HOST;
	if (swrl >= ARRAY_SIZE(fw->by_gfid))
		return NVVGPU_SCHED_VACANT;
	return swrl - 1;
}

static u32 nvvgpu_sched_fw_gfid(struct nvvgpu_sched_fw *fw, u32 swrl)
{
	return swrl < ARRAY_SIZE(fw->by_gfid) ? swrl : 0;
}

/* the entries of engine @k's reply newer than what was taken: first, count */
static void nvvgpu_sched_fw_new_range(struct nvvgpu_sched_fw *fw, u32 k)
{
	struct nvvgpu_sched_fw_engine *eng = &fw->engines[k];
	const struct nv2080_ctrl_fifo_objsched_sw_get_log_params *r = eng->reply;
	u32 i;

	/* the firmware's log started again (a GSP reset with a new clock) */
	if (r->count && r->entry[r->count - 1].timestamp_ns < eng->last_ns)
		eng->last_ns = 0;
	for (i = 0; i < r->count; i++)
		if (r->entry[i].timestamp_ns > eng->last_ns)
			break;
	if (eng->last_ns && i == 0 && r->count == NVVGPU_SCHED_LOG_ENTRIES)
		eng->lost++;
	eng->next = i;
}

/* engine @k's new entry with timestamp @ts, or NULL */
static const struct nv2080_ctrl_fifo_objsched_sw_log_entry *
nvvgpu_sched_fw_match(struct nvvgpu_sched_fw *fw, u32 k, u64 ts)
{
	struct nvvgpu_sched_fw_engine *eng = &fw->engines[k];
	const struct nv2080_ctrl_fifo_objsched_sw_get_log_params *r = eng->reply;

	while (eng->next < r->count && r->entry[eng->next].timestamp_ns < ts)
		eng->next++;
	if (eng->next < r->count && r->entry[eng->next].timestamp_ns == ts)
		return &r->entry[eng->next];
	return NULL;
}

static void nvvgpu_sched_fw_switch(struct nvvgpu_sched_fw *fw, u32 next,
				   u32 owner, u64 slice_ns)
{
	u32 pgpu = nvvgpu_pgpu_id(fw->pgpu);

	if (!fw->have_prev) {
		trace_nvvgpu_sched_switch(pgpu, NVVGPU_SCHED_NOBODY, 0, next,
					  slice_ns);
		fw->switches++;
		return;
	}
	trace_nvvgpu_sched_switch(pgpu, fw->prev_id, fw->prev_held, next,
				  slice_ns);
	if (fw->prev_owner != owner)
		fw->switches++;
}

/*
 * How much a cumulative counter of the firmware's grew since @seen, which
 * becomes @now. A counter that went back started again (a GSP reset, or
 * the GFID's plugin task bootloaded anew): all of it is new.
 */
static u64 nvvgpu_sched_fw_grew(u64 *seen, u64 now)
{
	u64 d = now >= *seen ? now - *seen : now;

	*seen = now;
	return d;
}

/* one decision of the first engine's log, with the others' entries */
static void nvvgpu_sched_fw_decision(struct nvvgpu_sched_fw *fw,
				     const struct nv2080_ctrl_fifo_objsched_sw_log_entry *e)
{
	const struct nv2080_ctrl_fifo_objsched_sw_log_entry *m;
	u64 held = e->counters[NVVGPU_OBJSCHED_CTR_HELD_NS];
	u64 idle = e->counters[NVVGPU_OBJSCHED_CTR_IDLE_NS];
	u64 slices = e->counters[NVVGPU_OBJSCHED_CTR_SLICES];
	u64 ts = e->timestamp_ns, slice = e->target_time_slice, preempt = 0;
	u32 pgpu = nvvgpu_pgpu_id(fw->pgpu), id, gfid, owner, k;
	struct nvvgpu_sched_fw_entity *se;
	const uuid_t *uuid;
	bool expired;

	lockdep_assert_held(&fw->lock);

	se = nvvgpu_sched_fw_entity(fw, e->swrl_id, ts);
	id = nvvgpu_sched_fw_id(fw, e->swrl_id);
	gfid = nvvgpu_sched_fw_gfid(fw, e->swrl_id);
	owner = id == NVVGPU_SCHED_VACANT ? NVVGPU_OWNER_NONE : gfid;
	uuid = se && se->vgpu ? &se->vgpu->uuid : NULL;
	/* a firmware that keeps no counters: its slice ran what it ran */
	if (!slices)
		held = e->time_run_ns;
	for (k = 0; k < fw->num_engines; k++) {
		m = k ? nvvgpu_sched_fw_match(fw, k, ts) : e;
		if (m)
			preempt += m->cumulative_preemption_time;
	}

	if (fw->have_prev && ts - held > fw->prev_end + NVVGPU_SCHED_FW_GAP_NS) {
		/* the GPU idled between the two slices */
		trace_nvvgpu_sched_switch(pgpu, fw->prev_id, fw->prev_held,
					  NVVGPU_SCHED_NOBODY, 0);
		fw->have_prev = false;
	}
	nvvgpu_sched_fw_switch(fw, id, owner, slice);
	trace_nvvgpu_sched_switch_in(pgpu, NVVGPU_SCHED_ALL_ENGINES, id, gfid,
				     uuid, slice, 0, preempt);
	if (idle)
		trace_nvvgpu_sched_idle(pgpu, NVVGPU_SCHED_ALL_ENGINES, id, gfid,
					uuid, slice, held - min(idle, held),
					preempt);
	for (k = 0; k < fw->num_engines; k++) {
		m = k ? nvvgpu_sched_fw_match(fw, k, ts) : e;
		if (m)
			trace_nvvgpu_sched_switch_out(pgpu, k, id, gfid, uuid,
						      slice, m->time_run_ns,
						      preempt);
	}
	expired = se && slices &&
		  e->counters[NVVGPU_OBJSCHED_CTR_PREEMPTIONS] > se->seen.preemptions;
	if (expired && held >= slice)
		trace_nvvgpu_sched_slice_expired(pgpu, NVVGPU_SCHED_ALL_ENGINES,
						 id, gfid, uuid, slice, held,
						 preempt);

	if (se && slices) {
		const u64 *c = e->counters;

		se->slices += nvvgpu_sched_fw_grew(&se->seen.slices, slices);
		se->granted_ns += nvvgpu_sched_fw_grew(&se->seen.held_ns,
						       c[NVVGPU_OBJSCHED_CTR_TOTAL_HELD_NS]);
		se->idle_ns += nvvgpu_sched_fw_grew(&se->seen.idle_ns,
						    c[NVVGPU_OBJSCHED_CTR_TOTAL_IDLE_NS]);
		se->preemptions += nvvgpu_sched_fw_grew(&se->seen.preemptions,
							c[NVVGPU_OBJSCHED_CTR_PREEMPTIONS]);
		se->wait_ns += nvvgpu_sched_fw_grew(&se->seen.wait_ns,
						    c[NVVGPU_OBJSCHED_CTR_WAIT_NS]);
	} else if (se) {
		se->slices++;
		se->granted_ns += held;
	}
	if (se)
		se->preempt_ns = preempt;
	fw->have_prev = true;
	fw->prev_id = id;
	fw->prev_owner = owner;
	fw->prev_end = ts;
	fw->prev_held = held;
	fw->decisions++;
}

/* engine @k's new entries into the operator's log */
static void nvvgpu_sched_fw_log_copy(struct nvvgpu_sched_fw *fw, u32 k)
{
	struct nvvgpu_sched_fw_engine *eng = &fw->engines[k];
	const struct nv2080_ctrl_fifo_objsched_sw_get_log_params *r = eng->reply;
	u32 i;

	for (i = 0; i < r->count; i++) {
		const struct nv2080_ctrl_fifo_objsched_sw_log_entry *e =
			&r->entry[i];
		struct nvvgpu_sched_log_entry le = {
			.timestamp_ns = e->timestamp_ns,
			.time_run_total_ns = max_t(s64, e->time_run_total_ns, 0),
			.time_run_ns = e->time_run_ns,
			.swrl_id = nvvgpu_sched_fw_gfid(fw, e->swrl_id),
			.id = nvvgpu_sched_fw_id(fw, e->swrl_id),
			.target_slice_ns = e->target_time_slice,
			.cumulative_preemption_ns = e->cumulative_preemption_time,
			.cumulative_idle_ns =
				e->counters[NVVGPU_OBJSCHED_CTR_TOTAL_IDLE_NS],
			.weight = 1,
		};

		if (e->timestamp_ns <= eng->last_ns)
			continue;
		nvvgpu_sched_log_add(&fw->log[k], &le);
		eng->last_ns = e->timestamp_ns;
	}
}

/* what the log says the firmware runs, against what it was told */
static bool nvvgpu_sched_fw_state_kept(struct nvvgpu_sched_fw *fw,
				       const struct nv2080_ctrl_fifo_objsched_sw_get_log_params *r)
{
	const struct nvvgpu_sched_fw_state *st = &fw->state;
	u32 arr = st->policy == NVVGPU_SCHED_FW_ARR ?
		  NV2080_CTRL_CMD_VGPU_SCHEDULER_ARR_ENABLE :
		  NV2080_CTRL_CMD_VGPU_SCHEDULER_ARR_DISABLE;
	u32 policy = st->policy == NVVGPU_SCHED_FW_EQUAL_SHARE ?
		     NV2080_CTRL_CMD_VGPU_SCHEDULER_POLICY_EQUAL_SHARE :
		     st->policy == NVVGPU_SCHED_FW_FIXED_SHARE ?
		     NV2080_CTRL_CMD_VGPU_SCHEDULER_POLICY_FIXED_SHARE :
		     NV2080_CTRL_CMD_VGPU_SCHEDULER_POLICY_BEST_EFFORT;

	lockdep_assert_held(&fw->state_lock);
	return r->sched_policy == policy && r->arr_enabled == arr &&
	       r->target_timeslice_ns == st->timeslice_us * 1000 &&
	       r->arr_avg_factor == st->arr_avg_factor;
}

/* every engine's log into its reply; false (counted) if the transport failed */
static bool nvvgpu_sched_fw_read_logs(struct nvvgpu_sched_fw *fw)
{
	struct nvvgpu_pgpu *pgpu = fw->pgpu;
	u32 k, size = fw->abi->objsched_log_size;
	int err;

	for (k = 0; k < fw->num_engines; k++) {
		struct nv2080_ctrl_fifo_objsched_sw_get_log_params *r =
			fw->engines[k].reply;

		memset(r, 0, size);
		r->engine_id = fw->engines[k].type;
		err = nvvgpu_pgpu_fw_control(pgpu,
					     NV2080_CTRL_CMD_FIFO_OBJSCHED_SW_GET_LOG,
					     r, size);
		if (!err && r->count > NVVGPU_SCHED_LOG_ENTRIES)
			err = -EPROTO;
		if (err) {
			dev_warn_ratelimited(nvvgpu_pgpu_dev(pgpu), "nvvgpu_sched_fw: SW_GET_LOG of engine %s (%u entries): %pe\n",
					     fw->engine_names[k], r->count,
					     ERR_PTR(err));
			spin_lock_bh(&fw->lock);
			fw->poll_errors++;
			spin_unlock_bh(&fw->lock);
			return false;
		}
	}
	return true;
}

/**
 * nvvgpu_sched_fw_poll_once() - read the firmware's logs and take what is
 *	new: tracepoints, accounting, the operator's log
 * @fw: the scheduler
 *
 * What the poller does each poll_ms; also called when the scheduler is
 * handed over, to account the last slices. Process context, the poller
 * not running; takes @fw->state_lock and @fw->lock; sleeps.
 */
void nvvgpu_sched_fw_poll_once(struct nvvgpu_sched_fw *fw)
{
	struct nvvgpu_pgpu *pgpu = fw->pgpu;
	u64 seq;
	u32 i, k;

	mutex_lock(&fw->state_lock);
	seq = fw->state_seq;
	mutex_unlock(&fw->state_lock);
	if (!nvvgpu_sched_fw_read_logs(fw))
		return;

	/* a GSP reset forgets the policy: set it again (not once handed over) */
	mutex_lock(&fw->state_lock);
	if (fw->state_seq == seq && !fw->exported &&
	    !nvvgpu_sched_fw_state_kept(fw, fw->engines[0].reply)) {
		dev_warn(nvvgpu_pgpu_dev(pgpu), "nvvgpu_sched_fw: the firmware runs policy %u, not %s: setting it again\n",
			 fw->engines[0].reply->sched_policy,
			 nvvgpu_sched_fw_policy_name(fw->state.policy));
		nvvgpu_sched_fw_set_state(fw, &fw->state,
					  "nvvgpu_sched_fw: poll");
	}
	mutex_unlock(&fw->state_lock);

	spin_lock_bh(&fw->lock);
	fw->polls++;
	for (k = 0; k < fw->num_engines; k++)
		nvvgpu_sched_fw_new_range(fw, k);
	for (i = fw->engines[0].next; i < fw->engines[0].reply->count; i++)
		nvvgpu_sched_fw_decision(fw, &fw->engines[0].reply->entry[i]);
	for (k = 0; k < fw->num_engines; k++)
		nvvgpu_sched_fw_log_copy(fw, k);
	spin_unlock_bh(&fw->lock);
}

static void nvvgpu_sched_fw_poll_work(struct work_struct *work)
{
	struct nvvgpu_sched_fw *fw = container_of(to_delayed_work(work),
						  struct nvvgpu_sched_fw, poll);

	nvvgpu_sched_fw_poll_once(fw);
	queue_delayed_work(system_wq, &fw->poll, msecs_to_jiffies(poll_ms));
}

/**
 * nvvgpu_sched_fw_log_sync() - start from where the firmware's logs are
 * @fw: the scheduler, its entities made, the poller not running
 *
 * The logs keep the firmware's last decisions, also those taken before
 * this scheduler attached (an earlier instance of it, before a hand-over
 * to the host and back): they are history, not new decisions. Marks every
 * engine's newest entry as taken and sets each entity's @seen counters
 * from its runlist's newest entry, so that only what the firmware does
 * from now on is traced and added to the accounting. A runlist with no
 * entry left in the log keeps zero counters: the firmware has not
 * scheduled it since its bootload, or did so longer than
 * %NVVGPU_SCHED_LOG_ENTRIES decisions ago (its first decision then counts
 * from its bootload). Process context; sleeps.
 *
 * Return: 0, or the transport's errno.
 */
int nvvgpu_sched_fw_log_sync(struct nvvgpu_sched_fw *fw)
{
	const struct nv2080_ctrl_fifo_objsched_sw_get_log_params *r;
	u32 i, k;

	if (!nvvgpu_sched_fw_read_logs(fw))
		return -EIO;
	r = fw->engines[0].reply;
	spin_lock_bh(&fw->lock);
	for (k = 0; k < fw->num_engines; k++) {
		const struct nv2080_ctrl_fifo_objsched_sw_get_log_params *q =
			fw->engines[k].reply;

		if (q->count)
			fw->engines[k].last_ns =
				q->entry[q->count - 1].timestamp_ns;
	}
	/* oldest first: the newest entry of each runlist wins */
	for (i = 0; i < r->count; i++) {
		const struct nv2080_ctrl_fifo_objsched_sw_log_entry *e =
			&r->entry[i];
		struct nvvgpu_sched_fw_entity *se;

		if (!e->counters[NVVGPU_OBJSCHED_CTR_SLICES])
			continue;
		if (!e->swrl_id)
			se = &fw->host;
		else if (e->swrl_id < ARRAY_SIZE(fw->by_gfid))
			se = fw->by_gfid[e->swrl_id];
		else
			se = &fw->vacant;
		if (!se)
			continue;
		se->seen.slices = e->counters[NVVGPU_OBJSCHED_CTR_SLICES];
		se->seen.held_ns = e->counters[NVVGPU_OBJSCHED_CTR_TOTAL_HELD_NS];
		se->seen.idle_ns = e->counters[NVVGPU_OBJSCHED_CTR_TOTAL_IDLE_NS];
		se->seen.preemptions = e->counters[NVVGPU_OBJSCHED_CTR_PREEMPTIONS];
		se->seen.wait_ns = e->counters[NVVGPU_OBJSCHED_CTR_WAIT_NS];
	}
	spin_unlock_bh(&fw->lock);
	return 0;
}

/**
 * nvvgpu_sched_fw_log_init() - allocate the logs and the poller's replies
 * @fw: the scheduler, its engines known
 *
 * Return: 0, -EOPNOTSUPP for a release whose log is not laid out as
 * 570.144's, or -ENOMEM.
 */
int nvvgpu_sched_fw_log_init(struct nvvgpu_sched_fw *fw)
{
	u32 k;

	if (fw->abi->objsched_log_size !=
	    sizeof(struct nv2080_ctrl_fifo_objsched_sw_get_log_params)) {
		dev_err(nvvgpu_pgpu_dev(fw->pgpu), "nvvgpu_sched_fw: firmware %s's scheduler log is %u bytes, nvvgpu reads the %zu of 570.144's\n",
			nvvgpu_pgpu_fw_version(fw->pgpu), fw->abi->objsched_log_size,
			sizeof(struct nv2080_ctrl_fifo_objsched_sw_get_log_params));
		return -EOPNOTSUPP;
	}
	INIT_DELAYED_WORK(&fw->poll, nvvgpu_sched_fw_poll_work);
	fw->log = kvcalloc(fw->num_engines, sizeof(*fw->log), GFP_KERNEL);
	if (!fw->log)
		return -ENOMEM;
	for (k = 0; k < fw->num_engines; k++) {
		fw->engines[k].reply = kvzalloc(fw->abi->objsched_log_size,
						GFP_KERNEL);
		if (!fw->engines[k].reply)
			return -ENOMEM;
	}
	return 0;
}

/**
 * nvvgpu_sched_fw_log_fini() - free what nvvgpu_sched_fw_log_init() made
 * @fw: the scheduler, its poller stopped
 */
void nvvgpu_sched_fw_log_fini(struct nvvgpu_sched_fw *fw)
{
	u32 k;

	for (k = 0; k < fw->num_engines; k++) {
		kvfree(fw->engines[k].reply);
		fw->engines[k].reply = NULL;
	}
	kvfree(fw->log);
	fw->log = NULL;
}

/**
 * nvvgpu_sched_fw_poll_start() - read the log every poll_ms from now on
 * @fw: the scheduler
 */
void nvvgpu_sched_fw_poll_start(struct nvvgpu_sched_fw *fw)
{
	if (poll_ms < NVVGPU_SCHED_FW_POLL_MIN_MS ||
	    poll_ms > NVVGPU_SCHED_FW_POLL_MAX_MS) {
		dev_warn(nvvgpu_pgpu_dev(fw->pgpu), "nvvgpu_sched_fw: poll_ms=%u out of range %u..%u: %u\n",
			 poll_ms, NVVGPU_SCHED_FW_POLL_MIN_MS,
			 NVVGPU_SCHED_FW_POLL_MAX_MS,
			 clamp(poll_ms, NVVGPU_SCHED_FW_POLL_MIN_MS,
			       NVVGPU_SCHED_FW_POLL_MAX_MS));
		poll_ms = clamp(poll_ms, NVVGPU_SCHED_FW_POLL_MIN_MS,
				NVVGPU_SCHED_FW_POLL_MAX_MS);
	}
	queue_delayed_work(system_wq, &fw->poll, msecs_to_jiffies(poll_ms));
}

/**
 * nvvgpu_sched_fw_poll_stop() - stop the poller; returns once it ran
 *	for the last time
 * @fw: the scheduler
 */
void nvvgpu_sched_fw_poll_stop(struct nvvgpu_sched_fw *fw)
{
	cancel_delayed_work_sync(&fw->poll);
}

/**
 * nvvgpu_sched_fw_fill_stats() - an entity's accounting, as far as the
 *	log was read, and its engines' counters up to now
 * @fw: the scheduler
 * @se: the entity
 * @st: filled in
 *
 * Caller holds @fw->lock.
 */
void nvvgpu_sched_fw_fill_stats(struct nvvgpu_sched_fw *fw,
				struct nvvgpu_sched_fw_entity *se,
				struct nvvgpu_vgpu_sched_stats *st)
{
	u32 i;

	lockdep_assert_held(&fw->lock);
	memset(st, 0, sizeof(*st));
	st->policy = nvvgpu_sched_fw_policy_name(READ_ONCE(fw->state.policy));
	st->slices = se->slices;
	st->granted_ns = se->granted_ns;
	st->wait_ns = se->wait_ns;
	st->idle_ns = se->idle_ns;
	st->preemptions = se->preemptions;
	st->preempt_timeouts = se->preempt_timeouts;
	st->num_engines = fw->num_engines;
	for (i = 0; i < fw->num_engines; i++) {
		struct nvvgpu_engine_stats *e = &st->engine[i];

		/* the vacancy runs no function */
		if (se == &fw->vacant ||
		    nvvgpu_pgpu_engine_stats(fw->pgpu, i, se->gfid, e))
			memset(e, 0, sizeof(*e));
		e->name = fw->engine_names[i];
		e->busy_ns -= se->origin[i].busy_ns;
		e->jobs -= se->origin[i].jobs;
		e->preemptions -= se->origin[i].preemptions;
		e->preempt_ns -= se->origin[i].preempt_ns;
		e->ctxsw_ns -= se->origin[i].ctxsw_ns;
		st->preempt_ns += e->preempt_ns;
	}
}

/**
 * nvvgpu_sched_fw_log_read() - the logs as text, as the host scheduler's
 * @fw: the scheduler
 * @buf: where the bytes go
 * @off: offset in the text
 * @count: bytes wanted
 *
 * Each call reads a new snapshot of the logs as far as the poller took
 * them. Process context; takes @fw->lock.
 *
 * Return: the bytes copied, 0 past the end, or -ENOMEM.
 */
ssize_t nvvgpu_sched_fw_log_read(struct nvvgpu_sched_fw *fw, char *buf,
				 loff_t off, size_t count)
{
	size_t size = fw->num_engines * sizeof(struct nvvgpu_sched_log), n;
	struct nvvgpu_sched_log *log;

	log = kvmalloc(size, GFP_KERNEL);
	if (!log)
		return -ENOMEM;
	spin_lock_bh(&fw->lock);
	memcpy(log, fw->log, size);
	spin_unlock_bh(&fw->lock);
	n = nvvgpu_sched_log_text(log, fw->num_engines, fw->engine_names, buf,
				  off, count);
	kvfree(log);
	return n;
}

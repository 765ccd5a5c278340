// SPDX-License-Identifier: GPL-2.0
/*
 * nvvgpu sched: GPU time as the engines measured it, and the scheduler log.
 *
 * Copyright (c) 2026 The nvvgpu developers
 */

#include <linux/lockdep.h>
#include <linux/math64.h>
#include <linux/minmax.h>
#include <linux/slab.h>
#include <linux/string.h>

#include <nvvgpu/core.h>
#include <nvvgpu/sched_trace.h>

#include "sched.h"
#include "sched_policy.h"

/**
 * DOC: accounting
 *
 * The scheduler grants slices; the engines measure what ran. For each
 * entity and engine the busy time, the jobs completed and the time taken
 * to yield come from the backend's engine counters (engine_stats), which
 * include work still running, so time an engine spends finishing a method
 * after the slice ended is still the right function's. Slices, granted,
 * wait and idle time are the scheduler's own. At the end of each slice
 * every engine's log gets an entry with the fields of NVIDIA's
 * OBJSCHED_SW_GET_LOG; the last %NVVGPU_SCHED_LOG_ENTRIES are kept.
 */

/* the vacancy runs no function: the engines account nothing to it */
static void nvvgpu_sched_read(struct nvvgpu_sched_rq *rq, u32 engine,
			      const struct nvvgpu_sched_entity *se,
			      struct nvvgpu_engine_stats *st)
{
	memset(st, 0, sizeof(*st));
	if (!rq->pgpu || se == &rq->vacant ||
	    nvvgpu_pgpu_engine_stats(rq->pgpu, engine, se->gfid, st))
		memset(st, 0, sizeof(*st));
}

/**
 * nvvgpu_sched_engines_init() - learn the engines and allocate their logs
 * @rq: the run queue, with @rq->pgpu set
 *
 * Return: 0 or -ENOMEM.
 */
int nvvgpu_sched_engines_init(struct nvvgpu_sched_rq *rq)
{
	struct nvvgpu_engine_stats st;
	u32 i;

	for (i = 0; i < NVVGPU_MAX_ENGINES; i++) {
		if (nvvgpu_pgpu_engine_stats(rq->pgpu, i, 0, &st))
			break;
		rq->engine_names[i] = st.name;
	}
	rq->num_engines = i;
	if (!i)
		return 0;
	rq->log = kvcalloc(i, sizeof(*rq->log), GFP_KERNEL);
	return rq->log ? 0 : -ENOMEM;
}

/**
 * nvvgpu_sched_engines_fini() - free the logs
 * @rq: the run queue
 */
void nvvgpu_sched_engines_fini(struct nvvgpu_sched_rq *rq)
{
	kvfree(rq->log);
	rq->log = NULL;
}

/**
 * nvvgpu_sched_account_origin() - start an entity's engine counters at zero
 * @rq: the run queue
 * @se: the entity, new
 */
void nvvgpu_sched_account_origin(struct nvvgpu_sched_rq *rq,
				 struct nvvgpu_sched_entity *se)
{
	u32 i;

	for (i = 0; i < rq->num_engines; i++) {
		nvvgpu_sched_read(rq, i, se, &se->origin[i]);
		se->at_in[i] = se->origin[i];
		se->logged_busy_ns[i] = 0;
	}
}

/**
 * nvvgpu_sched_account_in() - an entity got the GPU
 * @rq: the run queue
 * @se: the entity
 *
 * Caller holds @rq->lock.
 */
void nvvgpu_sched_account_in(struct nvvgpu_sched_rq *rq,
			     struct nvvgpu_sched_entity *se)
{
	u32 i;

	lockdep_assert_held(&rq->lock);
	for (i = 0; i < rq->num_engines; i++)
		nvvgpu_sched_read(rq, i, se, &se->at_in[i]);
	if (rq->pgpu)
		trace_nvvgpu_sched_switch_in(nvvgpu_pgpu_id(rq->pgpu),
					     NVVGPU_SCHED_ALL_ENGINES,
					     se->id, se->gfid,
					     nvvgpu_sched_uuid(se), rq->slice_ns, 0,
					     se->st.preempt_ns);
}

static void nvvgpu_sched_log_slice(struct nvvgpu_sched_rq *rq, u32 engine,
				   struct nvvgpu_sched_entity *se, u64 now,
				   u64 slice_ns)
{
	u64 total = se->st.busy_ns[engine];
	struct nvvgpu_sched_log_entry e = {
		.timestamp_ns = now,
		.time_run_total_ns = total,
		.time_run_ns = total - se->logged_busy_ns[engine],
		.swrl_id = se->gfid,
		.id = se->id,
		.target_slice_ns = slice_ns,
		.cumulative_preemption_ns = se->st.preempt_ns,
		.cumulative_idle_ns = se->st.idle_ns,
		.weight = nvvgpu_sched_weight(rq, se),
	};

	se->logged_busy_ns[engine] = total;
	nvvgpu_sched_log_add(&rq->log[engine], &e);
}

/**
 * nvvgpu_sched_account_out() - an entity's slice ended
 * @rq: the run queue
 * @se: the entity, already charged by nvvgpu_sched_decide()
 * @now: when the slice ended
 * @slice_ns: the slice it had been given
 *
 * Reads the engines' counters, logs the slice on every engine and traces
 * what each engine ran for it. Caller holds @rq->lock.
 */
void nvvgpu_sched_account_out(struct nvvgpu_sched_rq *rq,
			      struct nvvgpu_sched_entity *se, u64 now,
			      u64 slice_ns)
{
	u64 busy[NVVGPU_MAX_ENGINES], preempt = 0;
	struct nvvgpu_engine_stats st;
	u32 i;

	lockdep_assert_held(&rq->lock);
	for (i = 0; i < rq->num_engines; i++) {
		nvvgpu_sched_read(rq, i, se, &st);
		busy[i] = st.busy_ns - se->at_in[i].busy_ns;
		se->st.busy_ns[i] = st.busy_ns - se->origin[i].busy_ns;
		se->st.jobs[i] = st.jobs - se->origin[i].jobs;
		preempt += st.preempt_ns - se->origin[i].preempt_ns;
	}
	se->st.preempt_ns = preempt;
	for (i = 0; i < rq->num_engines; i++) {
		if (rq->pgpu)
			trace_nvvgpu_sched_switch_out(nvvgpu_pgpu_id(rq->pgpu), i,
						      se->id, se->gfid, nvvgpu_sched_uuid(se),
						      slice_ns, busy[i], preempt);
		nvvgpu_sched_log_slice(rq, i, se, now, slice_ns);
	}
}

/**
 * nvvgpu_sched_fill_stats() - an entity's accounting, up to now
 * @rq: the run queue
 * @se: the entity
 * @st: filled in
 *
 * Caller holds @rq->lock.
 */
void nvvgpu_sched_fill_stats(struct nvvgpu_sched_rq *rq,
			     struct nvvgpu_sched_entity *se,
			     struct nvvgpu_vgpu_sched_stats *st)
{
	u32 i;

	lockdep_assert_held(&rq->lock);
	st->policy = nvvgpu_sched_policy_name(rq->p.policy);
	st->slices = se->st.slices;
	st->granted_ns = se->st.granted_ns;
	st->wait_ns = se->st.wait_ns;
	st->idle_ns = se->st.idle_ns;
	st->preemptions = se->st.preemptions;
	st->preempt_timeouts = se->st.preempt_timeouts;
	st->num_engines = rq->num_engines;
	for (i = 0; i < rq->num_engines; i++) {
		struct nvvgpu_engine_stats *e = &st->engine[i];

		nvvgpu_sched_read(rq, i, se, e);
		e->name = rq->engine_names[i];
		e->busy_ns -= se->origin[i].busy_ns;
		e->jobs -= se->origin[i].jobs;
		e->preemptions -= se->origin[i].preemptions;
		e->preempt_ns -= se->origin[i].preempt_ns;
		e->ctxsw_ns -= se->origin[i].ctxsw_ns;
		st->preempt_ns += e->preempt_ns;
	}
}

/**
 * nvvgpu_sched_log_read() - the engines' logs as text
 * @rq: the run queue
 * @buf: where the bytes go
 * @off: offset in the text
 * @count: bytes wanted
 *
 * The text is a header, then each engine's entries, oldest first, one per
 * line; every line is %NVVGPU_SCHED_LOG_LINE bytes, space-padded, so that
 * a read of whole pages never splits one. Each call reads a new snapshot
 * of the logs: a reader whose reads straddle a decision sees a line twice
 * or misses one, never half of one. Process context; takes @rq->lock.
 *
 * Return: the bytes copied, 0 past the end, or -ENOMEM.
 */
ssize_t nvvgpu_sched_log_read(struct nvvgpu_sched_rq *rq, char *buf,
			      loff_t off, size_t count)
{
	size_t size = rq->num_engines * sizeof(struct nvvgpu_sched_log), n;
	struct nvvgpu_sched_log *log;

	log = kvmalloc(size ?: 1, GFP_KERNEL);
	if (!log)
		return -ENOMEM;
	spin_lock_bh(&rq->lock);
	if (size)
		memcpy(log, rq->log, size);
	spin_unlock_bh(&rq->lock);
	n = nvvgpu_sched_log_text(log, rq->num_engines, rq->engine_names, buf,
				  off, count);
	kvfree(log);
	return n;
}

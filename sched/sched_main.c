// SPDX-License-Identifier: GPL-2.0
/*
 * nvvgpu sched: per-pgpu run queues and time slicing of vGPUs.
 *
 * Copyright (c) 2026 The nvvgpu developers
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/debugfs.h>
#include <linux/module.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/sysfs.h>

#include <nvvgpu/core.h>
#include <nvvgpu/sched_trace.h>

#include "sched.h"
#include "sched_policy.h"

/**
 * DOC: time slicing
 *
 * Each pgpu has a run queue of entities: its vGPUs, the host's own channels
 * and, under fixed share, the vacant slots. A high-resolution slice timer
 * (softirq) ends each slice: nvvgpu_sched_decide() charges the holder and
 * picks the next, the core tells the backend (nvvgpu_pgpu_run()), whose
 * engines then run only that function's channels, preempting at a method
 * boundary. The engines report through the core when a function's work
 * arrives and when it runs out; under a work-conserving policy a holder
 * that runs out yields at once and a waiting GPU starts at once. With no
 * work anywhere the timer stops. Every decision is traced
 * (nvvgpu_sched:nvvgpu_sched_switch, and per engine switch_in/switch_out
 * with the engine time used) and logged per engine.
 */

/* what each pgpu's run queue starts with; the module parameters set some */
static struct nvvgpu_sched_params nvvgpu_sched_defaults = {
	.policy = NVVGPU_SCHED_BEST_EFFORT,
	.timeslice_us = 2000,
	.arr_avg_factor = NVVGPU_SCHED_ARR_AVG_DEFAULT,
	.arr_frequency = NVVGPU_SCHED_ARR_FREQ_DEFAULT,
	.arr_min_us = 1000,
	.arr_max_us = 10000,
	.host_weight = 1,
};

/*
 * The module parameters are checked as they are set, so that a bad one
 * fails the module's load (EINVAL) with a log line naming it, before any
 * run queue exists.
 */
static int nvvgpu_sched_timeslice_set(const char *val,
				      const struct kernel_param *kp)
{
	int err = param_set_uint_minmax(val, kp, NVVGPU_SCHED_SLICE_MIN_US,
					NVVGPU_SCHED_SLICE_MAX_US);

	if (err)
		pr_err("timeslice_us=%s: not a number in %u..%u\n", val,
		       NVVGPU_SCHED_SLICE_MIN_US, NVVGPU_SCHED_SLICE_MAX_US);
	return err;
}

static const struct kernel_param_ops nvvgpu_sched_timeslice_ops = {
	.set = nvvgpu_sched_timeslice_set,
	.get = param_get_uint,
};

module_param_cb(timeslice_us, &nvvgpu_sched_timeslice_ops,
		&nvvgpu_sched_defaults.timeslice_us, 0444);
MODULE_PARM_DESC(timeslice_us, "Initial base time slice in microseconds (100..100000, default 2000; per pgpu at run time in sysfs nvvgpu_sched/timeslice_us)");

static int nvvgpu_sched_policy_set(const char *val,
				   const struct kernel_param *kp)
{
	enum nvvgpu_sched_policy policy = nvvgpu_sched_policy_lookup(val);

	if (policy == NVVGPU_SCHED_POLICY_NR) {
		pr_err("policy: unknown policy '%s' (best_effort, equal_share, fixed_share, weighted, arr)\n",
		       val ?: "");
		return -EINVAL;
	}
	*(enum nvvgpu_sched_policy *)kp->arg = policy;
	return 0;
}

static int nvvgpu_sched_policy_get(char *buf, const struct kernel_param *kp)
{
	const enum nvvgpu_sched_policy *policy = kp->arg;

	return sysfs_emit(buf, "%s\n", nvvgpu_sched_policy_name(*policy));
}

static const struct kernel_param_ops nvvgpu_sched_policy_ops = {
	.set = nvvgpu_sched_policy_set,
	.get = nvvgpu_sched_policy_get,
};

module_param_cb(policy, &nvvgpu_sched_policy_ops,
		&nvvgpu_sched_defaults.policy, 0444);
MODULE_PARM_DESC(policy, "Initial policy: best_effort, equal_share, fixed_share, weighted or arr (per pgpu at run time in sysfs nvvgpu_sched/policy)");

static u32 nvvgpu_sched_owner(struct nvvgpu_sched_rq *rq,
			      struct nvvgpu_sched_entity *se)
{
	return se && se != &rq->vacant ? se->gfid : NVVGPU_OWNER_NONE;
}

/* end the current slice at @now and start the next; caller holds the lock */
static void nvvgpu_sched_switch(struct nvvgpu_sched_rq *rq, u64 now)
{
	struct nvvgpu_sched_entity *prev = rq->curr, *next;
	u64 ran = now - rq->slice_start, prev_slice = rq->slice_ns;
	bool expired = prev && prev->has_work && prev != &rq->vacant;

	lockdep_assert_held(&rq->lock);

	next = nvvgpu_sched_decide(rq, now);
	if (prev) {
		nvvgpu_sched_account_out(rq, prev, now, prev_slice);
		if (expired && ran >= prev_slice)
			trace_nvvgpu_sched_slice_expired(nvvgpu_pgpu_id(rq->pgpu),
							 NVVGPU_SCHED_ALL_ENGINES,
							 prev->id, prev->gfid,
							 nvvgpu_sched_uuid(prev),
							 prev_slice, ran,
							 prev->st.preempt_ns);
	}
	if (next) {
		nvvgpu_sched_account_in(rq, next);
		if (rq->curr_idle_since)
			trace_nvvgpu_sched_idle(nvvgpu_pgpu_id(rq->pgpu),
						NVVGPU_SCHED_ALL_ENGINES,
						next->id, next->gfid, nvvgpu_sched_uuid(next),
						rq->slice_ns, 0,
						next->st.preempt_ns);
	}
	if (prev || next)
		trace_nvvgpu_sched_switch(nvvgpu_pgpu_id(rq->pgpu),
					  prev ? prev->id : NVVGPU_SCHED_NOBODY,
					  prev ? ran : 0,
					  next ? next->id : NVVGPU_SCHED_NOBODY,
					  rq->slice_ns);
	if ((prev || next) &&
	    (!prev || nvvgpu_sched_owner(rq, prev) != nvvgpu_sched_owner(rq, next))) {
		rq->switches++;
		nvvgpu_pgpu_run(rq->pgpu, nvvgpu_sched_owner(rq, next));
	}
	/*
	 * Re-arm with hrtimer_start() rather than forwarding: a kick may have
	 * queued the timer again meanwhile, and a queued timer must not be
	 * forwarded.
	 */
	if (rq->slice_ns)
		hrtimer_start(&rq->timer, ns_to_ktime(rq->slice_ns),
			      HRTIMER_MODE_REL_SOFT);
}

static enum hrtimer_restart nvvgpu_sched_tick(struct hrtimer *timer)
{
	struct nvvgpu_sched_rq *rq = container_of(timer, struct nvvgpu_sched_rq,
						  timer);

	spin_lock(&rq->lock);
	nvvgpu_sched_switch(rq, ktime_get_ns());
	spin_unlock(&rq->lock);
	return HRTIMER_NORESTART;
}

/**
 * nvvgpu_sched_kick() - end the current slice now
 * @rq: the run queue
 *
 * The timer callback decides, in softirq context. Caller holds @rq->lock.
 */
void nvvgpu_sched_kick(struct nvvgpu_sched_rq *rq)
{
	lockdep_assert_held(&rq->lock);
	hrtimer_start(&rq->timer, 0, HRTIMER_MODE_REL_SOFT);
}

/**
 * nvvgpu_sched_update_params() - apply checked settings to a run queue
 * @rq: the run queue
 * @p: the new settings, a copy of @rq->p with one member changed
 * @file: the sysfs file written, for the log line
 *
 * Traced as nvvgpu_sched_config. Process context, with @rq->params_lock
 * held so that writers of different members do not undo each other. The
 * fixed-share round's slots are the provider's, kept as they are now.
 *
 * Return: 0, or -EINVAL (logged) for settings that are not valid together.
 */
int nvvgpu_sched_update_params(struct nvvgpu_sched_rq *rq,
			       const struct nvvgpu_sched_params *p,
			       const char *file)
{
	struct nvvgpu_sched_params q = *p;
	const char *why;

	lockdep_assert_held(&rq->params_lock);

	if (nvvgpu_sched_check_params(&q, &why)) {
		dev_warn(nvvgpu_pgpu_dev(rq->pgpu), "nvvgpu_sched/%s: refused: %s\n", file,
			 why);
		return -EINVAL;
	}
	spin_lock_bh(&rq->lock);
	q.fixed_slots = rq->p.fixed_slots;
	if (nvvgpu_sched_set_params(rq, &q, ktime_get_ns()))
		nvvgpu_sched_kick(rq);
	trace_nvvgpu_sched_config(nvvgpu_pgpu_id(rq->pgpu),
				  nvvgpu_sched_policy_name(rq->p.policy),
				  rq->p.timeslice_us, rq->p.arr_avg_factor,
				  rq->p.arr_frequency, rq->p.arr_min_us,
				  rq->p.arr_max_us, rq->p.host_weight);
	spin_unlock_bh(&rq->lock);
	return 0;
}

/* the engines report work of function @gfid coming or going */
static void nvvgpu_sched_work(struct nvvgpu_work_sink *sink, u32 gfid,
			      bool pending)
{
	struct nvvgpu_sched_rq *rq = container_of(sink, struct nvvgpu_sched_rq,
						  sink);
	struct nvvgpu_sched_entity *se;

	if (gfid >= ARRAY_SIZE(rq->by_gfid))
		return;
	spin_lock_bh(&rq->lock);
	se = rq->by_gfid[gfid];
	if (se && nvvgpu_sched_set_work(rq, se, pending, ktime_get_ns()))
		nvvgpu_sched_kick(rq);
	if (se && !pending && rq->curr == se)
		trace_nvvgpu_sched_idle(nvvgpu_pgpu_id(rq->pgpu), NVVGPU_SCHED_ALL_ENGINES,
					se->id, se->gfid, nvvgpu_sched_uuid(se), rq->slice_ns,
					ktime_get_ns() - rq->slice_start,
					se->st.preempt_ns);
	spin_unlock_bh(&rq->lock);
}

static void nvvgpu_sched_preempt_timeout(struct nvvgpu_work_sink *sink,
					 u32 gfid, u32 chid)
{
	struct nvvgpu_sched_rq *rq = container_of(sink, struct nvvgpu_sched_rq,
						  sink);
	struct nvvgpu_sched_entity *se;

	if (gfid >= ARRAY_SIZE(rq->by_gfid))
		return;
	spin_lock_bh(&rq->lock);
	se = rq->by_gfid[gfid];
	if (se) {
		se->st.preempt_timeouts++;
		trace_nvvgpu_sched_preempt_timeout(nvvgpu_pgpu_id(rq->pgpu),
						   NVVGPU_SCHED_ALL_ENGINES,
						   se->id, se->gfid, nvvgpu_sched_uuid(se),
						   rq->slice_ns, 0,
						   se->st.preempt_ns);
	}
	spin_unlock_bh(&rq->lock);
}

static void nvvgpu_sched_show_entity(struct seq_file *m,
				     struct nvvgpu_sched_rq *rq,
				     struct nvvgpu_sched_entity *se)
{
	struct nvvgpu_vgpu_sched_stats *st;
	u32 i;

	st = kzalloc(sizeof(*st), GFP_ATOMIC);
	if (!st)
		return;
	nvvgpu_sched_fill_stats(rq, se, st);
	if (se->vgpu)
		seq_printf(m, "vgpu %u %pUl", se->id, &se->vgpu->uuid);
	else
		seq_puts(m, se == &rq->host ? "host" : "vacant");
	seq_printf(m, " gfid=%u weight=%u open=%d work=%d slices=%llu granted_us=%llu wait_us=%llu idle_us=%llu preemptions=%llu preempt_us=%llu",
		   se->gfid, nvvgpu_sched_weight(rq, se), se->open,
		   se->has_work, st->slices, st->granted_ns / 1000,
		   st->wait_ns / 1000, st->idle_ns / 1000, st->preemptions,
		   st->preempt_ns / 1000);
	for (i = 0; i < st->num_engines; i++)
		seq_printf(m, " %s_busy_us=%llu", st->engine[i].name,
			   st->engine[i].busy_ns / 1000);
	seq_putc(m, '\n');
	kfree(st);
}

static int nvvgpu_sched_show(struct seq_file *m, void *data)
{
	struct nvvgpu_sched_rq *rq = m->private;
	struct nvvgpu_sched_entity *se;

	spin_lock_bh(&rq->lock);
	seq_printf(m, "policy: %s\ntimeslice_us: %u\nswitches: %llu\ndecisions: %llu\ncurrent: %d\n",
		   nvvgpu_sched_policy_name(rq->p.policy), rq->p.timeslice_us,
		   rq->switches, rq->decisions,
		   rq->curr ? (int)rq->curr->id : (int)NVVGPU_SCHED_NOBODY);
	list_for_each_entry(se, &rq->entities, link)
		nvvgpu_sched_show_entity(m, rq, se);
	nvvgpu_sched_show_entity(m, rq, &rq->host);
	if (rq->p.policy == NVVGPU_SCHED_FIXED_SHARE)
		nvvgpu_sched_show_entity(m, rq, &rq->vacant);
	spin_unlock_bh(&rq->lock);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(nvvgpu_sched);

/* a vGPU's entity, with the core's settings, not yet on the run queue */
static struct nvvgpu_sched_entity *
nvvgpu_sched_entity_new(struct nvvgpu_sched_rq *rq, struct nvvgpu_vgpu *vgpu)
{
	u32 gfid = nvvgpu_vgpu_gfid(vgpu);
	struct nvvgpu_sched_entity *se;

	if (gfid >= ARRAY_SIZE(rq->by_gfid))
		return ERR_PTR(-EINVAL);
	se = kzalloc(sizeof(*se), GFP_KERNEL);
	if (!se)
		return ERR_PTR(-ENOMEM);
	se->vgpu = vgpu;
	nvvgpu_sched_entity_init(se, vgpu->id, gfid,
				 nvvgpu_vgpu_get_param(vgpu, NVVGPU_VGPU_WEIGHT));
	se->quantum_ns = (u64)nvvgpu_vgpu_get_param(vgpu, NVVGPU_VGPU_EXEC_QUANTUM_US) *
			 NSEC_PER_USEC;
	return se;
}

/* put it on the run queue, with the work its function has now */
static void nvvgpu_sched_entity_enqueue(struct nvvgpu_sched_rq *rq,
					struct nvvgpu_sched_entity *se)
{
	lockdep_assert_held(&rq->lock);
	se->has_work = nvvgpu_pgpu_has_work(rq->pgpu, se->gfid);
	nvvgpu_sched_add(rq, se);
	rq->by_gfid[se->gfid] = se;
}

/* an entity's accounting up to @now, the slice in progress included */
static void nvvgpu_sched_stats_now(struct nvvgpu_sched_rq *rq,
				   struct nvvgpu_sched_entity *se,
				   struct nvvgpu_vgpu_sched_stats *st, u64 now)
{
	lockdep_assert_held(&rq->lock);
	nvvgpu_sched_fill_stats(rq, se, st);
	if (rq->curr == se)
		st->granted_ns += now - rq->slice_start;
}

/* the fixed-share round: the most instances any present type allows */
static u32 nvvgpu_sched_fixed_slots(struct nvvgpu_sched_rq *rq)
{
	struct nvvgpu_sched_entity *se;
	u32 slots = 0;

	list_for_each_entry(se, &rq->entities, link)
		slots = max3(slots, se->id + 1, se->vgpu->type ?
			     se->vgpu->type->max_instances : 0);
	return slots;
}

static void nvvgpu_sched_update_slots(struct nvvgpu_sched_rq *rq)
{
	struct nvvgpu_sched_params p;

	lockdep_assert_held(&rq->lock);
	p = rq->p;
	p.fixed_slots = nvvgpu_sched_fixed_slots(rq);
	nvvgpu_sched_set_params(rq, &p, ktime_get_ns());
}

/*
 * A run queue with settings @p and the host entity, its sysfs and debugfs
 * files; nothing is scheduled until nvvgpu_sched_rq_start().
 */
static struct nvvgpu_sched_rq *nvvgpu_sched_rq_new(struct nvvgpu_pgpu *pgpu,
						   const struct nvvgpu_sched_params *p)
{
	struct nvvgpu_sched_rq *rq;
	int err;

	rq = kzalloc(sizeof(*rq), GFP_KERNEL);
	if (!rq)
		return ERR_PTR(-ENOMEM);
	rq->pgpu = pgpu;
	spin_lock_init(&rq->lock);
	mutex_init(&rq->params_lock);
	nvvgpu_sched_rq_init(rq, p);
	hrtimer_init(&rq->timer, CLOCK_MONOTONIC, HRTIMER_MODE_REL_SOFT);
	rq->timer.function = nvvgpu_sched_tick;
	err = nvvgpu_sched_engines_init(rq);
	if (err) {
		nvvgpu_sched_engines_fini(rq);
		kfree(rq);
		return ERR_PTR(err);
	}
	nvvgpu_sched_account_origin(rq, &rq->host);
	rq->by_gfid[0] = &rq->host;
	rq->host.has_work = nvvgpu_pgpu_has_work(pgpu, 0);

	/* the sysfs directory's release frees @rq from here on */
	err = nvvgpu_sched_sysfs_add(rq);
	if (err)
		return ERR_PTR(err);
	rq->debugfs = debugfs_create_file("sched", 0444, nvvgpu_pgpu_debugfs(pgpu), rq,
					  &nvvgpu_sched_fops);
	rq->sink.work = nvvgpu_sched_work;
	rq->sink.preempt_timeout = nvvgpu_sched_preempt_timeout;
	return rq;
}

/*
 * Take the work reports and decide from now on. Work that came or went
 * before the sink was in place was not reported: ask again, once the
 * reports reach us, then decide.
 */
static void nvvgpu_sched_rq_start(struct nvvgpu_sched_rq *rq)
{
	struct nvvgpu_sched_entity *se;
	u64 now;

	nvvgpu_pgpu_set_work_sink(rq->pgpu, &rq->sink);
	spin_lock_bh(&rq->lock);
	now = ktime_get_ns();
	nvvgpu_sched_set_work(rq, &rq->host,
			      nvvgpu_pgpu_has_work(rq->pgpu, 0), now);
	list_for_each_entry(se, &rq->entities, link)
		nvvgpu_sched_set_work(rq, se,
				      nvvgpu_pgpu_has_work(rq->pgpu, se->gfid),
				      now);
	nvvgpu_sched_kick(rq);
	spin_unlock_bh(&rq->lock);
}

static int nvvgpu_sched_attach(struct nvvgpu_pgpu *pgpu, void **priv)
{
	struct nvvgpu_sched_rq *rq;

	nvvgpu_pgpu_assert_locked(pgpu);

	rq = nvvgpu_sched_rq_new(pgpu, &nvvgpu_sched_defaults);
	if (IS_ERR(rq))
		return PTR_ERR(rq);
	/* until a vGPU or the host has work, nothing runs */
	spin_lock_bh(&rq->lock);
	nvvgpu_pgpu_run(pgpu, NVVGPU_OWNER_NONE);
	spin_unlock_bh(&rq->lock);
	nvvgpu_sched_rq_start(rq);
	*priv = rq;
	return 0;
}

static void nvvgpu_sched_detach(struct nvvgpu_pgpu *pgpu, void *priv)
{
	struct nvvgpu_sched_rq *rq = priv;
	struct nvvgpu_sched_entity *se, *next;

	nvvgpu_pgpu_assert_locked(pgpu);

	if (rq->exported) {
		/* the vGPUs and the engines are the incoming scheduler's */
		list_for_each_entry_safe(se, next, &rq->entities, link) {
			list_del(&se->link);
			kfree(se);
		}
		nvvgpu_sched_sysfs_put(rq);
		return;
	}
	/* no report, sysfs write or debugfs read reaches @rq after these */
	nvvgpu_pgpu_set_work_sink(pgpu, NULL);
	nvvgpu_sched_sysfs_remove(rq);
	debugfs_remove(rq->debugfs);
	hrtimer_cancel(&rq->timer);
	WARN_ON_ONCE(!list_empty(&rq->entities));
	/* nobody decides any more: every channel may run */
	spin_lock_bh(&rq->lock);
	nvvgpu_pgpu_run_all(pgpu);
	spin_unlock_bh(&rq->lock);
	nvvgpu_sched_sysfs_put(rq);
}

/*
 * Hand-over (DOC: hand-over in core/core_handover.c): stop deciding, leave
 * the engines with whoever holds them, and describe the settings and each
 * vGPU's accounting for the incoming scheduler.
 */
static int nvvgpu_sched_export(struct nvvgpu_pgpu *pgpu, void *priv,
			       struct nvvgpu_handover *ho)
{
	struct nvvgpu_sched_rq *rq = priv;
	u64 now;
	u32 i;

	nvvgpu_pgpu_assert_locked(pgpu);

	nvvgpu_pgpu_set_work_sink(pgpu, NULL);
	/* the incoming scheduler's files take the same names */
	nvvgpu_sched_sysfs_remove(rq);
	debugfs_remove(rq->debugfs);
	rq->debugfs = NULL;
	hrtimer_cancel(&rq->timer);
	rq->exported = true;

	spin_lock_bh(&rq->lock);
	now = ktime_get_ns();
	strscpy(ho->sched.policy, nvvgpu_sched_policy_name(rq->p.policy),
		sizeof(ho->sched.policy));
	ho->sched.timeslice_us = rq->p.timeslice_us;
	ho->sched.host_weight = rq->p.host_weight;
	ho->sched.arr_avg_factor = rq->p.arr_avg_factor;
	ho->sched.arr_frequency = rq->p.arr_frequency;
	for (i = 0; i < ho->num_vgpus; i++) {
		struct nvvgpu_vgpu *vgpu = ho->vgpus[i].vgpu;
		struct nvvgpu_sched_entity *se =
			nvvgpu_vgpu_provider_priv(vgpu, NVVGPU_PROVIDER_SCHEDULER);

		if (!se)
			continue;
		nvvgpu_sched_stats_now(rq, se, &ho->vgpus[i].stats, now);
		memcpy(ho->vgpus[i].origin, se->origin, sizeof(se->origin));
	}
	spin_unlock_bh(&rq->lock);
	return 0;
}

static void nvvgpu_sched_resume(struct nvvgpu_pgpu *pgpu, void *priv)
{
	struct nvvgpu_sched_rq *rq = priv;

	nvvgpu_pgpu_assert_locked(pgpu);

	rq->exported = false;
	if (kobject_add(&rq->kobj, &nvvgpu_pgpu_dev(pgpu)->kobj, "nvvgpu_sched"))
		dev_warn(nvvgpu_pgpu_dev(pgpu), "nvvgpu_sched/ could not be restored\n");
	rq->debugfs = debugfs_create_file("sched", 0444, nvvgpu_pgpu_debugfs(pgpu),
					  rq, &nvvgpu_sched_fops);
	nvvgpu_sched_rq_start(rq);
}

/* an entity's counters continue from what the outgoing scheduler gave it */
static void nvvgpu_sched_adopt_stats(struct nvvgpu_sched_rq *rq,
				     struct nvvgpu_sched_entity *se,
				     const struct nvvgpu_handover_vgpu *hv)
{
	const struct nvvgpu_vgpu_sched_stats *st = &hv->stats;
	u32 i;

	nvvgpu_sched_account_origin(rq, se);
	se->st.slices = st->slices;
	se->st.granted_ns = st->granted_ns;
	se->st.wait_ns = st->wait_ns;
	se->st.idle_ns = st->idle_ns;
	se->st.preemptions = st->preemptions;
	se->st.preempt_timeouts = st->preempt_timeouts;
	for (i = 0; i < rq->num_engines && i < st->num_engines; i++) {
		const struct nvvgpu_engine_stats *e = &st->engine[i];

		se->origin[i] = hv->origin[i];
		se->st.busy_ns[i] = e->busy_ns;
		se->st.jobs[i] = e->jobs;
		se->logged_busy_ns[i] = e->busy_ns;
	}
}

/* take the vGPUs of @ho as they are, with the outgoing settings we know */
static int nvvgpu_sched_adopt(struct nvvgpu_pgpu *pgpu,
			      const struct nvvgpu_handover *ho, void **priv)
{
	struct nvvgpu_sched_params p = nvvgpu_sched_defaults;
	enum nvvgpu_sched_policy policy;
	struct nvvgpu_sched_entity *se, *next;
	struct nvvgpu_sched_rq *rq;
	const char *why;
	int err;
	u32 i;

	nvvgpu_pgpu_assert_locked(pgpu);

	policy = nvvgpu_sched_policy_lookup(ho->sched.policy);
	if (policy != NVVGPU_SCHED_POLICY_NR)
		p.policy = policy;
	else if (ho->sched.policy[0])
		dev_info(nvvgpu_pgpu_dev(pgpu), "sched: no policy '%s' here, taking %s\n",
			 ho->sched.policy, nvvgpu_sched_policy_name(p.policy));
	if (ho->sched.timeslice_us)
		p.timeslice_us = ho->sched.timeslice_us;
	if (ho->sched.host_weight)
		p.host_weight = ho->sched.host_weight;
	if (ho->sched.arr_avg_factor)
		p.arr_avg_factor = ho->sched.arr_avg_factor;
	if (ho->sched.arr_frequency)
		p.arr_frequency = ho->sched.arr_frequency;
	if (nvvgpu_sched_check_params(&p, &why)) {
		dev_info(nvvgpu_pgpu_dev(pgpu), "sched: handed-over settings refused (%s): defaults\n",
			 why);
		p = nvvgpu_sched_defaults;
	}

	rq = nvvgpu_sched_rq_new(pgpu, &p);
	if (IS_ERR(rq))
		return PTR_ERR(rq);
	for (i = 0; i < ho->num_vgpus; i++) {
		se = nvvgpu_sched_entity_new(rq, ho->vgpus[i].vgpu);
		if (IS_ERR(se)) {
			err = PTR_ERR(se);
			goto err;
		}
		spin_lock_bh(&rq->lock);
		nvvgpu_sched_adopt_stats(rq, se, &ho->vgpus[i]);
		nvvgpu_sched_entity_enqueue(rq, se);
		nvvgpu_sched_set_open(rq, se, ho->vgpus[i].runnable,
				      ktime_get_ns());
		spin_unlock_bh(&rq->lock);
	}
	spin_lock_bh(&rq->lock);
	nvvgpu_sched_update_slots(rq);
	spin_unlock_bh(&rq->lock);
	/* the entities are complete: only now do the vGPUs point at them */
	list_for_each_entry(se, &rq->entities, link)
		nvvgpu_vgpu_set_provider_priv(se->vgpu, NVVGPU_PROVIDER_SCHEDULER,
					      se);
	nvvgpu_sched_rq_start(rq);
	*priv = rq;
	return 0;

err:
	list_for_each_entry_safe(se, next, &rq->entities, link) {
		list_del(&se->link);
		kfree(se);
	}
	nvvgpu_sched_sysfs_remove(rq);
	debugfs_remove(rq->debugfs);
	nvvgpu_sched_sysfs_put(rq);
	return err;
}

static struct nvvgpu_sched_rq *nvvgpu_sched_rq(struct nvvgpu_vgpu *vgpu)
{
	return nvvgpu_provider_priv(vgpu->pgpu, NVVGPU_PROVIDER_SCHEDULER);
}

static struct nvvgpu_sched_entity *nvvgpu_sched_entity(struct nvvgpu_vgpu *vgpu)
{
	return nvvgpu_vgpu_provider_priv(vgpu, NVVGPU_PROVIDER_SCHEDULER);
}

static int nvvgpu_sched_vgpu_add(struct nvvgpu_vgpu *vgpu)
{
	struct nvvgpu_sched_rq *rq = nvvgpu_sched_rq(vgpu);
	struct nvvgpu_sched_entity *se;

	nvvgpu_pgpu_assert_locked(vgpu->pgpu);

	se = nvvgpu_sched_entity_new(rq, vgpu);
	if (IS_ERR(se))
		return PTR_ERR(se);
	nvvgpu_vgpu_set_provider_priv(vgpu, NVVGPU_PROVIDER_SCHEDULER, se);

	spin_lock_bh(&rq->lock);
	nvvgpu_sched_account_origin(rq, se);
	nvvgpu_sched_entity_enqueue(rq, se);
	nvvgpu_sched_update_slots(rq);
	trace_nvvgpu_sched_add(vgpu);
	spin_unlock_bh(&rq->lock);
	return 0;
}

static void nvvgpu_sched_vgpu_remove(struct nvvgpu_vgpu *vgpu)
{
	struct nvvgpu_sched_rq *rq = nvvgpu_sched_rq(vgpu);
	struct nvvgpu_sched_entity *se = nvvgpu_sched_entity(vgpu);

	nvvgpu_pgpu_assert_locked(vgpu->pgpu);

	spin_lock_bh(&rq->lock);
	if (nvvgpu_sched_remove(rq, se, ktime_get_ns()))
		nvvgpu_sched_kick(rq);
	rq->by_gfid[se->gfid] = NULL;
	nvvgpu_sched_update_slots(rq);
	trace_nvvgpu_sched_remove(vgpu);
	spin_unlock_bh(&rq->lock);
	nvvgpu_vgpu_set_provider_priv(vgpu, NVVGPU_PROVIDER_SCHEDULER, NULL);
	kfree(se);
}

static void nvvgpu_sched_vgpu_set_runnable(struct nvvgpu_vgpu *vgpu,
					   bool runnable)
{
	struct nvvgpu_sched_rq *rq = nvvgpu_sched_rq(vgpu);
	struct nvvgpu_sched_entity *se = nvvgpu_sched_entity(vgpu);

	nvvgpu_pgpu_assert_locked(vgpu->pgpu);

	spin_lock_bh(&rq->lock);
	if (se->open != runnable) {
		if (runnable)
			trace_nvvgpu_sched_wakeup(vgpu);
		else
			trace_nvvgpu_sched_block(vgpu);
	}
	if (nvvgpu_sched_set_open(rq, se, runnable, ktime_get_ns()))
		nvvgpu_sched_kick(rq);
	spin_unlock_bh(&rq->lock);
}

static void nvvgpu_sched_vgpu_update(struct nvvgpu_vgpu *vgpu)
{
	struct nvvgpu_sched_rq *rq = nvvgpu_sched_rq(vgpu);
	struct nvvgpu_sched_entity *se = nvvgpu_sched_entity(vgpu);

	nvvgpu_pgpu_assert_locked(vgpu->pgpu);

	spin_lock_bh(&rq->lock);
	nvvgpu_sched_set_entity(rq, se,
				nvvgpu_vgpu_get_param(vgpu, NVVGPU_VGPU_WEIGHT),
				(u64)nvvgpu_vgpu_get_param(vgpu, NVVGPU_VGPU_EXEC_QUANTUM_US) *
				NSEC_PER_USEC);
	spin_unlock_bh(&rq->lock);
}

static int nvvgpu_sched_vgpu_stats(struct nvvgpu_vgpu *vgpu,
				   struct nvvgpu_vgpu_sched_stats *st)
{
	struct nvvgpu_sched_rq *rq = nvvgpu_sched_rq(vgpu);
	struct nvvgpu_sched_entity *se = nvvgpu_sched_entity(vgpu);

	nvvgpu_pgpu_assert_locked(vgpu->pgpu);

	spin_lock_bh(&rq->lock);
	nvvgpu_sched_stats_now(rq, se, st, ktime_get_ns());
	spin_unlock_bh(&rq->lock);
	return 0;
}

static const struct nvvgpu_sched_ops nvvgpu_sched_ops = {
	.base = {
		.version = NVVGPU_SCHED_OPS_VERSION,
		.name = "timeslice",
		.owner = THIS_MODULE,
		.attach = nvvgpu_sched_attach,
		.detach = nvvgpu_sched_detach,
		.export = nvvgpu_sched_export,
		.resume = nvvgpu_sched_resume,
		.adopt = nvvgpu_sched_adopt,
	},
	.vgpu_add = nvvgpu_sched_vgpu_add,
	.vgpu_remove = nvvgpu_sched_vgpu_remove,
	.vgpu_set_runnable = nvvgpu_sched_vgpu_set_runnable,
	.vgpu_update = nvvgpu_sched_vgpu_update,
	.vgpu_stats = nvvgpu_sched_vgpu_stats,
};

module_nvvgpu_scheduler(nvvgpu_sched_ops);

MODULE_IMPORT_NS(NVVGPU);
MODULE_DESCRIPTION("nvvgpu time-slice scheduler with tracepoints");
MODULE_AUTHOR("The nvvgpu developers");
MODULE_LICENSE("GPL");

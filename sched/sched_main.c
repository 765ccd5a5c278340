// SPDX-License-Identifier: GPL-2.0
/*
 * nvvgpu sched: per-pgpu run queues and time slicing of vGPUs.
 *
 * Copyright (c) 2026 The nvvgpu developers
 */

#include <linux/debugfs.h>
#include <linux/module.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>

#include <nvvgpu/core.h>

#include "sched_policy.h"

#define CREATE_TRACE_POINTS
#include "sched_trace.h"

/**
 * DOC: time slicing
 *
 * Each pgpu has a run queue holding all its vGPUs. A vGPU is runnable while
 * a VMM has it open and it is not paused. A high-resolution slice timer
 * hands the GPU to the next runnable vGPU in round-robin order for one
 * slice (the base slice, or for the weighted policy the base slice times
 * the vGPU's weight), accounts the time the previous one got, and traces
 * every switch as nvvgpu_sched:nvvgpu_sched_switch, with -1 standing for
 * the idle host. Under fixed share the round has a slot per vGPU the type
 * allows, and a slot whose vGPU is absent or idle idles the GPU (traced
 * too). With nothing runnable the timer stops until a vGPU wakes up.
 */

static unsigned int timeslice_us = 2000;
module_param(timeslice_us, uint, 0444);
MODULE_PARM_DESC(timeslice_us, "Base time slice in microseconds (100..100000, default 2000)");

static char *policy = "best_effort";
module_param(policy, charp, 0444);
MODULE_PARM_DESC(policy, "Scheduling policy: best_effort, weighted or fixed_share (per pgpu at run time: debugfs pgpu<N>/sched_policy)");

static enum nvvgpu_sched_policy nvvgpu_sched_default_policy;

static void nvvgpu_sched_account(struct nvvgpu_sched_rq *rq, ktime_t now)
{
	struct nvvgpu_sched_entity *se = rq->curr;

	if (!se)
		return;
	se->runtime_ns += ktime_to_ns(ktime_sub(now, rq->slice_start));
	se->slices++;
}

static enum hrtimer_restart nvvgpu_sched_tick(struct hrtimer *timer)
{
	struct nvvgpu_sched_rq *rq = container_of(timer, struct nvvgpu_sched_rq,
						  timer);
	struct nvvgpu_sched_entity *prev, *next;
	ktime_t now = ktime_get();
	bool idle = false;
	u64 ran = 0;

	spin_lock(&rq->lock);
	prev = rq->curr;
	if (prev)
		ran = ktime_to_ns(ktime_sub(now, rq->slice_start));
	nvvgpu_sched_account(rq, now);
	if (rq->policy == NVVGPU_SCHED_FIXED_SHARE)
		next = nvvgpu_sched_pick_fixed(rq, &idle);
	else
		next = nvvgpu_sched_pick_next(rq);
	rq->curr = next;
	rq->slice_start = now;
	if (next)
		rq->slice_ns = nvvgpu_sched_slice_ns(rq, next);
	else if (idle)
		/* a fixed share left unused: the GPU idles for its slice */
		rq->slice_ns = (u64)rq->timeslice_us * NSEC_PER_USEC;
	else
		rq->slice_ns = 0;
	if (prev || next || idle)
		trace_nvvgpu_sched_switch(rq->pgpu->id,
					  prev ? prev->vgpu->id : NVVGPU_SCHED_IDLE,
					  ran,
					  next ? next->vgpu->id : NVVGPU_SCHED_IDLE,
					  rq->slice_ns);
	if (prev != next) {
		rq->switches++;
		/* the engines follow the decision at their next method */
		nvvgpu_pgpu_run(rq->pgpu, next ? next->vgpu : NULL);
	}
	/*
	 * Re-arm with hrtimer_start() rather than forwarding: a kick from
	 * process context may have queued the timer again meanwhile, and a
	 * queued timer must not be forwarded.
	 */
	if (rq->slice_ns)
		hrtimer_start(timer, ns_to_ktime(rq->slice_ns),
			      HRTIMER_MODE_REL_SOFT);
	spin_unlock(&rq->lock);

	return HRTIMER_NORESTART;
}

/* end the current slice now; the timer callback picks what runs next */
static void nvvgpu_sched_kick(struct nvvgpu_sched_rq *rq)
{
	lockdep_assert_held(&rq->lock);
	hrtimer_start(&rq->timer, 0, HRTIMER_MODE_REL_SOFT);
}

static int nvvgpu_sched_show(struct seq_file *m, void *data)
{
	struct nvvgpu_sched_rq *rq = m->private;
	struct nvvgpu_sched_entity *se;

	spin_lock_bh(&rq->lock);
	seq_printf(m, "policy: %s\ntimeslice_us: %u\nswitches: %llu\ncurrent: %d\n",
		   nvvgpu_sched_policy_name(rq->policy), rq->timeslice_us,
		   rq->switches, rq->curr ? (int)rq->curr->vgpu->id : -1);
	list_for_each_entry(se, &rq->entities, link)
		seq_printf(m, "vgpu %u %pUl weight=%u runnable=%d slices=%llu runtime_us=%llu\n",
			   se->vgpu->id, &se->vgpu->uuid, READ_ONCE(se->vgpu->weight),
			   se->runnable, se->slices, se->runtime_ns / 1000);
	spin_unlock_bh(&rq->lock);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(nvvgpu_sched);

/*
 * Runtime controls, as nvidia-smi's set-scheduler-state and Xe's per-VF
 * debugfs knobs are: immediate (from the next slice on), not persistent.
 */
static void nvvgpu_sched_config_changed(struct nvvgpu_sched_rq *rq)
{
	lockdep_assert_held(&rq->lock);
	trace_nvvgpu_sched_config(rq->pgpu->id,
				  nvvgpu_sched_policy_name(rq->policy),
				  rq->timeslice_us);
}

static int nvvgpu_sched_policy_show(struct seq_file *m, void *data)
{
	struct nvvgpu_sched_rq *rq = m->private;

	seq_printf(m, "%s\n", nvvgpu_sched_policy_name(READ_ONCE(rq->policy)));
	return 0;
}

static ssize_t nvvgpu_sched_policy_write(struct file *file,
					 const char __user *ubuf, size_t count,
					 loff_t *ppos)
{
	struct nvvgpu_sched_rq *rq = ((struct seq_file *)file->private_data)->private;
	enum nvvgpu_sched_policy p;
	char buf[24];

	if (count >= sizeof(buf)) {
		dev_warn(rq->pgpu->dev, "sched_policy: %zu bytes written, a policy name has fewer than %zu\n",
			 count, sizeof(buf));
		return -EINVAL;
	}
	if (copy_from_user(buf, ubuf, count))
		return -EFAULT;
	buf[count] = '\0';
	p = nvvgpu_sched_policy_lookup(strim(buf));
	if (p == NVVGPU_SCHED_POLICY_NR) {
		dev_warn(rq->pgpu->dev, "sched_policy: unknown policy \"%s\" (best_effort, weighted, fixed_share)\n",
			 strim(buf));
		return -EINVAL;
	}
	spin_lock_bh(&rq->lock);
	WRITE_ONCE(rq->policy, p);
	nvvgpu_sched_config_changed(rq);
	spin_unlock_bh(&rq->lock);
	return count;
}

DEFINE_SHOW_STORE_ATTRIBUTE(nvvgpu_sched_policy);

static int nvvgpu_sched_timeslice_get(void *data, u64 *val)
{
	struct nvvgpu_sched_rq *rq = data;

	*val = READ_ONCE(rq->timeslice_us);
	return 0;
}

static int nvvgpu_sched_timeslice_set(void *data, u64 val)
{
	struct nvvgpu_sched_rq *rq = data;

	if (val < NVVGPU_SCHED_SLICE_MIN_US || val > NVVGPU_SCHED_SLICE_MAX_US) {
		dev_warn(rq->pgpu->dev, "sched_timeslice_us: %llu out of range %u..%u\n",
			 val, NVVGPU_SCHED_SLICE_MIN_US, NVVGPU_SCHED_SLICE_MAX_US);
		return -EINVAL;
	}
	spin_lock_bh(&rq->lock);
	WRITE_ONCE(rq->timeslice_us, val);
	nvvgpu_sched_config_changed(rq);
	spin_unlock_bh(&rq->lock);
	return 0;
}
DEFINE_DEBUGFS_ATTRIBUTE(nvvgpu_sched_timeslice_fops,
			 nvvgpu_sched_timeslice_get, nvvgpu_sched_timeslice_set,
			 "%llu\n");

static int nvvgpu_sched_attach(struct nvvgpu_pgpu *pgpu, void **priv)
{
	struct nvvgpu_sched_rq *rq;

	lockdep_assert_held(&pgpu->lock);

	rq = kzalloc(sizeof(*rq), GFP_KERNEL);
	if (!rq)
		return -ENOMEM;
	rq->pgpu = pgpu;
	spin_lock_init(&rq->lock);
	INIT_LIST_HEAD(&rq->entities);
	hrtimer_init(&rq->timer, CLOCK_MONOTONIC, HRTIMER_MODE_REL_SOFT);
	rq->timer.function = nvvgpu_sched_tick;
	rq->policy = nvvgpu_sched_default_policy;
	rq->timeslice_us = timeslice_us;
	rq->debugfs[0] = debugfs_create_file("sched", 0444, pgpu->debugfs, rq,
					     &nvvgpu_sched_fops);
	rq->debugfs[1] = debugfs_create_file("sched_policy", 0644,
					     pgpu->debugfs, rq,
					     &nvvgpu_sched_policy_fops);
	rq->debugfs[2] = debugfs_create_file_unsafe("sched_timeslice_us", 0644,
						    pgpu->debugfs, rq,
						    &nvvgpu_sched_timeslice_fops);
	/* until a vGPU is scheduled, only the host's channels run */
	nvvgpu_pgpu_run(pgpu, NULL);
	*priv = rq;
	return 0;
}

static void nvvgpu_sched_detach(struct nvvgpu_pgpu *pgpu, void *priv)
{
	struct nvvgpu_sched_rq *rq = priv;
	unsigned int i;

	lockdep_assert_held(&pgpu->lock);

	for (i = 0; i < ARRAY_SIZE(rq->debugfs); i++)
		debugfs_remove(rq->debugfs[i]);
	hrtimer_cancel(&rq->timer);
	WARN_ON_ONCE(!list_empty(&rq->entities));
	/* nobody decides any more: every channel may run */
	nvvgpu_pgpu_run_all(pgpu);
	kfree(rq);
}

static struct nvvgpu_sched_rq *nvvgpu_sched_rq(struct nvvgpu_vgpu *vgpu)
{
	return nvvgpu_provider_priv(vgpu->pgpu, NVVGPU_PROVIDER_SCHEDULER);
}

static int nvvgpu_sched_vgpu_add(struct nvvgpu_vgpu *vgpu)
{
	struct nvvgpu_sched_rq *rq = nvvgpu_sched_rq(vgpu);
	struct nvvgpu_sched_entity *se;

	lockdep_assert_held(&vgpu->pgpu->lock);

	se = kzalloc(sizeof(*se), GFP_KERNEL);
	if (!se)
		return -ENOMEM;
	se->vgpu = vgpu;
	vgpu->prov_priv[NVVGPU_PROVIDER_SCHEDULER] = se;

	spin_lock_bh(&rq->lock);
	list_add_tail(&se->link, &rq->entities);
	trace_nvvgpu_sched_add(vgpu);
	spin_unlock_bh(&rq->lock);
	return 0;
}

static void nvvgpu_sched_vgpu_remove(struct nvvgpu_vgpu *vgpu)
{
	struct nvvgpu_sched_rq *rq = nvvgpu_sched_rq(vgpu);
	struct nvvgpu_sched_entity *se = vgpu->prov_priv[NVVGPU_PROVIDER_SCHEDULER];

	lockdep_assert_held(&vgpu->pgpu->lock);

	spin_lock_bh(&rq->lock);
	if (rq->curr == se) {
		/* end its slice now; the timer picks from the rest */
		nvvgpu_sched_account(rq, ktime_get());
		rq->curr = NULL;
		nvvgpu_sched_kick(rq);
	}
	list_del(&se->link);
	trace_nvvgpu_sched_remove(vgpu);
	spin_unlock_bh(&rq->lock);
	vgpu->prov_priv[NVVGPU_PROVIDER_SCHEDULER] = NULL;
	kfree(se);
}

static void nvvgpu_sched_vgpu_set_runnable(struct nvvgpu_vgpu *vgpu,
					   bool runnable)
{
	struct nvvgpu_sched_rq *rq = nvvgpu_sched_rq(vgpu);
	struct nvvgpu_sched_entity *se = vgpu->prov_priv[NVVGPU_PROVIDER_SCHEDULER];

	lockdep_assert_held(&vgpu->pgpu->lock);

	spin_lock_bh(&rq->lock);
	if (se->runnable != runnable) {
		se->runnable = runnable;
		if (runnable)
			trace_nvvgpu_sched_wakeup(vgpu);
		else
			trace_nvvgpu_sched_block(vgpu);
		/* an idle queue starts now; a blocked holder yields now */
		if ((runnable && !rq->curr) || (!runnable && rq->curr == se))
			nvvgpu_sched_kick(rq);
	}
	spin_unlock_bh(&rq->lock);
}

static const struct nvvgpu_sched_ops nvvgpu_sched_ops = {
	.base = {
		.version = NVVGPU_SCHED_OPS_VERSION,
		.kind = NVVGPU_PROVIDER_SCHEDULER,
		.name = "timeslice",
		.owner = THIS_MODULE,
		.attach = nvvgpu_sched_attach,
		.detach = nvvgpu_sched_detach,
	},
	.vgpu_add = nvvgpu_sched_vgpu_add,
	.vgpu_remove = nvvgpu_sched_vgpu_remove,
	.vgpu_set_runnable = nvvgpu_sched_vgpu_set_runnable,
};

static int __init nvvgpu_sched_module_init(void)
{
	enum nvvgpu_sched_policy p;

	if (timeslice_us < NVVGPU_SCHED_SLICE_MIN_US ||
	    timeslice_us > NVVGPU_SCHED_SLICE_MAX_US) {
		pr_err("nvvgpu_sched: timeslice_us=%u out of range %u..%u\n",
		       timeslice_us, NVVGPU_SCHED_SLICE_MIN_US,
		       NVVGPU_SCHED_SLICE_MAX_US);
		return -EINVAL;
	}
	p = nvvgpu_sched_policy_lookup(policy);
	if (p == NVVGPU_SCHED_POLICY_NR) {
		pr_err("nvvgpu_sched: unknown policy '%s' (best_effort, weighted, fixed_share)\n",
		       policy ?: "");
		return -EINVAL;
	}
	nvvgpu_sched_default_policy = p;
	return nvvgpu_register_provider(&nvvgpu_sched_ops.base);
}

static void __exit nvvgpu_sched_module_exit(void)
{
	/* vGPUs pin this module, so none can depend on it here */
	nvvgpu_unregister_provider(&nvvgpu_sched_ops.base);
}

module_init(nvvgpu_sched_module_init);
module_exit(nvvgpu_sched_module_exit);

MODULE_IMPORT_NS(NVVGPU);
MODULE_DESCRIPTION("nvvgpu time-slice scheduler with tracepoints");
MODULE_AUTHOR("The nvvgpu developers");
MODULE_LICENSE("GPL");

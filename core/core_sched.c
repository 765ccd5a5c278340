// SPDX-License-Identifier: GPL-2.0
/*
 * nvvgpu core: who runs on the engines. The scheduler provider decides;
 * the core carries its decision to the backend and the backend's reports of
 * work and engine time back to it, and keeps each vGPU's scheduling
 * settings, which outlive any one scheduler.
 *
 * Copyright (c) 2026 The nvvgpu developers
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/rcupdate.h>

#include "core_priv.h"

/**
 * DOC: switching
 *
 * A function is the host (GFID 0) or a vGPU. The scheduler gives the
 * engines to one function at a time with nvvgpu_pgpu_run(); the backend
 * preempts what runs at a method boundary and reports, per function,
 * when work arrives and when it runs out (nvvgpu_pgpu_report_work()), and
 * on request the time each engine spent on it (nvvgpu_pgpu_engine_stats()).
 * The scheduler thus never assumes which backend is below: a real PF
 * driver reports the same from its runlists and engine counters.
 */

/**
 * nvvgpu_pgpu_run() - give the engines to one function
 * @pgpu: the physical GPU
 * @gfid: the function (0 the host), or %NVVGPU_OWNER_NONE for an idle slice
 *
 * Called by the scheduler provider at each switch, from its timer (softirq)
 * or process context, with its run-queue lock held; does not sleep.
 */
void nvvgpu_pgpu_run(struct nvvgpu_pgpu *pgpu, u32 gfid)
{
	if (pgpu->backend->set_owner)
		pgpu->backend->set_owner(pgpu, gfid);
}
EXPORT_SYMBOL_NS_GPL(nvvgpu_pgpu_run, NVVGPU);

/**
 * nvvgpu_pgpu_run_all() - let every channel run, as without a scheduler
 * @pgpu: the physical GPU
 *
 * Called by the scheduler provider when it detaches. Same context rules as
 * nvvgpu_pgpu_run().
 */
void nvvgpu_pgpu_run_all(struct nvvgpu_pgpu *pgpu)
{
	if (pgpu->backend->set_owner)
		pgpu->backend->set_owner(pgpu, NVVGPU_OWNER_ALL);
}
EXPORT_SYMBOL_NS_GPL(nvvgpu_pgpu_run_all, NVVGPU);

/**
 * nvvgpu_pgpu_set_work_sink() - publish or withdraw where work reports go
 * @pgpu: the physical GPU
 * @sink: the scheduler's sink, or NULL to withdraw it
 *
 * Called by the scheduler provider from attach and detach (pgpu lock held).
 * Withdrawing waits for a grace period: no call reaches the sink after it.
 */
void nvvgpu_pgpu_set_work_sink(struct nvvgpu_pgpu *pgpu,
			       struct nvvgpu_work_sink *sink)
{
	lockdep_assert_held(&pgpu->lock);
	rcu_assign_pointer(pgpu->work_sink, sink);
	if (!sink)
		synchronize_rcu();
}
EXPORT_SYMBOL_NS_GPL(nvvgpu_pgpu_set_work_sink, NVVGPU);

/**
 * nvvgpu_pgpu_report_work() - the backend reports a function's work coming
 *	or going
 * @pgpu: the physical GPU
 * @gfid: the function, 0 for the host
 * @pending: it now has work queued on the engines (false: none left)
 *
 * Called by the backend on each change, in process or softirq context,
 * never hardirq, and holding no lock its set_owner and has_work ops take;
 * does not sleep. Reports are edges: the backend reports each change once.
 */
void nvvgpu_pgpu_report_work(struct nvvgpu_pgpu *pgpu, u32 gfid, bool pending)
{
	struct nvvgpu_work_sink *sink;

	rcu_read_lock();
	sink = rcu_dereference(pgpu->work_sink);
	if (sink)
		sink->work(sink, gfid, pending);
	rcu_read_unlock();
}
EXPORT_SYMBOL_NS_GPL(nvvgpu_pgpu_report_work, NVVGPU);

/* a channel error with Xid 45: the scheduler counts and traces it */
void nvvgpu_pgpu_report_preempt_timeout(struct nvvgpu_pgpu *pgpu, u32 gfid,
					u32 chid)
{
	struct nvvgpu_work_sink *sink;

	rcu_read_lock();
	sink = rcu_dereference(pgpu->work_sink);
	if (sink && sink->preempt_timeout)
		sink->preempt_timeout(sink, gfid, chid);
	rcu_read_unlock();
}

/**
 * nvvgpu_pgpu_has_work() - does a function have work queued on the engines?
 * @pgpu: the physical GPU
 * @gfid: the function, 0 for the host
 *
 * For the scheduler, to learn the state before the first report. Any
 * context but hardirq; does not sleep.
 *
 * Return: the backend's answer; true if it cannot tell.
 */
bool nvvgpu_pgpu_has_work(struct nvvgpu_pgpu *pgpu, u32 gfid)
{
	return pgpu->backend->has_work ? pgpu->backend->has_work(pgpu, gfid) :
					 true;
}
EXPORT_SYMBOL_NS_GPL(nvvgpu_pgpu_has_work, NVVGPU);

/**
 * nvvgpu_pgpu_engine_stats() - an engine's counters for a function
 * @pgpu: the physical GPU
 * @engine: the engine's index, from 0
 * @gfid: the function, 0 for the host
 * @st: filled in
 *
 * Any context but hardirq; does not sleep.
 *
 * Return: 0; -ENOENT beyond the last engine, or when the backend does not
 * account engines.
 */
int nvvgpu_pgpu_engine_stats(struct nvvgpu_pgpu *pgpu, u32 engine, u32 gfid,
			     struct nvvgpu_engine_stats *st)
{
	if (!pgpu->backend->engine_stats || engine >= NVVGPU_MAX_ENGINES)
		return -ENOENT;
	return pgpu->backend->engine_stats(pgpu, engine, gfid, st);
}
EXPORT_SYMBOL_NS_GPL(nvvgpu_pgpu_engine_stats, NVVGPU);

/**
 * nvvgpu_pgpu_fw_control() - run a firmware control through the transport
 * @pgpu: the physical GPU
 * @cmd: the control, of the firmware's interface (include/nvvgpu/abi)
 * @params: its parameters, in the firmware release's layout; replaced by
 *	the firmware's answer on success
 * @size: their size
 *
 * For a scheduler provider that lets the firmware decide (NVIDIA's OBJSCHED
 * controls): the core carries its requests to the firmware, as it carries
 * the host scheduler's decisions to the backend. Process context, with or
 * without the pgpu lock, while the caller is attached (the transport
 * attaches before and detaches after it); sleeps.
 *
 * Return: 0; the firmware's refusal as an errno (the transport logs it);
 * -EOPNOTSUPP when the transport has no such path; another negative errno.
 */
int nvvgpu_pgpu_fw_control(struct nvvgpu_pgpu *pgpu, u32 cmd, void *params,
			   u32 size)
{
	const struct nvvgpu_provider *prov;
	const struct nvvgpu_transport_ops *t;

	/*
	 * Without the pgpu lock: the transport attaches before and detaches
	 * after the caller, so it stays while the caller may call.
	 */
	prov = READ_ONCE(pgpu->prov[NVVGPU_PROVIDER_TRANSPORT]);
	if (!prov)
		return -ENODEV;
	t = container_of(prov, struct nvvgpu_transport_ops, base);
	if (!t->subdevice_control)
		return -EOPNOTSUPP;
	return t->subdevice_control(pgpu, cmd, params, size);
}
EXPORT_SYMBOL_NS_GPL(nvvgpu_pgpu_fw_control, NVVGPU);

/* tell the scheduler a vGPU's settings changed */
void nvvgpu_vgpu_sched_update(struct nvvgpu_vgpu *vgpu)
{
	struct nvvgpu_pgpu *pgpu = vgpu->pgpu;

	lockdep_assert_held(&pgpu->lock);
	if (vgpu->prov_priv[NVVGPU_PROVIDER_SCHEDULER] &&
	    nvvgpu_scheduler(pgpu)->vgpu_update)
		nvvgpu_scheduler(pgpu)->vgpu_update(vgpu);
}

static const struct {
	const char *name;
	u32 min, max;
	bool zero_ok;
} nvvgpu_vgpu_params[NVVGPU_VGPU_PARAM_NR] = {
	[NVVGPU_VGPU_WEIGHT] = { "weight", 1, NVVGPU_VGPU_WEIGHT_MAX, false },
	[NVVGPU_VGPU_EXEC_QUANTUM_US] = { "exec_quantum_us",
		NVVGPU_VGPU_QUANTUM_MIN_US, NVVGPU_VGPU_QUANTUM_MAX_US, true },
	[NVVGPU_VGPU_PREEMPT_TIMEOUT_US] = { "preempt_timeout_us",
		NVVGPU_VGPU_PREEMPT_MIN_US, NVVGPU_VGPU_PREEMPT_MAX_US, true },
};

static int nvvgpu_vgpu_param_check(struct nvvgpu_pgpu *pgpu,
				   enum nvvgpu_vgpu_param param, u32 val,
				   const char *who)
{
	if (param >= NVVGPU_VGPU_PARAM_NR)
		return -EINVAL;
	if ((val || !nvvgpu_vgpu_params[param].zero_ok) &&
	    (val < nvvgpu_vgpu_params[param].min ||
	     val > nvvgpu_vgpu_params[param].max)) {
		dev_warn(pgpu->dev, "%s: %s %u out of range %s%u..%u\n", who,
			 nvvgpu_vgpu_params[param].name, val,
			 nvvgpu_vgpu_params[param].zero_ok ? "0 or " : "",
			 nvvgpu_vgpu_params[param].min,
			 nvvgpu_vgpu_params[param].max);
		return -EINVAL;
	}
	return 0;
}

static void nvvgpu_vgpu_param_apply(struct nvvgpu_vgpu *vgpu,
				    enum nvvgpu_vgpu_param param, u32 val)
{
	struct nvvgpu_pgpu *pgpu = vgpu->pgpu;

	lockdep_assert_held(&pgpu->lock);

	switch (param) {
	case NVVGPU_VGPU_WEIGHT:
		WRITE_ONCE(vgpu->weight, val);
		break;
	case NVVGPU_VGPU_EXEC_QUANTUM_US:
		WRITE_ONCE(vgpu->exec_quantum_us, val);
		break;
	case NVVGPU_VGPU_PREEMPT_TIMEOUT_US:
		WRITE_ONCE(vgpu->preempt_timeout_us, val);
		if (pgpu->backend->set_preempt_timeout)
			pgpu->backend->set_preempt_timeout(pgpu,
							   nvvgpu_vgpu_gfid(vgpu),
							   val);
		return;
	default:
		return;
	}
	nvvgpu_vgpu_sched_update(vgpu);
}

/**
 * nvvgpu_vgpu_set_param() - set one of a vGPU's scheduling settings
 * @vgpu: the vGPU
 * @param: which: its weight (1..%NVVGPU_VGPU_WEIGHT_MAX, under the
 *	weighted policy a vGPU of weight 4 gets four times the time of one
 *	of weight 1), its execution quantum (0 for the policy's slice, else
 *	%NVVGPU_VGPU_QUANTUM_MIN_US..%NVVGPU_VGPU_QUANTUM_MAX_US: every slice
 *	it gets is this long, as Xe's per-VF exec_quantum), or its preemption
 *	timeout (0 for the backend's default, else
 *	%NVVGPU_VGPU_PREEMPT_MIN_US..%NVVGPU_VGPU_PREEMPT_MAX_US: a channel
 *	still running this long after its slice ended is reset with Xid 45)
 * @val: the value
 *
 * Applies from the vGPU's next slice, whatever its state, and outlives a
 * change of scheduler. Called from a sysfs store, in process context;
 * takes the pgpu lock, backing off when it is contended.
 *
 * Return: 0, -EINVAL out of range (logged), or -ERESTARTNOINTR: the pgpu
 * lock was taken, the write is restarted.
 */
int nvvgpu_vgpu_set_param(struct nvvgpu_vgpu *vgpu,
			  enum nvvgpu_vgpu_param param, u32 val)
{
	struct nvvgpu_pgpu *pgpu = vgpu->pgpu;
	char who[48];
	int err;

	snprintf(who, sizeof(who), "vgpu %pUl", &vgpu->uuid);
	err = nvvgpu_vgpu_param_check(pgpu, param, val, who);
	if (err)
		return err;
	err = nvvgpu_pgpu_lock_sysfs(pgpu);
	if (err)
		return err;
	nvvgpu_vgpu_param_apply(vgpu, param, val);
	nvvgpu_pgpu_unlock(pgpu);
	dev_dbg(pgpu->dev, "%s: %s %u\n", who, nvvgpu_vgpu_params[param].name,
		val);
	return 0;
}
EXPORT_SYMBOL_NS_GPL(nvvgpu_vgpu_set_param, NVVGPU);

/**
 * nvvgpu_vgpu_get_param() - read one of a vGPU's scheduling settings
 * @vgpu: the vGPU
 * @param: which, as for nvvgpu_vgpu_set_param()
 *
 * Return: its value, a snapshot.
 */
u32 nvvgpu_vgpu_get_param(const struct nvvgpu_vgpu *vgpu,
			  enum nvvgpu_vgpu_param param)
{
	switch (param) {
	case NVVGPU_VGPU_WEIGHT:
		return READ_ONCE(vgpu->weight);
	case NVVGPU_VGPU_EXEC_QUANTUM_US:
		return READ_ONCE(vgpu->exec_quantum_us);
	case NVVGPU_VGPU_PREEMPT_TIMEOUT_US:
		return READ_ONCE(vgpu->preempt_timeout_us);
	default:
		return 0;
	}
}
EXPORT_SYMBOL_NS_GPL(nvvgpu_vgpu_get_param, NVVGPU);

/**
 * nvvgpu_pgpu_set_vgpu_param() - set a scheduling setting of every vGPU of
 *	a pgpu at once
 * @pgpu: the physical GPU
 * @param: which, as for nvvgpu_vgpu_set_param()
 * @val: the value
 *
 * The operator's bulk setting, as Xe's sriov_admin/.bulk_profile: all or
 * (out of range) none. Called from a sysfs store, in process context;
 * takes the pgpu lock, backing off when it is contended.
 *
 * Return: the number of vGPUs changed, -EINVAL (logged), or
 * -ERESTARTNOINTR: the pgpu lock was taken, the write is restarted.
 */
int nvvgpu_pgpu_set_vgpu_param(struct nvvgpu_pgpu *pgpu,
			       enum nvvgpu_vgpu_param param, u32 val)
{
	struct nvvgpu_vgpu *vgpu;
	unsigned long id;
	int n = 0, err;

	err = nvvgpu_vgpu_param_check(pgpu, param, val, "bulk");
	if (err)
		return err;
	err = nvvgpu_pgpu_lock_sysfs(pgpu);
	if (err)
		return err;
	xa_for_each(&pgpu->vgpus, id, vgpu) {
		nvvgpu_vgpu_param_apply(vgpu, param, val);
		n++;
	}
	nvvgpu_pgpu_unlock(pgpu);
	dev_info(pgpu->dev, "pgpu %u: %s %u for all %d vGPUs\n", pgpu->id,
		 nvvgpu_vgpu_params[param].name, val, n);
	return n;
}
EXPORT_SYMBOL_NS_GPL(nvvgpu_pgpu_set_vgpu_param, NVVGPU);

/**
 * nvvgpu_vgpu_sched_stats() - what the scheduler gave a vGPU
 * @vgpu: the vGPU
 * @st: filled in
 *
 * Called from a sysfs show, in process context; takes the pgpu lock,
 * backing off when it is contended.
 *
 * Return: 0, -ENODEV when no scheduler accounts for the vGPU, or
 * -ERESTARTNOINTR: the pgpu lock was taken, the read is restarted.
 */
int nvvgpu_vgpu_sched_stats(struct nvvgpu_vgpu *vgpu,
			    struct nvvgpu_vgpu_sched_stats *st)
{
	struct nvvgpu_pgpu *pgpu = vgpu->pgpu;
	int err;

	memset(st, 0, sizeof(*st));
	err = nvvgpu_pgpu_lock_sysfs(pgpu);
	if (err)
		return err;
	err = -ENODEV;
	if (vgpu->prov_priv[NVVGPU_PROVIDER_SCHEDULER] &&
	    nvvgpu_scheduler(pgpu)->vgpu_stats)
		err = nvvgpu_scheduler(pgpu)->vgpu_stats(vgpu, st);
	nvvgpu_pgpu_unlock(pgpu);
	return err;
}
EXPORT_SYMBOL_NS_GPL(nvvgpu_vgpu_sched_stats, NVVGPU);

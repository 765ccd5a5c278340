// SPDX-License-Identifier: GPL-2.0
/*
 * nvvgpu_sched_fw: a scheduler provider that lets the GPU's firmware
 * schedule the vGPUs (GSP-RM's OBJSCHED) and shows what it did as the
 * host scheduler shows its own decisions.
 *
 * Copyright (c) 2026 The nvvgpu developers
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/debugfs.h>
#include <linux/module.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/string.h>

#include <nvvgpu/abi/fwif.h>
#include <nvvgpu/core.h>
#include <nvvgpu/sched_trace.h>

#include "sched_fw.h"

/**
 * DOC: firmware-run scheduling
 *
 * GSP-RM can schedule the vGPUs itself, one software runlist per VM, by a
 * policy the host sets with NV2080_CTRL_CMD_FIFO_OBJSCHED_SET_STATE; NVML
 * and nvidia-smi drive the same controls. This provider hands the policy
 * to the firmware and never gives the engines to anyone itself (it does
 * not call nvvgpu_pgpu_run()); the core carries its controls to the
 * firmware through the transport (nvvgpu_pgpu_fw_control()).
 *
 * At attach it reads GET_CAPS (which policies, which ranges) and sets the
 * initial state from the module parameters. The operator's sysfs files
 * (Documentation/ABI/testing/sysfs-nvvgpu-sched) are the host scheduler's:
 * policy, timeslice_us and the ARR files become SET_STATE, checked against
 * the capabilities first; what OBJSCHED cannot do (the weighted policy,
 * per-vGPU weights and execution quanta, a host weight, ARR's slice
 * bounds) is refused with EOPNOTSUPP and a log line.
 *
 * The vGPU ops have little to send: the firmware learns of a vGPU when its
 * plugin task is bootloaded, and has no control to hold a VM's runlist, so
 * a closed or paused vGPU's queued work still runs (the host scheduler
 * stops it). They keep the accounting and emit the host scheduler's add,
 * remove, wakeup and block events.
 *
 * A poller (delayed work, every poll_ms, 100 by default: NVML asks for at
 * least five reads a second) reads SW_GET_LOG for each engine and turns the
 * new entries into the host scheduler's tracepoints, accounting and log
 * (sched_fw_log.c). When the log says the firmware no longer runs the
 * policy it was given (a GSP reset forgets it), the poller sets it again.
 * At detach the engines go back to the host (nvvgpu_pgpu_run_all()).
 */

static char *policy = "best_effort";
module_param(policy, charp, 0444);
MODULE_PARM_DESC(policy, "Initial policy: best_effort, equal_share, fixed_share or arr (per pgpu at run time in sysfs nvvgpu_sched/policy)");

static unsigned int timeslice_us = 2000;
module_param(timeslice_us, uint, 0444);
MODULE_PARM_DESC(timeslice_us, "Initial target time slice in microseconds, within the firmware's capabilities (default 2000; per pgpu in sysfs nvvgpu_sched/timeslice_us)");

static const char * const nvvgpu_sched_fw_policy_names[NVVGPU_SCHED_FW_POLICY_NR] = {
	[NVVGPU_SCHED_FW_BEST_EFFORT] = "best_effort",
	[NVVGPU_SCHED_FW_EQUAL_SHARE] = "equal_share",
	[NVVGPU_SCHED_FW_FIXED_SHARE] = "fixed_share",
	[NVVGPU_SCHED_FW_ARR] = "arr",
};

/* OBJSCHED's schedPolicy of each */
static const u32 nvvgpu_sched_fw_policy_fw[NVVGPU_SCHED_FW_POLICY_NR] = {
	[NVVGPU_SCHED_FW_BEST_EFFORT] = NV2080_CTRL_CMD_VGPU_SCHEDULER_POLICY_BEST_EFFORT,
	[NVVGPU_SCHED_FW_EQUAL_SHARE] = NV2080_CTRL_CMD_VGPU_SCHEDULER_POLICY_EQUAL_SHARE,
	[NVVGPU_SCHED_FW_FIXED_SHARE] = NV2080_CTRL_CMD_VGPU_SCHEDULER_POLICY_FIXED_SHARE,
	[NVVGPU_SCHED_FW_ARR] = NV2080_CTRL_CMD_VGPU_SCHEDULER_POLICY_BEST_EFFORT,
};

/**
 * nvvgpu_sched_fw_policy_name() - printable name of a policy
 * @policy: the policy
 *
 * Return: a static string, as the host scheduler names it.
 */
const char *nvvgpu_sched_fw_policy_name(enum nvvgpu_sched_fw_policy policy)
{
	return policy < NVVGPU_SCHED_FW_POLICY_NR ?
	       nvvgpu_sched_fw_policy_names[policy] : "?";
}

static enum nvvgpu_sched_fw_policy nvvgpu_sched_fw_policy_lookup(const char *name)
{
	enum nvvgpu_sched_fw_policy p;

	for (p = 0; p < NVVGPU_SCHED_FW_POLICY_NR; p++)
		if (name && !strcmp(name, nvvgpu_sched_fw_policy_names[p]))
			break;
	return p;
}

static bool nvvgpu_sched_fw_supports(const struct nvvgpu_sched_fw *fw,
				     enum nvvgpu_sched_fw_policy policy)
{
	u32 want = nvvgpu_sched_fw_policy_fw[policy], i;

	if (policy == NVVGPU_SCHED_FW_ARR && !fw->caps.is_arr_mode_supported)
		return false;
	for (i = 0; i < ARRAY_SIZE(fw->caps.supported_schedulers); i++)
		if (fw->caps.supported_schedulers[i] == want)
			return true;
	return false;
}

/**
 * nvvgpu_sched_fw_check_state() - is a state within the firmware's caps?
 * @fw: the scheduler
 * @st: the state
 * @why: set to what is wrong, for the caller's log line
 * @len: room in @why
 *
 * Return: 0, -EOPNOTSUPP for a policy the firmware lacks, -EINVAL for a
 * value out of its range.
 */
int nvvgpu_sched_fw_check_state(struct nvvgpu_sched_fw *fw,
				const struct nvvgpu_sched_fw_state *st,
				char *why, size_t len)
{
	const struct nv2080_ctrl_fifo_objsched_get_caps_params *c = &fw->caps;
	u64 slice_ns = (u64)st->timeslice_us * NSEC_PER_USEC;

	if (st->policy >= NVVGPU_SCHED_FW_POLICY_NR ||
	    !nvvgpu_sched_fw_supports(fw, st->policy)) {
		snprintf(why, len, "the firmware does not offer %s",
			 nvvgpu_sched_fw_policy_name(st->policy));
		return -EOPNOTSUPP;
	}
	if (slice_ns < c->min_timeslice_ns || slice_ns > c->max_timeslice_ns) {
		snprintf(why, len, "timeslice_us out of range %u..%u",
			 NVVGPU_SCHED_FW_MIN_US(fw), NVVGPU_SCHED_FW_MAX_US(fw));
		return -EINVAL;
	}
	if (st->arr_avg_factor < c->min_avg_factor_for_arr ||
	    st->arr_avg_factor > c->max_avg_factor_for_arr) {
		snprintf(why, len, "arr_avg_factor out of range %u..%u",
			 c->min_avg_factor_for_arr, c->max_avg_factor_for_arr);
		return -EINVAL;
	}
	if (st->arr_frequency < c->min_frequency_for_arr ||
	    st->arr_frequency > c->max_frequency_for_arr) {
		snprintf(why, len, "arr_frequency out of range %u..%u",
			 c->min_frequency_for_arr, c->max_frequency_for_arr);
		return -EINVAL;
	}
	return 0;
}

/**
 * nvvgpu_sched_fw_set_state() - tell the firmware, and check it listened
 * @fw: the scheduler
 * @st: the state, checked against the caps
 * @why: for the log lines: what asked (a sysfs file, "attach", ...)
 *
 * SET_STATE, then GET_STATE to read it back. Process context with
 * @fw->state_lock held; sleeps.
 *
 * Return: 0; the firmware's refusal as an errno; -EPROTO when it reads
 * back another state. Failures are logged.
 */
int nvvgpu_sched_fw_set_state(struct nvvgpu_sched_fw *fw,
			      const struct nvvgpu_sched_fw_state *st,
			      const char *why)
{
	struct nv2080_ctrl_fifo_objsched_set_state_params set = {
		.engine_id = fw->engines[0].type,
		.sched_policy = nvvgpu_sched_fw_policy_fw[st->policy],
		.enable_arr = st->policy == NVVGPU_SCHED_FW_ARR ?
			      NV2080_CTRL_CMD_VGPU_SCHEDULER_ARR_ENABLE :
			      NV2080_CTRL_CMD_VGPU_SCHEDULER_ARR_DISABLE,
		.timeslice_target_ns = st->timeslice_us * 1000,
		.frequency_for_arr = st->arr_frequency,
		.avg_factor_for_arr = st->arr_avg_factor,
	};
	struct nv2080_ctrl_fifo_objsched_get_state_params get = {
		.engine_id = fw->engines[0].type,
	};
	struct nvvgpu_pgpu *pgpu = fw->pgpu;
	int err;

	lockdep_assert_held(&fw->state_lock);

	err = nvvgpu_pgpu_fw_control(pgpu, NV2080_CTRL_CMD_FIFO_OBJSCHED_SET_STATE,
				     &set, fw->abi->objsched_set_state_size);
	if (err) {
		dev_warn(nvvgpu_pgpu_dev(pgpu), "%s: the firmware refused SET_STATE (%s, %u us): %pe\n",
			 why, nvvgpu_sched_fw_policy_name(st->policy),
			 st->timeslice_us, ERR_PTR(err));
		return err;
	}
	err = nvvgpu_pgpu_fw_control(pgpu, NV2080_CTRL_CMD_FIFO_OBJSCHED_GET_STATE,
				     &get, fw->abi->objsched_get_state_size);
	if (err) {
		dev_warn(nvvgpu_pgpu_dev(pgpu), "%s: GET_STATE after SET_STATE failed: %pe\n",
			 why, ERR_PTR(err));
		return err;
	}
	if (get.sched_policy != set.sched_policy ||
	    get.arr_enabled != set.enable_arr ||
	    get.target_timeslice_ns != set.timeslice_target_ns ||
	    get.arr_avg_factor != set.avg_factor_for_arr) {
		dev_warn(nvvgpu_pgpu_dev(pgpu), "%s: the firmware runs policy %u ARR %u %u ns avg %u, not the %u ARR %u %u ns avg %u it accepted\n",
			 why, get.sched_policy, get.arr_enabled,
			 get.target_timeslice_ns, get.arr_avg_factor,
			 set.sched_policy, set.enable_arr,
			 set.timeslice_target_ns, set.avg_factor_for_arr);
		return -EPROTO;
	}
	fw->state = *st;
	fw->state_seq++;
	trace_nvvgpu_sched_config(nvvgpu_pgpu_id(pgpu), nvvgpu_sched_fw_policy_name(st->policy),
				  st->timeslice_us, st->arr_avg_factor,
				  st->arr_frequency, NVVGPU_SCHED_FW_MIN_US(fw),
				  NVVGPU_SCHED_FW_MAX_US(fw), 1);
	return 0;
}

/* preemption timeouts: counted and traced as the host scheduler does */
static void nvvgpu_sched_fw_preempt_timeout(struct nvvgpu_work_sink *sink,
					    u32 gfid, u32 chid)
{
	struct nvvgpu_sched_fw *fw = container_of(sink, struct nvvgpu_sched_fw,
						  sink);
	struct nvvgpu_sched_fw_entity *se;

	if (gfid >= ARRAY_SIZE(fw->by_gfid))
		return;
	spin_lock_bh(&fw->lock);
	se = gfid ? fw->by_gfid[gfid] : &fw->host;
	if (se) {
		se->preempt_timeouts++;
		trace_nvvgpu_sched_preempt_timeout(nvvgpu_pgpu_id(fw->pgpu),
						   NVVGPU_SCHED_ALL_ENGINES,
						   se->id, se->gfid,
						   se->vgpu ? &se->vgpu->uuid : NULL,
						   (u64)READ_ONCE(fw->state.timeslice_us) *
						   NSEC_PER_USEC, 0,
						   se->preempt_ns);
	}
	spin_unlock_bh(&fw->lock);
}

/* the engines report work to whoever schedules: the firmware learns its own */
static void nvvgpu_sched_fw_work(struct nvvgpu_work_sink *sink, u32 gfid,
				 bool pending)
{
}

static void nvvgpu_sched_fw_show_entity(struct seq_file *m,
					struct nvvgpu_sched_fw *fw,
					struct nvvgpu_sched_fw_entity *se)
{
	struct nvvgpu_vgpu_sched_stats *st;
	u32 i;

	st = kzalloc(sizeof(*st), GFP_ATOMIC);
	if (!st)
		return;
	nvvgpu_sched_fw_fill_stats(fw, se, st);
	if (se->vgpu)
		seq_printf(m, "vgpu %u %pUl", se->id, &se->vgpu->uuid);
	else
		seq_puts(m, se == &fw->host ? "host" : "vacant");
	seq_printf(m, " gfid=%u weight=1 open=%d slices=%llu granted_us=%llu wait_us=%llu idle_us=%llu preemptions=%llu preempt_us=%llu",
		   se->gfid, se->open, st->slices, st->granted_ns / 1000,
		   st->wait_ns / 1000, st->idle_ns / 1000, st->preemptions,
		   st->preempt_ns / 1000);
	for (i = 0; i < st->num_engines; i++)
		seq_printf(m, " %s_busy_us=%llu", st->engine[i].name,
			   st->engine[i].busy_ns / 1000);
	seq_putc(m, '\n');
	kfree(st);
}

static int nvvgpu_sched_fw_show(struct seq_file *m, void *data)
{
	struct nvvgpu_sched_fw *fw = m->private;
	u32 g, i;

	mutex_lock(&fw->state_lock);
	seq_printf(m, "scheduler: firmware (OBJSCHED)\npolicy: %s\ntimeslice_us: %u\n",
		   nvvgpu_sched_fw_policy_name(fw->state.policy),
		   fw->state.timeslice_us);
	mutex_unlock(&fw->state_lock);
	spin_lock_bh(&fw->lock);
	seq_printf(m, "switches: %llu\ndecisions: %llu\ncurrent: %d\npolls: %llu\npoll_errors: %llu\n",
		   fw->switches, fw->decisions,
		   fw->have_prev ? (int)fw->prev_id : (int)NVVGPU_SCHED_NOBODY,
		   fw->polls, fw->poll_errors);
	for (i = 0; i < fw->num_engines; i++)
		seq_printf(m, "engine %s type=%#x lost=%llu\n",
			   fw->engine_names[i], fw->engines[i].type,
			   fw->engines[i].lost);
	for (g = 1; g < ARRAY_SIZE(fw->by_gfid); g++)
		if (fw->by_gfid[g])
			nvvgpu_sched_fw_show_entity(m, fw, fw->by_gfid[g]);
	nvvgpu_sched_fw_show_entity(m, fw, &fw->host);
	if (fw->state.policy == NVVGPU_SCHED_FW_FIXED_SHARE)
		nvvgpu_sched_fw_show_entity(m, fw, &fw->vacant);
	spin_unlock_bh(&fw->lock);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(nvvgpu_sched_fw);

/* the engines, in the order of their NV2080 types, as the backend counts */
static int nvvgpu_sched_fw_engines_init(struct nvvgpu_sched_fw *fw)
{
	struct nvvgpu_pgpu *pgpu = fw->pgpu;
	struct nvvgpu_engine_stats st;
	u64 mask = nvvgpu_pgpu_info(pgpu)->engine_mask;
	u32 n = 0, type;

	for (type = 0; type < 64 && n < NVVGPU_MAX_ENGINES; type++) {
		if (!(mask & BIT_ULL(type)))
			continue;
		fw->engines[n].type = type;
		fw->engine_names[n] = nvvgpu_pgpu_engine_stats(pgpu, n, 0, &st) ?
				      "?" : st.name;
		n++;
	}
	fw->num_engines = n;
	if (!n) {
		dev_err(nvvgpu_pgpu_dev(pgpu), "nvvgpu_sched_fw: the firmware reported no engine to schedule\n");
		return -ENODEV;
	}
	return 0;
}

static int nvvgpu_sched_fw_caps(struct nvvgpu_sched_fw *fw)
{
	struct nvvgpu_pgpu *pgpu = fw->pgpu;
	int err;

	fw->caps.engine_id = fw->engines[0].type;
	err = nvvgpu_pgpu_fw_control(pgpu, NV2080_CTRL_CMD_FIFO_OBJSCHED_GET_CAPS,
				     &fw->caps, fw->abi->objsched_caps_size);
	if (err) {
		dev_err(nvvgpu_pgpu_dev(pgpu), "nvvgpu_sched_fw: GET_CAPS failed: %pe\n",
			ERR_PTR(err));
		return err;
	}
	if (!fw->caps.min_timeslice_ns ||
	    fw->caps.min_timeslice_ns > fw->caps.max_timeslice_ns ||
	    fw->caps.min_frequency_for_arr > fw->caps.max_frequency_for_arr ||
	    fw->caps.min_avg_factor_for_arr > fw->caps.max_avg_factor_for_arr) {
		dev_err(nvvgpu_pgpu_dev(pgpu), "nvvgpu_sched_fw: GET_CAPS: slice %u..%u ns, ARR frequency %u..%u, average %u..%u: not ranges\n",
			fw->caps.min_timeslice_ns, fw->caps.max_timeslice_ns,
			fw->caps.min_frequency_for_arr,
			fw->caps.max_frequency_for_arr,
			fw->caps.min_avg_factor_for_arr,
			fw->caps.max_avg_factor_for_arr);
		return -EPROTO;
	}
	dev_info(nvvgpu_pgpu_dev(pgpu), "nvvgpu_sched_fw: firmware %s schedules: policies %u %u %u, ARR %s, slice %u..%u us\n",
		 nvvgpu_pgpu_fw_version(pgpu), fw->caps.supported_schedulers[0],
		 fw->caps.supported_schedulers[1],
		 fw->caps.supported_schedulers[2],
		 fw->caps.is_arr_mode_supported ? "yes" : "no",
		 NVVGPU_SCHED_FW_MIN_US(fw), NVVGPU_SCHED_FW_MAX_US(fw));
	return 0;
}

/* the module parameters, and ARR's defaults within the caps */
static int nvvgpu_sched_fw_initial_state(struct nvvgpu_sched_fw *fw)
{
	const struct nv2080_ctrl_fifo_objsched_get_caps_params *c = &fw->caps;
	struct nvvgpu_sched_fw_state st = {
		.policy = nvvgpu_sched_fw_policy_lookup(policy),
		.timeslice_us = timeslice_us,
		.arr_avg_factor = clamp_t(u32, NVVGPU_SCHED_FW_ARR_AVG_DEFAULT,
					  c->min_avg_factor_for_arr,
					  c->max_avg_factor_for_arr),
		.arr_frequency = clamp_t(u32, NVVGPU_SCHED_FW_ARR_FREQ_DEFAULT,
					 c->min_frequency_for_arr,
					 c->max_frequency_for_arr),
	};
	char why[80];
	int err;

	err = nvvgpu_sched_fw_check_state(fw, &st, why, sizeof(why));
	if (err) {
		dev_err(nvvgpu_pgpu_dev(fw->pgpu), "nvvgpu_sched_fw: policy=%s timeslice_us=%u: %s\n",
			policy, timeslice_us, why);
		return err;
	}
	mutex_lock(&fw->state_lock);
	err = nvvgpu_sched_fw_set_state(fw, &st, "nvvgpu_sched_fw: attach");
	mutex_unlock(&fw->state_lock);
	return err;
}

static void nvvgpu_sched_fw_entity_init(struct nvvgpu_sched_fw_entity *se,
					u32 id, u32 gfid)
{
	se->id = id;
	se->gfid = gfid;
	se->open = true;
}

static void nvvgpu_sched_fw_free(struct nvvgpu_sched_fw *fw)
{
	nvvgpu_sched_fw_log_fini(fw);
	mutex_destroy(&fw->state_lock);
	kfree(fw);
}

static int nvvgpu_sched_fw_attach(struct nvvgpu_pgpu *pgpu, void **priv)
{
	struct nvvgpu_sched_fw *fw;
	int err;

	nvvgpu_pgpu_assert_locked(pgpu);

	fw = kzalloc(sizeof(*fw), GFP_KERNEL);
	if (!fw)
		return -ENOMEM;
	fw->pgpu = pgpu;
	mutex_init(&fw->state_lock);
	spin_lock_init(&fw->lock);
	nvvgpu_sched_fw_entity_init(&fw->host, NVVGPU_SCHED_HOST, 0);
	nvvgpu_sched_fw_entity_init(&fw->vacant, NVVGPU_SCHED_VACANT, 0);

	fw->abi = nvgsp_fw_abi_find(nvvgpu_pgpu_fw_version(pgpu));
	if (!fw->abi || !fw->abi->objsched_caps_size) {
		dev_err(nvvgpu_pgpu_dev(pgpu), "nvvgpu_sched_fw: firmware %s has no OBJSCHED controls (NV2080_CTRL_CMD_FIFO_OBJSCHED_*): the firmware cannot schedule; load nvvgpu_sched instead\n",
			nvvgpu_pgpu_fw_version(pgpu));
		err = -EOPNOTSUPP;
		goto err_free;
	}
	err = nvvgpu_sched_fw_engines_init(fw);
	if (err)
		goto err_free;
	err = nvvgpu_sched_fw_log_init(fw);
	if (err)
		goto err_free;
	err = nvvgpu_sched_fw_caps(fw);
	if (err)
		goto err_free;
	err = nvvgpu_sched_fw_initial_state(fw);
	if (err)
		goto err_release;

	/* the sysfs directory's release frees @fw from here on */
	err = nvvgpu_sched_fw_sysfs_add(fw);
	if (err)
		goto err_release_freed;
	fw->debugfs = debugfs_create_file("sched", 0444, nvvgpu_pgpu_debugfs(pgpu), fw,
					  &nvvgpu_sched_fw_fops);
	fw->sink.work = nvvgpu_sched_fw_work;
	fw->sink.preempt_timeout = nvvgpu_sched_fw_preempt_timeout;
	nvvgpu_pgpu_set_work_sink(pgpu, &fw->sink);
	nvvgpu_sched_fw_poll_start(fw);
	*priv = fw;
	return 0;

err_release:
	/* the firmware may have taken the engines: give them back */
	nvvgpu_pgpu_run_all(pgpu);
err_free:
	nvvgpu_sched_fw_free(fw);
	return err;
err_release_freed:
	nvvgpu_pgpu_run_all(pgpu);
	return err;
}

static void nvvgpu_sched_fw_detach(struct nvvgpu_pgpu *pgpu, void *priv)
{
	struct nvvgpu_sched_fw *fw = priv;

	nvvgpu_pgpu_assert_locked(pgpu);

	/* no report, poll, sysfs write or debugfs read reaches @fw after these */
	nvvgpu_pgpu_set_work_sink(pgpu, NULL);
	nvvgpu_sched_fw_sysfs_remove(fw);
	debugfs_remove(fw->debugfs);
	nvvgpu_sched_fw_poll_stop(fw);
	/* the firmware hands the engines back: every channel may run */
	nvvgpu_pgpu_run_all(pgpu);
	nvvgpu_sched_fw_sysfs_put(fw);
}

static struct nvvgpu_sched_fw *nvvgpu_sched_fw_of(struct nvvgpu_vgpu *vgpu)
{
	return nvvgpu_provider_priv(vgpu->pgpu, NVVGPU_PROVIDER_SCHEDULER);
}

static struct nvvgpu_sched_fw_entity *
nvvgpu_sched_fw_entity_of(struct nvvgpu_vgpu *vgpu)
{
	return nvvgpu_vgpu_provider_priv(vgpu, NVVGPU_PROVIDER_SCHEDULER);
}

static int nvvgpu_sched_fw_vgpu_add(struct nvvgpu_vgpu *vgpu)
{
	struct nvvgpu_sched_fw *fw = nvvgpu_sched_fw_of(vgpu);
	u32 gfid = nvvgpu_vgpu_gfid(vgpu), i;
	struct nvvgpu_sched_fw_entity *se;

	nvvgpu_pgpu_assert_locked(vgpu->pgpu);

	if (!gfid || gfid >= ARRAY_SIZE(fw->by_gfid))
		return -EINVAL;
	se = kzalloc(sizeof(*se), GFP_KERNEL);
	if (!se)
		return -ENOMEM;
	se->vgpu = vgpu;
	nvvgpu_sched_fw_entity_init(se, vgpu->id, gfid);
	se->open = false;
	se->since = ktime_get_ns();
	for (i = 0; i < fw->num_engines; i++)
		if (nvvgpu_pgpu_engine_stats(vgpu->pgpu, i, gfid, &se->origin[i]))
			memset(&se->origin[i], 0, sizeof(se->origin[i]));
	nvvgpu_vgpu_set_provider_priv(vgpu, NVVGPU_PROVIDER_SCHEDULER, se);

	spin_lock_bh(&fw->lock);
	fw->by_gfid[gfid] = se;
	trace_nvvgpu_sched_add(vgpu);
	spin_unlock_bh(&fw->lock);
	return 0;
}

static void nvvgpu_sched_fw_vgpu_remove(struct nvvgpu_vgpu *vgpu)
{
	struct nvvgpu_sched_fw *fw = nvvgpu_sched_fw_of(vgpu);
	struct nvvgpu_sched_fw_entity *se = nvvgpu_sched_fw_entity_of(vgpu);

	nvvgpu_pgpu_assert_locked(vgpu->pgpu);

	spin_lock_bh(&fw->lock);
	fw->by_gfid[se->gfid] = NULL;
	trace_nvvgpu_sched_remove(vgpu);
	spin_unlock_bh(&fw->lock);
	nvvgpu_vgpu_set_provider_priv(vgpu, NVVGPU_PROVIDER_SCHEDULER, NULL);
	kfree(se);
}

static void nvvgpu_sched_fw_vgpu_set_runnable(struct nvvgpu_vgpu *vgpu,
					      bool runnable)
{
	struct nvvgpu_sched_fw *fw = nvvgpu_sched_fw_of(vgpu);
	struct nvvgpu_sched_fw_entity *se = nvvgpu_sched_fw_entity_of(vgpu);

	nvvgpu_pgpu_assert_locked(vgpu->pgpu);

	/* OBJSCHED has no control to hold a VM's runlist: only traced */
	spin_lock_bh(&fw->lock);
	if (se->open != runnable) {
		if (runnable)
			trace_nvvgpu_sched_wakeup(vgpu);
		else
			trace_nvvgpu_sched_block(vgpu);
	}
	se->open = runnable;
	spin_unlock_bh(&fw->lock);
}

static void nvvgpu_sched_fw_vgpu_update(struct nvvgpu_vgpu *vgpu)
{
	u32 weight = nvvgpu_vgpu_get_param(vgpu, NVVGPU_VGPU_WEIGHT);
	u32 quantum = nvvgpu_vgpu_get_param(vgpu, NVVGPU_VGPU_EXEC_QUANTUM_US);

	if (weight != 1 || quantum)
		dev_warn_ratelimited(nvvgpu_pgpu_dev(vgpu->pgpu), "vgpu %u: weight %u, exec_quantum_us %u not applied: the firmware scheduler has neither per-vGPU weights nor quanta\n",
				     vgpu->id, weight, quantum);
}

static int nvvgpu_sched_fw_vgpu_stats(struct nvvgpu_vgpu *vgpu,
				      struct nvvgpu_vgpu_sched_stats *st)
{
	struct nvvgpu_sched_fw *fw = nvvgpu_sched_fw_of(vgpu);
	struct nvvgpu_sched_fw_entity *se = nvvgpu_sched_fw_entity_of(vgpu);

	nvvgpu_pgpu_assert_locked(vgpu->pgpu);

	spin_lock_bh(&fw->lock);
	nvvgpu_sched_fw_fill_stats(fw, se, st);
	spin_unlock_bh(&fw->lock);
	return 0;
}

static const struct nvvgpu_sched_ops nvvgpu_sched_fw_ops = {
	.base = {
		.version = NVVGPU_SCHED_OPS_VERSION,
		.name = "firmware",
		.owner = THIS_MODULE,
		.attach = nvvgpu_sched_fw_attach,
		.detach = nvvgpu_sched_fw_detach,
	},
	.vgpu_add = nvvgpu_sched_fw_vgpu_add,
	.vgpu_remove = nvvgpu_sched_fw_vgpu_remove,
	.vgpu_set_runnable = nvvgpu_sched_fw_vgpu_set_runnable,
	.vgpu_update = nvvgpu_sched_fw_vgpu_update,
	.vgpu_stats = nvvgpu_sched_fw_vgpu_stats,
};

static int __init nvvgpu_sched_fw_module_init(void)
{
	if (nvvgpu_sched_fw_policy_lookup(policy) == NVVGPU_SCHED_FW_POLICY_NR) {
		pr_err("policy: unknown policy '%s' (best_effort, equal_share, fixed_share, arr; the firmware has no weighted policy)\n",
		       policy ?: "");
		return -EINVAL;
	}
	/* timeslice_us is checked at attach, against the firmware's caps */
	return nvvgpu_register_scheduler(&nvvgpu_sched_fw_ops);
}

static void __exit nvvgpu_sched_fw_module_exit(void)
{
	/* vGPUs pin this module, so none can depend on it here */
	nvvgpu_unregister_scheduler(&nvvgpu_sched_fw_ops);
}

module_init(nvvgpu_sched_fw_module_init);
module_exit(nvvgpu_sched_fw_module_exit);

MODULE_IMPORT_NS(NVVGPU);
MODULE_DESCRIPTION("nvvgpu scheduler run by the GPU's firmware (OBJSCHED), with the host scheduler's tracepoints and accounting");
MODULE_AUTHOR("The nvvgpu developers");
MODULE_LICENSE("GPL");

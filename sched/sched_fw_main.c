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
 *
 * Hand-over (DOC: hand-over in core/core_handover.c) works both ways.
 * Taking a pgpu over, it asks the firmware for the outgoing scheduler's
 * policy, slice and ARR parameters; a policy OBJSCHED lacks (weighted)
 * is refused with EOPNOTSUPP, a value outside the caps with EINVAL, and
 * the pgpu stays where it was. Each vGPU's accounting continues from the
 * handed-over figures: the log's counters only add what they grew by
 * since the poller's start (nvvgpu_sched_fw_log_sync()). Handing a pgpu
 * over, it stops the poller, takes the engines back for the host (the
 * firmware logs the slice it cut short), reads the log a last time and
 * hands over the state and the accounting as far as the log went.
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
static void nvvgpu_sched_fw_default_state(struct nvvgpu_sched_fw *fw,
					  struct nvvgpu_sched_fw_state *st)
{
	const struct nv2080_ctrl_fifo_objsched_get_caps_params *c = &fw->caps;

	st->policy = nvvgpu_sched_fw_policy_lookup(policy);
	st->timeslice_us = timeslice_us;
	st->arr_avg_factor = clamp_t(u32, NVVGPU_SCHED_FW_ARR_AVG_DEFAULT,
				     c->min_avg_factor_for_arr,
				     c->max_avg_factor_for_arr);
	st->arr_frequency = clamp_t(u32, NVVGPU_SCHED_FW_ARR_FREQ_DEFAULT,
				    c->min_frequency_for_arr,
				    c->max_frequency_for_arr);
}

static void nvvgpu_sched_fw_entity_init(struct nvvgpu_sched_fw_entity *se,
					u32 id, u32 gfid)
{
	se->id = id;
	se->gfid = gfid;
	se->open = true;
}

/**
 * nvvgpu_sched_fw_free() - free a scheduler and the entities it still has
 * @fw: the scheduler, its poller stopped and its sysfs directory gone
 *
 * The sysfs directory's release, or a failed attach or adopt before the
 * directory existed. Entities are left only by a hand-over or a failed
 * adopt: their vGPUs point at the incoming scheduler's, or never pointed
 * at these.
 */
void nvvgpu_sched_fw_free(struct nvvgpu_sched_fw *fw)
{
	u32 g;

	for (g = 1; g < ARRAY_SIZE(fw->by_gfid); g++)
		kfree(fw->by_gfid[g]);
	nvvgpu_sched_fw_log_fini(fw);
	mutex_destroy(&fw->state_lock);
	kfree(fw);
}

/*
 * A scheduler for @pgpu that has asked the firmware what it can do and
 * read where its logs are, not yet in charge; freed by
 * nvvgpu_sched_fw_free().
 */
static struct nvvgpu_sched_fw *nvvgpu_sched_fw_new(struct nvvgpu_pgpu *pgpu)
{
	struct nvvgpu_sched_fw *fw;
	int err;

	fw = kzalloc(sizeof(*fw), GFP_KERNEL);
	if (!fw)
		return ERR_PTR(-ENOMEM);
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
	return fw;

err_free:
	nvvgpu_sched_fw_free(fw);
	return ERR_PTR(err);
}

/*
 * The firmware is in charge: open the operator's files, take the engines'
 * reports and start the poller. From here on the sysfs directory's
 * release frees @fw, also when this fails.
 */
static int nvvgpu_sched_fw_publish(struct nvvgpu_sched_fw *fw)
{
	struct nvvgpu_pgpu *pgpu = fw->pgpu;
	int err;

	err = nvvgpu_sched_fw_sysfs_add(fw);
	if (err)
		return err;
	fw->debugfs = debugfs_create_file("sched", 0444, nvvgpu_pgpu_debugfs(pgpu), fw,
					  &nvvgpu_sched_fw_fops);
	fw->sink.work = nvvgpu_sched_fw_work;
	fw->sink.preempt_timeout = nvvgpu_sched_fw_preempt_timeout;
	nvvgpu_pgpu_set_work_sink(pgpu, &fw->sink);
	nvvgpu_sched_fw_poll_start(fw);
	return 0;
}

/*
 * Shared by attach and adopt: start from where the firmware's logs are,
 * check @st against the caps, hand it to the firmware and go public. On
 * failure @fw is freed and the engines are the host's again; @what names
 * the caller in the log.
 */
static int nvvgpu_sched_fw_start(struct nvvgpu_sched_fw *fw,
				 const struct nvvgpu_sched_fw_state *st,
				 const char *what)
{
	struct nvvgpu_pgpu *pgpu = fw->pgpu;
	char why[80];
	int err;

	err = nvvgpu_sched_fw_log_sync(fw);
	if (err)
		goto err_free;
	err = nvvgpu_sched_fw_check_state(fw, st, why, sizeof(why));
	if (err) {
		dev_err(nvvgpu_pgpu_dev(pgpu), "%s: policy %s, timeslice_us %u: %s\n",
			what, nvvgpu_sched_fw_policy_name(st->policy),
			st->timeslice_us, why);
		goto err_free;
	}
	mutex_lock(&fw->state_lock);
	err = nvvgpu_sched_fw_set_state(fw, st, what);
	mutex_unlock(&fw->state_lock);
	if (err)
		goto err_release;
	/* frees @fw itself if it fails */
	err = nvvgpu_sched_fw_publish(fw);
	if (err)
		nvvgpu_pgpu_run_all(pgpu);
	return err;

err_release:
	/* the firmware may have taken the engines: give them back */
	nvvgpu_pgpu_run_all(pgpu);
err_free:
	nvvgpu_sched_fw_free(fw);
	return err;
}

static int nvvgpu_sched_fw_attach(struct nvvgpu_pgpu *pgpu, void **priv)
{
	struct nvvgpu_sched_fw_state st;
	struct nvvgpu_sched_fw *fw;
	int err;

	nvvgpu_pgpu_assert_locked(pgpu);

	fw = nvvgpu_sched_fw_new(pgpu);
	if (IS_ERR(fw))
		return PTR_ERR(fw);
	nvvgpu_sched_fw_default_state(fw, &st);
	err = nvvgpu_sched_fw_start(fw, &st, "nvvgpu_sched_fw: attach");
	if (err)
		return err;
	*priv = fw;
	return 0;
}

static void nvvgpu_sched_fw_detach(struct nvvgpu_pgpu *pgpu, void *priv)
{
	struct nvvgpu_sched_fw *fw = priv;

	nvvgpu_pgpu_assert_locked(pgpu);

	if (fw->exported) {
		/* the vGPUs and the engines are the incoming scheduler's */
		nvvgpu_sched_fw_sysfs_put(fw);
		return;
	}
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

/* @vgpu's entity, its engines' counters from now on, not yet in by_gfid */
static struct nvvgpu_sched_fw_entity *
nvvgpu_sched_fw_entity_new(struct nvvgpu_sched_fw *fw, struct nvvgpu_vgpu *vgpu)
{
	u32 gfid = nvvgpu_vgpu_gfid(vgpu), i;
	struct nvvgpu_sched_fw_entity *se;

	if (!gfid || gfid >= ARRAY_SIZE(fw->by_gfid) || fw->by_gfid[gfid]) {
		dev_err(nvvgpu_pgpu_dev(fw->pgpu), "nvvgpu_sched_fw: vgpu %u: GFID %u is not free\n",
			vgpu->id, gfid);
		return ERR_PTR(-EINVAL);
	}
	se = kzalloc(sizeof(*se), GFP_KERNEL);
	if (!se)
		return ERR_PTR(-ENOMEM);
	se->vgpu = vgpu;
	nvvgpu_sched_fw_entity_init(se, vgpu->id, gfid);
	se->open = false;
	se->since = ktime_get_ns();
	for (i = 0; i < fw->num_engines; i++)
		if (nvvgpu_pgpu_engine_stats(vgpu->pgpu, i, gfid, &se->origin[i]))
			memset(&se->origin[i], 0, sizeof(se->origin[i]));
	return se;
}

static int nvvgpu_sched_fw_vgpu_add(struct nvvgpu_vgpu *vgpu)
{
	struct nvvgpu_sched_fw *fw = nvvgpu_sched_fw_of(vgpu);
	struct nvvgpu_sched_fw_entity *se;

	nvvgpu_pgpu_assert_locked(vgpu->pgpu);

	se = nvvgpu_sched_fw_entity_new(fw, vgpu);
	if (IS_ERR(se))
		return PTR_ERR(se);
	nvvgpu_vgpu_set_provider_priv(vgpu, NVVGPU_PROVIDER_SCHEDULER, se);

	spin_lock_bh(&fw->lock);
	fw->by_gfid[se->gfid] = se;
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

/*
 * Hand-over (DOC: hand-over in core/core_handover.c). Outgoing: stop
 * polling, take the engines back from the firmware for the host (whoever
 * comes next gives them out again), account the slices the firmware
 * logged up to then, and describe the state and each vGPU's accounting.
 */
static int nvvgpu_sched_fw_export(struct nvvgpu_pgpu *pgpu, void *priv,
				  struct nvvgpu_handover *ho)
{
	struct nvvgpu_sched_fw *fw = priv;
	u32 i;

	nvvgpu_pgpu_assert_locked(pgpu);

	nvvgpu_pgpu_set_work_sink(pgpu, NULL);
	/* the incoming scheduler's files take the same names */
	nvvgpu_sched_fw_sysfs_remove(fw);
	debugfs_remove(fw->debugfs);
	fw->debugfs = NULL;
	nvvgpu_sched_fw_poll_stop(fw);
	fw->exported = true;
	/* the firmware ends its slice, logs it and stops scheduling */
	nvvgpu_pgpu_run_all(pgpu);
	nvvgpu_sched_fw_poll_once(fw);

	mutex_lock(&fw->state_lock);
	strscpy(ho->sched.policy, nvvgpu_sched_fw_policy_name(fw->state.policy),
		sizeof(ho->sched.policy));
	ho->sched.timeslice_us = fw->state.timeslice_us;
	ho->sched.arr_avg_factor = fw->state.arr_avg_factor;
	ho->sched.arr_frequency = fw->state.arr_frequency;
	mutex_unlock(&fw->state_lock);
	/* the firmware weighs the host as one runlist among the others */
	ho->sched.host_weight = 1;
	spin_lock_bh(&fw->lock);
	for (i = 0; i < ho->num_vgpus; i++) {
		struct nvvgpu_sched_fw_entity *se =
			nvvgpu_vgpu_provider_priv(ho->vgpus[i].vgpu,
						  NVVGPU_PROVIDER_SCHEDULER);

		if (!se)
			continue;
		nvvgpu_sched_fw_fill_stats(fw, se, &ho->vgpus[i].stats);
		memcpy(ho->vgpus[i].origin, se->origin, sizeof(se->origin));
	}
	spin_unlock_bh(&fw->lock);
	return 0;
}

/* the incoming scheduler refused: the firmware takes the engines again */
static void nvvgpu_sched_fw_resume(struct nvvgpu_pgpu *pgpu, void *priv)
{
	struct nvvgpu_sched_fw *fw = priv;
	int err;

	nvvgpu_pgpu_assert_locked(pgpu);

	fw->exported = false;
	err = nvvgpu_sched_fw_log_sync(fw);
	mutex_lock(&fw->state_lock);
	if (!err)
		err = nvvgpu_sched_fw_set_state(fw, &fw->state,
						"nvvgpu_sched_fw: resume");
	mutex_unlock(&fw->state_lock);
	if (err)
		dev_err(nvvgpu_pgpu_dev(pgpu), "nvvgpu_sched_fw: the firmware did not take the engines back (%pe): every channel runs unscheduled\n",
			ERR_PTR(err));
	if (kobject_add(&fw->kobj, &nvvgpu_pgpu_dev(pgpu)->kobj, "nvvgpu_sched"))
		dev_warn(nvvgpu_pgpu_dev(pgpu), "nvvgpu_sched/ could not be restored\n");
	fw->debugfs = debugfs_create_file("sched", 0444, nvvgpu_pgpu_debugfs(pgpu),
					  fw, &nvvgpu_sched_fw_fops);
	nvvgpu_pgpu_set_work_sink(pgpu, &fw->sink);
	nvvgpu_sched_fw_poll_start(fw);
}

/* the handed-over settings as OBJSCHED state; -EOPNOTSUPP if it has none */
static int nvvgpu_sched_fw_handover_state(struct nvvgpu_sched_fw *fw,
					  const struct nvvgpu_handover *ho,
					  struct nvvgpu_sched_fw_state *st)
{
	struct device *dev = nvvgpu_pgpu_dev(fw->pgpu);

	nvvgpu_sched_fw_default_state(fw, st);
	if (ho->sched.policy[0]) {
		st->policy = nvvgpu_sched_fw_policy_lookup(ho->sched.policy);
		if (st->policy == NVVGPU_SCHED_FW_POLICY_NR) {
			dev_err(dev, "nvvgpu_sched_fw: cannot take over policy %s: the firmware has no such policy (best_effort, equal_share, fixed_share, arr)\n",
				ho->sched.policy);
			return -EOPNOTSUPP;
		}
	}
	if (ho->sched.timeslice_us)
		st->timeslice_us = ho->sched.timeslice_us;
	if (ho->sched.arr_avg_factor)
		st->arr_avg_factor = ho->sched.arr_avg_factor;
	if (ho->sched.arr_frequency)
		st->arr_frequency = ho->sched.arr_frequency;
	if (ho->sched.host_weight > 1)
		dev_info(dev, "nvvgpu_sched_fw: host_weight %u not taken over: the firmware gives the host one turn a round\n",
			 ho->sched.host_weight);
	return 0;
}

/* an entity's accounting continues from what the outgoing scheduler gave */
static void nvvgpu_sched_fw_adopt_stats(struct nvvgpu_sched_fw_entity *se,
					const struct nvvgpu_handover_vgpu *hv)
{
	const struct nvvgpu_vgpu_sched_stats *st = &hv->stats;

	se->slices = st->slices;
	se->granted_ns = st->granted_ns;
	se->wait_ns = st->wait_ns;
	se->idle_ns = st->idle_ns;
	se->preemptions = st->preemptions;
	se->preempt_timeouts = st->preempt_timeouts;
	memcpy(se->origin, hv->origin, sizeof(se->origin));
}

/*
 * Incoming: the firmware takes the vGPUs as they are, with the outgoing
 * scheduler's policy and slice if it offers them (-EOPNOTSUPP, -EINVAL
 * otherwise: the pgpu stays on the old scheduler), and each vGPU's
 * accounting continues.
 */
static int nvvgpu_sched_fw_adopt(struct nvvgpu_pgpu *pgpu,
				 const struct nvvgpu_handover *ho, void **priv)
{
	struct nvvgpu_sched_fw_entity *se;
	struct nvvgpu_sched_fw_state st;
	struct nvvgpu_sched_fw *fw;
	int err;
	u32 i;

	nvvgpu_pgpu_assert_locked(pgpu);

	fw = nvvgpu_sched_fw_new(pgpu);
	if (IS_ERR(fw))
		return PTR_ERR(fw);
	err = nvvgpu_sched_fw_handover_state(fw, ho, &st);
	if (err)
		goto err_free;
	for (i = 0; i < ho->num_vgpus; i++) {
		se = nvvgpu_sched_fw_entity_new(fw, ho->vgpus[i].vgpu);
		if (IS_ERR(se)) {
			err = PTR_ERR(se);
			goto err_free;
		}
		nvvgpu_sched_fw_adopt_stats(se, &ho->vgpus[i]);
		se->open = ho->vgpus[i].runnable;
		fw->by_gfid[se->gfid] = se;
	}
	err = nvvgpu_sched_fw_start(fw, &st, "nvvgpu_sched_fw: adopt");
	if (err)
		return err;
	/* the entities are complete: only now do the vGPUs point at them */
	for (i = 0; i < ho->num_vgpus; i++)
		nvvgpu_vgpu_set_provider_priv(ho->vgpus[i].vgpu,
					      NVVGPU_PROVIDER_SCHEDULER,
					      fw->by_gfid[nvvgpu_vgpu_gfid(ho->vgpus[i].vgpu)]);
	*priv = fw;
	return 0;

err_free:
	nvvgpu_sched_fw_free(fw);
	return err;
}

static const struct nvvgpu_sched_ops nvvgpu_sched_fw_ops = {
	.base = {
		.version = NVVGPU_SCHED_OPS_VERSION,
		.name = "firmware",
		.owner = THIS_MODULE,
		.attach = nvvgpu_sched_fw_attach,
		.detach = nvvgpu_sched_fw_detach,
		.export = nvvgpu_sched_fw_export,
		.resume = nvvgpu_sched_fw_resume,
		.adopt = nvvgpu_sched_fw_adopt,
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

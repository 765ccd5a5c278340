// SPDX-License-Identifier: GPL-2.0
/*
 * nvvgpu sched: the operator's controls, in sysfs.
 *
 * Copyright (c) 2026 The nvvgpu developers
 */

#include <linux/device.h>
#include <linux/kobject.h>
#include <linux/kstrtox.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/sysfs.h>

#include <nvvgpu/core.h>

#include "sched.h"
#include "sched_policy.h"

/**
 * DOC: sysfs
 *
 * Each pgpu's device gets a directory nvvgpu_sched/ (see
 * Documentation/ABI/testing/sysfs-nvvgpu-sched): the policy, the base
 * slice and ARR's parameters, the host's weight, and bulk_* files that set
 * a vGPU setting for every vGPU of the pgpu at once. Writes are checked,
 * logged when refused (-EINVAL), and apply from the next slice on, as
 * nvidia-smi's set-scheduler-state and Xe's sriov_admin do. The per-vGPU
 * settings (weight, exec_quantum_us, preempt_timeout_us) and accounting
 * (sched_stats) are with each vGPU's device.
 */

#define to_rq(k) container_of(k, struct nvvgpu_sched_rq, kobj)

static ssize_t policy_show(struct kobject *kobj, struct kobj_attribute *attr,
			   char *buf)
{
	return sysfs_emit(buf, "%s\n",
			  nvvgpu_sched_policy_name(READ_ONCE(to_rq(kobj)->p.policy)));
}

static ssize_t policy_store(struct kobject *kobj, struct kobj_attribute *attr,
			    const char *buf, size_t count)
{
	struct nvvgpu_sched_rq *rq = to_rq(kobj);
	struct nvvgpu_sched_params p;
	char name[24];
	int err;

	if (strscpy(name, buf, sizeof(name)) < 0) {
		dev_warn(nvvgpu_pgpu_dev(rq->pgpu), "nvvgpu_sched/policy: %zu bytes, no policy name is that long\n",
			 count);
		return -EINVAL;
	}
	mutex_lock(&rq->params_lock);
	spin_lock_bh(&rq->lock);
	p = rq->p;
	spin_unlock_bh(&rq->lock);
	p.policy = nvvgpu_sched_policy_lookup(strim(name));
	if (p.policy == NVVGPU_SCHED_POLICY_NR) {
		dev_warn(nvvgpu_pgpu_dev(rq->pgpu), "nvvgpu_sched/policy: unknown policy \"%s\" (best_effort, equal_share, fixed_share, weighted, arr)\n",
			 strim(name));
		err = -EINVAL;
	} else {
		err = nvvgpu_sched_update_params(rq, &p, "policy");
	}
	mutex_unlock(&rq->params_lock);
	return err ?: count;
}

static struct kobj_attribute policy_attr = __ATTR_RW(policy);

static ssize_t available_policies_show(struct kobject *kobj,
				       struct kobj_attribute *attr, char *buf)
{
	enum nvvgpu_sched_policy p;
	ssize_t n = 0;

	for (p = 0; p < NVVGPU_SCHED_POLICY_NR; p++)
		n += sysfs_emit_at(buf, n, "%s%s", p ? " " : "",
				   nvvgpu_sched_policy_name(p));
	return n + sysfs_emit_at(buf, n, "\n");
}

static struct kobj_attribute available_policies_attr =
	__ATTR_RO(available_policies);

/* a u32 member of the run queue's settings */
static ssize_t nvvgpu_sched_param_store(struct kobject *kobj,
					const char *name, size_t offset,
					const char *buf, size_t count)
{
	struct nvvgpu_sched_rq *rq = to_rq(kobj);
	struct nvvgpu_sched_params p;
	u32 val;
	int err;

	err = kstrtou32(buf, 0, &val);
	if (err) {
		dev_warn(nvvgpu_pgpu_dev(rq->pgpu), "nvvgpu_sched/%s: \"%.*s\" is not a number in 0..%u\n",
			 name, (int)strcspn(buf, "\n"), buf, U32_MAX);
		return err;
	}
	/* one writer at a time: each changes one member of the whole */
	mutex_lock(&rq->params_lock);
	spin_lock_bh(&rq->lock);
	p = rq->p;
	spin_unlock_bh(&rq->lock);
	*(u32 *)((u8 *)&p + offset) = val;
	err = nvvgpu_sched_update_params(rq, &p, name);
	mutex_unlock(&rq->params_lock);
	return err ?: count;
}

static ssize_t nvvgpu_sched_param_show(struct kobject *kobj, size_t offset,
				       char *buf)
{
	const u8 *p = (const u8 *)&to_rq(kobj)->p;

	return sysfs_emit(buf, "%u\n", READ_ONCE(*(const u32 *)(p + offset)));
}

#define NVVGPU_SCHED_PARAM_ATTR(_name, _member)				\
static const size_t _name##_offset =					\
	offsetof(struct nvvgpu_sched_params, _member);			\
static ssize_t _name##_show(struct kobject *kobj,			\
			    struct kobj_attribute *attr, char *buf)	\
{									\
	return nvvgpu_sched_param_show(kobj, _name##_offset, buf);	\
}									\
static ssize_t _name##_store(struct kobject *kobj,			\
			     struct kobj_attribute *attr,		\
			     const char *buf, size_t count)		\
{									\
	return nvvgpu_sched_param_store(kobj, #_name, _name##_offset,	\
					buf, count);			\
}									\
static struct kobj_attribute _name##_attr = __ATTR_RW(_name)

NVVGPU_SCHED_PARAM_ATTR(timeslice_us, timeslice_us);
NVVGPU_SCHED_PARAM_ATTR(arr_avg_factor, arr_avg_factor);
NVVGPU_SCHED_PARAM_ATTR(arr_frequency, arr_frequency);
NVVGPU_SCHED_PARAM_ATTR(arr_timeslice_min_us, arr_min_us);
NVVGPU_SCHED_PARAM_ATTR(arr_timeslice_max_us, arr_max_us);
NVVGPU_SCHED_PARAM_ATTR(host_weight, host_weight);

static ssize_t nvvgpu_sched_bulk_store(struct kobject *kobj, const char *name,
				       enum nvvgpu_vgpu_param param,
				       const char *buf, size_t count)
{
	struct nvvgpu_sched_rq *rq = to_rq(kobj);
	u32 val;
	int ret;

	ret = kstrtou32(buf, 0, &val);
	if (ret) {
		dev_warn(nvvgpu_pgpu_dev(rq->pgpu), "nvvgpu_sched/%s: \"%.*s\" is not a number in 0..%u\n",
			 name, (int)strcspn(buf, "\n"), buf, U32_MAX);
		return ret;
	}
	ret = nvvgpu_pgpu_set_vgpu_param(rq->pgpu, param, val);
	return ret < 0 ? ret : count;
}

#define NVVGPU_SCHED_BULK_ATTR(_name, _param)				\
static ssize_t _name##_store(struct kobject *kobj,			\
			     struct kobj_attribute *attr,		\
			     const char *buf, size_t count)		\
{									\
	return nvvgpu_sched_bulk_store(kobj, #_name, _param, buf, count); \
}									\
static struct kobj_attribute _name##_attr = __ATTR_WO(_name)

NVVGPU_SCHED_BULK_ATTR(bulk_weight, NVVGPU_VGPU_WEIGHT);
NVVGPU_SCHED_BULK_ATTR(bulk_exec_quantum_us, NVVGPU_VGPU_EXEC_QUANTUM_US);
NVVGPU_SCHED_BULK_ATTR(bulk_preempt_timeout_us, NVVGPU_VGPU_PREEMPT_TIMEOUT_US);

static ssize_t switches_show(struct kobject *kobj, struct kobj_attribute *attr,
			     char *buf)
{
	struct nvvgpu_sched_rq *rq = to_rq(kobj);
	u64 n;

	spin_lock_bh(&rq->lock);
	n = rq->switches;
	spin_unlock_bh(&rq->lock);
	return sysfs_emit(buf, "%llu\n", n);
}

static struct kobj_attribute switches_attr = __ATTR_RO(switches);

static struct attribute *nvvgpu_sched_attrs[] = {
	&policy_attr.attr,
	&available_policies_attr.attr,
	&timeslice_us_attr.attr,
	&arr_avg_factor_attr.attr,
	&arr_frequency_attr.attr,
	&arr_timeslice_min_us_attr.attr,
	&arr_timeslice_max_us_attr.attr,
	&host_weight_attr.attr,
	&bulk_weight_attr.attr,
	&bulk_exec_quantum_us_attr.attr,
	&bulk_preempt_timeout_us_attr.attr,
	&switches_attr.attr,
	NULL,
};

/* the engines' scheduler logs: see nvvgpu_sched_log_read() */
static ssize_t log_read(struct file *file, struct kobject *kobj,
			struct bin_attribute *attr, char *buf, loff_t off,
			size_t count)
{
	return nvvgpu_sched_log_read(to_rq(kobj), buf, off, count);
}

static BIN_ATTR_RO(log, 0);

static struct bin_attribute *nvvgpu_sched_bin_attrs[] = {
	&bin_attr_log,
	NULL,
};

static const struct attribute_group nvvgpu_sched_group = {
	.attrs = nvvgpu_sched_attrs,
	.bin_attrs = nvvgpu_sched_bin_attrs,
};
__ATTRIBUTE_GROUPS(nvvgpu_sched);

static void nvvgpu_sched_kobj_release(struct kobject *kobj)
{
	struct nvvgpu_sched_rq *rq = to_rq(kobj);

	nvvgpu_sched_engines_fini(rq);
	kfree(rq);
}

static const struct kobj_type nvvgpu_sched_ktype = {
	.release = nvvgpu_sched_kobj_release,
	.sysfs_ops = &kobj_sysfs_ops,
	.default_groups = nvvgpu_sched_groups,
};

/**
 * nvvgpu_sched_sysfs_add() - create the pgpu's nvvgpu_sched directory
 * @rq: the run queue; from now on freed by nvvgpu_sched_sysfs_put(), or
 *	here on failure
 *
 * Return: 0 or a negative errno.
 */
int nvvgpu_sched_sysfs_add(struct nvvgpu_sched_rq *rq)
{
	int err;

	err = kobject_init_and_add(&rq->kobj, &nvvgpu_sched_ktype,
				   &nvvgpu_pgpu_dev(rq->pgpu)->kobj, "nvvgpu_sched");
	if (err)
		kobject_put(&rq->kobj);
	return err;
}

/**
 * nvvgpu_sched_sysfs_remove() - remove the directory; returns once no
 *	write to it runs any more
 * @rq: the run queue
 */
void nvvgpu_sched_sysfs_remove(struct nvvgpu_sched_rq *rq)
{
	kobject_del(&rq->kobj);
}

/**
 * nvvgpu_sched_sysfs_put() - drop the directory's reference: frees @rq
 * @rq: the run queue
 */
void nvvgpu_sched_sysfs_put(struct nvvgpu_sched_rq *rq)
{
	kobject_put(&rq->kobj);
}

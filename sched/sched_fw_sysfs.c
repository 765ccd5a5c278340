// SPDX-License-Identifier: GPL-2.0
/*
 * nvvgpu_sched_fw: the operator's controls, in sysfs, the host scheduler's
 * files with the firmware behind them.
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

#include "sched_fw.h"

/**
 * DOC: sysfs
 *
 * The pgpu's nvvgpu_sched/ directory has the host scheduler's files, with
 * the same names, modes and formats (Documentation/ABI/testing/
 * sysfs-nvvgpu-sched). policy, timeslice_us, arr_avg_factor and
 * arr_frequency are checked against the firmware's capabilities, then sent
 * with SET_STATE; a refusal of the firmware fails the write with its errno
 * and a log line. What OBJSCHED has no control for fails with EOPNOTSUPP
 * and a log line: the weighted policy, writes of arr_timeslice_min_us and
 * arr_timeslice_max_us (ARR's slice stays within the firmware's own
 * minTimesliceNs and maxTimesliceNs, which they read), of host_weight (1),
 * and of bulk_weight and bulk_exec_quantum_us.
 */

#define to_fw(k) container_of(k, struct nvvgpu_sched_fw, kobj)

/* @file refused: the firmware cannot do what it asks */
static ssize_t nvvgpu_sched_fw_unsupported(struct nvvgpu_sched_fw *fw,
					   const char *file, const char *why)
{
	dev_warn(nvvgpu_pgpu_dev(fw->pgpu), "nvvgpu_sched/%s: refused: %s\n", file, why);
	return -EOPNOTSUPP;
}

/* check @st, send it, keep it; @fw->state_lock held */
static int nvvgpu_sched_fw_apply(struct nvvgpu_sched_fw *fw,
				 const struct nvvgpu_sched_fw_state *st,
				 const char *file)
{
	char why[80], who[40];
	int err;

	lockdep_assert_held(&fw->state_lock);
	err = nvvgpu_sched_fw_check_state(fw, st, why, sizeof(why));
	if (err) {
		dev_warn(nvvgpu_pgpu_dev(fw->pgpu), "nvvgpu_sched/%s: refused: %s\n", file,
			 why);
		return err;
	}
	snprintf(who, sizeof(who), "nvvgpu_sched/%s", file);
	return nvvgpu_sched_fw_set_state(fw, st, who);
}

static ssize_t policy_show(struct kobject *kobj, struct kobj_attribute *attr,
			   char *buf)
{
	return sysfs_emit(buf, "%s\n",
			  nvvgpu_sched_fw_policy_name(READ_ONCE(to_fw(kobj)->state.policy)));
}

static ssize_t policy_store(struct kobject *kobj, struct kobj_attribute *attr,
			    const char *buf, size_t count)
{
	struct nvvgpu_sched_fw *fw = to_fw(kobj);
	struct nvvgpu_sched_fw_state st;
	enum nvvgpu_sched_fw_policy p;
	char name[24], *n;
	int err;

	if (strscpy(name, buf, sizeof(name)) < 0) {
		dev_warn(nvvgpu_pgpu_dev(fw->pgpu), "nvvgpu_sched/policy: %zu bytes, no policy name is that long\n",
			 count);
		return -EINVAL;
	}
	n = strim(name);
	for (p = 0; p < NVVGPU_SCHED_FW_POLICY_NR; p++)
		if (!strcmp(n, nvvgpu_sched_fw_policy_name(p)))
			break;
	if (!strcmp(n, "weighted"))
		return nvvgpu_sched_fw_unsupported(fw, "policy",
						   "the firmware scheduler has no weighted policy");
	if (p == NVVGPU_SCHED_FW_POLICY_NR) {
		dev_warn(nvvgpu_pgpu_dev(fw->pgpu), "nvvgpu_sched/policy: unknown policy \"%s\" (best_effort, equal_share, fixed_share, weighted, arr)\n",
			 n);
		return -EINVAL;
	}
	mutex_lock(&fw->state_lock);
	st = fw->state;
	st.policy = p;
	err = nvvgpu_sched_fw_apply(fw, &st, "policy");
	mutex_unlock(&fw->state_lock);
	return err ?: count;
}

static struct kobj_attribute policy_attr = __ATTR_RW(policy);

static ssize_t available_policies_show(struct kobject *kobj,
				       struct kobj_attribute *attr, char *buf)
{
	struct nvvgpu_sched_fw *fw = to_fw(kobj);
	struct nvvgpu_sched_fw_state st = fw->state;
	enum nvvgpu_sched_fw_policy p;
	char why[80];
	ssize_t n = 0;

	for (p = 0; p < NVVGPU_SCHED_FW_POLICY_NR; p++) {
		st.policy = p;
		if (nvvgpu_sched_fw_check_state(fw, &st, why, sizeof(why)) ==
		    -EOPNOTSUPP)
			continue;
		n += sysfs_emit_at(buf, n, "%s%s", n ? " " : "",
				   nvvgpu_sched_fw_policy_name(p));
	}
	return n + sysfs_emit_at(buf, n, "\n");
}

static struct kobj_attribute available_policies_attr =
	__ATTR_RO(available_policies);

static ssize_t nvvgpu_sched_fw_parse(struct nvvgpu_sched_fw *fw,
				     const char *file, const char *buf,
				     u32 *val)
{
	int err = kstrtou32(buf, 0, val);

	if (err)
		dev_warn(nvvgpu_pgpu_dev(fw->pgpu), "nvvgpu_sched/%s: \"%.*s\" is not a number in 0..%u\n",
			 file, (int)strcspn(buf, "\n"), buf, U32_MAX);
	return err;
}

/* a u32 member of the state, sent to the firmware */
static ssize_t nvvgpu_sched_fw_param_store(struct kobject *kobj,
					   const char *file, size_t offset,
					   const char *buf, size_t count)
{
	struct nvvgpu_sched_fw *fw = to_fw(kobj);
	struct nvvgpu_sched_fw_state st;
	u32 val;
	int err;

	err = nvvgpu_sched_fw_parse(fw, file, buf, &val);
	if (err)
		return err;
	mutex_lock(&fw->state_lock);
	st = fw->state;
	*(u32 *)((u8 *)&st + offset) = val;
	err = nvvgpu_sched_fw_apply(fw, &st, file);
	mutex_unlock(&fw->state_lock);
	return err ?: count;
}

static ssize_t nvvgpu_sched_fw_param_show(struct kobject *kobj, size_t offset,
					  char *buf)
{
	const u8 *p = (const u8 *)&to_fw(kobj)->state;

	return sysfs_emit(buf, "%u\n", READ_ONCE(*(const u32 *)(p + offset)));
}

#define NVVGPU_SCHED_FW_PARAM_ATTR(_name, _member)			\
static const size_t _name##_offset =					\
	offsetof(struct nvvgpu_sched_fw_state, _member);		\
static ssize_t _name##_show(struct kobject *kobj,			\
			    struct kobj_attribute *attr, char *buf)	\
{									\
	return nvvgpu_sched_fw_param_show(kobj, _name##_offset, buf);	\
}									\
static ssize_t _name##_store(struct kobject *kobj,			\
			     struct kobj_attribute *attr,		\
			     const char *buf, size_t count)		\
{									\
	return nvvgpu_sched_fw_param_store(kobj, #_name, _name##_offset, \
					   buf, count);			\
}									\
static struct kobj_attribute _name##_attr = __ATTR_RW(_name)

NVVGPU_SCHED_FW_PARAM_ATTR(timeslice_us, timeslice_us);
NVVGPU_SCHED_FW_PARAM_ATTR(arr_avg_factor, arr_avg_factor);
NVVGPU_SCHED_FW_PARAM_ATTR(arr_frequency, arr_frequency);

/* files the firmware has no control for: readable, writes refused */
static ssize_t nvvgpu_sched_fw_fixed_store(struct kobject *kobj,
					   const char *file, const char *why,
					   const char *buf, size_t count)
{
	struct nvvgpu_sched_fw *fw = to_fw(kobj);
	u32 val;
	int err;

	err = nvvgpu_sched_fw_parse(fw, file, buf, &val);
	return err ?: nvvgpu_sched_fw_unsupported(fw, file, why);
}

static ssize_t arr_timeslice_min_us_show(struct kobject *kobj,
					 struct kobj_attribute *attr, char *buf)
{
	return sysfs_emit(buf, "%u\n", NVVGPU_SCHED_FW_MIN_US(to_fw(kobj)));
}

static ssize_t arr_timeslice_min_us_store(struct kobject *kobj,
					  struct kobj_attribute *attr,
					  const char *buf, size_t count)
{
	return nvvgpu_sched_fw_fixed_store(kobj, "arr_timeslice_min_us",
					   "the firmware's ARR slice is within its own minTimesliceNs..maxTimesliceNs",
					   buf, count);
}

static struct kobj_attribute arr_timeslice_min_us_attr =
	__ATTR_RW(arr_timeslice_min_us);

static ssize_t arr_timeslice_max_us_show(struct kobject *kobj,
					 struct kobj_attribute *attr, char *buf)
{
	return sysfs_emit(buf, "%u\n", NVVGPU_SCHED_FW_MAX_US(to_fw(kobj)));
}

static ssize_t arr_timeslice_max_us_store(struct kobject *kobj,
					  struct kobj_attribute *attr,
					  const char *buf, size_t count)
{
	return nvvgpu_sched_fw_fixed_store(kobj, "arr_timeslice_max_us",
					   "the firmware's ARR slice is within its own minTimesliceNs..maxTimesliceNs",
					   buf, count);
}

static struct kobj_attribute arr_timeslice_max_us_attr =
	__ATTR_RW(arr_timeslice_max_us);

static ssize_t host_weight_show(struct kobject *kobj,
				struct kobj_attribute *attr, char *buf)
{
	return sysfs_emit(buf, "1\n");
}

static ssize_t host_weight_store(struct kobject *kobj,
				 struct kobj_attribute *attr, const char *buf,
				 size_t count)
{
	return nvvgpu_sched_fw_fixed_store(kobj, "host_weight",
					   "the firmware scheduler gives the host's channels no weight",
					   buf, count);
}

static struct kobj_attribute host_weight_attr = __ATTR_RW(host_weight);

static ssize_t bulk_weight_store(struct kobject *kobj,
				 struct kobj_attribute *attr, const char *buf,
				 size_t count)
{
	return nvvgpu_sched_fw_fixed_store(kobj, "bulk_weight",
					   "the firmware scheduler has no per-vGPU weights",
					   buf, count);
}

static struct kobj_attribute bulk_weight_attr = __ATTR_WO(bulk_weight);

static ssize_t bulk_exec_quantum_us_store(struct kobject *kobj,
					  struct kobj_attribute *attr,
					  const char *buf, size_t count)
{
	return nvvgpu_sched_fw_fixed_store(kobj, "bulk_exec_quantum_us",
					   "the firmware scheduler has no per-vGPU quanta",
					   buf, count);
}

static struct kobj_attribute bulk_exec_quantum_us_attr =
	__ATTR_WO(bulk_exec_quantum_us);

/* the backend applies preemption timeouts, whoever schedules */
static ssize_t bulk_preempt_timeout_us_store(struct kobject *kobj,
					     struct kobj_attribute *attr,
					     const char *buf, size_t count)
{
	struct nvvgpu_sched_fw *fw = to_fw(kobj);
	u32 val;
	int ret;

	ret = nvvgpu_sched_fw_parse(fw, "bulk_preempt_timeout_us", buf, &val);
	if (ret)
		return ret;
	ret = nvvgpu_pgpu_set_vgpu_param(fw->pgpu,
					 NVVGPU_VGPU_PREEMPT_TIMEOUT_US, val);
	return ret < 0 ? ret : count;
}

static struct kobj_attribute bulk_preempt_timeout_us_attr =
	__ATTR_WO(bulk_preempt_timeout_us);

static ssize_t switches_show(struct kobject *kobj, struct kobj_attribute *attr,
			     char *buf)
{
	struct nvvgpu_sched_fw *fw = to_fw(kobj);
	u64 n;

	spin_lock_bh(&fw->lock);
	n = fw->switches;
	spin_unlock_bh(&fw->lock);
	return sysfs_emit(buf, "%llu\n", n);
}

static struct kobj_attribute switches_attr = __ATTR_RO(switches);

static struct attribute *nvvgpu_sched_fw_attrs[] = {
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

/* the engines' scheduler logs: see nvvgpu_sched_fw_log_read() */
static ssize_t log_read(struct file *file, struct kobject *kobj,
			struct bin_attribute *attr, char *buf, loff_t off,
			size_t count)
{
	return nvvgpu_sched_fw_log_read(to_fw(kobj), buf, off, count);
}

static BIN_ATTR_RO(log, 0);

static struct bin_attribute *nvvgpu_sched_fw_bin_attrs[] = {
	&bin_attr_log,
	NULL,
};

static const struct attribute_group nvvgpu_sched_fw_group = {
	.attrs = nvvgpu_sched_fw_attrs,
	.bin_attrs = nvvgpu_sched_fw_bin_attrs,
};
__ATTRIBUTE_GROUPS(nvvgpu_sched_fw);

static void nvvgpu_sched_fw_kobj_release(struct kobject *kobj)
{
	nvvgpu_sched_fw_free(to_fw(kobj));
}

static const struct kobj_type nvvgpu_sched_fw_ktype = {
	.release = nvvgpu_sched_fw_kobj_release,
	.sysfs_ops = &kobj_sysfs_ops,
	.default_groups = nvvgpu_sched_fw_groups,
};

/**
 * nvvgpu_sched_fw_sysfs_add() - create the pgpu's nvvgpu_sched directory
 * @fw: the scheduler; from now on freed by nvvgpu_sched_fw_sysfs_put(),
 *	or here on failure
 *
 * Return: 0 or a negative errno.
 */
int nvvgpu_sched_fw_sysfs_add(struct nvvgpu_sched_fw *fw)
{
	int err;

	err = kobject_init_and_add(&fw->kobj, &nvvgpu_sched_fw_ktype,
				   &nvvgpu_pgpu_dev(fw->pgpu)->kobj, "nvvgpu_sched");
	if (err)
		kobject_put(&fw->kobj);
	return err;
}

/**
 * nvvgpu_sched_fw_sysfs_remove() - remove the directory; returns once no
 *	write to it runs any more
 * @fw: the scheduler
 */
void nvvgpu_sched_fw_sysfs_remove(struct nvvgpu_sched_fw *fw)
{
	kobject_del(&fw->kobj);
}

/**
 * nvvgpu_sched_fw_sysfs_put() - drop the directory's reference: frees @fw
 * @fw: the scheduler
 */
void nvvgpu_sched_fw_sysfs_put(struct nvvgpu_sched_fw *fw)
{
	kobject_put(&fw->kobj);
}

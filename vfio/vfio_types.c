// SPDX-License-Identifier: GPL-2.0
/*
 * nvvgpu VFIO: one mdev type per vGPU type of the pgpu's catalogue, and the
 * sysfs attributes of the types and of the mdev devices.
 *
 * Copyright (c) 2026 The nvvgpu developers
 */

#include <linux/auxiliary_bus.h>
#include <linux/device.h>
#include <linux/kstrtox.h>
#include <linux/mutex.h>
#include <linux/pid.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/sysfs.h>

#include <nvvgpu/core.h>

#include "nvvgpu_vfio.h"

/**
 * DOC: mdev types
 *
 * The mdev parent is the GPU's PCI function, or the auxiliary device
 * "nvvgpu_core.vfio.<pgpu id>" when the pgpu is not a PCI device (see
 * DOC: overview in vfio_main.c). It has one mdev type per entry of the
 * pgpu's vGPU type catalogue, named "<driver>-<type id>" in
 * mdev_supported_types. The mdev core prefixes the name of the parent
 * device's driver: "nvvgpu_vfio" on the auxiliary device, the PCI driver's
 * name on a PCI function (as NVIDIA's driver's types are "nvidia-<id>";
 * "nvvgpu_sim" for a simulated GPU there). The type id is the firmware's,
 * so the name is stable across reboots and hosts with the same GPU and
 * driver. The attributes are the mdev core's:
 *
 * - name: the type name, e.g. "NVIDIA L40S-4Q"
 * - description: one line of "key=value" pairs, see
 *   Documentation/ABI/testing/sysfs-bus-mdev-nvvgpu
 * - available_instances: nvvgpu_type_available(), which accounts for the
 *   type's instance limit, the pgpu's vGPU limit and free resources
 * - device_api: "vfio-pci"
 * - create: write a UUID to create a vGPU of the type
 *
 * A catalogue entry that cannot be exposed (no device ID, no framebuffer,
 * no instance, an unterminated name, a BAR1 of more than 1 TiB or an id
 * seen before) is skipped with a warning.
 */

static bool nvvgpu_vfio_type_usable(struct nvvgpu_vfio_parent *parent,
				    unsigned int index)
{
	const struct nvvgpu_pgpu_info *info = nvvgpu_pgpu_info(parent->pgpu);
	const struct nvvgpu_vgpu_type *type = &info->types[index];
	struct device *dev = &parent->adev->dev;
	const char *why = NULL;
	unsigned int i;

	if (strnlen(type->name, sizeof(type->name)) == sizeof(type->name) ||
	    !type->name[0])
		why = "bad name";
	else if (!type->device_id)
		why = "no PCI device ID";
	else if (!type->fb_size)
		why = "no framebuffer";
	else if (!type->max_instances)
		why = "no instance";
	else if (type->bar1_size > BIT_ULL(NVVGPU_VFIO_OFFSET_SHIFT))
		why = "BAR1 too large";

	for (i = 0; !why && i < index; i++)
		if (info->types[i].id == type->id)
			why = "duplicate id";

	if (why)
		dev_warn(dev, "vGPU type %u not exposed: %s\n", type->id, why);
	return !why;
}

/**
 * nvvgpu_vfio_types_init() - build the mdev types of a parent
 * @parent: the parent; its pgpu and auxiliary device are set
 *
 * The types live in device-managed memory of the auxiliary device and
 * point into the pgpu's catalogue, which is stable while that device
 * exists.
 *
 * Return: 0; -ENODEV if no type can be exposed; -ENOMEM.
 */
int nvvgpu_vfio_types_init(struct nvvgpu_vfio_parent *parent)
{
	const struct nvvgpu_pgpu_info *info = nvvgpu_pgpu_info(parent->pgpu);
	struct device *dev = &parent->adev->dev;
	unsigned int i, n = 0;
	u32 num = min_t(u32, info->num_types, NVVGPU_MAX_TYPES);

	if (!num) {
		dev_err(dev, "pgpu %u has no vGPU type\n", nvvgpu_pgpu_id(parent->pgpu));
		return -ENODEV;
	}

	parent->types = devm_kcalloc(dev, num, sizeof(*parent->types),
				     GFP_KERNEL);
	parent->mtypes = devm_kcalloc(dev, num, sizeof(*parent->mtypes),
				      GFP_KERNEL);
	if (!parent->types || !parent->mtypes)
		return -ENOMEM;

	for (i = 0; i < num; i++) {
		struct nvvgpu_vfio_type *vtype = &parent->types[n];
		const struct nvvgpu_vgpu_type *type = &info->types[i];

		if (!nvvgpu_vfio_type_usable(parent, i))
			continue;

		vtype->parent = parent;
		vtype->type = type;
		snprintf(vtype->sysfs_name, sizeof(vtype->sysfs_name), "%u",
			 type->id);
		vtype->mtype.sysfs_name = vtype->sysfs_name;
		vtype->mtype.pretty_name = type->name;
		parent->mtypes[n++] = &vtype->mtype;
	}

	if (!n) {
		dev_err(dev, "pgpu %u has no usable vGPU type\n",
			nvvgpu_pgpu_id(parent->pgpu));
		return -ENODEV;
	}
	parent->num_types = n;
	return 0;
}

/**
 * nvvgpu_vfio_get_available() - mdev_driver.get_available
 * @mtype: one of our mdev types
 *
 * Return: how many more vGPUs of the type can be created now.
 */
unsigned int nvvgpu_vfio_get_available(struct mdev_type *mtype)
{
	struct nvvgpu_vfio_type *vtype = to_nvvgpu_vfio_type(mtype);

	return nvvgpu_type_available(vtype->parent->pgpu, vtype->type);
}

/**
 * nvvgpu_vfio_show_description() - mdev_driver.show_description
 * @mtype: one of our mdev types
 * @buf: the sysfs page
 *
 * Return: bytes written to @buf.
 */
ssize_t nvvgpu_vfio_show_description(struct mdev_type *mtype, char *buf)
{
	const struct nvvgpu_vgpu_type *type = to_nvvgpu_vfio_type(mtype)->type;

	/* NVIDIA's own keys (num_heads, frl_config, max_resolution) kept */
	return sysfs_emit(buf,
			  "class=%.*s, framebuffer=%lluM, max_instance=%u, bar1=%lluM, channels=%u, device=10de:%04x, subsystem=10de:%04x, profile=%lluM, num_heads=%u, max_resolution=%ux%u, frl_config=%u, license=%.*s\n",
			  (int)sizeof(type->class), type->class,
			  type->fb_size >> 20, type->max_instances,
			  type->bar1_size >> 20, type->num_channels,
			  type->device_id, type->subsystem_id,
			  type->profile_size >> 20, type->num_heads,
			  type->max_res_x, type->max_res_y,
			  type->frame_rate_limit,
			  (int)sizeof(type->license), type->license);
}

static struct nvvgpu_vfio_device *nvvgpu_vfio_dev_to_nvdev(struct device *dev)
{
	return dev_get_drvdata(dev);
}

static ssize_t vgpu_id_show(struct device *dev, struct device_attribute *attr,
			    char *buf)
{
	return sysfs_emit(buf, "%u\n", nvvgpu_vfio_dev_to_nvdev(dev)->vgpu->id);
}
static DEVICE_ATTR_RO(vgpu_id);

static ssize_t type_id_show(struct device *dev, struct device_attribute *attr,
			    char *buf)
{
	return sysfs_emit(buf, "%u\n", nvvgpu_vfio_dev_to_nvdev(dev)->type->id);
}
static DEVICE_ATTR_RO(type_id);

static ssize_t state_show(struct device *dev, struct device_attribute *attr,
			  char *buf)
{
	struct nvvgpu_vgpu *vgpu = nvvgpu_vfio_dev_to_nvdev(dev)->vgpu;

	/* a snapshot: the state changes under the pgpu lock */
	return sysfs_emit(buf, "%s\n",
			  nvvgpu_vgpu_state_name(READ_ONCE(vgpu->state)));
}
static DEVICE_ATTR_RO(state);

static ssize_t nvvgpu_vfio_param_show(struct device *dev,
				      enum nvvgpu_vgpu_param param, char *buf)
{
	struct nvvgpu_vgpu *vgpu = nvvgpu_vfio_dev_to_nvdev(dev)->vgpu;

	return sysfs_emit(buf, "%u\n", nvvgpu_vgpu_get_param(vgpu, param));
}

static ssize_t nvvgpu_vfio_param_store(struct device *dev,
				       enum nvvgpu_vgpu_param param,
				       const char *name, const char *buf,
				       size_t count)
{
	struct nvvgpu_vgpu *vgpu = nvvgpu_vfio_dev_to_nvdev(dev)->vgpu;
	u32 val;
	int ret;

	ret = kstrtou32(buf, 0, &val);
	if (ret) {
		dev_warn(dev, "%s: \"%.*s\" is not a number\n", name,
			 (int)strcspn(buf, "\n"), buf);
		return ret;
	}
	ret = nvvgpu_vgpu_set_param(vgpu, param, val);
	return ret ?: count;
}

/* the vGPU's scheduling settings, kept by the core */
#define NVVGPU_VFIO_PARAM_ATTR(_name, _param)				\
static const enum nvvgpu_vgpu_param _name##_param = _param;		\
static ssize_t _name##_show(struct device *dev,				\
			    struct device_attribute *attr, char *buf)	\
{									\
	return nvvgpu_vfio_param_show(dev, _name##_param, buf);		\
}									\
static ssize_t _name##_store(struct device *dev,			\
			     struct device_attribute *attr,		\
			     const char *buf, size_t count)		\
{									\
	return nvvgpu_vfio_param_store(dev, _name##_param, #_name, buf,	\
				       count);				\
}									\
static DEVICE_ATTR_RW(_name)

NVVGPU_VFIO_PARAM_ATTR(weight, NVVGPU_VGPU_WEIGHT);
NVVGPU_VFIO_PARAM_ATTR(exec_quantum_us, NVVGPU_VGPU_EXEC_QUANTUM_US);
NVVGPU_VFIO_PARAM_ATTR(preempt_timeout_us, NVVGPU_VGPU_PREEMPT_TIMEOUT_US);

/* what the scheduler gave the vGPU, and its engine time: "key value" lines */
static ssize_t sched_stats_show(struct device *dev,
				struct device_attribute *attr, char *buf)
{
	struct nvvgpu_vgpu *vgpu = nvvgpu_vfio_dev_to_nvdev(dev)->vgpu;
	struct nvvgpu_vgpu_sched_stats *st;
	ssize_t n;
	u32 i;
	int err;

	st = kmalloc(sizeof(*st), GFP_KERNEL);
	if (!st)
		return -ENOMEM;
	err = nvvgpu_vgpu_sched_stats(vgpu, st);
	if (err) {
		kfree(st);
		return err;
	}
	n = sysfs_emit(buf, "policy %s\nslices %llu\ngranted_ns %llu\n",
		       st->policy, st->slices, st->granted_ns);
	n += sysfs_emit_at(buf, n, "wait_ns %llu\nidle_ns %llu\npreemptions %llu\n",
			   st->wait_ns, st->idle_ns, st->preemptions);
	n += sysfs_emit_at(buf, n, "preempt_ns %llu\npreempt_timeouts %llu\n",
			   st->preempt_ns, st->preempt_timeouts);
	for (i = 0; i < st->num_engines; i++)
		n += sysfs_emit_at(buf, n, "%s_busy_ns %llu\n%s_jobs %llu\n%s_ctxsw_ns %llu\n",
				   st->engine[i].name, st->engine[i].busy_ns,
				   st->engine[i].name, st->engine[i].jobs,
				   st->engine[i].name, st->engine[i].ctxsw_ns);
	kfree(st);
	return n;
}
static DEVICE_ATTR_RO(sched_stats);

static ssize_t irqs_delivered_show(struct device *dev,
				   struct device_attribute *attr, char *buf)
{
	u64 delivered, errors;

	nvvgpu_vfio_irqs_counters(nvvgpu_vfio_dev_to_nvdev(dev), &delivered,
				  &errors);
	return sysfs_emit(buf, "%llu\n", delivered);
}
static DEVICE_ATTR_RO(irqs_delivered);

static ssize_t channel_errors_show(struct device *dev,
				   struct device_attribute *attr, char *buf)
{
	u64 delivered, errors;

	nvvgpu_vfio_irqs_counters(nvvgpu_vfio_dev_to_nvdev(dev), &delivered,
				  &errors);
	return sysfs_emit(buf, "%llu\n", errors);
}
static DEVICE_ATTR_RO(channel_errors);

/* the process that has the VFIO device open (the VMM), 0 if none */
static ssize_t owner_pid_show(struct device *dev,
			      struct device_attribute *attr, char *buf)
{
	struct nvvgpu_vfio_device *nvdev = nvvgpu_vfio_dev_to_nvdev(dev);
	pid_t nr;

	mutex_lock(&nvdev->lock);
	nr = pid_vnr(nvdev->owner);
	mutex_unlock(&nvdev->lock);
	return sysfs_emit(buf, "%d\n", nr);
}
static DEVICE_ATTR_RO(owner_pid);

static struct attribute *nvvgpu_vfio_mdev_attrs[] = {
	&dev_attr_vgpu_id.attr,
	&dev_attr_type_id.attr,
	&dev_attr_state.attr,
	&dev_attr_weight.attr,
	&dev_attr_exec_quantum_us.attr,
	&dev_attr_preempt_timeout_us.attr,
	&dev_attr_sched_stats.attr,
	&dev_attr_irqs_delivered.attr,
	&dev_attr_channel_errors.attr,
	&dev_attr_owner_pid.attr,
	NULL,
};

static const struct attribute_group nvvgpu_vfio_mdev_group = {
	.name = "nvvgpu",
	.attrs = nvvgpu_vfio_mdev_attrs,
};

/*
 * Attributes of each mdev device, in /sys/bus/mdev/devices/<uuid>/nvvgpu/;
 * they exist while the device is bound, i.e. while its vGPU exists.
 */
const struct attribute_group *nvvgpu_vfio_mdev_groups[] = {
	&nvvgpu_vfio_mdev_group,
	NULL,
};

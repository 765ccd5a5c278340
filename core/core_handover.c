// SPDX-License-Identifier: GPL-2.0
/*
 * nvvgpu core: swapping the provider of one kind on a pgpu while its vGPUs
 * run, and the sysfs files through which an operator asks for it.
 *
 * Copyright (c) 2026 The nvvgpu developers
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/device.h>
#include <linux/ktime.h>
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/sysfs.h>

#include "core_priv.h"

/**
 * DOC: hand-over
 *
 * Several providers of the partition or scheduler kind may be registered at
 * once; each pgpu runs one of them (the first registered, unless an
 * operator chose another by writing its name to
 * ``/sys/devices/.../<pgpu device>/nvvgpu_providers/<kind>``). Switching a
 * pgpu with no vGPU simply detaches one and attaches the other. With vGPUs
 * alive, the providers hand the pgpu over, all under the core lock and the
 * pgpu lock, so no vGPU is created, destroyed, opened or closed meanwhile::
 *
 *     core                 outgoing (old)            incoming (new)
 *      |  pin new's module for each vGPU and host channel
 *      |-- export(ho) ------->| quiesce: stop deciding /
 *      |                      | allocating; describe state
 *      |   (per-vGPU data of old set aside)
 *      |-- adopt(ho) ------------------------------------>| take the vGPUs
 *      |                      |                           | as they are,
 *      |   refused?  -- resume() -->| carry on            | start acting
 *      |-- detach() --------->| free own data only
 *      |  unpin old's module; the pgpu now runs new
 *
 * The core fills the hand-over document with every vGPU (and whether it is
 * runnable); the outgoing provider adds what only it knows (a scheduler's
 * policy, timeslice and each vGPU's accounting so far; a partitioner's host
 * framebuffer ranges); the vGPUs' partitions and scheduling settings are
 * already the core's. Jobs are never lost: they sit in the channels' rings
 * while nobody schedules, and the incoming scheduler picks them up.
 *
 * A provider without @export or @adopt can be swapped only while the pgpu
 * has no vGPU (-EOPNOTSUPP otherwise). When the incoming provider refuses,
 * the outgoing one resumes and the pgpu stays on it; the error is returned
 * to the writer and logged with the reason. Different pgpus may run
 * different providers; the old module may be unloaded once no pgpu uses it.
 */

static const struct nvvgpu_provider *
nvvgpu_provider_find(enum nvvgpu_provider_kind kind, const char *name)
{
	unsigned int i;

	lockdep_assert_held(&nvvgpu_core.lock);
	for (i = 0; i < NVVGPU_PROVIDERS_PER_KIND; i++) {
		const struct nvvgpu_provider *prov = nvvgpu_core.prov[kind][i];

		if (prov && !strcmp(prov->name, name))
			return prov;
	}
	return NULL;
}

/* a reference on @mod for every vGPU and host channel that pins @kind */
static int nvvgpu_handover_pin(struct nvvgpu_pgpu *pgpu,
			       enum nvvgpu_provider_kind kind,
			       struct module *mod)
{
	struct nvvgpu_vgpu *vgpu;
	unsigned long index;
	u32 n = 0, i;

	xa_for_each(&pgpu->vgpus, index, vgpu)
		if (test_bit(kind, &vgpu->pinned))
			n++;
	if (kind == NVVGPU_PROVIDER_PARTITION)
		n += pgpu->num_host_channels;
	for (i = 0; i < n; i++) {
		if (!try_module_get(mod)) {
			while (i--)
				module_put(mod);
			return -ENODEV;
		}
	}
	return n;
}

static void nvvgpu_handover_unpin(struct module *mod, int n)
{
	while (n-- > 0)
		module_put(mod);
}

static int nvvgpu_handover(struct nvvgpu_pgpu *pgpu,
			   enum nvvgpu_provider_kind kind,
			   const struct nvvgpu_provider *old,
			   const struct nvvgpu_provider *new)
{
	void *old_priv = pgpu->prov_priv[kind], *new_priv = NULL;
	void *saved[NVVGPU_MAX_VGPUS_PER_PGPU];
	const char *kname = nvvgpu_provider_kind_name(kind);
	struct nvvgpu_handover *ho;
	struct nvvgpu_vgpu *vgpu;
	unsigned long index;
	ktime_t start = ktime_get();
	int pins, err;
	u32 i;

	if (!old->export || !old->resume || !new->adopt) {
		dev_err(pgpu->dev, "%s provider '%s' cannot %s a pgpu with %u vGPU(s): refused\n",
			kname, !new->adopt ? new->name : old->name,
			!new->adopt ? "take over" : "hand over", pgpu->num_vgpus);
		return -EOPNOTSUPP;
	}
	ho = kzalloc(sizeof(*ho), GFP_KERNEL);
	if (!ho)
		return -ENOMEM;
	ho->kind = kind;
	xa_for_each(&pgpu->vgpus, index, vgpu) {
		if (ho->num_vgpus == ARRAY_SIZE(ho->vgpus))
			break;
		ho->vgpus[ho->num_vgpus].vgpu = vgpu;
		ho->vgpus[ho->num_vgpus].runnable =
			vgpu->state == NVVGPU_VGPU_RUNNING;
		ho->num_vgpus++;
	}

	/* before anything changes: the new module must stay for its vGPUs */
	pins = nvvgpu_handover_pin(pgpu, kind, new->owner);
	if (pins < 0) {
		dev_err(pgpu->dev, "%s provider '%s' is going away\n", kname,
			new->name);
		err = pins;
		goto out;
	}

	err = old->export(pgpu, old_priv, ho);
	if (err) {
		dev_err(pgpu->dev, "%s provider '%s' could not hand over: %pe\n",
			kname, old->name, ERR_PTR(err));
		goto err_unpin;
	}
	for (i = 0; i < ho->num_vgpus; i++) {
		saved[i] = ho->vgpus[i].vgpu->prov_priv[kind];
		ho->vgpus[i].vgpu->prov_priv[kind] = NULL;
	}
	err = new->adopt(pgpu, ho, &new_priv);
	if (err) {
		for (i = 0; i < ho->num_vgpus; i++)
			ho->vgpus[i].vgpu->prov_priv[kind] = saved[i];
		old->resume(pgpu, old_priv);
		dev_err(pgpu->dev, "%s provider '%s' refused to take over from '%s': %pe; '%s' carries on\n",
			kname, new->name, old->name, ERR_PTR(err), old->name);
		goto err_unpin;
	}
	/* the old provider's data only: the vGPUs are the new one's now */
	if (old->detach)
		old->detach(pgpu, old_priv);
	pgpu->prov[kind] = new;
	pgpu->prov_priv[kind] = new_priv;
	nvvgpu_handover_unpin(old->owner, pins);
	dev_info(pgpu->dev, "%s provider switched from '%s' to '%s' with %u vGPU(s) in %lld us\n",
		 kname, old->name, new->name, ho->num_vgpus,
		 ktime_us_delta(ktime_get(), start));
	goto out;

err_unpin:
	nvvgpu_handover_unpin(new->owner, pins);
out:
	kfree(ho);
	return err;
}

/**
 * nvvgpu_pgpu_switch_provider_locked() - make a pgpu run another provider
 *	of a kind
 * @pgpu: the physical GPU
 * @kind: %NVVGPU_PROVIDER_PARTITION or %NVVGPU_PROVIDER_SCHEDULER
 * @name: the name of a registered provider of @kind
 *
 * See DOC: hand-over.
 *
 * Context: process context, with the core lock and the pgpu lock held;
 * may sleep.
 * Return: 0 (also when @name already runs); -ENOENT for an unknown @name,
 * -EOPNOTSUPP for the transport or a provider that cannot hand over or
 * take over a pgpu with vGPUs, -ENODEV when the kind is not attached (the
 * pgpu is lost or lacks an earlier kind), or the providers' errno.
 */
int nvvgpu_pgpu_switch_provider_locked(struct nvvgpu_pgpu *pgpu,
				       enum nvvgpu_provider_kind kind,
				       const char *name)
{
	const char *kname = nvvgpu_provider_kind_name(kind);
	const struct nvvgpu_provider *old, *new;
	int err;

	lockdep_assert_held(&nvvgpu_core.lock);
	nvvgpu_pgpu_assert_locked(pgpu);

	if (kind == NVVGPU_PROVIDER_TRANSPORT || kind >= NVVGPU_PROVIDER_NR)
		return -EOPNOTSUPP;
	new = nvvgpu_provider_find(kind, name);
	if (!new) {
		dev_err(pgpu->dev, "no %s provider '%s' is registered\n", kname,
			name);
		return -ENOENT;
	}
	if (!test_bit(kind, &pgpu->attached)) {
		dev_err(pgpu->dev, "no %s provider is attached to switch from\n",
			kname);
		return -ENODEV;
	}
	old = pgpu->prov[kind];
	if (old == new)
		return 0;

	if (pgpu->num_vgpus ||
	    (kind == NVVGPU_PROVIDER_PARTITION && pgpu->num_host_channels))
		return nvvgpu_handover(pgpu, kind, old, new);

	/* nothing to hand over: the one goes, the other comes */
	nvvgpu_pgpu_detach_one(pgpu, kind);
	err = nvvgpu_pgpu_attach_one(pgpu, kind, new);
	if (err) {
		dev_err(pgpu->dev, "%s provider '%s' did not attach: %pe; back to '%s'\n",
			kname, new->name, ERR_PTR(err), old->name);
		if (nvvgpu_pgpu_attach_one(pgpu, kind, old))
			dev_err(pgpu->dev, "and '%s' did not come back: the pgpu has no %s provider\n",
				old->name, kname);
	}
	return err;
}

/**
 * nvvgpu_pgpu_switch_provider() - make a pgpu run another provider of a kind
 * @pgpu: the physical GPU
 * @kind: %NVVGPU_PROVIDER_PARTITION or %NVVGPU_PROVIDER_SCHEDULER
 * @name: the name of a registered provider of @kind
 *
 * What writing @name to the pgpu's nvvgpu_providers/<kind> file does, for
 * kernel callers (see DOC: hand-over).
 *
 * Context: process context; takes the core lock and the pgpu lock; may
 * sleep.
 * Return: as nvvgpu_pgpu_switch_provider_locked().
 */
int nvvgpu_pgpu_switch_provider(struct nvvgpu_pgpu *pgpu,
				enum nvvgpu_provider_kind kind,
				const char *name)
{
	int err;

	mutex_lock(&nvvgpu_core.lock);
	mutex_lock(&pgpu->lock);
	err = nvvgpu_pgpu_switch_provider_locked(pgpu, kind, name);
	mutex_unlock(&pgpu->lock);
	mutex_unlock(&nvvgpu_core.lock);
	return err;
}
EXPORT_SYMBOL_NS_GPL(nvvgpu_pgpu_switch_provider, NVVGPU);

/*
 * nvvgpu_providers/{transport,partition,scheduler}: every registered
 * provider of the kind, the pgpu's in brackets, as the block layer's
 * queue/scheduler lists elevators; writing a name switches to it.
 */
static struct nvvgpu_pgpu *nvvgpu_pgpu_of_dev(struct device *dev)
{
	struct nvvgpu_pgpu *pgpu;

	lockdep_assert_held(&nvvgpu_core.lock);
	list_for_each_entry(pgpu, &nvvgpu_core.pgpus, link)
		if (pgpu->dev == dev)
			return pgpu;
	return NULL;
}

/* as nvvgpu_pgpu_lock_sysfs(): unregistration removes these files locked */
static int nvvgpu_core_lock_sysfs(void)
{
	return nvvgpu_mutex_lock_sysfs(&nvvgpu_core.lock);
}

static ssize_t nvvgpu_providers_show(struct device *dev, char *buf,
				     enum nvvgpu_provider_kind kind)
{
	struct nvvgpu_pgpu *pgpu;
	ssize_t len = 0;
	unsigned int i;
	int err;

	err = nvvgpu_core_lock_sysfs();
	if (err)
		return err;
	pgpu = nvvgpu_pgpu_of_dev(dev);
	if (!pgpu) {
		mutex_unlock(&nvvgpu_core.lock);
		return -ENODEV;
	}
	/* pgpu->prov changes only under the core lock too */
	for (i = 0; i < NVVGPU_PROVIDERS_PER_KIND; i++) {
		const struct nvvgpu_provider *prov = nvvgpu_core.prov[kind][i];
		bool active;

		if (!prov)
			break;
		active = test_bit(kind, &pgpu->attached) &&
			 READ_ONCE(pgpu->prov[kind]) == prov;
		len += sysfs_emit_at(buf, len, "%s%s%s%s", i ? " " : "",
				     active ? "[" : "", prov->name,
				     active ? "]" : "");
	}
	len += sysfs_emit_at(buf, len, "\n");
	mutex_unlock(&nvvgpu_core.lock);
	return len;
}

static ssize_t nvvgpu_providers_store(struct device *dev, const char *buf,
				      size_t count,
				      enum nvvgpu_provider_kind kind)
{
	char name[32];
	struct nvvgpu_pgpu *pgpu;
	int err;

	if (strscpy(name, buf, sizeof(name)) < 0) {
		dev_err(dev, "nvvgpu_providers/%s: name too long\n",
			nvvgpu_provider_kind_name(kind));
		return -EINVAL;
	}
	strim(name);
	if (!*name) {
		dev_err(dev, "nvvgpu_providers/%s: empty name\n",
			nvvgpu_provider_kind_name(kind));
		return -EINVAL;
	}
	err = nvvgpu_core_lock_sysfs();
	if (err)
		return err;
	pgpu = nvvgpu_pgpu_of_dev(dev);
	if (!pgpu) {
		err = -ENODEV;
		goto out;
	}
	err = nvvgpu_pgpu_lock_sysfs(pgpu);
	if (err)
		goto out;
	err = nvvgpu_pgpu_switch_provider_locked(pgpu, kind, name);
	nvvgpu_pgpu_unlock(pgpu);
out:
	mutex_unlock(&nvvgpu_core.lock);
	return err ?: count;
}

#define NVVGPU_PROVIDER_SHOW(_name, _kind)				\
static ssize_t _name##_show(struct device *dev,				\
			    struct device_attribute *attr, char *buf)	\
{									\
	return nvvgpu_providers_show(dev, buf, _kind);			\
}

#define NVVGPU_PROVIDER_STORE(_name, _kind)				\
static ssize_t _name##_store(struct device *dev,			\
			     struct device_attribute *attr,		\
			     const char *buf, size_t count)		\
{									\
	return nvvgpu_providers_store(dev, buf, count, _kind);		\
}

/* the transport is shown, never switched */
NVVGPU_PROVIDER_SHOW(transport, NVVGPU_PROVIDER_TRANSPORT)
NVVGPU_PROVIDER_SHOW(partition, NVVGPU_PROVIDER_PARTITION)
NVVGPU_PROVIDER_STORE(partition, NVVGPU_PROVIDER_PARTITION)
NVVGPU_PROVIDER_SHOW(scheduler, NVVGPU_PROVIDER_SCHEDULER)
NVVGPU_PROVIDER_STORE(scheduler, NVVGPU_PROVIDER_SCHEDULER)
static DEVICE_ATTR_RO(transport);
static DEVICE_ATTR_RW(partition);
static DEVICE_ATTR_RW(scheduler);

static struct attribute *nvvgpu_providers_attrs[] = {
	&dev_attr_transport.attr,
	&dev_attr_partition.attr,
	&dev_attr_scheduler.attr,
	NULL,
};

static const struct attribute_group nvvgpu_providers_group = {
	.name = "nvvgpu_providers",
	.attrs = nvvgpu_providers_attrs,
};

/**
 * nvvgpu_pgpu_sysfs_add() - create the pgpu's nvvgpu_providers/ files
 * @pgpu: the physical GPU, before it is on the core's list
 *
 * Return: 0 or the sysfs errno.
 */
int nvvgpu_pgpu_sysfs_add(struct nvvgpu_pgpu *pgpu)
{
	return sysfs_create_group(&pgpu->dev->kobj, &nvvgpu_providers_group);
}

/**
 * nvvgpu_pgpu_sysfs_remove() - remove them, waiting for their handlers
 * @pgpu: the physical GPU; neither the core lock nor its lock held
 */
void nvvgpu_pgpu_sysfs_remove(struct nvvgpu_pgpu *pgpu)
{
	sysfs_remove_group(&pgpu->dev->kobj, &nvvgpu_providers_group);
}

// SPDX-License-Identifier: GPL-2.0
/*
 * nvvgpu core: the registry of providers and their attachment to pgpus.
 *
 * Copyright (c) 2026 The nvvgpu developers
 */

#include <linux/lockdep.h>
#include <linux/module.h>
#include <kunit/visibility.h>

#include "core_priv.h"
#include "core_test.h"

/**
 * DOC: provider registry
 *
 * One provider of each kind (transport, partition, scheduler) is registered
 * at a time. A provider attaches to a pgpu only when every kind before it is
 * attached: the partition provider needs the FB size the transport read, and
 * the scheduler schedules what was partitioned. Registering replays the
 * attach for every existing pgpu; registering the transport later attaches
 * the partition and scheduler providers that were waiting for it.
 *
 * A vGPU pins the module of every provider it uses, so a provider module
 * cannot be unloaded under a vGPU: rmmod fails with EBUSY. Unregistering by
 * other means while vGPUs depend on the provider returns -EBUSY. Otherwise
 * unregistering detaches the provider, and every kind after it, from each
 * pgpu; those stay registered and attach again when it comes back.
 */

static const u32 nvvgpu_provider_versions[NVVGPU_PROVIDER_NR] = {
	[NVVGPU_PROVIDER_TRANSPORT] = NVVGPU_TRANSPORT_OPS_VERSION,
	[NVVGPU_PROVIDER_PARTITION] = NVVGPU_PARTITION_OPS_VERSION,
	[NVVGPU_PROVIDER_SCHEDULER] = NVVGPU_SCHED_OPS_VERSION,
};

static const char * const nvvgpu_provider_kind_names[NVVGPU_PROVIDER_NR] = {
	[NVVGPU_PROVIDER_TRANSPORT] = "transport",
	[NVVGPU_PROVIDER_PARTITION] = "partition",
	[NVVGPU_PROVIDER_SCHEDULER] = "scheduler",
};

const char *nvvgpu_provider_kind_name(enum nvvgpu_provider_kind kind)
{
	return kind < NVVGPU_PROVIDER_NR ? nvvgpu_provider_kind_names[kind] : "?";
}

static int nvvgpu_pgpu_attach_one(struct nvvgpu_pgpu *pgpu,
				  const struct nvvgpu_provider *prov)
{
	const struct nvvgpu_transport_ops *tops;
	enum nvvgpu_provider_kind kind = prov->kind;
	void *priv = NULL;
	int err;

	lockdep_assert_held(&pgpu->lock);

	err = prov->attach ? prov->attach(pgpu, &priv) : 0;
	if (err) {
		dev_err(pgpu->dev, "%s provider '%s' failed to attach: %d\n",
			nvvgpu_provider_kind_name(kind), prov->name, err);
		return err;
	}
	pgpu->prov[kind] = prov;
	pgpu->prov_priv[kind] = priv;

	if (kind == NVVGPU_PROVIDER_TRANSPORT) {
		tops = container_of(prov, struct nvvgpu_transport_ops, base);
		memset(&pgpu->info, 0, sizeof(pgpu->info));
		err = tops->read_info(pgpu, &pgpu->info);
		if (!err && (!pgpu->info.fb_size ||
			     pgpu->info.num_types > NVVGPU_MAX_TYPES))
			err = -EPROTO;
		if (err) {
			dev_err(pgpu->dev, "transport '%s' could not read static info: %d\n",
				prov->name, err);
			if (prov->detach)
				prov->detach(pgpu, priv);
			pgpu->prov[kind] = NULL;
			pgpu->prov_priv[kind] = NULL;
			return err;
		}
		spin_lock_irq(&pgpu->irq_lock);
		pgpu->irq_ops = tops;
		spin_unlock_irq(&pgpu->irq_lock);
		pgpu->ready = true;
	}

	__set_bit(kind, &pgpu->attached);
	dev_info(pgpu->dev, "%s provider '%s' attached\n",
		 nvvgpu_provider_kind_name(kind), prov->name);
	return 0;
}

static void nvvgpu_pgpu_detach_one(struct nvvgpu_pgpu *pgpu,
				   enum nvvgpu_provider_kind kind)
{
	const struct nvvgpu_provider *prov = pgpu->prov[kind];

	lockdep_assert_held(&pgpu->lock);

	if (!test_bit(kind, &pgpu->attached))
		return;

	if (kind == NVVGPU_PROVIDER_TRANSPORT) {
		pgpu->ready = false;
		/* no interrupt may reach the transport once it detached */
		spin_lock_irq(&pgpu->irq_lock);
		pgpu->irq_ops = NULL;
		spin_unlock_irq(&pgpu->irq_lock);
	}
	if (prov->detach)
		prov->detach(pgpu, pgpu->prov_priv[kind]);
	__clear_bit(kind, &pgpu->attached);
	pgpu->prov[kind] = NULL;
	pgpu->prov_priv[kind] = NULL;
	dev_info(pgpu->dev, "%s provider '%s' detached\n",
		 nvvgpu_provider_kind_name(kind), prov->name);
}

/**
 * nvvgpu_pgpu_sync_attach() - attach every registered provider that can be
 * @pgpu: the physical GPU
 *
 * Walks the kinds in attach order and stops at the first that is missing or
 * fails, since every later kind depends on it.
 */
void nvvgpu_pgpu_sync_attach(struct nvvgpu_pgpu *pgpu)
{
	enum nvvgpu_provider_kind kind;

	lockdep_assert_held(&nvvgpu_core.lock);
	lockdep_assert_held(&pgpu->lock);

	for (kind = 0; kind < NVVGPU_PROVIDER_NR; kind++) {
		if (test_bit(kind, &pgpu->attached))
			continue;
		if (!nvvgpu_core.prov[kind] || pgpu->lost)
			return;
		if (nvvgpu_pgpu_attach_one(pgpu, nvvgpu_core.prov[kind]))
			return;
	}
}

/**
 * nvvgpu_pgpu_detach_from() - detach a kind and every kind that depends on it
 * @pgpu: the physical GPU, which must have no vGPUs
 * @kind: the first kind to detach
 */
void nvvgpu_pgpu_detach_from(struct nvvgpu_pgpu *pgpu,
			     enum nvvgpu_provider_kind kind)
{
	int k;

	lockdep_assert_held(&pgpu->lock);
	WARN_ON_ONCE(pgpu->num_vgpus);

	for (k = NVVGPU_PROVIDER_NR - 1; k >= (int)kind; k--)
		nvvgpu_pgpu_detach_one(pgpu, k);
}

static int nvvgpu_provider_check(const struct nvvgpu_provider *prov)
{
	if (!prov || !prov->name) {
		pr_err("nvvgpu: provider without a name refused\n");
		return -EINVAL;
	}
	if (prov->kind >= NVVGPU_PROVIDER_NR) {
		pr_err("nvvgpu: provider '%s' has unknown kind %u\n",
		       prov->name, prov->kind);
		return -EINVAL;
	}
	if (prov->version != nvvgpu_provider_versions[prov->kind]) {
		pr_err("nvvgpu: %s provider '%s' speaks interface version %u, core speaks %u: refused\n",
		       nvvgpu_provider_kind_name(prov->kind), prov->name,
		       prov->version, nvvgpu_provider_versions[prov->kind]);
		return -EINVAL;
	}
	switch (prov->kind) {
	case NVVGPU_PROVIDER_TRANSPORT: {
		const struct nvvgpu_transport_ops *o =
			container_of(prov, struct nvvgpu_transport_ops, base);

		if (o->read_info && o->vgpu_bootload && o->vgpu_shutdown)
			return 0;
		break;
	}
	case NVVGPU_PROVIDER_PARTITION: {
		const struct nvvgpu_partition_ops *o =
			container_of(prov, struct nvvgpu_partition_ops, base);

		if (o->vgpu_alloc && o->vgpu_free && o->type_capacity)
			return 0;
		break;
	}
	case NVVGPU_PROVIDER_SCHEDULER: {
		const struct nvvgpu_sched_ops *o =
			container_of(prov, struct nvvgpu_sched_ops, base);

		if (o->vgpu_add && o->vgpu_remove && o->vgpu_set_runnable)
			return 0;
		break;
	}
	default:
		break;
	}
	pr_err("nvvgpu: %s provider '%s' lacks mandatory ops: refused\n",
	       nvvgpu_provider_kind_name(prov->kind), prov->name);
	return -EINVAL;
}

/**
 * nvvgpu_register_provider() - register a transport, partition or scheduler
 * @prov: the "base" member of the provider's const ops table
 *
 * Checks the interface version, then attaches the provider to every pgpu
 * that has the kinds it depends on, and creates the client devices of each
 * pgpu that became ready.
 *
 * Return: 0; -EINVAL for a malformed table or version mismatch; -EBUSY if a
 * provider of that kind is already registered.
 */
int nvvgpu_register_provider(const struct nvvgpu_provider *prov)
{
	struct nvvgpu_pgpu *pgpu;
	int err;

	err = nvvgpu_provider_check(prov);
	if (err)
		return err;

	mutex_lock(&nvvgpu_core.lock);
	if (nvvgpu_core.prov[prov->kind]) {
		pr_err("nvvgpu: %s provider '%s' refused: '%s' is already registered\n",
		       nvvgpu_provider_kind_name(prov->kind), prov->name,
		       nvvgpu_core.prov[prov->kind]->name);
		mutex_unlock(&nvvgpu_core.lock);
		return -EBUSY;
	}
	nvvgpu_core.prov[prov->kind] = prov;
	pr_info("nvvgpu: %s provider '%s' registered\n",
		nvvgpu_provider_kind_name(prov->kind), prov->name);

	list_for_each_entry(pgpu, &nvvgpu_core.pgpus, link) {
		mutex_lock(&pgpu->lock);
		nvvgpu_pgpu_sync_attach(pgpu);
		mutex_unlock(&pgpu->lock);
		nvvgpu_pgpu_sync_aux(pgpu);
	}
	mutex_unlock(&nvvgpu_core.lock);
	return 0;
}
EXPORT_SYMBOL_NS_GPL(nvvgpu_register_provider, NVVGPU);

/**
 * nvvgpu_unregister_provider() - unregister a provider
 * @prov: what was passed to nvvgpu_register_provider()
 *
 * Return: 0 once it is detached from every pgpu; -EBUSY, with nothing
 * changed, while vGPUs depend on it; -ENOENT if it is not registered.
 */
int nvvgpu_unregister_provider(const struct nvvgpu_provider *prov)
{
	enum nvvgpu_provider_kind kind = prov->kind;
	struct nvvgpu_pgpu *pgpu;
	int err = 0;

	mutex_lock(&nvvgpu_core.lock);
	if (kind >= NVVGPU_PROVIDER_NR || nvvgpu_core.prov[kind] != prov) {
		pr_err("nvvgpu: provider '%s' is not registered\n", prov->name);
		err = -ENOENT;
		goto out;
	}

	list_for_each_entry(pgpu, &nvvgpu_core.pgpus, link) {
		mutex_lock(&pgpu->lock);
		if (test_bit(kind, &pgpu->attached) &&
		    (pgpu->num_vgpus || pgpu->num_host_channels)) {
			dev_err(pgpu->dev,
				"cannot unregister %s provider '%s': %u vGPU(s) and %u host channel(s) depend on it\n",
				nvvgpu_provider_kind_name(kind), prov->name,
				pgpu->num_vgpus, pgpu->num_host_channels);
			err = -EBUSY;
		}
		mutex_unlock(&pgpu->lock);
		if (err)
			goto out;
	}

	/*
	 * vGPU creation takes only the pgpu lock, so one may have appeared
	 * since the check: re-check while detaching, and re-attach what was
	 * detached if one did.
	 */
	list_for_each_entry(pgpu, &nvvgpu_core.pgpus, link) {
		mutex_lock(&pgpu->lock);
		if (test_bit(kind, &pgpu->attached) &&
		    (pgpu->num_vgpus || pgpu->num_host_channels))
			err = -EBUSY;
		else
			nvvgpu_pgpu_detach_from(pgpu, kind);
		mutex_unlock(&pgpu->lock);
		if (err) {
			dev_err(pgpu->dev, "cannot unregister %s provider '%s': a vGPU appeared\n",
				nvvgpu_provider_kind_name(kind), prov->name);
			break;
		}
	}
	list_for_each_entry(pgpu, &nvvgpu_core.pgpus, link) {
		if (err) {
			mutex_lock(&pgpu->lock);
			nvvgpu_pgpu_sync_attach(pgpu);
			mutex_unlock(&pgpu->lock);
		}
		nvvgpu_pgpu_sync_aux(pgpu);
	}
	if (err)
		goto out;
	nvvgpu_core.prov[kind] = NULL;
	pr_info("nvvgpu: %s provider '%s' unregistered\n",
		nvvgpu_provider_kind_name(kind), prov->name);
out:
	mutex_unlock(&nvvgpu_core.lock);
	return err;
}
EXPORT_SYMBOL_NS_GPL(nvvgpu_unregister_provider, NVVGPU);

/**
 * nvvgpu_registered_provider() - the provider registered for a kind
 * @kind: the provider kind
 *
 * For tests that take the registry over and give it back.
 *
 * Return: the registered provider, or NULL.
 */
#if IS_ENABLED(CONFIG_KUNIT)
const struct nvvgpu_provider *
nvvgpu_registered_provider(enum nvvgpu_provider_kind kind)
{
	const struct nvvgpu_provider *prov;

	mutex_lock(&nvvgpu_core.lock);
	prov = kind < NVVGPU_PROVIDER_NR ? nvvgpu_core.prov[kind] : NULL;
	mutex_unlock(&nvvgpu_core.lock);
	return prov;
}
EXPORT_SYMBOL_IF_KUNIT(nvvgpu_registered_provider);
#endif

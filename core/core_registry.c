// SPDX-License-Identifier: GPL-2.0
/*
 * nvvgpu core: the registry of providers and their attachment to pgpus.
 *
 * Copyright (c) 2026 The nvvgpu developers
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/lockdep.h>
#include <linux/module.h>
#include <kunit/visibility.h>

#include "core_priv.h"
#include "core_test.h"

/**
 * DOC: provider registry
 *
 * One provider of each kind (transport, partition, scheduler) is registered
 * at a time, each through the registration function of its kind
 * (nvvgpu_register_transport(), nvvgpu_register_partition(),
 * nvvgpu_register_scheduler()), which takes that kind's ops table: the
 * kind is the function's, so a table can never be filed, or called, as
 * another kind's. Behind them one generic registry keeps the common part
 * (&struct nvvgpu_provider) of each; nvvgpu_transport() and its siblings
 * recover the full table from the slot of their kind.
 *
 * A provider attaches to a pgpu only when every kind before it is attached:
 * the partition provider needs the FB size the transport read, and the
 * scheduler schedules what was partitioned. Registering replays the
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

/**
 * nvvgpu_pgpu_attach_one() - attach one provider of a kind to a pgpu
 * @pgpu: the physical GPU, with every earlier kind attached
 * @kind: the kind
 * @prov: a registered provider of @kind
 *
 * Return: 0 or the provider's errno (logged).
 */
int nvvgpu_pgpu_attach_one(struct nvvgpu_pgpu *pgpu,
			   enum nvvgpu_provider_kind kind,
			   const struct nvvgpu_provider *prov)
{
	const struct nvvgpu_transport_ops *tops;
	void *priv = NULL;
	int err;

	lockdep_assert_held(&nvvgpu_core.lock);
	lockdep_assert_held(&pgpu->lock);

	err = prov->attach ? prov->attach(pgpu, &priv) : 0;
	if (err) {
		dev_err(pgpu->dev, "%s provider '%s' failed to attach: %pe\n",
			nvvgpu_provider_kind_name(kind), prov->name, ERR_PTR(err));
		return err;
	}
	pgpu->prov[kind] = prov;
	pgpu->prov_priv[kind] = priv;

	if (kind == NVVGPU_PROVIDER_TRANSPORT) {
		tops = nvvgpu_transport(pgpu);
		memset(&pgpu->info, 0, sizeof(pgpu->info));
		err = tops->read_info(pgpu, &pgpu->info);
		if (!err && (!pgpu->info.fb_size ||
			     pgpu->info.num_types > NVVGPU_MAX_TYPES))
			err = -EPROTO;
		if (err) {
			dev_err(pgpu->dev, "transport '%s' could not read static info: %pe\n",
				prov->name, ERR_PTR(err));
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

/**
 * nvvgpu_pgpu_detach_one() - detach the provider of one kind from a pgpu
 * @pgpu: the physical GPU
 * @kind: the kind; later kinds stay attached
 */
void nvvgpu_pgpu_detach_one(struct nvvgpu_pgpu *pgpu,
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
		if (!nvvgpu_core.prov[kind][0] || pgpu->lost)
			return;
		if (nvvgpu_pgpu_attach_one(pgpu, kind,
					   nvvgpu_core.prov[kind][0]))
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

	lockdep_assert_held(&nvvgpu_core.lock);
	lockdep_assert_held(&pgpu->lock);
	WARN_ON_ONCE(pgpu->num_vgpus);

	for (k = NVVGPU_PROVIDER_NR - 1; k >= (int)kind; k--)
		nvvgpu_pgpu_detach_one(pgpu, k);
}

/*
 * What every kind's table must pass first: a name, and the interface
 * version of its kind. Nothing beyond the common part is read before, since
 * a table of another version may be laid out otherwise.
 */
static int nvvgpu_provider_check(enum nvvgpu_provider_kind kind,
				 const struct nvvgpu_provider *prov)
{
	const char *kname = nvvgpu_provider_kind_name(kind);

	if (!prov || !prov->name) {
		pr_err("%s provider without a name refused\n", kname);
		return -EINVAL;
	}
	if (prov->version != nvvgpu_provider_versions[kind]) {
		pr_err("%s provider '%s' speaks interface version %u, core speaks %u: refused\n",
		       kname, prov->name, prov->version,
		       nvvgpu_provider_versions[kind]);
		return -EINVAL;
	}
	return 0;
}

/*
 * The registration of every kind, once nvvgpu_provider_check() passed:
 * @why is what the kind's own check found wrong with the table, or NULL.
 */
static int nvvgpu_provider_register(enum nvvgpu_provider_kind kind,
				    const struct nvvgpu_provider *prov,
				    const char *why)
{
	const char *kname = nvvgpu_provider_kind_name(kind);
	struct nvvgpu_pgpu *pgpu;
	unsigned int i, slots;

	if (why) {
		pr_err("%s provider '%s' %s: refused\n", kname, prov->name, why);
		return -EINVAL;
	}

	mutex_lock(&nvvgpu_core.lock);
	slots = kind == NVVGPU_PROVIDER_TRANSPORT ? 1 : NVVGPU_PROVIDERS_PER_KIND;
	for (i = 0; i < slots && nvvgpu_core.prov[kind][i]; i++) {
		if (nvvgpu_core.prov[kind][i] == prov ||
		    !strcmp(nvvgpu_core.prov[kind][i]->name, prov->name)) {
			pr_err("%s provider '%s' refused: a provider of that name is already registered\n",
			       kname, prov->name);
			mutex_unlock(&nvvgpu_core.lock);
			return -EBUSY;
		}
	}
	if (i == slots) {
		pr_err("%s provider '%s' refused: '%s' and %u more are registered, at most %u may be\n",
		       kname, prov->name, nvvgpu_core.prov[kind][0]->name,
		       slots - 1, slots);
		mutex_unlock(&nvvgpu_core.lock);
		return -EBUSY;
	}
	nvvgpu_core.prov[kind][i] = prov;
	if (i)
		pr_info("%s provider '%s' registered beside '%s'; pgpus switch to it through nvvgpu_providers/%s\n",
			kname, prov->name, nvvgpu_core.prov[kind][0]->name,
			kname);
	else
		pr_info("%s provider '%s' registered\n", kname, prov->name);

	list_for_each_entry(pgpu, &nvvgpu_core.pgpus, link) {
		mutex_lock(&pgpu->lock);
		nvvgpu_pgpu_sync_attach(pgpu);
		mutex_unlock(&pgpu->lock);
		nvvgpu_pgpu_sync_aux(pgpu);
	}
	mutex_unlock(&nvvgpu_core.lock);
	return 0;
}

static int nvvgpu_provider_unregister(enum nvvgpu_provider_kind kind,
				      const struct nvvgpu_provider *prov)
{
	const char *kname = nvvgpu_provider_kind_name(kind);
	struct nvvgpu_pgpu *pgpu;
	unsigned int slot;
	int err = 0;

	mutex_lock(&nvvgpu_core.lock);
	for (slot = 0; slot < NVVGPU_PROVIDERS_PER_KIND; slot++)
		if (prov && nvvgpu_core.prov[kind][slot] == prov)
			break;
	if (slot == NVVGPU_PROVIDERS_PER_KIND) {
		pr_err("%s provider '%s' is not registered\n", kname,
		       prov && prov->name ? prov->name : "?");
		err = -ENOENT;
		goto out;
	}

	/* only the pgpus it is active on depend on it */
	list_for_each_entry(pgpu, &nvvgpu_core.pgpus, link) {
		mutex_lock(&pgpu->lock);
		if (test_bit(kind, &pgpu->attached) && pgpu->prov[kind] == prov &&
		    (pgpu->num_vgpus || pgpu->num_host_channels)) {
			dev_err(pgpu->dev,
				"cannot unregister %s provider '%s': %u vGPU(s) and %u host channel(s) depend on it\n",
				kname, prov->name, pgpu->num_vgpus,
				pgpu->num_host_channels);
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
		if (!test_bit(kind, &pgpu->attached) || pgpu->prov[kind] != prov)
			;	/* another provider of the kind, or none */
		else if (pgpu->num_vgpus || pgpu->num_host_channels)
			err = -EBUSY;
		else
			nvvgpu_pgpu_detach_from(pgpu, kind);
		mutex_unlock(&pgpu->lock);
		if (err) {
			dev_err(pgpu->dev, "cannot unregister %s provider '%s': a vGPU appeared\n",
				kname, prov->name);
			break;
		}
	}
	if (!err) {
		/* pack the slots: the next in line becomes the default */
		for (; slot + 1 < NVVGPU_PROVIDERS_PER_KIND; slot++)
			nvvgpu_core.prov[kind][slot] =
				nvvgpu_core.prov[kind][slot + 1];
		nvvgpu_core.prov[kind][slot] = NULL;
	}
	/* after a refusal, attach again what was detached; else the default */
	list_for_each_entry(pgpu, &nvvgpu_core.pgpus, link) {
		mutex_lock(&pgpu->lock);
		nvvgpu_pgpu_sync_attach(pgpu);
		mutex_unlock(&pgpu->lock);
		nvvgpu_pgpu_sync_aux(pgpu);
	}
	if (err)
		goto out;
	pr_info("%s provider '%s' unregistered\n", kname, prov->name);
out:
	mutex_unlock(&nvvgpu_core.lock);
	return err;
}

/**
 * nvvgpu_register_transport() - register the firmware transport
 * @ops: the transport's const ops table, which must stay valid until
 *	nvvgpu_unregister_transport() returned 0
 *
 * Checks the interface version and the mandatory ops (@read_info,
 * @vgpu_bootload, @vgpu_shutdown; @host_channel_alloc and
 * @host_channel_free both or neither), then attaches the transport to every
 * pgpu, with the partition and scheduler providers waiting for it, and
 * creates the client devices of each pgpu that became ready. A pgpu whose
 * attach fails stays without a transport (logged); registration succeeds.
 *
 * Context: process context; takes the core lock and each pgpu's lock, and
 * binds the clients; may sleep.
 * Return: 0; -EINVAL, logged, for a table without a name, of another
 * interface version, or without a mandatory op; -EBUSY if a transport is
 * already registered.
 */
int nvvgpu_register_transport(const struct nvvgpu_transport_ops *ops)
{
	const char *why = NULL;
	int err;

	err = nvvgpu_provider_check(NVVGPU_PROVIDER_TRANSPORT,
				    ops ? &ops->base : NULL);
	if (err)
		return err;
	if (!ops->read_info || !ops->vgpu_bootload || !ops->vgpu_shutdown)
		why = "lacks read_info, vgpu_bootload or vgpu_shutdown";
	else if (!ops->host_channel_alloc != !ops->host_channel_free)
		why = "has only one of host_channel_alloc and host_channel_free";
	return nvvgpu_provider_register(NVVGPU_PROVIDER_TRANSPORT, &ops->base,
					why);
}
EXPORT_SYMBOL_NS_GPL(nvvgpu_register_transport, NVVGPU);

/**
 * nvvgpu_unregister_transport() - unregister the firmware transport
 * @ops: what was given to nvvgpu_register_transport()
 *
 * Detaches the scheduler, the partition provider and then the transport
 * from every pgpu and removes the pgpus' client devices; the other
 * providers stay registered and attach again when a transport comes.
 *
 * Context: process context; takes the core lock and each pgpu's lock, and
 * unbinds the clients; may sleep.
 * Return: 0; -EBUSY, logged and with nothing changed, while a vGPU or host
 * channel depends on it; -ENOENT, logged, if @ops is not the registered
 * transport.
 */
int nvvgpu_unregister_transport(const struct nvvgpu_transport_ops *ops)
{
	return nvvgpu_provider_unregister(NVVGPU_PROVIDER_TRANSPORT,
					  ops ? &ops->base : NULL);
}
EXPORT_SYMBOL_NS_GPL(nvvgpu_unregister_transport, NVVGPU);

/**
 * nvvgpu_register_partition() - register the partition provider
 * @ops: the provider's const ops table, which must stay valid until
 *	nvvgpu_unregister_partition() returned 0
 *
 * Checks the interface version and the mandatory ops (@vgpu_alloc,
 * @vgpu_free, @type_capacity; @host_fb_alloc and @host_fb_free both or
 * neither), then attaches the provider to every pgpu whose transport is
 * attached; the scheduler waiting for it follows.
 *
 * Context: process context; takes the core lock and each pgpu's lock; may
 * sleep.
 * Return: 0; -EINVAL, logged, for a malformed table or another interface
 * version; -EBUSY if a partition provider is already registered.
 */
int nvvgpu_register_partition(const struct nvvgpu_partition_ops *ops)
{
	const char *why = NULL;
	int err;

	err = nvvgpu_provider_check(NVVGPU_PROVIDER_PARTITION,
				    ops ? &ops->base : NULL);
	if (err)
		return err;
	if (!ops->vgpu_alloc || !ops->vgpu_free || !ops->type_capacity)
		why = "lacks vgpu_alloc, vgpu_free or type_capacity";
	else if (!ops->host_fb_alloc != !ops->host_fb_free)
		why = "has only one of host_fb_alloc and host_fb_free";
	return nvvgpu_provider_register(NVVGPU_PROVIDER_PARTITION, &ops->base,
					why);
}
EXPORT_SYMBOL_NS_GPL(nvvgpu_register_partition, NVVGPU);

/**
 * nvvgpu_unregister_partition() - unregister the partition provider
 * @ops: what was given to nvvgpu_register_partition()
 *
 * Detaches the scheduler and then the partition provider from every pgpu;
 * the scheduler stays registered and attaches again with the next
 * partition provider.
 *
 * Context: process context; takes the core lock and each pgpu's lock; may
 * sleep.
 * Return: 0; -EBUSY, logged and with nothing changed, while a vGPU or host
 * channel depends on it; -ENOENT, logged, if @ops is not the registered
 * partition provider.
 */
int nvvgpu_unregister_partition(const struct nvvgpu_partition_ops *ops)
{
	return nvvgpu_provider_unregister(NVVGPU_PROVIDER_PARTITION,
					  ops ? &ops->base : NULL);
}
EXPORT_SYMBOL_NS_GPL(nvvgpu_unregister_partition, NVVGPU);

/**
 * nvvgpu_register_scheduler() - register the scheduler
 * @ops: the scheduler's const ops table, which must stay valid until
 *	nvvgpu_unregister_scheduler() returned 0
 *
 * Checks the interface version and the mandatory ops (@vgpu_add,
 * @vgpu_remove, @vgpu_set_runnable), then attaches the scheduler to every
 * pgpu whose transport and partition provider are attached.
 *
 * Context: process context; takes the core lock and each pgpu's lock; may
 * sleep.
 * Return: 0; -EINVAL, logged, for a malformed table or another interface
 * version; -EBUSY if a scheduler is already registered.
 */
int nvvgpu_register_scheduler(const struct nvvgpu_sched_ops *ops)
{
	const char *why = NULL;
	int err;

	err = nvvgpu_provider_check(NVVGPU_PROVIDER_SCHEDULER,
				    ops ? &ops->base : NULL);
	if (err)
		return err;
	if (!ops->vgpu_add || !ops->vgpu_remove || !ops->vgpu_set_runnable)
		why = "lacks vgpu_add, vgpu_remove or vgpu_set_runnable";
	return nvvgpu_provider_register(NVVGPU_PROVIDER_SCHEDULER, &ops->base,
					why);
}
EXPORT_SYMBOL_NS_GPL(nvvgpu_register_scheduler, NVVGPU);

/**
 * nvvgpu_unregister_scheduler() - unregister the scheduler
 * @ops: what was given to nvvgpu_register_scheduler()
 *
 * Detaches the scheduler from every pgpu, which then runs every channel
 * unscheduled.
 *
 * Context: process context; takes the core lock and each pgpu's lock; may
 * sleep.
 * Return: 0; -EBUSY, logged and with nothing changed, while a vGPU or host
 * channel depends on it; -ENOENT, logged, if @ops is not the registered
 * scheduler.
 */
int nvvgpu_unregister_scheduler(const struct nvvgpu_sched_ops *ops)
{
	return nvvgpu_provider_unregister(NVVGPU_PROVIDER_SCHEDULER,
					  ops ? &ops->base : NULL);
}
EXPORT_SYMBOL_NS_GPL(nvvgpu_unregister_scheduler, NVVGPU);

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
	prov = kind < NVVGPU_PROVIDER_NR ? nvvgpu_core.prov[kind][0] : NULL;
	mutex_unlock(&nvvgpu_core.lock);
	return prov;
}
EXPORT_SYMBOL_IF_KUNIT(nvvgpu_registered_provider);
#endif

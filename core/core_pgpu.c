// SPDX-License-Identifier: GPL-2.0
/*
 * nvvgpu core: physical GPUs, as registered by hardware backends.
 *
 * Copyright (c) 2026 The nvvgpu developers
 */

#include <linux/delay.h>
#include <linux/device.h>
#include <linux/sched/signal.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "core_priv.h"

static bool nvvgpu_backend_ops_valid(const struct nvvgpu_backend_ops *ops)
{
	return ops->rd32 && ops->wr32 && ops->dma_alloc && ops->dma_free &&
	       ops->fb_pfn && ops->fb_rw && ops->fb_clear &&
	       !ops->fw_boot == !ops->system_info;
}

/**
 * nvvgpu_pgpu_register() - register a physical GPU with the core
 * @dev: the backend's device for this GPU; parent of the client devices
 * @ops: the backend's ops table
 * @fw_version: the GSP firmware version the GPU runs, e.g. "535.113.01"
 * @priv: backend data, reachable as pgpu->backend_priv
 *
 * Attaches every registered provider in order and, once the transport read
 * the static info, creates the client auxiliary devices.
 *
 * Return: the new pgpu, or an ERR_PTR: -EINVAL for a malformed or
 * mismatched ops table, -ENOMEM.
 */
struct nvvgpu_pgpu *nvvgpu_pgpu_register(struct device *dev,
					 const struct nvvgpu_backend_ops *ops,
					 const char *fw_version, void *priv)
{
	struct nvvgpu_pgpu *pgpu;
	int id, err;

	if (!dev || !ops || !fw_version)
		return ERR_PTR(-EINVAL);
	if (ops->version != NVVGPU_BACKEND_OPS_VERSION) {
		dev_err(dev, "backend '%s' speaks interface version %u, core speaks %u: refused\n",
			ops->name ?: "?", ops->version, NVVGPU_BACKEND_OPS_VERSION);
		return ERR_PTR(-EINVAL);
	}
	if (!nvvgpu_backend_ops_valid(ops)) {
		dev_err(dev, "backend '%s' lacks mandatory ops: refused\n",
			ops->name ?: "?");
		return ERR_PTR(-EINVAL);
	}

	pgpu = kzalloc(sizeof(*pgpu), GFP_KERNEL);
	if (!pgpu)
		return ERR_PTR(-ENOMEM);

	id = ida_alloc(&nvvgpu_core.pgpu_ids, GFP_KERNEL);
	if (id < 0) {
		kfree(pgpu);
		return ERR_PTR(id);
	}

	pgpu->dev = get_device(dev);
	pgpu->id = id;
	pgpu->backend = ops;
	pgpu->backend_priv = priv;
	strscpy(pgpu->fw_version, fw_version, sizeof(pgpu->fw_version));
	mutex_init(&pgpu->lock);
	mutex_init(&pgpu->aux_lock);
	mutex_init(&pgpu->client_lock);
	spin_lock_init(&pgpu->irq_lock);
	xa_init_flags(&pgpu->vgpus, XA_FLAGS_ALLOC);
	INIT_WORK(&pgpu->lost_work, nvvgpu_pgpu_lost_work);
	err = nvvgpu_pgpu_sysfs_add(pgpu);
	if (err) {
		dev_err(dev, "could not create nvvgpu_providers/: %pe\n",
			ERR_PTR(err));
		put_device(pgpu->dev);
		ida_free(&nvvgpu_core.pgpu_ids, id);
		kfree(pgpu);
		return ERR_PTR(err);
	}
	nvvgpu_debugfs_pgpu_add(pgpu);

	dev_info(dev, "pgpu %u registered by backend '%s', firmware %s\n",
		 pgpu->id, ops->name ?: "?", pgpu->fw_version);

	mutex_lock(&nvvgpu_core.lock);
	list_add_tail(&pgpu->link, &nvvgpu_core.pgpus);
	mutex_lock(&pgpu->lock);
	nvvgpu_pgpu_sync_attach(pgpu);
	mutex_unlock(&pgpu->lock);
	nvvgpu_pgpu_sync_aux(pgpu);
	mutex_unlock(&nvvgpu_core.lock);

	return pgpu;
}
EXPORT_SYMBOL_NS_GPL(nvvgpu_pgpu_register, NVVGPU);

/**
 * nvvgpu_pgpu_unregister() - remove a physical GPU
 * @pgpu: what nvvgpu_pgpu_register() returned
 *
 * The backend is going away, so this cannot fail: the client devices are
 * removed first (which makes the clients destroy their vGPUs), any vGPU left
 * is destroyed, and every provider is detached.
 */
void nvvgpu_pgpu_unregister(struct nvvgpu_pgpu *pgpu)
{
	struct nvvgpu_vgpu *vgpu;
	unsigned long index;

	/* its handlers take the core lock: remove it before taking that */
	nvvgpu_pgpu_sysfs_remove(pgpu);
	mutex_lock(&pgpu->aux_lock);
	pgpu->removing = true;
	mutex_unlock(&pgpu->aux_lock);
	nvvgpu_pgpu_sync_aux(pgpu);
	cancel_work_sync(&pgpu->lost_work);

	mutex_lock(&nvvgpu_core.lock);
	mutex_lock(&pgpu->lock);
	xa_for_each(&pgpu->vgpus, index, vgpu) {
		nvvgpu_vgpu_warn(vgpu, "still exists at pgpu removal: destroying it\n");
		nvvgpu_vgpu_destroy_locked(vgpu);
	}
	nvvgpu_pgpu_detach_from(pgpu, 0);
	mutex_unlock(&pgpu->lock);
	list_del(&pgpu->link);
	mutex_unlock(&nvvgpu_core.lock);

	nvvgpu_debugfs_pgpu_remove(pgpu);
	dev_info(pgpu->dev, "pgpu %u unregistered\n", pgpu->id);
	xa_destroy(&pgpu->vgpus);
	mutex_destroy(&pgpu->client_lock);
	mutex_destroy(&pgpu->aux_lock);
	mutex_destroy(&pgpu->lock);
	ida_free(&nvvgpu_core.pgpu_ids, pgpu->id);
	put_device(pgpu->dev);
	kfree(pgpu);
}
EXPORT_SYMBOL_NS_GPL(nvvgpu_pgpu_unregister, NVVGPU);

/**
 * nvvgpu_pgpu_handle_irq() - the backend saw a GSP interrupt
 * @pgpu: the physical GPU
 *
 * Forwards to the attached transport. Callable from any context.
 */
void nvvgpu_pgpu_handle_irq(struct nvvgpu_pgpu *pgpu)
{
	unsigned long flags;

	spin_lock_irqsave(&pgpu->irq_lock, flags);
	if (pgpu->irq_ops && pgpu->irq_ops->irq)
		pgpu->irq_ops->irq(pgpu);
	spin_unlock_irqrestore(&pgpu->irq_lock, flags);
}
EXPORT_SYMBOL_NS_GPL(nvvgpu_pgpu_handle_irq, NVVGPU);

/**
 * nvvgpu_pgpu_set_lost() - mark a physical GPU as lost
 * @pgpu: the physical GPU
 * @why: what happened, for the log
 *
 * From now on vGPU creation and lifecycle changes are refused with -EIO and
 * the clients are told. Callable from any context, any number of times.
 */
void nvvgpu_pgpu_set_lost(struct nvvgpu_pgpu *pgpu, const char *why)
{
	if (xchg(&pgpu->lost, true))
		return;
	dev_err(pgpu->dev, "pgpu %u lost: %s\n", pgpu->id, why);
	schedule_work(&pgpu->lost_work);
}
EXPORT_SYMBOL_NS_GPL(nvvgpu_pgpu_set_lost, NVVGPU);

/**
 * nvvgpu_pgpu_clear_lost() - a lost physical GPU works again
 * @pgpu: the physical GPU
 *
 * For the transport, once a reset brought the firmware back: vGPU creation
 * and lifecycle changes are allowed again. vGPUs that existed when the pgpu
 * was lost died with the firmware, so the pgpu stays lost while any of them
 * is left. The clients are told through &nvvgpu_client_ops.pgpu_recovered,
 * from a work item, after the providers that registered meanwhile are
 * attached.
 *
 * Context: the pgpu lock held: a transport's reset runs from a debugfs
 * handler and takes it with nvvgpu_pgpu_lock_sysfs() for the whole reset.
 * Return: 0 (also when the pgpu was not lost); -EBUSY while vGPUs of the
 * pgpu exist.
 */
int nvvgpu_pgpu_clear_lost(struct nvvgpu_pgpu *pgpu)
{
	lockdep_assert_held(&pgpu->lock);

	if (!pgpu->lost)
		return 0;
	if (pgpu->num_vgpus)
		return -EBUSY;
	WRITE_ONCE(pgpu->lost, false);
	dev_info(pgpu->dev, "pgpu %u recovered\n", pgpu->id);
	schedule_work(&pgpu->lost_work);
	return 0;
}
EXPORT_SYMBOL_NS_GPL(nvvgpu_pgpu_clear_lost, NVVGPU);

/**
 * nvvgpu_pgpu_lock_sysfs() - take the pgpu lock from a sysfs or debugfs
 *	handler
 * @pgpu: the physical GPU
 *
 * A provider that detaches, with the pgpu lock held, removes its sysfs and
 * debugfs files, and their removal waits for the handlers running in them:
 * a handler sleeping on the pgpu lock would wait for the detach that waits
 * for it. As lock_device_hotplug_sysfs() does, this takes the lock if it is
 * free and otherwise, after a short sleep, has the system call restarted
 * from the top, where it finds the file gone if a detach removed it.
 *
 * Context: process context, in a sysfs or debugfs file's handler.
 * Return: 0 with the pgpu lock held, to be released with
 * nvvgpu_pgpu_unlock(); or -ERESTARTNOINTR, which the handler returns.
 */
int nvvgpu_pgpu_lock_sysfs(struct nvvgpu_pgpu *pgpu)
{
	return nvvgpu_mutex_lock_sysfs(&pgpu->lock);
}
EXPORT_SYMBOL_NS_GPL(nvvgpu_pgpu_lock_sysfs, NVVGPU);

/**
 * nvvgpu_pgpu_unlock() - release the pgpu lock
 * @pgpu: the physical GPU, locked with nvvgpu_pgpu_lock_sysfs()
 */
void nvvgpu_pgpu_unlock(struct nvvgpu_pgpu *pgpu)
{
	mutex_unlock(&pgpu->lock);
}
EXPORT_SYMBOL_NS_GPL(nvvgpu_pgpu_unlock, NVVGPU);

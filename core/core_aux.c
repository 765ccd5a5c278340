// SPDX-License-Identifier: GPL-2.0
/*
 * nvvgpu core: the auxiliary devices clients bind to, and client callbacks.
 *
 * Copyright (c) 2026 The nvvgpu developers
 */

#include <linux/auxiliary_bus.h>
#include <linux/slab.h>

#include "core_priv.h"

/**
 * DOC: client devices
 *
 * For each pgpu whose transport is attached the core creates one auxiliary
 * device per client kind, "nvvgpu_core.vfio.<id>" and "nvvgpu_core.drm.<id>",
 * as nova-core creates "nova-drm". nvvgpu_vfio and nvvgpu_drm are auxiliary
 * drivers for them, so binding, unbinding through sysfs and module removal
 * follow the driver core's rules. The devices go away when the pgpu stops
 * being ready; a client's remove then tears down its vGPUs.
 */

static const char * const nvvgpu_client_names[NVVGPU_CLIENT_NR] = {
	[NVVGPU_CLIENT_VFIO] = "vfio",
	[NVVGPU_CLIENT_DRM] = "drm",
};

static void nvvgpu_aux_release(struct device *dev)
{
	struct auxiliary_device *adev = to_auxiliary_dev(dev);

	kfree(container_of(adev, struct nvvgpu_aux_device, adev));
}

static struct auxiliary_device *nvvgpu_aux_add(struct nvvgpu_pgpu *pgpu,
					       enum nvvgpu_client_kind kind)
{
	struct nvvgpu_aux_device *nadev;
	int err;

	nadev = kzalloc(sizeof(*nadev), GFP_KERNEL);
	if (!nadev)
		return ERR_PTR(-ENOMEM);

	nadev->pgpu = pgpu;
	nadev->kind = kind;
	nadev->adev.name = nvvgpu_client_names[kind];
	nadev->adev.id = pgpu->id;
	nadev->adev.dev.parent = pgpu->dev;
	nadev->adev.dev.release = nvvgpu_aux_release;

	err = auxiliary_device_init(&nadev->adev);
	if (err) {
		kfree(nadev);
		return ERR_PTR(err);
	}
	err = auxiliary_device_add(&nadev->adev);
	if (err) {
		auxiliary_device_uninit(&nadev->adev);
		return ERR_PTR(err);
	}
	return &nadev->adev;
}

static void nvvgpu_aux_del(struct auxiliary_device *adev)
{
	auxiliary_device_delete(adev);
	auxiliary_device_uninit(adev);
}

/**
 * nvvgpu_pgpu_sync_aux() - create or remove the client devices of a pgpu
 * @pgpu: the physical GPU
 *
 * They exist while the pgpu is ready and not being removed. Must not be
 * called with the pgpu lock held: adding binds the clients, whose probe
 * takes it, and removing unbinds them, which destroys vGPUs.
 */
void nvvgpu_pgpu_sync_aux(struct nvvgpu_pgpu *pgpu)
{
	enum nvvgpu_client_kind kind;
	struct auxiliary_device *adev;
	bool want;

	lockdep_assert_not_held(&pgpu->lock);

	mutex_lock(&pgpu->aux_lock);
	mutex_lock(&pgpu->lock);
	want = pgpu->ready && !pgpu->removing;
	mutex_unlock(&pgpu->lock);

	for (kind = 0; kind < NVVGPU_CLIENT_NR; kind++) {
		if (want && !pgpu->aux[kind]) {
			adev = nvvgpu_aux_add(pgpu, kind);
			if (IS_ERR(adev)) {
				dev_err(pgpu->dev, "cannot create %s client device: %pe\n",
					nvvgpu_client_names[kind], adev);
				continue;
			}
			pgpu->aux[kind] = adev;
		} else if (!want && pgpu->aux[kind]) {
			nvvgpu_aux_del(pgpu->aux[kind]);
			pgpu->aux[kind] = NULL;
		}
	}
	mutex_unlock(&pgpu->aux_lock);
}

/**
 * nvvgpu_aux_to_pgpu() - the pgpu behind a client auxiliary device
 * @adev: an auxiliary device the core created
 *
 * Return: the physical GPU; valid until the auxiliary device is removed.
 */
struct nvvgpu_pgpu *nvvgpu_aux_to_pgpu(struct auxiliary_device *adev)
{
	return container_of(adev, struct nvvgpu_aux_device, adev)->pgpu;
}
EXPORT_SYMBOL_NS_GPL(nvvgpu_aux_to_pgpu, NVVGPU);

/**
 * nvvgpu_client_register() - register a client's callbacks for a pgpu
 * @pgpu: the physical GPU the client's auxiliary device belongs to
 * @kind: which client kind
 * @ops: the client's const ops table
 * @priv: passed back to the callbacks
 *
 * Return: 0; -EINVAL for a malformed table or version mismatch; -EBUSY if a
 * client of that kind is registered already.
 */
int nvvgpu_client_register(struct nvvgpu_pgpu *pgpu,
			   enum nvvgpu_client_kind kind,
			   const struct nvvgpu_client_ops *ops, void *priv)
{
	int err = 0;

	if (kind >= NVVGPU_CLIENT_NR || !ops || !ops->name)
		return -EINVAL;
	if (ops->version != NVVGPU_CLIENT_OPS_VERSION) {
		dev_err(pgpu->dev, "client '%s' speaks interface version %u, core speaks %u: refused\n",
			ops->name, ops->version, NVVGPU_CLIENT_OPS_VERSION);
		return -EINVAL;
	}

	mutex_lock(&pgpu->client_lock);
	if (pgpu->clients[kind]) {
		dev_err(pgpu->dev, "client '%s' refused: '%s' is registered\n",
			ops->name, pgpu->clients[kind]->name);
		err = -EBUSY;
	} else {
		pgpu->clients[kind] = ops;
		pgpu->client_priv[kind] = priv;
	}
	mutex_unlock(&pgpu->client_lock);
	return err;
}
EXPORT_SYMBOL_NS_GPL(nvvgpu_client_register, NVVGPU);

/**
 * nvvgpu_client_unregister() - drop a client's callbacks
 * @pgpu: the physical GPU
 * @kind: which client kind
 */
void nvvgpu_client_unregister(struct nvvgpu_pgpu *pgpu,
			      enum nvvgpu_client_kind kind)
{
	if (kind >= NVVGPU_CLIENT_NR)
		return;
	mutex_lock(&pgpu->client_lock);
	pgpu->clients[kind] = NULL;
	pgpu->client_priv[kind] = NULL;
	mutex_unlock(&pgpu->client_lock);
}
EXPORT_SYMBOL_NS_GPL(nvvgpu_client_unregister, NVVGPU);

/*
 * Tell the clients whether the pgpu is lost now, or works again; in the
 * latter case, first attach the providers that registered while it was
 * lost (nvvgpu_pgpu_sync_attach() skips a lost pgpu), so that the clients
 * find the whole stack when they serve again.
 */
void nvvgpu_pgpu_lost_work(struct work_struct *work)
{
	struct nvvgpu_pgpu *pgpu = container_of(work, struct nvvgpu_pgpu,
						lost_work);
	const struct nvvgpu_client_ops *ops;
	enum nvvgpu_client_kind kind;
	bool lost = READ_ONCE(pgpu->lost);

	if (!lost) {
		mutex_lock(&nvvgpu_core.lock);
		mutex_lock(&pgpu->lock);
		if (!pgpu->lost)
			nvvgpu_pgpu_sync_attach(pgpu);
		mutex_unlock(&pgpu->lock);
		mutex_unlock(&nvvgpu_core.lock);
	}

	mutex_lock(&pgpu->client_lock);
	for (kind = 0; kind < NVVGPU_CLIENT_NR; kind++) {
		ops = pgpu->clients[kind];
		if (!ops)
			continue;
		if (lost && ops->pgpu_lost)
			ops->pgpu_lost(pgpu, pgpu->client_priv[kind]);
		else if (!lost && ops->pgpu_recovered)
			ops->pgpu_recovered(pgpu, pgpu->client_priv[kind]);
	}
	mutex_unlock(&pgpu->client_lock);
}

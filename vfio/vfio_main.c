// SPDX-License-Identifier: GPL-2.0
/*
 * nvvgpu VFIO: the auxiliary driver that registers an mdev parent per pgpu,
 * and the mdev driver that turns each mdev into a vGPU behind a vfio-pci
 * device.
 *
 * Copyright (c) 2026 The nvvgpu developers
 */

#include <linux/auxiliary_bus.h>
#include <linux/device.h>
#include <linux/mdev.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/pci.h>
#include <linux/pid.h>
#include <linux/sched.h>
#include <linux/uaccess.h>
#include <linux/uuid.h>
#include <linux/vfio.h>

#include <nvvgpu/compat.h>
#include <nvvgpu/core.h>

#include "nvvgpu_vfio.h"

/**
 * DOC: overview
 *
 * The core creates the auxiliary device "nvvgpu_core.vfio.<id>" for every
 * pgpu that is ready. Binding to it registers the client with the core and
 * an mdev parent with one mdev type per vGPU type. The parent is the GPU's
 * PCI function when the backend drives one (the auxiliary device's parent
 * is a PCI device), as NVIDIA's driver registers it and as management
 * stacks expect: libvirt lists mdev types only under PCI, CSS and AP
 * devices. Otherwise (a platform device, such as a simulated GPU's) it is
 * the auxiliary device itself. Either way the registration lives as long as
 * the auxiliary device is bound, and the driver's log lines and managed
 * memory stay on the auxiliary device.
 *
 * Creating an mdev (a UUID written to a type's "create", or mdevctl start)
 * creates a vGPU of that type with the mdev's UUID, then registers a VFIO
 * device with an emulated IOMMU for it. The core's errors reach the writer:
 * -EEXIST for a UUID in use, -ENOSPC when no instance is left or resources
 * do not fit, -ENODEV when a provider is missing, -EIO when the pgpu is
 * lost. Opening the VFIO device starts the vGPU, closing it stops it, and
 * removing the mdev destroys the vGPU, after the VMM let go of it.
 *
 * Unbinding the auxiliary device (sysfs unbind, module removal, or the pgpu
 * going away) unregisters the mdev parent, which removes every mdev of the
 * pgpu and so destroys its vGPUs, then unregisters the client.
 */

static const struct vfio_device_ops nvvgpu_vfio_dev_ops;

static int nvvgpu_vfio_init_dev(struct vfio_device *vdev)
{
	struct nvvgpu_vfio_device *nvdev = to_nvvgpu_vfio_device(vdev);
	struct mdev_device *mdev = to_mdev_device(vdev->dev);
	struct nvvgpu_vfio_type *vtype = to_nvvgpu_vfio_type(mdev->type);

	nvdev->mdev = mdev;
	nvdev->parent = vtype->parent;
	INIT_LIST_HEAD(&nvdev->link);
	nvdev->type = vtype->type;
	mutex_init(&nvdev->lock);
	nvvgpu_vfio_regions_init(nvdev);
	nvvgpu_vfio_config_init(nvdev);
	nvvgpu_vfio_bar0_reset(nvdev);
	nvvgpu_vfio_irqs_init(nvdev);
	nvdev->sink.notify = nvvgpu_vfio_event_notify;
	return 0;
}

static void nvvgpu_vfio_release_dev(struct vfio_device *vdev)
{
	struct nvvgpu_vfio_device *nvdev = to_nvvgpu_vfio_device(vdev);

	mutex_destroy(&nvdev->lock);
	nvvgpu_vfio_free_device(vdev);
}

static int nvvgpu_vfio_open_device(struct vfio_device *vdev)
{
	struct nvvgpu_vfio_device *nvdev = to_nvvgpu_vfio_device(vdev);
	int err;

	if (READ_ONCE(nvdev->parent->lost)) {
		dev_err(vdev->dev, "pgpu lost: open refused\n");
		return -EIO;
	}

	/* every user finds the device as after power-on */
	mutex_lock(&nvdev->lock);
	nvvgpu_vfio_config_init(nvdev);
	nvvgpu_vfio_bar0_reset(nvdev);
	nvvgpu_vfio_irqs_reset(nvdev);
	mutex_unlock(&nvdev->lock);

	err = nvvgpu_vgpu_start(nvdev->vgpu);
	if (err) {
		dev_err(vdev->dev, "cannot start vGPU %u: %pe\n",
			nvdev->vgpu->id, ERR_PTR(err));
		return err;
	}

	/* from now on the vGPU's interrupts and errors reach the user */
	nvvgpu_vgpu_set_sink(nvdev->vgpu, &nvdev->sink);

	/* the VMM, for sysfs owner_pid: the first open is in its context */
	mutex_lock(&nvdev->lock);
	nvdev->owner = get_task_pid(current, PIDTYPE_TGID);
	mutex_unlock(&nvdev->lock);
	return 0;
}

static void nvvgpu_vfio_close_device(struct vfio_device *vdev)
{
	struct nvvgpu_vfio_device *nvdev = to_nvvgpu_vfio_device(vdev);
	int err;

	/* waits until no event is being delivered */
	nvvgpu_vgpu_set_sink(nvdev->vgpu, NULL);

	mutex_lock(&nvdev->lock);
	nvvgpu_vfio_irqs_disable(nvdev);
	put_pid(nvdev->owner);
	nvdev->owner = NULL;
	mutex_unlock(&nvdev->lock);

	err = nvvgpu_vgpu_stop(nvdev->vgpu);
	if (err)
		dev_err(vdev->dev, "cannot stop vGPU %u: %pe\n",
			nvdev->vgpu->id, ERR_PTR(err));
}

static long nvvgpu_vfio_ioctl_get_info(struct nvvgpu_vfio_device *nvdev,
				       void __user *arg)
{
	unsigned long minsz = offsetofend(struct vfio_device_info, num_irqs);
	struct vfio_device_info info;

	if (copy_from_user(&info, arg, minsz))
		return -EFAULT;
	if (info.argsz < minsz) {
		dev_dbg(nvdev->vdev.dev, "GET_INFO: argsz %u < %lu\n",
			info.argsz, minsz);
		return -EINVAL;
	}

	info.flags = VFIO_DEVICE_FLAGS_PCI | VFIO_DEVICE_FLAGS_RESET;
	info.num_regions = VFIO_PCI_NUM_REGIONS;
	info.num_irqs = VFIO_PCI_NUM_IRQS;

	return copy_to_user(arg, &info, minsz) ? -EFAULT : 0;
}

/*
 * A function level reset: the core restarts the vGPU's firmware plugin and
 * scrubs its framebuffer, then the configuration space and the MSI-X table
 * go back to their power-on state (MSI and MSI-X disabled in config space,
 * every MSI-X vector masked) with INTx unmasked and nothing pending. As on
 * vfio-pci, the interrupt eventfds the user set stay as they are: QEMU
 * disables them itself around a reset. The event sink stays published.
 */
static long nvvgpu_vfio_reset(struct nvvgpu_vfio_device *nvdev)
{
	int err;

	err = nvvgpu_vgpu_reset(nvdev->vgpu);
	if (err) {
		dev_err(nvdev->vdev.dev, "reset failed: %pe\n", ERR_PTR(err));
		return err;
	}
	mutex_lock(&nvdev->lock);
	nvvgpu_vfio_config_init(nvdev);
	nvvgpu_vfio_bar0_reset(nvdev);
	nvvgpu_vfio_irqs_reset(nvdev);
	mutex_unlock(&nvdev->lock);
	dev_dbg(nvdev->vdev.dev, "reset\n");
	return 0;
}

static long nvvgpu_vfio_ioctl(struct vfio_device *vdev, unsigned int cmd,
			      unsigned long arg)
{
	struct nvvgpu_vfio_device *nvdev = to_nvvgpu_vfio_device(vdev);
	void __user *uarg = (void __user *)arg;

	switch (cmd) {
	case VFIO_DEVICE_GET_INFO:
		return nvvgpu_vfio_ioctl_get_info(nvdev, uarg);
	case VFIO_DEVICE_GET_REGION_INFO:
		return nvvgpu_vfio_ioctl_get_region_info(nvdev, uarg);
	case VFIO_DEVICE_GET_IRQ_INFO:
		return nvvgpu_vfio_ioctl_get_irq_info(nvdev, uarg);
	case VFIO_DEVICE_SET_IRQS:
		return nvvgpu_vfio_ioctl_set_irqs(nvdev, uarg);
	case VFIO_DEVICE_RESET:
		return nvvgpu_vfio_reset(nvdev);
	}

	dev_dbg(vdev->dev, "unknown ioctl %#x\n", cmd);
	return -ENOTTY;
}

/**
 * DOC: vfio device ops
 *
 * nvvgpu_vfio_dev_ops is the VFIO side of a vGPU: @init builds the emulated
 * PCI function, @open_device and @close_device start and stop the vGPU and
 * publish and withdraw the device's event sink,
 * @read, @write and @mmap give access to the regions, @ioctl answers the
 * vfio-pci device ioctls and @request relays removal to the VMM. The
 * emulated-IOMMU iommufd callbacks come from the VFIO core.
 */
static const struct vfio_device_ops nvvgpu_vfio_dev_ops = {
	.name = "nvvgpu-vfio",
	.init = nvvgpu_vfio_init_dev,
	.release = nvvgpu_vfio_release_dev,
	.open_device = nvvgpu_vfio_open_device,
	.close_device = nvvgpu_vfio_close_device,
	.read = nvvgpu_vfio_read,
	.write = nvvgpu_vfio_write,
	.ioctl = nvvgpu_vfio_ioctl,
	.mmap = nvvgpu_vfio_mmap,
	.request = nvvgpu_vfio_request,
	NVVGPU_VFIO_EMULATED_IOMMUFD_OPS
};

static int nvvgpu_vfio_mdev_probe(struct mdev_device *mdev)
{
	struct nvvgpu_vfio_type *vtype = to_nvvgpu_vfio_type(mdev->type);
	struct nvvgpu_vfio_parent *parent = vtype->parent;
	struct nvvgpu_vfio_device *nvdev;
	uuid_t uuid;
	int err;

	nvdev = vfio_alloc_device(nvvgpu_vfio_device, vdev, &mdev->dev,
				  &nvvgpu_vfio_dev_ops);
	if (IS_ERR(nvdev))
		return PTR_ERR(nvdev);

	/*
	 * The mdev core parsed the UUID as a GUID. Keep its bytes: the core
	 * prints vGPU UUIDs with %pUl, which then shows the mdev's name.
	 */
	BUILD_BUG_ON(sizeof(uuid) != sizeof(mdev->uuid));
	memcpy(&uuid, &mdev->uuid, sizeof(uuid));

	err = nvvgpu_vgpu_create(parent->pgpu, vtype->type->id, &uuid,
				 &nvdev->vgpu);
	if (err) {
		dev_err(&mdev->dev, "cannot create a vGPU of type %u (%s): %pe\n",
			vtype->type->id, vtype->type->name, ERR_PTR(err));
		goto err_put;
	}
	if (!PAGE_ALIGNED(nvdev->vgpu->part.fb_offset)) {
		dev_err(&mdev->dev, "vGPU framebuffer at %#llx is not page aligned\n",
			nvdev->vgpu->part.fb_offset);
		err = -EINVAL;
		goto err_destroy;
	}

	dev_set_drvdata(&mdev->dev, nvdev);
	err = vfio_register_emulated_iommu_dev(&nvdev->vdev);
	if (err) {
		dev_err(&mdev->dev, "cannot register the VFIO device: %pe\n",
			ERR_PTR(err));
		goto err_destroy;
	}

	mutex_lock(&parent->lock);
	list_add_tail(&nvdev->link, &parent->devices);
	mutex_unlock(&parent->lock);
	return 0;

err_destroy:
	nvvgpu_vgpu_destroy(nvdev->vgpu);
	nvdev->vgpu = NULL;
err_put:
	vfio_put_device(&nvdev->vdev);
	return err;
}

static void nvvgpu_vfio_mdev_remove(struct mdev_device *mdev)
{
	struct nvvgpu_vfio_device *nvdev = dev_get_drvdata(&mdev->dev);

	/* waits, asking through the request interrupt, until it is closed */
	vfio_unregister_group_dev(&nvdev->vdev);

	mutex_lock(&nvdev->parent->lock);
	list_del_init(&nvdev->link);
	mutex_unlock(&nvdev->parent->lock);

	/* closing withdrew it already; no event may outlive the device */
	nvvgpu_vgpu_set_sink(nvdev->vgpu, NULL);
	nvvgpu_vgpu_destroy(nvdev->vgpu);
	nvdev->vgpu = NULL;
	vfio_put_device(&nvdev->vdev);
}

static struct mdev_driver nvvgpu_vfio_mdev_driver = {
	.device_api = VFIO_DEVICE_API_PCI_STRING,
	.driver = {
		.name = "nvvgpu_vfio",
		.owner = THIS_MODULE,
		.mod_name = KBUILD_MODNAME,
		.dev_groups = nvvgpu_vfio_mdev_groups,
	},
	.probe = nvvgpu_vfio_mdev_probe,
	.remove = nvvgpu_vfio_mdev_remove,
	.get_available = nvvgpu_vfio_get_available,
	.show_description = nvvgpu_vfio_show_description,
};

static void nvvgpu_vfio_pgpu_lost(struct nvvgpu_pgpu *pgpu, void *priv)
{
	struct nvvgpu_vfio_parent *parent = priv;
	struct nvvgpu_vfio_device *nvdev;

	WRITE_ONCE(parent->lost, true);
	dev_warn(&parent->adev->dev, "pgpu %u lost: vGPU devices fail from now on\n",
		 nvvgpu_pgpu_id(pgpu));

	mutex_lock(&parent->lock);
	list_for_each_entry(nvdev, &parent->devices, link)
		nvvgpu_vfio_signal_error(nvdev);
	mutex_unlock(&parent->lock);
}

static void nvvgpu_vfio_pgpu_recovered(struct nvvgpu_pgpu *pgpu, void *priv)
{
	struct nvvgpu_vfio_parent *parent = priv;

	if (READ_ONCE(parent->lost))
		dev_info(&parent->adev->dev, "pgpu %u recovered: vGPU devices open again\n",
			 nvvgpu_pgpu_id(pgpu));
	WRITE_ONCE(parent->lost, false);
}

/**
 * DOC: client ops
 *
 * nvvgpu_vfio_client_ops tells the core how to reach this client: when the
 * pgpu is lost, @pgpu_lost signals the error interrupt of every vGPU device
 * and makes every later open fail; @pgpu_recovered, after a reset, lets
 * devices open again.
 */
static const struct nvvgpu_client_ops nvvgpu_vfio_client_ops = {
	.version = NVVGPU_CLIENT_OPS_VERSION,
	.name = "vfio",
	.pgpu_lost = nvvgpu_vfio_pgpu_lost,
	.pgpu_recovered = nvvgpu_vfio_pgpu_recovered,
};

/*
 * The device the mdev parent goes on: the GPU's PCI function if the pgpu's
 * device is one, else the auxiliary device. The PCI function is the
 * auxiliary device's parent, so it outlives the registration.
 */
static struct device *nvvgpu_vfio_parent_dev(struct auxiliary_device *adev)
{
	struct device *gpu = adev->dev.parent;

	return gpu && dev_is_pci(gpu) ? gpu : &adev->dev;
}

static int nvvgpu_vfio_aux_probe(struct auxiliary_device *adev,
				 const struct auxiliary_device_id *id)
{
	struct nvvgpu_pgpu *pgpu = nvvgpu_aux_to_pgpu(adev);
	struct nvvgpu_vfio_parent *parent;
	int err;

	parent = devm_kzalloc(&adev->dev, sizeof(*parent), GFP_KERNEL);
	if (!parent)
		return -ENOMEM;
	parent->adev = adev;
	parent->dev = nvvgpu_vfio_parent_dev(adev);
	parent->pgpu = pgpu;
	parent->boot_0 = nvvgpu_vfio_pgpu_boot_0(pgpu);
	mutex_init(&parent->lock);
	INIT_LIST_HEAD(&parent->devices);

	err = nvvgpu_vfio_types_init(parent);
	if (err)
		goto err_mutex;

	err = nvvgpu_client_register(pgpu, NVVGPU_CLIENT_VFIO,
				     &nvvgpu_vfio_client_ops, parent);
	if (err) {
		dev_err(&adev->dev, "cannot register with the core: %pe\n", ERR_PTR(err));
		goto err_mutex;
	}

	auxiliary_set_drvdata(adev, parent);
	err = mdev_register_parent(&parent->mdev_parent, parent->dev,
				   &nvvgpu_vfio_mdev_driver, parent->mtypes,
				   parent->num_types);
	if (err) {
		dev_err(&adev->dev, "cannot register the mdev parent: %pe\n",
			ERR_PTR(err));
		goto err_client;
	}

	dev_info(&adev->dev, "pgpu %u: %u vGPU types on %s, chip %#010x\n",
		 nvvgpu_pgpu_id(pgpu), parent->num_types, dev_name(parent->dev),
		 parent->boot_0);
	return 0;

err_client:
	nvvgpu_client_unregister(pgpu, NVVGPU_CLIENT_VFIO);
err_mutex:
	mutex_destroy(&parent->lock);
	return err;
}

static void nvvgpu_vfio_aux_remove(struct auxiliary_device *adev)
{
	struct nvvgpu_vfio_parent *parent = auxiliary_get_drvdata(adev);

	/* removes every mdev of the parent, and so destroys their vGPUs */
	mdev_unregister_parent(&parent->mdev_parent);
	nvvgpu_client_unregister(parent->pgpu, NVVGPU_CLIENT_VFIO);
	mutex_destroy(&parent->lock);
}

static const struct auxiliary_device_id nvvgpu_vfio_aux_ids[] = {
	{ .name = NVVGPU_AUX_VFIO },
	{ }
};
MODULE_DEVICE_TABLE(auxiliary, nvvgpu_vfio_aux_ids);

static struct auxiliary_driver nvvgpu_vfio_aux_driver = {
	.probe = nvvgpu_vfio_aux_probe,
	.remove = nvvgpu_vfio_aux_remove,
	.id_table = nvvgpu_vfio_aux_ids,
};

static int __init nvvgpu_vfio_init(void)
{
	int err;

	err = mdev_register_driver(&nvvgpu_vfio_mdev_driver);
	if (err)
		return err;

	err = auxiliary_driver_register(&nvvgpu_vfio_aux_driver);
	if (err)
		goto err_mdev;
	return 0;

err_mdev:
	mdev_unregister_driver(&nvvgpu_vfio_mdev_driver);
	return err;
}

static void __exit nvvgpu_vfio_exit(void)
{
	auxiliary_driver_unregister(&nvvgpu_vfio_aux_driver);
	mdev_unregister_driver(&nvvgpu_vfio_mdev_driver);
}

module_init(nvvgpu_vfio_init);
module_exit(nvvgpu_vfio_exit);

MODULE_IMPORT_NS(NVVGPU);
MODULE_DESCRIPTION("nvvgpu: vGPUs as VFIO mediated devices");
MODULE_AUTHOR("The nvvgpu developers");
MODULE_LICENSE("GPL");

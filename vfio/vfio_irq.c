// SPDX-License-Identifier: GPL-2.0
/*
 * nvvgpu VFIO: interrupts of the emulated device: INTx, MSI, the error and
 * the device request interrupts, each signalled through an eventfd.
 *
 * Copyright (c) 2026 The nvvgpu developers
 */

#include <linux/eventfd.h>
#include <linux/lockdep.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>

#include "nvvgpu_vfio.h"

/**
 * DOC: interrupts
 *
 * The device offers one INTx line (maskable, automasked when it fires),
 * one MSI vector, the error interrupt, signalled when the pgpu is lost (a
 * VMM then stops its guest), and the device request interrupt, through
 * which the user is asked to release the device when its mdev is being
 * removed. INTx and MSI exclude each other, as on vfio-pci. MSI-X is not
 * offered: its index reports zero interrupts.
 *
 * Each enabled interrupt is an eventfd given with VFIO_IRQ_SET_DATA_EVENTFD
 * and VFIO_IRQ_SET_ACTION_TRIGGER; a trigger with VFIO_IRQ_SET_DATA_NONE
 * or a true VFIO_IRQ_SET_DATA_BOOL fires it (a loopback test), a trigger
 * with count 0 and no data disables it. Masking by eventfd is not
 * supported (-ENOTTY).
 */

static u32 nvvgpu_vfio_irq_count(unsigned int index)
{
	switch (index) {
	case VFIO_PCI_INTX_IRQ_INDEX:
	case VFIO_PCI_MSI_IRQ_INDEX:
	case VFIO_PCI_ERR_IRQ_INDEX:
	case VFIO_PCI_REQ_IRQ_INDEX:
		return 1;
	default:
		return 0;
	}
}

/**
 * nvvgpu_vfio_ioctl_get_irq_info() - VFIO_DEVICE_GET_IRQ_INFO
 * @nvdev: the device
 * @arg: the user's struct vfio_irq_info
 *
 * Return: 0; -EFAULT; -EINVAL for a short argsz or an unknown index.
 */
long nvvgpu_vfio_ioctl_get_irq_info(struct nvvgpu_vfio_device *nvdev,
				    void __user *arg)
{
	unsigned long minsz = offsetofend(struct vfio_irq_info, count);
	struct vfio_irq_info info;

	if (copy_from_user(&info, arg, minsz))
		return -EFAULT;
	if (info.argsz < minsz) {
		dev_dbg(nvdev->vdev.dev, "GET_IRQ_INFO: argsz %u < %lu\n",
			info.argsz, minsz);
		return -EINVAL;
	}
	if (info.index >= VFIO_PCI_NUM_IRQS) {
		dev_dbg(nvdev->vdev.dev, "GET_IRQ_INFO: no interrupt index %u\n",
			info.index);
		return -EINVAL;
	}

	info.count = nvvgpu_vfio_irq_count(info.index);
	info.flags = 0;
	if (info.count) {
		info.flags = VFIO_IRQ_INFO_EVENTFD;
		if (info.index == VFIO_PCI_INTX_IRQ_INDEX)
			info.flags |= VFIO_IRQ_INFO_MASKABLE |
				      VFIO_IRQ_INFO_AUTOMASKED;
		else
			info.flags |= VFIO_IRQ_INFO_NORESIZE;
	}

	return copy_to_user(arg, &info, minsz) ? -EFAULT : 0;
}

/* replace the eventfd in @slot by the one of @fd, or by none if @fd < 0 */
static int nvvgpu_vfio_set_eventfd(struct nvvgpu_vfio_device *nvdev,
				   struct eventfd_ctx **slot, s32 fd)
{
	struct eventfd_ctx *ctx = NULL;

	lockdep_assert_held(&nvdev->lock);

	if (fd >= 0) {
		ctx = eventfd_ctx_fdget(fd);
		if (IS_ERR(ctx)) {
			dev_dbg(nvdev->vdev.dev, "SET_IRQS: fd %d is no eventfd\n",
				fd);
			return PTR_ERR(ctx);
		}
	}
	if (*slot)
		eventfd_ctx_put(*slot);
	*slot = ctx;
	return 0;
}

/* with DATA_NONE, or DATA_BOOL true: the action applies */
static bool nvvgpu_vfio_irq_data_set(u32 flags, const void *data)
{
	if (flags & VFIO_IRQ_SET_DATA_BOOL)
		return *(const u8 *)data;
	return true;
}

static void nvvgpu_vfio_fire_intx(struct nvvgpu_vfio_device *nvdev)
{
	struct nvvgpu_vfio_irqs *irqs = &nvdev->irqs;

	lockdep_assert_held(&nvdev->lock);

	if (!irqs->intx_trigger || irqs->intx_masked ||
	    nvvgpu_vfio_config_intx_disabled(nvdev))
		return;
	eventfd_signal(irqs->intx_trigger);
	irqs->intx_masked = true;
}

static int nvvgpu_vfio_set_intx(struct nvvgpu_vfio_device *nvdev,
				const struct vfio_irq_set *hdr, const void *data)
{
	struct nvvgpu_vfio_irqs *irqs = &nvdev->irqs;
	bool enabled = irqs->index == VFIO_PCI_INTX_IRQ_INDEX;
	u32 action = hdr->flags & VFIO_IRQ_SET_ACTION_TYPE_MASK;
	int ret;

	if (action == VFIO_IRQ_SET_ACTION_TRIGGER && !hdr->count &&
	    (hdr->flags & VFIO_IRQ_SET_DATA_NONE)) {
		if (enabled) {
			nvvgpu_vfio_set_eventfd(nvdev, &irqs->intx_trigger, -1);
			irqs->intx_masked = false;
			irqs->index = -1;
		}
		return 0;
	}
	if (hdr->count != 1) {
		dev_dbg(nvdev->vdev.dev, "SET_IRQS: INTx takes count 1, not %u\n",
			hdr->count);
		return -EINVAL;
	}

	switch (action) {
	case VFIO_IRQ_SET_ACTION_MASK:
	case VFIO_IRQ_SET_ACTION_UNMASK:
		if (hdr->flags & VFIO_IRQ_SET_DATA_EVENTFD) {
			dev_dbg(nvdev->vdev.dev, "SET_IRQS: INTx (un)mask by eventfd is not supported\n");
			return -ENOTTY;
		}
		if (!enabled) {
			dev_dbg(nvdev->vdev.dev, "SET_IRQS: INTx is not enabled\n");
			return -EINVAL;
		}
		if (!nvvgpu_vfio_irq_data_set(hdr->flags, data))
			return 0;
		irqs->intx_masked = action == VFIO_IRQ_SET_ACTION_MASK;
		return 0;

	case VFIO_IRQ_SET_ACTION_TRIGGER:
		if (hdr->flags & VFIO_IRQ_SET_DATA_EVENTFD) {
			s32 fd = *(const s32 *)data;

			if (irqs->index == VFIO_PCI_MSI_IRQ_INDEX) {
				dev_dbg(nvdev->vdev.dev, "SET_IRQS: INTx refused while MSI is enabled\n");
				return -EINVAL;
			}
			ret = nvvgpu_vfio_set_eventfd(nvdev, &irqs->intx_trigger,
						      fd);
			if (ret)
				return ret;
			irqs->intx_masked = false;
			irqs->index = irqs->intx_trigger ?
				      VFIO_PCI_INTX_IRQ_INDEX : -1;
			return 0;
		}
		if (!enabled) {
			dev_dbg(nvdev->vdev.dev, "SET_IRQS: INTx is not enabled\n");
			return -EINVAL;
		}
		if (nvvgpu_vfio_irq_data_set(hdr->flags, data))
			nvvgpu_vfio_fire_intx(nvdev);
		return 0;
	}

	dev_dbg(nvdev->vdev.dev, "SET_IRQS: bad INTx action flags %#x\n",
		hdr->flags);
	return -ENOTTY;
}

static int nvvgpu_vfio_set_msi(struct nvvgpu_vfio_device *nvdev,
			       const struct vfio_irq_set *hdr, const void *data)
{
	struct nvvgpu_vfio_irqs *irqs = &nvdev->irqs;
	bool enabled = irqs->index == VFIO_PCI_MSI_IRQ_INDEX;
	int ret;

	if ((hdr->flags & VFIO_IRQ_SET_ACTION_TYPE_MASK) !=
	    VFIO_IRQ_SET_ACTION_TRIGGER) {
		dev_dbg(nvdev->vdev.dev, "SET_IRQS: MSI can only be triggered (flags %#x)\n",
			hdr->flags);
		return -ENOTTY;
	}

	if (!hdr->count && (hdr->flags & VFIO_IRQ_SET_DATA_NONE)) {
		if (enabled) {
			nvvgpu_vfio_set_eventfd(nvdev, &irqs->msi_trigger, -1);
			irqs->index = -1;
		}
		return 0;
	}
	if (hdr->count != 1) {
		dev_dbg(nvdev->vdev.dev, "SET_IRQS: MSI takes count 1, not %u\n",
			hdr->count);
		return -EINVAL;
	}

	if (hdr->flags & VFIO_IRQ_SET_DATA_EVENTFD) {
		if (irqs->index == VFIO_PCI_INTX_IRQ_INDEX) {
			dev_dbg(nvdev->vdev.dev, "SET_IRQS: MSI refused while INTx is enabled\n");
			return -EINVAL;
		}
		ret = nvvgpu_vfio_set_eventfd(nvdev, &irqs->msi_trigger,
					      *(const s32 *)data);
		if (ret)
			return ret;
		irqs->index = irqs->msi_trigger ? VFIO_PCI_MSI_IRQ_INDEX : -1;
		return 0;
	}

	if (!enabled) {
		dev_dbg(nvdev->vdev.dev, "SET_IRQS: MSI is not enabled\n");
		return -EINVAL;
	}
	if (nvvgpu_vfio_irq_data_set(hdr->flags, data))
		eventfd_signal(irqs->msi_trigger);
	return 0;
}

/* the error and request interrupts: an eventfd the device signals */
static int nvvgpu_vfio_set_notify(struct nvvgpu_vfio_device *nvdev,
				  const struct vfio_irq_set *hdr,
				  const void *data, struct eventfd_ctx **slot,
				  const char *what)
{
	if ((hdr->flags & VFIO_IRQ_SET_ACTION_TYPE_MASK) !=
	    VFIO_IRQ_SET_ACTION_TRIGGER) {
		dev_dbg(nvdev->vdev.dev, "SET_IRQS: the %s interrupt can only be triggered (flags %#x)\n",
			what, hdr->flags);
		return -ENOTTY;
	}

	if (!hdr->count && (hdr->flags & VFIO_IRQ_SET_DATA_NONE))
		return nvvgpu_vfio_set_eventfd(nvdev, slot, -1);
	if (hdr->count != 1) {
		dev_dbg(nvdev->vdev.dev, "SET_IRQS: the %s interrupt takes count 1, not %u\n",
			what, hdr->count);
		return -EINVAL;
	}
	if (hdr->flags & VFIO_IRQ_SET_DATA_EVENTFD)
		return nvvgpu_vfio_set_eventfd(nvdev, slot, *(const s32 *)data);

	if (!*slot) {
		dev_dbg(nvdev->vdev.dev, "SET_IRQS: the %s interrupt is not enabled\n",
			what);
		return -EINVAL;
	}
	if (nvvgpu_vfio_irq_data_set(hdr->flags, data))
		eventfd_signal(*slot);
	return 0;
}

/**
 * nvvgpu_vfio_ioctl_set_irqs() - VFIO_DEVICE_SET_IRQS
 * @nvdev: the device
 * @arg: the user's struct vfio_irq_set and its data
 *
 * Return: 0; -EFAULT; -EINVAL for a malformed header, an index, start or
 * count out of range, or an interrupt that is not enabled; -ENOTTY for an
 * action the interrupt does not support; the error of eventfd_ctx_fdget().
 */
long nvvgpu_vfio_ioctl_set_irqs(struct nvvgpu_vfio_device *nvdev,
				void __user *arg)
{
	unsigned long minsz = offsetofend(struct vfio_irq_set, count);
	struct vfio_irq_set hdr;
	size_t data_size = 0;
	void *data = NULL;
	int ret;

	if (copy_from_user(&hdr, arg, minsz))
		return -EFAULT;

	ret = vfio_set_irqs_validate_and_prepare(&hdr,
						 hdr.index < VFIO_PCI_NUM_IRQS ?
						 nvvgpu_vfio_irq_count(hdr.index) : 0,
						 VFIO_PCI_NUM_IRQS, &data_size);
	if (ret) {
		dev_dbg(nvdev->vdev.dev,
			"SET_IRQS: invalid argsz %u flags %#x index %u start %u count %u\n",
			hdr.argsz, hdr.flags, hdr.index, hdr.start, hdr.count);
		return ret;
	}

	if (data_size) {
		data = memdup_user(arg + minsz, data_size);
		if (IS_ERR(data))
			return PTR_ERR(data);
	}

	mutex_lock(&nvdev->lock);
	switch (hdr.index) {
	case VFIO_PCI_INTX_IRQ_INDEX:
		ret = nvvgpu_vfio_set_intx(nvdev, &hdr, data);
		break;
	case VFIO_PCI_MSI_IRQ_INDEX:
		ret = nvvgpu_vfio_set_msi(nvdev, &hdr, data);
		break;
	case VFIO_PCI_ERR_IRQ_INDEX:
		ret = nvvgpu_vfio_set_notify(nvdev, &hdr, data,
					     &nvdev->irqs.err_trigger, "error");
		break;
	case VFIO_PCI_REQ_IRQ_INDEX:
		ret = nvvgpu_vfio_set_notify(nvdev, &hdr, data,
					     &nvdev->irqs.req_trigger, "request");
		break;
	default:
		/* validation lets no other index through */
		ret = -EINVAL;
		break;
	}
	mutex_unlock(&nvdev->lock);

	kfree(data);
	return ret;
}

/**
 * nvvgpu_vfio_irqs_init() - no interrupt enabled
 * @nvdev: a device that holds no eventfd
 */
void nvvgpu_vfio_irqs_init(struct nvvgpu_vfio_device *nvdev)
{
	memset(&nvdev->irqs, 0, sizeof(nvdev->irqs));
	nvdev->irqs.index = -1;
}

/**
 * nvvgpu_vfio_irqs_disable() - disable every interrupt, drop the eventfds
 * @nvdev: the device
 *
 * Context: @nvdev's lock held.
 */
void nvvgpu_vfio_irqs_disable(struct nvvgpu_vfio_device *nvdev)
{
	struct nvvgpu_vfio_irqs *irqs = &nvdev->irqs;

	lockdep_assert_held(&nvdev->lock);

	nvvgpu_vfio_set_eventfd(nvdev, &irqs->intx_trigger, -1);
	nvvgpu_vfio_set_eventfd(nvdev, &irqs->msi_trigger, -1);
	nvvgpu_vfio_set_eventfd(nvdev, &irqs->err_trigger, -1);
	nvvgpu_vfio_set_eventfd(nvdev, &irqs->req_trigger, -1);
	nvvgpu_vfio_irqs_init(nvdev);
}

/**
 * nvvgpu_vfio_request() - vfio_device_ops.request: ask for the device back
 * @vdev: the VFIO device, open while its mdev is being removed
 * @count: how often it was asked before
 *
 * Signals the request interrupt, which a VMM such as QEMU answers by
 * unplugging the device from its guest.
 */
void nvvgpu_vfio_request(struct vfio_device *vdev, unsigned int count)
{
	struct nvvgpu_vfio_device *nvdev = to_nvvgpu_vfio_device(vdev);

	mutex_lock(&nvdev->lock);
	if (nvdev->irqs.req_trigger) {
		if (!(count % 10))
			dev_notice_ratelimited(vdev->dev,
					       "asking the user to release the device (%u)\n",
					       count);
		eventfd_signal(nvdev->irqs.req_trigger);
	} else if (!count) {
		dev_notice(vdev->dev,
			   "no request interrupt: waiting for the user to release the device\n");
	}
	mutex_unlock(&nvdev->lock);
}

/**
 * nvvgpu_vfio_signal_error() - tell the user that the device failed
 * @nvdev: the device
 *
 * Signals the error interrupt, if the user set one up.
 */
void nvvgpu_vfio_signal_error(struct nvvgpu_vfio_device *nvdev)
{
	mutex_lock(&nvdev->lock);
	if (nvdev->irqs.err_trigger)
		eventfd_signal(nvdev->irqs.err_trigger);
	mutex_unlock(&nvdev->lock);
}

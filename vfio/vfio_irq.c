// SPDX-License-Identifier: GPL-2.0
/*
 * nvvgpu VFIO: interrupts of the emulated device: INTx, MSI, MSI-X, the
 * error and the device request interrupts, each signalled through an
 * eventfd, and the event sink through which the vGPU raises them.
 *
 * Copyright (c) 2026 The nvvgpu developers
 */

#include <linux/eventfd.h>
#include <linux/lockdep.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/uaccess.h>

#include <nvvgpu/compat.h>
#include <nvvgpu/core.h>

#include "nvvgpu_vfio.h"

/**
 * DOC: interrupts
 *
 * The device offers one INTx line (maskable, automasked when it fires),
 * one MSI vector, one MSI-X vector (table and PBA in BAR0, see "regions"),
 * the error interrupt, and the device request interrupt, through which the
 * user is asked to release the device when its mdev is being removed.
 * INTx, MSI and MSI-X exclude each other, as on vfio-pci: setting an
 * eventfd for one while another is enabled fails with -EINVAL.
 *
 * Each enabled interrupt is an eventfd given with VFIO_IRQ_SET_DATA_EVENTFD
 * and VFIO_IRQ_SET_ACTION_TRIGGER (start 0, count 1); fd -1 removes it,
 * which for INTx, MSI and MSI-X disables the interrupt. A trigger with
 * VFIO_IRQ_SET_DATA_NONE or a true VFIO_IRQ_SET_DATA_BOOL fires it (a
 * loopback test), a trigger with count 0 and no data disables it. Masking
 * by eventfd is not supported (-ENOTTY); MSI and MSI-X cannot be masked
 * through the ioctl (-ENOTTY), a VMM emulates their masking itself.
 *
 * While a VMM has the device open, the vGPU's events come from the core
 * through the device's event sink (nvvgpu_vfio_event_notify()): an
 * interrupt of the VF signals MSI-X vector 0, or MSI, or INTx, whichever is
 * enabled. INTx honours its mask and the command register's INTx disable
 * bit; raised while either holds it back, it stays pending and fires when
 * both let it through, as a level interrupt does. With nothing enabled the
 * interrupt is dropped. A channel error signals the error interrupt: QEMU
 * answers that by stopping the guest. The error interrupt also fires when
 * the pgpu is lost. Interrupts delivered and channel errors are counted in
 * the mdev's sysfs (nvvgpu/irqs_delivered, nvvgpu/channel_errors).
 *
 * The trigger eventfds and the INTx state live under the spinlock of
 * &struct nvvgpu_vfio_irqs, which the ioctls take inside the device mutex
 * and the event sink alone, in process or softirq context.
 */

static u32 nvvgpu_vfio_irq_count(unsigned int index)
{
	switch (index) {
	case VFIO_PCI_MSIX_IRQ_INDEX:
		return NVVGPU_VFIO_MSIX_VECTORS;
	case VFIO_PCI_INTX_IRQ_INDEX:
	case VFIO_PCI_MSI_IRQ_INDEX:
	case VFIO_PCI_ERR_IRQ_INDEX:
	case VFIO_PCI_REQ_IRQ_INDEX:
		return 1;
	default:
		return 0;
	}
}

static const char *nvvgpu_vfio_irq_name(int index)
{
	switch (index) {
	case VFIO_PCI_INTX_IRQ_INDEX:
		return "INTx";
	case VFIO_PCI_MSI_IRQ_INDEX:
		return "MSI";
	case VFIO_PCI_MSIX_IRQ_INDEX:
		return "MSI-X";
	case VFIO_PCI_ERR_IRQ_INDEX:
		return "error";
	case VFIO_PCI_REQ_IRQ_INDEX:
		return "request";
	default:
		return "no";
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

/*
 * Replace the eventfd in @slot by the one of @fd, or by none if @fd < 0.
 * For INTx, MSI and MSI-X (@index), the interrupt is enabled with its
 * eventfd and disabled without.
 */
static int nvvgpu_vfio_set_eventfd(struct nvvgpu_vfio_device *nvdev,
				   struct eventfd_ctx **slot, s32 fd, int index)
{
	struct nvvgpu_vfio_irqs *irqs = &nvdev->irqs;
	struct eventfd_ctx *ctx = NULL, *old;
	unsigned long flags;

	lockdep_assert_held(&nvdev->lock);

	if (fd >= 0) {
		ctx = eventfd_ctx_fdget(fd);
		if (IS_ERR(ctx)) {
			dev_dbg(nvdev->vdev.dev, "SET_IRQS: fd %d is no eventfd\n",
				fd);
			return PTR_ERR(ctx);
		}
	}

	spin_lock_irqsave(&irqs->lock, flags);
	old = *slot;
	*slot = ctx;
	if (index >= 0) {
		irqs->index = ctx ? index : -1;
		if (index == VFIO_PCI_INTX_IRQ_INDEX) {
			irqs->intx_masked = false;
			irqs->intx_pending = false;
		}
	}
	spin_unlock_irqrestore(&irqs->lock, flags);

	if (old)
		eventfd_ctx_put(old);
	return 0;
}

/* with DATA_NONE, or DATA_BOOL true: the action applies */
static bool nvvgpu_vfio_irq_data_set(u32 flags, const void *data)
{
	if (flags & VFIO_IRQ_SET_DATA_BOOL)
		return *(const u8 *)data;
	return true;
}

/* signal INTx unless it is masked or disabled; it then masks itself */
static bool nvvgpu_vfio_fire_intx_locked(struct nvvgpu_vfio_irqs *irqs)
{
	lockdep_assert_held(&irqs->lock);

	if (!irqs->intx_trigger || irqs->intx_masked || irqs->intx_disabled)
		return false;
	eventfd_signal(irqs->intx_trigger);
	irqs->intx_masked = true;
	return true;
}

/* a pending INTx that is let through now fires */
static void nvvgpu_vfio_fire_pending_intx_locked(struct nvvgpu_vfio_irqs *irqs)
{
	lockdep_assert_held(&irqs->lock);

	if (irqs->intx_pending && nvvgpu_vfio_fire_intx_locked(irqs)) {
		irqs->intx_pending = false;
		irqs->irqs_delivered++;
	}
}

/* enabling @index: refused while another of INTx, MSI and MSI-X is on */
static int nvvgpu_vfio_irq_exclusive(struct nvvgpu_vfio_device *nvdev,
				     int index)
{
	int enabled = nvdev->irqs.index;

	lockdep_assert_held(&nvdev->lock);

	if (enabled >= 0 && enabled != index) {
		dev_dbg(nvdev->vdev.dev, "SET_IRQS: %s refused while %s is enabled\n",
			nvvgpu_vfio_irq_name(index),
			nvvgpu_vfio_irq_name(enabled));
		return -EINVAL;
	}
	return 0;
}

static int nvvgpu_vfio_set_intx(struct nvvgpu_vfio_device *nvdev,
				const struct vfio_irq_set *hdr, const void *data)
{
	struct nvvgpu_vfio_irqs *irqs = &nvdev->irqs;
	bool enabled = irqs->index == VFIO_PCI_INTX_IRQ_INDEX;
	u32 action = hdr->flags & VFIO_IRQ_SET_ACTION_TYPE_MASK;
	unsigned long flags;
	int ret;

	if (action == VFIO_IRQ_SET_ACTION_TRIGGER && !hdr->count &&
	    (hdr->flags & VFIO_IRQ_SET_DATA_NONE)) {
		if (enabled)
			nvvgpu_vfio_set_eventfd(nvdev, &irqs->intx_trigger, -1,
						VFIO_PCI_INTX_IRQ_INDEX);
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
		spin_lock_irqsave(&irqs->lock, flags);
		irqs->intx_masked = action == VFIO_IRQ_SET_ACTION_MASK;
		nvvgpu_vfio_fire_pending_intx_locked(irqs);
		spin_unlock_irqrestore(&irqs->lock, flags);
		return 0;

	case VFIO_IRQ_SET_ACTION_TRIGGER:
		if (hdr->flags & VFIO_IRQ_SET_DATA_EVENTFD) {
			ret = nvvgpu_vfio_irq_exclusive(nvdev,
							VFIO_PCI_INTX_IRQ_INDEX);
			if (ret)
				return ret;
			return nvvgpu_vfio_set_eventfd(nvdev, &irqs->intx_trigger,
						       *(const s32 *)data,
						       VFIO_PCI_INTX_IRQ_INDEX);
		}
		if (!enabled) {
			dev_dbg(nvdev->vdev.dev, "SET_IRQS: INTx is not enabled\n");
			return -EINVAL;
		}
		if (nvvgpu_vfio_irq_data_set(hdr->flags, data)) {
			spin_lock_irqsave(&irqs->lock, flags);
			nvvgpu_vfio_fire_intx_locked(irqs);
			spin_unlock_irqrestore(&irqs->lock, flags);
		}
		return 0;
	}

	dev_dbg(nvdev->vdev.dev, "SET_IRQS: bad INTx action flags %#x\n",
		hdr->flags);
	return -ENOTTY;
}

/* MSI and MSI-X: one vector each, triggered only */
static int nvvgpu_vfio_set_msi(struct nvvgpu_vfio_device *nvdev,
			       const struct vfio_irq_set *hdr, const void *data,
			       struct eventfd_ctx **slot)
{
	struct nvvgpu_vfio_irqs *irqs = &nvdev->irqs;
	const char *what = nvvgpu_vfio_irq_name(hdr->index);
	bool enabled = irqs->index == (int)hdr->index;
	unsigned long flags;
	int ret;

	if ((hdr->flags & VFIO_IRQ_SET_ACTION_TYPE_MASK) !=
	    VFIO_IRQ_SET_ACTION_TRIGGER) {
		dev_dbg(nvdev->vdev.dev, "SET_IRQS: %s can only be triggered (flags %#x)\n",
			what, hdr->flags);
		return -ENOTTY;
	}

	if (!hdr->count && (hdr->flags & VFIO_IRQ_SET_DATA_NONE)) {
		if (enabled)
			nvvgpu_vfio_set_eventfd(nvdev, slot, -1, hdr->index);
		return 0;
	}
	if (hdr->start || hdr->count != 1) {
		dev_dbg(nvdev->vdev.dev, "SET_IRQS: %s takes start 0 count 1, not %u %u\n",
			what, hdr->start, hdr->count);
		return -EINVAL;
	}

	if (hdr->flags & VFIO_IRQ_SET_DATA_EVENTFD) {
		ret = nvvgpu_vfio_irq_exclusive(nvdev, hdr->index);
		if (ret)
			return ret;
		return nvvgpu_vfio_set_eventfd(nvdev, slot, *(const s32 *)data,
					       hdr->index);
	}

	if (!enabled) {
		dev_dbg(nvdev->vdev.dev, "SET_IRQS: %s is not enabled\n", what);
		return -EINVAL;
	}
	if (nvvgpu_vfio_irq_data_set(hdr->flags, data)) {
		spin_lock_irqsave(&irqs->lock, flags);
		eventfd_signal(*slot);
		spin_unlock_irqrestore(&irqs->lock, flags);
	}
	return 0;
}

/* the error and request interrupts: an eventfd the device signals */
static int nvvgpu_vfio_set_notify(struct nvvgpu_vfio_device *nvdev,
				  const struct vfio_irq_set *hdr,
				  const void *data, struct eventfd_ctx **slot)
{
	const char *what = nvvgpu_vfio_irq_name(hdr->index);
	unsigned long flags;

	if ((hdr->flags & VFIO_IRQ_SET_ACTION_TYPE_MASK) !=
	    VFIO_IRQ_SET_ACTION_TRIGGER) {
		dev_dbg(nvdev->vdev.dev, "SET_IRQS: the %s interrupt can only be triggered (flags %#x)\n",
			what, hdr->flags);
		return -ENOTTY;
	}

	if (!hdr->count && (hdr->flags & VFIO_IRQ_SET_DATA_NONE))
		return nvvgpu_vfio_set_eventfd(nvdev, slot, -1, -1);
	if (hdr->count != 1) {
		dev_dbg(nvdev->vdev.dev, "SET_IRQS: the %s interrupt takes count 1, not %u\n",
			what, hdr->count);
		return -EINVAL;
	}
	if (hdr->flags & VFIO_IRQ_SET_DATA_EVENTFD)
		return nvvgpu_vfio_set_eventfd(nvdev, slot, *(const s32 *)data,
					       -1);

	if (!*slot) {
		dev_dbg(nvdev->vdev.dev, "SET_IRQS: the %s interrupt is not enabled\n",
			what);
		return -EINVAL;
	}
	if (nvvgpu_vfio_irq_data_set(hdr->flags, data)) {
		spin_lock_irqsave(&nvdev->irqs.lock, flags);
		eventfd_signal(*slot);
		spin_unlock_irqrestore(&nvdev->irqs.lock, flags);
	}
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
		ret = nvvgpu_vfio_set_msi(nvdev, &hdr, data,
					  &nvdev->irqs.msi_trigger);
		break;
	case VFIO_PCI_MSIX_IRQ_INDEX:
		ret = nvvgpu_vfio_set_msi(nvdev, &hdr, data,
					  &nvdev->irqs.msix_trigger);
		break;
	case VFIO_PCI_ERR_IRQ_INDEX:
		ret = nvvgpu_vfio_set_notify(nvdev, &hdr, data,
					     &nvdev->irqs.err_trigger);
		break;
	case VFIO_PCI_REQ_IRQ_INDEX:
		ret = nvvgpu_vfio_set_notify(nvdev, &hdr, data,
					     &nvdev->irqs.req_trigger);
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
 * nvvgpu_vfio_irqs_init() - set up the interrupt state of a new device
 * @nvdev: a device that holds no eventfd
 */
void nvvgpu_vfio_irqs_init(struct nvvgpu_vfio_device *nvdev)
{
	memset(&nvdev->irqs, 0, sizeof(nvdev->irqs));
	spin_lock_init(&nvdev->irqs.lock);
	nvdev->irqs.index = -1;
}

/**
 * nvvgpu_vfio_irqs_disable() - disable every interrupt, drop the eventfds
 * @nvdev: the device
 *
 * The counters are kept.
 *
 * Context: @nvdev's lock held.
 */
void nvvgpu_vfio_irqs_disable(struct nvvgpu_vfio_device *nvdev)
{
	struct nvvgpu_vfio_irqs *irqs = &nvdev->irqs;

	lockdep_assert_held(&nvdev->lock);

	nvvgpu_vfio_set_eventfd(nvdev, &irqs->intx_trigger, -1,
				VFIO_PCI_INTX_IRQ_INDEX);
	nvvgpu_vfio_set_eventfd(nvdev, &irqs->msi_trigger, -1,
				VFIO_PCI_MSI_IRQ_INDEX);
	nvvgpu_vfio_set_eventfd(nvdev, &irqs->msix_trigger, -1,
				VFIO_PCI_MSIX_IRQ_INDEX);
	nvvgpu_vfio_set_eventfd(nvdev, &irqs->err_trigger, -1, -1);
	nvvgpu_vfio_set_eventfd(nvdev, &irqs->req_trigger, -1, -1);
}

/**
 * nvvgpu_vfio_irqs_reset() - the interrupt state after a function reset
 * @nvdev: the device, its configuration space just reset
 *
 * As on vfio-pci, the eventfds stay set up across VFIO_DEVICE_RESET (a
 * VMM disables them itself before a reset); INTx comes back unmasked and
 * with nothing pending.
 *
 * Context: @nvdev's lock held.
 */
void nvvgpu_vfio_irqs_reset(struct nvvgpu_vfio_device *nvdev)
{
	struct nvvgpu_vfio_irqs *irqs = &nvdev->irqs;
	unsigned long flags;

	lockdep_assert_held(&nvdev->lock);

	spin_lock_irqsave(&irqs->lock, flags);
	irqs->intx_masked = false;
	irqs->intx_pending = false;
	irqs->intx_disabled = nvvgpu_vfio_config_intx_disabled(nvdev);
	spin_unlock_irqrestore(&irqs->lock, flags);
}

/**
 * nvvgpu_vfio_irqs_config_written() - follow the command register
 * @nvdev: the device, after a write to its configuration space
 *
 * Mirrors the INTx disable bit for the event sink; clearing it lets a
 * pending INTx fire.
 *
 * Context: @nvdev's lock held.
 */
void nvvgpu_vfio_irqs_config_written(struct nvvgpu_vfio_device *nvdev)
{
	struct nvvgpu_vfio_irqs *irqs = &nvdev->irqs;
	unsigned long flags;

	lockdep_assert_held(&nvdev->lock);

	spin_lock_irqsave(&irqs->lock, flags);
	irqs->intx_disabled = nvvgpu_vfio_config_intx_disabled(nvdev);
	nvvgpu_vfio_fire_pending_intx_locked(irqs);
	spin_unlock_irqrestore(&irqs->lock, flags);
}

/* the VF raised its interrupt: signal the one interrupt that is enabled */
static void nvvgpu_vfio_raise_locked(struct nvvgpu_vfio_irqs *irqs)
{
	struct eventfd_ctx *trigger;

	lockdep_assert_held(&irqs->lock);

	switch (irqs->index) {
	case VFIO_PCI_MSIX_IRQ_INDEX:
		trigger = irqs->msix_trigger;
		break;
	case VFIO_PCI_MSI_IRQ_INDEX:
		trigger = irqs->msi_trigger;
		break;
	case VFIO_PCI_INTX_IRQ_INDEX:
		if (nvvgpu_vfio_fire_intx_locked(irqs))
			irqs->irqs_delivered++;
		else
			irqs->intx_pending = true;
		return;
	default:
		/* nothing enabled: a guest without a driver loses it */
		return;
	}
	if (trigger) {
		eventfd_signal(trigger);
		irqs->irqs_delivered++;
	}
}

/**
 * nvvgpu_vfio_event_notify() - nvvgpu_event_sink.notify of a device
 * @sink: the device's sink
 * @ev: the vGPU's event
 *
 * An interrupt of the VF signals the guest (MSI-X, MSI or INTx); a channel
 * error signals the error interrupt. Both are counted.
 *
 * Context: process or softirq, under rcu_read_lock(); does not sleep.
 */
void nvvgpu_vfio_event_notify(struct nvvgpu_event_sink *sink,
			      const struct nvvgpu_event *ev)
{
	struct nvvgpu_vfio_device *nvdev =
		container_of(sink, struct nvvgpu_vfio_device, sink);
	struct nvvgpu_vfio_irqs *irqs = &nvdev->irqs;
	unsigned long flags;

	spin_lock_irqsave(&irqs->lock, flags);
	switch (ev->type) {
	case NVVGPU_EVENT_INTERRUPT:
		nvvgpu_vfio_raise_locked(irqs);
		break;
	case NVVGPU_EVENT_CHANNEL_ERROR:
		irqs->channel_errors++;
		if (irqs->err_trigger)
			eventfd_signal(irqs->err_trigger);
		break;
	default:
		/* channel completions are the host's; a VF's are interrupts */
		break;
	}
	spin_unlock_irqrestore(&irqs->lock, flags);
}

/**
 * nvvgpu_vfio_irqs_counters() - the counters of a device, for sysfs
 * @nvdev: the device
 * @delivered: interrupts delivered to the user
 * @channel_errors: channel errors reported
 */
void nvvgpu_vfio_irqs_counters(struct nvvgpu_vfio_device *nvdev,
			       u64 *delivered, u64 *channel_errors)
{
	unsigned long flags;

	spin_lock_irqsave(&nvdev->irqs.lock, flags);
	*delivered = nvdev->irqs.irqs_delivered;
	*channel_errors = nvdev->irqs.channel_errors;
	spin_unlock_irqrestore(&nvdev->irqs.lock, flags);
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
	unsigned long flags;

	spin_lock_irqsave(&nvdev->irqs.lock, flags);
	if (nvdev->irqs.err_trigger)
		eventfd_signal(nvdev->irqs.err_trigger);
	spin_unlock_irqrestore(&nvdev->irqs.lock, flags);
}

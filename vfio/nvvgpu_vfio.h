/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nvvgpu VFIO: functions shared between the files of nvvgpu_vfio.
 *
 * Copyright (c) 2026 The nvvgpu developers
 */
#ifndef __NVVGPU_VFIO_H__
#define __NVVGPU_VFIO_H__

#include <linux/container_of.h>
#include <linux/vfio.h>

#include "nvvgpu_vfio_types.h"

struct attribute_group;
struct vm_area_struct;

static inline struct nvvgpu_vfio_device *
to_nvvgpu_vfio_device(struct vfio_device *vdev)
{
	return container_of(vdev, struct nvvgpu_vfio_device, vdev);
}

static inline struct nvvgpu_vfio_type *
to_nvvgpu_vfio_type(struct mdev_type *mtype)
{
	return container_of(mtype, struct nvvgpu_vfio_type, mtype);
}

static inline struct nvvgpu_vfio_parent *
to_nvvgpu_vfio_parent(struct mdev_parent *mdev_parent)
{
	return container_of(mdev_parent, struct nvvgpu_vfio_parent,
			    mdev_parent);
}

/* vfio_types.c: mdev types and their sysfs attributes */
int nvvgpu_vfio_types_init(struct nvvgpu_vfio_parent *parent);
unsigned int nvvgpu_vfio_get_available(struct mdev_type *mtype);
ssize_t nvvgpu_vfio_show_description(struct mdev_type *mtype, char *buf);
extern const struct attribute_group *nvvgpu_vfio_mdev_groups[];

/* vfio_config.c: the emulated PCI configuration space */
void nvvgpu_vfio_config_init(struct nvvgpu_vfio_device *nvdev);
void nvvgpu_vfio_config_read(struct nvvgpu_vfio_device *nvdev, u32 offset,
			     void *buf, u32 size);
void nvvgpu_vfio_config_write(struct nvvgpu_vfio_device *nvdev, u32 offset,
			      const void *buf, u32 size);
bool nvvgpu_vfio_config_intx_disabled(struct nvvgpu_vfio_device *nvdev);

/* vfio_regions.c: region layout, BAR emulation, the BAR1 FB window */
u32 nvvgpu_vfio_pgpu_boot_0(struct nvvgpu_pgpu *pgpu);
void nvvgpu_vfio_regions_init(struct nvvgpu_vfio_device *nvdev);
void nvvgpu_vfio_bar0_reset(struct nvvgpu_vfio_device *nvdev);
long nvvgpu_vfio_ioctl_get_region_info(struct nvvgpu_vfio_device *nvdev,
				       void __user *arg);
ssize_t nvvgpu_vfio_read(struct vfio_device *vdev, char __user *buf,
			 size_t count, loff_t *ppos);
ssize_t nvvgpu_vfio_write(struct vfio_device *vdev, const char __user *buf,
			  size_t count, loff_t *ppos);
int nvvgpu_vfio_mmap(struct vfio_device *vdev, struct vm_area_struct *vma);

/* vfio_irq.c: INTx, MSI, MSI-X, the error and request interrupts */
long nvvgpu_vfio_ioctl_get_irq_info(struct nvvgpu_vfio_device *nvdev,
				    void __user *arg);
long nvvgpu_vfio_ioctl_set_irqs(struct nvvgpu_vfio_device *nvdev,
				void __user *arg);
void nvvgpu_vfio_irqs_init(struct nvvgpu_vfio_device *nvdev);
void nvvgpu_vfio_irqs_disable(struct nvvgpu_vfio_device *nvdev);
void nvvgpu_vfio_irqs_reset(struct nvvgpu_vfio_device *nvdev);
void nvvgpu_vfio_irqs_config_written(struct nvvgpu_vfio_device *nvdev);
void nvvgpu_vfio_event_notify(struct nvvgpu_event_sink *sink,
			      const struct nvvgpu_event *ev);
void nvvgpu_vfio_irqs_counters(struct nvvgpu_vfio_device *nvdev,
			       u64 *delivered, u64 *channel_errors);
void nvvgpu_vfio_request(struct vfio_device *vdev, unsigned int count);
void nvvgpu_vfio_signal_error(struct nvvgpu_vfio_device *nvdev);

#endif /* __NVVGPU_VFIO_H__ */

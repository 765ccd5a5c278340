/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nvvgpu VFIO: data types of the mdev parent, the mdev types and the
 * emulated vfio-pci device.
 *
 * Copyright (c) 2026 The nvvgpu developers
 */
#ifndef __NVVGPU_VFIO_TYPES_H__
#define __NVVGPU_VFIO_TYPES_H__

#include <linux/list.h>
#include <linux/math.h>
#include <linux/mdev.h>
#include <linux/mutex.h>
#include <linux/pci_regs.h>
#include <linux/sizes.h>
#include <linux/spinlock.h>
#include <linux/types.h>
#include <linux/vfio.h>

#include <nvvgpu/core_types.h>

struct auxiliary_device;
struct eventfd_ctx;
struct nvvgpu_pgpu;
struct nvvgpu_vgpu;
struct nvvgpu_vgpu_type;
struct pid;

/* size of the emulated (conventional PCI) configuration space */
#define NVVGPU_VFIO_CONFIG_SIZE		PCI_CFG_SPACE_SIZE

/* BAR0: registers, 32-bit non-prefetchable, trapped and emulated */
#define NVVGPU_VFIO_BAR0_SIZE		SZ_16M
/*
 * The VF's own windows at the start of BAR0 (NV_VIRTUAL_FUNCTION_PRIV and
 * NV_VIRTUAL_FUNCTION), forwarded to the backend 32 bits at a time
 */
#define NVVGPU_VFIO_BAR0_VF_END		0x00040000
/*
 * MSI-X table and pending bit array in BAR0, where NVIDIA GPUs have them,
 * outside the forwarded windows
 */
#define NVVGPU_VFIO_MSIX_TABLE		0x00b90000
#define NVVGPU_VFIO_MSIX_PBA		0x00ba0000
#define NVVGPU_VFIO_MSIX_VECTORS	1
#define NVVGPU_VFIO_MSIX_TABLE_SIZE	(NVVGPU_VFIO_MSIX_VECTORS * PCI_MSIX_ENTRY_SIZE)
#define NVVGPU_VFIO_MSIX_PBA_SIZE	(DIV_ROUND_UP(NVVGPU_VFIO_MSIX_VECTORS, 64) * 8)
/* BAR3: instance memory aperture, 64-bit prefetchable, reads as zero */
#define NVVGPU_VFIO_BAR3_SIZE		SZ_32M

/*
 * Region offsets on the device fd: the region index sits above bit 40, as
 * vfio-pci lays them out, so a region may be up to 1 TiB.
 */
#define NVVGPU_VFIO_OFFSET_SHIFT	40
#define NVVGPU_VFIO_OFFSET_MASK		(BIT_ULL(NVVGPU_VFIO_OFFSET_SHIFT) - 1)
#define NVVGPU_VFIO_OFFSET_TO_INDEX(off) ((off) >> NVVGPU_VFIO_OFFSET_SHIFT)
#define NVVGPU_VFIO_INDEX_TO_OFFSET(index) \
	((u64)(index) << NVVGPU_VFIO_OFFSET_SHIFT)

/**
 * struct nvvgpu_vfio_type - an mdev type, one per entry of the catalogue
 * @mtype: the mdev type; its sysfs directory is "<parent's driver>-<type id>"
 * @parent: the mdev parent the type belongs to
 * @type: the catalogue entry (in the pgpu's info, stable while the
 *	auxiliary device exists)
 * @sysfs_name: storage for @mtype.sysfs_name, the decimal type id
 */
struct nvvgpu_vfio_type {
	struct mdev_type mtype;
	struct nvvgpu_vfio_parent *parent;
	const struct nvvgpu_vgpu_type *type;
	char sysfs_name[12];
};

/**
 * struct nvvgpu_vfio_parent - the mdev parent of one pgpu
 * @mdev_parent: registered on @dev
 * @adev: the auxiliary device "nvvgpu_core.vfio.<id>" the driver is bound
 *	to; its log lines and managed memory
 * @dev: the device the mdev parent is registered on, where
 *	mdev_supported_types and the mdev devices appear: the GPU's PCI
 *	function (@adev's parent) if it is one, else @adev's device
 * @pgpu: the physical GPU behind it
 * @boot_0: NV_PMC_BOOT_0 of the pgpu, shown to every guest
 * @lost: the pgpu stopped responding; opening devices is refused
 * @lock: protects @devices
 * @devices: the parent's VFIO devices, to tell their users about errors
 * @num_types: entries in @types and @mtypes
 * @types: one mdev type per catalogue entry
 * @mtypes: pointers to the @types' mdev types, as mdev_register_parent()
 *	wants them
 */
struct nvvgpu_vfio_parent {
	struct mdev_parent mdev_parent;
	struct auxiliary_device *adev;
	struct device *dev;
	struct nvvgpu_pgpu *pgpu;
	u32 boot_0;
	bool lost;
	struct mutex lock;	/* protects devices */
	struct list_head devices;
	unsigned int num_types;
	struct nvvgpu_vfio_type *types;
	struct mdev_type **mtypes;
};

/**
 * struct nvvgpu_vfio_irqs - interrupt state of an emulated device
 * @lock: protects the members below. The VFIO ioctls change them with
 *	the device's mutex held and then this lock; the event sink reads
 *	them under this lock alone, from process or softirq context.
 * @index: VFIO_PCI_INTX_IRQ_INDEX, VFIO_PCI_MSI_IRQ_INDEX or
 *	VFIO_PCI_MSIX_IRQ_INDEX while one is enabled, -1 otherwise
 * @intx_trigger: eventfd signalled for INTx
 * @intx_masked: INTx is masked (set when it fires: INTx is automasked)
 * @intx_pending: the device raised INTx while it was masked or disabled in
 *	the command register; it fires when both allow it again, as a level
 *	interrupt would
 * @intx_disabled: mirror of the command register's INTx disable bit
 * @msi_trigger: eventfd signalled for the MSI vector
 * @msix_trigger: eventfd signalled for MSI-X vector 0
 * @err_trigger: eventfd signalled when the device failed (pgpu lost) or a
 *	channel of the vGPU was put in error
 * @req_trigger: eventfd signalled to ask the user to release the device
 * @irqs_delivered: interrupts the vGPU raised that reached the user
 * @channel_errors: channel errors the backend reported for the vGPU
 */
struct nvvgpu_vfio_irqs {
	spinlock_t lock;	/* see above */
	int index;
	struct eventfd_ctx *intx_trigger;
	bool intx_masked;
	bool intx_pending;
	bool intx_disabled;
	struct eventfd_ctx *msi_trigger;
	struct eventfd_ctx *msix_trigger;
	struct eventfd_ctx *err_trigger;
	struct eventfd_ctx *req_trigger;
	u64 irqs_delivered;
	u64 channel_errors;
};

/**
 * struct nvvgpu_vfio_device - a vGPU as a vfio-pci device
 * @vdev: the VFIO device, registered with an emulated IOMMU
 * @mdev: the mdev device it was created for
 * @parent: the mdev parent of its pgpu
 * @link: entry in the parent's device list (parent's lock)
 * @type: its vGPU type
 * @vgpu: the core's vGPU, from creation to removal of the mdev
 * @lock: serialises config space, BAR0 and interrupt state
 * @config: the emulated configuration space, little endian (@lock)
 * @wmask: writable bits of @config, byte by byte
 * @bar_size: size of each BAR region (power of two, or 0 if unused)
 * @msix_table: the emulated MSI-X table, little endian (@lock)
 * @msix_pba: the emulated MSI-X pending bit array, little endian (@lock)
 * @irqs: interrupt state (its own lock, changed with @lock held too)
 * @sink: receives the vGPU's events from the core while the device is open
 * @owner: the process that opened the device, while it is open (@lock)
 */
struct nvvgpu_vfio_device {
	struct vfio_device vdev;
	struct mdev_device *mdev;
	struct nvvgpu_vfio_parent *parent;
	struct list_head link;
	const struct nvvgpu_vgpu_type *type;
	struct nvvgpu_vgpu *vgpu;

	struct mutex lock;	/* config, BAR0 and interrupt state */
	u8 config[NVVGPU_VFIO_CONFIG_SIZE];
	u8 wmask[NVVGPU_VFIO_CONFIG_SIZE];
	u64 bar_size[PCI_STD_NUM_BARS];
	u8 msix_table[NVVGPU_VFIO_MSIX_TABLE_SIZE];
	u8 msix_pba[NVVGPU_VFIO_MSIX_PBA_SIZE];
	struct nvvgpu_vfio_irqs irqs;
	struct nvvgpu_event_sink sink;
	struct pid *owner;
};

#endif /* __NVVGPU_VFIO_TYPES_H__ */

// SPDX-License-Identifier: GPL-2.0
/*
 * nvvgpu VFIO: emulation of the vGPU's PCI configuration space.
 *
 * Copyright (c) 2026 The nvvgpu developers
 */

#include <linux/bits.h>
#include <linux/build_bug.h>
#include <linux/kernel.h>
#include <linux/lockdep.h>
#include <linux/pci_ids.h>
#include <linux/pci_regs.h>
#include <linux/string.h>

#include <nvvgpu/compat.h>
#include <nvvgpu/core.h>

#include "nvvgpu_vfio.h"

/**
 * DOC: configuration space
 *
 * Each vGPU shows the guest a 256-byte conventional PCI configuration space,
 * laid out like a VF of an NVIDIA GPU:
 *
 * ======  ==================================================================
 * 0x00    vendor 0x10de, device ID of the vGPU type
 * 0x04    command (memory, bus master, parity, SERR, INTx disable writable);
 *         status: capability list
 * 0x08    revision 0xa1, class 0x030000 (VGA compatible controller)
 * 0x10    BAR0: 32-bit memory, 16 MiB, registers (trapped and emulated)
 * 0x14    BAR1: 64-bit prefetchable memory, the type's BAR1 size, the
 *         vGPU's framebuffer window (mappable)
 * 0x1c    BAR3: 64-bit prefetchable memory, 32 MiB (reads as zero)
 * 0x2c    subsystem vendor 0x10de, subsystem ID of the vGPU type
 * 0x34    capability pointer 0x60
 * 0x3c    interrupt line (writable), interrupt pin INTA
 * 0x60    power management capability, version 3, No_Soft_Reset
 * 0x68    MSI capability, 64-bit, one vector
 * 0x7c    MSI-X capability (where NVIDIA's VFs have it), one vector, table
 *         in BAR0 at 0xb90000, PBA in BAR0 at 0xba0000 (enable and function
 *         mask writable); end of the list
 * ======  ==================================================================
 *
 * Every write is merged through a per-byte mask of writable bits, so
 * read-only fields keep their value and the BAR address bits below a BAR's
 * size read back as zero: writing ~0 to a BAR and reading it back yields its
 * size mask, as the guest's BAR sizing expects. Writes to read-only bytes
 * are dropped without error, as hardware does.
 */

#define NVVGPU_VFIO_REVISION		0xa1
#define NVVGPU_VFIO_CAP_PM		0x60
#define NVVGPU_VFIO_CAP_MSI		0x68
#define NVVGPU_VFIO_CAP_MSIX		0x7c

#define NVVGPU_VFIO_COMMAND_WMASK	(PCI_COMMAND_MEMORY | PCI_COMMAND_MASTER | \
					 PCI_COMMAND_PARITY | PCI_COMMAND_SERR | \
					 PCI_COMMAND_INTX_DISABLE)

static void nvvgpu_vfio_cfg8(struct nvvgpu_vfio_device *nvdev, u32 offset,
			     u8 val, u8 wmask)
{
	nvdev->config[offset] = val;
	nvdev->wmask[offset] = wmask;
}

static void nvvgpu_vfio_cfg16(struct nvvgpu_vfio_device *nvdev, u32 offset,
			      u16 val, u16 wmask)
{
	put_unaligned_le16(val, &nvdev->config[offset]);
	put_unaligned_le16(wmask, &nvdev->wmask[offset]);
}

static void nvvgpu_vfio_cfg32(struct nvvgpu_vfio_device *nvdev, u32 offset,
			      u32 val, u32 wmask)
{
	put_unaligned_le32(val, &nvdev->config[offset]);
	put_unaligned_le32(wmask, &nvdev->wmask[offset]);
}

/*
 * A memory BAR: the flag bits are read-only, and so are the address bits
 * below its size. A 64-bit BAR takes the next BAR slot for its upper half.
 */
static void nvvgpu_vfio_cfg_bar(struct nvvgpu_vfio_device *nvdev,
				unsigned int bar, u32 flags)
{
	u32 offset = PCI_BASE_ADDRESS_0 + bar * 4;
	u64 size = nvdev->bar_size[bar];
	u64 mask;

	if (!size)
		return;

	mask = ~(size - 1);
	nvvgpu_vfio_cfg32(nvdev, offset, flags,
			  lower_32_bits(mask) & PCI_BASE_ADDRESS_MEM_MASK);
	if (flags & PCI_BASE_ADDRESS_MEM_TYPE_64)
		nvvgpu_vfio_cfg32(nvdev, offset + 4, 0, upper_32_bits(mask));
}

/**
 * nvvgpu_vfio_config_init() - build the configuration space of a device
 * @nvdev: the device; its BAR sizes must be known
 *
 * Used at creation and on every reset: the result is the power-on state.
 */
void nvvgpu_vfio_config_init(struct nvvgpu_vfio_device *nvdev)
{
	const u32 bar64 = PCI_BASE_ADDRESS_SPACE_MEMORY |
			  PCI_BASE_ADDRESS_MEM_TYPE_64 |
			  PCI_BASE_ADDRESS_MEM_PREFETCH;
	const struct nvvgpu_vgpu_type *type = nvdev->type;

	memset(nvdev->config, 0, sizeof(nvdev->config));
	memset(nvdev->wmask, 0, sizeof(nvdev->wmask));

	nvvgpu_vfio_cfg16(nvdev, PCI_VENDOR_ID, PCI_VENDOR_ID_NVIDIA, 0);
	nvvgpu_vfio_cfg16(nvdev, PCI_DEVICE_ID, type->device_id, 0);
	nvvgpu_vfio_cfg16(nvdev, PCI_COMMAND, 0, NVVGPU_VFIO_COMMAND_WMASK);
	nvvgpu_vfio_cfg16(nvdev, PCI_STATUS, PCI_STATUS_CAP_LIST, 0);
	nvvgpu_vfio_cfg8(nvdev, PCI_REVISION_ID, NVVGPU_VFIO_REVISION, 0);
	/* prog-if 0x00, VGA compatible controller */
	nvvgpu_vfio_cfg16(nvdev, PCI_CLASS_DEVICE, PCI_CLASS_DISPLAY_VGA, 0);
	nvvgpu_vfio_cfg8(nvdev, PCI_CACHE_LINE_SIZE, 0, 0xff);
	nvvgpu_vfio_cfg8(nvdev, PCI_LATENCY_TIMER, 0, 0xff);
	nvvgpu_vfio_cfg8(nvdev, PCI_HEADER_TYPE, PCI_HEADER_TYPE_NORMAL, 0);

	nvvgpu_vfio_cfg_bar(nvdev, 0, PCI_BASE_ADDRESS_SPACE_MEMORY |
			    PCI_BASE_ADDRESS_MEM_TYPE_32);
	nvvgpu_vfio_cfg_bar(nvdev, 1, bar64);
	nvvgpu_vfio_cfg_bar(nvdev, 3, bar64);

	nvvgpu_vfio_cfg16(nvdev, PCI_SUBSYSTEM_VENDOR_ID, PCI_VENDOR_ID_NVIDIA, 0);
	nvvgpu_vfio_cfg16(nvdev, PCI_SUBSYSTEM_ID, type->subsystem_id, 0);
	nvvgpu_vfio_cfg8(nvdev, PCI_CAPABILITY_LIST, NVVGPU_VFIO_CAP_PM, 0);
	nvvgpu_vfio_cfg8(nvdev, PCI_INTERRUPT_LINE, 0, 0xff);
	nvvgpu_vfio_cfg8(nvdev, PCI_INTERRUPT_PIN, 1, 0);

	/* power management: D0 and D3hot, no reset on D3hot -> D0 */
	nvvgpu_vfio_cfg8(nvdev, NVVGPU_VFIO_CAP_PM + PCI_CAP_LIST_ID,
			 PCI_CAP_ID_PM, 0);
	nvvgpu_vfio_cfg8(nvdev, NVVGPU_VFIO_CAP_PM + PCI_CAP_LIST_NEXT,
			 NVVGPU_VFIO_CAP_MSI, 0);
	nvvgpu_vfio_cfg16(nvdev, NVVGPU_VFIO_CAP_PM + PCI_PM_PMC, 3, 0);
	nvvgpu_vfio_cfg16(nvdev, NVVGPU_VFIO_CAP_PM + PCI_PM_CTRL,
			  PCI_PM_CTRL_NO_SOFT_RESET, PCI_PM_CTRL_STATE_MASK);

	/* MSI: one vector, 64-bit address, no per-vector masking */
	nvvgpu_vfio_cfg8(nvdev, NVVGPU_VFIO_CAP_MSI + PCI_CAP_LIST_ID,
			 PCI_CAP_ID_MSI, 0);
	nvvgpu_vfio_cfg8(nvdev, NVVGPU_VFIO_CAP_MSI + PCI_CAP_LIST_NEXT,
			 NVVGPU_VFIO_CAP_MSIX, 0);
	nvvgpu_vfio_cfg16(nvdev, NVVGPU_VFIO_CAP_MSI + PCI_MSI_FLAGS,
			  PCI_MSI_FLAGS_64BIT, PCI_MSI_FLAGS_ENABLE);
	nvvgpu_vfio_cfg32(nvdev, NVVGPU_VFIO_CAP_MSI + PCI_MSI_ADDRESS_LO, 0,
			  0xfffffffc);
	nvvgpu_vfio_cfg32(nvdev, NVVGPU_VFIO_CAP_MSI + PCI_MSI_ADDRESS_HI, 0,
			  0xffffffff);
	nvvgpu_vfio_cfg16(nvdev, NVVGPU_VFIO_CAP_MSI + PCI_MSI_DATA_64, 0,
			  0xffff);

	/* MSI-X: table and PBA in BAR0, outside the VF's forwarded windows */
	BUILD_BUG_ON(NVVGPU_VFIO_CAP_MSI + PCI_MSI_DATA_64 + 2 >
		     NVVGPU_VFIO_CAP_MSIX);
	nvvgpu_vfio_cfg8(nvdev, NVVGPU_VFIO_CAP_MSIX + PCI_CAP_LIST_ID,
			 PCI_CAP_ID_MSIX, 0);
	nvvgpu_vfio_cfg8(nvdev, NVVGPU_VFIO_CAP_MSIX + PCI_CAP_LIST_NEXT, 0, 0);
	nvvgpu_vfio_cfg16(nvdev, NVVGPU_VFIO_CAP_MSIX + PCI_MSIX_FLAGS,
			  NVVGPU_VFIO_MSIX_VECTORS - 1,
			  PCI_MSIX_FLAGS_ENABLE | PCI_MSIX_FLAGS_MASKALL);
	nvvgpu_vfio_cfg32(nvdev, NVVGPU_VFIO_CAP_MSIX + PCI_MSIX_TABLE,
			  NVVGPU_VFIO_MSIX_TABLE | VFIO_PCI_BAR0_REGION_INDEX, 0);
	nvvgpu_vfio_cfg32(nvdev, NVVGPU_VFIO_CAP_MSIX + PCI_MSIX_PBA,
			  NVVGPU_VFIO_MSIX_PBA | VFIO_PCI_BAR0_REGION_INDEX, 0);
}

/**
 * nvvgpu_vfio_config_read() - read from the configuration space
 * @nvdev: the device
 * @offset: byte offset; @offset + @size must be within the space
 * @buf: where to store the bytes read
 * @size: number of bytes
 *
 * Context: @nvdev's lock held.
 */
void nvvgpu_vfio_config_read(struct nvvgpu_vfio_device *nvdev, u32 offset,
			     void *buf, u32 size)
{
	lockdep_assert_held(&nvdev->lock);

	memcpy(buf, &nvdev->config[offset], size);
}

/**
 * nvvgpu_vfio_config_write() - write to the configuration space
 * @nvdev: the device
 * @offset: byte offset; @offset + @size must be within the space
 * @buf: the bytes to write
 * @size: number of bytes
 *
 * Only the writable bits of each byte change.
 *
 * Context: @nvdev's lock held.
 */
void nvvgpu_vfio_config_write(struct nvvgpu_vfio_device *nvdev, u32 offset,
			      const void *buf, u32 size)
{
	const u8 *val = buf;
	u32 i;

	lockdep_assert_held(&nvdev->lock);

	for (i = 0; i < size; i++) {
		u8 wmask = nvdev->wmask[offset + i];
		u8 *cfg = &nvdev->config[offset + i];

		*cfg = (*cfg & ~wmask) | (val[i] & wmask);
	}
}

/**
 * nvvgpu_vfio_config_intx_disabled() - whether the guest disabled INTx
 * @nvdev: the device
 *
 * Context: @nvdev's lock held.
 *
 * Return: true when the command register's INTx disable bit is set.
 */
bool nvvgpu_vfio_config_intx_disabled(struct nvvgpu_vfio_device *nvdev)
{
	lockdep_assert_held(&nvdev->lock);

	return get_unaligned_le16(&nvdev->config[PCI_COMMAND]) &
	       PCI_COMMAND_INTX_DISABLE;
}

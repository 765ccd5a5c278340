// SPDX-License-Identifier: GPL-2.0
/*
 * nvvgpu VFIO: the device's regions: configuration space and BAR access,
 * BAR0 register emulation and the BAR1 framebuffer window.
 *
 * Copyright (c) 2026 The nvvgpu developers
 */

#include <linux/highmem.h>
#include <linux/lockdep.h>
#include <linux/log2.h>
#include <linux/minmax.h>
#include <linux/mm.h>
#include <linux/mutex.h>
#include <linux/uaccess.h>

#include <nvvgpu/compat.h>
#include <nvvgpu/core.h>

#include "nvvgpu_vfio.h"

/**
 * DOC: regions
 *
 * The device fd carries the vfio-pci regions at offset index << 40:
 *
 * ======  ======================  =======================================
 * index   size                    access
 * ======  ======================  =======================================
 * BAR0    16 MiB                  read/write, emulated registers
 * BAR1    type's BAR1 size,       read/write and mmap: the vGPU's own
 *         rounded up to a power   framebuffer, page by page from the
 *         of two                  backend; past the vGPU's FB size reads
 *                                 return zero, writes are dropped and a
 *                                 mapping faults with SIGBUS
 * BAR3    32 MiB                  read/write, reads as zero
 * CONFIG  256 bytes               read/write, see "configuration space"
 * others  0                       none
 * ======  ======================  =======================================
 *
 * BAR0 is laid out as a VF's BAR0:
 *
 * ====================  ===================================================
 * offset                what
 * ====================  ===================================================
 * 0x000000              NV_PMC_BOOT_0: emulated, the physical GPU's chip ID
 *                       (a guest driver identifies its architecture by it);
 *                       writes are dropped
 * 0x000004..0x02ffff    NV_VIRTUAL_FUNCTION_PRIV and
 * 0x030000..0x03ffff    NV_VIRTUAL_FUNCTION: forwarded to the backend
 *                       through the core (nvvgpu_vgpu_bar0_read() and
 *                       nvvgpu_vgpu_bar0_write()), 32 bits at a time
 * 0xb90000..0xb9000f    MSI-X table (one vector), plain emulated memory:
 *                       address, data and the vector control mask bit are
 *                       writable; 1 (masked) after power-on and reset
 * 0xba0000..0xba0007    MSI-X pending bit array: reads as zero, read-only
 * everything else       reads as zero, ignores writes
 * ====================  ===================================================
 *
 * A VMM such as QEMU traps the MSI-X table and PBA itself; the emulation
 * serves any other reader. Accesses are split into naturally aligned 4, 2
 * and 1 byte pieces. In the forwarded windows every piece reads the whole
 * 32-bit register from the backend and returns the bytes asked for; a
 * register the backend does not implement (-ENXIO) reads as zero and
 * ignores writes; any other error of the backend (a lost pgpu, a VF that
 * is not bootloaded) fails the access with -EIO. A VF's registers are 32
 * bits wide only: a write that would put a piece smaller than 4 bytes in
 * the first 256 KiB of BAR0 (NV_PMC_BOOT_0 included) fails with -EINVAL,
 * writing nothing. An access that leaves its region fails with -EINVAL.
 */

#define NV_PMC_BOOT_0		0x00000000

/**
 * nvvgpu_vfio_pgpu_boot_0() - the chip ID every guest of a pgpu sees
 * @pgpu: the physical GPU
 *
 * Return: NV_PMC_BOOT_0 as the backend reports it.
 */
u32 nvvgpu_vfio_pgpu_boot_0(struct nvvgpu_pgpu *pgpu)
{
	return nvvgpu_pgpu_rd32(pgpu, NV_PMC_BOOT_0);
}

/**
 * nvvgpu_vfio_regions_init() - size the BARs of a device from its type
 * @nvdev: the device
 */
void nvvgpu_vfio_regions_init(struct nvvgpu_vfio_device *nvdev)
{
	u64 bar1 = max_t(u64, nvdev->type->bar1_size, PAGE_SIZE);

	memset(nvdev->bar_size, 0, sizeof(nvdev->bar_size));
	nvdev->bar_size[VFIO_PCI_BAR0_REGION_INDEX] = NVVGPU_VFIO_BAR0_SIZE;
	nvdev->bar_size[VFIO_PCI_BAR1_REGION_INDEX] = roundup_pow_of_two(bar1);
	nvdev->bar_size[VFIO_PCI_BAR3_REGION_INDEX] = NVVGPU_VFIO_BAR3_SIZE;
}

static u64 nvvgpu_vfio_region_size(struct nvvgpu_vfio_device *nvdev,
				   unsigned int index)
{
	if (index == VFIO_PCI_CONFIG_REGION_INDEX)
		return NVVGPU_VFIO_CONFIG_SIZE;
	if (index <= VFIO_PCI_BAR5_REGION_INDEX)
		return nvdev->bar_size[index];
	return 0;
}

/**
 * nvvgpu_vfio_ioctl_get_region_info() - VFIO_DEVICE_GET_REGION_INFO
 * @nvdev: the device
 * @arg: the user's struct vfio_region_info
 *
 * Return: 0; -EFAULT; -EINVAL for a short argsz or an unknown region index.
 */
long nvvgpu_vfio_ioctl_get_region_info(struct nvvgpu_vfio_device *nvdev,
				       void __user *arg)
{
	unsigned long minsz = offsetofend(struct vfio_region_info, offset);
	struct vfio_region_info info;

	if (copy_from_user(&info, arg, minsz))
		return -EFAULT;
	if (info.argsz < minsz) {
		dev_dbg(nvdev->vdev.dev, "GET_REGION_INFO: argsz %u < %lu\n",
			info.argsz, minsz);
		return -EINVAL;
	}
	if (info.index >= VFIO_PCI_NUM_REGIONS) {
		dev_dbg(nvdev->vdev.dev, "GET_REGION_INFO: no region %u\n",
			info.index);
		return -EINVAL;
	}

	info.offset = NVVGPU_VFIO_INDEX_TO_OFFSET(info.index);
	info.size = nvvgpu_vfio_region_size(nvdev, info.index);
	info.flags = 0;
	info.cap_offset = 0;
	if (info.size)
		info.flags = VFIO_REGION_INFO_FLAG_READ |
			     VFIO_REGION_INFO_FLAG_WRITE;
	if (info.index == VFIO_PCI_BAR1_REGION_INDEX)
		info.flags |= VFIO_REGION_INFO_FLAG_MMAP;

	return copy_to_user(arg, &info, minsz) ? -EFAULT : 0;
}

/* the MSI-X table's writable bits, by dword of an entry */
static const u32 nvvgpu_vfio_msix_entry_wmask[PCI_MSIX_ENTRY_SIZE / 4] = {
	[PCI_MSIX_ENTRY_LOWER_ADDR / 4] = 0xfffffffc,
	[PCI_MSIX_ENTRY_UPPER_ADDR / 4] = 0xffffffff,
	[PCI_MSIX_ENTRY_DATA / 4] = 0xffffffff,
	[PCI_MSIX_ENTRY_VECTOR_CTRL / 4] = PCI_MSIX_ENTRY_CTRL_MASKBIT,
};

/**
 * nvvgpu_vfio_bar0_reset() - the emulated BAR0 memory after power-on
 * @nvdev: the device
 *
 * Every MSI-X vector masked, none pending.
 */
void nvvgpu_vfio_bar0_reset(struct nvvgpu_vfio_device *nvdev)
{
	unsigned int i;

	memset(nvdev->msix_table, 0, sizeof(nvdev->msix_table));
	memset(nvdev->msix_pba, 0, sizeof(nvdev->msix_pba));
	for (i = 0; i < NVVGPU_VFIO_MSIX_VECTORS; i++)
		put_unaligned_le32(PCI_MSIX_ENTRY_CTRL_MASKBIT,
				   &nvdev->msix_table[i * PCI_MSIX_ENTRY_SIZE +
						      PCI_MSIX_ENTRY_VECTOR_CTRL]);
}

static bool nvvgpu_vfio_in(u32 offset, u32 base, u32 size)
{
	return offset >= base && offset - base < size;
}

/* one 32-bit register of the VF's own windows, through the core */
static int nvvgpu_vfio_bar0_forward(struct nvvgpu_vfio_device *nvdev,
				    u32 reg, u32 *data, bool write)
{
	int ret;

	lockdep_assert_held(&nvdev->lock);

	if (write)
		ret = nvvgpu_vgpu_bar0_write(nvdev->vgpu, reg, *data);
	else
		ret = nvvgpu_vgpu_bar0_read(nvdev->vgpu, reg, data);
	if (ret == -ENXIO) {
		/* not implemented by the backend: emulated */
		if (!write)
			*data = 0;
		return 0;
	}
	if (ret) {
		dev_warn_ratelimited(nvdev->vdev.dev, "BAR0 %s of %#x failed: %pe\n",
				     write ? "write" : "read", reg, ERR_PTR(ret));
		return -EIO;
	}
	return 0;
}

/* a piece of the MSI-X table: plain memory with its writable bits */
static void nvvgpu_vfio_msix_table_access(struct nvvgpu_vfio_device *nvdev,
					  u32 pos, u8 *val, u32 size,
					  bool write)
{
	u8 *mem = &nvdev->msix_table[pos];
	u32 i;

	if (!write) {
		memcpy(val, mem, size);
		return;
	}
	for (i = 0; i < size; i++, pos++) {
		u32 dword = pos % PCI_MSIX_ENTRY_SIZE / 4;
		u8 wmask = nvvgpu_vfio_msix_entry_wmask[dword] >> (pos % 4 * 8);

		mem[i] = (mem[i] & ~wmask) | (val[i] & wmask);
	}
}

/* one naturally aligned piece of 1, 2 or 4 bytes of BAR0 */
static int nvvgpu_vfio_bar0_access(struct nvvgpu_vfio_device *nvdev,
				   u32 offset, u8 *val, u32 size, bool write)
{
	u32 reg = ALIGN_DOWN(offset, 4);
	u8 bytes[4];
	u32 data;
	int ret;

	lockdep_assert_held(&nvdev->lock);

	if (nvvgpu_vfio_in(offset, NVVGPU_VFIO_MSIX_TABLE,
			   NVVGPU_VFIO_MSIX_TABLE_SIZE)) {
		nvvgpu_vfio_msix_table_access(nvdev,
					      offset - NVVGPU_VFIO_MSIX_TABLE,
					      val, size, write);
		return 0;
	}
	if (nvvgpu_vfio_in(offset, NVVGPU_VFIO_MSIX_PBA,
			   NVVGPU_VFIO_MSIX_PBA_SIZE)) {
		if (!write)
			memcpy(val, &nvdev->msix_pba[offset - NVVGPU_VFIO_MSIX_PBA],
			       size);
		return 0;
	}
	if (reg >= NVVGPU_VFIO_BAR0_VF_END) {
		if (!write)
			memset(val, 0, size);
		return 0;
	}

	if (reg == NV_PMC_BOOT_0) {
		if (write)
			return 0;
		data = nvdev->parent->boot_0;
	} else {
		/* the caller let only whole registers through for writes */
		if (write)
			data = get_unaligned_le32(val);
		ret = nvvgpu_vfio_bar0_forward(nvdev, reg, &data, write);
		if (ret || write)
			return ret;
	}

	put_unaligned_le32(data, bytes);
	memcpy(val, bytes + offset % 4, size);
	return 0;
}

/*
 * A write to the VF's windows must consist of whole registers only: from a
 * 4-byte aligned offset, a multiple of 4 bytes up to the windows' end.
 */
static bool nvvgpu_vfio_bar0_write_ok(u64 offset, size_t count)
{
	u64 end;

	if (offset >= NVVGPU_VFIO_BAR0_VF_END)
		return true;
	end = min_t(u64, offset + count, NVVGPU_VFIO_BAR0_VF_END);
	return IS_ALIGNED(offset, 4) && IS_ALIGNED(end - offset, 4);
}

/* one naturally aligned access of 1, 2 or 4 bytes to an emulated region */
static int nvvgpu_vfio_emulated_access(struct nvvgpu_vfio_device *nvdev,
				       unsigned int index, u32 offset,
				       u8 *val, u32 size, bool write)
{
	lockdep_assert_held(&nvdev->lock);

	switch (index) {
	case VFIO_PCI_CONFIG_REGION_INDEX:
		if (write) {
			nvvgpu_vfio_config_write(nvdev, offset, val, size);
			nvvgpu_vfio_irqs_config_written(nvdev);
		} else {
			nvvgpu_vfio_config_read(nvdev, offset, val, size);
		}
		return 0;
	case VFIO_PCI_BAR0_REGION_INDEX:
		return nvvgpu_vfio_bar0_access(nvdev, offset, val, size, write);
	default:
		if (!write)
			memset(val, 0, size);
		return 0;
	}
}

static ssize_t nvvgpu_vfio_emulated_rw(struct nvvgpu_vfio_device *nvdev,
				       unsigned int index, char __user *buf,
				       size_t count, u64 offset, bool write)
{
	size_t done = 0;
	int ret;

	if (write && index == VFIO_PCI_BAR0_REGION_INDEX &&
	    !nvvgpu_vfio_bar0_write_ok(offset, count)) {
		dev_dbg_ratelimited(nvdev->vdev.dev,
				    "BAR0 write of %zu bytes at %#llx refused: VF registers are 32-bit\n",
				    count, offset);
		return -EINVAL;
	}

	while (done < count) {
		u64 pos = offset + done;
		u8 val[4];
		u32 size;

		if (count - done >= 4 && IS_ALIGNED(pos, 4))
			size = 4;
		else if (count - done >= 2 && IS_ALIGNED(pos, 2))
			size = 2;
		else
			size = 1;

		if (write && copy_from_user(val, buf + done, size))
			return -EFAULT;

		mutex_lock(&nvdev->lock);
		ret = nvvgpu_vfio_emulated_access(nvdev, index, pos, val, size,
						  write);
		mutex_unlock(&nvdev->lock);
		if (ret)
			return done ? done : ret;

		if (!write && copy_to_user(buf + done, val, size))
			return -EFAULT;
		done += size;
	}
	return done;
}

/*
 * BAR1 through read()/write(): the FB is not necessarily RAM (on hardware
 * it is the PF's BAR1 aperture), so bounce through a page and let the
 * backend copy to or from the FB.
 */
static ssize_t nvvgpu_vfio_fb_rw(struct nvvgpu_vfio_device *nvdev,
				 char __user *buf, size_t count, u64 offset,
				 bool write)
{
	struct nvvgpu_pgpu *pgpu = nvdev->parent->pgpu;
	struct nvvgpu_vgpu *vgpu = nvdev->vgpu;
	size_t done = 0;
	void *bounce;
	ssize_t ret;

	bounce = (void *)__get_free_page(GFP_KERNEL);
	if (!bounce)
		return -ENOMEM;

	while (done < count) {
		u64 pos = offset + done;
		size_t len = min_t(size_t, count - done,
				   PAGE_SIZE - offset_in_page(pos));
		int err;

		if (pos >= vgpu->part.fb_size) {
			/* BAR1 beyond the vGPU's FB: nothing behind it */
			if (!write && clear_user(buf + done, len)) {
				ret = -EFAULT;
				goto out;
			}
			done += len;
			continue;
		}
		len = min_t(u64, len, vgpu->part.fb_size - pos);

		if (write && copy_from_user(bounce, buf + done, len)) {
			ret = -EFAULT;
			goto out;
		}
		err = nvvgpu_pgpu_fb_rw(pgpu, vgpu->part.fb_offset + pos, bounce,
					len, write);
		if (err) {
			dev_err_ratelimited(nvdev->vdev.dev,
					    "framebuffer %s at %#llx failed: %pe\n",
					    write ? "write" : "read",
					    vgpu->part.fb_offset + pos,
					    ERR_PTR(err));
			ret = done ? done : -EIO;
			goto out;
		}
		if (!write && copy_to_user(buf + done, bounce, len)) {
			ret = -EFAULT;
			goto out;
		}
		done += len;
	}
	ret = done;
out:
	free_page((unsigned long)bounce);
	return ret;
}

static ssize_t nvvgpu_vfio_rw(struct nvvgpu_vfio_device *nvdev,
			      char __user *buf, size_t count, loff_t *ppos,
			      bool write)
{
	unsigned int index;
	u64 offset, size;
	ssize_t ret;

	if (*ppos < 0)
		return -EINVAL;
	index = NVVGPU_VFIO_OFFSET_TO_INDEX((u64)*ppos);
	offset = *ppos & NVVGPU_VFIO_OFFSET_MASK;
	size = index < VFIO_PCI_NUM_REGIONS ?
	       nvvgpu_vfio_region_size(nvdev, index) : 0;

	if (offset >= size || count > size - offset) {
		dev_dbg(nvdev->vdev.dev,
			"%s of %zu bytes at %#llx is outside region %u (%llu bytes)\n",
			write ? "write" : "read", count, offset, index, size);
		return -EINVAL;
	}

	if (index == VFIO_PCI_BAR1_REGION_INDEX)
		ret = nvvgpu_vfio_fb_rw(nvdev, buf, count, offset, write);
	else
		ret = nvvgpu_vfio_emulated_rw(nvdev, index, buf, count, offset,
					      write);
	if (ret > 0)
		*ppos += ret;
	return ret;
}

/**
 * nvvgpu_vfio_read() - vfio_device_ops.read: read from a region
 * @vdev: the VFIO device
 * @buf: user buffer
 * @count: bytes to read
 * @ppos: region index and offset; advanced by the bytes read
 *
 * Return: bytes read, or a negative errno.
 */
ssize_t nvvgpu_vfio_read(struct vfio_device *vdev, char __user *buf,
			 size_t count, loff_t *ppos)
{
	return nvvgpu_vfio_rw(to_nvvgpu_vfio_device(vdev), buf, count, ppos,
			      false);
}

/**
 * nvvgpu_vfio_write() - vfio_device_ops.write: write to a region
 * @vdev: the VFIO device
 * @buf: user buffer
 * @count: bytes to write
 * @ppos: region index and offset; advanced by the bytes written
 *
 * Return: bytes written, or a negative errno.
 */
ssize_t nvvgpu_vfio_write(struct vfio_device *vdev, const char __user *buf,
			  size_t count, loff_t *ppos)
{
	return nvvgpu_vfio_rw(to_nvvgpu_vfio_device(vdev), (char __user *)buf,
			      count, ppos, true);
}

static vm_fault_t nvvgpu_vfio_fb_fault(struct vm_fault *vmf)
{
	struct vm_area_struct *vma = vmf->vma;
	struct nvvgpu_vfio_device *nvdev = vma->vm_private_data;
	struct nvvgpu_vgpu *vgpu = nvdev->vgpu;
	u64 offset = ((u64)vmf->pgoff << PAGE_SHIFT) & NVVGPU_VFIO_OFFSET_MASK;
	unsigned long pfn;
	int err;

	if (offset >= vgpu->part.fb_size) {
		dev_dbg_ratelimited(nvdev->vdev.dev,
				    "BAR1 fault at %#llx beyond the %llu byte framebuffer\n",
				    offset, vgpu->part.fb_size);
		return VM_FAULT_SIGBUS;
	}

	err = nvvgpu_pgpu_fb_pfn(nvdev->parent->pgpu,
				 vgpu->part.fb_offset + offset, &pfn);
	if (err) {
		dev_err_ratelimited(nvdev->vdev.dev,
				    "no framebuffer page at %#llx: %pe\n",
				    vgpu->part.fb_offset + offset,
				    ERR_PTR(err));
		return err == -ENOMEM ? VM_FAULT_OOM : VM_FAULT_SIGBUS;
	}
	return vmf_insert_pfn(vma, vmf->address, pfn);
}

static const struct vm_operations_struct nvvgpu_vfio_fb_vm_ops = {
	.fault = nvvgpu_vfio_fb_fault,
};

/**
 * nvvgpu_vfio_mmap() - vfio_device_ops.mmap: map the BAR1 window
 * @vdev: the VFIO device
 * @vma: a shared mapping within BAR1
 *
 * Page frames are inserted on fault, one framebuffer page at a time, from
 * the backend's fb_pfn: on hardware, pages of the PF's BAR1 aperture.
 *
 * Return: 0; -EINVAL for another region, a private mapping or a range
 * outside BAR1.
 */
int nvvgpu_vfio_mmap(struct vfio_device *vdev, struct vm_area_struct *vma)
{
	struct nvvgpu_vfio_device *nvdev = to_nvvgpu_vfio_device(vdev);
	unsigned long index = vma->vm_pgoff >>
			      (NVVGPU_VFIO_OFFSET_SHIFT - PAGE_SHIFT);
	u64 offset = ((u64)vma->vm_pgoff << PAGE_SHIFT) &
		     NVVGPU_VFIO_OFFSET_MASK;
	u64 len = vma->vm_end - vma->vm_start;
	u64 size;

	if (index != VFIO_PCI_BAR1_REGION_INDEX) {
		dev_dbg(vdev->dev, "mmap of region %lu refused: only BAR1 maps\n",
			index);
		return -EINVAL;
	}
	if (!(vma->vm_flags & VM_SHARED)) {
		dev_dbg(vdev->dev, "private mmap of BAR1 refused\n");
		return -EINVAL;
	}
	size = nvdev->bar_size[index];
	if (offset >= size || len > size - offset) {
		dev_dbg(vdev->dev,
			"mmap of %llu bytes at %#llx is outside BAR1 (%llu bytes)\n",
			len, offset, size);
		return -EINVAL;
	}

	/* BAR1 is I/O memory on hardware: page frames, never struct pages */
	vm_flags_set(vma, VM_IO | VM_PFNMAP | VM_DONTEXPAND | VM_DONTDUMP);
	vma->vm_ops = &nvvgpu_vfio_fb_vm_ops;
	vma->vm_private_data = nvdev;
	return 0;
}

// SPDX-License-Identifier: GPL-2.0
/*
 * nvvgpu_gsp: bring-up and teardown of GSP-RM.
 *
 * Boot, in the order CPU-RM and nouveau use:
 *  1. shared queue block with its page table, RMARGS, LibOS log buffers and
 *     the LibOS region array (once: a reset boots on them again);
 *  2. GSP_SET_SYSTEM_INFO and SET_REGISTRY queued before the core runs
 *     (the firmware finds them when it links the command queue);
 *  3. the backend loads and starts the firmware on the LibOS array
 *     (fw_boot: on hardware the images, radix3 and WPR metadata, then
 *     MAILBOX0/1 and CPUCTL.STARTCPU);
 *  4. wait, bounded, for GSP_INIT_DONE.
 * Teardown: UNLOADING_GUEST_DRIVER, wait for MAILBOX0 to say "suspended",
 * free the memory.
 *
 * Copyright (c) 2026 The nvvgpu developers
 */
#include <linux/delay.h>
#include <linux/iopoll.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>

#include <nvvgpu/abi/gsp_regs.h>
#include <nvvgpu/abi/gsp_rpc.h>
#include <nvvgpu/core.h>

#include "gsp.h"

#define GSP_SUSPEND_TIMEOUT_US	(2 * USEC_PER_SEC)

static const char * const gsp_log_names[GSP_LOG_REGIONS] = {
	"LOGINIT", "LOGINTR", "LOGRM", "LOGMNOC",
};

static int gsp_mem_alloc(struct nvvgpu_gsp *gsp, struct gsp_mem *mem,
			 size_t size)
{
	mem->vaddr = nvvgpu_pgpu_dma_alloc(gsp->pgpu, size, &mem->addr);
	if (!mem->vaddr) {
		dev_err(gsp->dev, "could not allocate %zu bytes of GSP memory\n",
			size);
		return -ENOMEM;
	}
	mem->size = size;
	return 0;
}

static void gsp_mem_free(struct nvvgpu_gsp *gsp, struct gsp_mem *mem)
{
	if (!mem->vaddr)
		return;
	nvvgpu_pgpu_dma_free(gsp->pgpu, mem->size, mem->vaddr, mem->addr);
	mem->vaddr = NULL;
}

/**
 * gsp_mem_free_all() - give every GSP buffer back to the backend
 * @gsp: the transport
 */
void gsp_mem_free_all(struct nvvgpu_gsp *gsp)
{
	int i;

	gsp_mem_free(gsp, &gsp->libos);
	gsp_mem_free(gsp, &gsp->rmargs);
	for (i = 0; i < GSP_LOG_REGIONS; i++)
		gsp_mem_free(gsp, &gsp->logs[i]);
	gsp_mem_free(gsp, &gsp->shared);
}

/* queue block: one allocation, so PTE i is simply base + i pages */
static int gsp_shared_init(struct nvvgpu_gsp *gsp)
{
	u64 *ptes;
	int i, ret;

	ret = gsp_mem_alloc(gsp, &gsp->shared, NVGSP_SHARED_SIZE);
	if (ret)
		return ret;
	ptes = gsp->shared.vaddr;
	for (i = 0; i < NVGSP_SHARED_PTES; i++)
		ptes[i] = gsp->shared.addr + (u64)i * NVGSP_PAGE_SIZE;
	return gsp_msgq_init(gsp);
}

static void gsp_libos_region(struct nvgsp_libos_region *r, const char *name,
			     const struct gsp_mem *mem)
{
	r->id8 = nvgsp_libos_id8(name);
	r->pa = mem->addr;
	r->size = mem->size;
	r->kind = NVGSP_LIBOS_KIND_CONTIGUOUS;
	r->loc = NVGSP_LIBOS_LOC_SYSMEM;
}

static int gsp_libos_init(struct nvvgpu_gsp *gsp)
{
	struct nvgsp_mq_location loc = {
		.shared_mem_pa = gsp->shared.addr,
		.pte_count = NVGSP_SHARED_PTES,
		.cmdq_offset = NVGSP_CMDQ_OFFSET,
		.statq_offset = NVGSP_STATQ_OFFSET,
	};
	struct nvgsp_libos_region *regions;
	u64 *log;
	int i, p, ret;

	ret = gsp_mem_alloc(gsp, &gsp->libos, NVGSP_PAGE_SIZE);
	if (ret)
		return ret;
	regions = gsp->libos.vaddr;

	/* log buffers: u64 put pointer, then one PTE per page (LOGINIT first) */
	for (i = 0; i < gsp->abi->log_regions; i++) {
		ret = gsp_mem_alloc(gsp, &gsp->logs[i], NVGSP_LIBOS_LOG_SIZE);
		if (ret)
			return ret;
		log = gsp->logs[i].vaddr;
		for (p = 0; p < NVGSP_LIBOS_LOG_SIZE / NVGSP_PAGE_SIZE; p++)
			log[1 + p] = gsp->logs[i].addr + (u64)p * NVGSP_PAGE_SIZE;
		gsp_libos_region(&regions[i], gsp_log_names[i], &gsp->logs[i]);
	}

	ret = gsp_mem_alloc(gsp, &gsp->rmargs, NVGSP_PAGE_SIZE);
	if (ret)
		return ret;
	nvgsp_args_cached_write(gsp->abi, gsp->rmargs.vaddr, &loc);
	gsp_libos_region(&regions[i], "RMARGS", &gsp->rmargs);
	return 0;
}

/*
 * GspSystemInfo from the board's BARs and PCI address, in the release's
 * layout; ACPI and bus-topology data go out zeroed (no platform methods).
 */
static int gsp_send_system_info(struct nvvgpu_gsp *gsp)
{
	struct nvvgpu_system_info si = {};
	void *info;
	int ret;

	ret = nvvgpu_pgpu_system_info(gsp->pgpu, &si);
	if (ret) {
		dev_err(gsp->dev, "the backend gave no system information: %pe\n",
			ERR_PTR(ret));
		return ret;
	}
	if (!si.bar0_addr || !si.fb_bar_addr) {
		dev_err(gsp->dev, "the backend reports no BAR0 or BAR1 address\n");
		return -EINVAL;
	}

	info = kzalloc(gsp->abi->sysinfo_size, GFP_KERNEL);
	if (!info)
		return -ENOMEM;
	gsp->abi->sysinfo_write(info, &si, TASK_SIZE);
	ret = gsp_rpc_send(gsp, NV_VGPU_MSG_FUNCTION_GSP_SET_SYSTEM_INFO, info,
			   gsp->abi->sysinfo_size);
	kfree(info);
	return ret;
}

static const struct {
	const char *name;
	u32 value;
} gsp_registry_keys[] = {
	{ "RMSecBusResetEnable", 1 },
	{ "RMForcePcieConfigSave", 1 },
	/* the PF hosts vGPUs */
	{ "RMSetSriovMode", 1 },
};

static int gsp_send_registry(struct nvvgpu_gsp *gsp)
{
	const u32 n = ARRAY_SIZE(gsp_registry_keys);
	struct nvgsp_registry_table *t;
	size_t size, off;
	u32 i;
	int ret;

	size = struct_size(t, entries, n);
	for (i = 0; i < n; i++)
		size += strlen(gsp_registry_keys[i].name) + 1;

	t = kzalloc(size, GFP_KERNEL);
	if (!t)
		return -ENOMEM;
	t->size = size;
	t->num_entries = n;
	off = struct_size(t, entries, n);
	for (i = 0; i < n; i++) {
		size_t len = strlen(gsp_registry_keys[i].name) + 1;

		t->entries[i].name_offset = off;
		t->entries[i].type = NVGSP_REGISTRY_TYPE_DWORD;
		t->entries[i].data = gsp_registry_keys[i].value;
		t->entries[i].length = sizeof(u32);
		memcpy((u8 *)t + off, gsp_registry_keys[i].name, len);
		off += len;
	}
	ret = gsp_rpc_send(gsp, NV_VGPU_MSG_FUNCTION_SET_REGISTRY, t, size);
	kfree(t);
	return ret;
}

/**
 * gsp_boot_mem_init() - allocate and describe the memory GSP-RM boots on
 * @gsp: the transport, with @gsp->abi chosen
 *
 * Queue block with its page table, LibOS log buffers, RMARGS and the LibOS
 * region array. A reset boots on the same memory again. On failure the
 * caller frees what was allocated with gsp_mem_free_all().
 *
 * Return: 0 or -ENOMEM.
 */
int gsp_boot_mem_init(struct nvvgpu_gsp *gsp)
{
	int ret;

	ret = gsp_shared_init(gsp);
	if (ret)
		return ret;
	return gsp_libos_init(gsp);
}

/**
 * gsp_boot_start() - boot GSP-RM and wait for GSP_INIT_DONE
 * @gsp: the transport, its memory set up, the GSP core in reset
 *
 * Return: 0, -ENOMEM, -ETIMEDOUT if GSP_INIT_DONE does not come within
 * rpc_timeout_ms, -ENODEV if the firmware halts.
 */
int gsp_boot_start(struct nvvgpu_gsp *gsp)
{
	struct nvvgpu_pgpu *pgpu = gsp->pgpu;
	int i, ret;

	gsp_msgq_reset(gsp);
	for (i = 0; i < gsp->abi->log_regions; i++)
		*(u64 *)gsp->logs[i].vaddr = 0;

	ret = gsp_send_system_info(gsp);
	if (!ret)
		ret = gsp_send_registry(gsp);
	if (ret) {
		dev_err(gsp->dev, "could not queue the boot RPCs: %pe\n", ERR_PTR(ret));
		return ret;
	}

	/* loading and starting the firmware is the board's business */
	ret = nvvgpu_pgpu_fw_boot(pgpu, gsp->libos.addr);
	if (ret) {
		dev_err(gsp->dev, "could not boot GSP-RM %s: %pe\n",
			gsp->abi->version, ERR_PTR(ret));
		return ret;
	}

	ret = gsp_rpc_wait_event(gsp, NVGSP_EVENT_GSP_INIT_DONE,
				 gsp_rpc_timeout_ms);
	if (ret) {
		dev_err(gsp->dev, "GSP-RM did not complete boot: %pe\n", ERR_PTR(ret));
		return ret;
	}
	gsp->booted = true;
	return 0;
}

/**
 * gsp_unload() - tell GSP-RM the driver unloads and wait for it to suspend
 * @gsp: the transport
 *
 * Errors are logged; the caller frees the memory regardless.
 */
void gsp_unload(struct nvvgpu_gsp *gsp)
{
	struct nvgsp_rpc_unloading_guest_driver unload = {};
	u32 mbox;
	int ret;

	if (!gsp->booted || READ_ONCE(gsp->dead))
		return;

	ret = gsp_rpc_call(gsp, NV_VGPU_MSG_FUNCTION_UNLOADING_GUEST_DRIVER,
			   &unload, sizeof(unload), NULL, 0);
	if (ret) {
		dev_warn(gsp->dev, "UNLOADING_GUEST_DRIVER failed: %pe\n", ERR_PTR(ret));
		return;
	}
	ret = read_poll_timeout(nvvgpu_pgpu_rd32, mbox,
				mbox == NV_PGSP_FALCON_MAILBOX0_SUSPENDED,
				100, GSP_SUSPEND_TIMEOUT_US, false,
				gsp->pgpu, NV_PGSP_FALCON_MAILBOX0);
	if (ret)
		dev_warn(gsp->dev, "GSP did not suspend (MAILBOX0 %#x)\n", mbox);
	gsp->booted = false;
}

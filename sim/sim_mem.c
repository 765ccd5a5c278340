// SPDX-License-Identifier: GPL-2.0
/*
 * nvvgpu_sim: memory the simulated GPU reaches.
 *
 * "DMA" memory is ordinary kernel memory with fake bus addresses. Every
 * allocation is recorded, and the firmware emulator reaches host memory
 * only by translating a bus range through sim_mem_map(), which refuses
 * any range not wholly inside one live allocation, as an IOMMU would.
 * A guard gap between allocations catches overruns.
 *
 * The framebuffer is sparse: a page is allocated zeroed on first touch.
 *
 * Copyright (c) 2026 The nvvgpu developers
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <kunit/visibility.h>
#include <linux/gfp.h>
#include <linux/highmem.h>
#include <linux/mm.h>
#include <linux/sizes.h>
#include <linux/overflow.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>

#include <nvvgpu/core.h>

#include "sim.h"

/* fake bus addresses start here, per GPU, so a mix-up is visible */
#define SIM_BUS_BASE		0x100000000000ULL
#define SIM_BUS_GPU_STRIDE	0x010000000000ULL
/* largest single allocation */
#define SIM_DMA_MAX		SZ_64M

void sim_mem_init(struct sim_gpu *sim)
{
	mutex_init(&sim->mem_lock);
	INIT_LIST_HEAD(&sim->mem_regions);
	sim->mem_next_bus = SIM_BUS_BASE + sim->index * SIM_BUS_GPU_STRIDE;
	xa_init(&sim->fb_pages);
}

void sim_mem_fini(struct sim_gpu *sim)
{
	struct sim_mem_region *r, *tmp;
	unsigned long index;
	struct page *page;

	list_for_each_entry_safe(r, tmp, &sim->mem_regions, link) {
		pr_warn("gpu %u: %zu bytes at bus %#llx never freed\n",
			sim->index, r->size, r->bus);
		list_del(&r->link);
		vfree(r->vaddr);
		kfree(r);
	}
	xa_for_each(&sim->fb_pages, index, page)
		__free_page(page);
	xa_destroy(&sim->fb_pages);
	mutex_destroy(&sim->mem_lock);
}

void *sim_dma_alloc(struct nvvgpu_pgpu *pgpu, size_t size, dma_addr_t *addr)
{
	struct sim_gpu *sim = pgpu->backend_priv;
	struct sim_mem_region *r;

	if (!size || size > SIM_DMA_MAX) {
		dev_err(sim_dev(sim), "dma_alloc of %zu bytes refused\n", size);
		return NULL;
	}

	r = kzalloc(sizeof(*r), GFP_KERNEL);
	if (!r)
		return NULL;
	r->vaddr = vzalloc(PAGE_ALIGN(size));
	if (!r->vaddr) {
		kfree(r);
		return NULL;
	}
	r->size = size;

	mutex_lock(&sim->mem_lock);
	r->bus = sim->mem_next_bus;
	sim->mem_next_bus += PAGE_ALIGN(size) + PAGE_SIZE;
	list_add_tail(&r->link, &sim->mem_regions);
	mutex_unlock(&sim->mem_lock);

	*addr = r->bus;
	return r->vaddr;
}

void sim_dma_free(struct nvvgpu_pgpu *pgpu, size_t size, void *vaddr,
		  dma_addr_t addr)
{
	struct sim_gpu *sim = pgpu->backend_priv;
	struct sim_mem_region *r, *found = NULL;

	if (!vaddr)
		return;

	/* the firmware must not keep using memory the host takes back */
	sim_gsp_forget(sim, addr, size);

	mutex_lock(&sim->mem_lock);
	list_for_each_entry(r, &sim->mem_regions, link) {
		if (r->bus == addr) {
			found = r;
			break;
		}
	}
	if (found && (found->vaddr != vaddr || found->size != size)) {
		dev_err(sim_dev(sim),
			"dma_free of bus %#llx with wrong address or size (%zu, allocated %zu); leaking it\n",
			(u64)addr, size, found->size);
		found = NULL;
	} else if (found) {
		list_del(&found->link);
	} else {
		dev_err(sim_dev(sim), "dma_free of unknown bus address %#llx\n",
			(u64)addr);
	}
	mutex_unlock(&sim->mem_lock);

	if (found) {
		vfree(found->vaddr);
		kfree(found);
	}
}

/**
 * sim_mem_map() - translate a bus range the firmware was given
 * @sim: the GPU
 * @bus: bus address
 * @len: bytes, non-zero
 *
 * Return: the kernel address of @bus, or NULL unless [@bus, @bus + @len)
 * lies inside one live allocation.
 */
void *sim_mem_map(struct sim_gpu *sim, u64 bus, size_t len)
{
	struct sim_mem_region *r;
	void *vaddr = NULL;
	u64 end;

	if (!len || check_add_overflow(bus, (u64)len, &end))
		return NULL;

	mutex_lock(&sim->mem_lock);
	list_for_each_entry(r, &sim->mem_regions, link) {
		if (bus >= r->bus && end <= r->bus + r->size) {
			vaddr = r->vaddr + (bus - r->bus);
			break;
		}
	}
	mutex_unlock(&sim->mem_lock);
	return vaddr;
}

struct page *sim_fb_page(struct nvvgpu_pgpu *pgpu, u64 offset)
{
	struct sim_gpu *sim = pgpu->backend_priv;
	unsigned long index = offset >> PAGE_SHIFT;
	struct page *page, *old;

	if (offset >= sim->fb_size || !PAGE_ALIGNED(offset))
		return NULL;

	page = xa_load(&sim->fb_pages, index);
	if (page)
		return page;

	page = alloc_page(GFP_KERNEL | __GFP_ZERO);
	if (!page)
		return NULL;
	old = xa_cmpxchg(&sim->fb_pages, index, NULL, page, GFP_KERNEL);
	if (xa_is_err(old)) {
		__free_page(page);
		return NULL;
	}
	if (old) {
		/* lost a race with another first touch */
		__free_page(page);
		return old;
	}
	return page;
}
EXPORT_SYMBOL_IF_KUNIT(sim_fb_page);

/*
 * The CPU reaches the sim's FB through the pages that back it; a real
 * board would hand out BAR1 aperture pages here instead.
 */
int sim_fb_pfn(struct nvvgpu_pgpu *pgpu, u64 offset, unsigned long *pfn)
{
	struct sim_gpu *sim = pgpu->backend_priv;
	struct page *page;

	if (offset >= sim->fb_size || !PAGE_ALIGNED(offset))
		return -ERANGE;
	page = sim_fb_page(pgpu, offset);
	if (!page)
		return -ENOMEM;
	*pfn = page_to_pfn(page);
	return 0;
}

int sim_fb_rw(struct nvvgpu_pgpu *pgpu, u64 offset, void *buf, size_t len,
	      bool write)
{
	struct sim_gpu *sim = pgpu->backend_priv;
	u64 end;

	if (check_add_overflow(offset, (u64)len, &end) || end > sim->fb_size)
		return -ERANGE;
	while (len) {
		size_t in_page = offset_in_page(offset);
		size_t n = min_t(size_t, len, PAGE_SIZE - in_page);
		struct page *page = sim_fb_page(pgpu, offset - in_page);
		void *vaddr;

		if (!page)
			return -ENOMEM;
		vaddr = kmap_local_page(page);
		if (write) {
			memcpy(vaddr + in_page, buf, n);
			flush_dcache_page(page);
		} else {
			memcpy(buf, vaddr + in_page, n);
		}
		kunmap_local(vaddr);
		buf += n;
		offset += n;
		len -= n;
	}
	return 0;
}

int sim_fb_clear(struct nvvgpu_pgpu *pgpu, u64 offset, u64 size)
{
	struct sim_gpu *sim = pgpu->backend_priv;
	unsigned long index;
	struct page *page;
	u64 end;

	if (!size || !PAGE_ALIGNED(offset) || !PAGE_ALIGNED(size) ||
	    check_add_overflow(offset, size, &end) || end > sim->fb_size) {
		dev_err(sim_dev(sim), "fb_clear of %#llx+%#llx outside FB\n",
			offset, size);
		return -EINVAL;
	}
	/*
	 * Untouched pages already read as zero. Touched ones are zeroed in
	 * place rather than freed: a stale mapping must never reach a page
	 * that went back to the allocator.
	 */
	xa_for_each_range(&sim->fb_pages, index, page, offset >> PAGE_SHIFT,
			  (end >> PAGE_SHIFT) - 1) {
		clear_highpage(page);
		cond_resched();
	}
	return 0;
}

/**
 * sim_fb_used() - bytes of a framebuffer range that were ever touched
 * @sim: the GPU
 * @base: start
 * @size: bytes
 *
 * Return: touched pages in the range, in bytes.
 */
u64 sim_fb_used(struct sim_gpu *sim, u64 base, u64 size)
{
	unsigned long first = base >> PAGE_SHIFT, index;
	unsigned long last = (base + size - 1) >> PAGE_SHIFT;
	struct page *page;
	u64 used = 0;

	if (!size)
		return 0;
	xa_for_each_range(&sim->fb_pages, index, page, first, last)
		used += PAGE_SIZE;
	return used;
}

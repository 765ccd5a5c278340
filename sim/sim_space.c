// SPDX-License-Identifier: GPL-2.0
/*
 * nvvgpu_sim: a function's address space, as its channels and its plugin
 * see it: the host's is the usable framebuffer, a vGPU's its guest FB
 * segments laid end to end.
 *
 * Copyright (c) 2026 The nvvgpu developers
 */
#include <kunit/visibility.h>
#include <linux/highmem.h>
#include <linux/lockdep.h>
#include <linux/minmax.h>
#include <linux/overflow.h>
#include <linux/slab.h>
#include <linux/string.h>

#include <nvvgpu/core.h>

#include "sim.h"

/**
 * sim_space_init() - snapshot the address space of a function
 * @sim: the GPU
 * @gfid: 0 for the host, else a GFID whose plugin is bootloaded
 * @sp: filled in; release with sim_space_fini()
 *
 * The snapshot stays valid while the function's plugin is up: the channels
 * that use it are torn down before its segments go (shutdown, cleanup,
 * FLR). Called with the emulator lock held, since a vGPU's segments are the
 * emulator's.
 *
 * Return: 0; -ENODEV if @gfid has no plugin; -ENOMEM.
 */
int sim_space_init(struct sim_gpu *sim, u32 gfid, struct sim_space *sp)
{
	struct sim_vgpu *v;

	lockdep_assert_held(&sim->gsp.lock);

	memset(sp, 0, sizeof(*sp));
	sp->gfid = gfid;
	if (!gfid) {
		sp->segs = kmalloc(sizeof(*sp->segs), GFP_KERNEL);
		if (!sp->segs)
			return -ENOMEM;
		sp->segs[0][0] = 0;
		sp->segs[0][1] = sim->fb_usable;
		sp->num_segs = 1;
		sp->size = sim->fb_usable;
		return 0;
	}

	if (gfid > SIM_MAX_GFID)
		return -ENODEV;
	v = &sim->vgpus[gfid - 1];
	if (v->state != SIM_VGPU_BOOTED || !v->num_segments)
		return -ENODEV;
	sp->segs = kmemdup(v->segs, v->num_segments * sizeof(*v->segs),
			   GFP_KERNEL);
	if (!sp->segs)
		return -ENOMEM;
	sp->num_segs = v->num_segments;
	sp->size = v->fb_size;
	return 0;
}

/**
 * sim_space_fini() - release a snapshot
 * @sp: from sim_space_init(); may be zeroed
 */
void sim_space_fini(struct sim_space *sp)
{
	kfree(sp->segs);
	sp->segs = NULL;
	sp->num_segs = 0;
	sp->base = 0;
	sp->size = 0;
}

/**
 * sim_space_contains() - is a range wholly inside the address space?
 * @sp: the address space
 * @addr: function-relative start
 * @len: bytes
 *
 * Return: true if [@addr, @addr + @len) lies inside.
 */
bool sim_space_contains(const struct sim_space *sp, u64 addr, u64 len)
{
	u64 end;

	return addr >= sp->base && !check_add_overflow(addr, len, &end) &&
	       end <= sp->size;
}

/**
 * sim_space_find_phys() - where a range of the space lies on a physical range
 * @sp: the address space
 * @addr: function-relative start
 * @len: bytes
 * @phys: physical FB offset of the range looked for (an ECC page)
 * @plen: its bytes
 * @at: set to the lowest function address in [@addr, @addr + @len) whose
 *	byte lies in [@phys, @phys + @plen)
 *
 * Pure arithmetic over the segments; any context.
 *
 * Return: true if one does.
 */
bool sim_space_find_phys(const struct sim_space *sp, u64 addr, u64 len,
			 u64 phys, u64 plen, u64 *at)
{
	u64 fbase = 0, end, pend, a, b, lo, hi;
	u32 s;

	if (check_add_overflow(addr, len, &end))
		end = U64_MAX;
	if (check_add_overflow(phys, plen, &pend))
		pend = U64_MAX;
	for (s = 0; s < sp->num_segs; fbase += sp->segs[s][1], s++) {
		u64 sphys = sp->segs[s][0], slen = sp->segs[s][1];

		/* the part of the range in this segment, function-relative */
		a = max(addr, fbase);
		b = min(end, fbase + slen);
		if (a >= b)
			continue;
		/* ... and physical, cut to the range looked for */
		lo = max(sphys + (a - fbase), phys);
		hi = min(sphys + (b - fbase), pend);
		if (lo < hi) {
			*at = fbase + (lo - sphys);
			return true;
		}
	}
	return false;
}
EXPORT_SYMBOL_IF_KUNIT(sim_space_find_phys);

/* physical FB offset of function address @addr and how far it runs on */
static u64 sim_space_phys(const struct sim_space *sp, u64 addr, u64 *run)
{
	u32 s;

	for (s = 0; s < sp->num_segs; s++) {
		if (addr < sp->segs[s][1]) {
			*run = sp->segs[s][1] - addr;
			return sp->segs[s][0] + addr;
		}
		addr -= sp->segs[s][1];
	}
	*run = 0;
	return 0;
}

/**
 * sim_space_rw() - read or write bytes of a function's address space
 * @sim: the GPU
 * @sp: the address space
 * @addr: function-relative address
 * @buf: source or destination
 * @len: bytes
 * @write: write @buf into the space, else read from it
 *
 * Untouched FB pages read as zero without being allocated. Process context;
 * may sleep (a write may allocate a page).
 *
 * Return: 0; -EFAULT if the range leaves the space (nothing is accessed);
 * -ENOMEM.
 */
int sim_space_rw(struct sim_gpu *sim, const struct sim_space *sp, u64 addr,
		 void *buf, size_t len, bool write)
{
	struct nvvgpu_pgpu *pgpu = READ_ONCE(sim->pgpu);
	u8 *p = buf;

	if (!sim_space_contains(sp, addr, len))
		return -EFAULT;

	while (len) {
		u64 run, phys = sim_space_phys(sp, addr, &run);
		size_t off = offset_in_page(phys);
		size_t n = min3((u64)len, run, (u64)(PAGE_SIZE - off));
		struct page *page;

		if (!n)
			return -EFAULT;
		if (write) {
			page = pgpu ? sim_fb_page(pgpu, phys - off) : NULL;
			if (!page)
				return -ENOMEM;
			memcpy_to_page(page, off, p, n);
		} else {
			page = xa_load(&sim->fb_pages, phys >> PAGE_SHIFT);
			if (page)
				memcpy_from_page(p, page, off, n);
			else
				memset(p, 0, n);
		}
		p += n;
		addr += n;
		len -= n;
	}
	return 0;
}

// SPDX-License-Identifier: GPL-2.0
/*
 * nvvgpu mm: an allocator of aligned ranges on a sorted list, filled from
 * either end.
 *
 * Copyright (c) 2026 The nvvgpu developers
 */

#include <linux/errno.h>
#include <linux/math64.h>
#include <linux/slab.h>
#include <kunit/visibility.h>

#include "mm_range.h"

/**
 * nvvgpu_mm_init() - set an allocator up over [@start, @end)
 * @a: the allocator
 * @start: first unit
 * @end: one past the last unit
 */
void nvvgpu_mm_init(struct nvvgpu_mm_allocator *a, u64 start, u64 end)
{
	a->start = start;
	a->end = end;
	INIT_LIST_HEAD(&a->used);
}
EXPORT_SYMBOL_IF_KUNIT(nvvgpu_mm_init);

/**
 * nvvgpu_mm_fini() - free the ranges nvvgpu_mm_alloc() and nvvgpu_mm_reserve()
 *	allocated
 * @a: the allocator, holding no node of its caller's any more
 */
void nvvgpu_mm_fini(struct nvvgpu_mm_allocator *a)
{
	struct nvvgpu_mm_range *r, *tmp;

	list_for_each_entry_safe(r, tmp, &a->used, link) {
		list_del(&r->link);
		kfree(r);
	}
}
EXPORT_SYMBOL_IF_KUNIT(nvvgpu_mm_fini);

/* first aligned start in [gstart, gend) with room for @size, or U64_MAX */
static u64 nvvgpu_mm_fit(u64 gstart, u64 gend, u64 size, u64 align)
{
	u64 s = roundup(gstart, align);

	if (s < gstart || s >= gend || gend - s < size)
		return U64_MAX;
	return s;
}

/* last aligned start in [gstart, gend) with room for @size, or U64_MAX */
static u64 nvvgpu_mm_fit_top(u64 gstart, u64 gend, u64 size, u64 align)
{
	u64 s;

	if (gend < gstart || gend - gstart < size)
		return U64_MAX;
	s = rounddown(gend - size, align);
	return s < gstart ? U64_MAX : s;
}

/* the range at @pos of @a's list, NULL at its head */
static struct nvvgpu_mm_range *nvvgpu_mm_entry(struct nvvgpu_mm_allocator *a,
					       struct list_head *pos)
{
	return pos == &a->used ? NULL :
	       list_entry(pos, struct nvvgpu_mm_range, link);
}

/* where the gap after @prev starts (NULL: the first gap) */
static u64 nvvgpu_mm_gap_start(const struct nvvgpu_mm_allocator *a,
			       const struct nvvgpu_mm_range *prev)
{
	return prev ? prev->start + prev->size : a->start;
}

/**
 * nvvgpu_mm_insert() - place @r, from the bottom or from the top
 * @a: the allocator
 * @r: the caller's node, not in any allocator
 * @size: units wanted, non-zero
 * @align: alignment of the start, non-zero
 * @top: place @r at the highest aligned start of the highest gap that holds
 *	it, instead of the lowest aligned start of the lowest one
 *
 * Either way @r takes one end of a gap, so each gap still holds as many
 * ranges of a size as it did less the one taken, wherever it lies: what
 * nvvgpu_mm_capacity() counts stays exact whatever mix of ends is used.
 *
 * Return: 0, @r holding the range; -EINVAL for a zero size or alignment;
 * -ENOSPC if no gap fits.
 */
int nvvgpu_mm_insert(struct nvvgpu_mm_allocator *a, struct nvvgpu_mm_range *r,
		     u64 size, u64 align, bool top)
{
	struct nvvgpu_mm_range *before, *next;
	struct list_head *prev;
	u64 gend, s;

	if (!size || !align)
		return -EINVAL;

	if (top) {
		/* the gaps from the top, each after @prev */
		gend = a->end;
		for (prev = a->used.prev; ; prev = prev->prev) {
			before = nvvgpu_mm_entry(a, prev);
			s = nvvgpu_mm_fit_top(nvvgpu_mm_gap_start(a, before), gend,
					      size, align);
			if (s != U64_MAX)
				goto found;
			if (!before)
				return -ENOSPC;
			gend = before->start;
		}
	}
	for (prev = &a->used; ; prev = prev->next) {
		next = nvvgpu_mm_entry(a, prev->next);
		s = nvvgpu_mm_fit(nvvgpu_mm_gap_start(a, nvvgpu_mm_entry(a, prev)),
				  next ? next->start : a->end, size, align);
		if (s != U64_MAX)
			goto found;
		if (!next)
			return -ENOSPC;
	}

found:
	r->start = s;
	r->size = size;
	/* after @prev: the list stays sorted */
	list_add(&r->link, prev);
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(nvvgpu_mm_insert);

/**
 * nvvgpu_mm_insert_at() - place @r at exactly [@start, @start + @size)
 * @a: the allocator
 * @r: the caller's node, not in any allocator
 * @start: first unit
 * @size: units, non-zero
 *
 * For ranges that were placed before, by this allocator or another one
 * (a hand-over): nothing is moved, nothing is aligned.
 *
 * Return: 0; -EINVAL for a zero size; -ENOSPC if the range does not lie
 * within the allocator's [start, end); -EBUSY if it overlaps a range.
 * Nothing changes on error.
 */
int nvvgpu_mm_insert_at(struct nvvgpu_mm_allocator *a,
			struct nvvgpu_mm_range *r, u64 start, u64 size)
{
	struct nvvgpu_mm_range *prev = NULL, *next;

	if (!size)
		return -EINVAL;
	if (start < a->start || start > a->end || a->end - start < size)
		return -ENOSPC;

	/* @prev: the last range that starts below @start */
	list_for_each_entry(next, &a->used, link) {
		if (next->start >= start)
			break;
		prev = next;
	}
	if (prev && prev->start + prev->size > start)
		return -EBUSY;
	if (!list_entry_is_head(next, &a->used, link) &&
	    next->start - start < size)
		return -EBUSY;

	r->start = start;
	r->size = size;
	list_add(&r->link, prev ? &prev->link : &a->used);
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(nvvgpu_mm_insert_at);

/**
 * nvvgpu_mm_remove() - take @r out of its allocator
 * @a: the allocator
 * @r: a node placed by nvvgpu_mm_insert() or nvvgpu_mm_insert_at()
 */
void nvvgpu_mm_remove(struct nvvgpu_mm_allocator *a, struct nvvgpu_mm_range *r)
{
	list_del(&r->link);
}
EXPORT_SYMBOL_IF_KUNIT(nvvgpu_mm_remove);

/**
 * nvvgpu_mm_alloc() - allocate an aligned range, lowest address first
 * @a: the allocator
 * @size: units wanted, non-zero
 * @align: alignment of the start, non-zero
 * @start: where to store the start of the range
 *
 * nvvgpu_mm_insert() from the bottom, on a node of the allocator's own,
 * for ranges nobody keeps a record of (the host's windows).
 *
 * Return: 0; -EINVAL for a zero size or alignment; -ENOSPC if no gap fits;
 * -ENOMEM.
 */
int nvvgpu_mm_alloc(struct nvvgpu_mm_allocator *a, u64 size, u64 align,
		    u64 *start)
{
	struct nvvgpu_mm_range *r;
	int err;

	if (!size || !align)
		return -EINVAL;
	r = kzalloc(sizeof(*r), GFP_KERNEL);
	if (!r)
		return -ENOMEM;
	err = nvvgpu_mm_insert(a, r, size, align, false);
	if (err) {
		kfree(r);
		return err;
	}
	*start = r->start;
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(nvvgpu_mm_alloc);

/**
 * nvvgpu_mm_reserve() - reserve exactly [@start, @start + @size)
 * @a: the allocator
 * @start: first unit
 * @size: units, non-zero
 *
 * nvvgpu_mm_insert_at() on a node of the allocator's own; the range is
 * freed with nvvgpu_mm_free(@a, @start) like an allocated one.
 *
 * Return: 0; -EINVAL for a zero size; -ENOSPC if the range does not lie
 * within the allocator's [start, end); -EBUSY if it overlaps an allocated
 * range; -ENOMEM. Nothing changes on error.
 */
int nvvgpu_mm_reserve(struct nvvgpu_mm_allocator *a, u64 start, u64 size)
{
	struct nvvgpu_mm_range *r;
	int err;

	if (!size)
		return -EINVAL;
	r = kzalloc(sizeof(*r), GFP_KERNEL);
	if (!r)
		return -ENOMEM;
	err = nvvgpu_mm_insert_at(a, r, start, size);
	if (err)
		kfree(r);
	return err;
}
EXPORT_SYMBOL_IF_KUNIT(nvvgpu_mm_reserve);

/**
 * nvvgpu_mm_free() - free the range that starts at @start
 * @a: the allocator
 * @start: start returned by nvvgpu_mm_alloc() or given to nvvgpu_mm_reserve()
 *
 * Only for ranges on the allocator's own nodes.
 *
 * Return: 0; -ENOENT if no range starts there.
 */
int nvvgpu_mm_free(struct nvvgpu_mm_allocator *a, u64 start)
{
	struct nvvgpu_mm_range *r;

	list_for_each_entry(r, &a->used, link) {
		if (r->start == start) {
			list_del(&r->link);
			kfree(r);
			return 0;
		}
	}
	return -ENOENT;
}
EXPORT_SYMBOL_IF_KUNIT(nvvgpu_mm_free);

/**
 * nvvgpu_mm_capacity() - how many more ranges of @size would fit
 * @a: the allocator
 * @size: units per range, non-zero
 * @align: alignment of each start, non-zero
 *
 * Counts exactly what repeated nvvgpu_mm_insert() calls would place, from
 * either end (DOC there): each gap holds one range at its first aligned
 * start, then one every aligned stride while the last still fits.
 *
 * Return: the number of ranges.
 */
u64 nvvgpu_mm_capacity(const struct nvvgpu_mm_allocator *a, u64 size,
		       u64 align)
{
	const struct nvvgpu_mm_range *r;
	u64 gstart = a->start, s, stride, n = 0;

	if (!size || !align)
		return 0;
	stride = roundup(size, align);

	/* the gap before each range, then the one after the last */
	list_for_each_entry(r, &a->used, link) {
		s = nvvgpu_mm_fit(gstart, r->start, size, align);
		if (s != U64_MAX)
			n += 1 + div64_u64(r->start - s - size, stride);
		gstart = r->start + r->size;
	}
	s = nvvgpu_mm_fit(gstart, a->end, size, align);
	if (s != U64_MAX)
		n += 1 + div64_u64(a->end - s - size, stride);
	return n;
}
EXPORT_SYMBOL_IF_KUNIT(nvvgpu_mm_capacity);

/**
 * nvvgpu_mm_used() - units allocated
 * @a: the allocator
 *
 * Return: the sum of the sizes of all allocated ranges.
 */
u64 nvvgpu_mm_used(const struct nvvgpu_mm_allocator *a)
{
	struct nvvgpu_mm_range *r;
	u64 n = 0;

	list_for_each_entry(r, &a->used, link)
		n += r->size;
	return n;
}
EXPORT_SYMBOL_IF_KUNIT(nvvgpu_mm_used);

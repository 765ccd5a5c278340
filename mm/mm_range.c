// SPDX-License-Identifier: GPL-2.0
/*
 * nvvgpu mm: a first-fit allocator of aligned ranges.
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
 * nvvgpu_mm_fini() - free what is still allocated
 * @a: the allocator
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

/* the range after @r, the first one for a NULL @r, NULL after the last */
static struct nvvgpu_mm_range *nvvgpu_mm_next(struct nvvgpu_mm_allocator *a,
					      struct nvvgpu_mm_range *r)
{
	if (!r)
		return list_first_entry_or_null(&a->used, struct nvvgpu_mm_range,
						link);
	return list_is_last(&r->link, &a->used) ? NULL : list_next_entry(r, link);
}

/* first aligned start in [gstart, gend) with room for @size, or U64_MAX */
static u64 nvvgpu_mm_fit(u64 gstart, u64 gend, u64 size, u64 align)
{
	u64 s = roundup(gstart, align);

	if (s < gstart || s >= gend || gend - s < size)
		return U64_MAX;
	return s;
}

/**
 * nvvgpu_mm_alloc() - allocate an aligned range, lowest address first
 * @a: the allocator
 * @size: units wanted, non-zero
 * @align: alignment of the start, non-zero
 * @start: where to store the start of the range
 *
 * Return: 0; -EINVAL for a zero size or alignment; -ENOSPC if no gap fits;
 * -ENOMEM.
 */
int nvvgpu_mm_alloc(struct nvvgpu_mm_allocator *a, u64 size, u64 align,
		    u64 *start)
{
	struct nvvgpu_mm_range *prev = NULL, *next, *new;
	u64 gstart, gend, s;

	if (!size || !align)
		return -EINVAL;

	/* the gaps lie between @prev and @next */
	do {
		next = nvvgpu_mm_next(a, prev);
		gstart = prev ? prev->start + prev->size : a->start;
		gend = next ? next->start : a->end;
		s = nvvgpu_mm_fit(gstart, gend, size, align);
		if (s != U64_MAX) {
			new = kzalloc(sizeof(*new), GFP_KERNEL);
			if (!new)
				return -ENOMEM;
			new->start = s;
			new->size = size;
			/* keeps the list sorted */
			list_add(&new->link, prev ? &prev->link : &a->used);
			*start = s;
			return 0;
		}
		prev = next;
	} while (next);
	return -ENOSPC;
}
EXPORT_SYMBOL_IF_KUNIT(nvvgpu_mm_alloc);

/**
 * nvvgpu_mm_reserve() - reserve exactly [@start, @start + @size)
 * @a: the allocator
 * @start: first unit
 * @size: units, non-zero
 *
 * For ranges that were placed before, by this allocator or another one
 * (a hand-over): nothing is moved, nothing is aligned. The range is freed
 * with nvvgpu_mm_free(@a, @start) like an allocated one.
 *
 * Return: 0; -EINVAL for a zero size; -ENOSPC if the range does not lie
 * within the allocator's [start, end); -EBUSY if it overlaps an allocated
 * range; -ENOMEM. Nothing changes on error.
 */
int nvvgpu_mm_reserve(struct nvvgpu_mm_allocator *a, u64 start, u64 size)
{
	struct nvvgpu_mm_range *prev = NULL, *r, *new;

	if (!size)
		return -EINVAL;
	if (start < a->start || start > a->end || a->end - start < size)
		return -ENOSPC;

	/* @prev: the last range that starts below @start */
	list_for_each_entry(r, &a->used, link) {
		if (r->start >= start)
			break;
		prev = r;
	}
	if (prev && prev->start + prev->size > start)
		return -EBUSY;
	if (!list_entry_is_head(r, &a->used, link) && r->start - start < size)
		return -EBUSY;

	new = kzalloc(sizeof(*new), GFP_KERNEL);
	if (!new)
		return -ENOMEM;
	new->start = start;
	new->size = size;
	list_add(&new->link, prev ? &prev->link : &a->used);
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(nvvgpu_mm_reserve);

/**
 * nvvgpu_mm_free() - free the range that starts at @start
 * @a: the allocator
 * @start: start returned by nvvgpu_mm_alloc()
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
 * Counts exactly what repeated nvvgpu_mm_alloc() calls would place, since
 * first fit fills each gap from its aligned start.
 *
 * Return: the number of ranges.
 */
u64 nvvgpu_mm_capacity(struct nvvgpu_mm_allocator *a, u64 size,
		       u64 align)
{
	struct nvvgpu_mm_range *prev = NULL, *next;
	u64 gstart, gend, s, stride, n = 0;

	if (!size || !align)
		return 0;
	stride = roundup(size, align);

	do {
		next = nvvgpu_mm_next(a, prev);
		gstart = prev ? prev->start + prev->size : a->start;
		gend = next ? next->start : a->end;
		s = nvvgpu_mm_fit(gstart, gend, size, align);
		/* one at s, then one every stride while the last still fits */
		if (s != U64_MAX)
			n += 1 + div64_u64(gend - s - size, stride);
		prev = next;
	} while (next);
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

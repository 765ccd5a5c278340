// SPDX-License-Identifier: GPL-2.0
/*
 * nvvgpu mm: the partitions of one pgpu (guest FB with heap, host FB,
 * channel IDs) on the first-fit range allocator of mm_range.c. No locking,
 * no pgpu, no vGPU: mm_main.c calls these under its lock, and the KUnit
 * suites and the allocator benchmark call them as they are.
 *
 * Copyright (c) 2026 The nvvgpu developers
 */

#include <linux/errno.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <kunit/visibility.h>

#include "mm_map.h"
#include "mm_range.h"

/**
 * nvvgpu_mm_map_init() - an empty map over a pgpu's partition space
 * @map: the map
 * @layout: the partition space (nvvgpu_mm_layout_init())
 */
void nvvgpu_mm_map_init(struct nvvgpu_mm_map *map,
			const struct nvvgpu_mm_layout *layout)
{
	map->layout = *layout;
	nvvgpu_mm_init(&map->fb, layout->host_fb, layout->fb_end);
	nvvgpu_mm_init(&map->host, 0, layout->host_fb);
	nvvgpu_mm_init(&map->chid, layout->host_chids, layout->num_channels);
	INIT_LIST_HEAD(&map->vgpus);
	INIT_LIST_HEAD(&map->retired);
}
EXPORT_SYMBOL_IF_KUNIT(nvvgpu_mm_map_init);

/**
 * nvvgpu_mm_map_fini() - free the map's ranges and records
 * @map: the map
 *
 * The records of live vGPUs go too: after a hand-over their vGPUs belong
 * to another provider, and nothing is scrubbed.
 */
void nvvgpu_mm_map_fini(struct nvvgpu_mm_map *map)
{
	struct nvvgpu_mm_vgpu *rec, *tmp;

	list_for_each_entry_safe(rec, tmp, &map->vgpus, link) {
		list_del(&rec->link);
		kfree(rec);
	}
	list_for_each_entry_safe(rec, tmp, &map->retired, link) {
		list_del(&rec->link);
		kfree(rec);
	}
	nvvgpu_mm_fini(&map->fb);
	nvvgpu_mm_fini(&map->host);
	nvvgpu_mm_fini(&map->chid);
}
EXPORT_SYMBOL_IF_KUNIT(nvvgpu_mm_map_fini);

static u64 nvvgpu_mm_map_chunk(const struct nvvgpu_vgpu_type *type)
{
	return type->fb_size + type->heap_size;
}

/**
 * nvvgpu_mm_map_vgpu_alloc() - place a vGPU of @type
 * @map: the map
 * @type: the vGPU's type
 * @recp: where to store the vGPU's record, for nvvgpu_mm_map_vgpu_free()
 * @part: where to describe what was reserved
 *
 * The guest FB and heap make one chunk placed first fit at a VMMU-segment
 * aligned start, the channel IDs one range placed first fit.
 *
 * Return: 0; -EINVAL for a type without FB or channels; -ENOSPC if it does
 * not fit; -ENOMEM. Nothing changes on error.
 */
int nvvgpu_mm_map_vgpu_alloc(struct nvvgpu_mm_map *map,
			     const struct nvvgpu_vgpu_type *type,
			     struct nvvgpu_mm_vgpu **recp,
			     struct nvvgpu_partition *part)
{
	struct nvvgpu_mm_vgpu *rec;
	u64 chunk, chid;
	int err;

	if (!type->fb_size || !type->num_channels)
		return -EINVAL;
	rec = kzalloc(sizeof(*rec), GFP_KERNEL);
	if (!rec)
		return -ENOMEM;

	err = nvvgpu_mm_alloc(&map->fb, nvvgpu_mm_map_chunk(type),
			      map->layout.segment, &chunk);
	if (err)
		goto err_free;
	err = nvvgpu_mm_alloc(&map->chid, type->num_channels, 1, &chid);
	if (err)
		goto err_fb;

	list_add_tail(&rec->link, &map->vgpus);
	rec->fb = chunk;
	rec->fb_size = nvvgpu_mm_map_chunk(type);
	rec->chid = chid;
	rec->chid_count = type->num_channels;
	*recp = rec;
	part->fb_offset = chunk;
	part->fb_size = type->fb_size;
	part->heap_offset = chunk + type->fb_size;
	part->heap_size = type->heap_size;
	part->chid_base = chid;
	part->chid_count = type->num_channels;
	return 0;

err_fb:
	nvvgpu_mm_free(&map->fb, chunk);
err_free:
	kfree(rec);
	return err;
}
EXPORT_SYMBOL_IF_KUNIT(nvvgpu_mm_map_vgpu_alloc);

/**
 * nvvgpu_mm_map_vgpu_free() - release what a vGPU holds
 * @map: the map
 * @rec: the vGPU's record, from nvvgpu_mm_map_vgpu_alloc() or
 *	nvvgpu_mm_map_rebuild()
 * @retire: keep its framebuffer out of circulation (its scrub failed); its
 *	channel IDs are released all the same
 *
 * Scrubbing is the caller's, before: a released range may be handed out
 * at once. @rec is freed, or kept on the map's retired list.
 */
void nvvgpu_mm_map_vgpu_free(struct nvvgpu_mm_map *map,
			     struct nvvgpu_mm_vgpu *rec, bool retire)
{
	list_del(&rec->link);
	nvvgpu_mm_free(&map->chid, rec->chid);
	rec->chid_count = 0;
	if (retire) {
		list_add_tail(&rec->link, &map->retired);
		return;
	}
	nvvgpu_mm_free(&map->fb, rec->fb);
	if (rec->heap_size)
		nvvgpu_mm_free(&map->fb, rec->heap);
	kfree(rec);
}
EXPORT_SYMBOL_IF_KUNIT(nvvgpu_mm_map_vgpu_free);

/**
 * nvvgpu_mm_map_capacity() - how many more vGPUs of @type would fit
 * @map: the map
 * @type: the type
 *
 * Exact: as many nvvgpu_mm_map_vgpu_alloc() calls for @type would succeed.
 *
 * Return: the number of vGPUs.
 */
u64 nvvgpu_mm_map_capacity(struct nvvgpu_mm_map *map,
			   const struct nvvgpu_vgpu_type *type)
{
	u64 fb, chid;

	if (!type->fb_size || !type->num_channels)
		return 0;
	fb = nvvgpu_mm_capacity(&map->fb, nvvgpu_mm_map_chunk(type),
				map->layout.segment);
	chid = nvvgpu_mm_capacity(&map->chid, type->num_channels, 1);
	return min(fb, chid);
}
EXPORT_SYMBOL_IF_KUNIT(nvvgpu_mm_map_capacity);

/**
 * nvvgpu_mm_map_host_alloc() - place a window in the host's framebuffer
 * @map: the map
 * @size: bytes, page aligned
 * @offset: where to store its start
 *
 * Return: 0; -EINVAL for a size that is zero or not page aligned; -ENOSPC;
 * -ENOMEM.
 */
int nvvgpu_mm_map_host_alloc(struct nvvgpu_mm_map *map, u64 size,
			     u64 *offset)
{
	if (!size || !PAGE_ALIGNED(size))
		return -EINVAL;
	return nvvgpu_mm_alloc(&map->host, size, PAGE_SIZE, offset);
}
EXPORT_SYMBOL_IF_KUNIT(nvvgpu_mm_map_host_alloc);

/**
 * nvvgpu_mm_map_host_free() - release a window of the host's framebuffer
 * @map: the map
 * @offset: its start
 *
 * Return: 0, or -ENOENT if no window starts there.
 */
int nvvgpu_mm_map_host_free(struct nvvgpu_mm_map *map, u64 offset)
{
	return nvvgpu_mm_free(&map->host, offset);
}
EXPORT_SYMBOL_IF_KUNIT(nvvgpu_mm_map_host_free);

/* reserve one vGPU's ranges, all or none */
static int nvvgpu_mm_map_reserve_vgpu(struct nvvgpu_mm_map *map,
				      const struct nvvgpu_partition *p,
				      struct nvvgpu_mm_vgpu **recp)
{
	struct nvvgpu_mm_vgpu *rec;
	bool apart;
	int err;

	if (!p->fb_size || !p->chid_count)
		return -EINVAL;
	rec = kzalloc(sizeof(*rec), GFP_KERNEL);
	if (!rec)
		return -ENOMEM;

	/* the heap is one chunk with the guest FB wherever it follows it */
	apart = p->heap_size && p->heap_offset != p->fb_offset + p->fb_size;
	rec->fb = p->fb_offset;
	rec->fb_size = p->fb_size + (apart ? 0 : p->heap_size);
	if (rec->fb_size < p->fb_size) {
		err = -EINVAL;
		goto err_free;
	}
	err = nvvgpu_mm_reserve(&map->fb, rec->fb, rec->fb_size);
	if (err)
		goto err_free;
	if (apart) {
		rec->heap = p->heap_offset;
		rec->heap_size = p->heap_size;
		err = nvvgpu_mm_reserve(&map->fb, rec->heap, rec->heap_size);
		if (err)
			goto err_fb;
	}
	rec->chid = p->chid_base;
	rec->chid_count = p->chid_count;
	err = nvvgpu_mm_reserve(&map->chid, rec->chid, rec->chid_count);
	if (err)
		goto err_heap;
	list_add_tail(&rec->link, &map->vgpus);
	*recp = rec;
	return 0;

err_heap:
	if (apart)
		nvvgpu_mm_free(&map->fb, rec->heap);
err_fb:
	nvvgpu_mm_free(&map->fb, rec->fb);
err_free:
	kfree(rec);
	return err;
}

/* reserve one range that no vGPU holds */
static int nvvgpu_mm_map_reserve_extent(struct nvvgpu_mm_map *map,
					const struct nvvgpu_mm_extent *e)
{
	struct nvvgpu_mm_vgpu *rec;
	int err;

	switch (e->use) {
	case NVVGPU_MM_USE_HOST_FB:
		return nvvgpu_mm_reserve(&map->host, e->start, e->size);
	case NVVGPU_MM_USE_RETIRED:
		rec = kzalloc(sizeof(*rec), GFP_KERNEL);
		if (!rec)
			return -ENOMEM;
		err = nvvgpu_mm_reserve(&map->fb, e->start, e->size);
		if (err) {
			kfree(rec);
			return err;
		}
		rec->fb = e->start;
		rec->fb_size = e->size;
		list_add_tail(&rec->link, &map->retired);
		return 0;
	default:
		return -EINVAL;
	}
}

/* undo nvvgpu_mm_map_reserve_extent() */
static void nvvgpu_mm_map_unreserve_extent(struct nvvgpu_mm_map *map,
					   const struct nvvgpu_mm_extent *e)
{
	struct nvvgpu_mm_vgpu *rec;

	if (e->use == NVVGPU_MM_USE_HOST_FB) {
		nvvgpu_mm_free(&map->host, e->start);
		return;
	}
	list_for_each_entry(rec, &map->retired, link) {
		if (rec->fb == e->start) {
			list_del(&rec->link);
			nvvgpu_mm_free(&map->fb, rec->fb);
			kfree(rec);
			return;
		}
	}
}

/**
 * nvvgpu_mm_map_rebuild() - reserve exactly the ranges of existing partitions
 * @map: the map, for instance just initialized to adopt another provider's
 *	pgpu (DOC: hand-over of a pgpu's partitions)
 * @parts: the partitions of the live vGPUs, as the core keeps them
 * @recs: where to store the record of each vGPU (@recs[i] for @parts[i]),
 *	for nvvgpu_mm_map_vgpu_free()
 * @nparts: entries in @parts and @recs
 * @extents: the ranges held by no vGPU: host channel windows
 *	(%NVVGPU_MM_USE_HOST_FB) and retired framebuffer
 *	(%NVVGPU_MM_USE_RETIRED)
 * @nextents: entries in @extents
 *
 * Places nothing and aligns nothing: each range is reserved where it is.
 * A guest FB and a heap that follows it make one chunk, as
 * nvvgpu_mm_map_vgpu_alloc() places them.
 *
 * Return: 0; -EINVAL for a partition without FB or channels, an empty
 * range or an extent of another use; -ENOSPC for a range outside its space
 * (vGPU FB, host FB, channel IDs); -EBUSY for a range overlapping one that
 * is reserved, by the map or earlier in the input; -ENOMEM. On error the
 * map is as it was: what this call reserved is released.
 */
int nvvgpu_mm_map_rebuild(struct nvvgpu_mm_map *map,
			  const struct nvvgpu_partition *parts,
			  struct nvvgpu_mm_vgpu **recs, unsigned int nparts,
			  const struct nvvgpu_mm_extent *extents,
			  unsigned int nextents)
{
	unsigned int i, j;
	int err;

	for (i = 0; i < nparts; i++) {
		err = nvvgpu_mm_map_reserve_vgpu(map, &parts[i], &recs[i]);
		if (err)
			goto err_parts;
	}
	for (j = 0; j < nextents; j++) {
		err = nvvgpu_mm_map_reserve_extent(map, &extents[j]);
		if (err)
			goto err_extents;
	}
	return 0;

err_extents:
	while (j--)
		nvvgpu_mm_map_unreserve_extent(map, &extents[j]);
err_parts:
	while (i--) {
		nvvgpu_mm_map_vgpu_free(map, recs[i], false);
		recs[i] = NULL;
	}
	return err;
}
EXPORT_SYMBOL_IF_KUNIT(nvvgpu_mm_map_rebuild);

static bool nvvgpu_mm_map_is_retired(const struct nvvgpu_mm_map *map,
				     u64 start)
{
	const struct nvvgpu_mm_vgpu *rec;

	list_for_each_entry(rec, &map->retired, link)
		if (rec->fb == start || (rec->heap_size && rec->heap == start))
			return true;
	return false;
}

/**
 * nvvgpu_mm_map_export() - walk every range the map holds
 * @map: the map
 * @fn: called for each range; a non-zero return ends the walk
 * @arg: passed to @fn
 *
 * The order is that of DOC: hand-over of a pgpu's partitions: vGPU FB
 * space, host FB, channel IDs, each by address.
 *
 * Return: 0, or what @fn returned to end the walk.
 */
int nvvgpu_mm_map_export(const struct nvvgpu_mm_map *map,
			 int (*fn)(void *arg, const struct nvvgpu_mm_extent *e),
			 void *arg)
{
	struct nvvgpu_mm_extent e;
	struct nvvgpu_mm_range *r;
	int err;

	list_for_each_entry(r, &map->fb.used, link) {
		e.use = nvvgpu_mm_map_is_retired(map, r->start) ?
			NVVGPU_MM_USE_RETIRED : NVVGPU_MM_USE_VGPU_FB;
		e.start = r->start;
		e.size = r->size;
		err = fn(arg, &e);
		if (err)
			return err;
	}
	list_for_each_entry(r, &map->host.used, link) {
		e.use = NVVGPU_MM_USE_HOST_FB;
		e.start = r->start;
		e.size = r->size;
		err = fn(arg, &e);
		if (err)
			return err;
	}
	list_for_each_entry(r, &map->chid.used, link) {
		e.use = NVVGPU_MM_USE_VGPU_CHID;
		e.start = r->start;
		e.size = r->size;
		err = fn(arg, &e);
		if (err)
			return err;
	}
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(nvvgpu_mm_map_export);

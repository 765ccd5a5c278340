// SPDX-License-Identifier: GPL-2.0
/*
 * nvvgpu mm: the partitions of one pgpu (guest FB with heap, host FB,
 * channel IDs) on the range allocator of mm_range.c. No locking,
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
	unsigned int i;

	map->layout = *layout;
	nvvgpu_mm_init(&map->fb, layout->host_fb, layout->fb_end);
	nvvgpu_mm_init(&map->host, 0, layout->host_fb);
	nvvgpu_mm_init(&map->chid, layout->host_chids, layout->num_channels);
	INIT_LIST_HEAD(&map->vgpus);
	INIT_LIST_HEAD(&map->retired);
	INIT_LIST_HEAD(&map->spare);
	for (i = 0; i < ARRAY_SIZE(map->recs); i++)
		list_add_tail(&map->recs[i].link, &map->spare);
	map->nspare = ARRAY_SIZE(map->recs);
}
EXPORT_SYMBOL_IF_KUNIT(nvvgpu_mm_map_init);

static bool nvvgpu_mm_map_owns(const struct nvvgpu_mm_map *map,
			       const struct nvvgpu_mm_vgpu *rec)
{
	return rec >= map->recs && rec < map->recs + ARRAY_SIZE(map->recs);
}

/* a record of @map's, in no list, its ranges empty; NULL if none is left */
static struct nvvgpu_mm_vgpu *nvvgpu_mm_map_rec_get(struct nvvgpu_mm_map *map)
{
	struct nvvgpu_mm_vgpu *rec;

	rec = list_first_entry_or_null(&map->spare, struct nvvgpu_mm_vgpu, link);
	if (!rec)
		return NULL;
	list_del(&rec->link);
	map->nspare--;
	rec->heap.size = 0;
	rec->chid.size = 0;
	return rec;
}

/* @rec, in no list and its ranges in no allocator, back to @map */
static void nvvgpu_mm_map_rec_put(struct nvvgpu_mm_map *map,
				  struct nvvgpu_mm_vgpu *rec)
{
	if (!nvvgpu_mm_map_owns(map, rec)) {
		kfree(rec);
		return;
	}
	list_add(&rec->link, &map->spare);
	map->nspare++;
}

/* take @rec's ranges out of their allocators */
static void nvvgpu_mm_map_rec_remove(struct nvvgpu_mm_map *map,
				     struct nvvgpu_mm_vgpu *rec)
{
	nvvgpu_mm_remove(&map->fb, &rec->fb);
	if (rec->heap.size)
		nvvgpu_mm_remove(&map->fb, &rec->heap);
	if (rec->chid.size)
		nvvgpu_mm_remove(&map->chid, &rec->chid);
}

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
		nvvgpu_mm_map_rec_remove(map, rec);
		nvvgpu_mm_map_rec_put(map, rec);
	}
	list_for_each_entry_safe(rec, tmp, &map->retired, link) {
		list_del(&rec->link);
		nvvgpu_mm_map_rec_remove(map, rec);
		nvvgpu_mm_map_rec_put(map, rec);
	}
	/* what is left are the host's windows, on the allocator's nodes */
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
 * The guest FB and heap make one chunk at a VMMU-segment aligned start,
 * from the top for a big chunk (nvvgpu_mm_layout_from_top()), from the
 * bottom otherwise; the channel IDs one range from the bottom (DOC:
 * partition layout). The record is one of the map's: nothing is
 * allocated.
 *
 * Return: 0; -EINVAL for a type without FB or channels; -ENOSPC if it does
 * not fit, or the map holds as many vGPUs as a pgpu can have. Nothing
 * changes on error.
 */
int nvvgpu_mm_map_vgpu_alloc(struct nvvgpu_mm_map *map,
			     const struct nvvgpu_vgpu_type *type,
			     struct nvvgpu_mm_vgpu **recp,
			     struct nvvgpu_partition *part)
{
	u64 chunk = nvvgpu_mm_map_chunk(type);
	struct nvvgpu_mm_vgpu *rec;
	int err;

	if (!type->fb_size || !type->num_channels)
		return -EINVAL;
	rec = nvvgpu_mm_map_rec_get(map);
	if (!rec)
		return -ENOSPC;

	err = nvvgpu_mm_insert(&map->fb, &rec->fb, chunk, map->layout.segment,
			       nvvgpu_mm_layout_from_top(&map->layout, chunk));
	if (err)
		goto err_put;
	err = nvvgpu_mm_insert(&map->chid, &rec->chid, type->num_channels, 1,
			       false);
	if (err)
		goto err_fb;

	list_add_tail(&rec->link, &map->vgpus);
	*recp = rec;
	part->fb_offset = rec->fb.start;
	part->fb_size = type->fb_size;
	part->heap_offset = rec->fb.start + type->fb_size;
	part->heap_size = type->heap_size;
	part->chid_base = rec->chid.start;
	part->chid_count = type->num_channels;
	return 0;

err_fb:
	nvvgpu_mm_remove(&map->fb, &rec->fb);
err_put:
	rec->chid.size = 0;
	nvvgpu_mm_map_rec_put(map, rec);
	return err;
}
EXPORT_SYMBOL_IF_KUNIT(nvvgpu_mm_map_vgpu_alloc);

/*
 * Retire @rec's FB on a record of its own, so that @rec serves the next
 * vGPU; keep @rec retired if there is no memory for one.
 */
static void nvvgpu_mm_map_retire(struct nvvgpu_mm_map *map,
				 struct nvvgpu_mm_vgpu *rec)
{
	struct nvvgpu_mm_vgpu *keep = rec;

	if (nvvgpu_mm_map_owns(map, rec)) {
		keep = kzalloc(sizeof(*keep), GFP_KERNEL);
		if (keep) {
			keep->fb = rec->fb;
			list_replace(&rec->fb.link, &keep->fb.link);
			keep->heap = rec->heap;
			if (rec->heap.size)
				list_replace(&rec->heap.link, &keep->heap.link);
			nvvgpu_mm_map_rec_put(map, rec);
		} else {
			keep = rec;
		}
	}
	list_add_tail(&keep->link, &map->retired);
}

/**
 * nvvgpu_mm_map_vgpu_free() - release what a vGPU holds
 * @map: the map
 * @rec: the vGPU's record, from nvvgpu_mm_map_vgpu_alloc() or
 *	nvvgpu_mm_map_rebuild()
 * @retire: keep its framebuffer out of circulation (its scrub failed); its
 *	channel IDs are released all the same
 *
 * Scrubbing is the caller's, before: a released range may be handed out
 * at once. @rec goes back to the map, or is kept on its retired list.
 */
void nvvgpu_mm_map_vgpu_free(struct nvvgpu_mm_map *map,
			     struct nvvgpu_mm_vgpu *rec, bool retire)
{
	list_del(&rec->link);
	nvvgpu_mm_remove(&map->chid, &rec->chid);
	rec->chid.size = 0;
	if (retire) {
		nvvgpu_mm_map_retire(map, rec);
		return;
	}
	nvvgpu_mm_map_rec_remove(map, rec);
	nvvgpu_mm_map_rec_put(map, rec);
}
EXPORT_SYMBOL_IF_KUNIT(nvvgpu_mm_map_vgpu_free);

/**
 * nvvgpu_mm_map_capacity() - how many more vGPUs of @type would fit
 * @map: the map
 * @type: the type
 *
 * Exact: as many nvvgpu_mm_map_vgpu_alloc() calls for @type would succeed,
 * since each takes one end of a gap (nvvgpu_mm_insert()) and a record.
 *
 * Return: the number of vGPUs.
 */
u64 nvvgpu_mm_map_capacity(const struct nvvgpu_mm_map *map,
			   const struct nvvgpu_vgpu_type *type)
{
	u64 fb, chid;

	if (!type->fb_size || !type->num_channels || !map->nspare)
		return 0;
	fb = nvvgpu_mm_capacity(&map->fb, nvvgpu_mm_map_chunk(type),
				map->layout.segment);
	if (!fb)
		return 0;
	chid = nvvgpu_mm_capacity(&map->chid, type->num_channels, 1);
	return min3(fb, chid, (u64)map->nspare);
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
	u64 fb_size;
	bool apart;
	int err;

	if (!p->fb_size || !p->chid_count)
		return -EINVAL;
	/* the heap is one chunk with the guest FB wherever it follows it */
	apart = p->heap_size && p->heap_offset != p->fb_offset + p->fb_size;
	fb_size = p->fb_size + (apart ? 0 : p->heap_size);
	if (fb_size < p->fb_size)
		return -EINVAL;
	rec = nvvgpu_mm_map_rec_get(map);
	if (!rec)
		return -ENOSPC;

	err = nvvgpu_mm_insert_at(&map->fb, &rec->fb, p->fb_offset, fb_size);
	if (err)
		goto err_put;
	if (apart) {
		err = nvvgpu_mm_insert_at(&map->fb, &rec->heap, p->heap_offset,
					  p->heap_size);
		if (err)
			goto err_fb;
	}
	err = nvvgpu_mm_insert_at(&map->chid, &rec->chid, p->chid_base,
				  p->chid_count);
	if (err)
		goto err_heap;
	list_add_tail(&rec->link, &map->vgpus);
	*recp = rec;
	return 0;

err_heap:
	if (apart)
		nvvgpu_mm_remove(&map->fb, &rec->heap);
err_fb:
	nvvgpu_mm_remove(&map->fb, &rec->fb);
err_put:
	rec->heap.size = 0;
	rec->chid.size = 0;
	nvvgpu_mm_map_rec_put(map, rec);
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
		if (!e->size)
			return -EINVAL;
		rec = kzalloc(sizeof(*rec), GFP_KERNEL);
		if (!rec)
			return -ENOMEM;
		err = nvvgpu_mm_insert_at(&map->fb, &rec->fb, e->start, e->size);
		if (err) {
			kfree(rec);
			return err;
		}
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
		if (rec->fb.start == e->start) {
			list_del(&rec->link);
			nvvgpu_mm_map_rec_remove(map, rec);
			nvvgpu_mm_map_rec_put(map, rec);
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
				     const struct nvvgpu_mm_range *r)
{
	const struct nvvgpu_mm_vgpu *rec;

	list_for_each_entry(rec, &map->retired, link)
		if (r == &rec->fb || r == &rec->heap)
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
		e.use = nvvgpu_mm_map_is_retired(map, r) ?
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

// SPDX-License-Identifier: GPL-2.0
/*
 * nvvgpu mm-drm: the partitions of one pgpu (guest FB with heap, host FB,
 * channel IDs) on the kernel's range allocator, drm_mm. No locking, no
 * pgpu, no vGPU: mm_drm.c calls these under its lock, and the KUnit suites
 * and the allocator benchmark compile this file into themselves.
 *
 * Copyright (c) 2026 The nvvgpu developers
 */

#include <linux/errno.h>
#include <linux/math64.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "mm_drm_map.h"

/**
 * DOC: partitions on drm_mm
 *
 * One &struct drm_mm per space: the vGPUs' framebuffer, the host's
 * framebuffer, the vGPUs' channel IDs, each over exactly the range
 * nvvgpu_mm gives that space (&struct nvvgpu_mm_layout). A vGPU's guest FB
 * and heap are one node, inserted with the VMMU segment as alignment, its
 * channel IDs another; both are embedded in its record, so placing a vGPU
 * costs one allocation. The map's mode says where ranges go; in the
 * providers' %DRM_MM_INSERT_LOW, a big chunk (nvvgpu_mm_layout_from_top())
 * goes in %DRM_MM_INSERT_HIGH mode instead: drm_mm then takes the highest
 * hole in which the aligned range fits and places it at the hole's last
 * aligned start, and every other range the lowest hole's first aligned
 * start. That is the placement of nvvgpu_mm (DOC: partition layout in
 * mm_main.c), range for range. A node's color records what its range is
 * for (&enum nvvgpu_mm_use), which is what the export walk reports.
 *
 * Whatever the mode, drm_mm places a range at the first or the last
 * aligned start of the hole it picks, and what is left of that hole then
 * holds one range of a given size fewer: each hole holds as many ranges of
 * a given size as fit there from its first aligned start, wherever the
 * others go. The capacity is that count summed over the holes, and is
 * exact.
 */

/* the bounds of the space a use lies in */
static void nvvgpu_mm_drm_space(const struct nvvgpu_mm_drm_map *map,
				enum nvvgpu_mm_use use, u64 *lo, u64 *hi)
{
	const struct nvvgpu_mm_layout *l = &map->layout;

	switch (use) {
	case NVVGPU_MM_USE_HOST_FB:
		*lo = 0;
		*hi = l->host_fb;
		break;
	case NVVGPU_MM_USE_VGPU_CHID:
		*lo = l->host_chids;
		*hi = l->num_channels;
		break;
	default:
		*lo = l->host_fb;
		*hi = l->fb_end;
		break;
	}
}

/**
 * nvvgpu_mm_drm_map_init() - an empty map over a pgpu's partition space
 * @map: the map
 * @layout: the partition space (nvvgpu_mm_layout_init())
 * @mode: where new ranges go (&nvvgpu_mm_drm_map.mode)
 */
void nvvgpu_mm_drm_map_init(struct nvvgpu_mm_drm_map *map,
			    const struct nvvgpu_mm_layout *layout,
			    enum drm_mm_insert_mode mode)
{
	memset(map, 0, sizeof(*map));
	map->layout = *layout;
	map->mode = mode;
	drm_mm_init(&map->fb, layout->host_fb, layout->fb_end - layout->host_fb);
	/* drm_mm wants a non-empty range */
	if (layout->host_fb)
		drm_mm_init(&map->host, 0, layout->host_fb);
	drm_mm_init(&map->chid, layout->host_chids,
		    layout->num_channels - layout->host_chids);
	INIT_LIST_HEAD(&map->vgpus);
	INIT_LIST_HEAD(&map->retired);
}

static void nvvgpu_mm_drm_vgpu_remove(struct nvvgpu_mm_drm_vgpu *rec)
{
	if (drm_mm_node_allocated(&rec->fb))
		drm_mm_remove_node(&rec->fb);
	if (drm_mm_node_allocated(&rec->heap))
		drm_mm_remove_node(&rec->heap);
	if (drm_mm_node_allocated(&rec->chid))
		drm_mm_remove_node(&rec->chid);
}

/**
 * nvvgpu_mm_drm_map_fini() - free the map's ranges and records
 * @map: the map
 *
 * The records of live vGPUs go too: after a hand-over their vGPUs belong
 * to another provider, and nothing is scrubbed.
 */
void nvvgpu_mm_drm_map_fini(struct nvvgpu_mm_drm_map *map)
{
	struct nvvgpu_mm_drm_vgpu *rec, *tmp;
	struct drm_mm_node *node, *next;

	list_for_each_entry_safe(rec, tmp, &map->vgpus, link) {
		list_del(&rec->link);
		nvvgpu_mm_drm_vgpu_remove(rec);
		kfree(rec);
	}
	list_for_each_entry_safe(rec, tmp, &map->retired, link) {
		list_del(&rec->link);
		nvvgpu_mm_drm_vgpu_remove(rec);
		kfree(rec);
	}
	if (drm_mm_initialized(&map->host)) {
		drm_mm_for_each_node_safe(node, next, &map->host) {
			drm_mm_remove_node(node);
			kfree(node);
		}
		drm_mm_takedown(&map->host);
	}
	drm_mm_takedown(&map->fb);
	drm_mm_takedown(&map->chid);
}

static u64 nvvgpu_mm_drm_chunk(const struct nvvgpu_vgpu_type *type)
{
	return type->fb_size + type->heap_size;
}

/**
 * nvvgpu_mm_drm_map_vgpu_alloc() - place a vGPU of @type
 * @map: the map
 * @type: the vGPU's type
 * @recp: where to store the vGPU's record, for
 *	nvvgpu_mm_drm_map_vgpu_free()
 * @part: where to describe what was reserved
 *
 * The guest FB and heap make one chunk at a VMMU-segment aligned start,
 * the channel IDs one range; both placed in the map's mode, a big chunk
 * from the top in %DRM_MM_INSERT_LOW mode (DOC: partitions on drm_mm).
 *
 * Return: 0; -EINVAL for a type without FB or channels; -ENOSPC if it does
 * not fit; -ENOMEM. Nothing changes on error.
 */
int nvvgpu_mm_drm_map_vgpu_alloc(struct nvvgpu_mm_drm_map *map,
				 const struct nvvgpu_vgpu_type *type,
				 struct nvvgpu_mm_drm_vgpu **recp,
				 struct nvvgpu_partition *part)
{
	u64 chunk = nvvgpu_mm_drm_chunk(type);
	enum drm_mm_insert_mode mode = map->mode;
	struct nvvgpu_mm_drm_vgpu *rec;
	int err;

	if (!type->fb_size || !type->num_channels)
		return -EINVAL;
	if (mode == DRM_MM_INSERT_LOW &&
	    nvvgpu_mm_layout_from_top(&map->layout, chunk))
		mode = DRM_MM_INSERT_HIGH;
	rec = kzalloc(sizeof(*rec), GFP_KERNEL);
	if (!rec)
		return -ENOMEM;

	err = drm_mm_insert_node_generic(&map->fb, &rec->fb, chunk,
					 map->layout.segment,
					 NVVGPU_MM_USE_VGPU_FB, mode);
	if (err)
		goto err_free;
	err = drm_mm_insert_node_generic(&map->chid, &rec->chid,
					 type->num_channels, 1,
					 NVVGPU_MM_USE_VGPU_CHID, map->mode);
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
	drm_mm_remove_node(&rec->fb);
err_free:
	kfree(rec);
	return err;
}

/**
 * nvvgpu_mm_drm_map_vgpu_free() - release what a vGPU holds
 * @map: the map
 * @rec: the vGPU's record, from nvvgpu_mm_drm_map_vgpu_alloc() or
 *	nvvgpu_mm_drm_map_rebuild()
 * @retire: keep its framebuffer out of circulation (its scrub failed); its
 *	channel IDs are released all the same
 *
 * Scrubbing is the caller's, before: a released range may be handed out
 * at once. @rec is freed, or kept on the map's retired list.
 */
void nvvgpu_mm_drm_map_vgpu_free(struct nvvgpu_mm_drm_map *map,
				 struct nvvgpu_mm_drm_vgpu *rec, bool retire)
{
	list_del(&rec->link);
	drm_mm_remove_node(&rec->chid);
	if (retire) {
		rec->fb.color = NVVGPU_MM_USE_RETIRED;
		rec->heap.color = NVVGPU_MM_USE_RETIRED;
		list_add_tail(&rec->link, &map->retired);
		return;
	}
	nvvgpu_mm_drm_vgpu_remove(rec);
	kfree(rec);
}

/* how many ranges of @size at @align-aligned starts the holes of @mm hold */
static u64 nvvgpu_mm_drm_fit(struct drm_mm *mm, u64 size, u64 align)
{
	struct drm_mm_node *hole;
	u64 hole_start, hole_end, s, stride, n = 0;

	stride = roundup(size, align);
	drm_mm_for_each_hole(hole, mm, hole_start, hole_end) {
		s = roundup(hole_start, align);
		if (s < hole_start || s >= hole_end || hole_end - s < size)
			continue;
		/* one at s, then one every stride while the last still fits */
		n += 1 + div64_u64(hole_end - s - size, stride);
	}
	return n;
}

/**
 * nvvgpu_mm_drm_map_capacity() - how many more vGPUs of @type would fit
 * @map: the map
 * @type: the type
 *
 * Exact (DOC: partitions on drm_mm): as many
 * nvvgpu_mm_drm_map_vgpu_alloc() calls for @type would succeed.
 *
 * Return: the number of vGPUs.
 */
u64 nvvgpu_mm_drm_map_capacity(struct nvvgpu_mm_drm_map *map,
			       const struct nvvgpu_vgpu_type *type)
{
	u64 fb, chid;

	if (!type->fb_size || !type->num_channels)
		return 0;
	fb = nvvgpu_mm_drm_fit(&map->fb, nvvgpu_mm_drm_chunk(type),
			       map->layout.segment);
	chid = nvvgpu_mm_drm_fit(&map->chid, type->num_channels, 1);
	return min(fb, chid);
}

/**
 * nvvgpu_mm_drm_map_host_alloc() - place a window in the host's framebuffer
 * @map: the map
 * @size: bytes, page aligned
 * @offset: where to store its start
 *
 * Return: 0; -EINVAL for a size that is zero or not page aligned; -ENOSPC;
 * -ENOMEM.
 */
int nvvgpu_mm_drm_map_host_alloc(struct nvvgpu_mm_drm_map *map, u64 size,
				 u64 *offset)
{
	struct drm_mm_node *node;
	int err;

	if (!size || !PAGE_ALIGNED(size))
		return -EINVAL;
	if (!drm_mm_initialized(&map->host))
		return -ENOSPC;
	node = kzalloc(sizeof(*node), GFP_KERNEL);
	if (!node)
		return -ENOMEM;
	err = drm_mm_insert_node_generic(&map->host, node, size, PAGE_SIZE,
					 NVVGPU_MM_USE_HOST_FB, map->mode);
	if (err) {
		kfree(node);
		return err;
	}
	*offset = node->start;
	return 0;
}

/**
 * nvvgpu_mm_drm_map_host_free() - release a window of the host's framebuffer
 * @map: the map
 * @offset: its start
 *
 * Return: 0, or -ENOENT if no window starts there.
 */
int nvvgpu_mm_drm_map_host_free(struct nvvgpu_mm_drm_map *map, u64 offset)
{
	struct drm_mm_node *node;

	/* beyond the space, the walk below would start at drm_mm's head */
	if (!drm_mm_initialized(&map->host) || offset >= map->layout.host_fb)
		return -ENOENT;
	drm_mm_for_each_node_in_range(node, &map->host, offset, offset + 1) {
		if (node->start != offset)
			break;
		drm_mm_remove_node(node);
		kfree(node);
		return 0;
	}
	return -ENOENT;
}

/*
 * Reserve exactly [@start, @start + @size) for @use in @mm with @node
 * (zeroed). drm_mm_reserve_node() says -ENOSPC both outside the space and
 * over a node; tell them apart as nvvgpu_mm_reserve() does.
 */
static int nvvgpu_mm_drm_reserve(struct nvvgpu_mm_drm_map *map,
				 struct drm_mm *mm, struct drm_mm_node *node,
				 enum nvvgpu_mm_use use, u64 start, u64 size)
{
	u64 lo, hi;

	if (!size)
		return -EINVAL;
	nvvgpu_mm_drm_space(map, use, &lo, &hi);
	if (start < lo || start > hi || hi - start < size)
		return -ENOSPC;
	node->start = start;
	node->size = size;
	node->color = use;
	return drm_mm_reserve_node(mm, node) ? -EBUSY : 0;
}

/* reserve one vGPU's ranges, all or none */
static int nvvgpu_mm_drm_reserve_vgpu(struct nvvgpu_mm_drm_map *map,
				      const struct nvvgpu_partition *p,
				      struct nvvgpu_mm_drm_vgpu **recp)
{
	struct nvvgpu_mm_drm_vgpu *rec;
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
	rec = kzalloc(sizeof(*rec), GFP_KERNEL);
	if (!rec)
		return -ENOMEM;

	err = nvvgpu_mm_drm_reserve(map, &map->fb, &rec->fb,
				    NVVGPU_MM_USE_VGPU_FB, p->fb_offset, fb_size);
	if (err)
		goto err_free;
	if (apart) {
		err = nvvgpu_mm_drm_reserve(map, &map->fb, &rec->heap,
					    NVVGPU_MM_USE_VGPU_FB,
					    p->heap_offset, p->heap_size);
		if (err)
			goto err_free;
	}
	err = nvvgpu_mm_drm_reserve(map, &map->chid, &rec->chid,
				    NVVGPU_MM_USE_VGPU_CHID, p->chid_base,
				    p->chid_count);
	if (err)
		goto err_free;
	list_add_tail(&rec->link, &map->vgpus);
	*recp = rec;
	return 0;

err_free:
	nvvgpu_mm_drm_vgpu_remove(rec);
	kfree(rec);
	return err;
}

/* reserve one range that no vGPU holds */
static int nvvgpu_mm_drm_reserve_extent(struct nvvgpu_mm_drm_map *map,
					const struct nvvgpu_mm_extent *e)
{
	struct nvvgpu_mm_drm_vgpu *rec;
	struct drm_mm_node *node;
	int err;

	switch (e->use) {
	case NVVGPU_MM_USE_HOST_FB:
		node = kzalloc(sizeof(*node), GFP_KERNEL);
		if (!node)
			return -ENOMEM;
		/* an empty host FB holds nothing */
		err = -ENOSPC;
		if (drm_mm_initialized(&map->host))
			err = nvvgpu_mm_drm_reserve(map, &map->host, node,
						    e->use, e->start, e->size);
		if (err)
			kfree(node);
		return err;
	case NVVGPU_MM_USE_RETIRED:
		rec = kzalloc(sizeof(*rec), GFP_KERNEL);
		if (!rec)
			return -ENOMEM;
		err = nvvgpu_mm_drm_reserve(map, &map->fb, &rec->fb, e->use,
					    e->start, e->size);
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

/* undo nvvgpu_mm_drm_reserve_extent() */
static void nvvgpu_mm_drm_unreserve_extent(struct nvvgpu_mm_drm_map *map,
					   const struct nvvgpu_mm_extent *e)
{
	struct nvvgpu_mm_drm_vgpu *rec;

	if (e->use == NVVGPU_MM_USE_HOST_FB) {
		nvvgpu_mm_drm_map_host_free(map, e->start);
		return;
	}
	list_for_each_entry(rec, &map->retired, link) {
		if (rec->fb.start == e->start) {
			list_del(&rec->link);
			nvvgpu_mm_drm_vgpu_remove(rec);
			kfree(rec);
			return;
		}
	}
}

/**
 * nvvgpu_mm_drm_map_rebuild() - reserve exactly the ranges of existing
 *	partitions
 * @map: the map, for instance just initialized to adopt another provider's
 *	pgpu (DOC: hand-over of a pgpu's partitions)
 * @parts: the partitions of the live vGPUs, as the core keeps them
 * @recs: where to store the record of each vGPU (@recs[i] for @parts[i]),
 *	for nvvgpu_mm_drm_map_vgpu_free()
 * @nparts: entries in @parts and @recs
 * @extents: the ranges held by no vGPU: host channel windows
 *	(%NVVGPU_MM_USE_HOST_FB) and retired framebuffer
 *	(%NVVGPU_MM_USE_RETIRED)
 * @nextents: entries in @extents
 *
 * Each range is reserved where it is, with drm_mm_reserve_node(). A guest
 * FB and a heap that follows it make one node, as
 * nvvgpu_mm_drm_map_vgpu_alloc() places them.
 *
 * Return: 0; -EINVAL for a partition without FB or channels, an empty
 * range or an extent of another use; -ENOSPC for a range outside its space
 * (vGPU FB, host FB, channel IDs); -EBUSY for a range overlapping one that
 * is reserved, by the map or earlier in the input; -ENOMEM. On error the
 * map is as it was: what this call reserved is released.
 */
int nvvgpu_mm_drm_map_rebuild(struct nvvgpu_mm_drm_map *map,
			      const struct nvvgpu_partition *parts,
			      struct nvvgpu_mm_drm_vgpu **recs,
			      unsigned int nparts,
			      const struct nvvgpu_mm_extent *extents,
			      unsigned int nextents)
{
	unsigned int i, j;
	int err;

	for (i = 0; i < nparts; i++) {
		err = nvvgpu_mm_drm_reserve_vgpu(map, &parts[i], &recs[i]);
		if (err)
			goto err_parts;
	}
	for (j = 0; j < nextents; j++) {
		err = nvvgpu_mm_drm_reserve_extent(map, &extents[j]);
		if (err)
			goto err_extents;
	}
	return 0;

err_extents:
	while (j--)
		nvvgpu_mm_drm_unreserve_extent(map, &extents[j]);
err_parts:
	while (i--) {
		nvvgpu_mm_drm_map_vgpu_free(map, recs[i], false);
		recs[i] = NULL;
	}
	return err;
}

static int nvvgpu_mm_drm_export_mm(struct drm_mm *mm,
				   int (*fn)(void *arg,
					     const struct nvvgpu_mm_extent *e),
				   void *arg)
{
	struct nvvgpu_mm_extent e;
	struct drm_mm_node *node;
	int err;

	drm_mm_for_each_node(node, mm) {
		e.use = node->color;
		e.start = node->start;
		e.size = node->size;
		err = fn(arg, &e);
		if (err)
			return err;
	}
	return 0;
}

/**
 * nvvgpu_mm_drm_map_export() - walk every range the map holds
 * @map: the map
 * @fn: called for each range; a non-zero return ends the walk
 * @arg: passed to @fn
 *
 * The order is that of DOC: hand-over of a pgpu's partitions: vGPU FB
 * space, host FB, channel IDs, each by address.
 *
 * Return: 0, or what @fn returned to end the walk.
 */
int nvvgpu_mm_drm_map_export(struct nvvgpu_mm_drm_map *map,
			     int (*fn)(void *arg,
				       const struct nvvgpu_mm_extent *e),
			     void *arg)
{
	int err;

	err = nvvgpu_mm_drm_export_mm(&map->fb, fn, arg);
	if (!err && drm_mm_initialized(&map->host))
		err = nvvgpu_mm_drm_export_mm(&map->host, fn, arg);
	if (!err)
		err = nvvgpu_mm_drm_export_mm(&map->chid, fn, arg);
	return err;
}

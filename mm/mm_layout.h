/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nvvgpu mm: what every partition provider of mm/ shares: the shape of a
 * pgpu's partition space, and the ranges they hand over to each other.
 *
 * Copyright (c) 2026 The nvvgpu developers
 */
#ifndef __NVVGPU_MM_LAYOUT_H__
#define __NVVGPU_MM_LAYOUT_H__

#include <linux/array_size.h>
#include <linux/errno.h>
#include <linux/minmax.h>
#include <linux/types.h>

#include <nvvgpu/core_types.h>

/*
 * Defaults of the module parameters host_fb_mb and host_channels, the same
 * in every partition provider, so that one hands over to another what it
 * would have built itself.
 */
#define NVVGPU_MM_HOST_FB_MB_DEFAULT	128
#define NVVGPU_MM_HOST_CHANNELS_DEFAULT	64

/**
 * struct nvvgpu_mm_layout - the partition space of one pgpu
 * @fb_end: one past the last byte of framebuffer
 * @segment: placement granularity of guest FB (the VMMU segment size)
 * @host_fb: bytes kept for the host at the bottom of FB, [0, @host_fb);
 *	vGPUs get [@host_fb, @fb_end)
 * @num_channels: channel IDs the pgpu offers
 * @host_chids: channel IDs kept for the host, [0, @host_chids); vGPUs get
 *	[@host_chids, @num_channels)
 */
struct nvvgpu_mm_layout {
	u64 fb_end;
	u64 segment;
	u64 host_fb;
	u32 num_channels;
	u32 host_chids;
};

/**
 * nvvgpu_mm_layout_init() - the layout of a pgpu from its static information
 * @l: the layout to fill
 * @info: the pgpu's static information
 * @host_fb_mb: MiB of FB to keep for the host (at most a quarter of FB)
 * @host_channels: channel IDs to keep for the host (at most a quarter)
 *
 * Return: 0, or -EINVAL if @info describes no usable partition space.
 */
static inline int nvvgpu_mm_layout_init(struct nvvgpu_mm_layout *l,
					const struct nvvgpu_pgpu_info *info,
					unsigned int host_fb_mb,
					unsigned int host_channels)
{
	if (!info->vmmu_segment_size || !info->num_channels ||
	    info->fb_size < info->vmmu_segment_size)
		return -EINVAL;
	l->fb_end = info->fb_size;
	l->segment = info->vmmu_segment_size;
	l->host_fb = min_t(u64, (u64)host_fb_mb << 20, info->fb_size / 4);
	l->num_channels = info->num_channels;
	l->host_chids = min(host_channels, info->num_channels / 4);
	return 0;
}

/**
 * nvvgpu_mm_layout_from_top() - whether a vGPU chunk is placed from the top
 * @l: the layout
 * @chunk: bytes of the chunk (guest FB and heap)
 *
 * The providers of mm/ place a chunk of at least a quarter of the vGPUs'
 * framebuffer at the top of the highest gap that holds it, smaller ones at
 * the bottom of the lowest (DOC: partition layout in mm/mm_main.c).
 *
 * Return: true to place @chunk from the top.
 */
static inline bool nvvgpu_mm_layout_from_top(const struct nvvgpu_mm_layout *l,
					     u64 chunk)
{
	return chunk >= (l->fb_end - l->host_fb) / 4;
}

/**
 * enum nvvgpu_mm_use - what a reserved range is for
 * @NVVGPU_MM_USE_VGPU_FB: a vGPU's guest FB and heap (one range when the
 *	heap follows the guest FB, as the providers of mm/ place it), in
 *	[@host_fb, @fb_end)
 * @NVVGPU_MM_USE_RETIRED: framebuffer whose scrub failed, kept out of
 *	circulation rather than handed to the next tenant with its contents;
 *	in [@host_fb, @fb_end)
 * @NVVGPU_MM_USE_HOST_FB: the window of one of the host's channels, in the
 *	host's FB [0, @host_fb)
 * @NVVGPU_MM_USE_VGPU_CHID: a vGPU's channel-ID range, in
 *	[@host_chids, @num_channels)
 */
enum nvvgpu_mm_use {
	NVVGPU_MM_USE_VGPU_FB,
	NVVGPU_MM_USE_RETIRED,
	NVVGPU_MM_USE_HOST_FB,
	NVVGPU_MM_USE_VGPU_CHID,
};

/**
 * struct nvvgpu_mm_extent - one reserved range, as exported and adopted
 * @use: what it is for, and so which space it lies in
 * @start: first byte, or first channel ID
 * @size: bytes, or channel IDs
 */
struct nvvgpu_mm_extent {
	enum nvvgpu_mm_use use;
	u64 start;
	u64 size;
};

/**
 * nvvgpu_mm_handover_put() - an exported range into a hand-over document
 * @arg: the &struct nvvgpu_handover the core passed to the provider's export
 * @e: the range
 *
 * The walk function a provider's export gives its map's export walk: the
 * document carries the host's windows, the vGPUs' ranges being already in
 * their &nvvgpu_vgpu.part.
 *
 * Return: 0; -EOPNOTSUPP for retired framebuffer, for which the document
 * has no place (handing it over as free would give its contents to the
 * next tenant); -E2BIG when the document has no room for another window.
 */
static inline int nvvgpu_mm_handover_put(void *arg,
					 const struct nvvgpu_mm_extent *e)
{
	struct nvvgpu_handover *ho = arg;
	struct nvvgpu_handover_range *r;

	switch (e->use) {
	case NVVGPU_MM_USE_HOST_FB:
		if (ho->part.num_host == ARRAY_SIZE(ho->part.host))
			return -E2BIG;
		r = &ho->part.host[ho->part.num_host++];
		r->start = e->start;
		r->size = e->size;
		return 0;
	case NVVGPU_MM_USE_RETIRED:
		return -EOPNOTSUPP;
	default:
		return 0;
	}
}

/**
 * nvvgpu_mm_handover_get() - the ranges no vGPU holds, from a hand-over
 *	document
 * @ho: the document the outgoing provider filled
 * @extents: room for %NVVGPU_HANDOVER_MAX_HOST_RANGES extents, for a map's
 *	rebuild
 *
 * Return: how many extents were stored.
 */
static inline unsigned int
nvvgpu_mm_handover_get(const struct nvvgpu_handover *ho,
		       struct nvvgpu_mm_extent *extents)
{
	unsigned int i, n = min_t(u32, ho->part.num_host,
				  ARRAY_SIZE(ho->part.host));

	for (i = 0; i < n; i++) {
		extents[i].use = NVVGPU_MM_USE_HOST_FB;
		extents[i].start = ho->part.host[i].start;
		extents[i].size = ho->part.host[i].size;
	}
	return n;
}

/**
 * DOC: hand-over of a pgpu's partitions
 *
 * A partition provider can give the partitions of a pgpu to another one
 * without destroying its vGPUs. Each provider of mm/ has, on the state of
 * one pgpu (its "map"):
 *
 * - an export walk, ``*_map_export(map, fn, arg)``, that calls @fn once for
 *   every range it holds, as a &struct nvvgpu_mm_extent: first the vGPU
 *   framebuffer space by address (vGPU chunks and retired ranges), then the
 *   host's framebuffer by address, then the channel IDs by address;
 * - a rebuild, ``*_map_rebuild(map, parts, recs, nparts, extents, nextents)``,
 *   that reserves exactly the ranges of the live vGPUs' &struct
 *   nvvgpu_partition (@recs receives the per-vGPU records the provider keeps
 *   in the vGPU's prov_priv) and the ranges held by no vGPU, which are the
 *   exported extents of use %NVVGPU_MM_USE_RETIRED and
 *   %NVVGPU_MM_USE_HOST_FB. It changes nothing unless all of them fit:
 *   -EBUSY if one overlaps a range already reserved (another of the input
 *   included), -ENOSPC if one lies outside its space, -EINVAL for an empty
 *   range or another use.
 *
 * Both providers place the same way, so a map rebuilt from another's export
 * exports the same ranges and answers type_capacity() the same (up to the
 * vGPUs a pgpu can have, which the core applies anyway): after a
 * hand-over, available_instances is unchanged.
 *
 * The providers' export, resume and adopt ops (DOC: hand-over in
 * core/core_handover.c) are built on these. Export walks the map into the
 * core's &struct nvvgpu_handover (nvvgpu_mm_handover_put(): the host's
 * windows; retired framebuffer has no place there, so a pgpu with some is
 * not handed over) and removes the provider's debugfs file, whose name the
 * incoming provider takes; resume puts the file back. Adopt builds a map
 * over the pgpu's layout and rebuilds it from the vGPUs' partitions and
 * the document's host windows (nvvgpu_mm_handover_get()), then gives each
 * vGPU its record. The outgoing provider's detach then frees its map,
 * records of live vGPUs included, without scrubbing anything.
 */

#endif /* __NVVGPU_MM_LAYOUT_H__ */

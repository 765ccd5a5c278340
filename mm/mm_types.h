/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nvvgpu mm: data types of the framebuffer and channel partitioner.
 *
 * Copyright (c) 2026 The nvvgpu developers
 */
#ifndef __NVVGPU_MM_TYPES_H__
#define __NVVGPU_MM_TYPES_H__

#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/types.h>

#include "mm_layout.h"

struct dentry;
struct nvvgpu_pgpu;

/**
 * struct nvvgpu_mm_range - one range of a range allocator
 * @link: entry in the allocator's list, sorted by @start
 * @start: first unit
 * @size: units
 *
 * The node is its user's: embedded in the record of what the range is
 * for, or allocated by the allocator itself (nvvgpu_mm_alloc()).
 */
struct nvvgpu_mm_range {
	struct list_head link;
	u64 start;
	u64 size;
};

/**
 * struct nvvgpu_mm_allocator - allocator of aligned ranges, filled from
 *	either end
 * @start: first allocatable unit
 * @end: one past the last allocatable unit
 * @used: allocated ranges, sorted by start, never overlapping
 *
 * Works in arbitrary units: bytes of framebuffer, or channel IDs. Guest
 * framebuffers are few (at most 32 per pgpu) and large, so a sorted list
 * is both the simplest and a fast enough structure.
 */
struct nvvgpu_mm_allocator {
	u64 start;
	u64 end;
	struct list_head used;
};

/**
 * struct nvvgpu_mm_vgpu - what one vGPU holds, its provider-private record
 * @link: entry in &nvvgpu_mm_map.vgpus while its vGPU lives, in
 *	&nvvgpu_mm_map.retired once its FB is retired, in
 *	&nvvgpu_mm_map.spare while a record of &nvvgpu_mm_map.recs is unused
 * @fb: its guest FB, followed by its heap unless @heap holds it
 * @heap: a heap that does not follow the guest FB (adopted); in no
 *	allocator, size 0, otherwise
 * @chid: its channel IDs; in no allocator, size 0, once retired
 */
struct nvvgpu_mm_vgpu {
	struct list_head link;
	struct nvvgpu_mm_range fb;
	struct nvvgpu_mm_range heap;
	struct nvvgpu_mm_range chid;
};

/**
 * struct nvvgpu_mm_map - the partitions of one pgpu, without locking
 * @layout: the partition space
 * @fb: allocator of the vGPUs' framebuffer [@layout.host_fb, fb_end), bytes
 * @host: allocator of the host's own framebuffer [0, @layout.host_fb), for
 *	host channel windows, on nodes of its own
 * @chid: allocator of the vGPUs' channel IDs [host_chids, num_channels)
 * @vgpus: the records (&struct nvvgpu_mm_vgpu) of the live vGPUs
 * @retired: records whose FB is out of circulation because its scrub
 *	failed; allocated one by one, or one of @recs if that failed
 * @spare: the unused records of @recs
 * @nspare: entries on @spare
 * @recs: a record for each vGPU the pgpu can have, so that placing and
 *	releasing a vGPU allocates and frees no memory
 *
 * The functions of mm_map.h leave locking to the caller.
 */
struct nvvgpu_mm_map {
	struct nvvgpu_mm_layout layout;
	struct nvvgpu_mm_allocator fb;
	struct nvvgpu_mm_allocator host;
	struct nvvgpu_mm_allocator chid;
	struct list_head vgpus;
	struct list_head retired;
	struct list_head spare;
	unsigned int nspare;
	struct nvvgpu_mm_vgpu recs[NVVGPU_MAX_VGPUS_PER_PGPU];
};

/**
 * struct nvvgpu_mm_pgpu - partitioner state of one pgpu
 * @pgpu: the physical GPU
 * @lock: protects @map; the ops also run under the pgpu lock, but the
 *	debugfs reader must not take that one (detach removes the file while
 *	holding it)
 * @map: the partitions
 * @debugfs: the "partitions" file
 */
struct nvvgpu_mm_pgpu {
	struct nvvgpu_pgpu *pgpu;
	struct mutex lock; /* see @lock above */
	struct nvvgpu_mm_map map;
	struct dentry *debugfs;
};

#endif /* __NVVGPU_MM_TYPES_H__ */

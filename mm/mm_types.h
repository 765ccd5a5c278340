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

struct dentry;
struct nvvgpu_pgpu;

/**
 * struct nvvgpu_mm_range - one allocated range of a range allocator
 * @link: entry in the allocator's list, sorted by @start
 * @start: first byte
 * @size: bytes
 */
struct nvvgpu_mm_range {
	struct list_head link;
	u64 start;
	u64 size;
};

/**
 * struct nvvgpu_mm_allocator - first-fit allocator of aligned ranges
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
 * struct nvvgpu_mm_pgpu - partitioner state of one pgpu
 * @pgpu: the physical GPU
 * @lock: protects the allocators; the ops also run under the pgpu lock,
 *	but the debugfs reader must not take that one (detach removes the
 *	file while holding it)
 * @fb: framebuffer allocator, in bytes
 * @host: allocator of the host's own framebuffer [0, @host_fb), for host
 *	channel windows
 * @chid: channel-ID allocator
 * @segment: placement granularity of guest FB (the VMMU segment size)
 * @host_fb: bytes kept for the host at the bottom of FB
 * @host_chids: channel IDs kept for the host
 * @debugfs: the "partitions" file
 */
struct nvvgpu_mm_pgpu {
	struct nvvgpu_pgpu *pgpu;
	struct mutex lock; /* see @lock above */
	struct nvvgpu_mm_allocator fb;
	struct nvvgpu_mm_allocator host;
	struct nvvgpu_mm_allocator chid;
	u64 segment;
	u64 host_fb;
	u32 host_chids;
	struct dentry *debugfs;
};

#endif /* __NVVGPU_MM_TYPES_H__ */

/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nvvgpu mm-drm: data types of the partition provider built on drm_mm.
 *
 * Copyright (c) 2026 The nvvgpu developers
 */
#ifndef __NVVGPU_MM_DRM_TYPES_H__
#define __NVVGPU_MM_DRM_TYPES_H__

#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/types.h>
#include <drm/drm_mm.h>

#include "mm_layout.h"

struct dentry;
struct nvvgpu_pgpu;

/**
 * struct nvvgpu_mm_drm_vgpu - what one vGPU holds, its provider-private record
 * @link: entry in &nvvgpu_mm_drm_map.vgpus while its vGPU lives, in
 *	&nvvgpu_mm_drm_map.retired once its FB is retired
 * @fb: its guest FB, followed by its heap unless @heap is allocated
 * @heap: a heap that does not follow the guest FB (adopted); allocated
 *	(drm_mm_node_allocated()) only then
 * @chid: its channel IDs; not allocated once retired
 *
 * Each node's color is the &enum nvvgpu_mm_use of its range.
 */
struct nvvgpu_mm_drm_vgpu {
	struct list_head link;
	struct drm_mm_node fb;
	struct drm_mm_node heap;
	struct drm_mm_node chid;
};

/**
 * struct nvvgpu_mm_drm_map - the partitions of one pgpu, without locking
 * @layout: the partition space
 * @mode: where new ranges go: %DRM_MM_INSERT_LOW, as nvvgpu_mm places
 *	them (the provider's: big chunks from the top, the rest from the
 *	bottom, DOC: partitions on drm_mm); %DRM_MM_INSERT_BEST, the
 *	smallest hole that fits (the benchmark's comparison)
 * @fb: the vGPUs' framebuffer [@layout.host_fb, fb_end), bytes
 * @host: the host's own framebuffer [0, @layout.host_fb), for host channel
 *	windows; not initialized (drm_mm_initialized()) when that is empty.
 *	Its nodes are the map's, allocated one by one.
 * @chid: the vGPUs' channel IDs [host_chids, num_channels)
 * @vgpus: the records (&struct nvvgpu_mm_drm_vgpu) of the live vGPUs
 * @retired: records whose FB is out of circulation because its scrub
 *	failed
 *
 * The functions of mm_drm_map.h leave locking to the caller, as drm_mm
 * does.
 */
struct nvvgpu_mm_drm_map {
	struct nvvgpu_mm_layout layout;
	enum drm_mm_insert_mode mode;
	struct drm_mm fb;
	struct drm_mm host;
	struct drm_mm chid;
	struct list_head vgpus;
	struct list_head retired;
};

/**
 * struct nvvgpu_mm_drm_pgpu - partitioner state of one pgpu
 * @pgpu: the physical GPU
 * @lock: protects @map; the ops also run under the pgpu lock, but the
 *	debugfs reader must not take that one (detach removes the file while
 *	holding it)
 * @map: the partitions
 * @debugfs: the "partitions" file
 */
struct nvvgpu_mm_drm_pgpu {
	struct nvvgpu_pgpu *pgpu;
	struct mutex lock; /* see @lock above */
	struct nvvgpu_mm_drm_map map;
	struct dentry *debugfs;
};

#endif /* __NVVGPU_MM_DRM_TYPES_H__ */

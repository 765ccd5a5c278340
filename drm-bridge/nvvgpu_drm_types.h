/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nvvgpu DRM: data types of the render node.
 *
 * Copyright (c) 2026 The nvvgpu developers
 */
#ifndef __NVVGPU_DRM_TYPES_H__
#define __NVVGPU_DRM_TYPES_H__

#include <linux/kref.h>
#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/spinlock.h>
#include <linux/types.h>
#include <linux/xarray.h>

#include <drm/drm_gem.h>
#include <nvvgpu/core_types.h>

struct auxiliary_device;
struct drm_device;
struct nvvgpu_pgpu;

/**
 * struct nvvgpu_drm - the render node of one pgpu
 * @drm: the DRM device; its parent is the pgpu's device
 * @adev: the auxiliary device "nvvgpu_core.drm.<id>" we are bound to
 * @pgpu: the physical GPU; only dereferenced inside drm_dev_enter(), since
 *	the DRM device may outlive it while a file is still open
 * @fw_version: the pgpu's firmware version, packed as in the uAPI
 * @lost: the pgpu stopped responding; GETPARAM fails with -EIO
 * @sink: receives the events of the host's channels from the core
 * @chan_lock: protects @channels and each channel's @hw lifetime; taken
 *	before the pgpu lock, never inside a sink call
 * @channels: every channel whose window is still allocated
 * @by_chid: running channels by channel ID, for @sink (RCU lookups)
 *
 * Allocated with drmm_kzalloc(), so it lives as long as @drm.
 */
struct nvvgpu_drm {
	struct drm_device *drm;
	struct auxiliary_device *adev;
	struct nvvgpu_pgpu *pgpu;
	u64 fw_version;
	bool lost;
	struct nvvgpu_event_sink sink;
	struct mutex chan_lock; /* see @chan_lock above */
	struct list_head channels;
	struct xarray by_chid;
};

/**
 * struct nvvgpu_drm_file - what one open DRM file holds
 * @channels: its channels by handle
 */
struct nvvgpu_drm_file {
	struct xarray channels;
};

/**
 * struct nvvgpu_drm_channel - a host channel of one DRM file
 * @ref: the file's handle and the window's buffer object each hold one
 * @ndrm: the render node
 * @hw: the core's channel; NULL once its window is freed
 * @chid: its channel ID
 * @user_size: bytes of the window's buffer object
 * @fence_ctx: dma_fence context of its jobs
 * @submit_lock: serialises SUBMIT; protects @put and @seqno
 * @put: next free GPFIFO entry
 * @seqno: number of the last job submitted
 * @lock: protects @pending, @done, @error and @stopped; taken from the
 *	event sink (softirq)
 * @pending: fences of the jobs in flight, oldest first
 * @done: number of the last job the GPU completed
 * @error: -EIO once the channel is in error, else 0
 * @stopped: off the engines (destroyed by its file, or the pgpu went)
 * @link: entry in &nvvgpu_drm.channels
 * @sem_page: the framebuffer page of the completion semaphore, so that
 *	the sink reads it without looking it up
 */
struct nvvgpu_drm_channel {
	struct kref ref;
	struct nvvgpu_drm *ndrm;
	struct nvvgpu_host_channel *hw;
	u32 chid;
	u64 user_size;
	u64 fence_ctx;
	struct mutex submit_lock; /* see @submit_lock above */
	u32 put;
	u32 seqno;
	spinlock_t lock; /* see @lock above */
	struct list_head pending;
	u32 done;
	int error;
	bool stopped;
	struct list_head link;
	struct page *sem_page;
};

/**
 * struct nvvgpu_drm_bo - the buffer object of a channel's window
 * @base: the GEM object; mmap() faults insert framebuffer PFNs
 * @chan: the channel whose window it is (a reference)
 */
struct nvvgpu_drm_bo {
	struct drm_gem_object base;
	struct nvvgpu_drm_channel *chan;
};

#endif /* __NVVGPU_DRM_TYPES_H__ */

/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * nvvgpu: the uAPI of the host render node, /dev/dri/renderD* with driver
 * name "nvvgpu".
 *
 * Copyright (c) 2026 The nvvgpu developers
 */
#ifndef __NVVGPU_DRM_H__
#define __NVVGPU_DRM_H__

#include "drm.h"

#if defined(__cplusplus)
extern "C" {
#endif

/**
 * DOC: nvvgpu render node
 *
 * nvvgpu_drm registers one DRM device per physical GPU, parented by the
 * GPU's own device, so libdrm finds it on the GPU's bus. It offers:
 *
 * - DRM_IOCTL_NVVGPU_GETPARAM: static facts about the physical GPU and its
 *   vGPUs;
 * - DRM_IOCTL_NVVGPU_GEM_CREATE: a buffer object in system memory;
 * - DRM_IOCTL_NVVGPU_GEM_MMAP_OFFSET: the fake offset at which to mmap()
 *   a buffer object on the DRM fd;
 * - DRM_IOCTL_NVVGPU_CHANNEL_CREATE, DRM_IOCTL_NVVGPU_CHANNEL_DESTROY: a
 *   host channel on one of the GPU's engines, beside the vGPUs' channels,
 *   with a window of framebuffer that holds its pushbuffers and data;
 * - DRM_IOCTL_NVVGPU_SUBMIT: run a pushbuffer from that window on the
 *   channel; a drm_syncobj gets the job's fence.
 *
 * Buffer objects are closed with DRM_IOCTL_GEM_CLOSE and shared with PRIME.
 * Every reserved field must be zero, and every flags field takes only the
 * flags defined here: anything else fails with EINVAL. The channel ioctls
 * start with @argsz, the size of the structure the caller was built with:
 * a size smaller than this header's fails with EINVAL, a larger one (a
 * newer uAPI than the kernel knows) with E2BIG.
 */

/**
 * DOC: host channels
 *
 * A host channel executes pushbuffers in NVIDIA's GPFIFO format (the
 * methods the GPU's class for the engine understands; for the simulated
 * GPU see Documentation/sim-hardware.rst). Its framebuffer window
 * is a buffer object whose handle CHANNEL_CREATE returns: mmap() it through
 * GEM_MMAP_OFFSET; it is framebuffer, zeroed when the channel is created,
 * and the GPU sees it at GPU virtual address @gpu_va. Every address in a
 * pushbuffer must lie in [gpu_va, gpu_va + size): beyond the window is an
 * MMU fault that puts only this channel in error. The channel also reaches
 * the 64 KiB below gpu_va, where the kernel keeps its ring, USERD and
 * completion semaphore: writing there breaks only this channel's own jobs.
 * Once the physical GPU is gone, the window is too: its mappings then
 * fault with SIGBUS.
 *
 * SUBMIT appends, after the caller's pushbuffer, a semaphore release and
 * a non-stall interrupt of its own; the job's fence signals when the GPU
 * has executed both. A channel in error (MMU fault, preemption timeout,
 * malformed pushbuffer) signals every pending fence with -EIO and refuses
 * further submits with EIO; destroy it and create another. At most
 * DRM_NVVGPU_MAX_JOBS jobs of a channel are in flight: SUBMIT fails with
 * EBUSY beyond, wait on a fence and retry.
 */

#define DRM_NVVGPU_GETPARAM		0x00
#define DRM_NVVGPU_GEM_CREATE		0x01
#define DRM_NVVGPU_GEM_MMAP_OFFSET	0x02
#define DRM_NVVGPU_CHANNEL_CREATE	0x03
#define DRM_NVVGPU_CHANNEL_DESTROY	0x04
#define DRM_NVVGPU_SUBMIT		0x05

#define DRM_IOCTL_NVVGPU_GETPARAM \
	DRM_IOWR(DRM_COMMAND_BASE + DRM_NVVGPU_GETPARAM, \
		 struct drm_nvvgpu_getparam)
#define DRM_IOCTL_NVVGPU_GEM_CREATE \
	DRM_IOWR(DRM_COMMAND_BASE + DRM_NVVGPU_GEM_CREATE, \
		 struct drm_nvvgpu_gem_create)
#define DRM_IOCTL_NVVGPU_GEM_MMAP_OFFSET \
	DRM_IOWR(DRM_COMMAND_BASE + DRM_NVVGPU_GEM_MMAP_OFFSET, \
		 struct drm_nvvgpu_gem_mmap_offset)
#define DRM_IOCTL_NVVGPU_CHANNEL_CREATE \
	DRM_IOWR(DRM_COMMAND_BASE + DRM_NVVGPU_CHANNEL_CREATE, \
		 struct drm_nvvgpu_channel_create)
#define DRM_IOCTL_NVVGPU_CHANNEL_DESTROY \
	DRM_IOW(DRM_COMMAND_BASE + DRM_NVVGPU_CHANNEL_DESTROY, \
		struct drm_nvvgpu_channel_destroy)
#define DRM_IOCTL_NVVGPU_SUBMIT \
	DRM_IOWR(DRM_COMMAND_BASE + DRM_NVVGPU_SUBMIT, \
		 struct drm_nvvgpu_submit)

/**
 * enum drm_nvvgpu_param - what DRM_IOCTL_NVVGPU_GETPARAM can tell
 * @DRM_NVVGPU_PARAM_FB_SIZE: usable framebuffer of the physical GPU, bytes
 * @DRM_NVVGPU_PARAM_NUM_VGPU_TYPES: entries in its vGPU type catalogue
 * @DRM_NVVGPU_PARAM_NUM_VGPUS: vGPUs that exist on it now
 * @DRM_NVVGPU_PARAM_FW_VERSION: its firmware version, packed: see
 *	DRM_NVVGPU_FW_VERSION()
 * @DRM_NVVGPU_PARAM_NUM_CHANNELS: channel IDs the physical GPU offers
 * @DRM_NVVGPU_PARAM_GEM_MAX_SIZE: largest size DRM_IOCTL_NVVGPU_GEM_CREATE
 *	accepts, bytes
 *
 * Values start at 1 so that a zeroed request is refused.
 */
enum drm_nvvgpu_param {
	DRM_NVVGPU_PARAM_FB_SIZE = 1,
	DRM_NVVGPU_PARAM_NUM_VGPU_TYPES = 2,
	DRM_NVVGPU_PARAM_NUM_VGPUS = 3,
	DRM_NVVGPU_PARAM_FW_VERSION = 4,
	DRM_NVVGPU_PARAM_NUM_CHANNELS = 5,
	DRM_NVVGPU_PARAM_GEM_MAX_SIZE = 6,
};

/*
 * Firmware version "<major>.<minor>.<patch>" (e.g. 535.113.01, or 570.144
 * with patch 0) packed into a __u64: major in bits 47:32, minor in 31:16,
 * patch in 15:0.
 */
#define DRM_NVVGPU_FW_VERSION(major, minor, patch) \
	(((__u64)(major) << 32) | ((__u64)(minor) << 16) | (__u64)(patch))
#define DRM_NVVGPU_FW_VERSION_MAJOR(v)	((__u32)((v) >> 32) & 0xffff)
#define DRM_NVVGPU_FW_VERSION_MINOR(v)	((__u32)((v) >> 16) & 0xffff)
#define DRM_NVVGPU_FW_VERSION_PATCH(v)	((__u32)(v) & 0xffff)

/**
 * struct drm_nvvgpu_getparam - argument of DRM_IOCTL_NVVGPU_GETPARAM
 * @param: in, one of &enum drm_nvvgpu_param; EINVAL for any other
 * @pad: must be zero
 * @value: out, the parameter's value
 *
 * Fails with ENODEV once the physical GPU is gone.
 */
struct drm_nvvgpu_getparam {
	__u32 param;
	__u32 pad;
	__u64 value;
};

/**
 * struct drm_nvvgpu_gem_create - argument of DRM_IOCTL_NVVGPU_GEM_CREATE
 * @size: in, bytes; rounded up to the page size. 0, or more than
 *	DRM_NVVGPU_PARAM_GEM_MAX_SIZE, fails with EINVAL
 * @flags: in, must be zero
 * @handle: out, the new buffer object's GEM handle
 *
 * The buffer object is zero-filled system memory. Creating it allocates
 * none; its first mmap() allocates and pins all of it, until the object
 * is freed (the drm_gem_shmem helpers' behaviour).
 */
struct drm_nvvgpu_gem_create {
	__u64 size;
	__u32 flags;
	__u32 handle;
};

/**
 * struct drm_nvvgpu_gem_mmap_offset - argument of
 *	DRM_IOCTL_NVVGPU_GEM_MMAP_OFFSET
 * @handle: in, a GEM handle of this fd; ENOENT for an unknown one
 * @flags: in, must be zero
 * @offset: out, the offset to pass to mmap() on the DRM fd
 */
struct drm_nvvgpu_gem_mmap_offset {
	__u32 handle;
	__u32 flags;
	__u64 offset;
};

/**
 * enum drm_nvvgpu_engine - the engines a host channel can run on
 * @DRM_NVVGPU_ENGINE_GR: graphics and compute (NV2080_ENGINE_TYPE_GR0)
 * @DRM_NVVGPU_ENGINE_CE0: copy engine 0 (NV2080_ENGINE_TYPE_COPY0)
 * @DRM_NVVGPU_ENGINE_CE1: copy engine 1 (NV2080_ENGINE_TYPE_COPY1)
 *
 * An engine the GPU does not have fails with ENODEV.
 */
enum drm_nvvgpu_engine {
	DRM_NVVGPU_ENGINE_GR = 0,
	DRM_NVVGPU_ENGINE_CE0 = 1,
	DRM_NVVGPU_ENGINE_CE1 = 2,
};

/* largest framebuffer window of one host channel, bytes */
#define DRM_NVVGPU_CHANNEL_MAX_SIZE	(64ULL << 20)
/* jobs of one channel in flight at most */
#define DRM_NVVGPU_MAX_JOBS		255
/* longest pushbuffer of one job, dwords (a GPFIFO entry's LENGTH) */
#define DRM_NVVGPU_MAX_PB_DWORDS	((1U << 21) - 1)

/**
 * struct drm_nvvgpu_channel_create - argument of
 *	DRM_IOCTL_NVVGPU_CHANNEL_CREATE
 * @argsz: in, sizeof(struct drm_nvvgpu_channel_create)
 * @flags: in, must be zero
 * @engine: in, one of &enum drm_nvvgpu_engine
 * @pad: must be zero
 * @size: in, bytes of framebuffer window, rounded up to the page size;
 *	0 or more than DRM_NVVGPU_CHANNEL_MAX_SIZE fails with EINVAL, and
 *	ENOSPC when the host's framebuffer has no room
 * @channel: out, the channel's handle in this fd
 * @bo_handle: out, GEM handle of the window, for GEM_MMAP_OFFSET
 * @gpu_va: out, the GPU virtual address of the window's first byte
 *
 * Fails with ENODEV once the physical GPU is gone, for an engine it does
 * not have, or while the partition provider (nvvgpu_mm) is not loaded; EIO
 * while it is lost; EOPNOTSUPP when its providers cannot make host
 * channels.
 */
struct drm_nvvgpu_channel_create {
	__u32 argsz;
	__u32 flags;
	__u32 engine;
	__u32 pad;
	__u64 size;
	__u32 channel;
	__u32 bo_handle;
	__u64 gpu_va;
};

/**
 * struct drm_nvvgpu_channel_destroy - argument of
 *	DRM_IOCTL_NVVGPU_CHANNEL_DESTROY
 * @argsz: in, sizeof(struct drm_nvvgpu_channel_destroy)
 * @channel: in, a channel of this fd; ENOENT for any other
 *
 * The channel leaves the engines at a method boundary; jobs still pending
 * are dropped and their fences signal with -ECANCELED. The window's buffer
 * object stays valid (and mapped) until its handle is closed, but the GPU
 * no longer uses it; then the window is scrubbed.
 */
struct drm_nvvgpu_channel_destroy {
	__u32 argsz;
	__u32 channel;
};

/**
 * struct drm_nvvgpu_submit - argument of DRM_IOCTL_NVVGPU_SUBMIT
 * @argsz: in, sizeof(struct drm_nvvgpu_submit)
 * @flags: in, must be zero
 * @channel: in, a channel of this fd; ENOENT for any other
 * @out_syncobj: in, a drm_syncobj handle that gets the job's fence, or 0
 *	for none; ENOENT for an unknown handle
 * @pb_offset: in, offset of the pushbuffer in the channel's window, a
 *	multiple of 4
 * @pb_dwords: in, its length in dwords, 1..DRM_NVVGPU_MAX_PB_DWORDS; the
 *	pushbuffer must lie wholly inside the window (EINVAL)
 * @pad: must be zero
 * @seqno: out, the job's number on the channel, counting from 1
 *
 * Fails with EIO once the channel is in error, EBUSY with
 * DRM_NVVGPU_MAX_JOBS jobs in flight.
 */
struct drm_nvvgpu_submit {
	__u32 argsz;
	__u32 flags;
	__u32 channel;
	__u32 out_syncobj;
	__u64 pb_offset;
	__u32 pb_dwords;
	__u32 pad;
	__u64 seqno;
};

#if defined(__cplusplus)
}
#endif

#endif /* __NVVGPU_DRM_H__ */

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
 *   a buffer object on the DRM fd.
 *
 * Buffer objects are closed with DRM_IOCTL_GEM_CLOSE and shared with PRIME.
 * Every reserved field must be zero, and every flags field takes only the
 * flags defined here: anything else fails with EINVAL.
 */

#define DRM_NVVGPU_GETPARAM		0x00
#define DRM_NVVGPU_GEM_CREATE		0x01
#define DRM_NVVGPU_GEM_MMAP_OFFSET	0x02

#define DRM_IOCTL_NVVGPU_GETPARAM \
	DRM_IOWR(DRM_COMMAND_BASE + DRM_NVVGPU_GETPARAM, \
		 struct drm_nvvgpu_getparam)
#define DRM_IOCTL_NVVGPU_GEM_CREATE \
	DRM_IOWR(DRM_COMMAND_BASE + DRM_NVVGPU_GEM_CREATE, \
		 struct drm_nvvgpu_gem_create)
#define DRM_IOCTL_NVVGPU_GEM_MMAP_OFFSET \
	DRM_IOWR(DRM_COMMAND_BASE + DRM_NVVGPU_GEM_MMAP_OFFSET, \
		 struct drm_nvvgpu_gem_mmap_offset)

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
 * The buffer object is zero-filled system memory, allocated when it is
 * first touched.
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

#if defined(__cplusplus)
}
#endif

#endif /* __NVVGPU_DRM_H__ */

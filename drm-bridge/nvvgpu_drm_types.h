/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nvvgpu DRM: data types of the render node.
 *
 * Copyright (c) 2026 The nvvgpu developers
 */
#ifndef __NVVGPU_DRM_TYPES_H__
#define __NVVGPU_DRM_TYPES_H__

#include <linux/types.h>

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
 *
 * Allocated with drmm_kzalloc(), so it lives as long as @drm.
 */
struct nvvgpu_drm {
	struct drm_device *drm;
	struct auxiliary_device *adev;
	struct nvvgpu_pgpu *pgpu;
	u64 fw_version;
	bool lost;
};

#endif /* __NVVGPU_DRM_TYPES_H__ */

/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nvvgpu DRM: functions shared between the files of nvvgpu_drm.
 *
 * Copyright (c) 2026 The nvvgpu developers
 */
#ifndef __NVVGPU_DRM_PRIV_H__
#define __NVVGPU_DRM_PRIV_H__

#include <drm/drm_device.h>
#include <linux/sizes.h>

#include "nvvgpu_drm_types.h"

struct drm_file;

/* largest buffer object DRM_IOCTL_NVVGPU_GEM_CREATE makes */
#define NVVGPU_DRM_GEM_MAX_SIZE		SZ_1G

static inline struct nvvgpu_drm *to_nvvgpu_drm(struct drm_device *drm)
{
	return drm->dev_private;
}

/* drm_ioctl.c: the driver ioctls, see include/uapi/drm/nvvgpu_drm.h */
int nvvgpu_drm_ioctl_getparam(struct drm_device *drm, void *data,
			      struct drm_file *file);
int nvvgpu_drm_ioctl_gem_create(struct drm_device *drm, void *data,
				struct drm_file *file);
int nvvgpu_drm_ioctl_gem_mmap_offset(struct drm_device *drm, void *data,
				     struct drm_file *file);

/* drm_channel.c: host channels, their windows and submits */
int nvvgpu_drm_ioctl_channel_create(struct drm_device *drm, void *data,
				    struct drm_file *file);
int nvvgpu_drm_ioctl_channel_destroy(struct drm_device *drm, void *data,
				     struct drm_file *file);
int nvvgpu_drm_ioctl_submit(struct drm_device *drm, void *data,
			    struct drm_file *file);
void nvvgpu_drm_channels_init(struct nvvgpu_drm *ndrm);
void nvvgpu_drm_channels_fini(struct nvvgpu_drm *ndrm);
void nvvgpu_drm_channels_lost(struct nvvgpu_drm *ndrm);
int nvvgpu_drm_open(struct drm_device *drm, struct drm_file *file);
void nvvgpu_drm_postclose(struct drm_device *drm, struct drm_file *file);

#endif /* __NVVGPU_DRM_PRIV_H__ */

// SPDX-License-Identifier: GPL-2.0
/*
 * nvvgpu DRM: the driver ioctls of the render node.
 *
 * Copyright (c) 2026 The nvvgpu developers
 */

#include <drm/drm_device.h>
#include <drm/drm_drv.h>
#include <drm/drm_file.h>
#include <drm/drm_gem.h>
#include <drm/drm_gem_shmem_helper.h>
#include <drm/drm_ioctl.h>
#include <drm/drm_print.h>
#include <drm/drm_vma_manager.h>

#include <nvvgpu/core.h>
#include <uapi/drm/nvvgpu_drm.h>

#include "nvvgpu_drm.h"

/**
 * nvvgpu_drm_ioctl_getparam() - DRM_IOCTL_NVVGPU_GETPARAM
 * @drm: the DRM device
 * @data: struct drm_nvvgpu_getparam
 * @file: the caller's DRM file
 *
 * Return: 0; -EINVAL for a non-zero pad or an unknown param; -ENODEV once
 * the device is unplugged; -EIO when the pgpu is lost.
 */
int nvvgpu_drm_ioctl_getparam(struct drm_device *drm, void *data,
			      struct drm_file *file)
{
	struct nvvgpu_drm *ndrm = to_nvvgpu_drm(drm);
	struct drm_nvvgpu_getparam *args = data;
	struct nvvgpu_pgpu *pgpu;
	int idx, ret = 0;

	if (args->pad) {
		drm_dbg_driver(drm, "GETPARAM: pad is %#x, must be 0\n",
			       args->pad);
		return -EINVAL;
	}

	/* the pgpu is only there until the device is unplugged */
	if (!drm_dev_enter(drm, &idx))
		return -ENODEV;
	if (READ_ONCE(ndrm->lost)) {
		drm_dbg_driver(drm, "GETPARAM: the pgpu is lost\n");
		ret = -EIO;
		goto out;
	}

	pgpu = ndrm->pgpu;
	switch (args->param) {
	case DRM_NVVGPU_PARAM_FB_SIZE:
		args->value = nvvgpu_pgpu_info(pgpu)->fb_size;
		break;
	case DRM_NVVGPU_PARAM_NUM_VGPU_TYPES:
		args->value = nvvgpu_pgpu_info(pgpu)->num_types;
		break;
	case DRM_NVVGPU_PARAM_NUM_VGPUS:
		/* a snapshot: vGPUs come and go under the pgpu lock */
		args->value = nvvgpu_pgpu_num_vgpus(pgpu);
		break;
	case DRM_NVVGPU_PARAM_FW_VERSION:
		args->value = ndrm->fw_version;
		break;
	case DRM_NVVGPU_PARAM_NUM_CHANNELS:
		args->value = nvvgpu_pgpu_info(pgpu)->num_channels;
		break;
	case DRM_NVVGPU_PARAM_GEM_MAX_SIZE:
		args->value = NVVGPU_DRM_GEM_MAX_SIZE;
		break;
	default:
		drm_dbg_driver(drm, "GETPARAM: unknown param %u\n",
			       args->param);
		ret = -EINVAL;
		break;
	}
out:
	drm_dev_exit(idx);
	return ret;
}

/**
 * nvvgpu_drm_ioctl_gem_create() - DRM_IOCTL_NVVGPU_GEM_CREATE
 * @drm: the DRM device
 * @data: struct drm_nvvgpu_gem_create
 * @file: the caller's DRM file, which gets the handle
 *
 * Return: 0; -EINVAL for flags or a size out of range; -ENOMEM.
 */
int nvvgpu_drm_ioctl_gem_create(struct drm_device *drm, void *data,
				struct drm_file *file)
{
	struct drm_nvvgpu_gem_create *args = data;
	struct drm_gem_shmem_object *shmem;
	int ret;

	if (args->flags) {
		drm_dbg_driver(drm, "GEM_CREATE: flags %#x, must be 0\n",
			       args->flags);
		return -EINVAL;
	}
	if (!args->size || args->size > NVVGPU_DRM_GEM_MAX_SIZE) {
		drm_dbg_driver(drm, "GEM_CREATE: size %llu not in 1..%llu\n",
			       args->size, (u64)NVVGPU_DRM_GEM_MAX_SIZE);
		return -EINVAL;
	}

	shmem = drm_gem_shmem_create(drm, PAGE_ALIGN(args->size));
	if (IS_ERR(shmem))
		return PTR_ERR(shmem);

	ret = drm_gem_handle_create(file, &shmem->base, &args->handle);
	/* the handle holds the object now, or it goes away */
	drm_gem_object_put(&shmem->base);
	return ret;
}

/**
 * nvvgpu_drm_ioctl_gem_mmap_offset() - DRM_IOCTL_NVVGPU_GEM_MMAP_OFFSET
 * @drm: the DRM device
 * @data: struct drm_nvvgpu_gem_mmap_offset
 * @file: the caller's DRM file
 *
 * Return: 0; -EINVAL for flags; -ENOENT for an unknown handle; -ENOMEM.
 */
int nvvgpu_drm_ioctl_gem_mmap_offset(struct drm_device *drm, void *data,
				     struct drm_file *file)
{
	struct drm_nvvgpu_gem_mmap_offset *args = data;
	struct drm_gem_object *obj;
	int ret;

	if (args->flags) {
		drm_dbg_driver(drm, "GEM_MMAP_OFFSET: flags %#x, must be 0\n",
			       args->flags);
		return -EINVAL;
	}

	obj = drm_gem_object_lookup(file, args->handle);
	if (!obj) {
		drm_dbg_driver(drm, "GEM_MMAP_OFFSET: no handle %u\n",
			       args->handle);
		return -ENOENT;
	}

	ret = drm_gem_create_mmap_offset(obj);
	if (!ret)
		args->offset = drm_vma_node_offset_addr(&obj->vma_node);
	drm_gem_object_put(obj);
	return ret;
}

// SPDX-License-Identifier: GPL-2.0
/*
 * nvvgpu DRM: the auxiliary driver that gives each pgpu a render node.
 *
 * Copyright (c) 2026 The nvvgpu developers
 */

#include <linux/auxiliary_bus.h>
#include <linux/kernel.h>
#include <linux/module.h>

#include <drm/drm_drv.h>
#include <drm/drm_file.h>
#include <drm/drm_gem.h>
#include <drm/drm_gem_shmem_helper.h>
#include <drm/drm_ioctl.h>
#include <drm/drm_managed.h>
#include <drm/drm_mode_config.h>
#include <drm/drm_print.h>

#include <nvvgpu/core.h>
#include <uapi/drm/nvvgpu_drm.h>

#include "nvvgpu_drm.h"

/**
 * DOC: overview
 *
 * The core creates the auxiliary device "nvvgpu_core.drm.<id>" for every
 * pgpu that is ready; nvvgpu_drm binds to it and registers a DRM device
 * with a render node, driver name "nvvgpu".
 *
 * The DRM device's parent is the pgpu's own device (the backend's platform
 * or PCI device), not the auxiliary device: libdrm enumerates DRM devices
 * only on the buses it knows (pci, usb, platform, ...), and one parented on
 * the auxiliary bus would be invisible to drmGetDevices2() and so to Mesa.
 *
 * Because the parent is not the device we are bound to, nothing is
 * device-managed on the parent: the DRM device is allocated with
 * drm_dev_alloc() and, on unbind, unplugged and put by hand. An open file
 * may keep the DRM device alive past unbind; its GEM objects still work,
 * and whatever touches the pgpu runs inside drm_dev_enter(), which fails
 * once the device is unplugged.
 *
 * The GPUs vGPU hosts use are data-centre boards without a display engine.
 * The device presents itself the way nouveau and amdgpu present such
 * boards: a KMS device whose mode configuration has no CRTC, encoder,
 * connector or plane, so that KMS tools such as drm_info can query it, and
 * nothing can be scanned out. The render node is where the work goes.
 */

DEFINE_DRM_GEM_FOPS(nvvgpu_drm_fops);

static const struct drm_ioctl_desc nvvgpu_drm_ioctls[] = {
	DRM_IOCTL_DEF_DRV(NVVGPU_GETPARAM, nvvgpu_drm_ioctl_getparam,
			  DRM_RENDER_ALLOW),
	DRM_IOCTL_DEF_DRV(NVVGPU_GEM_CREATE, nvvgpu_drm_ioctl_gem_create,
			  DRM_RENDER_ALLOW),
	DRM_IOCTL_DEF_DRV(NVVGPU_GEM_MMAP_OFFSET,
			  nvvgpu_drm_ioctl_gem_mmap_offset, DRM_RENDER_ALLOW),
	DRM_IOCTL_DEF_DRV(NVVGPU_CHANNEL_CREATE,
			  nvvgpu_drm_ioctl_channel_create, DRM_RENDER_ALLOW),
	DRM_IOCTL_DEF_DRV(NVVGPU_CHANNEL_DESTROY,
			  nvvgpu_drm_ioctl_channel_destroy, DRM_RENDER_ALLOW),
	DRM_IOCTL_DEF_DRV(NVVGPU_SUBMIT, nvvgpu_drm_ioctl_submit,
			  DRM_RENDER_ALLOW),
};

/*
 * Without a display engine the mode configuration's size limits are all
 * zero, so the core refuses every framebuffer before it gets here.
 */
static struct drm_framebuffer *
nvvgpu_drm_fb_create(struct drm_device *drm, struct drm_file *file,
		     const struct drm_mode_fb_cmd2 *cmd)
{
	drm_dbg_kms(drm, "no display engine: framebuffer refused\n");
	return ERR_PTR(-EINVAL);
}

static const struct drm_mode_config_funcs nvvgpu_drm_mode_config_funcs = {
	.fb_create = nvvgpu_drm_fb_create,
};

/**
 * DOC: drm driver
 *
 * nvvgpu_drm_driver: GEM objects are shmem-backed (drm_gem_shmem helpers)
 * and mmap()ed through the DRM fd at the offset GEM_MMAP_OFFSET returns;
 * PRIME import and export use the helpers' defaults. A host channel's
 * window is a GEM object of its own over framebuffer (drm_channel.c). Each
 * open file has its table of channels, stopped when it closes. The KMS side is an
 * empty mode configuration: the GPU has no display.
 */
static const struct drm_driver nvvgpu_drm_driver = {
	.driver_features = DRIVER_GEM | DRIVER_RENDER | DRIVER_MODESET |
			   DRIVER_SYNCOBJ,
	.open = nvvgpu_drm_open,
	.postclose = nvvgpu_drm_postclose,
	.ioctls = nvvgpu_drm_ioctls,
	.num_ioctls = ARRAY_SIZE(nvvgpu_drm_ioctls),
	.fops = &nvvgpu_drm_fops,
	.gem_prime_import_sg_table = drm_gem_shmem_prime_import_sg_table,
	.name = "nvvgpu",
	.desc = "NVIDIA vGPU host render node",
	.major = 1,
	.minor = 0,
};

/* "535.113.01" -> DRM_NVVGPU_FW_VERSION(535, 113, 1); 0 if unparsable */
static u64 nvvgpu_drm_parse_fw_version(struct nvvgpu_drm *ndrm,
				       const char *version)
{
	unsigned int major = 0, minor = 0, patch = 0;

	if (sscanf(version, "%u.%u.%u", &major, &minor, &patch) < 2 ||
	    major > 0xffff || minor > 0xffff || patch > 0xffff) {
		dev_warn(&ndrm->adev->dev, "firmware version '%s' not understood\n",
			 version);
		return 0;
	}
	return DRM_NVVGPU_FW_VERSION(major, minor, patch);
}

static void nvvgpu_drm_pgpu_lost(struct nvvgpu_pgpu *pgpu, void *priv)
{
	struct nvvgpu_drm *ndrm = priv;

	WRITE_ONCE(ndrm->lost, true);
	drm_warn(ndrm->drm, "pgpu %u lost: host channels fail\n",
		 nvvgpu_pgpu_id(pgpu));
	nvvgpu_drm_channels_lost(ndrm);
}

static void nvvgpu_drm_pgpu_recovered(struct nvvgpu_pgpu *pgpu, void *priv)
{
	struct nvvgpu_drm *ndrm = priv;

	if (READ_ONCE(ndrm->lost))
		drm_info(ndrm->drm, "pgpu %u recovered\n",
			 nvvgpu_pgpu_id(pgpu));
	WRITE_ONCE(ndrm->lost, false);
}

/**
 * DOC: client ops
 *
 * nvvgpu_drm_client_ops: when the pgpu is lost, @pgpu_lost makes GETPARAM
 * and CHANNEL_CREATE fail with -EIO, until @pgpu_recovered after a reset,
 * and puts every host channel in error (the firmware forgets them in the
 * reset); buffer objects keep working, they are system memory.
 */
static const struct nvvgpu_client_ops nvvgpu_drm_client_ops = {
	.version = NVVGPU_CLIENT_OPS_VERSION,
	.name = "drm",
	.pgpu_lost = nvvgpu_drm_pgpu_lost,
	.pgpu_recovered = nvvgpu_drm_pgpu_recovered,
};

static int nvvgpu_drm_probe(struct auxiliary_device *adev,
			    const struct auxiliary_device_id *id)
{
	struct nvvgpu_pgpu *pgpu = nvvgpu_aux_to_pgpu(adev);
	struct nvvgpu_drm *ndrm;
	struct drm_device *drm;
	int err;

	drm = drm_dev_alloc(&nvvgpu_drm_driver, nvvgpu_pgpu_dev(pgpu));
	if (IS_ERR(drm))
		return PTR_ERR(drm);

	err = drmm_mode_config_init(drm);
	if (err)
		goto err_put;
	drm->mode_config.funcs = &nvvgpu_drm_mode_config_funcs;
	drm->mode_config.fb_modifiers_not_supported = true;

	ndrm = drmm_kzalloc(drm, sizeof(*ndrm), GFP_KERNEL);
	if (!ndrm) {
		err = -ENOMEM;
		goto err_put;
	}
	ndrm->drm = drm;
	ndrm->adev = adev;
	ndrm->pgpu = pgpu;
	ndrm->fw_version =
		nvvgpu_drm_parse_fw_version(ndrm, nvvgpu_pgpu_fw_version(pgpu));
	drm->dev_private = ndrm;
	nvvgpu_drm_channels_init(ndrm);

	err = nvvgpu_client_register(pgpu, NVVGPU_CLIENT_DRM,
				     &nvvgpu_drm_client_ops, ndrm);
	if (err) {
		dev_err(&adev->dev, "cannot register with the core: %pe\n", ERR_PTR(err));
		goto err_sink;
	}

	err = drm_dev_register(drm, 0);
	if (err) {
		dev_err(&adev->dev, "cannot register the DRM device: %pe\n", ERR_PTR(err));
		goto err_client;
	}
	auxiliary_set_drvdata(adev, ndrm);

	drm_info(drm, "pgpu %u: render node %s, firmware %s\n",
		 nvvgpu_pgpu_id(pgpu), dev_name(drm->render->kdev),
		 nvvgpu_pgpu_fw_version(pgpu));
	return 0;

err_client:
	nvvgpu_client_unregister(pgpu, NVVGPU_CLIENT_DRM);
err_sink:
	nvvgpu_drm_channels_fini(ndrm);
err_put:
	drm_dev_put(drm);
	return err;
}

static void nvvgpu_drm_remove(struct auxiliary_device *adev)
{
	struct nvvgpu_drm *ndrm = auxiliary_get_drvdata(adev);
	struct drm_device *drm = ndrm->drm;

	/* no new access to the pgpu, and none in flight, after this */
	drm_dev_unplug(drm);
	nvvgpu_drm_channels_fini(ndrm);
	nvvgpu_client_unregister(ndrm->pgpu, NVVGPU_CLIENT_DRM);
	/* open files may hold on to the DRM device a while longer */
	drm_dev_put(drm);
}

static const struct auxiliary_device_id nvvgpu_drm_aux_ids[] = {
	{ .name = NVVGPU_AUX_DRM },
	{ }
};
MODULE_DEVICE_TABLE(auxiliary, nvvgpu_drm_aux_ids);

static struct auxiliary_driver nvvgpu_drm_aux_driver = {
	.probe = nvvgpu_drm_probe,
	.remove = nvvgpu_drm_remove,
	.id_table = nvvgpu_drm_aux_ids,
};
module_auxiliary_driver(nvvgpu_drm_aux_driver);

MODULE_IMPORT_NS(NVVGPU);
MODULE_DESCRIPTION("nvvgpu: DRM render node on the physical GPU");
MODULE_AUTHOR("The nvvgpu developers");
MODULE_LICENSE("GPL");

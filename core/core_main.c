// SPDX-License-Identifier: GPL-2.0
/*
 * nvvgpu core: module entry points and global state.
 *
 * Copyright (c) 2026 The nvvgpu developers
 */

#include <linux/debugfs.h>
#include <linux/module.h>

#include "core_priv.h"

/**
 * DOC: nvvgpu core
 *
 * The core owns the physical GPU (pgpu) and vGPU objects, the vGPU type
 * catalogue and lifecycle, and the registry of ops tables. Everything else
 * plugs in:
 *
 * ::
 *
 *	 nvvgpu_vfio   nvvgpu_drm          clients (auxiliary drivers)
 *	       \          /
 *	        nvvgpu_core  <- nvvgpu_gsp, nvvgpu_mm, nvvgpu_sched  (providers)
 *	             ^
 *	         nvvgpu_sim                 hardware backend
 *
 * Arrows point at the core: modules call only core API, and the core calls
 * them back through the ops tables they registered.
 */

struct nvvgpu_core nvvgpu_core = {
	.lock = __MUTEX_INITIALIZER(nvvgpu_core.lock),
	.pgpus = LIST_HEAD_INIT(nvvgpu_core.pgpus),
	.pgpu_ids = IDA_INIT(nvvgpu_core.pgpu_ids),
	.vgpu_lock = __MUTEX_INITIALIZER(nvvgpu_core.vgpu_lock),
	.vgpus = LIST_HEAD_INIT(nvvgpu_core.vgpus),
};

/**
 * nvvgpu_debugfs_root() - the "nvvgpu" debugfs directory
 *
 * Providers and backends put their per-pgpu files below it.
 *
 * Return: the directory's dentry (an error pointer if debugfs is off; the
 * debugfs API accepts that as a parent).
 */
struct dentry *nvvgpu_debugfs_root(void)
{
	return nvvgpu_core.debugfs;
}
EXPORT_SYMBOL_NS_GPL(nvvgpu_debugfs_root, NVVGPU);

static int __init nvvgpu_core_init(void)
{
	nvvgpu_core.debugfs = debugfs_create_dir("nvvgpu", NULL);
	return 0;
}

static void __exit nvvgpu_core_exit(void)
{
	/* every user module holds a reference on us, so all is gone by now */
	debugfs_remove_recursive(nvvgpu_core.debugfs);
	ida_destroy(&nvvgpu_core.pgpu_ids);
}

module_init(nvvgpu_core_init);
module_exit(nvvgpu_core_exit);

MODULE_DESCRIPTION("NVIDIA vGPU host core: pgpu/vGPU objects, lifecycle and ops registry");
MODULE_AUTHOR("The nvvgpu developers");
MODULE_LICENSE("GPL");

// SPDX-License-Identifier: GPL-2.0
/*
 * nvvgpu_test_badver: a scheduler provider built against interface version
 * 999. Loading it must fail with -EINVAL and a log line naming both
 * versions; the VM bad-input scenario checks that.
 *
 * Copyright (c) 2026 The nvvgpu developers
 */

#include <linux/module.h>

#include <nvvgpu/core.h>

static int badver_add(struct nvvgpu_vgpu *vgpu)
{
	return -EOPNOTSUPP;
}

static void badver_remove(struct nvvgpu_vgpu *vgpu)
{
}

static void badver_set_runnable(struct nvvgpu_vgpu *vgpu, bool runnable)
{
}

static const struct nvvgpu_sched_ops badver_ops = {
	.base = {
		.version = 999,
		.name = "badver",
		.owner = THIS_MODULE,
	},
	.vgpu_add = badver_add,
	.vgpu_remove = badver_remove,
	.vgpu_set_runnable = badver_set_runnable,
};

module_nvvgpu_scheduler(badver_ops);

MODULE_IMPORT_NS(NVVGPU);
MODULE_DESCRIPTION("nvvgpu test: provider with a mismatched interface version");
MODULE_AUTHOR("The nvvgpu developers");
MODULE_LICENSE("GPL");

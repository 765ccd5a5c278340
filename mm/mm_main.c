// SPDX-License-Identifier: GPL-2.0
/*
 * nvvgpu mm: partitioning of a pgpu's framebuffer and channel IDs.
 *
 * Copyright (c) 2026 The nvvgpu developers
 */

#include <linux/debugfs.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/seq_file.h>
#include <linux/slab.h>

#include <nvvgpu/core.h>

#include "mm_range.h"

/**
 * DOC: partition layout
 *
 * Each vGPU gets one contiguous chunk of framebuffer, aligned to the VMMU
 * segment size the firmware reports, that holds its guest FB followed by
 * its management (GSP plugin) heap, and one contiguous range of channel
 * IDs. The bottom of FB and the first channel IDs stay with the host::
 *
 *	0        host_fb      chunk (segment aligned)             fb_size
 *	| host   |  ...  | guest FB      | heap |  ...  | guest FB | heap |
 *
 * Chunks are placed first fit, so what type_capacity() counts is exactly
 * what allocation would achieve. Freed chunks are scrubbed before reuse.
 *
 * The host's part of FB holds the windows of the host's own channels
 * (host_fb_alloc, for the DRM render node), placed first fit there too and
 * scrubbed when freed; it never shrinks what vGPUs can get.
 */

static unsigned int host_fb_mb = 128;
module_param(host_fb_mb, uint, 0444);
MODULE_PARM_DESC(host_fb_mb, "Framebuffer kept for the host, MiB (default 128, at most a quarter of FB)");

static unsigned int host_channels = 64;
module_param(host_channels, uint, 0444);
MODULE_PARM_DESC(host_channels, "Channel IDs kept for the host (default 64, at most a quarter)");

/* per-vGPU record of what was reserved */
struct nvvgpu_mm_vgpu {
	u64 chunk;
	u32 chid;
};

static int nvvgpu_mm_show(struct seq_file *m, void *data)
{
	struct nvvgpu_mm_pgpu *mm = m->private;
	struct nvvgpu_mm_range *r;

	mutex_lock(&mm->lock);
	seq_printf(m, "fb: %#llx-%#llx used %llu MiB, segment %llu MiB, host %llu MiB\n",
		   mm->fb.start, mm->fb.end, nvvgpu_mm_used(&mm->fb) >> 20,
		   mm->segment >> 20, mm->host_fb >> 20);
	list_for_each_entry(r, &mm->fb.used, link)
		seq_printf(m, "  fb %#llx+%#llx\n", r->start, r->size);
	seq_printf(m, "host fb: used %llu KiB\n", nvvgpu_mm_used(&mm->host) >> 10);
	list_for_each_entry(r, &mm->host.used, link)
		seq_printf(m, "  host %#llx+%#llx\n", r->start, r->size);
	seq_printf(m, "chid: %llu-%llu used %llu, host %u\n", mm->chid.start,
		   mm->chid.end, nvvgpu_mm_used(&mm->chid), mm->host_chids);
	list_for_each_entry(r, &mm->chid.used, link)
		seq_printf(m, "  chid %llu+%llu\n", r->start, r->size);
	mutex_unlock(&mm->lock);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(nvvgpu_mm);

static int nvvgpu_mm_attach(struct nvvgpu_pgpu *pgpu, void **priv)
{
	const struct nvvgpu_pgpu_info *info = nvvgpu_pgpu_info(pgpu);
	struct nvvgpu_mm_pgpu *mm;

	nvvgpu_pgpu_assert_locked(pgpu);

	if (!info->vmmu_segment_size || !info->num_channels ||
	    info->fb_size < info->vmmu_segment_size) {
		dev_err(nvvgpu_pgpu_dev(pgpu), "mm: unusable static info (fb %llu, segment %llu, channels %u)\n",
			info->fb_size, info->vmmu_segment_size,
			info->num_channels);
		return -EINVAL;
	}

	mm = kzalloc(sizeof(*mm), GFP_KERNEL);
	if (!mm)
		return -ENOMEM;
	mm->pgpu = pgpu;
	mutex_init(&mm->lock);
	mm->segment = info->vmmu_segment_size;
	mm->host_fb = min_t(u64, (u64)host_fb_mb << 20, info->fb_size / 4);
	mm->host_chids = min(host_channels, info->num_channels / 4);
	nvvgpu_mm_init(&mm->fb, mm->host_fb, info->fb_size);
	nvvgpu_mm_init(&mm->host, 0, mm->host_fb);
	nvvgpu_mm_init(&mm->chid, mm->host_chids, info->num_channels);
	mm->debugfs = debugfs_create_file("partitions", 0444, nvvgpu_pgpu_debugfs(pgpu),
					  mm, &nvvgpu_mm_fops);
	*priv = mm;
	return 0;
}

static void nvvgpu_mm_detach(struct nvvgpu_pgpu *pgpu, void *priv)
{
	struct nvvgpu_mm_pgpu *mm = priv;

	nvvgpu_pgpu_assert_locked(pgpu);

	debugfs_remove(mm->debugfs);
	nvvgpu_mm_fini(&mm->fb);
	nvvgpu_mm_fini(&mm->host);
	nvvgpu_mm_fini(&mm->chid);
	mutex_destroy(&mm->lock);
	kfree(mm);
}

static u64 nvvgpu_mm_chunk_size(const struct nvvgpu_vgpu_type *type)
{
	return type->fb_size + type->heap_size;
}

static int nvvgpu_mm_vgpu_alloc(struct nvvgpu_vgpu *vgpu,
				struct nvvgpu_partition *part)
{
	struct nvvgpu_pgpu *pgpu = vgpu->pgpu;
	struct nvvgpu_mm_pgpu *mm = nvvgpu_provider_priv(pgpu, NVVGPU_PROVIDER_PARTITION);
	const struct nvvgpu_vgpu_type *type = vgpu->type;
	struct nvvgpu_mm_vgpu *mv;
	u64 chunk, chid;
	int err;

	nvvgpu_pgpu_assert_locked(pgpu);

	if (!type->fb_size || !type->num_channels)
		return -EINVAL;
	mv = kzalloc(sizeof(*mv), GFP_KERNEL);
	if (!mv)
		return -ENOMEM;

	mutex_lock(&mm->lock);
	err = nvvgpu_mm_alloc(&mm->fb, nvvgpu_mm_chunk_size(type), mm->segment,
			      &chunk);
	if (err)
		goto err_unlock;
	err = nvvgpu_mm_alloc(&mm->chid, type->num_channels, 1, &chid);
	if (err)
		goto err_fb;
	mutex_unlock(&mm->lock);

	mv->chunk = chunk;
	mv->chid = chid;
	nvvgpu_vgpu_set_provider_priv(vgpu, NVVGPU_PROVIDER_PARTITION, mv);
	part->fb_offset = chunk;
	part->fb_size = type->fb_size;
	part->heap_offset = chunk + type->fb_size;
	part->heap_size = type->heap_size;
	part->chid_base = chid;
	part->chid_count = type->num_channels;
	return 0;

err_fb:
	nvvgpu_mm_free(&mm->fb, chunk);
err_unlock:
	mutex_unlock(&mm->lock);
	kfree(mv);
	return err;
}

static void nvvgpu_mm_vgpu_free(struct nvvgpu_vgpu *vgpu)
{
	struct nvvgpu_pgpu *pgpu = vgpu->pgpu;
	struct nvvgpu_mm_pgpu *mm = nvvgpu_provider_priv(pgpu, NVVGPU_PROVIDER_PARTITION);
	struct nvvgpu_mm_vgpu *mv =
		nvvgpu_vgpu_provider_priv(vgpu, NVVGPU_PROVIDER_PARTITION);
	u64 size = nvvgpu_mm_chunk_size(vgpu->type);
	int err;

	nvvgpu_pgpu_assert_locked(pgpu);

	/* scrub before the chunk can be handed to the next tenant */
	err = nvvgpu_pgpu_fb_clear(pgpu, mv->chunk, PAGE_ALIGN(size));
	mutex_lock(&mm->lock);
	if (err)
		/* keep it out of circulation rather than leak its contents */
		dev_err(nvvgpu_pgpu_dev(pgpu), "mm: scrub of %#llx+%#llx failed (%pe): range retired\n",
			mv->chunk, size, ERR_PTR(err));
	else
		nvvgpu_mm_free(&mm->fb, mv->chunk);
	nvvgpu_mm_free(&mm->chid, mv->chid);
	mutex_unlock(&mm->lock);
	nvvgpu_vgpu_set_provider_priv(vgpu, NVVGPU_PROVIDER_PARTITION, NULL);
	kfree(mv);
}

static unsigned int nvvgpu_mm_type_capacity(struct nvvgpu_pgpu *pgpu,
					    const struct nvvgpu_vgpu_type *type)
{
	struct nvvgpu_mm_pgpu *mm = nvvgpu_provider_priv(pgpu, NVVGPU_PROVIDER_PARTITION);
	u64 fb, chid;

	nvvgpu_pgpu_assert_locked(pgpu);

	mutex_lock(&mm->lock);
	fb = nvvgpu_mm_capacity(&mm->fb, nvvgpu_mm_chunk_size(type), mm->segment);
	chid = nvvgpu_mm_capacity(&mm->chid, type->num_channels, 1);
	mutex_unlock(&mm->lock);
	return min3(fb, chid, (u64)UINT_MAX);
}

static int nvvgpu_mm_host_fb_alloc(struct nvvgpu_pgpu *pgpu, u64 size,
				   u64 *offset)
{
	struct nvvgpu_mm_pgpu *mm = nvvgpu_provider_priv(pgpu, NVVGPU_PROVIDER_PARTITION);
	int err;

	nvvgpu_pgpu_assert_locked(pgpu);

	if (!size || !PAGE_ALIGNED(size))
		return -EINVAL;
	mutex_lock(&mm->lock);
	err = nvvgpu_mm_alloc(&mm->host, size, PAGE_SIZE, offset);
	mutex_unlock(&mm->lock);
	return err;
}

static void nvvgpu_mm_host_fb_free(struct nvvgpu_pgpu *pgpu, u64 offset,
				   u64 size)
{
	struct nvvgpu_mm_pgpu *mm = nvvgpu_provider_priv(pgpu, NVVGPU_PROVIDER_PARTITION);
	int err;

	nvvgpu_pgpu_assert_locked(pgpu);

	err = nvvgpu_pgpu_fb_clear(pgpu, offset, size);
	mutex_lock(&mm->lock);
	if (err)
		dev_err(nvvgpu_pgpu_dev(pgpu), "mm: scrub of host range %#llx+%#llx failed (%pe): range retired\n",
			offset, size, ERR_PTR(err));
	else if (nvvgpu_mm_free(&mm->host, offset))
		dev_err(nvvgpu_pgpu_dev(pgpu), "mm: no host range at %#llx to free\n", offset);
	mutex_unlock(&mm->lock);
}

static const struct nvvgpu_partition_ops nvvgpu_mm_ops = {
	.base = {
		.version = NVVGPU_PARTITION_OPS_VERSION,
		.name = "mm",
		.owner = THIS_MODULE,
		.attach = nvvgpu_mm_attach,
		.detach = nvvgpu_mm_detach,
	},
	.vgpu_alloc = nvvgpu_mm_vgpu_alloc,
	.vgpu_free = nvvgpu_mm_vgpu_free,
	.type_capacity = nvvgpu_mm_type_capacity,
	.host_fb_alloc = nvvgpu_mm_host_fb_alloc,
	.host_fb_free = nvvgpu_mm_host_fb_free,
};

module_nvvgpu_partition(nvvgpu_mm_ops);

MODULE_IMPORT_NS(NVVGPU);
MODULE_DESCRIPTION("nvvgpu framebuffer and channel partitioning");
MODULE_AUTHOR("The nvvgpu developers");
MODULE_LICENSE("GPL");

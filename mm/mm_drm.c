// SPDX-License-Identifier: GPL-2.0
/*
 * nvvgpu mm-drm: partitioning of a pgpu's framebuffer and channel IDs on
 * the kernel's range allocator, drm_mm: the second partition provider,
 * beside nvvgpu_mm.
 *
 * Copyright (c) 2026 The nvvgpu developers
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/debugfs.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/seq_file.h>
#include <linux/slab.h>

#include <nvvgpu/core.h>

#include "mm_drm_map.h"

/**
 * DOC: mm-drm partition provider
 *
 * nvvgpu_mm_drm partitions a pgpu exactly as nvvgpu_mm does (DOC:
 * partition layout in mm_main.c): one chunk of guest FB and heap per vGPU
 * at a VMMU-segment aligned start above the host's framebuffer, one range
 * of channel IDs above the host's, both placed where nvvgpu_mm places
 * them (big chunks from the top, the rest from the bottom: DOC: partitions
 * on drm_mm), freed chunks scrubbed before reuse and kept out of
 * circulation when the scrub fails; type_capacity() is exact (DOC:
 * partitions on drm_mm). Its module parameters and their defaults are
 * nvvgpu_mm's. Only the allocator differs: drm_mm's trees of holes
 * instead of nvvgpu_mm's sorted list, so that either can take a pgpu over
 * from the other with the same offsets, its vGPUs running (export,
 * resume and adopt: DOC: hand-over of a pgpu's partitions). Both may be
 * registered; a pgpu runs one of them (the first registered, or the one an
 * operator names in its nvvgpu_providers/partition file).
 */

static unsigned int host_fb_mb = NVVGPU_MM_HOST_FB_MB_DEFAULT;
module_param(host_fb_mb, uint, 0444);
MODULE_PARM_DESC(host_fb_mb, "Framebuffer kept for the host, MiB (default 128, at most a quarter of FB)");

static unsigned int host_channels = NVVGPU_MM_HOST_CHANNELS_DEFAULT;
module_param(host_channels, uint, 0444);
MODULE_PARM_DESC(host_channels, "Channel IDs kept for the host (default 64, at most a quarter)");

static u64 nvvgpu_mm_drm_used(struct drm_mm *mm)
{
	struct drm_mm_node *node;
	u64 n = 0;

	drm_mm_for_each_node(node, mm)
		n += node->size;
	return n;
}

/* the format of nvvgpu_mm's "partitions", so that tools read both alike */
static int nvvgpu_mm_drm_show(struct seq_file *m, void *data)
{
	struct nvvgpu_mm_drm_pgpu *mm = m->private;
	struct nvvgpu_mm_drm_map *map = &mm->map;
	const struct nvvgpu_mm_layout *l = &map->layout;
	struct drm_mm_node *node;

	mutex_lock(&mm->lock);
	seq_printf(m, "fb: %#llx-%#llx used %llu MiB, segment %llu MiB, host %llu MiB\n",
		   l->host_fb, l->fb_end, nvvgpu_mm_drm_used(&map->fb) >> 20,
		   l->segment >> 20, l->host_fb >> 20);
	drm_mm_for_each_node(node, &map->fb)
		seq_printf(m, "  fb %#llx+%#llx\n", node->start, node->size);
	if (drm_mm_initialized(&map->host)) {
		seq_printf(m, "host fb: used %llu KiB\n",
			   nvvgpu_mm_drm_used(&map->host) >> 10);
		drm_mm_for_each_node(node, &map->host)
			seq_printf(m, "  host %#llx+%#llx\n", node->start,
				   node->size);
	} else {
		seq_puts(m, "host fb: used 0 KiB\n");
	}
	seq_printf(m, "chid: %u-%u used %llu, host %u\n", l->host_chids,
		   l->num_channels, nvvgpu_mm_drm_used(&map->chid),
		   l->host_chids);
	drm_mm_for_each_node(node, &map->chid)
		seq_printf(m, "  chid %llu+%llu\n", node->start, node->size);
	mutex_unlock(&mm->lock);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(nvvgpu_mm_drm);

/* an empty map over @pgpu's layout, without its debugfs file */
static struct nvvgpu_mm_drm_pgpu *nvvgpu_mm_drm_pgpu_new(struct nvvgpu_pgpu *pgpu)
{
	const struct nvvgpu_pgpu_info *info = nvvgpu_pgpu_info(pgpu);
	struct nvvgpu_mm_drm_pgpu *mm;
	struct nvvgpu_mm_layout layout;

	if (nvvgpu_mm_layout_init(&layout, info, host_fb_mb, host_channels)) {
		dev_err(nvvgpu_pgpu_dev(pgpu), "mm-drm: unusable static info (fb %llu, segment %llu, channels %u)\n",
			info->fb_size, info->vmmu_segment_size,
			info->num_channels);
		return ERR_PTR(-EINVAL);
	}

	mm = kzalloc(sizeof(*mm), GFP_KERNEL);
	if (!mm)
		return ERR_PTR(-ENOMEM);
	mm->pgpu = pgpu;
	mutex_init(&mm->lock);
	nvvgpu_mm_drm_map_init(&mm->map, &layout, DRM_MM_INSERT_LOW);
	return mm;
}

static void nvvgpu_mm_drm_pgpu_free(struct nvvgpu_mm_drm_pgpu *mm)
{
	nvvgpu_mm_drm_map_fini(&mm->map);
	mutex_destroy(&mm->lock);
	kfree(mm);
}

static void nvvgpu_mm_drm_debugfs_add(struct nvvgpu_mm_drm_pgpu *mm)
{
	mm->debugfs = debugfs_create_file("partitions", 0444,
					  nvvgpu_pgpu_debugfs(mm->pgpu), mm,
					  &nvvgpu_mm_drm_fops);
}

static int nvvgpu_mm_drm_attach(struct nvvgpu_pgpu *pgpu, void **priv)
{
	struct nvvgpu_mm_drm_pgpu *mm;

	nvvgpu_pgpu_assert_locked(pgpu);

	mm = nvvgpu_mm_drm_pgpu_new(pgpu);
	if (IS_ERR(mm))
		return PTR_ERR(mm);
	nvvgpu_mm_drm_debugfs_add(mm);
	*priv = mm;
	return 0;
}

/* also after a hand-over: the map goes, the vGPUs' ranges are not scrubbed */
static void nvvgpu_mm_drm_detach(struct nvvgpu_pgpu *pgpu, void *priv)
{
	struct nvvgpu_mm_drm_pgpu *mm = priv;

	nvvgpu_pgpu_assert_locked(pgpu);

	debugfs_remove(mm->debugfs);
	nvvgpu_mm_drm_pgpu_free(mm);
}

/*
 * Hand-over (DOC: hand-over of a pgpu's partitions): the host's windows
 * into @ho; the vGPUs' partitions are in it already.
 */
static int nvvgpu_mm_drm_export(struct nvvgpu_pgpu *pgpu, void *priv,
				struct nvvgpu_handover *ho)
{
	struct nvvgpu_mm_drm_pgpu *mm = priv;
	int err;

	nvvgpu_pgpu_assert_locked(pgpu);

	mutex_lock(&mm->lock);
	ho->part.num_host = 0;
	err = nvvgpu_mm_drm_map_export(&mm->map, nvvgpu_mm_handover_put, ho);
	mutex_unlock(&mm->lock);
	if (err) {
		ho->part.num_host = 0;
		dev_err(nvvgpu_pgpu_dev(pgpu), "mm-drm: cannot hand over: %s (%pe)\n",
			err == -EOPNOTSUPP ? "framebuffer retired after a failed scrub" :
			"more host windows than a hand-over carries", ERR_PTR(err));
		return err;
	}
	/* the incoming provider's file takes the same name */
	debugfs_remove(mm->debugfs);
	mm->debugfs = NULL;
	return 0;
}

static void nvvgpu_mm_drm_resume(struct nvvgpu_pgpu *pgpu, void *priv)
{
	nvvgpu_pgpu_assert_locked(pgpu);

	nvvgpu_mm_drm_debugfs_add(priv);
}

/* the vGPUs of @ho where they are, and the host's windows */
static int nvvgpu_mm_drm_adopt(struct nvvgpu_pgpu *pgpu,
			       const struct nvvgpu_handover *ho, void **priv)
{
	struct nvvgpu_mm_drm_vgpu **recs;
	struct nvvgpu_mm_extent *extents;
	struct nvvgpu_partition *parts;
	struct nvvgpu_mm_drm_pgpu *mm;
	unsigned int n = ho->num_vgpus, nextents, i;
	int err = -ENOMEM;

	nvvgpu_pgpu_assert_locked(pgpu);

	mm = nvvgpu_mm_drm_pgpu_new(pgpu);
	if (IS_ERR(mm))
		return PTR_ERR(mm);
	parts = kcalloc(n, sizeof(*parts), GFP_KERNEL);
	recs = kcalloc(n, sizeof(*recs), GFP_KERNEL);
	extents = kcalloc(NVVGPU_HANDOVER_MAX_HOST_RANGES, sizeof(*extents),
			  GFP_KERNEL);
	if (!parts || !recs || !extents)
		goto err;
	for (i = 0; i < n; i++)
		parts[i] = ho->vgpus[i].vgpu->part;
	nextents = nvvgpu_mm_handover_get(ho, extents);

	mutex_lock(&mm->lock);
	err = nvvgpu_mm_drm_map_rebuild(&mm->map, parts, recs, n, extents,
					nextents);
	mutex_unlock(&mm->lock);
	if (err) {
		dev_err(nvvgpu_pgpu_dev(pgpu), "mm-drm: cannot take over %u vGPU(s) and %u host window(s): %pe\n",
			n, nextents, ERR_PTR(err));
		goto err;
	}
	for (i = 0; i < n; i++)
		nvvgpu_vgpu_set_provider_priv(ho->vgpus[i].vgpu,
					      NVVGPU_PROVIDER_PARTITION, recs[i]);
	nvvgpu_mm_drm_debugfs_add(mm);
	*priv = mm;
	goto out;

err:
	nvvgpu_mm_drm_pgpu_free(mm);
out:
	kfree(extents);
	kfree(recs);
	kfree(parts);
	return err;
}

static int nvvgpu_mm_drm_vgpu_alloc(struct nvvgpu_vgpu *vgpu,
				    struct nvvgpu_partition *part)
{
	struct nvvgpu_pgpu *pgpu = vgpu->pgpu;
	struct nvvgpu_mm_drm_pgpu *mm = nvvgpu_provider_priv(pgpu, NVVGPU_PROVIDER_PARTITION);
	struct nvvgpu_mm_drm_vgpu *rec;
	int err;

	nvvgpu_pgpu_assert_locked(pgpu);

	mutex_lock(&mm->lock);
	err = nvvgpu_mm_drm_map_vgpu_alloc(&mm->map, vgpu->type, &rec, part);
	mutex_unlock(&mm->lock);
	if (err)
		return err;
	nvvgpu_vgpu_set_provider_priv(vgpu, NVVGPU_PROVIDER_PARTITION, rec);
	return 0;
}

static void nvvgpu_mm_drm_vgpu_free(struct nvvgpu_vgpu *vgpu)
{
	struct nvvgpu_pgpu *pgpu = vgpu->pgpu;
	struct nvvgpu_mm_drm_pgpu *mm = nvvgpu_provider_priv(pgpu, NVVGPU_PROVIDER_PARTITION);
	struct nvvgpu_mm_drm_vgpu *rec =
		nvvgpu_vgpu_provider_priv(vgpu, NVVGPU_PROVIDER_PARTITION);
	int err;

	nvvgpu_pgpu_assert_locked(pgpu);

	/* scrub before the chunk can be handed to the next tenant */
	err = nvvgpu_pgpu_fb_clear(pgpu, rec->fb.start, PAGE_ALIGN(rec->fb.size));
	if (!err && drm_mm_node_allocated(&rec->heap))
		err = nvvgpu_pgpu_fb_clear(pgpu, rec->heap.start,
					   PAGE_ALIGN(rec->heap.size));
	if (err)
		/* keep it out of circulation rather than leak its contents */
		dev_err(nvvgpu_pgpu_dev(pgpu), "mm-drm: scrub of %#llx+%#llx failed (%pe): range retired\n",
			rec->fb.start, rec->fb.size, ERR_PTR(err));
	mutex_lock(&mm->lock);
	nvvgpu_mm_drm_map_vgpu_free(&mm->map, rec, err != 0);
	mutex_unlock(&mm->lock);
	nvvgpu_vgpu_set_provider_priv(vgpu, NVVGPU_PROVIDER_PARTITION, NULL);
}

static unsigned int nvvgpu_mm_drm_type_capacity(struct nvvgpu_pgpu *pgpu,
						const struct nvvgpu_vgpu_type *type)
{
	struct nvvgpu_mm_drm_pgpu *mm = nvvgpu_provider_priv(pgpu, NVVGPU_PROVIDER_PARTITION);
	u64 n;

	nvvgpu_pgpu_assert_locked(pgpu);

	mutex_lock(&mm->lock);
	n = nvvgpu_mm_drm_map_capacity(&mm->map, type);
	mutex_unlock(&mm->lock);
	return min_t(u64, n, UINT_MAX);
}

static int nvvgpu_mm_drm_host_fb_alloc(struct nvvgpu_pgpu *pgpu, u64 size,
				       u64 *offset)
{
	struct nvvgpu_mm_drm_pgpu *mm = nvvgpu_provider_priv(pgpu, NVVGPU_PROVIDER_PARTITION);
	int err;

	nvvgpu_pgpu_assert_locked(pgpu);

	mutex_lock(&mm->lock);
	err = nvvgpu_mm_drm_map_host_alloc(&mm->map, size, offset);
	mutex_unlock(&mm->lock);
	return err;
}

static void nvvgpu_mm_drm_host_fb_free(struct nvvgpu_pgpu *pgpu, u64 offset,
				       u64 size)
{
	struct nvvgpu_mm_drm_pgpu *mm = nvvgpu_provider_priv(pgpu, NVVGPU_PROVIDER_PARTITION);
	int err;

	nvvgpu_pgpu_assert_locked(pgpu);

	err = nvvgpu_pgpu_fb_clear(pgpu, offset, size);
	mutex_lock(&mm->lock);
	if (err)
		dev_err(nvvgpu_pgpu_dev(pgpu), "mm-drm: scrub of host range %#llx+%#llx failed (%pe): range retired\n",
			offset, size, ERR_PTR(err));
	else if (nvvgpu_mm_drm_map_host_free(&mm->map, offset))
		dev_err(nvvgpu_pgpu_dev(pgpu), "mm-drm: no host range at %#llx to free\n",
			offset);
	mutex_unlock(&mm->lock);
}

static const struct nvvgpu_partition_ops nvvgpu_mm_drm_ops = {
	.base = {
		.version = NVVGPU_PARTITION_OPS_VERSION,
		.name = "mm-drm",
		.owner = THIS_MODULE,
		.attach = nvvgpu_mm_drm_attach,
		.detach = nvvgpu_mm_drm_detach,
		.export = nvvgpu_mm_drm_export,
		.resume = nvvgpu_mm_drm_resume,
		.adopt = nvvgpu_mm_drm_adopt,
	},
	.vgpu_alloc = nvvgpu_mm_drm_vgpu_alloc,
	.vgpu_free = nvvgpu_mm_drm_vgpu_free,
	.type_capacity = nvvgpu_mm_drm_type_capacity,
	.host_fb_alloc = nvvgpu_mm_drm_host_fb_alloc,
	.host_fb_free = nvvgpu_mm_drm_host_fb_free,
};

module_nvvgpu_partition(nvvgpu_mm_drm_ops);

MODULE_IMPORT_NS(NVVGPU);
MODULE_DESCRIPTION("nvvgpu framebuffer and channel partitioning on drm_mm");
MODULE_AUTHOR("The nvvgpu developers");
MODULE_LICENSE("GPL");

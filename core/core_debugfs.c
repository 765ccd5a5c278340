// SPDX-License-Identifier: GPL-2.0
/*
 * nvvgpu core: debugfs state dumps.
 *
 * Copyright (c) 2026 The nvvgpu developers
 */

#include <linux/debugfs.h>
#include <linux/seq_file.h>

#include "core_priv.h"

/* /sys/kernel/debug/nvvgpu/pgpu<N>/state: providers, types and vGPUs */
static int nvvgpu_pgpu_state_show(struct seq_file *m, void *data)
{
	struct nvvgpu_pgpu *pgpu = m->private;
	enum nvvgpu_provider_kind kind;
	struct nvvgpu_vgpu *vgpu;
	unsigned long index;
	u32 i;

	mutex_lock(&pgpu->lock);
	seq_printf(m, "pgpu: %u\ndevice: %s\nfirmware: %s\nready: %s\nlost: %s\n",
		   pgpu->id, dev_name(pgpu->dev), pgpu->fw_version,
		   str_yes_no(pgpu->ready), str_yes_no(pgpu->lost));
	for (kind = 0; kind < NVVGPU_PROVIDER_NR; kind++)
		seq_printf(m, "%s: %s\n", nvvgpu_provider_kind_name(kind),
			   pgpu->prov[kind] ? pgpu->prov[kind]->name : "-");
	if (pgpu->ready) {
		seq_printf(m, "fb_size: %llu\nvmmu_segment: %llu\nchannels: %u\nengines: %#llx\n",
			   pgpu->info.fb_size, pgpu->info.vmmu_segment_size,
			   pgpu->info.num_channels, pgpu->info.engine_mask);
		seq_puts(m, "types:\n");
		for (i = 0; i < pgpu->info.num_types; i++) {
			const struct nvvgpu_vgpu_type *t = &pgpu->info.types[i];

			seq_printf(m, "  %u %s class=%s fb=%lluM heap=%lluM max=%u channels=%u devid=%04x:%04x\n",
				   t->id, t->name, t->class, t->fb_size >> 20,
				   t->heap_size >> 20, t->max_instances,
				   t->num_channels, t->device_id, t->subsystem_id);
		}
	}
	seq_printf(m, "vgpus: %u\n", pgpu->num_vgpus);
	xa_for_each(&pgpu->vgpus, index, vgpu)
		seq_printf(m, "  %u %pUl type=%u state=%s fb=%#llx+%#llx heap=%#llx+%#llx chid=%u+%u\n",
			   vgpu->id, &vgpu->uuid, vgpu->type->id,
			   nvvgpu_vgpu_state_name(vgpu->state),
			   vgpu->part.fb_offset, vgpu->part.fb_size,
			   vgpu->part.heap_offset, vgpu->part.heap_size,
			   vgpu->part.chid_base, vgpu->part.chid_count);
	mutex_unlock(&pgpu->lock);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(nvvgpu_pgpu_state);

void nvvgpu_debugfs_pgpu_add(struct nvvgpu_pgpu *pgpu)
{
	char name[16];

	snprintf(name, sizeof(name), "pgpu%u", pgpu->id);
	pgpu->debugfs = debugfs_create_dir(name, nvvgpu_core.debugfs);
	debugfs_create_file("state", 0444, pgpu->debugfs, pgpu,
			    &nvvgpu_pgpu_state_fops);
}

void nvvgpu_debugfs_pgpu_remove(struct nvvgpu_pgpu *pgpu)
{
	debugfs_remove_recursive(pgpu->debugfs);
	pgpu->debugfs = NULL;
}

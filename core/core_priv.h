/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nvvgpu core: state shared by the core's own files. Nothing here is API.
 *
 * Copyright (c) 2026 The nvvgpu developers
 */
#ifndef __NVVGPU_CORE_PRIV_H__
#define __NVVGPU_CORE_PRIV_H__

#include <linux/idr.h>
#include <linux/list.h>
#include <linux/mutex.h>

#include <nvvgpu/core.h>

/**
 * struct nvvgpu_core - the core's global state
 * @lock: protects @prov and @pgpus; taken before any pgpu lock
 * @prov: the registered provider of each kind
 * @pgpus: every registered pgpu
 * @pgpu_ids: allocator of pgpu ids
 * @vgpu_lock: protects @vgpus
 * @vgpus: every vGPU on the host, for the UUID uniqueness check
 * @debugfs: the "nvvgpu" debugfs directory
 */
struct nvvgpu_core {
	struct mutex lock; /* see @lock above */
	const struct nvvgpu_provider *prov[NVVGPU_PROVIDER_NR];
	struct list_head pgpus;
	struct ida pgpu_ids;
	struct mutex vgpu_lock; /* see @vgpu_lock above */
	struct list_head vgpus;
	struct dentry *debugfs;
};

extern struct nvvgpu_core nvvgpu_core;

/* core_registry.c */
const char *nvvgpu_provider_kind_name(enum nvvgpu_provider_kind kind);
void nvvgpu_pgpu_sync_attach(struct nvvgpu_pgpu *pgpu);
void nvvgpu_pgpu_detach_from(struct nvvgpu_pgpu *pgpu,
			     enum nvvgpu_provider_kind kind);

/* core_aux.c */
void nvvgpu_pgpu_sync_aux(struct nvvgpu_pgpu *pgpu);
void nvvgpu_pgpu_lost_work(struct work_struct *work);

/* core_vgpu.c */
void nvvgpu_vgpu_destroy_locked(struct nvvgpu_vgpu *vgpu);

/* core_sched.c */
void nvvgpu_vgpu_sched_update(struct nvvgpu_vgpu *vgpu);
void nvvgpu_pgpu_report_preempt_timeout(struct nvvgpu_pgpu *pgpu, u32 gfid,
					u32 chid);

/* core_debugfs.c */
void nvvgpu_debugfs_pgpu_add(struct nvvgpu_pgpu *pgpu);
void nvvgpu_debugfs_pgpu_remove(struct nvvgpu_pgpu *pgpu);

/* the attached providers' full ops tables; only while they are attached */
static inline const struct nvvgpu_transport_ops *
nvvgpu_transport(struct nvvgpu_pgpu *pgpu)
{
	return container_of(pgpu->prov[NVVGPU_PROVIDER_TRANSPORT],
			    struct nvvgpu_transport_ops, base);
}

static inline const struct nvvgpu_partition_ops *
nvvgpu_partitioner(struct nvvgpu_pgpu *pgpu)
{
	return container_of(pgpu->prov[NVVGPU_PROVIDER_PARTITION],
			    struct nvvgpu_partition_ops, base);
}

static inline const struct nvvgpu_sched_ops *
nvvgpu_scheduler(struct nvvgpu_pgpu *pgpu)
{
	return container_of(pgpu->prov[NVVGPU_PROVIDER_SCHEDULER],
			    struct nvvgpu_sched_ops, base);
}

#endif /* __NVVGPU_CORE_PRIV_H__ */

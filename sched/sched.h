/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nvvgpu sched: what the scheduler's files share.
 *
 * Copyright (c) 2026 The nvvgpu developers
 */
#ifndef __NVVGPU_SCHED_H__
#define __NVVGPU_SCHED_H__

#include "sched_types.h"

/* sched_main.c */
void nvvgpu_sched_kick(struct nvvgpu_sched_rq *rq);
int nvvgpu_sched_update_params(struct nvvgpu_sched_rq *rq,
			       const struct nvvgpu_sched_params *p,
			       const char *file);

/* sched_account.c */
int nvvgpu_sched_engines_init(struct nvvgpu_sched_rq *rq);
void nvvgpu_sched_engines_fini(struct nvvgpu_sched_rq *rq);
void nvvgpu_sched_account_origin(struct nvvgpu_sched_rq *rq,
				 struct nvvgpu_sched_entity *se);
void nvvgpu_sched_account_in(struct nvvgpu_sched_rq *rq,
			     struct nvvgpu_sched_entity *se);
void nvvgpu_sched_account_out(struct nvvgpu_sched_rq *rq,
			      struct nvvgpu_sched_entity *se, u64 now,
			      u64 slice_ns);
void nvvgpu_sched_fill_stats(struct nvvgpu_sched_rq *rq,
			     struct nvvgpu_sched_entity *se,
			     struct nvvgpu_vgpu_sched_stats *st);
ssize_t nvvgpu_sched_log_read(struct nvvgpu_sched_rq *rq, char *buf,
			      loff_t off, size_t count);

/* sched_sysfs.c */
int nvvgpu_sched_sysfs_add(struct nvvgpu_sched_rq *rq);
void nvvgpu_sched_sysfs_remove(struct nvvgpu_sched_rq *rq);
void nvvgpu_sched_sysfs_put(struct nvvgpu_sched_rq *rq);

#endif /* __NVVGPU_SCHED_H__ */

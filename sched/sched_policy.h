/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nvvgpu sched: the scheduling decision, a pure function of the run queue
 * and a clock the caller passes in, so that KUnit can drive it with a
 * virtual clock and a fake engine.
 *
 * Copyright (c) 2026 The nvvgpu developers
 */
#ifndef __NVVGPU_SCHED_POLICY_H__
#define __NVVGPU_SCHED_POLICY_H__

#include "sched_types.h"

void nvvgpu_sched_rq_init(struct nvvgpu_sched_rq *rq,
			  const struct nvvgpu_sched_params *p);
void nvvgpu_sched_entity_init(struct nvvgpu_sched_entity *se, u32 id,
			      u32 gfid, u32 weight);
void nvvgpu_sched_add(struct nvvgpu_sched_rq *rq,
		      struct nvvgpu_sched_entity *se);
bool nvvgpu_sched_remove(struct nvvgpu_sched_rq *rq,
			 struct nvvgpu_sched_entity *se, u64 now);
bool nvvgpu_sched_set_open(struct nvvgpu_sched_rq *rq,
			   struct nvvgpu_sched_entity *se, bool open, u64 now);
bool nvvgpu_sched_set_work(struct nvvgpu_sched_rq *rq,
			   struct nvvgpu_sched_entity *se, bool has_work,
			   u64 now);
void nvvgpu_sched_set_entity(struct nvvgpu_sched_rq *rq,
			     struct nvvgpu_sched_entity *se, u32 weight,
			     u64 quantum_ns);
bool nvvgpu_sched_set_params(struct nvvgpu_sched_rq *rq,
			     const struct nvvgpu_sched_params *p, u64 now);
struct nvvgpu_sched_entity *nvvgpu_sched_decide(struct nvvgpu_sched_rq *rq,
						u64 now);
u64 nvvgpu_sched_slice_ns(const struct nvvgpu_sched_rq *rq,
			  const struct nvvgpu_sched_entity *se);
u32 nvvgpu_sched_weight(const struct nvvgpu_sched_rq *rq,
			const struct nvvgpu_sched_entity *se);
bool nvvgpu_sched_work_conserving(const struct nvvgpu_sched_rq *rq);
int nvvgpu_sched_check_params(const struct nvvgpu_sched_params *p,
			      const char **why);
const char *nvvgpu_sched_policy_name(enum nvvgpu_sched_policy policy);
enum nvvgpu_sched_policy nvvgpu_sched_policy_lookup(const char *name);

#endif /* __NVVGPU_SCHED_POLICY_H__ */

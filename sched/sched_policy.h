/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nvvgpu sched: the scheduling decision, kept free of side effects so that
 * KUnit can drive it.
 *
 * Copyright (c) 2026 The nvvgpu developers
 */
#ifndef __NVVGPU_SCHED_POLICY_H__
#define __NVVGPU_SCHED_POLICY_H__

#include "sched_types.h"

struct nvvgpu_sched_entity *nvvgpu_sched_pick_next(struct nvvgpu_sched_rq *rq);
struct nvvgpu_sched_entity *nvvgpu_sched_pick_fixed(struct nvvgpu_sched_rq *rq,
						    bool *idle);
u64 nvvgpu_sched_slice_ns(const struct nvvgpu_sched_rq *rq,
			  const struct nvvgpu_sched_entity *se);
const char *nvvgpu_sched_policy_name(enum nvvgpu_sched_policy policy);
enum nvvgpu_sched_policy nvvgpu_sched_policy_lookup(const char *name);

#endif /* __NVVGPU_SCHED_POLICY_H__ */

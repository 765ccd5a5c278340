// SPDX-License-Identifier: GPL-2.0
/*
 * nvvgpu sched: scheduling policies.
 *
 * Copyright (c) 2026 The nvvgpu developers
 */

#include <linux/lockdep.h>
#include <linux/minmax.h>
#include <linux/string.h>
#include <linux/time64.h>
#include <kunit/visibility.h>

#include <nvvgpu/core_types.h>

#include "sched_policy.h"

static const char * const nvvgpu_sched_policy_names[NVVGPU_SCHED_POLICY_NR] = {
	[NVVGPU_SCHED_BEST_EFFORT] = "best_effort",
	[NVVGPU_SCHED_WEIGHTED] = "weighted",
	[NVVGPU_SCHED_FIXED_SHARE] = "fixed_share",
};

/**
 * nvvgpu_sched_policy_name() - printable name of a policy
 * @policy: the policy
 *
 * Return: a static string.
 */
const char *nvvgpu_sched_policy_name(enum nvvgpu_sched_policy policy)
{
	return policy < NVVGPU_SCHED_POLICY_NR ?
		nvvgpu_sched_policy_names[policy] : "?";
}
EXPORT_SYMBOL_IF_KUNIT(nvvgpu_sched_policy_name);

/**
 * nvvgpu_sched_policy_lookup() - a policy by its name
 * @name: "best_effort", "weighted" or "fixed_share"
 *
 * Return: the policy, or %NVVGPU_SCHED_POLICY_NR for an unknown name.
 */
enum nvvgpu_sched_policy nvvgpu_sched_policy_lookup(const char *name)
{
	enum nvvgpu_sched_policy p;

	for (p = 0; p < NVVGPU_SCHED_POLICY_NR; p++)
		if (name && !strcmp(name, nvvgpu_sched_policy_names[p]))
			break;
	return p;
}
EXPORT_SYMBOL_IF_KUNIT(nvvgpu_sched_policy_lookup);

/**
 * nvvgpu_sched_pick_next() - the runnable entity after the current one
 * @rq: the run queue
 *
 * Round robin in list order, starting after @rq->curr; the current entity
 * is picked again only if nothing else is runnable.
 *
 * Return: the entity to run next, or NULL when none is runnable.
 */
struct nvvgpu_sched_entity *nvvgpu_sched_pick_next(struct nvvgpu_sched_rq *rq)
{
	struct nvvgpu_sched_entity *se, *stop;

	lockdep_assert_held(&rq->lock);

	if (list_empty(&rq->entities))
		return NULL;
	/* with nothing running, start from the head of the list */
	stop = rq->curr ?: list_last_entry(&rq->entities,
					   struct nvvgpu_sched_entity, link);
	se = stop;
	do {
		se = list_next_entry_circular(se, &rq->entities, link);
		if (se->runnable)
			return se;
	} while (se != stop);
	return NULL;
}
EXPORT_SYMBOL_IF_KUNIT(nvvgpu_sched_pick_next);

/**
 * nvvgpu_sched_pick_fixed() - the fixed-share decision for the next slot
 * @rq: the run queue
 * @idle: set when the slot is left idle (its vGPU is absent or idle)
 *
 * A round has one slot per vGPU the largest-capacity type present allows
 * (a vGPU's slot is its index on the GPU), taken in order. Nothing is
 * scheduled, not even idle slots, while no vGPU is runnable.
 *
 * Return: the entity owning the slot if it is runnable, else NULL.
 */
struct nvvgpu_sched_entity *nvvgpu_sched_pick_fixed(struct nvvgpu_sched_rq *rq,
						    bool *idle)
{
	struct nvvgpu_sched_entity *se;
	bool any = false;
	u32 slots = 0, slot;

	lockdep_assert_held(&rq->lock);

	*idle = false;
	/* the round: the most vGPUs any present type allows */
	list_for_each_entry(se, &rq->entities, link) {
		any |= se->runnable;
		slots = max3(slots, se->vgpu->id + 1, se->vgpu->type ?
			     se->vgpu->type->max_instances : 0);
	}
	if (!any)
		return NULL;
	slot = rq->slot % slots;
	rq->slot = (slot + 1) % slots;
	list_for_each_entry(se, &rq->entities, link)
		if (se->vgpu->id == slot && se->runnable)
			return se;
	*idle = true;
	return NULL;
}
EXPORT_SYMBOL_IF_KUNIT(nvvgpu_sched_pick_fixed);

/**
 * nvvgpu_sched_slice_ns() - length of the slice an entity gets
 * @rq: the run queue
 * @se: the entity about to run
 *
 * Best effort and fixed share give every vGPU the base slice; weighted
 * scales it by the vGPU's weight (1..100), so a vGPU of weight 4 runs four
 * times as long per round as one of weight 1.
 *
 * Return: nanoseconds.
 */
u64 nvvgpu_sched_slice_ns(const struct nvvgpu_sched_rq *rq,
			  const struct nvvgpu_sched_entity *se)
{
	u64 base = (u64)rq->timeslice_us * NSEC_PER_USEC;
	u32 weight = READ_ONCE(se->vgpu->weight);

	if (rq->policy != NVVGPU_SCHED_WEIGHTED)
		return base;
	return base * clamp_t(u32, weight, 1, NVVGPU_VGPU_WEIGHT_MAX);
}
EXPORT_SYMBOL_IF_KUNIT(nvvgpu_sched_slice_ns);

// SPDX-License-Identifier: GPL-2.0
/*
 * nvvgpu sched: scheduling policies.
 *
 * Copyright (c) 2026 The nvvgpu developers
 */

#include <linux/lockdep.h>
#include <linux/math64.h>
#include <linux/minmax.h>
#include <linux/string.h>
#include <linux/time64.h>
#include <kunit/visibility.h>

#include "sched_policy.h"

/**
 * DOC: scheduling decision
 *
 * Every policy is one mechanism, weighted fair queueing on virtual time,
 * with different eligibility and weights:
 *
 * - An entity (a vGPU, the host's own channels, or under fixed share the
 *   vacant slots) is *eligible* when it may be given the GPU. The one with
 *   the least virtual time runs next, ties first come first served, so
 *   equal weights make a round robin.
 * - When its slice ends its virtual time advances by the time it held the
 *   GPU, times %NVVGPU_SCHED_WEIGHT_UNIT over its weight. Over time each
 *   eligible entity gets weight / (sum of weights) of the GPU, within one
 *   slice.
 * - An entity that becomes eligible starts no earlier than the least
 *   virtual time of those that ran, so sleeping earns no credit.
 *
 * Work-conserving policies (best effort, weighted, ARR) make only entities
 * with work eligible, and end a slice as soon as its holder runs out. The
 * reserving ones (equal and fixed share) make every open vGPU eligible: a
 * slice given to a vGPU without work idles the GPU, and is charged. Fixed
 * share adds the vacancy, an entity of weight M - N (M the slots of the
 * round, N the open vGPUs) that never has work, so that each vGPU keeps
 * 1/M. The host is work-conserving under every policy. While no entity
 * has work, nothing is decided and the timer stops.
 *
 * ARR (adaptive round robin) is best effort whose slice follows each
 * vGPU's demand: a running average over arr_avg_factor slices of the time
 * it used, counting a slice it did not finish as the longest allowed, is
 * its next slice, within [arr_min_us, arr_max_us]. A vGPU starts at
 * 1 s / arr_frequency. NVIDIA does not publish its ARR formula; this one
 * has its parameters and its aim: short slices for light vGPUs, so that
 * others wait less, and long ones for busy vGPUs, which switch less.
 */

static const char * const nvvgpu_sched_policy_names[NVVGPU_SCHED_POLICY_NR] = {
	[NVVGPU_SCHED_BEST_EFFORT] = "best_effort",
	[NVVGPU_SCHED_EQUAL_SHARE] = "equal_share",
	[NVVGPU_SCHED_FIXED_SHARE] = "fixed_share",
	[NVVGPU_SCHED_WEIGHTED] = "weighted",
	[NVVGPU_SCHED_ARR] = "arr",
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
 * @name: "best_effort", "equal_share", "fixed_share", "weighted" or "arr"
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
 * nvvgpu_sched_check_params() - are these settings valid together?
 * @p: the settings
 * @why: set to what is wrong, for the caller's log line
 *
 * Return: 0, or -EINVAL.
 */
int nvvgpu_sched_check_params(const struct nvvgpu_sched_params *p,
			      const char **why)
{
	if (p->policy >= NVVGPU_SCHED_POLICY_NR)
		*why = "unknown policy";
	else if (p->timeslice_us < NVVGPU_SCHED_SLICE_MIN_US ||
		 p->timeslice_us > NVVGPU_SCHED_SLICE_MAX_US)
		*why = "timeslice_us out of range 100..100000";
	else if (p->arr_avg_factor < NVVGPU_SCHED_ARR_AVG_MIN ||
		 p->arr_avg_factor > NVVGPU_SCHED_ARR_AVG_MAX)
		*why = "arr_avg_factor out of range 1..60";
	else if (p->arr_frequency < NVVGPU_SCHED_ARR_FREQ_MIN ||
		 p->arr_frequency > NVVGPU_SCHED_ARR_FREQ_MAX)
		*why = "arr_frequency out of range 10..10000";
	else if (p->arr_min_us < NVVGPU_SCHED_SLICE_MIN_US ||
		 p->arr_max_us > NVVGPU_SCHED_SLICE_MAX_US ||
		 p->arr_min_us > p->arr_max_us)
		*why = "need 100 <= arr_timeslice_min_us <= arr_timeslice_max_us <= 100000";
	else if (!p->host_weight || p->host_weight > NVVGPU_VGPU_WEIGHT_MAX)
		*why = "host_weight out of range 1..100";
	else
		return 0;
	return -EINVAL;
}
EXPORT_SYMBOL_IF_KUNIT(nvvgpu_sched_check_params);

/**
 * nvvgpu_sched_work_conserving() - does the policy skip entities without
 *	work?
 * @rq: the run queue
 *
 * Return: true for best effort, weighted and ARR.
 */
bool nvvgpu_sched_work_conserving(const struct nvvgpu_sched_rq *rq)
{
	return rq->p.policy != NVVGPU_SCHED_EQUAL_SHARE &&
	       rq->p.policy != NVVGPU_SCHED_FIXED_SHARE;
}
EXPORT_SYMBOL_IF_KUNIT(nvvgpu_sched_work_conserving);

/**
 * nvvgpu_sched_weight() - the weight an entity has under the current policy
 * @rq: the run queue
 * @se: the entity
 *
 * Return: the host's weight for the host, the vacant slots for the vacancy,
 * the vGPU's weight under the weighted policy, else 1.
 */
u32 nvvgpu_sched_weight(const struct nvvgpu_sched_rq *rq,
			const struct nvvgpu_sched_entity *se)
{
	if (se == &rq->host)
		return rq->p.host_weight;
	if (se == &rq->vacant)
		return rq->p.fixed_slots > rq->n_open ?
		       rq->p.fixed_slots - rq->n_open : 0;
	if (rq->p.policy == NVVGPU_SCHED_WEIGHTED)
		return clamp_t(u32, se->weight, 1, NVVGPU_VGPU_WEIGHT_MAX);
	return 1;
}
EXPORT_SYMBOL_IF_KUNIT(nvvgpu_sched_weight);

/**
 * nvvgpu_sched_slice_ns() - length of the slice an entity gets
 * @rq: the run queue
 * @se: the entity about to run
 *
 * Return: its execution quantum if it has one; under ARR its adaptive
 * slice; else the base slice. Nanoseconds.
 */
u64 nvvgpu_sched_slice_ns(const struct nvvgpu_sched_rq *rq,
			  const struct nvvgpu_sched_entity *se)
{
	if (se->quantum_ns)
		return se->quantum_ns;
	if (rq->p.policy == NVVGPU_SCHED_ARR && se != &rq->host)
		return clamp_t(u64, se->arr_avg_ns,
			       (u64)rq->p.arr_min_us * NSEC_PER_USEC,
			       (u64)rq->p.arr_max_us * NSEC_PER_USEC);
	return (u64)rq->p.timeslice_us * NSEC_PER_USEC;
}
EXPORT_SYMBOL_IF_KUNIT(nvvgpu_sched_slice_ns);

/* ARR's slice for a vGPU without history */
static u64 nvvgpu_sched_arr_start_ns(const struct nvvgpu_sched_rq *rq)
{
	return clamp_t(u64, NSEC_PER_SEC / rq->p.arr_frequency,
		       (u64)rq->p.arr_min_us * NSEC_PER_USEC,
		       (u64)rq->p.arr_max_us * NSEC_PER_USEC);
}

static bool nvvgpu_sched_eligible(const struct nvvgpu_sched_rq *rq,
				  const struct nvvgpu_sched_entity *se)
{
	if (se == &rq->vacant)
		return rq->p.policy == NVVGPU_SCHED_FIXED_SHARE && rq->n_open &&
		       nvvgpu_sched_weight(rq, se);
	if (!se->open)
		return false;
	if (se == &rq->host || nvvgpu_sched_work_conserving(rq))
		return se->has_work;
	return true;
}

/* keep @rq->n_ready after @se's open or has_work changed from @was_ready */
static void nvvgpu_sched_ready_update(struct nvvgpu_sched_rq *rq,
				      struct nvvgpu_sched_entity *se,
				      bool was_ready)
{
	bool ready = se->open && se->has_work;

	if (se == &rq->host || se == &rq->vacant || ready == was_ready)
		return;
	if (ready)
		rq->n_ready++;
	else
		rq->n_ready--;
}

static bool nvvgpu_sched_before(struct rb_node *a, const struct rb_node *b)
{
	const struct nvvgpu_sched_entity *x, *y;

	x = rb_entry(a, struct nvvgpu_sched_entity, node);
	y = rb_entry(b, struct nvvgpu_sched_entity, node);
	return x->vtime < y->vtime || (x->vtime == y->vtime && x->seq < y->seq);
}

/* put @se in the tree if it is eligible and take it out if not */
static void nvvgpu_sched_requeue(struct nvvgpu_sched_rq *rq,
				 struct nvvgpu_sched_entity *se)
{
	bool want = nvvgpu_sched_eligible(rq, se);

	if (se->queued == want)
		return;
	if (want) {
		/* no credit for the time it was not eligible */
		se->vtime = max(se->vtime, rq->min_vtime);
		se->seq = rq->seq++;
		rb_add_cached(&se->node, &rq->tree, nvvgpu_sched_before);
	} else {
		rb_erase_cached(&se->node, &rq->tree);
	}
	se->queued = want;
}

static void nvvgpu_sched_requeue_all(struct nvvgpu_sched_rq *rq)
{
	struct nvvgpu_sched_entity *se;

	list_for_each_entry(se, &rq->entities, link)
		nvvgpu_sched_requeue(rq, se);
	nvvgpu_sched_requeue(rq, &rq->host);
	nvvgpu_sched_requeue(rq, &rq->vacant);
}

/* waiting: it has work the engines cannot run because another holds them */
static void nvvgpu_sched_wait_update(struct nvvgpu_sched_rq *rq,
				     struct nvvgpu_sched_entity *se, u64 now)
{
	if (se->since) {
		se->st.wait_ns += now - se->since;
		se->since = 0;
	}
	if (se->open && se->has_work && se != rq->curr)
		se->since = now;
}

/* end @rq->curr's slice at @now: charge and account it */
static void nvvgpu_sched_put_prev(struct nvvgpu_sched_rq *rq, u64 now)
{
	struct nvvgpu_sched_entity *se = rq->curr;
	u64 ran = now - rq->slice_start, idle = 0;
	u32 weight;

	if (!se)
		return;
	if (se == &rq->vacant || !se->has_work)
		idle = now - (rq->curr_idle_since ?: rq->slice_start);
	else if (rq->curr_idle_since)
		idle = now - rq->curr_idle_since;
	idle = min(idle, ran);
	se->st.granted_ns += ran;
	se->st.idle_ns += idle;
	if (se->has_work && se != &rq->vacant)
		se->st.preemptions++;

	weight = nvvgpu_sched_weight(rq, se) ?: 1;
	if (se->queued)
		rb_erase_cached(&se->node, &rq->tree);
	se->vtime += div_u64(ran * NVVGPU_SCHED_WEIGHT_UNIT, weight);
	if (se->queued) {
		se->seq = rq->seq++;
		rb_add_cached(&se->node, &rq->tree, nvvgpu_sched_before);
	}

	if (rq->p.policy == NVVGPU_SCHED_ARR && se != &rq->host &&
	    se != &rq->vacant) {
		/* a slice cut short by the timer asks for the longest */
		u64 used = se->has_work ? (u64)rq->p.arr_max_us * NSEC_PER_USEC :
					  ran - idle;
		s64 d = (s64)used - (s64)se->arr_avg_ns;

		se->arr_avg_ns += div_s64(d, rq->p.arr_avg_factor);
	}

	rq->curr = NULL;
	rq->curr_idle_since = 0;
	nvvgpu_sched_wait_update(rq, se, now);
}

/**
 * nvvgpu_sched_decide() - end the current slice and pick the next holder
 * @rq: the run queue
 * @now: the clock, in ns (never 0)
 *
 * Charges the entity whose slice ends, then gives the GPU to the eligible
 * entity with the least virtual time and sets @rq->curr, @rq->slice_start
 * and @rq->slice_ns. With no entity having work, nothing holds the GPU and
 * @rq->slice_ns is 0. Caller holds @rq->lock.
 *
 * Return: the new holder (may be &rq->vacant, whose slice idles the GPU),
 * or NULL.
 */
struct nvvgpu_sched_entity *nvvgpu_sched_decide(struct nvvgpu_sched_rq *rq,
						u64 now)
{
	struct nvvgpu_sched_entity *next = NULL;
	struct rb_node *left;
	bool work = (rq->host.open && rq->host.has_work) || rq->n_ready;

	lockdep_assert_held(&rq->lock);

	nvvgpu_sched_put_prev(rq, now);
	rq->decisions++;

	left = rb_first_cached(&rq->tree);
	if (work && left) {
		next = rb_entry(left, struct nvvgpu_sched_entity, node);
		rq->min_vtime = max(rq->min_vtime, next->vtime);
	}

	rq->curr = next;
	rq->slice_start = now;
	rq->slice_ns = next ? nvvgpu_sched_slice_ns(rq, next) : 0;
	rq->curr_idle_since = next && (next == &rq->vacant || !next->has_work) ?
			      now : 0;
	if (next) {
		next->st.slices++;
		nvvgpu_sched_wait_update(rq, next, now);
	}
	return next;
}
EXPORT_SYMBOL_IF_KUNIT(nvvgpu_sched_decide);

/**
 * nvvgpu_sched_rq_init() - set up an empty run queue
 * @rq: the run queue, zeroed, its lock initialised
 * @p: its settings, already checked
 */
void nvvgpu_sched_rq_init(struct nvvgpu_sched_rq *rq,
			  const struct nvvgpu_sched_params *p)
{
	rq->p = *p;
	INIT_LIST_HEAD(&rq->entities);
	rq->tree = RB_ROOT_CACHED;
	nvvgpu_sched_entity_init(&rq->host, NVVGPU_SCHED_HOST, 0, 1);
	rq->host.open = true;
	nvvgpu_sched_entity_init(&rq->vacant, NVVGPU_SCHED_VACANT, 0, 1);
}
EXPORT_SYMBOL_IF_KUNIT(nvvgpu_sched_rq_init);

/**
 * nvvgpu_sched_entity_init() - set up an entity
 * @se: the entity, zeroed
 * @id: its id in traces and the log
 * @gfid: the function whose channels it runs
 * @weight: its weight under the weighted policy
 */
void nvvgpu_sched_entity_init(struct nvvgpu_sched_entity *se, u32 id,
			      u32 gfid, u32 weight)
{
	se->id = id;
	se->gfid = gfid;
	se->weight = weight;
	RB_CLEAR_NODE(&se->node);
	INIT_LIST_HEAD(&se->link);
}
EXPORT_SYMBOL_IF_KUNIT(nvvgpu_sched_entity_init);

/**
 * nvvgpu_sched_add() - put a vGPU's entity on the run queue, closed
 * @rq: the run queue
 * @se: the entity
 *
 * Caller holds @rq->lock.
 */
void nvvgpu_sched_add(struct nvvgpu_sched_rq *rq,
		      struct nvvgpu_sched_entity *se)
{
	lockdep_assert_held(&rq->lock);
	se->arr_avg_ns = nvvgpu_sched_arr_start_ns(rq);
	list_add_tail(&se->link, &rq->entities);
}
EXPORT_SYMBOL_IF_KUNIT(nvvgpu_sched_add);

/**
 * nvvgpu_sched_remove() - take an entity off the run queue
 * @rq: the run queue
 * @se: the entity
 * @now: the clock
 *
 * Caller holds @rq->lock.
 *
 * Return: true when @se held the GPU: the caller must decide again now.
 */
bool nvvgpu_sched_remove(struct nvvgpu_sched_rq *rq,
			 struct nvvgpu_sched_entity *se, u64 now)
{
	bool was_curr = rq->curr == se;

	lockdep_assert_held(&rq->lock);

	if (was_curr)
		nvvgpu_sched_put_prev(rq, now);
	if (se->open)
		rq->n_open--;
	if (se->open && se->has_work)
		rq->n_ready--;
	se->open = false;
	se->since = 0;
	nvvgpu_sched_requeue(rq, se);
	list_del_init(&se->link);
	nvvgpu_sched_requeue(rq, &rq->vacant);
	return was_curr;
}
EXPORT_SYMBOL_IF_KUNIT(nvvgpu_sched_remove);

/* should the slice end now, after a change to @se? */
static bool nvvgpu_sched_need_kick(struct nvvgpu_sched_rq *rq,
				   struct nvvgpu_sched_entity *se)
{
	if (!rq->curr)
		return se->queued && se->has_work;
	if (rq->curr != se)
		return false;
	if (!se->open)
		return true;
	/* work-conserving: a holder without work yields at once */
	return !se->has_work &&
	       (se == &rq->host || nvvgpu_sched_work_conserving(rq));
}

/**
 * nvvgpu_sched_set_open() - a vGPU opens (may get slices) or closes
 * @rq: the run queue
 * @se: the vGPU's entity
 * @open: open and not paused
 * @now: the clock
 *
 * Caller holds @rq->lock.
 *
 * Return: true when the caller must decide again now.
 */
bool nvvgpu_sched_set_open(struct nvvgpu_sched_rq *rq,
			   struct nvvgpu_sched_entity *se, bool open, u64 now)
{
	lockdep_assert_held(&rq->lock);

	if (se->open == open)
		return false;
	se->open = open;
	nvvgpu_sched_ready_update(rq, se, !open && se->has_work);
	if (open)
		rq->n_open++;
	else
		rq->n_open--;
	nvvgpu_sched_wait_update(rq, se, now);
	nvvgpu_sched_requeue(rq, se);
	nvvgpu_sched_requeue(rq, &rq->vacant);
	return nvvgpu_sched_need_kick(rq, se);
}
EXPORT_SYMBOL_IF_KUNIT(nvvgpu_sched_set_open);

/**
 * nvvgpu_sched_set_work() - the engines report that an entity's function
 *	has queued work, or has none left
 * @rq: the run queue
 * @se: the entity
 * @has_work: work is queued
 * @now: the clock
 *
 * Caller holds @rq->lock.
 *
 * Return: true when the caller must decide again now: the GPU was idle
 * and this is work, or a work-conserving holder ran out.
 */
bool nvvgpu_sched_set_work(struct nvvgpu_sched_rq *rq,
			   struct nvvgpu_sched_entity *se, bool has_work,
			   u64 now)
{
	lockdep_assert_held(&rq->lock);

	if (se->has_work == has_work)
		return false;
	se->has_work = has_work;
	nvvgpu_sched_ready_update(rq, se, se->open && !has_work);
	if (rq->curr == se) {
		if (!has_work) {
			rq->curr_idle_since = now;
		} else if (rq->curr_idle_since) {
			se->st.idle_ns += now - rq->curr_idle_since;
			rq->curr_idle_since = 0;
		}
	}
	nvvgpu_sched_wait_update(rq, se, now);
	nvvgpu_sched_requeue(rq, se);
	/* under a reserving policy an idle slot of another may be running */
	if (has_work && rq->curr && rq->curr != se)
		return false;
	return nvvgpu_sched_need_kick(rq, se);
}
EXPORT_SYMBOL_IF_KUNIT(nvvgpu_sched_set_work);

/**
 * nvvgpu_sched_set_entity() - an entity's weight or quantum changed
 * @rq: the run queue
 * @se: the entity
 * @weight: 1..%NVVGPU_VGPU_WEIGHT_MAX
 * @quantum_ns: its execution quantum, 0 for the policy's slice
 *
 * Applies from its next slice on. Caller holds @rq->lock.
 */
void nvvgpu_sched_set_entity(struct nvvgpu_sched_rq *rq,
			     struct nvvgpu_sched_entity *se, u32 weight,
			     u64 quantum_ns)
{
	lockdep_assert_held(&rq->lock);
	se->weight = weight;
	se->quantum_ns = quantum_ns;
}
EXPORT_SYMBOL_IF_KUNIT(nvvgpu_sched_set_entity);

/**
 * nvvgpu_sched_set_params() - new settings for the run queue
 * @rq: the run queue
 * @p: the settings, already checked
 * @now: the clock
 *
 * A change of policy changes who is eligible at once; slices already
 * given run out. Caller holds @rq->lock.
 *
 * Return: true when the caller must decide again now (the policy changed).
 */
bool nvvgpu_sched_set_params(struct nvvgpu_sched_rq *rq,
			     const struct nvvgpu_sched_params *p, u64 now)
{
	bool policy = rq->p.policy != p->policy;
	struct nvvgpu_sched_entity *se;

	lockdep_assert_held(&rq->lock);

	rq->p = *p;
	/* the host's weight and the slots of a round may have changed */
	nvvgpu_sched_requeue(rq, &rq->vacant);
	if (!policy)
		return false;
	list_for_each_entry(se, &rq->entities, link)
		se->arr_avg_ns = nvvgpu_sched_arr_start_ns(rq);
	nvvgpu_sched_requeue_all(rq);
	return true;
}
EXPORT_SYMBOL_IF_KUNIT(nvvgpu_sched_set_params);

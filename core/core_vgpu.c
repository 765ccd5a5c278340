// SPDX-License-Identifier: GPL-2.0
/*
 * nvvgpu core: vGPU types and the vGPU lifecycle state machine.
 *
 * Copyright (c) 2026 The nvvgpu developers
 */

#include <linux/lockdep.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/slab.h>

#include "core_priv.h"

#define CREATE_TRACE_POINTS
#include "core_trace.h"

/**
 * DOC: vGPU lifecycle
 *
 * The lifecycle is the core's, written once; VFIO and DRM only expose it::
 *
 *	created --> provisioned --> booted --> running <--> paused
 *	   |             |            |           |           |
 *	   |             |            |           v           v
 *	   |             |            |        stopped <------+
 *	   v             v            v           |
 *	  dead <---------+------------+-----------+
 *
 * create: the partition provider reserves FB, heap and channels
 * (provisioned), the transport bootloads the firmware plugin task (booted)
 * and the scheduler adds the vGPU to its run list. start (a VMM opened the
 * device) makes it runnable; stop takes it off the CPU again; destroy runs
 * the steps of create backwards. Every transition is checked against the
 * table below and traced as nvvgpu_core:nvvgpu_vgpu_state.
 */

#define T(s) BIT(NVVGPU_VGPU_##s)
static const u32 nvvgpu_vgpu_transitions[NVVGPU_VGPU_STATE_NR] = {
	[NVVGPU_VGPU_CREATED]	  = T(PROVISIONED) | T(DEAD),
	[NVVGPU_VGPU_PROVISIONED] = T(BOOTED) | T(DEAD),
	[NVVGPU_VGPU_BOOTED]	  = T(RUNNING) | T(DEAD),
	[NVVGPU_VGPU_RUNNING]	  = T(PAUSED) | T(STOPPED),
	[NVVGPU_VGPU_PAUSED]	  = T(RUNNING) | T(STOPPED),
	[NVVGPU_VGPU_STOPPED]	  = T(RUNNING) | T(DEAD),
	[NVVGPU_VGPU_DEAD]	  = 0,
};

#undef T

static const char * const nvvgpu_vgpu_state_names[NVVGPU_VGPU_STATE_NR] = {
	[NVVGPU_VGPU_CREATED] = "created",
	[NVVGPU_VGPU_PROVISIONED] = "provisioned",
	[NVVGPU_VGPU_BOOTED] = "booted",
	[NVVGPU_VGPU_RUNNING] = "running",
	[NVVGPU_VGPU_PAUSED] = "paused",
	[NVVGPU_VGPU_STOPPED] = "stopped",
	[NVVGPU_VGPU_DEAD] = "dead",
};

/**
 * nvvgpu_vgpu_state_name() - printable name of a lifecycle state
 * @state: the state
 *
 * Return: a static string.
 */
const char *nvvgpu_vgpu_state_name(enum nvvgpu_vgpu_state state)
{
	return state < NVVGPU_VGPU_STATE_NR ? nvvgpu_vgpu_state_names[state] : "?";
}
EXPORT_SYMBOL_NS_GPL(nvvgpu_vgpu_state_name, NVVGPU);

static int nvvgpu_vgpu_set_state(struct nvvgpu_vgpu *vgpu,
				 enum nvvgpu_vgpu_state to)
{
	enum nvvgpu_vgpu_state from = vgpu->state;

	lockdep_assert_held(&vgpu->pgpu->lock);

	if (!(nvvgpu_vgpu_transitions[from] & BIT(to))) {
		nvvgpu_vgpu_dbg(vgpu, "no transition %s -> %s\n",
				nvvgpu_vgpu_state_name(from),
				nvvgpu_vgpu_state_name(to));
		return -EBUSY;
	}
	vgpu->state = to;
	trace_nvvgpu_vgpu_state(vgpu, from, to);
	return 0;
}

/**
 * nvvgpu_pgpu_find_type() - look a vGPU type up in a pgpu's catalogue
 * @pgpu: the physical GPU
 * @type_id: the type's id
 *
 * Return: the type, or NULL if the pgpu is not ready or has no such type.
 */
const struct nvvgpu_vgpu_type *nvvgpu_pgpu_find_type(struct nvvgpu_pgpu *pgpu,
						     u32 type_id)
{
	u32 i;

	if (!pgpu->ready)
		return NULL;
	for (i = 0; i < pgpu->info.num_types; i++)
		if (pgpu->info.types[i].id == type_id)
			return &pgpu->info.types[i];
	return NULL;
}
EXPORT_SYMBOL_NS_GPL(nvvgpu_pgpu_find_type, NVVGPU);

static unsigned int nvvgpu_type_count(struct nvvgpu_pgpu *pgpu,
				      const struct nvvgpu_vgpu_type *type)
{
	struct nvvgpu_vgpu *vgpu;
	unsigned long index;
	unsigned int n = 0;

	lockdep_assert_held(&pgpu->lock);

	xa_for_each(&pgpu->vgpus, index, vgpu)
		n += vgpu->type == type;
	return n;
}

static unsigned int nvvgpu_type_available_locked(struct nvvgpu_pgpu *pgpu,
						 const struct nvvgpu_vgpu_type *type)
{
	unsigned int used, n;

	lockdep_assert_held(&pgpu->lock);

	if (pgpu->lost || !test_bit(NVVGPU_PROVIDER_PARTITION, &pgpu->attached))
		return 0;
	used = nvvgpu_type_count(pgpu, type);
	if (used >= type->max_instances ||
	    pgpu->num_vgpus >= NVVGPU_MAX_VGPUS_PER_PGPU)
		return 0;
	n = min(type->max_instances - used,
		NVVGPU_MAX_VGPUS_PER_PGPU - pgpu->num_vgpus);
	return min(n, nvvgpu_partitioner(pgpu)->type_capacity(pgpu, type));
}

/**
 * nvvgpu_type_available() - how many more vGPUs of a type can be created
 * @pgpu: the physical GPU
 * @type: one of its types
 *
 * Takes the type's instance limit, the pgpu's vGPU limit and what the
 * partition provider can still place into account; 0 while a provider the
 * creation needs is missing.
 *
 * Return: the number of instances available now.
 */
unsigned int nvvgpu_type_available(struct nvvgpu_pgpu *pgpu,
				   const struct nvvgpu_vgpu_type *type)
{
	unsigned int n;

	mutex_lock(&pgpu->lock);
	n = nvvgpu_type_available_locked(pgpu, type);
	mutex_unlock(&pgpu->lock);
	return n;
}
EXPORT_SYMBOL_NS_GPL(nvvgpu_type_available, NVVGPU);

/* the module that implements a provider, for logs */
static const char *nvvgpu_owner_name(struct nvvgpu_pgpu *pgpu,
				     enum nvvgpu_provider_kind kind)
{
	struct module *owner = pgpu->prov[kind]->owner;

	lockdep_assert_held(&pgpu->lock);
	return owner ? module_name(owner) : pgpu->prov[kind]->name;
}

static int nvvgpu_vgpu_pin(struct nvvgpu_vgpu *vgpu)
{
	struct nvvgpu_pgpu *pgpu = vgpu->pgpu;
	enum nvvgpu_provider_kind kind;

	lockdep_assert_held(&pgpu->lock);

	for (kind = 0; kind < NVVGPU_PROVIDER_NR; kind++) {
		if (!try_module_get(pgpu->prov[kind]->owner)) {
			dev_err(pgpu->dev, "%s provider '%s' is going away\n",
				nvvgpu_provider_kind_name(kind),
				pgpu->prov[kind]->name);
			return -ENODEV;
		}
		__set_bit(kind, &vgpu->pinned);
	}
	return 0;
}

static void nvvgpu_vgpu_unpin(struct nvvgpu_vgpu *vgpu)
{
	enum nvvgpu_provider_kind kind;

	lockdep_assert_held(&vgpu->pgpu->lock);

	for (kind = 0; kind < NVVGPU_PROVIDER_NR; kind++)
		if (__test_and_clear_bit(kind, &vgpu->pinned))
			module_put(vgpu->pgpu->prov[kind]->owner);
}

static int nvvgpu_vgpu_claim_uuid(struct nvvgpu_vgpu *vgpu)
{
	struct nvvgpu_vgpu *other;
	int err = 0;

	mutex_lock(&nvvgpu_core.vgpu_lock);
	list_for_each_entry(other, &nvvgpu_core.vgpus, link) {
		if (uuid_equal(&other->uuid, &vgpu->uuid)) {
			err = -EEXIST;
			break;
		}
	}
	if (!err)
		list_add_tail(&vgpu->link, &nvvgpu_core.vgpus);
	mutex_unlock(&nvvgpu_core.vgpu_lock);
	return err;
}

static void nvvgpu_vgpu_release_uuid(struct nvvgpu_vgpu *vgpu)
{
	mutex_lock(&nvvgpu_core.vgpu_lock);
	list_del(&vgpu->link);
	mutex_unlock(&nvvgpu_core.vgpu_lock);
}

static int nvvgpu_vgpu_check_ready(struct nvvgpu_pgpu *pgpu)
{
	enum nvvgpu_provider_kind kind;

	lockdep_assert_held(&pgpu->lock);

	if (pgpu->lost) {
		dev_err(pgpu->dev, "pgpu %u is lost: vGPU creation refused\n",
			pgpu->id);
		return -EIO;
	}
	for (kind = 0; kind < NVVGPU_PROVIDER_NR; kind++) {
		if (!test_bit(kind, &pgpu->attached)) {
			dev_err(pgpu->dev, "no %s provider attached: vGPU creation refused\n",
				nvvgpu_provider_kind_name(kind));
			return -ENODEV;
		}
	}
	return 0;
}

/**
 * nvvgpu_vgpu_create() - create a vGPU and bring it to the booted state
 * @pgpu: the physical GPU to create it on
 * @type_id: its vGPU type
 * @uuid: its identity; unique on the host
 * @out: where to store the new vGPU
 *
 * Reserves the type's resources, bootloads the firmware plugin task and
 * adds the vGPU to the scheduler's run list. On failure everything done so
 * far is undone: nothing is left half-created.
 *
 * Return: 0; -EINVAL for an unknown type; -EEXIST for a UUID in use; -ENOSPC
 * when the type has no instance left or its resources do not fit; -ENODEV
 * when a provider is missing; -EIO when the pgpu is lost; or the error of
 * the provider that failed.
 */
int nvvgpu_vgpu_create(struct nvvgpu_pgpu *pgpu, u32 type_id,
		       const uuid_t *uuid, struct nvvgpu_vgpu **out)
{
	const struct nvvgpu_vgpu_type *type;
	struct nvvgpu_vgpu *vgpu;
	u32 id;
	int err;

	vgpu = kzalloc(sizeof(*vgpu), GFP_KERNEL);
	if (!vgpu)
		return -ENOMEM;
	vgpu->pgpu = pgpu;
	uuid_copy(&vgpu->uuid, uuid);
	vgpu->weight = 1;
	vgpu->state = NVVGPU_VGPU_CREATED;

	err = nvvgpu_vgpu_claim_uuid(vgpu);
	if (err) {
		nvvgpu_vgpu_err(vgpu, "UUID already in use\n");
		kfree(vgpu);
		return err;
	}

	mutex_lock(&pgpu->lock);
	err = nvvgpu_vgpu_check_ready(pgpu);
	if (err)
		goto err_unlock;

	type = nvvgpu_pgpu_find_type(pgpu, type_id);
	if (!type) {
		nvvgpu_vgpu_err(vgpu, "unknown vGPU type %u\n", type_id);
		err = -EINVAL;
		goto err_unlock;
	}
	vgpu->type = type;
	if (!nvvgpu_type_available_locked(pgpu, type)) {
		nvvgpu_vgpu_err(vgpu, "no instance of type %u (%s) available\n",
				type->id, type->name);
		err = -ENOSPC;
		goto err_unlock;
	}

	err = xa_alloc(&pgpu->vgpus, &id, vgpu,
		       XA_LIMIT(0, NVVGPU_MAX_VGPUS_PER_PGPU - 1), GFP_KERNEL);
	if (err) {
		err = err == -EBUSY ? -ENOSPC : err;
		goto err_unlock;
	}
	vgpu->id = id;
	pgpu->num_vgpus++;

	err = nvvgpu_vgpu_pin(vgpu);
	if (err)
		goto err_unpin;

	err = nvvgpu_partitioner(pgpu)->vgpu_alloc(vgpu, &vgpu->part);
	if (err) {
		nvvgpu_vgpu_err(vgpu, "cannot reserve resources of type %s: %pe\n",
				type->name, ERR_PTR(err));
		goto err_unpin;
	}
	nvvgpu_vgpu_set_state(vgpu, NVVGPU_VGPU_PROVISIONED);

	err = nvvgpu_transport(pgpu)->vgpu_bootload(vgpu);
	if (err) {
		nvvgpu_vgpu_err(vgpu, "plugin bootload failed: %pe\n",
				ERR_PTR(err));
		goto err_free;
	}
	vgpu->plugin_up = true;
	nvvgpu_vgpu_set_state(vgpu, NVVGPU_VGPU_BOOTED);

	/* the function may have had another vGPU's preemption timeout */
	if (pgpu->backend->set_preempt_timeout)
		pgpu->backend->set_preempt_timeout(pgpu, nvvgpu_vgpu_gfid(vgpu),
						   0);
	err = nvvgpu_scheduler(pgpu)->vgpu_add(vgpu);
	if (err) {
		nvvgpu_vgpu_err(vgpu, "scheduler refused it: %pe\n",
				ERR_PTR(err));
		goto err_shutdown;
	}
	dev_info(pgpu->dev, "vgpu %u %pUl created: type %u (%s), fb %llu MiB at %#llx, channels %u-%u\n",
		 vgpu->id, uuid, type->id, type->name, vgpu->part.fb_size >> 20,
		 vgpu->part.fb_offset, vgpu->part.chid_base,
		 vgpu->part.chid_base + vgpu->part.chid_count - 1);
	/* rmmod of a pinned provider fails silently in the kernel: say it here */
	dev_info(pgpu->dev, "vgpu %u pins %s, %s and %s until it is destroyed\n",
		 vgpu->id, nvvgpu_owner_name(pgpu, NVVGPU_PROVIDER_TRANSPORT),
		 nvvgpu_owner_name(pgpu, NVVGPU_PROVIDER_PARTITION),
		 nvvgpu_owner_name(pgpu, NVVGPU_PROVIDER_SCHEDULER));
	mutex_unlock(&pgpu->lock);
	*out = vgpu;
	return 0;

err_shutdown:
	nvvgpu_transport(pgpu)->vgpu_shutdown(vgpu);
err_free:
	nvvgpu_partitioner(pgpu)->vgpu_free(vgpu);
err_unpin:
	nvvgpu_vgpu_unpin(vgpu);
	xa_erase(&pgpu->vgpus, vgpu->id);
	pgpu->num_vgpus--;
err_unlock:
	mutex_unlock(&pgpu->lock);
	nvvgpu_vgpu_release_uuid(vgpu);
	/* a backend event may have looked it up meanwhile */
	kfree_rcu(vgpu, rcu);
	return err;
}
EXPORT_SYMBOL_NS_GPL(nvvgpu_vgpu_create, NVVGPU);

void nvvgpu_vgpu_destroy_locked(struct nvvgpu_vgpu *vgpu)
{
	struct nvvgpu_pgpu *pgpu = vgpu->pgpu;

	lockdep_assert_held(&pgpu->lock);

	if (vgpu->state == NVVGPU_VGPU_RUNNING ||
	    vgpu->state == NVVGPU_VGPU_PAUSED) {
		nvvgpu_scheduler(pgpu)->vgpu_set_runnable(vgpu, false);
		nvvgpu_vgpu_set_state(vgpu, NVVGPU_VGPU_STOPPED);
	}
	nvvgpu_scheduler(pgpu)->vgpu_remove(vgpu);
	if (vgpu->plugin_up)
		nvvgpu_transport(pgpu)->vgpu_shutdown(vgpu);
	nvvgpu_partitioner(pgpu)->vgpu_free(vgpu);
	nvvgpu_vgpu_set_state(vgpu, NVVGPU_VGPU_DEAD);
	nvvgpu_vgpu_unpin(vgpu);
	xa_erase(&pgpu->vgpus, vgpu->id);
	pgpu->num_vgpus--;
	dev_info(pgpu->dev, "vgpu %u %pUl destroyed\n", vgpu->id, &vgpu->uuid);
	nvvgpu_vgpu_release_uuid(vgpu);
	kfree_rcu(vgpu, rcu);
}

/**
 * nvvgpu_vgpu_destroy() - tear a vGPU down and free it
 * @vgpu: the vGPU; a running one is stopped first
 *
 * Runs the creation steps backwards: off the run list, plugin shut down,
 * resources scrubbed and released, provider modules unpinned.
 */
void nvvgpu_vgpu_destroy(struct nvvgpu_vgpu *vgpu)
{
	struct nvvgpu_pgpu *pgpu = vgpu->pgpu;

	mutex_lock(&pgpu->lock);
	nvvgpu_vgpu_destroy_locked(vgpu);
	mutex_unlock(&pgpu->lock);
}
EXPORT_SYMBOL_NS_GPL(nvvgpu_vgpu_destroy, NVVGPU);

static int nvvgpu_vgpu_transition(struct nvvgpu_vgpu *vgpu, u32 from,
				  enum nvvgpu_vgpu_state to, bool runnable)
{
	struct nvvgpu_pgpu *pgpu = vgpu->pgpu;
	int err;

	mutex_lock(&pgpu->lock);
	if (runnable && (pgpu->lost || !vgpu->plugin_up))
		err = -EIO;
	else if (!(BIT(vgpu->state) & from))
		err = -EBUSY;
	else
		err = nvvgpu_vgpu_set_state(vgpu, to);
	if (!err)
		nvvgpu_scheduler(pgpu)->vgpu_set_runnable(vgpu, runnable);
	mutex_unlock(&pgpu->lock);
	return err;
}

/**
 * nvvgpu_vgpu_start() - a VMM opened the vGPU: make it runnable
 * @vgpu: a booted or stopped vGPU
 *
 * Return: 0; -EBUSY if the vGPU is not in a state it can start from; -EIO
 * if its pgpu is lost or its plugin did not survive a reset.
 */
int nvvgpu_vgpu_start(struct nvvgpu_vgpu *vgpu)
{
	return nvvgpu_vgpu_transition(vgpu, BIT(NVVGPU_VGPU_BOOTED) |
				      BIT(NVVGPU_VGPU_STOPPED),
				      NVVGPU_VGPU_RUNNING, true);
}
EXPORT_SYMBOL_NS_GPL(nvvgpu_vgpu_start, NVVGPU);

/**
 * nvvgpu_vgpu_stop() - the VMM closed the vGPU: stop scheduling it
 * @vgpu: a running or paused vGPU
 *
 * Return: 0; -EBUSY if the vGPU is not running or paused.
 */
int nvvgpu_vgpu_stop(struct nvvgpu_vgpu *vgpu)
{
	return nvvgpu_vgpu_transition(vgpu, BIT(NVVGPU_VGPU_RUNNING) |
				      BIT(NVVGPU_VGPU_PAUSED),
				      NVVGPU_VGPU_STOPPED, false);
}
EXPORT_SYMBOL_NS_GPL(nvvgpu_vgpu_stop, NVVGPU);

/**
 * nvvgpu_vgpu_pause() - keep a running vGPU open but give it no time
 * @vgpu: a running vGPU
 *
 * Return: 0; -EBUSY if the vGPU is not running.
 */
int nvvgpu_vgpu_pause(struct nvvgpu_vgpu *vgpu)
{
	return nvvgpu_vgpu_transition(vgpu, BIT(NVVGPU_VGPU_RUNNING),
				      NVVGPU_VGPU_PAUSED, false);
}
EXPORT_SYMBOL_NS_GPL(nvvgpu_vgpu_pause, NVVGPU);

/**
 * nvvgpu_vgpu_resume() - give a paused vGPU time slices again
 * @vgpu: a paused vGPU
 *
 * Return: 0; -EBUSY if the vGPU is not paused; -EIO if its pgpu is lost.
 */
int nvvgpu_vgpu_resume(struct nvvgpu_vgpu *vgpu)
{
	return nvvgpu_vgpu_transition(vgpu, BIT(NVVGPU_VGPU_PAUSED),
				      NVVGPU_VGPU_RUNNING, true);
}
EXPORT_SYMBOL_NS_GPL(nvvgpu_vgpu_resume, NVVGPU);

static int nvvgpu_vgpu_scrub(struct nvvgpu_vgpu *vgpu)
{
	struct nvvgpu_pgpu *pgpu = vgpu->pgpu;
	int err;

	err = nvvgpu_pgpu_fb_clear(pgpu, vgpu->part.fb_offset,
				   PAGE_ALIGN(vgpu->part.fb_size));
	if (!err && vgpu->part.heap_size)
		err = nvvgpu_pgpu_fb_clear(pgpu, vgpu->part.heap_offset,
					   PAGE_ALIGN(vgpu->part.heap_size));
	return err;
}

/**
 * nvvgpu_vgpu_reset() - function-level reset of a vGPU
 * @vgpu: a booted, running, paused or stopped vGPU
 *
 * What a VF FLR does: the firmware plugin task is shut down, the guest FB
 * and heap are scrubbed and the plugin is bootloaded again, keeping the
 * vGPU's resources. A running vGPU is taken off the GPU meanwhile and is
 * running again afterwards. If the plugin does not come back the vGPU is
 * left stopped, without a plugin, and can only be destroyed.
 *
 * Return: 0; -EBUSY if the vGPU is in no state to reset; -EIO if its pgpu is
 * lost; the scrub's or the transport's error.
 */
int nvvgpu_vgpu_reset(struct nvvgpu_vgpu *vgpu)
{
	struct nvvgpu_pgpu *pgpu = vgpu->pgpu;
	const u32 resettable = BIT(NVVGPU_VGPU_BOOTED) | BIT(NVVGPU_VGPU_RUNNING) |
			       BIT(NVVGPU_VGPU_PAUSED) | BIT(NVVGPU_VGPU_STOPPED);
	bool running;
	int err;

	mutex_lock(&pgpu->lock);
	if (pgpu->lost) {
		err = -EIO;
		goto out;
	}
	if (!(BIT(vgpu->state) & resettable) || !vgpu->plugin_up) {
		err = -EBUSY;
		goto out;
	}

	running = vgpu->state == NVVGPU_VGPU_RUNNING;
	if (running)
		nvvgpu_scheduler(pgpu)->vgpu_set_runnable(vgpu, false);
	nvvgpu_transport(pgpu)->vgpu_shutdown(vgpu);
	vgpu->plugin_up = false;
	if (pgpu->backend->vf_flr)
		pgpu->backend->vf_flr(pgpu, nvvgpu_vgpu_gfid(vgpu));

	err = nvvgpu_vgpu_scrub(vgpu);
	if (err)
		nvvgpu_vgpu_err(vgpu, "scrub at reset failed: %pe\n",
				ERR_PTR(err));
	else
		err = nvvgpu_transport(pgpu)->vgpu_bootload(vgpu);
	trace_nvvgpu_vgpu_reset(vgpu, err);
	if (err) {
		nvvgpu_vgpu_err(vgpu, "reset failed (%pe): stopped, destroy it\n",
				ERR_PTR(err));
		if (vgpu->state == NVVGPU_VGPU_RUNNING ||
		    vgpu->state == NVVGPU_VGPU_PAUSED)
			nvvgpu_vgpu_set_state(vgpu, NVVGPU_VGPU_STOPPED);
		goto out;
	}
	vgpu->plugin_up = true;
	if (running)
		nvvgpu_scheduler(pgpu)->vgpu_set_runnable(vgpu, true);
	nvvgpu_vgpu_dbg(vgpu, "reset\n");
out:
	mutex_unlock(&pgpu->lock);
	return err;
}
EXPORT_SYMBOL_NS_GPL(nvvgpu_vgpu_reset, NVVGPU);

// SPDX-License-Identifier: GPL-2.0
/*
 * nvvgpu_sim: the channel table: creation and removal of channels, and
 * their doorbells.
 *
 * Copyright (c) 2026 The nvvgpu developers
 */
#include <kunit/visibility.h>
#include <linux/lockdep.h>
#include <linux/log2.h>
#include <linux/minmax.h>
#include <linux/slab.h>
#include <linux/spinlock.h>

#include <nvvgpu/abi/gsp_rpc.h>
#include <nvvgpu/core.h>

#include "sim.h"
#include "sim_trace.h"

#define sim_chan_refuse(sim, gfid, status, fmt, ...) ({			\
	dev_warn_ratelimited(sim_dev(sim), "gfid %u: channel alloc: " fmt "\n",\
			     gfid, ##__VA_ARGS__);				\
	status;								\
})

static int sim_engine_of(u32 engine_type)
{
	switch (engine_type) {
	case NV2080_ENGINE_TYPE_GR0:
		return 0;
	case NV2080_ENGINE_TYPE_COPY0:
		return 1;
	case NV2080_ENGINE_TYPE_COPY1:
		return 2;
	}
	return -EINVAL;
}

/* the channel IDs a function may use: none for a GFID beyond the GPU's */
static void sim_chid_range(struct sim_gpu *sim, u32 gfid, u32 *base, u32 *n)
{
	if (!gfid) {
		*base = SIM_HOST_CHID_BASE;
		*n = SIM_NUM_CHANNELS - SIM_HOST_CHID_BASE;
		return;
	}
	if (gfid > SIM_MAX_GFID) {
		*base = 0;
		*n = 0;
		return;
	}
	*base = sim->vgpus[gfid - 1].chid_base;
	*n = sim->vgpus[gfid - 1].num_channels;
}

static struct sim_channel *sim_channel_find(struct sim_gpu *sim, u32 gfid,
					    u32 handle)
{
	struct sim_engines *e = &sim->engines;
	u32 base, n, i;

	lockdep_assert_held(&e->table_lock);
	sim_chid_range(sim, gfid, &base, &n);
	for (i = base; i < base + n && i < SIM_NUM_CHANNELS; i++)
		if (e->chans[i] && e->chans[i]->gfid == gfid &&
		    e->chans[i]->handle == handle)
			return e->chans[i];
	return NULL;
}

/*
 * The channel's address space: the function's, or for a host channel in a
 * VA space, the window [vaBase, vaSize) of the host's one-to-one space.
 */
static int sim_channel_space(struct sim_gpu *sim, u32 gfid,
			     const struct sim_rm_object *vas,
			     struct sim_space *sp)
{
	int err = sim_space_init(sim, gfid, sp);

	if (err || !vas)
		return err;
	sp->base = vas->vas.base;
	sp->size = min(sp->size, vas->vas.limit);
	return 0;
}

static u32 __sim_channel_alloc(struct sim_gpu *sim, u32 gfid, u32 handle,
			       const struct nv_channel_alloc_params *p,
			       const struct sim_rm_object *vas, u32 *chid)
{
	struct sim_engines *e = &sim->engines;
	struct sim_channel *ch;
	struct sim_engine *eng;
	u32 base, n, i, status;
	int idx;

	lockdep_assert_held(&sim->gsp.lock);

	idx = sim_engine_of(p->engine_type);
	if (idx < 0)
		return sim_chan_refuse(sim, gfid, NV_ERR_INVALID_ARGUMENT,
				       "unknown engine type %#x", p->engine_type);
	if (p->gp_fifo_entries < 2 || p->gp_fifo_entries > SIM_MAX_GPFIFO_ENTRIES ||
	    !is_power_of_2(p->gp_fifo_entries))
		return sim_chan_refuse(sim, gfid, NV_ERR_INVALID_ARGUMENT,
				       "%u GPFIFO entries", p->gp_fifo_entries);
	if (!IS_ALIGNED(p->gp_fifo_offset, 8) ||
	    !IS_ALIGNED(p->userd_mem.base, NVC56F_USERD_SIZE))
		return sim_chan_refuse(sim, gfid, NV_ERR_INVALID_ADDRESS,
				       "ring %#llx or USERD %#llx misaligned",
				       p->gp_fifo_offset, p->userd_mem.base);

	ch = kzalloc(sizeof(*ch), GFP_KERNEL);
	if (!ch)
		return NV_ERR_NO_MEMORY;
	if (sim_channel_space(sim, gfid, vas, &ch->space)) {
		kfree(ch);
		return sim_chan_refuse(sim, gfid, NV_ERR_INVALID_STATE,
				       "function has no plugin");
	}
	if (!sim_space_contains(&ch->space, p->gp_fifo_offset,
				(u64)p->gp_fifo_entries * NVC56F_GP_ENTRY__SIZE) ||
	    !sim_space_contains(&ch->space, p->userd_mem.base, NVC56F_USERD_SIZE)) {
		status = sim_chan_refuse(sim, gfid, NV_ERR_INVALID_ADDRESS,
					 "ring %#llx+%u or USERD %#llx outside its %#llx bytes",
					 p->gp_fifo_offset, p->gp_fifo_entries,
					 p->userd_mem.base, ch->space.size);
		goto err_free;
	}

	mutex_lock(&e->table_lock);
	if (sim_channel_find(sim, gfid, handle)) {
		status = sim_chan_refuse(sim, gfid, NV_ERR_INSERT_DUPLICATE_NAME,
					 "handle %#x in use", handle);
		goto err_unlock;
	}
	sim_chid_range(sim, gfid, &base, &n);
	for (i = base; i < base + n && i < SIM_NUM_CHANNELS; i++)
		if (!e->chans[i])
			break;
	if (i >= base + n || i >= SIM_NUM_CHANNELS) {
		status = sim_chan_refuse(sim, gfid, NV_ERR_INSUFFICIENT_RESOURCES,
					 "all %u channel IDs in use", n);
		goto err_unlock;
	}

	ch->chid = i;
	ch->gfid = gfid;
	ch->handle = handle;
	ch->engine = idx;
	ch->gpfifo = p->gp_fifo_offset;
	ch->entries = p->gp_fifo_entries;
	ch->userd = p->userd_mem.base;
	eng = &e->eng[idx];

	spin_lock(&e->chan_lock);
	e->chans[i] = ch;
	spin_unlock(&e->chan_lock);
	spin_lock(&eng->lock);
	list_add_tail(&ch->link, &eng->channels);
	spin_unlock(&eng->lock);
	mutex_unlock(&e->table_lock);

	dev_dbg(sim_dev(sim), "gfid %u: channel %u on %s, %u entries at %#llx\n",
		gfid, ch->chid, eng->name, ch->entries, ch->gpfifo);
	*chid = ch->chid;
	return NV_OK;

err_unlock:
	mutex_unlock(&e->table_lock);
err_free:
	sim_space_fini(&ch->space);
	kfree(ch);
	return status;
}

/**
 * sim_channel_alloc() - create a channel for a function
 * @sim: the GPU
 * @gfid: 0 for the host, else a bootloaded GFID
 * @handle: the creator's handle for it, unique in the function
 * @p: NVIDIA's channel parameters; addresses in the function's space
 * @chid: the channel ID given
 *
 * Called from the emulator (plugin mailbox, RM alloc) with its lock held.
 *
 * Return: an NV_STATUS; every refusal is logged.
 */
u32 sim_channel_alloc(struct sim_gpu *sim, u32 gfid, u32 handle,
		      const struct nv_channel_alloc_params *p, u32 *chid)
{
	return __sim_channel_alloc(sim, gfid, handle, p, NULL, chid);
}
EXPORT_SYMBOL_IF_KUNIT(sim_channel_alloc);

/**
 * sim_channel_alloc_host() - create a host channel in a VA space
 * @sim: the GPU
 * @handle: its RM handle, unique among host channels
 * @p: NVIDIA's channel parameters; addresses are GPU virtual addresses
 *	of @vas
 * @vas: the FERMI_VASPACE_A object @p->h_va_space names
 * @chid: the channel ID given, also its work-submit token
 *
 * As sim_channel_alloc(), but every address the channel uses, its ring and
 * USERD included, must lie in the VA space's window.
 *
 * Return: an NV_STATUS; every refusal is logged.
 */
u32 sim_channel_alloc_host(struct sim_gpu *sim, u32 handle,
			   const struct nv_channel_alloc_params *p,
			   const struct sim_rm_object *vas, u32 *chid)
{
	return __sim_channel_alloc(sim, 0, handle, p, vas, chid);
}

/* take a channel out of the table and off its engine, then free it */
static void sim_channel_destroy(struct sim_gpu *sim, struct sim_channel *ch)
{
	struct sim_engines *e = &sim->engines;
	struct sim_engine *eng = &e->eng[ch->engine];
	u32 gfid;

	lockdep_assert_held(&e->table_lock);

	spin_lock(&e->chan_lock);
	e->chans[ch->chid] = NULL;
	spin_unlock(&e->chan_lock);

	spin_lock(&eng->lock);
	ch->dying = true;
	spin_unlock(&eng->lock);
	/* the engine drops it at its next method boundary */
	wake_up_all(&eng->wq);
	wait_event(eng->wq, READ_ONCE(eng->running) != ch);
	spin_lock(&eng->lock);
	list_del(&ch->link);
	spin_unlock(&eng->lock);

	sim_space_fini(&ch->space);
	gfid = ch->gfid;
	kfree(ch);
	sim_engine_work_update(sim, gfid);
}

/**
 * sim_channel_free() - free a function's channel by its handle
 * @sim: the GPU
 * @gfid: the function
 * @handle: the handle given at creation
 *
 * Return: NV_OK, or NV_ERR_OBJECT_NOT_FOUND.
 */
u32 sim_channel_free(struct sim_gpu *sim, u32 gfid, u32 handle)
{
	struct sim_engines *e = &sim->engines;
	struct sim_channel *ch;

	mutex_lock(&e->table_lock);
	ch = sim_channel_find(sim, gfid, handle);
	if (ch)
		sim_channel_destroy(sim, ch);
	mutex_unlock(&e->table_lock);
	if (!ch)
		dev_warn_ratelimited(sim_dev(sim), "gfid %u: no channel %#x to free\n",
				     gfid, handle);
	return ch ? NV_OK : NV_ERR_OBJECT_NOT_FOUND;
}
EXPORT_SYMBOL_IF_KUNIT(sim_channel_free);

/**
 * sim_channels_free_all() - free every channel of a function
 * @sim: the GPU
 * @gfid: the function; its plugin goes away, or it is reset
 *
 * Waits until no engine executes them any more. Process context.
 */
void sim_channels_free_all(struct sim_gpu *sim, u32 gfid)
{
	struct sim_engines *e = &sim->engines;
	u32 i;

	mutex_lock(&e->table_lock);
	for (i = 0; i < SIM_NUM_CHANNELS; i++)
		if (e->chans[i] && e->chans[i]->gfid == gfid)
			sim_channel_destroy(sim, e->chans[i]);
	mutex_unlock(&e->table_lock);
}
EXPORT_SYMBOL_IF_KUNIT(sim_channels_free_all);

/**
 * sim_channel_doorbell() - a function rang the doorbell with a token
 * @sim: the GPU
 * @gfid: who rang (0: the host, through the PF's usermode region)
 * @token: the work-submit token, the channel ID
 *
 * Process context: it reports the function's work to the core (which may
 * start a slice); does not sleep. A token that names no channel of @gfid is
 * counted and otherwise ignored: a guest can only wake its own channels.
 */
void sim_channel_doorbell(struct sim_gpu *sim, u32 gfid, u32 token)
{
	struct sim_engines *e = &sim->engines;
	struct sim_engine *eng = NULL;
	struct sim_channel *ch;
	unsigned long flags;

	spin_lock_irqsave(&e->chan_lock, flags);
	ch = token < SIM_NUM_CHANNELS ? e->chans[token] : NULL;
	if (ch && ch->gfid == gfid) {
		eng = &e->eng[ch->engine];
		spin_lock(&eng->lock);
		ch->pending = true;
		spin_unlock(&eng->lock);
	} else {
		e->bad_doorbells++;
	}
	spin_unlock_irqrestore(&e->chan_lock, flags);
	if (eng) {
		trace_nvvgpu_job_submit(sim_pgpu_id(sim), gfid, token);
		sim_engine_work_update(sim, gfid);
		wake_up(&eng->wq);
	}
}
EXPORT_SYMBOL_IF_KUNIT(sim_channel_doorbell);

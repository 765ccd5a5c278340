// SPDX-License-Identifier: GPL-2.0
/*
 * nvvgpu core: the host's own channels, which run on the same engines as
 * the vGPUs' (the DRM render node's work).
 *
 * Copyright (c) 2026 The nvvgpu developers
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/lockdep.h>
#include <linux/log2.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/slab.h>

#include <nvvgpu/abi/nv_channel.h>

#include "core_priv.h"

/**
 * DOC: host channels
 *
 * A host channel is made from two providers: the partition provider gives
 * it a window of the framebuffer the host keeps for itself (never a
 * vGPU's), and the transport creates the firmware's objects for it (on
 * GSP-RM a VA space over exactly that window, and the channel). The
 * client places the GPFIFO ring and USERD in the window, writes its
 * pushbuffers there through nvvgpu_pgpu_fb_page() and rings the PF's
 * usermode doorbell with nvvgpu_host_channel_kick(); completions and
 * errors come to the host sink (nvvgpu_pgpu_set_host_sink()).
 *
 * Like a vGPU, a host channel pins the modules of both providers, so they
 * cannot be unloaded under it.
 */

/* the ring sizes the GPFIFO format allows a host channel */
#define NVVGPU_HOST_MAX_ENTRIES	512

static int nvvgpu_host_check(struct nvvgpu_pgpu *pgpu,
			     const struct nvvgpu_host_channel_desc *desc)
{
	const struct nvvgpu_partition_ops *part;
	const struct nvvgpu_transport_ops *tr;
	u64 ring;

	lockdep_assert_held(&pgpu->lock);

	if (pgpu->lost)
		return -EIO;
	if (!test_bit(NVVGPU_PROVIDER_TRANSPORT, &pgpu->attached) ||
	    !test_bit(NVVGPU_PROVIDER_PARTITION, &pgpu->attached))
		return -ENODEV;
	tr = nvvgpu_transport(pgpu);
	part = nvvgpu_partitioner(pgpu);
	if (!tr->host_channel_alloc || !part->host_fb_alloc)
		return -EOPNOTSUPP;
	if (desc->engine >= 64 ||
	    !(pgpu->info.engine_mask & BIT_ULL(desc->engine)))
		return -ENODEV;
	if (desc->entries < 2 || desc->entries > NVVGPU_HOST_MAX_ENTRIES ||
	    !is_power_of_2(desc->entries))
		return -EINVAL;
	ring = (u64)desc->entries * NVC56F_GP_ENTRY__SIZE;
	if (!desc->size || !PAGE_ALIGNED(desc->size) ||
	    !IS_ALIGNED(desc->gpfifo_offset, NVC56F_GP_ENTRY__SIZE) ||
	    !IS_ALIGNED(desc->userd_offset, NVC56F_USERD_SIZE) ||
	    desc->gpfifo_offset > desc->size ||
	    ring > desc->size - desc->gpfifo_offset ||
	    desc->userd_offset > desc->size - NVC56F_USERD_SIZE)
		return -EINVAL;
	return 0;
}

static int nvvgpu_host_pin(struct nvvgpu_pgpu *pgpu)
{
	struct module *tr = pgpu->prov[NVVGPU_PROVIDER_TRANSPORT]->owner;
	struct module *part = pgpu->prov[NVVGPU_PROVIDER_PARTITION]->owner;

	lockdep_assert_held(&pgpu->lock);

	if (!try_module_get(tr))
		return -ENODEV;
	if (!try_module_get(part)) {
		module_put(tr);
		return -ENODEV;
	}
	return 0;
}

static void nvvgpu_host_unpin(struct nvvgpu_pgpu *pgpu)
{
	lockdep_assert_held(&pgpu->lock);

	module_put(pgpu->prov[NVVGPU_PROVIDER_PARTITION]->owner);
	module_put(pgpu->prov[NVVGPU_PROVIDER_TRANSPORT]->owner);
}

/**
 * nvvgpu_host_channel_create() - a channel of the host's, with its FB window
 * @pgpu: the physical GPU
 * @desc: engine, ring size, window size, and where ring and USERD go
 * @out: the channel, for nvvgpu_host_channel_kick() and _destroy()
 *
 * The window is zeroed. Process context; takes the pgpu lock; may sleep.
 *
 * Return: 0; -EINVAL for a @desc that does not add up; -ENODEV for an
 * engine the pgpu lacks or a provider missing; -EOPNOTSUPP when the
 * providers cannot make host channels; -EIO while the pgpu is lost;
 * -ENOSPC when the host's framebuffer has no room; -ENOMEM; or the
 * transport's error.
 */
int nvvgpu_host_channel_create(struct nvvgpu_pgpu *pgpu,
			       const struct nvvgpu_host_channel_desc *desc,
			       struct nvvgpu_host_channel **out)
{
	const struct nvvgpu_partition_ops *part;
	struct nvvgpu_host_channel *ch;
	int err;

	ch = kzalloc(sizeof(*ch), GFP_KERNEL);
	if (!ch)
		return -ENOMEM;

	mutex_lock(&pgpu->lock);
	err = nvvgpu_host_check(pgpu, desc);
	if (err) {
		dev_dbg(pgpu->dev, "host channel on engine %u, %u entries, %#llx bytes: %pe\n",
			desc->engine, desc->entries, desc->size, ERR_PTR(err));
		goto err_unlock;
	}
	err = nvvgpu_host_pin(pgpu);
	if (err)
		goto err_unlock;

	part = nvvgpu_partitioner(pgpu);
	err = part->host_fb_alloc(pgpu, desc->size, &ch->va_base);
	if (err) {
		dev_info_ratelimited(pgpu->dev, "no room for a %#llx byte host channel window: %pe\n",
				     desc->size, ERR_PTR(err));
		goto err_unpin;
	}
	err = nvvgpu_pgpu_fb_clear(pgpu, ch->va_base, desc->size);
	if (err)
		goto err_fb;

	ch->pgpu = pgpu;
	ch->engine = desc->engine;
	ch->entries = desc->entries;
	ch->va_size = desc->size;
	ch->gpfifo = ch->va_base + desc->gpfifo_offset;
	ch->userd = ch->va_base + desc->userd_offset;
	err = nvvgpu_transport(pgpu)->host_channel_alloc(pgpu, ch);
	if (err) {
		dev_err(pgpu->dev, "host channel on engine %u: firmware refused: %pe\n",
			desc->engine, ERR_PTR(err));
		goto err_fb;
	}
	pgpu->num_host_channels++;
	mutex_unlock(&pgpu->lock);

	dev_dbg(pgpu->dev, "host channel %u on engine %u, window %#llx+%#llx\n",
		ch->chid, ch->engine, ch->va_base, ch->va_size);
	*out = ch;
	return 0;

err_fb:
	part->host_fb_free(pgpu, ch->va_base, desc->size);
err_unpin:
	nvvgpu_host_unpin(pgpu);
err_unlock:
	mutex_unlock(&pgpu->lock);
	kfree(ch);
	return err;
}
EXPORT_SYMBOL_NS_GPL(nvvgpu_host_channel_create, NVVGPU);

static void nvvgpu_host_channel_stop_locked(struct nvvgpu_host_channel *ch)
{
	struct nvvgpu_pgpu *pgpu = ch->pgpu;

	lockdep_assert_held(&pgpu->lock);

	if (ch->stopped)
		return;
	nvvgpu_transport(pgpu)->host_channel_free(pgpu, ch);
	ch->stopped = true;
}

/**
 * nvvgpu_host_channel_stop() - take a host channel off the engines
 * @ch: from nvvgpu_host_channel_create()
 *
 * The engine drops the channel at a method boundary and its firmware
 * objects go; its window stays allocated (and may stay mapped) until
 * nvvgpu_host_channel_destroy(). Idempotent. Process context; takes the
 * pgpu lock.
 */
void nvvgpu_host_channel_stop(struct nvvgpu_host_channel *ch)
{
	mutex_lock(&ch->pgpu->lock);
	nvvgpu_host_channel_stop_locked(ch);
	mutex_unlock(&ch->pgpu->lock);
}
EXPORT_SYMBOL_NS_GPL(nvvgpu_host_channel_stop, NVVGPU);

/**
 * nvvgpu_host_channel_destroy() - stop a host channel and free its window
 * @ch: from nvvgpu_host_channel_create(); freed
 *
 * Stops the channel if nvvgpu_host_channel_stop() did not already; its
 * window is scrubbed and released, so no page of it may stay mapped (the
 * caller zaps its mappings first). Process context; takes the pgpu lock.
 */
void nvvgpu_host_channel_destroy(struct nvvgpu_host_channel *ch)
{
	struct nvvgpu_pgpu *pgpu = ch->pgpu;

	mutex_lock(&pgpu->lock);
	nvvgpu_host_channel_stop_locked(ch);
	nvvgpu_partitioner(pgpu)->host_fb_free(pgpu, ch->va_base, ch->va_size);
	pgpu->num_host_channels--;
	nvvgpu_host_unpin(pgpu);
	mutex_unlock(&pgpu->lock);
	kfree(ch);
}
EXPORT_SYMBOL_NS_GPL(nvvgpu_host_channel_destroy, NVVGPU);

/**
 * nvvgpu_host_channel_kick() - ring the doorbell of a host channel
 * @ch: the channel; its new GP_PUT is in USERD already
 *
 * Writes the work-submit token to the PF's usermode doorbell
 * (NV_USERMODE_BASE + NVC361_NOTIFY_CHANNEL_PENDING) through the backend.
 * Any context; does not sleep.
 */
void nvvgpu_host_channel_kick(struct nvvgpu_host_channel *ch)
{
	nvvgpu_pgpu_wr32(ch->pgpu,
			 NV_USERMODE_BASE + NVC361_NOTIFY_CHANNEL_PENDING,
			 ch->token);
}
EXPORT_SYMBOL_NS_GPL(nvvgpu_host_channel_kick, NVVGPU);

// SPDX-License-Identifier: GPL-2.0
/*
 * nvvgpu DRM: host channels of the render node, their framebuffer windows,
 * SUBMIT and its fences.
 *
 * Copyright (c) 2026 The nvvgpu developers
 */
#include <linux/bitfield.h>
#include <linux/dma-fence.h>
#include <linux/highmem.h>
#include <linux/mm.h>
#include <linux/rcupdate.h>
#include <linux/slab.h>

#include <drm/drm_drv.h>
#include <drm/drm_file.h>
#include <drm/drm_gem.h>
#include <drm/drm_print.h>
#include <drm/drm_syncobj.h>
#include <drm/drm_vma_manager.h>

#include <nvvgpu/abi/nv_channel.h>
#include <nvvgpu/compat.h>
#include <nvvgpu/core.h>
#include <uapi/drm/nvvgpu_drm.h>

#include "nvvgpu_drm.h"

/**
 * DOC: host channel window
 *
 * Each channel's framebuffer window starts with a part only the kernel
 * writes, then the caller's part, which is the buffer object::
 *
 *	0x0000  USERD (GP_PUT, GP_GET)
 *	0x1000  completion semaphore, the number of the last job done
 *	0x2000  GPFIFO ring, NVVGPU_DRM_ENTRIES entries
 *	0x3000  tail segments, one per job slot: semaphore release of the
 *	        job's number and a non-stall interrupt
 *	0x10000 the buffer object: pushbuffers and data
 *
 * A job takes two GPFIFO entries: the caller's pushbuffer, then its tail.
 * The non-stall interrupt comes to the sink as NVVGPU_EVENT_CHANNEL_DONE;
 * the sink reads the semaphore and signals every fence up to it. A job's
 * number is its 32-bit sequence number, compared with wrap-around.
 */
#define NVVGPU_DRM_USERD	0x0000
#define NVVGPU_DRM_SEM		0x1000
#define NVVGPU_DRM_GPFIFO	0x2000
#define NVVGPU_DRM_ENTRIES	512
#define NVVGPU_DRM_TAIL		0x3000
#define NVVGPU_DRM_TAIL_DWORDS	8
#define NVVGPU_DRM_SLOTS	(NVVGPU_DRM_ENTRIES / 2)
#define NVVGPU_DRM_USER		0x10000

static_assert(NVVGPU_DRM_GPFIFO + NVVGPU_DRM_ENTRIES * NVC56F_GP_ENTRY__SIZE <=
	      NVVGPU_DRM_TAIL);
static_assert(NVVGPU_DRM_TAIL + NVVGPU_DRM_SLOTS * NVVGPU_DRM_TAIL_DWORDS * 4 <=
	      NVVGPU_DRM_USER);
static_assert(DRM_NVVGPU_MAX_JOBS < NVVGPU_DRM_SLOTS);

/* an incrementing method header (NVC56F_DMA_SEC_OP_INC_METHOD) */
#define NVVGPU_DRM_INC(mthd, count)					\
	(FIELD_PREP(NVC56F_DMA_SEC_OP, NVC56F_DMA_SEC_OP_INC_METHOD) |	\
	 FIELD_PREP(NVC56F_DMA_METHOD_COUNT, count) |			\
	 FIELD_PREP(NVC56F_DMA_METHOD_ADDRESS, (mthd) >> 2))

struct nvvgpu_drm_fence {
	struct dma_fence base;
	spinlock_t lock; /* the fence's own, so it may outlive the channel */
	struct list_head link;
};

static const char *nvvgpu_drm_fence_driver_name(struct dma_fence *f)
{
	return "nvvgpu";
}

static const char *nvvgpu_drm_fence_timeline_name(struct dma_fence *f)
{
	return "host-channel";
}

static const struct dma_fence_ops nvvgpu_drm_fence_ops = {
	.get_driver_name = nvvgpu_drm_fence_driver_name,
	.get_timeline_name = nvvgpu_drm_fence_timeline_name,
};

/* true if job @a is at or before job @b, with wrap-around */
static bool nvvgpu_drm_seq_done(u32 a, u32 b)
{
	return (s32)(b - a) >= 0;
}

/* signal the fences up to @done, or all of them with @error */
static void nvvgpu_drm_chan_signal(struct nvvgpu_drm_channel *chan, u32 done,
				   int error)
{
	struct nvvgpu_drm_fence *f, *tmp;
	unsigned long flags;

	spin_lock_irqsave(&chan->lock, flags);
	if (!error && nvvgpu_drm_seq_done(done, chan->done))
		goto out;
	if (!error)
		chan->done = done;
	list_for_each_entry_safe(f, tmp, &chan->pending, link) {
		if (!error && !nvvgpu_drm_seq_done(f->base.seqno, done))
			break;
		if (error)
			dma_fence_set_error(&f->base, error);
		list_del(&f->link);
		dma_fence_signal(&f->base);
		dma_fence_put(&f->base);
	}
out:
	spin_unlock_irqrestore(&chan->lock, flags);
}

static u32 nvvgpu_drm_sem_read(struct nvvgpu_drm_channel *chan)
{
	u32 *p = kmap_local_page(chan->sem_page);
	u32 v = READ_ONCE(p[offset_in_page(NVVGPU_DRM_SEM) / 4]);

	kunmap_local(p);
	return v;
}

static void nvvgpu_drm_chan_fail(struct nvvgpu_drm_channel *chan, int error)
{
	unsigned long flags;

	spin_lock_irqsave(&chan->lock, flags);
	if (!chan->error)
		chan->error = error;
	spin_unlock_irqrestore(&chan->lock, flags);
	nvvgpu_drm_chan_signal(chan, 0, error);
}

/* the core's events of host channels; softirq or process, under RCU */
static void nvvgpu_drm_notify(struct nvvgpu_event_sink *sink,
			      const struct nvvgpu_event *ev)
{
	struct nvvgpu_drm *ndrm = container_of(sink, struct nvvgpu_drm, sink);
	struct nvvgpu_drm_channel *chan = xa_load(&ndrm->by_chid, ev->chid);

	if (!chan)
		return;
	switch (ev->type) {
	case NVVGPU_EVENT_CHANNEL_DONE:
		nvvgpu_drm_chan_signal(chan, nvvgpu_drm_sem_read(chan), 0);
		break;
	case NVVGPU_EVENT_CHANNEL_ERROR:
		drm_err_ratelimited(ndrm->drm,
				    "host channel %u in error (Xid %u at %#llx): its jobs fail with -EIO\n",
				    ev->chid, ev->xid, ev->addr);
		/* what completed before the error still counts */
		nvvgpu_drm_chan_signal(chan, nvvgpu_drm_sem_read(chan), 0);
		nvvgpu_drm_chan_fail(chan, -EIO);
		break;
	default:
		break;
	}
}

/* copy @len bytes into the framebuffer at @offset, through the backend */
static int nvvgpu_drm_fb_write(struct nvvgpu_pgpu *pgpu, u64 offset,
			       const void *src, size_t len)
{
	/* fb_rw takes one buffer for both directions; a write only reads it */
	return nvvgpu_pgpu_fb_rw(pgpu, offset, (void *)src, len, true);
}

static void nvvgpu_drm_chan_release(struct kref *ref)
{
	struct nvvgpu_drm_channel *chan =
		container_of(ref, struct nvvgpu_drm_channel, ref);
	struct nvvgpu_drm *ndrm = chan->ndrm;

	/* stopped already: by DESTROY, the file's close or the unplug */
	mutex_lock(&ndrm->chan_lock);
	if (chan->hw) {
		list_del(&chan->link);
		nvvgpu_host_channel_destroy(chan->hw);
		chan->hw = NULL;
	}
	mutex_unlock(&ndrm->chan_lock);
	mutex_destroy(&chan->submit_lock);
	kfree(chan);
}

static void nvvgpu_drm_chan_put(struct nvvgpu_drm_channel *chan)
{
	kref_put(&chan->ref, nvvgpu_drm_chan_release);
}

/* take @chan off the engines; its pending jobs are cancelled */
static void nvvgpu_drm_chan_stop_locked(struct nvvgpu_drm_channel *chan)
{
	struct nvvgpu_drm *ndrm = chan->ndrm;
	unsigned long flags;

	lockdep_assert_held(&ndrm->chan_lock);

	if (chan->stopped)
		return;
	xa_erase(&ndrm->by_chid, chan->chid);
	/* no sink call looks at the channel after this */
	synchronize_rcu();
	nvvgpu_host_channel_stop(chan->hw);
	spin_lock_irqsave(&chan->lock, flags);
	chan->stopped = true;
	spin_unlock_irqrestore(&chan->lock, flags);
	nvvgpu_drm_chan_signal(chan, 0, -ECANCELED);
}

static void nvvgpu_drm_chan_stop(struct nvvgpu_drm_channel *chan)
{
	struct nvvgpu_drm *ndrm = chan->ndrm;

	mutex_lock(&ndrm->chan_lock);
	nvvgpu_drm_chan_stop_locked(chan);
	mutex_unlock(&ndrm->chan_lock);
}

static vm_fault_t nvvgpu_drm_bo_fault(struct vm_fault *vmf)
{
	struct vm_area_struct *vma = vmf->vma;
	struct nvvgpu_drm_bo *bo = vma->vm_private_data;
	struct drm_device *drm = bo->base.dev;
	struct nvvgpu_drm_channel *chan = bo->chan;
	u64 offset = (u64)(vmf->pgoff - drm_vma_node_start(&bo->base.vma_node))
		     << PAGE_SHIFT;
	unsigned long pfn;
	vm_fault_t ret;
	int idx, err = -ERANGE;

	/* once unplugged, the window is gone: its mappings were zapped */
	if (!drm_dev_enter(drm, &idx))
		return VM_FAULT_SIGBUS;
	if (offset < bo->base.size && chan->hw)
		err = nvvgpu_pgpu_fb_pfn(chan->ndrm->pgpu, chan->hw->va_base +
					 NVVGPU_DRM_USER + offset, &pfn);
	if (err) {
		drm_dbg_driver(drm, "window fault at %#llx of %zu bytes: %pe\n",
			       offset, bo->base.size, ERR_PTR(err));
		ret = err == -ENOMEM ? VM_FAULT_OOM : VM_FAULT_SIGBUS;
	} else {
		ret = vmf_insert_pfn(vma, vmf->address, pfn);
	}
	drm_dev_exit(idx);
	return ret;
}

static const struct vm_operations_struct nvvgpu_drm_bo_vm_ops = {
	.fault = nvvgpu_drm_bo_fault,
	.open = drm_gem_vm_open,
	.close = drm_gem_vm_close,
};

static int nvvgpu_drm_bo_mmap(struct drm_gem_object *obj,
			      struct vm_area_struct *vma)
{
	/* framebuffer PFNs, shared with the GPU: no private copies */
	if (is_cow_mapping(vma->vm_flags)) {
		drm_dbg_driver(obj->dev, "a channel window maps only MAP_SHARED\n");
		return -EINVAL;
	}
	vm_flags_set(vma, VM_PFNMAP | VM_IO | VM_DONTEXPAND | VM_DONTDUMP);
	vma->vm_ops = &nvvgpu_drm_bo_vm_ops;
	return 0;
}

static void nvvgpu_drm_bo_free(struct drm_gem_object *obj)
{
	struct nvvgpu_drm_bo *bo = container_of(obj, struct nvvgpu_drm_bo, base);

	drm_gem_object_release(obj);
	nvvgpu_drm_chan_put(bo->chan);
	kfree(bo);
}

static const struct drm_gem_object_funcs nvvgpu_drm_bo_funcs = {
	.free = nvvgpu_drm_bo_free,
	.mmap = nvvgpu_drm_bo_mmap,
	.vm_ops = &nvvgpu_drm_bo_vm_ops,
};

/* argsz: the caller's structure against ours */
static int nvvgpu_drm_check_argsz(struct drm_device *drm, const char *what,
				  u32 argsz, size_t size)
{
	if (argsz < size) {
		drm_dbg_driver(drm, "%s: argsz %u, needs %zu\n", what, argsz, size);
		return -EINVAL;
	}
	if (argsz > size) {
		drm_dbg_driver(drm, "%s: argsz %u of a newer uAPI than %zu\n",
			       what, argsz, size);
		return -E2BIG;
	}
	return 0;
}

static const u32 nvvgpu_drm_engines[] = {
	[DRM_NVVGPU_ENGINE_GR] = NV2080_ENGINE_TYPE_GR0,
	[DRM_NVVGPU_ENGINE_CE0] = NV2080_ENGINE_TYPE_COPY0,
	[DRM_NVVGPU_ENGINE_CE1] = NV2080_ENGINE_TYPE_COPY1,
};

static struct nvvgpu_drm_channel *
nvvgpu_drm_chan_get(struct drm_file *file, u32 handle)
{
	struct nvvgpu_drm_file *nfile = file->driver_priv;
	struct nvvgpu_drm_channel *chan;

	xa_lock(&nfile->channels);
	chan = xa_load(&nfile->channels, handle);
	if (chan)
		kref_get(&chan->ref);
	xa_unlock(&nfile->channels);
	return chan;
}

/* the window's buffer object, with a handle in @file */
static int nvvgpu_drm_bo_create(struct nvvgpu_drm_channel *chan,
				struct drm_file *file, u64 size, u32 *handle)
{
	struct drm_device *drm = chan->ndrm->drm;
	struct nvvgpu_drm_bo *bo;
	int err;

	bo = kzalloc(sizeof(*bo), GFP_KERNEL);
	if (!bo)
		return -ENOMEM;
	bo->base.funcs = &nvvgpu_drm_bo_funcs;
	drm_gem_private_object_init(drm, &bo->base, size);
	kref_get(&chan->ref);
	bo->chan = chan;
	err = drm_gem_handle_create(file, &bo->base, handle);
	/* the handle holds the object now, or it goes away */
	drm_gem_object_put(&bo->base);
	return err;
}

/**
 * nvvgpu_drm_ioctl_channel_create() - DRM_IOCTL_NVVGPU_CHANNEL_CREATE
 * @drm: the DRM device
 * @data: struct drm_nvvgpu_channel_create
 * @file: the caller's DRM file, which gets the channel and its window
 *
 * Return: 0, or the errno the uAPI header lists.
 */
int nvvgpu_drm_ioctl_channel_create(struct drm_device *drm, void *data,
				    struct drm_file *file)
{
	struct nvvgpu_drm_file *nfile = file->driver_priv;
	struct nvvgpu_drm *ndrm = to_nvvgpu_drm(drm);
	struct drm_nvvgpu_channel_create *args = data;
	struct nvvgpu_host_channel_desc desc = {
		.entries = NVVGPU_DRM_ENTRIES,
		.gpfifo_offset = NVVGPU_DRM_GPFIFO,
		.userd_offset = NVVGPU_DRM_USERD,
	};
	struct nvvgpu_drm_channel *chan;
	u32 id, bo_handle;
	u64 size;
	int idx, err;

	err = nvvgpu_drm_check_argsz(drm, "CHANNEL_CREATE", args->argsz,
				     sizeof(*args));
	if (err)
		return err;
	if (args->flags || args->pad) {
		drm_dbg_driver(drm, "CHANNEL_CREATE: flags %#x pad %#x, must be 0\n",
			       args->flags, args->pad);
		return -EINVAL;
	}
	if (args->engine >= ARRAY_SIZE(nvvgpu_drm_engines)) {
		drm_dbg_driver(drm, "CHANNEL_CREATE: unknown engine %u\n",
			       args->engine);
		return -EINVAL;
	}
	if (!args->size || args->size > DRM_NVVGPU_CHANNEL_MAX_SIZE) {
		drm_dbg_driver(drm, "CHANNEL_CREATE: size %llu not in 1..%llu\n",
			       args->size, DRM_NVVGPU_CHANNEL_MAX_SIZE);
		return -EINVAL;
	}
	size = PAGE_ALIGN(args->size);
	desc.engine = nvvgpu_drm_engines[args->engine];
	desc.size = NVVGPU_DRM_USER + size;

	chan = kzalloc(sizeof(*chan), GFP_KERNEL);
	if (!chan)
		return -ENOMEM;
	kref_init(&chan->ref);
	chan->ndrm = ndrm;
	mutex_init(&chan->submit_lock);
	spin_lock_init(&chan->lock);
	INIT_LIST_HEAD(&chan->pending);
	INIT_LIST_HEAD(&chan->link);
	chan->fence_ctx = dma_fence_context_alloc(1);

	if (!drm_dev_enter(drm, &idx)) {
		err = -ENODEV;
		goto err_free;
	}
	if (READ_ONCE(ndrm->lost)) {
		err = -EIO;
		goto err_exit;
	}

	mutex_lock(&ndrm->chan_lock);
	err = nvvgpu_host_channel_create(ndrm->pgpu, &desc, &chan->hw);
	if (err) {
		drm_dbg_driver(drm, "CHANNEL_CREATE: %pe\n", ERR_PTR(err));
		goto err_unlock;
	}
	chan->chid = chan->hw->chid;
	chan->user_size = size;
	/* the first write allocates the page; the sink only reads it */
	err = nvvgpu_drm_fb_write(ndrm->pgpu, chan->hw->va_base + NVVGPU_DRM_SEM,
				  &chan->done, sizeof(chan->done));
	chan->sem_page = nvvgpu_pgpu_fb_page(ndrm->pgpu, chan->hw->va_base +
					     NVVGPU_DRM_SEM);
	if (!err && !chan->sem_page) {
		/* the backend's FB has no struct pages to watch the semaphore in */
		drm_dbg_driver(drm, "CHANNEL_CREATE: no FB page for the semaphore\n");
		err = -EOPNOTSUPP;
	}
	if (err)
		goto err_hw;
	err = xa_insert(&ndrm->by_chid, chan->chid, chan, GFP_KERNEL);
	if (err)
		goto err_hw;
	list_add_tail(&chan->link, &ndrm->channels);
	mutex_unlock(&ndrm->chan_lock);

	err = xa_alloc(&nfile->channels, &id, chan, xa_limit_31b, GFP_KERNEL);
	if (err)
		goto err_stop;
	err = nvvgpu_drm_bo_create(chan, file, size, &bo_handle);
	if (err) {
		xa_erase(&nfile->channels, id);
		goto err_stop;
	}
	drm_dev_exit(idx);

	args->channel = id;
	args->bo_handle = bo_handle;
	args->gpu_va = chan->hw->va_base + NVVGPU_DRM_USER;
	drm_dbg_driver(drm, "host channel %u (chid %u) on engine %u: window %#llx+%#llx\n",
		       id, chan->chid, args->engine, args->gpu_va, size);
	return 0;

err_stop:
	drm_dev_exit(idx);
	nvvgpu_drm_chan_stop(chan);
	nvvgpu_drm_chan_put(chan);
	return err;
err_hw:
	nvvgpu_host_channel_destroy(chan->hw);
err_unlock:
	mutex_unlock(&ndrm->chan_lock);
err_exit:
	drm_dev_exit(idx);
err_free:
	mutex_destroy(&chan->submit_lock);
	kfree(chan);
	return err;
}

/**
 * nvvgpu_drm_ioctl_channel_destroy() - DRM_IOCTL_NVVGPU_CHANNEL_DESTROY
 * @drm: the DRM device
 * @data: struct drm_nvvgpu_channel_destroy
 * @file: the caller's DRM file
 *
 * Return: 0, or the errno the uAPI header lists.
 */
int nvvgpu_drm_ioctl_channel_destroy(struct drm_device *drm, void *data,
				     struct drm_file *file)
{
	struct nvvgpu_drm_file *nfile = file->driver_priv;
	struct drm_nvvgpu_channel_destroy *args = data;
	struct nvvgpu_drm_channel *chan;
	int err;

	err = nvvgpu_drm_check_argsz(drm, "CHANNEL_DESTROY", args->argsz,
				     sizeof(*args));
	if (err)
		return err;
	chan = xa_erase(&nfile->channels, args->channel);
	if (!chan) {
		drm_dbg_driver(drm, "CHANNEL_DESTROY: no channel %u\n",
			       args->channel);
		return -ENOENT;
	}
	nvvgpu_drm_chan_stop(chan);
	nvvgpu_drm_chan_put(chan);
	return 0;
}

/* the kernel's tail of job @seqno: release @seqno, raise a non-stall */
static int nvvgpu_drm_write_tail(struct nvvgpu_drm_channel *chan, u32 seqno,
				 u64 *addr)
{
	u64 sem = chan->hw->va_base + NVVGPU_DRM_SEM;
	u32 tail[NVVGPU_DRM_TAIL_DWORDS] = {
		NVVGPU_DRM_INC(NVC56F_SEM_ADDR_LO, 5),
		lower_32_bits(sem),
		upper_32_bits(sem) & 0xff,
		seqno,
		0,
		FIELD_PREP(NVC56F_SEM_EXECUTE_OPERATION,
			   NVC56F_SEM_EXECUTE_OPERATION_RELEASE),
		NVVGPU_DRM_INC(NVC56F_NON_STALL_INTERRUPT, 1),
		0,
	};

	*addr = chan->hw->va_base + NVVGPU_DRM_TAIL +
		(seqno % NVVGPU_DRM_SLOTS) * sizeof(tail);
	return nvvgpu_drm_fb_write(chan->ndrm->pgpu, *addr, tail, sizeof(tail));
}

/* GPFIFO entry @put: a segment of @dwords at @addr */
static int nvvgpu_drm_write_entry(struct nvvgpu_drm_channel *chan, u32 put,
				  u64 addr, u32 dwords)
{
	u32 e[2] = {
		lower_32_bits(addr) & NVC56F_GP_ENTRY0_GET,
		FIELD_PREP(NVC56F_GP_ENTRY1_GET_HI, upper_32_bits(addr)) |
		FIELD_PREP(NVC56F_GP_ENTRY1_LENGTH, dwords),
	};

	return nvvgpu_drm_fb_write(chan->ndrm->pgpu,
				   chan->hw->gpfifo + (u64)put * sizeof(e),
				   e, sizeof(e));
}

static int nvvgpu_drm_check_submit(struct drm_device *drm,
				   const struct drm_nvvgpu_submit *args,
				   u64 user_size)
{
	int err = nvvgpu_drm_check_argsz(drm, "SUBMIT", args->argsz,
					 sizeof(*args));

	if (err)
		return err;
	if (args->flags || args->pad) {
		drm_dbg_driver(drm, "SUBMIT: flags %#x pad %#x, must be 0\n",
			       args->flags, args->pad);
		return -EINVAL;
	}
	if (!args->pb_dwords || args->pb_dwords > DRM_NVVGPU_MAX_PB_DWORDS ||
	    !IS_ALIGNED(args->pb_offset, 4) || args->pb_offset >= user_size ||
	    (u64)args->pb_dwords * 4 > user_size - args->pb_offset) {
		drm_dbg_driver(drm, "SUBMIT: pushbuffer %#llx+%u dw not in the %llu byte window\n",
			       args->pb_offset, args->pb_dwords, user_size);
		return -EINVAL;
	}
	return 0;
}

/* write the job and ring the doorbell; chan->submit_lock held */
static int nvvgpu_drm_queue(struct nvvgpu_drm_channel *chan,
			    const struct drm_nvvgpu_submit *args,
			    struct nvvgpu_drm_fence *f)
{
	struct nvvgpu_host_channel *hw = chan->hw;
	u32 seqno = chan->seqno + 1, put = chan->put, gp_put;
	unsigned long flags;
	u64 tail;
	int err;

	lockdep_assert_held(&chan->submit_lock);

	spin_lock_irqsave(&chan->lock, flags);
	err = chan->error ?: chan->stopped ? -ENOENT : 0;
	if (!err && seqno - chan->done > DRM_NVVGPU_MAX_JOBS)
		err = -EBUSY;
	spin_unlock_irqrestore(&chan->lock, flags);
	if (err)
		return err;

	/* entries beyond GP_PUT: the GPU does not read them yet */
	err = nvvgpu_drm_write_tail(chan, seqno, &tail) ?:
	      nvvgpu_drm_write_entry(chan, put, hw->va_base + NVVGPU_DRM_USER +
				     args->pb_offset, args->pb_dwords) ?:
	      nvvgpu_drm_write_entry(chan, (put + 1) % NVVGPU_DRM_ENTRIES,
				     tail, NVVGPU_DRM_TAIL_DWORDS);
	if (err)
		return err;

	/* an error since the check fails the fences it finds pending */
	spin_lock_irqsave(&chan->lock, flags);
	err = chan->error ?: chan->stopped ? -ENOENT : 0;
	if (err) {
		spin_unlock_irqrestore(&chan->lock, flags);
		return err;
	}
	dma_fence_init(&f->base, &nvvgpu_drm_fence_ops, &f->lock,
		       chan->fence_ctx, seqno);
	/* the pending list's reference */
	dma_fence_get(&f->base);
	list_add_tail(&f->link, &chan->pending);
	spin_unlock_irqrestore(&chan->lock, flags);

	chan->seqno = seqno;
	chan->put = (put + 2) % NVVGPU_DRM_ENTRIES;
	gp_put = chan->put;
	/* ring and tail before GP_PUT, GP_PUT before the doorbell */
	wmb();
	err = nvvgpu_drm_fb_write(chan->ndrm->pgpu, hw->userd + NVC56F_USERD_GP_PUT,
				  &gp_put, sizeof(gp_put));
	/* GP_PUT visible before the doorbell write reaches the GPU */
	wmb();
	if (!err)
		nvvgpu_host_channel_kick(hw);
	return err;
}

/**
 * nvvgpu_drm_ioctl_submit() - DRM_IOCTL_NVVGPU_SUBMIT
 * @drm: the DRM device
 * @data: struct drm_nvvgpu_submit
 * @file: the caller's DRM file
 *
 * Return: 0, or the errno the uAPI header lists.
 */
int nvvgpu_drm_ioctl_submit(struct drm_device *drm, void *data,
			    struct drm_file *file)
{
	struct drm_nvvgpu_submit *args = data;
	struct drm_syncobj *syncobj = NULL;
	struct nvvgpu_drm_channel *chan;
	struct nvvgpu_drm_fence *f;
	int idx, err;

	chan = nvvgpu_drm_chan_get(file, args->channel);
	if (!chan) {
		drm_dbg_driver(drm, "SUBMIT: no channel %u\n", args->channel);
		return -ENOENT;
	}
	err = nvvgpu_drm_check_submit(drm, args, chan->user_size);
	if (err)
		goto out_put;
	if (args->out_syncobj) {
		syncobj = drm_syncobj_find(file, args->out_syncobj);
		if (!syncobj) {
			drm_dbg_driver(drm, "SUBMIT: no syncobj %u\n",
				       args->out_syncobj);
			err = -ENOENT;
			goto out_put;
		}
	}
	f = kzalloc(sizeof(*f), GFP_KERNEL);
	if (!f) {
		err = -ENOMEM;
		goto out_syncobj;
	}
	spin_lock_init(&f->lock);

	if (!drm_dev_enter(drm, &idx)) {
		err = -ENODEV;
		goto out_fence;
	}
	mutex_lock(&chan->submit_lock);
	err = nvvgpu_drm_queue(chan, args, f);
	args->seqno = chan->seqno;
	mutex_unlock(&chan->submit_lock);
	drm_dev_exit(idx);
	if (err) {
		drm_dbg_driver(drm, "SUBMIT on channel %u: %pe\n", args->channel,
			       ERR_PTR(err));
		goto out_fence;
	}
	if (syncobj)
		drm_syncobj_replace_fence(syncobj, &f->base);
	dma_fence_put(&f->base);
	goto out_syncobj;

out_fence:
	/* never initialised: not a fence yet */
	kfree(f);
out_syncobj:
	if (syncobj)
		drm_syncobj_put(syncobj);
out_put:
	nvvgpu_drm_chan_put(chan);
	return err;
}

/**
 * nvvgpu_drm_open() - drm_driver.open: the file's channel table
 * @drm: the DRM device
 * @file: the new file
 *
 * Return: 0 or -ENOMEM.
 */
int nvvgpu_drm_open(struct drm_device *drm, struct drm_file *file)
{
	struct nvvgpu_drm_file *nfile = kzalloc(sizeof(*nfile), GFP_KERNEL);

	if (!nfile)
		return -ENOMEM;
	xa_init_flags(&nfile->channels, XA_FLAGS_ALLOC1);
	file->driver_priv = nfile;
	return 0;
}

/**
 * nvvgpu_drm_postclose() - drm_driver.postclose: stop the file's channels
 * @drm: the DRM device
 * @file: the file going away
 *
 * Their windows go with the last buffer-object reference.
 */
void nvvgpu_drm_postclose(struct drm_device *drm, struct drm_file *file)
{
	struct nvvgpu_drm_file *nfile = file->driver_priv;
	struct nvvgpu_drm_channel *chan;
	unsigned long id;

	xa_for_each(&nfile->channels, id, chan) {
		xa_erase(&nfile->channels, id);
		nvvgpu_drm_chan_stop(chan);
		nvvgpu_drm_chan_put(chan);
	}
	xa_destroy(&nfile->channels);
	kfree(nfile);
}

/**
 * nvvgpu_drm_channels_init() - set up the channel state and the host sink
 * @ndrm: the render node, before it is registered
 */
void nvvgpu_drm_channels_init(struct nvvgpu_drm *ndrm)
{
	mutex_init(&ndrm->chan_lock);
	INIT_LIST_HEAD(&ndrm->channels);
	xa_init(&ndrm->by_chid);
	ndrm->sink.notify = nvvgpu_drm_notify;
	nvvgpu_pgpu_set_host_sink(ndrm->pgpu, &ndrm->sink);
}

/**
 * nvvgpu_drm_channels_fini() - the pgpu goes: free every channel's window
 * @ndrm: the render node, unplugged (its mappings are zapped and no ioctl
 *	or fault runs any more)
 *
 * Channels still referenced by files or buffer objects stay as empty
 * shells until those go.
 */
void nvvgpu_drm_channels_fini(struct nvvgpu_drm *ndrm)
{
	struct nvvgpu_drm_channel *chan, *tmp;

	mutex_lock(&ndrm->chan_lock);
	list_for_each_entry_safe(chan, tmp, &ndrm->channels, link) {
		nvvgpu_drm_chan_stop_locked(chan);
		list_del_init(&chan->link);
		nvvgpu_host_channel_destroy(chan->hw);
		chan->hw = NULL;
	}
	mutex_unlock(&ndrm->chan_lock);
	nvvgpu_pgpu_set_host_sink(ndrm->pgpu, NULL);
}

/**
 * nvvgpu_drm_channels_lost() - the pgpu is lost: every channel fails
 * @ndrm: the render node
 *
 * Pending fences signal with -EIO and further submits fail with EIO.
 * Called from the core's lost work; takes no sleeping lock.
 */
void nvvgpu_drm_channels_lost(struct nvvgpu_drm *ndrm)
{
	struct nvvgpu_drm_channel *chan;
	unsigned long chid;

	rcu_read_lock();
	xa_for_each(&ndrm->by_chid, chid, chan)
		nvvgpu_drm_chan_fail(chan, -EIO);
	rcu_read_unlock();
}

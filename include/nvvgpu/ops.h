/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nvvgpu: the ops tables through which every module talks to the core.
 *
 * Copyright (c) 2026 The nvvgpu developers
 */
#ifndef __NVVGPU_OPS_H__
#define __NVVGPU_OPS_H__

#include <linux/types.h>

#include "core_types.h"

struct module;
struct page;

/**
 * DOC: interface versions
 *
 * Every ops table carries the interface version it was built against. The
 * core refuses a table whose version differs from its own with -EINVAL and a
 * log line naming the module, so a provider built against another core never
 * gets called through a mismatched table. Bump a version whenever the table,
 * or the meaning of one of its members, changes.
 */
#define NVVGPU_BACKEND_OPS_VERSION	3
#define NVVGPU_TRANSPORT_OPS_VERSION	3
#define NVVGPU_PARTITION_OPS_VERSION	3
#define NVVGPU_SCHED_OPS_VERSION	3
#define NVVGPU_CLIENT_OPS_VERSION	2

/**
 * struct nvvgpu_backend_ops - a hardware backend (simulated or real GPU)
 * @version: must be %NVVGPU_BACKEND_OPS_VERSION
 * @name: backend name for logs, e.g. "sim"
 * @rd32: read a BAR0 register
 * @wr32: write a BAR0 register
 * @dma_alloc: allocate zeroed memory the GPU (and its firmware) can reach;
 *	stores the bus address the firmware must be given in @addr. May sleep.
 * @dma_free: free memory from @dma_alloc
 * @fb_page: the page backing framebuffer offset @offset (page aligned), for
 *	mapping a vGPU's BAR1 window; NULL if out of range
 * @fb_clear: zero @size bytes of framebuffer at @offset (both page
 *	aligned), so that no tenant sees another's data. May sleep.
 * @vf_read: read the register at @offset of the BAR0 of virtual function
 *	@gfid (1..32), as the guest sees it. Called through
 *	nvvgpu_vgpu_bar0_read() by the VFIO client for the ranges a VF's own
 *	BAR0 implements (NV_VIRTUAL_FUNCTION_PRIV and NV_VIRTUAL_FUNCTION),
 *	in process context with the client's device lock held; may sleep.
 *	Returns 0, or -ENXIO for an offset the VF does not implement (the
 *	client then emulates it) and -ENODEV when @gfid is not bootloaded.
 *	May be NULL: every VF register is then emulated.
 * @vf_write: write a register of a VF's BAR0; same rules as @vf_read.
 *	Doorbells and the plugin mailbox take effect here.
 * @vf_flr: function-level reset of VF @gfid: every channel it owns is torn
 *	down and its interrupt tree cleared. Called by nvvgpu_vgpu_reset()
 *	with the pgpu lock held, before the FB is scrubbed; may sleep. May be
 *	NULL.
 * @set_owner: from now on the engines run only the channels of function
 *	@gfid (0: the host's own); %NVVGPU_OWNER_NONE runs none (an idle
 *	slice) and %NVVGPU_OWNER_ALL every channel, as when no scheduler is
 *	attached. Called by nvvgpu_pgpu_run() from the scheduler's timer
 *	(softirq) or process context, with the scheduler's run-queue spinlock
 *	held: must not sleep or take a lock that is held while calling
 *	nvvgpu_pgpu_report_work(). Running work is preempted at a method
 *	boundary. May be NULL: the engines then always run every channel.
 * @has_work: does function @gfid (0: the host) have work queued on the
 *	engines: a channel with GPFIFO entries pending, not in error? Called
 *	by the scheduler with its run-queue spinlock held, in any context
 *	but hardirq; must not sleep. May be NULL only if @set_owner is.
 * @engine_stats: fill @st with engine @engine's cumulative counters for
 *	function @gfid, up to now (including work it is running). Called by
 *	nvvgpu_pgpu_engine_stats() from the scheduler, with its run-queue
 *	spinlock held, in any context but hardirq; must not sleep. Returns
 *	0, or -ENOENT for an @engine beyond the last. May be NULL: the GPU's
 *	engines are not accounted.
 * @set_preempt_timeout: a channel of function @gfid that has not yielded
 *	@timeout_us after being told to is reset and reported with Xid 45
 *	(ROBUST_CHANNEL_PREEMPTIVE_REMOVAL); 0 restores the backend's
 *	default. Called by the core with the pgpu lock held; may sleep. May
 *	be NULL.
 *
 * The backend registers each pgpu with nvvgpu_pgpu_register(). It reports GSP
 * interrupts with nvvgpu_pgpu_handle_irq() and engine and channel events
 * with nvvgpu_pgpu_report_event().
 */
struct nvvgpu_backend_ops {
	u32 version;
	const char *name;
	u32 (*rd32)(struct nvvgpu_pgpu *pgpu, u32 addr);
	void (*wr32)(struct nvvgpu_pgpu *pgpu, u32 addr, u32 val);
	void *(*dma_alloc)(struct nvvgpu_pgpu *pgpu, size_t size, dma_addr_t *addr);
	void (*dma_free)(struct nvvgpu_pgpu *pgpu, size_t size, void *vaddr,
			 dma_addr_t addr);
	struct page *(*fb_page)(struct nvvgpu_pgpu *pgpu, u64 offset);
	int (*fb_clear)(struct nvvgpu_pgpu *pgpu, u64 offset, u64 size);
	int (*vf_read)(struct nvvgpu_pgpu *pgpu, u32 gfid, u32 offset, u32 *val);
	int (*vf_write)(struct nvvgpu_pgpu *pgpu, u32 gfid, u32 offset, u32 val);
	void (*vf_flr)(struct nvvgpu_pgpu *pgpu, u32 gfid);
	void (*set_owner)(struct nvvgpu_pgpu *pgpu, u32 gfid);
	bool (*has_work)(struct nvvgpu_pgpu *pgpu, u32 gfid);
	int (*engine_stats)(struct nvvgpu_pgpu *pgpu, u32 engine, u32 gfid,
			    struct nvvgpu_engine_stats *st);
	void (*set_preempt_timeout)(struct nvvgpu_pgpu *pgpu, u32 gfid,
				    u32 timeout_us);
};

/* set_owner()'s "no scheduler: every channel runs" */
#define NVVGPU_OWNER_ALL	U32_MAX
/* set_owner()'s "an idle slice: no channel runs" */
#define NVVGPU_OWNER_NONE	(U32_MAX - 1)

/**
 * struct nvvgpu_provider - the part every provider ops table starts with
 * @version: the interface version of the kind's ops table
 * @name: provider name for logs and debugfs, e.g. "gsp"
 * @owner: module that implements the ops (THIS_MODULE); pinned while a vGPU
 *	depends on it
 * @attach: set the provider up for @pgpu; may store per-pgpu data in @priv.
 *	Called with the pgpu lock held, after every earlier kind is attached.
 * @detach: undo @attach. Called with the pgpu lock held, never while a vGPU
 *	of @pgpu exists.
 *
 * Embedded as the member "base" of each kind's ops table. The kind is that
 * of the registration function the table is given to
 * (nvvgpu_register_transport() and its siblings), never a tag in the table.
 */
struct nvvgpu_provider {
	u32 version;
	const char *name;
	struct module *owner;
	int (*attach)(struct nvvgpu_pgpu *pgpu, void **priv);
	void (*detach)(struct nvvgpu_pgpu *pgpu, void *priv);
};

/**
 * struct nvvgpu_transport_ops - the firmware transport (GSP-RM)
 * @base: common part
 * @read_info: after @base.attach, fill the pgpu's static information and
 *	vGPU type table from the firmware
 * @irq: the backend signalled a GSP interrupt. May be called in atomic
 *	context; must not sleep.
 * @vgpu_bootload: start the firmware's plugin task for a provisioned vGPU
 *	(BOOTLOAD_GSP_VGPU_PLUGIN_TASK)
 * @vgpu_shutdown: stop and clean up the plugin task
 *	(SHUTDOWN_GSP_VGPU_PLUGIN_TASK, VGPU_PLUGIN_CLEANUP). Must not fail
 *	in a way that leaks: errors are logged and the vGPU is torn down anyway.
 * @host_channel_alloc: create the firmware's objects of a host channel (on
 *	GSP-RM: a VA space over @ch's window, the channel in it, and its
 *	work-submit token) from @ch's engine, window, ring and USERD, and
 *	fill @ch->token, @ch->chid and @ch->obj. Called by
 *	nvvgpu_host_channel_create() with the pgpu lock held; may sleep.
 *	Returns 0 or a negative errno, with nothing left allocated. May be
 *	NULL: the pgpu then has no host channels (-EOPNOTSUPP).
 * @host_channel_free: destroy what @host_channel_alloc made; the channel
 *	stops at a method boundary before this returns. Called by
 *	nvvgpu_host_channel_destroy() with the pgpu lock held; may sleep.
 *	Errors are logged, never returned. NULL exactly when
 *	@host_channel_alloc is.
 */
struct nvvgpu_transport_ops {
	struct nvvgpu_provider base;
	int (*read_info)(struct nvvgpu_pgpu *pgpu, struct nvvgpu_pgpu_info *info);
	void (*irq)(struct nvvgpu_pgpu *pgpu);
	int (*vgpu_bootload)(struct nvvgpu_vgpu *vgpu);
	void (*vgpu_shutdown)(struct nvvgpu_vgpu *vgpu);
	int (*host_channel_alloc)(struct nvvgpu_pgpu *pgpu,
				  struct nvvgpu_host_channel *ch);
	void (*host_channel_free)(struct nvvgpu_pgpu *pgpu,
				  struct nvvgpu_host_channel *ch);
};

/**
 * struct nvvgpu_partition_ops - partitioning of framebuffer and channels
 * @base: common part
 * @vgpu_alloc: reserve guest FB, management heap and a channel-ID range for
 *	@vgpu's type and describe them in @part; -ENOSPC when they do not fit
 * @vgpu_free: release (and scrub) what @vgpu_alloc reserved
 * @type_capacity: how many more vGPUs of @type would fit in what is free
 *	now, so that available_instances never promises what @vgpu_alloc
 *	would refuse
 * @host_fb_alloc: reserve @size bytes (page aligned) of the framebuffer
 *	the host keeps for itself, never given to a vGPU, and store its
 *	offset in @offset. Called by nvvgpu_host_channel_create() with the
 *	pgpu lock held; may sleep. Returns 0, -ENOSPC when it does not fit,
 *	or -ENOMEM. May be NULL: the pgpu then has no host channels.
 * @host_fb_free: scrub and release a range from @host_fb_alloc. Same
 *	context; NULL exactly when @host_fb_alloc is.
 */
struct nvvgpu_partition_ops {
	struct nvvgpu_provider base;
	int (*vgpu_alloc)(struct nvvgpu_vgpu *vgpu, struct nvvgpu_partition *part);
	void (*vgpu_free)(struct nvvgpu_vgpu *vgpu);
	unsigned int (*type_capacity)(struct nvvgpu_pgpu *pgpu,
				      const struct nvvgpu_vgpu_type *type);
	int (*host_fb_alloc)(struct nvvgpu_pgpu *pgpu, u64 size, u64 *offset);
	void (*host_fb_free)(struct nvvgpu_pgpu *pgpu, u64 offset, u64 size);
};

/**
 * struct nvvgpu_sched_ops - time-slice scheduling of vGPUs
 * @base: common part. Its
 *	@base.attach gives the engines to the host alone (nvvgpu_pgpu_run())
 *	and registers for work reports (nvvgpu_pgpu_set_work_sink()); its
 *	@base.detach undoes both and lets every channel run.
 * @vgpu_add: put @vgpu on the pgpu's run queue, closed (no slices yet).
 *	Called by nvvgpu_vgpu_create() with the pgpu lock held; may sleep.
 *	Returns 0 or -ENOMEM.
 * @vgpu_remove: take @vgpu off the run queue; if it holds the GPU, its
 *	slice ends now. Called by nvvgpu_vgpu_destroy() with the pgpu lock
 *	held, after @vgpu_set_runnable(false); may sleep.
 * @vgpu_set_runnable: a VMM opened (and did not pause) @vgpu, so it may be
 *	given slices, or it closed or paused it. Called on each lifecycle
 *	transition with the pgpu lock held; may sleep. Must not fail.
 * @vgpu_update: @vgpu's weight or execution quantum changed
 *	(nvvgpu_vgpu_set_param()); applies
 *	from its next slice. Called with the pgpu lock held; may sleep.
 * @vgpu_stats: fill @st with what the scheduler gave @vgpu so far, with
 *	its engine time. Called by nvvgpu_vgpu_sched_stats() in process
 *	context with the pgpu lock held; may sleep. Returns 0.
 */
struct nvvgpu_sched_ops {
	struct nvvgpu_provider base;
	int (*vgpu_add)(struct nvvgpu_vgpu *vgpu);
	void (*vgpu_remove)(struct nvvgpu_vgpu *vgpu);
	void (*vgpu_set_runnable)(struct nvvgpu_vgpu *vgpu, bool runnable);
	void (*vgpu_update)(struct nvvgpu_vgpu *vgpu);
	int (*vgpu_stats)(struct nvvgpu_vgpu *vgpu,
			  struct nvvgpu_vgpu_sched_stats *st);
};

/**
 * struct nvvgpu_client_ops - callbacks of a client bound to a pgpu
 * @version: must be %NVVGPU_CLIENT_OPS_VERSION
 * @name: client name for logs
 * @pgpu_lost: the pgpu stopped responding; the client should fail new
 *	requests. Called from a work item with the pgpu's client lock held:
 *	it must not register or unregister clients.
 * @pgpu_recovered: a reset brought the pgpu back (nvvgpu_pgpu_clear_lost());
 *	the client may serve requests again. Same context as @pgpu_lost; may
 *	also come without a @pgpu_lost before it when both happened quickly.
 */
struct nvvgpu_client_ops {
	u32 version;
	const char *name;
	void (*pgpu_lost)(struct nvvgpu_pgpu *pgpu, void *priv);
	void (*pgpu_recovered)(struct nvvgpu_pgpu *pgpu, void *priv);
};

#endif /* __NVVGPU_OPS_H__ */

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
struct nvvgpu_handover;
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
#define NVVGPU_BACKEND_OPS_VERSION	4
#define NVVGPU_TRANSPORT_OPS_VERSION	4
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
 * @fb_page: the struct page backing framebuffer offset @offset (page
 *	aligned), for a client that keeps a kernel mapping of an FB page (the
 *	DRM bridge's completion semaphore); NULL if out of range. Process
 *	context, may sleep. May be NULL on a backend whose FB has no struct
 *	pages (a BAR1 aperture): such clients then refuse host channels.
 * @fb_pfn: store in @pfn the page frame through which the CPU reaches
 *	framebuffer offset @offset (page aligned), for inserting into a user
 *	mapping with vmf_insert_pfn() (a VFIO BAR1 or DRM window fault). On
 *	hardware a page of the BAR1 aperture that maps @offset, on the sim
 *	the page it backs @offset with. Called from a page fault handler
 *	(mmap lock held for reading) or process context, without nvvgpu
 *	locks; may sleep. Returns 0, -ERANGE beyond the FB, or -ENOMEM.
 * @fb_rw: copy @len bytes between @buf and the framebuffer at @offset
 *	(no alignment needed, never crossing the FB's end), into the FB if
 *	@write. For the read()/write() path of a BAR1 region. Process
 *	context without nvvgpu locks; may sleep. Returns 0, -ERANGE beyond
 *	the FB, or -ENOMEM.
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
 * @fw_boot: load the GSP-RM firmware of the release the pgpu was
 *	registered with and start it on the LibOS init arguments at bus
 *	address @libos_args (the region array the transport built: RMARGS,
 *	log buffers). On hardware this is request_firmware() of the GSP and
 *	booter images, the ELF sections and radix3 page table, the WPR
 *	metadata, FWSEC/booter, then the mailboxes and CPUCTL.STARTCPU, as
 *	nouveau's r535 code does; the sim does its own equivalent. Returns
 *	once the core runs; the transport waits for GSP_INIT_DONE itself.
 *	Called by the transport at attach and after a GSP reset, holding its
 *	reset lock for writing; may sleep. Returns 0 or a negative errno.
 *	Required by a transport that boots GSP-RM.
 * @system_info: fill @si with the board's bus facts GSP-RM must be told
 *	(GspSystemInfo): BAR addresses, PCI address and IDs. Called by the
 *	transport before each boot, in process context; may sleep. Returns
 *	0 or a negative errno. Required with @fw_boot.
 * @vgpu_types: the board's vGPU type catalogue: fill at most @max entries
 *	of @types and return how many, or a negative errno. On hardware the
 *	catalogue comes from NVIDIA's vGPU metadata file for the board
 *	(request_firmware()); the transport validates it and hands it to the
 *	firmware (PGPU_ADD_VGPU_TYPE). Called by the transport's read_info
 *	with the pgpu lock held; may sleep. May be NULL: no vGPU types.
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
	int (*fb_pfn)(struct nvvgpu_pgpu *pgpu, u64 offset, unsigned long *pfn);
	int (*fb_rw)(struct nvvgpu_pgpu *pgpu, u64 offset, void *buf, size_t len,
		     bool write);
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
	int (*fw_boot)(struct nvvgpu_pgpu *pgpu, dma_addr_t libos_args);
	int (*system_info)(struct nvvgpu_pgpu *pgpu,
			   struct nvvgpu_system_info *si);
	int (*vgpu_types)(struct nvvgpu_pgpu *pgpu,
			  struct nvvgpu_vgpu_type *types, u32 max);
};

/* set_owner()'s "no scheduler: every channel runs" */
#define NVVGPU_OWNER_ALL	U32_MAX
/* set_owner()'s "an idle slice: no channel runs" */
#define NVVGPU_OWNER_NONE	(U32_MAX - 1)

/**
 * DOC: provider ops
 *
 * What the members of the provider and client tables below say, each in
 * the same order: who calls it and from where; the context and the locks
 * held; whether it may sleep; whether it may be NULL; what it returns and
 * what the core does with that. "The pgpu lock" is the core's per-pgpu
 * lock (nvvgpu_pgpu_assert_locked()); "the core lock" the registry's lock,
 * taken before it. See DOC: lock order in core/core_priv.h.
 *
 * Every call of a provider's op on a pgpu comes between its @attach and
 * its @detach on that pgpu. Every vGPU op comes between the creation and
 * the destruction of the vGPU, and every op but the transport's @irq comes
 * with the pgpu lock held, so the ops of one pgpu never run concurrently
 * with each other or with an attach or detach; different pgpus' may.
 *
 * A provider's sysfs and debugfs handlers that need the pgpu lock take it
 * with nvvgpu_pgpu_lock_sysfs(): @detach, which removes their files under
 * that lock, waits for them.
 */

/**
 * struct nvvgpu_provider - the part every provider ops table starts with
 *
 * Embedded as the member "base" of each kind's ops table. The kind is that
 * of the registration function the table is given to
 * (nvvgpu_register_transport() and its siblings), never a tag in the table.
 */
struct nvvgpu_provider {
	/**
	 * @version: the interface version of the kind's table
	 * (%NVVGPU_TRANSPORT_OPS_VERSION, ...). Checked first at
	 * registration, before any other member is read: a mismatch is
	 * refused with -EINVAL and a log line naming both versions.
	 */
	u32 version;
	/**
	 * @name: the provider's name, for logs and the pgpu's debugfs state,
	 * e.g. "gsp". Mandatory: a table without one is refused (-EINVAL).
	 */
	const char *name;
	/**
	 * @owner: the module that implements the ops (THIS_MODULE). The core
	 * takes a reference on it for each vGPU and host channel that uses
	 * the provider, so the module cannot be unloaded under them. NULL
	 * (built in) is never pinned.
	 */
	struct module *owner;
	/**
	 * @attach: set the provider up for @pgpu.
	 *
	 * Called by the core for each pgpu, once every kind before this one
	 * is attached and while the pgpu is not lost: from the registration
	 * of this kind or of an earlier one (the providers that were waiting
	 * for it), from nvvgpu_pgpu_register() when the backend adds the
	 * pgpu, from the core's lost work when the pgpu recovers, and from
	 * an unregistration refused with -EBUSY, which attaches again what
	 * it had detached. Process context, with the core lock and the pgpu
	 * lock held; may sleep. It must not call the registration API, nor
	 * wait for anything that takes either lock.
	 *
	 * May store per-pgpu data in *@priv (NULL on entry), which the core
	 * passes to @detach and returns from nvvgpu_provider_priv(). For the
	 * transport, &nvvgpu_transport_ops.read_info follows at once, in the
	 * same context.
	 *
	 * May be NULL: nothing to set up. Returns 0 or a negative errno,
	 * which the core logs; the kind, and every kind after it, then stay
	 * detached from this pgpu until the next registration of any
	 * provider, or the pgpu's recovery, tries again.
	 */
	int (*attach)(struct nvvgpu_pgpu *pgpu, void **priv);
	/**
	 * @detach: undo @attach; @priv is what it stored.
	 *
	 * Called by the core, later kinds first: from the unregistration of
	 * this kind or of an earlier one, from nvvgpu_pgpu_unregister() when
	 * the backend removes the pgpu (after the client devices went and
	 * any vGPU left was destroyed), and, for the transport, right after
	 * an @attach whose read_info failed. Process context, with the core
	 * lock and the pgpu lock held; may sleep. Never while a vGPU of
	 * @pgpu exists (unregistration refuses with -EBUSY; the core warns).
	 * Unregistration also refuses while host channels exist;
	 * nvvgpu_pgpu_unregister() does not check them, it relies on the
	 * DRM client's remove having destroyed them.
	 *
	 * Must release everything @attach made and remove the provider's
	 * files, whose handlers it thereby waits for (see DOC: provider
	 * ops). May be NULL. Cannot fail.
	 *
	 * After a successful @export (a hand-over to another provider), it is
	 * called with the pgpu's vGPUs still alive: it must then release its
	 * own per-pgpu and per-vGPU data only, without touching the vGPUs,
	 * their resources or the hardware (no scrub, no run-queue change):
	 * they now belong to the incoming provider.
	 */
	void (*detach)(struct nvvgpu_pgpu *pgpu, void *priv);
	/**
	 * @export: the first step of a hand-over (see DOC: hand-over in
	 * core/core_handover.c): stop acting on @pgpu (a scheduler stops
	 * deciding and lets go of the work sink; a partitioner accepts no
	 * more allocations) and describe what an incoming provider must take
	 * over in @ho, whose vGPU list the core has filled.
	 *
	 * Called by nvvgpu_pgpu_switch_provider() (an operator's write to the
	 * pgpu's nvvgpu_providers/ files), process context, with the core
	 * lock and the pgpu lock held; may sleep. Returns 0, or a negative
	 * errno after which the provider must be running on as before. May be
	 * NULL: the provider can be swapped only while the pgpu has no vGPUs
	 * (the core refuses with -EOPNOTSUPP).
	 */
	int (*export)(struct nvvgpu_pgpu *pgpu, void *priv,
		      struct nvvgpu_handover *ho);
	/**
	 * @resume: undo @export: the incoming provider refused, so this one
	 * carries on as if nothing happened. Same context as @export; must
	 * not fail. NULL exactly when @export is.
	 */
	void (*resume)(struct nvvgpu_pgpu *pgpu, void *priv);
	/**
	 * @adopt: take @pgpu over from the provider that exported @ho, with
	 * its vGPUs alive: build the per-pgpu data (stored in *@priv, as
	 * @attach does) and each vGPU's (nvvgpu_vgpu_set_priv()) from @ho,
	 * keep every resource where it is, and start acting (a scheduler
	 * takes the work sink and schedules; a partitioner accepts
	 * allocations around what it adopted).
	 *
	 * Called by nvvgpu_pgpu_switch_provider() after the outgoing
	 * provider's @export, same context. Returns 0, or a negative errno
	 * (-EBUSY, -ENOSPC: it cannot hold what @ho describes; -EOPNOTSUPP:
	 * a setting it cannot honour) with nothing left allocated; the core
	 * then resumes the outgoing provider and logs why. May be NULL: the
	 * provider cannot take over a pgpu with vGPUs.
	 */
	int (*adopt)(struct nvvgpu_pgpu *pgpu, const struct nvvgpu_handover *ho,
		     void **priv);
};

/**
 * struct nvvgpu_transport_ops - the firmware transport (GSP-RM)
 * @base: common part, registered with nvvgpu_register_transport()
 *
 * The transport attaches first on every pgpu and supplies the static
 * information the other providers and the clients build on.
 */
struct nvvgpu_transport_ops {
	struct nvvgpu_provider base;
	/**
	 * @read_info: fill @info with the pgpu's static information (FB
	 * size, VMMU segment size, channels, engines) and vGPU type table,
	 * from the firmware.
	 *
	 * Called by the core right after @base.attach succeeded, in the same
	 * context: process context, the core lock and the pgpu lock held;
	 * may sleep. @info is zeroed before. Mandatory.
	 *
	 * Returns 0 or a negative errno. The core refuses, with -EPROTO, an
	 * @info without FB or with more than %NVVGPU_MAX_TYPES types, and
	 * checks nothing else: the entries of the type table are the
	 * transport's to validate (the VFIO client skips those it cannot
	 * expose). On an error the core logs it and calls @base.detach. On
	 * success the pgpu is ready: @irq is routed, the other kinds attach
	 * and the client devices are created.
	 */
	int (*read_info)(struct nvvgpu_pgpu *pgpu, struct nvvgpu_pgpu_info *info);
	/**
	 * @irq: the backend signalled a GSP interrupt.
	 *
	 * Called by nvvgpu_pgpu_handle_irq(), from whatever context the
	 * backend calls that in (its interrupt handler included), with the
	 * pgpu's irq spinlock held and interrupts off: must not sleep, nor
	 * take a lock that is also taken with interrupts on, nor call
	 * nvvgpu_pgpu_handle_irq(). Only after @read_info succeeded and
	 * until @base.detach begins: an interrupt during @base.attach or
	 * @read_info is dropped, so the transport must poll for what it
	 * waits for then.
	 *
	 * May be NULL: GSP interrupts are dropped. Returns nothing.
	 */
	void (*irq)(struct nvvgpu_pgpu *pgpu);
	/**
	 * @vgpu_bootload: start the firmware's plugin task for @vgpu
	 * (BOOTLOAD_GSP_VGPU_PLUGIN_TASK), whose resources are in
	 * @vgpu->part.
	 *
	 * Called by nvvgpu_vgpu_create() after the partition provider's
	 * vgpu_alloc, and by nvvgpu_vgpu_reset() after @vgpu_shutdown, the
	 * backend's vf_flr and the scrub of the vGPU's FB. Process context,
	 * the pgpu lock held; may sleep. Mandatory.
	 *
	 * Returns 0 or a negative errno, which the core logs. A failed
	 * creation is undone without @vgpu_shutdown (the partition is freed);
	 * a failed reset leaves the vGPU stopped, without a plugin, to be
	 * destroyed.
	 */
	int (*vgpu_bootload)(struct nvvgpu_vgpu *vgpu);
	/**
	 * @vgpu_shutdown: stop and clean up @vgpu's plugin task
	 * (SHUTDOWN_GSP_VGPU_PLUGIN_TASK, VGPU_PLUGIN_CLEANUP).
	 *
	 * Called, for a vGPU whose plugin @vgpu_bootload started and only
	 * once per bootload, by nvvgpu_vgpu_destroy() (after the scheduler's
	 * vgpu_remove, before the partition's vgpu_free), by
	 * nvvgpu_vgpu_reset() (before the FLR), and by nvvgpu_vgpu_create()
	 * when the scheduler refused the vGPU. Also when the pgpu is lost:
	 * the firmware may be dead. Process context, the pgpu lock held; may
	 * sleep. Mandatory.
	 *
	 * Cannot fail in a way that leaks: errors are the transport's to log,
	 * and the vGPU is torn down anyway.
	 */
	void (*vgpu_shutdown)(struct nvvgpu_vgpu *vgpu);
	/**
	 * @host_channel_alloc: create the firmware's objects of a host
	 * channel (on GSP-RM: a VA space over @ch's window, the channel in
	 * it, and its work-submit token) from @ch's engine, window, ring and
	 * USERD, and fill @ch->token, @ch->chid and @ch->obj.
	 *
	 * Called by nvvgpu_host_channel_create() after the partition
	 * provider's host_fb_alloc gave the window and the core zeroed it.
	 * Process context, the pgpu lock held; may sleep.
	 *
	 * May be NULL, together with @host_channel_free (registration
	 * refuses one without the other): the pgpu then has no host
	 * channels (-EOPNOTSUPP). Returns 0 or a negative errno, with
	 * nothing left allocated; the core logs it and frees the window.
	 */
	int (*host_channel_alloc)(struct nvvgpu_pgpu *pgpu,
				  struct nvvgpu_host_channel *ch);
	/**
	 * @host_channel_free: destroy what @host_channel_alloc made; the
	 * channel stops at a method boundary before this returns.
	 *
	 * Called once per channel, by nvvgpu_host_channel_stop() or by
	 * nvvgpu_host_channel_destroy() (before its window is freed), also
	 * when the pgpu is lost. Process context, the pgpu lock held; may
	 * sleep.
	 *
	 * NULL exactly when @host_channel_alloc is. Errors are logged, never
	 * returned.
	 */
	void (*host_channel_free)(struct nvvgpu_pgpu *pgpu,
				  struct nvvgpu_host_channel *ch);
	/**
	 * @subdevice_control: run the firmware control @cmd (on GSP-RM an
	 * NV2080_CTRL_CMD_*, from include/nvvgpu/abi) on the subdevice of
	 * the transport's own client, @params (@size bytes, in the firmware
	 * release's layout) in and, on success, out.
	 *
	 * For a provider that hands work to the firmware: a firmware-run
	 * scheduler's OBJSCHED controls. Called by nvvgpu_pgpu_fw_control()
	 * in process context, with or without the pgpu lock, between the
	 * caller's attach and detach; may sleep.
	 *
	 * Returns 0, the firmware's refusal as an errno (logged), or another
	 * negative errno. May be NULL: such providers then cannot attach.
	 */
	int (*subdevice_control)(struct nvvgpu_pgpu *pgpu, u32 cmd,
				 void *params, u32 size);
};

/**
 * struct nvvgpu_partition_ops - partitioning of framebuffer and channels
 * @base: common part, registered with nvvgpu_register_partition()
 *
 * Attaches after the transport, from the static information it read
 * (nvvgpu_pgpu_info()).
 */
struct nvvgpu_partition_ops {
	struct nvvgpu_provider base;
	/**
	 * @vgpu_alloc: reserve guest FB, management heap and a channel-ID
	 * range for @vgpu->type, and describe them in @part.
	 *
	 * Called by nvvgpu_vgpu_create(), after the core checked the type's
	 * instance limit and @type_capacity, before the transport's
	 * vgpu_bootload. Process context, the pgpu lock held; may sleep.
	 * @part is zeroed. Per-vGPU data may be kept with
	 * nvvgpu_vgpu_set_provider_priv(). Mandatory.
	 *
	 * Returns 0; -ENOSPC when the resources do not fit; or another
	 * negative errno. The core logs a failure and fails the creation;
	 * nothing may stay reserved.
	 */
	int (*vgpu_alloc)(struct nvvgpu_vgpu *vgpu, struct nvvgpu_partition *part);
	/**
	 * @vgpu_free: release what @vgpu_alloc reserved.
	 *
	 * Called by nvvgpu_vgpu_destroy() after the transport's
	 * vgpu_shutdown, and by nvvgpu_vgpu_create() when a later step
	 * failed. Process context, the pgpu lock held; may sleep. Mandatory.
	 *
	 * Must scrub the guest FB and heap before another vGPU can get them
	 * (the core does not at destroy); a range it cannot scrub it keeps
	 * out of circulation. Cannot fail.
	 */
	void (*vgpu_free)(struct nvvgpu_vgpu *vgpu);
	/**
	 * @type_capacity: how many more vGPUs of @type fit in what is free
	 * now.
	 *
	 * Called by nvvgpu_type_available() (the VFIO client's
	 * available_instances, read from sysfs) and nvvgpu_vgpu_create().
	 * Process context, the pgpu lock held; may sleep, but should be
	 * quick. Mandatory.
	 *
	 * Returns a count; the core takes the smaller of it, the type's
	 * instance limit and the pgpu's vGPU limit. It must never count an
	 * instance @vgpu_alloc would refuse.
	 */
	unsigned int (*type_capacity)(struct nvvgpu_pgpu *pgpu,
				      const struct nvvgpu_vgpu_type *type);
	/**
	 * @host_fb_alloc: reserve @size bytes (page aligned) of the
	 * framebuffer the host keeps for itself, never given to a vGPU, and
	 * store its offset in @offset.
	 *
	 * Called by nvvgpu_host_channel_create(). Process context, the pgpu
	 * lock held; may sleep.
	 *
	 * May be NULL, together with @host_fb_free (registration refuses
	 * one without the other): the pgpu then has no host channels
	 * (-EOPNOTSUPP). Returns 0, -ENOSPC when it does not fit, or
	 * -ENOMEM; the caller gets the error.
	 */
	int (*host_fb_alloc)(struct nvvgpu_pgpu *pgpu, u64 size, u64 *offset);
	/**
	 * @host_fb_free: scrub and release a range from @host_fb_alloc.
	 *
	 * Called by nvvgpu_host_channel_destroy() after the transport's
	 * host_channel_free, and by nvvgpu_host_channel_create() when a
	 * later step failed. Process context, the pgpu lock held; may sleep.
	 *
	 * NULL exactly when @host_fb_alloc is. Cannot fail: a range it cannot
	 * scrub it keeps out of circulation.
	 */
	void (*host_fb_free)(struct nvvgpu_pgpu *pgpu, u64 offset, u64 size);
};

/**
 * struct nvvgpu_sched_ops - time-slice scheduling of vGPUs
 * @base: common part, registered with nvvgpu_register_scheduler(). Its
 *	attach takes over who runs on the engines (nvvgpu_pgpu_run()) and
 *	registers for the backend's work reports
 *	(nvvgpu_pgpu_set_work_sink()); its detach withdraws the sink and
 *	lets every channel run (nvvgpu_pgpu_run_all()).
 *
 * Attaches last, after the partition provider. Its decisions are made in
 * its own context (a timer, the work reports), under its own locks; the
 * ops below only keep its run queue in step with the vGPUs' lifecycle.
 */
struct nvvgpu_sched_ops {
	struct nvvgpu_provider base;
	/**
	 * @vgpu_add: put @vgpu on the pgpu's run queue, closed: it gets no
	 * slice until @vgpu_set_runnable says it may.
	 *
	 * Called by nvvgpu_vgpu_create() after the transport's
	 * vgpu_bootload. Process context, the pgpu lock held; may sleep.
	 * Mandatory. The scheduler should keep its per-vGPU data with
	 * nvvgpu_vgpu_set_provider_priv(): the core calls @vgpu_update and
	 * @vgpu_stats only for a vGPU that has some.
	 *
	 * Returns 0 or a negative errno, which the core logs before it
	 * shuts the plugin down, frees the partition and fails the creation.
	 */
	int (*vgpu_add)(struct nvvgpu_vgpu *vgpu);
	/**
	 * @vgpu_remove: take @vgpu off the run queue; if it holds the GPU,
	 * its slice ends now.
	 *
	 * Called by nvvgpu_vgpu_destroy(), first of the teardown (after
	 * @vgpu_set_runnable(false) for a running or paused vGPU), also when
	 * the pgpu is lost. Process context, the pgpu lock held; may sleep.
	 * Mandatory. Must drop the per-vGPU data. Cannot fail.
	 */
	void (*vgpu_remove)(struct nvvgpu_vgpu *vgpu);
	/**
	 * @vgpu_set_runnable: a VMM opened (and did not pause) @vgpu, so it
	 * may be given slices (@runnable true), or it closed or paused it.
	 *
	 * Called with true by nvvgpu_vgpu_start() and nvvgpu_vgpu_resume(),
	 * with false by nvvgpu_vgpu_stop() and nvvgpu_vgpu_pause(), with
	 * false and then true by nvvgpu_vgpu_reset() around the reset of a
	 * running vGPU (true only if it came back), and with false by
	 * nvvgpu_vgpu_destroy() for a running or paused one. The value may
	 * repeat the last one (stopping a paused vGPU says false again).
	 * Process context, the pgpu lock held; may sleep. Mandatory. Cannot
	 * fail.
	 */
	void (*vgpu_set_runnable)(struct nvvgpu_vgpu *vgpu, bool runnable);
	/**
	 * @vgpu_update: @vgpu's weight or execution quantum changed; read
	 * them with nvvgpu_vgpu_get_param(). They apply from its next slice.
	 *
	 * Called by nvvgpu_vgpu_set_param() and nvvgpu_pgpu_set_vgpu_param()
	 * (sysfs stores; the preemption timeout goes to the backend, not
	 * here), only for a vGPU with scheduler data. Process context, the
	 * pgpu lock held; may sleep.
	 *
	 * May be NULL: the settings are then only read at @vgpu_add.
	 * Returns nothing.
	 */
	void (*vgpu_update)(struct nvvgpu_vgpu *vgpu);
	/**
	 * @vgpu_stats: fill @st with what the scheduler gave @vgpu so far,
	 * with its engine time (nvvgpu_pgpu_engine_stats()).
	 *
	 * Called by nvvgpu_vgpu_sched_stats() (a sysfs show), only for a
	 * vGPU with scheduler data; @st is zeroed. Process context, the pgpu
	 * lock held; may sleep.
	 *
	 * May be NULL: the caller gets -ENODEV. Returns 0 or a negative
	 * errno, which the caller gets.
	 */
	int (*vgpu_stats)(struct nvvgpu_vgpu *vgpu,
			  struct nvvgpu_vgpu_sched_stats *st);
};

/**
 * struct nvvgpu_client_ops - callbacks of a client bound to a pgpu
 *
 * Registered by a client (an auxiliary driver of the core's client
 * devices) from its probe with nvvgpu_client_register(), and dropped from
 * its remove with nvvgpu_client_unregister(), which waits for a callback
 * running: none runs after it returns.
 */
struct nvvgpu_client_ops {
	/**
	 * @version: must be %NVVGPU_CLIENT_OPS_VERSION; a mismatch is
	 * refused with -EINVAL and a log line naming both versions.
	 */
	u32 version;
	/** @name: the client's name, for logs. Mandatory (-EINVAL). */
	const char *name;
	/**
	 * @pgpu_lost: the pgpu stopped responding (nvvgpu_pgpu_set_lost());
	 * the core refuses new vGPUs and lifecycle changes with -EIO, and
	 * the client should fail its own new requests.
	 *
	 * Called from the core's lost work (the system workqueue), in
	 * process context, with the pgpu's client lock held and no other
	 * core lock; may sleep. May use the core's API, but must not
	 * register or unregister a client, nor wait for a client device to
	 * be unbound (its remove waits for this callback). @priv is what the
	 * client registered with.
	 *
	 * May be NULL. Returns nothing. Only a client registered when the
	 * work runs is told: one that registers later while the pgpu is
	 * lost is not, and the core has no call to ask.
	 */
	void (*pgpu_lost)(struct nvvgpu_pgpu *pgpu, void *priv);
	/**
	 * @pgpu_recovered: a reset brought the pgpu back
	 * (nvvgpu_pgpu_clear_lost()), and the providers that registered
	 * while it was lost are attached; the client may serve again.
	 *
	 * Same context and rules as @pgpu_lost. May be NULL.
	 *
	 * The lost work reads the pgpu's state once, when it runs, so calls
	 * do not pair: a loss and a recovery in quick succession may come as
	 * @pgpu_recovered alone, and either callback may come twice in a
	 * row. Each says what the state is now.
	 */
	void (*pgpu_recovered)(struct nvvgpu_pgpu *pgpu, void *priv);
};

#endif /* __NVVGPU_OPS_H__ */

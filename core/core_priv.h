/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nvvgpu core: state shared by the core's own files. Nothing here is API.
 *
 * Copyright (c) 2026 The nvvgpu developers
 */
#ifndef __NVVGPU_CORE_PRIV_H__
#define __NVVGPU_CORE_PRIV_H__

#include <linux/delay.h>
#include <linux/idr.h>
#include <linux/list.h>
#include <linux/lockdep.h>
#include <linux/mutex.h>
#include <linux/sched/signal.h>

#include <nvvgpu/core.h>

/**
 * DOC: lock order
 *
 * The core's locks, outermost first. A lock is taken only with locks above
 * it held (or none), never with one below it::
 *
 *   nvvgpu_core.lock              the registry, the pgpu list
 *     pgpu->aux_lock              the client devices (nvvgpu_pgpu_sync_aux())
 *       (driver core: the client device's lock, its probe and remove)
 *         pgpu->client_lock       client registration
 *         pgpu->lock              a client's remove destroys its vGPUs
 *     pgpu->lock                  attach state, vGPUs, lifecycle, settings
 *       the providers' and backend's locks, through the ops called under it
 *         (the transport's: DOC: lock order in gsp/gsp_types.h)
 *       nvvgpu_core.vgpu_lock     the host-wide UUID list (vGPU destroy)
 *       pgpu->irq_lock            spinlock, interrupts off; the transport's
 *                                 irq op runs under it
 *   pgpu->client_lock             the lost work, alone: the clients'
 *                                 pgpu_lost and pgpu_recovered run under it
 *
 * - nvvgpu_core.lock comes before any pgpu lock: registration, pgpu
 *   registration and removal, and the lost work walk or attach under both.
 * - pgpu->aux_lock is never taken with pgpu->lock held
 *   (nvvgpu_pgpu_sync_aux() asserts it): adding a client device probes the
 *   client, which takes the pgpu lock, and removing one destroys vGPUs.
 * - pgpu->client_lock is never taken with pgpu->lock held, so a client's
 *   callbacks may use the core's API; they must not register or unregister
 *   a client. nvvgpu_client_unregister() waits for a callback running.
 * - vGPU creation takes nvvgpu_core.vgpu_lock alone, before the pgpu lock,
 *   to claim the UUID; destruction releases it under the pgpu lock.
 * - The event and work sinks are published with RCU, not under a lock: the
 *   backend reports under rcu_read_lock(), in any context but hardirq,
 *   holding none of the locks above.
 * - The lost work takes nvvgpu_core.lock and pgpu->lock (to attach the
 *   providers that registered while the pgpu was lost), drops them, then
 *   takes pgpu->client_lock. Nothing waits for it with a core lock held:
 *   nvvgpu_pgpu_unregister() cancels it first.
 *
 * Sysfs and debugfs handlers: a provider detaches with nvvgpu_core.lock and
 * pgpu->lock held, and removes its files there (the scheduler's
 * nvvgpu_sched/ directory, the transport's gsp/ in debugfs); removing a
 * file waits for the handlers running in it. A handler that slept on the
 * pgpu lock would therefore wait for the detach that waits for it. Such
 * handlers take the lock with nvvgpu_pgpu_lock_sysfs(), the core's only
 * trylock: if the lock is taken they sleep a few milliseconds and have the
 * system call restarted (restart_syscall()), as lock_device_hotplug_sysfs()
 * does against device removal. That is not a retry loop in the kernel: the
 * call starts over from the VFS, and once the detach has removed the file
 * it fails there instead of waiting; no lock is held across the restart,
 * so no order is inverted. The providers' debugfs readers take only their
 * own locks. The core's own debugfs state file, and the VFIO client's mdev
 * files (available_instances), are removed with no core lock held, so
 * their handlers take the pgpu lock blocking.
 */

/*
 * Providers of one kind registered at once: the active one of each pgpu and
 * those it may be switched to. The transport has no hand-over: one only.
 */
#define NVVGPU_PROVIDERS_PER_KIND	4

/**
 * struct nvvgpu_core - the core's global state
 * @lock: protects @prov and @pgpus; taken before any pgpu lock (DOC: lock
 *	order)
 * @prov: the registered providers of each kind, in registration order,
 *	packed from index 0; [kind][0] is the one a pgpu attaches (the
 *	default), the others are there to be switched to
 * @pgpus: every registered pgpu
 * @pgpu_ids: allocator of pgpu ids
 * @vgpu_lock: protects @vgpus
 * @vgpus: every vGPU on the host, for the UUID uniqueness check
 * @debugfs: the "nvvgpu" debugfs directory
 */
struct nvvgpu_core {
	struct mutex lock; /* see @lock above */
	const struct nvvgpu_provider *prov[NVVGPU_PROVIDER_NR][NVVGPU_PROVIDERS_PER_KIND];
	struct list_head pgpus;
	struct ida pgpu_ids;
	struct mutex vgpu_lock; /* see @vgpu_lock above */
	struct list_head vgpus;
	struct dentry *debugfs;
};

extern struct nvvgpu_core nvvgpu_core;

/*
 * Log lines about one vGPU, on its pgpu's device and prefixed with its
 * UUID, as xe_sriov_printk.h prefixes a VF's.
 */
#define nvvgpu_vgpu_printk(level, vgpu, fmt, ...) do {			\
	const struct nvvgpu_vgpu *__vgpu = (vgpu);			\
									\
	dev_##level(__vgpu->pgpu->dev, "vgpu %pUl: " fmt, &__vgpu->uuid,	\
		    ##__VA_ARGS__);					\
} while (0)
#define nvvgpu_vgpu_err(vgpu, fmt, ...) \
	nvvgpu_vgpu_printk(err, vgpu, fmt, ##__VA_ARGS__)
#define nvvgpu_vgpu_warn(vgpu, fmt, ...) \
	nvvgpu_vgpu_printk(warn, vgpu, fmt, ##__VA_ARGS__)
#define nvvgpu_vgpu_dbg(vgpu, fmt, ...) \
	nvvgpu_vgpu_printk(dbg, vgpu, fmt, ##__VA_ARGS__)

/* core_registry.c */
const char *nvvgpu_provider_kind_name(enum nvvgpu_provider_kind kind);
void nvvgpu_pgpu_sync_attach(struct nvvgpu_pgpu *pgpu);
int nvvgpu_pgpu_attach_one(struct nvvgpu_pgpu *pgpu,
			   enum nvvgpu_provider_kind kind,
			   const struct nvvgpu_provider *prov);
void nvvgpu_pgpu_detach_one(struct nvvgpu_pgpu *pgpu,
			    enum nvvgpu_provider_kind kind);
/*
 * Take @lock from a sysfs or debugfs handler whose file is removed with
 * @lock held: back off and have the system call restarted rather than
 * sleep on it (see nvvgpu_pgpu_lock_sysfs()).
 */
static inline int nvvgpu_mutex_lock_sysfs(struct mutex *lock)
{
	if (mutex_trylock(lock))
		return 0;
	usleep_range(5000, 10000);
	return restart_syscall();
}

/* core_handover.c */
int nvvgpu_pgpu_switch_provider_locked(struct nvvgpu_pgpu *pgpu,
				       enum nvvgpu_provider_kind kind,
				       const char *name);
int nvvgpu_pgpu_sysfs_add(struct nvvgpu_pgpu *pgpu);
void nvvgpu_pgpu_sysfs_remove(struct nvvgpu_pgpu *pgpu);
void nvvgpu_pgpu_detach_from(struct nvvgpu_pgpu *pgpu,
			     enum nvvgpu_provider_kind kind);

/* core_aux.c */
void nvvgpu_pgpu_sync_aux(struct nvvgpu_pgpu *pgpu);
void nvvgpu_pgpu_lost_work(struct work_struct *work);

/* core_vgpu.c */
void nvvgpu_vgpu_destroy_locked(struct nvvgpu_vgpu *vgpu);

/* core_sched.c */
void nvvgpu_vgpu_sched_update(struct nvvgpu_vgpu *vgpu);
void nvvgpu_pgpu_report_preempt_timeout(struct nvvgpu_pgpu *pgpu, u32 gfid,
					u32 chid);

/* core_debugfs.c */
void nvvgpu_debugfs_pgpu_add(struct nvvgpu_pgpu *pgpu);
void nvvgpu_debugfs_pgpu_remove(struct nvvgpu_pgpu *pgpu);

/*
 * The attached providers' full ops tables, only while they are attached
 * and with the pgpu lock held. Each slot is filled only from the typed
 * registration function of its kind, so the container is always the right
 * table.
 */
static inline const struct nvvgpu_transport_ops *
nvvgpu_transport(struct nvvgpu_pgpu *pgpu)
{
	lockdep_assert_held(&pgpu->lock);
	return container_of(pgpu->prov[NVVGPU_PROVIDER_TRANSPORT],
			    struct nvvgpu_transport_ops, base);
}

static inline const struct nvvgpu_partition_ops *
nvvgpu_partitioner(struct nvvgpu_pgpu *pgpu)
{
	lockdep_assert_held(&pgpu->lock);
	return container_of(pgpu->prov[NVVGPU_PROVIDER_PARTITION],
			    struct nvvgpu_partition_ops, base);
}

static inline const struct nvvgpu_sched_ops *
nvvgpu_scheduler(struct nvvgpu_pgpu *pgpu)
{
	lockdep_assert_held(&pgpu->lock);
	return container_of(pgpu->prov[NVVGPU_PROVIDER_SCHEDULER],
			    struct nvvgpu_sched_ops, base);
}

#endif /* __NVVGPU_CORE_PRIV_H__ */

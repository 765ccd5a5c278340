/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nvvgpu: the core API. Every other module uses only what is declared here
 * and reaches its peers through the ops tables in ops.h.
 *
 * Copyright (c) 2026 The nvvgpu developers
 */
#ifndef __NVVGPU_CORE_H__
#define __NVVGPU_CORE_H__

#include <linux/container_of.h>
#include <linux/device/driver.h>
#include <linux/err.h>
#include <linux/kstrtox.h>
#include <linux/lockdep.h>
#include <linux/string.h>
#include <linux/uuid.h>

#include "core_types.h"
#include "ops.h"

/*
 * Symbol namespace of the core's exports; modules using the core say
 * MODULE_IMPORT_NS(NVVGPU).
 */
#define NVVGPU_NS NVVGPU

/* Name of the core module, the prefix of its auxiliary device names. */
#define NVVGPU_CORE_MODNAME	"nvvgpu_core"
#define NVVGPU_AUX_VFIO		NVVGPU_CORE_MODNAME ".vfio"
#define NVVGPU_AUX_DRM		NVVGPU_CORE_MODNAME ".drm"

/* pgpu registration (hardware backends) */
struct nvvgpu_pgpu *nvvgpu_pgpu_register(struct device *dev,
					 const struct nvvgpu_backend_ops *ops,
					 const char *fw_version, void *priv);
void nvvgpu_pgpu_unregister(struct nvvgpu_pgpu *pgpu);
void nvvgpu_pgpu_handle_irq(struct nvvgpu_pgpu *pgpu);
void nvvgpu_pgpu_set_lost(struct nvvgpu_pgpu *pgpu, const char *why);
int nvvgpu_pgpu_clear_lost(struct nvvgpu_pgpu *pgpu);
int nvvgpu_pgpu_lock_sysfs(struct nvvgpu_pgpu *pgpu);
void nvvgpu_pgpu_unlock(struct nvvgpu_pgpu *pgpu);

/* provider registration: one function per kind */
int nvvgpu_pgpu_switch_provider(struct nvvgpu_pgpu *pgpu,
				enum nvvgpu_provider_kind kind,
				const char *name);
int nvvgpu_register_transport(const struct nvvgpu_transport_ops *ops);
int nvvgpu_unregister_transport(const struct nvvgpu_transport_ops *ops);
int nvvgpu_register_partition(const struct nvvgpu_partition_ops *ops);
int nvvgpu_unregister_partition(const struct nvvgpu_partition_ops *ops);
int nvvgpu_register_scheduler(const struct nvvgpu_sched_ops *ops);
int nvvgpu_unregister_scheduler(const struct nvvgpu_sched_ops *ops);

/**
 * module_nvvgpu_transport() - a module that is one transport
 * @__ops: the module's static const &struct nvvgpu_transport_ops
 *
 * Registers @__ops at module init and unregisters it at exit, in place of
 * module_init() and module_exit(), as module_auxiliary_driver() does for an
 * auxiliary driver. A failed registration fails the module's load with its
 * errno. Unregistering at exit cannot meet a vGPU: each pins the module.
 */
#define module_nvvgpu_transport(__ops) \
	module_driver(__ops, nvvgpu_register_transport, \
		      nvvgpu_unregister_transport)

/**
 * module_nvvgpu_partition() - a module that is one partition provider
 * @__ops: the module's static const &struct nvvgpu_partition_ops
 *
 * As module_nvvgpu_transport().
 */
#define module_nvvgpu_partition(__ops) \
	module_driver(__ops, nvvgpu_register_partition, \
		      nvvgpu_unregister_partition)

/**
 * module_nvvgpu_scheduler() - a module that is one scheduler
 * @__ops: the module's static const &struct nvvgpu_sched_ops
 *
 * As module_nvvgpu_transport().
 */
#define module_nvvgpu_scheduler(__ops) \
	module_driver(__ops, nvvgpu_register_scheduler, \
		      nvvgpu_unregister_scheduler)

/* clients, bound through the auxiliary devices */
struct nvvgpu_pgpu *nvvgpu_aux_to_pgpu(struct auxiliary_device *adev);
int nvvgpu_client_register(struct nvvgpu_pgpu *pgpu,
			   enum nvvgpu_client_kind kind,
			   const struct nvvgpu_client_ops *ops, void *priv);
void nvvgpu_client_unregister(struct nvvgpu_pgpu *pgpu,
			      enum nvvgpu_client_kind kind);

/* vGPU types and lifecycle */
const struct nvvgpu_vgpu_type *nvvgpu_pgpu_find_type(struct nvvgpu_pgpu *pgpu,
						     u32 type_id);
unsigned int nvvgpu_type_available(struct nvvgpu_pgpu *pgpu,
				   const struct nvvgpu_vgpu_type *type);
int nvvgpu_vgpu_create(struct nvvgpu_pgpu *pgpu, u32 type_id,
		       const uuid_t *uuid, struct nvvgpu_vgpu **out);
void nvvgpu_vgpu_destroy(struct nvvgpu_vgpu *vgpu);
int nvvgpu_vgpu_start(struct nvvgpu_vgpu *vgpu);
int nvvgpu_vgpu_stop(struct nvvgpu_vgpu *vgpu);
int nvvgpu_vgpu_pause(struct nvvgpu_vgpu *vgpu);
int nvvgpu_vgpu_resume(struct nvvgpu_vgpu *vgpu);
int nvvgpu_vgpu_reset(struct nvvgpu_vgpu *vgpu);
int nvvgpu_vgpu_set_param(struct nvvgpu_vgpu *vgpu,
			  enum nvvgpu_vgpu_param param, u32 val);
u32 nvvgpu_vgpu_get_param(const struct nvvgpu_vgpu *vgpu,
			  enum nvvgpu_vgpu_param param);
int nvvgpu_pgpu_set_vgpu_param(struct nvvgpu_pgpu *pgpu,
			       enum nvvgpu_vgpu_param param, u32 val);
int nvvgpu_vgpu_sched_stats(struct nvvgpu_vgpu *vgpu,
			    struct nvvgpu_vgpu_sched_stats *st);
const char *nvvgpu_vgpu_state_name(enum nvvgpu_vgpu_state state);

/* work on the engines: register forwarding, events, who runs */
u32 nvvgpu_vgpu_gfid(const struct nvvgpu_vgpu *vgpu);
int nvvgpu_vgpu_bar0_read(struct nvvgpu_vgpu *vgpu, u32 offset, u32 *val);
int nvvgpu_vgpu_bar0_write(struct nvvgpu_vgpu *vgpu, u32 offset, u32 val);
void nvvgpu_vgpu_set_sink(struct nvvgpu_vgpu *vgpu,
			  struct nvvgpu_event_sink *sink);
void nvvgpu_pgpu_set_host_sink(struct nvvgpu_pgpu *pgpu,
			       struct nvvgpu_event_sink *sink);
void nvvgpu_pgpu_report_event(struct nvvgpu_pgpu *pgpu, u32 gfid,
			      const struct nvvgpu_event *ev);
void nvvgpu_pgpu_run(struct nvvgpu_pgpu *pgpu, u32 gfid);
void nvvgpu_pgpu_run_all(struct nvvgpu_pgpu *pgpu);
void nvvgpu_pgpu_set_work_sink(struct nvvgpu_pgpu *pgpu,
			       struct nvvgpu_work_sink *sink);
void nvvgpu_pgpu_report_work(struct nvvgpu_pgpu *pgpu, u32 gfid, bool pending);
bool nvvgpu_pgpu_has_work(struct nvvgpu_pgpu *pgpu, u32 gfid);
int nvvgpu_pgpu_engine_stats(struct nvvgpu_pgpu *pgpu, u32 engine, u32 gfid,
			     struct nvvgpu_engine_stats *st);
int nvvgpu_pgpu_fw_control(struct nvvgpu_pgpu *pgpu, u32 cmd, void *params,
			   u32 size);

/* the host's own channels (the DRM client) */
int nvvgpu_host_channel_create(struct nvvgpu_pgpu *pgpu,
			       const struct nvvgpu_host_channel_desc *desc,
			       struct nvvgpu_host_channel **out);
void nvvgpu_host_channel_stop(struct nvvgpu_host_channel *ch);
void nvvgpu_host_channel_destroy(struct nvvgpu_host_channel *ch);
void nvvgpu_host_channel_kick(struct nvvgpu_host_channel *ch);

struct dentry *nvvgpu_debugfs_root(void);

/**
 * nvvgpu_parse_u32s() - the numbers of a debugfs write, strictly
 * @s: the text, NUL-terminated; split in place
 * @v: where the numbers go
 * @max: room in @v
 *
 * Words are separated by blanks; each must be a whole u32 (kstrtou32(),
 * base 0), and there may be no more than @max of them.
 *
 * Return: how many numbers were read, or -EINVAL.
 */
static inline int nvvgpu_parse_u32s(char *s, u32 *v, int max)
{
	char *word;
	int n = 0;

	while ((word = strsep(&s, " \t\n"))) {
		if (!*word)
			continue;
		if (n == max || kstrtou32(word, 0, &v[n]))
			return -EINVAL;
		n++;
	}
	return n;
}

/**
 * DOC: accessors
 *
 * &struct nvvgpu_pgpu and &struct nvvgpu_vgpu are the core's: other
 * modules read them, and assert the pgpu lock, only through the helpers
 * below, as Xe's PF code reaches its master mutex through
 * xe_gt_sriov_pf_master_mutex(). The lock itself is taken by the core's
 * API, or, from a sysfs or debugfs handler, with nvvgpu_pgpu_lock_sysfs().
 */

/**
 * nvvgpu_pgpu_assert_locked() - lockdep: the caller holds the pgpu lock
 * @pgpu: the physical GPU
 *
 * For a provider's op or helper documented as called with the pgpu lock
 * held.
 */
static inline void nvvgpu_pgpu_assert_locked(struct nvvgpu_pgpu *pgpu)
{
	lockdep_assert_held(&pgpu->lock);
}

/**
 * nvvgpu_pgpu_dev() - the backend's device of a pgpu
 * @pgpu: the physical GPU
 *
 * Return: the device, for logs and as a parent; valid while @pgpu is.
 */
static inline struct device *nvvgpu_pgpu_dev(const struct nvvgpu_pgpu *pgpu)
{
	return pgpu->dev;
}

/**
 * nvvgpu_pgpu_id() - the core-wide index of a pgpu
 * @pgpu: the physical GPU
 *
 * Return: the index in its debugfs and client device names, in tracepoints.
 */
static inline u32 nvvgpu_pgpu_id(const struct nvvgpu_pgpu *pgpu)
{
	return pgpu->id;
}

/**
 * nvvgpu_pgpu_fw_version() - the firmware version the backend reported
 * @pgpu: the physical GPU
 *
 * Return: e.g. "535.113.01"; valid while @pgpu is.
 */
static inline const char *nvvgpu_pgpu_fw_version(const struct nvvgpu_pgpu *pgpu)
{
	return pgpu->fw_version;
}

/**
 * nvvgpu_pgpu_info() - the static information the transport read
 * @pgpu: the physical GPU
 *
 * Valid while the transport is attached: in the partition provider's and
 * the scheduler's ops, and in a client from its auxiliary device's probe
 * to its remove.
 *
 * Return: the information, read-only.
 */
static inline const struct nvvgpu_pgpu_info *
nvvgpu_pgpu_info(const struct nvvgpu_pgpu *pgpu)
{
	return &pgpu->info;
}

/**
 * nvvgpu_pgpu_debugfs() - the pgpu's debugfs directory
 * @pgpu: the physical GPU
 *
 * Providers put their per-pgpu files there, and remove them at detach.
 *
 * Return: the directory (an error pointer without debugfs, which the
 * debugfs API takes as a parent).
 */
static inline struct dentry *nvvgpu_pgpu_debugfs(const struct nvvgpu_pgpu *pgpu)
{
	return pgpu->debugfs;
}

/**
 * nvvgpu_pgpu_num_vgpus() - how many vGPUs a pgpu has
 * @pgpu: the physical GPU
 *
 * Return: a snapshot; exact while the pgpu lock is held.
 */
static inline u32 nvvgpu_pgpu_num_vgpus(const struct nvvgpu_pgpu *pgpu)
{
	return READ_ONCE(pgpu->num_vgpus);
}

/**
 * nvvgpu_provider_priv() - per-pgpu data a provider returned from attach
 * @pgpu: the physical GPU
 * @kind: the provider kind asking
 *
 * Return: the pointer the provider stored in attach's @priv.
 */
static inline void *nvvgpu_provider_priv(struct nvvgpu_pgpu *pgpu,
					 enum nvvgpu_provider_kind kind)
{
	return pgpu->prov_priv[kind];
}

/**
 * nvvgpu_vgpu_provider_priv() - a provider's per-vGPU data
 * @vgpu: the vGPU
 * @kind: the provider kind asking
 *
 * Return: what the provider stored with nvvgpu_vgpu_set_provider_priv(),
 * or NULL.
 */
static inline void *nvvgpu_vgpu_provider_priv(const struct nvvgpu_vgpu *vgpu,
					      enum nvvgpu_provider_kind kind)
{
	return vgpu->prov_priv[kind];
}

/**
 * nvvgpu_vgpu_set_provider_priv() - keep a provider's per-vGPU data
 * @vgpu: the vGPU
 * @kind: the provider kind storing
 * @priv: the data, or NULL
 *
 * From the provider's ops on @vgpu (the pgpu lock held): set by the op
 * that adds the vGPU (vgpu_alloc, vgpu_add), cleared by the one that
 * removes it. The core calls a scheduler's vgpu_update and vgpu_stats only
 * for a vGPU that has scheduler data.
 */
static inline void nvvgpu_vgpu_set_provider_priv(struct nvvgpu_vgpu *vgpu,
						 enum nvvgpu_provider_kind kind,
						 void *priv)
{
	nvvgpu_pgpu_assert_locked(vgpu->pgpu);
	vgpu->prov_priv[kind] = priv;
}

/*
 * Hardware access for providers: dispatch through the backend's ops table,
 * so a provider never calls a backend symbol.
 */
static inline u32 nvvgpu_pgpu_rd32(struct nvvgpu_pgpu *pgpu, u32 addr)
{
	return pgpu->backend->rd32(pgpu, addr);
}

static inline void nvvgpu_pgpu_wr32(struct nvvgpu_pgpu *pgpu, u32 addr, u32 val)
{
	pgpu->backend->wr32(pgpu, addr, val);
}

static inline void *nvvgpu_pgpu_dma_alloc(struct nvvgpu_pgpu *pgpu, size_t size,
					  dma_addr_t *addr)
{
	return pgpu->backend->dma_alloc(pgpu, size, addr);
}

static inline void nvvgpu_pgpu_dma_free(struct nvvgpu_pgpu *pgpu, size_t size,
					void *vaddr, dma_addr_t addr)
{
	pgpu->backend->dma_free(pgpu, size, vaddr, addr);
}

static inline struct page *nvvgpu_pgpu_fb_page(struct nvvgpu_pgpu *pgpu,
					       u64 offset)
{
	if (!pgpu->backend->fb_page)
		return NULL;
	return pgpu->backend->fb_page(pgpu, offset);
}

static inline int nvvgpu_pgpu_fb_pfn(struct nvvgpu_pgpu *pgpu, u64 offset,
				     unsigned long *pfn)
{
	return pgpu->backend->fb_pfn(pgpu, offset, pfn);
}

static inline int nvvgpu_pgpu_fb_rw(struct nvvgpu_pgpu *pgpu, u64 offset,
				    void *buf, size_t len, bool write)
{
	return pgpu->backend->fb_rw(pgpu, offset, buf, len, write);
}

static inline int nvvgpu_pgpu_fw_boot(struct nvvgpu_pgpu *pgpu,
				      dma_addr_t libos_args)
{
	if (!pgpu->backend->fw_boot)
		return -EOPNOTSUPP;
	return pgpu->backend->fw_boot(pgpu, libos_args);
}

static inline int nvvgpu_pgpu_system_info(struct nvvgpu_pgpu *pgpu,
					  struct nvvgpu_system_info *si)
{
	if (!pgpu->backend->system_info)
		return -EOPNOTSUPP;
	return pgpu->backend->system_info(pgpu, si);
}

static inline int nvvgpu_pgpu_vgpu_types(struct nvvgpu_pgpu *pgpu,
					 struct nvvgpu_vgpu_type *types,
					 u32 max)
{
	if (!pgpu->backend->vgpu_types)
		return 0;
	return pgpu->backend->vgpu_types(pgpu, types, max);
}

static inline int nvvgpu_pgpu_fb_clear(struct nvvgpu_pgpu *pgpu, u64 offset,
				       u64 size)
{
	return pgpu->backend->fb_clear(pgpu, offset, size);
}

#endif /* __NVVGPU_CORE_H__ */

/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nvvgpu: the firmware-release table. Everything of the GSP-RM ABI that
 * differs between the releases nvvgpu supports is a field here, so the
 * host transport and the firmware emulator pick one entry by version
 * string and share the rest of the ABI headers unchanged.
 *
 * Copyright (c) 2026 The nvvgpu developers
 */
#ifndef __NVVGPU_ABI_FWIF_H__
#define __NVVGPU_ABI_FWIF_H__

#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/types.h>

#include "gsp_queue.h"
#include "gsp_rm.h"
#include "nv_abi_values.h"
#include "gsp_rpc.h"
#include "gsp_static_info.h"

#include "../core_types.h"

/**
 * enum nvgsp_csum_rule - which bytes of an element the checksum covers
 * @NVGSP_CSUM_WHOLE_SLOTS: elemCount * 4096 bytes (up to 550)
 * @NVGSP_CSUM_MSG_LEN: 48 + rpc.length rounded up to 8 (555 on, CC off)
 *
 * A sender that zero-fills the slack after the payload produces a value
 * valid under both rules; a receiver must check the rule of its release.
 */
enum nvgsp_csum_rule {
	NVGSP_CSUM_WHOLE_SLOTS,
	NVGSP_CSUM_MSG_LEN,
};

/**
 * struct nvgsp_fw_abi - what one firmware release does its own way
 * @version: release, e.g. "535.113.01"
 * @csum_rule: checksum coverage
 * @rpc_sequence: replies carry the request's rpc.sequence and must match
 *	it (580.82 on); otherwise replies match by function only
 * @events: event number of each enum nvgsp_event, 0 if absent
 * @mq_init_args_size: sizeof(MESSAGE_QUEUE_INIT_ARGUMENTS)
 * @args_cached_size: sizeof(GSP_ARGUMENTS_CACHED)
 * @sysinfo_size: sizeof(GspSystemInfo)
 * @sysinfo_bdf_offset: offset of nvDomainBusDeviceFunc in GspSystemInfo
 * @static_info_size: sizeof(GspStaticConfigInfo)
 * @static_info_fb_regions: offset of fbRegionInfoParams in it
 * @static_info_handles: offset of hInternalClient in it
 * @os_error_log_size: sizeof(rpc_os_error_log_v17_00)
 * @rc_triggered_min_size: bytes of rpc_rc_triggered_v17_02 nvvgpu reads
 * @rc_triggered_read: decode rpc_rc_triggered_v17_02 of the release
 * @rc_fast_path_error: ROBUST_CHANNEL_FAST_PATH_ERROR
 * @max_engines: NV2080_GPU_MAX_ENGINES (chidOffset entries of BOOTLOAD)
 * @nv0000_alloc_size: sizeof(NV0000_ALLOC_PARAMETERS)
 * @bootload_size: sizeof(BOOTLOAD_GSP_VGPU_PLUGIN_TASK_PARAMS)
 * @bootload_write: lay a release-free bootload out in the release's
 *	parameters (@bootload_size zeroed bytes)
 * @log_regions: LibOS log regions registered (LOGINIT, LOGINTR, LOGRM,
 *	then LOGMNOC from 570 on)
 * @sysinfo_write: lay the board's bus facts out in the release's
 *	GspSystemInfo (@sysinfo_size zeroed bytes)
 * @engines_list_size: NV2080_GPU_MAX_ENGINES_LIST_SIZE (GET_ENGINES_V2)
 * @vgpu_info_size: sizeof(NVA081_CTRL_VGPU_INFO)
 * @add_types_size: sizeof(PGPU_ADD_VGPU_TYPE_PARAMS)
 * @vgpu_info_write: lay one catalogue entry out as the release's
 *	NVA081_CTRL_VGPU_INFO (@vgpu_info_size zeroed bytes)
 * @objsched_caps_size: sizeof(NV2080_CTRL_FIFO_OBJSCHED_GET_CAPS_PARAMS);
 *	0 when the release has no OBJSCHED controls (the four sizes are then
 *	all 0)
 * @objsched_get_state_size: sizeof(..._OBJSCHED_GET_STATE_PARAMS)
 * @objsched_set_state_size: sizeof(..._OBJSCHED_SET_STATE_PARAMS)
 * @objsched_log_size: sizeof(..._OBJSCHED_SW_GET_LOG_PARAMS), whose entry
 *	grows in later releases (595 adds cumulativeIdleTime and weight)
 */
struct nvgsp_fw_abi {
	const char *version;
	enum nvgsp_csum_rule csum_rule;
	bool rpc_sequence;
	u16 events[NVGSP_EVENT_NR];
	u32 mq_init_args_size;
	u32 args_cached_size;
	u32 sysinfo_size;
	u32 sysinfo_bdf_offset;
	u32 static_info_size;
	u32 static_info_fb_regions;
	u32 static_info_handles;
	u32 os_error_log_size;
	u32 rc_triggered_min_size;
	void (*rc_triggered_read)(const void *buf, struct nvgsp_rc_triggered *rc);
	u32 rc_fast_path_error;
	u32 max_engines;
	u32 nv0000_alloc_size;
	u32 bootload_size;
	void (*bootload_write)(void *buf, const struct nvgsp_vgpu_bootload *b);
	u32 log_regions;
	void (*sysinfo_write)(void *buf, const struct nvvgpu_system_info *si,
			      u64 max_user_va);
	u32 engines_list_size;
	u32 vgpu_info_size;
	u32 add_types_size;
	void (*vgpu_info_write)(void *buf, const struct nvvgpu_vgpu_type *t,
				u16 pdev_id);
	u32 objsched_caps_size;
	u32 objsched_get_state_size;
	u32 objsched_set_state_size;
	u32 objsched_log_size;
};

#define NVGSP_FWIF_RC_READ(r)						\
static inline void nvgsp_rc_triggered_read_##r(const void *buf,	\
					       struct nvgsp_rc_triggered *rc) \
{									\
	const struct nvgsp_rpc_rc_triggered_##r *m = buf;		\
									\
	rc->engine_type = m->engine_type;				\
	rc->chid = m->chid;						\
	rc->except_type = m->except_type;				\
	rc->scope = m->scope;						\
}

#define NVGSP_FWIF_BOOTLOAD_WRITE(r)					\
static inline void nvgsp_bootload_write_##r(void *buf,			\
					    const struct nvgsp_vgpu_bootload *b) \
{									\
	struct nv2080_vgpu_bootload_params_##r *p = buf;		\
	unsigned int e, s;						\
									\
	p->gfid = b->gfid;						\
	p->vgpu_type = b->vgpu_type;					\
	p->vm_pid = b->vm_pid;						\
	p->num_channels = b->num_channels;				\
	p->num_plugin_channels = b->num_plugin_channels;		\
	for (e = 0; e < ARRAY_SIZE(p->chid_offset) && e < 64; e++)	\
		if (b->engine_mask & BIT_ULL(e))			\
			p->chid_offset[e] = b->chid_base;		\
	p->num_guest_fb_segments = b->num_guest_fb_segments;		\
	for (s = 0; s < b->num_guest_fb_segments &&			\
		    s < ARRAY_SIZE(b->guest_fb_phys_addr); s++) {	\
		p->guest_fb_phys_addr_list[s] = b->guest_fb_phys_addr[s]; \
		p->guest_fb_length_list[s] = b->guest_fb_length[s];	\
	}								\
	p->plugin_heap_memory_phys_addr = b->heap_phys_addr;		\
	p->plugin_heap_memory_length = b->heap_length;			\
}

/* the fields every release's GspSystemInfo has, under the same names */
#define NVGSP_FWIF_SYSINFO_COMMON(r)					\
static inline void nvgsp_sysinfo_common_##r(void *buf,			\
					    const struct nvvgpu_system_info *si, \
					    u64 max_user_va)		\
{									\
	struct nvgsp_system_info_##r *p = buf;				\
									\
	p->gpu_phys_addr = si->bar0_addr;				\
	p->gpu_phys_fb_addr = si->fb_bar_addr;				\
	p->gpu_phys_inst_addr = si->inst_bar_addr;			\
	p->nv_domain_bus_device_func =					\
		NVGSP_SYSINFO_BDF(si->pci_domain, si->pci_bus,		\
				  si->pci_devfn);			\
	p->max_user_va = max_user_va;					\
	p->pci_config_mirror_base = si->pci_config_mirror_base;		\
	p->pci_config_mirror_size = si->pci_config_mirror_size;		\
}

NVGSP_FWIF_SYSINFO_COMMON(r535)
NVGSP_FWIF_SYSINFO_COMMON(r570)

static inline void nvgsp_sysinfo_write_r535(void *buf,
					    const struct nvvgpu_system_info *si,
					    u64 max_user_va)
{
	nvgsp_sysinfo_common_r535(buf, si, max_user_va);
}

static inline void nvgsp_sysinfo_write_r570(void *buf,
					    const struct nvvgpu_system_info *si,
					    u64 max_user_va)
{
	struct nvgsp_system_info_r570 *p = buf;

	nvgsp_sysinfo_common_r570(buf, si, max_user_va);
	p->pci_device_id = si->pci_vendor_id | (u32)si->pci_device_id << 16;
	p->pci_sub_device_id = si->pci_subsystem_vendor_id |
			       (u32)si->pci_subsystem_id << 16;
	p->pci_revision_id = si->pci_revision;
}

/*
 * What the catalogue knows of a type, in NVA081_CTRL_VGPU_INFO; the
 * placement fields stay zero until the catalogue carries them.
 */
#define NVGSP_FWIF_VGPU_INFO_WRITE(r)					\
static inline void nvgsp_vgpu_info_write_##r(void *buf,		\
					     const struct nvvgpu_vgpu_type *t, \
					     u16 pdev_id)		\
{									\
	struct nva081_ctrl_vgpu_info_##r *p = buf;			\
									\
	p->vgpu_type = t->id;						\
	strscpy(p->vgpu_name, t->name,					\
		min(sizeof(p->vgpu_name), sizeof(t->name)));		\
	strscpy(p->vgpu_class, t->class,				\
		min(sizeof(p->vgpu_class), sizeof(t->class)));		\
	p->max_instance = t->max_instances;				\
	p->vdev_id = (u64)t->device_id << 16 | t->subsystem_id;	\
	p->pdev_id = pdev_id;						\
	p->fb_length = t->fb_size;					\
	p->gsp_heap_size = t->heap_size;				\
	p->bar1_length = t->bar1_size;					\
	p->profile_size = t->profile_size;				\
	p->num_heads = t->num_heads;					\
	p->max_resolution_x = t->max_res_x;				\
	p->max_resolution_y = t->max_res_y;				\
	p->max_pixels = t->max_res_x * t->max_res_y;			\
	p->frl_config = t->frame_rate_limit;				\
	p->frl_enable = !!t->frame_rate_limit;				\
	strscpy(p->license, t->license,					\
		min(sizeof(p->license), sizeof(t->license)));		\
}

NVGSP_FWIF_VGPU_INFO_WRITE(r535)
NVGSP_FWIF_VGPU_INFO_WRITE(r570)
NVGSP_FWIF_RC_READ(r535)
NVGSP_FWIF_RC_READ(r570)
NVGSP_FWIF_BOOTLOAD_WRITE(r535)
NVGSP_FWIF_BOOTLOAD_WRITE(r570)

/* events 0x1001..0x101a keep their numbers in both releases */
#define NVGSP_FWIF_COMMON_EVENTS					\
	[NVGSP_EVENT_GSP_INIT_DONE] = 0x1001,				\
	[NVGSP_EVENT_GSP_RUN_CPU_SEQUENCER] = 0x1002,			\
	[NVGSP_EVENT_POST_EVENT] = 0x1003,				\
	[NVGSP_EVENT_RC_TRIGGERED] = 0x1004,				\
	[NVGSP_EVENT_MMU_FAULT_QUEUED] = 0x1005,			\
	[NVGSP_EVENT_OS_ERROR_LOG] = 0x1006,				\
	[NVGSP_EVENT_UCODE_LIBOS_PRINT] = 0x100c,			\
	[NVGSP_EVENT_VGPU_GSP_PLUGIN_TRIGGERED] = 0x100d,		\
	[NVGSP_EVENT_PERF_BRIDGELESS_INFO_UPDATE] = 0x100f,		\
	[NVGSP_EVENT_VGPU_CONFIG] = 0x1010

/**
 * nvgsp_fw_abi_find() - look a firmware release up
 * @version: version string the backend reports
 *
 * The table lives inside this function so that both modules that include
 * the header get it without sharing a symbol.
 *
 * Return: the release's entry, or NULL if nvvgpu does not support it.
 */
static inline const struct nvgsp_fw_abi *nvgsp_fw_abi_find(const char *version)
{
	static const struct nvgsp_fw_abi abis[] = {
		{
			.version = "535.113.01",
			.csum_rule = NVGSP_CSUM_WHOLE_SLOTS,
			.events = {
				NVGSP_FWIF_COMMON_EVENTS,
				[NVGSP_EVENT_GSP_SEND_USER_SHARED_DATA] = 0x101b,
				[NVGSP_EVENT_NVLINK_FAULT_UP] = 0x101c,
				[NVGSP_EVENT_GSP_LOCKDOWN_NOTICE] = 0x101d,
				[NVGSP_EVENT_MIG_CI_CONFIG_UPDATE] = 0x101e,
			},
			.mq_init_args_size = sizeof(struct nvgsp_mq_init_args_r535),
			.args_cached_size = sizeof(struct nvgsp_args_cached_r535),
			.sysinfo_size = 664,
			.sysinfo_bdf_offset = 24,
			.static_info_size = NVGSP_STATIC_INFO_R535_SIZE,
			.static_info_fb_regions = NVGSP_STATIC_INFO_R535_FB_REGIONS,
			.static_info_handles = NVGSP_STATIC_INFO_R535_HANDLES,
			.os_error_log_size = sizeof(struct nvgsp_rpc_os_error_log),
			.rc_triggered_min_size = sizeof(struct nvgsp_rpc_rc_triggered_r535),
			.rc_triggered_read = nvgsp_rc_triggered_read_r535,
			.rc_fast_path_error = NVABI_R535_ROBUST_CHANNEL_FAST_PATH_ERROR,
			.max_engines = NV2080_GPU_MAX_ENGINES_R535,
			.nv0000_alloc_size = NVABI_R535_SIZEOF_NV0000_ALLOC_PARAMETERS,
			.bootload_size = sizeof(struct nv2080_vgpu_bootload_params_r535),
			.bootload_write = nvgsp_bootload_write_r535,
			.log_regions = 3,
			.sysinfo_write = nvgsp_sysinfo_write_r535,
			.engines_list_size = NV2080_GPU_MAX_ENGINES_LIST_SIZE_R535,
			.vgpu_info_size = sizeof(struct nva081_ctrl_vgpu_info_r535),
			.add_types_size = sizeof(struct nv2080_vgpu_add_type_params_r535),
			.vgpu_info_write = nvgsp_vgpu_info_write_r535,
			/* no OBJSCHED controls in 535.113.01's ctrl2080fifo.h */
		},
		{
			.version = "570.144",
			.csum_rule = NVGSP_CSUM_MSG_LEN,
			.events = {
				NVGSP_FWIF_COMMON_EVENTS,
				[NVGSP_EVENT_NVLINK_FAULT_UP] = 0x101b,
				[NVGSP_EVENT_GSP_LOCKDOWN_NOTICE] = 0x101c,
				[NVGSP_EVENT_MIG_CI_CONFIG_UPDATE] = 0x101d,
				[NVGSP_EVENT_UPDATE_GSP_TRACE] = 0x101e,
				[NVGSP_EVENT_NVLINK_FATAL_ERROR_RECOVERY] = 0x101f,
				[NVGSP_EVENT_GSP_POST_NOCAT_RECORD] = 0x1020,
				[NVGSP_EVENT_FECS_ERROR] = 0x1021,
				[NVGSP_EVENT_RECOVERY_ACTION] = 0x1022,
			},
			.mq_init_args_size = sizeof(struct nvgsp_mq_init_args_r570),
			.args_cached_size = sizeof(struct nvgsp_args_cached_r570),
			/* computed from the 570.144 header, not compiled */
			.sysinfo_size = 928,
			.sysinfo_bdf_offset = 32,
			.static_info_size = NVGSP_STATIC_INFO_R570_SIZE,
			.static_info_fb_regions = NVGSP_STATIC_INFO_R570_FB_REGIONS,
			.static_info_handles = NVGSP_STATIC_INFO_R570_HANDLES,
			/* preemptiveRemovalPreviousXid appended */
			.os_error_log_size = sizeof(struct nvgsp_rpc_os_error_log) + 4,
			.rc_triggered_min_size = sizeof(struct nvgsp_rpc_rc_triggered_r570),
			.rc_triggered_read = nvgsp_rc_triggered_read_r570,
			.rc_fast_path_error = NVABI_R570_ROBUST_CHANNEL_FAST_PATH_ERROR,
			.max_engines = NV2080_GPU_MAX_ENGINES_R570,
			.nv0000_alloc_size = NVABI_R570_SIZEOF_NV0000_ALLOC_PARAMETERS,
			.bootload_size = sizeof(struct nv2080_vgpu_bootload_params_r570),
			.bootload_write = nvgsp_bootload_write_r570,
			.log_regions = 4,
			.sysinfo_write = nvgsp_sysinfo_write_r570,
			.engines_list_size = NV2080_GPU_MAX_ENGINES_LIST_SIZE_R570,
			.vgpu_info_size = sizeof(struct nva081_ctrl_vgpu_info_r570),
			.add_types_size = sizeof(struct nv2080_vgpu_add_type_params_r570),
			.vgpu_info_write = nvgsp_vgpu_info_write_r570,
			.objsched_caps_size =
				sizeof(struct nv2080_ctrl_fifo_objsched_get_caps_params),
			.objsched_get_state_size =
				sizeof(struct nv2080_ctrl_fifo_objsched_get_state_params),
			.objsched_set_state_size =
				sizeof(struct nv2080_ctrl_fifo_objsched_set_state_params),
			.objsched_log_size =
				sizeof(struct nv2080_ctrl_fifo_objsched_sw_get_log_params),
		},
	};
	unsigned int i;

	if (!version)
		return NULL;
	for (i = 0; i < ARRAY_SIZE(abis); i++)
		if (!strcmp(abis[i].version, version))
			return &abis[i];
	return NULL;
}

/**
 * nvgsp_fw_abi_event() - the number of event @ev in a release
 * @abi: the release
 * @ev: the event
 *
 * Return: the NV_VGPU_MSG_EVENT_* value, or 0 if the release lacks it.
 */
static inline u32 nvgsp_fw_abi_event(const struct nvgsp_fw_abi *abi,
				     enum nvgsp_event ev)
{
	return ev < NVGSP_EVENT_NR ? abi->events[ev] : 0;
}

/**
 * nvgsp_fw_abi_event_lookup() - name an event number of a release
 * @abi: the release
 * @function: rpc.function of a received message
 *
 * Return: the event, or %NVGSP_EVENT_NR if @function is no known event.
 */
static inline enum nvgsp_event
nvgsp_fw_abi_event_lookup(const struct nvgsp_fw_abi *abi, u32 function)
{
	unsigned int ev;

	if (function <= NV_VGPU_MSG_EVENT_FIRST_EVENT)
		return NVGSP_EVENT_NR;
	for (ev = 0; ev < NVGSP_EVENT_NR; ev++)
		if (abi->events[ev] == function)
			return ev;
	return NVGSP_EVENT_NR;
}

/**
 * struct nvgsp_mq_location - where GSP finds the queues (from RMARGS)
 * @shared_mem_pa: bus address of the shared block
 * @pte_count: PTE entries
 * @cmdq_offset: cmdq header offset
 * @statq_offset: statq header offset
 */
struct nvgsp_mq_location {
	u64 shared_mem_pa;
	u32 pte_count;
	u64 cmdq_offset;
	u64 statq_offset;
};

/**
 * nvgsp_args_cached_write() - build GSP_ARGUMENTS_CACHED for a cold boot
 * @abi: the release
 * @buf: zeroed buffer of at least @abi->args_cached_size bytes
 * @loc: queue location
 *
 * The queue arguments have the same leading fields in every release, only
 * the size of the block (and so what follows) changes.
 */
static inline void nvgsp_args_cached_write(const struct nvgsp_fw_abi *abi,
					   void *buf,
					   const struct nvgsp_mq_location *loc)
{
	struct nvgsp_mq_init_args_r570 *mq = buf;

	mq->shared_mem_pa = loc->shared_mem_pa;
	mq->pte_count = loc->pte_count;
	mq->cmdq_offset = loc->cmdq_offset;
	mq->statq_offset = loc->statq_offset;
	/* sr (cold boot), gpuInstance, bDmemStack and profiler stay zero */
}

/**
 * nvgsp_args_cached_read() - parse GSP_ARGUMENTS_CACHED
 * @abi: the release
 * @buf: the RMARGS region, at least @abi->args_cached_size bytes
 * @loc: filled with the queue location
 */
static inline void nvgsp_args_cached_read(const struct nvgsp_fw_abi *abi,
					  const void *buf,
					  struct nvgsp_mq_location *loc)
{
	const struct nvgsp_mq_init_args_r570 *mq = buf;

	loc->shared_mem_pa = mq->shared_mem_pa;
	loc->pte_count = mq->pte_count;
	loc->cmdq_offset = mq->cmdq_offset;
	loc->statq_offset = mq->statq_offset;
}

#endif /* __NVVGPU_ABI_FWIF_H__ */

// SPDX-License-Identifier: GPL-2.0
/*
 * nvvgpu_sim: the firmware emulator's own version table. The emulator
 * decodes and encodes each release's structures from NVIDIA's layouts
 * (the asserted wire structs of include/nvvgpu/abi), never through the
 * host driver's encoders, so a driver that sends one release's layout to
 * the other release's firmware is refused as real firmware would.
 *
 * Copyright (c) 2026 The nvvgpu developers
 */
#include <kunit/visibility.h>
#include <linux/string.h>

#include <nvvgpu/abi/gsp_rm.h>
#include <nvvgpu/abi/gsp_rpc.h>

#include "sim.h"

/**
 * struct sim_fwif - what the emulated firmware of one release decodes
 * @version: release
 * @nv0000_alloc_size: sizeof(NV0000_ALLOC_PARAMETERS)
 * @bootload_size: sizeof(BOOTLOAD_GSP_VGPU_PLUGIN_TASK_PARAMS)
 * @bootload_read: decode BOOTLOAD parameters of the release
 * @rc_triggered_size: sizeof(rpc_rc_triggered_v17_02)
 * @rc_triggered_write: encode rpc_rc_triggered_v17_02 of the release
 * @log_regions: LibOS log regions the release expects
 * @sysinfo_read: decode the release's GspSystemInfo
 * @engines_list_size: NV2080_GPU_MAX_ENGINES_LIST_SIZE
 * @add_types_size: sizeof(PGPU_ADD_VGPU_TYPE_PARAMS)
 * @vgpu_info_size: sizeof(NVA081_CTRL_VGPU_INFO)
 * @vgpu_info_read: decode one NVA081_CTRL_VGPU_INFO of the release
 * @objsched_caps_size: sizeof(NV2080_CTRL_FIFO_OBJSCHED_GET_CAPS_PARAMS),
 *	0 if the release has no OBJSCHED controls
 * @objsched_get_state_size: sizeof(..._OBJSCHED_GET_STATE_PARAMS)
 * @objsched_set_state_size: sizeof(..._OBJSCHED_SET_STATE_PARAMS)
 * @objsched_log_size: sizeof(..._OBJSCHED_SW_GET_LOG_PARAMS)
 */
struct sim_fwif {
	const char *version;
	u32 nv0000_alloc_size;
	u32 bootload_size;
	void (*bootload_read)(const void *buf, struct sim_bootload *b);
	u32 rc_triggered_size;
	void (*rc_triggered_write)(void *buf, u32 chid, u32 except_type);
	u32 log_regions;
	void (*sysinfo_read)(const void *buf, struct sim_sysinfo *si);
	u32 engines_list_size;
	u32 add_types_size;
	u32 vgpu_info_size;
	void (*vgpu_info_read)(const void *buf, struct nvvgpu_vgpu_type *t);
	u32 objsched_caps_size;
	u32 objsched_get_state_size;
	u32 objsched_set_state_size;
	u32 objsched_log_size;
};

#define SIM_FWIF_RELEASE(r)						\
static void sim_bootload_read_##r(const void *buf, struct sim_bootload *b) \
{									\
	const struct nv2080_vgpu_bootload_params_##r *p = buf;		\
									\
	b->gfid = p->gfid;						\
	b->vgpu_type = p->vgpu_type;					\
	b->num_channels = p->num_channels;				\
	b->num_plugin_channels = p->num_plugin_channels;		\
	b->num_engines = ARRAY_SIZE(p->chid_offset);			\
	b->chid_offset = p->chid_offset;				\
	b->num_guest_fb_segments = p->num_guest_fb_segments;		\
	b->guest_fb_phys_addr_list = p->guest_fb_phys_addr_list;	\
	b->guest_fb_length_list = p->guest_fb_length_list;		\
	b->plugin_heap_memory_phys_addr = p->plugin_heap_memory_phys_addr; \
	b->plugin_heap_memory_length = p->plugin_heap_memory_length;	\
}									\
									\
static void sim_rc_triggered_write_##r(void *buf, u32 chid, u32 except_type) \
{									\
	struct nvgsp_rpc_rc_triggered_##r *rc = buf;			\
									\
	rc->chid = chid;						\
	rc->except_type = except_type;					\
}									\
									\
static void sim_vgpu_info_read_##r(const void *buf,			\
				   struct nvvgpu_vgpu_type *t)		\
{									\
	const struct nva081_ctrl_vgpu_info_##r *p = buf;		\
									\
	memset(t, 0, sizeof(*t));					\
	t->id = p->vgpu_type;						\
	memcpy(t->name, p->vgpu_name,					\
	       min(sizeof(t->name) - 1, sizeof(p->vgpu_name)));		\
	memcpy(t->class, p->vgpu_class,					\
	       min(sizeof(t->class) - 1, sizeof(p->vgpu_class)));	\
	t->fb_size = p->fb_length;					\
	t->heap_size = p->gsp_heap_size;				\
	t->bar1_size = p->bar1_length;					\
	t->max_instances = p->max_instance;				\
	t->device_id = p->vdev_id >> 16;				\
	t->subsystem_id = p->vdev_id & 0xffff;				\
	t->profile_size = p->profile_size;				\
	t->num_heads = p->num_heads;					\
	t->max_res_x = p->max_resolution_x;				\
	t->max_res_y = p->max_resolution_y;				\
	t->frame_rate_limit = p->frl_config;				\
	memcpy(t->license, p->license,					\
	       min(sizeof(t->license) - 1, sizeof(p->license)));	\
}

static void sim_sysinfo_read_r535(const void *buf, struct sim_sysinfo *si)
{
	const struct nvgsp_system_info_r535 *p = buf;

	si->bar0_addr = p->gpu_phys_addr;
	si->fb_bar_addr = p->gpu_phys_fb_addr;
	si->inst_bar_addr = p->gpu_phys_inst_addr;
	si->bdf = p->nv_domain_bus_device_func;
	si->has_pci_ids = false;	/* not in 535's GspSystemInfo */
}

static void sim_sysinfo_read_r570(const void *buf, struct sim_sysinfo *si)
{
	const struct nvgsp_system_info_r570 *p = buf;

	si->bar0_addr = p->gpu_phys_addr;
	si->fb_bar_addr = p->gpu_phys_fb_addr;
	si->inst_bar_addr = p->gpu_phys_inst_addr;
	si->bdf = p->nv_domain_bus_device_func;
	si->pci_device_id = p->pci_device_id;
	si->has_pci_ids = true;
}

SIM_FWIF_RELEASE(r535)
SIM_FWIF_RELEASE(r570)

static const struct sim_fwif sim_fwifs[] = {
	{
		.version = "535.113.01",
		.nv0000_alloc_size = NVABI_R535_SIZEOF_NV0000_ALLOC_PARAMETERS,
		.bootload_size = sizeof(struct nv2080_vgpu_bootload_params_r535),
		.bootload_read = sim_bootload_read_r535,
		.rc_triggered_size = sizeof(struct nvgsp_rpc_rc_triggered_r535),
		.rc_triggered_write = sim_rc_triggered_write_r535,
		.log_regions = 3,
		.sysinfo_read = sim_sysinfo_read_r535,
		.engines_list_size = NV2080_GPU_MAX_ENGINES_LIST_SIZE_R535,
		.add_types_size = sizeof(struct nv2080_vgpu_add_type_params_r535),
		.vgpu_info_size = sizeof(struct nva081_ctrl_vgpu_info_r535),
		.vgpu_info_read = sim_vgpu_info_read_r535,
		/* 535.113.01's ctrl2080fifo.h has no OBJSCHED controls */
	},
	{
		.version = "570.144",
		.nv0000_alloc_size = NVABI_R570_SIZEOF_NV0000_ALLOC_PARAMETERS,
		.bootload_size = sizeof(struct nv2080_vgpu_bootload_params_r570),
		.bootload_read = sim_bootload_read_r570,
		.rc_triggered_size = sizeof(struct nvgsp_rpc_rc_triggered_r570),
		.rc_triggered_write = sim_rc_triggered_write_r570,
		.log_regions = 4,
		.sysinfo_read = sim_sysinfo_read_r570,
		.engines_list_size = NV2080_GPU_MAX_ENGINES_LIST_SIZE_R570,
		.add_types_size = sizeof(struct nv2080_vgpu_add_type_params_r570),
		.vgpu_info_size = sizeof(struct nva081_ctrl_vgpu_info_r570),
		.vgpu_info_read = sim_vgpu_info_read_r570,
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

static const struct sim_fwif *sim_fwif(struct sim_gpu *sim)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(sim_fwifs); i++)
		if (!strcmp(sim_fwifs[i].version, sim->fw_version))
			return &sim_fwifs[i];
	return NULL;
}

/**
 * sim_fwif_bootload_decode() - decode BOOTLOAD parameters of the release
 * @sim: the GPU
 * @params: the parameters as received
 * @size: their size
 * @b: filled on success; points into @params
 *
 * Return: NV_OK, or NV_ERR_INVALID_PARAM_STRUCT (logged) when @size is
 * not the release's.
 */
u32 sim_fwif_bootload_decode(struct sim_gpu *sim, const void *params, u32 size,
			     struct sim_bootload *b)
{
	const struct sim_fwif *f = sim_fwif(sim);

	if (!f || size != f->bootload_size) {
		dev_warn(sim_dev(sim), "BOOTLOAD: %u bytes of parameters, %s expects %u\n",
			 size, sim->fw_version, f ? f->bootload_size : 0);
		return NV_ERR_INVALID_PARAM_STRUCT;
	}
	f->bootload_read(params, b);
	return NV_OK;
}
EXPORT_SYMBOL_IF_KUNIT(sim_fwif_bootload_decode);

/**
 * sim_fwif_nv0000_alloc_size() - sizeof(NV0000_ALLOC_PARAMETERS) of the release
 * @sim: the GPU
 *
 * Return: the size, 0 for an unknown release.
 */
u32 sim_fwif_nv0000_alloc_size(struct sim_gpu *sim)
{
	const struct sim_fwif *f = sim_fwif(sim);

	return f ? f->nv0000_alloc_size : 0;
}

/**
 * sim_fwif_rc_triggered() - encode RC_TRIGGERED in the release's layout
 * @sim: the GPU
 * @buf: zeroed buffer of at least %SIM_FWIF_RC_TRIGGERED_MAX bytes
 * @chid: channel
 * @except_type: ROBUST_CHANNEL_* error
 *
 * Return: bytes of the payload, 0 for an unknown release.
 */
u32 sim_fwif_rc_triggered(struct sim_gpu *sim, void *buf, u32 chid,
			  u32 except_type)
{
	const struct sim_fwif *f = sim_fwif(sim);

	if (!f)
		return 0;
	f->rc_triggered_write(buf, chid, except_type);
	return f->rc_triggered_size;
}

/**
 * sim_fwif_log_regions() - LibOS log regions the release registers
 * @sim: the GPU
 *
 * Return: the count, 0 for an unknown release.
 */
u32 sim_fwif_log_regions(struct sim_gpu *sim)
{
	const struct sim_fwif *f = sim_fwif(sim);

	return f ? f->log_regions : 0;
}

/**
 * sim_fwif_sysinfo_decode() - decode GSP_SET_SYSTEM_INFO of the release
 * @sim: the GPU
 * @buf: the payload, of the release's size (checked by the caller)
 * @si: filled
 *
 * Return: true, false for an unknown release.
 */
bool sim_fwif_sysinfo_decode(struct sim_gpu *sim, const void *buf,
			     struct sim_sysinfo *si)
{
	const struct sim_fwif *f = sim_fwif(sim);

	if (!f)
		return false;
	f->sysinfo_read(buf, si);
	return true;
}
EXPORT_SYMBOL_IF_KUNIT(sim_fwif_sysinfo_decode);

/**
 * sim_fwif_engines_list_size() - NV2080_GPU_MAX_ENGINES_LIST_SIZE of the
 *	release
 * @sim: the GPU
 *
 * Return: the list size, 0 for an unknown release.
 */
u32 sim_fwif_engines_list_size(struct sim_gpu *sim)
{
	const struct sim_fwif *f = sim_fwif(sim);

	return f ? f->engines_list_size : 0;
}

/**
 * sim_fwif_add_types_decode() - decode PGPU_ADD_VGPU_TYPE of the release
 * @sim: the GPU
 * @params: the parameters as received
 * @size: their size
 * @types: at least %NVA081_MAX_VGPU_TYPES_PER_PGPU entries, filled
 * @count: the number of entries filled
 * @discard: the discardVgpuTypes flag
 *
 * Return: NV_OK, NV_ERR_INVALID_PARAM_STRUCT (logged) when @size is not
 * the release's, NV_ERR_INVALID_ARGUMENT for a count beyond the array.
 */
u32 sim_fwif_add_types_decode(struct sim_gpu *sim, const void *params,
			      u32 size, struct nvvgpu_vgpu_type *types,
			      u32 *count, bool *discard)
{
	const struct sim_fwif *f = sim_fwif(sim);
	const u32 *hdr = params;
	u32 i;

	if (!f || size != f->add_types_size) {
		dev_warn(sim_dev(sim), "ADD_VGPU_TYPE: %u bytes of parameters, %s expects %u\n",
			 size, sim->fw_version, f ? f->add_types_size : 0);
		return NV_ERR_INVALID_PARAM_STRUCT;
	}
	if (hdr[1] > NVA081_MAX_VGPU_TYPES_PER_PGPU) {
		dev_warn(sim_dev(sim), "ADD_VGPU_TYPE: %u types, at most %u\n",
			 hdr[1], NVA081_MAX_VGPU_TYPES_PER_PGPU);
		return NV_ERR_INVALID_ARGUMENT;
	}
	*discard = *(const u8 *)params;
	*count = hdr[1];
	for (i = 0; i < *count; i++)
		f->vgpu_info_read(params + 8 + (size_t)i * f->vgpu_info_size,
				  &types[i]);
	return NV_OK;
}
EXPORT_SYMBOL_IF_KUNIT(sim_fwif_add_types_decode);

/**
 * sim_fwif_objsched_size() - the parameter size of an OBJSCHED control in
 *	the release
 * @sim: the GPU
 * @cmd: NV2080_CTRL_CMD_FIFO_OBJSCHED_*
 *
 * Return: the size, 0 if the release (or the emulator) lacks the control.
 */
u32 sim_fwif_objsched_size(struct sim_gpu *sim, u32 cmd)
{
	const struct sim_fwif *f = sim_fwif(sim);

	if (!f)
		return 0;
	switch (cmd) {
	case NV2080_CTRL_CMD_FIFO_OBJSCHED_GET_CAPS:
		return f->objsched_caps_size;
	case NV2080_CTRL_CMD_FIFO_OBJSCHED_GET_STATE:
		return f->objsched_get_state_size;
	case NV2080_CTRL_CMD_FIFO_OBJSCHED_SET_STATE:
		return f->objsched_set_state_size;
	case NV2080_CTRL_CMD_FIFO_OBJSCHED_SW_GET_LOG:
		return f->objsched_log_size;
	default:
		return 0;
	}
}

static_assert(sizeof(struct nvgsp_rpc_rc_triggered_r535) <= SIM_FWIF_RC_TRIGGERED_MAX);
static_assert(sizeof(struct nvgsp_rpc_rc_triggered_r570) <= SIM_FWIF_RC_TRIGGERED_MAX);

// SPDX-License-Identifier: GPL-2.0
/*
 * nvvgpu_gsp: static information and the vGPU-manager controls.
 *
 * Copyright (c) 2026 The nvvgpu developers
 */
#include <linux/device.h>
#include <linux/log2.h>
#include <linux/pid.h>
#include <linux/sched.h>
#include <linux/sizes.h>
#include <linux/slab.h>
#include <linux/string.h>

#include <nvvgpu/abi/gsp_regs.h>
#include <nvvgpu/abi/gsp_rm.h>
#include <nvvgpu/core.h>

#include "gsp.h"

/*
 * FB the host may partition: the unprotected regions, which must run
 * contiguously from 0 (protected ones belong to the firmware).
 */
static int gsp_info_fb(struct nvvgpu_gsp *gsp,
		       const struct nv2080_fb_region_info_params *fb, u64 *size)
{
	u64 end = 0;
	u32 i;

	if (!fb->num_fb_regions ||
	    fb->num_fb_regions > NV2080_CTRL_FB_REGION_INFO_MAX_ENTRIES) {
		dev_err(gsp->dev, "static info has %u FB regions\n",
			fb->num_fb_regions);
		return -EPROTO;
	}
	for (i = 0; i < fb->num_fb_regions; i++) {
		const struct nv2080_fb_region_info *r = &fb->regions[i];

		if (r->limit < r->base) {
			dev_err(gsp->dev, "FB region %u ends before it starts\n", i);
			return -EPROTO;
		}
		if (r->protected)
			continue;
		if (r->base != end) {
			dev_err(gsp->dev, "FB region %u at %#llx leaves a hole at %#llx\n",
				i, r->base, end);
			return -EPROTO;
		}
		end = r->limit + 1;
	}
	if (!end) {
		dev_err(gsp->dev, "static info reports no usable FB\n");
		return -EPROTO;
	}
	*size = end;
	return 0;
}

static int gsp_info_static(struct nvvgpu_gsp *gsp, struct nvvgpu_pgpu_info *info)
{
	const struct nvgsp_fw_abi *abi = gsp->abi;
	const struct nvgsp_internal_handles *h;
	void *buf;
	int ret;

	buf = kzalloc(abi->static_info_size, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	ret = gsp_rpc_call(gsp, NV_VGPU_MSG_FUNCTION_GET_GSP_STATIC_INFO, buf,
			   abi->static_info_size, buf, abi->static_info_size);
	if (ret)
		goto out;

	ret = gsp_info_fb(gsp, buf + abi->static_info_fb_regions,
			  &info->fb_size);
	if (ret)
		goto out;

	h = buf + abi->static_info_handles;
	if (!h->client || !h->device || !h->subdevice) {
		dev_err(gsp->dev, "static info lacks the internal RM handles\n");
		ret = -EPROTO;
		goto out;
	}
	gsp->internal = *h;
out:
	kfree(buf);
	return ret;
}

/*
 * One entry of the board's catalogue, checked before the firmware and the
 * core rely on it: the catalogue is a file on real hosts.
 */
static int gsp_info_type(struct nvvgpu_gsp *gsp,
			 const struct nvvgpu_pgpu_info *info,
			 const struct nvvgpu_vgpu_type *t)
{
	size_t name = strnlen(t->name, sizeof(t->name));
	size_t class = strnlen(t->class, sizeof(t->class));

	if (!t->id || !name || name >= sizeof(t->name) ||
	    name >= NVA081_VGPU_STRING_BUFFER_SIZE || !class ||
	    class >= sizeof(t->class)) {
		dev_err(gsp->dev, "vGPU type %u: bad id, name or class\n", t->id);
		return -EINVAL;
	}
	if (!t->fb_size || t->fb_size > info->fb_size ||
	    t->heap_size > info->fb_size) {
		dev_err(gsp->dev, "vGPU type %u: FB %#llx heap %#llx beyond FB %#llx\n",
			t->id, t->fb_size, t->heap_size, info->fb_size);
		return -EINVAL;
	}
	if (!t->max_instances || t->max_instances > NVVGPU_MAX_VGPUS_PER_PGPU ||
	    !t->num_channels || t->num_channels > info->num_channels) {
		dev_err(gsp->dev, "vGPU type %u: %u instances of %u channels\n",
			t->id, t->max_instances, t->num_channels);
		return -EINVAL;
	}
	return 0;
}

/*
 * The catalogue comes from the board (on hardware NVIDIA's metadata file);
 * GSP-RM learns it from PGPU_ADD_VGPU_TYPE, in one control that first
 * discards what an earlier boot added.
 */
static int gsp_info_types(struct nvvgpu_gsp *gsp, struct nvvgpu_pgpu_info *info)
{
	const struct nvgsp_fw_abi *abi = gsp->abi;
	struct nvvgpu_system_info si = {};
	u32 *hdr, i, j;
	void *p;
	int n, ret;

	n = nvvgpu_pgpu_vgpu_types(gsp->pgpu, info->types, NVVGPU_MAX_TYPES);
	if (n < 0) {
		dev_err(gsp->dev, "no vGPU type catalogue: %pe\n", ERR_PTR(n));
		return n;
	}
	if (n > NVVGPU_MAX_TYPES || n > NVA081_MAX_VGPU_TYPES_PER_PGPU) {
		dev_err(gsp->dev, "catalogue of %d vGPU types, at most %u allowed\n",
			n, NVVGPU_MAX_TYPES);
		return -EINVAL;
	}
	for (i = 0; i < n; i++) {
		ret = gsp_info_type(gsp, info, &info->types[i]);
		if (ret)
			return ret;
		for (j = 0; j < i; j++) {
			if (info->types[j].id == info->types[i].id) {
				dev_err(gsp->dev, "vGPU type %u listed twice\n",
					info->types[i].id);
				return -EINVAL;
			}
		}
	}
	ret = nvvgpu_pgpu_system_info(gsp->pgpu, &si);
	if (ret)
		return ret;

	p = kvzalloc(abi->add_types_size, GFP_KERNEL);
	if (!p)
		return -ENOMEM;
	/* discardVgpuTypes (NvBool, padded), then vgpuInfoCount */
	hdr = p;
	*(u8 *)p = 1;
	hdr[1] = n;
	for (i = 0; i < n; i++)
		abi->vgpu_info_write(p + 8 + (size_t)i * abi->vgpu_info_size,
				     &info->types[i], si.pci_device_id);
	ret = gsp_rm_control(gsp, gsp->internal.client, gsp->internal.subdevice,
			     NV2080_CTRL_CMD_VGPU_MGR_INTERNAL_PGPU_ADD_VGPU_TYPE,
			     p, abi->add_types_size);
	kvfree(p);
	if (ret) {
		dev_err(gsp->dev, "PGPU_ADD_VGPU_TYPE of %d types failed: %pe\n",
			n, ERR_PTR(ret));
		return ret;
	}
	info->num_types = n;
	return 0;
}

/* the engines GSP-RM reports, as a mask of NV2080 engine types */
static int gsp_info_engines(struct nvvgpu_gsp *gsp, u64 *mask)
{
	u32 size = NV2080_GPU_GET_ENGINES_V2_SIZE(gsp->abi->engines_list_size);
	u32 *p, i;
	int ret;

	p = kzalloc(size, GFP_KERNEL);
	if (!p)
		return -ENOMEM;
	ret = gsp_rm_control(gsp, gsp->h_client, NVVGPU_RM_HANDLE_SUBDEVICE,
			     NV2080_CTRL_CMD_GPU_GET_ENGINES_V2, p, size);
	if (ret)
		goto out;
	if (!p[0] || p[0] > gsp->abi->engines_list_size) {
		dev_err(gsp->dev, "GET_ENGINES_V2 reports %u engines\n", p[0]);
		ret = -EPROTO;
		goto out;
	}
	*mask = 0;
	for (i = 0; i < p[0]; i++) {
		/* engine types beyond 63 are ones nvvgpu does not schedule */
		if (p[1 + i] < 64)
			*mask |= BIT_ULL(p[1 + i]);
	}
out:
	kfree(p);
	return ret;
}

static int gsp_info_channels(struct nvvgpu_gsp *gsp, u32 *num)
{
	struct nv2080_ctrl_fifo_get_info_params *p;
	int ret;

	p = kzalloc(sizeof(*p), GFP_KERNEL);
	if (!p)
		return -ENOMEM;
	p->fifo_info_tbl_size = 1;
	p->fifo_info_tbl[0].index = NV2080_CTRL_FIFO_INFO_INDEX_MAX_CHANNEL_GROUPS;
	ret = gsp_rm_control(gsp, gsp->h_client, NVVGPU_RM_HANDLE_SUBDEVICE,
			     NV2080_CTRL_CMD_FIFO_GET_INFO, p, sizeof(*p));
	if (!ret) {
		*num = p->fifo_info_tbl[0].data;
		if (p->fifo_info_tbl[0].index !=
		    NV2080_CTRL_FIFO_INFO_INDEX_MAX_CHANNEL_GROUPS) {
			dev_err(gsp->dev, "FIFO_GET_INFO changed the query\n");
			ret = -EPROTO;
		}
	}
	kfree(p);
	return ret;
}

/**
 * gsp_read_info() - read FB, placement granularity, engines, channels and
 *	the vGPU type table, validating every reply
 * @gsp: the transport, booted
 * @info: filled in
 *
 * Return: 0, -EPROTO for an implausible reply, or the RPC's errno.
 */
int gsp_read_info(struct nvvgpu_gsp *gsp, struct nvvgpu_pgpu_info *info)
{
	struct nv2080_ctrl_gpu_get_vmmu_segment_size_params vmmu = {};
	int ret;

	ret = gsp_info_static(gsp, info);
	if (ret)
		return ret;

	/* GSP-RM's internal subdevice, shared into our client (for the echo) */
	if (!gsp->h_internal_dup) {
		ret = gsp_rm_dup(gsp, NVVGPU_RM_HANDLE_DEVICE,
				 gsp->internal.client, gsp->internal.subdevice,
				 &gsp->h_internal_dup);
		if (ret)
			return ret;
	}

	ret = gsp_rm_control(gsp, gsp->h_client, NVVGPU_RM_HANDLE_SUBDEVICE,
			     NV2080_CTRL_CMD_GPU_GET_VMMU_SEGMENT_SIZE, &vmmu,
			     sizeof(vmmu));
	if (ret)
		return ret;
	if (!is_power_of_2(vmmu.vmmu_segment_size) ||
	    vmmu.vmmu_segment_size > info->fb_size) {
		dev_err(gsp->dev, "implausible VMMU segment size %#llx\n",
			vmmu.vmmu_segment_size);
		return -EPROTO;
	}
	info->vmmu_segment_size = vmmu.vmmu_segment_size;

	ret = gsp_info_engines(gsp, &info->engine_mask);
	if (ret)
		return ret;
	ret = gsp_info_channels(gsp, &info->num_channels);
	if (ret)
		return ret;
	if (!info->num_channels || info->num_channels > SZ_64K ||
	    !info->engine_mask) {
		dev_err(gsp->dev, "firmware reports %u channels, engines %#llx\n",
			info->num_channels, info->engine_mask);
		return -EPROTO;
	}

	ret = gsp_info_types(gsp, info);
	if (ret)
		return ret;

	dev_info(gsp->dev,
		 "GSP-RM %s: %llu MiB FB, VMMU segment %llu MiB, %u channels, %u vGPU types\n",
		 gsp->abi->version, info->fb_size >> 20,
		 info->vmmu_segment_size >> 20, info->num_channels,
		 info->num_types);

	/* interrupts reach us from now on; start from a clean SWGEN0 */
	nvvgpu_pgpu_wr32(gsp->pgpu, NV_PFALCON_FALCON_IRQSCLR,
			 NV_PFALCON_FALCON_IRQSTAT_SWGEN0);
	gsp_rpc_drain(gsp);
	return 0;
}

/**
 * gsp_vgpu_bootload() - start the firmware's plugin task for a vGPU
 * @gsp: the transport
 * @vgpu: a provisioned vGPU
 *
 * Return: 0 or a negative errno (logged).
 */
int gsp_vgpu_bootload(struct nvvgpu_gsp *gsp, struct nvvgpu_vgpu *vgpu)
{
	const struct nvvgpu_partition *part = &vgpu->part;
	/* every engine gets the vGPU's one channel range */
	const struct nvgsp_vgpu_bootload b = {
		.gfid = vgpu->id + 1,
		.vgpu_type = vgpu->type->id,
		.vm_pid = task_tgid_nr(current),
		.num_channels = part->chid_count,
		.num_plugin_channels = part->chid_count ? 1 : 0,
		.engine_mask = vgpu->pgpu->info.engine_mask,
		.chid_base = part->chid_base,
		.num_guest_fb_segments = 1,
		.guest_fb_phys_addr = { part->fb_offset },
		.guest_fb_length = { part->fb_size },
		.heap_phys_addr = part->heap_offset,
		.heap_length = part->heap_size,
	};
	void *p;
	int ret;

	p = kvzalloc(gsp->abi->bootload_size, GFP_KERNEL);
	if (!p)
		return -ENOMEM;
	gsp->abi->bootload_write(p, &b);

	ret = gsp_rm_control(gsp, gsp->internal.client, gsp->internal.subdevice,
			     NV2080_CTRL_CMD_VGPU_MGR_INTERNAL_BOOTLOAD_GSP_VGPU_PLUGIN_TASK,
			     p, gsp->abi->bootload_size);
	if (ret)
		dev_err(gsp->dev, "vGPU %u (gfid %u, type %s): bootload failed: %pe\n",
			vgpu->id, b.gfid, vgpu->type->name, ERR_PTR(ret));
	else
		dev_dbg(gsp->dev, "vGPU %u (gfid %u, type %s) bootloaded\n",
			vgpu->id, b.gfid, vgpu->type->name);
	kvfree(p);
	return ret;
}

/**
 * gsp_vgpu_shutdown() - stop and clean up a vGPU's plugin task
 * @gsp: the transport
 * @vgpu: the vGPU
 *
 * Both steps are attempted; failures are logged, never returned.
 */
void gsp_vgpu_shutdown(struct nvvgpu_gsp *gsp, struct nvvgpu_vgpu *vgpu)
{
	const u32 gfid = vgpu->id + 1;
	/* the reply lands in @p, and on error leaves it unspecified */
	struct nv2080_vgpu_gfid_params p = { .gfid = gfid };
	int ret;

	ret = gsp_rm_control(gsp, gsp->internal.client, gsp->internal.subdevice,
			     NV2080_CTRL_CMD_VGPU_MGR_INTERNAL_SHUTDOWN_GSP_VGPU_PLUGIN_TASK,
			     &p, sizeof(p));
	if (ret)
		dev_err(gsp->dev, "vGPU %u (gfid %u): plugin shutdown failed: %pe\n",
			vgpu->id, gfid, ERR_PTR(ret));

	p.gfid = gfid;
	ret = gsp_rm_control(gsp, gsp->internal.client, gsp->internal.subdevice,
			     NV2080_CTRL_CMD_VGPU_MGR_INTERNAL_VGPU_PLUGIN_CLEANUP,
			     &p, sizeof(p));
	if (ret)
		dev_err(gsp->dev, "vGPU %u (gfid %u): plugin cleanup failed: %pe\n",
			vgpu->id, gfid, ERR_PTR(ret));
}

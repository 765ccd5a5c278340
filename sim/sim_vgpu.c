// SPDX-License-Identifier: GPL-2.0
/*
 * nvvgpu_sim: the firmware side of the vGPU-manager controls (type
 * upload, plugin bootload, shutdown, cleanup, queries). The board's type
 * catalogue itself comes from its metadata file (sim_typefile.c).
 *
 * Copyright (c) 2026 The nvvgpu developers
 */
#include <linux/log2.h>
#include <linux/overflow.h>
#include <linux/sizes.h>
#include <linux/slab.h>
#include <linux/string.h>

#include <nvvgpu/abi/gsp_rm.h>
#include <nvvgpu/abi/gsp_rpc.h>

#include "sim.h"

static const struct nvvgpu_vgpu_type *sim_vgpu_type(struct sim_gpu *sim,
						    u32 id, u32 *index)
{
	u32 i;

	/* the firmware knows only the types the host added */
	for (i = 0; i < sim->gsp.num_types; i++) {
		if (sim->gsp.types[i].id == id) {
			*index = i;
			return &sim->gsp.types[i];
		}
	}
	return NULL;
}

static bool sim_ranges_overlap(u64 a, u64 alen, u64 b, u64 blen)
{
	return a < b + blen && b < a + alen;
}

/* does [base, base + len) collide with any other GFID's FB, heap? */
static bool sim_vgpu_fb_busy(struct sim_gpu *sim, u32 self, u64 base, u64 len)
{
	u32 g, s;

	for (g = 0; g < SIM_MAX_GFID; g++) {
		struct sim_vgpu *v = &sim->vgpus[g];

		if (g == self || v->state == SIM_VGPU_FREE)
			continue;
		if (sim_ranges_overlap(base, len, v->heap_base, v->heap_size))
			return true;
		for (s = 0; s < v->num_segments; s++)
			if (sim_ranges_overlap(base, len, v->segs[s][0],
					       v->segs[s][1]))
				return true;
	}
	return false;
}

static bool sim_vgpu_chid_busy(struct sim_gpu *sim, u32 self, u32 base, u32 n)
{
	u32 g;

	for (g = 0; g < SIM_MAX_GFID; g++) {
		struct sim_vgpu *v = &sim->vgpus[g];

		if (g != self && v->state != SIM_VGPU_FREE &&
		    sim_ranges_overlap(base, n, v->chid_base, v->num_channels))
			return true;
	}
	return false;
}

static bool sim_fb_range_ok(struct sim_gpu *sim, u64 base, u64 len)
{
	u64 end;

	return len && !check_add_overflow(base, len, &end) &&
	       end <= sim->fb_usable;
}

#define sim_reject(sim, status, fmt, ...) ({				\
	dev_warn(sim_dev(sim), "BOOTLOAD: " fmt "\n", ##__VA_ARGS__);	\
	status;								\
})

static u32 sim_vgpu_bootload(struct sim_gpu *sim, const struct sim_bootload *p)
{
	const struct nvvgpu_vgpu_type *type;
	struct sim_vgpu *v;
	u32 idx, g, e, s, running = 0, chid = 0;
	u64 total = 0;
	bool first = true;

	if (p->gfid < 1 || p->gfid > SIM_MAX_GFID)
		return sim_reject(sim, NV_ERR_INVALID_ARGUMENT,
				  "gfid %u out of range 1..%u", p->gfid,
				  SIM_MAX_GFID);
	v = &sim->vgpus[p->gfid - 1];
	if (v->state != SIM_VGPU_FREE)
		return sim_reject(sim, NV_ERR_STATE_IN_USE,
				  "gfid %u already bootloaded", p->gfid);
	type = sim_vgpu_type(sim, p->vgpu_type, &idx);
	if (!type)
		return sim_reject(sim, NV_ERR_INVALID_ARGUMENT,
				  "unknown vGPU type %u", p->vgpu_type);
	for (g = 0; g < SIM_MAX_GFID; g++)
		if (sim->vgpus[g].state != SIM_VGPU_FREE &&
		    sim->vgpus[g].type == idx)
			running++;
	if (running >= type->max_instances)
		return sim_reject(sim, NV_ERR_INSUFFICIENT_RESOURCES,
				  "type %u already has %u instances",
				  type->id, running);

	if (!p->num_channels || p->num_plugin_channels > p->num_channels)
		return sim_reject(sim, NV_ERR_INVALID_ARGUMENT,
				  "bad channel counts %u/%u", p->num_channels,
				  p->num_plugin_channels);
	/* every engine of the board gets the same channel range */
	for (e = 0; e < p->num_engines && e < 64; e++) {
		if (!(sim->engine_mask & BIT_ULL(e)))
			continue;
		if (first) {
			chid = p->chid_offset[e];
			first = false;
		} else if (p->chid_offset[e] != chid) {
			return sim_reject(sim, NV_ERR_INVALID_ARGUMENT,
					  "engine %u channel offset %u differs from %u",
					  e, p->chid_offset[e], chid);
		}
	}
	if (chid >= SIM_NUM_CHANNELS ||
	    p->num_channels > SIM_NUM_CHANNELS - chid)
		return sim_reject(sim, NV_ERR_INVALID_ARGUMENT,
				  "channels %u+%u beyond %u", chid,
				  p->num_channels, SIM_NUM_CHANNELS);
	if (sim_vgpu_chid_busy(sim, p->gfid - 1, chid, p->num_channels))
		return sim_reject(sim, NV_ERR_IN_USE,
				  "channels %u+%u overlap another vGPU", chid,
				  p->num_channels);

	if (!p->num_guest_fb_segments ||
	    p->num_guest_fb_segments > NV2080_CTRL_MAX_VMMU_SEGMENTS)
		return sim_reject(sim, NV_ERR_INVALID_ARGUMENT,
				  "%u guest FB segments", p->num_guest_fb_segments);
	for (s = 0; s < p->num_guest_fb_segments; s++) {
		u64 base = p->guest_fb_phys_addr_list[s];
		u64 len = p->guest_fb_length_list[s];

		if (!sim_fb_range_ok(sim, base, len))
			return sim_reject(sim, NV_ERR_INVALID_ADDRESS,
					  "guest FB segment %#llx+%#llx outside FB",
					  base, len);
		if (!IS_ALIGNED(base, SIM_VMMU_SEGMENT_SIZE))
			return sim_reject(sim, NV_ERR_INVALID_ADDRESS,
					  "guest FB segment %#llx not VMMU-segment aligned",
					  base);
		if (sim_vgpu_fb_busy(sim, p->gfid - 1, base, len))
			return sim_reject(sim, NV_ERR_IN_USE,
					  "guest FB segment %#llx+%#llx in use",
					  base, len);
		total += len;
	}
	if (total < type->fb_size)
		return sim_reject(sim, NV_ERR_INVALID_ARGUMENT,
				  "guest FB %#llx smaller than the type's %#llx",
				  total, type->fb_size);

	if (!sim_fb_range_ok(sim, p->plugin_heap_memory_phys_addr,
			     p->plugin_heap_memory_length) ||
	    p->plugin_heap_memory_length < type->heap_size)
		return sim_reject(sim, NV_ERR_INVALID_ADDRESS,
				  "plugin heap %#llx+%#llx invalid",
				  p->plugin_heap_memory_phys_addr,
				  p->plugin_heap_memory_length);
	if (sim_vgpu_fb_busy(sim, p->gfid - 1, p->plugin_heap_memory_phys_addr,
			     p->plugin_heap_memory_length))
		return sim_reject(sim, NV_ERR_IN_USE, "plugin heap in use");
	for (s = 0; s < p->num_guest_fb_segments; s++)
		if (sim_ranges_overlap(p->plugin_heap_memory_phys_addr,
				       p->plugin_heap_memory_length,
				       p->guest_fb_phys_addr_list[s],
				       p->guest_fb_length_list[s]))
			return sim_reject(sim, NV_ERR_INVALID_ARGUMENT,
					  "plugin heap overlaps guest FB");

	v->segs = kcalloc(p->num_guest_fb_segments, sizeof(*v->segs),
			  GFP_KERNEL);
	if (!v->segs)
		return NV_ERR_NO_MEMORY;
	for (s = 0; s < p->num_guest_fb_segments; s++) {
		v->segs[s][0] = p->guest_fb_phys_addr_list[s];
		v->segs[s][1] = p->guest_fb_length_list[s];
	}
	v->num_segments = p->num_guest_fb_segments;
	v->fb_base = v->segs[0][0];
	v->fb_size = total;
	v->heap_base = p->plugin_heap_memory_phys_addr;
	v->heap_size = p->plugin_heap_memory_length;
	v->chid_base = chid;
	v->num_channels = p->num_channels;
	v->type = idx;
	sim_vf_teardown(sim, p->gfid);
	WRITE_ONCE(v->state, SIM_VGPU_BOOTED);
	sim_objsched_vgpu_start(sim, p->gfid, type->max_instances);
	dev_dbg(sim_dev(sim), "gfid %u bootloaded: type %u, FB %#llx+%#llx\n",
		p->gfid, type->id, v->fb_base, v->fb_size);
	return NV_OK;
}

static struct sim_vgpu *sim_vgpu_get(struct sim_gpu *sim, u32 gfid)
{
	if (gfid < 1 || gfid > SIM_MAX_GFID)
		return NULL;
	return &sim->vgpus[gfid - 1];
}

static u64 sim_vgpu_fb_used(struct sim_gpu *sim, struct sim_vgpu *v)
{
	u64 used = 0;
	u32 s;

	for (s = 0; s < v->num_segments; s++)
		used += sim_fb_used(sim, v->segs[s][0], v->segs[s][1]);
	return used;
}

static void sim_vgpu_release(struct sim_vgpu *v)
{
	WRITE_ONCE(v->state, SIM_VGPU_FREE);
	kfree(v->segs);
	memset(v, 0, sizeof(*v));
}

/*
 * PGPU_ADD_VGPU_TYPE, in the release's layout: the types bootload may
 * name from now on. Not while a plugin task runs on a type it would drop.
 */
static u32 sim_vgpu_add_types(struct sim_gpu *sim, const void *params,
			      u32 size)
{
	struct nvvgpu_vgpu_type *types;
	u32 i, n, status;
	bool discard;

	types = kcalloc(NVA081_MAX_VGPU_TYPES_PER_PGPU, sizeof(*types),
			GFP_KERNEL);
	if (!types)
		return NV_ERR_NO_MEMORY;
	status = sim_fwif_add_types_decode(sim, params, size, types, &n,
					   &discard);
	if (status)
		goto out;
	for (i = 0; i < SIM_MAX_GFID; i++) {
		if (discard && sim->vgpus[i].state != SIM_VGPU_FREE) {
			dev_warn(sim_dev(sim), "ADD_VGPU_TYPE: discarding types under running gfid %u\n",
				 i + 1);
			status = NV_ERR_STATE_IN_USE;
			goto out;
		}
	}
	if (!discard && sim->gsp.num_types + n > NVA081_MAX_VGPU_TYPES_PER_PGPU) {
		status = NV_ERR_INSUFFICIENT_RESOURCES;
		goto out;
	}
	for (i = 0; i < n; i++) {
		if (!types[i].id || !types[i].fb_size ||
		    !types[i].max_instances ||
		    types[i].max_instances > NVA081_MAX_VGPU_PER_PGPU) {
			dev_warn(sim_dev(sim), "ADD_VGPU_TYPE: entry %u (type %u) malformed\n",
				 i, types[i].id);
			status = NV_ERR_INVALID_ARGUMENT;
			goto out;
		}
	}
	if (discard)
		sim->gsp.num_types = 0;
	memcpy(&sim->gsp.types[sim->gsp.num_types], types, n * sizeof(*types));
	sim->gsp.num_types += n;
out:
	kfree(types);
	return status;
}

/**
 * sim_vgpu_control() - serve a vGPU-manager control on the internal subdevice
 * @sim: the GPU
 * @cmd: control command
 * @params: parameters, updated in place
 * @size: bytes of @params
 *
 * Return: the RM status.
 */
u32 sim_vgpu_control(struct sim_gpu *sim, u32 cmd, void *params, u32 size)
{
	struct nv2080_vgpu_enumerate_params *en = params;
	struct nv2080_vgpu_fb_usage_params *usage = params;
	struct nv2080_vgpu_gfid_params *gp = params;
	struct sim_bootload boot;
	struct sim_vgpu *v;
	u32 i, n = 0, ret;

	switch (cmd) {
	case NV2080_CTRL_CMD_VGPU_MGR_INTERNAL_BOOTLOAD_GSP_VGPU_PLUGIN_TASK:
		ret = sim_fwif_bootload_decode(sim, params, size, &boot);
		return ret ?: sim_vgpu_bootload(sim, &boot);

	case NV2080_CTRL_CMD_VGPU_MGR_INTERNAL_SHUTDOWN_GSP_VGPU_PLUGIN_TASK:
		if (size != sizeof(*gp))
			return NV_ERR_INVALID_PARAM_STRUCT;
		v = sim_vgpu_get(sim, gp->gfid);
		if (!v)
			return NV_ERR_INVALID_ARGUMENT;
		if (v->state != SIM_VGPU_BOOTED) {
			dev_warn(sim_dev(sim), "SHUTDOWN: gfid %u not running\n",
				 gp->gfid);
			return NV_ERR_INVALID_STATE;
		}
		WRITE_ONCE(v->state, SIM_VGPU_SHUTDOWN);
		sim_objsched_vgpu_stop(sim, gp->gfid);
		sim_vf_teardown(sim, gp->gfid);
		return NV_OK;

	case NV2080_CTRL_CMD_VGPU_MGR_INTERNAL_VGPU_PLUGIN_CLEANUP:
		if (size != sizeof(*gp))
			return NV_ERR_INVALID_PARAM_STRUCT;
		v = sim_vgpu_get(sim, gp->gfid);
		if (!v)
			return NV_ERR_INVALID_ARGUMENT;
		if (v->state != SIM_VGPU_SHUTDOWN) {
			dev_warn(sim_dev(sim), "CLEANUP: gfid %u not shut down\n",
				 gp->gfid);
			return NV_ERR_INVALID_STATE;
		}
		sim_vf_teardown(sim, gp->gfid);
		sim_vgpu_release(v);
		return NV_OK;

	case NV2080_CTRL_CMD_VGPU_MGR_INTERNAL_ENUMERATE_VGPU_PER_PGPU:
		if (size != sizeof(*en))
			return NV_ERR_INVALID_PARAM_STRUCT;
		memset(en, 0, sizeof(*en));
		for (i = 0; i < SIM_MAX_GFID; i++) {
			v = &sim->vgpus[i];
			if (v->state == SIM_VGPU_FREE)
				continue;
			en->vgpus[n].gfid = i + 1;
			en->vgpus[n].fb_used = sim_vgpu_fb_used(sim, v);
			en->vgpus[n].encoder_capacity = 100;
			n++;
		}
		en->num_vgpus = n;
		return NV_OK;

	case NV2080_CTRL_CMD_VGPU_MGR_INTERNAL_GET_VGPU_FB_USAGE:
		if (size != sizeof(*usage))
			return NV_ERR_INVALID_PARAM_STRUCT;
		memset(usage, 0, sizeof(*usage));
		for (i = 0; i < SIM_MAX_GFID; i++) {
			v = &sim->vgpus[i];
			if (v->state == SIM_VGPU_FREE)
				continue;
			usage->usage[n].gfid = i + 1;
			usage->usage[n].fb_used = sim_vgpu_fb_used(sim, v);
			n++;
		}
		usage->vgpu_count = n;
		return NV_OK;

	case NV2080_CTRL_CMD_VGPU_MGR_INTERNAL_PGPU_ADD_VGPU_TYPE:
		return sim_vgpu_add_types(sim, params, size);
	}
	return NV_ERR_NOT_SUPPORTED;
}

/**
 * sim_vgpu_reset() - the GSP reset: every plugin task is gone, with its
 *	channels and VF registers
 * @sim: the GPU
 */
void sim_vgpu_reset(struct sim_gpu *sim)
{
	u32 i;

	for (i = 0; i < SIM_MAX_GFID; i++) {
		if (sim->vgpus[i].state != SIM_VGPU_FREE)
			sim_vf_teardown(sim, i + 1);
		sim_vgpu_release(&sim->vgpus[i]);
	}
}

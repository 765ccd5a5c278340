// SPDX-License-Identifier: GPL-2.0
/*
 * nvvgpu_sim: TEMPORARY stand-ins for the channel entry points of
 * sim_channel.c (branch "sim"), so that sim_vf.c builds and runs before
 * the engines land. The lead deletes this file when merging that branch.
 *
 * Copyright (c) 2026 The nvvgpu developers
 */
#include <nvvgpu/abi/gsp_rpc.h>

#include "sim.h"

/* TEMPORARY: no engines yet; every channel allocation is refused */
u32 sim_channel_alloc(struct sim_gpu *sim, u32 gfid, u32 handle,
		      const struct nv_channel_alloc_params *p, u32 *chid)
{
	dev_warn_ratelimited(sim_dev(sim),
			     "gpu %u gfid %u: channel %#x: channels not implemented yet\n",
			     sim->index, gfid, handle);
	return NV_ERR_NOT_SUPPORTED;
}

/* TEMPORARY: no channel exists, so none can be freed */
u32 sim_channel_free(struct sim_gpu *sim, u32 gfid, u32 handle)
{
	return NV_ERR_OBJECT_NOT_FOUND;
}

/* TEMPORARY: nothing to free */
void sim_channels_free_all(struct sim_gpu *sim, u32 gfid)
{
}

/* TEMPORARY: a token names no channel; ignored */
void sim_channel_doorbell(struct sim_gpu *sim, u32 gfid, u32 token)
{
}

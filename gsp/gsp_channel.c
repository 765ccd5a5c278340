// SPDX-License-Identifier: GPL-2.0
/*
 * nvvgpu_gsp: the host's channels, as RM objects of our client.
 *
 * Copyright (c) 2026 The nvvgpu developers
 */
#include <linux/bitfield.h>
#include <linux/device.h>
#include <linux/slab.h>

#include <nvvgpu/abi/gsp_rm.h>
#include <nvvgpu/abi/nv_channel.h>
#include <nvvgpu/core.h>

#include "gsp.h"

/* the work-submit token carries the channel ID in its low bits */
#define GSP_TOKEN_CHID		GENMASK(15, 0)

/*
 * A handle whose RPC timed out stays retired: the firmware may still
 * create the object under it.
 */
static void gsp_channel_handle_put(struct nvvgpu_gsp *gsp, u32 h, int err)
{
	if (err == -ETIMEDOUT)
		dev_warn(gsp->dev, "handle %#x retired: its RPC may still complete\n",
			 h);
	else
		gsp_rm_handle_put(gsp, h);
}

/**
 * gsp_host_channel_alloc() - a VA space over the window, a channel in it
 * @gsp: the transport, with its RM client
 * @ch: engine, window, ring and USERD filled in; gets token, chid, obj
 *
 * RM_ALLOC of FERMI_VASPACE_A spanning exactly [va_base, va_base +
 * va_size), then of AMPERE_CHANNEL_GPFIFO_A in it under our device, then
 * NVC36F_CTRL_CMD_GPFIFO_GET_WORK_SUBMIT_TOKEN. Caller holds the reset
 * lock for reading; sleeps.
 *
 * Return: 0, or a negative errno with nothing left allocated.
 */
int gsp_host_channel_alloc(struct nvvgpu_gsp *gsp,
			   struct nvvgpu_host_channel *ch)
{
	struct nv_vaspace_alloc_params vas = {
		.index = NV_VASPACE_ALLOCATION_INDEX_GPU_NEW,
		.va_base = ch->va_base,
		/* vaSize is the limit + 1, not the length */
		.va_size = ch->va_base + ch->va_size,
	};
	struct nvc36f_ctrl_get_work_submit_token_params tok = {};
	struct nv_channel_alloc_params *p;
	u32 hv, hc;
	int ret;

	if (!gsp->h_client || !gsp->has_device)
		return -ENODEV;
	p = kzalloc(sizeof(*p), GFP_KERNEL);
	if (!p)
		return -ENOMEM;

	ret = gsp_rm_handle_get(gsp, &hv);
	if (ret)
		goto out;
	ret = gsp_rm_alloc(gsp, gsp->h_client, NVVGPU_RM_HANDLE_DEVICE, hv,
			   FERMI_VASPACE_A, &vas, sizeof(vas));
	if (ret) {
		gsp_channel_handle_put(gsp, hv, ret);
		goto out;
	}

	ret = gsp_rm_handle_get(gsp, &hc);
	if (ret)
		goto err_vas;
	p->gp_fifo_offset = ch->gpfifo;
	p->gp_fifo_entries = ch->entries;
	p->h_va_space = hv;
	p->engine_type = ch->engine;
	p->userd_mem.base = ch->userd;
	p->userd_mem.size = NVC56F_USERD_SIZE;
	p->userd_mem.address_space = ADDR_FBMEM;
	ret = gsp_rm_alloc(gsp, gsp->h_client, NVVGPU_RM_HANDLE_DEVICE, hc,
			   AMPERE_CHANNEL_GPFIFO_A, p, sizeof(*p));
	if (ret) {
		gsp_channel_handle_put(gsp, hc, ret);
		goto err_vas;
	}

	ret = gsp_rm_control(gsp, gsp->h_client, hc,
			     NVC36F_CTRL_CMD_GPFIFO_GET_WORK_SUBMIT_TOKEN,
			     &tok, sizeof(tok));
	if (ret)
		goto err_chan;

	ch->token = tok.work_submit_token;
	ch->chid = FIELD_GET(GSP_TOKEN_CHID, tok.work_submit_token);
	ch->obj[0] = hv;
	ch->obj[1] = hc;
	goto out;

err_chan:
	if (!gsp_rm_free(gsp, gsp->h_client, hc))
		gsp_rm_handle_put(gsp, hc);
err_vas:
	if (!gsp_rm_free(gsp, gsp->h_client, hv))
		gsp_rm_handle_put(gsp, hv);
out:
	kfree(p);
	return ret;
}

/**
 * gsp_host_channel_free() - free a host channel and its VA space
 * @gsp: the transport
 * @ch: from gsp_host_channel_alloc()
 *
 * The firmware stops the channel before it answers. With the firmware
 * dead, or after a reset (which took our client's objects with it),
 * nothing is sent. Caller holds the reset lock for reading; sleeps.
 */
void gsp_host_channel_free(struct nvvgpu_gsp *gsp,
			   struct nvvgpu_host_channel *ch)
{
	u32 hv = ch->obj[0], hc = ch->obj[1];

	if (READ_ONCE(gsp->dead) || !gsp->h_client)
		return;
	if (gsp_rm_free(gsp, gsp->h_client, hc)) {
		dev_warn(gsp->dev, "host channel %u: FREE failed, handles %#x and %#x retired\n",
			 ch->chid, hc, hv);
		return;
	}
	gsp_rm_handle_put(gsp, hc);
	if (gsp_rm_free(gsp, gsp->h_client, hv)) {
		dev_warn(gsp->dev, "host channel %u: FREE of its VA space failed, handle %#x retired\n",
			 ch->chid, hv);
		return;
	}
	gsp_rm_handle_put(gsp, hv);
}

// SPDX-License-Identifier: GPL-2.0
/*
 * nvvgpu_gsp: the RM object API over GSP_RM_ALLOC, GSP_RM_CONTROL and FREE.
 *
 * Client handles come from an IDA in RM's client-handle range; the device
 * and subdevice of our client have fixed handles, further objects get
 * theirs from a second IDA above NVVGPU_RM_HANDLE_DYN_BASE. Each reply is
 * checked to echo the request before its inner status and parameters are
 * used. The parameters of RM_ALLOC and RM_CONTROL travel between the
 * caller's buffer and the queues without a staging copy (gsp_rpc_callv()),
 * so on error the caller's parameters hold unspecified bytes.
 *
 * Copyright (c) 2026 The nvvgpu developers
 */
#include <linux/device.h>
#include <linux/idr.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/uio.h>

#include <nvvgpu/abi/gsp_rm.h>

#include "gsp.h"
#include "gsp_test.h"

/**
 * gsp_rm_alloc() - allocate an RM object
 * @gsp: the transport
 * @h_client: client (the new handle when allocating a client)
 * @h_parent: parent object
 * @h_object: new handle
 * @h_class: class
 * @params: allocation parameters, replaced by the reply's on success;
 *	unspecified bytes on error (see gsp_rpc_callv())
 * @params_size: their size
 *
 * Return: 0, or a negative errno for the RPC or the RM status.
 */
int gsp_rm_alloc(struct nvvgpu_gsp *gsp, u32 h_client, u32 h_parent,
		 u32 h_object, u32 h_class, void *params, u32 params_size)
{
	struct nvgsp_rpc_rm_alloc rpc = {
		.h_client = h_client,
		.h_parent = h_parent,
		.h_object = h_object,
		.h_class = h_class,
		.params_size = params_size,
	};
	/* the message is the RPC's fields, then the caller's parameters */
	const struct kvec vec[] = {
		{ .iov_base = &rpc, .iov_len = sizeof(rpc) },
		{ .iov_base = params, .iov_len = params_size },
	};
	int ret;

	ret = gsp_rpc_callv(gsp, NV_VGPU_MSG_FUNCTION_GSP_RM_ALLOC, vec,
			    ARRAY_SIZE(vec), vec, ARRAY_SIZE(vec));
	if (ret)
		return ret;
	if (rpc.h_object != h_object || rpc.h_class != h_class) {
		dev_err(gsp->dev, "RM_ALLOC reply is for %#x/%#x, sent %#x/%#x\n",
			rpc.h_object, rpc.h_class, h_object, h_class);
		return -EPROTO;
	}
	if (rpc.status) {
		dev_err(gsp->dev, "RM_ALLOC of class %#x handle %#x: %s (%#x)\n",
			h_class, h_object, gsp_status_name(rpc.status),
			rpc.status);
		return gsp_status_to_errno(rpc.status);
	}
	return 0;
}

/**
 * gsp_rm_control() - run an RM control
 * @gsp: the transport
 * @h_client: client
 * @h_object: target object
 * @cmd: control command
 * @params: parameters, replaced by the reply's on success; unspecified
 *	bytes on error (see gsp_rpc_callv())
 * @params_size: their size
 *
 * The parameters go from @params straight into the command queue and the
 * reply's come back from the status queue straight into @params: no copy
 * on the way, and nothing shared between controls, so large controls of
 * several callers are in flight at once like small ones.
 *
 * Return: 0, or a negative errno for the RPC or the RM status.
 */
int gsp_rm_control(struct nvvgpu_gsp *gsp, u32 h_client, u32 h_object,
		   u32 cmd, void *params, u32 params_size)
{
	struct nvgsp_rpc_rm_control rpc = {
		.h_client = h_client,
		.h_object = h_object,
		.cmd = cmd,
		.params_size = params_size,
	};
	/* the message is the RPC's fields, then the caller's parameters */
	const struct kvec vec[] = {
		{ .iov_base = &rpc, .iov_len = sizeof(rpc) },
		{ .iov_base = params, .iov_len = params_size },
	};
	int ret;

	ret = gsp_rpc_callv(gsp, NV_VGPU_MSG_FUNCTION_GSP_RM_CONTROL, vec,
			    ARRAY_SIZE(vec), vec, ARRAY_SIZE(vec));
	if (ret)
		return ret;
	if (rpc.cmd != cmd || rpc.params_size != params_size) {
		dev_err(gsp->dev,
			"RM_CONTROL reply is for %#x with %u bytes, sent %#x with %u\n",
			rpc.cmd, rpc.params_size, cmd, params_size);
		return -EPROTO;
	}
	if (rpc.status) {
		dev_err(gsp->dev, "RM_CONTROL %#x on %#x: %s (%#x)\n", cmd,
			h_object, gsp_status_name(rpc.status), rpc.status);
		return gsp_status_to_errno(rpc.status);
	}
	return 0;
}
EXPORT_SYMBOL_IF_GSP_TEST(gsp_rm_control);

/**
 * gsp_rm_free() - free an RM object and its subtree (or a whole client)
 * @gsp: the transport
 * @h_client: client
 * @h_object: object, or @h_client to free the client
 *
 * Return: 0, or a negative errno for the RPC or the RM status.
 */
int gsp_rm_free(struct nvvgpu_gsp *gsp, u32 h_client, u32 h_object)
{
	struct nvgsp_rpc_free rpc = {
		.h_root = h_client,
		.h_object_old = h_object,
	};
	int ret;

	ret = gsp_rpc_call(gsp, NV_VGPU_MSG_FUNCTION_FREE, &rpc, sizeof(rpc),
			   &rpc, sizeof(rpc));
	if (ret)
		return ret;
	if (rpc.h_root != h_client || rpc.h_object_old != h_object) {
		dev_err(gsp->dev, "FREE reply is for %#x, sent %#x\n",
			rpc.h_object_old, h_object);
		return -EPROTO;
	}
	if (rpc.status) {
		dev_err(gsp->dev, "FREE of %#x: %s (%#x)\n", h_object,
			gsp_status_name(rpc.status), rpc.status);
		return gsp_status_to_errno(rpc.status);
	}
	return 0;
}

/**
 * gsp_rm_handle_get() - a free handle for a new object of our client
 * @gsp: the transport
 * @h: set to the handle
 *
 * Return: 0, or -ENOSPC / -ENOMEM.
 */
int gsp_rm_handle_get(struct nvvgpu_gsp *gsp, u32 *h)
{
	int id = ida_alloc_max(&gsp->handle_ida, NVVGPU_RM_HANDLE_DYN_MAX - 1,
			       GFP_KERNEL);

	if (id < 0)
		return id;
	*h = NVVGPU_RM_HANDLE_DYN_BASE + id;
	return 0;
}

/**
 * gsp_rm_handle_put() - give back a handle from gsp_rm_handle_get()
 * @gsp: the transport
 * @h: the handle; its object must be gone
 */
void gsp_rm_handle_put(struct nvvgpu_gsp *gsp, u32 h)
{
	ida_free(&gsp->handle_ida, h - NVVGPU_RM_HANDLE_DYN_BASE);
}

/**
 * gsp_rm_dup() - duplicate an object of another client into our client
 * @gsp: the transport, with its RM client
 * @h_parent: parent of the duplicate in our client
 * @h_client_src: client of the object
 * @h_object_src: the object
 * @h_out: set to the handle of the duplicate
 *
 * The handle comes from our allocator. After a timeout it is not given
 * back: the firmware may still create the object under it. Free the
 * duplicate with gsp_rm_dup_free().
 *
 * Return: 0, or a negative errno for the RPC or the RM status.
 */
int gsp_rm_dup(struct nvvgpu_gsp *gsp, u32 h_parent, u32 h_client_src,
	       u32 h_object_src, u32 *h_out)
{
	struct nvgsp_rpc_dup_object rpc = {
		.h_client = gsp->h_client,
		.h_parent = h_parent,
		.h_client_src = h_client_src,
		.h_object_src = h_object_src,
	};
	u32 h;
	int ret;

	ret = gsp_rm_handle_get(gsp, &h);
	if (ret)
		return ret;
	rpc.h_object = h;
	ret = gsp_rpc_call(gsp, NV_VGPU_MSG_FUNCTION_DUP_OBJECT, &rpc,
			   sizeof(rpc), &rpc, sizeof(rpc));
	if (ret == -ETIMEDOUT) {
		dev_warn(gsp->dev, "handle %#x retired: DUP_OBJECT may still complete\n",
			 h);
		return ret;
	}
	if (ret)
		goto err;
	if (rpc.h_client != gsp->h_client || rpc.h_object != h ||
	    rpc.h_client_src != h_client_src ||
	    rpc.h_object_src != h_object_src) {
		dev_err(gsp->dev, "DUP_OBJECT reply is for %#x/%#x as %#x, sent %#x/%#x as %#x\n",
			rpc.h_client_src, rpc.h_object_src, rpc.h_object,
			h_client_src, h_object_src, h);
		ret = -EPROTO;
		goto err;
	}
	if (rpc.status) {
		dev_err(gsp->dev, "DUP_OBJECT of %#x/%#x: %s (%#x)\n",
			h_client_src, h_object_src, gsp_status_name(rpc.status),
			rpc.status);
		ret = gsp_status_to_errno(rpc.status);
		goto err;
	}
	*h_out = h;
	return 0;

err:
	gsp_rm_handle_put(gsp, h);
	return ret;
}

/**
 * gsp_rm_dup_free() - free a duplicate made by gsp_rm_dup()
 * @gsp: the transport
 * @h: its handle
 *
 * Return: 0, or a negative errno for the RPC or the RM status (the handle
 * is given back only when the object is gone).
 */
int gsp_rm_dup_free(struct nvvgpu_gsp *gsp, u32 h)
{
	int ret = gsp_rm_free(gsp, gsp->h_client, h);

	if (!ret)
		gsp_rm_handle_put(gsp, h);
	return ret;
}

/**
 * gsp_rm_client_alloc() - create our RM client with a device and subdevice
 * @gsp: the transport
 *
 * Return: 0 or a negative errno; on failure nothing stays allocated.
 */
int gsp_rm_client_alloc(struct nvvgpu_gsp *gsp)
{
	struct nv0000_alloc_params client = { .process_id = 0xffffffff };
	struct nv0080_alloc_params device = {};
	struct nv2080_alloc_params subdevice = {};
	u32 h;
	int id, ret;

	id = ida_alloc_max(&gsp->client_ida, NV_RS_CLIENT_HANDLE_MAX - 1,
			   GFP_KERNEL);
	if (id < 0)
		return id;
	h = NV_RS_CLIENT_HANDLE_BASE | id;

	client.h_client = h;
	ret = gsp_rm_alloc(gsp, h, h, h, NV01_ROOT, &client,
			   gsp->abi->nv0000_alloc_size);
	if (ret)
		goto err_ida;
	gsp->h_client = h;

	device.h_client_share = h;
	ret = gsp_rm_alloc(gsp, h, h, NVVGPU_RM_HANDLE_DEVICE, NV01_DEVICE_0,
			   &device, sizeof(device));
	if (ret)
		goto err_client;
	gsp->has_device = true;

	ret = gsp_rm_alloc(gsp, h, NVVGPU_RM_HANDLE_DEVICE,
			   NVVGPU_RM_HANDLE_SUBDEVICE, NV20_SUBDEVICE_0,
			   &subdevice, sizeof(subdevice));
	if (ret)
		goto err_client;
	gsp->has_subdevice = true;
	return 0;

err_client:
	gsp_rm_client_free(gsp);
	return ret;
err_ida:
	ida_free(&gsp->client_ida, id);
	return ret;
}

/**
 * gsp_rm_client_free() - free our RM client (the firmware frees the subtree)
 * @gsp: the transport
 *
 * Errors are logged; the handle is released anyway.
 */
void gsp_rm_client_free(struct nvvgpu_gsp *gsp)
{
	u32 h = gsp->h_client;

	if (!h)
		return;
	if (!READ_ONCE(gsp->dead) && gsp_rm_free(gsp, h, h))
		dev_warn(gsp->dev, "could not free RM client %#x\n", h);
	ida_free(&gsp->client_ida, h & (NV_RS_CLIENT_HANDLE_MAX - 1));
	/* the client's objects went with it */
	ida_destroy(&gsp->handle_ida);
	gsp->h_client = 0;
	gsp->has_device = false;
	gsp->has_subdevice = false;
	gsp->h_internal_dup = 0;
}

// SPDX-License-Identifier: GPL-2.0
/*
 * nvvgpu_sim: GSP firmware emulator, RM object server.
 *
 * Each client owns a handle tree (client → device → subdevice). Allocation
 * failures are reported in the inner status the way RM names them:
 * unknown client NV_ERR_INVALID_CLIENT, taken handle
 * NV_ERR_INSERT_DUPLICATE_NAME, missing or wrong parent
 * NV_ERR_INVALID_OBJECT_PARENT, unknown class NV_ERR_INVALID_CLASS. Which
 * code real GSP-RM picks in each case is not visible from the host; these
 * are the emulator's choice.
 *
 * Copyright (c) 2026 The nvvgpu developers
 */
#include <kunit/visibility.h>
#include <linux/lockdep.h>
#include <linux/mm.h>
#include <linux/slab.h>

#include <nvvgpu/abi/gsp_rm.h>
#include <nvvgpu/abi/gsp_rpc.h>
#include <nvvgpu/abi/gsp_static_info.h>

#include "sim.h"

#define SIM_INTERNAL_CLIENT	NV_RS_CLIENT_INTERNAL_HANDLE_BASE

static struct sim_rm_client *sim_rm_client(struct sim_gpu *sim, u32 handle)
{
	return xa_load(&sim->gsp.clients, handle);
}

static struct sim_rm_object *sim_rm_object(struct sim_rm_client *client,
					   u32 handle)
{
	return xa_load(&client->objects, handle);
}

/* what an object holds beyond its handle goes with it */
static void sim_rm_object_release(struct sim_gpu *sim,
				  struct sim_rm_object *obj)
{
	switch (obj->h_class) {
	case AMPERE_CHANNEL_GPFIFO_A:
		sim_channel_free(sim, 0, obj->handle);
		if (obj->chan)
			obj->chan->vas.users--;
		break;
	}
}

static void sim_rm_free_tree(struct sim_gpu *sim, struct sim_rm_client *client,
			     struct sim_rm_object *obj)
{
	struct sim_rm_object *child, *tmp;

	/*
	 * The tree is at most client → device → subdevice deep. Channels go
	 * before their VA space: they were allocated after it, so walk the
	 * children newest first.
	 */
	list_for_each_entry_safe_reverse(child, tmp, &obj->children, sibling)
		sim_rm_free_tree(sim, client, child);
	sim_rm_object_release(sim, obj);
	xa_erase(&client->objects, obj->handle);
	client->num_objects--;
	if (obj->parent) {
		list_del(&obj->sibling);
		kfree(obj);
	}
}

static void sim_rm_client_free(struct sim_gpu *sim,
			       struct sim_rm_client *client)
{
	sim_rm_free_tree(sim, client, &client->obj);
	xa_erase(&sim->gsp.clients, client->obj.handle);
	xa_destroy(&client->objects);
	sim->gsp.num_clients--;
	kfree(client);
}

static u32 sim_rm_client_new(struct sim_gpu *sim, u32 handle, bool internal,
			     struct sim_rm_client **out)
{
	struct sim_rm_client *client;
	int ret;

	if (sim->gsp.num_clients >= SIM_RM_MAX_CLIENTS)
		return NV_ERR_INSUFFICIENT_RESOURCES;

	client = kzalloc(sizeof(*client), GFP_KERNEL);
	if (!client)
		return NV_ERR_NO_MEMORY;
	client->obj.handle = handle;
	client->obj.h_class = NV01_ROOT;
	INIT_LIST_HEAD(&client->obj.children);
	client->internal = internal;
	xa_init(&client->objects);

	ret = xa_insert(&sim->gsp.clients, handle, client, GFP_KERNEL);
	if (ret)
		goto err_free;
	ret = xa_insert(&client->objects, handle, &client->obj, GFP_KERNEL);
	if (ret) {
		/* only our own entry: a taken handle never got this far */
		xa_erase(&sim->gsp.clients, handle);
		goto err_free;
	}
	client->num_objects = 1;
	sim->gsp.num_clients++;
	if (out)
		*out = client;
	return NV_OK;

err_free:
	xa_destroy(&client->objects);
	kfree(client);
	return ret == -EBUSY ? NV_ERR_INSERT_DUPLICATE_NAME : NV_ERR_NO_MEMORY;
}

static u32 __sim_rm_object_new(struct sim_rm_client *client,
			       struct sim_rm_object *parent, u32 handle,
			       u32 h_class, struct sim_rm_object **out)
{
	struct sim_rm_object *obj;
	int ret;

	if (client->num_objects >= SIM_RM_MAX_OBJECTS)
		return NV_ERR_INSUFFICIENT_RESOURCES;
	obj = kzalloc(sizeof(*obj), GFP_KERNEL);
	if (!obj)
		return NV_ERR_NO_MEMORY;
	obj->handle = handle;
	obj->h_class = h_class;
	obj->parent = parent;
	INIT_LIST_HEAD(&obj->children);
	ret = xa_insert(&client->objects, handle, obj, GFP_KERNEL);
	if (ret) {
		kfree(obj);
		return ret == -EBUSY ? NV_ERR_INSERT_DUPLICATE_NAME :
				       NV_ERR_NO_MEMORY;
	}
	list_add_tail(&obj->sibling, &parent->children);
	client->num_objects++;
	if (out)
		*out = obj;
	return NV_OK;
}

static u32 sim_rm_object_new(struct sim_rm_client *client,
			     struct sim_rm_object *parent, u32 handle,
			     u32 h_class)
{
	return __sim_rm_object_new(client, parent, handle, h_class, NULL);
}

/**
 * sim_rm_init() - create GSP-RM's internal client, device and subdevice
 * @sim: the GPU
 *
 * Return: 0 or -ENOMEM.
 */
int sim_rm_init(struct sim_gpu *sim)
{
	struct nvgsp_internal_handles *h = &sim->gsp.internal;
	struct sim_rm_client *client;

	h->client = SIM_INTERNAL_CLIENT;
	h->device = NVVGPU_RM_HANDLE_DEVICE;
	h->subdevice = NVVGPU_RM_HANDLE_SUBDEVICE;

	if (sim_rm_client_new(sim, h->client, true, &client) != NV_OK)
		return -ENOMEM;
	if (sim_rm_object_new(client, &client->obj, h->device,
			      NV01_DEVICE_0) != NV_OK ||
	    sim_rm_object_new(client, sim_rm_object(client, h->device),
			      h->subdevice, NV20_SUBDEVICE_0) != NV_OK) {
		sim_rm_client_free(sim, client);
		return -ENOMEM;
	}
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(sim_rm_init);

/**
 * sim_rm_fini() - free every client
 * @sim: the GPU
 */
void sim_rm_fini(struct sim_gpu *sim)
{
	struct sim_rm_client *client;
	unsigned long index;

	xa_for_each(&sim->gsp.clients, index, client)
		sim_rm_client_free(sim, client);
}
EXPORT_SYMBOL_IF_KUNIT(sim_rm_fini);

static u32 sim_rm_alloc_client(struct sim_gpu *sim,
			       const struct nvgsp_rpc_rm_alloc *rpc)
{
	const struct nv0000_alloc_params *p = (const void *)rpc->params;

	if (rpc->params_size != sim_fwif_nv0000_alloc_size(sim)) {
		dev_warn(sim_dev(sim), "ALLOC NV01_ROOT: %u bytes of parameters, %s expects %u\n",
			 rpc->params_size, sim->fw_version,
			 sim_fwif_nv0000_alloc_size(sim));
		return NV_ERR_INVALID_PARAM_STRUCT;
	}
	if (rpc->h_parent != rpc->h_object || rpc->h_client != rpc->h_object ||
	    p->h_client != rpc->h_object)
		return NV_ERR_INVALID_OBJECT_PARENT;
	if (rpc->h_object < NV_RS_CLIENT_HANDLE_BASE ||
	    rpc->h_object >= NV_RS_CLIENT_HANDLE_BASE + NV_RS_CLIENT_HANDLE_MAX)
		return NV_ERR_INVALID_OBJECT_NEW;
	return sim_rm_client_new(sim, rpc->h_object, false, NULL);
}

#define sim_rm_refuse(sim, status, fmt, ...) ({			\
	dev_warn_ratelimited(sim_dev(sim), "RM_ALLOC: " fmt "\n",	\
			     ##__VA_ARGS__);				\
	status;								\
})

/*
 * FERMI_VASPACE_A under a device: the sim maps [vaBase, vaSize) one to one
 * onto the usable framebuffer, so the window must lie in it.
 */
static u32 sim_rm_alloc_vaspace(struct sim_gpu *sim,
				struct sim_rm_client *client,
				struct sim_rm_object *parent,
				const struct nvgsp_rpc_rm_alloc *rpc)
{
	const struct nv_vaspace_alloc_params *p = (const void *)rpc->params;
	struct sim_rm_object *obj;
	u32 status;

	if (rpc->params_size != sizeof(*p))
		return NV_ERR_INVALID_PARAM_STRUCT;
	if (parent->h_class != NV01_DEVICE_0)
		return NV_ERR_INVALID_OBJECT_PARENT;
	if (p->index != NV_VASPACE_ALLOCATION_INDEX_GPU_NEW || p->flags ||
	    p->big_page_size || p->va_start_internal || p->va_limit_internal)
		return sim_rm_refuse(sim, NV_ERR_NOT_SUPPORTED,
				     "VA space index %u flags %#x: only a new VA space without options",
				     p->index, p->flags);
	if (!PAGE_ALIGNED(p->va_base) || !PAGE_ALIGNED(p->va_size) ||
	    p->va_size <= p->va_base || p->va_size > sim->fb_usable)
		return sim_rm_refuse(sim, NV_ERR_INVALID_ARGUMENT,
				     "VA space [%#llx, %#llx) not a page-aligned window of the %#llx usable bytes",
				     p->va_base, p->va_size, sim->fb_usable);
	status = __sim_rm_object_new(client, parent, rpc->h_object,
				     FERMI_VASPACE_A, &obj);
	if (status == NV_OK) {
		obj->vas.base = p->va_base;
		obj->vas.limit = p->va_size;
	}
	return status;
}

/* AMPERE_CHANNEL_GPFIFO_A of a host client, in one of its VA spaces */
static u32 sim_rm_alloc_channel(struct sim_gpu *sim,
				struct sim_rm_client *client,
				struct sim_rm_object *parent,
				const struct nvgsp_rpc_rm_alloc *rpc)
{
	const struct nv_channel_alloc_params *p = (const void *)rpc->params;
	struct sim_rm_object *vas, *obj;
	u32 status, chid;

	if (rpc->params_size != sizeof(*p))
		return NV_ERR_INVALID_PARAM_STRUCT;
	if (parent->h_class != NV01_DEVICE_0)
		return NV_ERR_INVALID_OBJECT_PARENT;
	if (client->internal)
		return NV_ERR_INSUFFICIENT_PERMISSIONS;
	vas = sim_rm_object(client, p->h_va_space);
	if (!vas || vas->h_class != FERMI_VASPACE_A || vas->parent != parent)
		return sim_rm_refuse(sim, NV_ERR_INVALID_OBJECT_HANDLE,
				     "channel %#x: %#x is no VA space of its device",
				     rpc->h_object, p->h_va_space);
	if (sim_rm_object(client, rpc->h_object))
		return NV_ERR_INSERT_DUPLICATE_NAME;

	status = sim_channel_alloc_host(sim, rpc->h_object, p, vas, &chid);
	if (status != NV_OK)
		return status;
	status = __sim_rm_object_new(client, parent, rpc->h_object,
				     AMPERE_CHANNEL_GPFIFO_A, &obj);
	if (status != NV_OK) {
		sim_channel_free(sim, 0, rpc->h_object);
		return status;
	}
	obj->chan = vas;
	vas->vas.users++;
	return NV_OK;
}

/**
 * sim_rm_alloc() - serve GSP_RM_ALLOC
 * @sim: the GPU
 * @payload: the request, updated in place for the reply
 * @len: payload bytes
 *
 * Return: NV_OK when the RPC itself was well formed (the RM status is in
 * the inner status field), else an rpc_result.
 */
u32 sim_rm_alloc(struct sim_gpu *sim, void *payload, u32 len)
{
	struct nvgsp_rpc_rm_alloc *rpc = payload;
	struct sim_rm_client *client;
	struct sim_rm_object *parent;
	u32 status;

	if (len < sizeof(*rpc) || rpc->params_size != len - sizeof(*rpc)) {
		dev_warn(sim_dev(sim), "RM_ALLOC: malformed (%u bytes)\n", len);
		return NV_VGPU_MSG_RESULT_RPC_INVALID_MESSAGE_FORMAT;
	}

	if (!rpc->h_object) {
		status = NV_ERR_INVALID_OBJECT_NEW;
		goto out;
	}
	if (rpc->h_class == NV01_ROOT) {
		status = sim_rm_alloc_client(sim, rpc);
		goto out;
	}

	client = sim_rm_client(sim, rpc->h_client);
	if (!client) {
		status = NV_ERR_INVALID_CLIENT;
		goto out;
	}
	parent = sim_rm_object(client, rpc->h_parent);
	if (!parent) {
		status = NV_ERR_INVALID_OBJECT_PARENT;
		goto out;
	}

	switch (rpc->h_class) {
	case NV01_DEVICE_0:
		if (rpc->params_size != sizeof(struct nv0080_alloc_params))
			status = NV_ERR_INVALID_PARAM_STRUCT;
		else if (parent->h_class != NV01_ROOT)
			status = NV_ERR_INVALID_OBJECT_PARENT;
		else
			status = sim_rm_object_new(client, parent,
						   rpc->h_object,
						   NV01_DEVICE_0);
		break;
	case NV20_SUBDEVICE_0:
		if (rpc->params_size != sizeof(struct nv2080_alloc_params))
			status = NV_ERR_INVALID_PARAM_STRUCT;
		else if (parent->h_class != NV01_DEVICE_0)
			status = NV_ERR_INVALID_OBJECT_PARENT;
		else if (((struct nv2080_alloc_params *)rpc->params)->sub_device_id)
			status = NV_ERR_INVALID_ARGUMENT;
		else
			status = sim_rm_object_new(client, parent,
						   rpc->h_object,
						   NV20_SUBDEVICE_0);
		break;
	case FERMI_VASPACE_A:
		status = sim_rm_alloc_vaspace(sim, client, parent, rpc);
		break;
	case AMPERE_CHANNEL_GPFIFO_A:
		status = sim_rm_alloc_channel(sim, client, parent, rpc);
		break;
	default:
		status = NV_ERR_INVALID_CLASS;
		break;
	}
out:
	if (status != NV_OK)
		dev_warn(sim_dev(sim),
			 "RM_ALLOC class %#x handle %#x parent %#x client %#x: status %#x\n",
			 rpc->h_class, rpc->h_object, rpc->h_parent,
			 rpc->h_client, status);
	rpc->status = status;
	return NV_OK;
}
EXPORT_SYMBOL_IF_KUNIT(sim_rm_alloc);

/**
 * sim_rm_free() - serve FREE: drop an object and its subtree, or a client
 * @sim: the GPU
 * @payload: the request, updated in place for the reply
 * @len: payload bytes
 *
 * Return: NV_OK when the RPC was well formed, else an rpc_result.
 */
u32 sim_rm_free(struct sim_gpu *sim, void *payload, u32 len)
{
	struct nvgsp_rpc_free *rpc = payload;
	struct sim_rm_client *client;
	struct sim_rm_object *obj;
	u32 status = NV_OK;

	if (len != sizeof(*rpc)) {
		dev_warn(sim_dev(sim), "FREE: malformed (%u bytes)\n", len);
		return NV_VGPU_MSG_RESULT_RPC_INVALID_MESSAGE_FORMAT;
	}

	client = sim_rm_client(sim, rpc->h_root);
	if (!client) {
		status = NV_ERR_INVALID_CLIENT;
	} else if (client->internal) {
		status = NV_ERR_INSUFFICIENT_PERMISSIONS;
	} else if (rpc->h_object_old == rpc->h_root) {
		sim_rm_client_free(sim, client);
	} else {
		obj = sim_rm_object(client, rpc->h_object_old);
		if (!obj)
			status = NV_ERR_INVALID_OBJECT_HANDLE;
		else if (obj->h_class == FERMI_VASPACE_A && obj->vas.users)
			status = NV_ERR_STATE_IN_USE;
		else
			sim_rm_free_tree(sim, client, obj);
	}
	if (status != NV_OK)
		dev_warn(sim_dev(sim), "FREE %#x of client %#x: status %#x\n",
			 rpc->h_object_old, rpc->h_root, status);
	rpc->status = status;
	return NV_OK;
}
EXPORT_SYMBOL_IF_KUNIT(sim_rm_free);

/* the emulator's echo: cookie inverted, data back (inverted on request) */
static u32 sim_rm_echo(struct nvvgpu_emu_echo_params *p, u32 size)
{
	u32 i;

	if (size < sizeof(*p) || p->size > NVVGPU_EMU_ECHO_MAX_DATA ||
	    p->size != size - sizeof(*p) || p->flags & ~NVVGPU_EMU_ECHO_INVERT)
		return NV_ERR_INVALID_PARAM_STRUCT;
	p->cookie = ~p->cookie;
	if (p->flags & NVVGPU_EMU_ECHO_INVERT)
		for (i = 0; i < p->size; i++)
			p->data[i] = ~p->data[i];
	return NV_OK;
}

/**
 * sim_rm_dup() - serve DUP_OBJECT: the object, under a new handle and
 *	parent in another (or the same) client
 * @sim: the GPU
 * @payload: the request, updated in place for the reply
 * @len: payload bytes
 *
 * The duplicate has the class of its source and needs a parent of the
 * class its source's parent has (a device under a client, a subdevice under
 * a device). Clients themselves are not duplicated.
 *
 * Return: NV_OK when the RPC was well formed, else an rpc_result.
 */
u32 sim_rm_dup(struct sim_gpu *sim, void *payload, u32 len)
{
	struct nvgsp_rpc_dup_object *rpc = payload;
	struct sim_rm_client *client, *src_client;
	struct sim_rm_object *parent, *src;
	u32 status;

	if (len != sizeof(*rpc)) {
		dev_warn(sim_dev(sim), "DUP_OBJECT: malformed (%u bytes)\n", len);
		return NV_VGPU_MSG_RESULT_RPC_INVALID_MESSAGE_FORMAT;
	}

	client = sim_rm_client(sim, rpc->h_client);
	src_client = sim_rm_client(sim, rpc->h_client_src);
	if (!client || !src_client) {
		status = NV_ERR_INVALID_CLIENT;
		goto out;
	}
	src = sim_rm_object(src_client, rpc->h_object_src);
	if (!src || !src->parent) {
		status = NV_ERR_INVALID_OBJECT_HANDLE;
		goto out;
	}
	parent = sim_rm_object(client, rpc->h_parent);
	if (!parent || parent->h_class != src->parent->h_class) {
		status = NV_ERR_INVALID_OBJECT_PARENT;
		goto out;
	}
	if (!rpc->h_object || rpc->flags) {
		status = NV_ERR_INVALID_ARGUMENT;
		goto out;
	}
	/* a VA space or channel is its creator's alone */
	if (src->h_class != NV01_DEVICE_0 && src->h_class != NV20_SUBDEVICE_0) {
		status = NV_ERR_NOT_SUPPORTED;
		goto out;
	}
	status = sim_rm_object_new(client, parent, rpc->h_object, src->h_class);
out:
	if (status != NV_OK)
		dev_warn(sim_dev(sim),
			 "DUP_OBJECT %#x of client %#x as %#x under %#x of client %#x: status %#x\n",
			 rpc->h_object_src, rpc->h_client_src, rpc->h_object,
			 rpc->h_parent, rpc->h_client, status);
	rpc->status = status;
	return NV_OK;
}
EXPORT_SYMBOL_IF_KUNIT(sim_rm_dup);

/* GET_ENGINES_V2: the list is as long as the release says */
static u32 sim_rm_get_engines(struct sim_gpu *sim, void *params, u32 size)
{
	u32 max = sim_fwif_engines_list_size(sim);
	u32 *p = params, e, n = 0;

	if (!max || size != NV2080_GPU_GET_ENGINES_V2_SIZE(max)) {
		dev_warn(sim_dev(sim), "GET_ENGINES_V2: %u bytes, %s expects %u\n",
			 size, sim->fw_version,
			 NV2080_GPU_GET_ENGINES_V2_SIZE(max));
		return NV_ERR_INVALID_PARAM_STRUCT;
	}
	memset(p, 0, size);
	for (e = 0; e < 64 && n < max; e++)
		if (sim->engine_mask & BIT_ULL(e))
			p[1 + n++] = e;
	p[0] = n;
	return NV_OK;
}

/* FIFO_GET_INFO: answers the indices the sim has a value for */
static u32 sim_rm_fifo_info(void *params, u32 size)
{
	struct nv2080_ctrl_fifo_get_info_params *p = params;
	u32 i;

	if (size != sizeof(*p))
		return NV_ERR_INVALID_PARAM_STRUCT;
	if (p->fifo_info_tbl_size > NV2080_CTRL_FIFO_GET_INFO_MAX_ENTRIES)
		return NV_ERR_INVALID_ARGUMENT;
	for (i = 0; i < p->fifo_info_tbl_size; i++) {
		switch (p->fifo_info_tbl[i].index) {
		case NV2080_CTRL_FIFO_INFO_INDEX_MAX_CHANNEL_GROUPS:
			p->fifo_info_tbl[i].data = SIM_NUM_CHANNELS;
			break;
		default:
			return NV_ERR_INVALID_ARGUMENT;
		}
	}
	return NV_OK;
}

static u32 sim_rm_subdevice_control(struct sim_gpu *sim, bool internal,
				    u32 cmd, void *params, u32 size)
{
	struct nv2080_ctrl_gpu_get_vmmu_segment_size_params *vmmu = params;

	switch (cmd) {
	case NVVGPU_EMU_CTRL_CMD_ECHO:
		return sim_rm_echo(params, size);
	case NV2080_CTRL_CMD_GPU_GET_VMMU_SEGMENT_SIZE:
		if (size != sizeof(*vmmu))
			return NV_ERR_INVALID_PARAM_STRUCT;
		vmmu->vmmu_segment_size = SIM_VMMU_SEGMENT_SIZE;
		return NV_OK;
	case NV2080_CTRL_CMD_GPU_GET_ENGINES_V2:
		return sim_rm_get_engines(sim, params, size);
	case NV2080_CTRL_CMD_FIFO_GET_INFO:
		return sim_rm_fifo_info(params, size);
	case NV2080_CTRL_CMD_FIFO_OBJSCHED_GET_CAPS:
	case NV2080_CTRL_CMD_FIFO_OBJSCHED_GET_STATE:
	case NV2080_CTRL_CMD_FIFO_OBJSCHED_SET_STATE:
	case NV2080_CTRL_CMD_FIFO_OBJSCHED_SW_GET_LOG:
		return sim_objsched_control(sim, cmd, params, size);
	case NV2080_CTRL_CMD_VGPU_MGR_INTERNAL_BOOTLOAD_GSP_VGPU_PLUGIN_TASK:
	case NV2080_CTRL_CMD_VGPU_MGR_INTERNAL_SHUTDOWN_GSP_VGPU_PLUGIN_TASK:
	case NV2080_CTRL_CMD_VGPU_MGR_INTERNAL_ENUMERATE_VGPU_PER_PGPU:
	case NV2080_CTRL_CMD_VGPU_MGR_INTERNAL_GET_VGPU_FB_USAGE:
	case NV2080_CTRL_CMD_VGPU_MGR_INTERNAL_VGPU_PLUGIN_CLEANUP:
	case NV2080_CTRL_CMD_VGPU_MGR_INTERNAL_PGPU_ADD_VGPU_TYPE:
		/* vGPU-manager controls are for GSP-RM's own client */
		if (!internal)
			return NV_ERR_INSUFFICIENT_PERMISSIONS;
		return sim_vgpu_control(sim, cmd, params, size);
	default:
		return NV_ERR_NOT_SUPPORTED;
	}
}

/* a channel answers the Volta GPFIFO interface, as every Volta+ one does */
static u32 sim_rm_channel_control(struct sim_gpu *sim,
				  struct sim_rm_object *obj, u32 cmd,
				  void *params, u32 size)
{
	struct nvc36f_ctrl_get_work_submit_token_params *tok = params;
	struct sim_engines *e = &sim->engines;
	u32 i, status = NV_ERR_OBJECT_NOT_FOUND;

	if (cmd != NVC36F_CTRL_CMD_GPFIFO_GET_WORK_SUBMIT_TOKEN)
		return NV_ERR_NOT_SUPPORTED;
	if (size != sizeof(*tok))
		return NV_ERR_INVALID_PARAM_STRUCT;
	/* the token is the channel ID */
	mutex_lock(&e->table_lock);
	for (i = 0; i < SIM_NUM_CHANNELS; i++) {
		if (e->chans[i] && !e->chans[i]->gfid &&
		    e->chans[i]->handle == obj->handle) {
			tok->work_submit_token = i;
			status = NV_OK;
			break;
		}
	}
	mutex_unlock(&e->table_lock);
	return status;
}

/**
 * sim_rm_control() - serve GSP_RM_CONTROL
 * @sim: the GPU
 * @payload: the request, params updated in place for the reply
 * @len: payload bytes
 *
 * Return: NV_OK when the RPC was well formed, else an rpc_result.
 */
u32 sim_rm_control(struct sim_gpu *sim, void *payload, u32 len)
{
	struct nvgsp_rpc_rm_control *rpc = payload;
	struct sim_rm_client *client;
	struct sim_rm_object *obj;
	u32 status;

	if (len < sizeof(*rpc) || rpc->params_size != len - sizeof(*rpc)) {
		dev_warn(sim_dev(sim), "RM_CONTROL: malformed (%u bytes)\n",
			 len);
		return NV_VGPU_MSG_RESULT_RPC_INVALID_MESSAGE_FORMAT;
	}

	client = sim_rm_client(sim, rpc->h_client);
	if (!client) {
		status = NV_ERR_INVALID_CLIENT;
		goto out;
	}
	obj = sim_rm_object(client, rpc->h_object);
	if (!obj) {
		status = NV_ERR_INVALID_OBJECT_HANDLE;
		goto out;
	}
	switch (obj->h_class) {
	case NV20_SUBDEVICE_0:
		if (NV_RM_CTRL_CMD_CLASS(rpc->cmd) != obj->h_class) {
			status = NV_ERR_NOT_SUPPORTED;
			break;
		}
		status = sim_rm_subdevice_control(sim, client->internal,
						  rpc->cmd, rpc->params,
						  rpc->params_size);
		break;
	case AMPERE_CHANNEL_GPFIFO_A:
		status = sim_rm_channel_control(sim, obj, rpc->cmd,
						rpc->params, rpc->params_size);
		break;
	default:
		status = NV_ERR_NOT_SUPPORTED;
		break;
	}
out:
	if (status != NV_OK)
		dev_warn(sim_dev(sim),
			 "RM_CONTROL %#x on %#x of client %#x: status %#x\n",
			 rpc->cmd, rpc->h_object, rpc->h_client, status);
	rpc->status = status;
	return NV_OK;
}
EXPORT_SYMBOL_IF_KUNIT(sim_rm_control);

/**
 * sim_rm_static_info() - fill GspStaticConfigInfo in the release's layout
 * @sim: the GPU
 * @buf: zeroed buffer of sim->abi->static_info_size bytes
 *
 * FB: one region the host may use below the firmware's reserved top, and
 * the reserved top as a protected region the host must leave alone.
 */
void sim_rm_static_info(struct sim_gpu *sim, void *buf)
{
	struct nv2080_fb_region_info_params *fb =
		buf + sim->abi->static_info_fb_regions;
	struct nvgsp_internal_handles *h = buf + sim->abi->static_info_handles;

	fb->num_fb_regions = 2;
	fb->regions[0].base = 0;
	fb->regions[0].limit = sim->fb_usable - 1;
	fb->regions[0].performance = 100;
	fb->regions[0].support_compressed = 1;
	fb->regions[0].support_iso = 1;
	fb->regions[1].base = sim->fb_usable;
	fb->regions[1].limit = sim->fb_size - 1;
	fb->regions[1].reserved = sim->fb_size - sim->fb_usable;
	fb->regions[1].protected = 1;
	*h = sim->gsp.internal;
}

// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: the firmware emulator's RM object server (sim/sim_gsp_rm.c):
 * clients, devices and subdevices, their handle and parent rules, FREE of
 * subtrees, DUP_OBJECT, and the controls the transport relies on (the
 * echo, GPU_GET_VMMU_SEGMENT_SIZE, the internal-only vGPU-manager ones).
 *
 * Copyright (c) 2026 The nvvgpu developers
 */
#include <kunit/test.h>
#include <linux/platform_device.h>
#include <linux/sizes.h>
#include <linux/slab.h>

#include <nvvgpu/abi/gsp_rm.h>
#include <nvvgpu/abi/gsp_rpc.h>

#include "../sim/sim.h"

#define CLIENT		(NV_RS_CLIENT_HANDLE_BASE | 7)
#define DEVICE		NVVGPU_RM_HANDLE_DEVICE
#define SUBDEVICE	NVVGPU_RM_HANDLE_SUBDEVICE
#define PLUGIN_CLEANUP	NV2080_CTRL_CMD_VGPU_MGR_INTERNAL_VGPU_PLUGIN_CLEANUP

static void sim_rm_test_pdev_put(void *pdev)
{
	platform_device_unregister(pdev);
}

static void sim_rm_test_fini(void *sim)
{
	sim_rm_fini(sim);
}

/* an emulator of release @version with what its RM server uses */
static struct sim_gpu *sim_rm_test_gpu_of(struct kunit *test,
					  const char *version)
{
	struct sim_gpu *sim = kunit_kzalloc(test, sizeof(*sim), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, sim);
	sim->pdev = platform_device_register_simple("nvvgpu_sim_kunit",
						    PLATFORM_DEVID_AUTO, NULL, 0);
	KUNIT_ASSERT_FALSE(test, IS_ERR(sim->pdev));
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test, sim_rm_test_pdev_put,
							sim->pdev), 0);
	sim->dev = &sim->pdev->dev;
	strscpy(sim->fw_version, version, sizeof(sim->fw_version));
	sim->abi = nvgsp_fw_abi_find(version);
	KUNIT_ASSERT_NOT_NULL(test, sim->abi);
	xa_init(&sim->gsp.clients);
	KUNIT_ASSERT_EQ(test, sim_rm_init(sim), 0);
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test, sim_rm_test_fini,
							sim), 0);
	return sim;
}

static struct sim_gpu *sim_rm_test_gpu(struct kunit *test)
{
	return sim_rm_test_gpu_of(test, "535.113.01");
}

/* GSP_RM_ALLOC; the inner status, or the rpc_result if that failed */
static u32 sim_rm_test_alloc(struct kunit *test, struct sim_gpu *sim,
			     u32 client, u32 parent, u32 object, u32 class,
			     const void *params, u32 size)
{
	struct nvgsp_rpc_rm_alloc *rpc;
	u32 len = sizeof(*rpc) + size, ret;

	rpc = kunit_kzalloc(test, len, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, rpc);
	rpc->h_client = client;
	rpc->h_parent = parent;
	rpc->h_object = object;
	rpc->h_class = class;
	rpc->params_size = size;
	memcpy(rpc->params, params, size);
	ret = sim_rm_alloc(sim, rpc, len);
	return ret ?: rpc->status;
}

static u32 sim_rm_test_client(struct kunit *test, struct sim_gpu *sim, u32 h)
{
	struct nv0000_alloc_params p = { .h_client = h, .process_id = ~0u };

	return sim_rm_test_alloc(test, sim, h, h, h, NV01_ROOT, &p,
				 sim->abi->nv0000_alloc_size);
}

/* our client with its device and subdevice, as the transport makes them */
static void sim_rm_test_tree(struct kunit *test, struct sim_gpu *sim)
{
	struct nv0080_alloc_params dev = { .h_client_share = CLIENT };
	struct nv2080_alloc_params sub = {};

	KUNIT_ASSERT_EQ(test, sim_rm_test_client(test, sim, CLIENT), NV_OK);
	KUNIT_ASSERT_EQ(test, sim_rm_test_alloc(test, sim, CLIENT, CLIENT, DEVICE,
						NV01_DEVICE_0, &dev, sizeof(dev)),
			NV_OK);
	KUNIT_ASSERT_EQ(test, sim_rm_test_alloc(test, sim, CLIENT, DEVICE,
						SUBDEVICE, NV20_SUBDEVICE_0,
						&sub, sizeof(sub)),
			NV_OK);
}

static u32 sim_rm_test_control(struct kunit *test, struct sim_gpu *sim,
			       u32 client, u32 object, u32 cmd, void *params,
			       u32 size)
{
	struct nvgsp_rpc_rm_control *rpc;
	u32 len = sizeof(*rpc) + size, ret;

	rpc = kunit_kzalloc(test, len, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, rpc);
	rpc->h_client = client;
	rpc->h_object = object;
	rpc->cmd = cmd;
	rpc->params_size = size;
	memcpy(rpc->params, params, size);
	ret = sim_rm_control(sim, rpc, len);
	memcpy(params, rpc->params, size);
	return ret ?: rpc->status;
}

static u32 sim_rm_test_free(struct sim_gpu *sim, u32 client, u32 object)
{
	struct nvgsp_rpc_free rpc = { .h_root = client, .h_object_old = object };
	u32 ret = sim_rm_free(sim, &rpc, sizeof(rpc));

	return ret ?: rpc.status;
}

static u32 sim_rm_test_do_dup(struct sim_gpu *sim, u32 parent, u32 object,
			      u32 client_src, u32 object_src)
{
	struct nvgsp_rpc_dup_object rpc = {
		.h_client = CLIENT,
		.h_parent = parent,
		.h_object = object,
		.h_client_src = client_src,
		.h_object_src = object_src,
	};
	u32 ret = sim_rm_dup(sim, &rpc, sizeof(rpc));

	return ret ?: rpc.status;
}

static void sim_rm_test_alloc_rules(struct kunit *test)
{
	struct sim_gpu *sim = sim_rm_test_gpu(test);
	struct nv0080_alloc_params dev = {};
	struct nv2080_alloc_params sub = {};
	struct nv0000_alloc_params cl = {};

	KUNIT_EXPECT_EQ(test, sim_rm_test_client(test, sim, CLIENT), NV_OK);
	KUNIT_EXPECT_EQ(test, sim_rm_test_client(test, sim, CLIENT),
			NV_ERR_INSERT_DUPLICATE_NAME);
	/* client handles live in RM's client range */
	KUNIT_EXPECT_EQ(test, sim_rm_test_client(test, sim, 0x1234),
			NV_ERR_INVALID_OBJECT_NEW);
	cl.h_client = CLIENT + 1;
	KUNIT_EXPECT_EQ(test, sim_rm_test_alloc(test, sim, CLIENT + 1, CLIENT,
						CLIENT + 1, NV01_ROOT, &cl,
						sim->abi->nv0000_alloc_size),
			NV_ERR_INVALID_OBJECT_PARENT);
	KUNIT_EXPECT_EQ(test, sim_rm_test_alloc(test, sim, CLIENT + 1, CLIENT + 1,
						CLIENT + 1, NV01_ROOT, &cl, 4),
			NV_ERR_INVALID_PARAM_STRUCT);

	/* a subdevice needs a device, a device a client */
	KUNIT_EXPECT_EQ(test, sim_rm_test_alloc(test, sim, CLIENT, CLIENT,
						SUBDEVICE, NV20_SUBDEVICE_0,
						&sub, sizeof(sub)),
			NV_ERR_INVALID_OBJECT_PARENT);
	KUNIT_EXPECT_EQ(test, sim_rm_test_alloc(test, sim, CLIENT, CLIENT, DEVICE,
						NV01_DEVICE_0, &dev, sizeof(dev)),
			NV_OK);
	KUNIT_EXPECT_EQ(test, sim_rm_test_alloc(test, sim, CLIENT, DEVICE, DEVICE,
						NV01_DEVICE_0, &dev, sizeof(dev)),
			NV_ERR_INVALID_OBJECT_PARENT);
	KUNIT_EXPECT_EQ(test, sim_rm_test_alloc(test, sim, CLIENT, DEVICE,
						SUBDEVICE, NV20_SUBDEVICE_0,
						&sub, sizeof(sub)),
			NV_OK);
	KUNIT_EXPECT_EQ(test, sim_rm_test_alloc(test, sim, CLIENT, DEVICE,
						SUBDEVICE, NV20_SUBDEVICE_0,
						&sub, sizeof(sub)),
			NV_ERR_INSERT_DUPLICATE_NAME);
	KUNIT_EXPECT_EQ(test, sim_rm_test_alloc(test, sim, CLIENT, DEVICE,
						0x1111, 0x506f, &sub, sizeof(sub)),
			NV_ERR_INVALID_CLASS);
	KUNIT_EXPECT_EQ(test, sim_rm_test_alloc(test, sim, CLIENT + 2, DEVICE,
						0x1111, NV20_SUBDEVICE_0, &sub,
						sizeof(sub)),
			NV_ERR_INVALID_CLIENT);
	/* a params size that disagrees with the message is malformed */
	KUNIT_EXPECT_EQ(test, sim_rm_alloc(sim, &sub, sizeof(sub)),
			NV_VGPU_MSG_RESULT_RPC_INVALID_MESSAGE_FORMAT);
}

static void sim_rm_test_controls(struct kunit *test)
{
	struct sim_gpu *sim = sim_rm_test_gpu(test);
	struct nv2080_ctrl_gpu_get_vmmu_segment_size_params vmmu = {};
	struct nv2080_vgpu_gfid_params gfid = { .gfid = 1 };
	struct nvvgpu_emu_echo_params *echo;
	const u32 n = 100;
	u32 i;

	sim_rm_test_tree(test, sim);
	KUNIT_EXPECT_EQ(test, sim_rm_test_control(test, sim, CLIENT, SUBDEVICE,
						  NV2080_CTRL_CMD_GPU_GET_VMMU_SEGMENT_SIZE,
						  &vmmu, sizeof(vmmu)),
			NV_OK);
	KUNIT_EXPECT_EQ(test, vmmu.vmmu_segment_size, SIM_VMMU_SEGMENT_SIZE);
	/* the vGPU manager's controls are GSP-RM's own client's */
	KUNIT_EXPECT_EQ(test, sim_rm_test_control(test, sim, CLIENT, SUBDEVICE,
						  PLUGIN_CLEANUP, &gfid,
						  sizeof(gfid)),
			NV_ERR_INSUFFICIENT_PERMISSIONS);
	/* a device control sent to a subdevice */
	KUNIT_EXPECT_EQ(test, sim_rm_test_control(test, sim, CLIENT, SUBDEVICE,
						  0x00800101, &gfid, sizeof(gfid)),
			NV_ERR_NOT_SUPPORTED);
	KUNIT_EXPECT_EQ(test, sim_rm_test_control(test, sim, CLIENT, 0x4242,
						  NVVGPU_EMU_CTRL_CMD_ECHO, &gfid,
						  sizeof(gfid)),
			NV_ERR_INVALID_OBJECT_HANDLE);

	echo = kunit_kzalloc(test, sizeof(*echo) + n, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, echo);
	echo->cookie = 0x0123456789abcdefULL;
	echo->flags = NVVGPU_EMU_ECHO_INVERT;
	echo->size = n;
	for (i = 0; i < n; i++)
		echo->data[i] = i;
	KUNIT_EXPECT_EQ(test, sim_rm_test_control(test, sim, CLIENT, SUBDEVICE,
						  NVVGPU_EMU_CTRL_CMD_ECHO, echo,
						  sizeof(*echo) + n),
			NV_OK);
	KUNIT_EXPECT_EQ(test, echo->cookie, ~0x0123456789abcdefULL);
	for (i = 0; i < n; i++)
		KUNIT_EXPECT_EQ(test, echo->data[i], (u8)~i);
	/* the echo's size must be the params' */
	echo->size = n + 1;
	KUNIT_EXPECT_EQ(test, sim_rm_test_control(test, sim, CLIENT, SUBDEVICE,
						  NVVGPU_EMU_CTRL_CMD_ECHO, echo,
						  sizeof(*echo) + n),
			NV_ERR_INVALID_PARAM_STRUCT);
	echo->size = n;
	echo->flags = 0x80;
	KUNIT_EXPECT_EQ(test, sim_rm_test_control(test, sim, CLIENT, SUBDEVICE,
						  NVVGPU_EMU_CTRL_CMD_ECHO, echo,
						  sizeof(*echo) + n),
			NV_ERR_INVALID_PARAM_STRUCT);
}

static void sim_rm_test_dup(struct kunit *test)
{
	struct sim_gpu *sim = sim_rm_test_gpu(test);
	const struct nvgsp_internal_handles *in = &sim->gsp.internal;
	struct nvvgpu_emu_echo_params echo = { .cookie = 5 };
	const u32 dup = NVVGPU_RM_HANDLE_DYN_BASE;

	sim_rm_test_tree(test, sim);
	/* the internal subdevice, under our device */
	KUNIT_EXPECT_EQ(test, sim_rm_test_do_dup(sim, DEVICE, dup, in->client,
						 in->subdevice), NV_OK);
	KUNIT_EXPECT_EQ(test, sim_rm_test_control(test, sim, CLIENT, dup,
						  NVVGPU_EMU_CTRL_CMD_ECHO, &echo,
						  sizeof(echo)),
			NV_OK);
	KUNIT_EXPECT_EQ(test, echo.cookie, ~5ULL);
	KUNIT_EXPECT_EQ(test, sim_rm_test_do_dup(sim, DEVICE, dup, in->client,
						 in->subdevice),
			NV_ERR_INSERT_DUPLICATE_NAME);
	/* a subdevice belongs under a device, not a client */
	KUNIT_EXPECT_EQ(test, sim_rm_test_do_dup(sim, CLIENT, dup + 1, in->client,
						 in->subdevice),
			NV_ERR_INVALID_OBJECT_PARENT);
	/* clients are not duplicated; unknown objects neither */
	KUNIT_EXPECT_EQ(test, sim_rm_test_do_dup(sim, CLIENT, dup + 1, in->client,
						 in->client),
			NV_ERR_INVALID_OBJECT_HANDLE);
	KUNIT_EXPECT_EQ(test, sim_rm_test_do_dup(sim, DEVICE, dup + 1, in->client,
						 0x4242),
			NV_ERR_INVALID_OBJECT_HANDLE);
	KUNIT_EXPECT_EQ(test, sim_rm_test_do_dup(sim, DEVICE, dup + 1, CLIENT + 9,
						 in->subdevice),
			NV_ERR_INVALID_CLIENT);
	/* freeing the duplicate leaves the original */
	KUNIT_EXPECT_EQ(test, sim_rm_test_free(sim, CLIENT, dup), NV_OK);
	KUNIT_EXPECT_EQ(test, sim_rm_test_control(test, sim, in->client,
						  in->subdevice,
						  NVVGPU_EMU_CTRL_CMD_ECHO, &echo,
						  sizeof(echo)),
			NV_OK);
}

static void sim_rm_test_free_rules(struct kunit *test)
{
	struct sim_gpu *sim = sim_rm_test_gpu(test);
	struct nvvgpu_emu_echo_params echo = {};
	struct nvgsp_rpc_free bad = {};

	sim_rm_test_tree(test, sim);
	KUNIT_EXPECT_EQ(test, sim->gsp.num_clients, 2);
	/* the internal client is GSP-RM's */
	KUNIT_EXPECT_EQ(test, sim_rm_test_free(sim, sim->gsp.internal.client,
					       sim->gsp.internal.client),
			NV_ERR_INSUFFICIENT_PERMISSIONS);
	KUNIT_EXPECT_EQ(test, sim_rm_test_free(sim, CLIENT, 0x4242),
			NV_ERR_INVALID_OBJECT_HANDLE);
	/* a device goes with its subdevice */
	KUNIT_EXPECT_EQ(test, sim_rm_test_free(sim, CLIENT, DEVICE), NV_OK);
	KUNIT_EXPECT_EQ(test, sim_rm_test_control(test, sim, CLIENT, SUBDEVICE,
						  NVVGPU_EMU_CTRL_CMD_ECHO, &echo,
						  sizeof(echo)),
			NV_ERR_INVALID_OBJECT_HANDLE);
	KUNIT_EXPECT_EQ(test, sim_rm_test_free(sim, CLIENT, CLIENT), NV_OK);
	KUNIT_EXPECT_EQ(test, sim->gsp.num_clients, 1);
	KUNIT_EXPECT_EQ(test, sim_rm_test_free(sim, CLIENT, CLIENT),
			NV_ERR_INVALID_CLIENT);
	KUNIT_EXPECT_EQ(test, sim_rm_free(sim, &bad, sizeof(bad) - 1),
			NV_VGPU_MSG_RESULT_RPC_INVALID_MESSAGE_FORMAT);
}

/*
 * The emulator of release @mine is sent the other release's layouts (as
 * a driver with the wrong version table would) and refuses each.
 */
#define BOOTLOAD NV2080_CTRL_CMD_VGPU_MGR_INTERNAL_BOOTLOAD_GSP_VGPU_PLUGIN_TASK

#define ADD_TYPE NV2080_CTRL_CMD_VGPU_MGR_INTERNAL_PGPU_ADD_VGPU_TYPE

/* one type, laid out by the release table @abi's encoder */
static void *sim_rm_test_add_types(struct kunit *test,
				   const struct nvgsp_fw_abi *abi,
				   const struct nvvgpu_vgpu_type *t)
{
	u8 *p = kunit_kzalloc(test, abi->add_types_size, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, p);
	p[0] = 1;
	((u32 *)p)[1] = 1;
	abi->vgpu_info_write(p + 8, t, 0x26b9);
	return p;
}

/* PGPU_ADD_VGPU_TYPE: the other release's layout is refused, ours taken */
static void sim_rm_test_foreign_types(struct kunit *test, struct sim_gpu *sim,
				      const struct nvgsp_fw_abi *other)
{
	const struct nvgsp_internal_handles *h = &sim->gsp.internal;
	const struct nvvgpu_vgpu_type t = {
		.id = 941, .name = "NVIDIA L40S-1Q", .class = "Quadro",
		.fb_size = SZ_1G, .heap_size = SZ_64M, .bar1_size = SZ_256M,
		.max_instances = 4, .num_channels = 64,
		.device_id = 0x26b9, .subsystem_id = 0x1481,
	};
	u32 size;
	void *p;

	KUNIT_ASSERT_NE(test, other->add_types_size, sim->abi->add_types_size);
	p = sim_rm_test_add_types(test, other, &t);
	KUNIT_EXPECT_EQ(test, sim_rm_test_control(test, sim, h->client,
						  h->subdevice, ADD_TYPE, p,
						  other->add_types_size),
			NV_ERR_INVALID_PARAM_STRUCT);
	KUNIT_EXPECT_EQ(test, sim->gsp.num_types, 0);

	p = sim_rm_test_add_types(test, sim->abi, &t);
	KUNIT_EXPECT_EQ(test, sim_rm_test_control(test, sim, h->client,
						  h->subdevice, ADD_TYPE, p,
						  sim->abi->add_types_size),
			NV_OK);
	KUNIT_ASSERT_EQ(test, sim->gsp.num_types, 1);
	KUNIT_EXPECT_EQ(test, sim->gsp.types[0].id, t.id);
	KUNIT_EXPECT_STREQ(test, sim->gsp.types[0].name, t.name);
	KUNIT_EXPECT_EQ(test, sim->gsp.types[0].fb_size, t.fb_size);
	KUNIT_EXPECT_EQ(test, sim->gsp.types[0].heap_size, t.heap_size);
	KUNIT_EXPECT_EQ(test, sim->gsp.types[0].max_instances,
			t.max_instances);
	KUNIT_EXPECT_EQ(test, sim->gsp.types[0].subsystem_id, t.subsystem_id);

	/* engines: the list is as long as the release says */
	size = NV2080_GPU_GET_ENGINES_V2_SIZE(other->engines_list_size);
	p = kunit_kzalloc(test, size, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, p);
	KUNIT_EXPECT_EQ(test, sim_rm_test_control(test, sim, h->client,
						  h->subdevice,
						  NV2080_CTRL_CMD_GPU_GET_ENGINES_V2,
						  p, size),
			NV_ERR_INVALID_PARAM_STRUCT);
}

/*
 * GspSystemInfo laid out by the other release is read wrong by this one:
 * nvDomainBusDeviceFunc sits elsewhere, so the board is not recognised.
 */
static void sim_rm_test_foreign_sysinfo(struct kunit *test,
					struct sim_gpu *sim,
					const struct nvgsp_fw_abi *other)
{
	struct nvvgpu_system_info board;
	struct sim_sysinfo si = {};
	size_t size = max(other->sysinfo_size, sim->abi->sysinfo_size);
	void *buf = kunit_kzalloc(test, size, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, buf);
	sim_board_system_info(sim, &board);
	other->sysinfo_write(buf, &board, 0x7ffffffff000ULL);
	KUNIT_ASSERT_TRUE(test, sim_fwif_sysinfo_decode(sim, buf, &si));
	KUNIT_EXPECT_EQ(test, si.bar0_addr, board.bar0_addr);
	KUNIT_EXPECT_NE(test, si.bdf, NVGSP_SYSINFO_BDF(board.pci_domain,
							board.pci_bus,
							board.pci_devfn));

	memset(buf, 0, size);
	sim->abi->sysinfo_write(buf, &board, 0x7ffffffff000ULL);
	KUNIT_ASSERT_TRUE(test, sim_fwif_sysinfo_decode(sim, buf, &si));
	KUNIT_EXPECT_EQ(test, si.bdf, NVGSP_SYSINFO_BDF(board.pci_domain,
							board.pci_bus,
							board.pci_devfn));
	KUNIT_EXPECT_EQ(test, si.fb_bar_addr, board.fb_bar_addr);
}

static void sim_rm_test_foreign_layout(struct kunit *test, const char *mine,
				       const char *other)
{
	struct sim_gpu *sim = sim_rm_test_gpu_of(test, mine);
	const struct nvgsp_fw_abi *abi = nvgsp_fw_abi_find(other);
	struct nv0000_alloc_params cl = { .h_client = CLIENT, .process_id = ~0u };
	const struct nvgsp_internal_handles *h = &sim->gsp.internal;
	void *boot;

	KUNIT_ASSERT_NOT_NULL(test, abi);
	KUNIT_ASSERT_NE(test, abi->nv0000_alloc_size,
			sim->abi->nv0000_alloc_size);
	KUNIT_EXPECT_EQ(test, sim_rm_test_alloc(test, sim, CLIENT, CLIENT, CLIENT,
						NV01_ROOT, &cl,
						abi->nv0000_alloc_size),
			NV_ERR_INVALID_PARAM_STRUCT);
	KUNIT_EXPECT_EQ(test, sim_rm_test_alloc(test, sim, CLIENT, CLIENT, CLIENT,
						NV01_ROOT, &cl,
						sim->abi->nv0000_alloc_size),
			NV_OK);

	/* a bootload the other release's encoder laid out */
	boot = kunit_kzalloc(test, abi->bootload_size, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, boot);
	abi->bootload_write(boot, &(struct nvgsp_vgpu_bootload){
		.gfid = 1, .vgpu_type = 941, .num_channels = 1,
		.engine_mask = sim->engine_mask, .num_guest_fb_segments = 1,
	});
	KUNIT_EXPECT_EQ(test, sim_rm_test_control(test, sim, h->client,
						  h->subdevice, BOOTLOAD, boot,
						  abi->bootload_size),
			NV_ERR_INVALID_PARAM_STRUCT);
	KUNIT_EXPECT_EQ(test, sim->vgpus[0].state, SIM_VGPU_FREE);

	sim_rm_test_foreign_types(test, sim, abi);
	sim_rm_test_foreign_sysinfo(test, sim, abi);
}

static void sim_rm_test_r535_refuses_r570(struct kunit *test)
{
	sim_rm_test_foreign_layout(test, "535.113.01", "570.144");
}

static void sim_rm_test_r570_refuses_r535(struct kunit *test)
{
	sim_rm_test_foreign_layout(test, "570.144", "535.113.01");
}

static struct kunit_case sim_rm_test_cases[] = {
	KUNIT_CASE(sim_rm_test_r535_refuses_r570),
	KUNIT_CASE(sim_rm_test_r570_refuses_r535),
	KUNIT_CASE(sim_rm_test_alloc_rules),
	KUNIT_CASE(sim_rm_test_controls),
	KUNIT_CASE(sim_rm_test_dup),
	KUNIT_CASE(sim_rm_test_free_rules),
	{}
};

static struct kunit_suite sim_rm_test_suite = {
	.name = "nvvgpu_sim_rm",
	.test_cases = sim_rm_test_cases,
};

kunit_test_suite(sim_rm_test_suite);

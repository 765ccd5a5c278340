// SPDX-License-Identifier: GPL-2.0
/*
 * nvvgpu_gsp: the GSP-RM firmware transport provider.
 *
 * Copyright (c) 2026 The nvvgpu developers
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/workqueue.h>

#include <nvvgpu/abi/gsp_regs.h>
#include <nvvgpu/abi/gsp_rm.h>
#include <nvvgpu/core.h>

#include "gsp.h"
#include "gsp_test.h"

static struct nvvgpu_gsp *gsp_from_pgpu(struct nvvgpu_pgpu *pgpu)
{
	return nvvgpu_provider_priv(pgpu, NVVGPU_PROVIDER_TRANSPORT);
}

static void gsp_free(struct nvvgpu_gsp *gsp)
{
	cancel_work_sync(&gsp->recv_work);
	cancel_work_sync(&gsp->fatal_work);
	gsp_event_fini(gsp);
	gsp_mem_free_all(gsp);
	gsp_msgq_fini(gsp);
	ida_destroy(&gsp->handle_ida);
	ida_destroy(&gsp->client_ida);
	gsp_rpc_fini(gsp);
	kfree(gsp);
}

/* HALT interrupt: read the fatal report */
static void gsp_fatal_work(struct work_struct *work)
{
	struct nvvgpu_gsp *gsp = container_of(work, struct nvvgpu_gsp,
					      fatal_work);

	/* a reset is under way: the halt is the one it caused */
	if (READ_ONCE(gsp->resetting))
		return;
	if (gsp_health_check(gsp)) {
		dev_err(gsp->dev, "GSP-RM halted without a fatal report\n");
		if (!xchg(&gsp->dead, true))
			nvvgpu_pgpu_set_lost(gsp->pgpu, "GSP firmware halted");
		gsp_rpc_kick(gsp);
	}
}

static int gsp_attach(struct nvvgpu_pgpu *pgpu, void **priv)
{
	struct nvvgpu_gsp *gsp;
	int ret;

	gsp = kzalloc(sizeof(*gsp), GFP_KERNEL);
	if (!gsp)
		return -ENOMEM;
	gsp->pgpu = pgpu;
	gsp->dev = nvvgpu_pgpu_dev(pgpu);
	init_rwsem(&gsp->reset_sem);
	gsp_rpc_init(gsp);
	ida_init(&gsp->client_ida);
	ida_init(&gsp->handle_ida);
	INIT_WORK(&gsp->fatal_work, gsp_fatal_work);
	ret = gsp_event_init(gsp);
	if (ret)
		goto err;

	gsp->abi = gsp_fwif_select(gsp, nvvgpu_pgpu_fw_version(pgpu));
	if (!gsp->abi) {
		ret = -EOPNOTSUPP;
		goto err;
	}

	ret = gsp_boot_mem_init(gsp);
	if (ret)
		goto err;
	ret = gsp_boot_start(gsp);
	if (ret)
		goto err;

	ret = gsp_rm_client_alloc(gsp);
	if (ret) {
		dev_err(gsp->dev, "could not allocate the RM client: %pe\n", ERR_PTR(ret));
		goto err_unload;
	}

	gsp_debugfs_add(gsp);
	gsp_test_hooks_attach(gsp);
	*priv = gsp;
	return 0;

err_unload:
	gsp_unload(gsp);
err:
	gsp_free(gsp);
	return ret;
}

static void gsp_detach(struct nvvgpu_pgpu *pgpu, void *priv)
{
	struct nvvgpu_gsp *gsp = priv;

	/*
	 * Removing the debugfs files waits for their handlers; a reset, which
	 * needs the pgpu lock we are called with, backs off (DOC: reset).
	 */
	gsp_test_hooks_detach(gsp);
	gsp_debugfs_remove(gsp);
	gsp_rm_client_free(gsp);
	gsp_unload(gsp);
	gsp_free(gsp);
}

/*
 * The core's ops are users of the transport: they hold the reset lock for
 * reading, so a reset never runs under them (they wait for it instead).
 */
static int gsp_read_info_op(struct nvvgpu_pgpu *pgpu,
			    struct nvvgpu_pgpu_info *info)
{
	struct nvvgpu_gsp *gsp = gsp_from_pgpu(pgpu);
	int ret;

	down_read(&gsp->reset_sem);
	ret = gsp_read_info(gsp, info);
	up_read(&gsp->reset_sem);
	return ret;
}

/* may run in atomic context: acknowledge and defer */
static void gsp_irq(struct nvvgpu_pgpu *pgpu)
{
	struct nvvgpu_gsp *gsp = gsp_from_pgpu(pgpu);
	u32 stat, ack;

	if (!gsp)
		return;
	stat = nvvgpu_pgpu_rd32(pgpu, NV_PFALCON_FALCON_IRQSTAT);
	ack = stat & (NV_PFALCON_FALCON_IRQSTAT_SWGEN0 |
		      NV_PFALCON_FALCON_IRQSTAT_HALT);
	if (!ack)
		return;
	/* edge-triggered: clear before draining so no message is missed */
	nvvgpu_pgpu_wr32(pgpu, NV_PFALCON_FALCON_IRQSCLR, ack);
	if (stat & NV_PFALCON_FALCON_IRQSTAT_SWGEN0)
		gsp_rpc_irq(gsp, false);
	if (stat & NV_PFALCON_FALCON_IRQSTAT_HALT) {
		gsp_rpc_irq(gsp, true);
		schedule_work(&gsp->fatal_work);
	}
}

static int gsp_vgpu_bootload_op(struct nvvgpu_vgpu *vgpu)
{
	struct nvvgpu_gsp *gsp = gsp_from_pgpu(vgpu->pgpu);
	int ret;

	down_read(&gsp->reset_sem);
	ret = gsp_vgpu_bootload(gsp, vgpu);
	up_read(&gsp->reset_sem);
	return ret;
}

static void gsp_vgpu_shutdown_op(struct nvvgpu_vgpu *vgpu)
{
	struct nvvgpu_gsp *gsp = gsp_from_pgpu(vgpu->pgpu);

	down_read(&gsp->reset_sem);
	gsp_vgpu_shutdown(gsp, vgpu);
	up_read(&gsp->reset_sem);
}

static int gsp_host_channel_alloc_op(struct nvvgpu_pgpu *pgpu,
				     struct nvvgpu_host_channel *ch)
{
	struct nvvgpu_gsp *gsp = gsp_from_pgpu(pgpu);
	int ret;

	down_read(&gsp->reset_sem);
	ret = gsp_host_channel_alloc(gsp, ch);
	up_read(&gsp->reset_sem);
	return ret;
}

static void gsp_host_channel_free_op(struct nvvgpu_pgpu *pgpu,
				     struct nvvgpu_host_channel *ch)
{
	struct nvvgpu_gsp *gsp = gsp_from_pgpu(pgpu);

	down_read(&gsp->reset_sem);
	gsp_host_channel_free(gsp, ch);
	up_read(&gsp->reset_sem);
}

/* a control on our client's subdevice, for a provider above the transport */
static int gsp_subdevice_control_op(struct nvvgpu_pgpu *pgpu, u32 cmd,
				    void *params, u32 size)
{
	struct nvvgpu_gsp *gsp = gsp_from_pgpu(pgpu);
	int ret = -ENODEV;

	down_read(&gsp->reset_sem);
	if (gsp->h_client && gsp->has_device)
		ret = gsp_rm_control(gsp, gsp->h_client,
				     NVVGPU_RM_HANDLE_SUBDEVICE, cmd, params,
				     size);
	up_read(&gsp->reset_sem);
	return ret;
}

/*
 * The GSP-RM transport registered with the core: attach boots GSP-RM on
 * the pgpu (firmware release from the backend), read_info reads its static
 * information and vGPU types, irq defers status-queue work, the vgpu_*
 * ops drive the plugin task, the host_channel_* ops make the host's
 * channels as RM objects of our client, and subdevice_control runs a
 * control on its subdevice for a provider above (a firmware-run
 * scheduler).
 */
static const struct nvvgpu_transport_ops gsp_transport_ops = {
	.base = {
		.version = NVVGPU_TRANSPORT_OPS_VERSION,
		.name = "gsp",
		.owner = THIS_MODULE,
		.attach = gsp_attach,
		.detach = gsp_detach,
	},
	.read_info = gsp_read_info_op,
	.irq = gsp_irq,
	.vgpu_bootload = gsp_vgpu_bootload_op,
	.vgpu_shutdown = gsp_vgpu_shutdown_op,
	.host_channel_alloc = gsp_host_channel_alloc_op,
	.host_channel_free = gsp_host_channel_free_op,
	.subdevice_control = gsp_subdevice_control_op,
};

module_nvvgpu_transport(gsp_transport_ops);

MODULE_DESCRIPTION("nvvgpu GSP-RM firmware transport");
MODULE_LICENSE("GPL");
MODULE_IMPORT_NS(NVVGPU);

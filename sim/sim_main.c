// SPDX-License-Identifier: GPL-2.0
/*
 * nvvgpu_sim: a simulated NVIDIA GPU with a GSP firmware emulator, the
 * hardware backend nvvgpu runs and is tested on without NVIDIA hardware.
 *
 * Copyright (c) 2026 The nvvgpu developers
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/platform_device.h>
#include <linux/slab.h>
#include <linux/sizes.h>
#include <linux/string.h>

#include <nvvgpu/core.h>

#include "sim.h"

#define SIM_MAX_GPUS		8
#define SIM_FB_MIN_MB		256
#define SIM_FB_MAX_MB		65536

static unsigned int num_gpus = 1;
module_param(num_gpus, uint, 0444);
MODULE_PARM_DESC(num_gpus, "Number of simulated GPUs (1..8, default 1)");

static unsigned int fb_size_mb = SIM_FB_DEFAULT_MB;
module_param(fb_size_mb, uint, 0444);
MODULE_PARM_DESC(fb_size_mb,
		 "Framebuffer of each simulated GPU in MiB (256..65536, default 49152, the L40S's)");

static char *vgpu_types_file = SIM_TYPES_FILE;
module_param(vgpu_types_file, charp, 0444);
MODULE_PARM_DESC(vgpu_types_file,
		 "Firmware file with the board's vGPU types (default " SIM_TYPES_FILE ")");

static char *fw_version = "535.113.01";
module_param(fw_version, charp, 0444);
MODULE_PARM_DESC(fw_version,
		 "GSP firmware release the GPUs emulate (default 535.113.01)");

static const struct nvvgpu_backend_ops sim_backend_ops = {
	.version = NVVGPU_BACKEND_OPS_VERSION,
	.name = "sim",
	.rd32 = sim_rd32,
	.wr32 = sim_wr32,
	.dma_alloc = sim_dma_alloc,
	.dma_free = sim_dma_free,
	.fb_page = sim_fb_page,
	.fb_pfn = sim_fb_pfn,
	.fb_rw = sim_fb_rw,
	.fb_clear = sim_fb_clear,
	.vf_read = sim_vf_read,
	.vf_write = sim_vf_write,
	.vf_flr = sim_vf_flr,
	.set_owner = sim_set_owner,
	.has_work = sim_has_work,
	.engine_stats = sim_engine_stats,
	.set_preempt_timeout = sim_set_preempt_timeout,
	.fw_boot = sim_fw_boot,
	.system_info = sim_system_info,
	.vgpu_types = sim_vgpu_types,
};

/*
 * The GPUs, by index: the platform ones 0..num_gpus - 1 from module load to
 * unload, then those on PCI functions (sim_pci.c) while they are bound.
 */
static DEFINE_MUTEX(sim_gpus_lock);
static struct sim_gpu *sim_gpus[SIM_MAX_GPUS];	/* under sim_gpus_lock */

static void sim_gpu_free(struct sim_gpu *sim)
{
	sim_engines_fini(sim);
	sim_objsched_fini(sim);
	sim_vf_fini(sim);
	sim_gsp_fini(sim);
	sim_mem_fini(sim);
	kfree(sim);
}

/* the board and its emulator, before there is a device */
static struct sim_gpu *sim_gpu_alloc(unsigned int index)
{
	struct sim_gpu *sim;
	int ret;

	sim = kzalloc(sizeof(*sim), GFP_KERNEL);
	if (!sim)
		return ERR_PTR(-ENOMEM);

	sim->index = index;
	strscpy(sim->fw_version, fw_version, sizeof(sim->fw_version));
	/* an unknown release still boots the board; the transport refuses it */
	sim->abi = nvgsp_fw_abi_find(sim->fw_version);
	sim_board_init(sim, (u64)fb_size_mb * SZ_1M, vgpu_types_file);
	spin_lock_init(&sim->reg_lock);
	sim_mem_init(sim);
	sim_vf_init(sim);

	ret = sim_gsp_init(sim);
	if (ret)
		goto err_mem;
	ret = sim_objsched_init(sim);
	if (ret)
		goto err_gsp;
	ret = sim_engines_init(sim);
	if (ret)
		goto err_gsp;
	return sim;

err_gsp:
	sim_objsched_fini(sim);
	sim_gsp_fini(sim);
err_mem:
	sim_vf_fini(sim);
	sim_mem_fini(sim);
	kfree(sim);
	return ERR_PTR(ret);
}

/* registers the board as a pgpu on @dev */
static int sim_gpu_attach(struct sim_gpu *sim, struct device *dev)
{
	struct nvvgpu_pgpu *pgpu;
	int ret;

	sim->dev = dev;
	sim_debugfs_add(sim);

	pgpu = nvvgpu_pgpu_register(dev, &sim_backend_ops, sim->fw_version,
				    sim);
	if (IS_ERR(pgpu)) {
		ret = PTR_ERR(pgpu);
		dev_err(dev, "pgpu registration failed: %pe\n", ERR_PTR(ret));
		sim_debugfs_remove(sim);
		return ret;
	}
	WRITE_ONCE(sim->pgpu, pgpu);

	dev_info(dev, "simulated %s: %llu MiB FB, firmware %s, vGPU types from %s (gpu %u)\n",
		 SIM_BOARD_NAME, sim->fb_size >> 20, sim->fw_version,
		 sim->types_file, sim->index);
	return 0;
}

static void sim_gpu_detach(struct sim_gpu *sim)
{
	/* detaches the transport, which still talks to the emulator */
	nvvgpu_pgpu_unregister(sim->pgpu);
	sim_gsp_reset(sim);
	WRITE_ONCE(sim->pgpu, NULL);
	sim_debugfs_remove(sim);
}

/* a platform device "nvvgpu_sim.<index>" and the GPU on it */
static int sim_gpu_create(unsigned int index)
{
	struct platform_device *pdev;
	struct sim_gpu *sim;
	int ret;

	sim = sim_gpu_alloc(index);
	if (IS_ERR(sim))
		return PTR_ERR(sim);

	pdev = platform_device_register_simple("nvvgpu_sim", index, NULL, 0);
	if (IS_ERR(pdev)) {
		ret = PTR_ERR(pdev);
		pr_err("gpu %u: platform device registration failed: %pe\n",
		       index, ERR_PTR(ret));
		goto err_free;
	}
	sim->pdev = pdev;

	ret = sim_gpu_attach(sim, &pdev->dev);
	if (ret)
		goto err_pdev;

	mutex_lock(&sim_gpus_lock);
	sim_gpus[index] = sim;
	mutex_unlock(&sim_gpus_lock);
	return 0;

err_pdev:
	platform_device_unregister(pdev);
err_free:
	sim_gpu_free(sim);
	return ret;
}

/**
 * sim_gpu_add() - simulate a GPU on a device another driver core bound
 * @dev: the device, a PCI function bound to nvvgpu_sim
 *
 * The GPU takes the first free index after the platform GPUs and the
 * module parameters of those. Called from the device's probe.
 *
 * Return: the GPU, or an ERR_PTR() (-ENOSPC: SIM_MAX_GPUS exist).
 */
struct sim_gpu *sim_gpu_add(struct device *dev)
{
	struct sim_gpu *sim;
	unsigned int index;
	int ret;

	/* held across the registration: an index is taken once */
	mutex_lock(&sim_gpus_lock);
	for (index = num_gpus; index < SIM_MAX_GPUS; index++)
		if (!sim_gpus[index])
			break;
	if (index == SIM_MAX_GPUS) {
		dev_err(dev, "no room for one more simulated GPU: %u at most\n",
			SIM_MAX_GPUS);
		ret = -ENOSPC;
		goto err_unlock;
	}

	sim = sim_gpu_alloc(index);
	if (IS_ERR(sim)) {
		ret = PTR_ERR(sim);
		goto err_unlock;
	}
	ret = sim_gpu_attach(sim, dev);
	if (ret)
		goto err_free;
	sim_gpus[index] = sim;
	mutex_unlock(&sim_gpus_lock);
	return sim;

err_free:
	sim_gpu_free(sim);
err_unlock:
	mutex_unlock(&sim_gpus_lock);
	return ERR_PTR(ret);
}

/**
 * sim_gpu_remove() - remove a GPU sim_gpu_add() made
 * @sim: the GPU
 *
 * Unregisters the pgpu, which destroys its vGPUs as for a platform GPU
 * going away, then frees the board. Called from the device's remove.
 */
void sim_gpu_remove(struct sim_gpu *sim)
{
	mutex_lock(&sim_gpus_lock);
	sim_gpus[sim->index] = NULL;
	mutex_unlock(&sim_gpus_lock);

	sim_gpu_detach(sim);
	sim_gpu_free(sim);
}

/* a platform GPU goes as one on PCI does, then its device */
static void sim_gpu_destroy(struct sim_gpu *sim)
{
	struct platform_device *pdev = sim->pdev;

	sim_gpu_remove(sim);
	platform_device_unregister(pdev);
}

static int sim_check_params(void)
{
	if (num_gpus < 1 || num_gpus > SIM_MAX_GPUS) {
		pr_err("num_gpus=%u out of range 1..%u\n", num_gpus,
		       SIM_MAX_GPUS);
		return -EINVAL;
	}
	if (fb_size_mb < SIM_FB_MIN_MB || fb_size_mb > SIM_FB_MAX_MB) {
		pr_err("fb_size_mb=%u out of range %u..%u\n", fb_size_mb,
		       SIM_FB_MIN_MB, SIM_FB_MAX_MB);
		return -EINVAL;
	}
	if (!vgpu_types_file || !*vgpu_types_file) {
		pr_err("vgpu_types_file must name a firmware file\n");
		return -EINVAL;
	}
	if (!fw_version || !*fw_version ||
	    strlen(fw_version) >= NVVGPU_FW_VERSION_LEN) {
		pr_err("fw_version must be 1..%u characters\n",
		       NVVGPU_FW_VERSION_LEN - 1);
		return -EINVAL;
	}
	return 0;
}

static int __init sim_init(void)
{
	unsigned int i;
	int ret;

	ret = sim_check_params();
	if (ret)
		return ret;

	ret = sim_debugfs_init();
	if (ret)
		return ret;

	for (i = 0; i < num_gpus; i++) {
		ret = sim_gpu_create(i);
		if (ret)
			goto err;
	}

	ret = sim_pci_init();
	if (ret)
		goto err;
	return 0;

err:
	while (i--)
		sim_gpu_destroy(sim_gpus[i]);
	sim_debugfs_exit();
	return ret;
}

static void __exit sim_exit(void)
{
	unsigned int i;

	/* the GPUs on PCI functions first: unbinding removes them */
	sim_pci_exit();
	for (i = num_gpus; i--;)
		if (sim_gpus[i])
			sim_gpu_destroy(sim_gpus[i]);
	sim_debugfs_exit();
}

module_init(sim_init);
module_exit(sim_exit);

MODULE_DESCRIPTION("nvvgpu simulated NVIDIA GPU with a GSP firmware emulator");
MODULE_LICENSE("GPL");
MODULE_IMPORT_NS(NVVGPU);

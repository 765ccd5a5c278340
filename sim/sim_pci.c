// SPDX-License-Identifier: GPL-2.0
/*
 * nvvgpu_sim: a simulated GPU on a PCI function that a test binds, so that
 * the pgpu's device is a PCI device as a real GPU's is.
 *
 * Copyright (c) 2026 The nvvgpu developers
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/pci.h>

#include "sim.h"

/**
 * DOC: simulated GPU on a PCI function
 *
 * nvvgpu_sim registers the PCI driver "nvvgpu_sim" with no device id, so
 * it never binds a device by itself, on a test VM or on a host with real
 * hardware. A test hands it a PCI function (in the test VM, QEMU's
 * pci-testdev) through the driver core's driver_override::
 *
 *   echo nvvgpu_sim > /sys/bus/pci/devices/$BDF/driver_override
 *   echo $BDF > /sys/bus/pci/drivers_probe
 *
 * Probing makes one more simulated GPU, the same board with the module's
 * parameters and the first free index after the platform GPUs, whose
 * device is that PCI function: the core's pgpu, the auxiliary devices and
 * the mdev parent of nvvgpu_vfio then hang off a PCI device, where
 * management stacks such as libvirt look for mdev types. The function's
 * BARs and interrupts are not used: the registers stay the emulator's.
 * Unbinding (or unloading the module) removes the GPU as removing a
 * platform GPU does: its vGPUs are destroyed first.
 */

static int sim_pci_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct sim_gpu *sim;

	sim = sim_gpu_add(&pdev->dev);
	if (IS_ERR(sim))
		return PTR_ERR(sim);
	pci_set_drvdata(pdev, sim);
	return 0;
}

static void sim_pci_remove(struct pci_dev *pdev)
{
	sim_gpu_remove(pci_get_drvdata(pdev));
}

/* empty: only driver_override binds a device */
static const struct pci_device_id sim_pci_ids[] = {
	{ }
};

static struct pci_driver sim_pci_driver = {
	.name = "nvvgpu_sim",
	.id_table = sim_pci_ids,
	.probe = sim_pci_probe,
	.remove = sim_pci_remove,
};

int sim_pci_init(void)
{
	int ret;

	ret = pci_register_driver(&sim_pci_driver);
	if (ret)
		pr_err("PCI driver registration failed: %pe\n", ERR_PTR(ret));
	return ret;
}

void sim_pci_exit(void)
{
	pci_unregister_driver(&sim_pci_driver);
}

// SPDX-License-Identifier: GPL-2.0
/*
 * nvvgpu_sim: the board. What a PF driver for real hardware provides below
 * the transport (Documentation/nvvgpu-porting.rst): starting the firmware,
 * the bus facts GSP-RM is told, and the vGPU type catalogue. The sim's
 * firmware is the emulator, so "loading" it means checking that the
 * emulator speaks the release and pressing start.
 *
 * Copyright (c) 2026 The nvvgpu developers
 */
#include <kunit/visibility.h>
#include <linux/device.h>
#include <linux/pci.h>
#include <linux/string.h>

#include <nvvgpu/abi/gsp_regs.h>
#include <nvvgpu/core.h>

#include "sim.h"

/**
 * sim_fw_boot() - backend op fw_boot: start the emulated GSP-RM
 * @pgpu: the GPU
 * @libos_args: bus address of the LibOS region array
 *
 * Where hardware would take request_firmware()'s image, build its radix3
 * table and WPR metadata and run the booter, the sim's "image" is the
 * emulator: it refuses a release the emulator does not speak as a missing
 * firmware file would be refused, then boots as the booter leaves the
 * core: the array's address in MAILBOX0/1 and CPUCTL.STARTCPU.
 *
 * Return: 0, or -ENOENT for a release the emulator lacks.
 */
int sim_fw_boot(struct nvvgpu_pgpu *pgpu, dma_addr_t libos_args)
{
	struct sim_gpu *sim = pgpu->backend_priv;

	if (!sim_fwif_log_regions(sim)) {
		dev_err(sim_dev(sim), "no firmware image for GSP-RM %s\n",
			sim->fw_version);
		return -ENOENT;
	}
	sim_reg_write(sim, NV_PGSP_FALCON_MAILBOX0, lower_32_bits(libos_args));
	sim_reg_write(sim, NV_PGSP_FALCON_MAILBOX1, upper_32_bits(libos_args));
	sim_reg_write(sim, NV_PFALCON_FALCON_CPUCTL,
		      NV_PFALCON_FALCON_CPUCTL_STARTCPU);
	return 0;
}

/**
 * sim_board_system_info() - the bus facts of the simulated board
 * @sim: the GPU
 * @si: filled
 *
 * The emulator compares GSP_SET_SYSTEM_INFO with these.
 */
void sim_board_system_info(struct sim_gpu *sim, struct nvvgpu_system_info *si)
{
	memset(si, 0, sizeof(*si));
	si->bar0_addr = SIM_BAR0_ADDR(sim->index);
	si->fb_bar_addr = SIM_BAR1_ADDR(sim->index);
	si->inst_bar_addr = SIM_BAR3_ADDR(sim->index);
	si->pci_domain = 0;
	si->pci_bus = SIM_PCI_BUS(sim->index);
	si->pci_devfn = PCI_DEVFN(0, 0);
	si->pci_vendor_id = SIM_PCI_VENDOR_ID;
	si->pci_device_id = SIM_PCI_DEVICE_ID;
	si->pci_subsystem_vendor_id = SIM_PCI_VENDOR_ID;
	si->pci_subsystem_id = SIM_PCI_SUBSYSTEM_ID;
	si->pci_revision = SIM_PCI_REVISION;
	si->pci_config_mirror_base = SIM_PCI_CONFIG_MIRROR_BASE;
	si->pci_config_mirror_size = SIM_PCI_CONFIG_MIRROR_SIZE;
}
EXPORT_SYMBOL_IF_KUNIT(sim_board_system_info);

/**
 * sim_system_info() - backend op system_info
 * @pgpu: the GPU
 * @si: filled with the board's BARs, PCI address and IDs
 *
 * Return: 0.
 */
int sim_system_info(struct nvvgpu_pgpu *pgpu, struct nvvgpu_system_info *si)
{
	sim_board_system_info(pgpu->backend_priv, si);
	return 0;
}

/**
 * sim_vgpu_types() - backend op vgpu_types: the board's type catalogue
 * @pgpu: the GPU
 * @types: filled
 * @max: entries of @types
 *
 * Return: the number of entries filled.
 */
int sim_vgpu_types(struct nvvgpu_pgpu *pgpu, struct nvvgpu_vgpu_type *types,
		   u32 max)
{
	struct sim_gpu *sim = pgpu->backend_priv;
	u32 n = min(sim->num_types, max);

	memcpy(types, sim->types, n * sizeof(*types));
	return n;
}

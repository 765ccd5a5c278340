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
#include <linux/sizes.h>
#include <linux/string.h>

#include <nvvgpu/abi/gsp_regs.h>
#include <nvvgpu/abi/gsp_rm.h>
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

/* The top of FB is GSP-RM's (WPR heap and friends): 1/16, 32..512 MiB. */
static u64 sim_board_fb_reserved(u64 fb_size)
{
	return clamp_t(u64, fb_size / 16, SZ_32M, SZ_512M);
}

/**
 * sim_board_init() - the board's FB, engines and catalogue file
 * @sim: the GPU
 * @fb_size: framebuffer bytes (the L40S has 48 GiB; a module parameter may
 *	say otherwise, and then the L40S type file does not match the board)
 * @types_file: firmware file name of the vGPU type catalogue
 */
void sim_board_init(struct sim_gpu *sim, u64 fb_size, const char *types_file)
{
	sim->fb_size = fb_size;
	sim->fb_usable = fb_size - sim_board_fb_reserved(fb_size);
	sim->types_file = types_file;
	/* the engines sim_engine.c runs */
	sim->engine_mask = BIT_ULL(NV2080_ENGINE_TYPE_GR0) |
			   BIT_ULL(NV2080_ENGINE_TYPE_COPY0) |
			   BIT_ULL(NV2080_ENGINE_TYPE_COPY1);
}

/**
 * sim_board_typefile_board() - what the board's vGPU type file must match
 * @sim: the GPU
 * @board: filled
 */
void sim_board_typefile_board(struct sim_gpu *sim,
			      struct sim_typefile_board *board)
{
	board->vendor_id = SIM_PCI_VENDOR_ID;
	board->device_id = SIM_PCI_DEVICE_ID;
	board->subsystem_vendor_id = SIM_PCI_VENDOR_ID;
	board->subsystem_id = SIM_PCI_SUBSYSTEM_ID;
	board->fb_size = sim->fb_size;
	board->fb_usable = sim->fb_usable;
	board->segment_size = SIM_VMMU_SEGMENT_SIZE;
}

/**
 * sim_vgpu_types() - backend op vgpu_types: the board's type catalogue
 * @pgpu: the GPU
 * @types: filled
 * @max: entries of @types
 *
 * Read from the board's metadata file at every attach and GSP reset, as a
 * PF driver would read NVIDIA's.
 *
 * Return: the number of entries filled, 0 without a usable file.
 */
int sim_vgpu_types(struct nvvgpu_pgpu *pgpu, struct nvvgpu_vgpu_type *types,
		   u32 max)
{
	return sim_typefile_load(pgpu->backend_priv, types, max);
}

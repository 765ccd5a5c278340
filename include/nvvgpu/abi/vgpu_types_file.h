/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The vGPU type metadata file: one board's vGPU type catalogue, loaded with
 * request_firmware() as NVIDIA's RFC v2 loads vgpu-<release>.bin from
 * /lib/firmware/nvidia. Written by tools/nvvgpu-vgpu-types; the layout is
 * described in Documentation/nvvgpu-vgpu-types.rst. Every field is
 * little-endian; strings are NUL-terminated and NUL-padded.
 *
 * Copyright (c) 2026 The nvvgpu developers
 */
#ifndef _NVVGPU_ABI_VGPU_TYPES_FILE_H_
#define _NVVGPU_ABI_VGPU_TYPES_FILE_H_

#include <linux/build_bug.h>
#include <linux/types.h>

#define NVVGPU_TYPES_FILE_MAGIC		"NVVGPUTY"
#define NVVGPU_TYPES_FILE_VERSION	1
#define NVVGPU_TYPES_FILE_NAME_LEN	32
#define NVVGPU_TYPES_FILE_CLASS_LEN	16
#define NVVGPU_TYPES_FILE_LICENSE_LEN	128

/**
 * struct nvvgpu_types_file_header - the file's first 64 bytes
 * @magic: NVVGPU_TYPES_FILE_MAGIC, not terminated
 * @version: NVVGPU_TYPES_FILE_VERSION
 * @header_size: sizeof(struct nvvgpu_types_file_header)
 * @entry_size: sizeof(struct nvvgpu_types_file_entry)
 * @num_entries: entries that follow the header, 1..64
 * @pci_vendor_id: the board the file is for: PCI vendor ID (0x10de)
 * @pci_device_id: its PCI device ID
 * @pci_subsystem_vendor_id: its PCI subsystem vendor ID
 * @pci_subsystem_id: its PCI subsystem ID
 * @fb_size_mib: the board's framebuffer in MiB
 * @crc32: CRC-32 (IEEE 802.3, as zlib's crc32()) of the whole file with
 *	this field read as zero
 * @board_name: the board's name, e.g. "NVIDIA L40S"
 */
struct nvvgpu_types_file_header {
	u8 magic[8];
	__le16 version;
	__le16 header_size;
	__le16 entry_size;
	__le16 num_entries;
	__le16 pci_vendor_id;
	__le16 pci_device_id;
	__le16 pci_subsystem_vendor_id;
	__le16 pci_subsystem_id;
	__le32 fb_size_mib;
	__le32 crc32;
	char board_name[NVVGPU_TYPES_FILE_NAME_LEN];
};

/**
 * struct nvvgpu_types_file_entry - one vGPU type, 256 bytes
 * @type_id: the type's id as NVIDIA numbers it (non-zero, unique)
 * @max_instances: most instances on one GPU, 1..32
 * @profile_size: the FB the type is named after, bytes
 * @fb_length: the guest's FB, bytes; at most @profile_size, a multiple of
 *	the board's VMMU segment
 * @gsp_heap_size: the GSP plugin heap beside it, bytes, 2 MiB aligned
 * @bar1_mib: the guest's BAR1 in MiB, a power of two
 * @num_heads: virtual display heads, 1..4
 * @frame_rate_limit: frame-rate limiter in fps, 0 for none
 * @max_res_x: widest display resolution
 * @max_res_y: tallest display resolution
 * @device_id: PCI device ID the guest sees
 * @subsystem_id: PCI subsystem ID the guest sees
 * @reserved0: zero
 * @name: the type's name, e.g. "NVIDIA L40S-4Q"
 * @class: its class, e.g. "Quadro", "NVS", "Compute"
 * @license: the license classes, e.g. "GRID-Virtual-Apps,3.0"
 * @reserved1: zero
 */
struct nvvgpu_types_file_entry {
	__le32 type_id;
	__le32 max_instances;
	__le64 profile_size;
	__le64 fb_length;
	__le64 gsp_heap_size;
	__le32 bar1_mib;
	__le16 num_heads;
	__le16 frame_rate_limit;
	__le32 max_res_x;
	__le32 max_res_y;
	__le16 device_id;
	__le16 subsystem_id;
	__le32 reserved0;
	char name[NVVGPU_TYPES_FILE_NAME_LEN];
	char class[NVVGPU_TYPES_FILE_CLASS_LEN];
	char license[NVVGPU_TYPES_FILE_LICENSE_LEN];
	u8 reserved1[24];
};

static_assert(sizeof(struct nvvgpu_types_file_header) == 64);
static_assert(sizeof(struct nvvgpu_types_file_entry) == 256);

#endif /* _NVVGPU_ABI_VGPU_TYPES_FILE_H_ */

// SPDX-License-Identifier: GPL-2.0
/*
 * nvvgpu_sim: the board's vGPU type catalogue, read from the metadata file
 * (Documentation/nvvgpu-vgpu-types.rst) with request_firmware(), as
 * NVIDIA's RFC v2 reads its vgpu-*.bin. A real backend would load its own
 * board's file the same way; the file is input from disk, so every field
 * is checked and a file that fails a check is refused whole.
 *
 * Copyright (c) 2026 The nvvgpu developers
 */
#include <kunit/visibility.h>
#include <linux/crc32.h>
#include <linux/device.h>
#include <linux/firmware.h>
#include <linux/log2.h>
#include <linux/math64.h>
#include <linux/sizes.h>
#include <linux/string.h>

#include <nvvgpu/abi/vgpu_types_file.h>
#include <nvvgpu/core.h>

#include "sim.h"

#define typefile_err(dev, file, fmt, ...)				\
	dev_err(dev, "vGPU type file %s refused: " fmt "\n", file, ##__VA_ARGS__)

static bool sim_typefile_str_ok(const char *s, size_t len)
{
	size_t n = strnlen(s, len);

	/* non-empty, terminated, and NUL-padded to the end */
	return n && n < len && !memchr_inv(s + n, 0, len - n);
}

static u32 sim_typefile_crc(const u8 *data, size_t size)
{
	static const u8 zero[4];
	size_t at = offsetof(struct nvvgpu_types_file_header, crc32);
	u32 crc = ~0;

	crc = crc32_le(crc, data, at);
	crc = crc32_le(crc, zero, sizeof(zero));
	crc = crc32_le(crc, data + at + 4, size - at - 4);
	return ~crc;
}

static int sim_typefile_header(struct device *dev, const char *file,
			       const struct sim_typefile_board *board,
			       const u8 *data, size_t size)
{
	const struct nvvgpu_types_file_header *h = (const void *)data;
	u32 n, crc;

	if (size < sizeof(*h)) {
		typefile_err(dev, file, "%zu bytes, shorter than its header",
			     size);
		return -EINVAL;
	}
	if (memcmp(h->magic, NVVGPU_TYPES_FILE_MAGIC, sizeof(h->magic))) {
		typefile_err(dev, file, "bad magic");
		return -EINVAL;
	}
	if (le16_to_cpu(h->version) != NVVGPU_TYPES_FILE_VERSION) {
		typefile_err(dev, file, "version %u, expected %u",
			     le16_to_cpu(h->version), NVVGPU_TYPES_FILE_VERSION);
		return -EINVAL;
	}
	if (le16_to_cpu(h->header_size) != sizeof(*h) ||
	    le16_to_cpu(h->entry_size) != sizeof(struct nvvgpu_types_file_entry)) {
		typefile_err(dev, file, "header of %u bytes, entries of %u, expected %zu and %zu",
			     le16_to_cpu(h->header_size),
			     le16_to_cpu(h->entry_size), sizeof(*h),
			     sizeof(struct nvvgpu_types_file_entry));
		return -EINVAL;
	}
	n = le16_to_cpu(h->num_entries);
	if (!n || n > NVA081_MAX_VGPU_TYPES_PER_PGPU) {
		typefile_err(dev, file, "%u entries, expected 1..%u", n,
			     NVA081_MAX_VGPU_TYPES_PER_PGPU);
		return -EINVAL;
	}
	if (size != sizeof(*h) + (size_t)n * sizeof(struct nvvgpu_types_file_entry)) {
		typefile_err(dev, file, "%zu bytes, %u entries need %zu", size,
			     n, sizeof(*h) +
			     (size_t)n * sizeof(struct nvvgpu_types_file_entry));
		return -EINVAL;
	}
	crc = sim_typefile_crc(data, size);
	if (crc != le32_to_cpu(h->crc32)) {
		typefile_err(dev, file, "checksum %#010x, computed %#010x",
			     le32_to_cpu(h->crc32), crc);
		return -EBADMSG;
	}
	if (!sim_typefile_str_ok(h->board_name, sizeof(h->board_name))) {
		typefile_err(dev, file, "board name not a terminated string");
		return -EINVAL;
	}
	if (le16_to_cpu(h->pci_vendor_id) != board->vendor_id ||
	    le16_to_cpu(h->pci_device_id) != board->device_id ||
	    le16_to_cpu(h->pci_subsystem_vendor_id) != board->subsystem_vendor_id ||
	    le16_to_cpu(h->pci_subsystem_id) != board->subsystem_id ||
	    (u64)le32_to_cpu(h->fb_size_mib) * SZ_1M != board->fb_size) {
		typefile_err(dev, file, "for %s %04x:%04x %04x:%04x with %u MiB, not this board %04x:%04x %04x:%04x with %llu MiB",
			     h->board_name, le16_to_cpu(h->pci_vendor_id),
			     le16_to_cpu(h->pci_device_id),
			     le16_to_cpu(h->pci_subsystem_vendor_id),
			     le16_to_cpu(h->pci_subsystem_id),
			     le32_to_cpu(h->fb_size_mib), board->vendor_id,
			     board->device_id, board->subsystem_vendor_id,
			     board->subsystem_id, board->fb_size >> 20);
		return -ENODEV;
	}
	return n;
}

static int sim_typefile_entry(struct device *dev, const char *file,
			      const struct sim_typefile_board *board, u32 i,
			      const struct nvvgpu_types_file_entry *e,
			      struct nvvgpu_vgpu_type *t)
{
	u64 slot;

	memset(t, 0, sizeof(*t));
	if (!sim_typefile_str_ok(e->name, sizeof(e->name)) ||
	    !sim_typefile_str_ok(e->class, sizeof(e->class)) ||
	    !sim_typefile_str_ok(e->license, sizeof(e->license))) {
		typefile_err(dev, file, "entry %u: name, class or license not a terminated string",
			     i);
		return -EINVAL;
	}
	if (e->reserved0 || memchr_inv(e->reserved1, 0, sizeof(e->reserved1))) {
		typefile_err(dev, file, "entry %u (%s): reserved bytes set", i,
			     e->name);
		return -EINVAL;
	}
	t->id = le32_to_cpu(e->type_id);
	strscpy(t->name, e->name, sizeof(t->name));
	strscpy(t->class, e->class, sizeof(t->class));
	strscpy(t->license, e->license, sizeof(t->license));
	t->profile_size = le64_to_cpu(e->profile_size);
	t->fb_size = le64_to_cpu(e->fb_length);
	t->heap_size = le64_to_cpu(e->gsp_heap_size);
	t->bar1_size = (u64)le32_to_cpu(e->bar1_mib) * SZ_1M;
	t->max_instances = le32_to_cpu(e->max_instances);
	t->num_heads = le16_to_cpu(e->num_heads);
	t->frame_rate_limit = le16_to_cpu(e->frame_rate_limit);
	t->max_res_x = le32_to_cpu(e->max_res_x);
	t->max_res_y = le32_to_cpu(e->max_res_y);
	t->device_id = le16_to_cpu(e->device_id);
	t->subsystem_id = le16_to_cpu(e->subsystem_id);

	if (!t->id || !t->device_id) {
		typefile_err(dev, file, "entry %u (%s): type id %u, device %04x",
			     i, t->name, t->id, t->device_id);
		return -EINVAL;
	}
	if (!t->max_instances || t->max_instances > SIM_MAX_GFID) {
		typefile_err(dev, file, "entry %u (%s): %u instances, expected 1..%u",
			     i, t->name, t->max_instances, SIM_MAX_GFID);
		return -EINVAL;
	}
	if (!t->fb_size || t->fb_size > t->profile_size ||
	    !IS_ALIGNED(t->fb_size, board->segment_size) ||
	    !t->heap_size || !IS_ALIGNED(t->heap_size, SZ_2M)) {
		typefile_err(dev, file, "entry %u (%s): FB %#llx of profile %#llx, heap %#llx (FB aligned to %#llx, heap to 2 MiB)",
			     i, t->name, t->fb_size, t->profile_size,
			     t->heap_size, board->segment_size);
		return -EINVAL;
	}
	/* every instance's FB and heap, each VMMU-segment aligned, must fit */
	slot = t->fb_size + ALIGN(t->heap_size, board->segment_size);
	if (t->profile_size > board->fb_size ||
	    slot > div_u64(board->fb_usable, t->max_instances)) {
		typefile_err(dev, file, "entry %u (%s): %u instances of %#llx do not fit %#llx usable FB",
			     i, t->name, t->max_instances, slot,
			     board->fb_usable);
		return -EINVAL;
	}
	if (!t->bar1_size || !is_power_of_2(t->bar1_size) ||
	    t->bar1_size > SZ_64G) {
		typefile_err(dev, file, "entry %u (%s): BAR1 of %u MiB",
			     i, t->name, le32_to_cpu(e->bar1_mib));
		return -EINVAL;
	}
	if (!t->num_heads || t->num_heads > 4 || !t->max_res_x ||
	    !t->max_res_y || t->max_res_x > 16384 || t->max_res_y > 16384 ||
	    t->frame_rate_limit > 240) {
		typefile_err(dev, file, "entry %u (%s): %u heads of %ux%u at %u fps",
			     i, t->name, t->num_heads, t->max_res_x,
			     t->max_res_y, t->frame_rate_limit);
		return -EINVAL;
	}
	/* the host's share of channels, split evenly (RFC v2) */
	t->num_channels = min(rounddown_pow_of_two(SIM_NUM_VGPU_CHANNELS /
						   t->max_instances), 512UL);
	return 0;
}

/**
 * sim_typefile_parse() - check a vGPU type file and decode its catalogue
 * @dev: the device to log against
 * @file: the file's name, for the log
 * @board: the board the file must be for
 * @data: the file's bytes
 * @size: bytes of @data
 * @types: filled with the catalogue
 * @max: entries of @types
 *
 * Return: the number of types, or a negative errno (-EINVAL malformed,
 * -EBADMSG bad checksum, -ENODEV another board's file, -E2BIG more types
 * than @max) after logging what is wrong.
 */
int sim_typefile_parse(struct device *dev, const char *file,
		       const struct sim_typefile_board *board, const u8 *data,
		       size_t size, struct nvvgpu_vgpu_type *types, u32 max)
{
	const struct nvvgpu_types_file_entry *e;
	int n, i, j, ret;

	n = sim_typefile_header(dev, file, board, data, size);
	if (n < 0)
		return n;
	if (n > max) {
		typefile_err(dev, file, "%d types, room for %u", n, max);
		return -E2BIG;
	}
	e = (const void *)(data + sizeof(struct nvvgpu_types_file_header));
	for (i = 0; i < n; i++) {
		ret = sim_typefile_entry(dev, file, board, i, &e[i], &types[i]);
		if (ret)
			return ret;
		for (j = 0; j < i; j++) {
			if (types[j].id == types[i].id ||
			    !strcmp(types[j].name, types[i].name)) {
				typefile_err(dev, file, "entry %d (%s): type %u listed twice",
					     i, types[i].name, types[i].id);
				return -EINVAL;
			}
		}
	}
	return n;
}
EXPORT_SYMBOL_IF_KUNIT(sim_typefile_parse);

/**
 * sim_typefile_load() - request the board's vGPU type file and decode it
 * @sim: the GPU
 * @types: filled with the catalogue
 * @max: entries of @types
 *
 * A missing or malformed file leaves the board without vGPU types: the
 * pgpu still comes up (the host can use it), mdev offers no type, and the
 * log says why. Fixing the file and reloading nvvgpu_sim, or a GSP reset,
 * reads it again.
 *
 * Return: the number of types, 0 without a usable file.
 */
int sim_typefile_load(struct sim_gpu *sim, struct nvvgpu_vgpu_type *types,
		      u32 max)
{
	struct sim_typefile_board board;
	const struct firmware *fw;
	int ret;

	sim_board_typefile_board(sim, &board);
	ret = firmware_request_nowarn(&fw, sim->types_file, sim_dev(sim));
	if (ret) {
		dev_err(sim_dev(sim), "vGPU type file %s not loaded: %pe; no vGPU types\n",
			sim->types_file, ERR_PTR(ret));
		return 0;
	}
	ret = sim_typefile_parse(sim_dev(sim), sim->types_file, &board,
				 fw->data, fw->size, types, max);
	release_firmware(fw);
	if (ret < 0) {
		dev_err(sim_dev(sim), "no vGPU types: %pe\n", ERR_PTR(ret));
		return 0;
	}
	dev_info(sim_dev(sim), "%d vGPU types from %s\n", ret, sim->types_file);
	return ret;
}

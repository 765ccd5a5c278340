// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests of the vGPU type file parser (sim/sim_typefile.c): a file
 * built here, byte by byte as Documentation/nvvgpu-vgpu-types.rst lays it
 * out, is decoded field by field; each way a file can be wrong is refused
 * whole with its own errno.
 *
 * Copyright (c) 2026 The nvvgpu developers
 */
#include <kunit/test.h>
#include <linux/crc32.h>
#include <linux/sizes.h>
#include <linux/slab.h>
#include <linux/string.h>

#include <nvvgpu/abi/vgpu_types_file.h>
#include <nvvgpu/compat.h>
#include <nvvgpu/core.h>

#include "../sim/sim.h"

#define TFT_ENTRIES	3
#define TFT_SEGMENT	SZ_32M
#define TFT_FB		(48ULL * SZ_1G)
#define TFT_USABLE	(TFT_FB - SZ_512M)

struct tft {
	struct device *dev;
	struct sim_typefile_board board;
	u8 *data;
	size_t size;
	struct nvvgpu_vgpu_type types[TFT_ENTRIES];
};

static struct nvvgpu_types_file_header *tft_hdr(struct tft *t)
{
	return (void *)t->data;
}

static struct nvvgpu_types_file_entry *tft_entry(struct tft *t, u32 i)
{
	return (void *)(t->data + sizeof(struct nvvgpu_types_file_header) +
			i * sizeof(struct nvvgpu_types_file_entry));
}

/* the CRC-32 as the generator writes it: over the file, crc32 read as 0 */
static void tft_seal(struct tft *t)
{
	struct nvvgpu_types_file_header *h = tft_hdr(t);

	h->crc32 = 0;
	h->crc32 = cpu_to_le32(~crc32_le(~0, t->data, t->size));
}

static void tft_entry_fill(struct nvvgpu_types_file_entry *e, u32 id,
			   const char *name, u64 fb, u32 max)
{
	memset(e, 0, sizeof(*e));
	e->type_id = cpu_to_le32(id);
	e->max_instances = cpu_to_le32(max);
	e->profile_size = cpu_to_le64(fb);
	e->fb_length = cpu_to_le64(fb - TFT_SEGMENT);
	e->gsp_heap_size = cpu_to_le64(SZ_4M);
	e->bar1_mib = cpu_to_le32(256);
	e->num_heads = cpu_to_le16(4);
	e->frame_rate_limit = cpu_to_le16(60);
	e->max_res_x = cpu_to_le32(7680);
	e->max_res_y = cpu_to_le32(4320);
	e->device_id = cpu_to_le16(0x26b9);
	e->subsystem_id = cpu_to_le16(0x1900 + id % 256);
	strscpy(e->name, name, sizeof(e->name));
	strscpy(e->class, "Quadro", sizeof(e->class));
	strscpy(e->license, "Quadro-Virtual-DWS,5.0", sizeof(e->license));
}

static int tft_init(struct kunit *test)
{
	struct nvvgpu_types_file_header *h;
	struct tft *t;

	t = kunit_kzalloc(test, sizeof(*t), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, t);
	t->dev = kunit_device_register(test, "nvvgpu-typefile-kunit");
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, t->dev);
	t->board = (struct sim_typefile_board) {
		.vendor_id = 0x10de, .device_id = 0x26b9,
		.subsystem_vendor_id = 0x10de, .subsystem_id = 0x1851,
		.fb_size = TFT_FB, .fb_usable = TFT_USABLE,
		.segment_size = TFT_SEGMENT,
	};
	t->size = sizeof(*h) + TFT_ENTRIES * sizeof(struct nvvgpu_types_file_entry);
	t->data = kunit_kzalloc(test, t->size, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, t->data);

	h = tft_hdr(t);
	memcpy(h->magic, NVVGPU_TYPES_FILE_MAGIC, sizeof(h->magic));
	h->version = cpu_to_le16(NVVGPU_TYPES_FILE_VERSION);
	h->header_size = cpu_to_le16(sizeof(*h));
	h->entry_size = cpu_to_le16(sizeof(struct nvvgpu_types_file_entry));
	h->num_entries = cpu_to_le16(TFT_ENTRIES);
	h->pci_vendor_id = cpu_to_le16(0x10de);
	h->pci_device_id = cpu_to_le16(0x26b9);
	h->pci_subsystem_vendor_id = cpu_to_le16(0x10de);
	h->pci_subsystem_id = cpu_to_le16(0x1851);
	h->fb_size_mib = cpu_to_le32(TFT_FB >> 20);
	strscpy(h->board_name, "NVIDIA L40S", sizeof(h->board_name));
	tft_entry_fill(tft_entry(t, 0), 1147, "NVIDIA L40S-1Q", SZ_1G, 32);
	tft_entry_fill(tft_entry(t, 1), 1150, "NVIDIA L40S-4Q", SZ_4G, 11);
	tft_entry_fill(tft_entry(t, 2), 1156, "NVIDIA L40S-48Q", TFT_FB, 1);
	/* the whole board: the FB the firmware leaves, less the heap */
	tft_entry(t, 2)->fb_length = cpu_to_le64(TFT_USABLE - TFT_SEGMENT);
	tft_seal(t);
	test->priv = t;
	return 0;
}

static int tft_parse(struct tft *t, u32 max)
{
	return sim_typefile_parse(t->dev, "kunit.bin", &t->board, t->data,
				  t->size, t->types, max);
}

static void tft_good(struct kunit *test)
{
	struct tft *t = test->priv;
	const struct nvvgpu_vgpu_type *ty = &t->types[1];

	KUNIT_ASSERT_EQ(test, tft_parse(t, TFT_ENTRIES), TFT_ENTRIES);
	KUNIT_EXPECT_EQ(test, ty->id, 1150);
	KUNIT_EXPECT_STREQ(test, ty->name, "NVIDIA L40S-4Q");
	KUNIT_EXPECT_STREQ(test, ty->class, "Quadro");
	KUNIT_EXPECT_STREQ(test, ty->license, "Quadro-Virtual-DWS,5.0");
	KUNIT_EXPECT_EQ(test, ty->profile_size, SZ_4G);
	KUNIT_EXPECT_EQ(test, ty->fb_size, SZ_4G - TFT_SEGMENT);
	KUNIT_EXPECT_EQ(test, ty->heap_size, SZ_4M);
	KUNIT_EXPECT_EQ(test, ty->bar1_size, SZ_256M);
	KUNIT_EXPECT_EQ(test, ty->max_instances, 11);
	KUNIT_EXPECT_EQ(test, ty->num_heads, 4);
	KUNIT_EXPECT_EQ(test, ty->max_res_x, 7680);
	KUNIT_EXPECT_EQ(test, ty->max_res_y, 4320);
	KUNIT_EXPECT_EQ(test, ty->frame_rate_limit, 60);
	KUNIT_EXPECT_EQ(test, ty->device_id, 0x26b9);
	KUNIT_EXPECT_EQ(test, ty->subsystem_id, 0x1900 + 1150 % 256);
	/* the vGPUs' 1536 channels split evenly, to a power of two */
	KUNIT_EXPECT_EQ(test, ty->num_channels, 128);
	KUNIT_EXPECT_EQ(test, t->types[0].num_channels, 32);
	KUNIT_EXPECT_EQ(test, t->types[2].num_channels, 512);
}

static void tft_header_refused(struct kunit *test)
{
	struct tft *t = test->priv;
	struct nvvgpu_types_file_header *h = tft_hdr(t);
	size_t size = t->size;

	t->size = sizeof(*h) - 1;
	KUNIT_EXPECT_EQ(test, tft_parse(t, TFT_ENTRIES), -EINVAL);
	t->size = size - 1;
	KUNIT_EXPECT_EQ(test, tft_parse(t, TFT_ENTRIES), -EINVAL);
	t->size = size;

	h->magic[0] ^= 1;
	KUNIT_EXPECT_EQ(test, tft_parse(t, TFT_ENTRIES), -EINVAL);
	h->magic[0] ^= 1;

	h->version = cpu_to_le16(NVVGPU_TYPES_FILE_VERSION + 1);
	tft_seal(t);
	KUNIT_EXPECT_EQ(test, tft_parse(t, TFT_ENTRIES), -EINVAL);
	h->version = cpu_to_le16(NVVGPU_TYPES_FILE_VERSION);

	h->entry_size = cpu_to_le16(sizeof(struct nvvgpu_types_file_entry) + 8);
	tft_seal(t);
	KUNIT_EXPECT_EQ(test, tft_parse(t, TFT_ENTRIES), -EINVAL);
	h->entry_size = cpu_to_le16(sizeof(struct nvvgpu_types_file_entry));

	h->num_entries = 0;
	tft_seal(t);
	KUNIT_EXPECT_EQ(test, tft_parse(t, TFT_ENTRIES), -EINVAL);
	/* more entries than the file holds */
	h->num_entries = cpu_to_le16(TFT_ENTRIES + 1);
	tft_seal(t);
	KUNIT_EXPECT_EQ(test, tft_parse(t, TFT_ENTRIES + 1), -EINVAL);
	h->num_entries = cpu_to_le16(TFT_ENTRIES);

	memset(h->board_name, 'x', sizeof(h->board_name));
	tft_seal(t);
	KUNIT_EXPECT_EQ(test, tft_parse(t, TFT_ENTRIES), -EINVAL);
}

static void tft_checksum_refused(struct kunit *test)
{
	struct tft *t = test->priv;

	/* one bit of one entry, not resealed */
	tft_entry(t, 1)->max_instances ^= cpu_to_le32(1);
	KUNIT_EXPECT_EQ(test, tft_parse(t, TFT_ENTRIES), -EBADMSG);
	tft_entry(t, 1)->max_instances ^= cpu_to_le32(1);
	tft_hdr(t)->crc32 ^= cpu_to_le32(BIT(31));
	KUNIT_EXPECT_EQ(test, tft_parse(t, TFT_ENTRIES), -EBADMSG);
	tft_hdr(t)->crc32 ^= cpu_to_le32(BIT(31));
	KUNIT_EXPECT_EQ(test, tft_parse(t, TFT_ENTRIES), TFT_ENTRIES);
}

static void tft_other_board_refused(struct kunit *test)
{
	struct tft *t = test->priv;
	struct nvvgpu_types_file_header *h = tft_hdr(t);

	h->pci_device_id = cpu_to_le16(0x2236);
	tft_seal(t);
	KUNIT_EXPECT_EQ(test, tft_parse(t, TFT_ENTRIES), -ENODEV);
	h->pci_device_id = cpu_to_le16(0x26b9);
	h->pci_subsystem_id = cpu_to_le16(0x1852);
	tft_seal(t);
	KUNIT_EXPECT_EQ(test, tft_parse(t, TFT_ENTRIES), -ENODEV);
	h->pci_subsystem_id = cpu_to_le16(0x1851);
	/* the same board with less FB (fb_size_mb=) */
	h->fb_size_mib = cpu_to_le32((TFT_FB >> 20) / 2);
	tft_seal(t);
	KUNIT_EXPECT_EQ(test, tft_parse(t, TFT_ENTRIES), -ENODEV);
}

/* set one entry's field with @set, reseal, expect -EINVAL, restore */
#define TFT_ENTRY_REFUSED(test, t, i, set) do {				\
	struct tft *__t = (t);						\
	struct nvvgpu_types_file_entry *e = tft_entry(__t, i);		\
	struct nvvgpu_types_file_entry __saved = *e;			\
									\
	set;								\
	tft_seal(__t);							\
	KUNIT_EXPECT_EQ_MSG(test, tft_parse(__t, TFT_ENTRIES), -EINVAL,	\
			    "accepted: %s", #set);			\
	*e = __saved;							\
	tft_seal(__t);							\
} while (0)

static void tft_entry_refused(struct kunit *test)
{
	struct tft *t = test->priv;

	TFT_ENTRY_REFUSED(test, t, 0, memset(e->name, 'N', sizeof(e->name)));
	TFT_ENTRY_REFUSED(test, t, 0, e->name[0] = 0);
	/* garbage after the terminator */
	TFT_ENTRY_REFUSED(test, t, 1, e->license[sizeof(e->license) - 1] = 'x');
	TFT_ENTRY_REFUSED(test, t, 1, e->class[0] = 0);
	TFT_ENTRY_REFUSED(test, t, 1, e->reserved0 = cpu_to_le32(1));
	TFT_ENTRY_REFUSED(test, t, 1, e->reserved1[23] = 1);
	TFT_ENTRY_REFUSED(test, t, 1, e->type_id = 0);
	TFT_ENTRY_REFUSED(test, t, 1, e->device_id = 0);
	TFT_ENTRY_REFUSED(test, t, 1, e->max_instances = 0);
	TFT_ENTRY_REFUSED(test, t, 0, e->max_instances = cpu_to_le32(33));
	/* FB: more than the profile, not segment aligned, none */
	TFT_ENTRY_REFUSED(test, t, 1,
			  e->fb_length = cpu_to_le64(SZ_4G + TFT_SEGMENT));
	TFT_ENTRY_REFUSED(test, t, 1, e->fb_length = cpu_to_le64(SZ_1G + SZ_1M));
	TFT_ENTRY_REFUSED(test, t, 1, e->fb_length = 0);
	TFT_ENTRY_REFUSED(test, t, 1, e->gsp_heap_size = cpu_to_le64(SZ_1M));
	TFT_ENTRY_REFUSED(test, t, 1, e->gsp_heap_size = 0);
	/* 12 instances of 4 GiB with their heaps do not fit 47.5 GiB */
	TFT_ENTRY_REFUSED(test, t, 1, e->max_instances = cpu_to_le32(12);
			  e->fb_length = cpu_to_le64(SZ_4G));
	TFT_ENTRY_REFUSED(test, t, 2, e->fb_length = cpu_to_le64(TFT_USABLE));
	TFT_ENTRY_REFUSED(test, t, 1, e->bar1_mib = cpu_to_le32(384));
	TFT_ENTRY_REFUSED(test, t, 1, e->bar1_mib = 0);
	TFT_ENTRY_REFUSED(test, t, 1, e->num_heads = 0);
	TFT_ENTRY_REFUSED(test, t, 1, e->num_heads = cpu_to_le16(5));
	TFT_ENTRY_REFUSED(test, t, 1, e->max_res_x = cpu_to_le32(16385));
	TFT_ENTRY_REFUSED(test, t, 1, e->max_res_y = 0);
	TFT_ENTRY_REFUSED(test, t, 1, e->frame_rate_limit = cpu_to_le16(241));
	/* every restore above left a good file */
	KUNIT_EXPECT_EQ(test, tft_parse(t, TFT_ENTRIES), TFT_ENTRIES);
}

static void tft_duplicates_refused(struct kunit *test)
{
	struct tft *t = test->priv;

	TFT_ENTRY_REFUSED(test, t, 2, e->type_id = cpu_to_le32(1147));
	TFT_ENTRY_REFUSED(test, t, 2,
			  strscpy(e->name, "NVIDIA L40S-4Q", sizeof(e->name)));
}

static void tft_too_many(struct kunit *test)
{
	struct tft *t = test->priv;

	KUNIT_EXPECT_EQ(test, tft_parse(t, TFT_ENTRIES - 1), -E2BIG);
}

static struct kunit_case sim_typefile_test_cases[] = {
	KUNIT_CASE(tft_good),
	KUNIT_CASE(tft_header_refused),
	KUNIT_CASE(tft_checksum_refused),
	KUNIT_CASE(tft_other_board_refused),
	KUNIT_CASE(tft_entry_refused),
	KUNIT_CASE(tft_duplicates_refused),
	KUNIT_CASE(tft_too_many),
	{}
};

static struct kunit_suite sim_typefile_test_suite = {
	.name = "nvvgpu_sim_typefile",
	.init = tft_init,
	.test_cases = sim_typefile_test_cases,
};

kunit_test_suite(sim_typefile_test_suite);

/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nvvgpu: the parts of GspStaticConfigInfo (GET_GSP_STATIC_INFO) nvvgpu
 * reads. The whole structure is re-laid out per release; its size and the
 * offsets of these parts are in the version table (fwif.h), and the rest
 * of the payload is carried as opaque zeroes.
 *
 * Copyright (c) 2026 The nvvgpu developers
 */
#ifndef __NVVGPU_ABI_GSP_STATIC_INFO_H__
#define __NVVGPU_ABI_GSP_STATIC_INFO_H__

#include <linux/build_bug.h>
#include <linux/stddef.h>
#include <linux/types.h>

#define NV2080_CTRL_FB_REGION_INFO_MAX_ENTRIES	16
#define NV2080_CTRL_FB_REGION_INFO_MEM_TYPES	17

/**
 * struct nv2080_fb_region_info - NV2080_CTRL_CMD_FB_GET_FB_REGION_FB_REGION_INFO
 * @base: first byte of the region in FB
 * @limit: last byte of the region
 * @reserved: bytes reserved by RM inside the region
 * @performance: relative performance, higher is faster
 * @support_compressed: compressible surfaces allowed
 * @support_iso: isochronous (display) surfaces allowed
 * @protected: protected (CC) region; not for general use
 * @black_list: surface kinds not allowed
 */
struct nv2080_fb_region_info {
	u64 base;
	u64 limit;
	u64 reserved;
	u32 performance;
	u8 support_compressed;
	u8 support_iso;
	u8 protected;
	u8 black_list[NV2080_CTRL_FB_REGION_INFO_MEM_TYPES];
};

/**
 * struct nv2080_fb_region_info_params - NV2080_CTRL_CMD_FB_GET_FB_REGION_INFO_PARAMS
 * @num_fb_regions: valid entries in @regions
 * @pad: zero
 * @regions: the regions
 */
struct nv2080_fb_region_info_params {
	u32 num_fb_regions;
	u32 pad;
	struct nv2080_fb_region_info regions[NV2080_CTRL_FB_REGION_INFO_MAX_ENTRIES];
};

/**
 * struct nvgsp_internal_handles - hInternalClient/Device/Subdevice
 * @client: GSP-RM's internal client
 * @device: its device
 * @subdevice: its subdevice, target of internal and vGPU-manager controls
 */
struct nvgsp_internal_handles {
	u32 client;
	u32 device;
	u32 subdevice;
};

static_assert(sizeof(struct nv2080_fb_region_info) == 48);
static_assert(sizeof(struct nv2080_fb_region_info_params) == 776);
static_assert(sizeof(struct nvgsp_internal_handles) == 12);

/* 535.113.01 GspStaticConfigInfo (compiled sizes, Appendix E) */
#define NVGSP_STATIC_INFO_R535_SIZE		2168
#define NVGSP_STATIC_INFO_R535_FB_REGIONS	840
#define NVGSP_STATIC_INFO_R535_HANDLES		2152

/*
 * 570.144 GspStaticConfigInfo: offsets computed by hand from the 570.144
 * header (natural alignment, RM_ENGINE_TYPE_LAST 0x54), not compiled.
 */
#define NVGSP_STATIC_INFO_R570_SIZE		1656
#define NVGSP_STATIC_INFO_R570_FB_REGIONS	344
#define NVGSP_STATIC_INFO_R570_HANDLES		1600

static_assert(NVGSP_STATIC_INFO_R535_FB_REGIONS % 8 == 0);
static_assert(NVGSP_STATIC_INFO_R570_FB_REGIONS % 8 == 0);
static_assert(NVGSP_STATIC_INFO_R535_FB_REGIONS +
	      sizeof(struct nv2080_fb_region_info_params) <=
	      NVGSP_STATIC_INFO_R535_HANDLES);
static_assert(NVGSP_STATIC_INFO_R570_FB_REGIONS +
	      sizeof(struct nv2080_fb_region_info_params) <=
	      NVGSP_STATIC_INFO_R570_HANDLES);
static_assert(NVGSP_STATIC_INFO_R535_HANDLES +
	      sizeof(struct nvgsp_internal_handles) <= NVGSP_STATIC_INFO_R535_SIZE);
static_assert(NVGSP_STATIC_INFO_R570_HANDLES +
	      sizeof(struct nvgsp_internal_handles) <= NVGSP_STATIC_INFO_R570_SIZE);

#endif /* __NVVGPU_ABI_GSP_STATIC_INFO_H__ */

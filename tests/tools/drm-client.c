// SPDX-License-Identifier: GPL-2.0
/*
 * drm-client: the DRM client of tests/vm/drm-basic.sh, for the nvvgpu render
 * node, built against include/uapi/drm/nvvgpu_drm.h: DRM_IOCTL_VERSION,
 * GETPARAM, GEM create, mmap, write and read, bad input included. Prints one
 * "ok"/"not ok" line per check (nvtest.h).
 *
 * Usage:
 *   drm-client NODE VGPUS [CARD]   the checks; VGPUS is the expected vGPU
 *                                  count, CARD the primary node, whose KMS
 *                                  side is empty
 *   drm-client NODE hold READY GO  create and fill a BO, touch READY, wait
 *                                  for GO, then check the file still works
 *                                  unplugged
 *
 * Copyright (c) 2026 The nvvgpu developers
 */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "nvvgpu_drm.h"
#include "nvtest.h"

static int fd;

static int getparam(uint32_t param, uint32_t pad, uint64_t *value)
{
	struct drm_nvvgpu_getparam gp = { .param = param, .pad = pad };

	if (ioctl(fd, DRM_IOCTL_NVVGPU_GETPARAM, &gp))
		return -errno;
	*value = gp.value;
	return 0;
}

static int gem_create(uint64_t size, uint32_t flags, uint32_t *handle)
{
	struct drm_nvvgpu_gem_create gc = { .size = size, .flags = flags };

	if (ioctl(fd, DRM_IOCTL_NVVGPU_GEM_CREATE, &gc))
		return -errno;
	*handle = gc.handle;
	return 0;
}

static int gem_offset(uint32_t handle, uint32_t flags, uint64_t *offset)
{
	struct drm_nvvgpu_gem_mmap_offset mo = { .handle = handle, .flags = flags };

	if (ioctl(fd, DRM_IOCTL_NVVGPU_GEM_MMAP_OFFSET, &mo))
		return -errno;
	*offset = mo.offset;
	return 0;
}

static uint32_t *gem_map(uint32_t handle, size_t size)
{
	uint64_t offset;
	void *p;

	if (gem_offset(handle, 0, &offset))
		return NULL;
	p = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, offset);
	return p == MAP_FAILED ? NULL : p;
}

static void fill(uint32_t *p, size_t size, uint32_t seed)
{
	size_t i;

	for (i = 0; i < size / 4; i++)
		p[i] = seed ^ (uint32_t)i * 2654435761u;
}

static int same(const uint32_t *p, size_t size, uint32_t seed)
{
	size_t i;

	for (i = 0; i < size / 4; i++)
		if (p[i] != (seed ^ (uint32_t)i * 2654435761u))
			return 0;
	return 1;
}

static int hold_bo(const char *ready, const char *go)
{
	const size_t size = 64 << 10;
	struct stat st;
	uint32_t handle, *p;
	uint64_t v;
	int i;

	CHECK(!gem_create(size, 0, &handle), "hold: BO created");
	p = gem_map(handle, size);
	CHECK(p, "hold: BO mapped");
	if (!p)
		return 1;
	fill(p, size, 0xfeed);
	close(open(ready, O_CREAT | O_WRONLY, 0600));
	for (i = 0; i < 600 && stat(go, &st); i++)
		usleep(100000);
	CHECK(i < 600, "hold: told to go on");
	CHECK(getparam(DRM_NVVGPU_PARAM_FB_SIZE, 0, &v) == -ENODEV,
	      "hold: GETPARAM after unbind: ENODEV");
	CHECK(same(p, size, 0xfeed), "hold: the mapped BO still holds its data");
	fill(p, size, 0xbeef);
	CHECK(same(p, size, 0xbeef), "hold: and can still be written");
	munmap(p, size);
	close(fd);
	return nvtest_failed;
}

/* the primary node: a KMS device without display, nothing to scan out */
static void kms(const char *card)
{
	struct drm_mode_card_res res = { 0 };
	struct drm_mode_fb_cmd2 fb = {
		.width = 64, .height = 64, .pixel_format = 0x34325258, /* XR24 */
		.pitches = { 256 },
	};
	int cfd = open(card, O_RDWR | O_CLOEXEC);

	CHECK(cfd >= 0, "open %s", card);
	if (cfd < 0)
		return;
	CHECK(!ioctl(cfd, DRM_IOCTL_MODE_GETRESOURCES, &res) && !res.count_crtcs &&
	      !res.count_connectors && !res.count_encoders && !res.count_fbs,
	      "KMS resources: no CRTC, connector, encoder or framebuffer");
	CHECK(ioctl(cfd, DRM_IOCTL_MODE_ADDFB2, &fb) && errno == EINVAL,
	      "a framebuffer is refused: EINVAL");
	close(cfd);
}

int main(int argc, char **argv)
{
	char name[64] = "", date[64] = "", desc[128] = "";
	struct drm_version ver = {
		.name = name, .name_len = sizeof(name) - 1,
		.date = date, .date_len = sizeof(date) - 1,
		.desc = desc, .desc_len = sizeof(desc) - 1,
	};
	struct drm_gem_close gc = { 0 };
	uint64_t v, max = 0, offset;
	uint32_t handle, h2, *p;
	const size_t size = 3 * 4096 + 100, mapsize = 4 * 4096;
	uint64_t vgpus;

	if (argc < 3)
		return 2;
	fd = open(argv[1], O_RDWR | O_CLOEXEC);
	CHECK(fd >= 0, "open %s", argv[1]);
	if (fd < 0)
		return 1;
	if (argc == 5 && !strcmp(argv[2], "hold"))
		return hold_bo(argv[3], argv[4]);
	vgpus = strtoull(argv[2], NULL, 0);
	if (argc == 4)
		kms(argv[3]);

	CHECK(!ioctl(fd, DRM_IOCTL_VERSION, &ver) && !strcmp(name, "nvvgpu"),
	      "DRM_IOCTL_VERSION: %s %d.%d.%d (%s, %s)", name, ver.version_major,
	      ver.version_minor, ver.version_patchlevel, desc, date);

	/* GETPARAM */
	CHECK(!getparam(DRM_NVVGPU_PARAM_FB_SIZE, 0, &v) && v, "FB size %llu MiB",
	      (unsigned long long)v >> 20);
	CHECK(!getparam(DRM_NVVGPU_PARAM_NUM_VGPU_TYPES, 0, &v) && v,
	      "%llu vGPU types", (unsigned long long)v);
	CHECK(!getparam(DRM_NVVGPU_PARAM_NUM_VGPUS, 0, &v) && v == vgpus,
	      "%llu vGPUs (want %llu)", (unsigned long long)v,
	      (unsigned long long)vgpus);
	CHECK(!getparam(DRM_NVVGPU_PARAM_FW_VERSION, 0, &v) &&
	      DRM_NVVGPU_FW_VERSION_MAJOR(v), "firmware %u.%u.%02u",
	      DRM_NVVGPU_FW_VERSION_MAJOR(v), DRM_NVVGPU_FW_VERSION_MINOR(v),
	      DRM_NVVGPU_FW_VERSION_PATCH(v));
	CHECK(!getparam(DRM_NVVGPU_PARAM_NUM_CHANNELS, 0, &v) && v,
	      "%llu channels", (unsigned long long)v);
	CHECK(!getparam(DRM_NVVGPU_PARAM_GEM_MAX_SIZE, 0, &max) && max,
	      "GEM max size %llu MiB", (unsigned long long)max >> 20);
	CHECK(getparam(0, 0, &v) == -EINVAL, "param 0: EINVAL");
	CHECK(getparam(9999, 0, &v) == -EINVAL, "param 9999: EINVAL");
	CHECK(getparam(DRM_NVVGPU_PARAM_FB_SIZE, 1, &v) == -EINVAL,
	      "non-zero pad: EINVAL");

	/* GEM create, bad input */
	CHECK(gem_create(0, 0, &handle) == -EINVAL, "GEM size 0: EINVAL");
	CHECK(gem_create(4096, 1, &handle) == -EINVAL, "GEM flags 1: EINVAL");
	CHECK(gem_create(max + 1, 0, &handle) == -EINVAL, "GEM size max+1: EINVAL");
	CHECK(gem_create(~0ull, 0, &handle) == -EINVAL, "GEM size ~0: EINVAL");

	/* GEM create, mmap, write, read */
	CHECK(!gem_create(size, 0, &handle), "GEM create %zu bytes: handle %u",
	      size, handle);
	CHECK(gem_offset(handle, 1, &offset) == -EINVAL, "mmap offset flags 1: EINVAL");
	CHECK(gem_offset(handle + 1000, 0, &offset) == -ENOENT,
	      "mmap offset of an unknown handle: ENOENT");
	CHECK(!gem_offset(handle, 0, &offset) && offset && !(offset & 4095),
	      "mmap offset %#llx", (unsigned long long)offset);
	p = gem_map(handle, mapsize);
	CHECK(p, "mmap the BO (size rounded up to whole pages)");
	if (p) {
		CHECK(p[0] == 0 && p[mapsize / 4 - 1] == 0, "a new BO reads zero");
		fill(p, mapsize, 0x1234);
		munmap(p, mapsize);
	}
	p = gem_map(handle, mapsize);
	CHECK(p && same(p, mapsize, 0x1234), "a second mapping reads what the first wrote");
	if (p)
		munmap(p, mapsize);
	CHECK(mmap(NULL, mapsize + 4096, PROT_READ, MAP_SHARED, fd, offset) == MAP_FAILED,
	      "mmap beyond the BO fails");

	CHECK(!gem_create(max, 0, &h2), "GEM create of the max size (not touched)");
	gc.handle = h2;
	CHECK(!ioctl(fd, DRM_IOCTL_GEM_CLOSE, &gc), "GEM close");
	gc.handle = handle;
	CHECK(!ioctl(fd, DRM_IOCTL_GEM_CLOSE, &gc), "GEM close");
	CHECK(gem_offset(handle, 0, &offset) == -ENOENT, "closed handle: ENOENT");
	CHECK(ioctl(fd, DRM_IO(DRM_COMMAND_BASE + 0x3f)) && errno == EINVAL,
	      "unknown driver ioctl: EINVAL");
	close(fd);
	return nvtest_failed;
}

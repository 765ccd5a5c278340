// SPDX-License-Identifier: GPL-2.0
/*
 * vfio-hold: open vGPUs the way a VMM does (VFIO container, group, device),
 * print what the device reports, keep them open for a while, close them.
 * Opening makes the vGPU runnable, so the scheduler gives it time slices.
 *
 * Usage: vfio-hold SECONDS UUID...
 *
 * Copyright (c) 2026 The nvvgpu developers
 */

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include <linux/vfio.h>

static int open_vgpu(const char *uuid)
{
	struct vfio_region_info reg = { .argsz = sizeof(reg) };
	struct vfio_device_info info = { .argsz = sizeof(info) };
	struct vfio_group_status status = { .argsz = sizeof(status) };
	char path[PATH_MAX], link[PATH_MAX];
	int container, group, device;
	uint16_t ids[2];
	ssize_t n;

	snprintf(path, sizeof(path), "/sys/bus/mdev/devices/%s/iommu_group", uuid);
	n = readlink(path, link, sizeof(link) - 1);
	if (n < 0) {
		fprintf(stderr, "%s: %s: %s\n", uuid, path, strerror(errno));
		return -1;
	}
	link[n] = 0;
	snprintf(path, sizeof(path), "/dev/vfio/%s", strrchr(link, '/') + 1);

	container = open("/dev/vfio/vfio", O_RDWR);
	group = open(path, O_RDWR);
	if (container < 0 || group < 0) {
		fprintf(stderr, "%s: open %s: %s\n", uuid, path, strerror(errno));
		return -1;
	}
	if (ioctl(group, VFIO_GROUP_GET_STATUS, &status) ||
	    !(status.flags & VFIO_GROUP_FLAGS_VIABLE) ||
	    ioctl(group, VFIO_GROUP_SET_CONTAINER, &container) ||
	    ioctl(container, VFIO_SET_IOMMU, VFIO_TYPE1v2_IOMMU)) {
		fprintf(stderr, "%s: group set-up: %s\n", uuid, strerror(errno));
		return -1;
	}
	device = ioctl(group, VFIO_GROUP_GET_DEVICE_FD, uuid);
	if (device < 0 || ioctl(device, VFIO_DEVICE_GET_INFO, &info)) {
		fprintf(stderr, "%s: device: %s\n", uuid, strerror(errno));
		return -1;
	}
	reg.index = VFIO_PCI_CONFIG_REGION_INDEX;
	if (ioctl(device, VFIO_DEVICE_GET_REGION_INFO, &reg) ||
	    pread(device, ids, sizeof(ids), reg.offset) != sizeof(ids)) {
		fprintf(stderr, "%s: config space: %s\n", uuid, strerror(errno));
		return -1;
	}
	printf("%s: opened: %u regions, %u irqs, PCI %04x:%04x\n", uuid,
	       info.num_regions, info.num_irqs, ids[0], ids[1]);
	return device;
}

int main(int argc, char **argv)
{
	int i, secs;

	if (argc < 3) {
		fprintf(stderr, "usage: %s SECONDS UUID...\n", argv[0]);
		return 2;
	}
	secs = atoi(argv[1]);
	for (i = 2; i < argc; i++)
		if (open_vgpu(argv[i]) < 0)
			return 1;
	fflush(stdout);
	sleep(secs);
	printf("closing %d vGPU(s)\n", argc - 2);
	return 0;
}

#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# nvvgpu_vfio end to end, inside the test VM (scripts/vm-run): mdev types
# and their attributes, creation through sysfs and mdevctl, bad input, a
# VFIO client exercising every device ioctl, config space, BAR0, BAR1
# read/write/mmap and interrupts, a nested QEMU realizing the device as
# vfio-pci, unbind/rebind of the auxiliary driver, removal and unload.
#
# Modules come from NVVGPU_MODDIR (default build/vm, see
# scripts/build-vm-modules). The VFIO client is C, built here with the
# host's gcc (visible through the shared root) into a temporary directory.
set -u
. "$(dirname "$0")/lib.sh"

U1=6e7a3c10-1b2d-4c3e-9f40-00000000a001
U2=6e7a3c10-1b2d-4c3e-9f40-00000000a002
U3=6e7a3c10-1b2d-4c3e-9f40-00000000a003
U4=6e7a3c10-1b2d-4c3e-9f40-00000000a004
TMP=$(mktemp -d /tmp/nvvgpu-vfio.XXXXXX)
trap 'rm -rf "$TMP"' EXIT

# the mdev type directories of nvvgpu parents only (other mdev drivers,
# such as the mdpy sample, may have parents too)
nvvgpu_types() {
	local d
	for d in /sys/class/mdev_bus/nvvgpu_core.vfio.*/mdev_supported_types/*; do
		[[ -d $d ]] && echo "$d"
	done
}

# the type with the most instances available
best_type() {
	local t best='' n max=-1
	for t in $(nvvgpu_types); do
		n=$(cat "$t/available_instances")
		((n > max)) && max=$n && best=$t
	done
	echo "$best"
}

build_client() {
	cat >"$TMP/client.c" <<'EOF'
/*
 * VFIO client for an nvvgpu mdev.
 *   client UUID DEVID BAR1          the checks (DEVID in hex, BAR1 in bytes)
 *   client UUID hold READY req|err  open the device with the request and
 *                                   error interrupts set, touch READY, wait
 *                                   for the named interrupt, then close (for
 *                                   err: and check that reopening fails)
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <unistd.h>
#include <linux/pci_regs.h>
#include <linux/vfio.h>

static int failed;

#define CHECK(cond, ...) do {						\
	if (cond) {							\
		printf("ok ");						\
	} else {							\
		printf("not ok ");					\
		failed = 1;						\
	}								\
	printf(__VA_ARGS__);						\
	printf("\n");							\
} while (0)

#define REGION(i)	((uint64_t)(i) << 40)

static int fd;

static uint32_t cfg_read(unsigned int off, unsigned int size)
{
	uint32_t v = 0;

	if (pread(fd, &v, size, REGION(VFIO_PCI_CONFIG_REGION_INDEX) + off) !=
	    (ssize_t)size)
		return 0xdeadbeef;
	return v;
}

static void cfg_write(unsigned int off, uint32_t v, unsigned int size)
{
	if (pwrite(fd, &v, size, REGION(VFIO_PCI_CONFIG_REGION_INDEX) + off) !=
	    (ssize_t)size)
		printf("# config write at %#x failed: %s\n", off,
		       strerror(errno));
}

static int set_irqs(unsigned int index, uint32_t flags, uint32_t start,
		    uint32_t count, int32_t *fds)
{
	char buf[sizeof(struct vfio_irq_set) + 4 * sizeof(int32_t)];
	struct vfio_irq_set *set = (void *)buf;

	memset(buf, 0, sizeof(buf));
	set->argsz = sizeof(*set) + (fds ? count * sizeof(int32_t) : 0);
	set->flags = flags;
	set->index = index;
	set->start = start;
	set->count = count;
	if (fds)
		memcpy(set->data, fds, count * sizeof(int32_t));
	return ioctl(fd, VFIO_DEVICE_SET_IRQS, set) ? -errno : 0;
}

static int fired(int efd)
{
	struct pollfd p = { .fd = efd, .events = POLLIN };
	uint64_t n;

	if (poll(&p, 1, 100) != 1)
		return 0;
	return read(efd, &n, sizeof(n)) == sizeof(n) ? (int)n : 0;
}

static void read_state(const char *uuid, char *buf, size_t len)
{
	char path[256];
	FILE *f;

	snprintf(path, sizeof(path), "/sys/bus/mdev/devices/%s/nvvgpu/state",
		 uuid);
	buf[0] = 0;
	f = fopen(path, "r");
	if (!f)
		return;
	if (!fgets(buf, len, f))
		buf[0] = 0;
	buf[strcspn(buf, "\n")] = 0;
	fclose(f);
}

static int vfio_open(const char *uuid, int *container, int *group)
{
	struct vfio_group_status gs = { .argsz = sizeof(gs) };
	char path[PATH_MAX], link[PATH_MAX];
	int dfd;
	ssize_t n;

	snprintf(path, sizeof(path), "/sys/bus/mdev/devices/%s/iommu_group",
		 uuid);
	n = readlink(path, link, sizeof(link) - 1);
	if (n < 0) {
		printf("not ok no iommu group: %s\n", strerror(errno));
		return -1;
	}
	link[n] = 0;
	snprintf(path, sizeof(path), "/dev/vfio/%s", strrchr(link, '/') + 1);

	*container = open("/dev/vfio/vfio", O_RDWR);
	*group = open(path, O_RDWR);
	CHECK(*container >= 0 && *group >= 0, "open container and group %s", path);
	ioctl(*group, VFIO_GROUP_GET_STATUS, &gs);
	CHECK(gs.flags & VFIO_GROUP_FLAGS_VIABLE, "group is viable");
	CHECK(!ioctl(*group, VFIO_GROUP_SET_CONTAINER, container) &&
	      !ioctl(*container, VFIO_SET_IOMMU, VFIO_TYPE1_IOMMU),
	      "container with the type1 IOMMU");
	dfd = ioctl(*group, VFIO_GROUP_GET_DEVICE_FD, uuid);
	CHECK(dfd >= 0, "device fd (%s)", dfd < 0 ? strerror(errno) : "open");
	return dfd;
}

static int hold(const char *uuid, const char *ready, int want_err)
{
	int container, group, req, err, dfd;
	struct pollfd p[2];

	fd = vfio_open(uuid, &container, &group);
	if (fd < 0)
		return 1;
	req = eventfd(0, EFD_NONBLOCK);
	err = eventfd(0, EFD_NONBLOCK);
	CHECK(!set_irqs(VFIO_PCI_REQ_IRQ_INDEX, VFIO_IRQ_SET_DATA_EVENTFD |
			VFIO_IRQ_SET_ACTION_TRIGGER, 0, 1, &req) &&
	      !set_irqs(VFIO_PCI_ERR_IRQ_INDEX, VFIO_IRQ_SET_DATA_EVENTFD |
			VFIO_IRQ_SET_ACTION_TRIGGER, 0, 1, &err),
	      "hold: request and error eventfds set");
	close(open(ready, O_CREAT | O_WRONLY, 0600));

	p[0] = (struct pollfd){ .fd = req, .events = POLLIN };
	p[1] = (struct pollfd){ .fd = err, .events = POLLIN };
	poll(p, 2, 60000);
	if (want_err)
		CHECK(p[1].revents & POLLIN, "hold: error interrupt received");
	else
		CHECK(p[0].revents & POLLIN, "hold: request interrupt received");
	close(fd);

	if (want_err) {
		dfd = ioctl(group, VFIO_GROUP_GET_DEVICE_FD, uuid);
		CHECK(dfd < 0 && errno == EIO, "hold: reopening the device: EIO");
		if (dfd >= 0)
			close(dfd);
	}
	close(group);
	close(container);
	return failed;
}

int main(int argc, char **argv)
{
	const char *uuid = argc > 1 ? argv[1] : "";
	unsigned int devid = argc > 2 ? strtoul(argv[2], NULL, 16) : 0;
	uint64_t bar1 = argc > 3 ? strtoull(argv[3], NULL, 0) : 0;
	struct vfio_device_info di = { .argsz = sizeof(di) };
	struct vfio_region_info ri;
	struct vfio_irq_info ii;
	char state[32];
	int container, group, efd, efd2, i, ret;
	uint32_t v, pattern[4] = { 0x11223344, 0x55667788, 0x99aabbcc, 0xddeeff00 };
	uint32_t back[4];
	volatile uint32_t *map;
	unsigned int pos, msi = 0;
	ssize_t n;

	if (argc == 5 && !strcmp(argv[2], "hold"))
		return hold(uuid, argv[3], !strcmp(argv[4], "err"));
	if (argc != 4)
		return 2;
	fd = vfio_open(uuid, &container, &group);
	if (fd < 0)
		return 1;

	read_state(uuid, state, sizeof(state));
	CHECK(!strcmp(state, "running"), "vGPU running while open (%s)", state);

	/* VFIO_DEVICE_GET_INFO */
	CHECK(!ioctl(fd, VFIO_DEVICE_GET_INFO, &di) &&
	      (di.flags & VFIO_DEVICE_FLAGS_PCI) &&
	      (di.flags & VFIO_DEVICE_FLAGS_RESET) &&
	      di.num_regions == VFIO_PCI_NUM_REGIONS &&
	      di.num_irqs == VFIO_PCI_NUM_IRQS,
	      "GET_INFO: pci, reset, %u regions, %u irqs", di.num_regions,
	      di.num_irqs);
	di.argsz = 4;
	CHECK(ioctl(fd, VFIO_DEVICE_GET_INFO, &di) && errno == EINVAL,
	      "GET_INFO with short argsz: EINVAL");

	/* VFIO_DEVICE_GET_REGION_INFO */
	{
		static const struct { unsigned int index; uint64_t size; uint32_t flags; } want[] = {
			{ VFIO_PCI_BAR0_REGION_INDEX, 16 << 20, 3 },
			{ VFIO_PCI_BAR1_REGION_INDEX, 0, 7 },
			{ VFIO_PCI_BAR2_REGION_INDEX, 0, 0 },
			{ VFIO_PCI_BAR3_REGION_INDEX, 32 << 20, 3 },
			{ VFIO_PCI_BAR4_REGION_INDEX, 0, 0 },
			{ VFIO_PCI_BAR5_REGION_INDEX, 0, 0 },
			{ VFIO_PCI_ROM_REGION_INDEX, 0, 0 },
			{ VFIO_PCI_CONFIG_REGION_INDEX, 256, 3 },
			{ VFIO_PCI_VGA_REGION_INDEX, 0, 0 },
		};

		for (i = 0; i < 9; i++) {
			uint64_t size = want[i].index == VFIO_PCI_BAR1_REGION_INDEX ?
					bar1 : want[i].size;

			memset(&ri, 0, sizeof(ri));
			ri.argsz = sizeof(ri);
			ri.index = want[i].index;
			ret = ioctl(fd, VFIO_DEVICE_GET_REGION_INFO, &ri);
			CHECK(!ret && ri.size == size && ri.flags == want[i].flags &&
			      ri.offset == REGION(ri.index),
			      "region %u: size %#llx flags %#x", ri.index,
			      (unsigned long long)ri.size, ri.flags);
		}
		memset(&ri, 0, sizeof(ri));
		ri.argsz = sizeof(ri);
		ri.index = VFIO_PCI_NUM_REGIONS;
		CHECK(ioctl(fd, VFIO_DEVICE_GET_REGION_INFO, &ri) && errno == EINVAL,
		      "region %u does not exist: EINVAL", ri.index);
		ri.index = 0;
		ri.argsz = 8;
		CHECK(ioctl(fd, VFIO_DEVICE_GET_REGION_INFO, &ri) && errno == EINVAL,
		      "GET_REGION_INFO with short argsz: EINVAL");
	}

	/* configuration space */
	CHECK(cfg_read(PCI_VENDOR_ID, 2) == 0x10de, "vendor 10de");
	CHECK(cfg_read(PCI_DEVICE_ID, 2) == devid, "device %04x (%04x)", devid,
	      cfg_read(PCI_DEVICE_ID, 2));
	CHECK(cfg_read(PCI_SUBSYSTEM_VENDOR_ID, 2) == 0x10de, "subsystem vendor 10de");
	CHECK((cfg_read(PCI_CLASS_REVISION, 4) >> 8) == 0x030000, "class 030000 (VGA)");
	CHECK(cfg_read(PCI_STATUS, 2) & PCI_STATUS_CAP_LIST, "capability list");
	for (pos = cfg_read(PCI_CAPABILITY_LIST, 1), i = 0; pos && i < 48;
	     pos = cfg_read(pos + PCI_CAP_LIST_NEXT, 1), i++)
		if (cfg_read(pos, 1) == PCI_CAP_ID_MSI)
			msi = pos;
	CHECK(msi, "MSI capability at %#x", msi);
	cfg_write(PCI_VENDOR_ID, 0x1234, 2);
	CHECK(cfg_read(PCI_VENDOR_ID, 2) == 0x10de, "vendor ID is read-only");
	cfg_write(PCI_COMMAND, PCI_COMMAND_MEMORY | PCI_COMMAND_MASTER | PCI_COMMAND_IO, 2);
	CHECK(cfg_read(PCI_COMMAND, 2) == (PCI_COMMAND_MEMORY | PCI_COMMAND_MASTER),
	      "command: memory and master stick, I/O does not");
	cfg_write(PCI_BASE_ADDRESS_0, 0xffffffff, 4);
	CHECK(cfg_read(PCI_BASE_ADDRESS_0, 4) == 0xff000000,
	      "BAR0 sizing: %#x", cfg_read(PCI_BASE_ADDRESS_0, 4));
	cfg_write(PCI_BASE_ADDRESS_1, 0xffffffff, 4);
	cfg_write(PCI_BASE_ADDRESS_2, 0xffffffff, 4);
	v = cfg_read(PCI_BASE_ADDRESS_1, 4);
	CHECK(v == (((uint32_t)~(bar1 - 1) & 0xfffffff0) | 0xc),
	      "BAR1 sizing (64-bit prefetchable): %#x", v);
	v = cfg_read(PCI_BASE_ADDRESS_2, 4);
	CHECK(v == (uint32_t)(~(bar1 - 1) >> 32), "BAR1 upper half sizing: %#x", v);
	cfg_write(PCI_BASE_ADDRESS_3, 0xffffffff, 4);
	CHECK(cfg_read(PCI_BASE_ADDRESS_3, 4) == 0xfe00000c, "BAR3 sizing: %#x",
	      cfg_read(PCI_BASE_ADDRESS_3, 4));
	cfg_write(PCI_BASE_ADDRESS_5, 0xffffffff, 4);
	CHECK(cfg_read(PCI_BASE_ADDRESS_5, 4) == 0, "BAR5 unused");
	n = pread(fd, &v, 4, REGION(VFIO_PCI_CONFIG_REGION_INDEX) + 254);
	CHECK(n < 0 && errno == EINVAL, "config read across the end: EINVAL");

	/* BAR0 */
	n = pread(fd, &v, 4, REGION(0));
	CHECK(n == 4 && v && v != 0xffffffff, "BAR0 NV_PMC_BOOT_0 = %#x", v);
	n = pread(fd, &v, 4, REGION(0) + (16 << 20) - 4);
	CHECK(n == 4 && v == 0, "BAR0 last register reads 0");
	n = pread(fd, &v, 4, REGION(0) + (16 << 20));
	CHECK(n < 0 && errno == EINVAL, "BAR0 read past the end: EINVAL");
	v = 0x12345678;
	CHECK(pwrite(fd, &v, 4, REGION(0) + 0x100) == 4, "BAR0 write is accepted");

	/* BAR1: read/write and mmap of the FB window */
	CHECK(pwrite(fd, pattern, sizeof(pattern), REGION(1) + 0x1ff8) ==
	      sizeof(pattern), "BAR1 write across a page boundary");
	memset(back, 0, sizeof(back));
	CHECK(pread(fd, back, sizeof(back), REGION(1) + 0x1ff8) == sizeof(back) &&
	      !memcmp(back, pattern, sizeof(back)), "BAR1 reads back what was written");
	n = pread(fd, &v, 4, REGION(1) + bar1);
	CHECK(n < 0 && errno == EINVAL, "BAR1 read past the end: EINVAL");
	map = mmap(NULL, 0x4000, PROT_READ | PROT_WRITE, MAP_SHARED, fd, REGION(1));
	CHECK(map != MAP_FAILED, "mmap BAR1");
	if (map != MAP_FAILED) {
		CHECK(map[0x1ff8 / 4] == pattern[0] && map[0x2000 / 4] == pattern[2],
		      "the mapping shows what pwrite wrote");
		map[0x3000 / 4] = 0xcafef00d;
		CHECK(pread(fd, &v, 4, REGION(1) + 0x3000) == 4 && v == 0xcafef00d,
		      "pread shows what the mapping wrote");
		munmap((void *)map, 0x4000);
	}
	CHECK(mmap(NULL, 0x1000, PROT_READ, MAP_PRIVATE, fd, REGION(1)) == MAP_FAILED &&
	      errno == EINVAL, "private mmap of BAR1: EINVAL");
	CHECK(mmap(NULL, 0x1000, PROT_READ, MAP_SHARED, fd, REGION(0)) == MAP_FAILED &&
	      errno == EINVAL, "mmap of BAR0: EINVAL");
	CHECK(mmap(NULL, 0x2000, PROT_READ, MAP_SHARED, fd, REGION(1) + bar1 - 0x1000) ==
	      MAP_FAILED && errno == EINVAL, "mmap past the end of BAR1: EINVAL");

	/* interrupts */
	memset(&ii, 0, sizeof(ii));
	ii.argsz = sizeof(ii);
	ii.index = VFIO_PCI_INTX_IRQ_INDEX;
	CHECK(!ioctl(fd, VFIO_DEVICE_GET_IRQ_INFO, &ii) && ii.count == 1 &&
	      ii.flags == (VFIO_IRQ_INFO_EVENTFD | VFIO_IRQ_INFO_MASKABLE |
			   VFIO_IRQ_INFO_AUTOMASKED), "INTx: 1, maskable, automasked");
	ii.index = VFIO_PCI_MSI_IRQ_INDEX;
	CHECK(!ioctl(fd, VFIO_DEVICE_GET_IRQ_INFO, &ii) && ii.count == 1,
	      "MSI: 1 vector");
	ii.index = VFIO_PCI_MSIX_IRQ_INDEX;
	CHECK(!ioctl(fd, VFIO_DEVICE_GET_IRQ_INFO, &ii) && ii.count == 0,
	      "MSI-X: none");
	ii.index = VFIO_PCI_ERR_IRQ_INDEX;
	CHECK(!ioctl(fd, VFIO_DEVICE_GET_IRQ_INFO, &ii) && ii.count == 1,
	      "error interrupt: 1");
	ii.index = VFIO_PCI_REQ_IRQ_INDEX;
	CHECK(!ioctl(fd, VFIO_DEVICE_GET_IRQ_INFO, &ii) && ii.count == 1,
	      "request interrupt: 1");
	ii.argsz = 8;
	CHECK(ioctl(fd, VFIO_DEVICE_GET_IRQ_INFO, &ii) && errno == EINVAL,
	      "GET_IRQ_INFO with short argsz: EINVAL");
	ii.argsz = sizeof(ii);
	ii.index = VFIO_PCI_NUM_IRQS;
	CHECK(ioctl(fd, VFIO_DEVICE_GET_IRQ_INFO, &ii) && errno == EINVAL,
	      "IRQ index %u does not exist: EINVAL", ii.index);

	efd = eventfd(0, EFD_NONBLOCK);
	efd2 = eventfd(0, EFD_NONBLOCK);
	CHECK(!set_irqs(VFIO_PCI_MSI_IRQ_INDEX, VFIO_IRQ_SET_DATA_EVENTFD |
			VFIO_IRQ_SET_ACTION_TRIGGER, 0, 1, &efd), "MSI eventfd set");
	CHECK(!set_irqs(VFIO_PCI_MSI_IRQ_INDEX, VFIO_IRQ_SET_DATA_NONE |
			VFIO_IRQ_SET_ACTION_TRIGGER, 0, 1, NULL) && fired(efd) == 1,
	      "MSI loopback fires the eventfd");
	CHECK(set_irqs(VFIO_PCI_INTX_IRQ_INDEX, VFIO_IRQ_SET_DATA_EVENTFD |
		       VFIO_IRQ_SET_ACTION_TRIGGER, 0, 1, &efd2) == -EINVAL,
	      "INTx while MSI is enabled: EINVAL");
	CHECK(set_irqs(VFIO_PCI_MSI_IRQ_INDEX, VFIO_IRQ_SET_DATA_EVENTFD |
		       VFIO_IRQ_SET_ACTION_TRIGGER, 1, 1, &efd) == -EINVAL,
	      "MSI start 1: EINVAL");
	CHECK(set_irqs(VFIO_PCI_MSIX_IRQ_INDEX, VFIO_IRQ_SET_DATA_EVENTFD |
		       VFIO_IRQ_SET_ACTION_TRIGGER, 0, 1, &efd) == -EINVAL,
	      "MSI-X eventfd: EINVAL");
	CHECK(set_irqs(7, VFIO_IRQ_SET_DATA_NONE | VFIO_IRQ_SET_ACTION_TRIGGER,
		       0, 0, NULL) == -EINVAL, "IRQ index 7: EINVAL");
	CHECK(set_irqs(VFIO_PCI_MSI_IRQ_INDEX, VFIO_IRQ_SET_DATA_NONE |
		       VFIO_IRQ_SET_ACTION_MASK, 0, 1, NULL) == -ENOTTY,
	      "MSI mask: ENOTTY");
	CHECK(!set_irqs(VFIO_PCI_MSI_IRQ_INDEX, VFIO_IRQ_SET_DATA_NONE |
			VFIO_IRQ_SET_ACTION_TRIGGER, 0, 0, NULL), "MSI disabled");
	CHECK(!set_irqs(VFIO_PCI_INTX_IRQ_INDEX, VFIO_IRQ_SET_DATA_EVENTFD |
			VFIO_IRQ_SET_ACTION_TRIGGER, 0, 1, &efd2), "INTx eventfd set");
	set_irqs(VFIO_PCI_INTX_IRQ_INDEX, VFIO_IRQ_SET_DATA_NONE |
		 VFIO_IRQ_SET_ACTION_TRIGGER, 0, 1, NULL);
	CHECK(fired(efd2) == 1, "INTx loopback fires");
	set_irqs(VFIO_PCI_INTX_IRQ_INDEX, VFIO_IRQ_SET_DATA_NONE |
		 VFIO_IRQ_SET_ACTION_TRIGGER, 0, 1, NULL);
	CHECK(fired(efd2) == 0, "INTx is automasked");
	CHECK(!set_irqs(VFIO_PCI_INTX_IRQ_INDEX, VFIO_IRQ_SET_DATA_NONE |
			VFIO_IRQ_SET_ACTION_UNMASK, 0, 1, NULL), "INTx unmask");
	set_irqs(VFIO_PCI_INTX_IRQ_INDEX, VFIO_IRQ_SET_DATA_NONE |
		 VFIO_IRQ_SET_ACTION_TRIGGER, 0, 1, NULL);
	CHECK(fired(efd2) == 1, "INTx fires again after unmask");
	CHECK(set_irqs(VFIO_PCI_INTX_IRQ_INDEX, VFIO_IRQ_SET_DATA_EVENTFD |
		       VFIO_IRQ_SET_ACTION_UNMASK, 0, 1, &efd) == -ENOTTY,
	      "INTx unmask by eventfd: ENOTTY");
	CHECK(!set_irqs(VFIO_PCI_ERR_IRQ_INDEX, VFIO_IRQ_SET_DATA_EVENTFD |
			VFIO_IRQ_SET_ACTION_TRIGGER, 0, 1, &efd) &&
	      !set_irqs(VFIO_PCI_ERR_IRQ_INDEX, VFIO_IRQ_SET_DATA_NONE |
			VFIO_IRQ_SET_ACTION_TRIGGER, 0, 1, NULL) && fired(efd) == 1,
	      "error interrupt eventfd and loopback");
	CHECK(set_irqs(VFIO_PCI_ERR_IRQ_INDEX, VFIO_IRQ_SET_DATA_NONE |
		       VFIO_IRQ_SET_ACTION_UNMASK, 0, 1, NULL) == -ENOTTY,
	      "error interrupt unmask: ENOTTY");
	CHECK(!set_irqs(VFIO_PCI_REQ_IRQ_INDEX, VFIO_IRQ_SET_DATA_EVENTFD |
			VFIO_IRQ_SET_ACTION_TRIGGER, 0, 1, &efd), "request eventfd set");
	CHECK(set_irqs(VFIO_PCI_REQ_IRQ_INDEX, VFIO_IRQ_SET_DATA_EVENTFD |
		       VFIO_IRQ_SET_ACTION_TRIGGER, 0, 1, (int32_t[]){ 0 }) == -EINVAL,
	      "request with a non-eventfd fd: EINVAL");

	/* reset and unknown ioctls */
	CHECK(!ioctl(fd, VFIO_DEVICE_RESET), "VFIO_DEVICE_RESET");
	CHECK(cfg_read(PCI_COMMAND, 2) == 0 &&
	      cfg_read(PCI_BASE_ADDRESS_0, 4) == 0, "reset restores config space");
	CHECK(ioctl(fd, VFIO_DEVICE_GET_PCI_HOT_RESET_INFO, &di) && errno == ENOTTY,
	      "unsupported ioctl: ENOTTY");

	close(efd);
	close(efd2);
	close(fd);
	close(group);
	close(container);
	read_state(uuid, state, sizeof(state));
	CHECK(!strcmp(state, "stopped"), "vGPU stopped after close (%s)", state);
	return failed;
}
EOF
	gcc -O2 -Wall -Werror -o "$TMP/client" "$TMP/client.c"
}

# turn each line of client output into a test result
client_results() {
	local line
	while IFS= read -r line; do
		case $line in
		"ok "*) nv_ok "client: ${line#ok }" ;;
		"not ok "*) nv_not_ok "client: ${line#not ok }" ;;
		*) echo "$line" ;;
		esac
	done
}

run_client() {
	client_results < <("$TMP/client" "$@" 2>&1; echo "# client exit $?")
}

# hold_device UUID req|err: start a client holding the device open in the
# background (not in a subshell: HOLD is its pid) and wait until it is ready
hold_device() {
	rm -f "$TMP/ready"
	"$TMP/client" "$1" hold "$TMP/ready" "$2" >"$TMP/hold.out" 2>&1 &
	HOLD=$!
	for _ in $(seq 150); do
		[[ -e $TMP/ready ]] && break
		sleep 0.1
	done
	if [[ -e $TMP/ready ]]; then
		nv_ok "a client holds $1 open"
	else
		nv_not_ok "a client holds $1 open"
	fi
}

hold_results() {
	local st=0
	wait "$HOLD" || st=$?
	client_results <"$TMP/hold.out"
	nv_check "the holding client exits cleanly" test "$st" -eq 0
}

echo "# load the stack"
for m in core sim gsp mm sched vfio; do
	nv_check "load $m" nv_load $m
done

echo "# mdev types"
T=$(best_type)
nv_check "an nvvgpu mdev type exists" test -n "$T"
if [[ -z $T ]]; then
	nv_unload_all
	nv_done
	exit
fi
TYPE=$(basename "$T")
PARENT=$(basename "$(dirname "$(dirname "$T")")")
echo "# using type $TYPE ($(cat "$T/name")) on $PARENT: $(cat "$T/description")"
DEVID=$(sed -n 's/.*device=10de:\([0-9a-f]\{4\}\).*/\1/p' "$T/description")
BAR1=$(sed -n 's/.*bar1=\([0-9]*\)M.*/\1/p' "$T/description")
# the BAR is the type's BAR1 size rounded up to a power of two
BAR1_SIZE=4096
while ((BAR1_SIZE < BAR1 << 20)); do
	BAR1_SIZE=$((BAR1_SIZE * 2))
done
nv_check "type name is set" test -s "$T/name"
nv_check "type is named nvvgpu_vfio-<id>" bash -c "[[ $TYPE =~ ^nvvgpu_vfio-[0-9]+\$ ]]"
nv_check "device_api is vfio-pci" test "$(cat "$T/device_api")" = vfio-pci
nv_check "description has the device ID" test -n "$DEVID"
MT=$(mdevctl types 2>&1)
nv_check "mdevctl types lists $PARENT" grep -q "^$PARENT" <<<"$MT"
all_types_listed() {
	local t
	for t in $(nvvgpu_types); do
		grep -q "^  $(basename "$t")\$" <<<"$MT" || return 1
	done
}
nv_check "mdevctl types lists every nvvgpu type" all_types_listed
AVAIL=$(cat "$T/available_instances")
nv_check "at least two instances available ($AVAIL)" test "$AVAIL" -ge 2

echo "# create through sysfs"
nv_check "create $U1" nv_write "$T/create" "$U1"
nv_check "mdev device exists" test -e "/sys/bus/mdev/devices/$U1"
nv_check "available_instances dropped by one" \
	test "$(cat "$T/available_instances")" -eq $((AVAIL - 1))
nv_check "vGPU booted" test "$(cat "/sys/bus/mdev/devices/$U1/nvvgpu/state")" = booted
nv_check "type_id attribute" test "$(cat "/sys/bus/mdev/devices/$U1/nvvgpu/type_id")" = "${TYPE#nvvgpu_vfio-}"

echo "# bad input"
nv_mark
nv_fails "malformed UUID: EINVAL" "Invalid argument" nv_write "$T/create" "not-a-uuid-not-a-uuid-not-a-uuid-xxxx"
nv_fails "short UUID: EINVAL" "Invalid argument" nv_write "$T/create" "${U2:0:20}"
nv_fails "duplicate UUID: EEXIST" "File exists" nv_write "$T/create" "$U1"
nv_fails "unknown type: ENOENT" "No such file or directory" \
	nv_write "$(dirname "$T")/nvvgpu_vfio-999999/create" "$U2"
nv_check "nothing half-created" test ! -e "/sys/bus/mdev/devices/$U2"

echo "# create through mdevctl"
nv_check "mdevctl start" mdevctl start -u "$U2" -p "$PARENT" --type "$TYPE"
nv_check "mdevctl list shows it" bash -c "mdevctl list | grep -q '$U2'"
nv_check "available_instances dropped by two" \
	test "$(cat "$T/available_instances")" -eq $((AVAIL - 2))

echo "# a VFIO client"
if nv_check "build the VFIO client" build_client; then
	run_client "$U1" "$DEVID" "$BAR1_SIZE"
fi

echo "# nested QEMU realizes it as vfio-pci"
QOUT=$(printf 'info pci\nquit\n' | timeout 120 qemu-system-x86_64 -S -nodefaults \
	-display none -monitor stdio -machine pc -m 64 \
	-device "vfio-pci,sysfsdev=/sys/bus/mdev/devices/$U1" 2>&1)
echo "$QOUT" | sed -n '/Bus/,/quit/p' | sed 's/^/#   /'
nv_check "QEMU sees a VGA controller" grep -q "VGA controller" <<<"$QOUT"
nv_check "QEMU sees 10de:$DEVID" grep -qi "10de:$DEVID" <<<"$QOUT"
nv_check "QEMU sees BAR1 as 64-bit prefetchable" \
	grep -q "BAR1: 64 bit prefetchable memory" <<<"$QOUT"
no_vfio_complaint() { ! grep -iE 'vfio.*(error|fail|warning)' <<<"$QOUT"; }
nv_check "QEMU has no VFIO error or warning" no_vfio_complaint
nv_check "vGPU stopped after QEMU quit" \
	test "$(cat "/sys/bus/mdev/devices/$U1/nvvgpu/state")" = stopped

echo "# remove"
nv_check "remove $U1 through sysfs" nv_write "/sys/bus/mdev/devices/$U1/remove" 1
nv_check "mdevctl stop $U2" mdevctl stop -u "$U2"
nv_check "both are gone" test ! -e "/sys/bus/mdev/devices/$U1" -a ! -e "/sys/bus/mdev/devices/$U2"
nv_check "available_instances restored" test "$(cat "$T/available_instances")" -eq "$AVAIL"

echo "# unbind and rebind the auxiliary driver under a vGPU"
nv_check "create $U3" nv_write "$T/create" "$U3"
nv_mark
nv_check "unbind $PARENT" nv_write /sys/bus/auxiliary/drivers/nvvgpu_vfio/unbind "$PARENT"
nv_check "its mdev went with it" test ! -e "/sys/bus/mdev/devices/$U3"
nv_check "its types went with it" test ! -e "$T"
nv_dmesg_has "the vGPU was destroyed" "vgpu .* destroyed"
nv_check "bind $PARENT again" nv_write /sys/bus/auxiliary/drivers/nvvgpu_vfio/bind "$PARENT"
nv_check "types are back" test -e "$T/create"
nv_check "all instances available again" test "$(cat "$T/available_instances")" -eq "$AVAIL"

if [[ -x $TMP/client ]]; then
	echo "# removal asks the user through the request interrupt"
	nv_check "create $U4" nv_write "$T/create" "$U4"
	hold_device "$U4" req
	nv_check "remove $U4 while it is open" nv_write "/sys/bus/mdev/devices/$U4/remove" 1
	hold_results
	nv_check "$U4 is gone" test ! -e "/sys/bus/mdev/devices/$U4"

	echo "# a lost pgpu: the error interrupt"
	CRASH=(/sys/kernel/debug/nvvgpu/sim/*/fault/crash)
	nv_check "create $U4 again" nv_write "$T/create" "$U4"
	hold_device "$U4" err
	nv_mark
	nv_check "crash the simulated GSP firmware" nv_write "${CRASH[0]}" 1
	hold_results
	nv_dmesg_has "the client was told" "pgpu 0 lost: vGPU devices fail"
	nv_check "no instance available on a lost pgpu" \
		test "$(cat "$T/available_instances")" -eq 0
	nv_fails "create on a lost pgpu: EIO" "Input/output error" nv_write "$T/create" "$U1"
fi

echo "# unload"
nv_check "rmmod nvvgpu_vfio with a vGPU removes it" nv_unload vfio
nv_check "no mdev left" test ! -e "/sys/bus/mdev/devices/$U4"
nv_unload_all
nv_check "everything unloaded" bash -c '! grep -q "^nvvgpu" /proc/modules'
nv_done

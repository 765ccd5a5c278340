// SPDX-License-Identifier: GPL-2.0
/*
 * vfio-client: the VFIO client of tests/vm/vfio-basic.sh, for an nvvgpu
 * mdev: every device ioctl, config space (MSI and MSI-X capabilities),
 * BAR0 (emulated registers, the VF windows forwarded to the backend, the
 * MSI-X table and PBA), BAR1 read/write/mmap and interrupts. Prints one
 * "ok"/"not ok" line per check (nvtest.h).
 *
 * Usage:
 *   vfio-client UUID DEVID BAR1          the checks (DEVID in hex, BAR1 in
 *                                        bytes)
 *   vfio-client UUID hold READY req|err  open the device with the request
 *                                        and error interrupts set, touch
 *                                        READY, wait for the named interrupt,
 *                                        then close (for err: and check that
 *                                        reopening fails)
 *
 * Copyright (c) 2026 The nvvgpu developers
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

#include "nvtest.h"

#define REGION(i)	((uint64_t)(i) << 40)

/* BAR0 layout (vfio/vfio_regions.c "regions") */
#define MSIX_TABLE	0x00b90000
#define MSIX_PBA	0x00ba0000
#define VF_PRIV_TIMER	0x2300		/* NV_VIRTUAL_FUNCTION_PRIV_TIMER */
#define VF_PRIV_SCRATCH	0x2100		/* ..._MAILBOX_SCRATCH(0) */
#define VF_DOORBELL	0x30090		/* NV_VIRTUAL_FUNCTION_DOORBELL */

/* what GET_REGION_INFO must say of a region (BAR1's size: the type's) */
struct region_want {
	unsigned int index;
	uint64_t size;
	uint32_t flags;
};

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

/* SET_IRQS with an explicit argsz (0: the right one) */
static int set_irqs_argsz(unsigned int index, uint32_t flags, uint32_t start,
			  uint32_t count, int32_t *fds, uint32_t argsz)
{
	char buf[sizeof(struct vfio_irq_set) + 4 * sizeof(int32_t)];
	struct vfio_irq_set *set = (void *)buf;

	if (count > 4)
		return -E2BIG;
	memset(buf, 0, sizeof(buf));
	set->argsz = argsz ? argsz :
		     sizeof(*set) + (fds ? count * sizeof(int32_t) : 0);
	set->flags = flags;
	set->index = index;
	set->start = start;
	set->count = count;
	if (fds)
		memcpy(set->data, fds, count * sizeof(int32_t));
	return ioctl(fd, VFIO_DEVICE_SET_IRQS, set) ? -errno : 0;
}

static int set_irqs(unsigned int index, uint32_t flags, uint32_t start,
		    uint32_t count, int32_t *fds)
{
	return set_irqs_argsz(index, flags, start, count, fds, 0);
}

static uint32_t bar0_read(uint32_t off, unsigned int size)
{
	uint32_t v = 0;

	if (pread(fd, &v, size, REGION(0) + off) != (ssize_t)size)
		return 0xdeadbeef;
	return v;
}

/* a BAR0 write of SIZE bytes: 0 or -errno */
static int bar0_write(uint32_t off, uint32_t v, unsigned int size)
{
	ssize_t n = pwrite(fd, &v, size, REGION(0) + off);

	if (n == (ssize_t)size)
		return 0;
	return n < 0 ? -errno : -EIO;
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

static int hold_device(const char *uuid, const char *ready, int want_err)
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
	return nvtest_failed;
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
	uint32_t *map;
	unsigned int pos, msi = 0, msix = 0;
	uint32_t t0, t1;
	ssize_t n;

	if (argc == 5 && !strcmp(argv[2], "hold"))
		return hold_device(uuid, argv[3], !strcmp(argv[4], "err"));
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
		static const struct region_want want[] = {
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
		else if (cfg_read(pos, 1) == PCI_CAP_ID_MSIX)
			msix = pos;
	CHECK(msi, "MSI capability at %#x", msi);
	CHECK(msix == 0x7c, "MSI-X capability at 0x7c (%#x)", msix);
	CHECK(msix && (cfg_read(msix + PCI_MSIX_FLAGS, 2) & PCI_MSIX_FLAGS_QSIZE) == 0,
	      "MSI-X: one vector (flags %#x)", cfg_read(msix + PCI_MSIX_FLAGS, 2));
	CHECK(msix && cfg_read(msix + PCI_MSIX_TABLE, 4) == MSIX_TABLE &&
	      cfg_read(msix + PCI_MSIX_PBA, 4) == MSIX_PBA,
	      "MSI-X table at BAR0 %#x, PBA at BAR0 %#x",
	      cfg_read(msix + PCI_MSIX_TABLE, 4), cfg_read(msix + PCI_MSIX_PBA, 4));
	if (msix) {
		cfg_write(msix + PCI_MSIX_FLAGS, 0xffff, 2);
		v = cfg_read(msix + PCI_MSIX_FLAGS, 2);
		CHECK(v == (PCI_MSIX_FLAGS_ENABLE | PCI_MSIX_FLAGS_MASKALL),
		      "MSI-X: only enable and function mask are writable (%#x)", v);
		cfg_write(msix + PCI_MSIX_FLAGS, 0, 2);
		cfg_write(msix + PCI_MSIX_TABLE, 0, 4);
		CHECK(cfg_read(msix + PCI_MSIX_TABLE, 4) == MSIX_TABLE,
		      "MSI-X table offset is read-only");
	}
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
	CHECK(bar0_read(0, 2) == (bar0_read(0, 4) & 0xffff) &&
	      bar0_read(3, 1) == bar0_read(0, 4) >> 24,
	      "BAR0 sub-dword reads of NV_PMC_BOOT_0");
	CHECK(bar0_write(0, 0, 4) == 0 && bar0_read(0, 4) != 0,
	      "NV_PMC_BOOT_0 ignores writes");

	/* the VF's windows: 32-bit writes only */
	CHECK(bar0_write(VF_PRIV_SCRATCH, 0x1234, 2) == -EINVAL,
	      "BAR0 2-byte write to the VF window: EINVAL");
	CHECK(bar0_write(VF_PRIV_SCRATCH + 1, 0x12, 1) == -EINVAL,
	      "BAR0 1-byte write to the VF window: EINVAL");
	CHECK(bar0_write(VF_DOORBELL + 2, 0x12, 2) == -EINVAL,
	      "BAR0 2-byte write to NV_VIRTUAL_FUNCTION: EINVAL");
	{
		uint32_t six[2] = { 0, 0 };

		n = pwrite(fd, six, 6, REGION(0) + 0x3fffc);
		CHECK(n == 6, "BAR0 6-byte write ending past the VF windows (%zd)", n);
		n = pwrite(fd, six, 6, REGION(0) + VF_PRIV_SCRATCH);
		CHECK(n < 0 && errno == EINVAL,
		      "BAR0 6-byte write in the VF window: EINVAL");
	}
	CHECK(bar0_write(0x40000, 0x12, 1) == 0 && bar0_write(0x40002, 0x12, 2) == 0,
	      "BAR0 sub-dword writes past the VF windows are accepted");
	CHECK(bar0_read(VF_PRIV_TIMER + 2, 2) != 0xdeadbeef,
	      "BAR0 2-byte read in the VF window");
	/*
	 * The timer proves the forward reaches the backend. Expected to fail
	 * until the sim implements the VF registers (branch vf): the core
	 * then answers -ENXIO and the window reads as zero.
	 */
	t0 = bar0_read(VF_PRIV_TIMER, 4);
	usleep(20000);
	t1 = bar0_read(VF_PRIV_TIMER, 4);
	CHECK(t0 != 0xdeadbeef && t1 != 0xdeadbeef && t1 != t0 && t1 - t0 < 0x80000000u,
	      "NV_VIRTUAL_FUNCTION_PRIV_TIMER advances (%#x -> %#x; needs the sim's VF registers, branch vf)",
	      t0, t1);

	/* the MSI-X table and PBA as plain emulated memory */
	CHECK(bar0_read(MSIX_TABLE + 12, 4) == 1, "MSI-X vector 0 masked at power-on");
	CHECK(!bar0_write(MSIX_TABLE, 0xfee00003, 4) && !bar0_write(MSIX_TABLE + 4, 0x1, 4) &&
	      !bar0_write(MSIX_TABLE + 8, 0x4041, 4) && !bar0_write(MSIX_TABLE + 12, 0xfffffffe, 4),
	      "MSI-X table writes");
	CHECK(bar0_read(MSIX_TABLE, 4) == 0xfee00000 && bar0_read(MSIX_TABLE + 4, 4) == 1 &&
	      bar0_read(MSIX_TABLE + 8, 4) == 0x4041 && bar0_read(MSIX_TABLE + 12, 4) == 0,
	      "MSI-X table reads back (address dword aligned, control bit 0 only)");
	CHECK(bar0_read(MSIX_TABLE + 8, 2) == 0x4041 && bar0_read(MSIX_TABLE + 16, 4) == 0,
	      "MSI-X table: sub-dword read; past the one entry reads 0");
	CHECK(!bar0_write(MSIX_PBA, 0xffffffff, 4) && bar0_read(MSIX_PBA, 4) == 0 &&
	      bar0_read(MSIX_PBA + 4, 4) == 0, "MSI-X PBA reads 0, ignores writes");

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
		munmap(map, 0x4000);
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
	CHECK(!ioctl(fd, VFIO_DEVICE_GET_IRQ_INFO, &ii) && ii.count == 1 &&
	      ii.flags == (VFIO_IRQ_INFO_EVENTFD | VFIO_IRQ_INFO_NORESIZE),
	      "MSI-X: 1 vector, eventfd, noresize (count %u flags %#x)", ii.count,
	      ii.flags);
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
		       VFIO_IRQ_SET_ACTION_TRIGGER, 0, 1, &efd2) == -EINVAL,
	      "MSI-X while MSI is enabled: EINVAL");
	CHECK(set_irqs(7, VFIO_IRQ_SET_DATA_NONE | VFIO_IRQ_SET_ACTION_TRIGGER,
		       0, 0, NULL) == -EINVAL, "IRQ index 7: EINVAL");
	CHECK(set_irqs(VFIO_PCI_MSI_IRQ_INDEX, VFIO_IRQ_SET_DATA_NONE |
		       VFIO_IRQ_SET_ACTION_MASK, 0, 1, NULL) == -ENOTTY,
	      "MSI mask: ENOTTY");
	CHECK(!set_irqs(VFIO_PCI_MSI_IRQ_INDEX, VFIO_IRQ_SET_DATA_NONE |
			VFIO_IRQ_SET_ACTION_TRIGGER, 0, 0, NULL), "MSI disabled");

	/* MSI-X */
	CHECK(set_irqs_argsz(VFIO_PCI_MSIX_IRQ_INDEX, VFIO_IRQ_SET_DATA_EVENTFD |
			     VFIO_IRQ_SET_ACTION_TRIGGER, 0, 1, &efd,
			     sizeof(struct vfio_irq_set) + 2) == -EINVAL,
	      "MSI-X with a short argsz: EINVAL");
	CHECK(set_irqs_argsz(VFIO_PCI_MSIX_IRQ_INDEX, VFIO_IRQ_SET_DATA_EVENTFD |
			     VFIO_IRQ_SET_ACTION_TRIGGER, 0, 1, &efd, 8) == -EINVAL,
	      "MSI-X with argsz below the header: EINVAL");
	CHECK(set_irqs(VFIO_PCI_MSIX_IRQ_INDEX, VFIO_IRQ_SET_DATA_EVENTFD |
		       VFIO_IRQ_SET_ACTION_TRIGGER, 0, 2, (int32_t[]){ efd, efd2 }) == -EINVAL,
	      "MSI-X count 2: EINVAL");
	CHECK(set_irqs(VFIO_PCI_MSIX_IRQ_INDEX, VFIO_IRQ_SET_DATA_EVENTFD |
		       VFIO_IRQ_SET_ACTION_TRIGGER, 1, 1, &efd) == -EINVAL,
	      "MSI-X start 1: EINVAL");
	CHECK(set_irqs(VFIO_PCI_MSIX_IRQ_INDEX, VFIO_IRQ_SET_DATA_EVENTFD |
		       VFIO_IRQ_SET_DATA_NONE | VFIO_IRQ_SET_ACTION_TRIGGER, 0, 1,
		       &efd) == -EINVAL, "MSI-X with two data types: EINVAL");
	CHECK(set_irqs(VFIO_PCI_MSIX_IRQ_INDEX, VFIO_IRQ_SET_DATA_NONE |
		       VFIO_IRQ_SET_ACTION_TRIGGER, 0, 1, NULL) == -EINVAL,
	      "MSI-X loopback while not enabled: EINVAL");
	CHECK(!set_irqs(VFIO_PCI_MSIX_IRQ_INDEX, VFIO_IRQ_SET_DATA_EVENTFD |
			VFIO_IRQ_SET_ACTION_TRIGGER, 0, 1, &efd), "MSI-X eventfd set");
	CHECK(!set_irqs(VFIO_PCI_MSIX_IRQ_INDEX, VFIO_IRQ_SET_DATA_NONE |
			VFIO_IRQ_SET_ACTION_TRIGGER, 0, 1, NULL) && fired(efd) == 1,
	      "MSI-X loopback fires the eventfd");
	CHECK(!set_irqs(VFIO_PCI_MSIX_IRQ_INDEX, VFIO_IRQ_SET_DATA_BOOL |
			VFIO_IRQ_SET_ACTION_TRIGGER, 0, 1, (int32_t[]){ 0 }) &&
	      fired(efd) == 0, "MSI-X loopback with false: nothing");
	CHECK(set_irqs(VFIO_PCI_MSI_IRQ_INDEX, VFIO_IRQ_SET_DATA_EVENTFD |
		       VFIO_IRQ_SET_ACTION_TRIGGER, 0, 1, &efd2) == -EINVAL,
	      "MSI while MSI-X is enabled: EINVAL");
	CHECK(set_irqs(VFIO_PCI_INTX_IRQ_INDEX, VFIO_IRQ_SET_DATA_EVENTFD |
		       VFIO_IRQ_SET_ACTION_TRIGGER, 0, 1, &efd2) == -EINVAL,
	      "INTx while MSI-X is enabled: EINVAL");
	CHECK(set_irqs(VFIO_PCI_MSIX_IRQ_INDEX, VFIO_IRQ_SET_DATA_NONE |
		       VFIO_IRQ_SET_ACTION_UNMASK, 0, 1, NULL) == -ENOTTY,
	      "MSI-X unmask: ENOTTY");
	CHECK(!set_irqs(VFIO_PCI_MSIX_IRQ_INDEX, VFIO_IRQ_SET_DATA_EVENTFD |
			VFIO_IRQ_SET_ACTION_TRIGGER, 0, 1, (int32_t[]){ -1 }) &&
	      set_irqs(VFIO_PCI_MSIX_IRQ_INDEX, VFIO_IRQ_SET_DATA_NONE |
		       VFIO_IRQ_SET_ACTION_TRIGGER, 0, 1, NULL) == -EINVAL,
	      "MSI-X fd -1 tears the vector down");
	CHECK(!set_irqs(VFIO_PCI_MSI_IRQ_INDEX, VFIO_IRQ_SET_DATA_EVENTFD |
			VFIO_IRQ_SET_ACTION_TRIGGER, 0, 1, &efd2) &&
	      !set_irqs(VFIO_PCI_MSI_IRQ_INDEX, VFIO_IRQ_SET_DATA_NONE |
			VFIO_IRQ_SET_ACTION_TRIGGER, 0, 0, NULL),
	      "MSI can be enabled after MSI-X was torn down");
	CHECK(!set_irqs(VFIO_PCI_MSIX_IRQ_INDEX, VFIO_IRQ_SET_DATA_EVENTFD |
			VFIO_IRQ_SET_ACTION_TRIGGER, 0, 1, &efd) &&
	      !set_irqs(VFIO_PCI_MSIX_IRQ_INDEX, VFIO_IRQ_SET_DATA_NONE |
			VFIO_IRQ_SET_ACTION_TRIGGER, 0, 0, NULL) &&
	      set_irqs(VFIO_PCI_MSIX_IRQ_INDEX, VFIO_IRQ_SET_DATA_NONE |
		       VFIO_IRQ_SET_ACTION_TRIGGER, 0, 1, NULL) == -EINVAL,
	      "MSI-X disabled with count 0");
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

	/* reset and unknown ioctls: MSI-X stays set up, as on vfio-pci */
	CHECK(!set_irqs(VFIO_PCI_INTX_IRQ_INDEX, VFIO_IRQ_SET_DATA_NONE |
			VFIO_IRQ_SET_ACTION_TRIGGER, 0, 0, NULL) &&
	      !set_irqs(VFIO_PCI_MSIX_IRQ_INDEX, VFIO_IRQ_SET_DATA_EVENTFD |
			VFIO_IRQ_SET_ACTION_TRIGGER, 0, 1, &efd2),
	      "INTx off, MSI-X on before the reset");
	if (msix)
		cfg_write(msix + PCI_MSIX_FLAGS, PCI_MSIX_FLAGS_ENABLE, 2);
	bar0_write(MSIX_TABLE + 12, 0, 4);
	CHECK(!ioctl(fd, VFIO_DEVICE_RESET), "VFIO_DEVICE_RESET");
	CHECK(cfg_read(PCI_COMMAND, 2) == 0 &&
	      cfg_read(PCI_BASE_ADDRESS_0, 4) == 0, "reset restores config space");
	CHECK(msix && cfg_read(msix + PCI_MSIX_FLAGS, 2) == 0 &&
	      bar0_read(MSIX_TABLE + 12, 4) == 1 && bar0_read(MSIX_TABLE, 4) == 0,
	      "reset: MSI-X disabled in config space, vector masked again");
	CHECK(!set_irqs(VFIO_PCI_MSIX_IRQ_INDEX, VFIO_IRQ_SET_DATA_NONE |
			VFIO_IRQ_SET_ACTION_TRIGGER, 0, 1, NULL) && fired(efd2) == 1,
	      "reset: the MSI-X eventfd is still set up");
	CHECK(ioctl(fd, VFIO_DEVICE_GET_PCI_HOT_RESET_INFO, &di) && errno == ENOTTY,
	      "unsupported ioctl: ENOTTY");

	close(efd);
	close(efd2);
	close(fd);
	close(group);
	close(container);
	read_state(uuid, state, sizeof(state));
	CHECK(!strcmp(state, "stopped"), "vGPU stopped after close (%s)", state);
	return nvtest_failed;
}
